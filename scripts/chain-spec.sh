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

spec() { # name id type preset file [extra flags]
	local name=$1 id=$2 type=$3 preset=$4 file=$5
	shift 5
	"$VECHE_NODE" chain-spec-builder -c "$out/$file" create -n "$name" -i "$id" -t "$type" \
		--relay-chain rococo-local --para-id 2000 --properties tokenSymbol=VEC,tokenDecimals=12 \
		"$@" -r "$VECHE_WASM" named-preset "$preset" >/dev/null
}
spec "Veche Development" veche-dev development development dev.json
spec "Veche Development" veche-dev development development dev-raw.json -s
spec "Veche Local Testnet" veche-local local local_testnet local.json
say "chain specs written to $out: $(cd "$out" && ls -1 dev.json dev-raw.json local.json | tr '\n' ' ')"
