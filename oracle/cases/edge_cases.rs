// Hand-written edge cases for the differential oracle.
//
// This file is copied verbatim to the crate root of the generated probe crate, next to the
// generated types. Rules (checked by `oracle/src/cases.rs`):
// - `struct` and `union` items (the enums are in `enum_cases.rs`), each with
//   `#[derive(layoutscope::Layout)]`;
// - no `use`: write paths in full;
// - every generic type needs one `//@ instantiate Name<Args>` line per instantiation, with the
//   arguments spelled the way rustc prints them (primitives, arrays, tuples, local types).

// --- Niche ties: two equally large niches ---------------------------------------------------

/// repr(Rust) tie: rustc's choice depends on field reordering; layoutscope says "Tie".
#[derive(layoutscope::Layout)]
struct CaseTwoBools {
    a: bool,
    b: bool,
}

/// repr(Rust) tie with a larger field in between.
#[derive(layoutscope::Layout)]
struct CaseTwoBoolsApart {
    a: bool,
    x: u32,
    b: bool,
}

/// repr(C) tie, adjacent, at the start: start-biased layout wins (niche at 0).
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseTwoBoolsC {
    a: bool,
    b: bool,
}

/// repr(C) tie separated by a u32: first bool at 0, so no head space, start-biased.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseTwoBoolsCApart {
    a: bool,
    x: u32,
    b: bool,
}

/// repr(C) tie after a u16: head space 2, tail space 1, the end-biased niche at 3 wins.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseTwoBoolsCAfterU16 {
    x: u16,
    a: bool,
    b: bool,
}

/// repr(C) tie after a u32 with tail padding: head 4, tail 2, end-biased niche at 5 wins.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseTwoBoolsCTail {
    x: u32,
    a: bool,
    b: bool,
}

/// repr(C) tie with a u64 between: the end-biased niche would be at 16 but the tail is 7.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseTwoBoolsCSpread {
    pad: u8,
    a: bool,
    x: u64,
    b: bool,
}

/// Not a tie: a bool (254 free values) next to an Option<bool> (253): the bool wins.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseBoolAndOptionBool {
    x: u16,
    a: bool,
    b: Option<bool>,
}

/// Tie of two chars inside repr(C) with leading byte.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseTwoCharsC {
    t: u8,
    a: char,
    b: char,
}

/// Tie of two references in repr(C).
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseTwoRefsC {
    t: u8,
    a: &'static u8,
    b: &'static u16,
}

/// Tie across a packed struct.
#[derive(layoutscope::Layout)]
#[repr(C, packed)]
struct CaseTwoBoolsPacked {
    x: u16,
    a: bool,
    b: bool,
    y: u8,
}

/// Tie between niches of different sizes (one free value each): end-biased NonZeroU8 at 4.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseNonZeroTie {
    t: u8,
    a: core::num::NonZeroU16,
    b: core::num::NonZeroU8,
}

/// The same tie the other way round: the end-biased niche at 4 is not past the 6-byte tail.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseNonZeroTieReversed {
    t: u8,
    b: core::num::NonZeroU8,
    a: core::num::NonZeroU32,
}

/// Tie between an array's first element and a later bool.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseArrayBoolTie {
    x: u8,
    arr: [bool; 3],
    b: bool,
}

/// Tie between a niche nested in a repr(C) struct (itself end-biased) and a later bool.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseNestedTie {
    x: u16,
    inner: CaseTwoBoolsCAfterU16,
    b: bool,
}

/// A nested repr(Rust) tie competes with a smaller known niche: the count is still exact.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseTieBeatsSmaller {
    o: Option<bool>,
    pair: CaseTwoBools,
}

// --- Padding and alignment --------------------------------------------------------------------

/// bool after u8 in repr(C), then a u32: a two-byte hole after the bool.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseU8BoolU32 {
    a: u8,
    b: bool,
    c: u32,
}

/// bool after u8 in repr(C) with tail padding.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseU32U8Bool {
    c: u32,
    a: u8,
    b: bool,
}

/// packed with char: the char sits at offset 1, unaligned, and keeps its niche.
#[derive(layoutscope::Layout)]
#[repr(C, packed)]
struct CasePackedChar {
    a: u8,
    c: char,
}

/// packed(2) with char and a trailing byte.
#[derive(layoutscope::Layout)]
#[repr(C, packed(2))]
struct CasePacked2Char {
    a: u8,
    c: char,
    d: u8,
}

/// align(16) with a single bool: 15 bytes of tail padding, niche at 0.
#[derive(layoutscope::Layout)]
#[repr(align(16))]
struct CaseAlign16Bool {
    b: bool,
}

/// align(16) repr(C) with bool after a u8.
#[derive(layoutscope::Layout)]
#[repr(C, align(16))]
struct CaseCAlign16Bool {
    a: u8,
    b: bool,
}

/// align(32) with no fields at all: zero-sized but 32-aligned.
#[derive(layoutscope::Layout)]
#[repr(align(32))]
struct CaseAlignedUnit;

// --- Unions -------------------------------------------------------------------------------------

/// Union of bool and u8: no niche (either field may be the initialised one).
#[derive(layoutscope::Layout)]
#[derive(Clone, Copy)]
union CaseBoolOrU8 {
    b: bool,
    x: u8,
}

/// repr(C) union with tail padding from a larger field.
#[derive(layoutscope::Layout)]
#[derive(Clone, Copy)]
#[repr(C)]
union CaseCUnion {
    a: u8,
    b: u32,
    c: [u8; 5],
}

/// Union with only zero-sized fields.
#[derive(layoutscope::Layout)]
#[derive(Clone, Copy)]
union CaseZstUnion {
    a: (),
    b: [u64; 0],
}

/// Packed union of a char and a u16.
#[derive(layoutscope::Layout)]
#[derive(Clone, Copy)]
#[repr(packed)]
union CasePackedUnion {
    a: char,
    b: u16,
}

// --- Transparent --------------------------------------------------------------------------------

/// transparent around NonZeroU32 plus PhantomData: the NonZeroU32 niche at 0.
#[derive(layoutscope::Layout)]
#[repr(transparent)]
struct CaseTransparentNonZero(core::num::NonZeroU32, core::marker::PhantomData<u8>);

/// transparent with the ZST first and a named non-ZST field.
#[derive(layoutscope::Layout)]
#[repr(transparent)]
struct CaseTransparentNamed {
    marker: core::marker::PhantomData<u64>,
    value: char,
}

/// transparent around a struct with a niche in the middle.
#[derive(layoutscope::Layout)]
#[repr(transparent)]
struct CaseTransparentNested(CaseU32U8Bool);

// --- Nesting ------------------------------------------------------------------------------------

/// Innermost of three levels.
#[derive(layoutscope::Layout)]
struct CaseInner {
    a: u8,
    b: bool,
    c: u16,
}

/// Middle level: the inner bool niche is the only one.
#[derive(layoutscope::Layout)]
struct CaseMiddle {
    inner: CaseInner,
    x: u32,
}

/// Outer level, repr(C), with leading padding.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseOuter {
    t: u8,
    middle: CaseMiddle,
    y: u64,
}

/// Self-referential through Option<Box<Self>>.
#[derive(layoutscope::Layout)]
struct CaseList {
    value: u32,
    next: Option<Box<Self>>,
}

/// Self-referential, repr(C), with a bool before the link.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseListC {
    live: bool,
    next: Option<Box<CaseListC>>,
}

/// Tuple struct of tuples.
#[derive(layoutscope::Layout)]
struct CaseTupleOfTuples((u8, (u16, bool)), (char,), ());

/// repr(C) tuple struct of tuples.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseTupleOfTuplesC((u8, u32), (bool, u8));

// --- Zero-sized ---------------------------------------------------------------------------------

/// Unit struct.
#[derive(layoutscope::Layout)]
struct CaseUnit;

/// Only zero-sized fields, one of them 8-aligned.
#[derive(layoutscope::Layout)]
struct CaseOnlyZsts {
    a: (),
    b: core::marker::PhantomData<u64>,
    c: [u64; 0],
}

/// Empty braces.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseEmptyBraces {}

/// Zero-sized fields between real ones, repr(C).
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseZstsBetween {
    a: u8,
    z: [u32; 0],
    b: u8,
    u: (),
}

// --- Field order --------------------------------------------------------------------------------

/// The seed article's `(char, u8, i32)`: rustc reorders it to 12 bytes.
#[derive(layoutscope::Layout)]
struct CaseCharU8I32 {
    c: char,
    b: u8,
    i: i32,
}

/// The same as a tuple struct.
#[derive(layoutscope::Layout)]
struct CaseCharU8I32Tuple(char, u8, i32);

/// The same in repr(C): holes appear.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseCharU8I32C {
    c: char,
    b: u8,
    i: i32,
}

/// Raw identifiers as field names.
#[derive(layoutscope::Layout)]
struct CaseRawIdents {
    r#type: u8,
    r#match: bool,
    r#fn: u64,
}

// --- Const generics -----------------------------------------------------------------------------

/// A const-generic array and a length byte.
#[derive(layoutscope::Layout)]
struct CaseConstArray<T, const N: usize> {
    items: [T; N],
    len: u8,
}
//@ instantiate CaseConstArray<u8, 0>
//@ instantiate CaseConstArray<u16, 3>
//@ instantiate CaseConstArray<bool, 5>
//@ instantiate CaseConstArray<char, 2>
//@ instantiate CaseConstArray<CaseTwoBoolsC, 1>

/// A const-generic repr(C) buffer with a niche-carrying header.
#[derive(layoutscope::Layout)]
#[repr(C)]
struct CaseConstBuffer<const N: usize> {
    ready: bool,
    bytes: [u8; N],
}
//@ instantiate CaseConstBuffer<0>
//@ instantiate CaseConstBuffer<7>
//@ instantiate CaseConstBuffer<8>
