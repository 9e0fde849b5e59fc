//! Closing rating periods: after the period and its appeal window, once, into a bounded history.

use super::*;
use pallet_veche_primitives::RatingBook;

/// The mayor seated for the whole test, voters 1–3 rating period 0.
fn rated_period() -> PollId {
	seat(MAYOR, MAYOR_ACCOUNT, 1, 10_000);
	let poll = open(MAYOR, MAYOR_ACCOUNT);
	rate_in_one_block(&[
		rating(1, poll, true, &[6], 1),
		rating(2, poll, false, &[3, 2], 1),
		rating(3, poll, false, &[], 1),
	]);
	poll
}

fn close(period: PeriodIndex) -> crate::Call<Test> {
	crate::Call::<Test>::close_period { office: MAYOR, who: MAYOR_ACCOUNT, period }
}

#[test]
fn a_period_closes_after_its_appeal_window_with_its_final_result() {
	build_and_execute(|| {
		let poll = rated_period();
		let refuse = |period: PeriodIndex, e: Error<Test>| {
			let e = DispatchError::from(e);
			assert_eq!(pool_check(close(period)), refused(e));
			assert_noop!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, period), e);
		};
		refuse(0, Error::<Test>::PeriodNotOver);
		run_to(PERIOD);
		refuse(0, Error::<Test>::AppealsOpen);
		refuse(1, Error::<Test>::PeriodNotFound);
		run_to(PERIOD + APPEAL);
		assert_eq!(pool_check(close(0)), Ok(()));
		System::reset_events();
		assert_ok!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, 0));
		let result = PeriodResult {
			roll_size: 6,
			raters: 3,
			approvals: 1,
			disapprovals: 2,
			grades: BoundedVec::truncate_from(vec![[0, 0, 1, 0, 0, 1], [0, 1, 0, 0, 0, 0], [0; 6]]),
		};
		assert_eq!(
			events(),
			vec![Event::PeriodClosed {
				who: MAYOR_ACCOUNT,
				office: MAYOR,
				period: 0,
				poll,
				result: result.clone(),
			}]
		);
		assert_eq!(History::<Test>::get(MAYOR_ACCOUNT, MAYOR).to_vec(), vec![0]);
		assert!(Ratings::period(MAYOR_ACCOUNT, MAYOR, 0).unwrap().closed);
		assert_eq!(Ratings::history(MAYOR_ACCOUNT, MAYOR).len(), 1);
		refuse(0, Error::<Test>::AlreadyClosed);
		// What the recall procedure and portraits read.
		let summary =
			<Ratings as RatingBook<u64, u64>>::closed_period(MAYOR, &MAYOR_ACCOUNT, 0).unwrap();
		assert_eq!((summary.approvals, summary.disapprovals, summary.raters), (1, 2, 3));
		assert_eq!(summary.approval(), sp_runtime::Perbill::from_rational(1u32, 3));
		assert_eq!(<Ratings as RatingBook<u64, u64>>::ratings_of(&MAYOR_ACCOUNT), vec![summary]);
		assert_eq!(<Ratings as RatingBook<u64, u64>>::ratings_of(&COUNCILLOR), vec![]);
	});
}

#[test]
fn a_territory_excluded_on_appeal_is_left_out_of_the_period() {
	build_and_execute(|| {
		// The governor is rated by both towns.
		seat(GOVERNOR, GOVERNOR_ACCOUNT, 1, 1_000);
		let poll = open(GOVERNOR, GOVERNOR_ACCOUNT);
		rate_in_one_block(&[rating(1, poll, true, &[5], 1), rating(7, poll, false, &[1], 1)]);
		run_to(PERIOD);
		assert_ok!(pallet_veche_ballots::Pallet::<Test>::close(signed(ANYONE), poll));
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, OTHER_TOWN, [7; 32]));
		run_to(PERIOD + APPEAL);
		assert_ok!(Ratings::close_period(authorized(), GOVERNOR, GOVERNOR_ACCOUNT, 0));
		let r = Periods::<Test>::get((GOVERNOR_ACCOUNT, GOVERNOR, 0)).unwrap().result.unwrap();
		assert_eq!((r.raters, r.approvals, r.disapprovals, r.roll_size), (1, 1, 0, 8));
		assert_eq!(r.grades[0], [0, 0, 0, 0, 1, 0]);
	});
}

#[test]
fn the_history_keeps_the_latest_periods_and_forgets_the_oldest() {
	build_and_execute(|| {
		rated_period();
		for p in 1..=MAX_HISTORY as u64 {
			run_to(p * PERIOD);
			open(MAYOR, MAYOR_ACCOUNT);
			run_to(p * PERIOD + APPEAL);
			assert_ok!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, p as u32 - 1));
		}
		assert_eq!(History::<Test>::get(MAYOR_ACCOUNT, MAYOR).to_vec(), vec![0, 1, 2]);
		run_to((MAX_HISTORY as u64 + 1) * PERIOD + APPEAL);
		System::reset_events();
		assert_ok!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, MAX_HISTORY));
		assert_eq!(History::<Test>::get(MAYOR_ACCOUNT, MAYOR).to_vec(), vec![1, 2, 3]);
		assert!(!Periods::<Test>::contains_key((MAYOR_ACCOUNT, MAYOR, 0)));
		assert_eq!(Ratings::period(MAYOR_ACCOUNT, MAYOR, 0), None);
		assert!(events().contains(&Event::PeriodForgotten {
			who: MAYOR_ACCOUNT,
			office: MAYOR,
			period: 0
		}));
	});
}

#[test]
fn periods_closed_out_of_order_keep_the_history_sorted() {
	build_and_execute(|| {
		rated_period();
		run_to(PERIOD);
		open(MAYOR, MAYOR_ACCOUNT);
		run_to(2 * PERIOD + APPEAL);
		assert_ok!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, 1));
		assert_ok!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, 0));
		assert_eq!(History::<Test>::get(MAYOR_ACCOUNT, MAYOR).to_vec(), vec![0, 1]);
		let unused = RatingPeriod { poll: Some(0), spheres: mayor_spheres(), result: None };
		assert_ne!(Periods::<Test>::get((MAYOR_ACCOUNT, MAYOR, 1)), Some(unused));
	});
}

#[test]
fn periods_from_before_the_chain_are_imported_closed_and_kept_in_order() {
	set_first_period(2);
	let result = |approvals, disapprovals| PeriodResult {
		roll_size: 6,
		raters: 5,
		approvals,
		disapprovals,
		grades: BoundedVec::truncate_from(vec![[1, 1, 1, 0, 1, 1], [0; 6], [0, 0, 0, 0, 0, 5]]),
	};
	let genesis = crate::GenesisConfig::<Test> {
		imported: vec![
			(MAYOR_ACCOUNT, MAYOR, 1, mayor_spheres(), result(1, 4)),
			(MAYOR_ACCOUNT, MAYOR, 0, mayor_spheres(), result(4, 1)),
		],
		bars: vec![],
	};
	ext_with(genesis).execute_with(|| {
		// Block 0 lies in period 2; 0 and 1 were imported, sorted.
		assert_eq!(Ratings::current_period(), (2, 0, PERIOD));
		assert_eq!(History::<Test>::get(MAYOR_ACCOUNT, MAYOR).to_vec(), vec![0, 1]);
		let view = Ratings::period(MAYOR_ACCOUNT, MAYOR, 1).unwrap();
		assert!(view.closed && view.poll.is_none());
		assert_eq!(view.approval, sp_runtime::Perbill::from_percent(20));
		assert_eq!(view.spheres[2].majority.map(|m| m.grade), Some(6));
		// An imported period is closed for good.
		assert_noop!(
			Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, 1),
			Error::<Test>::AlreadyClosed
		);
		// The chain's own periods open after them.
		seat(MAYOR, MAYOR_ACCOUNT, 1, 1_000);
		open(MAYOR, MAYOR_ACCOUNT);
		assert!(Periods::<Test>::get((MAYOR_ACCOUNT, MAYOR, 2)).unwrap().poll.is_some());
		Ratings::do_try_state().unwrap();
		pallet_veche_ballots::Pallet::<Test>::do_try_state().unwrap();
	});
	set_first_period(0);
}

#[test]
fn a_period_closed_late_never_pushes_a_newer_one_out_of_a_full_history() {
	build_and_execute(|| {
		// Period 0 is rated but left open while periods 1–3 are opened and closed.
		rated_period();
		for p in 1..=MAX_HISTORY as u64 {
			run_to(p * PERIOD);
			open(MAYOR, MAYOR_ACCOUNT);
		}
		run_to((MAX_HISTORY as u64 + 1) * PERIOD + APPEAL);
		for p in 1..=MAX_HISTORY {
			assert_ok!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, p));
		}
		assert_eq!(History::<Test>::get(MAYOR_ACCOUNT, MAYOR).to_vec(), vec![1, 2, 3]);
		// Closing period 0 now keeps the three latest: period 0 itself is forgotten at once.
		System::reset_events();
		assert_ok!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, 0));
		assert_eq!(History::<Test>::get(MAYOR_ACCOUNT, MAYOR).to_vec(), vec![1, 2, 3]);
		assert!(!Periods::<Test>::contains_key((MAYOR_ACCOUNT, MAYOR, 0)));
		let kinds: Vec<&str> = events()
			.into_iter()
			.filter_map(|e| match e {
				Event::PeriodClosed { period: 0, .. } => Some("closed"),
				Event::PeriodForgotten { period: 0, .. } => Some("forgotten"),
				_ => None,
			})
			.collect();
		assert_eq!(kinds, vec!["closed", "forgotten"]);
	});
}
