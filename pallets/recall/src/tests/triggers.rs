//! What starts a recall from a rating, and what does not.

use super::*;

fn start(period: u32) -> crate::Call<Test> {
	crate::Call::<Test>::start_recall {
		office: MAYOR,
		who: MAYOR_ACCOUNT,
		trigger: TriggerRef::Rating(period),
	}
}

/// Refused in the pool and in the block, changing nothing.
fn refuse(period: u32, e: Error<Test>) {
	let e = DispatchError::from(e);
	assert_eq!(pool_check(start(period)), refused(e));
	assert_noop!(
		Recall::start_recall(authorized(), MAYOR, MAYOR_ACCOUNT, TriggerRef::Rating(period)),
		e
	);
}

#[test]
fn a_period_of_collapsed_approval_with_a_quorum_gives_notice() {
	build_and_execute(|| {
		let procedure = recall_the_mayor();
		let p = Procedures::<Test>::get(procedure).unwrap();
		assert_eq!(p.stage, Stage::Notice);
		assert_eq!(p.response_end, 1 + GRACE + RESPONSE);
		assert_eq!(
			p.trigger,
			Trigger::Rating { period: 0, approvals: 1, disapprovals: 5, raters: 6, roll_size: 6 }
		);
		assert_eq!(Record::<Test>::get(MAYOR_ACCOUNT).to_vec(), vec![procedure]);
		assert!(matches!(
			events().last(),
			Some(Event::RecallStarted { procedure: 0, office: MAYOR, who: MAYOR_ACCOUNT, .. })
		));
	});
}

#[test]
fn no_recall_without_collapse_quorum_term_or_a_period_of_this_term() {
	build_and_execute(|| {
		// Nobody seated, then in the grace.
		rated(MAYOR, MAYOR_ACCOUNT, 0, 1, 6, 6);
		refuse(0, Error::<Test>::NotServing);
		seat(MAYOR, MAYOR_ACCOUNT, 1, 10_000);
		refuse(0, Error::<Test>::InGrace);
		run_to(1 + GRACE);
		// A period never rated or closed.
		refuse(1, Error::<Test>::PeriodNotFound);
		// 20 % is not below 20 %.
		rated(MAYOR, MAYOR_ACCOUNT, 0, 1, 5, 6);
		refuse(0, Error::<Test>::ApprovalNotLow);
		// One in six is below, but one rater of six is short of a 25 % quorum.
		rated(MAYOR, MAYOR_ACCOUNT, 0, 0, 1, 6);
		refuse(0, Error::<Test>::QuorumNotMet);
		// Nobody rated at all: no quorum either.
		rated(MAYOR, MAYOR_ACCOUNT, 0, 0, 0, 0);
		refuse(0, Error::<Test>::QuorumNotMet);
		// An unknown office.
		assert_noop!(
			Recall::start_recall(authorized(), 9, MAYOR_ACCOUNT, TriggerRef::Rating(0)),
			Error::<Test>::OfficeNotFound
		);
		assert_eq!(Procedures::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_period_of_an_earlier_term_does_not_start_a_recall() {
	build_and_execute(|| {
		// Re-elected at block 300 (period 3); period 2 was rated in the earlier term.
		run_to(300);
		seat(MAYOR, MAYOR_ACCOUNT, 300, 10_000);
		run_to(300 + GRACE);
		rated(MAYOR, MAYOR_ACCOUNT, 2, 0, 6, 6);
		refuse(2, Error::<Test>::PeriodBeforeTerm);
	});
}

#[test]
fn one_procedure_at_a_time_once_per_period_and_a_cooldown_after() {
	build_and_execute(|| {
		let procedure = recall_the_mayor();
		rated(MAYOR, MAYOR_ACCOUNT, 1, 0, 6, 6);
		refuse(1, Error::<Test>::ProcedureRunning);
		// The official stays: nobody votes.
		run_to(System::block_number() + RESPONSE);
		assert_ok!(Recall::advance(authorized(), procedure));
		let poll = vote_poll(procedure);
		let end = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap().appeal_end;
		run_to(end);
		assert_ok!(Recall::advance(authorized(), procedure));
		assert!(matches!(
			Procedures::<Test>::get(procedure).unwrap().stage,
			Stage::Ended { outcome: RecallOutcome::Stayed, .. }
		));
		// The same period cannot start another; a later one waits for the cooldown.
		refuse(0, Error::<Test>::InCooldown);
		run_to(end + COOLDOWN);
		refuse(0, Error::<Test>::PeriodAlreadyUsed);
		assert_ok!(Recall::start_recall(authorized(), MAYOR, MAYOR_ACCOUNT, TriggerRef::Rating(1)));
		assert_eq!(Last::<Test>::get(MAYOR, MAYOR_ACCOUNT).1, Some(1));
	});
}

#[test]
fn an_office_may_have_rules_of_its_own() {
	build_and_execute(|| {
		let mut rules = DefaultRules::get();
		rules.threshold = Perbill::from_percent(40);
		rules.grace = 0;
		assert_noop!(
			Recall::set_rules(signed(ANYONE), MAYOR, Some(rules)),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Recall::set_rules(signed(COMMISSION), 9, Some(rules)),
			Error::<Test>::OfficeNotFound
		);
		let mut broken = rules;
		broken.vote = 0;
		assert_noop!(
			Recall::set_rules(signed(COMMISSION), MAYOR, Some(broken)),
			Error::<Test>::InvalidRules
		);
		assert_ok!(Recall::set_rules(signed(COMMISSION), MAYOR, Some(rules)));
		assert_eq!(Rules::<Test>::get(MAYOR), Some(rules));
		// No grace, and a third approving is now low enough.
		seat(MAYOR, MAYOR_ACCOUNT, 1, 10_000);
		rated(MAYOR, MAYOR_ACCOUNT, 0, 2, 6, 6);
		assert_ok!(Recall::start_recall(authorized(), MAYOR, MAYOR_ACCOUNT, TriggerRef::Rating(0)));
		assert_ok!(Recall::set_rules(signed(COMMISSION), MAYOR, None));
		assert_eq!(Recall::status(MAYOR, MAYOR_ACCOUNT).2, DefaultRules::get());
	});
}

#[test]
fn the_record_keeps_the_latest_procedures() {
	build_and_execute(|| {
		let mut rules = DefaultRules::get();
		rules.grace = 0;
		rules.cooldown = 0;
		assert_ok!(Recall::set_rules(signed(COMMISSION), MAYOR, Some(rules)));
		seat(MAYOR, MAYOR_ACCOUNT, 1, 10_000);
		for period in 0..=MAX_RECORD {
			rated(MAYOR, MAYOR_ACCOUNT, period, 0, 6, 6);
			assert_ok!(Recall::start_recall(
				authorized(),
				MAYOR,
				MAYOR_ACCOUNT,
				TriggerRef::Rating(period)
			));
			let procedure = Running::<Test>::get(MAYOR, MAYOR_ACCOUNT).unwrap();
			run_to(System::block_number() + RESPONSE);
			assert_ok!(Recall::advance(authorized(), procedure));
			run_to(System::block_number() + VOTE + APPEAL);
			assert_ok!(Recall::advance(authorized(), procedure));
		}
		assert_eq!(Record::<Test>::get(MAYOR_ACCOUNT).to_vec(), vec![1, 2, 3]);
		let summaries =
			<Recall as pallet_veche_primitives::RecallBook<u64, u64>>::recalls_of(&MAYOR_ACCOUNT);
		assert_eq!(summaries.len(), 3);
		assert!(summaries.iter().all(|s| s.outcome == Some(RecallOutcome::Stayed)));
	});
}
