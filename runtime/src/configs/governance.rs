//! The election commission (council + voting roll), referenda, scheduler, preimages and sudo.
//! See [`crate::governance`] for how they fit together.

use crate::{
	deposit,
	governance::{
		tracks::{TrackId, TracksInfo},
		CommissionMembers, CouncilInstance, CouncilMajorityOrRoot, CouncilTwoThirdsOrRoot,
	},
	weight_share, AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Referenda,
	Runtime, RuntimeBlockWeights, RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin,
	Scheduler, DAYS, UNIT,
};
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, AsEnsureOriginWithArg, ConstU32, EqualPrivilegeOnly,
		LinearStoragePrice, NeverEnsureOrigin,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{traits::Convert, Perbill};

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

parameter_types! {
	/// Deposit to submit a referendum (returned when it ends, unless it is killed).
	pub const SubmissionDeposit: Balance = UNIT;
	/// Referenda that may wait for a deciding slot on one track.
	pub const MaxQueued: u32 = 100;
	/// A referendum that never gets a decision deposit times out after this.
	pub const UndecidingTimeout: BlockNumber = 14 * DAYS;
	pub const AlarmInterval: BlockNumber = 1;
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	/// Any account may submit a referendum; the decision deposit decides whether it is heard.
	type SubmitOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	/// Root or a council majority may cancel (deposits returned)…
	type CancelOrigin = CouncilMajorityOrRoot;
	/// …and root or two thirds kill (deposits slashed).
	type KillOrigin = CouncilTwoThirdsOrRoot;
	type Slash = ();
	type Votes = pallet_ranked_collective::Votes;
	type Tally = pallet_ranked_collective::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = MaxQueued;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = TracksInfo;
	type Preimages = Preimage;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

/// People's referenda: the same lifecycle, decided by anonymous ballots of registered persons.
impl pallet_referenda::Config<crate::governance::PeopleInstance> for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	/// Any account may submit; the decision deposit decides whether it is heard.
	type SubmitOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type CancelOrigin = CouncilMajorityOrRoot;
	type KillOrigin = CouncilTwoThirdsOrRoot;
	type Slash = ();
	/// One person, one vote: counts of ballots.
	type Votes = u64;
	type Tally = pallet_veche_ballots::PeopleTally;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = MaxQueued;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = crate::governance::tracks::PeopleTracksInfo;
	type Preimages = Preimage;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

parameter_types! {
	pub MaximumSchedulerWeight: Weight =
		weight_share(Perbill::from_percent(80), RuntimeBlockWeights::get().max_block);
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only root schedules directly; referenda schedule through their own path.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	/// The local block number: the relay-number provider can skip agendas on a sparse chain.
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

parameter_types! {
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	pub const PreimageByteDeposit: Balance = deposit(0, 1);
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	/// Whoever notes a preimage holds a deposit for its bytes until it is unnoted.
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

/// Sudo exists for the development preset only: `local_testnet` and live chains have no key.
impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
