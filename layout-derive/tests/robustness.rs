//! Robustness of the expansion, outside the compiler: generated and mutated inputs, valid items
//! with broken `#[layout]` keys (which must all be rejected), huge inputs, and the regression
//! corpus in `tests/corpus/`. Requirement: `expand::derive` never panics; it returns code or a
//! spanned error.
//!
//! A proc-macro crate exports only its macros, so this test compiles the derive's modules
//! into itself (`#[path]` below) and calls the expansion on `proc_macro2` token streams. The
//! generators are in `fuzz/`, shared with `expansion_compiles.rs`, which builds the returned
//! code with rustc.
//!
//! `cargo test -p layout-derive` runs a bounded number of cases (part of CI); set
//! `LAYOUTSCOPE_FUZZ_CASES=200000` for a long run. A failing case prints its seed and input;
//! add the input to `tests/corpus/` as a regression case.

#![allow(dead_code)]

// The derive's modules, compiled into this test (a proc-macro crate exports only its macros).
include!("fuzz/derive_modules.rs");

mod fuzz;

use std::panic::{catch_unwind, AssertUnwindSafe};

use fuzz::{generate, misattributed_item, mutate, Rng};
use proc_macro2::TokenStream;

/// Runs the expansion on `tokens`; panics (failing the test) with the input if it panicked.
fn expand_never_panics(tokens: TokenStream, label: &str) -> bool {
    let Ok(input) = syn::parse2::<item::Item>(tokens.clone()) else {
        // Not an item at all: rustc would not call the derive.
        return false;
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| expand::derive(&input)));
    match outcome {
        Ok(Ok(code)) => {
            assert!(!code.is_empty(), "{label}: empty expansion for\n{tokens}");
            true
        }
        Ok(Err(error)) => {
            let message = error.to_string();
            assert!(!message.is_empty(), "{label}: empty error for\n{tokens}");
            true
        }
        Err(_) => panic!("{label}: the derive panicked on\n{tokens}"),
    }
}

fn cases() -> u64 {
    std::env::var("LAYOUTSCOPE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000)
}

#[test]
fn generated_and_mutated_inputs_never_panic() {
    let mut rng = Rng::new(0x1a70_75c0_9e11);
    let mut expanded = 0;
    for case in 0..cases() {
        let source = generate(&mut rng);
        let Ok(tokens) = source.parse::<TokenStream>() else {
            continue;
        };
        let seed = rng.state();
        if expand_never_panics(tokens.clone(), &format!("case {case} (seed {seed:#x})")) {
            expanded += 1;
        }
        let mutated = mutate(&mut rng, tokens);
        expand_never_panics(mutated, &format!("mutated case {case} (seed {seed:#x})"));
    }
    // A generator that stopped producing items would make this test vacuous.
    assert!(
        expanded as u64 > cases() / 2,
        "only {expanded} inputs reached the derive"
    );
}

/// Valid items with broken `#[layout]` keys or an unsized tail (`expansion_compiles.rs` builds
/// some and checks where rustc shows the errors): never a panic, always an error.
#[test]
fn misattributed_items_never_panic() {
    let mut rng = Rng::new(0xbad_a77e);
    for case in 0..cases() {
        let seed = rng.state();
        let source = misattributed_item(&mut rng);
        let tokens: TokenStream = source
            .parse()
            .expect("misattributed items are token streams");
        let label = format!("misattributed case {case} (seed {seed:#x})");
        assert!(
            expand_never_panics(tokens.clone(), &label),
            "{label}: not an item"
        );
        let input = syn::parse2::<item::Item>(tokens.clone()).expect("an item");
        assert!(
            expand::derive(&input).is_err(),
            "{label}: the derive accepted\n{tokens}"
        );
    }
}

/// 1,000 fields, 1,000 variants, and generics nested 120 deep (rustc itself stops at its
/// recursion limit of 128). Run on an 8 MiB stack, the size of the thread on which rustc
/// expands macros; the default test thread is smaller.
#[test]
fn huge_inputs() {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(huge_inputs_on_this_thread)
        .expect("a thread")
        .join()
        .expect("huge inputs expand without panicking");
}

fn huge_inputs_on_this_thread() {
    let fields: String = (0..1000)
        .map(|i| format!("f{i}: u{},", [8, 16, 32, 64][i % 4]))
        .collect();
    let variants: String = (0..1000).map(|i| format!("V{i}(u8),")).collect();
    let mut deep = String::from("u8");
    for _ in 0..120 {
        deep = format!("Option<{deep}>");
    }
    for source in [
        format!("#[repr(C)] struct Big {{ {fields} }}"),
        format!("#[repr(u16)] enum Many {{ {variants} }}"),
        format!("struct Deep<T> {{ x: {deep}, t: T }}"),
    ] {
        let tokens: TokenStream = source.parse().expect("valid tokens");
        assert!(expand_never_panics(tokens, "huge input"));
    }
}

#[test]
fn regression_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("the corpus directory") {
        let path = entry.expect("a corpus entry").path();
        let source = std::fs::read_to_string(&path).expect("a corpus file");
        let tokens: TokenStream = source.parse().expect("corpus files are token streams");
        expand_never_panics(tokens.clone(), &path.display().to_string());
        let mut rng = Rng::new(count);
        for _ in 0..200 {
            expand_never_panics(
                mutate(&mut rng, tokens.clone()),
                &path.display().to_string(),
            );
        }
        count += 1;
    }
    assert!(count >= 6, "the corpus lost files: {count}");
}
