//! Whether borrowed bytes are the running executable's read-only data (a string literal, a
//! promoted constant), told from addresses alone: a block's start and end, as integers, are
//! compared with the read-only mappings of the executable's file that the kernel lists in
//! `/proc/self/maps`. No byte is read through the pointer.
//!
//! Where the map cannot be read (another OS, no `/proc`, an executable whose path the map
//! writes differently) nothing is told, and such bytes stay "borrowed". Bytes that
//! `Box::leak` made `'static` are on the heap, not in the executable, and are not told either.

use std::sync::OnceLock;
use std::vec::Vec;

/// The address ranges of the executable's read-only file mappings, read once per process.
fn ranges() -> &'static [(usize, usize)] {
    static RANGES: OnceLock<Vec<(usize, usize)>> = OnceLock::new();
    RANGES.get_or_init(read)
}

/// Whether the `size` bytes from `start` lie inside one read-only mapping of the executable.
pub(crate) fn contains(start: usize, size: usize) -> bool {
    let Some(end) = start.checked_add(size) else {
        return false;
    };
    ranges()
        .iter()
        .any(|&(low, high)| low <= start && end <= high)
}

#[cfg(target_os = "linux")]
fn read() -> Vec<(usize, usize)> {
    let (Ok(maps), Ok(exe)) = (
        std::fs::read_to_string("/proc/self/maps"),
        std::env::current_exe(),
    ) else {
        return Vec::new();
    };
    match exe.to_str() {
        Some(exe) => read_only_mappings(&maps, exe),
        None => Vec::new(),
    }
}

#[cfg(not(target_os = "linux"))]
fn read() -> Vec<(usize, usize)> {
    Vec::new()
}

/// The ranges of `maps` (the format of `/proc/<pid>/maps`: `start-end perms offset dev inode
/// path`, addresses in hexadecimal) that map the file `exe` readable and not writable. A line
/// that does not parse is left out.
fn read_only_mappings(maps: &str, exe: &str) -> Vec<(usize, usize)> {
    maps.lines()
        .filter_map(|line| {
            let mut fields = line.splitn(6, ' ');
            let range = fields.next()?;
            let perms = fields.next()?;
            let path = fields.nth(3)?.trim_start();
            let read_only = perms.starts_with("r-");
            if !read_only || path != exe {
                return None;
            }
            let (low, high) = range.split_once('-')?;
            let low = usize::from_str_radix(low, 16).ok()?;
            let high = usize::from_str_radix(high, 16).ok()?;
            Some((low, high))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAPS: &str = "\
5581a0e00000-5581a0e05000 r--p 00000000 08:01 1234                       /usr/bin/demo
5581a0e05000-5581a0e09000 r-xp 00005000 08:01 1234                       /usr/bin/demo
5581a0e09000-5581a0e0a000 rw-p 00009000 08:01 1234                       /usr/bin/demo
5581a1000000-5581a1021000 rw-p 00000000 00:00 0                          [heap]
7f00aa000000-7f00aa001000 r--p 00000000 08:01 99                         /usr/lib/libc.so.6
garbage
";

    #[test]
    fn only_the_executables_read_only_mappings_are_kept() {
        let ranges = read_only_mappings(MAPS, "/usr/bin/demo");
        assert_eq!(
            ranges,
            [
                (0x5581_a0e0_0000, 0x5581_a0e0_5000),
                (0x5581_a0e0_5000, 0x5581_a0e0_9000)
            ]
        );
    }

    #[test]
    fn a_literal_is_static_data_and_heap_bytes_are_not() {
        let literal: &'static str = "in the executable";
        let owned = String::from("on the heap");
        let leaked: &'static str = Box::leak(Box::<str>::from("leaked"));
        let at = |s: &str| (s.as_ptr() as usize, s.len());
        let (start, size) = at(literal);
        assert_eq!(
            contains(start, size),
            cfg!(target_os = "linux"),
            "{:x?}",
            ranges()
        );
        let (start, size) = at(&owned);
        assert!(!contains(start, size));
        let (start, size) = at(leaked);
        assert!(!contains(start, size));
    }
}
