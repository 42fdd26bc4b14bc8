//! Parses the errors that `#[rustc_layout(debug)]` makes rustc print: one
//! `error: layout_of(T) = Layout { .. }` per alias, the `Debug` of rustc's own layout, with a
//! ` --> file:line:col` location that names the alias.
//!
//! Only the top-level keys are interpreted, and only those the comparison needs (size,
//! alignment, field offsets, largest niche); the others must be keys this parser knows, so
//! a change in rustc's output fails the run rather than being misread.

use crate::error::{bail, Error, Result};

/// rustc's layout of one type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RustcLayout {
    /// The type as printed in `layout_of(..)`.
    pub name: String,
    /// The line of the alias the error points at.
    pub line: usize,
    /// `size`.
    pub size: u64,
    /// `align.abi`.
    pub align: u64,
    /// `fields`.
    pub fields: FieldsShape,
    /// `largest_niche`.
    pub niche: Option<RustcNiche>,
}

/// rustc's `FieldsShape`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldsShape {
    /// Scalars and pointers.
    Primitive,
    /// `Union(n)`: n fields, all at offset 0.
    Union(usize),
    /// Structs: offsets in declaration order.
    Arbitrary(Vec<u64>),
}

/// rustc's `Niche`: a scalar at `offset` whose valid values are `start..=end` (wrapping).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RustcNiche {
    /// Byte offset.
    pub offset: u64,
    /// The scalar's size in bytes.
    pub size: u64,
    /// The scalar as printed (`Int(I8, false)`, `Pointer(..)`), for reports.
    pub value: String,
    /// First valid value.
    pub start: u128,
    /// Last valid value.
    pub end: u128,
}

impl RustcNiche {
    /// How many values are invalid (rustc's `Niche::available`).
    pub fn available(&self) -> u128 {
        let mask = if self.size >= 16 {
            u128::MAX
        } else {
            (1u128 << (self.size * 8)) - 1
        };
        self.start.wrapping_sub(self.end).wrapping_sub(1) & mask
    }
}

/// Top-level keys of rustc's `LayoutData` this parser knows about.
const KNOWN_KEYS: &[&str] = &[
    "size",
    "align",
    "backend_repr",
    "fields",
    "largest_niche",
    "uninhabited",
    "variants",
    "max_repr_align",
    "unadjusted_abi_align",
    "randomization_seed",
];

/// Parses the stderr of a `cargo check` of the layout-debug binary. `pointer_size` is the
/// target's pointer width in bytes (the size of a `Pointer` scalar).
pub fn parse(stderr: &str, pointer_size: u64) -> Result<Vec<RustcLayout>> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut layouts = Vec::new();
    let mut reported_errors = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(rest) = line.strip_prefix("error: layout_of(") {
            let name = rest
                .strip_suffix(") = Layout {")
                .ok_or_else(|| Error(format!("layout debug: unexpected header `{line}`")))?;
            let end = (i + 1..lines.len())
                .find(|&j| lines[j].trim_start().starts_with("--> "))
                .ok_or_else(|| Error(format!("layout debug: no location after `{line}`")))?;
            let location = lines[end].trim_start().trim_start_matches("--> ");
            let layout = parse_block(name, &lines[i + 1..end], location, pointer_size)
                .map_err(|e| Error(format!("layout debug, `{name}` at {location}: {}", e.0)))?;
            layouts.push(layout);
            i = end + 1;
            continue;
        }
        if line.starts_with("error") {
            match error_count(line) {
                Some(n) if reported_errors.is_none() => reported_errors = Some(n),
                _ => bail!(
                    "layout debug: rustc reported an unexpected error: `{line}`\n{}",
                    tail(&lines, i)
                ),
            }
        }
        i += 1;
    }
    match reported_errors {
        Some(n) if n == layouts.len() => Ok(layouts),
        Some(n) => bail!(
            "layout debug: rustc reported {n} errors but {} layouts were parsed",
            layouts.len()
        ),
        None => bail!("layout debug: no error summary line in the compiler output"),
    }
}

/// The number in cargo's or rustc's closing line: `error: could not compile `x` (bin "y")
/// due to N previous errors` or `error: aborting due to N previous errors`.
fn error_count(line: &str) -> Option<usize> {
    let (_, rest) = line.split_once("due to ")?;
    let n = rest.split(' ').next()?;
    if line.starts_with("error: could not compile `") || line.starts_with("error: aborting due to")
    {
        n.parse().ok()
    } else {
        None
    }
}

fn tail(lines: &[&str], i: usize) -> String {
    lines[i..lines.len().min(i + 20)].join("\n")
}

fn parse_block(
    name: &str,
    body: &[&str],
    location: &str,
    pointer_size: u64,
) -> Result<RustcLayout> {
    let line = location
        .rsplit(':')
        .nth(1)
        .and_then(|l| l.parse().ok())
        .ok_or_else(|| Error(format!("bad location `{location}`")))?;
    let Some((last, body)) = body.split_last() else {
        bail!("empty layout");
    };
    if last.trim() != "}" {
        bail!("layout does not end with `}}`");
    }
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let base = body.first().map(|l| indent_of(l)).unwrap_or(0);
    let mut entries: Vec<String> = Vec::new();
    for l in body {
        if l.trim().is_empty() {
            bail!("blank line inside the layout");
        }
        // A closing delimiter at the base indentation ends the entry it belongs to.
        let closes = l.trim_start().starts_with(['}', ']', ')']);
        match indent_of(l) {
            n if n == base && !closes => entries.push(l.trim().to_owned()),
            n if n >= base && !entries.is_empty() => {
                let last = entries.last_mut().unwrap();
                last.push(' ');
                last.push_str(l.trim());
            }
            _ => bail!("unexpected indentation: `{l}`"),
        }
    }

    let (mut size, mut align, mut fields, mut niche) = (None, None, None, None);
    let mut seen: Vec<&str> = Vec::new();
    for entry in &entries {
        let (key, value) = entry
            .split_once(": ")
            .ok_or_else(|| Error(format!("not a `key: value` entry: `{entry}`")))?;
        if !KNOWN_KEYS.contains(&key) {
            bail!("unknown layout key `{key}`");
        }
        if seen.contains(&key) {
            bail!("layout key `{key}` twice");
        }
        seen.push(key);
        let value = value
            .strip_suffix(',')
            .ok_or_else(|| Error(format!("entry without a trailing comma: `{entry}`")))?;
        match key {
            "size" => size = Some(size_value(value)?),
            "align" => align = Some(align_value(value)?),
            "fields" => fields = Some(fields_value(value)?),
            "largest_niche" => niche = Some(niche_value(value, pointer_size)?),
            "uninhabited" if value != "false" => bail!("uninhabited type"),
            "variants" if !value.starts_with("Single {") => {
                bail!("not a single-variant layout: `{value}`")
            }
            _ => {}
        }
    }
    let missing = |what: &str| Error(format!("no `{what}` in the layout"));
    Ok(RustcLayout {
        name: name.to_owned(),
        line,
        size: size.ok_or_else(|| missing("size"))?,
        align: align.ok_or_else(|| missing("align"))?,
        fields: fields.ok_or_else(|| missing("fields"))?,
        niche: niche.ok_or_else(|| missing("largest_niche"))?,
    })
}

/// `Size(N bytes)`.
fn size_value(v: &str) -> Result<u64> {
    v.strip_prefix("Size(")
        .and_then(|v| v.strip_suffix(" bytes)"))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| Error(format!("bad size `{v}`")))
}

/// `AbiAlign { abi: Align(N bytes), }`.
fn align_value(v: &str) -> Result<u64> {
    v.strip_prefix("AbiAlign { abi: Align(")
        .and_then(|v| v.strip_suffix(" bytes), }"))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| Error(format!("bad align `{v}`")))
}

/// `Primitive`, `Union( N, )` or `Arbitrary { offsets: [ Size(..), .. ], in_memory_order: [..], }`.
fn fields_value(v: &str) -> Result<FieldsShape> {
    if v == "Primitive" {
        return Ok(FieldsShape::Primitive);
    }
    if let Some(n) = v
        .strip_prefix("Union( ")
        .and_then(|v| v.strip_suffix(", )"))
    {
        let n = n
            .parse()
            .map_err(|_| Error(format!("bad union field count `{v}`")))?;
        return Ok(FieldsShape::Union(n));
    }
    let Some(rest) = v.strip_prefix("Arbitrary { offsets: [") else {
        bail!("unknown fields shape `{v}`");
    };
    let (list, rest) = rest
        .split_once(']')
        .ok_or_else(|| Error(format!("bad offsets `{v}`")))?;
    if !rest.starts_with(", in_memory_order: [") || !rest.ends_with("], }") {
        bail!("unknown fields shape `{v}`");
    }
    let offsets = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(size_value)
        .collect::<Result<Vec<_>>>()?;
    Ok(FieldsShape::Arbitrary(offsets))
}

/// `None` or `Some( Niche { offset: Size(N bytes), value: SCALAR, valid_range: RANGE, }, )`.
fn niche_value(v: &str, pointer_size: u64) -> Result<Option<RustcNiche>> {
    if v == "None" {
        return Ok(None);
    }
    let bad = || Error(format!("unknown niche `{v}`"));
    let inner = v
        .strip_prefix("Some( Niche { offset: ")
        .and_then(|v| v.strip_suffix(", }, )"))
        .ok_or_else(bad)?;
    let (offset, rest) = inner.split_once(", value: ").ok_or_else(bad)?;
    let (value, range) = rest.rsplit_once(", valid_range: ").ok_or_else(bad)?;
    let size = scalar_size(value, pointer_size).ok_or_else(bad)?;
    let (start, end) = valid_range(range).ok_or_else(bad)?;
    Ok(Some(RustcNiche {
        offset: size_value(offset)?,
        size,
        value: value.to_owned(),
        start,
        end,
    }))
}

/// The size of rustc's `Primitive`: `Int( I8, false, )`, `Float( F32, )`, `Pointer( .. )`.
fn scalar_size(value: &str, pointer_size: u64) -> Option<u64> {
    if value.starts_with("Pointer(") {
        return Some(pointer_size);
    }
    let (kind, rest) = value.split_once("( ")?;
    let width = rest.split(',').next()?.trim();
    let bits: u64 = match kind {
        "Int" => width.strip_prefix('I')?.parse().ok()?,
        "Float" => width.strip_prefix('F')?.parse().ok()?,
        _ => return None,
    };
    Some(bits / 8)
}

/// `A..=B`, or `(..=B) | (A..)` when the range wraps around.
fn valid_range(s: &str) -> Option<(u128, u128)> {
    if let Some(rest) = s.strip_prefix("(..=") {
        let (end, start) = rest.split_once(") | (")?;
        let start = start.strip_suffix("..)")?;
        return Some((start.parse().ok()?, end.parse().ok()?));
    }
    let (start, end) = s.split_once("..=")?;
    Some((start.parse().ok()?, end.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
warning: something harmless
error: layout_of(S<(u8, u16), 3>) = Layout {
           size: Size(8 bytes),
           align: AbiAlign {
               abi: Align(4 bytes),
           },
           backend_repr: Memory {
               sized: true,
           },
           fields: Arbitrary {
               offsets: [
                   Size(4 bytes),
                   Size(0 bytes),
               ],
               in_memory_order: [
                   1,
                   0,
               ],
           },
           largest_niche: Some(
               Niche {
                   offset: Size(5 bytes),
                   value: Int(
                       I8,
                       true,
                   ),
                   valid_range: (..=1) | (255..),
               },
           ),
           uninhabited: false,
           variants: Single {
               index: 0,
           },
           max_repr_align: None,
           unadjusted_abi_align: Align(4 bytes),
           randomization_seed: 15002290973170276680,
       }
  --> src/layout_debug.rs:12:24
   |
12 | #[rustc_layout(debug)] type __L_0 = S<(u8, u16), 3>;
   |                        ^^^^^^^^^^
error: layout_of(U) = Layout {
           size: Size(1 bytes),
           align: AbiAlign {
               abi: Align(1 bytes),
           },
           backend_repr: Memory {
               sized: true,
           },
           fields: Union(
               2,
           ),
           largest_niche: None,
           uninhabited: false,
           variants: Single {
               index: 0,
           },
           max_repr_align: None,
           unadjusted_abi_align: Align(1 bytes),
           randomization_seed: 1,
       }
   --> src/layout_debug.rs:130:24
error: could not compile `x` (bin \"y\") due to 2 previous errors
";

    #[test]
    fn parses_blocks() {
        let l = parse(SAMPLE, 8).unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].name, "S<(u8, u16), 3>");
        assert_eq!((l[0].line, l[0].size, l[0].align), (12, 8, 4));
        assert_eq!(l[0].fields, FieldsShape::Arbitrary(vec![4, 0]));
        let n = l[0].niche.as_ref().unwrap();
        assert_eq!((n.offset, n.size, n.start, n.end), (5, 1, 255, 1));
        assert_eq!(n.available(), 253);
        assert_eq!(l[1].line, 130);
        assert_eq!(l[1].fields, FieldsShape::Union(2));
        assert_eq!(l[1].niche, None);
    }

    #[test]
    fn fails_loudly() {
        assert!(parse(&SAMPLE.replace("2 previous", "3 previous"), 8).is_err());
        assert!(parse(&SAMPLE.replace("uninhabited", "inhabited"), 8).is_err());
        assert!(parse(&SAMPLE.replace("I8", "X8"), 8).is_err());
        let compile_error = SAMPLE.replace("warning: something", "error[E0308]: mismatched");
        assert!(parse(&compile_error, 8).is_err());
        assert!(parse("", 8).is_err());
    }

    #[test]
    fn niche_sizes() {
        assert_eq!(scalar_size("Pointer( AddressSpace( 0, ), )", 8), Some(8));
        assert_eq!(scalar_size("Int( I128, false, )", 8), Some(16));
        assert_eq!(
            valid_range("1..=18446744073709551615"),
            Some((1, u64::MAX as u128))
        );
    }
}
