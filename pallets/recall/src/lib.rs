//! # Recall
//!
//! An official whose approval collapses, or whom enough residents challenge by petition, faces a
//! confidence vote: notice, a window to respond and put things right, the residents' vote, and on
//! "remove" a by-election (or the next candidate of the list).
//!
//! ## Overview
//!
//! A procedure starts ([`Pallet::start_recall`], anyone, feeless) from one of two triggers:
//! - a **closed rating period** of the official in the office (see `pallet-veche-ratings`)
//!   whose approval is below the office's threshold (20 % by default) with at least its quorum
//!   of the roll rating, rated during the current term and later than any period that started
//!   an earlier procedure; or
//! - a **petition** ([`Pallet::open_petition`], anyone, feeless): a poll of the office's unit in
//!   which a signature is an anonymous ballot, one per person (a ring-VRF alias in the
//!   petition's context), withdrawn by re-voting; it starts a recall once signed by the rules'
//!   share of its roll.
//!
//! Not in the first months of a term ([`RecallRules::grace`]), at most one procedure per
//! official and office at a time and none for [`RecallRules::cooldown`] after one ends. Each
//! office may have rules of its own ([`Pallet::set_rules`]); the rest follow
//! [`Config::DefaultRules`].
//!
//! The procedure then runs on lazy deadlines, moved on by anyone ([`Pallet::advance`]):
//! 1. **Notice** ([`Event::RecallStarted`]): the official may respond ([`Pallet::respond`]) until
//!    the response window ends, with the hash of a response document and the promises they
//!    commit to put right.
//! 2. **Confidence vote**: a yes/no poll of the office's unit through the ballots engine, its
//!    roll frozen when it opens ("remove" option 0, "keep" option 1), anonymous and re-votable
//!    like every ballot, with the rules' appeal window.
//! 3. **Conclusion**, once the vote's results are final: "remove" wins with more ballots than
//!    "keep" and a turnout of at least the rules' share of the roll — the seat is vacated through
//!    [`Officeholders::recall`] (elections start a by-election or seat the next on the list);
//!    otherwise the official stays. The record shows either ([`RecallBook`]).
//!
//! ## Implementation notes
//!
//! - **Clock.** Windows are in this chain's blocks, the clock of the ballots engine and of
//!   elections' terms.
//! - **No hooks.** Every step is a call anyone can make when it is due; nothing runs per block.
//! - **Bounded.** One procedure and one petition per official and office at a time; a person's
//!   record lists at most [`Config::MaxRecord`] procedures (the oldest go); a response names at
//!   most [`Config::MaxFixes`] promises.

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
	dispatch::PostDispatchInfo,
	pallet_prelude::*,
	sp_runtime::{
		traits::{BlakeTwo256, BlockNumberProvider, Hash, Saturating, UniqueSaturatedInto, Zero},
		Perbill,
	},
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{
	DocumentHash, Electorate, JurisdictionId, JurisdictionInspect, ListSizes, OfficeId,
	Officeholders, PollEngine, PollId, PollKind, PromiseBook, PromiseId, RatingBook, RecallBook,
	RecallOutcome, RecallSummary,
};

/// A procedure as stored.
pub type ProcedureOf<T> =
	Procedure<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, <T as Config>::MaxFixes>;
/// Rules as stored.
pub type RulesOf<T> = RecallRules<BlockNumberFor<T>>;

/// The recall pallet: an official whose approval collapsed, or whom a petition of residents
/// challenges, gets notice, may respond, and faces a confidence vote of the office's unit;
/// removal vacates the seat through elections (a by-election, or the next on the list).
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The clock of windows: the ballots engine's and elections'.
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// The jurisdiction tree: an office's unit.
		type Jurisdictions: JurisdictionInspect;

		/// Who holds which office, and vacating a seat on removal.
		type Officeholders: Officeholders<Self::AccountId, BlockNumberFor<Self>>;

		/// The ballots engine that runs petitions and confidence votes.
		type Polls: PollEngine<BlockNumberFor<Self>>;

		/// Officials' closed rating periods.
		type Ratings: RatingBook<Self::AccountId, BlockNumberFor<Self>>;

		/// Officials' promises, which a response commits to put right.
		type Promises: PromiseBook<Self::AccountId>;

		/// Sets an office's recall rules.
		type RulesOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The rules of offices without rules of their own.
		#[pallet::constant]
		type DefaultRules: Get<RulesOf<Self>>;

		/// The most promises a response commits to put right.
		#[pallet::constant]
		type MaxFixes: Get<u32>;

		/// The most procedures a person's record lists; the oldest go.
		#[pallet::constant]
		type MaxRecord: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// Offices' own recall rules.
	// Twox64Concat: office ids assigned on-chain.
	#[pallet::storage]
	pub type Rules<T: Config> = StorageMap<_, Twox64Concat, OfficeId, RulesOf<T>>;

	/// Every recall procedure, running or ended.
	// Twox64Concat: sequential ids.
	#[pallet::storage]
	pub type Procedures<T: Config> = StorageMap<_, Twox64Concat, ProcedureId, ProcedureOf<T>>;

	/// The id of the next procedure.
	#[pallet::storage]
	pub type NextProcedure<T: Config> = StorageValue<_, ProcedureId, ValueQuery>;

	/// The running procedure against each official in each office.
	// Twox64Concat: office ids assigned on-chain; Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Running<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OfficeId, Blake2_128Concat, T::AccountId, ProcedureId>;

	/// When the last procedure against each official in each office ended, and the latest
	/// rating period that started one: the cooldown and the once-per-period rule.
	// Twox64Concat: office ids assigned on-chain; Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Last<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		OfficeId,
		Blake2_128Concat,
		T::AccountId,
		(Option<BlockNumberFor<T>>, Option<u32>),
		ValueQuery,
	>;

	/// The open petition against each official in each office.
	// Twox64Concat: office ids assigned on-chain; Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Petitions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		OfficeId,
		Blake2_128Concat,
		T::AccountId,
		Petition<BlockNumberFor<T>>,
	>;

	/// The procedures against each person, oldest first.
	// Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Record<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<ProcedureId, T::MaxRecord>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Offices' own recall rules: `(office, rules)`.
		pub rules: Vec<(OfficeId, RulesOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (office, rules) in self.rules.iter() {
				assert!(T::Jurisdictions::office(*office).is_some(), "rules are set on offices");
				assert!(rules.is_valid(), "genesis recall rules can run");
				Rules::<T>::insert(office, rules);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An office's recall rules were set (`None`: it follows the default again).
		RulesSet {
			/// The office.
			office: OfficeId,
			/// Its rules.
			rules: Option<RulesOf<T>>,
		},
		/// A petition to recall an official opened: signatures are ballots for option 0 of
		/// its poll until `end`.
		PetitionOpened {
			/// The office.
			office: OfficeId,
			/// The official.
			who: T::AccountId,
			/// Its poll.
			poll: PollId,
			/// The first block after signing.
			end: BlockNumberFor<T>,
		},
		/// A recall procedure started: notice to the official, who may respond until
		/// `response_end`.
		RecallStarted {
			/// The procedure.
			procedure: ProcedureId,
			/// The office.
			office: OfficeId,
			/// The official.
			who: T::AccountId,
			/// What started it.
			trigger: Trigger,
			/// The rules it runs under.
			rules: RulesOf<T>,
			/// The end of the response window.
			response_end: BlockNumberFor<T>,
		},
		/// The official responded (replacing an earlier response).
		Responded {
			/// The procedure.
			procedure: ProcedureId,
			/// The hash of the response document.
			document: DocumentHash,
			/// The promises they commit to put right.
			fixes: Vec<PromiseId>,
		},
		/// The confidence vote opened.
		ConfidenceVoteOpened {
			/// The procedure.
			procedure: ProcedureId,
			/// Its poll: "remove" is option 0, "keep" option 1.
			poll: PollId,
			/// The first block after voting.
			end: BlockNumberFor<T>,
		},
		/// A procedure ended.
		RecallConcluded {
			/// The procedure.
			procedure: ProcedureId,
			/// The office.
			office: OfficeId,
			/// The official.
			who: T::AccountId,
			/// How it ended.
			outcome: RecallOutcome,
			/// The vote's counts (none if the official left before a vote).
			count: Option<VoteCount>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such office.
		OfficeNotFound,
		/// Rules need a petition share above zero and windows of at least a block.
		InvalidRules,
		/// The account holds no seat of this office now.
		NotServing,
		/// The term is in its first months (the rules' grace): no recall yet.
		InGrace,
		/// A procedure against this official in this office is running.
		ProcedureRunning,
		/// The last procedure against this official in this office ended too recently (the
		/// rules' cooldown).
		InCooldown,
		/// No closed rating period of this official in this office has that number.
		PeriodNotFound,
		/// The period was rated before the current term began.
		PeriodBeforeTerm,
		/// This period, or a later one, already started a procedure.
		PeriodAlreadyUsed,
		/// The period's approval is not below the rules' threshold.
		ApprovalNotLow,
		/// Too few rated in that period (the rules' quorum of its roll).
		QuorumNotMet,
		/// A petition against this official in this office is already open.
		PetitionOpen,
		/// No petition against this official in this office is open (or it has ended).
		NoPetition,
		/// The petition has fewer signatures than the rules' share of its roll.
		NotEnoughSignatures,
		/// No such procedure.
		ProcedureNotFound,
		/// Only the official the procedure is against responds.
		NotTheOfficial,
		/// Responses are given during notice, before the response window ends.
		ResponseClosed,
		/// A response commits to promises of the official only.
		NotTheirPromise,
		/// The procedure has nothing to do yet: the response window or the vote's appeal window
		/// is still open.
		NotDue,
		/// The procedure has ended.
		Ended,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::DefaultRules::get().is_valid(), "the default recall rules can run");
			assert!(T::MaxRecord::get() > 0, "MaxRecord must be positive");
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
		/// Sets (or with `None` removes) an office's recall rules.
		///
		/// - Origin: [`Config::RulesOrigin`]. Procedures already running keep their rules.
		///
		/// Emits [`Event::RulesSet`]. Errors: [`Error::OfficeNotFound`],
		/// [`Error::InvalidRules`].
		#[pallet::call_index(0)]
		pub fn set_rules(
			origin: OriginFor<T>,
			office: OfficeId,
			rules: Option<RulesOf<T>>,
		) -> DispatchResult {
			T::RulesOrigin::ensure_origin(origin)?;
			ensure!(T::Jurisdictions::office(office).is_some(), Error::<T>::OfficeNotFound);
			match &rules {
				Some(r) => {
					ensure!(r.is_valid(), Error::<T>::InvalidRules);
					Rules::<T>::insert(office, r);
				},
				None => Rules::<T>::remove(office),
			}
			Self::deposit_event(Event::RulesSet { office, rules });
			Ok(())
		}

		/// Opens a petition to recall `who` from `office`: a poll of the office's unit, its roll
		/// frozen now, in which residents sign anonymously (a ballot for option 0) until the
		/// rules' petition period ends.
		///
		/// - Origin: authorized, feeless (anyone, with no account): valid while `who` serves
		///   past the grace, with no procedure running or cooling down and no petition open.
		///
		/// Emits [`Event::PetitionOpened`]. Errors: [`Error::OfficeNotFound`],
		/// [`Error::NotServing`], [`Error::InGrace`], [`Error::ProcedureRunning`],
		/// [`Error::InCooldown`], [`Error::PetitionOpen`], and the ballots engine's.
		#[pallet::call_index(1)]
		#[pallet::authorize(|_source, office, who| Pallet::<T>::authorize_petition(*office, who))]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_petition())]
		pub fn open_petition(
			origin: OriginFor<T>,
			office: OfficeId,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let (unit, rules) = Self::check_petition(office, &who)?;
			let now = T::BlockNumberProvider::current_block_number();
			let end = now.saturating_add(rules.petition_period);
			let poll = Self::poll_of_unit(unit, now, end, rules.appeal)?;
			Petitions::<T>::insert(office, &who, Petition { poll, end });
			Self::deposit_event(Event::PetitionOpened { office, who, poll, end });
			Ok(Pays::No.into())
		}

		/// Starts a recall of `who` from `office` on `trigger`: a closed rating period of theirs
		/// in the office whose approval fell below the threshold with the quorum rating, or the
		/// open petition against them once signed by the rules' share of its roll. Gives notice.
		///
		/// - Origin: authorized, feeless (anyone, with no account): valid when the trigger holds.
		///
		/// Emits [`Event::RecallStarted`]. Errors: [`Error::OfficeNotFound`],
		/// [`Error::NotServing`], [`Error::InGrace`], [`Error::ProcedureRunning`],
		/// [`Error::InCooldown`]; for a rating, [`Error::PeriodNotFound`],
		/// [`Error::PeriodBeforeTerm`], [`Error::PeriodAlreadyUsed`], [`Error::ApprovalNotLow`],
		/// [`Error::QuorumNotMet`]; for a petition, [`Error::NoPetition`],
		/// [`Error::NotEnoughSignatures`].
		#[pallet::call_index(2)]
		#[pallet::authorize(|_source, office, who, trigger| {
			Pallet::<T>::authorize_start(*office, who, *trigger)
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_start())]
		pub fn start_recall(
			origin: OriginFor<T>,
			office: OfficeId,
			who: T::AccountId,
			trigger: TriggerRef,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let (trigger, rules) = Self::check_start(office, &who, trigger)?;
			let now = T::BlockNumberProvider::current_block_number();
			let procedure = NextProcedure::<T>::get();
			NextProcedure::<T>::put(procedure.saturating_add(1));
			if let Trigger::Rating { period, .. } = trigger {
				Last::<T>::mutate(office, &who, |(_, used)| *used = Some(period));
			} else {
				Petitions::<T>::remove(office, &who);
			}
			let response_end = now.saturating_add(rules.response);
			Procedures::<T>::insert(
				procedure,
				Procedure {
					office,
					who: who.clone(),
					trigger: trigger.clone(),
					rules,
					noticed: now,
					response_end,
					response: None,
					stage: Stage::Notice,
				},
			);
			Running::<T>::insert(office, &who, procedure);
			Record::<T>::mutate(&who, |record| {
				if record.is_full() && !record.is_empty() {
					record.remove(0);
				}
				let _ = record.try_push(procedure);
			});
			Self::deposit_event(Event::RecallStarted {
				procedure,
				office,
				who,
				trigger,
				rules,
				response_end,
			});
			Ok(Pays::No.into())
		}

		/// The official's response to a notice: the hash of a response document, and the
		/// promises they commit to put right before the vote. A later response replaces an
		/// earlier one.
		///
		/// - Origin: signed by the official, during notice, before the response window ends.
		///
		/// Emits [`Event::Responded`]. Errors: [`Error::ProcedureNotFound`],
		/// [`Error::NotTheOfficial`], [`Error::ResponseClosed`], [`Error::NotTheirPromise`].
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::respond(fixes.len() as u32))]
		pub fn respond(
			origin: OriginFor<T>,
			procedure: ProcedureId,
			document: DocumentHash,
			fixes: BoundedVec<PromiseId, T::MaxFixes>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let mut p = Procedures::<T>::get(procedure).ok_or(Error::<T>::ProcedureNotFound)?;
			ensure!(p.who == caller, Error::<T>::NotTheOfficial);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(p.stage == Stage::Notice && now < p.response_end, Error::<T>::ResponseClosed);
			if !fixes.is_empty() {
				let theirs: Vec<PromiseId> =
					T::Promises::promises_of(&caller).into_iter().map(|s| s.id).collect();
				ensure!(fixes.iter().all(|f| theirs.contains(f)), Error::<T>::NotTheirPromise);
			}
			let listed = fixes.to_vec();
			p.response = Some(Response { document, fixes, at: now });
			Procedures::<T>::insert(procedure, p);
			Self::deposit_event(Event::Responded { procedure, document, fixes: listed });
			Ok(())
		}

		/// Moves a procedure on when it is due: after the response window, opens the confidence
		/// vote (or ends the procedure if the official has left); after the vote's appeal window,
		/// concludes it — removing the official ("remove" won with the turnout) or not.
		///
		/// - Origin: authorized, feeless (anyone, with no account): valid when due.
		///
		/// Emits [`Event::ConfidenceVoteOpened`] or [`Event::RecallConcluded`] (and on removal
		/// elections' `SeatVacated` and a by-election's or successor's events). Errors:
		/// [`Error::ProcedureNotFound`], [`Error::Ended`], [`Error::NotDue`].
		#[pallet::call_index(4)]
		#[pallet::authorize(|_source, procedure| Pallet::<T>::authorize_advance(*procedure))]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_advance())]
		#[pallet::weight(
			<T as Config>::WeightInfo::open_vote().max(<T as Config>::WeightInfo::conclude())
		)]
		pub fn advance(origin: OriginFor<T>, procedure: ProcedureId) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let mut p = Self::check_advance(procedure)?;
			let now = T::BlockNumberProvider::current_block_number();
			let serving =
				T::Officeholders::mandate(p.office, &p.who).is_some_and(|m| m.serving(now));
			let used = match p.stage {
				Stage::Notice if serving => {
					let (unit, _) =
						T::Jurisdictions::office(p.office).ok_or(Error::<T>::OfficeNotFound)?;
					let end = now.saturating_add(p.rules.vote);
					let poll = Self::poll_of_unit(unit, now, end, p.rules.appeal)?;
					p.stage = Stage::Voting { poll };
					Procedures::<T>::insert(procedure, p);
					Self::deposit_event(Event::ConfidenceVoteOpened { procedure, poll, end });
					<T as Config>::WeightInfo::open_vote()
				},
				Stage::Notice => {
					Self::conclude(procedure, p, RecallOutcome::Left, None, now)?;
					<T as Config>::WeightInfo::conclude()
				},
				Stage::Voting { poll } => {
					T::Polls::close(poll)?;
					let results = T::Polls::results(poll).unwrap_or_default();
					let roll_size = T::Polls::summary(poll).map_or(0, |s| s.roll_size);
					let count = VoteCount {
						remove: results.options.first().copied().unwrap_or(0),
						keep: results.options.get(1).copied().unwrap_or(0),
						ballots: results.ballots,
						roll_size,
					};
					let turnout = Perbill::from_rational(count.ballots, roll_size.max(1));
					let outcome = if !serving {
						RecallOutcome::Left
					} else if count.remove > count.keep && turnout >= p.rules.turnout {
						RecallOutcome::Removed
					} else {
						RecallOutcome::Stayed
					};
					if outcome == RecallOutcome::Removed {
						let reason: DocumentHash =
							BlakeTwo256::hash_of(&(b"veche/recall", procedure)).into();
						T::Officeholders::recall(p.office, &p.who, reason)?;
					}
					Self::conclude(procedure, p, outcome, Some(count), now)?;
					<T as Config>::WeightInfo::conclude()
				},
				Stage::Ended { .. } => return Err(Error::<T>::Ended.into()),
			};
			Ok(PostDispatchInfo { actual_weight: Some(used), pays_fee: Pays::No })
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A procedure.
		pub fn procedure(procedure: ProcedureId) -> Option<ProcedureOf<T>> {
			Procedures::<T>::get(procedure)
		}

		/// The running procedure and the open petition against `who` in `office`, and the rules
		/// that apply to the office.
		pub fn status(
			office: OfficeId,
			who: T::AccountId,
		) -> (Option<ProcedureId>, Option<Petition<BlockNumberFor<T>>>, RulesOf<T>) {
			(
				Running::<T>::get(office, &who),
				Petitions::<T>::get(office, &who),
				Self::rules_of(office),
			)
		}

		/// The procedures against `who`, oldest first.
		pub fn record(who: T::AccountId) -> Vec<(ProcedureId, ProcedureOf<T>)> {
			Record::<T>::get(&who)
				.into_iter()
				.filter_map(|id| Procedures::<T>::get(id).map(|p| (id, p)))
				.collect()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The rules of `office`: its own, or the default.
	pub fn rules_of(office: OfficeId) -> RulesOf<T> {
		Rules::<T>::get(office).unwrap_or_else(T::DefaultRules::get)
	}

	/// A yes/no poll of `unit` from `start` until before `end`, with an appeal window of
	/// `appeal`.
	fn poll_of_unit(
		unit: JurisdictionId,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
		appeal: BlockNumberFor<T>,
	) -> Result<PollId, DispatchError> {
		let electorate = Electorate::of(BoundedVec::truncate_from(alloc::vec![unit]));
		T::Polls::create_with_appeal(
			PollKind::YesNo,
			ListSizes::new(),
			electorate,
			start,
			end,
			appeal,
		)
	}

	/// What every start of a recall or petition needs: the office, the official serving past
	/// the grace, nothing running or cooling down. Returns the office's unit and rules.
	fn check_official(
		office: OfficeId,
		who: &T::AccountId,
	) -> Result<(JurisdictionId, RulesOf<T>, BlockNumberFor<T>), DispatchError> {
		let (unit, _) = T::Jurisdictions::office(office).ok_or(Error::<T>::OfficeNotFound)?;
		let rules = Self::rules_of(office);
		let now = T::BlockNumberProvider::current_block_number();
		let mandate = T::Officeholders::mandate(office, who)
			.filter(|m| m.serving(now))
			.ok_or(Error::<T>::NotServing)?;
		ensure!(now >= mandate.since.saturating_add(rules.grace), Error::<T>::InGrace);
		ensure!(!Running::<T>::contains_key(office, who), Error::<T>::ProcedureRunning);
		if let (Some(ended), _) = Last::<T>::get(office, who) {
			ensure!(now >= ended.saturating_add(rules.cooldown), Error::<T>::InCooldown);
		}
		Ok((unit, rules, mandate.since))
	}

	/// The checks of opening a petition: returns the office's unit and rules.
	fn check_petition(
		office: OfficeId,
		who: &T::AccountId,
	) -> Result<(JurisdictionId, RulesOf<T>), DispatchError> {
		let (unit, rules, _) = Self::check_official(office, who)?;
		let now = T::BlockNumberProvider::current_block_number();
		// A petition whose signing is over no longer blocks a new one.
		let open = Petitions::<T>::get(office, who).is_some_and(|p| now < p.end);
		ensure!(!open, Error::<T>::PetitionOpen);
		Ok((unit, rules))
	}

	/// The checks of starting a recall: returns the trigger as it stands and the rules.
	fn check_start(
		office: OfficeId,
		who: &T::AccountId,
		trigger: TriggerRef,
	) -> Result<(Trigger, RulesOf<T>), DispatchError> {
		let (_, rules, since) = Self::check_official(office, who)?;
		let now = T::BlockNumberProvider::current_block_number();
		let trigger = match trigger {
			TriggerRef::Rating(period) => {
				let s = T::Ratings::closed_period(office, who, period)
					.ok_or(Error::<T>::PeriodNotFound)?;
				// A seat held since block 0 was won before the chain: its term's periods include
				// those imported from before it.
				let first = if since.is_zero() { 0 } else { T::Ratings::period_of(since) };
				ensure!(period >= first, Error::<T>::PeriodBeforeTerm);
				let (_, used) = Last::<T>::get(office, who);
				ensure!(used.is_none_or(|u| period > u), Error::<T>::PeriodAlreadyUsed);
				ensure!(s.approval() < rules.threshold, Error::<T>::ApprovalNotLow);
				let needed = rules.quorum.mul_ceil(s.roll_size);
				ensure!(s.raters >= needed && s.raters > 0, Error::<T>::QuorumNotMet);
				Trigger::Rating {
					period,
					approvals: s.approvals,
					disapprovals: s.disapprovals,
					raters: s.raters,
					roll_size: s.roll_size,
				}
			},
			TriggerRef::Petition => {
				let petition = Petitions::<T>::get(office, who)
					.filter(|p| now < p.end)
					.ok_or(Error::<T>::NoPetition)?;
				let signatures = T::Polls::results(petition.poll)
					.and_then(|t| t.options.first().copied())
					.unwrap_or(0);
				let roll_size = T::Polls::summary(petition.poll).map_or(0, |s| s.roll_size);
				let needed = u64::from(rules.petition.mul_ceil(roll_size));
				ensure!(signatures >= needed.max(1), Error::<T>::NotEnoughSignatures);
				Trigger::Petition { poll: petition.poll, signatures, roll_size }
			},
		};
		Ok((trigger, rules))
	}

	/// The checks of advancing a procedure: returns it when a step is due.
	fn check_advance(procedure: ProcedureId) -> Result<ProcedureOf<T>, DispatchError> {
		let p = Procedures::<T>::get(procedure).ok_or(Error::<T>::ProcedureNotFound)?;
		let now = T::BlockNumberProvider::current_block_number();
		let due = match p.stage {
			Stage::Notice => now >= p.response_end,
			Stage::Voting { poll } => T::Polls::summary(poll).is_some_and(|s| now >= s.appeal_end),
			Stage::Ended { .. } => return Err(Error::<T>::Ended.into()),
		};
		ensure!(due, Error::<T>::NotDue);
		Ok(p)
	}

	/// Ends a procedure with `outcome`.
	fn conclude(
		procedure: ProcedureId,
		mut p: ProcedureOf<T>,
		outcome: RecallOutcome,
		count: Option<VoteCount>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		p.stage = Stage::Ended { outcome, at: now };
		Running::<T>::remove(p.office, &p.who);
		Last::<T>::mutate(p.office, &p.who, |(ended, _)| *ended = Some(now));
		let (office, who) = (p.office, p.who.clone());
		Procedures::<T>::insert(procedure, p);
		Self::deposit_event(Event::RecallConcluded { procedure, office, who, outcome, count });
		Ok(())
	}

	/// A feeless validity for a step identified by `tag`, valid for `longevity` blocks.
	fn valid(tag: impl Encode, longevity: BlockNumberFor<T>) -> TransactionValidityWithRefund {
		let longevity: u64 = longevity.unique_saturated_into();
		let validity = ValidTransaction::with_tag_prefix("VecheRecall")
			.and_provides(tag)
			.longevity(longevity.max(1))
			.propagate(true)
			.build()?;
		Ok((validity, Weight::zero()))
	}

	/// Authorizes `open_petition`: its own checks; one petition at a time.
	fn authorize_petition(office: OfficeId, who: &T::AccountId) -> TransactionValidityWithRefund {
		Self::check_petition(office, who).map_err(pallet_veche_primitives::pool_refusal)?;
		Self::valid((b"petition", office, who), T::DefaultRules::get().response)
	}

	/// Authorizes `start_recall`: its own checks; one procedure at a time.
	fn authorize_start(
		office: OfficeId,
		who: &T::AccountId,
		trigger: TriggerRef,
	) -> TransactionValidityWithRefund {
		Self::check_start(office, who, trigger).map_err(pallet_veche_primitives::pool_refusal)?;
		Self::valid((b"start", office, who), T::DefaultRules::get().response)
	}

	/// Authorizes `advance`: valid when a step is due; one per step.
	fn authorize_advance(procedure: ProcedureId) -> TransactionValidityWithRefund {
		let p = Self::check_advance(procedure).map_err(pallet_veche_primitives::pool_refusal)?;
		let step = matches!(p.stage, Stage::Voting { .. });
		Self::valid((b"advance", procedure, step), T::DefaultRules::get().response)
	}

	/// Checks the pallet's invariants:
	/// - a running procedure is listed under its official and office, and every listing names
	///   a running procedure of that official and office;
	/// - every procedure's rules can run, and ids are below the next one;
	/// - each person's record names existing procedures against them, oldest first.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), frame_support::sp_runtime::TryRuntimeError> {
		let next = NextProcedure::<T>::get();
		for (id, p) in Procedures::<T>::iter() {
			ensure!(id < next, "a procedure id beyond the next one");
			ensure!(p.rules.is_valid(), "a procedure runs under rules that cannot run");
			let running = !matches!(p.stage, Stage::Ended { .. });
			ensure!(
				(Running::<T>::get(p.office, &p.who) == Some(id)) == running,
				"a running procedure is not listed, or an ended one is"
			);
		}
		for (office, who, id) in Running::<T>::iter() {
			let p = Procedures::<T>::get(id).ok_or("a listed procedure does not exist")?;
			ensure!(p.office == office && p.who == who, "a listing names another's procedure");
		}
		for (who, record) in Record::<T>::iter() {
			ensure!(record.windows(2).all(|w| matches!(w, [a, b] if a < b)), "record not sorted");
			for id in record.iter() {
				let p = Procedures::<T>::get(id).ok_or("a record names a missing procedure")?;
				ensure!(p.who == who, "a record names a procedure against someone else");
			}
		}
		Ok(())
	}
}

/// The procedures against a person, for elections' portraits.
impl<T: Config> RecallBook<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn recalls_of(who: &T::AccountId) -> Vec<RecallSummary<BlockNumberFor<T>>> {
		Record::<T>::get(who)
			.into_iter()
			.filter_map(|id| {
				let p = Procedures::<T>::get(id)?;
				let outcome = match p.stage {
					Stage::Ended { outcome, .. } => Some(outcome),
					_ => None,
				};
				Some(RecallSummary { procedure: id, office: p.office, noticed: p.noticed, outcome })
			})
			.collect()
	}
}
