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

/// The seed article's enum: 24 bytes on today's rustc (the article says 32).
#[derive(Layout)]
#[allow(dead_code)]
enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

/// An enum with a specified layout: tag first, then each variant's fields.
#[derive(Layout)]
#[repr(u8)]
#[allow(dead_code)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(u8, u16),
}

/// A fieldless enum: the tag is the whole value, the unused values are its niche.
#[derive(Layout)]
#[allow(dead_code)]
enum HttpStatus {
    Ok = 200,
    NotFound = 404,
}

fn main() {
    println!("{}", <(char, u8, i32)>::LAYOUT);
    println!("{}", Seed::LAYOUT);
    println!("{}", Header::LAYOUT);
    println!("{}", Padded::LAYOUT);
    println!("{}", Wire::LAYOUT);
    println!("{}", Node::<u16>::LAYOUT);
    println!("{}", HttpStatus::LAYOUT);
    println!("{}", Message::LAYOUT);
    println!("{}", Data::LAYOUT);
}
