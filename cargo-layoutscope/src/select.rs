//! Which types a pattern names, and what to suggest when it names none.
//!
//! A pattern matches a type when it equals the full path (`probe::Data`), a path suffix
//! (`Data`, `inner::Data`), or the short form without module paths and without the default
//! allocator argument (`Vec<i32>` for `alloc::vec::Vec<i32, alloc::alloc::Global>`); `*`
//! matches any run of characters (`probe::*`, `Vec<*>`).

/// The name without module paths and without the `Global` allocator argument:
/// `alloc::vec::Vec<i32, alloc::alloc::Global>` → `Vec<i32>`.
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

/// The full name without the default allocator argument, for listings.
pub fn display_name(full: &str) -> String {
    full.replace(", alloc::alloc::Global>", ">")
}

/// Whether `pattern` names the type `full`.
pub fn matches(pattern: &str, full: &str) -> bool {
    let short = short_name(full);
    if pattern.contains('*') {
        return glob(pattern, full) || glob(pattern, &short);
    }
    full == pattern
        || short == pattern
        || full.strip_suffix(pattern).is_some_and(|head| {
            head.ends_with("::")
                && head
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == ':')
        })
        || short_name(pattern) == short && pattern.contains("::")
}

fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, rest) = parts.split_first().expect("split yields at least one part");
    let Some(mut tail) = text.strip_prefix(first) else {
        return false;
    };
    for (i, part) in rest.iter().enumerate() {
        if i == rest.len() - 1 {
            return tail.ends_with(part);
        }
        match tail.find(part) {
            Some(at) => tail = &tail[at + part.len()..],
            None => return false,
        }
    }
    tail.is_empty()
}

/// Up to five names close to `pattern`, best first: those that contain it, then those within
/// a few edits of it.
pub fn suggestions<'a>(pattern: &str, names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let wanted = pattern.to_lowercase();
    let mut scored: Vec<(usize, String)> = names
        .filter_map(|full| {
            let short = short_name(full);
            let lower = short.to_lowercase();
            let score = if lower.contains(&wanted) {
                0
            } else {
                let base = lower.split('<').next().unwrap_or(&lower);
                let d = edit_distance(&wanted, base);
                if d > 1 + wanted.len() / 4 {
                    return None;
                }
                d + 1
            };
            Some((score, short))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(5).map(|(_, s)| s).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const VEC: &str = "alloc::vec::Vec<i32, alloc::alloc::Global>";

    #[test]
    fn short_names_drop_paths_and_the_global_allocator() {
        assert_eq!(short_name(VEC), "Vec<i32>");
        assert_eq!(
            short_name("alloc::rc::Rc<alloc::vec::Vec<alloc::string::String, alloc::alloc::Global>, alloc::alloc::Global>"),
            "Rc<Vec<String>>"
        );
        assert_eq!(short_name("&dyn std::io::Write"), "&dyn Write");
        assert_eq!(short_name("probe::f::{closure_env#0}"), "{closure_env#0}");
    }

    #[test]
    fn patterns_match_paths_suffixes_short_names_and_globs() {
        assert!(matches("probe::Data", "probe::Data"));
        assert!(matches("Data", "probe::Data"));
        assert!(!matches("ata", "probe::Data"));
        assert!(!matches("Data", "&probe::Data"));
        assert!(matches("Vec<i32>", VEC));
        assert!(matches("alloc::vec::Vec<i32>", VEC));
        assert!(matches("Vec<*>", VEC));
        assert!(matches("probe::*", "probe::Data"));
        assert!(!matches("Vec<u8>", VEC));
    }

    #[test]
    fn an_unknown_name_gets_the_close_ones() {
        let names = ["probe::Data", "probe::Date", "probe::Header", VEC];
        assert_eq!(suggestions("Dat", names.iter().copied()), ["Data", "Date"]);
        assert_eq!(suggestions("Headr", names.iter().copied()), ["Header"]);
        assert!(suggestions("Zebra", names.iter().copied()).is_empty());
    }
}
