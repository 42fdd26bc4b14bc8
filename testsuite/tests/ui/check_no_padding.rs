use layoutscope::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(no_padding)]
struct Header {
    tag: u8,
    len: u32,
    port: u16,
    id: u64,
}

fn main() {}
