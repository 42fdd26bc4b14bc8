//! `cargo layoutscope --example gallery` on this repository's gallery (`examples/gallery.rs`):
//! the seed articles' types as the compiler laid out the gallery, drawn (golden file
//! `tests/golden/gallery.txt`) and the articles' claims checked against the JSON.
//!
//! `LAYOUTSCOPE_BLESS=1 cargo test -p cargo-layoutscope --test gallery` rewrites the golden
//! file.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The seed types, as the gallery names them.
const SEED_TYPES: &[&str] = &[
    "gallery::inline::Data",
    "gallery::boxed::Data",
    "Option<Box<i32>>",
    "String",
    "Vec<i32>",
    "Rc<Vec<String>>",
    "&dyn std::io::Write",
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `cargo layoutscope --example gallery --features values ARGS...` on the repository's root
/// package, in a target directory of the tests' own.
fn gallery(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-layoutscope"))
        .args(["layoutscope", "--quiet", "--example", "gallery"])
        .args(["--features", "values", "-p", "layoutscope"])
        .arg("--manifest-path")
        .arg(repo().join("Cargo.toml"))
        .arg("--target-dir")
        .arg(repo().join("target").join("layoutscope-gallery"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The type whose full name is `name` in the JSON document.
fn ty<'d>(doc: &'d Value, name: &str) -> &'d Value {
    doc["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["type_name"] == name)
        .unwrap_or_else(|| panic!("no {name} in the report"))
}

fn num(v: &Value) -> u64 {
    v.as_u64()
        .unwrap_or_else(|| v.as_str().unwrap().parse().unwrap())
}

/// `(name, offset, size)` of each field.
fn fields(v: &Value) -> Vec<(String, u64, u64)> {
    v["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_owned(),
                num(&f["offset"]),
                num(&f["size"]),
            )
        })
        .collect()
}

fn variant<'d>(enum_: &'d Value, name: &str) -> &'d Value {
    enum_["variants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == name)
        .unwrap()
}

#[test]
fn the_seed_types_of_the_gallery_drawn_by_the_compiler() {
    let mut args = vec!["--style", "table"];
    args.extend(SEED_TYPES);
    common::golden("gallery.txt", &gallery(&args));
}

#[test]
fn the_articles_claims_checked_against_the_compiler() {
    let mut args = vec!["--json"];
    args.extend(SEED_TYPES);
    let doc: Value = serde_json::from_str(&gallery(&args)).unwrap();
    let word = 8;
    assert_eq!(
        doc["target"], "x86_64-unknown-linux-gnu",
        "the checks assume 64-bit Linux"
    );

    // Vec<i32> and String: three words, (pointer, capacity) in the buffer, then the length.
    let vec = ty(&doc, "alloc::vec::Vec<i32, alloc::alloc::Global>");
    assert_eq!(num(&vec["size"]), 3 * word);
    assert_eq!(
        fields(vec),
        [("buf".into(), 0, 2 * word), ("len".into(), 2 * word, word)]
    );
    let string = ty(&doc, "alloc::string::String");
    assert_eq!(num(&string["size"]), 3 * word);

    // 2.12: "Data = a tag word + the largest variant" (8 + 24 = 32). The compiler needs no
    // tag word: the tag is the capacity of `Array`'s vector (bytes 0..8, which a capacity
    // never fills above isize::MAX), and `Number`'s i32 sits right after it.
    let data = ty(&doc, "gallery::inline::Data");
    assert_eq!(num(&data["size"]), 3 * word, "not the article's 32");
    let tag = &data["tag"];
    assert_eq!(tag["encoding"], "niche");
    assert_eq!((num(&tag["offset"]), num(&tag["size"])), (0, word));
    assert_eq!(tag["untagged"], 2, "Array");
    assert_eq!(fields(variant(data, "Array")), [("0".into(), 0, 3 * word)]);
    assert_eq!(fields(variant(data, "Number")), [("0".into(), word, 4)]);
    assert_eq!(
        num(&variant(data, "Empty")["tag_value"]),
        (1u64 << 63),
        "the first capacity above isize::MAX"
    );
    let table = gallery(&["gallery::inline::Data", "--depth", "4"]);
    let cap = table
        .lines()
        .find(|l| l.contains(" cap "))
        .expect("the capacity row");
    assert!(
        cap.trim_start().starts_with("0 "),
        "the capacity is bytes 0..8: {cap}"
    );

    // 2.13: boxing the vector "halves the memory". Half of the article's 32-byte model, but
    // not of the compiler's 24: a `Box` has one impossible value (null), too few for
    // `Empty` and `Number`, so a 4-byte tag comes back, with `Number` beside it.
    let boxed = ty(&doc, "gallery::boxed::Data");
    assert_eq!(num(&boxed["size"]), 2 * word);
    let tag = &boxed["tag"];
    assert_eq!(tag["encoding"], "direct");
    assert_eq!((num(&tag["offset"]), num(&tag["size"])), (0, 4));
    assert_eq!(fields(variant(boxed, "Number")), [("0".into(), 4, 4)]);
    assert_eq!(fields(variant(boxed, "Array")), [("0".into(), word, word)]);

    // 2.14: `Option<Box<i32>>` takes exactly the memory of `Box<i32>`: None is the null
    // pointer.
    let option = ty(
        &doc,
        "core::option::Option<alloc::boxed::Box<i32, alloc::alloc::Global>>",
    );
    assert_eq!(num(&option["size"]), word);
    let tag = &option["tag"];
    assert_eq!(tag["encoding"], "niche");
    assert_eq!((num(&tag["offset"]), num(&tag["size"])), (0, word));
    assert_eq!(tag["untagged"], 1, "Some");
    assert_eq!(num(&variant(option, "None")["tag_value"]), 0);

    // 2.16: `Rc<Vec<String>>` on the stack is one word, the pointer to the counted block.
    let rc = ty(
        &doc,
        "alloc::rc::Rc<alloc::vec::Vec<alloc::string::String, alloc::alloc::Global>, alloc::alloc::Global>",
    );
    assert_eq!(num(&rc["size"]), word);
    assert_eq!(fields(rc)[0], ("ptr".into(), 0, word));

    // 2.18: a trait object is a fat pointer, a data pointer and a vtable pointer.
    let dyn_write = ty(&doc, "&dyn std::io::Write");
    assert_eq!(num(&dyn_write["size"]), 2 * word);
    assert_eq!(
        fields(dyn_write),
        [("pointer".into(), 0, word), ("vtable".into(), word, word)]
    );
}
