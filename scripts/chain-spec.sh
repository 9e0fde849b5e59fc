#!/usr/bin/env bash
# Generates the chain specs from the runtime's genesis presets with veche-node's built-in
# chain-spec builder. Never edit chain-specs/ by hand: run this script (scripts/test.sh fails
# when the committed specs drift from what it generates).
#   chain-specs/dev.json      plain, `development` preset (veche-node --dev, polkadot.js apps)
#   chain-specs/dev-raw.json  raw, the same chain (chopsticks needs raw storage)
#   chain-specs/local.json    plain, `local_testnet` preset (collators on a relay chain)
# Usage: scripts/chain-spec.sh [OUT_DIR]   (default: chain-specs/)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out=${1:-$VECHE_ROOT/chain-specs}
mkdir -p "$out"
[ -x "$VECHE_NODE" ] || die "veche-node is not built yet: run scripts/build-node.sh (hours on 2 cores, once)"
# Always through cargo: a blob left from an older commit must never reach a spec.
"$VECHE_ROOT/scripts/build-runtime.sh" >/dev/null

veche_chain_spec "$out/dev.json" "$VECHE_WASM" "Veche Development" veche-dev development development
veche_chain_spec "$out/dev-raw.json" "$VECHE_WASM" "Veche Development" veche-dev development development -s
veche_chain_spec "$out/local.json" "$VECHE_WASM" "Veche Local Testnet" veche-local local local_testnet
say "chain specs written to $out: $(cd "$out" && ls -1 dev.json dev-raw.json local.json | tr '\n' ' ')"
