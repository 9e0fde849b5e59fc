//! Builds the runtime's wasm blob (with `std`) through substrate-wasm-builder.
//! The toolchain it uses is chosen by `WASM_BUILD_TOOLCHAIN` (see scripts/setup.sh).

#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
