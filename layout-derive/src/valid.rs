//! Rejects inputs whose layout cannot be described exactly, each with a span and a message
//! that says what to write instead.

use syn::Type;

use crate::ast::{Data, Input};
use crate::ctxt::Ctxt;
use crate::repr::Base;

pub fn check(cx: &Ctxt, input: &Input) {
    if let Data::Enum(e) = &input.data {
        cx.syn_error(syn::Error::new(
            e.enum_token.span,
            "layoutscope: #[derive(Layout)] does not support enums yet (structs and unions only); \
             for now, mark enum-typed fields `#[layout(opaque)]`",
        ));
    }
    if let Base::Int(span, _) = input.repr.base {
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
