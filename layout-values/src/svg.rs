//! The picture as SVG: the value's block on the left, each block it points to one column
//! further right than the block that points to it, arrows from a pointer's row to the block
//! it leads to, and the totals below. A block is drawn next to the row that first reaches it
//! where there is room; arrows run in the gaps between columns, never over text. A block
//! reached again is named by its label and `(again)`, as in the text, and gets a dashed
//! arrow where it sits in the next column.

use std::fmt::{self, Display, Formatter};
use std::string::String;
use std::vec::Vec;

use layout_core::__svg::{self as style, escape, open, str_width};

use crate::facts::{self, type_text};
use crate::picture::{Block, BlockKind, Picture, Row, RowKind, Target};
use crate::text::Widths;
use crate::theme::{svg as fill, Theme};

const MARGIN: usize = 16;
/// The height of a row, and of a line of a block's header.
const LINE: usize = 18;
/// The header band: two lines and a little air.
const HEADER: usize = 2 * LINE + 4;
/// From a text line's top to its baseline.
const BASELINE: usize = 13;
/// Room between a block's side and its text.
const PAD: usize = 8;
/// Between two columns: where the arrows run.
const GAP: usize = 72;
/// Between two blocks of a column.
const SPACE: usize = 16;
/// Characters between two columns of a row.
const COLUMN_GAP: usize = 2;
const CHAR: usize = style::CHAR;

/// How the SVG is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SvgOptions {
    pub theme: &'static Theme,
    pub addresses: bool,
}

/// Where a block is drawn, and the character columns of its rows.
struct Placed {
    column: usize,
    x: usize,
    y: usize,
    width: usize,
    widths: Widths,
    /// Characters of the value column.
    value: usize,
}

impl Placed {
    fn height(&self, block: &Block) -> usize {
        HEADER + block.rows.len() * LINE
    }

    /// The middle of row `r`.
    fn row_middle(&self, r: usize) -> usize {
        self.y + HEADER + r * LINE + LINE / 2
    }
}

/// The text of a row's target column: a label where an arrow is drawn to the block, the
/// text picture's words otherwise.
fn target_text(target: Target, theme: &Theme) -> String {
    match target {
        Target::Block(b) => facts::label(b),
        other => facts::target(other, theme),
    }
}

/// The text of a row standing for elements not drawn: `… 97 more`.
fn elided(row: &Row, theme: &Theme) -> String {
    format!("{} {}", theme.ellipsis, row.value)
}

/// A block's header in two lines: whose bytes and what they hold, then the numbers.
fn header_lines(index: usize, block: &Block, o: SvgOptions) -> (String, String) {
    let parts = facts::header(index, block, o.addresses);
    let sep = o.theme.separator;
    let split = parts.len().min(2);
    (parts[..split].join(sep), parts[split..].join(sep))
}

fn width_of(text: &str) -> usize {
    str_width(text)
}

/// Characters of a row, from its offset to its target.
fn row_chars(row: &Row, w: &Widths, value: usize, o: SvgOptions) -> usize {
    let numbers = w.offset + COLUMN_GAP + w.size + COLUMN_GAP;
    let rest = match row.kind {
        RowKind::Unused => 2 * row.level + width_of(&row.value),
        RowKind::Elided => 2 * row.level + width_of(&elided(row, o.theme)),
        _ => w.name + COLUMN_GAP + w.type_name + COLUMN_GAP + value,
    };
    let target = row
        .target
        .map_or(0, |t| COLUMN_GAP + width_of(&target_text(t, o.theme)));
    numbers + rest + target
}

fn place(picture: &Picture, o: SvgOptions) -> Vec<Placed> {
    let blocks = &picture.blocks;
    // The row that first reaches each block: every block but the value has one.
    let mut parent: Vec<Option<(usize, usize)>> = vec![None; blocks.len()];
    for (b, block) in blocks.iter().enumerate() {
        for (r, row) in block.rows.iter().enumerate() {
            if let Some(Target::Block(c)) = row.target {
                parent[c] = Some((b, r));
            }
        }
    }
    let mut placed: Vec<Placed> = Vec::with_capacity(blocks.len());
    for (index, block) in blocks.iter().enumerate() {
        // A block is reached from a block before it: its parent is placed already.
        let column = match parent[index] {
            Some((b, _)) => placed[b].column + 1,
            None => usize::from(index > 0),
        };
        let widths = Widths::of(&block.rows);
        let value = block
            .rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Value | RowKind::Header))
            .map(|r| width_of(&r.value))
            .max()
            .unwrap_or(0);
        let (first, second) = header_lines(index, block, o);
        let chars = block
            .rows
            .iter()
            .map(|r| row_chars(r, &widths, value, o))
            .chain([width_of(&first), width_of(&second)])
            .max()
            .unwrap_or(0);
        placed.push(Placed {
            column,
            x: 0,
            y: 0,
            width: 2 * PAD + chars * CHAR,
            widths,
            value,
        });
    }
    let columns = placed.iter().map(|p| p.column + 1).max().unwrap_or(0);
    let mut x = MARGIN;
    for column in 0..columns {
        let members: Vec<usize> = (0..blocks.len())
            .filter(|&b| placed[b].column == column)
            .collect();
        // In the order of the rows that reach them, so that arrows do not cross.
        let mut order: Vec<(usize, usize)> = members
            .iter()
            .map(|&b| {
                let wanted = parent[b].map_or(MARGIN, |(p, r)| {
                    placed[p].row_middle(r).saturating_sub(LINE / 2 + 2)
                });
                (wanted, b)
            })
            .collect();
        order.sort_unstable();
        let mut free = MARGIN;
        for (wanted, b) in order {
            let y = wanted.max(free);
            placed[b].x = x;
            placed[b].y = y;
            free = y + placed[b].height(&blocks[b]) + SPACE;
        }
        let width = members.iter().map(|&b| placed[b].width).max().unwrap_or(0);
        x += width + GAP;
    }
    placed
}

pub(crate) fn write(f: &mut Formatter<'_>, picture: &Picture, o: SvgOptions) -> fmt::Result {
    let placed = place(picture, o);
    let blocks = &picture.blocks;
    let column_right = |column: usize| {
        placed
            .iter()
            .filter(|p| p.column == column)
            .map(|p| p.x + p.width)
            .max()
            .unwrap_or(0)
    };
    let bottom = placed
        .iter()
        .zip(blocks)
        .map(|(p, b)| p.y + p.height(b))
        .max()
        .unwrap_or(MARGIN);
    let totals = facts::totals(&picture.totals, o.theme.separator);
    let right = placed.iter().map(|p| p.x + p.width).max().unwrap_or(0);
    let widest_total = totals.iter().map(|l| width_of(l)).max().unwrap_or(0);
    let width = (right + MARGIN).max(2 * MARGIN + widest_total * CHAR);
    let totals_top = bottom + LINE;
    let height = totals_top + totals.len() * LINE + MARGIN;

    // The arrowhead: only the pictures of values draw arrows.
    open(f, width, height)?;
    writeln!(
        f,
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker></defs>",
        style::STROKE
    )?;
    for (index, (block, p)) in blocks.iter().zip(&placed).enumerate() {
        draw_block(f, index, block, p, o)?;
    }
    // Arrows last, over the boxes' outlines they start and end on.
    for (block, p) in blocks.iter().zip(&placed) {
        for (r, row) in block.rows.iter().enumerate() {
            // A block reached again is drawn to where it sits one column on (a second `Rc`
            // of one allocation); elsewhere (a cycle) an arrow would cross blocks, and the
            // row's label says where it leads.
            // It ends at the header's second line, apart from the solid arrow's end.
            let (c, dash, line) = match row.target {
                Some(Target::Block(c)) => (c, "", 0),
                Some(Target::Again(c)) if placed[c].column == p.column + 1 => {
                    (c, " stroke-dasharray=\"4 3\"", LINE)
                }
                _ => continue,
            };
            let (x1, y1) = (p.x + p.width, p.row_middle(r));
            let edge = column_right(p.column);
            let to = &placed[c];
            let (x2, y2) = (to.x, to.y + line + LINE / 2 + 2);
            let bend = (x2 - edge) / 2;
            writeln!(
                f,
                "<path class=\"arrow\" d=\"M{x1},{y1} H{edge} C{},{y1} {},{y2} {x2},{y2}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"{dash} marker-end=\"url(#arrow)\"/>",
                edge + bend,
                x2 - bend,
                style::STROKE
            )?;
        }
    }
    for (i, line) in totals.iter().enumerate() {
        let weight = if i == 0 { " font-weight=\"bold\"" } else { "" };
        text(
            f,
            MARGIN,
            totals_top + i * LINE + BASELINE,
            "start",
            style::TEXT,
            weight,
            line,
        )?;
    }
    f.write_str("</svg>\n")
}

fn kind_fill(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Value => fill::VALUE,
        BlockKind::Owned => fill::OWNED,
        BlockKind::Shared { .. } => fill::SHARED,
        BlockKind::Borrowed => fill::BORROWED,
        BlockKind::StaticData => fill::STATIC_DATA,
    }
}

fn draw_block(
    f: &mut Formatter<'_>,
    index: usize,
    block: &Block,
    p: &Placed,
    o: SvgOptions,
) -> fmt::Result {
    let (first, second) = header_lines(index, block, o);
    let (x, y, w, h) = (p.x, p.y, p.width, p.height(block));
    writeln!(
        f,
        "<g class=\"block\" id=\"b{index}\"><rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"white\" stroke=\"{}\"/>",
        style::STROKE
    )?;
    write!(
        f,
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{HEADER}\" fill=\"{}\" stroke=\"{}\"><title>",
        kind_fill(block.kind),
        style::STROKE
    )?;
    escape(f, &format_args!("{first}{}{second}", o.theme.separator))?;
    f.write_str("</title></rect>\n")?;
    let left = x + PAD;
    text(
        f,
        left,
        y + 2 + BASELINE,
        "start",
        style::TEXT,
        " font-weight=\"bold\"",
        &first,
    )?;
    text(
        f,
        left,
        y + 2 + LINE + BASELINE,
        "start",
        style::TYPE_TEXT,
        "",
        &second,
    )?;
    for (r, row) in block.rows.iter().enumerate() {
        draw_row(f, row, p, y + HEADER + r * LINE, o)?;
    }
    f.write_str("</g>\n")
}

fn draw_row(
    f: &mut Formatter<'_>,
    row: &Row,
    p: &Placed,
    top: usize,
    o: SvgOptions,
) -> fmt::Result {
    let background = match row.kind {
        RowKind::Header => Some(fill::HEADER_ROW),
        RowKind::Unused => Some(fill::UNUSED),
        RowKind::Value | RowKind::Elided => None,
    };
    if let Some(background) = background {
        writeln!(
            f,
            "<rect x=\"{}\" y=\"{top}\" width=\"{}\" height=\"{LINE}\" fill=\"{background}\"/>",
            p.x + 1,
            p.width - 2
        )?;
    }
    let w = &p.widths;
    let baseline = top + BASELINE;
    let at = |chars: usize| p.x + PAD + chars * CHAR;
    let grey = style::RULER_TEXT;
    let size_end = w.offset + COLUMN_GAP + w.size;
    let name_start = size_end + COLUMN_GAP + 2 * row.level;
    let mut end = name_start;
    match row.kind {
        RowKind::Elided => {
            let line = elided(row, o.theme);
            text(f, at(name_start), baseline, "start", grey, "", &line)?;
            end += width_of(&line);
        }
        kind => {
            let offset = row.offset.map_or("?".to_string(), |o| o.to_string());
            text(f, at(w.offset), baseline, "end", grey, "", &offset)?;
            text(
                f,
                at(size_end),
                baseline,
                "end",
                grey,
                "",
                &row.size.to_string(),
            )?;
            if kind == RowKind::Unused {
                text(f, at(name_start), baseline, "start", grey, "", &row.value)?;
                end += width_of(&row.value);
            } else {
                if !row.name.is_empty() {
                    text(
                        f,
                        at(name_start),
                        baseline,
                        "start",
                        style::TEXT,
                        "",
                        &row.name,
                    )?;
                }
                let type_start = size_end + COLUMN_GAP + w.name + COLUMN_GAP;
                let type_name = type_text(row);
                text(
                    f,
                    at(type_start),
                    baseline,
                    "start",
                    style::TYPE_TEXT,
                    "",
                    &type_name,
                )?;
                let value_start = type_start + w.type_name + COLUMN_GAP;
                if !row.value.is_empty() {
                    text(
                        f,
                        at(value_start),
                        baseline,
                        "start",
                        style::TEXT,
                        "",
                        &row.value,
                    )?;
                }
                end = value_start + p.value;
            }
        }
    }
    if let Some(target) = row.target {
        let label = target_text(target, o.theme);
        text(
            f,
            at(end + COLUMN_GAP),
            baseline,
            "start",
            style::TEXT,
            "",
            &label,
        )?;
    }
    Ok(())
}

/// One line of text; `extra` holds further attributes.
fn text(
    f: &mut Formatter<'_>,
    x: usize,
    y: usize,
    anchor: &str,
    colour: &str,
    extra: &str,
    content: &str,
) -> fmt::Result {
    write!(
        f,
        "<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" fill=\"{colour}\"{extra}>"
    )?;
    escape(f, &content)?;
    f.write_str("</text>\n")
}

/// The SVG of a picture, for [`Display`].
pub(crate) struct Svg<'a>(pub &'a Picture, pub SvgOptions);

impl Display for Svg<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write(f, self.0, self.1)
    }
}
