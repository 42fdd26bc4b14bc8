//! `#[rustc_layout(debug)]`: size, alignment, the largest niche (which no stable API
//! exposes), a struct's or union's field offsets and the field its niche lives in; an enum's
//! variants, tag (encoding, offset, size, valid range), each variant's field offsets, and each
//! variant's padding (the bytes neither the tag nor a field covers, with field sizes from
//! `-Zprint-type-sizes`).

use super::fields::{self, Scope};
use super::{elided_match, niche_facts, ranges, without_module_paths, Checker, Declared};
use crate::error::{bail, Result};
use crate::parse_layout_debug::{FieldsShape, Multiple, RustcLayout, RustcVariants, TagEncoding};
use crate::parse_probe::{EnumRecord, OurNiche, OurTag, ProbeRecord};
use crate::parse_pts::{holes, memory_layout_from, Placed, PtsType};
use crate::spec::EnumShape;

pub(super) fn compare(
    c: &mut Checker,
    rustc_name: &str,
    declared: Declared,
    ours: &ProbeRecord,
    t: &PtsType,
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
    c.eq("size vs layout_of", ours.size, l.size);
    c.eq("align vs layout_of", ours.align, l.align);
    match declared {
        Declared::Fields { union, .. } => offsets(c, rustc_name, union, ours, l)?,
        Declared::Enum { shape, ours: e } => {
            tag(c, shape, ours, e, l)?;
            variants(c, shape, e, t, l)?;
        }
    }
    niche_facts(c, ours, &l.niche);
    Ok(())
}

/// A struct's or union's field offsets, and the field its niche lives in.
fn offsets(
    c: &mut Checker,
    rustc_name: &str,
    union: bool,
    ours: &ProbeRecord,
    l: &RustcLayout,
) -> Result<()> {
    if l.uninhabited || l.variants != (RustcVariants::Single { index: 0 }) {
        bail!(
            "layout debug: `{rustc_name}` is not laid out as one inhabited variant: {:?}",
            l.variants
        );
    }
    let offsets = match (&l.fields, union) {
        (FieldsShape::Arbitrary(o), false) => o.clone(),
        (FieldsShape::Union(n), true) => vec![0; *n],
        _ => bail!("layout debug: `{rustc_name}` has fields {:?}", l.fields),
    };
    let ours_fields = fields::Ours {
        fields: &ours.fields,
        exact: true,
        live: None,
    };
    fields::against_layout_of(c, Scope::TYPE, ours_fields, &offsets);
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

/// An enum's variant count and tag.
fn tag(
    c: &mut Checker,
    shape: &EnumShape,
    ours: &ProbeRecord,
    e: &EnumRecord,
    l: &RustcLayout,
) -> Result<()> {
    match &l.variants {
        // rustc says `Empty` when no variant is inhabited, which is comparable with
        // layoutscope's (declared) variants only when none is declared.
        RustcVariants::Empty if shape.variants.is_empty() => {
            c.eq("variant count vs layout_of", e.variants.len(), 0)
        }
        RustcVariants::Empty => {
            if let Some(v) = shape.variants.iter().find(|v| v.inhabited) {
                bail!(
                    "layout debug: `{}` has no inhabited variant, but `{}` was constructed",
                    c.ty,
                    v.name
                );
            }
        }
        RustcVariants::Multiple(m) => c.eq(
            "variant count vs layout_of",
            e.variants.len(),
            m.variants.len(),
        ),
        RustcVariants::Single { index } => c.check(
            "variant count vs layout_of",
            *index < e.variants.len(),
            format!("{} variants", e.variants.len()),
            format!("laid out as variant #{index}"),
        ),
    }
    // The tag: layoutscope claims a location only where RFC 2195 specifies it.
    if e.tag != OurTag::Unknown {
        c.eq("tag vs layout_of", our_tag(e.tag), rustc_tag(l));
    }
    if let (OurTag::Direct { .. }, RustcVariants::Multiple(m)) = (e.tag, &l.variants) {
        let mine = match &ours.niche {
            OurNiche::None => Some("every value".to_owned()),
            OurNiche::Known { start, end, .. } => Some(format!("{start}..={end}")),
            // The probes disagreed with the discriminants (uninhabited variants): only the
            // count is claimed, and compared with the niche.
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
    Ok(())
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

/// rustc's offsets of variant `i`'s fields and the variant layout's size, if `layout_of`
/// describes that variant.
pub(super) fn variant_offsets(l: &RustcLayout, i: usize) -> Result<Option<(&[u64], u64)>> {
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

/// Each variant's field offsets (const and live), and its padding.
fn variants(
    c: &mut Checker,
    shape: &EnumShape,
    ours: &EnumRecord,
    t: &PtsType,
    l: &RustcLayout,
) -> Result<()> {
    let tag_range = match &l.variants {
        RustcVariants::Multiple(m) => tag_bytes(l, m),
        _ => None,
    };
    for (i, v) in ours.variants.iter().enumerate() {
        let Some((offsets, _)) = variant_offsets(l, i)? else {
            continue;
        };
        let value = ours.values.iter().find(|x| x.index == i);
        let ours_fields = fields::Ours {
            fields: &v.fields,
            exact: v.exact,
            live: value.map(|x| x.offsets.as_slice()),
        };
        fields::against_layout_of(c, Scope(Some(&v.name)), ours_fields, offsets);
        // The variant's padding: the bytes neither rustc's tag nor its fields cover.
        let pts_variant = t.variants.iter().find(|pv| pv.name == v.name);
        if let (Some(pad), Some(pv), Some(tag)) = (&v.padding, pts_variant, tag_range) {
            let placed = memory_layout_from(&pv.entries, t.discriminant.unwrap_or(0))?;
            let mut covered = vec![Placed {
                name: "(tag)".to_owned(),
                offset: tag.0,
                size: tag.1,
            }];
            for (j, spec) in shape.variants[i].fields.iter().enumerate() {
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
                &format!("{}: padding vs layout_of and -Zprint-type-sizes", v.name),
                ranges(pad),
                ranges(&holes(&covered, t.size)),
            );
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
