//! Following promises through the term: progress, ratings, verdicts, appeals, the record.

use super::*;

#[test]
fn the_officeholder_reports_progress_and_the_promise_is_in_the_works() {
	run(|| {
		let id = elected_promise();
		assert_ok!(Promises::report_progress(
			signed(CANDIDATE),
			id,
			40,
			title("Tender won"),
			[2; 32]
		));
		let p = Stored::<Test>::get(id).unwrap();
		assert_eq!((p.status, p.progress, p.history), (PromiseStatus::InTheWorks, 40, 2));
		assert_eq!(
			last_event(),
			Event::ProgressReported {
				promise: id,
				maker: CANDIDATE,
				progress: 40,
				milestone: title("Tender won"),
				evidence: [2; 32],
				status: PromiseStatus::InTheWorks,
			}
		);
		let entry = History::<Test>::get(id, 1).unwrap();
		assert_eq!((entry.at, entry.by), (1, Some(CANDIDATE)));
		// An auditor's "stalled" is not undone by the officeholder's own report.
		assert_ok!(Promises::rate(signed(AUDITOR), id, PromiseStatus::Stalled, [3; 32]));
		assert_ok!(Promises::report_progress(signed(CANDIDATE), id, 50, title("Resumed"), [4; 32]));
		assert_eq!(status(id), PromiseStatus::Stalled);
		assert_eq!(Stored::<Test>::get(id).unwrap().progress, 50);
	});
}

#[test]
fn progress_is_reported_only_by_the_maker_while_serving() {
	run(|| {
		let id = make();
		let report = |who| Promises::report_progress(signed(who), id, 10, title("m"), [0; 32]);
		// Not elected (yet).
		assert_noop!(report(CANDIDATE), Error::<Test>::NotServing);
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Running);
		assert_noop!(report(CANDIDATE), Error::<Test>::NotServing);
		elect(CANDIDATE, ELECTION, 100);
		assert_noop!(report(RIVAL), Error::<Test>::NotMaker);
		assert_noop!(
			Promises::report_progress(signed(CANDIDATE), 9, 10, title("m"), [0; 32]),
			Error::<Test>::PromiseNotFound
		);
		assert_noop!(
			Promises::report_progress(signed(CANDIDATE), id, 101, title("m"), [0; 32]),
			Error::<Test>::InvalidProgress
		);
		assert_noop!(
			Promises::report_progress(signed(CANDIDATE), id, 10, title(""), [0; 32]),
			Error::<Test>::EmptyTitle
		);
		// The term is over.
		System::set_block_number(100);
		assert_noop!(report(CANDIDATE), Error::<Test>::NotServing);
		// Left early.
		System::set_block_number(50);
		set_candidacy(
			CANDIDATE,
			ELECTION,
			CandidacyState::Elected(pallet_veche_primitives::Mandate {
				office: 0,
				since: 1,
				until: 100,
				left: Some(40),
			}),
		);
		assert_noop!(report(CANDIDATE), Error::<Test>::NotServing);
	});
}

#[test]
fn an_accredited_auditor_rates_and_a_verdict_returns_the_deposit_and_enters_the_record() {
	run(|| {
		let id = elected_promise();
		assert_ok!(Promises::rate(signed(AUDITOR), id, PromiseStatus::InTheWorks, [3; 32]));
		assert_eq!(held(CANDIDATE), DEPOSIT);
		assert_eq!(
			last_event(),
			Event::PromiseRated {
				promise: id,
				auditor: AUDITOR,
				status: PromiseStatus::InTheWorks,
				report: [3; 32],
				released: 0
			}
		);
		System::set_block_number(5);
		assert_ok!(Promises::rate(signed(AUDITOR), id, PromiseStatus::Kept, [4; 32]));
		let p = Stored::<Test>::get(id).unwrap();
		assert_eq!((p.status, p.verdict_at, p.deposit), (PromiseStatus::Kept, Some(5), 0));
		assert_eq!(held(CANDIDATE), 0);
		assert_eq!(Records::<Test>::get(CANDIDATE), Verdicts { kept: 1, compromise: 0, broken: 0 });
		assert_eq!(
			History::<Test>::get(id, 2).unwrap().change,
			Change::Rated { status: PromiseStatus::Kept, report: [4; 32] }
		);
		// A verdict is changed only on appeal.
		assert_noop!(
			Promises::rate(signed(AUDITOR), id, PromiseStatus::Broken, [5; 32]),
			Error::<Test>::AlreadyDecided
		);
		assert_noop!(
			Promises::report_progress(signed(CANDIDATE), id, 100, title("done"), [5; 32]),
			Error::<Test>::AlreadyDecided
		);
	});
}

#[test]
fn ratings_come_only_from_accredited_identified_auditors_without_a_stake() {
	run(|| {
		let id = elected_promise();
		let rate = |who| Promises::rate(signed(who), id, PromiseStatus::Broken, [0; 32]);
		assert_noop!(rate(ANYONE), Error::<Test>::NotAnAuditor);
		// The maker, even accredited, never rates their own promise.
		assert_ok!(Promises::accredit(signed(GOVERNANCE), CANDIDATE));
		assert_noop!(rate(CANDIDATE), Error::<Test>::OwnPromise);
		// A rival of the same election never rates it.
		assert_ok!(Promises::revoke(signed(GOVERNANCE), CANDIDATE));
		assert_ok!(Promises::accredit(signed(GOVERNANCE), RIVAL));
		set_candidacy(RIVAL, ELECTION, CandidacyState::Ended);
		assert_noop!(rate(RIVAL), Error::<Test>::ConflictOfInterest);
		// An auditor who lost their identity judgement stops rating.
		assert_ok!(Promises::revoke(signed(GOVERNANCE), RIVAL));
		crate::Auditors::<Test>::insert(UNIDENTIFIED, 1);
		crate::AuditorCount::<Test>::mutate(|c| *c += 1);
		assert_noop!(rate(UNIDENTIFIED), Error::<Test>::NotIdentified);
		assert_noop!(
			Promises::rate(signed(AUDITOR), id, PromiseStatus::NotYetRated, [0; 32]),
			Error::<Test>::InvalidStatus
		);
		assert_noop!(
			Promises::rate(signed(AUDITOR), 9, PromiseStatus::Kept, [0; 32]),
			Error::<Test>::PromiseNotFound
		);
	});
}

#[test]
fn only_promises_of_elected_candidates_are_rated() {
	run(|| {
		let id = make();
		let rate = || Promises::rate(signed(AUDITOR), id, PromiseStatus::Broken, [0; 32]);
		assert_noop!(rate(), Error::<Test>::MakerNotElected);
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Ended);
		assert_noop!(rate(), Error::<Test>::MakerNotElected);
		// After the term the record is still rated.
		elect(CANDIDATE, ELECTION, 5);
		System::set_block_number(10);
		assert_ok!(rate());
	});
}

#[test]
fn a_verdict_is_appealed_within_the_window_and_the_commission_decides_finally() {
	run(|| {
		let id = elected_promise();
		assert_noop!(Promises::appeal(signed(CANDIDATE), id, [6; 32]), Error::<Test>::NoVerdict);
		assert_ok!(Promises::rate(signed(AUDITOR), id, PromiseStatus::Broken, [4; 32]));
		assert_noop!(Promises::appeal(signed(RIVAL), id, [6; 32]), Error::<Test>::NotMaker);
		assert_noop!(
			Promises::decide_appeal(signed(COMMISSION), id, PromiseStatus::Kept, [7; 32]),
			Error::<Test>::NoPendingAppeal
		);
		assert_ok!(Promises::appeal(signed(CANDIDATE), id, [6; 32]));
		assert_eq!(
			last_event(),
			Event::VerdictAppealed { promise: id, maker: CANDIDATE, grounds: [6; 32] }
		);
		assert_noop!(
			Promises::appeal(signed(CANDIDATE), id, [6; 32]),
			Error::<Test>::AlreadyAppealed
		);
		assert_noop!(
			Promises::decide_appeal(signed(AUDITOR), id, PromiseStatus::Kept, [7; 32]),
			BadOrigin
		);
		assert_noop!(
			Promises::decide_appeal(signed(COMMISSION), id, PromiseStatus::InTheWorks, [7; 32]),
			Error::<Test>::InvalidStatus
		);
		assert_ok!(Promises::decide_appeal(
			signed(COMMISSION),
			id,
			PromiseStatus::Compromise,
			[7; 32]
		));
		assert_eq!(
			last_event(),
			Event::AppealDecided {
				promise: id,
				previous: PromiseStatus::Broken,
				status: PromiseStatus::Compromise,
				decision: [7; 32]
			}
		);
		let p = Stored::<Test>::get(id).unwrap();
		assert_eq!(
			(p.status, p.appeal, p.history),
			(PromiseStatus::Compromise, Appeal::Decided, 4)
		);
		assert_eq!(History::<Test>::get(id, 3).unwrap().by, None);
		assert_eq!(Records::<Test>::get(CANDIDATE), Verdicts { kept: 0, compromise: 1, broken: 0 });
		// Final: no second appeal, no second decision.
		assert_noop!(
			Promises::appeal(signed(CANDIDATE), id, [6; 32]),
			Error::<Test>::AlreadyAppealed
		);
		assert_noop!(
			Promises::decide_appeal(signed(COMMISSION), id, PromiseStatus::Kept, [7; 32]),
			Error::<Test>::NoPendingAppeal
		);
	});
}

#[test]
fn the_appeal_window_closes_lazily() {
	run(|| {
		let id = elected_promise();
		System::set_block_number(10);
		assert_ok!(Promises::rate(signed(AUDITOR), id, PromiseStatus::Broken, [4; 32]));
		System::set_block_number(10 + APPEAL_WINDOW);
		assert_noop!(
			Promises::appeal(signed(CANDIDATE), id, [6; 32]),
			Error::<Test>::AppealWindowClosed
		);
		System::set_block_number(9 + APPEAL_WINDOW);
		assert_ok!(Promises::appeal(signed(CANDIDATE), id, [6; 32]));
	});
}

#[test]
fn reports_stop_short_of_a_full_history_but_a_verdict_and_its_appeal_still_fit() {
	run(|| {
		let id = elected_promise();
		// Made + reports, leaving room for a verdict, an appeal and a decision.
		for i in 0..(MAX_HISTORY - 1 - crate::VERDICT_ROOM) {
			assert_ok!(Promises::report_progress(
				signed(CANDIDATE),
				id,
				i as u8,
				title("m"),
				[0; 32]
			));
		}
		assert_noop!(
			Promises::report_progress(signed(CANDIDATE), id, 90, title("m"), [0; 32]),
			Error::<Test>::HistoryFull
		);
		assert_noop!(
			Promises::rate(signed(AUDITOR), id, PromiseStatus::Stalled, [0; 32]),
			Error::<Test>::HistoryFull
		);
		assert_ok!(Promises::rate(signed(AUDITOR), id, PromiseStatus::Broken, [0; 32]));
		assert_ok!(Promises::appeal(signed(CANDIDATE), id, [0; 32]));
		assert_ok!(Promises::decide_appeal(signed(COMMISSION), id, PromiseStatus::Broken, [0; 32]));
		assert_eq!(Stored::<Test>::get(id).unwrap().history, MAX_HISTORY);
		assert_eq!(crate::Pallet::<Test>::history(id).len() as u32, MAX_HISTORY);
	});
}

#[test]
fn overdue_is_computed_when_read_and_ends_with_a_verdict() {
	run(|| {
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Nominating);
		let id = make_with(Some(20), None);
		elect(CANDIDATE, ELECTION, 100);
		assert!(!crate::Pallet::<Test>::promise(id).unwrap().1);
		System::set_block_number(20);
		assert!(crate::Pallet::<Test>::promise(id).unwrap().1);
		assert_ok!(Promises::rate(signed(AUDITOR), id, PromiseStatus::Stalled, [0; 32]));
		assert!(crate::Pallet::<Test>::promise(id).unwrap().1);
		assert_ok!(Promises::rate(signed(AUDITOR), id, PromiseStatus::Broken, [0; 32]));
		assert!(!crate::Pallet::<Test>::promise(id).unwrap().1);
	});
}

#[test]
fn governance_accredits_identified_auditors_up_to_the_bound() {
	run(|| {
		assert_noop!(Promises::accredit(signed(ANYONE), OTHER_AUDITOR), BadOrigin);
		assert_noop!(
			Promises::accredit(signed(GOVERNANCE), UNIDENTIFIED),
			Error::<Test>::NotIdentified
		);
		assert_noop!(
			Promises::accredit(signed(GOVERNANCE), AUDITOR),
			Error::<Test>::AlreadyAccredited
		);
		assert_ok!(Promises::accredit(signed(GOVERNANCE), OTHER_AUDITOR));
		assert_eq!(last_event(), Event::AuditorAccredited { auditor: OTHER_AUDITOR });
		assert_noop!(
			Promises::accredit(signed(GOVERNANCE), ANYONE),
			Error::<Test>::TooManyAuditors
		);
		assert_noop!(Promises::revoke(signed(ANYONE), AUDITOR), BadOrigin);
		assert_ok!(Promises::revoke(signed(GOVERNANCE), AUDITOR));
		assert_eq!(last_event(), Event::AuditorRevoked { auditor: AUDITOR });
		assert_noop!(Promises::revoke(signed(GOVERNANCE), AUDITOR), Error::<Test>::NotAnAuditor);
		assert_ok!(Promises::accredit(signed(GOVERNANCE), ANYONE));
	});
}

#[test]
fn a_revoked_auditor_no_longer_rates_but_their_ratings_stand() {
	run(|| {
		let id = elected_promise();
		assert_ok!(Promises::rate(signed(AUDITOR), id, PromiseStatus::Stalled, [0; 32]));
		assert_ok!(Promises::revoke(signed(GOVERNANCE), AUDITOR));
		assert_noop!(
			Promises::rate(signed(AUDITOR), id, PromiseStatus::Kept, [0; 32]),
			Error::<Test>::NotAnAuditor
		);
		assert_eq!(status(id), PromiseStatus::Stalled);
	});
}

#[test]
fn a_record_of_broken_promises_bars_promotion_once_it_has_enough_verdicts() {
	run(|| {
		let qualifies = || {
			<crate::Pallet<Test> as PromotionRecord<u64>>::qualifies(
				&CANDIDATE,
				0,
				UnitKind::Region,
			)
		};
		assert!(qualifies());
		set_candidacy(CANDIDATE, ELECTION, CandidacyState::Nominating);
		let ids: Vec<_> = (0..3).map(|_| make_with(None, None)).collect();
		elect(CANDIDATE, ELECTION, 100);
		assert_ok!(Promises::rate(signed(AUDITOR), ids[0], PromiseStatus::Broken, [0; 32]));
		// One verdict is not enough of a record to bar anyone (the mock needs two).
		assert!(qualifies());
		assert_ok!(Promises::rate(signed(AUDITOR), ids[1], PromiseStatus::Compromise, [0; 32]));
		// Half of one of two: 25 % < 50 %.
		assert!(!qualifies());
		assert_ok!(Promises::rate(signed(AUDITOR), ids[2], PromiseStatus::Kept, [0; 32]));
		// (2 + 1) / 6 = 50 %.
		assert!(qualifies());
		// The record follows the person: the portrait of a later candidacy shows it.
		let (record, book) = crate::Pallet::<Test>::record(CANDIDATE);
		assert_eq!(record, Verdicts { kept: 1, compromise: 1, broken: 1 });
		assert_eq!(book.len(), 3);
	});
}
