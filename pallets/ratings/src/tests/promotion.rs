//! The bars of promotion by record: approval over the last term at a lower level, and promises
//! kept.

use super::*;
use pallet_veche_primitives::{
	PolicySphere, PromiseStatus, PromiseSummary, PromotionRecord, UnitKind,
};
use sp_runtime::{traits::BadOrigin, Perbill};

fn bar(approval: u32, kept: u32) -> PromotionBar {
	PromotionBar {
		min_approval: Perbill::from_percent(approval),
		min_kept: Perbill::from_percent(kept),
	}
}

fn promise(id: u32, status: PromiseStatus) -> PromiseSummary {
	PromiseSummary { id, election: 0, sphere: PolicySphere::Budget, status, overdue: false }
}

fn qualifies(who: u64) -> bool {
	<Ratings as PromotionRecord<u64>>::qualifies(&who, GOVERNOR, UnitKind::Region)
}

#[test]
fn only_the_bar_origin_sets_a_bar_and_only_for_an_office() {
	build_and_execute(|| {
		assert_noop!(
			Ratings::set_promotion_bar(signed(ANYONE), GOVERNOR, Some(bar(50, 50))),
			BadOrigin
		);
		assert_noop!(
			Ratings::set_promotion_bar(signed(COMMISSION), 9, Some(bar(50, 50))),
			Error::<Test>::OfficeNotFound
		);
		assert_ok!(Ratings::set_promotion_bar(signed(COMMISSION), GOVERNOR, Some(bar(50, 50))));
		assert_eq!(Bars::<Test>::get(GOVERNOR), Some(bar(50, 50)));
		assert_ok!(Ratings::set_promotion_bar(signed(COMMISSION), GOVERNOR, None));
		assert_eq!(Bars::<Test>::get(GOVERNOR), None);
	});
}

#[test]
fn a_mayor_qualifies_for_governor_by_approval_over_the_term_and_promises_kept() {
	build_and_execute(|| {
		// Without a bar, ratings ask nothing.
		assert!(qualifies(MAYOR_ACCOUNT));
		assert_ok!(Ratings::set_promotion_bar(signed(COMMISSION), GOVERNOR, Some(bar(60, 50))));
		// No term at a lower level: no.
		assert!(!qualifies(MAYOR_ACCOUNT));
		// A term as mayor over periods 0 and 1: rated 2 of 3 and then 1 of 3.
		seat(MAYOR, MAYOR_ACCOUNT, 1, 2 * PERIOD);
		let poll = open(MAYOR, MAYOR_ACCOUNT);
		rate_in_one_block(&[
			rating(1, poll, true, &[], 1),
			rating(2, poll, true, &[], 1),
			rating(3, poll, false, &[], 1),
		]);
		run_to(PERIOD);
		let poll = open(MAYOR, MAYOR_ACCOUNT);
		rate_in_one_block(&[
			rating(1, poll, true, &[], 1),
			rating(2, poll, false, &[], 1),
			rating(3, poll, false, &[], 1),
		]);
		run_to(2 * PERIOD + APPEAL);
		assert_ok!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, 0));
		// Period 1 not closed yet: 2 of 3 counted, 67 % ≥ 60 %, but no verdict on a promise.
		assert!(!qualifies(MAYOR_ACCOUNT));
		set_promises(
			MAYOR_ACCOUNT,
			vec![
				promise(1, PromiseStatus::Kept),
				promise(2, PromiseStatus::Broken),
				promise(3, PromiseStatus::InTheWorks),
			],
		);
		assert!(qualifies(MAYOR_ACCOUNT));
		// With period 1 closed: 3 of 6, 50 % < 60 %.
		assert_ok!(Ratings::close_period(authorized(), MAYOR, MAYOR_ACCOUNT, 1));
		assert!(!qualifies(MAYOR_ACCOUNT));
		assert_ok!(Ratings::set_promotion_bar(signed(COMMISSION), GOVERNOR, Some(bar(50, 50))));
		assert!(qualifies(MAYOR_ACCOUNT));
		// One kept of two verdicts is 50 %; a compromise in place of the broken one is 75 %.
		assert_ok!(Ratings::set_promotion_bar(signed(COMMISSION), GOVERNOR, Some(bar(50, 70))));
		assert!(!qualifies(MAYOR_ACCOUNT));
		set_promises(
			MAYOR_ACCOUNT,
			vec![promise(1, PromiseStatus::Kept), promise(2, PromiseStatus::Compromise)],
		);
		assert!(qualifies(MAYOR_ACCOUNT));
	});
}
