//! The layout rules of the representations whose layout Rust specifies, and the facts they
//! are applied to.
//!
//! The derive states what a type's definition says ([`Facts`]: its `repr`, whether it is a
//! union, an enum's tag type and its fields' alignments) and the field types; which rule
//! places the fields is decided here, once, for the derive and for the impls of this crate.
//! Every result is checked against the compiler: a struct's or union's size and align in
//! `aggregate`/`union`, an enum's in `enumeration`, and the field offsets by the oracle's
//! differential tests.

use crate::model::Field;
use crate::repr::{Repr, ReprBase};
use core::mem::{align_of, size_of};

/// What a type's definition states besides its fields, for the rules to place them by. A
/// struct's or union's facts are its repr, which the derive passes where fields are placed;
/// an enum whose tag type the rules need states its facts once, as `Layout::__FACTS`. Not a
/// public API.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Facts {
    repr: Repr,
    kind: Kind,
    /// Size and align of an enum's tag type: its integer repr, or a fieldless copy of the enum
    /// (for `repr(C)`, whose tag size only the compiler picks, and under `align(N)`).
    tag: Option<(usize, usize)>,
    /// The largest alignment of any field of any variant (1 without fields): RFC 2195's
    /// payload union of a `repr(C)` enum is aligned to it.
    fields_align: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Struct,
    Union,
    Enum,
}

impl Facts {
    /// A `repr(Rust)` type without a stated tag type: what a type that states nothing is.
    pub const RUST: Facts = Facts::new(Repr::RUST);

    /// A struct, or an enum without a tag type, with this `repr`.
    pub const fn new(repr: Repr) -> Facts {
        Facts {
            repr,
            kind: Kind::Struct,
            tag: None,
            fields_align: 1,
        }
    }

    /// A union with this `repr`.
    pub const fn union(repr: Repr) -> Facts {
        Facts {
            kind: Kind::Union,
            ..Facts::new(repr)
        }
    }

    /// An enum whose tag has type `T`.
    pub const fn tag<T>(self) -> Facts {
        Facts {
            kind: Kind::Enum,
            tag: Some((size_of::<T>(), align_of::<T>())),
            ..self
        }
    }

    /// An enum whose variants' fields have these alignments.
    pub const fn fields_align(mut self, aligns: &[usize]) -> Facts {
        let mut i = 0;
        while i < aligns.len() {
            if aligns[i] > self.fields_align {
                self.fields_align = aligns[i];
            }
            i += 1;
        }
        self
    }

    /// Size and align of the tag of enum `E` where its layout is specified: fieldless enums of
    /// any repr (Reference, type-layout.html#primitive-representations), and enums with
    /// fields and `repr(C)` or a primitive repr (RFC 2195). `repr(Rust)` and
    /// `repr(transparent)` leave an enum with fields unspecified. A fieldless enum is its own
    /// tag unless `align(N)` pads it, when its stated tag type is a fieldless copy without
    /// the `align`.
    pub(crate) const fn specified_tag<E>(
        self,
        repr: Repr,
        fieldless: bool,
    ) -> Option<(usize, usize)> {
        match self.tag {
            Some(tag) if fieldless || repr.is_c() || repr.int_type().is_some() => Some(tag),
            None if fieldless && repr.aligned().is_none() => {
                Some((size_of::<E>(), align_of::<E>()))
            }
            _ => None,
        }
    }

    /// Where the fields of the struct, union or enum variant start by the rule of its repr,
    /// `None` where Rust does not specify it.
    const fn start(self) -> Option<Start> {
        match (self.kind, self.repr.base(), self.tag) {
            // "each field at offset 0" (Reference, type-layout.html#reprc-unions).
            (Kind::Union, ReprBase::C, _) => Some(Start::Overlapping),
            // Fields in declaration order, each at the next multiple of its alignment
            // (Reference, type-layout.html#reprc-structs), capped by `packed(N)`.
            (Kind::Struct, ReprBase::C, _) => Some(Start::After(0)),
            // RFC 2195, primitive representation: each variant is a `repr(C)` struct whose
            // first field is the tag (Reference, type-layout.html#primitive-representation-of-enums-with-fields).
            (Kind::Enum, ReprBase::Int(_), Some((size, _))) => Some(Start::After(size)),
            // RFC 2195, `repr(C)` and `repr(C, u8)`: a `repr(C)` struct of the tag and a
            // `repr(C)` union of the variants' `repr(C)` structs, which starts at the tag's
            // size rounded up to the union's alignment (Reference,
            // type-layout.html#reprc-enums-with-fields).
            (Kind::Enum, ReprBase::C | ReprBase::CInt(_), Some((size, _))) => {
                Some(Start::After(size.next_multiple_of(self.fields_align)))
            }
            _ => None,
        }
    }
}

/// Where a field list starts.
#[derive(Clone, Copy)]
enum Start {
    /// Every field at 0.
    Overlapping,
    /// One field after the other from this offset.
    After(usize),
}

/// The fields of a struct with this `repr`, at the offsets its rule gives them (the C rule),
/// or left unplaced where Rust does not specify them.
pub const fn place_struct<const N: usize>(repr: Repr, fields: [Field; N]) -> [Field; N] {
    Facts::new(repr).place(fields)
}

/// The fields of a union with this `repr`, at the offsets its rule gives them (0 for
/// `repr(C)`), or left unplaced where Rust does not specify them.
pub const fn place_union<const N: usize>(repr: Repr, fields: [Field; N]) -> [Field; N] {
    Facts::union(repr).place(fields)
}

/// The fields of a variant of enum `E`, at the offsets RFC 2195 gives them by the facts `E`
/// states (`Layout::__FACTS`), or left unplaced where Rust does not specify them.
pub const fn place_variant<E: crate::Layout, const N: usize>(fields: [Field; N]) -> [Field; N] {
    E::__FACTS.place(fields)
}

impl Facts {
    /// `fields` at the offsets the rule of these facts gives them (see [`Facts`]), or left
    /// unplaced where Rust does not specify them.
    const fn place<const N: usize>(self, mut fields: [Field; N]) -> [Field; N] {
        match self.start() {
            Some(Start::After(start)) => c_fields(fields, start, self.repr.pack()),
            Some(Start::Overlapping) => {
                let mut i = 0;
                while i < N {
                    fields[i].offset = Some(0);
                    i += 1;
                }
                fields
            }
            None => fields,
        }
    }
}

/// `fields` at the offsets the C rule gives them, counting from `start`: each field at the
/// next multiple of its alignment (capped at `pack`, 0 when not packed) after the end of the
/// previous one. This is the layout of a `repr(C)` struct, and of the structs that RFC 2195
/// lays out an enum's variants as.
///
/// It replaces one `offset_of!` per field: each of those is a separate constant for rustc to
/// type-check, evaluate and track, the largest build-time cost of the derive.
pub(crate) const fn c_fields<const N: usize>(
    mut fields: [Field; N],
    start: usize,
    pack: usize,
) -> [Field; N] {
    let mut end = start;
    let mut i = 0;
    while i < N {
        let offset = end.next_multiple_of(capped(fields[i].align(), pack));
        fields[i].offset = Some(offset);
        end = offset + fields[i].size();
        i += 1;
    }
    fields
}

/// `align` inside `packed(pack)`; `pack` 0 is not packed.
pub(crate) const fn capped(align: usize, pack: usize) -> usize {
    if pack != 0 && pack < align {
        pack
    } else {
        align
    }
}

/// The furthest end of any of `fields` and their largest alignment (capped at `pack`), at
/// least `end` and `align`.
pub(crate) const fn extent(
    fields: &[Field],
    pack: usize,
    mut end: usize,
    mut align: usize,
) -> (usize, usize) {
    let mut i = 0;
    while i < fields.len() {
        let a = capped(fields[i].align(), pack);
        if a > align {
            align = a;
        }
        if let Some(range) = fields[i].range() {
            if range.end > end {
                end = range.end;
            }
        }
        i += 1;
    }
    (end, align)
}

/// Size and align of a `repr(C)` struct or union with these fields (offsets already set),
/// by the C rule: the largest (capped) field alignment, raised by `align(N)`; the end of the
/// last byte of any field, rounded up to that alignment.
pub(crate) const fn c_size_align(fields: &[Field], repr: Repr) -> (usize, usize) {
    let (end, align) = extent(fields, repr.pack(), 0, repr.min_align());
    (end.next_multiple_of(align), align)
}

/// Size and align of an enum whose layout RFC 2195 specifies, from its tag and its variants'
/// placed fields: both of its layouts end at the furthest field end (at least the tag's),
/// rounded up to the largest alignment (of the tag, the fields and `align(N)`).
pub(crate) const fn tagged_size_align(
    tag: (usize, usize),
    variants: &[crate::Variant],
    repr: Repr,
) -> (usize, usize) {
    let (tag_size, tag_align) = tag;
    let mut align = if repr.min_align() > tag_align {
        repr.min_align()
    } else {
        tag_align
    };
    let mut end = tag_size;
    let mut v = 0;
    while v < variants.len() {
        (end, align) = extent(variants[v].fields, 0, end, align);
        v += 1;
    }
    (end.next_multiple_of(align), align)
}

#[cfg(test)]
mod tests;
