//! `#[layout(...)]` attributes on the type and on fields.

use proc_macro2::Span;
use syn::LitStr;

use crate::ctxt::{Ctxt, Spans};
use crate::item::Attribute;
use crate::meta::{self, Meta, Path};

/// Keys accepted on the type, as listed in errors and as names for suggestions.
const CONTAINER_KEYS: &str = "`crate = \"path\"`, `size = N`, `align = N`, `max_size = N`, \
     `no_padding`, `niche`, `cache_line = N`, `apart(a, b, ..)`, `atomics_apart` or `values`";
const CONTAINER_NAMES: [&str; 10] = [
    "crate",
    "size",
    "align",
    "max_size",
    "no_padding",
    "niche",
    "cache_line",
    "apart",
    "atomics_apart",
    "values",
];
/// Keys accepted on a field.
const FIELD_KEYS: &str = "`opaque`, `offset = N` or `own_line`";
const FIELD_NAMES: [&str; 3] = ["opaque", "offset", "own_line"];

/// The message for an unknown key: a suggestion when one is near, else the list.
fn unknown_key(name: &str, place: &str, names: &[&str], list: &str) -> String {
    match layout_core::__private::check::nearest(name, names) {
        Some(near) => {
            format!("unknown key `{name}` in #[layout(...)] on {place}; did you mean `{near}`?")
        }
        None => format!("unknown key `{name}` in #[layout(...)] on {place}; expected {list}"),
    }
}

/// `#[layout(...)]` on the struct or union.
#[derive(Default)]
pub struct ContainerAttrs {
    /// `crate = "path"`: where the `layoutscope` items are (a path, checked).
    pub krate: Option<String>,
    /// A `crate = ...` was rejected, or a list was not read to its end: where the items are
    /// is unknown.
    pub krate_unknown: bool,
    /// Compile-time checks, in the order written.
    pub checks: Vec<Check>,
    /// `cache_line = N` and the key's span: the line size of the cache checks (default 64).
    pub cache_line: Option<(Span, Value)>,
    /// `values`: also implement `Visit`, for pictures of live values.
    pub values: Option<Span>,
}

/// `#[layout(...)]` on a field.
#[derive(Default)]
pub struct FieldAttrs {
    /// `opaque`: the field type need not implement `Layout`.
    pub opaque: Option<Span>,
    /// `offset = N`: the field must be at byte `N`.
    pub offset: Option<(Span, Value)>,
    /// `own_line`: the field starts a cache line that no other field touches.
    pub own_line: Option<Span>,
}

/// A compile-time check requested on the type; `span` is the key's, so that a failure points
/// at the attribute.
pub struct Check {
    pub span: Span,
    pub kind: CheckKind,
}

pub enum CheckKind {
    Size(Value),
    Align(Value),
    MaxSize(Value),
    NoPadding,
    Niche,
    /// `apart(a, b, ..)`: the fields' names as written.
    Apart(Vec<(Span, String)>),
    AtomicsApart,
}

/// A number of bytes: an integer literal, or a constant expression such as
/// `3 * size_of::<usize>()` (kept as source text and evaluated by the compiler), which keeps
/// one expectation true on 32- and 64-bit targets.
pub enum Value {
    Int(u64),
    Expr(String),
}

impl Value {
    /// The value as a `usize` expression in the generated code, always a whole argument of a
    /// call; `k` is the crate path. A literal that fits every target's `usize` (16 bits) is
    /// suffixed `usize`; a larger one goes through `check::bytes`, which fails the build at the
    /// key on a target whose `usize` cannot hold it, rather than compare a truncated number
    /// (`overflowing_literals` is not reported in a derive's expansion). An expression stays
    /// as written: it must be a `usize` (as `size_of` is), like the values of
    /// `assert_layout!`; a cast would wrap a negative value and warn `trivial_numeric_casts`
    /// on every `usize` one.
    pub fn usize_text(&self, k: &str) -> String {
        match self {
            Value::Int(n) if *n <= u64::from(u16::MAX) => format!("{n}usize"),
            Value::Int(n) => format!("{k}::__private::check::bytes({n}u64)"),
            Value::Expr(text) => text.clone(),
        }
    }
}

/// Reads `= N` after a key: an integer literal or a constant expression. Negative numbers,
/// strings and other literals are reported (and skipped).
fn int_value(cx: &Ctxt, meta: &Meta, key: &str) -> syn::Result<Option<Value>> {
    let n = if key == "cache_line" { 64 } else { 16 };
    let example = format!("`{key} = {n}`");
    if !meta.input.peek(syn::Token![=]) {
        meta.error(cx, format_args!("`{key}` needs a value: write {example}"));
        skip_value(meta)?;
        return Ok(None);
    }
    let value = meta.value()?;
    if value.peek(syn::LitInt) {
        let lit: syn::LitInt = value.parse()?;
        if value.peek(syn::Ident) || value.peek(syn::Lit) {
            // `max_size = 8 align = 8`: a comma is missing, this is no expression.
            return Err(value.error(format!("expected `,` after `{key} = {lit}`")));
        }
        if !value.is_empty() && !value.peek(syn::Token![,]) {
            // `2 * 8`, `16 + size_of::<u64>()`: an expression that starts with a number.
            let rest = crate::item::expression(value)?;
            return Ok(Some(Value::Expr(format!(
                "{} {}",
                lit,
                crate::type_text::tokens_text(rest)
            ))));
        }
        return match lit.base10_parse::<u64>() {
            Ok(n) => Ok(Some(Value::Int(n))),
            Err(_) => {
                let problem = if lit.base10_digits().starts_with('-') {
                    "cannot be negative"
                } else {
                    "must be a whole number of bytes"
                };
                cx.error_spanned_by(
                    &lit,
                    format_args!("`{key}` {problem}: write a number of bytes, like {example}"),
                );
                Ok(None)
            }
        };
    }
    let message = if value.peek(syn::Token![-]) {
        format!("`{key}` cannot be negative: write a number of bytes, like {example}")
    } else if value.peek(LitStr) {
        format!("`{key}` takes a number, not a string: write {example}")
    } else if value.peek(syn::Lit) {
        format!("`{key}` takes a whole number of bytes, like {example}")
    } else {
        let expr = crate::item::expression(value)?;
        return Ok(Some(Value::Expr(crate::type_text::tokens_text(expr))));
    };
    cx.syn_error(value.error(message));
    skip_value(meta)?;
    Ok(None)
}

/// A module path as `crate = "..."` takes it: `::layoutscope`, `my_reexport::layout`,
/// `crate::x`; no generic arguments.
fn module_path(input: syn::parse::ParseStream) -> syn::Result<()> {
    use syn::ext::IdentExt;
    if input.peek(syn::Token![::]) {
        input.parse::<syn::Token![::]>()?;
    }
    loop {
        let is_path_keyword = input.peek(syn::Token![crate])
            || input.peek(syn::Token![self])
            || input.peek(syn::Token![super])
            || input.peek(syn::Token![Self]);
        if is_path_keyword {
            proc_macro2::Ident::parse_any(input)?;
        } else {
            input.parse::<proc_macro2::Ident>()?;
        }
        if input.is_empty() {
            return Ok(());
        }
        input.parse::<syn::Token![::]>()?;
    }
}

/// Remembers where a key was first set, to reject it when it comes again.
fn first_time(cx: &Ctxt, seen: &mut Option<Span>, key: &Path) -> bool {
    if seen.is_some() {
        cx.error_spanned_by(
            key,
            format_args!(
                "duplicate `{}` in #[layout(...)]: write it once",
                key.name()
            ),
        );
        return false;
    }
    *seen = Some(key.spans().0);
    true
}

/// Checks the shape `#[layout(...)]`; a bare `#[layout]` or `#[layout = ..]` is an error.
fn layout_list(cx: &Ctxt, attr: &Attribute) -> bool {
    if !attr.is("layout") {
        return false;
    }
    if meta::is_list(attr) {
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
        let result = meta::parse_nested(attr, |meta| {
            if meta.path.is_ident("crate") {
                let value = if meta.input.peek(syn::Token![=]) && meta.input.peek2(LitStr) {
                    meta.value()?.parse::<LitStr>()?
                } else {
                    meta.error(
                        cx,
                        "expected `crate = \"path\"`, e.g. `crate = \"::my_layoutscope\"`",
                    );
                    out.krate_unknown = true;
                    return skip_value(&meta);
                };
                if first_time(cx, &mut krate_seen, &meta.path) {
                    match value.parse_with(module_path) {
                        Ok(_) => out.krate = Some(value.value()),
                        Err(_) => {
                            out.krate_unknown = true;
                            cx.error_spanned_by(
                                &value,
                                "`crate` must be a path such as \"::layoutscope\" or \"my_reexport::layout\"",
                            );
                        }
                    }
                }
                Ok(())
            } else if meta.path.is_ident("cache_line") {
                let span = meta.path.spans().0;
                if let Some(n) = int_value(cx, &meta, "cache_line")? {
                    if out.cache_line.is_some() {
                        meta.error(
                            cx,
                            "duplicate `cache_line` in #[layout(...)]: write it once",
                        );
                    } else {
                        out.cache_line = Some((span, n));
                    }
                }
                Ok(())
            } else if meta.path.is_ident("apart") {
                let span = meta.path.spans().0;
                if !meta.input.peek(syn::token::Paren) {
                    meta.error(cx, "`apart` takes the fields to keep on separate cache lines: write `apart(head, tail)`");
                    return skip_value(&meta);
                }
                let content;
                syn::parenthesized!(content in meta.input);
                let mut names = Vec::new();
                while !content.is_empty() {
                    let (span, name) = if content.peek(syn::LitInt) {
                        let lit = content.parse::<syn::LitInt>()?;
                        (lit.span(), lit.to_string())
                    } else {
                        use syn::ext::IdentExt;
                        let ident = proc_macro2::Ident::parse_any(&content)?;
                        (ident.span(), crate::ast::unraw(&ident))
                    };
                    names.push((span, name));
                    if !content.is_empty() {
                        content.parse::<syn::Token![,]>()?;
                    }
                }
                if names.len() < 2 {
                    cx.syn_error(syn::Error::new(
                        span,
                        "`apart` needs at least two fields: write `apart(head, tail)`",
                    ));
                } else {
                    out.checks.push(Check {
                        span,
                        kind: CheckKind::Apart(names),
                    });
                }
                Ok(())
            } else if meta.path.is_ident("values") {
                if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                    meta.error(cx, "`values` takes no value: write `#[layout(values)]`");
                    return skip_value(&meta);
                }
                first_time(cx, &mut out.values, &meta.path);
                Ok(())
            } else if meta.path.is_ident("atomics_apart") {
                if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                    meta.error(
                        cx,
                        "`atomics_apart` takes no value: write `#[layout(atomics_apart)]`",
                    );
                    return skip_value(&meta);
                }
                if out
                    .checks
                    .iter()
                    .any(|c| matches!(c.kind, CheckKind::AtomicsApart))
                {
                    meta.error(
                        cx,
                        "duplicate `atomics_apart` in #[layout(...)]: write it once",
                    );
                    return Ok(());
                }
                out.checks.push(Check {
                    span: meta.path.spans().0,
                    kind: CheckKind::AtomicsApart,
                });
                Ok(())
            } else if let Some(key) = ["size", "align", "max_size", "no_padding", "niche"]
                .into_iter()
                .find(|k| meta.path.is_ident(k))
            {
                let span = meta.path.spans().0;
                let kind = match key {
                    "no_padding" | "niche" => {
                        if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                            meta.error(
                                cx,
                                format_args!("`{key}` takes no value: write `#[layout({key})]`"),
                            );
                            return skip_value(&meta);
                        }
                        if key == "niche" {
                            CheckKind::Niche
                        } else {
                            CheckKind::NoPadding
                        }
                    }
                    _ => match int_value(cx, &meta, key)? {
                        Some(n) if key == "size" => CheckKind::Size(n),
                        Some(n) if key == "align" => CheckKind::Align(n),
                        Some(n) => CheckKind::MaxSize(n),
                        None => return Ok(()),
                    },
                };
                let duplicate = out
                    .checks
                    .iter()
                    .any(|c| std::mem::discriminant(&c.kind) == std::mem::discriminant(&kind));
                if duplicate {
                    cx.error_spanned_by(
                        &meta.path,
                        format_args!("duplicate `{key}` in #[layout(...)]: write it once"),
                    );
                } else {
                    out.checks.push(Check { span, kind });
                }
                Ok(())
            } else if let Some(key) = FIELD_NAMES.into_iter().find(|k| meta.path.is_ident(k)) {
                let written = match key {
                    "offset" => "offset = N",
                    other => other,
                };
                meta.error(
                    cx,
                    format_args!(
                        "`{key}` belongs on a field, not on the type: write #[layout({written})] on the field"
                    ),
                );
                skip_value(&meta)
            } else {
                let name = meta.path.name();
                meta.error(
                    cx,
                    unknown_key(&name, "a type", &CONTAINER_NAMES, CONTAINER_KEYS),
                );
                skip_value(&meta)
            }
        });
        if let Err(e) = result {
            // The keys after the error were not read, and one of them may be `crate`.
            out.krate_unknown = true;
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
        let result = meta::parse_nested(attr, |meta| {
            if meta.path.is_ident("opaque") {
                if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                    meta.error(cx, "`opaque` takes no value: write `#[layout(opaque)]`");
                    return skip_value(&meta);
                }
                first_time(cx, &mut out.opaque, &meta.path);
                Ok(())
            } else if meta.path.is_ident("offset") {
                let span = meta.path.spans().0;
                if let Some(n) = int_value(cx, &meta, "offset")? {
                    if out.offset.is_some() {
                        cx.error_spanned_by(
                            &meta.path,
                            "duplicate `offset` in #[layout(...)]: write it once",
                        );
                    } else {
                        out.offset = Some((span, n));
                    }
                }
                Ok(())
            } else if meta.path.is_ident("own_line") {
                if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                    meta.error(cx, "`own_line` takes no value: write `#[layout(own_line)]`");
                    return skip_value(&meta);
                }
                first_time(cx, &mut out.own_line, &meta.path);
                Ok(())
            } else if CONTAINER_NAMES.iter().any(|k| meta.path.is_ident(k)) {
                meta.error(
                    cx,
                    format_args!("`{}` belongs on the type, not on a field", meta.path.name()),
                );
                skip_value(&meta)
            } else {
                let name = meta.path.name();
                meta.error(cx, unknown_key(&name, "a field", &FIELD_NAMES, FIELD_KEYS));
                skip_value(&meta)
            }
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

/// `#[layout(...)]` on an enum variant, where no key applies: each is rejected.
pub fn variant(cx: &Ctxt, attrs: &[Attribute]) {
    for attr in attrs.iter().filter(|a| a.is("layout")) {
        cx.error_spanned_by(
            attr,
            "#[layout(...)] does not apply to an enum variant: put `opaque` or `offset = N` on \
             the variant's fields, and checks such as `size = N` on the enum",
        );
    }
}

/// Skips whatever follows a rejected key (`= value` or `(...)`), so that the keys after it are
/// still checked and reported together.
fn skip_value(meta: &Meta) -> syn::Result<()> {
    while !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
        meta.input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}
