use layoutscope::Layout;

#[derive(Layout)]
#[layout(opaque)]
struct Header {
    #[layout(crate = "::layoutscope")]
    tag: u8,
}

fn main() {}
