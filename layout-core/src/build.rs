//! Const builders that turn compiler facts into a [`TypeLayout`]; the derive and the impls in
//! this crate both go through them, so every type is described by the same code.

use crate::model::{Body, Field, Layout, StructKind, TypeLayout, TypeName};
use crate::niche::{self, LargestNiche, NicheSummary, UnknownReason};
use crate::repr::Repr;
use crate::rules::c_size_align;
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

/// The layout of a struct, tuple struct, unit struct or tuple `T` from its fields.
///
/// For `repr(C)` types the offsets come from the C rule (`place_struct`);
/// the size and align that the rule gives for them must then be the compiler's, or the build
/// fails rather than describe a layout that is not the type's.
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

/// The layout of union `T` from its fields (`place_union` places those of `repr(C)`).
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

    #[test]
    #[should_panic(expected = "differs from the C rule")]
    fn a_repr_c_layout_that_is_not_the_types_is_refused() {
        // One `u8` by the C rule is 1 byte, but `u64` is 8: `aggregate` must not describe it.
        const ONE_BYTE: [Field; 1] = [field::<u8>("a", "u8", 0)];
        aggregate::<u64>("NotOneByte", Repr::C, StructKind::Named, &ONE_BYTE);
    }
}
