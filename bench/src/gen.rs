//! The generated crate: one batch of the test kit's generator in the benchmark's mix
//! (`layout_testkit::Mix::Bench`, the same types for every variant), rendered with each
//! variant's derives.
//!
//! The mix: named structs with 3–12 fields (`repr(Rust)`, `repr(C)` and
//! `repr(packed)`), tuple structs, generic structs used at a concrete type, fieldless enums and
//! enums with data (`repr(Rust)`, `repr(C)`, integer reprs). Field types are scalars,
//! pointers and references, std wrappers and collections, arrays, tuples, `Option`s and
//! earlier generated types (at most four deep), so that layouts nest as in real code; every
//! type can derive `Debug`, `Clone` and `PartialEq`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use layout_core::IntRepr;
use layout_testkit::{Batch, Body, Generated, Item, Mix, Style};

/// What the generated crate does with its types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// No derive at all: the baseline.
    NoDerive,
    /// `#[derive(Layout)]` on every type; no `LAYOUT` is used.
    Layout,
    /// `#[derive(Layout)]` on every type, and every `LAYOUT` evaluated in one `const`.
    LayoutEval,
    /// `#[derive(Layout)]` with `#[layout(values)]` on every type (the `Visit` impl of value
    /// pictures as well); nothing is used.
    LayoutValues,
    /// `#[derive(Debug, Clone, PartialEq)]` on every type.
    Trio,
    /// No derive; per type, one associated `const` that adds up `offset_of!` of every field of
    /// the structs whose layout Rust leaves unspecified and `size_of` of every field: the
    /// least code that any derive reporting exact offsets and sizes must generate, and none
    /// of the cost of a macro.
    Floor,
    /// A peer's derive on the types it accepts.
    Peer(Peer),
    /// `#[derive(Layout)]` on the types a peer accepts, and on no other.
    LayoutOn(Peer),
}

/// The crates that, like layoutscope, derive a type's layout; each is measured on the types
/// it accepts, next to layoutscope on the same types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Peer {
    /// `type-layout` 0.2: `#[derive(TypeLayout)]`, named structs only, not generic, not
    /// packed (its `offset_of!` takes references).
    TypeLayout,
    /// `facet` 0.46: `#[derive(Facet)]`, structs and enums with an explicit repr, not packed.
    /// Its derive writes no `u128`, `i128`, `usize` or `isize` tag, casts each explicit
    /// discriminant `as i64`, which rustc rejects for an unsuffixed literal outside `i32`, and
    /// panics on a `fn(..) -> ..` type followed by more generic arguments (`G<fn(u8) -> u8, 3>`),
    /// opaque or not. Fields of types it does not implement `Facet` for are `#[facet(opaque)]`.
    Facet,
}

impl Peer {
    /// Both peers.
    pub const ALL: [Peer; 2] = [Peer::TypeLayout, Peer::Facet];

    /// The crate, as the report names it.
    pub fn name(self) -> &'static str {
        match self {
            Peer::TypeLayout => "type-layout",
            Peer::Facet => "facet",
        }
    }

    /// The generated crate's dependency on it, pinned so that every run builds the same
    /// version.
    pub fn dependency(self) -> &'static str {
        match self {
            Peer::TypeLayout => "type-layout = \"=0.2.0\"\n",
            Peer::Facet => "facet = \"=0.46.5\"\n",
        }
    }

    fn import(self) -> &'static str {
        match self {
            Peer::TypeLayout => "use type_layout::TypeLayout;\n",
            Peer::Facet => "use facet::Facet;\n",
        }
    }

    fn derive(self) -> &'static str {
        match self {
            Peer::TypeLayout => "#[derive(TypeLayout)]",
            Peer::Facet => "#[derive(Facet)]",
        }
    }

    /// Whether its derive accepts this definition.
    pub fn accepts(self, item: &Item) -> bool {
        let packed = item.repr.packed().is_some();
        let unparsed = |ty: &str| ty.find("->").is_some_and(|at| ty[at..].contains(','));
        if self == Peer::Facet && item.fields().any(|f| unparsed(&f.ty)) {
            return false;
        }
        match (self, &item.body) {
            (Peer::TypeLayout, Body::Struct(f)) => {
                f.style == Style::Named && item.params.is_empty() && !packed
            }
            (Peer::Facet, Body::Struct(_)) => !packed,
            (Peer::Facet, Body::Enum(variants)) => {
                let tag = item.repr.int_type();
                let wide = matches!(
                    tag,
                    Some(IntRepr::U128 | IntRepr::I128 | IntRepr::Usize | IntRepr::Isize)
                );
                let explicit = item.repr.is_c() || tag.is_some();
                let in_i32 = |bits: u128| {
                    // Sign-extended for signed tags: as `i128` the bits are the value.
                    (i32::MIN as i128..=i32::MAX as i128).contains(&(bits as i128))
                };
                explicit && !wide && variants.iter().all(|v| v.value.is_some_and(in_i32))
            }
            _ => false,
        }
    }

    /// Whether a field of `ty` must be marked opaque for this peer, apart from naming a
    /// generated type it does not derive on: the std types `facet` has no impl for.
    fn lacks(self, idents: &BTreeSet<&str>) -> bool {
        const NOT_FACET: &[&str] = &[
            "NonZeroU8",
            "NonZeroU32",
            "NonZeroU64",
            "Ordering",
            "ManuallyDrop",
            "Wrapping",
            "Cell",
            "MaybeUninit",
            "fn",
            "dyn",
        ];
        self == Peer::Facet && NOT_FACET.iter().any(|n| idents.contains(n))
    }
}

impl Variant {
    /// Every variant, baseline first.
    pub const ALL: [Variant; 10] = [
        Variant::NoDerive,
        Variant::Layout,
        Variant::LayoutEval,
        Variant::LayoutValues,
        Variant::Trio,
        Variant::Floor,
        Variant::Peer(Peer::TypeLayout),
        Variant::LayoutOn(Peer::TypeLayout),
        Variant::Peer(Peer::Facet),
        Variant::LayoutOn(Peer::Facet),
    ];

    /// Short name, used for directories and in the report.
    pub fn name(self) -> &'static str {
        match self {
            Variant::NoDerive => "no-derive",
            Variant::Layout => "layout",
            Variant::LayoutEval => "layout-eval",
            Variant::LayoutValues => "layout-values",
            Variant::Trio => "std-trio",
            Variant::Floor => "floor",
            Variant::Peer(p) => p.name(),
            Variant::LayoutOn(Peer::TypeLayout) => "layout-on-type-layout",
            Variant::LayoutOn(Peer::Facet) => "layout-on-facet",
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
            Variant::LayoutValues => "derive(Layout) + #[layout(values)], nothing used",
            Variant::Trio => "derive(Debug, Clone, PartialEq)",
            Variant::Floor => "floor: offset_of!, size_of by hand, no macro",
            Variant::Peer(Peer::TypeLayout) => "type-layout 0.2: derive(TypeLayout)",
            Variant::LayoutOn(Peer::TypeLayout) => "derive(Layout) on type-layout's types",
            Variant::Peer(Peer::Facet) => "facet 0.46: derive(Facet)",
            Variant::LayoutOn(Peer::Facet) => "derive(Layout) on facet's types",
        }
    }

    /// The peer this variant measures, or measures layoutscope against.
    pub fn peer(self) -> Option<Peer> {
        match self {
            Variant::Peer(p) | Variant::LayoutOn(p) => Some(p),
            _ => None,
        }
    }

    /// Whether this variant's derive goes on `item`.
    pub fn derives_on(self, item: &Item) -> bool {
        match self {
            Variant::NoDerive | Variant::Floor => false,
            Variant::Layout | Variant::LayoutEval | Variant::LayoutValues | Variant::Trio => true,
            Variant::Peer(p) | Variant::LayoutOn(p) => p.accepts(item),
        }
    }

    /// The derive attribute for `item` (`derive` gives the usual one and the `use`): a packed
    /// type's fields cannot be borrowed, so `#[layout(values)]` refuses it and its `Visit`
    /// is written by hand, as the error says ([`render_visit_by_hand`]).
    fn derive_for(self, item: &Item) -> Option<&'static str> {
        match self {
            Variant::LayoutValues if item.repr.packed().is_some() => Some("#[derive(Layout)]"),
            _ => self.derive().map(|(derive, _)| derive),
        }
    }

    /// The derive attribute and the `use` it needs.
    fn derive(self) -> Option<(&'static str, &'static str)> {
        match self {
            Variant::NoDerive | Variant::Floor => None,
            Variant::Layout | Variant::LayoutEval | Variant::LayoutOn(_) => {
                Some(("#[derive(Layout)]", "use layoutscope::Layout;\n"))
            }
            Variant::LayoutValues => Some((
                "#[derive(Layout)] #[layout(values)]",
                "use layoutscope::Layout;\n",
            )),
            Variant::Trio => Some(("#[derive(Debug, Clone, PartialEq)]", "")),
            Variant::Peer(p) => Some((p.derive(), p.import())),
        }
    }

    /// The attribute that exempts a field from the derive (`None`: every field type works).
    fn opaque(self) -> Option<&'static str> {
        match self {
            Variant::LayoutOn(_) => Some("#[layout(opaque)]"),
            Variant::Peer(Peer::Facet) => Some("#[facet(opaque)]"),
            _ => None,
        }
    }
}

/// The kinds of generated types, as the report counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `struct S { .. }`, `repr(Rust)`.
    Named,
    /// `#[repr(C)] struct S { .. }`.
    ReprC,
    /// `#[repr(packed)] struct S { .. }`.
    Packed,
    /// `struct T(..)`.
    Tuple,
    /// `struct G<T, U, const N: usize>`, used at a concrete type.
    Generic,
    /// An enum without fields.
    FieldlessEnum,
    /// An enum with data.
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

    /// The kind of a generated definition.
    pub fn of(item: &Item) -> Kind {
        match &item.body {
            Body::Enum(_) if item.fields().next().is_none() => Kind::FieldlessEnum,
            Body::Enum(_) => Kind::DataEnum,
            _ if !item.params.is_empty() => Kind::Generic,
            Body::Struct(f) if f.style != Style::Named => Kind::Tuple,
            _ if item.repr.packed().is_some() => Kind::Packed,
            _ if item.repr.is_c() => Kind::ReprC,
            _ => Kind::Named,
        }
    }
}

/// A deterministic crate of `count` types from `seed`.
pub fn model(count: usize, seed: u64) -> Batch {
    layout_testkit::generate(Mix::Bench, seed, count)
}

/// How many types of each kind the crate has, and the number of fields.
pub fn census(model: &Batch) -> Vec<(Kind, usize, usize)> {
    Kind::ALL
        .iter()
        .map(|&kind| {
            let of_kind = model.items.iter().filter(|g| Kind::of(&g.item) == kind);
            let count = of_kind.clone().count();
            let fields = of_kind.map(|g| g.item.fields().count()).sum();
            (kind, count, fields)
        })
        .collect()
}

/// The identifiers in a type as written (`G3<core::cell::Cell<bool>, u8, 1>`: `G3`, `core`,
/// `cell`, `Cell`, `bool`, `u8`).
fn idents(ty: &str) -> BTreeSet<&str> {
    ty.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with(|c: char| c.is_alphabetic() || c == '_'))
        .collect()
}

/// `g` as `variant` writes it: public, with the derive if it goes on this type, and fields
/// that the derive cannot describe marked opaque.
fn render_item(out: &mut String, g: &Generated, variant: Variant, outside: &BTreeSet<&str>) {
    let mut item = g.item.clone();
    item.vis = "pub ".into();
    let derived = variant.derives_on(&item);
    if let (Some(derive), true) = (variant.derive_for(&item), derived) {
        item.attrs.insert(0, derive.to_owned());
    }
    let opaque = variant.opaque().filter(|_| derived);
    let mut mark = |f: &mut layout_testkit::Field| {
        let names = idents(&f.ty);
        let lacking = variant.peer().is_some_and(|p| p.lacks(&names));
        let undescribed = names.iter().any(|n| outside.contains(n));
        if let (Some(attr), true) = (opaque, lacking || undescribed) {
            f.attrs.push(attr.to_owned());
        }
    };
    match &mut item.body {
        Body::Struct(fields) => {
            for f in &mut fields.fields {
                f.vis = "pub ".into();
                mark(f);
            }
        }
        Body::Union(fields) => fields.iter_mut().for_each(&mut mark),
        Body::Enum(variants) => {
            for v in variants {
                v.fields.fields.iter_mut().for_each(&mut mark);
            }
        }
    }
    for c in &g.consts {
        let _ = writeln!(out, "{c}");
    }
    let _ = write!(out, "{item}");
}

/// `Visit` for the packed types, which `#[layout(values)]` refuses: values with no fields.
fn render_visit_by_hand(out: &mut String, model: &Batch) {
    out.push_str(
        "\n/// `Visit` by hand for the packed types, which `#[layout(values)]` refuses.\n",
    );
    for item in model.items.iter().map(|g| &g.item) {
        if item.repr.packed().is_none() {
            continue;
        }
        let _ = writeln!(
            out,
            "impl{} layoutscope::values::Visit for {} {{\n    \
         fn visit(&self, v: &mut layoutscope::values::Visitor<'_>) {{\n        \
         v.value(\"packed\");\n    }}\n}}",
            item.generics(),
            item.self_ty()
        );
    }
}

/// The generated crate's `src/lib.rs` for `variant`.
pub fn render(model: &Batch, variant: Variant) -> String {
    let mut out = String::with_capacity(model.items.len() * 400);
    let _ = writeln!(
        out,
        "//! Generated by layout-bench ({} types, seed {}, variant `{}`: {}). Do not edit.",
        model.items.len(),
        model.seed,
        variant.name(),
        variant.describe()
    );
    out.push_str("#![allow(dead_code, non_camel_case_types, clippy::all)]\n");
    if let Some((_, import)) = variant.derive() {
        out.push_str(import);
    }
    // The generated types this variant's derive does not go on: fields naming them are
    // opaque to it.
    let outside: BTreeSet<&str> = model
        .items
        .iter()
        .filter(|g| !variant.derives_on(&g.item))
        .map(|g| g.item.name.as_str())
        .collect();
    for g in &model.items {
        out.push('\n');
        render_item(&mut out, g, variant, &outside);
    }
    if variant == Variant::Floor {
        render_floor(&mut out, model);
    }
    if variant == Variant::LayoutValues {
        render_visit_by_hand(&mut out, model);
    }
    if variant == Variant::LayoutEval {
        let used: Vec<&str> = model.instances().map(|(_, i)| i.src.as_str()).collect();
        let _ = writeln!(
            out,
            "\n/// Every generated type's `LAYOUT`, evaluated at compile time.\npub const LAYOUT_SIZES: [usize; {}] = [",
            used.len()
        );
        for ty in used {
            let _ = writeln!(out, "    <{ty} as Layout>::LAYOUT.size,");
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
fn render_floor(out: &mut String, model: &Batch) {
    out.push_str(
        "\n/// Per type, what an exact layout derive cannot do without: the offsets that only\n\
         /// `offset_of!` knows and every field's size.\npub trait Floor {\n    const FIELDS: usize;\n}\n",
    );
    for g in &model.items {
        let item = &g.item;
        let measured = matches!(item.body, Body::Struct(_)) && !item.repr.is_c();
        let mut terms: Vec<String> = Vec::new();
        for f in item.fields() {
            if measured {
                terms.push(format!("::core::mem::offset_of!(Self, {})", f.member));
            }
            terms.push(format!("::core::mem::size_of::<{}>()", f.ty));
        }
        if terms.is_empty() {
            terms.push("0".into());
        }
        let _ = writeln!(
            out,
            "impl{} Floor for {} {{\n    const FIELDS: usize = {};\n}}",
            item.generics(),
            item.self_ty(),
            terms.join(" + ")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The crate without its derives, attributes on fields, imports and what follows the
    /// types.
    fn types_only(text: &str) -> String {
        let mut out: Vec<String> = Vec::new();
        for line in text.lines() {
            if line.starts_with("///") {
                break;
            }
            if line.starts_with("//!") || line.starts_with("#[derive(") || line.starts_with("use ")
            {
                continue;
            }
            out.push(
                line.replace("#[layout(opaque)] ", "")
                    .replace("#[facet(opaque)] ", ""),
            );
        }
        out.join("\n").trim_end().to_owned()
    }

    #[test]
    fn same_seed_same_crate() {
        let (a, b) = (model(300, 7), model(300, 7));
        for v in Variant::ALL {
            assert_eq!(render(&a, v), render(&b, v));
        }
        assert_ne!(
            render(&a, Variant::Layout),
            render(&model(300, 8), Variant::Layout)
        );
    }

    #[test]
    fn variants_differ_only_in_derives_and_what_follows_the_types() {
        let m = model(200, 1);
        let base = types_only(&render(&m, Variant::NoDerive));
        assert!(base.contains("pub struct") && base.contains("pub enum"));
        for v in Variant::ALL {
            // Not `assert_eq!`: the crate is too long to print usefully.
            assert!(
                types_only(&render(&m, v)) == base,
                "{v:?} differs from no-derive in its types"
            );
        }
    }

    #[test]
    fn derive_on_every_type_or_on_the_peer_s() {
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
        assert_eq!(count(Variant::Floor, "#[derive("), 0);
        assert_eq!(count(Variant::Floor, " Floor for "), 500);
        for peer in Peer::ALL {
            let accepted = m.items.iter().filter(|g| peer.accepts(&g.item)).count();
            assert!(accepted > 50 && accepted < 500, "{peer:?}: {accepted}");
            assert_eq!(count(Variant::Peer(peer), "#[derive("), accepted);
            assert_eq!(
                count(Variant::LayoutOn(peer), "#[derive(Layout)]"),
                accepted
            );
        }
        assert_eq!(count(Variant::Peer(Peer::TypeLayout), "(opaque)]"), 0);
        // Fields of types the derive does not describe are opaque to it.
        let facet = render(&m, Variant::Peer(Peer::Facet));
        assert!(facet.contains("#[facet(opaque)] pub "));
        assert!(!facet.contains("#[layout("));
        let on_facet = render(&m, Variant::LayoutOn(Peer::Facet));
        assert!(on_facet.contains("#[layout(opaque)] pub "));
    }

    #[test]
    fn peers_accept_what_they_can_derive() {
        let m = model(1000, 5);
        for g in &m.items {
            let item = &g.item;
            let tl = Peer::TypeLayout.accepts(item);
            assert_eq!(
                tl,
                matches!(Kind::of(item), Kind::Named | Kind::ReprC),
                "{item}"
            );
            let facet = Peer::Facet.accepts(item);
            match Kind::of(item) {
                Kind::Packed => assert!(!facet),
                Kind::FieldlessEnum | Kind::DataEnum => {
                    let tag = item.repr.int_type().map(IntRepr::name);
                    let wide = matches!(tag, Some("u128" | "i128" | "usize" | "isize"));
                    assert!(!facet || !item.repr.is_default() && !wide, "{item}")
                }
                // Every other struct, but those facet's parser cannot read.
                _ => assert_eq!(
                    facet,
                    !item
                        .fields()
                        .any(|f| f.ty.split_once("->").is_some_and(|(_, r)| r.contains(','))),
                    "{item}"
                ),
            }
        }
    }

    #[test]
    fn the_floor_measures_what_the_derive_measures() {
        let m = model(500, 3);
        let text = render(&m, Variant::Floor);
        let fields = |kinds: &[Kind]| -> usize {
            m.items
                .iter()
                .filter(|g| kinds.contains(&Kind::of(&g.item)))
                .map(|g| g.item.fields().count())
                .sum()
        };
        let measured = fields(&[Kind::Named, Kind::Packed, Kind::Tuple, Kind::Generic]);
        assert_eq!(text.matches("offset_of!(Self, ").count(), measured);
        assert_eq!(text.matches("size_of::<").count(), fields(&Kind::ALL));
    }

    #[test]
    fn the_mix_has_every_kind() {
        let m = model(2000, 1);
        let shares = [30, 12, 6, 12, 8, 14, 18];
        for ((kind, count, _), share) in census(&m).into_iter().zip(shares) {
            let expected = 2000 * share / 100;
            assert!(
                count.abs_diff(expected) < expected / 4 + 10,
                "{kind:?}: {count}, expected about {expected}"
            );
        }
    }

    #[test]
    fn idents_split_types() {
        let got: Vec<&str> = idents("G3<core::cell::Cell<bool>, [u8; 2], fn(u8) -> u8>")
            .into_iter()
            .collect();
        assert_eq!(got, ["Cell", "G3", "bool", "cell", "core", "fn", "u8"]);
    }
}
