//! The generated crate: a deterministic mix of types (the same for every variant), rendered
//! with or without derives.
//!
//! The mix follows issue 7: named structs with 3–12 fields (`repr(Rust)`, `repr(C)` and
//! `repr(packed)`), tuple structs, generic structs used at a concrete type, fieldless enums and
//! enums with data (`repr(Rust)`, `repr(u8)`, `repr(C)`). Field types are scalars, small
//! compounds (arrays, tuples, `Option`, `&'static str`), owned std types (`String`, `Vec`,
//! `Option<Box<_>>`) and earlier generated types, so that layouts nest as in real code.

use std::fmt::Write as _;

use layout_testkit::Rng;

/// What the generated crate does with its types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// No derive at all: the baseline.
    NoDerive,
    /// `#[derive(Layout)]` on every type; no `LAYOUT` is used.
    Layout,
    /// `#[derive(Layout)]` on every type, and every `LAYOUT` evaluated in one `const`.
    LayoutEval,
    /// `#[derive(Debug, Clone, PartialEq)]` on every type.
    Trio,
    /// No derive; per type, one associated `const` that adds up `offset_of!` of every field of
    /// the structs whose layout Rust leaves unspecified and `size_of` of every field: the
    /// least code that any derive reporting exact offsets and sizes must generate, and none
    /// of the cost of a macro.
    Floor,
}

impl Variant {
    /// Every variant, baseline first.
    pub const ALL: [Variant; 5] = [
        Variant::NoDerive,
        Variant::Layout,
        Variant::LayoutEval,
        Variant::Trio,
        Variant::Floor,
    ];

    /// Short name, used for directories and in the report.
    pub fn name(self) -> &'static str {
        match self {
            Variant::NoDerive => "no-derive",
            Variant::Layout => "layout",
            Variant::LayoutEval => "layout-eval",
            Variant::Trio => "std-trio",
            Variant::Floor => "floor",
        }
    }

    /// The generated package's name.
    pub fn package(self) -> String {
        format!("gen_{}", self.name().replace('-', "_"))
    }

    /// What the variant is, for the report.
    pub fn describe(self) -> &'static str {
        match self {
            Variant::NoDerive => "no derive",
            Variant::Layout => "derive(Layout), no LAYOUT used",
            Variant::LayoutEval => "derive(Layout), every LAYOUT evaluated in a const",
            Variant::Trio => "derive(Debug, Clone, PartialEq)",
            Variant::Floor => "floor: offset_of!, size_of by hand, no macro",
        }
    }
}

/// The kinds of generated types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `struct S { .. }`, 3–12 fields, `repr(Rust)`.
    Named,
    /// `#[repr(C)] struct C { .. }`, 3–12 fields.
    ReprC,
    /// `#[repr(packed)] struct P { .. }`, 3–12 `Copy` fields.
    Packed,
    /// `struct T(..)`, 1–6 fields.
    Tuple,
    /// `struct G<T> { .. }`, 3–8 fields, used at a concrete `T`.
    Generic,
    /// An enum without fields, 2–12 variants, various reprs and explicit discriminants.
    FieldlessEnum,
    /// An enum with data, 2–6 variants, `repr(Rust)`, `repr(u8)` or `repr(C)`.
    DataEnum,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 7] = [
        Kind::Named,
        Kind::ReprC,
        Kind::Packed,
        Kind::Tuple,
        Kind::Generic,
        Kind::FieldlessEnum,
        Kind::DataEnum,
    ];

    /// How the report names the kind.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Named => "named structs, repr(Rust)",
            Kind::ReprC => "named structs, repr(C)",
            Kind::Packed => "named structs, repr(packed)",
            Kind::Tuple => "tuple structs",
            Kind::Generic => "generic structs (used at a concrete type)",
            Kind::FieldlessEnum => "fieldless enums",
            Kind::DataEnum => "enums with data",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Kind::Named => "S",
            Kind::ReprC => "C",
            Kind::Packed => "P",
            Kind::Tuple => "T",
            Kind::Generic => "G",
            Kind::FieldlessEnum => "E",
            Kind::DataEnum => "D",
        }
    }
}

/// The mix, in parts per hundred.
const MIX: [(usize, Kind); 7] = [
    (30, Kind::Named),
    (12, Kind::ReprC),
    (6, Kind::Packed),
    (12, Kind::Tuple),
    (8, Kind::Generic),
    (14, Kind::FieldlessEnum),
    (18, Kind::DataEnum),
];

/// Scalars: `Copy`, no heap.
const SCALARS: [&str; 13] = [
    "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize", "f32", "f64", "bool", "char",
];
/// Small `Copy` compounds.
const COMPOUNDS: [&str; 6] = [
    "[u8; 4]",
    "[u16; 3]",
    "Option<u32>",
    "Option<char>",
    "(u8, u32)",
    "&'static str",
];
/// Owned std types (not `Copy`: never in packed structs).
const OWNED: [&str; 3] = ["String", "Vec<u32>", "Option<Box<u64>>"];
/// Concrete arguments of the generic structs.
const ARGS: [&str; 7] = ["u8", "u16", "u32", "u64", "i32", "char", "bool"];
/// Field name stems.
const WORDS: [&str; 20] = [
    "id", "len", "flags", "kind", "count", "offset", "port", "tag", "value", "next", "prev",
    "width", "height", "x", "y", "mask", "state", "seq", "crc", "owner",
];

/// Fields or variant payloads.
#[derive(Clone, Debug)]
pub enum Body {
    /// `{ name: Type, .. }`.
    Named(Vec<(String, String)>),
    /// `(Type, ..)`.
    Tuple(Vec<String>),
    /// No fields.
    Unit,
}

impl Body {
    /// Each field as `offset_of!` names it (`name`, or the position of a tuple field) with
    /// its type.
    fn members(&self) -> Vec<(String, &str)> {
        match self {
            Body::Named(fields) => fields
                .iter()
                .map(|(n, ty)| (n.clone(), ty.as_str()))
                .collect(),
            Body::Tuple(fields) => fields
                .iter()
                .enumerate()
                .map(|(i, ty)| (i.to_string(), ty.as_str()))
                .collect(),
            Body::Unit => Vec::new(),
        }
    }

    fn field_count(&self) -> usize {
        match self {
            Body::Named(f) => f.len(),
            Body::Tuple(f) => f.len(),
            Body::Unit => 0,
        }
    }
}

/// One generated type.
#[derive(Clone, Debug)]
pub struct TypeDef {
    /// The type's name.
    pub name: String,
    /// Its kind.
    pub kind: Kind,
    /// `#[repr(..)]`, if any.
    pub repr: Option<&'static str>,
    /// The struct's fields (empty `Unit` for enums).
    pub body: Body,
    /// An enum's variants: name, payload, explicit discriminant.
    pub variants: Vec<(String, Body, Option<i64>)>,
    /// How other code names the type: `G7<u32>` for a generic struct, else the name.
    pub used_as: String,
    /// Nesting depth: 0 when no field is a generated type.
    depth: usize,
}

impl TypeDef {
    /// Fields over all variants.
    pub fn field_count(&self) -> usize {
        self.body.field_count()
            + self
                .variants
                .iter()
                .map(|(_, b, _)| b.field_count())
                .sum::<usize>()
    }
}

/// The generated types, in definition order.
pub struct Model {
    /// The types.
    pub types: Vec<TypeDef>,
    /// The seed they came from.
    pub seed: u64,
}

/// A deterministic model of `count` types from `seed`.
pub fn model(count: usize, seed: u64) -> Model {
    let mut rng = Rng::new(seed);
    let mut types: Vec<TypeDef> = Vec::with_capacity(count);
    for i in 0..count {
        let kind = rng.weighted(&MIX);
        let def = new_type(&mut rng, &types, i, kind);
        types.push(def);
    }
    Model { types, seed }
}

/// Types that may be used as field types: all but packed ones (a packed struct's `Debug`
/// needs `Copy` fields, and nothing generated is `Copy`), and shallow enough that sizes stay
/// realistic.
fn pick_nested(rng: &mut Rng, types: &[TypeDef]) -> Option<(String, usize)> {
    if types.is_empty() {
        return None;
    }
    // Prefer recent types, as real code does; try a few times to find a shallow one.
    for _ in 0..4 {
        let window = types.len().min(200);
        let t = &types[types.len() - 1 - rng.below(window)];
        if t.depth < 3 {
            return Some((t.used_as.clone(), t.depth + 1));
        }
    }
    None
}

/// A field type; `copy_only` for packed structs. Returns the type and its nesting depth.
fn field_type(rng: &mut Rng, types: &[TypeDef], copy_only: bool) -> (String, usize) {
    let class = rng.weighted(&[(62, 0), (18, 1), (8, 2), (12, 3)]);
    match class {
        0 => (SCALARS[rng.below(SCALARS.len())].to_string(), 0),
        1 => (COMPOUNDS[rng.below(COMPOUNDS.len())].to_string(), 0),
        2 if !copy_only => (OWNED[rng.below(OWNED.len())].to_string(), 0),
        3 if !copy_only => pick_nested(rng, types)
            .unwrap_or_else(|| (SCALARS[rng.below(SCALARS.len())].to_string(), 0)),
        _ => (SCALARS[rng.below(SCALARS.len())].to_string(), 0),
    }
}

fn named_fields(
    rng: &mut Rng,
    types: &[TypeDef],
    count: usize,
    copy_only: bool,
) -> (Vec<(String, String)>, usize) {
    let mut depth = 0;
    let fields = (0..count)
        .map(|j| {
            let (ty, d) = field_type(rng, types, copy_only);
            depth = depth.max(d);
            (format!("{}{j}", WORDS[rng.below(WORDS.len())]), ty)
        })
        .collect();
    (fields, depth)
}

fn tuple_fields(rng: &mut Rng, types: &[TypeDef], count: usize) -> (Vec<String>, usize) {
    let mut depth = 0;
    let fields = (0..count)
        .map(|_| {
            let (ty, d) = field_type(rng, types, false);
            depth = depth.max(d);
            ty
        })
        .collect();
    (fields, depth)
}

fn new_type(rng: &mut Rng, types: &[TypeDef], index: usize, kind: Kind) -> TypeDef {
    let name = format!("{}{index}", kind.prefix());
    let mut def = TypeDef {
        used_as: name.clone(),
        name,
        kind,
        repr: None,
        body: Body::Unit,
        variants: Vec::new(),
        depth: 0,
    };
    match kind {
        Kind::Named | Kind::ReprC | Kind::Packed => {
            let n = rng.range(3, 12);
            let (fields, depth) = named_fields(rng, types, n, kind == Kind::Packed);
            def.repr = match kind {
                Kind::ReprC => Some("C"),
                Kind::Packed => Some("packed"),
                _ => None,
            };
            def.body = Body::Named(fields);
            def.depth = depth;
        }
        Kind::Tuple => {
            let n = rng.range(1, 6);
            let (fields, depth) = tuple_fields(rng, types, n);
            def.body = Body::Tuple(fields);
            def.depth = depth;
        }
        Kind::Generic => {
            let n = rng.range(3, 8);
            let generic_slot = rng.below(n);
            let mut depth = 0;
            let fields = (0..n)
                .map(|j| {
                    let ty = if j == generic_slot || rng.chance(25) {
                        ["T", "Option<T>", "[T; 2]", "(T, u16)"][rng.below(4)].to_string()
                    } else {
                        let (ty, d) = field_type(rng, types, false);
                        depth = depth.max(d);
                        ty
                    };
                    (format!("{}{j}", WORDS[rng.below(WORDS.len())]), ty)
                })
                .collect();
            def.body = Body::Named(fields);
            def.used_as = format!("{}<{}>", def.name, ARGS[rng.below(ARGS.len())]);
            def.depth = depth;
        }
        Kind::FieldlessEnum => {
            let n = rng.range(2, 12);
            def.repr = rng.weighted(&[
                (50, None),
                (25, Some("u8")),
                (10, Some("u16")),
                (10, Some("i32")),
                (5, Some("C")),
            ]);
            let explicit = rng.chance(30);
            let (start, step) = (rng.range(0, 100) as i64, rng.range(1, 10) as i64);
            def.variants = (0..n)
                .map(|v| {
                    let discriminant = explicit.then_some(start + step * v as i64);
                    (
                        format!("{}{v}", variant_stem(rng)),
                        Body::Unit,
                        discriminant,
                    )
                })
                .collect();
        }
        Kind::DataEnum => {
            let n = rng.range(2, 6);
            def.repr = rng.weighted(&[(60, None), (25, Some("u8")), (15, Some("C"))]);
            let data_slot = rng.below(n);
            let mut depth = 0;
            def.variants = (0..n)
                .map(|v| {
                    let shape = if v == data_slot {
                        rng.weighted(&[(1, 1), (1, 2)])
                    } else {
                        rng.weighted(&[(30, 0), (40, 1), (30, 2)])
                    };
                    let body = match shape {
                        0 => Body::Unit,
                        1 => {
                            let count = rng.range(1, 3);
                            let (fields, d) = tuple_fields(rng, types, count);
                            depth = depth.max(d);
                            Body::Tuple(fields)
                        }
                        _ => {
                            let count = rng.range(1, 4);
                            let (fields, d) = named_fields(rng, types, count, false);
                            depth = depth.max(d);
                            Body::Named(fields)
                        }
                    };
                    (format!("{}{v}", variant_stem(rng)), body, None)
                })
                .collect();
            def.depth = depth;
        }
    }
    def
}

fn variant_stem(rng: &mut Rng) -> &'static str {
    [
        "Idle", "Busy", "Open", "Closed", "Ready", "Done", "Error", "Retry", "Start", "Stop",
    ][rng.below(10)]
}

/// How many types of each kind the model has, and the number of fields.
pub fn census(model: &Model) -> Vec<(Kind, usize, usize)> {
    Kind::ALL
        .iter()
        .map(|&kind| {
            let of_kind = model.types.iter().filter(|t| t.kind == kind);
            let count = of_kind.clone().count();
            let fields = of_kind.map(TypeDef::field_count).sum();
            (kind, count, fields)
        })
        .collect()
}

/// The generated crate's `src/lib.rs` for `variant`.
pub fn render(model: &Model, variant: Variant) -> String {
    let mut out = String::with_capacity(model.types.len() * 400);
    let _ = writeln!(
        out,
        "//! Generated by layout-bench ({} types, seed {}, variant `{}`: {}). Do not edit.",
        model.types.len(),
        model.seed,
        variant.name(),
        variant.describe()
    );
    out.push_str("#![allow(dead_code, non_camel_case_types, clippy::all)]\n");
    let derive = match variant {
        Variant::NoDerive | Variant::Floor => "",
        Variant::Layout | Variant::LayoutEval => {
            out.push_str("use layoutscope::Layout;\n");
            "#[derive(Layout)]\n"
        }
        Variant::Trio => "#[derive(Debug, Clone, PartialEq)]\n",
    };
    for t in &model.types {
        out.push('\n');
        out.push_str(derive);
        if let Some(repr) = t.repr {
            let _ = writeln!(out, "#[repr({repr})]");
        }
        let generics = if t.kind == Kind::Generic { "<T>" } else { "" };
        if t.variants.is_empty() {
            let _ = write!(out, "pub struct {}{generics}", t.name);
            match &t.body {
                Body::Named(fields) => {
                    out.push_str(" {\n");
                    for (name, ty) in fields {
                        let _ = writeln!(out, "    pub {name}: {ty},");
                    }
                    out.push_str("}\n");
                }
                Body::Tuple(fields) => {
                    let list: Vec<String> = fields.iter().map(|ty| format!("pub {ty}")).collect();
                    let _ = writeln!(out, "({});", list.join(", "));
                }
                Body::Unit => out.push_str(";\n"),
            }
        } else {
            let _ = writeln!(out, "pub enum {} {{", t.name);
            for (name, body, discriminant) in &t.variants {
                let _ = write!(out, "    {name}");
                match body {
                    Body::Named(fields) => {
                        let list: Vec<String> =
                            fields.iter().map(|(n, ty)| format!("{n}: {ty}")).collect();
                        let _ = write!(out, " {{ {} }}", list.join(", "));
                    }
                    Body::Tuple(fields) => {
                        let _ = write!(out, "({})", fields.join(", "));
                    }
                    Body::Unit => {}
                }
                if let Some(d) = discriminant {
                    let _ = write!(out, " = {d}");
                }
                out.push_str(",\n");
            }
            out.push_str("}\n");
        }
    }
    if variant == Variant::Floor {
        render_floor(&mut out, model);
    }
    if variant == Variant::LayoutEval {
        let n = model.types.len();
        let _ = writeln!(
            out,
            "\n/// Every generated type's `LAYOUT`, evaluated at compile time.\npub const LAYOUT_SIZES: [usize; {n}] = ["
        );
        for t in &model.types {
            let _ = writeln!(out, "    <{} as Layout>::LAYOUT.size,", t.used_as);
        }
        out.push_str(
            "];\n\n/// Their sum: a `const`, so every `LAYOUT` is evaluated by `cargo build`.\n\
             pub const LAYOUT_SUM: usize = {\n    let mut sum = 0;\n    let mut i = 0;\n    \
             while i < LAYOUT_SIZES.len() {\n        sum += LAYOUT_SIZES[i];\n        i += 1;\n    \
             }\n    sum\n};\n",
        );
    }
    out
}

/// The `Floor` variant's impls. `repr(C)` offsets follow from sizes and alignments (which
/// layoutscope computes in const), so only the other structs' fields need `offset_of!`;
/// enum variants' offsets have no stable `offset_of!`, so their fields count with sizes only.
fn render_floor(out: &mut String, model: &Model) {
    out.push_str(
        "\n/// Per type, what an exact layout derive cannot do without: the offsets that only\n\
         /// `offset_of!` knows and every field's size.\npub trait Floor {\n    const FIELDS: usize;\n}\n",
    );
    for t in &model.types {
        let mut terms: Vec<String> = Vec::new();
        let measured = t.repr != Some("C");
        for (member, ty) in t.body.members() {
            if measured {
                terms.push(format!("::core::mem::offset_of!(Self, {member})"));
            }
            terms.push(format!("::core::mem::size_of::<{ty}>()"));
        }
        for (_, body, _) in &t.variants {
            let sizes = body.members().into_iter();
            terms.extend(sizes.map(|(_, ty)| format!("::core::mem::size_of::<{ty}>()")));
        }
        if terms.is_empty() {
            terms.push("0".into());
        }
        let generics = if t.kind == Kind::Generic { "<T>" } else { "" };
        let _ = writeln!(
            out,
            "impl{generics} Floor for {}{generics} {{\n    const FIELDS: usize = {};\n}}",
            t.name,
            terms.join(" + ")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_crate() {
        let a = model(300, 7);
        let b = model(300, 7);
        for v in Variant::ALL {
            assert_eq!(render(&a, v), render(&b, v));
        }
        assert_ne!(
            render(&a, Variant::Layout),
            render(&model(300, 8), Variant::Layout)
        );
    }

    #[test]
    fn variants_differ_only_in_derives_and_the_sum() {
        let m = model(200, 1);
        let strip = |v: Variant| -> String {
            render(&m, v)
                .lines()
                .filter(|l| {
                    !l.starts_with("//!") && !l.starts_with("#[derive(") && !l.starts_with("use ")
                })
                .take_while(|l| !l.starts_with("///"))
                .collect::<Vec<_>>()
                .join("\n")
                .trim_end()
                .to_string()
        };
        let base = strip(Variant::NoDerive);
        assert!(base.contains("pub struct") && base.contains("pub enum"));
        for v in Variant::ALL {
            // Not `assert_eq!`: the crate is too long to print usefully.
            assert!(
                strip(v) == base,
                "{v:?} differs from no-derive in its types"
            );
        }
    }

    #[test]
    fn derive_on_every_type() {
        let m = model(500, 3);
        let count = |v: Variant, needle: &str| render(&m, v).matches(needle).count();
        assert_eq!(count(Variant::NoDerive, "#[derive("), 0);
        assert_eq!(count(Variant::Layout, "#[derive(Layout)]"), 500);
        assert_eq!(count(Variant::LayoutEval, "#[derive(Layout)]"), 500);
        assert_eq!(
            count(Variant::Trio, "#[derive(Debug, Clone, PartialEq)]"),
            500
        );
        assert_eq!(count(Variant::LayoutEval, "as Layout>::LAYOUT.size,"), 500);
        assert_eq!(count(Variant::Layout, "::LAYOUT"), 0);
        assert_eq!(count(Variant::LayoutEval, "::LAYOUT"), 500);
        assert_eq!(count(Variant::Floor, "#[derive("), 0);
        assert_eq!(count(Variant::Floor, " Floor for "), 500);
    }

    #[test]
    fn the_floor_measures_what_the_derive_measures() {
        let m = model(500, 3);
        let text = render(&m, Variant::Floor);
        let fields = |kinds: &[Kind]| -> usize {
            m.types
                .iter()
                .filter(|t| kinds.contains(&t.kind))
                .map(TypeDef::field_count)
                .sum()
        };
        let measured = fields(&[Kind::Named, Kind::Packed, Kind::Tuple, Kind::Generic]);
        assert_eq!(text.matches("offset_of!(Self, ").count(), measured);
        assert_eq!(
            text.matches("size_of::<").count(),
            m.types.iter().map(TypeDef::field_count).sum::<usize>()
        );
    }

    #[test]
    fn mix_has_every_kind_within_bounds() {
        let m = model(2000, 1);
        for (kind, count, _) in census(&m) {
            let share = MIX.iter().find(|(_, k)| *k == kind).unwrap().0;
            let expected = 2000 * share / 100;
            assert!(
                count.abs_diff(expected) < expected / 4 + 10,
                "{kind:?}: {count}, expected about {expected}"
            );
        }
        for t in &m.types {
            match t.kind {
                Kind::Named | Kind::ReprC | Kind::Packed => {
                    assert!((3..=12).contains(&t.field_count()), "{}", t.name)
                }
                Kind::Tuple => assert!((1..=6).contains(&t.field_count())),
                Kind::Generic => {
                    assert!((3..=8).contains(&t.field_count()));
                    assert!(t.used_as.starts_with(&format!("{}<", t.name)));
                }
                Kind::FieldlessEnum => {
                    assert!((2..=12).contains(&t.variants.len()));
                    assert_eq!(t.field_count(), 0);
                }
                Kind::DataEnum => {
                    assert!((2..=6).contains(&t.variants.len()));
                    assert!(t.field_count() > 0);
                }
            }
        }
    }

    #[test]
    fn packed_structs_have_copy_fields_only() {
        let m = model(2000, 5);
        let copy: Vec<&str> = SCALARS.iter().chain(COMPOUNDS.iter()).copied().collect();
        for t in m.types.iter().filter(|t| t.kind == Kind::Packed) {
            let Body::Named(fields) = &t.body else {
                panic!("packed structs are named")
            };
            for (_, ty) in fields {
                assert!(copy.contains(&ty.as_str()), "{}: {ty}", t.name);
            }
        }
    }

    #[test]
    fn fields_only_name_earlier_types() {
        let m = model(1000, 11);
        for (i, t) in m.types.iter().enumerate() {
            let text = format!("{:?} {:?}", t.body, t.variants);
            for later in &m.types[i..] {
                let needle = format!("\"{}\"", later.used_as);
                assert!(!text.contains(&needle), "{} uses {}", t.name, later.used_as);
            }
        }
    }
}
