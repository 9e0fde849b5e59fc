#!/usr/bin/env bash
# Builds the runtime's compact+compressed wasm blob and prints its path and size.
# Arguments go to cargo: `--features fast-runtime` builds a test-only variant (scripts/zombienet.sh).
# `--out FILE` first: also copy the blob to FILE while holding the lock (every variant leaves its
# blob at one path, so a copy made after the lock is released could be another build's).
# Cold on 2 cores: ~25-35 min (host deps + the wasm itself); warm, after a runtime change: a few.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rustup toolchain list | grep -q '^veche-wasm' || die "the veche-wasm toolchain is missing: run scripts/setup.sh"
out=
if [ "${1:-}" = --out ]; then out=${2:?--out needs a file}; shift 2; fi
start=$(date +%s)
say "building veche-runtime wasm (profile wasmdev: debug host code, release wasm)"
# Build through $VECHE_CHECKOUT, a symlink to this clone, so that the blob is byte-identical from
# any clone (the committed chain specs carry it). The lock keeps two clones from racing on it.
mkdir -p "$VECHE_CACHE"
exec 9>"$VECHE_CACHE/checkout.lock"
flock 9
if [ "$(readlink "$VECHE_CHECKOUT" 2>/dev/null)" != "$VECHE_ROOT" ]; then
	# Another clone was built last. Cargo judges freshness by mtime, and this clone's files may
	# be older than that build: touch each crate root so its crates are rebuilt from these sources.
	find "$VECHE_ROOT/runtime" "$VECHE_ROOT/pallets" -path '*/src/lib.rs' -exec touch {} +
	ln -sfn "$VECHE_ROOT" "$VECHE_CHECKOUT"
fi
# Every feature set leaves its blob at the same path, but cargo reruns the runtime's build script
# (which writes that blob) only for the set it finds stale. After another variant was built, make
# this one's stale: touching build.rs reruns wasm-builder, whose cached artifacts make it quick.
variant="$*"
if [ "$(cat "$VECHE_CACHE/wasm-variant" 2>/dev/null)" != "$variant" ]; then
	touch "$VECHE_ROOT/runtime/build.rs"
fi
cargo build --locked --profile wasmdev --manifest-path "$VECHE_CHECKOUT/Cargo.toml" \
	-p veche-runtime "$@"
printf '%s' "$variant" >"$VECHE_CACHE/wasm-variant"
[ -f "$VECHE_WASM" ] || die "no wasm blob at $VECHE_WASM"
[ -z "$out" ] || cp "$VECHE_WASM" "$out"
say "runtime wasm: $(stat -c %s "$VECHE_WASM") bytes compact+compressed, built in $(elapsed "$start")"
echo "$VECHE_WASM"
