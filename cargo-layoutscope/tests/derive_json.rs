//! The derive's layouts in JSON (layout-core's `serde` feature, through the facade): every
//! derived type of `tests/derived/types.rs` and the standard types around them serialize to
//! type objects that `docs/layouts.schema.json` accepts; and the same types, reported by
//! `cargo layoutscope --json` from a crate built from the same file, have the same facts.
//!
//! The comparison covers every key of every type object, field and variant, and skips exactly
//! these (each skip is counted by its reason and printed):
//!
//! - type names (`type_name`, `element`): the derive spells them as `core::any::type_name`
//!   does, in the test's module; the debug info as the compiler names them in the built crate
//!   (with allocator parameters);
//! - the generic parameters in the `name` of standard types: layout-core's impls write them
//!   (`Option<T>`), the CLI writes the bare name (`Option`); the names are compared without
//!   them;
//! - `repr`: the debug info does not record it (`null` from the CLI);
//! - `discriminant_type` of an enum without an integer `repr`: the derive states the type of
//!   the discriminants (`isize`), the CLI the integer the tag is stored in;
//! - facts the derive leaves unknown (`null`, tag encoding `unknown`, niche state `unknown`)
//!   and the CLI knows: the tag and variant field offsets of `repr(Rust)` enums with data, and
//!   what follows from them (tag values, variant padding), and niche locations; where the
//!   derive knows how many niche values are free, that count is still compared;
//! - facts the CLI leaves `null` and the derive knows (discriminants of enums laid out as one
//!   variant, `option_fits` without `Option<T>` in the debug info).
//!
//! The CLI must report no caveat for these types, so no unconfirmed fact takes part.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use layoutscope::Layout;
use serde_json::Value;

#[allow(dead_code)]
mod types {
    include!("derived/types.rs");
}

use types::*;

/// The derive's JSON of `T`.
fn json<T: Layout>() -> Value {
    serde_json::to_value(T::LAYOUT).unwrap()
}

/// Each type of `types.rs` (and standard types around them) with the name the debug info of
/// the crate `derivetest` gives it.
fn derived() -> Vec<(&'static str, Value)> {
    vec![
        ("derivetest::Header", json::<Header>()),
        ("derivetest::CHeader", json::<CHeader>()),
        ("derivetest::Packed", json::<Packed>()),
        ("derivetest::Aligned", json::<Aligned>()),
        ("derivetest::Unit", json::<Unit>()),
        ("derivetest::Bits", json::<Bits>()),
        ("derivetest::Level", json::<Level>()),
        ("derivetest::Signed", json::<Signed>()),
        ("derivetest::Message", json::<Message>()),
        ("derivetest::Shape", json::<Shape>()),
        ("derivetest::Tagged", json::<Tagged>()),
        ("derivetest::Data", json::<Data>()),
        ("derivetest::Nested", json::<Nested>()),
        ("derivetest::WithOpaque", json::<WithOpaque>()),
        ("derivetest::Pair<u16>", json::<Pair<u16>>()),
        ("derivetest::Refs", json::<Refs<'static>>()),
        (
            "core::option::Option<derivetest::Data>",
            json::<Option<Data>>(),
        ),
        (
            "core::option::Option<derivetest::Level>",
            json::<Option<Level>>(),
        ),
        ("core::result::Result<u16, u8>", json::<Result<u16, u8>>()),
    ]
}

#[test]
fn the_derives_json_follows_the_schema() {
    let mut all: Vec<Value> = derived().into_iter().map(|(_, v)| v).collect();
    all.extend([
        json::<Option<&u8>>(),
        json::<Option<core::num::NonZeroU32>>(),
        json::<[u16; 3]>(),
        json::<u32>(),
        json::<&str>(),
        json::<Vec<u8>>(),
    ]);
    for v in &all {
        if let Err(e) = common::schema::validate_type(v) {
            panic!("{e} in\n{}", serde_json::to_string_pretty(v).unwrap());
        }
    }
    let mut kinds: Vec<&str> = all.iter().filter_map(|v| v["kind"].as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds,
        ["array", "enum", "opaque", "pointer", "scalar", "struct", "union"]
    );

    // What the derive knows is written; what it does not is `null` or `unknown`.
    let packed = json::<Packed>();
    assert_eq!(packed["repr"], "repr(C, packed(2))");
    assert_eq!(packed["fields"][1]["offset"], 2);
    assert_eq!(packed["caveats"], serde_json::json!([]));
    let data = json::<Data>();
    assert_eq!(data["tag"]["encoding"], "unknown");
    assert!(data["variants"][1]["fields"][0]["offset"].is_null());
    assert!(data["variants"][1]["padding_bytes"].is_null());
    assert_eq!(data["niche"]["option_fits"], true);
    let signed = json::<Signed>();
    assert_eq!(signed["discriminant_type"], "i8");
    assert_eq!(signed["variants"][0]["discriminant"], "-3");
    assert_eq!(signed["variants"][0]["tag_value"], "253");
    let opaque = json::<WithOpaque>();
    assert_eq!(opaque["fields"][0]["size"], 16);
    assert_eq!(
        opaque["fields"][0]["type_name"],
        std::any::type_name::<Foreign>()
    );
    let nz = json::<core::num::NonZeroU32>();
    assert_eq!(nz["niche"]["largest"]["valid_start"], "1");
}

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target")
}

/// The crate `derivetest`: `types.rs` without layoutscope's attributes, and a function that
/// takes each type and its `Option` so that the debug info describes them.
fn write_crate() -> PathBuf {
    let dir = target_dir().join("layoutscope-scratch").join("derivetest");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"derivetest\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .unwrap();
    let source = include_str!("derived/types.rs");
    let mut lib = layout_oracle::cases::strip_layoutscope(source).unwrap();
    lib.push_str("\n#[allow(clippy::type_complexity)]\npub fn use_all<'a>(\n");
    let types = [
        "Header",
        "CHeader",
        "Packed",
        "Aligned",
        "Unit",
        "Bits",
        "Level",
        "Signed",
        "Message",
        "Shape",
        "Tagged",
        "Data",
        "Nested",
        "WithOpaque",
        "Pair<u16>",
        "Refs<'a>",
        "Result<u16, u8>",
    ];
    let mut used = Vec::new();
    for (i, ty) in types.iter().enumerate() {
        lib.push_str(&format!("    t{i}: {ty},\n    o{i}: Option<{ty}>,\n"));
        used.push(format!(
            "core::mem::size_of_val(&t{i}) + core::mem::size_of_val(&o{i})"
        ));
    }
    lib.push_str(&format!(
        ") -> usize {{\n    {}\n}}\n",
        used.join("\n        + ")
    ));
    std::fs::write(dir.join("src/lib.rs"), lib).unwrap();
    dir
}

#[test]
fn the_derive_and_the_cli_agree_on_every_fact_both_know() {
    let dir = write_crate();
    let names: Vec<&str> = derived().iter().map(|(name, _)| *name).collect();
    let doc = common::cli_json(&dir, &target_dir().join("layoutscope-derivetest"), &names);
    common::schema::validate(&doc).unwrap();
    let reported = doc["types"].as_array().unwrap();

    let mut c = Comparison::default();
    for (name, derive) in derived() {
        let Some(cli) = reported.iter().find(|t| t["type_name"] == name) else {
            panic!("the CLI did not report {name}");
        };
        c.type_object(name, &derive, cli);
    }
    eprintln!(
        "compared {} facts of {} types; skipped {:?}",
        c.facts,
        names.len(),
        c.skipped
    );
    assert!(
        c.mismatches.is_empty(),
        "{} mismatches:\n{}",
        c.mismatches.len(),
        c.mismatches.join("\n")
    );
    // The types are chosen to exercise every rule above.
    for reason in [
        TYPE_NAME,
        REPR,
        DISCRIMINANT_TYPE,
        TAG,
        UNKNOWN,
        NICHE_COUNT,
    ] {
        assert!(c.skipped.contains_key(reason), "no skip for `{reason}`");
    }
    assert!(c.facts > 300, "compared only {} facts", c.facts);
}

const TYPE_NAME: &str = "type names";
const GENERIC_PARAMETERS: &str = "generic parameters in a standard type's name";
const REPR: &str = "repr (not in the debug info)";
const DISCRIMINANT_TYPE: &str = "discriminant_type without an integer repr";
const TAG: &str = "tag the derive leaves unknown";
const UNKNOWN: &str = "null from the derive";
const UNRECORDED: &str = "null from the CLI";
const NICHE_COUNT: &str = "niche location the derive leaves unknown (count compared)";

/// Whether `path` is a type object's (fields and variants have `[name]` in theirs).
fn path_is_type(path: &str) -> bool {
    !path.ends_with(']')
}

#[derive(Default)]
struct Comparison {
    facts: usize,
    skipped: BTreeMap<&'static str, usize>,
    mismatches: Vec<String>,
}

impl Comparison {
    fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    fn fact(&mut self, path: &str, derive: &Value, cli: &Value) {
        self.facts += 1;
        if derive != cli {
            self.mismatches
                .push(format!("{path}: derive {derive}, cli {cli}"));
        }
    }

    fn type_object(&mut self, path: &str, d: &Value, k: &Value) {
        if k["caveats"] != serde_json::json!([]) {
            self.mismatches
                .push(format!("{path}: the CLI flags {}", k["caveats"]));
        }
        let int_repr = d["repr"]
            .as_str()
            .is_some_and(|r| r.contains(['u', 'i']) && r != "repr(Rust)");
        self.object(path, d, k, &|key| match key {
            "repr" => Some(REPR),
            "discriminant_type" if !int_repr => Some(DISCRIMINANT_TYPE),
            _ => None,
        });
    }

    /// Every key of two objects; `skip` names the keys not compared at this level.
    fn object(
        &mut self,
        path: &str,
        d: &Value,
        k: &Value,
        skip: &dyn Fn(&str) -> Option<&'static str>,
    ) {
        let (Some(dm), Some(km)) = (d.as_object(), k.as_object()) else {
            return self.fact(path, d, k);
        };
        let keys: std::collections::BTreeSet<&String> = dm.keys().chain(km.keys()).collect();
        for key in keys {
            let at = format!("{path}.{key}");
            let (dv, kv) = (&dm.get(key), &km.get(key));
            let (Some(dv), Some(kv)) = (dv, kv) else {
                self.mismatches.push(format!("{at}: only one side has it"));
                continue;
            };
            if let Some(reason) = skip(key) {
                self.skip(reason);
                continue;
            }
            match key.as_str() {
                "type_name" | "element" => self.skip(TYPE_NAME),
                "name" if path_is_type(path) => {
                    let bare = |v: &Value| -> Value {
                        v.as_str().map(|n| n.split('<').next().unwrap_or(n)).into()
                    };
                    if bare(dv) != **dv {
                        self.skip(GENERIC_PARAMETERS);
                    }
                    self.fact(&at, &bare(dv), &bare(kv));
                }
                "fields" | "variants" => self.by_name(&at, dv, kv),
                "tag" if dv["encoding"] == "unknown" && kv["encoding"] != "unknown" => {
                    self.skip(TAG)
                }
                "largest" if dv["state"] == "unknown" && kv["state"] != "unknown" => {
                    self.niche_count(&at, dv, kv)
                }
                _ => self.value(&at, dv, kv),
            }
        }
    }

    fn value(&mut self, path: &str, d: &Value, k: &Value) {
        match (d, k) {
            (Value::Null, Value::Null) => self.fact(path, d, k),
            (Value::Null, _) => self.skip(UNKNOWN),
            (_, Value::Null) => self.skip(UNRECORDED),
            (Value::Object(_), _) => self.object(path, d, k, &|_| None),
            (Value::Array(da), Value::Array(ka)) if da.len() == ka.len() => {
                for (i, (dv, kv)) in da.iter().zip(ka).enumerate() {
                    self.value(&format!("{path}[{i}]"), dv, kv);
                }
            }
            _ => self.fact(path, d, k),
        }
    }

    /// Fields and variants, matched by name (the order is declaration order on both sides,
    /// which is compared too).
    fn by_name(&mut self, path: &str, d: &Value, k: &Value) {
        let names = |v: &Value| -> Vec<Value> {
            v.as_array()
                .into_iter()
                .flatten()
                .map(|x| x["name"].clone())
                .collect()
        };
        self.fact(
            &format!("{path} (names)"),
            &names(d).into(),
            &names(k).into(),
        );
        for dv in d.as_array().into_iter().flatten() {
            if let Some(kv) = k
                .as_array()
                .into_iter()
                .flatten()
                .find(|kv| kv["name"] == dv["name"])
            {
                self.object(&format!("{path}[{}]", dv["name"]), dv, kv, &|_| None);
            }
        }
    }

    /// The derive knows how many niche values are free but not where they are.
    fn niche_count(&mut self, path: &str, d: &Value, k: &Value) {
        self.skip(NICHE_COUNT);
        let big = |v: &Value| v.as_str().and_then(|s| s.parse::<u128>().ok());
        let cli = big(&k["available"]);
        if let Some(exact) = big(&d["available"]) {
            self.fact(
                &format!("{path}.available"),
                &exact.to_string().into(),
                &cli.map(|c| c.to_string()).into(),
            );
        } else if let (Some(least), Some(cli)) = (big(&d["available_at_least"]), cli) {
            self.facts += 1;
            if cli < least {
                self.mismatches.push(format!(
                    "{path}: the derive says at least {least}, the CLI {cli}"
                ));
            }
        }
    }
}
