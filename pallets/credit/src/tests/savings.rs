//! Savings and withdrawals with notice.

use super::*;

fn bob_saves_half_of_100() {
	two_communities();
	assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 100_00));
	assert_ok!(Credit::save(signed(BOB), BWH, 50_00));
}

#[test]
fn savings_do_not_decay() {
	build_and_execute(|| {
		bob_saves_half_of_100();
		advance(YEAR);
		collect(BWH, &[BOB]);
		let bob = account(BWH, BOB);
		assert_eq!(bob.savings, 50_00 * FINE);
		assert_eq!(units(bob.balance), 45_00);
	});
}

#[test]
fn bad_savings_moves_are_refused() {
	build_and_execute(|| {
		bob_saves_half_of_100();
		assert_noop!(Credit::save(signed(BOB), BWH, 50_01), Error::<Test>::InsufficientBalance);
		assert_noop!(Credit::save(signed(BOB), BWH, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Credit::save(signed(FUND_A), BWH, 1), Error::<Test>::MemberNotFound);
		assert_noop!(Credit::save(signed(ALICE), BWH, 1), Error::<Test>::InsufficientBalance);
		assert_noop!(
			Credit::request_withdrawal(signed(BOB), BWH, 50_01),
			Error::<Test>::InsufficientSavings
		);
		assert_noop!(Credit::withdraw(signed(BOB), BWH), Error::<Test>::WithdrawalNotFound);
		assert_noop!(
			Credit::cancel_withdrawal(signed(BOB), BWH),
			Error::<Test>::WithdrawalNotFound
		);
		assert_ok!(Credit::request_withdrawal(signed(BOB), BWH, 20_00));
		assert_noop!(
			Credit::request_withdrawal(signed(BOB), BWH, 1_00),
			Error::<Test>::WithdrawalPending
		);
	});
}

#[test]
fn a_withdrawal_before_its_notice_is_refused() {
	build_and_execute(|| {
		bob_saves_half_of_100();
		assert_ok!(Credit::request_withdrawal(signed(BOB), BWH, 20_00));
		advance(DAY - 1);
		assert_noop!(Credit::withdraw(signed(BOB), BWH), Error::<Test>::NoticeNotElapsed);
		// Nor can the money be spent yet: Bob's spending balance is about 50.00.
		assert_noop!(Credit::transfer(signed(BOB), BWH, ALICE, 60_00), Error::<Test>::SavingsFirst);
		advance(1);
		assert_ok!(Credit::withdraw(signed(BOB), BWH));
		let bob = account(BWH, BOB);
		assert_eq!(bob.withdrawal, None);
		assert_eq!(bob.savings, 30_00 * FINE);
		assert!(events().contains(&Event::SavingsReleased {
			currency: BWH,
			who: BOB,
			amount: 20_00 * FINE
		}));
	});
}

#[test]
fn released_savings_decay_from_the_end_of_the_notice_even_unclaimed() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 100_00));
		assert_ok!(Credit::save(signed(BOB), BWH, 100_00));
		assert_ok!(Credit::request_withdrawal(signed(BOB), BWH, 100_00));
		// The notice ends after a day; Bob does nothing for a year and a day.
		advance(YEAR + DAY);
		collect(BWH, &[BOB]);
		let bob = account(BWH, BOB);
		assert_eq!(bob.withdrawal, None);
		assert_eq!(units(bob.balance), 90_00);
		assert_noop!(Credit::withdraw(signed(BOB), BWH), Error::<Test>::WithdrawalNotFound);
	});
}

#[test]
fn a_pending_withdrawal_can_be_cancelled() {
	build_and_execute(|| {
		bob_saves_half_of_100();
		assert_ok!(Credit::request_withdrawal(signed(BOB), BWH, 20_00));
		assert_ok!(Credit::cancel_withdrawal(signed(BOB), BWH));
		assert_eq!(account(BWH, BOB).savings, 50_00 * FINE);
		assert_eq!(account(BWH, BOB).withdrawal, None);
	});
}

#[test]
fn a_saver_cannot_spend_on_credit() {
	build_and_execute(|| {
		bob_saves_half_of_100();
		// 50.00 spendable; a payment of 50.01 would use credit while 50.00 sit in savings.
		assert_noop!(Credit::transfer(signed(BOB), BWH, ALICE, 50_01), Error::<Test>::SavingsFirst);
		assert_ok!(Credit::transfer(signed(BOB), BWH, ALICE, 50_00));
	});
}
