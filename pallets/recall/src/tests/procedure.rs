//! The procedure: notice, the official's response, the confidence vote, the conclusion.

use super::*;
use pallet_veche_primitives::{PolicySphere, PromiseStatus, PromiseSummary, RecallBook};

fn promise(id: u32) -> PromiseSummary {
	PromiseSummary {
		id,
		election: 0,
		sphere: PolicySphere::Utilities,
		status: PromiseStatus::Stalled,
		overdue: true,
	}
}

fn fixes(ids: &[u32]) -> BoundedVec<u32, frame_support::traits::ConstU32<4>> {
	BoundedVec::truncate_from(ids.to_vec())
}

#[test]
fn the_official_responds_with_a_document_and_promises_to_fix_and_only_they_do() {
	build_and_execute(|| {
		let procedure = recall_the_mayor();
		set_promises(MAYOR_ACCOUNT, vec![promise(3), promise(4)]);
		set_promises(COUNCILLOR, vec![promise(9)]);
		assert_noop!(
			Recall::respond(signed(COUNCILLOR), procedure, [1; 32], fixes(&[])),
			Error::<Test>::NotTheOfficial
		);
		assert_noop!(
			Recall::respond(signed(MAYOR_ACCOUNT), procedure, [1; 32], fixes(&[3, 9])),
			Error::<Test>::NotTheirPromise
		);
		assert_noop!(
			Recall::respond(signed(MAYOR_ACCOUNT), procedure + 1, [1; 32], fixes(&[])),
			Error::<Test>::ProcedureNotFound
		);
		assert_ok!(Recall::respond(signed(MAYOR_ACCOUNT), procedure, [1; 32], fixes(&[3])));
		// A later response replaces the first.
		assert_ok!(Recall::respond(signed(MAYOR_ACCOUNT), procedure, [2; 32], fixes(&[3, 4])));
		let response = Procedures::<Test>::get(procedure).unwrap().response.unwrap();
		assert_eq!((response.document, response.fixes.to_vec()), ([2; 32], vec![3, 4]));
		assert_eq!(
			events().last(),
			Some(&Event::Responded { procedure, document: [2; 32], fixes: vec![3, 4] })
		);
		// The window closes.
		run_to(System::block_number() + RESPONSE);
		assert_noop!(
			Recall::respond(signed(MAYOR_ACCOUNT), procedure, [3; 32], fixes(&[])),
			Error::<Test>::ResponseClosed
		);
	});
}

#[test]
fn the_residents_remove_the_official_with_the_turnout_and_the_seat_is_vacated() {
	build_and_execute(|| {
		let procedure = recall_the_mayor();
		let advance = crate::Call::<Test>::advance { procedure };
		assert_eq!(pool_check(advance.clone()), refused(Error::<Test>::NotDue));
		assert_noop!(Recall::advance(authorized(), procedure), Error::<Test>::NotDue);
		run_to(System::block_number() + RESPONSE);
		assert_eq!(pool_check(advance.clone()), Ok(()));
		assert_ok!(Recall::advance(authorized(), procedure));
		let poll = vote_poll(procedure);
		let info = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap();
		// The town votes; its six persons are the roll; the appeal window is the rules'.
		assert_eq!((info.roll_size, info.electorate.units.to_vec()), (6, vec![TOWN]));
		assert_eq!(info.appeal_end, info.end + APPEAL);
		// Three remove, one keeps: four of six turned out (≥ 40 %).
		vote_in_one_block(&[
			ballot(1, poll, 0, 1),
			ballot(2, poll, 0, 1),
			ballot(3, poll, 0, 1),
			ballot(4, poll, 1, 1),
		]);
		run_to(info.end);
		assert_noop!(Recall::advance(authorized(), procedure), Error::<Test>::NotDue);
		run_to(info.appeal_end);
		assert_ok!(Recall::advance(authorized(), procedure));
		let count = VoteCount { remove: 3, keep: 1, ballots: 4, roll_size: 6 };
		assert_eq!(
			events().last(),
			Some(&Event::RecallConcluded {
				procedure,
				office: MAYOR,
				who: MAYOR_ACCOUNT,
				outcome: RecallOutcome::Removed,
				count: Some(count),
			})
		);
		assert_eq!(recalled().len(), 1);
		assert_eq!((recalled()[0].0, recalled()[0].1), (MAYOR, MAYOR_ACCOUNT));
		assert!(!Running::<Test>::contains_key(MAYOR, MAYOR_ACCOUNT));
		assert_noop!(Recall::advance(authorized(), procedure), Error::<Test>::Ended);
		let record = <Recall as RecallBook<u64, u64>>::recalls_of(&MAYOR_ACCOUNT);
		assert_eq!(record[0].outcome, Some(RecallOutcome::Removed));
	});
}

#[test]
fn a_majority_to_remove_without_the_turnout_leaves_the_official_in_office() {
	build_and_execute(|| {
		let procedure = recall_the_mayor();
		run_to(System::block_number() + RESPONSE);
		assert_ok!(Recall::advance(authorized(), procedure));
		let poll = vote_poll(procedure);
		// Two of six (33 % < 40 %) vote, both to remove.
		vote_in_one_block(&[ballot(1, poll, 0, 1), ballot(2, poll, 0, 1)]);
		let appeal_end = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap().appeal_end;
		run_to(appeal_end);
		assert_ok!(Recall::advance(authorized(), procedure));
		assert!(matches!(
			Procedures::<Test>::get(procedure).unwrap().stage,
			Stage::Ended { outcome: RecallOutcome::Stayed, .. }
		));
		assert!(recalled().is_empty());
	});
}

#[test]
fn fraud_excluded_on_appeal_can_save_the_official() {
	build_and_execute(|| {
		// The governor is voted on by both towns.
		seat(GOVERNOR, GOVERNOR_ACCOUNT, 1, 10_000);
		run_to(1 + GRACE);
		rated(GOVERNOR, GOVERNOR_ACCOUNT, 0, 0, 8, 8);
		assert_ok!(Recall::start_recall(
			authorized(),
			GOVERNOR,
			GOVERNOR_ACCOUNT,
			TriggerRef::Rating(0)
		));
		let procedure = Running::<Test>::get(GOVERNOR, GOVERNOR_ACCOUNT).unwrap();
		run_to(System::block_number() + RESPONSE);
		assert_ok!(Recall::advance(authorized(), procedure));
		let poll = vote_poll(procedure);
		// Town 3 removes 2–0; town 2 keeps 1–0 with a removal: 3 remove, 1 keeps.
		vote_in_one_block(&[
			ballot(7, poll, 0, 1),
			ballot(8, poll, 0, 1),
			ballot(1, poll, 1, 1),
			ballot(2, poll, 0, 1),
		]);
		let info = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap();
		run_to(info.end);
		assert_ok!(pallet_veche_ballots::Pallet::<Test>::close(signed(ANYONE), poll));
		// Fraud proven in town 3: its ballots are excluded; 1–1 does not remove.
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, OTHER_TOWN, [5; 32]));
		run_to(info.appeal_end);
		assert_ok!(Recall::advance(authorized(), procedure));
		assert!(matches!(
			Procedures::<Test>::get(procedure).unwrap().stage,
			Stage::Ended { outcome: RecallOutcome::Stayed, .. }
		));
	});
}

#[test]
fn an_official_who_leaves_during_notice_ends_the_procedure_without_a_vote() {
	build_and_execute(|| {
		let procedure = recall_the_mayor();
		resign(MAYOR, MAYOR_ACCOUNT);
		run_to(System::block_number() + RESPONSE);
		assert_ok!(Recall::advance(authorized(), procedure));
		assert!(matches!(
			Procedures::<Test>::get(procedure).unwrap().stage,
			Stage::Ended { outcome: RecallOutcome::Left, .. }
		));
		assert!(recalled().is_empty());
		assert_eq!(pallet_veche_ballots::NextPollId::<Test>::get(), 0, "no vote was opened");
	});
}
