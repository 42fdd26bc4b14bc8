//! Glyphs of the value pictures, kept apart from the drawing code.

/// The characters a picture is drawn with.
#[derive(Debug)]
pub(crate) struct Theme {
    /// From a pointer to the block it leads to.
    pub arrow: &'static str,
    /// Where rows or blocks are left out.
    pub ellipsis: &'static str,
    /// Before allocated bytes that hold no value.
    pub unused: &'static str,
    /// Between the facts of a header.
    pub separator: &'static str,
}

pub(crate) const UNICODE: Theme = Theme {
    arrow: "──▶",
    ellipsis: "…",
    unused: "░",
    separator: " · ",
};

pub(crate) const ASCII: Theme = Theme {
    arrow: "-->",
    ellipsis: "...",
    unused: ".",
    separator: " | ",
};

/// The fills of the SVG picture: a block's header band says whose bytes it holds. Colours,
/// hatch and font are the type diagrams' own (`layout-core`), so both kinds of picture read
/// alike.
pub(crate) mod svg {
    use layout_core::__svg::{ELSEWHERE, PADDING, PALETTE};

    /// The value itself.
    pub const VALUE: &str = PALETTE[4];
    /// A heap block only the value owns.
    pub const OWNED: &str = PALETTE[6];
    /// A heap block behind `Rc`/`Arc`.
    pub const SHARED: &str = PALETTE[5];
    /// Bytes behind a reference.
    pub const BORROWED: &str = PALETTE[2];
    /// Bytes behind a reference, in the executable's read-only data.
    pub const STATIC_DATA: &str = PALETTE[10];
    /// A row of bookkeeping beside the value (`Rc`'s counts).
    pub const HEADER_ROW: &str = ELSEWHERE;
    /// Allocated bytes that hold no value: the hatch of padding in the type diagrams.
    pub const UNUSED: &str = PADDING;
}
