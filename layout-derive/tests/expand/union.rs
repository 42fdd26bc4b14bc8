#[repr(C)]
pub union Word {
    bits: u32,
    bytes: [u8; 4],
    half: core::mem::ManuallyDrop<u16>,
}
