//! Fees: charged for weight, waived for members' credit calls.

use super::*;

#[test]
fn a_fee_is_charged_for_the_base_weight() {
	use frame_support::weights::{constants::ExtrinsicBaseWeight, WeightToFee as _};
	let fee = crate::WeightToFee::weight_to_fee(&ExtrinsicBaseWeight::get());
	// The polynomial maps the base extrinsic weight to ~1 milli-VEC (rounding down).
	assert!(fee <= crate::MILLI_UNIT && fee > crate::MILLI_UNIT * 99 / 100, "fee = {fee}");
}

/// Anna, a Birchwood member of the demo who holds no native token, pays Bob and pays Boris in
/// Novgorod in signed transactions that charge no fee; the same payment from an account that is
/// no member is refused by the pool (it cannot pay the fee), and so is one from a member whose
/// feeless allowance for the hour is used up.
#[test]
fn a_member_without_native_tokens_pays_without_a_fee() {
	use crate::{genesis_config_presets::ANNA, Credit, Executive};
	use pallet_veche_credit::{Accounts, Call as CreditCall, FINE_PER_UNIT};
	use sp_runtime::transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError,
	};
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(1_700_000_000_000);
		let anna = AccountId::from(ANNA);
		let bob = acc(Sr25519Keyring::Bob);
		assert_eq!(Balances::free_balance(&anna), 0);
		let parent = frame_system::Pallet::<Runtime>::parent_hash();
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		let pay_bob = |amount| {
			RuntimeCall::Credit(CreditCall::transfer {
				currency: 0,
				to: bob.clone().into(),
				amount,
			})
		};

		let xt = signed_by("//Anna", 0, pay_bob(12_00));
		assert_ok!(Executive::validate_transaction(
			TransactionSource::External,
			xt.clone(),
			parent
		));
		assert_ok!(Executive::apply_extrinsic(xt).expect("the block takes it"));
		let fine = (12_00 * FINE_PER_UNIT) as i128;
		assert_eq!(Accounts::<Runtime>::get(0, &anna).map(|a| a.balance), Some(-fine));
		assert_eq!(Accounts::<Runtime>::get(0, &bob).map(|a| a.balance), Some(fine));

		let boris = AccountId::from(crate::genesis_config_presets::BORIS);
		let across = RuntimeCall::Credit(CreditCall::pay_across {
			currency: 0,
			to_currency: 1,
			to: boris.clone().into(),
			amount: 4_000,
		});
		assert_ok!(Executive::apply_extrinsic(signed_by("//Anna", 1, across)).expect("applied"));
		assert_eq!(
			Accounts::<Runtime>::get(1, &boris).map(|a| a.balance),
			Some((4_000 * FINE_PER_UNIT) as i128)
		);
		assert_eq!(Balances::free_balance(&anna), 0);
		assert_eq!(
			pallet_balances::TotalIssuance::<Runtime>::get(),
			issuance,
			"no fee was charged"
		);

		// Not a member: the transaction must pay, and the account has nothing.
		let stranger = signed_by("//Stranger", 0, pay_bob(1));
		assert_eq!(
			Executive::validate_transaction(TransactionSource::External, stranger, parent),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);

		// Anna's allowance: 100 an hour; two are used.
		pallet_veche_credit::Accounts::<Runtime>::mutate(0, &anna, |a| {
			if let Some(a) = a {
				a.feeless.used = 100;
			}
		});
		let over = signed_by("//Anna", 2, pay_bob(1));
		assert_eq!(
			Executive::validate_transaction(TransactionSource::External, over, parent),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		assert!(Credit::account(0, anna, None).is_some_and(|v| v.spendable > 0));
	});
}
