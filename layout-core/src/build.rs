//! Const builders that turn compiler facts into a [`TypeLayout`]; the derive and the impls in
//! this crate both go through them, so every type is described by the same code.

use crate::model::{Body, Field, Layout, StructKind, TypeLayout, TypeName};
use crate::niche::{self, LargestNiche, NicheSummary, UnknownReason};
use crate::repr::Repr;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};

/// Describes one field of a type being built: `offset` comes from `offset_of!`, everything
/// else from the field type's own layout.
pub const fn field<T: Layout>(name: &'static str, ty: &'static str, offset: usize) -> Field {
    Field::new::<T>(name, ty, offset)
}

/// [`field`] for a field whose written type mentions a generic parameter of the container.
pub const fn generic_field<T: Layout>(
    name: &'static str,
    ty: &'static str,
    offset: usize,
) -> Field {
    Field {
        generic: true,
        ..Field::new::<T>(name, ty, offset)
    }
}

/// A field of a `repr(Rust)` enum's variant, whose offset is not known in `const`.
pub const fn unplaced<T: Layout>(name: &'static str, ty: &'static str) -> Field {
    Field::unplaced::<T>(name, ty)
}

/// [`unplaced`] for a field whose written type mentions a generic parameter.
pub const fn generic_unplaced<T: Layout>(name: &'static str, ty: &'static str) -> Field {
    Field {
        generic: true,
        ..Field::unplaced::<T>(name, ty)
    }
}

/// `fields` (written with offset 0) at the offsets the C rule gives them, counting from
/// `start`: each field at the next multiple of its alignment (capped at `pack`, 0 when not
/// packed) after the end of the previous one. This is the layout of a `repr(C)` struct, and of
/// the structs that RFC 2195 lays out a `repr(u8)`-style enum's variants as.
///
/// It replaces one `offset_of!` per field: each of those is a separate constant for rustc to
/// type-check, evaluate and track, the largest build-time cost of the derive. The result is
/// checked against the compiler: see [`aggregate`] and `enumeration`.
pub const fn c_fields<const N: usize>(
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
const fn c_size_align(fields: &[Field], repr: Repr) -> (usize, usize) {
    let (end, align) = extent(fields, repr.pack(), 0, repr.min_align());
    (end.next_multiple_of(align), align)
}

/// The layout of a struct, tuple struct, unit struct or tuple `T` from its fields.
///
/// For `repr(C)` types the derive computes the offsets ([`c_fields`]); the size and align that
/// the C rule gives for them must then be the compiler's, or the build fails rather than
/// describe a layout that is not the type's.
pub const fn aggregate<T>(
    name: &'static str,
    repr: Repr,
    kind: StructKind,
    fields: &'static [Field],
) -> TypeLayout {
    c_rule_holds::<T>(fields, repr);
    TypeLayout {
        name,
        type_name: TypeName::of::<T>(),
        size: size_of::<T>(),
        align: align_of::<T>(),
        repr,
        body: Body::Struct { kind, fields },
        niche: NicheSummary::checked::<T>(niche::of_fields(fields, size_of::<T>(), repr)),
    }
}

/// The layout of union `T` from its fields (all at offset 0).
pub const fn union<T>(name: &'static str, repr: Repr, fields: &'static [Field]) -> TypeLayout {
    c_rule_holds::<T>(fields, repr);
    TypeLayout {
        name,
        type_name: TypeName::of::<T>(),
        size: size_of::<T>(),
        align: align_of::<T>(),
        repr,
        body: Body::Union { fields },
        // rustc gives unions no niche: any field may be the one that is initialised.
        niche: NicheSummary::checked::<T>(LargestNiche::None),
    }
}

/// Fails the build when a `repr(C)` type's fields, placed by the C rule, do not give the
/// compiler's size and align.
const fn c_rule_holds<T>(fields: &[Field], repr: Repr) {
    if let crate::ReprBase::C = repr.base() {
        let (size, align) = c_size_align(fields, repr);
        if size != size_of::<T>() || align != align_of::<T>() {
            panic!("layoutscope: this repr(C) type's layout differs from the C rule; please report this type");
        }
    }
}

/// The layout of a leaf type `T` (no fields described) with the given niche facts.
pub const fn leaf<T>(name: &'static str, body: Body, niche: NicheSummary) -> TypeLayout {
    TypeLayout {
        name,
        type_name: TypeName::of::<T>(),
        size: size_of::<T>(),
        align: align_of::<T>(),
        repr: Repr::RUST,
        body,
        niche,
    }
}

/// The layout of a type whose inside is private or unspecified: exact size and align, niche
/// measured by probes.
pub const fn opaque<T>(name: &'static str) -> TypeLayout {
    leaf::<T>(
        name,
        Body::Opaque,
        NicheSummary::probed::<T>(UnknownReason::Opaque),
    )
}

impl TypeLayout {
    /// The layout of `T` described by size, align and niche only (its inside is not shown):
    /// for implementing [`Layout`] by hand.
    pub const fn opaque<T>(name: &'static str) -> TypeLayout {
        opaque::<T>(name)
    }

    /// The layout of struct `T` from its fields (with their `offset_of!` offsets): for
    /// implementing [`Layout`] by hand. For `repr(C)` the build fails if the fields do not
    /// give the compiler's size and align.
    pub const fn of_struct<T>(
        name: &'static str,
        repr: Repr,
        kind: StructKind,
        fields: &'static [Field],
    ) -> TypeLayout {
        aggregate::<T>(name, repr, kind, fields)
    }
}

/// The layout of `[T; N]`. Its niche is the first element's: rustc takes the niche of the
/// element at offset 0, and an empty array has none.
pub const fn array<T: Layout, const N: usize>() -> TypeLayout {
    let first: &[Field] = if N == 0 {
        &[]
    } else {
        &[Field::new::<T>("[0]", "", 0)]
    };
    TypeLayout {
        name: "[T; N]",
        type_name: TypeName::of::<[T; N]>(),
        size: size_of::<[T; N]>(),
        align: align_of::<[T; N]>(),
        repr: Repr::RUST,
        body: Body::Array {
            element: &T::LAYOUT,
            len: N,
        },
        niche: NicheSummary::checked::<[T; N]>(
            match niche::of_fields(first, size_of::<[T; N]>(), Repr::RUST) {
                // An array has no fields for the niche to name: it sits in element 0.
                LargestNiche::Known(n) => LargestNiche::Known(crate::Niche { field: None, ..n }),
                other => other,
            },
        ),
    }
}

/// Stands for a field type that does not implement [`Layout`] (`#[layout(opaque)]`): its
/// layout is [`opaque`].
pub struct Opaque<T>(PhantomData<T>);

impl<T> Layout for Opaque<T> {
    const LAYOUT: TypeLayout = TypeLayout {
        type_name: TypeName::of::<T>(),
        ..opaque::<T>("opaque")
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: [Field; 3] = [
        field::<u8>("a", "u8", 0),
        field::<u32>("b", "u32", 0),
        field::<u16>("c", "u16", 0),
    ];

    fn offsets(fields: &[Field]) -> [usize; 3] {
        [0, 1, 2].map(|i| fields[i].offset.unwrap())
    }

    #[test]
    fn the_c_rule_aligns_each_field_after_the_previous_one() {
        assert_eq!(offsets(&c_fields(MIXED, 0, 0)), [0, 4, 8]);
        // `packed(2)` caps the alignment of `b` at 2.
        assert_eq!(offsets(&c_fields(MIXED, 0, 2)), [0, 2, 6]);
        // After a 1-byte tag (RFC 2195's variant structs).
        assert_eq!(offsets(&c_fields(MIXED, 1, 0)), [1, 4, 8]);
        assert_eq!(offsets(&c_fields(MIXED, 2, 1)), [2, 3, 7]);
    }

    #[test]
    fn size_and_align_follow_the_c_rule() {
        let fields = c_fields(MIXED, 0, 0);
        assert_eq!(c_size_align(&fields, Repr::C), (12, 4));
        let packed = c_fields(MIXED, 0, 1);
        let repr = Repr::C.with_packed(1);
        assert_eq!(c_size_align(&packed, repr), (7, 1));
        let repr = Repr::C.with_align(16);
        assert_eq!(c_size_align(&fields, repr), (16, 16));
    }

    #[test]
    #[should_panic(expected = "differs from the C rule")]
    fn a_repr_c_layout_that_is_not_the_types_is_refused() {
        // One `u8` by the C rule is 1 byte, but `u64` is 8: `aggregate` must not describe it.
        const ONE_BYTE: [Field; 1] = [field::<u8>("a", "u8", 0)];
        aggregate::<u64>("NotOneByte", Repr::C, StructKind::Named, &ONE_BYTE);
    }
}
