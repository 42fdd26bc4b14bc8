//! Const builders that turn compiler facts into a [`TypeLayout`]; the derive and the impls in
//! this crate both go through them, so every type is described by the same code.

use crate::enums::Tag;
use crate::model::{Field, Layout, Repr, Shape, TypeLayout};
use crate::niche::{self, LargestNiche, NicheSummary, UnknownReason};
use core::marker::PhantomData;
use core::mem::{align_of, size_of};

/// Describes one field of a type being built: `offset` comes from `offset_of!`, everything
/// else from the field type's own layout.
pub const fn field<T: Layout>(name: &'static str, ty: &'static str, offset: usize) -> Field {
    Field {
        name,
        ty,
        generic: false,
        offset,
        size: T::LAYOUT.size,
        align: T::LAYOUT.align,
        layout: &T::LAYOUT,
    }
}

/// [`field`] for a field whose written type mentions a generic parameter of the container.
pub const fn generic_field<T: Layout>(
    name: &'static str,
    ty: &'static str,
    offset: usize,
) -> Field {
    Field {
        generic: true,
        ..field::<T>(name, ty, offset)
    }
}

/// The layout of a struct, tuple struct, unit struct, union or tuple `T` from its fields.
pub const fn aggregate<T>(
    name: &'static str,
    repr: Repr,
    shape: Shape,
    fields: &'static [Field],
) -> TypeLayout {
    let largest = match shape {
        // rustc gives unions no niche: any field may be the one that is initialised.
        Shape::Union => LargestNiche::None,
        _ => niche::of_fields(fields, size_of::<T>(), repr),
    };
    TypeLayout {
        name,
        type_name: core::any::type_name::<T>,
        size: size_of::<T>(),
        align: align_of::<T>(),
        repr,
        shape,
        fields,
        variants: &[],
        tag: Tag::None,
        niche: NicheSummary::checked::<T>(largest),
    }
}

/// The layout of a leaf type `T` (no fields described) with the given niche facts.
pub const fn leaf<T>(name: &'static str, shape: Shape, niche: NicheSummary) -> TypeLayout {
    TypeLayout {
        name,
        type_name: core::any::type_name::<T>,
        size: size_of::<T>(),
        align: align_of::<T>(),
        repr: Repr::RUST,
        shape,
        fields: &[],
        variants: &[],
        tag: Tag::None,
        niche,
    }
}

/// The layout of a type whose inside is private or unspecified: exact size and align, niche
/// measured by probes.
pub const fn opaque<T>(name: &'static str) -> TypeLayout {
    leaf::<T>(
        name,
        Shape::Opaque,
        NicheSummary::probed::<T>(UnknownReason::Opaque),
    )
}

/// Stands for a field type that does not implement [`Layout`] (`#[layout(opaque)]`): its
/// layout is [`opaque`].
pub struct Opaque<T>(PhantomData<T>);

impl<T> Layout for Opaque<T> {
    const LAYOUT: TypeLayout = TypeLayout {
        size: size_of::<T>(),
        align: align_of::<T>(),
        type_name: core::any::type_name::<T>,
        ..opaque::<T>("opaque")
    };
}
