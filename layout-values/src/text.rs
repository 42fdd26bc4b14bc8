//! The picture as text: one section per block, rows in memory order, arrows by label.

use std::fmt::{self, Display, Formatter, Write as _};

use crate::facts::{self, type_text};
use crate::picture::{Block, Picture, Row, RowKind, Totals};
use crate::theme::Theme;

/// How the text is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextOptions {
    pub theme: &'static Theme,
    pub addresses: bool,
}

pub(crate) fn write(f: &mut Formatter<'_>, picture: &Picture, options: TextOptions) -> fmt::Result {
    let widths = Widths::of(picture.blocks.iter().flat_map(|b| &b.rows));
    for (index, block) in picture.blocks.iter().enumerate() {
        header(f, index, block, options)?;
        for row in &block.rows {
            write_row(f, row, &widths, options)?;
        }
    }
    totals(f, &picture.totals, options.theme)
}

fn header(f: &mut Formatter<'_>, index: usize, block: &Block, o: TextOptions) -> fmt::Result {
    writeln!(
        f,
        "{}",
        facts::header(index, block, o.addresses).join(o.theme.separator)
    )
}

/// Column widths in characters over a set of rows (all of a picture's, so that its blocks
/// line up).
pub(crate) struct Widths {
    pub offset: usize,
    pub size: usize,
    pub name: usize,
    pub type_name: usize,
}

impl Widths {
    pub(crate) fn of<'r>(rows: impl IntoIterator<Item = &'r Row>) -> Widths {
        let mut w = Widths {
            offset: 1,
            size: 1,
            name: 0,
            type_name: 0,
        };
        for row in rows.into_iter().filter(|r| r.kind != RowKind::Elided) {
            w.offset = w.offset.max(row.offset.map_or(1, digits));
            w.size = w.size.max(digits(row.size));
            w.name = w.name.max(2 * row.level + row.name.chars().count());
            w.type_name = w.type_name.max(type_text(row).chars().count());
        }
        w
    }
}

fn digits(n: usize) -> usize {
    n.to_string().len()
}

fn write_row(f: &mut Formatter<'_>, row: &Row, w: &Widths, o: TextOptions) -> fmt::Result {
    let indent = "  ".repeat(row.level);
    if row.kind == RowKind::Elided {
        return writeln!(
            f,
            "  {:>ow$}  {:>sw$}  {indent}{} {}",
            "",
            "",
            o.theme.ellipsis,
            row.value,
            ow = w.offset,
            sw = w.size
        );
    }
    let offset = row.offset.map_or("?".to_string(), |o| o.to_string());
    let mut line = format!(
        "  {offset:>ow$}  {:>sw$}  ",
        row.size,
        ow = w.offset,
        sw = w.size
    );
    match row.kind {
        RowKind::Unused => {
            let _ = write!(line, "{indent}{} {}", o.theme.unused, row.value);
        }
        _ => {
            let name = format!("{indent}{}", row.name);
            let _ = write!(
                line,
                "{name:nw$}  {:tw$}  {}",
                type_text(row),
                row.value,
                nw = w.name,
                tw = w.type_name
            );
        }
    }
    if let Some(target) = row.target {
        let _ = write!(line, "  {}", facts::target(target, o.theme));
    }
    writeln!(f, "{}", line.trim_end())
}

fn totals(f: &mut Formatter<'_>, t: &Totals, theme: &Theme) -> fmt::Result {
    for (i, line) in facts::totals(t, theme.separator).iter().enumerate() {
        // Lines after the first are indented under the first's `total: `.
        let indent = if i == 0 { "" } else { "       " };
        writeln!(f, "{indent}{line}")?;
    }
    Ok(())
}

/// The text of a picture, for [`Display`].
pub(crate) struct Text<'a>(pub &'a Picture, pub TextOptions);

impl Display for Text<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write(f, self.0, self.1)
    }
}
