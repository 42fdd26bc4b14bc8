//! The keys inside `#[layout(...)]` and `#[repr(...)]`, read as syn's `parse_nested_meta`
//! reads them. syn's version needs its `derive` feature, which costs about 0.5 s of every
//! clean build of a user's project; this one needs syn's parsing only.

use std::fmt::Display;

use proc_macro2::{Delimiter, Ident, Span, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{braced, bracketed, parenthesized, token, Token};

use crate::ctxt::{Ctxt, Spans};
use crate::item::Attribute;

/// A key: `size`, `crate`, `a::b`.
pub struct Path {
    leading_colon: Option<Span>,
    segments: Vec<Ident>,
}

impl Path {
    /// Whether the key is the single identifier `name`.
    pub fn is_ident(&self, name: &str) -> bool {
        self.leading_colon.is_none() && matches!(&self.segments[..], [ident] if ident == name)
    }

    /// The key as written, for messages: `a::b`.
    pub fn name(&self) -> String {
        let names: Vec<String> = self.segments.iter().map(Ident::to_string).collect();
        names.join("::")
    }

    /// The span of the key's first identifier (where syn's errors about a key start).
    fn first(&self) -> Span {
        self.segments
            .first()
            .map_or_else(Span::call_site, Ident::span)
    }
}

impl Spans for Path {
    fn spans(&self) -> (Span, Span) {
        let start = self.leading_colon.unwrap_or_else(|| self.first());
        let end = self.segments.last().map_or(start, Ident::span);
        (start, end)
    }
}

/// One key and the stream positioned after it, where its value (if any) begins.
pub struct Meta<'a> {
    pub path: Path,
    pub input: ParseStream<'a>,
}

impl<'a> Meta<'a> {
    /// Reads `=` and returns the stream at the value.
    pub fn value(&self) -> syn::Result<ParseStream<'a>> {
        self.input.parse::<Token![=]>()?;
        Ok(self.input)
    }

    /// Records an error spanning the key and everything read since it.
    pub fn error(&self, cx: &Ctxt, message: impl Display) {
        let end = self.input.cursor().prev_span();
        cx.error_spanned_by(&(self.path.first(), end), message);
    }
}

/// Whether the attribute has the form `#[name(...)]` (any delimiter), as syn's `Meta::List`.
pub fn is_list(attr: &Attribute) -> bool {
    let mut trees = attr.tokens.clone().into_iter();
    matches!(
        (trees.next(), trees.next(), trees.next()),
        (Some(TokenTree::Ident(_)), Some(TokenTree::Group(g)), None)
            if g.delimiter() != Delimiter::None
    )
}

/// Calls `logic` for each comma-separated key inside `#[name(...)]`; `logic` reads the key's
/// value from `meta.input`. The first error that `logic` returns ends the list.
pub fn parse_nested(
    attr: &Attribute,
    mut logic: impl FnMut(Meta) -> syn::Result<()>,
) -> syn::Result<()> {
    let parser = |input: ParseStream| {
        let name = Ident::parse_any(input)?;
        let content;
        if input.peek(token::Paren) {
            parenthesized!(content in input);
        } else if input.peek(token::Bracket) {
            bracketed!(content in input);
        } else if input.peek(token::Brace) {
            braced!(content in input);
        } else {
            return Err(syn::Error::new(
                name.span(),
                format_args!("expected attribute arguments in parentheses: `{name}(...)`"),
            ));
        }
        loop {
            let path = meta_path(&content)?;
            logic(Meta {
                path,
                input: &content,
            })?;
            if content.is_empty() {
                return Ok(());
            }
            content.parse::<Token![,]>()?;
            if content.is_empty() {
                return Ok(());
            }
        }
    };
    parser.parse2(attr.tokens.clone())
}

/// A key, keywords allowed (`crate`), as syn's `parse_meta_path`.
fn meta_path(input: ParseStream) -> syn::Result<Path> {
    let leading_colon = if input.peek(Token![::]) {
        Some(input.parse::<Token![::]>()?.spans[0])
    } else {
        None
    };
    if !input.peek(Ident::peek_any) {
        let message = if input.is_empty() {
            "expected nested attribute"
        } else if input.peek(syn::Lit) {
            "unexpected literal in nested attribute, expected ident"
        } else {
            "unexpected token in nested attribute, expected ident"
        };
        return Err(input.error(message));
    }
    let mut segments = vec![Ident::parse_any(input)?];
    while input.peek(Token![::]) {
        input.parse::<Token![::]>()?;
        segments.push(Ident::parse_any(input)?);
    }
    Ok(Path {
        leading_colon,
        segments,
    })
}
