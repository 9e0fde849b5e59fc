use super::*;
use crate::{Activities, Answers, Running, ALL_SPHERES};

const ROADS: PolicySphere = PolicySphere::Governance;

#[test]
fn a_consultation_is_proposed_admitted_answered_decrypted_and_counted() {
	build_and_execute(|| {
		let profiles: Vec<ProfileId> = (1..=4).map(open).collect();
		submit(propose_call(1, profiles[0], TOWN, ROADS, 3));
		let id = 0;
		assert_eq!(crate::Consultations::<Test>::get(id).unwrap().stage, Stage::Proposed);
		// Only a moderator of the town (or above) admits it.
		assert_noop!(
			Consultations::admit(signed(200 + OTHER_TOWN as u64), id, 20),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Consultations::admit(signed(200 + TOWN as u64), id, 2),
			Error::<Test>::BadDuration
		);
		assert_ok!(Consultations::admit(signed(200 + TOWN as u64), id, 20));
		assert_noop!(Consultations::admit(signed(GOVERNANCE), id, 20), Error::<Test>::NotProposed);
		// Nothing is readable before the close: the running sums are ciphertexts.
		answer(1, profiles[0], id, 2);
		answer(2, profiles[1], id, 2);
		answer(3, profiles[2], id, 0);
		answer(4, profiles[3], id, 1);
		// Person 4 changes its mind.
		answer(4, profiles[3], id, 2);
		assert_eq!(Answers::<Test>::get(id, profiles[3]).unwrap().revision, 1);
		assert_eq!(crate::Consultations::<Test>::get(id).unwrap().answers, 4);
		// Each profile reads its own answer back.
		let (_, pk) = key_of_consultation(id);
		let mine = Answers::<Test>::get(id, profiles[3]).unwrap();
		let binding = Consultations::answer_binding(id, profiles[3], 1);
		assert_eq!(
			veche_seal::read_choice(&pk, &mine.ciphertexts, &sealing_secret(4), &binding),
			Some(2)
		);
		// Trustees decrypt only after the close.
		assert_noop!(decrypt(0, id), Error::<Test>::StillOpen);
		close(id);
		assert_eq!(
			pool_check(&answer_call(5, open_late(5), id, 0)),
			refused(Error::<Test>::NotOpen)
		);
		assert_noop!(
			Consultations::decrypt(signed(ANYONE), id, BoundedVec::new()),
			Error::<Test>::NotATrustee
		);
		assert_ok!(decrypt(1, id));
		assert_noop!(decrypt(1, id), Error::<Test>::AlreadyDecrypted);
		// One trustee is not enough.
		let counts = |c: &[u32]| BoundedVec::truncate_from(c.to_vec());
		assert_noop!(
			Consultations::publish_result(signed(ANYONE), id, counts(&[1, 0, 3])),
			Error::<Test>::NotEnoughPartials
		);
		assert_ok!(decrypt(2, id));
		// Wrong counts are refused, even with the right total.
		assert_noop!(
			Consultations::publish_result(signed(ANYONE), id, counts(&[0, 1, 3])),
			Error::<Test>::WrongCounts
		);
		assert_noop!(
			Consultations::publish_result(signed(ANYONE), id, counts(&[1, 0, 4])),
			Error::<Test>::WrongCounts
		);
		assert_ok!(Consultations::publish_result(signed(ANYONE), id, counts(&[1, 0, 3])));
		assert_eq!(
			events().last(),
			Some(&Event::ResultPublished {
				consultation: id,
				counts: vec![1, 0, 3],
				winner: Some(2),
				trustees: vec![2, 3],
			})
		);
		assert_noop!(decrypt(0, id), Error::<Test>::AlreadyCounted);
		// Person 1 shows agreement; person 3 (who chose 0) cannot.
		submit(claim_call(1, profiles[0], id, 2));
		assert_eq!(
			pool_check(&claim_call(3, profiles[2], id, 2)),
			refused(Error::<Test>::BadOpening)
		);
		assert_eq!(
			pool_check(&claim_call(1, profiles[0], id, 2)),
			refused(Error::<Test>::AlreadyAgreed)
		);
		let a = Activities::<Test>::get((profiles[0], 1, ALL_SPHERES));
		assert_eq!((a.answered, a.changed, a.agreed, a.proposals), (1, 0, 1, 1));
		let a = Activities::<Test>::get((profiles[3], 1, ALL_SPHERES));
		assert_eq!((a.answered, a.changed), (1, 1));
	});
}

/// Person `i` opens a profile now (used after a consultation's admission).
fn open_late(i: u8) -> ProfileId {
	open(i)
}

#[test]
fn answers_come_from_residents_active_in_the_consultations_period() {
	build_and_execute(|| {
		let p1 = open(1);
		let stranger = open(7);
		let id = consultation(1, p1, TOWN, ROADS, 150);
		// Town 3 is not within town 2.
		assert_eq!(
			pool_check(&answer_call(7, stranger, id, 0)),
			refused(Error::<Test>::NotEligible)
		);
		// A profile opened in a later period cannot answer: its person may have answered under
		// another profile already.
		System::set_block_number(period_start(2));
		let late = open(2);
		assert_eq!(pool_check(&answer_call(2, late, id, 0)), refused(Error::<Test>::NotEligible));
		// Profile 1, renewed, still answers.
		renew(1, p1);
		answer(1, p1, id, 1);
	});
}

#[test]
fn a_sealed_answer_must_be_well_formed_and_the_authors_own() {
	build_and_execute(|| {
		let (p1, p2) = (open(1), open(2));
		let id = consultation(1, p1, TOWN, ROADS, 50);
		answer(1, p1, id, 0);
		// Person 2 copies person 1's sealed answer: its proofs are bound to profile 1.
		let copied = sealed(1, p1, id, 0, 0);
		assert_eq!(
			pool_check(&answer_with(2, p2, id, copied)),
			refused(Error::<Test>::BadSealedAnswer)
		);
		// A revision skipped: the proofs are bound to the revision the chain expects.
		let skipped = sealed(1, p1, id, 1, 5);
		assert_eq!(
			pool_check(&answer_with(1, p1, id, skipped)),
			refused(Error::<Test>::BadSealedAnswer)
		);
		// Two options chosen at once: components of two sealings under one binding.
		let a = sealed(2, p2, id, 0, 0);
		let b = sealed(2, p2, id, 1, 0);
		let mut both = a.clone();
		both.ciphertexts[1] = b.ciphertexts[1];
		both.bits[1] = b.bits[1];
		assert_eq!(
			pool_check(&answer_with(2, p2, id, both)),
			refused(Error::<Test>::BadSealedAnswer)
		);
		// The wrong number of options.
		let mut short = a.clone();
		short.ciphertexts.pop();
		short.bits.pop();
		assert_eq!(
			pool_check(&answer_with(2, p2, id, short)),
			refused(Error::<Test>::WrongOptionCount)
		);
		let before = Running::<Test>::get(id);
		answer(2, p2, id, 1);
		assert_ne!(Running::<Test>::get(id), before);
	});
}

#[test]
fn an_answer_changes_a_bounded_number_of_times() {
	build_and_execute(|| {
		let p1 = open(1);
		let id = consultation(1, p1, TOWN, ROADS, 50);
		for choice in [0, 1, 2, 0] {
			answer(1, p1, id, choice);
		}
		assert_eq!(pool_check(&answer_call(1, p1, id, 1)), refused(Error::<Test>::TooManyChanges));
		count(id, &[1, 0, 0]);
	});
}

#[test]
fn moderators_reject_proposals_and_nothing_is_admitted_without_a_key() {
	build_and_execute(|| {
		let p1 = open(1);
		submit(propose_call(1, p1, TOWN, ROADS, 3));
		submit(propose_call(1, p1, TOWN, ROADS, 2));
		assert_noop!(
			Consultations::reject(signed(200 + VILLAGE as u64), 0, [1; 32]),
			DispatchError::BadOrigin
		);
		assert_ok!(Consultations::reject(signed(200 + TOWN as u64), 0, [1; 32]));
		assert_eq!(
			events().last(),
			Some(&Event::ConsultationRejected { consultation: 0, reason: [1; 32] })
		);
		assert_noop!(Consultations::admit(signed(GOVERNANCE), 0, 20), Error::<Test>::NotProposed);
		assert_noop!(
			Consultations::admit(signed(GOVERNANCE), 9, 20),
			Error::<Test>::ConsultationNotFound
		);
		let (key, _) = Trustees::current().unwrap();
		assert_ok!(Trustees::retire(signed(GOVERNANCE), key));
		assert_noop!(Consultations::admit(signed(GOVERNANCE), 1, 20), Error::<Test>::NoKey);
	});
}

#[test]
fn proposals_are_for_the_profiles_own_units_with_two_to_max_options() {
	build_and_execute(|| {
		let p1 = open(1);
		assert_eq!(
			pool_check(&propose_call(1, p1, OTHER_TOWN, ROADS, 3)),
			refused(Error::<Test>::NotEligible)
		);
		assert_eq!(
			pool_check(&propose_call(1, p1, 77, ROADS, 3)),
			refused(Error::<Test>::UnitNotFound)
		);
		assert_eq!(
			pool_check(&propose_call(1, p1, TOWN, ROADS, 1)),
			refused(Error::<Test>::BadOptionCount)
		);
		assert_eq!(
			pool_check(&propose_call(1, p1, TOWN, ROADS, 5)),
			refused(Error::<Test>::BadOptionCount)
		);
		submit(propose_call(1, p1, COUNTRY, ROADS, 4));
	});
}

#[test]
fn a_consultation_without_answers_counts_zero() {
	build_and_execute(|| {
		let p1 = open(1);
		let id = consultation(1, p1, REGION, ROADS, 10);
		count(id, &[0, 0, 0]);
		let c = crate::Consultations::<Test>::get(id).unwrap();
		assert!(matches!(c.stage, Stage::Counted { winner: None, .. }));
		assert_eq!(pool_check(&claim_call_unanswered(1, p1, id)), refused(Error::<Test>::NoWinner));
	});
}

fn claim_call_unanswered(i: u8, profile: ProfileId, id: ConsultationId) -> crate::Call<Test> {
	let opening = [0u8; 32];
	let auth = auth(i, profile, tags::CLAIM, &(id, opening).encode());
	crate::Call::claim_agreement { auth, consultation: id, opening }
}

#[test]
fn a_trustee_cannot_publish_a_decryption_made_with_another_share() {
	build_and_execute(|| {
		let p1 = open(1);
		let id = consultation(1, p1, TOWN, ROADS, 10);
		answer(1, p1, id, 2);
		close(id);
		let (key, _) = key_of_consultation(id);
		// Trustee 1 decrypts with trustee 2's share (as if it had stolen it): the proof names
		// trustee 1's verification key, which that share does not match.
		let stolen = trustee_share(1, key);
		let running = crate::Running::<Test>::get(id).unwrap();
		let context = Consultations::decryption_context(id);
		let shares: Vec<_> = running
			.iter()
			.map(|sum| veche_seal::partial_decrypt(&stolen, &sum.a, &context, 1).unwrap())
			.collect();
		assert_noop!(
			Consultations::decrypt(signed(TRUSTEES[0]), id, BoundedVec::truncate_from(shares)),
			Error::<Test>::BadPartial
		);
		// Too few shares.
		assert_noop!(
			Consultations::decrypt(signed(TRUSTEES[0]), id, BoundedVec::new()),
			Error::<Test>::WrongOptionCount
		);
	});
}
