//! What the oracle compares: one [`Instance`] per concrete struct or union and one
//! [`EnumInstance`] per concrete enum, carrying what each oracle needs to find that type again
//! (its source text, the name rustc prints for it, its fields; for enums its repr and its
//! variants with their discriminants), and the [`Definition`]s the enum probe writes value
//! constructors for.

/// How rustc lays a type out: tuple and unit structs are structs too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One variant whose fields follow each other.
    Struct,
    /// All fields at offset 0.
    Union,
}

/// One declared field, in declaration order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRef {
    /// How the field is named in `offset_of!` (`a`, `r#type`, `0`).
    pub member: String,
    /// How layoutscope and rustc's `-Zprint-type-sizes` name it (`a`, `type`, `0`).
    pub name: String,
}

impl FieldRef {
    /// A field named as written; `r#` is dropped from the reported name.
    pub fn new(member: &str) -> FieldRef {
        FieldRef {
            member: member.to_owned(),
            name: member.strip_prefix("r#").unwrap_or(member).to_owned(),
        }
    }
}

/// Where a type comes from, for mismatch reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The random generator.
    Generated,
    /// A hand-written case file or a saved reproducer (its path under `oracle/`).
    Case(&'static str),
}

/// One concrete type to compare.
#[derive(Clone, Debug)]
pub struct Instance {
    /// The type as written in Rust source (`G3<u8, [u16; 2], 1>`).
    pub ty: String,
    /// The type as rustc prints it in `-Zprint-type-sizes` and `layout_of(..)`
    /// (`G3<std::option::Option<u32>, 1>`): paths of std types are spelled out.
    pub rustc_name: String,
    /// Struct or union.
    pub kind: Kind,
    /// The declared fields, in declaration order.
    pub fields: Vec<FieldRef>,
    /// Generator or case file.
    pub origin: Origin,
}

/// How a struct or variant is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `V` / `struct S;`.
    Unit,
    /// `V(A, B)`.
    Tuple,
    /// `V { a: A }`.
    Named,
}

/// An integer type that can be an enum's `repr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntTy {
    /// As written in `repr(..)`.
    pub name: &'static str,
    /// Width in bits (`usize` and `isize`: the target's pointer width).
    pub bits: u32,
    /// Signed or not.
    pub signed: bool,
}

const PTR_BITS: u32 = usize::BITS;

/// Every integer `repr`.
pub const INT_TYPES: [IntTy; 12] = [
    IntTy::new("u8", 8, false),
    IntTy::new("u16", 16, false),
    IntTy::new("u32", 32, false),
    IntTy::new("u64", 64, false),
    IntTy::new("u128", 128, false),
    IntTy::new("usize", PTR_BITS, false),
    IntTy::new("i8", 8, true),
    IntTy::new("i16", 16, true),
    IntTy::new("i32", 32, true),
    IntTy::new("i64", 64, true),
    IntTy::new("i128", 128, true),
    IntTy::new("isize", PTR_BITS, true),
];

/// `isize`: the discriminant type of enums without an integer `repr`.
pub const ISIZE: IntTy = IntTy::new("isize", PTR_BITS, true);

impl IntTy {
    const fn new(name: &'static str, bits: u32, signed: bool) -> IntTy {
        IntTy { name, bits, signed }
    }

    /// The integer type named `name`.
    pub fn named(name: &str) -> Option<IntTy> {
        INT_TYPES.iter().copied().find(|t| t.name == name)
    }

    /// The smallest value, as 128-bit two's complement bits (sign-extended).
    pub fn min_bits(self) -> u128 {
        if self.signed {
            (-1i128 << (self.bits - 1)) as u128
        } else {
            0
        }
    }

    /// The largest value, as bits.
    pub fn max_bits(self) -> u128 {
        if self.signed {
            (u128::MAX >> (129 - self.bits)) & (i128::MAX as u128)
        } else {
            u128::MAX >> (128 - self.bits)
        }
    }

    /// Whether `a < b` for values of this type given as bits.
    pub fn less(self, a: u128, b: u128) -> bool {
        if self.signed {
            (a as i128) < (b as i128)
        } else {
            a < b
        }
    }

    /// The value `bits` as a decimal number of this type.
    pub fn display(self, bits: u128) -> String {
        if self.signed {
            (bits as i128).to_string()
        } else {
            bits.to_string()
        }
    }
}

/// An enum's `repr`, as far as the oracle needs it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EnumRepr {
    /// `repr(C)` (alone or with an integer).
    pub c: bool,
    /// `repr(u8)` & co.
    pub int: Option<IntTy>,
    /// `repr(align(N))`.
    pub align: Option<u64>,
}

impl EnumRepr {
    /// `repr(C)` or an integer repr: RFC 2195 specifies the layout of the enum's data.
    pub fn explicit(&self) -> bool {
        self.c || self.int.is_some()
    }

    /// The type of the discriminant values (`isize` without an integer repr).
    pub fn discriminant_type(&self) -> IntTy {
        self.int.unwrap_or(ISIZE)
    }

    /// The `#[repr(..)]` attribute, if any.
    pub fn attr(&self) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        if self.c {
            parts.push("C".to_owned());
        }
        if let Some(int) = self.int {
            parts.push(int.name.to_owned());
        }
        if let Some(n) = self.align {
            parts.push(format!("align({n})"));
        }
        (!parts.is_empty()).then(|| format!("#[repr({})]", parts.join(", ")))
    }
}

/// One variant of an enum, in declaration order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariantSpec {
    /// The identifier as written (`r#type` keeps its `r#`).
    pub ident: String,
    /// The name layoutscope and rustc report (`type`).
    pub name: String,
    /// Unit, tuple or struct-like.
    pub style: Style,
    /// The fields in declaration order.
    pub fields: Vec<FieldRef>,
    /// The discriminant the source gives it, as 128-bit two's complement bits, when the
    /// oracle knows it (every generated enum; literal and implicit values in case files).
    pub discriminant: Option<u128>,
    /// `false` for variants that cannot be constructed (a field of type `Infallible`).
    pub inhabited: bool,
}

/// What layoutscope's derive can know about an enum's layout, by repr and data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EnumKind {
    /// No variants.
    Empty,
    /// No variant has fields: the tag is the value.
    Fieldless,
    /// Data with `repr(C)` or an integer repr: specified by RFC 2195.
    ExplicitData,
    /// Data with `repr(Rust)`: unspecified.
    RustData,
}

impl EnumKind {
    /// Every kind, for reports.
    pub const ALL: [EnumKind; 4] = [
        EnumKind::Fieldless,
        EnumKind::ExplicitData,
        EnumKind::RustData,
        EnumKind::Empty,
    ];

    /// A short name for reports.
    pub fn label(self) -> &'static str {
        match self {
            EnumKind::Empty => "empty",
            EnumKind::Fieldless => "fieldless",
            EnumKind::ExplicitData => "data, explicit repr",
            EnumKind::RustData => "data, repr(Rust)",
        }
    }
}

/// One concrete enum type to compare.
#[derive(Clone, Debug)]
pub struct EnumInstance {
    /// The type as written in Rust source.
    pub ty: String,
    /// The type as rustc prints it in `-Zprint-type-sizes` and `layout_of(..)`.
    pub rustc_name: String,
    /// The enum's repr.
    pub repr: EnumRepr,
    /// The variants in declaration order.
    pub variants: Vec<VariantSpec>,
    /// Generator or case file.
    pub origin: Origin,
}

impl EnumInstance {
    /// What the derive can know about this enum.
    pub fn kind(&self) -> EnumKind {
        if self.variants.is_empty() {
            EnumKind::Empty
        } else if self.variants.iter().all(|v| v.fields.is_empty()) {
            EnumKind::Fieldless
        } else if self.repr.explicit() {
            EnumKind::ExplicitData
        } else {
            EnumKind::RustData
        }
    }

    /// Only unit variants: `as` casts to integers are allowed.
    /// Whether some variant has a field (the derive implements `LayoutOfVal` only then).
    pub fn has_fields(&self) -> bool {
        self.variants.iter().any(|v| !v.fields.is_empty())
    }

    pub fn unit_only(&self) -> bool {
        !self.variants.is_empty() && self.variants.iter().all(|v| v.style == Style::Unit)
    }

    /// Whether the bytes of the tag of a live value are initialised by specification, so that
    /// the probe may read them: fieldless enums and explicit reprs (RFC 2195).
    pub fn tag_readable(&self) -> bool {
        matches!(self.kind(), EnumKind::Fieldless | EnumKind::ExplicitData)
    }
}

/// A generic parameter of a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// `T` or `T: Bound`: the declaration as written, and the name.
    Type {
        /// `T`.
        name: String,
        /// `T: Copy`.
        decl: String,
    },
    /// `const N: usize`.
    Const {
        /// `N`.
        name: String,
        /// `const N: usize`.
        decl: String,
    },
}

/// The shape of a type definition, enough to write a value constructor for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// A struct: its style and members as written.
    Struct {
        /// Unit, tuple or named.
        style: Style,
        /// Field members (`a`, `r#type`, `0`).
        members: Vec<String>,
    },
    /// A union: the member its constructor initialises.
    Union {
        /// The first field.
        first: String,
    },
    /// An enum: its variants.
    Enum {
        /// The variants, in declaration order.
        variants: Vec<VariantSpec>,
    },
}

/// A type definition (generic ones once), for which the probe writes a value constructor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The type's name.
    pub name: String,
    /// Its generic parameters.
    pub params: Vec<Param>,
    /// Its shape.
    pub body: Body,
}
