//! What std allocates for its pointers and collections: each rule once, with how it is known.
//!
//! `Vec`, `String` and `Box` allocate exactly what their documentation promises. `Rc`, `Arc`
//! and `VecDeque` follow a layout std does not promise but has used unchanged for years; the
//! test suite compares each with a counting allocator, so a change in std fails a test rather
//! than a picture. `HashMap`, `HashSet` and `BTreeMap` keep their allocation sizes private: the
//! figures here are estimates and every picture says so.

use std::alloc::Layout;

/// The allocation behind an `Rc<T>` or `Arc<T>`, and the offset of the value in it.
///
/// std's `RcInner<T>` and `ArcInner<T>` are `#[repr(C)]` structs of two `usize` counts
/// (strong, weak) followed by the value, so the allocation is `[usize; 2]` extended by the
/// value's layout and padded to its alignment. std documents neither type; the test suite
/// checks this against a counting allocator.
pub(crate) fn counted(value: Layout) -> (Layout, usize) {
    let counts = Layout::new::<[usize; 2]>();
    match counts.extend(value) {
        Ok((whole, offset)) => (whole.pad_to_align(), offset),
        // Unreachable for a value that exists (its allocation succeeded); the counts alone is
        // the smallest honest answer.
        Err(_) => (counts, counts.size()),
    }
}

/// The bytes of a `Vec<T>`/`VecDeque<T>` buffer of `capacity` elements: `capacity *
/// size_of::<T>()` (`Vec::from_raw_parts` requires it; `VecDeque` uses the same buffer).
pub(crate) fn buffer(capacity: usize, element: Layout) -> usize {
    capacity.saturating_mul(element.size())
}

/// std's hash tables (hashbrown's SwissTable) control bytes per probe group: 16 where SSE2 is
/// used, else 8.
const GROUP_WIDTH: usize = if cfg!(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
)) {
    16
} else {
    8
};

/// An estimate of the allocation of a `HashMap`/`HashSet` whose `capacity()` is `capacity`,
/// holding entries of layout `entry`: hashbrown's buckets (a power of two with room for
/// `capacity` at 7/8 load), the entries, then one control byte per bucket and one group more;
/// with the allocation's alignment.
pub(crate) fn hash_table(capacity: usize, entry: Layout) -> (usize, usize) {
    let ctrl_align = entry.align().max(GROUP_WIDTH);
    if capacity == 0 {
        return (0, ctrl_align);
    }
    // hashbrown reports `capacity` as `buckets - 1` below 8 buckets, else `buckets / 8 * 7`.
    let buckets = if capacity < 8 {
        capacity + 1
    } else {
        capacity / 7 * 8
    };
    let entries = entry.size().saturating_mul(buckets);
    let ctrl_offset = entries.div_ceil(ctrl_align).saturating_mul(ctrl_align);
    (ctrl_offset + buckets + GROUP_WIDTH, ctrl_align)
}

/// The keys and values a B-tree node holds at most (std's `B = 6`: `2 * B - 1`).
const NODE_CAPACITY: usize = 11;

/// An estimate of the allocations of a `BTreeMap<K, V>` of `len` entries: as many leaf nodes
/// as `len` needs when every node is full (a lower bound: std's nodes are rarely full, and
/// internal nodes also hold edges). A leaf node is a parent pointer, two `u16`s (its index in
/// the parent and its length) and arrays of 11 keys and 11 values.
pub(crate) fn btree(len: usize, key: Layout, value: Layout) -> usize {
    if len == 0 {
        return 0;
    }
    // Not a tuple: the parent pointer and the two `u16`s are fields of the node itself, so
    // the keys start right after them.
    let parent = Layout::new::<usize>();
    let index_and_len = Layout::new::<u16>();
    let keys = array(key, NODE_CAPACITY);
    let values = array(value, NODE_CAPACITY);
    let parts = [index_and_len, index_and_len, keys, values];
    let node = parts
        .into_iter()
        .fold(parent, |node, part| match node.extend(part) {
            Ok((whole, _)) => whole,
            Err(_) => node,
        });
    len.div_ceil(NODE_CAPACITY)
        .saturating_mul(node.pad_to_align().size())
}

fn array(element: Layout, n: usize) -> Layout {
    Layout::from_size_align(element.size().saturating_mul(n), element.align()).unwrap_or(element)
}
