#!/usr/bin/env bash
# Runs tests/e2e against a chain this script starts and stops, then, on the state the tests left,
# try-runtime (veche-try-runtime: every pallet's try_state, and the runtime upgrade's checks) and
# the event-replay indexer (veche-indexer: the state rebuilt from every block's events since
# genesis must equal storage):
#   scripts/e2e.sh chopsticks   chopsticks serving chain-specs/dev-raw.json with the fresh wasm
#   scripts/e2e.sh node         veche-node --dev with 1 s blocks (needs the node binary)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mode=${1:?usage: e2e.sh chopsticks|node}
cd "$VECHE_ROOT"
"$VECHE_ROOT/scripts/build-runtime.sh" >/dev/null   # incremental: the wasm of this checkout
# veche-client drives the personhood test as people and registrars would (incremental build).
cargo build --locked --profile wasmdev -p veche-client --quiet
export VECHE_CLIENT=$CARGO_TARGET_DIR/wasmdev/veche-client
SKIP_WASM_BUILD=1 cargo build --locked --profile wasmdev -p veche-fuzz --bin veche-try-runtime --quiet
SKIP_WASM_BUILD=1 cargo build --locked --profile wasmdev -p veche-indexer --quiet
[ -d tests/e2e/node_modules ] || die "npm packages missing: run scripts/setup.sh"
work=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

case $mode in
chopsticks)
	chopsticks --chain-spec chain-specs/dev-raw.json \
		--wasm-override "$VECHE_WASM" --port "$port" --build-block-mode Instant \
		> "$work/chain.log" 2>&1 &
	pid=$! ;;
node)
	[ -x "$VECHE_NODE" ] || die "veche-node is not built"
	"$VECHE_ROOT/scripts/chain-spec.sh" "$work" >/dev/null
	# Archive: the indexer reads the state of every block since genesis.
	"$VECHE_NODE" --chain "$work/dev.json" --dev --dev-block-time 1000 --rpc-port "$port" \
		--state-pruning archive --blocks-pruning archive --no-prometheus --no-hardware-benchmarks --base-path "$work/db" > "$work/chain.log" 2>&1 &
	pid=$! ;;
*) die "unknown mode $mode" ;;
esac

say "waiting for the $mode chain on port $port"
wait_for_rpc "$port" 180 "$work/chain.log" "$pid"

cd tests/e2e
status=0
# promises.test.mjs runs first, on its own (node's runner sorts the files it is given): it acts
# during the demo council's nominations, which close 600 blocks after genesis, 10 minutes of the
# node's 1 s blocks.
run_tests() {
	VECHE_WS="ws://127.0.0.1:$port" VECHE_MODE=$mode PATH="$PWD/node_modules/.bin:$PATH" \
		node --test --test-concurrency=1 --test-timeout=600000 "$@"
}
others=()
for f in ./*.test.mjs; do [ "$f" = ./promises.test.mjs ] || others+=("$f"); done
run_tests ./promises.test.mjs && run_tests "${others[@]}" || status=$?
[ $status -eq 0 ] || { echo "--- last lines of the $mode log"; tail -40 "$work/chain.log"; }
[ $status -eq 0 ] || exit $status

# try-runtime on the live state. Chopsticks' headers carry a root of its own storage layer that a
# trie of the downloaded keys does not reproduce, so its root check is off there; on the node it
# is on.
flags=()
[ "$mode" = chopsticks ] && flags=(--no-root-check)
say "try-runtime on the $mode chain's state after the tests"
"$CARGO_TARGET_DIR/wasmdev/veche-try-runtime" "ws://127.0.0.1:$port" "${flags[@]}" \
	2> "$work/try-runtime.log" || { tail -30 "$work/try-runtime.log"; exit 1; }

# The events of every block since genesis, replayed, against the storage they should rebuild.
say "replaying the $mode chain's events from genesis (veche-indexer)"
"$CARGO_TARGET_DIR/wasmdev/veche-indexer" "ws://127.0.0.1:$port" "${flags[@]}" \
	2> "$work/indexer.log" || { tail -40 "$work/indexer.log"; exit 1; }
