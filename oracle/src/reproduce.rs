//! Minimal reproducers: every generated type on which layoutscope and rustc disagree is saved
//! as a case file in `oracle/reproducers/`, which every later run compares like the
//! hand-written cases ([`crate::cases::reproducers`]).
//!
//! A reproducer holds the mismatching type's definition and the definitions it depends on,
//! found by following names through the generated source (field types, generic arguments,
//! the constants of discriminant expressions) and nothing else. Every instantiation of a
//! generic definition that the kept items use gets an `//@ instantiate` line, so it is
//! compared too; the enums of a struct batch (field types only) get `//@ helper` lines. Every
//! name gets the suffix `_<s|e><seed>_<type>`, so that reproducers never clash with each other,
//! with generated types or with hand-written cases. The header says where the type comes from,
//! which facts differed (ours vs rustc) and how to re-run it.
//!
//! Generic instantiations of one definition share one file: `seed-<seed>-<mix>-<Name>.rs`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::cases::{rename, split_items, SourceItem};
use crate::compare::Mismatch;
use crate::error::{bail, Result};
use crate::spec::Mix;

/// A generated batch, as much of it as a reproducer needs.
#[derive(Clone, Debug)]
pub struct Batch<'a> {
    /// Its mix.
    pub mix: Mix,
    /// The generator's seed.
    pub seed: u64,
    /// The generated count it was run with.
    pub count: usize,
    /// The generated definitions (without the case files).
    pub source: &'a str,
    /// Every generated concrete type: as written in source, and as rustc prints it (which is
    /// how mismatches name generated types).
    pub types: Vec<(String, String)>,
}

/// One reproducer file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reproducer {
    /// `seed-<seed>-<mix>-<Name>.rs`.
    pub file_name: String,
    /// The file's text.
    pub text: String,
}

/// Writes the reproducers of `mismatches` (those of generated types; hand-written cases and
/// earlier reproducers already are files) into `dir`, replacing files of the same name, and
/// returns their paths.
pub fn save(dir: &Path, batch: &Batch, mismatches: &[Mismatch]) -> Result<Vec<PathBuf>> {
    let files = reproducers(batch, mismatches)?;
    if !files.is_empty() {
        fs::create_dir_all(dir)?;
    }
    let mut paths = Vec::new();
    for file in files {
        let path = dir.join(&file.file_name);
        fs::write(&path, &file.text)?;
        paths.push(path);
    }
    Ok(paths)
}

/// The reproducers of the generated types among `mismatches`, one per mismatching
/// definition.
pub fn reproducers(batch: &Batch, mismatches: &[Mismatch]) -> Result<Vec<Reproducer>> {
    // Mismatching types by definition: instantiations of one generic share a file.
    let mut groups: BTreeMap<String, (BTreeSet<usize>, Vec<&Mismatch>)> = BTreeMap::new();
    for m in mismatches {
        // Mismatches name generated types as rustc prints them; case types carry their file.
        let Some(index) = batch.types.iter().position(|(_, rustc)| *rustc == m.ty) else {
            continue;
        };
        let group = groups
            .entry(definition_name(&batch.types[index].0).to_owned())
            .or_default();
        group.0.insert(index);
        group.1.push(m);
    }
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    let items = split_items(batch.source)?;
    groups
        .iter()
        .map(|(name, (types, facts))| one(batch, &items, name, types, facts))
        .collect()
}

fn one(
    batch: &Batch,
    items: &[SourceItem],
    name: &str,
    mismatching: &BTreeSet<usize>,
    facts: &[&Mismatch],
) -> Result<Reproducer> {
    let by_name: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.name.as_str(), i))
        .collect();
    let Some(&root) = by_name.get(name) else {
        bail!("reproducer: `{name}` is not defined in the generated source");
    };

    // The items and instantiations the mismatching types need, to a fixed point.
    let mut kept: BTreeSet<usize> = BTreeSet::from([root]);
    let mut instantiations: BTreeSet<usize> = mismatching.clone();
    loop {
        let before = (kept.len(), instantiations.len());
        let mut texts: Vec<&str> = kept.iter().map(|&i| items[i].text.as_str()).collect();
        texts.extend(instantiations.iter().map(|&t| batch.types[t].0.as_str()));
        for (t, (ty, _)) in batch.types.iter().enumerate() {
            let generic = ty.contains('<');
            if generic
                && kept.contains(by_name.get(definition_name(ty)).unwrap_or(&usize::MAX))
                && texts.iter().any(|text| mentions(text, ty))
            {
                instantiations.insert(t);
            }
        }
        let mut names: BTreeSet<String> = BTreeSet::new();
        for &i in &kept {
            names.extend(items[i].idents.iter().cloned());
        }
        for &t in &instantiations {
            names.extend(crate::cases::split_idents(&batch.types[t].0)?);
        }
        kept.extend(
            names
                .iter()
                .filter_map(|n| by_name.get(n.as_str()).copied()),
        );
        if (kept.len(), instantiations.len()) == before {
            break;
        }
    }

    let initial = &batch.mix.label()[..1];
    let tag = format!("{initial}{}_{name}", batch.seed);
    let renames: HashMap<String, String> = kept
        .iter()
        .map(|&i| (items[i].name.clone(), format!("{}_{tag}", items[i].name)))
        .collect();
    let renamed = |text: &str| rename(text, &renames);

    let mut directives = vec![format!("//@ mix {}", batch.mix.label())];
    for &i in &kept {
        let item = &items[i];
        let mine: Vec<&(String, String)> = instantiations
            .iter()
            .map(|&t| &batch.types[t])
            .filter(|(ty, _)| ty.contains('<') && definition_name(ty) == item.name)
            .collect();
        let generic = batch
            .types
            .iter()
            .any(|(ty, _)| ty.contains('<') && definition_name(ty) == item.name);
        if item.keyword == "enum" && batch.mix == Mix::Structs {
            // A struct batch's enums are `#[layout(opaque)]` field types, not compared.
            directives.push(format!("//@ helper {}", renames[&item.name]));
        } else if generic && mine.is_empty() {
            bail!(
                "reproducer for `{name}`: no instantiation of the generic `{}` it uses",
                item.name
            );
        }
        for (ty, rustc) in mine {
            let (ty, rustc) = (renamed(ty)?, renamed(rustc)?);
            directives.push(if ty == rustc {
                format!("//@ instantiate {ty}")
            } else {
                format!("//@ instantiate {ty} as {rustc}")
            });
        }
    }

    let (mix, flag) = (batch.mix.label(), crate::mix_flag(batch.mix));
    let test = match batch.mix {
        Mix::Structs => ", as `cargo test -p layoutscope-testsuite --test differential` does",
        Mix::Enums => ", as `cargo test -p layoutscope-testsuite --test differential_enums` does",
        Mix::Bench => "",
    };
    let mut text = String::new();
    let _ = writeln!(
        text,
        "// Reproducer saved by layout-oracle: layoutscope disagreed with rustc on `{name}`\n\
         // (a batch of {mix}, seed {seed}, {count} generated types).\n\
         // Only the mismatching type and the definitions it depends on are kept, and every name\n\
         // has the suffix `_{tag}` so that reproducers never clash with other types.\n\
         //\n\
         // Facts that differed (ours vs rustc):",
        seed = batch.seed,
        count = batch.count,
    );
    for m in facts {
        let line = format!(
            "{}: {}: ours {}, rustc {}",
            renamed(&m.ty)?,
            m.fact,
            m.ours,
            m.rustc
        );
        let _ = writeln!(text, "//   {}", line.replace(['\n', '\r'], " "));
    }
    let _ = writeln!(
        text,
        "//\n\
         // Every batch of {mix} compares this file like the hand-written cases{test}.\n\
         // Re-run the batch it comes from:\n\
         //   cargo run --release -p layout-oracle -- {flag}--seed {seed} --count {count}\n\
         // Keep it as a regression case once layoutscope is fixed.\n",
        seed = batch.seed,
        count = batch.count,
    );
    for d in directives {
        let _ = writeln!(text, "{d}");
    }
    for &i in &kept {
        let _ = write!(text, "\n{}\n", renamed(&items[i].text)?);
    }
    Ok(Reproducer {
        file_name: format!("seed-{}-{}-{name}.rs", batch.seed, batch.mix.label()),
        text,
    })
}

/// `G3` for `G3<u8, 1>`, `S4` for `S4`.
fn definition_name(ty: &str) -> &str {
    ty.split('<').next().unwrap_or(ty).trim()
}

/// Whether `text` mentions the type `ty` (not as the tail of a longer name).
fn mentions(text: &str, ty: &str) -> bool {
    text.match_indices(ty).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::{read, reproducers as load, CaseFile};
    use crate::spec::Generated;
    use crate::spec::Shape;

    fn mismatch(ty: &str, fact: &str) -> Mismatch {
        Mismatch {
            ty: ty.to_owned(),
            fact: fact.to_owned(),
            ours: "4".to_owned(),
            rustc: "0".to_owned(),
        }
    }

    fn case(r: &Reproducer) -> CaseFile {
        CaseFile {
            name: "reproducers/test.rs",
            source: Box::leak(r.text.clone().into_boxed_str()),
        }
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "layout-oracle-{name}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    /// A fabricated mismatch on a generated struct that nests a generic instantiation and an
    /// enum: the saved file has just the struct and what it needs, says what differed, parses
    /// as a struct case file, and is picked up as one.
    #[test]
    fn saves_a_struct_reproducer() {
        let g = Generated::new(Mix::Structs, 7, 300);
        let items = split_items(&g.source).unwrap();
        // A struct whose fields use a generic instantiation and an enum.
        let target = items
            .iter()
            .find(|i| {
                i.keyword == "struct"
                    && !i.text.contains(&format!("{}<", i.name))
                    && i.idents
                        .iter()
                        .any(|w| w.starts_with('G') && w[1..].parse::<u32>().is_ok())
                    && i.idents
                        .iter()
                        .any(|w| w.starts_with('E') && w[1..].parse::<u32>().is_ok())
            })
            .expect("a struct nesting a generic and an enum");
        let batch = Batch {
            mix: Mix::Structs,
            seed: 7,
            count: 300,
            source: &g.source,
            types: g
                .instances
                .iter()
                .map(|i| (i.ty.clone(), i.rustc_name.clone()))
                .collect(),
        };
        let dir = temp_dir("structs");
        let facts = [
            mismatch(&target.name, "offset of .a vs offset_of!"),
            mismatch(&target.name, "size vs layout_of"),
            // Hand-written cases are files already: no reproducer.
            mismatch("Tie (cases/edge_cases.rs)", "size vs layout_of"),
        ];
        let paths = save(&dir, &batch, &facts).unwrap();
        let name = &target.name;
        assert_eq!(paths, [dir.join(format!("seed-7-structs-{name}.rs"))]);
        let text = fs::read_to_string(&paths[0]).unwrap();
        let r = Reproducer {
            file_name: String::new(),
            text: text.clone(),
        };

        let renamed = format!("{name}_s7_{name}");
        for needle in [
            "seed 7".to_owned(),
            format!("//   {renamed}: offset of .a vs offset_of!: ours 4, rustc 0"),
            format!("//   {renamed}: size vs layout_of: ours 4, rustc 0"),
            "cargo run --release -p layout-oracle -- --seed 7 --count 300".to_owned(),
            "cargo test -p layoutscope-testsuite --test differential".to_owned(),
            "//@ mix structs".to_owned(),
            "//@ instantiate G".to_owned(),
            "//@ helper E".to_owned(),
        ] {
            assert!(text.contains(&needle), "no `{needle}` in\n{text}");
        }
        assert!(!text.contains("Tie"));

        // Only the definitions the struct needs, all renamed.
        let kept = split_items(&text).unwrap();
        assert!(kept.len() < items.len() / 4, "{} items kept", kept.len());
        assert!(kept
            .iter()
            .all(|i| i.name.ends_with(&format!("_s7_{name}"))));
        assert_eq!(kept.last().unwrap().name, renamed);
        for item in &kept {
            let original = item.name.trim_end_matches(&format!("_s7_{name}"));
            assert!(items.iter().any(|i| i.name == original));
        }

        // A struct case file: the struct and every struct it needs are compared, the enums
        // are helpers.
        let found = read(&case(&r)).unwrap().instances;
        assert!(found.iter().any(|i| i.ty == renamed));
        assert!(found
            .iter()
            .any(|i| i.ty.starts_with('G') && i.ty.contains('<')));
        assert!(found.iter().all(|i| !i.ty.starts_with('E')));

        // Picked up from the directory by struct batches only.
        let loaded = load(&dir, Mix::Structs).unwrap();
        assert_eq!(loaded.len(), 1);
        assert_eq!(
            loaded[0].name,
            format!("reproducers/seed-7-structs-{name}.rs")
        );
        assert!(load(&dir, Mix::Enums).unwrap().is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A fabricated mismatch on two instantiations of a generated generic enum: one file with
    /// both instantiations, readable as an enum case file.
    #[test]
    fn saves_an_enum_reproducer() {
        let g = Generated::new(Mix::Enums, 7, 300);
        let types: Vec<(String, String)> = g
            .instances
            .iter()
            .map(|i| (i.ty.clone(), i.rustc_name.clone()))
            .collect();
        // A generic enum with two instantiations, the first of which nests other types.
        let generic: Vec<&(String, String)> = {
            let mut by_def: BTreeMap<&str, Vec<&(String, String)>> = BTreeMap::new();
            for t in types.iter().filter(|(ty, _)| ty.starts_with("GE")) {
                by_def.entry(definition_name(&t.0)).or_default().push(t);
            }
            by_def
                .into_values()
                .find(|v| v.len() >= 2 && v[0].1 != v[0].0)
                .expect("a generic enum instantiated twice")
        };
        let def = definition_name(&generic[0].0).to_owned();
        let batch = Batch {
            mix: Mix::Enums,
            seed: 7,
            count: 300,
            source: &g.source,
            types: types.clone(),
        };
        let facts = [
            mismatch(&generic[0].1, "tag vs layout_of"),
            mismatch(&generic[1].1, "V0: offset of .0 vs layout_of"),
        ];
        let files = reproducers(&batch, &facts).unwrap();
        assert_eq!(files.len(), 1);
        let r = &files[0];
        assert_eq!(r.file_name, format!("seed-7-enums-{def}.rs"));
        let suffix = format!("_e7_{def}");
        assert!(r.text.contains("--enums --seed 7 --count 300"));
        assert!(r.text.contains("//@ mix enums"));
        assert!(!r.text.contains("//@ helper"));
        // Both instantiations are compared, under their new names.
        let kept = split_items(&r.text).unwrap();
        assert!(kept.iter().all(|i| i.name.ends_with(&suffix)));
        let renames: HashMap<String, String> = kept
            .iter()
            .map(|i| (i.name.trim_end_matches(&suffix).to_owned(), i.name.clone()))
            .collect();
        let set = read(&case(r)).unwrap().instances;
        let enums: Vec<&String> = set
            .iter()
            .filter(|i| matches!(i.shape, Shape::Enum(_)))
            .map(|i| &i.rustc_name)
            .collect();
        for (i, (_, rustc)) in generic[..2].iter().enumerate() {
            let renamed = rename(rustc, &renames).unwrap();
            assert!(
                enums.contains(&&renamed),
                "{renamed} not compared by the reproducer"
            );
            let fact = ["tag vs layout_of", "V0: offset of .0 vs layout_of"][i];
            assert!(r
                .text
                .contains(&format!("//   {renamed}: {fact}: ours 4, rustc 0")));
        }
        assert!(enums.iter().all(|e| e.contains(&suffix)));
    }

    #[test]
    fn nothing_to_save_for_cases() {
        let g = Generated::new(Mix::Structs, 3, 20);
        let batch = Batch {
            mix: Mix::Structs,
            seed: 3,
            count: 20,
            source: &g.source,
            types: Vec::new(),
        };
        let facts = [mismatch("Tie (cases/edge_cases.rs)", "size vs layout_of")];
        assert!(reproducers(&batch, &facts).unwrap().is_empty());
    }

    #[test]
    fn mentions_whole_names_only() {
        assert!(mentions("a: G3<u8, 1>, b", "G3<u8, 1>"));
        assert!(!mentions("a: G13<u8, 1>", "G3<u8, 1>"));
        assert!(!mentions("a: XG3<u8, 1>", "G3<u8, 1>"));
    }
}
