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
//!
//! [`run_enums`] does the same for enums (`cargo run -p layout-oracle -- --enums --seed 7
//! --count 300`): generated and hand-written enums of every repr, with the structs that nest
//! them, compared on size, alignment, variants, discriminants, tag, niche, and the field
//! offsets of every variant (layoutscope's const offsets for explicit reprs, and the live
//! offsets `LayoutOfVal` reports for a constructed value of every variant), against the
//! running program, `-Zprint-type-sizes`, `#[rustc_layout(debug)]` and rustc's own
//! discriminants (`core::intrinsics::discriminant_value`).

pub mod cases;
pub mod compare;
pub mod compare_enums;
mod error;
pub mod gen;
pub mod gen_enums;
pub mod parse_enum_probe;
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
pub use compare_enums::EnumReport;
use error::bail;
pub use error::{Error, Result};
use program::Program;
use spec::{EnumInstance, Instance};

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

/// The types of an enum run: structs that nest enums, then the enums.
#[derive(Clone, Debug, Default)]
pub struct EnumBatch {
    /// Structs (generated ones that nest enums, and those of the enum case files).
    pub structs: Vec<Instance>,
    /// The field types of each struct, as written (parallel to `structs`).
    pub struct_field_types: Vec<Vec<String>>,
    /// Enums.
    pub enums: Vec<EnumInstance>,
}

/// The enum probe program for `seed` and `count` (generated enum instantiations; the structs
/// that nest them and the hand-written enum cases come on top).
pub fn enum_program(seed: u64, count: usize) -> Result<(Program, EnumBatch)> {
    let generated = gen_enums::generate(seed, count);
    let mut types = generated.source;
    let mut batch = EnumBatch {
        structs: generated.structs,
        struct_field_types: generated.struct_field_types,
        enums: generated.enums,
    };
    let mut definitions = generated.definitions;
    for file in cases::ENUM_CASE_FILES {
        types.push_str(&format!("\n// ---- oracle/cases/{} ----\n\n", file.name));
        types.push_str(file.source);
        let set = cases::enum_instances(file)?;
        batch.structs.extend(set.structs);
        batch.struct_field_types.extend(set.struct_field_types);
        batch.enums.extend(set.enums);
        definitions.extend(set.definitions);
    }
    let mut names: HashMap<&str, usize> = HashMap::new();
    for name in batch
        .structs
        .iter()
        .map(|s| s.rustc_name.as_str())
        .chain(batch.enums.iter().map(|e| e.rustc_name.as_str()))
    {
        *names.entry(name).or_default() += 1;
    }
    if let Some((name, _)) = names.iter().find(|(_, n)| **n > 1) {
        bail!("two types are named `{name}`; oracle outputs could not be told apart");
    }
    let program = program::render_enums(types, &batch.structs, &batch.enums, &definitions);
    Ok((program, batch))
}

/// How many structs and enums the hand-written enum case files define (added to every enum
/// run).
pub fn enum_case_count() -> Result<EnumBatch> {
    let mut batch = EnumBatch::default();
    for file in cases::ENUM_CASE_FILES {
        let set = cases::enum_instances(file)?;
        batch.structs.extend(set.structs);
        batch.struct_field_types.extend(set.struct_field_types);
        batch.enums.extend(set.enums);
    }
    Ok(batch)
}

/// Generates, builds, runs and compares an enum batch (`config.count` generated enum
/// instantiations); `Err` when any oracle could not be fully read.
pub fn run_enums(config: &Config) -> Result<EnumReport> {
    let (program, batch) = enum_program(config.seed, config.count)?;
    let raw = runner::run(&config.workspace, &config.name, &program)?;

    let (struct_lines, enum_lines) = parse_enum_probe::split(&raw.probe);
    let struct_probe = parse_probe::parse(&struct_lines, batch.structs.len())?;
    let enum_probe = parse_enum_probe::parse(&enum_lines, batch.enums.len())?;
    let pts = parse_pts::parse(&raw.print_type_sizes)?;
    let pointer_size = std::mem::size_of::<usize>() as u64;
    let mut layouts: HashMap<usize, parse_layout_debug::RustcLayout> =
        parse_layout_debug::parse(&raw.layout_debug, pointer_size)?
            .into_iter()
            .map(|l| (l.line, l))
            .collect();
    let names = batch
        .structs
        .iter()
        .map(|s| &s.rustc_name)
        .chain(batch.enums.iter().map(|e| &e.rustc_name));
    let mut layout_debug = Vec::with_capacity(program.debug_lines.len());
    for (name, line) in names.zip(&program.debug_lines) {
        match layouts.remove(line) {
            Some(l) => layout_debug.push(l),
            None => {
                bail!("`{name}` (line {line}) is missing from the #[rustc_layout(debug)] output")
            }
        }
    }
    if !layouts.is_empty() {
        bail!(
            "{} layouts in the #[rustc_layout(debug)] output belong to no type",
            layouts.len()
        );
    }
    let enum_layouts = layout_debug.split_off(batch.structs.len());

    let structs = compare::compare(
        &batch.structs,
        &compare::Observations {
            probe: &struct_probe,
            pts: &pts,
            layout_debug: &layout_debug,
        },
    )?;
    let report = compare_enums::compare(
        &batch.enums,
        &compare_enums::EnumObservations {
            probe: &enum_probe,
            pts: &pts,
            layout_debug: &enum_layouts,
        },
        structs,
    )?;
    Ok(report)
}
