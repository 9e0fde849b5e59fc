//! Verification of ring proofs: forged, misplaced and batched.

use super::*;

#[test]
fn forged_proofs_wrong_contexts_and_unknown_rings_are_refused() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		let ring = current(Constituency(TOWN), 0);
		let proof = prove(1, Constituency(TOWN), 0, &CTX, b"yes");
		// Wrong context, wrong message.
		assert_eq!(verify_now(&proof, &ring, &[8; 32], b"yes"), Err(ProofError::InvalidProof));
		assert_eq!(verify_now(&proof, &ring, &CTX, b"no"), Err(ProofError::InvalidProof));
		// A tampered proof.
		let mut forged = proof.clone();
		let last = forged.len() - 1;
		forged[last] ^= 1;
		assert!(matches!(
			verify_now(&forged, &ring, &CTX, b"yes"),
			Err(ProofError::InvalidProof | ProofError::MalformedProof)
		));
		// Garbage and an empty proof.
		assert_eq!(verify_now(&[], &ring, &CTX, b"yes"), Err(ProofError::MalformedProof));
		assert!(verify_now(&[3u8; 785], &ring, &CTX, b"yes").is_err());
		assert_eq!(
			verify_now(&vec![0u8; 5000], &ring, &CTX, b"yes"),
			Err(ProofError::MalformedProof)
		);
		// A non-member cannot even build a proof; a proof for another ring does not transfer.
		let members = RingMembers::<Test>::get(Constituency(TOWN), 0).unwrap();
		assert!(prover::prove::<Domain11>(seed(50), &members, &CTX, b"yes").is_none());
		let unknown = RingRef { set: Constituency(OTHER_TOWN), index: 0, revision: 1 };
		assert_eq!(verify_now(&proof, &unknown, &CTX, b"yes"), Err(ProofError::RingNotFound));
		let no_ring = RingRef { index: 5, ..ring };
		assert_eq!(verify_now(&proof, &no_ring, &CTX, b"yes"), Err(ProofError::RingNotFound));
		// The view function answers the same.
		assert_eq!(
			Personhood::verify_proof(proof.clone(), ring, CTX, b"yes".to_vec())
				.unwrap()
				.alias,
			prover::alias(seed(1), &CTX)
		);
	});
}

/// Writes the benchmark proof fixtures (`src/fixtures/proof-domain*.hex`) when
/// `VECHE_WRITE_FIXTURES=1`; otherwise checks that the committed ones verify. Proofs are
/// randomised, so rewriting changes the bytes but never their validity.
#[test]
fn benchmark_proof_fixtures_verify() {
	use crate::crypto::{
		Bandersnatch, Domain12, RingDomain, RingVrf, FIXTURE_CONTEXT, FIXTURE_MESSAGE,
	};
	fn check<D: RingDomain>(file: &str) {
		let ring = vec![key(1), key(2)];
		let path = format!("{}/src/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
		if std::env::var("VECHE_WRITE_FIXTURES").as_deref() == Ok("1") {
			let (proof, _) =
				prover::prove::<D>(seed(1), &ring, &FIXTURE_CONTEXT, FIXTURE_MESSAGE).unwrap();
			let hex: String = proof.iter().map(|b| format!("{b:02x}")).collect();
			std::fs::write(&path, hex + "\n").unwrap();
		}
		let hex = std::fs::read_to_string(&path).unwrap();
		let proof: Vec<u8> = (0..hex.trim().len())
			.step_by(2)
			.map(|i| u8::from_str_radix(&hex.trim()[i..i + 2], 16).unwrap())
			.collect();
		let mut inter = Bandersnatch::<D>::start();
		let chunks: Vec<_> = Bandersnatch::<D>::builder_chunks();
		Bandersnatch::<D>::push(&mut inter, &ring, |r| chunks.get(r).map(|c| c.to_vec())).unwrap();
		let commitment = Bandersnatch::<D>::finish(&inter).unwrap();
		let alias =
			Bandersnatch::<D>::validate(&proof, &commitment, &FIXTURE_CONTEXT, FIXTURE_MESSAGE);
		assert_eq!(alias, Ok(prover::alias(seed(1), &FIXTURE_CONTEXT)), "{file} does not verify");
	}
	check::<Domain11>("proof-domain11.hex");
	check::<Domain12>("proof-domain12.hex");
}

#[test]
fn a_batch_attributes_each_outcome_to_its_own_proof() {
	build_and_execute(|| {
		for i in 1..=4 {
			register(i, REGION_REGISTRAR, TOWN);
		}
		admit_and_build(Constituency(TOWN));
		let ring = current(Constituency(TOWN), 0);
		let p1 = prove(1, Constituency(TOWN), 0, &CTX, b"one");
		let p2 = prove(2, Constituency(TOWN), 0, &CTX, b"two");
		// A well-formed proof for another message stands in for a forgery.
		let forged = prove(2, Constituency(TOWN), 0, &CTX, b"forged");
		let unknown = RingRef { index: 7, ..ring };
		let roll = crate::RollClock::<Test>::get();
		let items = [
			ProofItem { proof: &p1, ring, roll, context: CTX, message: b"one" },
			ProofItem { proof: &forged, ring, roll, context: CTX, message: b"two" },
			ProofItem { proof: &p2, ring, roll, context: CTX, message: b"two" },
			ProofItem { proof: &p2, ring, roll, context: CTX, message: b"other message" },
			ProofItem { proof: &p1, ring: unknown, roll, context: CTX, message: b"one" },
			ProofItem { proof: &p1[..100], ring, roll, context: CTX, message: b"one" },
		];
		let outcomes = Personhood::verify_batch(&items);
		let alias =
			|i| ProvenAlias { alias: prover::alias(seed(i), &CTX), set: ring.set, revision: 1 };
		assert_eq!(
			outcomes,
			vec![
				Ok(alias(1)),
				Err(ProofError::InvalidProof),
				Ok(alias(2)),
				Err(ProofError::InvalidProof),
				Err(ProofError::RingNotFound),
				Err(ProofError::MalformedProof),
			]
		);
		// The alias a proof claims is read without verification, and equals the verified one.
		assert_eq!(Personhood::claimed_alias(&p1), Some(prover::alias(seed(1), &CTX)));
		assert_eq!(Personhood::claimed_alias(&p1[..100]), None);
		assert_eq!(Personhood::verify_batch(&[]), vec![]);
	});
}

/// The batch takes its items ring by ring (one verifier set-up per ring), yet every outcome comes
/// back at its own item's place: proofs of two rings interleaved, a forgery and a ring that fails
/// the cheap check among them.
#[test]
fn a_batch_across_rings_keeps_each_outcome_in_place() {
	build_and_execute(|| {
		for i in 1..=4 {
			register(i, REGION_REGISTRAR, TOWN);
			register(10 + i, COUNTRY_REGISTRAR, OTHER_TOWN);
		}
		admit_and_build(Constituency(TOWN));
		admit_and_build(Constituency(OTHER_TOWN));
		let town = current(Constituency(TOWN), 0);
		let other = current(Constituency(OTHER_TOWN), 0);
		let roll = crate::RollClock::<Test>::get();
		let t1 = prove(1, Constituency(TOWN), 0, &CTX, b"a");
		let t2 = prove(2, Constituency(TOWN), 0, &CTX, b"b");
		let o1 = prove(11, Constituency(OTHER_TOWN), 0, &CTX, b"c");
		let o2 = prove(12, Constituency(OTHER_TOWN), 0, &CTX, b"d");
		let unknown = RingRef { index: 7, ..town };
		let items = [
			ProofItem { proof: &o1, ring: other, roll, context: CTX, message: b"c" },
			ProofItem { proof: &t1, ring: town, roll, context: CTX, message: b"a" },
			ProofItem { proof: &t2, ring: unknown, roll, context: CTX, message: b"b" },
			ProofItem { proof: &o2, ring: other, roll, context: CTX, message: b"d" },
			// Another town's proof presented as this town's: its ring does not hold the key.
			ProofItem { proof: &o2, ring: town, roll, context: CTX, message: b"d" },
			ProofItem { proof: &t2, ring: town, roll, context: CTX, message: b"b" },
			ProofItem { proof: &o1, ring: other, roll, context: CTX, message: b"forged" },
		];
		let alias = |i, ring: RingRef| ProvenAlias {
			alias: prover::alias(seed(i), &CTX),
			set: ring.set,
			revision: ring.revision,
		};
		assert_eq!(
			Personhood::verify_batch(&items),
			vec![
				Ok(alias(11, other)),
				Ok(alias(1, town)),
				Err(ProofError::RingNotFound),
				Ok(alias(12, other)),
				Err(ProofError::InvalidProof),
				Ok(alias(2, town)),
				Err(ProofError::InvalidProof),
			]
		);
		// Each outcome is the one the proof gets alone.
		for item in &items {
			let alone = Personhood::verify_batch(&[*item]);
			assert_eq!(alone.len(), 1);
			assert_eq!(
				alone[0],
				Personhood::verify(item.proof, &item.ring, item.roll, &item.context, item.message)
			);
		}
	});
}
