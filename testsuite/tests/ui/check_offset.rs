use layoutscope::Layout;

#[derive(Layout)]
#[repr(C)]
struct Header {
    tag: u8,
    #[layout(offset = 1)]
    len: u32,
    #[layout(offset = 8)]
    id: u64,
}

fn main() {}
