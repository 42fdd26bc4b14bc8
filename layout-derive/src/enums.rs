//! The `impl Layout` and `impl LayoutOfVal` of an enum.
//!
//! The expansion states what the definition says: the repr, the tag type where it is not the
//! enum itself (the repr's integer, or a fieldless copy of the enum), the variants'
//! discriminants and field types. Layout-core decides from these facts which rule places the
//! fields and whether the tag is known.

use crate::ast::{Field, Input, Style, Variant};
use crate::emit::Out;
use crate::expand::{
    impl_header, impl_layout, kind as struct_kind, type_params, unplaced_list, Krate,
};
use crate::repr::Base;
use crate::tag_copy::{self, TAG};

/// What the enum's definition says about its tag.
enum Kind {
    /// No variants: no tag (rustc rejects reprs on empty enums).
    Empty,
    /// No variant has fields: the enum is its tag (padded by `align(N)`).
    Fieldless,
    /// Fields and `repr(C)`, `repr(u8)` or `repr(C, u8)` & co: a tag of a type the expansion
    /// can name.
    Tagged,
    /// Fields and `repr(Rust)` or `repr(transparent)`: no type to name as the tag.
    Untagged,
}

fn kind(input: &Input, variants: &[Variant]) -> Kind {
    if variants.is_empty() {
        return Kind::Empty;
    }
    if variants.iter().all(|v| v.fields.is_empty()) {
        return Kind::Fieldless;
    }
    match input.repr.base {
        Base::Int(..) | Base::C | Base::CInt(..) => Kind::Tagged,
        Base::Rust | Base::Transparent => Kind::Untagged,
    }
}

pub fn expand(out: &mut Out, input: &Input, variants: &[Variant], krate: &Krate) {
    let k = krate.text.as_str();
    let kind = kind(input, variants);
    let explicit = variants.iter().any(|v| v.discriminant.is_some());
    let aligned = tag_copy::aligned(input);
    let int = input.repr.base.int().map(|(_, name)| name);
    // `as` casts only unit-only enums: `V()` and `V {}` make an enum fieldless but not castable,
    // so its discriminants are read from the fieldless copy.
    let casts_itself =
        matches!(kind, Kind::Fieldless) && variants.iter().all(|v| v.style == Style::Unit);
    // Every emitted type costs build time, so the fieldless copy is emitted only where it is
    // needed: as the tag of a `repr(C)` enum with fields, as the tag of a fieldless enum
    // under `align(N)`, and for explicit discriminants that the enum cannot cast itself.
    let needs_tag_copy = match kind {
        Kind::Empty | Kind::Untagged => false,
        Kind::Fieldless => aligned || (explicit && !casts_itself),
        Kind::Tagged => explicit || int.is_none(),
    };
    // The tag's type: a fieldless enum is its own tag, except under `align(N)`; where Rust
    // leaves the tag unspecified, the enum stands in (and is not read).
    let tag_ty = match kind {
        Kind::Fieldless if aligned => TAG,
        Kind::Tagged => int.unwrap_or(TAG),
        Kind::Fieldless | Kind::Empty | Kind::Untagged => "Self",
    };
    let params = type_params(input);

    // One `allow` for the block rather than one per item: lint levels reach the items nested
    // in it. `deprecated`: naming a user's `#[deprecated]` type, variant or field is not a use
    // by the user. `repr_c_enums_larger_than_int`: the user's own enum already carries that
    // warning; its fieldless copy would repeat it.
    out.text(
        "#[allow(deprecated, dead_code, non_camel_case_types, repr_c_enums_larger_than_int, \
         clippy::all, clippy::pedantic)] const _: () = ",
    );
    out.braces(|out| {
        if needs_tag_copy {
            tag_copy::tag_enum(out, input, variants);
        }
        // `align(N)` hides the alignment of a `repr(C)` enum's payload union from `align_of`
        // the enum: the fields' alignments are stated instead.
        let facts = |out: &mut Out| {
            let c = matches!(input.repr.base, Base::C | Base::CInt(..));
            if matches!(kind, Kind::Tagged) && aligned && c {
                facts(out, k, variants);
            }
        };
        let builder = format!("::__enumeration::<Self, {tag_ty}>");
        impl_layout(out, input, krate, &builder, facts, |out| {
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
        });

        // Only where there are fields to locate: a function per enum is among the costliest
        // things an expansion can hold, and C-like enums are common.
        if matches!(kind, Kind::Tagged | Kind::Untagged) {
            impl_header(out, input, krate, "LayoutOfVal");
            out.braces(|out| layout_of_val(out, variants));
        }
    });
    out.text(";");
}

/// `const __FACTS: __Facts = __Facts::fields_align(&[align_of::<F>(), ..]);` over every
/// field of every variant.
fn facts(out: &mut Out, k: &str, variants: &[Variant]) {
    out.text("const __FACTS: ").text(k).text("::__Facts = ");
    out.text(k).text("::__Facts::fields_align");
    out.parens(|out| {
        out.text("&");
        out.brackets(|out| {
            for f in variants.iter().flat_map(|v| &v.fields) {
                out.text("::core::mem::align_of::<")
                    .tokens(f.ty)
                    .text(">(),");
            }
        });
    });
    out.text(";");
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
            Kind::Tagged => {
                out.text(k)
                    .text("::__place_variant::<Self, ")
                    .text(tag_ty)
                    .text(", _>");
                out.parens(|out| {
                    input.repr.write(out, k);
                    out.text(",");
                    unplaced_list(out, k, &fields, params);
                });
            }
            // Nothing to place them by: the fields say so with `offset: None`.
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
