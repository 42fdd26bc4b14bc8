//! The layout files that this package's rustdoc includes hold the layouts of this build.
//! After an intended change: `LAYOUTSCOPE_BLESS=1 cargo test -p layoutscope-testsuite --test
//! rustdoc_layouts`, then review the diff.

use layoutscope_testsuite::Header;

#[test]
fn header() {
    layoutscope::snapshot::assert_file::<Header>("layouts/Header.md");
}
