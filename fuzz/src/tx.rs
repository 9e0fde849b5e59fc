//! Transactions as wallets make them: the runtime's extensions, signed by a development key,
//! or general (no signer) for calls that authorize themselves.

use codec::Encode;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Era, SignedPayload},
	MultiAddress, MultiSignature,
};
use veche_runtime::{RuntimeCall, TxExtension, UncheckedExtrinsic};

/// The runtime's transaction extensions for a transaction with `nonce`, immortal, no tip.
pub fn tx_ext(nonce: u32) -> TxExtension {
	cumulus_pallet_weight_reclaim::StorageWeightReclaim::new((
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_veche_credit::FeelessCredit::new(
			pallet_transaction_payment::ChargeTransactionPayment::from(0),
		),
	))
}

/// `call` signed by `who` (must run inside the chain's state: the payload names its genesis).
pub fn signed(call: RuntimeCall, who: Sr25519Keyring, nonce: u32) -> UncheckedExtrinsic {
	let ext = tx_ext(nonce);
	let payload = SignedPayload::new(call.clone(), ext.clone()).expect("the payload builds");
	let signature = payload.using_encoded(|p| who.sign(p));
	UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(who.to_account_id()),
		MultiSignature::Sr25519(signature),
		ext,
	)
}

/// `call` as a general transaction with no signer (authorized by the call itself).
pub fn general(call: RuntimeCall) -> UncheckedExtrinsic {
	UncheckedExtrinsic::new_transaction(call, tx_ext(0))
}
