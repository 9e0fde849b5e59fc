#!/usr/bin/env bash
# Installs everything Veche needs on a Debian machine with rustup: idempotent, safe to re-run.
#  1. Debian packages: clang/protobuf for the node's C deps, Debian's Rust 1.96 with std sources
#     (rustc-web, rust-web-src) and rust-lld for the runtime's wasm.
#  2. A rustup toolchain `veche-wasm` linked to that compiler; its cargo builds core/alloc from
#     source for wasm targets (see ../shared/TOOLCHAIN.md for why).
#  3. Host tools: zepter (cargo), taplo, @polkadot/api and chopsticks (npm, under tests/e2e),
#     @zombienet/cli (npm, under tests/zombienet).
# The relay chain binary for the zombienet tier takes about 75 min to build: scripts/install-relay.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
start=$(date +%s)

# --- 1. Debian packages ----------------------------------------------------------------------
pkgs=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22 clang libclang-dev protobuf-compiler
	pkg-config libssl-dev make g++ chromium)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
	say "installing Debian packages: ${missing[*]}"
	command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} by hand"
	SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
	say "Debian packages present"
fi
[ -x /usr/bin/rust-lld ] || die "/usr/bin/rust-lld missing: the package rust-web-llvm should provide it"
[ -d /usr/lib/rustlib/src/rust/library ] || die "std sources missing at /usr/lib/rustlib/src/rust: reinstall rust-web-src"

# --- 2. the wasm toolchain --------------------------------------------------------------------
command -v rustup >/dev/null || die "rustup not found: install Rust with rustup first"
TC=$VECHE_CACHE/wasm-toolchain
mkdir -p "$TC/bin" "$TC/lib"
ln -sf /usr/bin/rustc "$TC/bin/rustc"
cat > "$TC/bin/cargo" <<'WRAP'
#!/bin/sh
# Debian's cargo/rustc 1.96, used only by substrate-wasm-builder for the runtime's wasm.
export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
case " $* " in *--target=wasm32*|*"--target wasm32"*) export CARGO_UNSTABLE_BUILD_STD=core,alloc ;; esac
exec /usr/bin/cargo "$@"
WRAP
chmod +x "$TC/bin/cargo"
if ! rustup toolchain list | grep -q '^veche-wasm'; then
	rustup toolchain link veche-wasm "$TC"
fi
say "wasm toolchain: $(rustup run veche-wasm cargo --version)"

# --- 3. host tools ----------------------------------------------------------------------------
if ! command -v zepter >/dev/null; then
	say "installing zepter (feature-propagation lint; ~3 min on 2 cores)"
	# Own target dir: the shared one may be locked by a running node build.
	cargo install --locked --quiet --root "$VECHE_TOOLS" --target-dir "$VECHE_CACHE/tools-target" \
		zepter@1.88.2
fi
say "zepter $(zepter --version | awk '{print $2}')"

command -v node >/dev/null || die "node (>= 20) and npm are needed for the end-to-end tests: apt-get install nodejs npm"
say "npm packages for tests/e2e (@polkadot/api, chopsticks, taplo, node 22 for chopsticks)"
(cd "$VECHE_ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
say "npm packages for tests/zombienet (@zombienet/cli, @polkadot/api)"
(cd "$VECHE_ROOT/tests/zombienet" && npm ci --no-audit --no-fund --loglevel=error)
say "npm packages for the citizen app (app/: svelte, vite, polkadot-api, playwright; its typed chain API generated from chain-specs/dev-raw.json)"
(cd "$VECHE_ROOT/app" && npm ci --no-audit --no-fund --loglevel=error)
[ -x "$VECHE_TOOLS/bin/polkadot" ] ||
	say "no relay chain binary yet: the zombienet tier will be skipped until scripts/install-relay.sh has run (about 75 min, once)"

say "setup done in $(elapsed "$start")"
