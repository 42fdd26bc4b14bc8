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
//!
//! [`sweep`] runs many batches with fresh seeds (`cargo run --release -p layout-oracle -- sweep
//! --types 100000 --all`) and writes a summary; every generated type with a mismatch is saved
//! by [`reproduce`] as a case file in `oracle/reproducers/`, which every later run compares
//! with the hand-written cases.

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
pub mod reproduce;
pub mod runner;
pub mod spec;
pub mod sweep;

use std::collections::HashMap;
use std::path::PathBuf;

pub use cases::OracleKind;
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
    /// Whether the hand-written cases (`oracle/cases/`) are compared too.
    pub cases: bool,
    /// The directory of saved reproducers to compare too (by default
    /// `<workspace>/oracle/reproducers`; `None`: none).
    pub reproducers: Option<PathBuf>,
    /// Where to save a reproducer for every generated type with a mismatch (`None`: nowhere).
    pub save_reproducers: Option<PathBuf>,
    /// The probe crate's cargo target directory (`None`: `<workspace>/target/oracle-target`);
    /// concurrent runs need distinct ones, since cargo builds in one directory at a time.
    pub target_dir: Option<PathBuf>,
}

impl Config {
    /// A run of `count` generated types from `seed` with the hand-written cases and the saved
    /// reproducers, saving nothing, in the default target directory.
    pub fn new(workspace: impl Into<PathBuf>, name: &str, seed: u64, count: usize) -> Config {
        let workspace = workspace.into();
        Config {
            reproducers: Some(reproducer_dir(&workspace)),
            workspace,
            name: name.to_owned(),
            seed,
            count,
            cases: true,
            save_reproducers: None,
            target_dir: None,
        }
    }

    fn target(&self) -> PathBuf {
        self.target_dir
            .clone()
            .unwrap_or_else(|| runner::target_dir(&self.workspace))
    }
}

/// Where reproducers are saved and read from: `<workspace>/oracle/reproducers`.
pub fn reproducer_dir(workspace: &std::path::Path) -> PathBuf {
    workspace.join("oracle").join("reproducers")
}

/// The struct oracle's case files for `config`: the shipped ones (with `config.cases`) and the
/// saved struct reproducers (from `config.reproducers`).
pub fn case_files(config: &Config) -> Result<Vec<cases::CaseFile>> {
    let mut files = Vec::new();
    if config.cases {
        files.extend_from_slice(cases::CASE_FILES);
    }
    if let Some(dir) = &config.reproducers {
        files.extend(cases::reproducers(dir, OracleKind::Structs)?);
    }
    Ok(files)
}

/// The enum oracle's case files for `config`: the shipped ones (with `config.cases`) and the
/// saved enum reproducers (from `config.reproducers`).
pub fn enum_case_files(config: &Config) -> Result<Vec<cases::CaseFile>> {
    let mut files = Vec::new();
    if config.cases {
        files.extend_from_slice(cases::ENUM_CASE_FILES);
    }
    if let Some(dir) = &config.reproducers {
        files.extend(cases::reproducers(dir, OracleKind::Enums)?);
    }
    Ok(files)
}

/// A struct program and what the reproducers need to know about it.
struct Prepared {
    program: Program,
    instances: Vec<Instance>,
    /// The generated definitions (the case files follow them in `program.types`).
    generated_source: String,
    /// How many of `instances` are generated (they come first).
    generated: usize,
}

fn prepare(config: &Config) -> Result<Prepared> {
    let generated = gen::generate(config.seed, config.count);
    let generated_source = generated.source.clone();
    let mut types = generated.source;
    let mut instances = generated.instances;
    let generated = instances.len();
    for file in case_files(config)? {
        types.push_str(&format!("\n// ---- oracle/{} ----\n\n", file.name));
        types.push_str(file.source);
        instances.extend(cases::instances(&file)?);
    }
    let mut names: HashMap<&str, usize> = HashMap::new();
    for inst in &instances {
        *names.entry(inst.rustc_name.as_str()).or_default() += 1;
    }
    if let Some((name, _)) = names.iter().find(|(_, n)| **n > 1) {
        bail!("two types are named `{name}`; oracle outputs could not be told apart");
    }
    Ok(Prepared {
        program: program::render(types, &instances)?,
        instances,
        generated_source,
        generated,
    })
}

/// The probe program for `config`: generated types followed by the case files.
pub fn program(config: &Config) -> Result<(Program, Vec<Instance>)> {
    let p = prepare(config)?;
    Ok((p.program, p.instances))
}

/// How many types the case files of `config` define (they are added to its runs).
pub fn case_count(config: &Config) -> Result<usize> {
    let mut n = 0;
    for file in case_files(config)? {
        n += cases::instances(&file)?.len();
    }
    Ok(n)
}

/// Generates, builds, runs and compares; `Err` when any oracle could not be fully read.
pub fn run(config: &Config) -> Result<Report> {
    let Prepared {
        program,
        instances,
        generated_source,
        generated,
    } = prepare(config)?;
    let raw = runner::run(&config.workspace, &config.name, &config.target(), &program)?;

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

    let mut report = compare::compare(
        &instances,
        &compare::Observations {
            probe: &probe,
            pts: &pts,
            layout_debug: &layout_debug,
        },
    )?;
    if let (Some(dir), false) = (&config.save_reproducers, report.mismatches.is_empty()) {
        let batch = reproduce::Batch {
            oracle: OracleKind::Structs,
            seed: config.seed,
            count: config.count,
            source: &generated_source,
            types: instances[..generated]
                .iter()
                .map(|i| (i.ty.clone(), i.rustc_name.clone()))
                .collect(),
        };
        report.reproducers = reproduce::save(dir, &batch, &report.mismatches)?;
    }
    Ok(report)
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

/// An enum program and what the reproducers need to know about it.
struct PreparedEnums {
    program: Program,
    batch: EnumBatch,
    generated_source: String,
    /// The generated types, as written and as rustc prints them.
    generated_types: Vec<(String, String)>,
}

fn prepare_enums(config: &Config) -> Result<PreparedEnums> {
    let generated = gen_enums::generate(config.seed, config.count);
    let generated_source = generated.source.clone();
    let generated_types = generated
        .structs
        .iter()
        .map(|s| (s.ty.clone(), s.rustc_name.clone()))
        .chain(
            generated
                .enums
                .iter()
                .map(|e| (e.ty.clone(), e.rustc_name.clone())),
        )
        .collect();
    let mut types = generated.source;
    let mut batch = EnumBatch {
        structs: generated.structs,
        struct_field_types: generated.struct_field_types,
        enums: generated.enums,
    };
    let mut definitions = generated.definitions;
    for file in enum_case_files(config)? {
        types.push_str(&format!("\n// ---- oracle/{} ----\n\n", file.name));
        types.push_str(file.source);
        let set = cases::enum_instances(&file)?;
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
    let program = program::render_enums(types, &batch.structs, &batch.enums, &definitions)?;
    Ok(PreparedEnums {
        program,
        batch,
        generated_source,
        generated_types,
    })
}

/// The enum probe program for `config` (generated enum instantiations; the structs that nest
/// them and the enum case files come on top).
pub fn enum_program(config: &Config) -> Result<(Program, EnumBatch)> {
    let p = prepare_enums(config)?;
    Ok((p.program, p.batch))
}

/// The structs and enums the enum case files of `config` define (added to its enum runs).
pub fn enum_case_count(config: &Config) -> Result<EnumBatch> {
    let mut batch = EnumBatch::default();
    for file in enum_case_files(config)? {
        let set = cases::enum_instances(&file)?;
        batch.structs.extend(set.structs);
        batch.struct_field_types.extend(set.struct_field_types);
        batch.enums.extend(set.enums);
    }
    Ok(batch)
}

/// Generates, builds, runs and compares an enum batch (`config.count` generated enum
/// instantiations); `Err` when any oracle could not be fully read.
pub fn run_enums(config: &Config) -> Result<EnumReport> {
    let PreparedEnums {
        program,
        batch,
        generated_source,
        generated_types,
    } = prepare_enums(config)?;
    let raw = runner::run(&config.workspace, &config.name, &config.target(), &program)?;
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
    let mut report = compare_enums::compare(
        &batch.enums,
        &compare_enums::EnumObservations {
            probe: &enum_probe,
            pts: &pts,
            layout_debug: &enum_layouts,
        },
        structs,
    )?;
    let mismatches: Vec<Mismatch> = report.mismatches().into_iter().cloned().collect();
    if let (Some(dir), false) = (&config.save_reproducers, mismatches.is_empty()) {
        let batch = reproduce::Batch {
            oracle: OracleKind::Enums,
            seed: config.seed,
            count: config.count,
            source: &generated_source,
            types: generated_types,
        };
        report.reproducers = reproduce::save(dir, &batch, &mismatches)?;
    }
    Ok(report)
}
