use super::*;
use crate::build::{field, unplaced};
use crate::enums::{enumeration, unit_variant, variant};
use crate::{IntRepr, Layout, StructKind, Tag, TypeLayout, Variant};
use core::mem::offset_of;

const MIXED: [Field; 3] = [
    field::<u8>("a", "u8", 0),
    field::<u32>("b", "u32", 0),
    field::<u16>("c", "u16", 0),
];

fn offsets(fields: &[Field]) -> [usize; 3] {
    [0, 1, 2].map(|i| fields[i].offset.unwrap())
}

#[test]
fn the_c_rule_aligns_each_field_after_the_previous_one() {
    assert_eq!(offsets(&c_fields(MIXED, 0, 0)), [0, 4, 8]);
    // `packed(2)` caps the alignment of `b` at 2.
    assert_eq!(offsets(&c_fields(MIXED, 0, 2)), [0, 2, 6]);
    // After a 1-byte tag (RFC 2195's variant structs).
    assert_eq!(offsets(&c_fields(MIXED, 1, 0)), [1, 4, 8]);
    assert_eq!(offsets(&c_fields(MIXED, 2, 1)), [2, 3, 7]);
}

#[test]
fn size_and_align_follow_the_c_rule() {
    let fields = c_fields(MIXED, 0, 0);
    assert_eq!(c_size_align(&fields, Repr::C), (12, 4));
    let packed = c_fields(MIXED, 0, 1);
    let repr = Repr::C.with_packed(1);
    assert_eq!(c_size_align(&packed, repr), (7, 1));
    let repr = Repr::C.with_align(16);
    assert_eq!(c_size_align(&fields, repr), (16, 16));
}

/// The fields `u8, u32, u16` unplaced, as the derive states them.
const UNPLACED: [Field; 3] = [
    unplaced::<u8>("a", "u8"),
    unplaced::<u32>("b", "u32"),
    unplaced::<u16>("c", "u16"),
];

#[allow(dead_code)]
#[repr(C, packed(2))]
struct Packed(u8, u32, u16);

#[test]
fn structs_and_unions_are_placed_by_their_repr() {
    let packed = Repr::C.with_packed(2);
    assert_eq!(
        offsets(&place_struct(packed, UNPLACED)),
        [
            offset_of!(Packed, 0),
            offset_of!(Packed, 1),
            offset_of!(Packed, 2)
        ]
    );
    assert_eq!(offsets(&place_union(Repr::C, UNPLACED)), [0, 0, 0]);
    // `repr(Rust)` says nothing: the fields stay unplaced (the derive measures them instead).
    for fields in [
        place_struct(Repr::RUST, UNPLACED),
        place_union(Repr::RUST, UNPLACED),
    ] {
        assert!(fields.iter().all(|f| f.offset.is_none()));
    }
}

// RFC 2195's primitive representation: `A` is `#[repr(C)] struct { tag: u8, 0: u32 }`.
#[allow(dead_code)]
#[repr(u8)]
enum Prefixed {
    A(u32),
    B,
}
#[allow(dead_code)]
#[repr(C)]
struct PrefixedA(u8, u32);

const PREFIXED_A: [Field; 1] =
    place_variant::<Prefixed, u8, 1>(Repr::int(IntRepr::U8), [unplaced::<u32>("0", "u32")]);
const PREFIXED: [Variant; 2] = [
    variant("A", 0, StructKind::TupleStruct, &PREFIXED_A),
    unit_variant("B", 1),
];
impl Layout for Prefixed {
    const LAYOUT: TypeLayout =
        enumeration::<Self, u8>("Prefixed", Repr::int(IntRepr::U8), &PREFIXED);
}

#[test]
fn a_primitive_representation_places_each_variant_after_the_tag() {
    assert_eq!(PREFIXED_A[0].offset, Some(offset_of!(PrefixedA, 1)));
    let layout = Prefixed::LAYOUT;
    assert_eq!((layout.size, layout.align), (8, 4));
    assert_eq!(layout.tag(), Tag::Direct { offset: 0, size: 1 });
}

// RFC 2195's `repr(C)` layout written out by hand, to measure with `offset_of!`.
#[allow(dead_code)]
#[repr(C)]
enum C {
    A(u8, u64),
    B(u16),
}
#[allow(dead_code)]
#[repr(C)]
enum CTag {
    A,
    B,
}
#[repr(C)]
struct CA(u8, u64);
#[repr(C)]
struct CB(u16);
#[repr(C)]
union CPayload {
    a: core::mem::ManuallyDrop<CA>,
    b: core::mem::ManuallyDrop<CB>,
}
#[repr(C)]
struct CWhole {
    tag: CTag,
    payload: CPayload,
}

const C_A: [Field; 2] = place_variant::<C, CTag, 2>(
    Repr::C,
    [unplaced::<u8>("0", "u8"), unplaced::<u64>("1", "u64")],
);
const C_B: [Field; 1] = place_variant::<C, CTag, 1>(Repr::C, [unplaced::<u16>("0", "u16")]);
const C_VARIANTS: [Variant; 2] = [
    variant("A", 0, StructKind::TupleStruct, &C_A),
    variant("B", 1, StructKind::TupleStruct, &C_B),
];
impl Layout for C {
    const LAYOUT: TypeLayout = enumeration::<Self, CTag>("C", Repr::C, &C_VARIANTS);
}

#[test]
fn a_repr_c_enum_places_its_variants_in_a_union_after_the_tag() {
    let payload = offset_of!(CWhole, payload);
    assert_eq!(C_A[0].offset, Some(payload + offset_of!(CA, 0)));
    assert_eq!(C_A[1].offset, Some(payload + offset_of!(CA, 1)));
    assert_eq!(C_B[0].offset, Some(payload + offset_of!(CB, 0)));
    let layout = C::LAYOUT;
    assert_eq!(
        (layout.size, layout.align),
        (size_of::<CWhole>(), align_of::<CWhole>())
    );
    assert_eq!(
        layout.tag(),
        Tag::Direct {
            offset: 0,
            size: size_of::<CTag>()
        }
    );
}

// `align(N)` raises the enum's alignment but not the payload union's: the union still starts
// right after the 4-byte tag.
#[allow(dead_code)]
#[repr(C, align(16))]
enum Aligned {
    A(u8),
}
#[allow(dead_code)]
#[repr(C)]
enum AlignedTag {
    A,
}
#[allow(dead_code)]
#[repr(C, align(16))]
struct AlignedWhole {
    tag: AlignedTag,
    payload: u8,
}
const ALIGNED_A: [Field; 1] =
    place_variant::<Aligned, AlignedTag, 1>(Repr::C.with_align(16), [unplaced::<u8>("0", "u8")]);
impl Layout for Aligned {
    const __FACTS: Facts = Facts::fields_align(&[align_of::<u8>()]);
    const LAYOUT: TypeLayout = enumeration::<Self, AlignedTag>(
        "Aligned",
        Repr::C.with_align(16),
        &[variant("A", 0, StructKind::TupleStruct, &ALIGNED_A)],
    );
}

#[test]
fn align_n_does_not_move_the_payload_of_a_repr_c_enum() {
    assert_eq!(ALIGNED_A[0].offset, Some(offset_of!(AlignedWhole, payload)));
    assert_eq!(
        (Aligned::LAYOUT.size, Aligned::LAYOUT.align),
        (size_of::<AlignedWhole>(), 16)
    );
}

// A `u64` tag more aligned than the payload: the payload starts after the whole tag.
#[allow(dead_code)]
#[repr(C, u64)]
enum WideTag {
    A(u8),
}
#[allow(dead_code)]
#[repr(C)]
struct WideTagWhole {
    tag: u64,
    payload: u8,
}
const WIDE_A: [Field; 1] =
    place_variant::<WideTag, u64, 1>(Repr::c_int(IntRepr::U64), [unplaced::<u8>("0", "u8")]);
impl Layout for WideTag {
    const LAYOUT: TypeLayout = enumeration::<Self, u64>(
        "WideTag",
        Repr::c_int(IntRepr::U64),
        &[variant("A", 0, StructKind::TupleStruct, &WIDE_A)],
    );
}

#[test]
fn a_tag_more_aligned_than_the_payload_is_where_the_payload_starts() {
    assert_eq!(WIDE_A[0].offset, Some(offset_of!(WideTagWhole, payload)));
    assert_eq!(WideTag::LAYOUT.size, size_of::<WideTagWhole>());
}

#[test]
#[should_panic(expected = "differs from RFC 2195")]
fn a_computed_layout_that_is_not_the_enums_is_refused() {
    // `Wrong` is 0 bytes; the variants of `Prefixed` need 8.
    struct Wrong;
    let _ = enumeration::<Wrong, u8>("Wrong", Repr::int(IntRepr::U8), &PREFIXED);
}

// A fieldless enum is its own tag; under `align(N)` the derive names the copy without the
// `align` as the tag type.
#[allow(dead_code)]
#[repr(i16)]
enum Fieldless {
    A = -1,
    B = 7,
}
impl Layout for Fieldless {
    const LAYOUT: TypeLayout = enumeration::<Self, Self>(
        "Fieldless",
        Repr::int(IntRepr::I16),
        &[
            unit_variant("A", -1i16 as u16 as u128),
            unit_variant("B", 7),
        ],
    );
}
#[allow(dead_code)]
#[repr(u8, align(4))]
enum FieldlessAligned {
    A,
    B,
}
impl Layout for FieldlessAligned {
    const LAYOUT: TypeLayout = enumeration::<Self, u8>(
        "FieldlessAligned",
        Repr::int(IntRepr::U8).with_align(4),
        &[unit_variant("A", 0), unit_variant("B", 1)],
    );
}
#[test]
fn a_fieldless_enum_s_tag_is_the_stated_type() {
    assert_eq!(Fieldless::LAYOUT.tag(), Tag::Direct { offset: 0, size: 2 });
    assert_eq!(
        FieldlessAligned::LAYOUT.tag(),
        Tag::Direct { offset: 0, size: 1 }
    );
}

#[allow(dead_code)]
#[repr(C, align(16))]
enum AlignedUnstated {
    A(u8),
}
impl Layout for AlignedUnstated {
    const LAYOUT: TypeLayout = TypeLayout::opaque::<Self>("AlignedUnstated");
}

#[test]
#[should_panic(expected = "must state its fields' alignments")]
fn a_repr_c_enum_under_align_n_must_state_its_fields_alignments() {
    let _ = place_variant::<AlignedUnstated, AlignedTag, 1>(
        Repr::C.with_align(16),
        [unplaced::<u8>("0", "u8")],
    );
}
