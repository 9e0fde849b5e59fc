//! Casting and re-voting: sequences, cooldowns, windows and choices.

use super::*;

#[docify::export]
#[test]
fn voters_cast_revote_and_the_poll_closes_with_results() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::SingleChoice { options: 3 }, national());
		// Voters 1 and 2 of town 2 and voter 5 of town 3 vote in one block.
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(2, poll, &[1], 1),
			ballot(5, poll, &[1], 1),
		]);
		assert_eq!(Tallies::<Test>::get(poll, TOWN), Some(tally(2, 2, &[1, 1, 0])));
		assert_eq!(Tallies::<Test>::get(poll, OTHER_TOWN), Some(tally(1, 1, &[0, 1, 0])));
		// Voter 2 changes their mind: the re-vote replaces the first ballot.
		run_to(4);
		vote_in_one_block(&[ballot(2, poll, &[2], 2)]);
		assert!(events().contains(&Event::BallotRecorded {
			poll,
			alias: alias(2, poll),
			territory: TOWN,
			choice: choice(&[2]),
			sequence: 2,
			weight: 1,
			replaced: true,
		}));
		// Each voter finds their ballot under their alias.
		assert_eq!(
			Ballots::ballot_of(poll, alias(2, poll)),
			Some(BallotRecord {
				territory: TOWN,
				choice: choice(&[2]),
				sequence: 2,
				weight: 1,
				cast_at: 4
			})
		);
		// After the end anyone closes the poll.
		run_to(11);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		let results = tally(3, 3, &[1, 1, 1]);
		assert_eq!(Results::<Test>::get(poll), Some(results.clone()));
		assert_eq!(
			events().last(),
			Some(&Event::PollClosed { poll, results, end: 11, appeal_end: 21, retain_until: 41 })
		);
		assert_eq!(Polls::<Test>::get(poll).unwrap().voters, 3);
	});
}

#[test]
fn a_ballot_with_the_same_sequence_is_rejected() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[ballot(1, poll, &[0], 1)]);
		run_to(5);
		let again = ballot(1, poll, &[1], 1);
		assert_eq!(pool_check(&again), refused(Error::<Test>::SequenceNotNext));
		assert_noop!(Ballots::cast(authorized(), again), Error::<Test>::SequenceNotNext);
	});
}

#[test]
fn an_older_ballot_cannot_be_replayed_after_a_revote() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		let first = ballot(3, poll, &[0], 1);
		vote_in_one_block(&[first.clone()]);
		run_to(4);
		vote_in_one_block(&[ballot(3, poll, &[1], 2)]);
		run_to(8);
		// The coercer replays the first, valid ballot: refused, the re-vote stands.
		assert_eq!(pool_check(&first), refused(Error::<Test>::SequenceNotNext));
		assert_noop!(Ballots::cast(authorized(), first), Error::<Test>::SequenceNotNext);
		assert_eq!(Ballots::ballot_of(poll, alias(3, poll)).unwrap().choice, choice(&[1]));
		assert_eq!(Totals::<Test>::get(poll), Some(tally(1, 1, &[0, 1])));
	});
}

#[test]
fn a_revote_must_wait_for_the_cooldown() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Two ballots of one voter in one block: the second is refused.
		let first = ballot(4, poll, &[0], 1);
		assert_ok!(Ballots::cast(authorized(), first));
		let second = ballot(4, poll, &[1], 2);
		assert_eq!(pool_check(&second), refused(Error::<Test>::RevoteTooSoon));
		assert_noop!(Ballots::cast(authorized(), second.clone()), Error::<Test>::RevoteTooSoon);
		next_block();
		// One block later (cooldown 2): still too soon; two blocks later: accepted.
		assert_noop!(Ballots::cast(authorized(), second.clone()), Error::<Test>::RevoteTooSoon);
		next_block();
		vote_in_one_block(&[second]);
		assert_eq!(Ballots::ballot_of(poll, alias(4, poll)).unwrap().sequence, 2);
	});
}

#[test]
fn ballots_before_the_start_and_after_the_end_are_rejected() {
	build_and_execute(|| {
		assert_ok!(Ballots::create_poll(signed(GOVERNANCE), PollKind::YesNo, national(), 3, 6));
		let early = ballot(1, 0, &[0], 1);
		assert_eq!(pool_check(&early), refused(Error::<Test>::NotYetOpen));
		assert_noop!(Ballots::cast(authorized(), early.clone()), Error::<Test>::NotYetOpen);
		run_to(6);
		assert_eq!(pool_check(&early), refused(Error::<Test>::VotingEnded));
		assert_noop!(Ballots::cast(authorized(), early), Error::<Test>::VotingEnded);
		assert_noop!(
			Ballots::cast(authorized(), Ballot { poll: 7, ..ballot(1, 0, &[0], 1) }),
			Error::<Test>::PollNotFound
		);
	});
}

#[test]
fn choices_outside_the_poll_are_rejected() {
	build_and_execute(|| {
		let single = poll_of(PollKind::SingleChoice { options: 3 }, national());
		let approval = poll_of(PollKind::Approval { options: 4, max: 2 }, national());
		for (poll, marks, error) in [
			(single, &[3u8][..], Error::<Test>::ChoiceOutOfRange),
			(single, &[0, 1][..], Error::<Test>::TooManyMarks),
			(approval, &[0, 1, 2][..], Error::<Test>::TooManyMarks),
			(approval, &[2, 1][..], Error::<Test>::MarksNotAscending),
			(approval, &[1, 1][..], Error::<Test>::MarksNotAscending),
			(approval, &[4][..], Error::<Test>::ChoiceOutOfRange),
		] {
			let b = ballot(1, poll, marks, 1);
			let error = DispatchError::from(error);
			assert_eq!(pool_check(&b), refused(error));
			assert_noop!(Ballots::cast(authorized(), b), error);
		}
		// Approval of two, and a blank ballot, are fine.
		vote_in_one_block(&[ballot(1, approval, &[1, 3], 1), ballot(2, approval, &[], 1)]);
		assert_eq!(Totals::<Test>::get(approval), Some(tally(2, 2, &[0, 1, 0, 1])));
	});
}

#[test]
fn a_coerced_ballot_cannot_lock_out_a_revote() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// A coercer's ballot with the largest sequence number is refused: a first ballot is 1.
		let locked = ballot(2, poll, &[0], u32::MAX);
		assert_eq!(pool_check(&locked), refused(Error::<Test>::SequenceNotNext));
		assert_noop!(Ballots::cast(authorized(), locked), Error::<Test>::SequenceNotNext);
		vote_in_one_block(&[ballot(2, poll, &[0], 1)]);
		run_to(4);
		// Nor can a re-vote skip ahead: the next is exactly 2, and the voter can always cast it.
		let skip = ballot(2, poll, &[0], 3);
		assert_eq!(pool_check(&skip), refused(Error::<Test>::SequenceNotNext));
		assert_noop!(Ballots::cast(authorized(), skip), Error::<Test>::SequenceNotNext);
		vote_in_one_block(&[ballot(2, poll, &[1], 2)]);
		assert_eq!(Ballots::ballot_of(poll, alias(2, poll)).unwrap().choice, choice(&[1]));
	});
}
