// Hand-written enum edge cases for the differential oracle (`--enums` runs).
//
// This file is copied verbatim to the crate root of the generated probe crate, next to the
// generated types. Rules (checked by `oracle/src/cases.rs`):
// - only `struct`, `union`, `enum` and `const` items, each type with
//   `#[derive(layoutscope::Layout)]`; no `use`: write paths in full;
// - every generic type needs one `//@ instantiate Name<Args>` line per instantiation, with
//   `as Name<PrintedArgs>` when rustc prints the arguments differently from the source;
// - a variant that cannot be constructed needs `//@ uninhabited Enum::Variant`;
// - every field type must be constructible by the probe (see `OracleSample` in
//   `oracle/probe/sample.rs`); no lifetime parameters.
// Discriminants that are integer literals are checked against the source too; all of them
// are checked against rustc's own discriminant values.

// --- The seed article's enums: numbers from the compiler, not the article ---------------------

/// 24 bytes on rustc 1.95: the tag lives in the niche of Vec's capacity.
#[derive(layoutscope::Layout)]
enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

/// The same with a boxed Vec: 16 bytes, a direct tag.
#[derive(layoutscope::Layout)]
#[allow(clippy::box_collection)]
enum BoxedData {
    Empty,
    Number(i32),
    Array(Box<Vec<i32>>),
}

/// Fieldless with explicit discriminants: a 2-byte tag valid in 200..=404.
#[derive(layoutscope::Layout)]
enum HttpStatus {
    Ok = 200,
    NotFound = 404,
}

// --- Fieldless: implicit, explicit, negative and expression discriminants ---------------------

#[derive(layoutscope::Layout)]
enum Implicit {
    A,
    B,
    C,
}

#[derive(layoutscope::Layout)]
enum Negative {
    A = -5,
    B,
    C = 3 + 4,
}

#[derive(layoutscope::Layout)]
enum MixedExplicit {
    A = 10,
    B,
    C = 2,
    D,
    E = 0x40,
    F,
}

const BASE: i16 = 0x100;

#[derive(layoutscope::Layout)]
#[repr(i16)]
enum FromConst {
    A = BASE,
    B = BASE * 2,
    C = -BASE,
    D,
}

#[derive(layoutscope::Layout)]
enum Shifted {
    A = 1 << 0,
    B = 1 << 4,
    C = 1 << 9,
}

/// Needs an i16 tag without a repr: -129 does not fit an i8.
#[derive(layoutscope::Layout)]
enum WideRust {
    A = -129,
    B = 128,
}

#[derive(layoutscope::Layout)]
enum IsizeExtremes {
    Min = isize::MIN,
    Max = isize::MAX,
}

// --- Every integer repr, with extremes ---------------------------------------------------------

/// 0 and 255: the signed view -1..=0 is tighter, so rustc's valid range wraps: 255..=0.
#[derive(layoutscope::Layout)]
#[repr(u8)]
enum U8ZeroAnd255 {
    A = 0,
    B = 255,
}

/// 1 and 255: wraps to 255..=1.
#[derive(layoutscope::Layout)]
#[repr(u8)]
enum U8OneAnd255 {
    A = 1,
    B = 255,
}

/// 255, then an explicit 0 and an implicit 1: wraps to 255..=1.
#[derive(layoutscope::Layout)]
#[repr(u8)]
enum U8Descending {
    A = 255,
    B = 0,
    C,
}

#[derive(layoutscope::Layout)]
#[repr(u8)]
enum U8Single {
    Only,
}

#[derive(layoutscope::Layout)]
#[repr(u16)]
enum U16Edges {
    A = 0,
    B = 65535,
}

#[derive(layoutscope::Layout)]
#[repr(u32)]
enum U32Mid {
    A = 0x8000_0000,
    B = 0x7fff_ffff,
}

#[derive(layoutscope::Layout)]
#[repr(u64)]
enum U64Max {
    Zero = 0,
    Top = u64::MAX,
}

#[derive(layoutscope::Layout)]
#[repr(u64)]
enum U64OnlyMax {
    Top = 18446744073709551615,
}

#[derive(layoutscope::Layout)]
#[repr(u128)]
enum U128Edges {
    Zero = 0,
    Top = u128::MAX,
}

#[derive(layoutscope::Layout)]
#[repr(u128)]
enum U128High {
    A = 340282366920938463463374607431768211454,
    B = 3,
}

#[derive(layoutscope::Layout)]
#[repr(usize)]
enum UsizeEdges {
    A = 0,
    B = usize::MAX,
}

#[derive(layoutscope::Layout)]
#[repr(i8)]
enum I8Full {
    Min = -128,
    Max = 127,
}

#[derive(layoutscope::Layout)]
#[repr(i8)]
enum I8Small {
    A = -1,
    B = 1,
}

#[derive(layoutscope::Layout)]
#[repr(i16)]
enum I16MinZero {
    A = i16::MIN,
    B = 0,
}

#[derive(layoutscope::Layout)]
#[repr(i32)]
enum I32Negatives {
    A = -100,
    B = -99,
    C = -1_000_000,
}

#[derive(layoutscope::Layout)]
#[repr(i64)]
enum I64Edges {
    A = i64::MIN,
    B = i64::MAX,
    C = 0,
}

#[derive(layoutscope::Layout)]
#[repr(i128)]
enum I128Extremes {
    Low = i128::MIN,
    Mid = -1,
    High = i128::MAX - 1,
}

#[derive(layoutscope::Layout)]
#[repr(i128)]
enum I128MinLiteral {
    Low = -170141183460469231731687303715884105728,
    Zero = 0,
}

#[derive(layoutscope::Layout)]
#[repr(isize)]
enum IsizeRepr {
    A = -3,
    B,
    C,
    D,
}

// --- Tag valid ranges: rustc 1.95 leaves out the widest gap between sorted discriminants ------
// Regression cases: layoutscope once took the plain (or narrower unsigned) range here.

/// rustc: valid 126..=0 (125 free values), not the plain 0..=126.
#[derive(layoutscope::Layout)]
#[repr(i8)]
enum TagRangeSigned {
    A = 0,
    B = 126,
}

/// rustc: valid 255..=140 (114 free values), leaving out the widest gap 141..=254.
#[derive(layoutscope::Layout)]
#[repr(u8)]
enum TagRangeUnsigned {
    A = 0,
    B = 100,
    C = 140,
    D = 255,
}

/// The same with data (explicit repr): the tag's range is computed the same way.
#[derive(layoutscope::Layout)]
#[repr(u8)]
enum TagRangeData {
    A(u16) = 0,
    B = 100,
    C = 140,
    D = 255,
}

// --- repr(C) and repr(align(N)) fieldless -----------------------------------------------------

#[derive(layoutscope::Layout)]
#[repr(C)]
enum CFieldless {
    A,
    B = 7,
    C,
}

#[derive(layoutscope::Layout)]
#[repr(C)]
enum CNegative {
    A = -2,
    B = 2,
}

/// Beyond `c_int`: rustc widens the tag.
#[derive(layoutscope::Layout)]
#[repr(C)]
enum CWide {
    A = 0x1_0000_0000,
    B = 0,
}

#[derive(layoutscope::Layout)]
#[repr(align(8))]
enum Align8 {
    A,
    B,
}

#[derive(layoutscope::Layout)]
#[repr(align(2))]
enum Align2Single {
    Only,
}

#[derive(layoutscope::Layout)]
#[repr(u16, align(4))]
enum U16Align4 {
    A = 1000,
    B = 3000,
}

#[derive(layoutscope::Layout)]
#[repr(C, align(16))]
enum CAlign16 {
    A,
    B = 9,
}

/// Unit, empty-tuple and empty-struct variants: fieldless, but `as` casts are not allowed.
#[derive(layoutscope::Layout)]
enum Parens {
    A(),
    B {},
    C,
}

// --- Data with explicit reprs (RFC 2195) --------------------------------------------------------

#[derive(layoutscope::Layout)]
#[repr(u8)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(u8, u16),
    Color(u8, u64) = 10,
}

#[derive(layoutscope::Layout)]
#[repr(C)]
enum CEnum {
    A(u8),
    B(u64),
    C { x: u16, y: u8 },
}

#[derive(layoutscope::Layout)]
#[repr(C, u8)]
enum CU8 {
    A(u8),
    B(u64),
}

#[derive(layoutscope::Layout)]
#[repr(C, i32)]
enum CI32 {
    A(bool) = -1,
    B { c: char, d: u8 },
}

#[derive(layoutscope::Layout)]
#[repr(u16)]
enum U16Data {
    A(u8),
    B(u8, u8, u8),
    C { wide: u32 } = 500,
}

#[derive(layoutscope::Layout)]
#[repr(i32)]
enum I32Data {
    Neg(u16) = -7,
    Zero = 0,
    Pos { p: &'static u8 } = 7,
}

#[derive(layoutscope::Layout)]
#[repr(u64)]
enum U64Data {
    A(u8),
    B(u128),
}

#[derive(layoutscope::Layout)]
#[repr(i128)]
enum I128Data {
    A(u8) = i128::MIN,
    B = 1,
}

/// Data with the u8 tag's extremes: 255 and 0, wrapping valid range 255..=0.
#[derive(layoutscope::Layout)]
#[repr(u8)]
enum U8DataWrap {
    A(u16) = 255,
    B = 0,
}

/// The i8 extremes and 0: the signed range covers all 256 values, so there is no niche.
#[derive(layoutscope::Layout)]
#[repr(i8)]
enum I8DataFull {
    A(u16) = -128,
    B = 0,
    C(char) = 127,
}

#[derive(layoutscope::Layout)]
#[repr(u8, align(16))]
enum U8Align16Data {
    A(u32),
    B { x: u8 },
}

#[derive(layoutscope::Layout)]
#[repr(C, align(32))]
enum CAlign32Data {
    A(u8, u16),
    B,
}

#[derive(layoutscope::Layout)]
#[repr(C, u16, align(8))]
enum CU16Align8Data {
    A(u8),
    B(u32, bool),
}

#[derive(layoutscope::Layout)]
#[repr(u8)]
enum U8SingleData {
    Only(u32),
}

#[derive(layoutscope::Layout)]
#[repr(C)]
enum CSingleData {
    Only { x: u16 },
}

/// Zero-sized fields after the tag.
#[derive(layoutscope::Layout)]
#[repr(u32)]
enum U32Zsts {
    A(()),
    B { z: [u64; 0] },
    C(core::marker::PhantomData<u128>),
    D,
}

/// An uninhabited variant: rustc leaves its discriminant in the tag range anyway.
#[derive(layoutscope::Layout)]
#[repr(u8)]
enum WithUninhabited {
    A(u32),
    B(core::convert::Infallible),
    C = 7,
}
//@ uninhabited WithUninhabited::B

// --- Data with repr(Rust) ------------------------------------------------------------------------

#[derive(layoutscope::Layout)]
enum Void {}

#[derive(layoutscope::Layout)]
enum Single {
    Only,
}

#[derive(layoutscope::Layout)]
enum SingleData {
    Only(u32, bool),
}

#[derive(layoutscope::Layout)]
enum SingleNamed {
    Only { a: u8, b: u64, c: u16 },
}

/// Unit, tuple and struct-like variants with ZST, bool, char, NonZero, reference, Box, Vec and
/// Option fields.
#[derive(layoutscope::Layout)]
enum Mixed {
    Unit,
    Zst((), [u64; 0]),
    Flag(bool),
    Letter(char),
    NonZero(core::num::NonZeroU32),
    Ref(&'static u16),
    Boxed(Box<u8>),
    List(Vec<u16>),
    Maybe(Option<u8>),
    Text { s: &'static str, n: u8 },
}

/// A bool's niche holds the tag.
#[derive(layoutscope::Layout)]
enum BoolNiche {
    A(bool),
    B,
}

/// A char's niche holds two variants.
#[derive(layoutscope::Layout)]
enum CharNiche {
    A(char),
    B,
    C,
}

#[derive(layoutscope::Layout)]
enum BoxOrNothing {
    A(Box<u32>),
    B,
}

/// Two data variants around niches: rustc picks the largest variant's niche or a tag.
#[derive(layoutscope::Layout)]
enum TwoData {
    A(bool, char),
    B(u8),
    C,
}

/// rustc may put the tag after a field (the niche of a later field).
#[derive(layoutscope::Layout)]
enum NicheAfterField {
    A(u32, bool),
    B,
    C,
}

#[derive(layoutscope::Layout)]
enum RustUninhabited {
    A(u32),
    B(core::convert::Infallible),
}
//@ uninhabited RustUninhabited::B

#[derive(layoutscope::Layout)]
enum OnlyUninhabited {
    A(core::convert::Infallible),
}
//@ uninhabited OnlyUninhabited::A

#[derive(layoutscope::Layout)]
enum RawVariants {
    r#type(u8),
    r#match { r#fn: u16, r#ref: bool },
    r#loop,
}

#[derive(layoutscope::Layout)]
#[repr(align(16))]
enum AlignedRustData {
    A(u8),
    B(u32),
}

// --- Generic enums at several instantiations -----------------------------------------------------

#[derive(layoutscope::Layout)]
enum MyOption<T> {
    Nothing,
    Just(T),
}
//@ instantiate MyOption<u8>
//@ instantiate MyOption<bool>
//@ instantiate MyOption<char>
//@ instantiate MyOption<()>
//@ instantiate MyOption<u64>
//@ instantiate MyOption<&'static u32> as MyOption<&u32>
//@ instantiate MyOption<Box<u64>> as MyOption<std::boxed::Box<u64>>
//@ instantiate MyOption<Vec<u8>> as MyOption<std::vec::Vec<u8>>
//@ instantiate MyOption<core::num::NonZeroU32> as MyOption<std::num::NonZero<u32>>
//@ instantiate MyOption<Option<bool>> as MyOption<std::option::Option<bool>>
//@ instantiate MyOption<MyOption<bool>>
//@ instantiate MyOption<HttpStatus>
//@ instantiate MyOption<Data>
//@ instantiate MyOption<U8ZeroAnd255>
//@ instantiate MyOption<I8Full>

#[derive(layoutscope::Layout)]
enum MyResult<T, E> {
    Good(T),
    Bad(E),
}
//@ instantiate MyResult<u8, u64>
//@ instantiate MyResult<char, bool>
//@ instantiate MyResult<(), ()>
//@ instantiate MyResult<u32, Vec<u8>> as MyResult<u32, std::vec::Vec<u8>>
//@ instantiate MyResult<HttpStatus, Data>
//@ instantiate MyResult<bool, MyOption<bool>>

#[derive(layoutscope::Layout)]
#[repr(u16)]
enum MyResultU16<T, E> {
    Good(T),
    Bad(E),
}
//@ instantiate MyResultU16<u8, u64>
//@ instantiate MyResultU16<u32, u8>
//@ instantiate MyResultU16<char, ()>

#[derive(layoutscope::Layout)]
#[repr(C)]
enum CGeneric<T, const N: usize> {
    Arr([T; N]),
    One(T),
    Nothing,
}
//@ instantiate CGeneric<u8, 3>
//@ instantiate CGeneric<u64, 0>
//@ instantiate CGeneric<bool, 5>

// --- Enums nested in structs and in other enums --------------------------------------------------

#[derive(layoutscope::Layout)]
#[repr(C)]
struct Packet {
    kind: HttpStatus,
    body: Message,
}

#[derive(layoutscope::Layout)]
struct Holder {
    data: Data,
    flag: bool,
    maybe: MyOption<char>,
}

#[derive(layoutscope::Layout)]
struct TupleOfEnums(U8ZeroAnd255, BoolNiche, Implicit);

#[derive(layoutscope::Layout)]
#[repr(C)]
struct CHolder {
    a: u8,
    e: I8Small,
    w: WideRust,
}

#[derive(layoutscope::Layout)]
enum Outer {
    A(Data),
    B(HttpStatus),
    C(MyOption<bool>),
    D,
}

#[derive(layoutscope::Layout)]
#[repr(u8)]
enum OuterU8 {
    Inner(Message),
    Pair(CEnum, Implicit),
    Held { h: Holder },
}

#[derive(layoutscope::Layout)]
enum OfStructs {
    P(Packet),
    T(TupleOfEnums),
    N,
}
