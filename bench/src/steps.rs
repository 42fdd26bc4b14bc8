//! The measurements. Every comparison alternates the baseline and the variant (A B A B …), so
//! that a slow moment of the machine hits both sides of at most one pair.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::crates::{touch, Layout, Tree};
use crate::gen::Variant;
use crate::passes::{self, Passes};
use crate::run::{self, Sample};
use crate::stats::Pairs;

/// Paths, the cargo to run, and the crate size.
pub struct Bench {
    /// Where the crates and logs are.
    pub layout: Layout,
    /// The `cargo` executable (the one running us, when run through `cargo run`).
    pub cargo: String,
}

impl Bench {
    /// `cargo` with colours off and without `RUSTC_BOOTSTRAP` (the timed builds are stable
    /// builds; only the `-Z` steps opt in).
    pub fn cargo(&self) -> Command {
        let mut c = Command::new(&self.cargo);
        c.env("CARGO_TERM_COLOR", "never")
            .env_remove("RUSTC_BOOTSTRAP");
        c
    }

    /// `cargo <sub> --manifest-path <variant> --target-dir <target>`, after touching the
    /// variant's `src/lib.rs`.
    fn touched(&self, v: Variant, sub: &str, target: &Path) -> io::Result<Command> {
        let dir = self.layout.variant_dir(v);
        touch(&dir.join("src").join("lib.rs"))?;
        let mut cmd = self.cargo();
        cmd.arg(sub)
            .arg("--manifest-path")
            .arg(dir.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(target);
        Ok(cmd)
    }

    fn target(&self, name: &str) -> PathBuf {
        self.layout.work.join(name)
    }
}

/// No-derive first, then `compared`.
pub fn with_baseline(compared: &[Variant]) -> Vec<Variant> {
    let mut all = vec![Variant::NoDerive];
    all.extend_from_slice(compared);
    all
}

/// Fails unless cargo's log says it compiled `package`: a build that did nothing measures
/// nothing.
fn expect_compiled(log: &Path, package: &str) -> io::Result<()> {
    let text = fs::read_to_string(log)?;
    if text.contains(&format!("Compiling {package} ")) {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{package} was not recompiled (see {}): the touch did not take",
            log.display()
        )))
    }
}

// ---------------------------------------------------------------------------------------------
// Rebuilds of the generated crates.

/// How the generated crate is rebuilt after `touch src/lib.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `CARGO_INCREMENTAL=1`, the dev profile's default: the scenario.
    Incremental,
    /// `CARGO_INCREMENTAL=0`: the whole crate is compiled again, as in CI and release builds.
    Full,
}

impl Mode {
    fn incremental_env(self) -> &'static str {
        match self {
            Mode::Incremental => "1",
            Mode::Full => "0",
        }
    }

    fn target(self) -> &'static str {
        match self {
            Mode::Incremental => "target-incremental",
            Mode::Full => "target-full",
        }
    }

    /// How the report names the scenario.
    pub fn describe(self) -> &'static str {
        match self {
            Mode::Incremental => {
                "`touch src/lib.rs && cargo build` (debug, incremental as cargo's dev profile has it)"
            }
            Mode::Full => {
                "`touch src/lib.rs && CARGO_INCREMENTAL=0 cargo build` (debug, the whole crate recompiled, as in CI)"
            }
        }
    }
}

/// One variant's builds as pairs with the no-derive build run just before each: wall seconds,
/// peak RSS in MiB and CPU seconds.
#[derive(Default)]
pub struct BuildPairs {
    /// Wall-clock seconds.
    pub wall: Pairs,
    /// Peak resident set, MiB.
    pub rss: Pairs,
    /// User + system CPU seconds.
    pub cpu: Pairs,
}

impl BuildPairs {
    fn push(&mut self, base: &Sample, variant: &Sample) {
        self.wall
            .push(base.wall.as_secs_f64(), variant.wall.as_secs_f64());
        if let (Some(a), Some(b)) = (base.max_rss_kib, variant.max_rss_kib) {
            self.rss.push(a as f64 / 1024.0, b as f64 / 1024.0);
        }
        if let (Some(a), Some(b)) = (base.cpu, variant.cpu) {
            self.cpu.push(a.as_secs_f64(), b.as_secs_f64());
        }
    }
}

/// Rebuild timings by variant name.
pub type Rebuilds = BTreeMap<&'static str, BuildPairs>;

fn rebuild(b: &Bench, v: Variant, mode: Mode) -> io::Result<Sample> {
    let target = b.target(mode.target());
    let mut cmd = b.touched(v, "build", &target)?;
    cmd.env("CARGO_INCREMENTAL", mode.incremental_env());
    let log = b
        .layout
        .log(&format!("build-{}-{}", mode.target(), v.name()));
    let sample = run::measure(&mut cmd, &log)?;
    expect_compiled(&log, &v.package())?;
    Ok(sample)
}

/// `touch src/lib.rs && cargo build` of each compared variant, alternating with no-derive.
pub fn rebuilds(b: &Bench, mode: Mode, pairs: usize, compared: &[Variant]) -> io::Result<Rebuilds> {
    println!("      warming up (the first build compiles the dependencies once)...");
    for v in with_baseline(compared) {
        let first = rebuild(b, v, mode)?;
        let again = rebuild(b, v, mode)?;
        println!(
            "      {:<12} first build {:>6.2} s, then {:>6.2} s",
            v.name(),
            first.wall.as_secs_f64(),
            again.wall.as_secs_f64()
        );
    }
    let mut out = Rebuilds::new();
    for round in 1..=pairs {
        for &v in compared {
            let base = rebuild(b, Variant::NoDerive, mode)?;
            let sample = rebuild(b, v, mode)?;
            out.entry(v.name()).or_default().push(&base, &sample);
            println!(
                "      pair {round}/{pairs}  no-derive {:>6.2} s  {:<12} {:>6.2} s",
                base.wall.as_secs_f64(),
                v.name(),
                sample.wall.as_secs_f64()
            );
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// -Z time-passes, -Z print-mono-items, -Z unpretty=expanded.

/// The `-Z` steps' target directory: separate, so that the timed builds never see `-Z` flags
/// or `RUSTC_BOOTSTRAP`.
const ZFLAGS_TARGET: &str = "target-zflags";

/// `cargo rustc --lib -- <flags>` of variant `v` with `RUSTC_BOOTSTRAP=1`; returns the
/// stderr log's path.
fn zflags(
    b: &Bench,
    v: Variant,
    flags: &[&str],
    name: &str,
    stdout: Option<&Path>,
) -> io::Result<PathBuf> {
    let mut cmd = b.touched(v, "rustc", &b.target(ZFLAGS_TARGET))?;
    cmd.env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_INCREMENTAL", "1")
        .arg("--lib")
        .arg("--")
        .args(flags);
    let log = b.layout.log(&format!("{name}-{}", v.name()));
    match stdout {
        Some(path) => run::measure_with_stdout(&mut cmd, &log, path)?,
        None => run::measure(&mut cmd, &log)?,
    };
    expect_compiled(&log, &v.package())?;
    Ok(log)
}

fn time_passes(b: &Bench, v: Variant) -> io::Result<Passes> {
    let log = zflags(b, v, &["-Z", "time-passes"], "time-passes", None)?;
    let passes = Passes::parse(&fs::read_to_string(&log)?);
    if passes.get("macro_expand_crate").is_none() {
        return Err(io::Error::other(format!(
            "no `macro_expand_crate` line in {}: did -Z time-passes change?",
            log.display()
        )));
    }
    Ok(passes)
}

/// Per compared variant: each compiler pass's seconds, as pairs with the no-derive build.
pub type PassPairs = BTreeMap<&'static str, BTreeMap<String, Pairs>>;

/// `-Z time-passes` of each compared variant, alternating with no-derive.
pub fn pass_timings(b: &Bench, pairs: usize, compared: &[Variant]) -> io::Result<PassPairs> {
    for v in with_baseline(compared) {
        time_passes(b, v)?;
    }
    let mut out = PassPairs::new();
    for round in 1..=pairs {
        for &v in compared {
            let base = time_passes(b, Variant::NoDerive)?;
            let passes = time_passes(b, v)?;
            let entry = out.entry(v.name()).or_default();
            for (name, secs) in &passes.0 {
                if let Some(before) = base.get(name) {
                    entry.entry(name.clone()).or_default().push(before, *secs);
                }
            }
            println!(
                "      pair {round}/{pairs}  macro_expand_crate: no-derive {:>7.3} s  {:<12} {:>7.3} s",
                base.get("macro_expand_crate").unwrap_or(f64::NAN),
                v.name(),
                passes.get("macro_expand_crate").unwrap_or(f64::NAN),
            );
        }
    }
    Ok(out)
}

/// What each variant makes rustc generate: mono items (functions and statics with machine
/// code) and function items in the expanded source `(all, #[inline])`.
pub struct Generated {
    /// `MONO_ITEM` lines of `-Z print-mono-items=yes`.
    pub mono_items: BTreeMap<&'static str, usize>,
    /// `fn` items of `-Z unpretty=expanded`: all, and those marked `#[inline]`.
    pub fn_items: BTreeMap<&'static str, (usize, usize)>,
}

/// Runs `-Z print-mono-items=yes` and `-Z unpretty=expanded` once per variant.
pub fn generated(b: &Bench, compared: &[Variant]) -> io::Result<Generated> {
    let mut out = Generated {
        mono_items: BTreeMap::new(),
        fn_items: BTreeMap::new(),
    };
    for v in with_baseline(compared) {
        let stdout = b.layout.log(&format!("mono-items-{}-stdout", v.name()));
        zflags(
            b,
            v,
            &["-Z", "print-mono-items=yes"],
            "mono-items",
            Some(&stdout),
        )?;
        let mono = passes::count_mono_items(&fs::read_to_string(&stdout)?);
        let stdout = b.layout.log(&format!("expanded-{}-stdout", v.name()));
        zflags(
            b,
            v,
            &["-Z", "unpretty=expanded"],
            "expanded",
            Some(&stdout),
        )?;
        let (all, inline) = passes::count_fns(&fs::read_to_string(&stdout)?);
        println!(
            "      {:<12} {mono} mono items; {all} fn items in the expanded source, {inline} of them #[inline]",
            v.name()
        );
        out.mono_items.insert(v.name(), mono);
        out.fn_items.insert(v.name(), (all, inline));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Clean builds of the dependency trees.

/// The layoutscope tree's clean builds as pairs with the bare tree's.
#[derive(Default)]
pub struct Clean {
    /// Wall-clock seconds.
    pub wall: Pairs,
    /// Peak resident set, MiB.
    pub rss: Pairs,
    /// User + system CPU seconds.
    pub cpu: Pairs,
}

fn clean_build(b: &Bench, tree: Tree) -> io::Result<Sample> {
    let target = b.layout.work.join("target-clean").join(tree.name());
    if target.exists() {
        fs::remove_dir_all(&target)?;
    }
    let mut cmd = b.cargo();
    // Users get layoutscope from a registry, and cargo never builds registry packages
    // incrementally; here it is a path dependency, which cargo would build incrementally
    // (about 0.3 s more for layout-core and layout-derive). Both trees alike.
    cmd.env("CARGO_INCREMENTAL", "0");
    cmd.arg("build")
        .arg("--manifest-path")
        .arg(b.layout.tree_dir(tree).join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target);
    run::measure(&mut cmd, &b.layout.log(&format!("clean-{}", tree.name())))
}

/// `cargo build` of each tree in an empty target directory, alternating.
pub fn clean_builds(b: &Bench, pairs: usize) -> io::Result<Clean> {
    // Untimed first builds: fetch anything missing and warm the file cache.
    clean_build(b, Tree::BareSyn)?;
    clean_build(b, Tree::Layoutscope)?;
    let mut out = Clean::default();
    for round in 1..=pairs {
        let bare = clean_build(b, Tree::BareSyn)?;
        let ours = clean_build(b, Tree::Layoutscope)?;
        out.wall
            .push(bare.wall.as_secs_f64(), ours.wall.as_secs_f64());
        if let (Some(a), Some(c)) = (bare.max_rss_kib, ours.max_rss_kib) {
            out.rss.push(a as f64 / 1024.0, c as f64 / 1024.0);
        }
        if let (Some(a), Some(c)) = (bare.cpu, ours.cpu) {
            out.cpu.push(a.as_secs_f64(), c.as_secs_f64());
        }
        println!(
            "      pair {round}/{pairs}  bare {:>6.2} s  layoutscope {:>6.2} s",
            bare.wall.as_secs_f64(),
            ours.wall.as_secs_f64()
        );
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// layout-core's dependencies.

/// layout-core's required (non-optional) dependencies, from `cargo tree` with no features;
/// `Err` when cargo could not answer.
pub fn core_required_deps(b: &Bench) -> Result<Vec<String>, String> {
    let output = b
        .cargo()
        .arg("tree")
        .arg("--manifest-path")
        .arg(b.layout.repo.join("Cargo.toml"))
        .args([
            "-p",
            "layout-core",
            "--no-default-features",
            "-e",
            "normal,build",
            "--prefix",
            "none",
        ])
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_string());
    }
    Ok(required_deps(&String::from_utf8_lossy(&output.stdout)))
}

/// The packages `cargo tree --prefix none` lists besides the root (the first line).
fn required_deps(tree: &str) -> Vec<String> {
    let mut lines = tree.lines().filter(|l| !l.trim().is_empty());
    lines.next();
    let mut deps: Vec<String> = lines.map(|l| l.trim().to_string()).collect();
    deps.sort();
    deps.dedup();
    deps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_deps_skip_the_root() {
        assert!(required_deps("layout-core v0.1.0 (/x/layout-core)\n").is_empty());
        assert_eq!(
            required_deps("layout-core v0.1.0 (/x)\nfoo v1.0.0\nbar v2.0.0\nfoo v1.0.0\n"),
            vec!["bar v2.0.0".to_string(), "foo v1.0.0".into()]
        );
    }

    #[test]
    fn baseline_comes_first() {
        assert_eq!(
            with_baseline(&[Variant::Trio]),
            vec![Variant::NoDerive, Variant::Trio]
        );
    }

    #[test]
    fn expect_compiled_reads_cargo_s_log() {
        let dir = std::env::temp_dir().join(format!("layout-bench-log-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let log = dir.join("build.log");
        fs::write(&log, "   Compiling gen_layout v0.0.0 (/x)\n    Finished\n").unwrap();
        assert!(expect_compiled(&log, "gen_layout").is_ok());
        assert!(expect_compiled(&log, "gen_layout_eval").is_err());
        fs::write(&log, "    Finished `dev` profile\n").unwrap();
        assert!(expect_compiled(&log, "gen_layout").is_err());
        fs::remove_dir_all(&dir).unwrap();
    }
}
