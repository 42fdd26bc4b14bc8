//! Enums: discriminants, tags, variant offsets and niches, checked against the compiler.
//! (Offsets of `repr(u8)`/`repr(C)` data enums are cross-checked with the live-value offsets
//! from `LayoutOfVal`, which come from references into a real value.)

use layoutscope::{LargestNiche, Layout, LayoutOfVal, NicheCount, Tag, TypeLayout, UnknownReason};
use std::mem::{align_of, size_of};

fn discriminants(l: &TypeLayout) -> Vec<String> {
    l.variants()
        .iter()
        .map(|v| l.discriminant(v).to_string())
        .collect()
}

/// Asserts that every field offset the const metadata reports for `value`'s variant equals
/// the offset of the field inside the live value.
fn const_offsets_match_live<T: LayoutOfVal>(value: &T) -> usize {
    let mut seen = 0;
    let variant = value.visit_fields_of_val(&mut |field, live| {
        assert_eq!(field.offset, Some(live), "field {}", field.name);
        seen += 1;
    });
    assert!(variant.offsets_known());
    assert_eq!(seen, variant.fields.len());
    seen
}

#[derive(Layout)]
#[allow(dead_code)]
enum HttpStatus {
    Ok = 200,
    NotFound = 404,
}

#[test]
fn fieldless_enum_tag_is_the_value_and_unused_values_are_the_niche() {
    let l = &HttpStatus::LAYOUT;
    assert_eq!((l.size, l.align, l.is_enum()), (2, 2, true));
    assert_eq!(discriminants(l), ["200", "404"]);
    assert_eq!(l.tag(), Tag::Direct { offset: 0, size: 2 });
    let n = l.niche.largest.known().unwrap();
    assert_eq!(
        (n.offset, n.size, n.valid_start, n.valid_end),
        (0, 2, 200, 404)
    );
    assert_eq!(n.available(), 65536 - 205);
    assert!(l.niche.option_fits);
    assert_eq!(size_of::<Option<HttpStatus>>(), 2);
}

// `LayoutOfVal` is derived only where a variant has fields to locate: a function per
// C-like enum would cost build time for nothing.
static_assertions::assert_not_impl_any!(HttpStatus: LayoutOfVal);
static_assertions::assert_impl_all!(Data: LayoutOfVal);

#[derive(Layout)]
#[allow(dead_code)]
enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

#[derive(Layout)]
#[allow(dead_code, clippy::box_collection)] // the seed article's example, on purpose
enum BoxedData {
    Empty,
    Number(i32),
    Array(Box<Vec<i32>>),
}

#[test]
fn seed_enums_use_the_compilers_numbers_not_the_articles() {
    // The article says 32 bytes; rustc puts the tag in Vec's capacity niche.
    assert_eq!(Data::LAYOUT.size, size_of::<Data>());
    assert_eq!(Data::LAYOUT.size, 24);
    assert_eq!(BoxedData::LAYOUT.size, size_of::<BoxedData>());
    assert_eq!(BoxedData::LAYOUT.size, 16);
    assert_eq!(Data::LAYOUT.tag(), Tag::Unknown);
    let array = Data::LAYOUT.variant("Array").unwrap();
    assert!(!array.offsets_known());
    assert_eq!(array.fields[0].size(), 24);
    assert_eq!(discriminants(&Data::LAYOUT), ["0", "1", "2"]);
    match Data::LAYOUT.niche.largest {
        LargestNiche::Unknown { reason, count } => {
            assert_eq!(reason, UnknownReason::EnumTag);
            assert!(count.lower_bound() >= 1);
        }
        other => panic!("{other:?}"),
    }
    const { assert!(Data::LAYOUT.niche.option_fits) };
}

#[test]
fn live_values_give_repr_rust_variant_offsets() {
    let values = [Data::Empty, Data::Number(7), Data::Array(vec![1, 2])];
    let mut found = Vec::new();
    for v in &values {
        let variant = v.visit_fields_of_val(&mut |field, offset| {
            assert!(offset + field.size() <= size_of::<Data>());
            found.push((field.name, offset));
        });
        assert_eq!(variant.offsets_known(), variant.fields.is_empty());
    }
    assert_eq!(values[1].variant_of_val().name, "Number");
    assert_eq!(found.len(), 2);
}

#[derive(Layout)]
#[repr(u8)]
#[allow(dead_code)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(u8, u16),
    Color(u8, u64) = 10,
}

#[test]
fn primitive_repr_data_enum_is_exact() {
    let l = &Message::LAYOUT;
    assert_eq!(
        (l.size, l.align),
        (size_of::<Message>(), align_of::<Message>())
    );
    assert_eq!(l.tag(), Tag::Direct { offset: 0, size: 1 });
    assert_eq!(discriminants(l), ["0", "1", "2", "10"]);
    let mv = l.variant("Move").unwrap();
    assert!(mv.offsets_known());
    assert_eq!(
        [mv.fields[0].offset.unwrap(), mv.fields[1].offset.unwrap()],
        [4, 8]
    );
    let w = l.variant("Write").unwrap();
    assert_eq!(
        [w.fields[0].offset.unwrap(), w.fields[1].offset.unwrap()],
        [1, 2]
    );
    let c = l.variant("Color").unwrap();
    assert_eq!(
        [c.fields[0].offset.unwrap(), c.fields[1].offset.unwrap()],
        [1, 8]
    );
    // Tag values 0..=10 are valid; the other 245 are the niche.
    let n = l.niche.largest.known().unwrap();
    assert_eq!((n.valid_start, n.valid_end, n.available()), (0, 10, 245));
    // Variant padding: Write covers bytes 0..4 of 16.
    let write = l.variants().iter().position(|v| v.name == "Write").unwrap();
    let pad: Vec<_> = l
        .variant_padding(write)
        .unwrap()
        .map(|r| (r.start, r.end))
        .collect();
    assert_eq!(pad, [(4, size_of::<Message>())]);
    for v in [
        Message::Quit,
        Message::Move { x: 1, y: 2 },
        Message::Write(1, 2),
        Message::Color(3, 4),
    ] {
        const_offsets_match_live(&v);
    }
}

#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
enum CEnum {
    A(u8),
    B(u64),
    C { x: u16, y: u8 },
}

#[derive(Layout)]
#[repr(C, u8)]
#[allow(dead_code)]
enum CU8 {
    A(u8),
    B(u64),
}

#[test]
fn repr_c_data_enums_are_tag_then_union() {
    let l = &CEnum::LAYOUT;
    assert_eq!(l.size, size_of::<CEnum>());
    assert_eq!(l.tag(), Tag::Direct { offset: 0, size: 4 });
    assert_eq!(l.variant("B").unwrap().fields[0].offset.unwrap(), 8);
    let c = l.variant("C").unwrap();
    assert_eq!(
        [c.fields[0].offset.unwrap(), c.fields[1].offset.unwrap()],
        [8, 10]
    );
    assert_eq!(CU8::LAYOUT.tag(), Tag::Direct { offset: 0, size: 1 });
    assert_eq!(CU8::LAYOUT.size, 16);
    assert_eq!(
        CU8::LAYOUT.variant("A").unwrap().fields[0].offset.unwrap(),
        8
    );
    for v in [CEnum::A(1), CEnum::B(2), CEnum::C { x: 3, y: 4 }] {
        const_offsets_match_live(&v);
    }
    for v in [CU8::A(1), CU8::B(2)] {
        const_offsets_match_live(&v);
    }
}

#[derive(Layout)]
#[repr(i8)]
#[allow(dead_code)]
enum FullI8 {
    Min = -128,
    Max = 127,
}

#[derive(Layout)]
#[repr(u64)]
#[allow(dead_code)]
enum Big {
    Zero = 0,
    Top = u64::MAX,
}

#[derive(Layout)]
#[repr(i128)]
#[allow(dead_code)]
enum Huge {
    Low = i128::MIN,
    Mid = -1,
    High = i128::MAX - 1,
}

#[derive(Layout)]
#[allow(dead_code)]
enum Negative {
    A = -5,
    B,
    C = 3 + 4,
}

#[test]
fn discriminant_extremes_and_expressions() {
    assert_eq!(discriminants(&FullI8::LAYOUT), ["-128", "127"]);
    // -128..=127 wraps to 0x80..=0x7f: every value valid, no niche.
    assert_eq!(FullI8::LAYOUT.niche.largest, LargestNiche::None);
    const { assert!(!FullI8::LAYOUT.niche.option_fits) };
    assert_eq!(discriminants(&Big::LAYOUT), ["0", &u64::MAX.to_string()]);
    assert_eq!(
        Big::LAYOUT.niche.count(),
        NicheCount::Exact(u64::MAX as u128 - 1)
    );
    assert_eq!(
        discriminants(&Huge::LAYOUT),
        [
            i128::MIN.to_string(),
            "-1".to_string(),
            (i128::MAX - 1).to_string()
        ]
    );
    assert_eq!(Huge::LAYOUT.niche.count(), NicheCount::Exact(1));
    assert_eq!(discriminants(&Negative::LAYOUT), ["-5", "-4", "7"]);
    assert_eq!(Negative::LAYOUT.niche.count(), NicheCount::Exact(256 - 13));
}

#[derive(Layout)]
#[allow(dead_code)]
enum Never {}

#[derive(Layout)]
#[allow(dead_code)]
enum Single {
    Only,
}

#[derive(Layout)]
#[allow(dead_code)]
enum SingleData {
    Only(u32, bool),
}

#[test]
fn empty_and_single_variant_enums() {
    assert_eq!((Never::LAYOUT.size, Never::LAYOUT.tag()), (0, Tag::None));
    assert!(Never::LAYOUT.variants().is_empty());
    assert_eq!((Single::LAYOUT.size, Single::LAYOUT.tag()), (0, Tag::None));
    assert_eq!(SingleData::LAYOUT.size, 8);
    assert_eq!(SingleData::LAYOUT.tag(), Tag::None);
    assert_eq!(SingleData::LAYOUT.niche.count(), NicheCount::AtLeast(17));
}

#[derive(Layout)]
#[allow(dead_code)]
enum MyOption<T> {
    Nothing,
    Just(T),
}

#[derive(Layout)]
#[repr(u16)]
#[allow(dead_code)]
enum MyResult<T, E> {
    Good(T),
    Bad(E),
}

#[test]
fn generic_enums_at_several_instantiations() {
    fn check<T: Layout>() {
        assert_eq!(MyOption::<T>::LAYOUT.size, size_of::<MyOption<T>>());
        assert_eq!(MyOption::<T>::LAYOUT.align, align_of::<MyOption<T>>());
        assert_eq!(
            MyOption::<T>::LAYOUT.niche.option_fits,
            size_of::<Option<MyOption<T>>>() == size_of::<MyOption<T>>()
        );
    }
    check::<u8>();
    check::<bool>();
    check::<&u32>();
    check::<(u64, char)>();
    check::<Vec<u8>>();
    assert_eq!(
        MyResult::<u8, u64>::LAYOUT.size,
        size_of::<MyResult<u8, u64>>()
    );
    assert_eq!(
        MyResult::<u8, u64>::LAYOUT.variant("Bad").unwrap().fields[0]
            .offset
            .unwrap(),
        8
    );
    assert_eq!(
        MyResult::<u32, u8>::LAYOUT.variant("Good").unwrap().fields[0]
            .offset
            .unwrap(),
        4
    );
    const_offsets_match_live(&MyResult::<u32, u8>::Good(5));
}

#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Packet {
    kind: HttpStatus,
    body: Message,
}

#[test]
fn enums_nest_in_structs_with_their_niche() {
    let l = &Packet::LAYOUT;
    assert_eq!(l.size, size_of::<Packet>());
    let n = l.niche.largest.known().unwrap();
    // HttpStatus' niche (65331 values) beats Message's tag (245).
    assert_eq!((n.offset, n.size), (0, 2));
    let path: Vec<_> = l.niche_path().map(|f| f.name).collect();
    assert_eq!(path, ["kind"]);
}

const BASE: u16 = 0x100;

#[derive(Layout)]
#[repr(u16)]
#[allow(dead_code)]
enum Generic<'a, T: Copy, const N: usize>
where
    T: Default,
{
    Borrowed(&'a T) = BASE,
    Inline([T; N]),
    Named { first: T, rest: [u8; N] } = BASE * 2,
}

#[test]
fn explicit_repr_generic_enum_with_lifetimes_consts_and_paths_in_discriminants() {
    type G<'a> = Generic<'a, u32, 3>;
    let l = &G::LAYOUT;
    assert_eq!(l.size, size_of::<G>());
    assert_eq!(discriminants(l), ["256", "257", "512"]);
    let x = 5u32;
    for v in [
        G::Borrowed(&x),
        G::Inline([1, 2, 3]),
        G::Named {
            first: 1,
            rest: [0; 3],
        },
    ] {
        const_offsets_match_live(&v);
    }
}

#[derive(Layout)]
#[repr(u8)]
#[allow(dead_code)]
enum WithUninhabited {
    A(u32),
    B(std::convert::Infallible),
    C = 7,
}

#[test]
fn uninhabited_variants_do_not_produce_a_wrong_tag_range() {
    let l = &WithUninhabited::LAYOUT;
    assert_eq!(l.size, size_of::<WithUninhabited>());
    // Whatever rustc did with variant B, the reported count agrees with what it measures.
    let probes = l.niche.count();
    assert_eq!(
        probes.lower_bound() > 0,
        size_of::<Option<WithUninhabited>>() == size_of::<WithUninhabited>()
    );
}

mod no_prelude_enums {
    #![no_implicit_prelude]

    #[derive(::layoutscope::Layout)]
    #[repr(C, u8)]
    #[allow(dead_code)]
    pub enum Specified<T: ::core::marker::Copy> {
        A(T),
        B { x: u8 },
    }

    #[derive(::layoutscope::Layout)]
    #[allow(dead_code)]
    pub enum Unspecified {
        A(::core::option::Option<u8>),
        B,
    }
}

#[test]
fn enums_derive_without_the_prelude() {
    use no_prelude_enums::*;
    const_offsets_match_live(&Specified::A(5u64));
    assert_eq!(Unspecified::B.variant_of_val().name, "B");
}

#[derive(Layout)]
#[repr(i8)]
#[allow(dead_code)]
enum InnerGapSigned {
    A = 0,
    B = 126,
}

#[derive(Layout)]
#[repr(u8)]
#[allow(dead_code)]
enum WidestGap {
    A = 0,
    B = 100,
    C = 140,
    D = 255,
}

#[test]
fn tag_range_leaves_out_the_widest_gap_like_rustc() {
    // Values from `#[rustc_layout(debug)]` on rustc 1.95.
    let n = InnerGapSigned::LAYOUT.niche.largest.known().unwrap();
    assert_eq!((n.valid_start, n.valid_end, n.available()), (126, 0, 125));
    let n = WidestGap::LAYOUT.niche.largest.known().unwrap();
    assert_eq!((n.valid_start, n.valid_end, n.available()), (255, 140, 114));
    let n = HttpStatus::LAYOUT.niche.largest.known().unwrap();
    assert_eq!((n.valid_start, n.valid_end), (200, 404));
}

#[derive(Layout)]
#[repr(align(1), align(16))]
#[repr(align(32))]
#[repr(align(4))]
#[allow(dead_code)]
enum ManyAligns {
    A,
    B,
}

#[derive(Layout)]
#[repr(u8)]
#[repr(align(8))]
#[allow(dead_code)]
enum IntSplitFromAlign {
    A,
    B = 7,
}

#[derive(Layout)]
#[repr(C)]
#[repr(u8)]
#[allow(dead_code)]
enum CSplitFromU8 {
    A(u32),
    B(u8),
}

#[derive(Layout)]
#[repr(u8)]
#[repr(C)]
#[allow(dead_code)]
enum U8SplitFromC {
    A { x: u16, y: u8 },
    B(u64),
    C,
}

#[derive(Layout)]
#[repr(C, align(4))]
#[repr(align(16))]
#[allow(dead_code)]
enum CManyAligns {
    A(u8),
    B(u16, u8),
}

#[derive(Layout)]
#[repr(u16)]
#[repr(align(2), align(8))]
#[allow(dead_code)]
enum U16ManyAligns {
    A(u8),
    B(u32),
}

#[derive(Layout)]
#[repr(Rust)]
#[allow(dead_code)]
enum ExplicitRust {
    A(u8),
    B(u32),
}

#[derive(Layout)]
#[allow(clippy::duplicated_attributes)] // a repeated hint is what this test is about
#[repr(Rust, align(8))]
#[repr(Rust)]
#[allow(dead_code)]
enum RustAligned {
    A(u8),
    B,
}

#[test]
fn every_repr_spelling_rustc_accepts() {
    use layoutscope::{IntRepr, Repr};
    fn check<T: Layout>(repr: Repr) -> &'static TypeLayout {
        let l = &T::LAYOUT;
        assert_eq!(
            (l.size, l.align),
            (size_of::<T>(), align_of::<T>()),
            "{}",
            l.name
        );
        assert_eq!(l.repr, repr, "{}", l.name);
        l
    }
    // The largest `align(N)` wins.
    check::<ManyAligns>(Repr::RUST.with_align(32));
    let l = check::<IntSplitFromAlign>(Repr::int(IntRepr::U8).with_align(8));
    assert_eq!(discriminants(l), ["0", "7"]);
    check::<CSplitFromU8>(Repr::c_int(IntRepr::U8));
    for v in [CSplitFromU8::A(1), CSplitFromU8::B(2)] {
        const_offsets_match_live(&v);
    }
    check::<U8SplitFromC>(Repr::c_int(IntRepr::U8));
    for v in [
        U8SplitFromC::A { x: 1, y: 2 },
        U8SplitFromC::B(3),
        U8SplitFromC::C,
    ] {
        const_offsets_match_live(&v);
    }
    check::<CManyAligns>(Repr::C.with_align(16));
    for v in [CManyAligns::A(1), CManyAligns::B(2, 3)] {
        const_offsets_match_live(&v);
    }
    check::<U16ManyAligns>(Repr::int(IntRepr::U16).with_align(8));
    for v in [U16ManyAligns::A(1), U16ManyAligns::B(2)] {
        const_offsets_match_live(&v);
    }
    check::<ExplicitRust>(Repr::RUST);
    assert_eq!(ExplicitRust::B(7).variant_of_val().name, "B");
    check::<RustAligned>(Repr::RUST.with_align(8));
}

/// Fieldless but not unit-only (`V()`, `V {}`): `as` cannot cast it, so the discriminants come
/// from the derive's fieldless copy.
#[derive(Layout)]
#[repr(u16)]
#[allow(dead_code)]
enum Braced {
    V0() = 26,
    V1 {} = 3,
    V2 = 7,
}

#[test]
fn explicit_discriminants_of_variants_written_with_empty_brackets() {
    let l = &Braced::LAYOUT;
    assert_eq!(discriminants(l), ["26", "3", "7"]);
    assert_eq!((l.size, l.tag()), (2, Tag::Direct { offset: 0, size: 2 }));
    for (i, value) in [Braced::V0(), Braced::V1 {}, Braced::V2].iter().enumerate() {
        // SAFETY: `repr(u16)` puts the discriminant in the first two bytes (RFC 2195).
        let tag = unsafe { *std::ptr::from_ref(value).cast::<u16>() };
        assert_eq!(l.tag_value(i), Some(u128::from(tag)));
    }
}
