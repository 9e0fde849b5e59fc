//! Ballots' proofs: outside the electorate, forged, for another poll, with a credential.

use super::*;

#[test]
fn a_proof_from_a_ring_outside_the_electorate_is_rejected() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Voter 9 lives in country 10.
		let foreign = ballot(9, poll, &[0], 1);
		assert_eq!(pool_check(&foreign), refused(Error::<Test>::OutsideElectorate));
		assert_noop!(Ballots::cast(authorized(), foreign), Error::<Test>::OutsideElectorate);
		// A credential ring cannot stand in for a constituency.
		let mut as_lawyer = ballot(1, poll, &[0], 1);
		let (ring, proof) = prove(1, RingSet::Credential(LAWYERS), poll, &as_lawyer.message());
		as_lawyer.ring = ring;
		as_lawyer.proof = BoundedVec::truncate_from(proof);
		assert_noop!(Ballots::cast(authorized(), as_lawyer), Error::<Test>::NotAConstituencyRing);
		// A poll of town 2 only: voter 5 of town 3 is outside it.
		let local = poll_of(
			PollKind::YesNo,
			Electorate { units: BoundedVec::truncate_from(vec![TOWN]), ..national() },
		);
		assert_noop!(
			Ballots::cast(authorized(), ballot(5, local, &[0], 1)),
			Error::<Test>::OutsideElectorate
		);
	});
}

#[test]
fn a_forged_proof_is_refused_by_the_pool_and_dropped_at_the_end_of_a_block() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Someone outside the ring (seed 99) makes a proof over a ring where they took voter 1's
		// place: well-formed, but not for town 2's real ring.
		let mut forged = ballot(1, poll, &[0], 1);
		let mut members =
			pallet_veche_personhood::RingMembers::<Test>::get(RingSet::Constituency(TOWN), 0)
				.unwrap()
				.into_inner();
		members[0] = pallet_veche_personhood::crypto::prover::member(seed(99));
		let context = Polls::<Test>::get(poll).unwrap().context;
		let (proof, outsider) = pallet_veche_personhood::crypto::prover::prove::<
			pallet_veche_personhood::crypto::Domain11,
		>(seed(99), &members, &context, &forged.message())
		.unwrap();
		forged.proof = BoundedVec::truncate_from(proof);
		assert_eq!(pool_check(&forged), refused(Error::<Test>::InvalidProof));
		// A collator that skips its pool's checks gets nothing recorded: the batch drops it and
		// counts the honest ballot beside it.
		let honest = ballot(2, poll, &[1], 1);
		assert_ok!(Ballots::cast(authorized(), forged.clone()));
		assert_ok!(Ballots::cast(authorized(), honest));
		next_block();
		assert!(events().contains(&Event::BallotRejected {
			poll,
			alias: outsider,
			reason: pallet_veche_primitives::ProofError::InvalidProof,
		}));
		assert_eq!(StoredBallots::<Test>::iter_prefix(poll).count(), 1);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(1, 1, &[0, 1])));
		assert!(PendingBallots::<Test>::get().is_empty());
		// Garbage that is not even a proof is refused before verification.
		let garbage = Ballot { proof: BoundedVec::truncate_from(vec![1; 100]), ..forged };
		assert_noop!(Ballots::cast(authorized(), garbage), Error::<Test>::MalformedProof);
	});
}

#[test]
fn a_proof_for_another_polls_context_is_rejected() {
	build_and_execute(|| {
		let first = poll_of(PollKind::YesNo, national());
		let second = poll_of(PollKind::YesNo, national());
		// Made for the first poll's context, submitted to the second.
		let mut moved = ballot(1, first, &[0], 1);
		moved.poll = second;
		let message = moved.message();
		let (_, proof) = prove(1, RingSet::Constituency(TOWN), first, &message);
		moved.proof = BoundedVec::truncate_from(proof);
		assert_eq!(pool_check(&moved), refused(Error::<Test>::InvalidProof));
		// A proof over another choice does not carry this one either.
		let mut changed = ballot(1, first, &[0], 1);
		changed.choice = choice(&[1]);
		assert_eq!(pool_check(&changed), refused(Error::<Test>::InvalidProof));
		// Aliases differ between polls: the voter is unlinkable across them.
		assert_ne!(alias(1, first), alias(1, second));
	});
}

#[test]
fn credentials_weigh_ballots_and_must_be_the_voters_own() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Voter 1 is a lawyer (weight 3); voter 2 is not (weight 1).
		vote_in_one_block(&[
			with_credential(ballot(1, poll, &[0], 1), 1),
			ballot(2, poll, &[1], 1),
		]);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(2, 4, &[3, 1])));
		// Voter 3 borrows lawyer 5's credential proof: another alias.
		let borrowed = with_credential(ballot(3, poll, &[0], 1), 5);
		assert_eq!(pool_check(&borrowed), refused(Error::<Test>::AliasMismatch));
		assert_noop!(Ballots::cast(authorized(), borrowed), Error::<Test>::AliasMismatch);
		// A poll of lawyers only: a ballot without the credential does not count.
		let lawyers = poll_of(PollKind::YesNo, Electorate { base_weight: 0, ..national() });
		assert_noop!(
			Ballots::cast(authorized(), ballot(2, lawyers, &[0], 1)),
			Error::<Test>::CredentialRequired
		);
		// A class the poll does not weigh does not count either.
		let plain =
			poll_of(PollKind::YesNo, Electorate { class_weights: BoundedVec::new(), ..national() });
		assert_noop!(
			Ballots::cast(authorized(), with_credential(ballot(1, plain, &[0], 1), 1)),
			Error::<Test>::CredentialNotCounted
		);
	});
}
