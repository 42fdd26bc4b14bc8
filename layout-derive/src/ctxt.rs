//! Error accumulation, after serde_derive's `Ctxt`: every problem in the input is recorded
//! with its span, and all of them are reported at once.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<Problem>>,
}

enum Problem {
    Syn(syn::Error),
    /// An error over a range of tokens, from the first one's span to the last one's.
    Spanned {
        start: Span,
        end: Span,
        message: String,
    },
}

impl Ctxt {
    /// Records an error spanned to `node`, from its first token to its last.
    pub fn error_spanned_by<M: Display>(&self, node: &impl Spans, message: M) {
        let (start, end) = node.spans();
        self.errors.borrow_mut().push(Problem::Spanned {
            start,
            end,
            message: message.to_string(),
        });
    }

    /// Records an error that syn produced.
    pub fn syn_error(&self, error: syn::Error) {
        self.errors.borrow_mut().push(Problem::Syn(error));
    }

    /// `Ok` when there were no errors, else the `compile_error!` invocations of all of them.
    pub fn check(self) -> Result<(), TokenStream> {
        let errors = self.errors.into_inner();
        if errors.is_empty() {
            return Ok(());
        }
        let mut tokens = TokenStream::new();
        for error in errors {
            match error {
                Problem::Syn(error) => tokens.extend(error.to_compile_error()),
                Problem::Spanned {
                    start,
                    end,
                    message,
                } => tokens.extend(compile_error(start, end, &message)),
            }
        }
        Err(tokens)
    }
}

/// `::core::compile_error! { "message" }` spanned as syn spans an error made by
/// `Error::new_spanned` (which needs syn's `printing` feature): the path and `!` at the first
/// token, the braces at the last, so that rustc underlines everything in between.
fn compile_error(start: Span, end: Span, message: &str) -> TokenStream {
    let punct = |c: char, spacing: Spacing| {
        let mut punct = Punct::new(c, spacing);
        punct.set_span(start);
        TokenTree::Punct(punct)
    };
    let mut literal = Literal::string(message);
    literal.set_span(end);
    let mut group = Group::new(Delimiter::Brace, TokenTree::Literal(literal).into());
    group.set_span(end);
    TokenStream::from_iter([
        punct(':', Spacing::Joint),
        punct(':', Spacing::Alone),
        TokenTree::Ident(Ident::new("core", start)),
        punct(':', Spacing::Joint),
        punct(':', Spacing::Alone),
        TokenTree::Ident(Ident::new("compile_error", start)),
        punct('!', Spacing::Alone),
        TokenTree::Group(group),
    ])
}

/// The spans of a node's first and last tokens.
pub trait Spans {
    fn spans(&self) -> (Span, Span);
}

impl Spans for TokenStream {
    fn spans(&self) -> (Span, Span) {
        let mut trees = self.clone().into_iter();
        let start = trees.next().map_or_else(Span::call_site, |t| t.span());
        let end = trees.last().map_or(start, |t| t.span());
        (start, end)
    }
}

impl Spans for Ident {
    fn spans(&self) -> (Span, Span) {
        (self.span(), self.span())
    }
}

impl Spans for syn::LitInt {
    fn spans(&self) -> (Span, Span) {
        (self.span(), self.span())
    }
}

impl Spans for syn::LitStr {
    fn spans(&self) -> (Span, Span) {
        (self.span(), self.span())
    }
}

impl Spans for (Span, Span) {
    fn spans(&self) -> (Span, Span) {
        *self
    }
}

impl Spans for crate::item::Attribute {
    fn spans(&self) -> (Span, Span) {
        (self.pound, self.brackets)
    }
}
