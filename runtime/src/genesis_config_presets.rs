//! Genesis presets: `development` (one collator, sudo, a council) and `local_testnet` (two
//! collators, no sudo). Both set up a demo a newcomer can use at once in polkadot.js apps:
//! funded accounts, a three-member election commission (council + voting roll), collators.

use crate::{
	AccountId, AuraId, BalancesConfig, CollatorSelectionConfig, CouncilMembershipConfig,
	ParachainInfoConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig,
	EXISTENTIAL_DEPOSIT, UNIT,
};
use alloc::{vec, vec::Vec};
use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_authority_discovery::AuthorityId as AuthorityDiscoveryId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

/// The para id Veche uses on test relay chains.
pub const PARACHAIN_ID: u32 = 2000;

/// Every well-known dev account starts with this much VEC.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// Candidacy bond of a collator (half an endowment is enough to run one).
const CANDIDACY_BOND: u128 = 16 * EXISTENTIAL_DEPOSIT * 1_000;

/// How many candidates — citizens and observers beside the invulnerables — collate at once
/// (those with the highest bonds). The commission can change it (`set_desired_candidates`).
const DESIRED_CANDIDATES: u32 = 20;

/// A well-known account as a collator: its account and its session keys (the same sr25519 key
/// for Aura and authority discovery — development only).
fn collator(k: Sr25519Keyring) -> (AccountId, SessionKeys) {
	let aura: AuraId = k.public().into();
	let authority_discovery: AuthorityDiscoveryId = k.public().into();
	(k.to_account_id(), SessionKeys { aura, authority_discovery })
}

fn genesis(
	collators: Vec<(AccountId, SessionKeys)>,
	endowed: Vec<AccountId>,
	council: Vec<AccountId>,
	sudo: Option<AccountId>,
	id: ParaId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		parachain_info: ParachainInfoConfig { parachain_id: id },
		collator_selection: CollatorSelectionConfig {
			invulnerables: collators.iter().cloned().map(|(acc, _)| acc).collect::<Vec<_>>(),
			candidacy_bond: CANDIDACY_BOND,
			desired_candidates: DESIRED_CANDIDATES,
		},
		session: SessionConfig {
			keys: collators
				.into_iter()
				.map(|(acc, keys)| (acc.clone(), acc, keys))
				.collect::<Vec<_>>(),
		},
		council_membership: CouncilMembershipConfig {
			members: council.try_into().unwrap_or_default(),
		},
		// `None` leaves the chain without sudo: governance only.
		sudo: SudoConfig { key: sudo },
	})
}

fn council() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// `development`: Alice collates alone (the dev node seals blocks itself) and holds sudo.
fn development() -> Value {
	genesis(
		vec![collator(Sr25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		council(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		PARACHAIN_ID.into(),
	)
}

/// `local_testnet`: Alice and Bob collate on a relay chain; no sudo — governance only.
fn local_testnet() -> Value {
	genesis(
		vec![collator(Sr25519Keyring::Alice), collator(Sr25519Keyring::Bob)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		council(),
		None,
		PARACHAIN_ID.into(),
	)
}

/// The JSON patch of the preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
