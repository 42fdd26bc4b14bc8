//! Memory order of fields, without allocating.

use crate::model::Field;

/// The index of the field that follows `after` (an `(offset, index)` pair) in memory order:
/// smallest offset first, declaration order among equal offsets (zero-sized fields and union
/// members share offsets).
pub(crate) const fn next_by_offset(
    fields: &[Field],
    after: Option<(usize, usize)>,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut i = 0;
    while i < fields.len() {
        let key = (fields[i].placed(), i);
        let is_after = match after {
            None => true,
            Some((offset, index)) => key.0 > offset || (key.0 == offset && key.1 > index),
        };
        if is_after {
            best = match best {
                Some(b) if fields[b].placed() <= key.0 => Some(b),
                _ => Some(i),
            };
        }
        i += 1;
    }
    best
}

/// `fields` in memory order.
pub(crate) fn by_offset(fields: &'static [Field]) -> impl Iterator<Item = &'static Field> {
    let mut last: Option<(usize, usize)> = None;
    core::iter::from_fn(move || {
        let next = next_by_offset(fields, last)?;
        last = Some((fields[next].placed(), next));
        Some(&fields[next])
    })
}
