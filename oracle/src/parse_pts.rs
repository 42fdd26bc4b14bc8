//! Parses rustc's `-Zprint-type-sizes` output and recovers field offsets from it.
//!
//! rustc prints each type's fields in memory order (sorted by offset, zero-sized fields
//! first), but not their offsets: it prints `padding: N bytes` before a field that does not
//! start where the previous one ended, and `offset: N bytes` only for a field that starts
//! *before* that point (union members). [`memory_layout`] replays rustc's printing loop
//! backwards to get every offset. Every `print-type-size` line of the output is parsed, not
//! only the lines of our types, so a format change fails the run instead of being skipped.

use std::collections::HashMap;

use crate::error::{bail, Error, Result};

/// One `print-type-size type:` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PtsType {
    /// `N bytes`.
    pub size: u64,
    /// `alignment: N bytes`.
    pub align: u64,
    /// `discriminant: N bytes` (enums only).
    pub discriminant: Option<u64>,
    /// `variant` blocks (enums and unions).
    pub variants: Vec<PtsVariant>,
    /// Fields and padding of a struct-like type, in memory order.
    pub entries: Vec<Entry>,
    /// `end padding: N bytes`.
    pub end_padding: Option<u64>,
}

/// One `variant` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PtsVariant {
    /// The variant's name (the union's name for unions).
    pub name: String,
    /// `N bytes`: where the variant's last field ends.
    pub size: u64,
    /// Fields and padding, in memory order.
    pub entries: Vec<Entry>,
}

/// A line inside a struct or variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `field `.name`: N bytes[, offset: O bytes][, alignment: A bytes]`.
    Field(PtsField),
    /// `padding: N bytes`: the next field starts N bytes after the previous one's end.
    Padding(u64),
}

/// A field line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PtsField {
    /// Without the leading `.`; raw identifiers lose `r#`.
    pub name: String,
    /// `N bytes`.
    pub size: u64,
    /// Printed only when the field starts before the previous field's end.
    pub offset: Option<u64>,
    /// Printed only when alignment caused padding before the field.
    pub align: Option<u64>,
}

/// A field with the offset recovered by [`memory_layout`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Field name.
    pub name: String,
    /// Byte offset.
    pub offset: u64,
    /// Size in bytes.
    pub size: u64,
}

/// All types of one compilation, by the name rustc prints (a name may occur more than once:
/// rustc keeps distinct records with equal names).
pub type PtsIndex = HashMap<String, Vec<PtsType>>;

const PREFIX: &str = "print-type-size ";

/// Parses the whole output. Every line must be a `print-type-size` line of a known form.
pub fn parse(out: &str) -> Result<PtsIndex> {
    let mut index = PtsIndex::new();
    let mut current: Option<(String, PtsType)> = None;
    for (lineno, line) in out.lines().enumerate() {
        let fail = |msg: &str| {
            Error(format!(
                "-Zprint-type-sizes line {}: {msg}: `{line}`",
                lineno + 1
            ))
        };
        let Some(rest) = line.strip_prefix(PREFIX) else {
            return Err(fail("not a print-type-size line"));
        };
        if let Some(header) = rest.strip_prefix("type: `") {
            if let Some((name, ty)) = current.take() {
                index.entry(name).or_default().push(ty);
            }
            let (name, size, align) = parse_header(header).ok_or_else(|| fail("bad type line"))?;
            current = Some((
                name,
                PtsType {
                    size,
                    align,
                    discriminant: None,
                    variants: Vec::new(),
                    entries: Vec::new(),
                    end_padding: None,
                },
            ));
            continue;
        }
        let Some((_, ty)) = current.as_mut() else {
            return Err(fail("line outside a type block"));
        };
        let indent = rest.len() - rest.trim_start_matches(' ').len();
        let body = &rest[indent..];
        match indent {
            4 => {
                if let Some(n) = body.strip_prefix("discriminant: ") {
                    ty.discriminant = Some(bytes(n).ok_or_else(|| fail("bad discriminant"))?);
                } else if let Some(n) = body.strip_prefix("end padding: ") {
                    ty.end_padding = Some(bytes(n).ok_or_else(|| fail("bad end padding"))?);
                } else if let Some(v) = body.strip_prefix("variant `") {
                    let (name, size) = parse_variant(v).ok_or_else(|| fail("bad variant"))?;
                    ty.variants.push(PtsVariant {
                        name,
                        size,
                        entries: Vec::new(),
                    });
                } else if !ty.variants.is_empty() {
                    return Err(fail("struct field after a variant"));
                } else {
                    ty.entries
                        .push(parse_entry(body).ok_or_else(|| fail("unknown line"))?);
                }
            }
            8 => {
                let entry = parse_entry(body).ok_or_else(|| fail("unknown line"))?;
                match ty.variants.last_mut() {
                    Some(v) => v.entries.push(entry),
                    None => return Err(fail("variant field outside a variant")),
                }
            }
            _ => return Err(fail("unexpected indentation")),
        }
    }
    if let Some((name, ty)) = current.take() {
        index.entry(name).or_default().push(ty);
    }
    Ok(index)
}

/// `` NAME`: N bytes, alignment: A bytes `` (after ``type: ` ``). The name may contain
/// anything, so it ends at the last `` `: ``.
fn parse_header(s: &str) -> Option<(String, u64, u64)> {
    let split = s.rfind("`: ")?;
    let (name, rest) = (&s[..split], &s[split + 3..]);
    let (size, align) = rest.split_once(", alignment: ")?;
    Some((name.to_owned(), bytes(size)?, bytes(align)?))
}

/// `` NAME`: N bytes `` (after ``variant ` ``).
fn parse_variant(s: &str) -> Option<(String, u64)> {
    let (name, size) = s.rsplit_once("`: ")?;
    Some((name.to_owned(), bytes(size)?))
}

/// `padding: N bytes` or `` KIND `.NAME`: N bytes[, offset: O bytes][, alignment: A bytes] ``
/// with KIND `field`, `upvar` (closures) or `local` (coroutines).
fn parse_entry(s: &str) -> Option<Entry> {
    if let Some(n) = s.strip_prefix("padding: ") {
        return Some(Entry::Padding(bytes(n)?));
    }
    let (kind, rest) = s.split_once(" `.")?;
    if !matches!(kind, "field" | "upvar" | "local") {
        return None;
    }
    let (name, rest) = rest.split_once("`: ")?;
    let mut parts = rest.split(", ");
    let size = bytes(parts.next()?)?;
    let (mut offset, mut align) = (None, None);
    for part in parts {
        if let Some(n) = part.strip_prefix("offset: ") {
            offset = Some(bytes(n)?);
        } else if let Some(n) = part.strip_prefix("alignment: ") {
            align = Some(bytes(n)?);
        } else {
            return None;
        }
    }
    Some(Entry::Field(PtsField {
        name: name.to_owned(),
        size,
        offset,
        align,
    }))
}

/// `N bytes`.
fn bytes(s: &str) -> Option<u64> {
    s.strip_suffix(" bytes")?.parse().ok()
}

/// The fields with their offsets, replaying rustc's printing loop: a field starts where the
/// previous one ended, plus the `padding` printed before it, unless it prints its offset.
pub fn memory_layout(entries: &[Entry]) -> Result<Vec<Placed>> {
    memory_layout_from(entries, 0)
}

/// [`memory_layout`] for the fields of an enum variant: rustc starts its printing loop at the
/// size of the printed `discriminant` (0 when it prints none), not at 0.
pub fn memory_layout_from(entries: &[Entry], start: u64) -> Result<Vec<Placed>> {
    let mut placed = Vec::new();
    let mut min_offset = start;
    let mut pad: Option<u64> = None;
    for entry in entries {
        match entry {
            Entry::Padding(p) => {
                if pad.is_some() || *p == 0 {
                    bail!("-Zprint-type-sizes: unexpected padding line {entries:?}");
                }
                pad = Some(*p);
            }
            Entry::Field(f) => {
                let offset = match (f.offset, pad.take()) {
                    (Some(o), None) if o < min_offset => o,
                    (None, p) => min_offset + p.unwrap_or(0),
                    _ => bail!(
                        "-Zprint-type-sizes: inconsistent field `{}` in {entries:?}",
                        f.name
                    ),
                };
                placed.push(Placed {
                    name: f.name.clone(),
                    offset,
                    size: f.size,
                });
                min_offset = offset + f.size;
            }
        }
    }
    if pad.is_some() {
        bail!("-Zprint-type-sizes: padding after the last field in {entries:?}");
    }
    Ok(placed)
}

/// The bytes of `0..size` that no non-empty field covers, as `start..end` ranges.
pub fn holes(fields: &[Placed], size: u64) -> Vec<(u64, u64)> {
    let mut covered = vec![false; size as usize];
    for f in fields {
        for b in f.offset..(f.offset + f.size).min(size) {
            covered[b as usize] = true;
        }
    }
    let mut out = Vec::new();
    let mut start = None;
    for (i, &c) in covered.iter().enumerate() {
        match (c, start) {
            (false, None) => start = Some(i as u64),
            (true, Some(s)) => {
                out.push((s, i as u64));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, size));
    }
    out
}

/// Where the fields of a struct-like type or union variant end, as rustc computes a variant's
/// size for `end padding` (a variant whose fields end at 0 counts as the whole type).
pub fn variant_end(fields: &[Placed], size: u64) -> u64 {
    match fields.iter().map(|f| f.offset + f.size).max() {
        Some(end) if end > 0 => end,
        _ => size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
print-type-size type: `S`: 8 bytes, alignment: 4 bytes
print-type-size     field `.b`: 4 bytes
print-type-size     field `.a`: 1 bytes
print-type-size     field `.d`: 0 bytes
print-type-size     field `.c`: 1 bytes
print-type-size     end padding: 2 bytes
print-type-size type: `P`: 10 bytes, alignment: 2 bytes
print-type-size     field `.a`: 1 bytes
print-type-size     padding: 1 bytes
print-type-size     field `.b`: 4 bytes, alignment: 2 bytes
print-type-size     field `.type`: 4 bytes
print-type-size type: `U`: 4 bytes, alignment: 4 bytes
print-type-size     variant `U`: 4 bytes
print-type-size         field `.a`: 1 bytes
print-type-size         field `.b`: 4 bytes, offset: 0 bytes, alignment: 4 bytes
print-type-size type: `std::option::Option<u32>`: 8 bytes, alignment: 4 bytes
print-type-size     discriminant: 4 bytes
print-type-size     variant `Some`: 4 bytes
print-type-size         field `.0`: 4 bytes
print-type-size     variant `None`: 0 bytes
";

    #[test]
    fn parses_and_places() {
        let index = parse(SAMPLE).unwrap();
        let s = &index["S"][0];
        assert_eq!((s.size, s.align, s.end_padding), (8, 4, Some(2)));
        let placed = memory_layout(&s.entries).unwrap();
        let offsets: Vec<(&str, u64)> =
            placed.iter().map(|p| (p.name.as_str(), p.offset)).collect();
        assert_eq!(offsets, [("b", 0), ("a", 4), ("d", 5), ("c", 5)]);
        assert_eq!(holes(&placed, 8), [(6, 8)]);

        let p = memory_layout(&index["P"][0].entries).unwrap();
        assert_eq!(p[1].offset, 2);
        assert_eq!(p[2].offset, 6);
        assert_eq!(holes(&p, 10), [(1, 2)]);

        let u = &index["U"][0];
        assert_eq!(u.variants.len(), 1);
        let placed = memory_layout(&u.variants[0].entries).unwrap();
        assert_eq!(placed[1].offset, 0);
        assert_eq!(variant_end(&placed, 4), 4);
        assert_eq!(index["std::option::Option<u32>"][0].discriminant, Some(4));
    }

    #[test]
    fn fails_loudly() {
        assert!(parse("hello").is_err());
        assert!(parse("print-type-size     field `.a`: 1 bytes").is_err());
        assert!(parse(&SAMPLE.replace("end padding", "tail padding")).is_err());
        assert!(parse(&SAMPLE.replace(", alignment: 2 bytes", ", colour: red")).is_err());
        let bad = [
            Entry::Padding(2),
            Entry::Padding(2),
            Entry::Field(PtsField {
                name: "a".into(),
                size: 1,
                offset: None,
                align: None,
            }),
        ];
        assert!(memory_layout(&bad).is_err());
    }

    #[test]
    fn enum_variants_start_after_the_discriminant() {
        let text = "\
print-type-size type: `Message`: 16 bytes, alignment: 8 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant `Color`: 15 bytes
print-type-size         field `.0`: 1 bytes
print-type-size         padding: 6 bytes
print-type-size         field `.1`: 8 bytes, alignment: 8 bytes
print-type-size     variant `Quit`: 0 bytes
print-type-size type: `Al`: 8 bytes, alignment: 8 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant `A`: 7 bytes
print-type-size     end padding: 8 bytes
";
        let index = parse(text).unwrap();
        let m = &index["Message"][0];
        assert_eq!(m.discriminant, Some(1));
        assert_eq!(m.variants.len(), 2);
        let placed = memory_layout_from(&m.variants[0].entries, 1).unwrap();
        let offsets: Vec<u64> = placed.iter().map(|p| p.offset).collect();
        assert_eq!(offsets, [1, 8]);
        assert!(m.variants[1].entries.is_empty());
        assert_eq!(index["Al"][0].end_padding, Some(8));
    }

    #[test]
    fn zero_field_types_count_as_whole() {
        assert_eq!(variant_end(&[], 16), 16);
        assert_eq!(holes(&[], 16), [(0, 16)]);
    }
}
