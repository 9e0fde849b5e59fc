#!/usr/bin/env bash
# Veche's test command (the README's; .ci/run calls it). Tiers, in order:
#   1 format     cargo fmt, taplo, zepter feature propagation, no duplicate SDK crates
#   2 clippy     workspace lints + the runtime deny set (node excluded: it has no code to lint),
#                also with runtime-benchmarks and try-runtime
#   3 unit       cargo test (SKIP_WASM_BUILD=1), with the CI-sized runtime fuzz run (veche-fuzz)
#   4 wasm+spec  runtime wasm build; chain-spec drift
#   5 e2e chopsticks   tests/e2e against chopsticks serving the fresh wasm
#   6 e2e node         tests/e2e against veche-node --dev (needs veche-node)
#   7 zombienet        tests/zombienet: relay chain + collators (needs polkadot and veche-node);
#                      built before tier 5, then run in the background beside tiers 5–10
#   8 app unit         the citizen app: prover wasm, svelte-check, vitest, production build
#   9 app e2e          the citizen app in Debian's Chromium (Playwright; needs chromium): keys,
#                      languages, phone size; officials and money on chopsticks
#  10 app e2e on veche-node  records, money, an election and the voting flow in Chromium on the node
#                     (needs veche-node and chromium)
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

verdict() { # name start status [note]: counts and prints a tier's outcome
	local name=$1 took
	took="$(elapsed "$2")${4:+, $4}"
	if [ "$3" -eq 0 ]; then
		passed=$((passed + 1)); summary+=("PASSED: $name ($took)")
		say "PASSED: $name ($took)"
	else
		failed=$((failed + 1)); summary+=("FAILED: $name ($took)")
		printf '\033[1;31mFAILED: %s (%s)\033[0m\n' "$name" "$took"
	fi
}
tier() { # name command...
	local name=$1 t0 status=0
	shift
	t0=$(date +%s)
	say "tier: $name"
	"$@" || status=$?
	verdict "$name" "$t0" "$status"
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

wasm_and_specs() {
	"$VECHE_ROOT/scripts/build-runtime.sh" | tail -2 || return 1
	local size
	size=$(stat -c %s "$VECHE_WASM")
	say "runtime wasm: $size bytes (goal ≤ 1.5 MiB = 1572864)"
	[ "$size" -le 1572864 ] || { echo "the runtime wasm is over 1.5 MiB"; return 1; }
}
tier "wasm build" wasm_and_specs

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

# The zombienet network mostly waits on relay slots, sessions and referendum periods (about 30 min,
# little CPU): it runs in the background beside the tiers below, once what it needs is built, and
# its verdict and output come at the end.
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
		zn_t0=$(date +%s)
		say "zombienet: the network test runs in the background (output at the end)"
		"$VECHE_ROOT/scripts/zombienet.sh" test >"$zn_log" 2>&1 &
		zn_pid=$!
	fi
fi

tier "e2e on chopsticks" "$VECHE_ROOT/scripts/e2e.sh" chopsticks

if [ -x "$VECHE_NODE" ]; then
	tier "e2e on veche-node" "$VECHE_ROOT/scripts/e2e.sh" node
else
	skip "e2e on veche-node" "veche-node is not built (scripts/build-node.sh)"
fi

tier "app unit" "$VECHE_ROOT/app/scripts/test.sh" unit
if [ ! -x /usr/bin/chromium ]; then
	skip "app e2e" "Debian's chromium is not installed (scripts/setup.sh installs it)"
else
	tier "app e2e" "$VECHE_ROOT/app/scripts/test.sh" e2e
fi
if [ ! -x "$VECHE_NODE" ]; then
	skip "app e2e on veche-node" "veche-node is not built (scripts/build-node.sh)"
elif [ ! -x /usr/bin/chromium ]; then
	skip "app e2e on veche-node" "Debian's chromium is not installed (scripts/setup.sh installs it)"
else
	tier "app e2e on veche-node" "$VECHE_ROOT/app/scripts/test.sh" node
fi

if [ -n "$zn_pid" ]; then
	say "tier: zombienet (waiting for the network test started $(elapsed "$zn_t0") ago)"
	zn_status=0
	wait "$zn_pid" || zn_status=$?
	cat "$zn_log"
	rm -f "$zn_log"
	verdict zombienet "$zn_t0" "$zn_status" "beside the tiers above"
fi

echo
say "summary after $(elapsed "$run_start")"
printf '  %s\n' "${summary[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
# The tiers' times stay on the machine after the run (a CI clone and its output are discarded):
# one line per run in $VECHE_CACHE/logs/test-runs.log.
mkdir -p "$VECHE_CACHE/logs"
{
	printf '%s %s total %s:' "$(date -u +%FT%TZ)" "$(git rev-parse --short HEAD 2>/dev/null)" \
		"$(elapsed "$run_start")"
	printf ' | %s' "${summary[@]}"
	echo
} >>"$VECHE_CACHE/logs/test-runs.log"
[ "$failed" -eq 0 ]
