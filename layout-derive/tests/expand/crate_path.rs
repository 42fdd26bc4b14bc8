// The facade re-exported under another path.
#[layout(crate = "crate::reexport::layout")]
pub struct Renamed {
    a: u8,
    b: Option<&'static u8>,
}
