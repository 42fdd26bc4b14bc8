#[repr(C, u8)]
enum E<'a, T: Copy + 'a, const N: usize> where T: Default { A(&'a T) = 3, B { x: [T; N], y: u8 }, C }
