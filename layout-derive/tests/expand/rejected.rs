// A misspelt key: the error, and an `impl Layout` with an opaque layout so that the type's
// uses elsewhere add no errors of their own.
#[layout(sise = 16)]
pub struct Rejected<T: Copy> {
    value: T,
}
