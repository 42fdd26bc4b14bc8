//! The values of the totals benchmark (`benches/values/`), on small instances: both tools
//! count the same value, and layoutscope's totals equal the counting allocator's bytes where
//! std specifies them. No time is measured here.

#[path = "../benches/values/subjects.rs"]
mod subjects;

use layout_testkit::Counting;
use layoutscope::values::Visit;
use mem_dbg::{MemSize, SizeFlags};
use subjects::{byte_map, counts, layoutscope_totals, mem_dbg, strings, Counts, ENTRIES, STRINGS};

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What the benchmark reports for `value`, each tool called on its own.
fn checked<T: Visit + MemSize>(value: &T) -> Counts {
    let c = counts(value);
    assert_eq!(c.layoutscope, layoutscope_totals(value));
    assert_eq!(c.heap_bytes.allocated, c.layoutscope.heap());
    assert_eq!(c.heap_bytes.estimated, c.layoutscope.estimated.allocated);
    assert_eq!(c.mem_dbg_capacity, value.mem_size(SizeFlags::CAPACITY));
    assert_eq!(c.mem_dbg_default, mem_dbg(value, SizeFlags::default()));
    c
}

#[test]
fn strings_are_counted_exactly_by_both() {
    let n = STRINGS / 1000;
    let (value, measured) = strings(n);
    assert_eq!(value.len(), n);
    assert!(value.capacity() > n, "the vector has spare capacity");
    assert!(
        value.iter().all(|s| s.capacity() > s.len()),
        "the strings have spare capacity"
    );
    let c = checked(&value);
    let t = c.layoutscope;
    assert_eq!(t.estimated.blocks, 0);
    assert_eq!(t.heap(), measured, "layoutscope's heap bytes");
    assert_eq!(
        t.owned.blocks,
        n + 1,
        "the vector's buffer and one per string"
    );
    let text: usize = value.iter().map(String::len).sum();
    assert_eq!(t.owned.used, n * size_of::<String>() + text);
    // mem_dbg adds the vector's own 24 bytes to its heap; with `CAPACITY` it agrees, without
    // it counts what is used.
    assert_eq!(c.mem_dbg_capacity, size_of::<Vec<String>>() + measured);
    assert_eq!(c.mem_dbg_default, size_of::<Vec<String>>() + t.owned.used);
}

#[test]
fn the_map_is_counted_exactly_apart_from_its_table() {
    let n = ENTRIES / 100;
    let (value, heap) = byte_map(n);
    assert_eq!(value.len(), n);
    let c = checked(&value);
    let t = c.layoutscope;
    assert_eq!(t.estimated.blocks, 1, "the table");
    assert_eq!(
        t.heap_exact(),
        heap.all - heap.table,
        "the byte vectors, exact"
    );
    assert_eq!(t.heap(), t.heap_exact() + t.estimated.allocated);
    // Both estimate the table from its capacity by hashbrown's layout.
    assert_eq!(
        c.mem_dbg_capacity,
        size_of_val(&value) + t.heap(),
        "mem_dbg's CAPACITY and layoutscope's estimate"
    );
    println!(
        "table of {n}: measured {} B, layoutscope {} B, mem_dbg {} B",
        heap.table,
        t.estimated.allocated,
        c.mem_dbg_capacity - size_of_val(&value) - t.heap_exact()
    );
}
