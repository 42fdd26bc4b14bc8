#[layout(values)]
union Bits {
    int: u32,
    float: f32,
}
