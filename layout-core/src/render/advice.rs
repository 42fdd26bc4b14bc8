//! What a reader of a `repr(C)` layout wants to know next: how small a reordering would make
//! it, and how many cache lines it spans.

use crate::model::{Body, Field, StructKind, TypeLayout};
use crate::ReprBase;

/// The fields of a `repr(C)` struct sorted by alignment, largest first (declaration order
/// among equals): for sizes that are multiples of their alignment, as all Rust types' are,
/// that order leaves no interior holes, so it reaches the smallest size.
pub(crate) fn reordered(l: &TypeLayout) -> Option<Reordering> {
    let reorderable = matches!(
        l.body,
        Body::Struct {
            kind: StructKind::Named | StructKind::TupleStruct,
            ..
        }
    );
    let modifier_ok = l.repr.packed().is_none();
    if !reorderable || l.repr.base() != ReprBase::C || !modifier_ok || l.fields().len() < 2 {
        return None;
    }
    let mut end = 0usize;
    for field in sorted(l.fields()) {
        end = end.next_multiple_of(field.align()) + field.size();
    }
    let size = end.next_multiple_of(l.align);
    (size < l.size).then_some(Reordering {
        fields: l.fields(),
        size,
    })
}

pub(crate) struct Reordering {
    fields: &'static [Field],
    /// The size the reordered struct would have.
    pub size: usize,
}

impl Reordering {
    pub fn order(&self) -> impl Iterator<Item = &'static Field> {
        sorted(self.fields)
    }
}

/// Fields by alignment, largest first, stable.
fn sorted(fields: &'static [Field]) -> impl Iterator<Item = &'static Field> {
    let mut aligns = [0usize; 64];
    let mut count = 0;
    // The distinct alignments are powers of two: at most 64 of them.
    for f in fields {
        if !aligns[..count].contains(&f.align()) && count < aligns.len() {
            aligns[count] = f.align();
            count += 1;
        }
    }
    aligns[..count].sort_unstable_by(|a, b| b.cmp(a));
    (0..count).flat_map(move |i| fields.iter().filter(move |f| f.align() == aligns[i]))
}

/// How many cache lines of `line` bytes a value of `size` bytes spans when it starts on a
/// line boundary.
pub(crate) fn cache_lines(size: usize, line: usize) -> usize {
    size.div_ceil(line)
}
