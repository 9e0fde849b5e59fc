//! Talking to a Veche node over its WebSocket RPC (subxt, dynamic calls checked against the
//! node's metadata).

use crate::{to_hex, Member, RingRef, RingSet};
use codec::{Decode, Encode};
use pallet_veche_primitives::{ProofError, ProvenAlias};
use subxt::{
	dynamic::{self, Value},
	OnlineClient, PolkadotConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// Veche's transaction and account types are Polkadot's (sr25519 `MultiSignature`,
/// `AccountId32`, `MultiAddress<_, ()>`, u32 block numbers).
pub type Client = OnlineClient<PolkadotConfig>;

/// Connects to a node (`ws://127.0.0.1:9944` for `scripts/dev.sh`).
pub async fn connect(url: &str) -> Result<Client, String> {
	Client::from_insecure_url(url)
		.await
		.map_err(|e| format!("cannot connect to {url}: {e}"))
}

/// A signer from a secret URI (`//Dave`, a mnemonic, `0x…` seed).
pub fn signer(suri: &str) -> Result<Keypair, String> {
	let uri: SecretUri = suri.parse().map_err(|e| format!("bad secret URI: {e}"))?;
	Keypair::from_uri(&uri).map_err(|e| format!("bad secret URI: {e}"))
}

fn set_value(set: RingSet) -> Value {
	match set {
		RingSet::Constituency(id) => {
			Value::unnamed_variant("Constituency", [Value::u128(id.into())])
		},
		RingSet::Credential(class) => {
			Value::unnamed_variant("Credential", [Value::u128(class.into())])
		},
	}
}

fn bytes32(b: &[u8; 32]) -> Value {
	Value::from_bytes(b)
}

/// Parses `constituency:N` or `credential:N`.
pub fn parse_set(s: &str) -> Result<RingSet, String> {
	let (kind, n) = s.split_once(':').ok_or("a ring set is constituency:N or credential:N")?;
	match kind {
		"constituency" => Ok(RingSet::Constituency(n.parse().map_err(|_| "bad unit id")?)),
		"credential" => Ok(RingSet::Credential(n.parse().map_err(|_| "bad class id")?)),
		_ => Err("a ring set is constituency:N or credential:N".into()),
	}
}

/// Shows a ring set as [`parse_set`] reads it.
pub fn show_set(set: RingSet) -> String {
	match set {
		RingSet::Constituency(id) => format!("constituency:{id}"),
		RingSet::Credential(class) => format!("credential:{class}"),
	}
}

/// Signs and submits `call`, waits until it succeeded in a finalized block and returns its
/// events; errors name `what` failed.
async fn submit(
	client: &Client,
	call: &impl subxt::transactions::Payload,
	signer: &Keypair,
	what: &str,
) -> Result<subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>, String> {
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	at.transactions()
		.sign_and_submit_then_watch_default(call, signer)
		.await
		.map_err(|e| format!("submission failed: {e}"))?
		.wait_for_finalized_success()
		.await
		.map_err(|e| format!("{what} failed: {e}"))
}

/// Submits `Personhood.register` signed by a registrar and waits until it is in a finalized
/// block. Returns the extrinsic's hash.
pub async fn register(
	client: &Client,
	registrar: &Keypair,
	tag: [u8; 32],
	member: Member,
	constituency: u32,
) -> Result<String, String> {
	let call = dynamic::tx(
		"Personhood",
		"register",
		(bytes32(&tag), bytes32(&member), Value::u128(constituency.into())),
	);
	let events = submit(client, &call, registrar, "registration").await?;
	Ok(to_hex(events.extrinsic_hash().as_ref()))
}

/// What the runtime says of a proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
	/// Valid: the prover's alias, ring set and the revision checked.
	Valid { alias: [u8; 32], set: RingSet, revision: u32 },
	/// Refused, with the runtime's reason (`MalformedProof`, `UnknownRing`, `StaleRevision`,
	/// `InvalidProof`).
	Refused(String),
}

/// Calls a view function of `Personhood` and decodes its answer as `R`.
///
/// The arguments are encoded by subxt against the metadata; the runtime API call itself is
/// assembled here because the view-function runtime API takes the input as a length-prefixed
/// `Vec<u8>` (`execute_view_function(id, input)`), which subxt 0.50 sends without the prefix.
async fn view<R: Decode>(
	client: &Client,
	function: &str,
	args: impl subxt::ext::frame_decode::view_functions::IntoEncodableValues,
) -> Result<R, String> {
	let payload = dynamic::view_function_call::<_, Value>("Personhood", function, args);
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	let encoded = at.view_functions().encode_args(payload).map_err(|e| e.to_string())?;
	if encoded.len() < 32 {
		return Err("view function call too short".into());
	}
	let (id, input) = encoded.split_at(32);
	let mut call = id.to_vec();
	input.to_vec().encode_to(&mut call);
	let raw = at.view_functions().call_raw(Some(&call)).await.map_err(|e| e.to_string())?;
	let answer = <Result<Vec<u8>, ViewError>>::decode(&mut &raw[..])
		.map_err(|e| format!("bad view function answer: {e}"))?
		.map_err(|e| format!("view function {function} failed: {e:?}"))?;
	R::decode(&mut &answer[..]).map_err(|e| format!("cannot decode {function}'s answer: {e}"))
}

/// Why the runtime could not run a view function (`ViewFunctionDispatchError`).
#[derive(Debug, Decode)]
enum ViewError {
	NotImplemented,
	NotFound(#[allow(dead_code)] [u8; 32]),
	Codec,
}

/// Where `member` sits: its constituency's ring set and ring, once admitted.
pub async fn ring_of_key(
	client: &Client,
	member: Member,
) -> Result<Option<(RingSet, u32)>, String> {
	view(client, "ring_of_key", (bytes32(&member),)).await
}

/// A ring as the chain lists it: members in commitment order, revision, members covered.
pub async fn ring(
	client: &Client,
	set: RingSet,
	index: u32,
) -> Result<(Vec<Member>, u32, u32), String> {
	view(client, "ring", (set_value(set), Value::u128(index.into()))).await
}

/// The chain's ring capacity (fixes the ring-VRF domain of proofs).
pub async fn ring_capacity(client: &Client) -> Result<u32, String> {
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	at.constants()
		.entry(dynamic::constant::<u32>("Personhood", "RingCapacity"))
		.map_err(|e| e.to_string())
}

/// Asks the runtime to verify a proof, as ballots will.
pub async fn verify(
	client: &Client,
	proof: &[u8],
	ring: RingRef,
	context: [u8; 32],
	message: &[u8],
) -> Result<Verdict, String> {
	let ring_value = Value::named_composite([
		("set", set_value(ring.set)),
		("index", Value::u128(ring.index.into())),
		("revision", Value::u128(ring.revision.into())),
	]);
	let args =
		(Value::from_bytes(proof), ring_value, bytes32(&context), Value::from_bytes(message));
	let answer: Result<ProvenAlias, ProofError> = view(client, "verify_proof", args).await?;
	Ok(match answer {
		Ok(p) => Verdict::Valid { alias: p.alias, set: p.set, revision: p.revision },
		Err(e) => Verdict::Refused(format!("{e:?}")),
	})
}

/// Uploads every page of the ring builder's static chunks the chain still lacks (each checked by
/// the runtime against its pinned hash; free when accepted). Returns the pages uploaded.
pub async fn upload_chunks(client: &Client, signer: &Keypair) -> Result<Vec<u32>, String> {
	let missing: Vec<u32> = view(client, "missing_chunk_pages", ()).await?;
	let capacity = ring_capacity(client).await?;
	let pages = crate::chunk_pages(capacity);
	let mut uploaded = Vec::new();
	for page in missing {
		let chunks = pages.get(page as usize).ok_or(format!("the chain asks for page {page}"))?;
		let encoded: Vec<Value> = chunks.iter().map(|c| Value::from_bytes(c)).collect();
		let tx = dynamic::tx(
			"Personhood",
			"upload_chunks",
			(Value::u128(page.into()), Value::unnamed_composite(encoded)),
		);
		submit(client, &tx, signer, &format!("upload of page {page}")).await?;
		uploaded.push(page);
	}
	Ok(uploaded)
}
