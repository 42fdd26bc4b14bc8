#[repr(C)]
struct Header {
    tag: u8,
    _pad0: [u8; 3],
    len: u32,
    port: u16,
    _pad1: [u8; 6],
    id: u64,
}
