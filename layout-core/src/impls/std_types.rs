//! `Option`, `Result`, `NonZero`, wrappers, cells, atomics, collections and other std types.

use crate::build::{aggregate, field, generic_field, generic_unplaced, leaf, opaque, Opaque};
use crate::enums::{Tag, Variant};
use crate::model::{Body, Layout, StructKind, TypeLayout, TypeName};
use crate::niche::{self, LargestNiche, Niche, NicheSummary, UnknownReason};
use crate::repr::{IntRepr, Repr};
use core::cmp::{Ordering, Reverse};
use core::marker::{PhantomData, PhantomPinned};
use core::mem::{align_of, size_of, ManuallyDrop, MaybeUninit};
use core::num::{self, Saturating, Wrapping};
use core::pin::Pin;

/// A standard enum with `repr(Rust)` (discriminants `isize`), from its variants and tag.
const fn std_enum<E>(
    name: &'static str,
    variants: &'static [Variant],
    tag: Tag,
    niche: NicheSummary,
) -> TypeLayout {
    TypeLayout {
        name,
        type_name: TypeName::of::<E>(),
        size: size_of::<E>(),
        align: align_of::<E>(),
        repr: Repr::RUST,
        body: Body::Enum {
            variants,
            tag,
            discriminant: IntRepr::Isize,
        },
        niche,
    }
}

/// `Option<T>`: `None` (0) and `Some(T)` (1). When `Option<T>` is as large as `T`, `Some`'s
/// field fills the value (offset 0), and when `T`'s largest niche is located, `None` is the
/// value rustc reserves in it (`Niche::reserve`): the tag is that niche. Otherwise rustc adds
/// a tag whose place it does not specify.
impl<T: Layout> Layout for Option<T> {
    const LAYOUT: TypeLayout = {
        let fits = size_of::<Option<T>>() == size_of::<T>();
        let tag = match T::LAYOUT.niche.largest {
            LargestNiche::Known(n) if fits => match n.reserve(1) {
                Some(rest) => Tag::Niche {
                    offset: n.offset,
                    size: n.size,
                    untagged: 1,
                    first: 0,
                    last: 0,
                    first_value: if rest.valid_start != n.valid_start {
                        rest.valid_start
                    } else {
                        n.valid_end.wrapping_add(1) & n.max_value()
                    },
                },
                None => Tag::Unknown,
            },
            _ => Tag::Unknown,
        };
        std_enum::<Self>(
            "Option<T>",
            if fits {
                &OptionVariants::<T>::PLACED
            } else {
                &OptionVariants::<T>::UNPLACED
            },
            tag,
            NicheSummary::checked::<Self>(niche::of_option::<T>(&T::LAYOUT.niche)),
        )
    };
}

/// `None` and `Some(T)`, with `Some`'s field at offset 0 or at an unknown offset.
struct OptionVariants<T>(PhantomData<T>);

impl<T: Layout> OptionVariants<T> {
    const PLACED: [Variant; 2] = [
        Variant::unit("None", 0),
        Variant {
            name: "Some",
            discriminant: 1,
            kind: StructKind::TupleStruct,
            fields: &[generic_field::<T>("0", "T", 0)],
        },
    ];
    const UNPLACED: [Variant; 2] = [
        Variant::unit("None", 0),
        Variant {
            name: "Some",
            discriminant: 1,
            kind: StructKind::TupleStruct,
            fields: &[generic_unplaced::<T>("0", "T")],
        },
    ];
}

/// `Result<T, E>`: `Ok(T)` (0) and `Err(E)` (1), whose payloads are described by size, align
/// and niche (`T` and `E` need not implement [`Layout`]); rustc does not specify where the
/// tag and the payloads are.
impl<T, E> Layout for Result<T, E> {
    const LAYOUT: TypeLayout = std_enum::<Self>(
        "Result<T, E>",
        &[
            Variant {
                name: "Ok",
                discriminant: 0,
                kind: StructKind::TupleStruct,
                fields: &[generic_unplaced::<Opaque<T>>("0", "T")],
            },
            Variant {
                name: "Err",
                discriminant: 1,
                kind: StructKind::TupleStruct,
                fields: &[generic_unplaced::<Opaque<E>>("0", "E")],
            },
        ],
        Tag::Unknown,
        NicheSummary::probed::<Self>(UnknownReason::EnumTag),
    );
}

/// `#[repr(i8)]` with the documented discriminants -1, 0 and 1: the whole byte is the tag.
impl Layout for Ordering {
    const LAYOUT: TypeLayout = TypeLayout {
        repr: Repr::int(IntRepr::I8),
        body: Body::Enum {
            variants: &[
                Variant::unit("Less", -1i128 as u128),
                Variant::unit("Equal", 0),
                Variant::unit("Greater", 1),
            ],
            tag: Tag::Direct { offset: 0, size: 1 },
            discriminant: IntRepr::I8,
        },
        ..std_enum::<Ordering>(
            "Ordering",
            &[],
            Tag::None,
            NicheSummary::known::<Ordering>(Niche::scalar(1, 0xff, 1)),
        )
    };
}

impl Layout for core::convert::Infallible {
    const LAYOUT: TypeLayout =
        std_enum::<Self>("Infallible", &[], Tag::None, NicheSummary::none::<Self>());
}

macro_rules! non_zero {
    ($($t:ident),*) => {$(
        impl Layout for num::$t {
            const LAYOUT: TypeLayout = leaf::<Self>(
                stringify!($t),
                Body::Scalar,
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
            const LAYOUT: TypeLayout = aggregate::<Self>($name, Repr::RUST, StructKind::Unit, &[]);
        }
    )*};
}

marker! {
    [T: ?Sized] PhantomData<T> => "PhantomData<T>";
    [] PhantomPinned => "PhantomPinned";
}

/// `repr(transparent)` wrappers that the standard library documents as having `T`'s layout.
macro_rules! transparent {
    ($([$($g:tt)*] $t:ty => $name:literal, $kind:ident $field:literal: $inner:ident;)*) => {$(
        impl<$($g)*> Layout for $t {
            const LAYOUT: TypeLayout = aggregate::<Self>(
                $name,
                Repr::TRANSPARENT,
                StructKind::$kind,
                &[field::<$inner>($field, stringify!($inner), 0)],
            );
        }
    )*};
}

transparent! {
    [T: Layout] Wrapping<T> => "Wrapping<T>", TupleStruct "0": T;
    [T: Layout] Saturating<T> => "Saturating<T>", TupleStruct "0": T;
    [T: Layout] Reverse<T> => "Reverse<T>", TupleStruct "0": T;
    [T: Layout] ManuallyDrop<T> => "ManuallyDrop<T>", Named "value": T;
    [P: Layout] Pin<P> => "Pin<Ptr>", Named "pointer": P;
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
