use layoutscope::Layout;

#[derive(Layout)]
#[repr(u8, packed)]
enum Packed {
    A(u32),
    B,
}

fn main() {}
