//! Compares layoutscope's enum metadata with the compiler and counts every fact.
//!
//! Per enum, against the running program: size, alignment and `option_fits` (`size_of`,
//! `align_of`, `size_of::<Option<E>>()`); variant names, field names and discriminants
//! (against the source, against `core::intrinsics::discriminant_value` of a live value of
//! every variant, against `as` casts of unit-only enums, and against the tag bytes of live
//! values for explicit reprs); the active variant and the live field offsets that
//! `LayoutOfVal` reports, and layoutscope's const offsets for explicit reprs.
//!
//! Against `-Zprint-type-sizes`: size, alignment, the discriminant size (printed exactly
//! when rustc stores the tag directly), and each variant's field names, sizes and offsets.
//!
//! Against `#[rustc_layout(debug)]`: size, alignment, the variants, the tag (encoding, offset,
//! size, valid range), the largest niche, each variant's field offsets, and each variant's
//! padding (the bytes neither the tag nor a field covers, with field sizes from
//! `-Zprint-type-sizes`).
//!
//! A fact is only counted when both sides have a value: an enum missing from an oracle, or an
//! oracle output that does not add up, is an [`Error`], never a skipped fact.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use crate::compare::{niche_facts, ranges, Checker, Mismatch, NicheCoverage, Report};
use crate::error::{bail, Error, Result};
use crate::parse_enum_probe::{EnumRecord, LiveValue, OurTag, OurVariant, TagBytes};
use crate::parse_layout_debug::{FieldsShape, Multiple, RustcLayout, RustcVariants, TagEncoding};
use crate::parse_probe::OurNiche;
use crate::parse_pts::{holes, memory_layout_from, Placed, PtsIndex, PtsType};
use crate::spec::{EnumInstance, EnumKind, Origin};

/// Types, facts and mismatches of one kind of enum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindStats {
    /// Generated enum instantiations of this kind.
    pub generated: usize,
    /// Hand-written enum instantiations of this kind.
    pub cases: usize,
    /// Facts compared for them.
    pub facts: usize,
    /// Mismatches among those facts.
    pub mismatches: usize,
}

/// How rustc laid out the `repr(Rust)` enums with data (whose tag layoutscope leaves
/// unknown), to show what the runtime offsets covered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RustTags {
    /// `tag_encoding: Direct`.
    pub direct: usize,
    /// `tag_encoding: Niche { .. }`.
    pub niche: usize,
    /// `Single`: laid out as one variant.
    pub single: usize,
}

/// The outcome of an enum run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnumReport {
    /// Enum instantiations compared.
    pub enums: usize,
    /// Generated enum instantiations among them.
    pub generated_enums: usize,
    /// The structs that nest enums, compared like the struct oracle's types.
    pub structs: Report,
    /// Facts compared for the enums.
    pub enum_facts: usize,
    /// Mismatches of the enums.
    pub enum_mismatches: Vec<Mismatch>,
    /// Per kind, in [`EnumKind::ALL`] order (`mismatches` counts known ones too).
    pub kinds: Vec<(EnumKind, KindStats)>,
    /// Values constructed and inspected (one per inhabited variant).
    pub values: usize,
    /// The enums' niche answers.
    pub niches: NicheCoverage,
    /// How rustc laid out the `repr(Rust)` data enums.
    pub rust_tags: RustTags,
    /// The reproducers saved for the mismatching generated types (see [`crate::reproduce`]).
    pub reproducers: Vec<PathBuf>,
}

impl EnumReport {
    /// Every type compared: enums and the structs that nest them.
    pub fn types(&self) -> usize {
        self.enums + self.structs.types
    }

    /// Every fact compared.
    pub fn facts(&self) -> usize {
        self.enum_facts + self.structs.facts
    }

    /// Every mismatch: the enums', then the structs'.
    pub fn mismatches(&self) -> Vec<&Mismatch> {
        self.enum_mismatches
            .iter()
            .chain(&self.structs.mismatches)
            .collect()
    }

    /// The statistics of one kind.
    pub fn kind(&self, kind: EnumKind) -> KindStats {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }

    /// The one-line summary: `differential-enums: T types, F facts compared, M mismatches`.
    pub fn summary(&self) -> String {
        format!(
            "differential-enums: {} types, {} facts compared, {} mismatches",
            self.types(),
            self.facts(),
            self.mismatches().len()
        )
    }
}

impl fmt::Display for EnumReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in self.mismatches() {
            writeln!(
                f,
                "MISMATCH {}: {}: ours {}, rustc {}",
                m.ty, m.fact, m.ours, m.rustc
            )?;
        }
        for path in &self.reproducers {
            writeln!(f, "reproducer saved: {}", path.display())?;
        }
        for (kind, s) in &self.kinds {
            writeln!(
                f,
                "enums, {}: {} types ({} generated, {} hand-written), {} facts, {} mismatches",
                kind.label(),
                s.generated + s.cases,
                s.generated,
                s.cases,
                s.facts,
                s.mismatches,
            )?;
        }
        writeln!(
            f,
            "structs nesting enums: {} types, {} facts, {} mismatches",
            self.structs.types,
            self.structs.facts,
            self.structs.mismatches.len()
        )?;
        let n = &self.niches;
        writeln!(
            f,
            "enum niches: {} located, {} exact counts, {} lower bounds, {} none; {} live values",
            n.located, n.exact, n.bounded, n.none, self.values
        )?;
        let t = &self.rust_tags;
        writeln!(
            f,
            "repr(Rust) data enums as rustc laid them out: {} direct tag, {} niche-encoded, {} single variant",
            t.direct, t.niche, t.single
        )?;
        write!(f, "{}", self.summary())
    }
}

/// What the oracles printed about the enums, already parsed and indexed like the instances.
pub struct EnumObservations<'a> {
    /// The enum probe's records.
    pub probe: &'a [EnumRecord],
    /// `-Zprint-type-sizes`, by type name.
    pub pts: &'a PtsIndex,
    /// `#[rustc_layout(debug)]`.
    pub layout_debug: &'a [RustcLayout],
}

/// Compares every enum against every oracle; `structs` is the struct comparison of the same
/// run.
pub fn compare(
    enums: &[EnumInstance],
    seen: &EnumObservations,
    structs: Report,
) -> Result<EnumReport> {
    if seen.probe.len() != enums.len() || seen.layout_debug.len() != enums.len() {
        bail!(
            "internal: {} enums, {} probe records, {} layouts",
            enums.len(),
            seen.probe.len(),
            seen.layout_debug.len()
        );
    }
    let mut c = Checker::default();
    let mut report = EnumReport {
        enums: enums.len(),
        structs,
        kinds: EnumKind::ALL
            .iter()
            .map(|k| (*k, KindStats::default()))
            .collect(),
        ..EnumReport::default()
    };
    for (id, inst) in enums.iter().enumerate() {
        c.ty = crate::compare::label(&inst.rustc_name, inst.origin);
        let (facts, mismatches) = (c.facts, c.mismatches.len());
        let ours = &seen.probe[id];
        let l = &seen.layout_debug[id];
        match ours.niche {
            OurNiche::None => report.niches.none += 1,
            OurNiche::Known { .. } => report.niches.located += 1,
            OurNiche::Exact(..) => report.niches.exact += 1,
            OurNiche::AtLeast(..) => report.niches.bounded += 1,
        }
        report.values += ours.values.len();
        if inst.kind() == EnumKind::RustData {
            match &l.variants {
                RustcVariants::Multiple(m) if m.encoding == TagEncoding::Direct => {
                    report.rust_tags.direct += 1
                }
                RustcVariants::Multiple(_) => report.rust_tags.niche += 1,
                _ => report.rust_tags.single += 1,
            }
        }
        let pts = pts_record(inst, seen.pts)?;
        runtime(&mut c, inst, ours)?;
        layout_debug(&mut c, inst, ours, l)?;
        print_type_sizes(&mut c, inst, ours, pts, l)?;
        variants(&mut c, inst, ours, pts, l)?;

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
    }
    report.generated_enums = enums
        .iter()
        .filter(|e| e.origin == Origin::Generated)
        .count();
    report.enum_facts = c.facts;
    report.enum_mismatches = c.mismatches;
    Ok(report)
}

fn pts_record<'a>(inst: &EnumInstance, pts: &'a PtsIndex) -> Result<&'a PtsType> {
    match pts.get(&inst.rustc_name).map(Vec::as_slice) {
        Some([t]) => Ok(t),
        Some(_) => bail!(
            "`{}` occurs more than once in -Zprint-type-sizes",
            inst.rustc_name
        ),
        None => bail!("`{}` is missing from -Zprint-type-sizes", inst.rustc_name),
    }
}

/// Names, comma-separated, for comparing lists of names in one fact.
fn names<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(",")
}

/// The running program: sizes, discriminants, live values.
fn runtime(c: &mut Checker, inst: &EnumInstance, ours: &EnumRecord) -> Result<()> {
    c.eq("size vs size_of", ours.size, ours.rt_size);
    c.eq("align vs align_of", ours.align, ours.rt_align);
    c.eq(
        "option_fits vs size_of::<Option<E>>",
        ours.option_fits,
        ours.rt_option_size == ours.rt_size,
    );
    c.eq(
        "variant names vs declaration",
        names(ours.variants.iter().map(|v| v.name.as_str())),
        names(inst.variants.iter().map(|v| v.name.as_str())),
    );
    let int = inst.repr.discriminant_type();
    for (i, (spec, v)) in inst.variants.iter().zip(&ours.variants).enumerate() {
        c.eq(
            &format!("{}: field names vs declaration", v.name),
            names(v.fields.iter().map(|f| f.name.as_str())),
            names(spec.fields.iter().map(|f| f.name.as_str())),
        );
        c.eq(
            &format!("{}: discriminant signedness vs repr", v.name),
            v.signed,
            int.signed,
        );
        if let Some(d) = spec.discriminant {
            c.eq(
                &format!("{}: discriminant vs source", v.name),
                v.discriminant(),
                int.display(d),
            );
        }
        if let Some((_, cast)) = ours.casts.iter().find(|(j, _)| *j == i) {
            c.eq(
                &format!("{}: discriminant bits vs `as u128`", v.name),
                v.bits,
                *cast,
            );
        } else if inst.unit_only() {
            bail!("the probe printed no cast for `{}::{}`", inst.ty, v.name);
        }
        let value = ours.values.iter().find(|x| x.index == i);
        match (value, spec.inhabited) {
            (Some(value), _) => live_value(c, inst, ours, v, value),
            (None, true) => bail!("the probe built no value of `{}::{}`", inst.ty, v.name),
            (None, false) => {}
        }
    }
    Ok(())
}

/// One live value: the active variant, rustc's discriminant, the live offsets, the tag bytes.
fn live_value(
    c: &mut Checker,
    inst: &EnumInstance,
    ours: &EnumRecord,
    v: &OurVariant,
    value: &LiveValue,
) {
    let name = &v.name;
    c.eq(
        &format!("{name}: discriminant vs discriminant_value"),
        v.discriminant(),
        value.rustc_discriminant.clone(),
    );
    // Enums without fields have no `LayoutOfVal`: the probe printed `-`, and there is no
    // field to locate. Every other enum must report its active variant.
    let expected_active = if inst.has_fields() {
        name.as_str()
    } else {
        "-"
    };
    c.eq(
        &format!("{name}: variant_of_val of a `{name}` value"),
        value.active.as_str(),
        expected_active,
    );
    if inst.has_fields() {
        c.eq(
            &format!("{name}: fields visited by visit_fields_of_val"),
            names(value.offsets.iter().map(|(n, _)| n.as_str())),
            names(v.fields.iter().map(|f| f.name.as_str())),
        );
    }
    if v.exact {
        for f in &v.fields {
            if let Some((_, live)) = value.offsets.iter().find(|(n, _)| *n == f.name) {
                c.eq(
                    &format!("{name}.{}: const offset vs live offset", f.name),
                    f.offset,
                    *live,
                );
            }
        }
    }
    if let (OurTag::Direct { size, .. }, true) = (ours.tag, inst.tag_readable()) {
        let mask = if size >= 16 {
            u128::MAX
        } else {
            (1u128 << (size * 8)) - 1
        };
        let fact = format!("{name}: discriminant vs the live tag bytes");
        match value.tag_bytes {
            Some(TagBytes::Value(bits)) => c.eq(&fact, v.bits & mask, bits),
            Some(TagBytes::Outside) => c.check(&fact, false, "a tag inside the value", "outside"),
            None => c.check(&fact, false, "a direct tag", "no tag bytes printed"),
        }
    }
}

/// The tag as rustc describes it, in the words of [`our_tag`].
fn rustc_tag(l: &RustcLayout) -> String {
    match &l.variants {
        RustcVariants::Empty | RustcVariants::Single { .. } => "no tag".to_owned(),
        RustcVariants::Multiple(m) => {
            let offset = match &l.fields {
                FieldsShape::Arbitrary(o) => {
                    o.get(m.tag_field).map_or("?".to_owned(), |o| o.to_string())
                }
                _ => "?".to_owned(),
            };
            match m.encoding {
                TagEncoding::Direct => format!("direct, {} bytes at {offset}", m.tag.size),
                TagEncoding::Niche { .. } => {
                    format!("niche-encoded, {} bytes at {offset}", m.tag.size)
                }
            }
        }
    }
}

fn our_tag(tag: OurTag) -> String {
    match tag {
        OurTag::None => "no tag".to_owned(),
        OurTag::Direct { offset, size } => format!("direct, {size} bytes at {offset}"),
        OurTag::Unknown => "unknown".to_owned(),
    }
}

/// `#[rustc_layout(debug)]`: size, align, variants, tag and niche.
fn layout_debug(
    c: &mut Checker,
    inst: &EnumInstance,
    ours: &EnumRecord,
    l: &RustcLayout,
) -> Result<()> {
    crate::compare::same_type_sizes(c, &inst.rustc_name, (ours.size, ours.align), l)?;
    match &l.variants {
        // rustc says `Empty` when no variant is inhabited, which is comparable with
        // layoutscope's (declared) variants only when none is declared.
        RustcVariants::Empty if inst.variants.is_empty() => {
            c.eq("variant count vs layout_of", ours.variants.len(), 0)
        }
        RustcVariants::Empty => {
            if let Some(v) = inst.variants.iter().find(|v| v.inhabited) {
                bail!(
                    "layout debug: `{}` has no inhabited variant, but `{}` was constructed",
                    inst.rustc_name,
                    v.name
                );
            }
        }
        RustcVariants::Multiple(m) => c.eq(
            "variant count vs layout_of",
            ours.variants.len(),
            m.variants.len(),
        ),
        RustcVariants::Single { index } => c.check(
            "variant count vs layout_of",
            *index < ours.variants.len(),
            format!("{} variants", ours.variants.len()),
            format!("laid out as variant #{index}"),
        ),
    }
    // The tag: layoutscope claims a location only where RFC 2195 specifies it.
    if ours.tag != OurTag::Unknown {
        c.eq("tag vs layout_of", our_tag(ours.tag), rustc_tag(l));
    }
    if let (OurTag::Direct { .. }, RustcVariants::Multiple(m)) = (ours.tag, &l.variants) {
        let mine = match &ours.niche {
            OurNiche::None => Some("every value".to_owned()),
            OurNiche::Known { start, end, .. } => Some(format!("{start}..={end}")),
            // The probes disagreed with the discriminants (uninhabited variants): only the
            // count is claimed, and compared below.
            OurNiche::Exact(..) | OurNiche::AtLeast(..) => None,
        };
        if let Some(mine) = mine {
            let theirs = if m.tag.available() == 0 {
                "every value".to_owned()
            } else {
                format!("{}..={}", m.tag.start, m.tag.end)
            };
            c.eq("tag valid range vs layout_of", mine, theirs);
        }
    }
    niche_facts(c, &ours.niche, ours.option_fits, ours.size, &l.niche);
    Ok(())
}

/// `-Zprint-type-sizes`: size, align and the discriminant line.
fn print_type_sizes(
    c: &mut Checker,
    inst: &EnumInstance,
    ours: &EnumRecord,
    t: &PtsType,
    l: &RustcLayout,
) -> Result<()> {
    let fail = |what: &str| {
        Error(format!(
            "-Zprint-type-sizes, `{}`: {what}: {t:?}",
            inst.rustc_name
        ))
    };
    if !t.entries.is_empty() {
        return Err(fail("an enum with struct fields"));
    }
    c.eq("size vs -Zprint-type-sizes", ours.size, t.size);
    c.eq("align vs -Zprint-type-sizes", ours.align, t.align);
    let direct =
        matches!(&l.variants, RustcVariants::Multiple(m) if m.encoding == TagEncoding::Direct);
    if t.discriminant.is_some() != direct {
        return Err(fail(
            "a discriminant line that disagrees with the tag encoding",
        ));
    }
    match ours.tag {
        OurTag::Direct { size, .. } => c.eq(
            "tag size vs -Zprint-type-sizes discriminant",
            format!("{size} bytes"),
            t.discriminant
                .map_or("none".to_owned(), |d| format!("{d} bytes")),
        ),
        OurTag::None => c.eq(
            "no tag vs -Zprint-type-sizes discriminant",
            "none".to_owned(),
            t.discriminant
                .map_or("none".to_owned(), |d| format!("{d} bytes")),
        ),
        OurTag::Unknown => {}
    }
    // rustc's bookkeeping must add up, or the variant listing was misread. rustc prints each
    // variant's size minus the discriminant's in wrapping `u64` arithmetic (a fieldless
    // variant smaller than an enlarged tag prints as `18446744073709551610 bytes`), so undo it
    // the same way.
    let discr = t.discriminant.unwrap_or(0);
    let widest = t
        .variants
        .iter()
        .map(|v| v.size.wrapping_add(discr))
        .max()
        .unwrap_or(0)
        .max(discr);
    if t.end_padding.unwrap_or(0) != t.size.saturating_sub(widest) || widest > t.size {
        return Err(fail("the end padding does not add up"));
    }
    Ok(())
}

/// rustc's offsets of variant `i`'s fields, if `layout_of` describes that variant.
fn rustc_offsets(l: &RustcLayout, i: usize) -> Result<Option<(&[u64], u64)>> {
    let (layout, whole) = match &l.variants {
        RustcVariants::Multiple(m) => match m.variants.get(i) {
            Some(v) => (v, false),
            None => return Ok(None),
        },
        RustcVariants::Single { index } if *index == i => (l, true),
        _ => return Ok(None),
    };
    match &layout.fields {
        FieldsShape::Arbitrary(o) => Ok(Some((o.as_slice(), layout.size))),
        FieldsShape::Primitive if whole && l.size == 0 => Ok(Some((&[], 0))),
        other => bail!("layout debug: variant #{i} has fields {other:?}"),
    }
}

/// Each variant's fields: offsets from every source, sizes, padding.
fn variants(
    c: &mut Checker,
    inst: &EnumInstance,
    ours: &EnumRecord,
    t: &PtsType,
    l: &RustcLayout,
) -> Result<()> {
    // Which variants rustc lists: all of them for a tagged layout, the one it is laid out as
    // for a single-variant layout, none for an empty enum.
    let listed: Vec<usize> = match &l.variants {
        RustcVariants::Empty => Vec::new(),
        RustcVariants::Single { index } => vec![*index],
        RustcVariants::Multiple(m) => (0..m.variants.len()).collect(),
    };
    let mut pts_names: Vec<&str> = t.variants.iter().map(|v| v.name.as_str()).collect();
    let mut expected: Vec<&str> = listed
        .iter()
        .filter_map(|i| inst.variants.get(*i).map(|v| v.name.as_str()))
        .collect();
    pts_names.sort_unstable();
    expected.sort_unstable();
    if pts_names != expected {
        bail!(
            "-Zprint-type-sizes lists the variants {pts_names:?} of `{}`, layout_of {expected:?}",
            inst.rustc_name
        );
    }
    let tag_range = match &l.variants {
        RustcVariants::Multiple(m) => tag_bytes(l, m),
        _ => None,
    };
    let discr = t.discriminant.unwrap_or(0);
    let mut placed_by_variant: HashMap<&str, Vec<Placed>> = HashMap::new();
    for v in &t.variants {
        placed_by_variant.insert(&v.name, memory_layout_from(&v.entries, discr)?);
    }

    for (i, v) in ours.variants.iter().enumerate() {
        let name = &v.name;
        let value = ours.values.iter().find(|x| x.index == i);
        let rustc = rustc_offsets(l, i)?;
        if let Some((offsets, variant_size)) = rustc {
            c.eq(
                &format!("{name}: field count vs layout_of"),
                v.fields.len(),
                offsets.len(),
            );
            for (f, offset) in v.fields.iter().zip(offsets) {
                if v.exact {
                    c.eq(
                        &format!("{name}.{}: const offset vs layout_of", f.name),
                        f.offset,
                        *offset,
                    );
                }
                if let Some((_, live)) =
                    value.and_then(|x| x.offsets.iter().find(|(n, _)| *n == f.name))
                {
                    c.eq(
                        &format!("{name}.{}: live offset vs layout_of", f.name),
                        *live,
                        *offset,
                    );
                }
            }
            // rustc's printed variant size is where its fields end, or the variant layout's
            // size when they end at 0, minus the discriminant.
            if let Some(pv) = t.variants.iter().find(|pv| &pv.name == name) {
                let placed = &placed_by_variant[pv.name.as_str()];
                let end = placed.iter().map(|p| p.offset + p.size).max().unwrap_or(0);
                let expected = if end == 0 { variant_size } else { end };
                if pv.size.wrapping_add(discr) != expected {
                    bail!(
                        "-Zprint-type-sizes: variant `{name}` of `{}` is {} bytes, its fields end at {expected}",
                        inst.rustc_name,
                        pv.size
                    );
                }
            }
        }
        if let Some(placed) = placed_by_variant.get(name.as_str()) {
            let mut theirs: Vec<&str> = placed.iter().map(|p| p.name.as_str()).collect();
            let mut mine: Vec<&str> = v.fields.iter().map(|f| f.name.as_str()).collect();
            theirs.sort_unstable();
            mine.sort_unstable();
            c.eq(
                &format!("{name}: field names vs -Zprint-type-sizes"),
                mine.join(","),
                theirs.join(","),
            );
            for f in &v.fields {
                let Some(p) = placed.iter().find(|p| p.name == f.name) else {
                    continue;
                };
                c.eq(
                    &format!("{name}.{}: size vs -Zprint-type-sizes", f.name),
                    f.size,
                    p.size,
                );
                if v.exact {
                    c.eq(
                        &format!("{name}.{}: const offset vs -Zprint-type-sizes", f.name),
                        f.offset,
                        p.offset,
                    );
                }
                if let Some((_, live)) =
                    value.and_then(|x| x.offsets.iter().find(|(n, _)| *n == f.name))
                {
                    c.eq(
                        &format!("{name}.{}: live offset vs -Zprint-type-sizes", f.name),
                        *live,
                        p.offset,
                    );
                }
            }
            // The variant's padding: the bytes neither rustc's tag nor its fields cover.
            if let (Some(pad), Some((offsets, _)), Some(tag)) = (&v.padding, rustc, tag_range) {
                let mut covered = vec![Placed {
                    name: "(tag)".to_owned(),
                    offset: tag.0,
                    size: tag.1,
                }];
                for (j, spec) in inst.variants[i].fields.iter().enumerate() {
                    if let (Some(o), Some(p)) =
                        (offsets.get(j), placed.iter().find(|p| p.name == spec.name))
                    {
                        covered.push(Placed {
                            name: p.name.clone(),
                            offset: *o,
                            size: p.size,
                        });
                    }
                }
                c.eq(
                    &format!("{name}: padding vs layout_of and -Zprint-type-sizes"),
                    ranges(pad),
                    ranges(&holes(&covered, t.size)),
                );
            }
        }
    }
    Ok(())
}

/// The direct tag's `(offset, size)` in a tagged layout.
fn tag_bytes(l: &RustcLayout, m: &Multiple) -> Option<(u64, u64)> {
    match (&l.fields, &m.encoding) {
        (FieldsShape::Arbitrary(o), TagEncoding::Direct) => {
            o.get(m.tag_field).map(|o| (*o, m.tag.size))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{EnumRepr, FieldRef, IntTy, Style, VariantSpec};
    use crate::{parse_enum_probe, parse_layout_debug, parse_pts};

    /// rustc 1.95's output for `#[repr(C, u8)] enum CU8 { A(u8), B(u64) }`.
    const PTS: &str = "\
print-type-size type: `CU8`: 16 bytes, alignment: 8 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant `B`: 15 bytes
print-type-size         padding: 7 bytes
print-type-size         field `.0`: 8 bytes, alignment: 8 bytes
print-type-size     variant `A`: 8 bytes
print-type-size         padding: 7 bytes
print-type-size         field `.0`: 1 bytes, alignment: 1 bytes
";
    const LAYOUT: &str = "\
error: layout_of(CU8) = Layout {
           size: Size(16 bytes),
           align: AbiAlign {
               abi: Align(8 bytes),
           },
           backend_repr: Memory {
               sized: true,
           },
           fields: Arbitrary {
               offsets: [
                   Size(0 bytes),
               ],
               in_memory_order: [
                   0,
               ],
           },
           largest_niche: Some(
               Niche {
                   offset: Size(0 bytes),
                   value: Int(
                       I8,
                       false,
                   ),
                   valid_range: 0..=1,
               },
           ),
           uninhabited: false,
           variants: Multiple {
               tag: Initialized {
                   value: Int(
                       I8,
                       false,
                   ),
                   valid_range: 0..=1,
               },
               tag_encoding: Direct,
               tag_field: 0,
               variants: [
                   Layout {
                       size: Size(16 bytes),
                       align: AbiAlign {
                           abi: Align(8 bytes),
                       },
                       backend_repr: Memory {
                           sized: true,
                       },
                       fields: Arbitrary {
                           offsets: [
                               Size(8 bytes),
                           ],
                           in_memory_order: [
                               0,
                           ],
                       },
                       largest_niche: None,
                       uninhabited: false,
                       variants: Single {
                           index: 0,
                       },
                       max_repr_align: None,
                       unadjusted_abi_align: Align(8 bytes),
                       randomization_seed: 11815596689088070978,
                   },
                   Layout {
                       size: Size(16 bytes),
                       align: AbiAlign {
                           abi: Align(8 bytes),
                       },
                       backend_repr: Memory {
                           sized: true,
                       },
                       fields: Arbitrary {
                           offsets: [
                               Size(8 bytes),
                           ],
                           in_memory_order: [
                               0,
                           ],
                       },
                       largest_niche: None,
                       uninhabited: false,
                       variants: Single {
                           index: 1,
                       },
                       max_repr_align: None,
                       unadjusted_abi_align: Align(8 bytes),
                       randomization_seed: 11743820570026853704,
                   },
               ],
           },
           max_repr_align: None,
           unadjusted_abi_align: Align(8 bytes),
           randomization_seed: 16856493746842292171,
       }
 --> src/layout_debug.rs:9:24
error: aborting due to 1 previous error
";
    /// What layoutscope reports for it, as the probe prints it.
    const PROBE: &str = "\
e.type 0 16 8 16 8 16 2
e.tag 0 direct 0 1
e.niche 0 1 known 0 1 0 1 -
e.variant 0 0 A 0 0 exact 1
e.vfield 0 0 0 8 1
e.vpadding 0 0
e.vpad 0 0 1 8
e.vpad 0 0 9 16
e.variant 0 1 B 0 1 exact 1
e.vfield 0 1 0 8 8
e.vpadding 0 1
e.vpad 0 1 1 8
e.value 0 0 A 0
e.live 0 0 0 8
e.tagbytes 0 0 0
e.value 0 1 B 1
e.live 0 1 0 8
e.tagbytes 0 1 1
e.end 0
";

    fn compare_probe(probe: &str) -> EnumReport {
        try_compare(probe).unwrap()
    }

    fn try_compare(probe: &str) -> Result<EnumReport> {
        let variant = |name: &str, d: u128| VariantSpec {
            ident: name.into(),
            name: name.into(),
            style: Style::Tuple,
            fields: vec![FieldRef::new("0")],
            discriminant: Some(d),
            inhabited: true,
        };
        let inst = EnumInstance {
            ty: "CU8".into(),
            rustc_name: "CU8".into(),
            repr: EnumRepr {
                c: true,
                int: IntTy::named("u8"),
                align: None,
            },
            variants: vec![variant("A", 0), variant("B", 1)],
            origin: Origin::Generated,
        };
        let probe = parse_enum_probe::parse(probe, 1)?;
        let pts = parse_pts::parse(PTS).unwrap();
        let layouts = parse_layout_debug::parse(LAYOUT, 8).unwrap();
        let seen = EnumObservations {
            probe: &probe,
            pts: &pts,
            layout_debug: &layouts,
        };
        compare(&[inst], &seen, Report::default())
    }

    fn facts_that_differ(probe: &str) -> Vec<String> {
        let report = compare_probe(probe);
        report.mismatches().iter().map(|m| m.fact.clone()).collect()
    }

    #[test]
    fn agreement_counts_facts() {
        let r = compare_probe(PROBE);
        assert!(r.mismatches().is_empty(), "{r}");
        assert_eq!((r.enums, r.values), (1, 2));
        assert!(r.enum_facts >= 45, "{}", r.enum_facts);
        assert_eq!(r.kind(EnumKind::ExplicitData).facts, r.enum_facts);
    }

    #[test]
    fn every_disagreement_is_reported() {
        // A live offset: against layout_of, -Zprint-type-sizes and the const offset.
        let live = facts_that_differ(&PROBE.replace("e.live 0 1 0 8", "e.live 0 1 0 4"));
        assert_eq!(
            live,
            [
                "B.0: const offset vs live offset",
                "B.0: live offset vs layout_of",
                "B.0: live offset vs -Zprint-type-sizes",
            ]
        );
        // A const offset and the padding derived from it.
        let konst = facts_that_differ(&PROBE.replace("e.vfield 0 1 0 8 8", "e.vfield 0 1 0 9 8"));
        assert!(
            konst.contains(&"B.0: const offset vs layout_of".to_owned()),
            "{konst:?}"
        );
        assert!(konst.contains(&"B.0: const offset vs -Zprint-type-sizes".to_owned()));
        // A discriminant: against the source, rustc's discriminant_value and the tag bytes.
        let disc =
            facts_that_differ(&PROBE.replace("e.variant 0 1 B 0 1 ", "e.variant 0 1 B 0 2 "));
        assert_eq!(
            disc,
            [
                "B: discriminant vs source",
                "B: discriminant vs discriminant_value",
                "B: discriminant vs the live tag bytes",
            ]
        );
        // The tag: against layout_of and the printed discriminant size.
        let tag = facts_that_differ(&PROBE.replace("e.tag 0 direct 0 1", "e.tag 0 direct 0 4"));
        assert!(tag.contains(&"tag vs layout_of".to_owned()), "{tag:?}");
        assert!(tag.contains(&"tag size vs -Zprint-type-sizes discriminant".to_owned()));
        // The niche and the tag's valid range.
        let niche = facts_that_differ(&PROBE.replace("known 0 1 0 1 -", "known 0 1 0 2 -"));
        assert_eq!(
            niche,
            ["tag valid range vs layout_of", "largest niche vs layout_of"]
        );
        // Variant padding, the active variant, signedness, field names.
        let pad = facts_that_differ(&PROBE.replace("e.vpad 0 0 9 16", "e.vpad 0 0 9 15"));
        assert_eq!(pad, ["A: padding vs layout_of and -Zprint-type-sizes"]);
        let active = facts_that_differ(&PROBE.replace("e.value 0 1 B 1", "e.value 0 1 A 1"));
        assert_eq!(active, ["B: variant_of_val of a `B` value"]);
        let signed =
            facts_that_differ(&PROBE.replace("e.variant 0 0 A 0 0", "e.variant 0 0 A 1 0"));
        assert_eq!(signed, ["A: discriminant signedness vs repr"]);
        // A size: every source.
        let size = facts_that_differ(&PROBE.replace("e.type 0 16 8", "e.type 0 24 8"));
        assert_eq!(
            size,
            [
                "size vs size_of",
                "size vs layout_of",
                "size vs -Zprint-type-sizes",
            ]
        );
    }

    #[test]
    fn missing_values_fail_the_run() {
        let probe = PROBE.replace("e.value 0 1 B 1\ne.live 0 1 0 8\ne.tagbytes 0 1 1\n", "");
        let err = try_compare(&probe).unwrap_err();
        assert!(err.0.contains("no value of `CU8::B`"), "{err}");
        // A variant the probe announced but did not print.
        let announced = PROBE.replace("e.type 0 16 8 16 8 16 2", "e.type 0 16 8 16 8 16 3");
        assert!(try_compare(&announced).is_err());
    }
}
