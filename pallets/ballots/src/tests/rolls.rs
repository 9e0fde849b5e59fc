//! The frozen roll: key rotation mid-poll, rebuilt rings, turnout, the anonymity floor.

use super::*;

#[test]
fn a_key_rotated_mid_poll_gives_no_second_ballot_and_votes_in_the_next_poll() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[ballot(3, poll, &[0], 1)]);
		// Mid-poll, the registrar rotates voter 3's key; the town's ring is rebuilt with it.
		let new_seed = [33u8; 32];
		assert_ok!(Personhood::rotate_key(signed(REGISTRAR), tag(3), prover::member(new_seed)));
		build_rings();
		// The new key is not in the poll's roll; proven over the new revision, it is refused.
		let message = crate::ballot_message(poll, &choice(&[1]), 1);
		assert!(prove_by(new_seed, RingSet::Constituency(TOWN), poll, &message).is_none());
		let second = ballot_of_current_key(new_seed, TOWN, poll, &[1]);
		assert_eq!(pool_check(&second), refused(Error::<Test>::NotInRoll));
		assert_noop!(Ballots::cast(authorized(), second), Error::<Test>::NotInRoll);
		// The person re-votes with the key of the roll: still one ballot.
		run_to(4);
		vote_in_one_block(&[ballot(3, poll, &[1], 2)]);
		assert_eq!(Polls::<Test>::get(poll).unwrap().voters, 1);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(1, 1, &[0, 1])));
		// In the next poll the new key votes, and the old one cannot: it is in no ring of that
		// roll, and a proof over the old revision is not in that roll.
		let next = poll_of(PollKind::YesNo, national());
		let message = crate::ballot_message(next, &choice(&[0]), 1);
		assert!(prove_by(seed(3), RingSet::Constituency(TOWN), next, &message).is_none());
		let old_roll = Polls::<Test>::get(poll).unwrap().roll;
		let (revision, members) =
			Personhood::roll_ring(RingSet::Constituency(TOWN), 0, old_roll).unwrap();
		let context = Polls::<Test>::get(next).unwrap().context;
		let stale = prover::prove::<Domain11>(seed(3), &members, &context, &message).unwrap().0;
		let old_key_ballot = Ballot {
			poll: next,
			choice: choice(&[0]),
			sequence: 1,
			ring: RingRef { set: RingSet::Constituency(TOWN), index: 0, revision },
			proof: BoundedVec::truncate_from(stale),
			credential: None,
		};
		assert_eq!(pool_check(&old_key_ballot), refused(Error::<Test>::NotInRoll));
		assert_noop!(Ballots::cast(authorized(), old_key_ballot), Error::<Test>::NotInRoll);
		vote_in_one_block(&[ballot_of_current_key(new_seed, TOWN, next, &[0])]);
		assert_eq!(Polls::<Test>::get(next).unwrap().voters, 1);
	});
}

#[test]
fn ballots_proven_against_the_roll_survive_a_ring_rebuilt_in_their_block() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		let honest = [ballot(1, poll, &[0], 1), ballot(2, poll, &[1], 1)];
		for b in &honest {
			assert_ok!(pool_check(b));
			assert_ok!(Ballots::cast(authorized(), b.clone()));
		}
		// In the same block a cohort joins town 2's ring and the ring is rebuilt.
		newcomers(&[21, 22], TOWN);
		next_block();
		assert!(!events().iter().any(|e| matches!(e, Event::BallotRejected { .. })));
		assert_eq!(Totals::<Test>::get(poll), Some(tally(2, 2, &[1, 1])));
		// The newcomers entered after the poll's roll was frozen: they vote from the next poll.
		let message = crate::ballot_message(poll, &choice(&[0]), 1);
		assert!(prove_by([21; 32], RingSet::Constituency(TOWN), poll, &message).is_none());
		let late = ballot_of_current_key([21; 32], TOWN, poll, &[0]);
		assert_noop!(Ballots::cast(authorized(), late), Error::<Test>::NotInRoll);
		let next = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[ballot_of_current_key([21; 32], TOWN, next, &[0])]);
		assert_eq!(Polls::<Test>::get(next).unwrap().voters, 1);
	});
}

#[test]
fn turnout_is_measured_against_the_roll_frozen_at_creation() {
	build_and_execute(|| {
		// Country 0 has voters 1–8 in built rings.
		let poll = poll_of(PollKind::YesNo, national());
		let info = Polls::<Test>::get(poll).unwrap();
		assert_eq!(info.roll_size, 8);
		assert!(events().contains(&Event::PollCreated {
			poll,
			context: info.context,
			kind: PollKind::YesNo,
			lists: Default::default(),
			electorate: national(),
			roll: info.roll,
			roll_size: 8,
			start: 1,
			end: 11,
			appeal_end: info.appeal_end,
			retain_until: info.retain_until,
		}));
		assert_eq!(
			info.appeal_end,
			11 + <<Test as crate::Config>::AppealPeriod as frame_support::traits::Get<u64>>::get()
		);
		// A suspended person is out of every later roll, not of this one.
		assert_ok!(Personhood::suspend(signed(GOVERNANCE), tag(6), [0; 32]));
		build_rings();
		let later = poll_of(PollKind::YesNo, national());
		assert_eq!(Polls::<Test>::get(later).unwrap().roll_size, 7);
		assert_eq!(Polls::<Test>::get(poll).unwrap().roll_size, 8);
		vote_in_one_block(&[ballot(6, poll, &[0], 1)]);
		assert_eq!(Polls::<Test>::get(poll).unwrap().voters, 1);
		let message = crate::ballot_message(later, &choice(&[0]), 1);
		assert!(prove_by(seed(6), RingSet::Constituency(OTHER_TOWN), later, &message).is_none());
	});
}

#[test]
fn no_ballot_counts_from_a_ring_below_the_floor_and_no_tally_is_published_for_it() {
	build_and_execute(|| {
		// Town 3's ring holds two keys; the floor rises to three.
		assert_ok!(Personhood::set_min_ring_size(signed(GOVERNANCE), 3));
		let poll = poll_of(PollKind::YesNo, national());
		let small = ballot(5, poll, &[0], 1);
		assert_eq!(pool_check(&small), refused(Error::<Test>::RingTooSmall));
		assert_noop!(Ballots::cast(authorized(), small), Error::<Test>::RingTooSmall);
		vote_in_one_block(&[ballot(1, poll, &[0], 1)]);
		assert_eq!(Tallies::<Test>::get(poll, OTHER_TOWN), None);
		assert_eq!(Tallies::<Test>::get(poll, TOWN), Some(tally(1, 1, &[1, 0])));
	});
}
