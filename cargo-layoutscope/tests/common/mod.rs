//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod schema;

/// The name without module paths and without the `Global` allocator argument (the CLI's own
/// rule, restated for the tests, which only see its output).
pub fn short_name(full: &str) -> String {
    let mut out = String::with_capacity(full.len());
    let mut segment = String::new();
    let mut chars = full.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            segment.clear();
            continue;
        }
        if c.is_alphanumeric() || c == '_' || c == '{' || c == '}' || c == '#' {
            segment.push(c);
        } else {
            out.push_str(&segment);
            segment.clear();
            out.push(c);
        }
    }
    out.push_str(&segment);
    out.replace(", Global>", ">").replace("<Global>", "")
}
