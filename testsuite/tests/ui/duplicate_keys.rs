use layoutscope::Layout;

#[derive(Layout)]
#[layout(crate = "::layoutscope")]
#[layout(crate = "::layoutscope")]
struct Header {
    #[layout(opaque, opaque)]
    tag: u8,
}

fn main() {}
