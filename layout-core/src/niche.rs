//! Niches: bit patterns a type never holds, which enums such as `Option<T>` reuse as tags.
//!
//! rustc tracks one niche per layout, the *largest* one: a scalar (integer, `bool`, `char`,
//! pointer…) somewhere in the value whose valid range leaves values free. layoutscope
//! reports three facts with different guarantees:
//!
//! - [`NicheSummary::option_fits`]: whether `Option<T>` is as large as `T`, compared with
//!   `size_of` by the compiler itself. Always exact.
//! - [`NicheSummary::count`]: how many values the largest niche has free. Exact when the niche
//!   is located (computed from the valid range); otherwise measured with probe enums and exact
//!   up to [`PROBE_EXACT_MAX`], a lower bound beyond it.
//! - [`LargestNiche::Known`]: where the niche lives. Reported only when the field types say so
//!   without ambiguity (leaf types with documented valid ranges, structs whose fields all
//!   have known niches and a single largest one); otherwise [`LargestNiche::Unknown`] with
//!   the reason. Never a guess: every location is checked against `#[rustc_layout(debug)]`
//!   in the test suite, and every layout checks in `const` that its niche count agrees with
//!   `size_of::<Option<T>>()`.

use crate::model::Field;
use crate::probe;
use crate::repr::Repr;

/// The largest niche of a type and whether `Option<T>` uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NicheSummary {
    /// `size_of::<Option<T>>() == size_of::<T>()`.
    pub option_fits: bool,
    /// The largest niche, as far as it is known.
    pub largest: LargestNiche,
}

/// Where the largest niche lives, if that is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LargestNiche {
    /// The type has no niche: every bit pattern of every non-padding byte is valid.
    None,
    /// The niche's location and valid range.
    Known(Niche),
    /// The type has (or may have) a niche, but Rust gives no sound way to say where.
    Unknown {
        /// How many values are free.
        count: NicheCount,
        /// Why the location is not reported.
        reason: UnknownReason,
    },
}

/// A scalar inside a value whose valid range leaves some values free.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Niche {
    /// Byte offset of the scalar inside the value.
    pub offset: usize,
    /// Size of the scalar in bytes (1, 2, 4, 8 or 16).
    pub size: usize,
    /// First valid value (the range is inclusive and may wrap around, as in rustc).
    pub valid_start: u128,
    /// Last valid value.
    pub valid_end: u128,
    /// Index (in [`crate::TypeLayout::fields`]) of the field the niche lives in; `None` when it is
    /// the value itself. Follow the field's own layout for the rest of the path.
    pub field: Option<usize>,
}

/// A count of free niche values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NicheCount {
    /// Exactly this many.
    Exact(u128),
    /// At least this many (probes stop at a bound).
    AtLeast(u128),
}

/// Why a niche's location is not reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnknownReason {
    /// The niche is inside a type whose fields are private or not described (`Vec`,
    /// `#[layout(opaque)]` fields…).
    Opaque,
    /// Several fields have equally large niches and the compiler's choice among them depends
    /// on its field-reordering heuristics, which are not specified.
    Tie,
    /// The niche is the tag of a `repr(Rust)` enum, whose location is not specified.
    EnumTag,
}

/// The largest niche count that probes measure exactly; above it they give a lower bound.
pub const PROBE_EXACT_MAX: u128 = probe::EXACT_MAX;

impl Niche {
    /// A niche that is the whole value: a scalar of `size` bytes valid in `start..=end`.
    pub const fn scalar(size: usize, valid_start: u128, valid_end: u128) -> Niche {
        Niche {
            offset: 0,
            size,
            valid_start,
            valid_end,
            field: None,
        }
    }

    /// The niche of a non-null pointer (references, `Box`, `NonNull`, fn pointers).
    pub const fn non_null_pointer() -> Niche {
        Niche::scalar(core::mem::size_of::<usize>(), 1, usize::MAX as u128)
    }

    /// The largest value a scalar of this size holds.
    #[must_use]
    pub const fn max_value(&self) -> u128 {
        if self.size >= 16 {
            u128::MAX
        } else {
            (1u128 << (self.size * 8)) - 1
        }
    }

    /// How many values lie outside the valid range.
    #[must_use]
    pub const fn available(&self) -> u128 {
        self.valid_start
            .wrapping_sub(self.valid_end)
            .wrapping_sub(1)
            & self.max_value()
    }

    /// This niche as seen from a value that holds it at `offset`, in field `field`.
    #[must_use]
    pub const fn at(self, offset: usize, field: usize) -> Niche {
        Niche {
            offset: self.offset + offset,
            field: Some(field),
            ..self
        }
    }

    /// The niche left after an enum takes `count` of its values for its other variants
    /// (rustc's `Niche::reserve`: the bound nearer to zero moves, without moving past zero
    /// when the other bound can avoid it). `None` when fewer than `count` are free.
    #[must_use]
    pub const fn reserve(self, count: u128) -> Option<Niche> {
        if count == 0 || count > self.available() {
            return None;
        }
        let max = self.max_value();
        let (start, end) = (self.valid_start, self.valid_end);
        let move_start = Niche {
            valid_start: start.wrapping_sub(count) & max,
            ..self
        };
        let move_end = Niche {
            valid_end: end.wrapping_add(count) & max,
            ..self
        };
        let distance_end_zero = max - end;
        let moved = if start > end {
            move_end
        } else if start <= distance_end_zero {
            if count <= start {
                move_start
            } else {
                move_end
            }
        } else {
            let new_end = end.wrapping_add(count) & max;
            if new_end >= 1 && new_end <= end {
                move_start
            } else {
                move_end
            }
        };
        Some(moved)
    }
}

impl NicheCount {
    /// The count, if exact.
    #[must_use]
    pub const fn exact(self) -> Option<u128> {
        match self {
            NicheCount::Exact(n) => Some(n),
            NicheCount::AtLeast(_) => None,
        }
    }

    /// A number the count is known to reach.
    #[must_use]
    pub const fn lower_bound(self) -> u128 {
        match self {
            NicheCount::Exact(n) | NicheCount::AtLeast(n) => n,
        }
    }
}

impl LargestNiche {
    /// How many values the largest niche leaves free.
    #[must_use]
    pub const fn count(&self) -> NicheCount {
        match self {
            LargestNiche::None => NicheCount::Exact(0),
            LargestNiche::Known(n) => NicheCount::Exact(n.available()),
            LargestNiche::Unknown { count, .. } => *count,
        }
    }

    /// The located niche, if any.
    #[must_use]
    pub const fn known(&self) -> Option<Niche> {
        match self {
            LargestNiche::Known(n) => Some(*n),
            _ => None,
        }
    }
}

impl NicheSummary {
    /// How many values the largest niche leaves free.
    #[must_use]
    pub const fn count(&self) -> NicheCount {
        self.largest.count()
    }

    /// A summary for a type with no niche.
    pub const fn none<T>() -> NicheSummary {
        NicheSummary::checked::<T>(LargestNiche::None)
    }

    /// A summary for a type whose largest niche is known.
    pub const fn known<T>(niche: Niche) -> NicheSummary {
        NicheSummary::checked::<T>(LargestNiche::Known(niche))
    }

    /// A summary measured by probes only: count bounded, location unknown.
    pub const fn probed<T>(reason: UnknownReason) -> NicheSummary {
        let largest = match probe::count::<T>() {
            NicheCount::Exact(0) => LargestNiche::None,
            count => LargestNiche::Unknown { count, reason },
        };
        NicheSummary::checked::<T>(largest)
    }

    /// Builds the summary and proves it consistent with the compiler: a niche model that
    /// disagreed with `size_of::<Option<T>>()` fails the build instead of reporting a lie.
    pub const fn checked<T>(largest: LargestNiche) -> NicheSummary {
        let option_fits = probe::option_fits::<T>();
        if core::mem::size_of::<T>() > 0 {
            let has_niche = largest.count().lower_bound() > 0;
            let model_unsure = matches!(largest, LargestNiche::Unknown { .. });
            if !model_unsure && has_niche != option_fits {
                panic!("layoutscope: computed niche disagrees with size_of::<Option<T>>(); please report this type");
            }
        }
        NicheSummary {
            option_fits,
            largest,
        }
    }
}

/// The largest niche of a struct-like value from its fields, as rustc's `univariant` picks it:
/// the field niche with most free values; among equals, the first in memory order, or the
/// last one when rustc's end-biased alternative layout wins.
pub const fn of_fields(fields: &[Field], size: usize, repr: Repr) -> LargestNiche {
    let mut best = 0u128;
    let mut first: Option<usize> = None;
    let mut last: Option<usize> = None;
    let mut ties = 0usize;
    let mut unknown_exact = 0u128;
    let mut unknown_at_least: Option<u128> = None;
    let mut reason = UnknownReason::Opaque;

    let mut i = 0;
    while i < fields.len() {
        match fields[i].layout.niche.largest {
            LargestNiche::None => {}
            LargestNiche::Known(n) => {
                let available = n.available();
                let offset = fields[i].placed() + n.offset;
                if available > best {
                    best = available;
                    first = Some(i);
                    last = Some(i);
                    ties = 1;
                } else if available == best && available > 0 {
                    ties += 1;
                    if let Some(f) = first {
                        if offset < fields[f].placed() + niche_offset(&fields[f]) {
                            first = Some(i);
                        }
                    }
                    if let Some(l) = last {
                        if offset > fields[l].placed() + niche_offset(&fields[l]) {
                            last = Some(i);
                        }
                    }
                }
            }
            LargestNiche::Unknown { count, reason: r } => {
                reason = r;
                match count {
                    NicheCount::Exact(c) => {
                        if c > unknown_exact {
                            unknown_exact = c;
                        }
                    }
                    NicheCount::AtLeast(c) => {
                        unknown_at_least = match unknown_at_least {
                            Some(prev) if prev >= c => Some(prev),
                            _ => Some(c),
                        };
                    }
                }
            }
        }
        i += 1;
    }

    // A field of unknown location competes with the best known one whenever it may be as
    // large: then neither the location nor (with a lower bound) the count is certain.
    if let Some(c) = unknown_at_least {
        let mut bound = if best > c { best } else { c };
        if unknown_exact > bound {
            bound = unknown_exact;
        }
        return LargestNiche::Unknown {
            count: NicheCount::AtLeast(bound),
            reason,
        };
    }
    if unknown_exact > 0 && unknown_exact >= best {
        return LargestNiche::Unknown {
            count: NicheCount::Exact(unknown_exact),
            reason,
        };
    }
    let (Some(first), Some(last)) = (first, last) else {
        return LargestNiche::None;
    };
    if ties == 1 {
        return LargestNiche::Known(located(&fields[first], first));
    }
    if !repr.keeps_field_order() {
        return LargestNiche::Unknown {
            count: NicheCount::Exact(best),
            reason: UnknownReason::Tie,
        };
    }
    // Declaration order is kept, so rustc's start- and end-biased layouts have the same offsets
    // and differ only in which tied niche they pick; it keeps the end-biased one when that
    // niche is further from the start than the first one and than the first one's tail space.
    let start = located(&fields[first], first);
    let end = located(&fields[last], last);
    let head_space = start.offset;
    let tail_space = size - start.offset - start.size;
    if fields.len() > 1
        && head_space != 0
        && tail_space > 0
        && end.offset > head_space
        && end.offset > tail_space
    {
        LargestNiche::Known(end)
    } else {
        LargestNiche::Known(start)
    }
}

const fn niche_offset(field: &Field) -> usize {
    match field.layout.niche.largest {
        LargestNiche::Known(n) => n.offset,
        _ => 0,
    }
}

const fn located(field: &Field, index: usize) -> Niche {
    match field.layout.niche.largest {
        LargestNiche::Known(n) => n.at(field.placed(), index),
        // Only called for fields whose niche is known.
        _ => Niche::scalar(0, 0, 0),
    }
}

/// The niche of `Option<T>` given `T`'s: the `None` value takes one free value of `T`'s niche
/// (which must exist for `Option<T>` to be as large as `T`); without one, `Option<T>` adds a
/// tag whose location rustc does not specify.
pub const fn of_option<T>(inner: &NicheSummary) -> LargestNiche {
    match inner.largest {
        LargestNiche::Known(n) => match n.reserve(1) {
            Some(rest) if rest.available() > 0 => LargestNiche::Known(Niche {
                field: None,
                ..rest
            }),
            Some(_) => LargestNiche::None,
            None => probed_tag::<Option<T>>(),
        },
        LargestNiche::None => probed_tag::<Option<T>>(),
        LargestNiche::Unknown { reason, .. } => match probe::count::<Option<T>>() {
            NicheCount::Exact(0) => LargestNiche::None,
            count => LargestNiche::Unknown { count, reason },
        },
    }
}

const fn probed_tag<E>() -> LargestNiche {
    match probe::count::<E>() {
        NicheCount::Exact(0) => LargestNiche::None,
        count => LargestNiche::Unknown {
            count,
            reason: UnknownReason::EnumTag,
        },
    }
}
