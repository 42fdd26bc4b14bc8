use layoutscope::Layout;

#[derive(Layout)]
#[repr(C)]
enum CData {
    A(u32) = 1,
    B = 2,
}

#[derive(Layout)]
enum RustData {
    A(u32),
    B = 7,
}

fn main() {}
