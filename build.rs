//! Tells `layoutscope::snapshot` which target and compiler this build uses, so that a layout
//! file records where it was written: layouts differ between targets and may differ between
//! compilers. The compiler that builds this crate builds the user's crate in the same build.

use std::env;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if env::var_os("CARGO_FEATURE_STD").is_none() {
        return; // `snapshot` needs `std`
    }
    let target = env::var("TARGET").unwrap_or_else(|_| "an unknown target".to_owned());
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    // `rustc 1.95.0 (59807616e 2026-04-14)`; cargo rebuilds this crate when the compiler changes.
    let version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| "an unknown rustc".to_owned());
    println!("cargo:rustc-env=LAYOUTSCOPE_TARGET={target}");
    println!("cargo:rustc-env=LAYOUTSCOPE_RUSTC={version}");
}
