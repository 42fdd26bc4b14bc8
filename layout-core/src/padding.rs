//! Padding: the bytes of a value that belong to no field.

use crate::model::{Body, Field, TypeLayout};

/// A half-open byte range `start..end` inside a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteRange {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl ByteRange {
    /// Number of bytes in the range.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the range holds no byte.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// The padding ranges of a [`TypeLayout`], in offset order; see [`TypeLayout::padding`].
///
/// It is an [`Iterator`], and [`Padding::next_const`] steps it in `const` code. It needs no
/// allocation: each step scans the fields, so unions and reordered structs work alike.
#[derive(Clone, Copy, Debug)]
pub struct Padding {
    fields: &'static [Field],
    /// Bytes covered besides the fields: an enum's tag.
    also: Option<ByteRange>,
    size: usize,
    pos: usize,
}

impl Padding {
    pub(crate) const fn of(layout: &TypeLayout) -> Padding {
        match layout.body {
            Body::Struct { fields, .. } | Body::Union { fields } => {
                Padding::over(fields, layout.size, None)
            }
            _ => Padding::over(&[], 0, None),
        }
    }

    /// The bytes in `0..size` that neither `fields` (with known offsets) nor `also` cover.
    pub(crate) const fn over(
        fields: &'static [Field],
        size: usize,
        also: Option<ByteRange>,
    ) -> Padding {
        Padding {
            fields,
            also,
            size,
            pos: 0,
        }
    }

    /// The next padding range, usable in `const` code.
    pub const fn next_const(&mut self) -> Option<ByteRange> {
        while self.pos < self.size {
            let mut covered_to = covered_from(self.fields, self.pos);
            if let Some(r) = self.also {
                if r.start <= self.pos && r.end > covered_to {
                    covered_to = r.end;
                }
            }
            if covered_to > self.pos {
                self.pos = covered_to;
                continue;
            }
            let start = self.pos;
            let mut end = next_field_start(self.fields, start, self.size);
            if let Some(r) = self.also {
                if r.start > start && r.start < end && !r.is_empty() {
                    end = r.start;
                }
            }
            self.pos = end;
            return Some(ByteRange { start, end });
        }
        None
    }

    /// The first padding range, if any (handy in `const` assertions).
    pub const fn first(mut self) -> Option<ByteRange> {
        self.next_const()
    }
}

impl Iterator for Padding {
    type Item = ByteRange;

    fn next(&mut self) -> Option<ByteRange> {
        self.next_const()
    }
}

/// How far the fields that contain byte `pos` reach (`pos` itself when none does).
const fn covered_from(fields: &[Field], pos: usize) -> usize {
    let mut reach = pos;
    let mut i = 0;
    while i < fields.len() {
        if let Some(r) = fields[i].range() {
            if !r.is_empty() && r.start <= pos && r.end > reach {
                reach = r.end;
            }
        }
        i += 1;
    }
    reach
}

/// The first offset after `pos` where a non-empty field starts, or `size`.
const fn next_field_start(fields: &[Field], pos: usize, size: usize) -> usize {
    let mut next = size;
    let mut i = 0;
    while i < fields.len() {
        if let Some(r) = fields[i].range() {
            if !r.is_empty() && r.start > pos && r.start < next {
                next = r.start;
            }
        }
        i += 1;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::field;

    extern crate std;
    use std::vec::Vec;

    fn ranges(p: Padding) -> Vec<(usize, usize)> {
        p.map(|r| (r.start, r.end)).collect()
    }

    const HOLES: [Field; 3] = [
        field::<u8>("a", "u8", 0),
        field::<u16>("b", "u16", 2),
        field::<u32>("c", "u32", 8),
    ];

    #[test]
    fn holes_between_fields_and_after_the_last() {
        assert_eq!(
            ranges(Padding::over(&HOLES, 16, None)),
            [(1, 2), (4, 8), (12, 16)]
        );
        // No field at all: the whole value is padding.
        assert_eq!(ranges(Padding::over(&[], 4, None)), [(0, 4)]);
        assert_eq!(ranges(Padding::over(&[], 0, None)), []);
    }

    #[test]
    fn fields_in_any_order_and_overlapping_members() {
        const SHUFFLED: [Field; 3] = [HOLES[2], HOLES[0], HOLES[1]];
        assert_eq!(
            ranges(Padding::over(&SHUFFLED, 16, None)),
            [(1, 2), (4, 8), (12, 16)]
        );
        // Union members all start at 0: the padding is past the largest.
        const MEMBERS: [Field; 2] = [field::<u16>("s", "u16", 0), field::<u8>("b", "u8", 0)];
        assert_eq!(ranges(Padding::over(&MEMBERS, 4, None)), [(2, 4)]);
    }

    #[test]
    fn zero_sized_fields_cover_nothing() {
        const WITH_ZST: [Field; 3] = [
            field::<u8>("a", "u8", 0),
            field::<()>("unit", "()", 1),
            field::<u16>("b", "u16", 2),
        ];
        assert_eq!(ranges(Padding::over(&WITH_ZST, 4, None)), [(1, 2)]);
    }

    #[test]
    fn a_tag_is_not_padding() {
        const AFTER_TAG: [Field; 1] = [field::<u32>("0", "u32", 4)];
        let tag = ByteRange { start: 0, end: 1 };
        assert_eq!(
            ranges(Padding::over(&AFTER_TAG, 12, Some(tag))),
            [(1, 4), (8, 12)]
        );
        // A tag in the middle of a hole splits it.
        let tag = ByteRange { start: 9, end: 10 };
        assert_eq!(
            ranges(Padding::over(&AFTER_TAG, 12, Some(tag))),
            [(0, 4), (8, 9), (10, 12)]
        );
    }

    #[test]
    fn the_iterator_steps_in_const() {
        const FIRST: Option<ByteRange> = Padding::over(&HOLES, 16, None).first();
        assert_eq!(FIRST, Some(ByteRange { start: 1, end: 2 }));
        const TOTAL: usize = {
            let mut p = Padding::over(&HOLES, 16, None);
            let mut total = 0;
            while let Some(r) = p.next_const() {
                total += r.len();
            }
            total
        };
        assert_eq!(TOTAL, 9);
    }
}
