use layoutscope::Layout;

#[derive(Layout)]
struct Packet {
    len: u16,
    data: [u8],
}

#[derive(Layout)]
struct Name {
    len: usize,
    text: str,
}

#[derive(Layout)]
struct Object {
    id: u32,
    value: dyn core::fmt::Debug,
}

#[derive(Layout)]
struct Frame<'a, T>(&'a T, u8, [u16]);

fn main() {}
