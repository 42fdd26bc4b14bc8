//! Boxes: a proportional drawing of the bytes, like the pictures in articles about Rust's
//! memory layout. Every byte of every section gets the same number of columns and every line
//! the same bytes, so the variants of an enum can be compared by eye. A field is a cell with
//! its full path and type; where they do not fit, the cell shows a key that the legend below
//! explains. Padding is hatched, an enum's tag is marked, unknown bytes say so, and an offset
//! ruler sits above each line of boxes.

use core::fmt::{self, Display, Formatter, Write};

use super::bytemap::Key;
use super::facts::{self, Heading, Markup, UnknownBytes};
use super::names::FieldType;
use super::table::title;
use super::theme::Theme;
use super::walk::{pieces, sections, Kind, Row, Section, Title, View};
use super::width::pad_right;
use super::wrap::{columns, Items, Wrap};
use super::{digits, Diagram};
use crate::padding::ByteRange;

/// The most columns a byte gets: beyond it, long names show keys instead.
const MOST_COLUMNS: usize = 8;

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    let theme = Theme::of(d.ascii);
    title(f, d, Markup::Text(theme))?;
    if l.size == 0 {
        return writeln!(f, " (zero-sized: no bytes to draw)");
    }
    let scale = Scale::new(d);
    for section in sections(d, View::Bytes) {
        if !matches!(section.title, Title::Whole) {
            writeln!(f, " {}", Heading(&section, l, Markup::Text(theme)))?;
        }
        let pen = Pen {
            d,
            theme,
            scale,
            section: &section,
        };
        let mut start = 0;
        while start < l.size {
            let end = (start + scale.per_line).min(l.size);
            pen.line(f, start, end)?;
            start = end;
        }
        pen.legend(f)?;
    }
    glyphs(f, d, theme)
}

/// The glyphs that occur in any section, once for the whole drawing.
fn glyphs(f: &mut Formatter<'_>, d: &Diagram, theme: &'static Theme) -> fmt::Result {
    let occurs = |wanted: fn(&Kind) -> bool| sections(d, View::Bytes).any(|s| s.paints(wanted));
    let hole = occurs(|k| matches!(k, Kind::Hole { .. }));
    let elsewhere = occurs(|k| matches!(k, Kind::Elsewhere));
    if !(hole || elsewhere) {
        return Ok(());
    }
    const LEGEND: &str = " legend: ";
    f.write_str(LEGEND)?;
    let separator = Markup::Text(theme).separator();
    let mut items = Items::new(Wrap::new(f, LEGEND.len(), d.width, 8), separator);
    if hole {
        items.item(&format_args!("{} padding", theme.padding))?;
    }
    if elsewhere {
        items.item(&format_args!("{} another member", theme.elsewhere))?;
    }
    items.finish()?;
    f.write_char('\n')
}

/// Columns a byte and bytes a line, the same for every section.
#[derive(Clone, Copy)]
struct Scale {
    per_byte: usize,
    per_line: usize,
    letters: usize,
}

impl Scale {
    /// Enough columns a byte for every label to fit its cell, up to [`MOST_COLUMNS`], and at
    /// least what fills the width; lines of a multiple of 8 bytes when they do not hold the
    /// whole value, so that rows of boxes start at round offsets.
    fn new(d: &Diagram) -> Scale {
        let size = d.layout.size;
        let room = d.width - 2;
        let keys = sections(d, View::Bytes)
            .map(|s| s.keys())
            .max()
            .unwrap_or(0);
        let letters = Key::width(keys);
        let mut per_byte = (room / size).clamp(1, MOST_COLUMNS);
        for section in sections(d, View::Bytes) {
            section.each_painted(&mut |row, bytes| {
                let label = match row.kind {
                    Kind::Field { field, .. } => {
                        let name = row.name().map_or(0, |n| columns(&n));
                        let ty = if d.show_types {
                            columns(&FieldType(field))
                        } else {
                            0
                        };
                        name.max(ty)
                    }
                    Kind::Value => columns(&facts::name(d.layout)),
                    Kind::Tag { .. } => "tag".len(),
                    _ => 1,
                };
                // A label that cannot fit even at the most columns shows its key instead.
                let mut wanted = (label.max(letters) + 1).div_ceil(bytes.len());
                if wanted > MOST_COLUMNS {
                    wanted = (letters + 1).div_ceil(bytes.len());
                }
                per_byte = per_byte.max(wanted.min(MOST_COLUMNS));
            });
        }
        let per_byte = per_byte.min(room);
        let mut per_line = (room / per_byte).max(1);
        if per_line >= size {
            per_line = size;
        } else if per_line >= 8 {
            per_line -= per_line % 8;
        }
        Scale {
            per_byte,
            per_line,
            letters,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Name,
    Type,
}

struct Pen<'a> {
    d: &'a Diagram<'a>,
    theme: &'static Theme,
    scale: Scale,
    section: &'a Section<'a>,
}

impl Pen<'_> {
    /// Calls `visit` with each painted row's part in `start..end`: its first byte there and
    /// the columns inside its cell.
    fn cells(
        &self,
        start: usize,
        end: usize,
        visit: &mut dyn FnMut(&Row<'_>, usize, usize) -> fmt::Result,
    ) -> fmt::Result {
        self.section
            .paint(ByteRange { start, end }, &mut |row, part| {
                visit(row, part.start, part.len() * self.scale.per_byte - 1)
            })
    }

    fn line(&self, f: &mut Formatter<'_>, start: usize, end: usize) -> fmt::Result {
        self.ruler(f, start, end)?;
        self.border(f, start, end, self.theme.top)?;
        self.labels(f, start, end, Label::Name)?;
        if self.d.show_types {
            self.labels(f, start, end, Label::Type)?;
        }
        self.border(f, start, end, self.theme.bottom)
    }

    /// Offsets above each cell's left edge and at the line's end, where they fit.
    fn ruler(&self, f: &mut Formatter<'_>, start: usize, end: usize) -> fmt::Result {
        f.write_char(' ')?;
        let mut written = 0;
        let mut mark = |f: &mut Formatter<'_>, offset: usize| -> fmt::Result {
            let column = (offset - start) * self.scale.per_byte;
            if written == 0 || column > written {
                for _ in written..column {
                    f.write_char(' ')?;
                }
                write!(f, "{offset}")?;
                written = column + digits(offset);
            }
            Ok(())
        };
        self.cells(start, end, &mut |_, from, _| mark(f, from))?;
        mark(f, end)?;
        f.write_char('\n')
    }

    fn border(
        &self,
        f: &mut Formatter<'_>,
        start: usize,
        end: usize,
        corners: [&str; 3],
    ) -> fmt::Result {
        f.write_char(' ')?;
        f.write_str(corners[0])?;
        let mut first = true;
        self.cells(start, end, &mut |_, _, inner| {
            if !first {
                f.write_str(corners[1])?;
            }
            first = false;
            for _ in 0..inner {
                f.write_str(self.theme.line)?;
            }
            Ok(())
        })?;
        f.write_str(corners[2])?;
        f.write_char('\n')
    }

    fn labels(&self, f: &mut Formatter<'_>, start: usize, end: usize, which: Label) -> fmt::Result {
        f.write_char(' ')?;
        f.write_str(self.theme.side)?;
        self.cells(start, end, &mut |row, _, inner| {
            self.label(f, row, inner, which)?;
            f.write_str(self.theme.side)
        })?;
        f.write_char('\n')
    }

    fn label(&self, f: &mut Formatter<'_>, row: &Row, inner: usize, which: Label) -> fmt::Result {
        let t = self.theme;
        match (row.kind, which) {
            (Kind::Field { field, .. }, _) => {
                let key = Key(row.key().unwrap_or(0), self.scale.letters);
                let name = row.name();
                let name_fits = name.as_ref().is_some_and(|n| columns(n) <= inner);
                let type_fits = !self.d.show_types || columns(&FieldType(field)) <= inner;
                match which {
                    Label::Name if name_fits => centered(f, name.as_ref().map(|n| n as _), inner),
                    Label::Name => centered(f, Some(&key), inner),
                    Label::Type if type_fits => centered(f, Some(&FieldType(field)), inner),
                    Label::Type if name_fits => centered(f, Some(&key), inner),
                    Label::Type => centered(f, None, inner),
                }
            }
            (Kind::Value, Label::Name) => {
                let name = facts::name(self.d.layout);
                if columns(&name) <= inner {
                    centered(f, Some(&name), inner)
                } else {
                    centered(f, Some(&Key(0, self.scale.letters)), inner)
                }
            }
            (Kind::Value, Label::Type) => centered(f, None, inner),
            (Kind::Tag { .. }, Label::Name) if inner >= 3 => centered(f, Some(&"tag"), inner),
            (Kind::Tag { value: Some(v), .. }, Label::Type)
                if columns(&format_args!("= {v}")) <= inner =>
            {
                centered(f, Some(&format_args!("= {v}")), inner)
            }
            (Kind::Tag { .. }, _) => fill(f, t.tag, inner),
            (Kind::Unknown, Label::Name) if inner >= "unknown".len() => {
                centered(f, Some(&"unknown"), inner)
            }
            (Kind::Unknown, _) => fill(f, t.unknown, inner),
            (Kind::Elsewhere, _) => fill(f, t.elsewhere, inner),
            (Kind::Hole { .. } | Kind::Boundary { .. }, _) => fill(f, t.padding, inner),
        }
    }

    /// Whether some part of `row` shows a key instead of its name or type.
    fn keyed(&self, row: &Row) -> bool {
        let Some(bytes) = row.bytes else {
            return false;
        };
        let name = match (row.kind, row.name()) {
            (Kind::Field { .. }, Some(name)) => columns(&name),
            (Kind::Value, _) => columns(&facts::name(self.d.layout)),
            _ => return false,
        };
        let ty = match (row.field(), self.d.show_types) {
            (Some(field), true) => columns(&FieldType(field)),
            _ => 0,
        };
        // Lines cut the row into parts; the narrowest decides.
        pieces(bytes, self.scale.per_line).any(|part| {
            let inner = part.len() * self.scale.per_byte - 1;
            name > inner || ty > inner
        })
    }

    /// The keys that cells show, with the full path and type each stands for, and what is
    /// unknown.
    fn legend(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (t, s) = (self.theme, self.section);
        let mut keyed = false;
        s.each(&mut |row| keyed |= row.painted() && self.keyed(row));
        let unknown = s.unknown();
        if !keyed && unknown.is_none() {
            return Ok(());
        }
        const LEGEND: &str = " legend: ";
        f.write_str(LEGEND)?;
        let m = Markup::Text(t);
        let mut items = Items::new(Wrap::new(f, LEGEND.len(), self.d.width, 8), m.separator());
        s.walk(&mut |row| {
            if !row.painted() || !self.keyed(row) {
                return Ok(());
            }
            let key = Key(row.key().unwrap_or(0), self.scale.letters);
            match (row.name(), row.field()) {
                (Some(name), Some(field)) if self.d.show_types => {
                    items.item(&format_args!("{key} {name}: {}", FieldType(field)))
                }
                (Some(name), _) => items.item(&format_args!("{key} {name}")),
                _ => items.item(&format_args!("{key} {}", facts::name(self.d.layout))),
            }
        })?;
        if let Some(unknown) = unknown {
            let sentence = UnknownBytes(unknown, m);
            items.item(&format_args!("{} unknown: {sentence}", t.unknown))?;
        }
        items.finish()?;
        f.write_char('\n')
    }
}

/// `text` centred in `width` columns; blank for `None` or text that does not fit.
fn centered(f: &mut Formatter<'_>, text: Option<&dyn Display>, width: usize) -> fmt::Result {
    let text = text.filter(|t| columns(*t) <= width);
    let used = text.map_or(0, columns);
    let left = (width - used) / 2;
    for _ in 0..left {
        f.write_char(' ')?;
    }
    if let Some(text) = text {
        write!(f, "{text}")?;
    }
    pad_right(f, "", width - left - used)
}

fn fill(f: &mut Formatter<'_>, glyph: &str, width: usize) -> fmt::Result {
    for _ in 0..width {
        f.write_str(glyph)?;
    }
    Ok(())
}
