#!/usr/bin/env bash
# Load test of anonymous ballots on a fresh dev chain:
#   scripts/load.sh [voters]     (default 300; at most 767, one ring)
# Starts veche-node --dev with 6 s blocks pinned to CPU core 0 (`taskset`), so that "ballots per
# second on one core" is what it measures, and runs `veche-client load`: it registers
# the voters, opens a poll, makes every voter's proof (before the clock starts), submits all
# ballots to the pool and reports how many the chain included per second and per block.
# Needs veche-node (scripts/build-node.sh). Takes a few minutes (proofs: about 0.5 s each).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
voters=${1:-300}
cd "$VECHE_ROOT"
[ -x "$VECHE_NODE" ] || die "veche-node is not built: run scripts/build-node.sh"
command -v taskset >/dev/null || die "taskset (util-linux) is needed to pin the node to one core"
"$VECHE_ROOT/scripts/build-runtime.sh" >/dev/null
cargo build --locked --profile wasmdev -p veche-client --quiet
client=$CARGO_TARGET_DIR/wasmdev/veche-client
work=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$VECHE_ROOT/scripts/chain-spec.sh" "$work" >/dev/null
taskset -c 0 "$VECHE_NODE" --chain "$work/dev.json" --dev --dev-block-time 6000 --rpc-port "$port" \
	--no-prometheus --no-hardware-benchmarks --base-path "$work/db" \
	> "$work/node.log" 2>&1 &
pid=$!
wait_for_rpc "$port" 120 "$work/node.log" "$pid"
say "node pinned to core 0; veche-client load with $voters voters"
# The client makes the proofs on both cores before it submits anything (the node idles then);
# while ballots are counted it only submits and watches.
"$client" load --url "ws://127.0.0.1:$port" --voters "$voters" --threads 2
