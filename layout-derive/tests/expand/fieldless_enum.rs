// Explicit discriminants: the enum casts its own variants.
pub enum Level {
    Low,
    Mid = 4,
    High,
}
