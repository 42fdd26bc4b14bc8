//! What a rejected input expands to (after thiserror's `fallback.rs`): its errors, and an
//! `impl Layout` whose layout is opaque, so that the type's uses elsewhere (a field of another
//! derived type, `T::LAYOUT`, a `T: Layout` bound) still type-check and the user reads only the
//! input's own errors, not a cascade of "does not implement `Layout`". The build fails on the
//! errors, so the opaque layout is never seen.

use proc_macro2::TokenStream;

use crate::ast::{unraw, Input};
use crate::emit::Out;
use crate::expand::{impl_header_bounded, Krate};
use crate::valid;

/// `errors`, then the fallback impl where one can be written without an error of its own.
pub fn expand(input: &Input, errors: TokenStream) -> TokenStream {
    // Where `layoutscope` is cannot be guessed: `::layoutscope` may not resolve.
    if input.attrs.krate_unknown {
        return errors;
    }
    // `Layout: Sized`: an impl for an unsized struct would be one more error.
    if valid::unsized_tail(input).is_some() {
        return errors;
    }
    let krate = Krate::new(input.attrs.krate.as_deref());
    let k = krate.text.as_str();
    let mut out = Out::default();
    out.tokens(&errors);
    out.text("#[allow(deprecated)] const _: () = ");
    out.braces(|out| {
        impl_header_bounded(out, input, &krate, "Layout", false);
        out.braces(|out| {
            out.text("const LAYOUT: ")
                .text(k)
                .text("::TypeLayout = ")
                .text(k)
                .text("::__private::opaque::<Self>(")
                .str_lit(&unraw(input.ident))
                .text(");");
        });
    });
    out.text(";");
    out.finish().unwrap_or(errors)
}
