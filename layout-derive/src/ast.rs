//! The derive input parsed into a model with spans: data shape, fields, attributes, repr.

use proc_macro2::{Ident, TokenStream};

use crate::attr::{self, ContainerAttrs, FieldAttrs};
use crate::ctxt::Ctxt;
use crate::item::{self, Body, Generics, Item};
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
    pub discriminant: Option<&'a TokenStream>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Named,
    Tuple,
    Unit,
}

pub struct Field<'a> {
    /// The field as written after `.`: `a`, `r#type`, `0`.
    pub member: String,
    /// The name as users read it: `a`, `type` for `r#type`, `0` for positional fields.
    pub name: String,
    /// The type's tokens as written.
    pub ty: &'a TokenStream,
    pub attrs: FieldAttrs,
}

impl<'a> Input<'a> {
    pub fn from_item(cx: &Ctxt, node: &'a Item) -> Input<'a> {
        // Container first, so that errors come out in source order.
        let attrs = attr::container(cx, &node.attrs);
        let repr = repr::parse(cx, &node.attrs);
        let data = match &node.body {
            Body::Struct(f) => Data::Struct(style(f), fields(cx, f)),
            Body::Union(f) => Data::Union(
                f.iter()
                    .enumerate()
                    .map(|(i, f)| Field::from_item(cx, i, f))
                    .collect(),
            ),
            Body::Enum(variants) => Data::Enum(
                variants
                    .iter()
                    .map(|v| {
                        attr::variant(cx, &v.attrs);
                        Variant {
                            ident: &v.ident,
                            name: unraw(&v.ident),
                            style: style(&v.fields),
                            fields: fields(cx, &v.fields),
                            discriminant: v.discriminant.as_ref(),
                        }
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

fn style(fields: &item::Fields) -> Style {
    match fields {
        item::Fields::Named(_) => Style::Named,
        item::Fields::Unnamed(_) => Style::Tuple,
        item::Fields::Unit => Style::Unit,
    }
}

fn fields<'a>(cx: &Ctxt, fields: &'a item::Fields) -> Vec<Field<'a>> {
    match fields {
        item::Fields::Named(f) | item::Fields::Unnamed(f) => f
            .iter()
            .enumerate()
            .map(|(i, f)| Field::from_item(cx, i, f))
            .collect(),
        item::Fields::Unit => Vec::new(),
    }
}

impl<'a> Field<'a> {
    fn from_item(cx: &Ctxt, index: usize, node: &'a item::Field) -> Field<'a> {
        let member = match &node.ident {
            Some(ident) => ident.to_string(),
            None => index.to_string(),
        };
        let name = match member.strip_prefix("r#") {
            Some(rest) => rest.to_owned(),
            None => member.clone(),
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
