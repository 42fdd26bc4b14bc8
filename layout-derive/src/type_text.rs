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
    /// Takes the next token; returns its character if it is punctuation outside any `<..>`
    /// (other than the brackets themselves).
    pub fn top_level(&mut self, tree: &TokenTree) -> Option<char> {
        let TokenTree::Punct(p) = tree else {
            self.arrow = false;
            return None;
        };
        let c = p.as_char();
        let closes = c == '>' && !self.arrow;
        let top = self.depth == 0 && c != '<' && !closes;
        if c == '<' {
            self.depth += 1;
        } else if closes {
            self.depth = self.depth.saturating_sub(1);
        }
        self.arrow = c == '-' && p.spacing() == Spacing::Joint;
        top.then_some(c)
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
