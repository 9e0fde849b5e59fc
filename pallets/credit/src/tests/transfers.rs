//! Payments within a currency.

use super::*;

#[test]
fn a_payment_may_use_credit_down_to_the_limit() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 500_00));
		assert_eq!(account(BWH, ALICE).balance, -500_00 * FINE as i128);
		assert_noop!(Credit::transfer(signed(ALICE), BWH, BOB, 1), Error::<Test>::OverLimit);
		assert_eq!(
			events().last(),
			Some(&Event::Transferred { currency: BWH, from: ALICE, to: BOB, amount: 500_00 })
		);
	});
}

#[test]
fn bad_payments_are_refused_and_change_nothing() {
	build_and_execute(|| {
		two_communities();
		assert_noop!(Credit::transfer(signed(ALICE), BWH, BOB, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Credit::transfer(signed(ALICE), BWH, BOB, u128::MAX),
			Error::<Test>::AmountTooLarge
		);
		assert_noop!(
			Credit::transfer(signed(ALICE), BWH, BOB, (i128::MAX as u128) / FINE + 1),
			Error::<Test>::AmountTooLarge
		);
		assert_noop!(Credit::transfer(signed(ALICE), BWH, ALICE, 1), Error::<Test>::SelfTransfer);
		assert_noop!(
			Credit::transfer(signed(STRANGER), BWH, BOB, 1),
			Error::<Test>::MemberNotFound
		);
		assert_noop!(Credit::transfer(signed(CHARLIE), BWH, BOB, 1), Error::<Test>::MemberNotFound);
		assert_noop!(
			Credit::transfer(signed(ALICE), BWH, CHARLIE, 1),
			Error::<Test>::PayeeNotFound
		);
		assert_noop!(Credit::transfer(signed(ALICE), 9, BOB, 1), Error::<Test>::CurrencyNotFound);
		assert_noop!(Credit::transfer(signed(ALICE), BWH, BOB, 500_01), Error::<Test>::OverLimit);
	});
}

#[test]
fn a_payee_balance_that_would_overflow_is_refused() {
	build_and_execute(|| {
		two_communities();
		let max = (i128::MAX as u128) / FINE;
		assert_ok!(Credit::set_limit(signed(ADMIN), BWH, ALICE, max));
		assert_ok!(Credit::set_limit(signed(ADMIN), BWH, FUND_A, max));
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, max));
		assert_noop!(
			Credit::transfer(signed(FUND_A), BWH, BOB, max),
			sp_runtime::ArithmeticError::Overflow
		);
	});
}

#[test]
fn the_fund_pays_and_is_paid_like_a_member() {
	build_and_execute(|| {
		two_communities();
		assert_noop!(Credit::transfer(signed(FUND_A), BWH, BOB, 1), Error::<Test>::OverLimit);
		assert_ok!(Credit::transfer(signed(ALICE), BWH, FUND_A, 20_00));
		assert_ok!(Credit::transfer(signed(FUND_A), BWH, BOB, 5_00));
		assert_eq!(account(BWH, FUND_A).balance, 15_00 * FINE as i128);
	});
}
