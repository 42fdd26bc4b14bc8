//! `--top N --by size|padding|enum-waste`: the package's types ranked, with advice.
//!
//! - *padding*: the bytes no field covers (structs, tuples, unions); for an enum, the bytes
//!   that neither the tag nor the fields of its fullest variant cover.
//! - *enum waste*: the bytes of an enum that the values of its smaller variants never use:
//!   the enum's size minus the extent (tag and fields) of the largest variant but one. The
//!   advice says what boxing the largest variant would bring (see [`crate::boxing`]).

use std::io::Write;

use anyhow::Result;
use layout_core::{Tag, TypeLayout};
use serde_json::{json, Value};

use crate::boxing::{boxed_size, Boxed};
use crate::cli::By;
use crate::layout::Catalog;

/// One ranked type.
#[derive(Debug)]
pub struct Row {
    /// The full name.
    pub name: String,
    /// `size_of`.
    pub size: usize,
    /// Padding bytes, when known.
    pub padding: Option<usize>,
    /// Enum waste, when the type is an enum whose variants are located.
    pub waste: Option<usize>,
    /// The largest variant and the size with it boxed.
    pub boxing: Option<(String, Boxed)>,
}

/// The `n` first rows by `by`.
pub fn rank(
    catalog: &mut Catalog,
    layouts: &[(String, &'static TypeLayout)],
    by: By,
    n: usize,
) -> Vec<Row> {
    let pointer = usize::try_from(catalog.types.address_size).unwrap_or(8);
    let mut rows: Vec<Row> = layouts
        .iter()
        .map(|(name, l)| {
            let (waste, boxing) = enum_waste(l, pointer);
            Row {
                name: name.clone(),
                size: l.size,
                padding: padding(l),
                waste,
                boxing,
            }
        })
        .filter(|r| match by {
            By::Size => true,
            By::Padding => r.padding.is_some_and(|p| p > 0),
            By::EnumWaste => r.waste.is_some_and(|w| w > 0),
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &Row| match by {
            By::Size => r.size,
            By::Padding => r.padding.unwrap_or(0),
            By::EnumWaste => r.waste.unwrap_or(0),
        };
        key(b).cmp(&key(a)).then_with(|| a.name.cmp(&b.name))
    });
    rows.truncate(n);
    rows
}

fn padding(l: &TypeLayout) -> Option<usize> {
    if l.is_enum() {
        (0..l.variants().len())
            .map(|i| {
                l.variant_padding(i)
                    .map(|holes| holes.map(|h| h.len()).sum::<usize>())
            })
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .min()
    } else if !l.fields().is_empty() {
        Some(l.padding_bytes())
    } else {
        None
    }
}

/// How far the tag and the fields of variant `i` reach.
fn extent(l: &TypeLayout, i: usize) -> Option<usize> {
    let v = &l.variants()[i];
    let mut end = l.tag_range_of(i).map_or(0, |r| r.end);
    for f in v.fields {
        if f.size() > 0 {
            end = end.max(f.range()?.end);
        }
    }
    Some(end)
}

fn enum_waste(l: &TypeLayout, pointer: usize) -> (Option<usize>, Option<(String, Boxed)>) {
    let variants = l.variants();
    if variants.len() < 2 || l.tag() == Tag::Unknown {
        return (None, None);
    }
    let Some(extents) = (0..variants.len())
        .map(|i| extent(l, i))
        .collect::<Option<Vec<_>>>()
    else {
        return (None, None);
    };
    let largest = (0..extents.len())
        .max_by_key(|&i| extents[i])
        .expect("two variants");
    let second = (0..extents.len())
        .filter(|&i| i != largest)
        .map(|i| extents[i])
        .max()
        .unwrap_or(0);
    let waste = l.size - second.min(l.size);
    // A future's states are not variants one can box.
    let state_machine = l.type_name.get().contains("_env#");
    let boxing = (!state_machine)
        .then(|| boxed_size(l, largest, pointer))
        .flatten()
        .filter(|b| b.at_most() < l.size)
        .map(|b| (variants[largest].name.to_owned(), b));
    (Some(waste), boxing)
}

/// The table of rows.
pub fn print(out: &mut dyn Write, rows: &[Row], by: By) -> Result<()> {
    let heading = match by {
        By::Size => "size",
        By::Padding => "padding",
        By::EnumWaste => "waste",
    };
    writeln!(out, "{heading:>8} {:>8}  type", "size")?;
    for r in rows {
        let key = match by {
            By::Size => r.size,
            By::Padding => r.padding.unwrap_or(0),
            By::EnumWaste => r.waste.unwrap_or(0),
        };
        write!(out, "{key:>8} {:>8}  {}", r.size, r.name)?;
        if by == By::EnumWaste {
            if let Some((variant, boxed)) = &r.boxing {
                write!(out, "  · {}", advice(r.size, variant, *boxed))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `boxing `Array` saves 8 B → 16`.
pub fn advice(size: usize, variant: &str, boxed: Boxed) -> String {
    match boxed {
        Boxed::Exact(n) => format!("boxing `{variant}` saves {} B → {n}", size - n),
        Boxed::Between(lo, hi) => format!(
            "boxing `{variant}` saves {} to {} B → {lo}..={hi}",
            size - hi,
            size - lo
        ),
    }
}

/// The rows as JSON.
pub fn json(rows: &[Row]) -> Value {
    Value::Array(
        rows.iter()
            .map(|r| {
                json!({
                    "type_name": r.name,
                    "size": r.size,
                    "padding_bytes": r.padding,
                    "enum_waste": r.waste,
                    "boxing": r.boxing.as_ref().map(|(v, b)| json!({
                        "variant": v,
                        "size_at_least": match b { Boxed::Exact(n) | Boxed::Between(n, _) => *n },
                        "size_at_most": b.at_most(),
                    })),
                })
            })
            .collect(),
    )
}
