//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod schema;

/// The CLI's own name rules (a binary crate's modules are not importable from its tests).
#[path = "../../src/select.rs"]
mod select;

#[allow(unused_imports)] // used by some of the test binaries that include this module
pub use select::short_name;

/// `cargo layoutscope --json` of the crate in `dir` (only `names`, when given), built in
/// `target_dir`.
pub fn cli_json(
    dir: &std::path::Path,
    target_dir: &std::path::Path,
    names: &[&str],
) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cargo-layoutscope"))
        .args(["layoutscope", "--quiet", "--json", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir)
        .args(names)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo layoutscope failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

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
