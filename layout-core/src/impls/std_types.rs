//! `Option`, `Result`, `NonZero`, wrappers, cells, atomics, collections and other std types.

use crate::build::{aggregate, field, leaf, opaque};
use crate::model::{Layout, Shape, TypeLayout};
use crate::niche::{self, Niche, NicheSummary, UnknownReason};
use crate::repr::Repr;
use core::cmp::{Ordering, Reverse};
use core::marker::{PhantomData, PhantomPinned};
use core::mem::{size_of, ManuallyDrop, MaybeUninit};
use core::num::{self, Saturating, Wrapping};
use core::pin::Pin;

impl<T: Layout> Layout for Option<T> {
    const LAYOUT: TypeLayout = leaf::<Self>(
        "Option<T>",
        Shape::Enum,
        NicheSummary::checked::<Self>(niche::of_option::<T>(&T::LAYOUT.niche)),
    );
}

impl<T, E> Layout for Result<T, E> {
    const LAYOUT: TypeLayout = leaf::<Self>(
        "Result<T, E>",
        Shape::Enum,
        NicheSummary::probed::<Self>(UnknownReason::EnumTag),
    );
}

impl Layout for Ordering {
    // `#[repr(i8)]` with the documented discriminants -1, 0 and 1.
    const LAYOUT: TypeLayout = TypeLayout {
        repr: Repr::int(crate::IntRepr::I8),
        ..leaf::<Ordering>(
            "Ordering",
            Shape::Enum,
            NicheSummary::known::<Ordering>(Niche::scalar(1, 0xff, 1)),
        )
    };
}

impl Layout for core::convert::Infallible {
    const LAYOUT: TypeLayout =
        leaf::<Self>("Infallible", Shape::Enum, NicheSummary::none::<Self>());
}

macro_rules! non_zero {
    ($($t:ident),*) => {$(
        impl Layout for num::$t {
            const LAYOUT: TypeLayout = leaf::<Self>(
                stringify!($t),
                Shape::Scalar,
                NicheSummary::known::<Self>(non_zero_niche(size_of::<Self>())),
            );
        }
    )*};
}

/// Every value but zero, as an unsigned scalar of `size` bytes.
const fn non_zero_niche(size: usize) -> Niche {
    let max = Niche::scalar(size, 0, 0).max_value();
    Niche::scalar(size, 1, max)
}

non_zero!(
    NonZeroU8,
    NonZeroU16,
    NonZeroU32,
    NonZeroU64,
    NonZeroU128,
    NonZeroUsize,
    NonZeroI8,
    NonZeroI16,
    NonZeroI32,
    NonZeroI64,
    NonZeroI128,
    NonZeroIsize
);

/// Zero-sized markers.
macro_rules! marker {
    ($([$($g:tt)*] $t:ty => $name:literal;)*) => {$(
        impl<$($g)*> Layout for $t {
            const LAYOUT: TypeLayout = aggregate::<Self>($name, Repr::RUST, Shape::UnitStruct, &[]);
        }
    )*};
}

marker! {
    [T: ?Sized] PhantomData<T> => "PhantomData<T>";
    [] PhantomPinned => "PhantomPinned";
}

/// `repr(transparent)` wrappers that the standard library documents as having `T`'s layout.
macro_rules! transparent {
    ($([$($g:tt)*] $t:ty => $name:literal, $field:literal: $inner:ident;)*) => {$(
        impl<$($g)*> Layout for $t {
            const LAYOUT: TypeLayout = aggregate::<Self>(
                $name,
                Repr::TRANSPARENT,
                Shape::Struct,
                &[field::<$inner>($field, stringify!($inner), 0)],
            );
        }
    )*};
}

transparent! {
    [T: Layout] Wrapping<T> => "Wrapping<T>", "0": T;
    [T: Layout] Saturating<T> => "Saturating<T>", "0": T;
    [T: Layout] Reverse<T> => "Reverse<T>", "0": T;
    [T: Layout] ManuallyDrop<T> => "ManuallyDrop<T>", "value": T;
    [P: Layout] Pin<P> => "Pin<Ptr>", "pointer": P;
}

/// Types with private or unspecified insides: exact size, align and measured niche.
macro_rules! opaque {
    ($([$($g:tt)*] $t:ty => $name:literal;)*) => {$(
        impl<$($g)*> Layout for $t {
            const LAYOUT: TypeLayout = opaque::<Self>($name);
        }
    )*};
}

opaque! {
    [T] MaybeUninit<T> => "MaybeUninit<T>";
    [T] core::cell::Cell<T> => "Cell<T>";
    [T] core::cell::RefCell<T> => "RefCell<T>";
    [T] core::cell::UnsafeCell<T> => "UnsafeCell<T>";
    [T] core::cell::OnceCell<T> => "OnceCell<T>";
    [] core::time::Duration => "Duration";
    [T] core::ops::Range<T> => "Range<T>";
    [T] core::ops::RangeInclusive<T> => "RangeInclusive<T>";
    [] core::any::TypeId => "TypeId";
    [] core::alloc::Layout => "alloc::Layout";
}

mod atomics {
    use super::*;
    #[cfg(target_has_atomic = "8")]
    opaque! {
        [] core::sync::atomic::AtomicBool => "AtomicBool";
        [] core::sync::atomic::AtomicU8 => "AtomicU8";
        [] core::sync::atomic::AtomicI8 => "AtomicI8";
    }
    #[cfg(target_has_atomic = "16")]
    opaque! {
        [] core::sync::atomic::AtomicU16 => "AtomicU16";
        [] core::sync::atomic::AtomicI16 => "AtomicI16";
    }
    #[cfg(target_has_atomic = "32")]
    opaque! {
        [] core::sync::atomic::AtomicU32 => "AtomicU32";
        [] core::sync::atomic::AtomicI32 => "AtomicI32";
    }
    #[cfg(target_has_atomic = "64")]
    opaque! {
        [] core::sync::atomic::AtomicU64 => "AtomicU64";
        [] core::sync::atomic::AtomicI64 => "AtomicI64";
    }
    #[cfg(target_has_atomic = "ptr")]
    opaque! {
        [] core::sync::atomic::AtomicUsize => "AtomicUsize";
        [] core::sync::atomic::AtomicIsize => "AtomicIsize";
        [T] core::sync::atomic::AtomicPtr<T> => "AtomicPtr<T>";
    }
}

#[cfg(feature = "alloc")]
mod collections {
    use super::*;
    extern crate alloc;
    use alloc::borrow::{Cow, ToOwned};
    use alloc::collections::{BTreeMap, BTreeSet, BinaryHeap, LinkedList, VecDeque};
    use alloc::string::String;
    use alloc::vec::Vec;

    opaque! {
        [T] Vec<T> => "Vec<T>";
        [] String => "String";
        [T] VecDeque<T> => "VecDeque<T>";
        [K, V] BTreeMap<K, V> => "BTreeMap<K, V>";
        [T] BTreeSet<T> => "BTreeSet<T>";
        [T] LinkedList<T> => "LinkedList<T>";
        [T] BinaryHeap<T> => "BinaryHeap<T>";
        ['a, B: ?Sized + ToOwned] Cow<'a, B> => "Cow<'a, B>";
    }
}

#[cfg(feature = "std")]
mod std_only {
    use super::*;
    extern crate std;
    use std::collections::{HashMap, HashSet};
    use std::sync::{Condvar, Mutex, OnceLock, RwLock};

    opaque! {
        [K, V, S] HashMap<K, V, S> => "HashMap<K, V, S>";
        [T, S] HashSet<T, S> => "HashSet<T, S>";
        [T] Mutex<T> => "Mutex<T>";
        [T] RwLock<T> => "RwLock<T>";
        [T] OnceLock<T> => "OnceLock<T>";
        [] Condvar => "Condvar";
        [] std::time::Instant => "Instant";
        [] std::time::SystemTime => "SystemTime";
        [] std::path::PathBuf => "PathBuf";
        [] std::ffi::OsString => "OsString";
        [] std::ffi::CString => "CString";
    }
}
