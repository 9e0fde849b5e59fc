//! Suspension, reinstatement and key rotation.

use super::*;

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
