use std::collections::HashSet;

use layout_core::IntRepr;

use super::*;
use crate::model::Variant;

const MIXES: [Mix; 3] = Mix::ALL;

fn enums(b: &Batch) -> impl Iterator<Item = (&Generated, &Vec<Variant>)> {
    b.items.iter().filter_map(|g| match &g.item.body {
        Body::Enum(v) => Some((g, v)),
        _ => None,
    })
}

#[test]
fn deterministic() {
    for mix in MIXES {
        let a = generate(mix, 42, 60);
        assert_eq!(a, generate(mix, 42, 60));
        assert_ne!(a.source(""), generate(mix, 43, 60).source(""));
    }
}

#[test]
fn counts_what_the_mix_counts() {
    let structs = generate(Mix::Structs, 7, 300);
    let counted = structs
        .instances()
        .filter(|(g, _)| !matches!(g.item.body, Body::Enum(_)))
        .count();
    assert_eq!(counted, 300);
    let e = generate(Mix::Enums, 7, 300);
    assert_eq!(
        e.instances()
            .filter(|(g, _)| matches!(g.item.body, Body::Enum(_)))
            .count(),
        300
    );
    assert_eq!(generate(Mix::Bench, 7, 300).instances().count(), 300);
}

#[test]
fn names_are_unique_and_discriminants_distinct_and_in_range() {
    for mix in MIXES {
        let b = generate(mix, 7, 400);
        let mut names: Vec<&str> = b.items.iter().map(|g| g.item.name.as_str()).collect();
        names.extend(
            b.instances()
                .map(|(_, i)| i.rustc.as_str())
                .filter(|n| n.contains('<')),
        );
        let before = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(before, names.len(), "{mix:?}");
        for (g, variants) in enums(&b) {
            let mut d: Vec<u128> = variants.iter().map(|v| v.value.unwrap()).collect();
            let n = d.len();
            d.sort_unstable();
            d.dedup();
            assert_eq!(n, d.len(), "{}", g.item.name);
            let ty = g.item.repr.int_type().unwrap_or(IntRepr::Isize);
            for bits in d {
                assert!(!less(ty, bits, ty.min_bits()) && !less(ty, ty.max_bits(), bits));
            }
        }
    }
}

#[test]
fn the_struct_mix_covers_every_shape() {
    let s = generate(Mix::Structs, 7, 400).source("#[derive(layoutscope::Layout)]");
    for needle in [
        "union ",
        "struct Z",
        "#[repr(transparent)]",
        "#[repr(packed)]",
        "#[repr(packed(2))]",
        "#[repr(packed(4))]",
        "#[repr(C, packed)]",
        "#[repr(C, packed(2))]",
        "#[repr(align(32))]",
        "#[repr(C, align(",
        "r#",
        "<T, U, const N: usize>",
        "enum E",
        "#[layout(opaque)] ",
        "Option<",
        "Box<",
        "#[derive(Clone, Copy)]\nenum",
    ] {
        assert!(s.contains(needle), "no `{needle}` in 400 types");
    }
}

#[test]
fn the_enum_mix_covers_every_kind_and_repr() {
    let b = generate(Mix::Enums, 7, 300);
    let kinds: Vec<(bool, bool)> = enums(&b)
        .map(|(_, v)| (v.is_empty(), v.iter().any(|v| !v.fields.fields.is_empty())))
        .collect();
    assert!(kinds.iter().any(|k| k.0), "no empty enum");
    assert!(kinds.iter().any(|k| k.1), "no enum with data");
    assert!(kinds.iter().any(|k| !k.0 && !k.1), "no fieldless enum");
    assert!(
        enums(&b).any(|(_, v)| v.len() > 256),
        "no enum with a 2-byte tag"
    );
    let s = b.source("");
    for int in IntRepr::ALL {
        assert!(s.contains(&format!("#[repr({int})]")), "no repr({int})");
    }
    let c_int = enums(&b).any(|(g, _)| g.item.repr.is_c() && g.item.repr.int_type().is_some());
    assert!(c_int, "no repr(C, int)");
    for needle in [
        "#[repr(C)]",
        "align(",
        "::MAX",
        " = -",
        "1 << ",
        "const K",
        " = (",
        "enum GE",
        "struct S",
        "struct T",
        "Option<E",
        "r#",
        " {}",
    ] {
        assert!(s.contains(needle), "no `{needle}` in 300 enums");
    }
}

#[test]
fn bench_types_fit_its_budget_lines() {
    let b = generate(Mix::Bench, 1, 2000);
    for g in &b.items {
        assert!(g.derive && g.consts.is_empty() || matches!(g.item.body, Body::Enum(_)));
        assert!(!g.item.to_string().contains("#[layout"), "{}", g.item);
        let fields = g.item.fields().count();
        match &g.item.body {
            Body::Struct(f) if !g.item.params.is_empty() => {
                assert!((3..=8).contains(&fields));
                assert_eq!(g.instances.len(), 1);
                assert_ne!(f.style, Style::Unit);
            }
            Body::Struct(f) if f.style == Style::Tuple => assert!((1..=6).contains(&fields)),
            Body::Struct(_) => {
                assert!((3..=12).contains(&fields), "{}", g.item);
                if g.item.repr.packed().is_some() {
                    // derive(Debug) and derive(PartialEq) copy a packed struct's fields.
                    for f in g.item.fields() {
                        assert!(!f.ty.contains("String") && !f.ty.contains("Vec<"));
                    }
                }
            }
            Body::Enum(v) if fields == 0 => assert!((2..=12).contains(&v.len())),
            Body::Enum(v) => assert!((2..=6).contains(&v.len())),
            Body::Union(_) => panic!("unions cannot derive Debug"),
        }
    }
    let s = b.source("");
    for absent in ["dyn Fn", "MaybeUninit", "#[repr(transparent)]", "union "] {
        assert!(
            !s.contains(absent),
            "`{absent}` cannot derive the trio or is not in the mix"
        );
    }
}

#[test]
fn single_items_stand_alone() {
    let mut rng = Rng::new(5);
    let mut kinds = HashSet::new();
    for i in 0..300 {
        let mix = if i % 2 == 0 { Mix::Structs } else { Mix::Enums };
        let item = item(&mut rng, mix);
        let text = item.to_string();
        let keyword = text
            .split_whitespace()
            .find(|w| ["struct", "union", "enum"].contains(w));
        kinds.insert(keyword.map(str::to_owned));
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let generated = word.len() > 1
                && word.starts_with(['S', 'T', 'Z', 'U', 'G', 'E', 'K'])
                && word[1..].starts_with(|c: char| c.is_ascii_digit());
            assert!(!generated || word == item.name, "{word} in {text}");
        }
    }
    assert_eq!(kinds.len(), 3, "{kinds:?}");
}
