//! The metadata model: what a type looks like in memory.

use crate::enums::{Tag, Variant};
use crate::niche::NicheSummary;
use crate::padding::ByteRange;
use crate::repr::{IntRepr, Repr};

/// Types whose memory layout is known to layoutscope.
///
/// Implemented by `#[derive(Layout)]` and, in this crate, for the primitives and the common
/// standard types. Every number in [`Self::LAYOUT`] comes from the compiler itself
/// (`size_of`, `align_of`, `offset_of!`), evaluated at compile time.
///
/// # Implementing it by hand
///
/// For a type that cannot derive it (a foreign type behind a newtype, a type with an unsized
/// tail, code generated elsewhere), build the layout from the compiler's facts with
/// [`TypeLayout::opaque`] (size, align and niche only) or [`TypeLayout::of_struct`] (fields at
/// their `offset_of!` offsets). Both check what they can against the compiler in `const`.
///
/// ```
/// # extern crate layout_core as layoutscope;
/// use core::mem::offset_of;
/// use layoutscope::{Field, Layout, Repr, StructKind, TypeLayout};
///
/// struct Handle(std::fs::File);
/// impl Layout for Handle {
///     const LAYOUT: TypeLayout = TypeLayout::opaque::<Self>("Handle");
/// }
///
/// struct Pair { a: u8, b: u32 }
/// impl Layout for Pair {
///     const LAYOUT: TypeLayout = TypeLayout::of_struct::<Self>(
///         "Pair",
///         Repr::RUST,
///         StructKind::Named,
///         &[
///             Field::new::<u8>("a", "u8", offset_of!(Pair, a)),
///             Field::new::<u32>("b", "u32", offset_of!(Pair, b)),
///         ],
///     );
/// }
///
/// assert_eq!(Pair::LAYOUT.size, 8);
/// assert_eq!(Pair::LAYOUT.offset_of("b"), Some(0));
/// assert_eq!(Handle::LAYOUT.size, std::mem::size_of::<std::fs::File>());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Layout`",
    label = "no layout metadata for `{Self}`",
    note = "for a field whose type comes from another crate, write `#[layout(opaque)]` on the field: its size, alignment, offset and niche stay exact",
    note = "for a type of your own crate, add `#[derive(Layout)]` to it"
)]
pub trait Layout: Sized {
    /// The layout of `Self`.
    const LAYOUT: TypeLayout;

    /// What the definition of a `repr(C, align(N))` enum states for the layout rules besides
    /// its repr and tag type (its fields' alignments): the derive's plumbing. Not a public API.
    #[doc(hidden)]
    const __FACTS: crate::rules::Facts = crate::rules::Facts::NONE;
}

/// The memory layout of one sized type.
///
/// Built by `#[derive(Layout)]`, by the impls in this crate, or by hand (see [`Layout`]); read
/// it from [`Layout::LAYOUT`]. Every query is a `const fn`, so it can be inspected in `const`
/// items and assertions. A report built at run time (owned data leaked to `'static`) fills the
/// same fields and is drawn by the same renderers.
///
/// ```
/// # extern crate layout_core as layoutscope;
/// use layoutscope::{Body, Layout, Tag, TypeLayout};
///
/// const L: &TypeLayout = &<(u8, u32)>::LAYOUT;
/// const _: () = assert!(L.size == 8 && L.padding_bytes() == 3);
/// assert_eq!(L.offset_of("1"), Some(core::mem::offset_of!((u8, u32), 1))); // the compiler's
/// assert!(matches!(L.body, Body::Struct { .. }));
///
/// // `Option<&u8>` keeps `None` in the reference's null niche.
/// let o = &<Option<&u8>>::LAYOUT;
/// assert!(matches!(o.tag(), Tag::Niche { offset: 0, .. }));
/// assert_eq!(o.tag_value(0), Some(0));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct TypeLayout {
    /// The name as written at the definition, without generic arguments (`"Header"`, `"Vec"`).
    pub name: &'static str,
    /// The full name of the instantiated type (e.g. `my_crate::Header<u32>`).
    pub type_name: TypeName,
    /// `size_of::<T>()`.
    pub size: usize,
    /// `align_of::<T>()`.
    pub align: usize,
    /// The `#[repr]` of the type; [`Repr::RUST`] for types without one.
    pub repr: Repr,
    /// What the bytes hold: fields, variants, or a leaf.
    pub body: Body,
    /// Which invalid bit patterns ("niches") the type has, for the optimisations of enums
    /// such as `Option<Self>`.
    pub niche: NicheSummary,
}

/// What a type's bytes hold. Each kind carries exactly the facts that mean something for it.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Body {
    /// A struct, tuple struct, unit struct or tuple: fields that never overlap.
    Struct {
        /// Which syntax the type has.
        kind: StructKind,
        /// The fields in declaration order (see [`TypeLayout::fields_by_offset`] for memory
        /// order); every offset is known.
        fields: &'static [Field],
    },
    /// A union: every field starts at offset 0.
    Union {
        /// The fields in declaration order.
        fields: &'static [Field],
    },
    /// An array `[T; N]`: `len` elements of `element`, contiguous, with no padding between
    /// them.
    Array {
        /// The element type's layout.
        element: &'static TypeLayout,
        /// The number of elements.
        len: usize,
    },
    /// An enum.
    Enum {
        /// The variants in declaration order.
        variants: &'static [Variant],
        /// Where the enum keeps its tag, as far as that is known.
        tag: Tag,
        /// The type of the discriminants: the integer repr, else `isize`.
        discriminant: IntRepr,
    },
    /// A primitive scalar: integer, float, `bool`, `char`.
    Scalar,
    /// A thin or wide pointer (references, raw pointers, `Box`, `Rc`, `NonNull`, fn pointers).
    Pointer(PointerMeta),
    /// A type whose inside is private or unspecified (`Vec`, `HashMap`, `Mutex`, …) or a
    /// field marked `#[layout(opaque)]`: size, align and niche facts are exact, the inside
    /// is not described.
    Opaque,
}

/// The syntax of a struct or of an enum variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StructKind {
    /// `struct S { a: A, .. }`, `V { a: A }`.
    Named,
    /// `struct S(A, ..)`, `V(A)`.
    TupleStruct,
    /// `struct S;`, `V`.
    Unit,
    /// A tuple type `(A, B, ..)`.
    Tuple,
}

/// The full name of an instantiated type, as [`core::any::type_name`] gives it; a function
/// for compile-time layouts because `type_name` is not `const` on stable Rust, a string for
/// layouts built at run time. `Debug` prints the name, so it is the same in every run.
#[derive(Clone, Copy)]
pub struct TypeName(NameSource);

#[derive(Clone, Copy)]
enum NameSource {
    Of(fn() -> &'static str),
    Text(&'static str),
}

impl TypeName {
    /// The name of `T`.
    pub const fn of<T: ?Sized>() -> TypeName {
        TypeName(NameSource::Of(core::any::type_name::<T>))
    }

    /// A name given as text (for layouts built at run time).
    pub const fn new(name: &'static str) -> TypeName {
        TypeName(NameSource::Text(name))
    }

    /// The name.
    #[must_use]
    pub fn get(&self) -> &'static str {
        match self.0 {
            NameSource::Of(f) => f(),
            NameSource::Text(s) => s,
        }
    }
}

impl core::fmt::Debug for TypeName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.get(), f)
    }
}

impl core::fmt::Display for TypeName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.get())
    }
}

/// One field of a struct, tuple struct, union, tuple or variant.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// `"a"` for named fields, `"0"`, `"1"`, … for positional ones (raw identifiers lose `r#`).
    pub name: &'static str,
    /// The type as written in the source (`"Option<Box<T>>"`); empty where there is no source
    /// text (tuple elements), see [`Field::type_name`].
    pub ty: &'static str,
    /// Byte offset from the start of the containing value; `None` where Rust does not say and
    /// the compiler cannot be asked in `const` (the fields of a `repr(Rust)` enum's variants).
    pub offset: Option<usize>,
    /// Whether the written type mentions a generic type parameter of the container, so that
    /// [`Field::type_name`] says more than [`Field::ty`] (`u16` where the source says `T`).
    pub generic: bool,
    /// The field type's own layout. For `#[layout(opaque)]` fields it is a [`Body::Opaque`]
    /// layout that still knows size, align and niche facts.
    pub layout: &'static TypeLayout,
}

impl Field {
    /// A field of type `T` at `offset` (from `offset_of!`), for building a layout by hand; see
    /// [`Layout`].
    pub const fn new<T: Layout>(name: &'static str, ty: &'static str, offset: usize) -> Field {
        Field {
            name,
            ty,
            offset: Some(offset),
            generic: false,
            layout: &T::LAYOUT,
        }
    }

    /// A field of type `T` whose offset is not known.
    pub const fn unplaced<T: Layout>(name: &'static str, ty: &'static str) -> Field {
        Field {
            offset: None,
            ..Field::new::<T>(name, ty, 0)
        }
    }

    /// `size_of` the field's type.
    #[must_use]
    pub const fn size(&self) -> usize {
        self.layout.size
    }

    /// `align_of` the field's type. Inside `repr(packed(N))` the field is only aligned to
    /// `min(align, N)`; see [`TypeLayout::field_align`].
    #[must_use]
    pub const fn align(&self) -> usize {
        self.layout.align
    }

    /// The field type's layout, when it is more than an opaque leaf (for nesting diagrams).
    #[must_use]
    pub const fn nested(&self) -> Option<&'static TypeLayout> {
        match self.layout.body {
            Body::Opaque => None,
            _ => Some(self.layout),
        }
    }

    /// The instantiated type's full name, e.g. `u16` where the source says `T`.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        self.layout.type_name.get()
    }

    /// The offset, where the body guarantees it is known (struct, tuple and union fields).
    pub(crate) const fn placed(&self) -> usize {
        match self.offset {
            Some(offset) => offset,
            None => 0,
        }
    }

    /// The bytes of the field, when its offset is known.
    #[must_use]
    pub const fn range(&self) -> Option<ByteRange> {
        match self.offset {
            Some(start) => Some(ByteRange {
                start,
                end: start + self.size(),
            }),
            None => None,
        }
    }
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
    /// The fields of a struct, tuple or union, in declaration order; empty for every other
    /// body (an enum's fields belong to its variants: see [`TypeLayout::variants`]).
    #[must_use]
    pub const fn fields(&self) -> &'static [Field] {
        match self.body {
            Body::Struct { fields, .. } | Body::Union { fields } => fields,
            _ => &[],
        }
    }

    /// The variants of an enum in declaration order; empty for every other body.
    #[must_use]
    pub const fn variants(&self) -> &'static [Variant] {
        match self.body {
            Body::Enum { variants, .. } => variants,
            _ => &[],
        }
    }

    /// Where an enum keeps its tag; [`Tag::None`] for every other body.
    #[must_use]
    pub const fn tag(&self) -> Tag {
        match self.body {
            Body::Enum { tag, .. } => tag,
            _ => Tag::None,
        }
    }

    /// Whether this is a union.
    #[must_use]
    pub const fn is_union(&self) -> bool {
        matches!(self.body, Body::Union { .. })
    }

    /// Whether this is an enum.
    #[must_use]
    pub const fn is_enum(&self) -> bool {
        matches!(self.body, Body::Enum { .. })
    }

    /// Number of bytes that belong to no field: interior holes plus trailing padding.
    ///
    /// Structs, tuples and unions only; the bytes of an enum depend on the variant (see
    /// [`TypeLayout::variant_padding`]), and leaves and arrays have no fields of their own.
    #[must_use]
    pub const fn padding_bytes(&self) -> usize {
        let mut total = 0;
        let mut holes = self.padding();
        while let Some(hole) = holes.next_const() {
            total += hole.len();
        }
        total
    }

    /// Number of bytes covered by at least one field.
    #[must_use]
    pub const fn field_bytes(&self) -> usize {
        self.size - self.padding_bytes()
    }

    /// The padding byte ranges (holes between fields and trailing padding) of a struct, tuple
    /// or union, in offset order; none for other bodies.
    #[must_use]
    pub const fn padding(&self) -> crate::Padding {
        crate::Padding::of(self)
    }

    /// The bytes of the tag, when its location is known.
    #[must_use]
    pub const fn tag_range(&self) -> Option<ByteRange> {
        self.tag().range()
    }

    /// The variant with this name.
    #[must_use]
    pub const fn variant(&self, name: &str) -> Option<&'static Variant> {
        let variants = self.variants();
        let mut i = 0;
        while i < variants.len() {
            if crate::text::str_eq(variants[i].name, name) {
                return Some(&variants[i]);
            }
            i += 1;
        }
        None
    }

    /// The field with this name.
    #[must_use]
    pub const fn field(&self, name: &str) -> Option<&'static Field> {
        find_field(self.fields(), name)
    }

    /// The offset of the field with this name (`None` when there is no such field).
    #[must_use]
    pub const fn offset_of(&self, name: &str) -> Option<usize> {
        match self.field(name) {
            Some(field) => field.offset,
            None => None,
        }
    }

    /// The alignment a field really has in this type: `min(align, N)` under `packed(N)`.
    #[must_use]
    pub const fn field_align(&self, field: &Field) -> usize {
        crate::rules::capped(field.align(), self.repr.pack())
    }

    /// The fields that lead to the largest niche, outermost first: `inner`, then `inner`'s
    /// field `ok` for a niche in `self.inner.ok`. Empty when the niche is the value itself,
    /// is not located, or does not exist.
    pub fn niche_path(&self) -> impl Iterator<Item = &'static Field> {
        let mut fields = self.fields();
        let mut next = self.niche.largest.known().and_then(|n| n.field);
        core::iter::from_fn(move || {
            let field = fields.get(next?)?;
            fields = field.layout.fields();
            next = field.layout.niche.largest.known().and_then(|n| n.field);
            Some(field)
        })
    }

    /// The fields in memory order (by offset, declaration order among equal offsets).
    pub fn fields_by_offset(&self) -> impl Iterator<Item = &'static Field> {
        crate::order::by_offset(self.fields())
    }
}

pub(crate) const fn find_field(fields: &'static [Field], name: &str) -> Option<&'static Field> {
    let mut i = 0;
    while i < fields.len() {
        if crate::text::str_eq(fields[i].name, name) {
            return Some(&fields[i]);
        }
        i += 1;
    }
    None
}
