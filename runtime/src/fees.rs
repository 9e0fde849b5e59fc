//! Fee quotes that say what the transaction extensions will charge.
//!
//! `pallet_transaction_payment`'s own quote looks at the call's declared dispatch info only: it
//! quotes a fee for every transaction that is not bare. Two kinds of Veche transaction pay
//! nothing, and wallets (polkadot.js apps, the citizen app) must be told so before they sign:
//!
//! - a transaction with no signer (a general transaction authorized by its call: an anonymous
//!   ballot) — the payment extension charges only signed origins;
//! - a member's credit call within their feeless allowance ([`pallet_veche_credit::FeelessCredit`]
//!   lets it through without calling the payment extension).
//!
//! The runtime API (`TransactionPaymentApi`) answers with [`query_info`] and
//! [`query_fee_details`].

use crate::{Balance, Runtime, TransactionPayment, UncheckedExtrinsic};
use pallet_transaction_payment::{FeeDetails, RuntimeDispatchInfo};
use sp_runtime::{generic::Preamble, traits::StaticLookup};

type Feeless = pallet_veche_credit::FeelessCredit<
	Runtime,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
>;

/// Whether the transaction extensions charge `uxt` (of `len` bytes) no fee at all.
pub fn charges_nothing(uxt: &UncheckedExtrinsic, len: u32) -> bool {
	match &uxt.preamble {
		// Inherents and unsigned transactions, and general transactions: none has a signer for
		// the payment extension to charge (our extensions verify no signature of their own).
		Preamble::Bare(_) | Preamble::General(..) => true,
		Preamble::Signed(address, _, _) => {
			match <Runtime as frame_system::Config>::Lookup::lookup(address.clone()) {
				Ok(who) => Feeless::would_be_feeless(&who, &uxt.function, len as usize),
				Err(_) => false,
			}
		},
	}
}

/// The weight, class and fee of `uxt` as the extensions will charge it.
pub fn query_info(uxt: UncheckedExtrinsic, len: u32) -> RuntimeDispatchInfo<Balance> {
	let free = charges_nothing(&uxt, len);
	let mut info = TransactionPayment::query_info(uxt, len);
	if free {
		info.partial_fee = 0;
	}
	info
}

/// The fee of `uxt` in parts, as the extensions will charge it: none for a transaction that
/// pays nothing.
pub fn query_fee_details(uxt: UncheckedExtrinsic, len: u32) -> FeeDetails<Balance> {
	if charges_nothing(&uxt, len) {
		FeeDetails { inclusion_fee: None, tip: 0 }
	} else {
		TransactionPayment::query_fee_details(uxt, len)
	}
}
