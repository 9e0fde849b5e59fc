//! Benchmarks of personhood, worst case, with real ring-VRF arithmetic.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use crate::crypto::RingVrf;
use frame_benchmarking::v2::*;
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
	Registrars::<T>::insert(&who, Registrar { jurisdictions: units, registered: 0 });
	(who, constituency)
}

/// Registers persons `from..to`; returns their keys.
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

/// Registers `n` persons, admits them and builds their rings; then the queue is empty.
fn admitted<T: Config>(
	registrar: &T::AccountId,
	constituency: JurisdictionId,
	n: u32,
) -> Result<(), BenchmarkError> {
	let mut done = 0;
	while done < n {
		let batch = (n - done).min(T::MaxQueue::get());
		persons::<T>(registrar, constituency, done, done + batch)?;
		Pallet::<T>::do_admit(RingSet::Constituency(constituency))
			.map_err(|_| BenchmarkError::Stop("admission failed"))?;
		done += batch;
	}
	build_all::<T>()
}

fn build_all<T: Config>() -> Result<(), BenchmarkError> {
	while let Some((set, index)) = PendingBuilds::<T>::iter_keys().next() {
		Pallet::<T>::do_build_step(set, index, u32::MAX)
			.map_err(|_| BenchmarkError::Stop("build failed"))?;
	}
	Ok(())
}

/// Defines `c` credential classes, each held by person 0 (admitted in the class ring).
fn credentials<T: Config>(c: u32) -> Result<(), BenchmarkError> {
	let key = T::RingVrf::member_from_seed(seed(0));
	for class in 0..c {
		let class = class as CredentialClass;
		CredentialClasses::<T>::insert(class, BoundedVec::truncate_from(b"class".to_vec()));
		Pallet::<T>::do_grant(class, key).map_err(|_| BenchmarkError::Stop("grant failed"))?;
		Pallet::<T>::do_admit(RingSet::Credential(class))
			.map_err(|_| BenchmarkError::Stop("admission failed"))?;
	}
	NextCredentialClass::<T>::put(c as CredentialClass);
	build_all::<T>()
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
		_(origin as T::RuntimeOrigin, who.clone(), units.clone());

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
		_(origin as T::RuntimeOrigin, who.clone());

		assert_last_event::<T>(Event::RegistrarRevoked { registrar: who });
		Ok(())
	}

	#[benchmark]
	fn register() -> Result<(), BenchmarkError> {
		let (who, constituency) = registrar::<T>();
		// The queue is one short of full: the largest read and write.
		let waiting = T::MaxQueue::get().saturating_sub(1);
		persons::<T>(&who, constituency, 1, 1 + waiting)?;
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
		let (who, constituency) = registrar::<T>();
		// Person 0 sits in a full constituency ring and in `c` class rings.
		admitted::<T>(&who, constituency, T::RingCapacity::get())?;
		credentials::<T>(c)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, tag(0), [1; 32]);

		assert_last_event::<T>(Event::PersonSuspended { tag: tag(0), reason: [1; 32] });
		Ok(())
	}

	#[benchmark]
	fn reinstate(c: Linear<0, { T::MaxCredentialClasses::get() }>) -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let (who, constituency) = registrar::<T>();
		admitted::<T>(&who, constituency, 1)?;
		credentials::<T>(c)?;
		Pallet::<T>::suspend(origin.clone(), tag(0), [1; 32])
			.map_err(|_| BenchmarkError::Stop("suspend failed"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, tag(0), [2; 32]);

		assert_last_event::<T>(Event::PersonReinstated { tag: tag(0), reason: [2; 32] });
		Ok(())
	}

	#[benchmark]
	fn rotate_key(c: Linear<0, { T::MaxCredentialClasses::get() }>) -> Result<(), BenchmarkError> {
		let (who, constituency) = registrar::<T>();
		admitted::<T>(&who, constituency, T::RingCapacity::get())?;
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
		_(origin as T::RuntimeOrigin, name.clone());

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
		_(origin as T::RuntimeOrigin, 0, who.clone());

		assert_last_event::<T>(Event::ExaminerAccredited { class: 0, examiner: who });
		Ok(())
	}

	#[benchmark]
	fn revoke_examiner() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let who: T::AccountId = account("examiner", 0, 0);
		Examiners::<T>::insert(0, &who, ());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, who.clone());

		assert_last_event::<T>(Event::ExaminerRevoked { class: 0, examiner: who });
		Ok(())
	}

	#[benchmark]
	fn grant_credential() -> Result<(), BenchmarkError> {
		let (who, constituency) = registrar::<T>();
		admitted::<T>(&who, constituency, T::MaxQueue::get())?;
		CredentialClasses::<T>::insert(0, BoundedVec::truncate_from(b"class".to_vec()));
		// The class queue is one short of full.
		for i in 1..T::MaxQueue::get() {
			Pallet::<T>::do_grant(0, T::RingVrf::member_from_seed(seed(i)))
				.map_err(|_| BenchmarkError::Stop("grant failed"))?;
		}
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
		let (who, constituency) = registrar::<T>();
		admitted::<T>(&who, constituency, 1)?;
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
		let capacity = T::RingCapacity::get();
		let mut registered = 0;
		while registered < capacity.saturating_sub(1) {
			let batch = (capacity - 1 - registered).min(T::MaxQueue::get());
			persons::<T>(&who, constituency, registered, registered + batch)?;
			Pallet::<T>::do_admit(set).map_err(|_| BenchmarkError::Stop("admission failed"))?;
			registered += batch;
		}
		persons::<T>(&who, constituency, registered, registered + n)?;
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(T::MaxCohortWait::get()),
		);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), set);

		assert!(Queues::<T>::get(set).is_none());
		Ok(())
	}

	#[benchmark]
	fn build_ring(n: Linear<1, { T::BuildBatch::get() }>) -> Result<(), BenchmarkError> {
		let (who, constituency) = registrar::<T>();
		let set = RingSet::Constituency(constituency);
		// The ring is nearly full and built but for its last `n` members (the highest chunk
		// indices); this step pushes them and finishes the commitment.
		let capacity = T::RingCapacity::get();
		let first = capacity.saturating_sub(n);
		if first > 0 {
			admitted::<T>(&who, constituency, first)?;
		}
		persons::<T>(&who, constituency, first, capacity)?;
		Pallet::<T>::do_admit(set).map_err(|_| BenchmarkError::Stop("admission failed"))?;
		let index = OpenRing::<T>::get(set);
		let revision = RingRoots::<T>::get(set, index).map_or(1, |r| r.revision + 1);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), set, index);

		assert_last_event::<T>(Event::RingRevised {
			set,
			ring: index,
			revision,
			members: capacity,
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
		let now = frame_system::Pallet::<T>::block_number();
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
		let result;

		#[block]
		{
			result = <Pallet<T> as PersonhoodVerifier>::verify(&proof, &ring, &context, &message);
		}

		assert!(result.is_ok(), "the fixture proof verifies");
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
