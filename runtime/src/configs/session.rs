//! Sessions: every session the collator set is refreshed from collator-selection.

use crate::{
	AccountId, Balances, BlockNumber, CollatorSelection, Runtime, RuntimeEvent, SessionKeys,
};
use frame_support::parameter_types;
use sp_runtime::traits::ConvertInto;

/// Session length: six hours. A candidate who registers becomes an author two session changes
/// later, at most twelve hours on.
#[cfg(not(feature = "fast-runtime"))]
const SESSION_BLOCKS: BlockNumber = 6 * crate::HOURS;
/// Session length in a `fast-runtime` build (test networks only): one minute, so that a new
/// collator candidate authors within minutes.
#[cfg(feature = "fast-runtime")]
const SESSION_BLOCKS: BlockNumber = crate::MINUTES;

parameter_types! {
	/// Session length. Collator sets change at session boundaries.
	pub const Period: BlockNumber = SESSION_BLOCKS;
	pub const Offset: BlockNumber = 0;
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
