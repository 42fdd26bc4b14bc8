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

fn main() {}
