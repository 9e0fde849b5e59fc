//! The commission's voting roll (`pallet-ranked-collective`): one member, one vote on every
//! track of its referenda. Nobody edits it directly: it follows the council's membership.

use super::council::COUNCIL_MAX_MEMBERS;
use crate::{governance::tracks::TrackId, Referenda, Runtime, RuntimeEvent};
use frame_support::traits::NeverEnsureOrigin;
use sp_runtime::traits::Convert;

/// Every track is decided by all commission members (rank 0 and up).
pub struct AllMembersVote;
impl Convert<TrackId, pallet_ranked_collective::Rank> for AllMembersVote {
	fn convert(_: TrackId) -> pallet_ranked_collective::Rank {
		0
	}
}

/// The roll is as large as the council may be, whatever the rank.
pub struct RollLimit;
impl sp_runtime::traits::MaybeConvert<pallet_ranked_collective::Rank, u32> for RollLimit {
	fn maybe_convert(_: pallet_ranked_collective::Rank) -> Option<u32> {
		Some(COUNCIL_MAX_MEMBERS)
	}
}

impl pallet_ranked_collective::Config for Runtime {
	type WeightInfo = pallet_ranked_collective::weights::SubstrateWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	/// Nobody changes the roll directly: `CouncilMembership` does, through `CommissionMembers`.
	type AddOrigin = NeverEnsureOrigin<()>;
	type RemoveOrigin = NeverEnsureOrigin<pallet_ranked_collective::Rank>;
	type PromoteOrigin = NeverEnsureOrigin<pallet_ranked_collective::Rank>;
	type DemoteOrigin = NeverEnsureOrigin<pallet_ranked_collective::Rank>;
	type ExchangeOrigin = NeverEnsureOrigin<()>;
	type Polls = Referenda;
	type MinRankOfClass = AllMembersVote;
	type MemberSwappedHandler = ();
	/// One member, one vote.
	type VoteWeight = pallet_ranked_collective::Unit;
	type MaxMemberCount = RollLimit;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSetup = ();
}
