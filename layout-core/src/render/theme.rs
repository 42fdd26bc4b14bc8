//! Glyphs and colours, kept apart from the drawing code: a renderer asks the theme what a
//! padding byte or a box corner looks like, never writes the character itself.

/// The characters of the text styles: Unicode box drawing and shading, or plain ASCII.
pub(super) struct Theme {
    /// A padding byte (byte map, boxes) and the mark before a padding row (table).
    pub padding: &'static str,
    /// A byte of an enum's tag.
    pub tag: &'static str,
    /// A byte whose owner is not known.
    pub unknown: &'static str,
    /// A byte of a union that another member covers.
    pub elsewhere: &'static str,
    /// Top corners of a row of boxes: left, between two cells, right.
    pub top: [&'static str; 3],
    /// Bottom corners.
    pub bottom: [&'static str; 3],
    /// A vertical box side.
    pub side: &'static str,
    /// A horizontal box line, and the rule around a cache-line boundary row.
    pub line: &'static str,
    /// Between the items of a summary or a legend.
    pub separator: &'static str,
    /// Before a lower bound (`≥256 free values`).
    pub at_least: &'static str,
    /// Between a size and the size it could have (`saves 8 B → 16`).
    pub arrow: &'static str,
    /// Where a list is cut short.
    pub ellipsis: &'static str,
}

pub(super) const UNICODE: Theme = Theme {
    padding: "░",
    tag: "▣",
    unknown: "?",
    elsewhere: "·",
    top: ["┌", "┬", "┐"],
    bottom: ["└", "┴", "┘"],
    side: "│",
    line: "─",
    separator: " · ",
    at_least: "≥",
    arrow: "→",
    ellipsis: "…",
};

const ASCII: Theme = Theme {
    padding: ".",
    tag: "#",
    unknown: "?",
    elsewhere: "-",
    top: ["+", "+", "+"],
    bottom: ["+", "+", "+"],
    side: "|",
    line: "-",
    separator: "; ",
    at_least: ">=",
    arrow: "->",
    ellipsis: "...",
};

impl Theme {
    /// The theme for `ascii` (only ASCII characters) or Unicode.
    pub fn of(ascii: bool) -> &'static Theme {
        if ascii {
            &ASCII
        } else {
            &UNICODE
        }
    }
}

/// The colours, fills and font of the SVG pictures (of types here, of live values in
/// `layout-values`).
pub(crate) mod svg {
    /// The font every SVG text is set in.
    pub const FONT_FAMILY: &str = "ui-monospace, Menlo, Consolas, monospace";
    /// The size of the text, in pixels.
    pub const FONT_SIZE: usize = 12;
    /// Pixels a character of `FONT_SIZE` monospace text takes, rounded up: text is placed by
    /// this width, so it never runs past the room it was given.
    pub const CHAR: usize = 8;
    /// Field colours, in turn: neighbours always differ, and every block also carries its key
    /// or name, so a colour never has to identify a field on its own.
    pub const PALETTE: [&str; 12] = [
        "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
        "#bc80bd", "#ccebc5", "#ffed6f", "#a6cee3",
    ];
    /// Bytes that belong to no field (a hatch).
    pub const PADDING: &str = "url(#hatch)";
    /// An enum's tag.
    pub const TAG: &str = "#4d4d4d";
    /// Text on the tag's fill.
    pub const TAG_TEXT: &str = "white";
    /// Bytes whose owner is not known (dotted).
    pub const UNKNOWN: &str = "url(#unknown)";
    /// Bytes of a union that another member covers.
    pub const ELSEWHERE: &str = "#f7f7f7";
    /// Names and values.
    pub const TEXT: &str = "#111";
    /// Types, under or beside the names.
    pub const TYPE_TEXT: &str = "#444";
    /// Offsets and other secondary numbers.
    pub const RULER_TEXT: &str = "#555";
    /// Outlines and arrows.
    pub const STROKE: &str = "#333";
    /// The patterns that `PADDING` and `UNKNOWN` name.
    pub const DEFS: &str = concat!(
        "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">",
        "<rect width=\"6\" height=\"6\" fill=\"#f4f4f4\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b0b0b0\" stroke-width=\"2\"/></pattern>",
        "<pattern id=\"unknown\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">",
        "<rect width=\"8\" height=\"8\" fill=\"#d9d9d9\"/><circle cx=\"4\" cy=\"4\" r=\"1\" fill=\"#999\"/></pattern></defs>\n"
    );
}
