//! A counting global allocator: the truth that heap byte totals are compared with.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Forwards every call to [`System`] and keeps, per thread, the bytes currently allocated
/// (the sizes of the `Layout`s asked for; what `malloc` rounds them up to is not seen), so
/// that tests running in parallel do not see each other's allocations. A test or benchmark
/// binary installs it, and [`measure`] then gives the bytes a value keeps allocated:
///
/// ```
/// use layout_testkit::{measure, Counting};
///
/// #[global_allocator]
/// static GLOBAL: Counting = Counting;
///
/// fn main() {
///     let (_slop, bytes) = measure(|| String::from("slop"));
///     assert_eq!(bytes, 4);
/// }
/// ```
pub struct Counting;

thread_local! {
    // `const` and without a destructor: reading it never allocates.
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

fn add(bytes: isize) {
    // `try_with`: the allocator also runs while a thread's locals are being torn down.
    let _ = LIVE.try_with(|live| live.set(live.get() + bytes));
}

// SAFETY: every method forwards unchanged to `System`, which upholds `GlobalAlloc`'s
// contract; the counter is a thread-local `Cell` that never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: the caller upholds `alloc`'s contract; passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(-(layout.size() as isize));
        // SAFETY: `ptr` came from `System` with this layout (every allocation goes there).
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(new_size as isize - layout.size() as isize);
        // SAFETY: as for `dealloc`; the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// The value `make` builds and the heap bytes it keeps allocated: the live bytes of this
/// thread after `make` minus those before. Meaningful only where [`Counting`] is the global
/// allocator (elsewhere it is 0).
///
/// # Panics
///
/// If `make` freed more than it kept (it dropped something built before it).
pub fn measure<T>(make: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.with(Cell::get);
    let value = std::hint::black_box(make());
    let after = LIVE.with(Cell::get);
    (
        value,
        usize::try_from(after - before).expect("the value freed more than it made"),
    )
}
