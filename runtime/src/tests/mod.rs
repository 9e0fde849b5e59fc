//! Tests of the runtime's own glue: presets, governance wiring, identity judgement, proxies.

use crate::{
	configs::identity::IdentityJudgement,
	configs::proxy::ProxyType,
	governance::{council_and_commission_agree, origins, tracks, CouncilInstance},
	AccountId, Balances, Commission, CouncilMembership, Identity, Runtime, RuntimeCall,
	RuntimeOrigin, UNIT,
};

use frame_support::{
	assert_noop, assert_ok,
	traits::{InstanceFilter, IntegrityTest},
};

use pallet_referenda::TracksInfo as _;

use pallet_veche_primitives::IdentityJudge;

use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

use sp_keyring::Sr25519Keyring;

use sp_runtime::{
	traits::{BlakeTwo256, Hash as _},
	BuildStorage, DispatchError, MultiAddress,
};

/// Externalities holding the genesis state of the named preset.
fn preset_ext(preset: &str) -> sp_io::TestExternalities {
	let config = crate::genesis_config_presets::preset_config(preset).expect("the preset builds");
	let mut ext: sp_io::TestExternalities = config.build_storage().expect("genesis builds").into();
	ext.execute_with(|| frame_system::Pallet::<Runtime>::set_block_number(1));
	ext
}

fn acc(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

fn council() -> Vec<AccountId> {
	pallet_collective::Members::<Runtime, CouncilInstance>::get()
}

/// A signed transaction of `who` (a dev derivation such as `//Anna`) with nonce `nonce`.
fn signed_by(who: &str, nonce: u32, call: RuntimeCall) -> crate::UncheckedExtrinsic {
	use sp_core::Pair as _;
	let pair = sp_core::sr25519::Pair::from_string(who, None).expect("a dev derivation");
	let extensions = crate::immortal_extensions(nonce);
	let payload = sp_runtime::generic::SignedPayload::new(call.clone(), extensions.clone())
		.expect("implicit data is available");
	let signature = codec::Encode::using_encoded(&payload, |bytes| pair.sign(bytes));
	let signer: AccountId = pair.public().into();
	crate::UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(signer),
		sp_runtime::MultiSignature::Sr25519(signature),
		extensions,
	)
}

mod acts;
mod civic;
mod collators;
mod fees;
mod genesis;
mod governance;
mod juries;
mod promises;
mod recall;
