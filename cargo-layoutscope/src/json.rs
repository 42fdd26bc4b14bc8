//! The `--json` output: one document per run, schema `layoutscope-layouts/1`, described in
//! `docs/json-schema.md` and `docs/layouts.schema.json`.
//!
//! Each type object is layout-core's `Serialize` for [`TypeLayout`] (its `serde` feature),
//! the same object the derive's layouts serialize to; this module adds the document around
//! them and says which facts the debug info does not record.

use layout_core::{SourceFacts, TypeLayout, JSON_SCHEMA};
use serde_json::{json, Value};

use crate::layout::{Extra, AMBIGUOUS_DISCRIMINANT, UNRECORDED_DISCRIMINANT};

/// The document for `layouts` of `package`.
pub fn document(package: &str, target: &str, rustc: &str, layouts: Vec<Value>) -> Value {
    json!({
        "schema": JSON_SCHEMA,
        "package": package,
        "target": target,
        "rustc": rustc,
        "source": "dwarf",
        "types": layouts,
    })
}

/// One type.
pub fn layout(l: &TypeLayout, extra: Extra) -> Value {
    let facts = SourceFacts {
        // The debug info does not record `#[repr]`.
        repr: false,
        discriminants: !extra
            .caveats
            .iter()
            .any(|c| *c == UNRECORDED_DISCRIMINANT || *c == AMBIGUOUS_DISCRIMINANT),
        option_fits: extra.option_fits.is_some(),
        caveats: &extra.caveats,
    };
    serde_json::to_value(l.serialize_with(facts)).expect("a layout serializes to JSON")
}
