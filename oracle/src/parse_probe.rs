//! Parses the probe binary's output: layoutscope's metadata ("ours") and the facts the
//! compiler gives a running program (`size_of`, `align_of`, `offset_of!`, `Option` size, and
//! for enums what one live value of every variant reports).
//!
//! The format is written by `oracle/probe/print.rs` and `program.rs`. Every type starts with
//! `type` and ends with `end` after its `niche`; a struct or union has `field`, `offset_of`
//! and `pad` lines, an enum an `enum` line announcing its variants, its `tag`, the variants in
//! order, then its values and casts. Any line that does not fit, and any type that does not
//! appear exactly once, fails the parse.

use std::str::FromStr;

use crate::error::{bail, Error, Result};

/// One field as layoutscope describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OurField {
    /// `Field::name`.
    pub name: String,
    /// `Field::offset`.
    pub offset: u64,
    /// `Field::size`.
    pub size: u64,
}

/// layoutscope's niche facts (`LargestNiche`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OurNiche {
    /// `LargestNiche::None`.
    None,
    /// `LargestNiche::Known`.
    Known {
        /// Byte offset of the scalar.
        offset: u64,
        /// Size of the scalar.
        size: u64,
        /// First valid value.
        start: u128,
        /// Last valid value.
        end: u128,
        /// The field the niche lives in, if any.
        field: Option<usize>,
    },
    /// `LargestNiche::Unknown` with `NicheCount::Exact`.
    Exact(u128, String),
    /// `LargestNiche::Unknown` with `NicheCount::AtLeast`.
    AtLeast(u128, String),
}

/// layoutscope's `Tag`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OurTag {
    /// `Tag::None`.
    None,
    /// `Tag::Direct`.
    Direct {
        /// Byte offset.
        offset: u64,
        /// Size in bytes.
        size: u64,
    },
    /// `Tag::Unknown`.
    Unknown,
}

/// One `Variant` as layoutscope describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OurVariant {
    /// `Variant::name`.
    pub name: String,
    /// `Discriminant::signed`.
    pub signed: bool,
    /// `Discriminant::bits`.
    pub bits: u128,
    /// `Offsets::Exact`.
    pub exact: bool,
    /// The fields, in declaration order (offsets meaningful only when `exact`).
    pub fields: Vec<OurField>,
    /// `Variant::padding()`, when layoutscope knows it.
    pub padding: Option<Vec<(u64, u64)>>,
}

impl OurVariant {
    /// The discriminant as a decimal number, signed or not as layoutscope says.
    pub fn discriminant(&self) -> String {
        if self.signed {
            (self.bits as i128).to_string()
        } else {
            self.bits.to_string()
        }
    }
}

/// What the probe printed for one constructed value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveValue {
    /// The variant the value was constructed as (index in declaration order).
    pub index: usize,
    /// The name of the variant `visit_fields_of_val` returned.
    pub active: String,
    /// `core::intrinsics::discriminant_value`, as `Debug` prints it.
    pub rustc_discriminant: String,
    /// The fields `visit_fields_of_val` visited, with their live offsets, in visiting order.
    pub offsets: Vec<(String, u64)>,
    /// The tag bytes read at layoutscope's tag location (`None` when not read).
    pub tag_bytes: Option<TagBytes>,
}

/// The tag bytes of a live value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagBytes {
    /// Read as an unsigned number.
    Value(u128),
    /// layoutscope's tag location lies outside the value: nothing was read.
    Outside,
}

/// Everything the probe printed for one type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProbeRecord {
    /// `TypeLayout::size`.
    pub size: u64,
    /// `TypeLayout::align`.
    pub align: u64,
    /// `size_of::<T>()` in the running program.
    pub rt_size: u64,
    /// `align_of::<T>()`.
    pub rt_align: u64,
    /// `size_of::<Option<T>>()`.
    pub rt_option_size: u64,
    /// `NicheSummary::option_fits`.
    pub option_fits: bool,
    /// `NicheSummary::largest`.
    pub niche: OurNiche,
    /// `TypeLayout::fields` of a struct or union, in declaration order.
    pub fields: Vec<OurField>,
    /// `TypeLayout::padding()` of a struct or union, as `start..end` pairs.
    pub padding: Vec<(u64, u64)>,
    /// `offset_of!(T, field)` for each declared field of a struct or union, by name.
    pub rt_offsets: Vec<(String, u64)>,
    /// What the probe printed about an enum (`None` for structs and unions).
    pub enumeration: Option<EnumRecord>,
}

/// What the probe printed about an enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumRecord {
    /// `TypeLayout::tag`.
    pub tag: OurTag,
    /// `TypeLayout::variants`.
    pub variants: Vec<OurVariant>,
    /// One entry per constructed value, in construction order.
    pub values: Vec<LiveValue>,
    /// `Variant as u128` for unit-only enums: `(variant index, value)`.
    pub casts: Vec<(usize, u128)>,
}

/// A record being read.
struct Partial {
    rec: ProbeRecord,
    niche_seen: bool,
    tag_seen: bool,
    /// The variants and their fields an enum announced.
    announced: usize,
    announced_fields: Vec<usize>,
}

/// Parses the output of a probe built for `count` types; the result is indexed by type id.
pub fn parse(out: &str, count: usize) -> Result<Vec<ProbeRecord>> {
    let mut partial: Vec<Option<Partial>> = (0..count).map(|_| None).collect();
    let mut done = vec![false; count];
    for (lineno, line) in out.lines().enumerate() {
        let at = |e: Error| {
            Error(format!(
                "probe output line {}: {}: `{line}`",
                lineno + 1,
                e.0
            ))
        };
        let words: Vec<&str> = line.split(' ').collect();
        let id: usize = number(words.get(1).copied()).map_err(at)?;
        if id >= count {
            return Err(at(Error(format!("type id {id} out of range"))));
        }
        if done[id] {
            return Err(at(Error(format!("type {id} continues after its `end`"))));
        }
        let kind = words[0];
        if kind == "type" {
            if partial[id].is_some() {
                return Err(at(Error(format!("type {id} printed twice"))));
            }
            partial[id] = Some(head(&words).map_err(at)?);
            continue;
        }
        let Some(p) = partial[id].as_mut() else {
            return Err(at(Error(format!("`{kind}` before `type` for type {id}"))));
        };
        line_of(p, kind, &words).map_err(at)?;
        if kind == "end" {
            ended(p).map_err(at)?;
            done[id] = true;
        }
    }
    if let Some(missing) = done.iter().position(|d| !d) {
        bail!("probe output has no complete record for type {missing}");
    }
    Ok(partial
        .into_iter()
        .map(|p| p.expect("every type is done").rec)
        .collect())
}

/// `type id size align size_of align_of size_of_option`.
fn head(words: &[&str]) -> Result<Partial> {
    if words.len() != 7 {
        bail!("a `type` line has 7 words");
    }
    let n = |i: usize| number::<u64>(Some(words[i]));
    Ok(Partial {
        rec: ProbeRecord {
            size: n(2)?,
            align: n(3)?,
            rt_size: n(4)?,
            rt_align: n(5)?,
            rt_option_size: n(6)?,
            option_fits: false,
            niche: OurNiche::None,
            fields: Vec::new(),
            padding: Vec::new(),
            rt_offsets: Vec::new(),
            enumeration: None,
        },
        niche_seen: false,
        tag_seen: false,
        announced: 0,
        announced_fields: Vec::new(),
    })
}

/// The checks at a record's `end`.
fn ended(p: &Partial) -> Result<()> {
    if !p.niche_seen {
        bail!("ended without a niche line");
    }
    if let Some(e) = &p.rec.enumeration {
        if !p.tag_seen {
            bail!("an enum ended without its tag");
        }
        if e.variants.len() != p.announced {
            bail!(
                "{} variants announced, {} printed",
                p.announced,
                e.variants.len()
            );
        }
        for (v, n) in e.variants.iter().zip(&p.announced_fields) {
            if v.fields.len() != *n {
                bail!("variant {} lost fields", v.name);
            }
        }
    }
    Ok(())
}

fn line_of(p: &mut Partial, kind: &str, words: &[&str]) -> Result<()> {
    let index = |i: usize| number::<usize>(words.get(i).copied());
    match (kind, words.len()) {
        ("niche", _) => {
            if p.niche_seen {
                bail!("two niche lines");
            }
            p.niche_seen = true;
            p.rec.option_fits = match words.get(2) {
                Some(&"0") => false,
                Some(&"1") => true,
                _ => bail!("option_fits must be 0 or 1"),
            };
            p.rec.niche = niche(&words[3..])?;
        }
        ("field", 5) => {
            let field = OurField {
                name: words[2].to_owned(),
                offset: number(Some(words[3]))?,
                size: number(Some(words[4]))?,
            };
            fields_of(p)?.fields.push(field);
        }
        ("offset_of", 4) => {
            let offset = number(Some(words[3]))?;
            fields_of(p)?.rt_offsets.push((words[2].to_owned(), offset));
        }
        ("pad", 4) => {
            let range = (number(Some(words[2]))?, number(Some(words[3]))?);
            fields_of(p)?.padding.push(range);
        }
        ("enum", 3) => {
            let r = &p.rec;
            if r.enumeration.is_some() || !r.fields.is_empty() || !r.rt_offsets.is_empty() {
                bail!("an `enum` line in a struct's record, or twice");
            }
            p.announced = index(2)?;
            p.rec.enumeration = Some(EnumRecord {
                tag: OurTag::Unknown,
                variants: Vec::new(),
                values: Vec::new(),
                casts: Vec::new(),
            });
        }
        ("end", 2) => {}
        _ => enum_line(p, kind, words)?,
    }
    Ok(())
}

/// The record of a struct or union, which has no `enum` line.
fn fields_of(p: &mut Partial) -> Result<&mut ProbeRecord> {
    if p.rec.enumeration.is_some() {
        bail!("a struct's line in an enum's record");
    }
    Ok(&mut p.rec)
}

fn enum_line(p: &mut Partial, kind: &str, words: &[&str]) -> Result<()> {
    let index = |i: usize| number::<usize>(words.get(i).copied());
    let Some(rec) = p.rec.enumeration.as_mut() else {
        bail!("unknown probe line, or an enum's line before its `enum` line");
    };
    match (kind, words.len()) {
        ("tag", _) => {
            if p.tag_seen {
                bail!("two tag lines");
            }
            p.tag_seen = true;
            rec.tag = match &words[2..] {
                ["none"] => OurTag::None,
                ["unknown"] => OurTag::Unknown,
                ["direct", offset, size] => OurTag::Direct {
                    offset: number(Some(offset))?,
                    size: number(Some(size))?,
                },
                _ => bail!("unknown tag"),
            };
        }
        ("variant", 8) => {
            if index(2)? != rec.variants.len() {
                bail!("variants out of order");
            }
            rec.variants.push(OurVariant {
                name: words[3].to_owned(),
                signed: match words[4] {
                    "0" => false,
                    "1" => true,
                    _ => bail!("signed must be 0 or 1"),
                },
                bits: number(Some(words[5]))?,
                exact: match words[6] {
                    "exact" => true,
                    "unknown" => false,
                    _ => bail!("offsets must be exact or unknown"),
                },
                fields: Vec::new(),
                padding: None,
            });
            p.announced_fields.push(index(7)?);
        }
        ("vfield", 6) => {
            let v = current_variant(rec, index(2)?)?;
            v.fields.push(OurField {
                name: words[3].to_owned(),
                offset: number(Some(words[4]))?,
                size: number(Some(words[5]))?,
            });
        }
        ("vpadding", 3) => {
            let v = current_variant(rec, index(2)?)?;
            if v.padding.is_some() {
                bail!("two padding lines");
            }
            v.padding = Some(Vec::new());
        }
        ("vpad", 5) => {
            let v = current_variant(rec, index(2)?)?;
            let range = (number(Some(words[3]))?, number(Some(words[4]))?);
            match v.padding.as_mut() {
                Some(holes) => holes.push(range),
                None => bail!("padding range before `vpadding`"),
            }
        }
        ("value", 5) => {
            let i = index(2)?;
            if i >= rec.variants.len() || rec.values.iter().any(|v| v.index == i) {
                bail!("value of an unknown variant or twice");
            }
            rec.values.push(LiveValue {
                index: i,
                active: words[3].to_owned(),
                rustc_discriminant: words[4].to_owned(),
                offsets: Vec::new(),
                tag_bytes: None,
            });
        }
        ("live", 5) => {
            let v = current_value(rec, index(2)?)?;
            v.offsets
                .push((words[3].to_owned(), number(Some(words[4]))?));
        }
        ("tagbytes", 4) => {
            let v = current_value(rec, index(2)?)?;
            if v.tag_bytes.is_some() {
                bail!("two tag byte lines");
            }
            v.tag_bytes = Some(match words[3] {
                "outside" => TagBytes::Outside,
                n => TagBytes::Value(number(Some(n))?),
            });
        }
        ("cast", 4) => {
            let i = index(2)?;
            if i >= rec.variants.len() || rec.casts.iter().any(|(j, _)| *j == i) {
                bail!("cast of an unknown variant or twice");
            }
            rec.casts.push((i, number(Some(words[3]))?));
        }
        _ => bail!("unknown probe line"),
    }
    Ok(())
}

fn current_variant(rec: &mut EnumRecord, i: usize) -> Result<&mut OurVariant> {
    if rec.variants.len() != i + 1 {
        bail!("a line for variant {i} outside its block");
    }
    Ok(rec.variants.last_mut().expect("variant i exists"))
}

fn current_value(rec: &mut EnumRecord, i: usize) -> Result<&mut LiveValue> {
    match rec.values.last_mut() {
        Some(v) if v.index == i => Ok(v),
        _ => bail!("a line for the value of variant {i} outside its block"),
    }
}

/// The words of a niche description after `option_fits`.
fn niche(words: &[&str]) -> Result<OurNiche> {
    Ok(match words {
        ["none"] => OurNiche::None,
        ["known", offset, size, start, end, field] => OurNiche::Known {
            offset: number(Some(offset))?,
            size: number(Some(size))?,
            start: number(Some(start))?,
            end: number(Some(end))?,
            field: match *field {
                "-" => None,
                f => Some(number(Some(f))?),
            },
        },
        ["unknown", "exact", c, reason] => OurNiche::Exact(number(Some(c))?, reason.to_string()),
        ["unknown", "atleast", c, reason] => {
            OurNiche::AtLeast(number(Some(c))?, reason.to_string())
        }
        _ => bail!("unknown niche description"),
    })
}

/// A number, or an error naming the word.
fn number<T: FromStr>(word: Option<&str>) -> Result<T> {
    match word {
        Some(w) => w
            .parse()
            .map_err(|_| Error(format!("`{w}` is not a number"))),
        None => bail!("missing number"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRUCTS: &str = "type 0 8 4 8 4 8\nniche 0 1 known 4 1 0 1 0\nfield 0 a 4 1\n\
field 0 type 0 4\noffset_of 0 a 4\noffset_of 0 type 0\npad 0 5 8\nend 0\n\
type 1 0 1 0 1 1\nniche 1 0 none\nend 1\n";

    const ENUMS: &str = "\
type 0 16 8 16 8 16
niche 0 1 known 0 1 0 1 -
enum 0 2
tag 0 direct 0 1
variant 0 0 A 0 0 exact 1
vfield 0 0 0 8 8
vpadding 0 0
vpad 0 0 1 8
variant 0 1 B 0 1 exact 0
vpadding 0 1
vpad 0 1 1 16
value 0 0 A 0
live 0 0 0 8
tagbytes 0 0 0
value 0 1 B 1
tagbytes 0 1 1
end 0
type 1 0 1 0 1 1
niche 1 0 none
enum 1 0
tag 1 none
end 1
";

    #[test]
    fn parses_structs() {
        let r = parse(STRUCTS, 2).unwrap();
        assert_eq!(r[0].fields[1].name, "type");
        assert_eq!(r[0].padding, [(5, 8)]);
        assert_eq!(
            r[0].niche,
            OurNiche::Known {
                offset: 4,
                size: 1,
                start: 0,
                end: 1,
                field: Some(0)
            }
        );
        assert!(r[0].option_fits);
        assert_eq!(r[1].niche, OurNiche::None);
        assert!(r[1].enumeration.is_none());
    }

    #[test]
    fn parses_enums() {
        let r = parse(ENUMS, 2).unwrap();
        let e = r[0].enumeration.as_ref().unwrap();
        assert_eq!(e.tag, OurTag::Direct { offset: 0, size: 1 });
        assert_eq!(e.variants.len(), 2);
        assert_eq!(e.variants[0].fields[0].offset, 8);
        assert_eq!(e.variants[0].padding, Some(vec![(1, 8)]));
        assert_eq!(e.values[0].offsets, [("0".to_owned(), 8)]);
        assert_eq!(e.values[1].tag_bytes, Some(TagBytes::Value(1)));
        let empty = r[1].enumeration.as_ref().unwrap();
        assert_eq!((empty.variants.len(), empty.tag), (0, OurTag::None));
    }

    #[test]
    fn fails_loudly() {
        assert!(parse(STRUCTS, 3).is_err(), "a missing type must fail");
        assert!(parse(&STRUCTS.replace("pad 0 5 8", "pad 0 5"), 2).is_err());
        assert!(parse(&STRUCTS.replace("end 1\n", ""), 2).is_err());
        assert!(parse(&format!("{STRUCTS}hello 0\n"), 2).is_err());
        assert!(parse(&STRUCTS.replace("none", "maybe"), 2).is_err());
        assert!(parse(&STRUCTS.replace("niche 1 0 none\n", ""), 2).is_err());
        assert!(parse(&ENUMS.replace("vfield 0 0 0 8 8\n", ""), 2).is_err());
        assert!(parse(&ENUMS.replace("tag 1 none", "tag 1 maybe"), 2).is_err());
        assert!(parse(&ENUMS.replace("tag 1 none\n", ""), 2).is_err());
        assert!(parse(&ENUMS.replace("live 0 0 0 8", "live 0 1 0 8"), 2).is_err());
        assert!(parse(&ENUMS.replace("enum 0 2", "enum 0 3"), 2).is_err());
        // A struct's line in an enum's record, and an enum's line in a struct's.
        assert!(parse(&ENUMS.replace("end 1\n", "pad 1 0 1\nend 1\n"), 2).is_err());
        assert!(parse(&STRUCTS.replace("end 1\n", "tag 1 none\nend 1\n"), 2).is_err());
    }
}
