#!/usr/bin/env bash
# Benchmarks Veche's pallets in the runtime's wasm and regenerates their weights.rs with
# `veche-node benchmark pallet` (the node is built with `runtime-benchmarks`: scripts/build-node.sh;
# the same frame-benchmarking-cli as frame-omni-bencher). Usage:
#   scripts/bench.sh [pallet ...]      default: every pallet in runtime/src/benchmarks.rs; a pallet
#                                      by its crate's name (pallet_veche_ballots) or short (ballots)
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
[ -x "$VECHE_NODE" ] || die "veche-node is not built: run scripts/build-node.sh"
# (A node built without `runtime-benchmarks` refuses `benchmark pallet` with the feature's name.)
pallets=()
for name in "$@"; do # `ratings` names pallet_veche_ratings
	case $name in pallet_*) pallets+=("$name") ;; *) pallets+=("pallet_veche_$name") ;; esac
done
[ ${#pallets[@]} -gt 0 ] || pallets=(pallet_veche_jurisdictions pallet_veche_personhood pallet_veche_ballots
	pallet_veche_elections pallet_veche_promises pallet_veche_ratings pallet_veche_recall
	pallet_veche_acts pallet_veche_juries pallet_veche_trustees pallet_veche_consultations
	pallet_veche_credit pallet_balances)
start=$(date +%s)
say "building the runtime with runtime-benchmarks"
wasm=$VECHE_CACHE/bench-runtime.wasm
"$VECHE_ROOT/scripts/build-runtime.sh" --out "$wasm" --features runtime-benchmarks | tail -2
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
	"$VECHE_NODE" benchmark pallet --runtime "$wasm" --pallets "$pallet" --extrinsic "$extrinsics" \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" --heap-pages 4096 \
		--wasm-execution compiled --genesis-builder-preset development \
		--template scripts/templates/pallet-weights.hbs --output "$output" \
		--no-storage-info --no-min-squares --no-median-slopes
	# Charge at least the proof size each benchmark measured (see scripts/templates/pov_bound.py).
	python3 scripts/templates/pov_bound.py "$output"
	say "$pallet benchmarked in $(elapsed "$t0")"
done
# Against one balances transfer, both with the runtime's database costs (RocksDB: 25 µs a read,
# 100 µs a write): a credit transfer, and one ML-DSA-65 verification (an act's signature: `sign`,
# which verifies one and stores it).
balances=$VECHE_CACHE/bench/pallet_balances.rs
if [ -f "$balances" ]; then
	python3 - "$balances" <<'PY'
import os, re, sys
def weight(path, fn):
    body = open(path).read().split(f"fn {fn}() -> Weight {{", 1)[1].split("\n\t}", 1)[0]
    ref = int(re.search(r"from_parts\(([0-9_]+)", body).group(1).replace("_", ""))
    reads = sum(int(r) for r in re.findall(r"reads\(([0-9]+)", body))
    writes = sum(int(w) for w in re.findall(r"writes\(([0-9]+)", body))
    return ref / 1e6, reads, writes, ref / 1e6 + 25 * reads + 100 * writes
b = weight(sys.argv[1], "transfer_allow_death")
if os.path.exists("pallets/credit/src/weights.rs"):
    c = weight("pallets/credit/src/weights.rs", "transfer")
    print(f"==> credit transfer: {c[0]:.1f} µs + {c[1]}r/{c[2]}w = {c[3]:.1f} µs; balances "
          f"transfer_allow_death: {b[0]:.1f} µs + {b[1]}r/{b[2]}w = {b[3]:.1f} µs; ratio "
          f"{c[3] / b[3]:.2f} (goal <= 1.25)")
if os.path.exists("pallets/acts/src/weights.rs"):
    s = weight("pallets/acts/src/weights.rs", "sign")
    k = weight("pallets/acts/src/weights.rs", "register_key")
    print(f"==> acts sign (one ML-DSA-65 verification): {s[0]:.1f} µs + {s[1]}r/{s[2]}w = {s[3]:.1f} µs; "
          f"register_key {k[3]:.1f} µs; balances transfer_allow_death {b[3]:.1f} µs; sign/transfer "
          f"{s[3] / b[3]:.2f}")
PY
fi
# One rating against one ballot (goal <= 1.2x): each is a `cast` (the call; its pool check weighs
# the same for both) and its share of the end-of-block batch that verifies and counts 32 of its
# kind, with the runtime's database costs.
if [ -f pallets/ballots/src/weights.rs ]; then
	python3 - pallets/ballots/src/weights.rs <<'PY'
import re, sys
text = open(sys.argv[1]).read().split("impl WeightInfo for ()", 1)[0]
def cost(fn, n=None):
    body = re.search(rf"fn {fn}\([^)]*\) -> Weight {{(.*?)\n\t}}", text, re.S).group(1)
    ps = int(re.search(r"from_parts\(([0-9_]+)", body).group(1).replace("_", ""))
    slope = re.search(r"from_parts\(([0-9_]+), 0\)\.saturating_mul\(n", body)
    ps += int(slope.group(1).replace("_", "")) * n if slope and n else 0
    reads = sum(int(r) for r in re.findall(r"reads\(([0-9]+)\)", body))
    reads += sum(int(r) for r in re.findall(r"reads\(\(([0-9]+)_u64\)", body)) * (n or 0)
    writes = sum(int(w) for w in re.findall(r"writes\(([0-9]+)\)", body))
    writes += sum(int(w) for w in re.findall(r"writes\(\(([0-9]+)_u64\)", body)) * (n or 0)
    return ps / 1e6 + 25 * reads + 100 * writes
batch = 32
ballot = cost("cast") + cost("finalize_ballots", batch) / batch
rating = cost("cast") + cost("finalize_ratings", batch) / batch
print(f"==> one ballot: {ballot:.0f} µs, one rating: {rating:.0f} µs (cast + a 32nd of a batch of 32, "
      f"database included); ratio {rating / ballot:.3f} (goal <= 1.2)")
PY
fi
say "all benchmarks done in $(elapsed "$start")"
