// Hints spread over several attributes and repeated, combined as rustc combines them: the
// largest `align(N)` wins.
#[repr(C)]
#[repr(align(1), align(16))]
#[repr(u8, align(4))]
pub enum Split {
    A(u16),
    B,
}
