//! `#[layout(...)]` attributes on the type and on fields.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Path};

use crate::ctxt::Ctxt;

/// Keys accepted on the type.
const CONTAINER_KEYS: &str = "`crate = \"path\"`";
/// Keys accepted on a field.
const FIELD_KEYS: &str = "`opaque`";

/// `#[layout(...)]` on the struct or union.
#[derive(Default)]
pub struct ContainerAttrs {
    /// `crate = "path"`: where the `layoutscope` items are.
    pub krate: Option<Path>,
}

/// `#[layout(...)]` on a field.
#[derive(Default)]
pub struct FieldAttrs {
    /// `opaque`: the field type need not implement `Layout`.
    pub opaque: Option<Span>,
}

/// Remembers where a key was first set, to reject it when it comes again.
fn first_time(cx: &Ctxt, seen: &mut Option<Span>, key: &syn::Path) -> bool {
    if seen.is_some() {
        cx.error_spanned_by(
            key,
            format_args!(
                "duplicate `{}` in #[layout(...)]: write it once",
                key_name(key)
            ),
        );
        return false;
    }
    *seen = Some(key.span());
    true
}

fn key_name(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// Checks the shape `#[layout(...)]`; a bare `#[layout]` or `#[layout = ..]` is an error.
fn layout_list(cx: &Ctxt, attr: &Attribute) -> bool {
    if !attr.path().is_ident("layout") {
        return false;
    }
    if let syn::Meta::List(_) = attr.meta {
        true
    } else {
        cx.error_spanned_by(
            attr,
            "expected `#[layout(key, ...)]` with keys inside parentheses",
        );
        false
    }
}

pub fn container(cx: &Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    let mut krate_seen = None;
    for attr in attrs {
        if !layout_list(cx, attr) {
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let value = if meta.input.peek(syn::Token![=]) && meta.input.peek2(LitStr) {
                    meta.value()?.parse::<LitStr>()?
                } else {
                    cx.syn_error(meta.error(
                        "expected `crate = \"path\"`, e.g. `crate = \"::my_layoutscope\"`",
                    ));
                    return skip_value(&meta);
                };
                if first_time(cx, &mut krate_seen, &meta.path) {
                    match value.parse::<Path>() {
                        Ok(path) => out.krate = Some(path),
                        Err(_) => cx.error_spanned_by(
                            &value,
                            "`crate` must be a path such as \"::layoutscope\" or \"my_reexport::layout\"",
                        ),
                    }
                }
                Ok(())
            } else if meta.path.is_ident("opaque") {
                cx.syn_error(meta.error("`opaque` belongs on a field, not on the type"));
                skip_value(&meta)
            } else {
                cx.syn_error(meta.error(format_args!(
                    "unknown key `{}` in #[layout(...)] on a type; expected {CONTAINER_KEYS}",
                    key_name(&meta.path)
                )));
                skip_value(&meta)
            }
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

pub fn field(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        if !layout_list(cx, attr) {
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("opaque") {
                if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                    cx.syn_error(meta.error("`opaque` takes no value: write `#[layout(opaque)]`"));
                    return skip_value(&meta);
                }
                first_time(cx, &mut out.opaque, &meta.path);
                Ok(())
            } else if meta.path.is_ident("crate") {
                cx.syn_error(meta.error("`crate` belongs on the type, not on a field"));
                skip_value(&meta)
            } else {
                cx.syn_error(meta.error(format_args!(
                    "unknown key `{}` in #[layout(...)] on a field; expected {FIELD_KEYS}",
                    key_name(&meta.path)
                )));
                skip_value(&meta)
            }
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

/// Skips whatever follows a rejected key (`= value` or `(...)`), so that the keys after it are
/// still checked and reported together.
fn skip_value(meta: &syn::meta::ParseNestedMeta) -> syn::Result<()> {
    while !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
        meta.input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}
