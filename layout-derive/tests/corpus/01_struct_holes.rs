#[repr(C)]
#[layout(size = 24, no_padding)]
struct Header { tag: u8, #[layout(offset = 4)] len: u32, port: u16, id: u64 }
