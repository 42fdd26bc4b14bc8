//! A differential oracle for layoutscope: it generates many struct, union and enum types,
//! derives `layoutscope::Layout` on each, and checks every size, alignment, field offset,
//! padding range, discriminant, tag and niche fact layoutscope reports against what rustc
//! itself reports:
//!
//! 1. the compiled program's `size_of`, `align_of`, `offset_of!` and `size_of::<Option<T>>()`,
//!    and for enums rustc's own discriminants (`core::intrinsics::discriminant_value`), `as`
//!    casts, and a constructed value of every variant (the live offsets `LayoutOfVal` reports
//!    for it, and the bytes of its tag where RFC 2195 specifies them);
//! 2. rustc's `-Zprint-type-sizes` (fields in memory order, padding, discriminants);
//! 3. rustc's `#[rustc_layout(debug)]` (offsets, tags and the largest niche, which no stable
//!    API exposes).
//!
//! layoutscope computes many of its numbers from the first source, so agreement there checks
//! the derive's wiring; the second and third are independent of it. Use [`run`], or the
//! `layout-oracle` binary (`cargo run -p layout-oracle -- --seed 7 --count 500`).
//!
//! A batch generates one [`Mix`] of types with the test kit's generator (`testkit/`): structs
//! and unions of every repr (enums appear as `#[layout(opaque)]` field types), enums of every
//! repr with the structs that nest them (`--enums`), or the benchmark's crate (`--mix bench`).
//! The first two come with hand-written cases (`oracle/cases/`); one pipeline renders, builds
//! and compares them all.
//!
//! [`sweep`] runs many batches with fresh seeds (`cargo run --release -p layout-oracle -- sweep
//! --types 100000 --all`) and writes a summary; every generated type with a mismatch is saved
//! by [`reproduce`] as a case file in `oracle/reproducers/`, which every later run compares
//! with the hand-written cases.

pub mod cases;
pub mod compare;
mod error;
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

pub use compare::{Mismatch, NicheCoverage, Report};
use error::bail;
pub use error::{Error, Result};
use program::Program;
pub use spec::Mix;
use spec::{Generated, Instance};

/// One differential run.
#[derive(Clone, Debug)]
pub struct Config {
    /// The layoutscope workspace root (the probe crate depends on it by path and lives in
    /// its `target/`).
    pub workspace: PathBuf,
    /// Names the probe crate's directory and binaries; concurrent runs need distinct names.
    pub name: String,
    /// What the batch generates and which case files come with it.
    pub mix: Mix,
    /// Seed of the generator.
    pub seed: u64,
    /// How many generated types: structs and unions, or enums (the structs that nest them and
    /// the hand-written cases come on top).
    pub count: usize,
    /// Whether the hand-written cases of the mix (`oracle/cases/`) are compared too.
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
    /// A run of `count` generated types of `mix` from `seed` with the hand-written cases and
    /// the saved reproducers, saving nothing, in the default target directory.
    pub fn new(
        workspace: impl Into<PathBuf>,
        name: &str,
        mix: Mix,
        seed: u64,
        count: usize,
    ) -> Config {
        let workspace = workspace.into();
        Config {
            reproducers: Some(reproducer_dir(&workspace)),
            workspace,
            name: name.to_owned(),
            mix,
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

/// The `layout-oracle` flag that selects `mix`, with a space after it (none for structs).
pub fn mix_flag(mix: Mix) -> &'static str {
    match mix {
        Mix::Structs => "",
        Mix::Enums => "--enums ",
        Mix::Bench => "--mix bench ",
    }
}

/// Where reproducers are saved and read from: `<workspace>/oracle/reproducers`.
pub fn reproducer_dir(workspace: &std::path::Path) -> PathBuf {
    workspace.join("oracle").join("reproducers")
}

/// The case files of `config`: the shipped ones of its mix (with `config.cases`) and the
/// saved reproducers of its mix (from `config.reproducers`).
pub fn case_files(config: &Config) -> Result<Vec<cases::CaseFile>> {
    let mut files = Vec::new();
    if config.cases {
        files.extend_from_slice(cases::case_files(config.mix));
    }
    if let Some(dir) = &config.reproducers {
        files.extend(cases::reproducers(dir, config.mix)?);
    }
    Ok(files)
}

/// The types the case files of `config` define (they are added to its runs).
pub fn cases(config: &Config) -> Result<Vec<Instance>> {
    let mut instances = Vec::new();
    for file in case_files(config)? {
        instances.extend(cases::read(&file)?.instances);
    }
    Ok(instances)
}

/// What `config`'s generator writes.
pub fn generate(config: &Config) -> Generated {
    Generated::new(config.mix, config.seed, config.count)
}

/// A program and what the reproducers need to know about it.
struct Prepared {
    program: Program,
    instances: Vec<Instance>,
    /// The generated definitions (the case files follow them in `program.types`).
    generated_source: String,
    /// How many of `instances` are generated (they come first).
    generated: usize,
}

fn prepare(config: &Config) -> Result<Prepared> {
    let Generated {
        source,
        mut instances,
        mut definitions,
    } = generate(config);
    let generated_source = source.clone();
    let mut types = source;
    let generated = instances.len();
    for file in case_files(config)? {
        types.push_str(&format!("\n// ---- oracle/{} ----\n\n", file.name));
        types.push_str(file.source);
        let set = cases::read(&file)?;
        instances.extend(set.instances);
        definitions.extend(set.definitions);
    }
    let mut names: HashMap<&str, usize> = HashMap::new();
    for inst in &instances {
        *names.entry(inst.rustc_name.as_str()).or_default() += 1;
    }
    if let Some((name, _)) = names.iter().find(|(_, n)| **n > 1) {
        bail!("two types are named `{name}`; oracle outputs could not be told apart");
    }
    Ok(Prepared {
        program: program::render(types, &instances, &definitions)?,
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
            mix: config.mix,
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
