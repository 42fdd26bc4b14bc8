//! A differential oracle for layoutscope: it generates many struct and union types, derives
//! `layoutscope::Layout` on each, and checks every size, alignment, field offset, padding
//! range and niche fact layoutscope reports against what rustc itself reports:
//!
//! 1. the compiled program's `size_of`, `align_of`, `offset_of!` and `size_of::<Option<T>>()`;
//! 2. rustc's `-Zprint-type-sizes` (fields in memory order, padding);
//! 3. rustc's `#[rustc_layout(debug)]` (offsets and the largest niche, which no stable API
//!    exposes).
//!
//! layoutscope computes its numbers from the first source, so agreement there checks the
//! derive's wiring; the second and third are independent of it. Use [`run`], or the
//! `layout-oracle` binary (`cargo run -p layout-oracle -- --seed 7 --count 500`).

pub mod cases;
pub mod compare;
mod error;
pub mod gen;
pub mod parse_layout_debug;
pub mod parse_probe;
pub mod parse_pts;
pub mod program;
mod rng;
pub mod runner;
pub mod spec;

use std::collections::HashMap;
use std::path::PathBuf;

pub use compare::{Mismatch, NicheCoverage, Report};
use error::bail;
pub use error::{Error, Result};
use program::Program;
use spec::Instance;

/// One differential run.
#[derive(Clone, Debug)]
pub struct Config {
    /// The layoutscope workspace root (the probe crate depends on it by path and lives in
    /// its `target/`).
    pub workspace: PathBuf,
    /// Names the probe crate's directory and binaries; concurrent runs need distinct names.
    pub name: String,
    /// Seed of the generator.
    pub seed: u64,
    /// How many generated types (the hand-written cases come on top).
    pub count: usize,
}

/// The probe program for `seed` and `count`: generated types followed by the case files.
pub fn program(seed: u64, count: usize) -> Result<(Program, Vec<Instance>)> {
    let generated = gen::generate(seed, count);
    let mut types = generated.source;
    let mut instances = generated.instances;
    for file in cases::CASE_FILES {
        types.push_str(&format!("\n// ---- oracle/cases/{} ----\n\n", file.name));
        types.push_str(file.source);
        instances.extend(cases::instances(file)?);
    }
    let mut names: HashMap<&str, usize> = HashMap::new();
    for inst in &instances {
        *names.entry(inst.rustc_name.as_str()).or_default() += 1;
    }
    if let Some((name, _)) = names.iter().find(|(_, n)| **n > 1) {
        bail!("two types are named `{name}`; oracle outputs could not be told apart");
    }
    Ok((program::render(types, &instances), instances))
}

/// How many types the hand-written case files define (they are added to every run).
pub fn case_count() -> Result<usize> {
    let mut n = 0;
    for file in cases::CASE_FILES {
        n += cases::instances(file)?.len();
    }
    Ok(n)
}

/// Generates, builds, runs and compares; `Err` when any oracle could not be fully read.
pub fn run(config: &Config) -> Result<Report> {
    let (program, instances) = program(config.seed, config.count)?;
    let raw = runner::run(&config.workspace, &config.name, &program)?;

    let probe = parse_probe::parse(&raw.probe, instances.len())?;
    let pts = parse_pts::parse(&raw.print_type_sizes)?;
    let pointer_size = std::mem::size_of::<usize>() as u64;
    let mut layouts: HashMap<usize, parse_layout_debug::RustcLayout> =
        parse_layout_debug::parse(&raw.layout_debug, pointer_size)?
            .into_iter()
            .map(|l| (l.line, l))
            .collect();
    let mut layout_debug = Vec::with_capacity(instances.len());
    for (inst, line) in instances.iter().zip(&program.debug_lines) {
        match layouts.remove(line) {
            Some(l) => layout_debug.push(l),
            None => bail!(
                "`{}` (line {line}) is missing from the #[rustc_layout(debug)] output",
                inst.rustc_name
            ),
        }
    }
    if !layouts.is_empty() {
        bail!(
            "{} layouts in the #[rustc_layout(debug)] output belong to no type",
            layouts.len()
        );
    }

    compare::compare(
        &instances,
        &compare::Observations {
            probe: &probe,
            pts: &pts,
            layout_debug: &layout_debug,
        },
    )
}
