use layoutscope::Layout;

#[derive(Layout)]
#[layout(crate = "::layoutscope", sise = 16)]
struct Header {
    #[layout(opaqe)]
    tag: u8,
    #[layout(skip, opaque)]
    len: u32,
}

fn main() {}
