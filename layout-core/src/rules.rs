//! The layout rules of the representations whose layout Rust specifies.
//!
//! The derive states what a type's definition says (its `repr`, an enum's tag type, the field
//! types) and which kind of type it is; which rule places the fields is decided here, once,
//! for the derive and for the impls of this crate. Every result is checked against the
//! compiler: a struct's or union's size and align in `aggregate`/`union`, an enum's in
//! `enumeration`, and the field offsets by the oracle's differential tests.

use crate::model::{Field, Layout};
use crate::repr::{Repr, ReprBase};
use core::mem::{align_of, size_of};

/// What an enum under `align(N)` with `repr(C)` states besides its repr and tag type: the
/// largest alignment of its fields, which the payload union has and `align(N)` hides from
/// `align_of` the enum. Stated as `Layout::__FACTS`; not a public API.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Facts {
    /// 0 where nothing is stated.
    fields_align: usize,
}

impl Facts {
    /// Nothing stated: what every type but a `repr(C, align(N))` enum with fields states.
    pub const NONE: Facts = Facts { fields_align: 0 };

    /// An enum whose variants' fields have these alignments.
    pub const fn fields_align(aligns: &[usize]) -> Facts {
        let mut fields_align = 1;
        let mut i = 0;
        while i < aligns.len() {
            if aligns[i] > fields_align {
                fields_align = aligns[i];
            }
            i += 1;
        }
        Facts { fields_align }
    }
}

/// Which kind of type a field list belongs to.
#[derive(Clone, Copy)]
enum Kind {
    Struct,
    Union,
    /// A variant of an enum with a tag of this size, whose payload union has this alignment.
    Variant {
        tag_size: usize,
        union_align: usize,
    },
}

/// Where a field list starts.
#[derive(Clone, Copy)]
enum Start {
    /// Every field at 0.
    Overlapping,
    /// One field after the other from this offset.
    After(usize),
}

/// Where the fields of a struct, union or enum variant with this `repr` start by its rule,
/// `None` where Rust does not specify it.
const fn start(kind: Kind, repr: Repr) -> Option<Start> {
    match (kind, repr.base()) {
        // "each field at offset 0" (Reference, type-layout.html#reprc-unions).
        (Kind::Union, ReprBase::C) => Some(Start::Overlapping),
        // Fields in declaration order, each at the next multiple of its alignment
        // (Reference, type-layout.html#reprc-structs), capped by `packed(N)`.
        (Kind::Struct, ReprBase::C) => Some(Start::After(0)),
        // RFC 2195, primitive representation: each variant is a `repr(C)` struct whose
        // first field is the tag (Reference,
        // type-layout.html#primitive-representation-of-enums-with-fields).
        (Kind::Variant { tag_size, .. }, ReprBase::Int(_)) => Some(Start::After(tag_size)),
        // RFC 2195, `repr(C)` and `repr(C, u8)`: a `repr(C)` struct of the tag and a
        // `repr(C)` union of the variants' `repr(C)` structs, which starts at the tag's
        // size rounded up to the union's alignment (Reference,
        // type-layout.html#reprc-enums-with-fields).
        (
            Kind::Variant {
                tag_size,
                union_align,
            },
            ReprBase::C | ReprBase::CInt(_),
        ) => Some(Start::After(tag_size.next_multiple_of(union_align))),
        _ => None,
    }
}

/// The fields of a struct with this `repr`, at the offsets its rule gives them (the C rule),
/// or left unplaced where Rust does not specify them.
pub const fn place_struct<const N: usize>(repr: Repr, fields: [Field; N]) -> [Field; N] {
    place(start(Kind::Struct, repr), repr, fields)
}

/// The fields of a union with this `repr`, at the offsets its rule gives them (0 for
/// `repr(C)`), or left unplaced where Rust does not specify them.
pub const fn place_union<const N: usize>(repr: Repr, fields: [Field; N]) -> [Field; N] {
    place(start(Kind::Union, repr), repr, fields)
}

/// The fields of a variant of enum `E` with this `repr` and tag type `T`, at the offsets
/// RFC 2195 gives them, or left unplaced where Rust does not specify them.
pub const fn place_variant<E: Layout, T, const N: usize>(
    repr: Repr,
    fields: [Field; N],
) -> [Field; N] {
    let kind = Kind::Variant {
        tag_size: size_of::<T>(),
        union_align: union_align::<E>(repr),
    };
    place(start(kind, repr), repr, fields)
}

/// The alignment of the payload union of `repr(C)` enum `E`: the largest alignment of its
/// fields. `E`'s own alignment is the larger of the tag's and the union's, and rounding the
/// tag's size (a multiple of the tag's alignment) up to either gives the same offset, so it
/// serves, except under `align(N)`, which raises `E`'s alone: there `E` states its fields'
/// alignments.
const fn union_align<E: Layout>(repr: Repr) -> usize {
    if repr.aligned().is_none() || !repr.is_c() {
        return align_of::<E>();
    }
    match E::__FACTS.fields_align {
        0 => panic!("layoutscope: a repr(C, align(N)) enum must state its fields' alignments"),
        n => n,
    }
}

/// `fields` placed from `start`, packed as `repr` says; unchanged without a start.
const fn place<const N: usize>(
    start: Option<Start>,
    repr: Repr,
    mut fields: [Field; N],
) -> [Field; N] {
    match start {
        Some(Start::After(start)) => c_fields(fields, start, repr.pack()),
        Some(Start::Overlapping) => {
            let mut i = 0;
            while i < N {
                fields[i].offset = Some(0);
                i += 1;
            }
            fields
        }
        None => fields,
    }
}

/// Size and align of the tag of an enum with this `repr` and tag type `T`, where Rust
/// specifies the enum's layout: fieldless enums of any repr (Reference,
/// type-layout.html#primitive-representations), and enums with fields and `repr(C)` or a
/// primitive repr (RFC 2195). `repr(Rust)` and `repr(transparent)` leave an enum with fields
/// unspecified.
pub(crate) const fn specified_tag<T>(repr: Repr, fieldless: bool) -> Option<(usize, usize)> {
    if fieldless || repr.is_c() || repr.int_type().is_some() {
        Some((size_of::<T>(), align_of::<T>()))
    } else {
        None
    }
}

/// `fields` at the offsets the C rule gives them, counting from `start`: each field at the
/// next multiple of its alignment (capped at `pack`, 0 when not packed) after the end of the
/// previous one. This is the layout of a `repr(C)` struct, and of the structs that RFC 2195
/// lays out an enum's variants as.
///
/// It replaces one `offset_of!` per field: each of those is a separate constant for rustc to
/// type-check, evaluate and track, the largest build-time cost of the derive.
pub(crate) const fn c_fields<const N: usize>(
    mut fields: [Field; N],
    start: usize,
    pack: usize,
) -> [Field; N] {
    let mut end = start;
    let mut i = 0;
    while i < N {
        let offset = end.next_multiple_of(capped(fields[i].align(), pack));
        fields[i].offset = Some(offset);
        end = offset + fields[i].size();
        i += 1;
    }
    fields
}

/// `align` inside `packed(pack)`; `pack` 0 is not packed.
pub(crate) const fn capped(align: usize, pack: usize) -> usize {
    if pack != 0 && pack < align {
        pack
    } else {
        align
    }
}

/// The furthest end of any of `fields` and their largest alignment (capped at `pack`), at
/// least `end` and `align`.
pub(crate) const fn extent(
    fields: &[Field],
    pack: usize,
    mut end: usize,
    mut align: usize,
) -> (usize, usize) {
    let mut i = 0;
    while i < fields.len() {
        let a = capped(fields[i].align(), pack);
        if a > align {
            align = a;
        }
        if let Some(range) = fields[i].range() {
            if range.end > end {
                end = range.end;
            }
        }
        i += 1;
    }
    (end, align)
}

/// Size and align of a `repr(C)` struct or union with these fields (offsets already set),
/// by the C rule: the largest (capped) field alignment, raised by `align(N)`; the end of the
/// last byte of any field, rounded up to that alignment.
pub(crate) const fn c_size_align(fields: &[Field], repr: Repr) -> (usize, usize) {
    let (end, align) = extent(fields, repr.pack(), 0, repr.min_align());
    (end.next_multiple_of(align), align)
}

/// Size and align of an enum whose layout RFC 2195 specifies, from its tag and its variants'
/// placed fields: both of its layouts end at the furthest field end (at least the tag's),
/// rounded up to the largest alignment (of the tag, the fields and `align(N)`).
pub(crate) const fn tagged_size_align(
    tag: (usize, usize),
    variants: &[crate::Variant],
    repr: Repr,
) -> (usize, usize) {
    let (tag_size, tag_align) = tag;
    let mut align = if repr.min_align() > tag_align {
        repr.min_align()
    } else {
        tag_align
    };
    let mut end = tag_size;
    let mut v = 0;
    while v < variants.len() {
        (end, align) = extent(variants[v].fields, 0, end, align);
        v += 1;
    }
    (end.next_multiple_of(align), align)
}

#[cfg(test)]
mod tests;
