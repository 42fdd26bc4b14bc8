//! placeholder
#![no_std]
pub use layout_core::*;
pub use layout_derive::Layout;
