//! Builds the selected package with full debug info in a target directory of our own, and
//! lists the files whose DWARF describes its types.
//!
//! The user's sources and build directory are never written: the build goes to
//! `<target dir>/layoutscope` (beside cargo's own profiles, like `cargo expand`'s), and the
//! profile's debug settings are overridden through cargo's `CARGO_PROFILE_<NAME>_*`
//! environment variables, which change nothing on disk.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use serde_json::Value;

/// What to build.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// `--manifest-path`.
    pub manifest_path: Option<PathBuf>,
    /// `-p`.
    pub package: Option<String>,
    /// `--example`: the example to build instead of the library and binaries.
    pub example: Option<String>,
    /// `--release`.
    pub release: bool,
    /// `--target`.
    pub target: Option<String>,
    /// `--target-dir` (default: `<workspace target dir>/layoutscope`).
    pub target_dir: Option<PathBuf>,
    /// `--features`.
    pub features: Vec<String>,
    /// `--all-features`.
    pub all_features: bool,
    /// `--no-default-features`.
    pub no_default_features: bool,
    /// Whether to pass `--quiet` to cargo.
    pub quiet: bool,
}

/// The package that was built and its artifacts.
#[derive(Debug)]
pub struct Built {
    /// The package's name.
    pub package: String,
    /// Files whose debug info to read (rlibs, executables, shared libraries).
    pub files: Vec<PathBuf>,
    /// The root source file of each target that was built (to tell the package's own compile
    /// units in a linked executable).
    pub roots: Vec<PathBuf>,
    /// The crate names of the targets that were built (the first segment of their types'
    /// paths).
    pub crates: Vec<String>,
    /// The target triple.
    pub target: String,
    /// `rustc -V`.
    pub rustc: String,
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `cargo build` and collects the package's artifacts. Cargo's own diagnostics go to
/// standard error as cargo renders them.
pub fn build(opts: &BuildOptions) -> Result<Built> {
    let metadata = metadata(opts)?;
    let package = select_package(
        &metadata,
        opts.package.as_deref(),
        opts.manifest_path.as_deref(),
    )?;
    let name = package["name"].as_str().unwrap_or_default().to_owned();
    let id = package["id"].as_str().unwrap_or_default().to_owned();
    let targets = package["targets"].as_array().cloned().unwrap_or_default();
    let has_kind = |k: &str| {
        targets.iter().any(|t| {
            t["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|x| x == k))
        })
    };
    let target_dir = match &opts.target_dir {
        Some(dir) => dir.clone(),
        None => PathBuf::from(metadata["target_directory"].as_str().unwrap_or("target"))
            .join("layoutscope"),
    };
    let profile = if opts.release { "RELEASE" } else { "DEV" };

    let mut cmd = cargo();
    cmd.arg("build")
        .arg("--message-format=json-render-diagnostics")
        .arg("--target-dir")
        .arg(&target_dir)
        .arg("-p")
        .arg(&id);
    if let Some(path) = &opts.manifest_path {
        cmd.arg("--manifest-path").arg(path);
    }
    let lib_kinds = ["lib", "rlib", "dylib", "cdylib", "staticlib", "proc-macro"];
    if let Some(example) = &opts.example {
        cmd.arg("--example").arg(example);
    } else {
        if lib_kinds.iter().any(|k| has_kind(k)) {
            cmd.arg("--lib");
        }
        if has_kind("bin") {
            cmd.arg("--bins");
        }
    }
    if opts.release {
        cmd.arg("--release");
    }
    if let Some(t) = &opts.target {
        cmd.arg("--target").arg(t);
    }
    if !opts.features.is_empty() {
        cmd.arg("--features").arg(opts.features.join(","));
    }
    if opts.all_features {
        cmd.arg("--all-features");
    }
    if opts.no_default_features {
        cmd.arg("--no-default-features");
    }
    if opts.quiet {
        cmd.arg("--quiet");
    }
    // Full type descriptions, kept in the objects (not split off), not stripped.
    cmd.env(format!("CARGO_PROFILE_{profile}_DEBUG"), "full")
        .env(format!("CARGO_PROFILE_{profile}_SPLIT_DEBUGINFO"), "off")
        .env(format!("CARGO_PROFILE_{profile}_STRIP"), "none")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    // Cargo writes a `Cargo.lock` into a workspace that has none; this tool leaves nothing
    // behind in the user's tree, so such a lock file is removed again after the build.
    let lock = metadata["workspace_root"]
        .as_str()
        .map(|root| Path::new(root).join("Cargo.lock"));
    let lock_was_there = lock.as_ref().is_some_and(|l| l.exists());
    let output = cmd
        .spawn()
        .context("running cargo")?
        .wait_with_output()
        .context("waiting for cargo")?;
    if let (Some(lock), false) = (&lock, lock_was_there) {
        let _ = std::fs::remove_file(lock);
    }

    let mut files = Vec::new();
    let mut roots = Vec::new();
    let mut crates = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if msg["reason"] != "compiler-artifact" || msg["package_id"] != id.as_str() {
            continue;
        }
        // An example is built with the package's library, whose artifact is not the one
        // asked for.
        if let Some(example) = &opts.example {
            let kinds = msg["target"]["kind"].as_array();
            let is_example = kinds.is_some_and(|k| k.iter().any(|x| x == "example"));
            if !is_example || msg["target"]["name"] != example.as_str() {
                continue;
            }
        }
        if let Some(src) = msg["target"]["src_path"].as_str() {
            roots.push(PathBuf::from(src));
        }
        if let Some(krate) = msg["target"]["name"].as_str() {
            crates.push(krate.replace('-', "_"));
        }
        if let Some(exe) = msg["executable"].as_str() {
            files.push(PathBuf::from(exe));
            continue;
        }
        for f in msg["filenames"].as_array().into_iter().flatten() {
            let f = f.as_str().unwrap_or_default();
            if [".rlib", ".so", ".dylib", ".dll", ".a"]
                .iter()
                .any(|ext| f.ends_with(ext))
            {
                files.push(PathBuf::from(f));
            }
        }
    }
    if !output.status.success() {
        bail!(
            "`cargo build` of package `{name}` failed ({}); its errors are above",
            output.status
        );
    }
    if files.is_empty() {
        bail!("`cargo build` of package `{name}` produced no library or binary to read");
    }
    let (target, rustc) = toolchain(opts)?;
    Ok(Built {
        package: name,
        files,
        roots,
        crates,
        target,
        rustc,
    })
}

fn metadata(opts: &BuildOptions) -> Result<Value> {
    let mut cmd = cargo();
    cmd.args(["metadata", "--format-version", "1", "--no-deps"]);
    if let Some(path) = &opts.manifest_path {
        cmd.arg("--manifest-path").arg(path);
    }
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .context("running cargo metadata")?;
    if !out.status.success() {
        bail!(
            "`cargo metadata` failed ({}); its errors are above",
            out.status
        );
    }
    serde_json::from_slice(&out.stdout).context("reading cargo metadata's output")
}

fn select_package<'m>(
    metadata: &'m Value,
    wanted: Option<&str>,
    manifest: Option<&Path>,
) -> Result<&'m Value> {
    let packages = metadata["packages"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    let members: Vec<&Value> = packages.iter().collect();
    if let Some(wanted) = wanted {
        return members
            .iter()
            .find(|p| p["name"] == wanted)
            .copied()
            .with_context(|| {
                let names: Vec<&str> = members.iter().filter_map(|p| p["name"].as_str()).collect();
                format!(
                    "no package `{wanted}` in this workspace; its packages are: {}",
                    names.join(", ")
                )
            });
    }
    let manifest = manifest
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("Cargo.toml"));
    if let Ok(manifest) = manifest.canonicalize() {
        let own = members.iter().find(|p| {
            p["manifest_path"]
                .as_str()
                .and_then(|m| Path::new(m).canonicalize().ok())
                .is_some_and(|m| m == manifest)
        });
        if let Some(p) = own {
            return Ok(p);
        }
    }
    match members.as_slice() {
        [only] => Ok(only),
        _ => {
            let names: Vec<&str> = members.iter().filter_map(|p| p["name"].as_str()).collect();
            bail!(
                "this workspace has several packages; choose one with `-p`: {}",
                names.join(", ")
            )
        }
    }
}

/// The target triple and the compiler's version, for the baseline file.
fn toolchain(opts: &BuildOptions) -> Result<(String, String)> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let dir = opts
        .manifest_path
        .as_deref()
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let out = Command::new(rustc)
        .arg("-vV")
        .current_dir(dir)
        .output()
        .context("running rustc -vV")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let host = text
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .unwrap_or("unknown")
        .to_owned();
    let version = text.lines().next().unwrap_or("rustc (unknown)").to_owned();
    Ok((opts.target.clone().unwrap_or(host), version))
}
