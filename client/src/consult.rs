//! Responsible residents from the command line: a person's civic profile (opened and renewed
//! with ring-VRF proofs, acting with its sr25519 profile key), sealed answers to consultations
//! (and reading one's own back), ideas and their grades; and the trustees' side — a key
//! ceremony (register, deal, check the shares received, complain) and the partial decryption of
//! a closed consultation, and anyone's count of it.

use crate::{
	chain::{self, Client},
	keys::Secret,
	to_hex, RingRef, RingSet,
};
use codec::{Decode, Encode};
use frame_support::{storage::storage_prefix, traits::ConstU32, StorageHasher, Twox64Concat};
use pallet_veche_consultations::{
	tags, Answer, Consultation, ConsultationId, IdeaId, Profile, ProfileAuth, ProfileId, Stage,
	StatusReport,
};
use pallet_veche_primitives::{Alias, JurisdictionId, KeyId, PolicySphere};
use pallet_veche_trustees::{Ceremony, Dealing, KeyStage};
use subxt::dynamic::Value;
use subxt_signer::sr25519;
use veche_seal::{protocol, Ciphertext, PointBytes, Scalar};

/// Bounds generous enough to decode what any Veche runtime stores (decoding checks only that a
/// list is no longer than its bound).
type Wide = ConstU32<4096>;
/// A consultation as stored.
pub type ConsultationInfo = Consultation<u32, Wide, Wide>;
/// A profile as stored.
pub type ProfileInfo = Profile<Wide>;
/// An answer as stored.
type AnswerInfo = Answer<Wide>;
/// A ceremony as stored.
pub type CeremonyInfo = Ceremony<[u8; 32], u32, Wide>;
/// A dealing as stored.
type DealingInfo = Dealing<Wide>;

/// The person's profile key.
pub fn profile_pair(secret: &Secret) -> sr25519::Keypair {
	sr25519::Keypair::from_secret_key(protocol::profile_key_seed(&secret.0))
		.expect("a 32-byte mini secret always makes a key; qed")
}

/// The person's profile key (public).
pub fn profile_key(secret: &Secret) -> [u8; 32] {
	public(&profile_pair(secret))
}

fn public(pair: &sr25519::Keypair) -> [u8; 32] {
	pair.public_key().0
}

/// Reads the raw value at `key`, `None` if absent.
async fn fetch<R: Decode>(client: &Client, key: Vec<u8>) -> Result<Option<R>, String> {
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	match at.storage().fetch_raw(key).await {
		Ok(bytes) if bytes.is_empty() => Ok(None),
		Ok(bytes) => R::decode(&mut &bytes[..]).map(Some).map_err(|e| e.to_string()),
		Err(e) if e.to_string().to_lowercase().contains("no storage value found") => Ok(None),
		Err(e) => Err(e.to_string()),
	}
}

fn map_key(pallet: &str, item: &str, keys: &[Vec<u8>]) -> Vec<u8> {
	let mut key = storage_prefix(pallet.as_bytes(), item.as_bytes()).to_vec();
	for k in keys {
		key.extend(Twox64Concat::hash(k));
	}
	key
}

/// The profile whose key is `key` (the view function `profile_of_key`).
pub async fn profile_of_key(client: &Client, key: [u8; 32]) -> Result<Option<ProfileId>, String> {
	chain::view(client, "Consultations", "profile_of_key", (Value::from_bytes(key),)).await
}

/// Profile `id`.
pub async fn profile(client: &Client, id: ProfileId) -> Result<Option<ProfileInfo>, String> {
	fetch(client, map_key("Consultations", "Profiles", &[id.encode()])).await
}

/// Consultation `id`.
pub async fn consultation(
	client: &Client,
	id: ConsultationId,
) -> Result<Option<ConsultationInfo>, String> {
	fetch(client, map_key("Consultations", "Consultations", &[id.encode()])).await
}

/// The person's profile id and record.
pub async fn my_profile(
	client: &Client,
	secret: &Secret,
) -> Result<(ProfileId, ProfileInfo), String> {
	let key = public(&profile_pair(secret));
	let id = profile_of_key(client, key).await?.ok_or("you have no profile (profile open)")?;
	let record = profile(client, id).await?.ok_or("no such profile")?;
	Ok((id, record))
}

/// The current period, its roll and context (the view function `current_period`).
async fn current_period(client: &Client) -> Result<(u32, u32, [u8; 32]), String> {
	chain::view(client, "Consultations", "current_period", ()).await
}

/// A proof by `secret` of its constituency ring (the revision in this period's roll), in this
/// period's context, over `message`.
async fn period_proof(
	client: &Client,
	secret: &Secret,
	message: &[u8],
) -> Result<(RingRef, Vec<u8>, Alias), String> {
	let (_, roll, context) = current_period(client).await?;
	let (set, _) = chain::ring_of_key(client, secret.member())
		.await?
		.ok_or("your key is in no ring yet (its cohort waits, or it is suspended)")?;
	if !matches!(set, RingSet::Constituency(_)) {
		return Err("profiles are proven with a constituency ring".into());
	}
	let member = secret.member();
	let capacity = chain::ring_capacity(client).await?;
	for index in 0..1_000u32 {
		let Some((revision, members)) = chain::roll_ring(client, set, index, roll).await? else {
			break;
		};
		if members.contains(&member) {
			let (proof, _) = crate::proof::prove(secret, &members, capacity, &context, message)
				.ok_or("the key is not in its ring")?;
			return Ok((RingRef { set, index, revision }, proof, secret.alias(&context)));
		}
	}
	Err("your key is not in this period's roll (a key registered or rotated this period opens \
	     or renews a profile from the next period)"
		.into())
}

/// Opens the person's profile. Returns the profile id, its alias this period and the extrinsic.
pub async fn open(
	client: &Client,
	secret: &Secret,
	name: &[u8],
) -> Result<(ProfileId, Alias, String), String> {
	let key = public(&profile_pair(secret));
	let message = pallet_veche_consultations::open_message(&key, name);
	let (ring, proof, alias) = period_proof(client, secret, &message).await?;
	let args = (ring, proof, key, name.to_vec()).encode();
	let xt = chain::general(client, "Consultations", "open_profile", args, "the opening").await?;
	let id = profile_of_key(client, key).await?.ok_or("the profile did not appear")?;
	Ok((id, alias, xt))
}

/// The genesis-bound message a profile signs (as the pallet's `profile_message`).
fn call_message(
	genesis: [u8; 32],
	profile: ProfileId,
	nonce: u32,
	tag: u8,
	payload: &[u8],
) -> Vec<u8> {
	let hash = crate::blake2_256(payload);
	(b"veche/profile-call", genesis, profile, nonce, tag, hash).encode()
}

/// Renews the person's profile for the current period.
pub async fn renew(client: &Client, secret: &Secret) -> Result<(ProfileId, String), String> {
	let (id, record) = my_profile(client, secret).await?;
	let (period, _, _) = current_period(client).await?;
	let message = pallet_veche_consultations::renew_message(id, &record.key);
	let (ring, proof, _) = period_proof(client, secret, &message).await?;
	let genesis = chain::genesis_hash(client).await;
	let signed = (b"veche/profile-call", genesis, id, period, tags::RENEW).encode();
	let signature = profile_pair(secret).sign(&signed).0;
	let args = (id, ring, proof, signature).encode();
	let xt = chain::general(client, "Consultations", "renew_profile", args, "the renewal").await?;
	Ok((id, xt))
}

/// Submits a profile call: `args` are the call's arguments after `auth`, SCALE-encoded as one
/// tuple (what the profile key signs).
pub async fn act(
	client: &Client,
	secret: &Secret,
	call: &'static str,
	tag: u8,
	args: Vec<u8>,
) -> Result<(ProfileId, String), String> {
	let (id, record) = my_profile(client, secret).await?;
	let genesis = chain::genesis_hash(client).await;
	let message = call_message(genesis, id, record.nonce, tag, &args);
	let signature = profile_pair(secret).sign(&message).0;
	let auth = ProfileAuth { profile: id, nonce: record.nonce, signature };
	let mut encoded = auth.encode();
	encoded.extend(args);
	let xt = chain::general(client, "Consultations", call, encoded, call).await?;
	Ok((id, xt))
}

/// A policy sphere by its index (0–19) or its name (`Governance`, `Environment`, …).
pub fn parse_sphere(s: &str) -> Result<PolicySphere, String> {
	if let Ok(i) = s.parse::<u8>() {
		return PolicySphere::from_index(i).ok_or_else(|| format!("no sphere {i}"));
	}
	(0..PolicySphere::COUNT)
		.filter_map(PolicySphere::from_index)
		.find(|p| format!("{p:?}").eq_ignore_ascii_case(s))
		.ok_or_else(|| format!("no sphere named {s}"))
}

/// Proposes a consultation.
pub async fn propose(
	client: &Client,
	secret: &Secret,
	unit: JurisdictionId,
	sphere: PolicySphere,
	plan: bool,
	title: &[u8],
	content: [u8; 32],
	options: u8,
) -> Result<(ConsultationId, String), String> {
	let kind = if plan {
		pallet_veche_consultations::ConsultationKind::Plan
	} else {
		pallet_veche_consultations::ConsultationKind::State
	};
	let args = (unit, sphere, kind, title.to_vec(), content, options).encode();
	let next = next_id(client, "NextConsultationId").await?;
	let (_, xt) = act(client, secret, "propose", tags::PROPOSE, args).await?;
	Ok((next, xt))
}

async fn next_id(client: &Client, item: &str) -> Result<u32, String> {
	let key = storage_prefix(b"Consultations", item.as_bytes()).to_vec();
	Ok(fetch::<u32>(client, key).await?.unwrap_or(0))
}

/// The key a consultation seals to, and its public key.
async fn sealing_key(client: &Client, c: &ConsultationInfo) -> Result<(KeyId, PointBytes), String> {
	let key = match c.stage {
		Stage::Open { key, .. } | Stage::Counted { key, .. } => key,
		_ => return Err("the consultation is not admitted".into()),
	};
	let ceremony: CeremonyInfo = fetch(client, map_key("Trustees", "Ceremonies", &[key.encode()]))
		.await?
		.ok_or("no such key")?;
	match ceremony.stage {
		KeyStage::Ready { public_key, .. } | KeyStage::Retired { public_key } => {
			Ok((key, public_key))
		},
		_ => Err("the key is not finished".into()),
	}
}

/// The profile's answer to `consultation`.
async fn answer_of(
	client: &Client,
	consultation: ConsultationId,
	profile: ProfileId,
) -> Result<Option<AnswerInfo>, String> {
	fetch(client, map_key("Consultations", "Answers", &[consultation.encode(), profile.encode()]))
		.await
}

/// Answers (or changes the answer to) `consultation` with `choice` (0-based).
pub async fn answer(
	client: &Client,
	secret: &Secret,
	id: ConsultationId,
	choice: u8,
) -> Result<(u16, String), String> {
	let c = consultation(client, id).await?.ok_or("no such consultation")?;
	let (_, pk) = sealing_key(client, &c).await?;
	let (profile, _) = my_profile(client, secret).await?;
	let revision = answer_of(client, id, profile).await?.map_or(0, |a| a.revision + 1);
	let genesis = chain::genesis_hash(client).await;
	let binding = (b"veche/answer", genesis, id, profile, revision).encode();
	let sealed = veche_seal::seal_choice(
		&pk,
		c.options,
		choice,
		&protocol::profile_seal_secret(&secret.0),
		&binding,
	)
	.map_err(|e| format!("cannot seal: {e:?}"))?;
	let args = (id, (sealed.ciphertexts, sealed.bits, sealed.sum)).encode();
	let (_, xt) = act(client, secret, "answer", tags::ANSWER, args).await?;
	Ok((revision, xt))
}

/// Reads the person's own answer to `consultation` back: the option chosen and the revision.
pub async fn read(
	client: &Client,
	secret: &Secret,
	id: ConsultationId,
) -> Result<Option<(u8, u16)>, String> {
	let c = consultation(client, id).await?.ok_or("no such consultation")?;
	let (_, pk) = sealing_key(client, &c).await?;
	let (profile, _) = my_profile(client, secret).await?;
	let Some(a) = answer_of(client, id, profile).await? else { return Ok(None) };
	let genesis = chain::genesis_hash(client).await;
	let binding = (b"veche/answer", genesis, id, profile, a.revision).encode();
	let choice = veche_seal::read_choice(
		&pk,
		&a.ciphertexts,
		&protocol::profile_seal_secret(&secret.0),
		&binding,
	)
	.ok_or("the answer was not sealed with your secret")?;
	Ok(Some((choice, a.revision)))
}

/// Shows that the person's answer chose the winner.
pub async fn claim(client: &Client, secret: &Secret, id: ConsultationId) -> Result<String, String> {
	let c = consultation(client, id).await?.ok_or("no such consultation")?;
	let Stage::Counted { winner: Some(winner), .. } = c.stage else {
		return Err("no option won this consultation (or it is not counted yet)".into());
	};
	let (profile, _) = my_profile(client, secret).await?;
	let a = answer_of(client, id, profile).await?.ok_or("you did not answer")?;
	let genesis = chain::genesis_hash(client).await;
	let binding = (b"veche/answer", genesis, id, profile, a.revision).encode();
	let opening = veche_seal::opening(&protocol::profile_seal_secret(&secret.0), &binding, winner);
	let (_, xt) =
		act(client, secret, "claim_agreement", tags::CLAIM, (id, opening).encode()).await?;
	Ok(xt)
}

/// Posts an idea.
pub async fn post_idea(
	client: &Client,
	secret: &Secret,
	unit: JurisdictionId,
	sphere: PolicySphere,
	title: &[u8],
	content: [u8; 32],
) -> Result<(IdeaId, String), String> {
	let next = next_id(client, "NextIdeaId").await?;
	let args = (unit, sphere, title.to_vec(), content).encode();
	let (_, xt) = act(client, secret, "post_idea", tags::POST_IDEA, args).await?;
	Ok((next, xt))
}

/// A profile's status over all spheres (or in one).
pub async fn status(
	client: &Client,
	profile: ProfileId,
	sphere: Option<PolicySphere>,
) -> Result<StatusReport, String> {
	match sphere {
		None => {
			chain::view(client, "Consultations", "status", (Value::u128(profile.into()),)).await
		},
		Some(s) => {
			chain::view(
				client,
				"Consultations",
				"sphere_status",
				(Value::u128(profile.into()), Value::unnamed_variant(format!("{s:?}"), [])),
			)
			.await
		},
	}
}

// ---- trustees ------------------------------------------------------------------------------

/// Ceremony `key`.
pub async fn ceremony(client: &Client, key: KeyId) -> Result<CeremonyInfo, String> {
	fetch(client, map_key("Trustees", "Ceremonies", &[key.encode()]))
		.await?
		.ok_or_else(|| format!("no ceremony {key}"))
}

/// `who`'s index among the ceremony's trustees.
fn index_of(c: &CeremonyInfo, who: &[u8; 32]) -> Result<u16, String> {
	c.trustees
		.iter()
		.position(|t| t == who)
		.map(|p| p as u16 + 1)
		.ok_or_else(|| "you are not a trustee of this key".into())
}

fn comm_secret(seed: &[u8; 32], key: KeyId) -> Scalar {
	veche_seal::secret_scalar(seed, b"comm", &protocol::ceremony_context(key))
}

/// Registers the trustee's communication key for ceremony `key`.
pub async fn register(
	client: &Client,
	suri: &str,
	seed: &[u8; 32],
	key: KeyId,
) -> Result<String, String> {
	let signer = chain::signer(suri)?;
	let c = ceremony(client, key).await?;
	let index = index_of(&c, &signer.public_key().0)?;
	let x = comm_secret(seed, key);
	let proof = veche_seal::pok_prove(&x, &protocol::register_binding(key, index));
	let args = (key, veche_seal::public_key(&x), proof).encode();
	chain::signed(client, &signer, "Trustees", "register", args, "the registration").await
}

/// Deals the trustee's polynomial for ceremony `key` to every registered trustee.
pub async fn deal(
	client: &Client,
	suri: &str,
	seed: &[u8; 32],
	key: KeyId,
) -> Result<String, String> {
	let signer = chain::signer(suri)?;
	let c = ceremony(client, key).await?;
	let index = index_of(&c, &signer.public_key().0)?;
	let context = protocol::ceremony_context(key);
	let poly = veche_seal::polynomial(seed, &context, c.threshold);
	let mut shares = Vec::new();
	for j in 1..=c.trustees.len() as u16 {
		let theirs: Option<PointBytes> =
			fetch(client, map_key("Trustees", "CommKeys", &[key.encode(), j.encode()])).await?;
		shares.push(match theirs {
			Some(k) if j != index => {
				let dh = veche_seal::diffie_hellman(&comm_secret(seed, key), &k)
					.map_err(|e| format!("{e:?}"))?;
				let mask = veche_seal::share_mask(&dh, &context, index, j);
				veche_seal::encode_scalar(&(veche_seal::evaluate(&poly, j) + mask))
			},
			_ => [0u8; 32],
		});
	}
	let first = poly.first().ok_or("a threshold of at least one")?;
	let proof = veche_seal::pok_prove(first, &protocol::deal_binding(key, index));
	let args = (key, veche_seal::commitments(&poly), proof, shares).encode();
	chain::signed(client, &signer, "Trustees", "deal", args, "the dealing").await
}

/// The trustee's secret share of key `key`, unmasked from the qualified dealings, each checked
/// against its dealer's commitments; the dealers whose share does not match are returned too
/// (complain about them before the complaint deadline).
pub async fn my_share(
	client: &Client,
	who: &[u8; 32],
	seed: &[u8; 32],
	key: KeyId,
) -> Result<(u16, Scalar, Vec<u16>), String> {
	let c = ceremony(client, key).await?;
	let index = index_of(&c, who)?;
	let context = protocol::ceremony_context(key);
	let mut share = Scalar::from(0u64);
	let mut bad = Vec::new();
	for dealer in 1..=c.trustees.len() as u16 {
		let dealing: Option<DealingInfo> =
			fetch(client, map_key("Trustees", "Dealings", &[key.encode(), dealer.encode()]))
				.await?;
		let Some(dealing) = dealing else { continue };
		if dealing.disqualified {
			continue;
		}
		let part = if dealer == index {
			veche_seal::evaluate(&veche_seal::polynomial(seed, &context, c.threshold), index)
		} else {
			let theirs: PointBytes =
				fetch(client, map_key("Trustees", "CommKeys", &[key.encode(), dealer.encode()]))
					.await?
					.ok_or("a dealer without a communication key")?;
			let dh = veche_seal::diffie_hellman(&comm_secret(seed, key), &theirs)
				.map_err(|e| format!("{e:?}"))?;
			let masked = dealing.shares.get(usize::from(index) - 1).ok_or("no share for you")?;
			veche_seal::decode_scalar(masked).map_err(|e| format!("{e:?}"))?
				- veche_seal::share_mask(&dh, &context, dealer, index)
		};
		let commitments: Vec<_> = dealing
			.commitments
			.iter()
			.map(veche_seal::decode_key)
			.collect::<Result<_, _>>()
			.map_err(|e| format!("{e:?}"))?;
		if veche_seal::generator() * part != veche_seal::feldman_eval(&commitments, index) {
			bad.push(dealer);
		} else {
			share += part;
		}
	}
	Ok((index, share, bad))
}

/// Publishes the trustee's partial decryption of closed consultation `id`.
pub async fn decrypt(
	client: &Client,
	suri: &str,
	seed: &[u8; 32],
	id: ConsultationId,
) -> Result<String, String> {
	let signer = chain::signer(suri)?;
	let c = consultation(client, id).await?.ok_or("no such consultation")?;
	let (key, _) = sealing_key(client, &c).await?;
	let (index, share, bad) = my_share(client, &signer.public_key().0, seed, key).await?;
	if !bad.is_empty() {
		return Err(format!("dealers {bad:?} dealt you bad shares: your share is incomplete"));
	}
	let running: Vec<Ciphertext> =
		fetch(client, map_key("Consultations", "Running", &[id.encode()]))
			.await?
			.ok_or("no running sums")?;
	let genesis = chain::genesis_hash(client).await;
	let context = (b"veche/consultation", genesis, id).encode();
	let shares = running
		.iter()
		.map(|sum| veche_seal::partial_decrypt(&share, &sum.a, &context, index))
		.collect::<Result<Vec<_>, _>>()
		.map_err(|e| format!("{e:?}"))?;
	chain::signed(
		client,
		&signer,
		"Consultations",
		"decrypt",
		(id, shares).encode(),
		"the decryption",
	)
	.await
}

/// Counts closed consultation `id` from the published partial decryptions (the first
/// `threshold` by index, as the chain combines them): each option's count is found by trying
/// `0..=answers`. Returns the counts; publishes them with `suri` if given.
pub async fn count(
	client: &Client,
	id: ConsultationId,
	suri: Option<&str>,
) -> Result<(Vec<u32>, Option<String>), String> {
	let c = consultation(client, id).await?.ok_or("no such consultation")?;
	let (key, _) = sealing_key(client, &c).await?;
	let c_key = ceremony(client, key).await?;
	let threshold = c_key.threshold;
	let running: Vec<Ciphertext> =
		fetch(client, map_key("Consultations", "Running", &[id.encode()]))
			.await?
			.ok_or("no running sums")?;
	let mut partials = Vec::new();
	for j in 1..=c_key.trustees.len() as u16 {
		let shares: Option<Vec<PointBytes>> =
			fetch(client, map_key("Consultations", "Partials", &[id.encode(), j.encode()])).await?;
		if let Some(s) = shares {
			partials.push((j, s));
		}
		if partials.len() == usize::from(threshold) {
			break;
		}
	}
	if partials.len() < usize::from(threshold) {
		return Err(format!("{} of {threshold} trustees have decrypted", partials.len()));
	}
	let counts = counts_from(&running, &partials, threshold, c.answers)?;
	let xt = match suri {
		Some(suri) => {
			let signer = chain::signer(suri)?;
			Some(
				chain::signed(
					client,
					&signer,
					"Consultations",
					"publish_result",
					(id, counts.clone()).encode(),
					"the result",
				)
				.await?,
			)
		},
		None => None,
	};
	Ok((counts, xt))
}

/// The counts of the running sums `running` from the partial decryptions `partials` (trustee
/// index, one share per option) of at least `threshold` trustees, combined as the chain combines
/// them (the first `threshold` given); each option's count is found by trying `0..=answers`.
pub fn counts_from(
	running: &[Ciphertext],
	partials: &[(u16, Vec<PointBytes>)],
	threshold: u16,
	answers: u32,
) -> Result<Vec<u32>, String> {
	let mut counts = Vec::new();
	for (option, sum) in running.iter().enumerate() {
		let points = partials
			.iter()
			.map(|(j, s)| {
				Ok((
					*j,
					veche_seal::decode_point(s.get(option).ok_or("short")?)
						.map_err(|e| format!("{e:?}"))?,
				))
			})
			.collect::<Result<Vec<_>, String>>()?;
		let combined = veche_seal::combine(&points, threshold).map_err(|e| format!("{e:?}"))?;
		let n = (0..=answers)
			.find(|n| veche_seal::check_count(&sum.b, &combined, u64::from(*n)).unwrap_or(false))
			.ok_or_else(|| format!("option {option}: no count up to {answers} decrypts"))?;
		counts.push(n);
	}
	Ok(counts)
}

/// Hex of a point or scalar.
pub fn hex32(b: &[u8; 32]) -> String {
	to_hex(b)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The citizen app derives the profile key in the browser (`app/tests/unit/civic.test.ts`
	/// pins the same bytes): both must name the same profile for the same key file.
	#[test]
	fn demo_person_1_s_profile_key_is_the_one_the_app_derives() {
		assert_eq!(
			to_hex(&profile_key(&Secret::demo(1))),
			"0x2c766e88033b5de5cdbafdf269cb5c0d3cc38509a51f1ca4cccf7a27bf17d335"
		);
	}
}
