//! The picture as text: one section per block, rows in memory order, arrows by label.

use std::fmt::{self, Display, Formatter, Write as _};

use crate::picture::{Basis, Block, BlockKind, Picture, Row, RowKind, Target, Totals};
use crate::theme::Theme;

/// How the text is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextOptions {
    pub theme: &'static Theme,
    pub addresses: bool,
}

pub(crate) fn write(f: &mut Formatter<'_>, picture: &Picture, options: TextOptions) -> fmt::Result {
    let widths = Widths::of(picture);
    for (index, block) in picture.blocks.iter().enumerate() {
        header(f, index, block, options)?;
        for row in &block.rows {
            write_row(f, row, &widths, options)?;
        }
    }
    totals(f, &picture.totals, options.theme)
}

fn label(index: usize) -> String {
    format!("#{index}")
}

fn header(f: &mut Formatter<'_>, index: usize, block: &Block, o: TextOptions) -> fmt::Result {
    let sep = o.theme.separator;
    match block.kind {
        BlockKind::Value => write!(
            f,
            "value{sep}{}{sep}{} B, align {}",
            block.type_name, block.size, block.align
        )?,
        kind => {
            let whose = match kind {
                BlockKind::Owned => "heap, owned".to_string(),
                BlockKind::Shared { strong, weak } => {
                    format!("heap, shared (strong {strong}, weak {weak})")
                }
                _ => "borrowed".to_string(),
            };
            write!(f, "{} {whose}{sep}{}{sep}", label(index), block.type_name)?;
            if block.used == block.size || block.kind == BlockKind::Borrowed {
                write!(f, "{} B", block.size)?;
            } else {
                write!(f, "{} B used of {} B", block.used, block.size)?;
            }
            write!(f, ", align {}", block.align)?;
        }
    }
    match block.basis {
        Basis::Documented => {}
        Basis::StdLayout => write!(f, "{sep}std's current layout")?,
        Basis::Estimate => write!(f, "{sep}size estimated")?,
    }
    if block.padding > 0 {
        write!(f, "{sep}padding {} B", block.padding)?;
    }
    if block.tag_or_padding > 0 {
        write!(f, "{sep}enum tag or padding {} B", block.tag_or_padding)?;
    }
    if o.addresses {
        match block.address {
            Some(address) => write!(f, "{sep}at {address:#x}")?,
            None => write!(f, "{sep}start not known")?,
        }
    }
    writeln!(f)
}

/// Column widths over every drawn row, so that all blocks line up.
struct Widths {
    offset: usize,
    size: usize,
    name: usize,
    type_name: usize,
}

impl Widths {
    fn of(picture: &Picture) -> Widths {
        let rows = picture.blocks.iter().flat_map(|b| &b.rows);
        let mut w = Widths {
            offset: 1,
            size: 1,
            name: 0,
            type_name: 0,
        };
        for row in rows.filter(|r| r.kind != RowKind::Elided) {
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

fn type_text(row: &Row) -> String {
    match row.variant {
        Some(variant) => format!("{}::{variant}", row.type_name),
        None => row.type_name.clone(),
    }
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
        let arrow = o.theme.arrow;
        let _ = match target {
            Target::Block(b) => write!(line, "  {arrow} {}", label(b)),
            Target::Again(b) => write!(line, "  {arrow} {} (again)", label(b)),
            Target::NotDrawn => write!(line, "  {arrow} {}", o.theme.ellipsis),
            Target::Nothing => write!(line, "  (no allocation)"),
        };
    }
    writeln!(f, "{}", line.trim_end())
}

fn totals(f: &mut Formatter<'_>, t: &Totals, theme: &Theme) -> fmt::Result {
    let sep = theme.separator;
    write!(f, "total: stack {} B", t.stack)?;
    if t.owned.blocks == 0 {
        write!(f, "{sep}heap owned 0 B")?;
    } else {
        write!(
            f,
            "{sep}heap owned {} B used of {} B in {} block{}",
            t.owned.used,
            t.owned.allocated,
            t.owned.blocks,
            plural(t.owned.blocks)
        )?;
    }
    if t.shared.blocks > 0 {
        write!(
            f,
            "{sep}shared {} B in {} block{}",
            t.shared.allocated,
            t.shared.blocks,
            plural(t.shared.blocks)
        )?;
    }
    if t.borrowed.blocks > 0 {
        write!(f, "{sep}borrowed {} B", t.borrowed.allocated)?;
    }
    writeln!(f)?;
    write!(
        f,
        "       padding: stack {} B{sep}heap {} B",
        t.stack_padding, t.heap_padding
    )?;
    let tags = t.stack_tag_or_padding + t.heap_tag_or_padding;
    if tags > 0 {
        write!(
            f,
            "{sep}enum tag or padding: stack {} B, heap {} B",
            t.stack_tag_or_padding, t.heap_tag_or_padding
        )?;
    }
    writeln!(f)?;
    if t.estimated.blocks > 0 {
        writeln!(
            f,
            "       estimated: {} B of the heap in {} block{} (std does not specify their size)",
            t.estimated.allocated,
            t.estimated.blocks,
            plural(t.estimated.blocks)
        )?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The text of a picture, for [`Display`].
pub(crate) struct Text<'a>(pub &'a Picture, pub TextOptions);

impl Display for Text<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write(f, self.0, self.1)
    }
}
