//! Golden tests for every renderer on a fixed set of types. The expected outputs live in
//! `tests/snapshots/<type>.<style>`, each with the target and compiler it was written with
//! (`layoutscope::snapshot`); after an intended change, regenerate them with
//! `LAYOUTSCOPE_BLESS=1 cargo test -p layoutscope-testsuite --test diagrams` and review the
//! diff. Every SVG is also parsed as XML and its ruler labels checked for overlaps; the text
//! styles are checked against the width, the table's summary against its rows, and the
//! Markdown by rustdoc. `docs/big.png` is `tests/snapshots/big.svg` in headless Chromium
//! (`docs/README.md` has the command).

use layoutscope::{Diagram, Layout, Style, TypeLayout};
use std::collections::HashMap;
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
            ruler_labels_do_not_overlap(name, &diagram.to_string());
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

#[test]
fn options_show_their_niche_tag() {
    snapshot("option-ref", &<Option<&u32>>::LAYOUT, plain);
    snapshot("option-bool", &<Option<bool>>::LAYOUT, plain);
    for style in [Style::Table, Style::ByteMap, Style::Boxes, Style::Markdown] {
        let text = <Option<bool>>::LAYOUT.diagram().style(style).to_string();
        assert!(
            text.contains('2'),
            "None's niche value 2 in {style:?}:\n{text}"
        );
    }
}

/// Ten structs, each holding the next: `level1.level2.…level9.value` is ten fields deep.
#[derive(Layout)]
#[allow(dead_code)]
struct Level9 {
    value: u16,
    flag: bool,
}

macro_rules! levels {
    ($($outer:ident $field:ident $inner:ident;)*) => {$(
        #[derive(Layout)]
        #[allow(dead_code)]
        struct $outer {
            tag: u8,
            $field: $inner,
        }
    )*};
}

levels! {
    Level8 level9 Level9;
    Level7 level8 Level8;
    Level6 level7 Level7;
    Level5 level6 Level6;
    Level4 level5 Level5;
    Level3 level4 Level4;
    Level2 level3 Level3;
    Level1 level2 Level2;
    Level0 level1 Level1;
}

const DEEPEST: &str = "level1.level2.level3.level4.level5.level6.level7.level8.level9.value";

#[test]
fn ten_deep_nesting_in_every_style() {
    snapshot("nested-ten", &Level0::LAYOUT, |d| d.depth(20));
    for style in [
        Style::Table,
        Style::ByteMap,
        Style::Boxes,
        Style::Markdown,
        Style::Svg,
    ] {
        let text = Level0::LAYOUT.diagram().style(style).depth(20).to_string();
        match style {
            // The table indents instead of writing paths: the deepest row is nine levels in.
            Style::Table => assert!(text.contains(&format!("{}value", "  ".repeat(9)))),
            _ => assert!(text.contains(DEEPEST), "{style:?}:\n{text}"),
        }
    }
    // The byte map names the deepest bytes with their full path.
    let map = Level0::LAYOUT
        .diagram()
        .style(Style::ByteMap)
        .depth(20)
        .to_string();
    let (mut layout, mut offset) = (&Level0::LAYOUT, 0);
    for name in DEEPEST.split('.') {
        let field = layout.field(name).unwrap();
        offset += field.offset.unwrap();
        layout = field.layout;
    }
    let flat = map.split_whitespace().collect::<Vec<_>>().join(" ");
    let entry = flat
        .find(&format!(" {DEEPEST}: u16"))
        .unwrap_or_else(|| panic!("no legend entry for {DEEPEST}:\n{map}"));
    let key = flat[..entry].rsplit(' ').next().unwrap();
    let labels = byte_labels(&map);
    assert_eq!(labels[offset], key, "byte {offset}:\n{map}");
    assert_eq!(labels[offset + 1], key, "byte {}:\n{map}", offset + 1);
}

/// The label of every byte of a single-section byte map, in order.
fn byte_labels(map: &str) -> Vec<String> {
    map.lines()
        .skip(2)
        .take_while(|l| !l.trim_start().starts_with("legend"))
        .flat_map(|l| l.split_whitespace().skip(1).map(str::to_string))
        .collect()
}

#[test]
fn depth_limited_tables_count_the_padding_their_rows_show() {
    let cases: [(&str, &TypeLayout); 3] = [
        ("Outer", &Outer::LAYOUT),
        ("Level0", &Level0::LAYOUT),
        ("Holes", &Holes::LAYOUT),
    ];
    for (name, layout) in cases {
        for depth in 0..=10 {
            let table = layout.diagram().depth(depth).to_string();
            let rows: usize = table
                .lines()
                .filter(|l| l.ends_with(" padding"))
                .map(|l| {
                    l.split_whitespace()
                        .nth(1)
                        .unwrap()
                        .parse::<usize>()
                        .unwrap()
                })
                .sum();
            let summary = table
                .split("padding ")
                .last()
                .and_then(|s| s.split(' ').next())
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or_else(|| panic!("{name} at depth {depth}: no padding count\n{table}"));
            assert_eq!(rows, summary, "{name} at depth {depth}:\n{table}");
            if depth == 0 {
                assert_eq!(summary, layout.padding_bytes());
            }
        }
    }
}

#[derive(Layout)]
#[repr(u8)]
#[allow(dead_code)]
enum Packet {
    Ping,
    Ack(u8),
    Header { id: u32, len: u16 },
    Payload([u8; 48], u64),
}

#[test]
fn enum_variants_of_very_different_sizes_share_one_scale() {
    snapshot("enum-sizes", &Packet::LAYOUT, plain);
    let boxes = Packet::LAYOUT.diagram().style(Style::Boxes).to_string();
    // Per variant: the offset each line of boxes starts at, and the columns it takes.
    let mut variants: Vec<Vec<(String, usize)>> = Vec::new();
    let lines: Vec<&str> = boxes.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with(" variant ") {
            variants.push(Vec::new());
        } else if line.starts_with(" ┌") {
            let ruler = lines[i - 1].split_whitespace().next().unwrap().to_string();
            let end = line.chars().count();
            variants.last_mut().unwrap().push((ruler, end));
        }
    }
    assert_eq!(variants.len(), 4, "{boxes}");
    for v in &variants {
        let starts: Vec<&String> = v.iter().map(|(s, _)| s).collect();
        let expected: Vec<&String> = variants[0].iter().map(|(s, _)| s).collect();
        assert_eq!(
            starts, expected,
            "every variant breaks lines at the same bytes:\n{boxes}"
        );
    }
    // Full lines are as wide in every variant: one scale.
    let widths: Vec<usize> = variants.iter().map(|v| v[0].1).collect();
    assert!(
        widths.iter().all(|w| *w == widths[0]),
        "{widths:?}\n{boxes}"
    );
}

#[derive(Layout)]
#[allow(dead_code)]
struct Verbose {
    a_rather_long_field_name_that_fills_the_name_column: HashMap<String, Vec<Option<Box<u8>>>>,
    flags_with_a_longer_name: (u8, bool, u16),
    count: u64,
}

/// Columns a string takes in a terminal: two for the wide (East Asian) characters the test
/// types use, one for the others, including box drawing.
fn columns(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => 2,
            0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

#[test]
fn every_text_style_fits_the_width() {
    let layouts: [(&str, &TypeLayout); 14] = [
        ("Holes", &Holes::LAYOUT),
        ("Outer", &Outer::LAYOUT),
        ("Level0", &Level0::LAYOUT),
        ("Bits", &Bits::LAYOUT),
        ("Message", &Message::LAYOUT),
        ("Data", &Data::LAYOUT),
        ("Packet", &Packet::LAYOUT),
        ("Big", &Big::LAYOUT),
        ("Café", &Café::LAYOUT),
        ("Verbose", &Verbose::LAYOUT),
        ("Option<bool>", &<Option<bool>>::LAYOUT),
        ("Result", &<Result<Vec<u8>, String>>::LAYOUT),
        ("Zsts", &Zsts::LAYOUT),
        ("u64", &u64::LAYOUT),
    ];
    snapshot("verbose", &Verbose::LAYOUT, |d| d.depth(1));
    for (name, layout) in layouts {
        for depth in [0, 1, 20] {
            for ascii in [false, true] {
                for style in [Style::Table, Style::ByteMap, Style::Boxes, Style::Markdown] {
                    let d = layout.diagram().style(style).depth(depth).ascii(ascii);
                    let text = d.to_string();
                    for line in text.lines() {
                        // A Markdown table row is one line by Markdown's rules.
                        if style == Style::Markdown && line.starts_with('|') {
                            continue;
                        }
                        assert!(
                            columns(line) <= 80,
                            "{name} {style:?} depth {depth}: {} columns:\n{line}\n\n{text}",
                            columns(line)
                        );
                        if ascii && style != Style::Markdown {
                            assert!(line.is_ascii() || !name.is_ascii(), "{name}: {line}");
                        }
                    }
                }
            }
        }
    }
}

/// Checks that no two ruler labels of one line of the SVG overlap, measuring each label from
/// its `x`, its anchor and its length at 0.6 em a character (a monospace font at 10 px).
fn ruler_labels_do_not_overlap(name: &str, svg: &str) {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("{name}: the SVG is not well-formed XML: {e}"));
    let mut lines: HashMap<String, Vec<(f64, f64, String)>> = HashMap::new();
    for node in doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("ruler"))
    {
        let x: f64 = node.attribute("x").unwrap().parse().unwrap();
        let size: f64 = node.attribute("font-size").unwrap().parse().unwrap();
        let text = node.text().unwrap_or_default().to_string();
        let width = text.chars().count() as f64 * 0.6 * size;
        let (left, right) = match node.attribute("text-anchor") {
            Some("end") => (x - width, x),
            Some("middle") => (x - width / 2.0, x + width / 2.0),
            _ => (x, x + width),
        };
        let y = node.attribute("y").unwrap().to_string();
        lines.entry(y).or_default().push((left, right, text));
    }
    for (y, mut labels) in lines {
        labels.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in labels.windows(2) {
            assert!(
                pair[0].1 < pair[1].0,
                "{name}: ruler labels {:?} and {:?} overlap at y={y}",
                pair[0].2,
                pair[1].2
            );
        }
    }
}

#[test]
fn the_big_svg_has_readable_ruler_labels() {
    let svg = Big::LAYOUT.diagram().style(Style::Svg).to_string();
    ruler_labels_do_not_overlap("Big", &svg);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let labels = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("ruler"))
        .count();
    // Every line is labelled, not only its ends.
    assert!(labels > 100, "{labels} ruler labels");
    // Every field is in the legend with its type.
    for i in 0..200 {
        assert!(
            svg.contains(&format!(" f{i}: ")),
            "f{i} is not in the legend"
        );
    }
}

/// Builds a crate whose docs include generated Markdown, with every rustdoc warning an error:
/// an unescaped `Option<Self>` would be an unclosed HTML tag.
#[test]
fn markdown_builds_in_rustdoc_without_warnings() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("markdown-in-rustdoc");
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"markdown_in_rustdoc\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .unwrap();
    let pages: [(&str, String); 9] = [
        (
            "holes",
            Holes::LAYOUT.diagram().style(Style::Markdown).to_string(),
        ),
        (
            "outer",
            Outer::LAYOUT
                .diagram()
                .style(Style::Markdown)
                .depth(2)
                .to_string(),
        ),
        (
            "message",
            Message::LAYOUT.diagram().style(Style::Markdown).to_string(),
        ),
        (
            "data",
            Data::LAYOUT.diagram().style(Style::Markdown).to_string(),
        ),
        (
            "option",
            <Option<Box<u8>>>::LAYOUT
                .diagram()
                .style(Style::Markdown)
                .to_string(),
        ),
        (
            "bits",
            Bits::LAYOUT.diagram().style(Style::Markdown).to_string(),
        ),
        (
            "zsts",
            Zsts::LAYOUT.diagram().style(Style::Markdown).to_string(),
        ),
        (
            "verbose",
            Verbose::LAYOUT
                .diagram()
                .style(Style::Markdown)
                .depth(1)
                .to_string(),
        ),
        (
            "fnptr",
            <(fn(u8) -> u8, Option<&str>)>::LAYOUT
                .diagram()
                .style(Style::Markdown)
                .to_string(),
        ),
    ];
    let mut lib = String::from("//! Generated layouts.\n");
    for (name, markdown) in &pages {
        std::fs::write(src.join(format!("{name}.md")), markdown).unwrap();
        lib.push_str(&format!(
            "\n#[doc = include_str!(\"{name}.md\")]\npub struct {};\n",
            name.to_uppercase()
        ));
    }
    std::fs::write(src.join("lib.rs"), lib).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args(["doc", "--offline", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env("RUSTDOCFLAGS", "-D warnings")
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "rustdoc rejected the generated Markdown:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The Markdown became tables and code, not text.
    let html =
        std::fs::read_to_string(dir.join("target/doc/markdown_in_rustdoc/struct.HOLES.html"))
            .unwrap();
    assert!(html.contains("<table>"), "{html}");
    assert!(html.contains("<code>Option&lt;Self&gt;</code>"), "{html}");
}
