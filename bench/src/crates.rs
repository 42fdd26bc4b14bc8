//! The crates the benchmark builds: the generated variants and the two dependency trees, each
//! its own workspace under the working directory.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use layout_testkit::Batch;

use crate::gen::{self, Variant};

/// The bare tree of the budget: syn 3 with `derive`, `parsing`, `printing` and `proc-macro`,
/// quote and proc-macro2, the tree of a typical derive (layout-derive itself does without
/// `printing` and quote).
const BARE_DEPS: &str = "\
proc-macro2 = { version = \"1\", default-features = false, features = [\"proc-macro\"] }
quote = { version = \"1\", default-features = false, features = [\"proc-macro\"] }
syn = { version = \"3\", default-features = false, features = [\"derive\", \"parsing\", \"printing\", \"proc-macro\"] }
";

/// The two dependency trees whose clean builds are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tree {
    /// A proc-macro crate that depends on syn, quote and proc-macro2 only.
    BareSyn,
    /// A crate that depends on layoutscope only.
    Layoutscope,
}

impl Tree {
    /// Directory and log name.
    pub fn name(self) -> &'static str {
        match self {
            Tree::BareSyn => "bare-syn",
            Tree::Layoutscope => "layoutscope",
        }
    }

    /// How the report names the tree.
    pub fn describe(self) -> &'static str {
        match self {
            Tree::BareSyn => "syn 3 + quote + proc-macro2 (a proc-macro crate)",
            Tree::Layoutscope => "layoutscope",
        }
    }
}

/// Where everything lives.
pub struct Layout {
    /// The working directory (`target/layout-bench` by default).
    pub work: PathBuf,
    /// The repository, whose `Cargo.lock` pins the generated crates' dependencies.
    pub repo: PathBuf,
    /// The layoutscope package the generated crates depend on.
    pub layoutscope: PathBuf,
}

impl Layout {
    /// The directory of a generated variant.
    pub fn variant_dir(&self, v: Variant) -> PathBuf {
        self.work.join("crates").join(v.name())
    }

    /// The directory of a dependency tree.
    pub fn tree_dir(&self, t: Tree) -> PathBuf {
        self.work.join("trees").join(t.name())
    }

    /// A log file.
    pub fn log(&self, name: &str) -> PathBuf {
        self.work.join("logs").join(format!("{name}.log"))
    }

    /// Writes every crate; files that already hold the right text are left alone.
    pub fn write_all(&self, model: &Batch) -> io::Result<()> {
        fs::create_dir_all(self.work.join("logs"))?;
        let deps = self.layoutscope_dependency();
        for v in Variant::ALL {
            // Every variant depends on layoutscope, and a peer's on the peer too; a rebuild
            // after `touch` compiles only the generated crate, whatever its dependencies.
            let dir = self.variant_dir(v);
            let deps = match v {
                Variant::Peer(p) => format!("{deps}{}", p.dependency()),
                Variant::LayoutValues => self.layoutscope_dependency_with("values"),
                _ => deps.clone(),
            };
            write_if_changed(
                &dir.join("Cargo.toml"),
                &manifest(&v.package(), &deps, false),
            )?;
            write_if_changed(&dir.join("src").join("lib.rs"), &gen::render(model, v))?;
            self.seed_lock(&dir)?;
        }
        let dir = self.tree_dir(Tree::Layoutscope);
        write_if_changed(
            &dir.join("Cargo.toml"),
            &manifest("tree_layoutscope", &deps, false),
        )?;
        write_if_changed(
            &dir.join("src").join("lib.rs"),
            "//! A crate that depends on layoutscope only.\n",
        )?;
        self.seed_lock(&dir)?;
        let dir = self.tree_dir(Tree::BareSyn);
        write_if_changed(
            &dir.join("Cargo.toml"),
            &manifest("tree_bare_syn", BARE_DEPS, true),
        )?;
        write_if_changed(
            &dir.join("src").join("lib.rs"),
            "//! A proc-macro crate that depends on syn, quote and proc-macro2 only.\n",
        )?;
        self.seed_lock(&dir)
    }

    fn layoutscope_dependency(&self) -> String {
        format!(
            "layoutscope = {{ path = \"{}\" }}\n",
            toml_escape(&self.layoutscope.display().to_string())
        )
    }

    /// The same, with `feature` on.
    fn layoutscope_dependency_with(&self, feature: &str) -> String {
        format!(
            "layoutscope = {{ path = \"{}\", features = [\"{feature}\"] }}\n",
            toml_escape(&self.layoutscope.display().to_string())
        )
    }

    /// The repository's lock file, so that the generated crates build the exact dependency
    /// versions the repository does (cargo drops the entries they do not need, and adds the
    /// peers' on the first build, which needs the registry then).
    fn seed_lock(&self, dir: &Path) -> io::Result<()> {
        let lock = dir.join("Cargo.lock");
        if !lock.exists() {
            if let Ok(text) = fs::read_to_string(self.repo.join("Cargo.lock")) {
                fs::write(lock, text)?;
            }
        }
        Ok(())
    }
}

/// A TOML basic string's contents: `\` and `"` escaped (Windows paths).
fn toml_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Writes `contents` to `path` unless it already holds exactly that (so that unchanged files
/// keep their modification time).
pub fn write_if_changed(path: &Path, contents: &str) -> io::Result<()> {
    if fs::read_to_string(path).ok().as_deref() == Some(contents) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, contents)
}

/// `Cargo.toml` of a generated package. `[workspace]` makes it its own workspace root, so
/// that the repository's workspace does not claim it.
pub fn manifest(package: &str, dependencies: &str, proc_macro: bool) -> String {
    let lib = if proc_macro {
        "\n[lib]\nproc-macro = true\n"
    } else {
        ""
    };
    format!(
        "# Generated by layout-bench. Do not edit.\n[package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n{lib}\n[dependencies]\n{dependencies}\n[workspace]\n"
    )
}

/// Sets `path`'s modification time to now, like `touch`.
pub fn touch(path: &Path) -> io::Result<()> {
    fs::File::options()
        .append(true)
        .open(path)?
        .set_modified(SystemTime::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_are_their_own_workspace() {
        let m = manifest("gen_x", "a = \"1\"\n", true);
        assert!(m.contains("name = \"gen_x\""));
        assert!(m.contains("proc-macro = true"));
        assert!(m.trim_end().ends_with("[workspace]"));
        assert!(!manifest("gen_y", "", false).contains("proc-macro"));
    }

    #[test]
    fn paths_are_escaped_for_toml() {
        assert_eq!(toml_escape(r#"C:\a "b""#), r#"C:\\a \"b\""#);
        assert_eq!(toml_escape("/work/main"), "/work/main");
    }

    #[test]
    fn the_bare_tree_has_the_issue_features() {
        for feature in ["derive", "parsing", "printing", "proc-macro"] {
            assert!(BARE_DEPS.contains(&format!("\"{feature}\"")), "{feature}");
        }
        assert_eq!(BARE_DEPS.lines().count(), 3);
    }
}
