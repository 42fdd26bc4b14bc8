//! Golden tests for every renderer on a fixed set of types. The expected outputs live in
//! `tests/snapshots/<type>.<style>`, each with the target and compiler it was written with
//! (`layoutscope::snapshot`); after an intended change, regenerate them with
//! `LAYOUTSCOPE_BLESS=1 cargo test -p layoutscope-testsuite --test diagrams` and review the
//! diff. Every SVG is also parsed as XML.

use layoutscope::{Diagram, Layout, Style, TypeLayout};
use std::marker::PhantomData;
use std::path::PathBuf;

const STYLES: [(Style, &str); 5] = [
    (Style::Table, "table.txt"),
    (Style::ByteMap, "bytemap.txt"),
    (Style::Boxes, "boxes.txt"),
    (Style::Markdown, "md"),
    (Style::Svg, "svg"),
];

fn snapshot(name: &str, layout: &TypeLayout, configure: fn(Diagram) -> Diagram) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for (style, extension) in STYLES {
        let diagram = configure(layout.diagram().style(style));
        if style == Style::Svg {
            roxmltree::Document::parse(&diagram.to_string())
                .unwrap_or_else(|e| panic!("{name}: the SVG is not well-formed XML: {e}"));
        }
        layoutscope::snapshot::assert_diagram_file(
            diagram,
            dir.join(format!("{name}.{extension}")),
        );
    }
}

fn plain(d: Diagram) -> Diagram {
    d
}

#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Holes {
    tag: u8,
    len: u32,
    port: u16,
    id: u64,
}

#[derive(Layout)]
#[repr(C, packed)]
#[allow(dead_code)]
struct Packed {
    kind: u8,
    len: u32,
    crc: u16,
}

#[derive(Layout)]
#[repr(C, align(32))]
#[allow(dead_code)]
struct Aligned {
    a: u64,
    b: u8,
}

#[derive(Layout)]
#[allow(dead_code)]
struct Zsts {
    marker: PhantomData<String>,
    value: u32,
    unit: (),
    empty: [u64; 0],
    flag: bool,
}

#[derive(Layout)]
#[allow(dead_code)]
struct Inner {
    x: u16,
    ok: bool,
}

#[derive(Layout)]
#[allow(dead_code)]
struct Middle {
    inner: Inner,
    count: u32,
}

#[derive(Layout)]
#[allow(dead_code)]
struct Outer {
    id: u64,
    middle: Middle,
    pair: (u8, u32),
}

#[derive(Layout)]
#[allow(dead_code)]
struct Pair<A, B> {
    first: A,
    second: B,
}

#[derive(Layout, Clone, Copy)]
#[allow(dead_code)]
union Bits {
    word: u32,
    half: u16,
    byte: u8,
}

#[derive(Layout)]
#[allow(dead_code)]
enum HttpStatus {
    Ok = 200,
    NotFound = 404,
}

#[derive(Layout)]
#[repr(u8)]
#[allow(dead_code)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(u8, u16),
}

#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
enum CShape {
    Circle(f32),
    Rect { w: u16, h: u16 },
}

#[derive(Layout)]
#[repr(C, u8)]
#[allow(dead_code)]
enum CU8 {
    Small(u8),
    Big(u64),
}

#[derive(Layout)]
#[allow(dead_code)]
enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

#[derive(Layout)]
#[allow(dead_code)]
enum Never {}

#[derive(Layout)]
#[allow(dead_code)]
enum Single {
    Only(u32, bool),
}

#[derive(Layout)]
#[allow(dead_code, non_snake_case)]
struct Café {
    größe: u32,
    名前: u8,
    ñ: u16,
}

#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Big {
    f0: u64,
    f1: bool,
    f2: u16,
    f3: i16,
    f4: f32,
    f5: u32,
    f6: u16,
    f7: u16,
    f8: u8,
    f9: i16,
    f10: bool,
    f11: u8,
    f12: u64,
    f13: char,
    f14: bool,
    f15: u32,
    f16: u16,
    f17: bool,
    f18: u64,
    f19: u8,
    f20: bool,
    f21: bool,
    f22: u64,
    f23: u32,
    f24: bool,
    f25: bool,
    f26: char,
    f27: u16,
    f28: char,
    f29: i16,
    f30: u64,
    f31: u32,
    f32: u64,
    f33: f32,
    f34: bool,
    f35: u16,
    f36: bool,
    f37: u8,
    f38: bool,
    f39: bool,
    f40: u64,
    f41: i16,
    f42: i16,
    f43: bool,
    f44: i16,
    f45: f32,
    f46: u32,
    f47: u64,
    f48: bool,
    f49: bool,
    f50: u8,
    f51: u16,
    f52: u8,
    f53: f32,
    f54: bool,
    f55: f32,
    f56: char,
    f57: u32,
    f58: u64,
    f59: u16,
    f60: i16,
    f61: u64,
    f62: f32,
    f63: bool,
    f64: u32,
    f65: char,
    f66: i16,
    f67: char,
    f68: u64,
    f69: char,
    f70: u16,
    f71: u8,
    f72: u64,
    f73: bool,
    f74: u64,
    f75: u16,
    f76: char,
    f77: u32,
    f78: bool,
    f79: f32,
    f80: u8,
    f81: u8,
    f82: char,
    f83: u16,
    f84: bool,
    f85: char,
    f86: u8,
    f87: char,
    f88: bool,
    f89: char,
    f90: u32,
    f91: i16,
    f92: u16,
    f93: bool,
    f94: u64,
    f95: f32,
    f96: bool,
    f97: u32,
    f98: bool,
    f99: i16,
    f100: u32,
    f101: char,
    f102: u8,
    f103: char,
    f104: u8,
    f105: f32,
    f106: u32,
    f107: char,
    f108: char,
    f109: bool,
    f110: u16,
    f111: f32,
    f112: u64,
    f113: i16,
    f114: u64,
    f115: u16,
    f116: u8,
    f117: u8,
    f118: u8,
    f119: u32,
    f120: u32,
    f121: u8,
    f122: f32,
    f123: u64,
    f124: char,
    f125: u8,
    f126: u16,
    f127: bool,
    f128: i16,
    f129: u64,
    f130: f32,
    f131: u64,
    f132: u64,
    f133: f32,
    f134: i16,
    f135: f32,
    f136: u8,
    f137: u64,
    f138: i16,
    f139: f32,
    f140: u64,
    f141: i16,
    f142: u64,
    f143: f32,
    f144: u64,
    f145: u8,
    f146: u8,
    f147: bool,
    f148: bool,
    f149: u64,
    f150: u64,
    f151: u64,
    f152: i16,
    f153: bool,
    f154: u32,
    f155: char,
    f156: u8,
    f157: char,
    f158: u16,
    f159: i16,
    f160: u8,
    f161: f32,
    f162: i16,
    f163: u16,
    f164: i16,
    f165: u64,
    f166: u32,
    f167: char,
    f168: bool,
    f169: f32,
    f170: char,
    f171: i16,
    f172: u64,
    f173: bool,
    f174: char,
    f175: i16,
    f176: f32,
    f177: u16,
    f178: bool,
    f179: u64,
    f180: u8,
    f181: i16,
    f182: u32,
    f183: bool,
    f184: u8,
    f185: u32,
    f186: f32,
    f187: f32,
    f188: i16,
    f189: i16,
    f190: u64,
    f191: u8,
    f192: u64,
    f193: u32,
    f194: u8,
    f195: bool,
    f196: u16,
    f197: i16,
    f198: i16,
    f199: u64,
}

#[test]
fn structs() {
    snapshot("holes", &Holes::LAYOUT, plain);
    snapshot("packed", &Packed::LAYOUT, plain);
    snapshot("aligned", &Aligned::LAYOUT, plain);
    snapshot("zsts", &Zsts::LAYOUT, plain);
    snapshot("generic", &Pair::<u8, u64>::LAYOUT, plain);
}

#[test]
fn nesting_to_a_chosen_depth() {
    snapshot("nested-depth0", &Outer::LAYOUT, plain);
    snapshot("nested-depth1", &Outer::LAYOUT, |d| d.depth(1));
    snapshot("nested-depth2", &Outer::LAYOUT, |d| d.depth(2));
}

#[test]
fn unions() {
    snapshot("union", &Bits::LAYOUT, plain);
}

#[test]
fn every_kind_of_enum() {
    snapshot("enum-fieldless", &HttpStatus::LAYOUT, plain);
    snapshot("enum-repr-u8", &Message::LAYOUT, plain);
    snapshot("enum-repr-c", &CShape::LAYOUT, plain);
    snapshot("enum-repr-c-u8", &CU8::LAYOUT, plain);
    snapshot("enum-repr-rust", &Data::LAYOUT, plain);
    snapshot("enum-empty", &Never::LAYOUT, plain);
    snapshot("enum-single", &Single::LAYOUT, plain);
    snapshot("option-box", &<Option<Box<u8>>>::LAYOUT, plain);
}

#[test]
fn two_hundred_fields() {
    snapshot("big", &Big::LAYOUT, plain);
}

#[test]
fn non_ascii_names_keep_columns_aligned() {
    snapshot("non-ascii", &Café::LAYOUT, plain);
}

#[test]
fn narrow_width_and_ascii() {
    snapshot("narrow-ascii", &Holes::LAYOUT, |d| d.width(20).ascii(true));
    snapshot("no-types", &Holes::LAYOUT, |d| {
        d.show_types(false).bytes_per_row(16)
    });
}
