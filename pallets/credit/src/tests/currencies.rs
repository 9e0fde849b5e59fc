//! Creating, administering and dissolving currencies.

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
		// The event carries everything a block explorer shows of the currency.
		assert!(events().contains(&Event::CurrencyCreated {
			currency: BWH,
			founder: None,
			name: b"Birchwood hour".to_vec().try_into().unwrap(),
			symbol: b"BWH".to_vec().try_into().unwrap(),
			decimals: 2,
			fund: FUND_A,
			demurrage: Perbill::from_percent(10),
			value: FixedU128::from_u32(20),
			default_limit: 500_00,
			notice: DAY,
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
		assert_noop!(Credit::admit(signed(ADMIN), BWH, EVE, None), Error::<Test>::NotAuthorized);
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
