#!/usr/bin/env bash
# What one sender of well-formed junk ballots costs a node, and what bounds it:
#   scripts/junk.sh [seconds] [rate-limit]     (defaults: 60 s; 60 calls per minute)
# Runs `veche-client junk` twice against a fresh veche-node --dev (6 s blocks, both cores): once
# with the node's default RPC settings, once with the junk sent to a second RPC endpoint limited to
# <rate-limit> calls per minute per connection (a public endpoint; the set-up and the honest voters
# use the node's own). Each run registers 48 voters, opens a poll, makes junk ballots that
# pass every cheap check and fail only the proof (see client/src/junk.rs), sends them from one
# connection with 16 in flight (`author_submitExtrinsic`, unwatched), and reports the pool's refusals per second, the node's CPU at
# rest and flooded, CPU per junk ballot, and how long honest ballots sent meanwhile waited.
# Needs veche-node (scripts/build-node.sh). About 3 minutes per run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
seconds=${1:-60}
limit=${2:-60}
cd "$VECHE_ROOT"
[ -x "$VECHE_NODE" ] || die "veche-node is not built: run scripts/build-node.sh"
"$VECHE_ROOT/scripts/build-runtime.sh" >/dev/null
cargo build --locked --profile wasmdev -p veche-client --quiet
client=$CARGO_TARGET_DIR/wasmdev/veche-client
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$VECHE_ROOT/scripts/chain-spec.sh" "$work" >/dev/null

run() { # label [rate limit of the junk's endpoint]
	local label=$1 limit=${2:-} port junk_port rpc junk_url
	port=$(( 20000 + RANDOM % 20000 ))
	junk_port=$(( port + 1 ))
	rm -rf "$work/db"
	# With a limit, the junk goes to a second endpoint, public and rate-limited, while the set-up
	# and the honest voters use the node's own (unlimited) one.
	rpc=(--rpc-port "$port")
	junk_url=()
	if [ -n "$limit" ]; then
		rpc=(--experimental-rpc-endpoint "listen-addr=127.0.0.1:$port"
			--experimental-rpc-endpoint "listen-addr=127.0.0.1:$junk_port,rate-limit=$limit")
		junk_url=(--junk-url "ws://127.0.0.1:$junk_port")
	fi
	"$VECHE_NODE" --chain "$work/dev.json" --dev --dev-block-time 6000 "${rpc[@]}" \
		--no-prometheus --no-hardware-benchmarks --base-path "$work/db" \
		> "$work/node.log" 2>&1 &
	pid=$!
	wait_for_rpc "$port" 120 "$work/node.log" "$pid"
	say "junk flood, $label: ${seconds}s from one connection"
	"$client" junk --url "ws://127.0.0.1:$port" "${junk_url[@]}" --seconds "$seconds" --node-pid "$pid"
	kill "$pid"; wait "$pid" 2>/dev/null || true
	pid=
}
run "default RPC settings"
run "the junk through an endpoint limited to $limit calls a minute" "$limit"
