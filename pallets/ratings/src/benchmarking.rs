//! Benchmarks of ratings, worst case: an office answering for every sphere, a full history.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{Authorize, EnsureOrigin};
use frame_system::RawOrigin;

/// What the benchmarks need from the runtime around this pallet.
pub trait BenchmarkHelper<AccountId> {
	/// An office answering for every sphere and an account serving in it from now for many
	/// periods.
	fn officeholder() -> (OfficeId, AccountId);
}

/// A serving official whose current period is open, with a full history of closed periods
/// before it; returns the office, the official and the period.
fn rated<T: Config>() -> Result<(OfficeId, T::AccountId, PeriodIndex), BenchmarkError> {
	let (office, who) = T::BenchmarkHelper::officeholder();
	// Start a few periods in, so that earlier periods exist to keep.
	let history = T::MaxHistory::get();
	let start = Pallet::<T>::period_start(T::FirstPeriod::get() + history + 1);
	frame_system::Pallet::<T>::set_block_number(start);
	let period = Pallet::<T>::period_of(start);
	Pallet::<T>::open_period(RawOrigin::Authorized.into(), office, who.clone())
		.map_err(|_| BenchmarkError::Stop("the period opens"))?;
	let spheres = Spheres::ALL;
	let grades: Grades = BoundedVec::truncate_from(alloc::vec![
		[1u64; pallet_veche_primitives::GRADES as usize];
		spheres.iter().count()
	]);
	let mut kept = Vec::new();
	let first = T::FirstPeriod::get();
	for p in first..first + history {
		let result = PeriodResult {
			roll_size: 1_000,
			raters: 600,
			approvals: 300,
			disapprovals: 300,
			grades: grades.clone(),
		};
		let rating = RatingPeriod { poll: Some(0), spheres, result: Some(result) };
		Periods::<T>::insert((&who, office, p), rating);
		kept.push(p);
	}
	History::<T>::insert(&who, office, BoundedVec::<_, T::MaxHistory>::truncate_from(kept));
	Ok((office, who, period))
}

/// Moves the clock past the appeal window of `period`'s poll.
fn after_appeals<T: Config>(who: &T::AccountId, office: OfficeId, period: PeriodIndex) {
	let poll = Periods::<T>::get((who, office, period))
		.and_then(|r| r.poll)
		.unwrap_or_default();
	if let Some(s) = T::Polls::summary(poll) {
		frame_system::Pallet::<T>::set_block_number(s.appeal_end);
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Opening a period of an office that answers for every sphere.
	#[benchmark]
	fn open_period() -> Result<(), BenchmarkError> {
		let (office, who) = T::BenchmarkHelper::officeholder();

		#[extrinsic_call]
		_(RawOrigin::Authorized, office, who.clone());

		let period = Pallet::<T>::period_of(T::BlockNumberProvider::current_block_number());
		assert!(Periods::<T>::contains_key((&who, office, period)));
		Ok(())
	}

	/// The pool's check of `open_period`.
	#[benchmark]
	fn authorize_open() -> Result<(), BenchmarkError> {
		let (office, who) = T::BenchmarkHelper::officeholder();
		let call = Call::<T>::open_period { office, who };

		#[block]
		{
			call.authorize(TransactionSource::External)
				.ok_or("open_period is authorized")?
				.map_err(|_| "the period can open")?;
		}
		Ok(())
	}

	/// Closing a period with every sphere graded, the history full (the oldest is forgotten).
	#[benchmark]
	fn close_period() -> Result<(), BenchmarkError> {
		let (office, who, period) = rated::<T>()?;
		after_appeals::<T>(&who, office, period);

		#[extrinsic_call]
		_(RawOrigin::Authorized, office, who.clone(), period);

		assert!(Periods::<T>::get((&who, office, period)).is_some_and(|r| r.result.is_some()));
		assert!(!Periods::<T>::contains_key((&who, office, T::FirstPeriod::get())));
		Ok(())
	}

	/// The pool's check of `close_period`.
	#[benchmark]
	fn authorize_close() -> Result<(), BenchmarkError> {
		let (office, who, period) = rated::<T>()?;
		after_appeals::<T>(&who, office, period);
		let call = Call::<T>::close_period { office, who, period };

		#[block]
		{
			call.authorize(TransactionSource::External)
				.ok_or("close_period is authorized")?
				.map_err(|_| "the period can close")?;
		}
		Ok(())
	}

	#[benchmark]
	fn set_promotion_bar() -> Result<(), BenchmarkError> {
		let origin =
			T::BarOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (office, _) = T::BenchmarkHelper::officeholder();
		let bar = PromotionBar {
			min_approval: Perbill::from_percent(50),
			min_kept: Perbill::from_percent(50),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office, Some(bar));

		assert_eq!(Bars::<T>::get(office), Some(bar));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
