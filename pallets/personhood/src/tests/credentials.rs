//! Credential classes, examiners and the credential rings.

use super::*;

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
