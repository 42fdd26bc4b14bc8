#[layout(crate = 5, size = "1", align = -3, nope, niche = 1)]
#[layout]
#[repr(packed, align(4), u8, C)]
struct S(#[layout(opaque = 1, offset)] u8, #[layout(crate = "x")] [u8]);
