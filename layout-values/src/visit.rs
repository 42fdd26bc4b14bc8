//! The [`Visit`] trait and the [`Visitor`] that builds a [`Picture`] from it.
//!
//! Offsets are never computed from a layout model: a field's offset is its address minus the
//! address of the block that holds it, taken from references to the live value. Rows are
//! recorded only where they will be drawn; counting goes on everywhere, so the totals do not
//! depend on `depth` or `max_elements`.

use std::collections::HashMap;
use std::fmt::{Display, Write as _};
use std::mem::{align_of_val, size_of_val};
use std::string::String;

use crate::picture::{Basis, Block, BlockKind, Bytes, Picture, Row, RowKind, Target, Totals};
use crate::static_data;

/// A value that can describe its bytes and the memory it points to.
///
/// Implemented here for the primitives and the common std types, and by
/// `#[derive(Layout)]` with the key `#[layout(values)]`. An impl calls [`Visitor::field`]
/// for each field of the live value (for an enum, after [`Visitor::variant`]),
/// [`Visitor::value`] for a leaf, and [`Visitor::pointer`] for each block it points to.
///
/// ```
/// # mod layoutscope {
/// #     pub use layout_values::show;
/// #     pub mod values { pub use layout_values::*; }
/// # }
/// use layoutscope::values::{Visit, Visitor};
///
/// struct Celsius(f32);
///
/// impl Visit for Celsius {
///     fn visit(&self, v: &mut Visitor<'_>) {
///         v.field("0", &self.0);
///     }
/// }
///
/// let totals = layoutscope::show(&Celsius(21.5)).totals();
/// assert_eq!((totals.stack, totals.heap()), (4, 0));
/// ```
///
/// `Visit` is a trait object type: `Box<dyn Visit>`, `&dyn Visit`, `Rc<dyn Visit>` (and
/// `dyn MyTrait` where `MyTrait: Visit`) are visited through the vtable, heap blocks of the
/// value behind them included. Of other trait objects (`dyn Any`, `dyn Write`, …) only the
/// size and alignment their vtable gives are known: their contents are not visited, and the
/// picture says so.
///
/// ```
/// # mod layoutscope {
/// #     pub use layout_values::show;
/// #     pub mod values { pub use layout_values::*; }
/// # }
/// use layoutscope::values::Visit;
///
/// let names: Box<dyn Visit> = Box::new(vec![String::from("Odin")]);
/// // The `Vec` header (24 bytes on 64-bit targets), its buffer of one `String` header, and "Odin".
/// let word = size_of::<usize>();
/// assert_eq!(layoutscope::show(&names).totals().heap(), 3 * word + 3 * word + 4);
/// ```
pub trait Visit {
    /// Describes `self` to `v`.
    fn visit(&self, v: &mut Visitor<'_>);

    /// What a pointer to `Self` carries besides the address: nothing for sized types, a
    /// length for slices and `str`, a vtable for trait objects.
    fn metadata(&self) -> Metadata {
        Metadata::Thin
    }

    /// The name of the value's own type: behind a `dyn Visit` (or a trait object of a trait
    /// with `Visit` as a supertrait), the concrete type the vtable belongs to.
    fn type_name(&self) -> &'static str {
        core::any::type_name::<Self>()
    }

    /// Whether every value of this type is plain bytes: no pointer, no padding, no enum tag
    /// (the integers, floats, `bool`, `char`, and arrays of them). Where they are not drawn,
    /// buffers of such values are counted by their length instead of value by value. `false`,
    /// the default, is always right.
    fn is_leaf() -> bool
    where
        Self: Sized,
    {
        false
    }

    /// What `self` adds to the totals, where that can be said without visiting it; used
    /// instead of [`Visit::visit`] where the value is not drawn (by [`totals`](crate::totals),
    /// and for what a picture leaves out). It must count what the visit counts, so a type
    /// whose visit calls [`Visitor::field`] (padding lies between fields) or reaches anything
    /// but one owned block of leaves returns `None`, the default.
    fn tally(&self) -> Option<Tally> {
        None
    }

    /// Whether [`Visit::tally`] returns `Some` for every value of this type, so that a buffer
    /// of them is summed in one tight loop. A type that says so and then returns `None` makes
    /// that loop panic. The default is `true` for leaves only.
    fn tallies() -> bool
    where
        Self: Sized,
    {
        Self::is_leaf()
    }
}

/// What a value adds to the totals, said without visiting it ([`Visit::tally`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tally {
    /// Its own bytes, and nothing else: a leaf ([`Visit::is_leaf`]).
    Leaf,
    /// One heap block that the value owns alone, holding leaves, whose size is exact (not an
    /// estimate): a `String`'s or a `Vec<u8>`'s buffer.
    Buffer {
        /// Bytes holding values.
        used: usize,
        /// Bytes allocated; 0 is no allocation (`String::new()`).
        allocated: usize,
    },
}

/// What a pointer carries besides the data address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metadata {
    /// Nothing: a thin pointer.
    Thin,
    /// The number of elements (bytes for `str`).
    Len(usize),
    /// A vtable: the pointee's size, align and methods, shared by every value of its type.
    Vtable,
}

/// A block a pointer leads to, as [`Visitor::pointer`] takes it.
#[derive(Clone, Copy, Debug)]
pub struct Allocation<'a> {
    /// The block's first byte, where it is known (a hash table's start is std's secret).
    pub start: Option<usize>,
    /// Bytes of the block (allocated, for heap blocks).
    pub size: usize,
    /// Bytes holding live values.
    pub used: usize,
    /// Alignment of the block.
    pub align: usize,
    /// What it holds, as `type_name` writes it (module paths are removed when drawn).
    pub type_name: &'a str,
    /// Whether the pointer owns, shares or borrows the block.
    pub access: Access,
    /// How `size` is known.
    pub basis: Basis,
}

/// How a pointer holds the block it points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Alone (`Box`, `Vec`, `String`).
    Owns,
    /// With other owners (`Rc`, `Arc`, `Weak`), with the counts at the time of the visit.
    Shares {
        /// Strong count.
        strong: usize,
        /// Weak count.
        weak: usize,
    },
    /// Not at all (`&T`, `&mut T`).
    Borrows,
}

/// What the visit needs from [`crate::Show`]'s options.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Whether rows are recorded at all (`false` for totals only).
    pub draw: bool,
    /// Whether only the allocated bytes of heap blocks must be right ([`crate::heap_bytes`]):
    /// buffers of tallied items then sum those alone.
    pub heap_only: bool,
    /// Pointers followed when drawing (blocks further away are counted, not drawn).
    pub depth: usize,
    /// Elements drawn per buffer.
    pub max_elements: usize,
    /// Characters of a value's text.
    pub value_width: usize,
}

/// Whose bytes the visit is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Value,
    Owned,
    Shared,
    Borrowed,
}

#[derive(Clone, Copy, Debug)]
struct Cursor {
    /// The drawn block that rows go to and padding is added to.
    block: Option<usize>,
    /// Address that offsets are measured from; `None` where the block's start is unknown.
    base: Option<usize>,
    level: usize,
    /// The row of the value being visited, where it is drawn.
    row: Option<usize>,
    rows_on: bool,
    hops: usize,
    owner: Owner,
}

/// What a value's fields add up to while it is visited.
#[derive(Clone, Copy, Debug, Default)]
struct Frame {
    fields: usize,
    any: bool,
    variant: bool,
    private: bool,
}

/// What values counted without a visit ([`Visit::tally`]) add up to.
#[derive(Clone, Copy, Debug, Default)]
struct Tallied {
    /// How many: a field of 0 bytes is a field too, and a buffer's hidden items are counted
    /// in its picture.
    values: usize,
    /// Their bytes, as fields of the value being visited.
    fields: usize,
    /// The buffers they own.
    blocks: Bytes,
}

impl Tallied {
    #[inline]
    fn add(&mut self, size: usize, tallies: impl IntoIterator<Item = Tally>) {
        self.values += 1;
        self.fields += size;
        for tally in tallies {
            // A leaf adds no block; 0 bytes is no allocation (`String::new()`), as for
            // `Visitor::pointer`, and its `used` is 0 too. Counted without a branch: this
            // runs once per element.
            let (used, allocated) = match tally {
                Tally::Buffer { used, allocated } => (used, allocated),
                Tally::Leaf => (0, 0),
            };
            self.blocks.merge(Bytes {
                blocks: usize::from(allocated > 0),
                used,
                allocated,
            });
        }
    }
}

/// `value`'s [`Visit::tally`] where it may replace the visit: a block reached through a
/// reference (`borrowed`) is visited, to be counted once.
#[inline]
fn tally<T: Visit + ?Sized>(value: &T, borrowed: bool) -> Option<Tally> {
    value
        .tally()
        .filter(|tally| *tally == Tally::Leaf || !borrowed)
}

/// What items that all tally add up to. A `for` loop keeps the sums in registers; inside a
/// hash map's own `fold` (not inlined) they went through memory at every entry.
#[inline]
fn sum_tallies<'e, K: Visit + 'e, V: Visit + 'e>(
    items: impl Iterator<Item = (&'e K, Option<&'e V>)>,
) -> Tallied {
    let mut tallied = Tallied::default();
    for (key, value) in items {
        let tallies = [
            key.tally().unwrap_or_else(|| broken_tallies::<K>()),
            value
                .map_or(Some(Tally::Leaf), V::tally)
                .unwrap_or_else(|| broken_tallies::<V>()),
        ];
        tallied.add(
            size_of::<K>() + value.map_or(0, |_| size_of::<V>()),
            tallies,
        );
    }
    tallied
}

/// The bytes that items that all tally allocate, and nothing else ([`crate::heap_bytes`]):
/// one sum, which the collection's own `fold` (faster than `next` for the std maps and
/// sets) carries in a register.
#[inline]
fn sum_allocated<'e, K: Visit + 'e, V: Visit + 'e>(
    items: impl Iterator<Item = (&'e K, Option<&'e V>)>,
) -> Tallied {
    let allocated = items
        .map(|(key, value)| allocated(key) + value.map_or(0, allocated))
        .sum();
    Tallied {
        blocks: Bytes {
            allocated,
            ..Bytes::default()
        },
        ..Tallied::default()
    }
}

/// A type whose [`Visit::tallies`] promised a tally that [`Visit::tally`] did not give.
#[cold]
#[inline(never)]
fn broken_tallies<T>() -> ! {
    panic!(
        "`{}` says `Visit::tallies()` but its `Visit::tally` returned `None`",
        core::any::type_name::<T>()
    )
}

/// The bytes `value`'s tally allocates, for a type whose [`Visit::tallies`] is `true`.
#[inline]
fn allocated<T: Visit>(value: &T) -> usize {
    match value.tally() {
        Some(Tally::Buffer { allocated, .. }) => allocated,
        Some(Tally::Leaf) => 0,
        None => broken_tallies::<T>(),
    }
}

/// [`tally`] of an item: a key or element, and a map's value.
#[inline]
fn tally_item<K: Visit, V: Visit>(
    key: &K,
    value: Option<&V>,
    borrowed: bool,
) -> Option<[Tally; 2]> {
    let key = tally(key, borrowed)?;
    let value = match value {
        Some(value) => tally(value, borrowed)?,
        None => Tally::Leaf,
    };
    Some([key, value])
}

/// Collects the picture of a value; see [`Visit`].
pub struct Visitor<'a> {
    limits: &'a Limits,
    picture: Picture,
    /// Blocks that can be reached more than once (shared and borrowed), by address and
    /// size, with the block they are drawn as.
    seen: HashMap<(usize, usize), Option<usize>>,
    cursor: Cursor,
    frames: Vec<Frame>,
}

fn address<T: ?Sized>(value: &T) -> usize {
    (value as *const T).cast::<u8>() as usize
}

impl<'a> Visitor<'a> {
    /// The picture of `value`, named `name`.
    pub(crate) fn run<T: Visit + ?Sized>(value: &T, name: &str, limits: &'a Limits) -> Picture {
        let start = address(value);
        let size = size_of_val(value);
        let mut v = Visitor {
            limits,
            picture: Picture {
                blocks: Vec::new(),
                totals: Totals {
                    stack: size,
                    ..Totals::default()
                },
            },
            seen: HashMap::new(),
            cursor: Cursor {
                block: None,
                base: Some(start),
                level: 0,
                row: None,
                rows_on: limits.draw,
                hops: 0,
                owner: Owner::Value,
            },
            frames: Vec::new(),
        };
        if limits.draw {
            v.picture.blocks.push(Block {
                address: Some(start),
                kind: BlockKind::Value,
                type_name: short(core::any::type_name::<T>()),
                size,
                used: size,
                align: align_of_val(value),
                basis: Basis::Documented,
                rows: Vec::new(),
                padding: 0,
                tag_or_padding: 0,
            });
            v.cursor.block = Some(0);
        }
        v.field(name, value);
        for block in &mut v.picture.blocks {
            in_memory_order(&mut block.rows);
        }
        v.picture
    }

    /// Whether rows are being drawn here: an impl may skip work that only drawing needs.
    #[must_use]
    pub fn drawing(&self) -> bool {
        self.cursor.rows_on
    }

    /// A field (or element, or pointee) of the value being visited, at its real address.
    pub fn field<T: Visit + ?Sized>(&mut self, name: &str, value: &T) {
        self.place(name, value, true);
    }

    /// A field whose type does not implement [`Visit`] (`#[layout(opaque)]`): drawn at its
    /// real offset with its size, not looked into (heap blocks it owns are not counted).
    pub fn opaque<T>(&mut self, name: &str, value: &T) {
        let offset = self
            .cursor
            .base
            .and_then(|base| address(value).checked_sub(base));
        let type_name = if self.cursor.rows_on {
            short(core::any::type_name::<T>())
        } else {
            String::new()
        };
        self.open(name, offset, size_of_val(value), &type_name, |v| {
            v.value("opaque");
        });
    }

    /// The elements of a buffer or an array, each at its real address; beyond
    /// `max_elements` they are counted, not drawn.
    pub fn elements<'e, T: Visit + 'e>(&mut self, items: impl IntoIterator<Item = &'e T>) {
        self.items(items.into_iter().map(|item| (item, None::<&T>)), true);
    }

    /// The entries of a map whose places std does not reveal: each as a `(key, value)` row
    /// without an offset.
    pub fn entries<'e, K: Visit + 'e, V: Visit + 'e>(
        &mut self,
        entries: impl IntoIterator<Item = (&'e K, &'e V)>,
    ) {
        self.items(entries.into_iter().map(|(k, v)| (k, Some(v))), false);
    }

    /// The items of a set (or, with `value`, a map) whose places std does not reveal.
    pub fn members<'e, T: Visit + 'e>(&mut self, items: impl IntoIterator<Item = &'e T>) {
        self.items(items.into_iter().map(|item| (item, None::<&T>)), false);
    }

    fn items<'e, K: Visit + 'e, V: Visit + 'e>(
        &mut self,
        mut items: impl Iterator<Item = (&'e K, Option<&'e V>)>,
        placed: bool,
    ) {
        let rows_on = self.cursor.rows_on;
        let mut name = String::new();
        if rows_on {
            for i in 0..self.limits.max_elements {
                let Some((key, value)) = items.next() else {
                    break;
                };
                name.clear();
                let _ = write!(name, "[{i}]");
                self.item(&name, key, value, placed);
            }
            self.cursor.rows_on = false;
        }
        // The rest is counted, not drawn: where every item tallies, in a loop that does
        // nothing else.
        let borrowed = self.cursor.owner == Owner::Borrowed;
        let quick = |leaf: bool, tallies: bool| leaf || (tallies && !borrowed);
        if quick(K::is_leaf(), K::tallies()) && quick(V::is_leaf(), V::tallies()) {
            let tallied = if self.limits.heap_only {
                sum_allocated(items)
            } else {
                sum_tallies(items)
            };
            self.add_tallied(tallied);
            self.cursor.rows_on = rows_on;
            self.elided(tallied.values, rows_on);
            return;
        }
        // Otherwise item by item, summed in place where a tally says enough.
        let mut hidden = 0;
        let mut tallied = Tallied::default();
        for (key, value) in items {
            hidden += 1;
            match tally_item(key, value, borrowed) {
                Some(tallies) => {
                    tallied.add(size_of_val(key) + value.map_or(0, size_of_val), tallies);
                }
                None => self.item("", key, value, placed),
            }
        }
        self.add_tallied(tallied);
        self.cursor.rows_on = rows_on;
        self.elided(hidden, rows_on);
    }

    /// The row that says how many items were counted but not drawn.
    fn elided(&mut self, hidden: usize, rows_on: bool) {
        if hidden > 0 && rows_on {
            self.row(
                RowKind::Elided,
                "",
                None,
                0,
                "",
                format_args!("{hidden} more"),
            );
        }
    }

    #[inline]
    fn item<K: Visit, V: Visit>(&mut self, name: &str, key: &K, value: Option<&V>, placed: bool) {
        match value {
            None => self.place(name, key, placed),
            Some(value) => self.pair(name, key, value),
        }
    }

    /// Bytes of fields of the value being visited.
    #[inline]
    fn add_fields(&mut self, size: usize) {
        if let Some(parent) = self.frames.last_mut() {
            parent.fields += size;
            parent.any = true;
        }
    }

    /// What `value` adds to the totals without visiting it ([`Visit::tally`]), where it is
    /// not drawn.
    #[inline]
    fn quick<T: Visit + ?Sized>(&self, value: &T) -> Option<Tally> {
        if self.cursor.rows_on {
            return None;
        }
        tally(value, self.cursor.owner == Owner::Borrowed)
    }

    #[inline]
    fn add_tallied(&mut self, tallied: Tallied) {
        if tallied.values > 0 {
            self.add_fields(tallied.fields);
        }
        if tallied.blocks.allocated > 0 {
            let owner = self.owner(Access::Owns);
            self.count(owner, tallied.blocks, Basis::Documented);
        }
    }

    /// A map entry: a row for the pair, the key and the value under it, no offsets.
    fn pair<K: Visit + ?Sized, V: Visit + ?Sized>(&mut self, name: &str, key: &K, value: &V) {
        let size = size_of_val(key) + size_of_val(value);
        if let (Some(k), Some(v)) = (self.quick(key), self.quick(value)) {
            let mut tallied = Tallied::default();
            tallied.add(size, [k, v]);
            self.add_tallied(tallied);
            return;
        }
        let type_name = if self.cursor.rows_on {
            format!(
                "({}, {})",
                short(core::any::type_name::<K>()),
                short(core::any::type_name::<V>())
            )
        } else {
            String::new()
        };
        self.open(name, None, size, &type_name, |v| {
            v.place("key", key, false);
            v.place("value", value, false);
        });
    }

    #[inline]
    fn place<T: Visit + ?Sized>(&mut self, name: &str, value: &T, placed: bool) {
        if let Some(tally) = self.quick(value) {
            let mut tallied = Tallied::default();
            tallied.add(size_of_val(value), [tally]);
            self.add_tallied(tallied);
            return;
        }
        self.visit_placed(name, value, placed);
    }

    fn visit_placed<T: Visit + ?Sized>(&mut self, name: &str, value: &T, placed: bool) {
        let at = address(value);
        let offset = match (placed, self.cursor.base) {
            (true, Some(base)) => at.checked_sub(base),
            _ => None,
        };
        let type_name = if self.cursor.rows_on {
            short(core::any::type_name::<T>())
        } else {
            String::new()
        };
        self.open(name, offset, size_of_val(value), &type_name, |v| {
            value.visit(v)
        });
    }

    /// A row for a value of `size` bytes, whose insides `inside` visits.
    fn open(
        &mut self,
        name: &str,
        offset: Option<usize>,
        size: usize,
        type_name: &str,
        inside: impl FnOnce(&mut Self),
    ) {
        self.add_fields(size);
        let row = if self.cursor.rows_on {
            self.row(RowKind::Value, name, offset, size, type_name, "")
        } else {
            None
        };
        let outer = self.cursor;
        self.cursor.row = row;
        self.cursor.level += 1;
        self.frames.push(Frame::default());
        inside(self);
        let frame = self.frames.pop().unwrap_or_default();
        self.cursor = Cursor {
            row: outer.row,
            level: outer.level,
            ..self.cursor
        };
        let outside = size.saturating_sub(frame.fields);
        if frame.private {
            // Bytes of fields std does not show: neither padding nor a tag.
        } else if frame.variant {
            self.add_uncovered(0, outside);
        } else if frame.any {
            self.add_uncovered(outside, 0);
        }
    }

    /// Bytes of the current block that hold no value by the layout of the block itself (an
    /// `Rc`'s block after its value): padding, counted as a struct's is.
    pub(crate) fn block_padding(&mut self, bytes: usize) {
        if bytes > 0 {
            self.add_uncovered(bytes, 0);
        }
    }

    fn add_uncovered(&mut self, padding: usize, tag_or_padding: usize) {
        if let Some(b) = self.cursor.block {
            let block = &mut self.picture.blocks[b];
            block.padding += padding;
            block.tag_or_padding += tag_or_padding;
        }
        let totals = &mut self.picture.totals;
        for (sum, bytes) in [
            (&mut totals.padding, padding),
            (&mut totals.tag_or_padding, tag_or_padding),
        ] {
            *match self.cursor.owner {
                Owner::Value => &mut sum.stack,
                Owner::Owned => &mut sum.owned,
                Owner::Shared => &mut sum.shared,
                Owner::Borrowed => &mut sum.borrowed,
            } += bytes;
        }
    }

    fn row(
        &mut self,
        kind: RowKind,
        name: &str,
        offset: Option<usize>,
        size: usize,
        type_name: &str,
        value: impl Display,
    ) -> Option<usize> {
        let b = self.cursor.block?;
        let rows = &mut self.picture.blocks[b].rows;
        rows.push(Row {
            level: self.cursor.level,
            offset,
            size,
            name: name.into(),
            type_name: type_name.into(),
            variant: None,
            value: value.to_string(),
            target: None,
            kind,
        });
        Some(rows.len() - 1)
    }

    fn current_row(&mut self) -> Option<&mut Row> {
        let (b, r) = (self.cursor.block?, self.cursor.row?);
        if !self.cursor.rows_on {
            return None;
        }
        self.picture.blocks.get_mut(b)?.rows.get_mut(r)
    }

    /// The text of the value being visited (a number, a quoted string, `len 3, cap 4`);
    /// formatted only where it is drawn.
    pub fn value(&mut self, value: impl Display) {
        let width = self.limits.value_width;
        if let Some(row) = self.current_row() {
            row.value.clear();
            let _ = write!(row.value, "{value}");
            truncate(&mut row.value, width);
        }
    }

    /// The live variant of the enum being visited; its fields follow with [`Visitor::field`].
    /// The enum's bytes outside them are counted as tag or padding.
    pub fn variant(&mut self, name: &'static str) {
        if let Some(frame) = self.frames.last_mut() {
            frame.variant = true;
        }
        if let Some(row) = self.current_row() {
            row.variant = Some(name);
        }
    }

    /// The value being visited has fields this visit does not show (a `RefCell`'s borrow
    /// flag, a `Mutex`'s lock): its bytes outside the visited fields are not padding.
    pub fn private_fields(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.private = true;
        }
    }

    /// Bookkeeping std keeps beside the value in a block (`Rc`'s counts), at `offset`.
    pub fn header(&mut self, name: &str, offset: usize, size: usize, value: impl Display) {
        if self.cursor.rows_on {
            self.row(RowKind::Header, name, Some(offset), size, "usize", value);
        }
    }

    /// Allocated bytes that hold no value (`capacity - len` elements), `description` saying
    /// what would go there.
    pub fn unused(&mut self, offset: Option<usize>, size: usize, description: impl Display) {
        if self.cursor.rows_on && size > 0 {
            self.row(RowKind::Unused, "", offset, size, "", description);
        }
    }

    /// The value being visited points to `to`; `contents` visits what the block holds (its
    /// offsets measured from `to.start`). A block is counted and drawn once: reached again
    /// (two `Rc`s of one allocation, a cycle) it is an arrow back. A block of 0 bytes is no
    /// allocation (`Vec::new()`, `Box<()>`): nothing is counted and `contents` is not called.
    pub fn pointer(&mut self, to: Allocation<'_>, contents: impl FnOnce(&mut Self)) {
        let owner = self.owner(to.access);
        if to.size == 0 {
            self.point(Target::Nothing);
            return;
        }
        // An owned block has one owner and is reached once; the others are looked up.
        let key = (to.start.unwrap_or(0), to.size);
        let reusable = owner == Owner::Borrowed || matches!(to.access, Access::Shares { .. });
        if reusable {
            if let Some(&drawn) = self.seen.get(&key) {
                self.point(drawn.map_or(Target::NotDrawn, Target::Again));
                return;
            }
        }
        let block = Bytes {
            blocks: 1,
            used: to.used,
            allocated: to.size,
        };
        self.count(owner, block, to.basis);
        let draw = self.cursor.rows_on && self.cursor.hops < self.limits.depth;
        let drawn = draw.then(|| {
            self.picture.blocks.push(Block {
                address: to.start,
                kind: match (owner, to.access) {
                    (_, Access::Shares { strong, weak }) => BlockKind::Shared { strong, weak },
                    (Owner::Borrowed, _) => match to.start {
                        Some(start) if static_data::contains(start, to.size) => {
                            BlockKind::StaticData
                        }
                        _ => BlockKind::Borrowed,
                    },
                    _ => BlockKind::Owned,
                },
                type_name: short(to.type_name),
                size: to.size,
                used: to.used,
                align: to.align,
                basis: to.basis,
                rows: Vec::new(),
                padding: 0,
                tag_or_padding: 0,
            });
            self.picture.blocks.len() - 1
        });
        self.point(drawn.map_or(Target::NotDrawn, Target::Block));
        if reusable {
            self.seen.insert(key, drawn);
        }
        let outer = self.cursor;
        self.cursor = Cursor {
            block: drawn,
            base: to.start,
            level: 0,
            row: None,
            rows_on: drawn.is_some(),
            hops: outer.hops + 1,
            owner,
        };
        // The block's values are not fields of the pointer.
        self.frames.push(Frame::default());
        contents(self);
        self.frames.pop();
        self.cursor = outer;
    }

    /// Whose a block is that the value being visited reaches with `access`.
    #[inline]
    fn owner(&self, access: Access) -> Owner {
        match (self.cursor.owner, access) {
            (Owner::Borrowed, _) | (_, Access::Borrows) => Owner::Borrowed,
            (Owner::Shared, Access::Owns) | (_, Access::Shares { .. }) => Owner::Shared,
            (Owner::Value | Owner::Owned, Access::Owns) => Owner::Owned,
        }
    }

    /// Adds blocks that `owner` holds to the totals.
    #[inline]
    fn count(&mut self, owner: Owner, blocks: Bytes, basis: Basis) {
        let totals = &mut self.picture.totals;
        match owner {
            Owner::Owned | Owner::Value => totals.owned.merge(blocks),
            Owner::Shared => totals.shared.merge(blocks),
            Owner::Borrowed => totals.borrowed.merge(blocks),
        }
        if basis == Basis::Estimate && owner != Owner::Borrowed {
            totals.estimated.merge(blocks);
        }
    }

    fn point(&mut self, target: Target) {
        if let Some(row) = self.current_row() {
            row.target = Some(target);
        }
    }
}

/// A type name without module paths, as the diagrams write it.
pub(crate) fn short(type_name: &str) -> String {
    layout_core::__ShortTypeName(type_name).to_string()
}

/// Cuts `text` to `width` characters, ending in `…` when cut.
fn truncate(text: &mut String, width: usize) {
    if let Some((cut, _)) = text.char_indices().nth(width.max(1)) {
        let keep = text[..cut].char_indices().last().map_or(0, |(i, _)| i);
        text.truncate(keep);
        text.push('…');
    }
}

/// Sorts each level's rows by offset, keeping every row's nested rows under it: fields are
/// visited in declaration order, and rustc may have put them in another. Rows whose offsets
/// are not all known stay in the order visited.
fn in_memory_order(rows: &mut Vec<Row>) {
    fn sort(rows: Vec<Row>) -> Vec<Row> {
        let Some(level) = rows.first().map(|r| r.level) else {
            return rows;
        };
        let mut groups: Vec<Vec<Row>> = Vec::new();
        for row in rows {
            match groups.last_mut() {
                Some(group) if row.level > level => group.push(row),
                _ => groups.push(vec![row]),
            }
        }
        let sortable = groups
            .iter()
            .all(|g| g[0].offset.is_some() && g[0].kind == RowKind::Value);
        if sortable {
            groups.sort_by_key(|g| g[0].offset);
        }
        groups
            .into_iter()
            .flat_map(|mut group| {
                let nested = group.split_off(1);
                group.extend(sort(nested));
                group
            })
            .collect()
    }
    *rows = sort(std::mem::take(rows));
}
