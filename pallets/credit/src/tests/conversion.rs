//! Paying across currencies through credit lines and clearing accounts.

use super::*;

/// Novgorod grants Birchwood a line of 1,000.000 grivnas, and Birchwood grants Novgorod
/// 100.00 hours.
fn lines() {
	two_communities();
	assert_ok!(Credit::set_credit_line(signed(DAVE), NVG, BWH, 1_000_000));
	assert_ok!(Credit::set_credit_line(signed(ADMIN), BWH, NVG, 100_00));
}

#[test]
fn a_member_pays_a_member_of_another_currency_at_the_declared_ratio() {
	build_and_execute(|| {
		lines();
		// An hour is worth 4 grivnas: 10.000 grivnas cost 2.50 hours.
		assert_eq!(Credit::quote(BWH, NVG, 10_000), Some(2_50 * FINE));
		assert_ok!(Credit::pay_across(signed(ALICE), BWH, NVG, CHARLIE, 10_000));
		assert_eq!(account(BWH, ALICE).balance, -2_50 * FINE as i128);
		assert_eq!(account(NVG, CHARLIE).balance, 10_000 * FINE as i128);
		let to_nvg = Credit::clearing_account(BWH, NVG);
		let from_bwh = Credit::clearing_account(NVG, BWH);
		assert_eq!(account(BWH, to_nvg).balance, 2_50 * FINE as i128);
		assert_eq!(account(NVG, from_bwh).balance, -10_000 * FINE as i128);
		assert_eq!(
			events().last(),
			Some(&Event::PaidAcross {
				from_currency: BWH,
				to_currency: NVG,
				from: ALICE,
				to: CHARLIE,
				paid: 2_50 * FINE,
				received: 10_000,
			})
		);
		// Charlie pays Bob back 1.00 hour = 4.000 grivnas: the positions net out.
		assert_ok!(Credit::pay_across(signed(CHARLIE), NVG, BWH, BOB, 1_00));
		assert_eq!(account(NVG, from_bwh).balance, -6_000 * FINE as i128);
		assert_eq!(account(BWH, to_nvg).balance, 1_50 * FINE as i128);
	});
}

#[test]
fn the_payer_pays_rounding_up_to_the_fine_unit() {
	build_and_execute(|| {
		lines();
		// 0.001 grivna is 0.00025 hour = 0.025 of a cent: FINE / 40, exactly.
		assert_eq!(Credit::quote(BWH, NVG, 1), Some(FINE / 40));
		// The other way 0.01 hour = 0.04 grivna = 40 smallest units.
		assert_eq!(Credit::quote(NVG, BWH, 1), Some(40 * FINE));
		// A currency worth 3: 0.001 of it is 0.015 of a cent, exactly.
		let mut third = novgorod();
		third.value = FixedU128::from_u32(3);
		third.fund = 92;
		assert_ok!(Credit::create_currency(RuntimeOrigin::root(), call_params(third)));
		assert_eq!(Credit::quote(BWH, 2, 1), Some(FINE * 3 / 200));
		let mut ninth = novgorod();
		ninth.value = FixedU128::from_rational(1, 3);
		ninth.fund = 93;
		assert_ok!(Credit::create_currency(RuntimeOrigin::root(), call_params(ninth)));
		let paid = Credit::quote(BWH, 3, 1).unwrap();
		// Worth about a third (0.333…333 in 18 digits): 0.001 of it is about FINE / 600 of a
		// cent, not a whole number of fine units; the payer pays the last one.
		assert_eq!(paid, FINE / 600 + 1);
	});
}

#[test]
fn conversion_without_a_line_fails_cleanly() {
	build_and_execute(|| {
		two_communities();
		assert_noop!(
			Credit::pay_across(signed(ALICE), BWH, NVG, CHARLIE, 1),
			Error::<Test>::CreditLineNotFound
		);
		// A line in the other direction does not help.
		assert_ok!(Credit::set_credit_line(signed(ADMIN), BWH, NVG, 100_00));
		assert_noop!(
			Credit::pay_across(signed(ALICE), BWH, NVG, CHARLIE, 1),
			Error::<Test>::CreditLineNotFound
		);
	});
}

#[test]
fn an_exhausted_line_fails_cleanly() {
	build_and_execute(|| {
		lines();
		assert_ok!(Credit::pay_across(signed(ALICE), BWH, NVG, CHARLIE, 1_000_000));
		assert_noop!(
			Credit::pay_across(signed(BOB), BWH, NVG, EVE, 1),
			Error::<Test>::CreditLineExhausted
		);
		assert_noop!(
			Credit::set_credit_line(signed(DAVE), NVG, BWH, 999_999),
			Error::<Test>::LimitBelowDebt
		);
	});
}

#[test]
fn bad_conversions_are_refused() {
	build_and_execute(|| {
		lines();
		assert_noop!(
			Credit::pay_across(signed(ALICE), BWH, BWH, BOB, 1),
			Error::<Test>::SameCurrency
		);
		assert_noop!(
			Credit::pay_across(signed(ALICE), BWH, NVG, CHARLIE, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Credit::pay_across(signed(ALICE), BWH, NVG, BOB, 1),
			Error::<Test>::PayeeNotFound
		);
		assert_noop!(
			Credit::pay_across(signed(CHARLIE), BWH, NVG, EVE, 1),
			Error::<Test>::MemberNotFound
		);
		assert_noop!(
			Credit::pay_across(signed(ALICE), BWH, 9, EVE, 1),
			Error::<Test>::CurrencyNotFound
		);
		// Over Alice's own limit (500.00 hours = 2,000.000 grivnas) — the line is checked
		// first, so give a bigger line.
		assert_ok!(Credit::set_credit_line(signed(DAVE), NVG, BWH, 5_000_000));
		assert_noop!(
			Credit::pay_across(signed(ALICE), BWH, NVG, CHARLIE, 2_000_004),
			Error::<Test>::OverLimit
		);
		assert_noop!(
			Credit::set_credit_line(signed(ALICE), BWH, NVG, 1),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Credit::set_credit_line(signed(ADMIN), BWH, BWH, 1),
			Error::<Test>::SameCurrency
		);
		assert_noop!(
			Credit::set_credit_line(signed(ADMIN), BWH, 9, 1),
			Error::<Test>::CurrencyNotFound
		);
	});
}

#[test]
fn a_settled_line_set_to_zero_is_removed() {
	build_and_execute(|| {
		lines();
		assert_eq!(Currencies::<Test>::get(NVG).unwrap().lines, 1);
		assert_ok!(Credit::set_credit_line(signed(DAVE), NVG, BWH, 0));
		assert!(!Accounts::<Test>::contains_key(NVG, Credit::clearing_account(NVG, BWH)));
		assert_eq!(Currencies::<Test>::get(NVG).unwrap().lines, 0);
	});
}

#[test]
fn a_line_to_a_dissolved_currency_is_settled_and_removed() {
	build_and_execute(|| {
		two_communities();
		// A third community with nobody in it yet; Birchwood grants it a line.
		let params = CurrencyParams { fund: 92, ..novgorod() };
		assert_ok!(Credit::create_currency(RuntimeOrigin::root(), call_params(params)));
		let third = 2;
		assert_ok!(Credit::set_credit_line(signed(ADMIN), BWH, third, 100_00));
		assert_eq!(Currencies::<Test>::get(BWH).unwrap().lines, 1);
		assert_noop!(
			Credit::settle_clearing(signed(ADMIN), BWH, third),
			Error::<Test>::PartnerStillExists
		);
		assert_ok!(Credit::dissolve(RuntimeOrigin::root(), third));
		// The line can no longer be changed, since its partner is gone...
		assert_noop!(
			Credit::set_credit_line(signed(ADMIN), BWH, third, 0),
			Error::<Test>::CurrencyNotFound
		);
		// ...but it is settled into the fund and removed, by an administrator only.
		assert_noop!(
			Credit::settle_clearing(signed(ALICE), BWH, third),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Credit::settle_clearing(signed(ADMIN), BWH, third));
		assert_eq!(
			events().last(),
			Some(&Event::ClearingSettled { currency: BWH, partner: third, amount: 0 })
		);
		assert!(!Accounts::<Test>::contains_key(BWH, Credit::clearing_account(BWH, third)));
		assert_eq!(Currencies::<Test>::get(BWH).unwrap().lines, 0);
		assert_noop!(
			Credit::settle_clearing(signed(ADMIN), BWH, third),
			Error::<Test>::CreditLineNotFound
		);
	});
}
