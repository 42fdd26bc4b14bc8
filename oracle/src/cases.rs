//! The hand-written edge cases (`oracle/cases/*.rs`).
//!
//! Each case file is copied verbatim into the probe crate; this module only reads enough of it
//! to know which types it defines and which fields they have, so that the probe can call
//! `offset_of!` on each field and the oracles' outputs can be matched. The reader understands
//! the small subset of Rust the case files are written in (attributes, `struct`/`union` items,
//! `//@ instantiate Type<Args>` directives) and rejects everything else, so a case file can
//! never silently contribute fewer types than it defines.

use crate::error::{bail, Error, Result};
use crate::spec::{FieldRef, Instance, Kind, Origin};

/// A case file: its name (for reports) and its text.
#[derive(Clone, Copy, Debug)]
pub struct CaseFile {
    /// File name under `oracle/cases/`.
    pub name: &'static str,
    /// The Rust items.
    pub source: &'static str,
}

/// The case files compiled into this crate.
pub const CASE_FILES: &[CaseFile] = &[CaseFile {
    name: "edge_cases.rs",
    source: include_str!("../cases/edge_cases.rs"),
}];

/// The concrete types a case file defines, in file order.
pub fn instances(file: &CaseFile) -> Result<Vec<Instance>> {
    let (tokens, directives) = tokenize(file.source).map_err(|e| in_file(file, e.0))?;
    let items = parse_items(&tokens).map_err(|e| in_file(file, e.0))?;
    let mut out = Vec::new();
    for item in &items {
        let mine: Vec<&str> = directives
            .iter()
            .filter(|d| generic_name(d) == item.name)
            .map(String::as_str)
            .collect();
        if item.generic && mine.is_empty() {
            return Err(in_file(
                file,
                format!(
                    "generic `{}` has no `//@ instantiate {}<..>` line",
                    item.name, item.name
                ),
            ));
        }
        if !item.generic && !mine.is_empty() {
            return Err(in_file(
                file,
                format!("`{}` is not generic but has instantiate lines", item.name),
            ));
        }
        let types: Vec<String> = if item.generic {
            mine.iter().map(|s| s.to_string()).collect()
        } else {
            vec![item.name.clone()]
        };
        for ty in types {
            out.push(Instance {
                ty: ty.clone(),
                rustc_name: ty,
                kind: item.kind,
                fields: item.members.iter().map(|m| FieldRef::new(m)).collect(),
                origin: Origin::Case(file.name),
            });
        }
    }
    for d in &directives {
        if !items.iter().any(|i| i.name == generic_name(d)) {
            return Err(in_file(
                file,
                format!("`//@ instantiate {d}` names no type in the file"),
            ));
        }
    }
    Ok(out)
}

fn in_file(file: &CaseFile, message: String) -> Error {
    Error(format!("oracle/cases/{}: {message}", file.name))
}

fn generic_name(directive: &str) -> &str {
    directive.split('<').next().unwrap_or("").trim()
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Punct(char),
    Literal,
    Lifetime,
}

/// Splits the file into tokens and collects the `//@ instantiate ...` directives.
fn tokenize(src: &str) -> Result<(Vec<Tok>, Vec<String>)> {
    let chars: Vec<char> = src.chars().collect();
    let mut tokens = Vec::new();
    let mut directives = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |p| i + p);
            let line: String = chars[i..end].iter().collect();
            if let Some(rest) = line.strip_prefix("//@") {
                let rest = rest.trim();
                match rest.strip_prefix("instantiate ") {
                    Some(ty) => directives.push(ty.trim().to_owned()),
                    None => bail!("unknown directive `{line}`"),
                }
            }
            i = end;
        } else if c == '/' && next == Some('*') {
            let close = (i + 2..chars.len().saturating_sub(1))
                .find(|&j| chars[j] == '*' && chars[j + 1] == '/');
            match close {
                Some(j) => i = j + 2,
                None => bail!("unterminated block comment"),
            }
        } else if c == 'r' && next == Some('#') && chars.get(i + 2).is_some_and(|c| is_ident(*c)) {
            let (word, end) = ident_at(&chars, i + 2);
            tokens.push(Tok::Ident(format!("r#{word}")));
            i = end;
        } else if c.is_alphabetic() || c == '_' {
            let (word, end) = ident_at(&chars, i);
            tokens.push(Tok::Ident(word));
            i = end;
        } else if c.is_ascii_digit() {
            let (_, end) = ident_at(&chars, i);
            tokens.push(Tok::Literal);
            i = end;
        } else if c == '\'' {
            let (word, end) = ident_at(&chars, i + 1);
            if word.is_empty() || chars.get(end) == Some(&'\'') {
                bail!("character literals are not supported in case files");
            }
            tokens.push(Tok::Lifetime);
            i = end;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            if j >= chars.len() {
                bail!("unterminated string literal");
            }
            tokens.push(Tok::Literal);
            i = j + 1;
        } else {
            tokens.push(Tok::Punct(c));
            i += 1;
        }
    }
    Ok((tokens, directives))
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn ident_at(chars: &[char], start: usize) -> (String, usize) {
    let end = (start..chars.len())
        .find(|&j| !is_ident(chars[j]))
        .unwrap_or(chars.len());
    (chars[start..end].iter().collect(), end)
}

/// One `struct` or `union` item.
#[derive(Debug)]
struct Item {
    name: String,
    kind: Kind,
    generic: bool,
    members: Vec<String>,
}

struct Cursor<'a> {
    toks: &'a [Tok],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn is_punct(&self, c: char) -> bool {
        self.peek() == Some(&Tok::Punct(c))
    }

    fn expect_punct(&mut self, c: char) -> Result<()> {
        if !self.is_punct(c) {
            bail!("expected `{c}`, found {:?}", self.peek());
        }
        self.pos += 1;
        Ok(())
    }

    fn ident(&mut self) -> Result<String> {
        match self.peek() {
            Some(Tok::Ident(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            other => bail!("expected an identifier, found {other:?}"),
        }
    }

    fn eat_ident(&mut self, word: &str) -> bool {
        if self.peek() == Some(&Tok::Ident(word.to_owned())) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Skips a delimited group starting at the current `open` token.
    fn skip_group(&mut self, open: char, close: char) -> Result<()> {
        self.expect_punct(open)?;
        let mut depth = 1;
        while depth > 0 {
            match self.peek() {
                None => bail!("unbalanced `{open}`"),
                Some(Tok::Punct(c)) if *c == open => depth += 1,
                Some(Tok::Punct(c)) if *c == close => depth -= 1,
                _ => {}
            }
            self.pos += 1;
        }
        Ok(())
    }

    fn skip_attributes(&mut self) -> Result<()> {
        while self.is_punct('#') {
            self.pos += 1;
            self.skip_group('[', ']')?;
        }
        Ok(())
    }

    fn skip_visibility(&mut self) -> Result<()> {
        if self.eat_ident("pub") && self.is_punct('(') {
            self.skip_group('(', ')')?;
        }
        Ok(())
    }

    /// Skips a field type, stopping before a `,` or the list's closing delimiter at depth 0.
    fn skip_type(&mut self, close: char) -> Result<()> {
        let mut depth = 0usize;
        let start = self.pos;
        loop {
            match self.peek() {
                None => bail!("unexpected end of file in a field type"),
                Some(Tok::Punct('-')) if self.toks.get(self.pos + 1) == Some(&Tok::Punct('>')) => {
                    self.pos += 2;
                    continue;
                }
                Some(Tok::Punct(c)) if depth == 0 && (*c == ',' || *c == close) => break,
                Some(Tok::Punct('(' | '[' | '{' | '<')) => depth += 1,
                Some(Tok::Punct(')' | ']' | '}' | '>')) => {
                    depth = depth
                        .checked_sub(1)
                        .ok_or_else(|| Error("unbalanced type".into()))?
                }
                _ => {}
            }
            self.pos += 1;
        }
        if self.pos == start {
            bail!("empty field type");
        }
        Ok(())
    }
}

fn parse_items(toks: &[Tok]) -> Result<Vec<Item>> {
    let mut c = Cursor { toks, pos: 0 };
    let mut items = Vec::new();
    while c.peek().is_some() {
        c.skip_attributes()?;
        c.skip_visibility()?;
        let keyword = c.ident()?;
        let kind = match keyword.as_str() {
            "struct" => Kind::Struct,
            "union" => Kind::Union,
            other => bail!("case files may only define structs and unions, found `{other}`"),
        };
        let name = c.ident()?;
        let generic = c.is_punct('<');
        if generic {
            c.skip_group('<', '>')?;
        }
        if matches!(c.peek(), Some(Tok::Ident(w)) if w == "where") {
            bail!("`{name}`: where clauses are not supported in case files");
        }
        let members = if c.is_punct('{') {
            c.pos += 1;
            named_members(&mut c)?
        } else if c.is_punct('(') && kind == Kind::Struct {
            c.pos += 1;
            let n = tuple_members(&mut c)?;
            c.expect_punct(';')?;
            (0..n).map(|i| i.to_string()).collect()
        } else if c.is_punct(';') && kind == Kind::Struct {
            c.pos += 1;
            Vec::new()
        } else {
            bail!("`{name}`: expected a field list, found {:?}", c.peek());
        };
        items.push(Item {
            name,
            kind,
            generic,
            members,
        });
    }
    Ok(items)
}

/// Reads `name: Type, ...}` (the opening brace already consumed).
fn named_members(c: &mut Cursor) -> Result<Vec<String>> {
    let mut members = Vec::new();
    loop {
        c.skip_attributes()?;
        if c.is_punct('}') {
            c.pos += 1;
            return Ok(members);
        }
        c.skip_visibility()?;
        members.push(c.ident()?);
        c.expect_punct(':')?;
        c.skip_type('}')?;
        if c.is_punct(',') {
            c.pos += 1;
        }
    }
}

/// Counts `Type, ...)` (the opening parenthesis already consumed).
fn tuple_members(c: &mut Cursor) -> Result<usize> {
    let mut n = 0;
    loop {
        c.skip_attributes()?;
        if c.is_punct(')') {
            c.pos += 1;
            return Ok(n);
        }
        c.skip_visibility()?;
        c.skip_type(')')?;
        n += 1;
        if c.is_punct(',') {
            c.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &'static str) -> Result<Vec<Instance>> {
        instances(&CaseFile {
            name: "test.rs",
            source: src,
        })
    }

    #[test]
    fn reads_every_shape() {
        let got = parse(
            "/// doc\n#[derive(X)]\n#[repr(C)]\npub struct A { pub r#type: u8, b: Option<fn(u8) -> u8>, }\n\
             struct B(#[layout(opaque)] (u8, [u16; 2]), &'static str);\nstruct C;\n\
             union D { x: u8 }\nstruct G<T, const N: usize> { a: [T; N] }\n\
             //@ instantiate G<u8, 2>\n//@ instantiate G<bool, 0>\n",
        )
        .unwrap();
        let names: Vec<&str> = got.iter().map(|i| i.ty.as_str()).collect();
        assert_eq!(names, ["A", "B", "C", "D", "G<u8, 2>", "G<bool, 0>"]);
        assert_eq!(got[0].fields, [FieldRef::new("r#type"), FieldRef::new("b")]);
        assert_eq!(got[0].fields[0].name, "type");
        assert_eq!(got[1].fields.len(), 2);
        assert_eq!(got[1].fields[1].member, "1");
        assert!(got[2].fields.is_empty());
        assert_eq!(got[3].kind, Kind::Union);
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        assert!(parse("enum E { A }").is_err());
        assert!(parse("use core::mem;").is_err());
        assert!(parse("struct G<T>(T);").is_err());
        assert!(parse("struct A;\n//@ instantiate A<u8>").is_err());
        assert!(parse("struct A;\n//@ instantiate B<u8>").is_err());
        assert!(parse("//@ frobnicate").is_err());
    }

    #[test]
    fn the_shipped_cases_parse() {
        for file in CASE_FILES {
            assert!(instances(file).unwrap().len() > 30);
        }
    }
}
