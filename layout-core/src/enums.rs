//! Enums: variants, discriminants, tags, and what is known about where they live.
//!
//! rustc does not specify where a `repr(Rust)` enum keeps its tag (it may hide it in a niche
//! of a field), and reading the bytes of a value to find out would read uninitialised padding,
//! which is undefined behaviour. So layoutscope does not claim those facts in `const`; which
//! facts are exact for which enums is listed once, in the crate documentation.

use crate::model::{Body, Field, Layout, StructKind, TypeLayout};
use crate::niche::{LargestNiche, Niche, NicheSummary, UnknownReason};
use crate::padding::ByteRange;
use crate::repr::{IntRepr, Repr};
use core::mem::{align_of, size_of};

/// One variant of an enum.
#[derive(Clone, Copy, Debug)]
pub struct Variant {
    /// The variant's name.
    pub name: &'static str,
    /// The discriminant, as the bits of the enum's discriminant type sign-extended to 128
    /// bits; [`TypeLayout::discriminant`] reads it as a number of that type.
    pub discriminant: u128,
    /// The variant's syntax ([`StructKind::Tuple`] does not occur).
    pub kind: StructKind,
    /// The variant's fields in declaration order. Their offsets are `None` where Rust does
    /// not specify them (`repr(Rust)` enums with data; see [`LayoutOfVal`] for a live value).
    pub fields: &'static [Field],
}

impl Variant {
    /// A variant without fields.
    pub const fn unit(name: &'static str, discriminant: u128) -> Variant {
        Variant {
            name,
            discriminant,
            kind: StructKind::Unit,
            fields: &[],
        }
    }

    /// Whether every field's offset is known (true for a variant without fields).
    #[must_use]
    pub const fn offsets_known(&self) -> bool {
        let mut i = 0;
        while i < self.fields.len() {
            if self.fields[i].offset.is_none() {
                return false;
            }
            i += 1;
        }
        true
    }
}

/// A discriminant read as a number of its enum's discriminant type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Discriminant {
    /// The bits, sign-extended to 128 bits for signed types.
    pub bits: u128,
    /// The discriminant type.
    pub int: IntRepr,
}

impl Discriminant {
    /// The value as a signed number (for signed discriminant types).
    #[must_use]
    pub const fn as_i128(self) -> i128 {
        self.bits as i128
    }
}

impl core::fmt::Display for Discriminant {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.int.signed() {
            write!(f, "{}", self.as_i128())
        } else {
            write!(f, "{}", self.bits)
        }
    }
}

/// Where an enum keeps its tag: the bytes that say which variant a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tag {
    /// No tag: not an enum, or an enum with at most one variant that is laid out like a
    /// struct.
    None,
    /// An integer of `size` bytes at `offset` that holds the discriminant.
    Direct {
        /// Byte offset.
        offset: usize,
        /// Size in bytes.
        size: usize,
    },
    /// The tag hides in a niche of the `untagged` variant's fields: that variant stores any
    /// valid value there, and the variants `first..=last` (but `untagged`) store the values
    /// `first_value + (index - first)` (wrapping in `size` bytes), which the untagged
    /// variant's field can never hold. Read the value of a variant with
    /// [`TypeLayout::tag_value`].
    Niche {
        /// Byte offset of the niche scalar.
        offset: usize,
        /// Its size in bytes.
        size: usize,
        /// Index of the variant whose fields hold the niche.
        untagged: usize,
        /// Index of the first variant encoded in the niche.
        first: usize,
        /// Index of the last variant encoded in the niche.
        last: usize,
        /// The niche value of variant `first`.
        first_value: u128,
    },
    /// Rust does not specify where this enum keeps its tag (`repr(Rust)` enums with data, and
    /// standard enums whose payload has no located niche), so it is not reported.
    Unknown,
}

impl Tag {
    /// The bytes of the tag, when its location is known.
    #[must_use]
    pub const fn range(self) -> Option<ByteRange> {
        match self {
            Tag::Direct { offset, size } | Tag::Niche { offset, size, .. } => Some(ByteRange {
                start: offset,
                end: offset + size,
            }),
            Tag::None | Tag::Unknown => None,
        }
    }
}

impl TypeLayout {
    /// The discriminant of `variant` (one of this enum's) as a number of the enum's
    /// discriminant type.
    #[must_use]
    pub const fn discriminant(&self, variant: &Variant) -> Discriminant {
        let int = match self.body {
            Body::Enum { discriminant, .. } => discriminant,
            _ => IntRepr::Isize,
        };
        Discriminant {
            bits: variant.discriminant,
            int,
        }
    }

    /// The bytes that hold the tag in a value of variant `index`: the tag's bytes, except for
    /// the untagged variant of a niche, whose own field holds a valid value there.
    #[must_use]
    pub const fn tag_range_of(&self, index: usize) -> Option<ByteRange> {
        match self.tag() {
            Tag::Niche { untagged, .. } if untagged == index => None,
            tag => tag.range(),
        }
    }

    /// The padding of variant `index`: the bytes that neither the tag nor the variant's fields
    /// cover. `None` when the variant does not exist, or its offsets or the tag's place are
    /// unknown.
    #[must_use]
    pub const fn variant_padding(&self, index: usize) -> Option<crate::Padding> {
        let variants = self.variants();
        if index >= variants.len() || !variants[index].offsets_known() {
            return None;
        }
        if let Tag::Unknown = self.tag() {
            return None;
        }
        Some(crate::Padding::over(
            variants[index].fields,
            self.size,
            self.tag_range_of(index),
        ))
    }

    /// The value the tag bytes hold for variant `index`: the discriminant for a direct tag,
    /// the niche value for a variant encoded in a niche. `None` for the untagged variant of a
    /// niche (its field holds a valid value there), when the tag is unknown or absent.
    #[must_use]
    pub const fn tag_value(&self, index: usize) -> Option<u128> {
        let variants = self.variants();
        if index >= variants.len() {
            return None;
        }
        match self.tag() {
            Tag::Direct { size, .. } => Some(variants[index].discriminant & mask(size)),
            Tag::Niche {
                size,
                untagged,
                first,
                last,
                first_value,
                ..
            } if index != untagged && index >= first && index <= last => {
                Some(first_value.wrapping_add((index - first) as u128) & mask(size))
            }
            _ => None,
        }
    }
}

/// All ones in `size` bytes.
const fn mask(size: usize) -> u128 {
    if size >= 16 {
        u128::MAX
    } else {
        (1u128 << (size * 8)) - 1
    }
}

/// The layout of derived enum `E` with this `repr` and tag type `T` (its integer repr, a
/// fieldless copy of the enum, or the enum itself when it has no fields, or when Rust leaves
/// its tag unspecified and `T` is not read), from its variants.
///
/// Where the repr specifies the layout (fieldless enums of any repr, data enums with `repr(C)`
/// or an integer repr: RFC 2195), the tag is exact, and
/// size and align computed from the tag and the placed variant fields must be the compiler's,
/// or the build fails.
pub const fn enumeration<E, T>(
    name: &'static str,
    repr: Repr,
    variants: &'static [Variant],
) -> TypeLayout {
    let size = size_of::<E>();
    let int = discriminant_type(repr);
    let (tag, largest) = match crate::rules::specified_tag::<T>(repr, !has_fields(variants)) {
        Some(tag) => {
            let (expected_size, expected_align) =
                crate::rules::tagged_size_align(tag, variants, repr);
            if expected_size != size || expected_align != align_of::<E>() {
                panic!(
                    "layoutscope: the enum's layout differs from RFC 2195; please report this type"
                );
            }
            let (tag, largest) = tagged(variants, tag.0, int);
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
        type_name: crate::TypeName::of::<E>(),
        size,
        align: align_of::<E>(),
        repr,
        body: Body::Enum {
            variants,
            tag,
            discriminant: int,
        },
        niche: NicheSummary::checked::<E>(largest),
    }
}

/// Whether any variant has a field.
const fn has_fields(variants: &[Variant]) -> bool {
    let mut i = 0;
    while i < variants.len() {
        if !variants[i].fields.is_empty() {
            return true;
        }
        i += 1;
    }
    false
}

/// The discriminant type of an enum with this repr: its integer, else `isize`.
const fn discriminant_type(repr: Repr) -> IntRepr {
    match repr.int_type() {
        Some(int) => int,
        None => IntRepr::Isize,
    }
}

/// A tag of `tag_size` bytes at offset 0, whose valid range [`direct_tag_niche`] gives.
const fn tagged(
    variants: &'static [Variant],
    tag_size: usize,
    int: IntRepr,
) -> (Tag, LargestNiche) {
    if variants.is_empty() || tag_size == 0 {
        return (Tag::None, LargestNiche::None);
    }
    let niche = direct_tag_niche(variants, tag_size, int.signed(), int.max_bits());
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

/// The niche of a direct tag of `tag_size` bytes at offset 0 holding the discriminants of
/// `variants` (as bits of a type that is `signed` and whose largest value is `type_max`):
/// the valid range rustc 1.95 picks
/// (`layout_of_enum`, since rust-lang/rust#144577): it sorts the discriminants and leaves out
/// the widest gap between neighbours as the niche. An inner gap is as wide as the difference of
/// its ends; the gap that wraps from the largest discriminant back to the smallest counts as
/// `MAX - (largest - smallest)` in wrapping `u128` arithmetic, where `MAX` is the largest value
/// of the discriminant type (`isize` without an integer repr). Among equally wide gaps the last
/// one wins, the wrapping gap last of all. The test suite checks this against
/// `#[rustc_layout(debug)]` on hundreds of enums, for the derive and for `cargo layoutscope`
/// (which reads the discriminants from debug info and calls this too).
#[doc(hidden)]
pub const fn direct_tag_niche(
    variants: &[Variant],
    tag_size: usize,
    signed: bool,
    type_max: u128,
) -> Niche {
    if variants.is_empty() {
        return Niche::scalar(tag_size, 0, 0);
    }
    let mask = Niche::scalar(tag_size, 0, 0).max_value();
    let first = smallest(variants, signed);
    let (mut gap_start, mut gap_end, mut widest) = (first, first, 0u128);
    let mut current = first;
    loop {
        let (next, width) = match successor(variants, current, signed) {
            Some(next) => (
                next,
                bits(variants, next).wrapping_sub(bits(variants, current)),
            ),
            None => {
                let span = bits(variants, current).wrapping_sub(bits(variants, first));
                (first, type_max.wrapping_sub(span))
            }
        };
        if width >= widest {
            (gap_start, gap_end, widest) = (current, next, width);
        }
        if next == first {
            break;
        }
        current = next;
    }
    Niche::scalar(
        tag_size,
        bits(variants, gap_end) & mask,
        bits(variants, gap_start) & mask,
    )
}

const fn bits(variants: &[Variant], i: usize) -> u128 {
    variants[i].discriminant
}

/// A key that orders discriminants as numbers of their own signedness.
const fn order(bits: u128, signed: bool) -> u128 {
    if signed {
        bits ^ (1 << 127)
    } else {
        bits
    }
}

const fn smallest(variants: &[Variant], signed: bool) -> usize {
    let mut best = 0;
    let mut i = 1;
    while i < variants.len() {
        if order(bits(variants, i), signed) < order(bits(variants, best), signed) {
            best = i;
        }
        i += 1;
    }
    best
}

/// The variant with the next larger discriminant (discriminants are distinct).
const fn successor(variants: &[Variant], of: usize, signed: bool) -> Option<usize> {
    let floor = order(bits(variants, of), signed);
    let mut best: Option<usize> = None;
    let mut i = 0;
    while i < variants.len() {
        let key = order(bits(variants, i), signed);
        if key > floor {
            best = match best {
                Some(b) if order(bits(variants, b), signed) <= key => Some(b),
                _ => Some(i),
            };
        }
        i += 1;
    }
    best
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

/// The active variant of a live enum value and the real offsets of its fields, found by
/// pattern matching (no `unsafe`, no byte is read). Implemented by `#[derive(Layout)]` for
/// every enum with fields; for `repr(Rust)` enums with data it is the only sound way to learn
/// where a variant's fields are. Fieldless and empty enums do not get it: they have no field
/// to locate, and a function per type is a real cost in build time (C-like enums are common).
///
/// `Data::Number(7).visit_fields_of_val(&mut |field, offset| ..)` calls back with `0` and
/// the offset this build gave the `i32`, where `Data::LAYOUT` can only say `None`; the
/// [`layoutscope` front page](https://docs.rs/layoutscope#enums) runs that example.
pub trait LayoutOfVal: Layout {
    /// Calls `visit` once with the index of the active variant (in
    /// [`TypeLayout::variants`]) and the address of each of its fields, in declaration order.
    /// The derive implements this; use [`LayoutOfVal::visit_fields_of_val`].
    fn field_addresses_of_val(&self, visit: &mut dyn FnMut(usize, &[usize]));

    /// Calls `visit` with each field of the active variant and its byte offset inside
    /// `self`, in declaration order, and returns the active variant.
    fn visit_fields_of_val(
        &self,
        visit: &mut dyn FnMut(&'static Field, usize),
    ) -> &'static Variant {
        let base = self as *const Self as usize;
        let variants = Self::LAYOUT.variants();
        let mut active = 0;
        self.field_addresses_of_val(&mut |index, addresses| {
            active = index;
            for (field, address) in variants[index].fields.iter().zip(addresses) {
                visit(field, address - base);
            }
        });
        &variants[active]
    }

    /// The active variant of `self`.
    fn variant_of_val(&self) -> &'static Variant {
        self.visit_fields_of_val(&mut |_, _| {})
    }
}

/// A unit variant (the most common kind, so the shortest call in an expansion).
pub const fn unit_variant(name: &'static str, bits: u128) -> Variant {
    Variant::unit(name, bits)
}

/// A variant with fields.
pub const fn variant(
    name: &'static str,
    bits: u128,
    kind: StructKind,
    fields: &'static [Field],
) -> Variant {
    Variant {
        name,
        discriminant: bits,
        kind,
        fields,
    }
}
