//! Shadow types that restate an enum's layout as RFC 2195 specifies it, for what the derive
//! cannot compute in const:
//!
//! - a fieldless enum with the same discriminants and integer repr: the tag type of `repr(C)`
//!   data enums (whose size only the compiler picks), the discriminants of data enums with
//!   explicit ones (a fieldless enum casts its own variants instead), and the tag under
//!   `align(N)`;
//! - for `repr(C, align(N))` data enums, a `repr(C)` struct of the tag followed by a `repr(C)`
//!   union of one `repr(C)` struct per variant, measured with `offset_of!`.
//!
//! Every other data enum with an explicit repr, and every `repr(C)` struct, needs none: the C
//! rule is computed in const from the field types' sizes and aligns (`__c_fields`), which
//! costs rustc far less than shadow types and one `offset_of!` per field.
//!
//! The generated impl compares the computed size and align, or the outermost shadow's, with
//! the enum's, so a layout that ever disagreed with the compiler would fail the build instead
//! of lying.

use crate::ast::{Input, Variant};
use crate::emit::Out;
use crate::expand::generic_list;
use crate::repr::{Base, Modifier};

/// How an enum with data is laid out (RFC 2195), and how the derive finds the offsets.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DataLayout {
    /// `repr(u8)` & co: a `repr(C)` union of `repr(C)` variant structs that each start with
    /// the tag. Computed in const.
    PrefixedVariants,
    /// `repr(C)` / `repr(C, u8)`: the tag, then a union of the variant structs, which starts
    /// where `__c_payload` says. Computed in const.
    UnionAfterTag,
    /// The same under `align(N)`, which hides the union's alignment from `__c_payload`:
    /// measured on the shadow types.
    AlignedUnionAfterTag,
}

/// The fieldless copy of the enum.
pub const TAG: &str = "__LayoutscopeTag";
/// The outermost shadow type, whose size and align must equal the enum's.
pub const WHOLE: &str = "__LayoutscopeWhole";
const PAYLOAD: &str = "__LayoutscopePayload";

/// The name of variant `index`'s struct.
pub fn variant_struct(out: &mut Out, index: usize) {
    out.text("__LayoutscopeV").int(index as u128);
}

/// The name of field `index` in a variant struct.
pub fn field_member(out: &mut Out, index: usize) {
    out.text("f").int(index as u128);
}

/// The enum's generic arguments, `<'a, T, N>`, for naming a shadow type.
pub fn ty_generics(out: &mut Out, input: &Input) {
    if !input.generics.params.is_empty() {
        generic_list(out, input.generics.type_arguments());
    }
}

/// The enum's generic parameters and where clause, for declaring a shadow type.
fn generics_and_where(out: &mut Out, input: &Input) {
    out.tokens(&input.generics.declared);
    if !input.generics.predicates.is_empty() {
        out.text(" where ");
        for predicate in &input.generics.predicates {
            out.tokens(predicate).text(",");
        }
    }
}

/// The fieldless enum that carries the discriminants and measures the tag.
pub fn tag_enum(out: &mut Out, input: &Input, variants: &[Variant]) {
    match input.repr.base {
        Base::Rust | Base::Transparent => {}
        Base::C => {
            out.text("#[repr(C)]");
        }
        Base::Int(..) | Base::CInt(..) => {
            if let Some((_, int)) = input.repr.base.int() {
                out.text("#[repr(").text(int).text(")]");
            }
        }
    }
    out.text("enum ").text(TAG);
    out.braces(|out| {
        for v in variants {
            out.text(&v.ident.to_string());
            if let Some(expr) = v.discriminant {
                // The user's expression, with its spans: errors in it point there.
                out.text("=").tokens(expr);
            }
            out.text(",");
        }
    });
}

/// The `repr(C, align(N))` that a shadow's outermost type copies from the enum.
fn outer_repr(out: &mut Out, modifier: Modifier) {
    match modifier {
        Modifier::Align(n) => out.text("#[repr(C, align(").int(n).text("))]"),
        Modifier::None | Modifier::Packed(_) => out.text("#[repr(C)]"),
    };
}

/// A `PhantomData` field that uses every lifetime and type parameter, so that shadow types
/// may take the enum's generics; none without such parameters (less code for rustc).
fn marker(out: &mut Out, input: &Input) {
    let mut lifetimes = input.generics.lifetimes().peekable();
    let mut types = input.generics.type_params().peekable();
    if lifetimes.peek().is_none() && types.peek().is_none() {
        return;
    }
    out.text("marker: ::core::marker::PhantomData<");
    out.parens(|out| {
        for l in lifetimes {
            out.text("&").tokens(&l.argument).text("(),");
        }
        for t in types {
            out.text("fn() -> ").tokens(&t.argument).text(",");
        }
    });
    out.text(">,");
}

/// The shadow types of a `repr(C)` / `repr(C, u8)` data enum: a `repr(C)` struct [`WHOLE`] of
/// the tag (of type `tag`) and a `repr(C)` union of one `repr(C)` struct per variant.
pub fn data_types(out: &mut Out, input: &Input, variants: &[Variant], tag: &str) {
    // Unit variants need no struct: they have no field to measure, and an empty struct in
    // the payload union is never larger or more aligned than the others.
    let with_fields = || {
        variants
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.fields.is_empty())
    };

    for (i, v) in with_fields() {
        out.text("#[repr(C)] struct ");
        variant_struct(out, i);
        generics_and_where(out, input);
        out.braces(|out| {
            for (j, f) in v.fields.iter().enumerate() {
                field_member(out, j);
                out.text(":").tokens(f.ty).text(",");
            }
            marker(out, input);
        });
    }
    out.text("#[repr(C)] union ").text(PAYLOAD);
    generics_and_where(out, input);
    out.braces(|out| {
        for (i, _) in with_fields() {
            out.text("v")
                .int(i as u128)
                .text(": ::core::mem::ManuallyDrop<");
            variant_struct(out, i);
            ty_generics(out, input);
            out.text(">,");
        }
    });
    outer_repr(out, input.repr.modifier);
    out.text("struct ").text(WHOLE);
    generics_and_where(out, input);
    out.braces(|out| {
        out.text("tag: ")
            .text(tag)
            .text(", payload: ")
            .text(PAYLOAD);
        ty_generics(out, input);
        out.text(",");
    });
}

/// Whether the enum has `align(N)`: a fieldless enum's shadow then wraps the tag to copy it,
/// and a `repr(C)` data enum's union start is measured rather than computed.
pub fn aligned(input: &Input) -> bool {
    matches!(input.repr.modifier, Modifier::Align(_))
}

/// The shadow of a fieldless enum with `align(N)`: the tag, aligned like the enum.
pub fn fieldless_whole(out: &mut Out, input: &Input) {
    if !aligned(input) {
        return;
    }
    outer_repr(out, input.repr.modifier);
    out.text("struct ")
        .text(WHOLE)
        .text("(")
        .text(TAG)
        .text(");");
}
