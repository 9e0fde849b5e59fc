//! After the vote: closing, appeals, recounts and purging.

use super::*;

#[test]
fn excluding_a_territory_recomputes_the_results_within_the_appeal_window() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(2, poll, &[0], 1),
			ballot(5, poll, &[1], 1),
			ballot(7, poll, &[1], 1),
		]);
		let reason = [7; 32];
		// Not before the end, not by anyone but the appeal body.
		assert_noop!(
			Ballots::exclude_territory(signed(APPEALS), poll, TOWN, reason),
			Error::<Test>::AppealTooEarly
		);
		run_to(11);
		assert_noop!(Ballots::exclude_territory(signed(ANYONE), poll, TOWN, reason), BadOrigin);
		assert_noop!(
			Ballots::exclude_territory(signed(APPEALS), poll, FOREIGN_TOWN, reason),
			Error::<Test>::TerritoryNotFound
		);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		assert_eq!(Results::<Test>::get(poll), Some(tally(4, 4, &[2, 2])));
		// Fraud proven in town 2: its two ballots no longer count.
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, TOWN, reason));
		assert_eq!(Results::<Test>::get(poll), Some(tally(2, 2, &[0, 2])));
		assert_eq!(Excluded::<Test>::get(poll, TOWN), Some(reason));
		assert!(events().contains(&Event::TerritoryExcluded {
			poll,
			territory: TOWN,
			reason,
			ballots: 2
		}));
		assert_noop!(
			Ballots::exclude_territory(signed(APPEALS), poll, TOWN, reason),
			Error::<Test>::AlreadyExcluded
		);
		// After the appeal window the results are final.
		run_to(21);
		assert_noop!(
			Ballots::exclude_territory(signed(APPEALS), poll, OTHER_TOWN, reason),
			Error::<Test>::AppealWindowClosed
		);
		assert_eq!(Ballots::results(poll), Some(tally(2, 2, &[0, 2])));
	});
}

#[test]
fn closing_needs_the_end_and_happens_once() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		assert_noop!(Ballots::close(signed(ANYONE), poll), Error::<Test>::VotingNotOver);
		assert_noop!(Ballots::close(signed(ANYONE), 9), Error::<Test>::PollNotFound);
		run_to(11);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		assert_eq!(Results::<Test>::get(poll), Some(tally(0, 0, &[0, 0])));
		assert_noop!(Ballots::close(signed(ANYONE), poll), Error::<Test>::AlreadyClosed);
	});
}

#[test]
fn a_recount_in_chunks_agrees_with_the_tallies_and_finds_a_corrupted_one() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::SingleChoice { options: 3 }, national());
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(2, poll, &[1], 1),
			ballot(3, poll, &[2], 1),
			ballot(5, poll, &[1], 1),
			ballot(7, poll, &[0], 1),
		]);
		assert_noop!(Ballots::recount(signed(ANYONE), poll, 2), Error::<Test>::NotRecountable);
		run_to(11);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		assert_noop!(Ballots::recount(signed(ANYONE), poll, 0), Error::<Test>::ZeroLimit);
		// Five ballots and three territories, two items per call: four calls.
		for _ in 0..3 {
			assert_ok!(Ballots::recount(signed(ANYONE), poll, 2));
			assert!(matches!(events().last(), Some(Event::RecountProgressed { .. })));
		}
		assert_ok!(Ballots::recount(signed(ANYONE), poll, 2));
		assert_eq!(
			events().last(),
			Some(&Event::RecountCompleted { poll, ballots: 5, territories: 3, mismatches: 0 })
		);
		assert_eq!(RecountVerdicts::<Test>::get(poll).unwrap().mismatches, 0);
		// Had a territorial tally been corrupted, the recount would say so.
		let original = Tallies::<Test>::get(poll, DIASPORA).unwrap();
		Tallies::<Test>::mutate(poll, DIASPORA, |x| x.as_mut().unwrap().options[1] += 1);
		assert_ok!(Ballots::recount(signed(ANYONE), poll, 100));
		assert_eq!(
			events().last(),
			Some(&Event::RecountCompleted { poll, ballots: 5, territories: 3, mismatches: 1 })
		);
		Tallies::<Test>::insert(poll, DIASPORA, original);
	});
}

#[test]
fn ballots_are_purged_in_chunks_after_the_retention_period() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(5, poll, &[1], 1),
			ballot(7, poll, &[1], 1),
		]);
		run_to(11);
		assert_noop!(Ballots::purge(signed(ANYONE), poll, 10), Error::<Test>::RetentionNotOver);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		// Appeal window 10, retention 20: ballots are kept until block 41.
		run_to(40);
		assert_noop!(Ballots::purge(signed(ANYONE), poll, 10), Error::<Test>::RetentionNotOver);
		run_to(41);
		assert_noop!(Ballots::recount(signed(ANYONE), poll, 10), Error::<Test>::NotRecountable);
		assert_ok!(Ballots::purge(signed(ANYONE), poll, 4));
		assert_eq!(
			events().last(),
			Some(&Event::BallotsPurged { poll, removed: 4, complete: false })
		);
		assert_ok!(Ballots::purge(signed(ANYONE), poll, 4));
		assert_eq!(
			events().last(),
			Some(&Event::BallotsPurged { poll, removed: 2, complete: true })
		);
		assert_eq!(Polls::<Test>::get(poll).unwrap().status, PollStatus::Purged);
		assert_eq!(Results::<Test>::get(poll), Some(tally(3, 3, &[1, 2])));
		assert_eq!(StoredBallots::<Test>::iter_prefix(poll).count(), 0);
		assert_noop!(Ballots::purge(signed(ANYONE), poll, 4), Error::<Test>::AlreadyPurged);
		use pallet_veche_primitives::JurisdictionUsage;
		assert!(!Ballots::unit_in_use(COUNTRY));
	});
}
