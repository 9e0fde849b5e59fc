//! Well-formed junk ballots: what one sender of them costs a node, and what bounds it.
//!
//! A ballot pays no fee and names no account, so the transaction pool learns that a ballot is
//! junk only by verifying its ring proof — the most expensive check the pool makes (one
//! `authorize_cast` with one proof: about 23 ms of wasm). Junk that fails a cheap check first (a
//! closed poll, a ring outside the roll, a proof that does not even decode) costs the pool almost
//! nothing, so the junk measured here passes every cheap check and decodes, and fails only the
//! proof's equations: a real ballot with one byte of its ring proof changed. Each variant is a
//! different transaction (the pool bans a refused transaction's hash, so repeating one costs
//! nothing after the first).
//!
//! An attacker needs no key and no ring membership for this: one real proof seen on chain is a
//! template, and each variant costs microseconds to make. Here every variant is also verified
//! natively before it is used, so that the measurement counts only junk that costs the node a
//! full verification.

use crate::RingDomain;
use pallet_veche_ballots::Ballot;
use pallet_veche_personhood::crypto::{Bandersnatch, Commitment, RingVrf};
use pallet_veche_primitives::{Context, ProofError};

/// Bytes of a single-context proof that belong to the ring proof (after them: the output count
/// and the VRF output, which are left alone so that every variant claims the template's alias).
const RING_PROOF_LEN: usize = 752;

/// Up to `count` distinct variants of `template` whose proofs decode but do not verify against
/// `commitment` (the template's ring) — each costs the verifier as much as an honest proof.
/// Variants change one byte of the ring proof; positions whose change breaks decoding are
/// skipped. Uses `threads` threads to check them.
pub fn variants<D: RingDomain>(
	template: &Ballot,
	commitment: &Commitment,
	context: &Context,
	count: usize,
	threads: usize,
) -> Vec<Ballot> {
	let message =
		pallet_veche_ballots::ballot_message(template.poll, &template.choice, template.sequence);
	let check = |proof: &[u8]| {
		Bandersnatch::<D>::validate(proof, commitment, context, &message)
			== Err(ProofError::InvalidProof)
	};
	let mutate = |position: usize, xor: u8| -> Option<Ballot> {
		let mut b = template.clone();
		let byte = b.proof.get_mut(position)?;
		*byte ^= xor;
		Some(b)
	};
	// Positions where a change still decodes (checked with one value each), then every value
	// at those positions, each checked again.
	let positions: Vec<usize> = (0..RING_PROOF_LEN.min(template.proof.len()))
		.filter(|&p| mutate(p, 1).is_some_and(|b| check(&b.proof)))
		.collect();
	let candidates: Vec<(usize, u8)> = (1..=u8::MAX)
		.flat_map(|xor| positions.iter().map(move |&p| (p, xor)))
		.take(count.saturating_mul(2))
		.collect();
	let per = candidates.len().div_ceil(threads.max(1)).max(1);
	let mut out: Vec<Ballot> = std::thread::scope(|scope| {
		let handles: Vec<_> = candidates
			.chunks(per)
			.map(|chunk| {
				scope.spawn(move || {
					chunk
						.iter()
						.filter_map(|&(p, xor)| mutate(p, xor))
						.filter(|b| check(&b.proof))
						.collect::<Vec<_>>()
				})
			})
			.collect();
		handles.into_iter().filter_map(|h| h.join().ok()).flatten().collect()
	});
	out.truncate(count);
	out
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{audit::commitment, ballot, keys::Secret, Domain11, RingRef, RingSet};
	use pallet_veche_ballots::Choice;
	use std::collections::BTreeSet;

	#[test]
	fn junk_variants_are_distinct_decodable_and_fail_only_the_proof() {
		let mut members: Vec<_> = (1..=4u8).map(|i| Secret::demo(i).member()).collect();
		members.sort();
		let c = commitment::<Domain11>(&members).unwrap();
		let ring = RingRef { set: RingSet::Constituency(2), index: 0, revision: 1 };
		let marks = ballot::Marks {
			poll: 3,
			context: [7; 32],
			choice: Choice::truncate_from(vec![1]),
			sequence: 1,
		};
		let own = ballot::ProvingRing { ring, members: &members };
		let (template, alias) = ballot::build(&Secret::demo(2), &marks, own, None, 255).unwrap();
		let message = pallet_veche_ballots::ballot_message(3, &template.choice, 1);
		// The template itself verifies: the variants fail because of the change alone.
		assert_eq!(
			Bandersnatch::<Domain11>::validate(&template.proof, &c, &[7; 32], &message),
			Ok(alias)
		);
		let junk = variants::<Domain11>(&template, &c, &[7; 32], 12, 2);
		assert_eq!(junk.len(), 12);
		let distinct: BTreeSet<Vec<u8>> = junk.iter().map(|b| b.proof.to_vec()).collect();
		assert_eq!(distinct.len(), 12);
		for b in &junk {
			assert_ne!(b.proof, template.proof);
			assert_eq!((b.poll, b.sequence, b.ring), (3, 1, ring));
			// It claims the template's alias, so it passes the pool's cheap checks ...
			assert_eq!(Bandersnatch::<Domain11>::claimed_alias(&b.proof), Some(alias));
			// ... and is refused only by the full verification.
			assert_eq!(
				Bandersnatch::<Domain11>::validate(&b.proof, &c, &[7; 32], &message),
				Err(ProofError::InvalidProof)
			);
		}
	}
}
