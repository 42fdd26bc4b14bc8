//! The picture of a value: the one intermediate value that the visit fills and every drawing
//! reads (the stack block, the heap blocks, the rows inside each, and the totals).

use std::string::String;
use std::vec::Vec;

/// Everything known about one value: where its bytes are and what they point to.
#[derive(Clone, Debug, Default)]
pub struct Picture {
    /// The value itself (`blocks[0]`, on the stack or wherever the caller keeps it), then
    /// every block it reaches, in the order they were first reached; a block's label is its
    /// index.
    pub blocks: Vec<Block>,
    /// Byte counts over every block reached, drawn or not.
    pub totals: Totals,
}

/// A contiguous piece of memory: the value itself, an allocation, or borrowed bytes.
#[derive(Clone, Debug)]
pub struct Block {
    /// Its first byte's address, where it is known (a hash table's start is private to
    /// std); shown only on request: addresses differ from run to run.
    pub address: Option<usize>,
    /// Whose bytes these are.
    pub kind: BlockKind,
    /// What the block holds (`[i32]`, `RcInner<Vec<String>>`, `str`).
    pub type_name: String,
    /// The bytes of the block: the allocation's size for heap blocks, the pointee's size for
    /// borrowed ones.
    pub size: usize,
    /// The bytes that hold live values (a `Vec`'s `len` elements out of its `capacity`).
    pub used: usize,
    /// The block's alignment.
    pub align: usize,
    /// How the size is known.
    pub basis: Basis,
    /// The rows in memory order (each level sorted by offset, nested rows under their row).
    pub rows: Vec<Row>,
    /// Bytes inside this block that belong to no field of a struct or tuple.
    pub padding: usize,
    /// Bytes inside this block's enums that belong to no field of the live variant: the tag
    /// where the enum has one, and padding; Rust does not say which is which.
    pub tag_or_padding: usize,
}

/// Whose bytes a block holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The value itself, where the caller keeps it.
    Value,
    /// A heap block that only this value owns (`Box`, `Vec`, `String`, collections).
    Owned,
    /// A heap block behind `Rc`/`Arc` (and what it owns), with the counts at the time of the
    /// visit: other owners may share it.
    Shared {
        /// `Rc::strong_count`.
        strong: usize,
        /// `Rc::weak_count`.
        weak: usize,
    },
    /// Bytes behind a reference: drawn, not counted as the value's own.
    Borrowed,
    /// Borrowed bytes inside a read-only mapping of the running executable's file (a string
    /// literal, a promoted constant): counted as borrowed. Told only where the process's
    /// memory map can be read (Linux); elsewhere such bytes are [`BlockKind::Borrowed`].
    StaticData,
}

/// How a block's size is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// By std's documented guarantees (`Vec`'s `capacity * size_of::<T>()`,
    /// `size_of_val` of a `Box`'s pointee) or by the value's own type.
    Documented,
    /// By the layout std's current implementation uses (`Rc`'s and `Arc`'s counts before the
    /// value, `VecDeque`'s buffer of `capacity` elements), which std does not promise; the
    /// test suite checks it against a counting allocator.
    StdLayout,
    /// An estimate: std does not say how much the collection allocates (`HashMap`,
    /// `BTreeMap`); the figure follows its current implementation and may differ.
    Estimate,
}

/// One row of a block: a field, an element, a count, or unused capacity.
#[derive(Clone, Debug)]
pub struct Row {
    /// Nesting level inside the block (0 for the block's own items).
    pub level: usize,
    /// Offset from the start of the block; `None` where the place is not known (the entries
    /// of a hash table).
    pub offset: Option<usize>,
    /// Size in bytes.
    pub size: usize,
    /// The field's name, `[i]` for elements, empty for a pointee.
    pub name: String,
    /// The type, without module paths.
    pub type_name: String,
    /// The live variant, for an enum.
    pub variant: Option<&'static str>,
    /// What the value is: a number, a quoted string, `len 3, cap 4`, `strong 2`.
    pub value: String,
    /// The block this row points to.
    pub target: Option<Target>,
    /// What kind of row it is.
    pub kind: RowKind,
}

/// What a row stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A value (a field, an element, a pointee).
    Value,
    /// A count or other bookkeeping that std keeps beside the value (`Rc`'s counts).
    Header,
    /// Allocated bytes that hold no value yet (a `Vec`'s spare capacity).
    Unused,
    /// Elements counted but not drawn (beyond `max_elements`); the value says how many.
    Elided,
}

/// Where a pointer leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A block drawn in the picture (its index in [`Picture::blocks`]).
    Block(usize),
    /// A block drawn elsewhere in the picture and reached again: counted once, and for a
    /// cycle the end of the walk.
    Again(usize),
    /// A block counted in the totals but not drawn (beyond `depth`, or inside an element
    /// beyond `max_elements`).
    NotDrawn,
    /// No allocation: an empty `Vec`, a `Box` of a zero-sized value, a `Weak::new()`.
    Nothing,
}

/// Byte counts of a value, each block counted once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// `size_of_val` of the value itself.
    pub stack: usize,
    /// Heap blocks only this value owns.
    pub owned: Bytes,
    /// Heap blocks behind `Rc`/`Arc`, and the blocks their values own.
    pub shared: Bytes,
    /// Bytes behind references (not the value's own).
    pub borrowed: Bytes,
    /// Bytes of structs and tuples that belong to no field, in the value and in each kind of
    /// block.
    pub padding: Padding,
    /// Bytes of enums outside the live variant's fields (the tag, or padding: Rust does not
    /// say which), in the value and in each kind of block.
    pub tag_or_padding: Padding,
    /// The part of `owned` and `shared` whose size is an estimate ([`Basis::Estimate`]).
    pub estimated: Bytes,
}

/// Bytes that hold no value, by where they are: the counterparts of [`Totals::stack`],
/// [`Totals::owned`], [`Totals::shared`] and [`Totals::borrowed`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Padding {
    /// In the value itself.
    pub stack: usize,
    /// In the heap blocks only this value owns.
    pub owned: usize,
    /// In the blocks behind `Rc`/`Arc`, and the blocks their values own.
    pub shared: usize,
    /// In the bytes behind references.
    pub borrowed: usize,
}

/// The heap bytes a value keeps allocated, as [`heap_bytes`](crate::heap_bytes) sums them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapBytes {
    /// Bytes of the heap blocks the value owns or shares, each counted once: [`Totals::heap`].
    pub allocated: usize,
    /// The part of `allocated` that is an estimate ([`Basis::Estimate`]).
    pub estimated: usize,
}

/// Byte counts of a set of blocks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bytes {
    /// Number of blocks.
    pub blocks: usize,
    /// Bytes that hold live values.
    pub used: usize,
    /// Bytes of the blocks (allocated, for heap blocks).
    pub allocated: usize,
}

impl Bytes {
    #[inline]
    pub(crate) fn merge(&mut self, other: Bytes) {
        self.blocks += other.blocks;
        self.used += other.used;
        self.allocated += other.allocated;
    }
}

impl Totals {
    /// Every heap byte this value keeps allocated: owned plus shared.
    #[must_use]
    pub fn heap(&self) -> usize {
        self.owned.allocated + self.shared.allocated
    }

    /// The heap bytes whose size is exact (documented or std's current layout): what a
    /// counting allocator measures, minus the estimated blocks.
    #[must_use]
    pub fn heap_exact(&self) -> usize {
        self.heap() - self.estimated.allocated
    }
}
