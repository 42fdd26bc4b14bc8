//! The `--json` output: one document per run, schema `layoutscope-layouts/1`, described in
//! `docs/json-schema.md` and `docs/layouts.schema.json`.
//!
//! Integers that can exceed 2^53 (discriminants, tag values, valid ranges) are decimal
//! strings, so that every JSON reader keeps them exact.

use layout_core::{
    Body, Field, LargestNiche, NicheCount, PointerMeta, StructKind, Tag, TypeLayout,
};
use serde_json::{json, Value};

use crate::layout::Extra;

/// The schema's name and version.
pub const SCHEMA: &str = "layoutscope-layouts/1";

/// The document for `layouts` of `package`.
pub fn document(package: &str, target: &str, rustc: &str, layouts: Vec<Value>) -> Value {
    json!({
        "schema": SCHEMA,
        "package": package,
        "target": target,
        "rustc": rustc,
        "source": "dwarf",
        "types": layouts,
    })
}

/// One type.
pub fn layout(l: &TypeLayout, extra: Extra) -> Value {
    let mut v = json!({
        "name": l.name,
        "type_name": l.type_name.get(),
        "size": l.size,
        "align": l.align,
        // The debug info does not record `#[repr]`.
        "repr": Value::Null,
        "kind": kind(l),
        "niche": niche(l, &extra),
        "caveats": extra.caveats.clone(),
    });
    let obj = v.as_object_mut().expect("a json! object");
    match l.body {
        Body::Struct { kind, fields } => {
            obj.insert("struct_kind".into(), json!(struct_kind(kind)));
            obj.insert("fields".into(), fields_json(fields));
            obj.insert("padding_bytes".into(), json!(l.padding_bytes()));
        }
        Body::Union { fields } => {
            obj.insert("fields".into(), fields_json(fields));
            obj.insert("padding_bytes".into(), json!(l.padding_bytes()));
        }
        Body::Array { element, len } => {
            obj.insert("element".into(), json!(element.type_name.get()));
            obj.insert("len".into(), json!(len));
        }
        Body::Enum {
            variants,
            discriminant,
            ..
        } => {
            let recorded = !extra.caveats.iter().any(|c| {
                *c == crate::layout::UNRECORDED_DISCRIMINANT
                    || *c == crate::layout::AMBIGUOUS_DISCRIMINANT
            });
            obj.insert("tag".into(), tag(l.tag()));
            obj.insert("discriminant_type".into(), json!(discriminant.name()));
            let vs: Vec<Value> = variants
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    json!({
                        "name": v.name,
                        "discriminant": recorded.then(|| l.discriminant(v).to_string()),
                        "tag_value": l.tag_value(i).map(|t| t.to_string()),
                        "kind": struct_kind(v.kind),
                        "fields": fields_json(v.fields),
                        "padding_bytes": l.variant_padding(i).map(|p| p.map(|r| r.len()).sum::<usize>()),
                    })
                })
                .collect();
            obj.insert("variants".into(), Value::Array(vs));
        }
        Body::Pointer(meta) => {
            obj.insert(
                "pointer".into(),
                json!(match meta {
                    PointerMeta::Thin => "thin",
                    PointerMeta::Wide => "wide",
                }),
            );
        }
        _ => {}
    }
    v
}

fn kind(l: &TypeLayout) -> &'static str {
    match l.body {
        Body::Struct { .. } => "struct",
        Body::Union { .. } => "union",
        Body::Array { .. } => "array",
        Body::Enum { .. } => "enum",
        Body::Scalar => "scalar",
        Body::Pointer(_) => "pointer",
        _ => "opaque",
    }
}

fn struct_kind(kind: StructKind) -> &'static str {
    match kind {
        StructKind::Named => "named",
        StructKind::TupleStruct => "tuple_struct",
        StructKind::Unit => "unit",
        StructKind::Tuple => "tuple",
    }
}

fn fields_json(fields: &[Field]) -> Value {
    Value::Array(
        fields
            .iter()
            .map(|f| {
                json!({
                    "name": f.name,
                    "type_name": f.type_name(),
                    "offset": f.offset,
                    "size": f.size(),
                    "align": f.align(),
                })
            })
            .collect(),
    )
}

fn tag(tag: Tag) -> Value {
    match tag {
        Tag::Direct { offset, size } => {
            json!({"encoding": "direct", "offset": offset, "size": size})
        }
        Tag::Niche {
            offset,
            size,
            untagged,
            first,
            last,
            first_value,
        } => json!({
            "encoding": "niche",
            "offset": offset,
            "size": size,
            "untagged": untagged,
            "first": first,
            "last": last,
            "first_value": first_value.to_string(),
        }),
        Tag::None => json!({"encoding": "none"}),
        _ => json!({"encoding": "unknown"}),
    }
}

fn niche(l: &TypeLayout, extra: &Extra) -> Value {
    let largest = match l.niche.largest {
        LargestNiche::None => json!({"state": "none"}),
        LargestNiche::Known(n) => json!({
            "state": "known",
            "offset": n.offset,
            "size": n.size,
            "valid_start": n.valid_start.to_string(),
            "valid_end": n.valid_end.to_string(),
            "available": n.available().to_string(),
        }),
        LargestNiche::Unknown { count, .. } => match count {
            NicheCount::Exact(c) => json!({"state": "unknown", "available": c.to_string()}),
            NicheCount::AtLeast(c) => {
                json!({"state": "unknown", "available_at_least": c.to_string()})
            }
        },
    };
    json!({ "option_fits": extra.option_fits, "largest": largest })
}
