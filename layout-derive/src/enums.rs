//! The `impl Layout` and `impl LayoutOfVal` of an enum.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ast::{unraw, Input, Style, Variant};
use crate::checks;
use crate::expand::{field, shape, type_params, where_clause};
use crate::repr::Base;
use crate::shadow::{self, DataLayout};

/// What is known about the enum's layout, by its repr and whether it has data.
enum Kind {
    /// No variants: nothing to shadow (rustc rejects reprs on empty enums).
    Empty,
    /// No variant has fields: the tag is the whole value.
    Fieldless,
    /// Data with an explicit repr: specified by RFC 2195.
    Specified(DataLayout),
    /// Data with `repr(Rust)` (or `transparent`): unspecified.
    Unspecified,
}

fn kind(input: &Input, variants: &[Variant]) -> Kind {
    if variants.is_empty() {
        return Kind::Empty;
    }
    if variants.iter().all(|v| v.fields.is_empty()) {
        return Kind::Fieldless;
    }
    match input.repr.base {
        Base::Int(..) => Kind::Specified(DataLayout::TagInEachVariant),
        Base::C | Base::CInt(..) => Kind::Specified(DataLayout::TagThenUnion),
        Base::Rust | Base::Transparent => Kind::Unspecified,
    }
}

pub fn expand(input: &Input, variants: &[Variant], krate: &TokenStream) -> TokenStream {
    let kind = kind(input, variants);
    let (_, ty_generics, _) = input.generics.split_for_impl();
    let tag = shadow::tag_ident();
    let whole = shadow::whole_ident();
    let explicit = variants.iter().any(|v| v.discriminant.is_some());
    let aligned = shadow::needs_fieldless_whole(input);
    // The tag's type in the shadows: the repr's integer where there is one, else a copy of the
    // enum without data (whose size rustc picks from the discriminants).
    let int = input
        .repr
        .base
        .int()
        .map(|(_, name)| Ident::new(name, Span::call_site()));
    let tag_ty = match &int {
        Some(int) => quote!(#int),
        None => quote!(#tag),
    };
    // Every emitted type costs build time, so the fieldless copy is emitted only where it is
    // needed: for discriminant values that only the compiler can evaluate (explicit ones),
    // for the tag of a `repr(C)` data enum, and to measure the tag under `align(N)`.
    let needs_tag_enum = match kind {
        Kind::Empty | Kind::Unspecified => false,
        Kind::Fieldless => explicit || aligned,
        Kind::Specified(_) => explicit || int.is_none(),
    };
    let tag_enum = if needs_tag_enum {
        shadow::tag_enum(input, variants)
    } else {
        quote!()
    };
    let shadows = match kind {
        Kind::Fieldless => shadow::fieldless_whole(input),
        Kind::Specified(layout) => shadow::data_types(input, variants, layout, &tag_ty),
        Kind::Empty | Kind::Unspecified => quote!(),
    };
    let shadow_facts = match kind {
        // A fieldless enum's tag is the whole value; its shadow is the enum itself unless
        // `align(N)` pads it.
        Kind::Fieldless if !aligned => {
            quote!(::core::option::Option::Some(#krate::Shadow::of::<Self, Self>()))
        }
        Kind::Fieldless => quote!(::core::option::Option::Some(
            #krate::Shadow::of::<#whole, #tag>()
        )),
        Kind::Specified(_) => quote!(::core::option::Option::Some(
            #krate::Shadow::of::<#whole #ty_generics, #tag_ty>()
        )),
        Kind::Empty | Kind::Unspecified => quote!(::core::option::Option::None),
    };
    let signed = match input.repr.base.int() {
        Some((_, name)) => name.starts_with('i'),
        // Without an integer repr, discriminants are `isize`.
        None => true,
    };
    let params = type_params(input);
    let variant_layouts = variants.iter().enumerate().map(|(i, v)| {
        // Without explicit discriminants they are 0, 1, 2…; with some, the compiler
        // evaluates them through the fieldless copy.
        let bits = if explicit {
            let ident = v.ident;
            quote!(#tag::#ident as u128)
        } else {
            let i = i as u128;
            quote!(#i)
        };
        variant(
            krate,
            &kind,
            i,
            v,
            quote!(#bits, #signed),
            &ty_generics,
            &params,
        )
    });

    let ident = input.ident;
    let name = unraw(ident);
    let repr = input.repr.to_tokens(krate);
    let (impl_generics, _, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input, krate);
    let layout_of_val = layout_of_val(variants);
    let layout = checks::wrap(
        input,
        krate,
        quote!(#krate::__private::enumeration::<Self>(
            #name,
            #repr,
            &[#(#variant_layouts),*],
            #shadow_facts,
        )),
    );
    let check_items = checks::items(input, krate);
    // One `allow` for the block rather than one per shadow type: lint levels reach the
    // items nested in it. `deprecated`: naming a user's `#[deprecated]` type, variant or field
    // is not a use by the user.
    quote! {
        #[allow(deprecated, dead_code, non_camel_case_types, clippy::all, clippy::pedantic)]
        const _: () = {
            #tag_enum
            #shadows

            #[automatically_derived]
            impl #impl_generics #krate::Layout for #ident #ty_generics #where_clause {
                const LAYOUT: #krate::TypeLayout = #layout;
            }
            #check_items

            #[automatically_derived]
            impl #impl_generics #krate::LayoutOfVal for #ident #ty_generics #where_clause {
                #layout_of_val
            }
        };
    }
}

fn variant(
    krate: &TokenStream,
    kind: &Kind,
    index: usize,
    v: &Variant,
    // The `bits, signed` arguments of `variant`.
    discriminant: TokenStream,
    ty_generics: &syn::TypeGenerics,
    params: &[&syn::Ident],
) -> TokenStream {
    let shadow_struct = shadow::variant_ident(index);
    let whole = shadow::whole_ident();
    let fields = v.fields.iter().enumerate().map(|(j, f)| {
        let member = shadow::field_ident(j);
        let offset = match kind {
            Kind::Specified(DataLayout::TagInEachVariant) => {
                quote!(::core::mem::offset_of!(#shadow_struct #ty_generics, #member))
            }
            Kind::Specified(DataLayout::TagThenUnion) => quote!(
                ::core::mem::offset_of!(#whole #ty_generics, payload)
                    + ::core::mem::offset_of!(#shadow_struct #ty_generics, #member)
            ),
            // Not known in const: `Offsets::Unknown` says so and renderers do not show it.
            _ => quote!(0),
        };
        field(krate, f, offset, params)
    });
    let exact = matches!(kind, Kind::Specified(_) | Kind::Fieldless);
    let name = &v.name;
    let shape = shape(krate, v.style);
    quote! {
        #krate::__private::variant(
            #name,
            #discriminant,
            #shape,
            &[#(#fields),*],
            #exact,
        )
    }
}

/// `field_addresses_of_val`: a `match` that binds every field by reference and hands their
/// addresses to `visit`; layout-core turns them into offsets (one small arm per variant, so
/// the generated code stays small).
fn layout_of_val(variants: &[Variant]) -> TokenStream {
    let arms = variants.iter().enumerate().map(|(i, v)| {
        let ident = v.ident;
        let bindings: Vec<_> = (0..v.fields.len())
            .map(|j| format_ident!("f{}", j))
            .collect();
        let pattern = match v.style {
            Style::Unit => quote!(Self::#ident),
            Style::Tuple => quote!(Self::#ident(#(#bindings),*)),
            Style::Named => {
                let members = v.fields.iter().map(|f| &f.member);
                quote!(Self::#ident { #(#members: #bindings),* })
            }
        };
        quote!(#pattern => visit(#i, &[#(#bindings as *const _ as usize),*]),)
    });
    let body = if variants.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#arms)* })
    };
    // `#[inline]`: only crates that call it pay for its code.
    quote! {
        #[inline]
        fn field_addresses_of_val(
            &self,
            visit: &mut dyn ::core::ops::FnMut(usize, &[usize]),
        ) {
            #body
        }
    }
}
