//! Sweeps: many batches with fresh seeds, a summary file, and a reproducer for every
//! mismatch.
//!
//! A sweep plans its batches up front from a first seed (by default the current time in
//! microseconds, so that every sweep draws fresh programs): with one kind, batch `i` uses seed
//! `first + i`; with both kinds (`--all`), seed `first + i` gives a struct batch and an enum
//! batch. Batches run on `jobs` workers, each with its own probe crate and cargo target
//! directory. The hand-written cases and the saved reproducers are compared once per kind (in
//! its first batch), not in every batch.
//!
//! The summary file is rewritten after every batch: per batch its seed, kind, `--count`,
//! generated types (for enum batches the structs nesting the enums come on top of the count),
//! compared types, facts and mismatches, then a total line, every mismatch, and the
//! reproducers saved. A batch that cannot be built, run or read is an `ERROR` row: none of its
//! types count as compared.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::error::Result;
use crate::{reproducer_dir, run, Config, Mix};

/// Which batches a sweep runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SweepKind {
    /// Struct and union batches.
    Structs,
    /// Enum batches.
    Enums,
    /// A struct batch and an enum batch per seed.
    All,
}

impl SweepKind {
    /// For reports: `struct and union`, `enum` or `struct, union and enum`.
    pub fn label(self) -> &'static str {
        match self {
            SweepKind::Structs => "struct and union",
            SweepKind::Enums => "enum",
            SweepKind::All => "struct, union and enum",
        }
    }
}

/// A sweep.
#[derive(Clone, Debug)]
pub struct SweepConfig {
    /// The layoutscope workspace.
    pub workspace: PathBuf,
    /// Which batches.
    pub kind: SweepKind,
    /// How many generated types in total (at least; enum batches add the structs that nest
    /// their enums on top).
    pub types: usize,
    /// Generated types per batch.
    pub batch: usize,
    /// The first batch's seed.
    pub first_seed: u64,
    /// Batches run at once.
    pub jobs: usize,
    /// The summary file.
    pub summary: PathBuf,
    /// The saved reproducers, compared in the first batch of each kind (`None`: none), and
    /// where new ones go.
    pub reproducers: Option<PathBuf>,
    /// Whether to save a reproducer for every generated type with a mismatch.
    pub save_reproducers: bool,
    /// Prefix of the probe crates' names (`<name>-<job>`).
    pub name: String,
}

impl SweepConfig {
    /// A sweep of `types` generated types of `kind` in batches of 1,000 from a time-based first
    /// seed, one job per core (at most 4), writing `<workspace>/target/oracle-sweep.txt` and
    /// saving reproducers in `<workspace>/oracle/reproducers`.
    pub fn new(workspace: impl Into<PathBuf>, kind: SweepKind, types: usize) -> SweepConfig {
        let workspace = workspace.into();
        SweepConfig {
            kind,
            types,
            batch: 1000,
            first_seed: time_seed(),
            jobs: std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(4),
            summary: workspace.join("target").join("oracle-sweep.txt"),
            reproducers: Some(reproducer_dir(&workspace)),
            save_reproducers: true,
            name: "sweep".to_owned(),
            workspace,
        }
    }
}

/// A seed from the clock: microseconds since the Unix epoch, so that two sweeps started at
/// different times draw disjoint runs of consecutive seeds.
pub fn time_seed() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as u64)
}

/// One planned batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Planned {
    /// Position in the plan (0-based).
    pub index: usize,
    /// The generator's seed.
    pub seed: u64,
    /// Which mix.
    pub mix: Mix,
    /// Generated types asked for.
    pub count: usize,
    /// Whether the hand-written cases and saved reproducers come on top (the first batch of
    /// each kind).
    pub cases: bool,
}

impl Planned {
    /// The command that re-runs this batch alone.
    pub fn command(&self) -> String {
        format!(
            "cargo run --release -p layout-oracle -- {}--seed {} --count {}",
            crate::mix_flag(self.mix),
            self.seed,
            self.count
        )
    }
}

/// The batches of a sweep: `types` generated types in batches of `batch` (the last one
/// smaller), with consecutive seeds from `first_seed`.
pub fn plan(kind: SweepKind, types: usize, batch: usize, first_seed: u64) -> Vec<Planned> {
    let batch = batch.max(1);
    let mixes: &[Mix] = match kind {
        SweepKind::Structs => &[Mix::Structs],
        SweepKind::Enums => &[Mix::Enums],
        SweepKind::All => &[Mix::Structs, Mix::Enums],
    };
    let mut out: Vec<Planned> = Vec::new();
    let mut left = types;
    let mut step = 0u64;
    while left > 0 {
        for &mix in mixes {
            if left == 0 {
                break;
            }
            let count = batch.min(left);
            left -= count;
            out.push(Planned {
                index: out.len(),
                seed: first_seed.wrapping_add(step),
                mix,
                count,
                cases: !out.iter().any(|p| p.mix == mix),
            });
        }
        step += 1;
    }
    out
}

/// What one batch compared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Generated types compared (for enum batches: the enums and the structs nesting them).
    pub generated: usize,
    /// Types compared, the hand-written cases and reproducers included.
    pub types: usize,
    /// Facts compared.
    pub facts: usize,
    /// The mismatches, one line each.
    pub mismatches: Vec<String>,
    /// Reproducers saved.
    pub reproducers: Vec<PathBuf>,
}

/// One finished batch.
#[derive(Clone, Debug)]
pub struct BatchResult {
    /// The batch.
    pub planned: Planned,
    /// What it compared, or why it could not.
    pub outcome: std::result::Result<BatchStats, String>,
    /// Wall time.
    pub seconds: f64,
}

/// The outcome of a sweep.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Batches run.
    pub batches: usize,
    /// Batches that could not be built, run or read.
    pub errors: usize,
    /// Generated types compared.
    pub generated: usize,
    /// Types compared.
    pub types: usize,
    /// Facts compared.
    pub facts: usize,
    /// Mismatches.
    pub mismatches: usize,
    /// Wall time of the whole sweep.
    pub seconds: f64,
}

impl Totals {
    fn of(results: &[BatchResult], seconds: f64) -> Totals {
        let mut t = Totals {
            batches: results.len(),
            seconds,
            ..Totals::default()
        };
        for r in results {
            match &r.outcome {
                Ok(s) => {
                    t.generated += s.generated;
                    t.types += s.types;
                    t.facts += s.facts;
                    t.mismatches += s.mismatches.len();
                }
                Err(_) => t.errors += 1,
            }
        }
        t
    }

    /// `total: B batches, G generated types, T types compared, F facts compared, M mismatches,
    /// E errors, S s wall time`.
    pub fn line(&self) -> String {
        format!(
            "total: {} batches, {} generated types, {} types compared, {} facts compared, {} mismatches, {} errors, {:.0} s wall time",
            self.batches,
            self.generated,
            self.types,
            self.facts,
            self.mismatches,
            self.errors,
            self.seconds
        )
    }
}

/// Runs the sweep, calling `progress` after every batch (from the worker that ran it) and
/// rewriting the summary file; `Err` only when the summary cannot be written.
pub fn sweep(config: &SweepConfig, progress: &(dyn Fn(&BatchResult) + Sync)) -> Result<Totals> {
    let planned = plan(config.kind, config.types, config.batch, config.first_seed);
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<BatchResult>>> = Mutex::new(vec![None; planned.len()]);
    let write_error: Mutex<Option<crate::Error>> = Mutex::new(None);
    if let Some(parent) = config.summary.parent() {
        fs::create_dir_all(parent)?;
    }
    write_summary(config, &planned, &[], 0.0)?;
    let jobs = config.jobs.clamp(1, planned.len().max(1));
    std::thread::scope(|scope| {
        for job in 0..jobs {
            let (planned, next, done, write_error) = (&planned, &next, &done, &write_error);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(p) = planned.get(i) else { break };
                let result = run_one(config, job, *p);
                progress(&result);
                let mut done = done.lock().unwrap_or_else(|e| e.into_inner());
                done[i] = Some(result);
                let finished: Vec<BatchResult> = done.iter().flatten().cloned().collect();
                let seconds = started.elapsed().as_secs_f64();
                if let Err(e) = write_summary(config, planned, &finished, seconds) {
                    *write_error.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                }
            });
        }
    });
    if let Some(e) = write_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    let finished: Vec<BatchResult> = done
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    write_summary(config, &planned, &finished, seconds)?;
    Ok(Totals::of(&finished, seconds))
}

/// The configuration of batch `p` on worker `job`.
pub fn batch_config(config: &SweepConfig, job: usize, p: Planned) -> Config {
    let mut c = Config::new(
        &config.workspace,
        &format!("{}-{job}", config.name),
        p.mix,
        p.seed,
        p.count,
    );
    c.cases = p.cases;
    c.reproducers = if p.cases {
        config.reproducers.clone()
    } else {
        None
    };
    c.save_reproducers = if config.save_reproducers {
        config.reproducers.clone()
    } else {
        None
    };
    // Cargo builds in one target directory at a time: one per worker (the first worker shares
    // the default one, whose dependencies are usually built already).
    if job > 0 {
        c.target_dir = Some(
            config
                .workspace
                .join("target")
                .join(format!("oracle-target-{job}")),
        );
    }
    c
}

fn run_one(config: &SweepConfig, job: usize, p: Planned) -> BatchResult {
    let started = Instant::now();
    let c = batch_config(config, job, p);
    let outcome = run(&c).map(|r| BatchStats {
        generated: r.generated(),
        types: r.types,
        facts: r.facts,
        mismatches: r.mismatches.iter().map(ToString::to_string).collect(),
        reproducers: r.reproducers,
    });
    BatchResult {
        planned: p,
        outcome: outcome.map_err(|e| e.0),
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// The summary of the batches finished so far.
pub fn summary(
    config: &SweepConfig,
    planned: &[Planned],
    finished: &[BatchResult],
    seconds: f64,
) -> String {
    let mut results: Vec<&BatchResult> = finished.iter().collect();
    results.sort_by_key(|r| r.planned.index);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# layout-oracle sweep: {} generated {} types in batches of {}, {} jobs",
        config.types,
        config.kind.label(),
        config.batch,
        config.jobs
    );
    let _ = writeln!(
        s,
        "# first seed {} (batch seeds are consecutive from it); repeat the sweep with\n\
         #   cargo run --release -p layout-oracle -- sweep --types {} {}--batch {} --first-seed {}\n\
         # re-run one batch with\n\
         #   cargo run --release -p layout-oracle -- [--enums] --seed SEED --count COUNT\n\
         # {} of {} batches done",
        config.first_seed,
        config.types,
        match config.kind {
            SweepKind::Structs => "",
            SweepKind::Enums => "--enums ",
            SweepKind::All => "--all ",
        },
        config.batch,
        config.first_seed,
        results.len(),
        planned.len()
    );
    let _ = writeln!(
        s,
        "{:>6} {:>20} {:>8} {:>6} {:>9} {:>7} {:>9} {:>10} {:>8}",
        "batch", "seed", "kind", "count", "generated", "types", "facts", "mismatches", "seconds"
    );
    for r in &results {
        let p = &r.planned;
        match &r.outcome {
            Ok(b) => {
                let _ = writeln!(
                    s,
                    "{:>6} {:>20} {:>8} {:>6} {:>9} {:>7} {:>9} {:>10} {:>8.1}{}",
                    p.index + 1,
                    p.seed,
                    p.mix.label(),
                    p.count,
                    b.generated,
                    b.types,
                    b.facts,
                    b.mismatches.len(),
                    r.seconds,
                    if p.cases { "  (with the cases)" } else { "" }
                );
            }
            Err(e) => {
                let first = e.lines().next().unwrap_or("");
                let _ = writeln!(
                    s,
                    "{:>6} {:>20} {:>8} {:>6} ERROR, nothing compared: {first}",
                    p.index + 1,
                    p.seed,
                    p.mix.label(),
                    p.count
                );
            }
        }
    }
    let totals = Totals::of(finished, seconds);
    let _ = writeln!(s, "{}", totals.line());
    for r in &results {
        if let Ok(b) = &r.outcome {
            for m in &b.mismatches {
                let _ = writeln!(
                    s,
                    "MISMATCH seed {} {}: {m}",
                    r.planned.seed,
                    r.planned.mix.label()
                );
            }
            for path in &b.reproducers {
                let _ = writeln!(s, "reproducer saved: {}", path.display());
            }
        }
    }
    s
}

fn write_summary(
    config: &SweepConfig,
    planned: &[Planned],
    finished: &[BatchResult],
    seconds: f64,
) -> Result<()> {
    write_atomically(
        &config.summary,
        &summary(config, planned, finished, seconds),
    )
}

/// Writes through a temporary file, so that a reader never sees half a summary.
fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let tmp = path.with_extension("tmp");
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_consecutive_seeds() {
        let p = plan(SweepKind::Structs, 2500, 1000, 40);
        let got: Vec<(u64, usize, bool)> = p.iter().map(|b| (b.seed, b.count, b.cases)).collect();
        assert_eq!(got, [(40, 1000, true), (41, 1000, false), (42, 500, false)]);
        assert_eq!(
            p[2].command(),
            "cargo run --release -p layout-oracle -- --seed 42 --count 500"
        );

        let p = plan(SweepKind::All, 3500, 1000, 9);
        let got: Vec<(u64, Mix, usize, bool)> = p
            .iter()
            .map(|b| (b.seed, b.mix, b.count, b.cases))
            .collect();
        assert_eq!(
            got,
            [
                (9, Mix::Structs, 1000, true),
                (9, Mix::Enums, 1000, true),
                (10, Mix::Structs, 1000, false),
                (10, Mix::Enums, 500, false),
            ]
        );
        assert!(p[1].command().contains("--enums --seed 9 --count 1000"));
        assert!(plan(SweepKind::Enums, 0, 1000, 1).is_empty());
    }

    #[test]
    fn summary_lists_batches_and_totals() {
        let config = SweepConfig {
            first_seed: 40,
            jobs: 2,
            ..SweepConfig::new("/ws", SweepKind::All, 2000)
        };
        let planned = plan(config.kind, config.types, config.batch, config.first_seed);
        let finished = vec![
            BatchResult {
                planned: planned[1],
                outcome: Ok(BatchStats {
                    generated: 1100,
                    types: 1200,
                    facts: 50_000,
                    mismatches: vec!["E5: tag vs layout_of: ours 0, rustc 1".to_owned()],
                    reproducers: vec![PathBuf::from("/ws/oracle/reproducers/x.rs")],
                }),
                seconds: 30.0,
            },
            BatchResult {
                planned: planned[0],
                outcome: Err("building the probe crate failed:\nmore".to_owned()),
                seconds: 1.0,
            },
        ];
        let s = summary(&config, &planned, &finished, 31.0);
        let lines: Vec<&str> = s.lines().collect();
        assert!(s.contains("first seed 40"));
        assert!(s.contains("sweep --types 2000 --all --batch 1000 --first-seed 40"));
        let row0 = lines.iter().position(|l| l.contains("ERROR")).unwrap();
        let row1 = lines.iter().position(|l| l.contains("  1100 ")).unwrap();
        assert!(row0 < row1, "rows in plan order");
        assert!(lines[row1].split_whitespace().eq([
            "2", "40", "enums", "1000", "1100", "1200", "50000", "1", "30.0", "(with", "the",
            "cases)"
        ]));
        assert!(lines[row0].split_whitespace().eq([
            "1",
            "40",
            "structs",
            "1000",
            "ERROR,",
            "nothing",
            "compared:",
            "building",
            "the",
            "probe",
            "crate",
            "failed:"
        ]));
        assert!(s.contains(
            "total: 2 batches, 1100 generated types, 1200 types compared, 50000 facts compared, 1 mismatches, 1 errors, 31 s wall time"
        ));
        assert!(s.contains("MISMATCH seed 40 enums: E5: tag vs layout_of: ours 0, rustc 1"));
        assert!(s.contains("reproducer saved: /ws/oracle/reproducers/x.rs"));
    }
}
