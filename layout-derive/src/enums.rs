//! The `impl Layout` and `impl LayoutOfVal` of an enum.

use crate::ast::{Field, Input, Style, Variant};
use crate::emit::Out;
use crate::expand::{
    field_list, impl_header, impl_layout, kind as struct_kind, type_params, unplaced_list, Krate,
};
use crate::repr::Base;
use crate::shadow::{self, DataLayout, TAG, WHOLE};

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
        Base::Int(..) => Kind::Specified(DataLayout::PrefixedVariants),
        Base::C | Base::CInt(..) if shadow::aligned(input) => {
            Kind::Specified(DataLayout::AlignedUnionAfterTag)
        }
        Base::C | Base::CInt(..) => Kind::Specified(DataLayout::UnionAfterTag),
        Base::Rust | Base::Transparent => Kind::Unspecified,
    }
}

pub fn expand(out: &mut Out, input: &Input, variants: &[Variant], krate: &Krate) {
    let k = krate.text.as_str();
    let kind = kind(input, variants);
    let explicit = variants.iter().any(|v| v.discriminant.is_some());
    let aligned = shadow::aligned(input);
    // The tag's type in the shadows: the repr's integer where there is one, else a copy of the
    // enum without data (whose size rustc picks from the discriminants).
    let int = input.repr.base.int().map(|(_, name)| name);
    let tag_ty = int.unwrap_or(TAG);
    // Every emitted type costs build time, so the fieldless copy is emitted only where it is
    // needed: for explicit discriminant values of a data enum (a fieldless enum casts its
    // own variants), for the tag of a `repr(C)` data enum, and to measure the tag under
    // `align(N)`.
    // `as` casts only unit-only enums: `V()` and `V {}` make an enum fieldless but not castable,
    // so its discriminants are read from the fieldless copy.
    let casts_itself =
        matches!(kind, Kind::Fieldless) && variants.iter().all(|v| v.style == Style::Unit);
    let needs_tag_enum = match kind {
        Kind::Empty | Kind::Unspecified => false,
        Kind::Fieldless => aligned || (explicit && !casts_itself),
        Kind::Specified(_) => explicit || int.is_none(),
    };
    let params = type_params(input);

    // One `allow` for the block rather than one per shadow type: lint levels reach the
    // items nested in it. `deprecated`: naming a user's `#[deprecated]` type, variant or field
    // is not a use by the user. `repr_c_enums_larger_than_int`: the user's own enum already
    // carries that warning; its fieldless copy would repeat it.
    out.text(
        "#[allow(deprecated, dead_code, non_camel_case_types, repr_c_enums_larger_than_int, \
         clippy::all, clippy::pedantic)] const _: () = ",
    );
    out.braces(|out| {
        if needs_tag_enum {
            shadow::tag_enum(out, input, variants);
        }
        match kind {
            Kind::Fieldless => shadow::fieldless_whole(out, input),
            Kind::Specified(DataLayout::AlignedUnionAfterTag) => {
                shadow::data_types(out, input, variants, tag_ty)
            }
            Kind::Specified(DataLayout::PrefixedVariants | DataLayout::UnionAfterTag) => {}
            Kind::Empty | Kind::Unspecified => {}
        }

        impl_layout(out, input, krate, "::__enumeration", |out| {
            out.text("&");
            out.brackets(|out| {
                for (i, v) in variants.iter().enumerate() {
                    variant(
                        out,
                        k,
                        &kind,
                        i,
                        v,
                        explicit,
                        casts_itself,
                        input,
                        &params,
                        tag_ty,
                    );
                    out.text(",");
                }
            });
            out.text(",");
            shadow_facts(out, k, &kind, aligned, tag_ty, input);
        });

        // Only where there are fields to locate: a function per enum is among the costliest
        // things an expansion can hold, and C-like enums are common.
        if matches!(kind, Kind::Specified(_) | Kind::Unspecified) {
            impl_header(out, input, krate, "LayoutOfVal");
            out.braces(|out| layout_of_val(out, variants));
        }
    });
    out.text(";");
}

/// The `Option<Shadow>` argument of `enumeration`.
fn shadow_facts(out: &mut Out, k: &str, kind: &Kind, aligned: bool, tag_ty: &str, input: &Input) {
    let (whole, tag) = match kind {
        // A fieldless enum's tag is the whole value; its shadow is the enum itself unless
        // `align(N)` pads it.
        Kind::Fieldless if !aligned => ("Self", "Self"),
        Kind::Fieldless => (WHOLE, TAG),
        Kind::Specified(DataLayout::AlignedUnionAfterTag) => (WHOLE, tag_ty),
        Kind::Specified(DataLayout::PrefixedVariants | DataLayout::UnionAfterTag) => {
            // No shadow type: `enumeration` computes size and align from the variants.
            out.text("::core::option::Option::Some(")
                .text(k)
                .text("::__Shadow::computed::<")
                .text(tag_ty)
                .text(">())");
            return;
        }
        Kind::Empty | Kind::Unspecified => {
            out.text("::core::option::Option::None");
            return;
        }
    };
    out.text("::core::option::Option::Some");
    out.parens(|out| {
        out.text(k).text("::__Shadow::of::<").text(whole);
        if matches!(kind, Kind::Specified(_)) {
            shadow::ty_generics(out, input);
        }
        out.text(",").text(tag).text(">()");
    });
}

#[allow(clippy::too_many_arguments)] // the enum's facts, passed down once per variant
fn variant(
    out: &mut Out,
    k: &str,
    kind: &Kind,
    index: usize,
    v: &Variant,
    explicit: bool,
    casts_itself: bool,
    input: &Input,
    params: &[&syn::Ident],
    tag_ty: &str,
) {
    let unit = v.style == Style::Unit;
    out.text(k).text(if unit {
        "::__unit_variant"
    } else {
        "::__variant"
    });
    out.parens(|out| {
        out.str_lit(&v.name).text(",");
        // Without explicit discriminants they are 0, 1, 2…; with some, the compiler
        // evaluates them: a fieldless enum casts its own variant (named through the enum,
        // not `Self::`, which an associated item of the same name would make ambiguous), a
        // data enum the fieldless copy's.
        if explicit {
            if casts_itself {
                out.text(&input.ident.to_string())
                    .text("::")
                    .text(&v.ident.to_string());
            } else {
                out.text(TAG).text("::").text(&v.ident.to_string());
            }
            out.text(" as u128");
        } else {
            out.int(index as u128);
        }
        if unit {
            return;
        }
        out.text(",")
            .text(k)
            .text("::StructKind::")
            .text(struct_kind(v.style))
            .text(",&");
        let fields: Vec<&Field> = v.fields.iter().collect();
        match kind {
            Kind::Specified(
                layout @ (DataLayout::PrefixedVariants | DataLayout::UnionAfterTag),
            ) => {
                // RFC 2195: the variant is a `repr(C)` struct of the tag and its fields, or a
                // `repr(C)` struct in a union after the tag, so the offsets follow the C rule
                // from the tag's end or the union's start (computed in const, cheaper than
                // `offset_of!` on shadow types; `enumeration` checks the result).
                out.text(k).text("::__c_fields");
                out.parens(|out| {
                    field_list(out, k, &fields, params, |out, _, _| {
                        out.text("0");
                    });
                    if *layout == DataLayout::PrefixedVariants {
                        out.text(",::core::mem::size_of::<")
                            .text(tag_ty)
                            .text(">(),0");
                    } else {
                        out.text(",").text(k).text("::__c_payload::<").text(tag_ty);
                        out.text(",Self>(),0");
                    }
                });
            }
            Kind::Specified(DataLayout::AlignedUnionAfterTag) => {
                field_list(out, k, &fields, params, |out, j, _| {
                    out.text(k).text("::__offset_of!");
                    out.parens(|out| {
                        out.text(WHOLE);
                        shadow::ty_generics(out, input);
                        out.text(", payload");
                    });
                    out.text("+").text(k).text("::__offset_of!");
                    out.parens(|out| {
                        shadow::variant_struct(out, index);
                        shadow::ty_generics(out, input);
                        out.text(",");
                        shadow::field_member(out, j);
                    });
                });
            }
            // Not known in const: the fields say so with `offset: None`.
            _ => unplaced_list(out, k, &fields, params),
        }
    });
}

/// `field_addresses_of_val`: a `match` that binds every field by reference and hands their
/// addresses to `visit`; layout-core turns them into offsets (one small arm per variant, so
/// the generated code stays small). `#[inline]`: only crates that call it pay for its code.
fn layout_of_val(out: &mut Out, variants: &[Variant]) {
    out.text(
        "#[inline] fn field_addresses_of_val(&self, \
         visit: &mut dyn ::core::ops::FnMut(usize, &[usize]))",
    );
    out.braces(|out| {
        out.text("match self");
        out.braces(|out| {
            for (i, v) in variants.iter().enumerate() {
                out.text("Self::").text(&v.ident.to_string());
                let n = v.fields.len();
                match v.style {
                    Style::Unit => {}
                    Style::Tuple => {
                        out.parens(|out| {
                            for j in 0..n {
                                out.text("f").int(j as u128).text(",");
                            }
                        });
                    }
                    Style::Named => {
                        out.braces(|out| {
                            for (j, f) in v.fields.iter().enumerate() {
                                out.text(&f.member);
                                out.text(":f").int(j as u128).text(",");
                            }
                        });
                    }
                }
                out.text("=> visit");
                out.parens(|out| {
                    out.int(i as u128).text(",&");
                    out.brackets(|out| {
                        for j in 0..n {
                            out.text("f").int(j as u128).text(" as *const _ as usize,");
                        }
                    });
                });
                out.text(",");
            }
        });
    });
}
