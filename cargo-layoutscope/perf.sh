#!/usr/bin/env bash
# Measures `cargo layoutscope --json` (build + reading every type) against a plain
# `cargo build` of the same generated crate, same profile, clean target directories,
# alternating runs; then the reading alone (build up to date) and peak memory.
#
# Usage: cargo-layoutscope/perf.sh [PAIRS]   (run from the workspace root, after
#        `cargo test -p cargo-layoutscope --test differential` wrote the crate)
set -euo pipefail
pairs=${1:-3}
crate=target/layoutscope-difftest-src-1
bin=target/release/cargo-layoutscope
cargo build --release -q -p cargo-layoutscope
test -f "$crate/Cargo.toml" || { echo "run the differential test first" >&2; exit 1; }
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "$label %e s %M KiB" "$@" >/dev/null 2>>/tmp/layoutscope-perf.$$ || true
}
: >/tmp/layoutscope-perf.$$
for _ in $(seq "$pairs"); do
  rm -rf target/perf-plain target/perf-cli
  measure plain cargo build -q --manifest-path "$crate/Cargo.toml" --target-dir target/perf-plain
  measure cli "$bin" layoutscope -q --json --manifest-path "$crate/Cargo.toml" --target-dir target/perf-cli
  measure read "$bin" layoutscope -q --json --manifest-path "$crate/Cargo.toml" --target-dir target/perf-cli
done
grep -E '^(plain|cli|read) ' /tmp/layoutscope-perf.$$
awk '/^plain /{p+=$2;n++} /^cli /{c+=$2} /^read /{r+=$2; if ($4>m) m=$4}
  END {printf "mean plain %.2f s, cli %.2f s, ratio %.3f; reading alone %.2f s, peak %d KiB\n", p/n, c/n, c/p, r/n, m}' \
  /tmp/layoutscope-perf.$$
rm -f /tmp/layoutscope-perf.$$
