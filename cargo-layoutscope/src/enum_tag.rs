//! From the debug info's variant part to layout-core's [`Tag`]: which encoding rustc chose,
//! where the tag lives, and each variant's discriminant.
//!
//! The debug info does not name the encoding; it follows from the variant values (rustc's
//! `compute_discriminant_value` in `rustc_codegen_llvm`'s enum debug info):
//!
//! - **direct**: every variant has a value, and it is the variant's discriminant; the tag is a
//!   member of its own that no variant's field overlaps;
//! - **niche**: one variant, the untagged one, has no value (its field holds a valid value
//!   where the tag is), or exactly one variant's fields overlap the tag (rustc gives the
//!   untagged variant a value when its niche's valid range is a single value); every other
//!   variant `i` has the value `niche_start + (i - first)` truncated to the tag's size. Only
//!   `repr(Rust)` enums without explicit discriminants are niche-encoded, so their
//!   discriminants are the variant indices.
//!
//! Anything else is reported as [`Tag::Unknown`] rather than guessed. The test suite checks
//! every mapping against `#[rustc_layout(debug)]`.

use layout_core::{IntRepr, Tag};

use crate::layout::int_repr;
use crate::types::{BaseInt, Discr, Member, VariantInfo};

/// The tag of an enum and its variants' discriminants.
#[derive(Debug, PartialEq, Eq)]
pub struct EnumTag {
    /// Where the tag lives and how it encodes the variant.
    pub tag: Tag,
    /// Each variant's discriminant, as bits of `int` sign-extended to 128 bits.
    pub discriminants: Vec<u128>,
    /// The type of the discriminants as stored.
    pub int: IntRepr,
}

/// Maps a variant part onto a tag. `absent[i]` says whether variant `i` is absent from the
/// layout (uninhabited and zero-sized), which rustc leaves out of a niche's range ends;
/// `size_of` gives the size of a field's type.
pub fn map(
    discr: Option<Discr>,
    variants: &[VariantInfo],
    absent: &[bool],
    size_of: impl Fn(&Member) -> Option<u64>,
) -> EnumTag {
    let indices = || (0..variants.len()).map(|i| i as u128).collect::<Vec<_>>();
    let Some(discr) = discr else {
        return EnumTag {
            tag: Tag::None,
            discriminants: indices(),
            int: IntRepr::Isize,
        };
    };
    let unknown = || EnumTag {
        tag: Tag::Unknown,
        discriminants: indices(),
        int: IntRepr::Isize,
    };
    let (Ok(offset), Ok(size)) = (
        usize::try_from(discr.offset),
        usize::try_from(discr.int.size),
    ) else {
        return unknown();
    };
    let tag_end = discr.offset + discr.int.size;
    let overlaps = |v: &VariantInfo| {
        v.fields.iter().any(|f| {
            let len = size_of(f).unwrap_or(0);
            len > 0 && f.offset < tag_end && discr.offset < f.offset + len
        })
    };
    let without_value: Vec<usize> = (0..variants.len())
        .filter(|&i| variants[i].value.is_none())
        .collect();
    let overlapping: Vec<usize> = (0..variants.len())
        .filter(|&i| overlaps(&variants[i]))
        .collect();
    let untagged = match (without_value.as_slice(), overlapping.as_slice()) {
        ([], []) => {
            return EnumTag {
                tag: Tag::Direct { offset, size },
                discriminants: variants.iter().map(|v| v.value.unwrap_or(0)).collect(),
                int: int_repr(discr.int),
            };
        }
        ([u], []) | ([u], [_]) | ([], [u]) => *u,
        _ => return unknown(),
    };
    if let ([u], [o]) = (without_value.as_slice(), overlapping.as_slice()) {
        if u != o {
            return unknown();
        }
    }
    match niche_range(discr.int, variants, absent, untagged) {
        Some((first, last, first_value)) => EnumTag {
            tag: Tag::Niche {
                offset,
                size,
                untagged,
                first,
                last,
                first_value,
            },
            discriminants: indices(),
            int: IntRepr::Isize,
        },
        None => unknown(),
    }
}

/// `first..=last` and the value of `first`, when the values of the encoded variants follow
/// rustc's rule `value(i) = value(first) + (i - first)` (wrapping in the tag's size).
fn niche_range(
    int: BaseInt,
    variants: &[VariantInfo],
    absent: &[bool],
    untagged: usize,
) -> Option<(usize, usize, u128)> {
    let mask = if int.size >= 16 {
        u128::MAX
    } else {
        (1u128 << (int.size * 8)) - 1
    };
    let encoded: Vec<usize> = (0..variants.len())
        .filter(|&i| i != untagged && !absent.get(i).copied().unwrap_or(false))
        .collect();
    let (&first, &last) = (encoded.first()?, encoded.last()?);
    let first_value = variants[first].value? & mask;
    for &i in &encoded {
        let expected = first_value.wrapping_add((i - first) as u128) & mask;
        if variants[i].value? & mask != expected {
            return None;
        }
    }
    Some((first, last, first_value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(name: &str, value: Option<u128>, fields: &[(&str, u64)]) -> VariantInfo {
        VariantInfo {
            name: name.to_owned(),
            value,
            fields: fields
                .iter()
                .map(|(ty, offset)| Member {
                    name: "0".to_owned(),
                    ty: (*ty).to_owned(),
                    offset: *offset,
                })
                .collect(),
        }
    }

    fn size(m: &Member) -> Option<u64> {
        Some(match m.ty.as_str() {
            "u64" => 8,
            "i32" => 4,
            "Vec" => 24,
            _ => 0,
        })
    }

    const U64: BaseInt = BaseInt {
        size: 8,
        signed: false,
    };

    #[test]
    fn the_seed_data_enum_keeps_its_tag_in_the_vec_capacity() {
        // enum Data { Empty, Number(i32), Array(Vec<i32>) } as rustc 1.95 describes it.
        let variants = [
            variant("Empty", Some(0x8000_0000_0000_0000), &[]),
            variant("Number", Some(0x8000_0000_0000_0001), &[("i32", 8)]),
            variant("Array", None, &[("Vec", 0)]),
        ];
        let discr = Discr {
            offset: 0,
            int: U64,
        };
        let mapped = map(Some(discr), &variants, &[false; 3], size);
        assert_eq!(
            mapped.tag,
            Tag::Niche {
                offset: 0,
                size: 8,
                untagged: 2,
                first: 0,
                last: 1,
                first_value: 0x8000_0000_0000_0000
            }
        );
        assert_eq!(mapped.discriminants, [0, 1, 2]);
    }

    #[test]
    fn values_on_every_variant_and_no_overlap_are_a_direct_tag() {
        let variants = [
            variant("A", Some(3), &[("i32", 4)]),
            variant("B", Some(200), &[]),
        ];
        let discr = Discr {
            offset: 0,
            int: BaseInt {
                size: 1,
                signed: false,
            },
        };
        let mapped = map(Some(discr), &variants, &[false; 2], size);
        assert_eq!(mapped.tag, Tag::Direct { offset: 0, size: 1 });
        assert_eq!(mapped.discriminants, [3, 200]);
        assert_eq!(mapped.int, IntRepr::U8);
    }

    #[test]
    fn values_that_do_not_follow_the_niche_rule_are_unknown() {
        let variants = [
            variant("A", Some(5), &[]),
            variant("B", None, &[("u64", 0)]),
            variant("C", Some(9), &[]),
        ];
        let discr = Discr {
            offset: 0,
            int: U64,
        };
        assert_eq!(
            map(Some(discr), &variants, &[false; 3], size).tag,
            Tag::Unknown
        );
    }

    #[test]
    fn no_discriminant_member_is_no_tag() {
        let variants = [variant("Only", None, &[("u64", 0)])];
        assert_eq!(map(None, &variants, &[false], size).tag, Tag::None);
    }
}
