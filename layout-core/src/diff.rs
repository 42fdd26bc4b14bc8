//! The runtime side of `assert_layout_eq!`: compare tables, explain differences as a diff.

extern crate alloc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

use crate::model::TypeLayout;

/// Lines without trailing spaces, and without the blank lines that raw strings add around a
/// table.
fn lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |i| i + 1);
    lines[start..end].to_vec()
}

/// A line diff (longest common subsequence): unchanged lines start with two spaces, removed
/// (expected) lines with `- `, added (actual) lines with `+ `.
pub fn line_diff(expected: &str, actual: &str) -> String {
    let (a, b) = (lines(expected), lines(actual));
    let mut lcs = alloc::vec![alloc::vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            let _ = writeln!(out, "  {}", a[i]);
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            let _ = writeln!(out, "- {}", a[i]);
            i += 1;
        } else {
            let _ = writeln!(out, "+ {}", b[j]);
            j += 1;
        }
    }
    out
}

/// Panics with a diff unless `layout`'s table equals `expected` (see `assert_layout_eq!`).
#[track_caller]
pub fn assert_table(layout: &TypeLayout, expected: &str) {
    let actual = layout.to_string();
    if lines(&actual) != lines(expected) {
        panic!(
            "the layout of `{}` is not the expected one (- expected, + actual):\n{}",
            crate::render::ShortTypeName(layout.type_name.get()),
            line_diff(expected, &actual)
        );
    }
}
