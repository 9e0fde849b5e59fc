//! # Elections
//!
//! Elections of the officeholders of `pallet-veche-jurisdictions`' offices, from a village
//! council to a party-list parliament, voted anonymously through the ballots engine.
//!
//! ## Overview
//!
//! Governance gives each office its election rules ([`Pallet::set_rules`]): a counting
//! [`Method`], the term, the nomination and voting periods, and whether candidates must have
//! served a full term at a lower level of government (promotion by record). It then schedules
//! regular elections ([`Pallet::schedule`]); a by-election is created on its own when a seat
//! falls vacant that no list successor can take.
//!
//! An election moves through its [`Stage`]s on lazy deadlines: anyone moves it on once its time
//! has come.
//! 1. **Nomination.** Publicly identified accounts (a positive identity judgement) nominate
//!    themselves ([`Pallet::nominate`]) with a deposit held, and may withdraw before voting
//!    ([`Pallet::withdraw`]). In a party-list election, parties' agents register lists
//!    ([`Pallet::register_list`]) and endorse the candidates who nominated themselves on their
//!    list in a constituency ([`Pallet::endorse`]); the endorsement order is the list's order.
//! 2. **Voting** ([`Pallet::open_voting`]). The election's polls are created through
//!    [`PollEngine`] — anonymous ballots from the frozen roll, re-voting, territorial tallies,
//!    appeals and recount all come from the ballots engine. A party-list election has one poll
//!    per constituency, and apportions its seats to the constituencies now, by Sainte-Laguë over
//!    the persons each poll's roll holds, each constituency getting at least the rules' minimum.
//! 3. **Counting** ([`Pallet::count`]), after voting: the polls are closed and the seats
//!    allocated. The count is provisional while territories may still be excluded on appeal;
//!    anyone counts again after an exclusion.
//! 4. **Certification** ([`Pallet::certify`]), after every poll's appeal window: the final
//!    count installs the winners as the office's holders for the term (or, in a two-round
//!    election without a majority, opens the run-off between the two first at once). Deposits
//!    are then returned or forfeited by the published rule ([`Pallet::release_deposit`]).
//!
//! A holder who resigns ([`Pallet::resign`]) or is removed ([`Pallet::remove_holder`]) leaves
//! the seat to the next candidate of the same list in the same constituency; a seat no list
//! fills gets a by-election for the rest of its term.
//!
//! ## Primaries
//!
//! An office's rules may ask for an open primary before each regular election
//! ([`OfficeRules::primary`] = K, more than the office's seats). The regular election is then
//! held in two elections: the primary ([`ElectionKind::Primary`]), where everyone nominates
//! and every registered person of the office's unit votes on the office's usual ballot, and
//! the final ([`ElectionKind::Final`]), opened at once when the primary is certified, between
//! its K most voted candidates (ties as below), on the same ballot. If no more than K stood,
//! all go to the final without a primary vote; if no more than the seats stood, they are
//! elected unopposed. A candidacy, its deposit and its promises belong to the primary; the
//! final (and a run-off after it) carries them on. By-elections hold no primary.
//!
//! ## Counting rules
//!
//! All in [`seats`], integer arithmetic, ties to the earlier entry (the earlier nomination, the
//! list registered first, the higher place on a list):
//! - **Plurality**: the most votes win; **Approval**: the most approvals win (K seats, up to K
//!   approvals a ballot).
//! - **Two rounds**: more than half of the votes for candidates wins outright; otherwise the
//!   two first meet in a run-off decided by plurality.
//! - **Proportional approval** ([`phragmen`]): each voter approves of any number; seats go by
//!   sequential Phragmén in fixed-point loads. The chain does not compute it: anyone claims the
//!   outcome with a deposit ([`Pallet::claim_phragmen`]) and anyone checks the claim against
//!   every stored ballot in one pass, a page per call ([`Pallet::check_phragmen`]); an accepted
//!   claim counts the seats while the poll's results still match the support it was checked
//!   against, a wrong one forfeits its deposit.
//! - **Party lists**: seats to constituencies by Sainte-Laguë over registered persons with a
//!   minimum each; a party needs the threshold share of all list votes; each constituency's
//!   seats go to its lists by the rules' divisor (D'Hondt or Sainte-Laguë), a list never
//!   getting more seats than candidates; each list's seats go to its candidates in the order
//!   of their preference votes, ties and closed lists in the list's order.
//!
//! ## Deposits
//!
//! A candidacy's deposit (and a list's) is held at nomination, returned on withdrawal, and
//! after certification returned to the elected, to those sent on to a run-off or a final, and
//! to candidates (lists) with at least
//! [`Config::DepositReturn`] of the votes for candidates (lists) — a list candidate's share is
//! their list's, over every constituency; otherwise it goes to [`Config::ForfeitAccount`].
//!
//! ## Implementation notes
//!
//! - **Clock.** Elections use the ballots engine's clock ([`Config::BlockNumberProvider`]), so
//!   that their deadlines and their polls' windows agree.
//! - **Bounded work.** Counting reads each constituency's results and each list's preference
//!   votes once: O(constituencies × lists) reads and O(seats × lists) arithmetic, charged at
//!   the worst case and refunded to the actual size. Certification writes one holder and one
//!   service record per seat. Candidates' outcomes are not written one by one: deposits are
//!   released on request, and a portrait derives each standing from the certified seats.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
	not(test),
	deny(
		clippy::unwrap_used,
		clippy::panic,
		clippy::todo,
		clippy::float_arithmetic,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects
	)
)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod count;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod phragmen;
pub mod seats;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	dispatch::DispatchResultWithPostInfo,
	pallet_prelude::*,
	sp_runtime::{
		traits::{BlockNumberProvider, Saturating, StaticLookup, Zero},
		ArithmeticError, Perbill,
	},
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{
	DocumentHash, ElectionId, IdentityJudge, JurisdictionId, JurisdictionInspect, OfficeId,
	PollEngine, PollId, PromiseBook, PromiseSummary, PromotionRecord,
};

/// The balance of the deposit currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// An office's rules as stored.
pub type OfficeRulesOf<T> = OfficeRules<BlockNumberFor<T>, <T as Config>::MaxConstituencies>;
/// An election as stored.
pub type ElectionOf<T> = Election<BlockNumberFor<T>, <T as Config>::MaxConstituencies>;
/// A party list as stored.
pub type PartyListOf<T> =
	PartyList<<T as frame_system::Config>::AccountId, BalanceOf<T>, <T as Config>::MaxNameLen>;
/// The seats an election fills, as counted.
pub type SeatsOf<T> =
	BoundedVec<Seat<<T as frame_system::Config>::AccountId>, <T as Config>::MaxSeats>;
/// A holder of an office.
pub type HolderOf<T> = Holder<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// A Phragmén claim being checked.
pub type PhragmenCheckOf<T> = PhragmenCheck<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
/// A claimed Phragmén outcome: the winners in order, with their loads.
pub type ClaimOf = BoundedVec<phragmen::Winner, ConstU32<{ phragmen::MAX_SEATS }>>;

/// The elections pallet: offices' rules, elections and their stages, candidacies and party
/// lists, counting by plurality, two rounds, approval and party lists, certification, holders
/// and records of service.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The layout of this pallet's storage.
	/// Version 2: offices' rules gained [`OfficeRules::primary`] ([`migrations::v2`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A candidacy's or a party list's deposit, held until the election is certified.
		ElectionDeposit,
		/// The deposit of a claimed Phragmén outcome, held while it is checked.
		ClaimDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The clock of deadlines and terms: the ballots engine's, so that an election's
		/// deadlines and its polls' windows agree.
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// The jurisdiction tree: offices, their units and seats, and the units' kinds (the
		/// levels of government).
		type Jurisdictions: JurisdictionInspect;

		/// The ballots engine that runs the elections' polls.
		type Polls: PollEngine<BlockNumberFor<Self>>;

		/// Whether an account is publicly identified: candidates and list agents must be.
		type Identity: IdentityJudge<Self::AccountId>;

		/// Further conditions of promotion by record (approval, promises kept), beyond the full
		/// term at a lower level this pallet checks itself.
		type Record: PromotionRecord<Self::AccountId>;

		/// The promises registry: a person's promises join their portrait.
		type Promises: PromiseBook<Self::AccountId>;

		/// Officials' ratings: a person's rated periods join their portrait.
		type Ratings: pallet_veche_primitives::RatingBook<Self::AccountId, BlockNumberFor<Self>>;

		/// Recall procedures: those against a person join their portrait.
		type Recalls: pallet_veche_primitives::RecallBook<Self::AccountId, BlockNumberFor<Self>>;

		/// The currency deposits are held in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// Sets offices' rules and schedules regular elections (the election commission).
		type ScheduleOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Removes an officeholder from office (a court ruling; later, a recall).
		type RemovalOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The deposit of a candidacy.
		#[pallet::constant]
		type CandidacyDeposit: Get<BalanceOf<Self>>;

		/// The deposit of a party list.
		#[pallet::constant]
		type ListDeposit: Get<BalanceOf<Self>>;

		/// The deposit of a claimed Phragmén outcome: forfeited if the claim is wrong, so that it
		/// pays for the check that refutes it.
		#[pallet::constant]
		type ClaimDeposit: Get<BalanceOf<Self>>;

		/// The share of the votes for candidates (for lists) a candidate (a list) who is not
		/// elected needs to have the deposit returned.
		#[pallet::constant]
		type DepositReturn: Get<Perbill>;

		/// Where forfeited deposits go (the commission's or the community's account).
		#[pallet::constant]
		type ForfeitAccount: Get<Self::AccountId>;

		/// The most constituencies a party-list election has.
		#[pallet::constant]
		type MaxConstituencies: Get<u32>;

		/// The most seats an office has.
		#[pallet::constant]
		type MaxSeats: Get<u32>;

		/// The most offices kept in a person's record of service (the oldest go first).
		#[pallet::constant]
		type MaxServiceRecords: Get<u32>;

		/// The longest list name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// Each office's election rules.
	// Twox64Concat: office ids are assigned on-chain.
	#[pallet::storage]
	pub type Rules<T: Config> = StorageMap<_, Twox64Concat, OfficeId, OfficeRulesOf<T>>;

	/// Elections by id.
	// Twox64Concat: sequential ids.
	#[pallet::storage]
	pub type Elections<T: Config> = StorageMap<_, Twox64Concat, ElectionId, ElectionOf<T>>;

	/// The id the next election gets.
	#[pallet::storage]
	pub type NextElectionId<T: Config> = StorageValue<_, ElectionId, ValueQuery>;

	/// The regular election (or its run-off) each office is holding, until certified or failed.
	// Twox64Concat: office ids are assigned on-chain.
	#[pallet::storage]
	pub type Running<T: Config> = StorageMap<_, Twox64Concat, OfficeId, ElectionId>;

	/// Every candidacy of every election, until its deposit is settled.
	// Twox64Concat: sequential election ids; Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Candidacies<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ElectionId,
		Blake2_128Concat,
		T::AccountId,
		Candidacy<BalanceOf<T>>,
	>;

	/// The ballot of an election outside party lists: its candidates, in nomination order (a
	/// ballot marks their indices).
	// Twox64Concat: sequential election ids.
	#[pallet::storage]
	pub type Options<T: Config> =
		StorageMap<_, Twox64Concat, ElectionId, BallotOptions<T::AccountId>, ValueQuery>;

	/// The party lists of a party-list election, in registration order (a ballot marks their
	/// indices).
	// Twox64Concat: sequential election ids.
	#[pallet::storage]
	pub type Lists<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ElectionId,
		BoundedVec<PartyListOf<T>, ConstU32<MAX_LISTS>>,
		ValueQuery,
	>;

	/// The endorsed candidates of each list in each constituency, in the list's order (a
	/// preference marks their places).
	// Twox64Concat: sequential election ids, jurisdiction ids assigned on-chain, list indices.
	#[pallet::storage]
	pub type ListCandidates<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, ElectionId>,
			NMapKey<Twox64Concat, JurisdictionId>,
			NMapKey<Twox64Concat, ListIndex>,
		),
		ListCandidatesOf<T::AccountId>,
		ValueQuery,
	>;

	/// The polls of an election, by constituency (outside party lists, the one poll of the
	/// office's unit).
	// Twox64Concat: sequential election ids.
	#[pallet::storage]
	pub type ElectionPolls<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ElectionId,
		BoundedVec<(JurisdictionId, PollId), T::MaxConstituencies>,
		ValueQuery,
	>;

	/// The seats of each constituency of a party-list election, in the order of its rules'
	/// constituencies, apportioned when voting opened.
	// Twox64Concat: sequential election ids.
	#[pallet::storage]
	pub type Apportionments<T: Config> =
		StorageMap<_, Twox64Concat, ElectionId, BoundedVec<u32, T::MaxConstituencies>, ValueQuery>;

	/// The seats as last counted; once the election is certified, the seats its winners took.
	// Twox64Concat: sequential election ids.
	#[pallet::storage]
	pub type Outcomes<T: Config> = StorageMap<_, Twox64Concat, ElectionId, SeatsOf<T>>;

	/// The claimed outcome of a Phragmén election being checked (one at a time).
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<_, Twox64Concat, ElectionId, PhragmenCheckOf<T>>;

	/// The approval weights, by candidate, that a Phragmén election's accepted outcome was
	/// checked against: the outcome stands while its poll's results still match them (an
	/// exclusion on appeal changes them, and a new claim is needed).
	#[pallet::storage]
	pub type Checked<T: Config> =
		StorageMap<_, Twox64Concat, ElectionId, BoundedVec<u128, ConstU32<MAX_LISTS>>>;

	/// The candidates of each list in each constituency who were not elected, in the order in
	/// which they take a seat their list vacates.
	// Twox64Concat: sequential election ids, jurisdiction ids assigned on-chain, list indices.
	#[pallet::storage]
	pub type Reserves<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, ElectionId>,
			NMapKey<Twox64Concat, JurisdictionId>,
			NMapKey<Twox64Concat, ListIndex>,
		),
		ListCandidatesOf<T::AccountId>,
		ValueQuery,
	>;

	/// The holders of each office's seats.
	// Twox64Concat: office ids are assigned on-chain.
	#[pallet::storage]
	pub type Holders<T: Config> =
		StorageMap<_, Twox64Concat, OfficeId, BoundedVec<HolderOf<T>, T::MaxSeats>, ValueQuery>;

	/// Each person's record of service: the offices they held, oldest first.
	// Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Service<BlockNumberFor<T>>, T::MaxServiceRecords>,
		ValueQuery,
	>;

	/// The elections each person stood in: running, or withdrawn (the rest follows from the
	/// certified seats).
	// Blake2_128Concat: accounts are chosen by users; Twox64Concat: sequential election ids.
	#[pallet::storage]
	pub type Stood<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ElectionId, Standing>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An office's election rules were set.
		RulesSet {
			/// The office.
			office: OfficeId,
			/// Its rules.
			rules: OfficeRulesOf<T>,
		},
		/// An election was scheduled: nominations are open.
		ElectionScheduled {
			/// The election.
			election: ElectionId,
			/// The office.
			office: OfficeId,
			/// Why it is held.
			kind: ElectionKind,
			/// Seats it fills.
			seats: u32,
			/// How they are filled.
			method: Method<T::MaxConstituencies>,
			/// Whether candidates need a record at a lower level.
			promotion: bool,
			/// The first block of voting.
			voting_start: BlockNumberFor<T>,
			/// The first block after voting, as planned.
			voting_end: BlockNumberFor<T>,
			/// The winners' term.
			term: BlockNumberFor<T>,
			/// The end of the term a by-election fills the rest of.
			term_end: Option<BlockNumberFor<T>>,
		},
		/// A candidate nominated themselves.
		CandidateNominated {
			/// The election.
			election: ElectionId,
			/// The candidate.
			candidate: T::AccountId,
			/// The deposit held.
			deposit: BalanceOf<T>,
			/// The list and constituency, for a party-list election (on the ballot once
			/// endorsed).
			list: Option<(ListIndex, JurisdictionId)>,
		},
		/// A party list was registered.
		ListRegistered {
			/// The election.
			election: ElectionId,
			/// Its index on the ballot.
			list: ListIndex,
			/// The party's agent.
			agent: T::AccountId,
			/// Its name.
			name: BoundedVec<u8, T::MaxNameLen>,
			/// The deposit held.
			deposit: BalanceOf<T>,
		},
		/// A list's agent put a candidate on the list.
		CandidateEndorsed {
			/// The election.
			election: ElectionId,
			/// The list.
			list: ListIndex,
			/// The constituency.
			constituency: JurisdictionId,
			/// The candidate.
			candidate: T::AccountId,
			/// Their place on the list (from 0).
			place: u8,
		},
		/// A candidate withdrew; the deposit was returned.
		CandidateWithdrew {
			/// The election.
			election: ElectionId,
			/// The candidate.
			candidate: T::AccountId,
		},
		/// Voting opened: the election's polls were created.
		VotingOpened {
			/// The election.
			election: ElectionId,
			/// Its polls, by constituency.
			polls: Vec<(JurisdictionId, PollId)>,
			/// Seats by constituency (a party-list election, in its rules' order; otherwise the
			/// office's seats).
			apportionment: Vec<u32>,
			/// The first block after voting.
			voting_end: BlockNumberFor<T>,
		},
		/// Nobody stood: the election ended without a winner.
		ElectionFailed {
			/// The election.
			election: ElectionId,
		},
		/// The election was counted (provisionally, while appeals may change its polls).
		ElectionCounted {
			/// The election.
			election: ElectionId,
			/// The seats, as counted.
			seats: Vec<Seat<T::AccountId>>,
		},
		/// No candidate won a majority: a run-off between the two first opened at once.
		RunOffCalled {
			/// The first round.
			election: ElectionId,
			/// The run-off election.
			run_off: ElectionId,
			/// Its two candidates.
			candidates: Vec<T::AccountId>,
		},
		/// The election's results became final and the winners took office.
		ElectionCertified {
			/// The election.
			election: ElectionId,
			/// The office.
			office: OfficeId,
			/// The seats filled.
			seats: Vec<Seat<T::AccountId>>,
			/// The first block of the term.
			since: BlockNumberFor<T>,
			/// The end of the term.
			until: BlockNumberFor<T>,
			/// For each list that won seats in a constituency, its candidates not elected, in the
			/// order they take a seat the list vacates.
			reserves: Vec<((JurisdictionId, ListIndex), Vec<T::AccountId>)>,
		},
		/// A deposit was settled after the election.
		DepositSettled {
			/// The election.
			election: ElectionId,
			/// Whose deposit (a candidate, or a list's agent).
			who: T::AccountId,
			/// The list, if it was a list's deposit.
			list: Option<ListIndex>,
			/// The amount.
			amount: BalanceOf<T>,
			/// Whether it was returned (otherwise forfeited).
			returned: bool,
		},
		/// A seat fell vacant.
		SeatVacated {
			/// The office.
			office: OfficeId,
			/// Who left it.
			who: T::AccountId,
			/// The seat.
			seat: Seat<T::AccountId>,
			/// Whether they resigned (otherwise they were removed).
			resigned: bool,
			/// The decision removing them, if they were removed.
			reason: Option<DocumentHash>,
		},
		/// A vacated list seat went to the next candidate of the list.
		SeatPassedOn {
			/// The office.
			office: OfficeId,
			/// The election that filled it.
			election: ElectionId,
			/// The seat and its new holder.
			seat: Seat<T::AccountId>,
			/// The end of the term.
			until: BlockNumberFor<T>,
		},
		/// Someone claimed the outcome of a Phragmén election; the check may start.
		PhragmenClaimed {
			/// The election.
			election: ElectionId,
			/// Who claimed it.
			claimant: T::AccountId,
			/// The deposit held.
			deposit: BalanceOf<T>,
			/// The winners in order, each as its place on the ballot with its load.
			winners: Vec<phragmen::Winner>,
		},
		/// A claimed Phragmén outcome was checked against every ballot: accepted (its seats
		/// counted, as [`Event::ElectionCounted`] says) or refused with the fault.
		PhragmenChecked {
			/// The election.
			election: ElectionId,
			/// Who claimed it.
			claimant: T::AccountId,
			/// Ballots counted (excluded territories' ballots are read and left out).
			ballots: u32,
			/// Why it was refused, if it was (a stale claim's deposit is returned, a wrong
			/// one's forfeited).
			fault: Option<phragmen::Fault>,
			/// The approval weight by candidate the ballots read gave (once accepted, the
			/// outcome stands while the poll's results match it).
			support: Vec<u128>,
		},
		/// A primary was decided (or nobody needed one): its final opened at once.
		FinalCalled {
			/// The primary.
			election: ElectionId,
			/// The final.
			final_election: ElectionId,
			/// The candidates sent on, in their order on the primary's ballot.
			candidates: Vec<T::AccountId>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No office has this id.
		OfficeNotFound,
		/// The rules do not fit the office: plurality and two rounds fill one seat; approval
		/// fills at most 64; a party list's constituencies are existing units within the office's
		/// unit, sorted without duplicates, whose minimum seats fit in the office's seats;
		/// periods are positive; fewer than 64 preferences; the office has at most `MaxSeats`.
		InvalidRules,
		/// The office has no election rules yet.
		RulesNotFound,
		/// The office is already holding a regular election; schedule the next after it is
		/// certified.
		ElectionAlreadyRunning,
		/// Voting must start at least the rules' nomination period from now.
		NominationTooShort,
		/// No election has this id.
		ElectionNotFound,
		/// Nominations are closed: voting has started.
		NominationClosed,
		/// Candidates and list agents must carry a positive identity judgement.
		NotIdentified,
		/// The account already stands in this election.
		CandidacyAlreadyExists,
		/// The office promotes by record: the candidate has not served a full term in an office
		/// of a lower level of government (or does not meet its further conditions).
		RecordRequired,
		/// The election's ballot is full (64 candidates, or 64 on one list in one constituency,
		/// or 64 lists).
		TooManyCandidates,
		/// A party-list election's candidates stand on a list in a constituency; other
		/// elections' candidates on neither.
		ListMismatch,
		/// No list has this index in this election.
		ListNotFound,
		/// The constituency is not one of the election's.
		ConstituencyNotFound,
		/// Only party-list elections have lists.
		NotAListElection,
		/// The account does not stand in this election.
		CandidacyNotFound,
		/// Only the list's agent endorses its candidates.
		NotAuthorized,
		/// The candidate is already endorsed.
		AlreadyEndorsed,
		/// The election is not at the stage this needs.
		WrongStage,
		/// Voting has not started yet.
		VotingNotStarted,
		/// Voting is not over yet.
		VotingNotOver,
		/// The results are not final yet: a poll's appeal window is still open.
		AppealsOpen,
		/// The deposit is settled after the election is certified (or has failed).
		NotCertified,
		/// The account holds no seat of this office.
		NotAHolder,
		/// The name is longer than `MaxNameLen` or empty.
		InvalidName,
		/// The size given with the call is smaller than the election's (its constituencies,
		/// lists or seats): read it with the view function `election_size` and call again.
		SizeTooSmall,
		/// The election is not counted by Phragmén.
		NotPhragmen,
		/// Another claim of this election's outcome is being checked: check it first.
		ClaimInProgress,
		/// No claim of this election's outcome is being checked.
		NoClaim,
		/// The claim names a candidate twice, one not on the ballot, or more winners than seats.
		InvalidClaim,
		/// The election's accepted outcome still matches its ballots: nothing to claim.
		AlreadyCounted,
		/// A Phragmén election is certified once a claim of its outcome is accepted, checked
		/// against the ballots as they now count.
		ClaimNeeded,
		/// A check reads at least one ballot a call.
		LimitTooSmall,
	}

	/// Offices' rules, elections open for nominations and their first candidates, at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Offices' election rules.
		pub rules: Vec<(OfficeId, OfficeRulesOf<T>)>,
		/// Regular elections open for nominations from genesis: `(office, first block of
		/// voting)`.
		pub elections: Vec<(OfficeId, BlockNumberFor<T>)>,
		/// Candidates nominated at genesis, on the ballot of the genesis election of `office`
		/// (outside party lists): `(office, account)`. Genesis takes them as publicly identified
		/// (the chain spec's authors vouch for them); their deposits are held.
		pub candidates: Vec<(OfficeId, T::AccountId)>,
		/// Officials in office at genesis, elected before the chain: `(office, account, end of
		/// term)`. They serve from block 0 in a seat of the office's unit, filled by no election
		/// of this chain ([`GENESIS_ELECTION`]); a vacancy is filled by a by-election under the
		/// office's rules.
		pub holders: Vec<(OfficeId, T::AccountId, BlockNumberFor<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (office, rules) in self.rules.iter() {
				let (unit, seats) =
					T::Jurisdictions::office(*office).expect("genesis offices exist; qed");
				assert!(
					Pallet::<T>::rules_fit(unit, seats, rules),
					"genesis rules fit their office"
				);
				Rules::<T>::insert(office, rules.clone());
			}
			for (office, voting_start) in self.elections.iter() {
				let rules = Rules::<T>::get(office).expect("genesis elections have rules; qed");
				let (_, seats) = T::Jurisdictions::office(*office).expect("offices exist; qed");
				let election = Pallet::<T>::new_election(
					*office,
					Pallet::<T>::regular_kind(&rules),
					seats,
					&rules,
					*voting_start,
					None,
				)
				.expect("genesis election ids do not overflow; qed");
				Running::<T>::insert(office, election);
			}
			for (office, who) in self.candidates.iter() {
				let election = Running::<T>::get(office).expect("a genesis election; qed");
				let deposit = T::CandidacyDeposit::get();
				T::Currency::hold(&HoldReason::ElectionDeposit.into(), who, deposit)
					.expect("genesis candidates can pay their deposit; qed");
				Options::<T>::try_append(election, who.clone())
					.expect("at most 64 genesis candidates an election; qed");
				Elections::<T>::mutate(election, |e| {
					if let Some(e) = e {
						e.candidates = e.candidates.saturating_add(1);
					}
				});
				Candidacies::<T>::insert(
					election,
					who,
					Candidacy { deposit, list: None, endorsed: true },
				);
				Stood::<T>::insert(who, election, Standing::Running);
			}
			for (office, who, until) in self.holders.iter() {
				let (unit, seats) = T::Jurisdictions::office(*office).expect("offices exist; qed");
				let level = Pallet::<T>::office_level(*office).expect("offices have a level; qed");
				let since = BlockNumberFor::<T>::zero();
				Holders::<T>::mutate(office, |holders| {
					assert!((holders.len() as u32) < seats, "genesis holders fit the seats");
					holders
						.try_push(Holder {
							seat: Seat { who: who.clone(), constituency: unit, list: None },
							election: GENESIS_ELECTION,
							since,
							until: *until,
						})
						.expect("within MaxSeats; qed");
				});
				Pallet::<T>::add_service(
					who,
					Service {
						office: *office,
						level,
						election: GENESIS_ELECTION,
						since,
						until: *until,
						left: None,
					},
				);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxSeats::get() > 0, "MaxSeats must be positive");
			assert!(T::MaxConstituencies::get() > 0, "MaxConstituencies must be positive");
			assert!(T::MaxServiceRecords::get() > 0, "MaxServiceRecords must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_: BlockNumberFor<T>,
		) -> Result<(), frame_support::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight = <T as Config>::WeightInfo)]
	impl<T: Config> Pallet<T> {
		/// Sets an office's election rules; elections already scheduled keep theirs.
		///
		/// - Origin: [`Config::ScheduleOrigin`].
		///
		/// Emits [`Event::RulesSet`]. Errors: [`Error::OfficeNotFound`],
		/// [`Error::InvalidRules`].
		#[pallet::call_index(0)]
		pub fn set_rules(
			origin: OriginFor<T>,
			office: OfficeId,
			rules: OfficeRulesOf<T>,
		) -> DispatchResult {
			T::ScheduleOrigin::ensure_origin(origin)?;
			let (unit, seats) =
				T::Jurisdictions::office(office).ok_or(Error::<T>::OfficeNotFound)?;
			ensure!(Self::rules_fit(unit, seats, &rules), Error::<T>::InvalidRules);
			Rules::<T>::insert(office, rules.clone());
			Self::deposit_event(Event::RulesSet { office, rules });
			Ok(())
		}

		/// Schedules a regular election of all of an office's seats: nominations open now and
		/// close when voting starts at `voting_start`.
		///
		/// - Origin: [`Config::ScheduleOrigin`].
		///
		/// Emits [`Event::ElectionScheduled`]. Errors: [`Error::OfficeNotFound`],
		/// [`Error::RulesNotFound`], [`Error::InvalidRules`] (the office's seats changed since),
		/// [`Error::ElectionAlreadyRunning`], [`Error::NominationTooShort`].
		#[pallet::call_index(1)]
		pub fn schedule(
			origin: OriginFor<T>,
			office: OfficeId,
			voting_start: BlockNumberFor<T>,
		) -> DispatchResult {
			T::ScheduleOrigin::ensure_origin(origin)?;
			let (unit, seats) =
				T::Jurisdictions::office(office).ok_or(Error::<T>::OfficeNotFound)?;
			let rules = Rules::<T>::get(office).ok_or(Error::<T>::RulesNotFound)?;
			ensure!(Self::rules_fit(unit, seats, &rules), Error::<T>::InvalidRules);
			ensure!(!Running::<T>::contains_key(office), Error::<T>::ElectionAlreadyRunning);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(
				voting_start >= now.saturating_add(rules.nomination),
				Error::<T>::NominationTooShort
			);
			let election = Self::new_election(
				office,
				Self::regular_kind(&rules),
				seats,
				&rules,
				voting_start,
				None,
			)?;
			Running::<T>::insert(office, election);
			Ok(())
		}

		/// Nominates the caller as a candidate: on the ballot at once, or, in a party-list
		/// election, on list `list` in constituency `constituency` once the list's agent endorses
		/// them. Holds [`Config::CandidacyDeposit`].
		///
		/// - Origin: signed, by a publicly identified account; for an office that promotes by
		///   record, one that served a full term at a lower level (and meets [`Config::Record`]).
		///
		/// Emits [`Event::CandidateNominated`]. Errors: [`Error::ElectionNotFound`],
		/// [`Error::NominationClosed`], [`Error::NotIdentified`],
		/// [`Error::CandidacyAlreadyExists`], [`Error::RecordRequired`],
		/// [`Error::ListMismatch`], [`Error::ListNotFound`], [`Error::ConstituencyNotFound`],
		/// [`Error::TooManyCandidates`], and the currency's error if the deposit cannot be held.
		#[pallet::call_index(2)]
		pub fn nominate(
			origin: OriginFor<T>,
			election: ElectionId,
			list: Option<(ListIndex, JurisdictionId)>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			Self::ensure_nominating(&info)?;
			ensure!(T::Identity::is_identified(&who), Error::<T>::NotIdentified);
			ensure!(
				!Candidacies::<T>::contains_key(election, &who),
				Error::<T>::CandidacyAlreadyExists
			);
			if info.promotion {
				ensure!(Self::has_record(&who, info.office), Error::<T>::RecordRequired);
			}
			match (&info.method, list) {
				(Method::PartyList(rules), Some((index, constituency))) => {
					ensure!(
						usize::from(index) < Lists::<T>::decode_len(election).unwrap_or(0),
						Error::<T>::ListNotFound
					);
					ensure!(
						rules.constituencies.binary_search(&constituency).is_ok(),
						Error::<T>::ConstituencyNotFound
					);
				},
				(Method::PartyList(_), None) | (_, Some(_)) => {
					return Err(Error::<T>::ListMismatch.into())
				},
				(_, None) => {
					Options::<T>::try_append(election, who.clone())
						.map_err(|_| Error::<T>::TooManyCandidates)?;
					info.candidates = info.candidates.saturating_add(1);
					Elections::<T>::insert(election, info);
				},
			}
			let deposit = T::CandidacyDeposit::get();
			T::Currency::hold(&HoldReason::ElectionDeposit.into(), &who, deposit)?;
			Candidacies::<T>::insert(
				election,
				&who,
				Candidacy { deposit, list, endorsed: list.is_none() },
			);
			Stood::<T>::insert(&who, election, Standing::Running);
			Self::deposit_event(Event::CandidateNominated {
				election,
				candidate: who,
				deposit,
				list,
			});
			Ok(())
		}

		/// Registers a party list in a party-list election, with the caller as its agent. Holds
		/// [`Config::ListDeposit`].
		///
		/// - Origin: signed, by a publicly identified account.
		///
		/// Emits [`Event::ListRegistered`]. Errors: [`Error::ElectionNotFound`],
		/// [`Error::NotAListElection`], [`Error::NominationClosed`], [`Error::NotIdentified`],
		/// [`Error::InvalidName`], [`Error::TooManyCandidates`] (64 lists), and the currency's
		/// error if the deposit cannot be held.
		#[pallet::call_index(3)]
		pub fn register_list(
			origin: OriginFor<T>,
			election: ElectionId,
			name: BoundedVec<u8, T::MaxNameLen>,
		) -> DispatchResult {
			let agent = ensure_signed(origin)?;
			let info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			ensure!(matches!(info.method, Method::PartyList(_)), Error::<T>::NotAListElection);
			Self::ensure_nominating(&info)?;
			ensure!(T::Identity::is_identified(&agent), Error::<T>::NotIdentified);
			ensure!(!name.is_empty(), Error::<T>::InvalidName);
			let deposit = T::ListDeposit::get();
			let list = Lists::<T>::try_mutate(election, |lists| {
				let index =
					ListIndex::try_from(lists.len()).map_err(|_| Error::<T>::TooManyCandidates)?;
				lists
					.try_push(PartyList { agent: agent.clone(), name: name.clone(), deposit })
					.map_err(|_| Error::<T>::TooManyCandidates)?;
				Ok::<_, DispatchError>(index)
			})?;
			T::Currency::hold(&HoldReason::ElectionDeposit.into(), &agent, deposit)?;
			Self::deposit_event(Event::ListRegistered { election, list, agent, name, deposit });
			Ok(())
		}

		/// Puts a candidate who nominated themselves on one of the caller's lists at the end
		/// of that list in their constituency.
		///
		/// - Origin: signed, by the list's agent.
		///
		/// Emits [`Event::CandidateEndorsed`]. Errors: [`Error::ElectionNotFound`],
		/// [`Error::NominationClosed`], [`Error::CandidacyNotFound`], [`Error::NotAuthorized`],
		/// [`Error::AlreadyEndorsed`], [`Error::TooManyCandidates`].
		#[pallet::call_index(4)]
		pub fn endorse(
			origin: OriginFor<T>,
			election: ElectionId,
			candidate: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let agent = ensure_signed(origin)?;
			let candidate = T::Lookup::lookup(candidate)?;
			let mut info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			Self::ensure_nominating(&info)?;
			let mut candidacy =
				Candidacies::<T>::get(election, &candidate).ok_or(Error::<T>::CandidacyNotFound)?;
			let (list, constituency) = candidacy.list.ok_or(Error::<T>::ListMismatch)?;
			let lists = Lists::<T>::get(election);
			let owner = lists.get(usize::from(list)).ok_or(Error::<T>::ListNotFound)?;
			ensure!(owner.agent == agent, Error::<T>::NotAuthorized);
			ensure!(!candidacy.endorsed, Error::<T>::AlreadyEndorsed);
			let place = ListCandidates::<T>::try_mutate((election, constituency, list), |c| {
				let place = u8::try_from(c.len()).map_err(|_| Error::<T>::TooManyCandidates)?;
				c.try_push(candidate.clone()).map_err(|_| Error::<T>::TooManyCandidates)?;
				Ok::<_, DispatchError>(place)
			})?;
			candidacy.endorsed = true;
			Candidacies::<T>::insert(election, &candidate, candidacy);
			info.candidates = info.candidates.saturating_add(1);
			Elections::<T>::insert(election, info);
			Self::deposit_event(Event::CandidateEndorsed {
				election,
				list,
				constituency,
				candidate,
				place,
			});
			Ok(())
		}

		/// Withdraws the caller's candidacy before voting starts; the deposit is returned.
		///
		/// - Origin: signed, by the candidate.
		///
		/// Emits [`Event::CandidateWithdrew`]. Errors: [`Error::ElectionNotFound`],
		/// [`Error::NominationClosed`], [`Error::CandidacyNotFound`].
		#[pallet::call_index(5)]
		pub fn withdraw(origin: OriginFor<T>, election: ElectionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			Self::ensure_nominating(&info)?;
			let candidacy =
				Candidacies::<T>::take(election, &who).ok_or(Error::<T>::CandidacyNotFound)?;
			match candidacy.list {
				None => Options::<T>::mutate(election, |o| o.retain(|c| *c != who)),
				Some((list, constituency)) => {
					ListCandidates::<T>::mutate((election, constituency, list), |c| {
						c.retain(|x| *x != who)
					})
				},
			}
			if candidacy.endorsed {
				info.candidates = info.candidates.saturating_sub(1);
				Elections::<T>::insert(election, info);
			}
			T::Currency::release(
				&HoldReason::ElectionDeposit.into(),
				&who,
				candidacy.deposit,
				Precision::BestEffort,
			)?;
			Stood::<T>::insert(&who, election, Standing::Withdrawn);
			Self::deposit_event(Event::CandidateWithdrew { election, candidate: who });
			Ok(())
		}

		/// Opens voting once nominations are over: creates the election's polls (for a
		/// party-list election one per constituency, and apportions its seats). An election
		/// nobody stands in fails.
		///
		/// - Origin: signed (anyone).
		///
		/// - `size`: the election's size (view function `election_size`), which the weight is
		///   charged for; refunded to the actual work.
		///
		/// Emits [`Event::VotingOpened`] or [`Event::ElectionFailed`] (for a primary that no
		/// more candidates entered than it sends on: [`Event::FinalCalled`] and the final's
		/// events). Errors: [`Error::ElectionNotFound`], [`Error::SizeTooSmall`],
		/// [`Error::WrongStage`], [`Error::VotingNotStarted`], and the ballots engine's errors.
		#[pallet::call_index(6)]
		#[pallet::weight(<T as Config>::WeightInfo::open_voting(size.constituencies)
			.max(Pallet::<T>::next_round_weight(size.seats)))]
		pub fn open_voting(
			origin: OriginFor<T>,
			election: ElectionId,
			size: ElectionSize,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			Self::ensure_size(election, &info, &size)?;
			ensure!(info.stage == Stage::Nomination, Error::<T>::WrongStage);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(now >= info.voting_start, Error::<T>::VotingNotStarted);
			if let ElectionKind::Primary { advance } = info.kind {
				// No more candidates than the primary sends on (but more than the seats): all go
				// to the final without a primary vote.
				let stood = info.candidates;
				if stood > info.seats && stood <= u32::from(advance) {
					let candidates = Options::<T>::get(election).into_inner();
					Self::call_final(election, info, candidates, now)?;
					return Ok(Some(Self::next_round_weight(stood)).into());
				}
			}
			let polls = Self::do_open_voting(election, info, now)?;
			Ok(Some(<T as Config>::WeightInfo::open_voting(polls)).into())
		}

		/// Counts an election after voting: closes its polls and allocates its seats. While a
		/// poll's appeal window is open the count is provisional; anyone counts again after a
		/// territory is excluded.
		///
		/// - Origin: signed (anyone).
		///
		/// - `size`: the election's size (view function `election_size`), which the weight is
		///   charged for; refunded to the actual work.
		///
		/// Emits [`Event::ElectionCounted`]. Errors: [`Error::ElectionNotFound`],
		/// [`Error::SizeTooSmall`], [`Error::WrongStage`], [`Error::VotingNotOver`], and the
		/// ballots engine's errors.
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::count(size.constituencies, size.lists))]
		pub fn count(
			origin: OriginFor<T>,
			election: ElectionId,
			size: ElectionSize,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			Self::ensure_size(election, &info, &size)?;
			ensure!(matches!(info.stage, Stage::Voting | Stage::Counted), Error::<T>::WrongStage);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(now >= info.voting_end, Error::<T>::VotingNotOver);
			let polls = ElectionPolls::<T>::get(election);
			for (_, poll) in polls.iter() {
				T::Polls::close(*poll)?;
			}
			// (A Phragmén outcome that no longer matches the ballots counts no seat: its
			// `Checked` support stays, stale, until a new claim is accepted.)
			let counted = Self::tally(election, &info)?;
			let seats = counted.seats.clone();
			Outcomes::<T>::insert(election, counted.seats);
			info.stage = Stage::Counted;
			Elections::<T>::insert(election, info);
			Self::deposit_event(Event::ElectionCounted { election, seats: seats.into_inner() });
			Ok(Some(<T as Config>::WeightInfo::count(counted.constituencies, counted.lists)).into())
		}

		/// Certifies an election once every poll's appeal window is over: counts it a last time
		/// and installs the winners as the office's holders for the term; in a two-round election
		/// without a majority, opens the run-off between the two first instead.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::ElectionCertified`] or [`Event::RunOffCalled`] (and the run-off's
		/// [`Event::ElectionScheduled`] and [`Event::VotingOpened`]). `size`: as for
		/// [`Pallet::count`]. Errors: [`Error::ElectionNotFound`], [`Error::SizeTooSmall`],
		/// [`Error::WrongStage`], [`Error::AppealsOpen`].
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::certify_weight(&size))]
		pub fn certify(
			origin: OriginFor<T>,
			election: ElectionId,
			size: ElectionSize,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			Self::ensure_size(election, &info, &size)?;
			ensure!(info.stage == Stage::Counted, Error::<T>::WrongStage);
			let now = T::BlockNumberProvider::current_block_number();
			for (_, poll) in ElectionPolls::<T>::get(election).iter() {
				let final_ = T::Polls::summary(*poll).is_none_or(|s| now >= s.appeal_end);
				ensure!(final_, Error::<T>::AppealsOpen);
			}
			let weight = Self::do_certify(election, info, now)?;
			Ok(Some(weight).into())
		}

		/// Settles a candidate's deposit after the election is certified or failed: returned to
		/// the elected and to those with at least [`Config::DepositReturn`] of the votes (for a
		/// list candidate, their list's share), forfeited to [`Config::ForfeitAccount`]
		/// otherwise.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::DepositSettled`]. Errors: [`Error::ElectionNotFound`],
		/// [`Error::CandidacyNotFound`], [`Error::NotCertified`].
		#[pallet::call_index(9)]
		#[pallet::weight(<T as Config>::WeightInfo::release_deposit(T::MaxConstituencies::get()))]
		pub fn release_deposit(
			origin: OriginFor<T>,
			election: ElectionId,
			candidate: AccountIdLookupOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let who = T::Lookup::lookup(candidate)?;
			let info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			let candidacy =
				Candidacies::<T>::get(election, &who).ok_or(Error::<T>::CandidacyNotFound)?;
			ensure!(
				matches!(info.stage, Stage::Certified | Stage::Failed),
				Error::<T>::NotCertified
			);
			let returned =
				info.stage == Stage::Failed || Self::keeps_deposit(election, &who, &candidacy);
			Candidacies::<T>::remove(election, &who);
			Self::settle(election, &who, None, candidacy.deposit, returned)
		}

		/// Settles a party list's deposit after the election is certified or failed: returned if
		/// the list won a seat or at least [`Config::DepositReturn`] of all list votes, forfeited
		/// otherwise.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::DepositSettled`]. Errors: [`Error::ElectionNotFound`],
		/// [`Error::ListNotFound`], [`Error::NotCertified`].
		#[pallet::call_index(10)]
		#[pallet::weight(<T as Config>::WeightInfo::release_deposit(T::MaxConstituencies::get()))]
		pub fn release_list_deposit(
			origin: OriginFor<T>,
			election: ElectionId,
			list: ListIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			ensure!(
				matches!(info.stage, Stage::Certified | Stage::Failed),
				Error::<T>::NotCertified
			);
			let mut lists = Lists::<T>::get(election);
			let entry = lists.get_mut(usize::from(list)).ok_or(Error::<T>::ListNotFound)?;
			ensure!(!entry.deposit.is_zero(), Error::<T>::ListNotFound);
			let amount = core::mem::replace(&mut entry.deposit, Zero::zero());
			let agent = entry.agent.clone();
			Lists::<T>::insert(election, lists);
			let returned = info.stage == Stage::Failed || Self::list_keeps_deposit(election, list);
			Self::settle(election, &agent, Some(list), amount, returned)
		}

		/// Gives up the caller's seat; it passes to the next candidate of the same list, or a
		/// by-election fills it for the rest of the term.
		///
		/// - Origin: signed, by a holder of the office.
		///
		/// Emits [`Event::SeatVacated`], then [`Event::SeatPassedOn`] or a by-election's
		/// [`Event::ElectionScheduled`]. Errors: [`Error::NotAHolder`].
		#[pallet::call_index(11)]
		#[pallet::weight(Pallet::<T>::vacate_weight())]
		pub fn resign(origin: OriginFor<T>, office: OfficeId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::vacate(office, &who, None)
		}

		/// Removes a holder from office (a court ruling); the seat is filled as on resignation.
		///
		/// - Origin: [`Config::RemovalOrigin`]. `reason` is the hash of the decision.
		///
		/// Emits [`Event::SeatVacated`], then [`Event::SeatPassedOn`] or a by-election's
		/// [`Event::ElectionScheduled`]. Errors: [`Error::NotAHolder`].
		#[pallet::call_index(12)]
		#[pallet::weight(Pallet::<T>::vacate_weight())]
		pub fn remove_holder(
			origin: OriginFor<T>,
			office: OfficeId,
			who: AccountIdLookupOf<T>,
			reason: DocumentHash,
		) -> DispatchResult {
			T::RemovalOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::vacate(office, &who, Some(reason))
		}

		/// Claims the outcome of a counted Phragmén election: its winners in the order elected,
		/// each as its place on the ballot with the load it was elected with, as
		/// [`phragmen::elect`] computes them from the stored ballots (`veche-client
		/// election-count` prints the claim). Holds [`Config::ClaimDeposit`] until the claim
		/// is checked ([`Pallet::check_phragmen`]).
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::PhragmenClaimed`]. Errors: [`Error::ElectionNotFound`],
		/// [`Error::NotPhragmen`], [`Error::WrongStage`] (not counted, or certified),
		/// [`Error::ClaimInProgress`], [`Error::AlreadyCounted`], [`Error::InvalidClaim`], and
		/// the currency's error if the deposit cannot be held.
		#[pallet::call_index(13)]
		#[pallet::weight(<T as Config>::WeightInfo::claim_phragmen())]
		pub fn claim_phragmen(
			origin: OriginFor<T>,
			election: ElectionId,
			winners: ClaimOf,
		) -> DispatchResult {
			let claimant = ensure_signed(origin)?;
			let info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			ensure!(info.method == Method::Phragmen, Error::<T>::NotPhragmen);
			ensure!(info.stage == Stage::Counted, Error::<T>::WrongStage);
			ensure!(!Claims::<T>::contains_key(election), Error::<T>::ClaimInProgress);
			let Some((_, poll)) = ElectionPolls::<T>::get(election).first().copied() else {
				// Unopposed: counted without a vote.
				return Err(Error::<T>::AlreadyCounted.into());
			};
			ensure!(!Self::phragmen_current(election, poll), Error::<T>::AlreadyCounted);
			let options = u8::try_from(Options::<T>::decode_len(election).unwrap_or(0))
				.map_err(|_| Error::<T>::InvalidClaim)?;
			let mut seen = [false; MAX_LISTS as usize];
			let well_formed = u32::try_from(winners.len()).is_ok_and(|k| k <= info.seats)
				&& winners.iter().all(|(c, _)| {
					*c < options
						&& seen
							.get_mut(usize::from(*c))
							.is_some_and(|s| !core::mem::replace(s, true))
				});
			ensure!(well_formed, Error::<T>::InvalidClaim);
			let deposit = T::ClaimDeposit::get();
			T::Currency::hold(&HoldReason::ClaimDeposit.into(), &claimant, deposit)?;
			Claims::<T>::insert(
				election,
				PhragmenCheck {
					claimant: claimant.clone(),
					deposit,
					winners: winners.clone(),
					after: None,
					ballots: 0,
					sums: phragmen::Sums::new(options, winners.len()),
				},
			);
			Self::deposit_event(Event::PhragmenClaimed {
				election,
				claimant,
				deposit,
				winners: winners.into_inner(),
			});
			Ok(())
		}

		/// Checks the claimed outcome of a Phragmén election against up to `limit` more of its
		/// ballots; after the last, accepts it (its seats are counted, and the deposit
		/// returned) or refuses it with the fault (the deposit forfeited to
		/// [`Config::ForfeitAccount`], or returned if the ballots changed meanwhile).
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::PhragmenChecked`] (and [`Event::ElectionCounted`] if accepted) once
		/// the last ballot is read. Errors: [`Error::ElectionNotFound`], [`Error::NoClaim`],
		/// [`Error::LimitTooSmall`].
		#[pallet::call_index(14)]
		#[pallet::weight(<T as Config>::WeightInfo::check_phragmen(*limit))]
		pub fn check_phragmen(
			origin: OriginFor<T>,
			election: ElectionId,
			limit: u32,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(limit > 0, Error::<T>::LimitTooSmall);
			let info = Elections::<T>::get(election).ok_or(Error::<T>::ElectionNotFound)?;
			let mut check = Claims::<T>::get(election).ok_or(Error::<T>::NoClaim)?;
			let (_, poll) =
				ElectionPolls::<T>::get(election).first().copied().ok_or(Error::<T>::NoClaim)?;
			let page = T::Polls::ballot_page(poll, check.after, limit);
			let counted = u32::try_from(page.ballots.len()).unwrap_or(u32::MAX);
			for (marks, weight) in page.ballots.iter() {
				check.sums.add(&check.winners, marks, u64::from(*weight));
			}
			check.ballots = check.ballots.saturating_add(counted);
			check.after = page.last.or(check.after);
			// Every ballot read costs, excluded ones too.
			let used = <T as Config>::WeightInfo::check_phragmen(page.read.max(1));
			if !page.done {
				Claims::<T>::insert(election, check);
				return Ok(Some(used).into());
			}
			Claims::<T>::remove(election);
			let results = T::Polls::results(poll).ok_or(Error::<T>::ElectionNotFound)?;
			let current = support_matches(&check.sums.support, &results.options);
			let fault = if current {
				check.sums.verify(&check.winners, info.seats).err()
			} else {
				Some(phragmen::Fault::Stale)
			};
			Self::settle_claim(&check, fault)?;
			if fault.is_none() {
				let options = Options::<T>::get(election);
				let (unit, _) =
					T::Jurisdictions::office(info.office).ok_or(Error::<T>::OfficeNotFound)?;
				let seats: Vec<Seat<T::AccountId>> = check
					.winners
					.iter()
					.filter_map(|(c, _)| options.get(usize::from(*c)))
					.map(|who| Seat { who: who.clone(), constituency: unit, list: None })
					.collect();
				Outcomes::<T>::insert(election, BoundedVec::truncate_from(seats.clone()));
				Checked::<T>::insert(election, check.sums.support.clone());
				Self::deposit_event(Event::ElectionCounted { election, seats });
			}
			Self::deposit_event(Event::PhragmenChecked {
				election,
				claimant: check.claimant,
				ballots: check.ballots,
				fault,
				support: check.sums.support.into_inner(),
			});
			Ok(Some(used).into())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// An election, its polls and its seats as last counted.
		pub fn election(
			election: ElectionId,
		) -> Option<(ElectionOf<T>, Vec<(JurisdictionId, PollId)>, Vec<Seat<T::AccountId>>)> {
			let info = Elections::<T>::get(election)?;
			let polls = ElectionPolls::<T>::get(election).into_inner();
			let seats = Outcomes::<T>::get(election).map(|s| s.into_inner()).unwrap_or_default();
			Some((info, polls, seats))
		}

		/// The size of an election, to give with `open_voting`, `count` and `certify`.
		pub fn election_size(election: ElectionId) -> Option<ElectionSize> {
			let info = Elections::<T>::get(election)?;
			Some(Self::size_of(election, &info))
		}

		/// The holders of an office whose term has not ended.
		pub fn holders(office: OfficeId) -> Vec<HolderOf<T>> {
			let now = T::BlockNumberProvider::current_block_number();
			Holders::<T>::get(office).into_iter().filter(|h| h.until > now).collect()
		}

		/// A person's public record as an official: the offices held, the elections stood in
		/// with how each ended (the most recent [`PORTRAIT_ELECTIONS`]), the promises made with
		/// their statuses, the rated periods and the recall procedures against them.
		pub fn portrait(who: T::AccountId) -> Portrait<BlockNumberFor<T>> {
			Self::portrait_of(&who)
		}
	}
}

/// The election a seat held at genesis is recorded under: none of this chain's.
pub const GENESIS_ELECTION: ElectionId = ElectionId::MAX;

/// The most elections a portrait lists.
pub const PORTRAIT_ELECTIONS: usize = 64;

/// A person's public record as an official.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct Portrait<BlockNumber> {
	/// Offices held, oldest first.
	pub offices: Vec<Service<BlockNumber>>,
	/// Elections stood in, with how each ended.
	pub elections: Vec<(ElectionId, OfficeId, Standing)>,
	/// The promises made in those elections, with their statuses now.
	pub promises: Vec<PromiseSummary>,
	/// The closed rating periods of the offices held (the ratings' bounded history).
	pub ratings: Vec<pallet_veche_primitives::RatingSummary>,
	/// The recall procedures against them, with how each ended.
	pub recalls: Vec<pallet_veche_primitives::RecallSummary<BlockNumber>>,
}

/// A lookup source of accounts.
pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

impl<T: Config> Pallet<T> {
	/// The size of an election: what its counting's weight depends on.
	fn size_of(election: ElectionId, info: &ElectionOf<T>) -> ElectionSize {
		let constituencies = match &info.method {
			Method::PartyList(rules) => {
				u32::try_from(rules.constituencies.len()).unwrap_or(u32::MAX)
			},
			_ => 1,
		};
		let lists =
			u32::try_from(Lists::<T>::decode_len(election).unwrap_or(0)).unwrap_or(u32::MAX);
		// A primary's certification writes the candidacies of those it sends on.
		let seats = match info.kind {
			ElectionKind::Primary { advance } => info.seats.max(u32::from(advance)),
			_ => info.seats,
		};
		ElectionSize { constituencies, lists, seats }
	}

	/// The size given with a call covers the election's.
	fn ensure_size(
		election: ElectionId,
		info: &ElectionOf<T>,
		size: &ElectionSize,
	) -> DispatchResult {
		let actual = Self::size_of(election, info);
		ensure!(
			actual.constituencies <= size.constituencies
				&& actual.lists <= size.lists
				&& actual.seats <= size.seats,
			Error::<T>::SizeTooSmall
		);
		Ok(())
	}

	/// The weight of certifying an election of `size`, or of opening its run-off or final
	/// (a candidacy written for each candidate sent on, as a seat is for each winner).
	fn certify_weight(size: &ElectionSize) -> Weight {
		<T as Config>::WeightInfo::certify(size.constituencies, size.lists, size.seats)
			.max(Self::next_round_weight(size.seats))
	}

	/// Whether Phragmén election `election`'s accepted outcome still matches its poll's
	/// results (no exclusion has changed them since it was checked).
	fn phragmen_current(election: ElectionId, poll: PollId) -> bool {
		let (Some(checked), Some(results)) = (Checked::<T>::get(election), T::Polls::results(poll))
		else {
			return false;
		};
		support_matches(&checked, &results.options)
	}

	/// Returns a checked claim's deposit, or forfeits it if the claim was wrong (a stale one
	/// was nobody's fault).
	fn settle_claim(check: &PhragmenCheckOf<T>, fault: Option<phragmen::Fault>) -> DispatchResult {
		let reason = HoldReason::ClaimDeposit.into();
		match fault {
			None | Some(phragmen::Fault::Stale) => {
				T::Currency::release(
					&reason,
					&check.claimant,
					check.deposit,
					Precision::BestEffort,
				)?;
			},
			Some(_) => {
				T::Currency::transfer_on_hold(
					&reason,
					&check.claimant,
					&T::ForfeitAccount::get(),
					check.deposit,
					Precision::BestEffort,
					Restriction::Free,
					Fortitude::Force,
				)?;
			},
		}
		Ok(())
	}

	/// The weight of opening the next round (a run-off or a final) for `candidates`.
	fn next_round_weight(candidates: u32) -> Weight {
		<T as Config>::WeightInfo::certify(1, 0, candidates.max(1))
			.saturating_add(<T as Config>::WeightInfo::open_voting(1))
	}

	/// Whether `rules` fit an office of `seats` seats at `unit`.
	fn rules_fit(unit: JurisdictionId, seats: u32, rules: &OfficeRulesOf<T>) -> bool {
		let periods =
			!rules.term.is_zero() && !rules.nomination.is_zero() && !rules.voting.is_zero();
		let seats_fit = seats > 0 && seats <= T::MaxSeats::get();
		let method_fits = match &rules.method {
			Method::Plurality | Method::TwoRound => seats == 1,
			Method::Approval => seats < MAX_LISTS,
			Method::Phragmen => seats <= phragmen::MAX_SEATS,
			Method::PartyList(l) => {
				let c = &l.constituencies;
				let count = u32::try_from(c.len()).unwrap_or(u32::MAX);
				!c.is_empty()
					&& c.windows(2).all(|w| matches!(w, [a, b] if a < b))
					&& c.iter().all(|u| T::Jurisdictions::is_within(*u, unit))
					&& !c.iter().any(|u| {
						T::Jurisdictions::ancestors(*u)
							.iter()
							.skip(1)
							.any(|a| c.binary_search(a).is_ok())
					}) && l.min_seats.checked_mul(count).is_some_and(|m| m <= seats)
					&& u32::from(l.preferences) < MAX_LISTS
			},
		};
		// A primary sends on more candidates than there are seats, at most a ballot's worth,
		// to a final outside party lists.
		let primary_fits = rules.primary == 0
			|| (!matches!(rules.method, Method::PartyList(_))
				&& u32::from(rules.primary) > seats
				&& u32::from(rules.primary) <= MAX_LISTS);
		periods && seats_fit && method_fits && primary_fits
	}

	/// The kind of a regular election of an office with `rules`: with its primary, if any.
	fn regular_kind(rules: &OfficeRulesOf<T>) -> ElectionKind {
		match rules.primary {
			0 => ElectionKind::Regular,
			advance => ElectionKind::Primary { advance },
		}
	}

	/// Whether `kind` fills every seat of its office (a regular election, its primary, final
	/// or run-off) rather than one vacant seat.
	fn is_regular(kind: ElectionKind) -> bool {
		// A run-off's first round is a regular election, a final or a by-election; a final's
		// previous round is a primary.
		let mut kind = kind;
		for _ in 0..3 {
			match kind {
				ElectionKind::Regular | ElectionKind::Primary { .. } => return true,
				ElectionKind::ByElection => return false,
				ElectionKind::RunOff { first_round: previous }
				| ElectionKind::Final { primary: previous } => match Elections::<T>::get(previous) {
					Some(info) => kind = info.kind,
					None => return false,
				},
			}
		}
		false
	}

	/// Creates an election of `office` and emits its event.
	fn new_election(
		office: OfficeId,
		kind: ElectionKind,
		seats: u32,
		rules: &OfficeRulesOf<T>,
		voting_start: BlockNumberFor<T>,
		term_end: Option<BlockNumberFor<T>>,
	) -> Result<ElectionId, DispatchError> {
		let election = NextElectionId::<T>::get();
		NextElectionId::<T>::put(election.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		let info = Election {
			office,
			kind,
			seats,
			method: rules.method.clone(),
			promotion: rules.promotion,
			voting_start,
			voting_end: voting_start.saturating_add(rules.voting),
			term: rules.term,
			term_end,
			stage: Stage::Nomination,
			candidates: 0,
		};
		Self::deposit_event(Event::ElectionScheduled {
			election,
			office,
			kind,
			seats,
			method: info.method.clone(),
			promotion: info.promotion,
			voting_start,
			voting_end: info.voting_end,
			term: info.term,
			term_end,
		});
		Elections::<T>::insert(election, info);
		Ok(election)
	}

	/// Nominations are open: the election is at its first stage and voting has not started.
	fn ensure_nominating(info: &ElectionOf<T>) -> DispatchResult {
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(
			info.stage == Stage::Nomination && now < info.voting_start,
			Error::<T>::NominationClosed
		);
		Ok(())
	}

	/// The level of government of `office`: the kind of its unit.
	fn office_level(office: OfficeId) -> Option<pallet_veche_primitives::UnitKind> {
		T::Jurisdictions::office(office).and_then(|(unit, _)| T::Jurisdictions::unit_kind(unit))
	}

	/// Whether `who` has served a full term in an office of a lower level than `office`'s, and
	/// meets [`Config::Record`].
	fn has_record(who: &T::AccountId, office: OfficeId) -> bool {
		let Some(level) = Self::office_level(office) else { return false };
		let now = T::BlockNumberProvider::current_block_number();
		let served = Records::<T>::get(who)
			.iter()
			.any(|s| level_rank(s.level) < level_rank(level) && s.full_term(now));
		served && T::Record::qualifies(who, office, level)
	}

	/// Creates the polls of an election whose nominations are over (or fails it), and returns
	/// how many it created.
	fn do_open_voting(
		election: ElectionId,
		mut info: ElectionOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<u32, DispatchError> {
		if info.candidates == 0 {
			info.stage = Stage::Failed;
			Elections::<T>::insert(election, info.clone());
			if Running::<T>::get(info.office) == Some(election) {
				Running::<T>::remove(info.office);
			}
			Self::deposit_event(Event::ElectionFailed { election });
			return Ok(0);
		}
		let unopposed =
			!matches!(info.method, Method::PartyList(_)) && info.candidates <= info.seats;
		if unopposed {
			// No more candidates than seats: all are elected without a vote.
			let counted = Self::tally(election, &info)?;
			let seats = counted.seats.clone().into_inner();
			Outcomes::<T>::insert(election, counted.seats);
			info.stage = Stage::Counted;
			info.voting_end = now;
			Elections::<T>::insert(election, info);
			Self::deposit_event(Event::ElectionCounted { election, seats });
			return Ok(0);
		}
		let (unit, _) = T::Jurisdictions::office(info.office).ok_or(Error::<T>::OfficeNotFound)?;
		let start = now;
		let voting = info.voting_end.saturating_sub(info.voting_start);
		let end = now.saturating_add(voting);
		let mut polls: BoundedVec<(JurisdictionId, PollId), T::MaxConstituencies> =
			BoundedVec::new();
		let apportionment: Vec<u32> = match &info.method {
			Method::PartyList(rules) => {
				let lists = Lists::<T>::decode_len(election).unwrap_or(0);
				let lists = u8::try_from(lists).map_err(|_| Error::<T>::TooManyCandidates)?;
				let mut persons = Vec::with_capacity(rules.constituencies.len());
				for c in rules.constituencies.iter() {
					let sizes: Vec<u8> = (0..lists)
						.map(|l| {
							u8::try_from(
								ListCandidates::<T>::decode_len((election, *c, l)).unwrap_or(0),
							)
							.unwrap_or(u8::MAX)
						})
						.collect();
					let poll = T::Polls::create(
						pallet_veche_primitives::PollKind::PartyList {
							lists,
							preferences: rules.preferences,
						},
						BoundedVec::truncate_from(sizes),
						pallet_veche_primitives::Electorate::of(BoundedVec::truncate_from(
							alloc::vec![*c],
						)),
						start,
						end,
					)?;
					polls.try_push((*c, poll)).map_err(|_| Error::<T>::InvalidRules)?;
					persons.push(u64::from(T::Polls::summary(poll).map_or(0, |s| s.roll_size)));
				}
				let floor = alloc::vec![rules.min_seats; rules.constituencies.len()];
				let seats = seats::highest_averages(
					&persons,
					info.seats,
					seats::Divisor::SainteLague,
					&floor,
					&[],
				);
				// Constituencies without anyone registered still get their minimum; seats no
				// constituency could take (nobody registered anywhere) go to the first ones.
				Apportionments::<T>::insert(election, BoundedVec::truncate_from(seats.clone()));
				seats
			},
			method => {
				let options = Options::<T>::get(election);
				let n = u8::try_from(options.len()).map_err(|_| Error::<T>::TooManyCandidates)?;
				// More candidates than seats (at least 2).
				let kind = match method {
					Method::Approval => pallet_veche_primitives::PollKind::Approval {
						options: n,
						max: u8::try_from(info.seats).unwrap_or(u8::MAX).min(n),
					},
					// Approve of any number.
					Method::Phragmen => {
						pallet_veche_primitives::PollKind::Approval { options: n, max: n }
					},
					_ => pallet_veche_primitives::PollKind::SingleChoice { options: n },
				};
				let poll = T::Polls::create(
					kind,
					BoundedVec::new(),
					pallet_veche_primitives::Electorate::of(BoundedVec::truncate_from(
						alloc::vec![unit],
					)),
					start,
					end,
				)?;
				polls.try_push((unit, poll)).map_err(|_| Error::<T>::InvalidRules)?;
				alloc::vec![info.seats]
			},
		};
		let created = u32::try_from(polls.len()).unwrap_or(u32::MAX);
		ElectionPolls::<T>::insert(election, polls.clone());
		info.voting_start = start;
		info.voting_end = end;
		info.stage = Stage::Voting;
		Elections::<T>::insert(election, info);
		Self::deposit_event(Event::VotingOpened {
			election,
			polls: polls.into_inner(),
			apportionment,
			voting_end: end,
		});
		Ok(created)
	}

	/// Certifies a counted election whose appeal windows are over; returns the weight used.
	fn do_certify(
		election: ElectionId,
		mut info: ElectionOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<Weight, DispatchError> {
		let counted = Self::tally(election, &info)?;
		ensure!(!counted.unsettled, Error::<T>::ClaimNeeded);
		if let (Method::TwoRound, Some([first, second])) = (&info.method, counted.run_off.clone()) {
			info.stage = Stage::Certified;
			Elections::<T>::insert(election, info.clone());
			Outcomes::<T>::insert(election, counted.seats);
			let rules = OfficeRules {
				method: Method::Plurality,
				term: info.term,
				nomination: info.voting_end.saturating_sub(info.voting_start),
				voting: info.voting_end.saturating_sub(info.voting_start),
				promotion: false,
				primary: 0,
			};
			let kind = ElectionKind::RunOff { first_round: election };
			let pair = alloc::vec![first, second];
			let called =
				|run_off| Event::RunOffCalled { election, run_off, candidates: pair.clone() };
			Self::open_next_round(&info, kind, 1, &rules, &pair, called, now)?;
			return Ok(Self::next_round_weight(2));
		}
		if let Some(candidates) = counted.advancing {
			let sent = u32::try_from(candidates.len()).unwrap_or(u32::MAX);
			Self::call_final(election, info, candidates, now)?;
			return Ok(Self::next_round_weight(sent));
		}
		let until = info.term_end.unwrap_or_else(|| now.saturating_add(info.term));
		let level = Self::office_level(info.office).ok_or(Error::<T>::OfficeNotFound)?;
		// The office's holders: a regular election replaces them all; a by-election (and a
		// run-off of one) adds its seat to those still in office.
		let regular = Self::is_regular(info.kind);
		// A by-election adds its seat to the holders still in office (those whose term is over
		// are dropped); a regular election replaces them all.
		let mut holders = if regular {
			BoundedVec::new()
		} else {
			let mut current = Holders::<T>::get(info.office);
			current.retain(|h| h.until > now);
			current
		};
		// Never more holders than seats: a by-election whose seat a regular election has filled
		// in the meantime installs nobody.
		let office_seats = T::Jurisdictions::office(info.office).map_or(0, |(_, s)| s);
		let free = usize::try_from(office_seats)
			.unwrap_or(usize::MAX)
			.saturating_sub(holders.len());
		let installed: Vec<Seat<T::AccountId>> = counted.seats.iter().take(free).cloned().collect();
		if regular {
			// Those whose term this election ends leave office now.
			for old in Holders::<T>::get(info.office).iter() {
				Self::end_service(&old.seat.who, info.office, old.election, now);
			}
		}
		for seat in installed.iter() {
			let holder = Holder { seat: seat.clone(), election, since: now, until };
			holders.try_push(holder).map_err(|_| Error::<T>::InvalidRules)?;
			Self::add_service(
				&seat.who,
				Service { office: info.office, level, election, since: now, until, left: None },
			);
		}
		Holders::<T>::insert(info.office, holders);
		let mut reserves = Vec::with_capacity(counted.reserves.len());
		for ((constituency, list), reserve) in counted.reserves {
			if !reserve.is_empty() {
				reserves.push(((constituency, list), reserve.to_vec()));
				Reserves::<T>::insert((election, constituency, list), reserve);
			}
		}
		info.stage = Stage::Certified;
		let office = info.office;
		Elections::<T>::insert(election, info);
		if Running::<T>::get(office) == Some(election) {
			Running::<T>::remove(office);
		}
		let filled = u32::try_from(installed.len()).unwrap_or(u32::MAX);
		Outcomes::<T>::insert(election, BoundedVec::truncate_from(installed.clone()));
		let seats = installed;
		Self::deposit_event(Event::ElectionCertified {
			election,
			office,
			seats,
			since: now,
			until,
			reserves,
		});
		Ok(<T as Config>::WeightInfo::certify(counted.constituencies, counted.lists, filled))
	}

	/// Certifies primary `election` (the seats are not filled yet) and opens its final between
	/// `candidates`, voting from now.
	fn call_final(
		election: ElectionId,
		mut info: ElectionOf<T>,
		candidates: Vec<T::AccountId>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		info.stage = Stage::Certified;
		Elections::<T>::insert(election, info.clone());
		Outcomes::<T>::insert(election, SeatsOf::<T>::new());
		let rules = OfficeRules {
			method: info.method.clone(),
			term: info.term,
			nomination: info.voting_end.saturating_sub(info.voting_start),
			voting: info.voting_end.saturating_sub(info.voting_start),
			promotion: false,
			primary: 0,
		};
		let kind = ElectionKind::Final { primary: election };
		let called = |final_election| Event::FinalCalled {
			election,
			final_election,
			candidates: candidates.clone(),
		};
		Self::open_next_round(&info, kind, info.seats, &rules, &candidates, called, now)?;
		Ok(())
	}

	/// Creates the next round of `info`'s election (a run-off or a final, by `kind`) filling
	/// `seats` by `rules` between `candidates`, who stand in it on their first candidacy (no
	/// new deposit), emits `called` for it, and opens its voting from now. It becomes the
	/// office's running election if the previous round was.
	fn open_next_round(
		info: &ElectionOf<T>,
		kind: ElectionKind,
		seats: u32,
		rules: &OfficeRulesOf<T>,
		candidates: &[T::AccountId],
		called: impl FnOnce(ElectionId) -> Event<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let next = Self::new_election(info.office, kind, seats, rules, now, info.term_end)?;
		// The office's running election is now this round (a by-election's run-off replaces
		// no regular election that is running).
		if kind.previous_round().is_some_and(|p| Running::<T>::get(info.office) == Some(p)) {
			Running::<T>::insert(info.office, next);
		}
		let options: BallotOptions<T::AccountId> =
			BoundedVec::try_from(candidates.to_vec()).map_err(|_| Error::<T>::TooManyCandidates)?;
		for who in options.iter() {
			Candidacies::<T>::insert(
				next,
				who,
				Candidacy { deposit: Zero::zero(), list: None, endorsed: true },
			);
			Stood::<T>::insert(who, next, Standing::Running);
		}
		Options::<T>::insert(next, options);
		let mut next_info = Elections::<T>::get(next).ok_or(Error::<T>::ElectionNotFound)?;
		next_info.candidates = u32::try_from(candidates.len()).unwrap_or(u32::MAX);
		Self::deposit_event(called(next));
		Self::do_open_voting(next, next_info, now)?;
		Ok(())
	}

	/// Ends `who`'s service in `office` given by `election` at `now`, if it has not ended.
	fn end_service(
		who: &T::AccountId,
		office: OfficeId,
		election: ElectionId,
		now: BlockNumberFor<T>,
	) {
		Records::<T>::mutate(who, |records| {
			for s in records.iter_mut() {
				if s.office == office && s.election == election && s.left.is_none() && now < s.until
				{
					s.left = Some(now);
				}
			}
		});
	}

	/// Adds a service record; when the record is full the oldest entry goes.
	fn add_service(who: &T::AccountId, service: Service<BlockNumberFor<T>>) {
		Records::<T>::mutate(who, |records| {
			if records.is_full() && !records.is_empty() {
				records.remove(0);
			}
			let _ = records.try_push(service);
		});
	}

	/// Returns or forfeits a settled deposit and emits the event.
	fn settle(
		election: ElectionId,
		who: &T::AccountId,
		list: Option<ListIndex>,
		amount: BalanceOf<T>,
		returned: bool,
	) -> DispatchResult {
		let reason = HoldReason::ElectionDeposit.into();
		if returned {
			T::Currency::release(&reason, who, amount, Precision::BestEffort)?;
		} else {
			T::Currency::transfer_on_hold(
				&reason,
				who,
				&T::ForfeitAccount::get(),
				amount,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)?;
		}
		Self::deposit_event(Event::DepositSettled {
			election,
			who: who.clone(),
			list,
			amount,
			returned,
		});
		Ok(())
	}

	/// Whether a candidate keeps the deposit: elected, sent on to a run-off or a final, or with
	/// enough of the votes (a list candidate: their list's share).
	fn keeps_deposit(
		election: ElectionId,
		who: &T::AccountId,
		candidacy: &Candidacy<BalanceOf<T>>,
	) -> bool {
		if Outcomes::<T>::get(election).is_some_and(|s| s.iter().any(|seat| seat.who == *who)) {
			return true;
		}
		if Self::next_round_of(election, who).is_some() {
			return true;
		}
		if let Some((list, _)) = candidacy.list {
			return Self::list_keeps_deposit(election, list);
		}
		let Some(options) = Options::<T>::get(election).iter().position(|c| c == who) else {
			return false;
		};
		let Some((_, poll)) = ElectionPolls::<T>::get(election).first().copied() else {
			return false;
		};
		let Some(results) = T::Polls::results(poll) else { return false };
		let mine = results.options.get(options).copied().unwrap_or(0);
		let all = results.options.iter().fold(0u64, |s, v| s.saturating_add(*v));
		seats::reaches(mine, all, T::DepositReturn::get())
	}

	/// Whether a list keeps its deposit: it won a seat, or has enough of all list votes.
	fn list_keeps_deposit(election: ElectionId, list: ListIndex) -> bool {
		if Outcomes::<T>::get(election)
			.is_some_and(|s| s.iter().any(|seat| seat.list == Some(list)))
		{
			return true;
		}
		let (mut mine, mut all) = (0u64, 0u64);
		for (_, poll) in ElectionPolls::<T>::get(election).iter() {
			if let Some(results) = T::Polls::results(*poll) {
				mine = mine
					.saturating_add(results.options.get(usize::from(list)).copied().unwrap_or(0));
				all = all
					.saturating_add(results.options.iter().fold(0u64, |s, v| s.saturating_add(*v)));
			}
		}
		seats::reaches(mine, all, T::DepositReturn::get())
	}

	/// The weight of vacating a seat either way: passing it on to a list's next candidate
	/// (benchmarked with `resign`) or calling a by-election (with `remove_holder`).
	fn vacate_weight() -> Weight {
		<T as Config>::WeightInfo::resign().max(<T as Config>::WeightInfo::remove_holder())
	}

	/// Takes `who` out of a seat of `office`, and fills the seat from the list's reserve or by
	/// a by-election.
	fn vacate(
		office: OfficeId,
		who: &T::AccountId,
		reason: Option<DocumentHash>,
	) -> DispatchResult {
		let now = T::BlockNumberProvider::current_block_number();
		let mut holders = Holders::<T>::get(office);
		let at = holders
			.iter()
			.position(|h| h.seat.who == *who && h.until > now)
			.ok_or(Error::<T>::NotAHolder)?;
		let holder = holders.remove(at);
		Self::end_service(who, office, holder.election, now);
		Self::deposit_event(Event::SeatVacated {
			office,
			who: who.clone(),
			seat: holder.seat.clone(),
			resigned: reason.is_none(),
			reason,
		});
		// A list seat goes to the next candidate of that list in that constituency.
		if let Some(list) = holder.seat.list {
			let key = (holder.election, holder.seat.constituency, list);
			let mut reserve = Reserves::<T>::get(key);
			if !reserve.is_empty() {
				let next = reserve.remove(0);
				Reserves::<T>::insert(key, reserve);
				let seat = Seat {
					who: next.clone(),
					constituency: holder.seat.constituency,
					list: Some(list),
				};
				let level = Self::office_level(office).ok_or(Error::<T>::OfficeNotFound)?;
				holders
					.try_push(Holder {
						seat: seat.clone(),
						election: holder.election,
						since: now,
						until: holder.until,
					})
					.map_err(|_| Error::<T>::InvalidRules)?;
				Self::add_service(
					&next,
					Service {
						office,
						level,
						election: holder.election,
						since: now,
						until: holder.until,
						left: None,
					},
				);
				Holders::<T>::insert(office, holders);
				Self::deposit_event(Event::SeatPassedOn {
					office,
					election: holder.election,
					seat,
					until: holder.until,
				});
				return Ok(());
			}
		}
		Holders::<T>::insert(office, holders);
		// Otherwise a by-election for the rest of the term, unless a regular election of the
		// office is under way (it fills every seat) or the office has no rules any more.
		if Running::<T>::contains_key(office) {
			return Ok(());
		}
		let Some(rules) = Rules::<T>::get(office) else { return Ok(()) };
		let method = match rules.method {
			Method::TwoRound => Method::TwoRound,
			_ => Method::Plurality,
		};
		let by_rules = OfficeRules { method, primary: 0, ..rules };
		Self::new_election(
			office,
			ElectionKind::ByElection,
			1,
			&by_rules,
			now.saturating_add(by_rules.nomination),
			Some(holder.until),
		)?;
		Ok(())
	}

	/// A person's portrait (see the view function).
	fn portrait_of(who: &T::AccountId) -> Portrait<BlockNumberFor<T>> {
		let mut elections: Vec<(ElectionId, OfficeId, Standing)> = Stood::<T>::iter_prefix(who)
			.map(|(election, standing)| {
				let info = Elections::<T>::get(election);
				let office = info.as_ref().map_or(0, |i| i.office);
				let standing = match (standing, info.map(|i| i.stage)) {
					(Standing::Running, Some(Stage::Certified)) => {
						let seats = Outcomes::<T>::get(election).unwrap_or_default();
						let elected = seats.iter().any(|s| s.who == *who);
						let next = Self::next_round_of(election, who).map(|(_, i)| i.kind);
						match (elected, next) {
							(true, _) => Standing::Elected,
							(false, Some(ElectionKind::Final { .. })) => Standing::Advanced,
							(false, Some(_)) => Standing::InRunOff,
							(false, None) => Standing::NotElected,
						}
					},
					(Standing::Running, Some(Stage::Failed)) => Standing::NotElected,
					(s, _) => s,
				};
				(election, office, standing)
			})
			.take(PORTRAIT_ELECTIONS)
			.collect();
		elections.sort_by_key(|(e, _, _)| *e);
		Portrait {
			offices: Records::<T>::get(who).into_inner(),
			elections,
			promises: T::Promises::promises_of(who),
			ratings: <T::Ratings as pallet_veche_primitives::RatingBook<_, _>>::ratings_of(who),
			recalls: <T::Recalls as pallet_veche_primitives::RecallBook<_, _>>::recalls_of(who),
		}
	}

	/// The next round (a run-off or a final) `who` went on to from `election`, if they did.
	fn next_round_of(
		election: ElectionId,
		who: &T::AccountId,
	) -> Option<(ElectionId, ElectionOf<T>)> {
		Stood::<T>::iter_prefix(who).find_map(|(e, _)| {
			Elections::<T>::get(e)
				.filter(|i| i.kind.previous_round() == Some(election))
				.map(|i| (e, i))
		})
	}
}

/// Where a candidacy stands, for promises (which a candidate enters while nominating and reports
/// on while serving) and later ratings.
impl<T: Config> pallet_veche_primitives::CandidacyInspect<T::AccountId, BlockNumberFor<T>>
	for Pallet<T>
{
	fn candidacy(
		who: &T::AccountId,
		election: ElectionId,
	) -> pallet_veche_primitives::CandidacyState<BlockNumberFor<T>> {
		// A primary leads to a final, which may lead to a run-off: two rounds on at most.
		Self::candidacy_in_round(who, election, 2)
	}
}

/// Who holds which office, for ratings (residents rate holders) and recall (a confidence vote
/// may remove one).
impl<T: Config> pallet_veche_primitives::Officeholders<T::AccountId, BlockNumberFor<T>>
	for Pallet<T>
{
	fn mandate(
		office: OfficeId,
		who: &T::AccountId,
	) -> Option<pallet_veche_primitives::Mandate<BlockNumberFor<T>>> {
		let now = T::BlockNumberProvider::current_block_number();
		Holders::<T>::get(office)
			.into_iter()
			.find(|h| h.seat.who == *who && h.until > now)
			.map(|h| pallet_veche_primitives::Mandate {
				office,
				since: h.since,
				until: h.until,
				left: None,
			})
	}

	fn record(who: &T::AccountId) -> Vec<pallet_veche_primitives::Mandate<BlockNumberFor<T>>> {
		Records::<T>::get(who)
			.into_iter()
			.map(|s| pallet_veche_primitives::Mandate {
				office: s.office,
				since: s.since,
				until: s.until,
				left: s.left,
			})
			.collect()
	}

	fn holders(office: OfficeId) -> Vec<T::AccountId> {
		let now = T::BlockNumberProvider::current_block_number();
		Holders::<T>::get(office)
			.into_iter()
			.filter(|h| h.since <= now && h.until > now)
			.map(|h| h.seat.who)
			.collect()
	}

	fn recall(office: OfficeId, who: &T::AccountId, reason: DocumentHash) -> DispatchResult {
		Self::vacate(office, who, Some(reason))
	}
}

impl<T: Config> Pallet<T> {
	/// Where `who`'s candidacy in `election` stands, following it into at most `rounds` later
	/// rounds (a final, a run-off) it went on to.
	fn candidacy_in_round(
		who: &T::AccountId,
		election: ElectionId,
		rounds: u8,
	) -> pallet_veche_primitives::CandidacyState<BlockNumberFor<T>> {
		use pallet_veche_primitives::{CandidacyState, Mandate};
		let Some(standing) = Stood::<T>::get(who, election) else {
			return CandidacyState::None;
		};
		let Some(info) = Elections::<T>::get(election) else { return CandidacyState::None };
		// A seat from this election, or from later succession on its list.
		let seat = Records::<T>::get(who).into_iter().find(|s| s.election == election);
		if let Some(s) = seat {
			return CandidacyState::Elected(Mandate {
				office: s.office,
				since: s.since,
				until: s.until,
				left: s.left,
			});
		}
		let now = T::BlockNumberProvider::current_block_number();
		match (standing, info.stage) {
			(Standing::Withdrawn, _) => CandidacyState::Ended,
			(_, Stage::Nomination) if now < info.voting_start => CandidacyState::Nominating,
			(_, Stage::Nomination | Stage::Voting | Stage::Counted) => CandidacyState::Running,
			(_, Stage::Failed) => CandidacyState::Ended,
			(_, Stage::Certified) => {
				// Elected, although the bounded record of service has since dropped the seat
				// (its oldest entries go first): the certified seats still say so, and the
				// term's details are gone.
				if Outcomes::<T>::get(election)
					.is_some_and(|s| s.iter().any(|seat| seat.who == *who))
				{
					let zero = BlockNumberFor::<T>::zero();
					return CandidacyState::Elected(Mandate {
						office: info.office,
						since: zero,
						until: zero,
						left: Some(zero),
					});
				}
				// On to a run-off or a final: the candidacy stands as it does there.
				match (Self::next_round_of(election, who), rounds.checked_sub(1)) {
					(Some((next, _)), Some(rounds)) => Self::candidacy_in_round(who, next, rounds),
					_ => CandidacyState::Ended,
				}
			},
		}
	}
}

/// An office is in use while it has election rules, a running election or holders: the
/// jurisdiction tree keeps it.
impl<T: Config> pallet_veche_primitives::JurisdictionUsage for Pallet<T> {
	fn unit_in_use(_: JurisdictionId) -> bool {
		false
	}
	fn office_in_use(id: OfficeId) -> bool {
		Rules::<T>::contains_key(id)
			|| Running::<T>::contains_key(id)
			|| Holders::<T>::contains_key(id)
	}
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// - no election has an id at or beyond the next one;
	/// - an election's candidate count equals its ballot's candidates (its options, or its
	///   lists' endorsed candidates), and every one of them has a candidacy;
	/// - an election's polls are one per constituency (one outside party lists), and exist
	///   from voting on;
	/// - counted seats never exceed the election's seats, and are won by its candidates;
	/// - an office's holders never exceed its seats, and each holds a seat of a certified
	///   election of that office;
	/// - an office's running election exists, is of that office and is not certified or failed;
	/// - a Phragmén claim is of a counted Phragmén election and names no more winners than seats,
	///   and only Phragmén elections have checked outcomes;
	/// - a primary sends on more candidates than the seats, outside party lists; a final follows
	///   a certified primary of its office, between candidates who stood in it, no more than it
	///   sends on.
	pub fn do_try_state() -> Result<(), frame_support::sp_runtime::TryRuntimeError> {
		let next = NextElectionId::<T>::get();
		for (id, info) in Elections::<T>::iter() {
			ensure!(id < next, "election id beyond the next one");
			let on_ballot: Vec<T::AccountId> = match &info.method {
				Method::PartyList(rules) => {
					let mut all = Vec::new();
					for c in rules.constituencies.iter() {
						for l in
							0..u8::try_from(Lists::<T>::decode_len(id).unwrap_or(0)).unwrap_or(0)
						{
							all.extend(ListCandidates::<T>::get((id, *c, l)).into_inner());
						}
					}
					all
				},
				_ => Options::<T>::get(id).into_inner(),
			};
			ensure!(
				u32::try_from(on_ballot.len()).ok() == Some(info.candidates),
				"candidate count differs from the ballot"
			);
			if info.stage == Stage::Nomination {
				ensure!(
					on_ballot
						.iter()
						.all(|c| Candidacies::<T>::get(id, c).is_some_and(|c| c.endorsed)),
					"a candidate on the ballot without an endorsed candidacy"
				);
			}
			match info.kind {
				ElectionKind::Primary { advance } => ensure!(
					u32::from(advance) > info.seats && !matches!(info.method, Method::PartyList(_)),
					"a primary sending on no more than the seats, or of party lists"
				),
				ElectionKind::Final { primary } => {
					let first =
						Elections::<T>::get(primary).ok_or("a final without its primary")?;
					let ElectionKind::Primary { advance } = first.kind else {
						return Err("a final after something else than a primary".into());
					};
					ensure!(
						first.office == info.office && first.stage == Stage::Certified,
						"a final of another office, or before its primary was certified"
					);
					ensure!(
						info.candidates <= u32::from(advance)
							&& on_ballot.iter().all(|c| Stood::<T>::contains_key(c, primary)),
						"a final's candidates did not all come through its primary"
					);
				},
				ElectionKind::Regular | ElectionKind::ByElection | ElectionKind::RunOff { .. } => {
				},
			}
			let polls = ElectionPolls::<T>::get(id);
			match (&info.method, info.stage) {
				(_, Stage::Nomination | Stage::Failed) => {
					ensure!(polls.is_empty(), "polls before voting opened")
				},
				// Unopposed: elected without a vote.
				(Method::Plurality | Method::TwoRound | Method::Approval | Method::Phragmen, _)
					if info.candidates <= info.seats =>
				{
					ensure!(polls.is_empty(), "a poll of an unopposed election")
				},
				// A primary no more entered than it sends on: all went on without a vote.
				(_, _)
					if matches!(info.kind, ElectionKind::Primary { advance }
					if info.candidates <= u32::from(advance)) =>
				{
					ensure!(polls.is_empty(), "a poll of a primary everyone went through")
				},
				(Method::PartyList(rules), _) => ensure!(
					polls.iter().map(|(c, _)| *c).collect::<Vec<_>>()
						== rules.constituencies.to_vec(),
					"a party-list election's polls are not one per constituency"
				),
				_ => ensure!(polls.len() == 1, "an election outside party lists has one poll"),
			}
			if let Some(seats) = Outcomes::<T>::get(id) {
				ensure!(
					u32::try_from(seats.len()).unwrap_or(u32::MAX) <= info.seats,
					"more seats counted than the election fills"
				);
				ensure!(
					seats.iter().all(|s| on_ballot.contains(&s.who)),
					"a seat won by someone not on the ballot"
				);
			}
		}
		for (office, holders) in Holders::<T>::iter() {
			let seats = T::Jurisdictions::office(office).map_or(0, |(_, s)| s);
			ensure!(
				u32::try_from(holders.len()).unwrap_or(u32::MAX) <= seats,
				"more holders than the office has seats"
			);
			for h in holders.iter() {
				// Seated at genesis, elected before the chain.
				if h.election == GENESIS_ELECTION {
					ensure!(
						h.since.is_zero() && h.seat.list.is_none(),
						"a genesis seat that is not held from block 0 outside lists"
					);
					continue;
				}
				let info =
					Elections::<T>::get(h.election).ok_or("holder of an unknown election")?;
				ensure!(info.office == office, "holder of another office's election");
				ensure!(info.stage == Stage::Certified, "holder of an uncertified election");
				let won = Outcomes::<T>::get(h.election).unwrap_or_default();
				match h.seat.list {
					// A list seat: the list won at least as many seats there as it holds.
					Some(list) => {
						let same = |s: &Seat<T::AccountId>| {
							s.list == Some(list) && s.constituency == h.seat.constituency
						};
						let held = holders
							.iter()
							.filter(|x| x.election == h.election && same(&x.seat))
							.count();
						ensure!(
							held <= won.iter().filter(|s| same(s)).count(),
							"a list holds more seats than it won"
						);
					},
					None => {
						ensure!(won.contains(&h.seat), "a holder the certified count did not elect")
					},
				}
			}
		}
		for (id, check) in Claims::<T>::iter() {
			let info = Elections::<T>::get(id).ok_or("a claim of an unknown election")?;
			ensure!(
				info.method == Method::Phragmen && info.stage == Stage::Counted,
				"a claim of an election that is not a counted Phragmén one"
			);
			ensure!(
				u32::try_from(check.winners.len()).is_ok_and(|k| k <= info.seats),
				"a claim of more winners than seats"
			);
		}
		for id in Checked::<T>::iter_keys() {
			let info = Elections::<T>::get(id).ok_or("a checked outcome of an unknown election")?;
			ensure!(info.method == Method::Phragmen, "a checked outcome outside Phragmén");
		}
		for (office, id) in Running::<T>::iter() {
			let info = Elections::<T>::get(id).ok_or("running election unknown")?;
			ensure!(info.office == office, "running election of another office");
			ensure!(
				!matches!(info.stage, Stage::Certified | Stage::Failed),
				"a finished election still running"
			);
		}
		Ok(())
	}
}

/// Whether the approval support a Phragmén check summed equals a poll's results, candidate by
/// candidate (a missing result counting as zero): the outcome was checked against these ballots.
fn support_matches(support: &[u128], results: &[u64]) -> bool {
	support
		.iter()
		.enumerate()
		.all(|(i, s)| *s == u128::from(results.get(i).copied().unwrap_or(0)))
}
