// RFC 2195's primitive representation: each variant a repr(C) struct that starts with the tag.
#[repr(u8)]
pub enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(String) = 7,
}
