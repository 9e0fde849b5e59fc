//! `veche-try-runtime <ws-url> [block-hash] [--no-root-check]`: the runtime's upgrade and state
//! checks against the state of a running chain.
//!
//! It downloads the whole state at a block (the latest finalized by default) through the node's
//! RPC, verifies it against that block's state root (`--no-root-check` skips that, for
//! chopsticks, whose headers carry a root of its own storage layer that a trie of the downloaded
//! keys does not reproduce), and runs, in this runtime's code:
//!
//! 1. every pallet's `try_state` on the state as it is;
//! 2. `Executive::try_runtime_upgrade` with every check: the migrations this runtime would run
//!    on its upgrade (`Migrations`, each pallet's hooks) with their pre- and post-upgrade checks,
//!    each pallet's on-chain storage version against its code's, and `try_state` afterwards.
//!
//! Why not `try-runtime-cli`: the one on crates.io (0.42) is built on a polkadot-sdk three years
//! older than stable2609 (sp-io 34 against our 49) and cannot load this runtime's state types;
//! this driver uses `frame-remote-externalities` of the release line itself. It runs the
//! runtime natively (the same source the wasm is built from, with the `try-runtime` feature),
//! which is what makes its panics and logs readable.

use frame_remote_externalities::{Builder, Mode, OnlineConfig};
use frame_support::traits::{TryState, TryStateSelect};
use frame_try_runtime::UpgradeCheckSelect;
use std::time::Instant;
use veche_runtime::{AllPalletsWithSystem, Block, Executive, Runtime};

#[tokio::main]
async fn main() {
	let all: Vec<String> = std::env::args().collect();
	let no_root_check = all.iter().any(|a| a == "--no-root-check");
	let args: Vec<&String> = all.iter().filter(|a| !a.starts_with("--")).collect();
	let Some(uri) = args.get(1).map(|s| s.to_string()) else {
		eprintln!("usage: veche-try-runtime <ws-url> [block-hash] [--no-root-check]");
		std::process::exit(2);
	};
	let at = args.get(2).map(|h| {
		h.parse::<sp_core::H256>().unwrap_or_else(|_| {
			eprintln!("not a block hash: {h}");
			std::process::exit(2)
		})
	});
	let started = Instant::now();
	let config = OnlineConfig {
		transport_uris: vec![uri],
		at,
		disable_root_check: no_root_check,
		..Default::default()
	};
	let mut ext = match Builder::<Block>::new().mode(Mode::Online(config)).build().await {
		Ok(ext) => ext,
		Err(e) => {
			eprintln!("FAILED: cannot download the state: {e:?}");
			std::process::exit(1);
		},
	};
	let download_s = started.elapsed().as_secs_f64();
	let header = ext.header.clone();
	let outcome = ext.execute_with(|| -> Result<serde_json::Value, String> {
		let number = frame_system::Pallet::<Runtime>::block_number();
		let keys = sp_io::storage::next_key(&[]).map_or(0, |_| count_keys());
		AllPalletsWithSystem::try_state(number, TryStateSelect::All)
			.map_err(|e| format!("try_state of the state as it is: {e:?}"))?;
		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.map_err(|e| format!("the runtime upgrade's checks: {e:?}"))?;
		Ok(serde_json::json!({
			"block": number,
			"keys": keys,
			"upgrade_weight_ref_time": weight.ref_time(),
			"upgrade_weight_proof_size": weight.proof_size(),
		}))
	});
	match outcome {
		Ok(mut report) => {
			report["block_hash"] =
				format!("{:?}", sp_runtime::traits::Header::hash(&header)).into();
			report["download_s"] = download_s.into();
			report["total_s"] = started.elapsed().as_secs_f64().into();
			println!("{report}");
		},
		Err(e) => {
			eprintln!("FAILED: {e}");
			std::process::exit(1);
		},
	}
}

/// How many keys the state holds.
fn count_keys() -> u64 {
	let mut n = 0u64;
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		n += 1;
		key = next;
	}
	n
}
