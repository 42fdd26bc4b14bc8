//! The report: tables of medians, a PASS/FAIL line per line of the compile-time budget, and
//! where layoutscope stands against each peer on the types the peer accepts.

use std::fmt::Write as _;

use crate::crates::Tree;
use crate::gen::{Peer, Variant};
use crate::stats::{self, Pairs};
use crate::steps::{BuildPairs, Clean, Generated, Mode, PassPairs, Rebuilds};

/// Budget: macro expansion per type, in milliseconds.
pub const EXPANSION_BUDGET_MS: f64 = 0.25;
/// Budget: clean build of the layoutscope tree against the bare syn tree.
pub const CLEAN_BUDGET_RATIO: f64 = 1.15;

/// Everything measured; `None` for skipped steps.
pub struct Report {
    /// Types in the generated crate.
    pub types: usize,
    /// How many of them each peer derives on.
    pub peer_types: Vec<(Peer, usize)>,
    /// Pairs per comparison.
    pub pairs: usize,
    /// `touch && cargo build`, incremental.
    pub incremental: Option<Rebuilds>,
    /// `touch && CARGO_INCREMENTAL=0 cargo build`.
    pub full: Option<Rebuilds>,
    /// `-Z time-passes`.
    pub passes: Option<PassPairs>,
    /// Mono items and fn items.
    pub generated: Option<Generated>,
    /// Clean dependency-tree builds.
    pub clean: Option<Clean>,
    /// layout-core's required dependencies.
    pub core_deps: Result<Vec<String>, String>,
}

fn secs(v: Option<f64>) -> String {
    v.map(|s| format!("{s:.2} s"))
        .unwrap_or_else(|| "n/a".into())
}

fn signed_secs(v: Option<f64>) -> String {
    v.map(|s| format!("{s:+.2} s"))
        .unwrap_or_else(|| "n/a".into())
}

fn ratio(v: Option<f64>) -> String {
    v.map(|r| format!("{r:.2}x"))
        .unwrap_or_else(|| "n/a".into())
}

fn mib(v: Option<f64>) -> String {
    v.map(|m| format!("{m:.0} MiB"))
        .unwrap_or_else(|| "n/a".into())
}

fn verdict(pass: Option<bool>) -> &'static str {
    match pass {
        Some(true) => "PASS",
        Some(false) => "FAIL",
        None => "n/a ",
    }
}

/// One budget line: the verdict on wall time (the issue's measure) and, where it applies,
/// the same comparison on CPU time and on full rebuilds, which disagree only when the
/// machine was busy or the line is close.
struct Line {
    pass: Option<bool>,
    text: String,
    also: Vec<String>,
}

/// The `(variant, trio)` comparisons of the two build budget lines, on `pick`ed pairs, and
/// the added times of layout, layout-eval, the trio and the floor.
fn build_budget(
    builds: &Rebuilds,
    pick: fn(&BuildPairs) -> &Pairs,
) -> (Option<bool>, Option<bool>, [Option<f64>; 4]) {
    let added = |v: Variant| builds.get(v.name()).and_then(|b| pick(b).added());
    let (layout, eval, trio) = (
        added(Variant::Layout),
        added(Variant::LayoutEval),
        added(Variant::Trio),
    );
    (
        eval.zip(trio).map(|(e, t)| e <= t),
        layout.zip(trio).map(|(l, t)| l <= t / 3.0),
        [layout, eval, trio, added(Variant::Floor)],
    )
}

impl Report {
    /// The whole report.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut budget: Vec<Line> = Vec::new();
        let _ = writeln!(
            out,
            "\n=== layout-bench: {} types, medians of {} alternating pair(s) ===",
            self.types, self.pairs
        );

        if let Some(builds) = &self.incremental {
            render_builds(&mut out, Mode::Incremental, builds);
            let (eval_ok, layout_ok, [layout, eval, trio, floor]) =
                build_budget(builds, |b| &b.wall);
            let (eval_cpu, layout_cpu, _) = build_budget(builds, |b| &b.cpu);
            let full = self.full.as_ref().map(|f| build_budget(f, |b| &b.wall));
            budget.push(Line {
                pass: eval_ok,
                text: format!(
                    "every LAYOUT evaluated: added build time {} <= the std trio's {}",
                    signed_secs(eval),
                    signed_secs(trio)
                ),
                also: [
                    Some(format!("on CPU time: {}", verdict(eval_cpu))),
                    full.as_ref().map(|f| {
                        format!(
                            "full rebuild: {} ({} vs {})",
                            verdict(f.0),
                            signed_secs(f.2[1]),
                            signed_secs(f.2[2])
                        )
                    }),
                ]
                .into_iter()
                .flatten()
                .collect(),
            });
            budget.push(Line {
                pass: layout_ok,
                text: format!(
                    "no LAYOUT used: added build time {} <= a third of the trio's, {}",
                    signed_secs(layout),
                    signed_secs(trio.map(|t| t / 3.0))
                ),
                also: [
                    Some(format!("on CPU time: {}", verdict(layout_cpu))),
                    floor.map(|f| {
                        format!(
                            "the floor of any exact derive (offset_of! and size_of alone, no macro) adds {}: {} the budget",
                            signed_secs(Some(f)),
                            match trio {
                                Some(t) if f > t / 3.0 => "over",
                                Some(_) => "within",
                                None => "against n/a",
                            }
                        )
                    }),
                    full.as_ref().map(|f| {
                        format!(
                            "full rebuild: {} ({} vs {})",
                            verdict(f.1),
                            signed_secs(f.2[0]),
                            signed_secs(f.2[2].map(|t| t / 3.0))
                        )
                    }),
                ]
                .into_iter()
                .flatten()
                .collect(),
            });
        }
        if let Some(builds) = &self.full {
            render_builds(&mut out, Mode::Full, builds);
        }

        if let Some(passes) = &self.passes {
            let per_type = self.render_passes(&mut out, passes);
            budget.push(Line {
                pass: per_type.map(|ms| ms <= EXPANSION_BUDGET_MS),
                text: format!(
                    "macro expansion: {} ms per type <= {EXPANSION_BUDGET_MS} ms",
                    per_type
                        .map(|v| format!("{v:.3}"))
                        .unwrap_or_else(|| "n/a".into())
                ),
                also: Vec::new(),
            });
        }

        if let Some(generated) = &self.generated {
            budget.push(render_generated(&mut out, generated));
        }

        budget.push(match &self.core_deps {
            Ok(deps) if deps.is_empty() => Line {
                pass: Some(true),
                text: "layout-core has no required dependencies (cargo tree -p layout-core --no-default-features)".into(),
                also: Vec::new(),
            },
            Ok(deps) => Line {
                pass: Some(false),
                text: format!("layout-core has required dependencies: {}", deps.join(", ")),
                also: Vec::new(),
            },
            Err(e) => Line {
                pass: None,
                text: format!("layout-core's dependencies: cargo tree failed: {e}"),
                also: Vec::new(),
            },
        });

        if let Some(clean) = &self.clean {
            budget.push(render_clean(&mut out, clean));
        }
        let peers = self.render_peers();

        let _ = writeln!(
            out,
            "\nBudget (verdicts on wall time, medians of the pairs):"
        );
        for line in &budget {
            let also = if line.also.is_empty() {
                String::new()
            } else {
                format!("  [{}]", line.also.join("; "))
            };
            let _ = writeln!(out, "  {}  {}{also}", verdict(line.pass), line.text);
        }
        if self.pairs < 5 {
            let _ = writeln!(
                out,
                "  (fewer than 5 pairs: indicative only; the budget asks for the median of at least 5)"
            );
        }
        out.push_str(&peers);
        out
    }

    /// The types `v` derives on: a peer's, or all of them.
    fn derived_types(&self, v: Variant) -> usize {
        v.peer()
            .and_then(|p| self.peer_types.iter().find(|(q, _)| *q == p))
            .map_or(self.types, |(_, n)| *n)
    }

    /// Each peer next to `derive(Layout)` on the same types: added build time (incremental,
    /// full; wall and CPU) and macro expansion per type. `ahead` where layoutscope adds no
    /// more than the peer.
    fn render_peers(&self) -> String {
        let mut out = String::new();
        let mut rows = Vec::new();
        for (peer, n) in &self.peer_types {
            let (theirs, ours) = (Variant::Peer(*peer), Variant::LayoutOn(*peer));
            let mut cells = Vec::new();
            let builds = [("incremental", &self.incremental), ("full", &self.full)];
            for (mode, builds) in builds {
                let Some(builds) = builds else { continue };
                let picks: [(&str, Pick); 2] = [("", |b| &b.wall), (" CPU", |b| &b.cpu)];
                for (what, pick) in picks {
                    let added = |v: Variant| builds.get(v.name()).and_then(|b| pick(b).added());
                    cells.push(comparison(
                        &format!("{mode}{what}"),
                        added(ours),
                        added(theirs),
                        "s",
                    ));
                }
            }
            if let Some(passes) = &self.passes {
                let per_type = |v: Variant| {
                    let p = passes.get(v.name())?.get("macro_expand_crate")?;
                    Some(p.added()? * 1000.0 / self.derived_types(v) as f64)
                };
                cells.push(comparison(
                    "expansion per type",
                    per_type(ours),
                    per_type(theirs),
                    "ms",
                ));
            }
            if !cells.is_empty() {
                rows.push(format!(
                    "  {} on its {n} types, layoutscope vs {}: {}",
                    peer.name(),
                    peer.name(),
                    cells.join("; ")
                ));
            }
        }
        if !rows.is_empty() {
            let _ = writeln!(
                out,
                "\nPeers (each on the types it accepts, against derive(Layout) on the same types; added to the no-derive build, medians; `ahead`: layoutscope adds no more):"
            );
            for row in rows {
                let _ = writeln!(out, "{row}");
            }
        }
        out
    }

    /// The expansion table and the pass breakdown; returns derive(Layout)'s expansion per type
    /// in ms.
    fn render_passes(&self, out: &mut String, passes: &PassPairs) -> Option<f64> {
        let n = self.types as f64;
        let _ = writeln!(
            out,
            "\nMacro expansion: the `macro_expand_crate` pass of -Z time-passes (RUSTC_BOOTSTRAP=1), added to the no-derive build's, per type:"
        );
        let mut layout_per_type = None;
        for &v in crate::COMPARED {
            let Some(p) = passes
                .get(v.name())
                .and_then(|p| p.get("macro_expand_crate"))
            else {
                continue;
            };
            let n = if v.peer().is_some() {
                self.derived_types(v) as f64
            } else {
                n
            };
            let per_type = p.added().map(|a| a * 1000.0 / n);
            if v == Variant::Layout {
                layout_per_type = per_type;
            }
            let _ = writeln!(
                out,
                "  {:<50} {:>7.3} s (no derive {:.3} s)  {:>7.3} ms per type",
                v.describe(),
                p.variant().unwrap_or(f64::NAN),
                p.baseline().unwrap_or(f64::NAN),
                per_type.unwrap_or(f64::NAN)
            );
        }
        let _ = writeln!(
            out,
            "\nWhere the time goes: compiler passes that grow most against the no-derive build (-Z time-passes, incremental; passes nest, so they do not add up):"
        );
        for &v in crate::COMPARED {
            let Some(p) = passes.get(v.name()) else {
                continue;
            };
            let mut rows: Vec<(&String, f64, f64)> = p
                .iter()
                .filter(|(name, _)| name.as_str() != "total")
                .filter_map(|(name, pairs)| Some((name, pairs.added()?, pairs.variant()?)))
                .collect();
            rows.sort_by(|a, b| b.1.total_cmp(&a.1));
            let total = p.get("total").and_then(Pairs::added);
            let _ = writeln!(out, "  {} (total {}):", v.describe(), signed_secs(total));
            for (name, added, value) in rows.iter().take(8) {
                let _ = writeln!(out, "    {name:<40} {added:>+7.3} s  (of {value:.3} s)");
            }
        }
        layout_per_type
    }
}

/// Which measurements of a variant's builds a comparison reads.
type Pick = fn(&BuildPairs) -> &Pairs;

/// `what ours vs theirs unit: ahead|behind`.
fn comparison(what: &str, ours: Option<f64>, theirs: Option<f64>, unit: &str) -> String {
    let show = |v: Option<f64>| match (v, unit) {
        (Some(v), "s") => format!("{v:+.2} s"),
        (Some(v), _) => format!("{v:.3} {unit}"),
        (None, _) => "n/a".to_owned(),
    };
    let standing = match (ours, theirs) {
        (Some(o), Some(t)) if o <= t => "ahead",
        (Some(_), Some(_)) => "behind",
        _ => "n/a",
    };
    format!("{what} {} vs {} ({standing})", show(ours), show(theirs))
}

fn render_builds(out: &mut String, mode: Mode, builds: &Rebuilds) {
    let _ = writeln!(out, "\n{}:", mode.describe());
    let header = |out: &mut String, cells: [&str; 8]| {
        let _ = writeln!(
            out,
            "  {:<50} {:>8} {:>8} {:>7}  {:>8} {:>6}  {:>8} {:>6}",
            cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]
        );
    };
    header(
        out,
        [
            "variant", "time", "added", "ratio", "peak RSS", "ratio", "CPU", "ratio",
        ],
    );
    // The baseline: every no-derive run of every pair.
    let all = |pick: fn(&BuildPairs) -> &Pairs| {
        let runs: Vec<f64> = builds
            .values()
            .flat_map(|b| pick(b).pairs.iter().map(|p| p.0))
            .collect();
        stats::median(&runs)
    };
    header(
        out,
        [
            Variant::NoDerive.describe(),
            &secs(all(|b| &b.wall)),
            "",
            "1.00x",
            &mib(all(|b| &b.rss)),
            "1.00x",
            &secs(all(|b| &b.cpu)),
            "1.00x",
        ],
    );
    for &v in crate::COMPARED {
        let Some(b) = builds.get(v.name()) else {
            continue;
        };
        header(
            out,
            [
                v.describe(),
                &secs(b.wall.variant()),
                &signed_secs(b.wall.added()),
                &ratio(b.wall.ratio()),
                &mib(b.rss.variant()),
                &ratio(b.rss.ratio()),
                &secs(b.cpu.variant()),
                &ratio(b.cpu.ratio()),
            ],
        );
    }
    let spread: Vec<String> = crate::COMPARED
        .iter()
        .filter_map(|v| {
            let (lo, hi) = builds.get(v.name())?.wall.added_range()?;
            Some(format!("{} {lo:+.2}..{hi:+.2} s", v.name()))
        })
        .collect();
    let _ = writeln!(
        out,
        "  added = median over pairs of (variant - the no-derive build just before it); ratios likewise. Spread of added: {}",
        spread.join(", ")
    );
}

fn render_generated(out: &mut String, generated: &Generated) -> Line {
    let _ = writeln!(
        out,
        "\nGenerated code: mono items (functions and statics rustc emits machine code for, -Z print-mono-items=yes) and fn items in the expanded source (-Z unpretty=expanded):"
    );
    let base = generated.mono_items.get(Variant::NoDerive.name()).copied();
    for v in Variant::ALL {
        let Some(count) = generated.mono_items.get(v.name()) else {
            continue;
        };
        let (all, inline) = generated.fn_items.get(v.name()).copied().unwrap_or((0, 0));
        let _ = writeln!(
            out,
            "  {:<50} {count:>6} mono items  {all:>6} fn items ({inline} #[inline])",
            v.describe()
        );
    }
    let extra = |v: Variant| Some(*generated.mono_items.get(v.name())? as i64 - base? as i64);
    let (layout, eval) = (extra(Variant::Layout), extra(Variant::LayoutEval));
    let show = |v: Option<i64>| v.map(|v| format!("{v:+}")).unwrap_or_else(|| "n/a".into());
    let fns = generated
        .fn_items
        .get(Variant::Layout.name())
        .map(|(all, inline)| {
            format!("derive(Layout) writes {all} fn items, {inline} of them #[inline]")
        });
    Line {
        pass: match (layout, eval) {
            (Some(l), Some(e)) => Some(l == 0 && e == 0),
            (Some(l), None) => Some(l == 0),
            _ => None,
        },
        text: format!(
            "no runtime function bodies: mono items against no derive: {} unused, {} with every LAYOUT evaluated (must be +0)",
            show(layout),
            show(eval)
        ),
        also: fns.into_iter().collect(),
    }
}

fn render_clean(out: &mut String, clean: &Clean) -> Line {
    let _ = writeln!(
        out,
        "\nClean build of the dependency tree (`cargo build` of a one-line crate in an empty target dir, debug), {} alternating pairs:",
        clean.wall.len()
    );
    let row = |out: &mut String, cells: [&str; 5]| {
        let _ = writeln!(
            out,
            "  {:<50} {:>8} {:>9} {:>8}  {}",
            cells[0], cells[1], cells[2], cells[3], cells[4]
        );
    };
    row(out, ["tree", "time", "peak RSS", "CPU", ""]);
    row(
        out,
        [
            Tree::BareSyn.describe(),
            &secs(clean.wall.baseline()),
            &mib(clean.rss.baseline()),
            &secs(clean.cpu.baseline()),
            "",
        ],
    );
    row(
        out,
        [
            Tree::Layoutscope.describe(),
            &secs(clean.wall.variant()),
            &mib(clean.rss.variant()),
            &secs(clean.cpu.variant()),
            &format!(
                "time {} ({}), CPU {}",
                ratio(clean.wall.ratio()),
                signed_secs(clean.wall.added()),
                ratio(clean.cpu.ratio())
            ),
        ],
    );
    Line {
        pass: clean.wall.ratio().map(|r| r <= CLEAN_BUDGET_RATIO),
        text: format!(
            "clean build of the layoutscope tree: {} the bare syn tree's time <= {CLEAN_BUDGET_RATIO}x",
            ratio(clean.wall.ratio())
        ),
        also: vec![format!(
            "on CPU time: {}",
            ratio(clean.cpu.ratio())
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builds(layout: f64, eval: f64, trio: f64) -> Rebuilds {
        let mut out = Rebuilds::new();
        for (v, added) in [
            (Variant::Layout, layout),
            (Variant::LayoutEval, eval),
            (Variant::Trio, trio),
        ] {
            let mut b = BuildPairs::default();
            for base in [0.30, 0.32, 0.31, 0.35, 0.33] {
                b.wall.push(base, base + added);
                b.cpu.push(base, base + added);
            }
            out.insert(v.name(), b);
        }
        out
    }

    fn report(incremental: Rebuilds) -> Report {
        Report {
            types: 2000,
            peer_types: vec![(Peer::Facet, 1500)],
            pairs: 5,
            incremental: Some(incremental),
            full: None,
            passes: None,
            generated: None,
            clean: None,
            core_deps: Ok(Vec::new()),
        }
    }

    #[test]
    fn budget_lines_follow_the_issue() {
        // Evaluated 1.2 <= trio 1.3; unused 0.4 <= 1.3 / 3.
        let text = report(builds(0.4, 1.2, 1.3)).render();
        assert!(text.contains("PASS  every LAYOUT evaluated"), "{text}");
        assert!(text.contains("PASS  no LAYOUT used"), "{text}");
        assert!(text.contains("PASS  layout-core has no required dependencies"));
        // Unused 0.5 > 1.3 / 3; evaluated 1.4 > 1.3.
        let text = report(builds(0.5, 1.4, 1.3)).render();
        assert!(text.contains("FAIL  every LAYOUT evaluated"), "{text}");
        assert!(text.contains("FAIL  no LAYOUT used"), "{text}");
    }

    #[test]
    fn peers_stand_against_layoutscope_on_their_types() {
        let mut builds = builds(0.4, 1.2, 1.3);
        for (v, added) in [
            (Variant::Peer(Peer::Facet), 2.0),
            (Variant::LayoutOn(Peer::Facet), 0.3),
        ] {
            let mut b = BuildPairs::default();
            b.wall.push(0.3, 0.3 + added);
            builds.insert(v.name(), b);
        }
        let text = report(builds).render();
        assert!(
            text.contains("facet on its 1500 types, layoutscope vs facet: incremental +0.30 s vs +2.00 s (ahead)"),
            "{text}"
        );
        assert!(!report(Rebuilds::new())
            .render()
            .contains("vs facet: incremental +"));
    }

    #[test]
    fn skipped_steps_are_left_out() {
        let mut r = report(Rebuilds::new());
        r.incremental = None;
        r.core_deps = Err("no cargo".into());
        let text = r.render();
        assert!(!text.contains("every LAYOUT evaluated"));
        assert!(text.contains("n/a   layout-core's dependencies: cargo tree failed: no cargo"));
    }

    #[test]
    fn clean_budget_is_a_ratio() {
        let mut clean = Clean::default();
        for (bare, ours) in [(2.0, 2.2), (2.1, 2.3), (2.0, 2.4)] {
            clean.wall.push(bare, ours);
        }
        let mut r = report(Rebuilds::new());
        r.incremental = None;
        r.clean = Some(clean);
        let text = r.render();
        // Ratios 1.10, 1.10, 1.20: the median passes.
        assert!(
            text.contains("PASS  clean build of the layoutscope tree: 1.10x"),
            "{text}"
        );
        let mut clean = Clean::default();
        clean.wall.push(2.0, 2.4);
        r.clean = Some(clean);
        let text = r.render();
        assert!(
            text.contains("FAIL  clean build of the layoutscope tree: 1.20x"),
            "{text}"
        );
    }
}
