//! The compile-time checks of `#[layout(size = .., no_padding, ..)]` and field
//! `#[layout(offset = ..)]`, each spanned to the key that asked for it so that a failure points
//! at the attribute and says the actual and expected values.
//!
//! For a type without type or const parameters every check is a `const` item of its own:
//! `cargo check` evaluates them even when nothing uses the type, and reports every failing
//! check at once. A generic type's checks run inside `LAYOUT`, when an instance's layout is
//! evaluated (after monomorphization).

use proc_macro2::Span;

use crate::ast::Input;
use crate::attr::CheckKind;
use crate::emit::Out;
use crate::expand::Krate;
use crate::item::ParamKind;

/// The layout expression that `layout` writes, with the checks of a generic type run on it.
pub fn wrap(out: &mut Out, input: &Input, krate: &Krate, layout: impl FnOnce(&mut Out)) {
    let checks = checks(input, &krate.text);
    if checks.is_empty() || !is_generic(input) {
        layout(out);
        return;
    }
    out.braces(|out| {
        out.text("let layout: ")
            .text(&krate.text)
            .text("::TypeLayout = ");
        layout(out);
        out.text(";");
        for check in &checks {
            out.text_at(&check.call(&krate.text, "&layout"), check.span)
                .text(";");
        }
        out.text("layout");
    });
}

/// One `const` item per check, for a type without type or const parameters.
pub fn items(out: &mut Out, input: &Input, krate: &Krate) {
    if is_generic(input) {
        return;
    }
    let checks = checks(input, &krate.text);
    if checks.is_empty() {
        return;
    }
    let lifetimes = input.generics.lifetimes().count();
    let args = if lifetimes == 0 {
        String::new()
    } else {
        format!("<{}>", "'static,".repeat(lifetimes))
    };
    let layout = format!("&<{}{args} as {}::Layout>::LAYOUT", input.ident, krate.text);
    for check in checks {
        // The whole item at the key: rustc reports a failing constant at the span of the
        // item, which must not stretch back to `#[derive(Layout)]`.
        let item = format!("const _: () = {};", check.call(&krate.text, &layout));
        out.text_at(&item, check.span);
    }
}

fn is_generic(input: &Input) -> bool {
    input
        .generics
        .params
        .iter()
        .any(|p| !matches!(p.kind, ParamKind::Lifetime))
}

/// A call to `layoutscope::__private::check::<name>(layout, args..)`.
struct Check {
    span: Span,
    name: &'static str,
    /// The arguments after the layout, each after a comma.
    args: String,
}

impl Check {
    /// The call, to be spanned to the key: rustc reports a failing constant at the span of
    /// the whole call.
    fn call(&self, krate: &str, layout: &str) -> String {
        format!(
            "{krate}::__report!({krate}::__private::check::{}({layout}{}))",
            self.name, self.args
        )
    }
}

fn checks(input: &Input, krate: &str) -> Vec<Check> {
    let line = match &input.attrs.cache_line {
        Some((_, value)) => value.usize_text(krate),
        None => format!("{krate}::__private::check::DEFAULT_CACHE_LINE"),
    };
    let mut out: Vec<Check> = input
        .attrs
        .checks
        .iter()
        .map(|c| {
            let (name, args) = match &c.kind {
                CheckKind::Size(n) => ("size", format!(", {}", n.usize_text(krate))),
                CheckKind::Align(n) => ("align", format!(", {}", n.usize_text(krate))),
                CheckKind::MaxSize(n) => ("max_size", format!(", {}", n.usize_text(krate))),
                CheckKind::NoPadding => ("no_padding", String::new()),
                CheckKind::Niche => ("niche", String::new()),
                CheckKind::Apart(names) => {
                    let names: Vec<String> = names.iter().map(|(_, n)| format!("{n:?}")).collect();
                    ("apart", format!(", &[{}], {line}", names.join(", ")))
                }
                CheckKind::AtomicsApart => ("atomics_apart", format!(", {line}")),
            };
            Check {
                span: c.span,
                name,
                args,
            }
        })
        .collect();
    for field in input.all_fields() {
        if let Some((span, n)) = &field.attrs.offset {
            out.push(Check {
                span: *span,
                name: "offset",
                // `Debug` writes the name as a string literal.
                args: format!(", {:?}, {}", field.name, n.usize_text(krate)),
            });
        }
        if let Some(span) = field.attrs.own_line {
            out.push(Check {
                span,
                name: "own_line",
                args: format!(", {:?}, {line}", field.name),
            });
        }
    }
    out
}
