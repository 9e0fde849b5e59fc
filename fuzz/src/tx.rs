//! Transactions as wallets make them: the runtime's extensions, signed by a development key,
//! or general (no signer) for calls that authorize themselves.

use codec::Encode;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::SignedPayload, MultiAddress, MultiSignature};
use veche_runtime::{immortal_extensions, RuntimeCall, UncheckedExtrinsic};

/// `call` signed by `who` (must run inside the chain's state: the payload names its genesis).
pub fn signed(call: RuntimeCall, who: Sr25519Keyring, nonce: u32) -> UncheckedExtrinsic {
	let ext = immortal_extensions(nonce);
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
	UncheckedExtrinsic::new_transaction(call, immortal_extensions(0))
}
