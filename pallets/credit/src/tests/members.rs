//! Admitting, limiting, freezing and removing members.

use super::*;

#[test]
fn admission_makes_a_sufficient_account_without_native_tokens() {
	build_and_execute(|| {
		two_communities();
		assert_eq!(Balances::free_balance(ALICE), 0);
		assert_eq!(System::sufficients(&ALICE), 1);
		assert_eq!(account(BWH, ALICE).limit, 500_00 * FINE);
		assert_ok!(Credit::admit(signed(ADMIN), BWH, FERDIE, Some(50_00)));
		assert_eq!(account(BWH, FERDIE).limit, 50_00 * FINE);
		assert_eq!(Currencies::<Test>::get(BWH).unwrap().members, 3);
	});
}

#[test]
fn bad_admissions_are_refused() {
	build_and_execute(|| {
		two_communities();
		assert_noop!(Credit::admit(signed(ALICE), BWH, FERDIE, None), Error::<Test>::NotAuthorized);
		assert_noop!(
			Credit::admit(signed(ADMIN), BWH, STRANGER, None),
			Error::<Test>::NotIdentified
		);
		assert_noop!(
			Credit::admit(signed(ADMIN), BWH, ALICE, None),
			Error::<Test>::MemberAlreadyExists
		);
		assert_noop!(
			Credit::admit(signed(ADMIN), BWH, FUND_A, None),
			Error::<Test>::MemberAlreadyExists
		);
		assert_noop!(
			Credit::admit(signed(ADMIN), 9, FERDIE, None),
			Error::<Test>::CurrencyNotFound
		);
		for who in 10..14 {
			assert_ok!(Credit::admit(signed(ADMIN), BWH, who, None));
		}
		assert_noop!(
			Credit::admit(signed(ADMIN), BWH, FERDIE, None),
			Error::<Test>::TooManyMembers
		);
	});
}

#[test]
fn a_limit_is_never_set_below_the_debt() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 300_00));
		assert_noop!(
			Credit::set_limit(signed(ADMIN), BWH, ALICE, 299_99),
			Error::<Test>::LimitBelowDebt
		);
		assert_ok!(Credit::set_limit(signed(ADMIN), BWH, ALICE, 300_00));
		assert_eq!(account(BWH, ALICE).limit, 300_00 * FINE);
		assert_ok!(Credit::set_limit(signed(ADMIN), BWH, FUND_A, 1_000_00));
		let clearing = Credit::clearing_account(BWH, NVG);
		assert_ok!(Credit::set_credit_line(signed(ADMIN), BWH, NVG, 10));
		assert_noop!(
			Credit::set_limit(signed(ADMIN), BWH, clearing, 5),
			Error::<Test>::MemberNotFound
		);
		assert_noop!(Credit::set_limit(signed(BOB), BWH, ALICE, 1), Error::<Test>::NotAuthorized);
		assert_noop!(
			Credit::set_limit(signed(ADMIN), BWH, ALICE, u128::MAX),
			Error::<Test>::AmountTooLarge
		);
	});
}

#[test]
fn a_frozen_member_neither_pays_nor_is_paid_until_thawed() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 10_00));
		assert_ok!(Credit::freeze(signed(ADMIN), BWH, BOB));
		assert_noop!(Credit::transfer(signed(BOB), BWH, ALICE, 1_00), Error::<Test>::Frozen);
		assert_noop!(Credit::transfer(signed(ALICE), BWH, BOB, 1_00), Error::<Test>::PayeeFrozen);
		assert_noop!(Credit::save(signed(BOB), BWH, 1_00), Error::<Test>::Frozen);
		assert_noop!(Credit::freeze(signed(ADMIN), BWH, BOB), Error::<Test>::Frozen);
		assert_noop!(Credit::freeze(signed(ADMIN), BWH, FUND_A), Error::<Test>::MemberNotFound);
		assert_ok!(Credit::thaw(signed(ADMIN), BWH, BOB));
		assert_noop!(Credit::thaw(signed(ADMIN), BWH, BOB), Error::<Test>::NotFrozen);
		assert_ok!(Credit::transfer(signed(BOB), BWH, ALICE, 1_00));
	});
}

#[test]
fn a_member_leaves_with_less_than_a_unit_and_the_remainder_goes_to_the_fund() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 10_00));
		assert_noop!(Credit::remove_member(signed(BOB), BWH, BOB), Error::<Test>::AccountNotEmpty);
		assert_noop!(Credit::remove_member(signed(ALICE), BWH, BOB), Error::<Test>::NotAuthorized);
		// A day of demurrage, then Bob pays back all but the fraction it left.
		advance(DAY);
		assert_ok!(Credit::transfer(signed(BOB), BWH, ALICE, 9_99));
		let before = account(BWH, BOB);
		assert!(before.balance > 0 && before.balance < FINE as i128);
		let settled = before.net().unwrap();
		assert_ok!(Credit::remove_member(signed(BOB), BWH, BOB));
		assert!(!Accounts::<Test>::contains_key(BWH, BOB));
		assert_eq!(account(BWH, FUND_A).balance, settled);
		assert_eq!(System::sufficients(&BOB), 0);
		assert_eq!(
			events().last(),
			Some(&Event::MemberRemoved { currency: BWH, who: BOB, settled })
		);
		assert_noop!(
			Credit::remove_member(signed(ADMIN), BWH, FUND_A),
			Error::<Test>::MemberNotFound
		);
	});
}
