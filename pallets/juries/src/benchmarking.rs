//! Benchmarks of juries, worst case, with real ring-VRF proofs.
//!
//! Proofs cannot be made inside the runtime, so [`BenchmarkHelper`] supplies rings holding a
//! prover and the prover's proofs made beforehand: the runtime from fixtures
//! (`src/fixtures`), the tests' mock with the prover.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{Authorize, EnsureOrigin};
use frame_system::RawOrigin;
use pallet_veche_primitives::RingRef;

/// A prover the benchmarks enrol and seat.
pub struct BenchProver {
	/// A constituency ring holding the prover, current and built.
	pub constituency: RingRef,
	/// A credential ring holding the prover, current and built.
	pub credential: RingRef,
	/// A unit containing the constituency: the benchmark bill's jurisdiction.
	pub unit: JurisdictionId,
	/// The roll whose revisions the rings are.
	pub roll: Roll,
	/// The context the proofs are made for.
	pub context: Context,
	/// The prover's proof of the constituency ring over `enrol_message(fixtures::JURY)`.
	pub enrol: Vec<u8>,
	/// The prover's proof of the credential ring over the same message.
	pub enrol_credential: Vec<u8>,
	/// The prover's proof of the constituency ring over `accept_message(fixtures::JURY)`.
	pub accept: Vec<u8>,
}

/// What the benchmarks need from the runtime around this pallet.
pub trait BenchmarkHelper {
	/// Tables a bill that juries may decide; returns it.
	fn bill() -> ActId;
	/// Rings holding a prover, with the prover's proofs.
	fn prover() -> BenchProver;
	/// Sets the counted votes of `poll` (a jury's yes/no poll) to `ayes` and `nays`.
	fn set_votes(poll: pallet_veche_primitives::PollId, ayes: u64, nays: u64);
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

fn now<T: Config>() -> BlockNumberFor<T> {
	T::BlockNumberProvider::current_block_number()
}

fn proof(bytes: Vec<u8>) -> Proof {
	BoundedVec::truncate_from(bytes)
}

/// Jury [`fixtures::JURY`] over a bill of the prover's unit, at `stage`, with the prover's
/// context and roll, the credential of its credential ring, windows of 10 and 20 blocks and a
/// freeze 10 blocks ahead; its bill held and its roll live.
fn bench_jury<T: Config>(p: &BenchProver, stage: JuryStage) -> JuryOf<T> {
	let act = T::BenchmarkHelper::bill();
	let credential = match p.credential.set {
		RingSet::Credential(class) => Some(class),
		RingSet::Constituency(_) => None,
	};
	let jury = Jury {
		act,
		version: 0,
		unit: p.unit,
		size: T::MaxJurySize::get(),
		credential,
		context: p.context,
		roll: p.roll,
		freeze: now::<T>() + 10u32.into(),
		acceptance: 10u32.into(),
		voting: 20u32.into(),
		volunteers: 0,
		pending: 0,
		seated: 0,
		draw: None,
		stage,
		ended: None,
	};
	Juries::<T>::insert(fixtures::JURY, jury.clone());
	NextJuryId::<T>::put(fixtures::JURY + 1);
	JuryOfAct::<T>::insert(act, fixtures::JURY);
	LiveRolls::<T>::insert(p.roll.to_be_bytes(), 1);
	jury
}

/// Fills the jury's strata list with `n` strata of one volunteer each (none of them the
/// prover's constituency), placed first in draw order.
fn fill_strata<T: Config>(info: &mut JuryOf<T>, n: u32) {
	let mut strata = StrataOf::<T>::get(fixtures::JURY);
	for s in 0..n {
		let stratum = 1_000_000 + s;
		let _ = strata.try_push(stratum);
		Strata::<T>::insert(
			fixtures::JURY,
			stratum,
			Stratum { volunteers: 1, persons: 10, ..Default::default() },
		);
		let alias: Alias = BlakeTwo256::hash_of(&(b"bench", s)).into();
		Pool::<T>::insert((fixtures::JURY, stratum, 0), alias);
		Enrolled::<T>::insert(fixtures::JURY, alias, (stratum, 0));
		info.volunteers += 1;
	}
	StrataOf::<T>::insert(fixtures::JURY, strata);
	Juries::<T>::insert(fixtures::JURY, info.clone());
}

/// One stratum of `volunteers`, with quota `quota`, drawn from a seed, at `Drawing`.
fn drawing_jury<T: Config>(volunteers: u32, quota: u32) -> (JuryOf<T>, JurisdictionId) {
	let p = T::BenchmarkHelper::prover();
	let mut info = bench_jury::<T>(&p, JuryStage::Drawing { stratum: 0 });
	let stratum = match p.constituency.set {
		RingSet::Constituency(s) => s,
		RingSet::Credential(_) => 0,
	};
	for place in 0..volunteers {
		let alias: Alias = BlakeTwo256::hash_of(&(b"volunteer", place)).into();
		Pool::<T>::insert((fixtures::JURY, stratum, place), alias);
		Enrolled::<T>::insert(fixtures::JURY, alias, (stratum, place));
	}
	StrataOf::<T>::insert(fixtures::JURY, BoundedVec::truncate_from(alloc::vec![stratum]));
	Strata::<T>::insert(
		fixtures::JURY,
		stratum,
		Stratum { volunteers, persons: volunteers, quota, ..Default::default() },
	);
	info.volunteers = volunteers;
	let relay = RelayEpoch { epoch: 7, randomness: [7; 32], relay_block: 70, block: now::<T>() };
	info.draw = Some(DrawRecord {
		relay,
		source: RandomnessSource::Relay,
		seed: sortition::seed(fixtures::JURY, 7, &[7; 32]),
	});
	Juries::<T>::insert(fixtures::JURY, info.clone());
	(info, stratum)
}

/// The prover summoned (pending) in a jury at `Seating`, as the only summons: the next
/// acceptance opens the vote. Returns the jury and the prover.
fn summoned_prover<T: Config>() -> (JuryOf<T>, BenchProver) {
	let p = T::BenchmarkHelper::prover();
	let mut info = bench_jury::<T>(&p, JuryStage::Seating);
	let alias = T::Personhood::claimed_alias(&p.accept).unwrap_or_default();
	let stratum = match p.constituency.set {
		RingSet::Constituency(s) => s,
		RingSet::Credential(_) => 0,
	};
	Pool::<T>::insert((fixtures::JURY, stratum, 0), alias);
	Enrolled::<T>::insert(fixtures::JURY, alias, (stratum, 0));
	StrataOf::<T>::insert(fixtures::JURY, BoundedVec::truncate_from(alloc::vec![stratum]));
	Strata::<T>::insert(
		fixtures::JURY,
		stratum,
		Stratum { volunteers: 1, persons: 1, quota: 1, drawn: 1, seated: 0 },
	);
	let deadline = now::<T>() + 10u32.into();
	Summonses::<T>::insert(
		fixtures::JURY,
		alias,
		Summons { stratum, position: 0, deadline, status: SummonsStatus::Summoned },
	);
	info.volunteers = 1;
	info.pending = 1;
	Juries::<T>::insert(fixtures::JURY, info.clone());
	(info, p)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn send_to_jury() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let act = T::BenchmarkHelper::bill();
		let freeze = now::<T>() + 10u32.into();
		let (acceptance, voting): (BlockNumberFor<T>, BlockNumberFor<T>) =
			(10u32.into(), 20u32.into());

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			act,
			T::MaxJurySize::get(),
			Some(1),
			freeze,
			acceptance,
			voting,
		);

		assert!(JuryOfAct::<T>::contains_key(act));
		Ok(())
	}

	/// Both proofs verified in the pool (a constituency and a credential proof), with the pool
	/// one stratum short of full.
	#[benchmark]
	fn authorize_enrol() -> Result<(), BenchmarkError> {
		let p = T::BenchmarkHelper::prover();
		let mut info = bench_jury::<T>(&p, JuryStage::Enrolling);
		fill_strata::<T>(&mut info, T::MaxStrata::get() - 1);
		let call = Call::<T>::enrol {
			jury: fixtures::JURY,
			ring: p.constituency,
			proof: proof(p.enrol.clone()),
			credential: Some((p.credential, proof(p.enrol_credential))),
		};

		#[block]
		{
			call.authorize(TransactionSource::External)
				.ok_or("enrol is authorized")?
				.map_err(|_| "the benchmark enrolment is valid")?;
		}
		Ok(())
	}

	/// The dispatch: a new stratum joins a pool one stratum short of full.
	#[benchmark]
	fn enrol() -> Result<(), BenchmarkError> {
		let p = T::BenchmarkHelper::prover();
		let mut info = bench_jury::<T>(&p, JuryStage::Enrolling);
		fill_strata::<T>(&mut info, T::MaxStrata::get() - 1);
		let alias = T::Personhood::claimed_alias(&p.enrol).ok_or("a well-formed proof")?;
		let credential = Some((p.credential, proof(p.enrol_credential)));

		#[extrinsic_call]
		_(RawOrigin::Authorized, fixtures::JURY, p.constituency, proof(p.enrol), credential);

		assert!(Enrolled::<T>::contains_key(fixtures::JURY, alias));
		Ok(())
	}

	/// Setting the seed and the quotas of `s` strata.
	#[benchmark]
	fn start_draw(s: Linear<1, { T::MaxStrata::get() }>) -> Result<(), BenchmarkError> {
		let p = T::BenchmarkHelper::prover();
		let mut info = bench_jury::<T>(&p, JuryStage::Enrolling);
		fill_strata::<T>(&mut info, s);
		let freeze = info.freeze;
		frame_system::Pallet::<T>::set_block_number(freeze + 1u32.into());
		Pallet::<T>::note_relay_epoch(1, [1; 32], 10);
		frame_system::Pallet::<T>::set_block_number(freeze + 2u32.into());
		Pallet::<T>::note_relay_epoch(2, [2; 32], 11);

		#[block]
		{
			Pallet::<T>::start_draw(fixtures::JURY, &mut info)?;
		}
		assert_eq!(info.stage, JuryStage::Drawing { stratum: 0 });
		Ok(())
	}

	/// Drawing `n` jurors from a stratum of twice as many volunteers (a pool's size enters the
	/// cost only through the depth of its storage).
	#[benchmark]
	fn draw(n: Linear<1, { T::MaxJurySize::get() }>) -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		drawing_jury::<T>(2 * n, n);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), fixtures::JURY, n);

		assert_last_event::<T>(Event::DrawCompleted { jury: fixtures::JURY, summoned: n });
		Ok(())
	}

	/// The acceptance's proof verified in the pool.
	#[benchmark]
	fn authorize_accept() -> Result<(), BenchmarkError> {
		let (_, p) = summoned_prover::<T>();
		let call = Call::<T>::accept {
			jury: fixtures::JURY,
			ring: p.constituency,
			proof: proof(p.accept),
		};

		#[block]
		{
			call.authorize(TransactionSource::External)
				.ok_or("accept is authorized")?
				.map_err(|_| "the benchmark acceptance is valid")?;
		}
		Ok(())
	}

	/// The last acceptance, which opens the jury's vote (a poll created).
	#[benchmark]
	fn accept() -> Result<(), BenchmarkError> {
		let (_, p) = summoned_prover::<T>();

		#[extrinsic_call]
		_(RawOrigin::Authorized, fixtures::JURY, p.constituency, proof(p.accept));

		assert!(matches!(
			Juries::<T>::get(fixtures::JURY).map(|j| j.stage),
			Some(JuryStage::Voting { .. })
		));
		Ok(())
	}

	/// A lapse with a replacement summoned from the stratum's permutation.
	#[benchmark]
	fn lapse() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let (mut info, stratum) = drawing_jury::<T>(4, 1);
		let seed = info.draw.map(|d| d.seed).unwrap_or_default();
		let mut record = Strata::<T>::get(fixtures::JURY, stratum).unwrap_or_default();
		Pallet::<T>::summon_next(
			fixtures::JURY,
			stratum,
			&mut record,
			&seed,
			info.acceptance,
			now::<T>(),
		)?;
		info.pending = 1;
		info.stage = JuryStage::Seating;
		Juries::<T>::insert(fixtures::JURY, info);
		let (alias, _) = Summonses::<T>::iter_prefix(fixtures::JURY).next().ok_or("summoned")?;
		frame_system::Pallet::<T>::set_block_number(now::<T>() + 10u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), fixtures::JURY, alias);

		assert_eq!(Strata::<T>::get(fixtures::JURY, stratum).map(|s| s.drawn), Some(2));
		Ok(())
	}

	/// The jury's vote closed and the bill adopted through the registry.
	#[benchmark]
	fn conclude() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let (info, p) = summoned_prover::<T>();
		let origin: T::RuntimeOrigin = RawOrigin::Authorized.into();
		Pallet::<T>::accept(origin, fixtures::JURY, p.constituency, proof(p.accept))
			.map_err(|e| e.error)?;
		// The worst case: the bill adopted (numbered, marked).
		if let Some(JuryStage::Voting { poll }) = Juries::<T>::get(fixtures::JURY).map(|j| j.stage)
		{
			T::BenchmarkHelper::set_votes(poll, 1, 0);
		}
		let end = now::<T>() + info.voting;
		frame_system::Pallet::<T>::set_block_number(end);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), fixtures::JURY);

		assert!(matches!(
			Juries::<T>::get(fixtures::JURY).map(|j| j.stage),
			Some(JuryStage::Decided { adopted: true, .. })
		));
		Ok(())
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let p = T::BenchmarkHelper::prover();
		bench_jury::<T>(&p, JuryStage::Enrolling);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, fixtures::JURY);

		assert_last_event::<T>(Event::JuryCancelled { jury: fixtures::JURY });
		Ok(())
	}

	/// Removing `n` pool entries of an ended jury.
	#[benchmark]
	fn clear(n: Linear<1, 1_000>) -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let (mut info, _) = drawing_jury::<T>(n, 0);
		// Only the pool's entries: `n` of them.
		let _ = Enrolled::<T>::clear_prefix(fixtures::JURY, u32::MAX, None);
		info.stage = JuryStage::Cancelled;
		info.ended = Some(now::<T>());
		Juries::<T>::insert(fixtures::JURY, info);
		JuryOfAct::<T>::remove(Juries::<T>::get(fixtures::JURY).map(|j| j.act).unwrap_or(0));
		LiveRolls::<T>::remove(T::BenchmarkHelper::prover().roll.to_be_bytes());
		frame_system::Pallet::<T>::set_block_number(now::<T>() + T::RetentionPeriod::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), fixtures::JURY, n);

		assert!(Pool::<T>::iter_key_prefix((fixtures::JURY,)).next().is_none());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
