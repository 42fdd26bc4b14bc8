use layoutscope::{assert_layout, Layout};
use std::sync::atomic::AtomicU64;

#[derive(Layout)]
#[repr(C)]
struct Counters {
    hits: AtomicU64,
    misses: AtomicU64,
}

assert_layout!(Counters, atomics_apart);
assert_layout!(Counters, own_line(hits));

#[derive(Layout)]
#[repr(C)]
struct Spread {
    big: [u64; 8],
    flag: AtomicU64,
}

// Apart when a value starts on a line, not when it starts 8 bytes into one.
assert_layout!(Spread, apart(big, flag));
assert_layout!(Spread, cache_line = 48, apart(big, flag));

fn main() {}
