//! Aura block authoring, authorship tracking (collator rewards come from the pot) and the
//! collators' authority-discovery keys.

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

/// Collators publish their network addresses under their authority-discovery key, and the node
/// (omni-node's collator discovery) reserves peer slots for the collators next to it in the
/// authoring order. The keys follow the session's collator set.
impl pallet_authority_discovery::Config for Runtime {
	/// At least collator-selection's invulnerables plus candidates (20 + 100).
	type MaxAuthorities = ConstU32<128>;
}
