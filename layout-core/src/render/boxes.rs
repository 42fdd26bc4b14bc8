//! Boxes: a proportional drawing of the bytes, like the pictures in articles about Rust's
//! memory layout. Each byte gets the same number of columns; a field is a cell with its name
//! and type, padding is hatched, an enum's tag is marked, unknown bytes say so. An offset ruler
//! sits above each line of boxes, and the drawing wraps at the configured width.

use core::fmt::{self, Formatter, Write};

use super::buffer::Buffer;
use super::cover::{groups, owner, unit_at, Group, Owner, Titled};
use super::table::{write_header, write_type, ShortTypeName};
use super::width::{fit, str_width};
use super::{digits, Diagram};

/// Box-drawing characters, Unicode or ASCII.
struct Pen {
    top: [&'static str; 3],
    bottom: [&'static str; 3],
    side: &'static str,
    line: &'static str,
    hatch: &'static str,
    tag: &'static str,
    unknown: &'static str,
    elsewhere: &'static str,
}

const UNICODE: Pen = Pen {
    top: ["┌", "┬", "┐"],
    bottom: ["└", "┴", "┘"],
    side: "│",
    line: "─",
    hatch: "░",
    tag: "▣",
    unknown: "?",
    elsewhere: "·",
};

const ASCII: Pen = Pen {
    top: ["+", "+", "+"],
    bottom: ["+", "+", "+"],
    side: "|",
    line: "-",
    hatch: "#",
    tag: "=",
    unknown: "?",
    elsewhere: ".",
};

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    write_header(f, l)?;
    if l.size == 0 {
        return writeln!(f, " (zero-sized: no bytes to draw)");
    }
    let pen = if d.ascii { &ASCII } else { &UNICODE };
    let mut result = Ok(());
    let described = groups(l, &mut |t: Titled| {
        if result.is_err() {
            return;
        }
        result = (|| {
            match t.discriminant {
                Some(discriminant) => writeln!(f, " {} {} = {discriminant}", t.kind, t.name)?,
                None if !t.kind.is_empty() => writeln!(f, " {} {}", t.kind, t.name)?,
                None => {}
            }
            draw(f, d, pen, Some(t.group))
        })();
    });
    result?;
    if !described {
        draw(f, d, pen, None)?;
    }
    Ok(())
}

/// Columns per byte: enough for the narrowest cell to show its label (names are cut at ten
/// columns), at least what the width allows for the whole value, between 1 and 8.
fn columns_per_byte(d: &Diagram, group: Option<Group>) -> usize {
    let size = d.layout.size;
    let mut cpb = ((d.width - 2) / size).clamp(1, 8);
    let all = Cells {
        d,
        group,
        pos: 0,
        end: size,
    };
    for cell in all {
        let wanted = match cell.owner {
            Owner::Unit(index) => {
                let mut text = Buffer::default();
                let _ = write_unit_label(&mut text, d, group, index, Label::Name);
                str_width(text.as_str()).min(10) + 1
            }
            _ => 2,
        };
        cpb = cpb.max(wanted.div_ceil(cell.end - cell.start));
    }
    cpb.min(8)
}

/// Where each line of boxes ends: after as many whole cells as fit in the width; a cell
/// longer than a line is split.
fn line_end(d: &Diagram, group: Option<Group>, start: usize, cpb: usize) -> usize {
    let capacity = ((d.width - 2) / cpb).max(1);
    let mut end = start;
    let cells = Cells {
        d,
        group,
        pos: start,
        end: d.layout.size,
    };
    for cell in cells {
        if cell.end - start <= capacity {
            end = cell.end;
        } else {
            if end == start {
                // Split a cell longer than a line at a multiple of 8 bytes when one fits, so
                // that the ruler marks of the pieces are round.
                end = start
                    + if capacity >= 8 {
                        capacity - capacity % 8
                    } else {
                        capacity
                    };
            }
            break;
        }
    }
    end
}

/// A run of bytes with the same owner, inside one line of the drawing.
#[derive(Clone, Copy)]
struct Cell {
    start: usize,
    end: usize,
    owner: Owner,
}

/// Draws one group (or a leaf, for `None`) as lines of boxes.
fn draw(f: &mut Formatter<'_>, d: &Diagram, pen: &Pen, group: Option<Group>) -> fmt::Result {
    let size = d.layout.size;
    let cpb = columns_per_byte(d, group);
    let mut line_start = 0;
    while line_start < size {
        let line_end = line_end(d, group, line_start, cpb);
        let cells = Cells {
            d,
            group,
            pos: line_start,
            end: line_end,
        };
        ruler(f, cells, cpb)?;
        border(f, cells, cpb, pen, pen.top)?;
        label_line(f, d, cells, cpb, pen, Label::Name)?;
        if d.show_types {
            label_line(f, d, cells, cpb, pen, Label::Type)?;
        }
        border(f, cells, cpb, pen, pen.bottom)?;
        line_start = line_end;
    }
    Ok(())
}

/// The cells of one line, as an iterator that can be restarted (it is `Copy`).
#[derive(Clone, Copy)]
struct Cells<'d> {
    d: &'d Diagram<'d>,
    group: Option<Group>,
    pos: usize,
    end: usize,
}

impl Cells<'_> {
    fn owner_of(&self, byte: usize) -> Owner {
        match self.group {
            Some(g) => owner(self.d, g, byte),
            // A leaf is one cell: the value.
            None => Owner::Unit(usize::MAX),
        }
    }
}

impl Iterator for Cells<'_> {
    type Item = Cell;

    fn next(&mut self) -> Option<Cell> {
        if self.pos >= self.end {
            return None;
        }
        let start = self.pos;
        let owner = self.owner_of(start);
        let mut end = start + 1;
        while end < self.end && self.owner_of(end) == owner {
            end += 1;
        }
        self.pos = end;
        Some(Cell { start, end, owner })
    }
}

/// Offsets above each cell's left edge, and the line's end offset, where they fit.
fn ruler(f: &mut Formatter<'_>, cells: Cells, cpb: usize) -> fmt::Result {
    let origin = cells.pos;
    let mut written = 0;
    f.write_char(' ')?;
    let mark = |f: &mut Formatter<'_>, offset: usize, written: &mut usize| -> fmt::Result {
        let column = (offset - origin) * cpb;
        let digits = digits(offset);
        if column >= *written && (*written == 0 || column > *written) {
            for _ in *written..column {
                f.write_char(' ')?;
            }
            write!(f, "{offset}")?;
            *written = column + digits;
        }
        Ok(())
    };
    for cell in cells {
        mark(f, cell.start, &mut written)?;
    }
    mark(f, cells.end, &mut written)?;
    f.write_char('\n')
}

fn border(
    f: &mut Formatter<'_>,
    cells: Cells,
    cpb: usize,
    pen: &Pen,
    corners: [&str; 3],
) -> fmt::Result {
    f.write_char(' ')?;
    f.write_str(corners[0])?;
    let mut first = true;
    for cell in cells {
        if !first {
            f.write_str(corners[1])?;
        }
        first = false;
        for _ in 0..inner_width(cell, cpb) {
            f.write_str(pen.line)?;
        }
    }
    f.write_str(corners[2])?;
    f.write_char('\n')
}

/// Columns inside a cell: its bytes' columns less the border that follows it.
fn inner_width(cell: Cell, cpb: usize) -> usize {
    (cell.end - cell.start) * cpb - 1
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Name,
    Type,
}

fn label_line(
    f: &mut Formatter<'_>,
    d: &Diagram,
    cells: Cells,
    cpb: usize,
    pen: &Pen,
    which: Label,
) -> fmt::Result {
    f.write_char(' ')?;
    f.write_str(pen.side)?;
    for cell in cells {
        let width = inner_width(cell, cpb);
        match cell.owner {
            Owner::Unit(index) => {
                let mut text = Buffer::default();
                write_unit_label(&mut text, d, cells.group, index, which)?;
                centered(f, text.as_str(), width)?;
            }
            Owner::Padding => fill(f, pen.hatch, width)?,
            Owner::Tag if which == Label::Name => centered_or_fill(f, "tag", pen.tag, width)?,
            Owner::Tag => fill(f, pen.tag, width)?,
            Owner::Unknown if which == Label::Name => {
                centered_or_fill(f, "unknown", pen.unknown, width)?
            }
            Owner::Unknown => fill(f, pen.unknown, width)?,
            Owner::Elsewhere => fill(f, pen.elsewhere, width)?,
        }
        f.write_str(pen.side)?;
    }
    f.write_char('\n')
}

fn write_unit_label(
    out: &mut dyn Write,
    d: &Diagram,
    group: Option<Group>,
    index: usize,
    which: Label,
) -> fmt::Result {
    let Some(group) = group else {
        return match which {
            Label::Name => write!(out, "{}", ShortTypeName(d.layout.type_name.get())),
            Label::Type => Ok(()),
        };
    };
    let Some(unit) = unit_at(d, group.fields, index) else {
        return Ok(());
    };
    match which {
        Label::Name => write!(out, "{unit}"),
        Label::Type => write_type(out, unit.field),
    }
}

/// `text` centred in `width` columns, cut with `…` when it does not fit.
fn centered(f: &mut Formatter<'_>, text: &str, width: usize) -> fmt::Result {
    let full = str_width(text);
    let (shown, used, cut) = if full <= width {
        (text, full, false)
    } else if width == 0 {
        ("", 0, false)
    } else {
        let (prefix, used) = fit(text, width - 1);
        (prefix, used + 1, true)
    };
    let left = (width - used) / 2;
    for _ in 0..left {
        f.write_char(' ')?;
    }
    f.write_str(shown)?;
    if cut {
        f.write_char('…')?;
    }
    for _ in left + used..width {
        f.write_char(' ')?;
    }
    Ok(())
}

fn centered_or_fill(f: &mut Formatter<'_>, text: &str, symbol: &str, width: usize) -> fmt::Result {
    if str_width(text) <= width {
        centered(f, text, width)
    } else {
        fill(f, symbol, width)
    }
}

fn fill(f: &mut Formatter<'_>, symbol: &str, width: usize) -> fmt::Result {
    for _ in 0..width {
        f.write_str(symbol)?;
    }
    Ok(())
}
