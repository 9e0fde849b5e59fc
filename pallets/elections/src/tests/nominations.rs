//! Rules, scheduling, nominations and withdrawals: every bad input refused with its error.

use super::*;

#[test]
fn rules_that_do_not_fit_the_office_are_refused() {
	build_and_execute(|| {
		let set = |office, r| Elections::set_rules(signed(COMMISSION), office, r);
		assert_noop!(
			Elections::set_rules(signed(ANYONE), MAYOR, rules(Method::Plurality)),
			BadOrigin
		);
		assert_noop!(set(77, rules(Method::Plurality)), Error::<Test>::OfficeNotFound);
		// Plurality and two rounds fill one seat; the council has three.
		assert_noop!(set(COUNCIL, rules(Method::Plurality)), Error::<Test>::InvalidRules);
		assert_noop!(set(COUNCIL, rules(Method::TwoRound)), Error::<Test>::InvalidRules);
		let mut zero_term = rules(Method::Plurality);
		zero_term.term = 0;
		assert_noop!(set(MAYOR, zero_term), Error::<Test>::InvalidRules);
		let lists = |constituencies: Vec<u32>, min_seats| {
			rules(Method::PartyList(ListRules {
				constituencies: BoundedVec::truncate_from(constituencies),
				min_seats,
				divisor: Divisor::SainteLague,
				threshold: Perbill::zero(),
				preferences: 1,
			}))
		};
		// Unsorted, outside the office's unit, nested, or minimums beyond the seats.
		assert_noop!(set(PARLIAMENT, lists(vec![POLAND, GERMANY], 1)), Error::<Test>::InvalidRules);
		assert_noop!(set(COUNCIL, lists(vec![OTHER_TOWN], 1)), Error::<Test>::InvalidRules);
		assert_noop!(set(PARLIAMENT, lists(vec![REGION, TOWN], 1)), Error::<Test>::InvalidRules);
		assert_noop!(set(PARLIAMENT, lists(vec![GERMANY, POLAND], 6)), Error::<Test>::InvalidRules);
		assert_noop!(set(PARLIAMENT, lists(vec![], 0)), Error::<Test>::InvalidRules);
		assert_ok!(set(PARLIAMENT, lists(vec![GERMANY, POLAND], 5)));
	});
}

#[test]
fn elections_are_scheduled_by_the_commission_one_at_a_time_with_time_to_nominate() {
	build_and_execute(|| {
		assert_noop!(
			Elections::schedule(signed(COMMISSION), MAYOR, 10),
			Error::<Test>::RulesNotFound
		);
		assert_ok!(Elections::set_rules(signed(COMMISSION), MAYOR, rules(Method::Plurality)));
		assert_noop!(Elections::schedule(signed(ANYONE), MAYOR, 10), BadOrigin);
		// Nominations last at least 5 blocks: from block 1, voting starts at 6 at the earliest.
		assert_noop!(
			Elections::schedule(signed(COMMISSION), MAYOR, 5),
			Error::<Test>::NominationTooShort
		);
		assert_ok!(Elections::schedule(signed(COMMISSION), MAYOR, 6));
		assert_noop!(
			Elections::schedule(signed(COMMISSION), MAYOR, 20),
			Error::<Test>::ElectionAlreadyRunning
		);
		assert_noop!(
			Elections::schedule(signed(COMMISSION), 77, 20),
			Error::<Test>::OfficeNotFound
		);
	});
}

#[test]
fn only_identified_people_nominate_once_each_while_nominations_are_open() {
	build_and_execute(|| {
		let e = scheduled(MAYOR, rules(Method::Plurality));
		assert_noop!(
			Elections::nominate(signed(UNIDENTIFIED), e, None),
			Error::<Test>::NotIdentified
		);
		assert_noop!(
			Elections::nominate(signed(100), e + 1, None),
			Error::<Test>::ElectionNotFound
		);
		assert_noop!(
			Elections::nominate(signed(100), e, Some((0, GERMANY))),
			Error::<Test>::ListMismatch
		);
		assert_ok!(Elections::nominate(signed(100), e, None));
		assert_noop!(
			Elections::nominate(signed(100), e, None),
			Error::<Test>::CandidacyAlreadyExists
		);
		// An identified account without funds for the deposit.
		assert!(Elections::nominate(signed(150), e, None).is_err());
		assert!(!Candidacies::<Test>::contains_key(e, 150));
		run_to(10);
		assert_noop!(Elections::nominate(signed(101), e, None), Error::<Test>::NominationClosed);
		assert_noop!(Elections::withdraw(signed(100), e), Error::<Test>::NominationClosed);
	});
}

#[test]
fn a_withdrawal_returns_the_deposit_and_takes_the_name_off_the_ballot() {
	build_and_execute(|| {
		let e = scheduled(MAYOR, rules(Method::Plurality));
		nominate_all(e, &[100, 101, 102]);
		assert_noop!(Elections::withdraw(signed(103), e), Error::<Test>::CandidacyNotFound);
		assert_ok!(Elections::withdraw(signed(101), e));
		assert_eq!(Balances::free_balance(101), 10_000);
		assert_eq!(crate::Options::<Test>::get(e).to_vec(), vec![100, 102]);
		assert_eq!(StoredElections::<Test>::get(e).unwrap().candidates, 2);
		assert_eq!(Elections::portrait(101).elections, vec![(e, MAYOR, Standing::Withdrawn)]);
		assert_eq!(candidacy(101, e), CandidacyState::Ended);
		assert_eq!(candidacy(100, e), CandidacyState::Nominating);
	});
}

#[test]
fn promotion_by_record_needs_a_full_term_at_a_lower_level() {
	build_and_execute(|| {
		let mut governor_rules = rules(Method::Plurality);
		governor_rules.promotion = true;
		let schedule_governor = |voting_start| {
			assert_ok!(Elections::schedule(signed(COMMISSION), GOVERNOR, voting_start));
			crate::NextElectionId::<Test>::get() - 1
		};
		assert_ok!(Elections::set_rules(signed(COMMISSION), GOVERNOR, governor_rules));
		let first = schedule_governor(10);
		assert_noop!(Elections::nominate(signed(100), first, None), Error::<Test>::RecordRequired);
		// 100 becomes mayor of town 3 (a municipality, below a region) unopposed, until 110.
		let mayor = scheduled(OTHER_MAYOR, rules(Method::Plurality));
		nominate_all(mayor, &[100]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), mayor, size(mayor)));
		assert_ok!(Elections::certify(signed(ANYONE), mayor, size(mayor)));
		assert_ok!(Elections::open_voting(signed(ANYONE), first, size(first)));
		// A term begun is not a term served.
		let second = schedule_governor(20);
		assert_noop!(Elections::nominate(signed(100), second, None), Error::<Test>::RecordRequired);
		run_to(20);
		assert_ok!(Elections::open_voting(signed(ANYONE), second, size(second)));
		run_to(110);
		let third = schedule_governor(120);
		assert_ok!(Elections::nominate(signed(100), third, None));
	});
}
