#!/usr/bin/env bash
# Builds the citizen app's prover: veche-prover (the library veche-client links) compiled for
# wasm32-unknown-unknown with its `browser` feature, copied to app/public/prover.wasm, where the
# app's Web Worker loads it. Cold on 2 cores about 3 min (arkworks with LTO); warm, seconds.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
start=$(date +%s)
cd "$VECHE_ROOT"
# The veche-wasm toolchain builds core and alloc from source for wasm targets (TOOLCHAIN.md);
# paths of this machine are remapped out of the binary, as for the runtime.
# A cdylib only here: declared in Cargo.toml it would be linked wherever the crate is a dependency,
# the runtime's wasm included.
RUSTFLAGS="$WASM_BUILD_RUSTFLAGS" rustup run veche-wasm cargo rustc --locked --quiet \
	-p veche-prover --no-default-features --features browser \
	--target wasm32-unknown-unknown --profile browser --crate-type cdylib
out=$VECHE_ROOT/app/public/prover.wasm
mkdir -p "$(dirname "$out")"
cp "$CARGO_TARGET_DIR/wasm32-unknown-unknown/browser/veche_prover.wasm" "$out"
say "prover.wasm: $(stat -c %s "$out") bytes, built in $(elapsed "$start")"
