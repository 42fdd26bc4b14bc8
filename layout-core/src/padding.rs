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
