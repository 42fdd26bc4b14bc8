//! Diagrams of a [`TypeLayout`]: tables, byte maps, box drawings, Markdown and SVG, all
//! written through [`core::fmt`] from the const metadata, deterministic, without allocation.
//!
//! ```
//! # extern crate layout_core as layoutscope;
//! use layoutscope::{Layout, Style};
//!
//! let text = <(u8, u32)>::LAYOUT.diagram().style(Style::ByteMap).to_string();
//! assert!(text.contains("legend"));
//! ```

mod advice;
mod boxes;
mod bytemap;
mod facts;
mod markdown;
mod names;
pub(crate) mod svg;
mod table;
pub(crate) mod theme;
mod walk;
pub(crate) mod width;
mod wrap;

use core::fmt::{self, Display, Formatter};

use crate::model::TypeLayout;

pub(crate) use names::FieldType;
pub use names::ShortTypeName;

/// The kinds of diagram.
///
/// ```
/// # extern crate layout_core as layoutscope;
/// use layoutscope::{Layout, Style};
///
/// let markdown = <(u8, u32)>::LAYOUT.diagram().style(Style::Markdown).to_string();
/// assert!(markdown.contains("| 1 | 3 | | *padding* | |"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Style {
    /// A pahole-like table with padding rows and a summary (the default `Display`).
    Table,
    /// One row per `bytes_per_row` bytes, one letter per byte naming its field, and a legend.
    ByteMap,
    /// A proportional drawing of the bytes as boxes, with an offset ruler.
    Boxes,
    /// A Markdown table (GitHub, rustdoc).
    Markdown,
    /// A self-contained SVG picture.
    Svg,
}

/// Options for drawing a [`TypeLayout`]; get one from [`TypeLayout::diagram`] and print it
/// with `Display`.
///
/// ```
/// # extern crate layout_core as layoutscope;
/// use layoutscope::{Layout, Style};
///
/// let diagram = <(u8, u32)>::LAYOUT.diagram().style(Style::Boxes).width(40).ascii(true);
/// print!("{diagram}");
/// assert!(diagram.to_string().is_ascii());
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Diagram<'a> {
    pub(crate) layout: &'a TypeLayout,
    pub(crate) style: Style,
    pub(crate) width: usize,
    pub(crate) ascii: bool,
    pub(crate) depth: usize,
    pub(crate) cache_line: usize,
    pub(crate) show_types: bool,
    pub(crate) bytes_per_row: usize,
}

impl<'a> Diagram<'a> {
    /// A table of `layout` with the default options.
    pub const fn new(layout: &'a TypeLayout) -> Self {
        Diagram {
            layout,
            style: Style::Table,
            width: 80,
            ascii: false,
            depth: 0,
            cache_line: 64,
            show_types: true,
            bytes_per_row: 8,
        }
    }

    /// The kind of diagram (default [`Style::Table`]).
    pub const fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// The widest line, in terminal columns (default 80; at least 20). The table, the byte
    /// map and the boxes keep to it: summaries, legends and long types wrap, the byte map puts
    /// fewer bytes on a line, and boxes show keys for names that do not fit. The table's
    /// offset, size and align columns and its name column are never cut. Markdown wraps its
    /// prose at it (a table row is one line by Markdown's rules).
    pub const fn width(mut self, width: usize) -> Self {
        self.width = if width < 20 { 20 } else { width };
        self
    }

    /// Only ASCII characters (default: Unicode box drawing and shading).
    pub const fn ascii(mut self, ascii: bool) -> Self {
        self.ascii = ascii;
        self
    }

    /// How many levels of nested fields to expand (default 0: only the type's own fields).
    ///
    /// Padding is what the rows show as holes: a hole inside an expanded field is padding of
    /// the value too, so at depth 1 and more the summary's padding counts it (and says how
    /// much lies inside expanded fields). At depth 0 it is [`TypeLayout::padding_bytes`].
    pub const fn depth(mut self, depth: usize) -> Self {
        self.depth = depth;
        self
    }

    /// The cache-line size for the table's boundary rows and counts (default 64).
    pub const fn cache_line(mut self, bytes: usize) -> Self {
        self.cache_line = if bytes == 0 { 64 } else { bytes };
        self
    }

    /// Whether to show field types (default true).
    pub const fn show_types(mut self, show: bool) -> Self {
        self.show_types = show;
        self
    }

    /// Bytes per row of the byte map (default 8; fewer when a row would not fit the width).
    pub const fn bytes_per_row(mut self, bytes: usize) -> Self {
        self.bytes_per_row = if bytes == 0 { 8 } else { bytes };
        self
    }
}

/// How many decimal digits `n` has.
pub(crate) fn digits(mut n: usize) -> usize {
    let mut count = 1;
    while n >= 10 {
        n /= 10;
        count += 1;
    }
    count
}

/// `1 byte`, `2 bytes`.
pub(crate) struct Bytes(pub usize);

impl Display for Bytes {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let unit = if self.0 == 1 { "byte" } else { "bytes" };
        write!(f, "{} {unit}", self.0)
    }
}

impl Display for Diagram<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.style {
            Style::Table => table::write(f, self),
            Style::ByteMap => bytemap::write(f, self),
            Style::Boxes => boxes::write(f, self),
            Style::Markdown => markdown::write(f, self),
            Style::Svg => svg::write(f, self),
        }
    }
}

impl Display for TypeLayout {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Diagram::new(self).fmt(f)
    }
}

impl TypeLayout {
    /// A diagram of this layout, to configure and print.
    pub const fn diagram(&self) -> Diagram<'_> {
        Diagram::new(self)
    }
}
