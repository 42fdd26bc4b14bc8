//! The rows the walk yields for each kind of body, written out one per line.

extern crate std;
use std::format;
use std::string::String;
use std::vec::Vec;

use super::*;
use crate::build::{field, unplaced};
use crate::enums::{enumeration, unit_variant, variant};
use crate::model::{Layout, StructKind};
use crate::repr::{IntRepr, Repr};
use crate::rules::{place_union, place_variant};
use core::mem::offset_of;

/// `level kind bytes`, indented by level; sections start with their title.
fn rows(d: &Diagram, view: View) -> Vec<String> {
    let mut out = Vec::new();
    for section in sections(d, view) {
        match section.title {
            Title::Whole => {}
            Title::Member(field) => out.push(format!("member {}", field.name)),
            Title::Variant { variant, .. } => out.push(format!("variant {}", variant.name)),
        }
        section.each(&mut |row| out.push(describe(row)));
    }
    out
}

fn describe(row: &Row) -> String {
    let bytes = match row.bytes {
        Some(b) => format!("{}..{}", b.start, b.end),
        None => String::from("?"),
    };
    let what = match row.kind {
        Kind::Field { key, .. } => {
            let key = key.map_or(String::from("-"), |k| format!("key{k}"));
            format!(
                "{} {key}",
                row.name().map(|n| format!("{n}")).unwrap_or_default()
            )
        }
        Kind::Hole { trailing: true } => String::from("trailing padding"),
        Kind::Hole { trailing: false } => String::from("padding"),
        Kind::Tag { value, niche } => {
            let niche = if niche { " niche" } else { "" };
            format!("tag {value:?}{niche}")
        }
        Kind::Unknown => String::from("unknown"),
        Kind::Elsewhere => String::from("elsewhere"),
        Kind::Value => String::from("value"),
        Kind::Boundary { line } => format!("cache line {line}"),
    };
    format!("{}{what} {bytes}", "  ".repeat(row.level))
}

fn lines(d: &Diagram, view: View) -> String {
    rows(d, view).join("\n")
}

#[allow(dead_code)]
#[repr(C)]
struct Inner {
    a: u8,
    b: u32,
}

#[allow(dead_code)]
#[repr(C)]
struct Outer {
    x: u16,
    inner: Inner,
}

impl Layout for Inner {
    const LAYOUT: TypeLayout = TypeLayout::of_struct::<Inner>(
        "Inner",
        Repr::C,
        StructKind::Named,
        &[
            field::<u8>("a", "u8", offset_of!(Inner, a)),
            field::<u32>("b", "u32", offset_of!(Inner, b)),
        ],
    );
}

impl Layout for Outer {
    const LAYOUT: TypeLayout = TypeLayout::of_struct::<Outer>(
        "Outer",
        Repr::C,
        StructKind::Named,
        &[
            field::<u16>("x", "u16", offset_of!(Outer, x)),
            field::<Inner>("inner", "Inner", offset_of!(Outer, inner)),
        ],
    );
}

#[test]
fn a_struct_is_its_fields_and_holes_in_memory_order() {
    let d = Diagram::new(&Inner::LAYOUT);
    assert_eq!(
        lines(&d, View::Rows),
        "a key0 0..1\npadding 1..4\nb key1 4..8"
    );
    assert_eq!(lines(&d, View::Rows), lines(&d, View::Bytes));
    let (padding, nested) = sections(&d, View::Rows).next().unwrap().padding();
    assert_eq!((padding, nested), (3, 0));
    assert_eq!(padding, Inner::LAYOUT.padding_bytes());
}

#[test]
fn nested_fields_expand_to_the_depth_with_their_full_paths() {
    let flat = Diagram::new(&Outer::LAYOUT);
    assert_eq!(
        lines(&flat, View::Rows),
        "x key0 0..2\npadding 2..4\ninner key1 4..12"
    );
    let deep = flat.depth(1);
    assert_eq!(
        lines(&deep, View::Rows),
        "x key0 0..2\npadding 2..4\ninner - 4..12\n  inner.a key1 4..5\n  padding 5..8\n  inner.b key2 8..12"
    );
    // The diagram's padding is what its hole rows cover, at every depth.
    let section = sections(&deep, View::Rows).next().unwrap();
    assert_eq!(section.padding(), (5, 3));
    let section = sections(&flat, View::Rows).next().unwrap();
    assert_eq!(section.padding(), (2, 0));
}

/// `(u8, (u8, (u8, … u16)))`, `DEPTH` tuples deep.
type Deep = (
    u8,
    (
        u8,
        (u8, (u8, (u8, (u8, (u8, (u8, (u8, (u8, (u8, u16))))))))),
    ),
);
const DEPTH: usize = 10;

#[test]
fn the_walk_reaches_any_depth() {
    let d = Diagram::new(&Deep::LAYOUT).depth(64);
    let rows = rows(&d, View::Bytes);
    let deepest = rows.last().unwrap();
    let path = ["1"; DEPTH].join(".");
    assert!(
        rows.iter()
            .any(|r| r.trim_start().starts_with(&format!("{path}.1 "))),
        "{rows:#?}"
    );
    assert!(deepest.starts_with(&"  ".repeat(DEPTH)), "{deepest}");
}

#[allow(dead_code)]
#[repr(C, align(8))]
#[derive(Clone, Copy)]
union Word {
    long: u32,
    short: u16,
}

impl Layout for Word {
    const LAYOUT: TypeLayout = crate::build::union::<Word>(
        "Word",
        Repr::C.with_align(8),
        &place_union(
            Repr::C.with_align(8),
            [
                unplaced::<u32>("long", "u32"),
                unplaced::<u16>("short", "u16"),
            ],
        ),
    );
}

#[test]
fn a_union_is_rows_of_members_or_one_painting_a_member() {
    let d = Diagram::new(&Word::LAYOUT);
    assert_eq!(
        lines(&d, View::Rows),
        "long key0 0..4\nshort key1 0..2\ntrailing padding 4..8"
    );
    assert_eq!(
        lines(&d, View::Bytes),
        "member long\nlong key0 0..4\ntrailing padding 4..8\n\
         member short\nshort key0 0..2\nelsewhere 2..4\ntrailing padding 4..8"
    );
}

#[allow(dead_code)]
struct HasUnion {
    word: Word,
}

impl Layout for HasUnion {
    const LAYOUT: TypeLayout = TypeLayout::of_struct::<HasUnion>(
        "HasUnion",
        Repr::RUST,
        StructKind::Named,
        &[field::<Word>("word", "Word", offset_of!(HasUnion, word))],
    );
}

#[test]
fn a_nested_union_expands_in_rows_and_is_painted_whole() {
    let d = Diagram::new(&HasUnion::LAYOUT).depth(1);
    assert_eq!(
        lines(&d, View::Rows),
        "word - 0..8\n  word.long key0 0..4\n  word.short key1 0..2\n  trailing padding 4..8"
    );
    assert_eq!(lines(&d, View::Bytes), "word key0 0..8");
}

#[allow(dead_code)]
#[repr(u8)]
enum Direct {
    A(u32),
    B,
}

const A_FIELDS: [Field; 1] =
    place_variant::<Direct, u8, 1>(Repr::int(IntRepr::U8), [unplaced::<u32>("0", "u32")]);
const VARIANTS: [Variant; 2] = [
    variant("A", 7, StructKind::TupleStruct, &A_FIELDS),
    unit_variant("B", 8),
];

impl Layout for Direct {
    const LAYOUT: TypeLayout =
        enumeration::<Direct, u8>("Direct", Repr::int(IntRepr::U8), &VARIANTS);
}

#[test]
fn an_enum_with_a_direct_tag_is_one_section_a_variant() {
    let d = Diagram::new(&Direct::LAYOUT);
    assert_eq!(
        lines(&d, View::Rows),
        "variant A\ntag Some(7) 0..1\npadding 1..4\n0 key0 4..8\n\
         variant B\ntag Some(8) 0..1\ntrailing padding 1..8"
    );
}

#[test]
fn a_niche_tag_is_the_untagged_variants_field_or_the_niche_value() {
    let d = Diagram::new(&<Option<bool>>::LAYOUT);
    assert_eq!(
        lines(&d, View::Bytes),
        "variant None\ntag Some(2) niche 0..1\nvariant Some\n0 key0 0..1"
    );
    let d = Diagram::new(&<Option<&u8>>::LAYOUT);
    let size = core::mem::size_of::<&u8>();
    assert_eq!(
        lines(&d, View::Bytes),
        format!("variant None\ntag Some(0) niche 0..{size}\nvariant Some\n0 key0 0..{size}")
    );
}

#[test]
fn an_unknown_tag_makes_the_bytes_unknown() {
    // `Option<Vec<u8>>` is as large as `Vec<u8>`, whose niche is not located.
    let d = Diagram::new(&<Option<std::vec::Vec<u8>>>::LAYOUT);
    let size = core::mem::size_of::<std::vec::Vec<u8>>();
    assert_eq!(
        lines(&d, View::Bytes),
        format!("variant None\nunknown 0..{size}\nvariant Some\n0 key0 0..{size}")
    );
    let none = sections(&d, View::Bytes).next().unwrap().unknown().unwrap();
    assert!(none.tag && none.fields.is_empty());
    // `Result`'s payloads are not placed: listed without offsets, every byte unknown.
    let d = Diagram::new(&<Result<u32, u8>>::LAYOUT);
    assert_eq!(
        lines(&d, View::Rows),
        "variant Ok\n0 - ?\nunknown 0..8\nvariant Err\n0 - ?\nunknown 0..8"
    );
    let ok = sections(&d, View::Rows).next().unwrap();
    assert!(!ok.placed());
    assert_eq!(ok.unknown().unwrap().fields.len(), 1);
}

#[test]
fn a_leaf_is_one_value() {
    let d = Diagram::new(&u64::LAYOUT);
    assert_eq!(lines(&d, View::Bytes), "value 0..8");
    assert!(sections(&d, View::Rows).next().unwrap().is_leaf());
    let zst = Diagram::new(&<()>::LAYOUT);
    assert_eq!(lines(&zst, View::Rows), "");
    // An enum without variants has no value to divide: a leaf, not zero sections.
    let never = Diagram::new(&core::convert::Infallible::LAYOUT);
    let mut all = sections(&never, View::Bytes);
    assert!(all.next().unwrap().is_leaf() && all.next().is_none());
}

#[allow(dead_code)]
#[repr(C)]
struct Wide {
    a: [u8; 60],
    b: u64,
    c: [u8; 70],
}

impl Layout for Wide {
    const LAYOUT: TypeLayout = TypeLayout::of_struct::<Wide>(
        "Wide",
        Repr::C,
        StructKind::Named,
        &[
            field::<[u8; 60]>("a", "[u8; 60]", offset_of!(Wide, a)),
            field::<u64>("b", "u64", offset_of!(Wide, b)),
            field::<[u8; 70]>("c", "[u8; 70]", offset_of!(Wide, c)),
        ],
    );
}

#[test]
fn cache_line_boundaries_come_before_the_first_row_past_them() {
    let d = Diagram::new(&Wide::LAYOUT);
    assert_eq!(
        lines(&d, View::Rows),
        "a key0 0..60\npadding 60..64\ncache line 1 64..64\nb key1 64..72\nc key2 72..142\n\
         cache line 2 128..128\ntrailing padding 142..144"
    );
    let d = d.cache_line(32);
    let boundaries = rows(&d, View::Rows)
        .iter()
        .filter(|r| r.starts_with("cache line"))
        .count();
    assert_eq!(boundaries, 4);
    // A line that starts inside the last field still gets its row, after that field's.
    let small = Diagram::new(&Outer::LAYOUT).cache_line(8);
    assert!(lines(&small, View::Rows).ends_with("inner key1 4..12\ncache line 1 8..8"));
    // A value that fits in one line has no boundary.
    assert!(!lines(&Diagram::new(&Outer::LAYOUT), View::Rows).contains("cache"));
}
