//! The derive input as written: syn's grammar for a struct, enum or union (mirroring
//! `syn::DeriveInput`'s parser), keeping the tokens of attributes, field types, generics,
//! bounds and discriminants instead of syntax trees.
//!
//! The expansion re-emits those tokens with their spans. Building syn's trees would need its
//! `derive` feature (about 0.5 s of every clean build of a user's project) and turning them
//! back into tokens its `printing` feature and `quote` (about 0.4 s more; both measured with
//! `cargo build --timings` on the benchmark's 2-core machine). rustc has parsed the
//! item before it calls the derive, so only the ends of the parts need finding: a type ends
//! at a `,` outside `<..>`, an expression at a `,` outside a path's generic arguments. The
//! `expansion_compiles` test checks on generated items that this parser accepts everything
//! `syn::DeriveInput` accepts.

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use syn::buffer::Cursor;
use syn::parse::{Parse, ParseStream};
use syn::{braced, parenthesized, token, Token};

use crate::type_text::{Angles, ExprAngles};

/// An outer attribute, `#[...]`, kept as tokens: only `layout` and `repr` are read, by
/// `attr.rs` and `repr.rs`.
pub struct Attribute {
    /// The spans of `#` and of the `[...]` group, for an error about the whole attribute.
    pub pound: Span,
    pub brackets: Span,
    /// The tokens inside the brackets.
    pub tokens: TokenStream,
}

impl Attribute {
    /// Whether the attribute's path is the single identifier `name` (`#[repr(..)]`, not
    /// `#[a::repr(..)]`).
    pub fn is(&self, name: &str) -> bool {
        let mut trees = self.tokens.clone().into_iter();
        let first = trees.next();
        let second = trees.next();
        let is_path_continuation =
            matches!(&second, Some(TokenTree::Punct(p)) if p.as_char() == ':');
        matches!(first, Some(TokenTree::Ident(ident)) if ident == name) && !is_path_continuation
    }
}

pub struct Item {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub generics: Generics,
    pub body: Body,
}

pub enum Body {
    Struct(Fields),
    Union(Vec<Field>),
    Enum(Vec<Variant>),
}

pub enum Fields {
    Named(Vec<Field>),
    Unnamed(Vec<Field>),
    Unit,
}

pub struct Field {
    pub attrs: Vec<Attribute>,
    pub ident: Option<Ident>,
    pub ty: TokenStream,
}

pub struct Variant {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub fields: Fields,
    /// The expression after `=`.
    pub discriminant: Option<TokenStream>,
}

#[derive(Default)]
pub struct Generics {
    pub params: Vec<Param>,
    /// The where clause's predicates, each as written.
    pub predicates: Vec<TokenStream>,
}

pub enum ParamKind {
    Lifetime,
    Type,
    /// With the parameter's type.
    Const(TokenStream),
}

pub struct Param {
    pub kind: ParamKind,
    /// The parameter's name; a lifetime's without the `'`.
    pub ident: Ident,
    /// The parameter as a generic argument: `'a`, `T`, `N`.
    pub argument: TokenStream,
    /// The parameter as an `impl` declares it: attributes and bounds, without the default
    /// (what syn's `ImplGenerics` prints).
    pub bounded: TokenStream,
}

impl Generics {
    /// The parameters, lifetimes first as syn's `split_for_impl` orders them.
    fn ordered(&self) -> impl Iterator<Item = &Param> {
        let lifetimes = self
            .params
            .iter()
            .filter(|p| matches!(p.kind, ParamKind::Lifetime));
        lifetimes.chain(
            self.params
                .iter()
                .filter(|p| !matches!(p.kind, ParamKind::Lifetime)),
        )
    }

    /// The parameters of an `impl`: `<'a, T: Bound, const N: usize>`.
    pub fn impl_params(&self) -> impl Iterator<Item = &TokenStream> {
        self.ordered().map(|p| &p.bounded)
    }

    /// The arguments naming the type in that `impl`: `<'a, T, N>`.
    pub fn type_arguments(&self) -> impl Iterator<Item = &TokenStream> {
        self.ordered().map(|p| &p.argument)
    }

    pub fn lifetimes(&self) -> impl Iterator<Item = &Param> {
        self.params
            .iter()
            .filter(|p| matches!(p.kind, ParamKind::Lifetime))
    }

    pub fn type_params(&self) -> impl Iterator<Item = &Param> {
        self.params
            .iter()
            .filter(|p| matches!(p.kind, ParamKind::Type))
    }
}

impl Parse for Item {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = attributes(input)?;
        visibility(input)?;
        let lookahead = input.lookahead1();
        if lookahead.peek(Token![struct]) {
            input.parse::<Token![struct]>()?;
            let ident = input.parse()?;
            let mut generics = generics(input)?;
            let fields = struct_body(input, &mut generics)?;
            Ok(Item {
                attrs,
                ident,
                generics,
                body: Body::Struct(fields),
            })
        } else if lookahead.peek(Token![enum]) {
            input.parse::<Token![enum]>()?;
            let ident = input.parse()?;
            let mut generics = generics(input)?;
            generics.predicates = where_clause(input)?;
            let content;
            braced!(content in input);
            let variants = content.parse_terminated(variant, Token![,])?;
            Ok(Item {
                attrs,
                ident,
                generics,
                body: Body::Enum(variants.into_iter().collect()),
            })
        } else if lookahead.peek(Token![union]) {
            input.parse::<Token![union]>()?;
            let ident = input.parse()?;
            let mut generics = generics(input)?;
            generics.predicates = where_clause(input)?;
            let fields = named_fields(input)?;
            Ok(Item {
                attrs,
                ident,
                generics,
                body: Body::Union(fields),
            })
        } else {
            Err(lookahead.error())
        }
    }
}

/// syn's `data_struct`: the where clause comes before braced fields and after tuple fields.
fn struct_body(input: ParseStream, generics: &mut Generics) -> syn::Result<Fields> {
    let mut lookahead = input.lookahead1();
    let mut has_where = false;
    if lookahead.peek(Token![where]) {
        generics.predicates = where_clause(input)?;
        has_where = true;
        lookahead = input.lookahead1();
    }
    if !has_where && lookahead.peek(token::Paren) {
        let fields = unnamed_fields(input)?;
        lookahead = input.lookahead1();
        if lookahead.peek(Token![where]) {
            generics.predicates = where_clause(input)?;
            lookahead = input.lookahead1();
        }
        if lookahead.peek(Token![;]) {
            input.parse::<Token![;]>()?;
            Ok(Fields::Unnamed(fields))
        } else {
            Err(lookahead.error())
        }
    } else if lookahead.peek(token::Brace) {
        Ok(Fields::Named(named_fields(input)?))
    } else if lookahead.peek(Token![;]) {
        input.parse::<Token![;]>()?;
        Ok(Fields::Unit)
    } else {
        Err(lookahead.error())
    }
}

fn named_fields(input: ParseStream) -> syn::Result<Vec<Field>> {
    let content;
    braced!(content in input);
    let fields = content.parse_terminated(named_field, Token![,])?;
    Ok(fields.into_iter().collect())
}

fn unnamed_fields(input: ParseStream) -> syn::Result<Vec<Field>> {
    let content;
    parenthesized!(content in input);
    let fields = content.parse_terminated(unnamed_field, Token![,])?;
    Ok(fields.into_iter().collect())
}

fn named_field(input: ParseStream) -> syn::Result<Field> {
    let attrs = attributes(input)?;
    visibility(input)?;
    let ident = input.parse()?;
    input.parse::<Token![:]>()?;
    let ty = field_type(input)?;
    // A default value (unstable `default_field_values`) does not change the layout.
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        expression(input)?;
    }
    Ok(Field {
        attrs,
        ident: Some(ident),
        ty,
    })
}

fn unnamed_field(input: ParseStream) -> syn::Result<Field> {
    let attrs = attributes(input)?;
    visibility(input)?;
    let ty = field_type(input)?;
    Ok(Field {
        attrs,
        ident: None,
        ty,
    })
}

fn variant(input: ParseStream) -> syn::Result<Variant> {
    let attrs = attributes(input)?;
    visibility(input)?;
    let ident = input.parse()?;
    let fields = if input.peek(token::Brace) {
        Fields::Named(named_fields(input)?)
    } else if input.peek(token::Paren) {
        Fields::Unnamed(unnamed_fields(input)?)
    } else {
        Fields::Unit
    };
    let discriminant = if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        Some(expression(input)?)
    } else {
        None
    };
    Ok(Variant {
        attrs,
        ident,
        fields,
        discriminant,
    })
}

/// Outer attributes, as syn's `Attribute::parse_outer` reads them.
fn attributes(input: ParseStream) -> syn::Result<Vec<Attribute>> {
    let mut attrs = Vec::new();
    while input.peek(Token![#]) {
        let pound = input.parse::<Token![#]>()?.spans[0];
        let (tokens, brackets) = input.step(|cursor| match cursor.group(Delimiter::Bracket) {
            Some((inside, span, rest)) => Ok(((inside.token_stream(), span.join()), rest)),
            None => Err(cursor.error("expected `[` after `#`")),
        })?;
        attrs.push(Attribute {
            pound,
            brackets,
            tokens,
        });
    }
    Ok(attrs)
}

/// Skips a visibility, as syn's `Visibility` reads it: `pub`, `pub(crate)`, `pub(self)`,
/// `pub(super)`, `pub(in path)`, or nothing. In `struct S(pub (u8, u16))` the parentheses
/// are the field's type, not a restriction.
fn visibility(input: ParseStream) -> syn::Result<()> {
    if !input.peek(Token![pub]) {
        // A `$vis:vis` fragment that matched nothing may come as an empty invisible group.
        return input.step(|cursor| match cursor.group(Delimiter::None) {
            Some((inside, _, rest)) if inside.eof() => Ok(((), rest)),
            _ => Ok(((), *cursor)),
        });
    }
    input.parse::<Token![pub]>()?;
    input.step(|cursor| {
        if let Some((inside, _, rest)) = cursor.group(Delimiter::Parenthesis) {
            let restricted = match inside.ident() {
                Some((ident, after)) if ident == "in" => after.token_tree().is_some(),
                Some((ident, after)) => {
                    (ident == "crate" || ident == "self" || ident == "super") && after.eof()
                }
                None => false,
            };
            if restricted {
                return Ok(((), rest));
            }
        }
        Ok(((), *cursor))
    })
}

/// A field's type: its tokens up to the next `,` (or the `=` of a default value) outside any
/// `<..>`. rustc has parsed the item before it calls the derive, so the type is well formed;
/// finding its end this way costs less than building syn's tree of it only to drop it.
fn field_type(input: ParseStream) -> syn::Result<TokenStream> {
    let tokens = scan(input, |angles, tree| {
        matches!(angles.top_level(tree), Some(',' | '='))
    })?;
    if tokens.is_empty() {
        return Err(input.error("expected a type"));
    }
    Ok(tokens)
}

/// A discriminant or a default value: the tokens up to the next `,` that is not inside the
/// generic arguments of a path (`f::<A, B>()`, `<T as Tr<A, B>>::N`).
pub fn expression(input: ParseStream) -> syn::Result<TokenStream> {
    let mut angles = ExprAngles::default();
    let tokens = scan(input, |_, tree| angles.is_top_level_comma(tree))?;
    if tokens.is_empty() {
        return Err(input.error("expected an expression"));
    }
    Ok(tokens)
}

/// The tokens from here up to (not including) the first for which `end` is true, or to the
/// end of the input. `end` sees every token once, in order, with an [`Angles`] tracker.
fn scan(
    input: ParseStream,
    mut end: impl FnMut(&mut Angles, &TokenTree) -> bool,
) -> syn::Result<TokenStream> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut tokens = TokenStream::new();
        let mut angles = Angles::default();
        while let Some((tree, next)) = rest.token_tree() {
            if end(&mut angles, &tree) {
                break;
            }
            tokens.extend([tree]);
            rest = next;
        }
        Ok((tokens, rest))
    })
}

/// The tokens of a bound list, type or default in a generic parameter list: up to the next
/// `,` or the list's closing `>`, or `=` when `stop_at_eq` (where a default begins).
fn param_part(input: ParseStream, stop_at_eq: bool) -> syn::Result<TokenStream> {
    scan(input, |angles, tree| match angles.top_level(tree) {
        Some(',' | '>') => true,
        Some('=') => stop_at_eq,
        _ => false,
    })
}

fn generics(input: ParseStream) -> syn::Result<Generics> {
    if !input.peek(Token![<]) {
        return Ok(Generics::default());
    }
    input.parse::<Token![<]>()?;
    let mut params = Vec::new();
    while !input.peek(Token![>]) {
        params.push(param(input)?);
        if input.peek(Token![>]) {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    input.parse::<Token![>]>()?;
    Ok(Generics {
        params,
        predicates: Vec::new(),
    })
}

/// One generic parameter, as syn's `GenericParam` parses it.
fn param(input: ParseStream) -> syn::Result<Param> {
    let begin = input.cursor();
    attributes(input)?;
    let lookahead = input.lookahead1();
    if lookahead.peek(syn::Lifetime) {
        let at = input.cursor();
        let lifetime = input.parse::<syn::Lifetime>()?;
        let argument = between(at, input.cursor());
        if input.peek(Token![:]) {
            input.parse::<Token![:]>()?;
            param_part(input, false)?;
        }
        Ok(Param {
            kind: ParamKind::Lifetime,
            ident: lifetime.ident,
            argument,
            bounded: between(begin, input.cursor()),
        })
    } else if lookahead.peek(Token![const]) {
        input.parse::<Token![const]>()?;
        let ident: Ident = input.parse()?;
        input.parse::<Token![:]>()?;
        let ty = param_part(input, true)?;
        if ty.is_empty() {
            return Err(input.error("expected the type of the const parameter"));
        }
        let bounded = between(begin, input.cursor());
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            param_part(input, false)?;
        }
        Ok(Param {
            kind: ParamKind::Const(ty),
            argument: TokenTree::Ident(ident.clone()).into(),
            ident,
            bounded,
        })
    } else if lookahead.peek(syn::Ident) {
        let ident: Ident = input.parse()?;
        if input.peek(Token![:]) {
            input.parse::<Token![:]>()?;
            param_part(input, true)?;
        }
        let bounded = between(begin, input.cursor());
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            param_part(input, false)?;
        }
        Ok(Param {
            kind: ParamKind::Type,
            argument: TokenTree::Ident(ident.clone()).into(),
            ident,
            bounded,
        })
    } else {
        Err(lookahead.error())
    }
}

/// `where` and its predicates, each as written; none without `where`. The clause ends at
/// the braces of the body or at the `;` of a tuple struct, outside any `<..>`.
fn where_clause(input: ParseStream) -> syn::Result<Vec<TokenStream>> {
    let mut predicates = Vec::new();
    if !input.peek(Token![where]) {
        return Ok(predicates);
    }
    input.parse::<Token![where]>()?;
    loop {
        let predicate = scan(input, |angles, tree| match tree {
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace && angles.is_outside() => true,
            tree => matches!(angles.top_level(tree), Some(',' | ';')),
        })?;
        if !predicate.is_empty() {
            predicates.push(predicate);
        }
        if !input.peek(Token![,]) {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(predicates)
}

/// The tokens from `begin` up to `end`, as syn's own `verbatim::between` collects them: a
/// node may start inside a `None`-delimited group (from a `macro_rules!` fragment) and end
/// after it, in which case the group is entered.
fn between(begin: Cursor, end: Cursor) -> TokenStream {
    let mut tokens = TokenStream::new();
    let mut cursor = begin;
    while cursor < end {
        let Some((tree, next)) = cursor.token_tree() else {
            break;
        };
        if next > end {
            match cursor.group(Delimiter::None) {
                Some((inside, _, _)) => {
                    cursor = inside;
                    continue;
                }
                None => break,
            }
        }
        tokens.extend([tree]);
        cursor = next;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_types(source: &str) -> Vec<String> {
        let item = match syn::parse_str::<Item>(source) {
            Ok(item) => item,
            // Fails the comparison below, with the message.
            Err(error) => return vec![error.to_string()],
        };
        let (Body::Struct(Fields::Named(fields)) | Body::Struct(Fields::Unnamed(fields))) =
            item.body
        else {
            return Vec::new();
        };
        fields.iter().map(|f| f.ty.to_string()).collect()
    }

    #[test]
    fn a_field_type_ends_at_the_comma_outside_angle_brackets() {
        let types = field_types(
            "struct S<K, V, T: Tr, const N: usize> where T: Clone { \
             a: HashMap<K, V>, b: fn(u8) -> Vec<u8>, c: [u8; N], \
             d: Box<dyn Fn(K, V) -> Vec<T> + Send>, e: <T as Tr>::X, f: Option<Vec<Vec<u8>>> = None, \
             g: &'static str }",
        );
        assert_eq!(
            types,
            [
                "HashMap < K , V >",
                "fn (u8) -> Vec < u8 >",
                "[u8 ; N]",
                "Box < dyn Fn (K , V) -> Vec < T > + Send >",
                "< T as Tr >:: X",
                "Option < Vec < Vec < u8 >>>",
                "&'static str",
            ]
        );
        let tuple = field_types("struct T(pub HashMap<u8, u16>, fn() -> u8);");
        assert_eq!(tuple, ["HashMap < u8 , u16 >", "fn () -> u8"]);
    }
}
