//! `layout-bench`: what `#[derive(Layout)]` costs a build.
//!
//! ```sh
//! cargo run --release -p layout-bench -- --types 2000 --pairs 5
//! ```
//!
//! It generates a crate of `--types` types (one deterministic mix for every variant, see
//! [`gen`]) in several variants — no derive, `derive(Layout)` with no `LAYOUT` used,
//! `derive(Layout)` with every `LAYOUT` evaluated in a `const`, `derive(Layout)` with
//! `#[layout(values)]`,
//! `derive(Debug, Clone, PartialEq)`, the floor of any exact derive, and each peer
//! (`type-layout`, `facet`) on the types it accepts next to `derive(Layout)` on the same
//! types — under `target/layout-bench/`, and measures:
//!
//! 1. `touch src/lib.rs && cargo build` (debug, dependencies already built) of each variant,
//!    alternating with the no-derive build (A B A C A D, `--pairs` times): wall time, peak
//!    memory (the largest process, from `wait4`) and CPU time, as medians of the per-pair
//!    differences and ratios; once incremental (the issue's scenario) and once with
//!    `CARGO_INCREMENTAL=0` (the whole crate recompiled, as in CI);
//! 2. the same builds with `-Z time-passes` (`RUSTC_BOOTSTRAP=1`, in a separate target
//!    directory): the `macro_expand_crate` pass per type, and the passes that grow most;
//! 3. `-Z print-mono-items` and `-Z unpretty=expanded`: what code each variant generates;
//! 4. clean builds of the layoutscope dependency tree against a bare
//!    `syn` + `quote` + `proc-macro2` tree, alternating;
//! 5. `cargo tree`: that `layout-core` has no required dependencies;
//!
//! With `--cli`, it measures `cargo layoutscope` instead (see [`cli`]): clean
//! `cargo build` against clean `cargo layoutscope --json` of the generated crate and of `syn`.
//!
//! then prints PASS/FAIL for each budget line of the issue, and where layoutscope stands
//! against each peer. `cargo test` runs only the unit tests of the generator, the parsers and
//! the statistics, never the benchmark.

mod cli;
mod crates;
mod gen;
mod passes;
mod report;
mod run;
mod stats;
mod steps;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use crates::Layout;
use gen::{Peer, Variant};
use layout_testkit::Batch;
use report::Report;
use steps::{Bench, Mode};

/// The variants compared with the no-derive build (every other one), in report order.
pub const COMPARED: &[Variant] = Variant::ALL.split_at(1).1;

const USAGE: &str = "\
usage: cargo run --release -p layout-bench -- [options]

  --types N          types in the generated crate (default 2000)
  --pairs N          alternating pairs per comparison (default 5; the budget needs >= 5)
  --seed N           generator seed (default 1)
  --clean-pairs N    pairs of clean dependency-tree builds (default: --pairs)
  --only LIST        compare only these variants with no-derive, comma-separated from
                     layout, layout-eval, layout-values, std-trio, floor, type-layout,
                     layout-on-type-layout, facet, layout-on-facet (default: all)
  --skip-incremental skip the incremental rebuilds
  --skip-full        skip the CARGO_INCREMENTAL=0 rebuilds
  --skip-passes      skip the -Z time-passes / print-mono-items / unpretty runs
  --skip-clean       skip the clean dependency-tree builds
  --generate-only    write the generated crates and exit
  --cli              measure `cargo layoutscope --json` against `cargo build` (clean, the
                     generated crate and syn), instead of the derive's steps
  --layoutscope DIR  the layoutscope checkout the generated crates depend on (default: this
                     repository), to measure a modified copy; its own working directory is
                     target/layout-bench-<dir name> unless --work says otherwise
  --work DIR         working directory (default <repo>/target/layout-bench)
";

#[derive(Debug)]
struct Options {
    types: usize,
    pairs: usize,
    seed: u64,
    clean_pairs: Option<usize>,
    compared: Vec<Variant>,
    skip_incremental: bool,
    skip_full: bool,
    skip_passes: bool,
    skip_clean: bool,
    generate_only: bool,
    cli: bool,
    layoutscope: Option<PathBuf>,
    work: Option<PathBuf>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        types: 2000,
        pairs: 5,
        seed: 1,
        clean_pairs: None,
        compared: COMPARED.to_vec(),
        skip_incremental: false,
        skip_full: false,
        skip_passes: false,
        skip_clean: false,
        generate_only: false,
        cli: false,
        layoutscope: None,
        work: None,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        let number = |v: String| -> Result<u64, String> {
            v.parse::<u64>()
                .map_err(|_| format!("{arg} takes a whole number, not `{v}`"))
        };
        match arg.as_str() {
            "--types" => o.types = number(value()?)? as usize,
            "--pairs" => o.pairs = number(value()?)? as usize,
            "--seed" => o.seed = number(value()?)?,
            "--clean-pairs" => o.clean_pairs = Some(number(value()?)? as usize),
            "--only" => {
                o.compared = value()?
                    .split(',')
                    .map(|name| {
                        COMPARED
                            .iter()
                            .copied()
                            .find(|v| v.name() == name.trim())
                            .ok_or_else(|| format!("--only: unknown variant `{name}`"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--skip-incremental" => o.skip_incremental = true,
            "--skip-full" => o.skip_full = true,
            "--skip-passes" => o.skip_passes = true,
            "--skip-clean" => o.skip_clean = true,
            "--generate-only" => o.generate_only = true,
            "--cli" => o.cli = true,
            "--layoutscope" => o.layoutscope = Some(PathBuf::from(value()?)),
            "--work" => o.work = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if o.types == 0 || o.pairs == 0 || o.clean_pairs == Some(0) || o.compared.is_empty() {
        return Err("--types, --pairs, --clean-pairs and --only need at least one".into());
    }
    Ok(o)
}

/// The compared variants that use a derive. The floor has no macro to expand and nothing new
/// to generate; its incremental rebuild is all that the budget's reading needs.
fn derives(compared: &[Variant]) -> Vec<Variant> {
    compared
        .iter()
        .copied()
        .filter(|&v| v != Variant::Floor)
        .collect()
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}\n");
            }
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match bench(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root: this crate's parent directory.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ is inside the repository")
        .to_path_buf()
}

fn bench(o: &Options) -> io::Result<()> {
    let started = Instant::now();
    let repo = repo();
    let layoutscope = match &o.layoutscope {
        Some(dir) => fs::canonicalize(dir)?,
        None => repo.clone(),
    };
    // A modified layoutscope gets its own working directory, so that switching between
    // checkouts never makes one invalidate the other's build cache.
    let work = match (&o.work, &o.layoutscope) {
        (Some(work), _) => work.clone(),
        (None, None) => repo.join("target").join("layout-bench"),
        (None, Some(_)) => {
            let name = layoutscope
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "other".into());
            repo.join("target").join(format!("layout-bench-{name}"))
        }
    };
    let b = Bench {
        layout: Layout {
            work,
            repo,
            layoutscope,
        },
        cargo: std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()),
    };

    let model = gen::model(o.types, o.seed);
    b.layout.write_all(&model)?;
    let header = format!(
        "{}\ngenerated crates: {} (layoutscope from {})\n{}",
        describe_model(&model),
        b.layout.work.join("crates").display(),
        b.layout.layoutscope.display(),
        machine()
    );
    println!("{header}");
    if o.generate_only {
        return Ok(());
    }
    if o.cli {
        return cli_bench(&b, &model, o.pairs, &header, started);
    }

    let mut report = Report {
        types: o.types,
        peer_types: Peer::ALL
            .iter()
            .map(|&p| (p, model.items.iter().filter(|g| p.accepts(&g.item)).count()))
            .collect(),
        pairs: o.pairs,
        incremental: None,
        full: None,
        passes: None,
        generated: None,
        clean: None,
        core_deps: steps::core_required_deps(&b),
    };
    let mut step = 0;
    let mut announce = |what: &str| {
        step += 1;
        println!("\n[{step}] {what}");
    };
    if !o.skip_incremental {
        announce(Mode::Incremental.describe());
        report.incremental = Some(steps::rebuilds(
            &b,
            Mode::Incremental,
            o.pairs,
            &o.compared,
        )?);
    }
    if !o.skip_full {
        announce(Mode::Full.describe());
        let derives = derives(&o.compared);
        report.full = Some(steps::rebuilds(&b, Mode::Full, o.pairs, &derives)?);
    }
    if !o.skip_passes {
        announce("-Z time-passes (RUSTC_BOOTSTRAP=1, `cargo rustc --lib -- -Z time-passes`)");
        let derives = derives(&o.compared);
        report.passes = Some(steps::pass_timings(&b, o.pairs, &derives)?);
        announce("-Z print-mono-items=yes and -Z unpretty=expanded");
        report.generated = Some(steps::generated(&b, &derives)?);
    }
    if !o.skip_clean {
        announce(
            "clean builds: the bare syn + quote + proc-macro2 tree, then the layoutscope tree",
        );
        report.clean = Some(steps::clean_builds(&b, o.clean_pairs.unwrap_or(o.pairs))?);
    }

    let mut text = format!("{header}\n{}", report.render());
    if let Some(warning) = load_warning() {
        text.push_str(&warning);
    }
    let minutes = started.elapsed().as_secs_f64() / 60.0;
    text.push_str(&format!("\nThe benchmark took {minutes:.1} min.\n"));
    println!("{}", &text[header.len()..]);
    let path = b.layout.work.join("report.txt");
    fs::write(&path, &text)?;
    println!("report written to {}", path.display());
    Ok(())
}

/// `--cli`: `cargo layoutscope --json` against `cargo build` on the generated crate and the
/// real one.
fn cli_bench(
    b: &Bench,
    model: &Batch,
    pairs: usize,
    header: &str,
    started: Instant,
) -> io::Result<()> {
    println!("\n[1] cargo build --release -p cargo-layoutscope");
    let tool = cli::build_tool(b)?;
    let subjects = [cli::write_generated(&b.layout, model)?, cli::write_real(b)?];
    let mut results = Vec::new();
    for (n, subject) in subjects.into_iter().enumerate() {
        println!(
            "\n[{}] {}: clean `cargo build`, clean `cargo layoutscope --json`, the latter again (reading alone)",
            n + 2,
            subject.name
        );
        let pairs = cli::measure(b, &tool, &subject, pairs)?;
        results.push((subject, pairs));
    }
    let mut text = format!("{header}\n{}", cli::render(&results));
    if let Some(warning) = load_warning() {
        text.push_str(&warning);
    }
    let minutes = started.elapsed().as_secs_f64() / 60.0;
    text.push_str(&format!(
        "\nload average at the end {}\nThe benchmark took {minutes:.1} min.\n",
        load_average().unwrap_or_else(|| "unknown".into())
    ));
    println!("{}", &text[header.len()..]);
    let path = b.layout.work.join("cli-report.txt");
    fs::write(&path, &text)?;
    println!("report written to {}", path.display());
    Ok(())
}

fn describe_model(model: &Batch) -> String {
    let census = gen::census(model);
    let fields: usize = census.iter().map(|c| c.2).sum();
    let mut out = format!(
        "generated crate: {} types with {} fields (seed {}):",
        model.items.len(),
        fields,
        model.seed
    );
    for (kind, count, fields) in census {
        out.push_str(&format!(
            "\n  {count:>5}  {:<44} {fields:>6} fields",
            kind.describe()
        ));
    }
    for peer in Peer::ALL {
        let accepted = model.items.iter().filter(|g| peer.accepts(&g.item)).count();
        out.push_str(&format!(
            "\n  {accepted:>5}  types {} derives on (and layout-on-{} too)",
            peer.name(),
            peer.name()
        ));
    }
    out
}

/// Toolchain, CPUs and load, for the report header.
fn machine() -> String {
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "rustc (version unknown)".into());
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get().to_string())
        .unwrap_or_else(|_| "?".into());
    format!(
        "machine: {cpus} CPUs, {rustc}, debug profile; load average at start {}",
        load_average().unwrap_or_else(|| "unknown".into())
    )
}

fn load_average() -> Option<String> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    Some(
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// A warning when the machine was busy with something else: the 5-minute load average
/// (which spans most of a run) above half the CPUs besides the benchmark's own build.
fn load_warning() -> Option<String> {
    let five: f64 = load_average()?.split_whitespace().nth(1)?.parse().ok()?;
    let cpus = std::thread::available_parallelism().ok()?.get() as f64;
    (five > 1.0 + 0.5 * cpus).then(|| {
        format!(
            "\nwarning: the 5-minute load average is {five:.2} on {cpus} CPUs: other work was running, so wall times are inflated; the paired medians and the CPU-time columns are the more reliable figures\n"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Options, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_are_the_issue_s() {
        let o = args(&[]).unwrap();
        assert_eq!((o.types, o.pairs, o.seed), (2000, 5, 1));
        assert_eq!(o.compared, COMPARED.to_vec());
        assert!(o.clean_pairs.is_none() && !o.skip_full);
    }

    #[test]
    fn parses_options() {
        let o = args(&[
            "--types",
            "300",
            "--pairs",
            "7",
            "--only",
            "layout,std-trio",
        ])
        .unwrap();
        assert_eq!((o.types, o.pairs), (300, 7));
        assert_eq!(o.compared, vec![Variant::Layout, Variant::Trio]);
        assert!(args(&["--types"]).unwrap_err().contains("needs a value"));
        assert!(args(&["--types", "x"])
            .unwrap_err()
            .contains("whole number"));
        assert!(args(&["--only", "serde"])
            .unwrap_err()
            .contains("unknown variant"));
        assert!(args(&["--pairs", "0"]).is_err());
        assert!(args(&["--frobnicate"])
            .unwrap_err()
            .contains("unknown argument"));
        assert_eq!(args(&["--help"]).err(), Some(String::new()));
    }
}
