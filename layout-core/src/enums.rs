//! Enums: variants, discriminants, tags, and what is known about where they live.
//!
//! | enum | tag | variant field offsets | niche |
//! |---|---|---|---|
//! | fieldless, any repr | the whole value (exact) | — | exact: the values outside the discriminants' range |
//! | data, `repr(u8)`…, `repr(C)`, `repr(C, u8)` | exact (RFC 2195) | exact, from `repr(C)` shadow types checked against the enum's size and align | exact: the tag's unused values |
//! | data, `repr(Rust)` | unknown | unknown in `const`; exact for a live value through [`LayoutOfVal`] | count measured, location unknown |
//!
//! rustc does not specify where a `repr(Rust)` enum keeps its tag (it may hide it in a niche
//! of a field), and reading the bytes of a value to find out would read uninitialised padding,
//! which is undefined behaviour. So layoutscope does not claim those facts.

use crate::model::{Field, Layout, Repr, Shape, TypeLayout};
use crate::niche::{LargestNiche, Niche, NicheSummary, UnknownReason};
use core::mem::{align_of, size_of};

/// One variant of an enum.
#[derive(Clone, Copy, Debug)]
pub struct Variant {
    /// The variant's name.
    pub name: &'static str,
    /// The discriminant value.
    pub discriminant: Discriminant,
    /// [`Shape::Struct`], [`Shape::TupleStruct`] or [`Shape::UnitStruct`], like the variant's
    /// syntax.
    pub shape: Shape,
    /// The variant's fields in declaration order; their offsets are meaningful only when
    /// [`Variant::offsets`] is [`Offsets::Exact`].
    pub fields: &'static [Field],
    /// Whether the field offsets are known in `const`.
    pub offsets: Offsets,
}

/// Whether the offsets of a variant's fields are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offsets {
    /// The layout is specified (explicit repr): the offsets are exact.
    Exact,
    /// `repr(Rust)`: unknown in `const`; see [`LayoutOfVal`] for a live value.
    Unknown,
}

/// A discriminant, as the bits of its integer type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Discriminant {
    /// The value, sign-extended to 128 bits for signed types.
    pub bits: u128,
    /// Whether the discriminant type is signed (`isize` without an integer repr).
    pub signed: bool,
}

impl Discriminant {
    /// The value as a signed number (for signed discriminant types).
    pub const fn as_i128(self) -> i128 {
        self.bits as i128
    }
}

impl core::fmt::Display for Discriminant {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.signed {
            write!(f, "{}", self.as_i128())
        } else {
            write!(f, "{}", self.bits)
        }
    }
}

/// Where an enum keeps its tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// No tag: a struct, a union, an enum with at most one variant laid out like a struct,
    /// or a leaf.
    None,
    /// The tag is an integer of `size` bytes at `offset`, holding the discriminant.
    Direct {
        /// Byte offset.
        offset: usize,
        /// Size in bytes.
        size: usize,
    },
    /// A `repr(Rust)` enum with data: rustc may store the tag directly or encode it in a niche
    /// of a field; neither is specified, so the location is unknown.
    Unknown,
}

/// Facts from the derive about an enum with an explicit layout, checked against rustc.
#[derive(Clone, Copy, Debug)]
pub struct Shadow {
    /// `size_of` the shadow `repr(C)` type that RFC 2195 says the enum is laid out as.
    pub size: usize,
    /// `align_of` the shadow type.
    pub align: usize,
    /// `size_of` the tag integer (measured on a fieldless enum with the same repr).
    pub tag_size: usize,
}

impl Shadow {
    /// The facts of shadow type `S` with tag type `T`.
    pub const fn of<S, T>() -> Shadow {
        Shadow {
            size: size_of::<S>(),
            align: align_of::<S>(),
            tag_size: size_of::<T>(),
        }
    }
}

/// The layout of enum `E`.
///
/// `shadow` is `Some` for enums whose layout is specified (fieldless enums of any repr, and
/// data enums with `repr(C)` or an integer repr); their tag is then exact and a disagreement
/// between the shadow and the compiler fails the build.
pub const fn enumeration<E>(
    name: &'static str,
    repr: Repr,
    variants: &'static [Variant],
    shadow: Option<Shadow>,
) -> TypeLayout {
    let size = size_of::<E>();
    let (tag, largest) = match shadow {
        Some(shadow) => {
            if shadow.size != size || shadow.align != align_of::<E>() {
                panic!("layoutscope: the enum's layout differs from its RFC 2195 shadow; please report this type");
            }
            let (tag, largest) = tagged(variants, shadow.tag_size);
            (tag, agreeing_with_probes::<E>(largest))
        }
        None if variants.len() <= 1 => (
            Tag::None,
            NicheSummary::probed::<E>(UnknownReason::Opaque).largest,
        ),
        None => (
            Tag::Unknown,
            NicheSummary::probed::<E>(UnknownReason::EnumTag).largest,
        ),
    };
    TypeLayout {
        name,
        type_name: core::any::type_name::<E>,
        size,
        align: align_of::<E>(),
        repr,
        shape: Shape::Enum,
        fields: &[],
        variants,
        tag,
        niche: NicheSummary::checked::<E>(largest),
    }
}

/// A tag of `tag_size` bytes at offset 0 whose valid values are the tightest range that holds
/// every discriminant, as rustc 1.95 computes it: the signed range for signed discriminant
/// types; for unsigned ones, the signed view of the same bits when it is not wider than the
/// unsigned range (so `repr(u8)` with `0` and `255` is valid in `255..=0`, wrapping).
const fn tagged(variants: &'static [Variant], tag_size: usize) -> (Tag, LargestNiche) {
    if variants.is_empty() || tag_size == 0 {
        return (Tag::None, LargestNiche::None);
    }
    let mask = Niche::scalar(tag_size, 0, 0).max_value();
    let bits = (tag_size * 8) as u32;
    let (mut smin, mut smax) = (i128::MAX, i128::MIN);
    let (mut umin, mut umax) = (u128::MAX, 0u128);
    let mut i = 0;
    while i < variants.len() {
        let raw = variants[i].discriminant.bits & mask;
        let signed = sign_extend(raw, bits);
        if signed < smin {
            smin = signed;
        }
        if signed > smax {
            smax = signed;
        }
        if raw < umin {
            umin = raw;
        }
        if raw > umax {
            umax = raw;
        }
        i += 1;
    }
    let signed_width = (smax as u128).wrapping_sub(smin as u128);
    let use_signed = variants[0].discriminant.signed || signed_width <= umax - umin;
    let niche = if use_signed {
        Niche::scalar(tag_size, smin as u128 & mask, smax as u128 & mask)
    } else {
        Niche::scalar(tag_size, umin, umax)
    };
    let largest = if niche.available() > 0 {
        LargestNiche::Known(niche)
    } else {
        LargestNiche::None
    };
    (
        Tag::Direct {
            offset: 0,
            size: tag_size,
        },
        largest,
    )
}

/// The tag's niche if the probes agree with it, else an honest "unknown" with the measured
/// count. rustc leaves uninhabited variants (`V(Infallible)`) out of the tag's valid range,
/// which the derive cannot see; the probes see what rustc did.
const fn agreeing_with_probes<E>(largest: LargestNiche) -> LargestNiche {
    let ours = largest.count().lower_bound();
    let measured = crate::probe::count::<E>();
    let agrees = match measured {
        crate::NicheCount::Exact(c) => c == ours,
        crate::NicheCount::AtLeast(c) => ours >= c,
    };
    if agrees {
        largest
    } else {
        LargestNiche::Unknown {
            count: measured,
            reason: UnknownReason::EnumTag,
        }
    }
}

/// `raw`'s low `bits` bits as a signed number.
const fn sign_extend(raw: u128, bits: u32) -> i128 {
    let shift = 128 - bits;
    ((raw << shift) as i128) >> shift
}

impl Variant {
    /// The padding of this variant inside an enum of `enum_layout`: the bytes that neither
    /// the tag nor this variant's fields cover. `None` when the offsets are unknown.
    pub const fn padding(&self, enum_layout: &TypeLayout) -> Option<crate::Padding> {
        match self.offsets {
            Offsets::Exact => Some(crate::Padding::over(
                self.fields,
                enum_layout.size,
                enum_layout.tag_range(),
            )),
            Offsets::Unknown => None,
        }
    }
}

/// The active variant of a live enum value and the real offsets of its fields, found by
/// pattern matching (no `unsafe`, no byte is read). Implemented by `#[derive(Layout)]` for
/// every enum; for `repr(Rust)` enums with data it is the only sound way to learn where a
/// variant's fields are.
pub trait LayoutOfVal: Layout {
    /// Calls `visit` with each field of the active variant and its byte offset inside
    /// `self`, in declaration order, and returns the active variant.
    fn visit_fields_of_val(&self, visit: &mut dyn FnMut(&'static Field, usize))
        -> &'static Variant;

    /// The active variant of `self`.
    fn variant_of_val(&self) -> &'static Variant {
        self.visit_fields_of_val(&mut |_, _| {})
    }
}

/// A variant description; `exact` says whether the field offsets are known.
pub const fn variant(
    name: &'static str,
    discriminant: Discriminant,
    shape: Shape,
    fields: &'static [Field],
    exact: bool,
) -> Variant {
    Variant {
        name,
        discriminant,
        shape,
        fields,
        offsets: if exact {
            Offsets::Exact
        } else {
            Offsets::Unknown
        },
    }
}
