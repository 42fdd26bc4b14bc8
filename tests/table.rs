//! The default table, character for character (README shows this output).

use layoutscope::Layout;

#[derive(Layout)]
#[repr(C)]
#[allow(dead_code)]
struct Header {
    tag: u8,
    len: u32,
    port: u16,
    id: u64,
}

#[test]
fn readme_header_table() {
    let expected = "\
Header  24 bytes, align 8, repr(C)
 offset  size  align  field  type
      0     1      1  tag    u8
      1     3         ░ padding
      4     4      4  len    u32
      8     2      2  port   u16
     10     6         ░ padding
     16     8      8  id     u64
 fields 15 B · padding 9 B (37.5%) · no niche · Option<Self> is larger
";
    assert_eq!(Header::LAYOUT.to_string(), expected);
}

#[derive(Layout)]
#[allow(dead_code)]
struct Seed {
    c: char,
    b: u8,
    i: i32,
}

#[test]
fn reordered_struct_table_with_niche_path() {
    let expected = "\
Seed  12 bytes, align 4
 offset  size  align  field  type
      0     4      4  c      char
      4     4      4  i      i32
      8     1      1  b      u8
      9     3         ░ trailing padding
 fields 9 B · padding 3 B (25.0%) · niche: 4293853184 free values at byte 0..4 (c) · Option<Self> is the same size
";
    assert_eq!(Seed::LAYOUT.to_string(), expected);
}

#[test]
fn leaves_say_what_is_not_described() {
    let vec = <Vec<u8>>::LAYOUT.to_string();
    assert!(
        vec.starts_with("Vec<u8>  24 bytes, align 8, opaque\n"),
        "{vec}"
    );
    assert!(
        vec.contains("location unknown (inside an opaque type)"),
        "{vec}"
    );
    let slice = <&[u8]>::LAYOUT.to_string();
    assert!(slice.contains("wide pointer"), "{slice}");
}
