// A struct with named fields and no repr: `offset_of!` finds where rustc put each field.
pub struct Header {
    pub tag: u8,
    len: u32,
    r#type: u16,
}
