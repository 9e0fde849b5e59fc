//! Benchmarks of promises, worst case: full candidacy lists, a parent to update, histories at
//! the bound, a verdict that releases a deposit and moves a record.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;

/// What the benchmarks need from the runtime around this pallet.
pub trait BenchmarkHelper<AccountId, BlockNumber> {
	/// Gives `who` a positive identity judgement.
	fn identify(who: &AccountId);
	/// Makes `who` a candidate of a new election whose nominations are open; returns it.
	fn nominate(who: &AccountId) -> ElectionId;
	/// Makes `election` give `who` a seat they serve from now on.
	fn elect(who: &AccountId, election: ElectionId);
	/// Ends `who`'s candidacy in `election` without a seat.
	fn end(who: &AccountId, election: ElectionId);
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

/// A funded, identified account.
fn person<T: Config>(name: &'static str, i: u32) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	let who: T::AccountId = account(name, i, 0);
	let funds = T::PromiseDeposit::get()
		.saturating_mul((T::MaxPromises::get() + 1).into())
		.saturating_add(T::Currency::minimum_balance().saturating_mul(100u32.into()));
	T::Currency::set_balance(&who, funds);
	T::BenchmarkHelper::identify(&who);
	who
}

fn long_title<T: Config>() -> TitleOf<T> {
	BoundedVec::truncate_from(alloc::vec![b'p'; T::MaxTitleLen::get() as usize])
}

/// A candidate nominating in an election, with `n` promises made (the first a whole with parts,
/// the rest its parts).
fn candidate_with<T: Config>(n: u32) -> (T::AccountId, ElectionId, Vec<PromiseId>)
where
	T::Currency: Mutate<T::AccountId>,
{
	let who = person::<T>("candidate", 0);
	let election = T::BenchmarkHelper::nominate(&who);
	let mut ids = Vec::new();
	for i in 0..n {
		let parent = if i == 0 { None } else { ids.first().copied() };
		let id = Pallet::<T>::do_make(
			who.clone(),
			election,
			long_title::<T>(),
			[i as u8; 32],
			PolicySphere::Transport,
			None,
			parent,
		)
		.expect("a nominating candidate makes promises");
		ids.push(id);
	}
	(who, election, ids)
}

/// An elected candidate's promise with a history `room` entries short of full.
fn elected_promise<T: Config>(room: u32) -> (T::AccountId, PromiseId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let (who, election, ids) = candidate_with::<T>(T::MaxPromises::get());
	T::BenchmarkHelper::elect(&who, election);
	let id = *ids.last().expect("MaxPromises > 0");
	let mut info = Promises::<T>::get(id).expect("made");
	let now = T::BlockNumberProvider::current_block_number();
	while info.history + room < T::MaxHistory::get() {
		let change = Change::Progress {
			progress: 10,
			milestone: long_title::<T>(),
			evidence: [1; 32],
			status: PromiseStatus::InTheWorks,
		};
		Pallet::<T>::append(id, &mut info, Some(who.clone()), change, now);
	}
	info.status = PromiseStatus::InTheWorks;
	Promises::<T>::insert(id, info);
	(who, id)
}

/// An accredited, identified auditor.
fn auditor<T: Config>() -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	let who = person::<T>("auditor", 0);
	Auditors::<T>::insert(&who, BlockNumberFor::<T>::zero());
	AuditorCount::<T>::mutate(|c| *c += 1);
	who
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	/// A part of a whole, in a candidacy one short of full.
	#[benchmark]
	fn make() {
		let (who, election, ids) = candidate_with::<T>(T::MaxPromises::get() - 1);
		let parent = ids.first().copied();
		let id = NextPromiseId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			election,
			long_title::<T>(),
			[9; 32],
			PolicySphere::Health,
			None,
			parent,
		);

		assert_eq!(ByCandidacy::<T>::get(&who, election).last(), Some(&id));
	}

	/// The last part of a full candidacy.
	#[benchmark]
	fn withdraw() {
		let (who, election, ids) = candidate_with::<T>(T::MaxPromises::get().max(2));
		let id = *ids.last().expect("at least two");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id);

		assert_last_event::<T>(Event::PromiseWithdrawn { promise: id, maker: who.clone() });
		assert!(!ByCandidacy::<T>::get(&who, election).contains(&id));
	}

	#[benchmark]
	fn report_progress() {
		let (who, id) = elected_promise::<T>(VERDICT_ROOM + 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, 50, long_title::<T>(), [2; 32]);

		assert_eq!(
			Promises::<T>::get(id).map(|p| p.history),
			Some(T::MaxHistory::get() - VERDICT_ROOM)
		);
	}

	/// A verdict: the deposit is released and the record moves.
	#[benchmark]
	fn rate() {
		let (_, id) = elected_promise::<T>(VERDICT_ROOM);
		let auditor = auditor::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(auditor), id, PromiseStatus::Broken, [3; 32]);

		assert_eq!(Promises::<T>::get(id).map(|p| p.status), Some(PromiseStatus::Broken));
	}

	#[benchmark]
	fn appeal() -> Result<(), BenchmarkError> {
		let (who, id) = elected_promise::<T>(VERDICT_ROOM);
		let auditor = auditor::<T>();
		Pallet::<T>::rate(RawOrigin::Signed(auditor).into(), id, PromiseStatus::Broken, [3; 32])?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, [4; 32]);

		assert_eq!(Promises::<T>::get(id).map(|p| p.appeal), Some(Appeal::Pending));
		Ok(())
	}

	#[benchmark]
	fn decide_appeal() -> Result<(), BenchmarkError> {
		let (who, id) = elected_promise::<T>(VERDICT_ROOM);
		let auditor = auditor::<T>();
		Pallet::<T>::rate(RawOrigin::Signed(auditor).into(), id, PromiseStatus::Broken, [3; 32])?;
		Pallet::<T>::appeal(RawOrigin::Signed(who).into(), id, [4; 32])?;
		let origin =
			T::AppealOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, PromiseStatus::Kept, [5; 32]);

		assert_eq!(Promises::<T>::get(id).map(|p| p.status), Some(PromiseStatus::Kept));
		Ok(())
	}

	#[benchmark]
	fn accredit() -> Result<(), BenchmarkError> {
		let who = person::<T>("auditor", 1);
		let origin =
			T::AccreditOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()));

		assert!(Auditors::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn revoke() -> Result<(), BenchmarkError> {
		let who = auditor::<T>();
		let origin =
			T::AccreditOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()));

		assert!(!Auditors::<T>::contains_key(&who));
		Ok(())
	}

	/// `n` promises of a candidacy that ended without a seat.
	#[benchmark]
	fn clear(n: Linear<1, { T::MaxPromises::get() }>) {
		let (who, election, _) = candidate_with::<T>(n);
		T::BenchmarkHelper::end(&who, election);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), election);

		assert!(!ByCandidacy::<T>::contains_key(&who, election));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
