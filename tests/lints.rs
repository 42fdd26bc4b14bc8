//! Derived code stays warning-free in strict user crates.
#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    private_bounds,
    private_interfaces
)]
#![allow(dead_code)]

use layoutscope::Layout;

struct Private<T>(T);

impl<T: Layout> Layout for Private<T> {
    const LAYOUT: layoutscope::TypeLayout = T::LAYOUT;
}

/// A public type whose field type is private and generic.
#[derive(Layout)]
pub struct Public<T, U = u8> {
    inner: Private<T>,
    default: U,
}

/// Defaults on type parameters are kept out of the impl, as Rust requires.
#[derive(Layout)]
pub struct WithDefault<T = u32, const N: usize = 4>([T; N]);

#[test]
fn strict_lints_accept_the_generated_code() {
    assert_eq!(Public::<u16>::LAYOUT.size, 4);
    assert_eq!(<WithDefault>::LAYOUT.size, 16);
}
