//! The insta route to layout snapshots, as README shows it: the table is a `String`, so any
//! snapshot library can keep it. The `.snap` files sit in `tests/snapshots/`; review changes
//! with `cargo insta review` or `INSTA_UPDATE=always`.

use layoutscope::Layout;
use layoutscope_testsuite::Header;

#[test]
fn header_table() {
    insta::assert_snapshot!(Header::LAYOUT.to_string());
}

/// The snapshot's description records the target and compiler, as `layoutscope::snapshot`
/// files do; insta compares the contents only.
#[test]
fn header_markdown_with_the_build_recorded() {
    insta::with_settings!({ description => layoutscope::snapshot::BUILT_WITH }, {
        insta::assert_snapshot!(Header::LAYOUT.diagram().style(layoutscope::Style::Markdown).to_string());
    });
}
