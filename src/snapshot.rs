//! Layout files: a type's diagram kept in the repository, checked by a test, shown in rustdoc.
//!
//! A test compares the file with the layout of this build and fails with a line diff when they
//! differ; run it with `LAYOUTSCOPE_BLESS=1` to write the file instead, then review the change
//! as any other diff. The file's first line records the target and the compiler it was written
//! with, so a failure on another target or compiler says so: layouts differ between targets
//! (pointer sizes, alignments) and may differ between compilers (`repr(Rust)` field order).
//!
//! ```no_run
//! use layoutscope::Layout;
//!
//! #[derive(Layout)]
//! #[repr(C)]
//! pub struct Header { tag: u8, len: u32 }
//!
//! // In a test: fails with a diff when the file is out of date.
//! layoutscope::snapshot::assert_file::<Header>("layouts/Header.md");
//! ```
//!
//! # Diagrams in rustdoc
//!
//! Include the file in the type's documentation:
//!
//! ```ignore
//! /// A message header, as it goes on the wire.
//! #[doc = include_str!("../layouts/Header.md")]
//! #[derive(Layout)]
//! #[repr(C)]
//! pub struct Header { tag: u8, len: u32, port: u16, id: u64 }
//! ```
//!
//! The path in `include_str!` is relative to the source file; the path given to
//! [`assert_file`] is relative to the package root (where `cargo test` runs tests). The crate
//! cannot compile before the file exists, so a new type starts with an empty file:
//! `touch layouts/Header.md`, then `LAYOUTSCOPE_BLESS=1 cargo test`. The first line of a
//! Markdown file is an HTML comment (`<!-- layoutscope: x86_64-unknown-linux-gnu, rustc 1.95.0
//! (…) -->`), which rustdoc does not show.

extern crate std;

use std::borrow::ToOwned;
use std::format;
use std::fs;
use std::path::Path;
use std::string::{String, ToString};

use crate::{Diagram, Layout, Style};

/// The target and compiler of this build, as layout files record them:
/// `x86_64-unknown-linux-gnu, rustc 1.95.0 (59807616e 2026-04-14)`.
pub const BUILT_WITH: &str = concat!(env!("LAYOUTSCOPE_TARGET"), ", ", env!("LAYOUTSCOPE_RUSTC"));

/// The environment variable that makes the checks write their files instead of comparing:
/// set to anything but empty or `0`.
pub const BLESS_VAR: &str = "LAYOUTSCOPE_BLESS";

/// Checks (or with `LAYOUTSCOPE_BLESS=1`, writes) the Markdown diagram of `T` in the file at
/// `path`: the file to include in `T`'s rustdoc.
///
/// # Panics
///
/// When the file cannot be read or written, or differs from `T`'s layout in this build: the
/// message holds a line diff, and the target and compiler the file was written with when they
/// are not this build's.
#[track_caller]
pub fn assert_file<T: Layout>(path: impl AsRef<Path>) {
    assert_diagram_file(T::LAYOUT.diagram().style(Style::Markdown), path);
}

/// Checks (or with `LAYOUTSCOPE_BLESS=1`, writes) `diagram` in the file at `path`, as
/// configured: any style, depth or width. Files named `*.md`, `*.html` or `*.svg` record the
/// target and compiler in an HTML comment, other files in a first line of text.
///
/// # Panics
///
/// As [`assert_file`].
#[track_caller]
pub fn assert_diagram_file(diagram: Diagram<'_>, path: impl AsRef<Path>) {
    if let Err(message) = check(path.as_ref(), &diagram.to_string(), bless_requested()) {
        panic!("{message}");
    }
}

/// Checks (or with `LAYOUTSCOPE_BLESS=1`, writes) any text in the file at `path`, under the
/// same first line as a diagram: for a picture of a value (`layoutscope::show(&v)` with
/// stable labels, the default), whose text is the same in every run.
///
/// # Panics
///
/// As [`assert_file`].
#[track_caller]
pub fn assert_text_file(text: &str, path: impl AsRef<Path>) {
    if let Err(message) = check(path.as_ref(), text, bless_requested()) {
        panic!("{message}");
    }
}

/// Whether `LAYOUTSCOPE_BLESS` asks for the files to be written.
pub fn bless_requested() -> bool {
    std::env::var_os(BLESS_VAR).is_some_and(|v| !v.is_empty() && v != "0")
}

/// The first line of a file at `path` written by this build.
fn header(path: &Path) -> String {
    let comment = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown" | "html" | "svg")
    );
    if comment {
        format!("<!-- layoutscope: {BUILT_WITH} -->")
    } else {
        format!("layoutscope: {BUILT_WITH}")
    }
}

/// What a file's first line says it was written with, if it is a header.
fn recorded(first_line: &str) -> Option<&str> {
    let line = first_line.trim_end();
    if let Some(rest) = line.strip_prefix("<!-- layoutscope: ") {
        rest.strip_suffix(" -->")
    } else {
        line.strip_prefix("layoutscope: ")
    }
}

/// Compares (or writes, when `bless`) the file at `path` with `body` under this build's header.
fn check(path: &Path, body: &str, bless: bool) -> Result<(), String> {
    let expected = format!("{}\n{body}", header(path));
    let shown = path.display();
    if bless {
        if fs::read_to_string(path).ok().as_deref() == Some(expected.as_str()) {
            return Ok(()); // unchanged: keep the file's time, so nothing rebuilds
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| format!("{shown}: cannot create {dir:?}: {e}"))?;
        }
        return fs::write(path, expected).map_err(|e| format!("{shown}: cannot write: {e}"));
    }
    let found = fs::read_to_string(path).map_err(|e| {
        format!("{shown}: cannot read the layout file ({e}); run with {BLESS_VAR}=1 to write it")
    })?;
    // A checkout that turned line ends into CRLF holds the same layout.
    let found = found.replace("\r\n", "\n");
    let (first, rest) = found.split_once('\n').unwrap_or((found.as_str(), ""));
    let (written_with, found_body) = match recorded(first) {
        Some(with) => (Some(with), rest),
        None => (None, found.as_str()),
    };
    if found_body == body {
        return Ok(());
    }
    let why = match written_with {
        Some(with) if with == BUILT_WITH => {
            "It was written with this target and compiler: the layout or its diagram changed."
                .to_owned()
        }
        Some(with) => format!(
            "It was written with {with}; this build is {BUILT_WITH}. Layouts differ between \
             targets and may differ between compilers."
        ),
        None => "It does not record the target and compiler it was written with.".to_owned(),
    };
    Err(format!(
        "{shown} does not hold this build's layout (- file, + this build):\n{}\n{why}\n\
         If the change is intended, run with {BLESS_VAR}=1 to rewrite the file and review the diff.",
        layout_core::__private::line_diff(found_body, body).trim_end()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A fresh directory for one test.
    fn dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "layoutscope-snapshot-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn markdown<T: Layout>() -> String {
        T::LAYOUT.diagram().style(Style::Markdown).to_string()
    }

    #[test]
    fn bless_writes_the_header_and_the_diagram_then_the_check_passes() {
        let path = dir("bless").join("layouts").join("pair.md");
        let body = markdown::<(u8, u32)>();
        check(&path, &body, true).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text, format!("<!-- layoutscope: {BUILT_WITH} -->\n{body}"));
        assert!(BUILT_WITH.contains(", rustc "), "{BUILT_WITH}");
        check(&path, &body, false).unwrap();
    }

    #[test]
    fn a_changed_layout_fails_with_a_diff() {
        let path = dir("changed").join("pair.md");
        check(&path, &markdown::<(u8, u32)>(), true).unwrap();
        let err = check(&path, &markdown::<(u8, u64)>(), false).unwrap_err();
        assert!(err.contains("- | 4 | 4 | 4 | `1` | `u32` |"), "{err}");
        assert!(err.contains("+ | 8 | 8 | 8 | `1` | `u64` |"), "{err}");
        assert!(
            err.contains("written with this target and compiler"),
            "{err}"
        );
        assert!(err.contains("LAYOUTSCOPE_BLESS=1"), "{err}");
    }

    #[test]
    fn a_file_from_another_target_says_so_when_it_differs() {
        let path = dir("other").join("pair.md");
        let body = markdown::<(u8, u32)>();
        let other =
            "<!-- layoutscope: i686-unknown-linux-gnu, rustc 1.95.0 (59807616e 2026-04-14) -->";
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        // Same layout on another target: nothing to report.
        fs::write(&path, format!("{other}\n{body}")).unwrap();
        check(&path, &body, false).unwrap();
        // A different layout: the message names both builds.
        fs::write(&path, format!("{other}\n{}", markdown::<(u8, u16)>())).unwrap();
        let err = check(&path, &body, false).unwrap_err();
        assert!(
            err.contains("written with i686-unknown-linux-gnu, rustc 1.95.0"),
            "{err}"
        );
        assert!(
            err.contains(&format!("this build is {BUILT_WITH}")),
            "{err}"
        );
    }

    #[test]
    fn missing_and_headerless_files_say_what_to_do() {
        let path = dir("missing").join("none.md");
        let err = check(&path, "x\n", false).unwrap_err();
        assert!(err.contains("cannot read the layout file"), "{err}");
        assert!(err.contains("LAYOUTSCOPE_BLESS=1"), "{err}");

        let empty = dir("empty").join("empty.md");
        fs::create_dir_all(empty.parent().unwrap()).unwrap();
        fs::write(&empty, "").unwrap();
        let err = check(&empty, "x\n", false).unwrap_err();
        assert!(err.contains("does not record the target"), "{err}");
    }

    #[test]
    fn crlf_checkouts_and_text_headers_are_read() {
        let path = dir("crlf").join("pair.txt");
        let body = <(u8, u32)>::LAYOUT.to_string();
        check(&path, &body, true).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(&format!("layoutscope: {BUILT_WITH}\n")));
        fs::write(&path, text.replace('\n', "\r\n")).unwrap();
        check(&path, &body, false).unwrap();
    }
}
