//! What each mix writes: the kinds of definitions by weight, with their reprs and sizes, and
//! how field types are drawn.

use layout_core::Repr;

use super::Mix;
use crate::model::Style;

/// What a mix writes: kinds of definitions by weight, and how fields are drawn.
#[derive(Clone, Copy)]
pub(super) struct Recipe {
    pub(super) kinds: &'static [(usize, Kind)],
    /// The field types a container draws, by weight.
    pub(super) fields: &'static [(usize, Draw)],
    /// Percent of the elements of arrays, `Option`s and pointers drawn from earlier types.
    pub(super) inner_pool: usize,
    /// Percent of the draws from earlier types that take an enum when there is one.
    pub(super) prefer_enums: usize,
    /// Earlier types nest at most this deep.
    pub(super) max_depth: usize,
    /// Percent of describable fields marked `#[layout(opaque)]` all the same.
    pub(super) opaque: usize,
    /// Every type derives `Debug`, `Clone` and `PartialEq` (so its fields must implement
    /// them, and a packed type's fields must be `Copy`).
    pub(super) trio: bool,
    /// Types whose fields are all `Copy` derive `Clone` and `Copy`.
    pub(super) copy: bool,
    /// Percent of tuple and struct-like variants written without fields (`V()`, `V {}`).
    pub(super) empty_variants: usize,
    /// Instantiations of each generic definition.
    pub(super) instantiations: (usize, usize),
    /// Which types `count` counts.
    pub(super) counts: Counts,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Counts {
    StructsAndUnions,
    Enums,
    All,
}

/// One kind of definition.
#[derive(Clone, Copy)]
pub(super) enum Kind {
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
pub(super) struct EnumReprs {
    pub(super) rust: usize,
    pub(super) c: usize,
    pub(super) int: usize,
    pub(super) align: usize,
}

/// A field type's class.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Draw {
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
pub(super) const HELPER_COUNTS: &[usize] =
    &[1, 2, 3, 17, 128, 200, 239, 240, 241, 250, 254, 255, 256];

/// Variant counts of enums with data.
const DATA_COUNTS: &[usize] = &[1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9];

pub(super) const ALIGNS: &[usize] = &[1, 2, 4, 8, 16, 32];

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

/// The oracle's struct batches.
const STRUCTS_RECIPE: Recipe = Recipe {
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
};

/// The oracle's enum batches: enums nest in each other and in structs.
const ENUMS_RECIPE: Recipe = Recipe {
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
    opaque: 0,
    copy: false,
    counts: Counts::Enums,
    ..STRUCTS_RECIPE
};

/// The benchmark's crate: mostly plain fields, nesting at most four deep, every type able to
/// derive the std trio, no empty `V()` variants (rare in real code).
const BENCH_RECIPE: Recipe = Recipe {
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
    max_depth: 4,
    trio: true,
    empty_variants: 0,
    instantiations: (1, 1),
    counts: Counts::All,
    ..ENUMS_RECIPE
};

impl Recipe {
    pub(super) fn of(mix: Mix) -> Recipe {
        match mix {
            Mix::Structs => STRUCTS_RECIPE,
            Mix::Enums => ENUMS_RECIPE,
            Mix::Bench => BENCH_RECIPE,
        }
    }
}
