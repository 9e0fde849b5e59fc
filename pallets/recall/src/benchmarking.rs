//! Benchmarks of recall, worst case: a full record, the most promises in a response, a removal
//! that calls a by-election.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{Authorize, EnsureOrigin};
use frame_system::RawOrigin;

/// What the benchmarks need from the runtime around this pallet.
pub trait BenchmarkHelper<AccountId> {
	/// An office and an account serving in it from now for a long term.
	fn officeholder() -> (OfficeId, AccountId);
	/// Records a closed rating period of `who` in `office`, within the current term, that
	/// nobody approved with every person rating; returns its number.
	fn low_period(office: OfficeId, who: &AccountId) -> u32;
	/// Gives `who` `n` promises; returns their ids.
	fn promises(who: &AccountId, n: u32) -> Vec<PromiseId>;
	/// Sets a yes/no poll's counts: `remove` for option 0, `keep` for option 1.
	fn set_votes(poll: PollId, remove: u64, keep: u64);
}

/// Rules with short windows and no grace or cooldown.
fn quick_rules<T: Config>() -> RulesOf<T> {
	let one: BlockNumberFor<T> = 1u32.into();
	RecallRules {
		threshold: Perbill::from_percent(20),
		quorum: Perbill::from_percent(25),
		petition: Perbill::from_percent(30),
		petition_period: 10u32.into(),
		grace: 0u32.into(),
		cooldown: 0u32.into(),
		response: 10u32.into(),
		vote: 10u32.into(),
		appeal: one,
		turnout: Perbill::from_percent(10),
	}
}

/// An official under `quick_rules`, with a full record of earlier procedures against them.
fn official<T: Config>() -> (OfficeId, T::AccountId) {
	let (office, who) = T::BenchmarkHelper::officeholder();
	Rules::<T>::insert(office, quick_rules::<T>());
	let earlier: Vec<ProcedureId> = (0..T::MaxRecord::get()).collect();
	for id in earlier.iter() {
		Procedures::<T>::insert(
			id,
			Procedure {
				office,
				who: who.clone(),
				trigger: Trigger::Petition { poll: 0, signatures: 0, roll_size: 0 },
				rules: quick_rules::<T>(),
				noticed: Zero::zero(),
				response_end: Zero::zero(),
				response: None,
				stage: Stage::Ended { outcome: RecallOutcome::Stayed, at: Zero::zero() },
			},
		);
	}
	NextProcedure::<T>::put(T::MaxRecord::get());
	Record::<T>::insert(&who, BoundedVec::<_, T::MaxRecord>::truncate_from(earlier));
	(office, who)
}

/// A procedure against an official started on a low rating; returns it with the official.
fn started<T: Config>() -> Result<(ProcedureId, T::AccountId), BenchmarkError> {
	let (office, who) = official::<T>();
	let period = T::BenchmarkHelper::low_period(office, &who);
	let procedure = NextProcedure::<T>::get();
	Pallet::<T>::start_recall(
		RawOrigin::Authorized.into(),
		office,
		who.clone(),
		TriggerRef::Rating(period),
	)
	.map_err(|_| BenchmarkError::Stop("the recall starts"))?;
	Ok((procedure, who))
}

/// Moves the clock to `block`.
fn at<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_rules() -> Result<(), BenchmarkError> {
		let origin =
			T::RulesOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (office, _) = T::BenchmarkHelper::officeholder();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office, Some(quick_rules::<T>()));

		assert!(Rules::<T>::contains_key(office));
		Ok(())
	}

	#[benchmark]
	fn open_petition() -> Result<(), BenchmarkError> {
		let (office, who) = official::<T>();

		#[extrinsic_call]
		_(RawOrigin::Authorized, office, who.clone());

		assert!(Petitions::<T>::contains_key(office, &who));
		Ok(())
	}

	#[benchmark]
	fn authorize_petition() -> Result<(), BenchmarkError> {
		let (office, who) = official::<T>();
		let call = Call::<T>::open_petition { office, who };

		#[block]
		{
			call.authorize(TransactionSource::External)
				.ok_or("open_petition is authorized")?
				.map_err(|_| "the petition can open")?;
		}
		Ok(())
	}

	/// A recall on a petition signed by enough of its roll, the record full.
	#[benchmark]
	fn start_recall() -> Result<(), BenchmarkError> {
		let (office, who) = official::<T>();
		Pallet::<T>::open_petition(RawOrigin::Authorized.into(), office, who.clone())
			.map_err(|_| BenchmarkError::Stop("the petition opens"))?;
		let poll = Petitions::<T>::get(office, &who).map(|p| p.poll).unwrap_or_default();
		T::BenchmarkHelper::set_votes(poll, u32::MAX.into(), 0);
		let procedure = NextProcedure::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Authorized, office, who.clone(), TriggerRef::Petition);

		assert_eq!(Running::<T>::get(office, &who), Some(procedure));
		Ok(())
	}

	#[benchmark]
	fn authorize_start() -> Result<(), BenchmarkError> {
		let (office, who) = official::<T>();
		let period = T::BenchmarkHelper::low_period(office, &who);
		let call = Call::<T>::start_recall { office, who, trigger: TriggerRef::Rating(period) };

		#[block]
		{
			call.authorize(TransactionSource::External)
				.ok_or("start_recall is authorized")?
				.map_err(|_| "the recall can start")?;
		}
		Ok(())
	}

	/// A response naming `f` promises of the official.
	#[benchmark]
	fn respond(f: Linear<0, { T::MaxFixes::get() }>) -> Result<(), BenchmarkError> {
		let (procedure, who) = started::<T>()?;
		let fixes = BoundedVec::truncate_from(T::BenchmarkHelper::promises(&who, f));

		#[extrinsic_call]
		_(RawOrigin::Signed(who), procedure, [7; 32], fixes);

		assert!(Procedures::<T>::get(procedure).is_some_and(|p| p.response.is_some()));
		Ok(())
	}

	/// `advance` opening the confidence vote.
	#[benchmark]
	fn open_vote() -> Result<(), BenchmarkError> {
		let (procedure, _) = started::<T>()?;
		let end = Procedures::<T>::get(procedure).map(|p| p.response_end).unwrap_or_default();
		at::<T>(end);

		#[extrinsic_call]
		advance(RawOrigin::Authorized, procedure);

		let stage = Procedures::<T>::get(procedure).map(|p| p.stage);
		assert!(matches!(stage, Some(Stage::Voting { .. })));
		Ok(())
	}

	/// `advance` concluding with a removal (the seat vacated, a by-election called).
	#[benchmark]
	fn conclude() -> Result<(), BenchmarkError> {
		let (procedure, _) = started::<T>()?;
		let end = Procedures::<T>::get(procedure).map(|p| p.response_end).unwrap_or_default();
		at::<T>(end);
		Pallet::<T>::advance(RawOrigin::Authorized.into(), procedure)
			.map_err(|_| BenchmarkError::Stop("the vote opens"))?;
		let Some(Stage::Voting { poll }) = Procedures::<T>::get(procedure).map(|p| p.stage) else {
			return Err(BenchmarkError::Stop("voting"));
		};
		T::BenchmarkHelper::set_votes(poll, u32::MAX.into(), 0);
		let appeal_end = T::Polls::summary(poll).map(|s| s.appeal_end).unwrap_or_default();
		at::<T>(appeal_end);

		#[extrinsic_call]
		advance(RawOrigin::Authorized, procedure);

		let stage = Procedures::<T>::get(procedure).map(|p| p.stage);
		assert!(matches!(stage, Some(Stage::Ended { outcome: RecallOutcome::Removed, .. })));
		Ok(())
	}

	#[benchmark]
	fn authorize_advance() -> Result<(), BenchmarkError> {
		let (procedure, _) = started::<T>()?;
		let end = Procedures::<T>::get(procedure).map(|p| p.response_end).unwrap_or_default();
		at::<T>(end);
		let call = Call::<T>::advance { procedure };

		#[block]
		{
			call.authorize(TransactionSource::External)
				.ok_or("advance is authorized")?
				.map_err(|_| "the procedure is due")?;
		}
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
