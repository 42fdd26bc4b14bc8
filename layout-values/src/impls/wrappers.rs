//! [`Visit`] for the pointers that are not followed (raw pointers, `NonNull`, function
//! pointers), std's small wrappers around one value, `Cow`, and the times.

use std::borrow::{Cow, ToOwned};
use std::cmp::{Ordering, Reverse};
use std::mem::{ManuallyDrop, MaybeUninit};
use std::num::{Saturating, Wrapping};
use std::ptr::NonNull;
use std::time::{Duration, Instant, SystemTime};

use crate::visit::{Visit, Visitor};

/// What a pointer that is not followed says: whether it is null. Where it points is not
/// shown, so that a picture with stable labels stays the same from run to run, and nothing
/// behind it is counted: nothing says that it is valid, or whose the bytes are.
fn not_followed(v: &mut Visitor<'_>, null: bool, what: &str) {
    if null {
        v.value("null");
    } else {
        v.value(format_args!("{what}, not followed"));
    }
}

impl<T: ?Sized> Visit for *const T {
    fn visit(&self, v: &mut Visitor<'_>) {
        not_followed(v, self.is_null(), "raw pointer");
    }
}

impl<T: ?Sized> Visit for *mut T {
    fn visit(&self, v: &mut Visitor<'_>) {
        not_followed(v, self.is_null(), "raw pointer");
    }
}

impl<T: ?Sized> Visit for NonNull<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        not_followed(v, false, "raw pointer");
    }
}

macro_rules! fn_pointers {
    ($(($($arg:ident),*))*) => {$(
        impl<R $(, $arg)*> Visit for fn($($arg),*) -> R {
            fn visit(&self, v: &mut Visitor<'_>) {
                not_followed(v, false, "function pointer");
            }
        }

        impl<R $(, $arg)*> Visit for unsafe fn($($arg),*) -> R {
            fn visit(&self, v: &mut Visitor<'_>) {
                not_followed(v, false, "function pointer");
            }
        }

        impl<R $(, $arg)*> Visit for extern "C" fn($($arg),*) -> R {
            fn visit(&self, v: &mut Visitor<'_>) {
                not_followed(v, false, "function pointer");
            }
        }
    )*};
}

fn_pointers! {
    ()
    (A)
    (A, B)
    (A, B, C)
    (A, B, C, D)
    (A, B, C, D, E)
    (A, B, C, D, E, F)
}

/// A fieldless enum: its one byte is its tag.
impl Visit for Ordering {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.variant(match self {
            Ordering::Less => "Less",
            Ordering::Equal => "Equal",
            Ordering::Greater => "Greater",
        });
    }
}

/// The value inside, which is all of it (`repr(transparent)`); it is visited as it is, and
/// counted, whether or not it will be dropped.
impl<T: Visit + ?Sized> Visit for ManuallyDrop<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.field("value", &**self);
    }
}

macro_rules! newtypes {
    ($($wrapper:ident),*) => {$(
        impl<T: Visit> Visit for $wrapper<T> {
            fn visit(&self, v: &mut Visitor<'_>) {
                v.field("0", &self.0);
            }

            fn is_leaf() -> bool {
                T::is_leaf()
            }

            #[inline]
            fn tally(&self) -> Option<crate::visit::Tally> {
                self.0.tally()
            }

            fn tallies() -> bool {
                T::tallies()
            }
        }
    )*};
}

newtypes!(Wrapping, Saturating, Reverse);

/// Bytes that may be uninitialised are never read, so nothing inside is drawn or counted: a
/// `MaybeUninit<Vec<u8>>` that holds a vector does not count its buffer.
impl<T> Visit for MaybeUninit<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.value("not read: may be uninitialised");
        v.private_fields();
    }
}

/// A borrowed value, drawn behind its reference, or an owned one.
impl<B> Visit for Cow<'_, B>
where
    B: ToOwned + Visit + ?Sized,
    B::Owned: Visit,
{
    fn visit(&self, v: &mut Visitor<'_>) {
        match self {
            Cow::Borrowed(borrowed) => {
                v.variant("Borrowed");
                v.field("0", borrowed);
            }
            Cow::Owned(owned) => {
                v.variant("Owned");
                v.field("0", owned);
            }
        }
    }
}

/// Times, as `Debug` writes them; their fields are private, so their bytes are not split
/// into fields and padding.
macro_rules! times {
    ($($t:ty),*) => {$(
        impl Visit for $t {
            fn visit(&self, v: &mut Visitor<'_>) {
                v.value(format_args!("{self:?}"));
                v.private_fields();
            }
        }
    )*};
}

times!(Duration, Instant, SystemTime);
