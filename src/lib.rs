//! # layoutscope
//!
//! Exact memory layouts of your Rust types, as `const` metadata: size, align, every field's
//! real offset (after the compiler reordered them), padding byte ranges, enum discriminants and
//! tags, and niche facts. Every number comes from the compiler (`size_of`, `align_of`,
//! `offset_of!`) at compile time; where Rust gives no sound answer, the metadata says
//! "unknown" instead of guessing. The metadata draws itself as tables, byte maps, box
//! drawings, Markdown and SVG, and checks itself at compile time.
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
//! ```
//!
//! prints
//!
//! ```text
//! Header  24 bytes, align 8, repr(C)
//!  offset  size  align  field  type
//!       0     1      1  tag    u8
//!       1     3         ░ padding
//!       4     4      4  len    u32
//!       8     2      2  port   u16
//!      10     6         ░ padding
//!      16     8      8  id     u64
//!  fields 15 B · padding 9 B (37.5%) · 1 cache line
//!  no niche · Option<Self> is larger
//!  reordering (id, len, port, tag) saves 8 B → 16
//! ```
//!
//! ## Diagrams
//!
//! `Display` on a [`TypeLayout`] prints the table above; [`TypeLayout::diagram`] gives a
//! [`Diagram`] to draw in another [`Style`], configured with builder methods (`.width(n)`,
//! `.depth(n)` to expand nested fields, `.ascii(true)`, `.show_types(false)`, …). Every style
//! writes through `core::fmt`, needs no allocator and is deterministic, so its output can be
//! compared in tests.
//!
//! ```
//! use layoutscope::{Layout, Style};
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
//! print!("{}", Header::LAYOUT.diagram().style(Style::ByteMap));
//! let svg = Header::LAYOUT.diagram().style(Style::Svg).to_string();
//! assert!(svg.starts_with("<svg"));
//! ```
//!
//! prints
//!
//! ```text
//! Header  24 bytes, align 8, repr(C)
//!         0 1 2 3 4 5 6 7
//!       0 a ░ ░ ░ b b b b
//!       8 c c ░ ░ ░ ░ ░ ░
//!      16 d d d d d d d d
//!  legend: a tag: u8 · b len: u32 · c port: u16 · d id: u64 · ░ padding
//! ```
//!
//! | [`Style`] | what it shows |
//! |---|---|
//! | `Table` (default) | rows in memory order with padding, cache-line boundaries and a summary |
//! | `ByteMap` | one letter per byte, a legend; a group per enum variant and union member |
//! | `Boxes` | a proportional box drawing with an offset ruler, wrapped at `.width(n)` |
//! | `Markdown` | a table for GitHub and rustdoc |
//! | `Svg` | a self-contained picture, one row per enum variant |
//!
//! [`print`] and [`print_diagram`] print a type's diagram from a test or an example. To show a
//! diagram in a type's own rustdoc, keep it in a file that a test checks and include it with
//! `#[doc = include_str!(..)]`: see [`snapshot`].
//!
//! ## The derive
//!
//! `#[derive(Layout)]` works on named, tuple and unit structs, on unions and on enums, with any
//! lifetimes, type and const generics and where clauses, and with `repr(Rust)`, `repr(C)`,
//! `repr(transparent)`, `repr(packed)`, `repr(packed(N))`, `repr(align(N))` and their legal
//! combinations, and for enums `repr(C)`, `repr(u8)`…`repr(i128)` and `repr(C, u8)`, written
//! in one `#[repr]` or spread over several and combined as rustc combines them (the largest
//! `align(N)` wins). Each field type must implement [`Layout`] (as with serde's `Serialize`);
//! a generic parameter gets a bound only when a field needs it. The keys of `#[layout(...)]`
//! are listed on the [derive's page](derive@Layout).
//!
//! ## Enums
//!
//! Every enum gets its variants with discriminants and fields ([`Variant`]), its [`Tag`] and
//! its niche. With an explicit repr (`repr(u8)`…, `repr(C)`, `repr(C, u8)`) the tag and every
//! variant's field offsets are exact (RFC 2195). rustc does not specify where a `repr(Rust)`
//! enum with data keeps its tag (it may encode it in a niche of a field), there is no stable
//! way to ask, and reading a value's bytes would read uninitialised padding (undefined
//! behaviour): there the tag is [`Tag::Unknown`] and the variants' field offsets are `None` in
//! `const`, while [`LayoutOfVal`] reports them exactly for a live value. The full list is under
//! [What is exact](#what-is-exact).
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
//! Pin a layout on the type itself with the derive's check keys; a failing check stops
//! `cargo check` with an error at the key that says the actual and the expected value, e.g.
//! ``size of `Header` is 24 bytes, expected 16`` or
//! ``` `Header` has 9 bytes of padding: 3 bytes at 1..4 (after `tag`), 6 bytes at 10..16 (after `port`)```.
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
//! Anywhere else: [`assert_layout!`] (an item), [`check_layout!`] (an expression, for
//! `const { check_layout!(T, max_size = 64) }` inside generic functions; like every
//! post-monomorphization error it fires when `cargo build` or `cargo test` instantiates the
//! function, not under `cargo check`), the `const fn` queries of [`TypeLayout`] for your own
//! `const _: () = assert!(...)`, and in tests [`assert_layout_eq!`], which compares the table
//! with an expected one and panics with a line diff.
//!
//! The keys also check false sharing: `apart(head, tail)`, `atomics_apart` and a field's
//! `own_line` (`own_line(field)` in the macros), for lines of `cache_line = N` bytes (64 unless
//! set), hold for every address the type's alignment allows. A value may be any constant
//! expression, so one check holds on 32- and 64-bit targets (`size = 3 * size_of::<usize>()`);
//! where layouts differ by target, write one key per target
//! (`#[cfg_attr(target_pointer_width = "32", layout(size = 12))]`) or a ratchet, `max_size`.
//! The [derive's page](derive@Layout) lists every key. For FFI and zero-copy code,
//! [`TypeLayout::explicit_padding`] prints a struct with its holes as `_pad0: [u8; 3]` fields.
//!
//! ## What is exact
//!
#![doc = include_str!("exactness.md")]
//!
//! Every layout also checks itself while it is computed: if the niche model disagreed with
//! `size_of::<Option<T>>()`, the build would fail rather than report a wrong answer. The
//! repository's differential tests compare every fact with rustc's own answers on thousands
//! of generated types (`docs/exactness.md` in the repository).
//!
//! ## Features
//!
//! `std` (default) and `alloc` add impls for `Vec`, `String`, `Box`, `Rc`, `Arc`, the
//! collections, `Mutex`, `HashMap` and so on; `std` also adds [`print`], [`print_diagram`]
//! and [`snapshot`]. Without them the crate is `no_std` and needs no allocator.
//!
//! `serde` implements `Serialize` for [`TypeLayout`] and its parts, with or without `std`:
//! a layout serializes as one type object of the JSON schema that `cargo layoutscope --json`
//! writes (`JSON_SCHEMA`, documented in the repository's `docs/json-schema.md`), so one
//! reader takes the derive's layouts and the compiler's debug info alike.
//!
//! `values` draws live values (`show`); it needs `std`.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
pub use layout_core::assert_layout_eq;
/// ```
/// use layoutscope::{Layout, LayoutOfVal};
///
/// #[derive(Layout)]
/// enum Data { Empty, Number(i32), Array(Vec<i32>) }
///
/// // In `const`, a `repr(Rust)` enum's variant fields have no offset; a live value says
/// // where this build put them, found by pattern matching (no byte is read).
/// assert_eq!(Data::LAYOUT.variant("Number").unwrap().fields[0].offset, None);
/// let value = Data::Number(7);
/// let mut at = None;
/// let variant = value.visit_fields_of_val(&mut |_field, offset| at = Some(offset));
/// assert_eq!(variant.name, "Number");
/// assert!(at.unwrap() + 4 <= size_of::<Data>());
/// ```
pub use layout_core::LayoutOfVal;
pub use layout_core::{
    assert_layout, check, check_layout, layout_of, Body, ByteRange, Diagram, Discriminant,
    ExplicitPadding, Field, IntRepr, LargestNiche, Layout, Niche, NicheCount, NicheSummary,
    Padding, PointerMeta, Repr, ReprBase, StructKind, Style, Tag, TypeLayout, TypeName,
    UnknownReason, Variant, PROBE_EXACT_MAX,
};
#[cfg(feature = "std")]
pub use layout_core::{print, print_diagram};
#[cfg(feature = "serde")]
pub use layout_core::{SourceFacts, Sourced, JSON_SCHEMA};

// What the derive's expansions and the macros name; not a public API.
#[doc(hidden)]
pub use layout_core::{
    __Facts, __aggregate, __assert_layout_keys, __check_layout_keys, __enumeration, __field,
    __generic_field, __generic_unplaced, __offset_of, __place_struct, __place_union,
    __place_variant, __private, __report, __union, __unit_variant, __unplaced, __variant,
};
#[cfg(feature = "std")]
pub mod snapshot;
/// Derives [`Layout`](trait@Layout): an example with checks, an opaque field and a niche;
/// every key is listed below.
///
/// ```
/// use core::num::NonZeroU32;
/// use layoutscope::Layout;
///
/// /// A type from elsewhere, without a `Layout` impl.
/// struct Foreign(u16);
///
/// #[derive(Layout)]
/// #[repr(C)]
/// #[layout(size = 8, align = 4, niche)]
/// struct Slot {
///     #[layout(opaque)]
///     key: Foreign,
///     #[layout(offset = 4)]
///     id: NonZeroU32,
/// }
///
/// assert_eq!(Slot::LAYOUT.padding_bytes(), 2);
/// ```
pub use layout_derive::Layout;
/// Pictures of live values: the bytes of a value at their real offsets, the heap blocks it
/// owns, shares and borrows, and byte totals equal to what the allocator handed out. See
/// [`show`](fn@show); types opt in with `#[layout(values)]` on `#[derive(Layout)]`.
#[cfg(feature = "values")]
pub use layout_values as values;
#[cfg(feature = "values")]
pub use layout_values::show;

/// README's Rust examples compile and run as doctests, so README cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
