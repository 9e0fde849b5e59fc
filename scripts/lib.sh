# Shared settings for Veche's scripts. Source it; do not run it.
# Everything persistent lives under $VECHE_CACHE (outside the clone) so that builds stay
# incremental across clones, sessions and CI runs on the same machine.

VECHE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VECHE_CACHE=${VECHE_CACHE:-$HOME/.cache/veche}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$VECHE_CACHE/target}
# The runtime's wasm is built by Debian's rustc 1.96 + std sources (scripts/setup.sh links it
# as a rustup toolchain); host code keeps the default rustup toolchain.
export WASM_BUILD_TOOLCHAIN=${WASM_BUILD_TOOLCHAIN:-veche-wasm}
export WASM_BUILD_WORKSPACE_HINT=$VECHE_ROOT
# The blob embeds source paths (panic locations). Map them to fixed names so that the wasm —
# and the chain specs that carry it — are the same bytes from any clone on any machine.
# The runtime is built through one fixed path to the clone (see build-runtime.sh); cargo hashes
# a path dependency's location into symbol names, so the path must not depend on the clone.
VECHE_CHECKOUT=$VECHE_CACHE/checkout
export WASM_BUILD_RUSTFLAGS="--remap-path-prefix=$VECHE_CHECKOUT=/veche --remap-path-prefix=$CARGO_TARGET_DIR=/target --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
VECHE_TOOLS=$VECHE_CACHE/tools
export PATH="$VECHE_TOOLS/bin:$HOME/.cargo/bin:$PATH"

# The node binary (built by scripts/build-node.sh into the shared target dir).
VECHE_NODE=$CARGO_TARGET_DIR/release/veche-node
# The runtime blob, built with the `wasmdev` profile (debug host, release + compressed wasm).
VECHE_WASM=$CARGO_TARGET_DIR/wasmdev/wbuild/veche-runtime/veche_runtime.compact.compressed.wasm

# Writes a plain (or, with -s, raw) chain spec of Veche as para 2000 of rococo-local from a runtime
# blob and one of its genesis presets, with veche-node's built-in chain-spec builder.
# Usage: veche_chain_spec OUT_FILE WASM NAME ID TYPE PRESET [more `create` flags]
veche_chain_spec() {
	local out=$1 wasm=$2 name=$3 id=$4 type=$5 preset=$6
	shift 6
	"$VECHE_NODE" chain-spec-builder -c "$out" create -n "$name" -i "$id" -t "$type" \
		--relay-chain rococo-local --para-id 2000 --properties tokenSymbol=VEC,tokenDecimals=12 \
		"$@" -r "$wasm" named-preset "$preset" >/dev/null
}

# A 16-hex-digit key for a cache of what is built from the clone's files under PATHS (tracked or
# not, ignored ones left out) and from EXTRA (a toolchain's version, a size): it changes whenever
# any of them does. Usage: sources_key EXTRA PATHS...
sources_key() {
	local extra=$1
	shift
	{
		(cd "$VECHE_ROOT" && git ls-files -co --exclude-standard "$@" | sort | xargs sha256sum)
		echo "$extra"
	} | sha256sum | cut -c1-16
}

# This clone's test-network runtime (`fast-runtime`, see runtime/src/lib.rs, "Test-network
# builds"): built once for the sources and kept in $VECHE_CACHE/zombienet by the hash of everything
# that goes into it (the runtime's crates, the lockfile, the wasm toolchain), so that a warm run
# reuses it rather than building a variant, which would also make the next default build rerun
# wasm-builder. Prints its path. Used by the zombienet tier and the node e2e's fast-runtime tests.
veche_fast_wasm() {
	local out=$VECHE_CACHE/zombienet key
	mkdir -p "$out"
	key=$(sources_key "$(rustup run "$WASM_BUILD_TOOLCHAIN" rustc --version)" \
		runtime pallets prover Cargo.toml Cargo.lock)
	if [ ! -f "$out/veche-fast-$key.wasm" ]; then
		rm -f "$out"/veche-fast-*.wasm
		"$VECHE_ROOT/scripts/build-runtime.sh" --out "$out/veche-fast-$key.wasm" \
			--features fast-runtime >/dev/null || return 1
	fi
	echo "$out/veche-fast-$key.wasm"
}

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[1;31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# Waits until the chain started as process PID answers RPC on PORT, for at most SECONDS; if it
# exits or never answers, shows the end of LOG and dies.
# Usage: wait_for_rpc PORT SECONDS LOG PID
wait_for_rpc() {
	local port=$1 seconds=$2 log=$3 pid=$4
	for _ in $(seq 1 "$seconds"); do
		if curl -sf -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' \
			"http://127.0.0.1:$port" >/dev/null 2>&1; then return 0; fi
		kill -0 "$pid" 2>/dev/null || { tail -30 "$log"; die "the chain exited"; }
		sleep 1
	done
	tail -30 "$log"
	die "the chain did not answer within $seconds s"
}

# Seconds from $1 to $2 (epochs; $2 defaults to now), as "Nm Ss".
elapsed() { local s=$(( ${2:-$(date +%s)} - $1 )); printf '%dm %02ds' $((s / 60)) $((s % 60)); }

# Runs chopsticks with the Node >= 22 that tests/e2e installs, first on PATH. It execs: the
# calling shell (or, with `&`, its background job — so `$!` is chopsticks) becomes chopsticks.
chopsticks() {
	[ -x "$VECHE_ROOT/tests/e2e/node_modules/.bin/chopsticks" ] || die "chopsticks missing: run scripts/setup.sh"
	PATH="$VECHE_ROOT/tests/e2e/node_modules/.bin:$PATH" exec "$VECHE_ROOT/tests/e2e/node_modules/.bin/chopsticks" "$@"
}
