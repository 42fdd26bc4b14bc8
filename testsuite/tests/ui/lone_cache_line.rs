// `cache_line = N` without a cache-line check would check nothing: rejected at the key.
use layoutscope::Layout;
use std::sync::atomic::AtomicU64;

#[derive(Layout)]
#[repr(C)]
#[layout(size = 16, cache_line = 128)]
struct Counters {
    hits: AtomicU64,
    misses: AtomicU64,
}

#[derive(Layout)]
#[layout(cache_line = 64)]
enum State {
    Idle,
    Busy(u32),
}

// With a check to size, it is accepted.
#[derive(Layout)]
#[repr(C, align(128))]
#[layout(cache_line = 128, apart(hits, misses))]
struct Padded {
    hits: AtomicU64,
    _pad: [u8; 120],
    misses: AtomicU64,
}

fn main() {}
