#!/usr/bin/env bash
# Installs frame-omni-bencher 0.28.0 (the stable2609 line) into $VECHE_CACHE/tools/bin. It runs
# the runtime's benchmarks (`scripts/bench.sh`) and writes each pallet's weights.rs. Its executor
# carries the RFC-163 elliptic-curve host functions, as the node's does.
# Idempotent and resumable. Cold on 2 cores it compiles a client stack; run it in the background:
#   nohup nice -n 19 scripts/install-bencher.sh &     (log: $VECHE_CACHE/install-bencher.log)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
log=$VECHE_CACHE/install-bencher.log
mkdir -p "$VECHE_CACHE"
if "$VECHE_TOOLS/bin/frame-omni-bencher" --version >/dev/null 2>&1; then
	say "frame-omni-bencher already installed: $("$VECHE_TOOLS/bin/frame-omni-bencher" --version)"
	exit 0
fi
unset WASM_BUILD_WORKSPACE_HINT WASM_BUILD_RUSTFLAGS
start=$(date +%s)
say "installing frame-omni-bencher 0.28.0 (log: $log)"
SKIP_WASM_BUILD=1 cargo install --locked --root "$VECHE_TOOLS" \
	--target-dir "$VECHE_CACHE/tools-target" frame-omni-bencher@0.28.0 >>"$log" 2>&1 ||
	die "cargo install frame-omni-bencher failed after $(elapsed "$start"); see $log (rerun to resume)"
say "frame-omni-bencher installed in $(elapsed "$start"): $("$VECHE_TOOLS/bin/frame-omni-bencher" --version)"
