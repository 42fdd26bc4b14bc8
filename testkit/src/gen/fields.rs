//! Field types: drawn from the pools and from earlier types, within what the container
//! needs.

use layout_core::Repr;

use super::recipe::Draw;
use super::{Gen, Pooled};
use crate::model::Field;
use crate::types::{Atom, Need, Ty, ATOMS, ELEMS, ZST1};

impl Gen {
    /// The rules a field of a type with this repr follows.
    pub(super) fn need(&self, repr: Repr) -> Need {
        let packed = repr.packed().is_some();
        Need {
            copy: packed && self.recipe.trio,
            no_align: packed,
            trio: self.recipe.trio,
            layout: false,
            sized: false,
        }
    }

    /// An earlier type within the depth limit, preferring enums as the recipe says.
    pub(super) fn pooled(&mut self, need: Need) -> Option<Ty> {
        let max = self.recipe.max_depth;
        let fits = |p: &&Pooled| p.ty.depth < max && p.ty.fits(need) && !p.ty.opaque;
        let enums: Vec<&Pooled> = self
            .pool
            .iter()
            .filter(|p| p.is_enum)
            .filter(fits)
            .collect();
        if !enums.is_empty() && self.rng.chance(self.recipe.prefer_enums) {
            return Some(self.rng.pick(&enums).ty.clone());
        }
        let all: Vec<&Pooled> = self.pool.iter().filter(fits).collect();
        (!all.is_empty()).then(|| self.rng.pick(&all).ty.clone())
    }

    /// An enum that only `#[layout(opaque)]` fields may hold.
    pub(super) fn helper(&mut self, need: Need) -> Option<Ty> {
        let helpers: Vec<&Pooled> = self
            .pool
            .iter()
            .filter(|p| p.ty.opaque && p.ty.fits(need))
            .collect();
        (!helpers.is_empty()).then(|| self.rng.pick(&helpers).ty.clone())
    }

    pub(super) fn atom(&mut self, table: &[Atom], need: Need) -> Ty {
        loop {
            let ty = Ty::atom(self.rng.pick(table));
            if ty.fits(need) {
                return ty;
            }
        }
    }

    /// The element of an array, `Option` or pointer: an earlier type now and then, else an
    /// element atom.
    pub(super) fn inner(&mut self, need: Need) -> Ty {
        if self.rng.chance(self.recipe.inner_pool) {
            if let Some(ty) = self.pooled(need) {
                return ty;
            }
        }
        self.atom(ELEMS, need)
    }

    /// `[E; 0..=3]`.
    pub(super) fn array(&mut self, need: Need) -> Ty {
        let elem = self.inner(need);
        let n = self.rng.range(0, 3);
        Ty {
            zst: n == 0 || elem.zst,
            ..elem.wrapped(&format!("[{{}}; {n}]"), &format!("[{{}}; {n}]"))
        }
    }

    /// A tuple of two or three element atoms, sometimes with a nested tuple.
    pub(super) fn tuple(&mut self, need: Need) -> Ty {
        let n = self.rng.range(2, 3);
        let mut elems: Vec<Ty> = (0..n).map(|_| self.atom(ELEMS, need)).collect();
        if self.rng.chance(15) {
            let inner = self.tuple(need);
            elems.push(inner);
        }
        let src: Vec<&str> = elems.iter().map(|t| t.src.as_str()).collect();
        let rustc: Vec<&str> = elems.iter().map(|t| t.rustc.as_str()).collect();
        Ty {
            src: format!("({})", src.join(", ")),
            rustc: format!("({})", rustc.join(", ")),
            copy: true,
            zst: false,
            align1: elems.iter().all(|t| t.align1),
            has_align: false,
            impure: elems.iter().any(|t| t.impure),
            trio: true,
            opaque: false,
            depth: 0,
        }
    }

    /// `Option<X>`: layoutscope derives its niche from `X`'s (one value fewer), which nests
    /// into every type holding it.
    pub(super) fn option(&mut self, need: Need) -> Ty {
        let inner = self.inner(need);
        Ty {
            zst: false,
            impure: true,
            ..inner.wrapped("Option<{}>", "std::option::Option<{}>")
        }
    }

    /// `Box<X>`, `&'static X` or `Vec<X>`: pointer-sized and pointer-aligned whatever `X` is.
    pub(super) fn pointer(&mut self, need: Need) -> Ty {
        let inner_need = Need {
            trio: need.trio,
            ..Need::default()
        };
        let inner = self.inner(inner_need);
        let (src, rustc, copy) = *self.rng.pick(&[
            ("Box<{}>", "std::boxed::Box<{}>", false),
            ("&'static {}", "&{}", true),
            ("Vec<{}>", "std::vec::Vec<{}>", false),
        ]);
        Ty {
            copy,
            zst: false,
            align1: false,
            has_align: false,
            impure: true,
            opaque: false,
            ..inner.wrapped(src, rustc)
        }
    }

    /// A field type that satisfies `need`.
    pub(super) fn field_ty(&mut self, need: Need) -> Ty {
        loop {
            let ty = match self.rng.weighted(self.recipe.fields) {
                Draw::Atom => Some(self.atom(ATOMS, need)),
                Draw::Array => Some(self.array(need)),
                Draw::Tuple => Some(self.tuple(need)),
                Draw::Option => Some(self.option(need)),
                Draw::Pointer => Some(self.pointer(need)),
                Draw::Helper => self.helper(need),
                Draw::Pool => self.pooled(need),
            };
            match ty {
                Some(ty) if ty.fits(need) => return ty,
                _ => {}
            }
        }
    }

    /// A field of type `ty` (marked `#[layout(opaque)]` when it needs it, and now and then
    /// when it does not; never in a type without layoutscope's derive, `helper`).
    pub(super) fn field(&mut self, member: String, ty: &Ty, helper: bool) -> Field {
        let mut field = Field::new(member, ty.src.clone());
        if !helper && (ty.opaque || self.rng.chance(self.recipe.opaque)) {
            field.attrs.push("#[layout(opaque)]".to_owned());
        }
        field
    }

    pub(super) fn zst1_ty(&mut self) -> Ty {
        let generated: Vec<Ty> = self
            .pool
            .iter()
            .map(|p| &p.ty)
            .filter(|t| t.zst && t.align1 && !t.has_align && !t.impure)
            .cloned()
            .collect();
        if !generated.is_empty() && self.rng.chance(30) {
            self.rng.pick(&generated).clone()
        } else {
            Ty::atom(self.rng.pick(ZST1))
        }
    }
}
