//! Golden pictures of live values (`layoutscope::show`), with the blocks named `#1`, `#2`, …
//! so that the text is the same in every run: the seed articles' values, a derived type with
//! a live enum variant, a cycle, pointers that are not followed and std's wrappers, a
//! cut-short buffer, ASCII and a drawing depth, as text and
//! as SVG. Every SVG is also parsed as XML and checked for text that overlaps other text,
//! leaves its block, or lies under an arrow. Expected files live in
//! `tests/snapshots/values/`; after an intended change:
//! `LAYOUTSCOPE_BLESS=1 cargo test -p layoutscope-testsuite --test values_pictures`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use layoutscope::values::{BlockKind, Show, Visit};
use layoutscope::{show, Layout};

fn golden<T: Visit + ?Sized>(name: &str, picture: Show<'_, T>) {
    let text = picture.to_string();
    assert!(
        !text.contains("0x"),
        "{name}: an address leaked into a stable picture"
    );
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/values")
        .join(format!("{name}.txt"));
    layoutscope::snapshot::assert_text_file(&text, path);
}

/// The SVG of `picture`, checked for overlaps and compared with `<name>.svg`.
fn golden_svg<T: Visit + ?Sized>(name: &str, picture: Show<'_, T>) {
    let svg = picture.svg(true).to_string();
    assert!(
        !svg.contains("0x"),
        "{name}: an address leaked into a stable picture"
    );
    readable(name, &svg);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/values")
        .join(format!("{name}.svg"));
    layoutscope::snapshot::assert_text_file(&svg, path);
}

/// A rectangle: left, top, right, bottom.
type Area = (f64, f64, f64, f64);

fn number(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no number {name} in {node:?}"))
}

fn intersect(a: Area, b: Area) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The area a line of text takes: 0.6 em a character (a monospace font), from 0.8 em above
/// the baseline to 0.2 em below it.
fn text_area(node: roxmltree::Node<'_, '_>) -> Area {
    let size = node
        .attribute("font-size")
        .map_or(12.0, |s| s.parse().unwrap());
    let (x, y) = (number(node, "x"), number(node, "y"));
    let width = node.text().unwrap_or_default().chars().count() as f64 * 0.6 * size;
    let left = match node.attribute("text-anchor") {
        Some("end") => x - width,
        Some("middle") => x - width / 2.0,
        _ => x,
    };
    (left, y - 0.8 * size, left + width, y + 0.2 * size)
}

/// No text overlaps another, every text inside a block stays inside its box, and no arrow
/// passes over text or through a box.
fn readable(name: &str, svg: &str) {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("{name}: the SVG is not well-formed XML: {e}"));
    let texts: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| (text_area(n), n.text().unwrap_or_default().to_string()))
        .collect();
    for (i, (a, text)) in texts.iter().enumerate() {
        for (b, other) in &texts[i + 1..] {
            assert!(!intersect(*a, *b), "{name}: {text:?} overlaps {other:?}");
        }
    }
    let mut boxes = Vec::new();
    for block in doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("block"))
    {
        let outline = block.children().find(|n| n.has_tag_name("rect")).unwrap();
        let (x, y) = (number(outline, "x"), number(outline, "y"));
        let area = (
            x,
            y,
            x + number(outline, "width"),
            y + number(outline, "height"),
        );
        for text in block.children().filter(|n| n.has_tag_name("text")) {
            let t = text_area(text);
            assert!(
                t.0 >= area.0 && t.2 <= area.2 && t.1 >= area.1 && t.3 <= area.3,
                "{name}: {:?} leaves its block",
                text.text()
            );
        }
        boxes.push(area);
    }
    let mut arrows = 0;
    for arrow in doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("arrow"))
    {
        arrows += 1;
        // `M x1,y1 H edge C a,y1 b,y2 x2,y2`: along the row to its column's edge, then a
        // curve inside the box [edge, x2] × [y1, y2].
        let d = arrow.attribute("d").unwrap();
        let numbers: Vec<f64> = d
            .split(|c: char| !c.is_ascii_digit() && c != '.')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let [x1, y1, edge, _, _, _, y2, x2, _] = numbers[..] else {
            panic!("{name}: unexpected arrow {d}");
        };
        let along = (x1, y1 - 0.5, edge, y1 + 0.5);
        let curve = (edge, y1.min(y2), x2 - 1.0, y1.max(y2) + 0.5);
        for (t, text) in &texts {
            assert!(
                !intersect(along, *t) && !intersect(curve, *t),
                "{name}: an arrow ({d}) crosses {text:?}"
            );
        }
        for b in &boxes {
            let inside = (b.0 + 1.0, b.1 + 1.0, b.2 - 1.0, b.3 - 1.0);
            assert!(
                !intersect(along, inside) && !intersect(curve, inside),
                "{name}: an arrow ({d}) crosses a block"
            );
        }
    }
    assert!(arrows > 0 || boxes.len() == 1, "{name}: no arrow drawn");
}

#[test]
fn the_seed_articles_values() {
    let s = String::from("slop");
    golden("string_slop", show(&s).name("s"));
    let v = vec![65, 54, 57];
    golden("vec_i32", show(&v).name("v"));
    let b = Box::new(5);
    golden("box_5", show(&b).name("b"));
    let v: Rc<Vec<String>> = Rc::new(vec!["Odin".into(), "Thor".into(), "Loki".into()]);
    let v2 = v.clone();
    let pair = (v, v2);
    golden("rc_vec_string", show(&pair).name("(v, v2)"));
    golden_svg("rc_vec_string", show(&pair).name("(v, v2)"));
    let s2: &'static str = "hello";
    golden("static_str", show(&s2).name("s2"));
    golden_svg("static_str", show(&s2).name("s2"));
    let mut buffer: Vec<u8> = vec![];
    let w: &mut dyn Write = &mut buffer;
    golden("dyn_write", show(&w).name("w"));
}

#[derive(Layout)]
#[layout(values)]
#[allow(dead_code, clippy::box_collection)] // the article's way to halve the enum
enum Data {
    Empty,
    Number(i32),
    Array(Box<Vec<i32>>),
}

#[derive(Layout)]
#[layout(values)]
struct Record {
    id: u8,
    data: Data,
    name: Option<String>,
    index: HashMap<u8, u16>,
}

#[test]
fn a_derived_struct_with_a_live_variant() {
    let mut index = HashMap::new();
    index.insert(1, 2);
    let r = Record {
        id: 7,
        data: Data::Array(Box::new(vec![1, 2])),
        name: Some("seven".into()),
        index,
    };
    golden("record", show(&r).name("r"));
    golden_svg("record", show(&r).name("r"));
    golden(
        "record_ascii_depth_1",
        show(&r).name("r").ascii(true).depth(1),
    );
}

#[derive(Layout)]
#[layout(values)]
struct Node {
    name: char,
    next: RefCell<Option<Rc<Node>>>,
}

#[test]
fn a_cycle_ends_with_an_arrow_back() {
    let a = Rc::new(Node {
        name: 'a',
        next: RefCell::new(None),
    });
    let b = Rc::new(Node {
        name: 'b',
        next: RefCell::new(Some(a.clone())),
    });
    *a.next.borrow_mut() = Some(b);
    golden("cycle", show(&a).name("a"));
    golden_svg("cycle", show(&a).name("a"));
    // Break the cycle so the test does not leak.
    a.next.borrow_mut().take();
}

/// Every std pointer that is not followed, every small std wrapper, and the operating
/// system's strings, as fields.
#[derive(Layout)]
#[layout(values)]
struct Wrappers {
    raw: *const u8,
    null: *mut [u16],
    non_null: std::ptr::NonNull<u8>,
    function: fn(u8) -> u8,
    order: std::cmp::Ordering,
    manual: std::mem::ManuallyDrop<String>,
    wrapping: std::num::Wrapping<u16>,
    reverse: std::cmp::Reverse<Vec<u8>>,
    uninit: std::mem::MaybeUninit<Vec<u8>>,
    duration: std::time::Duration,
    path: std::path::PathBuf,
    c: std::ffi::CString,
    cow: std::borrow::Cow<'static, str>,
}

#[test]
fn pointers_not_followed_and_std_wrappers() {
    let byte = 5u8;
    let w = Wrappers {
        raw: &byte,
        null: std::ptr::null_mut::<[u16; 2]>() as *mut [u16],
        non_null: std::ptr::NonNull::from(&byte),
        function: |x| x.wrapping_add(1),
        order: std::cmp::Ordering::Less,
        manual: std::mem::ManuallyDrop::new(String::from("kept")),
        wrapping: std::num::Wrapping(7),
        reverse: std::cmp::Reverse(vec![1, 2]),
        uninit: std::mem::MaybeUninit::uninit(),
        duration: std::time::Duration::from_millis(1500),
        path: std::path::PathBuf::from("/tmp/x"),
        c: std::ffi::CString::new("c").unwrap(),
        cow: std::borrow::Cow::Borrowed("literal"),
    };
    golden("wrappers", show(&w).name("w"));
    let t = layoutscope::values::totals(&w);
    // The String in `ManuallyDrop`, the vector in `Reverse`, the path and the C string; the
    // bytes that may be uninitialised are not read.
    assert_eq!(t.owned.blocks, 4);
    assert_eq!(t.owned.allocated, 4 + 2 + 6 + 2);
    assert_eq!(t.borrowed.allocated, "literal".len());
    // Ordering's byte is its tag; the borrowed `Cow` has bytes beside its reference.
    let cow_rest = size_of::<std::borrow::Cow<str>>() - size_of::<&str>();
    assert_eq!(t.tag_or_padding.stack, 1 + cow_rest);
    drop(std::mem::ManuallyDrop::into_inner(w.manual));
}

#[test]
fn addresses_are_shown_on_request_in_both_drawings() {
    let v = vec![1u8, 2];
    for picture in [show(&v).addresses(true), show(&v).addresses(true).svg(true)] {
        let drawn = picture.to_string();
        let at = format!("at {:#x}", v.as_ptr() as usize);
        assert!(drawn.contains(&at), "{drawn}");
    }
    let ascii = show(&v).ascii(true).svg(true).to_string();
    assert!(ascii.contains(" | ") && !ascii.contains(" · "), "{ascii}");
}

#[test]
fn a_long_buffer_is_cut_short_but_counted() {
    let mut v: Vec<u16> = (0..100).collect();
    v.reserve_exact(10);
    golden("long_vec", show(&v).name("v").max_elements(3));
    golden_svg("long_vec", show(&v).name("v").max_elements(3));
    assert_eq!(show(&v).totals().owned.allocated, 220);
}

#[test]
fn trait_objects_of_visit_show_their_contents() {
    let names: Box<dyn Visit> = Box::new(vec![String::from("Odin")]);
    golden("box_dyn_visit", show(&names).name("names"));
    golden_svg("box_dyn_visit", show(&names).name("names"));
    let any: Box<dyn std::any::Any> = Box::new(vec![String::from("Odin")]);
    golden("box_dyn_any", show(&any).name("any"));
}

/// A string literal lies in the executable's read-only data; a `String`'s bytes and a leaked
/// `Box<str>` lie on the heap, and are only borrowed.
#[test]
fn static_data_is_told_from_borrowed_heap_bytes() {
    let literal: &'static str = "hello";
    let owned = String::from("hello");
    let leaked: &'static str = Box::leak(Box::<str>::from("hello"));
    let kinds = (literal, owned.as_str(), leaked);
    let picture = show(&kinds).picture();
    let kind = |i: usize| picture.blocks[i].kind;
    let literal_kind = if cfg!(target_os = "linux") {
        BlockKind::StaticData
    } else {
        BlockKind::Borrowed
    };
    assert_eq!(
        (kind(1), kind(2), kind(3)),
        (literal_kind, BlockKind::Borrowed, BlockKind::Borrowed)
    );
    let totals = show(&kinds).totals();
    assert_eq!((totals.borrowed.allocated, totals.heap()), (15, 0));
}
