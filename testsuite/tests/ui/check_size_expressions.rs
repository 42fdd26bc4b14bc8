// Sizes written in words hold on every target; a wrong one names the evaluated value.
use layoutscope::Layout;

#[derive(Layout)]
#[layout(size = 3 * size_of::<usize>(), max_size = 4 * size_of::<usize>())]
struct Words {
    items: Vec<u8>,
}

#[derive(Layout)]
#[layout(size = 2 * size_of::<usize>())]
struct TooSmall {
    items: Vec<u8>,
}

#[derive(Layout)]
#[layout(size = 16.0, align = true)]
struct Literals {
    a: u8,
}

// A value is a `usize`, as `size_of` returns and as `assert_layout!` takes.
#[derive(Layout)]
#[layout(max_size = u16::MAX)]
struct NotUsize {
    a: u8,
}

fn main() {}
