//! Inputs for the derive's fuzz tests, shared by `robustness.rs` (never panics) and
//! `expansion_compiles.rs` (the returned code compiles, the returned errors point into the
//! item): three item generators on the test kit's seeded `Rng`, and a token-level mutator.
//!
//! `valid_item` builds items that rustc accepts by construction: the test kit's generator
//! writes one (every repr, every kind of discriminant), and this module gives it odd names,
//! generic parameters, field types of every syntax and random but valid `#[layout]` keys, so
//! that the compile test spends its builds on code worth compiling;
//! `wild_item` mixes shapes and attributes freely (unused generics, unsized tails, malformed
//! keys) to reach the derive's error paths; `misattributed_item` breaks a valid item only where
//! rustc does not look (`#[layout]` keys, an unsized tail), so that the derive's errors can be
//! seen through rustc.

pub mod json;

use layout_core::{Repr, ReprBase};
pub use layout_testkit::Rng;
use layout_testkit::{Body, Field, Fields, Mix, Param, ParamKind, Style};
use proc_macro2::{TokenStream, TokenTree};

/// Which generator an input came from, for the counts the tests print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Valid,
    Wild,
    Mutated,
    Corpus,
    Misattributed,
}

/// A random item: valid by construction three times in five, wild otherwise.
pub fn generate(rng: &mut Rng) -> String {
    generate_with_origin(rng).0
}

pub fn generate_with_origin(rng: &mut Rng) -> (String, Origin) {
    if rng.below(5) < 3 {
        (valid_item(rng), Origin::Valid)
    } else {
        (wild_item(rng), Origin::Wild)
    }
}

const TYPES: &[&str] = &[
    "u8",
    "u64",
    "bool",
    "char",
    "()",
    "[u8; 3]",
    "(u8, u32)",
    "&'static str",
    "Option<&'static u8>",
    "Box<u8>",
    "Vec<u8>",
    "T",
    "[T; N]",
    "Option<T>",
    "core::marker::PhantomData<T>",
    "[u8]",
    "dyn Send",
    "str",
    "fn(u8) -> u8",
];
const REPRS: &[&str] = &[
    "",
    "#[repr(C)]",
    "#[repr(transparent)]",
    "#[repr(packed)]",
    "#[repr(C, packed(2))]",
    "#[repr(align(8))]",
    "#[repr(u8)]",
    "#[repr(C, u8)]",
    "#[repr(i64)]",
    "#[repr(packed, align(4))]",
    "#[repr(simd)]",
    "#[repr(align(3))]",
    "#[repr(Rust)]",
    "#[repr(Rust)]#[repr(C)]",
    "#[repr(packed(2))]#[repr(packed(4))]",
    "#[repr(align(2), align(16))]#[repr(align(4))]",
    "#[repr(transparent)]#[repr(transparent)]",
    "#[repr(C)]#[repr(u8)]",
];
const ATTRS: &[&str] = &[
    "",
    "#[layout(opaque)]",
    "#[layout(offset = 0)]",
    "#[layout(size = 8)]",
    "#[layout(crate = \"::x\")]",
    "#[layout(no_padding, niche)]",
    "#[layout(opaque, opaque)]",
    "#[layout = 1]",
    "#[layout]",
    "#[layout(max_size = \"9\")]",
    "#[layout(offset = -1)]",
    "#[layout(unknown(1, 2))]",
    "#[layout(apart(f0, f1), cache_line = 128)]",
    "#[layout(own_line)]",
    "#[layout(atomics_apart)]",
    "#[layout(size = 2 * size_of::<usize>())]",
    "#[layout(apart())]",
];

/// Any shape with any attribute: mostly items the derive (or rustc) must reject.
pub fn wild_item(rng: &mut Rng) -> String {
    let mut out = String::new();
    let (repr, attr) = (*rng.pick(REPRS), *rng.pick(ATTRS));
    out.push_str(repr);
    out.push_str(attr);
    let generics = ["", "<T>", "<'a, T: 'a, const N: usize>", "<T = u8>"][rng.below(4)];
    let name = format!("T{}", rng.below(1000));
    match rng.below(4) {
        0 => {
            out.push_str(&format!("struct {name}{generics} {{"));
            for i in 0..rng.below(12) {
                out.push_str(&format!("{} f{i}: {},", rng.pick(ATTRS), rng.pick(TYPES)));
            }
            out.push('}');
        }
        1 => {
            out.push_str(&format!("struct {name}{generics}("));
            for _ in 0..rng.below(6) {
                out.push_str(&format!("{} {},", rng.pick(ATTRS), rng.pick(TYPES)));
            }
            out.push_str(");");
        }
        2 => {
            out.push_str(&format!("union {name}{generics} {{"));
            for i in 0..rng.below(5) {
                out.push_str(&format!("f{i}: {},", rng.pick(TYPES)));
            }
            out.push('}');
        }
        _ => {
            out.push_str(&format!("enum {name}{generics} {{"));
            for i in 0..rng.below(8) {
                match rng.below(4) {
                    0 => out.push_str(&format!("V{i},")),
                    1 => out.push_str(&format!("V{i} = {},", rng.below(300) as i64 - 100)),
                    2 => out.push_str(&format!("V{i}({} {}),", rng.pick(ATTRS), rng.pick(TYPES))),
                    _ => out.push_str(&format!(
                        "V{i} {{ x: {}, y: {} }},",
                        rng.pick(TYPES),
                        rng.pick(TYPES)
                    )),
                }
            }
            out.push('}');
        }
    }
    out
}

/// `#[layout]` attributes the derive rejects on any type. rustc accepts them: `layout` is the
/// derive's helper attribute, whose tokens only the derive reads.
const BAD_CONTAINER_ATTRS: &[&str] = &[
    "#[layout]",
    "#[layout = \"x\"]",
    "#[layout(size)]",
    "#[layout(size = \"8\")]",
    "#[layout(size = -1)]",
    "#[layout(size = 1.5)]",
    "#[layout(align = true)]",
    "#[layout(max_size = 99999999999999999999999)]",
    "#[layout(niche = 1)]",
    "#[layout(no_padding(1))]",
    "#[layout(crate)]",
    "#[layout(crate = 1)]",
    "#[layout(crate = \"not a path\")]",
    "#[layout(crate = \"::layoutscope\", crate = \"::layoutscope\")]",
    "#[layout(size = 4096, size = 4096)]",
    "#[layout(align = 1)] #[layout(align = 1)]",
    "#[layout(niche, niche)]",
    "#[layout(opaque)]",
    "#[layout(offset = 0)]",
    "#[layout(unknown)]",
    "#[layout(a::b = 1)]",
    "#[layout(max_size = 8 align = 8)]",
    "#[layout(size = )]",
    "#[layout(\"size\")]",
    "#[layout(niche,, align = 8)]",
    "#[layout(apart)]",
    "#[layout(apart())]",
    "#[layout(apart(a))]",
    "#[layout(apart = \"a, b\")]",
    "#[layout(apart(a b))]",
    "#[layout(cache_line)]",
    "#[layout(cache_line = \"64\")]",
    "#[layout(cache_line = -64)]",
    "#[layout(cache_line = 64, cache_line = 128)]",
    "#[layout(cache_lines = 64)]",
    "#[layout(cache_line = 64)]",
    "#[layout(atomics_apart = 1)]",
    "#[layout(atomics_apart(a, b))]",
    "#[layout(atomics_apart, atomics_apart)]",
    "#[layout(atomic_apart)]",
    "#[layout(own_line)]",
    "#[layout(size = 4 + 4, size = 8)]",
];
/// `#[layout]` attributes the derive rejects on any field.
const BAD_FIELD_ATTRS: &[&str] = &[
    "#[layout]",
    "#[layout = 1]",
    "#[layout(opaque = 1)]",
    "#[layout(opaque(x))]",
    "#[layout(opaque, opaque)]",
    "#[layout(opaque)] #[layout(opaque)]",
    "#[layout(offset)]",
    "#[layout(offset = \"0\")]",
    "#[layout(offset = -4)]",
    "#[layout(offset = 1.5)]",
    "#[layout(offset = 99999999999999999999999)]",
    "#[layout(offset = 0, offset = 0)]",
    "#[layout(size = 8)]",
    "#[layout(crate = \"x\")]",
    "#[layout(niche)]",
    "#[layout(unknown(1, 2))]",
    "#[layout(self::opaque)]",
    "#[layout(opaque offset = 0)]",
    "#[layout(\"opaque\")]",
    "#[layout(own_line = 1)]",
    "#[layout(own_line(x))]",
    "#[layout(own_line, own_line)]",
    "#[layout(own_line)] #[layout(own_line)]",
    "#[layout(ownline)]",
    "#[layout(apart(a, b))]",
    "#[layout(cache_line = 64)]",
    "#[layout(atomics_apart)]",
    "#[layout(offset = 4 + 4, offset = 8)]",
];
/// `#[layout]` attributes on an enum variant, where the derive reads no key.
const BAD_VARIANT_ATTRS: &[&str] = &[
    "#[layout(opaque)]",
    "#[layout(size = 8)]",
    "#[layout(offset = 0)]",
    "#[layout]",
    "#[layout(unknown)]",
    "#[layout(own_line)]",
    "#[layout(apart(a, b))]",
];
/// Unsized last fields for a struct.
const UNSIZED_TAILS: &[&str] = &[
    "[u8]",
    "str",
    "dyn Send",
    "[(u8, u16)]",
    "(dyn core::fmt::Debug)",
];

/// A `valid_item` with one to three errors that only the derive sees: attributes from
/// `BAD_CONTAINER_ATTRS` or `BAD_FIELD_ATTRS` at random places, `no_padding` on an enum,
/// `offset` or `own_line` on an enum variant's field, `#[layout]` on a variant
/// (`BAD_VARIANT_ATTRS`), `apart(..)` naming a field that does not exist (or on an enum), or an
/// unsized last field on a struct. The derive must
/// reject each; rustc accepts most of these items alone (not all: `#[derive(Clone)]` with an
/// unsized tail), so the derive's errors can be checked as rustc reports them.
pub fn misattributed_item(rng: &mut Rng) -> String {
    let source = valid_item(rng);
    let mut item: syn::DeriveInput = syn::parse_str(&source).expect("valid items parse");
    let attrs = |text: &str| {
        syn::parse::Parser::parse_str(syn::Attribute::parse_outer, text)
            .expect("the bad attributes are attributes")
    };
    let insert = |rng: &mut Rng, list: &mut Vec<syn::Attribute>, text: &str| {
        let at = rng.below(list.len() + 1);
        list.splice(at..at, attrs(text));
    };
    let mut tail_added = false;
    for _ in 0..=rng.below(3) {
        let bad_container = rng.pick(BAD_CONTAINER_ATTRS);
        let is_enum = matches!(item.data, syn::Data::Enum(_));
        let mut fields: Vec<&mut syn::Field> = match &mut item.data {
            syn::Data::Struct(s) => s.fields.iter_mut().collect(),
            syn::Data::Union(u) => u.fields.named.iter_mut().collect(),
            syn::Data::Enum(e) => e
                .variants
                .iter_mut()
                .flat_map(|v| v.fields.iter_mut())
                .collect(),
        };
        match rng.below(11) {
            0..=3 => insert(rng, &mut item.attrs, bad_container),
            4..=7 if !fields.is_empty() => {
                let at = rng.below(fields.len());
                let bad = if is_enum && rng.one_in(4) {
                    rng.pick(&["#[layout(offset = 0)]", "#[layout(own_line)]"])
                } else {
                    rng.pick(BAD_FIELD_ATTRS)
                };
                insert(rng, &mut fields[at].attrs, bad);
            }
            8 if is_enum => match &mut item.data {
                syn::Data::Enum(e) if !e.variants.is_empty() && rng.one_in(2) => {
                    let at = rng.below(e.variants.len());
                    let bad = rng.pick(BAD_VARIANT_ATTRS);
                    insert(rng, &mut e.variants[at].attrs, bad);
                }
                _ => insert(rng, &mut item.attrs, "#[layout(no_padding)]"),
            },
            10 => {
                // A field that exists and one misspelt (or out of range), or any two on an enum.
                let names: Vec<String> = fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| match &f.ident {
                        Some(ident) => ident.to_string(),
                        None => i.to_string(),
                    })
                    .collect();
                let apart = match names.first() {
                    Some(_) if is_enum => "apart(a, b)".to_owned(),
                    Some(first) if first.parse::<usize>().is_ok() => {
                        format!("apart({first}, {})", names.len() + rng.below(3))
                    }
                    Some(first) => {
                        let other = &names[rng.below(names.len())];
                        let misspelt = format!("{}x", other.trim_start_matches("r#"));
                        format!("apart({first}, {misspelt})")
                    }
                    None => "apart(head, tail)".to_owned(),
                };
                insert(rng, &mut item.attrs, &format!("#[layout({apart})]"));
            }
            _ => {
                let tail = rng.pick(UNSIZED_TAILS);
                // Only the last field may be unsized.
                let data = if tail_added {
                    None
                } else {
                    Some(&mut item.data)
                };
                tail_added = true;
                match data {
                    Some(syn::Data::Struct(syn::DataStruct {
                        fields: syn::Fields::Named(f),
                        ..
                    })) => f.named.push(
                        syn::parse::Parser::parse_str(
                            syn::Field::parse_named,
                            &format!("tail: {tail}"),
                        )
                        .expect("a named field"),
                    ),
                    Some(syn::Data::Struct(syn::DataStruct {
                        fields: syn::Fields::Unnamed(f),
                        ..
                    })) => f.unnamed.push(
                        syn::parse::Parser::parse_str(syn::Field::parse_unnamed, tail)
                            .expect("a tuple field"),
                    ),
                    _ => insert(rng, &mut item.attrs, bad_container),
                }
            }
        }
    }
    quote::ToTokens::to_token_stream(&item).to_string()
}

/// Paths under which the compile test's crate provides layoutscope (see its `lib.rs`).
pub const CRATE_PATHS: &[&str] = &[
    "::layoutscope",
    "layoutscope",
    "crate::renamed",
    "super::renamed",
    "crate::reexport::layout",
];

/// `cfg` and `cfg_attr` predicates that are always true or always false, so that the item
/// rustc hands the derive is the item as written (minus attributes the derive ignores).
const CFG_ATTRS: &[&str] = &[
    "#[cfg(all())]",
    "#[cfg(not(any()))]",
    "#[cfg_attr(all(), doc = \"configured\")]",
    "#[cfg_attr(any(), layout(opaque))]",
];

/// Names a user may choose, odd ones included: raw identifiers, non-ASCII.
const TYPE_NAMES: &[&str] = &[
    "Header",
    "Packet",
    "r#Type",
    "Größe",
    "名前",
    "_Odd",
    "A",
    "Ünïcode",
    "r#union",
    "Tag",
];
const FIELD_NAMES: &[&str] = &[
    "a", "len", "tag", "r#type", "r#match", "größe", "名前", "_x", "visit", "payload", "f1",
];
const VARIANT_NAMES: &[&str] = &["Quit", "r#Move", "Ünïcode", "Empty", "None", "Some", "Tag"];
const VISIBILITIES: &[&str] = &[
    "",
    "",
    "pub ",
    "pub(crate) ",
    "pub(super) ",
    "pub(in crate) ",
];

/// Field types that implement `Layout` and `Copy` (usable in unions as they are).
const COPY_TYPES: &[&str] = &[
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "i8",
    "i32",
    "i128",
    "isize",
    "usize",
    "f32",
    "f64",
    "bool",
    "char",
    "()",
    "[u8; 3]",
    "[u16; 0]",
    "(u8, u32)",
    "(u8,)",
    "(bool, (char, u8))",
    "[(u8, u16); 2]",
    "&'static str",
    "&'static [u16]",
    "&'static dyn core::fmt::Debug",
    "Option<&'static u8>",
    "Option<char>",
    "Option<bool>",
    "fn(u8) -> u8",
    "*const u8",
    "*mut [u8]",
    "core::ptr::NonNull<u8>",
    "core::num::NonZeroU32",
    "Option<core::num::NonZeroU16>",
    "core::marker::PhantomData<u64>",
    "core::cmp::Ordering",
    "core::mem::MaybeUninit<u32>",
    "core::mem::ManuallyDrop<u16>",
    "[u8; core::mem::size_of::<u32>()]",
    "[u8; { 1 + 2 }]",
    "<u8 as core::ops::Add>::Output",
];
/// Field types that implement `Layout` but not `Copy`.
const OWNED_TYPES: &[&str] = &[
    "Box<u8>",
    "Vec<u8>",
    "String",
    "Option<Box<u32>>",
    "core::cell::Cell<u32>",
    "Box<dyn Fn(u8) -> u8>",
    "std::sync::Arc<str>",
    "Option<Box<Self>>",
    "Vec<Self>",
];
/// Atomics, for `atomics_apart`: not `Copy`, and never in a packed type (they are
/// `repr(align)`, E0588).
const ATOMIC_TYPES: &[&str] = &[
    "core::sync::atomic::AtomicU64",
    "core::sync::atomic::AtomicBool",
    "std::sync::atomic::AtomicUsize",
    "core::sync::atomic::AtomicU32",
];
/// `Copy` field types without a `Layout` impl: valid only with `#[layout(opaque)]`.
const OPAQUE_TYPES: &[&str] = &["crate::Foreign", "fn(&u8) -> &u8", "for<'x> fn(&'x u8)"];

/// The generic parameters of a valid item, and the field types that use each of them.
struct Params {
    decl: Vec<Param>,
    where_clause: &'static str,
    /// For every parameter that must be used: field types using it, and whether each is `Copy`.
    uses: Vec<Vec<(String, bool)>>,
    /// Further types that may appear in any field.
    extra: Vec<(String, bool)>,
}

/// Half the time (never when `allow` is false) some of: lifetimes, `const N: usize`, a type
/// parameter with or without bounds and default, a where clause, and a const parameter that
/// nothing uses.
fn params(rng: &mut Rng, allow: bool) -> Params {
    let mut p = Params {
        decl: Vec::new(),
        where_clause: "",
        uses: Vec::new(),
        extra: Vec::new(),
    };
    if !allow || rng.one_in(2) {
        return p;
    }
    let mut decl: Vec<String> = Vec::new();
    let lifetimes = rng.below(4);
    if lifetimes >= 2 {
        decl.push("'a".into());
        p.uses.push(vec![
            ("&'a u8".into(), true),
            ("&'a [u16]".into(), true),
            ("Option<&'a str>".into(), true),
            ("core::marker::PhantomData<&'a ()>".into(), true),
        ]);
        if lifetimes == 3 {
            decl.push("'b: 'a".into());
            p.uses.push(vec![("(&'a u8, &'b u16)".into(), true)]);
        }
    }
    let konst = rng.one_in(3);
    if konst {
        decl.push("const N: usize".into());
        p.uses.push(vec![
            ("[u8; N]".into(), true),
            ("[u16; N]".into(), true),
            ("core::marker::PhantomData<[u8; N]>".into(), true),
        ]);
    }
    let mut defaulted = false;
    if rng.below(5) < 3 {
        let (bound, sized, copy) = match rng.below(7) {
            0 => ("", true, false),
            1 => (": Copy", true, true),
            2 => (": ?Sized", false, false),
            3 => (" = u8", true, false),
            4 => (": Copy + Default = u8", true, true),
            5 if lifetimes >= 2 => (": 'a", true, false),
            _ => (": core::fmt::Debug", true, false),
        };
        defaulted = bound.contains('=');
        decl.push(format!("T{bound}"));
        let mut uses = vec![
            ("core::marker::PhantomData<T>".into(), true),
            ("Box<T>".into(), false),
            ("*const T".into(), true),
        ];
        if sized {
            uses.extend([
                ("T".into(), copy),
                ("Option<T>".into(), copy),
                ("[T; 2]".into(), copy),
                ("(T, u8)".into(), copy),
                ("core::mem::ManuallyDrop<T>".into(), false),
            ]);
            if konst {
                p.extra.push(("[T; N]".into(), copy));
            }
        }
        p.uses.push(uses);
        p.where_clause = match rng.below(6) {
            0 => "where T: 'static",
            1 if sized => "where T: Copy",
            2 if sized => "where T: Clone,",
            _ => "",
        };
    }
    // Unused const parameters are allowed: nothing needs to mention them.
    match rng.below(6) {
        0 if defaulted => decl.push("const B: bool = true".into()),
        0 => decl.push("const B: bool".into()),
        1 => decl.push("const C: char = 'c'".into()),
        _ => {}
    }
    p.decl = decl
        .iter()
        .map(|d| {
            let kind = if d.starts_with('\'') {
                ParamKind::Lifetime
            } else if d.starts_with("const ") {
                ParamKind::Const
            } else {
                ParamKind::Type
            };
            Param::new(kind, d)
        })
        .collect();
    p
}

/// A field type: from the pools, or one that uses a parameter; and `#[layout(opaque)]` when
/// the type has no `Layout` impl. Returns the type, whether it is `Copy`, and whether it needs
/// `opaque`.
fn field_type(rng: &mut Rng, p: &Params) -> (String, bool, bool) {
    match rng.below(12) {
        0..=5 => (rng.pick(COPY_TYPES).to_string(), true, false),
        6 | 7 => (rng.pick(OWNED_TYPES).to_string(), false, false),
        8 => (rng.pick(OPAQUE_TYPES).to_string(), true, true),
        _ => {
            let pool: Vec<&(String, bool)> = p.uses.iter().flatten().chain(&p.extra).collect();
            if pool.is_empty() {
                return (rng.pick(COPY_TYPES).to_string(), true, false);
            }
            let (ty, copy) = pool[rng.below(pool.len())];
            (ty.clone(), *copy, false)
        }
    }
}

/// Now and then one to three atomic fields at random places, unless the type is packed.
fn add_atomics(rng: &mut Rng, hints: &[&str], fields: &mut Vec<Field>) {
    if hints.iter().any(|h| h.starts_with("packed")) || !rng.one_in(5) {
        return;
    }
    for _ in 0..=rng.below(3) {
        let at = rng.below(fields.len() + 1);
        fields.insert(at, Field::new("", rng.pick(ATOMIC_TYPES).to_string()));
    }
}

/// Distinct names, some of them odd.
fn names(rng: &mut Rng, pool: &[&str], prefix: &str, count: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in 0..count {
        let candidate = if rng.one_in(3) {
            rng.pick(pool).to_string()
        } else {
            format!("{prefix}{i}")
        };
        let plain = |s: &str| s.trim_start_matches("r#").to_string();
        if out.iter().any(|n| plain(n) == plain(&candidate)) {
            out.push(format!("{prefix}{i}_"));
        } else {
            out.push(candidate);
        }
    }
    out
}

/// `#[layout(...)]` keys on the type: checks that may or may not hold, and crate paths that
/// exist in the compile test's crate. `fields` are a struct's or union's field names as
/// written (`r#type`, `0`), for `apart(..)`; `own_line` says a field asks for its own line;
/// enums get no cache-line keys, which the derive rejects on them.
fn container_keys(rng: &mut Rng, is_enum: bool, fields: &[String], own_line: bool) -> Vec<String> {
    let mut keys = Vec::new();
    // Rare enough that most items compile: a check written without knowing the layout
    // usually fails, and a case with a failing check stops at that error.
    if rng.one_in(10) {
        keys.push(format!("size = {}", rng.pick(SIZE_VALUES)));
    }
    if rng.one_in(12) {
        keys.push(format!("align = {}", rng.pick(ALIGN_VALUES)));
    }
    if rng.one_in(12) {
        keys.push(format!("max_size = {}", rng.pick(MAX_SIZE_VALUES)));
    }
    if !is_enum && rng.one_in(16) {
        keys.push("no_padding".into());
    }
    if rng.one_in(14) {
        keys.push("niche".into());
    }
    if rng.one_in(6) {
        keys.push(format!("crate = \"{}\"", rng.pick(CRATE_PATHS)));
    }
    if !is_enum {
        let mut cache_check = own_line;
        if fields.len() >= 2 && rng.one_in(12) {
            let mut names: Vec<&String> = fields.iter().collect();
            rng.shuffle(&mut names);
            names.truncate(2 + rng.below(names.len() - 1));
            let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
            keys.push(format!("apart({})", names.join(", ")));
            cache_check = true;
        }
        if rng.one_in(14) {
            keys.push("atomics_apart".into());
            cache_check = true;
        }
        // Only with a check that reads it: alone it is rejected. A line no larger than the
        // type's alignment lets `own_line` hold (a line of 1 byte always does in a struct); at
        // the default 64 it holds only under `repr(align(64))`.
        if own_line && rng.one_in(2) {
            keys.push(format!("cache_line = {}", rng.pick(&["1", "1", "2", "8"])));
        } else if cache_check && rng.one_in(2) {
            keys.push(format!("cache_line = {}", rng.pick(CACHE_LINES)));
        }
    }
    rng.shuffle(&mut keys);
    keys
}

/// Values for `size = ..`: literals and constant expressions (words, sums), some true of
/// some items, most not. Paths are written as the prelude has them: `core::mem::size_of`
/// would warn `unused_qualifications` in the user's own tokens (rightly, as anywhere else).
const SIZE_VALUES: &[&str] = &[
    "0",
    "1",
    "2",
    "4",
    "8",
    "16",
    "24",
    "32",
    "4 + 4",
    "2 * size_of::<usize>()",
    "3 * size_of::<usize>()",
    "size_of::<u64>()",
];
const ALIGN_VALUES: &[&str] = &[
    "1",
    "1",
    "2",
    "4",
    "8",
    "8",
    "16",
    "2 * 4",
    "align_of::<u64>()",
];
const MAX_SIZE_VALUES: &[&str] = &[
    "8",
    "64",
    "4096",
    "4096",
    "64 * 64",
    "8 * size_of::<usize>()",
];
/// `cache_line = ..`: powers of two (the small ones make `apart` and `own_line` hold for
/// most structs), and values the checks refuse (not powers of two, zero).
const CACHE_LINES: &[&str] = &[
    "1", "2", "8", "32", "64", "64", "128", "4096", "2 * 32", "48", "100", "0",
];
/// `offset = ..` on a struct field (a union's fields are all at 0).
const OFFSET_VALUES: &[&str] = &["0", "1", "2", "4", "8", "16", "4 + 4", "size_of::<u32>()"];

/// `#[repr]` attributes for `hints`, in one of the spellings rustc accepts for them: one
/// attribute, or half the time several in any order, with a hint repeated (not an integer,
/// E0566, nor `transparent`, E0692) and smaller `align(M)`s beside an `align(N)` (the largest
/// wins), so that the derive must combine them as rustc does.
fn repr_attrs(rng: &mut Rng, hints: &[&str]) -> Vec<String> {
    if hints.is_empty() {
        return Vec::new();
    }
    if hints == ["transparent"] || rng.one_in(2) {
        return vec![format!("#[repr({})]", hints.join(", "))];
    }
    let mut hints: Vec<String> = hints.iter().map(|h| (*h).to_owned()).collect();
    let repeatable: Vec<String> = hints
        .iter()
        .filter(|h| {
            ["C", "Rust", "packed", "align"]
                .iter()
                .any(|r| h.starts_with(r))
        })
        .cloned()
        .collect();
    if !repeatable.is_empty() && rng.one_in(2) {
        hints.push(repeatable[rng.below(repeatable.len())].clone());
    }
    let align = hints.iter().find_map(|h| {
        h.strip_prefix("align(")?
            .strip_suffix(')')?
            .parse::<u32>()
            .ok()
    });
    if let Some(n) = align {
        for _ in 0..rng.below(3) {
            let smaller = 1u32 << rng.below(n.trailing_zeros() as usize + 1);
            hints.push(format!("align({smaller})"));
        }
    }
    rng.shuffle(&mut hints);
    // Cut the list into one to three attributes.
    let mut cuts: Vec<usize> = (1..hints.len()).collect();
    rng.shuffle(&mut cuts);
    cuts.truncate(rng.below(hints.len().min(3)));
    cuts.sort_unstable();
    cuts.push(hints.len());
    let mut start = 0;
    cuts.into_iter()
        .map(|end| {
            let attr = format!("#[repr({})]", hints[start..end].join(", "));
            start = end;
            attr
        })
        .collect()
}

/// The attributes of the item (its repr `hints`, the names of a struct's or union's `fields`,
/// and whether a field asks for `own_line`, passed in), shuffled, with doc comments first.
fn item_attrs(
    rng: &mut Rng,
    hints: &[&str],
    kind: &str,
    fields: &[String],
    own_line: bool,
) -> String {
    let is_enum = kind == "enum";
    let mut attrs: Vec<String> = repr_attrs(rng, hints);
    let keys = container_keys(rng, is_enum, fields, own_line);
    if !keys.is_empty() {
        if rng.one_in(3) {
            attrs.extend(keys.iter().map(|k| format!("#[layout({k})]")));
        } else {
            attrs.push(format!("#[layout({})]", keys.join(", ")));
        }
    }
    if rng.one_in(10) {
        attrs.push(rng.pick(CFG_ATTRS).to_string());
    }
    if rng.one_in(20) {
        attrs.push("#[deprecated = \"odd\"]".into());
    }
    if kind != "union" && rng.one_in(12) {
        attrs.push("#[non_exhaustive]".into());
    }
    if rng.one_in(12) {
        attrs.push("#[must_use]".into());
    }
    rng.shuffle(&mut attrs);
    let doc = if rng.one_in(3) { "/// An item.\n" } else { "" };
    format!("{doc}{}", attrs.concat())
}

/// An item rustc accepts: a struct, union or enum with legal reprs, generics that are all
/// An item rustc accepts: one the test kit's generator writes (a struct, union or enum of any
/// repr, fields of std types, discriminants of every kind), then given an odd name and
/// visibility, its repr in one of the spellings rustc accepts, generic parameters that fields
/// use (lifetimes, bounds, defaults, a where clause), field types of every syntax (atomics
/// among them), doc, `cfg` and `deprecated` attributes, and valid `#[layout]` keys.
pub fn valid_item(rng: &mut Rng) -> String {
    let mix = if rng.below(5) < 3 {
        Mix::Structs
    } else {
        Mix::Enums
    };
    // Enums of hundreds of variants are the oracle's to build; here they would only slow the
    // compile test down.
    let mut item = loop {
        let item = layout_testkit::item(rng, mix);
        if !matches!(&item.body, Body::Enum(v) if v.len() > 12) {
            break item;
        }
    };
    // The kit derives `Clone` and `Copy` for other generated types to nest; here there are none.
    item.attrs.clear();
    item.name = if rng.one_in(3) {
        rng.pick(TYPE_NAMES).to_string()
    } else {
        format!("S{}", rng.below(1000))
    };
    item.vis = rng.pick(VISIBILITIES).to_string();
    let hints = repr_hints(rng, item.repr);
    let hints: Vec<&str> = hints.iter().map(String::as_str).collect();
    item.repr = Repr::RUST;
    let transparent = hints == ["transparent"];
    let has_fields = item.fields().next().is_some();
    let unit_struct = matches!(&item.body, Body::Struct(f) if f.style == Style::Unit);
    let p = params(rng, item.params.is_empty() && has_fields && !unit_struct);
    item.params.extend(p.decl.iter().cloned());
    item.where_clause = p.where_clause.to_owned();
    let params: Vec<String> = item.params.iter().map(|p| p.name.clone()).collect();
    let (kind, fields) = match &mut item.body {
        Body::Struct(fields) => {
            add_uses(rng, &p, &mut fields.fields, Place::Struct, transparent);
            if !transparent && fields.style != Style::Unit {
                add_atomics(rng, &hints, &mut fields.fields);
            }
            decorate(rng, fields, Place::Struct, &p, &params, transparent);
            ("struct", fields.fields.clone())
        }
        Body::Union(fields) => {
            add_uses(rng, &p, fields, Place::Union, false);
            let mut named = Fields {
                style: Style::Named,
                fields: std::mem::take(fields),
            };
            decorate(rng, &mut named, Place::Union, &p, &params, false);
            *fields = named.fields;
            ("union", fields.clone())
        }
        Body::Enum(variants) => {
            if !p.uses.is_empty() {
                let at = rng.below(variants.len());
                let v = &mut variants[at];
                if v.fields.style == Style::Unit {
                    v.fields.style = Style::Tuple;
                }
                add_uses(rng, &p, &mut v.fields.fields, Place::Variant, false);
            }
            let idents = names(rng, VARIANT_NAMES, "V", variants.len());
            for (v, ident) in variants.iter_mut().zip(idents) {
                v.ident = ident;
                v.attrs = optional_attrs(rng);
                decorate(rng, &mut v.fields, Place::Variant, &p, &params, false);
            }
            ("enum", Vec::new())
        }
    };
    let written: Vec<String> = fields.iter().map(|f| f.member.clone()).collect();
    let own_line = fields
        .iter()
        .flat_map(|f| &f.attrs)
        .any(|a| a.contains("own_line"));
    let attrs = item_attrs(rng, &hints, kind, &written, own_line);
    if !attrs.is_empty() {
        item.attrs.push(attrs);
    }
    item.to_string()
}

/// The hints of `repr` as `#[repr(..)]` lists them (`C`, `u8`, `packed(2)`), so that
/// [`repr_attrs`] can spell them in any way rustc accepts; now and then with `Rust` written
/// out where it is the layout.
fn repr_hints(rng: &mut Rng, repr: Repr) -> Vec<String> {
    let mut hints: Vec<String> = if repr.is_default() {
        Vec::new()
    } else {
        let text = repr.to_string();
        let inner = text.strip_prefix("repr(").and_then(|t| t.strip_suffix(')'));
        inner.unwrap_or("").split(", ").map(str::to_owned).collect()
    };
    if repr.base() == ReprBase::Rust && rng.one_in(4) {
        hints.insert(0, "Rust".to_owned());
    }
    hints
}

/// One field for each parameter that must be used, at random places.
fn add_uses(rng: &mut Rng, p: &Params, fields: &mut Vec<Field>, place: Place, transparent: bool) {
    for uses in &p.uses {
        let (ty, copy) = &uses[rng.below(uses.len())];
        // `repr(transparent)` allows only one field with a size: the others use the
        // parameters in zero-sized, 1-aligned types.
        let ty = if transparent {
            zst_use(ty)
        } else if place == Place::Union && !copy {
            format!("core::mem::ManuallyDrop<{ty}>")
        } else {
            ty.clone()
        };
        let at = rng.below(fields.len() + 1);
        fields.insert(at, Field::new("", ty));
    }
}

/// Where a field is: union fields wrap non-`Copy` types in `ManuallyDrop`; struct and union
/// fields may carry `#[layout(offset = N)]`, `#[layout(own_line)]` and a visibility, variant
/// fields none of these.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Struct,
    Union,
    Variant,
}

/// Doc, `cfg` and `deprecated` attributes, now and then.
fn optional_attrs(rng: &mut Rng) -> Vec<String> {
    let mut attrs = Vec::new();
    if rng.one_in(5) {
        attrs.push("/// A doc line.\n".into());
    }
    if rng.one_in(12) {
        attrs.push(rng.pick(CFG_ATTRS).to_string());
    }
    if rng.one_in(25) {
        attrs.push("#[deprecated]".into());
    }
    attrs
}

/// Names (odd ones now and then), types of every syntax in place of some of the kit's (not
/// of those that use the item's `params`, nor in a `transparent` item), attributes and
/// visibilities for `fields`.
fn decorate(
    rng: &mut Rng,
    fields: &mut Fields,
    place: Place,
    p: &Params,
    params: &[String],
    transparent: bool,
) {
    let n = fields.fields.len();
    let members = match fields.style {
        Style::Named => names(rng, FIELD_NAMES, "f", n),
        _ => (0..n).map(|i| i.to_string()).collect(),
    };
    for (f, member) in fields.fields.iter_mut().zip(members) {
        f.member = member;
        let uses_params =
            f.ty.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
                .any(|w| params.iter().any(|p| p == w));
        let atomic = ATOMIC_TYPES.contains(&f.ty.as_str());
        let mut opaque = false;
        if !transparent && !uses_params && !atomic && rng.one_in(3) {
            let (ty, copy, needs_opaque) = field_type(rng, p);
            // The kit's union fields are `Copy`; these may not be.
            f.ty = if place == Place::Union && !copy {
                format!("core::mem::ManuallyDrop<{ty}>")
            } else {
                ty
            };
            opaque = needs_opaque;
        }
        let mut attrs = optional_attrs(rng);
        let mut keys: Vec<String> = Vec::new();
        if opaque || rng.one_in(10) {
            keys.push("opaque".into());
        }
        if place != Place::Variant && rng.one_in(40) {
            let n = if place == Place::Union {
                "0"
            } else {
                *rng.pick(OFFSET_VALUES)
            };
            keys.push(format!("offset = {n}"));
        }
        if place != Place::Variant && rng.one_in(50) {
            keys.push("own_line".into());
        }
        if !keys.is_empty() {
            if rng.one_in(3) {
                attrs.extend(keys.iter().map(|k| format!("#[layout({k})]")));
            } else {
                attrs.push(format!("#[layout({})]", keys.join(", ")));
            }
        }
        rng.shuffle(&mut attrs);
        f.attrs = attrs;
        f.vis = if place == Place::Variant {
            String::new()
        } else {
            rng.pick(VISIBILITIES).to_string()
        };
    }
}

/// A zero-sized, align-1 type that uses the parameters `ty` (a type using them) uses.
fn zst_use(ty: &str) -> String {
    if ty.starts_with("(&'a") {
        "core::marker::PhantomData<(&'a u8, &'b u16)>".into()
    } else if ty.contains("'a") {
        "core::marker::PhantomData<&'a ()>".into()
    } else if ty.contains('N') {
        "core::marker::PhantomData<[u8; N]>".into()
    } else {
        "core::marker::PhantomData<T>".into()
    }
}

/// Deletes, duplicates or swaps token trees, at any depth.
pub fn mutate(rng: &mut Rng, stream: TokenStream) -> TokenStream {
    let mut trees: Vec<TokenTree> = stream.into_iter().collect();
    for _ in 0..=rng.below(3) {
        if trees.is_empty() {
            break;
        }
        let i = rng.below(trees.len());
        match rng.below(4) {
            0 => {
                trees.remove(i);
            }
            1 => {
                let t = trees[i].clone();
                trees.insert(i, t);
            }
            2 => {
                let j = rng.below(trees.len());
                trees.swap(i, j);
            }
            _ => {
                if let TokenTree::Group(g) = &trees[i] {
                    let mut group = proc_macro2::Group::new(g.delimiter(), mutate(rng, g.stream()));
                    group.set_span(g.span());
                    trees[i] = TokenTree::Group(group);
                }
            }
        }
    }
    trees.into_iter().collect()
}
