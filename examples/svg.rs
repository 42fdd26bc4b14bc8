//! Writes the SVG pictures kept in `docs/`: `cargo run --example svg`.

use layoutscope::{Layout, Style, TypeLayout};

/// The seed article's enum: 24 bytes on today's rustc.
#[derive(Layout)]
#[allow(dead_code)]
enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

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
#[repr(u8)]
#[allow(dead_code)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(u8, u16),
}

fn save(name: &str, layout: &TypeLayout) -> std::io::Result<()> {
    let path = format!("{}/docs/{name}.svg", env!("CARGO_MANIFEST_DIR"));
    std::fs::write(&path, layout.diagram().style(Style::Svg).to_string())?;
    println!("wrote {path}");
    Ok(())
}

fn main() -> std::io::Result<()> {
    save("header", &Header::LAYOUT)?;
    save("message", &Message::LAYOUT)?;
    save("data", &Data::LAYOUT)
}
