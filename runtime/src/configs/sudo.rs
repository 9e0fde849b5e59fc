//! Sudo: a root key for the development preset only.

use crate::{Runtime, RuntimeCall, RuntimeEvent};

/// Sudo exists for the development preset only: `local_testnet` and live chains have no key.
impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
