#!/usr/bin/env bash
# The zombienet tier: a rococo-local relay chain (2 polkadot validators) with Veche's collators,
# run natively by @zombienet/cli.
#   scripts/zombienet.sh           runs tests/zombienet/veche.zndsl (≈ 18 min) and exits with its result
#   scripts/zombienet.sh spawn     starts the same network and keeps it up (Ctrl-C stops it);
#                                  zombienet prints each node's ws:// address and polkadot.js link
# Needs: polkadot with its workers (scripts/install-relay.sh), veche-node (scripts/build-node.sh),
# npm packages (scripts/setup.sh). Builds two test-only runtimes on the way (see runtime/src/lib.rs,
# "Test-network builds"): `fast-runtime` for genesis, and the same with `increment-spec-version`
# as the upgrade the referendum enacts.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mode=${1:-test}
cd "$VECHE_ROOT"
for bin in polkadot polkadot-prepare-worker polkadot-execute-worker; do
	[ -x "$VECHE_TOOLS/bin/$bin" ] || die "$bin is not installed: run scripts/install-relay.sh (about 75 min, once)"
done
[ -x "$VECHE_NODE" ] || die "veche-node is not built: run scripts/build-node.sh"
[ -x tests/zombienet/node_modules/.bin/zombienet ] || die "npm packages missing: run scripts/setup.sh"

start=$(date +%s)
out=$VECHE_CACHE/zombienet
mkdir -p "$out"
# The two test runtimes are kept by the hash of everything that goes into them (the runtime's
# crates, the lockfile, the wasm toolchain): a warm run reuses them rather than rebuilding two
# variants, each of which would also make the next default build rerun wasm-builder.
key=$({
	git ls-files -co --exclude-standard runtime pallets prover Cargo.toml Cargo.lock | sort | xargs sha256sum
	rustup run "$WASM_BUILD_TOOLCHAIN" rustc --version
} | sha256sum | cut -c1-16)
if [ -f "$out/veche-fast-$key.wasm" ] && [ -f "$out/veche-fast-upgrade-$key.wasm" ]; then
	say "test runtimes of these sources already built ($key)"
else
	# Each variant goes through cargo (the judge of freshness) and is copied out before the next.
	rm -f "$out"/veche-fast-*.wasm
	"$VECHE_ROOT/scripts/build-runtime.sh" --features increment-spec-version,fast-runtime >/dev/null
	cp "$VECHE_WASM" "$out/veche-fast-upgrade-$key.wasm"
	"$VECHE_ROOT/scripts/build-runtime.sh" --features fast-runtime >/dev/null
	cp "$VECHE_WASM" "$out/veche-fast-$key.wasm"
fi
cp "$out/veche-fast-$key.wasm" "$out/veche-fast.wasm"
cp "$out/veche-fast-upgrade-$key.wasm" "$out/veche-fast-upgrade.wasm"
veche_chain_spec "$out/veche-local-fast.json" "$out/veche-fast.wasm" "Veche Local Testnet" veche-local \
	local local_testnet
say "test runtimes built in $(elapsed "$start"): genesis $(stat -c %s "$out/veche-fast.wasm") B, upgrade $(stat -c %s "$out/veche-fast-upgrade.wasm") B"

export VECHE_ZN_SPEC=$out/veche-local-fast.json
export VECHE_ZN_UPGRADE_WASM=$out/veche-fast-upgrade.wasm
# Zombienet finds the binaries on PATH; it keeps each run's files (logs, databases) in --dir.
export PATH="$VECHE_TOOLS/bin:$(dirname "$VECHE_NODE"):$PATH"
run_dir=$(mktemp -d -t veche-zombienet.XXXXXX)
# Zombienet does not always stop its nodes when a step fails: stop everything started from this
# run's directory on the way out, whatever happened.
cleanup() {
	pkill -f -- "$run_dir" 2>/dev/null || true
	sleep 1
	pkill -9 -f -- "$run_dir" 2>/dev/null || true
}
trap cleanup EXIT
say "zombienet $mode; network files and node logs in $run_dir"
cd tests/zombienet
zn=(node_modules/.bin/zombienet --provider native --logType text --dir "$run_dir" --force)
case $mode in
test)
	status=0
	# Bounded: a hung step must not eat the CI budget (the run takes about 15 minutes).
	timeout --kill-after=30s "${VECHE_ZN_TIMEOUT:-45m}" "${zn[@]}" test veche.zndsl 2>&1 |
		tee "$run_dir/zombienet.out" || status=${PIPESTATUS[0]}
	say "zombienet test finished after $(elapsed "$start") with status $status"
	if [ $status -ne 0 ]; then
		for log in "$run_dir"/*.log; do echo "--- last lines of $log"; tail -25 "$log"; done
		# Last, where a truncated CI log still shows it: each step's verdict and the failure.
		echo "--- zombienet steps and errors (full output: $run_dir/zombienet.out)"
		grep -v -e 'fetching metrics' "$run_dir/zombienet.out" | grep -E -i -e '✅|❌|error|fail|timed out' | tail -40
	else
		rm -rf "$run_dir"
	fi
	exit $status ;;
spawn) "${zn[@]}" spawn network.toml ;;
*) die "usage: scripts/zombienet.sh [test|spawn]" ;;
esac
