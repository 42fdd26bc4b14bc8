//! The words of a picture, for every drawing: a block's header, where a pointer leads, and
//! the totals. Text and SVG place them differently and say the same.

use std::fmt::Write as _;
use std::string::String;
use std::vec::Vec;

use crate::picture::{Basis, Block, BlockKind, Padding, Row, Target, Totals};
use crate::theme::Theme;

/// A block's stable name: its index in the picture.
pub(crate) fn label(index: usize) -> String {
    format!("#{index}")
}

/// A block's header, part by part: whose bytes (`value`, `#1 heap, owned`), what it holds,
/// its size and alignment, then how the size is known, padding, tag bytes and the address
/// where asked for.
pub(crate) fn header(index: usize, block: &Block, addresses: bool) -> Vec<String> {
    let mut parts = Vec::new();
    let mut size = String::new();
    match block.kind {
        BlockKind::Value => {
            parts.push("value".to_string());
            let _ = write!(size, "{} B", block.size);
        }
        kind => {
            let whose = match kind {
                BlockKind::Owned => "heap, owned".to_string(),
                BlockKind::Shared { strong, weak } => {
                    format!("heap, shared (strong {strong}, weak {weak})")
                }
                BlockKind::StaticData => "borrowed, read-only data of the executable".to_string(),
                _ => "borrowed".to_string(),
            };
            parts.push(format!("{} {whose}", label(index)));
            let borrowed = matches!(kind, BlockKind::Borrowed | BlockKind::StaticData);
            if block.used == block.size || borrowed {
                let _ = write!(size, "{} B", block.size);
            } else {
                let _ = write!(size, "{} B used of {} B", block.used, block.size);
            }
        }
    }
    parts.push(block.type_name.clone());
    let _ = write!(size, ", align {}", block.align);
    parts.push(size);
    match block.basis {
        Basis::Documented => {}
        Basis::StdLayout => parts.push("std's current layout".to_string()),
        Basis::Estimate => parts.push("size estimated".to_string()),
    }
    if block.padding > 0 {
        parts.push(format!("padding {} B", block.padding));
    }
    if block.tag_or_padding > 0 {
        parts.push(format!("enum tag or padding {} B", block.tag_or_padding));
    }
    if addresses {
        parts.push(match block.address {
            Some(address) => format!("at {address:#x}"),
            None => "start not known".to_string(),
        });
    }
    parts
}

/// A row's type, with the live variant of an enum.
pub(crate) fn type_text(row: &Row) -> String {
    match row.variant {
        Some(variant) => format!("{}::{variant}", row.type_name),
        None => row.type_name.clone(),
    }
}

/// Where a pointer leads: an arrow and the block's label (`#2`), with `(again)` for a block
/// reached before, an ellipsis for one not drawn, or `(no allocation)`.
pub(crate) fn target(target: Target, theme: &Theme) -> String {
    let arrow = theme.arrow;
    match target {
        Target::Block(b) => format!("{arrow} {}", label(b)),
        Target::Again(b) => format!("{arrow} {} (again)", label(b)),
        Target::NotDrawn => format!("{arrow} {}", theme.ellipsis),
        Target::Nothing => "(no allocation)".to_string(),
    }
}

/// The totals, line by line: bytes by owner, padding and tag bytes, and the estimated part.
pub(crate) fn totals(t: &Totals, sep: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = format!("total: stack {} B", t.stack);
    if t.owned.blocks == 0 {
        let _ = write!(line, "{sep}heap owned 0 B");
    } else {
        let _ = write!(
            line,
            "{sep}heap owned {} B used of {} B in {} block{}",
            t.owned.used,
            t.owned.allocated,
            t.owned.blocks,
            plural(t.owned.blocks)
        );
    }
    if t.shared.blocks > 0 {
        let _ = write!(
            line,
            "{sep}shared {} B in {} block{}",
            t.shared.allocated,
            t.shared.blocks,
            plural(t.shared.blocks)
        );
    }
    if t.borrowed.blocks > 0 {
        let _ = write!(line, "{sep}borrowed {} B", t.borrowed.allocated);
    }
    lines.push(line);
    // Padding where the value has bytes: always the stack and the owned heap, shared and
    // borrowed blocks where there are any.
    let by_place = |p: &Padding, sep: &str| {
        let mut text = format!("stack {} B{sep}owned {} B", p.stack, p.owned);
        if t.shared.blocks > 0 {
            let _ = write!(text, "{sep}shared {} B", p.shared);
        }
        if t.borrowed.blocks > 0 {
            let _ = write!(text, "{sep}borrowed {} B", p.borrowed);
        }
        text
    };
    lines.push(format!("padding: {}", by_place(&t.padding, sep)));
    if t.tag_or_padding != Padding::default() {
        lines.push(format!(
            "enum tag or padding: {}",
            by_place(&t.tag_or_padding, sep)
        ));
    }
    if t.estimated.blocks > 0 {
        lines.push(format!(
            "estimated: {} B of the heap in {} block{} (std does not specify their size)",
            t.estimated.allocated,
            t.estimated.blocks,
            plural(t.estimated.blocks)
        ));
    }
    lines
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
