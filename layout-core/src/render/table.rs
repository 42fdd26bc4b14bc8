//! The table: pahole-like rows in memory order, padding holes as rows of their own, cache-line
//! boundaries, nested fields to a chosen depth, and a summary line.

use core::fmt::{self, Display, Formatter, Write};

use super::advice::{cache_lines, reordered};
use super::width::{pad_right, str_width};
use super::Diagram;
use crate::model::{Body, Field, TypeLayout};
use crate::niche::{LargestNiche, NicheCount, UnknownReason};
use crate::padding::{ByteRange, Padding};
use crate::{PointerMeta, Tag};

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

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    write_header(f, l)?;
    if l.is_enum() && (!l.variants().is_empty() || l.tag() != Tag::None) {
        write_enum(f, d)?;
    } else if l.has_fields() && !l.fields().is_empty() {
        let mut rows = Rows::new(d, l.fields());
        rows.header(f)?;
        rows.section(f, l, l.fields(), 0, l.padding(), None, 0)?;
    } else if let Some(note) = leaf_note(l) {
        writeln!(f, "  {note}")?;
    }
    write_summary(f, d)
}

pub(super) fn write_header(f: &mut Formatter<'_>, l: &TypeLayout) -> fmt::Result {
    write!(
        f,
        "{}  {}, align {}",
        ShortTypeName(l.type_name.get()),
        super::Bytes(l.size),
        l.align
    )?;
    let shape = match l.body {
        Body::Union { .. } => Some("union"),
        Body::Enum { .. } => Some("enum"),
        Body::Opaque => Some("opaque"),
        _ => None,
    };
    if let Some(shape) = shape {
        write!(f, ", {shape}")?;
    }
    write_repr(f, l)?;
    f.write_char('\n')
}

pub(super) fn write_repr(f: &mut dyn Write, l: &TypeLayout) -> fmt::Result {
    if l.repr.is_default() {
        return Ok(());
    }
    write!(f, ", {}", l.repr)
}

pub(super) fn leaf_note(l: &TypeLayout) -> Option<&'static str> {
    match l.body {
        Body::Pointer(PointerMeta::Thin) => Some("pointer: address"),
        Body::Pointer(PointerMeta::Wide) => {
            Some("wide pointer: address + length (slices, str) or vtable (trait objects)")
        }
        Body::Opaque => Some("fields not described (private or unspecified)"),
        Body::Enum { variants: [], .. } => Some("no variants: no value of this type can exist"),
        Body::Array { .. } => Some("elements are contiguous, no padding between them"),
        Body::Scalar => Some("scalar"),
        _ => None,
    }
}

/// The type text of a field: as written, or the instantiated name where the written one
/// would say less (a type that mentions the container's generic parameters, tuple and array
/// elements, which have no source text).
pub(super) fn write_type(f: &mut dyn Write, field: &Field) -> fmt::Result {
    if field.ty.is_empty() || field.generic {
        write!(f, "{}", ShortTypeName(field.type_name()))
    } else {
        f.write_str(field.ty)
    }
}

/// Whether a field's own fields are worth listing under it.
pub(super) fn expandable(field: &Field) -> Option<&'static TypeLayout> {
    field
        .nested()
        .filter(|n| n.has_fields() && !n.fields().is_empty())
}

/// Writes rows; remembers the next cache-line boundary so that boundary rows appear where
/// the bytes cross one.
struct Rows<'d> {
    d: &'d Diagram<'d>,
    name_width: usize,
    next_boundary: usize,
}

impl<'d> Rows<'d> {
    fn new(d: &'d Diagram<'d>, fields: &'static [Field]) -> Self {
        let boundary = if d.layout.size > d.cache_line {
            d.cache_line
        } else {
            usize::MAX
        };
        Rows {
            d,
            name_width: name_width(fields, d.depth, 0).max("field".len()),
            next_boundary: boundary,
        }
    }

    fn header(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, " {:>6}  {:>4}  {:>5}  ", "offset", "size", "align")?;
        if self.d.show_types {
            pad_right(f, "field", self.name_width)?;
            f.write_str("  type\n")
        } else {
            f.write_str("field\n")
        }
    }

    fn boundaries_before(&mut self, f: &mut Formatter<'_>, offset: usize) -> fmt::Result {
        while offset >= self.next_boundary {
            let line = self.next_boundary / self.d.cache_line;
            let rule = if self.d.ascii { "--" } else { "──" };
            writeln!(
                f,
                " {rule} cache line {line} (byte {}) {rule}",
                self.next_boundary
            )?;
            self.next_boundary += self.d.cache_line;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn section(
        &mut self,
        f: &mut Formatter<'_>,
        owner: &TypeLayout,
        fields: &'static [Field],
        base: usize,
        padding: Padding,
        tag: Option<ByteRange>,
        level: usize,
    ) -> fmt::Result {
        if let Some(tag) = tag {
            write!(f, " {:>6}  {:>4}  {:>5}  ", tag.start + base, tag.len(), "")?;
            self.name(f, "(tag)", level, Some("discriminant"))?;
        }
        let mut holes = padding.peekable();
        let mut last = None;
        while let Some(i) = crate::order::next_by_offset(fields, last) {
            let field = &fields[i];
            last = Some((field.placed(), i));
            while let Some(hole) = holes.next_if(|h| h.start <= field.placed()) {
                self.hole(f, base, hole, owner.size, level)?;
            }
            self.boundaries_before(f, base + field.placed())?;
            write!(
                f,
                " {:>6}  {:>4}  {:>5}  ",
                base + field.placed(),
                field.size(),
                owner.field_align(field)
            )?;
            self.field_name(f, field, level)?;
            if level < self.d.depth {
                if let Some(inner) = expandable(field) {
                    let at = base + field.placed();
                    self.section(
                        f,
                        inner,
                        inner.fields(),
                        at,
                        inner.padding(),
                        None,
                        level + 1,
                    )?;
                }
            }
        }
        for hole in holes {
            self.hole(f, base, hole, owner.size, level)?;
        }
        Ok(())
    }

    fn hole(
        &mut self,
        f: &mut Formatter<'_>,
        base: usize,
        hole: ByteRange,
        owner_size: usize,
        level: usize,
    ) -> fmt::Result {
        self.boundaries_before(f, base + hole.start)?;
        let what = if hole.end == owner_size {
            "trailing padding"
        } else {
            "padding"
        };
        let shade = if self.d.ascii { "#" } else { "░" };
        write!(
            f,
            " {:>6}  {:>4}  {:>5}  ",
            base + hole.start,
            hole.len(),
            ""
        )?;
        indent(f, level)?;
        writeln!(f, "{shade} {what}")
    }

    fn field_name(&self, f: &mut Formatter<'_>, field: &Field, level: usize) -> fmt::Result {
        indent(f, level)?;
        if !self.d.show_types {
            return writeln!(f, "{}", field.name);
        }
        pad_right(f, field.name, self.name_width - 2 * level)?;
        f.write_str("  ")?;
        write_type(f, field)?;
        f.write_char('\n')
    }

    fn name(
        &self,
        f: &mut Formatter<'_>,
        name: &str,
        level: usize,
        ty: Option<&str>,
    ) -> fmt::Result {
        indent(f, level)?;
        match ty {
            Some(ty) if self.d.show_types => {
                pad_right(f, name, self.name_width - 2 * level)?;
                writeln!(f, "  {ty}")
            }
            _ => writeln!(f, "{name}"),
        }
    }
}

fn indent(f: &mut Formatter<'_>, level: usize) -> fmt::Result {
    for _ in 0..level {
        f.write_str("  ")?;
    }
    Ok(())
}

/// The widest name column, counting the indentation of nested levels.
fn name_width(fields: &'static [Field], depth: usize, level: usize) -> usize {
    let mut width = 0;
    for field in fields {
        width = width.max(2 * level + str_width(field.name));
        if level < depth {
            if let Some(inner) = expandable(field) {
                width = width.max(name_width(inner.fields(), depth, level + 1));
            }
        }
    }
    width.max(2 * level + "(tag)".len())
}

fn write_enum(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    match l.tag() {
        Tag::Direct { offset, size } => {
            writeln!(f, " tag: bytes {offset}..{} (discriminant)", offset + size)?
        }
        Tag::Niche { offset, size, .. } => writeln!(
            f,
            " tag: in a niche, bytes {offset}..{} (values the untagged variant never holds)",
            offset + size
        )?,
        Tag::Unknown => writeln!(f, " tag: location unknown (not specified by Rust)")?,
        _ => writeln!(f, " tag: none")?,
    }
    let all = l.variants();
    for (i, v) in all.iter().enumerate() {
        write!(f, " variant {} = {}", v.name, l.discriminant(v))?;
        if v.fields.is_empty() {
            writeln!(f, "  (no fields)")?;
            continue;
        }
        let mut rows = Rows::new(d, v.fields);
        match l.variant_padding(i) {
            Some(padding) => {
                f.write_char('\n')?;
                rows.header(f)?;
                rows.section(f, l, v.fields, 0, padding, l.tag_range_of(i), 0)?;
            }
            None => {
                writeln!(f, "  (offsets unknown in const: see LayoutOfVal)")?;
                rows.header(f)?;
                for field in v.fields {
                    write!(
                        f,
                        " {:>6}  {:>4}  {:>5}  ",
                        "?",
                        field.size(),
                        field.align()
                    )?;
                    rows.field_name(f, field, 0)?;
                }
            }
        }
    }
    Ok(())
}

fn write_summary(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    f.write_char(' ')?;
    if l.has_fields() {
        let pad = l.padding_bytes();
        write!(f, "fields {} B · padding {} B", l.size - pad, pad)?;
        if let Some(tenths) = (pad * 1000 + l.size / 2).checked_div(l.size) {
            write!(f, " ({}.{}%)", tenths / 10, tenths % 10)?;
        }
        f.write_str(" · ")?;
    }
    let lines = cache_lines(l.size, d.cache_line);
    if lines > 0 {
        let s = if lines == 1 { "" } else { "s" };
        write!(f, "{lines} cache line{s} · ")?;
    }
    write_niche(f, l)?;
    if let Some(better) = reordered(l) {
        // Long orders are cut: the first few fields say the rule (largest alignment first).
        const SHOWN: usize = 8;
        f.write_str(" · reordering (")?;
        for (i, field) in better.order().enumerate() {
            if i == SHOWN {
                write!(f, ", … {} fields", l.fields().len())?;
                break;
            }
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(field.name)?;
        }
        write!(f, ") saves {} B → {}", l.size - better.size, better.size)?;
    }
    f.write_char('\n')
}

pub(super) fn write_niche(f: &mut dyn Write, l: &TypeLayout) -> fmt::Result {
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

fn write_count(f: &mut dyn Write, count: NicheCount) -> fmt::Result {
    match count {
        NicheCount::Exact(1) => write!(f, "1 free value"),
        NicheCount::Exact(n) => write!(f, "{n} free values"),
        NicheCount::AtLeast(n) => write!(f, "≥{n} free values"),
    }
}
