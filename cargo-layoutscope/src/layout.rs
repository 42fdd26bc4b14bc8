//! Turns the debug info's types into layout-core's [`TypeLayout`], so that every renderer and
//! query of layout-core works on them.
//!
//! The model holds `&'static` references (the derive builds it in `const`); a layout built
//! here is owned data leaked to `'static`. A `cargo layoutscope` run is short-lived and builds
//! each layout once, so the leak is bounded by the size of the report.

use std::collections::HashMap;

use layout_core::{
    Body, Field, IntRepr, LargestNiche, NicheCount, NicheSummary, PointerMeta, Repr, StructKind,
    Tag, TypeLayout, TypeName, UnknownReason, Variant,
};

use crate::enum_tag::{self, EnumTag};
use crate::niches;
use crate::types::{shown, BaseInt, BaseKind, Member, Shape, Ty, Types};

/// The layouts of the types found, built on demand.
pub struct Catalog {
    /// What the debug info says.
    pub types: Types,
    built: HashMap<String, Option<&'static TypeLayout>>,
}

/// Facts about a layout that layout-core's model has no place for.
#[derive(Clone, Debug, Default)]
pub struct Extra {
    /// `size_of::<Option<T>>() == size_of::<T>()`, when `Option<T>` is in the debug info too.
    pub option_fits: Option<bool>,
    /// Facts the debug info does not confirm (see [`crate::types::Ty::confirmed`]).
    pub caveats: Vec<&'static str>,
}

/// The caveat of an enum laid out as one variant, whose discriminant the debug info omits.
pub const UNRECORDED_DISCRIMINANT: &str = "the debug info does not record the discriminant of an enum laid out as a single variant; it is shown as the variant's index";

/// The caveat of a pointer-sized unsigned tag holding a value with the top bit set.
pub const AMBIGUOUS_DISCRIMINANT: &str = "the debug info types this enum's tag as unsigned, which it also does for negative `isize` discriminants; discriminants with the top bit set are shown as unsigned";

/// The caveat of a fieldless enum whose alignment no field confirms.
pub const UNCONFIRMED_ALIGN: &str = "size and align are the tag's: rustc's debug info does not record `repr(align(N))` on a fieldless enum that is nowhere a field";

impl Catalog {
    /// A catalog of `types`.
    pub fn new(types: Types) -> Catalog {
        Catalog {
            types,
            built: HashMap::new(),
        }
    }

    /// The layout of the type named `name`, or `None` when the debug info does not describe
    /// it completely (a field's type is missing).
    pub fn layout(&mut self, name: &str) -> Option<&'static TypeLayout> {
        if let Some(done) = self.built.get(name) {
            return *done;
        }
        // A type cannot contain itself by value, so recursion ends; the marker stops a
        // malformed cycle.
        self.built.insert(name.to_owned(), None);
        let ty = self.types.by_name.get(name)?.clone();
        let layout = self.build(&ty).map(|l| &*Box::leak(Box::new(l)));
        self.built.insert(name.to_owned(), layout);
        layout
    }

    /// What the model cannot hold about `name`.
    pub fn extra(&self, name: &str) -> Extra {
        let size = self.types.by_name.get(name).map(|t| t.size);
        let option = self
            .types
            .by_name
            .get(&format!("core::option::Option<{name}>"))
            .map(|t| t.size);
        let ty = self.types.by_name.get(name);
        let confirmed = ty.is_none_or(|t| t.confirmed);
        let mut caveats = Vec::new();
        if !confirmed {
            caveats.push(UNCONFIRMED_ALIGN);
        }
        if ty.is_some_and(|t| matches!(t.shape, Shape::Enum { discr: None, .. })) {
            caveats.push(UNRECORDED_DISCRIMINANT);
        }
        if ty.is_some_and(|t| self.sign_ambiguous(t)) {
            caveats.push(AMBIGUOUS_DISCRIMINANT);
        }
        Extra {
            option_fits: match (size, option) {
                (Some(s), Some(o)) => Some(s == o),
                _ => None,
            },
            caveats,
        }
    }

    fn build(&mut self, ty: &Ty) -> Option<TypeLayout> {
        let body = match &ty.shape {
            Shape::Struct(members) => Body::Struct {
                kind: struct_kind(&ty.name, members),
                fields: self.fields(members)?,
            },
            Shape::Union(members) => Body::Union {
                fields: self.fields(members)?,
            },
            Shape::Base(BaseKind::Unit) => Body::Struct {
                kind: StructKind::Tuple,
                fields: &[],
            },
            Shape::Base(_) => Body::Scalar,
            Shape::Pointer => Body::Pointer(PointerMeta::Thin),
            Shape::Array { element, len } => Body::Array {
                element: self.layout(element)?,
                len: usize::try_from(*len).ok()?,
            },
            Shape::Fieldless { int, variants } => {
                let variants: Vec<Variant> = variants
                    .iter()
                    .map(|(name, bits)| Variant::unit(leak_str(name), *bits))
                    .collect();
                let tag = if ty.size == 0 {
                    Tag::None
                } else {
                    Tag::Direct {
                        offset: 0,
                        size: usize::try_from(int.size).ok()?,
                    }
                };
                Body::Enum {
                    variants: Box::leak(variants.into_boxed_slice()),
                    tag,
                    discriminant: int_repr(*int),
                }
            }
            Shape::Enum { discr, variants } => {
                let uninhabited: Vec<bool> =
                    variants.iter().map(|v| self.absent(&v.fields)).collect();
                let EnumTag {
                    tag,
                    discriminants,
                    int,
                } = enum_tag::map(*discr, variants, &uninhabited, |m| self.size_of(&m.ty));
                let mut built = Vec::with_capacity(variants.len());
                for (v, discriminant) in variants.iter().zip(discriminants) {
                    built.push(Variant {
                        name: leak_str(&v.name),
                        discriminant,
                        kind: variant_kind(&v.fields),
                        fields: self.fields(&v.fields)?,
                    });
                }
                Body::Enum {
                    variants: Box::leak(built.into_boxed_slice()),
                    tag,
                    discriminant: int,
                }
            }
        };
        let size = usize::try_from(ty.size).ok()?;
        let align = ty.align.unwrap_or(ty.size.max(1));
        let largest = self.niche(ty, &body, size);
        let extra = self.extra(&ty.name);
        let option_fits = match (extra.option_fits, largest.count()) {
            (Some(fits), _) => fits,
            (None, count) => count.lower_bound() > 0,
        };
        Some(TypeLayout {
            name: leak_str(definition_name(shown(&ty.name))),
            type_name: TypeName::new(leak_str(shown(&ty.name))),
            size,
            align: usize::try_from(align).ok()?,
            // The debug info does not record `#[repr]`; see the JSON output's `repr: null`.
            repr: Repr::RUST,
            body,
            niche: NicheSummary {
                option_fits,
                largest,
            },
        })
    }

    fn niche(&self, ty: &Ty, body: &Body, size: usize) -> LargestNiche {
        let pointer = usize::try_from(self.types.address_size).unwrap_or(8);
        if let Some(n) = niches::leaf(&ty.name, body, size, pointer) {
            return n;
        }
        match *body {
            Body::Struct { fields, .. } => {
                if niches::maybe_restricted(&ty.name, fields, size) {
                    LargestNiche::Unknown {
                        count: NicheCount::AtLeast(0),
                        reason: UnknownReason::Opaque,
                    }
                } else {
                    niches::of_fields(fields)
                }
            }
            Body::Union { .. } => LargestNiche::None,
            Body::Array { element, len } => niches::of_array(element, len),
            Body::Enum { variants, tag, .. } => {
                let inhabited: Vec<bool> = match &ty.shape {
                    Shape::Enum { variants, .. } => variants
                        .iter()
                        .map(|v| !v.fields.iter().any(|f| self.uninhabited(&f.ty, 0)))
                        .collect(),
                    _ => vec![true; variants.len()],
                };
                let tag_int = match &ty.shape {
                    Shape::Fieldless { int, .. } => Some(*int),
                    Shape::Enum { discr: Some(d), .. } => Some(d.int),
                    _ => None,
                };
                let mut candidates = vec![int_repr(BaseInt {
                    size: self.types.address_size,
                    signed: true,
                })
                .max_bits()];
                if let Some(int) = tag_int {
                    let own = int_repr(int).max_bits();
                    if int.size >= 16 {
                        candidates = vec![own];
                    } else if !candidates.contains(&own) {
                        candidates.push(own);
                    }
                }
                niches::of_enum(tag, variants, &inhabited, &candidates)
            }
            _ => LargestNiche::Unknown {
                count: NicheCount::AtLeast(0),
                reason: UnknownReason::Opaque,
            },
        }
    }

    fn fields(&mut self, members: &[Member]) -> Option<&'static [Field]> {
        let mut fields = Vec::with_capacity(members.len());
        for m in members {
            fields.push(Field {
                name: leak_str(&m.name),
                ty: "",
                offset: Some(usize::try_from(m.offset).ok()?),
                generic: false,
                layout: self.layout(&m.ty)?,
            });
        }
        Some(Box::leak(fields.into_boxed_slice()))
    }

    /// Whether the discriminants may be negative `isize` values that the debug info records
    /// as a pointer-sized unsigned tag (rustc does so for `repr(Rust)` fieldless enums), so
    /// that a value with the top bit set could be either.
    fn sign_ambiguous(&self, ty: &Ty) -> bool {
        let (int, values): (BaseInt, Vec<u128>) = match &ty.shape {
            Shape::Fieldless { int, variants } => (*int, variants.iter().map(|v| v.1).collect()),
            Shape::Enum {
                discr: Some(d),
                variants,
            } if variants.iter().all(|v| v.value.is_some()) => {
                (d.int, variants.iter().filter_map(|v| v.value).collect())
            }
            _ => return false,
        };
        !int.signed
            && int.size == self.types.address_size
            && values.iter().any(|v| v >> (int.size * 8 - 1) & 1 == 1)
    }

    fn size_of(&self, name: &str) -> Option<u64> {
        self.types.by_name.get(name).map(|t| t.size)
    }

    /// Whether a variant with these fields is absent from the layout (rustc's `absent`): it
    /// cannot hold a value and all its fields are zero-sized.
    fn absent(&self, fields: &[Member]) -> bool {
        fields.iter().all(|f| self.size_of(&f.ty) == Some(0))
            && fields.iter().any(|f| self.uninhabited(&f.ty, 0))
    }

    fn uninhabited(&self, name: &str, depth: usize) -> bool {
        if depth > 64 {
            return false;
        }
        let Some(ty) = self.types.by_name.get(name) else {
            return false;
        };
        match &ty.shape {
            Shape::Fieldless { variants, .. } => variants.is_empty(),
            Shape::Enum { variants, .. } => variants
                .iter()
                .all(|v| v.fields.iter().any(|f| self.uninhabited(&f.ty, depth + 1))),
            Shape::Struct(members) => members.iter().any(|m| self.uninhabited(&m.ty, depth + 1)),
            Shape::Array { element, len } => *len > 0 && self.uninhabited(element, depth + 1),
            Shape::Base(_) | Shape::Pointer | Shape::Union(_) => name == "!",
        }
    }
}

fn leak_str(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

/// `alloc::vec::Vec<i32, alloc::alloc::Global>` → `Vec`; `probe::f::{closure_env#0}` →
/// `{closure_env#0}`.
pub fn definition_name(full: &str) -> &str {
    let base = full.split('<').next().unwrap_or(full);
    match base.rfind("::") {
        Some(i) if !full.starts_with(['(', '[', '&', '*']) => &base[i + 2..],
        _ => base,
    }
}

fn struct_kind(name: &str, members: &[Member]) -> StructKind {
    if name.starts_with('(') {
        StructKind::Tuple
    } else {
        variant_kind(members)
    }
}

fn variant_kind(members: &[Member]) -> StructKind {
    if members.is_empty() {
        StructKind::Unit
    } else if members
        .iter()
        .all(|m| m.name.bytes().all(|b| b.is_ascii_digit()))
    {
        StructKind::TupleStruct
    } else {
        StructKind::Named
    }
}

/// The integer a tag is stored as, by size and signedness (pointer-sized tags are the fixed
/// width of the same size: the debug info names `u64`, not `usize`).
pub fn int_repr(int: BaseInt) -> IntRepr {
    match (int.size, int.signed) {
        (1, false) => IntRepr::U8,
        (2, false) => IntRepr::U16,
        (4, false) => IntRepr::U32,
        (8, false) => IntRepr::U64,
        (16, false) => IntRepr::U128,
        (1, true) => IntRepr::I8,
        (2, true) => IntRepr::I16,
        (4, true) => IntRepr::I32,
        (8, true) => IntRepr::I64,
        (16, true) => IntRepr::I128,
        (_, true) => IntRepr::Isize,
        (_, false) => IntRepr::Usize,
    }
}
