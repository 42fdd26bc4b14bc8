use layoutscope::Layout;

#[derive(Layout)]
#[repr(Rust)]
#[repr(C)]
struct RustAndC {
    a: u8,
}

#[derive(Layout)]
#[repr(C, packed(2))]
#[repr(packed(4))]
struct TwoPackings {
    a: u8,
    b: u32,
}

#[derive(Layout)]
#[repr(transparent)]
#[repr(transparent)]
struct Twice(u32);

fn main() {}
