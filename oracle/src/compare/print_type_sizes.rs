//! `-Zprint-type-sizes`: size and alignment; a struct's or union's fields (names, sizes,
//! offsets) and padding; an enum's discriminant (printed exactly when rustc stores the tag
//! directly) and each variant's fields.
//!
//! rustc's own bookkeeping must add up (padding, end padding, variant sizes), or the offsets
//! were not recovered correctly: that is an error, not a mismatch.

use super::fields::{self, Scope};
use super::{layout_debug::variant_offsets, ranges, unreadable, Checker, Declared};
use crate::error::{bail, Error, Result};
use crate::parse_layout_debug::{RustcLayout, RustcVariants, TagEncoding};
use crate::parse_probe::{EnumRecord, OurTag, ProbeRecord};
use crate::parse_pts::{holes, memory_layout, memory_layout_from, variant_end, PtsType};
use crate::spec::EnumShape;

pub(super) fn compare(
    c: &mut Checker,
    rustc_name: &str,
    declared: Declared,
    ours: &ProbeRecord,
    t: &PtsType,
    l: &RustcLayout,
) -> Result<()> {
    let fail = |what: &str| unreadable("-Zprint-type-sizes", rustc_name, what, t);
    c.eq("size vs -Zprint-type-sizes", ours.size, t.size);
    c.eq("align vs -Zprint-type-sizes", ours.align, t.align);
    match declared {
        Declared::Fields { union, .. } => fields(c, union, ours, t, &fail),
        Declared::Enum { shape, ours: e } => {
            if !t.entries.is_empty() {
                return Err(fail("an enum with struct fields"));
            }
            discriminant(c, e.tag, t, l, &fail)?;
            variants(c, rustc_name, shape, e, t, l)
        }
    }
}

/// A struct's fields, or a union's (its one variant's), and the padding between them.
fn fields(
    c: &mut Checker,
    union: bool,
    ours: &ProbeRecord,
    t: &PtsType,
    fail: &dyn Fn(&str) -> Error,
) -> Result<()> {
    if t.discriminant.is_some() {
        return Err(fail("a struct or union with a discriminant"));
    }
    let (entries, variant_size) = match (union, t.variants.as_slice()) {
        (false, []) => (&t.entries, None),
        (true, [v]) if t.entries.is_empty() => (&v.entries, Some(v.size)),
        _ => return Err(fail("not laid out as its kind")),
    };
    let placed = memory_layout(entries)?;
    let end = variant_end(&placed, t.size);
    if variant_size.is_some_and(|s| s != end) || t.end_padding.unwrap_or(0) != t.size - end {
        return Err(fail("the padding lines do not add up"));
    }
    let ours_fields = fields::Ours {
        fields: &ours.fields,
        exact: true,
        live: None,
    };
    fields::against_print_type_sizes(c, Scope::TYPE, ours_fields, &placed);
    c.eq(
        "padding vs -Zprint-type-sizes",
        ranges(&ours.padding),
        ranges(&holes(&placed, t.size)),
    );
    Ok(())
}

/// An enum's `discriminant` line: the tag's size when layoutscope knows it is stored
/// directly, none when layoutscope says there is no tag.
fn discriminant(
    c: &mut Checker,
    tag: OurTag,
    t: &PtsType,
    l: &RustcLayout,
    fail: &dyn Fn(&str) -> Error,
) -> Result<()> {
    let direct =
        matches!(&l.variants, RustcVariants::Multiple(m) if m.encoding == TagEncoding::Direct);
    if t.discriminant.is_some() != direct {
        return Err(fail(
            "a discriminant line that disagrees with the tag encoding",
        ));
    }
    let printed = t
        .discriminant
        .map_or("none".to_owned(), |d| format!("{d} bytes"));
    match tag {
        OurTag::Direct { size, .. } => c.eq(
            "tag size vs -Zprint-type-sizes discriminant",
            format!("{size} bytes"),
            printed,
        ),
        OurTag::None => c.eq(
            "no tag vs -Zprint-type-sizes discriminant",
            "none".to_owned(),
            printed,
        ),
        OurTag::Unknown => {}
    }
    // rustc prints each variant's size minus the discriminant's in wrapping `u64` arithmetic
    // (a fieldless variant smaller than an enlarged tag prints as `18446744073709551610
    // bytes`), so undo it the same way.
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

/// Each variant's fields: names, sizes, const and live offsets.
fn variants(
    c: &mut Checker,
    rustc_name: &str,
    shape: &EnumShape,
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
        .filter_map(|i| shape.variants.get(*i).map(|v| v.name.as_str()))
        .collect();
    pts_names.sort_unstable();
    expected.sort_unstable();
    if pts_names != expected {
        bail!(
            "-Zprint-type-sizes lists the variants {pts_names:?} of `{rustc_name}`, layout_of \
             {expected:?}"
        );
    }
    let discr = t.discriminant.unwrap_or(0);
    for (i, v) in ours.variants.iter().enumerate() {
        let Some(pv) = t.variants.iter().find(|pv| pv.name == v.name) else {
            continue;
        };
        let placed = memory_layout_from(&pv.entries, discr)?;
        // rustc's printed variant size is where its fields end, or the variant layout's size
        // when they end at 0, minus the discriminant.
        if let Some((_, variant_size)) = variant_offsets(l, i)? {
            let end = placed.iter().map(|p| p.offset + p.size).max().unwrap_or(0);
            let expected = if end == 0 { variant_size } else { end };
            if pv.size.wrapping_add(discr) != expected {
                bail!(
                    "-Zprint-type-sizes: variant `{}` of `{rustc_name}` is {} bytes, its fields \
                     end at {expected}",
                    v.name,
                    pv.size
                );
            }
        }
        let value = ours.values.iter().find(|x| x.index == i);
        let ours_fields = fields::Ours {
            fields: &v.fields,
            exact: v.exact,
            live: value.map(|x| x.offsets.as_slice()),
        };
        fields::against_print_type_sizes(c, Scope(Some(&v.name)), ours_fields, &placed);
    }
    Ok(())
}
