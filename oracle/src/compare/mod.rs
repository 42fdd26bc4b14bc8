//! Compares layoutscope's metadata with the three compiler oracles and counts every fact.
//!
//! A fact is one comparison of a number (or list) layoutscope reports with the number rustc
//! reports. Every type, struct, union or enum, is compared against each oracle in turn, one
//! module each: `runtime` (the running program: `size_of`, `align_of`, `offset_of!`,
//! discriminants, `as` casts, the live values of every variant and their tag bytes),
//! `layout_debug` (`#[rustc_layout(debug)]`) and `print_type_sizes` (`-Zprint-type-sizes`). The fields of a struct or union are compared like the fields
//! of one variant (`fields`).
//!
//! A fact is only counted when both sides have a value: a type missing from an oracle, or an
//! oracle output that does not add up, is an [`Error`], never a skipped fact, so a run cannot
//! pass by comparing less than it claims.

mod fields;
mod layout_debug;
mod print_type_sizes;
mod runtime;

use std::fmt;
use std::path::PathBuf;

use crate::error::{bail, Error, Result};
use crate::parse_layout_debug::{RustcLayout, RustcNiche, RustcVariants, TagEncoding};
use crate::parse_probe::{EnumRecord, OurNiche, ProbeRecord};
use crate::parse_pts::{PtsIndex, PtsType};
use crate::spec::{EnumKind, EnumShape, FieldRef, Instance, Origin, Shape, TypeKind};

/// One fact on which layoutscope and rustc disagree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The type, as rustc prints it, and where it comes from.
    pub ty: String,
    /// What was compared, and against which oracle.
    pub fact: String,
    /// layoutscope's value.
    pub ours: String,
    /// rustc's value.
    pub rustc: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: ours {}, rustc {}",
            self.ty, self.fact, self.ours, self.rustc
        )
    }
}

/// How many types layoutscope gave each kind of niche answer (each one compared with rustc).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NicheCoverage {
    /// `LargestNiche::Known`: location and valid range compared.
    pub located: usize,
    /// `LargestNiche::Unknown` with an exact count: the count compared.
    pub exact: usize,
    /// `LargestNiche::Unknown` with a lower bound: the bound compared.
    pub bounded: usize,
    /// `LargestNiche::None`: rustc must have none either.
    pub none: usize,
}

impl NicheCoverage {
    fn count(&mut self, niche: &OurNiche) {
        match niche {
            OurNiche::None => self.none += 1,
            OurNiche::Known { .. } => self.located += 1,
            OurNiche::Exact(..) => self.exact += 1,
            OurNiche::AtLeast(..) => self.bounded += 1,
        }
    }

    fn add(&mut self, other: NicheCoverage) {
        self.located += other.located;
        self.exact += other.exact;
        self.bounded += other.bounded;
        self.none += other.none;
    }

    /// Whether every kind of answer occurred.
    pub fn all_kinds(&self) -> bool {
        self.located > 0 && self.exact > 0 && self.bounded > 0 && self.none > 0
    }
}

/// Types, facts, mismatches and niche answers of one kind of type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindStats {
    /// Generated types of this kind (generic ones once per instantiation).
    pub generated: usize,
    /// Hand-written ones (case files and saved reproducers).
    pub cases: usize,
    /// Facts compared for them.
    pub facts: usize,
    /// Mismatches among those facts.
    pub mismatches: usize,
    /// Their niche answers.
    pub niches: NicheCoverage,
}

impl KindStats {
    /// Types compared.
    pub fn types(&self) -> usize {
        self.generated + self.cases
    }

    fn add(&mut self, other: KindStats) {
        self.generated += other.generated;
        self.cases += other.cases;
        self.facts += other.facts;
        self.mismatches += other.mismatches;
        self.niches.add(other.niches);
    }
}

/// How rustc laid out the `repr(Rust)` enums with data (whose tag layoutscope leaves
/// unknown), to show what the live offsets covered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RustTags {
    /// `tag_encoding: Direct`.
    pub direct: usize,
    /// `tag_encoding: Niche { .. }`.
    pub niche: usize,
    /// `Single`: laid out as one variant.
    pub single: usize,
}

/// The outcome of a differential run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Types compared against every oracle.
    pub types: usize,
    /// Facts compared.
    pub facts: usize,
    /// Facts that differ.
    pub mismatches: Vec<Mismatch>,
    /// Per kind of type, in [`TypeKind::ALL`] order.
    pub kinds: Vec<(TypeKind, KindStats)>,
    /// Enum values constructed and inspected (one per inhabited variant).
    pub values: usize,
    /// How rustc laid out the `repr(Rust)` data enums.
    pub rust_tags: RustTags,
    /// The most variants of a compared enum.
    pub widest_enum: usize,
    /// The reproducers saved for the mismatching generated types (see [`crate::reproduce`]).
    pub reproducers: Vec<PathBuf>,
}

impl Report {
    /// The statistics of one kind.
    pub fn kind(&self, kind: TypeKind) -> KindStats {
        self.total(|k| k == kind)
    }

    /// The statistics of the kinds `pick` accepts, added up (`TypeKind::is_enum`: every
    /// enum).
    pub fn total(&self, pick: impl Fn(TypeKind) -> bool) -> KindStats {
        let mut sum = KindStats::default();
        for (kind, stats) in &self.kinds {
            if pick(*kind) {
                sum.add(*stats);
            }
        }
        sum
    }

    /// Generated types compared.
    pub fn generated(&self) -> usize {
        self.total(|_| true).generated
    }

    /// The one-line summary: `differential: T types, F facts compared, M mismatches`.
    pub fn summary(&self) -> String {
        format!(
            "differential: {} types, {} facts compared, {} mismatches",
            self.types,
            self.facts,
            self.mismatches.len()
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in &self.mismatches {
            writeln!(f, "MISMATCH {m}")?;
        }
        for path in &self.reproducers {
            writeln!(f, "reproducer saved: {}", path.display())?;
        }
        for (kind, s) in self.kinds.iter().filter(|(_, s)| s.types() > 0) {
            let n = &s.niches;
            writeln!(
                f,
                "{}: {} types ({} generated, {} hand-written), {} facts, {} mismatches; \
                 niches: {} located, {} exact counts, {} lower bounds, {} none",
                kind.label(),
                s.types(),
                s.generated,
                s.cases,
                s.facts,
                s.mismatches,
                n.located,
                n.exact,
                n.bounded,
                n.none,
            )?;
        }
        if self.total(TypeKind::is_enum).types() > 0 {
            let t = &self.rust_tags;
            writeln!(
                f,
                "enum values built: {}; widest enum: {} variants; repr(Rust) data enums as rustc \
                 laid them out: {} direct tag, {} niche-encoded, {} single variant",
                self.values, self.widest_enum, t.direct, t.niche, t.single
            )?;
        }
        write!(f, "{}", self.summary())
    }
}

/// What the oracles printed, already parsed.
pub struct Observations<'a> {
    /// The probe's records, indexed like the instances.
    pub probe: &'a [ProbeRecord],
    /// `-Zprint-type-sizes`, by type name.
    pub pts: &'a PtsIndex,
    /// `#[rustc_layout(debug)]`, indexed like the instances.
    pub layout_debug: &'a [RustcLayout],
}

/// A type's declaration next to what the probe printed about it.
#[derive(Clone, Copy)]
pub(crate) enum Declared<'a> {
    /// A struct or union: its declared fields.
    Fields {
        /// Whether it is a union.
        union: bool,
        /// The fields in declaration order.
        fields: &'a [FieldRef],
    },
    /// An enum: its declaration and the probe's enum lines.
    Enum {
        /// Repr and variants.
        shape: &'a EnumShape,
        /// What the probe printed.
        ours: &'a EnumRecord,
    },
}

impl<'a> Declared<'a> {
    fn of(inst: &'a Instance, ours: &'a ProbeRecord) -> Result<Declared<'a>> {
        Ok(match (&inst.shape, &ours.enumeration) {
            (Shape::Struct(fields), None) => Declared::Fields {
                union: false,
                fields,
            },
            (Shape::Union(fields), None) => Declared::Fields {
                union: true,
                fields,
            },
            (Shape::Enum(shape), Some(ours)) => Declared::Enum { shape, ours },
            _ => bail!(
                "the probe described `{}` as {}",
                inst.rustc_name,
                if ours.enumeration.is_some() {
                    "an enum"
                } else {
                    "a struct"
                }
            ),
        })
    }
}

/// Compares every instance against every oracle.
pub fn compare(instances: &[Instance], seen: &Observations) -> Result<Report> {
    if seen.probe.len() != instances.len() || seen.layout_debug.len() != instances.len() {
        bail!(
            "internal: {} instances, {} probe records, {} layouts",
            instances.len(),
            seen.probe.len(),
            seen.layout_debug.len()
        );
    }
    let mut c = Checker::default();
    let mut report = Report {
        types: instances.len(),
        kinds: TypeKind::ALL
            .iter()
            .map(|k| (*k, KindStats::default()))
            .collect(),
        ..Report::default()
    };
    for (id, inst) in instances.iter().enumerate() {
        c.ty = label(&inst.rustc_name, inst.origin);
        let (facts, mismatches) = (c.facts, c.mismatches.len());
        let ours = &seen.probe[id];
        let l = &seen.layout_debug[id];
        let t = pts_record(&inst.rustc_name, seen.pts)?;
        let declared = Declared::of(inst, ours)?;

        runtime::compare(&mut c, declared, ours)?;
        layout_debug::compare(&mut c, &inst.rustc_name, declared, ours, t, l)?;
        print_type_sizes::compare(&mut c, &inst.rustc_name, declared, ours, t, l)?;

        if let Declared::Enum { shape, ours } = declared {
            report.values += ours.values.len();
            report.widest_enum = report.widest_enum.max(shape.variants.len());
            if shape.kind() == EnumKind::RustData {
                let tags = &mut report.rust_tags;
                match &l.variants {
                    RustcVariants::Multiple(m) if m.encoding == TagEncoding::Direct => {
                        tags.direct += 1
                    }
                    RustcVariants::Multiple(_) => tags.niche += 1,
                    _ => tags.single += 1,
                }
            }
        }
        let stats = &mut report
            .kinds
            .iter_mut()
            .find(|(k, _)| *k == inst.kind())
            .expect("every kind is listed")
            .1;
        match inst.origin {
            Origin::Generated => stats.generated += 1,
            Origin::Case(_) => stats.cases += 1,
        }
        stats.facts += c.facts - facts;
        stats.mismatches += c.mismatches.len() - mismatches;
        stats.niches.count(&ours.niche);
    }
    report.facts = c.facts;
    report.mismatches = c.mismatches;
    Ok(report)
}

fn pts_record<'a>(rustc_name: &str, pts: &'a PtsIndex) -> Result<&'a PtsType> {
    match pts.get(rustc_name).map(Vec::as_slice) {
        Some([t]) => Ok(t),
        Some(_) => bail!("`{rustc_name}` occurs more than once in -Zprint-type-sizes"),
        None => bail!("`{rustc_name}` is missing from -Zprint-type-sizes"),
    }
}

/// How mismatch reports name a type: rustc's name, and the case file it comes from.
fn label(rustc_name: &str, origin: Origin) -> String {
    match origin {
        Origin::Generated => rustc_name.to_owned(),
        Origin::Case(file) => format!("{rustc_name} ({file})"),
    }
}

/// Counts facts and collects the mismatches among them.
#[derive(Default)]
pub(crate) struct Checker {
    /// The type being compared, for mismatch reports.
    ty: String,
    /// Facts compared so far.
    facts: usize,
    /// Mismatches so far.
    mismatches: Vec<Mismatch>,
}

impl Checker {
    fn eq<T: PartialEq + fmt::Display>(&mut self, fact: &str, ours: T, rustc: T) {
        let ok = ours == rustc;
        self.check(fact, ok, ours, rustc);
    }

    fn check(&mut self, fact: &str, ok: bool, ours: impl fmt::Display, rustc: impl fmt::Display) {
        self.facts += 1;
        if !ok {
            self.mismatches.push(Mismatch {
                ty: self.ty.clone(),
                fact: fact.to_owned(),
                ours: ours.to_string(),
                rustc: rustc.to_string(),
            });
        }
    }
}

/// The niche facts of every type: layoutscope's largest niche against rustc's (`None` must
/// be none, `Known` must be identical, an exact count must be rustc's count, a lower bound
/// must not exceed it) and, for types that are not zero-sized, `option_fits` against whether
/// rustc has any free niche value.
fn niche_facts(c: &mut Checker, ours: &ProbeRecord, rustc: &Option<RustcNiche>) {
    let count = rustc.as_ref().map_or(0, RustcNiche::available);
    match &ours.niche {
        OurNiche::None => c.eq(
            "largest niche vs layout_of",
            "none".to_owned(),
            niche_text(rustc),
        ),
        OurNiche::Known {
            offset,
            size,
            start,
            end,
            ..
        } => {
            let mine = format!("offset {offset}, {size} bytes, valid {start}..={end}");
            c.eq("largest niche vs layout_of", mine, niche_text(rustc));
        }
        OurNiche::Exact(n, reason) => c.check(
            "niche count vs layout_of",
            *n == count,
            format!("exactly {n} ({reason})"),
            count,
        ),
        OurNiche::AtLeast(n, reason) => c.check(
            "niche count bound vs layout_of",
            *n <= count,
            format!("at least {n} ({reason})"),
            count,
        ),
    }
    if ours.size > 0 {
        c.check(
            "option_fits vs layout_of niche",
            ours.option_fits == (count > 0),
            ours.option_fits,
            format!("{count} free niche values"),
        );
    }
}

fn niche_text(n: &Option<RustcNiche>) -> String {
    match n {
        None => "none".to_owned(),
        Some(n) => format!(
            "offset {}, {} bytes, valid {}..={}",
            n.offset, n.size, n.start, n.end
        ),
    }
}

/// Names, comma-separated, for comparing lists of names in one fact.
fn names<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(",")
}

/// `[0..2, 5..8]`.
fn ranges(r: &[(u64, u64)]) -> String {
    if r.is_empty() {
        return "[]".to_owned();
    }
    let parts: Vec<String> = r.iter().map(|(a, b)| format!("{a}..{b}")).collect();
    format!("[{}]", parts.join(", "))
}

/// Whether `full` is `pattern` with each `...` of the pattern standing for any text.
fn elided_match(pattern: &str, full: &str) -> bool {
    let pieces: Vec<&str> = pattern.split("...").collect();
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    if pieces.len() == 1 {
        return pattern == full;
    }
    if !full.starts_with(first) || !full[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &full[first.len()..full.len() - last.len()];
    for piece in &pieces[1..pieces.len() - 1] {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

/// `std::option::Option<core::num::NonZero<u8>>` → `Option<NonZero<u8>>`: drops every
/// lowercase path segment followed by `::`.
fn without_module_paths(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if c == ':' && chars.peek() == Some(&':') && word.starts_with(|w: char| w.is_lowercase()) {
            chars.next();
            word.clear();
            continue;
        }
        out.push_str(&word);
        word.clear();
        out.push(c);
    }
    out.push_str(&word);
    out
}

/// An oracle output that does not add up, about the type `rustc_name`.
fn unreadable(oracle: &str, rustc_name: &str, what: &str, seen: &impl fmt::Debug) -> Error {
    Error(format!("{oracle}, `{rustc_name}`: {what}: {seen:?}"))
}

#[cfg(test)]
mod tests;
