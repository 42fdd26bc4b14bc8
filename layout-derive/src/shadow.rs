//! Shadow types that restate an enum's layout as RFC 2195 specifies it, so that `offset_of!`
//! can measure what the compiler cannot be asked about enums directly:
//!
//! - a fieldless enum with the same discriminants and integer repr: its variants cast to the
//!   discriminant values, and its size is the tag's size;
//! - for `repr(u8)`-style data enums, a `repr(C)` union of `repr(C)` structs that each start
//!   with the tag;
//! - for `repr(C)` and `repr(C, u8)` data enums, a `repr(C)` struct of the tag followed by a
//!   `repr(C)` union of one `repr(C)` struct per variant.
//!
//! The generated impl compares the outermost shadow's size and align with the enum's, so a
//! shadow that ever disagreed with the compiler would fail the build instead of lying.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ast::{Input, Variant};
use crate::repr::{Base, Modifier};

/// How an enum with data is laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DataLayout {
    /// `repr(u8)` & co: each variant struct starts with the tag.
    TagInEachVariant,
    /// `repr(C)` / `repr(C, u8)`: tag, then a union of the variant structs.
    TagThenUnion,
}

pub fn tag_ident() -> Ident {
    Ident::new("__LayoutscopeTag", Span::call_site())
}

pub fn whole_ident() -> Ident {
    Ident::new("__LayoutscopeWhole", Span::call_site())
}

pub fn variant_ident(index: usize) -> Ident {
    format_ident!("__LayoutscopeV{}", index)
}

pub fn payload_ident() -> Ident {
    Ident::new("__LayoutscopePayload", Span::call_site())
}

pub fn field_ident(index: usize) -> Ident {
    format_ident!("f{}", index)
}

/// The fieldless enum that carries the discriminants and measures the tag.
pub fn tag_enum(input: &Input, variants: &[Variant]) -> TokenStream {
    let repr = match input.repr.base {
        Base::Rust | Base::Transparent => quote!(),
        Base::C => quote!(#[repr(C)]),
        Base::Int(..) | Base::CInt(..) => {
            let int = input
                .repr
                .base
                .int()
                .map(|(_, name)| Ident::new(name, Span::call_site()));
            quote!(#[repr(#int)])
        }
    };
    let tag = tag_ident();
    let names = variants.iter().map(|v| v.ident);
    let values = variants.iter().map(|v| match v.discriminant {
        Some(expr) => quote!(= #expr),
        None => quote!(),
    });
    quote! {
        #repr
        enum #tag {
            #(#names #values,)*
        }
    }
}

/// The `repr(C, align(N))` that a shadow's outermost type copies from the enum.
fn outer_repr(modifier: Modifier) -> TokenStream {
    match modifier {
        Modifier::Align(n) => {
            let n = proc_macro2::Literal::u64_unsuffixed(n);
            quote!(#[repr(C, align(#n))])
        }
        Modifier::None | Modifier::Packed(_) => quote!(#[repr(C)]),
    }
}

/// A `PhantomData` field that uses every lifetime and type parameter, so that shadow types
/// may take the enum's generics; none without such parameters (less code for rustc).
fn marker(input: &Input) -> TokenStream {
    let mut lifetimes = input.generics.lifetimes().map(|l| &l.lifetime).peekable();
    let mut types = input.generics.type_params().map(|t| &t.ident).peekable();
    if lifetimes.peek().is_none() && types.peek().is_none() {
        return quote!();
    }
    quote!(marker: ::core::marker::PhantomData<(#(&#lifetimes (),)* #(fn() -> #types,)*)>,)
}

/// The shadow types of a data enum with an explicit layout, whose outermost type is
/// `whole_ident()`.
pub fn data_types(
    input: &Input,
    variants: &[Variant],
    layout: DataLayout,
    tag: &TokenStream,
) -> TokenStream {
    let generics = input.generics;
    let (_, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = &input.generics.where_clause;
    let marker = marker(input);
    // Unit variants need no struct: they have no field to measure, and a struct of the tag
    // alone is never larger or more aligned than the other variants' structs (each starts
    // with the tag, or holds nothing in a `repr(C)` enum's payload union).
    let with_fields = || {
        variants
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.fields.is_empty())
    };

    let variant_structs = with_fields().map(|(i, v)| {
        let name = variant_ident(i);
        let fields = v.fields.iter().enumerate().map(|(j, f)| {
            let ident = field_ident(j);
            let ty = f.ty;
            quote!(#ident: #ty,)
        });
        let tag_field = match layout {
            DataLayout::TagInEachVariant => quote!(tag: #tag,),
            DataLayout::TagThenUnion => quote!(),
        };
        quote! {
            #[repr(C)]
            struct #name #generics #where_clause {
                #tag_field
                #(#fields)*
                #marker
            }
        }
    });
    let members = with_fields().map(|(i, _)| {
        let member = format_ident!("v{}", i);
        let ty = variant_ident(i);
        quote!(#member: ::core::mem::ManuallyDrop<#ty #ty_generics>,)
    });
    let outer = outer_repr(input.repr.modifier);
    let whole = whole_ident();
    let union_and_whole = match layout {
        DataLayout::TagInEachVariant => quote! {
            #outer
            union #whole #generics #where_clause {
                #(#members)*
            }
        },
        DataLayout::TagThenUnion => {
            let payload = payload_ident();
            quote! {
                #[repr(C)]
                union #payload #generics #where_clause {
                    #(#members)*
                }
                #outer
                struct #whole #generics #where_clause {
                    tag: #tag,
                    payload: #payload #ty_generics,
                }
            }
        }
    };
    quote! {
        #(#variant_structs)*
        #union_and_whole
    }
}

/// Whether a fieldless enum's shadow needs a wrapper around the tag: only to copy `align(N)`.
pub fn needs_fieldless_whole(input: &Input) -> bool {
    matches!(input.repr.modifier, Modifier::Align(_))
}

/// The shadow of a fieldless enum with `align(N)`: the tag, aligned like the enum.
pub fn fieldless_whole(input: &Input) -> TokenStream {
    if !needs_fieldless_whole(input) {
        return quote!();
    }
    let outer = outer_repr(input.repr.modifier);
    let whole = whole_ident();
    let tag = tag_ident();
    quote! {
        #outer
        struct #whole(#tag);
    }
}
