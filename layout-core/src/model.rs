//! The metadata model: what a type looks like in memory.

use crate::enums::{Tag, Variant};
use crate::niche::NicheSummary;
use crate::padding::ByteRange;
use crate::repr::Repr;

/// Types whose memory layout is known to layoutscope.
///
/// Implemented by `#[derive(Layout)]` and, in this crate, for the primitives and the common
/// standard types. Every number in [`Self::LAYOUT`] comes from the compiler itself
/// (`size_of`, `align_of`, `offset_of!`), evaluated at compile time.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Layout`",
    label = "no layout metadata for `{Self}`",
    note = "add `#[derive(Layout)]` to `{Self}`, or mark the field `#[layout(opaque)]` to describe it by size, align and niche only"
)]
pub trait Layout: Sized {
    /// The layout of `Self`.
    const LAYOUT: TypeLayout;
}

/// The memory layout of one sized type.
///
/// Build it with `#[derive(Layout)]` or read it from [`Layout::LAYOUT`]; every field is public
/// and every query is a `const fn`, so it can be inspected in `const` items and assertions.
#[derive(Clone, Copy, Debug)]
pub struct TypeLayout {
    /// The name as written at the definition, without generic arguments (`"Header"`, `"Vec"`).
    pub name: &'static str,
    /// The full name of the instantiated type (e.g. `my_crate::Header<u32>`), from
    /// [`core::any::type_name`]; a function because `type_name` is not yet `const`.
    pub type_name: fn() -> &'static str,
    /// `size_of::<T>()`.
    pub size: usize,
    /// `align_of::<T>()`.
    pub align: usize,
    /// The `#[repr]` of the type; [`Repr::RUST`] for types without one.
    pub repr: Repr,
    /// What kind of type this is.
    pub shape: Shape,
    /// The fields in declaration order (not memory order: see [`TypeLayout::fields_by_offset`]).
    /// Empty for leaves.
    pub fields: &'static [Field],
    /// The variants of an enum in declaration order; empty for every other shape.
    pub variants: &'static [Variant],
    /// Where an enum keeps its tag; [`Tag::None`] for every other shape.
    pub tag: Tag,
    /// Which invalid bit patterns ("niches") the type has, for the optimisations of enums
    /// such as `Option<Self>`.
    pub niche: NicheSummary,
}

/// One field of a struct, tuple struct, union, tuple or variant.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// `"a"` for named fields, `"0"`, `"1"`, … for positional ones (raw identifiers lose `r#`).
    pub name: &'static str,
    /// The type as written in the source (`"Option<Box<T>>"`); empty for the elements of
    /// tuples and arrays, which have no source text (see [`Field::type_name`]).
    pub ty: &'static str,
    /// Byte offset from the start of the containing value (`offset_of!`).
    pub offset: usize,
    /// Whether the written type mentions a generic type parameter of the container, so that
    /// [`Field::type_name`] says more than [`Field::ty`] (`u16` where the source says `T`).
    pub generic: bool,
    /// `size_of` the field's type.
    pub size: usize,
    /// `align_of` the field's type. Inside `repr(packed(N))` the field is only aligned to
    /// `min(align, N)`; see [`TypeLayout::field_align`].
    pub align: usize,
    /// The field type's own layout. For `#[layout(opaque)]` fields it is an
    /// [`Shape::Opaque`] leaf that still knows size, align and niche facts.
    pub layout: &'static TypeLayout,
}

impl Field {
    /// The field type's layout, when it is more than an opaque leaf (for nesting diagrams).
    pub const fn nested(&self) -> Option<&'static TypeLayout> {
        match self.layout.shape {
            Shape::Opaque => None,
            _ => Some(self.layout),
        }
    }

    /// The instantiated type's full name (`core::any::type_name`), e.g. `u16` where the source
    /// says `T`.
    pub fn type_name(&self) -> &'static str {
        (self.layout.type_name)()
    }

    /// One past the last byte of the field.
    pub const fn end(&self) -> usize {
        self.offset + self.size
    }
}

/// What kind of type a [`TypeLayout`] describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `struct S { a: A, .. }`.
    Struct,
    /// `struct S(A, ..)`.
    TupleStruct,
    /// `struct S;`.
    UnitStruct,
    /// `union U { .. }`: all fields start at offset 0.
    Union,
    /// A tuple `(A, B, ..)`.
    Tuple,
    /// An array `[T; N]`: `fields` holds element 0 when `N > 0`.
    Array {
        /// The number of elements.
        len: usize,
    },
    /// An enum: see [`TypeLayout::variants`] and [`TypeLayout::tag`].
    Enum,
    /// A primitive scalar: integer, float, `bool`, `char`.
    Scalar,
    /// A thin or wide pointer (references, raw pointers, `Box`, `Rc`, `NonNull`, fn pointers).
    Pointer(PointerMeta),
    /// A type whose fields are private or unspecified (`Vec`, `HashMap`, `Mutex`, …) or a
    /// field marked `#[layout(opaque)]`: size, align and niche facts are exact, the inside
    /// is not described.
    Opaque,
}

/// What a pointer carries besides the data address.
///
/// A wide pointer is two `usize` words: the address and the metadata, which is the element
/// count for slices and `str` and the vtable address for trait objects. Which of the two a
/// generic `T: ?Sized` has cannot be asked in `const` on stable Rust, so both are `Wide`; the
/// type name says which. Rust does not specify the order of the two words either: where
/// layoutscope places the address's niche it follows rustc, and the test suite checks it
/// against `#[rustc_layout(debug)]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerMeta {
    /// A thin pointer: just the address.
    Thin,
    /// A wide pointer: address plus length or vtable.
    Wide,
}

impl TypeLayout {
    /// Number of bytes that belong to no field: interior holes plus trailing padding.
    pub const fn padding_bytes(&self) -> usize {
        let mut total = 0;
        let mut holes = self.padding();
        while let Some(hole) = holes.next_const() {
            total += hole.len();
        }
        total
    }

    /// Number of bytes covered by at least one field.
    pub const fn field_bytes(&self) -> usize {
        self.size - self.padding_bytes()
    }

    /// The padding byte ranges (holes between fields and trailing padding), in offset order.
    ///
    /// Leaves ([`Shape::Scalar`], [`Shape::Pointer`], [`Shape::Opaque`]) report none: their
    /// inside is not described by fields.
    pub const fn padding(&self) -> crate::Padding {
        crate::Padding::of(self)
    }

    /// The bytes of the tag, when its location is known.
    pub const fn tag_range(&self) -> Option<ByteRange> {
        match self.tag {
            Tag::Direct { offset, size } => Some(ByteRange {
                start: offset,
                end: offset + size,
            }),
            _ => None,
        }
    }

    /// The variant with this name, in const.
    pub const fn variant(&self, name: &str) -> Option<&'static Variant> {
        let mut i = 0;
        while i < self.variants.len() {
            if crate::text::str_eq(self.variants[i].name, name) {
                return Some(&self.variants[i]);
            }
            i += 1;
        }
        None
    }

    /// The field with this name, in const.
    pub const fn field(&self, name: &str) -> Option<&'static Field> {
        let mut i = 0;
        while i < self.fields.len() {
            if crate::text::str_eq(self.fields[i].name, name) {
                return Some(&self.fields[i]);
            }
            i += 1;
        }
        None
    }

    /// The alignment a field really has in this type: `min(align, N)` under `packed(N)`.
    pub const fn field_align(&self, field: &Field) -> usize {
        crate::build::capped(field.align, self.repr.pack())
    }

    /// Whether `fields` cover the value, so that the bytes outside them are padding (false for
    /// leaves, enums and arrays, whose single `[0]` field stands for every element).
    pub const fn has_fields(&self) -> bool {
        !matches!(
            self.shape,
            Shape::Scalar | Shape::Pointer(_) | Shape::Opaque | Shape::Enum | Shape::Array { .. }
        )
    }

    /// The fields that lead to the largest niche, outermost first: `inner`, then `inner`'s
    /// field `ok` for a niche in `self.inner.ok`. Empty when the niche is the value itself,
    /// is not located, or does not exist.
    pub fn niche_path(&self) -> impl Iterator<Item = &'static Field> {
        let mut fields = self.fields;
        let mut next = self.niche.largest.known().and_then(|n| n.field);
        core::iter::from_fn(move || {
            let field = fields.get(next?)?;
            fields = field.layout.fields;
            next = field.layout.niche.largest.known().and_then(|n| n.field);
            Some(field)
        })
    }

    /// The fields in memory order (by offset, declaration order among equal offsets).
    pub fn fields_by_offset(&self) -> impl Iterator<Item = &'static Field> {
        let fields = self.fields;
        let mut last: Option<(usize, usize)> = None;
        core::iter::from_fn(move || {
            let next = crate::order::next_by_offset(fields, last)?;
            last = Some((fields[next].offset, next));
            Some(&fields[next])
        })
    }
}
