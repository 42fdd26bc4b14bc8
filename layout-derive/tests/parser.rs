//! The derive's own parser of its input (`src/item.rs`) on the forms whose end it has to
//! find without syn's syntax trees: visibility against a tuple field's type, generic
//! parameters, where clauses, discriminants with generic arguments, attributes, and the
//! invisible groups of `macro_rules!` fragments.

#![allow(dead_code)]

// The derive's modules, compiled into this test (a proc-macro crate exports only its macros).
include!("fuzz/derive_modules.rs");

use item::{Body, Fields, Item, ParamKind};
use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};

fn field_types(source: &str) -> Vec<String> {
    let item = parse(source);
    let (Body::Struct(Fields::Named(fields)) | Body::Struct(Fields::Unnamed(fields))) = item.body
    else {
        panic!("{source}: a struct with fields");
    };
    fields.iter().map(|f| f.ty.to_string()).collect()
}

fn parse(source: &str) -> Item {
    match syn::parse_str::<Item>(source) {
        Ok(item) => item,
        Err(error) => panic!("{source}: {error}"),
    }
}

fn strings<'a>(tokens: impl IntoIterator<Item = &'a TokenStream>) -> Vec<String> {
    tokens.into_iter().map(ToString::to_string).collect()
}

#[test]
fn visibility_restrictions_are_not_field_types() {
    let types = field_types(
        "pub(crate) struct T(pub (u8, u16), pub(crate) u32, pub(in a::b) u64, pub(self) i8, \
         pub(super) i16, pub (crate::X), pub [u8; 2]);",
    );
    assert_eq!(
        types,
        [
            "(u8 , u16)",
            "u32",
            "u64",
            "i8",
            "i16",
            "(crate :: X)",
            "[u8 ; 2]"
        ]
    );
    let named = field_types("pub(in crate::m) struct S { pub(crate) a: u8, pub b: (u8,) }");
    assert_eq!(named, ["u8", "(u8 ,)"]);
}

#[test]
fn generic_parameters_keep_bounds_and_drop_defaults() {
    let item = parse(
        "struct S<'a: 'b + 'c, 'b, #[cfg(all())] T: Iterator<Item = Vec<u8>> + Fn(u8) -> u16 = Empty, \
         const N: usize = { 3 + 4 }, const M: Wrap<u8, 2> = 1, U = Vec<Box<T>>> { a: &'a T }",
    );
    let g = &item.generics;
    assert_eq!(
        strings(g.impl_params()),
        [
            "'a : 'b + 'c",
            "'b",
            "# [cfg (all ())] T : Iterator < Item = Vec < u8 >> + Fn (u8) -> u16",
            "const N : usize",
            "const M : Wrap < u8 , 2 >",
            "U",
        ]
    );
    assert_eq!(
        strings(g.type_arguments()),
        ["'a", "'b", "T", "N", "M", "U"]
    );
    let ParamKind::Const(ty) = &g.params[4].kind else {
        panic!("M is a const parameter");
    };
    assert_eq!(ty.to_string(), "Wrap < u8 , 2 >");
}

#[test]
fn where_clauses_end_at_the_body_outside_angle_brackets() {
    let item = parse(
        "struct S<T, const N: usize> where T: Tr<{ N }> + Fn() -> u8, [u8; N]: Copy, \
         for<'x> &'x T: Into<Vec<u8>>, { a: T }",
    );
    assert_eq!(
        strings(&item.generics.predicates),
        [
            "T : Tr < { N } > + Fn () -> u8",
            "[u8 ; N] : Copy",
            "for <'x > &'x T : Into < Vec < u8 >>",
        ]
    );
    let tuple = parse("struct T<A>(A, u8) where A: Copy;");
    assert_eq!(strings(&tuple.generics.predicates), ["A : Copy"]);
    let Body::Struct(Fields::Unnamed(fields)) = tuple.body else {
        panic!("a tuple struct");
    };
    assert_eq!(fields.len(), 2);
    let enumeration = parse("enum E<T> where T: Clone { A(T), B }");
    assert_eq!(strings(&enumeration.generics.predicates), ["T : Clone"]);
}

#[test]
fn a_discriminant_ends_at_a_comma_outside_generic_arguments() {
    let item = parse(
        "#[repr(u8)] enum E { \
         A = f::<u8, u16>(), \
         B = <T as Tr<u8, u16>>::N + 1, \
         C = 1 << 2, \
         D = (1 < 2) as u8, \
         E = X < Y, \
         F = 3 >> 1 > 0, \
         G(u8) = 0 as <u8 as Tr<A, B>>::T, \
         H = m::g::<{ 1 }, Vec<u8>>().0 + h::<fn(u8) -> u8, u8>(), \
         I = 1 + <u8>::MAX, \
         J }",
    );
    let Body::Enum(variants) = item.body else {
        panic!("an enum");
    };
    let discriminants: Vec<String> = variants
        .iter()
        .map(|v| {
            v.discriminant
                .as_ref()
                .map_or_else(String::new, ToString::to_string)
        })
        .collect();
    assert_eq!(
        discriminants,
        [
            "f ::< u8 , u16 > ()",
            "< T as Tr < u8 , u16 >>:: N + 1",
            "1 << 2",
            "(1 < 2) as u8",
            "X < Y",
            "3 >> 1 > 0",
            "0 as < u8 as Tr < A , B >>:: T",
            "m :: g ::< { 1 } , Vec < u8 >> () . 0 + h ::< fn (u8) -> u8 , u8 > ()",
            "1 + < u8 >:: MAX",
            "",
        ]
    );
}

#[test]
fn attributes_are_kept_as_tokens() {
    let item = parse(
        "#[doc = \"x\"] #[repr(C, align(8))] #[layout(size = 8)] #[a::repr(u8)] \
         struct S { #[layout(opaque)] a: u8 }",
    );
    let named: Vec<bool> = item.attrs.iter().map(|a| a.is("repr")).collect();
    assert_eq!(named, [false, true, false, false]);
    assert!(item.attrs[2].is("layout"));
    assert_eq!(item.attrs[1].tokens.to_string(), "repr (C , align (8))");
}

#[test]
fn an_empty_visibility_fragment_is_no_part_of_the_type() {
    // `$vis:vis` that matched nothing, as a `macro_rules!` may hand it over.
    let empty = || TokenTree::Group(Group::new(Delimiter::None, TokenStream::new()));
    let mut tokens: TokenStream = "struct T".parse().expect("tokens");
    let fields: TokenStream = [
        empty(),
        TokenTree::Ident(Ident::new("u32", Span::call_site())),
    ]
    .into_iter()
    .collect();
    tokens.extend([
        TokenTree::Group(Group::new(Delimiter::Parenthesis, fields)),
        TokenTree::Punct(Punct::new(';', Spacing::Alone)),
    ]);
    let item = match syn::parse2::<Item>(tokens) {
        Ok(item) => item,
        Err(error) => panic!("{error}"),
    };
    let Body::Struct(Fields::Unnamed(fields)) = item.body else {
        panic!("a tuple struct");
    };
    assert_eq!(strings(fields.iter().map(|f| &f.ty)), ["u32"]);
}
