#!/usr/bin/env bash
# The long fuzz run: veche-fuzz (an optimised build, so that each extrinsic's native time is
# checked against its charged ref_time too) for a number of hours, runs of 300 blocks, on `jobs`
# processes (default: one per core) with disjoint seeds — job k takes first-seed + k·1,000,000,
# then the next seed after each run. Prints one JSON line per run and each job's totals; a failure
# prints the seed and block that reproduce it (`veche-fuzz --seed S --blocks B`), stops the other
# jobs and exits 1.
#   scripts/fuzz.sh [hours] [first-seed] [jobs]      (defaults: 1 hour, seed 1, nproc)
# The CI-sized run is the `veche-fuzz` test in the unit tier (2 seeds × 40 blocks).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
hours=${1:-1}
seed=${2:-1}
jobs=${3:-$(nproc)}
cd "$VECHE_ROOT"
SKIP_WASM_BUILD=1 cargo build --locked --release -p veche-fuzz --bin veche-fuzz
start=$(date +%s)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for ((k = 0; k < jobs; k++)); do
	"$CARGO_TARGET_DIR/release/veche-fuzz" --hours "$hours" --seed $((seed + k * 1000000)) \
		--blocks 300 --per-block 16 --valid-ballots 12 &
	pids+=($!)
done
for ((k = 0; k < jobs; k++)); do
	wait -n || { echo "a fuzz job failed (above): the others are stopped" >&2; exit 1; }
done
pids=()
say "$jobs jobs ran for $(elapsed "$start") without a failure"
