//! # Promises
//!
//! Every candidate's programme as a checklist, followed through the term, with a public record
//! that follows the person to later candidacies.
//!
//! ## Overview
//!
//! 1. **Made at nomination.** While nominations of an election are open, each of its candidates
//!    enters promises ([`Pallet::make`]): a short title, the hash of the full text, one of the
//!    twenty [`PolicySphere`]s, an optional deadline, and optionally the promise it is a part of
//!    (one level of parts). At most [`Config::MaxPromises`] a candidacy, each with
//!    [`Config::PromiseDeposit`] held. Promises are fixed when nominations close: a candidate may
//!    withdraw one ([`Pallet::withdraw`]) only before that.
//! 2. **Followed through the term.** Once the election has given the candidate a seat (on the
//!    count, in a run-off, or later as the next of their list), they report progress with a
//!    milestone and the hash of its evidence ([`Pallet::report_progress`]) while they serve.
//! 3. **Rated by accredited auditors.** Governance accredits publicly identified auditors
//!    ([`Pallet::accredit`]). An auditor rates an elected candidate's promise
//!    ([`Pallet::rate`]) — in the works, stalled, or a final verdict (kept, compromise, broken)
//!    — with the hash of a report; never a promise of their own, nor of an election they stood
//!    in themselves.
//! 4. **Appealed to the commission.** Within [`Config::AppealWindow`] of a verdict its maker may
//!    appeal it ([`Pallet::appeal`]); the commission upholds or replaces it
//!    ([`Pallet::decide_appeal`]), and its decision is final.
//!
//! A promise's statuses follow the six steps of the best promise trackers ([`PromiseStatus`]).
//! A promise whose deadline has passed without a verdict is *overdue*: computed when read,
//! never stored. Every change is kept in the promise's history (at most
//! [`Config::MaxHistory`] entries, room always kept for a verdict, its appeal and the decision)
//! and emitted as an event complete enough to rebuild the registry.
//!
//! The verdicts a person's promises received form their record ([`Verdicts`]). It joins their
//! portrait (through [`PromiseBook`]) and tightens promotion by record (through
//! [`PromotionRecord`]): a person with at least [`Config::PromotionMinVerdicts`] verdicts must
//! have kept at least [`Config::PromotionKeptShare`] of their promises (a compromise counts
//! half) to stand for an office that promotes by record.
//!
//! ## Deposits
//!
//! A promise's deposit pays for its storage. It is returned when the promise is withdrawn during
//! nominations, when it receives a verdict (its record is then complete), or when the maker
//! clears the promises of a candidacy that ended without a seat ([`Pallet::clear`]); promises
//! that were reported on or rated stay on record for good.
//!
//! ## Implementation notes
//!
//! Elections are read through [`CandidacyInspect`] only; this pallet never touches their
//! storage. Every call does bounded work: at most [`Config::MaxPromises`] promises of one
//! candidacy are cleared at once, each with a history of one entry.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	sp_runtime::{
		traits::{BlockNumberProvider, Saturating, StaticLookup, Zero},
		ArithmeticError, Perbill,
	},
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{
	CandidacyInspect, CandidacyState, DocumentHash, ElectionId, IdentityJudge, OfficeId,
	PolicySphere, PromiseBook, PromiseId, PromiseStatus, PromiseSummary, PromotionRecord, UnitKind,
};

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

/// The balance of the deposit currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A promise as stored.
pub type PromiseOf<T> = Promise<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxTitleLen,
>;
/// A history entry as stored.
pub type EntryOf<T> =
	Entry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, <T as Config>::MaxTitleLen>;
/// A title or milestone.
pub type TitleOf<T> = BoundedVec<u8, <T as Config>::MaxTitleLen>;
/// A lookup source of accounts.
pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

/// History entries kept free for a verdict, its appeal and the commission's decision: a progress
/// report or an interim rating is refused unless this many entries stay free after it.
pub const VERDICT_ROOM: u32 = 3;

/// The most promises a portrait lists.
pub const PORTRAIT_PROMISES: usize = 256;

/// The promises pallet: candidates' promises made at nomination, progress reported by the
/// officeholder, ratings and verdicts by accredited auditors, appeals to the commission, and each
/// person's record of verdicts.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A promise's deposit, held until its verdict, its withdrawal or its clearing.
		PromiseDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The clock of deadlines and appeal windows: the same as elections', so that terms and
		/// deadlines agree.
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// Where candidacies stand and the seats they gave (elections).
		type Candidacies: CandidacyInspect<Self::AccountId, BlockNumberFor<Self>>;

		/// Whether an account is publicly identified: auditors must be, to be accredited and to
		/// rate.
		type Identity: IdentityJudge<Self::AccountId>;

		/// The currency deposits are held in.
		type Currency: Inspect<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// Accredits and revokes auditors (governance).
		type AccreditOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Decides appeals of verdicts (the election commission).
		type AppealOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The deposit of one promise.
		#[pallet::constant]
		type PromiseDeposit: Get<BalanceOf<Self>>;

		/// The most promises (parts included) one candidacy makes.
		#[pallet::constant]
		type MaxPromises: Get<u32>;

		/// The longest title or milestone, in bytes.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;

		/// The most entries a promise's history keeps (more than [`VERDICT_ROOM`]).
		#[pallet::constant]
		type MaxHistory: Get<u32>;

		/// The most auditors accredited at once.
		#[pallet::constant]
		type MaxAuditors: Get<u32>;

		/// How long after a verdict its maker may appeal it.
		#[pallet::constant]
		type AppealWindow: Get<BlockNumberFor<Self>>;

		/// How many verdicts a person needs before their record can bar promotion.
		#[pallet::constant]
		type PromotionMinVerdicts: Get<u32>;

		/// The share of promises kept (a compromise counts half) that promotion by record needs.
		#[pallet::constant]
		type PromotionKeptShare: Get<Perbill>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self::AccountId, BlockNumberFor<Self>>;
	}

	/// Promises by id.
	// Twox64Concat: sequential ids.
	#[pallet::storage]
	pub type Promises<T: Config> = StorageMap<_, Twox64Concat, PromiseId, PromiseOf<T>>;

	/// The id the next promise gets.
	#[pallet::storage]
	pub type NextPromiseId<T: Config> = StorageValue<_, PromiseId, ValueQuery>;

	/// The promises of each candidacy (maker, election), in the order made.
	// Blake2_128Concat: accounts are chosen by users; Twox64Concat: sequential election ids.
	#[pallet::storage]
	pub type ByCandidacy<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ElectionId,
		BoundedVec<PromiseId, T::MaxPromises>,
		ValueQuery,
	>;

	/// Each promise's history, entry by entry from 0.
	// Twox64Concat: sequential promise ids and entry numbers.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PromiseId, Twox64Concat, u32, EntryOf<T>>;

	/// The verdicts each person's promises received.
	// Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Records<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Verdicts, ValueQuery>;

	/// Accredited auditors, with the block of their accreditation.
	// Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Auditors<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>>;

	/// How many auditors are accredited.
	#[pallet::storage]
	pub type AuditorCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A candidate made a promise.
		PromiseMade {
			/// The promise.
			promise: PromiseId,
			/// The candidate.
			maker: T::AccountId,
			/// The election it was made for.
			election: ElectionId,
			/// Its title.
			title: TitleOf<T>,
			/// The hash of its full text.
			content: DocumentHash,
			/// Its policy sphere.
			sphere: PolicySphere,
			/// Its deadline, if any.
			deadline: Option<BlockNumberFor<T>>,
			/// The promise it is a part of, if any.
			parent: Option<PromiseId>,
			/// The deposit held for it.
			deposit: BalanceOf<T>,
		},
		/// A candidate withdrew a promise before nominations closed; its deposit was returned.
		PromiseWithdrawn {
			/// The promise (its record is gone).
			promise: PromiseId,
			/// The candidate.
			maker: T::AccountId,
		},
		/// An officeholder reported progress on a promise.
		ProgressReported {
			/// The promise.
			promise: PromiseId,
			/// The officeholder.
			maker: T::AccountId,
			/// The progress now, in percent.
			progress: u8,
			/// The milestone reached.
			milestone: TitleOf<T>,
			/// The hash of the evidence.
			evidence: DocumentHash,
			/// The status after the report.
			status: PromiseStatus,
		},
		/// An accredited auditor rated a promise; a verdict returned its deposit.
		PromiseRated {
			/// The promise.
			promise: PromiseId,
			/// The auditor.
			auditor: T::AccountId,
			/// The status given.
			status: PromiseStatus,
			/// The hash of the auditor's report.
			report: DocumentHash,
			/// The deposit returned to the maker (zero unless a verdict).
			released: BalanceOf<T>,
		},
		/// A promise's maker appealed its verdict to the commission.
		VerdictAppealed {
			/// The promise.
			promise: PromiseId,
			/// The maker.
			maker: T::AccountId,
			/// The hash of the grounds.
			grounds: DocumentHash,
		},
		/// The commission decided an appeal; its verdict is final.
		AppealDecided {
			/// The promise.
			promise: PromiseId,
			/// The verdict appealed.
			previous: PromiseStatus,
			/// The final verdict (equal to `previous` when upheld).
			status: PromiseStatus,
			/// The hash of the decision.
			decision: DocumentHash,
		},
		/// Governance accredited an auditor.
		AuditorAccredited {
			/// The auditor.
			auditor: T::AccountId,
		},
		/// Governance revoked an auditor's accreditation.
		AuditorRevoked {
			/// The auditor.
			auditor: T::AccountId,
		},
		/// A candidate whose candidacy ended without a seat cleared its promises; their deposits
		/// were returned.
		PromisesCleared {
			/// The candidate.
			maker: T::AccountId,
			/// The election.
			election: ElectionId,
			/// The promises cleared (their records are gone).
			promises: BoundedVec<PromiseId, T::MaxPromises>,
			/// The deposits returned.
			released: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No promise has this id.
		PromiseNotFound,
		/// Promises are made and withdrawn only by a candidate of the election while its
		/// nominations are open.
		NotNominating,
		/// The title or milestone is empty: give a few words.
		EmptyTitle,
		/// The deadline is not after the current block.
		DeadlineInPast,
		/// The parent promise does not exist.
		ParentNotFound,
		/// The parent promise is another candidate's or another election's.
		ParentMismatch,
		/// The parent promise is itself a part: parts have no parts.
		ParentTooDeep,
		/// The candidacy already has [`Config::MaxPromises`] promises.
		TooManyPromises,
		/// Only the promise's maker may do this.
		NotMaker,
		/// The promise has parts: withdraw them first.
		HasParts,
		/// Progress is reported only by the maker while serving the term the promise's
		/// election gave them.
		NotServing,
		/// Progress is a percentage: 0 to 100.
		InvalidProgress,
		/// The promise has a verdict: only an appeal to the commission changes it.
		AlreadyDecided,
		/// The promise's history is full (room is kept for its verdict and appeal).
		HistoryFull,
		/// The caller is not an accredited auditor.
		NotAnAuditor,
		/// The account has no positive identity judgement: auditors act publicly.
		NotIdentified,
		/// Auditors never rate their own promises.
		OwnPromise,
		/// The auditor stood in the election the promise was made for: a rival never rates.
		ConflictOfInterest,
		/// The promise's maker was not elected in its election: only officeholders' promises
		/// are followed and rated.
		MakerNotElected,
		/// A rating moves a promise on: "not yet rated" is no rating. A commission's decision
		/// must be a verdict.
		InvalidStatus,
		/// The promise has no verdict to appeal.
		NoVerdict,
		/// The verdict was already appealed: the commission's decision is final.
		AlreadyAppealed,
		/// The appeal window of this verdict has closed.
		AppealWindowClosed,
		/// No appeal of this promise awaits a decision.
		NoPendingAppeal,
		/// The account is already an accredited auditor.
		AlreadyAccredited,
		/// [`Config::MaxAuditors`] auditors are accredited already.
		TooManyAuditors,
		/// Only the promises of a candidacy that ended without a seat are cleared.
		CandidacyNotEnded,
		/// The candidacy has no promises to clear.
		NoPromises,
		/// A promise of this candidacy was reported on or rated: it stays on record.
		PromisesOnRecord,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Auditors accredited at genesis (genesis takes them as publicly identified).
		pub auditors: Vec<T::AccountId>,
		/// Promises made at genesis by candidates nominating in a genesis election:
		/// `(maker, election, title, sphere, deadline)`; the content hash is the title's
		/// BLAKE2-256, and the deposit is held.
		pub promises:
			Vec<(T::AccountId, ElectionId, Vec<u8>, PolicySphere, Option<BlockNumberFor<T>>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for auditor in self.auditors.iter() {
				assert!(!Auditors::<T>::contains_key(auditor), "genesis auditors are distinct");
				Auditors::<T>::insert(auditor, BlockNumberFor::<T>::zero());
			}
			assert!(self.auditors.len() as u32 <= T::MaxAuditors::get(), "at most MaxAuditors");
			AuditorCount::<T>::put(self.auditors.len() as u32);
			for (maker, election, title, sphere, deadline) in self.promises.iter() {
				let title: TitleOf<T> = title.clone().try_into().expect("genesis titles fit; qed");
				use frame_support::sp_runtime::traits::{BlakeTwo256, Hash};
				let content = BlakeTwo256::hash(&title[..]).0;
				Pallet::<T>::do_make(
					maker.clone(),
					*election,
					title,
					content,
					*sphere,
					*deadline,
					None,
				)
				.expect("genesis promises are made by nominating candidates; qed");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxPromises::get() > 0, "MaxPromises must be positive");
			assert!(T::MaxTitleLen::get() > 0, "MaxTitleLen must be positive");
			assert!(
				T::MaxHistory::get() > VERDICT_ROOM + 1,
				"MaxHistory must leave room for reports beyond a verdict and its appeal"
			);
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
		/// Makes a promise for the caller's candidacy in `election`, while its nominations are
		/// open. Holds [`Config::PromiseDeposit`].
		///
		/// - Origin: signed, by a candidate of `election`.
		/// - `title`: a few words; `content`: the hash of the full text; `deadline`: the block by
		///   which it is to be kept; `parent`: the caller's promise of the same election it is a
		///   part of.
		///
		/// Emits [`Event::PromiseMade`]. Errors: [`Error::NotNominating`], [`Error::EmptyTitle`],
		/// [`Error::DeadlineInPast`], [`Error::ParentNotFound`], [`Error::ParentMismatch`],
		/// [`Error::ParentTooDeep`], [`Error::TooManyPromises`], and the currency's error if the
		/// deposit cannot be held.
		#[pallet::call_index(0)]
		pub fn make(
			origin: OriginFor<T>,
			election: ElectionId,
			title: TitleOf<T>,
			content: DocumentHash,
			sphere: PolicySphere,
			deadline: Option<BlockNumberFor<T>>,
			parent: Option<PromiseId>,
		) -> DispatchResult {
			let maker = ensure_signed(origin)?;
			Self::do_make(maker, election, title, content, sphere, deadline, parent).map(|_| ())
		}

		/// Withdraws a promise (with no parts) before nominations close, returning its deposit;
		/// its record is removed.
		///
		/// - Origin: signed, by its maker.
		///
		/// Emits [`Event::PromiseWithdrawn`]. Errors: [`Error::PromiseNotFound`],
		/// [`Error::NotMaker`], [`Error::NotNominating`], [`Error::HasParts`].
		#[pallet::call_index(1)]
		pub fn withdraw(origin: OriginFor<T>, promise: PromiseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let info = Promises::<T>::get(promise).ok_or(Error::<T>::PromiseNotFound)?;
			ensure!(info.maker == who, Error::<T>::NotMaker);
			ensure!(
				T::Candidacies::candidacy(&who, info.election) == CandidacyState::Nominating,
				Error::<T>::NotNominating
			);
			ensure!(info.parts == 0, Error::<T>::HasParts);
			Self::release(&who, info.deposit)?;
			Self::remove(promise, &info);
			let mut ids = ByCandidacy::<T>::get(&who, info.election);
			ids.retain(|id| *id != promise);
			if ids.is_empty() {
				ByCandidacy::<T>::remove(&who, info.election);
			} else {
				ByCandidacy::<T>::insert(&who, info.election, ids);
			}
			Self::deposit_event(Event::PromiseWithdrawn { promise, maker: who });
			Ok(())
		}

		/// Reports progress on a promise: a milestone reached and the hash of its evidence. A
		/// promise not yet rated is now in the works (an auditor's "stalled" stands).
		///
		/// - Origin: signed, by its maker, serving the term its election gave them.
		///
		/// Emits [`Event::ProgressReported`]. Errors: [`Error::PromiseNotFound`],
		/// [`Error::NotMaker`], [`Error::NotServing`], [`Error::AlreadyDecided`],
		/// [`Error::InvalidProgress`], [`Error::EmptyTitle`], [`Error::HistoryFull`].
		#[pallet::call_index(2)]
		pub fn report_progress(
			origin: OriginFor<T>,
			promise: PromiseId,
			progress: u8,
			milestone: TitleOf<T>,
			evidence: DocumentHash,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = Promises::<T>::get(promise).ok_or(Error::<T>::PromiseNotFound)?;
			ensure!(info.maker == who, Error::<T>::NotMaker);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(
				matches!(
					T::Candidacies::candidacy(&who, info.election),
					CandidacyState::Elected(m) if m.serving(now)
				),
				Error::<T>::NotServing
			);
			ensure!(!info.status.is_verdict(), Error::<T>::AlreadyDecided);
			ensure!(progress <= 100, Error::<T>::InvalidProgress);
			ensure!(!milestone.is_empty(), Error::<T>::EmptyTitle);
			Self::ensure_room(&info, VERDICT_ROOM + 1)?;
			// A report puts an unrated promise in the works; an auditor's "stalled" stands until
			// an auditor says otherwise.
			if info.status == PromiseStatus::NotYetRated {
				info.status = PromiseStatus::InTheWorks;
			}
			info.progress = progress;
			let change = Change::Progress {
				progress,
				milestone: milestone.clone(),
				evidence,
				status: info.status,
			};
			Self::append(promise, &mut info, Some(who.clone()), change, now);
			Self::deposit_event(Event::ProgressReported {
				promise,
				maker: who,
				progress,
				milestone,
				evidence,
				status: info.status,
			});
			Promises::<T>::insert(promise, info);
			Ok(())
		}

		/// Rates an elected candidate's promise: in the works or stalled while it is followed, or
		/// a final verdict (kept, compromise, broken), which returns its deposit and enters the
		/// maker's record.
		///
		/// - Origin: signed, by an accredited auditor with a positive identity judgement, who
		///   neither made the promise nor stood in its election.
		///
		/// Emits [`Event::PromiseRated`]. Errors: [`Error::PromiseNotFound`],
		/// [`Error::NotAnAuditor`], [`Error::NotIdentified`], [`Error::OwnPromise`],
		/// [`Error::ConflictOfInterest`], [`Error::MakerNotElected`], [`Error::InvalidStatus`],
		/// [`Error::AlreadyDecided`], [`Error::HistoryFull`].
		#[pallet::call_index(3)]
		pub fn rate(
			origin: OriginFor<T>,
			promise: PromiseId,
			status: PromiseStatus,
			report: DocumentHash,
		) -> DispatchResult {
			let auditor = ensure_signed(origin)?;
			let mut info = Promises::<T>::get(promise).ok_or(Error::<T>::PromiseNotFound)?;
			ensure!(Auditors::<T>::contains_key(&auditor), Error::<T>::NotAnAuditor);
			ensure!(T::Identity::is_identified(&auditor), Error::<T>::NotIdentified);
			ensure!(info.maker != auditor, Error::<T>::OwnPromise);
			ensure!(
				T::Candidacies::candidacy(&auditor, info.election) == CandidacyState::None,
				Error::<T>::ConflictOfInterest
			);
			ensure!(
				matches!(
					T::Candidacies::candidacy(&info.maker, info.election),
					CandidacyState::Elected(_)
				),
				Error::<T>::MakerNotElected
			);
			ensure!(status != PromiseStatus::NotYetRated, Error::<T>::InvalidStatus);
			ensure!(!info.status.is_verdict(), Error::<T>::AlreadyDecided);
			let now = T::BlockNumberProvider::current_block_number();
			let mut released = Zero::zero();
			if status.is_verdict() {
				Self::ensure_room(&info, VERDICT_ROOM)?;
				Records::<T>::try_mutate(&info.maker, |r| Self::count_verdict(r, status, true))?;
				Self::release(&info.maker, info.deposit)?;
				released = core::mem::replace(&mut info.deposit, Zero::zero());
				info.verdict_at = Some(now);
			} else {
				Self::ensure_room(&info, VERDICT_ROOM + 1)?;
			}
			info.status = status;
			Self::append(
				promise,
				&mut info,
				Some(auditor.clone()),
				Change::Rated { status, report },
				now,
			);
			Promises::<T>::insert(promise, info);
			Self::deposit_event(Event::PromiseRated { promise, auditor, status, report, released });
			Ok(())
		}

		/// Appeals a promise's verdict to the commission, within [`Config::AppealWindow`] of it.
		///
		/// - Origin: signed, by the promise's maker.
		///
		/// Emits [`Event::VerdictAppealed`]. Errors: [`Error::PromiseNotFound`],
		/// [`Error::NotMaker`], [`Error::NoVerdict`], [`Error::AlreadyAppealed`],
		/// [`Error::AppealWindowClosed`].
		#[pallet::call_index(4)]
		pub fn appeal(
			origin: OriginFor<T>,
			promise: PromiseId,
			grounds: DocumentHash,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = Promises::<T>::get(promise).ok_or(Error::<T>::PromiseNotFound)?;
			ensure!(info.maker == who, Error::<T>::NotMaker);
			let verdict_at = info.verdict_at.ok_or(Error::<T>::NoVerdict)?;
			ensure!(info.appeal == Appeal::None, Error::<T>::AlreadyAppealed);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(
				now < verdict_at.saturating_add(T::AppealWindow::get()),
				Error::<T>::AppealWindowClosed
			);
			Self::ensure_room(&info, 2)?;
			info.appeal = Appeal::Pending;
			Self::append(promise, &mut info, Some(who.clone()), Change::Appealed { grounds }, now);
			Promises::<T>::insert(promise, info);
			Self::deposit_event(Event::VerdictAppealed { promise, maker: who, grounds });
			Ok(())
		}

		/// Decides the appeal of a promise's verdict: upholds it (`status` equal to it) or
		/// replaces it. Final.
		///
		/// - Origin: [`Config::AppealOrigin`].
		///
		/// Emits [`Event::AppealDecided`]. Errors: [`Error::PromiseNotFound`],
		/// [`Error::NoPendingAppeal`], [`Error::InvalidStatus`].
		#[pallet::call_index(5)]
		pub fn decide_appeal(
			origin: OriginFor<T>,
			promise: PromiseId,
			status: PromiseStatus,
			decision: DocumentHash,
		) -> DispatchResult {
			T::AppealOrigin::ensure_origin(origin)?;
			let mut info = Promises::<T>::get(promise).ok_or(Error::<T>::PromiseNotFound)?;
			ensure!(info.appeal == Appeal::Pending, Error::<T>::NoPendingAppeal);
			ensure!(status.is_verdict(), Error::<T>::InvalidStatus);
			let previous = info.status;
			Records::<T>::try_mutate(&info.maker, |r| {
				Self::count_verdict(r, previous, false)?;
				Self::count_verdict(r, status, true)
			})?;
			let now = T::BlockNumberProvider::current_block_number();
			info.status = status;
			info.appeal = Appeal::Decided;
			Self::append(promise, &mut info, None, Change::AppealDecided { status, decision }, now);
			Promises::<T>::insert(promise, info);
			Self::deposit_event(Event::AppealDecided { promise, previous, status, decision });
			Ok(())
		}

		/// Accredits an auditor.
		///
		/// - Origin: [`Config::AccreditOrigin`].
		///
		/// Emits [`Event::AuditorAccredited`]. Errors: [`Error::NotIdentified`],
		/// [`Error::AlreadyAccredited`], [`Error::TooManyAuditors`].
		#[pallet::call_index(6)]
		pub fn accredit(origin: OriginFor<T>, auditor: AccountIdLookupOf<T>) -> DispatchResult {
			T::AccreditOrigin::ensure_origin(origin)?;
			let auditor = T::Lookup::lookup(auditor)?;
			ensure!(T::Identity::is_identified(&auditor), Error::<T>::NotIdentified);
			ensure!(!Auditors::<T>::contains_key(&auditor), Error::<T>::AlreadyAccredited);
			let count = AuditorCount::<T>::get();
			ensure!(count < T::MaxAuditors::get(), Error::<T>::TooManyAuditors);
			Auditors::<T>::insert(&auditor, T::BlockNumberProvider::current_block_number());
			AuditorCount::<T>::put(count.saturating_add(1));
			Self::deposit_event(Event::AuditorAccredited { auditor });
			Ok(())
		}

		/// Revokes an auditor's accreditation; their past ratings stand.
		///
		/// - Origin: [`Config::AccreditOrigin`].
		///
		/// Emits [`Event::AuditorRevoked`]. Errors: [`Error::NotAnAuditor`].
		#[pallet::call_index(7)]
		pub fn revoke(origin: OriginFor<T>, auditor: AccountIdLookupOf<T>) -> DispatchResult {
			T::AccreditOrigin::ensure_origin(origin)?;
			let auditor = T::Lookup::lookup(auditor)?;
			ensure!(Auditors::<T>::take(&auditor).is_some(), Error::<T>::NotAnAuditor);
			AuditorCount::<T>::mutate(|c| *c = c.saturating_sub(1));
			Self::deposit_event(Event::AuditorRevoked { auditor });
			Ok(())
		}

		/// Clears the caller's promises of a candidacy that ended without a seat (withdrawn, not
		/// elected, or a failed election) and returns their deposits. Promises reported on or
		/// rated are never cleared.
		///
		/// - Origin: signed, by the candidate.
		///
		/// Emits [`Event::PromisesCleared`]. Errors: [`Error::CandidacyNotEnded`],
		/// [`Error::NoPromises`], [`Error::PromisesOnRecord`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::clear(T::MaxPromises::get()))]
		pub fn clear(origin: OriginFor<T>, election: ElectionId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			ensure!(
				T::Candidacies::candidacy(&who, election) == CandidacyState::Ended,
				Error::<T>::CandidacyNotEnded
			);
			let ids = ByCandidacy::<T>::get(&who, election);
			ensure!(!ids.is_empty(), Error::<T>::NoPromises);
			let promises: Vec<(PromiseId, PromiseOf<T>)> =
				ids.iter().filter_map(|id| Promises::<T>::get(id).map(|p| (*id, p))).collect();
			ensure!(
				promises
					.iter()
					.all(|(_, p)| p.history <= 1 && p.status == PromiseStatus::NotYetRated),
				Error::<T>::PromisesOnRecord
			);
			let mut released: BalanceOf<T> = Zero::zero();
			for (id, p) in promises.iter() {
				Self::release(&who, p.deposit)?;
				released = released.saturating_add(p.deposit);
				Self::remove(*id, p);
			}
			ByCandidacy::<T>::remove(&who, election);
			Self::deposit_event(Event::PromisesCleared {
				maker: who,
				election,
				promises: ids.clone(),
				released,
			});
			Ok(Some(T::WeightInfo::clear(ids.len() as u32)).into())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A promise, and whether it is overdue (its deadline passed without a verdict).
		pub fn promise(promise: PromiseId) -> Option<(PromiseOf<T>, bool)> {
			let info = Promises::<T>::get(promise)?;
			let overdue = Self::overdue(&info, T::BlockNumberProvider::current_block_number());
			Some((info, overdue))
		}

		/// A promise's history, oldest first.
		pub fn history(promise: PromiseId) -> Vec<EntryOf<T>> {
			let len = Promises::<T>::get(promise).map_or(0, |p| p.history);
			(0..len).filter_map(|i| History::<T>::get(promise, i)).collect()
		}

		/// The promises of a candidacy, in the order made.
		pub fn candidacy_promises(maker: T::AccountId, election: ElectionId) -> Vec<PromiseId> {
			ByCandidacy::<T>::get(maker, election).into_inner()
		}

		/// A person's record: the verdicts their promises received, and every promise with its
		/// status now.
		pub fn record(who: T::AccountId) -> (Verdicts, Vec<PromiseSummary>) {
			(Records::<T>::get(&who), Self::promises_of(&who))
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Makes a promise (the call, and genesis).
	fn do_make(
		maker: T::AccountId,
		election: ElectionId,
		title: TitleOf<T>,
		content: DocumentHash,
		sphere: PolicySphere,
		deadline: Option<BlockNumberFor<T>>,
		parent: Option<PromiseId>,
	) -> Result<PromiseId, DispatchError> {
		ensure!(
			T::Candidacies::candidacy(&maker, election) == CandidacyState::Nominating,
			Error::<T>::NotNominating
		);
		ensure!(!title.is_empty(), Error::<T>::EmptyTitle);
		let now = T::BlockNumberProvider::current_block_number();
		if let Some(deadline) = deadline {
			ensure!(deadline > now, Error::<T>::DeadlineInPast);
		}
		if let Some(parent) = parent {
			let p = Promises::<T>::get(parent).ok_or(Error::<T>::ParentNotFound)?;
			ensure!(p.maker == maker && p.election == election, Error::<T>::ParentMismatch);
			ensure!(p.parent.is_none(), Error::<T>::ParentTooDeep);
		}
		ensure!(
			ByCandidacy::<T>::decode_len(&maker, election).unwrap_or(0)
				< T::MaxPromises::get() as usize,
			Error::<T>::TooManyPromises
		);
		let id = NextPromiseId::<T>::get();
		let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let deposit = T::PromiseDeposit::get();
		// Checked first, written after: nothing changes when the deposit cannot be held.
		T::Currency::hold(&HoldReason::PromiseDeposit.into(), &maker, deposit)?;
		ByCandidacy::<T>::try_append(&maker, election, id)
			.map_err(|_| Error::<T>::TooManyPromises)?;
		NextPromiseId::<T>::put(next);
		if let Some(parent) = parent {
			Promises::<T>::mutate(parent, |p| {
				if let Some(p) = p {
					p.parts = p.parts.saturating_add(1);
				}
			});
		}
		let mut info = Promise {
			maker: maker.clone(),
			election,
			title: title.clone(),
			content,
			sphere,
			deadline,
			parent,
			parts: 0,
			made_at: now,
			status: PromiseStatus::NotYetRated,
			progress: 0,
			verdict_at: None,
			appeal: Appeal::None,
			deposit,
			history: 0,
		};
		Self::append(id, &mut info, Some(maker.clone()), Change::Made, now);
		Promises::<T>::insert(id, info);
		Self::deposit_event(Event::PromiseMade {
			promise: id,
			maker,
			election,
			title,
			content,
			sphere,
			deadline,
			parent,
			deposit,
		});
		Ok(id)
	}

	/// Appends an entry to a promise's history (the caller stores the promise).
	fn append(
		promise: PromiseId,
		info: &mut PromiseOf<T>,
		by: Option<T::AccountId>,
		change: Change<T::MaxTitleLen>,
		at: BlockNumberFor<T>,
	) {
		History::<T>::insert(promise, info.history, Entry { at, by, change });
		info.history = info.history.saturating_add(1);
	}

	/// Refuses when fewer than `room` entries of the history are free.
	fn ensure_room(info: &PromiseOf<T>, room: u32) -> DispatchResult {
		ensure!(info.history.saturating_add(room) <= T::MaxHistory::get(), Error::<T>::HistoryFull);
		Ok(())
	}

	/// Adds (`add`) or takes back one verdict `status` in a record.
	fn count_verdict(record: &mut Verdicts, status: PromiseStatus, add: bool) -> DispatchResult {
		let counter = record.counter(status).ok_or(Error::<T>::InvalidStatus)?;
		*counter = if add {
			counter.checked_add(1).ok_or(ArithmeticError::Overflow)?
		} else {
			counter.checked_sub(1).ok_or(ArithmeticError::Underflow)?
		};
		Ok(())
	}

	/// Returns a promise's deposit to its maker.
	fn release(maker: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(
				&HoldReason::PromiseDeposit.into(),
				maker,
				amount,
				Precision::BestEffort,
			)?;
		}
		Ok(())
	}

	/// Removes a promise and its history (a parent loses a part).
	fn remove(promise: PromiseId, info: &PromiseOf<T>) {
		for i in 0..info.history {
			History::<T>::remove(promise, i);
		}
		Promises::<T>::remove(promise);
		if let Some(parent) = info.parent {
			Promises::<T>::mutate(parent, |p| {
				if let Some(p) = p {
					p.parts = p.parts.saturating_sub(1);
				}
			});
		}
	}

	/// Whether a promise's deadline passed at `now` without a verdict.
	pub fn overdue(info: &PromiseOf<T>, now: BlockNumberFor<T>) -> bool {
		info.deadline.is_some_and(|d| d <= now) && !info.status.is_verdict()
	}
}

impl<T: Config> PromiseBook<T::AccountId> for Pallet<T> {
	fn promises_of(who: &T::AccountId) -> Vec<PromiseSummary> {
		let now = T::BlockNumberProvider::current_block_number();
		let mut out: Vec<PromiseSummary> = ByCandidacy::<T>::iter_prefix(who)
			.flat_map(|(_, ids)| ids.into_iter())
			.take(PORTRAIT_PROMISES)
			.filter_map(|id| {
				let p = Promises::<T>::get(id)?;
				Some(PromiseSummary {
					id,
					election: p.election,
					sphere: p.sphere,
					status: p.status,
					overdue: Self::overdue(&p, now),
				})
			})
			.collect();
		out.sort_by_key(|s| s.id);
		out
	}
}

/// A person with enough verdicts must have kept enough of their promises to be promoted.
impl<T: Config> PromotionRecord<T::AccountId> for Pallet<T> {
	fn qualifies(who: &T::AccountId, _: OfficeId, _: UnitKind) -> bool {
		let record = Records::<T>::get(who);
		let total = record.total();
		if total < T::PromotionMinVerdicts::get() {
			return true;
		}
		// A compromise counts half: the share is (2·kept + compromise) / (2·total).
		let score = u64::from(record.kept)
			.saturating_mul(2)
			.saturating_add(u64::from(record.compromise));
		let share = Perbill::from_rational(score, u64::from(total).saturating_mul(2));
		share >= T::PromotionKeptShare::get()
	}
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// - no promise has an id at or beyond the next one;
	/// - every promise is listed once in its candidacy's promises, and every listed promise
	///   exists and belongs to that candidacy;
	/// - a promise's history has exactly its `history` entries, within [`Config::MaxHistory`],
	///   the first being `Made` by the maker;
	/// - a part's parent exists, is of the same candidacy and is no part; a promise's `parts`
	///   equals the promises naming it as parent;
	/// - a verdict has a verdict time and no deposit; a status that is no verdict has neither a
	///   verdict time nor an appeal; progress is at most 100;
	/// - each person's record equals the verdicts their promises hold;
	/// - each maker has exactly the deposits of their promises on hold;
	/// - the auditor count equals the auditors.
	pub fn do_try_state() -> Result<(), frame_support::sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let next = NextPromiseId::<T>::get();
		let mut listed = 0usize;
		for (maker, election, ids) in ByCandidacy::<T>::iter() {
			ensure!(!ids.is_empty(), "an empty candidacy list is stored");
			for id in ids.iter() {
				let p = Promises::<T>::get(id).ok_or("a listed promise does not exist")?;
				ensure!(p.maker == maker && p.election == election, "a promise listed elsewhere");
				listed = listed.saturating_add(1);
			}
		}
		let mut parts: BTreeMap<PromiseId, u32> = BTreeMap::new();
		let mut records: BTreeMap<T::AccountId, Verdicts> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut count = 0usize;
		for (id, p) in Promises::<T>::iter() {
			count = count.saturating_add(1);
			ensure!(id < next, "a promise id beyond the next one");
			ensure!(
				ByCandidacy::<T>::get(&p.maker, p.election).iter().filter(|i| **i == id).count()
					== 1,
				"a promise not listed once in its candidacy"
			);
			ensure!(
				p.history >= 1 && p.history <= T::MaxHistory::get(),
				"history length out of bounds"
			);
			for i in 0..p.history {
				ensure!(History::<T>::contains_key(id, i), "a history entry is missing");
			}
			ensure!(!History::<T>::contains_key(id, p.history), "a history entry beyond the count");
			let first = History::<T>::get(id, 0).ok_or("no first entry")?;
			ensure!(
				first.change == Change::Made && first.by.as_ref() == Some(&p.maker),
				"the first entry is not the making"
			);
			if let Some(parent) = p.parent {
				let q = Promises::<T>::get(parent).ok_or("a part's parent does not exist")?;
				ensure!(
					q.maker == p.maker && q.election == p.election,
					"a part of another candidacy"
				);
				ensure!(q.parent.is_none(), "a part of a part");
				let n = parts.entry(parent).or_default();
				*n = n.saturating_add(1);
			}
			ensure!(p.progress <= 100, "progress above 100");
			if p.status.is_verdict() {
				ensure!(p.verdict_at.is_some() && p.deposit.is_zero(), "a verdict keeps a deposit");
				let mut r = records.remove(&p.maker).unwrap_or_default();
				if let Some(c) = r.counter(p.status) {
					*c = c.saturating_add(1);
				}
				records.insert(p.maker.clone(), r);
			} else {
				ensure!(
					p.verdict_at.is_none() && p.appeal == Appeal::None,
					"a verdict time or appeal without a verdict"
				);
			}
			let d = deposits.remove(&p.maker).unwrap_or_else(Zero::zero);
			deposits.insert(p.maker.clone(), d.saturating_add(p.deposit));
		}
		ensure!(count == listed, "promises and candidacy lists disagree");
		for (id, p) in Promises::<T>::iter() {
			ensure!(p.parts == parts.get(&id).copied().unwrap_or(0), "a parts count is wrong");
		}
		for (who, r) in Records::<T>::iter() {
			ensure!(records.remove(&who).unwrap_or_default() == r, "a record disagrees");
		}
		ensure!(records.values().all(|r| r.total() == 0), "verdicts missing from a record");
		for (who, d) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::PromiseDeposit.into(), &who);
			ensure!(held == d, "held deposits differ from the promises' deposits");
		}
		ensure!(
			AuditorCount::<T>::get() as usize == Auditors::<T>::iter().count(),
			"the auditor count is wrong"
		);
		Ok(())
	}
}
