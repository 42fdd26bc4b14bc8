//! A struct's fields with its padding written out as byte arrays, for zero-copy and FFI code
//! that must have no implicit padding.

use core::fmt::{self, Display, Formatter};

use crate::model::{Body, StructKind, TypeLayout};
use crate::repr::ReprBase;

/// The definition of a `repr(C)` struct with the same field offsets as a layout and every
/// padding byte made explicit (`_pad0: [u8; 3]`): paste it where implicit padding is not
/// acceptable. Get it from [`TypeLayout::explicit_padding`].
///
/// Fields come in memory order, so a `repr(Rust)` struct's printed form keeps the offsets the
/// compiler chose in this build. Field types are printed as written (generic ones as
/// instantiated).
///
/// ```
/// # extern crate layout_core as layoutscope;
/// use layoutscope::Layout;
///
/// let text = <(u8, u32)>::LAYOUT.explicit_padding().unwrap().to_string();
/// assert!(text.contains("_pad0: [u8; 3],"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ExplicitPadding<'a> {
    layout: &'a TypeLayout,
}

impl TypeLayout {
    /// This struct's definition with its padding made explicit, for structs and tuples whose
    /// offsets are known; `None` for other bodies and for `repr(transparent)`.
    #[must_use]
    pub const fn explicit_padding(&self) -> Option<ExplicitPadding<'_>> {
        match (self.body, self.repr.base()) {
            (_, ReprBase::Transparent) => None,
            (Body::Struct { .. }, _) => Some(ExplicitPadding { layout: self }),
            _ => None,
        }
    }
}

impl Display for ExplicitPadding<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let l = self.layout;
        let repr = l.repr;
        f.write_str("#[repr(C")?;
        if let Some(n) = repr.packed() {
            write!(f, ", packed({n})")?;
        }
        if let Some(n) = repr.aligned() {
            write!(f, ", align({n})")?;
        }
        f.write_str(")]\n")?;
        let name = match l.body {
            Body::Struct {
                kind: StructKind::Tuple,
                ..
            } => "Tuple",
            _ => l.name,
        };
        writeln!(f, "struct {name} {{")?;
        let mut pads = 0;
        let mut end = 0;
        for field in l.fields_by_offset() {
            let Some(range) = field.range() else {
                continue;
            };
            if range.start > end {
                writeln!(f, "    _pad{pads}: [u8; {}],", range.start - end)?;
                pads += 1;
            }
            // Tuple fields `0`, `1` become `_0`, `_1`: a struct with named fields.
            let positional = field.name.starts_with(|c: char| c.is_ascii_digit());
            let prefix = if positional { "_" } else { "" };
            write!(f, "    {prefix}{}: ", field.name)?;
            writeln!(f, "{},", crate::render::FieldType(field))?;
            end = end.max(range.end);
        }
        if l.size > end {
            writeln!(f, "    _pad{pads}: [u8; {}],", l.size - end)?;
        }
        f.write_str("}\n")
    }
}
