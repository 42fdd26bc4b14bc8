//! Writes the probe crate to `<workspace>/target/oracle-work/<name>/`, builds it, and collects
//! the raw output of the three oracles.
//!
//! The crate has an empty `[workspace]` table so that cargo does not take it for a member of
//! the layoutscope workspace it sits in, depends on layoutscope by absolute path, and builds
//! into `<workspace>/target/oracle-target` (or the run's own target directory) so that
//! repeated runs reuse the built dependencies. The `#[rustc_layout(debug)]` crate depends on
//! nothing (it holds the type definitions without layoutscope's derive); it is a package of
//! its own in `<name>/layout-debug/`, checked in `<target>/layout-debug` while the probe
//! builds, since cargo lets only one build at a time use a target directory.
//! `RUSTC_BOOTSTRAP=1` unlocks `-Zprint-type-sizes` and `#[rustc_layout(debug)]` on stable;
//! it is set for every build in those target directories so that fingerprints stay stable.
//! Incremental compilation is off: rustc only records the layouts it computes in the current
//! compilation, and an incremental build could reuse them without printing them.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::error::{bail, Result};
use crate::program::Program;

/// What the three oracles printed.
#[derive(Clone, Debug)]
pub struct RawOutputs {
    /// The probe binary's stdout.
    pub probe: String,
    /// rustc's `-Zprint-type-sizes` output (the probe build's stdout).
    pub print_type_sizes: String,
    /// The stderr of `cargo check` on the `#[rustc_layout(debug)]` binary.
    pub layout_debug: String,
}

/// The directory of the probe crate named `name`.
pub fn project_dir(workspace: &Path, name: &str) -> PathBuf {
    workspace.join("target").join("oracle-work").join(name)
}

/// The default target directory of the probe crates, shared by runs one at a time.
pub fn target_dir(workspace: &Path) -> PathBuf {
    workspace.join("target").join("oracle-target")
}

/// Writes, builds and runs the probe crate, building into `target` (see [`target_dir`]);
/// concurrent runs need distinct names and distinct target directories.
pub fn run(workspace: &Path, name: &str, target: &Path, program: &Program) -> Result<RawOutputs> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        bail!("probe crate name `{name}`: use letters, digits, `-` and `_`");
    }
    let workspace = workspace.canonicalize()?;
    let dir = project_dir(&workspace, name);
    let probe_bin = format!("probe-{name}");
    let debug_bin = format!("layout-debug-{name}");
    write_project(&workspace, &dir, name, &probe_bin, &debug_bin, program)?;
    let manifest = dir.join("Cargo.toml");
    fs::create_dir_all(target)?;
    let target = target.canonicalize()?;

    // The layout-debug crate in the background (a thread drains its output, which is large):
    // it fails on purpose (each `#[rustc_layout(debug)]` is an error carrying one layout).
    let checking = cargo(&target.join("layout-debug"))
        .arg("check")
        .arg("--manifest-path")
        .arg(dir.join("layout-debug").join("Cargo.toml"))
        .args(["--quiet", "--bin", &debug_bin])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let (built, checked) = std::thread::scope(|scope| {
        let checked = scope.spawn(move || checking.wait_with_output());
        let built = cargo(&target)
            .arg("rustc")
            .arg("--manifest-path")
            .arg(&manifest)
            .args(["--quiet", "--bin", &probe_bin, "--", "-Zprint-type-sizes"])
            .output();
        let checked = checked
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the layout-debug thread panicked")));
        (built, checked)
    });
    let checked = checked?;
    let built = built?;
    if !built.status.success() {
        bail!(
            "building the probe crate in {} failed:\n{}",
            dir.display(),
            stderr_tail(&built)
        );
    }
    let print_type_sizes = utf8(built.stdout, "-Zprint-type-sizes output")?;
    if print_type_sizes.trim().is_empty() {
        bail!("rustc printed no type sizes (was the probe build skipped as fresh?)");
    }

    let exe = target
        .join("debug")
        .join(format!("{probe_bin}{}", std::env::consts::EXE_SUFFIX));
    let ran = Command::new(&exe)
        .output()
        .map_err(|e| crate::error::Error(format!("cannot run the probe {}: {e}", exe.display())))?;
    if !ran.status.success() {
        bail!("the probe {} failed:\n{}", exe.display(), stderr_tail(&ran));
    }
    let probe = utf8(ran.stdout, "probe output")?;

    if checked.status.success() {
        bail!("the #[rustc_layout(debug)] build succeeded, so rustc printed no layouts");
    }
    let layout_debug = utf8(checked.stderr, "layout debug output")?;

    Ok(RawOutputs {
        probe,
        print_type_sizes,
        layout_debug,
    })
}

fn write_project(
    workspace: &Path,
    dir: &Path,
    name: &str,
    probe_bin: &str,
    debug_bin: &str,
    program: &Program,
) -> Result<()> {
    fs::create_dir_all(dir.join("src"))?;
    let manifest = format!(
        r#"# Written by layout-oracle; rewritten on every run.
[package]
name = "oracle-work-{name}"
version = "0.0.0"
edition = "2021"
publish = false
autobins = false

[[bin]]
name = "{probe_bin}"
path = "src/probe.rs"

[dependencies]
layoutscope = {{ path = "{}" }}

# Not a member of the layoutscope workspace this directory happens to sit in.
[workspace]
"#,
        toml_escape(&workspace.to_string_lossy())
    );
    fs::write(dir.join("Cargo.toml"), manifest)?;
    fs::write(dir.join("src").join("types.rs"), &program.types)?;
    fs::write(dir.join("src").join("probe.rs"), &program.probe)?;
    // Earlier versions kept the layout-debug binary in this package.
    let stale = dir.join("src").join("layout_debug.rs");
    if stale.exists() {
        fs::remove_file(stale)?;
    }
    // Use the workspace's lock file: the same dependency versions as the workspace, and no
    // need to resolve anything against the registry (cargo prunes the entries it does not use).
    let workspace_lock = workspace.join("Cargo.lock");
    if workspace_lock.exists() {
        fs::copy(workspace_lock, dir.join("Cargo.lock"))?;
    }

    let debug_dir = dir.join("layout-debug");
    fs::create_dir_all(debug_dir.join("src"))?;
    let debug_manifest = format!(
        r#"# Written by layout-oracle; rewritten on every run.
[package]
name = "oracle-layout-debug-{name}"
version = "0.0.0"
edition = "2021"
publish = false
autobins = false

[[bin]]
name = "{debug_bin}"
path = "src/layout_debug.rs"

[workspace]
"#
    );
    fs::write(debug_dir.join("Cargo.toml"), debug_manifest)?;
    fs::write(
        debug_dir.join("src").join("layout_types.rs"),
        &program.layout_types,
    )?;
    fs::write(
        debug_dir.join("src").join("layout_debug.rs"),
        &program.layout_debug,
    )?;
    Ok(())
}

fn cargo(target: &Path) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let mut cmd = Command::new(cargo);
    cmd.env("CARGO_TARGET_DIR", target)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_INCREMENTAL", "0")
        .env("CARGO_TERM_COLOR", "never");
    cmd
}

fn toml_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn utf8(bytes: Vec<u8>, what: &str) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => bail!("{what} is not UTF-8"),
    }
}

fn stderr_tail(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(60)..].join("\n")
}
