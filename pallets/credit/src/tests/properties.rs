//! Randomised properties: every currency stays zero-sum.

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
