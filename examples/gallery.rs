//! A gallery of every type from the two articles that inspired layoutscope, laid out by the
//! compiler that built this example.
//!
//! * Part 1, "Understanding Rust's Memory Model": memory as bytes, the stack, the heap,
//!   moves, borrows, `Box`, `Copy`, and the `Rc<RefCell<Node>>` cycle.
//! * Part 2, the deep dive into how Rust's type system uses memory: ZSTs and DSTs, the machine
//!   word, integers, `char`, tuples, references, arrays, `Vec`, slices, `String`/`&str`,
//!   structs, enums (C-style, with data, with `Box`), `Option` niches, copy vs move, `Rc`,
//!   `Arc<Mutex<_>>` and trait objects.
//!
//! Each topic prints what the article claims, then the layout rustc really chose (a table,
//! or a byte map or box drawing where the article draws a picture). Only the articles'
//! numbers are typed in; every other number comes from `Layout::LAYOUT` (itself
//! `size_of`/`align_of`/`offset_of!`), from live values, or, for the heap side, from a small
//! counting global allocator (the only `unsafe` here). A line starting with `✓` says the
//! article is right; a line starting with `≠` says "article says X, rustc says Y" (or "this
//! run measured Y"), with Y computed at run time.
//!
//! Where a picture needs a type whose fields std keeps private (the blocks behind `Rc` and
//! `Arc`), the gallery derives `Layout` on a `#[repr(C)]` mirror and asserts that its size is
//! exactly what the allocator was asked for.
//!
//! Part 3 redraws the articles' pictures of values from the live values with
//! `layoutscope::show` (`String` "slop", `Vec<i32>` 65/54/57, `Box::new(5)`,
//! `Rc<Vec<String>>` and its clone, a `&str` literal, `&mut dyn Write`, the three locals of
//! the stack frame, a move, a borrow, slices of an array, a vector and a `String`, `Data` with
//! its vector inline and boxed, `Some(Box::new(42))`, a `Vec<String>` and its clone,
//! `Arc<Mutex<i32>>`, and two `Rc<RefCell<Node>>` pointing at each other), and checks each
//! heap total against the counting allocator.
//!
//! Run with `cargo run --example gallery`.

use layoutscope::{Layout, LayoutOfVal, Style, TypeLayout};
use std::alloc::{GlobalAlloc, Layout as AllocLayout, System};
use std::cell::{Cell, RefCell};
use std::io::Write;
use std::mem::{align_of, size_of};
use std::rc::{self, Rc};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex};

// ---------------------------------------------------------------------------------------------
// Measuring the heap side: a global allocator that forwards to the system and counts.
// ---------------------------------------------------------------------------------------------

/// Forwards every request to [`System`] and counts allocations and their bytes, so the
/// "Heap" half of the articles' pictures is measured too.
struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every method forwards unchanged to `System`, which upholds the `GlobalAlloc`
// contract; the counters are plain atomics and do not allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: AllocLayout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract; we pass it on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: AllocLayout) {
        // SAFETY: `ptr` was allocated by `System.alloc` with this `layout` (see `alloc`).
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What a piece of code asked the heap for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Heap {
    /// Number of allocations.
    blocks: usize,
    /// Their total size in bytes.
    bytes: usize,
}

/// Runs `make` and returns its result with the heap allocations it made.
fn measure<T>(make: impl FnOnce() -> T) -> (T, Heap) {
    let (blocks, bytes) = (ALLOCS.load(Relaxed), BYTES.load(Relaxed));
    let value = std::hint::black_box(make());
    let heap = Heap {
        blocks: ALLOCS.load(Relaxed) - blocks,
        bytes: BYTES.load(Relaxed) - bytes,
    };
    (value, heap)
}

// ---------------------------------------------------------------------------------------------
// Printing helpers.
// ---------------------------------------------------------------------------------------------

/// The size of a machine word (`usize`) on this target.
const WORD: usize = size_of::<usize>();

/// `T`'s layout, after checking it against `size_of`/`align_of` once more.
fn layout<T: Layout>() -> TypeLayout {
    assert_eq!(
        (T::LAYOUT.size, T::LAYOUT.align),
        (size_of::<T>(), align_of::<T>())
    );
    T::LAYOUT
}

fn part(title: &str) {
    println!("\n{}\n{title}\n{}", "═".repeat(92), "═".repeat(92));
}

fn topic(title: &str) {
    println!(
        "\n── {title} {}\n",
        "─".repeat(88usize.saturating_sub(title.chars().count()))
    );
}

/// What the article claims, quoted or closely paraphrased.
fn says(claim: &str) {
    wrapped("article: ", claim);
}

/// Prints `text` after `lead`, wrapped at 92 columns, continuation lines indented under it.
fn wrapped(lead: &str, text: &str) {
    let indent = " ".repeat(lead.chars().count());
    let mut line = lead.to_string();
    let mut empty = true;
    for word in text.split(' ') {
        if !empty && line.chars().count() + 1 + word.chars().count() > 92 {
            println!("{line}");
            line.clone_from(&indent);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    println!("{line}");
}

/// A number the article claims, checked against the one rustc chose (from `LAYOUT`).
fn verdict(what: &str, article: usize, rustc: usize) {
    compare(what, article, rustc, "rustc says");
}

/// A number the article claims, checked against one measured while this example runs
/// (heap allocations, lengths, counts).
fn measured(what: &str, article: usize, run: usize) {
    compare(what, article, run, "this run measured");
}

fn compare(what: &str, article: usize, actual: usize, source: &str) {
    if article == actual {
        wrapped("  ✓ ", &format!("{what}: {actual}, as the article says"));
    } else {
        wrapped(
            "  ≠ ",
            &format!("{what}: article says {article}, {source} {actual}"),
        );
    }
}

/// A line of this gallery's own, wrapped.
fn remark(text: &str) {
    wrapped("  ", text);
}

/// "1 byte", "2 bytes".
fn bytes(n: usize) -> String {
    format!("{n} byte{}", if n == 1 { "" } else { "s" })
}

/// A note of this gallery (not of the article).
fn note(text: &str) {
    wrapped("  note: ", text);
}

/// One compact line for a type whose diagram would be a single box: name, size, align.
fn row<T: Layout>(label: &str) -> TypeLayout {
    let l = layout::<T>();
    let words = match l.size / WORD {
        n if !l.size.is_multiple_of(WORD) || n == 0 => String::new(),
        1 => "  = 1 word".to_string(),
        n => format!("  = {n} words"),
    };
    let unit = if l.size == 1 { "byte," } else { "bytes," };
    println!(
        "  {label:<34} {:>3} {unit:<6} align {:>2}{words}",
        l.size, l.align
    );
    l
}

/// The byte ranges of `0..size` that no field of any of `values` (one per variant) covers:
/// the only places a separate tag could be.
fn tag_room<T: LayoutOfVal>(values: &[T]) -> String {
    let mut covered = vec![false; size_of::<T>()];
    for value in values {
        value.visit_fields_of_val(&mut |field, offset| {
            covered[offset..offset + field.size()].fill(true);
        });
    }
    let mut free = Vec::new();
    let mut i = 0;
    while i < covered.len() {
        let start = i;
        while i < covered.len() && !covered[i] {
            i += 1;
        }
        if i > start {
            free.push(format!("{start}..{i}"));
        }
        i += 1;
    }
    if free.is_empty() {
        "none: every byte belongs to some variant's field, so the tag is encoded inside a field"
            .to_string()
    } else {
        format!("bytes {} (no variant's field uses them)", free.join(", "))
    }
}

/// Prints where each field of a live enum value sits (rustc does not promise this for
/// `repr(Rust)` enums, so it is measured on real values).
fn live_offsets<T: LayoutOfVal>(label: &str, value: &T) {
    let mut at = Vec::new();
    let variant = value.visit_fields_of_val(&mut |field, offset| {
        at.push(format!(
            "field {} ({}) at bytes {}..{}",
            field.name,
            field.ty,
            offset,
            offset + field.size()
        ));
    });
    let exact = if variant.offsets_known() {
        ""
    } else {
        " in this build"
    };
    if at.is_empty() {
        println!("  live {label}: variant {}, no fields{exact}", variant.name);
    } else {
        println!("  live {label}: {}{exact}", at.join(", "));
    }
}

// ---------------------------------------------------------------------------------------------
// Part 1: "Understanding Rust's Memory Model".
// ---------------------------------------------------------------------------------------------

/// Stand-in for `main`'s stack frame with `let x: i32 = 100; let flag: bool = true;
/// let point: f64 = 0.5;` — rustc does not lay out locals like a struct (their slots are
/// unspecified), but a struct of the same three is the closest thing that has a layout.
#[derive(Layout)]
#[layout(values)]
#[allow(dead_code)]
struct StackFrame {
    x: i32,
    flag: bool,
    point: f64,
}

/// Stand-in for the frame holding `let v = vec![65, 54, 57]; let s = String::from("slop");`.
#[derive(Layout)]
#[allow(dead_code)]
struct HeapFrame {
    s: String,
    v: Vec<i32>,
}

/// The article's leaking node: two of these pointing at each other never reach count 0.
#[derive(Layout)]
#[layout(values)]
#[allow(dead_code)]
struct Node {
    next: Option<Rc<RefCell<Node>>>,
}

/// A mirror of std's private `RcInner<T>` (also `#[repr(C)]`): the heap block an `Rc<T>`
/// points to. Its size is checked against the allocation `Rc::new` really makes.
#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct RcInner<T> {
    strong: Cell<usize>,
    weak: Cell<usize>,
    value: T,
}

/// A mirror of std's private `ArcInner<T>` (also `#[repr(C)]`), checked the same way.
#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct ArcInner<T> {
    strong: AtomicUsize,
    weak: AtomicUsize,
    data: T,
}

fn memory_is_bytes() {
    topic("1.1 WTF is memory? A massive array of bytes");
    says("each address holds 8 bits; \"slop\" is 4 bytes at 0x1000..=0x1003 (115, 108, 111, 112)");
    let slop: [u8; 4] = *b"slop";
    let l = layout::<[u8; 4]>();
    println!("{}", l.diagram().style(Style::ByteMap));
    let base = slop.as_ptr().addr();
    for byte in &slop {
        let at = std::ptr::from_ref(byte).addr() - base;
        println!(
            "  base+{at}  {byte:08b}  ({byte} in decimal, {:?} in ASCII)",
            *byte as char
        );
    }
    verdict("bytes of \"slop\"", 4, l.size);
}

fn the_stack() {
    topic("1.2 The stack: x: i32 = 100, flag: bool = true, point: f64 = 0.5");
    says("point f64 (8 bytes), flag bool (1 byte + padding), x i32 (4 bytes); x at the bottom (lowest address), point \"pushed last but appears at the top\" (highest address)");
    // `black_box` keeps the optimiser from turning the three into constants, so that even a
    // release build gives them real stack slots.
    let x: i32 = std::hint::black_box(100);
    let flag: bool = std::hint::black_box(true);
    let point: f64 = std::hint::black_box(0.5);
    verdict("size of f64", 8, layout::<f64>().size);
    verdict("size of bool", 1, layout::<bool>().size);
    verdict("size of i32", 4, layout::<i32>().size);
    let frame = layout::<StackFrame>();
    println!("\nthe three as a struct (rustc picks the order; locals have no specified order):");
    println!("{}", frame.diagram().style(Style::Boxes));
    println!("{frame}");
    let mut slots = [
        ("x", std::ptr::from_ref(&x).addr()),
        ("flag", std::ptr::from_ref(&flag).addr()),
        ("point", std::ptr::from_ref(&point).addr()),
    ];
    slots.sort_by_key(|&(_, addr)| addr);
    let lowest = slots[0].1;
    let order: Vec<String> = slots
        .iter()
        .map(|(name, addr)| format!("{name} +{}", addr - lowest))
        .collect();
    println!(
        "  the real locals in this build, lowest address first: {}",
        order.join(", ")
    );
    let (lowest, highest) = (slots[0].0, slots[2].0);
    if (lowest, highest) == ("x", "point") {
        println!(
            "  ✓ x lowest and point highest in this build, as the article draws (not guaranteed)"
        );
    } else {
        println!("  ≠ article draws x lowest and point highest; this build has {lowest} lowest and {highest} highest");
    }
    note("where locals live is up to the compiler (and changes with optimisation); only each value's size and alignment are fixed");
}

fn the_heap() {
    topic("1.3 The heap: let v = vec![65, 54, 57]; let s = String::from(\"slop\");");
    says("on the stack each is ptr + len + capacity; the bytes live on the heap: [65, 54, 57] and \"slop\" (4B); the picture gives s len: 5, capacity: 5");
    let (v, v_heap) = measure(|| vec![65, 54, 57]);
    let (s, s_heap) = measure(|| String::from("slop"));
    let frame = layout::<HeapFrame>();
    println!("{}", frame.diagram().style(Style::Boxes));
    println!("{frame}");
    verdict(
        "stack words of v: Vec<i32>",
        3,
        layout::<Vec<i32>>().size / WORD,
    );
    verdict(
        "stack words of s: String",
        3,
        layout::<String>().size / WORD,
    );
    measured(
        "heap bytes of v (the picture's three i32s)",
        12,
        v_heap.bytes,
    );
    measured("heap bytes of \"slop\"", 4, s_heap.bytes);
    measured("s.len()", 5, s.len());
    measured("s.capacity()", 5, s.capacity());
    note("Vec and String keep their three words private and std does not fix their order, so layoutscope shows them as one opaque box");
    drop((v, s));
}

fn ownership_and_borrowing() {
    topic("1.4 Ownership: let x = String::from(\"x\"); let y = x;");
    says("x is moved to y: y gets the same ptr/len/capacity, the heap \"x\" (1B) is not copied");
    let (x, x_heap) = measure(|| String::from("x"));
    let (y, move_heap) = measure(move || x);
    let l = layout::<String>();
    println!("{l}");
    measured("heap bytes of \"x\"", 1, x_heap.bytes);
    measured("heap allocations made by the move", 0, move_heap.blocks);
    println!(
        "  the move copied the {}-byte header on the stack, nothing else",
        l.size
    );
    drop(y);

    topic("1.5 Borrowing: let x = String::from(\"tpot\"); let y = &x;");
    says("y: &String is just a ptr to x; it does not own the data");
    let x = String::from("tpot");
    let (y, borrow_heap) = measure(|| &x);
    let l = layout::<&String>();
    println!("{l}");
    verdict("words in y: &String", 1, l.size / WORD);
    measured("heap allocations made by the borrow", 0, borrow_heap.blocks);
    measured("y.len() (the picture's len: 4)", 4, y.len());
}

fn boxes() {
    topic("1.6 Box: let b = Box::new(5);");
    says("b: Box<i32> on the stack holds a ptr; 5 (4 bytes) is on the heap");
    let (b, heap) = measure(|| Box::new(5));
    let l = layout::<Box<i32>>();
    println!("{l}");
    verdict("words in b: Box<i32>", 1, l.size / WORD);
    measured("heap bytes of the boxed i32", 4, heap.bytes);
    drop(b);
}

fn copy_types() {
    topic("1.7 Copy: integers, floats, bool, char, tuples and arrays of Copy types");
    says("let y = x; duplicates the value; only types allocated on the stack implement Copy");
    row::<i32>("i32");
    row::<f64>("f64");
    row::<bool>("bool");
    row::<char>("char");
    row::<(i32, bool)>("(i32, bool)");
    row::<[i32; 3]>("[i32; 3]");
    row::<&String>("&String (Copy too)");
    row::<String>("String (not Copy)");
    note("a copy duplicates exactly size_of bytes; Copy is about owning no resource, not about the stack: &String is Copy and points to a String, String's own header sits on the stack but is not Copy");
}

fn leaking_cycle() {
    topic("1.8 Memory leaks: struct Node { next: Option<Rc<RefCell<Node>>> }");
    says("two Rc pointers referencing each other never reach count zero; Weak<T> breaks the cycle");
    let node = layout::<Node>();
    println!("{node}");
    let rc = row::<Rc<RefCell<Node>>>("Rc<RefCell<Node>>");
    println!(
        "  Node is as big as one Rc ({}): Option uses the Rc's never-null pointer for None",
        bytes(rc.size)
    );
    let (a, heap) = measure(|| Rc::new(RefCell::new(Node { next: None })));
    let block = layout::<RcInner<RefCell<Node>>>();
    println!("\nthe heap block of `Rc::new(RefCell::new(Node {{ next: None }}))` (std's RcInner, mirrored):");
    println!("{block}");
    assert_eq!(
        heap,
        Heap {
            blocks: 1,
            bytes: block.size
        },
        "the mirror matches the real allocation"
    );
    remark(&format!(
        "measured: {} allocation of {}, the mirror's size; RefCell<Node> = {} (borrow flag + Node)",
        heap.blocks,
        bytes(heap.bytes),
        bytes(layout::<RefCell<Node>>().size)
    ));
    let b = Rc::new(RefCell::new(Node {
        next: Some(Rc::clone(&a)),
    }));
    a.borrow_mut().next = Some(Rc::clone(&b));
    println!(
        "  after linking a ⇄ b: strong counts {} and {}; dropping a and b would leave {} and {}",
        Rc::strong_count(&a),
        Rc::strong_count(&b),
        Rc::strong_count(&a) - 1,
        Rc::strong_count(&b) - 1
    );
    row::<rc::Weak<RefCell<Node>>>("Weak<RefCell<Node>>");
    row::<Option<rc::Weak<RefCell<Node>>>>("Option<Weak<RefCell<Node>>>");
    // Break the cycle so this example does not leak what it describes.
    a.borrow_mut().next = None;
}

// ---------------------------------------------------------------------------------------------
// Part 2: the deep dive into memory and the type system.
// ---------------------------------------------------------------------------------------------

/// A unit-like struct: a zero-sized type.
#[derive(Layout)]
struct UnitLike;

/// The article's struct listing survives only as "the vector inside the nums field"; this
/// stand-in puts pointers and Copy types next to each other around a `nums: Vec<i32>`.
#[derive(Layout)]
#[allow(dead_code)]
struct NamedFields {
    id: u8,
    nums: Vec<i32>,
    score: f32,
}

/// A tuple struct with the fields of the article's tuple `(char, u8, i32)`.
#[derive(Layout)]
#[allow(dead_code)]
struct TupleStruct(char, u8, i32);

/// The three kinds of struct, nested in one: a struct inside a struct is laid out in place.
#[derive(Layout)]
#[allow(dead_code)]
struct AllThree {
    named: NamedFields,
    tuple: TupleStruct,
    unit: UnitLike,
}

/// The article's C-style enum: tags 0 and 1.
mod c_style {
    #[derive(layoutscope::Layout)]
    #[allow(dead_code, clippy::upper_case_acronyms)] // named as in the article
    pub enum HTTPStatuses {
        OK,
        NoFound,
    }
}

/// The article's enum with explicit values.
mod with_values {
    #[derive(layoutscope::Layout)]
    #[allow(dead_code, clippy::upper_case_acronyms)] // named as in the article
    pub enum HTTPStatuses {
        OK = 200,
        NoFound = 404,
    }
}

/// The article's data enum, with the vector stored inline.
mod inline {
    #[derive(layoutscope::Layout)]
    #[layout(values)]
    #[allow(dead_code)]
    pub enum Data {
        Empty,
        Number(i32),
        Array(Vec<i32>),
    }
}

/// The article's data enum, with the vector behind a `Box`.
mod boxed {
    #[derive(layoutscope::Layout)]
    #[layout(values)]
    #[allow(dead_code, clippy::box_collection)] // the article's example, on purpose
    pub enum Data {
        Empty,
        Number(i32),
        Array(Box<Vec<i32>>),
    }
}

fn zst_and_dst() {
    topic("2.1 ZST and DST");
    says("a ZST's size is collapsed to zero; a DST (str, [T], Arc..) is only used behind a reference that carries its length: &str, &[T], Box<[T]>");
    let unit = layout::<UnitLike>();
    println!("{unit}");
    verdict("size of the unit-like struct", 0, unit.size);
    row::<&str>("&str");
    row::<&[i32]>("&[i32]");
    row::<Box<[i32]>>("Box<[i32]>");
    row::<Arc<Vec<i32>>>("Arc<Vec<i32>> (Sized)");
    row::<Arc<str>>("Arc<str> (Sized, wide)");
    note("str and [T] have no size, so they have no LAYOUT; Arc is not a DST: Arc<T> is a Sized pointer, wide only when T itself is a DST");
}

fn machine_word() {
    topic("2.2 Machine word");
    says("on a 64-bit CPU a word is 64 bits (8 bytes); usize is one word");
    let l = layout::<usize>();
    println!("{l}");
    if cfg!(target_pointer_width = "64") {
        verdict("bytes in usize on this 64-bit target", 8, l.size);
    }
}

fn integers_and_char() {
    topic("2.3 Integers, floats and char");
    says("i8/u8 1 byte, i16/u16 2, i32/u32 4, i64/u64 8, i128/u128 16, f32/f64 4/8, isize/usize 4/8 bytes; char always 4 bytes, whatever the character");
    let word = if cfg!(target_pointer_width = "64") {
        8
    } else {
        4
    };
    let rows: [(&str, usize, TypeLayout); 15] = [
        ("i8", 1, layout::<i8>()),
        ("u8", 1, layout::<u8>()),
        ("i16", 2, layout::<i16>()),
        ("u16", 2, layout::<u16>()),
        ("i32", 4, layout::<i32>()),
        ("u32", 4, layout::<u32>()),
        ("i64", 8, layout::<i64>()),
        ("u64", 8, layout::<u64>()),
        ("i128", 16, layout::<i128>()),
        ("u128", 16, layout::<u128>()),
        ("f32", 4, layout::<f32>()),
        ("f64", 8, layout::<f64>()),
        ("isize", word, layout::<isize>()),
        ("usize", word, layout::<usize>()),
        ("char", 4, layout::<char>()),
    ];
    for (name, article, l) in rows {
        if article == l.size {
            let unit = if l.size == 1 { "byte," } else { "bytes," };
            println!(
                "  ✓ {name:<6} {:>2} {unit:<6} align {:>2}, as the article says",
                l.size, l.align
            );
        } else {
            println!(
                "  ≠ {name:<6} article says {}, rustc says {}",
                bytes(article),
                bytes(l.size)
            );
        }
    }
    let char_l = layout::<char>();
    println!("{char_l}");
    for c in ['a', '€', '🦀'] {
        println!(
            "  {c:?}: {} as a char, {} as UTF-8",
            bytes(char_l.size),
            bytes(c.len_utf8())
        );
    }
}

fn tuples() {
    topic("2.4 Tuple: (char, u8, i32)");
    says("sum of sizes 9, alignment 4, 9 / 4 = 2.25 → 3, aligned size 4 × 3 = 12; size_of::<(char, u8, i32)>() = 12, align_of = 4");
    let l = layout::<(char, u8, i32)>();
    println!("{}", l.diagram().style(Style::ByteMap));
    println!("{l}");
    verdict("sum of field sizes", 9, l.field_bytes());
    verdict("size", 12, l.size);
    verdict("align", 4, l.align);
}

fn references() {
    topic("2.5 References: &T, &&T, &mut T");
    says("a reference holds the address of the original variable: one machine word each");
    for (name, l) in [
        ("&i32", row::<&i32>("&T = &i32")),
        ("&&i32", row::<&&i32>("&&T = &&i32")),
        ("&mut i32", row::<&mut i32>("&mut T = &mut i32")),
    ] {
        verdict(&format!("words in {name}"), 1, l.size / WORD);
    }
    note("only references to Sized types are one word: &str, &[T] and &dyn Trait are two (2.1, 2.7, 2.8, 2.18)");
}

fn arrays_and_vectors() {
    topic("2.6 Array and vector: let a: [i32; 3] = [55, 66, 77]; let v = vec![55, 66, 77];");
    says("an array's values are placed one after another on the stack; a vector stores 3 words (ptr, len, cap) on the stack and its values on the heap");
    let a: [i32; 3] = [55, 66, 77];
    let arr = layout::<[i32; 3]>();
    println!("{}", arr.diagram().style(Style::ByteMap));
    println!("{arr}");
    let gaps: Vec<usize> = a
        .windows(2)
        .map(|w| std::ptr::from_ref(&w[1]).addr() - std::ptr::from_ref(&w[0]).addr())
        .collect();
    verdict("bytes of a: three i32 back to back", 3 * 4, arr.size);
    println!("  live a: consecutive elements are {gaps:?} bytes apart");
    let (v, heap) = measure(|| vec![55, 66, 77]);
    let vec = layout::<Vec<i32>>();
    println!("{vec}");
    verdict("words of v: Vec<i32> on the stack", 3, vec.size / WORD);
    measured("heap bytes of v's three i32", 3 * 4, heap.bytes);
    println!("  live v: len {}, capacity {}", v.len(), v.capacity());
    note("the article lists the words as (ptr, len, cap) here and (ptr, cap, len) for String; std fixes neither order, so layoutscope shows Vec as one opaque box");
}

fn slices() {
    topic("2.7 Slice: let s1: &[i32] = &a[0..2]; let s2: &[i32] = &v[0..2];");
    says("&[T] is a fat pointer: a pointer to the data (*const T) and a length (usize)");
    let a: [i32; 3] = [55, 66, 77];
    let v: Vec<i32> = vec![55, 66, 77];
    let (s1, s2): (&[i32], &[i32]) = (&a[0..2], &v[0..2]);
    let l = layout::<&[i32]>();
    println!("{l}");
    verdict("words in &[i32]", 2, l.size / WORD);
    println!(
        "  live s1: ptr = a.as_ptr()? {}, len {}; s2: ptr = v.as_ptr()? {}, len {}",
        s1.as_ptr() == a.as_ptr(),
        s1.len(),
        s2.as_ptr() == v.as_ptr(),
        s2.len()
    );
    note("Rust does not specify the order of the two words, so layoutscope draws a wide pointer as one box");
}

fn strings() {
    topic("2.8 String, str, &str");
    says("String is like Vec<u8>: 3 words (ptr, cap, len) on the stack; a literal is a &'static str, a fat pointer (ptr + len) into .rodata; &s[1..3] is a &str too");
    let (s, heap) = measure(|| String::from("hello"));
    let s2: &'static str = "hello";
    let ptr: *const u8 = s2.as_ptr();
    let s1: &str = &s[1..3];
    println!("{}", layout::<String>());
    let string = row::<String>("s: String");
    let literal = row::<&'static str>("s2: &'static str");
    let raw = row::<*const u8>("ptr: *const u8 = s2.as_ptr()");
    let slice = row::<&str>("s1: &str = &s[1..3]");
    verdict("words in String", 3, string.size / WORD);
    verdict("words in &'static str", 2, literal.size / WORD);
    verdict("words in *const u8", 1, raw.size / WORD);
    verdict("words in &str", 2, slice.size / WORD);
    measured("heap bytes of \"hello\"", 5, heap.bytes);
    remark(&format!(
        "live: s1 = {s1:?} points 1 byte into s's heap block: {}; s2 == s is {}, yet s2.as_ptr() == s.as_ptr() is {}: s2's bytes are the literal's, in the binary",
        s1.as_ptr() == s.as_ptr().wrapping_add(1),
        s2 == s,
        ptr == s.as_ptr()
    ));
}

fn structs() {
    topic("2.9 Structs: named fields, tuple structs, unit-like structs");
    says("a struct with named fields puts pointers and copy types next to each other on the stack (the vector's elements in `nums` go to the heap); a unit-like struct is a ZST; structs have a memory representation similar to tuples");
    note("the article's struct listing is not in its text (only the field `nums` is); NamedFields is a stand-in");
    let named = layout::<NamedFields>();
    println!("{}", named.diagram().style(Style::Boxes));
    println!("{named}");
    let tuple_struct = layout::<TupleStruct>();
    let tuple = layout::<(char, u8, i32)>();
    println!("{tuple_struct}");
    let offsets = |l: &TypeLayout| l.fields().iter().map(|f| f.offset).collect::<Vec<_>>();
    let same = offsets(&tuple_struct) == offsets(&tuple);
    remark(&format!(
        "TupleStruct(char, u8, i32): {}; the tuple (char, u8, i32): {}; field offsets {:?} vs {:?}: {}",
        bytes(tuple_struct.size),
        bytes(tuple.size),
        offsets(&tuple_struct),
        offsets(&tuple),
        if same { "the same" } else { "rustc ordered the fields differently" }
    ));
    let unit = layout::<UnitLike>();
    println!("\nall three nested in one struct (not in the article), expanded one level:");
    let all = layout::<AllThree>();
    println!("{}", all.diagram().depth(1));
    let parts = named.size + tuple_struct.size + unit.size;
    println!(
        "  the parts take {} + {} + {} = {}, rounded up to a multiple of align {}: {}",
        named.size,
        tuple_struct.size,
        unit.size,
        parts,
        all.align,
        bytes(all.size)
    );
    assert_eq!(all.size, parts.next_multiple_of(all.align));
}

fn enums() {
    topic("2.10 C-style enum: enum HTTPStatuses { OK, NoFound }");
    says("stored as integers starting with tag 0, in the smallest integer type that fits");
    let l = layout::<c_style::HTTPStatuses>();
    println!("{l}");
    verdict("bytes", 1, l.size);
    verdict("tag of OK", 0, l.variants()[0].discriminant as usize);
    verdict("tag of NoFound", 1, l.variants()[1].discriminant as usize);

    topic("2.11 Enum with values: enum HTTPStatuses { OK = 200, NoFound = 404 }");
    says("404 needs 2 bytes, so each variant weighs 2 bytes");
    let l = layout::<with_values::HTTPStatuses>();
    println!("{l}");
    verdict("bytes", 2, l.size);
    let opt = row::<Option<with_values::HTTPStatuses>>("Option<HTTPStatuses>");
    remark(&format!(
        "(not in the article) Option<HTTPStatuses> is {} too: None takes one of the unused values",
        bytes(opt.size)
    ));

    topic("2.12 Enum with data: enum Data { Empty, Number(i32), Array(Vec<i32>) }");
    says("a variant integer tag (0, 1, 2...) must also be stored in memory; all variants must be the same size, so alignment will be by the largest variant (read: Data = a tag word + the largest variant)");
    let l = layout::<inline::Data>();
    println!("{l}");
    let largest = l
        .variants()
        .iter()
        .flat_map(|v| v.fields)
        .map(|f| f.size())
        .max()
        .unwrap_or(0);
    let model = l.align + largest;
    verdict(
        &format!("Data bytes ({} tag + {} Vec<i32>)", l.align, largest),
        model,
        l.size,
    );
    live_offsets("Data::Empty", &inline::Data::Empty);
    live_offsets("Data::Number(7)", &inline::Data::Number(7));
    live_offsets("Data::Array(vec![1])", &inline::Data::Array(vec![1]));
    let values = [
        inline::Data::Empty,
        inline::Data::Number(7),
        inline::Data::Array(vec![1]),
    ];
    remark(&format!("room for a separate tag: {}", tag_room(&values)));
    note("so the tag hides in a niche of the Vec: its capacity never exceeds isize::MAX, and rustc spends two of the impossible capacities on Empty and Number; Data is only as big as Vec<i32>");
    let inline_size = l.size;

    topic("2.13 Enum with Box: enum Data { Empty, Number(i32), Array(Box<Vec<i32>>) }");
    says("storing a pointer to the vector instead of the vector halves the memory; the heap then stores the vector's (ptr, cap, len)");
    let l = layout::<boxed::Data>();
    println!("{l}");
    let (array, heap) = measure(|| Box::new(vec![1]));
    let values = [
        boxed::Data::Empty,
        boxed::Data::Number(7),
        boxed::Data::Array(array),
    ];
    live_offsets("Data::Empty", &values[0]);
    live_offsets("Data::Number(7)", &values[1]);
    live_offsets("Data::Array(Box::new(vec![1]))", &values[2]);
    remark(&format!("room for a separate tag: {}", tag_room(&values)));
    verdict(
        &format!("boxed Data bytes (\"halved\" from {inline_size})"),
        inline_size / 2,
        l.size,
    );
    note(&format!(
        "{} is half of the article's own {model}-byte model, but rustc's inline Data was {inline_size} already",
        l.size
    ));
    measured(
        "heap blocks for Box::new(vec![1]): the Vec header + its buffer",
        2,
        heap.blocks,
    );
    measured(
        "heap bytes of the boxed Vec header (ptr, cap, len)",
        3 * WORD,
        heap.bytes - size_of::<i32>(),
    );
    note("a Box has one impossible value (null), too few for both Empty and Number, so rustc adds a tag beside the i32");
}

fn options() {
    topic("2.14 Option and the null pointer optimisation");
    says("None is tag 0, Some stores the value plus tag 1; but Option<Box<T>> takes exactly the memory of Box<T>: None is the null pointer");
    println!("{}", layout::<Option<Box<i32>>>());
    verdict(
        "Option<Box<i32>> bytes = Box<i32> bytes",
        layout::<Box<i32>>().size,
        layout::<Option<Box<i32>>>().size,
    );
    verdict(
        "Option<i32> bytes: tag (padded to 4) + i32",
        4 + 4,
        layout::<Option<i32>>().size,
    );
    let pairs: [(&str, TypeLayout, TypeLayout); 8] = [
        (
            "Box<i32>",
            layout::<Box<i32>>(),
            layout::<Option<Box<i32>>>(),
        ),
        ("&i32", layout::<&i32>(), layout::<Option<&i32>>()),
        ("Rc<i32>", layout::<Rc<i32>>(), layout::<Option<Rc<i32>>>()),
        (
            "Vec<i32>",
            layout::<Vec<i32>>(),
            layout::<Option<Vec<i32>>>(),
        ),
        ("String", layout::<String>(), layout::<Option<String>>()),
        ("char", layout::<char>(), layout::<Option<char>>()),
        ("bool", layout::<bool>(), layout::<Option<bool>>()),
        ("i32", layout::<i32>(), layout::<Option<i32>>()),
    ];
    println!("\n  {:<10} {:>6}  {:>14}", "T", "size T", "size Option<T>");
    for (name, t, opt) in pairs {
        let how = if opt.size == t.size {
            "no tag: None is a value T can never have"
        } else {
            "a separate tag"
        };
        println!("  {name:<10} {:>6}  {:>14}  {how}", t.size, opt.size);
    }
}

fn copy_vs_move() {
    topic("2.15 Copy vs move: a vector of heap-allocated strings");
    says("v is 3 words on the stack; on the heap the String headers (3 words each) lie one after another, each pointing to its bytes elsewhere; a move copies the 3 words of v, clone() allocates a full copy");
    let names = || vec!["Odin".to_string(), "Thor".to_string(), "Loki".to_string()];
    let (v, heap) = measure(names);
    row::<Vec<String>>("v: Vec<String>");
    println!("v's heap block holds the same bytes as a [String; 3]:");
    let buffer = layout::<[String; 3]>();
    println!("{buffer}");
    verdict(
        "words in v on the stack",
        3,
        layout::<Vec<String>>().size / WORD,
    );
    verdict("words per String header", 3, layout::<String>().size / WORD);
    measured(
        "heap blocks: 1 buffer of headers + 3 strings' bytes",
        4,
        heap.blocks,
    );
    measured(
        "heap bytes: 3 headers + \"OdinThorLoki\"",
        buffer.size + 12,
        heap.bytes,
    );
    let (v2, moved) = measure(move || v);
    measured("heap allocations of `let v2 = v;`", 0, moved.blocks);
    let (v3, cloned) = measure(|| v2.clone());
    measured("heap allocations of `v2.clone()`", 4, cloned.blocks);
    drop((v2, v3));
}

fn reference_counting() {
    topic("2.16 Rc: let v: Rc<Vec<String>> = Rc::new(vec![…]); let v2 = v.clone();");
    says("v on the stack is 1 usize; the Vec's 3 words go to the heap along with extra memory to hold the reference counter; clone() only increments the counter by 1");
    let names = vec!["Odin".to_string(), "Thor".to_string(), "Loki".to_string()];
    let (v, heap) = measure(|| Rc::new(names));
    let stack = row::<Rc<Vec<String>>>("v: Rc<Vec<String>>");
    verdict("words of v on the stack", 1, stack.size / WORD);
    let block = layout::<RcInner<Vec<String>>>();
    println!("what `Rc::new` allocated (std's private RcInner, mirrored; checked against the allocator):");
    println!("{}", block.diagram().style(Style::Boxes).width(96));
    assert_eq!(
        heap,
        Heap {
            blocks: 1,
            bytes: block.size
        },
        "the mirror matches the real allocation"
    );
    measured(
        "heap bytes: the Vec's 3 words + 1 counter word",
        4 * WORD,
        heap.bytes,
    );
    note("std keeps two counters next to the value, strong and weak (for Weak<T>), hence one word more");
    let (v2, cloned) = measure(|| Rc::clone(&v));
    measured("heap allocations of v.clone()", 0, cloned.blocks);
    measured("Rc::strong_count after the clone", 2, Rc::strong_count(&v2));
}

fn arc_and_mutex() {
    topic("2.17 Arc and Mutex: let data: Arc<Mutex<i32>> = Arc::new(Mutex::new(0));");
    says("Arc works the same way as Rc, with an atomic counter; put a Mutex inside to mutate");
    let (data, heap) = measure(|| Arc::new(Mutex::new(0)));
    *data.lock().unwrap() += 1;
    let stack = row::<Arc<Mutex<i32>>>("data: Arc<Mutex<i32>>");
    let rc = row::<Rc<Mutex<i32>>>("Rc<Mutex<i32>>");
    verdict("Arc bytes = Rc bytes", rc.size, stack.size);
    println!("{}", layout::<Mutex<i32>>());
    let block = layout::<ArcInner<Mutex<i32>>>();
    println!("what `Arc::new` allocated (std's private ArcInner, mirrored; checked against the allocator):");
    println!("{}", block.diagram().style(Style::Boxes).width(96));
    assert_eq!(
        heap,
        Heap {
            blocks: 1,
            bytes: block.size
        },
        "the mirror matches the real allocation"
    );
    println!(
        "  measured: {} allocation of {}; the value after `*data.lock().unwrap() += 1` is {}",
        heap.blocks,
        bytes(heap.bytes),
        data.lock().unwrap()
    );
}

fn writer(w: &mut dyn Write) -> usize {
    let _ = w.write_all(b"hi");
    size_of::<&mut dyn Write>()
}

fn trait_objects() {
    topic("2.18 Trait objects: let w: &mut dyn Write = &mut buffer; fn writer(w: &mut dyn Write)");
    says("a trait object is a fat pointer: a data pointer (to the Vec<u8>) and a vtable pointer; Box<dyn Write>, Rc and Arc of a dyn Trait become fat pointers the same way");
    let mut buffer: Vec<u8> = vec![];
    let buffer_at = std::ptr::from_ref(&buffer).addr();
    let w: &mut dyn Write = &mut buffer;
    let _ = w.write_all(b"ok ");
    let data_at = std::ptr::from_mut(w).cast::<u8>().addr();
    let passed = writer(&mut buffer);
    let l = layout::<&mut dyn Write>();
    println!("{l}");
    verdict("words in writer's parameter", 2, passed / WORD);
    println!(
        "  live w: its data pointer is &buffer? {}",
        data_at == buffer_at
    );
    row::<&mut Vec<u8>>("&mut Vec<u8> (thin, for contrast)");
    for (name, l) in [
        ("&mut dyn Write", l),
        ("Box<dyn Write>", row::<Box<dyn Write>>("Box<dyn Write>")),
        ("Rc<dyn Write>", row::<Rc<dyn Write>>("Rc<dyn Write>")),
        ("Arc<dyn Write>", row::<Arc<dyn Write>>("Arc<dyn Write>")),
    ] {
        verdict(&format!("words in {name}"), 2, l.size / WORD);
    }
    println!(
        "  live buffer after both writes: {:?}",
        String::from_utf8_lossy(&buffer)
    );
}

// ---------------------------------------------------------------------------------------------
// Part 3: the articles' value pictures, drawn from live values.
// ---------------------------------------------------------------------------------------------

/// Draws `value` with `show` and checks its heap total against what building it allocated.
fn picture<T: layoutscope::values::Visit>(name: &str, value: &T, allocated: Heap) {
    print!("{}", layoutscope::show(value).name(name));
    let shown = layoutscope::show(value).totals().heap();
    if shown == allocated.bytes {
        wrapped(
            "  ✓ ",
            &format!("show's heap total {shown} B is what the allocator handed out"),
        );
    } else {
        wrapped(
            "  ≠ ",
            &format!(
                "show's heap total {shown} B, the allocator handed out {} B",
                allocated.bytes
            ),
        );
    }
}

fn value_pictures() {
    topic("3.1 let s = String::from(\"slop\");");
    says("s: String is ptr, len: 5, capacity: 5 on the stack; \"slop\" (4B) on the heap");
    let (s, heap) = measure(|| String::from("slop"));
    picture("s", &s, heap);
    measured("s.len()", 5, s.len());
    measured("s.capacity()", 5, s.capacity());
    measured(
        "heap bytes of \"slop\"",
        4,
        layoutscope::show(&s).totals().heap(),
    );

    topic("3.2 let v = vec![65, 54, 57];");
    says("v: Vec<i32> is ptr, len: 3, capacity: 3; the heap holds 65 │ 54 │ 57");
    let (v, heap) = measure(|| vec![65, 54, 57]);
    picture("v", &v, heap);
    measured(
        "heap bytes of v",
        3 * 4,
        layoutscope::show(&v).totals().heap(),
    );

    topic("3.3 let b = Box::new(5);");
    says("b: Box<i32> on the stack holds a ptr; 5 (4 bytes) is on the heap");
    let (b, heap) = measure(|| Box::new(5));
    picture("b", &b, heap);
    let t = layoutscope::show(&b).totals();
    verdict("stack bytes of b", WORD, t.stack);
    measured("heap bytes of the boxed 5", 4, t.heap());

    topic("3.4 let v: Rc<Vec<String>> = Rc::new(vec![\"Odin\", \"Thor\", \"Loki\"]); let v2 = v.clone();");
    says("the 3 usize of the vector header go to the heap with the reference counter; v on the stack is 1 usize; the clone increments the counter");
    let (pair, heap) = measure(|| {
        let v: Rc<Vec<String>> = Rc::new(vec!["Odin".into(), "Thor".into(), "Loki".into()]);
        let v2 = v.clone();
        (v, v2)
    });
    picture("(v, v2)", &pair, heap);
    let t = layoutscope::show(&pair.0).totals();
    verdict("stack words of v: Rc<Vec<String>>", 1, t.stack / WORD);
    measured("strong count after the clone", 2, Rc::strong_count(&pair.0));
    remark(&format!(
        "the Rc block holds two counts (strong and weak, {} B) before the {}-byte header: {} B in all",
        2 * WORD,
        size_of::<Vec<String>>(),
        t.shared.allocated - 3 * 4 - 3 * size_of::<String>()
    ));

    topic("3.5 let s2: &'static str = \"hello\";");
    says("s2 is a fat pointer (ptr + len) into .rodata, not the heap");
    let (s2, heap) = measure(|| -> &'static str { "hello" });
    picture("s2", &s2, heap);
    let t = layoutscope::show(&s2).totals();
    verdict("stack words of s2", 2, t.stack / WORD);
    measured("heap bytes s2 owns", 0, t.heap());
    measured("bytes it borrows", 5, t.borrowed.allocated);
    let in_executable = layoutscope::show(&s2).picture().blocks[1].kind
        == layoutscope::values::BlockKind::StaticData;
    if in_executable {
        wrapped(
            "  ✓ ",
            "the 5 bytes lie in a read-only mapping of this executable's file, not on the heap, as the article says",
        );
    } else {
        note("this system does not list the executable's mappings (Linux's /proc/self/maps); show draws the bytes as borrowed");
    }

    topic("3.6 let w: &mut dyn Write = &mut buffer;");
    says("a trait object is a fat pointer: data pointer + vtable pointer");
    let mut buffer: Vec<u8> = vec![];
    let (w, heap) = measure(|| -> &mut dyn Write { &mut buffer });
    picture("w", &w, heap);
    let t = layoutscope::show(&w).totals();
    verdict("stack words of w", 2, t.stack / WORD);
    measured(
        "bytes of the Vec<u8> it points to (size from the vtable)",
        3 * WORD,
        t.borrowed.allocated,
    );
}

fn more_value_pictures() {
    topic("3.7 let x: i32 = 100; let flag: bool = true; let point: f64 = 0.5;");
    says("point f64 (8 bytes), flag bool (1 byte + padding), x i32 (4 bytes)");
    let (frame, heap) = measure(|| StackFrame {
        x: 100,
        flag: true,
        point: 0.5,
    });
    picture("frame", &frame, heap);
    let t = layoutscope::show(&frame).totals();
    verdict(
        "padding after flag (bytes of the frame in no field)",
        size_of::<StackFrame>() - 8 - 1 - 4,
        t.padding.stack,
    );
    note("the three locals as one struct, as in 1.2: rustc picks the order of its fields");

    topic("3.8 let x = String::from(\"x\"); let y = x;");
    says("x is moved to y: y gets the same ptr/len/capacity, the heap \"x\" (1B) is not copied");
    let (x, heap) = measure(|| String::from("x"));
    let before = x.as_ptr() as usize;
    let (y, moved) = measure(|| x);
    picture("y", &y, heap);
    measured("bytes allocated by the move", 0, moved.bytes);
    if y.as_ptr() as usize == before {
        wrapped(
            "  ✓ ",
            "y points to the very bytes x pointed to: nothing was copied, as the article says",
        );
    } else {
        wrapped("  ≠ ", "y points elsewhere than x did");
    }

    topic("3.9 let x = String::from(\"tpot\"); let y = &x;");
    says("y: &String is just a ptr to x; it does not own the data");
    let x = String::from("tpot");
    let (y, heap) = measure(|| &x);
    picture("y", &y, heap);
    let t = layoutscope::show(&y).totals();
    verdict("stack words of y", 1, t.stack / WORD);
    measured("heap bytes y owns", 0, t.heap());
    measured(
        "bytes it reaches without owning them: x's header and \"tpot\"",
        3 * WORD + 4,
        t.borrowed.allocated,
    );

    topic("3.10 let a = [55, 66, 77]; let v = vec![55, 66, 77]; let s1 = &a[0..2]; let s2 = &v[0..2];");
    says("s1 and s2 are fat pointers (ptr + len) into the array and into the vector's heap buffer");
    let a: [i32; 3] = [55, 66, 77];
    let v: Vec<i32> = vec![55, 66, 77];
    let (slices, heap) = measure(|| (&a[0..2], &v[0..2]));
    picture("(s1, s2)", &slices, heap);
    let t = layoutscope::show(&slices.0).totals();
    verdict("stack words of s1", 2, t.stack / WORD);
    measured("bytes s1 borrows (two i32s)", 8, t.borrowed.allocated);
    if slices.1.as_ptr() == v.as_ptr() && slices.0.as_ptr() == a.as_ptr() {
        wrapped("  ✓ ", "s1 starts at a's first byte and s2 at the first byte of v's heap buffer: nothing was copied, as the article says");
    } else {
        wrapped("  ≠ ", "a slice does not start where its source does");
    }

    topic("3.11 let s = String::from(\"hello\"); let s1: &str = &s[1..3];");
    says("a slice of the String does not copy the data, it references it with its length");
    let s = String::from("hello");
    let (s1, heap) = measure(|| &s[1..3]);
    picture("s1", &s1, heap);
    let t = layoutscope::show(&s1).totals();
    verdict("stack words of s1", 2, t.stack / WORD);
    measured("bytes s1 borrows (\"el\")", 2, t.borrowed.allocated);
    measured(
        "bytes from the String's first byte to the slice's",
        1,
        s1.as_ptr() as usize - s.as_ptr() as usize,
    );

    topic("3.12 Data::Array(vec![1, 2, 3]) and Data::Array(Box::new(vec![1, 2, 3]))");
    says("Data takes 8 bytes for the tag and 24 for the Vec<i32>: 32 bytes; boxing the vector halves that, and the heap then holds the vector's header");
    let (inline, heap) = measure(|| inline::Data::Array(vec![1, 2, 3]));
    picture("inline", &inline, heap);
    verdict(
        "bytes of the inline Data",
        32,
        layoutscope::show(&inline).totals().stack,
    );
    let (boxed, heap) = measure(|| boxed::Data::Array(Box::new(vec![1, 2, 3])));
    picture("boxed", &boxed, heap);
    let t = layoutscope::show(&boxed).totals();
    verdict("bytes of the boxed Data", 16, t.stack);
    measured(
        "heap bytes: the vector's header and its three i32s",
        3 * WORD + 12,
        t.heap(),
    );
    let (number, heap) = measure(|| boxed::Data::Number(7));
    picture("number", &number, heap);

    topic("3.13 let o: Option<Box<i32>> = Some(Box::new(42));");
    says("Some(Box::new(42)) is a single ptr, without an integer tag; None is the null pointer");
    let (o, heap) = measure(|| Some(Box::new(42)));
    picture("o", &o, heap);
    let t = layoutscope::show(&o).totals();
    verdict("stack words of o", 1, t.stack / WORD);
    measured(
        "bytes of o left to a tag (or padding)",
        0,
        t.tag_or_padding.stack,
    );

    topic("3.14 let v = vec![\"Odin\", \"Thor\", \"Loki\"] as Strings; let v2 = v.clone();");
    says("the heap holds the three String headers one after another, each pointing to its own bytes; after clone() each variable owns its own memory with the same data");
    let ((pair, cloned), heap) = measure(|| {
        let v: Vec<String> = vec!["Odin".into(), "Thor".into(), "Loki".into()];
        let (v2, cloned) = measure(|| v.clone());
        ((v, v2), cloned)
    });
    picture("(v, v2)", &pair, heap);
    let one = layoutscope::show(&pair.0).totals();
    measured(
        "heap bytes allocated by clone(), as many as v's own",
        one.heap(),
        cloned.bytes,
    );
    measured(
        "blocks v owns: its buffer and three strings",
        4,
        one.owned.blocks,
    );

    topic("3.15 let data: Arc<Mutex<i32>> = Arc::new(Mutex::new(0));");
    says("Arc works as Rc with an atomic counter; the Mutex inside it guards the i32");
    let (data, heap) = measure(|| Arc::new(Mutex::new(0)));
    *data.lock().unwrap() += 1;
    picture("data", &data, heap);
    let t = layoutscope::show(&data).totals();
    verdict("stack words of data", 1, t.stack / WORD);
    remark(&format!(
        "the Arc block holds two counts ({} B) before the {}-byte Mutex<i32>, and {} B of padding: {} B in all",
        2 * WORD,
        size_of::<Mutex<i32>>(),
        t.padding.shared,
        t.shared.allocated
    ));

    topic("3.16 struct Node { next: Option<Rc<RefCell<Node>>> }: a points to b, b to a");
    says("two Rc pointers referencing each other never reach count zero");
    let (a, heap) = measure(|| {
        let a = Rc::new(RefCell::new(Node { next: None }));
        let b = Rc::new(RefCell::new(Node {
            next: Some(a.clone()),
        }));
        a.borrow_mut().next = Some(b);
        a
    });
    picture("a", &a, heap);
    measured(
        "strong count of a while the cycle stands",
        2,
        Rc::strong_count(&a),
    );
    // Break the cycle so that both blocks are freed.
    a.borrow_mut().next = None;
}

fn main() {
    part("Part 1 · \"Understanding Rust's Memory Model\"");
    memory_is_bytes();
    the_stack();
    the_heap();
    ownership_and_borrowing();
    boxes();
    copy_types();
    leaking_cycle();

    part("Part 2 · How Rust's type system uses memory (the deep dive)");
    zst_and_dst();
    machine_word();
    integers_and_char();
    tuples();
    references();
    arrays_and_vectors();
    slices();
    strings();
    structs();
    enums();
    options();
    copy_vs_move();
    reference_counting();
    arc_and_mutex();
    trait_objects();

    part("Part 3 · The articles' pictures of values, drawn from the live values");
    value_pictures();
    more_value_pictures();
}
