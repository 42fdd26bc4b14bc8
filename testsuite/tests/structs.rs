//! What the derive reports for structs and unions, checked against the compiler's own
//! `size_of`, `align_of` and `offset_of!`, plus the padding and niche facts that matter to
//! users. (The broad proof is `tests/differential.rs`; these pin the semantics.)

use layoutscope::{
    Body, ByteRange, LargestNiche, Layout, NicheCount, Repr, StructKind, UnknownReason,
};
use std::marker::PhantomData;
use std::mem::{align_of, offset_of, size_of};

fn padding_of<T: Layout>() -> Vec<(usize, usize)> {
    T::LAYOUT.padding().map(|r| (r.start, r.end)).collect()
}

fn offsets_of<T: Layout>() -> Vec<(&'static str, usize)> {
    T::LAYOUT
        .fields()
        .iter()
        .map(|f| (f.name, f.offset.unwrap()))
        .collect()
}

#[derive(Layout)]
#[allow(dead_code)]
struct Reordered {
    a: u8,
    b: u32,
    c: bool,
    d: u16,
}

#[test]
fn repr_rust_reports_the_real_offsets_not_declaration_order() {
    let l = &Reordered::LAYOUT;
    assert_eq!(
        (l.size, l.align),
        (size_of::<Reordered>(), align_of::<Reordered>())
    );
    assert_eq!(
        offsets_of::<Reordered>(),
        vec![
            ("a", offset_of!(Reordered, a)),
            ("b", offset_of!(Reordered, b)),
            ("c", offset_of!(Reordered, c)),
            ("d", offset_of!(Reordered, d)),
        ]
    );
    // Declaration order is kept in `fields`; memory order is one call away.
    let by_offset: Vec<usize> = l.fields_by_offset().map(|f| f.offset.unwrap()).collect();
    let mut sorted = by_offset.clone();
    sorted.sort();
    assert_eq!(by_offset, sorted);
    assert_eq!(l.padding_bytes(), size_of::<Reordered>() - 8);
    assert!(matches!(
        l.body,
        Body::Struct {
            kind: StructKind::Named,
            ..
        }
    ));
    assert_eq!(l.repr, Repr::RUST);
}

#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Header {
    tag: u8,
    len: u32,
    port: u16,
    id: u64,
}

#[test]
fn repr_c_holes_and_trailing_padding_in_offset_order() {
    assert_eq!(Header::LAYOUT.size, 24);
    assert_eq!(padding_of::<Header>(), vec![(1, 4), (10, 16)]);
    assert_eq!(Header::LAYOUT.padding_bytes(), 9);
    assert_eq!(Header::LAYOUT.field_bytes(), 15);
    assert_eq!(
        Header::LAYOUT.padding().first(),
        Some(ByteRange { start: 1, end: 4 })
    );
}

#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Trailing {
    big: u64,
    small: u8,
}

#[test]
fn trailing_padding_is_reported() {
    assert_eq!(padding_of::<Trailing>(), vec![(9, 16)]);
}

#[derive(Layout)]
#[repr(C, packed)]
#[allow(dead_code)]
struct Packed {
    a: u8,
    b: u32,
    c: u16,
}

#[derive(Layout)]
#[repr(packed(2))]
#[allow(clippy::repr_packed_without_abi)] // packed repr(Rust) is what this test is about
#[allow(dead_code)]
struct Packed2 {
    a: u8,
    b: u64,
}

#[test]
fn packed_has_no_padding_and_reduced_field_alignment() {
    let l = &Packed::LAYOUT;
    assert_eq!((l.size, l.align), (7, 1));
    assert_eq!(offsets_of::<Packed>(), vec![("a", 0), ("b", 1), ("c", 5)]);
    assert!(padding_of::<Packed>().is_empty());
    assert_eq!(l.repr, Repr::C.with_packed(1));
    let b = l.field("b").unwrap();
    assert_eq!((b.align(), l.field_align(b)), (4, 1));

    let l2 = &Packed2::LAYOUT;
    assert_eq!((l2.size, l2.align), (size_of::<Packed2>(), 2));
    assert_eq!(l2.repr.packed(), Some(2));
    assert_eq!(l2.padding_bytes(), 1);
}

#[derive(Layout)]
#[repr(C, align(16))]
#[allow(dead_code)]
struct Aligned {
    a: u32,
}

#[test]
fn align_adds_trailing_padding() {
    assert_eq!((Aligned::LAYOUT.size, Aligned::LAYOUT.align), (16, 16));
    assert_eq!(padding_of::<Aligned>(), vec![(4, 16)]);
    assert_eq!(Aligned::LAYOUT.repr.aligned(), Some(16));
}

#[derive(Layout)]
#[repr(transparent)]
#[allow(dead_code)]
struct Meters(std::num::NonZeroU32, PhantomData<u8>);

#[test]
fn transparent_keeps_the_inner_niche() {
    let l = &Meters::LAYOUT;
    assert!(matches!(
        l.body,
        Body::Struct {
            kind: StructKind::TupleStruct,
            ..
        }
    ));
    assert_eq!(l.repr, Repr::TRANSPARENT);
    assert_eq!(
        offsets_of::<Meters>(),
        vec![("0", 0), ("1", offset_of!(Meters, 1))]
    );
    let niche = l.niche.largest.known().expect("NonZeroU32's niche");
    assert_eq!(
        (niche.offset, niche.size, niche.valid_start, niche.valid_end),
        (0, 4, 1, u32::MAX as u128)
    );
    assert_eq!(niche.field, Some(0));
    assert!(l.niche.option_fits);
}

#[derive(Layout)]
#[allow(dead_code)]
struct Unit;

#[derive(Layout)]
#[allow(dead_code)]
struct OnlyZsts {
    a: (),
    b: PhantomData<String>,
    c: [u64; 0],
}

#[test]
fn zero_sized_types() {
    assert_eq!(Unit::LAYOUT.size, 0);
    assert!(matches!(
        Unit::LAYOUT.body,
        Body::Struct {
            kind: StructKind::Unit,
            fields: []
        }
    ));
    assert_eq!(OnlyZsts::LAYOUT.size, 0);
    assert_eq!(OnlyZsts::LAYOUT.align, 8);
    assert!(padding_of::<OnlyZsts>().is_empty());
    assert_eq!(OnlyZsts::LAYOUT.niche.largest, LargestNiche::None);
}

#[derive(Layout, Clone, Copy)]
#[allow(dead_code)]
union Bits {
    word: u32,
    bytes: [u8; 2],
    flag: bool,
}

#[test]
fn unions_overlap_at_zero_and_have_no_niche() {
    let l = &Bits::LAYOUT;
    assert!(matches!(l.body, Body::Union { .. }));
    assert!(l.fields().iter().all(|f| f.offset == Some(0)));
    // Every byte is covered by `word`, so nothing is padding.
    assert!(padding_of::<Bits>().is_empty());
    assert_eq!(l.niche.largest, LargestNiche::None);
    assert!(!l.niche.option_fits);
}

#[derive(Layout, Clone, Copy)]
#[repr(C, align(8))]
#[allow(dead_code)]
union Short {
    a: u16,
    b: u8,
}

#[test]
fn union_padding_is_what_no_member_covers() {
    assert_eq!(padding_of::<Short>(), vec![(2, 8)]);
}

#[derive(Layout)]
#[allow(dead_code)]
struct Generic<'a, T, U: Copy, const N: usize>
where
    T: Clone,
{
    items: [T; N],
    first: &'a U,
    count: u8,
}

#[test]
fn generics_at_several_instantiations() {
    fn check<T: Clone + Layout, U: Copy + Layout, const N: usize>() {
        type G<'a, T, U, const N: usize> = Generic<'a, T, U, N>;
        let l = &G::<T, U, N>::LAYOUT;
        assert_eq!(l.size, size_of::<G<T, U, N>>());
        assert_eq!(l.align, align_of::<G<T, U, N>>());
        assert_eq!(
            l.field("items").unwrap().offset.unwrap(),
            offset_of!(G<T, U, N>, items)
        );
        assert_eq!(
            l.field("first").unwrap().offset.unwrap(),
            offset_of!(G<T, U, N>, first)
        );
        assert_eq!(
            l.field("count").unwrap().offset.unwrap(),
            offset_of!(G<T, U, N>, count)
        );
        assert_eq!(l.field("items").unwrap().size(), size_of::<[T; N]>());
    }
    check::<u8, u64, 3>();
    check::<u64, u8, 0>();
    check::<(u16, bool), char, 5>();
    check::<String, (), 2>();
}

/// No `Layout` bound on `T` is needed: `Vec<T>` and `PhantomData<T>` are `Layout` for any `T`.
#[derive(Layout)]
#[allow(dead_code)]
struct NoBoundNeeded<T> {
    items: Vec<T>,
    marker: PhantomData<T>,
}

struct NotLayout;

#[test]
fn bounds_only_where_needed() {
    assert_eq!(
        NoBoundNeeded::<NotLayout>::LAYOUT.size,
        size_of::<Vec<NotLayout>>()
    );
}

#[derive(Layout)]
#[allow(dead_code)]
struct WithOpaque {
    #[layout(opaque)]
    inner: NotLayoutButNiche,
    tag: u8,
}

#[allow(dead_code)]
struct NotLayoutButNiche(&'static u8);

#[test]
fn opaque_fields_keep_size_align_and_measured_niche() {
    let l = &WithOpaque::LAYOUT;
    let inner = l.field("inner").unwrap();
    assert_eq!((inner.size(), inner.align()), (8, 8));
    assert_eq!(inner.offset, Some(offset_of!(WithOpaque, inner)));
    assert!(inner.nested().is_none());
    assert!(matches!(inner.layout.body, Body::Opaque));
    // The reference inside has one free value (null); its location is not claimed.
    assert_eq!(
        l.niche.largest,
        LargestNiche::Unknown {
            count: NicheCount::Exact(1),
            reason: UnknownReason::Opaque
        }
    );
    assert!(l.niche.option_fits);
}

#[derive(Layout)]
#[allow(dead_code)]
struct Inner {
    x: u32,
    ok: bool,
}

#[derive(Layout)]
#[allow(dead_code)]
struct Outer {
    id: u64,
    inner: Inner,
}

#[test]
fn nesting_reaches_the_field_layout_and_the_niche_path() {
    let l = &Outer::LAYOUT;
    let inner = l.field("inner").unwrap();
    assert_eq!(inner.nested().map(|n| n.name), Some("Inner"));
    let niche = l.niche.largest.known().unwrap();
    let inner_index = l.fields().iter().position(|f| f.name == "inner");
    assert_eq!(niche.field, inner_index);
    assert_eq!(
        niche.offset,
        offset_of!(Outer, inner) + offset_of!(Inner, ok)
    );
    assert_eq!(
        (niche.valid_start, niche.valid_end, niche.available()),
        (0, 1, 254)
    );
}

#[derive(Layout)]
#[allow(dead_code)]
struct TwoBools {
    a: bool,
    b: u32,
    c: bool,
}

#[test]
fn tied_niches_in_reordered_structs_are_not_guessed() {
    assert_eq!(
        TwoBools::LAYOUT.niche.largest,
        LargestNiche::Unknown {
            count: NicheCount::Exact(254),
            reason: UnknownReason::Tie
        }
    );
}

#[derive(Layout)]
#[allow(dead_code)]
struct Recursive {
    next: Option<Box<Recursive>>,
    value: i32,
}

#[test]
fn recursive_types_through_pointers() {
    let l = &Recursive::LAYOUT;
    assert_eq!(l.size, 16);
    // Option<Box<_>> used the pointer's only free value: no niche left there.
    assert_eq!(l.niche.largest, LargestNiche::None);
    assert!(!l.niche.option_fits);
}

#[test]
fn names_and_type_text() {
    let l = &Outer::LAYOUT;
    assert_eq!(l.name, "Outer");
    assert!(l.type_name.get().ends_with("Outer"));
    assert_eq!(
        Generic::<u8, u8, 1>::LAYOUT.field("first").unwrap().ty,
        "&'a U"
    );
    assert_eq!(
        Recursive::LAYOUT.field("next").unwrap().ty,
        "Option<Box<Recursive>>"
    );
}

#[test]
fn layout_is_usable_in_const() {
    const SIZE: usize = Header::LAYOUT.size;
    const HOLES: usize = Header::LAYOUT.padding_bytes();
    const ID: usize = match Header::LAYOUT.field("id") {
        Some(f) => f.offset.unwrap(),
        None => usize::MAX,
    };
    static_assertions::const_assert_eq!(SIZE, 24);
    static_assertions::const_assert_eq!(HOLES, 9);
    static_assertions::const_assert_eq!(ID, 16);
}

/// Size, align and every field's offset of `$t` equal rustc's, and its repr is `$repr`.
macro_rules! assert_rustc_layout {
    ($t:ty, $repr:expr, [$($field:tt),*]) => {{
        let l = &<$t as Layout>::LAYOUT;
        let name = stringify!($t);
        assert_eq!((l.size, l.align), (size_of::<$t>(), align_of::<$t>()), "{name}");
        assert_eq!(l.repr, $repr, "{name}");
        let rustc: Vec<(&str, usize)> = vec![$((stringify!($field), offset_of!($t, $field))),*];
        assert_eq!(offsets_of::<$t>(), rustc, "{name}");
    }};
}

#[derive(Layout)]
#[repr(Rust)]
#[allow(dead_code)]
struct ExplicitRust {
    a: u8,
    b: u32,
    c: u16,
}

#[derive(Layout)]
#[repr(Rust, packed(2))]
#[allow(clippy::repr_packed_without_abi)] // packed repr(Rust) is what this test is about
#[allow(dead_code)]
struct RustPacked {
    a: u8,
    b: u64,
}

#[derive(Layout)]
#[allow(clippy::duplicated_attributes)] // a repeated hint is what this test is about
#[repr(Rust)]
#[repr(align(16))]
#[repr(Rust)]
#[allow(dead_code)]
struct RustAligned(u8, u32);

#[derive(Layout)]
#[repr(align(1), align(16))]
#[repr(align(32))]
#[repr(align(4))]
#[allow(dead_code)]
struct ManyAligns {
    a: u8,
}

#[derive(Layout)]
#[allow(clippy::duplicated_attributes)] // a repeated hint is what this test is about
#[repr(align(4))]
#[repr(C)]
#[repr(align(2), C)]
#[allow(dead_code)]
struct CSplitFromAlign {
    a: u8,
    b: u16,
}

#[derive(Layout)]
#[repr(packed)]
#[repr(C, packed(1))]
#[allow(dead_code)]
struct RepeatedPacked {
    a: u8,
    b: u32,
    c: u16,
}

#[derive(Layout)]
#[repr(C, packed(2))]
#[repr(packed(2))]
#[allow(dead_code)]
union RepeatedPackedUnion {
    a: u8,
    b: u32,
}

#[derive(Layout)]
#[repr(align(2))]
#[repr(Rust, align(8))]
#[allow(dead_code)]
union RustAlignedUnion {
    a: u8,
    b: u32,
}

#[derive(Layout)]
#[allow(clippy::duplicated_attributes)] // a repeated hint is what this test is about
#[repr(C)]
#[repr(C)]
#[allow(dead_code)]
union RepeatedC {
    a: u8,
    b: [u16; 3],
}

#[test]
fn every_repr_spelling_rustc_accepts() {
    assert_rustc_layout!(ExplicitRust, Repr::RUST, [a, b, c]);
    assert_rustc_layout!(RustPacked, Repr::RUST.with_packed(2), [a, b]);
    assert_rustc_layout!(RustAligned, Repr::RUST.with_align(16), [0, 1]);
    // The largest `align(N)` wins.
    assert_rustc_layout!(ManyAligns, Repr::RUST.with_align(32), [a]);
    assert_rustc_layout!(CSplitFromAlign, Repr::C.with_align(4), [a, b]);
    assert_rustc_layout!(RepeatedPacked, Repr::C.with_packed(1), [a, b, c]);
    assert_rustc_layout!(RepeatedPackedUnion, Repr::C.with_packed(2), [a, b]);
    assert_rustc_layout!(RustAlignedUnion, Repr::RUST.with_align(8), [a, b]);
    assert_rustc_layout!(RepeatedC, Repr::C, [a, b]);
}
