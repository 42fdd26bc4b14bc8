//! Parses the enum lines (`e.*`) of the enum probe's output: layoutscope's enum metadata, the
//! compiler's size facts, and what one live value of every variant reports.
//!
//! The format is written by `program.rs` (`EMIT_ENUM` and the per-enum functions). Every
//! `e.` line must fit it, lines must come in the order the probe prints them, and every enum
//! must end with `e.end` after exactly the variants and values it announced.

use crate::error::{bail, Error, Result};
use crate::parse_probe::{niche, number, OurField, OurNiche};

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

/// Everything the probe printed for one enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumRecord {
    /// `TypeLayout::size`.
    pub size: u64,
    /// `TypeLayout::align`.
    pub align: u64,
    /// `size_of::<E>()`.
    pub rt_size: u64,
    /// `align_of::<E>()`.
    pub rt_align: u64,
    /// `size_of::<Option<E>>()`.
    pub rt_option_size: u64,
    /// `TypeLayout::tag`.
    pub tag: OurTag,
    /// `NicheSummary::option_fits`.
    pub option_fits: bool,
    /// `NicheSummary::largest`.
    pub niche: OurNiche,
    /// `TypeLayout::variants`.
    pub variants: Vec<OurVariant>,
    /// One entry per constructed value, in construction order.
    pub values: Vec<LiveValue>,
    /// `Variant as u128` for unit-only enums: `(variant index, value)`.
    pub casts: Vec<(usize, u128)>,
}

/// Splits the probe output into the struct lines and the enum (`e.`) lines.
pub fn split(out: &str) -> (String, String) {
    let (mut structs, mut enums) = (String::new(), String::new());
    for line in out.lines() {
        let target = if line.starts_with("e.") {
            &mut enums
        } else {
            &mut structs
        };
        target.push_str(line);
        target.push('\n');
    }
    (structs, enums)
}

struct Partial {
    rec: EnumRecord,
    announced: usize,
    announced_fields: Vec<usize>,
    tag_seen: bool,
    niche_seen: bool,
}

/// Parses the enum lines of a probe built for `count` enums; indexed by enum id.
pub fn parse(out: &str, count: usize) -> Result<Vec<EnumRecord>> {
    let mut partial: Vec<Option<Partial>> = (0..count).map(|_| None).collect();
    let mut done = vec![false; count];
    for (lineno, line) in out.lines().enumerate() {
        let at = |e: Error| {
            Error(format!(
                "enum probe output line {}: {}: `{line}`",
                lineno + 1,
                e.0
            ))
        };
        let words: Vec<&str> = line.split(' ').collect();
        let id: usize = number(words.get(1).copied()).map_err(at)?;
        if id >= count {
            return Err(at(Error(format!("enum id {id} out of range"))));
        }
        if done[id] {
            return Err(at(Error(format!("enum {id} continues after its `e.end`"))));
        }
        let kind = words[0];
        if kind == "e.type" {
            if partial[id].is_some() || words.len() != 8 {
                return Err(at(Error("bad or repeated `e.type`".into())));
            }
            let n = |i: usize| number::<u64>(words.get(i).copied()).map_err(at);
            partial[id] = Some(Partial {
                rec: EnumRecord {
                    size: n(2)?,
                    align: n(3)?,
                    rt_size: n(4)?,
                    rt_align: n(5)?,
                    rt_option_size: n(6)?,
                    tag: OurTag::Unknown,
                    option_fits: false,
                    niche: OurNiche::None,
                    variants: Vec::new(),
                    values: Vec::new(),
                    casts: Vec::new(),
                },
                announced: n(7)? as usize,
                announced_fields: Vec::new(),
                tag_seen: false,
                niche_seen: false,
            });
            continue;
        }
        let Some(p) = partial[id].as_mut() else {
            return Err(at(Error(format!("`{kind}` before `e.type` for enum {id}"))));
        };
        line_of(p, kind, &words).map_err(at)?;
        if kind == "e.end" {
            if !p.tag_seen || !p.niche_seen {
                return Err(at(Error("enum ended without its tag or niche".into())));
            }
            if p.rec.variants.len() != p.announced {
                return Err(at(Error(format!(
                    "{} variants announced, {} printed",
                    p.announced,
                    p.rec.variants.len()
                ))));
            }
            for (v, n) in p.rec.variants.iter().zip(&p.announced_fields) {
                if v.fields.len() != *n {
                    return Err(at(Error(format!("variant {} lost fields", v.name))));
                }
            }
            done[id] = true;
        }
    }
    if let Some(missing) = done.iter().position(|d| !d) {
        bail!("enum probe output has no complete record for enum {missing}");
    }
    Ok(partial
        .into_iter()
        .map(|p| p.expect("every enum is done").rec)
        .collect())
}

fn line_of(p: &mut Partial, kind: &str, words: &[&str]) -> Result<()> {
    let rec = &mut p.rec;
    let index = |i: usize| number::<usize>(words.get(i).copied());
    match (kind, words.len()) {
        ("e.tag", _) => {
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
        ("e.niche", _) => {
            if p.niche_seen {
                bail!("two niche lines");
            }
            p.niche_seen = true;
            rec.option_fits = match words.get(2) {
                Some(&"0") => false,
                Some(&"1") => true,
                _ => bail!("option_fits must be 0 or 1"),
            };
            rec.niche = niche(&words[3..])?;
        }
        ("e.variant", 8) => {
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
        ("e.vfield", 6) => {
            let v = current_variant(rec, index(2)?)?;
            v.fields.push(OurField {
                name: words[3].to_owned(),
                offset: number(Some(words[4]))?,
                size: number(Some(words[5]))?,
            });
        }
        ("e.vpadding", 3) => {
            let v = current_variant(rec, index(2)?)?;
            if v.padding.is_some() {
                bail!("two padding lines");
            }
            v.padding = Some(Vec::new());
        }
        ("e.vpad", 5) => {
            let v = current_variant(rec, index(2)?)?;
            let range = (number(Some(words[3]))?, number(Some(words[4]))?);
            match v.padding.as_mut() {
                Some(holes) => holes.push(range),
                None => bail!("padding range before `e.vpadding`"),
            }
        }
        ("e.value", 5) => {
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
        ("e.live", 5) => {
            let v = current_value(rec, index(2)?)?;
            v.offsets
                .push((words[3].to_owned(), number(Some(words[4]))?));
        }
        ("e.tagbytes", 4) => {
            let v = current_value(rec, index(2)?)?;
            if v.tag_bytes.is_some() {
                bail!("two tag byte lines");
            }
            v.tag_bytes = Some(match words[3] {
                "outside" => TagBytes::Outside,
                n => TagBytes::Value(number(Some(n))?),
            });
        }
        ("e.cast", 4) => {
            let i = index(2)?;
            if i >= rec.variants.len() || rec.casts.iter().any(|(j, _)| *j == i) {
                bail!("cast of an unknown variant or twice");
            }
            rec.casts.push((i, number(Some(words[3]))?));
        }
        ("e.end", 2) => {}
        _ => bail!("unknown enum probe line"),
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

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
e.type 0 16 8 16 8 16 2
e.tag 0 direct 0 1
e.niche 0 1 known 0 1 0 1 -
e.variant 0 0 A 0 0 exact 1
e.vfield 0 0 0 8 8
e.vpadding 0 0
e.vpad 0 0 1 8
e.variant 0 1 B 0 1 exact 0
e.vpadding 0 1
e.vpad 0 1 1 16
e.value 0 0 A 0
e.live 0 0 0 8
e.tagbytes 0 0 0
e.value 0 1 B 1
e.tagbytes 0 1 1
e.end 0
e.type 1 0 1 0 1 1 0
e.tag 1 none
e.niche 1 0 none
e.end 1
";

    #[test]
    fn parses_records() {
        let r = parse(SAMPLE, 2).unwrap();
        assert_eq!(r[0].tag, OurTag::Direct { offset: 0, size: 1 });
        assert_eq!(r[0].variants.len(), 2);
        assert_eq!(r[0].variants[0].fields[0].offset, 8);
        assert_eq!(r[0].variants[0].padding, Some(vec![(1, 8)]));
        assert_eq!(r[0].values[0].offsets, [("0".to_owned(), 8)]);
        assert_eq!(r[0].values[1].tag_bytes, Some(TagBytes::Value(1)));
        assert_eq!(r[1].variants.len(), 0);
        assert_eq!(r[1].tag, OurTag::None);
    }

    #[test]
    fn fails_loudly() {
        assert!(parse(SAMPLE, 3).is_err(), "a missing enum must fail");
        assert!(parse(&SAMPLE.replace("e.vfield 0 0 0 8 8\n", ""), 2).is_err());
        assert!(parse(&SAMPLE.replace("e.end 1\n", ""), 2).is_err());
        assert!(parse(&SAMPLE.replace("e.tag 1 none", "e.tag 1 maybe"), 2).is_err());
        assert!(parse(&SAMPLE.replace("e.live 0 0 0 8", "e.live 0 1 0 8"), 2).is_err());
        assert!(parse(&format!("{SAMPLE}e.what 0\n"), 2).is_err());
        let (structs, enums) = split("type 0 1\ne.end 0\n");
        assert_eq!(
            (structs.as_str(), enums.as_str()),
            ("type 0 1\n", "e.end 0\n")
        );
    }
}
