//! Aura block authoring and authorship tracking (collator rewards come from the pot).

use crate::{AuraId, CollatorSelection, Runtime, SLOT_DURATION};
use frame_support::traits::{ConstBool, ConstU32, ConstU64};

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<100_000>;
	/// Several parachain blocks may share a relay slot once elastic scaling is enabled.
	type AllowMultipleBlocksPerSlot = ConstBool<true>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, crate::Aura>;
	type EventHandler = (CollatorSelection,);
}
