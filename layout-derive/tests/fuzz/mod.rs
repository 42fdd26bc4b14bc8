//! Inputs for the derive's fuzz tests, shared by `robustness.rs` (never panics) and
//! `expansion_compiles.rs` (the returned code compiles, the returned errors point into the
//! item): three item generators on the test kit's seeded `Rng`, and a token-level mutator.
//!
//! `valid_item` builds items that rustc accepts by construction, with random but valid
//! `#[layout]` keys, so that the compile test spends its builds on code worth compiling;
//! `wild_item` mixes shapes and attributes freely (unused generics, unsized tails, malformed
//! keys) to reach the derive's error paths; `misattributed_item` breaks a valid item only where
//! rustc does not look (`#[layout]` keys, an unsized tail), so that the derive's errors can be
//! seen through rustc.

pub mod json;

pub use layout_testkit::Rng;
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
    out.push_str(*rng.pick(REPRS));
    out.push_str(*rng.pick(ATTRS));
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
    /// `<...>`, empty when there are none.
    decl: String,
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
        decl: String::new(),
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
    if decl.is_empty() {
        return p;
    }
    p.decl = format!("<{}>", decl.join(", "));
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

/// A field's type, before attributes and names.
struct FieldSpec {
    ty: String,
    copy: bool,
    opaque: bool,
}

/// Where a field is: union fields wrap non-`Copy` types in `ManuallyDrop`; struct and union
/// fields may carry `#[layout(offset = N)]` and a visibility, variant fields neither.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Struct,
    Union,
    Variant,
}

/// A field: attributes, visibility, name (for named fields) and type.
fn render_field(rng: &mut Rng, spec: &FieldSpec, name: Option<&str>, place: Place) -> String {
    let in_union = place == Place::Union;
    let mut attrs: Vec<String> = Vec::new();
    if rng.one_in(5) {
        attrs.push("/// A field.\n".into());
    }
    if rng.one_in(12) {
        attrs.push(rng.pick(CFG_ATTRS).to_string());
    }
    if rng.one_in(25) {
        attrs.push("#[deprecated]".into());
    }
    let mut keys: Vec<String> = Vec::new();
    if spec.opaque || rng.one_in(10) {
        keys.push("opaque".into());
    }
    if place != Place::Variant && rng.one_in(40) {
        let n = if in_union {
            0
        } else {
            [0, 1, 2, 4, 8, 16][rng.below(6)]
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
    let ty = if in_union && !spec.copy {
        format!("core::mem::ManuallyDrop<{}>", spec.ty)
    } else {
        spec.ty.clone()
    };
    let vis = if place == Place::Variant {
        ""
    } else {
        *rng.pick(VISIBILITIES)
    };
    match name {
        Some(name) => format!("{} {vis}{name}: {ty}", attrs.concat()),
        None => format!("{} {vis}{ty}", attrs.concat()),
    }
}

/// `count` random fields plus one field for each parameter that must be used, shuffled.
fn field_specs(rng: &mut Rng, p: &Params, count: usize) -> Vec<FieldSpec> {
    let mut specs: Vec<FieldSpec> = (0..count)
        .map(|_| {
            let (ty, copy, opaque) = field_type(rng, p);
            FieldSpec { ty, copy, opaque }
        })
        .collect();
    for uses in &p.uses {
        let (ty, copy) = &uses[rng.below(uses.len())];
        specs.push(FieldSpec {
            ty: ty.clone(),
            copy: *copy,
            opaque: false,
        });
    }
    rng.shuffle(&mut specs);
    specs
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

/// An item rustc accepts: a struct, union or enum with legal reprs, generics that are all
/// used, field types with `Layout` impls (or `opaque`), and valid `#[layout]` keys.
pub fn valid_item(rng: &mut Rng) -> String {
    let name = if rng.one_in(3) {
        rng.pick(TYPE_NAMES).to_string()
    } else {
        format!("S{}", rng.below(1000))
    };
    let vis = *rng.pick(VISIBILITIES);
    match rng.below(10) {
        0..=3 => valid_struct(rng, &name, vis, true),
        4 | 5 => valid_struct(rng, &name, vis, false),
        6 => {
            let repr = *rng.pick(&[
                "",
                "#[repr(C)]",
                "#[repr(transparent)]",
                "#[repr(packed)]",
                "#[repr(align(4))]",
            ]);
            format!("{}{vis}struct {name};", item_attrs(rng, repr, "struct"))
        }
        7 => valid_union(rng, &name, vis),
        _ => valid_enum(rng, &name, vis),
    }
}

fn valid_struct(rng: &mut Rng, name: &str, vis: &str, named: bool) -> String {
    let transparent = rng.one_in(8);
    let p = params(rng, true);
    let (repr, specs) = if transparent {
        // One field with size, the others zero-sized with alignment 1.
        let (ty, copy, opaque) = field_type(rng, &without_uses(&p));
        let mut specs = vec![FieldSpec { ty, copy, opaque }];
        for uses in &p.uses {
            specs.push(FieldSpec {
                ty: zst_use(&uses[0].0),
                copy: true,
                opaque: false,
            });
        }
        rng.shuffle(&mut specs);
        ("#[repr(transparent)]", specs)
    } else {
        let repr = *rng.pick(&[
            "",
            "",
            "#[repr(C)]",
            "#[repr(C)]",
            "#[repr(packed)]",
            "#[repr(packed(2))]",
            "#[repr(C, packed)]",
            "#[repr(C, packed(4))]",
            "#[repr(align(8))]",
            "#[repr(C, align(16))]",
            "#[repr(C)]#[repr(align(4))]",
        ]);
        {
            let count = rng.below(8);
            (repr, field_specs(rng, &p, count))
        }
    };
    let attrs = item_attrs(rng, repr, "struct");
    let names = names(rng, FIELD_NAMES, "f", specs.len());
    let decl = &p.decl;
    let wc = p.where_clause;
    if named {
        let fields: Vec<String> = specs
            .iter()
            .zip(&names)
            .map(|(s, n)| render_field(rng, s, Some(n), Place::Struct))
            .collect();
        format!(
            "{attrs}{vis}struct {name}{decl} {wc} {{ {} }}",
            fields.join(", ")
        )
    } else {
        let fields: Vec<String> = specs
            .iter()
            .map(|s| render_field(rng, s, None, Place::Struct))
            .collect();
        format!(
            "{attrs}{vis}struct {name}{decl}({}) {wc};",
            fields.join(", ")
        )
    }
}

/// The same parameters, for fields that need not use any of them.
fn without_uses(p: &Params) -> Params {
    Params {
        decl: p.decl.clone(),
        where_clause: p.where_clause,
        uses: Vec::new(),
        extra: p.extra.clone(),
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

fn valid_union(rng: &mut Rng, name: &str, vis: &str) -> String {
    let p = params(rng, true);
    let repr = *rng.pick(&[
        "",
        "#[repr(C)]",
        "#[repr(C)]",
        "#[repr(packed)]",
        "#[repr(C, packed(2))]",
        "#[repr(C, align(8))]",
        "#[repr(align(4))]",
    ]);
    let count = 1 + rng.below(5);
    let specs = field_specs(rng, &p, count);
    let attrs = item_attrs(rng, repr, "union");
    let names = names(rng, FIELD_NAMES, "u", specs.len());
    let fields: Vec<String> = specs
        .iter()
        .zip(&names)
        .map(|(s, n)| render_field(rng, s, Some(n), Place::Union))
        .collect();
    format!(
        "{attrs}{vis}union {name}{} {} {{ {} }}",
        p.decl,
        p.where_clause,
        fields.join(", ")
    )
}

/// The range of an enum's discriminants under an integer repr (`None`: `isize`).
fn int_range(int: Option<&str>) -> (i128, i128) {
    match int {
        Some("u8") => (0, u8::MAX as i128),
        Some("i8") => (i8::MIN as i128, i8::MAX as i128),
        Some("u16") => (0, u16::MAX as i128),
        Some("i16") => (i16::MIN as i128, i16::MAX as i128),
        Some("u32") | Some("u64") | Some("usize") | Some("u128") => (0, u32::MAX as i128),
        _ => (i32::MIN as i128, i32::MAX as i128),
    }
}

fn valid_enum(rng: &mut Rng, name: &str, vis: &str) -> String {
    let shape = rng.below(10);
    if shape == 0 {
        // No variants: no repr (rustc rejects one) and no generics (nothing could use them).
        let attrs = item_attrs(rng, "", "enum");
        return format!("{attrs}{vis}enum {name} {{}}");
    }
    let fieldless = shape <= 4;
    let (repr, int) = if fieldless {
        let reprs: &[(&str, Option<&str>)] = &[
            ("", None),
            ("#[repr(C)]", None),
            ("#[repr(u8)]", Some("u8")),
            ("#[repr(i8)]", Some("i8")),
            ("#[repr(u16)]", Some("u16")),
            ("#[repr(i32)]", Some("i32")),
            ("#[repr(u64)]", Some("u64")),
            ("#[repr(i128)]", Some("i128")),
            ("#[repr(isize)]", Some("isize")),
            ("#[repr(usize)]", Some("usize")),
            ("#[repr(u8, align(4))]", Some("u8")),
            ("#[repr(align(8))]", None),
        ];
        reprs[rng.below(reprs.len())]
    } else {
        let reprs: &[(&str, Option<&str>)] = &[
            ("", None),
            ("", None),
            ("#[repr(C)]", None),
            ("#[repr(u8)]", Some("u8")),
            ("#[repr(i16)]", Some("i16")),
            ("#[repr(u32)]", Some("u32")),
            ("#[repr(C, u8)]", Some("u8")),
            ("#[repr(C, i32)]", Some("i32")),
            ("#[repr(u8, align(8))]", Some("u8")),
            ("#[repr(C, align(16))]", None),
        ];
        reprs[rng.below(reprs.len())]
    };
    let p = params(rng, !fieldless);
    let count = 1 + rng.below(7);
    let variant_names = names(rng, VARIANT_NAMES, "V", count);
    // Fields per variant: the usage fields go to random variants.
    let mut variant_fields: Vec<Vec<FieldSpec>> = (0..count).map(|_| Vec::new()).collect();
    let mut styles: Vec<usize> = (0..count).map(|_| rng.below(3)).collect();
    if !fieldless {
        for (v, style) in styles.iter().enumerate() {
            if *style != 0 {
                let n = rng.below(4);
                variant_fields[v] = field_specs(rng, &without_uses(&p), n);
            }
        }
        for uses in &p.uses {
            let v = rng.below(count);
            let (ty, copy) = &uses[rng.below(uses.len())];
            variant_fields[v].push(FieldSpec {
                ty: ty.clone(),
                copy: *copy,
                opaque: false,
            });
            if styles[v] == 0 {
                styles[v] = 1 + rng.below(2);
            }
        }
        if variant_fields.iter().all(|f| f.is_empty()) {
            variant_fields[0].push(FieldSpec {
                ty: "u8".into(),
                copy: true,
                opaque: false,
            });
            styles[0] = 1;
        }
    } else {
        styles.iter_mut().for_each(|s| *s = 0);
    }
    let discriminants = discriminants(rng, count, fieldless, int);
    let mut variants: Vec<String> = Vec::new();
    for v in 0..count {
        let mut attrs = String::new();
        if rng.one_in(5) {
            attrs.push_str("/// A variant.\n");
        }
        if rng.one_in(12) {
            attrs.push_str(*rng.pick(CFG_ATTRS));
        }
        if rng.one_in(25) {
            attrs.push_str("#[deprecated]");
        }
        let vname = &variant_names[v];
        let body = match styles[v] {
            0 => String::new(),
            1 => {
                let fields: Vec<String> = variant_fields[v]
                    .iter()
                    .map(|s| render_field(rng, s, None, Place::Variant))
                    .collect();
                format!("({})", fields.join(", "))
            }
            _ => {
                let fnames = names(rng, FIELD_NAMES, "x", variant_fields[v].len());
                let fields: Vec<String> = variant_fields[v]
                    .iter()
                    .zip(&fnames)
                    .map(|(s, n)| render_field(rng, s, Some(n), Place::Variant))
                    .collect();
                format!(" {{ {} }}", fields.join(", "))
            }
        };
        variants.push(format!("{attrs}{vname}{body}{}", discriminants[v]));
    }
    let attrs = item_attrs(rng, repr, "enum");
    format!(
        "{attrs}{vis}enum {name}{} {} {{ {} }}",
        p.decl,
        p.where_clause,
        variants.join(", ")
    )
}

/// ` = value` (or nothing) per variant: distinct, increasing, in range for the repr. Data
/// enums get explicit values only with an integer repr.
fn discriminants(rng: &mut Rng, count: usize, fieldless: bool, int: Option<&str>) -> Vec<String> {
    let mut out = vec![String::new(); count];
    if !fieldless && int.is_none() || rng.one_in(3) {
        return out;
    }
    let (lo, hi) = int_range(int);
    if let (true, Some(ty)) = (fieldless && count >= 2 && rng.one_in(5), int) {
        // The extremes of the repr, the implicit ones counting up from the minimum.
        out[0] = format!(" = {ty}::MIN");
        out[count - 1] = format!(" = {ty}::MAX");
        return out;
    }
    // An implicit first discriminant is 0, and each implicit one is the previous plus one.
    let mut next: i128 = 0;
    for (i, slot) in out.iter_mut().enumerate() {
        let room = hi - (count - i) as i128;
        let start = if i == 0 && lo < 0 {
            -(rng.below(50) as i128)
        } else {
            next
        };
        if rng.one_in(2) {
            let jump = [0, 1, 7, 30, 1000][rng.below(5)];
            let v = (start + jump).min(room);
            if v < start {
                break;
            }
            *slot = match rng.below(4) {
                0 if v >= 0 => format!(" = {v:#x}"),
                1 => format!(" = ({v})"),
                2 => format!(" = {v}{}", int.unwrap_or("isize")),
                _ => format!(" = {v}"),
            };
            next = v + 1;
        } else {
            next += 1;
        }
    }
    out
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
