//! The roll: ring revisions kept for the polls that froze them, and the anonymity floor.

use super::*;

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
