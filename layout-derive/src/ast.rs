//! The derive input parsed into a model with spans: data shape, fields, attributes, repr.

use syn::{DeriveInput, Generics, Ident, Member, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs};
use crate::ctxt::Ctxt;
use crate::repr::{self, Repr};

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: ContainerAttrs,
    pub repr: Repr,
    pub data: Data<'a>,
}

pub enum Data<'a> {
    Struct(Style, Vec<Field<'a>>),
    Union(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub name: String,
    pub style: Style,
    pub fields: Vec<Field<'a>>,
    /// `= expr`, when written.
    pub discriminant: Option<&'a syn::Expr>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Named,
    Tuple,
    Unit,
}

pub struct Field<'a> {
    pub member: Member,
    /// The name as users read it: `a`, `type` for `r#type`, `0` for positional fields.
    pub name: String,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
}

impl<'a> Input<'a> {
    pub fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Input<'a> {
        // Container first, so that errors come out in source order.
        let attrs = attr::container(cx, &node.attrs);
        let repr = repr::parse(cx, &node.attrs);
        let data = match &node.data {
            syn::Data::Struct(s) => Data::Struct(style(&s.fields), fields(cx, &s.fields)),
            syn::Data::Union(u) => Data::Union(
                u.fields
                    .named
                    .iter()
                    .enumerate()
                    .map(|(i, f)| Field::from_syn(cx, i, f))
                    .collect(),
            ),
            syn::Data::Enum(e) => Data::Enum(
                e.variants
                    .iter()
                    .map(|v| Variant {
                        ident: &v.ident,
                        name: unraw(&v.ident),
                        style: style(&v.fields),
                        fields: fields(cx, &v.fields),
                        discriminant: v.discriminant.as_ref().map(|(_, expr)| expr),
                    })
                    .collect(),
            ),
        };
        Input {
            ident: &node.ident,
            generics: &node.generics,
            attrs,
            repr,
            data,
        }
    }

    /// Every field of the type, of all variants for an enum.
    pub fn all_fields(&self) -> Vec<&Field<'a>> {
        match &self.data {
            Data::Struct(_, fields) | Data::Union(fields) => fields.iter().collect(),
            Data::Enum(variants) => variants.iter().flat_map(|v| &v.fields).collect(),
        }
    }
}

fn style(fields: &syn::Fields) -> Style {
    match fields {
        syn::Fields::Named(_) => Style::Named,
        syn::Fields::Unnamed(_) => Style::Tuple,
        syn::Fields::Unit => Style::Unit,
    }
}

fn fields<'a>(cx: &Ctxt, fields: &'a syn::Fields) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| Field::from_syn(cx, i, f))
        .collect()
}

impl<'a> Field<'a> {
    fn from_syn(cx: &Ctxt, index: usize, node: &'a syn::Field) -> Field<'a> {
        let member = match &node.ident {
            Some(ident) => Member::Named(ident.clone()),
            None => Member::Unnamed(syn::Index {
                index: index as u32,
                span: syn::spanned::Spanned::span(&node.ty),
            }),
        };
        let name = match &node.ident {
            Some(ident) => unraw(ident),
            None => index.to_string(),
        };
        Field {
            member,
            name,
            ty: &node.ty,
            attrs: attr::field(cx, &node.attrs),
        }
    }
}

/// An identifier as users read it: `r#type` is `type`.
pub fn unraw(ident: &Ident) -> String {
    let s = ident.to_string();
    match s.strip_prefix("r#") {
        Some(rest) => rest.to_owned(),
        None => s,
    }
}
