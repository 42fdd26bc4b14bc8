//! Golden pictures of live values (`layoutscope::show`), with the blocks named `#1`, `#2`, …
//! so that the text is the same in every run: the seed articles' values, a derived type with
//! a live enum variant, a cycle, a cut-short buffer, ASCII and a drawing depth. Expected
//! files live in `tests/snapshots/values/`; after an intended change:
//! `LAYOUTSCOPE_BLESS=1 cargo test -p layoutscope-testsuite --test values_pictures`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use layoutscope::values::{Show, Visit};
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
    golden("rc_vec_string", show(&(v, v2)).name("(v, v2)"));
    let s2: &'static str = "hello";
    golden("static_str", show(&s2).name("s2"));
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
    // Break the cycle so the test does not leak.
    a.next.borrow_mut().take();
}

#[test]
fn a_long_buffer_is_cut_short_but_counted() {
    let mut v: Vec<u16> = (0..100).collect();
    v.reserve_exact(10);
    golden("long_vec", show(&v).name("v").max_elements(3));
    assert_eq!(show(&v).totals().owned.allocated, 220);
}
