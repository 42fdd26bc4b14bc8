use layoutscope::Layout;

struct Foreign(u32);

#[derive(Layout)]
#[repr(u8)]
enum Message {
    #[layout(opaque)]
    Raw(Foreign),
    #[layout(size = 8)]
    Text { len: u16 },
    Quit,
}

fn main() {}
