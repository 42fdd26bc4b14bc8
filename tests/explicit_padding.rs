//! `TypeLayout::explicit_padding` prints a struct whose padding is written out. The printed
//! definitions live in `tests/explicit/*.rs`; this test checks that the printer still writes
//! exactly them (`LAYOUTSCOPE_BLESS=1` rewrites them), and, because the same files are
//! compiled here, that each has the original's size and field offsets with its `_pad` arrays
//! covering exactly the original's padding bytes, so that no implicit padding is left.

use layoutscope::Layout;
use std::mem::{offset_of, size_of};

#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Header {
    tag: u8,
    len: u32,
    port: u16,
    id: u64,
}

#[derive(Layout)]
#[allow(dead_code)]
struct Reordered {
    a: u8,
    b: u64,
    c: u16,
}

#[derive(Layout)]
#[repr(C, align(16))]
#[allow(dead_code)]
struct Aligned(u8, u32);

fn check_printed(layout: &layoutscope::TypeLayout, file: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/explicit")
        .join(file);
    let printed = layout.explicit_padding().unwrap().to_string();
    if std::env::var_os("LAYOUTSCOPE_BLESS").is_some() {
        std::fs::write(&path, &printed).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        printed,
        committed,
        "{}: rerun with LAYOUTSCOPE_BLESS=1",
        path.display()
    );
    let pad_bytes: usize = printed
        .lines()
        .filter(|line| line.trim_start().starts_with("_pad"))
        .map(|line| {
            let n = line.rsplit("; ").next().unwrap().trim_end_matches("],");
            n.parse::<usize>().unwrap()
        })
        .sum();
    assert_eq!(pad_bytes, layout.padding_bytes(), "{file}");
}

#[test]
fn printed_structs_have_no_padding_and_the_same_offsets() {
    check_printed(&Header::LAYOUT, "header.rs");
    check_printed(&Reordered::LAYOUT, "reordered.rs");
    check_printed(&Aligned::LAYOUT, "aligned.rs");

    assert_eq!(
        printed::header(),
        (
            size_of::<Header>(),
            vec![
                offset_of!(Header, tag),
                offset_of!(Header, len),
                offset_of!(Header, port),
                offset_of!(Header, id)
            ]
        )
    );
    assert_eq!(
        printed::reordered(),
        (
            size_of::<Reordered>(),
            vec![
                offset_of!(Reordered, a),
                offset_of!(Reordered, b),
                offset_of!(Reordered, c)
            ]
        )
    );
    assert_eq!(
        printed::aligned(),
        (
            size_of::<Aligned>(),
            vec![offset_of!(Aligned, 0), offset_of!(Aligned, 1)]
        )
    );
}

/// The printed files, compiled: each module's function gives its struct's size and the
/// offsets of the original's fields.
mod printed {
    use std::mem::{offset_of, size_of};

    mod header {
        include!("explicit/header.rs");
        pub fn measure() -> (usize, Vec<usize>) {
            (
                size_of::<Header>(),
                vec![
                    offset_of!(Header, tag),
                    offset_of!(Header, len),
                    offset_of!(Header, port),
                    offset_of!(Header, id),
                ],
            )
        }
        use super::*;
    }
    mod reordered {
        include!("explicit/reordered.rs");
        pub fn measure() -> (usize, Vec<usize>) {
            (
                size_of::<Reordered>(),
                vec![
                    offset_of!(Reordered, a),
                    offset_of!(Reordered, b),
                    offset_of!(Reordered, c),
                ],
            )
        }
        use super::*;
    }
    mod aligned {
        include!("explicit/aligned.rs");
        pub fn measure() -> (usize, Vec<usize>) {
            assert_eq!(std::mem::align_of::<Aligned>(), 16);
            (
                size_of::<Aligned>(),
                vec![offset_of!(Aligned, _0), offset_of!(Aligned, _1)],
            )
        }
        use super::*;
    }
    pub use aligned::measure as aligned;
    pub use header::measure as header;
    pub use reordered::measure as reordered;
}
