// A bound, a where clause, a lifetime and a const parameter: only the fields whose type
// mentions a type parameter add a `Layout` bound to the impl (`Vec<T>` needs none).
pub struct Slot<'a, T: Copy, const N: usize = 4>
where
    T: Default,
{
    value: T,
    items: [T; N],
    name: &'a str,
    all: Vec<T>,
}
