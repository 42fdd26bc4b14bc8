//! Rejects inputs whose layout cannot be described exactly, each with a span and a message
//! that says what to write instead.

use syn::Type;

use crate::ast::{Data, Input, Variant};
use crate::attr::CheckKind;
use crate::ctxt::Ctxt;
use crate::repr::Modifier;

pub fn check(cx: &Ctxt, input: &Input) {
    if let Data::Enum(variants) = &input.data {
        check_enum(cx, input, variants);
    } else if let Some((span, _)) = input.repr.base.int() {
        cx.syn_error(syn::Error::new(
            span,
            "integer reprs such as `repr(u8)` apply to enums only; use `repr(C)` or no repr on a struct or union",
        ));
    }
    if let Data::Struct(_, fields) = &input.data {
        if let Some(last) = fields.last() {
            if let Some(what) = unsized_kind(last.ty) {
                cx.error_spanned_by(
                    last.ty,
                    format_args!(
                        "layoutscope describes sized types, and {what} makes `{}` unsized; \
                         make the tail a generic parameter (`struct {}<T: ?Sized> {{ .., {}: T }}`) \
                         and derive on a sized instance such as `[u8; 16]`",
                        input.ident,
                        input.ident,
                        last.name,
                    ),
                );
            }
        }
    }
}

fn check_enum(cx: &Ctxt, input: &Input, variants: &[Variant]) {
    for c in &input.attrs.checks {
        if let CheckKind::NoPadding = c.kind {
            cx.syn_error(syn::Error::new(
                c.span,
                "`no_padding` applies to structs and unions; an enum's variants differ in padding",
            ));
        }
    }
    for field in variants.iter().flat_map(|v| &v.fields) {
        if let Some((span, _)) = field.attrs.offset {
            cx.syn_error(syn::Error::new(
                span,
                "`offset` checks apply to struct and union fields, not to enum variant fields",
            ));
        }
    }
    if let Modifier::Packed(_) = input.repr.modifier {
        cx.error_spanned_by(
            input.ident,
            "enums cannot be `repr(packed)`; pack a struct that holds the enum's data instead",
        );
    }
    let has_data = variants.iter().any(|v| !v.fields.is_empty());
    let has_int = input.repr.base.int().is_some();
    if has_data && !has_int {
        for v in variants {
            if let Some(expr) = v.discriminant {
                cx.error_spanned_by(
                    expr,
                    format_args!(
                        "explicit discriminants on an enum with fields need an integer repr: \
                         add `#[repr(u8)]` (or `#[repr(C, u8)]`, `#[repr(i32)]`, ...) to `{}`",
                        input.ident
                    ),
                );
            }
        }
    }
}

/// Describes a syntactically unsized type (`[T]`, `str`, `dyn Trait`).
fn unsized_kind(ty: &Type) -> Option<&'static str> {
    match ty {
        Type::Slice(_) => Some("the slice tail `[T]`"),
        Type::TraitObject(_) => Some("the trait-object tail `dyn Trait`"),
        Type::Path(p) if p.qself.is_none() && p.path.is_ident("str") => Some("the `str` tail"),
        Type::Paren(p) => unsized_kind(&p.elem),
        Type::Group(g) => unsized_kind(&g.elem),
        _ => None,
    }
}
