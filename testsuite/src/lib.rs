//! layoutscope's test suite: the tests in `tests/` need dev-dependencies (trybuild, the
//! differential oracle, serde, zerocopy, roxmltree, static_assertions, insta) that the facade's
//! examples must not build. `cargo test --workspace` runs them with the facade's own tests.
//!
//! The library holds the types whose rustdoc shows their layout, as a user's crate would: the
//! diagram is `layouts/<Type>.md`, included with `#[doc = include_str!(..)]` and kept current by
//! `tests/rustdoc_layouts.rs` (see `layoutscope::snapshot`). CI builds these docs with
//! `RUSTDOCFLAGS=-Dwarnings`.

use layoutscope::Layout;

/// A message header, as it goes on the wire.
///
#[doc = include_str!("../layouts/Header.md")]
#[derive(Layout)]
#[repr(C)]
pub struct Header {
    /// The message kind.
    pub tag: u8,
    /// The payload's length in bytes.
    pub len: u32,
    /// The destination port.
    pub port: u16,
    /// The sender.
    pub id: u64,
}
