//! # Ballots
//!
//! The one voting engine of Veche: anonymous one-person-one-vote polls with re-voting, weights by
//! credential, per-territory tallies, exclusion of a territory on appeal, and recount.
//!
//! ## Overview
//!
//! A [`Poll`] has a context, a kind ([`PollKind`]: yes/no, one of N, approval of up to K of N,
//! party lists with preference votes, a rating of an official: approval and majority-judgment
//! grades by policy sphere), an electorate ([`Electorate`]: units whose constituencies vote,
//! and a weight per credential class), a voting window and an appeal window. Governance creates polls with
//! [`Pallet::create_poll`]; other pallets (elections, recall, juries, referenda) create them
//! through [`Pallet::create`].
//!
//! A voter casts a [`Ballot`] with [`Pallet::cast`]: a feeless general transaction with no
//! account, authorized (`#[pallet::authorize]`) by a ring-VRF proof that the voter belongs to the
//! ring of a territory in the electorate, as the poll's *roll* holds it: the ring revisions current
//! when the poll was created (see personhood's roll), so that a key that entered later — a new
//! registration, a rotation, a reinstatement — never gives anyone a second ballot. The proof signs
//! the poll, the choice and a sequence number, and yields the voter's alias in the poll's context:
//! the same for one person within one poll, unlinkable across polls. One alias has one ballot; a
//! ballot numbered exactly one more than the stored one replaces it (re-voting until the poll
//! ends, against coercion); any other number is refused, so an old ballot cannot be replayed to
//! undo a re-vote and a coercer cannot number a ballot so high that no re-vote can follow. Ballots from one alias are at
//! least [`Config::RevoteCooldown`] blocks apart, which bounds what one voter can make the chain
//! verify.
//!
//! Ballots are counted incrementally, O(1) each, per (poll, territory) and per poll, where the
//! territory is the voter's constituency. After the end anyone closes the poll
//! ([`Pallet::close`]): its results are stored and emitted. Until the appeal window ends the
//! [`Config::AppealOrigin`] may exclude a territory after proven fraud
//! ([`Pallet::exclude_territory`]); the results are recomputed from the territorial tallies.
//!
//! Anyone can check the counting: a voter looks up the ballot stored for their alias (view
//! function [`Pallet::ballot_of`]); [`Pallet::recount`] recounts the stored ballots on-chain in
//! bounded, resumable chunks and compares the result with the incremental tallies; and
//! `veche-client recount` recomputes the results from chain data alone. After the retention
//! period the ballots are purged in chunks ([`Pallet::purge`]); the poll and its results stay.
//!
//! ## Terms
//!
//! - **Alias**: the pseudonym a ring-VRF proof yields for the poll's context.
//! - **Territory**: the ring set a ballot's proof comes from — a constituency, or the parent unit
//!   small constituencies are pooled into; tallies and exclusions are per territory. No ring, and
//!   so no territory, holds fewer keys than the anonymity floor.
//! - **Roll**: the ring revisions frozen at the poll's creation; `roll_size` (the keys the roll
//!   holds in the electorate) is the turnout base, and a people's referendum's support base.
//! - **Weight**: what a ballot counts for: the electorate's base weight, or the weight of a
//!   credential class the voter also proves (with a second proof by the same alias).
//! - **Sequence number**: the voter's own counter; the first ballot carries 1, each re-vote
//!   exactly one more than the ballot it replaces.
//! - **People's referendum**: its poll ([`Pallet::open_referendum`]) takes ballots from everyone
//!   for as long as the referendum is being decided, and hears appeals while it runs.
//!
//! ## Example
//!
//! Three voters in two towns, one re-vote, and the results:
#![doc = docify::embed!("src/tests/casting.rs", voters_cast_revote_and_the_poll_closes_with_results)]
//!
//! ## Implementation notes
//!
//! - **Verification in batches.** Checking one ring proof alone costs about 37 ms of wasm on
//!   the benchmark machine, most of it setting up the verifier; one proof at a time would cap a
//!   block at about 40 ballots.
//!   The transaction pool checks each ballot's proofs in full before accepting it (source
//!   `External` or `Local`). Inside a block (source `InBlock`) authorization only does the cheap
//!   checks and [`Pallet::cast`] queues the ballot in [`PendingBallots`]; at the end of the block
//!   (`on_finalize`) all queued proofs are verified in one combined check
//!   ([`PersonhoodVerifier::verify_batch`], ring by ring: about 29 ms for the batch plus 12.9 ms
//!   per proof, so about 100 ballots fill a 6 s block's 1.5 s for ordinary transactions) and
//!   only then are the ballots recorded and counted. A ballot whose proof fails there (only a
//!   collator that skipped its own pool's checks can include one) is dropped with
//!   [`Event::BallotRejected`] and changes nothing else. Each `cast` is charged its share of the
//!   batch; the block's first ballot also carries the batch's fixed cost.
//! - **Proofs are not stored.** They stay in the block bodies; state keeps per alias only what a
//!   recount needs ([`BallotRecord`]).
//! - **Privacy.** Ballots are anonymous, not encrypted: running tallies are public, as in the
//!   design of Veche. Only the constituency (and, for weighted ballots, the credential class) of a
//!   voter is visible.
//! - **Clock.** Windows are in blocks of this chain (`frame_system`'s block number).
//! - **No unbounded loops.** Closing, exclusion and recomputation are O(options); recount and
//!   purge resume from cursors, bounded per call.

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
#[cfg(any(test, feature = "runtime-benchmarks"))]
pub mod fixtures;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	dispatch::{DispatchResultWithPostInfo, PostDispatchInfo},
	pallet_prelude::*,
	sp_runtime::{
		traits::{BlakeTwo256, BlockNumberProvider, Bounded, Hash, Saturating, Zero},
		ArithmeticError,
	},
	traits::Polling,
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{
	add_at, merge_counts, Alias, AliasLists, BallotPage, Context, JurisdictionId,
	JurisdictionInspect, JurisdictionUsage, OfficeId, PersonhoodVerifier, PollEngine, PollId,
	PollStage, PollSummary, ProofError, ProofItem, RingSet, Roll, RollUsage,
};

/// The index of a people's referendum.
pub type ReferendumIndexOf<T> = <<T as Config>::Referenda as Polling<PeopleTally>>::Index;

/// The ballots pallet: polls, anonymous ballots authorized by ring-VRF proofs, territorial
/// tallies, appeals, recount and people's referenda.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The layout of this pallet's storage. Version 1 is the layout as of the first settled call
	/// API; every later change of layout raises it and comes with a migration. Version 2: an
	/// electorate may name an alias list ([`Electorate::aliases`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The pallet's clock: polls open, end, take appeals and are purged at its blocks, and
		/// re-votes wait `RevoteCooldown` of them. The runtime passes `System` (this parachain's
		/// blocks, the clock its people's referenda run on too).
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// Checks ring-VRF proofs of personhood: `pallet-veche-personhood` in the runtime.
		type Personhood: PersonhoodVerifier;

		/// The jurisdiction tree: whether a voter's constituency lies within the electorate.
		type Jurisdictions: JurisdictionInspect;

		/// Governance: creates polls directly.
		type CreateOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Decides appeals: excludes a territory's ballots after proven fraud.
		type AppealOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The longest voting window, in blocks of this chain.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// How long after a poll's end, in blocks, a territory can still be excluded on appeal.
		#[pallet::constant]
		type AppealPeriod: Get<BlockNumberFor<Self>>;

		/// How long after the appeal window, in blocks, ballots are kept before they may be purged.
		#[pallet::constant]
		type RetentionPeriod: Get<BlockNumberFor<Self>>;

		/// The fewest blocks between two ballots of one alias in one poll (at least 1).
		#[pallet::constant]
		type RevoteCooldown: Get<BlockNumberFor<Self>>;

		/// The most ballots one block carries (the batch verified at its end).
		#[pallet::constant]
		type MaxBallotsPerBlock: Get<u32>;

		/// The transaction priority of a ballot (a re-vote adds its sequence number, so that it
		/// replaces the voter's earlier ballot still waiting in the pool).
		#[pallet::constant]
		type BallotPriority: Get<TransactionPriority>;

		/// Referenda decided by ballots (a `pallet-referenda` instance with a people's track):
		/// once a poll is opened for one of them, its tally follows the poll's ballots, and the
		/// poll takes ballots for as long as the referendum is being decided. Every person of
		/// every country votes, one vote each; support is turnout over the poll's roll.
		type Referenda: Polling<PeopleTally, Moment = BlockNumberFor<Self>>;

		/// Who is on the alias lists that alone vote in some polls ([`Electorate::aliases`]):
		/// juries' seated jurors (`pallet-veche-juries` in the runtime).
		type AliasLists: AliasLists;

		/// Weights of this pallet's calls, benchmarked.
		type WeightInfo: WeightInfo;

		/// Sets up rings and proofs for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper;
	}

	/// Polls by index.
	// Twox64Concat: sequential ids assigned by the pallet.
	#[pallet::storage]
	pub type Polls<T: Config> = StorageMap<_, Twox64Concat, PollId, Poll<BlockNumberFor<T>>>;

	/// The index the next poll gets.
	#[pallet::storage]
	pub type NextPollId<T: Config> = StorageValue<_, PollId, ValueQuery>;

	/// The ballot recorded for each alias in each poll.
	// Twox64Concat: sequential poll ids; Identity: aliases are hash outputs nobody can choose,
	// and their order is the order a recount walks in.
	#[pallet::storage]
	pub type Ballots<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Identity, Alias, BallotRecord<BlockNumberFor<T>>>;

	/// The tally of each territory of each poll (excluded territories keep theirs).
	// Twox64Concat: sequential poll ids and jurisdiction ids assigned on-chain.
	#[pallet::storage]
	pub type Tallies<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Twox64Concat, JurisdictionId, Tally>;

	/// The tally of all territories of each poll, excluded ones included.
	// Twox64Concat: sequential poll ids.
	#[pallet::storage]
	pub type Totals<T: Config> = StorageMap<_, Twox64Concat, PollId, Tally>;

	/// The sum of the tallies of each poll's excluded territories.
	// Twox64Concat: sequential poll ids.
	#[pallet::storage]
	pub type ExcludedTotals<T: Config> = StorageMap<_, Twox64Concat, PollId, Tally>;

	/// Territories excluded on appeal, with the hash of the decision.
	// Twox64Concat: sequential poll ids and jurisdiction ids assigned on-chain.
	#[pallet::storage]
	pub type Excluded<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Twox64Concat, JurisdictionId, DocumentHash>;

	/// The results of each closed poll: its total minus its excluded territories.
	// Twox64Concat: sequential poll ids.
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, PollId, Tally>;

	/// Ballots of the current block waiting for the batch verification at its end. Emptied in
	/// every `on_finalize`: never present between blocks.
	#[pallet::storage]
	pub type PendingBallots<T: Config> =
		StorageValue<_, BoundedVec<PendingBallot, T::MaxBallotsPerBlock>, ValueQuery>;

	/// The aliases with a ballot in [`PendingBallots`], per poll. Emptied with it.
	// Twox64Concat: sequential poll ids; Identity: aliases are hash outputs.
	#[pallet::storage]
	pub type PendingAliases<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Identity, Alias, ()>;

	/// On-chain recounts in progress.
	// Twox64Concat: sequential poll ids.
	#[pallet::storage]
	pub type Recounts<T: Config> = StorageMap<_, Twox64Concat, PollId, Recount>;

	/// The tallies a recount in progress has counted so far, per territory.
	// Twox64Concat: sequential poll ids and jurisdiction ids assigned on-chain.
	#[pallet::storage]
	pub type RecountTallies<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Twox64Concat, JurisdictionId, Tally>;

	/// The verdict of each poll's last completed recount.
	// Twox64Concat: sequential poll ids.
	#[pallet::storage]
	pub type RecountVerdicts<T: Config> =
		StorageMap<_, Twox64Concat, PollId, RecountVerdict<BlockNumberFor<T>>>;

	/// The poll of each people's referendum opened for voting.
	// Twox64Concat: referendum indices are sequential.
	#[pallet::storage]
	pub type ReferendumPolls<T: Config> = StorageMap<_, Twox64Concat, ReferendumIndexOf<T>, PollId>;

	/// The people's referendum each such poll decides.
	// Twox64Concat: sequential poll ids.
	#[pallet::storage]
	pub type PollReferenda<T: Config> = StorageMap<_, Twox64Concat, PollId, ReferendumIndexOf<T>>;

	/// How many polls not yet purged froze their roll at each point of the roll clock. The key is
	/// the point in big-endian bytes, so that the map iterates in the clock's order and
	/// [`RollUsage::roll_in_use`] finds the first point at or after another with one read.
	// Identity: the keys are roll points chosen by the pallet, and their order is what a lookup
	// needs.
	#[pallet::storage]
	pub type LiveRolls<T: Config> = StorageMap<_, Identity, [u8; 4], u32>;

	/// How many polls not yet purged name each unit in their electorate.
	// Twox64Concat: jurisdiction ids assigned on-chain.
	#[pallet::storage]
	pub type UnitPolls<T: Config> = StorageMap<_, Twox64Concat, JurisdictionId, u32, ValueQuery>;

	/// The length of each list of each party-list poll (kept with the poll).
	// Twox64Concat: sequential poll ids.
	#[pallet::storage]
	pub type PollLists<T: Config> = StorageMap<_, Twox64Concat, PollId, ListSizes>;

	/// The preference votes of each list in each territory of each party-list poll (excluded
	/// territories keep theirs), by place on the list; for a rating poll, the grade histograms
	/// of each part of its spheres ([`PollKind::sub_marks`]) in each territory. Maps keyed by
	/// list below hold a rating's parts the same way.
	// Twox64Concat: sequential poll ids, jurisdiction ids assigned on-chain, list indices.
	#[pallet::storage]
	pub type Preferences<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, PollId>,
			NMapKey<Twox64Concat, JurisdictionId>,
			NMapKey<Twox64Concat, u8>,
		),
		PreferenceCounts,
	>;

	/// The preference votes of each list of each party-list poll in all its territories,
	/// excluded ones included; kept with the results when the ballots are purged.
	// Twox64Concat: sequential poll ids and list indices.
	#[pallet::storage]
	pub type PreferenceTotals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Twox64Concat, u8, PreferenceCounts>;

	/// The preference votes of each list in a party-list poll's excluded territories; kept with
	/// the results when the ballots are purged.
	// Twox64Concat: sequential poll ids and list indices.
	#[pallet::storage]
	pub type ExcludedPreferences<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Twox64Concat, u8, PreferenceCounts>;

	/// The preference votes a recount in progress has counted so far, per territory and list.
	// Twox64Concat: sequential poll ids, jurisdiction ids assigned on-chain, list indices.
	#[pallet::storage]
	pub type RecountPreferences<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, PollId>,
			NMapKey<Twox64Concat, JurisdictionId>,
			NMapKey<Twox64Concat, u8>,
		),
		PreferenceCounts,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A poll was created and its roll frozen.
		PollCreated {
			/// The poll.
			poll: PollId,
			/// The context its aliases are drawn in.
			context: Context,
			/// What it asks.
			kind: PollKind,
			/// The length of each list (a party-list poll; empty for other kinds).
			lists: ListSizes,
			/// Who votes, with what weight.
			electorate: Electorate,
			/// The roll: ring revisions current at this point of the roll clock vote.
			roll: Roll,
			/// How many keys the roll holds in the electorate: the turnout base.
			roll_size: u32,
			/// The first block of voting.
			start: BlockNumberFor<T>,
			/// The first block after voting (the largest block number for a people's
			/// referendum, whose poll ends when it is decided).
			end: BlockNumberFor<T>,
			/// The first block in which no territory can be excluded on appeal any more.
			appeal_end: BlockNumberFor<T>,
			/// The first block in which the ballots may be purged.
			retain_until: BlockNumberFor<T>,
		},
		/// A ballot was verified, recorded and counted.
		BallotRecorded {
			/// The poll.
			poll: PollId,
			/// The voter's alias in the poll.
			alias: Alias,
			/// The voter's constituency.
			territory: JurisdictionId,
			/// The options marked.
			choice: Choice,
			/// The voter's sequence number.
			sequence: u32,
			/// The weight it counts with.
			weight: u32,
			/// Whether it replaced the voter's earlier ballot.
			replaced: bool,
		},
		/// A ballot included in the block failed the batch verification and was dropped.
		BallotRejected {
			/// The poll.
			poll: PollId,
			/// The alias the proof claimed.
			alias: Alias,
			/// Why.
			reason: ProofError,
		},
		/// A poll was closed and its results stored.
		PollClosed {
			/// The poll.
			poll: PollId,
			/// Its results.
			results: Tally,
			/// The end of its voting (for a people's referendum: this block).
			end: BlockNumberFor<T>,
			/// The first block in which its results are final.
			appeal_end: BlockNumberFor<T>,
			/// The first block in which its ballots may be purged.
			retain_until: BlockNumberFor<T>,
		},
		/// A territory's ballots were excluded on appeal.
		TerritoryExcluded {
			/// The poll.
			poll: PollId,
			/// The territory.
			territory: JurisdictionId,
			/// The hash of the decision.
			reason: DocumentHash,
			/// How many ballots it had.
			ballots: u32,
		},
		/// A closed poll's results were recomputed after an exclusion.
		ResultsRecomputed {
			/// The poll.
			poll: PollId,
			/// Its new results.
			results: Tally,
		},
		/// A recount counted a chunk of ballots or compared a chunk of territories.
		RecountProgressed {
			/// The poll.
			poll: PollId,
			/// Ballots counted so far.
			ballots: u32,
			/// Territories compared so far.
			territories: u32,
		},
		/// A recount finished.
		RecountCompleted {
			/// The poll.
			poll: PollId,
			/// Ballots recounted.
			ballots: u32,
			/// Territories compared.
			territories: u32,
			/// Territories whose recount differs from the incremental tally (0: agreement).
			mismatches: u32,
		},
		/// A poll was opened for a people's referendum; its ballots decide the referendum.
		ReferendumPollOpened {
			/// The referendum.
			referendum: ReferendumIndexOf<T>,
			/// Its poll.
			poll: PollId,
		},
		/// Some of a poll's ballots and tallies were purged after the retention period.
		BallotsPurged {
			/// The poll.
			poll: PollId,
			/// Entries removed by this call.
			removed: u32,
			/// Whether everything is gone (the poll is now `Purged`).
			complete: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No poll has this index.
		PollNotFound,
		/// The kind is malformed: a poll has 2..=64 options and an approval limit between 1 and
		/// the number of options.
		InvalidKind,
		/// The electorate names no unit, names an unknown unit, is not sorted without
		/// duplicates, or gives a credential class a zero weight; or it names an alias list
		/// (only juries create such polls, one vote each, never `create_poll`).
		InvalidElectorate,
		/// The voting window must start no earlier than now and end after it starts.
		InvalidWindow,
		/// The voting window is longer than `MaxVotingPeriod`.
		VotingPeriodTooLong,
		/// Voting has not started yet; ballots are accepted from the poll's `start`.
		NotYetOpen,
		/// Voting has ended; ballots are accepted only before the poll's `end`.
		VotingEnded,
		/// A mark names an option the poll does not have (in a party-list poll: a list that does
		/// not exist, or has no candidates in this poll).
		ChoiceOutOfRange,
		/// The ballot marks more options than the poll allows (one, or the approval limit).
		TooManyMarks,
		/// The marks must be strictly ascending (each option at most once).
		MarksNotAscending,
		/// The proof's ring is not a constituency ring.
		NotAConstituencyRing,
		/// The voter's constituency is not in the poll's electorate.
		OutsideElectorate,
		/// The credential proof's ring is not a credential ring, or its class carries no weight
		/// in this poll.
		CredentialNotCounted,
		/// Only holders of a credential weighted by the poll may vote; add a credential proof.
		CredentialRequired,
		/// A proof cannot be decoded.
		MalformedProof,
		/// A proof names a ring that does not exist or has no members.
		RingNotFound,
		/// A proof names a ring revision that is not in the poll's roll (it was finished after
		/// the poll was created, or replaced before): prove against the revision of the poll's
		/// roll (`Personhood::roll_ring`). A key that entered a ring after the poll was created
		/// votes from the next poll.
		NotInRoll,
		/// A proof's ring holds fewer keys than the anonymity floor (`Personhood::MinRingSize`).
		RingTooSmall,
		/// A proof does not verify for this ring, the poll's context and this ballot.
		InvalidProof,
		/// The credential proof was made by someone else than the constituency proof (another
		/// alias).
		AliasMismatch,
		/// The sequence number is not the voter's previous one plus one (1 for a first ballot):
		/// check the stored ballot (`ballot_of`) and number the re-vote after it.
		SequenceNotNext,
		/// The voter's previous ballot is too recent; wait `RevoteCooldown` blocks between
		/// ballots.
		RevoteTooSoon,
		/// This block already carries `MaxBallotsPerBlock` ballots; the next block will take it.
		TooManyBallotsInBlock,
		/// The poll cannot be closed before its end (a people's referendum's poll: before the
		/// referendum is decided).
		VotingNotOver,
		/// The poll is already closed.
		AlreadyClosed,
		/// Appeals are heard only after voting has ended (for a people's referendum: once voting
		/// has started).
		AppealTooEarly,
		/// The appeal window of this poll has passed; its results are final.
		AppealWindowClosed,
		/// No ballot of this territory was counted in this poll.
		TerritoryNotFound,
		/// This territory is already excluded.
		AlreadyExcluded,
		/// Recounts run on closed polls, before their retention period ends.
		NotRecountable,
		/// The ballots are kept until the poll's `retain_until`.
		RetentionNotOver,
		/// The poll's ballots are already purged.
		AlreadyPurged,
		/// A chunk size must be at least 1.
		ZeroLimit,
		/// No such referendum is being decided by the people.
		ReferendumNotFound,
		/// A poll is already open for this referendum.
		ReferendumPollAlreadyExists,
		/// Ballots cast in this block are still to be counted at its end: the poll closes from
		/// the next block (a people's referendum decided in the block its ballots were cast).
		BallotsPending,
		/// A party-list poll names the length (0..=64) of each of its lists, and other kinds name
		/// none. Party-list polls are created by the pallets that run list elections, which
		/// know the lists; governance's `create_poll` cannot create them.
		InvalidLists,
		/// A preference names a place beyond the end of its list.
		PlaceNotOnList,
		/// The ballot prefers more candidates than the poll allows.
		TooManyPreferences,
		/// A rating grades more spheres than the poll rates.
		TooManyGrades,
		/// A grade is beyond the six-grade scale (0 for no grade, 1 to 6).
		GradeOutOfRange,
		/// A poll's appeal window is at most the engine's `AppealPeriod`.
		AppealPeriodTooLong,
		/// Only the aliases on the poll's alias list vote (a jury's seated jurors): this alias is
		/// not on it. A juror proves in the jury's context, against the ring revision they
		/// enrolled with.
		NotOnAliasList,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_finalize(_: BlockNumberFor<T>) {
			// The pallet's clock, not the hook's number: ballots record when they were cast by it.
			Self::record_pending(T::BlockNumberProvider::current_block_number());
		}

		fn integrity_test() {
			assert!(!T::RevoteCooldown::get().is_zero(), "RevoteCooldown must be at least 1");
			assert!(T::MaxBallotsPerBlock::get() > 0, "MaxBallotsPerBlock must be positive");
			assert!(!T::MaxVotingPeriod::get().is_zero(), "MaxVotingPeriod must be positive");
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
		/// Creates a poll.
		///
		/// - Origin: [`Config::CreateOrigin`].
		/// - `kind`: what it asks; `electorate`: who votes with what weight; voting runs from
		///   block `start` (not in the past) until before block `end`, at most `MaxVotingPeriod`
		///   blocks.
		///
		/// Emits [`Event::PollCreated`]. Errors: [`Error::InvalidKind`],
		/// [`Error::InvalidElectorate`], [`Error::InvalidWindow`],
		/// [`Error::VotingPeriodTooLong`].
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::create_poll(electorate.units.len() as u32))]
		pub fn create_poll(
			origin: OriginFor<T>,
			kind: PollKind,
			electorate: Electorate,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
		) -> DispatchResult {
			T::CreateOrigin::ensure_origin(origin)?;
			ensure!(electorate.aliases.is_none(), Error::<T>::InvalidElectorate);
			Self::create(kind, ListSizes::new(), electorate, start, end).map(|_| ())
		}

		/// Casts a ballot anonymously, or replaces the voter's earlier one.
		///
		/// - Origin: authorized. Submit as a general transaction without a signer; it is
		///   authorized by the ballot's proofs and pays no fee.
		///
		/// Before the ballot enters the transaction pool its proofs are verified in full. In a
		/// block the ballot is queued, and at the end of the block verified with the others in
		/// one batch, then recorded: [`Event::BallotRecorded`] (or [`Event::BallotRejected`]).
		///
		/// Errors (as `InvalidTransaction::Custom(index of the error)` when authorizing):
		/// [`Error::PollNotFound`], [`Error::NotYetOpen`], [`Error::VotingEnded`],
		/// [`Error::ChoiceOutOfRange`], [`Error::TooManyMarks`], [`Error::MarksNotAscending`],
		/// [`Error::NotAConstituencyRing`], [`Error::OutsideElectorate`],
		/// [`Error::CredentialNotCounted`], [`Error::CredentialRequired`],
		/// [`Error::MalformedProof`], [`Error::RingNotFound`], [`Error::NotInRoll`], [`Error::RingTooSmall`],
		/// [`Error::InvalidProof`], [`Error::AliasMismatch`], [`Error::SequenceNotNext`],
		/// [`Error::RevoteTooSoon`], [`Error::TooManyBallotsInBlock`].
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::cast_weight(ballot.credential.is_some(), true, true))]
		#[pallet::authorize(Pallet::<T>::authorize_cast)]
		#[pallet::weight_of_authorize(Pallet::<T>::authorize_weight(ballot.credential.is_some()))]
		pub fn cast(origin: OriginFor<T>, ballot: Ballot) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let now = T::BlockNumberProvider::current_block_number();
			let (pending, info) = Self::checked_ballot(&ballot, now)?;
			let first = PendingBallots::<T>::decode_len().unwrap_or(0) == 0;
			let alias = pending.alias;
			PendingBallots::<T>::try_append(pending)
				.map_err(|_| Error::<T>::TooManyBallotsInBlock)?;
			PendingAliases::<T>::insert(ballot.poll, alias, ());
			// The batch's fixed cost is charged to the first ballot of the block only.
			let rating = matches!(info.kind, PollKind::Rating { .. });
			let actual = Self::cast_weight(ballot.credential.is_some(), first, rating);
			Ok(PostDispatchInfo { actual_weight: Some(actual), pays_fee: Pays::No })
		}

		/// Closes a poll after its end and stores its results.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::PollClosed`]. Errors: [`Error::PollNotFound`],
		/// [`Error::VotingNotOver`], [`Error::AlreadyClosed`], [`Error::BallotsPending`].
		#[pallet::call_index(2)]
		pub fn close(origin: OriginFor<T>, poll: PollId) -> DispatchResult {
			ensure_signed(origin)?;
			let info = Polls::<T>::get(poll).ok_or(Error::<T>::PollNotFound)?;
			ensure!(info.status == PollStatus::Ongoing, Error::<T>::AlreadyClosed);
			Self::do_close(poll, info)
		}

		/// Excludes a territory's ballots from a poll's results after proven fraud.
		///
		/// - Origin: [`Config::AppealOrigin`].
		/// - Allowed from the poll's `end` until its `appeal_end`; for a people's referendum also
		///   while it is being decided, so that its tally leaves the territory out at once (later
		///   ballots of the territory stay excluded). `reason` is the hash of the decision
		///   document.
		///
		/// Emits [`Event::TerritoryExcluded`], and [`Event::ResultsRecomputed`] if the poll is
		/// closed. Errors: [`Error::PollNotFound`], [`Error::AppealTooEarly`],
		/// [`Error::AppealWindowClosed`], [`Error::TerritoryNotFound`],
		/// [`Error::AlreadyExcluded`].
		#[pallet::call_index(3)]
		pub fn exclude_territory(
			origin: OriginFor<T>,
			poll: PollId,
			territory: JurisdictionId,
			reason: DocumentHash,
		) -> DispatchResult {
			T::AppealOrigin::ensure_origin(origin)?;
			let mut info = Polls::<T>::get(poll).ok_or(Error::<T>::PollNotFound)?;
			let now = T::BlockNumberProvider::current_block_number();
			let referendum = PollReferenda::<T>::get(poll);
			let heard_from = if referendum.is_some() { info.start } else { info.end };
			ensure!(now >= heard_from, Error::<T>::AppealTooEarly);
			ensure!(now < info.appeal_end, Error::<T>::AppealWindowClosed);
			let tally = Tallies::<T>::get(poll, territory).ok_or(Error::<T>::TerritoryNotFound)?;
			ensure!(!Excluded::<T>::contains_key(poll, territory), Error::<T>::AlreadyExcluded);
			info.excluded = info.excluded.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let options = info.kind.options();
			Excluded::<T>::insert(poll, territory, reason);
			ExcludedTotals::<T>::mutate(poll, |t| {
				t.get_or_insert_with(|| Tally::empty(options)).merge(&tally, true)
			});
			// A party-list poll: the territory's preference votes, list by list (at most 64); a
			// rating: its grades, part by part (at most 2).
			let kind = info.kind;
			for (list, counts) in Preferences::<T>::iter_prefix((poll, territory)) {
				ExcludedPreferences::<T>::mutate(poll, list, |e| {
					let e = e.get_or_insert_with(|| Self::no_preferences(poll, kind, list));
					merge_counts(e.as_mut(), &counts, true)
				});
			}
			let closed = matches!(info.status, PollStatus::Closed { .. });
			let results = Self::current_results(poll, &info);
			Polls::<T>::insert(poll, info);
			Self::deposit_event(Event::TerritoryExcluded {
				poll,
				territory,
				reason,
				ballots: tally.ballots,
			});
			if closed {
				Results::<T>::insert(poll, results.clone());
				Self::deposit_event(Event::ResultsRecomputed { poll, results });
			} else if let Some(referendum) = referendum {
				Self::push_to_referendum(poll, referendum, &results);
			}
			Ok(())
		}

		/// Recounts a closed poll from its stored ballots, about `limit` items per call (a
		/// ballot; a territory and each list of its preference votes), and compares the recount
		/// with the incremental tallies and preference counts.
		///
		/// - Origin: signed (anyone; the caller pays for the work).
		///
		/// The first call starts a recount, later calls continue it; the last one stores the
		/// verdict. Emits [`Event::RecountProgressed`] or [`Event::RecountCompleted`]. Errors:
		/// [`Error::PollNotFound`], [`Error::NotRecountable`], [`Error::ZeroLimit`].
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::recount(limit.saturating_add(MAX_OPTIONS)))]
		pub fn recount(
			origin: OriginFor<T>,
			poll: PollId,
			limit: u32,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(limit > 0, Error::<T>::ZeroLimit);
			let info = Polls::<T>::get(poll).ok_or(Error::<T>::PollNotFound)?;
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(
				matches!(info.status, PollStatus::Closed { .. }) && now < info.retain_until,
				Error::<T>::NotRecountable
			);
			let used = Self::recount_step(poll, &info, limit)?;
			Ok(Some(<T as Config>::WeightInfo::recount(used)).into())
		}

		/// Removes up to `limit` stored ballots and tallies of a poll after its retention period.
		///
		/// - Origin: signed (anyone).
		///
		/// When nothing is left the poll's status becomes `Purged`; the poll and its results (with a
		/// party-list poll's lists and preference results) stay.
		/// Emits [`Event::BallotsPurged`]. Errors: [`Error::PollNotFound`],
		/// [`Error::RetentionNotOver`], [`Error::AlreadyPurged`], [`Error::ZeroLimit`].
		#[pallet::call_index(5)]
		#[pallet::weight(<T as Config>::WeightInfo::purge(*limit))]
		pub fn purge(origin: OriginFor<T>, poll: PollId, limit: u32) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(limit > 0, Error::<T>::ZeroLimit);
			let mut info = Polls::<T>::get(poll).ok_or(Error::<T>::PollNotFound)?;
			ensure!(info.status != PollStatus::Purged, Error::<T>::AlreadyPurged);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(
				now >= info.retain_until && matches!(info.status, PollStatus::Closed { .. }),
				Error::<T>::RetentionNotOver
			);
			// Keys are removed one by one (not with `clear_prefix`), so that several calls in one
			// block count what they remove correctly.
			let mut removed = 0u32;
			let mut left = limit;
			macro_rules! remove_some {
				($map:ident) => {{
					let keys: Vec<_> =
						$map::<T>::iter_key_prefix(poll).take(left as usize).collect();
					for key in keys.iter() {
						$map::<T>::remove(poll, key);
					}
					let n = keys.len() as u32;
					removed = removed.saturating_add(n);
					left = left.saturating_sub(n);
				}};
			}
			// The same for the maps keyed by (poll, territory, list).
			macro_rules! remove_some_lists {
				($map:ident) => {{
					let keys: Vec<_> =
						$map::<T>::iter_key_prefix((poll,)).take(left as usize).collect();
					for (territory, list) in keys.iter() {
						$map::<T>::remove((poll, territory, list));
					}
					let n = keys.len() as u32;
					removed = removed.saturating_add(n);
					left = left.saturating_sub(n);
				}};
			}
			remove_some!(Ballots);
			remove_some!(Tallies);
			remove_some!(RecountTallies);
			remove_some!(Excluded);
			remove_some_lists!(Preferences);
			remove_some_lists!(RecountPreferences);
			// With budget to spare, every map ran out of keys.
			let complete = left > 0
				|| (Ballots::<T>::iter_key_prefix(poll).next().is_none()
					&& Tallies::<T>::iter_key_prefix(poll).next().is_none()
					&& RecountTallies::<T>::iter_key_prefix(poll).next().is_none()
					&& Excluded::<T>::iter_key_prefix(poll).next().is_none()
					&& Preferences::<T>::iter_key_prefix((poll,)).next().is_none()
					&& RecountPreferences::<T>::iter_key_prefix((poll,)).next().is_none());
			if complete {
				Totals::<T>::remove(poll);
				ExcludedTotals::<T>::remove(poll);
				Recounts::<T>::remove(poll);
				for unit in info.electorate.units.iter() {
					UnitPolls::<T>::mutate_exists(unit, |n| {
						*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0)
					});
				}
				pallet_veche_primitives::live_rolls::release::<LiveRolls<T>>(info.roll);
				info.status = PollStatus::Purged;
				Polls::<T>::insert(poll, info);
			}
			Self::deposit_event(Event::BallotsPurged { poll, removed, complete });
			Ok(Some(<T as Config>::WeightInfo::purge(removed)).into())
		}

		/// Opens the poll of an ongoing people's referendum: a yes/no poll of everyone
		/// ([`Electorate::everyone`]) whose roll is frozen now, taking ballots from now for as
		/// long as the referendum is being decided, however early it is opened. From then on the
		/// referendum's tally follows the poll's ballots at the end of each block: ayes and nays
		/// as counted without excluded territories, support as turnout over the poll's roll.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::PollCreated`] and [`Event::ReferendumPollOpened`]. Errors:
		/// [`Error::ReferendumNotFound`], [`Error::ReferendumPollAlreadyExists`].
		#[pallet::call_index(6)]
		pub fn open_referendum(
			origin: OriginFor<T>,
			referendum: ReferendumIndexOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			ensure!(T::Referenda::as_ongoing(referendum).is_some(), Error::<T>::ReferendumNotFound);
			ensure!(
				!ReferendumPolls::<T>::contains_key(referendum),
				Error::<T>::ReferendumPollAlreadyExists
			);
			let now = T::BlockNumberProvider::current_block_number();
			let end = BlockNumberFor::<T>::max_value();
			let poll = Self::do_create(
				PollKind::YesNo,
				ListSizes::new(),
				Electorate::everyone(),
				now,
				end,
				T::AppealPeriod::get(),
			)?;
			ReferendumPolls::<T>::insert(referendum, poll);
			PollReferenda::<T>::insert(poll, referendum);
			Self::push_to_referendum(poll, referendum, &Tally::empty(2));
			Self::deposit_event(Event::ReferendumPollOpened { referendum, poll });
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The ballot recorded for `alias` in `poll`: what a voter checks.
		pub fn ballot_of(poll: PollId, alias: Alias) -> Option<BallotRecord<BlockNumberFor<T>>> {
			Ballots::<T>::get(poll, alias)
		}

		/// The results of `poll` as they stand: the total of its territories minus the excluded
		/// ones (final once the poll is closed and its appeal window has passed).
		pub fn results(poll: PollId) -> Option<Tally> {
			let info = Polls::<T>::get(poll)?;
			Some(Self::current_results(poll, &info))
		}

		/// The preference votes of list `list` of party-list poll `poll` as they stand, by place
		/// on the list (excluded territories left out).
		pub fn list_preferences(poll: PollId, list: u8) -> PreferenceCounts {
			Self::current_preferences(poll, list)
		}

		/// The message a ballot's proofs must sign (see [`Ballot::message`]).
		pub fn message_to_sign(poll: PollId, choice: Choice, sequence: u32) -> Vec<u8> {
			ballot_message(poll, &choice, sequence)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Creates a poll (for governance through [`Pallet::create_poll`], and for other pallets);
	/// `lists` gives the length of each list of a party-list poll, and is empty for other kinds.
	pub fn create(
		kind: PollKind,
		lists: ListSizes,
		electorate: Electorate,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
	) -> Result<PollId, DispatchError> {
		Self::create_with_appeal(kind, lists, electorate, start, end, T::AppealPeriod::get())
	}

	/// [`Self::create`], with an appeal window of `appeal` blocks after the end, at most
	/// [`Config::AppealPeriod`] (a small unit's confidence vote may settle sooner).
	pub fn create_with_appeal(
		kind: PollKind,
		lists: ListSizes,
		electorate: Electorate,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
		appeal: BlockNumberFor<T>,
	) -> Result<PollId, DispatchError> {
		// What only people's referenda may do: name no unit (everyone), or run open-ended.
		ensure!(!electorate.units.is_empty(), Error::<T>::InvalidElectorate);
		ensure!(
			end.saturating_sub(start) <= T::MaxVotingPeriod::get(),
			Error::<T>::VotingPeriodTooLong
		);
		ensure!(appeal <= T::AppealPeriod::get(), Error::<T>::AppealPeriodTooLong);
		Self::do_create(kind, lists, electorate, start, end, appeal)
	}

	/// Creates a poll with any window (a people's referendum's is open-ended) and an electorate
	/// that may be everyone; freezes its roll now.
	fn do_create(
		kind: PollKind,
		lists: ListSizes,
		mut electorate: Electorate,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
		appeal: BlockNumberFor<T>,
	) -> Result<PollId, DispatchError> {
		ensure!(kind.is_valid(), Error::<T>::InvalidKind);
		let lists_fit = match kind {
			PollKind::PartyList { lists: n, .. } => {
				lists.len() == usize::from(n) && lists.iter().all(|l| u32::from(*l) <= MAX_OPTIONS)
			},
			_ => lists.is_empty(),
		};
		ensure!(lists_fit, Error::<T>::InvalidLists);
		Self::check_electorate(&mut electorate)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(start >= now && end > start, Error::<T>::InvalidWindow);
		let poll = NextPollId::<T>::get();
		NextPollId::<T>::put(poll.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		// Unique to this poll and this chain, and unknown before this block; a jury's poll takes
		// the context (and the roll) its jurors enrolled with.
		let own_context: Context =
			BlakeTwo256::hash_of(&(b"veche/poll", poll, frame_system::Pallet::<T>::parent_hash()))
				.into();
		let context = electorate.aliases.map_or(own_context, |list| list.context);
		let appeal_end = end.saturating_add(appeal);
		let retain_until = appeal_end.saturating_add(T::RetentionPeriod::get());
		for unit in electorate.units.iter() {
			UnitPolls::<T>::mutate(unit, |n| *n = n.saturating_add(1));
		}
		let roll = electorate.aliases.map_or_else(T::Personhood::current_roll, |list| list.roll);
		let roll_size = if let Some(list) = electorate.aliases {
			list.size
		} else if electorate.units.is_empty() {
			T::Personhood::roll_members(None)
		} else {
			electorate
				.units
				.iter()
				.fold(0u32, |n, unit| n.saturating_add(T::Personhood::roll_members(Some(*unit))))
		};
		pallet_veche_primitives::live_rolls::hold::<LiveRolls<T>>(roll);
		if !lists.is_empty() {
			PollLists::<T>::insert(poll, lists.clone());
		}
		Polls::<T>::insert(
			poll,
			Poll {
				context,
				kind,
				electorate: electorate.clone(),
				roll,
				roll_size,
				start,
				end,
				appeal_end,
				retain_until,
				status: PollStatus::Ongoing,
				voters: 0,
				excluded: 0,
			},
		);
		Self::deposit_event(Event::PollCreated {
			poll,
			context,
			kind,
			lists,
			electorate,
			roll,
			roll_size,
			start,
			end,
			appeal_end,
			retain_until,
		});
		Ok(poll)
	}

	/// Closes an ongoing poll whose voting is over and stores its results (see
	/// [`Pallet::close`]).
	fn do_close(poll: PollId, mut info: Poll<BlockNumberFor<T>>) -> DispatchResult {
		let now = T::BlockNumberProvider::current_block_number();
		if let Some(referendum) = PollReferenda::<T>::get(poll) {
			// A people's referendum's poll runs while the referendum is being decided.
			let decided = T::Referenda::as_ongoing(referendum).is_none();
			ensure!(decided && now >= info.start, Error::<T>::VotingNotOver);
			info.end = info.end.min(now);
			info.appeal_end = info.end.saturating_add(T::AppealPeriod::get());
			info.retain_until = info.appeal_end.saturating_add(T::RetentionPeriod::get());
		}
		ensure!(now >= info.end, Error::<T>::VotingNotOver);
		// Results are final only with every accepted ballot in them.
		ensure!(
			PendingAliases::<T>::iter_key_prefix(poll).next().is_none(),
			Error::<T>::BallotsPending
		);
		let results = Self::current_results(poll, &info);
		info.status = PollStatus::Closed { at: now };
		let (end, appeal_end, retain_until) = (info.end, info.appeal_end, info.retain_until);
		Polls::<T>::insert(poll, info);
		Results::<T>::insert(poll, results.clone());
		Self::deposit_event(Event::PollClosed { poll, results, end, appeal_end, retain_until });
		Ok(())
	}

	/// Sorts and checks an electorate: known units, no duplicates, none within another (so that
	/// the roll counts nobody twice), positive class weights.
	fn check_electorate(electorate: &mut Electorate) -> DispatchResult {
		electorate.units.sort();
		electorate.class_weights.sort_by_key(|(c, _)| *c);
		let units = &electorate.units;
		let classes = &electorate.class_weights;
		// A unit with one of the others above it.
		let nested = |unit: JurisdictionId| {
			T::Jurisdictions::ancestors(unit)
				.iter()
				.skip(1)
				.any(|u| units.binary_search(u).is_ok())
		};
		let ok = units.windows(2).all(|w| matches!(w, [a, b] if a < b))
			&& units.iter().all(|u| T::Jurisdictions::unit_kind(*u).is_some())
			&& !units.iter().any(|u| nested(*u))
			&& classes.windows(2).all(|w| matches!(w, [(a, _), (b, _)] if a < b))
			&& classes.iter().all(|(_, w)| *w > 0)
			// An alias list votes one alias, one vote.
			&& (electorate.aliases.is_none()
				|| (classes.is_empty() && electorate.base_weight == 1));
		ensure!(ok, Error::<T>::InvalidElectorate);
		Ok(())
	}

	/// The results of `poll` now: its total minus its excluded territories.
	fn current_results(poll: PollId, info: &Poll<BlockNumberFor<T>>) -> Tally {
		let mut results =
			Totals::<T>::get(poll).unwrap_or_else(|| Tally::empty(info.kind.options()));
		if let Some(excluded) = ExcludedTotals::<T>::get(poll) {
			results.merge(&excluded, false);
		}
		results
	}

	/// The checks of a ballot that need no proof verification, in the order a voter would fix
	/// them. Returns the ballot as it waits for the batch.
	pub fn check_ballot(
		ballot: &Ballot,
		now: BlockNumberFor<T>,
	) -> Result<PendingBallot, DispatchError> {
		Self::checked_ballot(ballot, now).map(|(pending, _)| pending)
	}

	/// [`Self::check_ballot`], also returning the poll.
	fn checked_ballot(
		ballot: &Ballot,
		now: BlockNumberFor<T>,
	) -> Result<(PendingBallot, Poll<BlockNumberFor<T>>), DispatchError> {
		let info = Polls::<T>::get(ballot.poll).ok_or(Error::<T>::PollNotFound)?;
		ensure!(now >= info.start, Error::<T>::NotYetOpen);
		ensure!(now < info.end && info.status == PollStatus::Ongoing, Error::<T>::VotingEnded);
		if let Some(referendum) = PollReferenda::<T>::get(ballot.poll) {
			ensure!(T::Referenda::as_ongoing(referendum).is_some(), Error::<T>::VotingEnded);
		}
		Self::check_choice(ballot.poll, info.kind, &ballot.choice)?;
		let RingSet::Constituency(territory) = ballot.ring.set else {
			return Err(Error::<T>::NotAConstituencyRing.into());
		};
		ensure!(Self::in_electorate(&info.electorate, territory), Error::<T>::OutsideElectorate);
		let class = match &ballot.credential {
			None => None,
			Some((ring, _)) => match ring.set {
				RingSet::Credential(class) => Some(class),
				RingSet::Constituency(_) => return Err(Error::<T>::CredentialNotCounted.into()),
			},
		};
		let weight = info.electorate.weight_of(class).ok_or(if class.is_some() {
			Error::<T>::CredentialNotCounted
		} else {
			Error::<T>::CredentialRequired
		})?;
		T::Personhood::check_ring(&ballot.ring, info.roll).map_err(Error::<T>::from)?;
		let alias =
			T::Personhood::claimed_alias(&ballot.proof).ok_or(Error::<T>::MalformedProof)?;
		if let Some((ring, proof)) = &ballot.credential {
			T::Personhood::check_ring(ring, info.roll).map_err(Error::<T>::from)?;
			let other = T::Personhood::claimed_alias(proof).ok_or(Error::<T>::MalformedProof)?;
			ensure!(other == alias, Error::<T>::AliasMismatch);
		}
		if let Some(list) = info.electorate.aliases {
			ensure!(T::AliasLists::contains(list.list, &alias), Error::<T>::NotOnAliasList);
		}
		// A ballot of this voter already waits in this block: the next one waits for it.
		ensure!(!PendingAliases::<T>::contains_key(ballot.poll, alias), Error::<T>::RevoteTooSoon);
		let previous = Ballots::<T>::get(ballot.poll, alias);
		let next = previous.as_ref().map_or(Some(1), |p| p.sequence.checked_add(1));
		ensure!(Some(ballot.sequence) == next, Error::<T>::SequenceNotNext);
		if let Some(previous) = previous {
			ensure!(
				now >= previous.cast_at.saturating_add(T::RevoteCooldown::get()),
				Error::<T>::RevoteTooSoon
			);
		}
		Ok((PendingBallot { ballot: ballot.clone(), alias, territory, weight }, info))
	}

	/// Whether `territory` is one of the electorate's units or lies below one: a walk up the tree
	/// (its depth in reads), each step a search in the sorted units.
	fn in_electorate(electorate: &Electorate, territory: JurisdictionId) -> bool {
		electorate.units.is_empty() || T::Jurisdictions::within_any(territory, &electorate.units)
	}

	/// A choice must mark options of the poll, strictly ascending, at most its limit. A
	/// party-list ballot marks one list, then places on that list, strictly ascending, at most
	/// the poll's preferences (one read of the lists' lengths). A rating approves or
	/// disapproves, then grades at most the poll's spheres, each 0 (no grade) to 6.
	fn check_choice(poll: PollId, kind: PollKind, choice: &[u8]) -> DispatchResult {
		let marks = kind.marks(choice);
		ensure!(marks.iter().all(|m| *m < kind.options()), Error::<T>::ChoiceOutOfRange);
		ensure!(marks.len() <= usize::from(kind.max_marks()), Error::<T>::TooManyMarks);
		ensure!(
			marks.windows(2).all(|w| matches!(w, [a, b] if a < b)),
			Error::<T>::MarksNotAscending
		);
		if let (PollKind::PartyList { preferences, .. }, Some((list, places))) =
			(kind, kind.preferences(choice))
		{
			ensure!(places.len() <= usize::from(preferences), Error::<T>::TooManyPreferences);
			ensure!(
				places.windows(2).all(|w| matches!(w, [a, b] if a < b)),
				Error::<T>::MarksNotAscending
			);
			let length = PollLists::<T>::get(poll)
				.and_then(|l| l.get(usize::from(list)).copied())
				.unwrap_or(0);
			// A list with nobody on it here is not on this poll's ballot.
			ensure!(length > 0, Error::<T>::ChoiceOutOfRange);
			ensure!(places.iter().all(|p| *p < length), Error::<T>::PlaceNotOnList);
		}
		if let PollKind::Rating { spheres } = kind {
			ensure!(choice.len() <= 1 + usize::from(spheres), Error::<T>::TooManyGrades);
			ensure!(choice.iter().skip(1).all(|g| *g <= GRADES), Error::<T>::GradeOutOfRange);
		}
		Ok(())
	}

	/// Authorizes a `cast` transaction: the cheap checks always; in the pool (`External`,
	/// `Local`) also the full verification of its proofs, which inside a block is left to the
	/// batch at its end (the unused weight is refunded).
	fn authorize_cast(source: TransactionSource, ballot: &Ballot) -> TransactionValidityWithRefund {
		let now = T::BlockNumberProvider::current_block_number();
		let invalid = pallet_veche_primitives::pool_refusal;
		let (pending, info) = Self::checked_ballot(ballot, now).map_err(invalid)?;
		let with_credential = ballot.credential.is_some();
		let refund = if source == TransactionSource::InBlock {
			Self::authorize_weight(with_credential)
				.saturating_sub(<T as Config>::WeightInfo::authorize_cast_in_block())
		} else {
			let message = ballot.message();
			let proven = T::Personhood::verify(
				&ballot.proof,
				&ballot.ring,
				info.roll,
				&info.context,
				&message,
			)
			.map_err(|e| invalid(Error::<T>::from(e).into()))?;
			ensure!(proven.alias == pending.alias, invalid(Error::<T>::InvalidProof.into()));
			if let Some((ring, proof)) = &ballot.credential {
				let other = T::Personhood::verify(proof, ring, info.roll, &info.context, &message)
					.map_err(|e| invalid(Error::<T>::from(e).into()))?;
				ensure!(other.alias == pending.alias, invalid(Error::<T>::AliasMismatch.into()));
			}
			Weight::zero()
		};
		let longevity = info.end.saturating_sub(now);
		let validity = ValidTransaction::with_tag_prefix("VecheBallot")
			.priority(T::BallotPriority::get().saturating_add(u64::from(ballot.sequence)))
			.and_provides((ballot.poll, pending.alias))
			.longevity(TryInto::<u64>::try_into(longevity).unwrap_or(u64::MAX).max(1))
			.propagate(true)
			.build()?;
		Ok((validity, refund))
	}

	/// The weight of authorizing a ballot in the pool: the cheap checks and full verification of
	/// one or two proofs.
	fn authorize_weight(with_credential: bool) -> Weight {
		<T as Config>::WeightInfo::authorize_cast(if with_credential { 2 } else { 1 })
	}

	/// The weight of `cast` in a block: the queueing, and this ballot's share of the batch at the
	/// end of the block (its proofs, its recording) plus, for the block's first ballot, the
	/// batch's fixed cost. A rating records its grades as well: before dispatch, when the poll is
	/// not read yet, every ballot is charged as the dearer of a ballot and a rating; the unused
	/// part is refunded.
	fn cast_weight(with_credential: bool, first: bool, rating: bool) -> Weight {
		let w = |n| {
			if with_credential {
				<T as Config>::WeightInfo::finalize_weighted_ballots(n)
			} else {
				<T as Config>::WeightInfo::finalize_ballots(n)
			}
		};
		let (fixed, mut one) = (w(0), w(1));
		if rating {
			// What recording a rating's grades adds to recording a ballot.
			let r = <T as Config>::WeightInfo::finalize_ratings(1)
				.saturating_sub(<T as Config>::WeightInfo::finalize_ratings(0));
			let b = <T as Config>::WeightInfo::finalize_ballots(1)
				.saturating_sub(<T as Config>::WeightInfo::finalize_ballots(0));
			one = one.saturating_add(r.saturating_sub(b));
		}
		let share = <T as Config>::WeightInfo::cast().saturating_add(one.saturating_sub(fixed));
		if first {
			share.saturating_add(fixed)
		} else {
			share
		}
	}

	/// Verifies the block's queued ballots in one batch and records those that pass.
	fn record_pending(now: BlockNumberFor<T>) {
		let pending = PendingBallots::<T>::take();
		if pending.is_empty() {
			return;
		}
		let mut contexts: Vec<(PollId, Context, Roll)> = Vec::new();
		let mut messages = Vec::with_capacity(pending.len());
		for p in pending.iter() {
			PendingAliases::<T>::remove(p.ballot.poll, p.alias);
			if !contexts.iter().any(|(id, _, _)| *id == p.ballot.poll) {
				let (context, roll) =
					Polls::<T>::get(p.ballot.poll).map(|i| (i.context, i.roll)).unwrap_or_default();
				contexts.push((p.ballot.poll, context, roll));
			}
			messages.push(p.ballot.message());
		}
		let context_of = |poll: PollId| {
			contexts
				.iter()
				.find(|(id, _, _)| *id == poll)
				.map(|(_, c, r)| (*c, *r))
				.unwrap_or_default()
		};
		let mut items = Vec::with_capacity(pending.len());
		for (p, message) in pending.iter().zip(messages.iter()) {
			let (context, roll) = context_of(p.ballot.poll);
			let ring = p.ballot.ring;
			items.push(ProofItem { proof: &p.ballot.proof, ring, roll, context, message });
			if let Some((ring, proof)) = &p.ballot.credential {
				items.push(ProofItem { proof, ring: *ring, roll, context, message });
			}
		}
		let mut outcomes = T::Personhood::verify_batch(&items).into_iter();
		let mut touched: Vec<PollId> = Vec::new();
		for p in pending.into_iter() {
			let mut verdict = match outcomes.next() {
				Some(Ok(proven)) if proven.alias == p.alias => Ok(()),
				Some(Ok(_)) => Err(ProofError::InvalidProof),
				Some(Err(e)) => Err(e),
				None => Err(ProofError::InvalidProof),
			};
			if p.ballot.credential.is_some() {
				let second = match outcomes.next() {
					Some(Ok(proven)) if proven.alias == p.alias => Ok(()),
					Some(Ok(_)) => Err(ProofError::InvalidProof),
					Some(Err(e)) => Err(e),
					None => Err(ProofError::InvalidProof),
				};
				verdict = verdict.and(second);
			}
			match verdict {
				Ok(()) => {
					if !touched.contains(&p.ballot.poll) {
						touched.push(p.ballot.poll);
					}
					Self::record(p, now)
				},
				Err(reason) => Self::deposit_event(Event::BallotRejected {
					poll: p.ballot.poll,
					alias: p.alias,
					reason,
				}),
			}
		}
		Self::push_touched(&touched);
	}

	/// Brings the tallies of the people's referenda whose polls got ballots up to date.
	fn push_touched(touched: &[PollId]) {
		for poll in touched {
			if let Some(referendum) = PollReferenda::<T>::get(poll) {
				let Some(info) = Polls::<T>::get(poll) else { continue };
				let results = Self::current_results(*poll, &info);
				Self::push_to_referendum(*poll, referendum, &results);
			}
		}
	}

	/// Sets a people's referendum's tally from its poll's results (yes is option 0, no option
	/// 1; excluded territories left out), if the referendum is still being decided. Support is
	/// turnout over the poll's roll.
	fn push_to_referendum(poll: PollId, referendum: ReferendumIndexOf<T>, totals: &Tally) {
		let electorate = u64::from(Polls::<T>::get(poll).map_or(0, |i| i.roll_size));
		T::Referenda::access_poll(referendum, |status| {
			if let frame_support::traits::PollStatus::Ongoing(tally, _) = status {
				*tally = PeopleTally {
					ayes: totals.options.first().copied().unwrap_or(0),
					nays: totals.options.get(1).copied().unwrap_or(0),
					turnout: u64::from(totals.ballots),
					electorate,
				};
			}
		});
	}

	/// Records a verified ballot and counts it, uncounting the voter's earlier one.
	fn record(p: PendingBallot, now: BlockNumberFor<T>) {
		let poll = p.ballot.poll;
		let Some(mut info) = Polls::<T>::get(poll) else { return };
		let kind = info.kind;
		let options = kind.options();
		let previous = Ballots::<T>::get(poll, p.alias);
		let mut totals = Totals::<T>::get(poll).unwrap_or_else(|| Tally::empty(options));
		if let Some(old) = &previous {
			Tallies::<T>::mutate(poll, old.territory, |t| {
				if let Some(t) = t {
					t.apply(kind.marks(&old.choice), old.weight, false)
				}
			});
			totals.apply(kind.marks(&old.choice), old.weight, false);
			Self::count_beyond_tallies(poll, kind, old.territory, &old.choice, old.weight, false);
		} else {
			info.voters = info.voters.saturating_add(1);
			Polls::<T>::insert(poll, info);
		}
		Tallies::<T>::mutate(poll, p.territory, |t| {
			t.get_or_insert_with(|| Tally::empty(options)).apply(
				kind.marks(&p.ballot.choice),
				p.weight,
				true,
			)
		});
		totals.apply(kind.marks(&p.ballot.choice), p.weight, true);
		Self::count_beyond_tallies(poll, kind, p.territory, &p.ballot.choice, p.weight, true);
		Totals::<T>::insert(poll, totals);
		let record = BallotRecord {
			territory: p.territory,
			choice: p.ballot.choice.clone(),
			sequence: p.ballot.sequence,
			weight: p.weight,
			cast_at: now,
		};
		Ballots::<T>::insert(poll, p.alias, record);
		Self::deposit_event(Event::BallotRecorded {
			poll,
			alias: p.alias,
			territory: p.territory,
			choice: p.ballot.choice,
			sequence: p.ballot.sequence,
			weight: p.weight,
			replaced: previous.is_some(),
		});
	}

	/// Counts (`add`) or uncounts a ballot beyond its territory's tally and the poll's total:
	/// in an excluded territory (a people's referendum hears appeals while it runs) into the
	/// excluded total, which keeps it out of the results; and a party-list ballot's preferences
	/// into its territory's, the poll's and (excluded) the excluded preference counts of its list.
	fn count_beyond_tallies(
		poll: PollId,
		kind: PollKind,
		territory: JurisdictionId,
		choice: &[u8],
		weight: u32,
		add: bool,
	) {
		let excluded = Excluded::<T>::contains_key(poll, territory);
		if excluded {
			ExcludedTotals::<T>::mutate(poll, |t| {
				t.get_or_insert_with(|| Tally::empty(kind.options())).apply(
					kind.marks(choice),
					weight,
					add,
				)
			});
		}
		for (part, places) in kind.sub_marks(choice) {
			let bump = |counts: &mut Option<PreferenceCounts>| {
				let counts = counts.get_or_insert_with(|| Self::no_preferences(poll, kind, part));
				add_at(counts.as_mut(), &places, u64::from(weight), add);
			};
			Preferences::<T>::mutate((poll, territory, part), bump);
			PreferenceTotals::<T>::mutate(poll, part, bump);
			if excluded {
				ExcludedPreferences::<T>::mutate(poll, part, bump);
			}
		}
	}

	/// Zero counts for every place of part `part` of `poll`: of list `part` of a party-list
	/// poll, of the grade histograms of a rating's part.
	fn no_preferences(poll: PollId, kind: PollKind, part: u8) -> PreferenceCounts {
		let length = match kind {
			PollKind::Rating { .. } => kind.rating_part_len(part),
			_ => PollLists::<T>::get(poll)
				.and_then(|l| l.get(usize::from(part)).copied())
				.unwrap_or(0),
		};
		BoundedVec::truncate_from(alloc::vec![0; usize::from(length)])
	}

	/// The preference votes of list `list` of `poll` now: all its territories but the excluded.
	pub fn current_preferences(poll: PollId, list: u8) -> PreferenceCounts {
		let mut counts = PreferenceTotals::<T>::get(poll, list).unwrap_or_default();
		if let Some(excluded) = ExcludedPreferences::<T>::get(poll, list) {
			merge_counts(counts.as_mut(), &excluded, false);
		}
		counts
	}

	/// One chunk of a recount: counts up to `limit` ballots, or compares up to `limit`
	/// territories; finishes with a verdict. Returns how many items it handled.
	fn recount_step(
		poll: PollId,
		info: &Poll<BlockNumberFor<T>>,
		limit: u32,
	) -> Result<u32, DispatchError> {
		let kind = info.kind;
		let options = kind.options();
		let mut recount = Recounts::<T>::get(poll).unwrap_or(Recount {
			phase: RecountPhase::Ballots { after: None },
			ballots: 0,
			territories: 0,
			mismatches: 0,
		});
		let mut used = 0u32;
		if let RecountPhase::Ballots { after } = recount.phase {
			let iter = match after {
				Some(alias) => {
					Ballots::<T>::iter_prefix_from(poll, Ballots::<T>::hashed_key_for(poll, alias))
				},
				None => Ballots::<T>::iter_prefix(poll),
			};
			let mut last = after;
			let mut exhausted = true;
			for (alias, ballot) in iter {
				if used >= limit {
					exhausted = false;
					break;
				}
				last = Some(alias);
				used = used.saturating_add(1);
				recount.ballots = recount.ballots.saturating_add(1);
				// A ballot of a territory without an incremental tally is a mismatch by itself.
				if !Tallies::<T>::contains_key(poll, ballot.territory) {
					recount.mismatches = recount.mismatches.saturating_add(1);
					continue;
				}
				RecountTallies::<T>::mutate(poll, ballot.territory, |t| {
					t.get_or_insert_with(|| Tally::empty(options)).apply(
						kind.marks(&ballot.choice),
						ballot.weight,
						true,
					)
				});
				for (part, places) in kind.sub_marks(&ballot.choice) {
					RecountPreferences::<T>::mutate((poll, ballot.territory, part), |c| {
						let c = c.get_or_insert_with(|| Self::no_preferences(poll, kind, part));
						add_at(c.as_mut(), &places, u64::from(ballot.weight), true)
					});
				}
			}
			recount.phase = if exhausted {
				RecountPhase::Compare { after: None }
			} else {
				RecountPhase::Ballots { after: last }
			};
		}
		if let RecountPhase::Compare { after } = recount.phase {
			let iter = match after {
				Some(t) => {
					Tallies::<T>::iter_prefix_from(poll, Tallies::<T>::hashed_key_for(poll, t))
				},
				None => Tallies::<T>::iter_prefix(poll),
			};
			let mut last = after;
			let mut exhausted = true;
			for (territory, tally) in iter {
				if used >= limit {
					exhausted = false;
					break;
				}
				let recounted = RecountTallies::<T>::take(poll, territory)
					.unwrap_or_else(|| Tally::empty(options));
				// A party-list poll: the territory's preference votes too, list by list.
				// Each list compared is an item of work too: a territory costs one more than its
				// lists, and the last territory of a chunk may go past `limit` by at most
				// `MAX_OPTIONS` lists (the call's weight allows for it).
				let mut preferences_agree = true;
				let mut lists = 0u32;
				for (list, counts) in Preferences::<T>::iter_prefix((poll, territory)) {
					let recounted = RecountPreferences::<T>::take((poll, territory, list));
					let recounted = recounted.as_ref().map(|c| c.as_slice());
					preferences_agree &= same_counts(&counts, recounted);
					lists = lists.saturating_add(1);
				}
				// Lists the recount found preferences on that the incremental count lacks.
				let extra: Vec<_> =
					RecountPreferences::<T>::iter_prefix((poll, territory)).collect();
				for (list, counts) in extra {
					RecountPreferences::<T>::remove((poll, territory, list));
					preferences_agree &= counts.iter().all(|c| *c == 0);
					lists = lists.saturating_add(1);
				}
				if recounted != tally || !preferences_agree {
					recount.mismatches = recount.mismatches.saturating_add(1);
				}
				last = Some(territory);
				used = used.saturating_add(1).saturating_add(lists);
				recount.territories = recount.territories.saturating_add(1);
			}
			if exhausted {
				Recounts::<T>::remove(poll);
				let verdict = RecountVerdict {
					at: T::BlockNumberProvider::current_block_number(),
					ballots: recount.ballots,
					territories: recount.territories,
					mismatches: recount.mismatches,
				};
				RecountVerdicts::<T>::insert(poll, verdict);
				Self::deposit_event(Event::RecountCompleted {
					poll,
					ballots: recount.ballots,
					territories: recount.territories,
					mismatches: recount.mismatches,
				});
				return Ok(used);
			}
			recount.phase = RecountPhase::Compare { after: last };
		}
		Self::deposit_event(Event::RecountProgressed {
			poll,
			ballots: recount.ballots,
			territories: recount.territories,
		});
		Recounts::<T>::insert(poll, recount);
		Ok(used)
	}

	/// Checks the pallet's invariants:
	/// - nothing is pending between blocks;
	/// - per poll, the sum of its territorial tallies equals its total, and the total equals the
	///   sum of its stored ballots (until purged), with one ballot per counted voter;
	/// - the excluded total equals the sum of the excluded territories' tallies;
	/// - a closed poll's results equal its total minus its excluded total;
	/// - every ballot's choice is valid for its poll;
	/// - a party-list poll has its lists' lengths, other polls none; its preference counts per
	///   territory and list equal those of its stored ballots, add up to its preference totals,
	///   and those of its excluded territories to its excluded preferences;
	/// - the unit reference counts equal the units named by polls not yet purged.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), frame_support::sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		ensure!(PendingBallots::<T>::get().is_empty(), "ballots pending between blocks");
		ensure!(PendingAliases::<T>::iter().next().is_none(), "aliases pending between blocks");
		let mut units: BTreeMap<JurisdictionId, u32> = BTreeMap::new();
		let mut rolls: BTreeMap<Roll, u32> = BTreeMap::new();
		for (poll, info) in Polls::<T>::iter() {
			if info.status != PollStatus::Purged {
				let n = rolls.entry(info.roll).or_default();
				*n = n.saturating_add(1);
			}
			ensure!(poll < NextPollId::<T>::get(), "poll id beyond the next one");
			let options = info.kind.options();
			if info.status != PollStatus::Purged {
				for unit in info.electorate.units.iter() {
					let n: &mut u32 = units.entry(*unit).or_default();
					*n = n.saturating_add(1);
				}
			} else {
				ensure!(
					Ballots::<T>::iter_prefix(poll).next().is_none(),
					"purged poll has ballots"
				);
				ensure!(
					Preferences::<T>::iter_prefix((poll,)).next().is_none(),
					"purged poll has territorial preference counts"
				);
				continue;
			}
			let lists = PollLists::<T>::get(poll);
			match info.kind {
				PollKind::PartyList { lists: n, .. } => ensure!(
					lists.as_ref().is_some_and(|l| l.len() == usize::from(n)),
					"party-list poll without the length of each list"
				),
				_ => ensure!(lists.is_none(), "list lengths of a poll that has no lists"),
			}
			// (territory, list) → preference counts, from the stored ballots.
			let mut preferences: BTreeMap<(JurisdictionId, u8), Vec<u64>> = BTreeMap::new();
			let mut from_ballots = Tally::empty(options);
			let mut per_territory: BTreeMap<JurisdictionId, Tally> = BTreeMap::new();
			let mut voters = 0u32;
			for (_, ballot) in Ballots::<T>::iter_prefix(poll) {
				Self::check_choice(poll, info.kind, &ballot.choice)
					.map_err(|_| "stored ballot with an invalid choice")?;
				let marks = info.kind.marks(&ballot.choice);
				from_ballots.apply(marks, ballot.weight, true);
				per_territory
					.entry(ballot.territory)
					.or_insert_with(|| Tally::empty(options))
					.apply(marks, ballot.weight, true);
				for (part, places) in info.kind.sub_marks(&ballot.choice) {
					let counts = preferences.entry((ballot.territory, part)).or_insert_with(|| {
						Self::no_preferences(poll, info.kind, part).into_inner()
					});
					add_at(counts, &places, u64::from(ballot.weight), true);
				}
				voters = voters.saturating_add(1);
			}
			let mut preference_totals: BTreeMap<u8, Vec<u64>> = BTreeMap::new();
			let mut excluded_preferences: BTreeMap<u8, Vec<u64>> = BTreeMap::new();
			for ((territory, list), counts) in Preferences::<T>::iter_prefix((poll,)) {
				let expected = preferences.remove(&(territory, list)).unwrap_or_default();
				ensure!(
					same_counts(&counts, Some(&expected)),
					"territorial preference counts differ from the stored ballots"
				);
				let add_into = |sums: &mut BTreeMap<u8, Vec<u64>>| {
					let sum = sums.entry(list).or_insert_with(|| alloc::vec![0; counts.len()]);
					merge_counts(sum, &counts, true);
				};
				add_into(&mut preference_totals);
				if Excluded::<T>::contains_key(poll, territory) {
					add_into(&mut excluded_preferences);
				}
			}
			ensure!(
				preferences.values().all(|c| c.iter().all(|n| *n == 0)),
				"stored ballots' preferences missing from the territorial counts"
			);
			for (list, counts) in PreferenceTotals::<T>::iter_prefix(poll) {
				let expected = preference_totals.remove(&list).unwrap_or_default();
				ensure!(
					same_counts(&counts, Some(&expected)),
					"preference totals differ from the territorial counts"
				);
			}
			ensure!(
				preference_totals.values().all(|c| c.iter().all(|n| *n == 0)),
				"territorial preference counts missing from the totals"
			);
			for (list, counts) in ExcludedPreferences::<T>::iter_prefix(poll) {
				let expected = excluded_preferences.remove(&list).unwrap_or_default();
				ensure!(
					same_counts(&counts, Some(&expected)),
					"excluded preferences differ from the excluded territories' counts"
				);
			}
			ensure!(
				excluded_preferences.values().all(|c| c.iter().all(|n| *n == 0)),
				"excluded territories' preference counts missing from the excluded preferences"
			);
			ensure!(voters == info.voters, "voter count differs from stored ballots");
			let totals = Totals::<T>::get(poll).unwrap_or_else(|| Tally::empty(options));
			ensure!(totals == from_ballots, "total differs from the sum of stored ballots");
			let mut from_territories = Tally::empty(options);
			let mut excluded = Tally::empty(options);
			let mut excluded_count = 0u32;
			for (territory, tally) in Tallies::<T>::iter_prefix(poll) {
				let expected =
					per_territory.remove(&territory).unwrap_or_else(|| Tally::empty(options));
				ensure!(tally == expected, "territorial tally differs from its stored ballots");
				from_territories.merge(&tally, true);
				if Excluded::<T>::contains_key(poll, territory) {
					excluded.merge(&tally, true);
					excluded_count = excluded_count.saturating_add(1);
				}
			}
			ensure!(per_territory.is_empty(), "stored ballots of a territory without a tally");
			ensure!(from_territories == totals, "territorial tallies do not add up to the total");
			ensure!(excluded_count == info.excluded, "excluded count differs");
			let excluded_total =
				ExcludedTotals::<T>::get(poll).unwrap_or_else(|| Tally::empty(options));
			ensure!(excluded_total == excluded, "excluded total differs from excluded tallies");
			if matches!(info.status, PollStatus::Closed { .. }) {
				ensure!(
					Results::<T>::get(poll) == Some(Self::current_results(poll, &info)),
					"stored results differ from total minus excluded"
				);
			}
		}
		for (key, n) in LiveRolls::<T>::iter() {
			ensure!(rolls.remove(&u32::from_be_bytes(key)) == Some(n), "live roll count differs");
		}
		ensure!(rolls.is_empty(), "a poll's roll is not counted as live");
		for (unit, n) in UnitPolls::<T>::iter() {
			ensure!(units.remove(&unit) == Some(n), "unit poll count differs");
		}
		ensure!(units.is_empty(), "unit named by a poll without a count");
		Ok(())
	}
}

impl<T: Config> From<ProofError> for Error<T> {
	fn from(e: ProofError) -> Self {
		match e {
			ProofError::MalformedProof => Error::<T>::MalformedProof,
			ProofError::RingNotFound => Error::<T>::RingNotFound,
			ProofError::NotInRoll => Error::<T>::NotInRoll,
			ProofError::RingTooSmall => Error::<T>::RingTooSmall,
			ProofError::InvalidProof => Error::<T>::InvalidProof,
		}
	}
}

/// Rolls held by polls not yet purged: the first live roll point at or after `from` is found
/// with one lookup in [`LiveRolls`], which iterates in the clock's order.
impl<T: Config> RollUsage for Pallet<T> {
	fn roll_in_use(from: Roll, until: Roll) -> bool {
		pallet_veche_primitives::live_rolls::in_use::<LiveRolls<T>>(from, until)
	}
}

/// A unit is in use while a poll not yet purged names it in its electorate.
impl<T: Config> JurisdictionUsage for Pallet<T> {
	fn unit_in_use(id: JurisdictionId) -> bool {
		UnitPolls::<T>::contains_key(id)
	}
	fn office_in_use(_: OfficeId) -> bool {
		false
	}
}

/// Polls for other pallets: elections, recall and juries run their votes through ballots.
impl<T: Config> PollEngine<BlockNumberFor<T>> for Pallet<T> {
	fn create(
		kind: PollKind,
		lists: ListSizes,
		electorate: Electorate,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
	) -> Result<PollId, DispatchError> {
		Pallet::<T>::create(kind, lists, electorate, start, end)
	}

	fn create_with_appeal(
		kind: PollKind,
		lists: ListSizes,
		electorate: Electorate,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
		appeal: BlockNumberFor<T>,
	) -> Result<PollId, DispatchError> {
		Pallet::<T>::create_with_appeal(kind, lists, electorate, start, end, appeal)
	}

	fn close(poll: PollId) -> Result<(), DispatchError> {
		let info = Polls::<T>::get(poll).ok_or(Error::<T>::PollNotFound)?;
		if info.status != PollStatus::Ongoing {
			return Ok(());
		}
		Self::do_close(poll, info)
	}

	fn summary(poll: PollId) -> Option<PollSummary<BlockNumberFor<T>>> {
		let info = Polls::<T>::get(poll)?;
		let stage = match info.status {
			PollStatus::Ongoing => PollStage::Open,
			PollStatus::Closed { .. } => PollStage::Closed,
			PollStatus::Purged => PollStage::Purged,
		};
		Some(PollSummary {
			kind: info.kind,
			stage,
			context: info.context,
			roll: info.roll,
			roll_size: info.roll_size,
			start: info.start,
			end: info.end,
			appeal_end: info.appeal_end,
		})
	}

	fn results(poll: PollId) -> Option<Tally> {
		let info = Polls::<T>::get(poll)?;
		Some(match info.status {
			PollStatus::Ongoing => Self::current_results(poll, &info),
			// Totals are gone once purged; the stored results stay.
			_ => Results::<T>::get(poll).unwrap_or_else(|| Self::current_results(poll, &info)),
		})
	}

	fn preferences(poll: PollId, list: u8) -> PreferenceCounts {
		Self::current_preferences(poll, list)
	}

	fn ballot_page(poll: PollId, after: Option<Alias>, limit: u32) -> BallotPage {
		let Some(info) = Polls::<T>::get(poll) else {
			return BallotPage { done: true, ..Default::default() };
		};
		let iter = match after {
			Some(alias) => {
				Ballots::<T>::iter_prefix_from(poll, Ballots::<T>::hashed_key_for(poll, alias))
			},
			None => Ballots::<T>::iter_prefix(poll),
		};
		let mut page = BallotPage { ballots: Vec::new(), read: 0, last: None, done: true };
		// Each territory's exclusion is read once a page.
		let mut excluded: Vec<(JurisdictionId, bool)> = Vec::new();
		for (alias, ballot) in iter {
			if page.read >= limit {
				page.done = false;
				break;
			}
			page.read = page.read.saturating_add(1);
			page.last = Some(alias);
			let out = match excluded.iter().find(|(t, _)| *t == ballot.territory) {
				Some((_, out)) => *out,
				None => {
					let out = Excluded::<T>::contains_key(poll, ballot.territory);
					excluded.push((ballot.territory, out));
					out
				},
			};
			if !out {
				let marks = info.kind.marks(&ballot.choice).to_vec();
				page.ballots.push((marks, ballot.weight));
			}
		}
		page
	}
}

/// Whether two preference counts agree, a missing or shorter one counting as zeros.
fn same_counts(a: &[u64], b: Option<&[u64]>) -> bool {
	let b = b.unwrap_or(&[]);
	let len = a.len().max(b.len());
	(0..len).all(|i| a.get(i).copied().unwrap_or(0) == b.get(i).copied().unwrap_or(0))
}

/// A runtime without people's referenda: no referendum is ever being decided. For the test
/// runtimes of pallets that run polls through ballots.
#[cfg(feature = "std")]
pub struct NoReferenda;

#[cfg(feature = "std")]
impl Polling<PeopleTally> for NoReferenda {
	type Index = u32;
	type Votes = u64;
	type Class = u16;
	type Moment = u64;

	fn classes() -> Vec<u16> {
		Vec::new()
	}

	fn as_ongoing(_: u32) -> Option<(PeopleTally, u16)> {
		None
	}

	fn access_poll<R>(
		_: u32,
		f: impl FnOnce(frame_support::traits::PollStatus<&mut PeopleTally, u64, u16>) -> R,
	) -> R {
		f(frame_support::traits::PollStatus::None)
	}

	fn try_access_poll<R>(
		_: u32,
		f: impl FnOnce(
			frame_support::traits::PollStatus<&mut PeopleTally, u64, u16>,
		) -> Result<R, DispatchError>,
	) -> Result<R, DispatchError> {
		f(frame_support::traits::PollStatus::None)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_ongoing(_: u16) -> Result<u32, ()> {
		Err(())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn end_ongoing(_: u32, _: bool) -> Result<(), ()> {
		Err(())
	}
}
