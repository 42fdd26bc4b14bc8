//! `#[repr(...)]` as a type in which illegal combinations cannot be represented (after
//! zerocopy's `repr.rs`). rustc rejects such combinations too; we reject them as well so that
//! the derive never describes a layout the compiler would not build.

use proc_macro2::Span;
use syn::LitInt;

use crate::ctxt::{Ctxt, Spans};
use crate::emit::Out;
use crate::item::Attribute;
use crate::meta;

#[derive(Clone, Copy)]
pub enum Base {
    Rust,
    C,
    Transparent,
    /// `repr(u8)` & co: meaningful on enums only.
    Int(Span, &'static str),
    /// `repr(C, u8)` & co: enums only.
    CInt(Span, &'static str),
}

#[derive(Clone, Copy)]
pub enum Modifier {
    None,
    Packed(u64),
    Align(u64),
}

#[derive(Clone, Copy)]
pub struct Repr {
    pub base: Base,
    pub modifier: Modifier,
}

const INTS: [(&str, &str); 12] = [
    ("u8", "U8"),
    ("u16", "U16"),
    ("u32", "U32"),
    ("u64", "U64"),
    ("u128", "U128"),
    ("usize", "Usize"),
    ("i8", "I8"),
    ("i16", "I16"),
    ("i32", "I32"),
    ("i64", "I64"),
    ("i128", "I128"),
    ("isize", "Isize"),
];

/// Reads every `#[repr(...)]` on the item.
pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Repr {
    let mut c = None::<Span>;
    let mut transparent = None::<Span>;
    let mut int = None::<(Span, &'static str)>;
    let mut packed = None::<(Span, u64)>;
    let mut align = None::<(Span, u64)>;
    for attr in attrs.iter().filter(|a| a.is("repr")) {
        let result = meta::parse_nested(attr, |meta| {
            let span = meta.path.spans().0;
            let name = meta.path.name();
            match name.as_str() {
                "C" => c = Some(span),
                "transparent" => transparent = Some(span),
                "packed" => {
                    let n = if meta.input.peek(syn::token::Paren) {
                        let content;
                        syn::parenthesized!(content in meta.input);
                        power_of_two(cx, &content.parse::<LitInt>()?)
                    } else {
                        1
                    };
                    packed = Some((span, n));
                }
                "align" => {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    align = Some((span, power_of_two(cx, &content.parse::<LitInt>()?)));
                }
                other => match INTS.iter().find(|(name, _)| *name == other) {
                    Some((_, variant)) => int = Some((span, variant)),
                    None => cx.error_spanned_by(
                        &meta.path,
                        format_args!("layoutscope does not know `repr({other})`; it understands C, transparent, packed, packed(N), align(N) and the integer types"),
                    ),
                },
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }

    let modifier = match (packed, align) {
        (Some((span, _)), Some(_)) => {
            cx.syn_error(syn::Error::new(
                span,
                "`packed` and `align` cannot be combined on one type; wrap a packed struct in an aligned one instead",
            ));
            Modifier::None
        }
        (Some((_, n)), None) => Modifier::Packed(n),
        (None, Some((_, n))) => Modifier::Align(n),
        (None, None) => Modifier::None,
    };
    let base = match (transparent, c, int) {
        (Some(span), c, int) => {
            if c.is_some() || int.is_some() || !matches!(modifier, Modifier::None) {
                cx.syn_error(syn::Error::new(
                    span,
                    "`transparent` cannot be combined with other repr hints",
                ));
            }
            Base::Transparent
        }
        (None, None, Some((span, name))) => Base::Int(span, name),
        (None, Some(_), Some((span, name))) => Base::CInt(span, name),
        (None, Some(_), None) => Base::C,
        (None, None, None) => Base::Rust,
    };
    Repr { base, modifier }
}

fn power_of_two(cx: &Ctxt, lit: &LitInt) -> u64 {
    match lit.base10_parse::<u64>() {
        Ok(n) if n.is_power_of_two() => n,
        _ => {
            cx.error_spanned_by(lit, "a repr alignment must be a power of two");
            1
        }
    }
}

impl Base {
    /// The integer type of `repr(u8)` / `repr(C, u8)`, as written.
    pub fn int(self) -> Option<(Span, &'static str)> {
        match self {
            Base::Int(span, variant) | Base::CInt(span, variant) => INTS
                .iter()
                .find(|(_, v)| *v == variant)
                .map(|(name, _)| (span, *name)),
            _ => None,
        }
    }
}

impl Repr {
    /// `N` of `packed(N)`, 0 when not packed.
    pub fn pack(self) -> u64 {
        match self.modifier {
            Modifier::Packed(n) => n,
            Modifier::None | Modifier::Align(_) => 0,
        }
    }

    /// Writes the `layoutscope::Repr` value for this repr; `k` is the crate path.
    pub fn write(self, out: &mut Out, k: &str) {
        out.text(k).text("::Repr::");
        match self.base {
            Base::Rust => out.text("RUST"),
            Base::C => out.text("C"),
            Base::Transparent => out.text("TRANSPARENT"),
            Base::Int(_, variant) => out
                .text("int(")
                .text(k)
                .text("::IntRepr::")
                .text(variant)
                .text(")"),
            Base::CInt(_, variant) => out
                .text("c_int(")
                .text(k)
                .text("::IntRepr::")
                .text(variant)
                .text(")"),
        };
        match self.modifier {
            Modifier::None => {}
            Modifier::Packed(n) => {
                out.text(".with_packed(").int(n).text(")");
            }
            Modifier::Align(n) => {
                out.text(".with_align(").int(n).text(")");
            }
        }
    }
}
