//! Differential test: every size, alignment, field offset, padding range and niche fact that
//! layoutscope reports for 1,300 generated struct and union types (plus the hand-written edge
//! cases in `oracle/cases/` and the reproducers saved in `oracle/reproducers/`) must equal
//! what rustc itself computes, as reported by the compiled program, by `-Zprint-type-sizes` and
//! by `#[rustc_layout(debug)]`. The machinery lives in the `layout-oracle` crate (`oracle/`);
//! `cargo run -p layout-oracle -- --seed N --count N` runs other seeds by hand, and
//! `cargo run --release -p layout-oracle -- sweep --types N` runs many fresh seeds.

use std::path::PathBuf;

use layout_oracle::spec::Generated;
use layout_oracle::{reproduce, Config, Mismatch, Mix};

/// A fixed seed, so that a failure reproduces; every seed must pass.
const SEED: u64 = 7;
/// Generated types; the hand-written cases and saved reproducers come on top.
const GENERATED: usize = 1300;
/// Fewer compared types than this means the generator or a parser broke.
const MIN_TYPES: usize = 1300;

/// The layoutscope workspace root: this test package sits in `<workspace>/testsuite`.
fn workspace() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn layoutscope_agrees_with_rustc() {
    let config = Config::new(
        workspace(),
        "differential-test",
        Mix::Structs,
        SEED,
        GENERATED,
    );
    let report = layout_oracle::run(&config)
        .unwrap_or_else(|e| panic!("the differential oracle could not run: {e}"));
    println!("{report}");

    let cases = layout_oracle::cases(&config)
        .expect("the case files parse")
        .len();
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
    let n = report.total(|_| true).niches;
    assert!(
        n.all_kinds(),
        "every kind of niche answer must be exercised: {n:?}"
    );
    assert!(
        report.mismatches.is_empty(),
        "\n{report}\nre-run with `cargo run -p layout-oracle -- --seed {SEED} --count {GENERATED}` \
         to save a reproducer of each mismatching type in oracle/reproducers/"
    );
}

/// A reproducer saved for a (fabricated) mismatch is a case file the next run builds and
/// compares: the real comparison finds the type and agrees with rustc on it.
#[test]
fn a_saved_reproducer_is_compared_by_the_next_run() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("differential-reproducers");
    let _ = std::fs::remove_dir_all(&dir);
    let generated = Generated::new(Mix::Structs, SEED, 300);
    let batch = reproduce::Batch {
        mix: Mix::Structs,
        seed: SEED,
        count: 300,
        source: &generated.source,
        types: generated
            .instances
            .iter()
            .map(|i| (i.ty.clone(), i.rustc_name.clone()))
            .collect(),
    };
    let fabricated = |i: &layout_oracle::spec::Instance| Mismatch {
        ty: i.rustc_name.clone(),
        fact: "size vs layout_of".to_owned(),
        ours: "1".to_owned(),
        rustc: "2".to_owned(),
    };
    // Of the last 40 generated types, the one whose reproducer keeps the most definitions.
    let kept = |i: &&layout_oracle::spec::Instance| {
        let files = reproduce::reproducers(&batch, &[fabricated(i)]).expect("a reproducer");
        files
            .iter()
            .map(|f| f.text.matches("\nstruct ").count())
            .sum::<usize>()
    };
    let target = generated.instances[260..]
        .iter()
        .max_by_key(kept)
        .expect("types were generated");
    let fabricated = fabricated(target);
    let saved = reproduce::save(&dir, &batch, &[fabricated]).expect("the reproducer is saved");
    assert_eq!(saved.len(), 1);

    let mut config = Config::new(
        workspace(),
        "differential-reproducer-test",
        Mix::Structs,
        SEED,
        0,
    );
    config.cases = false;
    config.reproducers = Some(dir.clone());
    let report = layout_oracle::run(&config)
        .unwrap_or_else(|e| panic!("the saved reproducer could not run: {e}"));
    println!("{report}");
    let cases = layout_oracle::cases(&config)
        .expect("the reproducer parses")
        .len();
    assert!(cases >= 1);
    assert_eq!(report.types, cases);
    assert!(report.facts >= 10 * report.types);
    assert!(report.mismatches.is_empty(), "\n{report}");
    let _ = std::fs::remove_dir_all(&dir);
}
