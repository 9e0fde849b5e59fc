//! From scheduling to certification: plurality, two rounds with a run-off, approval, an
//! unopposed and a failed election, deposits, resignations and by-elections.

use super::*;

#[test]
fn a_mayor_is_elected_by_plurality_and_takes_office() {
	build_and_execute(|| {
		let e = scheduled(OTHER_MAYOR, rules(Method::Plurality));
		nominate_all(e, &[100, 101, 102]);
		// Nothing moves before its time.
		assert_noop!(
			Elections::open_voting(signed(ANYONE), e, size(e)),
			Error::<Test>::VotingNotStarted
		);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		assert_noop!(Elections::count(signed(ANYONE), e, size(e)), Error::<Test>::VotingNotOver);
		let poll = poll_of(e, None);
		// Voters 7 and 8 live in town 3: option 1 is candidate 101.
		vote(7, poll, &[1]);
		vote(8, poll, &[1]);
		run_to(20);
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		assert_eq!(winners(e), vec![101]);
		assert_noop!(Elections::certify(signed(ANYONE), e, size(e)), Error::<Test>::AppealsOpen);
		certify(e);
		let now = System::block_number();
		let holders = Holders::<Test>::get(OTHER_MAYOR);
		assert_eq!(holders.len(), 1);
		assert_eq!(holders[0].seat, Seat { who: 101, constituency: OTHER_TOWN, list: None });
		assert_eq!(holders[0].until, now + 100);
		assert_eq!(StoredElections::<Test>::get(e).unwrap().stage, Stage::Certified);
		assert!(!Running::<Test>::contains_key(OTHER_MAYOR));
		assert!(events().contains(&Event::ElectionCertified {
			election: e,
			office: OTHER_MAYOR,
			seats: vec![Seat { who: 101, constituency: OTHER_TOWN, list: None }],
			since: now,
			until: now + 100,
			reserves: vec![],
		}));
		// Were the seat to fall out of the bounded record of service, the certified seats
		// still say the candidacy won one (its promises stay followed, never cleared).
		let records_of_101 = Records::<Test>::take(101);
		assert!(matches!(candidacy(101, e), CandidacyState::Elected(m) if m.left.is_some()));
		assert_eq!(candidacy(100, e), CandidacyState::Ended);
		Records::<Test>::insert(101, records_of_101.clone());
		// The portrait: an office held, three candidates' standings.
		let portrait = Elections::portrait(101);
		assert_eq!(portrait.offices.len(), 1);
		assert_eq!(portrait.elections, vec![(e, OTHER_MAYOR, Standing::Elected)]);
		assert_eq!(
			Elections::portrait(100).elections,
			vec![(e, OTHER_MAYOR, Standing::NotElected)]
		);
	});
}

#[test]
fn without_a_majority_the_two_first_meet_in_a_run_off() {
	build_and_execute(|| {
		let e = scheduled(MAYOR, rules(Method::TwoRound));
		nominate_all(e, &[100, 101, 102]);
		assert_eq!(candidacy(100, e), CandidacyState::Nominating);
		assert_eq!(candidacy(103, e), CandidacyState::None);
		run_to(10);
		// Nominations close with voting, even before anyone opens it.
		assert_eq!(candidacy(100, e), CandidacyState::Running);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		let poll = poll_of(e, None);
		// 2, 2 and 1 votes of 5: no majority; 100 and 101 tie for first.
		vote(1, poll, &[0]);
		vote(2, poll, &[0]);
		vote(3, poll, &[1]);
		vote(4, poll, &[1]);
		vote(5, poll, &[2]);
		run_to(20);
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		assert!(winners(e).is_empty());
		certify(e);
		let run_off = e + 1;
		assert!(events().contains(&Event::RunOffCalled {
			election: e,
			run_off,
			candidates: vec![100, 101],
		}));
		assert_eq!(Running::<Test>::get(MAYOR), Some(run_off));
		let info = StoredElections::<Test>::get(run_off).unwrap();
		assert_eq!(info.kind, ElectionKind::RunOff { first_round: e });
		assert_eq!(info.stage, Stage::Voting);
		// The first round's candidacy is followed into the run-off.
		assert_eq!(candidacy(101, e), CandidacyState::Running);
		assert_eq!(candidacy(102, e), CandidacyState::Ended);
		// The run-off: 101 wins 3 to 2.
		let poll = poll_of(run_off, None);
		vote(1, poll, &[0]);
		vote(3, poll, &[1]);
		vote(4, poll, &[1]);
		vote(5, poll, &[1]);
		vote(6, poll, &[0]);
		run_to(info.voting_end);
		assert_ok!(Elections::count(signed(ANYONE), run_off, size(run_off)));
		certify(run_off);
		assert_eq!(Holders::<Test>::get(MAYOR)[0].seat.who, 101);
		assert!(Holders::<Test>::get(MAYOR)[0].election == run_off);
		// The seat won in the run-off is the first round's candidacy's seat (promises made
		// at its nomination are followed through this term).
		let holder = &Holders::<Test>::get(MAYOR)[0];
		let mandate =
			Mandate { office: MAYOR, since: holder.since, until: holder.until, left: None };
		assert_eq!(candidacy(101, e), CandidacyState::Elected(mandate));
		assert_eq!(candidacy(100, e), CandidacyState::Ended);
		assert_eq!(Elections::portrait(102).elections, vec![(e, MAYOR, Standing::NotElected)]);
		assert_eq!(
			Elections::portrait(100).elections,
			vec![(e, MAYOR, Standing::InRunOff), (run_off, MAYOR, Standing::NotElected)]
		);
	});
}

#[test]
fn a_majority_in_the_first_round_elects_outright() {
	build_and_execute(|| {
		let e = scheduled(MAYOR, rules(Method::TwoRound));
		nominate_all(e, &[100, 101, 102]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		let poll = poll_of(e, None);
		vote(1, poll, &[2]);
		vote(2, poll, &[2]);
		vote(3, poll, &[0]);
		run_to(20);
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		certify(e);
		assert_eq!(winners(e), vec![102]);
		assert_eq!(Holders::<Test>::get(MAYOR)[0].seat.who, 102);
		assert_eq!(crate::NextElectionId::<Test>::get(), e + 1, "no run-off");
	});
}

#[test]
fn a_council_is_elected_by_approval() {
	build_and_execute(|| {
		let e = scheduled(COUNCIL, rules(Method::Approval));
		nominate_all(e, &[100, 101, 102, 103, 104]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		let poll = poll_of(e, None);
		let kind = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap().kind;
		assert_eq!(kind, pallet_veche_ballots::PollKind::Approval { options: 5, max: 3 });
		vote(1, poll, &[0, 1, 2]);
		vote(2, poll, &[1, 3]);
		vote(3, poll, &[3, 4]);
		vote(4, poll, &[1, 4]);
		run_to(20);
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		// 101: 3; 103 and 104: 2 each; 100 and 102: 1.
		assert_eq!(winners(e), vec![101, 103, 104]);
		certify(e);
		assert_eq!(Holders::<Test>::get(COUNCIL).len(), 3);
	});
}

#[test]
fn an_unopposed_candidate_is_elected_without_a_vote_and_an_empty_election_fails() {
	build_and_execute(|| {
		let e = scheduled(OTHER_MAYOR, rules(Method::Plurality));
		let empty = scheduled(GOVERNOR, rules(Method::Plurality));
		nominate_all(e, &[100]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		assert!(ElectionPolls::<Test>::get(e).is_empty());
		assert_eq!(StoredElections::<Test>::get(e).unwrap().stage, Stage::Counted);
		assert_ok!(Elections::certify(signed(ANYONE), e, size(e)));
		assert_eq!(Holders::<Test>::get(OTHER_MAYOR)[0].seat.who, 100);

		assert_ok!(Elections::open_voting(signed(ANYONE), empty, size(empty)));
		assert_eq!(StoredElections::<Test>::get(empty).unwrap().stage, Stage::Failed);
		assert!(events().contains(&Event::ElectionFailed { election: empty }));
		assert!(!Running::<Test>::contains_key(GOVERNOR));
		assert_noop!(
			Elections::count(signed(ANYONE), empty, size(empty)),
			Error::<Test>::WrongStage
		);
	});
}

#[test]
fn deposits_return_to_the_elected_and_to_a_fair_showing_and_the_rest_is_forfeited() {
	build_and_execute(|| {
		let e = scheduled(MAYOR, rules(Method::Plurality));
		nominate_all(e, &[100, 101, 102]);
		assert_eq!(Balances::free_balance(100), 10_000 - DEPOSIT);
		assert_noop!(
			Elections::release_deposit(signed(ANYONE), e, 100),
			Error::<Test>::NotCertified
		);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		let poll = poll_of(e, None);
		// 100: 5 of 6 votes; 101: 1 (a sixth, above the 10% rule); 102: none.
		for i in 1..=5 {
			vote(i, poll, &[0]);
		}
		vote(6, poll, &[1]);
		run_to(20);
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		certify(e);
		for who in [100, 101, 102] {
			assert_ok!(Elections::release_deposit(signed(ANYONE), e, who));
		}
		assert_eq!(Balances::free_balance(100), 10_000);
		assert_eq!(Balances::free_balance(101), 10_000);
		assert_eq!(Balances::free_balance(102), 10_000 - DEPOSIT);
		assert_eq!(Balances::free_balance(FORFEITS), DEPOSIT);
		// Settled once.
		assert_noop!(
			Elections::release_deposit(signed(ANYONE), e, 100),
			Error::<Test>::CandidacyNotFound
		);
	});
}

#[test]
fn a_resigned_mayor_leaves_a_by_election_for_the_rest_of_the_term() {
	build_and_execute(|| {
		let e = scheduled(OTHER_MAYOR, rules(Method::Plurality));
		nominate_all(e, &[100]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		assert_ok!(Elections::certify(signed(ANYONE), e, size(e)));
		let until = Holders::<Test>::get(OTHER_MAYOR)[0].until;
		run_to(30);
		assert_noop!(Elections::resign(signed(101), OTHER_MAYOR), Error::<Test>::NotAHolder);
		assert_ok!(Elections::resign(signed(100), OTHER_MAYOR));
		assert!(Holders::<Test>::get(OTHER_MAYOR).is_empty());
		assert_eq!(Records::<Test>::get(100)[0].left, Some(30));
		let by = e + 1;
		let info = StoredElections::<Test>::get(by).unwrap();
		assert_eq!(info.kind, ElectionKind::ByElection);
		assert_eq!(info.term_end, Some(until));
		assert_eq!(info.voting_start, 35);
		// The by-election fills the seat until the old term's end.
		nominate_all(by, &[101]);
		run_to(35);
		assert_ok!(Elections::open_voting(signed(ANYONE), by, size(by)));
		assert_ok!(Elections::certify(signed(ANYONE), by, size(by)));
		let holder = &Holders::<Test>::get(OTHER_MAYOR)[0];
		assert_eq!((holder.seat.who, holder.until), (101, until));
	});
}

#[test]
fn a_court_removes_a_holder_and_only_the_court() {
	build_and_execute(|| {
		let e = scheduled(OTHER_MAYOR, rules(Method::Plurality));
		nominate_all(e, &[100]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		assert_ok!(Elections::certify(signed(ANYONE), e, size(e)));
		assert_noop!(
			Elections::remove_holder(signed(ANYONE), OTHER_MAYOR, 100, [1; 32]),
			BadOrigin
		);
		assert_ok!(Elections::remove_holder(signed(COURT), OTHER_MAYOR, 100, [1; 32]));
		assert!(events().contains(&Event::SeatVacated {
			office: OTHER_MAYOR,
			who: 100,
			seat: Seat { who: 100, constituency: OTHER_TOWN, list: None },
			resigned: false,
			reason: Some([1; 32]),
		}));
	});
}

#[test]
fn a_by_election_takes_no_seat_a_regular_election_has_filled_meanwhile() {
	build_and_execute(|| {
		let first = scheduled(OTHER_MAYOR, rules(Method::Plurality));
		nominate_all(first, &[100]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), first, size(first)));
		assert_ok!(Elections::certify(signed(ANYONE), first, size(first)));
		// The mayor resigns: a by-election opens; the commission also schedules the regular one.
		assert_ok!(Elections::resign(signed(100), OTHER_MAYOR));
		let by = first + 1;
		assert_ok!(Elections::schedule(signed(COMMISSION), OTHER_MAYOR, 15));
		let regular = by + 1;
		nominate_all(by, &[101]);
		nominate_all(regular, &[102]);
		run_to(15);
		assert_ok!(Elections::open_voting(signed(ANYONE), regular, size(regular)));
		assert_ok!(Elections::certify(signed(ANYONE), regular, size(regular)));
		assert_ok!(Elections::open_voting(signed(ANYONE), by, size(by)));
		assert_ok!(Elections::certify(signed(ANYONE), by, size(by)));
		// One seat, one holder: the regular election's.
		let holders = Holders::<Test>::get(OTHER_MAYOR);
		assert_eq!(holders.iter().map(|h| h.seat.who).collect::<Vec<_>>(), vec![102]);
		assert!(winners(by).is_empty());
		assert_eq!(
			Elections::portrait(101).elections,
			vec![(by, OTHER_MAYOR, Standing::NotElected)]
		);
	});
}
