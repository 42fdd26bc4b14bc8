use layoutscope::Layout;

struct NotDescribed(u32);

#[derive(Layout)]
struct Holder {
    inner: NotDescribed,
    tag: u8,
}

// A type from another crate cannot derive `Layout` here: the note leads with `opaque`.
#[derive(Layout)]
struct Handle {
    file: std::fs::File,
}

fn main() {}
