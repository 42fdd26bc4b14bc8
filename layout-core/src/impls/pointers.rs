//! References, raw pointers, `NonNull`, `Box`, `Rc`, `Arc`, `Weak` and fn pointers.

use crate::build::leaf;
use crate::model::{Body, Layout, PointerMeta, TypeLayout};
use crate::niche::{Niche, NicheSummary};
use core::mem::size_of;
use core::ptr::NonNull;

/// Thin or wide, by the pointer's own size.
const fn meta<P>() -> PointerMeta {
    if size_of::<P>() == size_of::<usize>() {
        PointerMeta::Thin
    } else {
        PointerMeta::Wide
    }
}

/// A pointer whose address is never null; the standard library guarantees that `Option` of it
/// is pointer-sized (the "null pointer optimisation").
const fn non_null<P>(name: &'static str) -> TypeLayout {
    leaf::<P>(
        name,
        Body::Pointer(meta::<P>()),
        NicheSummary::known::<P>(Niche::non_null_pointer()),
    )
}

/// A pointer that may be null: no niche.
const fn nullable<P>(name: &'static str) -> TypeLayout {
    leaf::<P>(name, Body::Pointer(meta::<P>()), NicheSummary::none::<P>())
}

/// A smart pointer with private fields: its niche is measured, not located.
#[cfg(feature = "alloc")]
const fn smart<P>(name: &'static str) -> TypeLayout {
    leaf::<P>(
        name,
        Body::Pointer(meta::<P>()),
        NicheSummary::probed::<P>(crate::niche::UnknownReason::Opaque),
    )
}

impl<T: ?Sized> Layout for &T {
    const LAYOUT: TypeLayout = non_null::<Self>("&T");
}

impl<T: ?Sized> Layout for &mut T {
    const LAYOUT: TypeLayout = non_null::<Self>("&mut T");
}

impl<T: ?Sized> Layout for *const T {
    const LAYOUT: TypeLayout = nullable::<Self>("*const T");
}

impl<T: ?Sized> Layout for *mut T {
    const LAYOUT: TypeLayout = nullable::<Self>("*mut T");
}

impl<T: ?Sized> Layout for NonNull<T> {
    const LAYOUT: TypeLayout = non_null::<Self>("NonNull<T>");
}

#[cfg(feature = "alloc")]
mod alloc_pointers {
    use super::*;
    extern crate alloc;
    use alloc::boxed::Box;
    use alloc::rc::{self, Rc};
    use alloc::sync::{self, Arc};

    impl<T: ?Sized> Layout for Box<T> {
        const LAYOUT: TypeLayout = non_null::<Self>("Box<T>");
    }

    impl<T: ?Sized> Layout for Rc<T> {
        const LAYOUT: TypeLayout = smart::<Self>("Rc<T>");
    }

    impl<T: ?Sized> Layout for Arc<T> {
        const LAYOUT: TypeLayout = smart::<Self>("Arc<T>");
    }

    impl<T: ?Sized> Layout for rc::Weak<T> {
        const LAYOUT: TypeLayout = smart::<Self>("rc::Weak<T>");
    }

    impl<T: ?Sized> Layout for sync::Weak<T> {
        const LAYOUT: TypeLayout = smart::<Self>("sync::Weak<T>");
    }
}

macro_rules! fn_pointers {
    ($($arg:ident)*) => {
        fn_pointers!(@one "fn" [fn($($arg),*) -> R] $($arg)*);
        fn_pointers!(@one "unsafe fn" [unsafe fn($($arg),*) -> R] $($arg)*);
        fn_pointers!(@one "extern \"C\" fn" [extern "C" fn($($arg),*) -> R] $($arg)*);
        fn_pointers!(@one "unsafe extern \"C\" fn" [unsafe extern "C" fn($($arg),*) -> R] $($arg)*);
    };
    (@one $name:literal [$t:ty] $($arg:ident)*) => {
        impl<R, $($arg),*> Layout for $t {
            const LAYOUT: TypeLayout = non_null::<Self>($name);
        }
    };
}

fn_pointers!();
fn_pointers!(A);
fn_pointers!(A B);
fn_pointers!(A B C);
fn_pointers!(A B C D);
fn_pointers!(A B C D E);
fn_pointers!(A B C D E F);
