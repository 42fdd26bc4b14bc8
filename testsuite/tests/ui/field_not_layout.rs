use layoutscope::Layout;

struct NotDescribed(u32);

#[derive(Layout)]
struct Holder {
    inner: NotDescribed,
    tag: u8,
}

fn main() {}
