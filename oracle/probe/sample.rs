// Included into the probe crate the oracle writes (`oracle/src/program.rs`) when it
// constructs enum values: one value of every type in the generators' pools (integers, `bool`,
// `char`, `NonZero`, references, `Box`, `Vec`, `Option`, arrays, tuples, ...). Generated and
// case types get theirs from the `OracleSample` impls the oracle writes for them.

/// One value of `Self`, to construct every variant of every enum.
trait OracleSample: Sized {
    fn sample() -> Self;
}

macro_rules! oracle_sample {
    ($($t:ty => $e:expr,)*) => {
        $(impl OracleSample for $t {
            fn sample() -> Self {
                $e
            }
        })*
    };
}

oracle_sample! {
    u8 => 1,
    u16 => 2,
    u32 => 3,
    u64 => 4,
    u128 => 5,
    usize => 6,
    i8 => -1,
    i16 => -2,
    i32 => -3,
    i64 => -4,
    i128 => -5,
    isize => -6,
    f32 => 1.5,
    f64 => 2.5,
    bool => true,
    char => 'x',
    () => (),
    String => String::from("s"),
    &'static str => "s",
    &'static [u8] => &[1, 2],
    &'static dyn Fn() => Box::leak(Box::new(|| {})),
    *const u8 => core::ptr::null(),
    Box<[u8]> => Box::new([1, 2]),
    fn(u8) -> u8 => |x| x,
    core::num::NonZeroU8 => core::num::NonZeroU8::new(1).unwrap(),
    core::num::NonZeroU16 => core::num::NonZeroU16::new(1).unwrap(),
    core::num::NonZeroU32 => core::num::NonZeroU32::new(1).unwrap(),
    core::num::NonZeroU64 => core::num::NonZeroU64::new(1).unwrap(),
    core::num::NonZeroU128 => core::num::NonZeroU128::new(1).unwrap(),
    core::num::NonZeroUsize => core::num::NonZeroUsize::new(1).unwrap(),
    core::num::NonZeroI8 => core::num::NonZeroI8::new(-1).unwrap(),
    core::num::NonZeroI32 => core::num::NonZeroI32::new(-1).unwrap(),
    core::num::NonZeroI64 => core::num::NonZeroI64::new(-1).unwrap(),
    core::cmp::Ordering => core::cmp::Ordering::Greater,
    core::time::Duration => core::time::Duration::from_millis(1),
}

impl<T: OracleSample> OracleSample for Option<T> {
    fn sample() -> Self {
        Some(T::sample())
    }
}
impl<T: OracleSample> OracleSample for Box<T> {
    fn sample() -> Self {
        Box::new(T::sample())
    }
}
impl<T: OracleSample> OracleSample for Vec<T> {
    fn sample() -> Self {
        vec![T::sample()]
    }
}
impl<T: OracleSample + 'static> OracleSample for &'static T {
    fn sample() -> Self {
        Box::leak(Box::new(T::sample()))
    }
}
impl<T: OracleSample, const N: usize> OracleSample for [T; N] {
    fn sample() -> Self {
        core::array::from_fn(|_| T::sample())
    }
}
impl<T: ?Sized> OracleSample for core::marker::PhantomData<T> {
    fn sample() -> Self {
        core::marker::PhantomData
    }
}
impl<T> OracleSample for core::ptr::NonNull<T> {
    fn sample() -> Self {
        core::ptr::NonNull::dangling()
    }
}
impl<T: OracleSample> OracleSample for core::cell::Cell<T> {
    fn sample() -> Self {
        core::cell::Cell::new(T::sample())
    }
}
impl<T: OracleSample> OracleSample for core::mem::ManuallyDrop<T> {
    fn sample() -> Self {
        core::mem::ManuallyDrop::new(T::sample())
    }
}
impl<T: OracleSample> OracleSample for core::mem::MaybeUninit<T> {
    fn sample() -> Self {
        core::mem::MaybeUninit::new(T::sample())
    }
}
impl<T: OracleSample> OracleSample for core::num::Wrapping<T> {
    fn sample() -> Self {
        core::num::Wrapping(T::sample())
    }
}

macro_rules! oracle_sample_tuples {
    ($(($($t:ident),+))*) => {
        $(impl<$($t: OracleSample),+> OracleSample for ($($t,)+) {
            fn sample() -> Self {
                ($($t::sample(),)+)
            }
        })*
    };
}
oracle_sample_tuples! { (A) (A, B) (A, B, C) (A, B, C, D) (A, B, C, D, E) }
