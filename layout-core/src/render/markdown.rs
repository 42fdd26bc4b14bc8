//! A Markdown table that renders on GitHub and in rustdoc: one table for a struct or union,
//! one per variant for an enum, padding as rows of its own, and the summary below.

use core::fmt::{self, Formatter, Write};

use super::buffer::Buffer;
use super::table::{expandable, write_niche, write_repr, write_type, ShortTypeName};
use super::Diagram;
use crate::model::{Field, TypeLayout};
use crate::padding::{ByteRange, Padding};
use crate::Tag;

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    write!(
        f,
        "**`{}`** — {}, align {}",
        ShortTypeName(l.type_name.get()),
        super::Bytes(l.size),
        l.align
    )?;
    let mut repr = Escaped::default();
    write_repr(&mut repr, l)?;
    if !repr.0.is_empty() {
        // `write_repr` writes ", repr(..)".
        write!(f, ", `{}`", repr.as_str().trim_start_matches(", "))?;
    }
    f.write_str("\n\n")?;
    if l.is_enum() && (!l.variants().is_empty() || l.tag() != Tag::None) {
        match l.tag() {
            Tag::Direct { offset, size } => {
                writeln!(f, "Tag: bytes {offset}..{}.\n", offset + size)?
            }
            Tag::Niche { offset, size, .. } => writeln!(
                f,
                "Tag: in a niche, bytes {offset}..{} (values the untagged variant never holds).\n",
                offset + size
            )?,
            Tag::Unknown => writeln!(f, "Tag: location unknown (not specified by Rust).\n")?,
            _ => {}
        }
        for (i, v) in l.variants().iter().enumerate() {
            write!(f, "Variant `{}` = {}", v.name, l.discriminant(v))?;
            if v.fields.is_empty() {
                f.write_str(" (no fields)\n\n")?;
                continue;
            }
            f.write_str("\n\n")?;
            header(f, d)?;
            match l.variant_padding(i) {
                Some(padding) => rows(f, d, l, v.fields, 0, padding, l.tag_range_of(i), 0)?,
                None => {
                    for field in v.fields {
                        write!(f, "| ? | {} | {} | ", field.size(), field.align())?;
                        name_and_type(f, d, field, 0)?;
                    }
                }
            }
            if !v.offsets_known() {
                f.write_str("\nOffsets unknown in `const` (see `LayoutOfVal`).\n")?;
            }
            f.write_char('\n')?;
        }
    } else if l.has_fields() && !l.fields().is_empty() {
        header(f, d)?;
        rows(f, d, l, l.fields(), 0, l.padding(), None, 0)?;
        f.write_char('\n')?;
    }
    summary(f, l)
}

fn header(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    if d.show_types {
        f.write_str("| offset | size | align | field | type |\n|---:|---:|---:|---|---|\n")
    } else {
        f.write_str("| offset | size | align | field |\n|---:|---:|---:|---|\n")
    }
}

#[allow(clippy::too_many_arguments)]
fn rows(
    f: &mut Formatter<'_>,
    d: &Diagram,
    owner: &TypeLayout,
    fields: &'static [Field],
    base: usize,
    padding: Padding,
    tag: Option<ByteRange>,
    level: usize,
) -> fmt::Result {
    if let Some(tag) = tag {
        write!(f, "| {} | {} | | *tag*", tag.start, tag.len())?;
        f.write_str(if d.show_types { " | |\n" } else { " |\n" })?;
    }
    let mut holes = padding.peekable();
    let mut last = None;
    while let Some(i) = crate::order::next_by_offset(fields, last) {
        let field = &fields[i];
        last = Some((field.placed(), i));
        while let Some(hole) = holes.next_if(|h| h.start <= field.placed()) {
            hole_row(f, d, base, hole)?;
        }
        write!(
            f,
            "| {} | {} | {} | ",
            base + field.placed(),
            field.size(),
            owner.field_align(field)
        )?;
        name_and_type(f, d, field, level)?;
        if level < d.depth {
            if let Some(inner) = expandable(field) {
                let at = base + field.placed();
                rows(
                    f,
                    d,
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
        hole_row(f, d, base, hole)?;
    }
    Ok(())
}

fn hole_row(f: &mut Formatter<'_>, d: &Diagram, base: usize, hole: ByteRange) -> fmt::Result {
    write!(f, "| {} | {} | | *padding*", base + hole.start, hole.len())?;
    f.write_str(if d.show_types { " | |\n" } else { " |\n" })
}

fn name_and_type(f: &mut Formatter<'_>, d: &Diagram, field: &Field, level: usize) -> fmt::Result {
    // Nested fields are indented with non-breaking spaces, which Markdown keeps.
    for _ in 0..level {
        f.write_str("\u{a0}\u{a0}")?;
    }
    write!(f, "`{}`", field.name)?;
    if d.show_types {
        let mut ty = Escaped::default();
        write_type(&mut ty, field)?;
        write!(f, " | `{}`", ty.as_str())?;
    }
    f.write_str(" |\n")
}

fn summary(f: &mut Formatter<'_>, l: &TypeLayout) -> fmt::Result {
    if l.has_fields() {
        let pad = l.padding_bytes();
        write!(f, "{} B in fields, {} B of padding", l.size - pad, pad)?;
        if let Some(tenths) = (pad * 1000 + l.size / 2).checked_div(l.size) {
            write!(f, " ({}.{}%)", tenths / 10, tenths % 10)?;
        }
        f.write_str(" · ")?;
    }
    let mut niche = Escaped::default();
    write_niche(&mut niche, l)?;
    writeln!(f, "{}", niche.as_str())
}

/// Writes into a [`Buffer`] with `|` escaped (it would end a table cell).
#[derive(Default)]
struct Escaped(Buffer);

impl Escaped {
    fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl Write for Escaped {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for part in s.split_inclusive('|') {
            match part.strip_suffix('|') {
                Some(before) => {
                    self.0.write_str(before)?;
                    self.0.write_str("\\|")?;
                }
                None => self.0.write_str(part)?,
            }
        }
        Ok(())
    }
}
