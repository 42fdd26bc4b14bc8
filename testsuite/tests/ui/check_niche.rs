use layoutscope::Layout;

#[derive(Layout)]
#[layout(niche)]
struct Counter {
    value: u32,
}

#[derive(Layout)]
#[layout(niche)]
struct Used {
    inner: Option<&'static u8>,
}

fn main() {}
