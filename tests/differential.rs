//! Differential test: every size, alignment, field offset, padding range and niche fact that
//! layoutscope reports for a few hundred generated struct and union types (plus the
//! hand-written edge cases in `oracle/cases/`) must equal what rustc itself computes, as
//! reported by the compiled program, by `-Zprint-type-sizes` and by
//! `#[rustc_layout(debug)]`. The machinery lives in the `layout-oracle` crate (`oracle/`);
//! `cargo run -p layout-oracle -- --seed N --count N` runs other seeds by hand.

use std::path::PathBuf;

/// A fixed seed, so that a failure reproduces; every seed must pass.
const SEED: u64 = 7;
/// Generated types; the hand-written cases come on top.
const GENERATED: usize = 400;
/// Fewer compared types than this means the generator or a parser broke.
const MIN_TYPES: usize = 350;

#[test]
fn layoutscope_agrees_with_rustc() {
    let config = layout_oracle::Config {
        workspace: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        name: "differential-test".to_owned(),
        seed: SEED,
        count: GENERATED,
    };
    let report = layout_oracle::run(&config)
        .unwrap_or_else(|e| panic!("the differential oracle could not run: {e}"));
    println!("{report}");

    let cases = layout_oracle::case_count().expect("the case files parse");
    assert!(
        report.types >= MIN_TYPES,
        "only {} types compared",
        report.types
    );
    assert_eq!(
        report.types,
        GENERATED + cases,
        "every generated type and every hand-written case must be compared"
    );
    // Each type yields well over ten facts (three sizes, three alignments, offsets from three
    // sources, padding, niche); far fewer means comparisons were skipped.
    assert!(
        report.facts >= 10 * report.types,
        "only {} facts for {} types",
        report.facts,
        report.types
    );
    let n = report.niches;
    assert!(
        n.located > 0 && n.exact > 0 && n.bounded > 0 && n.none > 0,
        "every kind of niche answer must be exercised: {n:?}"
    );
    assert!(report.mismatches.is_empty(), "\n{report}");
}
