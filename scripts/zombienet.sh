#!/usr/bin/env bash
# The zombienet tier: a rococo-local relay chain (2 polkadot validators) with Veche's collators,
# run natively by @zombienet/cli.
#   scripts/zombienet.sh           runs tests/zombienet/veche.zndsl (≈ 26 min) and exits with its result
#   scripts/zombienet.sh spawn     starts the same network and keeps it up (Ctrl-C stops it);
#                                  zombienet prints each node's ws:// address and polkadot.js link
#   scripts/zombienet.sh prepare   only builds what the network needs (the two runtimes, the chain
#                                  spec, veche-client), leaving the default runtime wasm in place:
#                                  scripts/test.sh does this first, then runs the network beside
#                                  the other tiers (`test` with VECHE_ZN_PREPARED=1: nothing built)
# Needs: polkadot with its workers (scripts/install-relay.sh), veche-node (scripts/build-node.sh),
# npm packages (scripts/setup.sh). The network starts on the runtime of the last release and a
# people's referendum upgrades it to this clone's (with the storage migrations between them), so two
# test-only runtimes (`fast-runtime`, see runtime/src/lib.rs, "Test-network builds") are built on
# the way: the release's, once, from the commit pinned below, and this clone's.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mode=${1:-test}
cd "$VECHE_ROOT"
if [ "$mode" != prepare ]; then
	for bin in polkadot polkadot-prepare-worker polkadot-execute-worker; do
		[ -x "$VECHE_TOOLS/bin/$bin" ] || die "$bin is not installed: run scripts/install-relay.sh (about 75 min, once)"
	done
	[ -x "$VECHE_NODE" ] || die "veche-node is not built: run scripts/build-node.sh"
fi
[ -x tests/zombienet/node_modules/.bin/zombienet ] || die "npm packages missing: run scripts/setup.sh"

# The last release: the runtime a chain people run would be upgraded from. Bump it (to the commit
# of the new release) when a runtime is released.
release=68939cbf1e362f316c09d602aa814680f8e0d79d
start=$(date +%s)
out=$VECHE_CACHE/zombienet
mkdir -p "$out"
# Its runtime and its veche-client: the people of a chain on that release vote with the client
# released with it (this clone's client reads the layouts this clone's runtime migrates to).
release_client=$out/veche-client-release-$release
if [ "${VECHE_ZN_PREPARED:-0}" = 1 ] && [ "$mode" = test ]; then
	# scripts/test.sh ran `prepare` just before and starts the network beside tiers that hold
	# cargo's build lock for minutes: nothing is built (nor waited for) here.
	for f in "$out/veche-local-fast.json" "$out/veche-fast-upgrade.wasm" "$release_client" \
		"$out/veche-client"; do
		[ -e "$f" ] || die "$f is missing: run scripts/zombienet.sh prepare"
	done
else
	if [ ! -f "$out/veche-release-$release.wasm" ] || [ ! -x "$release_client" ]; then
		git -C "$VECHE_ROOT" cat-file -e "$release^{commit}" 2>/dev/null ||
			die "the release commit $release is not in this clone's history (a shallow clone?)"
		src=$out/release-src
		rm -rf "$src"
		mkdir -p "$src"
		git -C "$VECHE_ROOT" archive "$release" | tar -x -C "$src"
		if [ ! -f "$out/veche-release-$release.wasm" ]; then
			say "building the runtime of the last release ($release) from its own sources, once"
			"$src/scripts/build-runtime.sh" --features fast-runtime >/dev/null
			cp "$VECHE_WASM" "$out/veche-release-$release.wasm"
		fi
		if [ ! -x "$release_client" ]; then
			say "building the last release's veche-client from its own sources, once"
			# In a profile of its own, so that it never takes the place of this clone's binary.
			(cd "$src" && SKIP_WASM_BUILD=1 cargo build --locked --config 'profile.zn-release.inherits="wasmdev"' \
				--profile zn-release -p veche-client --quiet)
			cp "$CARGO_TARGET_DIR/zn-release/veche-client" "$release_client"
		fi
		rm -rf "$src"
	fi
	# This clone's runtime (built once for its sources, kept by their hash: see lib.sh).
	fast=$(veche_fast_wasm)
	cp "$out/veche-release-$release.wasm" "$out/veche-release.wasm"
	cp "$fast" "$out/veche-fast-upgrade.wasm"
	veche_chain_spec "$out/veche-local-fast.json" "$out/veche-release.wasm" "Veche Local Testnet" veche-local \
		local local_testnet
	say "test runtimes ready in $(elapsed "$start"): release $(stat -c %s "$out/veche-release.wasm") B, this clone's $(stat -c %s "$out/veche-fast-upgrade.wasm") B"
	# veche-client casts the demo persons' ballots in the people's referenda: the release's before
	# the upgrade, this clone's after it.
	# A copy of its own: the tiers beside the network rebuild the target dir's binary meanwhile.
	cargo build --locked --profile wasmdev -p veche-client --quiet
	cp "$CARGO_TARGET_DIR/wasmdev/veche-client" "$out/veche-client.new"
	mv -f "$out/veche-client.new" "$out/veche-client"
fi
export VECHE_CLIENT=$out/veche-client
export VECHE_CLIENT_RELEASE=$release_client
if [ "$mode" = prepare ]; then
	# Every variant leaves its blob at one path: the default runtime goes back there for the tiers
	# that run beside the network (a quick rebuild: wasm-builder's artifacts are cached).
	"$VECHE_ROOT/scripts/build-runtime.sh" >/dev/null
	say "zombienet prepared in $(elapsed "$start")"
	exit 0
fi

export VECHE_ZN_SPEC=$out/veche-local-fast.json
export VECHE_ZN_UPGRADE_WASM=$out/veche-fast-upgrade.wasm
# The spec_version the upgrade must end at: this clone's.
VECHE_ZN_SPEC_VERSION=$(sed -n 's/^\tspec_version: \([0-9_]*\),$/\1/p' runtime/src/lib.rs | tr -d _)
[ -n "$VECHE_ZN_SPEC_VERSION" ] || die "no spec_version found in runtime/src/lib.rs"
export VECHE_ZN_SPEC_VERSION
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
	# Bounded: a hung step must not eat the CI budget (the run takes 26 minutes alone, 45 beside
	# the other tiers in CI).
	timeout --kill-after=30s "${VECHE_ZN_TIMEOUT:-55m}" "${zn[@]}" test veche.zndsl 2>&1 |
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
*) die "usage: scripts/zombienet.sh [test|spawn|prepare]" ;;
esac
