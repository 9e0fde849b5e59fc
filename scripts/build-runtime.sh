#!/usr/bin/env bash
# Builds the runtime's compact+compressed wasm blob and prints its path and size.
# Cold on 2 cores: ~25-35 min (host deps + the wasm itself); warm, after a runtime change: a few.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rustup toolchain list | grep -q '^veche-wasm' || die "the veche-wasm toolchain is missing: run scripts/setup.sh"
start=$(date +%s)
say "building veche-runtime wasm (profile wasmdev: debug host code, release wasm)"
cd "$VECHE_ROOT"
cargo build --locked --profile wasmdev -p veche-runtime "$@"
[ -f "$VECHE_WASM" ] || die "no wasm blob at $VECHE_WASM"
say "runtime wasm: $(stat -c %s "$VECHE_WASM") bytes compact+compressed, built in $(elapsed "$start")"
echo "$VECHE_WASM"
