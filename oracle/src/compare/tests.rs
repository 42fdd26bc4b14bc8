//! The comparisons on hand-made oracle outputs: agreement counts facts, every disagreement
//! is reported under the fact it concerns, and outputs that do not add up fail the run.

use layout_core::{IntRepr, Repr};

use super::*;
use crate::parse_layout_debug::{FieldsShape, RustcNiche};
use crate::parse_probe::OurField;
use crate::parse_pts::{Entry, PtsField, PtsType};
use crate::spec::{Style, VariantSpec};
use crate::{parse_layout_debug, parse_probe, parse_pts};

fn setup(niche: OurNiche, rustc_niche: Option<RustcNiche>) -> Report {
    let inst = Instance {
        ty: "S".into(),
        rustc_name: "S".into(),
        shape: Shape::Struct(vec![FieldRef::new("a"), FieldRef::new("b")]),
        origin: Origin::Generated,
    };
    let probe = ProbeRecord {
        size: 2,
        align: 1,
        fields: vec![
            OurField {
                name: "a".into(),
                offset: 0,
                size: 1,
            },
            OurField {
                name: "b".into(),
                offset: 1,
                size: 1,
            },
        ],
        padding: vec![],
        option_fits: true,
        niche,
        rt_size: 2,
        rt_align: 1,
        rt_option_size: 2,
        rt_offsets: vec![("a".into(), 0), ("b".into(), 1)],
        enumeration: None,
    };
    let field = |name: &str| {
        Entry::Field(PtsField {
            name: name.into(),
            size: 1,
            offset: None,
            align: None,
        })
    };
    let mut pts = PtsIndex::new();
    pts.insert(
        "S".into(),
        vec![PtsType {
            size: 2,
            align: 1,
            discriminant: None,
            variants: vec![],
            entries: vec![field("a"), field("b")],
            end_padding: None,
        }],
    );
    let debug = RustcLayout {
        name: "S".into(),
        line: 1,
        size: 2,
        align: 1,
        fields: FieldsShape::Arbitrary(vec![0, 1]),
        niche: rustc_niche,
        uninhabited: false,
        variants: RustcVariants::Single { index: 0 },
    };
    let seen = Observations {
        probe: &[probe],
        pts: &pts,
        layout_debug: &[debug],
    };
    compare(&[inst], &seen).unwrap()
}

fn bool_niche(offset: u64) -> RustcNiche {
    RustcNiche {
        offset,
        size: 1,
        value: "Int( I8, false, )".into(),
        start: 0,
        end: 1,
    }
}

#[test]
fn module_paths_are_ignored_in_names() {
    assert_eq!(
        without_module_paths("G2<(u8, std::num::NonZero<u8>), &dyn std::ops::Fn(), 1>"),
        "G2<(u8, NonZero<u8>), &dyn Fn(), 1>"
    );
    assert_eq!(without_module_paths("Case<u8>"), "Case<u8>");
    assert!(elided_match(
        "G<A<u8>, (..., u32, ...), 2>",
        "G<A<u8>, (bool, u32, (u8, u8)), 2>"
    ));
    assert!(!elided_match(
        "G<A<u8>, (..., u32, ...), 2>",
        "G<A<u8>, (bool, u16, u8), 2>"
    ));
    assert!(!elided_match("G<u8>", "G<u16>"));
}

#[test]
fn agreement_counts_facts() {
    let known = OurNiche::Known {
        offset: 1,
        size: 1,
        start: 0,
        end: 1,
        field: Some(1),
    };
    let r = setup(known, Some(bool_niche(1)));
    assert!(r.mismatches.is_empty(), "{r}");
    assert_eq!(r.types, 1);
    assert!(r.facts >= 15, "{}", r.facts);
}

#[test]
fn disagreement_is_reported() {
    let known = OurNiche::Known {
        offset: 0,
        size: 1,
        start: 0,
        end: 1,
        field: Some(0),
    };
    let r = setup(known, Some(bool_niche(1)));
    assert_eq!(r.mismatches.len(), 2, "{r}");
    assert!(r.to_string().contains("largest niche vs layout_of"));

    let r = setup(OurNiche::Exact(253, "Tie".into()), Some(bool_niche(1)));
    assert_eq!(r.mismatches.len(), 1, "{r}");
    let r = setup(OurNiche::AtLeast(254, "Opaque".into()), Some(bool_niche(1)));
    assert!(r.mismatches.is_empty(), "{r}");
    let r = setup(OurNiche::AtLeast(255, "Opaque".into()), Some(bool_niche(1)));
    assert_eq!(r.mismatches.len(), 1, "{r}");
}

/// rustc 1.95's output for `#[repr(C, u8)] enum CU8 { A(u8), B(u64) }`.
const PTS: &str = "\
print-type-size type: `CU8`: 16 bytes, alignment: 8 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant `B`: 15 bytes
print-type-size         padding: 7 bytes
print-type-size         field `.0`: 8 bytes, alignment: 8 bytes
print-type-size     variant `A`: 8 bytes
print-type-size         padding: 7 bytes
print-type-size         field `.0`: 1 bytes, alignment: 1 bytes
";
const LAYOUT: &str = "\
error: layout_of(CU8) = Layout {
       size: Size(16 bytes),
       align: AbiAlign {
           abi: Align(8 bytes),
       },
       backend_repr: Memory {
           sized: true,
       },
       fields: Arbitrary {
           offsets: [
               Size(0 bytes),
           ],
           in_memory_order: [
               0,
           ],
       },
       largest_niche: Some(
           Niche {
               offset: Size(0 bytes),
               value: Int(
                   I8,
                   false,
               ),
               valid_range: 0..=1,
           },
       ),
       uninhabited: false,
       variants: Multiple {
           tag: Initialized {
               value: Int(
                   I8,
                   false,
               ),
               valid_range: 0..=1,
           },
           tag_encoding: Direct,
           tag_field: 0,
           variants: [
               Layout {
                   size: Size(16 bytes),
                   align: AbiAlign {
                       abi: Align(8 bytes),
                   },
                   backend_repr: Memory {
                       sized: true,
                   },
                   fields: Arbitrary {
                       offsets: [
                           Size(8 bytes),
                       ],
                       in_memory_order: [
                           0,
                       ],
                   },
                   largest_niche: None,
                   uninhabited: false,
                   variants: Single {
                       index: 0,
                   },
                   max_repr_align: None,
                   unadjusted_abi_align: Align(8 bytes),
                   randomization_seed: 11815596689088070978,
               },
               Layout {
                   size: Size(16 bytes),
                   align: AbiAlign {
                       abi: Align(8 bytes),
                   },
                   backend_repr: Memory {
                       sized: true,
                   },
                   fields: Arbitrary {
                       offsets: [
                           Size(8 bytes),
                       ],
                       in_memory_order: [
                           0,
                       ],
                   },
                   largest_niche: None,
                   uninhabited: false,
                   variants: Single {
                       index: 1,
                   },
                   max_repr_align: None,
                   unadjusted_abi_align: Align(8 bytes),
                   randomization_seed: 11743820570026853704,
               },
           ],
       },
       max_repr_align: None,
       unadjusted_abi_align: Align(8 bytes),
       randomization_seed: 16856493746842292171,
   }
 --> src/layout_debug.rs:9:24
error: aborting due to 1 previous error
";
/// What layoutscope reports for it, as the probe prints it.
const PROBE: &str = "\
type 0 16 8 16 8 16
niche 0 1 known 0 1 0 1 -
enum 0 2
tag 0 direct 0 1
variant 0 0 A 0 0 exact 1
vfield 0 0 0 8 1
vpadding 0 0
vpad 0 0 1 8
vpad 0 0 9 16
variant 0 1 B 0 1 exact 1
vfield 0 1 0 8 8
vpadding 0 1
vpad 0 1 1 8
value 0 0 A 0
live 0 0 0 8
tagbytes 0 0 0
value 0 1 B 1
live 0 1 0 8
tagbytes 0 1 1
end 0
";

fn compare_probe(probe: &str) -> Report {
    try_compare(probe).unwrap()
}

fn try_compare(probe: &str) -> Result<Report> {
    let variant = |name: &str, d: u128| VariantSpec {
        ident: name.into(),
        name: name.into(),
        style: Style::Tuple,
        fields: vec![FieldRef::new("0")],
        discriminant: Some(d),
        inhabited: true,
    };
    let inst = Instance {
        ty: "CU8".into(),
        rustc_name: "CU8".into(),
        shape: Shape::Enum(EnumShape {
            repr: Repr::c_int(IntRepr::U8),
            variants: vec![variant("A", 0), variant("B", 1)],
        }),
        origin: Origin::Generated,
    };
    let probe = parse_probe::parse(probe, 1)?;
    let pts = parse_pts::parse(PTS).unwrap();
    let layouts = parse_layout_debug::parse(LAYOUT, 8).unwrap();
    let seen = Observations {
        probe: &probe,
        pts: &pts,
        layout_debug: &layouts,
    };
    compare(&[inst], &seen)
}

fn facts_that_differ(probe: &str) -> Vec<String> {
    let report = compare_probe(probe);
    report.mismatches.iter().map(|m| m.fact.clone()).collect()
}

#[test]
fn an_enum_agreement_counts_facts() {
    let r = compare_probe(PROBE);
    assert!(r.mismatches.is_empty(), "{r}");
    assert_eq!((r.types, r.values), (1, 2));
    assert!(r.facts >= 45, "{}", r.facts);
    let explicit = r.kind(TypeKind::Enum(EnumKind::ExplicitData));
    assert_eq!((explicit.generated, explicit.facts), (1, r.facts));
    assert_eq!(explicit.niches.located, 1);
}

#[test]
fn every_disagreement_is_reported() {
    // A live offset: against layout_of, -Zprint-type-sizes and the const offset.
    let live = facts_that_differ(&PROBE.replace("live 0 1 0 8", "live 0 1 0 4"));
    assert_eq!(
        live,
        [
            "B.0: const offset vs live offset",
            "B.0: live offset vs layout_of",
            "B.0: live offset vs -Zprint-type-sizes",
        ]
    );
    // A const offset and the padding derived from it.
    let konst = facts_that_differ(&PROBE.replace("vfield 0 1 0 8 8", "vfield 0 1 0 9 8"));
    assert!(
        konst.contains(&"B.0: const offset vs layout_of".to_owned()),
        "{konst:?}"
    );
    assert!(konst.contains(&"B.0: const offset vs -Zprint-type-sizes".to_owned()));
    // A discriminant: against the source, rustc's discriminant_value and the tag bytes.
    let disc = facts_that_differ(&PROBE.replace("variant 0 1 B 0 1 ", "variant 0 1 B 0 2 "));
    assert_eq!(
        disc,
        [
            "B: discriminant vs source",
            "B: discriminant vs discriminant_value",
            "B: discriminant vs the live tag bytes",
        ]
    );
    // The tag: against layout_of and the printed discriminant size.
    let tag = facts_that_differ(&PROBE.replace("tag 0 direct 0 1", "tag 0 direct 0 4"));
    assert!(tag.contains(&"tag vs layout_of".to_owned()), "{tag:?}");
    assert!(tag.contains(&"tag size vs -Zprint-type-sizes discriminant".to_owned()));
    // The niche and the tag's valid range.
    let niche = facts_that_differ(&PROBE.replace("known 0 1 0 1 -", "known 0 1 0 2 -"));
    assert_eq!(
        niche,
        ["tag valid range vs layout_of", "largest niche vs layout_of"]
    );
    // Variant padding, the active variant, signedness, field names.
    let pad = facts_that_differ(&PROBE.replace("vpad 0 0 9 16", "vpad 0 0 9 15"));
    assert_eq!(pad, ["A: padding vs layout_of and -Zprint-type-sizes"]);
    let active = facts_that_differ(&PROBE.replace("value 0 1 B 1", "value 0 1 A 1"));
    assert_eq!(active, ["B: variant_of_val of a `B` value"]);
    let signed = facts_that_differ(&PROBE.replace("variant 0 0 A 0 0", "variant 0 0 A 1 0"));
    assert_eq!(signed, ["A: discriminant signedness vs repr"]);
    // A size: every source.
    let size = facts_that_differ(&PROBE.replace("type 0 16 8", "type 0 24 8"));
    assert_eq!(
        size,
        [
            "size vs size_of",
            "size vs layout_of",
            "size vs -Zprint-type-sizes",
        ]
    );
}

#[test]
fn missing_values_fail_the_run() {
    let probe = PROBE.replace("value 0 1 B 1\nlive 0 1 0 8\ntagbytes 0 1 1\n", "");
    let err = try_compare(&probe).unwrap_err();
    assert!(err.0.contains("no value of `CU8::B`"), "{err}");
    // A variant the probe announced but did not print.
    let announced = PROBE.replace("enum 0 2", "enum 0 3");
    assert!(try_compare(&announced).is_err());
}
