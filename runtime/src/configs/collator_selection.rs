//! Collator selection: invulnerable collators named by governance, plus candidates — citizens
//! and observers — who bond VEC and register session keys to author blocks.

use crate::{
	configs::session::Period, governance::CommissionOrRoot, AccountId, Balances, Runtime,
	RuntimeEvent, Session,
};
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::traits::ConvertInto;

parameter_types! {
	/// Account that collects transaction fee shares and pays collator rewards.
	pub const PotId: PalletId = PalletId(*b"PotStake");
}

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	/// The election commission (or root) sets invulnerables and the candidacy bond.
	type UpdateOrigin = CommissionOrRoot;
	type PotId = PotId;
	type MaxCandidates = ConstU32<100>;
	type MinEligibleCollators = ConstU32<1>;
	type MaxInvulnerables = ConstU32<20>;
	/// A candidate that authored no block for a whole session is removed.
	type KickThreshold = Period;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ValidatorRegistration = Session;
	type WeightInfo = pallet_collator_selection::weights::SubstrateWeight<Runtime>;
}
