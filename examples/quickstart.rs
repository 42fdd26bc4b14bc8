//! Derive `Layout` on a few structs and print their layouts.
//!
//! Run with `cargo run --example quickstart`.

use layoutscope::Layout;

/// The seed article's tuple `(char, u8, i32)`, as a struct: rustc reorders it to 12 bytes.
#[derive(Layout)]
#[allow(dead_code)]
struct Seed {
    c: char,
    b: u8,
    i: i32,
}

/// The same fields in C order: holes appear.
#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Header {
    tag: u8,
    len: u32,
    port: u16,
    id: u64,
}

/// Heavy padding: every `u8` drags a 7-byte hole behind it.
#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Padded {
    a: u8,
    b: u64,
    c: u8,
    d: u64,
    e: bool,
}

/// Packed: no padding at all, fields at unaligned offsets.
#[derive(Layout)]
#[repr(C, packed)]
#[allow(dead_code)]
struct Wire {
    kind: u8,
    len: u32,
    crc: u16,
}

/// Generic, with a niche-carrying field.
#[derive(Layout)]
#[allow(dead_code)]
struct Node<T> {
    value: T,
    next: Option<Box<Node<T>>>,
    flag: bool,
}

fn main() {
    println!("{}", <(char, u8, i32)>::LAYOUT);
    println!("{}", Seed::LAYOUT);
    println!("{}", Header::LAYOUT);
    println!("{}", Padded::LAYOUT);
    println!("{}", Wire::LAYOUT);
    println!("{}", Node::<u16>::LAYOUT);
}
