//! Queues, cohorts and ring building: who joins which ring, when, and in bounded steps.

use super::*;

#[docify::export]
#[test]
fn a_cohort_joins_and_a_member_proves_personhood() {
	build_and_execute(|| {
		// A registrar serving region 1 registers two residents of town 2: only a dedupe tag and
		// a ring key each. The keys wait in the town's queue.
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		assert_eq!(Queues::<Test>::get(Constituency(TOWN)).unwrap().keys.len(), 2);

		// Two keys make a cohort (MinCohort = 2): they join ring 0 together, and its commitment
		// is built (BuildBatch = 3, so one step here).
		admit_and_build(Constituency(TOWN));
		let ring = current(Constituency(TOWN), 0);
		assert_eq!(ring.revision, 1);

		// Person 1 proves, anonymously, to be one of the ring for a poll's context and ballot.
		let proof = prove(1, Constituency(TOWN), 0, &CTX, b"yes");
		let proven = verify_now(&proof, &ring, &CTX, b"yes").unwrap();
		// The alias is person 1's in this context, and only the constituency is revealed.
		assert_eq!(proven.alias, prover::alias(seed(1), &CTX));
		assert_eq!(proven.set, Constituency(TOWN));
		assert_ne!(proven.alias, prover::alias(seed(1), &[8; 32]));
	});
}

#[test]
fn a_full_queue_refuses_more_keys() {
	build_and_execute(|| {
		for i in 1..=8 {
			register(i, REGION_REGISTRAR, TOWN);
		}
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(9), key(9), TOWN),
			Error::<Test>::TooManyQueued
		);
	});
}

#[test]
fn a_lone_key_waits_for_its_cohort_until_the_maximum_wait() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		assert_noop!(
			Personhood::admit_cohort(signed(99), Constituency(TOWN)),
			Error::<Test>::CohortNotReady
		);
		assert_noop!(
			Personhood::admit_cohort(signed(99), Constituency(DIASPORA)),
			Error::<Test>::CohortNotReady
		);
		System::set_block_number(10);
		assert_noop!(
			Personhood::admit_cohort(signed(99), Constituency(TOWN)),
			Error::<Test>::CohortNotReady
		);
		// MaxCohortWait = 10 blocks after block 1.
		System::set_block_number(11);
		assert_ok!(Personhood::admit_cohort(signed(99), Constituency(TOWN)));
		assert_eq!(People::<Test>::get(tag(1)).unwrap().ring, Some(0));
	});
}

#[test]
fn a_cohort_joins_sorted_and_a_full_ring_opens_the_next() {
	build_and_execute(|| {
		for i in 1..=6 {
			register(i, REGION_REGISTRAR, TOWN);
		}
		assert_ok!(Personhood::admit_cohort(signed(99), Constituency(TOWN)));
		let mut sorted: Vec<_> = (1..=6).map(key).collect();
		sorted.sort();
		let ring0 = RingMembers::<Test>::get(Constituency(TOWN), 0).unwrap();
		let ring1 = RingMembers::<Test>::get(Constituency(TOWN), 1).unwrap();
		assert_eq!(ring0.to_vec(), sorted[..4].to_vec());
		assert_eq!(ring1.to_vec(), sorted[4..].to_vec());
		assert_eq!(OpenRing::<Test>::get(Constituency(TOWN)), 1);
		assert!(Queues::<Test>::get(Constituency(TOWN)).is_none());
		let admitted: Vec<_> = events()
			.into_iter()
			.filter(|e| matches!(e, Event::CohortAdmitted { .. }))
			.collect();
		assert_eq!(
			admitted,
			vec![
				Event::CohortAdmitted { set: Constituency(TOWN), ring: 0, count: 4 },
				Event::CohortAdmitted { set: Constituency(TOWN), ring: 1, count: 2 },
			]
		);
		for i in 1..=6u8 {
			let ring = People::<Test>::get(tag(i)).unwrap().ring.unwrap();
			let members = RingMembers::<Test>::get(Constituency(TOWN), ring).unwrap();
			assert!(members.contains(&key(i)));
		}
	});
}

#[test]
fn a_ring_is_built_in_bounded_steps() {
	build_and_execute(|| {
		for i in 1..=4 {
			register(i, REGION_REGISTRAR, TOWN);
		}
		assert_ok!(Personhood::admit_cohort(signed(99), Constituency(TOWN)));
		// BuildBatch = 3: the first step pushes three keys and finishes nothing.
		assert_ok!(Personhood::build_ring(signed(99), Constituency(TOWN), 0));
		assert!(RingRoots::<Test>::get(Constituency(TOWN), 0).is_none());
		assert_ok!(Personhood::build_ring(signed(99), Constituency(TOWN), 0));
		let root = RingRoots::<Test>::get(Constituency(TOWN), 0).unwrap();
		assert_eq!((root.revision, root.members), (1, 4));
		assert_eq!(
			events().last(),
			Some(&Event::RingRevised {
				set: Constituency(TOWN),
				ring: 0,
				revision: 1,
				members: 4,
				roll: 1,
				kept_previous: false
			})
		);
		assert_noop!(
			Personhood::build_ring(signed(99), Constituency(TOWN), 0),
			Error::<Test>::NothingToBuild
		);
	});
}

#[test]
fn the_cohort_splitter_never_opens_a_ring_below_the_floor() {
	build_and_execute(|| {
		assert_ok!(Personhood::set_min_ring_size(signed(ADMIN), 2));
		// A lone key never opens a ring, not even after the maximum wait.
		register(1, REGION_REGISTRAR, TOWN);
		System::set_block_number(20);
		assert_noop!(
			Personhood::admit_cohort(signed(99), Constituency(TOWN)),
			Error::<Test>::CohortNotReady
		);
		Personhood::on_idle(20, Weight::MAX);
		assert!(RingMembers::<Test>::get(Constituency(TOWN), 0).is_none());
		// Three keys open ring 0.
		register(2, REGION_REGISTRAR, TOWN);
		register(3, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		assert_eq!(RingMembers::<Test>::get(Constituency(TOWN), 0).unwrap().len(), 3);
		// A cohort of two with room for one: ring 0 fills, and the key left over keeps waiting
		// rather than open a ring of one.
		register(4, REGION_REGISTRAR, TOWN);
		register(5, REGION_REGISTRAR, TOWN);
		assert_ok!(Personhood::admit_cohort(signed(99), Constituency(TOWN)));
		assert_eq!(RingMembers::<Test>::get(Constituency(TOWN), 0).unwrap().len(), 4);
		assert!(RingMembers::<Test>::get(Constituency(TOWN), 1).is_none());
		assert_eq!(Queues::<Test>::get(Constituency(TOWN)).unwrap().keys.len(), 1);
		// One more key: the two open ring 1 together.
		register(6, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		assert_eq!(RingMembers::<Test>::get(Constituency(TOWN), 1).unwrap().len(), 2);
		assert!(Queues::<Test>::get(Constituency(TOWN)).is_none());
	});
}

#[test]
fn a_cohort_overflowing_a_ring_leaves_the_next_one_at_least_the_floor() {
	build_and_execute(|| {
		assert_ok!(Personhood::set_min_ring_size(signed(ADMIN), 2));
		for i in 1..=3 {
			register(i, REGION_REGISTRAR, TOWN);
		}
		admit_and_build(Constituency(TOWN));
		// Three more with room for one: ring 0 takes one, ring 1 opens with two.
		for i in 4..=6 {
			register(i, REGION_REGISTRAR, TOWN);
		}
		admit_and_build(Constituency(TOWN));
		assert_eq!(RingMembers::<Test>::get(Constituency(TOWN), 0).unwrap().len(), 4);
		assert_eq!(RingMembers::<Test>::get(Constituency(TOWN), 1).unwrap().len(), 2);
		// Five into a fresh set (capacity 4): not 4 + 1, but 3 + 2.
		for i in 11..=15 {
			register(i, COUNTRY_REGISTRAR, DIASPORA);
		}
		admit_and_build(Constituency(DIASPORA));
		assert_eq!(RingMembers::<Test>::get(Constituency(DIASPORA), 0).unwrap().len(), 3);
		assert_eq!(RingMembers::<Test>::get(Constituency(DIASPORA), 1).unwrap().len(), 2);
	});
}

#[test]
fn on_idle_admits_ready_cohorts_and_builds_their_rings() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		register(3, COUNTRY_REGISTRAR, DIASPORA);
		// Without spare weight nothing happens.
		assert_eq!(Personhood::on_idle(1, Weight::zero()), Weight::zero());
		assert!(Queues::<Test>::get(Constituency(TOWN)).is_some());
		// The town's cohort is ready; the diaspora's lone key is not.
		Personhood::on_idle(1, Weight::MAX);
		assert!(Queues::<Test>::get(Constituency(TOWN)).is_none());
		assert!(Queues::<Test>::get(Constituency(DIASPORA)).is_some());
		// The next block builds the town's ring.
		Personhood::on_idle(2, Weight::MAX);
		assert_eq!(RingRoots::<Test>::get(Constituency(TOWN), 0).unwrap().members, 2);
		// After the maximum wait the lone key joins too.
		System::set_block_number(12);
		Personhood::on_idle(12, Weight::MAX);
		Personhood::on_idle(13, Weight::MAX);
		assert_eq!(RingRoots::<Test>::get(Constituency(DIASPORA), 0).unwrap().members, 1);
	});
}

#[test]
fn genesis_persons_are_admitted_into_built_rings() {
	use sp_runtime::BuildStorage;
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		personhood: crate::GenesisConfig {
			registrars: vec![(REGION_REGISTRAR, vec![REGION])],
			credential_classes: vec![b"civics".to_vec()],
			examiners: vec![(0, EXAMINER)],
			people: (1..=5).map(|i| (tag(i), key(i), TOWN, REGION_REGISTRAR)).collect(),
			credentials: vec![(0, key(2))],
			min_ring_size: 0,
			pooled: vec![],
			single_registration: true,
		},
	}
	.build_storage()
	.unwrap();
	sp_io::TestExternalities::new(t).execute_with(|| {
		// Admitted at genesis; built once the static chunks are uploaded.
		assert_eq!(RingMembers::<Test>::get(Constituency(TOWN), 0).unwrap().len(), 4);
		assert!(RingRoots::<Test>::get(Constituency(TOWN), 0).is_none());
		assert_noop!(
			Personhood::build_ring(signed(99), Constituency(TOWN), 0),
			Error::<Test>::ChunksMissing
		);
		for (page, chunks) in Personhood::chunk_pages().into_iter().enumerate() {
			assert_ok!(Personhood::upload_chunks(signed(99), page as u32, chunks));
		}
		build_all();
		assert_eq!(RingRoots::<Test>::get(Constituency(TOWN), 0).unwrap().members, 4);
		assert_eq!(RingRoots::<Test>::get(Constituency(TOWN), 1).unwrap().members, 1);
		assert_eq!(RingRoots::<Test>::get(RingSet::Credential(0), 0).unwrap().members, 1);
		assert!(PendingBuilds::<Test>::iter().next().is_none());
		let ring = People::<Test>::get(tag(5)).unwrap().ring.unwrap();
		let proof = prove(5, Constituency(TOWN), ring, &CTX, b"m");
		assert!(verify_now(&proof, &current(Constituency(TOWN), ring), &CTX, b"m").is_ok());
		Personhood::do_try_state().unwrap();
	});
}

#[test]
fn a_ring_that_cannot_be_built_is_abandoned_with_an_event() {
	// Not `build_and_execute`: the storage is corrupted on purpose, so invariants break.
	new_test_ext().execute_with(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		register(3, COUNTRY_REGISTRAR, OTHER_TOWN);
		register(4, COUNTRY_REGISTRAR, OTHER_TOWN);
		Personhood::on_idle(1, Weight::MAX);
		assert!(PendingBuilds::<Test>::contains_key(Constituency(TOWN), 0));
		// The town's ring holds a key that is no curve point (only a corrupted state could).
		RingMembers::<Test>::mutate(Constituency(TOWN), 0, |m| {
			if let Some(first) = m.as_mut().and_then(|m| m.get_mut(0)) {
				*first = [0xff; 32];
			}
		});
		Personhood::on_idle(2, Weight::MAX);
		// The ring is dropped from the work list, and said so; the other town's ring is built.
		assert!(events().contains(&Event::RingBuildAbandoned { set: Constituency(TOWN), index: 0 }));
		assert!(!PendingBuilds::<Test>::contains_key(Constituency(TOWN), 0));
		assert!(RingRoots::<Test>::get(Constituency(TOWN), 0).is_none());
		assert_eq!(RingRoots::<Test>::get(Constituency(OTHER_TOWN), 0).unwrap().members, 2);
	});
}
