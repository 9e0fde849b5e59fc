//! Anonymous enrolment in a jury's pool: one alias per person, with the credential, from the
//! bill's jurisdiction, in the roll frozen when the bill was sent.

use super::*;

#[test]
fn qualified_persons_enrol_anonymously_by_stratum() {
	build_and_execute(|| {
		let jury = send(3, true);
		enrol_all(jury, &[1, 2, 7]);
		let info = Juries::jury(jury).unwrap();
		assert_eq!(info.volunteers, 3);
		assert_eq!(
			Juries::strata(jury).iter().map(|(s, r)| (*s, r.volunteers)).collect::<Vec<_>>(),
			vec![(TOWN, 2), (OTHER_TOWN, 1)]
		);
		assert_eq!(Enrolled::<Test>::get(jury, alias_of(2, jury)), Some((TOWN, 1)));
		assert_eq!(
			events().last(),
			Some(&Event::Enrolled {
				jury,
				alias: alias_of(7, jury),
				stratum: OTHER_TOWN,
				place: 0
			})
		);
		// The alias is the person's in this jury only: another jury's differs.
		table_bill(BILL + 1, REGION, 0);
		assert_ok!(Juries::send_to_jury(
			signed(GOVERNANCE),
			BILL + 1,
			3,
			None,
			FREEZE,
			ACCEPTANCE,
			VOTING
		));
		assert_ne!(alias_of(1, jury), alias_of(1, jury + 1));
	});
}

#[test]
fn a_person_enrols_once_and_only_with_the_credential_asked() {
	build_and_execute(|| {
		let jury = send(3, true);
		enrol_all(jury, &[1]);
		let twice = enrolment(1, jury);
		assert_eq!(pool_check(&twice), refused(Error::<Test>::AlreadyEnrolled));
		let crate::Call::enrol { ring, proof, credential, .. } = twice else { unreachable!() };
		assert_noop!(
			Juries::enrol(authorized(), jury, ring, proof.clone(), credential),
			Error::<Test>::AlreadyEnrolled
		);
		// Person 5 holds no legal qualification: no credential proof to give.
		let message = enrol_message(jury);
		let (ring5, proof5) = proof_in(5, jury, RingSet::Constituency(TOWN), &message);
		let bare =
			crate::Call::enrol { jury, ring: ring5, proof: proof5.clone(), credential: None };
		assert_eq!(pool_check(&bare), refused(Error::<Test>::CredentialRequired));
		// Nor can they borrow person 3's: the credential proof yields another alias.
		let borrowed = proof_in(3, jury, RingSet::Credential(LAWYERS), &message);
		let call = crate::Call::enrol {
			jury,
			ring: ring5,
			proof: proof5.clone(),
			credential: Some(borrowed),
		};
		assert_eq!(pool_check(&call), refused(Error::<Test>::AliasMismatch));
		// A constituency ring offered as a credential is the wrong credential.
		let town = proof_in(5, jury, RingSet::Constituency(TOWN), &message);
		let call = crate::Call::enrol { jury, ring: ring5, proof: proof5, credential: Some(town) };
		assert_eq!(pool_check(&call), refused(Error::<Test>::WrongCredential));
		assert_eq!(Juries::jury(jury).unwrap().volunteers, 1);
	});
}

#[test]
fn persons_outside_the_jurisdiction_or_after_the_freeze_cannot_enrol() {
	build_and_execute(|| {
		let jury = send(3, true);
		// Person 10 lives abroad, outside the region whose bill it is.
		let foreign = enrolment(10, jury);
		assert_eq!(pool_check(&foreign), refused(Error::<Test>::OutsideJurisdiction));
		// A credential ring is not a constituency.
		let message = enrol_message(jury);
		let (ring, proof) = proof_in(1, jury, RingSet::Credential(LAWYERS), &message);
		let call = crate::Call::enrol { jury, ring, proof, credential: None };
		assert_eq!(pool_check(&call), refused(Error::<Test>::NotAConstituencyRing));
		// At the freeze the pool closes.
		let late = enrolment(2, jury);
		run_to(FREEZE);
		assert_eq!(pool_check(&late), refused(Error::<Test>::PoolFrozen));
		let crate::Call::enrol { ring, proof, credential, .. } = late else { unreachable!() };
		assert_noop!(
			Juries::enrol(authorized(), jury, ring, proof, credential),
			Error::<Test>::PoolFrozen
		);
		let crate::Call::enrol { ring, proof, credential, .. } = enrolment(1, jury) else {
			unreachable!()
		};
		let nowhere = crate::Call::enrol { jury: jury + 1, ring, proof, credential };
		assert_eq!(pool_check(&nowhere), refused(Error::<Test>::JuryNotFound));
	});
}

#[test]
fn forged_and_replayed_proofs_are_refused() {
	build_and_execute(|| {
		let jury = send(3, true);
		table_bill(BILL + 1, REGION, 0);
		assert_ok!(Juries::send_to_jury(
			signed(GOVERNANCE),
			BILL + 1,
			3,
			Some(LAWYERS),
			FREEZE,
			ACCEPTANCE,
			VOTING
		));
		let other = jury + 1;
		// An acceptance's proof is not an enrolment (another message).
		let accept = accept_message(jury);
		let (ring, proof) = proof_in(1, jury, RingSet::Constituency(TOWN), &accept);
		let credential = Some(proof_in(1, jury, RingSet::Credential(LAWYERS), &accept));
		let call = crate::Call::enrol { jury, ring, proof, credential };
		assert_eq!(pool_check(&call), refused(Error::<Test>::InvalidProof));
		// Another jury's enrolment replayed here: made in that jury's context.
		let crate::Call::enrol { ring, proof, credential, .. } = enrolment(1, other) else {
			unreachable!()
		};
		let call = crate::Call::enrol { jury, ring, proof, credential };
		assert_eq!(pool_check(&call), refused(Error::<Test>::InvalidProof));
		// Bytes that are no proof.
		let (ring, _) = proof_in(1, jury, RingSet::Constituency(TOWN), &enrol_message(jury));
		let credential =
			Some(proof_in(1, jury, RingSet::Credential(LAWYERS), &enrol_message(jury)));
		let junk = crate::Call::enrol {
			jury,
			ring,
			proof: BoundedVec::truncate_from(vec![7; 40]),
			credential,
		};
		assert_eq!(pool_check(&junk), refused(Error::<Test>::MalformedProof));
		assert_eq!(Juries::jury(jury).unwrap().volunteers, 0);
	});
}

#[test]
fn a_key_rotated_after_the_bill_was_sent_gives_no_second_enrolment() {
	build_and_execute(|| {
		let jury = send(3, false);
		enrol_all(jury, &[3]);
		// The registrar rotates person 3's key; the town's ring is rebuilt with the new key.
		let new_seed = [33u8; 32];
		assert_ok!(Personhood::rotate_key(signed(REGISTRAR), tag(3), prover::member(new_seed)));
		build_rings();
		// The new key is in no ring revision of the jury's roll: it cannot prove there ...
		let info = Juries::jury(jury).unwrap();
		let (_, old_members) =
			Personhood::roll_ring(RingSet::Constituency(TOWN), 0, info.roll).unwrap();
		let message = enrol_message(jury);
		assert!(
			prover::prove::<Domain11>(new_seed, &old_members, &info.context, &message).is_none()
		);
		// ... and a proof over the current revision names a revision outside the roll.
		let (members, current, _) = Personhood::ring(RingSet::Constituency(TOWN), 0);
		let proof = prover::prove::<Domain11>(new_seed, &members, &info.context, &message)
			.unwrap()
			.0;
		let call = crate::Call::enrol {
			jury,
			ring: RingRef { set: RingSet::Constituency(TOWN), index: 0, revision: current },
			proof: BoundedVec::truncate_from(proof),
			credential: None,
		};
		assert_eq!(pool_check(&call), refused(Error::<Test>::NotInRoll));
		assert_eq!(Juries::jury(jury).unwrap().volunteers, 1);
	});
}

#[test]
fn a_pool_holds_at_most_max_strata_constituencies() {
	build_and_execute(|| {
		let jury = send(3, true);
		enrol_all(jury, &[1, 7]);
		// Village 6 would be a third stratum.
		assert_eq!(pool_check(&enrolment(12, jury)), refused(Error::<Test>::TooManyStrata));
		// The strata already in the pool still take volunteers.
		enrol_all(jury, &[2, 8]);
		assert_eq!(Juries::jury(jury).unwrap().volunteers, 4);
	});
}
