use layoutscope::Layout;

#[derive(Layout)]
#[repr(C, packed, align(8))]
struct Both {
    a: u8,
    b: u32,
}

fn main() {}
