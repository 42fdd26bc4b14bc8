//! Parses the probe binary's output: layoutscope's metadata ("ours") and the facts the
//! compiler gives a running program (`size_of`, `align_of`, `offset_of!`, `Option` size).
//!
//! The format is written by `program.rs`; any line that does not fit it, and any type that
//! does not appear exactly once, fails the parse.

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

/// Everything the probe printed for one type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProbeRecord {
    /// `TypeLayout::size`.
    pub size: u64,
    /// `TypeLayout::align`.
    pub align: u64,
    /// `TypeLayout::fields`, in declaration order.
    pub fields: Vec<OurField>,
    /// `TypeLayout::padding()`, as `start..end` pairs.
    pub padding: Vec<(u64, u64)>,
    /// `NicheSummary::option_fits`.
    pub option_fits: bool,
    /// `NicheSummary::largest`.
    pub niche: OurNiche,
    /// `size_of::<T>()` in the running program.
    pub rt_size: u64,
    /// `align_of::<T>()`.
    pub rt_align: u64,
    /// `size_of::<Option<T>>()`.
    pub rt_option_size: u64,
    /// `offset_of!(T, field)` for each declared field, by name.
    pub rt_offsets: Vec<(String, u64)>,
}

/// Parses the output of a probe built for `count` types; the result is indexed by type id.
pub fn parse(out: &str, count: usize) -> Result<Vec<ProbeRecord>> {
    let mut records: Vec<Option<ProbeRecord>> = vec![None; count];
    let mut done = vec![false; count];
    let mut niche_seen = vec![false; count];
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
        if kind != "type" && records[id].is_none() {
            return Err(at(Error(format!("`{kind}` before `type` for type {id}"))));
        }
        match (kind, words.len()) {
            ("type", 7) => {
                if records[id].is_some() {
                    return Err(at(Error(format!("type {id} printed twice"))));
                }
                let n = |i: usize| number::<u64>(words.get(i).copied()).map_err(at);
                records[id] = Some(ProbeRecord {
                    size: n(2)?,
                    align: n(3)?,
                    rt_size: n(4)?,
                    rt_align: n(5)?,
                    rt_option_size: n(6)?,
                    fields: Vec::new(),
                    padding: Vec::new(),
                    option_fits: false,
                    niche: OurNiche::None,
                    rt_offsets: Vec::new(),
                });
            }
            ("field", 5) => {
                let field = OurField {
                    name: words[2].to_owned(),
                    offset: number(Some(words[3])).map_err(at)?,
                    size: number(Some(words[4])).map_err(at)?,
                };
                records[id].as_mut().unwrap().fields.push(field);
            }
            ("offset_of", 4) => {
                let offset = number(Some(words[3])).map_err(at)?;
                let rec = records[id].as_mut().unwrap();
                rec.rt_offsets.push((words[2].to_owned(), offset));
            }
            ("pad", 4) => {
                let range = (
                    number(Some(words[2])).map_err(at)?,
                    number(Some(words[3])).map_err(at)?,
                );
                records[id].as_mut().unwrap().padding.push(range);
            }
            ("niche", _) => {
                if niche_seen[id] {
                    return Err(at(Error(format!("two niche lines for type {id}"))));
                }
                niche_seen[id] = true;
                let rec = records[id].as_mut().unwrap();
                rec.option_fits = match words.get(2) {
                    Some(&"0") => false,
                    Some(&"1") => true,
                    _ => return Err(at(Error("option_fits must be 0 or 1".into()))),
                };
                rec.niche = niche(&words[3..]).map_err(at)?;
            }
            ("end", 2) => {
                if !niche_seen[id] {
                    return Err(at(Error(format!("type {id} ended without a niche line"))));
                }
                done[id] = true;
            }
            _ => return Err(at(Error("unknown probe line".into()))),
        }
    }
    if let Some(missing) = done.iter().position(|d| !d) {
        bail!("probe output has no complete record for type {missing}");
    }
    Ok(records.into_iter().map(Option::unwrap).collect())
}

/// The words of a niche description after `option_fits` (shared with the enum probe).
pub(crate) fn niche(words: &[&str]) -> Result<OurNiche> {
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
pub(crate) fn number<T: FromStr>(word: Option<&str>) -> Result<T> {
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

    const SAMPLE: &str = "type 0 8 4 8 4 8\nfield 0 a 4 1\nfield 0 type 0 4\n\
offset_of 0 a 4\noffset_of 0 type 0\npad 0 5 8\nniche 0 1 known 4 1 0 1 0\nend 0\n\
type 1 0 1 0 1 1\nniche 1 0 none\nend 1\n";

    #[test]
    fn parses_records() {
        let r = parse(SAMPLE, 2).unwrap();
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
    }

    #[test]
    fn fails_loudly() {
        assert!(parse(SAMPLE, 3).is_err(), "a missing type must fail");
        assert!(parse(&SAMPLE.replace("pad 0 5 8", "pad 0 5"), 2).is_err());
        assert!(parse(&SAMPLE.replace("end 1\n", ""), 2).is_err());
        assert!(parse(&format!("{SAMPLE}hello 0\n"), 2).is_err());
        assert!(parse(&SAMPLE.replace("none", "maybe"), 2).is_err());
    }
}
