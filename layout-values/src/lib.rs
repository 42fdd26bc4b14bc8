//! Pictures of live values for [layoutscope](https://docs.rs/layoutscope): a value's bytes at
//! their real offsets, every block of memory it points to, and byte totals that equal what
//! the allocator handed out.
//!
//! Most users reach this crate through the `layoutscope` facade (`layoutscope::show`,
//! `layoutscope::values`, and `#[derive(Layout)]` with `#[layout(values)]`).
//!
//! # How the numbers are known
//!
//! - Offsets are addresses of the live value's fields (taken from references, as
//!   `LayoutOfVal` does for enums) minus the address of the block that holds them.
//! - Heap blocks are sized by what std promises: `capacity * size_of::<T>()` for `Vec` and
//!   `String`, `size_of_val` for a `Box`'s pointee. `Rc`/`Arc` blocks (two `usize` counts
//!   before the value) and `VecDeque` buffers follow std's current layout, which std does not
//!   promise: they are marked [`Basis::StdLayout`], and the test suite compares them with a
//!   counting allocator. `HashMap`, `HashSet`, `BTreeMap` and `BTreeSet` keep their
//!   allocation sizes private: their blocks are [`Basis::Estimate`], and the totals say how
//!   many bytes are estimated.
//! - A block is counted once, however many pointers reach it (two `Rc`s, a cycle): owned
//!   blocks have one owner by construction; shared and borrowed ones are remembered by address.
//! - What a reference points to is drawn but counted apart, as borrowed; on Linux, borrowed
//!   bytes inside a read-only mapping of the executable's file (`/proc/self/maps`: addresses
//!   compared, nothing read) are marked as its read-only data ([`BlockKind::StaticData`]).
//! - Behind `dyn Visit` (and a trait with `Visit` as a supertrait) the value is visited in
//!   full through the vtable; behind other trait objects only its size and alignment are
//!   known, and the picture says its contents are not visited.
//!
//! # Rules of this crate
//!
//! It contains no `unsafe` code (`#![forbid(unsafe_code)]`): every address, length, capacity
//! and count is read through std's safe APIs (`as_ptr`, `len`, `capacity`, `strong_count`,
//! `size_of_val`, `align_of_val`), and no byte of a value is ever read, so uninitialised
//! bytes (padding, spare capacity) are never touched. Which words of a `Vec` or a wide
//! pointer come first is not specified by Rust and is not shown: a `Vec` is one row of three
//! words with its length and capacity, a `&dyn Trait` one row of two words with the
//! pointee's size and alignment from its vtable. A `RefCell` mutably borrowed or a `Mutex`
//! locked elsewhere during the visit is reported as such, and what it holds is not counted.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod facts;
mod heap_layout;
mod impls;
mod picture;
mod show;
mod static_data;
mod svg;
mod text;
mod theme;
mod visit;

pub use picture::{
    Basis, Block, BlockKind, Bytes, HeapBytes, Padding, Picture, Row, RowKind, Target, Totals,
};
pub use show::{heap_bytes, show, totals, Show};
pub use visit::{Access, Allocation, Metadata, Tally, Visit, Visitor};
