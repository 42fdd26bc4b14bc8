//! Compile-time layout checks with messages that say the actual and the expected value.
//!
//! `const` panics cannot use `format_args!` with numbers, so each check writes its message
//! into a fixed buffer by hand and panics with that string: the compiler then shows, e.g.,
//! ``size of `Header` is 24 bytes, expected 16``. The derive's `#[layout(size = ..)]` keys and
//! the [`assert_layout!`](crate::assert_layout) macro both call these functions.

use crate::model::{Field, TypeLayout};
use crate::niche::LargestNiche;

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

    const fn panic(self) -> ! {
        let (mut head, _) = self.buf.split_at(self.len);
        // A cut inside a multi-byte name: drop the partial character.
        loop {
            match core::str::from_utf8(head) {
                Ok(s) => panic!("{}", s),
                Err(e) => head = head.split_at(e.valid_up_to()).0,
            }
        }
    }
}

const fn named(l: &TypeLayout, what: &str) -> Message {
    Message::new().str(what).str(" `").str(l.name).str("` is ")
}

/// Fails unless `size_of` the type is `expected`.
pub const fn size(l: &TypeLayout, expected: usize) {
    if l.size != expected {
        named(l, "size of")
            .bytes(l.size)
            .str(", expected ")
            .num(expected)
            .panic();
    }
}

/// Fails unless `align_of` the type is `expected`.
pub const fn align(l: &TypeLayout, expected: usize) {
    if l.align != expected {
        named(l, "align of")
            .num(l.align)
            .str(", expected ")
            .num(expected)
            .panic();
    }
}

/// Fails when the type is larger than `max` bytes.
pub const fn max_size(l: &TypeLayout, max: usize) {
    if l.size > max {
        named(l, "size of")
            .bytes(l.size)
            .str(", more than the maximum of ")
            .num(max)
            .panic();
    }
}

/// Fails unless field `field` is at offset `expected`.
pub const fn offset(l: &TypeLayout, field: &str, expected: usize) {
    match l.field(field) {
        Some(f) if f.placed() == expected => {}
        Some(f) => Message::new()
            .str("offset of `")
            .str(l.name)
            .str(".")
            .str(field)
            .str("` is ")
            .num(f.placed())
            .str(", expected ")
            .num(expected)
            .panic(),
        None => Message::new()
            .str("`")
            .str(l.name)
            .str("` has no field `")
            .str(field)
            .str("`")
            .panic(),
    }
}

/// Fails when any byte of the type belongs to no field, naming every hole.
pub const fn no_padding(l: &TypeLayout) {
    let total = l.padding_bytes();
    if total == 0 {
        return;
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
    m.panic();
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
pub const fn niche(l: &TypeLayout) {
    if !l.niche.option_fits {
        let m = Message::new().str("`").str(l.name);
        match l.niche.largest {
            LargestNiche::None => m
                .str("` has no niche, so `Option<")
                .str(l.name)
                .str(">` is larger than its ")
                .bytes(l.size)
                .panic(),
            _ => m
                .str("` has no free niche value left, so `Option<")
                .str(l.name)
                .str(">` is larger than its ")
                .bytes(l.size)
                .panic(),
        }
    }
}
