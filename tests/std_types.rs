//! The impls for standard types: sizes and aligns from the compiler, and the niche facts the
//! standard library documents (`bool`, `char`, `NonZero*`, references, `Box`, `NonNull`, fn
//! pointers, `Option` of those). Locations beyond these are checked by `tests/differential.rs`.

use layoutscope::{Body, LargestNiche, Layout, NicheCount, PointerMeta, UnknownReason};
use std::mem::{align_of, size_of};

macro_rules! same_size_and_align {
    ($($t:ty),* $(,)?) => {$(
        assert_eq!(
            (<$t as Layout>::LAYOUT.size, <$t as Layout>::LAYOUT.align),
            (size_of::<$t>(), align_of::<$t>()),
            "{}", stringify!($t)
        );
        assert_eq!(
            <$t as Layout>::LAYOUT.niche.option_fits,
            size_of::<Option<$t>>() == size_of::<$t>(),
            "{}", stringify!($t)
        );
    )*};
}

#[test]
fn sizes_aligns_and_option_fit_match_the_compiler() {
    use std::cell::{Cell, OnceCell, RefCell, UnsafeCell};
    use std::collections::*;
    use std::mem::{ManuallyDrop, MaybeUninit};
    use std::num::*;
    use std::rc::Rc;
    use std::sync::atomic::*;
    use std::sync::*;
    same_size_and_align!(
        u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64, bool, char, (),
        &u8, &mut u64, &str, &[u16], &dyn std::fmt::Debug, *const u8, *mut [u8], fn(u8) -> u8,
        unsafe extern "C" fn(), [u8; 0], [u32; 3], (u8, u32), (char, u8, i32),
        (u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u64),
        Box<u8>, Box<str>, Box<dyn std::any::Any>, Vec<u8>, String, Rc<u8>, Arc<[u8]>,
        std::rc::Weak<u8>, std::sync::Weak<str>, Cell<bool>, RefCell<u8>, UnsafeCell<u32>,
        OnceCell<u8>, Mutex<u64>, RwLock<u8>, OnceLock<bool>, Option<u8>, Option<bool>,
        Option<Option<bool>>, Option<&u8>, Option<Box<u8>>, Option<Vec<u8>>, Result<u32, u8>,
        Result<(), Box<u8>>, NonZeroU8, NonZeroI32, NonZeroU128, std::ptr::NonNull<u8>,
        std::marker::PhantomData<String>, std::marker::PhantomPinned, ManuallyDrop<bool>,
        MaybeUninit<u64>, std::num::Wrapping<u16>, std::num::Saturating<i8>,
        std::time::Duration, AtomicBool, AtomicU64, AtomicPtr<u8>, HashMap<u8, u8>,
        HashSet<u32>, BTreeMap<u8, u8>, BTreeSet<u8>, VecDeque<u8>, LinkedList<u8>,
        BinaryHeap<u8>, std::cmp::Ordering, std::cmp::Reverse<char>,
        std::pin::Pin<Box<u8>>, std::convert::Infallible, std::borrow::Cow<'static, str>,
        std::time::Instant, std::path::PathBuf,
    );
}

#[test]
fn documented_niches_are_located() {
    let bool_niche = bool::LAYOUT.niche.largest.known().unwrap();
    assert_eq!(
        (
            bool_niche.size,
            bool_niche.valid_start,
            bool_niche.valid_end
        ),
        (1, 0, 1)
    );
    assert_eq!(
        char::LAYOUT.niche.count(),
        NicheCount::Exact(u32::MAX as u128 - 0x10FFFF)
    );
    assert_eq!(<&u8>::LAYOUT.niche.count(), NicheCount::Exact(1));
    assert_eq!(
        std::num::NonZeroU8::LAYOUT.niche.count(),
        NicheCount::Exact(1)
    );
    // `None` takes `bool`'s value 2, leaving 253; `Option<&T>` has nothing left.
    let opt_bool = <Option<bool>>::LAYOUT.niche.largest.known().unwrap();
    assert_eq!((opt_bool.valid_start, opt_bool.valid_end), (0, 2));
    assert_eq!(<Option<&u8>>::LAYOUT.niche.largest, LargestNiche::None);
    // The null-pointer optimisation, located at the address word.
    let boxed = <Option<Box<u8>>>::LAYOUT;
    assert_eq!(boxed.size, 8);
    assert_eq!(<fn()>::LAYOUT.niche.count(), NicheCount::Exact(1));
}

#[test]
fn private_insides_are_measured_not_located() {
    match <Vec<u8>>::LAYOUT.niche.largest {
        LargestNiche::Unknown { count, reason } => {
            assert_eq!(reason, UnknownReason::Opaque);
            assert!(count.lower_bound() >= 1);
        }
        other => panic!("Vec's niche location is private: {other:?}"),
    }
    assert_eq!(
        <std::cell::Cell<bool>>::LAYOUT.niche.largest,
        LargestNiche::None
    );
    assert_eq!(
        <std::mem::MaybeUninit<bool>>::LAYOUT.niche.largest,
        LargestNiche::None
    );
    assert!(matches!(<Vec<u8>>::LAYOUT.body, Body::Opaque));
}

#[test]
fn pointers_say_thin_or_wide() {
    assert!(matches!(
        <&u8>::LAYOUT.body,
        Body::Pointer(PointerMeta::Thin)
    ));
    assert!(matches!(
        <&str>::LAYOUT.body,
        Body::Pointer(PointerMeta::Wide)
    ));
    assert!(matches!(
        <&dyn std::fmt::Debug>::LAYOUT.body,
        Body::Pointer(PointerMeta::Wide)
    ));
    assert!(matches!(
        <Box<[u8]>>::LAYOUT.body,
        Body::Pointer(PointerMeta::Wide)
    ));
    assert_eq!(<*const u8>::LAYOUT.niche.largest, LargestNiche::None);
}

#[test]
fn tuples_and_arrays_have_fields_and_offsets() {
    let t = <(char, u8, i32)>::LAYOUT;
    assert_eq!(t.fields().len(), 3);
    assert_eq!(
        t.field("1").unwrap().offset.unwrap(),
        std::mem::offset_of!((char, u8, i32), 1)
    );
    let a = <[u16; 4]>::LAYOUT;
    assert!(matches!(a.body, Body::Array { len: 4, .. }));
    assert_eq!(a.padding_bytes(), 0);
    assert_eq!(<[bool; 3]>::LAYOUT.niche.count(), NicheCount::Exact(254));
    assert_eq!(<[bool; 0]>::LAYOUT.niche.largest, LargestNiche::None);
}

/// The bytes where `Option<T>`'s tag lives, read from a `None` value the compiler built.
/// Sound: the niche bytes of `None` are the encoded tag, which rustc always writes (they are
/// never padding), and the read stays inside the value.
fn none_tag_bytes<T>(offset: usize, size: usize) -> u128 {
    let none: Option<T> = None;
    let base = std::ptr::from_ref(&none).cast::<u8>();
    let mut value = 0u128;
    for i in 0..size {
        // SAFETY: `offset + size <= size_of::<Option<T>>()` (asserted by the caller's layout),
        // and these bytes hold the niche value rustc stores for `None`.
        let byte = unsafe { base.add(offset + i).read() };
        let shift = if cfg!(target_endian = "little") {
            8 * i
        } else {
            8 * (size - 1 - i)
        };
        value |= u128::from(byte) << shift;
    }
    value
}

macro_rules! none_is_the_niche_value {
    ($($t:ty),* $(,)?) => {$(
        let l = &<Option<$t> as Layout>::LAYOUT;
        match l.tag() {
            layoutscope::Tag::Niche { offset, size, untagged, .. } => {
                assert!(offset + size <= size_of::<Option<$t>>(), "{}", stringify!($t));
                assert_eq!(untagged, 1, "{}", stringify!($t));
                assert_eq!(l.tag_value(1), None, "{}", stringify!($t));
                assert_eq!(
                    l.tag_value(0),
                    Some(none_tag_bytes::<$t>(offset, size)),
                    "None of {}",
                    stringify!($t)
                );
                assert_eq!(l.variants()[1].fields[0].offset, Some(0));
            }
            other => panic!("{}: {other:?}", stringify!($t)),
        }
    )*};
}

#[test]
fn option_tags_in_a_niche_hold_the_value_rustc_writes_for_none() {
    use std::num::*;
    none_is_the_niche_value!(
        &u8,
        &[u16],
        Box<u8>,
        fn(),
        bool,
        char,
        NonZeroU8,
        NonZeroI32,
        NonZeroU128,
        Option<bool>,
        Option<Option<bool>>,
        std::cmp::Ordering,
        Option<std::cmp::Ordering>,
        (u8, bool),
        (bool, u8, char),
        [bool; 3],
        (u64, &str),
    );
}

#[test]
fn option_without_a_located_niche_says_unknown() {
    use layoutscope::Tag;
    // No niche: rustc adds a tag whose place Rust does not specify.
    assert_eq!(<Option<u32>>::LAYOUT.tag(), Tag::Unknown);
    assert_eq!(<Option<u32>>::LAYOUT.variants()[1].fields[0].offset, None);
    // A niche inside an opaque type: same size, so `Some`'s field is at 0, but the tag's
    // place inside `Vec` is not reported.
    assert_eq!(<Option<Vec<u8>>>::LAYOUT.tag(), Tag::Unknown);
    assert_eq!(
        <Option<Vec<u8>>>::LAYOUT.variants()[1].fields[0].offset,
        Some(0)
    );
    // `Result` and `Ordering` are enums too.
    let r = <Result<u32, u8>>::LAYOUT;
    assert_eq!(r.variants().len(), 2);
    assert_eq!(r.tag(), Tag::Unknown);
    let o = <std::cmp::Ordering>::LAYOUT;
    let names: Vec<String> = o
        .variants()
        .iter()
        .map(|v| format!("{}={}", v.name, o.discriminant(v)))
        .collect();
    assert_eq!(names, ["Less=-1", "Equal=0", "Greater=1"]);
    assert_eq!(o.tag(), Tag::Direct { offset: 0, size: 1 });
    for (i, v) in [
        std::cmp::Ordering::Less,
        std::cmp::Ordering::Equal,
        std::cmp::Ordering::Greater,
    ]
    .into_iter()
    .enumerate()
    {
        assert_eq!(o.tag_value(i), Some(u128::from(v as i8 as u8)));
    }
}

#[test]
fn debug_output_is_the_same_in_every_run() {
    // No function addresses: the type name is printed as text.
    let text = format!("{:?}", <(u8, Option<bool>)>::LAYOUT);
    assert!(
        text.contains("type_name: \"(u8, core::option::Option<bool>)\""),
        "{text}"
    );
    assert!(!text.contains("0x"), "{text}");
}
