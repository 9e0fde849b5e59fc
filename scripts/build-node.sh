#!/usr/bin/env bash
# Builds veche-node (release) into the shared target dir. Cold on 2 cores this is the longest
# step of all (about 2-3 hours: the whole Substrate/Cumulus client stack, rocksdb, wasmtime);
# afterwards it is only rebuilt when node/ changes. Cargo shows its progress as it goes.
# Run it in the background at low priority if you want the machine meanwhile:
#   nohup nice -n 19 scripts/build-node.sh > node-build.log 2>&1 &
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start=$(date +%s)
if [ -x "$VECHE_NODE" ]; then
	say "veche-node found; cargo will rebuild it only if node/ or its dependencies changed"
else
	say "building veche-node for the first time: expect 2-3 hours on a 2-core machine"
fi
cd "$VECHE_ROOT"
# The node serves any runtime from a chain spec: it compiles no runtime wasm itself. It is built
# with `runtime-benchmarks`, which adds `veche-node benchmark pallet|storage|machine` (the same
# frame-benchmarking-cli as frame-omni-bencher, with this node's executor): scripts/bench.sh
# measures the runtime's weights with it, and a collator's operator checks their hardware with
# `benchmark machine`. It changes nothing in how the node runs a chain: the runtime comes from the
# chain spec, built without benchmarks.
SKIP_WASM_BUILD=1 cargo build --locked --release -p veche-node --features runtime-benchmarks
say "veche-node ready ($("$VECHE_NODE" --version)) after $(elapsed "$start")"
