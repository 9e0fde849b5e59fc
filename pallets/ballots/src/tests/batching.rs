//! The end-of-block batch: verification, refunds, full blocks.

use super::*;

#[test]
fn a_revote_waits_for_the_recorded_ballot_and_the_block_refunds_verification() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		let b1 = ballot(1, poll, &[0], 1);
		let b2 = ballot(1, poll, &[1], 2);
		let validity = |b: &Ballot, source| {
			crate::Call::<Test>::cast { ballot: b.clone() }
				.authorize(source)
				.unwrap()
				.unwrap()
		};
		let (v1, refund1) = validity(&b1, TransactionSource::External);
		assert_eq!(v1.longevity, 10);
		assert_eq!(refund1, frame_support::weights::Weight::zero());
		// A re-vote numbers itself after the recorded ballot: while the first waits in the pool,
		// the second is refused (the voter re-votes once the first is in a block).
		assert_eq!(pool_check(&b2), refused(Error::<Test>::SequenceNotNext));
		// In a block the proof is left to the batch: the full verification weight is refunded.
		use crate::WeightInfo;
		type W = ();
		let (_, refund) = validity(&b1, TransactionSource::InBlock);
		assert_eq!(refund, W::authorize_cast(1) - W::authorize_cast_in_block());
		assert!(refund.ref_time() > 0);
		// The first ballot of a block carries the batch's fixed cost, later ones do not.
		let fixed = W::finalize_ballots(0);
		let share = W::cast() + (W::finalize_ballots(1) - fixed);
		let call = crate::Call::<Test>::cast { ballot: b1.clone() };
		assert_eq!(call.get_dispatch_info().call_weight, share + fixed);
		let first = Ballots::cast(authorized(), b1).unwrap();
		assert_eq!(first.actual_weight, Some(share + fixed));
		let second = Ballots::cast(authorized(), ballot(2, poll, &[0], 1)).unwrap();
		assert_eq!(second.actual_weight, Some(share));
		next_block();
		assert_eq!(StoredBallots::<Test>::iter_prefix(poll).count(), 2);
		// Recorded, the re-vote is next: the same pool tag, a higher priority.
		run_to(4);
		let (v2, _) = validity(&b2, TransactionSource::External);
		assert_eq!(v1.provides, v2.provides);
		assert!(v2.priority > v1.priority);
	});
}

#[test]
fn a_full_block_refuses_more_ballots() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Fill the block's queue (32) with placeholder entries, then one real ballot.
		let b = ballot(1, poll, &[0], 1);
		let pending = crate::Pallet::<Test>::check_ballot(&b, 1).unwrap();
		let mut full = BoundedVec::new();
		for _ in 0..32 {
			full.try_push(pending.clone()).unwrap();
		}
		PendingBallots::<Test>::put(full);
		assert_noop!(
			Ballots::cast(authorized(), ballot(2, poll, &[0], 1)),
			Error::<Test>::TooManyBallotsInBlock
		);
		PendingBallots::<Test>::kill();
	});
}

/// Writes the benchmark proofs for the runtime's rings (`src/fixtures/bench-proofs-domain12.hex`
/// for list ballots, `src/fixtures/bench-ratings-domain12.hex` for ratings) when
/// `VECHE_WRITE_FIXTURES=1`; otherwise checks that the committed ones verify, in one batch,
/// against the ring of the benchmark provers. Proofs are randomised, so rewriting changes the
/// bytes but never their validity.
#[test]
fn benchmark_fixtures_verify_in_one_batch() {
	use crate::fixtures::{self, Shape};
	use pallet_veche_personhood::crypto::{prover, Bandersnatch, Domain12, RingVrf};
	type V = Bandersnatch<Domain12>;
	let mut ring: Vec<[u8; 32]> =
		(0..fixtures::PROVERS).map(|i| prover::member(fixtures::seed(i))).collect();
	ring.sort();
	for (shape, file) in
		[(Shape::List, "bench-proofs-domain12.hex"), (Shape::Rating, "bench-ratings-domain12.hex")]
	{
		let message = fixtures::message(shape);
		let path = format!("{}/src/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
		if std::env::var("VECHE_WRITE_FIXTURES").as_deref() == Ok("1") {
			let lines: Vec<String> = (0..fixtures::PROVERS)
				.map(|i| {
					let (proof, _) = prover::prove::<Domain12>(
						fixtures::seed(i),
						&ring,
						&fixtures::CONTEXT,
						&message,
					)
					.unwrap();
					proof.iter().map(|b| format!("{b:02x}")).collect()
				})
				.collect();
			std::fs::write(&path, lines.join("\n") + "\n").unwrap();
		}
		let chunks = V::builder_chunks();
		let mut inter = V::start();
		V::push(&mut inter, &ring, |r| chunks.get(r).map(|c| c.to_vec())).unwrap();
		let commitment = V::finish(&inter).unwrap();
		let proofs: Vec<Vec<u8>> = (0..fixtures::PROVERS)
			.map(|i| fixtures::domain12_proof(i, shape).expect("a proof per prover"))
			.collect();
		assert!(fixtures::domain12_proof(fixtures::PROVERS, shape).is_none());
		let items: Vec<_> = proofs
			.iter()
			.map(|p| (&p[..], &commitment, &fixtures::CONTEXT[..], &message[..]))
			.collect();
		let aliases = V::batch_validate(&items);
		for (i, alias) in aliases.into_iter().enumerate() {
			let expected = prover::alias(fixtures::seed(i as u32), &fixtures::CONTEXT);
			assert_eq!(alias, Ok(expected), "{shape:?} fixture proof {i} does not verify");
			assert_eq!(V::claimed_alias(&proofs[i]), Some(expected));
		}
	}
}
