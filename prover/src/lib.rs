//! # veche-prover
//!
//! The prover side of Veche's anonymous personhood, one library for two targets: `veche-client`
//! links it natively, and the citizen app runs it as WebAssembly in a Web Worker (the
//! [`browser`] module, built with the `browser` feature), so the same code makes every proof.
//!
//! - A person's secret is 32 bytes of entropy ([`Seed`]). From it come their public ring key
//!   ([`member`]), which a registrar puts in a ring, and their alias in each context ([`alias`]),
//!   which is all a proof reveals.
//! - [`prove`] proves membership of a ring, as the chain lists its members, for a context and a
//!   message. The ring's capacity (the chain's `RingCapacity`) fixes the ring-VRF domain.
//! - [`ballot_message`] is what a ballot's proofs sign, [`jury_enrol_message`] and
//!   [`jury_accept_message`] what a jury volunteer's do; the pallets use these same functions to
//!   check them.
//!
//! Without the `prover` feature only the messages are compiled (the runtime's case): proving
//! embeds the 4.7 MB structured reference string and never runs on chain.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Encode;

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
pub mod browser;

/// A person's secret: the 32-byte seed of their Bandersnatch secret key.
pub type Seed = [u8; 32];
/// A ring member's public key: a compressed Bandersnatch point.
pub type Member = [u8; 32];
/// A person's pseudonym in one context.
pub type Alias = [u8; 32];

/// The largest ring of the smaller ring-VRF domain (2^11); larger capacities use 2^12.
pub const SMALL_DOMAIN_CAPACITY: u32 = 255;
/// The length of a proof for one context: the ring proof, the output count and one output.
pub const PROOF_LEN: usize = 785;

/// The message a ballot's proofs sign: the poll, the options marked, the voter's sequence number.
pub fn ballot_message(poll: u32, choice: &[u8], sequence: u32) -> Vec<u8> {
	(b"veche/ballot/v1", poll, choice, sequence).encode()
}

/// The message a jury enrolment's proofs sign: the jury, so that a proof is not replayed in
/// another jury or as an acceptance.
pub fn jury_enrol_message(jury: u32) -> Vec<u8> {
	(b"veche/jury-enrol", jury).encode()
}

/// The message a juror's acceptance of their summons signs.
pub fn jury_accept_message(jury: u32) -> Vec<u8> {
	(b"veche/jury-accept", jury).encode()
}

/// Why no proof was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProveError {
	/// The prover's public key is not among the ring's members.
	NotInRing,
	/// The ring holds more members than its capacity's domain allows.
	RingTooLarge,
	/// The ring-VRF library refused (a malformed member key).
	Failed,
}

#[cfg(feature = "prover")]
mod ring {
	use super::*;
	use verifiable::{
		ring::{bandersnatch::BandersnatchVrfVerifiable as V, RingDomainSize},
		GenerateVerifiable,
	};

	/// The ring-VRF domain of rings of at most `capacity` members.
	pub fn domain(capacity: u32) -> RingDomainSize {
		if capacity <= SMALL_DOMAIN_CAPACITY {
			RingDomainSize::Domain11
		} else {
			RingDomainSize::Domain12
		}
	}

	/// The public ring key of the secret `seed`.
	pub fn member(seed: Seed) -> Member {
		V::member_from_secret(&V::new_secret(seed))
	}

	/// The alias of the secret `seed` in `context`: what its proofs in that context reveal, and
	/// what its owner looks up to find their own ballot. `None` only if hashing to the curve
	/// failed, which the suite rules out.
	pub fn alias(seed: Seed, context: &[u8]) -> Option<Alias> {
		V::alias_in_context(&V::new_secret(seed), context).ok()
	}

	/// A proof by the secret `seed` that its key is one of `ring` (in the chain's order), for
	/// `context` and `message`, with the alias it yields. The rings hold at most `capacity`
	/// members.
	pub fn prove(
		seed: Seed,
		ring: &[Member],
		capacity: u32,
		context: &[u8],
		message: &[u8],
	) -> Result<(Vec<u8>, Alias), ProveError> {
		prove_in(domain(capacity), seed, ring, context, message)
	}

	/// The secret of `seed` and its ring `ring` opened for proving (the prover key computed):
	/// the costly half of a proof, shared by [`prove_in`] and [`prove_each`].
	fn open(
		domain: RingDomainSize,
		seed: Seed,
		ring: &[Member],
	) -> Result<
		(<V as GenerateVerifiable>::Secret, <V as GenerateVerifiable>::Commitment),
		ProveError,
	> {
		let secret = V::new_secret(seed);
		let me = V::member_from_secret(&secret);
		let commitment = V::open(domain, &me, ring.iter().copied()).map_err(|e| match e {
			verifiable::Error::NotInRing => ProveError::NotInRing,
			verifiable::Error::SetFull => ProveError::RingTooLarge,
			_ => ProveError::Failed,
		})?;
		Ok((secret, commitment))
	}

	/// [`prove`] in the ring-VRF domain `domain`.
	pub fn prove_in(
		domain: RingDomainSize,
		seed: Seed,
		ring: &[Member],
		context: &[u8],
		message: &[u8],
	) -> Result<(Vec<u8>, Alias), ProveError> {
		let (secret, commitment) = open(domain, seed, ring)?;
		let (proof, alias) =
			V::create(commitment, &secret, context, message).map_err(|_| ProveError::Failed)?;
		Ok((proof.into_inner(), alias))
	}

	/// [`prove_in`] for several messages at once: the ring is opened once (its prover key
	/// computed once) for all of them. For a voter's re-votes prepared together (load tests).
	pub fn prove_each(
		domain: RingDomainSize,
		seed: Seed,
		ring: &[Member],
		context: &[u8],
		messages: &[&[u8]],
	) -> Result<Vec<(Vec<u8>, Alias)>, ProveError> {
		let (secret, commitment) = open(domain, seed, ring)?;
		messages
			.iter()
			.map(|message| {
				V::create(commitment.clone(), &secret, context, message)
					.map(|(proof, alias)| (proof.into_inner(), alias))
					.map_err(|_| ProveError::Failed)
			})
			.collect()
	}
}

#[cfg(feature = "prover")]
pub use ring::{alias, domain, member, prove, prove_each, prove_in};
#[cfg(feature = "prover")]
pub use verifiable::ring::RingDomainSize;

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_veche_personhood::crypto::{Bandersnatch, Domain11, Domain12, RingVrf};

	fn ring_of(seeds: &[u8]) -> Vec<Member> {
		seeds.iter().map(|s| member([*s; 32])).collect()
	}

	fn commitment<D: pallet_veche_personhood::crypto::RingDomain>(
		ring: &[Member],
	) -> pallet_veche_personhood::crypto::Commitment {
		let chunks = Bandersnatch::<D>::builder_chunks();
		let mut inter = Bandersnatch::<D>::start();
		Bandersnatch::<D>::push(&mut inter, ring, |r| chunks.get(r).map(|c| c.to_vec())).unwrap();
		Bandersnatch::<D>::finish(&inter).unwrap()
	}

	#[test]
	fn a_proof_made_here_is_accepted_by_the_chains_verifier_in_both_domains() {
		let ring = ring_of(&[1, 2, 3]);
		let message = ballot_message(7, &[1], 2);
		for capacity in [SMALL_DOMAIN_CAPACITY, 767] {
			let (proof, alias) = prove([2; 32], &ring, capacity, b"ctx", &message).unwrap();
			assert_eq!(proof.len(), PROOF_LEN);
			assert_eq!(Some(alias), super::alias([2; 32], b"ctx"));
			let verified = if capacity <= SMALL_DOMAIN_CAPACITY {
				Bandersnatch::<Domain11>::validate(
					&proof,
					&commitment::<Domain11>(&ring),
					b"ctx",
					&message,
				)
			} else {
				Bandersnatch::<Domain12>::validate(
					&proof,
					&commitment::<Domain12>(&ring),
					b"ctx",
					&message,
				)
			};
			assert_eq!(verified, Ok(alias));
			// The proof signs its message and nothing else.
			let other = ballot_message(7, &[0], 2);
			assert!(Bandersnatch::<Domain11>::validate(
				&proof,
				&commitment::<Domain11>(&ring),
				b"ctx",
				&other
			)
			.is_err());
		}
	}

	#[test]
	fn proofs_made_together_each_verify_for_their_own_message() {
		let ring = ring_of(&[1, 2, 3, 4]);
		let (one, two) = (ballot_message(3, &[0], 1), ballot_message(3, &[1], 2));
		let made = prove_each(domain(767), [3; 32], &ring, b"ctx", &[&one, &two]).unwrap();
		let verifier = commitment::<Domain12>(&ring);
		let alias = super::alias([3; 32], b"ctx").unwrap();
		assert_eq!(made.len(), 2);
		for ((proof, a), message) in made.iter().zip([&one, &two]) {
			assert_eq!(*a, alias);
			assert_eq!(
				Bandersnatch::<Domain12>::validate(proof, &verifier, b"ctx", message),
				Ok(alias)
			);
		}
		// Each proof signs its own message only.
		assert!(Bandersnatch::<Domain12>::validate(&made[0].0, &verifier, b"ctx", &two).is_err());
		assert_eq!(
			prove_each(domain(767), [9; 32], &ring, b"ctx", &[&one]),
			Err(ProveError::NotInRing)
		);
	}

	#[test]
	fn an_outsider_gets_not_in_ring_and_an_overfull_ring_is_refused() {
		let ring = ring_of(&[1, 2, 3]);
		assert_eq!(prove([9; 32], &ring, 255, b"ctx", b"m"), Err(ProveError::NotInRing));
		let big: Vec<Member> = (0..=255u32)
			.map(|i| {
				let mut seed = [0u8; 32];
				seed[..4].copy_from_slice(&i.to_le_bytes());
				member(seed)
			})
			.collect();
		let mut first = [0u8; 32];
		first[..4].copy_from_slice(&0u32.to_le_bytes());
		assert_eq!(prove(first, &big, 255, b"ctx", b"m"), Err(ProveError::RingTooLarge));
	}

	#[test]
	fn keys_and_aliases_match_the_pallets_and_aliases_differ_by_context() {
		assert_eq!(member([4; 32]), Bandersnatch::<Domain12>::member_from_seed([4; 32]));
		assert_ne!(alias([4; 32], b"poll:1"), alias([4; 32], b"poll:2"));
		assert_ne!(alias([4; 32], b"poll:1"), alias([5; 32], b"poll:1"));
	}

	#[test]
	fn the_ballot_message_is_tagged_and_binds_every_field() {
		let m = ballot_message(1, &[2, 3], 4);
		assert!(m.starts_with(b"veche/ballot/v1"));
		assert_ne!(m, ballot_message(2, &[2, 3], 4));
		assert_ne!(m, ballot_message(1, &[2], 4));
		assert_ne!(m, ballot_message(1, &[2, 3], 5));
		// The choice is length-prefixed: a longer choice never reads as a later sequence.
		assert_ne!(ballot_message(1, &[], 0x0300_0000), ballot_message(1, &[3], 0));
	}
}
