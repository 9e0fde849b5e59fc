#!/usr/bin/env bash
# Sustained load of anonymous ballots on a dev chain (issue 13, "load held"):
#   scripts/load.sh [prepare] [rate] [seconds] [voters]   (defaults: 20 ballots/s, 600 s, 2,400 voters)
# (`prepare`: stop once the ballots are proven, e.g. to prove them at `nice 19` beside other work.)
# Every voter casts rate × seconds / voters ballots (the first and re-votes, one every
# voters / rate seconds, which must be at least the chain's one-minute re-vote cooldown).
#
# 1. Prepare, once per size and source of the ballots and personhood pallets (kept in
#    $VECHE_CACHE/load/<key> with the chain spec it started from; resumed if cut off):
#    veche-node --dev (6 s blocks) on a database kept there; `veche-client load-prepare` registers
#    the voters (Dave, in batches of 64), waits for their rings, opens a yes/no poll (sudo); the
#    node is stopped and every ballot is proven offline on both cores, each voter's ballots with
#    one opening of their ring (0.86–1.16 s of a core per ballot: 12,000 take 1.5–2 hours).
# 2. Run: the node restarted on a copy of that database (both cores, nothing else running);
#    `veche-client load-run` sends the ballots at the rate, samples the node's memory, the pool
#    and the best block every 5 s, and checks at the end that every voter's last ballot is the
#    one stored (a lost ballot is named). Prints JSON. The runtime tested is the one the prepared
#    chain started with `rm -rf $VECHE_CACHE/load` to start over.
# Needs veche-node (scripts/build-node.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
prepare_only=
if [ "${1:-}" = prepare ]; then prepare_only=1; shift; fi
rate=${1:-20}
seconds=${2:-600}
voters=${3:-2400}
cd "$VECHE_ROOT"
[ -x "$VECHE_NODE" ] || die "veche-node is not built: run scripts/build-node.sh"
total=$(( rate * seconds ))
(( total % voters == 0 )) || die "rate × seconds ($total) must be a multiple of the voters ($voters)"
ballots=$(( total / voters ))
(( voters >= rate * 60 )) || die "each voter would re-vote within the one-minute cooldown: at least $(( rate * 60 )) voters"
cargo build --locked --profile wasmdev -p veche-client --quiet
client=$CARGO_TARGET_DIR/wasmdev/veche-client
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
key=$(sources_key "$voters $ballots" pallets/ballots pallets/personhood)
prep=$VECHE_CACHE/load/$key
mkdir -p "$prep"
if [ ! -f "$prep/dev.json" ]; then
	"$VECHE_ROOT/scripts/chain-spec.sh" "$work" >/dev/null
	cp "$work/dev.json" "$prep/dev.json"
fi

node() { # database (a 2.5 MB genesis takes minutes to build when the cores are busy)
	port=$(( 20000 + RANDOM % 20000 ))
	"$VECHE_NODE" --chain "$prep/dev.json" --dev --dev-block-time 6000 --rpc-port "$port" \
		--no-prometheus --no-hardware-benchmarks --base-path "$1" > "$work/node.log" 2>&1 &
	pid=$!
	wait_for_rpc "$port" 600 "$work/node.log" "$pid"
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

start=$(date +%s)
if [ ! -f "$prep/plan.scale" ]; then
	say "preparing $voters voters in $prep (registration and rings)"
	rm -rf "$prep/db"
	node "$prep/db"
	"$client" load-prepare --url "ws://127.0.0.1:$port" --dir "$prep" --voters "$voters" \
		--ballots "$ballots" --no-proofs
	stop
fi
say "proving $total ballots (what is missing of them) on both cores"
"$client" load-prepare --dir "$prep" --voters "$voters" --ballots "$ballots" --threads 2
say "prepared in $(elapsed "$start")"
[ -n "$prepare_only" ] && exit 0
say "the run: $rate ballots/s for $seconds s"
cp -a "$prep/db" "$work/db"
node "$work/db"
"$client" load-run --url "ws://127.0.0.1:$port" --dir "$prep" --rate "$rate" --node-pid "$pid"
