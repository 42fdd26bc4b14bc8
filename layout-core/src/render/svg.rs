//! A self-contained SVG picture: coloured blocks for fields, hatched padding, the enum tag in
//! dark, unknown bytes in grey, one row of blocks per enum variant or union member on one
//! common scale, an offset ruler above each line, and a legend. Every block names itself: its
//! full path (and type) when they fit, else its key, which the legend explains; a tooltip
//! (`<title>`) carries the full text. Ruler labels are placed by their width, so they never
//! overlap.

use core::fmt::{self, Display, Formatter, Write};

use super::bytemap::Key;
use super::facts::{self, Heading, Markup, Shape, UnknownBytes};
use super::names::FieldType;
use super::theme::svg as style;
use super::walk::{pieces, sections, Kind, Row, Section, Title, View};
use super::wrap::columns;
use super::{digits, Diagram};
use crate::padding::ByteRange;

const MARGIN: usize = 16;
const ROW_HEIGHT: usize = 44;
const RULER: usize = 18;
const HEADING: usize = 20;
const LINE: usize = RULER + ROW_HEIGHT + 8;
const CHAR: usize = style::CHAR;
/// Pixels a character of the 10-pixel ruler text takes, rounded up.
const RULER_CHAR: usize = 7;
/// Pixels between two ruler labels.
const RULER_GAP: usize = 6;
const LEGEND_LINE: usize = 18;
const MAX_WIDTH: usize = 960;
/// Lines of blocks a section may take before bytes get narrower than their keys.
const MOST_LINES: usize = 64;

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    let scale = Scale::new(d);
    let legend = Legend::new(d, &scale);
    let title = format_args!("{} — {}", facts::name(l), Shape(l, THEME));
    let mut width = (MARGIN * 2 + scale.per_line * scale.px).max(360);
    width = width.max(MARGIN * 2 + columns(&title) * 9);
    for section in sections(d, View::Bytes) {
        width = width.max(MARGIN * 2 + columns(&SectionTitle(&section, d)) * CHAR);
    }
    let top = MARGIN + 24;
    let legend_top = top
        + sections(d, View::Bytes)
            .map(|s| heading(&s) + scale.lines * LINE)
            .sum::<usize>();
    let height = legend_top + legend.rows(width) * LEGEND_LINE + MARGIN;

    open(f, width, height)?;
    write!(
        f,
        "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">",
        MARGIN + 10
    )?;
    escape(f, &title)?;
    f.write_str("</text>\n")?;

    let mut y = top;
    let mut colour = 0;
    for section in sections(d, View::Bytes) {
        let painter = Painter {
            d,
            scale: &scale,
            section: &section,
            colour,
        };
        painter.write(f, y)?;
        colour += section.keys();
        y += heading(&section) + scale.lines * LINE;
    }
    legend.write(f, d, legend_top, width)?;
    f.write_str("</svg>\n")
}

/// The start of a picture of `width` × `height` pixels: the `<svg>` element with its font,
/// the fill patterns, and a white background. The picture ends with `</svg>`.
pub fn open(f: &mut Formatter<'_>, width: usize, height: usize) -> fmt::Result {
    writeln!(
        f,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{}\" font-size=\"{}\">",
        style::FONT_FAMILY,
        style::FONT_SIZE
    )?;
    f.write_str(style::DEFS)?;
    writeln!(
        f,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"
    )
}

/// Sentences in the picture are written as the Unicode text styles write them.
const THEME: Markup = Markup::Text(&super::theme::UNICODE);

/// The height of a section's heading: none for the whole type when all is known.
fn heading(section: &Section) -> usize {
    if matches!(section.title, Title::Whole) && section.unknown().is_none() {
        0
    } else {
        HEADING
    }
}

/// The heading of a section, and what is unknown about it.
struct SectionTitle<'a>(&'a Section<'a>, &'a Diagram<'a>);

impl Display for SectionTitle<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let m = THEME;
        if !matches!(self.0.title, Title::Whole) {
            write!(f, "{}", Heading(self.0, self.1.layout, m))?;
        }
        if let Some(unknown) = self.0.unknown() {
            write!(f, " — {}", UnknownBytes(unknown, m))?;
        }
        Ok(())
    }
}

/// Pixels a byte and bytes a line, the same for every section.
struct Scale {
    px: usize,
    per_line: usize,
    lines: usize,
    letters: usize,
    /// Whether some block shows its key instead of its name.
    keyed: bool,
}

impl Scale {
    /// Wide enough for the narrowest block to show its key, narrow enough to fit
    /// [`MAX_WIDTH`]; lines of a multiple of 8 bytes when they do not hold the whole value.
    fn new(d: &Diagram) -> Scale {
        let size = d.layout.size.max(1);
        let room = MAX_WIDTH - 2 * MARGIN;
        let keys = sections(d, View::Bytes)
            .map(|s| s.keys())
            .max()
            .unwrap_or(0);
        let letters = Key::width(keys);
        let mut narrowest = usize::MAX;
        for section in sections(d, View::Bytes) {
            section.each_painted(&mut |row, bytes| {
                if row.key().is_some() {
                    narrowest = narrowest.min(bytes.len());
                }
            });
        }
        let fill = room / size;
        let key = (letters * CHAR + 4).div_ceil(narrowest.min(size));
        let mut px = fill.max(key).clamp(6, 48);
        while px > 6 && size.div_ceil(Self::per_line(size, room / px)) > MOST_LINES {
            px -= 1;
        }
        let per_line = Self::per_line(size, room / px);
        let mut keyed = false;
        for section in sections(d, View::Bytes) {
            section.each_painted(&mut |row, bytes| {
                if row.key().is_none() {
                    return;
                }
                let name = match row.name() {
                    Some(name) => columns(&name),
                    None => columns(&facts::name(d.layout)),
                };
                // Lines cut the block into parts; the narrowest decides.
                keyed |= pieces(bytes, per_line).any(|part| name * CHAR + 4 > part.len() * px);
            });
        }
        Scale {
            px,
            per_line,
            // A zero-sized value has no bytes to draw.
            lines: d.layout.size.div_ceil(per_line),
            letters,
            keyed,
        }
    }

    fn per_line(size: usize, fits: usize) -> usize {
        if fits >= size {
            size
        } else if fits >= 8 {
            fits - fits % 8
        } else {
            fits.max(1)
        }
    }
}

/// The colour of painted field number `key` of the picture.
fn colour(key: usize) -> &'static str {
    style::PALETTE[key % style::PALETTE.len()]
}

struct Painter<'a> {
    d: &'a Diagram<'a>,
    scale: &'a Scale,
    section: &'a Section<'a>,
    /// The colour number of the section's first field.
    colour: usize,
}

impl Painter<'_> {
    fn write(&self, f: &mut Formatter<'_>, top: usize) -> fmt::Result {
        if heading(self.section) > 0 {
            write!(
                f,
                "<text x=\"{MARGIN}\" y=\"{}\" font-weight=\"bold\">",
                top + 12
            )?;
            escape(f, &SectionTitle(self.section, self.d))?;
            f.write_str("</text>\n")?;
        }
        let size = self.d.layout.size;
        let top = top + heading(self.section);
        for line in 0..self.scale.lines {
            let start = line * self.scale.per_line;
            let end = (start + self.scale.per_line).min(size);
            self.line(f, start, end, top + line * LINE)?;
        }
        Ok(())
    }

    fn line(&self, f: &mut Formatter<'_>, start: usize, end: usize, y: usize) -> fmt::Result {
        let px = self.scale.px;
        let x_of = |byte: usize| MARGIN + (byte - start) * px;
        let box_y = y + RULER;
        self.section.paint(ByteRange { start, end }, &mut |row, part| {
            let (x, w) = (x_of(part.start), part.len() * px);
            let fill = match row.kind {
                Kind::Hole { .. } => style::PADDING,
                Kind::Tag { .. } => style::TAG,
                Kind::Unknown => style::UNKNOWN,
                Kind::Elsewhere => style::ELSEWHERE,
                _ => colour(self.colour + row.key().unwrap_or(0)),
            };
            write!(
                f,
                "<rect x=\"{x}\" y=\"{box_y}\" width=\"{w}\" height=\"{ROW_HEIGHT}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"1\"><title>",
                style::STROKE
            )?;
            escape(f, &Tooltip(row, self.d))?;
            f.write_str("</title></rect>\n")?;
            self.label(f, row, x, w, box_y)
        })?;
        self.ruler(f, start, end, y)
    }

    /// The block's name (and type below it), or its key, when they fit inside it.
    fn label(&self, f: &mut Formatter<'_>, row: &Row, x: usize, w: usize, y: usize) -> fmt::Result {
        let fits = |text: &dyn Display| columns(text) * CHAR + 4 <= w;
        let key = Key(row.key().unwrap_or(0), self.scale.letters);
        let whole = facts::name(self.d.layout);
        let (colour, tag_value) = match row.kind {
            Kind::Tag { value, .. } => (style::TAG_TEXT, value.map(TagValue)),
            _ => (style::TEXT, None),
        };
        let (name, ty): (&dyn Display, Option<&dyn Display>) = match (row.kind, row.name()) {
            (Kind::Field { field, .. }, Some(name)) if fits(&name) => {
                let ty = FieldType(field);
                let ty = (self.d.show_types && fits(&ty)).then_some(&ty as &dyn Display);
                return two_lines(f, x + w / 2, y, colour, &name, ty);
            }
            (Kind::Field { .. }, _) => (&key, None),
            (Kind::Value, _) if fits(&whole) => (&whole, None),
            (Kind::Value, _) => (&key, None),
            (Kind::Tag { .. }, _) => (&"tag", tag_value.as_ref().map(|v| v as &dyn Display)),
            (Kind::Unknown, _) => (&"?", None),
            _ => return Ok(()),
        };
        if !fits(name) {
            return Ok(());
        }
        two_lines(f, x + w / 2, y, colour, name, ty.filter(|t| fits(*t)))
    }

    /// Offsets above the blocks. Where every byte has room for the widest offset, each block's
    /// start is labelled; otherwise offsets at a power-of-two step wide enough for the labels.
    /// The line's end is labelled first (anchored at its right), and a label is left out
    /// where it would overlap another.
    fn ruler(&self, f: &mut Formatter<'_>, start: usize, end: usize, y: usize) -> fmt::Result {
        let px = self.scale.px;
        let x_of = |byte: usize| MARGIN + (byte - start) * px;
        let label = |offset: usize| digits(offset) * RULER_CHAR;
        let wanted = label(self.d.layout.size) + RULER_GAP;
        let end_left = x_of(end) - label(end);
        ruler_label(f, x_of(end), y, end, "end")?;
        let mut free = 0;
        let mut mark = |f: &mut Formatter<'_>, offset: usize| -> fmt::Result {
            let x = x_of(offset);
            if offset < end && x >= free && x + label(offset) + RULER_GAP <= end_left {
                ruler_label(f, x, y, offset, "start")?;
                free = x + label(offset) + RULER_GAP;
            }
            Ok(())
        };
        if px >= wanted {
            self.section
                .paint(ByteRange { start, end }, &mut |_, part| mark(f, part.start))
        } else {
            let mut step = 1;
            while step * px < wanted {
                step *= 2;
            }
            let mut offset = start.next_multiple_of(step);
            if offset != start {
                mark(f, start)?;
            }
            while offset < end {
                mark(f, offset)?;
                offset += step;
            }
            Ok(())
        }
    }
}

fn ruler_label(
    f: &mut Formatter<'_>,
    x: usize,
    y: usize,
    offset: usize,
    anchor: &str,
) -> fmt::Result {
    writeln!(
        f,
        "<text class=\"ruler\" x=\"{x}\" y=\"{}\" font-size=\"10\" fill=\"{}\" text-anchor=\"{anchor}\">{offset}</text>",
        y + 12,
        style::RULER_TEXT
    )
}

struct TagValue(u128);

impl Display for TagValue {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "= {}", self.0)
    }
}

/// A name centred in a block at `x`, and the type under it if there is one.
fn two_lines(
    f: &mut Formatter<'_>,
    x: usize,
    y: usize,
    colour: &str,
    name: &dyn Display,
    ty: Option<&dyn Display>,
) -> fmt::Result {
    match ty {
        Some(ty) => {
            text(f, x, y + 18, colour, None, name)?;
            let colour = if colour == style::TEXT {
                style::TYPE_TEXT
            } else {
                colour
            };
            text(f, x, y + 34, colour, Some(10), ty)
        }
        None => text(f, x, y + ROW_HEIGHT / 2 + 4, colour, None, name),
    }
}

/// Text centred at `x`.
fn text(
    f: &mut Formatter<'_>,
    x: usize,
    y: usize,
    fill: &str,
    size: Option<usize>,
    content: &dyn Display,
) -> fmt::Result {
    write!(
        f,
        "<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" fill=\"{fill}\""
    )?;
    if let Some(size) = size {
        write!(f, " font-size=\"{size}\"")?;
    }
    f.write_char('>')?;
    escape(f, content)?;
    f.write_str("</text>\n")
}

/// What a block is, in full: `pair.1: u32, bytes 12..16`.
struct Tooltip<'a, 'p>(&'a Row<'p>, &'a Diagram<'a>);

impl Display for Tooltip<'_, '_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let row = self.0;
        match (row.kind, row.name(), row.field()) {
            (Kind::Field { .. }, Some(name), Some(field)) => {
                write!(f, "{name}: {}", FieldType(field))?
            }
            (Kind::Value, _, _) => write!(f, "{}", facts::name(self.1.layout))?,
            (Kind::Hole { .. }, _, _) => f.write_str("padding")?,
            (Kind::Tag { value: Some(v), .. }, _, _) => write!(f, "tag = {v}")?,
            (Kind::Tag { .. }, _, _) => f.write_str("tag")?,
            (Kind::Unknown, _, _) => f.write_str("unknown")?,
            (Kind::Elsewhere, _, _) => f.write_str("another member")?,
            _ => {}
        }
        if let Some(bytes) = row.bytes {
            write!(f, ", {}", facts::Span(bytes))?;
        }
        Ok(())
    }
}

/// The legend: every painted field by key, full path and type, in the colours the blocks
/// use, then padding, tag, unknown and other members where they occur.
struct Legend {
    /// Key letters, when blocks show keys.
    letters: Option<usize>,
    entries: usize,
    widest: usize,
    hole: bool,
    tag: bool,
    unknown: bool,
    elsewhere: bool,
}

impl Legend {
    fn new(d: &Diagram, scale: &Scale) -> Legend {
        let mut legend = Legend {
            letters: scale.keyed.then_some(scale.letters),
            entries: 0,
            widest: 0,
            hole: false,
            tag: false,
            unknown: false,
            elsewhere: false,
        };
        for section in sections(d, View::Bytes) {
            legend.hole |= section.paints(|k| matches!(k, Kind::Hole { .. }));
            legend.tag |= section.paints(|k| matches!(k, Kind::Tag { .. }));
            legend.unknown |= section.paints(|k| matches!(k, Kind::Unknown));
            legend.elsewhere |= section.paints(|k| matches!(k, Kind::Elsewhere));
            section.each(&mut |row| {
                if row.painted() && row.key().is_some() {
                    legend.entries += 1;
                    let entry = Entry(row, &section, d, legend.letters);
                    legend.widest = legend.widest.max(columns(&entry));
                }
            });
        }
        legend.entries += usize::from(legend.hole)
            + usize::from(legend.tag)
            + usize::from(legend.unknown)
            + usize::from(legend.elsewhere);
        legend.widest = legend.widest.max("another member".len());
        legend
    }

    /// Pixels an entry takes: swatch, gap, text and space before the next column.
    fn column(&self) -> usize {
        16 + self.widest * CHAR + 16
    }

    fn columns(&self, width: usize) -> usize {
        ((width - 2 * MARGIN) / self.column()).max(1)
    }

    fn rows(&self, width: usize) -> usize {
        self.entries.div_ceil(self.columns(width))
    }

    fn write(&self, f: &mut Formatter<'_>, d: &Diagram, top: usize, width: usize) -> fmt::Result {
        let rows = self.rows(width).max(1);
        let column = self.column();
        let mut item = 0;
        // Entries fill columns top to bottom, so keys read in order down each column.
        let mut entry = |f: &mut Formatter<'_>, fill: &str, text: &dyn Display| -> fmt::Result {
            let x = MARGIN + (item / rows) * column;
            let y = top + (item % rows) * LEGEND_LINE;
            write!(
                f,
                "<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{fill}\" stroke=\"{}\"/><text x=\"{}\" y=\"{}\">",
                style::STROKE,
                x + 16,
                y + 10
            )?;
            escape(f, text)?;
            f.write_str("</text>\n")?;
            item += 1;
            Ok(())
        };
        let letters = self.letters;
        let mut colour_base = 0;
        for section in sections(d, View::Bytes) {
            section.walk(&mut |row| {
                if !row.painted() {
                    return Ok(());
                }
                match row.key() {
                    Some(key) => entry(
                        f,
                        colour(colour_base + key),
                        &Entry(row, &section, d, letters),
                    ),
                    None => Ok(()),
                }
            })?;
            colour_base += section.keys();
        }
        if self.hole {
            entry(f, style::PADDING, &"padding")?;
        }
        if self.tag {
            entry(f, style::TAG, &"tag")?;
        }
        if self.unknown {
            entry(f, style::UNKNOWN, &"unknown")?;
        }
        if self.elsewhere {
            entry(f, style::ELSEWHERE, &"another member")?;
        }
        Ok(())
    }
}

/// `a Move.x: i32`: the key (when blocks show keys), the variant for enums, the full path and
/// the type.
struct Entry<'a, 'p>(&'a Row<'p>, &'a Section<'a>, &'a Diagram<'a>, Option<usize>);

impl Display for Entry<'_, '_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (row, section, d) = (self.0, self.1, self.2);
        if let Some(letters) = self.3 {
            write!(f, "{} ", Key(row.key().unwrap_or(0), letters))?;
        }
        if let Title::Variant { variant, .. } = section.title {
            write!(f, "{}.", variant.name)?;
        }
        match (row.name(), row.field()) {
            (Some(name), Some(field)) if d.show_types => {
                write!(f, "{name}: {}", FieldType(field))
            }
            (Some(name), _) => write!(f, "{name}"),
            _ => write!(f, "{}", facts::name(d.layout)),
        }
    }
}

/// Writes `text` with XML's special characters escaped.
pub fn escape(f: &mut Formatter<'_>, text: &dyn Display) -> fmt::Result {
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
    write!(Escape(f), "{text}")
}
