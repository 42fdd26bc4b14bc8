// A rejected type still implements `Layout` (with an opaque layout), so that its uses below
// add no errors: only the derive's own errors about the type come out.
use layoutscope::Layout;

#[derive(Layout)]
#[layout(sise = 16)]
struct Header {
    tag: u8,
    len: u32,
}

#[derive(Layout)]
#[layout(no_padding)]
enum Kind<'a, T: Copy, const N: usize>
where
    T: Default,
{
    Borrowed(&'a [T; N]),
    Empty,
}

#[derive(Layout)]
#[layout(crate = "::layoutscope")]
union Word {
    #[layout(opaqe)]
    bits: u32,
    half: [u16; 2],
}

#[derive(Layout)]
struct Packet<'a> {
    header: Header,
    kind: Kind<'a, u8, 4>,
    word: Word,
}

extern crate layoutscope as renamed;

mod renamed_without_prelude {
    #![no_implicit_prelude]

    #[derive(::renamed::Layout)]
    #[layout(crate = "::renamed", sise = 1)]
    pub struct Flags<T>(pub T);

    pub const SIZE: usize = <Flags<u8> as ::renamed::Layout>::LAYOUT.size;
}

fn size_of_layout<T: Layout>() -> usize {
    T::LAYOUT.size
}

const HEADER_SIZE: usize = Header::LAYOUT.size;

fn main() {
    let _ = size_of_layout::<Kind<'static, u16, 2>>();
    let _ = <Word as Layout>::LAYOUT.align;
    let _ = HEADER_SIZE + renamed_without_prelude::SIZE;
    println!("{}", layoutscope::layout_of::<Packet>().diagram());
}
