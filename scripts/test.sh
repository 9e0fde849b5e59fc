#!/usr/bin/env bash
# Veche's test command (the README's; .ci/run calls it). Tiers, in the order they start:
#   1 format     cargo fmt, taplo, zepter feature propagation, no duplicate SDK crates
#   2 wasm       runtime wasm builds (the test-network variant, then the default), its size
#   3 zombienet  tests/zombienet: relay chain + collators (needs polkadot and veche-node): its
#                runtimes, chain spec and veche-client prepared, then the network test started in
#                the background, where it runs beside every tier below (they yield the CPU to it)
#   4 clippy     workspace lints + the runtime deny set (node excluded: it has no code to lint),
#                also with runtime-benchmarks and try-runtime
#   5 unit       cargo test (SKIP_WASM_BUILD=1), with the CI-sized runtime fuzz run (veche-fuzz)
#   6 chain-spec drift   chain-specs/ regenerated from the presets equal the committed ones
#   7 e2e chopsticks   tests/e2e against chopsticks serving the fresh wasm
#   8 app unit         the citizen app: prover wasm, svelte-check, vitest, production build
#   9 app e2e          the citizen app in Debian's Chromium (Playwright; needs chromium): keys,
#                      languages, phone size; officials and money on chopsticks
#  10 app e2e on veche-node  records, money, an election and the voting flow in Chromium on the node
#                     (needs veche-node and chromium), in the background beside tier 11
#  11 e2e node         tests/e2e against veche-node --dev, two chains at once, and tests/e2e/fast
#                      on a fast-runtime node beside them (needs veche-node)
# The background tiers' output and verdicts come after the last foreground tier.
# Each tier prints PASSED, FAILED or `SKIPPED: <tier> — <reason>`; the last line counts them.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$VECHE_ROOT"
# No incremental compilation: the test run compiles each workspace crate once, and a clone's
# incremental caches (over 10 GB for this workspace) would fill the disk the cache shares.
export CARGO_INCREMENTAL=0
passed=0 failed=0 skipped=0
summary=()
run_start=$(date +%s)

# The run's whole output stays on the machine too (a CI clone and its output are discarded): the
# last five runs in $VECHE_CACHE/logs/test-run-*.out, beside test-runs.log (one line per run).
mkdir -p "$VECHE_CACHE/logs"
run_log=$VECHE_CACHE/logs/test-run-$(date -u +%Y%m%dT%H%M%SZ).out
exec > >(tee "$run_log") 2>&1
ls -t "$VECHE_CACHE"/logs/test-run-*.out 2>/dev/null | tail -n +6 | xargs -r rm -f
# Where the CPU goes, tier by tier (scripts/cpu-usage.mjs; its table ends the output).
tier_file=$(mktemp -t veche-tier.XXXXXX)
echo "setup checks" >"$tier_file"
cpu_report=$(mktemp -t veche-cpu.XXXXXX)
node "$VECHE_ROOT/scripts/cpu-usage.mjs" "$tier_file" >"$cpu_report" 2>&1 &
cpu_pid=$!
trap 'kill "$cpu_pid" 2>/dev/null; rm -f "$tier_file" "$cpu_report"' EXIT
# Busy CPU time of the whole machine so far, in /proc/stat ticks (all but idle and iowait).
machine_busy() { awk 'NR == 1 { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }

# Counts and prints a tier's outcome: verdict name start status [note] [busy-at-start]
# [end busy-at-end] (the end defaults to now: a background tier's is when it finished).
verdict() {
	local name=$1 end=${6:-$(date +%s)} busy=${7:-$(machine_busy)} took cores=
	# The cores busy on average (of nproc) while the tier ran, whatever ran beside it.
	[ -z "${5:-}" ] || cores=$(awk -v b="$((busy - $5))" -v s="$((end - $2))" \
		'BEGIN { printf ", %.1f cores busy", b / 100 / (s > 0 ? s : 1) }')
	took="$(elapsed "$2" "$end")${4:+, $4}$cores"
	if [ "$3" -eq 0 ]; then
		passed=$((passed + 1)); summary+=("PASSED: $name ($took)")
		say "PASSED: $name ($took)"
	else
		failed=$((failed + 1)); summary+=("FAILED: $name ($took)")
		printf '\033[1;31mFAILED: %s (%s)\033[0m\n' "$name" "$took"
	fi
}
tier() { # name command...
	local name=$1 t0 b0 status=0
	shift
	t0=$(date +%s)
	b0=$(machine_busy)
	echo "$name" >"$tier_file"
	say "tier: $name"
	"$@" || status=$?
	verdict "$name" "$t0" "$status" "" "$b0"
}
# A tier in the background: `background LOG COMMAND...` starts it and sets bg_pid; its output
# goes to LOG, and LOG.times gets its start and end, each as a time and the machine's busy time.
background() {
	local log=$1
	shift
	echo "$(date +%s) $(machine_busy)" >"$log.times"
	( "$@"; status=$?; echo "$(date +%s) $(machine_busy)" >>"$log.times"; exit $status ) >"$log" 2>&1 &
	bg_pid=$!
}
# Waits for a background tier, shows its output and gives its verdict: `await NAME PID LOG NOTE`.
await() {
	local status=0 start end
	read -r -a start <"$3.times"
	echo "$1 (waiting)" >"$tier_file"
	say "tier: $1 (waiting for it, started $(elapsed "${start[0]}") ago)"
	wait "$2" || status=$?
	cat "$3"
	{ read -r _; read -r -a end; } <"$3.times"
	rm -f "$3" "$3.times"
	verdict "$1" "${start[0]}" "$status" "$4" "${start[1]}" "${end[@]}"
}
skip() { # name reason
	skipped=$((skipped + 1)); summary+=("SKIPPED: $1 — $2")
	printf '\033[1;33mSKIPPED: %s — %s\033[0m\n' "$1" "$2"
}

rustup toolchain list | grep -q '^veche-wasm' || die "not set up: run scripts/setup.sh first"

no_duplicate_sdk_crates() {
	# Every polkadot-sdk crate must come from the one release line: one version each.
	local dups
	dups=$(awk '/^name = /{n=$3} /^version = /{print n}' Cargo.lock | tr -d '"' |
		grep -E '^(sp-|sc-|frame-|pallet-|cumulus-|polkadot-|staging-|substrate-)' | sort | uniq -d)
	[ -z "$dups" ] || { echo "crates present in two versions:"; echo "$dups"; return 1; }
}
format() {
	cargo fmt --all --check &&
		tests/e2e/node_modules/.bin/taplo fmt --check &&
		zepter run check &&
		no_duplicate_sdk_crates
}
tier "format" format

wasm_and_specs() {
	# The test-network variant first (zombienet and the node e2e use it; cached by its sources),
	# then the default: built in this order, the tiers after find both and build neither again.
	veche_fast_wasm >/dev/null || return 1
	"$VECHE_ROOT/scripts/build-runtime.sh" | tail -2 || return 1
	local size
	size=$(stat -c %s "$VECHE_WASM")
	say "runtime wasm: $size bytes (goal ≤ 1.5 MiB = 1572864)"
	[ "$size" -le 1572864 ] || { echo "the runtime wasm is over 1.5 MiB"; return 1; }
}
tier "wasm build" wasm_and_specs

# The zombienet network mostly waits on relay slots, sessions and referendum periods (26 min
# alone): it starts as early as it can, once its runtimes and veche-client are built, and runs in
# the background beside every tier below; its verdict and output come at the end.
zn_pid=
if [ ! -x "$VECHE_TOOLS/bin/polkadot" ]; then
	skip "zombienet" "the relay chain binary is not installed (scripts/install-relay.sh, about 75 min)"
elif [ "$(cat "$VECHE_TOOLS/bin/polkadot.features" 2>/dev/null)" != fast-runtime ]; then
	skip "zombienet" "the relay chain binary was built without fast-runtime (rerun scripts/install-relay.sh)"
elif [ ! -x "$VECHE_NODE" ]; then
	skip "zombienet" "veche-node is not built (scripts/build-node.sh)"
else
	tier "zombienet (its runtimes and chain spec)" "$VECHE_ROOT/scripts/zombienet.sh" prepare
	if [[ ${summary[-1]} == PASSED* ]]; then
		zn_log=$(mktemp -t veche-zombienet-tier.XXXXXX)
		say "zombienet: the network test runs in the background (output at the end)"
		background "$zn_log" env VECHE_ZN_PREPARED=1 "$VECHE_ROOT/scripts/zombienet.sh" test
		zn_pid=$bg_pid
	fi
fi

# The network waits on slots and sessions; a collator or validator kept from the CPU misses them,
# and every step after waits longer (the network test took 26 min alone and 45 beside the other
# tiers). The tiers below give way to it: they run at a lower priority from here on, which costs
# them only what the network uses.
[ -z "$zn_pid" ] || renice -n 5 -p $$ >/dev/null

clippy() {
	# Once as built for tests and the node, once with the benchmarking and try-runtime code in.
	SKIP_WASM_BUILD=1 cargo clippy --locked --workspace --exclude veche-node --all-targets \
		-- -D warnings &&
		SKIP_WASM_BUILD=1 cargo clippy --locked -p veche-runtime \
			--features runtime-benchmarks,try-runtime -- -D warnings
}
tier "clippy" clippy

tier "unit tests" env SKIP_WASM_BUILD=1 cargo test --locked --profile wasmdev --workspace \
	--exclude veche-node

spec_drift() {
	local tmp
	tmp=$(mktemp -d)
	"$VECHE_ROOT/scripts/chain-spec.sh" "$tmp" >/dev/null || return 1
	local f bad=0
	for f in dev.json dev-raw.json local.json; do
		cmp -s "$tmp/$f" "chain-specs/$f" || { echo "chain-specs/$f drifted: run scripts/chain-spec.sh and commit"; bad=1; }
	done
	rm -rf "$tmp"
	return $bad
}
tier "chain-spec drift" spec_drift

tier "e2e on chopsticks" "$VECHE_ROOT/scripts/e2e.sh" chopsticks

tier "app unit" "$VECHE_ROOT/app/scripts/test.sh" unit
if [ ! -x /usr/bin/chromium ]; then
	skip "app e2e" "Debian's chromium is not installed (scripts/setup.sh installs it)"
else
	tier "app e2e" "$VECHE_ROOT/app/scripts/test.sh" e2e
fi
# The app on veche-node and the node e2e both wait on their dev chains' 1 s blocks far more than
# they work: the app's runs in the background beside the node e2e (its output and verdict after).
app_pid=
if [ ! -x "$VECHE_NODE" ]; then
	skip "app e2e on veche-node" "veche-node is not built (scripts/build-node.sh)"
elif [ ! -x /usr/bin/chromium ]; then
	skip "app e2e on veche-node" "Debian's chromium is not installed (scripts/setup.sh installs it)"
else
	app_log=$(mktemp -t veche-app-node-tier.XXXXXX)
	say "app e2e on veche-node: runs in the background beside the node e2e (output after it)"
	background "$app_log" "$VECHE_ROOT/app/scripts/test.sh" node
	app_pid=$bg_pid
fi

if [ -x "$VECHE_NODE" ]; then
	tier "e2e on veche-node" "$VECHE_ROOT/scripts/e2e.sh" node
else
	skip "e2e on veche-node" "veche-node is not built (scripts/build-node.sh)"
fi

[ -z "$app_pid" ] || await "app e2e on veche-node" "$app_pid" "$app_log" "beside the node e2e"
[ -z "$zn_pid" ] || await zombienet "$zn_pid" "$zn_log" "beside the tiers above"

kill "$cpu_pid" 2>/dev/null && wait "$cpu_pid"
echo
cat "$cpu_report"
rm -f "$tier_file" "$cpu_report"
echo
say "summary after $(elapsed "$run_start")"
printf '  %s\n' "${summary[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
# The tiers' times stay on the machine after the run: one line per run in
# $VECHE_CACHE/logs/test-runs.log (the whole output in $run_log).
{
	printf '%s %s total %s:' "$(date -u +%FT%TZ)" "$(git rev-parse --short HEAD 2>/dev/null)" \
		"$(elapsed "$run_start")"
	printf ' | %s' "${summary[@]}"
	echo
} >>"$VECHE_CACHE/logs/test-runs.log"
[ "$failed" -eq 0 ]
