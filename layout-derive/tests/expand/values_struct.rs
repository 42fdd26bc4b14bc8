#[layout(values)]
struct Node<T> {
    name: String,
    children: Vec<T>,
    #[layout(opaque)]
    handle: std::fs::File,
}
