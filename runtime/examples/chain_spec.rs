//! Writes a chain spec of Veche (para 2000 of rococo-local) from one of the runtime's genesis
//! presets and a runtime blob, in the JSON layout of polkadot-sdk's chain-spec builder, without
//! the node: `scripts/chain-spec.sh` runs it, so that the committed specs follow the presets on a
//! machine where veche-node (hours to build) is not there yet.
//!
//! - plain: `genesis.runtimeGenesis` holds the blob and the preset as a patch; the node builds
//!   the genesis storage from them at start;
//! - raw (`--raw`): `genesis.raw.top` holds the genesis storage itself (what chopsticks needs),
//!   built here from the preset merged over the default config — the same steps the builder takes
//!   in wasm (`build_state`) — plus the blob under `:code`.
//!
//! Objects are written with sorted keys and two-space indentation, as the builder writes them.
//!
//! Usage: `chain_spec OUT WASM NAME ID TYPE PRESET [--raw]`

use serde_json::{json, Map, Value};
use sp_runtime::BuildStorage;
use veche_runtime::{genesis_config_presets::get_preset, RuntimeGenesisConfig};

fn hex(bytes: &[u8]) -> String {
	let mut out = String::with_capacity(2 + 2 * bytes.len());
	out.push_str("0x");
	for b in bytes {
		out.push_str(&format!("{b:02x}"));
	}
	out
}

/// Merges `patch` into `base`: objects key by key, anything else replaced.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (k, v) in patch {
				merge(base.entry(k).or_insert(Value::Null), v);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The same value with every object's keys in sorted order.
fn sorted(value: Value) -> Value {
	match value {
		Value::Object(map) => {
			let mut entries: Vec<(String, Value)> = map.into_iter().collect();
			entries.sort_by(|a, b| a.0.cmp(&b.0));
			Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect::<Map<_, _>>())
		},
		Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
		other => other,
	}
}

fn run() -> Result<(), String> {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let raw = args.iter().any(|a| a == "--raw");
	let args: Vec<&String> = args.iter().filter(|a| *a != "--raw").collect();
	let [out, wasm, name, id, chain_type, preset] = args[..] else {
		return Err("usage: chain_spec OUT WASM NAME ID TYPE PRESET [--raw]".into());
	};
	let code = std::fs::read(wasm).map_err(|e| format!("cannot read {wasm}: {e}"))?;
	let preset_json = get_preset(&preset.as_str().into())
		.ok_or_else(|| format!("the runtime has no preset {preset:?}"))?;
	let patch: Value = serde_json::from_slice(&preset_json).map_err(|e| e.to_string())?;
	let genesis = if raw {
		let mut config =
			serde_json::to_value(RuntimeGenesisConfig::default()).map_err(|e| e.to_string())?;
		merge(&mut config, patch);
		let config: RuntimeGenesisConfig =
			serde_json::from_value(config).map_err(|e| format!("invalid preset: {e}"))?;
		let mut storage = config.build_storage()?;
		storage.top.insert(b":code".to_vec(), code);
		if !storage.children_default.is_empty() {
			return Err("child storage at genesis is not supported".into());
		}
		let top: Map<String, Value> =
			storage.top.iter().map(|(k, v)| (hex(k), Value::String(hex(v)))).collect();
		json!({ "raw": { "childrenDefault": {}, "top": top } })
	} else {
		json!({ "runtimeGenesis": { "code": hex(&code), "patch": patch } })
	};
	let spec = json!({
		"bootNodes": [],
		"chainType": chain_type,
		"codeSubstitutes": {},
		"genesis": genesis,
		"id": id,
		"name": name,
		"para_id": 2000,
		"properties": { "tokenDecimals": 12, "tokenSymbol": "VEC" },
		"protocolId": null,
		"relay_chain": "rococo-local",
		"telemetryEndpoints": null,
	});
	let text = serde_json::to_string_pretty(&sorted(spec)).map_err(|e| e.to_string())?;
	std::fs::write(out, text).map_err(|e| format!("cannot write {out}: {e}"))
}

fn main() {
	if let Err(e) = run() {
		eprintln!("chain_spec: {e}");
		std::process::exit(1);
	}
}
