//! `#[derive(Layout)]` for [layoutscope](https://docs.rs/layoutscope): use it through the
//! `layoutscope` facade, which documents the attributes.
//!
//! The work is split like thiserror's: `item` reads the input with syn's parsing primitives
//! (keeping the tokens of types, generics and discriminants; `meta` reads the keys of
//! `#[layout(...)]` and `#[repr(...)]`), `ast` turns it into a spanned model, `valid`
//! rejects what cannot be described, `expand` writes the `impl`. Every error is spanned; all
//! problems in one input are reported together, followed by `fallback`'s impl so that the
//! type's uses elsewhere add no errors of their own.

mod ast;
mod attr;
mod checks;
mod ctxt;
mod emit;
mod enums;
mod expand;
mod fallback;
mod item;
mod meta;
mod repr;
mod shadow;
mod type_text;
mod valid;

use proc_macro::TokenStream;

/// Derives `layoutscope::Layout`: const layout metadata computed by the compiler.
///
/// Attributes: `#[layout(crate = "path")]` on the type when the facade is renamed, and
/// `#[layout(opaque)]` on a field whose type does not implement `Layout`.
#[proc_macro_derive(Layout, attributes(layout))]
pub fn derive_layout(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as item::Item);
    expand::derive(&input)
        .unwrap_or_else(|errors| errors)
        .into()
}
