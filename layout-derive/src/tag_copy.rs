//! The fieldless copy of an enum: the same variants, discriminants and integer repr, without
//! the fields and without `align(N)`. It is the tag type of a `repr(C)` enum with fields
//! (whose size only the compiler picks) and of a fieldless enum under `align(N)`, and it gives
//! the discriminants of an enum with fields and explicit ones (a fieldless enum casts its own
//! variants instead).

use crate::ast::{Input, Variant};
use crate::emit::Out;
use crate::repr::{Base, Modifier};

/// The fieldless copy's name.
pub const TAG: &str = "__LayoutscopeTag";

/// The fieldless enum that carries the discriminants and measures the tag.
pub fn tag_enum(out: &mut Out, input: &Input, variants: &[Variant]) {
    match input.repr.base {
        Base::Rust | Base::Transparent => {}
        Base::C => {
            out.text("#[repr(C)]");
        }
        Base::Int(..) | Base::CInt(..) => {
            if let Some((_, int)) = input.repr.base.int() {
                out.text("#[repr(").text(int).text(")]");
            }
        }
    }
    out.text("enum ").text(TAG);
    out.braces(|out| {
        for v in variants {
            out.text(&v.ident.to_string());
            if let Some(expr) = v.discriminant {
                // The user's expression, with its spans: errors in it point there.
                out.text("=").tokens(expr);
            }
            out.text(",");
        }
    });
}

/// Whether the enum has `align(N)`, which its fieldless copy leaves out.
pub fn aligned(input: &Input) -> bool {
    matches!(input.repr.modifier, Modifier::Align(_))
}
