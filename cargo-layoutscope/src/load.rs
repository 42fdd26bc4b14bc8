//! Builds the package and reads the debug info of its artifacts into a [`Catalog`].

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::cargo_build::{build, BuildOptions, Built};
use crate::dwarf::UnitFilter;
use crate::layout::Catalog;
use crate::types::Types;

/// The package's types and where they came from.
pub struct Loaded {
    /// The types and their layouts.
    pub catalog: Catalog,
    /// What was built.
    pub built: Built,
}

struct Roots(Vec<PathBuf>);

impl UnitFilter for Roots {
    fn own(&self, name: &str, comp_dir: &str) -> bool {
        // rustc names a compile unit `<root source file>/@/<codegen unit>`, the file as given
        // on its command line (relative to the unit's `DW_AT_comp_dir`).
        let file = name.split("/@/").next().unwrap_or(name);
        let path = Path::new(comp_dir).join(file);
        let path = path.canonicalize().unwrap_or(path);
        self.0.contains(&path)
    }
}

/// Builds and reads. `all_units`: read every crate's compile units in linked executables, not
/// only the package's.
pub fn load(opts: &BuildOptions, all_units: bool) -> Result<Loaded> {
    let built = build(opts)?;
    let roots = Roots(
        built
            .roots
            .iter()
            .map(|r| r.canonicalize().unwrap_or_else(|_| r.clone()))
            .collect(),
    );
    let mut types = Types::default();
    let mut any_debug_info = false;
    for file in &built.files {
        crate::objects::for_each_object(file, &mut |sections| {
            any_debug_info |= sections.has_debug_info;
            crate::dwarf::read(&sections, &roots, all_units, &mut types)
        })?;
    }
    if !any_debug_info {
        bail!(
            "the build of `{}` has no debug info ({}); cargo layoutscope reads the types from \
             it. Remove `-C debuginfo=0` / `-C strip` from RUSTFLAGS or the build \
             configuration (the profile's own `debug` and `strip` settings are overridden)",
            built.package,
            built
                .files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if types.saw_units == 0 {
        bail!(
            "none of the compile units in the build of `{}` belongs to the package",
            built.package
        );
    }
    Ok(Loaded {
        catalog: Catalog::new(types),
        built,
    })
}
