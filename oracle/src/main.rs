//! `layout-oracle`: runs the differential oracle and exits non-zero on any mismatch.
//!
//! ```text
//! cargo run -p layout-oracle -- [--enums] [--seed N] [--count N] [--name NAME] [--workspace PATH]
//! ```
//!
//! - `--enums`: run an enum batch (generated enums of every repr with the structs that nest
//!   them, plus the hand-written cases of `oracle/cases/enum_cases.rs`) instead of the struct
//!   and union batch. Prints a breakdown by enum kind and
//!   `differential-enums: T types, F facts compared, M mismatches`.
//! - `--seed N`: the generator's seed (default 7); every seed must pass.
//! - `--count N`: how many types to generate (default 500 structs and unions, or 300 enum
//!   instantiations with `--enums`); the hand-written cases come on top.
//! - `--name NAME`: the probe crate's name, `<workspace>/target/oracle-work/NAME` (default
//!   `cli`, or `cli-enums` with `--enums`); concurrent runs need distinct names.
//! - `--workspace PATH`: the layoutscope workspace (default: the one this binary was built in).
//!
//! Exit status: 0 when every fact matched, 1 on mismatches, 2 when the oracle could not run or
//! could not read an oracle's output.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: layout-oracle [--enums] [--seed N] [--count N] [--name NAME] [--workspace PATH]";

/// What to run.
struct Args {
    config: layout_oracle::Config,
    enums: bool,
}

fn main() -> ExitCode {
    let Args { config, enums } = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("layout-oracle: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    eprintln!(
        "layout-oracle: {}seed {}, {} generated {}, probe crate in {}",
        if enums { "enums, " } else { "" },
        config.seed,
        config.count,
        if enums { "enum types" } else { "types" },
        layout_oracle::runner::project_dir(&config.workspace, &config.name).display()
    );
    let outcome = if enums {
        layout_oracle::run_enums(&config).map(|r| (r.to_string(), r.mismatches().is_empty()))
    } else {
        layout_oracle::run(&config).map(|r| (r.to_string(), r.mismatches.is_empty()))
    };
    match outcome {
        Ok((report, clean)) => {
            println!("{report}");
            if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("layout-oracle: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    // The workspace this binary was built in: the oracle crate sits in `<workspace>/oracle`.
    let default_workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    let mut config = layout_oracle::Config {
        workspace: default_workspace,
        name: String::new(),
        seed: 7,
        count: 0,
    };
    let (mut enums, mut count, mut name) = (false, None, None);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--enums" => enums = true,
            "--seed" => config.seed = number(&value()?)?,
            "--count" => count = Some(number(&value()?)?),
            "--name" => name = Some(value()?),
            "--workspace" => config.workspace = PathBuf::from(value()?),
            "-h" | "--help" => return Err("help".to_owned()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    config.count = count.unwrap_or(if enums { 300 } else { 500 });
    config.name = name.unwrap_or_else(|| if enums { "cli-enums" } else { "cli" }.to_owned());
    Ok(Args { config, enums })
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("`{s}` is not a number"))
}
