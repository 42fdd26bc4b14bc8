//! Const memory-layout metadata for Rust types: the model, the analyses and the renderers
//! behind [layoutscope](https://docs.rs/layoutscope).
//!
//! Most users depend on the `layoutscope` facade and write `#[derive(Layout)]`; this crate
//! holds everything that does not need a proc macro:
//!
//! - [`Layout`] and [`TypeLayout`]: size, align, repr, fields with their real offsets,
//!   niche facts, all computed at compile time from `size_of`, `align_of` and `offset_of!`.
//! - enums: variants, discriminants, tags ([`Variant`], [`Tag`], [`LayoutOfVal`]).
//! - [`TypeLayout::padding`]: the padding byte ranges, computed in `const` from the fields.
//! - [`NicheSummary`]: the largest niche, exact where Rust allows it and "unknown" where it
//!   does not.
//! - `impl Layout` for primitives, pointers, tuples, arrays and common `core`/`alloc`/`std`
//!   types (features `alloc` and `std`, on by default).
//! - [`Diagram`]: tables, byte maps, box drawings, Markdown and SVG ([`Style`]); the table is
//!   also `Display for TypeLayout`.
//! - [`check_layout!`], [`assert_layout!`], [`assert_layout_eq!`] and [`check`]: layout
//!   assertions at compile time (with the actual and expected values in the error) and in
//!   tests (with a diff).
//!
//! - feature `serde`: `Serialize` for [`TypeLayout`] and its parts. A layout serializes as
//!   one type object of the JSON schema `layoutscope-layouts/1` (`JSON_SCHEMA`), the schema
//!   `cargo layoutscope --json` writes, so one reader takes layouts from the derive and from the
//!   compiler's debug info alike; `TypeLayout::serialize_with` writes `null` for the facts a
//!   source does not record. Documented in the repository's `docs/json-schema.md`.
//!
//! The crate is `no_std` and contains no `unsafe` code; its only dependency is `serde`
//! (without `std` or allocator), behind the `serde` feature.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod build;
pub mod check;
#[cfg(all(feature = "alloc", feature = "render"))]
mod diff;
mod enums;
#[cfg(feature = "render")]
mod explicit;
mod impls;
#[cfg(feature = "serde")]
mod json;
mod macros;
mod model;
mod niche;
mod order;
mod padding;
mod probe;
#[cfg(feature = "render")]
mod render;
mod repr;
mod rules;
mod text;

pub use enums::{Discriminant, LayoutOfVal, Tag, Variant};
#[cfg(feature = "render")]
pub use explicit::ExplicitPadding;
#[cfg(feature = "serde")]
pub use json::{SourceFacts, Sourced, JSON_SCHEMA};
pub use model::{Body, Field, Layout, PointerMeta, StructKind, TypeLayout, TypeName};
pub use niche::{LargestNiche, Niche, NicheCount, NicheSummary, UnknownReason, PROBE_EXACT_MAX};
pub use padding::{ByteRange, Padding};
#[cfg(feature = "render")]
pub use render::{Diagram, Style};
pub use repr::{IntRepr, Repr, ReprBase};

// The derive's most repeated paths, kept short at the crate root: every expansion names them
// once per field or variant, and tokens are what an expansion costs. Not a public API.
#[doc(hidden)]
pub use build::{
    aggregate as __aggregate, field as __field, generic_field as __generic_field,
    generic_unplaced as __generic_unplaced, union as __union, unplaced as __unplaced,
};
#[doc(hidden)]
pub use core::mem::offset_of as __offset_of;
#[doc(hidden)]
pub use enums::{
    direct_tag_niche as __direct_tag_niche, enumeration as __enumeration,
    unit_variant as __unit_variant, variant as __variant,
};
// For the pictures of live values (`layout-values`), which name types as the diagrams do.
#[doc(hidden)]
#[cfg(feature = "render")]
pub use render::ShortTypeName as __ShortTypeName;
#[doc(hidden)]
pub use rules::{
    place_struct as __place_struct, place_union as __place_union, place_variant as __place_variant,
    Facts as __Facts,
};
// For the SVG pictures of live values (`layout-values`): the same colours, font and escaping.
#[doc(hidden)]
#[cfg(feature = "render")]
pub mod __svg {
    pub use crate::render::svg::{escape, open};
    pub use crate::render::theme::svg::*;
    pub use crate::render::width::str_width;
}

/// Prints the table of `T`'s layout to standard output: handy in tests and examples.
///
/// ```
/// # extern crate layout_core as layoutscope;
/// layoutscope::print::<(u8, u32)>();
/// ```
#[cfg(all(feature = "std", feature = "render"))]
pub fn print<T: Layout>() {
    print_diagram::<T>(Style::Table);
}

/// Prints a diagram of `T`'s layout in `style` to standard output.
#[cfg(all(feature = "std", feature = "render"))]
pub fn print_diagram<T: Layout>(style: Style) {
    extern crate std;
    std::println!("{}", T::LAYOUT.diagram().style(style));
}

/// The layout of `T`: shorthand for `<T as Layout>::LAYOUT`.
pub const fn layout_of<T: Layout>() -> &'static TypeLayout {
    &T::LAYOUT
}

/// Items used by the code that `#[derive(Layout)]` generates. Not a public API: it may change
/// in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::build::{opaque, Opaque};
    pub use crate::check;
    #[cfg(all(feature = "alloc", feature = "render"))]
    pub use crate::diff::{assert_table, line_diff};

    /// `r#type` → `type`, for field names that macros receive as identifiers.
    pub const fn unraw(name: &str) -> &str {
        match name.as_bytes() {
            [b'r', b'#', ..] => name.split_at(2).1,
            _ => name,
        }
    }
}
