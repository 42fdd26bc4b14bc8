//! Writes an expansion mostly as source text.
//!
//! Inside a proc macro every token built one at a time (what `quote!` does) is created by
//! unoptimised code (cargo builds proc macros at `opt-level = 0` by default) and then crosses
//! the bridge into the compiler one by one, while text is lexed by the compiler in a single
//! call. On the benchmark's types (`bench/`), the boilerplate written as text takes less of
//! the macro expansion pass (`-Z time-passes`) than the same tokens built one by one. What comes from the input and must keep its
//! span — field types, so that "does not implement `Layout`" points at the field; generics
//! and bounds; discriminant expressions; spanned checks — is inserted as tokens.

extern crate proc_macro;

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};

fn delimiters(delimiter: Delimiter) -> (char, char) {
    match delimiter {
        Delimiter::Brace => ('{', '}'),
        Delimiter::Bracket => ('[', ']'),
        Delimiter::Parenthesis | Delimiter::None => ('(', ')'),
    }
}

/// Lexes our own text. Inside the compiler this goes straight to `proc_macro`: proc-macro2's
/// `parse` first lexes the text again with its own (unoptimised) lexer to validate it, which
/// cost more than building the tokens one by one. Outside a macro (this crate's tests) it is
/// proc-macro2's lexer.
fn lex(text: &str) -> Option<TokenStream> {
    if proc_macro::is_available() {
        text.parse::<proc_macro::TokenStream>()
            .ok()
            .map(TokenStream::from)
    } else {
        text.parse::<TokenStream>().ok()
    }
}

#[derive(Default)]
pub struct Out {
    /// Finished parts of the innermost group built as tokens, concatenated once when it
    /// closes (extending one stream part by part would copy it again at every part).
    parts: Vec<TokenStream>,
    /// Text not yet lexed; it follows `parts`.
    text: String,
    /// The enclosing groups built as tokens: their delimiters and finished parts.
    outer: Vec<(Delimiter, Vec<TokenStream>)>,
    /// Open groups written as text so far, with the position of their opening delimiter in
    /// `text`. A group stays text unless tokens are inserted into it: every lexing call has
    /// a cost, so text runs should be as long as possible.
    lazy: Vec<(Delimiter, usize)>,
    /// Text the compiler could not lex: a bug of this crate, reported instead of panicking.
    failed: bool,
}

impl Out {
    /// Source text; delimiters in it must be balanced (use [`Out::group`] around tokens).
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// A string literal with exactly this value.
    pub fn str_lit(&mut self, value: &str) -> &mut Self {
        // `Debug` escapes `"`, `\` and unprintable characters the way Rust literals do.
        use core::fmt::Write;
        let _ = write!(self.text, "{value:?}");
        self
    }

    /// An unsuffixed integer literal.
    pub fn int(&mut self, value: impl Into<u128>) -> &mut Self {
        use core::fmt::Write;
        let _ = write!(self.text, "{}", value.into());
        self
    }

    /// Tokens with their own spans.
    pub fn tokens(&mut self, tokens: &TokenStream) -> &mut Self {
        if tokens.is_empty() {
            // Nothing to insert: the open groups can stay text.
            return self;
        }
        self.build_open_groups();
        self.flush();
        self.parts.push(tokens.clone());
        self
    }

    /// Source text whose tokens all get `span`, so that rustc reports a problem in them at
    /// `span` (a user's attribute key) rather than at `#[derive(Layout)]`.
    pub fn text_at(&mut self, text: &str, span: Span) -> &mut Self {
        match lex(text) {
            Some(tokens) => self.tokens(&respan(tokens, span)),
            None => {
                self.failed = true;
                self
            }
        }
    }

    /// A delimited group whose contents `body` writes.
    pub fn group(&mut self, delimiter: Delimiter, body: impl FnOnce(&mut Out)) -> &mut Self {
        // The work is in `open` and `close`, which are not generic: one copy of them in this
        // crate's machine code instead of one per closure.
        let depth = self.open(delimiter);
        body(self);
        self.close(delimiter, depth)
    }

    fn open(&mut self, delimiter: Delimiter) -> usize {
        self.lazy.push((delimiter, self.text.len()));
        self.text.push(delimiters(delimiter).0);
        self.lazy.len()
    }

    fn close(&mut self, delimiter: Delimiter, depth: usize) -> &mut Self {
        if self.lazy.len() == depth {
            // Still text: close it as text.
            self.lazy.pop();
            self.text.push(delimiters(delimiter).1);
        } else {
            // Tokens went in, so this group was turned into the innermost built group.
            self.flush();
            if let Some((delimiter, outer)) = self.outer.pop() {
                let inner = core::mem::replace(&mut self.parts, outer);
                let group = Group::new(delimiter, inner.into_iter().collect());
                self.parts.push(TokenTree::Group(group).into());
            }
        }
        self
    }

    pub fn braces(&mut self, body: impl FnOnce(&mut Out)) -> &mut Self {
        self.group(Delimiter::Brace, body)
    }

    pub fn parens(&mut self, body: impl FnOnce(&mut Out)) -> &mut Self {
        self.group(Delimiter::Parenthesis, body)
    }

    pub fn brackets(&mut self, body: impl FnOnce(&mut Out)) -> &mut Self {
        self.group(Delimiter::Bracket, body)
    }

    /// Turns the groups still open as text into groups built from parts, outermost first:
    /// the text before each opening delimiter belongs to the enclosing group.
    fn build_open_groups(&mut self) {
        if self.lazy.is_empty() {
            return;
        }
        let text = core::mem::take(&mut self.text);
        let mut start = 0;
        for (delimiter, at) in core::mem::take(&mut self.lazy) {
            self.text.push_str(&text[start..at]);
            self.flush();
            let outer = core::mem::take(&mut self.parts);
            self.outer.push((delimiter, outer));
            start = at + 1;
        }
        self.text.push_str(&text[start..]);
    }

    fn flush(&mut self) {
        if self.text.is_empty() {
            return;
        }
        match lex(&self.text) {
            Some(tokens) => self.parts.push(tokens),
            None => self.failed = true,
        }
        self.text.clear();
    }

    /// The code, or a `compile_error!` when this crate wrote text it cannot lex (a bug).
    pub fn finish(mut self) -> Result<TokenStream, TokenStream> {
        self.flush();
        if self.failed || !self.outer.is_empty() || !self.lazy.is_empty() {
            let message =
                "layoutscope wrote code the compiler cannot lex; please report this input";
            return Err(syn::Error::new(Span::call_site(), message).to_compile_error());
        }
        Ok(self.parts.into_iter().collect())
    }
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(g) = &tree {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tree = TokenTree::Group(group);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}
