//! A self-contained SVG picture: colored blocks for fields, hatched padding, the enum tag in
//! dark, unknown bytes in grey with a question mark, an offset ruler above each row, one row
//! per enum variant or union member, and a legend. A label is drawn inside its block only when
//! it fits, so labels never overlap; the legend names every block.

use core::fmt::{self, Formatter, Write};

use super::buffer::Buffer;
use super::cover::{for_each_unit, groups, has, owner, unit_at, Group, Owner, Titled};
use super::table::{write_type, ShortTypeName};
use super::width::str_width;
use super::{digits, Diagram};

const PALETTE: [&str; 12] = [
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
    "#bc80bd", "#ccebc5", "#ffed6f", "#a6cee3",
];
const MARGIN: usize = 16;
const ROW_HEIGHT: usize = 44;
const RULER: usize = 18;
const TITLE: usize = 20;
const CHAR_WIDTH: usize = 7;
const LEGEND_LINE: usize = 18;
const MAX_WIDTH: usize = 960;

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    let px = pixels_per_byte(l.size);
    let bytes_per_line = bytes_per_line(l.size, px);
    let lines = l.size.div_ceil(bytes_per_line).max(1);

    let mut group_count = 0;
    let mut legend_items = 0usize;
    let described = groups(l, &mut |t| {
        group_count += 1;
        for_each_unit(d, t.group.fields, &mut |_, _| legend_items += 1);
    });
    if !described {
        group_count = 1;
        legend_items = 1;
    }
    // Tag, padding, unknown.
    legend_items += 3;
    let row_block = TITLE + lines * (RULER + ROW_HEIGHT + 8);
    let width = MARGIN * 2 + bytes_per_line.min(l.size.max(1)) * px;
    let width = width.max(360);
    let legend_top = MARGIN + 24 + group_count * row_block;
    let height = legend_top + legend_items.div_ceil(3) * LEGEND_LINE + MARGIN;

    writeln!(
        f,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"ui-monospace, Menlo, Consolas, monospace\" font-size=\"12\">"
    )?;
    f.write_str(concat!(
        "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">",
        "<rect width=\"6\" height=\"6\" fill=\"#f4f4f4\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b0b0b0\" stroke-width=\"2\"/></pattern>",
        "<pattern id=\"unknown\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">",
        "<rect width=\"8\" height=\"8\" fill=\"#d9d9d9\"/><circle cx=\"4\" cy=\"4\" r=\"1\" fill=\"#999\"/></pattern></defs>\n"
    ))?;
    writeln!(
        f,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"
    )?;
    write!(
        f,
        "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">",
        MARGIN + 10
    )?;
    escape(f, format_args!("{}", ShortTypeName(l.type_name.get())))?;
    writeln!(f, " — {}, align {}</text>", super::Bytes(l.size), l.align)?;

    let mut y = MARGIN + 24;
    let geometry = Geometry {
        px,
        bytes_per_line,
        lines,
    };
    let mut result = Ok(());
    let mut color_base = 0;
    let described = groups(l, &mut |t: Titled| {
        if result.is_ok() {
            result = row_group(f, d, geometry, &t, Some(t.group), y, color_base);
        }
        for_each_unit(d, t.group.fields, &mut |_, _| color_base += 1);
        y += row_block;
    });
    result?;
    if !described {
        let leaf = Titled {
            kind: "",
            name: "",
            discriminant: None,
            group: Group {
                fields: &[],
                tag: None,
                unknown: false,
                union: false,
            },
        };
        row_group(f, d, geometry, &leaf, None, y, 0)?;
    }
    legend(f, d, legend_top, width)?;
    f.write_str("</svg>\n")
}

#[derive(Clone, Copy)]
struct Geometry {
    px: usize,
    bytes_per_line: usize,
    lines: usize,
}

/// Pixels per byte: wide enough to read, narrow enough to fit `MAX_WIDTH`.
fn pixels_per_byte(size: usize) -> usize {
    ((MAX_WIDTH - 2 * MARGIN) / size.max(1)).clamp(6, 48)
}

fn bytes_per_line(size: usize, px: usize) -> usize {
    ((MAX_WIDTH - 2 * MARGIN) / px).clamp(1, size.max(1))
}

/// One titled row group; its units take colors from `color_base` on, so that no two units of
/// the picture share a color unless the palette runs out.
#[allow(clippy::too_many_arguments)]
fn row_group(
    f: &mut Formatter<'_>,
    d: &Diagram,
    g: Geometry,
    t: &Titled,
    group: Option<Group>,
    top: usize,
    color_base: usize,
) -> fmt::Result {
    write!(
        f,
        "<text x=\"{MARGIN}\" y=\"{}\" font-weight=\"bold\">",
        top + 12
    )?;
    match t.discriminant {
        Some(discriminant) if group.is_some_and(|g| g.unknown && !g.fields.is_empty()) => escape(
            f,
            format_args!(
                "{} {} = {discriminant} (field offsets unknown)",
                t.kind, t.name
            ),
        )?,
        Some(discriminant) => escape(f, format_args!("{} {} = {discriminant}", t.kind, t.name))?,
        None if !t.kind.is_empty() => escape(f, format_args!("{} {}", t.kind, t.name))?,
        None => {}
    }
    f.write_str("</text>\n")?;
    for line in 0..g.lines {
        let start = line * g.bytes_per_line;
        let end = (start + g.bytes_per_line).min(d.layout.size);
        let y = top + TITLE + line * (RULER + ROW_HEIGHT + 8);
        draw_line(f, d, g, group, start, end, y, color_base)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn draw_line(
    f: &mut Formatter<'_>,
    d: &Diagram,
    g: Geometry,
    group: Option<Group>,
    start: usize,
    end: usize,
    y: usize,
    color_base: usize,
) -> fmt::Result {
    let x_of = |byte: usize| MARGIN + (byte - start) * g.px;
    let box_y = y + RULER;
    let mut ruler_end = 0;
    let mut byte = start;
    while byte < end {
        let who = owner_of(d, group, byte);
        let mut run_end = byte + 1;
        while run_end < end && owner_of(d, group, run_end) == who {
            run_end += 1;
        }
        let (x, w) = (x_of(byte), (run_end - byte) * g.px);
        let fill = match who {
            Owner::Unit(i) => PALETTE[(color_base + i) % PALETTE.len()],
            Owner::Padding => "url(#hatch)",
            Owner::Tag => "#4d4d4d",
            Owner::Unknown => "url(#unknown)",
            Owner::Elsewhere => "#f7f7f7",
        };
        writeln!(
            f,
            "<rect x=\"{x}\" y=\"{box_y}\" width=\"{w}\" height=\"{ROW_HEIGHT}\" fill=\"{fill}\" stroke=\"#333\" stroke-width=\"1\"/>"
        )?;
        label(f, d, group, who, x, w, box_y)?;
        // Offsets on the ruler, skipped where they would overlap the previous one.
        let text_x = x;
        if text_x >= ruler_end {
            writeln!(
                f,
                "<text x=\"{text_x}\" y=\"{}\" font-size=\"10\" fill=\"#555\">{byte}</text>",
                y + 12
            )?;
            ruler_end = text_x + (digits(byte) + 1) * 6;
        }
        byte = run_end;
    }
    let x = x_of(end);
    if x >= ruler_end {
        writeln!(
            f,
            "<text x=\"{x}\" y=\"{}\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">{end}</text>",
            y + 12
        )?;
    }
    Ok(())
}

fn owner_of(d: &Diagram, group: Option<Group>, byte: usize) -> Owner {
    match group {
        Some(g) => owner(d, g, byte),
        None => Owner::Unit(0),
    }
}

/// The block's name (and type below it) when they fit inside the block.
fn label(
    f: &mut Formatter<'_>,
    d: &Diagram,
    group: Option<Group>,
    who: Owner,
    x: usize,
    w: usize,
    y: usize,
) -> fmt::Result {
    let mut name = Buffer::default();
    let mut ty = Buffer::default();
    match (who, group) {
        (Owner::Unit(index), Some(g)) => {
            if let Some(u) = unit_at(d, g.fields, index) {
                let _ = write!(name, "{u}");
                let _ = write_type(&mut ty, u.field);
            }
        }
        (Owner::Unit(_), None) => {
            let _ = write!(name, "{}", ShortTypeName(d.layout.type_name.get()));
        }
        (Owner::Tag, _) => {
            let _ = name.write_str("tag");
        }
        (Owner::Unknown, _) => {
            let _ = name.write_str("?");
        }
        _ => return Ok(()),
    }
    let color = if who == Owner::Tag { "white" } else { "#111" };
    let center = x + w / 2;
    let fits = |text: &Buffer| !text.is_empty() && str_width(text.as_str()) * CHAR_WIDTH + 4 <= w;
    let both = d.show_types && fits(&ty);
    if fits(&name) {
        let text_y = if both { y + 18 } else { y + ROW_HEIGHT / 2 + 4 };
        write!(
            f,
            "<text x=\"{center}\" y=\"{text_y}\" text-anchor=\"middle\" fill=\"{color}\">"
        )?;
        escape(f, format_args!("{}", name.as_str()))?;
        f.write_str("</text>\n")?;
        if both {
            write!(
                f,
                "<text x=\"{center}\" y=\"{}\" text-anchor=\"middle\" fill=\"#444\" font-size=\"10\">",
                y + 34
            )?;
            escape(f, format_args!("{}", ty.as_str()))?;
            f.write_str("</text>\n")?;
        }
    }
    Ok(())
}

fn legend(f: &mut Formatter<'_>, d: &Diagram, top: usize, width: usize) -> fmt::Result {
    let column = (width - 2 * MARGIN) / 3;
    let mut item = 0;
    let mut entry = |f: &mut Formatter<'_>, fill: &str, text: fmt::Arguments| -> fmt::Result {
        let x = MARGIN + (item % 3) * column;
        let y = top + (item / 3) * LEGEND_LINE;
        write!(
            f,
            "<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{fill}\" stroke=\"#333\"/><text x=\"{}\" y=\"{}\">",
            x + 16,
            y + 10
        )?;
        escape(f, text)?;
        f.write_str("</text>\n")?;
        item += 1;
        Ok(())
    };
    // Every unit of every group, in the colors the rows used, prefixed by its variant or member
    // when there are several groups.
    let mut result = Ok(());
    let mut color = 0;
    let (mut tag, mut padding, mut unknown) = (false, false, false);
    groups(d.layout, &mut |t| {
        tag |= has(d, t.group, Owner::Tag);
        padding |= has(d, t.group, Owner::Padding);
        unknown |= has(d, t.group, Owner::Unknown);
        for_each_unit(d, t.group.fields, &mut |_, u| {
            // Units of a group whose offsets are unknown are drawn nowhere.
            if result.is_ok() && !t.group.unknown {
                let mut ty = Buffer::default();
                let _ = write_type(&mut ty, u.field);
                let fill = PALETTE[color % PALETTE.len()];
                result = if t.kind.is_empty() || t.kind == "member" {
                    entry(f, fill, format_args!("{}: {}", u.field.name, ty.as_str()))
                } else {
                    entry(
                        f,
                        fill,
                        format_args!("{}.{}: {}", t.name, u.field.name, ty.as_str()),
                    )
                };
            }
            color += 1;
        });
    });
    result?;
    if padding {
        entry(f, "url(#hatch)", format_args!("padding"))?;
    }
    if tag {
        entry(f, "#4d4d4d", format_args!("tag"))?;
    }
    if unknown {
        entry(f, "url(#unknown)", format_args!("unknown"))?;
    }
    Ok(())
}

/// Writes `text` with XML's special characters escaped.
fn escape(f: &mut Formatter<'_>, text: fmt::Arguments) -> fmt::Result {
    struct Escape<'a, 'b>(&'a mut Formatter<'b>);
    impl Write for Escape<'_, '_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            for c in s.chars() {
                match c {
                    '&' => self.0.write_str("&amp;")?,
                    '<' => self.0.write_str("&lt;")?,
                    '>' => self.0.write_str("&gt;")?,
                    '"' => self.0.write_str("&quot;")?,
                    c => self.0.write_char(c)?,
                }
            }
            Ok(())
        }
    }
    Escape(f).write_fmt(text)
}
