use layoutscope::{assert_layout, Layout};

#[derive(Layout)]
#[repr(C)]
struct Header {
    tag: u8,
    len: u32,
}

assert_layout!(Header, size = 8, align = 2);
assert_layout!(Header, offset(len) = 1);
assert_layout!(Header, offset(missing) = 0);
assert_layout!(Header, sise = 8);
assert_layout!(Header, nopadding);
// Every failing key is reported, not only the first.
assert_layout!(Header, size = 20, offset(len) = 6, no_padding);

fn main() {}
