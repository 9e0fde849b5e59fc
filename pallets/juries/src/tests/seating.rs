//! Seating: summoned aliases accept within the window; no-shows lapse and are replaced by the
//! next positions of their stratum's permutation, never by a new draw.

use super::*;

/// A jury of 3 lawyers drawn from volunteers 1–4 and 7–8; returns it with its summoned persons.
fn drawn_jury() -> (JuryId, Vec<u8>) {
	let jury = send(3, true);
	enrol_all(jury, &[1, 2, 3, 4, 7, 8]);
	randomness_after_freeze();
	assert_ok!(Juries::draw(signed(ANYONE), jury, 10));
	(jury, summoned(jury))
}

#[test]
fn summoned_jurors_accept_once_and_the_vote_opens_when_all_have() {
	build_and_execute(|| {
		let (jury, drawn) = drawn_jury();
		let first = drawn[0];
		submit(acceptance(first, jury));
		assert_eq!(with_status(jury, SummonsStatus::Seated), vec![first]);
		assert_eq!(events().last(), Some(&Event::Seated { jury, alias: alias_of(first, jury) }));
		// A second acceptance is refused.
		let again = acceptance(first, jury);
		assert_eq!(pool_check(&again), refused(Error::<Test>::AlreadySeated));
		let crate::Call::accept { ring, proof, .. } = again else { unreachable!() };
		assert_noop!(Juries::accept(authorized(), jury, ring, proof), Error::<Test>::AlreadySeated);
		for i in &drawn[1..] {
			submit(acceptance(*i, jury));
		}
		let info = Juries::jury(jury).unwrap();
		assert_eq!((info.seated, info.pending), (3, 0));
		let JuryStage::Voting { poll } = info.stage else { panic!("voting") };
		assert_eq!(events().last(), Some(&Event::VoteOpened { jury, poll, seated: 3 }));
	});
}

#[test]
fn only_drawn_aliases_accept_and_only_with_their_own_fresh_proof() {
	build_and_execute(|| {
		let (jury, drawn) = drawn_jury();
		// A volunteer who was not drawn.
		let undrawn = [1u8, 2, 3, 4, 7, 8].into_iter().find(|i| !drawn.contains(i)).unwrap();
		assert_eq!(pool_check(&acceptance(undrawn, jury)), refused(Error::<Test>::NotSummoned));
		// A person who never volunteered.
		assert_eq!(pool_check(&acceptance(5, jury)), refused(Error::<Test>::NotSummoned));
		// The drawn person's enrolment proof replayed as an acceptance: another message.
		let juror = drawn[0];
		let (ring, proof) =
			proof_in(juror, jury, RingSet::Constituency(home(juror)), &enrol_message(jury));
		let replay = crate::Call::accept { jury, ring, proof };
		assert_eq!(pool_check(&replay), refused(Error::<Test>::InvalidProof));
		// Someone else's proof cannot claim the juror's alias: it yields the prover's own.
		assert_eq!(pool_check(&acceptance(undrawn, jury)), refused(Error::<Test>::NotSummoned));
		assert_eq!(Juries::jury(jury).unwrap().seated, 0);
	});
}

#[test]
fn a_no_show_lapses_and_the_next_position_of_the_stratum_is_summoned() {
	build_and_execute(|| {
		let (jury, drawn) = drawn_jury();
		let draw = Juries::jury(jury).unwrap().draw.unwrap();
		// Town 2's permutation: its first two positions were summoned; the third comes next.
		let town = [1u8, 2, 3, 4];
		let order: Vec<u8> = sortition::permutation_prefix(&draw.seed, TOWN, 4, 4)
			.into_iter()
			.map(|p| town[p as usize])
			.collect();
		let (no_show, replacement) = (order[0], order[2]);
		assert!(drawn.contains(&no_show) && !drawn.contains(&replacement));
		let alias = alias_of(no_show, jury);
		assert_noop!(Juries::lapse(signed(ANYONE), jury, alias), Error::<Test>::AcceptanceOpen);
		for i in drawn.iter().filter(|i| **i != no_show) {
			submit(acceptance(*i, jury));
		}
		let deadline = Summonses::<Test>::get(jury, alias).unwrap().deadline;
		run_to(deadline);
		// Too late to accept.
		assert_eq!(
			pool_check(&acceptance(no_show, jury)),
			refused(Error::<Test>::AcceptanceClosed)
		);
		assert_ok!(Juries::lapse(signed(ANYONE), jury, alias));
		assert_noop!(Juries::lapse(signed(ANYONE), jury, alias), Error::<Test>::SummonsLapsed);
		let summons = Summonses::<Test>::get(jury, alias_of(replacement, jury)).unwrap();
		assert_eq!((summons.stratum, summons.position), (TOWN, 2));
		assert_eq!(summons.deadline, deadline + ACCEPTANCE);
		assert_eq!(with_status(jury, SummonsStatus::Lapsed), vec![no_show]);
		assert_noop!(
			Juries::lapse(
				signed(ANYONE),
				jury,
				alias_of(drawn.iter().copied().find(|i| *i != no_show).unwrap(), jury)
			),
			Error::<Test>::AlreadySeated
		);
		assert_noop!(
			Juries::lapse(signed(ANYONE), jury, alias_of(5, jury)),
			Error::<Test>::NotSummoned
		);
		// The replacement accepts: the jury is full and votes.
		submit(acceptance(replacement, jury));
		assert!(matches!(stage(jury), JuryStage::Voting { .. }));
		assert_eq!(Juries::jury(jury).unwrap().seated, 3);
	});
}

#[test]
fn a_stratum_with_nobody_left_leaves_its_seat_empty() {
	build_and_execute(|| {
		let (jury, drawn) = drawn_jury();
		// Town 3 had two volunteers and one seat: its no-show is replaced by the other; when that
		// one lapses too, nobody is left and the jury votes with two.
		let first = drawn.iter().copied().find(|i| home(*i) == OTHER_TOWN).unwrap();
		for i in drawn.iter().filter(|i| home(**i) == TOWN) {
			submit(acceptance(*i, jury));
		}
		run_to(System::block_number() + ACCEPTANCE);
		assert_ok!(Juries::lapse(signed(ANYONE), jury, alias_of(first, jury)));
		let second = if first == 7 { 8 } else { 7 };
		assert_eq!(Summonses::<Test>::get(jury, alias_of(second, jury)).unwrap().position, 1);
		run_to(System::block_number() + ACCEPTANCE);
		assert_ok!(Juries::lapse(signed(ANYONE), jury, alias_of(second, jury)));
		let info = Juries::jury(jury).unwrap();
		assert_eq!((info.seated, info.pending), (2, 0));
		assert!(matches!(info.stage, JuryStage::Voting { .. }));
	});
}

#[test]
fn a_jury_whose_every_summons_lapses_fails() {
	build_and_execute(|| {
		let jury = send(1, false);
		enrol_all(jury, &[9]);
		randomness_after_freeze();
		assert_ok!(Juries::draw(signed(ANYONE), jury, 10));
		run_to(System::block_number() + ACCEPTANCE);
		assert_ok!(Juries::lapse(signed(ANYONE), jury, alias_of(9, jury)));
		assert_eq!(stage(jury), JuryStage::Failed);
		assert_eq!(crate::JuryOfAct::<Test>::get(BILL), None);
		assert_eq!(pool_check(&acceptance(9, jury)), refused(Error::<Test>::JuryOver));
	});
}
