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

mod currencies {
	use super::*;

	#[test]
	fn governance_creates_a_currency_without_deposit() {
		build_and_execute(|| {
			assert_ok!(Credit::create_currency(RuntimeOrigin::root(), call_params(birchwood())));
			let info = Currencies::<Test>::get(BWH).unwrap();
			assert_eq!(info.deposit, None);
			assert_eq!(info.default_limit, 500_00 * FINE);
			assert_eq!(account(BWH, FUND_A).role, Role::Fund);
			assert_eq!(Admins::<Test>::get(BWH).into_inner(), vec![ADMIN]);
			assert!(events().contains(&Event::CurrencyCreated {
				currency: BWH,
				founder: None,
				fund: FUND_A,
				demurrage: Perbill::from_percent(10),
				value: FixedU128::from_u32(20),
			}));
		});
	}

	#[test]
	fn an_identified_founder_creates_a_currency_for_a_deposit_returned_on_dissolution() {
		build_and_execute(|| {
			assert_ok!(Credit::create_currency(signed(ADMIN), call_params(birchwood())));
			let reason = RuntimeHoldReason::Credit(HoldReason::CurrencyDeposit);
			assert_eq!(Balances::balance_on_hold(&reason, &ADMIN), 100);
			assert_eq!(Currencies::<Test>::get(BWH).unwrap().deposit, Some((ADMIN, 100)));
			assert_ok!(Credit::dissolve(signed(ADMIN), BWH));
			assert_eq!(Balances::balance_on_hold(&reason, &ADMIN), 0);
			assert!(!Currencies::<Test>::contains_key(BWH));
			assert!(!Accounts::<Test>::contains_key(BWH, FUND_A));
			assert_eq!(events().last(), Some(&Event::CurrencyDissolved { currency: BWH }));
		});
	}

	#[test]
	fn an_unidentified_founder_is_refused() {
		build_and_execute(|| {
			assert_noop!(
				Credit::create_currency(signed(STRANGER), call_params(birchwood())),
				Error::<Test>::NotIdentified
			);
		});
	}

	#[test]
	fn a_founder_without_the_deposit_is_refused() {
		build_and_execute(|| {
			assert_noop!(
				Credit::create_currency(signed(ALICE), call_params(birchwood())),
				TokenError::FundsUnavailable
			);
		});
	}

	#[test]
	fn invalid_parameters_are_refused() {
		build_and_execute(|| {
			let cases: Vec<(fn(&mut CurrencyParams<u64>), Error<Test>)> = vec![
				(|p| p.name = vec![], Error::EmptyName),
				(|p| p.symbol = vec![], Error::EmptySymbol),
				(|p| p.decimals = 19, Error::TooManyDecimals),
				(|p| p.demurrage = Perbill::one(), Error::RateTooHigh),
				(|p| p.value = FixedU128::zero(), Error::ZeroValue),
				(|p| p.notice = 31 * DAY, Error::NoticeTooLong),
				(|p| p.admins = vec![], Error::NoAdmins),
				(|p| p.default_limit = u128::MAX / 1000, Error::AmountTooLarge),
			];
			for (change, error) in cases {
				let mut params = birchwood();
				change(&mut params);
				assert_noop!(
					Credit::create_currency(RuntimeOrigin::root(), call_params(params)),
					error
				);
			}
		});
	}

	#[test]
	fn a_currency_in_use_is_not_dissolved() {
		build_and_execute(|| {
			two_communities();
			assert_noop!(Credit::dissolve(signed(ADMIN), BWH), Error::<Test>::CurrencyInUse);
			assert_noop!(Credit::dissolve(signed(ALICE), BWH), Error::<Test>::NotAuthorized);
			assert_noop!(Credit::dissolve(signed(ADMIN), 7), Error::<Test>::CurrencyNotFound);
		});
	}

	#[test]
	fn administrators_are_replaced_by_an_administrator_or_governance() {
		build_and_execute(|| {
			two_communities();
			let admins = |a: Vec<u64>| BoundedVec::truncate_from(a);
			assert_ok!(Credit::set_admins(signed(ADMIN), BWH, admins(vec![ALICE, BOB])));
			assert_noop!(
				Credit::admit(signed(ADMIN), BWH, EVE, None),
				Error::<Test>::NotAuthorized
			);
			assert_ok!(Credit::set_admins(RuntimeOrigin::root(), BWH, admins(vec![ADMIN])));
			assert_noop!(
				Credit::set_admins(signed(ALICE), BWH, admins(vec![ALICE])),
				Error::<Test>::NotAuthorized
			);
			assert_noop!(
				Credit::set_admins(signed(ADMIN), BWH, admins(vec![])),
				Error::<Test>::NoAdmins
			);
		});
	}

	#[test]
	fn a_currency_with_a_name_symbol_or_admin_list_over_its_bound_does_not_even_decode() {
		use codec::{Decode, Encode};
		let call = |p: CurrencyParams<u64>| {
			// The stored form encodes as the call's bounded form does, whatever the lengths.
			let mut bytes =
				RuntimeCall::Credit(Call::create_currency { params: call_params(birchwood()) })
					.encode();
			bytes.truncate(2);
			p.encode_to(&mut bytes);
			RuntimeCall::decode(&mut &bytes[..]).is_ok()
		};
		assert!(call(birchwood()));
		assert!(call(CurrencyParams { name: vec![b'x'; 32], ..birchwood() }));
		assert!(!call(CurrencyParams { name: vec![b'x'; 33], ..birchwood() }));
		assert!(!call(CurrencyParams { symbol: vec![b'x'; 9], ..birchwood() }));
		assert!(!call(CurrencyParams { admins: vec![1, 2, 3, 4], ..birchwood() }));
	}

	#[test]
	fn a_call_naming_too_many_administrators_does_not_even_decode() {
		use codec::{Decode, Encode};
		// A member may send `set_admins` feeless: its argument is bounded in the call itself,
		// so a call with more than `MaxAdmins` (3) is refused before anything runs.
		let call = RuntimeCall::Credit(Call::set_admins {
			currency: BWH,
			admins: BoundedVec::truncate_from(vec![1, 2, 3]),
		});
		let mut bytes = call.encode();
		assert!(RuntimeCall::decode(&mut &bytes[..]).is_ok());
		// Four administrators: the length prefix says 4 (compact 4 << 2 = 16) and one more id.
		let at = bytes.len() - 3 * 8 - 1;
		bytes[at] = 16;
		bytes.extend(4u64.encode());
		assert!(RuntimeCall::decode(&mut &bytes[..]).is_err());
	}

	#[test]
	fn a_fund_can_never_be_a_clearing_account() {
		build_and_execute(|| {
			two_communities();
			let clearing = Credit::clearing_account(BWH, NVG);
			let params = CurrencyParams { fund: clearing, ..birchwood() };
			assert_noop!(
				Credit::create_currency(RuntimeOrigin::root(), call_params(params)),
				Error::<Test>::FundIsReserved
			);
			let pallet: u64 = CreditPalletId::get().into_account_truncating();
			let params = CurrencyParams { fund: pallet, ..birchwood() };
			assert_noop!(
				Credit::create_currency(RuntimeOrigin::root(), call_params(params)),
				Error::<Test>::FundIsReserved
			);
		});
	}
}

mod members {
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
			assert_noop!(
				Credit::admit(signed(ALICE), BWH, FERDIE, None),
				Error::<Test>::NotAuthorized
			);
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
			assert_noop!(
				Credit::set_limit(signed(BOB), BWH, ALICE, 1),
				Error::<Test>::NotAuthorized
			);
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
			assert_noop!(
				Credit::transfer(signed(ALICE), BWH, BOB, 1_00),
				Error::<Test>::PayeeFrozen
			);
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
			assert_noop!(
				Credit::remove_member(signed(BOB), BWH, BOB),
				Error::<Test>::AccountNotEmpty
			);
			assert_noop!(
				Credit::remove_member(signed(ALICE), BWH, BOB),
				Error::<Test>::NotAuthorized
			);
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
}

mod transfers {
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
			assert_noop!(
				Credit::transfer(signed(ALICE), BWH, ALICE, 1),
				Error::<Test>::SelfTransfer
			);
			assert_noop!(
				Credit::transfer(signed(STRANGER), BWH, BOB, 1),
				Error::<Test>::MemberNotFound
			);
			assert_noop!(
				Credit::transfer(signed(CHARLIE), BWH, BOB, 1),
				Error::<Test>::MemberNotFound
			);
			assert_noop!(
				Credit::transfer(signed(ALICE), BWH, CHARLIE, 1),
				Error::<Test>::PayeeNotFound
			);
			assert_noop!(
				Credit::transfer(signed(ALICE), 9, BOB, 1),
				Error::<Test>::CurrencyNotFound
			);
			assert_noop!(
				Credit::transfer(signed(ALICE), BWH, BOB, 500_01),
				Error::<Test>::OverLimit
			);
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
}

mod demurrage_rules {
	use super::*;

	#[test]
	fn only_positive_member_balances_decay() {
		build_and_execute(|| {
			two_communities();
			assert_ok!(Credit::transfer(signed(ALICE), BWH, FUND_A, 100_00));
			assert_ok!(Credit::transfer(signed(BOB), BWH, ALICE, 50_00));
			advance(YEAR);
			collect(BWH, &[ALICE, BOB, FUND_A]);
			// Alice holds -50.00, Bob -50.00, the fund +100.00: nothing decays.
			assert_eq!(account(BWH, ALICE).balance, -50_00 * FINE as i128);
			assert_eq!(account(BWH, BOB).balance, -50_00 * FINE as i128);
			assert_eq!(account(BWH, FUND_A).balance, 100_00 * FINE as i128);
			assert!(!events().iter().any(|e| matches!(e, Event::DemurrageCharged { .. })));
		});
	}

	#[test]
	fn decay_follows_the_clock_not_the_block_count() {
		build_and_execute(|| {
			two_communities();
			assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 100_00));
			assert_ok!(Credit::transfer(signed(CHARLIE), NVG, EVE, 100_000));
			// Bob's balance: one block of a whole day. Eve's: 24 blocks of an hour each.
			let bob_at = now() + DAY;
			for _ in 0..24 {
				advance(DAY / 24);
				collect(NVG, &[EVE]);
			}
			assert_eq!(now(), bob_at);
			collect(BWH, &[BOB]);
			let bob = account(BWH, BOB).balance as u128;
			let eve = account(NVG, EVE).balance as u128;
			let lambda_b = Currencies::<Test>::get(BWH).unwrap().decay;
			let lambda_n = Currencies::<Test>::get(NVG).unwrap().decay;
			assert_eq!(bob, crate::demurrage::decay(100_00 * FINE, lambda_b, DAY));
			let eve_once = crate::demurrage::decay(100_000 * FINE, lambda_n, DAY);
			assert!(eve.abs_diff(eve_once) <= 24, "{eve} vs {eve_once}");
		});
	}

	#[test]
	fn a_year_touched_at_random_moments_matches_the_exact_rate() {
		build_and_execute(|| {
			two_communities();
			assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 123_46));
			let start = now();
			// Touch Bob ~2,000 times at pseudo-random moments, sometimes paying back and forth
			// within one moment (which changes his balance by nothing).
			let mut seed = 0x5eed_u64;
			let mut touches = 0;
			while now() < start + YEAR {
				seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
				let step = (seed >> 33) % (2 * YEAR / 2_000);
				let step = step.min(start + YEAR - now()).max(1);
				advance(step);
				if seed.is_multiple_of(3) {
					assert_ok!(Credit::transfer(signed(BOB), BWH, ALICE, 1_00));
					assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 1_00));
				} else {
					collect(BWH, &[BOB]);
				}
				touches += 1;
			}
			assert_eq!(now(), start + YEAR);
			collect(BWH, &[BOB]);
			// Exact: 123.46 · 0.9 = 111.114 hours.
			let exact = 123_46 * FINE / 10 * 9;
			let bob = account(BWH, BOB).balance as u128;
			assert!(touches > 1_000);
			eprintln!(
				"{touches} touches; off the exact value by {} fine units",
				bob.abs_diff(exact)
			);
			assert!(bob.abs_diff(exact) < FINE / 1_000_000, "{bob} vs {exact}");
			assert_eq!(units(bob as i128), units(exact as i128));
			let fund = account(BWH, FUND_A).balance as u128;
			assert_eq!(fund + bob, 123_46 * FINE);
		});
	}
}

mod savings {
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
			assert_noop!(
				Credit::transfer(signed(BOB), BWH, ALICE, 60_00),
				Error::<Test>::SavingsFirst
			);
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
			assert_noop!(
				Credit::transfer(signed(BOB), BWH, ALICE, 50_01),
				Error::<Test>::SavingsFirst
			);
			assert_ok!(Credit::transfer(signed(BOB), BWH, ALICE, 50_00));
		});
	}
}

mod conversion {
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
}

mod fees {
	use super::*;
	use crate::extension::FeelessCredit;
	use frame_support::{
		dispatch::{DispatchInfo, GetDispatchInfo},
		pallet_prelude::{InvalidTransaction, TransactionSource},
	};
	use sp_runtime::traits::{DispatchTransaction, Dispatchable, TransactionExtension};

	/// Stands for fee payment by an account without native tokens: always refuses.
	#[derive(
		Clone,
		PartialEq,
		Eq,
		Debug,
		codec::Encode,
		codec::Decode,
		codec::DecodeWithMemTracking,
		scale_info::TypeInfo,
	)]
	pub struct NoFunds;
	impl TransactionExtension<RuntimeCall> for NoFunds {
		const IDENTIFIER: &'static str = "NoFunds";
		type Implicit = ();
		type Val = ();
		type Pre = ();
		fn validate(
			&self,
			_: RuntimeOrigin,
			_: &RuntimeCall,
			_: &DispatchInfo,
			_: usize,
			_: (),
			_: &impl sp_runtime::traits::Implication,
			_: TransactionSource,
		) -> sp_runtime::traits::ValidateResult<(), RuntimeCall> {
			Err(InvalidTransaction::Payment.into())
		}
		sp_runtime::impl_tx_ext_default!(RuntimeCall; weight prepare);
	}

	fn run(
		who: u64,
		call: RuntimeCall,
	) -> Result<(), sp_runtime::transaction_validity::TransactionValidityError> {
		let info = call.get_dispatch_info();
		FeelessCredit::<Test, NoFunds>::new(NoFunds)
			.test_run(RuntimeOrigin::signed(who), &call, &info, 0, 0, |origin| {
				call.clone().dispatch(origin)
			})
			.map(|_| ())
	}

	fn pay_bob() -> RuntimeCall {
		RuntimeCall::Credit(Call::transfer { currency: BWH, to: BOB, amount: 1 })
	}

	#[test]
	fn members_send_feeless_transactions_up_to_the_window_allowance() {
		build_and_execute(|| {
			two_communities();
			for _ in 0..3 {
				assert_eq!(run(ALICE, pay_bob()), Ok(()));
			}
			assert_eq!(account(BWH, ALICE).feeless.used, 3);
			// The fourth pays the fee, which Alice cannot.
			assert_eq!(run(ALICE, pay_bob()), Err(InvalidTransaction::Payment.into()));
			// A new window restores the allowance.
			System::set_block_number(System::block_number() + 10);
			assert_eq!(run(ALICE, pay_bob()), Ok(()));
			assert_eq!(account(BWH, ALICE).feeless.used, 1);
		});
	}

	fn run_len(
		who: u64,
		call: RuntimeCall,
		len: usize,
	) -> Result<(), sp_runtime::transaction_validity::TransactionValidityError> {
		let info = call.get_dispatch_info();
		FeelessCredit::<Test, NoFunds>::new(NoFunds)
			.test_run(RuntimeOrigin::signed(who), &call, &info, len, 0, |origin| {
				call.clone().dispatch(origin)
			})
			.map(|_| ())
	}

	#[test]
	fn feeless_transactions_are_charged_by_length() {
		build_and_execute(|| {
			two_communities();
			// 1,000 bytes per window: 600, then 300 fit; another 300 would not, though the
			// allowance of three transactions is not used up.
			assert_eq!(run_len(ALICE, pay_bob(), 600), Ok(()));
			assert_eq!(run_len(ALICE, pay_bob(), 300), Ok(()));
			assert_eq!(account(BWH, ALICE).feeless.bytes, 900);
			assert_eq!(run_len(ALICE, pay_bob(), 300), Err(InvalidTransaction::Payment.into()));
			assert_eq!(run_len(ALICE, pay_bob(), 100), Ok(()));
			// A call larger than the whole budget never goes free.
			System::set_block_number(System::block_number() + 10);
			assert_eq!(run_len(ALICE, pay_bob(), 1_001), Err(InvalidTransaction::Payment.into()));
			assert_eq!(run_len(ALICE, pay_bob(), 1_000), Ok(()));
			assert_eq!(account(BWH, ALICE).feeless.bytes, 1_000);
		});
	}

	#[test]
	fn a_failing_feeless_call_still_counts() {
		build_and_execute(|| {
			two_communities();
			let too_much =
				RuntimeCall::Credit(Call::transfer { currency: BWH, to: BOB, amount: 1_000_00 });
			assert_eq!(run(ALICE, too_much), Ok(()));
			assert_eq!(account(BWH, ALICE).feeless.used, 1);
			assert_eq!(account(BWH, ALICE).balance, 0);
		});
	}

	#[test]
	fn strangers_frozen_members_and_other_calls_pay_fees() {
		build_and_execute(|| {
			two_communities();
			assert_eq!(run(STRANGER, pay_bob()), Err(InvalidTransaction::Payment.into()));
			// Charlie is a member of the grivna, not of the hour.
			assert_eq!(run(CHARLIE, pay_bob()), Err(InvalidTransaction::Payment.into()));
			assert_ok!(Credit::freeze(signed(ADMIN), BWH, ALICE));
			assert_eq!(run(ALICE, pay_bob()), Err(InvalidTransaction::Payment.into()));
			let create =
				RuntimeCall::Credit(Call::create_currency { params: call_params(birchwood()) });
			assert_eq!(run(BOB, create), Err(InvalidTransaction::Payment.into()));
			let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
			assert_eq!(run(BOB, remark), Err(InvalidTransaction::Payment.into()));
		});
	}

	#[test]
	fn the_extension_looks_like_the_wrapped_one() {
		assert_eq!(
			<FeelessCredit<Test, NoFunds> as TransactionExtension<RuntimeCall>>::IDENTIFIER,
			"NoFunds"
		);
		assert_eq!(
			<FeelessCredit<Test, NoFunds> as scale_info::TypeInfo>::type_info(),
			<NoFunds as scale_info::TypeInfo>::type_info()
		);
	}
}

mod view {
	use super::*;

	#[test]
	fn the_account_view_projects_demurrage_to_any_moment() {
		build_and_execute(|| {
			two_communities();
			assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 100_00));
			let now = now();
			let in_a_year = Credit::account(BWH, BOB, Some(now + YEAR)).unwrap();
			assert_eq!(units(in_a_year.balance), 90_00);
			assert_eq!(in_a_year.due, in_a_year.due.min(10_00 * FINE + 1));
			assert_eq!(units(in_a_year.due as i128), 10_00);
			// Nothing was written.
			assert_eq!(account(BWH, BOB).balance, 100_00 * FINE as i128);
			let alice = Credit::account(BWH, ALICE, None).unwrap();
			assert_eq!(alice.spendable, 400_00);
			assert_eq!(Credit::account(BWH, CHARLIE, None), None);
		});
	}
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Op {
		Pay { from: u8, to: u8, amount: u128 },
		Across { from: u8, to: u8, amount: u128 },
		Save { who: u8, amount: u128 },
		Withdraw { who: u8, amount: u128 },
		Wait { ms: u64 },
		Collect { who: u8 },
	}

	const BIRCHWOOD: [u64; 3] = [ALICE, BOB, FUND_A];
	const NOVGOROD: [u64; 3] = [CHARLIE, EVE, FUND_B];

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			4 => (0u8..3, 0u8..3, 0u128..80_000).prop_map(|(from, to, amount)| Op::Pay { from, to, amount }),
			2 => (0u8..3, 0u8..3, 0u128..80_000).prop_map(|(from, to, amount)| Op::Across { from, to, amount }),
			1 => (0u8..2, 0u128..40_000).prop_map(|(who, amount)| Op::Save { who, amount }),
			1 => (0u8..2, 0u128..40_000).prop_map(|(who, amount)| Op::Withdraw { who, amount }),
			2 => (0u64..(60 * DAY)).prop_map(|ms| Op::Wait { ms }),
			1 => (0u8..3).prop_map(|who| Op::Collect { who }),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]

		/// Whatever members do, each currency stays zero-sum, no balance passes its limit, and
		/// a refused call changes nothing.
		#[test]
		fn random_payments_keep_every_currency_zero_sum(ops in prop::collection::vec(op(), 1..60)) {
			new_test_ext().execute_with(|| {
				two_communities();
				assert_ok!(Credit::set_credit_line(signed(DAVE), NVG, BWH, 500_000));
				assert_ok!(Credit::set_credit_line(signed(ADMIN), BWH, NVG, 200_00));
				for op in ops {
					let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
					let result = match op {
						Op::Pay { from, to, amount } => {
							let (a, b) = if amount % 2 == 0 { (BIRCHWOOD, BWH) } else { (NOVGOROD, BWH + 1) };
							Credit::transfer(signed(a[from as usize]), b, a[to as usize], amount)
						},
						Op::Across { from, to, amount } => if amount % 2 == 0 {
							Credit::pay_across(signed(BIRCHWOOD[from as usize]), BWH, NVG, NOVGOROD[to as usize], amount)
						} else {
							Credit::pay_across(signed(NOVGOROD[from as usize]), NVG, BWH, BIRCHWOOD[to as usize], amount)
						},
						Op::Save { who, amount } => Credit::save(signed(BIRCHWOOD[who as usize]), BWH, amount),
						Op::Withdraw { who, amount } => Credit::request_withdrawal(signed(BIRCHWOOD[who as usize]), BWH, amount),
						Op::Wait { ms } => { advance(ms); Ok(()) },
						Op::Collect { who } => Credit::collect(
							signed(ALICE), BWH, vec![BIRCHWOOD[who as usize]].try_into().unwrap()),
					};
					if result.is_err() {
						prop_assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
					}
					prop_assert_eq!(Credit::do_try_state(), Ok(()));
				}
				Ok(())
			})?;
		}
	}
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
