//! The time to total a live value: `layoutscope::values::heap_bytes` and `totals` against
//! `mem_dbg`'s `mem_size` on the same values in one run, with the byte counts of both and of a
//! counting allocator (the truth for everything std allocates).
//!
//! ```sh
//! cargo bench -p layout-bench --bench values
//! ```
//!
//! Each round times every tool once on a value, in an order reversed every other round, and
//! the report gives the median and fastest time of each and the medians of three per-round
//! ratios, so that a slow moment of the machine moves one round rather than one tool:
//! `heap_bytes` against `mem_size(CAPACITY)` (the same number, allocated heap bytes),
//! `totals` against `mem_size(CAPACITY)`, and `totals` against both `mem_size` calls (the
//! allocated and used bytes that one `totals` gives). The figures and their discussion are in
//! `docs/performance.md`.

mod subjects;

#[allow(dead_code, unused_imports)] // the build benchmark's statistics (and tests): medians only here
#[path = "../../src/stats.rs"]
mod stats;

use std::hint::black_box;
use std::mem::size_of_val;
use std::process::ExitCode;
use std::time::Instant;

use layout_testkit::Counting;
use layoutscope::values::{Totals, Visit};
use mem_dbg::{MemSize, SizeFlags};
use stats::median;
use subjects::{
    byte_map, counts, layoutscope_heap_bytes, layoutscope_totals, mem_dbg, Counts, ENTRIES, STRINGS,
};

#[global_allocator]
static GLOBAL: Counting = Counting;

const USAGE: &str = "\
usage: cargo bench -p layout-bench --bench values -- [--rounds N] [--only strings|map]

  --rounds N     alternating rounds (default 51)
  --only VALUE   time one value only: `strings` (the Vec<String>) or `map` (the HashMap)";

fn main() -> ExitCode {
    let mut rounds = 51;
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            // `cargo bench` passes `--bench` to every bench target.
            "--bench" => continue,
            "--rounds" => {
                if let Some(n) = args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0) {
                    rounds = n;
                    continue;
                }
            }
            "--only" => {
                if let Some(value) = args.next().filter(|v| v == "strings" || v == "map") {
                    only = Some(value);
                    continue;
                }
            }
            _ => {}
        }
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    }
    let wanted = |value: &str| only.as_deref().is_none_or(|only| only == value);

    println!(
        "The time to total a value: layoutscope::values::{{heap_bytes, totals}} against \
         mem_dbg's mem_size (0.4.4),\nmedians of {rounds} alternating rounds.\n"
    );
    if wanted("strings") {
        vec_of_strings(rounds);
    }
    if wanted("map") {
        map_of_bytes(rounds);
    }
    ExitCode::SUCCESS
}

fn vec_of_strings(rounds: usize) {
    let (strings, heap) = subjects::strings(STRINGS);
    println!(
        "Vec<String> of {} strings (\"string number {{i}}\", pushed one by one)",
        group(STRINGS)
    );
    report(&strings, rounds);
    let c = counts(&strings);
    let capacities: usize = strings.iter().map(String::capacity).sum();
    let lengths: usize = strings.iter().map(String::len).sum();
    bytes(&c, size_of_val(&strings));
    println!(
        "  counting allocator: {} B allocated (the vector's {} × 24 B + {} B of string buffers; \
         {} B of text)",
        group(heap),
        group(strings.capacity()),
        group(capacities),
        group(lengths)
    );
    println!();
}

fn map_of_bytes(rounds: usize) {
    let (map, heap) = byte_map(ENTRIES);
    println!(
        "HashMap<u64, Vec<u8>> of {} entries (values of 0 to 39 bytes, pushed)",
        group(ENTRIES)
    );
    report(&map, rounds);
    let c = counts(&map);
    bytes(&c, size_of_val(&map));
    println!(
        "  counting allocator: {} B allocated: the table {} B (capacity {}), the byte vectors {} B",
        group(heap.all),
        group(heap.table),
        group(map.capacity()),
        group(heap.all - heap.table)
    );
    println!(
        "  layoutscope's estimate of the table: {} B ({:+} B against the allocator)",
        group(c.layoutscope.estimated.allocated),
        c.layoutscope.estimated.allocated as isize - heap.table as isize
    );
    println!();
}

/// One round's ratio of layoutscope's time to mem_dbg's, from the round's four times
/// (`heap_bytes`, `totals`, `mem_size(CAPACITY)`, `mem_size(default)`).
type Ratio = fn(&[f64; 4]) -> f64;

/// Times the tools on `value`, alternating, and prints the medians and the ratios.
fn report<T: Visit + MemSize>(value: &T, rounds: usize) {
    // Per round: layoutscope's heap_bytes and totals, mem_dbg's CAPACITY and default.
    let mut times: Vec<[f64; 4]> = Vec::with_capacity(rounds);
    // Warm caches and code once.
    let _ = counts(value);
    for round in 0..rounds {
        let mut time = [0.0; 4];
        let [heap, all, cap, len] = &mut time;
        let mut tools: [(&mut f64, &dyn Fn()); 4] = [
            (heap, &|| {
                black_box(layoutscope_heap_bytes::<T>(black_box(value)));
            }),
            (all, &|| {
                black_box(layoutscope_totals::<T>(black_box(value)));
            }),
            (cap, &|| {
                black_box(mem_dbg(black_box(value), SizeFlags::CAPACITY));
            }),
            (len, &|| {
                black_box(mem_dbg(black_box(value), SizeFlags::default()));
            }),
        ];
        if round % 2 == 1 {
            tools.reverse();
        }
        for (time, run) in tools {
            let start = Instant::now();
            run();
            *time = start.elapsed().as_secs_f64() * 1e3;
        }
        times.push(time);
    }
    let column = |i: usize| times.iter().map(move |t| t[i]);
    let fastest = |i: usize| column(i).reduce(f64::min).unwrap_or(f64::NAN);
    println!("  time (ms)                                 median  fastest");
    for (i, name) in [
        "layoutscope heap_bytes     ",
        "layoutscope totals         ",
        "mem_dbg mem_size(CAPACITY) ",
        "mem_dbg mem_size(default)  ",
    ]
    .iter()
    .enumerate()
    {
        let median = median(&column(i).collect::<Vec<_>>()).unwrap_or(f64::NAN);
        println!("    {name}             {median:7.3}  {:7.3}", fastest(i));
    }
    println!("  ratio, per round (below 1: layoutscope is faster)        median  range");
    let ratios: [(&str, Ratio); 3] = [
        (
            "heap_bytes / mem_size(CAPACITY), the same number     ",
            |t| t[0] / t[2],
        ),
        (
            "totals / mem_size(CAPACITY), one call each           ",
            |t| t[1] / t[2],
        ),
        (
            "totals / both mem_size calls, allocated and used     ",
            |t| t[1] / (t[2] + t[3]),
        ),
    ];
    for (name, ratio) in ratios {
        let r: Vec<f64> = times.iter().map(ratio).collect();
        println!(
            "    {name}  {:5.2}  {:.2} to {:.2}",
            median(&r).unwrap_or(f64::NAN),
            r.iter().copied().reduce(f64::min).unwrap_or(f64::NAN),
            r.iter().copied().reduce(f64::max).unwrap_or(f64::NAN),
        );
    }
}

/// The byte counts of both tools.
fn bytes(c: &Counts, header: usize) {
    let t: &Totals = &c.layoutscope;
    println!(
        "  bytes: layoutscope  stack {header} B; heap {} B allocated, {} B used, in {} blocks \
         ({} B estimated)",
        group(t.heap()),
        group(t.owned.used + t.shared.used),
        group(t.owned.blocks + t.shared.blocks),
        group(t.estimated.allocated),
    );
    println!(
        "         layoutscope  heap_bytes {} B allocated ({} B estimated)",
        group(c.heap_bytes.allocated),
        group(c.heap_bytes.estimated),
    );
    println!(
        "         mem_dbg      CAPACITY {} B (heap {} B); default {} B (heap {} B)",
        group(c.mem_dbg_capacity),
        group(c.mem_dbg_capacity - header),
        group(c.mem_dbg_default),
        group(c.mem_dbg_default - header),
    );
}

/// `1234567` as `1,234,567`.
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}
