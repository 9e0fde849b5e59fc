//! Talking to a Veche node over its WebSocket RPC (subxt, dynamic calls checked against the
//! node's metadata).

use crate::{to_hex, Member, RingRef, RingSet};
use codec::{Decode, Encode};
use pallet_veche_primitives::{ProofError, ProvenAlias};
use subxt::{
	client::OnlineClientAtBlock,
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

/// Submits `Personhood.register_batch` signed by a registrar (persons as `(tag, key,
/// constituency)`, keys ascending) and waits until it is in a finalized block. Returns the
/// extrinsic's hash.
pub async fn register_batch(
	client: &Client,
	registrar: &Keypair,
	persons: &[([u8; 32], Member, u32)],
) -> Result<String, String> {
	let persons: Vec<Value> = persons
		.iter()
		.map(|(tag, member, constituency)| {
			Value::unnamed_composite([
				bytes32(tag),
				bytes32(member),
				Value::u128((*constituency).into()),
			])
		})
		.collect();
	let call = dynamic::tx("Personhood", "register_batch", (Value::unnamed_composite(persons),));
	let events = submit(client, &call, registrar, "batch registration").await?;
	Ok(to_hex(events.extrinsic_hash().as_ref()))
}

/// What the runtime says of a proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
	/// Valid: the prover's alias, ring set and the revision checked.
	Valid { alias: [u8; 32], set: RingSet, revision: u32 },
	/// Refused, with the runtime's reason (`MalformedProof`, `RingNotFound`, `NotInRoll`,
	/// `RingTooSmall`, `InvalidProof`).
	Refused(String),
}

/// Calls a view function of `pallet` and decodes its answer as `R`.
///
/// The arguments are encoded by subxt against the metadata; the runtime API call itself is
/// assembled here because the view-function runtime API takes the input as a length-prefixed
/// `Vec<u8>` (`execute_view_function(id, input)`), which subxt 0.50 sends without the prefix.
pub async fn view<R: Decode>(
	client: &Client,
	pallet: &str,
	function: &str,
	args: impl subxt::ext::frame_decode::view_functions::IntoEncodableValues,
) -> Result<R, String> {
	let payload = dynamic::view_function_call::<_, Value>(pallet, function, args);
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
	view(client, "Personhood", "ring_of_key", (bytes32(&member),)).await
}

/// A ring as the chain lists it: members in commitment order, revision, members covered.
pub async fn ring(
	client: &Client,
	set: RingSet,
	index: u32,
) -> Result<(Vec<Member>, u32, u32), String> {
	view(client, "Personhood", "ring", (set_value(set), Value::u128(index.into()))).await
}

/// The revision of a ring that the roll frozen at `roll` holds (a poll's roll), with its members
/// in commitment order; `None` when the ring had no revision then.
pub async fn roll_ring(
	client: &Client,
	set: RingSet,
	index: u32,
	roll: u32,
) -> Result<Option<(u32, Vec<Member>)>, String> {
	let args = (set_value(set), Value::u128(index.into()), Value::u128(roll.into()));
	view(client, "Personhood", "roll_ring", args).await
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
	let answer: Result<ProvenAlias, ProofError> =
		view(client, "Personhood", "verify_proof", args).await?;
	Ok(match answer {
		Ok(p) => Verdict::Valid { alias: p.alias, set: p.set, revision: p.revision },
		Err(e) => Verdict::Refused(format!("{e:?}")),
	})
}

/// Uploads every page of the ring builder's static chunks the chain still lacks (each checked by
/// the runtime against its pinned hash; free when accepted). Returns the pages uploaded.
pub async fn upload_chunks(client: &Client, signer: &Keypair) -> Result<Vec<u32>, String> {
	let missing: Vec<u32> = view(client, "Personhood", "missing_chunk_pages", ()).await?;
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

/// A call whose arguments are already SCALE-encoded (our own types), submitted by pallet and
/// call name; the encoding is the runtime's own, so no metadata-driven re-encoding is needed.
struct RawCall {
	pallet: &'static str,
	call: &'static str,
	args: RawArgs,
}

struct RawArgs(Vec<u8>);

impl subxt::ext::scale_encode::EncodeAsFields for RawArgs {
	fn encode_as_fields_to<R: subxt::ext::scale_type_resolver::TypeResolver>(
		&self,
		_: &mut dyn subxt::ext::scale_encode::FieldIter<'_, R::TypeId>,
		_: &R,
		out: &mut Vec<u8>,
	) -> Result<(), subxt::ext::scale_encode::Error> {
		out.extend_from_slice(&self.0);
		Ok(())
	}
}

impl subxt::transactions::Payload for RawCall {
	type CallData = RawArgs;
	fn pallet_name(&self) -> &str {
		self.pallet
	}
	fn call_name(&self) -> &str {
		self.call
	}
	fn call_data(&self) -> &RawArgs {
		&self.args
	}
}

/// Submits `pallet.call` with `args` (SCALE-encoded as the runtime takes them) signed by
/// `signer`, and waits until it succeeded in a finalized block; returns the extrinsic's hash.
pub async fn signed(
	client: &Client,
	signer: &Keypair,
	pallet: &'static str,
	call: &'static str,
	args: Vec<u8>,
	what: &str,
) -> Result<String, String> {
	let call = RawCall { pallet, call, args: RawArgs(args) };
	let events = submit(client, &call, signer, what).await?;
	Ok(to_hex(events.extrinsic_hash().as_ref()))
}

/// The chain's genesis hash, which messages signed for it start with.
pub async fn genesis_hash(client: &Client) -> [u8; 32] {
	client.genesis_hash().0
}

/// A poll as stored.
pub type PollInfo = pallet_veche_ballots::Poll<u32>;
/// A ballot as stored.
pub type BallotRecord = pallet_veche_ballots::BallotRecord<u32>;

/// The storage key of `Ballots::<item>` with a `Twox64Concat` poll id as first key.
fn poll_key(item: &str, poll: u32) -> Vec<u8> {
	use frame_support::{storage::storage_prefix, StorageHasher, Twox64Concat};
	let mut key = storage_prefix(b"Ballots", item.as_bytes()).to_vec();
	key.extend(Twox64Concat::hash(&poll.encode()));
	key
}

/// Poll `id`, if it exists.
pub async fn poll(client: &Client, id: u32) -> Result<Option<PollInfo>, String> {
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	let raw = at.storage().fetch_raw(poll_key("Polls", id)).await;
	match raw {
		Ok(bytes) if bytes.is_empty() => Ok(None),
		Ok(bytes) => PollInfo::decode(&mut &bytes[..])
			.map(Some)
			.map_err(|e| format!("cannot decode poll {id}: {e}")),
		// subxt reports an absent key as an error.
		Err(e) if e.to_string().to_lowercase().contains("no storage value found") => Ok(None),
		Err(e) => Err(e.to_string()),
	}
}

/// The ballot recorded for `alias` in `poll` (the runtime's view function `ballot_of`).
pub async fn ballot_of(
	client: &Client,
	poll: u32,
	alias: [u8; 32],
) -> Result<Option<BallotRecord>, String> {
	view(client, "Ballots", "ballot_of", (Value::u128(poll.into()), bytes32(&alias))).await
}

/// The results of `poll` as they stand (the runtime's view function `results`).
pub async fn results(
	client: &Client,
	poll: u32,
) -> Result<Option<pallet_veche_ballots::Tally>, String> {
	view(client, "Ballots", "results", (Value::u128(poll.into()),)).await
}

/// What became of a ballot submitted with [`cast`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CastOutcome {
	/// Recorded at the end of the block with this hash.
	Recorded { block: String },
	/// Included in this block but dropped by its batch verification (only a collator that skips
	/// its pool's checks can include such a ballot).
	Rejected { block: String },
}

/// Submits a ballot as a general transaction with no signer (no account, no fee; the pool checks
/// its proofs) and waits for the finalized block that carries it, then reads what the end of that
/// block did with it.
pub async fn cast(
	client: &Client,
	ballot: &pallet_veche_ballots::Ballot,
) -> Result<CastOutcome, String> {
	let tx = ballot_transaction(client, ballot).await?;
	let progress = match tx.submit_and_watch().await {
		Ok(p) => p,
		Err(e) => {
			let names = error_names(client, "Ballots").await.unwrap_or_default();
			return Err(format!("the pool refused the ballot: {}", named(&names, &e)));
		},
	};
	let in_block = match progress.wait_for_finalized().await {
		Ok(b) => b,
		Err(e) => {
			let names = error_names(client, "Ballots").await.unwrap_or_default();
			return Err(format!("the ballot was not finalized: {}", named(&names, &e)));
		},
	};
	let block = to_hex(in_block.block_hash().as_ref());
	// The end of that block verified it with the others: it is recorded, or it was dropped.
	let alias = claimed_alias(&ballot.proof).ok_or("the ballot's proof is malformed")?;
	match ballot_of(client, ballot.poll, alias).await? {
		Some(b) if b.sequence == ballot.sequence => Ok(CastOutcome::Recorded { block }),
		_ => Ok(CastOutcome::Rejected { block }),
	}
}

/// `Ballots.cast(ballot)` as a v5 general transaction: no signer, nonce 0, immortal.
async fn ballot_transaction(
	client: &Client,
	ballot: &pallet_veche_ballots::Ballot,
) -> Result<
	subxt::transactions::SubmittableTransaction<
		PolkadotConfig,
		subxt::client::OnlineClientAtBlockImpl<PolkadotConfig>,
	>,
	String,
> {
	let call = RawCall { pallet: "Ballots", call: "cast", args: RawArgs(ballot.encode()) };
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	let mut signable = at
		.transactions()
		.create_v5_signable_offline(&call, Default::default())
		.map_err(|e| format!("cannot build the ballot transaction: {e}"))?;
	// Our runtime has no signature-carrying extension, so the "signature" subxt asks for here is
	// not encoded anywhere: the result is a general transaction authorized by its call alone.
	signable
		.sign_with_account_and_signature(
			&subxt::utils::AccountId32([0; 32]),
			&subxt::utils::MultiSignature::Sr25519([0; 64]),
		)
		.map_err(|e| format!("cannot encode the ballot transaction: {e}"))
}

/// Submits `pallet.call` with SCALE-encoded `args` as a general transaction with no signer (a
/// call that authorizes itself: no account, no fee) and waits until it succeeded in a finalized
/// block; returns the extrinsic's hash. Errors name `what` failed.
pub async fn general(
	client: &Client,
	pallet: &'static str,
	call: &'static str,
	args: Vec<u8>,
	what: &str,
) -> Result<String, String> {
	let call = RawCall { pallet, call, args: RawArgs(args) };
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	let mut signable = at
		.transactions()
		.create_v5_signable_offline(&call, Default::default())
		.map_err(|e| format!("cannot build the transaction: {e}"))?;
	let tx = signable
		.sign_with_account_and_signature(
			&subxt::utils::AccountId32([0; 32]),
			&subxt::utils::MultiSignature::Sr25519([0; 64]),
		)
		.map_err(|e| format!("cannot encode the transaction: {e}"))?;
	let progress = match tx.submit_and_watch().await {
		Ok(p) => p,
		Err(e) => {
			let names = error_names(client, pallet).await.unwrap_or_default();
			return Err(format!("the pool refused {what}: {}", named(&names, &e)));
		},
	};
	let events = match progress.wait_for_finalized_success().await {
		Ok(events) => events,
		Err(e) => {
			let names = error_names(client, pallet).await.unwrap_or_default();
			return Err(format!("{what} failed: {}", named(&names, &e)));
		},
	};
	Ok(to_hex(events.extrinsic_hash().as_ref()))
}

/// A pool refusal with the name of the error a `Custom(index)` code stands for, when the
/// message carries one.
fn named(names: &std::collections::BTreeMap<u8, String>, e: &impl std::fmt::Display) -> String {
	let text = e.to_string();
	let lower = text.to_lowercase();
	let code = lower.find("custom").and_then(|at| {
		let digits: String = lower[at..]
			.chars()
			.skip_while(|c| !c.is_ascii_digit())
			.take_while(|c| c.is_ascii_digit())
			.collect();
		digits.parse::<u8>().ok()
	});
	match code.and_then(|c| names.get(&c)) {
		Some(name) => format!("{text} ({name})"),
		None => text,
	}
}

/// The alias a proof claims (its VRF output), as the runtime reads it.
pub fn claimed_alias(proof: &[u8]) -> Option<[u8; 32]> {
	use pallet_veche_personhood::crypto::{Bandersnatch, RingVrf};
	Bandersnatch::<crate::Domain12>::claimed_alias(proof)
}

/// Everything a recount needs of one poll, read at one finalized block.
pub struct PollData {
	/// The block read.
	pub at: String,
	/// The poll.
	pub poll: PollInfo,
	/// Every stored ballot, by alias.
	pub ballots: Vec<([u8; 32], BallotRecord)>,
	/// The chain's incremental tally of each territory.
	pub tallies: std::collections::BTreeMap<u32, pallet_veche_ballots::Tally>,
	/// Territories excluded on appeal.
	pub excluded: std::collections::BTreeSet<u32>,
	/// The stored results, once the poll is closed.
	pub results: Option<pallet_veche_ballots::Tally>,
}

type Rpc = subxt_rpcs::LegacyRpcMethods<subxt::config::RpcConfigFor<PolkadotConfig>>;

/// Every `(key, value)` under `prefix` at block `at`, `page` keys per round trip.
async fn descendants(
	rpc: &Rpc,
	prefix: &[u8],
	at: subxt::utils::H256,
	page: u32,
) -> Result<Vec<(Vec<u8>, Vec<u8>)>, String> {
	let mut out = Vec::new();
	let mut start: Option<Vec<u8>> = None;
	loop {
		let keys = rpc
			.state_get_keys_paged(prefix, page, start.as_deref(), Some(at))
			.await
			.map_err(|e| format!("cannot list storage keys: {e}"))?;
		let Some(last) = keys.last().cloned() else { break };
		let sets = rpc
			.state_query_storage_at(keys.iter().map(|k| &k[..]), Some(at))
			.await
			.map_err(|e| format!("cannot read storage: {e}"))?;
		for set in sets {
			for (key, value) in set.changes {
				if let Some(value) = value {
					out.push((key.0, value.0));
				}
			}
		}
		if (keys.len() as u32) < page {
			break;
		}
		start = Some(last);
	}
	Ok(out)
}

/// Reads everything a recount of `poll` needs at the node's finalized block.
pub async fn poll_data(url: &str, poll: u32) -> Result<PollData, String> {
	let client = subxt_rpcs::RpcClient::from_insecure_url(url)
		.await
		.map_err(|e| format!("cannot connect to {url}: {e}"))?;
	let rpc = Rpc::new(client);
	let at = rpc.chain_get_finalized_head().await.map_err(|e| e.to_string())?;
	poll_data_at(&rpc, poll, at).await
}

/// Reads everything a recount of `poll` needs at block `at`.
async fn poll_data_at(rpc: &Rpc, poll: u32, at: subxt::utils::H256) -> Result<PollData, String> {
	let rpc = rpc;
	let info = rpc
		.state_get_storage(&poll_key("Polls", poll), Some(at))
		.await
		.map_err(|e| e.to_string())?
		.ok_or(format!("no poll {poll}"))?;
	let info = PollInfo::decode(&mut &info[..]).map_err(|e| format!("cannot decode poll: {e}"))?;
	let mut ballots = Vec::new();
	for (key, value) in descendants(&rpc, &poll_key("Ballots", poll), at, 1_000).await? {
		let alias: [u8; 32] = key
			.get(key.len().saturating_sub(32)..)
			.and_then(|a| a.try_into().ok())
			.ok_or("malformed ballot key")?;
		let record =
			BallotRecord::decode(&mut &value[..]).map_err(|e| format!("bad ballot: {e}"))?;
		ballots.push((alias, record));
	}
	let mut tallies = std::collections::BTreeMap::new();
	for (key, value) in descendants(&rpc, &poll_key("Tallies", poll), at, 1_000).await? {
		let tally = pallet_veche_ballots::Tally::decode(&mut &value[..])
			.map_err(|e| format!("bad tally: {e}"))?;
		tallies.insert(territory_of(&key)?, tally);
	}
	let (excluded, results) = exclusions_and_results(rpc, poll, at).await?;
	Ok(PollData { at: to_hex(at.as_ref()), poll: info, ballots, tallies, excluded, results })
}

/// The territory at the end of a `(poll, territory)` storage key.
fn territory_of(key: &[u8]) -> Result<u32, String> {
	let t = key.get(key.len().saturating_sub(4)..).ok_or("malformed key")?;
	u32::decode(&mut &t[..]).map_err(|e| e.to_string())
}

/// The territories of `poll` excluded on appeal, and its stored results, at block `at`.
async fn exclusions_and_results(
	rpc: &Rpc,
	poll: u32,
	at: subxt::utils::H256,
) -> Result<(std::collections::BTreeSet<u32>, Option<pallet_veche_ballots::Tally>), String> {
	let mut excluded = std::collections::BTreeSet::new();
	for (key, _) in descendants(rpc, &poll_key("Excluded", poll), at, 1_000).await? {
		excluded.insert(territory_of(&key)?);
	}
	let results = rpc
		.state_get_storage(&poll_key("Results", poll), Some(at))
		.await
		.map_err(|e| e.to_string())?
		.map(|r| pallet_veche_ballots::Tally::decode(&mut &r[..]))
		.transpose()
		.map_err(|e| format!("bad results: {e}"))?;
	Ok((excluded, results))
}

/// The value at `key` at block `at`, decoded, if any.
async fn fetch<V: Decode>(
	rpc: &Rpc,
	key: &[u8],
	at: subxt::utils::H256,
) -> Result<Option<V>, String> {
	rpc.state_get_storage(key, Some(at))
		.await
		.map_err(|e| e.to_string())?
		.map(|v| {
			V::decode(&mut &v[..]).map_err(|e| format!("cannot decode 0x{}: {e}", hex::encode(key)))
		})
		.transpose()
}

/// The polls of election `id` by constituency, at the finalized block.
pub async fn election_polls(url: &str, id: u32) -> Result<Vec<(u32, u32)>, String> {
	let client = subxt_rpcs::RpcClient::from_insecure_url(url)
		.await
		.map_err(|e| format!("cannot connect to {url}: {e}"))?;
	let rpc = Rpc::new(client);
	let at = rpc.chain_get_finalized_head().await.map_err(|e| e.to_string())?;
	Ok(fetch(&rpc, &map_key("Elections", "ElectionPolls", &[&id.encode()]), at)
		.await?
		.unwrap_or_default())
}

/// An election as the chain stores it, what counting it needs, and the seats the chain counted.
#[derive(Debug, Clone)]
pub struct StoredElection {
	/// The block read (hex hash).
	pub at: String,
	/// The election.
	pub info: pallet_veche_elections::Election<u32, crate::election::Bound>,
	/// What an independent count needs.
	pub data: crate::election::ElectionData,
	/// The seats as the chain last counted them (`None` before counting).
	pub seats: Option<Vec<pallet_veche_elections::Seat<crate::election::Account>>>,
	/// Once a primary or a first round is certified: the final or run-off it opened, and that
	/// round's candidates in ballot order.
	pub next_round: Option<(u32, Vec<crate::election::Account>)>,
}

/// Reads election `id` and the ballots of its polls at the node's finalized block.
pub async fn election_data(url: &str, id: u32) -> Result<StoredElection, String> {
	use crate::election::{Account, ElectionData, PollBallots};
	let client = subxt_rpcs::RpcClient::from_insecure_url(url)
		.await
		.map_err(|e| format!("cannot connect to {url}: {e}"))?;
	let rpc = Rpc::new(client);
	let at = rpc.chain_get_finalized_head().await.map_err(|e| e.to_string())?;
	let info: pallet_veche_elections::Election<u32, crate::election::Bound> =
		fetch(&rpc, &map_key("Elections", "Elections", &[&id.encode()]), at)
			.await?
			.ok_or(format!("no election {id}"))?;
	// An office's first field is its unit.
	let unit: u32 = fetch(&rpc, &map_key("Jurisdictions", "Offices", &[&info.office.encode()]), at)
		.await?
		.ok_or(format!("no office {}", info.office))?;
	let options: Vec<Account> = fetch(&rpc, &map_key("Elections", "Options", &[&id.encode()]), at)
		.await?
		.unwrap_or_default();
	type List =
		pallet_veche_elections::PartyList<Account, u128, frame_support::traits::ConstU32<1024>>;
	let lists: Vec<List> = fetch(&rpc, &map_key("Elections", "Lists", &[&id.encode()]), at)
		.await?
		.unwrap_or_default();
	let mut list_candidates = std::collections::BTreeMap::new();
	for (key, value) in
		descendants(&rpc, &map_key("Elections", "ListCandidates", &[&id.encode()]), at, 1_000)
			.await?
	{
		// …‖twox64(constituency)‖constituency‖twox64(list)‖list
		let n = key.len();
		let list = *key.last().ok_or("malformed key")?;
		let c = key.get(n.saturating_sub(13)..n.saturating_sub(9)).ok_or("malformed key")?;
		let constituency = u32::decode(&mut &c[..]).map_err(|e| e.to_string())?;
		let who = Vec::<Account>::decode(&mut &value[..]).map_err(|e| e.to_string())?;
		list_candidates.insert((constituency, list), who);
	}
	let polls: Vec<(u32, u32)> =
		fetch(&rpc, &map_key("Elections", "ElectionPolls", &[&id.encode()]), at)
			.await?
			.unwrap_or_default();
	let apportionment: Vec<u32> =
		fetch(&rpc, &map_key("Elections", "Apportionments", &[&id.encode()]), at)
			.await?
			.unwrap_or_default();
	let seats = fetch(&rpc, &map_key("Elections", "Outcomes", &[&id.encode()]), at).await?;
	let mut ballots = Vec::with_capacity(polls.len());
	for (constituency, poll) in polls {
		let data = poll_data_at(&rpc, poll, at).await?;
		ballots.push(PollBallots {
			constituency,
			kind: data.poll.kind,
			ballots: data.ballots.into_iter().map(|(_, b)| b).collect(),
			excluded: data.excluded,
		});
	}
	let mut next_round = None;
	if info.stage == pallet_veche_elections::Stage::Certified {
		// The round that names this one as its previous round (elections are few; a page of a
		// thousand covers a chain's history for years).
		for (key, value) in
			descendants(&rpc, &map_key("Elections", "Elections", &[]), at, 1_000).await?
		{
			let later = pallet_veche_elections::Election::<u32, crate::election::Bound>::decode(
				&mut &value[..],
			)
			.map_err(|e| e.to_string())?;
			if later.kind.previous_round() == Some(id) {
				let n = key.len();
				let raw = key.get(n.saturating_sub(4)..).ok_or("malformed key")?;
				let next = u32::decode(&mut &raw[..]).map_err(|e| e.to_string())?;
				let options: Vec<Account> =
					fetch(&rpc, &map_key("Elections", "Options", &[&next.encode()]), at)
						.await?
						.unwrap_or_default();
				next_round = Some((next, options));
			}
		}
	}
	let advance = match info.kind {
		pallet_veche_elections::ElectionKind::Primary { advance } => Some(advance),
		_ => None,
	};
	let data = ElectionData {
		method: info.method.clone(),
		seats: info.seats,
		advance,
		unit,
		options,
		lists: lists.len(),
		list_candidates,
		apportionment,
		polls: ballots,
	};
	Ok(StoredElection { at: to_hex(at.as_ref()), info, data, seats, next_round })
}

/// A call of `pallet.call` as the runtime encodes it: its pallet and call indices (from the
/// node's metadata) and the SCALE-encoded arguments.
pub async fn encode_call(
	client: &Client,
	pallet: &str,
	call: &str,
	args: &[u8],
) -> Result<Vec<u8>, String> {
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	let metadata = at.metadata_ref();
	let p = metadata.pallet_by_name(pallet).ok_or(format!("no pallet {pallet}"))?;
	let c = p.call_variant_by_name(call).ok_or(format!("no call {pallet}.{call}"))?;
	let mut out = vec![p.call_index(), c.index];
	out.extend_from_slice(args);
	Ok(out)
}

/// Submits `Utility.batch_all(calls)` (each already encoded by [`encode_call`]) signed by
/// `signer` and waits until it succeeded in a finalized block.
pub async fn batch_all(client: &Client, signer: &Keypair, calls: &[Vec<u8>]) -> Result<(), String> {
	let mut args = codec::Compact(calls.len() as u32).encode();
	for c in calls {
		args.extend_from_slice(c);
	}
	let call = RawCall { pallet: "Utility", call: "batch_all", args: RawArgs(args) };
	submit(client, &call, signer, "batch").await.map(|_| ())
}

/// Submits `Sudo.sudo(call)` (the call encoded by [`encode_call`]) signed by `signer`.
pub async fn sudo(client: &Client, signer: &Keypair, call: Vec<u8>) -> Result<(), String> {
	let call = RawCall { pallet: "Sudo", call: "sudo", args: RawArgs(call) };
	submit(client, &call, signer, "sudo").await.map(|_| ())
}

/// Submits a ballot to the pool and returns once the pool accepted it (no waiting for a block).
pub async fn submit_ballot(
	client: &Client,
	ballot: &pallet_veche_ballots::Ballot,
) -> Result<(), String> {
	let tx = ballot_transaction(client, ballot).await?;
	tx.submit()
		.await
		.map(|_| ())
		.map_err(|e| format!("the pool refused the ballot: {e}"))
}

/// A connection that submits ballots the way a flooder would: `author_submitExtrinsic`, one call
/// per ballot, no watching. A refusal comes back with the pool's verdict in full (for a ballot,
/// `Invalid Transaction` with `Custom error: <index>`), which the watched submission of
/// [`submit_ballot`] does not carry.
pub struct RawSubmitter {
	rpc: Rpc,
}

impl RawSubmitter {
	pub async fn connect(url: &str) -> Result<Self, String> {
		let client = subxt_rpcs::RpcClient::from_insecure_url(url)
			.await
			.map_err(|e| format!("cannot connect to {url}: {e}"))?;
		Ok(Self { rpc: Rpc::new(client) })
	}

	/// Submits `ballot` (built with `client`'s metadata) and returns the pool's verdict.
	pub async fn submit(
		&self,
		client: &Client,
		ballot: &pallet_veche_ballots::Ballot,
	) -> Result<(), String> {
		let tx = ballot_transaction(client, ballot).await?;
		self.rpc
			.author_submit_extrinsic(tx.encoded())
			.await
			.map(|_| ())
			// Debug, not Display: only the former carries the error's data (`Custom error: <i>`).
			.map_err(|e| format!("the pool refused the ballot: {e:?}"))
	}
}

/// The names of the ballots pallet's errors by index, from the node's metadata: a ballot the
/// pool refuses comes back as `InvalidTransaction::Custom(index)`.
pub async fn ballot_error_names(
	client: &Client,
) -> Result<std::collections::BTreeMap<u8, String>, String> {
	error_names(client, "Ballots").await
}

/// The names of `pallet`'s errors by index, from the node's metadata: a call that authorizes
/// itself and is refused by the pool comes back as `InvalidTransaction::Custom(index)`.
pub async fn error_names(
	client: &Client,
	pallet: &str,
) -> Result<std::collections::BTreeMap<u8, String>, String> {
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	let metadata = at.metadata_ref();
	let pallet = metadata.pallet_by_name(pallet).ok_or("no such pallet")?;
	Ok((0..=u8::MAX)
		.filter_map(|i| pallet.error_variant_by_index(i).map(|v| (i, v.name.clone())))
		.collect())
}

/// The number and timestamp (ms) of the node's best block.
pub async fn best_block(client: &Client) -> Result<(u64, u64), String> {
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	Ok((at.block_number(), timestamp(&at).await?))
}

/// The timestamp (ms) of the block `at` stands at.
async fn timestamp(at: &OnlineClientAtBlock<PolkadotConfig>) -> Result<u64, String> {
	at.storage()
		.fetch(dynamic::storage::<(), u64>("Timestamp", "Now"), ())
		.await
		.map_err(|e| e.to_string())?
		.decode()
		.map_err(|e| e.to_string())
}

/// How many voters poll `id` had recorded at block `number`, and that block's timestamp (ms).
pub async fn voters_at(client: &Client, id: u32, number: u64) -> Result<(u32, u64), String> {
	let at = client.at_block(number).await.map_err(|e| e.to_string())?;
	let voters = match at.storage().fetch_raw(poll_key("Polls", id)).await {
		Ok(bytes) => PollInfo::decode(&mut &bytes[..]).map(|p| p.voters).unwrap_or(0),
		Err(_) => 0,
	};
	Ok((voters, timestamp(&at).await?))
}

/// Everything `veche-client audit` reads of a poll from an archive node.
pub struct AuditData {
	/// The chain's rules for the poll.
	pub rules: crate::audit::Rules,
	/// Every `Ballots.cast` of the poll in the block bodies, in block order.
	pub casts: Vec<crate::audit::Cast>,
	/// The ring revisions of the poll's roll with their members.
	pub roll: Vec<(RingRef, Vec<Member>)>,
	/// The chain's tallies, exclusions and results, read at the block `at`.
	pub chain: PollData,
	/// How many blocks were read.
	pub blocks: u32,
	/// The chain's ring capacity (it fixes the ring-VRF domain).
	pub capacity: u32,
}

/// The ring set and index in a double-map key of `RingMembers` (after its 32-byte prefix).
fn ring_of_storage_key(key: &[u8]) -> Option<(RingSet, u32)> {
	let rest = key.get(32 + 8..)?;
	let (set, rest) = match rest.first()? {
		0 => (RingSet::Constituency(u32::decode(&mut rest.get(1..5)?).ok()?), rest.get(5..)?),
		1 => (RingSet::Credential(u16::decode(&mut rest.get(1..3)?).ok()?), rest.get(3..)?),
		_ => return None,
	};
	Some((set, u32::decode(&mut rest.get(8..12)?).ok()?))
}

/// Storage key of a `Twox64Concat` map or double map under `pallet.item`.
fn map_key(pallet: &str, item: &str, keys: &[&[u8]]) -> Vec<u8> {
	use frame_support::{storage::storage_prefix, StorageHasher, Twox64Concat};
	let mut key = storage_prefix(pallet.as_bytes(), item.as_bytes()).to_vec();
	for k in keys {
		key.extend(Twox64Concat::hash(k));
	}
	key
}

/// The ballots of `poll` that block `number` of an archive node carries, in the block's order
/// (read from its body and decoded with `metadata`), and the block's hash.
async fn ballots_in_block(
	rpc: &Rpc,
	metadata: &subxt::ext::frame_metadata::v14::RuntimeMetadataV14,
	number: u32,
	poll: u32,
) -> Result<(Vec<pallet_veche_ballots::Ballot>, subxt::utils::H256), String> {
	let hash = rpc
		.chain_get_block_hash(Some(number.into()))
		.await
		.map_err(|e| e.to_string())?
		.ok_or(format!("no block {number}: the node must be an archive node"))?;
	let block = rpc
		.chain_get_block(Some(hash))
		.await
		.map_err(|e| e.to_string())?
		.ok_or(format!("block {number} is not available"))?;
	let mut out = Vec::new();
	for ext in block.block.extrinsics {
		let bytes = ext.0;
		let mut cursor = &bytes[..];
		let Ok(decoded) = subxt::ext::frame_decode::extrinsics::decode_extrinsic(
			&mut cursor,
			metadata,
			&metadata.types,
		) else {
			continue;
		};
		if decoded.pallet_name() != "Ballots" || decoded.call_name() != "cast" {
			continue;
		}
		let args = bytes.get(decoded.call_data_args_range()).ok_or("bad call range")?;
		let ballot = pallet_veche_ballots::Ballot::decode(&mut &args[..])
			.map_err(|e| format!("an undecodable ballot in block {number}: {e}"))?;
		if ballot.poll == poll {
			out.push(ballot);
		}
	}
	Ok((out, hash))
}

/// Reads blocks of an archive node: the ballots each carried, and when it was made.
pub struct BlockReader {
	rpc: Rpc,
	metadata: subxt::ext::frame_metadata::v14::RuntimeMetadataV14,
}

impl BlockReader {
	/// Connects to `url` and reads the runtime's metadata at the best block.
	pub async fn connect(url: &str) -> Result<Self, String> {
		use subxt::ext::frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
		let client = subxt_rpcs::RpcClient::from_insecure_url(url)
			.await
			.map_err(|e| format!("cannot connect to {url}: {e}"))?;
		let rpc = Rpc::new(client);
		let raw = rpc.state_get_metadata(None).await.map_err(|e| e.to_string())?;
		let prefixed = RuntimeMetadataPrefixed::decode(&mut &raw.into_raw()[..])
			.map_err(|e| format!("cannot decode metadata: {e}"))?;
		let RuntimeMetadata::V14(metadata) = prefixed.1 else {
			return Err("the node does not serve metadata V14".into());
		};
		Ok(Self { rpc, metadata })
	}

	/// The ballots of `poll` in block `number`, and the block's timestamp (ms).
	pub async fn ballots(
		&self,
		number: u32,
		poll: u32,
	) -> Result<(Vec<pallet_veche_ballots::Ballot>, u64), String> {
		let (ballots, hash) = ballots_in_block(&self.rpc, &self.metadata, number, poll).await?;
		let key = frame_support::storage::storage_prefix(b"Timestamp", b"Now");
		let now = self
			.rpc
			.state_get_storage(&key, Some(hash))
			.await
			.map_err(|e| e.to_string())?
			.ok_or(format!("no timestamp in block {number}"))?;
		let now = u64::decode(&mut &now[..]).map_err(|e| e.to_string())?;
		Ok((ballots, now))
	}
}

/// Reads a poll's rules, its roll's rings and every cast of it from the blocks of an archive
/// node; the chain's count is read at block `at` (default: the last block of voting, or the
/// finalized head while voting goes on).
pub async fn audit_data(url: &str, poll: u32, at: Option<u32>) -> Result<AuditData, String> {
	use pallet_veche_personhood::{PastRoot, RingRoot};
	use subxt::ext::frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
	let client = subxt_rpcs::RpcClient::from_insecure_url(url)
		.await
		.map_err(|e| format!("cannot connect to {url}: {e}"))?;
	let rpc = Rpc::new(client);
	let head_hash = rpc.chain_get_finalized_head().await.map_err(|e| e.to_string())?;
	let head = rpc
		.chain_get_header(Some(head_hash))
		.await
		.map_err(|e| e.to_string())?
		.ok_or("no finalized header")?
		.number;
	let head = u32::try_from(head).map_err(|_| "a block number beyond u32")?;
	let read = |key: Vec<u8>, hash| {
		let rpc = &rpc;
		async move { rpc.state_get_storage(&key, Some(hash)).await.map_err(|e| e.to_string()) }
	};
	let info = read(poll_key("Polls", poll), head_hash)
		.await?
		.ok_or(format!("no poll {poll}"))?;
	let info = PollInfo::decode(&mut &info[..]).map_err(|e| format!("cannot decode poll: {e}"))?;
	let last = info.end.saturating_sub(1).min(head);
	let at_number = at.unwrap_or(last);
	let at_hash = rpc
		.chain_get_block_hash(Some(at_number.into()))
		.await
		.map_err(|e| e.to_string())?
		.ok_or(format!("no block {at_number}"))?;
	let mut chain = poll_data_at(&rpc, poll, at_hash).await?;
	// The ballots are read as the end of voting left them; exclusions on appeal and the results
	// come after it, so they are read at the finalized head, and the recount is compared with
	// the results the chain finally stored.
	(chain.excluded, chain.results) = exclusions_and_results(&rpc, poll, head_hash).await?;
	// The runtime's constants and call indices, from its metadata.
	let raw = rpc.state_get_metadata(Some(at_hash)).await.map_err(|e| e.to_string())?;
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &raw.into_raw()[..])
		.map_err(|e| format!("cannot decode metadata: {e}"))?;
	let RuntimeMetadata::V14(metadata) = prefixed.1 else {
		return Err("the node does not serve metadata V14".into());
	};
	let ballots = metadata
		.pallets
		.iter()
		.find(|p| p.name == "Ballots")
		.ok_or("the runtime has no Ballots pallet")?;
	let constant = |name: &str| -> Result<u32, String> {
		let c = ballots.constants.iter().find(|c| c.name == name).ok_or(format!("no {name}"))?;
		u32::decode(&mut &c.value[..]).map_err(|e| e.to_string())
	};
	let (cooldown, per_block) = (constant("RevoteCooldown")?, constant("MaxBallotsPerBlock")?);
	let capacity = metadata
		.pallets
		.iter()
		.find(|p| p.name == "Personhood")
		.and_then(|p| p.constants.iter().find(|c| c.name == "RingCapacity"))
		.and_then(|c| u32::decode(&mut &c.value[..]).ok())
		.ok_or("the runtime has no Personhood.RingCapacity")?;
	// The roll: each ring's revision current when the poll was created, and its members.
	let mut roll = Vec::new();
	let mut territories = std::collections::BTreeSet::new();
	let members_prefix = frame_support::storage::storage_prefix(b"Personhood", b"RingMembers");
	for (key, value) in descendants(&rpc, &members_prefix, at_hash, 1_000).await? {
		let (set, index) = ring_of_storage_key(&key).ok_or("malformed ring key")?;
		let (s, i) = (set.encode(), index.encode());
		let Some(root) = read(map_key("Personhood", "RingRoots", &[&s, &i]), at_hash).await? else {
			continue;
		};
		let root = RingRoot::decode(&mut &root[..]).map_err(|e| format!("bad root: {e}"))?;
		let revision_members =
			|revision: u32| map_key("Personhood", "RevisionMembers", &[&s, &i, &revision.encode()]);
		let (revision, members) = if root.from <= info.roll {
			let members: Vec<Member> = match read(revision_members(root.revision), at_hash).await? {
				Some(m) => Vec::decode(&mut &m[..]).map_err(|e| e.to_string())?,
				None => {
					let mut m: Vec<Member> =
						Vec::decode(&mut &value[..]).map_err(|e| e.to_string())?;
					m.truncate(root.members as usize);
					m
				},
			};
			(root.revision, members)
		} else {
			let past_prefix = map_key("Personhood", "PastRoots", &[&s, &i]);
			let mut found = None;
			for (k, v) in descendants(&rpc, &past_prefix, at_hash, 100).await? {
				let past = PastRoot::decode(&mut &v[..]).map_err(|e| e.to_string())?;
				if past.from <= info.roll && info.roll < past.until {
					let revision = u32::decode(&mut k.get(k.len() - 4..).unwrap_or_default())
						.map_err(|e| e.to_string())?;
					found = Some(revision);
				}
			}
			let Some(revision) = found else { continue };
			let m = read(revision_members(revision), at_hash)
				.await?
				.ok_or("a kept revision without its members")?;
			(revision, Vec::decode(&mut &m[..]).map_err(|e| e.to_string())?)
		};
		if let RingSet::Constituency(t) = set {
			territories.insert(t);
		}
		roll.push((RingRef { set, index, revision }, members));
	}
	// Territories inside the electorate: a walk up the tree from each.
	if !info.electorate.units.is_empty() {
		let mut inside = std::collections::BTreeSet::new();
		for t in &territories {
			let mut next = Some(*t);
			for _ in 0..8 {
				let Some(unit) = next else { break };
				if info.electorate.units.contains(&unit) {
					inside.insert(*t);
					break;
				}
				let raw =
					read(map_key("Jurisdictions", "Units", &[&unit.encode()]), at_hash).await?;
				next = raw.and_then(|r| Option::<u32>::decode(&mut &r[..]).ok()).flatten();
			}
		}
		territories = inside;
	}
	// Every cast in the blocks of the voting window.
	let mut casts = Vec::new();
	let first = info.start;
	let last_block = last.min(at_number);
	for number in first..=last_block {
		for ballot in ballots_in_block(&rpc, &metadata, number, poll).await?.0 {
			casts.push(crate::audit::Cast { block: number, ballot });
		}
	}
	let lists = match read(poll_key("PollLists", poll), head_hash).await? {
		Some(raw) => Vec::<u8>::decode(&mut &raw[..]).map_err(|e| format!("bad lists: {e}"))?,
		None => Vec::new(),
	};
	let rules = crate::audit::Rules {
		poll,
		context: info.context,
		kind: info.kind,
		lists,
		electorate: info.electorate.clone(),
		territories,
		start: info.start,
		end: info.end,
		cooldown,
		per_block,
		excluded: chain.excluded.clone(),
	};
	let blocks = last_block.saturating_add(1).saturating_sub(first);
	Ok(AuditData { rules, casts, roll, chain, blocks, capacity })
}

#[cfg(test)]
mod refusal_tests {
	use super::named;

	#[test]
	fn a_custom_code_is_named_from_the_pallet_s_errors() {
		let names = [(19u8, "NotDue".to_string())].into_iter().collect();
		let e = "Transaction is invalid: Custom error: 19";
		assert_eq!(named(&names, &e), format!("{e} (NotDue)"));
		let node = "Invalid transaction with custom error: 19";
		assert_eq!(named(&names, &node), format!("{node} (NotDue)"));
		// No code, or an unknown one: the message as it was.
		assert_eq!(named(&names, &"Transaction is outdated"), "Transaction is outdated");
		assert_eq!(named(&names, &"Custom(7)"), "Custom(7)");
	}
}
