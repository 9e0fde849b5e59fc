//! Fee quotes through the runtime as it composes: what `payment_queryInfo` (the
//! `TransactionPaymentApi`, answered by `veche_runtime::fees`) says a transaction costs is what
//! the transaction extensions then charge.

use codec::Encode;
use sp_keyring::Sr25519Keyring as K;
use veche_fuzz::{
	chain::{Offered, Outcome},
	tx, Chain,
};
use veche_runtime::{Runtime, RuntimeCall, UncheckedExtrinsic};

fn free(chain: &mut Chain, who: K) -> u128 {
	chain.with_state(|| pallet_balances::Pallet::<Runtime>::free_balance(who.to_account_id()))
}

fn nonce(chain: &mut Chain, who: K) -> u32 {
	chain.with_state(|| frame_system::Pallet::<Runtime>::account_nonce(who.to_account_id()))
}

/// The quoted fee of `xt` and what its block then took from `who`.
fn quoted_and_charged(chain: &mut Chain, xt: UncheckedExtrinsic, who: K) -> (u128, u128, Outcome) {
	let len = xt.encoded_size() as u32;
	let quote = chain
		.with_state(|| veche_runtime::fees::query_info(xt.clone(), len))
		.partial_fee;
	let details = chain.with_state(|| veche_runtime::fees::query_fee_details(xt.clone(), len));
	assert_eq!(details.final_fee(), quote, "the two quotes agree");
	let before = free(chain, who);
	let block = chain
		.build_block(vec![Offered { xt, label: "quoted".into() }])
		.expect("the block is sound");
	let outcome = block.extrinsics[0].outcome.clone();
	(quote, before - free(chain, who), outcome)
}

#[test]
fn a_fee_quote_says_what_the_extensions_charge() {
	let mut chain = Chain::development();
	chain.build_block(Vec::new()).expect("the first block builds");
	let transfer = |to: K| {
		RuntimeCall::Credit(pallet_veche_credit::Call::transfer {
			currency: 0,
			to: to.to_account_id().into(),
			amount: 1,
		})
	};
	// Alice is a member of the Birchwood hour (currency 0) with her feeless allowance: her
	// credit transfer is quoted nothing and costs nothing (it was quoted 9.16 mVEC before).
	let n = nonce(&mut chain, K::Alice);
	let xt = chain.with_state(|| tx::signed(transfer(K::Bob), K::Alice, n));
	let (quote, charged, outcome) = quoted_and_charged(&mut chain, xt, K::Alice);
	assert_eq!(outcome, Outcome::Ok);
	assert_eq!((quote, charged), (0, 0));
	// Charlie is not a member of currency 0: the same call from him is quoted a fee and pays
	// exactly that (the call then fails: he is not a member).
	let n = nonce(&mut chain, K::Charlie);
	let xt = chain.with_state(|| tx::signed(transfer(K::Bob), K::Charlie, n));
	let (quote, charged, outcome) = quoted_and_charged(&mut chain, xt, K::Charlie);
	assert!(matches!(outcome, Outcome::Failed(_)), "{outcome:?}");
	assert!(quote > 0);
	assert_eq!(charged, quote);
	// Any other signed call pays its quote.
	let n = nonce(&mut chain, K::Bob);
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![7; 32] });
	let xt = chain.with_state(|| tx::signed(remark, K::Bob, n));
	let (quote, charged, outcome) = quoted_and_charged(&mut chain, xt, K::Bob);
	assert_eq!(outcome, Outcome::Ok);
	assert!(quote > 0);
	assert_eq!(charged, quote);
	// An anonymous ballot (a general transaction with no signer) is quoted nothing.
	let ballot = pallet_veche_ballots::Ballot {
		poll: 0,
		choice: Default::default(),
		sequence: 1,
		ring: pallet_veche_primitives::RingRef {
			set: pallet_veche_primitives::RingSet::Constituency(3),
			index: 0,
			revision: 1,
		},
		proof: vec![0; 785].try_into().expect("fits"),
		credential: None,
	};
	let xt = tx::general(RuntimeCall::Ballots(pallet_veche_ballots::Call::cast { ballot }));
	let len = xt.encoded_size() as u32;
	let quote = chain.with_state(|| veche_runtime::fees::query_info(xt, len));
	assert_eq!(quote.partial_fee, 0);
}
