#!/usr/bin/env bash
# Generates the chain specs from the runtime's genesis presets. Never edit chain-specs/ by hand:
# run this script (scripts/test.sh fails when the committed specs drift from what it generates).
#   chain-specs/dev.json      plain, `development` preset (veche-node --dev, polkadot.js apps)
#   chain-specs/dev-raw.json  raw, the same chain (chopsticks needs raw storage)
#   chain-specs/local.json    plain, `local_testnet` preset (collators on a relay chain)
# The specs are written by the runtime's own example `chain_spec` (runtime/examples), in the
# layout of the node's chain-spec builder, so that no node is needed: the raw genesis storage is
# built natively from the preset, as the builder builds it in wasm.
# Usage: scripts/chain-spec.sh [OUT_DIR]   (default: chain-specs/)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out=${1:-$VECHE_ROOT/chain-specs}
mkdir -p "$out"
# Always through cargo: a blob left from an older commit must never reach a spec.
"$VECHE_ROOT/scripts/build-runtime.sh" >/dev/null
cd "$VECHE_ROOT"
SKIP_WASM_BUILD=1 cargo build --locked --quiet --profile wasmdev -p veche-runtime --example chain_spec
gen=$CARGO_TARGET_DIR/wasmdev/examples/chain_spec

"$gen" "$out/dev.json" "$VECHE_WASM" "Veche Development" veche-dev Development development
"$gen" "$out/dev-raw.json" "$VECHE_WASM" "Veche Development" veche-dev Development development --raw
"$gen" "$out/local.json" "$VECHE_WASM" "Veche Local Testnet" veche-local Local local_testnet
say "chain specs written to $out: $(cd "$out" && ls -1 dev.json dev-raw.json local.json | tr '\n' ' ')"
