#[repr(C, align(16))]
struct Aligned {
    _0: u8,
    _pad0: [u8; 3],
    _1: u32,
    _pad1: [u8; 8],
}
