//! Known mismatches: bugs in layoutscope that the oracle found and that are reported upstream
//! but not fixed yet. Each is recognised by a precise test, never by a type name, so that it
//! cannot hide any other disagreement; the mismatches stay in the report, marked as known.
//!
//! # `KNOWN MISMATCH: enum tag valid range` ([`TAG_RANGE`])
//!
//! layout-core's `tagged()` (`layout-core/src/enums.rs`) computes the valid range of a direct
//! tag as the signed range of the discriminants, or the unsigned range when that is narrower.
//! rustc 1.95 (since rust-lang/rust#144577) instead sorts the discriminants and leaves out the
//! largest gap between neighbours, where the gap that wraps around from the largest value to
//! the smallest counts as `MAX - (largest - smallest)` of the repr type (`i8::MAX` for signed
//! reprs, `u8::MAX` for unsigned ones), wrapping, compared as unsigned; on equal gaps the last
//! one wins. The two agree in most cases and differ when the largest gap is not the one the
//! signed or unsigned view leaves out, e.g. `#[repr(i8)] enum E { A = 0, B = 126 }` (rustc
//! `126..=0`, layoutscope `0..=126`) or `#[repr(u8)] enum E { A = 0, B = 100, C = 140,
//! D = 255 }` (rustc `255..=140`, layoutscope `140..=100`). When the free count is at most 16
//! layoutscope's probe cross-check notices and reports an honest `Unknown`; above that it
//! reports a wrong `LargestNiche::Known`.
//!
//! Structs inherit the wrong niche from such an enum field (directly, or through `Option`,
//! arrays, other structs): their niche facts (location, range, count, lower bound) then
//! disagree too. [`mark_inherited`] marks those, and only those facts, of structs whose field
//! types mention an enum (or, in turn, a struct) already marked ([`TAG_RANGE_INHERITED`]).

use crate::compare::label;
use crate::compare_enums::EnumReport;
use crate::parse_enum_probe::EnumRecord;
use crate::parse_layout_debug::RustcScalar;
use crate::parse_probe::OurNiche;
use crate::spec::EnumInstance;

/// The marker of the tag-range bug (see the module documentation).
pub const TAG_RANGE: &str =
    "KNOWN MISMATCH: enum tag valid range (layout-core `tagged()` vs rustc 1.95's largest-gap rule)";

/// The marker of a struct's niche mismatch inherited from a field with the tag-range bug.
pub const TAG_RANGE_INHERITED: &str =
    "KNOWN MISMATCH: a niche inherited from an enum with the known tag-range bug";

/// The struct facts an inherited wrong niche shows in.
const NICHE_FACTS: &[&str] = &[
    "largest niche vs layout_of",
    "niche field vs layout_of",
    "niche count vs layout_of",
    "niche count bound vs layout_of",
];

/// Marks the niche mismatches of the batch's structs whose field types mention an enum with
/// the known tag-range bug, or a struct that does (structs come in definition order, so one
/// pass sees nested structs first).
pub fn mark_inherited(report: &mut EnumReport, batch: &crate::EnumBatch) {
    let mut tainted: Vec<&str> = batch
        .enums
        .iter()
        .filter(|e| {
            let l = label(&e.rustc_name, e.origin);
            report
                .enum_mismatches
                .iter()
                .any(|m| m.known == Some(TAG_RANGE) && m.ty == l)
        })
        .map(|e| e.ty.as_str())
        .collect();
    for (s, types) in batch.structs.iter().zip(&batch.struct_field_types) {
        if !types
            .iter()
            .any(|t| tainted.iter().any(|name| mentions(t, name)))
        {
            continue;
        }
        tainted.push(&s.ty);
        let l = label(&s.rustc_name, s.origin);
        for m in &mut report.structs.mismatches {
            if m.ty == l && m.known.is_none() && NICHE_FACTS.contains(&m.fact.as_str()) {
                m.known = Some(TAG_RANGE_INHERITED);
            }
        }
    }
}

/// Whether type text `ty` names type `name` (as a whole word, not as part of `E23` for `E2`).
fn mentions(ty: &str, name: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    ty.match_indices(name).any(|(at, _)| {
        !word(ty[..at].chars().next_back()) && !word(ty[at + name.len()..].chars().next())
    })
}

/// Whether `ours`' tag-range and niche mismatches against rustc's direct `tag` are exactly the
/// known tag-range bug: rustc's valid range is the one its rule gives for the discriminants
/// rustc itself reported (`discriminant_value` of a live value of every variant), and
/// layoutscope's is the one its signed-or-unsigned rule gives for them.
pub fn is_tag_range_bug(inst: &EnumInstance, ours: &EnumRecord, tag: &RustcScalar) -> bool {
    let OurNiche::Known {
        start, end, size, ..
    } = ours.niche
    else {
        return false;
    };
    let int = inst.repr.discriminant_type();
    if size != tag.size || inst.variants.iter().any(|v| !v.inhabited) || ours.values.is_empty() {
        return false;
    }
    // rustc's own discriminants, as 128-bit two's complement bits.
    let mut values = Vec::new();
    for i in 0..inst.variants.len() {
        let Some(v) = ours.values.iter().find(|v| v.index == i) else {
            return false;
        };
        let bits = match v.rustc_discriminant.parse::<i128>() {
            Ok(n) => n as u128,
            Err(_) => match v.rustc_discriminant.parse::<u128>() {
                Ok(n) => n,
                Err(_) => return false,
            },
        };
        values.push(bits);
    }
    let tag_bits = (tag.size * 8) as u32;
    let rustc = largest_gap_rule(&values, int.signed, int.bits, tag_bits);
    let layoutscope = signed_or_unsigned_rule(&values, tag_bits);
    same_range(rustc, (tag.start, tag.end), tag_bits)
        && same_range(layoutscope, (start, end), tag_bits)
        && !same_range(rustc, layoutscope, tag_bits)
}

/// rustc 1.95's valid range of a direct tag of `tag_bits` bits for discriminants `values` of
/// a `repr_bits`-bit type.
pub fn largest_gap_rule(
    values: &[u128],
    signed: bool,
    repr_bits: u32,
    tag_bits: u32,
) -> (u128, u128) {
    let mut xs: Vec<i128> = values.iter().map(|&b| b as i128).collect();
    if !signed {
        // Unsigned values up to `u128::MAX` do not fit `i128`; for those reprs rustc's values
        // are never negative, so sort them as unsigned.
        let mut us: Vec<u128> = values.to_vec();
        us.sort_unstable();
        xs = us.iter().map(|&u| u as i128).collect();
    } else {
        xs.sort_unstable();
    }
    let top: u128 = if signed {
        (1u128 << (repr_bits - 1)) - 1
    } else if repr_bits == 128 {
        u128::MAX
    } else {
        (1u128 << repr_bits) - 1
    };
    let ordered = |a: i128, b: i128| {
        if signed {
            a <= b
        } else {
            (a as u128) <= (b as u128)
        }
    };
    let key = |(s, e): (i128, i128)| -> u128 {
        let (s, e) = (s as u128, e as u128);
        if ordered(s as i128, e as i128) {
            e.wrapping_sub(s)
        } else {
            top.wrapping_sub(s.wrapping_sub(e))
        }
    };
    let mut best: Option<(i128, i128)> = None;
    for (i, &s) in xs.iter().enumerate() {
        let e = xs[(i + 1) % xs.len()];
        if best.is_none_or(|b| key((s, e)) >= key(b)) {
            best = Some((s, e));
        }
    }
    let (s, e) = best.unwrap_or((0, 0));
    let mask = mask(tag_bits);
    (e as u128 & mask, s as u128 & mask)
}

/// layout-core's rule: the signed range of the tag values, or the unsigned one when narrower.
pub fn signed_or_unsigned_rule(values: &[u128], tag_bits: u32) -> (u128, u128) {
    let mask = mask(tag_bits);
    let shift = 128 - tag_bits;
    let raw: Vec<u128> = values.iter().map(|v| v & mask).collect();
    let signed: Vec<i128> = raw
        .iter()
        .map(|&r| ((r << shift) as i128) >> shift)
        .collect();
    let (smin, smax) = (*signed.iter().min().unwrap(), *signed.iter().max().unwrap());
    let (umin, umax) = (*raw.iter().min().unwrap(), *raw.iter().max().unwrap());
    if (smax as u128).wrapping_sub(smin as u128) <= umax - umin {
        (smin as u128 & mask, smax as u128 & mask)
    } else {
        (umin, umax)
    }
}

fn mask(bits: u32) -> u128 {
    if bits >= 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

/// Equal ranges, or both covering every value.
fn same_range(a: (u128, u128), b: (u128, u128), bits: u32) -> bool {
    let full = |(s, e): (u128, u128)| s.wrapping_sub(e).wrapping_sub(1) & mask(bits) == 0;
    a == b || (full(a) && full(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_whole_names_only() {
        assert!(mentions("Option<E2>", "E2"));
        assert!(mentions("[E2; 3]", "E2"));
        assert!(!mentions("E23", "E2"));
        assert!(!mentions("GE2<u8>", "E2"));
        assert!(mentions("(u8, GE5<u8, bool>)", "GE5<u8, bool>"));
    }

    #[test]
    fn the_rules_on_the_reproducers() {
        // #[repr(i8)] enum E { A = 0, B = 126 }
        assert_eq!(largest_gap_rule(&[0, 126], true, 8, 8), (126, 0));
        assert_eq!(signed_or_unsigned_rule(&[0, 126], 8), (0, 126));
        // #[repr(u8)] enum E { A = 0, B = 100, C = 140, D = 255 }
        let v = [0, 100, 140, 255];
        assert_eq!(largest_gap_rule(&v, false, 8, 8), (255, 140));
        assert_eq!(signed_or_unsigned_rule(&v, 8), (140, 100));
        // Where both agree: 0 and 255 in repr(u8) wrap; HttpStatus; i128 extremes.
        assert_eq!(largest_gap_rule(&[0, 255], false, 8, 8), (255, 0));
        assert_eq!(signed_or_unsigned_rule(&[0, 255], 8), (255, 0));
        assert_eq!(largest_gap_rule(&[200, 404], true, 64, 16), (200, 404));
        let min = i128::MIN as u128;
        let huge = [min, u128::MAX, (i128::MAX - 1) as u128];
        assert_eq!(
            largest_gap_rule(&huge, true, 128, 128),
            (min, (i128::MAX - 1) as u128)
        );
        // 0..=128 in repr(u8): the wrapping gap 129..=255 is the largest.
        let dense: Vec<u128> = (0..=128).collect();
        assert_eq!(largest_gap_rule(&dense, false, 8, 8), (0, 128));
    }
}
