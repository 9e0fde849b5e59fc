//! The registry of acts from the command line: ML-DSA-65 keys made from a 32-byte secret, the
//! messages the runtime verifies, signing and registering, and verifying an act's signatures
//! off chain from what the chain keeps.

use crate::{
	chain::{self, Client},
	from_hex, to_hex,
};
use codec::Encode;
use fips204::{
	ml_dsa_65,
	traits::{KeyGen, SerDes, Signer},
};
use pallet_veche_acts::{mldsa, ActKind};
use subxt::dynamic::Value;
use subxt_signer::sr25519::Keypair;

/// An act as stored (accounts as their 32 bytes; bounds wide enough for any runtime's).
pub type Act = pallet_veche_acts::Act<[u8; 32], u32, frame_support::traits::ConstU32<{ u32::MAX }>>;
/// A version as stored.
pub type Version = pallet_veche_acts::Version<
	[u8; 32],
	u32,
	frame_support::traits::ConstU32<{ u32::MAX }>,
	frame_support::traits::ConstU32<{ u32::MAX }>,
>;
/// A signing key as stored.
pub type SigningKey = pallet_veche_acts::SigningKey<[u8; 32], u32>;
/// A signature as stored.
pub type Signature = pallet_veche_acts::Signature<u32>;

/// An official's ML-DSA-65 key pair, made from a 32-byte secret (FIPS 204 key generation from a
/// seed): the same secret gives the same key in this client, in the runtime's demo and in the
/// citizen app.
pub struct PqKey {
	/// The public key.
	pub public: mldsa::PublicKey,
	secret: ml_dsa_65::PrivateKey,
}

impl PqKey {
	/// The key pair of `seed`.
	pub fn from_seed(seed: &[u8; 32]) -> Self {
		let (public, secret) = ml_dsa_65::KG::keygen_from_seed(seed);
		PqKey { public: public.into_bytes(), secret }
	}

	/// Reads a key file: one line of 32 bytes of hex (the seed).
	pub fn load(path: &std::path::Path) -> Result<Self, String> {
		let text = std::fs::read_to_string(path)
			.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
		let seed: [u8; 32] = from_hex(text.trim())?
			.try_into()
			.map_err(|_| format!("{}: a key file holds 32 bytes of hex", path.display()))?;
		Ok(Self::from_seed(&seed))
	}

	/// Signs `message` with `context`, hedged with fresh randomness (FIPS 204's default).
	pub fn sign(&self, message: &[u8], context: &[u8]) -> Result<Vec<u8>, String> {
		self.secret
			.try_sign(message, context)
			.map(|s| s.to_vec())
			.map_err(|e| format!("signing failed: {e}"))
	}
}

/// The message that registers a key of `who` for `office`: `(genesis, who, office)`.
pub fn key_message(genesis: [u8; 32], who: &[u8; 32], office: u32) -> Vec<u8> {
	(genesis, who, office).encode()
}

/// The message a version's signers sign: `(genesis, act, version, content)`.
pub fn version_message(genesis: [u8; 32], act: u32, version: u32, content: &[u8; 32]) -> Vec<u8> {
	(genesis, act, version, content).encode()
}

/// BLAKE2b-256 of an act's text: the hash the registry records.
pub fn text_hash(text: &[u8]) -> [u8; 32] {
	let hash = blake2b_simd::Params::new().hash_length(32).hash(text);
	let mut out = [0u8; 32];
	out.copy_from_slice(hash.as_bytes());
	out
}

/// The kind named `name` (any case).
pub fn parse_kind(name: &str) -> Result<ActKind, String> {
	ActKind::ALL
		.into_iter()
		.find(|k| format!("{k:?}").eq_ignore_ascii_case(name.trim()))
		.ok_or_else(|| format!("no kind {name:?}: one of {:?}", ActKind::ALL))
}

fn u32v(n: u32) -> Value {
	Value::u128(n.into())
}

/// Act `id`.
pub async fn act(client: &Client, id: u32) -> Result<Option<Act>, String> {
	chain::view(client, "Acts", "act", (u32v(id),)).await
}

/// Version `version` of act `id`.
pub async fn version(client: &Client, id: u32, version: u32) -> Result<Option<Version>, String> {
	chain::view(client, "Acts", "version", (u32v(id), u32v(version))).await
}

/// The version of act `id` in force at block `at`.
pub async fn in_force(client: &Client, id: u32, at: u32) -> Result<Option<(u32, Version)>, String> {
	chain::view(client, "Acts", "in_force", (u32v(id), u32v(at))).await
}

/// The signatures of a version, each with its key.
pub async fn signatures(
	client: &Client,
	id: u32,
	version: u32,
) -> Result<Vec<(u32, SigningKey, Signature)>, String> {
	chain::view(client, "Acts", "signatures", (u32v(id), u32v(version))).await
}

/// Tables an act (signed by an official of `office`, or sudo's key for governance is not done
/// here): returns the extrinsic's hash.
pub async fn table(
	client: &Client,
	signer: &Keypair,
	office: u32,
	kind: ActKind,
	title: &[u8],
	content: [u8; 32],
	locator: &[u8],
) -> Result<String, String> {
	let args = (office, kind, title, content, locator).encode();
	chain::signed(client, signer, "Acts", "table", args, "tabling the act").await
}

/// Registers `key` for the signer's account and `office`, with its proof of possession.
pub async fn register_key(
	client: &Client,
	signer: &Keypair,
	office: u32,
	key: &PqKey,
) -> Result<String, String> {
	let genesis = chain::genesis_hash(client).await;
	let who = signer.public_key().0;
	let proof = key.sign(&key_message(genesis, &who, office), mldsa::KEY_CONTEXT)?;
	let args = (office, key.public, proof).encode();
	chain::signed(client, signer, "Acts", "register_key", args, "registering the key").await
}

/// Signs version `version` of act `id` with `key` (registered as key `key_id`) and submits the
/// signature, sent by `sender`.
pub async fn sign(
	client: &Client,
	sender: &Keypair,
	id: u32,
	version_index: u32,
	key_id: u32,
	key: &PqKey,
) -> Result<String, String> {
	let stored = version(client, id, version_index).await?.ok_or("no such version of the act")?;
	let genesis = chain::genesis_hash(client).await;
	let signature = key
		.sign(&version_message(genesis, id, version_index, &stored.content), mldsa::ACT_CONTEXT)?;
	let args = (id, version_index, key_id, signature).encode();
	chain::signed(client, sender, "Acts", "sign", args, "signing the act").await
}

/// Verifies, off chain, every signature the chain keeps of version `version` of act `id`
/// against the message rebuilt here from the chain's genesis hash and the version's text hash.
/// With `text`, also checks that the text's BLAKE2b-256 is the one recorded.
pub async fn verify(
	client: &Client,
	id: u32,
	version_index: u32,
	text: Option<&[u8]>,
) -> Result<serde_json::Value, String> {
	let stored = version(client, id, version_index).await?.ok_or("no such version of the act")?;
	let genesis = chain::genesis_hash(client).await;
	let message = version_message(genesis, id, version_index, &stored.content);
	let signatures = signatures(client, id, version_index).await?;
	let checked: Vec<serde_json::Value> = signatures
		.iter()
		.map(|(key, holder, sig)| {
			serde_json::json!({
				"key": key,
				"signer": to_hex(&holder.owner),
				"office": holder.office,
				"at": sig.at,
				"valid": mldsa::verify(&holder.public, &message, &sig.bytes, mldsa::ACT_CONTEXT),
			})
		})
		.collect();
	let all_valid = checked.iter().all(|c| c["valid"] == true);
	let text_matches = text.map(|t| text_hash(t) == stored.content);
	Ok(serde_json::json!({
		"act": id,
		"version": version_index,
		"content": to_hex(&stored.content),
		"text_matches": text_matches,
		"complete": stored.signed.is_some(),
		"signatures": checked,
		"all_valid": all_valid && text_matches != Some(false),
	}))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_key_from_a_seed_is_the_runtimes_and_signs_what_the_runtime_verifies() {
		let seed = [7u8; 32];
		let key = PqKey::from_seed(&seed);
		assert_eq!(key.public, mldsa::public_from_seed(&seed));
		let message = version_message([1; 32], 3, 0, &[9; 32]);
		let signature = key.sign(&message, mldsa::ACT_CONTEXT).unwrap();
		assert!(mldsa::verify(&key.public, &message, &signature, mldsa::ACT_CONTEXT));
		assert!(!mldsa::verify(&key.public, &message, &signature, mldsa::KEY_CONTEXT));
		// Hedged: two signatures of one message differ, and both verify.
		let again = key.sign(&message, mldsa::ACT_CONTEXT).unwrap();
		assert_ne!(signature, again);
		assert!(mldsa::verify(&key.public, &message, &again, mldsa::ACT_CONTEXT));
	}

	#[test]
	fn the_messages_are_the_pallets() {
		// The pallet encodes `(genesis, account, office)` and `(genesis, act, version, content)`.
		assert_eq!(key_message([1; 32], &[2; 32], 7).len(), 68);
		assert_eq!(&key_message([1; 32], &[2; 32], 7)[64..], &7u32.to_le_bytes());
		assert_eq!(version_message([1; 32], 3, 4, &[9; 32]).len(), 72);
	}

	#[test]
	fn a_texts_hash_is_blake2b_256() {
		assert_eq!(
			to_hex(&text_hash(b"abc")),
			"0xbddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"
		);
	}

	#[test]
	fn kinds_are_named_in_any_case() {
		assert_eq!(parse_kind("bill"), Ok(ActKind::Bill));
		assert_eq!(parse_kind("OfficialResponse"), Ok(ActKind::OfficialResponse));
		assert!(parse_kind("edict").is_err());
	}
}
