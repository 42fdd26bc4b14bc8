//! layoutscope's test suite: the tests in `tests/` need dev-dependencies (trybuild, the
//! differential oracle, serde, zerocopy, roxmltree, static_assertions) that the facade's examples
//! must not build. `cargo test --workspace` runs them with the facade's own tests.
