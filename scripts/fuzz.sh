#!/usr/bin/env bash
# The long fuzz run: veche-fuzz (an optimised build, so that each extrinsic's native time is
# checked against its charged ref_time too) for a number of hours, runs of 300 blocks with seeds
# 1, 2, 3, … . Prints one JSON line per run and the totals; a failure prints the seed and block
# that reproduce it (`veche-fuzz --seed S --blocks B`) and exits 1.
#   scripts/fuzz.sh [hours] [first-seed]      (defaults: 1 hour, seed 1)
# The CI-sized run is the `veche-fuzz` test in the unit tier (2 seeds × 40 blocks).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
hours=${1:-1}
seed=${2:-1}
cd "$VECHE_ROOT"
SKIP_WASM_BUILD=1 cargo build --locked --release -p veche-fuzz --bin veche-fuzz
"$CARGO_TARGET_DIR/release/veche-fuzz" --hours "$hours" --seed "$seed" --blocks 300 --per-block 16 \
	--valid-ballots 12
