//! Referenda (`pallet-referenda`), two instances: the commission's (tracks decided by its roll)
//! and the people's (decided by anonymous ballots of registered persons).

use crate::{
	governance::{tracks::TracksInfo, CouncilMajorityOrRoot, CouncilTwoThirdsOrRoot},
	AccountId, Balance, Balances, BlockNumber, Preimage, Runtime, RuntimeCall, RuntimeEvent,
	Scheduler, DAYS, UNIT,
};
use frame_support::{parameter_types, traits::AsEnsureOriginWithArg};
use frame_system::EnsureSigned;

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
