//! A `#![no_std]` crate without `alloc` that derives `Layout` through a renamed dependency
//! (`ls` in Cargo.toml): building it is the test.
#![no_std]

use ls::Layout;

/// A wire header as an embedded user would write it.
#[derive(Layout)]
#[layout(crate = "ls")]
#[repr(C)]
pub struct Header {
    /// Message kind.
    pub kind: u8,
    /// Payload length.
    pub len: u16,
    /// Sender.
    pub id: core::num::NonZeroU32,
}

/// Checked at compile time, with no allocator and no std.
pub const HEADER_SIZE: usize = Header::LAYOUT.size;
const _: () = assert!(HEADER_SIZE == 8);
const _: () = assert!(Header::LAYOUT.padding_bytes() == 1);
const _: () = assert!(Header::LAYOUT.niche.option_fits);
