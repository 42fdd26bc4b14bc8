//! What layoutscope's tools share to write Rust types at random: a seeded [`Rng`] whose
//! stream a seed fixes on every machine.
//!
//! Used by the differential oracle (`oracle/`), the build-time benchmark (`bench/`) and the
//! derive's fuzz tests (`layout-derive/tests/fuzz/`). Not published.

mod rng;

pub use rng::Rng;
