use layoutscope::Layout;

#[derive(Layout)]
#[layout(size = "16", align = -1, max_size, no_padding = true, size = 8, offset = 4)]
struct Header {
    #[layout(size = 4, offset = "0", offset = 1)]
    tag: u8,
}

#[derive(Layout)]
#[layout(no_padding)]
enum Kind {
    A(#[layout(offset = 1)] u8),
}

#[derive(Layout)]
#[layout(size = 1, niche)]
#[layout(size = 2, niche)]
struct Twice {
    #[layout(offset = 0, offset = 0)]
    flag: bool,
}

fn main() {}
