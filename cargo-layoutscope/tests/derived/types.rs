// The types that `tests/derive_json.rs` lays out twice: with `#[derive(Layout)]` in the test
// itself, and from the debug info of a crate built from this same file (its derives and
// `#[layout]` attributes removed). One item per line of interest; no `use` of layoutscope, so
// that the stripped file builds without it.

/// A type without `Layout`, behind an opaque field.
pub struct Foreign(pub u64, pub bool);

/// `repr(Rust)`: the compiler reorders the fields.
#[derive(layoutscope::Layout)]
pub struct Header {
    pub tag: u8,
    pub len: u64,
    pub flags: u16,
}

#[derive(layoutscope::Layout)]
#[repr(C)]
pub struct CHeader {
    pub tag: u8,
    pub len: u32,
    pub port: u16,
    pub id: u64,
}

#[derive(layoutscope::Layout)]
#[repr(C, packed(2))]
pub struct Packed {
    pub a: u8,
    pub b: u32,
}

#[derive(layoutscope::Layout)]
#[repr(C, align(16))]
pub struct Aligned(pub u8, pub u16);

#[derive(layoutscope::Layout)]
pub struct Unit;

#[derive(Clone, Copy, layoutscope::Layout)]
#[repr(C)]
pub union Bits {
    pub int: u32,
    pub bytes: [u8; 4],
    pub half: u16,
}

/// Fieldless, `repr(Rust)`, with an explicit discriminant.
#[derive(layoutscope::Layout)]
pub enum Level {
    Low,
    Mid = 5,
    High,
}

#[derive(layoutscope::Layout)]
#[repr(i8)]
pub enum Signed {
    Neg = -3,
    Zero = 0,
    Pos = 7,
}

#[derive(layoutscope::Layout)]
#[repr(u8)]
pub enum Message {
    Quit = 1,
    Move { x: i32, y: i32 } = 2,
    Write(Vec<u8>) = 7,
}

#[derive(layoutscope::Layout)]
#[repr(C)]
pub enum Shape {
    Circle(f32),
    Rect { w: u16, h: u16 },
}

#[derive(layoutscope::Layout)]
#[repr(C, u16)]
pub enum Tagged {
    A(u8),
    B(u64),
}

/// `repr(Rust)` with data: the derive does not know where the tag and the fields are.
#[derive(layoutscope::Layout)]
pub enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

#[derive(layoutscope::Layout)]
pub struct Nested {
    pub header: Header,
    pub level: Level,
    pub data: Option<Data>,
    pub id: Option<core::num::NonZeroU32>,
    pub result: Result<u16, u8>,
    pub items: [u16; 3],
}

#[derive(layoutscope::Layout)]
pub struct WithOpaque {
    #[layout(opaque)]
    pub foreign: Foreign,
    pub id: u32,
}

#[derive(layoutscope::Layout)]
pub struct Pair<T> {
    pub first: T,
    pub second: u8,
}

#[derive(layoutscope::Layout)]
pub struct Refs<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub boxed: Box<u32>,
}
