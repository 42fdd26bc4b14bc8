//! `cargo layoutscope`: builds a package with debug info in a target directory of its own,
//! reads the layout of every type the compiler describes there (the package's own, private
//! and generic ones at their instantiations, its dependencies' and std's as it uses them,
//! closures and `async fn` futures), and draws them with layoutscope's renderers.

mod baseline;
mod boxing;
mod cargo_build;
mod cli;
mod dwarf;
mod enum_tag;
mod json;
mod layout;
mod load;
mod niches;
mod objects;
mod select;
mod show;
mod survey;
mod types;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli::Cargo::Layoutscope(args) = cli::Cargo::parse();
    let result = match args.command {
        Some(cli::Command::Check(check)) => baseline::run(&check),
        None => show::run(&args.show),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
