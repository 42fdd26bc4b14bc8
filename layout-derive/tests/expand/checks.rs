// Compile-time checks: each a const item spanned to its key.
#[repr(C)]
#[layout(size = 8, no_padding)]
pub struct Frame {
    tag: u8,
    #[layout(offset = 1)]
    kind: u8,
    len: u16,
    id: u32,
}
