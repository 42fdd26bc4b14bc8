//! The outputs that README and the crate documentation show are what the code prints: every
//! `text` block in them must be one of the diagrams below, and README's exactness table must
//! be `src/exactness.md`, which the crate documentation includes.

use layoutscope::{Layout, Style};

const README: &str = include_str!("../README.md");
const LIB: &str = include_str!("../src/lib.rs");
const EXACTNESS: &str = include_str!("../src/exactness.md");

/// The type of README's and the crate documentation's examples.
#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Header {
    tag: u8,
    len: u32,
    port: u16,
    id: u64,
}

/// The outputs the examples print.
fn outputs() -> Vec<String> {
    vec![
        Header::LAYOUT.to_string(),
        Header::LAYOUT.diagram().style(Style::ByteMap).to_string(),
    ]
}

/// The contents of the ```` ```text ```` blocks of a Markdown text.
fn text_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut block: Option<String> = None;
    for line in markdown.lines() {
        match (&mut block, line.trim_end()) {
            (None, "```text") => block = Some(String::new()),
            (Some(_), "```") => blocks.extend(block.take()),
            (Some(text), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) => {}
        }
    }
    assert!(block.is_none(), "a text block is not closed");
    blocks
}

/// The crate documentation of `src/lib.rs`: its `//!` lines without the marker.
fn crate_docs() -> String {
    LIB.lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .fold(String::new(), |text, line| text + line + "\n")
}

fn check_blocks(name: &str, markdown: &str, expected_blocks: usize) {
    let outputs = outputs();
    let blocks = text_blocks(markdown);
    assert_eq!(blocks.len(), expected_blocks, "{name}: text blocks");
    for block in blocks {
        assert!(
            outputs.contains(&block),
            "{name} shows an output that no example prints:\n{block}\nthe examples print:\n{}",
            outputs.join("\n")
        );
    }
}

#[test]
fn readme_shows_real_output() {
    check_blocks("README.md", README, 1);
}

#[test]
fn crate_docs_show_real_output() {
    check_blocks("src/lib.rs", &crate_docs(), 2);
}

#[test]
fn the_exactness_table_is_written_once() {
    assert!(
        README.contains(EXACTNESS),
        "README's exactness table differs from src/exactness.md"
    );
    assert!(LIB.contains(r#"#![doc = include_str!("exactness.md")]"#));
    assert_eq!(README.matches("| fact | how it is known |").count(), 1);
}
