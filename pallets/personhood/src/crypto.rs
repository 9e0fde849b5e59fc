//! The ring-VRF the pallet builds rings with and checks proofs against.
//!
//! [`RingVrf`] is the small surface the pallet needs; [`Bandersnatch`] implements it with the
//! `verifiable` crate's Bandersnatch ring VRF (`BandersnatchVrfVerifiable`, the suite the
//! Polkadot People chain uses), in pure wasm. Values the pallet stores are plain byte arrays:
//! they were validated once on the way in (keys at registration, static chunks at genesis) and
//! are decoded unchecked afterwards, so that no curve point is re-validated on every read.

use alloc::vec::Vec;
use codec::Encode;
use core::{marker::PhantomData, ops::Range};
use pallet_veche_primitives::{Alias, ProofError};
use verifiable::{
	ring::ark_vrf::{reexports::ark_serialize::CanonicalDeserialize, Output},
	ring::{
		bandersnatch::{BandersnatchSha512Ell2, BandersnatchVrfVerifiable},
		RingDomainSize, StaticChunk as ArkChunk,
	},
	BatchProofItem, DecodeUnchecked, GenerateVerifiable,
};

/// A ring member's public key: a compressed Bandersnatch point.
pub type Member = [u8; 32];
/// The ring builder's running state (an ark-vrf `VerifierKeyBuilder`), 848 bytes.
pub type Intermediate = [u8; 848];
/// The commitment to a ring's members that proofs are checked against, 288 bytes.
pub type Commitment = [u8; 288];
/// One static chunk of the ring builder's parameters: an uncompressed BLS12-381 G1 point.
pub type Chunk = [u8; 96];

/// What the pallet needs of a ring VRF.
pub trait RingVrf {
	/// The most members one ring can hold.
	fn max_ring_size() -> u32;

	/// Whether `member` is a valid public key (a point of the prime-order subgroup, not the
	/// identity).
	fn is_member_valid(member: &Member) -> bool;

	/// The builder state of an empty ring.
	fn start() -> Intermediate;

	/// Appends `members` to the ring being built in `inter`. `lookup(range)` must return the
	/// static chunks at those indices, as stored at genesis. On error `inter` is unchanged.
	fn push(
		inter: &mut Intermediate,
		members: &[Member],
		lookup: impl Fn(Range<usize>) -> Option<Vec<Chunk>>,
	) -> Result<(), ()>;

	/// The commitment to the members pushed into `inter` so far.
	fn finish(inter: &Intermediate) -> Result<Commitment, ()>;

	/// Checks `proof` (the raw proof bytes) against `commitment` for `context` and `message`,
	/// returning the prover's alias in `context`.
	fn validate(
		proof: &[u8],
		commitment: &Commitment,
		context: &[u8],
		message: &[u8],
	) -> Result<Alias, ProofError>;

	/// Checks many proofs in one combined check: `(proof, commitment, context, message)` per
	/// item, one outcome per item in input order. A bad item does not affect the others. In wasm
	/// (the ballots pallet's generated weights) the combined check costs about 29 ms plus 12.9 ms
	/// per proof, where checking a proof alone costs about 37 ms. The verifier is set up again at
	/// each change of ring from one item to the next, so callers pass the items of one ring
	/// together ([`crate::Pallet`]'s `verify_batch` orders them so).
	fn batch_validate(
		items: &[(&[u8], &Commitment, &[u8], &[u8])],
	) -> Vec<Result<Alias, ProofError>>;

	/// The alias `proof` claims (the hash of its VRF output), without verifying the proof;
	/// `None` when its output cannot be read.
	fn claimed_alias(proof: &[u8]) -> Option<Alias>;

	/// How many pages of [`CHUNK_PAGE_SIZE`] static chunks ring building needs.
	fn chunk_pages() -> u32 {
		Self::max_ring_size().div_ceil(CHUNK_PAGE_SIZE)
	}

	/// The BLAKE2b-256 hash of page `page` of the canonical static chunks (the SCALE encoding of
	/// its chunks), pinned in the code; `None` past the last page.
	fn chunk_page_hash(page: u32) -> Option<[u8; 32]>;

	/// The canonical static chunks `0..max_ring_size()` from the parameters shipped inside
	/// `verifiable` (off-chain, and in benchmark builds).
	#[cfg(any(feature = "std", feature = "runtime-benchmarks"))]
	fn builder_chunks() -> Vec<Chunk>;

	/// The public key of the secret derived from `seed` (demo data, benchmarks, tests).
	fn member_from_seed(seed: [u8; 32]) -> Member;

	/// A valid proof for benchmarks: `(ring members from seeds [1; 32] and [2; 32], proof by
	/// the first, context, message)`, made off-chain for this ring domain.
	#[cfg(feature = "runtime-benchmarks")]
	fn proof_fixture() -> (Vec<Member>, Vec<u8>, [u8; 32], Vec<u8>);
}

/// How many static chunks one storage page holds (24,576 bytes).
pub const CHUNK_PAGE_SIZE: u32 = 256;

/// The ring domain of a [`Bandersnatch`] ring: it fixes the largest ring.
pub trait RingDomain {
	/// The PCS domain.
	const DOMAIN: RingDomainSize;
	/// The hashes of the static chunk pages, hex, one per line, written by
	/// `tests::chunk_page_hashes_match_the_parameters`.
	const CHUNK_PAGE_HASHES: &'static str;
	/// A proof by seed `[1; 32]` over the ring `[member([1; 32]), member([2; 32])]` for
	/// [`FIXTURE_CONTEXT`] and [`FIXTURE_MESSAGE`], hex, made by `tests::print_proof_fixtures`.
	const PROOF_FIXTURE: &'static str;
}

/// The context of the benchmark proof fixtures.
pub const FIXTURE_CONTEXT: [u8; 32] = *b"veche/benchmark/fixture/context!";
/// The message of the benchmark proof fixtures.
pub const FIXTURE_MESSAGE: &[u8] = b"ballot";

/// Rings of at most 255 members (PCS domain 2^11).
pub struct Domain11;
impl RingDomain for Domain11 {
	const DOMAIN: RingDomainSize = RingDomainSize::Domain11;
	const CHUNK_PAGE_HASHES: &'static str = include_str!("fixtures/chunk-pages-domain11.hex");
	const PROOF_FIXTURE: &'static str = include_str!("fixtures/proof-domain11.hex");
}

/// Rings of at most 767 members (PCS domain 2^12).
pub struct Domain12;
impl RingDomain for Domain12 {
	const DOMAIN: RingDomainSize = RingDomainSize::Domain12;
	const CHUNK_PAGE_HASHES: &'static str = include_str!("fixtures/chunk-pages-domain12.hex");
	const PROOF_FIXTURE: &'static str = include_str!("fixtures/proof-domain12.hex");
}

/// The length of one compressed Bandersnatch point: a VRF output at the end of a proof.
const OUTPUT_LEN: usize = 32;
/// The length of a proof for one context: the ring proof (752 bytes), the output count, and one
/// output.
pub const SINGLE_CONTEXT_PROOF_LEN: usize = 785;

/// Bandersnatch ring VRF over the domain `D`.
pub struct Bandersnatch<D>(PhantomData<D>);

type V = BandersnatchVrfVerifiable;
type Suite = BandersnatchSha512Ell2;

fn decode_trusted<T: DecodeUnchecked>(bytes: &[u8]) -> Result<T, ()> {
	T::decode_unchecked(&mut &bytes[..]).map_err(|_| ())
}

fn to_array<const N: usize>(encoded: Vec<u8>) -> Result<[u8; N], ()> {
	encoded.try_into().map_err(|_| ())
}

impl<D: RingDomain> RingVrf for Bandersnatch<D> {
	fn max_ring_size() -> u32 {
		D::DOMAIN.max_ring_size::<Suite>() as u32
	}

	fn is_member_valid(member: &Member) -> bool {
		V::is_member_valid(member)
	}

	fn start() -> Intermediate {
		// The empty builder is fixed data of the suite; its encoding has this exact size.
		to_array(V::start_members(D::DOMAIN).encode()).unwrap_or([0; 848])
	}

	fn push(
		inter: &mut Intermediate,
		members: &[Member],
		lookup: impl Fn(Range<usize>) -> Option<Vec<Chunk>>,
	) -> Result<(), ()> {
		let mut state: <V as GenerateVerifiable>::Intermediate = decode_trusted(&inter[..])?;
		let chunks = |range: Range<usize>| -> Result<Vec<ArkChunk<Suite>>, ()> {
			lookup(range)
				.ok_or(())?
				.iter()
				.map(|c| decode_trusted::<ArkChunk<Suite>>(&c[..]))
				.collect()
		};
		V::push_members(&mut state, members.iter().copied(), chunks).map_err(|_| ())?;
		*inter = to_array(state.encode())?;
		Ok(())
	}

	fn finish(inter: &Intermediate) -> Result<Commitment, ()> {
		let state: <V as GenerateVerifiable>::Intermediate = decode_trusted(&inter[..])?;
		to_array(V::finish_members(state).encode())
	}

	fn validate(
		proof: &[u8],
		commitment: &Commitment,
		context: &[u8],
		message: &[u8],
	) -> Result<Alias, ProofError> {
		let proof = <V as GenerateVerifiable>::Proof::try_from(proof.to_vec())
			.map_err(|_| ProofError::MalformedProof)?;
		let members: <V as GenerateVerifiable>::Members =
			decode_trusted(&commitment[..]).map_err(|_| ProofError::RingNotFound)?;
		V::validate(D::DOMAIN, &proof, &members, context, message).map_err(|e| match e {
			verifiable::Error::DecodeError => ProofError::MalformedProof,
			_ => ProofError::InvalidProof,
		})
	}

	fn batch_validate(
		items: &[(&[u8], &Commitment, &[u8], &[u8])],
	) -> Vec<Result<Alias, ProofError>> {
		// Items that cannot even be decoded get their error here; the rest go into one batch.
		let mut outcomes: Vec<Result<Alias, ProofError>> = Vec::with_capacity(items.len());
		let mut batch = Vec::with_capacity(items.len());
		let mut slots = Vec::with_capacity(items.len());
		for (i, (proof, commitment, context, message)) in items.iter().enumerate() {
			let proof = match <V as GenerateVerifiable>::Proof::try_from(proof.to_vec()) {
				Ok(p) => p,
				Err(_) => {
					outcomes.push(Err(ProofError::MalformedProof));
					continue;
				},
			};
			let Ok(members) = decode_trusted::<<V as GenerateVerifiable>::Members>(&commitment[..])
			else {
				outcomes.push(Err(ProofError::RingNotFound));
				continue;
			};
			outcomes.push(Err(ProofError::InvalidProof));
			slots.push(i);
			batch.push(BatchProofItem {
				proof,
				config: D::DOMAIN,
				members,
				context: context.to_vec(),
				message: message.to_vec(),
			});
		}
		for (slot, result) in slots.into_iter().zip(V::batch_validate_per_item(&batch)) {
			if let Some(outcome) = outcomes.get_mut(slot) {
				*outcome = result.map_err(|e| match e {
					verifiable::Error::DecodeError => ProofError::MalformedProof,
					_ => ProofError::InvalidProof,
				});
			}
		}
		outcomes
	}

	fn claimed_alias(proof: &[u8]) -> Option<Alias> {
		// A proof is the ring proof followed by its VRF outputs: a one-byte count, then one
		// compressed point per context. The alias is the hash of the (single) output point.
		if proof.len() != SINGLE_CONTEXT_PROOF_LEN {
			return None;
		}
		let (head, point) = proof.split_at_checked(SINGLE_CONTEXT_PROOF_LEN - OUTPUT_LEN)?;
		if head.last() != Some(&1) {
			return None;
		}
		let output = Output::<Suite>::deserialize_compressed_unchecked(point).ok()?;
		Some(output.hash::<32>())
	}

	fn chunk_page_hash(page: u32) -> Option<[u8; 32]> {
		let line = D::CHUNK_PAGE_HASHES.lines().nth(page as usize)?;
		from_hex(line.trim()).try_into().ok()
	}

	#[cfg(any(feature = "std", feature = "runtime-benchmarks"))]
	fn builder_chunks() -> Vec<Chunk> {
		let params = verifiable::ring::ring_verifier_builder_params::<Suite>(D::DOMAIN);
		params
			.0
			.into_iter()
			.take(Self::max_ring_size() as usize)
			.filter_map(|p| to_array(ArkChunk::<Suite>(p).encode()).ok())
			.collect()
	}

	fn member_from_seed(seed: [u8; 32]) -> Member {
		V::member_from_secret(&V::new_secret(seed))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn proof_fixture() -> (Vec<Member>, Vec<u8>, [u8; 32], Vec<u8>) {
		let ring = alloc::vec![Self::member_from_seed([1; 32]), Self::member_from_seed([2; 32])];
		let proof = from_hex(D::PROOF_FIXTURE.trim());
		(ring, proof, FIXTURE_CONTEXT, FIXTURE_MESSAGE.to_vec())
	}
}

/// Decodes lowercase hex; stops at the first non-hex pair.
fn from_hex(s: &str) -> Vec<u8> {
	let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
	s.as_bytes()
		.chunks(2)
		.map_while(|p| match p {
			[h, l] => Some(digit(*h)?.checked_mul(16)?.checked_add(digit(*l)?)?),
			_ => None,
		})
		.collect()
}

/// Off-chain helpers (tests, benchmarks fixtures): secrets, keys, aliases, proofs, made by
/// `veche-prover`, the prover `veche-client` and the citizen app use.
#[cfg(feature = "std")]
pub mod prover {
	use super::*;
	pub use veche_prover::member;

	/// The alias of the secret derived from `seed` in `context`.
	pub fn alias(seed: [u8; 32], context: &[u8]) -> Alias {
		veche_prover::alias(seed, context).expect("hashing to the curve succeeds")
	}

	/// A proof by the secret of `seed` that it is one of `ring` (in the chain's order) for
	/// `context` and `message`, with the alias it yields; `None` if the key is not in the ring.
	pub fn prove<D: RingDomain>(
		seed: [u8; 32],
		ring: &[Member],
		context: &[u8],
		message: &[u8],
	) -> Option<(Vec<u8>, Alias)> {
		veche_prover::prove_in(D::DOMAIN, seed, ring, context, message).ok()
	}
}
