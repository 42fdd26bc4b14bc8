#[repr(C)]
struct Reordered {
    b: u64,
    c: u16,
    a: u8,
    _pad0: [u8; 5],
}
