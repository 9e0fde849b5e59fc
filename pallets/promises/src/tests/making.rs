//! Making, withdrawing and clearing promises.

use super::*;

#[test]
fn a_candidate_makes_a_promise_while_nominating_and_its_deposit_is_held() {
	run(|| {
		let id = make();
		assert_eq!(id, 0);
		let p = Stored::<Test>::get(id).unwrap();
		assert_eq!(
			(p.maker, p.election, p.status, p.progress),
			(CANDIDATE, ELECTION, PromiseStatus::NotYetRated, 0)
		);
		assert_eq!(p.deposit, DEPOSIT);
		assert_eq!(held(CANDIDATE), DEPOSIT);
		assert_eq!(ByCandidacy::<Test>::get(CANDIDATE, ELECTION).into_inner(), vec![id]);
		assert_eq!(History::<Test>::get(id, 0).unwrap().change, Change::Made);
		assert_eq!(
			last_event(),
			Event::PromiseMade {
				promise: id,
				maker: CANDIDATE,
				election: ELECTION,
				title: title("Pave the school road"),
				content: [1; 32],
				sphere: PolicySphere::Transport,
				deadline: None,
				parent: None,
				deposit: DEPOSIT,
			}
		);
	});
}

#[test]
fn only_a_nominating_candidate_makes_promises() {
	run(|| {
		let call = |who| {
			Promises::make(
				signed(who),
				ELECTION,
				title("x"),
				[0; 32],
				PolicySphere::Health,
				None,
				None,
			)
		};
		assert_noop!(call(ANYONE), Error::<Test>::NotNominating);
		for state in [CandidacyState::Running, CandidacyState::Ended] {
			set_candidacy(CANDIDATE, ELECTION, state);
			assert_noop!(call(CANDIDATE), Error::<Test>::NotNominating);
		}
		// Elected: the programme is fixed once nominations close.
		elect(CANDIDATE, ELECTION, 100);
		assert_noop!(call(CANDIDATE), Error::<Test>::NotNominating);
		assert_noop!(
			Promises::make(
				RuntimeOrigin::none(),
				ELECTION,
				title("x"),
				[0; 32],
				PolicySphere::Health,
				None,
				None
			),
			BadOrigin
		);
	});
}

#[test]
fn bad_promises_are_refused_with_their_reason() {
	run(|| {
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Nominating);
		let call = |t: &str, deadline, parent| {
			Promises::make(
				signed(CANDIDATE),
				ELECTION,
				title(t),
				[0; 32],
				PolicySphere::Health,
				deadline,
				parent,
			)
		};
		assert_noop!(call("", None, None), Error::<Test>::EmptyTitle);
		System::set_block_number(10);
		assert_noop!(call("x", Some(10), None), Error::<Test>::DeadlineInPast);
		assert_noop!(call("x", Some(9), None), Error::<Test>::DeadlineInPast);
		assert_noop!(call("x", None, Some(5)), Error::<Test>::ParentNotFound);
		// Another candidate's promise is no parent.
		set_candidacy(RIVAL, ELECTION, CandidacyState::Nominating);
		assert_ok!(Promises::make(
			signed(RIVAL),
			ELECTION,
			title("r"),
			[0; 32],
			PolicySphere::Health,
			None,
			None
		));
		assert_noop!(call("x", None, Some(0)), Error::<Test>::ParentMismatch);
		// A part has no parts.
		let whole = make_with(Some(11), None);
		let part = make_with(None, Some(whole));
		assert_eq!(Stored::<Test>::get(whole).unwrap().parts, 1);
		assert_noop!(call("x", None, Some(part)), Error::<Test>::ParentTooDeep);
		// A candidate's own promise of another election is no parent either.
		set_candidacy(CANDIDATE, ELECTION + 1, CandidacyState::Nominating);
		assert_noop!(
			Promises::make(
				signed(CANDIDATE),
				ELECTION + 1,
				title("x"),
				[0; 32],
				PolicySphere::Health,
				None,
				Some(whole)
			),
			Error::<Test>::ParentMismatch
		);
	});
}

#[test]
fn a_candidacy_makes_at_most_max_promises() {
	run(|| {
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Nominating);
		for _ in 0..MAX_PROMISES {
			make_with(None, None);
		}
		assert_eq!(held(CANDIDATE), DEPOSIT * u64::from(MAX_PROMISES));
		assert_noop!(
			Promises::make(
				signed(CANDIDATE),
				ELECTION,
				title("x"),
				[0; 32],
				PolicySphere::Health,
				None,
				None
			),
			Error::<Test>::TooManyPromises
		);
		// Another candidacy has its own bound.
		set_candidacy(CANDIDATE, ELECTION + 1, CandidacyState::Nominating);
		assert_ok!(Promises::make(
			signed(CANDIDATE),
			ELECTION + 1,
			title("x"),
			[0; 32],
			PolicySphere::Health,
			None,
			None
		));
	});
}

#[test]
fn a_candidate_without_funds_for_the_deposit_makes_no_promise() {
	run(|| {
		set_candidacy(5, ELECTION, CandidacyState::Nominating);
		assert_noop!(
			Promises::make(
				signed(5),
				ELECTION,
				title("x"),
				[0; 32],
				PolicySphere::Health,
				None,
				None
			),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn a_promise_is_withdrawn_only_by_its_maker_before_nominations_close() {
	run(|| {
		let whole = make();
		let part = make_with(None, Some(whole));
		assert_noop!(Promises::withdraw(signed(RIVAL), part), Error::<Test>::NotMaker);
		assert_noop!(Promises::withdraw(signed(CANDIDATE), 9), Error::<Test>::PromiseNotFound);
		assert_noop!(Promises::withdraw(signed(CANDIDATE), whole), Error::<Test>::HasParts);
		assert_ok!(Promises::withdraw(signed(CANDIDATE), part));
		assert_eq!(last_event(), Event::PromiseWithdrawn { promise: part, maker: CANDIDATE });
		assert!(Stored::<Test>::get(part).is_none() && History::<Test>::get(part, 0).is_none());
		assert_eq!(Stored::<Test>::get(whole).unwrap().parts, 0);
		assert_eq!(held(CANDIDATE), DEPOSIT);
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Running);
		assert_noop!(Promises::withdraw(signed(CANDIDATE), whole), Error::<Test>::NotNominating);
	});
}

#[test]
fn withdrawing_a_candidacys_only_promise_leaves_no_empty_list() {
	run(|| {
		let id = make();
		assert_ok!(Promises::withdraw(signed(CANDIDATE), id));
		assert!(!ByCandidacy::<Test>::contains_key(CANDIDATE, ELECTION));
		assert_eq!(held(CANDIDATE), 0);
	});
}

#[test]
fn promises_of_a_candidacy_that_ended_without_a_seat_are_cleared_and_deposits_returned() {
	run(|| {
		let whole = make();
		let part = make_with(Some(50), Some(whole));
		assert_noop!(
			Promises::clear(signed(CANDIDATE), ELECTION),
			Error::<Test>::CandidacyNotEnded
		);
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Running);
		assert_noop!(
			Promises::clear(signed(CANDIDATE), ELECTION),
			Error::<Test>::CandidacyNotEnded
		);
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Ended);
		assert_noop!(Promises::clear(signed(RIVAL), ELECTION), Error::<Test>::CandidacyNotEnded);
		set_candidacy(RIVAL, ELECTION, CandidacyState::Ended);
		assert_noop!(Promises::clear(signed(RIVAL), ELECTION), Error::<Test>::NoPromises);
		assert_ok!(Promises::clear(signed(CANDIDATE), ELECTION));
		assert_eq!(
			last_event(),
			Event::PromisesCleared {
				maker: CANDIDATE,
				election: ELECTION,
				promises: BoundedVec::truncate_from(vec![whole, part]),
				released: 2 * DEPOSIT,
			}
		);
		assert_eq!(held(CANDIDATE), 0);
		assert!(Stored::<Test>::get(whole).is_none() && Stored::<Test>::get(part).is_none());
		assert!(!ByCandidacy::<Test>::contains_key(CANDIDATE, ELECTION));
	});
}

#[test]
fn promises_that_were_reported_on_are_never_cleared() {
	run(|| {
		let id = elected_promise();
		assert_ok!(Promises::report_progress(signed(CANDIDATE), id, 10, title("Tender"), [2; 32]));
		// Say the seat's record fell out of the bounded record of service.
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Ended);
		assert_noop!(Promises::clear(signed(CANDIDATE), ELECTION), Error::<Test>::PromisesOnRecord);
	});
}

#[test]
fn the_portrait_lists_a_persons_promises_with_their_status_and_overdue_flag() {
	run(|| {
		make();
		let late = make_with(Some(30), None);
		set_candidacy(CANDIDATE, ELECTION + 3, CandidacyState::Nominating);
		assert_ok!(Promises::make(
			signed(CANDIDATE),
			ELECTION + 3,
			title("x"),
			[0; 32],
			PolicySphere::Budget,
			Some(500),
			None
		));
		let book = <crate::Pallet<Test> as PromiseBook<u64>>::promises_of(&CANDIDATE);
		assert_eq!(book.iter().map(|s| s.id).collect::<Vec<_>>(), vec![0, 1, 2]);
		assert!(book.iter().all(|s| !s.overdue));
		System::set_block_number(30);
		let book = <crate::Pallet<Test> as PromiseBook<u64>>::promises_of(&CANDIDATE);
		assert_eq!(book.iter().filter(|s| s.overdue).map(|s| s.id).collect::<Vec<_>>(), vec![late]);
		assert_eq!(book[2].sphere, PolicySphere::Budget);
		assert_eq!(book[2].election, ELECTION + 3);
		assert!(<crate::Pallet<Test> as PromiseBook<u64>>::promises_of(&RIVAL).is_empty());
	});
}
