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
        let key = (fields[i].offset, i);
        let is_after = match after {
            None => true,
            Some((offset, index)) => key.0 > offset || (key.0 == offset && key.1 > index),
        };
        if is_after {
            best = match best {
                Some(b) if fields[b].offset <= key.0 => Some(b),
                _ => Some(i),
            };
        }
        i += 1;
    }
    best
}
