//! Unit tests of personhood, with real Bandersnatch ring proofs.

use crate::{
	crypto::{prover, Domain11},
	mock::*,
	Config, Credentials, Error, Event, Holding, Keys, OpenRing, PendingBuilds, People, PersonCount,
	PersonStatus, Queues, Registrars, RingMembers, RingRoots,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight, BoundedVec};
use pallet_veche_primitives::{
	Context, PersonhoodVerifier, ProofError, ProofItem, ProvenAlias, RingRef, RingSet,
	RingSet::Constituency,
};
use sp_runtime::traits::BadOrigin;

fn seed(i: u8) -> [u8; 32] {
	[i; 32]
}
fn key(i: u8) -> [u8; 32] {
	prover::member(seed(i))
}
fn tag(i: u8) -> [u8; 32] {
	let mut t = [0xA0; 32];
	t[0] = i;
	t
}
fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
const CTX: Context = [7; 32];
const REASON: [u8; 32] = [9; 32];

/// Registers person `i` (seed `i`, tag `i`) through `registrar` in `constituency`.
fn register(i: u8, registrar: u64, constituency: u32) {
	assert_ok!(Personhood::register(signed(registrar), tag(i), key(i), constituency));
}

/// Admits the queue of `set` and builds every pending ring to the end.
fn admit_and_build(set: RingSet) {
	assert_ok!(Personhood::admit_cohort(signed(99), set));
	build_all();
}

fn build_all() {
	while let Some((set, index)) = PendingBuilds::<Test>::iter_keys().next() {
		assert_ok!(Personhood::build_ring(signed(99), set, index));
	}
}

/// Verifies against the roll as it stands now.
fn verify_now(
	proof: &[u8],
	ring: &RingRef,
	context: &Context,
	message: &[u8],
) -> Result<ProvenAlias, ProofError> {
	Personhood::verify(proof, ring, crate::RollClock::<Test>::get(), context, message)
}

/// Checks a ring against the roll as it stands now.
fn check_now(ring: &RingRef) -> Result<(), ProofError> {
	Personhood::check_ring(ring, crate::RollClock::<Test>::get())
}

/// The current revision of a ring.
fn current(set: RingSet, index: u32) -> RingRef {
	RingRef { set, index, revision: RingRoots::<Test>::get(set, index).unwrap().revision }
}

/// A proof by person `i` over the ring's members as stored now.
fn prove(i: u8, set: RingSet, index: u32, context: &Context, message: &[u8]) -> Vec<u8> {
	let members = RingMembers::<Test>::get(set, index).unwrap();
	prover::prove::<Domain11>(seed(i), &members, context, message)
		.expect("member of the ring")
		.0
}

/// Units for `accredit_registrar` (at most `MaxRegistrarJurisdictions`).
fn units(v: Vec<u32>) -> BoundedVec<u32, <Test as Config>::MaxRegistrarJurisdictions> {
	BoundedVec::truncate_from(v)
}

/// A credential class name (at most `MaxNameLen`).
fn name(n: &[u8]) -> BoundedVec<u8, <Test as Config>::MaxNameLen> {
	BoundedVec::truncate_from(n.to_vec())
}

/// Whether the bytes of personhood call `index` with these encoded arguments, as any wallet
/// could send them, decode as a call at all.
fn decodes(index: u8, args: impl codec::Encode) -> bool {
	use codec::Decode;
	use frame_support::traits::PalletInfoAccess;
	let mut bytes = vec![Personhood::index() as u8, index];
	args.encode_to(&mut bytes);
	RuntimeCall::decode(&mut &bytes[..]).is_ok()
}

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
fn registration_records_the_person_and_queues_the_key() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		let person = People::<Test>::get(tag(1)).unwrap();
		assert_eq!(person.key, key(1));
		assert_eq!(person.constituency, TOWN);
		assert_eq!(person.registrar, REGION_REGISTRAR);
		assert_eq!(person.status, PersonStatus::Active);
		assert_eq!(person.ring, None);
		assert_eq!(Keys::<Test>::get(key(1)), Some(tag(1)));
		assert_eq!(PersonCount::<Test>::get(), 1);
		assert_eq!(Registrars::<Test>::get(REGION_REGISTRAR).unwrap().registered, 1);
		assert_eq!(
			events().last(),
			Some(&Event::PersonRegistered {
				registrar: REGION_REGISTRAR,
				tag: tag(1),
				key: key(1),
				constituency: TOWN
			})
		);
	});
}

#[test]
fn an_unaccredited_registrar_cannot_register() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::register(signed(20), tag(1), key(1), TOWN),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn a_registrar_cannot_register_outside_its_jurisdiction() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(1), key(1), OTHER_TOWN),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(1), key(1), DIASPORA),
			Error::<Test>::OutsideJurisdiction
		);
		// The country's registrar serves everything below it.
		register(1, COUNTRY_REGISTRAR, DIASPORA);
		register(2, COUNTRY_REGISTRAR, OTHER_TOWN);
	});
}

#[test]
fn persons_register_only_in_municipalities_and_diaspora_constituencies() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::register(signed(COUNTRY_REGISTRAR), tag(1), key(1), REGION),
			Error::<Test>::NotAConstituency
		);
		assert_noop!(
			Personhood::register(signed(COUNTRY_REGISTRAR), tag(1), key(1), 77),
			Error::<Test>::UnitNotFound
		);
	});
}

#[test]
fn the_same_tag_at_another_registrar_is_rejected() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		// The same passport at another certification centre gives the same tag.
		assert_noop!(
			Personhood::register(signed(COUNTRY_REGISTRAR), tag(1), key(2), OTHER_TOWN),
			Error::<Test>::PersonAlreadyExists
		);
	});
}

#[test]
fn a_key_already_used_is_rejected() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		assert_noop!(
			Personhood::register(signed(COUNTRY_REGISTRAR), tag(2), key(1), DIASPORA),
			Error::<Test>::KeyAlreadyExists
		);
	});
}

#[test]
fn an_invalid_ring_key_is_rejected() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(1), [0xff; 32], TOWN),
			Error::<Test>::InvalidKey
		);
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
fn a_polls_roll_keeps_the_revision_it_froze_until_the_poll_is_purged() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		let old = current(Constituency(TOWN), 0);
		let proof = prove(1, Constituency(TOWN), 0, &CTX, b"m");
		// A poll is created now: its roll is frozen at this point of the clock.
		let roll = crate::RollClock::<Test>::get();
		LiveRolls::set(vec![roll]);
		// Another cohort joins the same ring: revision 2, which the poll's roll does not hold.
		register(3, REGION_REGISTRAR, TOWN);
		register(4, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		let new = current(Constituency(TOWN), 0);
		assert_eq!(new.revision, 2);
		assert!(matches!(
			events().last(),
			Some(Event::RingRevised { revision: 2, kept_previous: true, .. })
		));
		// In the poll, the old revision counts and the new one does not, however long it takes.
		System::set_block_number(1_000);
		assert_eq!(Personhood::verify(&proof, &old, roll, &CTX, b"m").unwrap().revision, 1);
		assert_eq!(Personhood::check_ring(&old, roll), Ok(()));
		let fresh = prove(3, Constituency(TOWN), 0, &CTX, b"m");
		assert_eq!(Personhood::verify(&fresh, &new, roll, &CTX, b"m"), Err(ProofError::NotInRoll));
		let item = ProofItem { proof: &proof, ring: old, roll, context: CTX, message: b"m" };
		assert_eq!(Personhood::verify_batch(&[item]).len(), 1);
		assert!(Personhood::verify_batch(&[item])[0].is_ok());
		// In a roll frozen now, only the new revision counts.
		assert_eq!(verify_now(&proof, &old, &CTX, b"m"), Err(ProofError::NotInRoll));
		assert_eq!(check_now(&old), Err(ProofError::NotInRoll));
		assert_eq!(
			verify_now(&fresh, &new, &CTX, b"m").unwrap().alias,
			prover::alias(seed(3), &CTX)
		);
		// A revision that never existed is in no roll.
		let future = RingRef { revision: 3, ..new };
		assert_eq!(check_now(&future), Err(ProofError::NotInRoll));
		// Claiming the new revision does not help a proof made for the old members.
		assert_eq!(verify_now(&proof, &new, &CTX, b"m"), Err(ProofError::InvalidProof));
		// Provers of the poll read the frozen revision's members; of a poll created now, all.
		let (revision, members) = Personhood::roll_ring(Constituency(TOWN), 0, roll).unwrap();
		let mut first: Vec<_> = vec![key(1), key(2)];
		first.sort();
		assert_eq!((revision, members), (1, first));
		let now = crate::RollClock::<Test>::get();
		assert_eq!(Personhood::roll_ring(Constituency(TOWN), 0, now).unwrap().1.len(), 4);
		// The old revision is kept while the poll lives, and pruned by anyone after.
		assert_noop!(
			Personhood::prune_revision(signed(99), Constituency(TOWN), 0, 1),
			Error::<Test>::RevisionInUse
		);
		LiveRolls::set(vec![]);
		assert_ok!(Personhood::prune_revision(signed(99), Constituency(TOWN), 0, 1));
		assert_eq!(
			events().last(),
			Some(&Event::RevisionPruned { set: Constituency(TOWN), ring: 0, revision: 1 })
		);
		assert_noop!(
			Personhood::prune_revision(signed(99), Constituency(TOWN), 0, 1),
			Error::<Test>::RevisionNotFound
		);
		assert_eq!(Personhood::verify(&proof, &old, roll, &CTX, b"m"), Err(ProofError::NotInRoll));
	});
}

#[test]
fn a_revision_no_poll_holds_is_dropped_when_replaced() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		register(3, REGION_REGISTRAR, TOWN);
		register(4, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		assert!(matches!(
			events().last(),
			Some(Event::RingRevised { revision: 2, kept_previous: false, roll: 2, .. })
		));
		assert_eq!(crate::PastRoots::<Test>::iter().count(), 0);
		assert_eq!(crate::RevisionMembers::<Test>::iter().count(), 0);
		assert_noop!(
			Personhood::prune_revision(signed(99), Constituency(TOWN), 0, 1),
			Error::<Test>::RevisionNotFound
		);
	});
}

#[test]
fn no_proof_verifies_against_a_ring_below_the_floor() {
	build_and_execute(|| {
		// A lone key joins after the maximum wait: a ring of one under the default floor of 1.
		register(1, REGION_REGISTRAR, TOWN);
		System::set_block_number(11);
		admit_and_build(Constituency(TOWN));
		let ring = current(Constituency(TOWN), 0);
		let proof = prove(1, Constituency(TOWN), 0, &CTX, b"m");
		assert!(verify_now(&proof, &ring, &CTX, b"m").is_ok());
		// Governance raises the floor to 2: the ring of one proves nothing any more.
		assert_noop!(Personhood::set_min_ring_size(signed(REGION_REGISTRAR), 2), BadOrigin);
		assert_noop!(
			Personhood::set_min_ring_size(signed(ADMIN), 0),
			Error::<Test>::FloorOutOfBounds
		);
		// At most half a ring (capacity 4), so that a full ring always splits above the floor.
		assert_noop!(
			Personhood::set_min_ring_size(signed(ADMIN), 3),
			Error::<Test>::FloorOutOfBounds
		);
		assert_ok!(Personhood::set_min_ring_size(signed(ADMIN), 2));
		assert_eq!(events().last(), Some(&Event::MinRingSizeSet { size: 2 }));
		assert_eq!(verify_now(&proof, &ring, &CTX, b"m"), Err(ProofError::RingTooSmall));
		assert_eq!(check_now(&ring), Err(ProofError::RingTooSmall));
		let item = ProofItem {
			proof: &proof,
			ring,
			roll: crate::RollClock::<Test>::get(),
			context: CTX,
			message: b"m",
		};
		assert_eq!(Personhood::verify_batch(&[item]), vec![Err(ProofError::RingTooSmall)]);
		// Once the ring grows to the floor, its proofs count again.
		register(2, REGION_REGISTRAR, TOWN);
		register(3, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		let grown = current(Constituency(TOWN), 0);
		let proof = prove(1, Constituency(TOWN), 0, &CTX, b"m");
		assert!(verify_now(&proof, &grown, &CTX, b"m").is_ok());
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
fn a_small_constituency_is_pooled_with_its_parent_and_that_is_its_territory() {
	build_and_execute(|| {
		assert_noop!(Personhood::set_pooled(signed(REGION_REGISTRAR), TOWN, true), BadOrigin);
		assert_noop!(
			Personhood::set_pooled(signed(ADMIN), REGION, true),
			Error::<Test>::NotPoolable
		);
		assert_noop!(
			Personhood::set_pooled(signed(ADMIN), TOWN, false),
			Error::<Test>::TerritoryUnchanged
		);
		assert_ok!(Personhood::set_pooled(signed(ADMIN), TOWN, true));
		assert_eq!(
			events().last(),
			Some(&Event::TerritorySet { constituency: TOWN, territory: REGION })
		);
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		// The keys join the region's pooled rings; the town has none.
		assert!(Queues::<Test>::get(Constituency(TOWN)).is_none());
		admit_and_build(Constituency(REGION));
		assert_eq!(Personhood::ring_of_key(key(1)), Some((Constituency(REGION), 0)));
		let ring = current(Constituency(REGION), 0);
		let proof = prove(2, Constituency(REGION), 0, &CTX, b"m");
		assert_eq!(verify_now(&proof, &ring, &CTX, b"m").unwrap().set, Constituency(REGION));
		// With persons registered, the town's territory can no longer change.
		assert_noop!(
			Personhood::set_pooled(signed(ADMIN), TOWN, false),
			Error::<Test>::ConstituencyInUse
		);
		use pallet_veche_primitives::JurisdictionUsage;
		assert!(Personhood::unit_in_use(TOWN) && Personhood::unit_in_use(REGION));
	});
}

#[test]
fn forged_proofs_wrong_contexts_and_unknown_rings_are_refused() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		let ring = current(Constituency(TOWN), 0);
		let proof = prove(1, Constituency(TOWN), 0, &CTX, b"yes");
		// Wrong context, wrong message.
		assert_eq!(verify_now(&proof, &ring, &[8; 32], b"yes"), Err(ProofError::InvalidProof));
		assert_eq!(verify_now(&proof, &ring, &CTX, b"no"), Err(ProofError::InvalidProof));
		// A tampered proof.
		let mut forged = proof.clone();
		let last = forged.len() - 1;
		forged[last] ^= 1;
		assert!(matches!(
			verify_now(&forged, &ring, &CTX, b"yes"),
			Err(ProofError::InvalidProof | ProofError::MalformedProof)
		));
		// Garbage and an empty proof.
		assert_eq!(verify_now(&[], &ring, &CTX, b"yes"), Err(ProofError::MalformedProof));
		assert!(verify_now(&[3u8; 785], &ring, &CTX, b"yes").is_err());
		assert_eq!(
			verify_now(&vec![0u8; 5000], &ring, &CTX, b"yes"),
			Err(ProofError::MalformedProof)
		);
		// A non-member cannot even build a proof; a proof for another ring does not transfer.
		let members = RingMembers::<Test>::get(Constituency(TOWN), 0).unwrap();
		assert!(prover::prove::<Domain11>(seed(50), &members, &CTX, b"yes").is_none());
		let unknown = RingRef { set: Constituency(OTHER_TOWN), index: 0, revision: 1 };
		assert_eq!(verify_now(&proof, &unknown, &CTX, b"yes"), Err(ProofError::RingNotFound));
		let no_ring = RingRef { index: 5, ..ring };
		assert_eq!(verify_now(&proof, &no_ring, &CTX, b"yes"), Err(ProofError::RingNotFound));
		// The view function answers the same.
		assert_eq!(
			Personhood::verify_proof(proof.clone(), ring, CTX, b"yes".to_vec())
				.unwrap()
				.alias,
			prover::alias(seed(1), &CTX)
		);
	});
}

#[test]
fn a_suspended_key_stops_working_at_the_next_revision() {
	build_and_execute(|| {
		for i in 1..=3 {
			register(i, REGION_REGISTRAR, TOWN);
		}
		admit_and_build(Constituency(TOWN));
		let before = current(Constituency(TOWN), 0);
		let proof = prove(1, Constituency(TOWN), 0, &CTX, b"m");

		assert_ok!(Personhood::suspend(signed(ADMIN), tag(1), REASON));
		assert_eq!(
			events().last(),
			Some(&Event::PersonSuspended { tag: tag(1), reason: REASON, by_governance: true })
		);
		let person = People::<Test>::get(tag(1)).unwrap();
		assert_eq!(
			(person.status, person.ring),
			(PersonStatus::Suspended { by_governance: true }, None)
		);
		// Until the rebuild finishes, the current revision (with the key) stays valid.
		assert!(verify_now(&proof, &before, &CTX, b"m").is_ok());
		build_all();
		let after = current(Constituency(TOWN), 0);
		assert_eq!(
			(after.revision, RingRoots::<Test>::get(Constituency(TOWN), 0).unwrap().members),
			(2, 2)
		);
		// A roll frozen before the rebuild keeps the key; a roll frozen now does not.
		assert_eq!(verify_now(&proof, &before, &CTX, b"m"), Err(ProofError::NotInRoll));
		assert_eq!(verify_now(&proof, &after, &CTX, b"m"), Err(ProofError::InvalidProof));
		let members = RingMembers::<Test>::get(Constituency(TOWN), 0).unwrap();
		assert!(prover::prove::<Domain11>(seed(1), &members, &CTX, b"m").is_none());
		// A suspended person cannot be suspended again, nor receive a credential.
		assert_noop!(
			Personhood::suspend(signed(ADMIN), tag(1), REASON),
			Error::<Test>::AlreadySuspended
		);
		assert_noop!(
			Personhood::grant_credential(signed(EXAMINER), 0, key(1)),
			Error::<Test>::MemberNotFound
		);
		// Reinstatement queues the key again.
		// Governance suspended: the registrar cannot lift it, governance can.
		assert_noop!(
			Personhood::reinstate(signed(REGION_REGISTRAR), tag(1), REASON),
			Error::<Test>::SuspendedByGovernance
		);
		assert_ok!(Personhood::reinstate(signed(ADMIN), tag(1), REASON));
		assert_noop!(
			Personhood::reinstate(signed(ADMIN), tag(1), REASON),
			Error::<Test>::NotSuspended
		);
		assert_eq!(Queues::<Test>::get(Constituency(TOWN)).unwrap().keys.to_vec(), vec![key(1)]);
	});
}

#[test]
fn suspension_needs_governance_or_a_registrar_serving_the_constituency() {
	build_and_execute(|| {
		register(1, COUNTRY_REGISTRAR, DIASPORA);
		assert_noop!(
			Personhood::suspend(signed(REGION_REGISTRAR), tag(1), REASON),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(Personhood::suspend(signed(20), tag(1), REASON), Error::<Test>::NotAuthorized);
		assert_noop!(Personhood::suspend(RuntimeOrigin::none(), tag(1), REASON), BadOrigin);
		assert_noop!(
			Personhood::suspend(signed(ADMIN), tag(9), REASON),
			Error::<Test>::PersonNotFound
		);
		// Queued keys leave the queue.
		assert_ok!(Personhood::suspend(signed(COUNTRY_REGISTRAR), tag(1), REASON));
		assert!(Queues::<Test>::get(Constituency(DIASPORA)).is_none());
	});
}

#[test]
fn key_rotation_replaces_the_key_in_place_and_retires_the_old_one() {
	build_and_execute(|| {
		for i in 1..=3 {
			register(i, REGION_REGISTRAR, TOWN);
		}
		admit_and_build(Constituency(TOWN));
		let position = |k| {
			RingMembers::<Test>::get(Constituency(TOWN), 0)
				.unwrap()
				.iter()
				.position(|m| *m == k)
		};
		let at = position(key(1)).unwrap();
		assert_noop!(
			Personhood::rotate_key(signed(REGION_REGISTRAR), tag(1), key(2)),
			Error::<Test>::KeyAlreadyExists
		);
		assert_noop!(
			Personhood::rotate_key(signed(REGION_REGISTRAR), tag(1), [0xff; 32]),
			Error::<Test>::InvalidKey
		);
		assert_noop!(
			Personhood::rotate_key(signed(ADMIN), tag(1), key(21)),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Personhood::rotate_key(signed(REGION_REGISTRAR), tag(8), key(21)),
			Error::<Test>::PersonNotFound
		);
		assert_ok!(Personhood::rotate_key(signed(REGION_REGISTRAR), tag(1), key(21)));
		assert_eq!(
			events().last(),
			Some(&Event::KeyRotated { tag: tag(1), old: key(1), new: key(21) })
		);
		assert_eq!(position(key(21)), Some(at));
		assert_eq!(position(key(1)), None);
		build_all();
		let ring = current(Constituency(TOWN), 0);
		let proof = prove(21, Constituency(TOWN), 0, &CTX, b"m");
		assert_eq!(
			verify_now(&proof, &ring, &CTX, b"m").unwrap().alias,
			prover::alias(seed(21), &CTX)
		);
		// The old key can never be registered again.
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(30), key(1), TOWN),
			Error::<Test>::KeyAlreadyExists
		);
	});
}

#[test]
fn credentials_put_a_members_key_into_the_class_rings() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		assert_noop!(
			Personhood::grant_credential(signed(20), 0, key(1)),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Personhood::grant_credential(signed(EXAMINER), 5, key(1)),
			Error::<Test>::CredentialClassNotFound
		);
		assert_noop!(
			Personhood::grant_credential(signed(EXAMINER), 0, key(40)),
			Error::<Test>::MemberNotFound
		);
		assert_ok!(Personhood::grant_credential(signed(EXAMINER), 0, key(1)));
		assert_eq!(events().last(), Some(&Event::CredentialGranted { class: 0, key: key(1) }));
		assert_noop!(
			Personhood::grant_credential(signed(EXAMINER), 0, key(1)),
			Error::<Test>::CredentialAlreadyExists
		);
		assert_ok!(Personhood::grant_credential(signed(EXAMINER), 0, key(2)));
		admit_and_build(RingSet::Credential(0));
		assert_eq!(Credentials::<Test>::get(tag(1), 0), Some(Holding { ring: Some(0) }));
		// A proof from the class ring reveals the class, and the alias is the person's own in
		// the context: one person, one alias, whichever of their rings they prove from.
		let ring = current(RingSet::Credential(0), 0);
		let proof = prove(1, RingSet::Credential(0), 0, &CTX, b"m");
		let proven = verify_now(&proof, &ring, &CTX, b"m").unwrap();
		assert_eq!(proven.set, RingSet::Credential(0));
		assert_eq!(proven.alias, prover::alias(seed(1), &CTX));
		// Revocation.
		assert_noop!(
			Personhood::revoke_credential(signed(20), 0, key(1)),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Personhood::revoke_credential(signed(EXAMINER), 0, key(1)));
		assert_noop!(
			Personhood::revoke_credential(signed(EXAMINER), 0, key(1)),
			Error::<Test>::CredentialNotFound
		);
		assert_noop!(
			Personhood::revoke_credential(signed(EXAMINER), 0, key(44)),
			Error::<Test>::MemberNotFound
		);
		build_all();
		assert_eq!(RingRoots::<Test>::get(RingSet::Credential(0), 0).unwrap().members, 1);
	});
}

#[test]
fn suspension_also_empties_the_credential_rings() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		assert_ok!(Personhood::grant_credential(signed(EXAMINER), 0, key(1)));
		assert_ok!(Personhood::grant_credential(signed(EXAMINER), 0, key(2)));
		admit_and_build(RingSet::Credential(0));
		assert_ok!(Personhood::suspend(signed(ADMIN), tag(1), REASON));
		build_all();
		let class_ring = RingMembers::<Test>::get(RingSet::Credential(0), 0).unwrap();
		assert_eq!(class_ring.to_vec(), vec![key(2)]);
		assert_eq!(Credentials::<Test>::get(tag(1), 0), Some(Holding { ring: None }));
		// Reinstated, the key is queued for both sets again.
		assert_ok!(Personhood::reinstate(signed(ADMIN), tag(1), REASON));
		assert!(Queues::<Test>::get(RingSet::Credential(0)).is_some());
		assert!(Queues::<Test>::get(Constituency(TOWN)).is_some());
	});
}

#[test]
fn registrars_are_accredited_by_governance_and_need_an_identity() {
	build_and_execute(|| {
		assert_noop!(Personhood::accredit_registrar(signed(2), 20, units(vec![TOWN])), BadOrigin);
		assert_noop!(
			Personhood::accredit_registrar(signed(ADMIN), UNIDENTIFIED, units(vec![TOWN])),
			Error::<Test>::NotIdentified
		);
		assert_noop!(
			Personhood::accredit_registrar(signed(ADMIN), 20, units(vec![])),
			Error::<Test>::NoJurisdictions
		);
		assert_noop!(
			Personhood::accredit_registrar(signed(ADMIN), 20, units(vec![TOWN, 77])),
			Error::<Test>::UnitNotFound
		);
		// More units than `MaxRegistrarJurisdictions` (3): the call does not even decode.
		assert!(decodes(0, (20u64, vec![0u32, 1, 2])));
		assert!(!decodes(0, (20u64, vec![0u32, 1, 2, 3])));
		assert_ok!(Personhood::accredit_registrar(
			signed(ADMIN),
			20,
			units(vec![DIASPORA, TOWN, TOWN])
		));
		assert_eq!(
			Registrars::<Test>::get(20).unwrap().jurisdictions.to_vec(),
			vec![TOWN, DIASPORA]
		);
		register(1, 20, DIASPORA);
		assert_ok!(Personhood::revoke_registrar(signed(ADMIN), 20));
		assert_eq!(events().last(), Some(&Event::RegistrarRevoked { registrar: 20 }));
		assert_noop!(
			Personhood::revoke_registrar(signed(ADMIN), 20),
			Error::<Test>::RegistrarNotFound
		);
		assert_noop!(
			Personhood::register(signed(20), tag(2), key(2), DIASPORA),
			Error::<Test>::NotAuthorized
		);
		// The person it registered stays.
		assert!(People::<Test>::get(tag(1)).is_some());
	});
}

#[test]
fn anybody_may_revoke_a_registrar_that_lost_its_identity() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::revoke_unidentified(signed(50), REGION_REGISTRAR),
			Error::<Test>::StillIdentified
		);
		assert_noop!(
			Personhood::revoke_unidentified(signed(50), 40),
			Error::<Test>::RegistrarNotFound
		);
		Outcasts::set(vec![REGION_REGISTRAR]);
		assert_ok!(Personhood::revoke_unidentified(signed(50), REGION_REGISTRAR));
		assert!(Registrars::<Test>::get(REGION_REGISTRAR).is_none());
	});
}

#[test]
fn credential_classes_and_examiners_are_bounded_and_checked() {
	build_and_execute(|| {
		assert_noop!(Personhood::add_credential_class(signed(2), name(b"law")), BadOrigin);
		assert_noop!(
			Personhood::add_credential_class(signed(ADMIN), name(b"")),
			Error::<Test>::EmptyName
		);
		// A name over `MaxNameLen` (16) does not even decode.
		assert!(decodes(7, vec![b'x'; 16]));
		assert!(!decodes(7, vec![b'x'; 17]));
		assert_ok!(Personhood::add_credential_class(signed(ADMIN), name(b"law")));
		assert_eq!(
			events().last(),
			Some(&Event::CredentialClassAdded {
				class: 1,
				name: b"law".to_vec().try_into().unwrap()
			})
		);
		assert_noop!(
			Personhood::add_credential_class(signed(ADMIN), name(b"more")),
			Error::<Test>::TooManyCredentialClasses
		);
		assert_noop!(
			Personhood::accredit_examiner(signed(ADMIN), 4, 20),
			Error::<Test>::CredentialClassNotFound
		);
		assert_noop!(
			Personhood::accredit_examiner(signed(ADMIN), 1, UNIDENTIFIED),
			Error::<Test>::NotIdentified
		);
		assert_ok!(Personhood::accredit_examiner(signed(ADMIN), 1, 20));
		assert_noop!(
			Personhood::accredit_examiner(signed(ADMIN), 1, 20),
			Error::<Test>::ExaminerAlreadyExists
		);
		assert_ok!(Personhood::revoke_examiner(signed(ADMIN), 1, 20));
		assert_noop!(
			Personhood::revoke_examiner(signed(ADMIN), 1, 20),
			Error::<Test>::ExaminerNotFound
		);
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
fn try_state_catches_a_key_in_two_rings() {
	new_test_ext().execute_with(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		Personhood::do_try_state().unwrap();
		RingMembers::<Test>::insert(
			Constituency(TOWN),
			1,
			frame_support::BoundedVec::truncate_from(vec![key(1)]),
		);
		assert!(Personhood::do_try_state().is_err());
	});
}

/// Writes the benchmark proof fixtures (`src/fixtures/proof-domain*.hex`) when
/// `VECHE_WRITE_FIXTURES=1`; otherwise checks that the committed ones verify. Proofs are
/// randomised, so rewriting changes the bytes but never their validity.
#[test]
fn benchmark_proof_fixtures_verify() {
	use crate::crypto::{
		Bandersnatch, Domain12, RingDomain, RingVrf, FIXTURE_CONTEXT, FIXTURE_MESSAGE,
	};
	fn check<D: RingDomain>(file: &str) {
		let ring = vec![key(1), key(2)];
		let path = format!("{}/src/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
		if std::env::var("VECHE_WRITE_FIXTURES").as_deref() == Ok("1") {
			let (proof, _) =
				prover::prove::<D>(seed(1), &ring, &FIXTURE_CONTEXT, FIXTURE_MESSAGE).unwrap();
			let hex: String = proof.iter().map(|b| format!("{b:02x}")).collect();
			std::fs::write(&path, hex + "\n").unwrap();
		}
		let hex = std::fs::read_to_string(&path).unwrap();
		let proof: Vec<u8> = (0..hex.trim().len())
			.step_by(2)
			.map(|i| u8::from_str_radix(&hex.trim()[i..i + 2], 16).unwrap())
			.collect();
		let mut inter = Bandersnatch::<D>::start();
		let chunks: Vec<_> = Bandersnatch::<D>::builder_chunks();
		Bandersnatch::<D>::push(&mut inter, &ring, |r| chunks.get(r).map(|c| c.to_vec())).unwrap();
		let commitment = Bandersnatch::<D>::finish(&inter).unwrap();
		let alias =
			Bandersnatch::<D>::validate(&proof, &commitment, &FIXTURE_CONTEXT, FIXTURE_MESSAGE);
		assert_eq!(alias, Ok(prover::alias(seed(1), &FIXTURE_CONTEXT)), "{file} does not verify");
	}
	check::<Domain11>("proof-domain11.hex");
	check::<Domain12>("proof-domain12.hex");
}

#[test]
fn a_constituency_with_waiting_or_admitted_keys_is_in_use() {
	use pallet_veche_primitives::JurisdictionUsage;
	build_and_execute(|| {
		assert!(!Personhood::unit_in_use(TOWN));
		register(1, REGION_REGISTRAR, TOWN);
		assert!(Personhood::unit_in_use(TOWN));
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		assert!(Personhood::unit_in_use(TOWN));
		assert!(!Personhood::unit_in_use(DIASPORA));
		assert!(!Personhood::office_in_use(0));
	});
}

/// Writes the pinned hashes of the static chunk pages (`src/fixtures/chunk-pages-domain*.hex`)
/// when `VECHE_WRITE_FIXTURES=1`; otherwise checks them against the parameters in `verifiable`.
#[test]
fn chunk_page_hashes_match_the_parameters() {
	use crate::crypto::{Bandersnatch, Domain12, RingDomain, RingVrf, CHUNK_PAGE_SIZE};
	use codec::Encode;
	fn check<D: RingDomain>(file: &str) {
		let chunks = Bandersnatch::<D>::builder_chunks();
		assert_eq!(chunks.len() as u32, Bandersnatch::<D>::max_ring_size());
		let hashes: Vec<String> = chunks
			.chunks(CHUNK_PAGE_SIZE as usize)
			.map(|page| {
				let page: crate::ChunkPage =
					frame_support::BoundedVec::truncate_from(page.to_vec());
				sp_io::hashing::blake2_256(&page.encode())
					.iter()
					.map(|b| format!("{b:02x}"))
					.collect()
			})
			.collect();
		let path = format!("{}/src/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
		if std::env::var("VECHE_WRITE_FIXTURES").as_deref() == Ok("1") {
			std::fs::write(&path, hashes.join("\n") + "\n").unwrap();
		}
		assert_eq!(hashes.len() as u32, Bandersnatch::<D>::chunk_pages());
		for (page, hash) in hashes.iter().enumerate() {
			let pinned = Bandersnatch::<D>::chunk_page_hash(page as u32).expect("pinned");
			let pinned: String = pinned.iter().map(|b| format!("{b:02x}")).collect();
			assert_eq!(&pinned, hash, "{file}: page {page}");
		}
		assert!(Bandersnatch::<D>::chunk_page_hash(hashes.len() as u32).is_none());
	}
	check::<crate::crypto::Domain11>("chunk-pages-domain11.hex");
	check::<Domain12>("chunk-pages-domain12.hex");
}

#[test]
fn only_the_canonical_chunks_can_be_uploaded_and_only_once() {
	use crate::{ChunkPagesStored, Chunks};
	let pages = new_test_ext().execute_with(Personhood::chunk_pages);
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		// Start from an empty chunk store, as a fresh chain does.
		let _ = Chunks::<Test>::clear(u32::MAX, None);
		ChunkPagesStored::<Test>::kill();
		assert_eq!(Personhood::missing_chunk_pages(), vec![0]);
		let mut forged = pages[0].clone();
		forged[3] = forged[4];
		assert_noop!(
			Personhood::upload_chunks(signed(99), 0, forged),
			Error::<Test>::ChunkHashMismatch
		);
		assert_noop!(
			Personhood::upload_chunks(signed(99), 1, pages[0].clone()),
			Error::<Test>::ChunkPageNotFound
		);
		// Without chunks, keys are admitted but no ring is built, and on_idle keeps the work.
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		assert_ok!(Personhood::admit_cohort(signed(99), Constituency(TOWN)));
		Personhood::on_idle(2, Weight::MAX);
		assert!(PendingBuilds::<Test>::contains_key(Constituency(TOWN), 0));
		assert_noop!(
			Personhood::build_ring(signed(99), Constituency(TOWN), 0),
			Error::<Test>::ChunksMissing
		);
		let paid = Personhood::upload_chunks(signed(99), 0, pages[0].clone()).unwrap();
		assert_eq!(paid.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(events().last(), Some(&Event::ChunksStored { page: 0, stored: 1, needed: 1 }));
		assert!(Personhood::missing_chunk_pages().is_empty());
		assert_noop!(
			Personhood::upload_chunks(signed(99), 0, pages[0].clone()),
			Error::<Test>::ChunkPageAlreadyExists
		);
		Personhood::on_idle(3, Weight::MAX);
		assert_eq!(RingRoots::<Test>::get(Constituency(TOWN), 0).unwrap().members, 2);
		Personhood::do_try_state().unwrap();
	});
}

#[test]
fn a_batch_attributes_each_outcome_to_its_own_proof() {
	build_and_execute(|| {
		for i in 1..=4 {
			register(i, REGION_REGISTRAR, TOWN);
		}
		admit_and_build(Constituency(TOWN));
		let ring = current(Constituency(TOWN), 0);
		let p1 = prove(1, Constituency(TOWN), 0, &CTX, b"one");
		let p2 = prove(2, Constituency(TOWN), 0, &CTX, b"two");
		// A well-formed proof for another message stands in for a forgery.
		let forged = prove(2, Constituency(TOWN), 0, &CTX, b"forged");
		let unknown = RingRef { index: 7, ..ring };
		let roll = crate::RollClock::<Test>::get();
		let items = [
			ProofItem { proof: &p1, ring, roll, context: CTX, message: b"one" },
			ProofItem { proof: &forged, ring, roll, context: CTX, message: b"two" },
			ProofItem { proof: &p2, ring, roll, context: CTX, message: b"two" },
			ProofItem { proof: &p2, ring, roll, context: CTX, message: b"other message" },
			ProofItem { proof: &p1, ring: unknown, roll, context: CTX, message: b"one" },
			ProofItem { proof: &p1[..100], ring, roll, context: CTX, message: b"one" },
		];
		let outcomes = Personhood::verify_batch(&items);
		let alias =
			|i| ProvenAlias { alias: prover::alias(seed(i), &CTX), set: ring.set, revision: 1 };
		assert_eq!(
			outcomes,
			vec![
				Ok(alias(1)),
				Err(ProofError::InvalidProof),
				Ok(alias(2)),
				Err(ProofError::InvalidProof),
				Err(ProofError::RingNotFound),
				Err(ProofError::MalformedProof),
			]
		);
		// The alias a proof claims is read without verification, and equals the verified one.
		assert_eq!(Personhood::claimed_alias(&p1), Some(prover::alias(seed(1), &CTX)));
		assert_eq!(Personhood::claimed_alias(&p1[..100]), None);
		assert_eq!(Personhood::verify_batch(&[]), vec![]);
	});
}

/// `n` persons from seed `from` as a batch in `constituency`, keys ascending.
fn batch(from: u8, n: u8, constituency: u32) -> crate::BatchOf<Test> {
	let mut persons: Vec<_> = (from..from + n).map(|i| (tag(i), key(i), constituency)).collect();
	persons.sort_by_key(|p| p.1);
	frame_support::BoundedVec::truncate_from(persons)
}

#[test]
fn single_registration_is_refused_where_the_chain_disables_it() {
	build_and_execute(|| {
		crate::SingleRegistration::<Test>::put(false);
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(1), key(1), TOWN),
			Error::<Test>::SingleRegistrationDisabled
		);
		assert_ok!(Personhood::register_batch(signed(REGION_REGISTRAR), batch(1, 2, TOWN)));
	});
}

#[test]
fn a_registrar_registers_a_batch_of_sorted_keys_in_one_call() {
	build_and_execute(|| {
		let persons = batch(1, 3, TOWN);
		// Fewer than a cohort, unsorted or repeated keys: refused.
		let one = frame_support::BoundedVec::truncate_from(persons[..1].to_vec());
		assert_noop!(
			Personhood::register_batch(signed(REGION_REGISTRAR), one),
			Error::<Test>::BatchTooSmall
		);
		let mut reversed = persons.clone().into_inner();
		reversed.reverse();
		assert_noop!(
			Personhood::register_batch(
				signed(REGION_REGISTRAR),
				frame_support::BoundedVec::truncate_from(reversed)
			),
			Error::<Test>::KeysNotSorted
		);
		let twice = frame_support::BoundedVec::truncate_from(vec![persons[0], persons[0]]);
		assert_noop!(
			Personhood::register_batch(signed(REGION_REGISTRAR), twice),
			Error::<Test>::KeysNotSorted
		);
		assert_noop!(
			Personhood::register_batch(signed(UNIDENTIFIED), persons.clone()),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Personhood::register_batch(signed(REGION_REGISTRAR), persons.clone()));
		assert_eq!(
			events().last(),
			Some(&Event::BatchRegistered { registrar: REGION_REGISTRAR, persons: persons.clone() })
		);
		assert_eq!(PersonCount::<Test>::get(), 3);
		assert_eq!(Queues::<Test>::get(Constituency(TOWN)).unwrap().keys.len(), 3);
		// One person already registered spoils the whole batch: nothing of it is kept.
		let mut again = batch(3, 2, TOWN).into_inner();
		again.extend(batch(10, 1, TOWN));
		again.sort_by_key(|p| p.1);
		assert_noop!(
			Personhood::register_batch(
				signed(REGION_REGISTRAR),
				frame_support::BoundedVec::truncate_from(again)
			),
			Error::<Test>::PersonAlreadyExists
		);
	});
}

#[test]
fn a_registrar_acts_only_on_persons_it_registered() {
	build_and_execute(|| {
		// The country's registrar registers a person in a town the region's registrar serves too.
		register(1, COUNTRY_REGISTRAR, TOWN);
		register(2, COUNTRY_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		assert_noop!(
			Personhood::suspend(signed(REGION_REGISTRAR), tag(1), REASON),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Personhood::rotate_key(signed(REGION_REGISTRAR), tag(1), key(21)),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Personhood::suspend(signed(COUNTRY_REGISTRAR), tag(1), REASON));
		assert_eq!(
			events().last(),
			Some(&Event::PersonSuspended { tag: tag(1), reason: REASON, by_governance: false })
		);
		assert_noop!(
			Personhood::reinstate(signed(REGION_REGISTRAR), tag(1), REASON),
			Error::<Test>::NotAuthorized
		);
		// Its own suspension the registrar lifts itself; governance could too.
		assert_ok!(Personhood::reinstate(signed(COUNTRY_REGISTRAR), tag(1), REASON));
		// A revoked registrar acts on nobody any more.
		assert_ok!(Personhood::revoke_registrar(signed(ADMIN), COUNTRY_REGISTRAR));
		assert_noop!(
			Personhood::suspend(signed(COUNTRY_REGISTRAR), tag(2), REASON),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Personhood::rotate_key(signed(COUNTRY_REGISTRAR), tag(2), key(22)),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn registrars_register_within_their_quota_per_period() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::set_quota(signed(REGION_REGISTRAR), REGION_REGISTRAR, 9),
			BadOrigin
		);
		assert_noop!(Personhood::set_quota(signed(ADMIN), 77, 9), Error::<Test>::RegistrarNotFound);
		assert_ok!(Personhood::set_quota(signed(ADMIN), REGION_REGISTRAR, 3));
		assert_eq!(
			events().last(),
			Some(&Event::QuotaSet { registrar: REGION_REGISTRAR, quota: 3 })
		);
		register(1, REGION_REGISTRAR, TOWN);
		assert_ok!(Personhood::register_batch(signed(REGION_REGISTRAR), batch(2, 2, TOWN)));
		assert_eq!(Personhood::registrar_quota(REGION_REGISTRAR), Some((3, 3)));
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(4), key(4), TOWN),
			Error::<Test>::QuotaExceeded
		);
		assert_noop!(
			Personhood::register_batch(signed(REGION_REGISTRAR), batch(4, 2, TOWN)),
			Error::<Test>::QuotaExceeded
		);
		// Another registrar's quota is its own.
		register(11, COUNTRY_REGISTRAR, DIASPORA);
		// The next period (QuotaPeriod = 100) starts afresh.
		System::set_block_number(100);
		assert_eq!(Personhood::registrar_quota(REGION_REGISTRAR), Some((3, 0)));
		assert_ok!(Personhood::register_batch(signed(REGION_REGISTRAR), batch(4, 2, TOWN)));
	});
}

#[test]
fn a_revoked_registrars_registrations_are_suspended_in_resumable_chunks() {
	build_and_execute(|| {
		for i in 1..=3 {
			register(i, COUNTRY_REGISTRAR, DIASPORA);
		}
		register(9, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(DIASPORA));
		// The registrar had suspended one of its own persons before its fraud came out.
		assert_ok!(Personhood::suspend(signed(COUNTRY_REGISTRAR), tag(3), REASON));
		let sweep = |limit| {
			Personhood::suspend_registrations(signed(ADMIN), COUNTRY_REGISTRAR, limit, REASON)
		};
		assert_noop!(sweep(2), Error::<Test>::StillAccredited);
		assert_ok!(Personhood::revoke_registrar(signed(ADMIN), COUNTRY_REGISTRAR));
		assert_noop!(
			Personhood::suspend_registrations(
				signed(COUNTRY_REGISTRAR),
				COUNTRY_REGISTRAR,
				2,
				REASON
			),
			BadOrigin
		);
		assert_noop!(sweep(0), Error::<Test>::ZeroLimit);
		assert_ok!(sweep(2));
		assert_eq!(
			events().last(),
			Some(&Event::RegistrationsSwept {
				registrar: COUNTRY_REGISTRAR,
				persons: 2,
				complete: false
			})
		);
		assert_ok!(sweep(2));
		assert_eq!(
			events().last(),
			Some(&Event::RegistrationsSwept {
				registrar: COUNTRY_REGISTRAR,
				persons: 1,
				complete: true
			})
		);
		assert_noop!(sweep(2), Error::<Test>::NothingToSweep);
		for i in 1..=3 {
			let status = People::<Test>::get(tag(i)).unwrap().status;
			assert_eq!(status, PersonStatus::Suspended { by_governance: true });
		}
		// The other registrar's person is untouched; the swept ones are out of the ring.
		assert_eq!(People::<Test>::get(tag(9)).unwrap().status, PersonStatus::Active);
		build_all();
		assert_eq!(RingRoots::<Test>::get(Constituency(DIASPORA), 0).unwrap().members, 0);
	});
}
