#[repr(packed)]
pub struct Wire {
    kind: u8,
    len: u32,
}
