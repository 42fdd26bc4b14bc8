// repr(Rust) with data: the offsets are not known in const, `LayoutOfVal` finds them on values.
pub enum Event {
    Key(char),
    Click { x: u16, y: u16 },
    Quit,
}
