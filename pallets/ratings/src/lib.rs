//! # Ratings
//!
//! Residents rate their officials every period, anonymously: whether they approve of them, and
//! how they grade them, on the six-grade scale of majority judgment, in the policy spheres their
//! office answers for.
//!
//! ## Overview
//!
//! Time is cut into **rating periods** of [`Config::Period`] blocks, counted from the chain's
//! block 0 (a month in the runtime). For each officeholder and period there is at most one
//! rating poll in the ballots engine ([`PollEngine`]), of kind [`PollKind::Rating`]: anyone, with
//! no account and no fee, opens it once the holder serves ([`Pallet::open_period`]); its
//! electorate is the persons of the office's unit, its roll frozen when it opens, and it takes
//! ratings until the period ends. A rating is a ballot of that poll, cast with the ballots
//! engine's `cast`: a ring-VRF proof of membership of the unit's rings yields the rater's alias
//! in the poll's context, unique to the official and the period, so one person has one rating
//! per official per period, unlinkable to their ratings of others or in other periods; a later
//! rating in the same period (the next sequence number) replaces the earlier one. Ratings are
//! feeless and rate-limited as ballots are (a cooldown between re-ratings).
//!
//! A rating approves or disapproves, and grades the official 1 (reject) to 6 (excellent) in any
//! of the spheres rated (see [`PollKind::Rating`] for its encoding). The engine counts each
//! rating in O(1): the approval as an option, the grades in one histogram per sphere.
//!
//! After the period, once the poll's appeal window is over (a territory excluded after proven
//! fraud is left out), anyone closes it ([`Pallet::close_period`]): its result is kept in the
//! official's history — approvals, raters, the roll, every sphere's histogram. A bounded
//! history is kept per official and office ([`Config::MaxHistory`] periods): closing one more
//! forgets the oldest.
//!
//! View functions give a period live or final ([`Pallet::period`]): approval share, turnout
//! against the roll, each sphere's majority grade with its gauge ([`MajorityGrade`]); and an
//! official's history ([`Pallet::history`]). The recall procedure reads closed periods and
//! elections' portraits list them ([`RatingBook`]); offices that promote by record set a bar of
//! approval and promises kept over the candidate's last term ([`PromotionBar`],
//! [`Pallet::set_promotion_bar`], implementing [`PromotionRecord`]).
//!
//! ## Terms
//!
//! - **Period**: `block / Period`; period `p` runs from block `p · Period` until before
//!   `(p + 1) · Period`.
//! - **Approval**: approvals over approvals and disapprovals; a blank rating counts as a rater
//!   only.
//! - **Majority grade**: the lower median of a sphere's grades; ties between officials are
//!   broken by the majority value ([`pallet_veche_primitives::majority_cmp`]).
//!
//! ## Implementation notes
//!
//! - **Clock.** Periods are counted in this chain's blocks, the clock of the ballots engine that
//!   runs the polls, so that a period's poll ends exactly at the period's end. With 6-second
//!   blocks a month is 432 000 blocks; a runtime that changes its block time changes `Period`
//!   with it (a period already open keeps its end).
//! - **No hooks.** Periods open and close on demand; nothing runs per block.
//! - **Bounded.** One poll per official, office and period; a history of at most
//!   [`Config::MaxHistory`] closed periods per official and office; views read at most that
//!   many.

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
	pallet_prelude::*,
	sp_runtime::{
		traits::{BlockNumberProvider, Saturating, UniqueSaturatedInto, Zero},
		Perbill,
	},
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{
	majority_grade, Electorate, JurisdictionInspect, ListSizes, MajorityGrade, OfficeId,
	Officeholders, PollEngine, PollId, PollKind, PromiseBook, PromiseStatus, PromotionRecord,
	RatingBook, RatingSummary, Spheres, UnitKind,
};

/// The ratings pallet: residents rate their officials every period, anonymously — approval and
/// majority-judgment grades by policy sphere — through rating polls of the ballots engine; closed
/// periods form each official's bounded history, read by recall, portraits and promotion bars.
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
		/// The clock of periods: the ballots engine's, so that a period's poll ends with it.
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// The jurisdiction tree: an office's unit and the spheres it answers for.
		type Jurisdictions: JurisdictionInspect;

		/// Who holds which office.
		type Officeholders: Officeholders<Self::AccountId, BlockNumberFor<Self>>;

		/// The ballots engine that runs the rating polls. Its longest voting period must be at
		/// least [`Config::Period`].
		type Polls: PollEngine<BlockNumberFor<Self>>;

		/// Everyone's promises, for the promises-kept bar of promotion.
		type Promises: PromiseBook<Self::AccountId>;

		/// Sets the bars of promotion by record.
		type BarOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The length of a rating period, in blocks of [`Config::BlockNumberProvider`].
		#[pallet::constant]
		type Period: Get<BlockNumberFor<Self>>;

		/// The number of the period block 0 lies in. A chain that takes over a community's
		/// records of ratings numbers its periods after theirs: the periods before it can only
		/// be imported at genesis (they have no poll).
		#[pallet::constant]
		type FirstPeriod: Get<PeriodIndex>;

		/// The most closed periods kept per official and office; closing one more forgets the
		/// oldest.
		#[pallet::constant]
		type MaxHistory: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// Every official's rating periods: the poll and, once closed, the result.
	// Blake2_128Concat: accounts are chosen by users; Twox64Concat: office ids assigned on-chain,
	// period numbers follow the clock.
	#[pallet::storage]
	pub type Periods<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, OfficeId>,
			NMapKey<Twox64Concat, PeriodIndex>,
		),
		RatingPeriod,
	>;

	/// The closed periods kept of each official in each office, oldest first.
	// Blake2_128Concat: accounts are chosen by users; Twox64Concat: office ids assigned on-chain.
	#[pallet::storage]
	pub type History<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		OfficeId,
		BoundedVec<PeriodIndex, T::MaxHistory>,
		ValueQuery,
	>;

	/// The bars of promotion by record offices set.
	// Twox64Concat: office ids assigned on-chain.
	#[pallet::storage]
	pub type Bars<T: Config> = StorageMap<_, Twox64Concat, OfficeId, PromotionBar>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Closed periods from before the chain, imported with their results:
		/// `(official, office, period, spheres rated, result)`; each period comes before
		/// [`Config::FirstPeriod`], grades as many spheres as it rates, and at most
		/// [`Config::MaxHistory`] are kept per official and office.
		pub imported: Vec<(T::AccountId, OfficeId, PeriodIndex, Spheres, PeriodResult)>,
		/// Bars of promotion by record: `(office, bar)`.
		pub bars: Vec<(OfficeId, PromotionBar)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, office, period, spheres, result) in self.imported.iter() {
				assert!(*period < T::FirstPeriod::get(), "imported periods precede the chain");
				assert!(
					spheres.is_valid()
						&& !spheres.is_empty()
						&& result.grades.len() == spheres.iter().count(),
					"an imported period grades the spheres it rates"
				);
				let rating =
					RatingPeriod { poll: None, spheres: *spheres, result: Some(result.clone()) };
				Periods::<T>::insert((who, *office, *period), rating);
				History::<T>::mutate(who, *office, |kept| {
					let at = kept.partition_point(|p| p < period);
					assert!(kept.get(at) != Some(period), "each period is imported once");
					kept.try_insert(at, *period).expect("at most MaxHistory imported periods");
				});
			}
			for (office, bar) in self.bars.iter() {
				assert!(T::Jurisdictions::office(*office).is_some(), "bars are set on offices");
				Bars::<T>::insert(office, bar);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A rating period of an official was opened: ratings go to its poll until `end`.
		PeriodOpened {
			/// The official.
			who: T::AccountId,
			/// The office.
			office: OfficeId,
			/// The period.
			period: PeriodIndex,
			/// Its poll in the ballots engine.
			poll: PollId,
			/// The spheres rated, in the order of the poll's grades.
			spheres: Spheres,
			/// The first block after rating.
			end: BlockNumberFor<T>,
		},
		/// A rating period was closed with its final result.
		PeriodClosed {
			/// The official.
			who: T::AccountId,
			/// The office.
			office: OfficeId,
			/// The period.
			period: PeriodIndex,
			/// Its poll.
			poll: PollId,
			/// What it counted.
			result: PeriodResult,
		},
		/// The oldest closed period of an official in an office was forgotten to keep the
		/// history bounded.
		PeriodForgotten {
			/// The official.
			who: T::AccountId,
			/// The office.
			office: OfficeId,
			/// The period.
			period: PeriodIndex,
		},
		/// An office's bar of promotion by record was set (or removed).
		PromotionBarSet {
			/// The office.
			office: OfficeId,
			/// The bar; `None`: no bar beyond elections' own.
			bar: Option<PromotionBar>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such office.
		OfficeNotFound,
		/// The account holds no seat of this office now: only serving officials are rated.
		NotServing,
		/// The office answers for no policy sphere.
		NoSpheres,
		/// This period of the official is already open.
		AlreadyOpen,
		/// This period of the official was never opened.
		PeriodNotFound,
		/// The period is not over yet: ratings are taken until its end.
		PeriodNotOver,
		/// The poll's appeal window is still open: its results are not final yet.
		AppealsOpen,
		/// The period is already closed.
		AlreadyClosed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::Period::get().is_zero(), "Period must be positive");
			assert!(T::MaxHistory::get() > 0, "MaxHistory must be positive");
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
		/// Opens the current rating period of `who` in `office`: creates its rating poll, whose
		/// roll is frozen now and which takes ratings until the period ends.
		///
		/// - Origin: authorized, feeless (anyone, with no account): valid while `who` serves in
		///   `office` and the period is not open yet, so each period opens once.
		///
		/// Emits [`Event::PeriodOpened`]. Errors: [`Error::OfficeNotFound`],
		/// [`Error::NotServing`], [`Error::NoSpheres`], [`Error::AlreadyOpen`], and the ballots
		/// engine's if it cannot create the poll.
		#[pallet::call_index(0)]
		#[pallet::authorize(|_source, office, who| Pallet::<T>::authorize_open(*office, who))]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_open())]
		pub fn open_period(
			origin: OriginFor<T>,
			office: OfficeId,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let now = T::BlockNumberProvider::current_block_number();
			let period = Self::period_of(now);
			let (unit, spheres) = Self::check_open(office, &who, period)?;
			let end = Self::period_start(period.saturating_add(1));
			let kind = PollKind::Rating { spheres: spheres.iter().count() as u8 };
			let electorate = Electorate::of(BoundedVec::truncate_from(alloc::vec![unit]));
			let poll = T::Polls::create(kind, ListSizes::new(), electorate, now, end)?;
			Periods::<T>::insert(
				(&who, office, period),
				RatingPeriod { poll: Some(poll), spheres, result: None },
			);
			Self::deposit_event(Event::PeriodOpened { who, office, period, poll, spheres, end });
			Ok(Pays::No.into())
		}

		/// Closes a rating period of `who` in `office` after its end and its poll's appeal
		/// window: the poll is closed if it is not yet, and its final result is kept in the
		/// official's history (the oldest period kept is forgotten if the history is full).
		///
		/// - Origin: authorized, feeless (anyone, with no account): valid once per period, after
		///   its appeal window.
		///
		/// Emits [`Event::PeriodClosed`], then [`Event::PeriodForgotten`] for a period dropped
		/// from the history (the oldest kept; the one just closed if it is older than all of
		/// them). Errors: [`Error::PeriodNotFound`], [`Error::AlreadyClosed`],
		/// [`Error::PeriodNotOver`], [`Error::AppealsOpen`].
		#[pallet::call_index(1)]
		#[pallet::authorize(|_source, office, who, period| {
			Pallet::<T>::authorize_close(*office, who, *period)
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_close())]
		pub fn close_period(
			origin: OriginFor<T>,
			office: OfficeId,
			who: T::AccountId,
			period: PeriodIndex,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let (mut rating, poll) = Self::check_close(office, &who, period)?;
			T::Polls::close(poll)?;
			let results = T::Polls::results(poll).unwrap_or_default();
			let summary = T::Polls::summary(poll);
			let result = PeriodResult {
				roll_size: summary.map_or(0, |s| s.roll_size),
				raters: results.ballots,
				approvals: results.options.first().copied().unwrap_or(0),
				disapprovals: results.options.get(1).copied().unwrap_or(0),
				grades: BoundedVec::truncate_from(T::Polls::grades(poll)),
			};
			rating.result = Some(result.clone());
			Periods::<T>::insert((&who, office, period), rating);
			Self::deposit_event(Event::PeriodClosed {
				who: who.clone(),
				office,
				period,
				poll,
				result,
			});
			// Periods close in any order; the history stays sorted and keeps the latest
			// `MaxHistory` (a period closed late, older than all those kept, is forgotten at once).
			let mut kept = History::<T>::get(&who, office).into_inner();
			let at = kept.partition_point(|p| *p < period);
			kept.insert(at, period);
			if kept.len() > T::MaxHistory::get() as usize {
				let oldest = kept.remove(0);
				Periods::<T>::remove((&who, office, oldest));
				Self::deposit_event(Event::PeriodForgotten {
					who: who.clone(),
					office,
					period: oldest,
				});
			}
			History::<T>::insert(&who, office, BoundedVec::<_, T::MaxHistory>::truncate_from(kept));
			Ok(Pays::No.into())
		}

		/// Sets (or with `None` removes) the bar of promotion by record of `office`: the least
		/// approval over the candidate's last term at a lower level and the least share of their
		/// promises kept.
		///
		/// - Origin: [`Config::BarOrigin`].
		///
		/// Emits [`Event::PromotionBarSet`]. Errors: [`Error::OfficeNotFound`].
		#[pallet::call_index(2)]
		pub fn set_promotion_bar(
			origin: OriginFor<T>,
			office: OfficeId,
			bar: Option<PromotionBar>,
		) -> DispatchResult {
			T::BarOrigin::ensure_origin(origin)?;
			ensure!(T::Jurisdictions::office(office).is_some(), Error::<T>::OfficeNotFound);
			match bar {
				Some(b) => Bars::<T>::insert(office, b),
				None => Bars::<T>::remove(office),
			}
			Self::deposit_event(Event::PromotionBarSet { office, bar });
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The current period, its first block and the first block after it.
		pub fn current_period() -> (PeriodIndex, BlockNumberFor<T>, BlockNumberFor<T>) {
			let period = Self::period_of(T::BlockNumberProvider::current_block_number());
			(period, Self::period_start(period), Self::period_start(period.saturating_add(1)))
		}

		/// A rating period of `who` in `office`: live while it runs (the counts so far),
		/// final once closed; `None` if it was never opened or has been forgotten.
		pub fn period(
			who: T::AccountId,
			office: OfficeId,
			period: PeriodIndex,
		) -> Option<PeriodView<BlockNumberFor<T>>> {
			Self::view_of(&who, office, period)
		}

		/// The holders of `office` now, ranked by majority judgment in `sphere` over their
		/// ratings of `period` (live or closed): best first, ties broken by the majority value
		/// ([`pallet_veche_primitives::majority_cmp`]); a holder nobody graded comes last. Each
		/// with their majority grade in the sphere and their approval share.
		pub fn ranking(
			office: OfficeId,
			period: PeriodIndex,
			sphere: pallet_veche_primitives::PolicySphere,
		) -> Vec<(T::AccountId, Option<MajorityGrade>, Perbill)> {
			Self::ranked(office, period, sphere)
		}

		/// The closed periods kept of `who` in `office`, oldest first.
		pub fn history(who: T::AccountId, office: OfficeId) -> Vec<PeriodView<BlockNumberFor<T>>> {
			History::<T>::get(&who, office)
				.into_iter()
				.filter_map(|p| Self::view_of(&who, office, p))
				.collect()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The period `block` lies in.
	pub fn period_of(block: BlockNumberFor<T>) -> PeriodIndex {
		let n: u64 = block.unique_saturated_into();
		let length: u64 = T::Period::get().unique_saturated_into();
		let since_genesis = u32::try_from(n.checked_div(length).unwrap_or(0)).unwrap_or(u32::MAX);
		since_genesis.saturating_add(T::FirstPeriod::get())
	}

	/// The first block of `period` (block 0 for the periods before the chain).
	pub fn period_start(period: PeriodIndex) -> BlockNumberFor<T> {
		T::Period::get().saturating_mul(period.saturating_sub(T::FirstPeriod::get()).into())
	}

	/// The checks of opening `period` of `who` in `office`: returns the office's unit and its
	/// spheres.
	fn check_open(
		office: OfficeId,
		who: &T::AccountId,
		period: PeriodIndex,
	) -> Result<(pallet_veche_primitives::JurisdictionId, Spheres), DispatchError> {
		let (unit, _) = T::Jurisdictions::office(office).ok_or(Error::<T>::OfficeNotFound)?;
		let now = T::BlockNumberProvider::current_block_number();
		let serving = T::Officeholders::mandate(office, who).is_some_and(|m| m.serving(now));
		ensure!(serving, Error::<T>::NotServing);
		let spheres = T::Jurisdictions::office_spheres(office).unwrap_or(Spheres::NONE);
		ensure!(!spheres.is_empty() && spheres.is_valid(), Error::<T>::NoSpheres);
		ensure!(!Periods::<T>::contains_key((who, office, period)), Error::<T>::AlreadyOpen);
		Ok((unit, spheres))
	}

	/// The checks of closing `period` of `who` in `office`: returns the period and its poll.
	fn check_close(
		office: OfficeId,
		who: &T::AccountId,
		period: PeriodIndex,
	) -> Result<(RatingPeriod, PollId), DispatchError> {
		let rating = Periods::<T>::get((who, office, period)).ok_or(Error::<T>::PeriodNotFound)?;
		// Imported periods come closed.
		ensure!(rating.result.is_none(), Error::<T>::AlreadyClosed);
		let poll = rating.poll.ok_or(Error::<T>::AlreadyClosed)?;
		let summary = T::Polls::summary(poll).ok_or(Error::<T>::PeriodNotFound)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(now >= summary.end, Error::<T>::PeriodNotOver);
		ensure!(now >= summary.appeal_end, Error::<T>::AppealsOpen);
		Ok((rating, poll))
	}

	/// Authorizes `open_period`: the checks of the call itself; each period opens once.
	fn authorize_open(office: OfficeId, who: &T::AccountId) -> TransactionValidityWithRefund {
		let now = T::BlockNumberProvider::current_block_number();
		let period = Self::period_of(now);
		Self::check_open(office, who, period).map_err(pallet_veche_primitives::pool_refusal)?;
		let end = Self::period_start(period.saturating_add(1));
		let longevity: u64 = end.saturating_sub(now).unique_saturated_into();
		let validity = ValidTransaction::with_tag_prefix("VecheRatingOpen")
			.and_provides((who, office, period))
			.longevity(longevity.max(1))
			.propagate(true)
			.build()?;
		Ok((validity, Weight::zero()))
	}

	/// Authorizes `close_period`: the checks of the call itself; each period closes once.
	fn authorize_close(
		office: OfficeId,
		who: &T::AccountId,
		period: PeriodIndex,
	) -> TransactionValidityWithRefund {
		Self::check_close(office, who, period).map_err(pallet_veche_primitives::pool_refusal)?;
		let validity = ValidTransaction::with_tag_prefix("VecheRatingClose")
			.and_provides((who, office, period))
			.propagate(true)
			.build()?;
		Ok((validity, Weight::zero()))
	}

	/// A period as the views show it.
	fn view_of(
		who: &T::AccountId,
		office: OfficeId,
		period: PeriodIndex,
	) -> Option<PeriodView<BlockNumberFor<T>>> {
		let rating = Periods::<T>::get((who, office, period))?;
		let summary = rating.poll.and_then(T::Polls::summary);
		let (roll_size, raters, approvals, disapprovals, grades) =
			match (&rating.result, rating.poll) {
				(Some(r), _) => {
					(r.roll_size, r.raters, r.approvals, r.disapprovals, r.grades.to_vec())
				},
				(None, Some(poll)) => {
					let t = T::Polls::results(poll).unwrap_or_default();
					(
						summary.as_ref().map_or(0, |s| s.roll_size),
						t.ballots,
						t.options.first().copied().unwrap_or(0),
						t.options.get(1).copied().unwrap_or(0),
						T::Polls::grades(poll),
					)
				},
				(None, None) => return None,
			};
		// Imported periods have no poll and no blocks on this chain.
		let (start, end) = summary.map_or((Zero::zero(), Zero::zero()), |s| (s.start, s.end));
		let spheres = rating
			.spheres
			.iter()
			.zip(grades)
			.map(|(sphere, histogram)| SphereView {
				sphere,
				histogram,
				majority: majority_grade(&histogram),
			})
			.collect();
		Some(PeriodView {
			office,
			period,
			poll: rating.poll,
			start,
			end,
			closed: rating.result.is_some(),
			roll_size,
			raters,
			approvals,
			disapprovals,
			approval: Perbill::from_rational(
				approvals,
				approvals.saturating_add(disapprovals).max(1),
			),
			turnout: Perbill::from_rational(raters, roll_size.max(1)),
			spheres,
		})
	}

	/// See the view function `ranking`.
	fn ranked(
		office: OfficeId,
		period: PeriodIndex,
		sphere: pallet_veche_primitives::PolicySphere,
	) -> Vec<(T::AccountId, Option<MajorityGrade>, Perbill)> {
		let mut rows: Vec<(T::AccountId, pallet_veche_primitives::GradeHistogram, Perbill)> =
			T::Officeholders::holders(office)
				.into_iter()
				.map(|who| {
					let view = Self::view_of(&who, office, period);
					let histogram = view
						.as_ref()
						.and_then(|v| v.spheres.iter().find(|s| s.sphere == sphere))
						.map_or([0; 6], |s| s.histogram);
					let approval = view.map_or(Perbill::zero(), |v| v.approval);
					(who, histogram, approval)
				})
				.collect();
		rows.sort_by(|a, b| pallet_veche_primitives::majority_cmp(&b.1, &a.1));
		rows.into_iter()
			.map(|(who, h, approval)| (who, majority_grade(&h), approval))
			.collect()
	}

	/// The summary of a closed period for other pallets.
	fn summary_of(office: OfficeId, period: PeriodIndex, r: &PeriodResult) -> RatingSummary {
		RatingSummary {
			office,
			period,
			roll_size: r.roll_size,
			raters: r.raters,
			approvals: r.approvals,
			disapprovals: r.disapprovals,
		}
	}

	/// The majority grade of each sphere of a closed period (for callers that rank officials).
	pub fn majority_grades(
		who: &T::AccountId,
		office: OfficeId,
		period: PeriodIndex,
	) -> Vec<(pallet_veche_primitives::PolicySphere, Option<MajorityGrade>)> {
		Self::view_of(who, office, period)
			.map(|v| v.spheres.into_iter().map(|s| (s.sphere, s.majority)).collect())
			.unwrap_or_default()
	}

	/// Checks the pallet's invariants:
	/// - every history is sorted without duplicates and names closed periods only;
	/// - every closed period is in its official's history (none is kept outside it);
	/// - every period's result grades as many spheres as it rates;
	/// - a period without a poll (imported) precedes the chain and is closed.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), frame_support::sp_runtime::TryRuntimeError> {
		for (who, office, kept) in History::<T>::iter() {
			ensure!(kept.windows(2).all(|w| matches!(w, [a, b] if a < b)), "history not sorted");
			for period in kept.iter() {
				let closed =
					Periods::<T>::get((&who, office, *period)).is_some_and(|r| r.result.is_some());
				ensure!(closed, "history names a period that is not closed");
			}
		}
		for ((who, office, period), rating) in Periods::<T>::iter() {
			if let Some(result) = &rating.result {
				ensure!(
					History::<T>::get(&who, office).contains(&period),
					"a closed period outside the history"
				);
				ensure!(
					result.grades.len() == rating.spheres.iter().count(),
					"a result grades other spheres than it rates"
				);
			}
			ensure!(rating.spheres.is_valid() && !rating.spheres.is_empty(), "no spheres rated");
			if rating.poll.is_none() {
				ensure!(
					period < T::FirstPeriod::get() && rating.result.is_some(),
					"a period without a poll that is not an imported closed one"
				);
			}
		}
		Ok(())
	}
}

/// Closed periods, for the recall procedure and elections' portraits.
impl<T: Config> RatingBook<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn period_of(block: BlockNumberFor<T>) -> u32 {
		Pallet::<T>::period_of(block)
	}

	fn closed_period(office: OfficeId, who: &T::AccountId, period: u32) -> Option<RatingSummary> {
		let rating = Periods::<T>::get((who, office, period))?;
		rating.result.as_ref().map(|r| Self::summary_of(office, period, r))
	}

	fn ratings_of(who: &T::AccountId) -> Vec<RatingSummary> {
		let mut all = Vec::new();
		for (office, kept) in History::<T>::iter_prefix(who) {
			for period in kept {
				if let Some(s) = Self::closed_period(office, who, period) {
					all.push(s);
				}
			}
		}
		all
	}
}

/// An office's bar of promotion by record: approval over the candidate's last term at a lower
/// level (their rated periods that began within it) and their promises kept.
impl<T: Config> PromotionRecord<T::AccountId> for Pallet<T> {
	fn qualifies(who: &T::AccountId, office: OfficeId, level: UnitKind) -> bool {
		let Some(bar) = Bars::<T>::get(office) else { return true };
		let level_of = |o: OfficeId| {
			T::Jurisdictions::office(o)
				.and_then(|(unit, _)| T::Jurisdictions::unit_kind(unit))
				.map(UnitKind::level)
		};
		let record = T::Officeholders::record(who);
		let Some(last) = record
			.iter()
			.rev()
			.find(|m| level_of(m.office).is_some_and(|l| l < level.level()))
		else {
			return false;
		};
		let ended = last.left.unwrap_or(last.until);
		let (mut approvals, mut disapprovals) = (0u64, 0u64);
		for period in History::<T>::get(who, last.office) {
			let start = Self::period_start(period);
			if start < last.since.saturating_sub(T::Period::get()) || start >= ended {
				continue;
			}
			if let Some(s) = Self::closed_period(last.office, who, period) {
				approvals = approvals.saturating_add(s.approvals);
				disapprovals = disapprovals.saturating_add(s.disapprovals);
			}
		}
		let approval =
			Perbill::from_rational(approvals, approvals.saturating_add(disapprovals).max(1));
		if approval < bar.min_approval || (approvals == 0 && !bar.min_approval.is_zero()) {
			return false;
		}
		let (mut verdicts, mut kept_halves) = (0u64, 0u64);
		for p in T::Promises::promises_of(who) {
			match p.status {
				PromiseStatus::Kept => kept_halves = kept_halves.saturating_add(2),
				PromiseStatus::Compromise => kept_halves = kept_halves.saturating_add(1),
				_ => {},
			}
			if p.status.is_verdict() {
				verdicts = verdicts.saturating_add(1);
			}
		}
		let kept = Perbill::from_rational(kept_halves, verdicts.saturating_mul(2).max(1));
		kept >= bar.min_kept && (verdicts > 0 || bar.min_kept.is_zero())
	}
}
