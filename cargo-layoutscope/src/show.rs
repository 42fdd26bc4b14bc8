//! `cargo layoutscope [TYPE...]`: lists, draws or prints as JSON the selected types.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};
use layout_core::TypeLayout;

use crate::cli::Show;
use crate::layout::Catalog;
use crate::load::{load, Loaded};
use crate::select::{display_name, matches, suggestions};

/// Runs the command.
pub fn run(args: &Show) -> Result<ExitCode> {
    let Loaded { mut catalog, built } = load(&args.build.options(), args.build.all_crates)?;
    let names = selected(&catalog, &args.types, &built.crates, args.build.all_crates)?;
    let mut layouts = Vec::new();
    let mut incomplete = Vec::new();
    for name in &names {
        match catalog.layout(name) {
            Some(l) => layouts.push((name.clone(), l)),
            None => incomplete.push(name.clone()),
        }
    }
    let mut out = std::io::stdout().lock();
    if let Some(n) = args.top {
        let rows = crate::survey::rank(&mut catalog, &layouts, args.by, n);
        if args.json {
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&crate::survey::json(&rows))?
            )?;
        } else {
            crate::survey::print(&mut out, &rows, args.by)?;
        }
    } else if args.json {
        let values = layouts
            .iter()
            .map(|(name, l)| crate::json::layout(l, catalog.extra(name)))
            .collect();
        let doc = crate::json::document(&built.package, &built.target, &built.rustc, values);
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    } else if args.types.is_empty() {
        list(&mut out, &layouts)?;
    } else {
        for (i, (name, l)) in layouts.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let extra = catalog.extra(name);
            for caveat in &extra.caveats {
                writeln!(out, "note: {caveat}")?;
            }
            if extra.option_fits.is_none()
                && l.niche.largest.count() == layout_core::NicheCount::AtLeast(0)
            {
                // A niche of at least no free values says nothing: the summary's
                // `Option<Self>` line is then not backed by the compiler (JSON says `null`).
                writeln!(
                    out,
                    "note: the debug info has no `Option<{}>`, and the niche is not fully known: \
                     whether `Option<Self>` is larger is inferred, not read",
                    l.name
                )?;
            }
            let diagram = l
                .diagram()
                .style(args.style.style())
                .depth(args.depth)
                .ascii(args.ascii);
            writeln!(out, "{diagram}")?;
        }
    }
    let conflicts: Vec<&String> = catalog
        .types
        .conflicts
        .iter()
        .filter(|n| own_path(n, &built.crates) || args.types.iter().any(|p| matches(p, n)))
        .collect();
    if !conflicts.is_empty() {
        eprintln!(
            "note: left out {} type(s) that two compile units describe differently under one \
             name: {}",
            conflicts.len(),
            conflicts
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !incomplete.is_empty() {
        eprintln!(
            "error: the debug info does not describe every field of: {}",
            incomplete.join(", ")
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// The full names of the types to report: those the patterns name, or without patterns the
/// package's own (types under its crates' paths, closures and futures included). Unknown
/// patterns are an error with suggestions. A name that two compile units describe
/// differently is left out (the caller's note lists it): neither layout is the type's.
pub fn selected(
    catalog: &Catalog,
    patterns: &[String],
    crates: &[String],
    all_crates: bool,
) -> Result<Vec<String>> {
    let agreed = |n: &&String| !catalog.types.conflicts.contains(n);
    let all = catalog.types.by_name.keys().filter(agreed);
    if patterns.is_empty() {
        return Ok(all
            .filter(|n| all_crates || own_path(n, crates))
            .filter(|n| reportable(catalog, n))
            .cloned()
            .collect());
    }
    let mut names = Vec::new();
    let mut unknown = Vec::new();
    for p in patterns {
        let found: Vec<&String> = catalog
            .types
            .by_name
            .keys()
            .filter(|n| matches(p, n))
            .collect();
        if found.is_empty() {
            unknown.push(p);
        }
        for n in found.into_iter().filter(agreed) {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
    }
    if let Some(p) = unknown.first() {
        let close = suggestions(p, catalog.types.by_name.keys().map(String::as_str));
        let mut msg = format!(
            "no type `{p}` in the debug info of this build (a type appears there when code \
             that the build compiles uses it)"
        );
        if !close.is_empty() {
            msg.push_str("\ndid you mean:");
            for c in close {
                msg.push_str(&format!("\n    {c}"));
            }
        }
        bail!(msg);
    }
    Ok(names)
}

fn own_path(name: &str, crates: &[String]) -> bool {
    crates.iter().any(|c| {
        name.strip_prefix(c.as_str())
            .is_some_and(|rest| rest.starts_with("::"))
    })
}

/// Types worth a line of their own: aggregates and enums, not primitives, pointers and arrays.
fn reportable(catalog: &Catalog, name: &str) -> bool {
    use crate::types::Shape;
    matches!(
        catalog.types.by_name[name].shape,
        Shape::Struct(_) | Shape::Union(_) | Shape::Enum { .. } | Shape::Fieldless { .. }
    )
}

fn list(out: &mut dyn Write, layouts: &[(String, &'static TypeLayout)]) -> Result<()> {
    writeln!(out, "{:>8} {:>5}  type", "size", "align")?;
    let mut sorted: Vec<_> = layouts.iter().collect();
    sorted.sort_by(|a, b| b.1.size.cmp(&a.1.size).then(a.0.cmp(&b.0)));
    for (name, l) in sorted {
        writeln!(out, "{:>8} {:>5}  {}", l.size, l.align, display_name(name))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{Shape, Ty, Types};

    fn ty(name: &str, size: u64) -> Ty {
        Ty {
            name: name.into(),
            size,
            align: Some(1),
            shape: Shape::Struct(Vec::new()),
            own: true,
            confirmed: true,
        }
    }

    #[test]
    fn a_type_two_units_describe_differently_is_left_out() {
        let mut types = Types::default();
        for t in [ty("app::Agreed", 1), ty("app::Twice", 2)] {
            types.by_name.insert(t.name.clone(), t);
        }
        types.conflicts.push("app::Twice".into());
        let catalog = Catalog::new(types);
        let crates = ["app".to_string()];
        assert_eq!(
            selected(&catalog, &[], &crates, false).unwrap(),
            ["app::Agreed"]
        );
        assert_eq!(
            selected(&catalog, &["app::*".into()], &crates, false).unwrap(),
            ["app::Agreed"]
        );
        // Named alone, it is not an unknown name: the note says why it is missing.
        assert!(selected(&catalog, &["app::Twice".into()], &crates, false)
            .unwrap()
            .is_empty());
    }
}
