//! The compile-time checks of `#[layout(size = .., no_padding, ..)]` and field
//! `#[layout(offset = ..)]`, each spanned to the key that asked for it so that a failure points
//! at the attribute and says the actual and expected values.
//!
//! For a type without type or const parameters every check is a `const` item of its own:
//! `cargo check` evaluates them even when nothing uses the type, and reports every failing
//! check at once. A generic type's checks run inside `LAYOUT`, when an instance's layout is
//! evaluated (after monomorphization).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::GenericParam;

use crate::ast::Input;
use crate::attr::CheckKind;
use crate::emit::Out;
use crate::expand::Krate;

/// The layout expression that `layout` writes, with the checks of a generic type run on it.
pub fn wrap(out: &mut Out, input: &Input, krate: &Krate, layout: impl FnOnce(&mut Out)) {
    let checks = checks(input);
    if checks.is_empty() || !is_generic(input) {
        layout(out);
        return;
    }
    let k = krate.tokens();
    out.braces(|out| {
        out.text("let layout: ")
            .text(&krate.text)
            .text("::TypeLayout = ");
        layout(out);
        out.text(";");
        for check in &checks {
            out.tokens(&check.render(&k, quote!(&layout))).text(";");
        }
        out.text("layout");
    });
}

/// One `const` item per check, for a type without type or const parameters.
pub fn items(out: &mut Out, input: &Input, krate: &Krate) {
    if is_generic(input) {
        return;
    }
    let checks = checks(input);
    if checks.is_empty() {
        return;
    }
    let k = krate.tokens();
    let ident = input.ident;
    let lifetimes = input.generics.lifetimes().map(|_| quote!('static));
    let args = if input.generics.params.is_empty() {
        quote!()
    } else {
        quote!(<#(#lifetimes),*>)
    };
    let layout = quote!(&<#ident #args as #k::Layout>::LAYOUT);
    for check in checks {
        let call = check.render(&k, layout.clone());
        out.tokens(&quote_spanned!(check.span=> const _: () = #call;));
    }
}

fn is_generic(input: &Input) -> bool {
    input
        .generics
        .params
        .iter()
        .any(|p| !matches!(p, GenericParam::Lifetime(_)))
}

/// A call to `layoutscope::__private::check::<name>(layout, args..)`.
struct Check {
    span: Span,
    name: &'static str,
    args: TokenStream,
}

impl Check {
    /// The call, with every token spanned to the key: rustc reports a failing constant at
    /// the span of the whole call, which must not stretch back to `#[derive(Layout)]`.
    fn render(&self, krate: &TokenStream, layout: TokenStream) -> TokenStream {
        let name = syn::Ident::new(self.name, self.span);
        let args = &self.args;
        respan(
            quote!(#krate::__private::check::#name(#layout #args)),
            self.span,
        )
    }
}

fn checks(input: &Input) -> Vec<Check> {
    let mut out: Vec<Check> = input
        .attrs
        .checks
        .iter()
        .map(|c| {
            let (name, args) = match c.kind {
                CheckKind::Size(n) => ("size", quote!(, #n as usize)),
                CheckKind::Align(n) => ("align", quote!(, #n as usize)),
                CheckKind::MaxSize(n) => ("max_size", quote!(, #n as usize)),
                CheckKind::NoPadding => ("no_padding", quote!()),
                CheckKind::Niche => ("niche", quote!()),
            };
            Check {
                span: c.span,
                name,
                args,
            }
        })
        .collect();
    for field in input.all_fields() {
        if let Some((span, n)) = field.attrs.offset {
            let name = &field.name;
            out.push(Check {
                span,
                name: "offset",
                args: quote!(, #name, #n as usize),
            });
        }
    }
    out
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(g) = &tree {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tree = proc_macro2::TokenTree::Group(group);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}
