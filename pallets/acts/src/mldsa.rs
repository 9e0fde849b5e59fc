//! ML-DSA-65 (FIPS 204) as the registry uses it: the sizes of keys and signatures, the two
//! domain-separating contexts, and verification.
//!
//! The runtime verifies with the `fips204` crate: pure Rust, `no_std` without an allocator,
//! without `unsafe`, whose dependencies (`sha2`, `sha3`, `rand_core`, `zeroize`) the runtime
//! already carries, at the versions it carries: 0.4 (FIPS 204 final, with contexts), because 0.5
//! asks for a newer `sha3` patch release than `sp-crypto-hashing` is locked to, and taking it
//! would rebuild the whole runtime and node for no change in ML-DSA. It agreed with RustCrypto's `ml-dsa` on all 210 Wycheproof ML-DSA-65 verification
//! cases and reproduced the deterministic signing vectors byte for byte (the native tests below
//! check both). Its verify-only wasm is about 52 KB.
//!
//! Every signature is *pure* ML-DSA (not HashML-DSA) with a context string (FIPS 204 §5.2,
//! `ctx`) that says what was signed, so that a signature made for one purpose can never be
//! presented for another: [`KEY_CONTEXT`] for the proof that a key's holder asked to register it,
//! [`ACT_CONTEXT`] for an act's version. The messages are SCALE encodings that start with the
//! chain's genesis hash, so a signature is not valid on another chain either.

use fips204::{
	ml_dsa_65,
	traits::{SerDes, Verifier},
};

/// Bytes of an ML-DSA-65 public (verifying) key.
pub const PUBLIC_KEY_LEN: usize = ml_dsa_65::PK_LEN;

/// Bytes of an ML-DSA-65 signature.
pub const SIGNATURE_LEN: usize = ml_dsa_65::SIG_LEN;

/// An ML-DSA-65 public key as the registry stores it.
pub type PublicKey = [u8; PUBLIC_KEY_LEN];

/// An ML-DSA-65 signature as calls take it and the registry stores it: bounded bytes, not an
/// array, because polkadot.js (`@polkadot/types`) refuses fixed arrays longer than 2,048 and
/// would not load the chain's metadata at all. Only exactly [`SIGNATURE_LEN`] bytes verify.
pub type SignatureBytes =
	frame_support::BoundedVec<u8, frame_support::traits::ConstU32<{ SIGNATURE_LEN as u32 }>>;

/// The context of the proof of possession that registers a key: the key's holder signs
/// `(genesis hash, account, office)` with it.
pub const KEY_CONTEXT: &[u8] = b"veche/acts/register-key/v1";

/// The context of an act's signature: the signer signs `(genesis hash, act, version, content
/// hash)`.
pub const ACT_CONTEXT: &[u8] = b"veche/acts/sign-version/v1";

/// The public key of the key pair made from `seed` (FIPS 204 `ML-DSA.KeyGen_internal`): how
/// the demo's signer and clients derive a key from a 32-byte secret.
pub fn public_from_seed(seed: &[u8; 32]) -> PublicKey {
	use fips204::traits::KeyGen;
	let (public, _) = ml_dsa_65::KG::keygen_from_seed(seed);
	public.into_bytes()
}

/// The deterministic ML-DSA-65 signature (FIPS 204 hedged signing with a zero `rnd`) of
/// `message` with `context` by the key pair made from `seed`: for clients, demos and tests,
/// never called by the runtime.
#[cfg(feature = "std")]
pub fn sign_with_seed(
	seed: &[u8; 32],
	message: &[u8],
	context: &[u8],
) -> Option<[u8; SIGNATURE_LEN]> {
	use fips204::traits::{KeyGen, Signer};
	let (_, secret) = ml_dsa_65::KG::keygen_from_seed(seed);
	secret.try_sign_with_seed(&[0; 32], message, context).ok()
}

/// Does `signature` sign `message` under `public` with `context`? A malformed key or signature
/// (a wrong length, an encoding out of range) does not verify.
pub fn verify(public: &PublicKey, message: &[u8], signature: &[u8], context: &[u8]) -> bool {
	let Ok(signature) = <&[u8; SIGNATURE_LEN]>::try_from(signature) else { return false };
	let Ok(key) = ml_dsa_65::PublicKey::try_from_bytes(*public) else { return false };
	key.verify(message, signature, context)
}

#[cfg(test)]
mod tests {
	use super::*;
	use fips204::traits::{KeyGen, Signer};
	use wycheproof::TestResult;

	#[test]
	fn sizes_are_those_of_fips_204() {
		assert_eq!(PUBLIC_KEY_LEN, 1952);
		assert_eq!(SIGNATURE_LEN, 3309);
	}

	/// Wycheproof's ML-DSA-65 verification vectors: valid signatures, and invalid ones (altered
	/// bits, wrong lengths, out-of-range hints, contexts of 256 bytes); ours must agree with every
	/// case, and so must RustCrypto's `ml-dsa`, an independent implementation.
	#[test]
	fn verification_agrees_with_the_published_vectors() {
		let set = wycheproof::mldsa_verify::TestSet::load(
			wycheproof::mldsa_verify::TestName::MlDsa65Verify,
		)
		.expect("the vectors ship with the crate; qed");
		let (mut valid, mut invalid, mut with_context) = (0, 0, 0);
		for group in &set.test_groups {
			for test in &group.tests {
				let context: &[u8] = test.ctx.as_ref().map(|c| c.as_ref()).unwrap_or(&[]);
				with_context += usize::from(!context.is_empty());
				let ours = <PublicKey>::try_from(group.pubkey.as_slice())
					.is_ok_and(|public| verify(&public, &test.msg, &test.sig, context));
				match test.result {
					TestResult::Valid => {
						assert!(ours, "case {} must verify", test.tc_id);
						valid += 1;
					},
					TestResult::Invalid => {
						assert!(!ours, "case {} must not verify", test.tc_id);
						invalid += 1;
					},
					TestResult::Acceptable => {},
				}
				let theirs = other_verify(&group.pubkey, &test.msg, &test.sig, context);
				assert_eq!(ours, theirs, "case {}", test.tc_id);
			}
		}
		// Every case of the published set was checked: 79 valid, 131 invalid, 7 with a context.
		assert_eq!((valid, invalid, with_context), (79, 131, 7));
	}

	/// Wycheproof's deterministic signing vectors (a seed, a message, a context): the key made
	/// from the seed signs to exactly the published bytes, which verify.
	#[test]
	fn deterministic_signing_reproduces_the_published_vectors() {
		let set = wycheproof::mldsa_sign::TestSet::load(
			wycheproof::mldsa_sign::TestName::MlDsa65SignSeed,
		)
		.expect("the vectors ship with the crate; qed");
		let mut checked = 0;
		for group in &set.test_groups {
			let Some(seed) = group.privseed.as_ref() else { continue };
			let Ok(seed) = <[u8; 32]>::try_from(seed.as_slice()) else { continue };
			let (public, secret) = ml_dsa_65::KG::keygen_from_seed(&seed);
			let public = public.into_bytes();
			for test in &group.tests {
				let (Some(message), None) = (test.msg.as_ref(), test.rnd.as_ref()) else {
					continue;
				};
				if test.result != TestResult::Valid {
					continue;
				}
				let context: &[u8] = test.ctx.as_ref().map(|c| c.as_ref()).unwrap_or(&[]);
				let signature = secret
					.try_sign_with_seed(&[0u8; 32], message, context)
					.expect("a context of at most 255 bytes; qed");
				assert_eq!(signature.as_slice(), test.sig.as_slice(), "case {}", test.tc_id);
				assert!(verify(&public, message, &signature, context));
				checked += 1;
			}
		}
		// Every deterministic case of the published set (those with `rnd` are hedged).
		assert_eq!(checked, 83);
	}

	#[test]
	fn a_signature_verifies_only_with_its_key_message_and_context() {
		let (public, secret) = ml_dsa_65::KG::keygen_from_seed(&[7; 32]);
		let (other, _) = ml_dsa_65::KG::keygen_from_seed(&[8; 32]);
		let (public, other) = (public.into_bytes(), other.into_bytes());
		let signature = secret.try_sign_with_seed(&[0; 32], b"act 1 v0", ACT_CONTEXT).unwrap();
		assert!(verify(&public, b"act 1 v0", &signature, ACT_CONTEXT));
		assert!(!verify(&other, b"act 1 v0", &signature, ACT_CONTEXT));
		assert!(!verify(&public, b"act 1 v1", &signature, ACT_CONTEXT));
		assert!(!verify(&public, b"act 1 v0", &signature, KEY_CONTEXT));
		assert!(!verify(&public, b"act 1 v0", &signature[..SIGNATURE_LEN - 1], ACT_CONTEXT));
		let mut flipped = signature;
		flipped[100] ^= 1;
		assert!(!verify(&public, b"act 1 v0", &flipped, ACT_CONTEXT));
	}

	/// RustCrypto's `ml-dsa`: the same check by an independent implementation.
	fn other_verify(public: &[u8], message: &[u8], signature: &[u8], context: &[u8]) -> bool {
		use ml_dsa::{EncodedVerifyingKey, MlDsa65, Signature, VerifyingKey};
		let Ok(key) = EncodedVerifyingKey::<MlDsa65>::try_from(public) else { return false };
		let key = VerifyingKey::<MlDsa65>::decode(&key);
		let Ok(signature) = Signature::<MlDsa65>::try_from(signature) else { return false };
		key.verify_with_context(message, context, &signature)
	}
}
