//! The code the expansion returns compiles, and its errors point at the user's tokens (the
//! derive returns either code that compiles or a spanned error): `robustness.rs` shows that
//! the derive never panics; this test builds what it returned.
//!
//! Inputs: the items of `fuzz::generate` (valid by construction three times in five, wild
//! otherwise), token-level mutations of them, the regression corpus `tests/corpus/` with the
//! inputs of the golden expansions `tests/expand/`, and mutations of those. The derive must accept every valid item (rustc accepts them, reprs spelt
//! over several attributes and with repeated hints included): rejecting one fails the test.
//! Every input for which `expand::derive` returns code becomes one module of a
//! throwaway crate, `target/oracle-work/derive-expansions/src/case_NNNN.rs`, so that rustc's
//! diagnostics (`cargo check --message-format=json`) map to cases by file name. Four builds:
//!
//! 1. Baseline: the item as written under `#[derive(NullLayout)]` (a generated proc macro that
//!    accepts `#[layout(...)]` and emits nothing), plus a function taking the item at one
//!    instantiation (`'static`, `u8`, `2`). Mutations often make items rustc rejects
//!    (duplicate fields, unused parameters); cases with errors are dropped and the build
//!    repeated until it is clean, since a fatal error hides later ones. A case whose only
//!    errors are in that function keeps its item and loses the function.
//! 2. Pasted: the baseline file plus exactly the code `expand::derive` returned
//!    (`to_string()`), plus a `const` that evaluates `LAYOUT` at the instantiation (a generic
//!    type's checks and an enum's comparison with RFC 2195 run only then). Every case must
//!    compile. The only accepted errors are failing layout checks: E0080 whose message is one
//!    of layoutscope's check messages about this item (``size of `X` is 24 bytes, expected
//!    8``), counted apart — the generator writes `size = 8` without knowing the size.
//! 3. Derive: the compiled cases again with the real `#[derive(Layout)]` instead of the
//!    pasted code, to compare warnings with the baseline. Warnings are compared here and not
//!    in the pasted build because pasting loses the macro context: rustc does not report most
//!    lints inside a proc macro's `call_site` code (users never see them), while pasted, the
//!    hygienic `::core::option::Option::Some` would trip `unused_qualifications`. The crate
//!    enables `missing_docs` and `unused_qualifications` and leaves every default lint on:
//!    the project promises no warnings in user code under `deny(warnings, missing_docs,
//!    unused_qualifications)`, so a warning of those lints that the baseline does not have
//!    fails the test. Further allow-by-default lints popular in `#![warn]` lists
//!    (`unreachable_pub`, `single_use_lifetimes`, `trivial_numeric_casts`, ... see
//!    `EXTRA_LINTS`) are enabled too, and their new warnings are printed but do not fail: the
//!    project makes no promise about them. This build found that the derived code warned
//!    `deprecated` on a `#[deprecated]` type or field (fixed; `tests/corpus/07_deprecated.rs`).
//! 4. Errors (`errors_are_spanned`): inputs for which `expand::derive` returns an error, built
//!    with the real `#[derive(Layout)]`. Every message the expansion returned (it reports all
//!    problems of an input at once) must come out as an error of the case, no other error may,
//!    and the primary spans of each must lie inside the item as written (the offending key,
//!    literal or field type), not on the `#[derive(...)]` line where an error spanned at
//!    `Span::call_site()` shows. (A stand-in derive that emits its `compile_error!` with
//!    call-site spans fails every case.) Where the errors come with the fallback impl
//!    (`src/fallback.rs`), the case also uses the type's `LAYOUT` at the instantiation, which
//!    must add no error: a rejected type produces only its own errors, no cascade of "does
//!    not implement `Layout`". Only items rustc accepts alone are meaningful: the
//!    error cases share build 1, and those it drops are counted as invalid alone. That is
//!    almost every error input the sample draws (90 of the first 100 in `cargo test`: wild
//!    items with unused parameters, `repr(u8)` on a struct, a `str` field...), so two
//!    thirds of the error cases are `fuzz::misattributed_item`s: valid items broken only where
//!    rustc does not look (malformed `#[layout]` keys on the type or a field, `no_padding` on
//!    an enum, `offset` or `own_line` on a variant's field, `apart` naming a field that does
//!    not exist, `#[layout]` on a variant, an unsized tail), drawn from a stream of their
//!    own so that the code cases stay the same, and each of which the derive must reject. Per
//!    batch of 500 code cases: the next 50 drawn error inputs and 100 misattributed items.
//!    This build takes about 0.2 s per batch.
//!
//! Excluded before building (counted): code cases whose `#[layout(crate = "...")]` names a
//! path this crate does not provide (the generator uses only `fuzz::CRATE_PATHS`; mutations
//! can change them), error cases too when their fallback impl names it (a rejected path gets
//! no fallback impl, so those error cases stay), and code and error cases with `cfg`
//! attributes other than the generator's always-true and always-false ones (rustc evaluates
//! them before the derive runs; this test hands the derive the unconfigured item).
//!
//! The crate builds into `target/oracle-target` with `RUSTC_BOOTSTRAP=1`, like the oracle, so
//! layoutscope is built once for both. `cargo test` builds 1,000 cases and 300 error cases in
//! about 13 s on 2 cores (seed `DEFAULT_SEED`: 692 compile, 272 stop at a failing layout
//! check, 36 are invalid before the derive, 0 fail; of the error cases 97 are invalid alone,
//! 90 drawn and 7 misattributed, where an unsized tail breaks a `repr(transparent)`, and 203
//! are checked, with 405 errors, 0 failing; 137 of these cases also use the type through the
//! fallback impl). The cases that use the cache-line keys
//! (`cache_line`, `apart`, `atomics_apart`, `own_line`) or a value written as a constant
//! expression (`size = 2 * size_of::<usize>()`) are counted apart as well, and each of these
//! must have cases that compile, cases that stop at their failing check and rejected cases
//! whose errors point into the item (seed `DEFAULT_SEED`: `own_line` 32 built, 10 compile, 22
//! fail their check, 29 rejected cases checked; `apart` 42, 4, 37 and 71).
//! `LAYOUTSCOPE_FUZZ_CASES=N` builds N cases, in batches of 500, and
//! `LAYOUTSCOPE_FUZZ_SEED=N` draws other inputs. The valid items come from the test kit's
//! generator (`testkit/`), dressed by `fuzz::valid_item`. The counts print with
//! `--nocapture`; a failing case prints its input, the expansion (or the errors) and rustc's
//! message (all failures go to `target/oracle-work/derive-expansions/failures.txt`): add the
//! input to `tests/corpus/` once the derive is fixed.

#![allow(dead_code)]

// The derive's modules, compiled into this test (a proc-macro crate exports only its macros).
include!("fuzz/derive_modules.rs");

mod fuzz;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use fuzz::json::Json;
use fuzz::{generate_with_origin, misattributed_item, mutate, Origin, Rng, CRATE_PATHS};
use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::{DeriveInput, GenericParam};

/// Cases built by `cargo test`: about 15 s on 2 cores once layoutscope is built.
const DEFAULT_CASES: usize = 1000;
const BATCH: usize = 500;
/// Inputs whose expansion is an error built per `BATCH` cases: the first ones the sample drew
/// (most of them items rustc rejects alone), and `fuzz::misattributed_item`s.
const DRAWN_ERRORS_PER_BATCH: usize = 50;
const MISATTRIBUTED_PER_BATCH: usize = 100;
const DEFAULT_SEED: u64 = 0x005e_ed0f_1a70;

/// Allow-by-default lints enabled in the crate whose new warnings are reported, not failed.
const EXTRA_LINTS: &[&str] = &[
    "elided_lifetimes_in_paths",
    "explicit_outlives_requirements",
    "let_underscore_drop",
    "missing_copy_implementations",
    "missing_debug_implementations",
    "redundant_lifetimes",
    "single_use_lifetimes",
    "trivial_casts",
    "trivial_numeric_casts",
    "unnameable_types",
    "unreachable_pub",
    "unsafe_code",
    "unused_import_braces",
    "unused_lifetimes",
    "unused_results",
    "variant_size_differences",
];

struct Case {
    origin: Origin,
    label: String,
    /// The item, as the tokens print.
    input: String,
    /// What `expand::derive` returned, as the tokens print: the code, or the
    /// `compile_error!`s of an error.
    expansion: String,
    /// The messages of the errors `expand::derive` returned (it reports every problem of the
    /// input at once); empty when it returned code.
    errors: Vec<String>,
    /// The errors come with the fallback impl (`src/fallback.rs`): the error build then also
    /// uses the type's `LAYOUT`, which must add no error.
    fallback: bool,
    /// The item's type at one instantiation, e.g. `S1<'static, u8, 2>`; `None` when a const
    /// parameter's type has no obvious value.
    instance: Option<String>,
    /// The type's name as layoutscope's check messages write it.
    name: String,
    /// The keys of `KEY_KINDS` the item's `#[layout]` attributes use, for the counts.
    keys: BTreeSet<&'static str>,
}

/// Keys whose cases are counted apart: the cache-line keys and values written as constant
/// expressions.
const KEY_KINDS: &[&str] = &[
    "cache_line",
    "apart",
    "atomics_apart",
    "own_line",
    "expression value",
];

/// Which of `KEY_KINDS` the `#[layout(...)]` attributes of `input` (on the item, its fields
/// and variants) use.
fn key_kinds(input: &DeriveInput) -> BTreeSet<&'static str> {
    let mut kinds = BTreeSet::new();
    for attr in all_attrs(input)
        .into_iter()
        .filter(|a| a.path().is_ident("layout"))
    {
        let syn::Meta::List(list) = &attr.meta else {
            continue;
        };
        let trees: Vec<TokenTree> = list.tokens.clone().into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Ident(ident) => {
                    let name = ident.to_string();
                    if let Some(kind) = KEY_KINDS.iter().find(|k| **k == name) {
                        kinds.insert(*kind);
                    }
                }
                TokenTree::Punct(p) if p.as_char() == '=' => {
                    let value = trees[i + 1..]
                        .iter()
                        .take_while(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
                        .count();
                    if value > 1 {
                        kinds.insert("expression value");
                    }
                }
                _ => {}
            }
        }
    }
    kinds
}

#[derive(Default)]
struct Sample {
    cases: Vec<Case>,
    /// Inputs for which `expand::derive` returned an error, in the order drawn.
    error_cases: Vec<Case>,
    /// `fuzz::misattributed_item`s (all expand to an error).
    misattributed: Vec<Case>,
    /// Misattributed items the derive accepted: each is a bug.
    accepted_misattributed: Vec<String>,
    /// Valid items (`fuzz::valid_item`, which rustc accepts) that the derive rejected: each is
    /// a bug.
    rejected_valid: Vec<String>,
    /// Items syn's `DeriveInput` reads and the derive's own parser (`item.rs`) rejects: each
    /// is a bug of that parser.
    parser_rejected: Vec<String>,
    not_items: usize,
    spanned_errors: usize,
    foreign_crate_path: usize,
    unknown_cfg: usize,
    /// Error inputs with a `cfg` not always true/false (rustc would hand the derive another item).
    unknown_cfg_errors: usize,
    /// Error inputs whose fallback impl names a crate path this crate does not provide.
    foreign_crate_path_errors: usize,
}

impl Sample {
    /// Expands `tokens`; keeps the case if the expansion returned code worth building.
    fn offer(&mut self, tokens: TokenStream, origin: Origin, label: String) {
        let (input, item) = match (
            syn::parse2::<DeriveInput>(tokens.clone()),
            syn::parse2::<item::Item>(tokens.clone()),
        ) {
            (Ok(input), Ok(item)) => (input, item),
            (Ok(_), Err(error)) => {
                self.parser_rejected
                    .push(format!("{label}: {error}: {tokens}"));
                return;
            }
            (Err(_), _) => {
                self.not_items += 1;
                return;
            }
        };
        let code = match expand::derive(&item) {
            Ok(code) => code,
            Err(error) => {
                if origin == Origin::Valid {
                    self.rejected_valid.push(format!(
                        "{label}: {}: {tokens}",
                        compile_error_messages(error.clone()).join("; ")
                    ));
                }
                let list = if origin == Origin::Misattributed {
                    &mut self.misattributed
                } else {
                    self.spanned_errors += 1;
                    &mut self.error_cases
                };
                if !cfgs_known(&input) {
                    self.unknown_cfg_errors += 1;
                    return;
                }
                // The `compile_error!`s start with `::`, the fallback impl with `#[..]`.
                let fallback = error
                    .clone()
                    .into_iter()
                    .any(|tree| matches!(tree, TokenTree::Punct(p) if p.as_char() == '#'));
                if fallback && !crate_path_provided(&input) {
                    self.foreign_crate_path_errors += 1;
                    return;
                }
                list.push(Case {
                    origin,
                    label,
                    input: tokens.to_string(),
                    expansion: error.to_string(),
                    errors: compile_error_messages(error),
                    fallback,
                    instance: if fallback { instance(&input) } else { None },
                    name: ast::unraw(&input.ident),
                    keys: key_kinds(&input),
                });
                return;
            }
        };
        if origin == Origin::Misattributed {
            self.accepted_misattributed
                .push(format!("{label}: {tokens}"));
            return;
        }
        if !crate_path_provided(&input) {
            self.foreign_crate_path += 1;
            return;
        }
        if !cfgs_known(&input) {
            self.unknown_cfg += 1;
            return;
        }
        self.cases.push(Case {
            origin,
            label,
            input: tokens.to_string(),
            expansion: code.to_string(),
            errors: Vec::new(),
            fallback: false,
            instance: instance(&input),
            name: ast::unraw(&input.ident),
            keys: key_kinds(&input),
        });
    }
}

fn sample(count: usize, seed: u64) -> Sample {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    // The golden expansions' inputs (`expand.rs`) too, so that the code they show compiles.
    let mut corpus: Vec<(String, TokenStream)> = ["corpus", "expand"]
        .into_iter()
        .flat_map(|dir| fs::read_dir(tests.join(dir)).expect("a corpus directory"))
        .map(|entry| entry.expect("a corpus entry").path())
        .filter(|path| !path.to_string_lossy().ends_with(".expanded.rs"))
        .map(|path| {
            let source = fs::read_to_string(&path).expect("a corpus file");
            let name = path
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into();
            (
                name,
                source.parse().expect("corpus files are token streams"),
            )
        })
        .collect();
    corpus.sort_by(|a, b| a.0.cmp(&b.0));
    let mut s = Sample::default();
    for (name, tokens) in &corpus {
        s.offer(tokens.clone(), Origin::Corpus, format!("corpus {name}"));
    }
    let mut rng = Rng::new(seed);
    let mut round = 0;
    while s.cases.len() < count {
        let (source, origin) = generate_with_origin(&mut rng);
        let tokens: TokenStream = source.parse().expect("generated items are token streams");
        let label = format!("generated {origin:?} item {round} (seed {seed:#x})");
        s.offer(tokens.clone(), origin, label);
        let label = format!("mutation of generated item {round} (seed {seed:#x})");
        s.offer(mutate(&mut rng, tokens), Origin::Mutated, label);
        if round % 4 == 0 {
            let (name, tokens) = &corpus[rng.below(corpus.len())];
            let label = format!("mutation {round} of corpus {name} (seed {seed:#x})");
            s.offer(mutate(&mut rng, tokens.clone()), Origin::Corpus, label);
        }
        round += 1;
    }
    s.cases.truncate(count);
    s.error_cases
        .truncate(count * DRAWN_ERRORS_PER_BATCH / BATCH);
    // From a stream of their own, so that the cases above stay those of earlier runs.
    let mut rng = Rng::new(seed ^ 0xbad_a77e);
    let mut round = 0;
    let wanted = count * MISATTRIBUTED_PER_BATCH / BATCH;
    // Bounded: were the derive to accept them, they would not count (and the test fails).
    while s.misattributed.len() < wanted && round < 2 * wanted + 100 {
        let source = misattributed_item(&mut rng);
        let tokens: TokenStream = source
            .parse()
            .expect("misattributed items are token streams");
        let label = format!("misattributed item {round} (seed {seed:#x})");
        s.offer(tokens, Origin::Misattributed, label);
        round += 1;
    }
    s
}

/// The value of `#[layout(crate = "...")]`, when there is one, is a path the crate provides.
/// The messages of the `::core::compile_error! { "..." }` invocations the derive returned.
fn compile_error_messages(errors: TokenStream) -> Vec<String> {
    errors
        .into_iter()
        .filter_map(|tree| match tree {
            proc_macro2::TokenTree::Group(g) => syn::parse2::<syn::LitStr>(g.stream()).ok(),
            _ => None,
        })
        .map(|lit| lit.value())
        .collect()
}

fn crate_path_provided(input: &DeriveInput) -> bool {
    let normal = |s: &str| {
        syn::parse_str::<syn::Path>(s)
            .map(|p| p.to_token_stream().to_string())
            .ok()
    };
    let provided: Vec<Option<String>> = CRATE_PATHS.iter().map(|p| normal(p)).collect();
    input
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("layout"))
        .filter_map(|a| match &a.meta {
            syn::Meta::List(list) => Some(list.tokens.clone()),
            _ => None,
        })
        .flat_map(|tokens| {
            let trees: Vec<TokenTree> = tokens.into_iter().collect();
            let mut values = Vec::new();
            for w in trees.windows(3) {
                if let (TokenTree::Ident(key), TokenTree::Punct(eq), TokenTree::Literal(lit)) =
                    (&w[0], &w[1], &w[2])
                {
                    if key == "crate" && eq.as_char() == '=' {
                        values.push(lit.clone());
                    }
                }
            }
            values
        })
        .all(|lit| {
            let value = syn::parse2::<syn::LitStr>(lit.into_token_stream())
                .ok()
                .map(|s| s.value());
            value.is_some_and(|v| normal(&v).is_some() && provided.contains(&normal(&v)))
        })
}

/// The attributes of the item, its variants and all their fields.
fn all_attrs(input: &DeriveInput) -> Vec<&syn::Attribute> {
    let mut attrs: Vec<&syn::Attribute> = input.attrs.iter().collect();
    match &input.data {
        syn::Data::Struct(s) => attrs.extend(s.fields.iter().flat_map(|f| &f.attrs)),
        syn::Data::Union(u) => attrs.extend(u.fields.named.iter().flat_map(|f| &f.attrs)),
        syn::Data::Enum(e) => {
            for v in &e.variants {
                attrs.extend(&v.attrs);
                attrs.extend(v.fields.iter().flat_map(|f| &f.attrs));
            }
        }
    }
    attrs
}

/// Every `cfg` and `cfg_attr` is one whose outcome the derive's view does not depend on:
/// always true (`all()`) and not adding `#[layout]`, or always false (`any()`).
fn cfgs_known(input: &DeriveInput) -> bool {
    all_attrs(input).iter().all(|a| {
        let text: String = a
            .meta
            .to_token_stream()
            .to_string()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if a.path().is_ident("cfg") {
            text == "cfg(all())" || text == "cfg(not(any()))"
        } else if a.path().is_ident("cfg_attr") {
            text.starts_with("cfg_attr(any(),")
                || (text.starts_with("cfg_attr(all(),") && !text.contains("layout"))
        } else {
            true
        }
    })
}

/// The type at `'static`, `u8` and small constants.
fn instance(input: &DeriveInput) -> Option<String> {
    let mut args = Vec::new();
    for param in &input.generics.params {
        args.push(match param {
            GenericParam::Lifetime(_) => "'static",
            GenericParam::Type(_) => "u8",
            GenericParam::Const(c) => match c.ty.to_token_stream().to_string().as_str() {
                "usize" | "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" => "2",
                "bool" => "true",
                "char" => "'c'",
                _ => return None,
            },
        });
    }
    let ident = &input.ident;
    Some(if args.is_empty() {
        ident.to_string()
    } else {
        format!("{ident}<{}>", args.join(", "))
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Build {
    Baseline,
    Pasted,
    Derive,
}

/// A case as built: whether its instantiation function survived the baseline.
struct Built<'a> {
    case: &'a Case,
    probe: bool,
}

/// Line numbers (1-based) in a case file.
struct Lines {
    /// The `#[derive(...)]` line.
    derive: usize,
    /// The item as written: (line, column) of its first character and just after its last, as
    /// rustc counts them (1-based, in characters).
    item: ((usize, usize), (usize, usize)),
    /// The function that takes the instantiation.
    probe: Option<usize>,
    /// The first line after the baseline part: the pasted expansion.
    expansion: usize,
}

fn case_file(b: &Built, index: usize, build: Build) -> (String, Lines) {
    let case = b.case;
    let mut out = format!(
        "//! Case {index}: {}.\n",
        case.label.replace(['\n', '\r'], " ")
    );
    let derive = 2;
    out.push_str(match build {
        Build::Derive => "#[derive(::layoutscope::Layout)]\n",
        _ => "#[derive(::null_layout::NullLayout)]\n",
    });
    out.push_str(&case.input);
    out.push('\n');
    let last = case.input.rsplit('\n').next().unwrap_or_default();
    let item = (
        (derive + 1, 1),
        (
            derive + 1 + case.input.matches('\n').count(),
            last.chars().count() + 1,
        ),
    );
    let mut probe = None;
    if let (true, Some(ty)) = (b.probe, &case.instance) {
        probe = Some(out.lines().count() + 1);
        writeln!(
            out,
            "#[allow(dead_code, deprecated)] fn __layoutscope_fuzz_instance(_: {ty}) {{}}"
        )
        .expect("writing to a String");
    }
    if let (Build::Derive, true, Some(ty)) = (build, case.fallback, &case.instance) {
        // A use of the rejected type: its fallback impl must make it type-check.
        writeln!(
            out,
            "#[allow(deprecated)] const _: usize = <{ty} as ::layoutscope::Layout>::LAYOUT.size;"
        )
        .expect("writing to a String");
    }
    let expansion = out.lines().count() + 1;
    if build == Build::Pasted {
        out.push_str(&case.expansion);
        out.push('\n');
        if let (true, Some(ty)) = (b.probe, &case.instance) {
            writeln!(
                out,
                "#[allow(deprecated)] const _: &::layoutscope::TypeLayout = \
                 &<{ty} as ::layoutscope::Layout>::LAYOUT;"
            )
            .expect("writing to a String");
        }
    }
    (
        out,
        Lines {
            derive,
            item,
            probe,
            expansion,
        },
    )
}

/// One diagnostic of the case crate, attributed to a case by its file.
struct Diagnostic {
    level: String,
    code: Option<String>,
    message: String,
    rendered: String,
    case: Option<usize>,
    /// Lines of the primary spans in that case's file.
    lines: Vec<usize>,
    /// The primary spans that rustc reports in a case file, as reported (not followed to a
    /// macro's call site).
    primary: Vec<Spot>,
    /// Primary spans reported elsewhere (in a dependency's or a macro's source).
    primary_elsewhere: usize,
}

/// A span in a case file.
#[derive(Clone, Copy)]
struct Spot {
    case: usize,
    /// (line, column) of its start and end, 1-based.
    start: (usize, usize),
    end: (usize, usize),
    primary: bool,
}

struct Project {
    dir: PathBuf,
    target: PathBuf,
}

impl Project {
    fn new() -> Project {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .canonicalize()
            .expect("the workspace directory");
        let work = workspace.join("target").join("oracle-work");
        let dir = work.join("derive-expansions");
        let null = work.join("derive-expansions-null");
        let escape = |p: &Path| {
            p.to_string_lossy()
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
        };
        write_if_changed(
            &null.join("Cargo.toml"),
            "# Written by layout-derive's expansion_compiles test.\n\
             [package]\nname = \"null-layout\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[lib]\nproc-macro = true\npath = \"lib.rs\"\n\n[workspace]\n",
        );
        write_if_changed(
            &null.join("lib.rs"),
            "//! `#[derive(NullLayout)]` accepts `#[layout(...)]` and emits nothing: the\n\
             //! baseline build checks the fuzz cases' items alone.\n\
             extern crate proc_macro;\n\
             #[proc_macro_derive(NullLayout, attributes(layout))]\n\
             pub fn null_layout(_: proc_macro::TokenStream) -> proc_macro::TokenStream {\n    \
             proc_macro::TokenStream::new()\n}\n",
        );
        write_if_changed(
            &dir.join("Cargo.toml"),
            &format!(
                "# Written by layout-derive's expansion_compiles test.\n\
                 [package]\nname = \"derive-expansions\"\nversion = \"0.0.0\"\n\
                 edition = \"2021\"\npublish = false\n\n\
                 [dependencies]\nlayoutscope = {{ path = \"{}\", features = [\"values\"] }}\n\
                 null-layout = {{ path = \"{}\" }}\n\n\
                 # Not a member of the layoutscope workspace this directory sits in.\n\
                 [workspace]\n",
                escape(&workspace),
                escape(&null)
            ),
        );
        // The workspace's versions, and nothing to resolve against the registry.
        let lock = workspace.join("Cargo.lock");
        if lock.exists() && !dir.join("Cargo.lock").exists() {
            fs::copy(lock, dir.join("Cargo.lock")).expect("copying Cargo.lock");
        }
        Project {
            dir,
            target: workspace.join("target").join("oracle-target"),
        }
    }

    /// Writes the cases and runs `cargo check`; returns the case crate's diagnostics and the
    /// line layout of each case file.
    fn check(&self, cases: &[Built], build: Build) -> (Vec<Diagnostic>, Vec<Lines>) {
        let src = self.dir.join("src");
        if src.exists() {
            fs::remove_dir_all(&src).expect("removing the old cases");
        }
        fs::create_dir_all(&src).expect("the src directory");
        let mut lib = String::from(
            "//! Fuzz cases of `#[derive(Layout)]`'s expansion, one module each.\n\
             #![warn(missing_docs, unused_qualifications)]\n",
        );
        writeln!(lib, "#![warn({})]", EXTRA_LINTS.join(", ")).expect("writing to a String");
        lib.push_str(
            "pub use ::layoutscope as renamed;\n\
             /// For `crate = \"crate::reexport::layout\"`.\n\
             pub mod reexport {\n    pub use ::layoutscope as layout;\n}\n\
             /// A field type without a `Layout` impl, for `#[layout(opaque)]`.\n\
             #[derive(Clone, Copy, Debug)]\n\
             pub struct Foreign(pub u16, pub u8);\n",
        );
        let mut layouts = Vec::new();
        for (i, case) in cases.iter().enumerate() {
            let (text, lines) = case_file(case, i, build);
            fs::write(src.join(format!("case_{i:04}.rs")), text).expect("writing a case");
            writeln!(lib, "pub mod case_{i:04};").expect("writing to a String");
            layouts.push(lines);
        }
        fs::write(src.join("lib.rs"), lib).expect("writing lib.rs");

        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = Command::new(cargo)
            .args(["check", "--lib", "--message-format=json", "--manifest-path"])
            .arg(self.dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &self.target)
            // Like every build in the oracle's target directory, so fingerprints stay stable.
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_INCREMENTAL", "0")
            .env("CARGO_TERM_COLOR", "never")
            .output()
            .expect("running cargo");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let manifest = self.dir.join("Cargo.toml");
        let mut diagnostics = Vec::new();
        let mut foreign_errors = Vec::new();
        for line in stdout.lines() {
            let Some(json) = Json::parse(line) else {
                continue;
            };
            if json.get("reason").and_then(Json::str) != Some("compiler-message") {
                continue;
            }
            let Some(message) = json.get("message") else {
                continue;
            };
            let d = diagnostic(message);
            let ours = json
                .get("manifest_path")
                .and_then(Json::str)
                .is_some_and(|p| Path::new(p) == manifest);
            if !ours {
                if d.level.starts_with("error") {
                    foreign_errors.push(d.rendered);
                }
                continue;
            }
            diagnostics.push(d);
        }
        assert!(
            foreign_errors.is_empty(),
            "a dependency of the case crate does not compile:\n{}",
            foreign_errors.join("\n")
        );
        let errors = diagnostics
            .iter()
            .filter(|d| d.level.starts_with("error"))
            .count();
        assert!(
            output.status.success() || errors > 0,
            "cargo check failed without a diagnostic:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        (diagnostics, layouts)
    }
}

fn write_if_changed(path: &Path, text: &str) {
    if fs::read_to_string(path).ok().as_deref() == Some(text) {
        return;
    }
    fs::create_dir_all(path.parent().expect("a parent directory")).expect("a directory");
    fs::write(path, text).expect("writing a file");
}

fn diagnostic(message: &Json) -> Diagnostic {
    let text = |key: &str| {
        message
            .get(key)
            .and_then(Json::str)
            .unwrap_or_default()
            .to_string()
    };
    let code = message
        .get("code")
        .and_then(|c| c.get("code"))
        .and_then(Json::str)
        .map(str::to_string);
    // The primary spans in a case file; else any span there, of the children or of a macro
    // expansion's call site.
    let mut all = Vec::new();
    collect_spans(message, &mut all);
    let primary: Vec<Spot> = all.iter().filter(|s| s.primary).copied().collect();
    let chosen: Vec<&Spot> = if primary.is_empty() {
        all.iter().collect()
    } else {
        primary.iter().collect()
    };
    let case = chosen.first().map(|s| s.case);
    let lines = chosen
        .iter()
        .filter(|s| Some(s.case) == case)
        .map(|s| s.start.0)
        .collect();
    let primary_elsewhere = message
        .get("spans")
        .map(Json::array)
        .unwrap_or_default()
        .iter()
        .filter(|s| s.get("is_primary").is_some_and(Json::is_true))
        .count()
        - primary.len();
    Diagnostic {
        level: text("level"),
        code,
        message: text("message"),
        rendered: text("rendered"),
        case,
        lines,
        primary,
        primary_elsewhere,
    }
}

/// Every span of `message` in a case file; a span in a macro's source counts at the macro's
/// call site, and only spans of `message` itself reported in a case file are primary.
fn collect_spans(message: &Json, out: &mut Vec<Spot>) {
    for span in message.get("spans").map(Json::array).unwrap_or_default() {
        let mut s = Some(span);
        let mut primary = span.get("is_primary").is_some_and(Json::is_true);
        while let Some(span) = s {
            let file = span
                .get("file_name")
                .and_then(Json::str)
                .unwrap_or_default();
            let case = file
                .strip_prefix("src/case_")
                .and_then(|f| f.strip_suffix(".rs"))
                .and_then(|n| n.parse().ok());
            if let Some(case) = case {
                let number =
                    |key: &str| span.get(key).and_then(Json::number).unwrap_or_default() as usize;
                out.push(Spot {
                    case,
                    start: (number("line_start"), number("column_start")),
                    end: (number("line_end"), number("column_end")),
                    primary,
                });
                break;
            }
            // Inside a macro: look at where it was called.
            s = span.get("expansion").and_then(|e| e.get("span"));
            primary = false;
        }
    }
    for child in message.get("children").map(Json::array).unwrap_or_default() {
        let mut spans = Vec::new();
        collect_spans(child, &mut spans);
        out.extend(spans.into_iter().map(|s| Spot {
            primary: false,
            ..s
        }));
    }
}

/// One of layoutscope's check messages (`layout-core/src/check.rs`) about the type `name`.
fn is_check_message(message: &str, name: &str) -> bool {
    let Some(m) = message.strip_prefix("evaluation panicked: ") else {
        return false;
    };
    let quoted = format!("`{name}`");
    let about = |rest: &str| rest.starts_with(&quoted);
    if let Some(rest) = m.strip_prefix("size of ") {
        return about(rest) && (rest.contains(", expected ") || rest.contains("maximum of"));
    }
    if let Some(rest) = m.strip_prefix("align of ") {
        return about(rest) && rest.contains(", expected ");
    }
    if let Some(rest) = m.strip_prefix("offset of `") {
        return rest.starts_with(&format!("{name}.")) && rest.contains(", expected ");
    }
    // The cache-line keys (`apart`, `atomics_apart`, `own_line`), and a `cache_line = N`
    // they refuse.
    if let Some(rest) = m.strip_prefix("a cache line of ") {
        return rest.ends_with(" bytes is not a power of two");
    }
    if m.starts_with(&format!("`{name}.")) {
        return (m.contains(") share a ") && m.contains("-byte cache line"))
            || m.contains("` cannot be guaranteed a cache line of its own: ")
            || m.contains("-byte cache line boundary");
    }
    about(m)
        && (m.contains(" of padding: ")
            || m.contains("` has no niche, so `Option<")
            || m.contains("` has no free niche value left"))
}

#[derive(Default)]
struct Counts {
    built: usize,
    invalid_baseline: usize,
    no_instance: usize,
    compiled: usize,
    expected_checks: usize,
    failed: usize,
}

/// The inputs whose expansion is an error (`errors_are_spanned`).
#[derive(Default)]
struct ErrorCounts {
    built: usize,
    invalid_baseline: usize,
    /// Built with the real derive and checked.
    checked: usize,
    /// The errors in those: the derive reports all problems of an input at once.
    messages: usize,
    /// Checked cases that also use the type's `LAYOUT` through the fallback impl.
    used: usize,
    failed: usize,
}

#[derive(Default)]
struct Report {
    total: Counts,
    errors: ErrorCounts,
    /// By source: inputs the sample drew, and misattributed items.
    errors_by_source: BTreeMap<&'static str, ErrorCounts>,
    /// Error cases whose errors do not come out, or not spanned to the item.
    span_failures: Vec<String>,
    by_origin: BTreeMap<String, Counts>,
    /// The code cases using each of `KEY_KINDS`.
    by_key: BTreeMap<&'static str, Counts>,
    /// The checked error cases using each of `KEY_KINDS`.
    errors_by_key: BTreeMap<&'static str, ErrorCounts>,
    failures: Vec<String>,
    lint_failures: Vec<String>,
    /// New warnings of the promised lints, by lint.
    lint_failure_counts: BTreeMap<String, usize>,
    extra_lints: BTreeMap<String, (usize, String)>,
    pasted_warnings: BTreeMap<String, usize>,
}

impl Report {
    fn count(&mut self, case: &Case, f: impl Fn(&mut Counts)) {
        f(&mut self.total);
        f(self
            .by_origin
            .entry(format!("{:?}", case.origin))
            .or_default());
        for key in &case.keys {
            f(self.by_key.entry(key).or_default());
        }
    }

    fn count_error(&mut self, case: &Case, f: impl Fn(&mut ErrorCounts)) {
        f(&mut self.errors);
        for key in &case.keys {
            f(self.errors_by_key.entry(key).or_default());
        }
        let source = match case.origin {
            Origin::Misattributed => "misattributed",
            _ => "drawn",
        };
        f(self.errors_by_source.entry(source).or_default());
    }
}

/// Builds a batch of code cases (`cases`) and of error cases (`error_cases`, which share the
/// baseline build and then go to `errors_are_spanned`).
fn run_batch(project: &Project, cases: &[Case], error_cases: &[&Case], report: &mut Report) {
    for case in cases {
        report.count(case, |c| c.built += 1);
    }
    for case in error_cases {
        report.count_error(case, |c| c.built += 1);
    }
    // 1. Baseline, until clean.
    let mut active: Vec<Built> = cases
        .iter()
        .map(|case| Built { case, probe: true })
        .chain(error_cases.iter().map(|&case| Built { case, probe: false }))
        .collect();
    let baseline_warnings: Vec<Vec<Diagnostic>>;
    let mut rounds = 0;
    loop {
        rounds += 1;
        assert!(rounds <= 20, "the baseline build does not converge");
        let (diagnostics, layouts) = project.check(&active, Build::Baseline);
        let (errors, unattributed) = errors_by_case(&diagnostics);
        if errors.is_empty() {
            assert!(
                unattributed.is_empty(),
                "baseline errors outside the cases:\n{}",
                unattributed.join("\n")
            );
            let mut warnings: Vec<Vec<Diagnostic>> =
                (0..active.len()).map(|_| Vec::new()).collect();
            for d in diagnostics {
                if let (Some(i), "warning") = (d.case, d.level.as_str()) {
                    warnings[i].push(d);
                }
            }
            baseline_warnings = warnings;
            break;
        }
        let mut next = Vec::new();
        for (i, b) in active.into_iter().enumerate() {
            match errors.get(&i) {
                None => next.push(b),
                Some(es) => {
                    let probe = layouts[i].probe;
                    let only_probe = probe.is_some()
                        && es.iter().all(|d| {
                            !d.lines.is_empty() && d.lines.iter().all(|l| Some(*l) == probe)
                        });
                    if only_probe {
                        report.count(b.case, |c| c.no_instance += 1);
                        next.push(Built {
                            case: b.case,
                            probe: false,
                        });
                    } else if !b.case.errors.is_empty() {
                        report.count_error(b.case, |c| c.invalid_baseline += 1);
                    } else {
                        report.count(b.case, |c| c.invalid_baseline += 1);
                    }
                }
            }
        }
        active = next;
    }

    let valid_error_cases: Vec<Built> = active
        .iter()
        .filter(|b| !b.case.errors.is_empty())
        .map(|b| Built {
            case: b.case,
            probe: false,
        })
        .collect();
    errors_are_spanned(project, &valid_error_cases, report);

    // 2. The pasted expansions, until clean: cases with errors leave (expected or failed).
    let mut indices: Vec<usize> = (0..active.len())
        .filter(|&i| active[i].case.errors.is_empty())
        .collect();
    let pasted_warnings: Vec<(usize, Diagnostic)>;
    loop {
        let built: Vec<Built> = indices
            .iter()
            .map(|&i| Built {
                case: active[i].case,
                probe: active[i].probe,
            })
            .collect();
        let (diagnostics, layouts) = project.check(&built, Build::Pasted);
        let (errors, unattributed) = errors_by_case(&diagnostics);
        assert!(
            unattributed.is_empty(),
            "errors outside the cases:\n{}",
            unattributed.join("\n")
        );
        if errors.is_empty() {
            pasted_warnings = diagnostics
                .into_iter()
                .filter(|d| d.level == "warning")
                .filter_map(|d| {
                    let i = d.case?;
                    let in_expansion = d.lines.iter().any(|l| *l >= layouts[i].expansion);
                    in_expansion.then_some((indices[i], d))
                })
                .collect();
            break;
        }
        let mut next = Vec::new();
        for (k, &i) in indices.iter().enumerate() {
            let Some(es) = errors.get(&k) else {
                next.push(i);
                continue;
            };
            let case = active[i].case;
            let expected = es.iter().all(|d| {
                d.code.as_deref() == Some("E0080") && is_check_message(&d.message, &case.name)
            });
            if expected {
                report.count(case, |c| c.expected_checks += 1);
            } else {
                report.count(case, |c| c.failed += 1);
                let rendered: Vec<&str> = es.iter().map(|d| d.rendered.as_str()).collect();
                report.failures.push(format!(
                    "{}\n--- input:\n{}\n--- expansion:\n{}\n--- rustc:\n{}",
                    case.label,
                    case.input,
                    case.expansion,
                    rendered.join("")
                ));
            }
        }
        indices = next;
    }
    for (_, d) in pasted_warnings {
        *report
            .pasted_warnings
            .entry(d.code.unwrap_or_default())
            .or_default() += 1;
    }

    // 3. The real derive on the compiled cases: new warnings against the baseline.
    let compiled: Vec<Built> = indices
        .iter()
        .map(|&i| Built {
            case: active[i].case,
            probe: active[i].probe,
        })
        .collect();
    for b in &compiled {
        report.count(b.case, |c| c.compiled += 1);
    }
    if compiled.is_empty() {
        return;
    }
    let (diagnostics, layouts) = project.check(&compiled, Build::Derive);
    for d in diagnostics {
        let Some(k) = d.case else {
            continue;
        };
        let case = compiled[k].case;
        if d.level.starts_with("error") {
            report.count(case, |c| c.failed += 1);
            report.failures.push(format!(
                "{} (the real derive fails where the pasted expansion compiled)\n--- input:\n{}\n--- rustc:\n{}",
                case.label, case.input, d.rendered
            ));
            continue;
        }
        if d.level != "warning" {
            continue;
        }
        let baseline = &baseline_warnings[indices[k]];
        let code = d.code.clone().unwrap_or_default();
        let known = baseline.iter().any(|b| b.code == d.code);
        let at_derive = d.lines.iter().any(|l| *l == layouts[k].derive);
        if known && !at_derive {
            continue;
        }
        if EXTRA_LINTS.contains(&code.as_str()) {
            let entry = report.extra_lints.entry(code).or_insert((0, String::new()));
            entry.0 += 1;
            if entry.1.is_empty() {
                entry.1 = format!("{}\n{}", case.input, d.rendered);
            }
        } else {
            *report.lint_failure_counts.entry(code).or_default() += 1;
            report.lint_failures.push(format!(
                "{}\n--- input:\n{}\n--- rustc:\n{}",
                case.label, case.input, d.rendered
            ));
        }
    }
}

/// Build 4: the error cases whose item compiles alone, with the real `#[derive(Layout)]`.
/// Every message `expand::derive` returned must come out as an error of the case, and every
/// error of the case must be one of them with its primary spans inside the item as written.
/// An error spanned at `Span::call_site()` points at the `#[derive(...)]` line instead, and
/// fails.
fn errors_are_spanned(project: &Project, cases: &[Built], report: &mut Report) {
    if cases.is_empty() {
        return;
    }
    let (diagnostics, layouts) = project.check(cases, Build::Derive);
    let mut errors: Vec<Vec<&Diagnostic>> = cases.iter().map(|_| Vec::new()).collect();
    for d in diagnostics.iter().filter(|d| d.level.starts_with("error")) {
        match d.case {
            Some(k) => errors[k].push(d),
            // rustc's closing "aborting due to N previous errors" has no span.
            None if d.message.starts_with("aborting due to") => {}
            None => report
                .span_failures
                .push(format!("an error outside the cases:\n{}", d.rendered)),
        }
    }
    for (k, b) in cases.iter().enumerate() {
        let case = b.case;
        let (start, end) = layouts[k].item;
        let inside = |s: &Spot| s.case == k && start <= s.start && s.end <= end;
        let mut problems = Vec::new();
        for message in &case.errors {
            if !errors[k]
                .iter()
                .any(|d| d.message.contains(message.as_str()))
            {
                problems.push(format!("the derive's error does not come out: {message}"));
            }
        }
        for d in &errors[k] {
            let where_ = d
                .primary
                .iter()
                .map(|s| format!("{}:{}-{}:{}", s.start.0, s.start.1, s.end.0, s.end.1))
                .collect::<Vec<_>>()
                .join(", ");
            if !case.errors.iter().any(|m| d.message.contains(m.as_str())) {
                problems.push(format!(
                    "an error the derive did not return, at {where_}: {}",
                    d.message
                ));
            }
            if d.primary.is_empty() || d.primary_elsewhere > 0 {
                problems.push(format!(
                    "an error with a primary span outside the case file: {}",
                    d.message
                ));
            } else if !d.primary.iter().all(inside) {
                let at_derive = d.primary.iter().any(|s| s.start.0 == layouts[k].derive);
                problems.push(format!(
                    "an error spanned at {where_}{}, outside the item ({}:{}-{}:{})",
                    if at_derive {
                        " (the #[derive] line: call_site)"
                    } else {
                        ""
                    },
                    start.0,
                    start.1,
                    end.0,
                    end.1
                ));
            }
        }
        let failed = !problems.is_empty();
        report.count_error(case, |c| {
            c.checked += 1;
            c.messages += case.errors.len();
            c.used += usize::from(case.fallback && case.instance.is_some());
            c.failed += usize::from(failed);
        });
        if !failed {
            continue;
        }
        let rendered: Vec<&str> = errors[k].iter().map(|d| d.rendered.as_str()).collect();
        report.span_failures.push(format!(
            "{}: {}\n--- input (line {} of the case file):\n{}\n--- expand::derive:\n{}\n--- rustc:\n{}",
            case.label,
            problems.join("; "),
            start.0,
            case.input,
            case.errors.join("\n"),
            rendered.join("")
        ));
    }
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    let value = value.trim();
    match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => value.parse().ok(),
    }
}

#[test]
fn expansions_compile() {
    let count = env_number("LAYOUTSCOPE_FUZZ_CASES").map_or(DEFAULT_CASES, |n| n as usize);
    let seed = env_number("LAYOUTSCOPE_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let started = Instant::now();
    let sample = sample(count, seed);
    let project = Project::new();
    let mut report = Report::default();
    let mut drawn_errors = sample.error_cases.chunks(DRAWN_ERRORS_PER_BATCH);
    let mut misattributed = sample.misattributed.chunks(MISATTRIBUTED_PER_BATCH);
    for batch in sample.cases.chunks(BATCH) {
        let errors: Vec<&Case> = drawn_errors
            .next()
            .unwrap_or_default()
            .iter()
            .chain(misattributed.next().unwrap_or_default())
            .collect();
        run_batch(&project, batch, &errors, &mut report);
    }

    let t = &report.total;
    let mut summary = format!(
        "seed {seed:#x}: {} inputs returned code; excluded {} (crate path not provided) and {} \
         (cfg not always true/false); built {}: invalid baseline {}, compiled {}, failing layout \
         checks (expected) {}, failed {}; instantiation dropped for {}; inputs with a spanned \
         error {}, not an item {}; {:.1} s\n",
        sample.cases.len() + sample.foreign_crate_path + sample.unknown_cfg,
        sample.foreign_crate_path,
        sample.unknown_cfg,
        t.built,
        t.invalid_baseline,
        t.compiled,
        t.expected_checks,
        t.failed,
        t.no_instance,
        sample.spanned_errors,
        sample.not_items,
        started.elapsed().as_secs_f64(),
    );
    let code_rows = report
        .by_origin
        .iter()
        .map(|(origin, c)| (origin.as_str(), c))
        .chain(report.by_key.iter().map(|(key, c)| (*key, c)));
    for (label, c) in code_rows {
        writeln!(
            summary,
            "  {label:16} built {:5}  invalid baseline {:5}  compiled {:5}  expected check failures {:4}  failed {}",
            c.built, c.invalid_baseline, c.compiled, c.expected_checks, c.failed
        )
        .expect("writing to a String");
    }
    let e = &report.errors;
    writeln!(
        summary,
        "  error cases (the real derive's errors point into the item): excluded {} (cfg not \
         always true/false) and {} (crate path not provided); built {}: invalid alone {}, \
         checked {} ({} errors, {} using the type), failed {}",
        sample.unknown_cfg_errors,
        sample.foreign_crate_path_errors,
        e.built,
        e.invalid_baseline,
        e.checked,
        e.messages,
        e.used,
        e.failed
    )
    .expect("writing to a String");
    let error_rows = report.errors_by_source.iter().chain(&report.errors_by_key);
    for (label, c) in error_rows {
        writeln!(
            summary,
            "    {label:16} built {:4}  invalid alone {:4}  checked {:4}  errors {:4}  using the type {:4}  failed {}",
            c.built, c.invalid_baseline, c.checked, c.messages, c.used, c.failed
        )
        .expect("writing to a String");
    }
    if !report.pasted_warnings.is_empty() {
        writeln!(
            summary,
            "  warnings in the pasted expansions (not seen through the derive): {:?}",
            report.pasted_warnings
        )
        .expect("writing to a String");
    }
    if !report.lint_failure_counts.is_empty() {
        writeln!(
            summary,
            "  new warnings through the derive (failures): {:?}",
            report.lint_failure_counts
        )
        .expect("writing to a String");
    }
    for (lint, (n, example)) in &report.extra_lints {
        writeln!(
            summary,
            "  new `{lint}` warnings (allow-by-default, not failed): {n}; e.g.\n{example}"
        )
        .expect("writing to a String");
    }
    println!("{summary}");
    // Every failure, for a run that has more than the panic message shows.
    let all: Vec<String> = report
        .failures
        .iter()
        .chain(&report.lint_failures)
        .chain(&report.span_failures)
        .cloned()
        .collect();
    let log = project.dir.join("failures.txt");
    fs::write(&log, all.join("\n\n=====\n")).expect("writing failures.txt");

    let shown = |list: &[String]| {
        list.iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n=====\n")
    };
    for (failures, what) in [
        (&report.failures, "expansions do not compile"),
        (&report.lint_failures, "new warnings from the derive"),
        (
            &report.span_failures,
            "error cases whose errors do not point into the item",
        ),
    ] {
        assert!(
            failures.is_empty(),
            "{} {what} (first 5 below; all in {})\n{summary}\n{}",
            failures.len(),
            log.display(),
            shown(failures)
        );
    }
    assert!(
        sample.parser_rejected.is_empty(),
        "item.rs rejected {} items that syn's DeriveInput reads:\n{}",
        sample.parser_rejected.len(),
        sample.parser_rejected.join("\n")
    );
    assert!(
        sample.rejected_valid.is_empty(),
        "the derive rejected {} valid items:\n{}",
        sample.rejected_valid.len(),
        sample.rejected_valid.join("\n")
    );
    assert!(
        sample.accepted_misattributed.is_empty(),
        "the derive returned code for {} items with a broken `#[layout]` or an unsized tail:\n{}",
        sample.accepted_misattributed.len(),
        sample.accepted_misattributed.join("\n")
    );
    // Too few error cases valid alone would leave the spans unchecked.
    assert!(
        e.checked * 2 >= e.built && (e.checked >= 100 || count < DEFAULT_CASES),
        "too few error cases reached the real build\n{summary}"
    );
    // A generator that produced only invalid items would make this test vacuous.
    let valid = t.built - t.invalid_baseline;
    assert!(
        valid * 10 >= t.built * 4 && t.compiled * 10 >= t.built * 3,
        "too few cases reached the real build\n{summary}"
    );
    // Each counted key compiles where it holds, fails its check where it does not, and is
    // rejected, spanned, where it is malformed.
    if count >= DEFAULT_CASES {
        for key in KEY_KINDS {
            let code = report.by_key.get(key);
            let errors = report.errors_by_key.get(key);
            assert!(
                code.is_some_and(|c| c.compiled > 0 && c.expected_checks > 0)
                    && errors.is_some_and(|c| c.checked > 0),
                "the sample lacks cases of `{key}` that compile, fail their check or are \
                 rejected\n{summary}"
            );
        }
    }
    let kinds: BTreeSet<&str> = sample
        .cases
        .iter()
        .filter_map(|c| {
            c.input
                .split_whitespace()
                .find(|w| ["struct", "union", "enum"].contains(w))
        })
        .collect();
    assert!(kinds.len() >= 3, "the sample lacks item kinds: {kinds:?}");
}

/// The build's errors by case index, and the rendered errors that belong to no case.
fn errors_by_case(diagnostics: &[Diagnostic]) -> (BTreeMap<usize, Vec<&Diagnostic>>, Vec<String>) {
    let mut errors: BTreeMap<usize, Vec<&Diagnostic>> = BTreeMap::new();
    let mut unattributed = Vec::new();
    for d in diagnostics.iter().filter(|d| d.level.starts_with("error")) {
        match d.case {
            Some(i) => errors.entry(i).or_default().push(d),
            None => unattributed.push(d.rendered.clone()),
        }
    }
    (errors, unattributed)
}
