#!/usr/bin/env bash
# Runs tests/e2e against a chain this script starts and stops, then, on the state the tests left,
# try-runtime (veche-try-runtime: every pallet's try_state, and the runtime upgrade's checks) and
# the event-replay indexer (veche-indexer: the state rebuilt from every block's events since
# genesis must equal storage):
#   scripts/e2e.sh chopsticks   chopsticks serving chain-specs/dev-raw.json with the fresh wasm
#   scripts/e2e.sh node         veche-node --dev with 1 s blocks (needs the node binary): the
#                               files named in `second` below on a second such chain at the same
#                               time (the tests wait on blocks far more than they work); and the
#                               tests of tests/e2e/fast (a parliament elected and certified) on a
#                               third node running the test-network runtime (`fast-runtime`, whose
#                               appeal window is minutes, not a week); every chain checked alike
#   scripts/e2e.sh fast         only the fast-runtime part
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mode=${1:?usage: e2e.sh chopsticks|node|fast}
cd "$VECHE_ROOT"
# The fast-runtime variant first (cached by its sources; shared with the zombienet tier), so that
# the default build after it is the one left in place.
[ "$mode" = chopsticks ] || fast_wasm=$(veche_fast_wasm)
"$VECHE_ROOT/scripts/build-runtime.sh" >/dev/null   # incremental: the wasm of this checkout
# veche-client drives the personhood test as people and registrars would (incremental build).
cargo build --locked --profile wasmdev -p veche-client --quiet
export VECHE_CLIENT=$CARGO_TARGET_DIR/wasmdev/veche-client
SKIP_WASM_BUILD=1 cargo build --locked --profile wasmdev -p veche-fuzz --bin veche-try-runtime --quiet
SKIP_WASM_BUILD=1 cargo build --locked --profile wasmdev -p veche-indexer --quiet
[ -d tests/e2e/node_modules ] || die "npm packages missing: run scripts/setup.sh"
work=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
second_port=$(( port + 1 ))
fast_port=$(( port + 2 ))
# The files the node tier runs on its second dev chain: independent of the others' state (each
# makes what it needs; trustees.test.mjs replaces the genesis key consultations.test.mjs seals
# to, so the two share a chain, in that order), and together about as long as the rest.
second=(./consultations.test.mjs ./governance.test.mjs ./juries.test.mjs ./trustees.test.mjs)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# veche-node --dev on chain spec $1, database $2, RPC port $3, log $4; 1 s blocks; archive: the
# indexer reads the state of every block since genesis. No peers: two chains of one genesis run
# side by side here, and must not sync with (or gossip transactions to) each other.
start_node() {
	"$VECHE_NODE" --chain "$1" --dev --dev-block-time 1000 --rpc-port "$3" \
		--reserved-only --no-mdns --port $(( $3 + 20000 )) \
		--state-pruning archive --blocks-pruning archive --no-prometheus --no-hardware-benchmarks \
		--base-path "$2" > "$4" 2>&1 &
	pids+=($!)
}

case $mode in
chopsticks)
	chopsticks --chain-spec chain-specs/dev-raw.json \
		--wasm-override "$VECHE_WASM" --port "$port" --build-block-mode Instant \
		> "$work/chain.log" 2>&1 &
	pids+=($!) ;;
node)
	[ -x "$VECHE_NODE" ] || die "veche-node is not built"
	"$VECHE_ROOT/scripts/chain-spec.sh" "$work" >/dev/null
	start_node "$work/dev.json" "$work/db" "$port" "$work/chain.log"
	start_node "$work/dev.json" "$work/db2" "$second_port" "$work/chain2.log"
	second_pid=${pids[-1]} ;;
fast) [ -x "$VECHE_NODE" ] || die "veche-node is not built" ;;
*) die "unknown mode $mode" ;;
esac
main_pid=${pids[0]:-}
# The fast-runtime node beside the default one: its tests wait on blocks more than they work, so
# the two runs share the cores with little loss and the tier takes the longer of the two.
if [ "$mode" != chopsticks ]; then
	SKIP_WASM_BUILD=1 cargo build --locked --quiet --profile wasmdev -p veche-runtime --example chain_spec
	"$CARGO_TARGET_DIR/wasmdev/examples/chain_spec" "$work/fast.json" "$fast_wasm" \
		"Veche Development (fast-runtime)" veche-dev Development development
	start_node "$work/fast.json" "$work/fast-db" "$fast_port" "$work/fast-chain.log"
	fast_pid=${pids[-1]}
fi

cd tests/e2e
run_tests() { # port mode files...: one file after another, each one's time after it
	local at=$1 chain=$2 f t0 status=0
	shift 2
	for f in "$@"; do
		t0=$(date +%s)
		VECHE_WS="ws://127.0.0.1:$at" VECHE_MODE=$chain PATH="$PWD/node_modules/.bin:$PATH" \
			node --test --test-timeout=600000 "$f" || status=1
		say "$f on port $at: $(elapsed "$t0")"
	done
	return $status
}
# try-runtime on the live state, then the events of every block since genesis replayed against
# the storage they should rebuild. Chopsticks' headers carry a root of its own storage layer that
# a trie of the downloaded keys does not reproduce, so its root check is off there; on the node it
# is on.
flags=()
[ "$mode" = chopsticks ] && flags=(--no-root-check)
check_state() { # port what
	local t0
	t0=$(date +%s)
	say "try-runtime on the $2 state after the tests"
	"$CARGO_TARGET_DIR/wasmdev/veche-try-runtime" "ws://127.0.0.1:$1" "${flags[@]}" \
		2> "$work/try-runtime-$1.log" || { tail -30 "$work/try-runtime-$1.log"; return 1; }
	say "replaying the $2 events from genesis (veche-indexer)"
	"$CARGO_TARGET_DIR/wasmdev/veche-indexer" "ws://127.0.0.1:$1" "${flags[@]}" \
		2> "$work/indexer-$1.log" || { tail -40 "$work/indexer-$1.log"; return 1; }
	say "the $2 state checked in $(elapsed "$t0")"
}

# The fast-runtime tests and the second chain's, in the background (their reports are shown
# once they end).
if [ "$mode" != chopsticks ]; then
	(
		wait_for_rpc "$fast_port" 180 "$work/fast-chain.log" "$fast_pid"
		run_tests "$fast_port" node ./fast/*.test.mjs
	) > "$work/fast-tests.log" 2>&1 &
	fast_tests=$!
fi
if [ "$mode" = node ]; then
	(
		wait_for_rpc "$second_port" 180 "$work/chain2.log" "$second_pid"
		run_tests "$second_port" node "${second[@]}"
	) > "$work/second-tests.log" 2>&1 &
	second_tests=$!
fi

if [ "$mode" != fast ]; then
	say "waiting for the $mode chain on port $port"
	wait_for_rpc "$port" 180 "$work/chain.log" "$main_pid"
	# promises.test.mjs runs first, on its own (node's runner sorts the files it is given): it
	# acts during the demo council's nominations, which close 600 blocks after genesis, 10 minutes
	# of the node's 1 s blocks.
	others=()
	for f in ./*.test.mjs; do
		[ "$f" = ./promises.test.mjs ] && continue
		[ "$mode" = node ] && [[ " ${second[*]} " == *" $f "* ]] && continue
		others+=("$f")
	done
	status=0
	run_tests "$port" "$mode" ./promises.test.mjs && run_tests "$port" "$mode" "${others[@]}" || status=$?
	[ $status -eq 0 ] || { echo "--- last lines of the $mode log"; tail -40 "$work/chain.log"; }
	[ $status -eq 0 ] || exit $status
	check_state "$port" "$mode chain's"
	[ "$mode" = node ] || exit 0

	say "the second chain's tests (${second[*]}) on port $second_port"
	wait "$second_tests" || status=$?
	cat "$work/second-tests.log"
	[ $status -eq 0 ] || { echo "--- last lines of the second chain's log"; tail -40 "$work/chain2.log"; exit 1; }
	check_state "$second_port" "second chain's"
fi

say "the fast-runtime tests (tests/e2e/fast) on port $fast_port"
status=0
wait "$fast_tests" || status=$?
cat "$work/fast-tests.log"
[ $status -eq 0 ] || { echo "--- last lines of the fast-runtime node's log"; tail -40 "$work/fast-chain.log"; exit 1; }
check_state "$fast_port" "fast-runtime node's"
