//! `layout-oracle`: runs the differential oracle and exits non-zero on any mismatch.
//!
//! ```text
//! cargo run -p layout-oracle -- [--enums | --mix structs|enums|bench] [--seed N] [--count N]
//!     [--name NAME] [--workspace PATH] [--no-save]
//! cargo run --release -p layout-oracle -- sweep --types N [--enums|--all] [--first-seed N]
//!     [--batch N] [--jobs N] [--summary PATH] [--no-save] [--workspace PATH]
//! ```
//!
//! One batch:
//!
//! - `--enums`: run an enum batch (generated enums of every repr with the structs that nest
//!   them, plus the hand-written cases of `oracle/cases/enum_cases.rs`) instead of the struct
//!   and union batch. `--mix bench`: the benchmark's crate (`bench/`), every type compared.
//!   Either prints a breakdown by kind of type and
//!   `differential: T types, F facts compared, M mismatches`.
//! - `--seed N`: the generator's seed (default 7); every seed must pass.
//! - `--count N`: how many types to generate (default 500 structs and unions, or 300 enum
//!   instantiations with `--enums`); the hand-written cases come on top.
//! - `--name NAME`: the probe crate's name, `<workspace>/target/oracle-work/NAME` (default
//!   `cli-structs`, `cli-enums` or `cli-bench`); concurrent runs need distinct names.
//! - `--workspace PATH`: the layoutscope workspace (default: the one this binary was built in).
//! - `--no-save`: do not save reproducers (by default every generated type with a mismatch is
//!   saved in `<workspace>/oracle/reproducers/`, see `layout_oracle::reproduce`).
//!
//! `sweep`: many batches with fresh seeds (see `layout_oracle::sweep`).
//!
//! - `--types N`: generated types in total (required); `--batch N` per batch (default 1000).
//! - `--enums` or `--all`: enum batches, or a struct batch and an enum batch per seed (default:
//!   struct batches).
//! - `--first-seed N`: the first batch's seed, the next ones count up from it (default: the
//!   time in microseconds). Every seed is printed, and the summary says how to re-run a batch.
//! - `--jobs N`: batches at once, each with its own target directory (default: one per core,
//!   at most 4).
//! - `--summary PATH`: the summary file (default `<workspace>/target/oracle-sweep.txt`), rewritten
//!   after every batch: per batch seed, kind, count, generated types, compared types, facts and
//!   mismatches, then a total line, the mismatches and the reproducers saved.
//! - `--no-save`: do not save reproducers.
//!
//! Exit status: 0 when every fact matched, 1 on mismatches, 2 when the oracle could not run or
//! could not read an oracle's output (for a sweep: some batch could not, and none mismatched).

use std::path::PathBuf;
use std::process::ExitCode;

use layout_oracle::sweep::{SweepConfig, SweepKind};
use layout_oracle::Mix;

const USAGE: &str = "usage: layout-oracle [--enums | --mix structs|enums|bench] [--seed N] [--count N] [--name NAME] [--workspace PATH] [--no-save]
       layout-oracle sweep --types N [--enums|--all] [--first-seed N] [--batch N] [--jobs N] [--summary PATH] [--no-save] [--workspace PATH]";

/// What to run.
enum Args {
    /// One batch.
    One(layout_oracle::Config),
    /// Many.
    Sweep(SweepConfig),
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    let parsed = if args.peek().map(String::as_str) == Some("sweep") {
        args.next();
        parse_sweep(args).map(Args::Sweep)
    } else {
        parse_args(args)
    };
    match parsed {
        Ok(Args::One(config)) => one(&config),
        Ok(Args::Sweep(config)) => sweep(&config),
        Err(e) => {
            eprintln!("layout-oracle: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn one(config: &layout_oracle::Config) -> ExitCode {
    eprintln!(
        "layout-oracle: {} batch, seed {}, {} generated {}, probe crate in {}",
        config.mix.label(),
        config.seed,
        config.count,
        match config.mix {
            Mix::Structs => "structs and unions",
            Mix::Enums => "enums",
            Mix::Bench => "types",
        },
        layout_oracle::runner::project_dir(&config.workspace, &config.name).display()
    );
    match layout_oracle::run(config) {
        Ok(report) => {
            println!("{report}");
            if report.mismatches.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("layout-oracle: {e}");
            ExitCode::from(2)
        }
    }
}

fn sweep(config: &SweepConfig) -> ExitCode {
    let planned =
        layout_oracle::sweep::plan(config.kind, config.types, config.batch, config.first_seed);
    eprintln!(
        "layout-oracle sweep: {} generated {} types, {} batches of up to {}, {} jobs, \
         first seed {} (repeat with --first-seed {}), summary in {}",
        config.types,
        config.kind.label(),
        planned.len(),
        config.batch,
        config.jobs,
        config.first_seed,
        config.first_seed,
        config.summary.display()
    );
    let total = planned.len();
    let progress = move |r: &layout_oracle::sweep::BatchResult| {
        let p = &r.planned;
        match &r.outcome {
            Ok(b) => eprintln!(
                "[{}/{total}] seed {} {}: {} generated, {} types, {} facts, {} mismatches, {:.1} s",
                p.index + 1,
                p.seed,
                p.mix.label(),
                b.generated,
                b.types,
                b.facts,
                b.mismatches.len(),
                r.seconds
            ),
            Err(e) => eprintln!(
                "[{}/{total}] seed {} {}: ERROR, nothing compared ({}):\n{e}",
                p.index + 1,
                p.seed,
                p.mix.label(),
                p.command()
            ),
        }
        if let Ok(b) = &r.outcome {
            for m in &b.mismatches {
                eprintln!("  MISMATCH {m}");
            }
            for path in &b.reproducers {
                eprintln!("  reproducer saved: {}", path.display());
            }
            if !b.mismatches.is_empty() {
                eprintln!("  re-run: {}", p.command());
            }
        }
    };
    match layout_oracle::sweep::sweep(config, &progress) {
        Ok(totals) => {
            println!("{}", totals.line());
            if totals.mismatches > 0 {
                ExitCode::FAILURE
            } else if totals.errors > 0 {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("layout-oracle: {e}");
            ExitCode::from(2)
        }
    }
}

/// The workspace this binary was built in: the oracle crate sits in `<workspace>/oracle`.
fn default_workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut mix, mut count, mut name, mut save) = (Mix::Structs, None, None, true);
    let (mut seed, mut workspace) = (7, default_workspace());
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--enums" => mix = Mix::Enums,
            "--mix" => {
                let label = value()?;
                mix = Mix::named(&label).ok_or(format!("no mix `{label}`"))?;
            }
            "--seed" => seed = number(&value()?)?,
            "--count" => count = Some(number(&value()?)?),
            "--name" => name = Some(value()?),
            "--workspace" => workspace = PathBuf::from(value()?),
            "--no-save" => save = false,
            "-h" | "--help" => return Err("help".to_owned()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let count = count.unwrap_or(if mix == Mix::Enums { 300 } else { 500 });
    let name = name.unwrap_or_else(|| format!("cli-{}", mix.label()));
    let mut config = layout_oracle::Config::new(workspace, &name, mix, seed, count);
    if save {
        config.save_reproducers = config.reproducers.clone();
    }
    Ok(Args::One(config))
}

fn parse_sweep(mut args: impl Iterator<Item = String>) -> Result<SweepConfig, String> {
    let mut kind = SweepKind::Structs;
    let (mut types, mut batch, mut first_seed, mut jobs) = (None, None, None, None);
    let (mut summary, mut workspace, mut save) = (None, default_workspace(), true);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--types" => types = Some(number(&value()?)?),
            "--enums" => kind = SweepKind::Enums,
            "--all" => kind = SweepKind::All,
            "--batch" => batch = Some(number(&value()?)?),
            "--first-seed" => first_seed = Some(number(&value()?)?),
            "--jobs" => jobs = Some(number(&value()?)?),
            "--summary" => summary = Some(PathBuf::from(value()?)),
            "--workspace" => workspace = PathBuf::from(value()?),
            "--no-save" => save = false,
            "-h" | "--help" => return Err("help".to_owned()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let types = types.ok_or("sweep needs --types N")?;
    let mut config = SweepConfig::new(workspace, kind, types);
    if let Some(b) = batch {
        if b == 0 {
            return Err("--batch must be at least 1".to_owned());
        }
        config.batch = b;
    }
    if let Some(j) = jobs {
        if j == 0 {
            return Err("--jobs must be at least 1".to_owned());
        }
        config.jobs = j;
    }
    if let Some(seed) = first_seed {
        config.first_seed = seed;
    }
    if let Some(path) = summary {
        config.summary = path;
    }
    config.save_reproducers = save;
    Ok(config)
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("`{s}` is not a number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> impl Iterator<Item = String> + '_ {
        text.split_whitespace().map(str::to_owned)
    }

    #[test]
    fn parses_a_sweep() {
        let c = parse_sweep(args(
            "--types 20000 --all --first-seed 5 --batch 500 --jobs 3 --summary s.txt",
        ))
        .unwrap();
        assert_eq!(
            (c.types, c.kind, c.first_seed, c.batch, c.jobs),
            (20000, SweepKind::All, 5, 500, 3)
        );
        assert_eq!(c.summary, PathBuf::from("s.txt"));
        assert!(c.save_reproducers && c.reproducers.is_some());
        let c = parse_sweep(args("--types 10 --enums --no-save")).unwrap();
        assert_eq!(c.kind, SweepKind::Enums);
        assert!(!c.save_reproducers && c.reproducers.is_some());
        assert!(parse_sweep(args("--all")).is_err(), "--types is required");
        assert!(parse_sweep(args("--types 10 --batch 0")).is_err());
        assert!(parse_sweep(args("--types 10 --seed 3")).is_err());
    }

    #[test]
    fn one_batch_saves_reproducers_unless_told_not_to() {
        let Ok(Args::One(config)) = parse_args(args("--enums --seed 3")) else {
            panic!("one batch");
        };
        assert_eq!(config.mix, Mix::Enums);
        assert_eq!((config.seed, config.count), (3, 300));
        assert_eq!(config.save_reproducers, config.reproducers);
        let Ok(Args::One(config)) = parse_args(args("--no-save")) else {
            panic!("one batch");
        };
        assert_eq!(config.save_reproducers, None);
    }
}
