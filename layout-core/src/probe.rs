//! Probe enums that measure a type's niche with `size_of`, without reading any byte.
//!
//! An enum `{ Data(T), A, B, .. }` with `k` data-less variants is as large as `T` exactly when
//! `T`'s largest niche has `k` free values. Nesting `Option` `k` deep asks the same question
//! for small `k` at the cost of `k` tiny layouts, so counts up to [`EXACT_MAX`] are exact;
//! one 256-variant probe gives the next lower bound.

use crate::niche::NicheCount;
use core::mem::size_of;

/// Counts up to this are measured exactly.
pub const EXACT_MAX: u128 = 16;

/// `size_of::<Option<T>>() == size_of::<T>()`.
pub const fn option_fits<T>() -> bool {
    size_of::<Option<T>>() == size_of::<T>()
}

/// An enum that needs 256 free niche values of `T` to be as large as `T`.
#[allow(dead_code)]
enum Wide256<T> {
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
    V32,
    V33,
    V34,
    V35,
    V36,
    V37,
    V38,
    V39,
    V40,
    V41,
    V42,
    V43,
    V44,
    V45,
    V46,
    V47,
    V48,
    V49,
    V50,
    V51,
    V52,
    V53,
    V54,
    V55,
    V56,
    V57,
    V58,
    V59,
    V60,
    V61,
    V62,
    V63,
    V64,
    V65,
    V66,
    V67,
    V68,
    V69,
    V70,
    V71,
    V72,
    V73,
    V74,
    V75,
    V76,
    V77,
    V78,
    V79,
    V80,
    V81,
    V82,
    V83,
    V84,
    V85,
    V86,
    V87,
    V88,
    V89,
    V90,
    V91,
    V92,
    V93,
    V94,
    V95,
    V96,
    V97,
    V98,
    V99,
    V100,
    V101,
    V102,
    V103,
    V104,
    V105,
    V106,
    V107,
    V108,
    V109,
    V110,
    V111,
    V112,
    V113,
    V114,
    V115,
    V116,
    V117,
    V118,
    V119,
    V120,
    V121,
    V122,
    V123,
    V124,
    V125,
    V126,
    V127,
    V128,
    V129,
    V130,
    V131,
    V132,
    V133,
    V134,
    V135,
    V136,
    V137,
    V138,
    V139,
    V140,
    V141,
    V142,
    V143,
    V144,
    V145,
    V146,
    V147,
    V148,
    V149,
    V150,
    V151,
    V152,
    V153,
    V154,
    V155,
    V156,
    V157,
    V158,
    V159,
    V160,
    V161,
    V162,
    V163,
    V164,
    V165,
    V166,
    V167,
    V168,
    V169,
    V170,
    V171,
    V172,
    V173,
    V174,
    V175,
    V176,
    V177,
    V178,
    V179,
    V180,
    V181,
    V182,
    V183,
    V184,
    V185,
    V186,
    V187,
    V188,
    V189,
    V190,
    V191,
    V192,
    V193,
    V194,
    V195,
    V196,
    V197,
    V198,
    V199,
    V200,
    V201,
    V202,
    V203,
    V204,
    V205,
    V206,
    V207,
    V208,
    V209,
    V210,
    V211,
    V212,
    V213,
    V214,
    V215,
    V216,
    V217,
    V218,
    V219,
    V220,
    V221,
    V222,
    V223,
    V224,
    V225,
    V226,
    V227,
    V228,
    V229,
    V230,
    V231,
    V232,
    V233,
    V234,
    V235,
    V236,
    V237,
    V238,
    V239,
    V240,
    V241,
    V242,
    V243,
    V244,
    V245,
    V246,
    V247,
    V248,
    V249,
    V250,
    V251,
    V252,
    V253,
    V254,
    V255,
}

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
    if fits::<Wide256<T>, T>() {
        NicheCount::AtLeast(256)
    } else {
        NicheCount::AtLeast(EXACT_MAX + 1)
    }
}
