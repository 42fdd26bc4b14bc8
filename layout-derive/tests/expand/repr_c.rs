// repr(C): offsets by the C rule, computed in const from the field types.
#[repr(C)]
pub struct Packet {
    kind: u8,
    len: u32,
    crc: u16,
}
