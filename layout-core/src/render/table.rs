//! The table: pahole-like rows in memory order, padding holes as rows of their own, cache-line
//! boundaries, nested fields indented, one table per enum variant, and a summary that wraps as
//! a list of topics.

use core::fmt::{self, Formatter, Write};

use super::facts::{self, Heading, Markup, NoFields, Shape, Span, TagPlace};
use super::names::FieldType;
use super::theme::Theme;
use super::walk::{sections, Kind, Row, Section, Title, View};
use super::width::{pad_right, str_width};
use super::wrap::{columns, Items, Wrap};
use super::Diagram;

/// The offset, size and align columns with their separators: ` offset  size  align  `.
const FIXED: usize = 22;

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    let theme = Theme::of(d.ascii);
    let m = Markup::Text(theme);
    title(f, d, m)?;
    if l.is_enum() && !l.variants().is_empty() {
        line(f, d, &format_args!("tag: {}", TagPlace(l, m)))?;
    }
    let name_width = name_width(d);
    for section in sections(d, View::Rows) {
        if section.is_leaf() {
            if let Some(note) = facts::leaf_note(l) {
                writeln!(f, "  {note}")?;
            }
            continue;
        }
        if !matches!(section.title, Title::Whole) {
            write_heading(f, d, &section, m)?;
        }
        if section.fields().is_empty() {
            continue;
        }
        let rows = Rows {
            d,
            theme,
            name_width,
        };
        rows.header(f)?;
        section.walk(&mut |row| rows.row(f, row))?;
    }
    facts::summary(d, m, &mut |items| {
        f.write_char(' ')?;
        let mut list = Items::new(Wrap::new(f, 1, d.width, 3), m.separator());
        for item in items {
            list.item(item)?;
        }
        list.finish()?;
        f.write_char('\n')
    })
}

/// `Header  24 bytes, align 8, repr(C)`, wrapped at the width.
pub(super) fn title(f: &mut Formatter<'_>, d: &Diagram, m: Markup) -> fmt::Result {
    let l = d.layout;
    let mut wrap = Wrap::new(f, 0, d.width, 1);
    write!(wrap, "{}", facts::name(l))?;
    // Two spaces set the name apart; a break may fall there.
    wrap.write_str("  ")?;
    write!(wrap, "{}", Shape(l, m))?;
    wrap.finish()?;
    f.write_char('\n')
}

/// One sentence on its own line, wrapped.
fn line(f: &mut Formatter<'_>, d: &Diagram, text: &dyn fmt::Display) -> fmt::Result {
    f.write_char(' ')?;
    let mut wrap = Wrap::new(f, 1, d.width, 3);
    write!(wrap, "{text}")?;
    wrap.finish()?;
    f.write_char('\n')
}

fn write_heading(f: &mut Formatter<'_>, d: &Diagram, s: &Section, m: Markup) -> fmt::Result {
    struct Full<'a>(&'a Diagram<'a>, &'a Section<'a>, Markup);
    impl fmt::Display for Full<'_> {
        fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
            let (d, s, m) = (self.0, self.1, self.2);
            write!(f, "{}", Heading(s, d.layout, m))?;
            let Title::Variant { index, .. } = s.title else {
                return Ok(());
            };
            let l = d.layout;
            if !s.placed() {
                return f.write_str("  (offsets not specified by Rust)");
            }
            if s.fields().is_empty() {
                return write!(f, "  {}", NoFields(l, index));
            }
            if let (crate::Tag::Niche { untagged, .. }, Some(bytes)) = (l.tag(), l.tag_range()) {
                if untagged == index {
                    write!(
                        f,
                        "  (untagged: its fields hold valid values in {})",
                        Span(bytes)
                    )?;
                }
            }
            Ok(())
        }
    }
    line(f, d, &Full(d, s, m))
}

/// The widest name column over every section, counting the indentation of nested levels.
fn name_width(d: &Diagram) -> usize {
    let mut width = "field".len();
    for section in sections(d, View::Rows) {
        section.each(&mut |row| {
            let name = match row.kind {
                Kind::Field { field, .. } => str_width(field.name),
                Kind::Tag { .. } => "(tag)".len(),
                _ => 0,
            };
            width = width.max(2 * row.level + name);
        });
    }
    width
}

struct Rows<'d> {
    d: &'d Diagram<'d>,
    theme: &'static Theme,
    name_width: usize,
}

impl Rows<'_> {
    fn header(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, " {:>6}  {:>4}  {:>5}  ", "offset", "size", "align")?;
        if self.d.show_types {
            pad_right(f, "field", self.name_width)?;
            f.write_str("  type\n")
        } else {
            f.write_str("field\n")
        }
    }

    fn row(&self, f: &mut Formatter<'_>, row: &Row) -> fmt::Result {
        let start = row.bytes.map(|b| b.start);
        let len = row.bytes.map_or(0, |b| b.len());
        match row.kind {
            Kind::Field { field, align, .. } => {
                match start {
                    Some(start) => write!(f, " {start:>6}")?,
                    None => write!(f, " {:>6}", "?")?,
                }
                write!(f, "  {:>4}  {align:>5}  ", field.size())?;
                self.name(f, row.level, field.name, &FieldType(field))
            }
            Kind::Tag { value, niche } => {
                write!(f, " {:>6}  {len:>4}  {:>5}  ", start.unwrap_or(0), "")?;
                struct TagValue(Option<u128>, bool);
                impl fmt::Display for TagValue {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str(if self.1 {
                            "niche value"
                        } else {
                            "discriminant"
                        })?;
                        match self.0 {
                            Some(v) => write!(f, " {v}"),
                            None => Ok(()),
                        }
                    }
                }
                self.name(f, row.level, "(tag)", &TagValue(value, niche))
            }
            Kind::Hole { trailing } => {
                write!(f, " {:>6}  {len:>4}  {:>5}  ", start.unwrap_or(0), "")?;
                indent(f, row.level)?;
                let what = if trailing {
                    "trailing padding"
                } else {
                    "padding"
                };
                writeln!(f, "{} {what}", self.theme.padding)
            }
            Kind::Boundary { line } => {
                let rule = self.theme.line;
                writeln!(
                    f,
                    " {rule}{rule} cache line {line} (byte {}) {rule}{rule}",
                    start.unwrap_or(0)
                )
            }
            // The heading says what is unknown; the other kinds do not occur in rows.
            Kind::Unknown | Kind::Elsewhere | Kind::Value => Ok(()),
        }
    }

    /// The name column, then the type column wrapped at the width.
    fn name(
        &self,
        f: &mut Formatter<'_>,
        level: usize,
        name: &str,
        ty: &dyn fmt::Display,
    ) -> fmt::Result {
        indent(f, level)?;
        if !self.d.show_types {
            return writeln!(f, "{name}");
        }
        let col = FIXED + self.name_width + 2;
        // A type column narrower than this starts the type on the next line, under the name.
        const NARROWEST: usize = 12;
        let width = self.d.width;
        let mut wrap = if col + NARROWEST <= width || col + columns(ty) <= width {
            pad_right(f, name, self.name_width - 2 * level)?;
            f.write_str("  ")?;
            Wrap::new(f, col, width, col)
        } else {
            writeln!(f, "{name}")?;
            for _ in 0..FIXED {
                f.write_char(' ')?;
            }
            Wrap::new(f, FIXED, width.max(FIXED + NARROWEST), FIXED)
        };
        write!(wrap, "{ty}")?;
        wrap.finish()?;
        f.write_char('\n')
    }
}

fn indent(f: &mut Formatter<'_>, level: usize) -> fmt::Result {
    for _ in 0..level {
        f.write_str("  ")?;
    }
    Ok(())
}
