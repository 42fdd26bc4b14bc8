//! Compares layoutscope's metadata with the three compiler oracles and counts every fact.
//!
//! A fact is one comparison of a number (or list) layoutscope reports with the number rustc
//! reports. A type missing from an oracle's output is an [`Error`], never a skipped fact, so
//! a run cannot pass by comparing less than it claims.

use std::fmt;
use std::path::PathBuf;

use crate::error::{bail, Error, Result};
use crate::parse_layout_debug::{FieldsShape, RustcLayout, RustcNiche, RustcVariants};
use crate::parse_probe::{OurNiche, ProbeRecord};
use crate::parse_pts::{holes, memory_layout, variant_end, PtsIndex};
use crate::spec::{Instance, Kind, Origin};

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

/// The outcome of a differential run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Types compared against every oracle.
    pub types: usize,
    /// Facts compared.
    pub facts: usize,
    /// Facts that differ.
    pub mismatches: Vec<Mismatch>,
    /// How many types had each kind of niche report, to show what the niche facts covered.
    pub niches: NicheCoverage,
    /// The reproducers saved for the mismatching generated types (see [`crate::reproduce`]).
    pub reproducers: Vec<PathBuf>,
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

impl Report {
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
            writeln!(
                f,
                "MISMATCH {}: {}: ours {}, rustc {}",
                m.ty, m.fact, m.ours, m.rustc
            )?;
        }
        for path in &self.reproducers {
            writeln!(f, "reproducer saved: {}", path.display())?;
        }
        let n = &self.niches;
        writeln!(
            f,
            "niches: {} located, {} exact counts, {} lower bounds, {} none",
            n.located, n.exact, n.bounded, n.none
        )?;
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
    let mut niches = NicheCoverage::default();
    for (id, inst) in instances.iter().enumerate() {
        c.ty = label(&inst.rustc_name, inst.origin);
        let ours = &seen.probe[id];
        match ours.niche {
            OurNiche::None => niches.none += 1,
            OurNiche::Known { .. } => niches.located += 1,
            OurNiche::Exact(..) => niches.exact += 1,
            OurNiche::AtLeast(..) => niches.bounded += 1,
        }
        runtime(&mut c, inst, ours)?;
        print_type_sizes(&mut c, inst, ours, seen.pts)?;
        layout_debug(&mut c, inst, ours, &seen.layout_debug[id])?;
    }
    Ok(Report {
        types: instances.len(),
        facts: c.facts,
        mismatches: c.mismatches,
        niches,
        reproducers: Vec::new(),
    })
}

/// How mismatch reports name a type: rustc's name, and the case file it comes from.
pub(crate) fn label(rustc_name: &str, origin: Origin) -> String {
    match origin {
        Origin::Generated => rustc_name.to_owned(),
        Origin::Case(file) => format!("{rustc_name} ({file})"),
    }
}

/// Counts facts and collects the mismatches among them.
#[derive(Default)]
pub(crate) struct Checker {
    /// The type being compared, for mismatch reports.
    pub(crate) ty: String,
    /// Facts compared so far.
    pub(crate) facts: usize,
    /// Mismatches so far.
    pub(crate) mismatches: Vec<Mismatch>,
}

impl Checker {
    pub(crate) fn eq<T: PartialEq + fmt::Display>(&mut self, fact: &str, ours: T, rustc: T) {
        let ok = ours == rustc;
        self.check(fact, ok, ours, rustc);
    }

    pub(crate) fn check(
        &mut self,
        fact: &str,
        ok: bool,
        ours: impl fmt::Display,
        rustc: impl fmt::Display,
    ) {
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

/// The running program's `size_of`, `align_of`, `offset_of!` and `Option` size.
fn runtime(c: &mut Checker, inst: &Instance, ours: &ProbeRecord) -> Result<()> {
    c.eq("size vs size_of", ours.size, ours.rt_size);
    c.eq("align vs align_of", ours.align, ours.rt_align);
    c.eq(
        "option_fits vs size_of::<Option<T>>",
        ours.option_fits,
        ours.rt_option_size == ours.rt_size,
    );
    let our_names: Vec<&str> = ours.fields.iter().map(|f| f.name.as_str()).collect();
    let declared: Vec<&str> = inst.fields.iter().map(|f| f.name.as_str()).collect();
    c.eq(
        "field names vs declaration",
        our_names.join(","),
        declared.join(","),
    );
    for f in &ours.fields {
        let Some((_, offset)) = ours.rt_offsets.iter().find(|(n, _)| *n == f.name) else {
            c.check(
                &format!("field .{} vs declaration", f.name),
                false,
                "present",
                "absent",
            );
            continue;
        };
        c.eq(
            &format!("offset of .{} vs offset_of!", f.name),
            f.offset,
            *offset,
        );
    }
    Ok(())
}

/// `-Zprint-type-sizes`: size, alignment, field offsets and sizes, padding.
fn print_type_sizes(
    c: &mut Checker,
    inst: &Instance,
    ours: &ProbeRecord,
    pts: &PtsIndex,
) -> Result<()> {
    let t = match pts.get(&inst.rustc_name).map(Vec::as_slice) {
        Some([t]) => t,
        Some(_) => bail!(
            "`{}` occurs more than once in -Zprint-type-sizes",
            inst.rustc_name
        ),
        None => bail!("`{}` is missing from -Zprint-type-sizes", inst.rustc_name),
    };
    let fail = |what: &str| {
        Error(format!(
            "-Zprint-type-sizes, `{}`: {what}: {t:?}",
            inst.rustc_name
        ))
    };
    if t.discriminant.is_some() {
        return Err(fail("a struct or union with a discriminant"));
    }
    let (entries, variant_size) = match (inst.kind, t.variants.as_slice()) {
        (Kind::Struct, []) => (&t.entries, None),
        (Kind::Union, [v]) if t.entries.is_empty() => (&v.entries, Some(v.size)),
        _ => return Err(fail("not laid out as its kind")),
    };
    let placed = memory_layout(entries)?;
    // rustc's own bookkeeping must add up, or the offsets were not recovered correctly.
    let end = variant_end(&placed, t.size);
    if variant_size.is_some_and(|s| s != end) || t.end_padding.unwrap_or(0) != t.size - end {
        return Err(fail("the padding lines do not add up"));
    }

    c.eq("size vs -Zprint-type-sizes", ours.size, t.size);
    c.eq("align vs -Zprint-type-sizes", ours.align, t.align);
    let mut theirs: Vec<&str> = placed.iter().map(|p| p.name.as_str()).collect();
    let mut mine: Vec<&str> = ours.fields.iter().map(|f| f.name.as_str()).collect();
    theirs.sort_unstable();
    mine.sort_unstable();
    c.eq(
        "field names vs -Zprint-type-sizes",
        mine.join(","),
        theirs.join(","),
    );
    for f in &ours.fields {
        let Some(p) = placed.iter().find(|p| p.name == f.name) else {
            continue;
        };
        c.eq(
            &format!("offset of .{} vs -Zprint-type-sizes", f.name),
            f.offset,
            p.offset,
        );
        c.eq(
            &format!("size of .{} vs -Zprint-type-sizes", f.name),
            f.size,
            p.size,
        );
    }
    c.eq(
        "padding vs -Zprint-type-sizes",
        ranges(&ours.padding),
        ranges(&holes(&placed, t.size)),
    );
    Ok(())
}

/// Checks that a `#[rustc_layout(debug)]` answer is about the type the alias named, then
/// compares our `(size, align)` with it. Shared by the struct and the enum oracle.
pub(crate) fn same_type_sizes(
    c: &mut Checker,
    rustc_name: &str,
    (size, align): (u64, u64),
    l: &RustcLayout,
) -> Result<()> {
    // `layout_of(..)` prints "trimmed" paths (`NonZero<u8>` for `std::num::NonZero<u8>`)
    // where they are unambiguous and elides parts of long types as `...`, so this sanity
    // check ignores module paths and lets `...` stand for anything.
    if !elided_match(
        &without_module_paths(&l.name),
        &without_module_paths(rustc_name),
    ) {
        bail!(
            "layout debug: the alias for `{rustc_name}` reported `{}`",
            l.name
        );
    }
    c.eq("size vs layout_of", size, l.size);
    c.eq("align vs layout_of", align, l.align);
    Ok(())
}

/// `#[rustc_layout(debug)]`: size, alignment, offsets and, above all, the niche.
fn layout_debug(
    c: &mut Checker,
    inst: &Instance,
    ours: &ProbeRecord,
    l: &RustcLayout,
) -> Result<()> {
    same_type_sizes(c, &inst.rustc_name, (ours.size, ours.align), l)?;
    if l.uninhabited || l.variants != (RustcVariants::Single { index: 0 }) {
        bail!(
            "layout debug: `{}` is not laid out as one inhabited variant: {:?}",
            inst.rustc_name,
            l.variants
        );
    }
    let offsets = match (&l.fields, inst.kind) {
        (FieldsShape::Arbitrary(o), Kind::Struct) => o.clone(),
        (FieldsShape::Union(n), Kind::Union) => vec![0; *n],
        _ => bail!(
            "layout debug: `{}` has fields {:?}",
            inst.rustc_name,
            l.fields
        ),
    };
    c.eq("field count vs layout_of", ours.fields.len(), offsets.len());
    if ours.fields.len() == offsets.len() {
        for (f, offset) in ours.fields.iter().zip(&offsets) {
            c.eq(
                &format!("offset of .{} vs layout_of", f.name),
                f.offset,
                *offset,
            );
        }
    }

    niche_facts(c, &ours.niche, ours.option_fits, ours.size, &l.niche);
    if let (OurNiche::Known { field: Some(i), .. }, Some(n)) = (&ours.niche, &l.niche) {
        let (lo, hi) = match (ours.fields.get(*i), offsets.get(*i)) {
            (Some(f), Some(o)) => (*o, o + f.size),
            _ => (0, 0),
        };
        c.check(
            "niche field vs layout_of",
            lo <= n.offset && n.offset + n.size <= hi,
            format!("field #{i} at {lo}..{hi}"),
            format!("niche at {}..{}", n.offset, n.offset + n.size),
        );
    }
    Ok(())
}

/// The niche facts shared by structs and enums: layoutscope's largest niche against rustc's
/// (`None` must be none, `Known` must be identical, an exact count must be rustc's count, a
/// lower bound must not exceed it) and, for types that are not zero-sized, `option_fits`
/// against whether rustc has any free niche value.
pub(crate) fn niche_facts(
    c: &mut Checker,
    ours: &OurNiche,
    option_fits: bool,
    size: u64,
    rustc: &Option<RustcNiche>,
) {
    let count = rustc.as_ref().map_or(0, RustcNiche::available);
    match ours {
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
    if size > 0 {
        c.check(
            "option_fits vs layout_of niche",
            option_fits == (count > 0),
            option_fits,
            format!("{count} free niche values"),
        );
    }
}

/// Whether `full` is `pattern` with each `...` of the pattern standing for any text.
pub(crate) fn elided_match(pattern: &str, full: &str) -> bool {
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
pub(crate) fn without_module_paths(name: &str) -> String {
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

fn niche_text(n: &Option<RustcNiche>) -> String {
    match n {
        None => "none".to_owned(),
        Some(n) => format!(
            "offset {}, {} bytes, valid {}..={}",
            n.offset, n.size, n.start, n.end
        ),
    }
}

pub(crate) fn ranges(r: &[(u64, u64)]) -> String {
    if r.is_empty() {
        return "[]".to_owned();
    }
    let parts: Vec<String> = r.iter().map(|(a, b)| format!("{a}..{b}")).collect();
    format!("[{}]", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_probe::OurField;
    use crate::parse_pts::{Entry, PtsField, PtsType};
    use crate::spec::FieldRef;

    fn setup(niche: OurNiche, rustc_niche: Option<RustcNiche>) -> Report {
        let inst = Instance {
            ty: "S".into(),
            rustc_name: "S".into(),
            kind: Kind::Struct,
            fields: vec![FieldRef::new("a"), FieldRef::new("b")],
            origin: Origin::Generated,
        };
        let probe = ProbeRecord {
            size: 2,
            align: 1,
            fields: vec![
                OurField {
                    name: "a".into(),
                    offset: 0,
                    size: 1,
                },
                OurField {
                    name: "b".into(),
                    offset: 1,
                    size: 1,
                },
            ],
            padding: vec![],
            option_fits: true,
            niche,
            rt_size: 2,
            rt_align: 1,
            rt_option_size: 2,
            rt_offsets: vec![("a".into(), 0), ("b".into(), 1)],
        };
        let field = |name: &str| {
            Entry::Field(PtsField {
                name: name.into(),
                size: 1,
                offset: None,
                align: None,
            })
        };
        let mut pts = PtsIndex::new();
        pts.insert(
            "S".into(),
            vec![PtsType {
                size: 2,
                align: 1,
                discriminant: None,
                variants: vec![],
                entries: vec![field("a"), field("b")],
                end_padding: None,
            }],
        );
        let debug = RustcLayout {
            name: "S".into(),
            line: 1,
            size: 2,
            align: 1,
            fields: FieldsShape::Arbitrary(vec![0, 1]),
            niche: rustc_niche,
            uninhabited: false,
            variants: RustcVariants::Single { index: 0 },
        };
        let seen = Observations {
            probe: &[probe],
            pts: &pts,
            layout_debug: &[debug],
        };
        compare(&[inst], &seen).unwrap()
    }

    fn bool_niche(offset: u64) -> RustcNiche {
        RustcNiche {
            offset,
            size: 1,
            value: "Int( I8, false, )".into(),
            start: 0,
            end: 1,
        }
    }

    #[test]
    fn module_paths_are_ignored_in_names() {
        assert_eq!(
            without_module_paths("G2<(u8, std::num::NonZero<u8>), &dyn std::ops::Fn(), 1>"),
            "G2<(u8, NonZero<u8>), &dyn Fn(), 1>"
        );
        assert_eq!(without_module_paths("Case<u8>"), "Case<u8>");
        assert!(elided_match(
            "G<A<u8>, (..., u32, ...), 2>",
            "G<A<u8>, (bool, u32, (u8, u8)), 2>"
        ));
        assert!(!elided_match(
            "G<A<u8>, (..., u32, ...), 2>",
            "G<A<u8>, (bool, u16, u8), 2>"
        ));
        assert!(!elided_match("G<u8>", "G<u16>"));
    }

    #[test]
    fn agreement_counts_facts() {
        let known = OurNiche::Known {
            offset: 1,
            size: 1,
            start: 0,
            end: 1,
            field: Some(1),
        };
        let r = setup(known, Some(bool_niche(1)));
        assert!(r.mismatches.is_empty(), "{r}");
        assert_eq!(r.types, 1);
        assert!(r.facts >= 15, "{}", r.facts);
    }

    #[test]
    fn disagreement_is_reported() {
        let known = OurNiche::Known {
            offset: 0,
            size: 1,
            start: 0,
            end: 1,
            field: Some(0),
        };
        let r = setup(known, Some(bool_niche(1)));
        assert_eq!(r.mismatches.len(), 2, "{r}");
        assert!(r.to_string().contains("largest niche vs layout_of"));

        let r = setup(OurNiche::Exact(253, "Tie".into()), Some(bool_niche(1)));
        assert_eq!(r.mismatches.len(), 1, "{r}");
        let r = setup(OurNiche::AtLeast(254, "Opaque".into()), Some(bool_niche(1)));
        assert!(r.mismatches.is_empty(), "{r}");
        let r = setup(OurNiche::AtLeast(255, "Opaque".into()), Some(bool_niche(1)));
        assert_eq!(r.mismatches.len(), 1, "{r}");
    }
}
