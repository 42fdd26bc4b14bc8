//! How names and types are written: type names without module paths, and a field's type as
//! the source wrote it or as it was instantiated.

use core::fmt::{self, Display, Formatter};

use crate::model::Field;

/// A type name from [`core::any::type_name`] without module paths
/// (`alloc::vec::Vec<my::Point>` → `Vec<Point>`).
#[derive(Clone, Copy, Debug)]
pub struct ShortTypeName<'a>(pub &'a str);

impl Display for ShortTypeName<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut segment_start = 0;
        let mut i = 0;
        let bytes = s.as_bytes();
        while i < bytes.len() {
            let c = bytes[i];
            if c == b':' && bytes.get(i + 1) == Some(&b':') {
                // A path separator: what came before it was a module, drop it.
                i += 2;
                segment_start = i;
                continue;
            }
            if !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80) {
                f.write_str(&s[segment_start..=i])?;
                segment_start = i + 1;
            }
            i += 1;
        }
        f.write_str(&s[segment_start..])
    }
}

/// The type of a field: as written, or the instantiated name where the written one would say
/// less (a type that mentions the container's generic parameters, tuple and array elements,
/// which have no source text).
#[derive(Clone, Copy)]
pub(crate) struct FieldType(pub &'static Field);

impl Display for FieldType {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let field = self.0;
        if field.ty.is_empty() || field.generic {
            write!(f, "{}", ShortTypeName(field.type_name()))
        } else {
            f.write_str(field.ty)
        }
    }
}
