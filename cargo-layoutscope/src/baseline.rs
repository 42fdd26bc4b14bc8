//! `cargo layoutscope check`: the package's layouts against a committed baseline file.
//!
//! The file (schema `layoutscope-baseline/1`) records the target triple, the compiler version,
//! every type's size and alignment, and for the types chosen with `--full` the whole layout
//! in the `--json` schema. A check fails when a type grew, its alignment changed, or a
//! recorded layout moved; a baseline from another target or compiler is reported as such,
//! since layouts may legitimately differ there.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::cli::Check;
use crate::load::load;
use crate::show::selected;

/// The schema's name and version.
pub const SCHEMA: &str = "layoutscope-baseline/1";

/// The baseline file.
#[derive(Serialize, Deserialize, Debug)]
pub struct Baseline {
    /// [`SCHEMA`].
    pub schema: String,
    /// The package.
    pub package: String,
    /// The target triple the layouts were read for.
    pub target: String,
    /// `rustc -V` of the compiler that laid them out.
    pub rustc: String,
    /// Size and alignment of every type, by full name.
    pub types: BTreeMap<String, SizeAlign>,
    /// Whole layouts (the `--json` schema's type objects), by full name.
    #[serde(default)]
    pub full: BTreeMap<String, Value>,
}

/// Size and alignment.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeAlign {
    /// `size_of`.
    pub size: usize,
    /// `align_of`.
    pub align: usize,
}

/// Runs `check`.
pub fn run(args: &Check) -> Result<ExitCode> {
    let loaded = load(&args.build.options(), args.build.all_crates)?;
    let mut catalog = loaded.catalog;
    let built = loaded.built;
    let names = selected(&catalog, &[], &built.crates, args.build.all_crates)?;
    let full_names = if args.full.is_empty() {
        Vec::new()
    } else {
        selected(&catalog, &args.full, &built.crates, true)?
    };
    let mut current = Baseline {
        schema: SCHEMA.to_owned(),
        package: built.package.clone(),
        target: built.target.clone(),
        rustc: built.rustc.clone(),
        types: BTreeMap::new(),
        full: BTreeMap::new(),
    };
    for name in &names {
        if let Some(l) = catalog.layout(name) {
            current.types.insert(
                name.clone(),
                SizeAlign {
                    size: l.size,
                    align: l.align,
                },
            );
        }
    }
    let old: Option<Baseline> = match std::fs::read_to_string(&args.baseline) {
        Ok(text) => Some(
            serde_json::from_str(&text)
                .with_context(|| format!("reading {}", args.baseline.display()))?,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("reading {}", args.baseline.display())),
    };
    // Full layouts: those asked for now, else those the baseline records.
    let wanted_full: Vec<String> = if args.bless {
        full_names
    } else {
        old.as_ref()
            .map(|b| b.full.keys().cloned().collect())
            .unwrap_or_default()
    };
    for name in wanted_full {
        if let Some(l) = catalog.layout(&name) {
            let extra = catalog.extra(&name);
            current
                .full
                .insert(name.clone(), crate::json::layout(l, extra));
        }
    }
    if args.bless {
        let text = serde_json::to_string_pretty(&current)? + "\n";
        std::fs::write(&args.baseline, text)
            .with_context(|| format!("writing {}", args.baseline.display()))?;
        println!(
            "wrote {} ({} types, {} full layouts)",
            args.baseline.display(),
            current.types.len(),
            current.full.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let Some(old) = old else {
        eprintln!(
            "error: no baseline at {}; write one with `cargo layoutscope check --bless`",
            args.baseline.display()
        );
        return Ok(ExitCode::FAILURE);
    };
    if old.target != current.target || old.rustc != current.rustc {
        eprintln!(
            "error: the baseline was recorded for {} with {}, this build is for {} with {}; \
             layouts may differ between targets and compilers, so nothing is compared. \
             Check on the baseline's toolchain, or record a baseline for this one with --bless.",
            old.target, old.rustc, current.target, current.rustc
        );
        return Ok(ExitCode::from(2));
    }
    let report = diff(&old, &current);
    print!("{}", report.text);
    if report.failed {
        println!(
            "layout check failed; if the change is intended, run `cargo layoutscope check --bless`"
        );
        Ok(ExitCode::FAILURE)
    } else {
        println!("layout check passed ({} types)", current.types.len());
        Ok(ExitCode::SUCCESS)
    }
}

/// What changed between two baselines.
pub struct Diff {
    /// One line per change.
    pub text: String,
    /// Whether a change is a failure (growth, alignment change, a moved layout, a type whose
    /// full layout is recorded but gone).
    pub failed: bool,
}

/// Compares `old` with `new`.
pub fn diff(old: &Baseline, new: &Baseline) -> Diff {
    let mut text = String::new();
    let mut failed = false;
    for (name, was) in &old.types {
        match new.types.get(name) {
            None => text.push_str(&format!("  gone     {name} (was {} B)\n", was.size)),
            Some(now) if now.size > was.size => {
                failed = true;
                text.push_str(&format!(
                    "  GREW     {name}: {} B → {} B (+{})\n",
                    was.size,
                    now.size,
                    now.size - was.size
                ));
            }
            Some(now) if now.size < was.size => text.push_str(&format!(
                "  shrank   {name}: {} B → {} B\n",
                was.size, now.size
            )),
            Some(_) => {}
        }
        if let Some(now) = new.types.get(name) {
            if now.align != was.align {
                failed = true;
                text.push_str(&format!(
                    "  ALIGN    {name}: {} → {}\n",
                    was.align, now.align
                ));
            }
        }
    }
    for name in new.types.keys().filter(|n| !old.types.contains_key(*n)) {
        text.push_str(&format!("  new      {name}\n"));
    }
    for (name, was) in &old.full {
        match new.full.get(name) {
            None => {
                failed = true;
                text.push_str(&format!(
                    "  GONE     {name} (its full layout is recorded)\n"
                ));
            }
            Some(now) => {
                let mut changes = Vec::new();
                json_diff("", was, now, &mut changes);
                if !changes.is_empty() {
                    failed = true;
                    text.push_str(&format!("  MOVED    {name}:\n"));
                    for c in changes {
                        text.push_str(&format!("             {c}\n"));
                    }
                }
            }
        }
    }
    Diff { text, failed }
}

fn json_diff(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match y.get(k) {
                    Some(vb) => json_diff(&p, va, vb, out),
                    None => out.push(format!("{p}: {va} → (none)")),
                }
            }
            for (k, vb) in y.iter().filter(|(k, _)| !x.contains_key(*k)) {
                out.push(format!("{path}.{k}: (none) → {vb}"));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let p = format!("{path}[{}]", label(x.get(i).or(y.get(i)), i));
                match (x.get(i), y.get(i)) {
                    (Some(va), Some(vb)) => json_diff(&p, va, vb, out),
                    (Some(va), None) => out.push(format!("{p}: {va} → (none)")),
                    (None, Some(vb)) => out.push(format!("{p}: (none) → {vb}")),
                    (None, None) => {}
                }
            }
        }
        _ if a != b => out.push(format!("{path}: {a} → {b}")),
        _ => {}
    }
}

/// A field or variant is named by its `name`, other array items by index.
fn label(item: Option<&Value>, i: usize) -> String {
    match item.and_then(|v| v.get("name")).and_then(Value::as_str) {
        Some(name) => name.to_owned(),
        None => i.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn baseline(size: usize, offset: usize) -> Baseline {
        Baseline {
            schema: SCHEMA.to_owned(),
            package: "p".to_owned(),
            target: "x86_64-unknown-linux-gnu".to_owned(),
            rustc: "rustc 1.95.0".to_owned(),
            types: [("p::A".to_owned(), SizeAlign { size, align: 8 })].into(),
            full: [(
                "p::A".to_owned(),
                json!({"fields": [{"name": "x", "offset": offset}]}),
            )]
            .into(),
        }
    }

    #[test]
    fn growth_and_moved_fields_fail_with_a_readable_diff() {
        let d = diff(&baseline(16, 0), &baseline(24, 8));
        assert!(d.failed);
        assert!(
            d.text.contains("GREW     p::A: 16 B → 24 B (+8)"),
            "{}",
            d.text
        );
        assert!(d.text.contains("fields[x].offset: 0 → 8"), "{}", d.text);
    }

    #[test]
    fn an_unchanged_or_smaller_layout_passes() {
        assert!(!diff(&baseline(16, 0), &baseline(16, 0)).failed);
        let d = diff(&baseline(16, 0), &baseline(8, 0));
        assert!(!d.failed);
        assert!(d.text.contains("shrank"));
    }
}
