//! Writes the `impl Layout`. All computation happens in `layoutscope`'s const fns; the
//! generated code only names the fields and hands `offset_of!` results to them.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{DeriveInput, Ident, Type};

use crate::ast::{unraw, Data, Field, Input, Style};
use crate::ctxt::Ctxt;
use crate::type_text::type_text;
use crate::{checks, enums, valid};

pub fn derive(node: &DeriveInput) -> syn::Result<TokenStream> {
    let cx = Ctxt::default();
    let input = Input::from_syn(&cx, node);
    valid::check(&cx, &input);
    cx.check()?;
    // Full paths rather than `use` aliases: every `use` in an expansion is an item that
    // rustc resolves, hashes and tracks for incremental builds (measured: three aliases per
    // type cost more build time than the longer paths).
    let krate = match &input.attrs.krate {
        Some(path) => path.to_token_stream(),
        None => quote!(::layoutscope),
    };
    let krate = &krate;
    Ok(match &input.data {
        Data::Struct(style, _) => impl_aggregate(&input, krate, shape(krate, *style)),
        Data::Union(_) => impl_aggregate(&input, krate, quote!(#krate::Shape::Union)),
        Data::Enum(variants) => enums::expand(&input, variants, krate),
    })
}

fn impl_aggregate(input: &Input, krate: &TokenStream, shape: TokenStream) -> TokenStream {
    let ident = input.ident;
    let name = unraw(ident);
    let repr = input.repr.to_tokens(krate);
    let params = type_params(input);
    let fields = input.all_fields().into_iter().map(|f| {
        let member = &f.member;
        field(
            krate,
            f,
            quote!(::core::mem::offset_of!(Self, #member)),
            &params,
        )
    });
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input, krate);
    let layout = checks::wrap(
        input,
        krate,
        quote!(#krate::__private::aggregate::<Self>(#name, #repr, #shape, &[#(#fields),*])),
    );
    let check_items = checks::items(input, krate);
    // `deprecated`: naming a user's `#[deprecated]` type or field is not a use by the user.
    quote! {
        #[allow(deprecated)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #krate::Layout for #ident #ty_generics #where_clause {
                const LAYOUT: #krate::TypeLayout = #layout;
            }
            #check_items
        };
    }
}

/// The `Shape` of a struct or variant with this syntax.
pub fn shape(krate: &TokenStream, style: Style) -> TokenStream {
    match style {
        Style::Named => quote!(#krate::Shape::Struct),
        Style::Tuple => quote!(#krate::Shape::TupleStruct),
        Style::Unit => quote!(#krate::Shape::UnitStruct),
    }
}

/// A `Field` description at the given offset expression; `params` are the container's type
/// parameters, to mark fields whose written type mentions one.
pub fn field(
    krate: &TokenStream,
    f: &Field,
    offset: TokenStream,
    params: &[&Ident],
) -> TokenStream {
    let ty = f.ty;
    let layout_ty = if f.attrs.opaque.is_some() {
        quote!(#krate::__private::Opaque<#ty>)
    } else {
        ty.to_token_stream()
    };
    let name = &f.name;
    let text = type_text(ty);
    let builder = if mentions_any(ty, params) {
        quote!(generic_field)
    } else {
        quote!(field)
    };
    quote!(#krate::__private::#builder::<#layout_ty>(#name, #text, #offset))
}

/// The user's where clause plus `FieldType: Layout` for each described field whose type
/// mentions a type parameter: exactly the bounds the impl needs (a `Vec<T>` field needs none
/// on `T`).
pub fn where_clause(input: &Input, krate: &TokenStream) -> TokenStream {
    let params = type_params(input);
    let mut existing = input
        .generics
        .where_clause
        .iter()
        .flat_map(|w| w.predicates.iter())
        .peekable();
    let mut needed = input
        .all_fields()
        .into_iter()
        .filter(|f| f.attrs.opaque.is_none() && mentions_any(f.ty, &params))
        .map(|f| f.ty)
        .peekable();
    if existing.peek().is_none() && needed.peek().is_none() {
        return quote!();
    }
    quote!(where #(#existing,)* #(#needed: #krate::Layout,)*)
}

pub fn type_params<'a>(input: &'a Input) -> Vec<&'a Ident> {
    input.generics.type_params().map(|p| &p.ident).collect()
}

fn mentions_any(ty: &Type, params: &[&Ident]) -> bool {
    // Walking a type's tokens is not free inside a proc macro (each token is a handle into the
    // compiler); most types have no type parameters to look for.
    if params.is_empty() {
        return false;
    }
    fn walk(stream: TokenStream, params: &[&Ident]) -> bool {
        stream.into_iter().any(|tree| match tree {
            proc_macro2::TokenTree::Ident(i) => params.iter().any(|p| i == **p),
            proc_macro2::TokenTree::Group(g) => walk(g.stream(), params),
            _ => false,
        })
    }
    walk(ty.to_token_stream(), params)
}
