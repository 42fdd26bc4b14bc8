//! [`Visit`] for the primitives and the common std types. Every address, length, capacity and
//! count comes from a safe std API (`as_ptr`, `len`, `capacity`, `strong_count`,
//! `size_of_val`, `align_of_val`); no byte of a value is read.

use std::alloc::Layout;
use std::any::{type_name, Any};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::{Debug, Display};
use std::marker::PhantomData;
use std::mem::{align_of, align_of_val, size_of, size_of_val};
use std::num::NonZero;
use std::rc::{self, Rc};
use std::sync::atomic::{self, Ordering};
use std::sync::{self as sync_, Arc, Mutex, RwLock};

use crate::heap_layout;
use crate::picture::Basis;
use crate::visit::{short, Access, Allocation, Metadata, Tally, Visit, Visitor};

mod paths;
mod wrappers;

fn address<T: ?Sized>(value: &T) -> usize {
    (value as *const T).cast::<u8>() as usize
}

/// The methods of a leaf: plain bytes, counted without a visit.
macro_rules! leaf {
    () => {
        fn is_leaf() -> bool {
            true
        }

        #[inline]
        fn tally(&self) -> Option<Tally> {
            Some(Tally::Leaf)
        }
    };
}

/// Leaves drawn with their `Display` text.
macro_rules! display_leaves {
    ($($t:ty),* $(,)?) => {$(
        impl Visit for $t {
            fn visit(&self, v: &mut Visitor<'_>) {
                v.value(self);
            }

            leaf!();
        }
    )*};
}

display_leaves!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64, bool);

/// Leaves drawn with their `Debug` text.
macro_rules! debug_leaves {
    ($($t:ty),* $(,)?) => {$(
        impl Visit for $t {
            fn visit(&self, v: &mut Visitor<'_>) {
                v.value(format_args!("{self:?}"));
            }

            leaf!();
        }
    )*};
}

debug_leaves!(char, ());

display_leaves!(
    NonZero<u8>,
    NonZero<u16>,
    NonZero<u32>,
    NonZero<u64>,
    NonZero<u128>,
    NonZero<usize>,
    NonZero<i8>,
    NonZero<i16>,
    NonZero<i32>,
    NonZero<i64>,
    NonZero<i128>,
    NonZero<isize>,
);

macro_rules! atomic_leaves {
    ($($t:ident),* $(,)?) => {$(
        impl Visit for atomic::$t {
            fn visit(&self, v: &mut Visitor<'_>) {
                v.value(self.load(Ordering::Relaxed));
            }

            leaf!();
        }
    )*};
}

atomic_leaves!(
    AtomicBool,
    AtomicU8,
    AtomicU16,
    AtomicU32,
    AtomicU64,
    AtomicUsize,
    AtomicI8,
    AtomicI16,
    AtomicI32,
    AtomicI64,
    AtomicIsize
);

impl<T: ?Sized> Visit for PhantomData<T> {
    fn visit(&self, _: &mut Visitor<'_>) {}

    leaf!();
}

impl<T: Copy + Debug> Visit for Cell<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.value(format_args!("{:?}", self.get()));
    }
}

/// Visited through a shared borrow; while it is mutably borrowed its value cannot be reached
/// soundly and is neither drawn nor counted.
impl<T: Visit + ?Sized> Visit for RefCell<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.private_fields();
        match self.try_borrow() {
            Ok(value) => v.field("value", &*value),
            Err(_) => v.value("mutably borrowed: not visited"),
        }
    }
}

/// Visited under `try_lock`; while another holder has the lock its value is neither drawn
/// nor counted.
impl<T: Visit + ?Sized> Visit for Mutex<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.private_fields();
        match self.try_lock() {
            Ok(value) => v.field("data", &*value),
            Err(_) => v.value("locked: not visited"),
        }
    }
}

/// Visited under `try_read`, like [`Mutex`].
impl<T: Visit + ?Sized> Visit for RwLock<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.private_fields();
        match self.try_read() {
            Ok(value) => v.field("data", &*value),
            Err(_) => v.value("locked: not visited"),
        }
    }
}

impl<T: Visit> Visit for Option<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        match self {
            Some(value) => {
                v.variant("Some");
                v.field("0", value);
            }
            None => v.variant("None"),
        }
    }
}

impl<T: Visit, E: Visit> Visit for Result<T, E> {
    fn visit(&self, v: &mut Visitor<'_>) {
        match self {
            Ok(value) => {
                v.variant("Ok");
                v.field("0", value);
            }
            Err(error) => {
                v.variant("Err");
                v.field("0", error);
            }
        }
    }
}

macro_rules! tuples {
    ($(($($name:ident $index:tt),+))*) => {$(
        impl<$($name: Visit),+> Visit for ($($name,)+) {
            fn visit(&self, v: &mut Visitor<'_>) {
                $(v.field(stringify!($index), &self.$index);)+
            }
        }
    )*};
}

tuples! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
}

impl<T: Visit, const N: usize> Visit for [T; N] {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.elements(self);
    }

    fn is_leaf() -> bool {
        T::is_leaf()
    }

    #[inline]
    fn tally(&self) -> Option<Tally> {
        T::is_leaf().then_some(Tally::Leaf)
    }
}

impl<T: Visit> Visit for [T] {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.elements(self);
    }

    fn metadata(&self) -> Metadata {
        Metadata::Len(self.len())
    }
}

impl Visit for str {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.value(format_args!("{self:?}"));
    }

    fn metadata(&self) -> Metadata {
        Metadata::Len(self.len())
    }
}

/// What a pointer's row says: the metadata it carries. A wide pointer whose pointee reports
/// no length is a trait object whose concrete type answered for itself (`dyn Visit`, or a
/// trait with `Visit` as a supertrait): its vtable is that type's.
fn pointer_text<T: Visit + ?Sized>(v: &mut Visitor<'_>, pointee: &T) {
    if !v.drawing() {
        return;
    }
    let wide = size_of::<*const T>() > size_of::<*const u8>();
    let (size, align) = (size_of_val(pointee), align_of_val(pointee));
    match pointee.metadata() {
        Metadata::Thin if wide => v.value(format_args!(
            "vtable of {}: {size} B, align {align}",
            short(pointee.type_name())
        )),
        Metadata::Thin => {}
        Metadata::Len(len) => v.value(format_args!("len {len}")),
        Metadata::Vtable => v.value(format_args!("vtable: {size} B, align {align}")),
    }
}

/// The block of a `Box`'s or a reference's pointee: exactly `size_of_val` bytes (what
/// `Box` allocates, by `Layout::for_value`).
fn pointee<T: Visit + ?Sized>(v: &mut Visitor<'_>, value: &T, access: Access) {
    pointer_text(v, value);
    let size = size_of_val(value);
    v.pointer(
        Allocation {
            start: Some(address(value)),
            size,
            used: size,
            align: align_of_val(value),
            type_name: type_name::<T>(),
            access,
            basis: Basis::Documented,
        },
        |v| v.field("", value),
    );
}

impl<T: Visit + ?Sized> Visit for Box<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        pointee(v, &**self, Access::Owns);
    }
}

impl<T: Visit + ?Sized> Visit for &T {
    fn visit(&self, v: &mut Visitor<'_>) {
        pointee(v, *self, Access::Borrows);
    }
}

impl<T: Visit + ?Sized> Visit for &mut T {
    fn visit(&self, v: &mut Visitor<'_>) {
        pointee(v, &**self, Access::Borrows);
    }
}

/// A buffer of `len` initialised elements out of `capacity` (`Vec`, `String`): exactly
/// `capacity * size_of::<T>()` bytes, as `Vec::from_raw_parts` requires.
fn buffer<T>(
    v: &mut Visitor<'_>,
    start: Option<usize>,
    (len, capacity): (usize, usize),
    type_name: &str,
    basis: Basis,
    contents: impl FnOnce(&mut Visitor<'_>),
) {
    v.value(format_args!("len {len}, cap {capacity}"));
    let element = Layout::new::<T>();
    let (used, size) = buffer_bytes::<T>((len, capacity));
    v.pointer(
        Allocation {
            start,
            size,
            used,
            align: element.align(),
            type_name,
            access: Access::Owns,
            basis,
        },
        |v| {
            contents(v);
            let spare = capacity - len;
            if v.drawing() {
                let start = start.map(|_| used);
                let what = short(std::any::type_name::<T>());
                v.unused(start, size - used, format_args!("{spare} × {what} unused"));
            }
        },
    );
}

/// The bytes of a buffer of `len` elements out of `capacity`: `(used, allocated)`.
#[inline]
fn buffer_bytes<T>((len, capacity): (usize, usize)) -> (usize, usize) {
    let element = Layout::new::<T>();
    (
        heap_layout::buffer(len, element),
        heap_layout::buffer(capacity, element),
    )
}

/// A buffer of leaves, counted without visiting its elements.
#[inline]
fn buffer_tally<T>(counts: (usize, usize)) -> Tally {
    let (used, allocated) = buffer_bytes::<T>(counts);
    Tally::Buffer { used, allocated }
}

impl<T: Visit> Visit for Vec<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        let start = Some(self.as_ptr() as usize);
        let counts = (self.len(), self.capacity());
        buffer::<T>(
            v,
            start,
            counts,
            type_name::<[T]>(),
            Basis::Documented,
            |v| {
                v.elements(self);
            },
        );
    }

    #[inline]
    fn tally(&self) -> Option<Tally> {
        T::is_leaf().then(|| buffer_tally::<T>((self.len(), self.capacity())))
    }

    fn tallies() -> bool {
        T::is_leaf()
    }
}

impl Visit for String {
    fn visit(&self, v: &mut Visitor<'_>) {
        let start = Some(self.as_ptr() as usize);
        let counts = (self.len(), self.capacity());
        buffer::<u8>(v, start, counts, "str", Basis::Documented, |v| {
            if !self.is_empty() {
                v.field("", self.as_str());
            }
        });
    }

    #[inline]
    fn tally(&self) -> Option<Tally> {
        Some(buffer_tally::<u8>((self.len(), self.capacity())))
    }

    fn tallies() -> bool {
        true
    }
}

/// The ring buffer's start is the second slice's when the contents wrap around; otherwise
/// std does not reveal it, and the elements are drawn without offsets.
impl<T: Visit> Visit for VecDeque<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        let (front, back) = self.as_slices();
        let start = (!back.is_empty()).then_some(back.as_ptr() as usize);
        let counts = (self.len(), self.capacity());
        buffer::<T>(
            v,
            start,
            counts,
            type_name::<[T]>(),
            Basis::StdLayout,
            |v| {
                v.elements(front.iter().chain(back));
            },
        );
    }
}

/// A collection whose allocation std does not describe: an estimated block without a known
/// start.
fn estimated(
    v: &mut Visitor<'_>,
    (len, capacity): (usize, Option<usize>),
    (size, align): (usize, usize),
    used: usize,
    type_name: &str,
    contents: impl FnOnce(&mut Visitor<'_>),
) {
    match capacity {
        Some(capacity) => v.value(format_args!("len {len}, cap {capacity}")),
        None => v.value(format_args!("len {len}")),
    }
    v.pointer(
        Allocation {
            start: None,
            size,
            used,
            align,
            type_name,
            access: Access::Owns,
            basis: Basis::Estimate,
        },
        contents,
    );
}

impl<K: Visit, V: Visit, S> Visit for HashMap<K, V, S> {
    fn visit(&self, v: &mut Visitor<'_>) {
        let entry = Layout::new::<(K, V)>();
        let table = heap_layout::hash_table(self.capacity(), entry);
        // The keys' and values' bytes, as the entries' rows count them: the padding of the
        // table's `(K, V)` slots is no value.
        let used = self.len() * (size_of::<K>() + size_of::<V>());
        let counts = (self.len(), Some(self.capacity()));
        estimated(v, counts, table, used, type_name::<[(K, V)]>(), |v| {
            v.entries(self);
        });
    }
}

impl<T: Visit, S> Visit for HashSet<T, S> {
    fn visit(&self, v: &mut Visitor<'_>) {
        let entry = Layout::new::<T>();
        let table = heap_layout::hash_table(self.capacity(), entry);
        let used = self.len() * entry.size();
        let counts = (self.len(), Some(self.capacity()));
        estimated(v, counts, table, used, type_name::<[T]>(), |v| {
            v.members(self);
        });
    }
}

impl<K: Visit, V: Visit> Visit for BTreeMap<K, V> {
    fn visit(&self, v: &mut Visitor<'_>) {
        let size = heap_layout::btree(self.len(), Layout::new::<K>(), Layout::new::<V>());
        let used = self.len() * (size_of::<K>() + size_of::<V>());
        let nodes = (
            size,
            align_of::<usize>()
                .max(align_of::<K>())
                .max(align_of::<V>()),
        );
        estimated(v, (self.len(), None), nodes, used, "B-tree nodes", |v| {
            v.entries(self);
        });
    }
}

impl<T: Visit> Visit for BTreeSet<T> {
    fn visit(&self, v: &mut Visitor<'_>) {
        let size = heap_layout::btree(self.len(), Layout::new::<T>(), Layout::new::<()>());
        let used = self.len() * size_of::<T>();
        let nodes = (size, align_of::<usize>().max(align_of::<T>()));
        estimated(v, (self.len(), None), nodes, used, "B-tree nodes", |v| {
            v.members(self);
        });
    }
}

/// `Rc`/`Arc` and their `Weak`: one allocation holding the two counts and the value
/// ([`heap_layout::counted`]), counted once however many pointers reach it.
macro_rules! counted_pointers {
    ($strong:ident, $weak:ty, $inner:literal) => {
        impl<T: Visit + ?Sized> Visit for $strong<T> {
            fn visit(&self, v: &mut Visitor<'_>) {
                let value: &T = self;
                let counts = ($strong::strong_count(self), $strong::weak_count(self));
                let (whole, offset) = heap_layout::counted(Layout::for_value(value));
                pointer_text(v, value);
                let block = (address(value) - offset, whole, size_of_val(value));
                counted::<T>(v, block, counts, $inner, |v| {
                    v.field("value", value);
                });
            }

            fn metadata(&self) -> Metadata {
                (**self).metadata()
            }
        }

        /// A `Weak` of a sized value: its allocation outlives the value while weak pointers
        /// remain; `Weak::new()` allocates nothing.
        impl<T: Visit> Visit for $weak {
            fn visit(&self, v: &mut Visitor<'_>) {
                let (whole, offset) = heap_layout::counted(Layout::new::<T>());
                if <$weak>::ptr_eq(self, &<$weak>::new()) {
                    v.value("dangling: no allocation");
                    return;
                }
                let counts = (self.strong_count(), self.weak_count());
                let start = self.as_ptr().cast::<u8>() as usize - offset;
                let block = (start, whole, size_of::<T>());
                counted::<T>(v, block, counts, $inner, |v| match self.upgrade() {
                    Some(value) => v.field("value", &*value),
                    None => v.unused(Some(offset), size_of::<T>(), "value dropped"),
                });
            }
        }
    };
}

counted_pointers!(Rc, rc::Weak<T>, "RcInner");
counted_pointers!(Arc, sync_::Weak<T>, "ArcInner");

fn counted<T: ?Sized>(
    v: &mut Visitor<'_>,
    (start, whole, value_size): (usize, Layout, usize),
    (strong, weak): (usize, usize),
    inner: &str,
    value: impl FnOnce(&mut Visitor<'_>),
) {
    let word = size_of::<usize>();
    let type_name = if v.drawing() {
        format!("{inner}<{}>", type_name::<T>())
    } else {
        String::new()
    };
    v.pointer(
        Allocation {
            start: Some(start),
            size: whole.size(),
            used: whole.size(),
            align: whole.align(),
            type_name: &type_name,
            access: Access::Shares { strong, weak },
            basis: Basis::StdLayout,
        },
        |v| {
            v.header("strong_count", 0, word, strong);
            v.header("weak_count", word, word, weak);
            value(v);
            // Between the counts and a value aligned to more than a word, and after the
            // value up to the block's alignment.
            v.block_padding(whole.size() - 2 * word - value_size);
        },
    );
}

/// Trait objects of std's traits: what the vtable says (size and align) and nothing of the
/// inside, which only the concrete type knows; heap blocks the value owns are not counted.
/// A trait of your own with `Visit` as a supertrait needs no impl: `dyn MyTrait` is visited
/// through it.
macro_rules! trait_objects {
    ($($t:ty),* $(,)?) => {$(
        impl Visit for $t {
            fn visit(&self, v: &mut Visitor<'_>) {
                v.value(format_args!(
                    "{} B from the vtable, contents not visited",
                    size_of_val(self)
                ));
            }

            fn metadata(&self) -> Metadata {
                Metadata::Vtable
            }
        }
    )*};
}

trait_objects!(
    dyn Any,
    dyn Any + Send,
    dyn Any + Send + Sync,
    dyn Display,
    dyn std::error::Error,
    dyn std::error::Error + Send + Sync,
    dyn std::io::Write,
    dyn std::io::Read,
    dyn Fn(),
    dyn FnMut(),
);

/// A trait object that can say what it holds; heap blocks the value owns are not visited.
impl Visit for dyn Debug {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.value(format_args!("contents not visited; Debug: {self:?}"));
    }

    fn metadata(&self) -> Metadata {
        Metadata::Vtable
    }
}
