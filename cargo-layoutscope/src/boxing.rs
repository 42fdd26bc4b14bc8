//! What an enum's size would be with one variant's fields moved behind a `Box`.
//!
//! rustc lays out a `repr(Rust)` enum twice and keeps the smaller (`layout_of_enum` in
//! `rustc_abi`): a *tagged* layout (each variant a struct after a tag of the smallest integer
//! that holds the discriminants, its fields sorted by ascending alignment), and, when the
//! largest variant has a niche with a free value for every other variant, a *niche-filling*
//! layout (the largest variant's fields, the others around its niche). This module applies
//! that rule to the enum with variant `V` replaced by one pointer-sized, pointer-aligned field
//! with one free niche value (the null `Box`):
//!
//! - the tagged size is computed from the fields' sizes and alignments;
//! - when the boxed variant is the largest, its niche has exactly one free value, so the
//!   niche-filling layout exists only for two variants the other of which is zero-sized, and
//!   the size is then exact;
//! - when another variant is the largest, its niche (not described by the debug info) decides,
//!   so the answer is a range: at least that variant's size, at most the tagged size.
//!
//! The test suite checks these sizes against the compiler on generated enums whose boxed
//! forms it compiles.

use layout_core::TypeLayout;

/// The size with a variant boxed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boxed {
    /// Exactly this size.
    Exact(usize),
    /// Between these sizes (inclusive).
    Between(usize, usize),
}

impl Boxed {
    /// The largest size it can be.
    pub fn at_most(self) -> usize {
        match self {
            Boxed::Exact(n) | Boxed::Between(_, n) => n,
        }
    }
}

/// The size of `enum_layout` with variant `boxed` holding a `Box` (of `pointer` bytes)
/// instead of its fields; `None` when the enum is not one this rule covers (fewer than two
/// variants, more than 256, a tag whose place is unknown).
///
/// The tag is the enum's own direct tag (as wide as rustc made it: widening only fills what
/// the fields' alignment leaves free, so it changes no offset), or one byte for a niche-encoded
/// enum.
pub fn boxed_size(enum_layout: &TypeLayout, boxed: usize, pointer: usize) -> Option<Boxed> {
    let variants = enum_layout.variants();
    if variants.len() < 2 || variants.len() > 256 || boxed >= variants.len() {
        return None;
    }
    let tag = match enum_layout.tag() {
        layout_core::Tag::Direct { offset: 0, size } => size,
        layout_core::Tag::Niche { .. } => 1,
        _ => return None,
    };
    // (size, align) of each field of each variant after boxing.
    let shapes: Vec<Vec<(usize, usize)>> = variants
        .iter()
        .enumerate()
        .map(|(i, v)| {
            if i == boxed {
                vec![(pointer, pointer)]
            } else {
                v.fields.iter().map(|f| (f.size(), f.align())).collect()
            }
        })
        .collect();
    let tagged = tagged_size(&shapes, tag);
    let payloads: Vec<usize> = shapes.iter().map(|f| struct_size(f)).collect();
    // rustc's `max_by_key` keeps the last of equally large variants.
    let largest = (0..payloads.len())
        .max_by_key(|&i| payloads[i])
        .expect("at least two variants");
    if largest == boxed {
        let others_zero_sized = (0..payloads.len()).all(|i| i == boxed || payloads[i] == 0);
        if variants.len() == 2 && others_zero_sized {
            return Some(Boxed::Exact(tagged.min(pointer)));
        }
        return Some(Boxed::Exact(tagged));
    }
    let low = payloads[largest];
    if low >= tagged {
        Some(Boxed::Exact(tagged))
    } else {
        Some(Boxed::Between(low, tagged))
    }
}

/// The size of a struct of these fields laid out by rustc's rule for enum variants, sorted
/// by ascending alignment after a prefix of `start` bytes.
fn variant_end(fields: &[(usize, usize)], start: usize) -> (usize, usize) {
    let mut sorted = fields.to_vec();
    sorted.sort_by_key(|&(size, align)| effective_align(size, align));
    let mut end = start;
    let mut align = 1;
    for (size, a) in sorted {
        end = end.next_multiple_of(a) + size;
        align = align.max(a);
    }
    (end, align)
}

/// rustc groups fields by the larger of their alignment and their size, as a power of two
/// (`alignment_group_key`), so that `[u8; 4]` sorts with `u32`.
fn effective_align(size: usize, align: usize) -> u32 {
    align.max(size).trailing_zeros()
}

fn struct_size(fields: &[(usize, usize)]) -> usize {
    let (end, align) = variant_end(fields, 0);
    end.next_multiple_of(align)
}

fn tagged_size(variants: &[Vec<(usize, usize)>], tag: usize) -> usize {
    let mut end = tag;
    let mut align = tag;
    for v in variants {
        let (e, a) = variant_end(v, tag);
        end = end.max(e);
        align = align.max(a);
    }
    end.next_multiple_of(align)
}
