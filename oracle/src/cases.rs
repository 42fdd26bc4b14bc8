//! The hand-written edge cases (`oracle/cases/*.rs`).
//!
//! Each case file is copied verbatim into the probe crate; this module only reads enough of it
//! to know which types it defines and which fields (and, for enums, which variants) they have,
//! so that the probe can call `offset_of!` on each field, construct each variant, and match
//! the oracles' outputs. The reader understands the small subset of Rust the case files are
//! written in (attributes, `struct`/`union`/`enum` items, directives) and rejects everything
//! else, so a case file can never silently contribute fewer types than it defines.
//!
//! Directives:
//!
//! - `//@ instantiate Type<Args>`: one per instantiation of a generic type, with the
//!   arguments spelled the way rustc prints them; or `//@ instantiate Type<Src> as Type<Printed>`
//!   when the source spelling differs (`&'static u32` is printed `&u32`, `Vec<u8>` is printed
//!   `std::vec::Vec<u8>`).
//! - `//@ uninhabited Enum::Variant`: the variant cannot be constructed (a field of type
//!   `Infallible`), so the probe builds no value of it.
//! - `//@ helper Type`: the item only defines a field type of other items (an enum without
//!   layoutscope's derive, say) and is not compared itself.
//! - `//@ mix structs` or `//@ mix enums`: which batches compare a saved reproducer
//!   (`oracle/reproducers/*.rs`); every reproducer names one.
//!
//! Besides the shipped case files, every run picks up the reproducers saved in
//! `oracle/reproducers/` ([`reproducers`], written by [`crate::reproduce`]): each is a case
//! file of the batches its `//@ mix` line names.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Mutex;

use layout_core::{IntRepr, Repr};

use crate::error::{bail, Error, Result};
use crate::spec::{Definition, Instance, Mix, Origin, ReprParts};
use layout_testkit::{Body, Field, Fields, Item, Param, ParamKind, Style, Variant};

/// A case file: its name (for reports) and its text.
#[derive(Clone, Copy, Debug)]
pub struct CaseFile {
    /// Path under `oracle/` (`cases/edge_cases.rs`, `reproducers/seed-7-structs-S12.rs`).
    pub name: &'static str,
    /// The Rust items.
    pub source: &'static str,
}

/// The shipped case files of the batches of `mix`: structs and unions in
/// `cases/edge_cases.rs`, enums (and structs that nest them) in `cases/enum_cases.rs`; none for
/// the benchmark's mix.
pub fn case_files(mix: Mix) -> &'static [CaseFile] {
    match mix {
        Mix::Structs => &[CaseFile {
            name: "cases/edge_cases.rs",
            source: include_str!("../cases/edge_cases.rs"),
        }],
        Mix::Enums => &[CaseFile {
            name: "cases/enum_cases.rs",
            source: include_str!("../cases/enum_cases.rs"),
        }],
        Mix::Bench => &[],
    }
}

/// The reproducers of the batches of `mix` saved in `dir` (every `*.rs` file, in name order),
/// as case files named `reproducers/<file>`. Every `*.rs` file there must name its batches with
/// `//@ mix structs` or `//@ mix enums`, and a missing directory is an error, so that a
/// reproducer can never silently drop out of the runs.
pub fn reproducers(dir: &Path, mix: Mix) -> Result<Vec<CaseFile>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error(format!(
            "cannot read the reproducer directory {}: {e}",
            dir.display()
        ))
    })?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "rs") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = std::fs::read_to_string(&path)
            .map_err(|e| Error(format!("cannot read {}: {e}", path.display())))?;
        let file = CaseFile {
            name: intern(format!("reproducers/{file_name}")),
            source: intern(source),
        };
        let (_, directives) = tokenize(file.source).map_err(|e| in_file(&file, e.0))?;
        let named: Vec<Mix> = directives
            .iter()
            .filter_map(|d| match d {
                Directive::Mix(named) => Some(*named),
                _ => None,
            })
            .collect();
        match named.as_slice() {
            [named] if *named == mix => files.push(file),
            [_] => {}
            _ => {
                return Err(in_file(
                    &file,
                    "a reproducer needs exactly one `//@ mix structs` or `//@ mix enums` line"
                        .to_owned(),
                ))
            }
        }
    }
    Ok(files)
}

/// A `'static` copy of `text`, made once per distinct text: case files are `'static` like the
/// shipped ones, and loading the same reproducers for every batch does not grow memory.
fn intern(text: String) -> &'static str {
    static POOL: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = pool.get(text.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(text.into_boxed_str());
    pool.insert(leaked);
    leaked
}

/// What a case file defines.
#[derive(Clone, Debug, Default)]
pub struct CaseSet {
    /// The concrete types to compare, in file order.
    pub instances: Vec<Instance>,
    /// Every definition without lifetime parameters, for the probe's value constructors.
    pub definitions: Vec<Definition>,
}

/// The concrete types a case file defines, in file order, and their definitions.
pub fn read(file: &CaseFile) -> Result<CaseSet> {
    let (tokens, directives) = tokenize(file.source).map_err(|e| in_file(file, e.0))?;
    let items = parse_items(file.source, &tokens).map_err(|e| in_file(file, e.0))?;
    let mut set = CaseSet::default();
    let generic = |item: &Item| !item.params.is_empty();
    for d in &directives {
        let known = match d {
            Directive::Instantiate { src, .. } => items
                .iter()
                .any(|i| i.name == generic_name(src) && generic(i)),
            Directive::Uninhabited { ty, variant } => items.iter().any(|i| {
                &i.name == ty
                    && matches!(&i.body, Body::Enum(v) if v.iter().any(|v| &v.ident == variant))
            }),
            Directive::Helper(ty) => items.iter().any(|i| &i.name == ty),
            Directive::Mix(_) => true,
        };
        if !known {
            return Err(in_file(file, format!("`{d:?}` names nothing in the file")));
        }
    }
    for item in items {
        let helper = directives
            .iter()
            .any(|d| matches!(d, Directive::Helper(ty) if *ty == item.name));
        let mine: Vec<(String, String)> = directives
            .iter()
            .filter_map(|d| match d {
                Directive::Instantiate { src, rustc } if generic_name(src) == item.name => {
                    Some((src.clone(), rustc.clone()))
                }
                _ => None,
            })
            .collect();
        if generic(&item) && mine.is_empty() && !helper {
            return Err(in_file(
                file,
                format!(
                    "generic `{}` has no `//@ instantiate {}<..>` line",
                    item.name, item.name
                ),
            ));
        }
        if !generic(&item) && !mine.is_empty() {
            return Err(in_file(
                file,
                format!("`{}` is not generic but has instantiate lines", item.name),
            ));
        }
        let types: Vec<(String, String)> = if helper {
            Vec::new()
        } else if generic(&item) {
            mine
        } else {
            vec![(item.name.clone(), item.name.clone())]
        };
        let uninhabited = directives
            .iter()
            .filter_map(|d| match d {
                Directive::Uninhabited { ty, variant } if *ty == item.name => Some(variant.clone()),
                _ => None,
            })
            .collect();
        let lifetimes = item.params.iter().any(|p| p.kind == ParamKind::Lifetime);
        let is_enum = matches!(item.body, Body::Enum(_));
        if lifetimes && is_enum && !helper {
            // The probe writes no value constructor for it.
            return Err(in_file(
                file,
                format!("`{}`: lifetime parameters are not supported", item.name),
            ));
        }
        let def = Definition { item, uninhabited };
        for (ty, rustc_name) in types {
            set.instances.push(Instance {
                ty,
                rustc_name,
                shape: def.shape(),
                origin: Origin::Case(file.name),
            });
        }
        if !lifetimes {
            set.definitions.push(def);
        }
    }
    Ok(set)
}

fn in_file(file: &CaseFile, message: String) -> Error {
    Error(format!("oracle/{}: {message}", file.name))
}

fn generic_name(ty: &str) -> &str {
    ty.split('<').next().unwrap_or("").trim()
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Directive {
    /// `//@ instantiate Src[ as Rustc]`.
    Instantiate { src: String, rustc: String },
    /// `//@ uninhabited Type::Variant`.
    Uninhabited { ty: String, variant: String },
    /// `//@ helper Type`.
    Helper(String),
    /// `//@ mix structs|enums`.
    Mix(Mix),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Punct(char),
    /// A number (with its text) or a string.
    Literal(String),
    Lifetime,
}

/// A token and the range of characters it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

/// Splits the file into tokens and collects the `//@` directives.
fn tokenize(src: &str) -> Result<(Vec<Token>, Vec<Directive>)> {
    let chars: Vec<char> = src.chars().collect();
    let mut tokens = Vec::new();
    let mut directives = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let start = i;
        let tok = if c.is_whitespace() {
            i += 1;
            continue;
        } else if c == '/' && next == Some('/') {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |p| i + p);
            let line: String = chars[i..end].iter().collect();
            if let Some(rest) = line.strip_prefix("//@") {
                directives.push(directive(rest.trim(), &line)?);
            }
            i = end;
            continue;
        } else if c == '/' && next == Some('*') {
            let close = (i + 2..chars.len().saturating_sub(1))
                .find(|&j| chars[j] == '*' && chars[j + 1] == '/');
            match close {
                Some(j) => i = j + 2,
                None => bail!("unterminated block comment"),
            }
            continue;
        } else if c == 'r' && next == Some('#') && chars.get(i + 2).is_some_and(|c| is_ident(*c)) {
            let (word, end) = ident_at(&chars, i + 2);
            i = end;
            Tok::Ident(format!("r#{word}"))
        } else if c.is_alphabetic() || c == '_' {
            let (word, end) = ident_at(&chars, i);
            i = end;
            Tok::Ident(word)
        } else if c.is_ascii_digit() {
            let (word, end) = ident_at(&chars, i);
            i = end;
            Tok::Literal(word)
        } else if c == '\'' {
            let (word, end) = ident_at(&chars, i + 1);
            if word.is_empty() || chars.get(end) == Some(&'\'') {
                bail!("character literals are not supported in case files");
            }
            i = end;
            Tok::Lifetime
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            if j >= chars.len() {
                bail!("unterminated string literal");
            }
            i = j + 1;
            Tok::Literal(chars[start..i].iter().collect())
        } else {
            i += 1;
            Tok::Punct(c)
        };
        tokens.push(Token { tok, start, end: i });
    }
    Ok((tokens, directives))
}

fn directive(text: &str, line: &str) -> Result<Directive> {
    if let Some(ty) = text.strip_prefix("instantiate ") {
        let (src, rustc) = match ty.split_once(" as ") {
            Some((src, rustc)) => (src.trim(), rustc.trim()),
            None => (ty.trim(), ty.trim()),
        };
        return Ok(Directive::Instantiate {
            src: src.to_owned(),
            rustc: rustc.to_owned(),
        });
    }
    if let Some(ty) = text.strip_prefix("helper ") {
        let ty = ty.trim();
        if !ty.is_empty() && ty.chars().all(is_ident) {
            return Ok(Directive::Helper(ty.to_owned()));
        }
    }
    if let Some(mix) = text.strip_prefix("mix ").and_then(|k| Mix::named(k.trim())) {
        return Ok(Directive::Mix(mix));
    }
    if let Some(path) = text.strip_prefix("uninhabited ") {
        if let Some((ty, variant)) = path.trim().split_once("::") {
            return Ok(Directive::Uninhabited {
                ty: ty.to_owned(),
                variant: variant.to_owned(),
            });
        }
    }
    bail!("unknown directive `{line}`")
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

struct Cursor<'a> {
    src: &'a [char],
    toks: &'a [Token],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.tok)
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

    /// The source text of tokens `from..to`.
    fn text(&self, from: usize, to: usize) -> String {
        if from >= to {
            return String::new();
        }
        self.src[self.toks[from].start..self.toks[to - 1].end]
            .iter()
            .collect()
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

    /// Skips attributes, reading the `#[repr(..)]` ones into `repr`.
    fn attributes(&mut self, repr: &mut ReprParts) -> Result<()> {
        while self.is_punct('#') {
            self.pos += 1;
            let start = self.pos;
            self.skip_group('[', ']')?;
            let inner = &self.toks[start + 1..self.pos - 1];
            if inner.first().map(|t| &t.tok) == Some(&Tok::Ident("repr".to_owned())) {
                read_repr(&inner[1..], repr)?;
            }
        }
        Ok(())
    }

    fn skip_attributes(&mut self) -> Result<()> {
        self.attributes(&mut ReprParts::default())
    }

    fn skip_visibility(&mut self) -> Result<()> {
        if self.eat_ident("pub") && self.is_punct('(') {
            self.skip_group('(', ')')?;
        }
        Ok(())
    }

    /// Skips tokens up to a `,` or `close` at depth 0: a type (where `<` and `>` nest) or an
    /// expression (where they are operators, as in `1 << 4`).
    fn skip_until(&mut self, close: char, what: &str) -> Result<()> {
        let angles = what.ends_with("type");
        let mut depth = 0usize;
        let start = self.pos;
        loop {
            match self.peek() {
                None => bail!("unexpected end of file in {what}"),
                Some(Tok::Punct('-'))
                    if self.toks.get(self.pos + 1).map(|t| &t.tok) == Some(&Tok::Punct('>')) =>
                {
                    self.pos += 2;
                    continue;
                }
                Some(Tok::Punct(c)) if depth == 0 && (*c == ',' || *c == close) => break,
                Some(Tok::Punct('<' | '>')) if !angles => {}
                Some(Tok::Punct('(' | '[' | '{' | '<')) => depth += 1,
                Some(Tok::Punct(')' | ']' | '}' | '>')) => {
                    depth = depth
                        .checked_sub(1)
                        .ok_or_else(|| Error(format!("unbalanced {what}")))?
                }
                _ => {}
            }
            self.pos += 1;
        }
        if self.pos == start {
            bail!("empty {what}");
        }
        Ok(())
    }

    fn skip_type(&mut self, close: char) -> Result<()> {
        self.skip_until(close, "a field type")
    }
}

/// `(C, u8, align(8))` after `repr`.
fn read_repr(toks: &[Token], repr: &mut ReprParts) -> Result<()> {
    let words: Vec<&Tok> = toks.iter().map(|t| &t.tok).collect();
    let Some([Tok::Punct('('), inner @ .., Tok::Punct(')')]) = Some(words.as_slice()) else {
        bail!("unreadable `#[repr]`");
    };
    let mut i = 0;
    while i < inner.len() {
        match inner[i] {
            Tok::Ident(w) if w == "C" => repr.c = true,
            Tok::Ident(w) if w == "align" => match inner.get(i + 1..i + 4) {
                Some([Tok::Punct('('), Tok::Literal(n), Tok::Punct(')')]) => {
                    repr.align = Some(
                        n.parse()
                            .map_err(|_| Error(format!("bad alignment `{n}`")))?,
                    );
                    i += 3;
                }
                _ => bail!("unreadable `align` in `#[repr]`"),
            },
            Tok::Ident(w) if w == "transparent" || w == "packed" => {
                if inner.get(i + 1) == Some(&&Tok::Punct('(')) {
                    i += 3;
                }
            }
            Tok::Ident(w) => match IntRepr::from_name(w) {
                Some(int) => repr.int = Some(int),
                None => bail!("unknown repr `{w}`"),
            },
            Tok::Punct(',') => {}
            other => bail!("unreadable `#[repr]` at {other:?}"),
        }
        i += 1;
    }
    Ok(())
}

fn parse_items(src: &str, toks: &[Token]) -> Result<Vec<Item>> {
    let chars: Vec<char> = src.chars().collect();
    let mut c = Cursor {
        src: &chars,
        toks,
        pos: 0,
    };
    let mut items = Vec::new();
    while c.peek().is_some() {
        let mut repr = ReprParts::default();
        c.attributes(&mut repr)?;
        let Some(repr) = repr.repr() else {
            bail!("an alignment that is not a power of two");
        };
        c.skip_visibility()?;
        let keyword = c.ident()?;
        if keyword == "const" {
            // `const NAME: Type = value;`, for discriminant expressions.
            c.ident()?;
            c.expect_punct(':')?;
            c.skip_until(';', "a const item")?;
            c.expect_punct(';')?;
            continue;
        }
        if !matches!(keyword.as_str(), "struct" | "union" | "enum") {
            bail!("case files may only define structs, unions, enums and consts, found `{keyword}`")
        }
        let name = c.ident()?;
        let params = if c.is_punct('<') {
            generics(&mut c)?
        } else {
            Vec::new()
        };
        if matches!(c.peek(), Some(Tok::Ident(w)) if w == "where") {
            bail!("`{name}`: where clauses are not supported in case files");
        }
        let body = match keyword.as_str() {
            "enum" => {
                c.expect_punct('{')?;
                Body::Enum(variants(&mut c, repr)?)
            }
            "union" if c.is_punct('{') => {
                c.pos += 1;
                Body::Union(named_members(&mut c)?)
            }
            "struct" => {
                let fields = fields(&mut c)?;
                if fields.style != Style::Named {
                    c.expect_punct(';')?;
                }
                Body::Struct(fields)
            }
            _ => bail!("`{name}`: expected a field list, found {:?}", c.peek()),
        };
        items.push(Item {
            attrs: Vec::new(),
            repr,
            vis: String::new(),
            name,
            params,
            where_clause: String::new(),
            body,
        });
    }
    Ok(items)
}

/// The fields of a struct or variant: `{ .. }`, `( .. )` or nothing.
fn fields(c: &mut Cursor) -> Result<Fields> {
    Ok(if c.is_punct('{') {
        c.pos += 1;
        Fields {
            style: Style::Named,
            fields: named_members(c)?,
        }
    } else if c.is_punct('(') {
        c.pos += 1;
        Fields {
            style: Style::Tuple,
            fields: tuple_members(c)?,
        }
    } else {
        Fields::default()
    })
}

/// Reads `<..>` into parameters.
fn generics(c: &mut Cursor) -> Result<Vec<Param>> {
    let open = c.pos;
    c.skip_group('<', '>')?;
    let close = c.pos - 1;
    let mut params = Vec::new();
    let mut start = open + 1;
    let mut depth = 0usize;
    for i in open + 1..=close {
        let tok = &c.toks[i].tok;
        match tok {
            Tok::Punct('<' | '(' | '[') => depth += 1,
            Tok::Punct('>' | ')' | ']') if i < close => depth -= 1,
            Tok::Punct('=') if depth == 0 => bail!("default generic arguments are not supported"),
            _ => {}
        }
        if (i == close || (depth == 0 && *tok == Tok::Punct(','))) && i > start {
            let decl = c.text(start, i);
            let kind = match &c.toks[start].tok {
                Tok::Lifetime => ParamKind::Lifetime,
                Tok::Ident(w) if w == "const" => ParamKind::Const,
                Tok::Ident(_) => ParamKind::Type,
                _ => bail!("unreadable generic parameter `{decl}`"),
            };
            let param = Param::new(kind, &decl);
            if param.name.is_empty() {
                bail!("unreadable generic parameter `{decl}`");
            }
            params.push(param);
            start = i + 1;
        }
    }
    Ok(params)
}

/// Reads the variants of an enum of `repr` (the opening brace already consumed).
/// Discriminants that are integer literals (maybe negated) are known, and so are the implicit
/// ones after them.
fn variants(c: &mut Cursor, repr: Repr) -> Result<Vec<Variant>> {
    let ty = repr.int_type().unwrap_or(IntRepr::Isize);
    let mut out: Vec<Variant> = Vec::new();
    let mut next: Option<u128> = Some(0);
    loop {
        c.skip_attributes()?;
        if c.is_punct('}') {
            c.pos += 1;
            return Ok(out);
        }
        let ident = c.ident()?;
        let fields = fields(c)?;
        let (discriminant, value) = if c.is_punct('=') {
            c.pos += 1;
            let start = c.pos;
            c.skip_until('}', "a discriminant")?;
            let toks = &c.toks[start..c.pos];
            (Some(c.text(start, c.pos)), literal_value(toks, ty))
        } else {
            (None, next)
        };
        next = value.map(|d| d.wrapping_add(1));
        out.push(Variant {
            attrs: Vec::new(),
            ident,
            fields,
            discriminant,
            value,
        });
        if c.is_punct(',') {
            c.pos += 1;
        }
    }
}

/// The value of `N`, `-N`, `0xN`, `N_u8`… as bits of `ty`; `None` for other expressions.
fn literal_value(toks: &[Token], ty: IntRepr) -> Option<u128> {
    let (negative, text) = match toks {
        [Token {
            tok: Tok::Literal(t),
            ..
        }] => (false, t),
        [Token {
            tok: Tok::Punct('-'),
            ..
        }, Token {
            tok: Tok::Literal(t),
            ..
        }] => (true, t),
        _ => return None,
    };
    let mut digits = text.replace('_', "");
    if let Some(suffix) = IntRepr::ALL
        .iter()
        .map(|t| t.name())
        .find(|n| digits.ends_with(n))
    {
        digits.truncate(digits.len() - suffix.len());
    }
    let (radix, digits) = match digits.get(..2) {
        Some("0x") => (16, &digits[2..]),
        Some("0o") => (8, &digits[2..]),
        Some("0b") => (2, &digits[2..]),
        _ => (10, &digits[..]),
    };
    let magnitude = u128::from_str_radix(digits, radix).ok()?;
    if negative && !ty.signed() {
        return None;
    }
    Some(if negative {
        0u128.wrapping_sub(magnitude)
    } else {
        magnitude
    })
}

/// Reads `name: Type, ...}` (the opening brace already consumed).
fn named_members(c: &mut Cursor) -> Result<Vec<Field>> {
    let mut members = Vec::new();
    loop {
        c.skip_attributes()?;
        if c.is_punct('}') {
            c.pos += 1;
            return Ok(members);
        }
        c.skip_visibility()?;
        let member = c.ident()?;
        c.expect_punct(':')?;
        let start = c.pos;
        c.skip_type('}')?;
        members.push(Field::new(member, c.text(start, c.pos)));
        if c.is_punct(',') {
            c.pos += 1;
        }
    }
}

/// Reads `Type, ...)` (the opening parenthesis already consumed).
fn tuple_members(c: &mut Cursor) -> Result<Vec<Field>> {
    let mut fields = Vec::new();
    loop {
        c.skip_attributes()?;
        if c.is_punct(')') {
            c.pos += 1;
            return Ok(fields);
        }
        c.skip_visibility()?;
        let start = c.pos;
        c.skip_type(')')?;
        fields.push(Field::new(fields.len().to_string(), c.text(start, c.pos)));
        if c.is_punct(',') {
            c.pos += 1;
        }
    }
}

/// `src` without layoutscope's `#[derive(layoutscope::Layout)]` (other derives in the same
/// attribute stay) and without `#[layout(..)]` attributes; comments and everything else are
/// kept as written. A derive cannot change the item it is applied to, so rustc lays the result
/// out exactly like `src`. `Err` when `src` cannot be tokenized, or when a mention of
/// `layoutscope` remains (the stripped crate does not depend on it, so it would not build).
pub fn strip_layoutscope(src: &str) -> Result<String> {
    let (tokens, _) = tokenize(src)?;
    let chars: Vec<char> = src.chars().collect();
    let text = |toks: &[Token]| -> String {
        toks.iter()
            .map(|t| chars[t.start..t.end].iter().collect::<String>())
            .collect()
    };
    // Character ranges to replace, in order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let opens_attribute = tokens[i].tok == Tok::Punct('#')
            && tokens.get(i + 1).map(|t| &t.tok) == Some(&Tok::Punct('['));
        if !opens_attribute {
            i += 1;
            continue;
        }
        let close = matching(&tokens, i + 1, '[', ']')?;
        let inner = &tokens[i + 2..close];
        let (start, end) = (tokens[i].start, tokens[close].end);
        match inner.first().map(|t| &t.tok) {
            Some(Tok::Ident(w)) if w == "layout" => edits.push((start, end, String::new())),
            Some(Tok::Ident(w)) if w == "derive" => {
                let Some(
                    [Token {
                        tok: Tok::Punct('('),
                        ..
                    }, paths @ .., Token {
                        tok: Tok::Punct(')'),
                        ..
                    }],
                ) = inner.get(1..)
                else {
                    bail!("unreadable derive attribute `{}`", text(&tokens[i..=close]));
                };
                let all: Vec<String> = paths
                    .split(|t| t.tok == Tok::Punct(','))
                    .map(text)
                    .filter(|p| !p.is_empty())
                    .collect();
                let kept: Vec<&String> = all
                    .iter()
                    .filter(|p| *p != "layoutscope::Layout" && *p != "::layoutscope::Layout")
                    .collect();
                if kept.len() != all.len() {
                    let replacement = if kept.is_empty() {
                        String::new()
                    } else {
                        let kept: Vec<&str> = kept.iter().map(|p| p.as_str()).collect();
                        format!("#[derive({})]", kept.join(", "))
                    };
                    edits.push((start, end, replacement));
                }
            }
            _ => {}
        }
        i = close + 1;
    }
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    for (start, end, replacement) in edits {
        out.extend(&chars[at..start]);
        out.push_str(&replacement);
        at = end;
    }
    out.extend(&chars[at..]);
    let (left, _) = tokenize(&out)?;
    if left
        .iter()
        .any(|t| t.tok == Tok::Ident("layoutscope".to_owned()))
    {
        bail!("`layoutscope` is still mentioned after stripping its derive and attributes");
    }
    Ok(out)
}

/// The index of the token closing the group that `tokens[open]` opens.
fn matching(tokens: &[Token], open: usize, left: char, right: char) -> Result<usize> {
    let mut depth = 0usize;
    for (j, t) in tokens.iter().enumerate().skip(open) {
        if t.tok == Tok::Punct(left) {
            depth += 1;
        } else if t.tok == Tok::Punct(right) {
            depth -= 1;
            if depth == 0 {
                return Ok(j);
            }
        }
    }
    bail!("unbalanced `{left}`")
}

/// One top-level item of a source file, as [`split_items`] finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceItem {
    /// `struct`, `union`, `enum` or `const`.
    pub keyword: String,
    /// The item's name.
    pub name: String,
    /// Its text, from its first attribute to its closing `;` or `}`.
    pub text: String,
    /// Every identifier in it (field names, type names, discriminant constants…).
    pub idents: BTreeSet<String>,
}

/// The top-level `struct`, `union`, `enum` and `const` items of `src` (attributes, an optional
/// visibility, the keyword and name, then everything up to the first `;` outside brackets or
/// the `}` that closes the body), in order. Comments between items are dropped; anything else
/// is an error.
pub fn split_items(src: &str) -> Result<Vec<SourceItem>> {
    let (tokens, _) = tokenize(src)?;
    let chars: Vec<char> = src.chars().collect();
    let mut items = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let first = i;
        while tokens[i].tok == Tok::Punct('#') {
            i = matching(&tokens, i + 1, '[', ']')? + 1;
            if i >= tokens.len() {
                bail!("an attribute at the end of the source");
            }
        }
        if tokens[i].tok == Tok::Ident("pub".to_owned()) {
            i += 1;
            if tokens.get(i).map(|t| &t.tok) == Some(&Tok::Punct('(')) {
                i = matching(&tokens, i, '(', ')')? + 1;
            }
        }
        let (keyword, name) = match (
            tokens.get(i).map(|t| &t.tok),
            tokens.get(i + 1).map(|t| &t.tok),
        ) {
            (Some(Tok::Ident(k)), Some(Tok::Ident(n)))
                if matches!(k.as_str(), "struct" | "union" | "enum" | "const") =>
            {
                (k.clone(), n.clone())
            }
            other => bail!("expected a struct, union, enum or const item, found {other:?}"),
        };
        let mut depth = 0usize;
        let mut end = None;
        for (j, t) in tokens.iter().enumerate().skip(i + 2) {
            match t.tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(c @ (')' | ']' | '}')) => {
                    depth = depth
                        .checked_sub(1)
                        .ok_or_else(|| Error(format!("`{name}`: unbalanced `{c}`")))?;
                    if depth == 0 && c == '}' {
                        end = Some(j);
                        break;
                    }
                }
                Tok::Punct(';') if depth == 0 => {
                    end = Some(j);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            bail!("`{name}` does not end");
        };
        let idents = tokens[first..=end]
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Ident(w) => Some(w.clone()),
                _ => None,
            })
            .collect();
        items.push(SourceItem {
            keyword,
            name,
            text: chars[tokens[first].start..tokens[end].end].iter().collect(),
            idents,
        });
        i = end + 1;
    }
    Ok(items)
}

/// `text` with every identifier that `names` maps replaced (whole identifiers only; comments
/// are kept).
pub fn rename(text: &str, names: &HashMap<String, String>) -> Result<String> {
    let (tokens, _) = tokenize(text)?;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for t in &tokens {
        if let Tok::Ident(w) = &t.tok {
            if let Some(new) = names.get(w) {
                out.extend(&chars[at..t.start]);
                out.push_str(new);
                at = t.end;
            }
        }
    }
    out.extend(&chars[at..]);
    Ok(out)
}

/// The identifiers in `text` (a type, say).
pub fn split_idents(text: &str) -> Result<BTreeSet<String>> {
    let (tokens, _) = tokenize(text)?;
    Ok(tokens
        .into_iter()
        .filter_map(|t| match t.tok {
            Tok::Ident(w) => Some(w),
            _ => None,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{EnumShape, FieldRef, Shape};

    fn parse(src: &'static str) -> Result<CaseSet> {
        read(&CaseFile {
            name: "test.rs",
            source: src,
        })
    }

    fn fields(inst: &Instance) -> &[FieldRef] {
        match &inst.shape {
            Shape::Struct(f) | Shape::Union(f) => f,
            Shape::Enum(_) => panic!("{} is an enum", inst.ty),
        }
    }

    fn enum_shape(inst: &Instance) -> &EnumShape {
        match &inst.shape {
            Shape::Enum(e) => e,
            _ => panic!("{} is not an enum", inst.ty),
        }
    }

    #[test]
    fn reads_every_shape() {
        let got = parse(
            "/// doc\n#[derive(X)]\n#[repr(C)]\npub struct A { pub r#type: u8, b: Option<fn(u8) -> u8>, }\n\
             struct B(#[layout(opaque)] (u8, [u16; 2]), &'static str);\nstruct C;\n\
             union D { x: u8 }\nstruct G<T, const N: usize> { a: [T; N] }\n\
             //@ instantiate G<u8, 2>\n//@ instantiate G<bool, 0>\n",
        )
        .unwrap()
        .instances;
        let names: Vec<&str> = got.iter().map(|i| i.ty.as_str()).collect();
        assert_eq!(names, ["A", "B", "C", "D", "G<u8, 2>", "G<bool, 0>"]);
        assert_eq!(
            fields(&got[0]),
            [FieldRef::new("r#type"), FieldRef::new("b")]
        );
        assert_eq!(fields(&got[0])[0].name, "type");
        assert_eq!(fields(&got[1]).len(), 2);
        assert_eq!(fields(&got[1])[1].member, "1");
        assert!(fields(&got[2]).is_empty());
        assert!(matches!(got[3].shape, Shape::Union(_)));
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        assert!(parse("use core::mem;").is_err());
        assert!(parse("struct G<T>(T);").is_err());
        assert!(parse("struct A;\n//@ instantiate A<u8>").is_err());
        assert!(parse("struct A;\n//@ instantiate B<u8>").is_err());
        assert!(parse("//@ frobnicate").is_err());
    }

    #[test]
    fn reads_enums() {
        let set = parse(
            "const K: u8 = 3;\n#[derive(X)]\n#[repr(C, u8, align(4))]\nenum A { X = 0x10, Y, Z(u8, (u16, bool)) = K << 1, W { r#type: u8 } = 200u8 }\n\
             #[repr(i16)] enum N { P = -5, Q, R = -32768 }\n\
             enum G<T: Copy, const M: usize> { One(T), Arr([T; M]), B(core::convert::Infallible) }\n\
             //@ instantiate G<u8, 2>\n//@ instantiate G<&'static u8, 0> as G<&u8, 0>\n//@ uninhabited G::B\n\
             struct S(A, N);\nenum Void {}\n",
        )
        .unwrap();
        let enums: Vec<&Instance> = set
            .instances
            .iter()
            .filter(|i| matches!(i.shape, Shape::Enum(_)))
            .collect();
        let names: Vec<(&str, &str)> = enums
            .iter()
            .map(|e| (e.ty.as_str(), e.rustc_name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("A", "A"),
                ("N", "N"),
                ("G<u8, 2>", "G<u8, 2>"),
                ("G<&'static u8, 0>", "G<&u8, 0>"),
                ("Void", "Void"),
            ]
        );
        let a = enum_shape(enums[0]);
        assert_eq!(a.repr, Repr::c_int(IntRepr::U8).with_align(4));
        let d: Vec<Option<u128>> = a.variants.iter().map(|v| v.discriminant).collect();
        assert_eq!(d, [Some(16), Some(17), None, Some(200)]);
        assert_eq!(a.variants[2].fields.len(), 2);
        assert_eq!(a.variants[3].fields[0], FieldRef::new("r#type"));
        assert_eq!(a.variants[3].style, Style::Named);
        let n: Vec<Option<u128>> = enum_shape(enums[1])
            .variants
            .iter()
            .map(|v| v.discriminant)
            .collect();
        assert_eq!(
            n,
            [
                Some(-5i128 as u128),
                Some(-4i128 as u128),
                Some(-32768i128 as u128)
            ]
        );
        let g = enum_shape(enums[2]);
        assert!(g.variants[0].inhabited && !g.variants[2].inhabited);
        assert_eq!(set.instances.len() - enums.len(), 1);
        assert_eq!(set.definitions.len(), 5);
        assert_eq!(
            set.definitions[2].item.params,
            [
                Param::new(ParamKind::Type, "T: Copy"),
                Param::new(ParamKind::Const, "const M: usize"),
            ]
        );
        assert_eq!(set.definitions[2].uninhabited, ["B"]);
    }

    #[test]
    fn rejects_what_it_cannot_read_in_enum_files() {
        assert!(parse("enum L<'a> { A(&'a u8) }\n//@ instantiate L<'static>").is_err());
        assert!(parse("enum E { A }\n//@ uninhabited E::B").is_err());
        assert!(parse("enum G<T = u8> { A(T) }\n//@ instantiate G<u8>").is_err());
        assert!(parse("fn f() {}").is_err());
        assert!(parse("#[repr(u7)] enum E { A }").is_err());
        assert!(parse("enum E { A = 1").is_err());
    }

    #[test]
    fn the_shipped_cases_parse() {
        for file in case_files(Mix::Structs) {
            let set = read(file).unwrap();
            assert!(set.instances.len() > 30);
            assert!(set.instances.iter().all(|i| !i.kind().is_enum()));
        }
        for file in case_files(Mix::Enums) {
            let set = read(file).unwrap();
            let enums = set.instances.iter().filter(|i| i.kind().is_enum()).count();
            assert!(enums > 60 && enums < set.instances.len());
        }
    }

    #[test]
    fn strips_layoutscope() {
        let src = "/// #[layout(opaque)] in a comment stays\n#[derive(layoutscope::Layout)]\n\
                   #[derive(Clone, ::layoutscope::Layout, Copy)]\n#[repr(C)]\n\
                   struct A { #[layout(opaque)] a: E, b: [u8; 2] }\n\
                   #[derive(layoutscope::Layout)] enum E { X = 1 << 2 }\n";
        let out = strip_layoutscope(src).unwrap();
        assert_eq!(
            out,
            "/// #[layout(opaque)] in a comment stays\n\n#[derive(Clone, Copy)]\n#[repr(C)]\n\
             struct A {  a: E, b: [u8; 2] }\n enum E { X = 1 << 2 }\n"
        );
        assert!(strip_layoutscope("struct A { a: layoutscope::TypeLayout }").is_err());
        assert!(strip_layoutscope("#[derive(layoutscope::Layout) struct A;").is_err());
    }

    #[test]
    fn splits_and_renames_items() {
        let src = "// header\nconst K1: isize = -5;\n#[derive(X)]\n#[repr(u8)]\n\
                   enum E2 { A = K1, B(S3) }\nstruct S3;\n\
                   pub struct G4<T, U, const N: usize>([T; N], U, fn(u8) -> u8);\n\
                   union U5 { a: G4<S3, E2, 1>, b: u8 }\n";
        let items = split_items(src).unwrap();
        let names: Vec<(&str, &str)> = items
            .iter()
            .map(|i| (i.keyword.as_str(), i.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("const", "K1"),
                ("enum", "E2"),
                ("struct", "S3"),
                ("struct", "G4"),
                ("union", "U5")
            ]
        );
        assert_eq!(
            items[1].text,
            "#[derive(X)]\n#[repr(u8)]\nenum E2 { A = K1, B(S3) }"
        );
        assert!(items[1].idents.contains("K1") && items[1].idents.contains("S3"));
        assert_eq!(
            items[3].text,
            "pub struct G4<T, U, const N: usize>([T; N], U, fn(u8) -> u8);"
        );
        let names: HashMap<String, String> = [("S3", "S3_x"), ("E2", "E2_x")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(
            rename(&items[4].text, &names).unwrap(),
            "union U5 { a: G4<S3_x, E2_x, 1>, b: u8 }"
        );
        assert_eq!(rename("S33<S3>", &names).unwrap(), "S33<S3_x>");
        assert!(split_items("fn f() {}").is_err());
        assert!(split_items("struct A { a: u8").is_err());
        assert!(split_items("#[repr(C)]").is_err());
    }

    #[test]
    fn helpers_and_oracles() {
        let src = "//@ mix structs\n//@ helper E1\n\
                   #[derive(Clone, Copy)] enum E1 { V0(u8), V1 }\n\
                   struct S2 { #[layout(opaque)] e: E1 }\n";
        let got = parse(src).unwrap().instances;
        let names: Vec<&str> = got.iter().map(|i| i.ty.as_str()).collect();
        assert_eq!(names, ["S2"]);
        // Helpers must exist, mixes must be known.
        assert!(parse("//@ helper E9\nstruct S2;").is_err());
        assert!(parse("//@ mix unions\nstruct S2;").is_err());
        // A helper is defined (for value constructors) but not compared.
        let set = parse("//@ helper S1\nstruct S1(u8);\nenum E2 { A(S1) }\n").unwrap();
        assert_eq!(set.instances.len(), 1);
        assert!(set.instances[0].kind().is_enum());
        assert_eq!(set.definitions.len(), 2);
        // Lifetimes: no value constructor, so not in an enum that is compared.
        let set = parse("struct L<'a>(&'a u8);\n//@ instantiate L<'static> as L<'_>").unwrap();
        assert!(set.definitions.is_empty());
    }

    #[test]
    fn loads_reproducers_by_oracle() {
        let dir = std::env::temp_dir().join(format!("layout-oracle-cases-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            reproducers(&dir, Mix::Structs).is_err(),
            "a missing directory"
        );
        std::fs::create_dir_all(&dir).unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
        write("README.md", "not a case file");
        write("b.rs", "//@ mix enums\nenum E { A }\n");
        write("a.rs", "// header\n//@ mix structs\nstruct S;\n");
        let structs = reproducers(&dir, Mix::Structs).unwrap();
        let enums = reproducers(&dir, Mix::Enums).unwrap();
        assert_eq!(structs.len(), 1);
        assert_eq!(structs[0].name, "reproducers/a.rs");
        assert_eq!(structs[0].source, "// header\n//@ mix structs\nstruct S;\n");
        assert_eq!(enums.len(), 1);
        assert_eq!(enums[0].name, "reproducers/b.rs");
        // Loading again interns the same text.
        let again = reproducers(&dir, Mix::Structs).unwrap();
        assert!(std::ptr::eq(again[0].source, structs[0].source));
        write("c.rs", "struct T;\n");
        assert!(reproducers(&dir, Mix::Structs).is_err(), "no oracle line");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
