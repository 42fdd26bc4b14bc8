use layoutscope::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(size = 16, align = 4, max_size = 20)]
struct Header {
    tag: u8,
    len: u32,
    port: u16,
    id: u64,
}

fn main() {}
