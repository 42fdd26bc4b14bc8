#[repr(C, align(16))]
union U { a: u32, b: [u8; 3], #[layout(opaque)] c: core::mem::ManuallyDrop<String> }
