//! Rejects inputs whose layout cannot be described exactly, each with a span and a message
//! that says what to write instead.

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use crate::ast::{Data, Field, Input, Style, Variant};
use crate::attr::CheckKind;
use crate::ctxt::Ctxt;
use crate::item::ParamKind;
use crate::repr::Modifier;
use crate::type_text::{tokens_text, Angles};

pub fn check(cx: &Ctxt, input: &Input) {
    cache_fields(cx, input);
    values(cx, input);
    if let Data::Enum(variants) = &input.data {
        check_enum(cx, input, variants);
    } else if let Some((span, _)) = input.repr.base.int() {
        cx.syn_error(syn::Error::new(
            span,
            "integer reprs such as `repr(u8)` apply to enums only; use `repr(C)` or no repr on a struct or union",
        ));
    }
    if let Some((style, last, what, instance)) = unsized_tail(input) {
        cx.error_spanned_by(
            last.ty,
            format_args!(
                "layoutscope describes sized types, and {what} makes `{}` unsized; \
                 make the tail a generic parameter (`{}`) and derive on a sized \
                 instance such as {instance}",
                input.ident,
                generic_tail(input, style, &last.name),
            ),
        );
    }
}

/// A struct's last field when its type is written unsized (`[E]`, `str`, `dyn Trait`), with
/// what makes it so and a sized type to suggest in its place.
pub fn unsized_tail<'i, 'a>(
    input: &'i Input<'a>,
) -> Option<(Style, &'i Field<'a>, &'static str, String)> {
    let Data::Struct(style, fields) = &input.data else {
        return None;
    };
    let last = fields.last()?;
    let (what, instance) = unsized_kind(last.ty)?;
    Some((*style, last, what, instance))
}

/// The struct rewritten with its tail as a `?Sized` type parameter, in the struct's own
/// syntax and keeping its other parameters: `struct Packet<'a, T: ?Sized> { .., data: T }`.
fn generic_tail(input: &Input, style: Style, tail: &str) -> String {
    let taken = |name: &str| input.generics.type_params().any(|p| p.ident == name);
    let param = ["T", "Tail", "TailT"]
        .into_iter()
        .find(|name| !taken(name))
        .unwrap_or("Tail_");
    let mut params: Vec<String> = input
        .generics
        .params
        .iter()
        .map(|p| match &p.kind {
            ParamKind::Lifetime => format!("'{}", p.ident),
            ParamKind::Type => p.ident.to_string(),
            ParamKind::Const(ty) => format!("const {}: {}", p.ident, tokens_text(ty.clone())),
        })
        .collect();
    params.push(format!("{param}: ?Sized"));
    let params = params.join(", ");
    match style {
        Style::Tuple => format!("struct {}<{params}>(.., {param});", input.ident),
        _ => format!("struct {}<{params}> {{ .., {tail}: {param} }}", input.ident),
    }
}

/// The fields that `apart(..)` names must exist: a misspelt name would make the check
/// vacuous.
fn cache_fields(cx: &Ctxt, input: &Input) {
    let fields = input.all_fields();
    lone_cache_line(cx, input, &fields);
    if let Data::Enum(_) = input.data {
        return;
    }
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    for c in &input.attrs.checks {
        let CheckKind::Apart(wanted) = &c.kind else {
            continue;
        };
        for (span, name) in wanted {
            if names.contains(&name.as_str()) {
                continue;
            }
            let hint = match layout_core::__private::check::nearest(name, &names) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("its fields are `{}`", names.join("`, `")),
            };
            cx.syn_error(syn::Error::new(
                *span,
                format!(
                    "`{}` has no field `{name}` to keep apart; {hint}",
                    input.ident
                ),
            ));
        }
    }
}

/// `cache_line = N` sizes the cache-line checks; without one it would check nothing.
fn lone_cache_line(cx: &Ctxt, input: &Input, fields: &[&Field]) {
    let Some((span, _)) = &input.attrs.cache_line else {
        return;
    };
    let message = if let Data::Enum(_) = input.data {
        "`cache_line` sets the line size of the cache-line checks, which apply to structs and \
         unions: remove it"
    } else if fields.iter().any(|f| f.attrs.own_line.is_some())
        || input
            .attrs
            .checks
            .iter()
            .any(|c| matches!(c.kind, CheckKind::Apart(_) | CheckKind::AtomicsApart))
    {
        return;
    } else {
        "`cache_line` sets the line size of `own_line`, `apart(..)` and `atomics_apart`, and \
         none of them is used: add the check it is for, or remove `cache_line`"
    };
    cx.syn_error(syn::Error::new(*span, message));
}

fn check_enum(cx: &Ctxt, input: &Input, variants: &[Variant]) {
    for c in &input.attrs.checks {
        let (key, why) = match c.kind {
            CheckKind::NoPadding => ("no_padding", "padding"),
            CheckKind::Apart(_) => ("apart", "where their fields are"),
            CheckKind::AtomicsApart => ("atomics_apart", "where their fields are"),
            _ => continue,
        };
        cx.syn_error(syn::Error::new(
            c.span,
            format!("`{key}` applies to structs and unions; an enum's variants differ in {why}"),
        ));
    }
    for field in variants.iter().flat_map(|v| &v.fields) {
        if let Some(span) = field.attrs.own_line {
            cx.syn_error(syn::Error::new(
                span,
                "`own_line` applies to struct and union fields, not to enum variant fields",
            ));
        }
    }
    for field in variants.iter().flat_map(|v| &v.fields) {
        if let Some((span, _)) = &field.attrs.offset {
            let span = *span;
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

/// Describes a syntactically unsized type (`[E]`, `str`, `dyn Trait`), with a sized type to
/// suggest in its place.
fn unsized_kind(ty: &TokenStream) -> Option<(&'static str, String)> {
    let mut trees = ty.clone().into_iter();
    let first = trees.next()?;
    let alone = trees.next().is_none();
    match first {
        TokenTree::Group(g) if alone => match g.delimiter() {
            // `[E]`, not the array `[E; N]`.
            Delimiter::Bracket if !has_top_level(&g.stream(), ';') => Some((
                "the slice tail `[T]`",
                format!("`[{}; 16]`", tokens_text(g.stream())),
            )),
            // `(T)`, not a tuple; and a `macro_rules!` fragment's invisible group.
            Delimiter::Parenthesis if !has_top_level(&g.stream(), ',') => unsized_kind(&g.stream()),
            Delimiter::None => unsized_kind(&g.stream()),
            _ => None,
        },
        TokenTree::Ident(i) if i == "dyn" => Some((
            "the trait-object tail `dyn Trait`",
            "a concrete type that implements the trait".to_owned(),
        )),
        TokenTree::Ident(i) if alone && i == "str" => {
            Some(("the `str` tail", "`[u8; 16]`".to_owned()))
        }
        _ => None,
    }
}

/// Whether `punct` occurs outside any group and any `<..>`.
fn has_top_level(stream: &TokenStream, punct: char) -> bool {
    let mut angles = Angles::default();
    stream
        .clone()
        .into_iter()
        .any(|tree| angles.top_level(&tree) == Some(punct))
}

/// `values` visits the live value through references to its fields: a union does not say
/// which field is live, and a packed struct's fields may be unaligned, so neither can be
/// borrowed.
fn values(cx: &Ctxt, input: &Input) {
    let Some(span) = input.attrs.values else {
        return;
    };
    if let Data::Union(_) = input.data {
        cx.syn_error(syn::Error::new(
            span,
            "`values` does not apply to a union: which field is live is not known; implement \
             `Visit` by hand, visiting the field your code knows is live",
        ));
    } else if matches!(input.repr.modifier, Modifier::Packed(_)) {
        cx.syn_error(syn::Error::new(
            span,
            "`values` does not apply to a packed type: its fields may be unaligned and cannot \
             be borrowed; implement `Visit` by hand with `Visitor::value`",
        ));
    }
}
