#!/usr/bin/env bash
# Benchmarks Veche's pallets in the runtime's wasm and regenerates their weights.rs with
# frame-omni-bencher (scripts/install-bencher.sh installs it). Usage:
#   scripts/bench.sh [pallet ...]      default: every pallet in runtime/src/benchmarks.rs
# Environment: STEPS (default 50), REPEAT (default 20).
# It builds the runtime with `runtime-benchmarks` (a few minutes), then runs each pallet's
# benchmarks (minutes each: ring-VRF arithmetic is real). The default runtime blob is rebuilt by
# the next scripts/build-runtime.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$VECHE_ROOT"
bencher=$VECHE_TOOLS/bin/frame-omni-bencher
[ -x "$bencher" ] || die "frame-omni-bencher is not installed: run scripts/install-bencher.sh"
pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=(pallet_veche_jurisdictions pallet_veche_personhood pallet_veche_ballots)
start=$(date +%s)
say "building the runtime with runtime-benchmarks"
"$VECHE_ROOT/scripts/build-runtime.sh" --features runtime-benchmarks | tail -2
wasm=$VECHE_CACHE/bench-runtime.wasm
cp "$VECHE_WASM" "$wasm"
for pallet in "${pallets[@]}"; do
	dir=pallets/${pallet#pallet_veche_}
	[ -d "$dir/src" ] || die "no pallet directory $dir for $pallet"
	say "benchmarking $pallet"
	t0=$(date +%s)
	"$bencher" v1 benchmark pallet --runtime "$wasm" --pallets "$pallet" --extrinsic '*' \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" --heap-pages 4096 \
		--wasm-execution compiled --genesis-builder-preset development \
		--template scripts/templates/pallet-weights.hbs --output "$dir/src/weights.rs" \
		--no-storage-info --no-min-squares --no-median-slopes
	say "$pallet benchmarked in $(elapsed "$t0")"
done
say "all benchmarks done in $(elapsed "$start")"
