use layoutscope::Layout;

#[derive(Layout)]
#[repr(u8)]
struct Flags {
    bits: u8,
}

fn main() {}
