//! Compile-time layout checks with messages that say the actual and the expected value.
//!
//! `const` panics cannot use `format_args!` with numbers, so each check writes its message
//! into a fixed buffer by hand and returns it in a [`Verdict`]. The derive's
//! `#[layout(size = ..)]` keys and the [`assert_layout!`](crate::assert_layout) macro panic
//! with that string in the user's own `const` item, so the compiler shows the message at the
//! key, e.g. ``size of `Header` is 24 bytes, expected 16``, without notes from inside this
//! crate. [`Verdict::assert`] panics here instead, for direct use.
//!
//! ```
//! # extern crate layout_core as layoutscope;
//! use layoutscope::{check, Layout};
//!
//! const V: check::Verdict = check::size(&<(u8, u32)>::LAYOUT, 8);
//! assert!(V.failure().is_none());
//! assert_eq!(
//!     check::size(&<u16>::LAYOUT, 4).failure(),
//!     Some("size of `u16` is 2 bytes, expected 4")
//! );
//! ```

use crate::model::{Field, TypeLayout};
use crate::niche::LargestNiche;
use crate::padding::ByteRange;

/// The outcome of one check: nothing, or the message of a failure.
#[must_use = "a check does nothing until its failure is reported: use `assert` or `failure`"]
pub struct Verdict(Option<Message>);

impl Verdict {
    const PASS: Verdict = Verdict(None);

    /// The failure's message, if the check failed.
    pub const fn failure(&self) -> Option<&str> {
        match &self.0 {
            Some(m) => Some(m.as_str()),
            None => None,
        }
    }

    /// Panics with the failure's message, if the check failed.
    pub const fn assert(self) {
        if let Some(m) = self.failure() {
            panic!("{}", m);
        }
    }
}

/// A message built in `const`.
struct Message {
    buf: [u8; 512],
    len: usize,
}

impl Message {
    const fn new() -> Message {
        Message {
            buf: [0; 512],
            len: 0,
        }
    }

    const fn str(mut self, s: &str) -> Message {
        let bytes = s.as_bytes();
        let mut i = 0;
        // Past the buffer the message is cut (at a char boundary, below), never wrong.
        while i < bytes.len() && self.len < self.buf.len() - 3 {
            self.buf[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    const fn num(mut self, mut n: usize) -> Message {
        let mut digits = [0u8; 20];
        let mut count = 0;
        loop {
            digits[count] = b'0' + (n % 10) as u8;
            count += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        while count > 0 && self.len < self.buf.len() - 3 {
            count -= 1;
            self.buf[self.len] = digits[count];
            self.len += 1;
        }
        self
    }

    const fn bytes(self, n: usize) -> Message {
        self.num(n).str(if n == 1 { " byte" } else { " bytes" })
    }

    const fn range(self, start: usize, end: usize) -> Message {
        self.num(start).str("..").num(end)
    }

    const fn fail(self) -> Verdict {
        Verdict(Some(self))
    }

    const fn as_str(&self) -> &str {
        let (mut head, _) = self.buf.split_at(self.len);
        // A cut inside a multi-byte name: drop the partial character.
        loop {
            match core::str::from_utf8(head) {
                Ok(s) => return s,
                Err(e) => head = head.split_at(e.valid_up_to()).0,
            }
        }
    }
}

const fn named(l: &TypeLayout, what: &str) -> Message {
    Message::new().str(what).str(" `").str(l.name).str("` is ")
}

/// `n` as a `usize`, for a number written in an attribute that may not fit this target's
/// `usize` (a 64-bit size checked on a 32-bit target): the build fails at the key instead of
/// comparing with a truncated number.
#[doc(hidden)]
pub const fn bytes(n: u64) -> usize {
    if n > usize::MAX as u64 {
        panic!("layoutscope: this number of bytes does not fit in this target's `usize`");
    }
    n as usize
}

/// Fails unless `size_of` the type is `expected`.
pub const fn size(l: &TypeLayout, expected: usize) -> Verdict {
    if l.size == expected {
        return Verdict::PASS;
    }
    named(l, "size of")
        .bytes(l.size)
        .str(", expected ")
        .num(expected)
        .fail()
}

/// Fails unless `align_of` the type is `expected`.
pub const fn align(l: &TypeLayout, expected: usize) -> Verdict {
    if l.align == expected {
        return Verdict::PASS;
    }
    named(l, "align of")
        .num(l.align)
        .str(", expected ")
        .num(expected)
        .fail()
}

/// Fails when the type is larger than `max` bytes.
pub const fn max_size(l: &TypeLayout, max: usize) -> Verdict {
    if l.size <= max {
        return Verdict::PASS;
    }
    named(l, "size of")
        .bytes(l.size)
        .str(", more than the maximum of ")
        .num(max)
        .fail()
}

/// Fails unless field `field` is at offset `expected`; a missing field's message lists the
/// fields there are.
pub const fn offset(l: &TypeLayout, field: &str, expected: usize) -> Verdict {
    match l.field(field) {
        Some(f) if f.placed() == expected => Verdict::PASS,
        Some(f) => Message::new()
            .str("offset of `")
            .str(l.name)
            .str(".")
            .str(field)
            .str("` is ")
            .num(f.placed())
            .str(", expected ")
            .num(expected)
            .fail(),
        None => {
            let fields = l.fields();
            let mut m = Message::new()
                .str("`")
                .str(l.name)
                .str("` has no field `")
                .str(field)
                .str("`");
            if fields.is_empty() {
                return m.str(" (it has no fields)").fail();
            }
            m = m.str("; its fields are ");
            let mut i = 0;
            while i < fields.len() {
                if i > 0 {
                    m = m.str(", ");
                }
                m = m.str("`").str(fields[i].name).str("`");
                i += 1;
            }
            m.fail()
        }
    }
}

/// Fails when any byte of the type belongs to no field, naming every hole.
pub const fn no_padding(l: &TypeLayout) -> Verdict {
    let total = l.padding_bytes();
    if total == 0 {
        return Verdict::PASS;
    }
    let mut m = Message::new()
        .str("`")
        .str(l.name)
        .str("` has ")
        .bytes(total)
        .str(" of padding: ");
    let mut holes = l.padding();
    let mut first = true;
    while let Some(hole) = holes.next_const() {
        if !first {
            m = m.str(", ");
        }
        first = false;
        m = m.bytes(hole.len()).str(" at ").range(hole.start, hole.end);
        m = match field_ending_at(l.fields(), hole.start) {
            Some(f) => m.str(" (after `").str(f.name).str("`)"),
            None => m,
        };
    }
    m.fail()
}

/// The field (the last one declared, for zero-sized ones) whose bytes end at `offset`.
const fn field_ending_at(fields: &'static [Field], offset: usize) -> Option<&'static Field> {
    let mut found = None;
    let mut i = 0;
    while i < fields.len() {
        if let Some(r) = fields[i].range() {
            if !r.is_empty() && r.end == offset {
                found = Some(&fields[i]);
            }
        }
        i += 1;
    }
    found
}

/// Fails unless the type has a niche, i.e. `Option<T>` is as large as `T`.
pub const fn niche(l: &TypeLayout) -> Verdict {
    if l.niche.option_fits {
        return Verdict::PASS;
    }
    let m = Message::new().str("`").str(l.name);
    let m = match l.niche.largest {
        LargestNiche::None => m.str("` has no niche, so `Option<"),
        _ => m.str("` has no free niche value left, so `Option<"),
    };
    m.str(l.name)
        .str(">` is larger than its ")
        .bytes(l.size)
        .fail()
}

/// The cache-line size the cache keys assume unless `cache_line = N` says otherwise.
pub const DEFAULT_CACHE_LINE: usize = 64;

/// The offsets inside a cache line of `line` bytes at which a value of `l` may start: every
/// multiple of its alignment below `line` (only 0 when it is aligned to the line).
const fn placements(l: &TypeLayout, line: usize) -> usize {
    if l.align >= line {
        1
    } else {
        line / l.align
    }
}

/// Whether the bytes `a` and `b` of a value that starts `start` bytes into a line touch a
/// common line.
const fn share_line(a: ByteRange, b: ByteRange, start: usize, line: usize) -> Option<usize> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let (a0, a1) = ((start + a.start) / line, (start + a.end - 1) / line);
    let (b0, b1) = ((start + b.start) / line, (start + b.end - 1) / line);
    let first = if a0 > b0 { a0 } else { b0 };
    let last = if a1 < b1 { a1 } else { b1 };
    if first <= last {
        Some(first)
    } else {
        None
    }
}

const fn valid_line(line: usize) -> Option<Verdict> {
    if line == 0 || !line.is_power_of_two() {
        return Some(
            Message::new()
                .str("a cache line of ")
                .num(line)
                .str(" bytes is not a power of two")
                .fail(),
        );
    }
    None
}

/// The message for two fields that share a line when a value starts `start` bytes into it.
const fn shared(
    l: &TypeLayout,
    a: &Field,
    b: &Field,
    start: usize,
    index: usize,
    line: usize,
) -> Verdict {
    let (ra, rb) = (field_range(a), field_range(b));
    let mut m = Message::new()
        .str("`")
        .str(l.name)
        .str(".")
        .str(a.name)
        .str("` (bytes ")
        .range(ra.start, ra.end)
        .str(") and `")
        .str(b.name)
        .str("` (bytes ")
        .range(rb.start, rb.end)
        .str(") share a ")
        .num(line)
        .str("-byte cache line");
    if start == 0 {
        m = m
            .str(" (bytes ")
            .range(index * line, (index + 1) * line)
            .str(" of the value)");
    } else {
        m = m
            .str(" when a value starts ")
            .bytes(start)
            .str(" into a line, which its alignment of ")
            .num(l.align)
            .str(" allows; `#[repr(align(")
            .num(line)
            .str("))]` on the type fixes where lines begin");
    }
    m.fail()
}

const fn field_range(f: &Field) -> ByteRange {
    match f.range() {
        Some(r) => r,
        None => ByteRange { start: 0, end: 0 },
    }
}

/// Fails unless `field` starts a cache line of `line` bytes and no other field touches the
/// lines it occupies, for every address a value may have. A type aligned to less than a
/// line may start anywhere in one, so this needs `#[repr(align(N))]` with `N >= line`.
pub const fn own_line(l: &TypeLayout, field: &str, line: usize) -> Verdict {
    if let Some(v) = valid_line(line) {
        return v;
    }
    let Some(f) = l.field(field) else {
        return offset(l, field, 0);
    };
    if l.align < line {
        return Message::new()
            .str("`")
            .str(l.name)
            .str(".")
            .str(field)
            .str("` cannot be guaranteed a cache line of its own: `")
            .str(l.name)
            .str("` is aligned to ")
            .num(l.align)
            .str(", so a value may start at any multiple of ")
            .num(l.align)
            .str(" inside a ")
            .num(line)
            .str("-byte line; add `#[repr(align(")
            .num(line)
            .str("))]` to the type")
            .fail();
    }
    let r = field_range(f);
    if !r.start.is_multiple_of(line) {
        return Message::new()
            .str("`")
            .str(l.name)
            .str(".")
            .str(field)
            .str("` starts at byte ")
            .num(r.start)
            .str(", not at a ")
            .num(line)
            .str("-byte cache line boundary")
            .fail();
    }
    let fields = l.fields();
    let mut i = 0;
    while i < fields.len() {
        if !crate::text::str_eq(fields[i].name, f.name) {
            if let Some(index) = share_line(r, field_range(&fields[i]), 0, line) {
                return shared(l, f, &fields[i], 0, index, line);
            }
        }
        i += 1;
    }
    Verdict::PASS
}

/// Fails when any two of `names` share a cache line of `line` bytes, for any address a value
/// may have (every multiple of the type's alignment inside a line).
pub const fn apart(l: &TypeLayout, names: &[&str], line: usize) -> Verdict {
    if let Some(v) = valid_line(line) {
        return v;
    }
    let mut i = 0;
    while i < names.len() {
        if l.field(names[i]).is_none() {
            return offset(l, names[i], 0);
        }
        i += 1;
    }
    let mut start = 0;
    while start < placements(l, line) {
        let at = start * l.align;
        let mut i = 0;
        while i < names.len() {
            let mut j = i + 1;
            while j < names.len() {
                let (Some(a), Some(b)) = (l.field(names[i]), l.field(names[j])) else {
                    return Verdict::PASS;
                };
                if let Some(index) = share_line(field_range(a), field_range(b), at, line) {
                    return shared(l, a, b, at, index, line);
                }
                j += 1;
            }
            i += 1;
        }
        start += 1;
    }
    Verdict::PASS
}

/// [`apart`] for every field whose type is one of `core`'s atomics (as layoutscope describes
/// them: opaque leaves named `Atomic…`).
pub const fn atomics_apart(l: &TypeLayout, line: usize) -> Verdict {
    if let Some(v) = valid_line(line) {
        return v;
    }
    let fields = l.fields();
    let mut start = 0;
    while start < placements(l, line) {
        let at = start * l.align;
        let mut i = 0;
        while i < fields.len() {
            let mut j = i + 1;
            while j < fields.len() {
                if is_atomic(&fields[i]) && is_atomic(&fields[j]) {
                    if let Some(index) =
                        share_line(field_range(&fields[i]), field_range(&fields[j]), at, line)
                    {
                        return shared(l, &fields[i], &fields[j], at, index, line);
                    }
                }
                j += 1;
            }
            i += 1;
        }
        start += 1;
    }
    Verdict::PASS
}

const fn is_atomic(f: &Field) -> bool {
    matches!(f.layout.body, crate::Body::Opaque) && starts_with(f.layout.name, "Atomic")
}

/// The keys of [`check_layout!`](crate::check_layout) and `assert_layout!`.
const KEYS: [&str; 10] = [
    "size",
    "align",
    "max_size",
    "offset",
    "no_padding",
    "niche",
    "cache_line",
    "own_line",
    "apart",
    "atomics_apart",
];

/// Fails for a key that is none of the known ones, suggesting the nearest (`sise` → `size`).
pub const fn unknown_key(key: &str) -> Verdict {
    let mut m = Message::new()
        .str("unknown layout check `")
        .str(key)
        .str("`");
    m = match nearest(key_name(key), &KEYS) {
        Some(near) => m.str("; did you mean `").str(near).str("`?"),
        None => m.str("."),
    };
    m.str(" The keys are `size = N`, `align = N`, `max_size = N`, `offset(field) = N`, `no_padding`, `niche`, `cache_line = N`, `own_line(field)`, `apart(a, b, ..)` and `atomics_apart`.")
        .fail()
}

/// The key among `keys` that `name` is most likely a misspelling of (`sise` → `size`,
/// `nopadding` → `no_padding`, `alignment` → `align`), if any is near enough. The derive's
/// attribute errors use it too.
pub const fn nearest<'k>(name: &str, keys: &[&'k str]) -> Option<&'k str> {
    if name.is_empty() {
        return None;
    }
    let mut best = 0;
    let mut best_distance = usize::MAX;
    let mut i = 0;
    while i < keys.len() {
        let d = if starts_with(name, keys[i]) || starts_with(keys[i], name) {
            // `alignment` for `align`, `max` for `max_size`: one word more or less.
            1
        } else {
            distance(name.as_bytes(), keys[i].as_bytes())
        };
        if d < best_distance {
            best = i;
            best_distance = d;
        }
        i += 1;
    }
    if best_distance <= 2 || (best_distance <= 3 && name.len() > 6) {
        Some(keys[best])
    } else {
        None
    }
}

/// Whether `text` starts with `prefix`, in `const`.
const fn starts_with(text: &str, prefix: &str) -> bool {
    let (t, p) = (text.as_bytes(), prefix.as_bytes());
    if p.len() > t.len() || p.len() < 3 {
        return false;
    }
    let mut i = 0;
    while i < p.len() {
        if t[i] != p[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The leading identifier of a key as written (`sise` of `sise = 8`).
const fn key_name(key: &str) -> &str {
    let bytes = key.as_bytes();
    let mut end = 0;
    while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
        end += 1;
    }
    key.split_at(end).0
}

/// Edit distance (insertions, deletions, substitutions, adjacent swaps) for short ASCII
/// names, in `const`.
const fn distance(a: &[u8], b: &[u8]) -> usize {
    const MAX: usize = 24;
    if a.len() >= MAX || b.len() >= MAX {
        return usize::MAX;
    }
    let mut d = [[0usize; MAX]; MAX];
    let mut i = 0;
    while i <= a.len() {
        d[i][0] = i;
        i += 1;
    }
    let mut j = 0;
    while j <= b.len() {
        d[0][j] = j;
        j += 1;
    }
    i = 1;
    while i <= a.len() {
        j = 1;
        while j <= b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { 1 };
            let mut best = d[i - 1][j] + 1;
            if d[i][j - 1] + 1 < best {
                best = d[i][j - 1] + 1;
            }
            if d[i - 1][j - 1] + cost < best {
                best = d[i - 1][j - 1] + cost;
            }
            if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && d[i - 2][j - 2] + 1 < best
            {
                best = d[i - 2][j - 2] + 1;
            }
            d[i][j] = best;
            j += 1;
        }
        i += 1;
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_keys_get_the_nearest_one() {
        let cases = [
            ("sise = 8", Some("size")),
            ("nopadding", Some("no_padding")),
            ("ofset(a) = 1", Some("offset")),
            ("max = 3", Some("max_size")),
            ("alignment = 8", Some("align")),
            ("xyzzy", None),
        ];
        for (key, want) in cases {
            let verdict = unknown_key(key);
            let message = verdict.failure().unwrap();
            match want {
                Some(name) => assert!(
                    message.contains(&*["did you mean `", name, "`?"].concat()),
                    "{key}: {message}"
                ),
                None => assert!(!message.contains("did you mean"), "{key}: {message}"),
            }
        }
    }
}
