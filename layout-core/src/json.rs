//! `Serialize` for the model (feature `serde`): a [`TypeLayout`] becomes one type object of the
//! JSON schema `layoutscope-layouts/1`, the schema `cargo layoutscope --json` writes, so that
//! tools read the derive's layouts and the compiler's debug info the same way.
//!
//! The impls are written by hand rather than derived: the schema's shape is not the model's
//! (an enum's variants carry values computed from the whole layout, such as their tag value
//! and padding, and large integers are decimal strings), and the crate keeps building without
//! a proc macro. Everything goes through `core::fmt`, so the feature needs neither `std` nor
//! an allocator.
//!
//! The schema is documented in the repository's `docs/json-schema.md` and
//! `docs/layouts.schema.json`.

use core::fmt::Display;

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use crate::enums::{Discriminant, Tag};
use crate::model::{Body, Field, PointerMeta, StructKind, TypeLayout};
use crate::niche::{LargestNiche, NicheCount, NicheSummary};
use crate::repr::{IntRepr, Repr};

/// The name and version of the JSON schema that [`TypeLayout`]'s `Serialize` follows (the
/// value of a `cargo layoutscope --json` document's `schema` key).
pub const JSON_SCHEMA: &str = "layoutscope-layouts/1";

/// Which facts of a [`TypeLayout`] its source records, for sources that know less than the
/// derive does: serialized with [`TypeLayout::serialize_with`], an unrecorded fact is `null`.
///
/// A layout built by `#[derive(Layout)]` or by this crate's impls records everything
/// ([`SourceFacts::ALL`]); that is what `Serialize for TypeLayout` writes. A layout built
/// from the compiler's debug info (`cargo layoutscope`) does not know the `#[repr]`, sometimes
/// not the discriminants or whether `Option<T>` fits, and carries caveats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceFacts<'a> {
    /// Whether [`TypeLayout::repr`] is the type's `#[repr]` (else `repr` is `null`).
    pub repr: bool,
    /// Whether [`crate::Variant::discriminant`] is each variant's discriminant (else each
    /// variant's `discriminant` is `null`).
    pub discriminants: bool,
    /// Whether [`NicheSummary::option_fits`] was measured (else `niche.option_fits` is
    /// `null`).
    pub option_fits: bool,
    /// Facts of the layout the source does not confirm, as sentences (the `caveats` key).
    pub caveats: &'a [&'a str],
}

impl SourceFacts<'static> {
    /// Every fact recorded, no caveat: the derive's and this crate's layouts.
    pub const ALL: SourceFacts<'static> = SourceFacts {
        repr: true,
        discriminants: true,
        option_fits: true,
        caveats: &[],
    };
}

/// A [`TypeLayout`] with what its source records, ready to serialize; see
/// [`TypeLayout::serialize_with`].
#[derive(Clone, Copy, Debug)]
pub struct Sourced<'a> {
    layout: &'a TypeLayout,
    facts: SourceFacts<'a>,
}

impl TypeLayout {
    /// This layout as a value whose `Serialize` writes `null` for the facts `facts` says the
    /// source does not record, and `facts.caveats` as the `caveats` key.
    ///
    /// ```
    /// # extern crate layout_core as layoutscope;
    /// use layoutscope::{Layout, SourceFacts};
    ///
    /// let guessed = SourceFacts { repr: false, ..SourceFacts::ALL };
    /// let json = serde_json::to_value(<(u8, u32)>::LAYOUT.serialize_with(guessed)).unwrap();
    /// assert!(json["repr"].is_null());
    /// assert_eq!(serde_json::to_value(<(u8, u32)>::LAYOUT).unwrap()["repr"], "repr(Rust)");
    /// ```
    #[must_use]
    pub const fn serialize_with<'a>(&'a self, facts: SourceFacts<'a>) -> Sourced<'a> {
        Sourced {
            layout: self,
            facts,
        }
    }
}

/// The type object of schema [`JSON_SCHEMA`]: `name`, `type_name`, `size`, `align`, `repr`
/// (`"repr(C, u8)"`, `"repr(Rust)"`), `kind`, the keys of the kind (`fields`, `variants`,
/// `tag`, …), `niche` and `caveats` (empty: the derive's facts are the compiler's).
impl Serialize for TypeLayout {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_with(SourceFacts::ALL).serialize(serializer)
    }
}

impl Serialize for Sourced<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let l = self.layout;
        let facts = self.facts;
        let body_keys = match l.body {
            Body::Struct { .. } => 3,
            Body::Union { .. } | Body::Array { .. } => 2,
            Body::Enum { .. } => 3,
            Body::Pointer(_) => 1,
            _ => 0,
        };
        let mut s = serializer.serialize_struct("TypeLayout", 8 + body_keys)?;
        s.serialize_field("name", l.name)?;
        s.serialize_field("type_name", l.type_name.get())?;
        s.serialize_field("size", &l.size)?;
        s.serialize_field("align", &l.align)?;
        s.serialize_field("repr", &facts.repr.then_some(l.repr))?;
        s.serialize_field("kind", kind(&l.body))?;
        match l.body {
            Body::Struct { kind, fields } => {
                s.serialize_field("struct_kind", &kind)?;
                s.serialize_field("fields", fields)?;
                s.serialize_field("padding_bytes", &l.padding_bytes())?;
            }
            Body::Union { fields } => {
                s.serialize_field("fields", fields)?;
                s.serialize_field("padding_bytes", &l.padding_bytes())?;
            }
            Body::Array { element, len } => {
                s.serialize_field("element", element.type_name.get())?;
                s.serialize_field("len", &len)?;
            }
            Body::Enum {
                tag, discriminant, ..
            } => {
                s.serialize_field("tag", &tag)?;
                s.serialize_field("discriminant_type", &discriminant)?;
                s.serialize_field(
                    "variants",
                    &Variants {
                        layout: l,
                        discriminants: facts.discriminants,
                    },
                )?;
            }
            Body::Pointer(meta) => s.serialize_field("pointer", &meta)?,
            Body::Scalar | Body::Opaque => {}
        }
        s.serialize_field(
            "niche",
            &Niches {
                summary: &l.niche,
                option_fits: facts.option_fits,
            },
        )?;
        s.serialize_field("caveats", facts.caveats)?;
        s.end()
    }
}

/// The schema's `kind` of a body.
const fn kind(body: &Body) -> &'static str {
    match body {
        Body::Struct { .. } => "struct",
        Body::Union { .. } => "union",
        Body::Array { .. } => "array",
        Body::Enum { .. } => "enum",
        Body::Scalar => "scalar",
        Body::Pointer(_) => "pointer",
        Body::Opaque => "opaque",
    }
}

/// `{name, type_name, offset, size, align}`; `offset` is `null` where it is unknown.
impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Field", 5)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("type_name", self.type_name())?;
        s.serialize_field("offset", &self.offset)?;
        s.serialize_field("size", &self.size())?;
        s.serialize_field("align", &self.align())?;
        s.end()
    }
}

/// `"named"`, `"tuple_struct"`, `"unit"` or `"tuple"`.
impl Serialize for StructKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(match self {
            StructKind::Named => "named",
            StructKind::TupleStruct => "tuple_struct",
            StructKind::Unit => "unit",
            StructKind::Tuple => "tuple",
        })
    }
}

/// `"thin"` or `"wide"`.
impl Serialize for PointerMeta {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(match self {
            PointerMeta::Thin => "thin",
            PointerMeta::Wide => "wide",
        })
    }
}

/// The attribute as written: `"repr(C, packed(2))"`, `"repr(Rust)"` for a type without one.
impl Serialize for Repr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The type's name: `"u8"`, `"isize"`.
impl Serialize for IntRepr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// A decimal string (negative for signed discriminant types), exact in every JSON reader.
impl Serialize for Discriminant {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `{encoding}`: `"none"`, `"direct"` with `offset` and `size`, `"niche"` with `offset`,
/// `size`, `untagged`, `first`, `last` and `first_value` (a decimal string), or `"unknown"`.
impl Serialize for Tag {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Tag::Direct { offset, size } => {
                let mut s = serializer.serialize_struct("Tag", 3)?;
                s.serialize_field("encoding", "direct")?;
                s.serialize_field("offset", &offset)?;
                s.serialize_field("size", &size)?;
                s.end()
            }
            Tag::Niche {
                offset,
                size,
                untagged,
                first,
                last,
                first_value,
            } => {
                let mut s = serializer.serialize_struct("Tag", 7)?;
                s.serialize_field("encoding", "niche")?;
                s.serialize_field("offset", &offset)?;
                s.serialize_field("size", &size)?;
                s.serialize_field("untagged", &untagged)?;
                s.serialize_field("first", &first)?;
                s.serialize_field("last", &last)?;
                s.serialize_field("first_value", &Decimal(first_value))?;
                s.end()
            }
            Tag::None => encoding_only(serializer, "none"),
            Tag::Unknown => encoding_only(serializer, "unknown"),
        }
    }
}

fn encoding_only<S: Serializer>(serializer: S, encoding: &'static str) -> Result<S::Ok, S::Error> {
    let mut s = serializer.serialize_struct("Tag", 1)?;
    s.serialize_field("encoding", encoding)?;
    s.end()
}

/// `{option_fits, largest}`, as in a type object's `niche` key.
impl Serialize for NicheSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Niches {
            summary: self,
            option_fits: true,
        }
        .serialize(serializer)
    }
}

/// A niche summary whose `option_fits` may be unmeasured.
struct Niches<'a> {
    summary: &'a NicheSummary,
    option_fits: bool,
}

impl Serialize for Niches<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("NicheSummary", 2)?;
        s.serialize_field(
            "option_fits",
            &self.option_fits.then_some(self.summary.option_fits),
        )?;
        s.serialize_field("largest", &self.summary.largest)?;
        s.end()
    }
}

/// `{state}`: `"none"`; `"known"` with `offset`, `size`, `valid_start`, `valid_end` and
/// `available`; `"unknown"` with `available` or `available_at_least` (counts and range bounds
/// are decimal strings).
impl Serialize for LargestNiche {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            LargestNiche::None => {
                let mut s = serializer.serialize_struct("LargestNiche", 1)?;
                s.serialize_field("state", "none")?;
                s.end()
            }
            LargestNiche::Known(n) => {
                let mut s = serializer.serialize_struct("LargestNiche", 6)?;
                s.serialize_field("state", "known")?;
                s.serialize_field("offset", &n.offset)?;
                s.serialize_field("size", &n.size)?;
                s.serialize_field("valid_start", &Decimal(n.valid_start))?;
                s.serialize_field("valid_end", &Decimal(n.valid_end))?;
                s.serialize_field("available", &Decimal(n.available()))?;
                s.end()
            }
            LargestNiche::Unknown { count, .. } => {
                let mut s = serializer.serialize_struct("LargestNiche", 2)?;
                s.serialize_field("state", "unknown")?;
                match count {
                    NicheCount::Exact(c) => s.serialize_field("available", &Decimal(c))?,
                    NicheCount::AtLeast(c) => {
                        s.serialize_field("available_at_least", &Decimal(c))?;
                    }
                }
                s.end()
            }
        }
    }
}

/// An enum's variants: each needs the whole layout for its tag value and padding.
struct Variants<'a> {
    layout: &'a TypeLayout,
    discriminants: bool,
}

impl Serialize for Variants<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let l = self.layout;
        let variants = l.variants();
        let mut seq = serializer.serialize_seq(Some(variants.len()))?;
        for (index, v) in variants.iter().enumerate() {
            let padding = l
                .variant_padding(index)
                .map(|holes| holes.map(|r| r.len()).sum::<usize>());
            seq.serialize_element(&VariantJson {
                name: v.name,
                discriminant: self.discriminants.then(|| l.discriminant(v)),
                tag_value: l.tag_value(index).map(Decimal),
                kind: v.kind,
                fields: v.fields,
                padding_bytes: padding,
            })?;
        }
        seq.end()
    }
}

/// `{name, discriminant, tag_value, kind, fields, padding_bytes}`.
struct VariantJson {
    name: &'static str,
    discriminant: Option<Discriminant>,
    tag_value: Option<Decimal<u128>>,
    kind: StructKind,
    fields: &'static [Field],
    padding_bytes: Option<usize>,
}

impl Serialize for VariantJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Variant", 6)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("discriminant", &self.discriminant)?;
        s.serialize_field("tag_value", &self.tag_value)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("fields", self.fields)?;
        s.serialize_field("padding_bytes", &self.padding_bytes)?;
        s.end()
    }
}

/// A number written as a decimal string, for integers that may exceed 2^53.
#[derive(Clone, Copy)]
struct Decimal<T>(T);

impl<T: Display> Serialize for Decimal<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::{Layout, Repr};
    use std::string::String;

    #[repr(C)]
    struct Pair {
        a: u8,
        b: u32,
    }

    impl Layout for Pair {
        const LAYOUT: TypeLayout = TypeLayout::of_struct::<Self>(
            "Pair",
            Repr::C,
            StructKind::Named,
            &[
                Field::new::<u8>("a", "u8", core::mem::offset_of!(Pair, a)),
                Field::new::<u32>("b", "u32", core::mem::offset_of!(Pair, b)),
            ],
        );
    }

    fn text(value: impl Serialize) -> String {
        serde_json::to_string(&value).unwrap()
    }

    #[test]
    fn a_struct_is_its_schema_object_in_the_schemas_key_order() {
        let name = core::any::type_name::<Pair>();
        assert_eq!(
            text(Pair::LAYOUT),
            std::format!(
                r#"{{"name":"Pair","type_name":"{name}","size":8,"align":4,"repr":"repr(C)","kind":"struct","struct_kind":"named","fields":[{{"name":"a","type_name":"u8","offset":0,"size":1,"align":1}},{{"name":"b","type_name":"u32","offset":4,"size":4,"align":4}}],"padding_bytes":3,"niche":{{"option_fits":false,"largest":{{"state":"none"}}}},"caveats":[]}}"#
            )
        );
    }

    #[test]
    fn an_enum_writes_its_tag_variants_and_niche_with_large_numbers_as_strings() {
        let option = <Option<&u8>>::LAYOUT;
        let json = serde_json::to_value(option).unwrap();
        assert_eq!(
            json["tag"],
            serde_json::json!({"encoding": "niche", "offset": 0, "size": core::mem::size_of::<usize>(),
                "untagged": 1, "first": 0, "last": 0, "first_value": "0"})
        );
        assert_eq!(json["variants"][0]["discriminant"], "0");
        assert_eq!(json["variants"][0]["tag_value"], "0");
        assert!(json["variants"][1]["tag_value"].is_null());
        assert_eq!(json["discriminant_type"], "isize");
        assert_eq!(json["niche"]["option_fits"], false);
        assert_eq!(
            serde_json::to_value(<&u8>::LAYOUT).unwrap()["niche"]["largest"]["valid_end"],
            std::format!("{}", usize::MAX)
        );
    }

    #[test]
    fn facts_a_source_does_not_record_are_null() {
        let facts = SourceFacts {
            repr: false,
            discriminants: false,
            option_fits: false,
            caveats: &["a sentence"],
        };
        let json = serde_json::to_value(<Option<&u8>>::LAYOUT.serialize_with(facts)).unwrap();
        assert!(json["repr"].is_null());
        assert!(json["variants"][0]["discriminant"].is_null());
        assert!(json["niche"]["option_fits"].is_null());
        assert_eq!(json["caveats"], serde_json::json!(["a sentence"]));
        assert_eq!(
            text(Pair::LAYOUT.serialize_with(SourceFacts::ALL)),
            text(Pair::LAYOUT)
        );
    }
}
