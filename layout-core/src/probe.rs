//! Probe enums that measure a type's niche with `size_of`, without reading any byte.
//!
//! An enum `{ Data(T), A, B, .. }` with `k` data-less variants is as large as `T` exactly when
//! `T`'s largest niche has `k` free values. Nesting `Option` `k` deep asks the same question
//! for small `k` at the cost of `k` tiny layouts, so counts up to [`EXACT_MAX`] are exact;
//! eight nested 32-variant probes give the next lower bound.

use crate::niche::NicheCount;
use core::mem::size_of;

/// Counts up to this are measured exactly.
pub const EXACT_MAX: u128 = 16;

/// `size_of::<Option<T>>() == size_of::<T>()`.
pub const fn option_fits<T>() -> bool {
    size_of::<Option<T>>() == size_of::<T>()
}

/// An enum that takes 32 free niche values of `T`: as large as `T` exactly when `T`'s largest
/// niche has 32 free values, and then its own niche has 32 fewer.
#[allow(dead_code)]
enum Take32<T> {
    Data(T),
    V0,
    V1,
    V2,
    V3,
    V4,
    V5,
    V6,
    V7,
    V8,
    V9,
    V10,
    V11,
    V12,
    V13,
    V14,
    V15,
    V16,
    V17,
    V18,
    V19,
    V20,
    V21,
    V22,
    V23,
    V24,
    V25,
    V26,
    V27,
    V28,
    V29,
    V30,
    V31,
}

/// [`Take32`] nested eight times: as large as `T` exactly when `T`'s largest niche has 256
/// free values (each level takes 32 of the niche the level inside leaves). Eight levels of
/// 32 cost rustc about as little as one enum of 256 variants, and less than sixteen of 16.
type Take256<T> = Take128<Take128<T>>;
type Take128<T> = Take64<Take64<T>>;
type Take64<T> = Take32<Take32<T>>;

type O1<T> = Option<T>;
type O2<T> = Option<O1<T>>;
type O3<T> = Option<O2<T>>;
type O4<T> = Option<O3<T>>;
type O5<T> = Option<O4<T>>;
type O6<T> = Option<O5<T>>;
type O7<T> = Option<O6<T>>;
type O8<T> = Option<O7<T>>;
type O9<T> = Option<O8<T>>;
type O10<T> = Option<O9<T>>;
type O11<T> = Option<O10<T>>;
type O12<T> = Option<O11<T>>;
type O13<T> = Option<O12<T>>;
type O14<T> = Option<O13<T>>;
type O15<T> = Option<O14<T>>;
type O16<T> = Option<O15<T>>;
type O17<T> = Option<O16<T>>;

const fn fits<E, T>() -> bool {
    size_of::<E>() == size_of::<T>()
}

/// The number of free values in `T`'s largest niche: exact up to [`EXACT_MAX`], then
/// `AtLeast(EXACT_MAX + 1)` or `AtLeast(256)`. Zero-sized types have none.
pub const fn count<T>() -> NicheCount {
    if size_of::<T>() == 0 {
        return NicheCount::Exact(0);
    }
    if !fits::<O1<T>, T>() {
        return NicheCount::Exact(0);
    }
    if !fits::<O2<T>, T>() {
        return NicheCount::Exact(1);
    }
    if !fits::<O3<T>, T>() {
        return NicheCount::Exact(2);
    }
    if !fits::<O4<T>, T>() {
        return NicheCount::Exact(3);
    }
    if !fits::<O5<T>, T>() {
        return NicheCount::Exact(4);
    }
    if !fits::<O6<T>, T>() {
        return NicheCount::Exact(5);
    }
    if !fits::<O7<T>, T>() {
        return NicheCount::Exact(6);
    }
    if !fits::<O8<T>, T>() {
        return NicheCount::Exact(7);
    }
    if !fits::<O9<T>, T>() {
        return NicheCount::Exact(8);
    }
    if !fits::<O10<T>, T>() {
        return NicheCount::Exact(9);
    }
    if !fits::<O11<T>, T>() {
        return NicheCount::Exact(10);
    }
    if !fits::<O12<T>, T>() {
        return NicheCount::Exact(11);
    }
    if !fits::<O13<T>, T>() {
        return NicheCount::Exact(12);
    }
    if !fits::<O14<T>, T>() {
        return NicheCount::Exact(13);
    }
    if !fits::<O15<T>, T>() {
        return NicheCount::Exact(14);
    }
    if !fits::<O16<T>, T>() {
        return NicheCount::Exact(15);
    }
    if !fits::<O17<T>, T>() {
        return NicheCount::Exact(16);
    }
    if fits::<Take256<T>, T>() {
        NicheCount::AtLeast(256)
    } else {
        NicheCount::AtLeast(EXACT_MAX + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fieldless `repr(u8)` enum of one variant: 255 invalid values, one short of 256.
    #[allow(dead_code)]
    #[repr(u8)]
    enum One {
        A,
    }

    /// Two `u16` discriminants far apart: rustc leaves out the inner gap, 65,279 values.
    #[allow(dead_code)]
    #[repr(u16)]
    enum Apart {
        A = 0,
        B = 0x8000,
    }

    #[test]
    fn counts_below_256_and_from_256() {
        assert_eq!(count::<u8>(), NicheCount::Exact(0));
        assert_eq!(count::<Option<bool>>(), NicheCount::AtLeast(EXACT_MAX + 1));
        assert_eq!(count::<bool>(), NicheCount::AtLeast(EXACT_MAX + 1));
        assert_eq!(count::<One>(), NicheCount::AtLeast(EXACT_MAX + 1));
        assert_eq!(count::<Apart>(), NicheCount::AtLeast(256));
        assert_eq!(count::<char>(), NicheCount::AtLeast(256));
        assert_eq!(count::<(One, Apart)>(), NicheCount::AtLeast(256));
        assert_eq!(
            count::<core::cmp::Ordering>(),
            NicheCount::AtLeast(EXACT_MAX + 1)
        );
        assert_eq!(count::<&u8>(), NicheCount::Exact(1));
    }
}
