//! Enums: fieldless, with data, generic, empty, and the ones only opaque fields hold.

use std::collections::HashSet;

use layout_core::{IntRepr, Repr};

use super::recipe::{EnumReprs, ALIGNS};
use super::structs::{depth, type_params};
use super::{Gen, VARIANT_NAMES};
use crate::model::{Body, Fields, Item, Style, Variant};
use crate::types::{Need, Ty};

impl Gen {
    /// The repr of an enum: `(C, integer, align)`.
    pub(super) fn enum_repr(&mut self, r: EnumReprs) -> (bool, Option<IntRepr>, Option<usize>) {
        let roll = self.rng.below(100);
        let int_ty = *self.rng.pick(&IntRepr::ALL);
        let (c, int) = if roll < r.rust {
            (false, None)
        } else if roll < r.rust + r.c {
            (true, None)
        } else if roll < r.rust + r.c + r.int {
            (false, Some(int_ty))
        } else {
            (true, Some(int_ty))
        };
        let align = if self.rng.chance(r.align) {
            Some(*self.rng.pick(ALIGNS))
        } else {
            None
        };
        (c, int, align)
    }

    pub(super) fn variant_idents(&mut self, n: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for i in 0..n {
            let pick = *self.rng.pick(VARIANT_NAMES);
            let taken = names.iter().any(|m| m == pick);
            if n <= 6 && !taken && self.rng.chance(30) {
                names.push(pick.to_owned());
            } else {
                names.push(format!("V{i}"));
            }
        }
        // `V3` may have been taken by position after a named pick: make names unique.
        let mut seen = HashSet::new();
        for (i, name) in names.iter_mut().enumerate() {
            if !seen.insert(name.clone()) {
                *name = format!("W{i}");
                seen.insert(name.clone());
            }
        }
        names
    }

    /// An enum without fields of `n` variants (`helper`: without layoutscope's derive).
    pub(super) fn fieldless(&mut self, reprs: EnumReprs, n: usize, helper: bool) {
        let name = self.name("E");
        // `repr(C, u8)` on a fieldless enum is denied (`conflicting_repr_hints`).
        let (c, int, align) = self.enum_repr(reprs);
        let c = c && int.is_none();
        let ty = int.unwrap_or(IntRepr::Isize);
        let capacity = if ty.bits() == 8 { 256 } else { usize::MAX };
        let n = n.min(capacity);
        let (explicit, extremes) = match self.rng.below(10) {
            0..=3 => (0, false),
            4..=5 => (100, false),
            6..=7 => (30, false),
            _ => (20, true),
        };
        let discs = self.discriminants(n, ty, explicit, extremes && n <= 20);
        let idents = self.variant_idents(n);
        let variants = idents
            .into_iter()
            .zip(discs)
            .map(|(ident, (expr, value))| Variant {
                attrs: Vec::new(),
                ident,
                fields: Fields::default(),
                discriminant: expr,
                value: Some(value),
            })
            .collect();
        let repr = enum_repr(c, int, align);
        self.finish_enum(name, repr, variants, helper, &[]);
    }

    /// An enum of `n` variants, some with fields (`helper`: without layoutscope's derive,
    /// with `Copy` fields).
    pub(super) fn data_enum(&mut self, reprs: EnumReprs, n: usize, helper: bool) {
        let name = self.name("E");
        let (mut c, int, align) = self.enum_repr(reprs);
        let discs = if int.is_some() && self.rng.chance(40) {
            let extremes = self.rng.chance(30);
            self.discriminants(n, int.unwrap_or(IntRepr::Isize), 40, extremes)
        } else {
            (0..n).map(|i| (None, i as u128)).collect()
        };
        let idents = self.variant_idents(n);
        let need = Need {
            copy: helper,
            ..self.need(Repr::RUST)
        };
        let mut variants = Vec::new();
        let mut all = Vec::new();
        for (ident, (expr, value)) in idents.into_iter().zip(discs) {
            let style = match self.rng.below(100) {
                0..=29 => Style::Unit,
                30..=64 => Style::Tuple,
                _ => Style::Named,
            };
            let count = match style {
                Style::Unit => 0,
                _ if self.rng.chance(self.recipe.empty_variants) => 0,
                _ => self.rng.range(1, 3),
            };
            let types: Vec<Ty> = (0..count).map(|_| self.field_ty(need)).collect();
            let fields = self.fields(style, &types, helper);
            all.extend(types);
            variants.push(Variant {
                attrs: Vec::new(),
                ident,
                fields,
                discriminant: expr,
                value: Some(value),
            });
        }
        if all.is_empty() && int.is_some() {
            // No data after all: `repr(C, int)` would be denied (`conflicting_repr_hints`).
            c = false;
        }
        let repr = enum_repr(c, int, align);
        let all: Vec<&Ty> = all.iter().collect();
        self.finish_enum(name, repr, variants, helper, &all);
    }

    /// `enum GE<T, U[, const N: usize]>` with two to four variants, instantiated as the
    /// recipe says (at most `left` times).
    pub(super) fn generic_enum(&mut self, reprs: EnumReprs, left: usize) {
        let name = self.name("GE");
        let (c, int, align) = self.enum_repr(reprs);
        let repr = enum_repr(c, int, align);
        let with_n = self.rng.chance(30);
        let n = self.rng.range(2, 4);
        let idents = self.variant_idents(n);
        // Every parameter must be used: `T` in one variant, `U` in another (or the same).
        let t_at = self.rng.below(n);
        let u_at = self.rng.below(n);
        let need = self.need(repr);
        let mut variants = Vec::new();
        let mut fixed: Vec<Ty> = Vec::new();
        for (i, ident) in idents.into_iter().enumerate() {
            let mut style =
                *self
                    .rng
                    .pick(&[Style::Unit, Style::Tuple, Style::Tuple, Style::Named]);
            if style == Style::Unit && (i == t_at || i == u_at) {
                style = Style::Tuple;
            }
            let count = if style == Style::Unit {
                0
            } else {
                self.rng.range(1, 3)
            };
            let param = |src: &'static str| Ty::atom(&(src, src, 0));
            let mut types: Vec<Ty> = (0..count)
                .map(|_| match self.rng.below(8) {
                    0 | 1 => param("T"),
                    2 => param("U"),
                    3 if with_n => param("[T; N]"),
                    3 => param("[T; 2]"),
                    4 => param("Option<T>"),
                    5 => param("(U, u8)"),
                    _ => {
                        let ty = self.field_ty(need);
                        fixed.push(ty.clone());
                        ty
                    }
                })
                .collect();
            if i == t_at {
                let at = self.rng.range(0, types.len());
                types.insert(at, param("T"));
            }
            if i == u_at {
                let at = self.rng.range(0, types.len());
                types.insert(at, param("U"));
            }
            let fields = self.fields(style, &types, false);
            variants.push(Variant {
                attrs: Vec::new(),
                ident,
                fields,
                discriminant: None,
                value: Some(i as u128),
            });
        }
        let mut params = type_params(with_n);
        if !with_n {
            params.truncate(2);
        }
        let item = Item {
            attrs: Vec::new(),
            repr,
            vis: String::new(),
            name: name.clone(),
            params,
            where_clause: String::new(),
            body: Body::Enum(variants),
        };
        let arg_need = Need {
            layout: true,
            ..need
        };
        let trio = self.recipe.trio;
        let types = self.instantiate(&name, left, arg_need, with_n, |t, u, _| {
            let parts = [t, u].into_iter().chain(&fixed);
            Ty {
                src: String::new(),
                rustc: String::new(),
                copy: false,
                zst: false,
                align1: false,
                has_align: true,
                impure: true,
                trio,
                opaque: false,
                depth: depth(parts),
            }
        });
        self.push(item, true, types);
    }

    /// `enum Void {}`: compared, never nested (it cannot be constructed).
    pub(super) fn empty_enum(&mut self) {
        let name = self.name("Void");
        self.finish_enum(name, Repr::RUST, Vec::new(), false, &[]);
    }

    /// Adds an enum of `variants` whose fields are `fields`.
    pub(super) fn finish_enum(
        &mut self,
        name: String,
        repr: Repr,
        variants: Vec<Variant>,
        helper: bool,
        fields: &[&Ty],
    ) {
        // The tag is one byte unless a repr says otherwise (at most 256 variants, or a niche).
        let one_byte_tag = match repr.int_type() {
            Some(int) => int.size() == 1,
            None => !repr.is_c() && variants.len() <= 256,
        };
        let ty = Ty {
            src: name.clone(),
            rustc: name.clone(),
            copy: helper,
            zst: variants.len() == 1 && fields.is_empty() && repr.is_default(),
            align1: repr.aligned().is_none() && one_byte_tag && fields.iter().all(|t| t.align1),
            has_align: repr.aligned().is_some() || fields.iter().any(|t| t.has_align),
            impure: true,
            trio: self.recipe.trio,
            opaque: helper,
            depth: depth(fields.iter().copied()),
        };
        let attrs = if helper {
            vec!["#[derive(Clone, Copy)]".to_owned()]
        } else {
            Vec::new()
        };
        let item = Item {
            attrs,
            repr,
            vis: String::new(),
            name,
            params: Vec::new(),
            where_clause: String::new(),
            body: Body::Enum(variants),
        };
        self.push(item, !helper, vec![ty]);
    }
}

/// The repr of generated parts, whose alignments are powers of two.
fn enum_repr(c: bool, int: Option<IntRepr>, align: Option<usize>) -> Repr {
    let repr = match (c, int) {
        (false, None) => Repr::RUST,
        (true, None) => Repr::C,
        (false, Some(int)) => Repr::int(int),
        (true, Some(int)) => Repr::c_int(int),
    };
    match align {
        Some(n) => repr.with_align(n),
        None => repr,
    }
}
