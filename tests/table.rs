//! The default table, character for character.

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
 fields 15 B · padding 9 B (37.5%) · 1 cache line
 no niche · Option<Self> is larger
 reordering (id, len, port, tag) saves 8 B → 16
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
 fields 9 B · padding 3 B (25.0%) · 1 cache line
 niche: 4293853184 free values at byte 0..4 (c) · Option<Self> is the same size
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

#[derive(Layout)]
#[repr(u8)]
#[allow(dead_code)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
}

#[derive(Layout)]
#[allow(dead_code)]
enum Data {
    Empty,
    Number(i32),
}

#[test]
fn enum_tables_show_tags_and_never_guess_offsets() {
    let expected = "\
Message  12 bytes, align 4, enum, repr(u8)
 tag: byte 0 (discriminant)
 variant Quit = 0  (no fields)
 variant Move = 1
 offset  size  align  field  type
      0     1         (tag)  discriminant 1
      1     3         ░ padding
      4     4      4  x      i32
      8     4      4  y      i32
 1 cache line · niche: 254 free values at byte 0 · Option<Self> is the same size
";
    assert_eq!(Message::LAYOUT.to_string(), expected);
    let data = Data::LAYOUT.to_string();
    assert!(data.contains(" tag: location unknown"), "{data}");
    assert!(data.contains("      ?     4      4  0      i32"), "{data}");
}
