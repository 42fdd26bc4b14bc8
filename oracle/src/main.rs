//! `layout-oracle`: runs the differential oracle and exits non-zero on any mismatch.
//!
//! ```text
//! cargo run -p layout-oracle -- --seed 7 --count 500 [--name NAME] [--workspace PATH]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: layout-oracle [--seed N] [--count N] [--name NAME] [--workspace PATH]";

fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("layout-oracle: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    eprintln!(
        "layout-oracle: seed {}, {} generated types, probe crate in {}",
        config.seed,
        config.count,
        layout_oracle::runner::project_dir(&config.workspace, &config.name).display()
    );
    match layout_oracle::run(&config) {
        Ok(report) => {
            println!("{report}");
            if report.mismatches.is_empty() {
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

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<layout_oracle::Config, String> {
    // The workspace this binary was built in: the oracle crate sits in `<workspace>/oracle`.
    let default_workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    let mut config = layout_oracle::Config {
        workspace: default_workspace,
        name: "cli".to_owned(),
        seed: 7,
        count: 500,
    };
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--seed" => config.seed = number(&value()?)?,
            "--count" => config.count = number(&value()?)?,
            "--name" => config.name = value()?,
            "--workspace" => config.workspace = PathBuf::from(value()?),
            "-h" | "--help" => return Err("help".to_owned()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(config)
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("`{s}` is not a number"))
}
