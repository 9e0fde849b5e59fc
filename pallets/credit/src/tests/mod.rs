//! Tests of the credit pallet: every call, every failure path, demurrage over a year, and a
//! property test over random sequences of payments.

use crate::{mock::*, *};

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

use sp_runtime::{DispatchError, TokenError};

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn collect(currency: CurrencyId, who: &[u64]) {
	assert_ok!(Credit::collect(signed(ALICE), currency, who.to_vec().try_into().unwrap()));
}

/// `fine` rounded to the nearest smallest unit.
fn units(fine: i128) -> i128 {
	(fine + FINE as i128 / 2).div_euclid(FINE as i128)
}

#[docify::export]
#[test]
fn members_trade_and_a_year_of_demurrage_reaches_the_fund() {
	build_and_execute(|| {
		two_communities();
		// Alice buys 100.00 hours of work from Bob on credit.
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 100_00));
		assert_eq!(account(BWH, ALICE).balance, -100_00 * FINE as i128);
		assert_eq!(account(BWH, BOB).balance, 100_00 * FINE as i128);

		// A year later, at 10 % a year, Bob's 100.00 are worth 90.00; Alice's debt does not
		// decay. The 10.00 taken are due to the fund, and collecting moves them there.
		advance(YEAR);
		collect(BWH, &[ALICE, BOB]);
		assert_eq!(units(account(BWH, BOB).balance), 90_00);
		assert_eq!(account(BWH, ALICE).balance, -100_00 * FINE as i128);
		assert_eq!(units(account(BWH, FUND_A).balance), 10_00);
		assert_eq!(account(BWH, BOB).due, 0);
		// Zero-sum, to the fine unit.
		let sum: i128 = Accounts::<Test>::iter_prefix(BWH).map(|(_, a)| a.net().unwrap()).sum();
		assert_eq!(sum, 0);
	});
}

#[test]
fn unsigned_origins_are_refused() {
	build_and_execute(|| {
		two_communities();
		assert_noop!(
			Credit::transfer(RuntimeOrigin::none(), BWH, BOB, 1),
			DispatchError::BadOrigin
		);
	});
}

mod conversion;
mod currencies;
mod demurrage_rules;
mod fees;
mod members;
mod properties;
mod savings;
mod transfers;
mod view;
