#!/usr/bin/env bash
# Installs the relay chain binary of the stable2609 line — `polkadot` 41.0.0 with its
# prepare/execute workers — into $VECHE_CACHE/tools/bin, for the zombienet tier. It is built with
# `fast-runtime`: rococo-local's epochs last a minute instead of an hour, so a jury frozen in the
# zombienet tier is drawn with real BABE randomness two relay epochs later, within minutes. The rococo
# runtime (for `rococo-local`) is compiled to wasm with the veche-wasm toolchain; westend's is
# skipped. Idempotent and resumable: an interrupted run continues where cargo stopped.
# Cold on 2 cores: about 75 min at nice 19 (measured). Run it in the background:
#   nohup nice -n 19 scripts/install-relay.sh &     (log: $VECHE_CACHE/install-relay.log)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
log=$VECHE_CACHE/install-relay.log
mkdir -p "$VECHE_CACHE"
# The features the binary was built with, beside it: an install without them is rebuilt (`cargo
# install --force` below replaces it).
features=fast-runtime
marker=$VECHE_TOOLS/bin/polkadot.features
if [ "$(cat "$marker" 2>/dev/null)" = "$features" ] && "$VECHE_TOOLS/bin/polkadot" --version >/dev/null 2>&1; then
	for w in polkadot-prepare-worker polkadot-execute-worker; do
		[ -x "$VECHE_TOOLS/bin/$w" ] || die "$w missing beside polkadot: remove $VECHE_TOOLS/bin/polkadot and rerun"
	done
	say "polkadot already installed: $("$VECHE_TOOLS/bin/polkadot" --version)"
	exit 0
fi
rm -f "$marker"
[ ! -e "$VECHE_TOOLS/bin/polkadot" ] || say "the installed polkadot was not built with $features: rebuilding it"
rustup toolchain list | grep -q '^veche-wasm' || die "the veche-wasm toolchain is missing: run scripts/setup.sh"
# lib.sh points wasm-builder at Veche's workspace (hint, path remapping); rococo-runtime's wasm must
# be built as a package of its own, so only the toolchain choice is kept.
unset WASM_BUILD_WORKSPACE_HINT WASM_BUILD_RUSTFLAGS
start=$(date +%s)
say "installing polkadot 41.0.0 (log: $log); cold on 2 cores this takes about 75 min"
SKIP_WESTEND_RUNTIME_WASM_BUILD=1 cargo install --locked --force --root "$VECHE_TOOLS" \
	--features "$features" --target-dir "$VECHE_CACHE/tools-target" polkadot@41.0.0 >>"$log" 2>&1 ||
	die "cargo install polkadot failed after $(elapsed "$start"); see $log (rerun to resume)"
echo "$features" >"$marker"
say "polkadot installed in $(elapsed "$start"): $("$VECHE_TOOLS/bin/polkadot" --version)"
