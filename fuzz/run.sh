#!/usr/bin/env bash
# Runs each fuzz target for a bounded time (default 60 s each). Not part of CI.
#   fuzz/run.sh [SECONDS]
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable
# toolchain build with them.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for t in command_parser office_number question; do
  echo "== $t ($secs s)"
  cargo fuzz run "$t" -- -max_total_time="$secs" -max_len=12000
done
