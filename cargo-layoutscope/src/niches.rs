//! The largest niche of a type read from the debug info, which records no valid ranges: they
//! are derived here from what the debug info does record, and left unknown where it cannot
//! say.
//!
//! - Leaves: `bool` (`0..=1`), `char` (`0..=0x10FFFF`), references, `Box` and `fn` pointers
//!   (non-null, also the data pointer of wide ones), and the standard library's types whose
//!   valid range is set by an internal attribute the debug info does not show (`NonNull`,
//!   the `core::num::niche_types` integers behind `NonZero`, `Vec`'s capacity and `Duration`).
//!   Any other standard-library newtype of a single scalar might carry such an attribute, so
//!   its niche is unknown.
//! - Structs, tuples, closures, arrays: the field niche with the most free values (rustc's
//!   `univariant`); when several fields tie, rustc's choice depends on which of two candidate
//!   layouts it kept, so the location is unknown (the count is exact).
//! - Enums: a direct tag's valid range is what rustc's `layout_of_enum` leaves after removing
//!   the widest gap between the sorted discriminants of the inhabited variants (computed for
//!   each possible discriminant type, unknown when they disagree, since the debug info does
//!   not record `#[repr]`); a niche-encoded tag is the untagged variant's niche with one value
//!   taken per encoded variant ([`Niche::reserve`], layout-core's rule).
//! - Unions have none.
//!
//! The test suite compares every niche reported here with `#[rustc_layout(debug)]`.

use layout_core::{Body, Field, LargestNiche, Niche, NicheCount, Tag, TypeLayout, UnknownReason};

/// The niche of a primitive or pointer named `name` of `size` bytes.
pub fn leaf(name: &str, body: &Body, size: usize, pointer: usize) -> Option<LargestNiche> {
    let max = max_value(size);
    match body {
        Body::Scalar if name == "bool" => Some(known(Niche::scalar(1, 0, 1))),
        Body::Scalar if name == "char" => Some(known(Niche::scalar(4, 0, 0x10_FFFF))),
        Body::Scalar => Some(LargestNiche::None),
        Body::Pointer(_) if name.starts_with('*') => Some(LargestNiche::None),
        Body::Pointer(_) => Some(known(Niche::scalar(pointer, 1, max_value(pointer)))),
        _ => std_niche(name, size, max, pointer),
    }
}

/// The standard library's types whose valid range an internal attribute sets.
fn std_niche(name: &str, size: usize, max: u128, pointer: usize) -> Option<LargestNiche> {
    const NICHE_TYPES: &str = "core::num::niche_types::";
    let non_null = || known(Niche::scalar(pointer, 1, max_value(pointer)));
    if name.starts_with("core::ptr::non_null::NonNull<") {
        return Some(non_null());
    }
    // References, `Box` and their wide forms (a data pointer and a length or vtable): the
    // data pointer is never null.
    if name.starts_with('&') || name.starts_with("alloc::boxed::Box<") {
        return Some(non_null());
    }
    let inner = name.strip_prefix(NICHE_TYPES)?;
    let range = if inner.starts_with("NonZero") && inner.ends_with("Inner") {
        if inner == "NonZeroCharInner" {
            (1, 0x10_FFFF)
        } else {
            (1, max)
        }
    } else if inner == "UsizeNoHighBit" {
        (0, max >> 1)
    } else if inner == "Nanoseconds" {
        (0, 999_999_999)
    } else if inner.ends_with("NotAllOnes") {
        (0, max - 1)
    } else {
        return Some(unknown(NicheCount::AtLeast(0), UnknownReason::Opaque));
    };
    Some(known(Niche::scalar(size, range.0, range.1)))
}

/// Whether a standard-library struct is a newtype of one scalar that an internal attribute
/// may restrict (so that its niche is unknown unless [`std_niche`] knows it).
pub fn maybe_restricted(name: &str, fields: &[Field], size: usize) -> bool {
    let from_std = ["core::", "alloc::", "std::"]
        .iter()
        .any(|p| name.starts_with(p));
    let sized: Vec<&Field> = fields.iter().filter(|f| f.size() > 0).collect();
    from_std
        && matches!(sized.as_slice(), [f] if f.size() == size
            && matches!(f.layout.body, Body::Scalar | Body::Pointer(_)))
}

/// The largest niche of fields that do not overlap (rustc's `univariant`).
pub fn of_fields(fields: &[Field]) -> LargestNiche {
    let mut best: Option<(u128, Niche)> = None;
    let mut tied = false;
    let mut unknown_bound: Option<NicheCount> = None;
    let mut reason = UnknownReason::Opaque;
    for (i, f) in fields.iter().enumerate() {
        match f.layout.niche.largest {
            LargestNiche::None => {}
            LargestNiche::Known(n) => {
                let Some(offset) = f.offset else {
                    return unknown(NicheCount::AtLeast(n.available()), UnknownReason::Opaque);
                };
                let available = n.available();
                match best {
                    Some((b, _)) if available < b => {}
                    Some((b, _)) if available == b => tied = true,
                    _ => {
                        best = Some((available, n.at(offset, i)));
                        tied = false;
                    }
                }
            }
            LargestNiche::Unknown { count, reason: r } => {
                reason = r;
                unknown_bound = Some(match (unknown_bound, count) {
                    (None, c) => c,
                    (Some(a), c) => NicheCount::AtLeast(a.lower_bound().max(c.lower_bound())),
                });
            }
        }
    }
    let best_count = best.map_or(0, |(b, _)| b);
    if let Some(bound) = unknown_bound {
        // An unknown niche that is known to be smaller than the best located one loses.
        let smaller = matches!(bound, NicheCount::Exact(c) if c < best_count);
        if !smaller {
            let count = match bound {
                NicheCount::Exact(c) => NicheCount::Exact(c.max(best_count)),
                NicheCount::AtLeast(c) => NicheCount::AtLeast(c.max(best_count)),
            };
            return unknown(count, reason);
        }
    }
    match best {
        None => LargestNiche::None,
        Some((count, _)) if tied => unknown(NicheCount::Exact(count), UnknownReason::Tie),
        Some((_, n)) => known(Niche { field: None, ..n }),
    }
}

/// The niche of an array of `len` elements.
pub fn of_array(element: &TypeLayout, len: usize) -> LargestNiche {
    if len == 0 {
        LargestNiche::None
    } else {
        element.niche.largest
    }
}

/// The niche of an enum with this tag; `inhabited[i]` says whether variant `i` can hold a
/// value, and `candidates` are the maximum values of the discriminant types the enum may
/// have (the debug info does not record its `#[repr]`).
pub fn of_enum(
    tag: Tag,
    variants: &[layout_core::Variant],
    inhabited: &[bool],
    candidates: &[u128],
) -> LargestNiche {
    match tag {
        Tag::None => match variants {
            [] => LargestNiche::None,
            [only] => of_fields(only.fields),
            _ => unknown(NicheCount::AtLeast(0), UnknownReason::EnumTag),
        },
        Tag::Direct { offset, size } => {
            // rustc leaves uninhabited variants out of the tag's valid range.
            let inhabited: Vec<layout_core::Variant> = variants
                .iter()
                .zip(inhabited)
                .filter(|(_, inhabited)| **inhabited)
                .map(|(v, _)| *v)
                .collect();
            // The debug info has the discriminants' bits, not their type: a negative one means
            // a signed type.
            let signed = inhabited.iter().any(|v| (v.discriminant as i128) < 0);
            let found: Vec<Niche> = candidates
                .iter()
                .map(|&type_max| Niche {
                    offset,
                    ..layout_core::__direct_tag_niche(&inhabited, size, signed, type_max)
                })
                .collect();
            if found.windows(2).any(|w| w[0] != w[1]) {
                let least = found.iter().map(Niche::available).min().unwrap_or(0);
                return unknown(NicheCount::AtLeast(least), UnknownReason::EnumTag);
            }
            let found = found.first().copied();
            match found {
                Some(n) if n.available() > 0 => known(n),
                Some(_) => LargestNiche::None,
                None => unknown(NicheCount::AtLeast(0), UnknownReason::EnumTag),
            }
        }
        Tag::Niche {
            offset,
            size,
            untagged,
            first,
            last,
            first_value,
        } => {
            let LargestNiche::Known(inner) = of_fields(variants[untagged].fields) else {
                return unknown(NicheCount::AtLeast(0), UnknownReason::EnumTag);
            };
            if inner.offset != offset || inner.size != size {
                return unknown(NicheCount::AtLeast(0), UnknownReason::EnumTag);
            }
            let count = (last - first + 1) as u128;
            let Some(rest) = inner.reserve(count) else {
                return unknown(NicheCount::AtLeast(0), UnknownReason::EnumTag);
            };
            // The first reserved value: just past the valid range's end when the end moved,
            // the new start when the start moved. It must be the debug info's first value.
            let niche_start = if rest.valid_end != inner.valid_end {
                inner.valid_end.wrapping_add(1) & max_value(size)
            } else {
                rest.valid_start
            };
            if niche_start != first_value {
                return unknown(NicheCount::AtLeast(0), UnknownReason::EnumTag);
            }
            if rest.available() > 0 {
                known(Niche {
                    field: None,
                    ..rest
                })
            } else {
                LargestNiche::None
            }
        }
        _ => unknown(NicheCount::AtLeast(0), UnknownReason::EnumTag),
    }
}

fn known(n: Niche) -> LargestNiche {
    LargestNiche::Known(n)
}

fn unknown(count: NicheCount, reason: UnknownReason) -> LargestNiche {
    LargestNiche::Unknown { count, reason }
}

fn max_value(size: usize) -> u128 {
    if size >= 16 {
        u128::MAX
    } else {
        (1u128 << (size * 8)) - 1
    }
}
