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

mod discriminants;
mod enums;
mod fields;
mod recipe;
mod structs;

use std::fmt::Write as _;

pub use discriminants::{display, less};
use recipe::{Counts, EnumReprs, Kind, Recipe, HELPER_COUNTS};

use crate::model::{Body, Fields, Item, Style};
use crate::rng::Rng;
use crate::types::Ty;

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
    /// The benchmark's crate: named structs with 3–12 fields in
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
}

#[cfg(test)]
mod tests;
