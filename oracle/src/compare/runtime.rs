//! The running program: `size_of`, `align_of`, `size_of::<Option<T>>()`; a struct's or
//! union's `offset_of!`; an enum's discriminants (against the source, against
//! `core::intrinsics::discriminant_value` of a live value of every variant, against `as`
//! casts of unit-only enums, and against the tag bytes of live values for explicit reprs),
//! the active variant and the live field offsets that `LayoutOfVal` reports.

use super::{names, Checker, Declared};
use crate::error::{bail, Result};
use crate::parse_probe::{EnumRecord, LiveValue, OurTag, OurVariant, ProbeRecord, TagBytes};
use crate::spec::{EnumShape, FieldRef};
use layout_testkit::gen::display;

pub(super) fn compare(c: &mut Checker, declared: Declared, ours: &ProbeRecord) -> Result<()> {
    c.eq("size vs size_of", ours.size, ours.rt_size);
    c.eq("align vs align_of", ours.align, ours.rt_align);
    c.eq(
        "option_fits vs size_of::<Option<T>>",
        ours.option_fits,
        ours.rt_option_size == ours.rt_size,
    );
    match declared {
        Declared::Fields { fields, .. } => {
            offsets(c, fields, ours);
            Ok(())
        }
        Declared::Enum { shape, ours } => variants(c, shape, ours),
    }
}

/// A struct's or union's fields: names as declared, offsets as `offset_of!` measures them.
fn offsets(c: &mut Checker, declared: &[FieldRef], ours: &ProbeRecord) {
    c.eq(
        "field names vs declaration",
        names(ours.fields.iter().map(|f| f.name.as_str())),
        names(declared.iter().map(|f| f.name.as_str())),
    );
    for f in &ours.fields {
        let Some((_, offset)) = ours.rt_offsets.iter().find(|(n, _)| *n == f.name) else {
            c.check(
                &format!(".{}: field vs declaration", f.name),
                false,
                "present",
                "absent",
            );
            continue;
        };
        c.eq(
            &format!(".{}: const offset vs offset_of!", f.name),
            f.offset,
            *offset,
        );
    }
}

/// An enum's variants: names, discriminants, casts, live values.
fn variants(c: &mut Checker, shape: &EnumShape, ours: &EnumRecord) -> Result<()> {
    c.eq(
        "variant names vs declaration",
        names(ours.variants.iter().map(|v| v.name.as_str())),
        names(shape.variants.iter().map(|v| v.name.as_str())),
    );
    let int = shape.discriminant_type();
    for (i, (spec, v)) in shape.variants.iter().zip(&ours.variants).enumerate() {
        c.eq(
            &format!("{}: field names vs declaration", v.name),
            names(v.fields.iter().map(|f| f.name.as_str())),
            names(spec.fields.iter().map(|f| f.name.as_str())),
        );
        c.eq(
            &format!("{}: discriminant signedness vs repr", v.name),
            v.signed,
            int.signed(),
        );
        if let Some(d) = spec.discriminant {
            c.eq(
                &format!("{}: discriminant vs source", v.name),
                v.discriminant(),
                display(int, d),
            );
        }
        if let Some((_, cast)) = ours.casts.iter().find(|(j, _)| *j == i) {
            c.eq(
                &format!("{}: discriminant bits vs `as u128`", v.name),
                v.bits,
                *cast,
            );
        } else if shape.unit_only() {
            bail!("the probe printed no cast for `{}::{}`", c.ty, v.name);
        }
        let value = ours.values.iter().find(|x| x.index == i);
        match (value, spec.inhabited) {
            (Some(value), _) => live_value(c, shape, ours.tag, v, value),
            (None, true) => bail!("the probe built no value of `{}::{}`", c.ty, v.name),
            (None, false) => {}
        }
    }
    Ok(())
}

/// One live value: the active variant, rustc's discriminant, the live offsets, the tag bytes.
fn live_value(c: &mut Checker, shape: &EnumShape, tag: OurTag, v: &OurVariant, value: &LiveValue) {
    let name = &v.name;
    c.eq(
        &format!("{name}: discriminant vs discriminant_value"),
        v.discriminant(),
        value.rustc_discriminant.clone(),
    );
    // Enums without fields have no `LayoutOfVal`: the probe printed `-`, and there is no
    // field to locate. Every other enum must report its active variant.
    let expected_active = if shape.has_fields() {
        name.as_str()
    } else {
        "-"
    };
    c.eq(
        &format!("{name}: variant_of_val of a `{name}` value"),
        value.active.as_str(),
        expected_active,
    );
    if shape.has_fields() {
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
    if let (OurTag::Direct { size, .. }, true) = (tag, shape.tag_readable()) {
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
