//! Differential test: the oracle's generated structs, unions and enums (every repr, generics,
//! nesting) compiled into one crate, reported by `cargo layoutscope --json` from the debug
//! info, and compared on every fact with rustc's own `#[rustc_layout(debug)]` of the same
//! crate: size, alignment, field offsets, the largest niche (offset, size, valid range), and
//! for enums the tag encoding (direct or niche), the tag's offset and size, the niche
//! encoding's untagged variant, variant range and first value, each variant's discriminant and
//! the offsets of every variant's fields.
//!
//! `LAYOUTSCOPE_DIFF_TYPES` sets how many types are generated per generator (default 1,000
//! structs and 1,000 enums, plus the structs that nest enums) and `LAYOUTSCOPE_DIFF_SEED` the
//! seed; docs/cargo-layoutscope.md has the command for 100,000 types.

mod common;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use layout_oracle::parse_layout_debug::{
    parse, FieldsShape, RustcLayout, RustcVariants, TagEncoding,
};
use layout_oracle::spec::{EnumShape, Instance, Mix, Shape};
use serde_json::Value;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Generated {
    /// Structs of module `s`, then the structs of module `e` (which nest enums).
    structs: Vec<(String, Instance)>,
    enums: Vec<(String, Instance)>,
    struct_source: String,
    enum_source: String,
}

/// The generated types in modules `s` (structs) and `e` (enums and the structs nesting them).
fn generate(seed: u64, count: usize) -> Generated {
    let structs = layout_oracle::spec::Generated::new(Mix::Structs, seed, count);
    let enums = layout_oracle::spec::Generated::new(Mix::Enums, seed, count);
    let strip = |s: &str| layout_oracle::cases::strip_layoutscope(s).expect("generated source");
    let mut all_structs: Vec<(String, Instance)> = structs
        .instances
        .into_iter()
        .map(|i| ("s".to_owned(), i))
        .collect();
    let (enum_types, nesting): (Vec<Instance>, Vec<Instance>) = enums
        .instances
        .into_iter()
        .partition(|i| i.kind().is_enum());
    all_structs.extend(nesting.into_iter().map(|i| ("e".to_owned(), i)));
    Generated {
        structs: all_structs,
        enums: enum_types
            .into_iter()
            .map(|i| ("e".to_owned(), i))
            .collect(),
        struct_source: strip(&structs.source),
        enum_source: strip(&enums.source),
    }
}

/// Writes the crate: the types of each module, one public function per type that uses it (so
/// that the debug info describes it), and under `--cfg layout_debug` one
/// `#[rustc_layout(debug)]` alias per type, in the type's module (generated types are
/// private). Returns the line of each alias.
fn write_crate(dir: &Path, generated: &Generated) -> Vec<usize> {
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"difftest\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
         [lib]\npath = \"src/lib.rs\"\n\n[lints.rust]\nunexpected_cfgs = \"allow\"\n\n[workspace]\n",
    )
    .unwrap();
    let mut lib =
        String::from("#![cfg_attr(layout_debug, feature(rustc_attrs))]\n#![allow(warnings)]\n");
    let mut lines = Vec::new();
    let mut n = 0;
    let modules = [
        (
            "s",
            &generated.struct_source,
            generated
                .structs
                .iter()
                .filter(|(m, _)| m == "s")
                .map(|(_, i)| i.ty.clone())
                .collect::<Vec<_>>(),
        ),
        (
            "e",
            &generated.enum_source,
            generated
                .structs
                .iter()
                .filter(|(m, _)| m == "e")
                .map(|(_, i)| i.ty.clone())
                .chain(generated.enums.iter().map(|(_, i)| i.ty.clone()))
                .collect(),
        ),
    ];
    for (module, source, types) in modules {
        writeln!(lib, "pub mod {module} {{\n{source}").unwrap();
        for ty in &types {
            writeln!(
                lib,
                "#[cfg(not(layout_debug))] pub fn __use_{n}(x: {ty}) -> {ty} {{ x }}"
            )
            .unwrap();
            n += 1;
        }
        for ty in &types {
            lines.push(lib.lines().count() + 1);
            writeln!(
                lib,
                "#[cfg(layout_debug)] #[rustc_layout(debug)] type __L_{} = {ty};",
                lines.len()
            )
            .unwrap();
        }
        lib.push_str("}\n");
    }
    std::fs::write(dir.join("src/lib.rs"), lib).unwrap();
    lines
}

fn workspace_target() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target")
}

/// rustc's layouts, from a `cargo check` with `#[rustc_layout(debug)]` (a test-only use of
/// `RUSTC_BOOTSTRAP`).
fn rustc_layouts(dir: &Path) -> Vec<RustcLayout> {
    let out = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(workspace_target().join("layoutscope-difftest-debug"))
        .env("RUSTC_BOOTSTRAP", "1")
        .env("RUSTFLAGS", "--cfg layout_debug")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    parse(&stderr, std::mem::size_of::<usize>() as u64).expect("rustc's layout debug output")
}

/// `cargo layoutscope --json` of the crate.
fn cli_layouts(dir: &Path) -> Value {
    common::cli_json(dir, &workspace_target().join("layoutscope-difftest"), &[])
}

/// A name in both spellings without module paths, spaces and lifetimes.
fn key(name: &str) -> String {
    common::short_name(&name.replace("'static ", ""))
        .replace(' ', "")
        .replace("<Global>", "")
        .replace("Fn<(),Output=()>", "Fn()")
}

#[derive(Default)]
struct Tally {
    compared: usize,
    facts: usize,
    niches_known: usize,
    niches_unknown: usize,
    unconfirmed: usize,
    tags: HashMap<&'static str, usize>,
    mismatches: Vec<String>,
}

impl Tally {
    fn check<T: PartialEq + std::fmt::Debug>(&mut self, ty: &str, what: &str, cli: T, rustc: T) {
        self.facts += 1;
        if cli != rustc {
            self.mismatches
                .push(format!("{ty}: {what}: cli {cli:?}, rustc {rustc:?}"));
        }
    }
}

fn num(v: &Value) -> Option<u64> {
    v.as_u64()
}

fn big(v: &Value) -> Option<u128> {
    let s = v.as_str()?;
    s.parse::<u128>()
        .ok()
        .or_else(|| s.parse::<i128>().ok().map(|i| i as u128))
}

fn offsets(shape: &FieldsShape, n: usize) -> Vec<u64> {
    match shape {
        FieldsShape::Arbitrary(o) => o.clone(),
        FieldsShape::Union(_) => vec![0; n],
        FieldsShape::Primitive => Vec::new(),
    }
}

fn compare_fields(
    t: &mut Tally,
    ty: &str,
    what: &str,
    names: &[String],
    cli: &Value,
    rustc: &[u64],
) {
    let cli_fields = cli.as_array().cloned().unwrap_or_default();
    t.check(
        ty,
        &format!("{what} field count"),
        cli_fields.len(),
        rustc.len(),
    );
    for (i, name) in names.iter().enumerate() {
        let found = cli_fields.iter().find(|f| f["name"] == name.as_str());
        let offset = found.and_then(|f| num(&f["offset"]));
        t.check(
            ty,
            &format!("{what} offset of {name}"),
            offset,
            rustc.get(i).copied(),
        );
    }
}

fn compare_niche(t: &mut Tally, ty: &str, cli: &Value, rustc: &RustcLayout) {
    let largest = &cli["niche"]["largest"];
    match largest["state"].as_str() {
        Some("known") => {
            t.niches_known += 1;
            let got = (
                num(&largest["offset"]),
                num(&largest["size"]),
                big(&largest["valid_start"]),
                big(&largest["valid_end"]),
            );
            let want = rustc
                .niche
                .as_ref()
                .map(|n| (Some(n.offset), Some(n.size), Some(n.start), Some(n.end)));
            t.check(ty, "niche", Some(got), want);
        }
        Some("none") => {
            t.niches_known += 1;
            t.check(ty, "niche", None, rustc.niche.as_ref().map(|n| n.offset));
        }
        _ => t.niches_unknown += 1,
    }
}

fn compare(generated: &Generated, lines: &[usize], rustc: &[RustcLayout], cli: &Value) -> Tally {
    let by_line: HashMap<usize, &RustcLayout> = rustc.iter().map(|l| (l.line, l)).collect();
    let mut cli_by_key: HashMap<String, &Value> = HashMap::new();
    for v in cli["types"].as_array().unwrap() {
        let full = v["type_name"].as_str().unwrap();
        let rest = full.strip_prefix("difftest::").unwrap_or(full);
        let module = rest.split("::").next().unwrap_or("");
        cli_by_key.insert(format!("{module}::{}", key(full)), v);
    }
    let mut t = Tally::default();
    let mut n = 0;
    for (module, inst) in &generated.structs {
        let line = lines[n];
        n += 1;
        let ty = format!("{module}::{}", inst.ty);
        let Some(r) = by_line.get(&line) else {
            t.mismatches.push(format!("{ty}: no rustc layout"));
            continue;
        };
        let Some(c) = cli_by_key.get(&format!("{module}::{}", key(&inst.rustc_name))) else {
            t.mismatches.push(format!("{ty}: not reported by the CLI"));
            continue;
        };
        t.compared += 1;
        t.check(&ty, "size", num(&c["size"]), Some(r.size));
        t.check(&ty, "align", num(&c["align"]), Some(r.align));
        let (fields, union) = match &inst.shape {
            Shape::Struct(fields) => (fields, false),
            Shape::Union(fields) => (fields, true),
            Shape::Enum(_) => unreachable!("the structs are structs and unions"),
        };
        let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
        let want = if union {
            vec![0; names.len()]
        } else {
            offsets(&r.fields, names.len())
        };
        compare_fields(&mut t, &ty, "", &names, &c["fields"], &want);
        compare_niche(&mut t, &ty, c, r);
    }
    for (module, inst) in &generated.enums {
        let line = lines[n];
        n += 1;
        let ty = format!("{module}::{}", inst.ty);
        let shape = enum_shape(inst);
        let Some(r) = by_line.get(&line) else {
            t.mismatches.push(format!("{ty}: no rustc layout"));
            continue;
        };
        let Some(c) = cli_by_key.get(&format!("{module}::{}", key(&inst.rustc_name))) else {
            t.mismatches.push(format!("{ty}: not reported by the CLI"));
            continue;
        };
        t.compared += 1;
        if c["caveats"].as_array().is_some_and(|a| !a.is_empty()) {
            // Flagged as unconfirmed in the output itself, so not presented as exact.
            t.unconfirmed += 1;
        } else {
            t.check(&ty, "size", num(&c["size"]), Some(r.size));
            t.check(&ty, "align", num(&c["align"]), Some(r.align));
        }
        compare_niche(&mut t, &ty, c, r);
        let variants = c["variants"].as_array().cloned().unwrap_or_default();
        t.check(&ty, "variant count", variants.len(), shape.variants.len());
        for (i, spec) in shape.variants.iter().enumerate() {
            let Some(v) = variants.get(i) else { continue };
            t.check(
                &ty,
                "variant name",
                v["name"].as_str(),
                Some(spec.name.as_str()),
            );
            if v["discriminant"].is_null() {
                t.unconfirmed += 1;
            } else if let Some(d) = spec.discriminant {
                t.check(
                    &ty,
                    &format!("discriminant of {}", spec.name),
                    big(&v["discriminant"]),
                    Some(d),
                );
            }
        }
        let tag = &c["tag"];
        match &r.variants {
            RustcVariants::Empty => {
                *t.tags.entry("empty").or_default() += 1;
                t.check(&ty, "tag", tag["encoding"].as_str(), Some("none"));
            }
            RustcVariants::Single { index } => {
                *t.tags.entry("single").or_default() += 1;
                t.check(&ty, "tag", tag["encoding"].as_str(), Some("none"));
                if let (Some(spec), Some(v)) = (shape.variants.get(*index), variants.get(*index)) {
                    let names: Vec<String> = spec.fields.iter().map(|f| f.name.clone()).collect();
                    let want = offsets(&r.fields, names.len());
                    compare_fields(&mut t, &ty, &spec.name, &names, &v["fields"], &want);
                }
            }
            RustcVariants::Multiple(m) => {
                let tag_offset = match &r.fields {
                    FieldsShape::Arbitrary(o) => o.get(m.tag_field).copied(),
                    _ => None,
                };
                t.check(&ty, "tag offset", num(&tag["offset"]), tag_offset);
                t.check(&ty, "tag size", num(&tag["size"]), Some(m.tag.size));
                match &m.encoding {
                    TagEncoding::Direct => {
                        *t.tags.entry("direct").or_default() += 1;
                        t.check(
                            &ty,
                            "tag encoding",
                            tag["encoding"].as_str(),
                            Some("direct"),
                        );
                    }
                    TagEncoding::Niche {
                        untagged_variant,
                        niche_variants,
                        niche_start,
                    } => {
                        *t.tags.entry("niche").or_default() += 1;
                        t.check(&ty, "tag encoding", tag["encoding"].as_str(), Some("niche"));
                        t.check(
                            &ty,
                            "untagged",
                            num(&tag["untagged"]),
                            Some(*untagged_variant as u64),
                        );
                        t.check(
                            &ty,
                            "first",
                            num(&tag["first"]),
                            Some(niche_variants.0 as u64),
                        );
                        t.check(
                            &ty,
                            "last",
                            num(&tag["last"]),
                            Some(niche_variants.1 as u64),
                        );
                        t.check(
                            &ty,
                            "first value",
                            big(&tag["first_value"]),
                            Some(*niche_start),
                        );
                    }
                }
                for (i, spec) in shape.variants.iter().enumerate() {
                    let (Some(v), Some(rv)) = (variants.get(i), m.variants.get(i)) else {
                        continue;
                    };
                    let names: Vec<String> = spec.fields.iter().map(|f| f.name.clone()).collect();
                    let want = offsets(&rv.fields, names.len());
                    compare_fields(&mut t, &ty, &spec.name, &names, &v["fields"], &want);
                }
            }
        }
    }
    t
}

#[test]
fn every_fact_the_cli_reports_is_rustcs() {
    let seed = env_number("LAYOUTSCOPE_DIFF_SEED", 1);
    let count = env_number("LAYOUTSCOPE_DIFF_TYPES", 1000) as usize;
    let generated = generate(seed, count);
    let dir = workspace_target().join(format!("layoutscope-difftest-src-{seed}"));
    let lines = write_crate(&dir, &generated);
    let rustc = rustc_layouts(&dir);
    let cli = cli_layouts(&dir);
    common::schema::validate(&cli).expect("the JSON follows docs/layouts.schema.json");
    let t = compare(&generated, &lines, &rustc, &cli);
    eprintln!(
        "compared {} types, {} facts; niches located {} / unknown {}; facts flagged unconfirmed by the CLI {}; enum layouts {:?}; {} mismatches",
        t.compared,
        t.facts,
        t.niches_known,
        t.niches_unknown,
        t.unconfirmed,
        t.tags,
        t.mismatches.len()
    );
    for m in t.mismatches.iter().take(40) {
        eprintln!("  {m}");
    }
    assert!(
        t.compared >= 2 * count,
        "compared only {} types",
        t.compared
    );
    assert!(t.mismatches.is_empty(), "{} mismatches", t.mismatches.len());
}

/// The variants and repr of an enum the enum batch generated.
fn enum_shape(inst: &Instance) -> &EnumShape {
    match &inst.shape {
        Shape::Enum(shape) => shape,
        _ => unreachable!("the enums are enums"),
    }
}
