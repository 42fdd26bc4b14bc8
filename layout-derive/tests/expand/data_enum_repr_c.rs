// RFC 2195's C representation: the tag, then a repr(C) union of the variants.
#[repr(C)]
pub enum Shape {
    Circle { radius: f32 },
    Rect(u16, u16),
    Empty,
}
