//! The idioms that keep a layout check meaningful on every target, checked by `cargo check`
//! (the checks are constants) for x86_64 and i686 in `.ci/run`:
//!
//! - sizes written in words, as constant expressions: `size = 3 * size_of::<usize>()`;
//! - one expectation per pointer width with `cfg_attr`;
//! - `max_size` as a ratchet that only moves down.
#![allow(dead_code)]

use layoutscope::{assert_layout, Layout};

/// A vector header is three words on every target.
#[derive(Layout)]
#[layout(size = 3 * size_of::<usize>(), align = align_of::<usize>())]
pub struct Buffer {
    items: Vec<u8>,
}

/// A `u64` is 8-aligned on x86_64 but 4-aligned on i686: one pinned layout per target.
#[derive(Layout)]
#[repr(C)]
#[cfg_attr(target_pointer_width = "64", layout(size = 24, align = 8))]
#[cfg_attr(target_pointer_width = "32", layout(size = 16, align = 4))]
pub struct Record {
    tag: u8,
    #[cfg_attr(target_pointer_width = "64", layout(offset = 8))]
    #[cfg_attr(target_pointer_width = "32", layout(offset = 4))]
    id: u64,
    len: usize,
}

// A ratchet: the type may shrink, never grow past today's size on any target.
assert_layout!(Record, max_size = 24);
assert_layout!(Buffer, size = 3 * size_of::<usize>(), no_padding);

/// Pins the 64-bit layout on every target: `cargo check --target i686-unknown-linux-gnu
/// --features wrong-on-32-bit` must fail with the check's message.
#[cfg(feature = "wrong-on-32-bit")]
#[derive(Layout)]
#[layout(size = 24)]
pub struct Pinned {
    items: Vec<u8>,
}

/// A bound that only a 64-bit `usize` can hold: on i686 the compiler rejects the literal at
/// the key (`overflowing_literals`) instead of comparing with a truncated number.
#[cfg(feature = "wrong-on-32-bit")]
#[derive(Layout)]
#[layout(max_size = 4_294_967_297)]
pub struct Bounded {
    items: Vec<u8>,
}
