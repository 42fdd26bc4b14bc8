//! What layoutscope's tools share to write Rust types at random: a seeded [`Rng`] whose
//! stream a seed fixes on every machine, a type model ([`Item`]: structs, unions and enums as
//! data, printed as Rust source), and one generator ([`generate`]) that writes programs of
//! such types that rustc accepts, in the mix each tool asks for; and the counting global
//! allocator ([`Counting`], [`measure`]) that heap byte totals are checked against.
//!
//! Used by the differential oracle (`oracle/`), the benchmarks (`bench/`), the derive's fuzz
//! tests (`layout-derive/tests/fuzz/`) and the value tests (`testsuite/`). Not published.

mod counting;
pub mod gen;
mod model;
mod rng;
pub mod types;

pub use counting::{measure, Counting};
pub use gen::{generate, item, Batch, Generated, Instance, Mix};
pub use model::{Body, Field, Fields, Item, Param, ParamKind, Style, Variant};
pub use rng::Rng;
