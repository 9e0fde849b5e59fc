//! Petitions: anonymous signatures, one per person, that start a recall once enough of the roll
//! signed.

use super::*;

fn open_petition() -> PollId {
	let call = crate::Call::<Test>::open_petition { office: MAYOR, who: MAYOR_ACCOUNT };
	assert_eq!(pool_check(call), Ok(()));
	assert_ok!(Recall::open_petition(authorized(), MAYOR, MAYOR_ACCOUNT));
	Petitions::<Test>::get(MAYOR, MAYOR_ACCOUNT).unwrap().poll
}

#[test]
fn a_petition_signed_by_enough_of_the_roll_starts_a_recall() {
	build_and_execute(|| {
		seat(MAYOR, MAYOR_ACCOUNT, 1, 10_000);
		run_to(1 + GRACE);
		let poll = open_petition();
		// Two of six sign, one more withdraws: 30 % of six is two (rounded up), so not yet.
		vote_in_one_block(&[ballot(1, poll, 0, 1), ballot(2, poll, 0, 1), ballot(3, poll, 0, 1)]);
		run_to(System::block_number() + 2);
		vote_in_one_block(&[ballot(3, poll, 1, 2), ballot(2, poll, 1, 2)]);
		let start =
			|| Recall::start_recall(authorized(), MAYOR, MAYOR_ACCOUNT, TriggerRef::Petition);
		assert_noop!(start(), Error::<Test>::NotEnoughSignatures);
		vote_in_one_block(&[ballot(4, poll, 0, 1)]);
		assert_ok!(start());
		let procedure = Running::<Test>::get(MAYOR, MAYOR_ACCOUNT).unwrap();
		assert_eq!(
			Procedures::<Test>::get(procedure).unwrap().trigger,
			Trigger::Petition { poll, signatures: 2, roll_size: 6 }
		);
		// The petition is spent.
		assert!(!Petitions::<Test>::contains_key(MAYOR, MAYOR_ACCOUNT));
	});
}

#[test]
fn petitions_of_outsiders_twice_or_after_signing_ends_do_not_count() {
	build_and_execute(|| {
		seat(MAYOR, MAYOR_ACCOUNT, 1, 10_000);
		let petition = || Recall::open_petition(authorized(), MAYOR, MAYOR_ACCOUNT);
		assert_noop!(petition(), Error::<Test>::InGrace);
		run_to(1 + GRACE);
		let poll = open_petition();
		assert_noop!(petition(), Error::<Test>::PetitionOpen);
		// Voter 7 lives in the other town; voter 1 signs once.
		assert_noop!(
			Ballots::cast(authorized(), ballot(7, poll, 0, 1)),
			pallet_veche_ballots::Error::<Test>::OutsideElectorate
		);
		vote_in_one_block(&[ballot(1, poll, 0, 1), ballot(2, poll, 0, 1)]);
		assert_noop!(
			Ballots::cast(authorized(), ballot(1, poll, 0, 1)),
			pallet_veche_ballots::Error::<Test>::SequenceNotNext
		);
		// Signing is over: the petition no longer starts a recall, and a new one may open.
		run_to(1 + GRACE + PETITION);
		assert_noop!(
			Recall::start_recall(authorized(), MAYOR, MAYOR_ACCOUNT, TriggerRef::Petition),
			Error::<Test>::NoPetition
		);
		assert_ne!(open_petition(), poll);
	});
}
