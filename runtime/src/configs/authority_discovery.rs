//! The collators' authority-discovery keys.

use crate::Runtime;
use frame_support::traits::ConstU32;

/// Collators publish their network addresses under their authority-discovery key, and the node
/// (omni-node's collator discovery) reserves peer slots for the collators next to it in the
/// authoring order. The keys follow the session's collator set.
impl pallet_authority_discovery::Config for Runtime {
	/// At least collator-selection's invulnerables plus candidates (20 + 100).
	type MaxAuthorities = ConstU32<128>;
}
