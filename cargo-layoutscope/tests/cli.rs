//! `cargo layoutscope` on the fixture crate (`tests/fixture/`): golden output for every style,
//! the JSON validated against its schema, the survey, the baseline check, and the bad inputs
//! (an unknown type, a package that does not build, a build without debug info).
//!
//! `LAYOUTSCOPE_BLESS=1 cargo test -p cargo-layoutscope --test cli` rewrites the golden files.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED_TYPES: &[&str] = &[
    "fixture::Data",
    "fixture::DataBoxed",
    "Option<Box<i32>>",
    "String",
    "Vec<i32>",
    "Rc<Vec<String>>",
    "&dyn std::io::Write",
    "&mut dyn std::io::Write",
];

const OWN_TYPES: &[&str] = &[
    "fixture::Header",
    "fixture::Pair<u16>",
    "fixture::Pair<char>",
    "fixture::Message",
    "fixture::use_all::{closure_env#0}",
    "fixture::work::{async_fn_env#0}",
];

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture")
}

fn target_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target")
        .join(name)
}

fn run(manifest: &Path, target: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-layoutscope"))
        .arg("layoutscope")
        .args(args)
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--target-dir")
        .arg(target_dir(target))
        .output()
        .unwrap()
}

fn layoutscope(args: &[&str]) -> Output {
    run(&fixture().join("Cargo.toml"), "layoutscope-fixture", args)
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn every_style_matches_its_golden_file() {
    for style in ["table", "bytemap", "boxes", "markdown", "svg"] {
        let mut args = vec!["--style", style];
        args.extend(SEED_TYPES);
        args.extend(OWN_TYPES);
        let out = stdout(&layoutscope(&args));
        common::golden(&format!("{style}.txt"), &out);
    }
}

#[test]
fn the_seed_enum_shows_its_tag_in_the_vec_capacity() {
    let out = stdout(&layoutscope(&["fixture::Data", "--depth", "4"]));
    common::golden("data-depth4.txt", &out);
    // The tag is bytes 0..8, which in `Array` are the `cap` field of the vector's buffer.
    assert!(
        out.contains("tag: bytes 0..8, in a niche of variant Array"),
        "{out}"
    );
    let cap = out
        .lines()
        .find(|l| l.contains(" cap "))
        .expect("the capacity row");
    assert!(cap.trim_start().starts_with("0 "), "{cap}");
    let number = out
        .lines()
        .skip_while(|l| !l.contains("variant Number"))
        .find(|l| l.contains("i32"))
        .expect("Number's field");
    assert!(number.trim_start().starts_with("8 "), "{number}");
}

#[test]
fn the_json_follows_its_schema() {
    let mut args = vec!["--json"];
    args.extend(SEED_TYPES);
    args.extend(OWN_TYPES);
    let out = stdout(&layoutscope(&args));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    common::schema::validate(&doc).unwrap();
    // Run-dependent fields aside, the document is golden too.
    let mut stable = doc.clone();
    stable["rustc"] = "(rustc)".into();
    stable["target"] = "(target)".into();
    common::golden(
        "types.json",
        &(serde_json::to_string_pretty(&stable).unwrap() + "\n"),
    );
    let all = stdout(&layoutscope(&["--json"]));
    common::schema::validate(&serde_json::from_str(&all).unwrap()).unwrap();
}

#[test]
fn the_survey_ranks_and_its_boxing_advice_is_the_compilers_size() {
    for by in ["size", "padding", "enum-waste"] {
        let out = stdout(&layoutscope(&["--top", "5", "--by", by]));
        common::golden(&format!("top-{by}.txt"), &out);
    }
    let out = stdout(&layoutscope(&["--top", "5", "--by", "enum-waste"]));
    let data = out
        .lines()
        .find(|l| l.ends_with("fixture::Data") || l.contains("fixture::Data  "))
        .unwrap();
    // `DataBoxed` is `Data` with `Array` boxed: the advice must give its size.
    let boxed: serde_json::Value =
        serde_json::from_str(&stdout(&layoutscope(&["--json", "fixture::DataBoxed"]))).unwrap();
    let size = boxed["types"][0]["size"].as_u64().unwrap();
    assert!(
        data.contains(&format!("boxing `Array` saves {} B → {size}", 24 - size)),
        "{data}"
    );
}

#[test]
fn an_unknown_type_gets_suggestions() {
    let out = layoutscope(&["Dta"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no type `Dta`"), "{err}");
    assert!(err.contains("did you mean:\n    Data"), "{err}");
}

fn scratch_crate(name: &str, lib: &str) -> PathBuf {
    let dir = target_dir("layoutscope-scratch").join(name);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!("[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n"),
    )
    .unwrap();
    std::fs::write(dir.join("src/lib.rs"), lib).unwrap();
    dir
}

#[test]
fn a_package_that_does_not_build_shows_cargos_errors_and_fails() {
    let dir = scratch_crate("broken", "pub fn f() -> u8 { \"not a number\" }\n");
    let out = run(&dir.join("Cargo.toml"), "layoutscope-scratch-target", &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mismatched types"),
        "cargo's error is shown: {err}"
    );
    assert!(
        err.contains("`cargo build` of package `broken` failed"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_build_without_debug_info_says_so() {
    let dir = scratch_crate(
        "nodebug",
        "pub struct S(pub u8);\npub fn f(s: S) -> u8 { s.0 }\n",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-layoutscope"))
        .args(["layoutscope", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir("layoutscope-scratch-nodebug"))
        .env("RUSTFLAGS", "-C debuginfo=0")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("has no debug info"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn check_passes_on_its_own_baseline_and_fails_with_a_diff_when_a_type_grows() {
    let dir = target_dir("layoutscope-scratch").join("baseline");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("layouts.json");
    let file_arg = file.to_str().unwrap();
    let bless = layoutscope(&[
        "check",
        "--baseline",
        file_arg,
        "--bless",
        "--full",
        "fixture::Data",
    ]);
    assert!(
        bless.status.success(),
        "{}",
        String::from_utf8_lossy(&bless.stderr)
    );
    let pass = layoutscope(&["check", "--baseline", file_arg]);
    assert!(
        pass.status.success(),
        "{}",
        String::from_utf8_lossy(&pass.stdout)
    );

    // A baseline in which `Data` was smaller and its `Number` field elsewhere.
    let mut base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    base["types"]["fixture::Data"]["size"] = 16.into();
    base["full"]["fixture::Data"]["variants"][1]["fields"][0]["offset"] = 4.into();
    std::fs::write(&file, serde_json::to_string_pretty(&base).unwrap()).unwrap();
    let fail = layoutscope(&["check", "--baseline", file_arg]);
    assert_eq!(fail.status.code(), Some(1));
    let text = String::from_utf8_lossy(&fail.stdout);
    assert!(
        text.contains("GREW     fixture::Data: 16 B → 24 B (+8)"),
        "{text}"
    );
    assert!(
        text.contains("variants[Number].fields[0].offset: 4 → 8"),
        "{text}"
    );

    // Another compiler: not compared.
    base["rustc"] = "rustc 0.0.0".into();
    std::fs::write(&file, serde_json::to_string_pretty(&base).unwrap()).unwrap();
    let other = layoutscope(&["check", "--baseline", file_arg]);
    assert_eq!(other.status.code(), Some(2));
    let err = String::from_utf8_lossy(&other.stderr);
    assert!(
        err.contains("was recorded for") && err.contains("nothing is compared"),
        "{err}"
    );
}

#[test]
fn the_fixture_tree_is_left_as_it_was() {
    let _ = stdout(&layoutscope(&["fixture::Data"]));
    let mut entries: Vec<String> = std::fs::read_dir(fixture())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert_eq!(entries, ["Cargo.lock", "Cargo.toml", "src"]);
}

/// README shows `cargo layoutscope Data`: its block must be what the tool prints for the
/// fixture's `Data` (the golden table), cut before the summary.
#[test]
fn readme_shows_the_real_report_of_data() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .unwrap();
    let block = readme
        .split("```console\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README's console block");
    let golden = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/table.txt"),
    )
    .unwrap();
    assert!(block.starts_with("Data "), "{block}");
    assert!(
        golden.starts_with(block),
        "README's block:\n{block}\nis not the start of:\n{golden}"
    );
}

/// rustc leaves a wide pointer's data pointer unnamed; the name it would have, `*const T`, is
/// also the name of the wide raw pointer `*const T`. With both in one build, each keeps its
/// own layout.
#[test]
fn a_raw_wide_pointer_and_a_box_of_the_same_pointee_are_told_apart() {
    let dir = scratch_crate(
        "wide",
        "pub trait T { fn f(&self) -> u8; }\n\
         pub struct S(pub Box<dyn T>);\n\
         pub fn raw(p: *const dyn T) -> *const dyn T { p }\n\
         pub fn boxed(s: S) -> S { s }\n",
    );
    let out = run(
        &dir.join("Cargo.toml"),
        "layoutscope-scratch-target",
        &["--json", "wide::S", "*const dyn wide::T"],
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let types = doc["types"].as_array().unwrap();
    let field = |t: &serde_json::Value, i: usize| {
        let f = &t["fields"][i];
        (
            f["name"].as_str().unwrap().to_owned(),
            f["type_name"].as_str().unwrap().to_owned(),
            f["offset"].as_u64().unwrap(),
            f["size"].as_u64().unwrap(),
        )
    };
    let s = types.iter().find(|t| t["type_name"] == "wide::S").unwrap();
    assert_eq!(s["size"], 16);
    let raw = types
        .iter()
        .find(|t| t["type_name"] == "*const dyn wide::T")
        .unwrap();
    assert_eq!(raw["size"], 16);
    assert_eq!(
        field(raw, 0),
        ("pointer".into(), "*const dyn wide::T".into(), 0, 8)
    );
    assert_eq!(field(raw, 1).2, 8);
}
