//! `veche-indexer <ws-url> [--no-root-check]`: replays a running Veche chain's events from
//! genesis to its latest finalized block and compares the state they rebuild with the chain's
//! storage at that block. Prints a JSON report; exits 1 on any difference, naming each.
//!
//! The genesis state and the final state are downloaded through the node's RPC (with
//! `frame-remote-externalities`, verified against each block's state root unless
//! `--no-root-check`: chopsticks' headers carry a root of its own storage layer); the events of
//! every block in between are read one block at a time (`System::Events` at that block's hash).

use codec::Decode;
use frame_remote_externalities::{Builder, Mode, OnlineConfig};
use std::time::Instant;
use substrate_rpc_client::{rpc_params, ws_client, ClientT, WsClient};
use veche_indexer::Index;
use veche_runtime::{Block, Hash, RuntimeEvent};

#[tokio::main]
async fn main() {
	let all: Vec<String> = std::env::args().collect();
	let no_root_check = all.iter().any(|a| a == "--no-root-check");
	let Some(uri) = all.iter().skip(1).find(|a| !a.starts_with("--")).cloned() else {
		eprintln!("usage: veche-indexer <ws-url> [--no-root-check]");
		std::process::exit(2);
	};
	match run(&uri, no_root_check).await {
		Ok(report) => println!("{report}"),
		Err(e) => {
			eprintln!("FAILED: {e}");
			std::process::exit(1);
		},
	}
}

async fn run(uri: &str, no_root_check: bool) -> Result<serde_json::Value, String> {
	let started = Instant::now();
	let client = ws_client(uri).await?;
	let head: Hash = call(&client, "chain_getFinalizedHead", rpc_params![]).await?;
	let header: serde_json::Value = call(&client, "chain_getHeader", rpc_params![head]).await?;
	let number = header["number"]
		.as_str()
		.and_then(|n| u32::from_str_radix(n.trim_start_matches("0x"), 16).ok())
		.ok_or_else(|| format!("a header without a number: {header}"))?;
	let genesis: Hash = call(&client, "chain_getBlockHash", rpc_params![0u32]).await?;

	let mut index = state_at(uri, genesis, no_root_check).await?;
	let events_key = frame_support::storage::storage_prefix(b"System", b"Events").to_vec();
	let events_key = format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&events_key));
	let replay_started = Instant::now();
	for n in 1..=number {
		let hash: Hash = call(&client, "chain_getBlockHash", rpc_params![n]).await?;
		let raw: Option<sp_core::Bytes> =
			call(&client, "state_getStorage", rpc_params![events_key.clone(), hash]).await?;
		let records = match raw {
			Some(bytes) => {
				Vec::<frame_system::EventRecord<RuntimeEvent, Hash>>::decode(&mut &bytes[..])
					.map_err(|e| format!("block {n}: the events do not decode: {e}"))?
			},
			None => Vec::new(),
		};
		index.apply_block(n, records.iter().map(|r| &r.event))?;
	}
	let replay_s = replay_started.elapsed().as_secs_f64();

	let stored = state_at(uri, head, no_root_check).await?;
	let differences = index.diff(&stored);
	if !differences.is_empty() {
		return Err(format!(
			"the state rebuilt from events differs from storage at block {number} in {} places:\n{}",
			differences.len(),
			differences.join("\n")
		));
	}
	let mut report = index.summary();
	report["head"] = format!("{head:?}").into();
	report["replay_s"] = replay_s.into();
	report["total_s"] = started.elapsed().as_secs_f64().into();
	Ok(report)
}

/// The indexer's view read from the chain's storage at `at`.
async fn state_at(uri: &str, at: Hash, no_root_check: bool) -> Result<Index, String> {
	let config = OnlineConfig {
		transport_uris: vec![uri.to_string()],
		at: Some(at),
		disable_root_check: no_root_check,
		..Default::default()
	};
	let mut ext = Builder::<Block>::new()
		.mode(Mode::Online(config))
		.build()
		.await
		.map_err(|e| format!("cannot download the state at {at:?}: {e:?}"))?;
	Ok(ext.execute_with(Index::from_storage))
}

async fn call<R: serde::de::DeserializeOwned>(
	client: &WsClient,
	method: &str,
	params: jsonrpsee::core::params::ArrayParams,
) -> Result<R, String> {
	client.request(method, params).await.map_err(|e| format!("{method}: {e}"))
}
