//! Types printed the way people write them (`Option<Box<T>>`, `&'a [u8]`), not the way token
//! streams print (`Option < Box < T > >`).

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// Tracks `<..>` nesting across a type's tokens, telling a closing `>` from the `>` of `->`
/// (`fn() -> T`, `Fn(A) -> B`): angle brackets are not token groups.
#[derive(Default)]
pub struct Angles {
    depth: usize,
    arrow: bool,
}

impl Angles {
    /// Takes the next token; returns its character if it is punctuation outside any `<..>`,
    /// other than the brackets themselves and the `>` of `->`. A `>` that closes nothing (the
    /// end of a generic parameter list) is outside.
    pub fn top_level(&mut self, tree: &TokenTree) -> Option<char> {
        let TokenTree::Punct(p) = tree else {
            self.arrow = false;
            return None;
        };
        let c = p.as_char();
        let closes = c == '>' && !self.arrow;
        let top = self.depth == 0 && c != '<' && !self.arrow;
        if c == '<' {
            self.depth += 1;
        } else if closes {
            self.depth = self.depth.saturating_sub(1);
        }
        self.arrow = c == '-' && p.spacing() == Spacing::Joint;
        top.then_some(c)
    }

    /// Whether the tokens taken so far closed every `<` they opened.
    pub fn is_outside(&self) -> bool {
        self.depth == 0
    }
}

/// Finds the end of an expression in a list: the first `,` outside the generic arguments of
/// a path. In an expression `<` also compares and shifts, so it opens generic arguments only
/// where Rust's grammar reads it that way: after `::` (`f::<A, B>()`), at the start of a
/// qualified path (`<T as Tr<A, B>>::N`: first, or after an operator), in the type after
/// `as` (rustc reads `x as T<..` as generics too), and inside other generic arguments.
#[derive(Default)]
pub struct ExprAngles {
    angles: Angles,
    last: ExprLast,
    /// In the path of the type after an `as` outside any `<..>`.
    cast: bool,
}

#[derive(Clone, Copy, Default, PartialEq)]
enum ExprLast {
    /// Nothing yet.
    #[default]
    Start,
    /// A value: an identifier, literal, group or the `>` closing generic arguments.
    Operand,
    /// Operator punctuation; `joint` when the next character continues it (`<<`, `<=`).
    Operator { joint: bool },
    /// The first `:` of `::`.
    Colon,
    /// `::`.
    Colons,
}

impl ExprAngles {
    /// Takes the next token; true if it is a `,` that ends the expression.
    pub fn is_top_level_comma(&mut self, tree: &TokenTree) -> bool {
        let outside = self.angles.is_outside();
        let TokenTree::Punct(p) = tree else {
            self.angles.top_level(tree);
            self.cast = match tree {
                TokenTree::Ident(ident) if outside && ident == "as" => true,
                TokenTree::Ident(_) => self.cast,
                _ => false,
            };
            self.last = ExprLast::Operand;
            return false;
        };
        let c = p.as_char();
        let joint = p.spacing() == Spacing::Joint;
        let opens = match self.last {
            ExprLast::Start | ExprLast::Colons => true,
            ExprLast::Operator { joint } => !joint,
            ExprLast::Operand | ExprLast::Colon => self.cast,
        };
        let before = self.angles.depth;
        let comparison = c == '<' && outside && !opens;
        if !comparison && self.angles.top_level(tree) == Some(',') {
            return true;
        }
        self.cast &= c == ':' || self.angles.depth > 0;
        self.last = if c == ':' && self.last == ExprLast::Colon {
            ExprLast::Colons
        } else if c == ':' && joint {
            ExprLast::Colon
        } else if c == '>' && self.angles.depth < before {
            ExprLast::Operand
        } else {
            ExprLast::Operator { joint }
        };
        false
    }
}

/// A type's tokens as text.
pub fn tokens_text(tokens: TokenStream) -> String {
    let mut out = String::new();
    write_stream(&mut out, tokens);
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    Word,
    Open,
    Comma,
    Tight,
    Spaced,
    JointPunct,
}

fn write_stream(out: &mut String, stream: TokenStream) {
    let mut last = Last::Start;
    for tree in stream {
        last = write_tree(out, tree, last);
    }
}

fn write_tree(out: &mut String, tree: TokenTree, last: Last) -> Last {
    match tree {
        TokenTree::Ident(ident) => {
            if matches!(last, Last::Word | Last::Comma | Last::Spaced) {
                out.push(' ');
            }
            out.push_str(&ident.to_string());
            Last::Word
        }
        TokenTree::Literal(lit) => {
            if matches!(last, Last::Word | Last::Comma | Last::Spaced) {
                out.push(' ');
            }
            out.push_str(&lit.to_string());
            Last::Word
        }
        TokenTree::Group(group) => {
            let (open, close) = match group.delimiter() {
                Delimiter::Parenthesis => ("(", ")"),
                Delimiter::Bracket => ("[", "]"),
                Delimiter::Brace => ("{ ", " }"),
                Delimiter::None => ("", ""),
            };
            if matches!(last, Last::Comma | Last::Spaced)
                || (last == Last::Word && group.delimiter() == Delimiter::Brace)
            {
                out.push(' ');
            }
            out.push_str(open);
            write_stream(out, group.stream());
            out.push_str(close);
            Last::Word
        }
        TokenTree::Punct(punct) => {
            let c = punct.as_char();
            let joint = punct.spacing() == Spacing::Joint;
            match c {
                ',' | ';' => {
                    out.push(c);
                    Last::Comma
                }
                '+' | '=' if !joint => {
                    if last != Last::JointPunct {
                        out.push(' ');
                    }
                    out.push(c);
                    Last::Spaced
                }
                '-' if joint => {
                    out.push_str(" -");
                    Last::JointPunct
                }
                '>' if last == Last::JointPunct => {
                    out.push('>');
                    Last::Spaced
                }
                '\'' => {
                    if matches!(last, Last::Word | Last::Comma | Last::Spaced) {
                        out.push(' ');
                    }
                    out.push(c);
                    Last::Open
                }
                _ => {
                    if matches!(last, Last::Comma | Last::Spaced) && c != '>' {
                        out.push(' ');
                    }
                    out.push(c);
                    if c == '<' || c == '&' || c == '*' || c == ':' {
                        Last::Open
                    } else {
                        Last::Tight
                    }
                }
            }
        }
    }
}
