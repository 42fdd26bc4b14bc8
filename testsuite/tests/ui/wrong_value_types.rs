use layoutscope::Layout;

#[derive(Layout)]
#[layout(crate = 5)]
struct A {
    #[layout(opaque = true)]
    tag: u8,
}

#[derive(Layout)]
#[layout(crate = "not a path!")]
struct B {
    tag: u8,
}

#[derive(Layout)]
#[layout]
struct C {
    #[layout = "opaque"]
    tag: u8,
}

#[derive(Layout)]
#[layout(crate = "layoutscope::<u8>")]
struct D {
    tag: u8,
}

fn main() {}
