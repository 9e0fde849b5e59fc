//! Feeless transactions of members, bounded and charged by length.

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
