//! Sessions: every session the collator set is refreshed from collator-selection.

use crate::{AccountId, Balances, CollatorSelection, Runtime, RuntimeEvent, SessionKeys, HOURS};
use frame_support::parameter_types;
use sp_runtime::traits::ConvertInto;

parameter_types! {
	/// Session length. Collator sets change at session boundaries.
	pub const Period: u32 = 6 * HOURS;
	pub const Offset: u32 = 0;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	/// A collator is identified by its account.
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<Period, Offset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<Period, Offset>;
	type SessionManager = CollatorSelection;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Collators already bond through collator-selection; keys carry no extra deposit.
	type KeyDeposit = ();
}
