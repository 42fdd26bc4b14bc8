//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::cargo_build::BuildOptions;

/// Run as `cargo layoutscope ...`: cargo passes the subcommand's name as the first argument.
#[derive(Parser, Debug)]
#[command(name = "cargo", bin_name = "cargo")]
pub enum Cargo {
    /// The memory layout of every type of a package, read from the debug info of a build.
    Layoutscope(Cli),
}

/// `cargo layoutscope`.
#[derive(Args, Debug)]
#[command(version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub show: Show,
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compare the layouts with a committed baseline file; fail when a type grew or a layout
    /// moved.
    Check(Check),
}

/// What to build.
#[derive(Args, Debug, Clone)]
pub struct Build {
    /// Path to Cargo.toml.
    #[arg(long, value_name = "PATH")]
    pub manifest_path: Option<PathBuf>,
    /// The package to inspect.
    #[arg(short, long, value_name = "SPEC")]
    pub package: Option<String>,
    /// Inspect this example of the package (built with `cargo build --example NAME`) instead
    /// of its library and binaries.
    #[arg(long, value_name = "NAME")]
    pub example: Option<String>,
    /// Build with the release profile.
    #[arg(long)]
    pub release: bool,
    /// Build for this target triple.
    #[arg(long, value_name = "TRIPLE")]
    pub target: Option<String>,
    /// Cargo's target directory for this tool's build (default:
    /// `<target dir>/layoutscope`).
    #[arg(long, value_name = "DIR")]
    pub target_dir: Option<PathBuf>,
    /// Features to activate.
    #[arg(short = 'F', long, value_name = "FEATURES")]
    pub features: Vec<String>,
    /// Activate all features.
    #[arg(long)]
    pub all_features: bool,
    /// Do not activate the default feature.
    #[arg(long)]
    pub no_default_features: bool,
    /// Also list the types that only the dependencies' compile units describe (executables).
    #[arg(long)]
    pub all_crates: bool,
    /// Do not show cargo's progress.
    #[arg(short, long)]
    pub quiet: bool,
}

impl Build {
    /// The options of the build.
    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            manifest_path: self.manifest_path.clone(),
            package: self.package.clone(),
            example: self.example.clone(),
            release: self.release,
            target: self.target.clone(),
            target_dir: self.target_dir.clone(),
            features: self.features.clone(),
            all_features: self.all_features,
            no_default_features: self.no_default_features,
            quiet: self.quiet,
        }
    }
}

/// Showing layouts.
#[derive(Args, Debug)]
pub struct Show {
    /// Types to show: a path (`my_crate::Header`), a suffix (`Header`), a short name
    /// (`Vec<i32>`) or a pattern with `*`. Without one, every type of the package is listed.
    #[arg(value_name = "TYPE")]
    pub types: Vec<String>,
    /// The diagram.
    #[arg(long, value_enum, default_value_t = StyleArg::Table)]
    pub style: StyleArg,
    /// Print JSON (schema `layoutscope-layouts/1`, see docs/json-schema.md).
    #[arg(long)]
    pub json: bool,
    /// Only the N largest types by `--by`, with advice.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// What `--top` ranks by.
    #[arg(long, value_enum, default_value_t = By::Size)]
    pub by: By,
    /// Levels of nested fields to expand in diagrams.
    #[arg(long, default_value_t = 0)]
    pub depth: usize,
    /// Only ASCII characters in diagrams.
    #[arg(long)]
    pub ascii: bool,
    #[command(flatten)]
    pub build: Build,
}

/// `cargo layoutscope check`.
#[derive(Args, Debug)]
pub struct Check {
    /// The baseline file.
    #[arg(long, default_value = "layoutscope.baseline.json", value_name = "FILE")]
    pub baseline: PathBuf,
    /// Write the current layouts as the new baseline.
    #[arg(long)]
    pub bless: bool,
    /// Types whose whole layout (fields, variants, tag) the baseline records; the others are
    /// recorded by size and alignment. Used with `--bless`; a check compares what the file
    /// holds.
    #[arg(long, value_name = "TYPE")]
    pub full: Vec<String>,
    #[command(flatten)]
    pub build: Build,
}

/// Diagram styles.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleArg {
    /// A table in memory order with padding rows.
    Table,
    /// One letter per byte.
    Bytemap,
    /// Proportional boxes.
    Boxes,
    /// A Markdown table.
    Markdown,
    /// An SVG picture.
    Svg,
}

impl StyleArg {
    /// layout-core's style.
    pub fn style(self) -> layout_core::Style {
        match self {
            StyleArg::Table => layout_core::Style::Table,
            StyleArg::Bytemap => layout_core::Style::ByteMap,
            StyleArg::Boxes => layout_core::Style::Boxes,
            StyleArg::Markdown => layout_core::Style::Markdown,
            StyleArg::Svg => layout_core::Style::Svg,
        }
    }
}

/// `--by`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// `size_of`.
    Size,
    /// Padding bytes (structs; for enums, the largest variant's).
    Padding,
    /// Bytes the smaller variants of enums leave unused.
    EnumWaste,
}
