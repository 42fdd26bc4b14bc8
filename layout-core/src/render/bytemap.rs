//! The byte map: one row per `bytes_per_row` bytes, one label per byte naming the field that
//! owns it, padding shaded, a legend. Unions get one row group per member and enums one per
//! variant; an enum's tag bytes are marked, and bytes whose owner is unknown are drawn as
//! unknown, never as if known.

use core::fmt::{self, Formatter, Write};

use super::buffer::Buffer;
use super::cover::{count_units, for_each_unit, groups, has, owner, Group, Owner, Titled, Unit};
use super::table::{write_header, write_type, ShortTypeName};
use super::width::str_width;
use super::Diagram;

pub(super) const LABELS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

pub(super) fn write(f: &mut Formatter<'_>, d: &Diagram) -> fmt::Result {
    let l = d.layout;
    write_header(f, l)?;
    let symbols = Symbols::new(d.ascii);
    let mut result = Ok(());
    let described = groups(l, &mut |t| {
        if result.is_ok() {
            result = write_titled(f, d, &symbols, t);
        }
    });
    result?;
    if l.size == 0 {
        writeln!(f, " (zero-sized: no bytes to map)")?;
    } else if !described {
        // A leaf: every byte is the value itself.
        write!(f, "{:>7}", "")?;
        for col in 0..d.bytes_per_row.min(l.size) {
            write!(f, " {col}")?;
        }
        f.write_char('\n')?;
        for row in 0..l.size.div_ceil(d.bytes_per_row) {
            write_row_start(f, d, row)?;
            for _ in 0..d.bytes_per_row.min(l.size - row * d.bytes_per_row) {
                f.write_str(" a")?;
            }
            f.write_char('\n')?;
        }
        writeln!(f, " legend: a {}", ShortTypeName(l.type_name.get()))?;
    } else if l.is_enum() && l.variants().is_empty() {
        writeln!(f, " (no variants: no value exists)")?;
    }
    Ok(())
}

fn write_titled(f: &mut Formatter<'_>, d: &Diagram, s: &Symbols, t: Titled) -> fmt::Result {
    match t.discriminant {
        Some(discriminant) => writeln!(f, " {} {} = {discriminant}", t.kind, t.name)?,
        None if !t.kind.is_empty() => writeln!(f, " {} {}", t.kind, t.name)?,
        None => {}
    }
    write_group(f, d, s, t.group)
}

struct Symbols {
    padding: &'static str,
    tag: &'static str,
    unknown: &'static str,
    elsewhere: &'static str,
}

impl Symbols {
    fn new(ascii: bool) -> Self {
        if ascii {
            Symbols {
                padding: ".",
                tag: "#",
                unknown: "?",
                elsewhere: "-",
            }
        } else {
            Symbols {
                padding: "░",
                tag: "▣",
                unknown: "?",
                elsewhere: "·",
            }
        }
    }
}

fn write_group(f: &mut Formatter<'_>, d: &Diagram, s: &Symbols, g: Group) -> fmt::Result {
    let size = d.layout.size;
    let units = count_units(d, g.fields);
    let label_width = if units <= LABELS.len() { 1 } else { 2 };
    write!(f, "{:>7}", "")?;
    for col in 0..d.bytes_per_row.min(size.max(1)) {
        write!(f, " {col:>label_width$}")?;
    }
    f.write_char('\n')?;
    for row in 0..size.div_ceil(d.bytes_per_row) {
        write_row_start(f, d, row)?;
        let start = row * d.bytes_per_row;
        for byte in start..(start + d.bytes_per_row).min(size) {
            f.write_char(' ')?;
            match owner(d, g, byte) {
                Owner::Unit(i) => write_label(f, i, label_width)?,
                Owner::Padding => repeat(f, s.padding, label_width)?,
                Owner::Tag => repeat(f, s.tag, label_width)?,
                Owner::Unknown => repeat(f, s.unknown, label_width)?,
                Owner::Elsewhere => repeat(f, s.elsewhere, label_width)?,
            }
        }
        f.write_char('\n')?;
    }
    write_legend(f, d, s, g, label_width)
}

fn write_row_start(f: &mut Formatter<'_>, _d: &Diagram, row: usize) -> fmt::Result {
    write!(f, " {:>6}", row * _d.bytes_per_row)
}

fn repeat(f: &mut Formatter<'_>, symbol: &str, times: usize) -> fmt::Result {
    for _ in 0..times {
        f.write_str(symbol)?;
    }
    Ok(())
}

fn write_label(f: &mut dyn Write, index: usize, width: usize) -> fmt::Result {
    if width == 1 {
        f.write_char(LABELS[index % LABELS.len()] as char)
    } else {
        let n = LABELS.len();
        f.write_char(LABELS[(index / n) % n] as char)?;
        f.write_char(LABELS[index % n] as char)
    }
}

fn write_legend(
    f: &mut Formatter<'_>,
    d: &Diagram,
    s: &Symbols,
    g: Group,
    label_width: usize,
) -> fmt::Result {
    let mut line = LegendLine::new(f, d.width);
    line.item(format_args!("legend:"), "legend:".len())?;
    let mut result = Ok(());
    if g.unknown && !g.fields.is_empty() {
        // Its fields are drawn nowhere: name them without a label, so none seems placed.
        line.item(
            format_args!("field offsets unknown ({})", g.fields.len()),
            24,
        )?;
    } else {
        for_each_unit(d, g.fields, &mut |index, unit| {
            if result.is_err() {
                return;
            }
            result = line.unit(index, unit, label_width, d.show_types);
        });
    }
    result?;
    if has(d, g, Owner::Tag) {
        line.item(format_args!("{} tag", s.tag), 4)?;
    }
    if has(d, g, Owner::Padding) {
        line.item(format_args!("{} padding", s.padding), 8)?;
    }
    if has(d, g, Owner::Unknown) {
        line.item(format_args!("{} unknown", s.unknown), 8)?;
    }
    if has(d, g, Owner::Elsewhere) {
        line.item(format_args!("{} another member", s.elsewhere), 16)?;
    }
    line.end()
}

/// Legend items separated by ` · `, wrapped at the diagram's width.
struct LegendLine<'f, 'a> {
    f: &'f mut Formatter<'a>,
    width: usize,
    used: usize,
    items: usize,
}

impl<'f, 'a> LegendLine<'f, 'a> {
    fn new(f: &'f mut Formatter<'a>, width: usize) -> Self {
        LegendLine {
            f,
            width,
            used: 0,
            items: 0,
        }
    }

    /// Writes one item of `columns` columns: the first is `legend:`, the next follows it after a
    /// space, the others after ` · `, on a new indented line when this one is full.
    fn item(&mut self, text: fmt::Arguments, columns: usize) -> fmt::Result {
        let mut sep = if self.items <= 1 { " " } else { " · " };
        let sep_width = if self.items <= 1 { 1 } else { 3 };
        if self.items > 1 && self.used + sep_width + columns > self.width {
            self.f.write_str("\n        ")?;
            self.used = 8;
            sep = "";
        } else {
            self.used += sep_width;
        }
        self.f.write_str(sep)?;
        self.f.write_fmt(text)?;
        self.used += columns;
        self.items += 1;
        Ok(())
    }

    fn unit(&mut self, index: usize, unit: Unit, label_width: usize, types: bool) -> fmt::Result {
        let mut name_columns = str_width(unit.field.name) + label_width + 1;
        for p in &unit.path[..unit.level] {
            name_columns += str_width(p) + 1;
        }
        let mut ty = Buffer::default();
        if types {
            let _ = write_type(&mut ty, unit.field);
            name_columns += 2 + str_width(ty.as_str());
        }
        let path = unit;
        if types {
            self.item(
                format_args!("{} {path}: {}", Label(index, label_width), ty.as_str()),
                name_columns,
            )
        } else {
            self.item(
                format_args!("{} {path}", Label(index, label_width)),
                name_columns,
            )
        }
    }

    fn end(self) -> fmt::Result {
        self.f.write_char('\n')
    }
}

struct Label(usize, usize);

impl fmt::Display for Label {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_label(f, self.0, self.1)
    }
}
