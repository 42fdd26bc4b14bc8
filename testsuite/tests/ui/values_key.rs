use layoutscope::Layout;

#[derive(Layout)]
#[layout(values)]
union Bits {
    int: u32,
    float: f32,
}

#[derive(Layout)]
#[repr(C, packed)]
#[layout(values)]
struct Wire {
    tag: u8,
    len: u32,
}

#[derive(Layout)]
#[layout(values = 1)]
struct Valued {
    a: u8,
}

#[derive(Layout)]
#[layout(value)]
struct Misspelt {
    a: u8,
}

fn main() {}
