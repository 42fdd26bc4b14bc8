//! The byte map: one line per `bytes_per_row` bytes, one label per byte naming the field that
//! owns it, padding shaded, and a legend with every field's full path. Unions get one group per
//! member and enums one per variant, all with the same columns; an enum's tag bytes are
//! marked, and bytes whose owner is unknown are drawn as unknown, never as if known.

use core::fmt::{self, Display, Formatter, Write};

use super::facts::{self, Heading, Markup, UnknownBytes};
use super::names::FieldType;
use super::table::title;
use super::theme::Theme;
use super::walk::{sections, Kind, Row, Section, Title, View};
use super::wrap::{Items, Wrap};
use super::{digits, Diagram};

/// The letters that name painted fields, in turn; past 62 fields, two letters each.
const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// The columns before the first byte of a line: ` {offset:>6}`.
const MARGIN: usize = 7;

/// The key of painted field number `.0`, in `.1` letters.
#[derive(Clone, Copy)]
pub(super) struct Key(pub usize, pub usize);

impl Key {
    /// How many letters a key needs when there are `count` of them.
    pub fn width(count: usize) -> usize {
        let mut width = 1;
        let mut reach = LETTERS.len();
        while reach < count {
            width += 1;
            reach = reach.saturating_mul(LETTERS.len());
        }
        width
    }
}

impl Display for Key {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let n = LETTERS.len();
        for place in (0..self.1).rev() {
            let digit = (self.0 / n.pow(place as u32)) % n;
            f.write_char(LETTERS[digit] as char)?;
        }
        Ok(())
    }
}

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    let theme = Theme::of(d.ascii);
    title(f, d, Markup::Text(theme))?;
    if l.size == 0 {
        return writeln!(f, " (zero-sized: no bytes to map)");
    }
    let keys = sections(d, View::Bytes)
        .map(|s| s.keys())
        .max()
        .unwrap_or(0);
    let grid = Grid::new(d, Key::width(keys));
    for section in sections(d, View::Bytes) {
        if !matches!(section.title, Title::Whole) {
            writeln!(f, " {}", Heading(&section, l, Markup::Text(theme)))?;
        }
        grid.write(f, &section, theme)?;
        legend(f, d, &section, theme, grid.letters)?;
    }
    Ok(())
}

/// The columns of the map, the same for every section.
struct Grid {
    letters: usize,
    /// Bytes a line: as asked, or fewer when the line would not fit the width.
    per_row: usize,
    /// Columns a byte, at least as many as its label and its column number.
    cell: usize,
}

impl Grid {
    fn new(d: &Diagram, letters: usize) -> Self {
        let cell = |per_row: usize| letters.max(digits(per_row - 1));
        let mut per_row = d.bytes_per_row.min(d.layout.size).max(1);
        while per_row > 1 && MARGIN + per_row * (cell(per_row) + 1) > d.width {
            per_row -= 1;
        }
        Grid {
            letters,
            per_row,
            cell: cell(per_row),
        }
    }

    fn write(&self, f: &mut Formatter<'_>, section: &Section, theme: &Theme) -> fmt::Result {
        let cell = self.cell;
        write!(f, "{:>MARGIN$}", "")?;
        for col in 0..self.per_row {
            write!(f, " {col:>cell$}")?;
        }
        section.paint(section.whole(), &mut |row, bytes| {
            for byte in bytes.start..bytes.end {
                if byte % self.per_row == 0 {
                    write!(f, "\n {byte:>6}")?;
                }
                f.write_char(' ')?;
                self.label(f, row, theme)?;
            }
            Ok(())
        })?;
        f.write_char('\n')
    }

    fn label(&self, f: &mut Formatter<'_>, row: &Row, theme: &Theme) -> fmt::Result {
        let glyph = match row.kind {
            Kind::Hole { .. } => theme.padding,
            Kind::Tag { .. } => theme.tag,
            Kind::Unknown => theme.unknown,
            Kind::Elsewhere => theme.elsewhere,
            _ => "",
        };
        for _ in self.letters..self.cell {
            f.write_char(' ')?;
        }
        if glyph.is_empty() {
            return write!(f, "{}", Key(row.key().unwrap_or(0), self.letters));
        }
        for _ in 0..self.letters {
            f.write_str(glyph)?;
        }
        Ok(())
    }
}

/// Every painted field by key and full path, then the other glyphs that occur.
fn legend(
    f: &mut Formatter<'_>,
    d: &Diagram,
    section: &Section,
    theme: &'static Theme,
    letters: usize,
) -> fmt::Result {
    const LEGEND: &str = " legend: ";
    f.write_str(LEGEND)?;
    let m = Markup::Text(theme);
    let mut items = Items::new(Wrap::new(f, LEGEND.len(), d.width, 8), m.separator());
    let mut tag = None;
    section.walk(&mut |row| {
        if !row.painted() {
            return Ok(());
        }
        match (row.kind, row.key()) {
            (Kind::Tag { value, niche }, _) => tag = Some((value, niche)),
            (_, Some(key)) => {
                let key = Key(key, letters);
                match (row.name(), row.field()) {
                    (Some(name), Some(field)) if d.show_types => {
                        items.item(&format_args!("{key} {name}: {}", FieldType(field)))?
                    }
                    (Some(name), _) => items.item(&format_args!("{key} {name}"))?,
                    _ => items.item(&format_args!("{key} {}", facts::name(d.layout)))?,
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    if let Some((value, niche)) = tag {
        match (value, niche) {
            (Some(v), true) => items.item(&format_args!("{} tag = {v} (niche)", theme.tag))?,
            (Some(v), false) => items.item(&format_args!("{} tag = {v}", theme.tag))?,
            (None, _) => items.item(&format_args!("{} tag", theme.tag))?,
        }
    }
    if section.paints(|k| matches!(k, Kind::Hole { .. })) {
        items.item(&format_args!("{} padding", theme.padding))?;
    }
    if let Some(unknown) = section.unknown() {
        let sentence = UnknownBytes(unknown, m);
        items.item(&format_args!("{} unknown: {sentence}", theme.unknown))?;
    } else if section.paints(|k| matches!(k, Kind::Unknown)) {
        items.item(&format_args!("{} unknown", theme.unknown))?;
    }
    if section.paints(|k| matches!(k, Kind::Elsewhere)) {
        items.item(&format_args!("{} another member", theme.elsewhere))?;
    }
    items.finish()?;
    f.write_char('\n')
}
