//! Who sits on the council (`pallet-membership`): changed by two thirds of the council or root,
//! and mirrored into the commission's voting roll.

use super::council::CouncilMaxMembers;
use crate::{
	governance::{CommissionMembers, CouncilMajorityOrRoot, CouncilTwoThirdsOrRoot},
	Runtime, RuntimeEvent,
};

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Root or two thirds of the council add, remove, swap and reset members…
	type AddOrigin = CouncilTwoThirdsOrRoot;
	type RemoveOrigin = CouncilTwoThirdsOrRoot;
	type SwapOrigin = CouncilTwoThirdsOrRoot;
	type ResetOrigin = CouncilTwoThirdsOrRoot;
	/// …and a majority chooses the prime member, whose vote is the default for abstainers.
	type PrimeOrigin = CouncilMajorityOrRoot;
	type MembershipInitialized = CommissionMembers;
	type MembershipChanged = CommissionMembers;
	type MaxMembers = CouncilMaxMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}
