//! The heap totals of `layoutscope::values` against a counting global allocator: for every
//! std type with a `Visit` impl and for derived types nesting them, the bytes a value keeps
//! allocated (measured as the live-byte delta of building it) equal `totals(&value).heap()`
//! and `heap_bytes(&value).allocated`.
//! Blocks whose size std does not specify (hash tables, B-trees) are estimates: they are
//! excluded from the equality and printed with the measured size (`--nocapture`).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Debug;
use std::rc::{self, Rc};
use std::sync::{Arc, Mutex};

use layout_testkit::{measure, Counting};
use layoutscope::values::{heap_bytes, totals, Visit};
use layoutscope::Layout;

#[global_allocator]
static GLOBAL: Counting = Counting;

/// `make`'s value keeps exactly the heap bytes its totals say, and none is estimated.
#[track_caller]
fn exact<T: Visit>(what: &str, make: impl FnOnce() -> T) {
    let (value, measured) = measure(make);
    let t = totals(&value);
    assert_eq!(t.estimated.blocks, 0, "{what}: nothing should be estimated");
    assert_eq!(t.heap(), measured, "{what}: totals {t:?}");
    assert_eq!(heap_bytes(&value).allocated, measured, "{what}: heap_bytes");
    assert_eq!(heap_bytes(&value).estimated, 0, "{what}: heap_bytes");
}

#[test]
fn strings_and_vectors() {
    exact("String \"slop\"", || String::from("slop"));
    exact("String with spare capacity", || {
        let mut s = String::with_capacity(100);
        s.push_str("tpot");
        s
    });
    exact("empty String", String::new);
    exact("Vec<i32> 65/54/57", || vec![65i32, 54, 57]);
    exact("Vec grown by push", || {
        let mut v = Vec::new();
        for i in 0..37u64 {
            v.push(i);
        }
        v
    });
    exact("Vec::new()", Vec::<u8>::new);
    exact("Vec of zero-sized values", || vec![(); 5]);
    exact("Vec<String>", || {
        (0..20).map(|i| "x".repeat(i)).collect::<Vec<_>>()
    });
    exact("Vec<Vec<u16>>", || {
        vec![vec![1u16; 3], Vec::with_capacity(9), vec![]]
    });
    exact("VecDeque wrapped around", || {
        let mut d = VecDeque::with_capacity(8);
        for i in 0..6u32 {
            d.push_back(i);
        }
        for _ in 0..4 {
            d.pop_front();
        }
        for i in 0..4 {
            d.push_back(i);
        }
        d
    });
}

#[test]
fn boxes() {
    exact("Box::new(5)", || Box::new(5i32));
    exact("Box of a zero-sized value", || Box::new(()));
    exact("Box<[u16]>", || vec![1u16, 2, 3].into_boxed_slice());
    exact("Box<str>", || Box::<str>::from("hello"));
    exact("Box<dyn Debug> of an array", || {
        Box::new([1u64, 2, 3, 4]) as Box<dyn Debug>
    });
    exact("Box<Box<String>>", || {
        Box::new(Box::new(String::from("deep")))
    });
    exact("Option<Box<u8>>", || Some(Box::new(1u8)));
}

/// A trait of the user's own with `Visit` as a supertrait: its trait objects are visited.
trait Shape: Visit {}

impl Shape for Vec<String> {}

#[test]
fn trait_objects_of_visit_are_visited_fully() {
    exact("Box<dyn Visit> of a Vec<String>", || {
        Box::new(vec![String::from("Odin"), "Thor".into()]) as Box<dyn Visit>
    });
    exact("Box<dyn Shape> of a Vec<String>", || {
        Box::new(vec![String::from("Loki")]) as Box<dyn Shape>
    });
    exact("Rc<dyn Visit> of (String, Vec<u8>) and a clone", || {
        let rc: Rc<dyn Visit> = Rc::new((String::from("shared"), vec![1u8; 9]));
        (rc.clone(), rc)
    });
    exact("Arc<dyn Visit + Send + Sync> of a Box<u64>", || {
        Arc::new(Box::new(5u64)) as Arc<dyn Visit + Send + Sync>
    });
    // Borrowed: drawn and counted apart, the heap behind the reference included.
    let outside = vec![String::from("borrowed")];
    let (value, measured) = measure(|| &outside as &dyn Visit);
    let t = totals(&value);
    assert_eq!((t.heap(), measured), (0, 0));
    let word = std::mem::size_of::<usize>();
    assert_eq!(t.borrowed.allocated, 3 * word + 3 * word + "borrowed".len());
}

/// Of a std trait object only the size of the value behind it is known: the heap it owns is
/// not visited, and the picture says so.
#[test]
fn other_trait_objects_count_only_their_pointee() {
    let (value, measured) = measure(|| Box::new(vec![7u8; 100]) as Box<dyn std::any::Any>);
    let t = totals(&value);
    let header = std::mem::size_of::<Vec<u8>>();
    assert_eq!(t.heap(), header);
    assert_eq!(measured, header + 100, "the buffer is what is not visited");
    let picture = layoutscope::show(&value).to_string();
    assert!(picture.contains("contents not visited"), "{picture}");
}

#[test]
fn std_wrappers_count_what_they_hold() {
    let (kept, measured) = measure(|| std::mem::ManuallyDrop::new(String::from("kept")));
    assert_eq!(heap_bytes(&kept).allocated, measured);
    assert_eq!(totals(&kept).heap(), measured);
    drop(std::mem::ManuallyDrop::into_inner(kept));
    exact("Reverse<Vec<u8>>", || std::cmp::Reverse(vec![1u8, 2, 3]));
    exact("Wrapping<Vec<u16>> of 5", || {
        std::num::Wrapping(vec![1u16; 5])
    });
    exact("Saturating<u32>", || std::num::Saturating(7u32));
    exact("Vec<Duration>", || {
        vec![std::time::Duration::from_secs(1); 3]
    });
    exact("Instant and SystemTime", || {
        (std::time::Instant::now(), std::time::SystemTime::now())
    });
    exact("Vec<*const u8> and fn pointers", || {
        let f: fn(u8) -> u8 = |x| x;
        (
            vec![std::ptr::null::<u8>(); 4],
            f,
            std::cmp::Ordering::Equal,
        )
    });
}

#[test]
fn operating_system_strings() {
    exact("PathBuf pushed", || {
        let mut p = std::path::PathBuf::from("/usr");
        p.push("lib");
        p
    });
    exact("OsString with spare capacity", || {
        let mut s = std::ffi::OsString::with_capacity(40);
        s.push("abc");
        s
    });
    exact("CString", || std::ffi::CString::new("nul after").unwrap());
    exact("Box<Path>", || {
        std::path::PathBuf::from("/etc/hosts").into_boxed_path()
    });
    exact("Cow<str>, owned", || {
        std::borrow::Cow::<str>::Owned("owned".repeat(3))
    });
    exact("Cow<[u8]>, borrowed", || {
        std::borrow::Cow::Borrowed(&b"bytes"[..])
    });
    exact("Vec<PathBuf>", || {
        (0..5)
            .map(|i| std::path::PathBuf::from(format!("dir/{i}")))
            .collect::<Vec<_>>()
    });
}

/// What may be uninitialised is never read, so a vector inside `MaybeUninit` is not seen.
#[test]
fn maybe_uninit_is_not_read() {
    let (value, measured) = measure(|| std::mem::MaybeUninit::new(vec![7u8; 100]));
    let t = totals(&value);
    assert_eq!(t.heap(), 0);
    assert_eq!(measured, 100, "the buffer is what is not read");
    let picture = layoutscope::show(&value).to_string();
    assert!(
        picture.contains("not read: may be uninitialised"),
        "{picture}"
    );
    // SAFETY: `MaybeUninit::new` initialised it; taking it out frees the buffer.
    drop(unsafe { value.assume_init() });
}

#[test]
fn shared_blocks_are_counted_once() {
    exact("Rc<Vec<String>> and a clone", || {
        let v = Rc::new(vec!["Odin".to_string(), "Thor".into(), "Loki".into()]);
        (v.clone(), v)
    });
    exact("Arc<Mutex<i32>>", || Arc::new(Mutex::new(0i32)));
    exact("Rc<str>", || Rc::<str>::from("shared"));
    exact("Arc<[u64]>", || Arc::<[u64]>::from(vec![1, 2, 3]));
    exact("Rc<u8> (padded after the value)", || Rc::new(7u8));
    exact("Rc and its Weak", || {
        let rc = Rc::new(String::from("kept"));
        (rc::Rc::downgrade(&rc), rc)
    });
    exact("a Weak whose value was dropped", || {
        let rc = Rc::new(String::from("dropped"));
        let weak = Rc::downgrade(&rc);
        drop(rc);
        weak
    });
    exact("Weak::new()", rc::Weak::<u64>::new);
}

#[derive(Layout)]
#[layout(values)]
struct Node {
    name: String,
    next: RefCell<Option<Rc<Node>>>,
}

#[test]
fn a_cycle_ends_and_is_counted_once() {
    exact("two Rc nodes pointing at each other", || {
        let a = Rc::new(Node {
            name: "a".into(),
            next: RefCell::new(None),
        });
        let b = Rc::new(Node {
            name: "bee".into(),
            next: RefCell::new(Some(a.clone())),
        });
        *a.next.borrow_mut() = Some(b.clone());
        a
    });
}

#[derive(Layout)]
#[layout(values)]
#[allow(clippy::box_collection)] // the article's way to halve the enum
enum Data {
    Empty,
    Number(i32),
    Array(Box<Vec<i32>>),
}

#[derive(Layout)]
#[layout(values)]
struct Record<T> {
    id: u8,
    tags: Vec<Option<Box<u32>>>,
    data: [Data; 3],
    shared: Rc<T>,
    text: (String, char),
}

#[test]
fn derived_types_nesting_std_types() {
    exact("a derived enum", || Data::Array(Box::new(vec![1, 2, 3])));
    exact("a derived generic struct", || Record {
        id: 1,
        tags: vec![Some(Box::new(1)), None, Some(Box::new(3))],
        data: [
            Data::Empty,
            Data::Number(4),
            Data::Array(Box::new(Vec::with_capacity(6))),
        ],
        shared: Rc::new(String::from("rc")),
        text: (String::from("twelve bytes"), 'x'),
    });
}

#[test]
fn borrowed_bytes_are_not_the_values_own() {
    let outside = String::from("owned elsewhere");
    let (value, measured) = measure(|| (&outside, "static", &outside[1..4]));
    let t = totals(&value);
    assert_eq!((t.heap(), measured), (0, 0));
    // The `String` header and its buffer (reached through the reference), "static", and the
    // three bytes of the slice (a block of its own inside the buffer).
    let header = std::mem::size_of::<String>();
    assert_eq!(t.borrowed.allocated, header + outside.len() + 6 + 3);
    assert_eq!(t.borrowed.blocks, 4);
}

/// A struct with 3 bytes of padding: `size_of` 8, fields 1 + 4 bytes.
#[derive(Layout, Debug, Clone, Copy)]
#[layout(values)]
struct Gap {
    small: u8,
    wide: u32,
}

/// An enum whose live variant leaves bytes to its tag or padding.
#[derive(Layout, Debug)]
#[layout(values)]
#[allow(dead_code)] // only `Byte` is built: the other variant makes the enum wide
enum Either {
    Byte(u8),
    Word(u64),
}

#[test]
fn padding_is_counted_where_it_lies() {
    use layoutscope::values::Padding;
    let gap = Gap { small: 1, wide: 2 };
    let fields = size_of::<u8>() + size_of::<u32>();
    let pad = size_of::<Gap>() - fields;
    assert_eq!(pad, 3);
    let only = |place: fn(&mut Padding) -> &mut usize, bytes: usize| {
        let mut p = Padding::default();
        *place(&mut p) = bytes;
        p
    };
    assert_eq!(totals(&gap).padding, only(|p| &mut p.stack, pad));
    assert_eq!(totals(&Box::new(gap)).padding, only(|p| &mut p.owned, pad));
    assert_eq!(
        totals(&vec![gap; 4]).padding,
        only(|p| &mut p.owned, 4 * pad)
    );
    let rc = Rc::new(gap);
    assert_eq!(
        totals(&(rc.clone(), rc)).padding,
        only(|p| &mut p.shared, pad)
    );
    assert_eq!(totals(&&gap).padding, only(|p| &mut p.borrowed, pad));
    // An `Rc`'s block is two counts and the value, padded to a whole number of words.
    let counts = 2 * size_of::<usize>();
    let (rc_block, measured) = measure(|| Rc::new([1u8, 2, 3]));
    let rc_pad = measured - counts - 3;
    assert_eq!(measured % size_of::<usize>(), 0, "a whole number of words");
    assert!(rc_pad > 0);
    assert_eq!(totals(&rc_block).padding, only(|p| &mut p.shared, rc_pad));
    // Inside the live variant's field the byte is a field; the rest of the enum is its tag or
    // padding.
    let either = Either::Byte(7);
    let rest = size_of::<Either>() - size_of::<u8>();
    let t = totals(&Box::new(either));
    assert_eq!(t.tag_or_padding, only(|p| &mut p.owned, rest));
    assert_eq!(t.padding, Padding::default());
}

/// The estimated blocks, each with the size the allocator measured, printed as a list; the
/// exact part of the same values still matches.
#[test]
fn estimates_are_listed() {
    fn listed<T: Visit>(what: &str, make: impl FnOnce() -> T) {
        let (value, measured) = measure(make);
        let t = totals(&value);
        assert!(t.estimated.blocks > 0, "{what}: expected an estimate");
        let heap = heap_bytes(&value);
        assert_eq!(
            (heap.allocated, heap.estimated),
            (t.heap(), t.estimated.allocated)
        );
        let actual = measured - t.heap_exact();
        println!(
            "{what}: estimated {} B, measured {actual} B ({:+})",
            t.estimated.allocated,
            t.estimated.allocated as isize - actual as isize
        );
    }
    listed("HashMap<u64, Vec<u8>> of 100", || {
        (0..100u64)
            .map(|i| (i, vec![0u8; i as usize]))
            .collect::<HashMap<_, _>>()
    });
    listed("HashSet<String> of 3", || {
        ["a", "b", "c"]
            .map(String::from)
            .into_iter()
            .collect::<HashSet<_>>()
    });
    listed("BTreeMap<u32, String> of 50", || {
        (0..50u32)
            .map(|i| (i, i.to_string()))
            .collect::<BTreeMap<_, _>>()
    });
    listed("BTreeSet<u8> of 5", || (0..5u8).collect::<BTreeSet<_>>());
}
