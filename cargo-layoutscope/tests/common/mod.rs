//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod schema;

/// The CLI's own name rules (a binary crate's modules are not importable from its tests).
#[path = "../../src/select.rs"]
mod select;

#[allow(unused_imports)] // used by some of the test binaries that include this module
pub use select::short_name;
