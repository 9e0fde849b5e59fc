//! `veche-node`: the Veche collator, dev node and chain-spec builder.
//!
//! Veche is served by the standard polkadot omni-node: this binary only names itself and hands
//! control to [`polkadot_omni_node_lib`]. The runtime comes from the chain spec given with
//! `--chain <file>`, so the same binary runs every Veche network (dev, local, zombienet).
//!
//! - `veche-node --chain chain-specs/dev.json --dev` produces blocks with no relay chain.
//! - `veche-node chain-spec-builder create …` builds chain specs from the runtime's presets.
//! - Without `--dev` it is a parachain collator; see the README for keys and ports.

#![warn(missing_docs)]

// Keep the jemalloc shim linked in: it installs the global allocator the client expects.
#[cfg(target_os = "linux")]
extern crate polkadot_jemalloc_shim;

use polkadot_omni_node_lib::{
	chain_spec::DiskChainSpecLoader, extra_subcommand::NoExtraSubcommand, run_with_custom_cli,
	runtime::DefaultRuntimeResolver, CliConfig, RunConfig, NODE_VERSION,
};

/// How `veche-node` names itself in `--version`, logs and telemetry.
struct VecheCli;

impl CliConfig for VecheCli {
	fn impl_version() -> String {
		format!("{NODE_VERSION}-{}", env!("SUBSTRATE_CLI_COMMIT_HASH"))
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		concat!(env!("CARGO_PKG_REPOSITORY"), "/issues").into()
	}

	fn copyright_start_year() -> u16 {
		2026
	}
}

fn main() -> color_eyre::eyre::Result<()> {
	color_eyre::install()?;
	let config = RunConfig::new(Box::new(DefaultRuntimeResolver), Box::new(DiskChainSpecLoader));
	Ok(run_with_custom_cli::<VecheCli, NoExtraSubcommand>(config)?)
}
