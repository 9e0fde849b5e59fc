#!/usr/bin/env bash
# Benchmarks Veche's pallets in the runtime's wasm and regenerates their weights.rs with
# frame-omni-bencher (scripts/install-bencher.sh installs it). Usage:
#   scripts/bench.sh [pallet ...]      default: every pallet in runtime/src/benchmarks.rs
# Environment: STEPS (default 50), REPEAT (default 20).
# Upstream pallets in the list (pallet_balances) are yardsticks: their weights, measured in the
# same run, go to $VECHE_CACHE/bench/ and are compared with ours (a credit transfer against a
# balances transfer); the runtime keeps the weights they ship with.
# It builds the runtime with `runtime-benchmarks` (a few minutes), then runs each pallet's
# benchmarks (minutes each: ring-VRF arithmetic is real). The default runtime blob is rebuilt by
# the next scripts/build-runtime.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$VECHE_ROOT"
bencher=$VECHE_TOOLS/bin/frame-omni-bencher
[ -x "$bencher" ] || die "frame-omni-bencher is not installed: run scripts/install-bencher.sh"
pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=(pallet_veche_jurisdictions pallet_veche_personhood pallet_veche_ballots
	pallet_veche_credit pallet_balances)
start=$(date +%s)
say "building the runtime with runtime-benchmarks"
"$VECHE_ROOT/scripts/build-runtime.sh" --features runtime-benchmarks | tail -2
wasm=$VECHE_CACHE/bench-runtime.wasm
cp "$VECHE_WASM" "$wasm"
mkdir -p "$VECHE_CACHE/bench"
for pallet in "${pallets[@]}"; do
	extrinsics='*'
	case $pallet in
	pallet_veche_*)
		dir=pallets/${pallet#pallet_veche_}
		[ -d "$dir/src" ] || die "no pallet directory $dir for $pallet"
		output=$dir/src/weights.rs
		;;
	pallet_balances)
		extrinsics=transfer_allow_death,transfer_keep_alive
		output=$VECHE_CACHE/bench/$pallet.rs
		;;
	*) die "$pallet is neither ours nor a yardstick this script knows" ;;
	esac
	say "benchmarking $pallet"
	t0=$(date +%s)
	"$bencher" v1 benchmark pallet --runtime "$wasm" --pallets "$pallet" --extrinsic "$extrinsics" \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" --heap-pages 4096 \
		--wasm-execution compiled --genesis-builder-preset development \
		--template scripts/templates/pallet-weights.hbs --output "$output" \
		--no-storage-info --no-min-squares --no-median-slopes
	# Charge at least the proof size each benchmark measured (see scripts/templates/pov_bound.py).
	python3 scripts/templates/pov_bound.py "$output"
	say "$pallet benchmarked in $(elapsed "$t0")"
done
# A credit transfer against a balances transfer, both with the runtime's database costs
# (RocksDB: 25 µs a read, 100 µs a write).
balances=$VECHE_CACHE/bench/pallet_balances.rs
if [ -f "$balances" ] && [ -f pallets/credit/src/weights.rs ]; then
	python3 - "$balances" <<'PY'
import re, sys
def weight(path, fn):
    body = open(path).read().split(f"fn {fn}() -> Weight {{", 1)[1].split("\n\t}", 1)[0]
    ref = int(re.search(r"from_parts\(([0-9_]+)", body).group(1).replace("_", ""))
    reads = sum(int(r) for r in re.findall(r"reads\(([0-9]+)", body))
    writes = sum(int(w) for w in re.findall(r"writes\(([0-9]+)", body))
    return ref / 1e6, reads, writes, ref / 1e6 + 25 * reads + 100 * writes
c = weight("pallets/credit/src/weights.rs", "transfer")
b = weight(sys.argv[1], "transfer_allow_death")
print(f"==> credit transfer: {c[0]:.1f} µs + {c[1]}r/{c[2]}w = {c[3]:.1f} µs; balances "
      f"transfer_allow_death: {b[0]:.1f} µs + {b[1]}r/{b[2]}w = {b[3]:.1f} µs; ratio "
      f"{c[3] / b[3]:.2f} (goal <= 1.25)")
PY
fi
say "all benchmarks done in $(elapsed "$start")"
