#!/usr/bin/env bash
# Runs a Veche development chain on ws://127.0.0.1:9944 with the citizen app beside it on
# http://127.0.0.1:5173, and prints both links (the app's and polkadot.js apps').
#   scripts/dev.sh              veche-node --dev (builds what is missing first: the runtime, the
#                               node — the node's first build takes 2-3 hours on 2 cores)
#   scripts/dev.sh --chopsticks serve the same runtime through chopsticks right away (no node
#                               binary needed; blocks are built as transactions arrive)
# Options: --port N (default 9944), --block-time MS (node only, default 6000),
#          --app-port N (default 5173), --no-app.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
port=9944 block_time=6000 mode=node app_port=5173 app=1
while [ $# -gt 0 ]; do
	case $1 in
	--chopsticks) mode=chopsticks ;;
	--port) port=$2; shift ;;
	--block-time) block_time=$2; shift ;;
	--app-port) app_port=$2; shift ;;
	--no-app) app=0 ;;
	*) die "unknown option $1 (see the header of $0)" ;;
	esac
	shift
done
rustup toolchain list | grep -q '^veche-wasm' || die "not set up yet: run scripts/setup.sh first"
cd "$VECHE_ROOT"

"$VECHE_ROOT/scripts/build-runtime.sh" >/dev/null
# veche-client uploads the ring builder's static chunks once the chain answers, so that the demo
# persons' rings get built (a fresh chain stores no chunks; each page is checked on-chain).
cargo build --locked --profile wasmdev -p veche-client --quiet
client=$CARGO_TARGET_DIR/wasmdev/veche-client
upload_chunks_when_up() {
	for _ in $(seq 1 120); do
		if out=$("$client" upload-chunks --url "ws://127.0.0.1:$port" --suri //Alice 2>&1); then
			say "static ring chunks: $out"
			return
		fi
		sleep 2
	done
	say "could not upload the static ring chunks: $out"
}
link="https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$port#/explorer"
# The citizen app from source (Vite's dev server), its prover built first (~2 min cold).
serve_app() {
	[ "$app" = 1 ] || return 0
	[ -d app/node_modules ] || die "app/node_modules missing: run scripts/setup.sh"
	"$VECHE_ROOT/app/scripts/build-prover.sh"
	(cd app && exec npx vite --host 127.0.0.1 --port "$app_port" --strictPort --logLevel warn) &
	say "citizen app: http://127.0.0.1:$app_port/?rpc=ws://127.0.0.1:$port"
}

if [ "$mode" = chopsticks ]; then
	say "serving the Veche runtime through CHOPSTICKS (not veche-node): genesis from"
	say "chain-specs/dev-raw.json, runtime code from the wasm just built"
	say "polkadot.js apps: $link"
	serve_app
	say "(chopsticks cannot take the app's ballots, unsigned general transactions: vote on veche-node)"
	upload_chunks_when_up &
	chopsticks --chain-spec chain-specs/dev-raw.json \
		--wasm-override "$VECHE_WASM" --port "$port" --build-block-mode Batch
fi

if [ ! -x "$VECHE_NODE" ]; then
	say "veche-node is not built yet. The first build takes 2-3 hours on a 2-core machine;"
	say "cargo's progress follows. To use the chain right now instead, run in another terminal:"
	say "    scripts/dev.sh --chopsticks"
	"$VECHE_ROOT/scripts/build-node.sh"
fi
spec=$VECHE_CACHE/dev-chain/dev.json
mkdir -p "$(dirname "$spec")"
"$VECHE_ROOT/scripts/chain-spec.sh" "$(dirname "$spec")" >/dev/null
say "starting veche-node --dev (block every ${block_time} ms, state in a temp dir)"
say "polkadot.js apps: $link"
serve_app
upload_chunks_when_up &
exec "$VECHE_NODE" --chain "$spec" --dev --dev-block-time "$block_time" --rpc-port "$port" \
	--rpc-cors all --no-prometheus --no-hardware-benchmarks
