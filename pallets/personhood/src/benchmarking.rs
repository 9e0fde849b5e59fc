//! Benchmarks of personhood, worst case, with real ring-VRF arithmetic.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use crate::crypto::RingVrf;
use frame_benchmarking::v2::*;
use frame_support::sp_runtime::traits::StaticLookup;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;

/// What the benchmarks need from the runtime around this pallet.
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` a positive identity judgement.
	fn identify(who: &AccountId);
	/// Creates (if needed) a constituency as deep in the tree as possible and returns it with the
	/// root unit above it.
	fn deep_constituency() -> (JurisdictionId, JurisdictionId);
	/// Creates (if needed) and returns `n` distinct existing units.
	fn units(n: u32) -> Vec<JurisdictionId>;
	/// Makes a poll (of the pallet behind `Config::Rolls`) hold `roll`, so that a revision
	/// replaced after it is kept.
	fn hold_roll(roll: pallet_veche_primitives::Roll);
}

fn seed(i: u32) -> [u8; 32] {
	let mut s = [0x5e; 32];
	s[..4].copy_from_slice(&i.to_le_bytes());
	s
}

fn tag(i: u32) -> Tag {
	let mut t = [0x7a; 32];
	t[..4].copy_from_slice(&i.to_le_bytes());
	t
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

fn admin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A registrar serving the root above the deepest constituency (the longest ancestry walk).
fn registrar<T: Config>() -> (T::AccountId, JurisdictionId) {
	Pallet::<T>::store_chunks();
	let who: T::AccountId = account("registrar", 0, 0);
	let (constituency, root) = T::BenchmarkHelper::deep_constituency();
	T::BenchmarkHelper::identify(&who);
	let units = BoundedVec::truncate_from(alloc::vec![root]);
	let registrar = Registrar {
		jurisdictions: units,
		registered: 0,
		quota: u32::MAX,
		window: 0u32.into(),
		used: 0,
	};
	Registrars::<T>::insert(&who, registrar);
	SingleRegistration::<T>::put(true);
	(who, constituency)
}

/// Registers persons `from..to` (queued in the constituency); returns their keys.
fn persons<T: Config>(
	registrar: &T::AccountId,
	constituency: JurisdictionId,
	from: u32,
	to: u32,
) -> Result<Vec<Member>, BenchmarkError> {
	let mut keys = Vec::new();
	for i in from..to {
		let key = T::RingVrf::member_from_seed(seed(i));
		Pallet::<T>::do_register(registrar, tag(i), key, constituency)
			.map_err(|_| BenchmarkError::Stop("registration failed"))?;
		keys.push(key);
	}
	Ok(keys)
}

/// A stand-in ring member: calls that only move keys between lists never decode them, so the
/// worst-case list sizes are set up without deriving hundreds of real keys.
fn filler(i: u32) -> Member {
	let mut k = [0xee; 32];
	k[..4].copy_from_slice(&i.to_le_bytes());
	k
}

/// Tops ring `index` of `set` up to `RingCapacity` with filler members, with a built revision
/// (so that a key leaving it keeps the revision's member list: the costliest leave).
fn fill_ring<T: Config>(set: RingSet, index: RingIndex) {
	RingMembers::<T>::mutate(set, index, |m| {
		let m = m.get_or_insert_with(BoundedVec::new);
		let mut i = 0;
		while m.try_push(filler(i)).is_ok() {
			i += 1;
		}
	});
	let members = T::RingCapacity::get();
	RingRoots::<T>::insert(
		set,
		index,
		RingRoot { commitment: [0; 288], revision: 1, members, from: 0 },
	);
}

/// Tops the queue of `set` up to `MaxQueue - 1` with filler members.
fn fill_queue<T: Config>(set: RingSet) {
	let now = T::BlockNumberProvider::current_block_number();
	Queues::<T>::mutate(set, |q| {
		let q = q.get_or_insert_with(|| Cohort { keys: BoundedVec::new(), since: now });
		let mut i = 0;
		while (q.keys.len() as u32) < T::MaxQueue::get() - 1 {
			let _ = q.keys.try_push(filler(i));
			i += 1;
		}
	});
}

/// Admits the queue of `set` into ring 0: alone, a key could not open a ring (the anonymity
/// floor), so filler keys join it up to the floor.
fn admit_with_fillers<T: Config>(set: RingSet) -> Result<(), BenchmarkError> {
	let now = T::BlockNumberProvider::current_block_number();
	Queues::<T>::mutate(set, |q| {
		let q = q.get_or_insert_with(|| Cohort { keys: BoundedVec::new(), since: now });
		let mut i = 0;
		while (q.keys.len() as u32) < MinRingSize::<T>::get() && q.keys.try_push(filler(i)).is_ok()
		{
			i += 1;
		}
	});
	Pallet::<T>::do_admit(set).map_err(|_| BenchmarkError::Stop("admission failed"))?;
	Ok(())
}

/// Person 0 registered and admitted into ring 0 of the constituency, which is full.
fn person_in_full_ring<T: Config>() -> Result<(T::AccountId, JurisdictionId), BenchmarkError> {
	let (who, constituency) = registrar::<T>();
	persons::<T>(&who, constituency, 0, 1)?;
	let set = RingSet::Constituency(constituency);
	admit_with_fillers::<T>(set)?;
	if People::<T>::get(tag(0)).and_then(|p| p.ring) != Some(0) {
		return Err(BenchmarkError::Stop("person 0 is not in ring 0"));
	}
	fill_ring::<T>(set, 0);
	Ok((who, constituency))
}

/// Defines `c` credential classes, each held by person 0, admitted into a full class ring.
fn credentials<T: Config>(c: u32) -> Result<(), BenchmarkError> {
	let key = T::RingVrf::member_from_seed(seed(0));
	for class in 0..c {
		let class = class as CredentialClass;
		CredentialClasses::<T>::insert(class, BoundedVec::truncate_from(b"class".to_vec()));
		Pallet::<T>::do_grant(class, key).map_err(|_| BenchmarkError::Stop("grant failed"))?;
		admit_with_fillers::<T>(RingSet::Credential(class))?;
		if Credentials::<T>::get(tag(0), class).and_then(|h| h.ring) != Some(0) {
			return Err(BenchmarkError::Stop("the credential is not in ring 0"));
		}
		fill_ring::<T>(RingSet::Credential(class), 0);
	}
	NextCredentialClass::<T>::put(c as CredentialClass);
	Ok(())
}

fn build_all<T: Config>() -> Result<(), BenchmarkError> {
	while let Some((set, index)) = PendingBuilds::<T>::iter_keys().next() {
		Pallet::<T>::do_build_step(set, index, u32::MAX)
			.map_err(|_| BenchmarkError::Stop("build failed"))?;
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn accredit_registrar(
		j: Linear<1, { T::MaxRegistrarJurisdictions::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let who: T::AccountId = account("registrar", 1, 0);
		T::BenchmarkHelper::identify(&who);
		let units = T::BenchmarkHelper::units(j);

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			T::Lookup::unlookup(who.clone()),
			BoundedVec::truncate_from(units.clone()),
		);

		let mut sorted = units;
		sorted.sort_unstable();
		assert_last_event::<T>(Event::RegistrarAccredited {
			registrar: who,
			jurisdictions: BoundedVec::truncate_from(sorted),
		});
		Ok(())
	}

	#[benchmark]
	fn revoke_registrar() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let (who, _) = registrar::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()));

		assert_last_event::<T>(Event::RegistrarRevoked { registrar: who });
		Ok(())
	}

	#[benchmark]
	fn register() -> Result<(), BenchmarkError> {
		let (who, constituency) = registrar::<T>();
		// The queue is one short of full: the largest read and write.
		fill_queue::<T>(RingSet::Constituency(constituency));
		let key = T::RingVrf::member_from_seed(seed(0));

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), tag(0), key, constituency);

		assert_last_event::<T>(Event::PersonRegistered {
			registrar: who,
			tag: tag(0),
			key,
			constituency,
		});
		Ok(())
	}

	#[benchmark]
	fn suspend(c: Linear<0, { T::MaxCredentialClasses::get() }>) -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		// Person 0 sits in a full constituency ring and in `c` full class rings.
		person_in_full_ring::<T>()?;
		credentials::<T>(c)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, tag(0), [1; 32]);

		let reason = [1; 32];
		assert_last_event::<T>(Event::PersonSuspended { tag: tag(0), reason, by_governance: true });
		Ok(())
	}

	#[benchmark]
	fn reinstate(c: Linear<0, { T::MaxCredentialClasses::get() }>) -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let (_, constituency) = person_in_full_ring::<T>()?;
		credentials::<T>(c)?;
		Pallet::<T>::suspend(origin.clone(), tag(0), [1; 32])
			.map_err(|_| BenchmarkError::Stop("suspend failed"))?;
		// Every queue the key goes back to is nearly full.
		fill_queue::<T>(RingSet::Constituency(constituency));
		for class in 0..c {
			fill_queue::<T>(RingSet::Credential(class as CredentialClass));
		}

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, tag(0), [2; 32]);

		assert_last_event::<T>(Event::PersonReinstated { tag: tag(0), reason: [2; 32] });
		Ok(())
	}

	#[benchmark]
	fn rotate_key(c: Linear<0, { T::MaxCredentialClasses::get() }>) -> Result<(), BenchmarkError> {
		let (who, _) = person_in_full_ring::<T>()?;
		credentials::<T>(c)?;
		let old = T::RingVrf::member_from_seed(seed(0));
		let new = T::RingVrf::member_from_seed(seed(u32::MAX));

		#[extrinsic_call]
		_(RawOrigin::Signed(who), tag(0), new);

		assert_last_event::<T>(Event::KeyRotated { tag: tag(0), old, new });
		Ok(())
	}

	#[benchmark]
	fn add_credential_class() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let name = alloc::vec![b'c'; T::MaxNameLen::get() as usize];
		let class = NextCredentialClass::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BoundedVec::truncate_from(name.clone()));

		assert_last_event::<T>(Event::CredentialClassAdded {
			class,
			name: BoundedVec::truncate_from(name),
		});
		Ok(())
	}

	#[benchmark]
	fn accredit_examiner() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		CredentialClasses::<T>::insert(0, BoundedVec::truncate_from(b"class".to_vec()));
		let who: T::AccountId = account("examiner", 0, 0);
		T::BenchmarkHelper::identify(&who);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, T::Lookup::unlookup(who.clone()));

		assert_last_event::<T>(Event::ExaminerAccredited { class: 0, examiner: who });
		Ok(())
	}

	#[benchmark]
	fn revoke_examiner() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let who: T::AccountId = account("examiner", 0, 0);
		Examiners::<T>::insert(0, &who, ());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, T::Lookup::unlookup(who.clone()));

		assert_last_event::<T>(Event::ExaminerRevoked { class: 0, examiner: who });
		Ok(())
	}

	#[benchmark]
	fn grant_credential() -> Result<(), BenchmarkError> {
		let (who, constituency) = registrar::<T>();
		persons::<T>(&who, constituency, 0, 1)?;
		CredentialClasses::<T>::insert(0, BoundedVec::truncate_from(b"class".to_vec()));
		// The class queue is one short of full.
		fill_queue::<T>(RingSet::Credential(0));
		let examiner: T::AccountId = account("examiner", 0, 0);
		Examiners::<T>::insert(0, &examiner, ());
		let key = T::RingVrf::member_from_seed(seed(0));

		#[extrinsic_call]
		_(RawOrigin::Signed(examiner), 0, key);

		assert_last_event::<T>(Event::CredentialGranted { class: 0, key });
		Ok(())
	}

	#[benchmark]
	fn revoke_credential() -> Result<(), BenchmarkError> {
		person_in_full_ring::<T>()?;
		credentials::<T>(1)?;
		let examiner: T::AccountId = account("examiner", 0, 0);
		Examiners::<T>::insert(0, &examiner, ());
		let key = T::RingVrf::member_from_seed(seed(0));

		#[extrinsic_call]
		_(RawOrigin::Signed(examiner), 0, key);

		assert_last_event::<T>(Event::CredentialRevoked { class: 0, key });
		Ok(())
	}

	#[benchmark]
	fn admit_cohort(n: Linear<1, { T::MaxQueue::get() }>) -> Result<(), BenchmarkError> {
		let (who, constituency) = registrar::<T>();
		let set = RingSet::Constituency(constituency);
		// The open ring has room for one key only: the cohort spills into the next ring.
		fill_ring::<T>(set, 0);
		RingMembers::<T>::mutate(set, 0, |m| {
			if let Some(m) = m {
				m.pop();
			}
		});
		persons::<T>(&who, constituency, 0, n)?;
		frame_system::Pallet::<T>::set_block_number(
			T::BlockNumberProvider::current_block_number().saturating_add(T::MaxCohortWait::get()),
		);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), set);

		assert!(Queues::<T>::get(set).is_none());
		Ok(())
	}

	#[benchmark]
	fn build_ring(n: Linear<1, { T::BuildBatch::get() }>) -> Result<(), BenchmarkError> {
		registrar::<T>();
		let set = RingSet::Constituency(0);
		// A ring whose builder has everything but its last `n` members (real keys): this step
		// pushes them and finishes the commitment as the ring's second revision. The `n` keys
		// straddle a page boundary of the static chunks, so that the step reads two pages: the
		// most proof size one step can take (the ring's own list is counted at its largest).
		let capacity = T::RingCapacity::get();
		let total = CHUNK_PAGE_SIZE.saturating_add(n / 2).clamp(n, capacity);
		let pushed = total.saturating_sub(n);
		let mut members: Vec<Member> = (0..pushed).map(filler).collect();
		members.extend((0..n).map(|i| T::RingVrf::member_from_seed(seed(i))));
		RingMembers::<T>::insert(set, 0, BoundedVec::truncate_from(members));
		let builder = RingBuilder { intermediate: T::RingVrf::start(), pushed };
		RingBuilders::<T>::insert(set, 0, builder);
		let from = RollClock::<T>::get();
		let root = RingRoot { commitment: [0; 288], revision: 1, members: pushed, from };
		RingRoots::<T>::insert(set, 0, root);
		PendingBuilds::<T>::insert(set, 0, ());
		// The worst case: a poll holds the replaced revision, whose members are kept.
		T::BenchmarkHelper::hold_roll(from);
		let roll = from.saturating_add(1);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), set, 0);

		let members = total;
		let kept_previous = true;
		assert_last_event::<T>(Event::RingRevised {
			set,
			ring: 0,
			revision: 2,
			members,
			roll,
			kept_previous,
		});
		Ok(())
	}

	#[benchmark]
	fn idle_overhead() {
		#[block]
		{
			Pallet::<T>::do_idle_work(Weight::MAX);
		}
	}

	#[benchmark]
	fn idle_scan(n: Linear<1, 16>) {
		// `n` queues, none ready (one key each, fewer than a cohort, waiting since now).
		let now = T::BlockNumberProvider::current_block_number();
		for i in 0..n {
			let keys =
				BoundedVec::truncate_from(alloc::vec![T::RingVrf::member_from_seed(seed(i))]);
			Queues::<T>::insert(
				RingSet::Credential(i as CredentialClass),
				Cohort { keys, since: now },
			);
		}

		#[block]
		{
			Pallet::<T>::do_idle_work(Weight::MAX);
		}
	}

	#[benchmark]
	fn upload_chunks() -> Result<(), BenchmarkError> {
		// A fresh chain: no page stored yet; the first page is a full one.
		let _ = Chunks::<T>::clear(u32::MAX, None);
		ChunkPagesStored::<T>::kill();
		let page = Pallet::<T>::chunk_pages()
			.into_iter()
			.next()
			.ok_or(BenchmarkError::Weightless)?;
		let needed = T::RingVrf::chunk_pages();
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 0, page);

		assert_last_event::<T>(Event::ChunksStored { page: 0, stored: 1, needed });
		Ok(())
	}

	#[benchmark]
	fn verify_proof() -> Result<(), BenchmarkError> {
		Pallet::<T>::store_chunks();
		let (ring, proof, context, message) = T::RingVrf::proof_fixture();
		let set = RingSet::Constituency(0);
		RingMembers::<T>::insert(set, 0, BoundedVec::truncate_from(ring));
		Pallet::<T>::restart_build(set, 0);
		build_all::<T>()?;
		let ring = RingRef { set, index: 0, revision: 1 };
		// The fixture's ring holds two keys: below any real floor, which costs nothing to check.
		MinRingSize::<T>::put(1);
		let roll = RollClock::<T>::get();
		let result;

		#[block]
		{
			result =
				<Pallet<T> as PersonhoodVerifier>::verify(&proof, &ring, roll, &context, &message);
		}

		assert!(result.is_ok(), "the fixture proof verifies");
		Ok(())
	}

	#[benchmark]
	fn register_batch(n: Linear<1, { T::MaxBatch::get() }>) -> Result<(), BenchmarkError> {
		let (who, constituency) = registrar::<T>();
		// The smallest batch is `MinCohort`: below it the call is refused before any work.
		let n = n.max(T::MinCohort::get());
		let mut persons: Vec<_> = (0..n)
			.map(|i| (tag(i), T::RingVrf::member_from_seed(seed(i)), constituency))
			.collect();
		persons.sort_by_key(|p| p.1);
		let persons: BatchOf<T> = BoundedVec::truncate_from(persons);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), persons.clone());

		assert_last_event::<T>(Event::BatchRegistered { registrar: who, persons });
		Ok(())
	}

	#[benchmark]
	fn set_quota() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let (who, _) = registrar::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()), 1_000);

		assert_last_event::<T>(Event::QuotaSet { registrar: who, quota: 1_000 });
		Ok(())
	}

	#[benchmark]
	fn suspend_registrations(n: Linear<1, 64>) -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		// `n` persons of a revoked registrar, each in a full ring with a built revision.
		let (who, constituency) = registrar::<T>();
		let set = RingSet::Constituency(constituency);
		// However few, the persons join a ring (the floor would keep fewer than it waiting);
		// they are registered and admitted a queue at a time.
		MinRingSize::<T>::put(1);
		let queue = T::MaxQueue::get().max(1);
		let mut from = 0;
		while from < n {
			let to = from.saturating_add(queue).min(n);
			persons::<T>(&who, constituency, from, to)?;
			Pallet::<T>::do_admit(set).map_err(|_| BenchmarkError::Stop("admission failed"))?;
			from = to;
		}
		MinRingSize::<T>::put(1);
		Pallet::<T>::do_admit(set).map_err(|_| BenchmarkError::Stop("admission failed"))?;
		fill_ring::<T>(set, 0);
		Registrars::<T>::remove(&who);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()), n, [3; 32]);

		assert_last_event::<T>(Event::RegistrationsSwept {
			registrar: who,
			persons: n,
			complete: true,
		});
		Ok(())
	}

	#[benchmark]
	fn set_min_ring_size() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let size = T::RingCapacity::get().checked_div(2).unwrap_or_default();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, size);

		assert_last_event::<T>(Event::MinRingSizeSet { size });
		Ok(())
	}

	#[benchmark]
	fn set_pooled() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (constituency, _) = T::BenchmarkHelper::deep_constituency();
		let territory = T::Jurisdictions::parent(constituency).ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, constituency, true);

		assert_last_event::<T>(Event::TerritorySet { constituency, territory });
		Ok(())
	}

	#[benchmark]
	fn prune_revision() -> Result<(), BenchmarkError> {
		// A replaced revision of a full ring, held by no poll.
		let set = RingSet::Constituency(0);
		let capacity = T::RingCapacity::get();
		let members: Vec<Member> = (0..capacity).map(filler).collect();
		let key = (set, 0, 1);
		RevisionMembers::<T>::insert(key, BoundedVec::truncate_from(members));
		let past = PastRoot { commitment: [0; 288], members: capacity, from: 0, until: 1 };
		PastRoots::<T>::insert(key, past);
		RingRoots::<T>::insert(
			set,
			0,
			RingRoot { commitment: [0; 288], revision: 2, members: capacity, from: 1 },
		);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), set, 0, 1);

		assert_last_event::<T>(Event::RevisionPruned { set, ring: 0, revision: 1 });
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
