//! [`show`]: the builder that visits a value and draws its picture.

use std::fmt::{self, Display, Formatter};

use crate::picture::{HeapBytes, Picture, Totals};
use crate::svg::{Svg, SvgOptions};
use crate::text::{Text, TextOptions};
use crate::theme::{ASCII, UNICODE};
use crate::visit::{Limits, Visit, Visitor};

/// The picture of `value`: its bytes where it lives, every heap block it owns, shares or
/// borrows, and the byte totals. `Display` draws it; the builder methods set how.
///
/// ```
/// # mod layoutscope {
/// #     pub use layout_values::show;
/// #     pub mod values { pub use layout_values::*; }
/// # }
/// let s = String::from("slop");
/// let picture = layoutscope::show(&s).name("s").to_string();
/// assert!(picture.contains("\"slop\""));
/// assert_eq!(layoutscope::show(&s).totals().heap(), 4);
/// ```
#[must_use = "a `Show` draws nothing until it is displayed"]
pub fn show<T: Visit + ?Sized>(value: &T) -> Show<'_, T> {
    Show {
        value,
        name: "value",
        depth: 16,
        max_elements: 8,
        ascii: false,
        width: 100,
        addresses: false,
        svg: false,
    }
}

/// The byte totals of `value` without drawing anything: every block is visited and counted,
/// no row is recorded.
pub fn totals<T: Visit + ?Sized>(value: &T) -> Totals {
    let limits = Limits {
        draw: false,
        heap_only: false,
        depth: 0,
        max_elements: 0,
        value_width: 0,
    };
    Visitor::run(value, "", &limits).totals
}

/// The heap bytes `value` keeps allocated, and nothing else: [`Totals::heap`] and the
/// estimated part of it, as [`totals`] counts them, in less time. Where a buffer's items all
/// [tally](Visit::tallies), one sum runs over them instead of the four the totals need
/// (blocks, used and allocated bytes, and the items' own bytes).
///
/// ```
/// # mod layoutscope {
/// #     pub mod values { pub use layout_values::*; }
/// # }
/// use layoutscope::values::{heap_bytes, totals};
///
/// let names: Vec<String> = vec!["ferris".into(), String::with_capacity(10)];
/// let heap = heap_bytes(&names);
/// assert_eq!(heap.allocated, 2 * size_of::<String>() + 6 + 10);
/// assert_eq!(heap.allocated, totals(&names).heap());
/// assert_eq!(heap.estimated, 0);
/// ```
pub fn heap_bytes<T: Visit + ?Sized>(value: &T) -> HeapBytes {
    let limits = Limits {
        draw: false,
        heap_only: true,
        depth: 0,
        max_elements: 0,
        value_width: 0,
    };
    let totals = Visitor::run(value, "", &limits).totals;
    HeapBytes {
        allocated: totals.heap(),
        estimated: totals.estimated.allocated,
    }
}

/// A value's picture, configured with builder methods; see [`show`].
#[derive(Clone, Copy, Debug)]
pub struct Show<'a, T: ?Sized> {
    value: &'a T,
    name: &'a str,
    depth: usize,
    max_elements: usize,
    ascii: bool,
    width: usize,
    addresses: bool,
    svg: bool,
}

impl<'a, T: Visit + ?Sized> Show<'a, T> {
    /// The name of the value's own row (default `value`).
    pub fn name(mut self, name: &'a str) -> Self {
        self.name = name;
        self
    }

    /// How many pointers are followed when drawing (default 16); blocks further away are
    /// still counted.
    pub fn depth(mut self, depth: usize) -> Self {
        self.depth = depth;
        self
    }

    /// How many elements of a buffer are drawn (default 8); the rest are counted and
    /// summarised in one row.
    pub fn max_elements(mut self, max_elements: usize) -> Self {
        self.max_elements = max_elements;
        self
    }

    /// ASCII glyphs instead of Unicode (in the SVG: the separators, and the arrows written
    /// before labels).
    pub fn ascii(mut self, ascii: bool) -> Self {
        self.ascii = ascii;
        self
    }

    /// The width the picture aims at (default 100): longer value texts are cut.
    pub fn width(mut self, width: usize) -> Self {
        self.width = width;
        self
    }

    /// Whether block headers show real addresses (default `false`: blocks are named `#1`,
    /// `#2`, … in the order they are reached, the same in every run, for snapshots).
    pub fn addresses(mut self, addresses: bool) -> Self {
        self.addresses = addresses;
        self
    }

    /// An SVG picture instead of text: the blocks as boxes in columns, arrows from each
    /// pointer to its block, the totals below; the same facts and labels as the text.
    ///
    /// ```
    /// # mod layoutscope {
    /// #     pub use layout_values::show;
    /// # }
    /// let v = vec![65, 54, 57];
    /// let svg = layoutscope::show(&v).name("v").svg(true).to_string();
    /// assert!(svg.starts_with("<svg") && svg.contains("#1 heap, owned"));
    /// ```
    pub fn svg(mut self, svg: bool) -> Self {
        self.svg = svg;
        self
    }

    /// The picture: every block, its rows, and the totals.
    pub fn picture(&self) -> Picture {
        let limits = Limits {
            draw: true,
            heap_only: false,
            depth: self.depth,
            max_elements: self.max_elements,
            // What is left of the width after offset, size, name and type columns.
            value_width: self.width.saturating_sub(48).max(16),
        };
        Visitor::run(self.value, self.name, &limits)
    }

    /// The byte totals (the same for every option).
    pub fn totals(&self) -> Totals {
        totals(self.value)
    }
}

impl<T: Visit + ?Sized> Display for Show<'_, T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let theme = if self.ascii { &ASCII } else { &UNICODE };
        let addresses = self.addresses;
        if self.svg {
            Svg(&self.picture(), SvgOptions { theme, addresses }).fmt(f)
        } else {
            Text(&self.picture(), TextOptions { theme, addresses }).fmt(f)
        }
    }
}
