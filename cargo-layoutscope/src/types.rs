//! What the debug info says about each type, in owned data keyed by the type's full name: the
//! middle step between the DWARF reader and the layout model.

use std::collections::BTreeMap;

/// Every type found, by full name (`probe::Data`, `alloc::vec::Vec<i32, alloc::alloc::Global>`).
#[derive(Debug, Default)]
pub struct Types {
    /// The types, by full name.
    pub by_name: BTreeMap<String, Ty>,
    /// Names that two compile units defined with different sizes or alignments (two versions
    /// of one crate); such a type is left out rather than reported with either layout.
    pub conflicts: Vec<String>,
    /// The pointer width in bytes.
    pub address_size: u64,
    /// Whether the compile units read had type information at all.
    pub saw_units: usize,
}

/// The key of a wide pointer's data pointer: `*const T` and this marker. rustc gives that
/// pointer no name, and the name it would have, `*const T`, is also the name of the wide raw
/// pointer `*const T` (a struct of the data pointer and the metadata) wherever the package
/// uses one; a key of its own keeps the two apart. No name rustc writes contains the marker,
/// and [`shown`] drops it.
pub const DATA_POINTER: &str = " (data pointer)";

/// The name a type is shown by: its key without [`DATA_POINTER`].
pub fn shown(key: &str) -> &str {
    key.strip_suffix(DATA_POINTER).unwrap_or(key)
}

/// One type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ty {
    /// The full name.
    pub name: String,
    /// `size_of`.
    pub size: u64,
    /// `align_of`, where the debug info says it (`None` for primitives that are never a field
    /// anywhere: DWARF gives base types no alignment of their own).
    pub align: Option<u64>,
    /// What the bytes hold.
    pub shape: Shape,
    /// Whether the type comes from the selected package's own compile units.
    pub own: bool,
    /// Whether size and alignment are confirmed. rustc describes a fieldless enum by its
    /// tag, also under `repr(align(N))`; only a field of that type shows the real alignment.
    /// A fieldless enum that is nowhere a field is reported with this flag off.
    pub confirmed: bool,
}

/// What a type's bytes hold, as DWARF describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A struct, tuple, closure environment or wide pointer.
    Struct(Vec<Member>),
    /// A union.
    Union(Vec<Member>),
    /// A Rust enum (a structure with a variant part) or an `async` state machine.
    Enum {
        /// The member that holds the tag or niche; `None` for an enum laid out as one variant.
        discr: Option<Discr>,
        /// The variants in declaration order.
        variants: Vec<VariantInfo>,
    },
    /// A fieldless enum (`DW_TAG_enumeration_type`).
    Fieldless {
        /// The integer the discriminant is stored as.
        int: BaseInt,
        /// The variants and their discriminants (as bits of `int`, sign-extended).
        variants: Vec<(String, u128)>,
    },
    /// A primitive.
    Base(BaseKind),
    /// A thin pointer, reference or `Box`.
    Pointer,
    /// `[T; N]`.
    Array {
        /// The element type's name.
        element: String,
        /// `N`.
        len: u64,
    },
}

/// A primitive's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseKind {
    /// An integer.
    Int(BaseInt),
    /// A float.
    Float,
    /// `bool`.
    Bool,
    /// `char`.
    Char,
    /// `()` and other zero-sized primitives.
    Unit,
}

/// An integer type: its size and signedness.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BaseInt {
    /// Size in bytes.
    pub size: u64,
    /// Signed.
    pub signed: bool,
}

impl BaseInt {
    /// Reads `raw` (a value of `width` bytes as the debug info stores it) as bits of this
    /// integer sign- or zero-extended to 128 bits.
    pub fn extend(self, raw: u128, width: u64) -> u128 {
        let width = width.min(16);
        if width == 16 {
            return raw;
        }
        let bits = width * 8;
        let raw = raw & ((1u128 << bits) - 1);
        if self.signed && raw >> (bits - 1) == 1 {
            raw | !((1u128 << bits) - 1)
        } else {
            raw
        }
    }
}

/// One field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// The name (`0`, `1`… for positional fields).
    pub name: String,
    /// The type's full name.
    pub ty: String,
    /// Offset from the start of the outermost value (for a variant: of the enum).
    pub offset: u64,
}

/// The member of an enum that the variant part reads to find the variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Discr {
    /// Byte offset.
    pub offset: u64,
    /// The integer it is read as.
    pub int: BaseInt,
}

/// One variant of a Rust enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariantInfo {
    /// The name (`Unresumed`, `Suspend0`… for a future's states).
    pub name: String,
    /// The value the discriminant member holds for this variant (`DW_AT_discr_value`), as bits
    /// of the member's integer; `None` for the variant that is not encoded (the untagged one).
    pub value: Option<u128>,
    /// The fields, at offsets from the start of the enum.
    pub fields: Vec<Member>,
}
