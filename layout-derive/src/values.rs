//! The `impl Visit` that `#[layout(values)]` asks for: each field of the live value handed to
//! the visitor by reference (the variant's fields through a `match`), so that the picture has
//! the real offsets. Emitted only with the key: types without it pay nothing.

use crate::ast::{Data, Field, Input, Style, Variant};
use crate::emit::Out;
use crate::expand::{generic_list, mentions_any, type_params, Krate};

pub fn expand(out: &mut Out, input: &Input, krate: &Krate) {
    let trait_path = format!("{}::values::Visit", krate.text);
    out.text("#[allow(deprecated)] const _: () = ");
    out.braces(|out| {
        header(out, input, &trait_path);
        out.braces(|out| {
            // `#[inline]`: a crate that derives but never draws its values builds no machine
            // code for them (a non-generic function is otherwise compiled where it is defined).
            out.text("#[inline] fn visit(&self, v: &mut ")
                .text(&krate.text)
                .text("::values::Visitor<'_>)");
            out.braces(|out| match &input.data {
                Data::Struct(_, fields) => {
                    for f in fields {
                        let mut access = String::from("&self.");
                        access.push_str(&f.member);
                        field(out, f, &access);
                    }
                }
                Data::Enum(variants) => arms(out, variants),
                // Rejected by `valid`.
                Data::Union(_) => {}
            });
        });
    });
    out.text(";");
}

/// `#[automatically_derived] impl<..> Visit for Type<..> where ..`, with `FieldType: Visit`
/// for each visited field whose type mentions a type parameter.
fn header(out: &mut Out, input: &Input, trait_path: &str) {
    out.text("#[automatically_derived] impl");
    let generic = !input.generics.params.is_empty();
    if generic {
        generic_list(out, input.generics.impl_params());
    }
    out.text(" ")
        .text(trait_path)
        .text(" for ")
        .text(&input.ident.to_string());
    if generic {
        generic_list(out, input.generics.type_arguments());
    }
    let params = type_params(input);
    let mut first = true;
    let mut start = |out: &mut Out| {
        if first {
            out.text(" where ");
            first = false;
        }
    };
    for predicate in &input.generics.predicates {
        start(out);
        out.tokens(predicate).text(",");
    }
    let visited = input
        .all_fields()
        .into_iter()
        .filter(|f| f.attrs.opaque.is_none() && mentions_any(f.ty, &params));
    for f in visited {
        start(out);
        out.tokens(f.ty).text(": ").text(trait_path).text(",");
    }
}

/// `v.field("name", access);`, or `v.opaque(..)` for a field whose type is not described.
fn field(out: &mut Out, f: &Field, access: &str) {
    let method = if f.attrs.opaque.is_some() {
        "v.opaque"
    } else {
        "v.field"
    };
    out.text(method);
    out.parens(|out| {
        out.str_lit(&f.name).text(",").text(access);
    });
    out.text(";");
}

/// One arm per variant: name the live variant, then visit its fields.
fn arms(out: &mut Out, variants: &[Variant]) {
    out.text("match self");
    out.braces(|out| {
        for v in variants {
            out.text("Self::").text(&v.ident.to_string());
            match v.style {
                Style::Unit => {}
                Style::Tuple => {
                    out.parens(|out| {
                        for j in 0..v.fields.len() {
                            out.text("f").int(j as u128).text(",");
                        }
                    });
                }
                Style::Named => {
                    out.braces(|out| {
                        for (j, f) in v.fields.iter().enumerate() {
                            out.text(&f.member).text(":f").int(j as u128).text(",");
                        }
                    });
                }
            }
            out.text("=>");
            out.braces(|out| {
                out.text("v.variant(").str_lit(&v.name).text(");");
                for (j, f) in v.fields.iter().enumerate() {
                    field(out, f, &format!("f{j}"));
                }
            });
        }
    });
}
