//! People's referenda decided by polls.

use super::*;

#[test]
fn the_people_decide_a_referendum_through_a_poll() {
	use crate::mock::referenda;
	use crate::PeopleTally;
	build_and_execute(|| {
		assert_noop!(
			Ballots::open_referendum(signed(ANYONE), 0),
			Error::<Test>::ReferendumNotFound
		);
		referenda::start(0);
		assert_ok!(Ballots::open_referendum(signed(ANYONE), 0));
		let poll = crate::ReferendumPolls::<Test>::get(0).unwrap();
		assert_eq!(events().last(), Some(&Event::ReferendumPollOpened { referendum: 0, poll }));
		assert_eq!(Polls::<Test>::get(poll).unwrap().kind, PollKind::YesNo);
		// Support is measured against everyone registered (10), from the start.
		assert_eq!(referenda::tally(0), Some(PeopleTally { electorate: 10, ..Default::default() }));
		assert_noop!(
			Ballots::open_referendum(signed(ANYONE), 0),
			Error::<Test>::ReferendumPollAlreadyExists
		);
		// Two yes, one no, one blank: the referendum's tally follows at the end of the block.
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(5, poll, &[0], 1),
			ballot(7, poll, &[1], 1),
			ballot(2, poll, &[], 1),
		]);
		let t = referenda::tally(0).unwrap();
		assert_eq!(t, PeopleTally { ayes: 2, nays: 1, turnout: 4, electorate: 10 });
		use frame_support::traits::VoteTally;
		assert_eq!(
			VoteTally::<u64, u16>::approval(&t, 0),
			sp_runtime::Perbill::from_rational(2u32, 3)
		);
		assert_eq!(VoteTally::<u64, u16>::support(&t, 0), sp_runtime::Perbill::from_percent(40));
		// Once the referendum is decided, its poll takes no more ballots.
		referenda::decide(0);
		run_to(4);
		let late = ballot(3, poll, &[0], 1);
		assert_eq!(pool_check(&late), refused(Error::<Test>::VotingEnded));
		assert_noop!(Ballots::cast(authorized(), late), Error::<Test>::VotingEnded);
	});
}

/// Starts people's referendum `index` and opens its poll.
fn open_people_referendum(index: u32) -> PollId {
	crate::mock::referenda::start(index);
	assert_ok!(Ballots::open_referendum(signed(ANYONE), index));
	crate::ReferendumPolls::<Test>::get(index).unwrap()
}

#[test]
fn a_referendum_poll_opened_early_takes_ballots_until_the_referendum_is_decided() {
	use crate::mock::referenda;
	build_and_execute(|| {
		let poll = open_people_referendum(0);
		// Nobody can close it while the referendum is being decided, however long it takes.
		run_to(500);
		assert_noop!(Ballots::close(signed(ANYONE), poll), Error::<Test>::VotingNotOver);
		// Everyone votes, in every country: voter 9 lives in country 10.
		vote_in_one_block(&[ballot(9, poll, &[0], 1), ballot(1, poll, &[1], 1)]);
		let t = referenda::tally(0).unwrap();
		assert_eq!((t.ayes, t.nays, t.turnout, t.electorate), (1, 1, 2, 10));
		// Once decided, ballots stop and anyone closes the poll; its windows start now.
		referenda::decide(0);
		run_to(503);
		assert_noop!(
			Ballots::cast(authorized(), ballot(2, poll, &[0], 1)),
			Error::<Test>::VotingEnded
		);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		let info = Polls::<Test>::get(poll).unwrap();
		assert_eq!((info.end, info.appeal_end, info.retain_until), (503, 513, 533));
	});
}

#[test]
fn a_territory_excluded_on_appeal_leaves_an_ongoing_referendums_tally() {
	use crate::mock::referenda;
	build_and_execute(|| {
		let poll = open_people_referendum(0);
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(2, poll, &[0], 1),
			ballot(5, poll, &[1], 1),
		]);
		assert_eq!(referenda::tally(0).unwrap().ayes, 2);
		// Fraud proven in town 2 while the referendum runs: its ballots leave the tally now.
		assert_noop!(Ballots::exclude_territory(signed(ANYONE), poll, TOWN, [1; 32]), BadOrigin);
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, TOWN, [1; 32]));
		let t = referenda::tally(0).unwrap();
		assert_eq!((t.ayes, t.nays, t.turnout), (0, 1, 1));
		// Later ballots of the excluded territory stay out.
		vote_in_one_block(&[ballot(3, poll, &[0], 1)]);
		let t = referenda::tally(0).unwrap();
		assert_eq!((t.ayes, t.nays, t.turnout), (0, 1, 1));
		assert_eq!(Tallies::<Test>::get(poll, TOWN).unwrap().ballots, 3);
	});
}

#[test]
fn a_poll_cannot_close_over_ballots_still_to_be_counted_in_its_block() {
	use crate::mock::referenda;
	build_and_execute(|| {
		let poll = open_people_referendum(0);
		run_to(3);
		// A ballot is accepted; in the same block the referendum is decided (cancelled by
		// governance, say) and someone tries to close the poll before the ballot is counted.
		let b = ballot(1, poll, &[0], 1);
		assert_ok!(pool_check(&b));
		assert_ok!(Ballots::cast(authorized(), b));
		referenda::decide(0);
		assert_noop!(Ballots::close(signed(ANYONE), poll), Error::<Test>::BallotsPending);
		// Counted at the end of the block, in the results once the poll closes in the next.
		next_block();
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		assert_eq!(crate::Results::<Test>::get(poll).unwrap().options.to_vec(), vec![1, 0]);
	});
}
