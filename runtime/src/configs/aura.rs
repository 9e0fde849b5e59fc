//! Aura block authoring: the collators of the session take turns by slot.

use crate::{AuraId, Runtime, SLOT_DURATION};
use frame_support::traits::{ConstBool, ConstU32, ConstU64};

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<100_000>;
	/// Several parachain blocks may share a relay slot once elastic scaling is enabled.
	type AllowMultipleBlocksPerSlot = ConstBool<true>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}
