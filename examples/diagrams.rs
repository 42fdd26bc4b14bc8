//! Every diagram style on a few types: `cargo run --example diagrams`.

use layoutscope::{Layout, Style, TypeLayout};

/// A `repr(C)` header with holes: the table suggests a better order.
#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Header {
    tag: u8,
    len: u32,
    port: u16,
    id: u64,
}

#[derive(Layout)]
#[allow(dead_code)]
struct Inner {
    x: u16,
    ok: bool,
}

/// Nesting: `inner` expands with `.depth(1)`.
#[derive(Layout)]
#[allow(dead_code)]
struct Outer {
    id: u32,
    inner: Inner,
    name: &'static str,
}

/// An enum with a specified layout.
#[derive(Layout)]
#[repr(u8)]
#[allow(dead_code)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(u8, u16),
}

/// An enum whose tag location rustc does not specify.
#[derive(Layout)]
#[allow(dead_code)]
enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

#[derive(Layout, Clone, Copy)]
#[allow(dead_code)]
union Bits {
    word: u32,
    half: u16,
}

fn show(title: &str, layout: &TypeLayout) {
    println!("==== {title}\n");
    for style in [Style::Table, Style::ByteMap, Style::Boxes, Style::Markdown] {
        println!("{}", layout.diagram().style(style).depth(1));
    }
}

fn main() {
    show("repr(C) struct", &Header::LAYOUT);
    show("nested struct", &Outer::LAYOUT);
    show("enum, repr(u8)", &Message::LAYOUT);
    show("enum, repr(Rust)", &Data::LAYOUT);
    show("union", &Bits::LAYOUT);
    println!("==== ASCII only, 40 columns\n");
    println!(
        "{}",
        Header::LAYOUT
            .diagram()
            .style(Style::Boxes)
            .ascii(true)
            .width(40)
    );
    println!("==== SVG\n");
    println!("{}", Message::LAYOUT.diagram().style(Style::Svg));
}
