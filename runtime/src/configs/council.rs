//! The council of the election commission (`pallet-collective`): motions decided by its members.
//! Its members are set by `CouncilMembership` only. See [`crate::governance`].

use crate::{
	governance::{CouncilInstance, CouncilMajorityOrRoot, CouncilTwoThirdsOrRoot},
	weight_share, BlockNumber, Runtime, RuntimeBlockWeights, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, DAYS,
};
use frame_support::{parameter_types, traits::NeverEnsureOrigin, weights::Weight};
use sp_runtime::Perbill;

/// Most members the election commission can have.
pub const COUNCIL_MAX_MEMBERS: u32 = 100;

parameter_types! {
	/// How long a council motion stays open.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	pub const CouncilMaxProposals: u32 = 100;
	pub const CouncilMaxMembers: u32 = COUNCIL_MAX_MEMBERS;
	pub MaxProposalWeight: Weight = weight_share(Perbill::from_percent(50), RuntimeBlockWeights::get().max_block);
}

impl pallet_collective::Config<CouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Members change only through `CouncilMembership`, never by `set_members` directly.
	type SetMembersOrigin = NeverEnsureOrigin<()>;
	type MaxProposalWeight = MaxProposalWeight;
	/// Root or a council majority may disapprove a pending motion…
	type DisapproveOrigin = CouncilMajorityOrRoot;
	/// …and two thirds may kill it (and slash a deposit, when deposits are introduced).
	type KillOrigin = CouncilTwoThirdsOrRoot;
	/// Council members propose without a deposit: they are few and publicly accountable.
	type Consideration = ();
}
