//! # Juries
//!
//! Bills decided by juries of citizens drawn by lot from a pool of anonymous volunteers, with
//! randomness from the relay chain, quotas per constituency, and a draw anyone can recompute.
//!
//! ## Overview
//!
//! Governance sends a bill of the registry of acts to a jury ([`Pallet::send_to_jury`]): the
//! jury's size, the credential its jurors must hold (a legal qualification), and the block the
//! pool freezes at. The persons of the bill's jurisdiction volunteer until then
//! ([`Pallet::enrol`]): a feeless, account-less call authorized by a ring-VRF proof of
//! membership of their constituency's ring (in the roll frozen when the bill was sent) and,
//! when the jury asks for one, a proof of the credential by the same person. The proofs yield
//! the volunteer's *alias* in the jury's context: one per person, unlinkable to them and to
//! their aliases elsewhere. The constituency of the ring is the volunteer's *stratum*.
//!
//! After the freeze the draw waits for the relay chain's BABE randomness of the second relay
//! epoch this chain sees begin after the freeze: made from VRF outputs that relay validators
//! produced after the pool froze, it was unknown to everyone while anyone could still enrol.
//! Anyone then draws ([`Pallet::draw`], in chunks): the seats are shared among the strata in
//! proportion to their registered persons (largest remainder, no stratum given more than its
//! volunteers), and each stratum's volunteers are shuffled by a lazy Fisher–Yates permutation
//! seeded with the randomness: only the positions drawn are computed, so a draw costs
//! O(jury size) whatever the pool's size. The seed and every input are stored and evented, so
//! anyone recomputes the jury ([`sortition`], `veche-client jury verify`).
//!
//! Each drawn alias is summoned and accepts within the jury's acceptance window ([`Pallet::accept`], a
//! new proof in the jury's context). A summons not accepted in time lapses ([`Pallet::lapse`],
//! anyone) and the next position of the same stratum's permutation is summoned — never a new
//! draw. When no summons is pending, the seated jurors vote on the bill in a ballots poll whose
//! electorate is exactly their aliases ([`Electorate::of_list`]): they prove in the jury's
//! context against the jury's roll, so each yields the alias that was seated, one vote each.
//! After the vote anyone concludes ([`Pallet::conclude`]): more yes votes than half the seated
//! jury adopts the bill as a law — through the registry's adoption, with the jury's own origin
//! ([`Origin::Jury`]) — and anything less rejects it. Nobody learns who the jurors are.
//!
//! ## Terms
//!
//! - **Pool**: the volunteers' aliases, per stratum, in order of enrolment.
//! - **Stratum**: a constituency of the bill's jurisdiction (the ring a volunteer proved).
//! - **Quota**: a stratum's seats.
//! - **Summons**: a drawn alias's call to serve; it is accepted, or lapses.
//! - **Randomness source**: the relay chain's, or on a development chain (`--dev`) the mock
//!   relay chain's, which is the block number and known in advance. The genesis says which
//!   ([`RandomnessSourceOf`]), and every event that notes randomness names it.
//!
//! ## Implementation notes
//!
//! - **Randomness.** The runtime passes the relay state proof's `EPOCH_INDEX` (which it asks
//!   collators to include) and `ONE_EPOCH_AGO_RANDOMNESS` to [`Pallet::note_relay_epoch`] in
//!   every block; a new epoch is recorded once ([`RecentEpochs`], bounded) with the relay
//!   block at which the relay chain's storage holds it, for anyone to check against the relay
//!   chain. The epoch's randomness could be biased only by the last relay block author of the
//!   epoch before it withholding their block (BABE's known one-bit bias).
//! - **Cost.** Enrolment and acceptance verify their proofs in the transaction's
//!   authorization, in the pool and in the block. Drawing one juror is a few reads and writes
//!   (the stratum's swaps, the pool's place, the summons), in calls of at most `limit` jurors.
//! - **Privacy.** Ballots are anonymous and the poll's alias list is public; an alias reveals
//!   its stratum only.
//! - **Clock.** Blocks of this chain (`frame_system`'s block number).
//! - **Storage.** A jury's pool, swaps and summonses are cleared in chunks ([`Pallet::clear`])
//!   `RetentionPeriod` blocks after it ends; the jury, its strata and its draw stay.

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
#[cfg(test)]
mod mock;
pub mod sortition;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{EnsureOriginWithArg, Get},
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{
	ActId, Alias, AliasList, AliasLists, BillRegistry, Context, CredentialClass, Electorate,
	JurisdictionId, JurisdictionInspect, JuryId, ListSizes, PersonhoodVerifier, PollEngine,
	PollKind, ProofError, ProofItem, RingRef, RingSet, Roll, RollUsage,
};
use sp_runtime::{
	traits::{BlakeTwo256, BlockNumberProvider, Hash, Saturating, Zero},
	ArithmeticError,
};

/// A jury as stored.
pub type JuryOf<T> = Jury<BlockNumberFor<T>>;

/// The juries pallet: bills sent to juries drawn by lot from anonymous volunteers with the relay
/// chain's randomness, quotas per constituency, seating with replacements, and the jury's vote
/// and verdict.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The layout of this pallet's storage.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The pallet's clock: pools freeze, summonses lapse and votes end at its blocks. The
		/// runtime passes `System`.
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// Checks ring-VRF proofs of personhood: `pallet-veche-personhood` in the runtime.
		type Personhood: PersonhoodVerifier;

		/// The jurisdiction tree: whether a volunteer's constituency lies within the bill's
		/// jurisdiction.
		type Jurisdictions: JurisdictionInspect;

		/// The ballots engine, which runs the jury's vote.
		type Polls: PollEngine<BlockNumberFor<Self>>;

		/// The registry of acts: the bills juries decide, and their verdicts.
		type Bills: BillRegistry;

		/// Governance: sends bills to juries and withdraws them.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The largest jury.
		#[pallet::constant]
		type MaxJurySize: Get<u32>;

		/// The most strata (constituencies) one pool holds.
		#[pallet::constant]
		type MaxStrata: Get<u32>;

		/// The longest a pool stays open, in blocks.
		#[pallet::constant]
		type MaxPoolPeriod: Get<BlockNumberFor<Self>>;

		/// The longest a summoned juror may be given to accept, in blocks.
		#[pallet::constant]
		type MaxAcceptancePeriod: Get<BlockNumberFor<Self>>;

		/// The longest a jury may vote, in blocks (at most the ballots engine's longest voting
		/// window).
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// How long after a jury ends its pool and summonses are kept, in blocks.
		#[pallet::constant]
		type RetentionPeriod: Get<BlockNumberFor<Self>>;

		/// How many relay epochs' randomness is kept (a draw must come within as many epochs
		/// of its freeze).
		#[pallet::constant]
		type MaxRecentEpochs: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up bills, rings and proofs for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper;
	}

	/// Juries by index.
	// Twox64Concat: sequential ids assigned by the pallet.
	#[pallet::storage]
	pub type Juries<T: Config> = StorageMap<_, Twox64Concat, JuryId, JuryOf<T>>;

	/// The index the next jury gets.
	#[pallet::storage]
	pub type NextJuryId<T: Config> = StorageValue<_, JuryId, ValueQuery>;

	/// The jury holding each bill, while it is not over: only that jury decides the bill.
	// Twox64Concat: act ids are sequential, assigned by the registry.
	#[pallet::storage]
	pub type JuryOfAct<T: Config> = StorageMap<_, Twox64Concat, ActId, JuryId>;

	/// The strata of each jury's pool, in the order they joined it (the order of the draw).
	// Twox64Concat: sequential jury ids.
	#[pallet::storage]
	pub type StrataOf<T: Config> =
		StorageMap<_, Twox64Concat, JuryId, BoundedVec<JurisdictionId, T::MaxStrata>, ValueQuery>;

	/// Each stratum of each jury's pool.
	// Twox64Concat: sequential jury ids, jurisdiction ids assigned on-chain.
	#[pallet::storage]
	pub type Strata<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JuryId, Twox64Concat, JurisdictionId, Stratum>;

	/// The pool: each stratum's volunteers' aliases by place, in order of enrolment.
	// Twox64Concat: sequential jury ids, jurisdiction ids assigned on-chain, sequential places.
	#[pallet::storage]
	pub type Pool<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, JuryId>,
			NMapKey<Twox64Concat, JurisdictionId>,
			NMapKey<Twox64Concat, u32>,
		),
		Alias,
	>;

	/// Each enrolled alias's stratum and place: one enrolment per person and jury.
	// Twox64Concat: sequential jury ids; Identity: aliases are hash outputs nobody can choose.
	#[pallet::storage]
	pub type Enrolled<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JuryId, Identity, Alias, (JurisdictionId, u32)>;

	/// The lazy permutation of each stratum: the place now at a position, where it differs
	/// from the position itself.
	// Twox64Concat: sequential jury ids, jurisdiction ids assigned on-chain, positions.
	#[pallet::storage]
	pub type Swaps<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, JuryId>,
			NMapKey<Twox64Concat, JurisdictionId>,
			NMapKey<Twox64Concat, u32>,
		),
		u32,
	>;

	/// The summonses of each jury's drawn aliases.
	// Twox64Concat: sequential jury ids; Identity: aliases are hash outputs.
	#[pallet::storage]
	pub type Summonses<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JuryId, Identity, Alias, Summons<BlockNumberFor<T>>>;

	/// How many juries not yet over froze their roll at each point of the roll clock (as
	/// ballots' `LiveRolls`: big-endian keys iterate in the clock's order).
	// Identity: roll points chosen by the pallet, whose order a lookup needs.
	#[pallet::storage]
	pub type LiveRolls<T: Config> = StorageMap<_, Identity, [u8; 4], u32>;

	/// The relay epochs this chain saw begin, oldest first, at most `MaxRecentEpochs`.
	#[pallet::storage]
	pub type RecentEpochs<T: Config> =
		StorageValue<_, BoundedVec<RelayEpoch<BlockNumberFor<T>>, T::MaxRecentEpochs>, ValueQuery>;

	/// The block of this chain that saw the newest relay epoch dropped from [`RecentEpochs`]:
	/// a pool frozen before it can no longer be drawn (its randomness may be gone).
	#[pallet::storage]
	pub type DroppedThrough<T: Config> = StorageValue<_, BlockNumberFor<T>>;

	/// Where this chain's randomness comes from (its genesis says).
	#[pallet::storage]
	pub type RandomnessSourceOf<T: Config> = StorageValue<_, RandomnessSource, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Whether the chain runs on a mock relay chain (`--dev`), whose randomness is
		/// predictable.
		pub mock_randomness: bool,
		#[serde(skip)]
		pub _phantom: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let source =
				if self.mock_randomness { RandomnessSource::Mock } else { RandomnessSource::Relay };
			RandomnessSourceOf::<T>::put(source);
		}
	}

	/// The origin of a jury's verdict: the registry adopts or rejects the bill it names.
	#[pallet::origin]
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub enum Origin {
		/// Jury `jury`, deciding bill `act`.
		Jury {
			/// The jury.
			jury: JuryId,
			/// The bill it decides.
			act: ActId,
		},
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A bill was sent to a jury; its pool is open until `freeze`.
		SentToJury {
			/// The jury.
			jury: JuryId,
			/// The bill.
			act: ActId,
			/// The bill's version it decides.
			version: pallet_veche_primitives::VersionIndex,
			/// The bill's jurisdiction.
			unit: JurisdictionId,
			/// The seats.
			size: u32,
			/// The credential a volunteer proves.
			credential: Option<CredentialClass>,
			/// The pool's context.
			context: Context,
			/// The roll volunteers prove against.
			roll: Roll,
			/// The first block enrolment is closed.
			freeze: BlockNumberFor<T>,
			/// The blocks a summoned juror has to accept.
			acceptance: BlockNumberFor<T>,
			/// The blocks the jury votes.
			voting: BlockNumberFor<T>,
		},
		/// An alias volunteered.
		Enrolled {
			/// The jury.
			jury: JuryId,
			/// The volunteer's alias.
			alias: Alias,
			/// Their stratum.
			stratum: JurisdictionId,
			/// Their place in the stratum's pool.
			place: u32,
		},
		/// A relay epoch began, as this chain saw it.
		RelayEpochNoted {
			/// Its index.
			epoch: u64,
			/// Its randomness (of the epoch before it).
			randomness: [u8; 32],
			/// The relay block at which the relay chain's storage holds them.
			relay_block: RelayBlockNumber,
			/// Where the randomness came from: the relay chain, or a development chain's mock.
			source: RandomnessSource,
		},
		/// The draw began: the randomness and seed it uses.
		DrawStarted {
			/// The jury.
			jury: JuryId,
			/// The relay epoch whose randomness is used.
			epoch: u64,
			/// That randomness.
			randomness: [u8; 32],
			/// The relay block holding it.
			relay_block: RelayBlockNumber,
			/// Where it came from.
			source: RandomnessSource,
			/// The seed.
			seed: [u8; 32],
		},
		/// A stratum's seats were set.
		QuotaSet {
			/// The jury.
			jury: JuryId,
			/// The stratum.
			stratum: JurisdictionId,
			/// Its registered persons.
			persons: u32,
			/// Its volunteers.
			volunteers: u32,
			/// Its seats.
			quota: u32,
		},
		/// An alias was drawn and summoned.
		Summoned {
			/// The jury.
			jury: JuryId,
			/// The alias.
			alias: Alias,
			/// Its stratum.
			stratum: JurisdictionId,
			/// The position of the stratum's permutation it was drawn at.
			position: u32,
			/// Its place in the stratum's pool.
			place: u32,
			/// The first block it can no longer accept.
			deadline: BlockNumberFor<T>,
		},
		/// Every stratum was drawn.
		DrawCompleted {
			/// The jury.
			jury: JuryId,
			/// How many were summoned.
			summoned: u32,
		},
		/// A summoned alias accepted: a juror.
		Seated {
			/// The jury.
			jury: JuryId,
			/// The juror's alias.
			alias: Alias,
		},
		/// A summons lapsed unanswered.
		Lapsed {
			/// The jury.
			jury: JuryId,
			/// The alias.
			alias: Alias,
		},
		/// The jury's vote opened.
		VoteOpened {
			/// The jury.
			jury: JuryId,
			/// The ballots poll.
			poll: pallet_veche_primitives::PollId,
			/// The seated jurors.
			seated: u32,
		},
		/// The jury decided.
		Decided {
			/// The jury.
			jury: JuryId,
			/// The bill.
			act: ActId,
			/// Whether it was adopted.
			adopted: bool,
			/// Yes votes.
			ayes: u64,
			/// No votes.
			nays: u64,
			/// Seated jurors.
			seated: u32,
		},
		/// No juror could be seated.
		JuryFailed {
			/// The jury.
			jury: JuryId,
		},
		/// Governance withdrew the bill from the jury.
		JuryCancelled {
			/// The jury.
			jury: JuryId,
		},
		/// Stored pool entries, swaps and summonses of an ended jury were removed.
		Cleared {
			/// The jury.
			jury: JuryId,
			/// How many entries.
			removed: u32,
			/// Whether nothing is left.
			complete: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No jury has this index.
		JuryNotFound,
		/// The act is not a bill awaiting adoption: only bills go to juries.
		NotABill,
		/// The bill is already before a jury.
		AlreadyBeforeJury,
		/// A jury has 1..=`MaxJurySize` seats.
		InvalidSize,
		/// The pool must freeze after now and within `MaxPoolPeriod` blocks.
		InvalidFreeze,
		/// The acceptance window is 1..=`MaxAcceptancePeriod` blocks and the vote
		/// 1..=`MaxVotingPeriod`.
		InvalidPeriod,
		/// The pool is frozen: volunteers enrol only before the freeze.
		PoolFrozen,
		/// The proof's ring is not a constituency ring.
		NotAConstituencyRing,
		/// The volunteer's constituency is not in the bill's jurisdiction.
		OutsideJurisdiction,
		/// This jury asks for a credential: add a proof of it.
		CredentialRequired,
		/// The credential proof is not of the credential this jury asks for (or it asks for
		/// none).
		WrongCredential,
		/// The credential proof was made by someone else than the constituency proof.
		AliasMismatch,
		/// This alias already enrolled in this jury.
		AlreadyEnrolled,
		/// The pool holds `MaxStrata` strata; a new constituency cannot join.
		TooManyStrata,
		/// A proof cannot be decoded.
		MalformedProof,
		/// A proof names a ring that does not exist.
		RingNotFound,
		/// A proof names a ring revision that is not in the jury's roll (frozen when the bill was
		/// sent): a key registered or rotated later does not enrol in this jury.
		NotInRoll,
		/// A proof's ring holds fewer keys than the anonymity floor.
		RingTooSmall,
		/// A proof does not verify for this ring, the jury's context and this message.
		InvalidProof,
		/// The pool is still open: the draw comes after the freeze.
		PoolStillOpen,
		/// The randomness of the draw is not known yet: it is that of the second relay epoch
		/// this chain sees begin after the freeze.
		RandomnessNotYet,
		/// The randomness of the draw is no longer kept (`MaxRecentEpochs`): the jury cannot be
		/// drawn; governance cancels it and sends the bill again.
		RandomnessExpired,
		/// The jury is not being drawn.
		NotDrawing,
		/// This alias was not summoned to this jury.
		NotSummoned,
		/// This alias already accepted.
		AlreadySeated,
		/// This summons lapsed.
		SummonsLapsed,
		/// The summons's deadline passed; it can no longer be accepted.
		AcceptanceClosed,
		/// The summons can still be accepted: it lapses at its deadline.
		AcceptanceOpen,
		/// The jury is not voting.
		NotVoting,
		/// The jury is over.
		JuryOver,
		/// The jury is not over, or ended less than `RetentionPeriod` blocks ago.
		RetentionNotOver,
		/// A chunk size must be at least 1.
		ZeroLimit,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxJurySize::get() > 0, "MaxJurySize must be positive");
			assert!(T::MaxStrata::get() > 0, "MaxStrata must be positive");
			assert!(T::MaxRecentEpochs::get() >= 4, "MaxRecentEpochs must be at least 4");
			assert!(
				!T::MaxAcceptancePeriod::get().is_zero(),
				"MaxAcceptancePeriod must be positive"
			);
			assert!(!T::MaxVotingPeriod::get().is_zero(), "MaxVotingPeriod must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight = <T as Config>::WeightInfo)]
	impl<T: Config> Pallet<T> {
		/// Sends a bill to a jury of `size` seats whose pool is open until block `freeze`.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		/// - `credential`: the credential class every volunteer proves (a legal
		///   qualification), or `None`.
		/// - `acceptance`: the blocks a summoned juror has to accept (1..=`MaxAcceptancePeriod`);
		///   `voting`: the blocks the jury votes (1..=`MaxVotingPeriod`).
		///
		/// Freezes the roll now: persons registered (or keys rotated) later do not enrol.
		/// Emits [`Event::SentToJury`]. Errors: [`Error::NotABill`],
		/// [`Error::AlreadyBeforeJury`], [`Error::InvalidSize`], [`Error::InvalidFreeze`],
		/// [`Error::InvalidPeriod`].
		#[pallet::call_index(0)]
		pub fn send_to_jury(
			origin: OriginFor<T>,
			act: ActId,
			size: u32,
			credential: Option<CredentialClass>,
			freeze: BlockNumberFor<T>,
			acceptance: BlockNumberFor<T>,
			voting: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let bill = T::Bills::open_bill(act).ok_or(Error::<T>::NotABill)?;
			ensure!(!JuryOfAct::<T>::contains_key(act), Error::<T>::AlreadyBeforeJury);
			ensure!((1..=T::MaxJurySize::get()).contains(&size), Error::<T>::InvalidSize);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(
				freeze > now && freeze.saturating_sub(now) <= T::MaxPoolPeriod::get(),
				Error::<T>::InvalidFreeze
			);
			ensure!(
				!acceptance.is_zero()
					&& acceptance <= T::MaxAcceptancePeriod::get()
					&& !voting.is_zero()
					&& voting <= T::MaxVotingPeriod::get(),
				Error::<T>::InvalidPeriod
			);
			let jury = NextJuryId::<T>::get();
			NextJuryId::<T>::put(jury.checked_add(1).ok_or(ArithmeticError::Overflow)?);
			// Unique to this jury and chain, unknown before this block, apart from polls'.
			let context: Context = BlakeTwo256::hash_of(&(
				b"veche/jury",
				jury,
				frame_system::Pallet::<T>::parent_hash(),
			))
			.into();
			let roll = T::Personhood::current_roll();
			pallet_veche_primitives::live_rolls::hold::<LiveRolls<T>>(roll);
			Juries::<T>::insert(
				jury,
				Jury {
					act,
					version: bill.version,
					unit: bill.unit,
					size,
					credential,
					context,
					roll,
					freeze,
					acceptance,
					voting,
					volunteers: 0,
					pending: 0,
					seated: 0,
					draw: None,
					stage: JuryStage::Enrolling,
					ended: None,
				},
			);
			JuryOfAct::<T>::insert(act, jury);
			Self::deposit_event(Event::SentToJury {
				jury,
				act,
				version: bill.version,
				unit: bill.unit,
				size,
				credential,
				context,
				roll,
				freeze,
				acceptance,
				voting,
			});
			Ok(())
		}

		/// Volunteers for a jury, anonymously.
		///
		/// - Origin: authorized. Submit as a general transaction without a signer; it is
		///   authorized by its proofs and pays no fee.
		/// - `ring`, `proof`: a proof of membership of the volunteer's constituency ring (the
		///   revision in the jury's roll), in the jury's context, over [`enrol_message`];
		///   `credential`: the credential ring and a proof by the same person, if the jury asks
		///   for one.
		///
		/// Emits [`Event::Enrolled`]. Errors (as `InvalidTransaction::Custom(index)` when
		/// authorizing): [`Error::JuryNotFound`], [`Error::PoolFrozen`],
		/// [`Error::NotAConstituencyRing`], [`Error::OutsideJurisdiction`],
		/// [`Error::CredentialRequired`], [`Error::WrongCredential`],
		/// [`Error::MalformedProof`], [`Error::RingNotFound`], [`Error::NotInRoll`],
		/// [`Error::RingTooSmall`], [`Error::InvalidProof`], [`Error::AliasMismatch`],
		/// [`Error::AlreadyEnrolled`], [`Error::TooManyStrata`].
		#[pallet::call_index(1)]
		#[pallet::authorize(|_source, jury, ring, proof, credential| {
			Pallet::<T>::authorize_enrol(*jury, ring, proof, credential)
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_enrol())]
		pub fn enrol(
			origin: OriginFor<T>,
			jury: JuryId,
			ring: RingRef,
			proof: Proof,
			credential: Option<(RingRef, Proof)>,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let (mut info, stratum, alias) = Self::check_enrol(jury, &ring, &proof, &credential)?;
			let mut strata = StrataOf::<T>::get(jury);
			let mut record = Strata::<T>::get(jury, stratum).unwrap_or_default();
			if record.volunteers == 0 && !strata.contains(&stratum) {
				strata.try_push(stratum).map_err(|_| Error::<T>::TooManyStrata)?;
				StrataOf::<T>::insert(jury, strata);
			}
			let place = record.volunteers;
			record.volunteers = place.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			info.volunteers = info.volunteers.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Pool::<T>::insert((jury, stratum, place), alias);
			Enrolled::<T>::insert(jury, alias, (stratum, place));
			Strata::<T>::insert(jury, stratum, record);
			Juries::<T>::insert(jury, info);
			Self::deposit_event(Event::Enrolled { jury, alias, stratum, place });
			Ok(Pays::No.into())
		}

		/// Draws up to `limit` jurors; the first call after the randomness is known sets the
		/// quotas and the seed, later calls continue where the last stopped.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::DrawStarted`] and [`Event::QuotaSet`] (first call), [`Event::Summoned`]
		/// per juror, [`Event::DrawCompleted`] (last call), and [`Event::JuryFailed`] if nobody
		/// volunteered. Errors: [`Error::JuryNotFound`], [`Error::PoolStillOpen`],
		/// [`Error::RandomnessNotYet`], [`Error::RandomnessExpired`], [`Error::NotDrawing`],
		/// [`Error::ZeroLimit`].
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::start_draw(T::MaxStrata::get())
			.saturating_add(<T as Config>::WeightInfo::draw(*limit)))]
		pub fn draw(origin: OriginFor<T>, jury: JuryId, limit: u32) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(limit > 0, Error::<T>::ZeroLimit);
			let mut info = Juries::<T>::get(jury).ok_or(Error::<T>::JuryNotFound)?;
			let now = T::BlockNumberProvider::current_block_number();
			let mut used = Weight::zero();
			if info.stage == JuryStage::Enrolling {
				ensure!(now >= info.freeze, Error::<T>::PoolStillOpen);
				let strata = Self::start_draw(jury, &mut info)?;
				used = <T as Config>::WeightInfo::start_draw(strata);
			}
			let JuryStage::Drawing { stratum: mut at } = info.stage else {
				return Err(Error::<T>::NotDrawing.into());
			};
			let seed = info.draw.map(|d| d.seed).unwrap_or_default();
			let strata = StrataOf::<T>::get(jury);
			let mut drawn = 0u32;
			// The cursor always rests on the first stratum not fully drawn (or past the last).
			while let Some(stratum) = strata.get(at as usize).copied() {
				let mut record = Strata::<T>::get(jury, stratum).unwrap_or_default();
				while drawn < limit && record.drawn < record.quota {
					Self::summon_next(jury, stratum, &mut record, &seed, info.acceptance, now)?;
					drawn = drawn.saturating_add(1);
				}
				if record.drawn < record.quota {
					break;
				}
				at = at.saturating_add(1);
			}
			info.pending = info.pending.checked_add(drawn).ok_or(ArithmeticError::Overflow)?;
			if (at as usize) < strata.len() {
				info.stage = JuryStage::Drawing { stratum: at };
				Juries::<T>::insert(jury, info);
			} else {
				info.stage = JuryStage::Seating;
				let summoned = info.pending;
				Self::deposit_event(Event::DrawCompleted { jury, summoned });
				Self::settle(jury, info, now)?;
			}
			Ok(Some(used.saturating_add(<T as Config>::WeightInfo::draw(drawn))).into())
		}

		/// Accepts a summons: the drawn volunteer takes their seat.
		///
		/// - Origin: authorized (no signer, no fee), by a proof of membership of a ring revision
		///   in the jury's roll, in the jury's context, over [`accept_message`]: its alias is the
		///   summoned one.
		///
		/// The last acceptance that leaves no summons pending opens the vote. Emits
		/// [`Event::Seated`] (and [`Event::VoteOpened`]). Errors: [`Error::JuryNotFound`],
		/// [`Error::JuryOver`], [`Error::MalformedProof`], [`Error::NotSummoned`],
		/// [`Error::AlreadySeated`], [`Error::SummonsLapsed`], [`Error::AcceptanceClosed`], and
		/// the proof's errors ([`Error::NotInRoll`], [`Error::InvalidProof`], …).
		#[pallet::call_index(3)]
		#[pallet::authorize(|_source, jury, ring, proof| {
			Pallet::<T>::authorize_accept(*jury, ring, proof)
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_accept())]
		pub fn accept(
			origin: OriginFor<T>,
			jury: JuryId,
			ring: RingRef,
			proof: Proof,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let _ = ring;
			let now = T::BlockNumberProvider::current_block_number();
			let (mut info, alias, mut summons) = Self::check_accept(jury, &proof, now)?;
			summons.status = SummonsStatus::Seated;
			Strata::<T>::mutate(jury, summons.stratum, |s| {
				if let Some(s) = s {
					s.seated = s.seated.saturating_add(1);
				}
			});
			Summonses::<T>::insert(jury, alias, summons);
			info.seated = info.seated.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			info.pending = info.pending.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
			Self::deposit_event(Event::Seated { jury, alias });
			Self::settle(jury, info, now)?;
			Ok(Pays::No.into())
		}

		/// Lapses a summons not accepted by its deadline and summons the next position of the
		/// same stratum's permutation, if the stratum has volunteers left.
		///
		/// - Origin: signed (anyone).
		///
		/// The last lapse that leaves no summons pending opens the vote (or fails the jury if
		/// nobody is seated). Emits [`Event::Lapsed`] (and [`Event::Summoned`],
		/// [`Event::VoteOpened`], [`Event::JuryFailed`]). Errors: [`Error::JuryNotFound`],
		/// [`Error::JuryOver`], [`Error::NotSummoned`], [`Error::AlreadySeated`],
		/// [`Error::SummonsLapsed`], [`Error::AcceptanceOpen`].
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::lapse().max(<T as Config>::WeightInfo::accept()))]
		pub fn lapse(origin: OriginFor<T>, jury: JuryId, alias: Alias) -> DispatchResult {
			ensure_signed(origin)?;
			let mut info = Juries::<T>::get(jury).ok_or(Error::<T>::JuryNotFound)?;
			ensure!(!info.stage.is_over(), Error::<T>::JuryOver);
			let mut summons = Summonses::<T>::get(jury, alias).ok_or(Error::<T>::NotSummoned)?;
			Self::ensure_summoned(&summons)?;
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(now >= summons.deadline, Error::<T>::AcceptanceOpen);
			summons.status = SummonsStatus::Lapsed;
			Summonses::<T>::insert(jury, alias, summons);
			info.pending = info.pending.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
			Self::deposit_event(Event::Lapsed { jury, alias });
			let mut record = Strata::<T>::get(jury, summons.stratum).unwrap_or_default();
			if record.drawn < record.volunteers {
				let seed = info.draw.map(|d| d.seed).unwrap_or_default();
				Self::summon_next(jury, summons.stratum, &mut record, &seed, info.acceptance, now)?;
				info.pending = info.pending.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			}
			Self::settle(jury, info, now)
		}

		/// Concludes a jury's vote after its end: more yes votes than half the seated jurors
		/// adopt the bill's version (a law), anything less rejects it, through the registry with
		/// the jury's origin.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::Decided`] (and the registry's and ballots' events). Errors:
		/// [`Error::JuryNotFound`], [`Error::NotVoting`], ballots' `VotingNotOver`, the
		/// registry's errors.
		#[pallet::call_index(5)]
		pub fn conclude(origin: OriginFor<T>, jury: JuryId) -> DispatchResult {
			ensure_signed(origin)?;
			let mut info = Juries::<T>::get(jury).ok_or(Error::<T>::JuryNotFound)?;
			let JuryStage::Voting { poll } = info.stage else {
				return Err(Error::<T>::NotVoting.into());
			};
			T::Polls::close(poll)?;
			let results = T::Polls::results(poll).unwrap_or_default();
			let ayes = results.options.first().copied().unwrap_or(0);
			let nays = results.options.get(1).copied().unwrap_or(0);
			let adopted = ayes.saturating_mul(2) > u64::from(info.seated);
			T::Bills::decide(jury, info.act, info.version, adopted)?;
			let now = T::BlockNumberProvider::current_block_number();
			info.stage = JuryStage::Decided { adopted, poll };
			Self::end(jury, &mut info, now);
			let (act, seated) = (info.act, info.seated);
			Juries::<T>::insert(jury, info);
			Self::deposit_event(Event::Decided { jury, act, adopted, ayes, nays, seated });
			Ok(())
		}

		/// Withdraws a bill from its jury (before the jury decided).
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::JuryCancelled`]. Errors: [`Error::JuryNotFound`], [`Error::JuryOver`].
		#[pallet::call_index(6)]
		pub fn cancel(origin: OriginFor<T>, jury: JuryId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut info = Juries::<T>::get(jury).ok_or(Error::<T>::JuryNotFound)?;
			ensure!(!info.stage.is_over(), Error::<T>::JuryOver);
			info.stage = JuryStage::Cancelled;
			Self::end(jury, &mut info, T::BlockNumberProvider::current_block_number());
			Juries::<T>::insert(jury, info);
			Self::deposit_event(Event::JuryCancelled { jury });
			Ok(())
		}

		/// Removes up to `limit` stored pool entries, enrolments, swaps and summonses of a jury
		/// that ended at least `RetentionPeriod` blocks ago; the jury, its strata and its draw
		/// stay (the events keep the rest).
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::Cleared`]. Errors: [`Error::JuryNotFound`],
		/// [`Error::RetentionNotOver`], [`Error::ZeroLimit`].
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::clear(*limit))]
		pub fn clear(origin: OriginFor<T>, jury: JuryId, limit: u32) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(limit > 0, Error::<T>::ZeroLimit);
			let info = Juries::<T>::get(jury).ok_or(Error::<T>::JuryNotFound)?;
			let now = T::BlockNumberProvider::current_block_number();
			let ended = info.ended.ok_or(Error::<T>::RetentionNotOver)?;
			ensure!(
				now >= ended.saturating_add(T::RetentionPeriod::get()),
				Error::<T>::RetentionNotOver
			);
			let mut left = limit;
			let mut removed = 0u32;
			let pool: Vec<_> = Pool::<T>::iter_key_prefix((jury,)).take(left as usize).collect();
			for (stratum, place) in pool.iter() {
				Pool::<T>::remove((jury, stratum, place));
			}
			let swaps: Vec<_> = Swaps::<T>::iter_key_prefix((jury,))
				.take(left.saturating_sub(pool.len() as u32) as usize)
				.collect();
			for (stratum, position) in swaps.iter() {
				Swaps::<T>::remove((jury, stratum, position));
			}
			let n = (pool.len().saturating_add(swaps.len())) as u32;
			removed = removed.saturating_add(n);
			left = left.saturating_sub(n);
			let enrolled: Vec<_> =
				Enrolled::<T>::iter_key_prefix(jury).take(left as usize).collect();
			for alias in enrolled.iter() {
				Enrolled::<T>::remove(jury, alias);
			}
			left = left.saturating_sub(enrolled.len() as u32);
			let summonses: Vec<_> =
				Summonses::<T>::iter_key_prefix(jury).take(left as usize).collect();
			for alias in summonses.iter() {
				Summonses::<T>::remove(jury, alias);
			}
			removed = removed
				.saturating_add(enrolled.len() as u32)
				.saturating_add(summonses.len() as u32);
			let complete = Pool::<T>::iter_key_prefix((jury,)).next().is_none()
				&& Swaps::<T>::iter_key_prefix((jury,)).next().is_none()
				&& Enrolled::<T>::iter_key_prefix(jury).next().is_none()
				&& Summonses::<T>::iter_key_prefix(jury).next().is_none();
			Self::deposit_event(Event::Cleared { jury, removed, complete });
			Ok(Some(<T as Config>::WeightInfo::clear(removed)).into())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A jury.
		pub fn jury(jury: JuryId) -> Option<JuryOf<T>> {
			Juries::<T>::get(jury)
		}

		/// The summons of `alias` in `jury`: what a volunteer checks after the draw.
		pub fn summons_of(jury: JuryId, alias: Alias) -> Option<Summons<BlockNumberFor<T>>> {
			Summonses::<T>::get(jury, alias)
		}

		/// The strata of a jury's pool, in draw order, with their counts.
		pub fn strata(jury: JuryId) -> Vec<(JurisdictionId, Stratum)> {
			StrataOf::<T>::get(jury)
				.into_iter()
				.map(|s| (s, Strata::<T>::get(jury, s).unwrap_or_default()))
				.collect()
		}

		/// The message an enrolment's proofs sign.
		pub fn enrol_message_of(jury: JuryId) -> Vec<u8> {
			enrol_message(jury)
		}

		/// The message an acceptance's proof signs.
		pub fn accept_message_of(jury: JuryId) -> Vec<u8> {
			accept_message(jury)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Notes the relay chain's epoch and randomness read from the relay state proof of this
	/// block (the runtime calls it from `parachain-system`'s `OnSystemEvent`): a new epoch is
	/// recorded, with `relay_block` (this block's relay parent), and evented. Returns the weight
	/// used: one read, and a write when the epoch is new.
	pub fn note_relay_epoch(
		epoch: u64,
		randomness: [u8; 32],
		relay_block: RelayBlockNumber,
	) -> Weight {
		let mut recent = RecentEpochs::<T>::get();
		let reads = T::DbWeight::get().reads(1);
		if recent.last().is_some_and(|last| last.epoch >= epoch) {
			return reads;
		}
		let block = T::BlockNumberProvider::current_block_number();
		if recent.is_full() && !recent.is_empty() {
			let dropped = recent.remove(0);
			DroppedThrough::<T>::put(dropped.block);
		}
		let entry = RelayEpoch { epoch, randomness, relay_block, block };
		// Room was made above.
		let _ = recent.try_push(entry);
		RecentEpochs::<T>::put(recent);
		let source = RandomnessSourceOf::<T>::get();
		Self::deposit_event(Event::RelayEpochNoted { epoch, randomness, relay_block, source });
		reads.saturating_add(T::DbWeight::get().reads_writes(1, 2))
	}

	/// The relay epoch whose randomness draws a pool frozen at `freeze`: the second one this
	/// chain saw begin after the freeze.
	pub fn draw_epoch(
		freeze: BlockNumberFor<T>,
	) -> Result<RelayEpoch<BlockNumberFor<T>>, DispatchError> {
		ensure!(
			DroppedThrough::<T>::get().is_none_or(|dropped| dropped < freeze),
			Error::<T>::RandomnessExpired
		);
		RecentEpochs::<T>::get()
			.into_iter()
			.filter(|e| e.block > freeze)
			.nth(1)
			.ok_or_else(|| Error::<T>::RandomnessNotYet.into())
	}

	/// Sets the seed and the quotas of a frozen pool; returns how many strata it has.
	fn start_draw(jury: JuryId, info: &mut JuryOf<T>) -> Result<u32, DispatchError> {
		let relay = Self::draw_epoch(info.freeze)?;
		let source = RandomnessSourceOf::<T>::get();
		let seed = sortition::seed(jury, relay.epoch, &relay.randomness);
		info.draw = Some(DrawRecord { relay, source, seed });
		Self::deposit_event(Event::DrawStarted {
			jury,
			epoch: relay.epoch,
			randomness: relay.randomness,
			relay_block: relay.relay_block,
			source,
			seed,
		});
		let strata = StrataOf::<T>::get(jury);
		let sizes: Vec<sortition::StratumSize> = strata
			.iter()
			.map(|s| sortition::StratumSize {
				stratum: *s,
				persons: T::Personhood::roll_members(Some(*s)),
				volunteers: Strata::<T>::get(jury, s).map_or(0, |r| r.volunteers),
			})
			.collect();
		let quotas = sortition::quotas(info.size, &sizes);
		for (size, quota) in sizes.iter().zip(quotas) {
			Strata::<T>::mutate(jury, size.stratum, |r| {
				if let Some(r) = r {
					r.persons = size.persons;
					r.quota = quota;
				}
			});
			Self::deposit_event(Event::QuotaSet {
				jury,
				stratum: size.stratum,
				persons: size.persons,
				volunteers: size.volunteers,
				quota,
			});
		}
		info.stage = JuryStage::Drawing { stratum: 0 };
		Ok(strata.len() as u32)
	}

	/// Summons the alias at the next position of `stratum`'s permutation (it has volunteers
	/// left): a Fisher–Yates step over the stored swaps.
	fn summon_next(
		jury: JuryId,
		stratum: JurisdictionId,
		record: &mut Stratum,
		seed: &[u8; 32],
		acceptance: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let i = record.drawn;
		let remaining = record.volunteers.checked_sub(i).ok_or(ArithmeticError::Underflow)?;
		let j = i
			.checked_add(sortition::pick(seed, stratum, i, remaining))
			.ok_or(ArithmeticError::Overflow)?;
		let at_i = Swaps::<T>::get((jury, stratum, i)).unwrap_or(i);
		let at_j = Swaps::<T>::get((jury, stratum, j)).unwrap_or(j);
		if j != i {
			Swaps::<T>::insert((jury, stratum, j), at_i);
		}
		Swaps::<T>::remove((jury, stratum, i));
		let alias = Pool::<T>::get((jury, stratum, at_j))
			.ok_or(DispatchError::Other("a drawn place holds no volunteer"))?;
		let deadline = now.saturating_add(acceptance);
		Summonses::<T>::insert(
			jury,
			alias,
			Summons { stratum, position: i, deadline, status: SummonsStatus::Summoned },
		);
		record.drawn = i.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		Strata::<T>::insert(jury, stratum, *record);
		Self::deposit_event(Event::Summoned {
			jury,
			alias,
			stratum,
			position: i,
			place: at_j,
			deadline,
		});
		Ok(())
	}

	/// Stores a jury after a change while seating, opening its vote when no summons is pending
	/// (or failing it when nobody is seated).
	fn settle(jury: JuryId, mut info: JuryOf<T>, now: BlockNumberFor<T>) -> DispatchResult {
		if info.stage == JuryStage::Seating && info.pending == 0 {
			if info.seated == 0 {
				info.stage = JuryStage::Failed;
				Self::end(jury, &mut info, now);
				Self::deposit_event(Event::JuryFailed { jury });
			} else {
				let units = BoundedVec::truncate_from(alloc::vec![info.unit]);
				let list = AliasList {
					list: jury,
					context: info.context,
					roll: info.roll,
					size: info.seated,
				};
				let end = now.saturating_add(info.voting);
				let poll = T::Polls::create_with_appeal(
					PollKind::YesNo,
					ListSizes::new(),
					Electorate::of_list(units, list),
					now,
					end,
					Zero::zero(),
				)?;
				info.stage = JuryStage::Voting { poll };
				Self::deposit_event(Event::VoteOpened { jury, poll, seated: info.seated });
			}
		}
		Juries::<T>::insert(jury, info);
		Ok(())
	}

	/// Ends a jury: releases its bill and its roll (a poll it opened holds its own).
	fn end(jury: JuryId, info: &mut JuryOf<T>, now: BlockNumberFor<T>) {
		if JuryOfAct::<T>::get(info.act) == Some(jury) {
			JuryOfAct::<T>::remove(info.act);
		}
		pallet_veche_primitives::live_rolls::release::<LiveRolls<T>>(info.roll);
		info.ended = Some(now);
	}

	fn ensure_summoned(summons: &Summons<BlockNumberFor<T>>) -> DispatchResult {
		match summons.status {
			SummonsStatus::Summoned => Ok(()),
			SummonsStatus::Seated => Err(Error::<T>::AlreadySeated.into()),
			SummonsStatus::Lapsed => Err(Error::<T>::SummonsLapsed.into()),
		}
	}

	/// The checks of an enrolment that need no proof verification. Returns the jury, the
	/// volunteer's stratum and the alias the proof claims.
	fn check_enrol(
		jury: JuryId,
		ring: &RingRef,
		proof: &[u8],
		credential: &Option<(RingRef, Proof)>,
	) -> Result<(JuryOf<T>, JurisdictionId, Alias), DispatchError> {
		let info = Juries::<T>::get(jury).ok_or(Error::<T>::JuryNotFound)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(info.stage == JuryStage::Enrolling && now < info.freeze, Error::<T>::PoolFrozen);
		let RingSet::Constituency(stratum) = ring.set else {
			return Err(Error::<T>::NotAConstituencyRing.into());
		};
		ensure!(T::Jurisdictions::is_within(stratum, info.unit), Error::<T>::OutsideJurisdiction);
		match (info.credential, credential) {
			(None, None) => {},
			(Some(_), None) => return Err(Error::<T>::CredentialRequired.into()),
			(Some(class), Some((c, _))) if c.set == RingSet::Credential(class) => {},
			_ => return Err(Error::<T>::WrongCredential.into()),
		}
		T::Personhood::check_ring(ring, info.roll).map_err(Error::<T>::from)?;
		let alias = T::Personhood::claimed_alias(proof).ok_or(Error::<T>::MalformedProof)?;
		if let Some((c, p)) = credential {
			T::Personhood::check_ring(c, info.roll).map_err(Error::<T>::from)?;
			let other = T::Personhood::claimed_alias(p).ok_or(Error::<T>::MalformedProof)?;
			ensure!(other == alias, Error::<T>::AliasMismatch);
		}
		ensure!(!Enrolled::<T>::contains_key(jury, alias), Error::<T>::AlreadyEnrolled);
		let strata = StrataOf::<T>::get(jury);
		ensure!(strata.contains(&stratum) || !strata.is_full(), Error::<T>::TooManyStrata);
		Ok((info, stratum, alias))
	}

	/// Authorizes an enrolment: the cheap checks, then both proofs verified in one batch.
	fn authorize_enrol(
		jury: JuryId,
		ring: &RingRef,
		proof: &Proof,
		credential: &Option<(RingRef, Proof)>,
	) -> TransactionValidityWithRefund {
		let invalid = pallet_veche_primitives::pool_refusal;
		let (info, _, alias) = Self::check_enrol(jury, ring, proof, credential).map_err(invalid)?;
		let message = enrol_message(jury);
		let mut items = alloc::vec![ProofItem {
			proof,
			ring: *ring,
			roll: info.roll,
			context: info.context,
			message: &message,
		}];
		if let Some((c, p)) = credential {
			items.push(ProofItem {
				proof: p,
				ring: *c,
				roll: info.roll,
				context: info.context,
				message: &message,
			});
		}
		for outcome in T::Personhood::verify_batch(&items) {
			let proven = outcome.map_err(|e| invalid(Error::<T>::from(e).into()))?;
			ensure!(proven.alias == alias, invalid(Error::<T>::InvalidProof.into()));
		}
		let refund = if credential.is_some() {
			Weight::zero()
		} else {
			<T as Config>::WeightInfo::authorize_enrol()
				.saturating_sub(<T as Config>::WeightInfo::authorize_accept())
		};
		let validity = ValidTransaction::with_tag_prefix("VecheJuryEnrol")
			.and_provides((jury, alias))
			.longevity(64)
			.propagate(true)
			.build()?;
		Ok((validity, refund))
	}

	/// The checks of an acceptance that need no proof verification.
	fn check_accept(
		jury: JuryId,
		proof: &[u8],
		now: BlockNumberFor<T>,
	) -> Result<(JuryOf<T>, Alias, Summons<BlockNumberFor<T>>), DispatchError> {
		let info = Juries::<T>::get(jury).ok_or(Error::<T>::JuryNotFound)?;
		ensure!(!info.stage.is_over(), Error::<T>::JuryOver);
		let alias = T::Personhood::claimed_alias(proof).ok_or(Error::<T>::MalformedProof)?;
		let summons = Summonses::<T>::get(jury, alias).ok_or(Error::<T>::NotSummoned)?;
		Self::ensure_summoned(&summons)?;
		ensure!(now < summons.deadline, Error::<T>::AcceptanceClosed);
		Ok((info, alias, summons))
	}

	/// Authorizes an acceptance: the cheap checks, then the proof verified.
	fn authorize_accept(
		jury: JuryId,
		ring: &RingRef,
		proof: &Proof,
	) -> TransactionValidityWithRefund {
		let invalid = pallet_veche_primitives::pool_refusal;
		let now = T::BlockNumberProvider::current_block_number();
		let (info, alias, _) = Self::check_accept(jury, proof, now).map_err(invalid)?;
		let proven =
			T::Personhood::verify(proof, ring, info.roll, &info.context, &accept_message(jury))
				.map_err(|e| invalid(Error::<T>::from(e).into()))?;
		ensure!(proven.alias == alias, invalid(Error::<T>::InvalidProof.into()));
		let validity = ValidTransaction::with_tag_prefix("VecheJuryAccept")
			.and_provides((jury, alias))
			.longevity(64)
			.propagate(true)
			.build()?;
		Ok((validity, Weight::zero()))
	}

	/// Checks the pallet's invariants:
	/// - every jury's id is below the next one; a jury not over holds its bill in
	///   [`JuryOfAct`] and its roll in [`LiveRolls`], which count exactly those juries;
	/// - a jury's volunteers are the sum of its strata's, each stratum's places `0..volunteers`
	///   hold an alias enrolled at that place (until cleared), and its strata list names each
	///   stratum once;
	/// - a stratum's seated jurors are at most its drawn positions, which are at most its
	///   volunteers; the quotas sum to at most the jury's size; while drawing, the cursor rests
	///   on the first stratum not fully drawn;
	/// - a jury's seated and pending counts equal its summonses' statuses;
	/// - the recent relay epochs increase.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut rolls: BTreeMap<Roll, u32> = BTreeMap::new();
		for (jury, info) in Juries::<T>::iter() {
			ensure!(jury < NextJuryId::<T>::get(), "jury id beyond the next one");
			if !info.stage.is_over() {
				ensure!(JuryOfAct::<T>::get(info.act) == Some(jury), "a live jury lost its bill");
				let n = rolls.entry(info.roll).or_default();
				*n = n.saturating_add(1);
			}
			let strata = StrataOf::<T>::get(jury);
			let mut sorted = strata.to_vec();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == strata.len(), "a stratum listed twice");
			let mut volunteers = 0u32;
			let mut quotas = 0u32;
			let cleared = Pool::<T>::iter_key_prefix((jury,)).next().is_none();
			for stratum in strata.iter() {
				let record =
					Strata::<T>::get(jury, stratum).ok_or("a listed stratum is missing")?;
				volunteers = volunteers.saturating_add(record.volunteers);
				quotas = quotas.saturating_add(record.quota);
				ensure!(record.seated <= record.drawn, "more seated than drawn");
				ensure!(record.drawn <= record.volunteers, "more drawn than volunteers");
				if !cleared {
					for place in 0..record.volunteers {
						let alias = Pool::<T>::get((jury, *stratum, place))
							.ok_or("a pool place is empty")?;
						ensure!(
							Enrolled::<T>::get(jury, alias) == Some((*stratum, place)),
							"a pool alias is not enrolled at its place"
						);
					}
				}
			}
			ensure!(volunteers == info.volunteers, "volunteers differ from the strata's");
			if let JuryStage::Drawing { stratum: at } = info.stage {
				let first_open = strata
					.iter()
					.position(|s| Strata::<T>::get(jury, s).is_some_and(|r| r.drawn < r.quota));
				ensure!(
					first_open == Some(at as usize),
					"the draw's cursor is not on the first open stratum"
				);
			}
			ensure!(quotas <= info.size, "quotas exceed the jury's size");
			if Summonses::<T>::iter_key_prefix(jury).next().is_some() || !info.stage.is_over() {
				let (mut seated, mut pending) = (0u32, 0u32);
				for (_, s) in Summonses::<T>::iter_prefix(jury) {
					match s.status {
						SummonsStatus::Seated => seated = seated.saturating_add(1),
						SummonsStatus::Summoned => pending = pending.saturating_add(1),
						SummonsStatus::Lapsed => {},
					}
				}
				ensure!(seated == info.seated, "seated count differs from the summonses");
				if !info.stage.is_over() {
					ensure!(pending == info.pending, "pending count differs from the summonses");
				}
			}
		}
		for (act, jury) in JuryOfAct::<T>::iter() {
			let info = Juries::<T>::get(jury).ok_or("a bill held by no jury")?;
			ensure!(info.act == act && !info.stage.is_over(), "a bill held by another jury");
		}
		for (key, n) in LiveRolls::<T>::iter() {
			let roll = Roll::from_be_bytes(key);
			ensure!(rolls.remove(&roll) == Some(n), "roll count differs from the live juries");
		}
		ensure!(rolls.is_empty(), "a live jury's roll is not counted");
		let recent = RecentEpochs::<T>::get();
		ensure!(
			recent.windows(2).all(|w| matches!(w, [a, b] if a.epoch < b.epoch)),
			"relay epochs out of order"
		);
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

/// The seated jurors of each jury: the alias lists of juries' polls.
impl<T: Config> AliasLists for Pallet<T> {
	fn contains(list: JuryId, alias: &Alias) -> bool {
		Summonses::<T>::get(list, alias).is_some_and(|s| s.status == SummonsStatus::Seated)
	}
}

/// Rolls held by juries not yet over (their pools' proofs and their jurors' acceptances need
/// the ring revisions of their roll).
impl<T: Config> RollUsage for Pallet<T> {
	fn roll_in_use(from: Roll, until: Roll) -> bool {
		pallet_veche_primitives::live_rolls::in_use::<LiveRolls<T>>(from, until)
	}
}

/// The origin of jury's verdict on `act`: [`Origin::Jury`] naming that act. Succeeds with the
/// jury.
pub struct EnsureJury<T>(core::marker::PhantomData<T>);
impl<T: Config, O> EnsureOriginWithArg<O, ActId> for EnsureJury<T>
where
	O: Into<Result<Origin, O>> + From<Origin>,
{
	type Success = JuryId;

	fn try_origin(o: O, act: &ActId) -> Result<JuryId, O> {
		match o.into() {
			Ok(Origin::Jury { jury, act: decided }) if decided == *act => Ok(jury),
			Ok(other) => Err(O::from(other)),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(act: &ActId) -> Result<O, ()> {
		Ok(O::from(Origin::Jury { jury: 0, act: *act }))
	}
}
