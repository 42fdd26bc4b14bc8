//! The random type generator.
//!
//! It writes structs (named, tuple, unit), unions, enums (fieldless, with data, empty) and
//! generic structs and enums at several instantiations, with every `repr` layoutscope
//! understands and discriminants of every kind (implicit, explicit, negative, extreme,
//! expressions, named constants). Later types use earlier ones as fields, so nesting comes for
//! free. It tracks just enough about each type ([`Ty`]) to only write programs that rustc
//! accepts: unions and packed types that derive `Debug` get `Copy` fields, `repr(transparent)`
//! gets one non-zero-sized field plus 1-aligned zero-sized ones, `repr(packed)` gets no
//! `repr(align)` type inside, and it never nests an empty enum, so every type can be
//! constructed. It knows every discriminant it writes.
//!
//! A [`Mix`] says which kinds it writes and how: the oracle's struct batches and enum batches,
//! and the benchmark's crate.

use std::collections::HashSet;
use std::fmt::Write as _;

use layout_core::{IntRepr, Repr};

use crate::model::{Body, Field, Fields, Item, Param, ParamKind, Style, Variant};
use crate::rng::Rng;
use crate::types::{Need, Ty, ATOMS, ELEMS, ZST1};

/// Which types a batch writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mix {
    /// The oracle's struct batches: structs and unions of every repr, generic structs at
    /// several instantiations; enums only as `#[layout(opaque)]` field types (`count`
    /// counts the structs and unions).
    Structs,
    /// The oracle's enum batches: enums of every repr and kind, generic enums at several
    /// instantiations, and structs that nest them (`count` counts the enums).
    Enums,
    /// The benchmark's crate, as issue 7 describes it: named structs with 3–12 fields in
    /// `repr(Rust)`, `repr(C)` and `repr(packed)`, tuple structs, generic structs used at one
    /// concrete type, fieldless enums with 2–12 variants and enums with data; every type can
    /// derive `Debug`, `Clone` and `PartialEq` (`count` counts every type).
    Bench,
}

impl Mix {
    /// Every mix.
    pub const ALL: [Mix; 3] = [Mix::Structs, Mix::Enums, Mix::Bench];

    /// `structs`, `enums` or `bench`.
    pub fn label(self) -> &'static str {
        match self {
            Mix::Structs => "structs",
            Mix::Enums => "enums",
            Mix::Bench => "bench",
        }
    }

    /// The mix labelled `label`.
    pub fn named(label: &str) -> Option<Mix> {
        Mix::ALL.into_iter().find(|m| m.label() == label)
    }
}

/// One generated definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// Constants its discriminants name (`const K3: u8 = 4;`), written before it.
    pub consts: Vec<String>,
    /// The definition.
    pub item: Item,
    /// Whether layoutscope's derive goes on it: every type but the enums a struct batch only
    /// holds in `#[layout(opaque)]` fields.
    pub derive: bool,
    /// The concrete types it defines: itself, or one instantiation each of a generic item.
    pub instances: Vec<Instance>,
}

/// A concrete type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    /// As written in source (`G3<u8, [u16; 2], 1>`).
    pub src: String,
    /// As rustc prints it (`G3<std::option::Option<u32>, 1>`): std paths spelled out.
    pub rustc: String,
}

/// What [`generate`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch {
    /// The mix.
    pub mix: Mix,
    /// The seed.
    pub seed: u64,
    /// The definitions, in order (later ones use earlier ones).
    pub items: Vec<Generated>,
}

impl Batch {
    /// Every definition as Rust source, with `derive` as the first attribute of those that
    /// get layoutscope's derive (`#[derive(layoutscope::Layout)]`; empty: none).
    pub fn source(&self, derive: &str) -> String {
        let mut out = String::new();
        for g in &self.items {
            out.push('\n');
            for c in &g.consts {
                let _ = writeln!(out, "{c}");
            }
            if g.derive && !derive.is_empty() {
                let _ = writeln!(out, "{derive}");
            }
            let _ = write!(out, "{}", g.item);
        }
        out
    }

    /// Every concrete type of the definitions that get layoutscope's derive.
    pub fn instances(&self) -> impl Iterator<Item = (&Generated, &Instance)> {
        self.items
            .iter()
            .filter(|g| g.derive)
            .flat_map(|g| g.instances.iter().map(move |i| (g, i)))
    }
}

/// Writes definitions of `mix` from `seed` until `count` of the types the mix counts exist.
pub fn generate(mix: Mix, seed: u64, count: usize) -> Batch {
    let recipe = Recipe::of(mix);
    let mut gen = Gen {
        rng: Rng::new(seed),
        recipe,
        pool: Vec::new(),
        items: Vec::new(),
        consts: Vec::new(),
        counted: 0,
        next_id: 0,
        standalone: false,
    };
    while gen.counted < count {
        let left = count - gen.counted;
        let kind = gen.rng.weighted(recipe.kinds);
        gen.write(kind, left);
    }
    Batch {
        mix,
        seed,
        items: gen.items,
    }
}

/// One definition of a kind `mix` writes, drawn from `rng`, that stands alone: it names no
/// other generated type and no constant (for tests that take one item at a time). Enums that
/// only `#[layout(opaque)]` fields hold are not among the kinds.
pub fn item(rng: &mut Rng, mix: Mix) -> Item {
    let recipe = Recipe::of(mix);
    let mut gen = Gen {
        rng: Rng::new(rng.next_u64()),
        recipe,
        pool: Vec::new(),
        items: Vec::new(),
        consts: Vec::new(),
        counted: 0,
        next_id: rng.below(1000),
        standalone: true,
    };
    loop {
        match gen.rng.weighted(recipe.kinds) {
            Kind::Helper => continue,
            kind => gen.write(kind, 1),
        }
        // With nothing written before it, the definition can only name std types.
        if let Some(g) = gen.items.pop() {
            return g.item;
        }
    }
}

/// What a mix writes: kinds of definitions by weight, and how fields are drawn.
#[derive(Clone, Copy)]
struct Recipe {
    kinds: &'static [(usize, Kind)],
    /// The field types a container draws, by weight.
    fields: &'static [(usize, Draw)],
    /// Percent of the elements of arrays, `Option`s and pointers drawn from earlier types.
    inner_pool: usize,
    /// Percent of the draws from earlier types that take an enum when there is one.
    prefer_enums: usize,
    /// Earlier types nest at most this deep.
    max_depth: usize,
    /// Percent of describable fields marked `#[layout(opaque)]` all the same.
    opaque: usize,
    /// Every type derives `Debug`, `Clone` and `PartialEq` (so its fields must implement
    /// them, and a packed type's fields must be `Copy`).
    trio: bool,
    /// Types whose fields are all `Copy` derive `Clone` and `Copy`.
    copy: bool,
    /// Percent of tuple and struct-like variants written without fields (`V()`, `V {}`).
    empty_variants: usize,
    /// Instantiations of each generic definition.
    instantiations: (usize, usize),
    /// Which types `count` counts.
    counts: Counts,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Counts {
    StructsAndUnions,
    Enums,
    All,
}

/// One kind of definition.
#[derive(Clone, Copy)]
enum Kind {
    /// A struct with a repr of `reprs` and `fields` fields; `nest` percent of them are earlier
    /// types.
    Struct {
        style: Style,
        reprs: &'static [Repr],
        fields: (usize, usize),
        nest: usize,
    },
    /// A union of `Copy` fields.
    Union {
        reprs: &'static [Repr],
        fields: (usize, usize),
    },
    /// `struct G<T, U, const N: usize>` with fields `T`, `U`, `[T; N]` and `fixed` others.
    GenericStruct {
        reprs: &'static [Repr],
        fixed: (usize, usize),
    },
    /// An enum without fields, with one of `variants` variants.
    Fieldless {
        reprs: EnumReprs,
        variants: &'static [usize],
    },
    /// An enum whose variants have fields, with one of `variants` variants.
    Data {
        reprs: EnumReprs,
        variants: &'static [usize],
    },
    /// `enum GE<T, U[, const N: usize]>`, each parameter used by some variant.
    GenericEnum { reprs: EnumReprs },
    /// `enum Void {}`: compared, never nested.
    Empty,
    /// An enum without layoutscope's derive (fieldless or with data, `Clone` and `Copy`),
    /// which fields hold with `#[layout(opaque)]`.
    Helper,
}

/// How an enum's repr is drawn: percent of `repr(Rust)`, `repr(C)`, an integer, and
/// (the rest) `repr(C, int)`; and the percent with `align(N)`.
#[derive(Clone, Copy)]
struct EnumReprs {
    rust: usize,
    c: usize,
    int: usize,
    align: usize,
}

/// A field type's class.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Draw {
    Atom,
    Array,
    Tuple,
    Option,
    Pointer,
    Helper,
    Pool,
}

const RUST: Repr = Repr::RUST;
const C: Repr = Repr::C;

/// Every struct repr; plain and `C` weighted up, as the common case and the ones where
/// rustc's field reordering and niche choice matter.
const STRUCT_REPRS: &[Repr] = &[
    RUST,
    RUST,
    RUST,
    RUST,
    C,
    C,
    Repr::TRANSPARENT,
    Repr::TRANSPARENT,
    RUST.with_packed(1),
    RUST.with_packed(2),
    RUST.with_packed(4),
    C.with_packed(1),
    C.with_packed(2),
    RUST.with_align(2),
    RUST.with_align(8),
    RUST.with_align(16),
    RUST.with_align(32),
    C.with_align(2),
    C.with_align(8),
    C.with_align(16),
    C.with_align(32),
];

/// Unions: no `transparent` (unstable on unions).
const UNION_REPRS: &[Repr] = &[
    RUST,
    RUST,
    C,
    C,
    RUST.with_packed(1),
    RUST.with_packed(2),
    C.with_packed(1),
    RUST.with_align(8),
    RUST.with_align(32),
    C.with_align(2),
    C.with_align(16),
];

/// Generic structs: no `transparent` (which field is non-zero-sized depends on the
/// arguments).
const GENERIC_REPRS: &[Repr] = &[
    RUST,
    RUST,
    RUST,
    C,
    C,
    RUST.with_packed(1),
    RUST.with_packed(2),
    C.with_packed(1),
    C.with_packed(2),
    RUST.with_align(2),
    RUST.with_align(16),
    C.with_align(8),
    C.with_align(32),
];

/// Structs that nest enums.
const NESTING_REPRS: &[Repr] = &[RUST, RUST, C, RUST.with_align(8), C.with_align(16)];

/// Variant counts of fieldless enums: small ones, the probes' exact limit (16), and the
/// edges of the 8-bit tag (near 256, an enum that nests one has few niche values left,
/// which the probes count exactly).
const FIELDLESS_COUNTS: &[usize] = &[
    1, 1, 2, 2, 2, 3, 3, 4, 5, 7, 8, 16, 17, 100, 128, 250, 254, 255, 256, 257, 300,
];

/// Variant counts of the fieldless enums that only `#[layout(opaque)]` fields hold, whose
/// niches layoutscope measures with probes: around the probes' exact limit, and just below
/// the `u8` tag's edge, where few niche values are left.
const HELPER_COUNTS: &[usize] = &[1, 2, 3, 17, 128, 200, 239, 240, 241, 250, 254, 255, 256];

/// Variant counts of enums with data.
const DATA_COUNTS: &[usize] = &[1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9];

const ALIGNS: &[usize] = &[1, 2, 4, 8, 16, 32];

/// The oracle's enum reprs: every kind, `align(N)` now and then.
const fn enum_reprs(rust: usize, c: usize, int: usize) -> EnumReprs {
    EnumReprs {
        rust,
        c,
        int,
        align: 12,
    }
}

const STRUCTS: &[(usize, Kind)] = &[
    (
        14,
        Kind::GenericStruct {
            reprs: GENERIC_REPRS,
            fixed: (0, 2),
        },
    ),
    (6, Kind::Helper),
    (
        12,
        Kind::Union {
            reprs: UNION_REPRS,
            fields: (1, 4),
        },
    ),
    (
        5,
        Kind::Struct {
            style: Style::Unit,
            reprs: STRUCT_REPRS,
            fields: (0, 0),
            nest: 0,
        },
    ),
    (
        21,
        Kind::Struct {
            style: Style::Tuple,
            reprs: STRUCT_REPRS,
            fields: (0, 6),
            nest: 0,
        },
    ),
    (
        42,
        Kind::Struct {
            style: Style::Named,
            reprs: STRUCT_REPRS,
            fields: (0, 6),
            nest: 0,
        },
    ),
];

const ENUMS: &[(usize, Kind)] = &[
    (
        12,
        Kind::GenericEnum {
            reprs: enum_reprs(60, 10, 20),
        },
    ),
    (
        28,
        Kind::Fieldless {
            reprs: enum_reprs(25, 10, 50),
            variants: FIELDLESS_COUNTS,
        },
    ),
    (
        45,
        Kind::Data {
            reprs: enum_reprs(45, 15, 25),
            variants: DATA_COUNTS,
        },
    ),
    (2, Kind::Empty),
    (
        10,
        Kind::Struct {
            style: Style::Named,
            reprs: NESTING_REPRS,
            fields: (1, 4),
            nest: 65,
        },
    ),
    (
        6,
        Kind::Struct {
            style: Style::Tuple,
            reprs: NESTING_REPRS,
            fields: (1, 4),
            nest: 65,
        },
    ),
];

const BENCH: &[(usize, Kind)] = &[
    (
        30,
        Kind::Struct {
            style: Style::Named,
            reprs: &[RUST],
            fields: (3, 12),
            nest: 0,
        },
    ),
    (
        12,
        Kind::Struct {
            style: Style::Named,
            reprs: &[C],
            fields: (3, 12),
            nest: 0,
        },
    ),
    (
        6,
        Kind::Struct {
            style: Style::Named,
            reprs: &[RUST.with_packed(1)],
            fields: (3, 12),
            nest: 0,
        },
    ),
    (
        12,
        Kind::Struct {
            style: Style::Tuple,
            reprs: &[RUST],
            fields: (1, 6),
            nest: 0,
        },
    ),
    (
        8,
        Kind::GenericStruct {
            reprs: &[RUST],
            fixed: (0, 5),
        },
    ),
    (
        14,
        Kind::Fieldless {
            reprs: EnumReprs {
                rust: 50,
                c: 5,
                int: 45,
                align: 0,
            },
            variants: &[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        },
    ),
    (
        18,
        Kind::Data {
            reprs: EnumReprs {
                rust: 60,
                c: 15,
                int: 25,
                align: 0,
            },
            variants: &[2, 3, 4, 5, 6],
        },
    ),
];

impl Recipe {
    fn of(mix: Mix) -> Recipe {
        match mix {
            Mix::Structs => Recipe {
                kinds: STRUCTS,
                fields: &[
                    (50, Draw::Atom),
                    (12, Draw::Array),
                    (8, Draw::Tuple),
                    (6, Draw::Option),
                    (3, Draw::Pointer),
                    (5, Draw::Helper),
                    (16, Draw::Pool),
                ],
                inner_pool: 30,
                prefer_enums: 0,
                max_depth: usize::MAX,
                opaque: 3,
                trio: false,
                copy: true,
                empty_variants: 8,
                instantiations: (2, 4),
                counts: Counts::StructsAndUnions,
            },
            Mix::Enums => Recipe {
                kinds: ENUMS,
                fields: &[
                    (45, Draw::Atom),
                    (9, Draw::Array),
                    (6, Draw::Tuple),
                    (9, Draw::Option),
                    (8, Draw::Pointer),
                    (23, Draw::Pool),
                ],
                inner_pool: 60,
                prefer_enums: 70,
                max_depth: usize::MAX,
                opaque: 0,
                trio: false,
                copy: false,
                empty_variants: 8,
                instantiations: (2, 4),
                counts: Counts::Enums,
            },
            Mix::Bench => Recipe {
                kinds: BENCH,
                fields: &[
                    (70, Draw::Atom),
                    (4, Draw::Array),
                    (4, Draw::Tuple),
                    (4, Draw::Option),
                    (6, Draw::Pointer),
                    (12, Draw::Pool),
                ],
                inner_pool: 20,
                prefer_enums: 0,
                max_depth: 4,
                opaque: 0,
                trio: true,
                copy: false,
                empty_variants: 0,
                instantiations: (1, 1),
                counts: Counts::All,
            },
        }
    }
}

/// Field names; some are raw identifiers, which layoutscope reports without `r#`.
const NAMES: &[&str] = &[
    "a", "b", "c", "d", "e", "f", "g", "h", "len", "tag", "flag", "ptr", "val", "next", "data",
    "id", "x", "y", "z", "w",
];
const RAW_NAMES: &[&str] = &["r#type", "r#match", "r#fn", "r#struct", "r#loop", "r#ref"];

/// Variant names besides `V0`, `V1`, …: common ones, and raw identifiers.
const VARIANT_NAMES: &[&str] = &[
    "Empty", "Number", "Array", "Ok", "Err", "Some", "None", "Quit", "Move", "Write", "r#type",
    "r#match", "Nothing", "Just",
];

struct Gen {
    rng: Rng,
    recipe: Recipe,
    /// Every type defined so far that can be constructed (each generic instantiation), for
    /// nesting.
    pool: Vec<Pooled>,
    items: Vec<Generated>,
    /// The constants of the definition being written.
    consts: Vec<String>,
    /// How many counted types exist.
    counted: usize,
    next_id: usize,
    /// Writing one definition that stands alone: no constants for its discriminants.
    standalone: bool,
}

/// A type in the pool.
struct Pooled {
    ty: Ty,
    is_enum: bool,
}

/// A field of a generic definition: a parameter's use, or a fixed type.
#[derive(Clone)]
enum GenericField {
    T,
    U,
    ArrayT,
    Fixed(Ty),
}

impl Gen {
    fn name(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{}", self.next_id)
    }

    fn write(&mut self, kind: Kind, left: usize) {
        match kind {
            Kind::Struct {
                style,
                reprs,
                fields,
                nest,
            } => self.structure(style, reprs, fields, nest),
            Kind::Union { reprs, fields } => self.union(reprs, fields),
            Kind::GenericStruct { reprs, fixed } => self.generic_struct(reprs, fixed, left),
            Kind::Fieldless { reprs, variants } => {
                let n = *self.rng.pick(variants);
                self.fieldless(reprs, n, false)
            }
            Kind::Data { reprs, variants } => {
                let n = *self.rng.pick(variants);
                self.data_enum(reprs, n, false)
            }
            Kind::GenericEnum { reprs } => self.generic_enum(reprs, left),
            Kind::Empty => self.empty_enum(),
            Kind::Helper => {
                let reprs = EnumReprs {
                    rust: 40,
                    c: 10,
                    int: 50,
                    align: 0,
                };
                if self.rng.chance(60) {
                    let n = *self.rng.pick(HELPER_COUNTS);
                    self.fieldless(reprs, n, true)
                } else {
                    let n = self.rng.range(2, 4);
                    self.data_enum(reprs, n, true)
                }
            }
        }
    }

    /// The rules a field of a type with this repr follows.
    fn need(&self, repr: Repr) -> Need {
        let packed = repr.packed().is_some();
        Need {
            copy: packed && self.recipe.trio,
            no_align: packed,
            trio: self.recipe.trio,
            layout: false,
            sized: false,
        }
    }

    /// An earlier type within the depth limit, preferring enums as the recipe says.
    fn pooled(&mut self, need: Need) -> Option<Ty> {
        let max = self.recipe.max_depth;
        let fits = |p: &&Pooled| p.ty.depth < max && p.ty.fits(need) && !p.ty.opaque;
        let enums: Vec<&Pooled> = self
            .pool
            .iter()
            .filter(|p| p.is_enum)
            .filter(fits)
            .collect();
        if !enums.is_empty() && self.rng.chance(self.recipe.prefer_enums) {
            return Some(self.rng.pick(&enums).ty.clone());
        }
        let all: Vec<&Pooled> = self.pool.iter().filter(fits).collect();
        (!all.is_empty()).then(|| self.rng.pick(&all).ty.clone())
    }

    /// An enum that only `#[layout(opaque)]` fields may hold.
    fn helper(&mut self, need: Need) -> Option<Ty> {
        let helpers: Vec<&Pooled> = self
            .pool
            .iter()
            .filter(|p| p.ty.opaque && p.ty.fits(need))
            .collect();
        (!helpers.is_empty()).then(|| self.rng.pick(&helpers).ty.clone())
    }

    fn atom(&mut self, table: &[crate::types::Atom], need: Need) -> Ty {
        loop {
            let ty = Ty::atom(self.rng.pick(table));
            if ty.fits(need) {
                return ty;
            }
        }
    }

    /// The element of an array, `Option` or pointer: an earlier type now and then, else an
    /// element atom.
    fn inner(&mut self, need: Need) -> Ty {
        if self.rng.chance(self.recipe.inner_pool) {
            if let Some(ty) = self.pooled(need) {
                return ty;
            }
        }
        self.atom(ELEMS, need)
    }

    /// `[E; 0..=3]`.
    fn array(&mut self, need: Need) -> Ty {
        let elem = self.inner(need);
        let n = self.rng.range(0, 3);
        Ty {
            zst: n == 0 || elem.zst,
            ..elem.wrapped(&format!("[{{}}; {n}]"), &format!("[{{}}; {n}]"))
        }
    }

    /// A tuple of two or three element atoms, sometimes with a nested tuple.
    fn tuple(&mut self, need: Need) -> Ty {
        let n = self.rng.range(2, 3);
        let mut elems: Vec<Ty> = (0..n).map(|_| self.atom(ELEMS, need)).collect();
        if self.rng.chance(15) {
            let inner = self.tuple(need);
            elems.push(inner);
        }
        let src: Vec<&str> = elems.iter().map(|t| t.src.as_str()).collect();
        let rustc: Vec<&str> = elems.iter().map(|t| t.rustc.as_str()).collect();
        Ty {
            src: format!("({})", src.join(", ")),
            rustc: format!("({})", rustc.join(", ")),
            copy: true,
            zst: false,
            align1: elems.iter().all(|t| t.align1),
            has_align: false,
            impure: elems.iter().any(|t| t.impure),
            trio: true,
            opaque: false,
            depth: 0,
        }
    }

    /// `Option<X>`: layoutscope derives its niche from `X`'s (one value fewer), which nests
    /// into every type holding it.
    fn option(&mut self, need: Need) -> Ty {
        let inner = self.inner(need);
        Ty {
            zst: false,
            impure: true,
            ..inner.wrapped("Option<{}>", "std::option::Option<{}>")
        }
    }

    /// `Box<X>`, `&'static X` or `Vec<X>`: pointer-sized and pointer-aligned whatever `X` is.
    fn pointer(&mut self, need: Need) -> Ty {
        let inner_need = Need {
            trio: need.trio,
            ..Need::default()
        };
        let inner = self.inner(inner_need);
        let (src, rustc, copy) = *self.rng.pick(&[
            ("Box<{}>", "std::boxed::Box<{}>", false),
            ("&'static {}", "&{}", true),
            ("Vec<{}>", "std::vec::Vec<{}>", false),
        ]);
        Ty {
            copy,
            zst: false,
            align1: false,
            has_align: false,
            impure: true,
            opaque: false,
            ..inner.wrapped(src, rustc)
        }
    }

    /// A field type that satisfies `need`.
    fn field_ty(&mut self, need: Need) -> Ty {
        loop {
            let ty = match self.rng.weighted(self.recipe.fields) {
                Draw::Atom => Some(self.atom(ATOMS, need)),
                Draw::Array => Some(self.array(need)),
                Draw::Tuple => Some(self.tuple(need)),
                Draw::Option => Some(self.option(need)),
                Draw::Pointer => Some(self.pointer(need)),
                Draw::Helper => self.helper(need),
                Draw::Pool => self.pooled(need),
            };
            match ty {
                Some(ty) if ty.fits(need) => return ty,
                _ => {}
            }
        }
    }

    /// A field of type `ty` (marked `#[layout(opaque)]` when it needs it, and now and then
    /// when it does not; never in a type without layoutscope's derive, `helper`).
    fn field(&mut self, member: String, ty: &Ty, helper: bool) -> Field {
        let mut field = Field::new(member, ty.src.clone());
        if !helper && (ty.opaque || self.rng.chance(self.recipe.opaque)) {
            field.attrs.push("#[layout(opaque)]".to_owned());
        }
        field
    }

    fn zst1_ty(&mut self) -> Ty {
        let generated: Vec<Ty> = self
            .pool
            .iter()
            .map(|p| &p.ty)
            .filter(|t| t.zst && t.align1 && !t.has_align && !t.impure)
            .cloned()
            .collect();
        if !generated.is_empty() && self.rng.chance(30) {
            self.rng.pick(&generated).clone()
        } else {
            Ty::atom(self.rng.pick(ZST1))
        }
    }

    /// Member names: positions for tuple fields, distinct names (some raw) for named ones.
    fn members(&mut self, style: Style, n: usize) -> Vec<String> {
        match style {
            Style::Unit => Vec::new(),
            Style::Tuple => (0..n).map(|i| i.to_string()).collect(),
            Style::Named => {
                let mut names: Vec<String> = Vec::new();
                while names.len() < n {
                    let name = if self.rng.chance(12) {
                        *self.rng.pick(RAW_NAMES)
                    } else {
                        *self.rng.pick(NAMES)
                    };
                    if !names.iter().any(|m| m == name) {
                        names.push(name.to_owned());
                    }
                }
                names
            }
        }
    }

    /// Fields of `types` written in `style` (`helper`: in a type without layoutscope's
    /// derive).
    fn fields(&mut self, style: Style, types: &[Ty], helper: bool) -> Fields {
        let members = self.members(style, types.len());
        let fields = members
            .into_iter()
            .zip(types)
            .map(|(m, t)| self.field(m, t, helper))
            .collect();
        Fields { style, fields }
    }

    /// Adds a definition and the types it defines.
    fn push(&mut self, item: Item, derive: bool, types: Vec<Ty>) {
        let is_enum = matches!(item.body, Body::Enum(_));
        let counted = match self.recipe.counts {
            _ if !derive => false,
            Counts::StructsAndUnions => !is_enum,
            Counts::Enums => is_enum,
            Counts::All => true,
        };
        if counted {
            self.counted += types.len();
        }
        let instances = types
            .iter()
            .map(|t| Instance {
                src: t.src.clone(),
                rustc: t.rustc.clone(),
            })
            .collect();
        let empty = matches!(&item.body, Body::Enum(v) if v.is_empty());
        if !empty {
            self.pool
                .extend(types.into_iter().map(|ty| Pooled { ty, is_enum }));
        }
        self.items.push(Generated {
            consts: std::mem::take(&mut self.consts),
            item,
            derive,
            instances,
        });
    }

    /// The attributes of a type whose fields are `types`, and whether it is `Copy`.
    fn copy_attrs(&self, types: &[&Ty]) -> (Vec<String>, bool) {
        if self.recipe.copy && types.iter().all(|t| t.copy) {
            (vec!["#[derive(Clone, Copy)]".to_owned()], true)
        } else {
            (Vec::new(), false)
        }
    }

    /// A named, tuple or unit struct.
    fn structure(&mut self, style: Style, reprs: &[Repr], count: (usize, usize), nest: usize) {
        let name = self.name(match style {
            Style::Named => "S",
            Style::Tuple => "T",
            Style::Unit => "Z",
        });
        let mut repr = *self.rng.pick(reprs);
        if style == Style::Unit && repr == Repr::TRANSPARENT {
            repr = Repr::C;
        }
        let need = self.need(repr);
        let types: Vec<Ty> = match style {
            Style::Unit => Vec::new(),
            _ if repr == Repr::TRANSPARENT => {
                let main = self.field_ty(Need {
                    sized: true,
                    ..need
                });
                let mut types = vec![main];
                for _ in 0..self.rng.range(0, 2) {
                    let zst = self.zst1_ty();
                    types.push(zst);
                }
                self.rng.shuffle(&mut types);
                types
            }
            _ => {
                let n = self.rng.range(count.0, count.1);
                (0..n)
                    .map(|_| {
                        let nested = if self.rng.chance(nest) {
                            self.pooled(need)
                        } else {
                            None
                        };
                        nested.unwrap_or_else(|| self.field_ty(need))
                    })
                    .collect()
            }
        };
        let (attrs, copy) = self.copy_attrs(&types.iter().collect::<Vec<_>>());
        let fields = self.fields(style, &types, false);
        let ty = Ty {
            src: name.clone(),
            rustc: name.clone(),
            copy,
            zst: types.iter().all(|t| t.zst),
            align1: align1(repr, types.iter().all(|t| t.align1)),
            has_align: repr.aligned().is_some() || types.iter().any(|t| t.has_align),
            impure: repr.is_c() || types.iter().any(|t| t.impure),
            trio: self.recipe.trio,
            opaque: false,
            depth: depth(&types),
        };
        let item = Item {
            attrs,
            repr,
            vis: String::new(),
            name,
            params: Vec::new(),
            where_clause: String::new(),
            body: Body::Struct(fields),
        };
        self.push(item, true, vec![ty]);
    }

    /// A union of `Copy` fields.
    fn union(&mut self, reprs: &[Repr], count: (usize, usize)) {
        let name = self.name("U");
        let repr = *self.rng.pick(reprs);
        let need = Need {
            copy: true,
            ..self.need(repr)
        };
        let n = self.rng.range(count.0, count.1);
        let types: Vec<Ty> = (0..n).map(|_| self.field_ty(need)).collect();
        let fields = self.fields(Style::Named, &types, false).fields;
        let ty = Ty {
            src: name.clone(),
            rustc: name.clone(),
            copy: true,
            zst: types.iter().all(|t| t.zst),
            align1: align1(repr, types.iter().all(|t| t.align1)),
            has_align: repr.aligned().is_some() || types.iter().any(|t| t.has_align),
            impure: repr.is_c() || types.iter().any(|t| t.impure),
            trio: false,
            opaque: false,
            depth: depth(&types),
        };
        let item = Item {
            attrs: vec!["#[derive(Clone, Copy)]".to_owned()],
            repr,
            vis: String::new(),
            name,
            params: Vec::new(),
            where_clause: String::new(),
            body: Body::Union(fields),
        };
        self.push(item, true, vec![ty]);
    }

    /// `struct G<T, U, const N: usize>` with fields `T`, `U`, `[T; N]` and a few fixed types,
    /// instantiated as the recipe says (never more than `left` times).
    fn generic_struct(&mut self, reprs: &[Repr], fixed: (usize, usize), left: usize) {
        let name = self.name("G");
        let repr = *self.rng.pick(reprs);
        let need = self.need(repr);
        let mut shape = vec![GenericField::T, GenericField::U, GenericField::ArrayT];
        for _ in 0..self.rng.range(fixed.0, fixed.1) {
            let ty = self.field_ty(need);
            shape.push(GenericField::Fixed(ty));
        }
        self.rng.shuffle(&mut shape);
        let style = if self.rng.chance(70) {
            Style::Named
        } else {
            Style::Tuple
        };
        let members = self.members(style, shape.len());
        let fields = members
            .into_iter()
            .zip(&shape)
            .map(|(m, f)| match f {
                GenericField::T => Field::new(m, "T"),
                GenericField::U => Field::new(m, "U"),
                GenericField::ArrayT => Field::new(m, "[T; N]"),
                GenericField::Fixed(ty) => self.field(m, ty, false),
            })
            .collect();
        let item = Item {
            attrs: Vec::new(),
            repr,
            vis: String::new(),
            name: name.clone(),
            params: type_params(true),
            where_clause: String::new(),
            body: Body::Struct(Fields { style, fields }),
        };
        let arg_need = Need {
            layout: true,
            ..need
        };
        let types = self.instantiate(&name, left, arg_need, true, |t, u, n| {
            let mut ty = Ty {
                src: String::new(),
                rustc: String::new(),
                copy: false,
                zst: true,
                align1: true,
                has_align: repr.aligned().is_some(),
                impure: repr.is_c(),
                trio: t.trio && u.trio,
                opaque: false,
                depth: 0,
            };
            let mut parts: Vec<&Ty> = Vec::new();
            for f in &shape {
                let field_ty = match f {
                    GenericField::T | GenericField::ArrayT => t,
                    GenericField::U => u,
                    GenericField::Fixed(fixed) => fixed,
                };
                ty.zst &= field_ty.zst || matches!(f, GenericField::ArrayT) && n == Some(0);
                ty.align1 &= field_ty.align1;
                ty.has_align |= field_ty.has_align;
                ty.impure |= field_ty.impure;
                parts.push(field_ty);
            }
            ty.align1 = align1(repr, ty.align1);
            ty.depth = depth(parts);
            ty
        });
        self.push(item, true, types);
    }

    /// Up to the recipe's number of distinct instantiations `name<T, U[, N]>` (at most
    /// `left`); `flags` describes one from its arguments.
    fn instantiate(
        &mut self,
        name: &str,
        left: usize,
        need: Need,
        with_n: bool,
        flags: impl Fn(&Ty, &Ty, Option<usize>) -> Ty,
    ) -> Vec<Ty> {
        let (lo, hi) = self.recipe.instantiations;
        let wanted = self.rng.range(lo, hi).min(left.max(1));
        let mut made: Vec<Ty> = Vec::new();
        let mut attempts = 0;
        while made.len() < wanted && attempts < 20 {
            attempts += 1;
            let t = self.field_ty(need);
            let u = self.field_ty(need);
            let n = with_n.then(|| self.rng.range(0, 3));
            let tail = n.map_or(String::new(), |n| format!(", {n}"));
            let rustc = format!("{name}<{}, {}{tail}>", t.rustc, u.rustc);
            if made.iter().any(|m| m.rustc == rustc) {
                continue;
            }
            made.push(Ty {
                src: format!("{name}<{}, {}{tail}>", t.src, u.src),
                rustc,
                ..flags(&t, &u, n)
            });
        }
        made
    }

    /// The repr of an enum: `(C, integer, align)`.
    fn enum_repr(&mut self, r: EnumReprs) -> (bool, Option<IntRepr>, Option<usize>) {
        let roll = self.rng.below(100);
        let int_ty = *self.rng.pick(&IntRepr::ALL);
        let (c, int) = if roll < r.rust {
            (false, None)
        } else if roll < r.rust + r.c {
            (true, None)
        } else if roll < r.rust + r.c + r.int {
            (false, Some(int_ty))
        } else {
            (true, Some(int_ty))
        };
        let align = if self.rng.chance(r.align) {
            Some(*self.rng.pick(ALIGNS))
        } else {
            None
        };
        (c, int, align)
    }

    fn variant_idents(&mut self, n: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for i in 0..n {
            let pick = *self.rng.pick(VARIANT_NAMES);
            let taken = names.iter().any(|m| m == pick);
            if n <= 6 && !taken && self.rng.chance(30) {
                names.push(pick.to_owned());
            } else {
                names.push(format!("V{i}"));
            }
        }
        // `V3` may have been taken by position after a named pick: make names unique.
        let mut seen = HashSet::new();
        for (i, name) in names.iter_mut().enumerate() {
            if !seen.insert(name.clone()) {
                *name = format!("W{i}");
                seen.insert(name.clone());
            }
        }
        names
    }

    /// Discriminants for `n` variants of type `ty`: `(expression if explicit, value bits)`.
    /// `explicit` is the chance (percent) of an explicit value; `extremes` starts with one.
    fn discriminants(
        &mut self,
        n: usize,
        ty: IntRepr,
        explicit: usize,
        extremes: bool,
    ) -> Vec<(Option<String>, u128)> {
        let mut used: HashSet<u128> = HashSet::new();
        let mut out = Vec::with_capacity(n);
        let mut prev: Option<u128> = None;
        for i in 0..n {
            let implicit = match prev {
                None => Some(0),
                Some(p) if p == ty.max_bits() => None,
                Some(p) => Some(p.wrapping_add(1)),
            }
            .filter(|v| !used.contains(v));
            let want_explicit = (i == 0 && extremes) || self.rng.chance(explicit);
            let (expr, value) = match implicit {
                Some(v) if !want_explicit => (None, v),
                _ => {
                    let v = self.fresh_value(ty, &used, extremes);
                    (Some(self.expression(ty, v)), v)
                }
            };
            used.insert(value);
            prev = Some(value);
            out.push((expr, value));
        }
        out
    }

    /// An unused value of `ty`, preferably an interesting one.
    fn fresh_value(&mut self, ty: IntRepr, used: &HashSet<u128>, extremes: bool) -> u128 {
        for _ in 0..40 {
            let v = self.interesting(ty, extremes);
            if !used.contains(&v) {
                return v;
            }
        }
        // Dense enums (256 variants of a `u8`): take the first free value.
        let mut v = ty.min_bits();
        while used.contains(&v) {
            v = v.wrapping_add(1);
        }
        v
    }

    fn interesting(&mut self, ty: IntRepr, extremes: bool) -> u128 {
        let fits = |v: i128| -> Option<u128> {
            let bits = v as u128;
            let ok = if ty.signed() {
                !less(ty, bits, ty.min_bits()) && !less(ty, ty.max_bits(), bits)
            } else {
                v >= 0 && bits <= ty.max_bits()
            };
            ok.then_some(bits)
        };
        let roll = if extremes {
            self.rng.below(4)
        } else {
            self.rng.below(12)
        };
        let candidate = match roll {
            0 => Some(ty.max_bits()),
            1 => Some(ty.min_bits()),
            2 => Some(ty.max_bits().wrapping_sub(1)),
            3 => Some(ty.min_bits().wrapping_add(1)),
            4 => fits(-1),
            5 => fits(-(self.rng.range(2, 300) as i128)),
            6 => fits(
                *self
                    .rng
                    .pick(&[127, 128, 200, 255, 256, 404, 1000, 65535, 65536]),
            ),
            7 => {
                let wide = (self.rng.next_u64() as u128) << 64 | self.rng.next_u64() as u128;
                let shift = 128 - ty.bits();
                let bits = if ty.signed() {
                    (((wide << shift) as i128) >> shift) as u128
                } else {
                    (wide << shift) >> shift
                };
                Some(bits)
            }
            8 => fits(1i128 << self.rng.below(ty.bits() as usize - 1)),
            _ => fits(self.rng.below(1000) as i128),
        };
        candidate.unwrap_or(0)
    }

    /// A discriminant expression of type `ty` with value `v`.
    fn expression(&mut self, ty: IntRepr, v: u128) -> String {
        let literal = display(ty, v);
        let negative = literal.starts_with('-');
        match self.rng.below(11) {
            0 | 1 if v == ty.max_bits() => format!("{ty}::MAX"),
            0 | 1 if v == ty.min_bits() && ty.signed() => format!("{ty}::MIN"),
            2 if !negative => format!("{v:#x}"),
            3 => format!("{literal}{ty}"),
            4 if v.is_power_of_two() && v > 1 && !negative => {
                format!("1 << {}", v.trailing_zeros())
            }
            5 | 6 => {
                let k = self.rng.range(1, 9) as u128;
                let a = v.wrapping_sub(k);
                if less(ty, a, v) && !less(ty, a, ty.min_bits()) {
                    let a = display(ty, a);
                    format!("{a} + {k}")
                } else {
                    literal
                }
            }
            7 if !self.standalone => {
                let name = self.name("K");
                self.consts.push(format!("const {name}: {ty} = {literal};"));
                name
            }
            8 => format!("({literal})"),
            _ => literal,
        }
    }

    /// An enum without fields of `n` variants (`helper`: without layoutscope's derive).
    fn fieldless(&mut self, reprs: EnumReprs, n: usize, helper: bool) {
        let name = self.name("E");
        // `repr(C, u8)` on a fieldless enum is denied (`conflicting_repr_hints`).
        let (c, int, align) = self.enum_repr(reprs);
        let c = c && int.is_none();
        let ty = int.unwrap_or(IntRepr::Isize);
        let capacity = if ty.bits() == 8 { 256 } else { usize::MAX };
        let n = n.min(capacity);
        let (explicit, extremes) = match self.rng.below(10) {
            0..=3 => (0, false),
            4..=5 => (100, false),
            6..=7 => (30, false),
            _ => (20, true),
        };
        let discs = self.discriminants(n, ty, explicit, extremes && n <= 20);
        let idents = self.variant_idents(n);
        let variants = idents
            .into_iter()
            .zip(discs)
            .map(|(ident, (expr, value))| Variant {
                attrs: Vec::new(),
                ident,
                fields: Fields::default(),
                discriminant: expr,
                value: Some(value),
            })
            .collect();
        let repr = enum_repr(c, int, align);
        self.finish_enum(name, repr, variants, helper, &[]);
    }

    /// An enum of `n` variants, some with fields (`helper`: without layoutscope's derive,
    /// with `Copy` fields).
    fn data_enum(&mut self, reprs: EnumReprs, n: usize, helper: bool) {
        let name = self.name("E");
        let (mut c, int, align) = self.enum_repr(reprs);
        let discs = if int.is_some() && self.rng.chance(40) {
            let extremes = self.rng.chance(30);
            self.discriminants(n, int.unwrap_or(IntRepr::Isize), 40, extremes)
        } else {
            (0..n).map(|i| (None, i as u128)).collect()
        };
        let idents = self.variant_idents(n);
        let need = Need {
            copy: helper,
            ..self.need(Repr::RUST)
        };
        let mut variants = Vec::new();
        let mut all = Vec::new();
        for (ident, (expr, value)) in idents.into_iter().zip(discs) {
            let style = match self.rng.below(100) {
                0..=29 => Style::Unit,
                30..=64 => Style::Tuple,
                _ => Style::Named,
            };
            let count = match style {
                Style::Unit => 0,
                _ if self.rng.chance(self.recipe.empty_variants) => 0,
                _ => self.rng.range(1, 3),
            };
            let types: Vec<Ty> = (0..count).map(|_| self.field_ty(need)).collect();
            let fields = self.fields(style, &types, helper);
            all.extend(types);
            variants.push(Variant {
                attrs: Vec::new(),
                ident,
                fields,
                discriminant: expr,
                value: Some(value),
            });
        }
        if all.is_empty() && int.is_some() {
            // No data after all: `repr(C, int)` would be denied (`conflicting_repr_hints`).
            c = false;
        }
        let repr = enum_repr(c, int, align);
        let all: Vec<&Ty> = all.iter().collect();
        self.finish_enum(name, repr, variants, helper, &all);
    }

    /// `enum GE<T, U[, const N: usize]>` with two to four variants, instantiated as the
    /// recipe says (at most `left` times).
    fn generic_enum(&mut self, reprs: EnumReprs, left: usize) {
        let name = self.name("GE");
        let (c, int, align) = self.enum_repr(reprs);
        let repr = enum_repr(c, int, align);
        let with_n = self.rng.chance(30);
        let n = self.rng.range(2, 4);
        let idents = self.variant_idents(n);
        // Every parameter must be used: `T` in one variant, `U` in another (or the same).
        let t_at = self.rng.below(n);
        let u_at = self.rng.below(n);
        let need = self.need(repr);
        let mut variants = Vec::new();
        let mut fixed: Vec<Ty> = Vec::new();
        for (i, ident) in idents.into_iter().enumerate() {
            let mut style =
                *self
                    .rng
                    .pick(&[Style::Unit, Style::Tuple, Style::Tuple, Style::Named]);
            if style == Style::Unit && (i == t_at || i == u_at) {
                style = Style::Tuple;
            }
            let count = if style == Style::Unit {
                0
            } else {
                self.rng.range(1, 3)
            };
            let param = |src: &'static str| Ty::atom(&(src, src, 0));
            let mut types: Vec<Ty> = (0..count)
                .map(|_| match self.rng.below(8) {
                    0 | 1 => param("T"),
                    2 => param("U"),
                    3 if with_n => param("[T; N]"),
                    3 => param("[T; 2]"),
                    4 => param("Option<T>"),
                    5 => param("(U, u8)"),
                    _ => {
                        let ty = self.field_ty(need);
                        fixed.push(ty.clone());
                        ty
                    }
                })
                .collect();
            if i == t_at {
                let at = self.rng.range(0, types.len());
                types.insert(at, param("T"));
            }
            if i == u_at {
                let at = self.rng.range(0, types.len());
                types.insert(at, param("U"));
            }
            let fields = self.fields(style, &types, false);
            variants.push(Variant {
                attrs: Vec::new(),
                ident,
                fields,
                discriminant: None,
                value: Some(i as u128),
            });
        }
        let mut params = type_params(with_n);
        if !with_n {
            params.truncate(2);
        }
        let item = Item {
            attrs: Vec::new(),
            repr,
            vis: String::new(),
            name: name.clone(),
            params,
            where_clause: String::new(),
            body: Body::Enum(variants),
        };
        let arg_need = Need {
            layout: true,
            ..need
        };
        let trio = self.recipe.trio;
        let types = self.instantiate(&name, left, arg_need, with_n, |t, u, _| {
            let parts = [t, u].into_iter().chain(&fixed);
            Ty {
                src: String::new(),
                rustc: String::new(),
                copy: false,
                zst: false,
                align1: false,
                has_align: true,
                impure: true,
                trio,
                opaque: false,
                depth: depth(parts),
            }
        });
        self.push(item, true, types);
    }

    /// `enum Void {}`: compared, never nested (it cannot be constructed).
    fn empty_enum(&mut self) {
        let name = self.name("Void");
        self.finish_enum(name, Repr::RUST, Vec::new(), false, &[]);
    }

    /// Adds an enum of `variants` whose fields are `fields`.
    fn finish_enum(
        &mut self,
        name: String,
        repr: Repr,
        variants: Vec<Variant>,
        helper: bool,
        fields: &[&Ty],
    ) {
        // The tag is one byte unless a repr says otherwise (at most 256 variants, or a niche).
        let one_byte_tag = match repr.int_type() {
            Some(int) => int.size() == 1,
            None => !repr.is_c() && variants.len() <= 256,
        };
        let ty = Ty {
            src: name.clone(),
            rustc: name.clone(),
            copy: helper,
            zst: variants.len() == 1 && fields.is_empty() && repr.is_default(),
            align1: repr.aligned().is_none() && one_byte_tag && fields.iter().all(|t| t.align1),
            has_align: repr.aligned().is_some() || fields.iter().any(|t| t.has_align),
            impure: true,
            trio: self.recipe.trio,
            opaque: helper,
            depth: depth(fields.iter().copied()),
        };
        let attrs = if helper {
            vec!["#[derive(Clone, Copy)]".to_owned()]
        } else {
            Vec::new()
        };
        let item = Item {
            attrs,
            repr,
            vis: String::new(),
            name,
            params: Vec::new(),
            where_clause: String::new(),
            body: Body::Enum(variants),
        };
        self.push(item, !helper, vec![ty]);
    }
}

/// `<T, U, const N: usize>`.
fn type_params(with_n: bool) -> Vec<Param> {
    let mut params = vec![
        Param::new(ParamKind::Type, "T"),
        Param::new(ParamKind::Type, "U"),
    ];
    if with_n {
        params.push(Param::new(ParamKind::Const, "const N: usize"));
    }
    params
}

/// Whether a type with this repr and fields of these alignments is 1-aligned.
fn align1(repr: Repr, fields_align1: bool) -> bool {
    repr.aligned().is_none() && (repr.packed() == Some(1) || fields_align1)
}

/// The depth of a generated type with fields of `types`: one more than the deepest.
fn depth<'a>(types: impl IntoIterator<Item = &'a Ty>) -> usize {
    1 + types.into_iter().map(|t| t.depth).max().unwrap_or(0)
}

/// The repr of generated parts, whose alignments are powers of two.
fn enum_repr(c: bool, int: Option<IntRepr>, align: Option<usize>) -> Repr {
    let repr = match (c, int) {
        (false, None) => Repr::RUST,
        (true, None) => Repr::C,
        (false, Some(int)) => Repr::int(int),
        (true, Some(int)) => Repr::c_int(int),
    };
    match align {
        Some(n) => repr.with_align(n),
        None => repr,
    }
}

/// Whether `a < b` for values of `int` given as 128-bit two's complement bits.
pub fn less(int: IntRepr, a: u128, b: u128) -> bool {
    if int.signed() {
        (a as i128) < (b as i128)
    } else {
        a < b
    }
}

/// The value `bits` of `int` as a decimal number.
pub fn display(int: IntRepr, bits: u128) -> String {
    if int.signed() {
        (bits as i128).to_string()
    } else {
        bits.to_string()
    }
}

#[cfg(test)]
mod tests;
