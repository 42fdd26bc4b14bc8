#[layout(values)]
enum Data {
    Empty,
    Number(i32),
    Array { items: Box<Vec<i32>> },
}
