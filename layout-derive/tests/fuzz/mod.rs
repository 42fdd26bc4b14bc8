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

use layout_core::Repr;
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
    "#[layout(align = x)]",
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
/// `offset` on an enum variant's field, or an unsized last field on a struct. The derive must
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
        let bad_container = *rng.pick(BAD_CONTAINER_ATTRS);
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
        match rng.below(10) {
            0..=3 => insert(rng, &mut item.attrs, bad_container),
            4..=7 if !fields.is_empty() => {
                let at = rng.below(fields.len());
                let bad = if is_enum && rng.one_in(4) {
                    "#[layout(offset = 0)]"
                } else {
                    *rng.pick(BAD_FIELD_ATTRS)
                };
                insert(rng, &mut fields[at].attrs, bad);
            }
            8 if is_enum => insert(rng, &mut item.attrs, "#[layout(no_padding)]"),
            _ => {
                let tail = *rng.pick(UNSIZED_TAILS);
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
/// exist in the compile test's crate.
fn container_keys(rng: &mut Rng, is_enum: bool) -> Vec<String> {
    let mut keys = Vec::new();
    // Rare enough that most items compile: a check written without knowing the layout
    // usually fails, and a case with a failing check stops at that error.
    if rng.one_in(10) {
        keys.push(format!(
            "size = {}",
            [0, 1, 2, 4, 8, 16, 24, 32][rng.below(8)]
        ));
    }
    if rng.one_in(12) {
        keys.push(format!("align = {}", [1, 1, 2, 4, 8, 8, 16][rng.below(7)]));
    }
    if rng.one_in(12) {
        keys.push(format!("max_size = {}", [8, 64, 4096, 4096][rng.below(4)]));
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
    rng.shuffle(&mut keys);
    keys
}

/// The attributes of the item (`repr` passed in), shuffled, with doc comments first.
fn item_attrs(rng: &mut Rng, repr: &str, kind: &str) -> String {
    let is_enum = kind == "enum";
    let mut attrs: Vec<String> = Vec::new();
    if !repr.is_empty() {
        attrs.push(repr.into());
    }
    let keys = container_keys(rng, is_enum);
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

/// An item rustc accepts: one the test kit's generator writes (a struct, union or enum of any
/// repr, fields of std types, discriminants of every kind), then given an odd name and
/// visibility, generic parameters that fields use (lifetimes, bounds, defaults, a where
/// clause), field types of every syntax, doc, `cfg` and `deprecated` attributes, and valid
/// `#[layout]` keys.
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
    let transparent = item.repr == Repr::TRANSPARENT;
    let has_fields = item.fields().next().is_some();
    let unit_struct = matches!(&item.body, Body::Struct(f) if f.style == Style::Unit);
    let p = params(rng, item.params.is_empty() && has_fields && !unit_struct);
    item.params.extend(p.decl.iter().cloned());
    item.where_clause = p.where_clause.to_owned();
    let params: Vec<String> = item.params.iter().map(|p| p.name.clone()).collect();
    let kind = match &mut item.body {
        Body::Struct(fields) => {
            add_uses(rng, &p, &mut fields.fields, Place::Struct, transparent);
            decorate(rng, fields, Place::Struct, &p, &params, transparent);
            "struct"
        }
        Body::Union(fields) => {
            add_uses(rng, &p, fields, Place::Union, false);
            let mut named = Fields {
                style: Style::Named,
                fields: std::mem::take(fields),
            };
            decorate(rng, &mut named, Place::Union, &p, &params, false);
            *fields = named.fields;
            "union"
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
            "enum"
        }
    };
    let attrs = item_attrs(rng, "", kind);
    if !attrs.is_empty() {
        item.attrs.push(attrs);
    }
    item.to_string()
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
/// fields may carry `#[layout(offset = N)]` and a visibility, variant fields neither.
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
        let mut opaque = false;
        if !transparent && !uses_params && rng.one_in(3) {
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
                0
            } else {
                *rng.pick(&[0, 1, 2, 4, 8, 16])
            };
            keys.push(format!("offset = {n}"));
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
