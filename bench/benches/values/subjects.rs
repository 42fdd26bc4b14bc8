//! The values the benchmark totals, built the way programs build them, and what each tool
//! and the counting allocator say about one value. Shared by the benchmark and its test.

use std::collections::HashMap;

use layout_testkit::measure;
use layoutscope::values::{heap_bytes, totals, HeapBytes, Totals, Visit};
use mem_dbg::{MemSize, SizeFlags};

/// Strings in the benchmark's `Vec<String>`.
pub const STRINGS: usize = 1_000_000;
/// Entries in the benchmark's `HashMap<u64, Vec<u8>>`.
pub const ENTRIES: usize = 100_000;

/// `n` strings `"string number {i}"`, pushed one by one: the vector grows by doubling (its
/// capacity ends above `n`), and `format!` gives each string twice its literal part, 28 bytes,
/// for 15 to 20 bytes of text. With the heap bytes they keep allocated.
pub fn strings(n: usize) -> (Vec<String>, usize) {
    measure(|| {
        let mut strings = Vec::new();
        for i in 0..n {
            strings.push(format!("string number {i}"));
        }
        strings
    })
}

/// A map of `n` entries, keys spread over `u64` and values of `i % 40` bytes grown by `push`
/// (capacities 0, 8, 16, 32 and 64). With the heap bytes it keeps allocated, and the part of
/// them that is the hash table itself (the byte vectors are built before it, then moved in).
pub fn byte_map(n: usize) -> (HashMap<u64, Vec<u8>>, Heap) {
    let ((map, table), all) = measure(|| {
        let mut pairs: Vec<(u64, Vec<u8>)> = (0..n as u64)
            .map(|i| {
                let mut bytes = Vec::new();
                for b in 0..i % 40 {
                    bytes.push(b as u8);
                }
                (i.wrapping_mul(0x9e37_79b9_7f4a_7c15), bytes)
            })
            .collect();
        measure(|| {
            let mut map = HashMap::new();
            for (key, bytes) in pairs.drain(..) {
                map.insert(key, bytes);
            }
            map
        })
    });
    (map, Heap { all, table })
}

/// Heap bytes a map keeps allocated, as the counting allocator measured them.
#[derive(Clone, Copy, Debug)]
pub struct Heap {
    /// Everything: the table and the blocks its values own.
    pub all: usize,
    /// The hash table's own allocation.
    pub table: usize,
}

/// What the two tools say about one value.
#[derive(Clone, Copy, Debug)]
pub struct Counts {
    /// `layoutscope::values::totals`.
    pub layoutscope: Totals,
    /// `layoutscope::values::heap_bytes`.
    pub heap_bytes: HeapBytes,
    /// `mem_size(SizeFlags::CAPACITY)`: allocated bytes, the value's own `size_of` included.
    pub mem_dbg_capacity: usize,
    /// `mem_size(SizeFlags::default())`: bytes in use, the value's own `size_of` included.
    pub mem_dbg_default: usize,
}

/// The two tools' counts of the one `value` (the same reference goes to both).
pub fn counts<T: Visit + MemSize>(value: &T) -> Counts {
    Counts {
        layoutscope: layoutscope_totals(value),
        heap_bytes: layoutscope_heap_bytes(value),
        mem_dbg_capacity: mem_dbg(value, SizeFlags::CAPACITY),
        mem_dbg_default: mem_dbg(value, SizeFlags::default()),
    }
}

/// What the benchmark times for layoutscope (never inlined, as `mem_dbg`: each tool's cost
/// is one function in a profile).
#[inline(never)]
pub fn layoutscope_totals<T: Visit>(value: &T) -> Totals {
    totals(value)
}

/// The other function the benchmark times for layoutscope: the heap bytes alone.
#[inline(never)]
pub fn layoutscope_heap_bytes<T: Visit>(value: &T) -> HeapBytes {
    heap_bytes(value)
}

/// What the benchmark times for mem_dbg.
#[inline(never)]
pub fn mem_dbg<T: MemSize>(value: &T, flags: SizeFlags) -> usize {
    value.mem_size(flags)
}
