//! The default table rendering of a [`TypeLayout`].

use crate::model::{Field, ReprBase, ReprModifier, Shape, TypeLayout};
use crate::niche::{LargestNiche, NicheCount, UnknownReason};
use crate::{PointerMeta, Tag};
use core::fmt::{self, Display, Formatter, Write};

/// A pahole-like table: one row per field in memory order, padding holes as rows of their
/// own, and a summary line. `Display for TypeLayout` prints this.
#[derive(Clone, Copy, Debug)]
pub struct Table<'a> {
    layout: &'a TypeLayout,
}

impl<'a> Table<'a> {
    /// A table of `layout`.
    pub const fn new(layout: &'a TypeLayout) -> Self {
        Table { layout }
    }
}

impl Display for TypeLayout {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Table::new(self).fmt(f)
    }
}

/// A type name from [`core::any::type_name`] without module paths
/// (`alloc::vec::Vec<my::Point>` → `Vec<Point>`).
#[derive(Clone, Copy, Debug)]
pub struct ShortTypeName<'a>(pub &'a str);

impl Display for ShortTypeName<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut segment_start = 0;
        let mut i = 0;
        let bytes = s.as_bytes();
        while i < bytes.len() {
            let c = bytes[i];
            if c == b':' && bytes.get(i + 1) == Some(&b':') {
                // A path separator: what came before it was a module, drop it.
                i += 2;
                segment_start = i;
                continue;
            }
            if !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80) {
                f.write_str(&s[segment_start..=i])?;
                segment_start = i + 1;
            }
            i += 1;
        }
        f.write_str(&s[segment_start..])
    }
}

impl Display for Table<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let l = self.layout;
        write_header(f, l)?;
        if l.shape == Shape::Enum && (!l.variants.is_empty() || l.tag != Tag::None) {
            write_enum(f, l)?;
        } else if l.has_fields() && !l.fields.is_empty() {
            write_rows(f, l, l.fields, l.padding(), None)?;
        } else if let Some(note) = leaf_note(l) {
            writeln!(f, "  {note}")?;
        }
        write_summary(f, l)
    }
}

fn write_header(f: &mut Formatter<'_>, l: &TypeLayout) -> fmt::Result {
    write!(
        f,
        "{}  {} bytes, align {}",
        ShortTypeName((l.type_name)()),
        l.size,
        l.align
    )?;
    let shape = match l.shape {
        Shape::Union => Some("union"),
        Shape::Enum => Some("enum"),
        Shape::Opaque => Some("opaque"),
        _ => None,
    };
    if let Some(shape) = shape {
        write!(f, ", {shape}")?;
    }
    write_repr(f, l)?;
    f.write_char('\n')
}

fn write_repr(f: &mut Formatter<'_>, l: &TypeLayout) -> fmt::Result {
    let base = match l.repr.base {
        ReprBase::Rust => None,
        ReprBase::C => Some("C"),
        ReprBase::Transparent => Some("transparent"),
        ReprBase::Int(i) => Some(i.as_str()),
        ReprBase::CInt(_) => Some("C"),
    };
    let modifier = l.repr.modifier;
    if base.is_none() && modifier == ReprModifier::None {
        return Ok(());
    }
    f.write_str(", repr(")?;
    let mut sep = "";
    if let Some(base) = base {
        f.write_str(base)?;
        sep = ", ";
    }
    if let ReprBase::CInt(i) = l.repr.base {
        write!(f, ", {}", i.as_str())?;
    }
    match modifier {
        ReprModifier::None => {}
        ReprModifier::Packed(1) => write!(f, "{sep}packed")?,
        ReprModifier::Packed(n) => write!(f, "{sep}packed({n})")?,
        ReprModifier::Align(n) => write!(f, "{sep}align({n})")?,
    }
    f.write_char(')')
}

fn leaf_note(l: &TypeLayout) -> Option<&'static str> {
    match l.shape {
        Shape::Pointer(PointerMeta::Thin) => Some("pointer: address"),
        Shape::Pointer(PointerMeta::Wide) => {
            Some("wide pointer: address + length (slices, str) or vtable (trait objects)")
        }
        Shape::Opaque => Some("fields not described (private or unspecified)"),
        Shape::Enum => Some("variants not described (a standard enum)"),
        Shape::Array { .. } => Some("elements are contiguous, no padding between them"),
        _ => None,
    }
}

/// Width of the field-name column, in characters.
fn name_width(fields: &[Field]) -> usize {
    fields
        .iter()
        .map(|field| field.name.chars().count())
        .fold("field".len(), usize::max)
}

fn write_type(f: &mut Formatter<'_>, field: &Field) -> fmt::Result {
    if field.ty.is_empty() {
        writeln!(f, "{}", ShortTypeName(field.type_name()))
    } else {
        writeln!(f, "{}", field.ty)
    }
}

/// Rows for `fields` in memory order, with the padding holes (and an enum's tag) between
/// them.
fn write_rows(
    f: &mut Formatter<'_>,
    l: &TypeLayout,
    fields: &'static [Field],
    padding: crate::Padding,
    tag: Option<crate::ByteRange>,
) -> fmt::Result {
    let name_w = name_width(fields);
    writeln!(
        f,
        " {:>6}  {:>4}  {:>5}  {:<name_w$}  type",
        "offset", "size", "align", "field"
    )?;
    if let Some(tag) = tag {
        writeln!(
            f,
            " {:>6}  {:>4}  {:>5}  {:<name_w$}  discriminant",
            tag.start,
            tag.len(),
            "",
            "(tag)"
        )?;
    }
    let mut holes = padding.peekable();
    let mut last = None;
    while let Some(i) = crate::order::next_by_offset(fields, last) {
        let field = &fields[i];
        last = Some((field.offset, i));
        while let Some(hole) = holes.next_if(|h| h.start <= field.offset) {
            write_hole(f, hole.start, hole.len(), hole.end == l.size)?;
        }
        write!(
            f,
            " {:>6}  {:>4}  {:>5}  {:<name_w$}  ",
            field.offset,
            field.size,
            l.field_align(field),
            field.name,
        )?;
        write_type(f, field)?;
    }
    for hole in holes {
        write_hole(f, hole.start, hole.len(), hole.end == l.size)?;
    }
    Ok(())
}

fn write_hole(f: &mut Formatter<'_>, start: usize, len: usize, trailing: bool) -> fmt::Result {
    let what = if trailing {
        "trailing padding"
    } else {
        "padding"
    };
    writeln!(f, " {start:>6}  {len:>4}  {:>5}  ░ {what}", "")
}

fn write_enum(f: &mut Formatter<'_>, l: &TypeLayout) -> fmt::Result {
    match l.tag {
        Tag::Direct { offset, size } => {
            writeln!(f, " tag: bytes {offset}..{} (discriminant)", offset + size)?
        }
        Tag::Unknown => writeln!(
            f,
            " tag: location unknown (repr(Rust) enums with data do not specify it)"
        )?,
        Tag::None => writeln!(f, " tag: none")?,
    }
    for v in l.variants {
        write!(f, " variant {} = {}", v.name, v.discriminant)?;
        if v.fields.is_empty() {
            writeln!(f, "  (no fields)")?;
            continue;
        }
        match v.padding(l) {
            Some(padding) => {
                f.write_char('\n')?;
                write_rows(f, l, v.fields, padding, l.tag_range())?;
            }
            None => {
                writeln!(f, "  (offsets unknown in const: see LayoutOfVal)")?;
                let name_w = name_width(v.fields);
                writeln!(
                    f,
                    " {:>6}  {:>4}  {:>5}  {:<name_w$}  type",
                    "offset", "size", "align", "field"
                )?;
                for field in v.fields {
                    write!(
                        f,
                        " {:>6}  {:>4}  {:>5}  {:<name_w$}  ",
                        "?", field.size, field.align, field.name
                    )?;
                    write_type(f, field)?;
                }
            }
        }
    }
    Ok(())
}

fn write_summary(f: &mut Formatter<'_>, l: &TypeLayout) -> fmt::Result {
    f.write_char(' ')?;
    if l.has_fields() {
        let pad = l.padding_bytes();
        write!(f, "fields {} B · padding {} B", l.size - pad, pad)?;
        if let Some(tenths) = (pad * 1000 + l.size / 2).checked_div(l.size) {
            write!(f, " ({}.{}%)", tenths / 10, tenths % 10)?;
        }
        f.write_str(" · ")?;
    }
    write_niche(f, l)?;
    f.write_char('\n')
}

fn write_niche(f: &mut Formatter<'_>, l: &TypeLayout) -> fmt::Result {
    let fits = if l.niche.option_fits {
        "Option<Self> is the same size"
    } else {
        "Option<Self> is larger"
    };
    match l.niche.largest {
        LargestNiche::None => write!(f, "no niche · {fits}"),
        LargestNiche::Known(n) => {
            write!(f, "niche: ")?;
            write_count(f, NicheCount::Exact(n.available()))?;
            write!(f, " at byte {}", n.offset)?;
            if n.size > 1 {
                write!(f, "..{}", n.offset + n.size)?;
            }
            let mut sep = " (";
            for field in l.niche_path() {
                write!(f, "{sep}{}", field.name)?;
                sep = ".";
            }
            if sep == "." {
                f.write_char(')')?;
            }
            write!(f, " · {fits}")
        }
        LargestNiche::Unknown { count, reason } => {
            write!(f, "niche: ")?;
            write_count(f, count)?;
            let why = match reason {
                UnknownReason::Opaque => "inside an opaque type",
                UnknownReason::Tie => "tie between fields",
                UnknownReason::EnumTag => "enum tag",
            };
            write!(f, ", location unknown ({why}) · {fits}")
        }
    }
}

fn write_count(f: &mut Formatter<'_>, count: NicheCount) -> fmt::Result {
    match count {
        NicheCount::Exact(n) => write!(f, "{n} free values"),
        NicheCount::AtLeast(n) => write!(f, "≥{n} free values"),
    }
}
