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
