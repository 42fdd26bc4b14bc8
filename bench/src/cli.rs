//! `--cli`: what `cargo layoutscope` costs against the `cargo build` it runs.
//!
//! Two crates, each built from an emptied target directory, alternating `cargo build` and
//! `cargo layoutscope --json` (every type of the package with all its facts), `--pairs` times,
//! dev profile for both (its debug info is already full, so the two builds compile the same
//! thing; the tool adds `cargo metadata`, `rustc -vV` and the reading of the debug info):
//!
//! - the generated crate (`--types`, `--seed`) without derives, plus one function per type
//!   that takes and returns it: debug info describes the types that compiled code uses, and
//!   none of the generated types would otherwise be used. No dependencies, so a clean build
//!   is this crate alone;
//! - a large real crate: `syn` 2 with every feature but `test` (`full`, `visit`, `visit-mut`,
//!   `fold`, `extra-traits` and the defaults), a copy of its published sources made its own
//!   workspace, with the dependency versions of the repository's `Cargo.lock`.
//!
//! After each clean `cargo layoutscope`, the same command runs again with the build up to
//! date: the reading alone, whose peak resident set is the tool's own (the largest process
//! of that run; `cargo` doing nothing is smaller).

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use layout_testkit::Batch;

use crate::crates::{manifest, write_if_changed as write, Layout};
use crate::gen::{self, Variant};
use crate::run::{self, Sample};
use crate::stats::Pairs;
use crate::steps::Bench;

/// Budget: `cargo layoutscope` of every type against a plain `cargo build`, clean.
pub const CLI_BUDGET_RATIO: f64 = 1.3;

/// The real crate: its name and version (the one the repository's `Cargo.lock` has) and the
/// features both builds get.
pub const REAL_CRATE: (&str, &str) = ("syn", "2.0.119");
const REAL_FEATURES: &str = "full,visit,visit-mut,fold,extra-traits";

/// One crate the tool is measured on.
pub struct Subject {
    /// How the report names it.
    pub name: String,
    /// Its `Cargo.toml`.
    pub manifest: PathBuf,
    /// `--features` for both builds, if any.
    pub features: Option<&'static str>,
    /// The first segment of its types' paths.
    pub krate: String,
}

/// The measurements of one subject.
#[derive(Default)]
pub struct CliPairs {
    /// Wall seconds: (`cargo build`, `cargo layoutscope --json`), clean.
    pub wall: Pairs,
    /// CPU seconds, same pairs.
    pub cpu: Pairs,
    /// Peak resident set of the largest process of each run (a `rustc`), MiB.
    pub rss: Pairs,
    /// Wall seconds of the reading alone (build up to date).
    pub read: Vec<f64>,
    /// Peak resident set of the reading alone, MiB.
    pub read_rss: Vec<f64>,
    /// Types in the JSON, and how many of them are the crate's own.
    pub types: (usize, usize),
}

/// The generated crate with a function per type: no derives, no dependencies.
pub fn write_generated(layout: &Layout, model: &Batch) -> io::Result<Subject> {
    let dir = layout.work.join("crates").join("cli-types");
    let mut lib = gen::render(model, Variant::NoDerive);
    lib.push_str("\n// One function per type, so that the debug info describes it.\n");
    for (n, (_, instance)) in model.instances().enumerate() {
        let ty = &instance.src;
        let _ = writeln!(lib, "pub fn use_{n}(x: {ty}) -> {ty} {{ x }}");
    }
    write(&dir.join("src").join("lib.rs"), &lib)?;
    write(
        &dir.join("Cargo.toml"),
        &manifest("gen_cli_types", "", false),
    )?;
    Ok(Subject {
        name: format!("generated crate ({} types)", model.instances().count()),
        manifest: dir.join("Cargo.toml"),
        features: None,
        krate: "gen_cli_types".into(),
    })
}

/// The real crate's published sources, copied out of cargo's registry cache (downloaded
/// through a crate that depends on it) into a workspace of their own.
pub fn write_real(b: &Bench) -> io::Result<Subject> {
    let (name, version) = REAL_CRATE;
    let fetch = b.layout.work.join("crates").join(format!("fetch-{name}"));
    write(
        &fetch.join("Cargo.toml"),
        &manifest(
            &format!("fetch_{name}"),
            &format!("{name} = {{ version = \"={version}\", features = [\"full\"] }}\n"),
            false,
        ),
    )?;
    write(&fetch.join("src").join("lib.rs"), "")?;
    let lock = fetch.join("Cargo.lock");
    if !lock.exists() {
        fs::copy(b.layout.repo.join("Cargo.lock"), &lock)?;
    }
    let out = b
        .cargo()
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(fetch.join("Cargo.toml"))
        .output()?;
    if !out.status.success() {
        return Err(io::Error::other(format!(
            "cargo metadata of {} failed: {}",
            fetch.display(),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    let metadata = String::from_utf8_lossy(&out.stdout);
    let source = registry_manifest(&metadata, name, version)
        .and_then(|m| Path::new(&m).parent().map(Path::to_path_buf))
        .ok_or_else(|| io::Error::other(format!("{name} {version} not in cargo metadata")))?;
    let dir = b
        .layout
        .work
        .join("crates")
        .join(format!("{name}-{version}"));
    copy_dir(&source, &dir)?;
    let toml = fs::read_to_string(source.join("Cargo.toml"))?;
    write(&dir.join("Cargo.toml"), &format!("{toml}\n[workspace]\n"))?;
    fs::copy(&lock, dir.join("Cargo.lock"))?;
    Ok(Subject {
        name: format!("{name} {version} (features {REAL_FEATURES})"),
        manifest: dir.join("Cargo.toml"),
        features: Some(REAL_FEATURES),
        krate: name.into(),
    })
}

/// The `manifest_path` of package `name` `version` in `cargo metadata`'s JSON. The
/// benchmark has no JSON parser: the packages are objects whose `"name"`, `"version"` and
/// `"manifest_path"` keys cargo writes in that order, each once per package.
fn registry_manifest(metadata: &str, name: &str, version: &str) -> Option<String> {
    let wanted = format!("\"name\":\"{name}\",\"version\":\"{version}\"");
    let at = metadata.find(&wanted)?;
    let rest = &metadata[at..];
    let key = "\"manifest_path\":\"";
    let start = rest.find(key)? + key.len();
    let end = start + rest[start..].find('"')?;
    Some(rest[start..end].replace("\\\\", "\\"))
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if !target.exists() {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// `cargo build --release -p cargo-layoutscope` of the layoutscope checkout; its path.
pub fn build_tool(b: &Bench) -> io::Result<PathBuf> {
    let target = b.layout.work.join("tool");
    let log = b.layout.log("cli-tool-build");
    run::measure(
        b.cargo()
            .args(["build", "--release", "-p", "cargo-layoutscope"])
            .arg("--manifest-path")
            .arg(b.layout.layoutscope.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(&target),
        &log,
    )?;
    Ok(target.join("release").join("cargo-layoutscope"))
}

/// `(total, own)`: the types of a `cargo layoutscope --json` document, and those whose
/// path starts with `krate::`. The document is pretty-printed with two spaces per level, so
/// a type's own `type_name` is the one at depth 3 (the fields' are deeper).
pub fn count_types(json: &str, krate: &str) -> (usize, usize) {
    let key = "      \"type_name\": \"";
    let own = format!("{key}{krate}::");
    let mut total = 0;
    let mut mine = 0;
    for line in json.lines() {
        if line.starts_with(key) {
            total += 1;
            mine += usize::from(line.starts_with(&own));
        }
    }
    (total, mine)
}

fn empty(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    Ok(())
}

/// `--manifest-path`, `--target-dir` and `--features` of subject `s`, for both commands.
fn subject_args(cmd: &mut Command, s: &Subject, target: &Path) {
    cmd.arg("--manifest-path")
        .arg(&s.manifest)
        .arg("--target-dir")
        .arg(target);
    if let Some(f) = s.features {
        cmd.arg("--features").arg(f);
    }
}

fn plain(b: &Bench, s: &Subject, target: &Path) -> io::Result<Sample> {
    empty(target)?;
    let mut cmd = b.cargo();
    cmd.arg("build");
    subject_args(&mut cmd, s, target);
    run::measure(&mut cmd, &b.layout.log(&format!("cli-plain-{}", s.krate)))
}

fn tool(b: &Bench, tool: &Path, s: &Subject, target: &Path, json: &Path) -> io::Result<Sample> {
    let mut cmd = Command::new(tool);
    cmd.env("CARGO", &b.cargo)
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTC_BOOTSTRAP")
        .args(["layoutscope", "--json"]);
    subject_args(&mut cmd, s, target);
    run::measure_with_stdout(
        &mut cmd,
        &b.layout.log(&format!("cli-tool-{}", s.krate)),
        json,
    )
}

/// Alternating clean builds of `s`: `cargo build`, then `cargo layoutscope --json`, then the
/// latter again with the build up to date.
pub fn measure(b: &Bench, tool_path: &Path, s: &Subject, pairs: usize) -> io::Result<CliPairs> {
    let plain_target = b.layout.work.join("target-cli").join("plain");
    let tool_target = b.layout.work.join("target-cli").join("tool");
    let json = b.layout.log(&format!("cli-{}-json", s.krate));
    // Untimed: fetch anything missing, warm the file cache.
    plain(b, s, &plain_target)?;
    empty(&tool_target)?;
    tool(b, tool_path, s, &tool_target, &json)?;
    let mut out = CliPairs::default();
    for round in 1..=pairs {
        let base = plain(b, s, &plain_target)?;
        empty(&tool_target)?;
        let cli = tool(b, tool_path, s, &tool_target, &json)?;
        let read = tool(b, tool_path, s, &tool_target, &json)?;
        out.wall
            .push(base.wall.as_secs_f64(), cli.wall.as_secs_f64());
        if let (Some(x), Some(y)) = (base.cpu, cli.cpu) {
            out.cpu.push(x.as_secs_f64(), y.as_secs_f64());
        }
        if let (Some(x), Some(y)) = (base.max_rss_kib, cli.max_rss_kib) {
            out.rss.push(x as f64 / 1024.0, y as f64 / 1024.0);
        }
        out.read.push(read.wall.as_secs_f64());
        if let Some(r) = read.max_rss_kib {
            out.read_rss.push(r as f64 / 1024.0);
        }
        println!(
            "      pair {round}/{pairs}  cargo build {:>6.2} s  cargo layoutscope {:>6.2} s ({:.2}x)  reading alone {:>5.2} s",
            base.wall.as_secs_f64(),
            cli.wall.as_secs_f64(),
            cli.wall.as_secs_f64() / base.wall.as_secs_f64(),
            read.wall.as_secs_f64()
        );
    }
    out.types = count_types(&fs::read_to_string(&json)?, &s.krate);
    Ok(out)
}

fn fmt(v: Option<f64>, unit: &str) -> String {
    v.map(|x| format!("{x:.2} {unit}"))
        .unwrap_or_else(|| "n/a".into())
}

fn mib(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.0} MiB"))
        .unwrap_or_else(|| "n/a".into())
}

/// The report of `--cli`: per subject, medians and the budget line.
pub fn render(results: &[(Subject, CliPairs)]) -> String {
    let mut out = String::new();
    for (s, p) in results {
        let median = |v: &[f64]| crate::stats::median(v);
        let _ = writeln!(
            out,
            "\n{}: {} types in the JSON, {} of them `{}::`; {} pairs, clean target directories\n\
             {:<34} {:>10} {:>10} {:>12}\n\
             {:<34} {:>10} {:>10} {:>12}\n\
             {:<34} {:>10} {:>10} {:>12}\n\
             {:<34} {:>10} {:>10} {:>12}",
            s.name,
            p.types.0,
            p.types.1,
            s.krate,
            p.wall.len(),
            "median",
            "wall",
            "CPU",
            "peak memory",
            "cargo build",
            fmt(p.wall.baseline(), "s"),
            fmt(p.cpu.baseline(), "s"),
            mib(p.rss.baseline()),
            "cargo layoutscope --json",
            fmt(p.wall.variant(), "s"),
            fmt(p.cpu.variant(), "s"),
            mib(p.rss.variant()),
            "  reading alone (build up to date)",
            fmt(median(&p.read), "s"),
            "",
            mib(median(&p.read_rss)),
        );
        let ratio = p.wall.ratio();
        let _ = writeln!(
            out,
            "{}  cargo layoutscope of every type: {} a plain cargo build (median of the pairs' ratios; CPU {}; budget <= {CLI_BUDGET_RATIO}x)",
            match ratio {
                Some(r) if r <= CLI_BUDGET_RATIO => "PASS",
                Some(_) => "FAIL",
                None => "n/a ",
            },
            ratio.map_or("n/a".into(), |r| format!("{r:.2}x")),
            p.cpu.ratio().map_or("n/a".into(), |r| format!("{r:.2}x")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_top_level_types_only() {
        let json = "{\n  \"types\": [\n    {\n      \"name\": \"A\",\n      \"type_name\": \"k::A\",\n      \"fields\": [\n        {\n          \"type_name\": \"u8\"\n        }\n      ]\n    },\n    {\n      \"type_name\": \"u8\"\n    }\n  ]\n}\n";
        assert_eq!(count_types(json, "k"), (2, 1));
        assert_eq!(count_types(json, "other"), (2, 0));
    }

    #[test]
    fn finds_a_registry_package() {
        let metadata = r#"{"packages":[{"name":"quote","version":"1.0.0","id":"x","manifest_path":"/r/quote-1.0.0/Cargo.toml"},{"name":"syn","version":"2.0.119","id":"y","license":"MIT","manifest_path":"/r/syn-2.0.119/Cargo.toml"}]}"#;
        assert_eq!(
            registry_manifest(metadata, "syn", "2.0.119").as_deref(),
            Some("/r/syn-2.0.119/Cargo.toml")
        );
        assert_eq!(registry_manifest(metadata, "syn", "1.0.0"), None);
    }

    #[test]
    fn the_budget_line_reads_the_ratio() {
        let mut p = CliPairs::default();
        p.wall.push(10.0, 12.0);
        p.types = (3, 2);
        let s = Subject {
            name: "x".into(),
            manifest: PathBuf::from("Cargo.toml"),
            features: None,
            krate: "k".into(),
        };
        let text = render(&[(s, p)]);
        assert!(
            text.contains("PASS  cargo layoutscope of every type: 1.20x"),
            "{text}"
        );
        assert!(
            text.contains("3 types in the JSON, 2 of them `k::`"),
            "{text}"
        );
    }
}
