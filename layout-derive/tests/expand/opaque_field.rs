// A field type without `Layout`: described by size, align and niche only.
pub struct Handle {
    #[layout(opaque)]
    raw: crate::Foreign,
    len: usize,
}
