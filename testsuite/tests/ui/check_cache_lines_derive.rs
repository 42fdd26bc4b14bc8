use layoutscope::Layout;
use std::sync::atomic::{AtomicU64, AtomicUsize};

#[derive(Layout)]
#[repr(C)]
#[layout(atomics_apart, apart(hits, misses))]
struct Counters {
    hits: AtomicU64,
    #[layout(own_line)]
    misses: AtomicU64,
}

#[derive(Layout)]
#[repr(C, align(128))]
#[layout(cache_line = 128, apart(head, tial))]
struct Queue {
    head: AtomicUsize,
    tail: AtomicUsize,
}

#[derive(Layout)]
#[layout(apart(a, b))]
enum NotAStruct {
    A(u8),
}

fn main() {}
