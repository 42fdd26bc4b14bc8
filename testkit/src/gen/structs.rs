//! Structs, unions and generic structs with their instantiations.

use layout_core::Repr;

use super::{Gen, GenericField};
use crate::model::{Body, Field, Fields, Item, Param, ParamKind, Style};
use crate::types::{Need, Ty};

impl Gen {
    /// The attributes of a type whose fields are `types`, and whether it is `Copy`.
    pub(super) fn copy_attrs(&self, types: &[&Ty]) -> (Vec<String>, bool) {
        if self.recipe.copy && types.iter().all(|t| t.copy) {
            (vec!["#[derive(Clone, Copy)]".to_owned()], true)
        } else {
            (Vec::new(), false)
        }
    }

    /// A named, tuple or unit struct.
    pub(super) fn structure(
        &mut self,
        style: Style,
        reprs: &[Repr],
        count: (usize, usize),
        nest: usize,
    ) {
        let name = self.name(match style {
            Style::Named => "S",
            Style::Tuple => "T",
            Style::Unit => "Z",
        });
        let mut repr = *self.rng.pick(reprs);
        if style == Style::Unit && repr == Repr::TRANSPARENT {
            repr = Repr::C;
        }
        let need = self.need(repr);
        let types: Vec<Ty> = match style {
            Style::Unit => Vec::new(),
            _ if repr == Repr::TRANSPARENT => {
                let main = self.field_ty(Need {
                    sized: true,
                    ..need
                });
                let mut types = vec![main];
                for _ in 0..self.rng.range(0, 2) {
                    let zst = self.zst1_ty();
                    types.push(zst);
                }
                self.rng.shuffle(&mut types);
                types
            }
            _ => {
                let n = self.rng.range(count.0, count.1);
                (0..n)
                    .map(|_| {
                        let nested = if self.rng.chance(nest) {
                            self.pooled(need)
                        } else {
                            None
                        };
                        nested.unwrap_or_else(|| self.field_ty(need))
                    })
                    .collect()
            }
        };
        let (attrs, copy) = self.copy_attrs(&types.iter().collect::<Vec<_>>());
        let fields = self.fields(style, &types, false);
        let ty = Ty {
            src: name.clone(),
            rustc: name.clone(),
            copy,
            zst: types.iter().all(|t| t.zst),
            align1: align1(repr, types.iter().all(|t| t.align1)),
            has_align: repr.aligned().is_some() || types.iter().any(|t| t.has_align),
            impure: repr.is_c() || types.iter().any(|t| t.impure),
            trio: self.recipe.trio,
            opaque: false,
            depth: depth(&types),
        };
        let item = Item {
            attrs,
            repr,
            vis: String::new(),
            name,
            params: Vec::new(),
            where_clause: String::new(),
            body: Body::Struct(fields),
        };
        self.push(item, true, vec![ty]);
    }

    /// A union of `Copy` fields.
    pub(super) fn union(&mut self, reprs: &[Repr], count: (usize, usize)) {
        let name = self.name("U");
        let repr = *self.rng.pick(reprs);
        let need = Need {
            copy: true,
            ..self.need(repr)
        };
        let n = self.rng.range(count.0, count.1);
        let types: Vec<Ty> = (0..n).map(|_| self.field_ty(need)).collect();
        let fields = self.fields(Style::Named, &types, false).fields;
        let ty = Ty {
            src: name.clone(),
            rustc: name.clone(),
            copy: true,
            zst: types.iter().all(|t| t.zst),
            align1: align1(repr, types.iter().all(|t| t.align1)),
            has_align: repr.aligned().is_some() || types.iter().any(|t| t.has_align),
            impure: repr.is_c() || types.iter().any(|t| t.impure),
            trio: false,
            opaque: false,
            depth: depth(&types),
        };
        let item = Item {
            attrs: vec!["#[derive(Clone, Copy)]".to_owned()],
            repr,
            vis: String::new(),
            name,
            params: Vec::new(),
            where_clause: String::new(),
            body: Body::Union(fields),
        };
        self.push(item, true, vec![ty]);
    }

    /// `struct G<T, U, const N: usize>` with fields `T`, `U`, `[T; N]` and a few fixed types,
    /// instantiated as the recipe says (never more than `left` times).
    pub(super) fn generic_struct(&mut self, reprs: &[Repr], fixed: (usize, usize), left: usize) {
        let name = self.name("G");
        let repr = *self.rng.pick(reprs);
        let need = self.need(repr);
        let mut shape = vec![GenericField::T, GenericField::U, GenericField::ArrayT];
        for _ in 0..self.rng.range(fixed.0, fixed.1) {
            let ty = self.field_ty(need);
            shape.push(GenericField::Fixed(ty));
        }
        self.rng.shuffle(&mut shape);
        let style = if self.rng.chance(70) {
            Style::Named
        } else {
            Style::Tuple
        };
        let members = self.members(style, shape.len());
        let fields = members
            .into_iter()
            .zip(&shape)
            .map(|(m, f)| match f {
                GenericField::T => Field::new(m, "T"),
                GenericField::U => Field::new(m, "U"),
                GenericField::ArrayT => Field::new(m, "[T; N]"),
                GenericField::Fixed(ty) => self.field(m, ty, false),
            })
            .collect();
        let item = Item {
            attrs: Vec::new(),
            repr,
            vis: String::new(),
            name: name.clone(),
            params: type_params(true),
            where_clause: String::new(),
            body: Body::Struct(Fields { style, fields }),
        };
        let arg_need = Need {
            layout: true,
            ..need
        };
        let types = self.instantiate(&name, left, arg_need, true, |t, u, n| {
            let mut ty = Ty {
                src: String::new(),
                rustc: String::new(),
                copy: false,
                zst: true,
                align1: true,
                has_align: repr.aligned().is_some(),
                impure: repr.is_c(),
                trio: t.trio && u.trio,
                opaque: false,
                depth: 0,
            };
            let mut parts: Vec<&Ty> = Vec::new();
            for f in &shape {
                let field_ty = match f {
                    GenericField::T | GenericField::ArrayT => t,
                    GenericField::U => u,
                    GenericField::Fixed(fixed) => fixed,
                };
                ty.zst &= field_ty.zst || matches!(f, GenericField::ArrayT) && n == Some(0);
                ty.align1 &= field_ty.align1;
                ty.has_align |= field_ty.has_align;
                ty.impure |= field_ty.impure;
                parts.push(field_ty);
            }
            ty.align1 = align1(repr, ty.align1);
            ty.depth = depth(parts);
            ty
        });
        self.push(item, true, types);
    }

    /// Up to the recipe's number of distinct instantiations `name<T, U[, N]>` (at most
    /// `left`); `flags` describes one from its arguments.
    pub(super) fn instantiate(
        &mut self,
        name: &str,
        left: usize,
        need: Need,
        with_n: bool,
        flags: impl Fn(&Ty, &Ty, Option<usize>) -> Ty,
    ) -> Vec<Ty> {
        let (lo, hi) = self.recipe.instantiations;
        let wanted = self.rng.range(lo, hi).min(left.max(1));
        let mut made: Vec<Ty> = Vec::new();
        let mut attempts = 0;
        while made.len() < wanted && attempts < 20 {
            attempts += 1;
            let t = self.field_ty(need);
            let u = self.field_ty(need);
            let n = with_n.then(|| self.rng.range(0, 3));
            let tail = n.map_or(String::new(), |n| format!(", {n}"));
            let rustc = format!("{name}<{}, {}{tail}>", t.rustc, u.rustc);
            if made.iter().any(|m| m.rustc == rustc) {
                continue;
            }
            made.push(Ty {
                src: format!("{name}<{}, {}{tail}>", t.src, u.src),
                rustc,
                ..flags(&t, &u, n)
            });
        }
        made
    }
}

/// `<T, U, const N: usize>`.
pub(super) fn type_params(with_n: bool) -> Vec<Param> {
    let mut params = vec![
        Param::new(ParamKind::Type, "T"),
        Param::new(ParamKind::Type, "U"),
    ];
    if with_n {
        params.push(Param::new(ParamKind::Const, "const N: usize"));
    }
    params
}

/// Whether a type with this repr and fields of these alignments is 1-aligned.
pub(super) fn align1(repr: Repr, fields_align1: bool) -> bool {
    repr.aligned().is_none() && (repr.packed() == Some(1) || fields_align1)
}

/// The depth of a generated type with fields of `types`: one more than the deepest.
pub(super) fn depth<'a>(types: impl IntoIterator<Item = &'a Ty>) -> usize {
    1 + types.into_iter().map(|t| t.depth).max().unwrap_or(0)
}
