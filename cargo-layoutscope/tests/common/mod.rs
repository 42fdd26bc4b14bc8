//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod schema;

/// The CLI's own name rules (a binary crate's modules are not importable from its tests).
#[path = "../../src/select.rs"]
mod select;

#[allow(unused_imports)] // used by some of the test binaries that include this module
pub use select::short_name;

/// Compares `actual` with the golden file `tests/golden/<name>`; `LAYOUTSCOPE_BLESS=1`
/// rewrites the file instead.
pub fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("LAYOUTSCOPE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}; run with LAYOUTSCOPE_BLESS=1",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the output (LAYOUTSCOPE_BLESS=1 rewrites it):\n{actual}",
        path.display()
    );
}
