//! Reading rustc's `-Z time-passes` report and `-Z print-mono-items` output.
//!
//! `-Z time-passes` prints one line per compiler pass, e.g.
//! `time:   0.093; rss:   38MB ->  109MB (  +71MB)<TAB>macro_expand_crate`. Passes nest (the
//! time of `expand_crate` includes `macro_expand_crate`), so differences are only compared
//! pass by pass, never summed.

/// Pass name → seconds, in the order rustc printed them. A name that appears more than once
/// (rare) has its times added.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Passes(pub Vec<(String, f64)>);

impl Passes {
    /// Parses every `time:` line of `stderr`; other lines (cargo's, warnings) are skipped.
    pub fn parse(stderr: &str) -> Passes {
        let mut out: Vec<(String, f64)> = Vec::new();
        for line in stderr.lines() {
            let Some(rest) = line.trim_start().strip_prefix("time:") else {
                continue;
            };
            let Some((secs, tail)) = rest.split_once(';') else {
                continue;
            };
            let Ok(secs) = secs.trim().parse::<f64>() else {
                continue;
            };
            // The pass name is the last field (after a tab, following the rss figures).
            let Some(name) = tail.split_whitespace().last() else {
                continue;
            };
            if !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            match out.iter_mut().find(|(n, _)| n == name) {
                Some(entry) => entry.1 += secs,
                None => out.push((name.to_string(), secs)),
            }
        }
        Passes(out)
    }

    /// The time of pass `name`, if rustc reported it.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, s)| *s)
    }
}

/// The number of `MONO_ITEM` lines in `-Z print-mono-items=yes` output: every function and
/// static that rustc generates machine code for in this crate.
pub fn count_mono_items(stdout: &str) -> usize {
    stdout
        .lines()
        .filter(|l| l.starts_with("MONO_ITEM "))
        .count()
}

/// Function items in `-Z unpretty=expanded` source: `(all, marked #[inline])`. A function
/// item is the keyword `fn` followed by a name (`fn()` pointer types do not count); it is
/// inline when the line before it is `#[inline]`.
pub fn count_fns(expanded: &str) -> (usize, usize) {
    let mut all = 0;
    let mut inline = 0;
    let mut previous = "";
    for line in expanded.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let mut words = trimmed.split_whitespace().peekable();
        while let Some(word) = words.next() {
            let named = words
                .peek()
                .and_then(|w| w.chars().next())
                .is_some_and(|c| c.is_alphabetic() || c == '_');
            if word == "fn" && named {
                all += 1;
                if previous == "#[inline]" {
                    inline += 1;
                }
            }
        }
        previous = trimmed;
    }
    (all, inline)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "   Compiling gen v0.0.0 (/x)\n\
time:   0.000; rss:   35MB ->   37MB (   +2MB)\tparse_crate\n\
time:   0.093; rss:   42MB ->  109MB (  +71MB)\texpand_crate\n\
time:   0.090; rss:   42MB ->  109MB (  +71MB)\tmacro_expand_crate\n\
warning: something\n\
time:   1.250; rss:   63MB ->   78MB (  +15MB)\ttype_check_crate\n\
time:   0.001; rss:   73MB ->   73MB (   +0MB)\tlink\n\
time:   0.002; rss:   73MB ->   73MB (   +0MB)\tlink\n\
time:   2.027; rss:   28MB ->   66MB (  +38MB)\ttotal\n";

    #[test]
    fn parses_passes() {
        let p = Passes::parse(SAMPLE);
        assert_eq!(p.get("macro_expand_crate"), Some(0.090));
        assert_eq!(p.get("expand_crate"), Some(0.093));
        assert_eq!(p.get("type_check_crate"), Some(1.250));
        assert_eq!(p.get("total"), Some(2.027));
        assert!((p.get("link").unwrap() - 0.003).abs() < 1e-12);
        assert_eq!(p.get("nonexistent"), None);
        assert_eq!(p.0.len(), 6);
    }

    #[test]
    fn ignores_noise() {
        let p = Passes::parse("time: soon; whatever\ntime:\nnot a pass\n");
        assert_eq!(p, Passes::default());
    }

    #[test]
    fn counts_function_items() {
        let src = "pub struct A { f: fn() -> u8 }\n\
                   impl X for A {\n\
                   #[inline]\n\
                   fn visit(&self, f: &mut dyn FnMut(u8)) {}\n\
                   }\n\
                   pub const fn g() {}\n\
                   struct M(::core::marker::PhantomData<(fn() -> T,)>);\n";
        assert_eq!(count_fns(src), (2, 1));
        assert_eq!(count_fns(""), (0, 0));
    }

    #[test]
    fn counts_mono_items() {
        let out = "MONO_ITEM fn gen::f @@ gen.abc[External]\n\
                   MONO_ITEM static gen::S @@ gen.abc[External]\n\
                   something else\n";
        assert_eq!(count_mono_items(out), 2);
        assert_eq!(count_mono_items(""), 0);
    }
}
