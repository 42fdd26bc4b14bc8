//! A Markdown table that renders on GitHub and in rustdoc: one table for a struct or union,
//! one per variant for an enum, padding and cache-line boundaries as rows of their own, full
//! field paths, and the summary as a list below. Every name and type is in a code span, so
//! that `Option<Self>` is never read as an HTML tag.

use core::fmt::{self, Display, Formatter, Write};

use super::facts::{self, Code, Markup, NoFields, Shape, TagPlace, UnknownBytes};
use super::names::FieldType;
use super::walk::{sections, Kind, Row, Title, View};
use super::wrap::{Items, Wrap};
use super::Diagram;

const M: Markup = Markup::Markdown;

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    paragraph(
        f,
        d,
        &format_args!("**{}** — {}", Code(M, facts::name(l)), Shape(l, M)),
    )?;
    if l.is_enum() && !l.variants().is_empty() {
        paragraph(f, d, &format_args!("Tag: {}.", TagPlace(l, M)))?;
    }
    for section in sections(d, View::Rows) {
        if section.is_leaf() {
            if let Some(note) = facts::leaf_note(l) {
                paragraph(f, d, &format_args!("{note}."))?;
            }
            continue;
        }
        if let Title::Variant { index, variant } = section.title {
            struct VariantTitle<'a>(&'a Diagram<'a>, usize, &'static crate::Variant, bool);
            impl Display for VariantTitle<'_> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    let (l, index, variant) = (self.0.layout, self.1, self.2);
                    let discriminant = l.discriminant(variant);
                    write!(f, "Variant {} = {discriminant}", Code(M, variant.name))?;
                    if !self.3 {
                        return Ok(());
                    }
                    write!(f, " {}", NoFields(l, index))
                }
            }
            let empty = section.fields().is_empty();
            paragraph(f, d, &VariantTitle(d, index, variant, empty))?;
        }
        if section.fields().is_empty() {
            continue;
        }
        header(f, d)?;
        section.walk(&mut |row| write_row(f, d, row))?;
        f.write_char('\n')?;
        if let Some(unknown) = section.unknown() {
            paragraph(f, d, &format_args!("{}.", UnknownBytes(unknown, M)))?;
        }
    }
    facts::summary(d, M, &mut |items| {
        f.write_str("- ")?;
        let mut list = Items::joined(Wrap::new(f, 2, d.width, 2), M.separator());
        for item in items {
            list.item(item)?;
        }
        list.finish()?;
        f.write_char('\n')
    })
}

/// A paragraph wrapped at the width, and the blank line after it.
fn paragraph(f: &mut Formatter<'_>, d: &Diagram, text: &dyn Display) -> fmt::Result {
    let mut wrap = Wrap::new(f, 0, d.width, 0);
    write!(wrap, "{text}")?;
    wrap.finish()?;
    f.write_str("\n\n")
}

fn header(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    if d.show_types {
        f.write_str("| offset | size | align | field | type |\n|---:|---:|---:|---|---|\n")
    } else {
        f.write_str("| offset | size | align | field |\n|---:|---:|---:|---|\n")
    }
}

fn write_row(f: &mut Formatter<'_>, d: &Diagram, row: &Row) -> fmt::Result {
    let start = row.bytes.map_or(0, |b| b.start);
    let len = row.bytes.map_or(0, |b| b.len());
    match row.kind {
        Kind::Field { field, align, .. } => {
            match row.bytes {
                Some(_) => write!(f, "| {start} ")?,
                None => f.write_str("| ? ")?,
            }
            write!(f, "| {} | {align} | ", field.size())?;
            if let Some(name) = row.name() {
                write!(f, "{}", Cell(Code(M, name)))?;
            }
            if d.show_types {
                write!(f, " | {}", Cell(Code(M, FieldType(field))))?;
            }
            f.write_str(" |\n")
        }
        Kind::Tag { value, niche } => {
            write!(f, "| {start} | {len} | | *tag*")?;
            let what = if niche { "niche value" } else { "discriminant" };
            if let Some(value) = value {
                write!(f, " ({what} {value})")?;
            }
            end(f, d)
        }
        Kind::Hole { trailing } => {
            let what = if trailing {
                "trailing padding"
            } else {
                "padding"
            };
            write!(f, "| {start} | {len} | | *{what}*")?;
            if let Some(within) = row.within() {
                write!(f, " in {}", Cell(Code(M, within)))?;
            }
            end(f, d)
        }
        Kind::Boundary { line } => {
            write!(f, "| {start} | | | *cache line {line} starts here*")?;
            end(f, d)
        }
        // The paragraph under the table says what is unknown; the others are painted only.
        Kind::Unknown | Kind::Elsewhere | Kind::Value => Ok(()),
    }
}

/// The rest of a row that has no type.
fn end(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    f.write_str(if d.show_types { " | |\n" } else { " |\n" })
}

/// Text in a table cell: `|` would end the cell, so it is escaped.
struct Cell<T>(T);

impl<T: Display> Display for Cell<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        struct Escape<'a, 'b>(&'a mut Formatter<'b>);
        impl Write for Escape<'_, '_> {
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
        write!(Escape(f), "{}", self.0)
    }
}
