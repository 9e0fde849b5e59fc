//! The diaspora parliament: seats to constituencies by registered persons, party lists with
//! preference votes, a threshold, D'Hondt, lists shorter than their share, exclusions on
//! appeal, and vacated list seats.

use super::*;

const AGENT_A: u64 = 120;
const AGENT_B: u64 = 121;
const AGENT_C: u64 = 122;

/// A parliament election with lists A, B and C: in Germany A puts up 100–104 and B 105–106, C
/// 107; in Poland A 108–109, B 110–111; in Georgia A 112, B 113.
fn parliament(threshold: Perbill) -> ElectionId {
	let e = scheduled(PARLIAMENT, list_rules(threshold));
	for (agent, name) in [(AGENT_A, b"A"), (AGENT_B, b"B"), (AGENT_C, b"C")] {
		assert_ok!(Elections::register_list(
			signed(agent),
			e,
			BoundedVec::truncate_from(name.to_vec())
		));
	}
	let slate: [(u8, JurisdictionId, &[u64]); 7] = [
		(0, GERMANY, &[100, 101, 102, 103, 104]),
		(1, GERMANY, &[105, 106]),
		(2, GERMANY, &[107]),
		(0, POLAND, &[108, 109]),
		(1, POLAND, &[110, 111]),
		(0, GEORGIA, &[112]),
		(1, GEORGIA, &[113]),
	];
	for (list, constituency, candidates) in slate {
		let agent = [AGENT_A, AGENT_B, AGENT_C][list as usize];
		for c in candidates {
			assert_ok!(Elections::nominate(signed(*c), e, Some((list, constituency))));
			assert_ok!(Elections::endorse(signed(agent), e, *c));
		}
	}
	e
}

/// Germany (voters 9–12): A 2 (both preferring place 2), B 2; Poland (13, 14): A 1 (preferring
/// both its candidates), B 1; Georgia (15): B 1.
fn vote_parliament(e: ElectionId) {
	run_to(10);
	assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
	let (de, pl, ge) =
		(poll_of(e, Some(GERMANY)), poll_of(e, Some(POLAND)), poll_of(e, Some(GEORGIA)));
	vote(9, de, &[0, 2]);
	vote(10, de, &[0, 2]);
	vote(11, de, &[1, 1]);
	vote(12, de, &[1]);
	vote(13, pl, &[1]);
	vote(14, pl, &[0, 0, 1]);
	vote(15, ge, &[1, 0]);
	run_to(System::block_number().max(20));
}

fn seat(who: u64, constituency: JurisdictionId, list: u8) -> Seat<u64> {
	Seat { who, constituency, list: Some(list) }
}

#[test]
fn seats_go_to_constituencies_by_registered_persons_with_a_minimum_each() {
	build_and_execute(|| {
		let e = parliament(Perbill::zero());
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		// 4, 2 and 1 registered persons, 10 seats, at least 1 each, Sainte-Laguë: after the
		// minimums Germany takes 5 of the 7 left (quotients 4/3, 4/5, 4/7, 4/9, 4/11), Poland 2
		// (2/3, 2/5).
		assert_eq!(Apportionments::<Test>::get(e).to_vec(), vec![6, 3, 1]);
		assert_eq!(ElectionPolls::<Test>::get(e).len(), 3);
		let poll = poll_of(e, Some(GERMANY));
		assert_eq!(
			pallet_veche_ballots::PollLists::<Test>::get(poll).unwrap().to_vec(),
			vec![5, 2, 1]
		);
	});
}

#[test]
fn lists_win_seats_by_dhondt_and_candidates_by_preferences() {
	build_and_execute(|| {
		let e = parliament(Perbill::from_percent(10));
		vote_parliament(e);
		// The caller pays for the size it declares; a declared size below the election's is
		// refused, so that nobody counts a large election at a small one's price.
		let small = crate::ElectionSize { constituencies: 3, lists: 2, seats: 10 };
		assert_noop!(Elections::count(signed(ANYONE), e, small), Error::<Test>::SizeTooSmall);
		assert_eq!(size(e), crate::ElectionSize { constituencies: 3, lists: 3, seats: 10 });
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		// Germany, 6 seats: A 2 and B 2 votes; B has only 2 candidates, so A takes 4. A's
		// preferences put place 2 (102) first, then the list's order; B's put 106 first.
		// Poland, 3 seats: A 1, B 1: A, B, A. A's preferences: 108 and 109 tie, list order.
		// Georgia, 1 seat: B. C, without a vote, is below the threshold.
		assert_eq!(
			Outcomes::<Test>::get(e).unwrap().to_vec(),
			vec![
				seat(102, GERMANY, 0),
				seat(100, GERMANY, 0),
				seat(101, GERMANY, 0),
				seat(103, GERMANY, 0),
				seat(106, GERMANY, 1),
				seat(105, GERMANY, 1),
				seat(108, POLAND, 0),
				seat(109, POLAND, 0),
				seat(110, POLAND, 1),
				seat(113, GEORGIA, 1),
			]
		);
		certify(e);
		assert_eq!(Holders::<Test>::get(PARLIAMENT).len(), 10);
		assert_eq!(Reserves::<Test>::get((e, GERMANY, 0)).to_vec(), vec![104]);
		assert_eq!(Reserves::<Test>::get((e, POLAND, 1)).to_vec(), vec![111]);
	});
}

#[test]
fn an_exclusion_on_appeal_moves_seats_and_the_count_follows_it() {
	build_and_execute(|| {
		let e = parliament(Perbill::from_percent(40));
		vote_parliament(e);
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		assert_eq!(winners(e).len(), 10);
		// Fraud proven in Germany: its ballots no longer count. A keeps 1 of the 4 remaining
		// list votes, 25%, below the 40% threshold: Poland's three seats all go to B, which has
		// two candidates; the third stays empty, as do Germany's six.
		let de = poll_of(e, Some(GERMANY));
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), de, GERMANY, [9; 32]));
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		assert_eq!(
			Outcomes::<Test>::get(e).unwrap().to_vec(),
			vec![seat(110, POLAND, 1), seat(111, POLAND, 1), seat(113, GEORGIA, 1)]
		);
		certify(e);
		assert_eq!(Holders::<Test>::get(PARLIAMENT).len(), 3);
		// A without a seat keeps its deposit with 25% of the list votes (the rule asks 10%);
		// C, without a vote, forfeits it.
		assert_ok!(Elections::release_list_deposit(signed(ANYONE), e, 0));
		assert_eq!(Balances::free_balance(AGENT_A), 10_000);
		assert_ok!(Elections::release_list_deposit(signed(ANYONE), e, 1));
		assert_eq!(Balances::free_balance(AGENT_B), 10_000);
		assert_ok!(Elections::release_list_deposit(signed(ANYONE), e, 2));
		assert_eq!(Balances::free_balance(AGENT_C), 10_000 - LIST_DEPOSIT);
		assert_eq!(Balances::free_balance(FORFEITS), LIST_DEPOSIT);
		assert_noop!(
			Elections::release_list_deposit(signed(ANYONE), e, 1),
			Error::<Test>::ListNotFound
		);
	});
}

#[test]
fn a_vacated_list_seat_goes_to_the_next_candidate_of_the_list() {
	build_and_execute(|| {
		let e = parliament(Perbill::from_percent(10));
		vote_parliament(e);
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		certify(e);
		// Not seated on the count: the candidacy ended…
		assert_eq!(candidacy(104, e), CandidacyState::Ended);
		assert_ok!(Elections::resign(signed(102), PARLIAMENT));
		// …until the list passes them the seat: the same election's seat.
		assert!(
			matches!(candidacy(104, e), CandidacyState::Elected(m) if m.serving(System::block_number()))
		);
		assert!(matches!(candidacy(102, e), CandidacyState::Elected(m) if m.left.is_some()));
		assert!(events().iter().any(|ev| matches!(
			ev,
			Event::SeatPassedOn { office: PARLIAMENT, seat, .. } if *seat == seat_of(104)
		)));
		let holders = Holders::<Test>::get(PARLIAMENT);
		assert_eq!(holders.len(), 10);
		assert!(holders.iter().any(|h| h.seat == seat_of(104)));
		assert!(Reserves::<Test>::get((e, GERMANY, 0)).is_empty());
		// The list is exhausted: the next vacancy of A in Germany goes to a by-election.
		let next = crate::NextElectionId::<Test>::get();
		assert_ok!(Elections::resign(signed(100), PARLIAMENT));
		assert_eq!(Holders::<Test>::get(PARLIAMENT).len(), 9);
		assert_eq!(StoredElections::<Test>::get(next).unwrap().kind, ElectionKind::ByElection);
	});
}

fn seat_of(who: u64) -> Seat<u64> {
	seat(who, GERMANY, 0)
}

#[test]
fn only_a_list_s_agent_endorses_and_list_candidates_name_a_list() {
	build_and_execute(|| {
		let e = scheduled(PARLIAMENT, list_rules(Perbill::zero()));
		let name = |n: &[u8]| BoundedVec::truncate_from(n.to_vec());
		assert_noop!(
			Elections::register_list(signed(UNIDENTIFIED), e, name(b"X")),
			Error::<Test>::NotIdentified
		);
		assert_noop!(
			Elections::register_list(signed(AGENT_A), e, name(b"")),
			Error::<Test>::InvalidName
		);
		assert_ok!(Elections::register_list(signed(AGENT_A), e, name(b"A")));
		assert_noop!(Elections::nominate(signed(100), e, None), Error::<Test>::ListMismatch);
		assert_noop!(
			Elections::nominate(signed(100), e, Some((1, GERMANY))),
			Error::<Test>::ListNotFound
		);
		assert_noop!(
			Elections::nominate(signed(100), e, Some((0, TOWN))),
			Error::<Test>::ConstituencyNotFound
		);
		assert_ok!(Elections::nominate(signed(100), e, Some((0, GERMANY))));
		assert_noop!(Elections::endorse(signed(AGENT_B), e, 100), Error::<Test>::NotAuthorized);
		assert_noop!(Elections::endorse(signed(AGENT_A), e, 101), Error::<Test>::CandidacyNotFound);
		assert_ok!(Elections::endorse(signed(AGENT_A), e, 100));
		assert_noop!(Elections::endorse(signed(AGENT_A), e, 100), Error::<Test>::AlreadyEndorsed);
		// Lists only in list elections.
		let mayor = scheduled(MAYOR, rules(Method::Plurality));
		assert_noop!(
			Elections::register_list(signed(AGENT_A), mayor, name(b"A")),
			Error::<Test>::NotAListElection
		);
		// An unendorsed candidate is not on the ballot.
		assert_ok!(Elections::nominate(signed(101), e, Some((0, GERMANY))));
		assert_eq!(StoredElections::<Test>::get(e).unwrap().candidates, 1);
		assert_eq!(Lists::<Test>::get(e).len(), 1);
	});
}
