//! Golden expansions, after zerocopy's `output_tests`: the derive runs on each item in
//! `tests/expand/NAME.rs` and its output, formatted by prettyplease, must equal
//! `tests/expand/NAME.expanded.rs`, so that a reviewer reads what the derive emits and every
//! change to it shows as a diff. A rejected input's file holds its `compile_error!`s and the
//! fallback impl.
//!
//! After an intended change to the emitted code, rewrite every expected file (and delete those
//! whose input is gone) with one command, then review `git diff -- layout-derive/tests/expand`:
//!
//! ```text
//! LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
//! ```
//!
//! To add a case, add `tests/expand/NAME.rs` (one item, as the derive receives it: without
//! `#[derive(Layout)]`) and bless.

#![allow(dead_code)]

// The derive's modules, compiled into this test (a proc-macro crate exports only its macros).
include!("fuzz/derive_modules.rs");

use std::fs;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

const EXPANDED: &str = ".expanded.rs";

/// The golden file's text: a header, then the formatted expansion.
fn expansion(input: &Path) -> String {
    let name = input.file_name().unwrap_or_default().to_string_lossy();
    let source = fs::read_to_string(input).unwrap_or_else(|e| panic!("{name}: {e}"));
    let tokens: TokenStream = source
        .parse()
        .unwrap_or_else(|e| panic!("{name} is not a token stream: {e}"));
    let item: item::Item =
        syn::parse2(tokens).unwrap_or_else(|e| panic!("{name} is not an item: {e}"));
    let (what, code) = match expand::derive(&item) {
        Ok(code) => ("", code),
        Err(errors) => (
            ", which it rejects: the errors and the fallback impl",
            errors,
        ),
    };
    let file: syn::File = syn::parse2(code.clone())
        .unwrap_or_else(|e| panic!("{name}: the expansion is not a Rust file: {e}\n{code}"));
    format!(
        "// What `#[derive(Layout)]` emits for `{name}`{what}.\n\
         // Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand\n{}",
        prettyplease::unparse(&file)
    )
}

fn files(dir: &Path, expanded: bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".rs") && name.ends_with(EXPANDED) == expanded
        })
        .collect();
    files.sort();
    files
}

fn golden_path(input: &Path) -> PathBuf {
    input.with_extension(&EXPANDED[1..])
}

#[test]
fn expansions_equal_the_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expand");
    let bless = std::env::var_os("LAYOUTSCOPE_BLESS").is_some();
    let inputs = files(&dir, false);
    assert!(
        inputs.len() >= 10,
        "the inputs are missing from {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for input in &inputs {
        let actual = expansion(input);
        let golden = golden_path(input);
        if bless {
            fs::write(&golden, &actual).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
            continue;
        }
        match fs::read_to_string(&golden) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{} changed (- expected, + actual):\n{}",
                golden.display(),
                layout_core::__private::line_diff(&expected, &actual)
            )),
            Err(e) => failures.push(format!("{}: {e}", golden.display())),
        }
    }
    for golden in files(&dir, true) {
        if inputs.iter().any(|input| golden_path(input) == golden) {
            continue;
        }
        if bless {
            fs::remove_file(&golden).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
        } else {
            failures.push(format!("{} has no input", golden.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive \
         --test expand, then review the diff.",
        failures.join("\n\n")
    );
}
