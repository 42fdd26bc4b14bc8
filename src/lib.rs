//! # layoutscope
//!
//! Exact memory layouts of your Rust types, as `const` metadata: size, align, every field's
//! real offset (after the compiler reordered them), padding byte ranges and niche facts.
//! Every number comes from the compiler (`size_of`, `align_of`, `offset_of!`) at compile
//! time; where Rust gives no sound answer, the metadata says "unknown" instead of guessing.
//!
//! ```
//! use layoutscope::Layout;
//!
//! #[derive(Layout)]
//! #[repr(C)]
//! struct Header {
//!     tag: u8,
//!     len: u32,
//!     port: u16,
//!     id: u64,
//! }
//!
//! const L: &layoutscope::TypeLayout = &Header::LAYOUT;
//! const _: () = assert!(L.size == 24 && L.padding_bytes() == 9);
//!
//! print!("{}", Header::LAYOUT);
//! // Header  24 bytes, align 8, repr(C)
//! //  offset  size  align  field  type
//! //       0     1      1  tag    u8
//! //       1     3         ░ padding
//! //       4     4      4  len    u32
//! //       8     2      2  port   u16
//! //      10     6         ░ padding
//! //      16     8      8  id     u64
//! //  fields 15 B · padding 9 B (37.5%) · 1 cache line
//! //  no niche · Option<Self> is larger
//! //  reordering (id, len, port, tag) saves 8 B → 16
//! ```
//!
//! ## The derive
//!
//! `#[derive(Layout)]` works on named, tuple and unit structs, on unions and on enums, with any
//! lifetimes, type and const generics and where clauses, and with `repr(Rust)`, `repr(C)`,
//! `repr(transparent)`, `repr(packed)`, `repr(packed(N))`, `repr(align(N))` and their legal
//! combinations, and for enums `repr(C)`, `repr(u8)`…`repr(i128)` and `repr(C, u8)`. Each
//! field type must implement [`Layout`] (as with serde's `Serialize`);
//! a generic parameter gets a bound only when a field needs it. Attributes:
//!
//! | attribute | where | meaning |
//! |---|---|---|
//! | `#[layout(crate = "path")]` | type | where the layoutscope items are, when the crate is renamed or re-exported |
//! | `#[layout(opaque)]` | field | the field type need not implement `Layout`: size, align, offset and niche existence stay exact, the inside is not described |
//!
//! Structs whose last field is unsized (`[T]`, `str`, `dyn Trait`) are rejected with an error
//! that shows how to make the tail generic and derive on a sized instance instead: a
//! `TypeLayout` always describes a whole, sized value.
//!
//! ## Enums
//!
//! Every enum gets its variants with discriminants and fields ([`Variant`]), its [`Tag`] and
//! its niche. How much is exact depends on the repr:
//!
//! | enum | tag | variant field offsets | niche |
//! |---|---|---|---|
//! | fieldless, any repr | the whole value | — | exact |
//! | data, `repr(u8)`…, `repr(C)`, `repr(C, u8)` | exact (RFC 2195) | exact | exact (the tag's unused values) |
//! | data, `repr(Rust)` | [`Tag::Unknown`] | `None`; exact for a live value via [`LayoutOfVal`] | count measured, location unknown |
//!
//! rustc does not specify where a `repr(Rust)` enum with data keeps its tag (it may encode it
//! in a niche of a field), there is no stable way to ask, and reading a value's bytes would
//! read uninitialised padding (undefined behaviour). So those facts are reported as unknown.
//!
//! ```
//! use layoutscope::{Layout, LayoutOfVal, Tag};
//!
//! #[derive(Layout)]
//! #[repr(u8)]
//! enum Message { Quit, Move { x: i32, y: i32 }, Write(u8, u16) }
//!
//! let l = &Message::LAYOUT;
//! assert_eq!(l.tag(), Tag::Direct { offset: 0, size: 1 });
//! assert_eq!(l.variant("Move").unwrap().fields[1].offset.unwrap(), 8);
//!
//! #[derive(Layout)]
//! enum Data { Empty, Number(i32), Array(Vec<i32>) }
//!
//! assert_eq!(Data::LAYOUT.size, 24); // the tag hides in Vec's capacity niche
//! assert_eq!(Data::LAYOUT.tag(), Tag::Unknown);
//! let value = Data::Number(7);
//! let mut offset = None;
//! let variant = value.visit_fields_of_val(&mut |_field, at| offset = Some(at));
//! assert_eq!((variant.name, variant.offsets_known()), ("Number", false));
//! assert!(offset.is_some());
//! ```
//!
//! ## Layout assertions
//!
//! Pin a layout on the type itself; a failing check stops `cargo check` with an error at the
//! attribute that says the actual and the expected value, e.g.
//! ``size of `Header` is 24 bytes, expected 16`` or
//! ``` `Header` has 9 bytes of padding: 3 bytes at 1..4 (after `tag`), 6 bytes at 10..16 (after `port`)```.
//!
//! | key | where | checks |
//! |---|---|---|
//! | `size = N` | type | `size_of` is `N` |
//! | `align = N` | type | `align_of` is `N` |
//! | `max_size = N` | type | `size_of` is at most `N` |
//! | `no_padding` | struct, union | no byte belongs to no field (the error lists every hole) |
//! | `niche` | type | `Option<Self>` is as large as `Self` |
//! | `offset = N` | struct or union field | the field is at byte `N` |
//!
//! ```
//! use layoutscope::Layout;
//!
//! #[derive(Layout)]
//! #[repr(C)]
//! #[layout(size = 16, align = 8, no_padding)]
//! struct Packet {
//!     kind: u8,
//!     flags: u8,
//!     port: u16,
//!     len: u32,
//!     #[layout(offset = 8)]
//!     id: u64,
//! }
//! ```
//!
//! For a type without type or const parameters each check is a `const` item of its own, so
//! every failing check is reported at once, even if nothing uses the type. A generic type's
//! checks run inside `LAYOUT`, after monomorphization: they fire for each instantiation whose
//! layout is evaluated, so force the ones you care about with e.g.
//! `const _: usize = Slot::<u64>::LAYOUT.size;`.
//!
//! Anywhere else: [`assert_layout!`] (an item: `assert_layout!(Header, size = 16, offset(id) = 8,
//! no_padding);`), [`check_layout!`] (an expression, for `const { check_layout!(T, max_size = 64) }`
//! inside generic functions; like every post-monomorphization error it fires when the
//! function is instantiated by `cargo build` or `cargo test`, not by `cargo check`), the
//! `const fn` API of [`TypeLayout`] for your own
//! `const _: () = assert!(...)` (it composes with `static_assertions`), and in tests
//! [`assert_layout_eq!`], which compares the table with an expected one and panics with a line
//! diff.
//!
//! ## What is exact
//!
//! | fact | guarantee |
//! |---|---|
//! | size, align, field offsets and sizes | exact: read from the compiler |
//! | padding ranges | exact: the bytes no field covers, computed from the exact offsets |
//! | `niche.option_fits` | exact: `size_of::<Option<T>>() == size_of::<T>()` |
//! | niche count | exact when located; else measured by probe enums, exact up to [`PROBE_EXACT_MAX`] and a lower bound above |
//! | niche location | reported only when the field types determine it; "unknown" for opaque insides, enum tags and ties that depend on rustc's unspecified field-reordering heuristics |
//!
//! Every layout also checks itself while it is computed: if the niche model disagreed with
//! `size_of::<Option<T>>()`, the build would fail rather than report a wrong answer. The
//! test suite compares hundreds of generated types with `-Zprint-type-sizes` and
//! `#[rustc_layout(debug)]`.
//!
//! ## Features
//!
//! `std` (default) and `alloc` add impls for `Vec`, `String`, `Box`, `Rc`, `Arc`, the
//! collections, `Mutex`, `HashMap` and so on. Without them the crate is `no_std` and needs no
//! allocator.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use layout_core::*;
/// Derives [`Layout`]; see the [crate documentation](crate#the-derive).
pub use layout_derive::Layout;

/// README's Rust examples compile and run as doctests, so README cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
