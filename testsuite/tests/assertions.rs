//! Layout assertions that hold: on the type (derive keys), anywhere (`assert_layout!`,
//! `check_layout!`, the const API, static_assertions) and in tests (`assert_layout_eq!`).
//! The failing side of each is a UI test in `tests/ui/check_*.rs`.

use layoutscope::{assert_layout, assert_layout_eq, check_layout, Layout};
use static_assertions::{assert_eq_size, const_assert, const_assert_eq};

/// A 16-byte packet header with no padding, pinned on the type itself.
#[derive(Layout)]
#[repr(C)]
#[layout(size = 16, align = 8, max_size = 64, no_padding)]
#[allow(dead_code)]
struct Header {
    #[layout(offset = 0)]
    kind: u8,
    flags: u8,
    #[layout(offset = 2)]
    port: u16,
    len: u32,
    #[layout(offset = 8)]
    id: u64,
}

#[derive(Layout)]
#[layout(niche, size = 8)]
#[allow(dead_code)]
struct Handle<'a> {
    target: &'a u32,
}

#[derive(Layout)]
#[repr(u8)]
#[layout(size = 1, niche)]
#[allow(dead_code)]
enum Kind {
    A,
    B,
}

/// Checks on a generic type run for each instantiation that is evaluated.
#[derive(Layout)]
#[layout(max_size = 16)]
#[allow(dead_code)]
struct Slot<T> {
    value: T,
    used: bool,
}

const _: usize = Slot::<u64>::LAYOUT.size;

assert_layout!(
    Header,
    size = 16,
    align = 8,
    offset(id) = 8,
    offset(port) = 2,
    no_padding
);
assert_layout!(Handle<'static>, niche, max_size = 8);
assert_layout!((u8, u16), size = 4);
assert_layout!(Option<Kind>, size = 1, niche);

// The const API composes with static_assertions.
const_assert!(Header::LAYOUT.padding_bytes() == 0);
const_assert_eq!(Header::LAYOUT.size, 16);
assert_eq_size!(Header, [u8; 16]);
const_assert!(matches!(Header::LAYOUT.offset_of("len"), Some(4)));
const _: () = assert!(Kind::LAYOUT.niche.option_fits);

fn store<T: Layout>(value: T) -> T {
    const { check_layout!(T, max_size = 16) };
    value
}

#[test]
fn generic_checks_pass_for_small_types() {
    assert_eq!(store(7u64), 7);
    assert_eq!(store((1u8, 2u32)), (1, 2));
}

#[test]
fn table_assertion_passes_on_the_expected_table() {
    assert_layout_eq!(
        Header,
        "
Header  16 bytes, align 8, repr(C)
 offset  size  align  field  type
      0     1      1  kind   u8
      1     1      1  flags  u8
      2     2      2  port   u16
      4     4      4  len    u32
      8     8      8  id     u64
 fields 16 B · padding 0 B (0.0%) · 1 cache line
 no niche · Option<Self> is larger
"
    );
}

#[test]
fn table_assertion_failure_shows_a_diff() {
    let expected = "
Header  16 bytes, align 8, repr(C)
 offset  size  align  field  type
      0     1      1  kind   u8
      1     1      1  flags  u8
      2     2      2  port   u16
      4     8      8  id     u64
 fields 16 B · padding 0 B (0.0%) · 1 cache line
 no niche · Option<Self> is larger
";
    let failure = std::panic::catch_unwind(|| assert_layout_eq!(Header, expected))
        .expect_err("the tables differ");
    let message = failure
        .downcast_ref::<String>()
        .expect("a formatted message");
    assert!(
        message
            .starts_with("the layout of `Header` is not the expected one (- expected, + actual):"),
        "{message}"
    );
    assert!(
        message.contains("\n-       4     8      8  id     u64\n"),
        "{message}"
    );
    assert!(
        message.contains("\n+       4     4      4  len    u32\n"),
        "{message}"
    );
    assert!(
        message.contains("\n+       8     8      8  id     u64\n"),
        "{message}"
    );
    assert!(
        message.contains("\n        0     1      1  kind   u8\n"),
        "{message}"
    );
}

/// A value aligned to a cache line, as `crossbeam`'s `CachePadded` does it.
#[derive(Layout)]
#[repr(C, align(64))]
struct Line<T>(T);

#[derive(Layout)]
#[repr(C)]
struct Ring {
    head: Line<std::sync::atomic::AtomicUsize>,
    tail: Line<std::sync::atomic::AtomicUsize>,
    len: usize,
    hits: std::sync::atomic::AtomicU64,
}

// Every address a `Ring` can have starts a 64-byte line: the checks are exact.
assert_layout!(Ring, own_line(head), own_line(tail), apart(head, tail, len));
// On 128-byte lines a `Ring` may start half-way into one; `head` and `len` stay apart
// wherever it starts.
assert_layout!(Ring, cache_line = 128, apart(head, len), max_size = 256);

#[test]
fn cache_line_checks_hold_for_every_placement() {
    use layoutscope::check;
    let l = &Ring::LAYOUT;
    assert!(check::own_line(l, "head", 64).failure().is_none());
    assert!(check::atomics_apart(l, 64).failure().is_none());
    // `tail` (64..128) and `head` (0..64) share a 128-byte line when the value starts on one.
    let verdict = check::apart(l, &["head", "tail"], 128);
    let message = verdict.failure().unwrap();
    assert!(message.contains("share a 128-byte cache line"), "{message}");
    // Aligned to 64, a `Ring` may also start 64 bytes into a 128-byte line, where `tail`
    // and `len` meet.
    let verdict = check::apart(l, &["tail", "len"], 128);
    let message = verdict.failure().unwrap();
    assert!(message.contains("starts 64 bytes into a line"), "{message}");
    assert!(check::own_line(l, "len", 64).failure().is_some());
}
