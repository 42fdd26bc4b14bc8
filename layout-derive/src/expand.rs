//! Writes the `impl Layout`. All computation happens in `layoutscope`'s const fns; the
//! generated code only names the fields and hands `offset_of!` results to them.

use proc_macro2::{Ident, TokenStream};

use crate::ast::{unraw, Data, Field, Input, Style};
use crate::ctxt::Ctxt;
use crate::emit::Out;
use crate::item::Item;
use crate::repr::Base;
use crate::type_text::tokens_text;
use crate::{checks, enums, fallback, valid, values};

/// The expansion, or the `compile_error!`s of every problem found in the input followed by
/// the fallback impl.
pub fn derive(node: &Item) -> Result<TokenStream, TokenStream> {
    let cx = Ctxt::default();
    let input = Input::from_item(&cx, node);
    valid::check(&cx, &input);
    if let Err(errors) = cx.check() {
        return Err(fallback::expand(&input, errors));
    }
    let krate = Krate::new(input.attrs.krate.as_deref());
    let mut out = Out::default();
    match &input.data {
        Data::Struct(style, _) => impl_aggregate(&mut out, &input, &krate, Some(kind(*style))),
        Data::Union(_) => impl_aggregate(&mut out, &input, &krate, None),
        Data::Enum(variants) => enums::expand(&mut out, &input, variants, &krate),
    }
    if input.attrs.values.is_some() {
        values::expand(&mut out, &input, &krate);
    }
    out.finish()
}

/// The path of the facade crate, `::layoutscope` unless `#[layout(crate = "...")]` says.
///
/// Written out in full at every use rather than imported once: every `use` in an expansion
/// is an item that rustc resolves, hashes and tracks for incremental builds (measured: three
/// imports per type cost more build time than the longer paths).
pub struct Krate {
    pub text: String,
}

impl Krate {
    pub fn new(user: Option<&str>) -> Self {
        Krate {
            text: user.unwrap_or("::layoutscope").to_owned(),
        }
    }
}

/// A struct's `impl Layout` (`kind` is its `StructKind`), or a union's (`None`).
fn impl_aggregate(out: &mut Out, input: &Input, krate: &Krate, kind: Option<&str>) {
    let k = krate.text.as_str();
    let params = type_params(input);
    let fields = input.all_fields();
    let union = kind.is_none();
    let builder = if union {
        "::__union::<Self>"
    } else {
        "::__aggregate::<Self>"
    };
    // `deprecated`: naming a user's `#[deprecated]` type or field is not a use by the user.
    out.text("#[allow(deprecated)] const _: () = ");
    out.braces(|out| {
        impl_layout(
            out,
            input,
            krate,
            builder,
            |_| {},
            |out| {
                if let Some(kind) = kind {
                    out.text(k).text("::StructKind::").text(kind).text(",");
                }
                out.text("&");
                if matches!(input.repr.base, Base::C) {
                    // Layout-core places the fields by the rule of the repr (cheaper than an
                    // `offset_of!` per field).
                    out.text(k).text(if union {
                        "::__place_union"
                    } else {
                        "::__place_struct"
                    });
                    out.parens(|out| {
                        input.repr.write(out, k);
                        out.text(",");
                        unplaced_list(out, k, &fields, &params);
                    });
                } else {
                    field_list(out, k, &fields, &params, |out, _, f| {
                        out.text(k).text("::__offset_of!(Self,");
                        out.text(&f.member);
                        out.text(")");
                    });
                }
            },
        );
    });
    out.text(";");
}

/// `[field, ..]` of fields whose offsets are not known in const.
pub fn unplaced_list(out: &mut Out, k: &str, fields: &[&Field], params: &[&Ident]) {
    out.brackets(|out| {
        for f in fields {
            field_call(out, k, f, params, None);
            out.text(",");
        }
    });
}

/// `[field, ..]`, each field's offset expression written by `offset`.
pub fn field_list(
    out: &mut Out,
    k: &str,
    fields: &[&Field],
    params: &[&Ident],
    mut offset: impl FnMut(&mut Out, usize, &Field),
) {
    out.brackets(|out| {
        for (i, f) in fields.iter().enumerate() {
            field(out, k, f, params, |out| offset(out, i, f));
            out.text(",");
        }
    });
}

/// The `impl Layout` whose items are those `facts` writes (an enum's `__FACTS`, if any) and
/// `LAYOUT`, `<krate><builder>("Name", <repr>, ..)` (`builder` with its turbofish) with the
/// rest of the arguments written by `rest`; followed by the type's check items.
pub fn impl_layout(
    out: &mut Out,
    input: &Input,
    krate: &Krate,
    builder: &str,
    facts: impl FnOnce(&mut Out),
    rest: impl FnOnce(&mut Out),
) {
    let k = krate.text.as_str();
    impl_header(out, input, krate, "Layout");
    out.braces(|out| {
        facts(out);
        out.text("const LAYOUT: ").text(k).text("::TypeLayout = ");
        checks::wrap(out, input, krate, |out| {
            out.text(k).text(builder);
            out.parens(|out| {
                out.str_lit(&unraw(input.ident)).text(",");
                input.repr.write(out, k);
                out.text(",");
                rest(out);
            });
        });
        out.text(";");
    });
    checks::items(out, input, krate);
}

/// `#[automatically_derived] impl<..> <krate>::<Trait> for Type<..> where ..`, before the body.
pub fn impl_header(out: &mut Out, input: &Input, krate: &Krate, trait_name: &str) {
    impl_header_bounded(out, input, krate, trait_name, true);
}

/// [`impl_header`], with the `FieldType: Layout` bounds only when `field_bounds` (an impl
/// that describes no field needs none).
pub fn impl_header_bounded(
    out: &mut Out,
    input: &Input,
    krate: &Krate,
    trait_name: &str,
    field_bounds: bool,
) {
    out.text("#[automatically_derived] impl");
    let generic = !input.generics.params.is_empty();
    if generic {
        generic_list(out, input.generics.impl_params());
    }
    out.text(" ")
        .text(&krate.text)
        .text("::")
        .text(trait_name)
        .text(" for ")
        .text(&input.ident.to_string());
    if generic {
        generic_list(out, input.generics.type_arguments());
    }
    where_clause(out, input, &krate.text, field_bounds);
}

/// `<a, b, ..>` of parameters or arguments.
pub fn generic_list<'a>(out: &mut Out, items: impl Iterator<Item = &'a TokenStream>) {
    out.text("<");
    for item in items {
        out.tokens(item).text(",");
    }
    out.text(">");
}

/// The `StructKind` of a struct or variant with this syntax.
pub fn kind(style: Style) -> &'static str {
    match style {
        Style::Named => "Named",
        Style::Tuple => "TupleStruct",
        Style::Unit => "Unit",
    }
}

/// A `Field` description whose offset expression `offset` writes; `params` are the
/// container's type parameters, to mark fields whose written type mentions one.
pub fn field(out: &mut Out, k: &str, f: &Field, params: &[&Ident], offset: impl FnMut(&mut Out)) {
    let mut offset = offset;
    field_call(out, k, f, params, Some(&mut offset));
}

/// A `Field` description, at the offset `offset` writes or (`None`) with an unknown offset.
fn field_call(
    out: &mut Out,
    k: &str,
    f: &Field,
    params: &[&Ident],
    offset: Option<&mut dyn FnMut(&mut Out)>,
) {
    let tokens = f.ty;
    let builder = match (mentions_any(tokens, params), offset.is_some()) {
        (true, true) => "::__generic_field::<",
        (false, true) => "::__field::<",
        (true, false) => "::__generic_unplaced::<",
        (false, false) => "::__unplaced::<",
    };
    // The field's own tokens, so that "does not implement `Layout`" points at the field.
    out.text(k).text(builder);
    if f.attrs.opaque.is_some() {
        out.text(k)
            .text("::__private::Opaque<")
            .tokens(tokens)
            .text(">");
    } else {
        out.tokens(tokens);
    }
    out.text(">");
    out.parens(|out| {
        out.str_lit(&f.name)
            .text(",")
            .str_lit(&tokens_text(tokens.clone()));
        if let Some(offset) = offset {
            out.text(",");
            offset(out);
        }
    });
}

/// The user's where clause plus, when `field_bounds`, `FieldType: Layout` for each described
/// field whose type mentions a type parameter: exactly the bounds the impl needs (a `Vec<T>`
/// field needs none on `T`).
fn where_clause(out: &mut Out, input: &Input, k: &str, field_bounds: bool) {
    let params = type_params(input);
    let existing = input.generics.predicates.iter();
    let needed = input
        .all_fields()
        .into_iter()
        .filter(|f| field_bounds && f.attrs.opaque.is_none() && mentions_any(f.ty, &params));
    let mut first = true;
    let mut start = |out: &mut Out| {
        if first {
            out.text(" where ");
            first = false;
        }
    };
    for predicate in existing {
        start(out);
        out.tokens(predicate).text(",");
    }
    for f in needed {
        start(out);
        out.tokens(f.ty).text(": ").text(k).text("::Layout,");
    }
}

pub fn type_params<'a>(input: &'a Input) -> Vec<&'a Ident> {
    input.generics.type_params().map(|p| &p.ident).collect()
}

pub fn mentions_any(ty: &TokenStream, params: &[&Ident]) -> bool {
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
    walk(ty.clone(), params)
}
