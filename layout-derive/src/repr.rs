//! `#[repr(...)]` as a type in which illegal combinations cannot be represented (after
//! zerocopy's `repr.rs`). rustc rejects such combinations too; we reject them as well so that
//! the derive never describes a layout the compiler would not build.

use layout_core::IntRepr;
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
    Int(Span, IntRepr),
    /// `repr(C, u8)` & co: enums only.
    CInt(Span, IntRepr),
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

/// Reads every `#[repr(...)]` on the item and combines the hints as rustc does
/// (`TyCtxt::repr_options_of_def`): they may be spread over several attributes and repeated,
/// the largest `align(N)` wins, and of several integer types the last one (rustc denies those
/// with `conflicting_repr_hints`, but builds them that way when the lint is allowed). The
/// combinations rustc rejects are rejected here too, each saying what to keep.
pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Repr {
    let mut hints = Hints::default();
    for attr in attrs.iter().filter(|a| a.is("repr")) {
        let result = meta::parse_nested(attr, |meta| hints.add(cx, meta));
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    hints.resolve(cx)
}

/// The hints of all `#[repr]` attributes, as written.
#[derive(Default)]
struct Hints {
    rust: Option<Span>,
    c: Option<Span>,
    transparent: Vec<Span>,
    /// The last integer type.
    int: Option<(Span, IntRepr)>,
    /// The first `packed(N)`: rustc rejects a second one with another `N` (E0634).
    packed: Option<(Span, u64)>,
    /// The largest `align(N)`.
    align: Option<(Span, u64)>,
}

impl Hints {
    fn add(&mut self, cx: &Ctxt, meta: meta::Meta) -> syn::Result<()> {
        let span = meta.path.spans().0;
        let name = meta.path.name();
        match name.as_str() {
            "Rust" => self.rust = Some(span),
            "C" => self.c = Some(span),
            "transparent" => self.transparent.push(span),
            "packed" => {
                let n = if meta.input.peek(syn::token::Paren) {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    power_of_two(cx, &content.parse::<LitInt>()?)
                } else {
                    1
                };
                match self.packed {
                    None => self.packed = Some((span, n)),
                    Some((_, first)) if first != n => cx.syn_error(syn::Error::new(
                        span,
                        format_args!(
                            "`{}` conflicts with the `{}` before it: a type has one packing; \
                             keep one of them",
                            packed_text(n),
                            packed_text(first)
                        ),
                    )),
                    Some(_) => {}
                }
            }
            "align" => {
                let content;
                syn::parenthesized!(content in meta.input);
                let n = power_of_two(cx, &content.parse::<LitInt>()?);
                if self.align.is_none_or(|(_, max)| n > max) {
                    self.align = Some((span, n));
                }
            }
            other => match IntRepr::from_name(other) {
                Some(int) => self.int = Some((span, int)),
                None => cx.error_spanned_by(
                    &meta.path,
                    format_args!("layoutscope does not know `repr({other})`; it understands Rust, C, transparent, packed, packed(N), align(N) and the integer types"),
                ),
            },
        }
        Ok(())
    }

    fn resolve(self, cx: &Ctxt) -> Repr {
        let modifier = match (self.packed, self.align) {
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
        if let Some(span) = self.rust {
            let other = match (self.c, self.int) {
                (Some(_), _) => Some("C"),
                (None, Some((_, int))) => Some(int.name()),
                (None, None) => None,
            };
            if let Some(other) = other {
                cx.syn_error(syn::Error::new(
                    span,
                    format_args!("`repr(Rust)` conflicts with `repr({other})`: keep one of them"),
                ));
            }
        }
        let base = match (self.transparent.first(), self.c, self.int) {
            (Some(&span), c, int) => {
                let alone = c.is_none()
                    && int.is_none()
                    && self.rust.is_none()
                    && self.transparent.len() == 1
                    && matches!(modifier, Modifier::None);
                if !alone {
                    cx.syn_error(syn::Error::new(
                        span,
                        "`transparent` cannot be combined with other repr hints, nor repeated: \
                         write `#[repr(transparent)]` alone",
                    ));
                }
                Base::Transparent
            }
            (None, None, Some((span, int))) => Base::Int(span, int),
            (None, Some(_), Some((span, int))) => Base::CInt(span, int),
            (None, Some(_), None) => Base::C,
            (None, None, None) => Base::Rust,
        };
        Repr { base, modifier }
    }
}

/// `packed` or `packed(N)`, as rustc reads them (`packed` is `packed(1)`).
fn packed_text(n: u64) -> String {
    if n == 1 {
        "packed".to_owned()
    } else {
        format!("packed({n})")
    }
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
            Base::Int(span, int) | Base::CInt(span, int) => Some((span, int.name())),
            _ => None,
        }
    }
}

impl Repr {
    /// Writes the `layoutscope::Repr` value for this repr; `k` is the crate path.
    pub fn write(self, out: &mut Out, k: &str) {
        out.text(k).text("::Repr::");
        match self.base {
            Base::Rust => out.text("RUST"),
            Base::C => out.text("C"),
            Base::Transparent => out.text("TRANSPARENT"),
            Base::Int(_, int) => out.text("int(").text(&int_path(k, int)).text(")"),
            Base::CInt(_, int) => out.text("c_int(").text(&int_path(k, int)).text(")"),
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

/// `<k>::IntRepr::U8`: the variant's name is what its derived `Debug` writes.
fn int_path(k: &str, int: IntRepr) -> String {
    format!("{k}::IntRepr::{int:?}")
}
