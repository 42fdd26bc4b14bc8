//! Display width of text in a terminal: wide East Asian characters take two columns,
//! combining marks none. Enough for field and type names; no tables from Unicode data.

/// Columns that `c` takes in a monospace terminal.
pub fn char_width(c: char) -> usize {
    let c = c as u32;
    if is_zero_width(c) {
        0
    } else if is_wide(c) {
        2
    } else {
        1
    }
}

/// Columns that `s` takes.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn is_zero_width(c: u32) -> bool {
    matches!(c,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0E31 | 0x0E34..=0x0E3A | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200B..=0x200F
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF)
}

fn is_wide(c: u32) -> bool {
    matches!(c,
        0x1100..=0x115F | 0x231A..=0x231B | 0x2329..=0x232A | 0x23E9..=0x23EC | 0x2E80..=0x303E
        | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF
        | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD)
}

/// Writes `s` left-aligned in `width` columns.
pub fn pad_right(f: &mut dyn core::fmt::Write, s: &str, width: usize) -> core::fmt::Result {
    f.write_str(s)?;
    for _ in str_width(s)..width {
        f.write_char(' ')?;
    }
    Ok(())
}
