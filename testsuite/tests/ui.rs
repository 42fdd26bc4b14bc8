//! Every input the derive rejects, with the exact compiler output users see.
//! Regenerate the `.stderr` files with `TRYBUILD=overwrite cargo test -p layoutscope-testsuite --test ui` and review them.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
