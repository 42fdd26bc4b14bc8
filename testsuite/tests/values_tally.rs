//! `totals` and `heap_bytes` count leaves, `String`s and `Vec`s of leaves from their tally
//! wherever nothing is drawn; a picture drawn in full visits every value. All must give the
//! same totals, padding, blocks and borrowed bytes included.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt::Debug;
use std::rc::Rc;

use layoutscope::values::{heap_bytes, show, totals, Totals, Visit};
use layoutscope::Layout;

/// The totals of a picture in which every value is drawn, so none is tallied.
fn visited<T: Visit + ?Sized>(value: &T) -> Totals {
    show(value)
        .depth(usize::MAX)
        .max_elements(usize::MAX)
        .picture()
        .totals
}

#[track_caller]
fn same<T: Visit + Debug + ?Sized>(value: &T) {
    let tallied = totals(value);
    assert_eq!(tallied, visited(value), "{value:?}");
    let heap = heap_bytes(value);
    assert_eq!(heap.allocated, tallied.heap(), "{value:?}: heap_bytes");
    assert_eq!(heap.estimated, tallied.estimated.allocated, "{value:?}");
    // A picture cut short tallies what it does not draw: the same totals again.
    let cut = show(value).depth(1).max_elements(2).picture().totals;
    assert_eq!(cut, tallied, "{value:?}, drawn in part");
}

#[derive(Layout, Debug)]
#[layout(values)]
struct Padded {
    flag: u8,
    name: String,
    bytes: [u8; 5],
    wide: u64,
    list: Vec<u16>,
}

fn padded(i: usize) -> Padded {
    Padded {
        flag: i as u8,
        name: "n".repeat(i % 4),
        bytes: [i as u8; 5],
        wide: i as u64,
        list: Vec::with_capacity(i % 3),
    }
}

#[test]
fn buffers_of_leaves_and_strings() {
    let mut strings: Vec<String> = (0..50).map(|i| "s".repeat(i % 7)).collect();
    strings.reserve(10);
    strings.push(String::with_capacity(9));
    same(&strings);
    same(&(0..30u8).map(|i| vec![i; i as usize]).collect::<Vec<_>>());
    same(&vec![[1u16, 2, 3]; 12]);
    same(&vec![(1u8, 2u32); 12]);
    same(&vec![Some(1u8), None, Some(3)]);
    same(&vec![(); 4]);
    same(&vec![1u8, 2, 3].into_boxed_slice());
    same(&(0..20).map(padded).collect::<Vec<_>>());
    same(&padded(3));
    same(&(0..20).map(|i| "q".repeat(i)).collect::<VecDeque<_>>());
}

#[test]
fn collections_of_tallied_values() {
    same(
        &(0..50u64)
            .map(|i| (i, vec![0u8; i as usize % 9]))
            .collect::<HashMap<_, _>>(),
    );
    same(&(0..20).map(|i| i.to_string()).collect::<HashSet<_>>());
    same(
        &(0..30u32)
            .map(|i| (i, "b".repeat(i as usize % 3)))
            .collect::<BTreeMap<_, _>>(),
    );
}

#[test]
fn shared_and_borrowed_buffers() {
    let shared = Rc::new((0..10).map(|i| i.to_string()).collect::<Vec<_>>());
    same(&(shared.clone(), shared.clone()));
    // Borrowed buffers are looked up, not tallied: reached twice, counted once.
    let strings: Vec<String> = (0..10).map(|i| "x".repeat(i)).collect();
    let twice = (&strings, &strings);
    same(&twice);
    let one = String::from("one");
    let refs = vec![&one, &one, &one];
    same(&refs);
    assert_eq!(
        totals(&refs).borrowed.blocks,
        2,
        "the String and its buffer"
    );
    // The buffer reached through the `String` and again as a `&str`.
    let text = String::from("abc");
    assert_eq!(text.capacity(), text.len());
    let both = (&text, text.as_str());
    same(&both);
    assert_eq!(totals(&both).borrowed.allocated, size_of::<String>() + 3);
}

/// A type that promises a tally for every value and does not give one.
struct Broken(u8);

impl Visit for Broken {
    fn visit(&self, v: &mut layoutscope::values::Visitor<'_>) {
        v.value(self.0);
    }

    fn tallies() -> bool {
        true
    }
}

#[test]
#[should_panic(expected = "says `Visit::tallies()` but its `Visit::tally` returned `None`")]
fn a_broken_tally_promise_is_reported() {
    totals(&vec![Broken(1), Broken(2)]);
}
