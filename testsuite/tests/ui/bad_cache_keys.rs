// Malformed cache-line keys: each is rejected at the key, with what to write instead.
use layoutscope::Layout;
use std::sync::atomic::AtomicU64;

#[derive(Layout)]
#[repr(C, align(64))]
#[layout(apart, cache_line, atomics_apart = 1)]
struct Bare {
    #[layout(own_line = 1)]
    head: AtomicU64,
    tail: AtomicU64,
}

#[derive(Layout)]
#[repr(C)]
#[layout(apart(), apart(head), atomics_apart, atomics_apart, cache_lines = 128)]
struct Short {
    head: AtomicU64,
    #[layout(own_line, own_line)]
    tail: AtomicU64,
}

#[derive(Layout)]
enum Message {
    Quit,
    Move(#[layout(own_line)] u32),
}

fn main() {}
