use super::*;

const CONTEXT: &[u8] = b"ceremony 7";

fn seed(n: u8) -> [u8; 32] {
	[n; 32]
}

/// One trustee's side of a ceremony: communication secret and key, polynomial.
struct Trustee {
	index: u16,
	comm: Scalar,
	comm_key: PointBytes,
	poly: Vec<Scalar>,
}

fn trustee(index: u16, threshold: u16) -> Trustee {
	let s = seed(index as u8);
	let comm = secret_scalar(&s, b"comm", CONTEXT);
	Trustee { index, comm, comm_key: public_key(&comm), poly: polynomial(&s, CONTEXT, threshold) }
}

/// The masked share dealer `d` publishes for recipient `r`.
fn masked(d: &Trustee, r: &Trustee) -> ScalarBytes {
	let dh = diffie_hellman(&d.comm, &r.comm_key).unwrap();
	encode_scalar(&(evaluate(&d.poly, r.index) + share_mask(&dh, CONTEXT, d.index, r.index)))
}

/// A full honest ceremony of `n` trustees with threshold `t`: the joint key, each trustee's
/// secret share (recovered from the masked shares as a trustee would) and verification key.
fn ceremony(n: u16, t: u16) -> (PointBytes, Vec<(u16, Scalar, Point)>) {
	let trustees: Vec<Trustee> = (1..=n).map(|i| trustee(i, t)).collect();
	let commitments: Vec<Vec<Point>> = trustees
		.iter()
		.map(|d| commitments(&d.poly).iter().map(|c| decode_key(c).unwrap()).collect())
		.collect();
	let joint = commitments.iter().fold(Point::zero(), |acc, c| acc + c[0]);
	let aggregate: Vec<Point> = (0..usize::from(t))
		.map(|k| commitments.iter().fold(Point::zero(), |acc, c| acc + c[k]))
		.collect();
	let shares = trustees
		.iter()
		.map(|r| {
			let share = trustees.iter().fold(Scalar::zero(), |acc, d| {
				let dh = diffie_hellman(&r.comm, &d.comm_key).unwrap();
				let m = decode_scalar(&masked(d, r)).unwrap();
				acc + (m - share_mask(&dh, CONTEXT, d.index, r.index))
			});
			let y = feldman_eval(&aggregate, r.index);
			assert_eq!(y, generator() * share, "the share matches the public verification key");
			(r.index, share, y)
		})
		.collect();
	(encode_point(&joint), shares)
}

#[test]
fn a_sealed_choice_verifies_and_reads_back_for_every_option() {
	let (pk, _) = ceremony(3, 2);
	for choice in 0..4 {
		let sealed = seal_choice(&pk, 4, choice, &seed(9), b"poll 1/profile 2/rev 0").unwrap();
		assert_eq!(sealed.ciphertexts.len(), 4);
		verify_choice(
			&pk,
			&sealed.ciphertexts,
			&sealed.bits,
			&sealed.sum,
			b"poll 1/profile 2/rev 0",
		)
		.unwrap();
		assert_eq!(
			read_choice(&pk, &sealed.ciphertexts, &seed(9), b"poll 1/profile 2/rev 0"),
			Some(choice)
		);
		assert_eq!(
			read_choice(&pk, &sealed.ciphertexts, &seed(8), b"poll 1/profile 2/rev 0"),
			None
		);
	}
}

#[test]
fn a_sealed_choice_does_not_verify_under_another_binding_or_key() {
	let (pk, _) = ceremony(3, 2);
	let sealed = seal_choice(&pk, 3, 1, &seed(9), b"profile 2").unwrap();
	assert_eq!(
		verify_choice(&pk, &sealed.ciphertexts, &sealed.bits, &sealed.sum, b"profile 3"),
		Err(SealError::BadProof)
	);
	let other = public_key(&Scalar::from(5u64));
	assert_eq!(
		verify_choice(&other, &sealed.ciphertexts, &sealed.bits, &sealed.sum, b"profile 2"),
		Err(SealError::BadProof)
	);
}

#[test]
fn tampered_ciphertexts_and_proofs_are_refused() {
	let (pk, _) = ceremony(3, 2);
	let b = b"binding";
	let sealed = seal_choice(&pk, 3, 2, &seed(9), b).unwrap();
	// Options swapped: each bit proof is bound to its option's position.
	let mut swapped = sealed.clone();
	swapped.ciphertexts.swap(0, 2);
	swapped.bits.swap(0, 2);
	assert_eq!(
		verify_choice(&pk, &swapped.ciphertexts, &swapped.bits, &swapped.sum, b),
		Err(SealError::BadProof)
	);
	// A component shifted by G (an attempt to add a vote).
	let mut shifted = sealed.clone();
	let b0 = decode_point(&shifted.ciphertexts[0].b).unwrap() + generator();
	shifted.ciphertexts[0].b = encode_point(&b0);
	assert_eq!(
		verify_choice(&pk, &shifted.ciphertexts, &shifted.bits, &shifted.sum, b),
		Err(SealError::BadProof)
	);
	// A response changed.
	let mut forged = sealed.clone();
	forged.bits[1].z0 = encode_scalar(&(decode_scalar(&forged.bits[1].z0).unwrap() + Scalar::ONE));
	assert_eq!(
		verify_choice(&pk, &forged.ciphertexts, &forged.bits, &forged.sum, b),
		Err(SealError::BadProof)
	);
	// Lengths that disagree, no options, too many.
	assert_eq!(
		verify_choice(&pk, &sealed.ciphertexts, &sealed.bits[..2], &sealed.sum, b),
		Err(SealError::LengthMismatch)
	);
	assert_eq!(verify_choice(&pk, &[], &[], &sealed.sum, b), Err(SealError::BadChoice));
	let many = vec![sealed.ciphertexts[0]; MAX_OPTIONS + 1];
	let proofs = vec![sealed.bits[0]; MAX_OPTIONS + 1];
	assert_eq!(verify_choice(&pk, &many, &proofs, &sealed.sum, b), Err(SealError::BadChoice));
}

#[test]
fn two_chosen_options_cannot_be_passed_off_as_one() {
	// Each component from a valid sealing under the same binding (so every bit proof holds), but
	// options 0 and 1 both encrypt 1: the sum proof of either sealing fails.
	let (pk, _) = ceremony(3, 2);
	let b = b"binding";
	let first = seal_choice(&pk, 2, 0, &seed(9), b).unwrap();
	let second = seal_choice(&pk, 2, 1, &seed(9), b).unwrap();
	let cts = vec![first.ciphertexts[0], second.ciphertexts[1]];
	let bits = vec![first.bits[0], second.bits[1]];
	for sum in [first.sum, second.sum] {
		assert_eq!(verify_choice(&pk, &cts, &bits, &sum, b), Err(SealError::BadProof));
	}
	// And neither chosen: zero components.
	let cts = vec![second.ciphertexts[0], first.ciphertexts[1]];
	let bits = vec![second.bits[0], first.bits[1]];
	for sum in [first.sum, second.sum] {
		assert_eq!(verify_choice(&pk, &cts, &bits, &sum, b), Err(SealError::BadProof));
	}
}

#[test]
fn seal_choice_refuses_bad_choices_and_keys() {
	let (pk, _) = ceremony(2, 1);
	assert_eq!(seal_choice(&pk, 0, 0, &seed(1), b"").unwrap_err(), SealError::BadChoice);
	assert_eq!(seal_choice(&pk, 3, 3, &seed(1), b"").unwrap_err(), SealError::BadChoice);
	assert_eq!(seal_choice(&pk, 17, 0, &seed(1), b"").unwrap_err(), SealError::BadChoice);
	let identity = encode_point(&Point::zero());
	assert_eq!(seal_choice(&identity, 2, 0, &seed(1), b"").unwrap_err(), SealError::IdentityKey);
	assert_eq!(seal_choice(&[0xff; 32], 2, 0, &seed(1), b"").unwrap_err(), SealError::BadPoint);
}

#[test]
fn encodings_refuse_non_canonical_scalars_and_points_off_the_subgroup() {
	assert_eq!(decode_scalar(&[0xff; 32]), Err(SealError::BadScalar));
	assert_eq!(decode_scalar(&encode_scalar(&Scalar::from(7u64))), Ok(Scalar::from(7u64)));
	// A point of order 2 on the curve, (0, −1), is not in the prime-order subgroup.
	let mut two_torsion = [0u8; 32];
	let minus_one = -ark_ed_on_bls12_381_bandersnatch::Fq::ONE;
	minus_one.serialize_compressed(&mut two_torsion[..]).unwrap();
	assert_eq!(decode_point(&two_torsion), Err(SealError::BadPoint));
	let g = generator();
	assert_eq!(decode_point(&encode_point(&g)), Ok(g));
}

#[test]
fn running_sums_decrypt_with_any_threshold_of_trustees() {
	let (pk, shares) = ceremony(3, 2);
	let choices = [0u8, 2, 2, 1, 2, 0, 2];
	let mut running = vec![Ciphertext::default(); 3];
	for (i, choice) in choices.iter().enumerate() {
		let binding = [i as u8];
		let sealed = seal_choice(&pk, 3, *choice, &seed(40 + i as u8), &binding).unwrap();
		verify_choice(&pk, &sealed.ciphertexts, &sealed.bits, &sealed.sum, &binding).unwrap();
		for (sum, ct) in running.iter_mut().zip(&sealed.ciphertexts) {
			*sum = add(sum, ct).unwrap();
		}
	}
	// A changed answer: the sixth voter's 0 becomes 1.
	let old = seal_choice(&pk, 3, 0, &seed(45), &[5u8]).unwrap();
	let new = seal_choice(&pk, 3, 1, &seed(45), &[105u8]).unwrap();
	for ((sum, o), n) in running.iter_mut().zip(&old.ciphertexts).zip(&new.ciphertexts) {
		*sum = add(&sub(sum, o).unwrap(), n).unwrap();
	}
	let expected = [1u64, 2, 4];
	for pair in [[0usize, 1], [1, 2], [2, 0]] {
		for (option, sum) in running.iter().enumerate() {
			let partials: Vec<(u16, Point)> = pair
				.iter()
				.map(|&t| {
					let (j, s, y) = shares[t];
					let (d, proof) = partial_decrypt(&s, &sum.a, CONTEXT, j).unwrap();
					(j, verify_partial(&y, &sum.a, &d, CONTEXT, j, &proof).unwrap())
				})
				.collect();
			let combined = combine(&partials, 2).unwrap();
			assert!(check_count(&sum.b, &combined, expected[option]).unwrap());
			assert!(!check_count(&sum.b, &combined, expected[option] + 1).unwrap());
		}
	}
	// One trustee alone decrypts nothing useful.
	let (j, s, _) = shares[0];
	let (d, _) = partial_decrypt(&s, &running[2].a, CONTEXT, j).unwrap();
	let alone = combine(&[(j, decode_point(&d).unwrap())], 1).unwrap();
	assert!((0..=7).all(|n| !check_count(&running[2].b, &alone, n).unwrap()));
}

#[test]
fn a_partial_decryption_with_the_wrong_share_is_refused() {
	let (pk, shares) = ceremony(3, 2);
	let sealed = seal_choice(&pk, 2, 1, &seed(3), b"x").unwrap();
	let a = sealed.ciphertexts[0].a;
	let (j, s, y) = shares[0];
	let (d, proof) = partial_decrypt(&(s + Scalar::ONE), &a, CONTEXT, j).unwrap();
	assert_eq!(verify_partial(&y, &a, &d, CONTEXT, j, &proof), Err(SealError::BadProof));
	// A valid proof replayed as another trustee's.
	let (d, proof) = partial_decrypt(&s, &a, CONTEXT, j).unwrap();
	let (k, _, yk) = shares[1];
	assert_eq!(verify_partial(&yk, &a, &d, CONTEXT, k, &proof), Err(SealError::BadProof));
}

#[test]
fn combining_needs_distinct_nonzero_trustees() {
	let g = generator();
	assert_eq!(combine(&[(1, g), (1, g)], 2), Err(SealError::BadIndices));
	assert_eq!(combine(&[(0, g), (1, g)], 2), Err(SealError::BadIndices));
	assert_eq!(combine(&[(1, g)], 2), Err(SealError::BadIndices));
	assert_eq!(combine(&[(1, g)], 0), Err(SealError::BadIndices));
}

#[test]
fn a_complaint_disqualifies_a_cheating_dealer_and_never_an_honest_one() {
	let (d, r) = (trustee(1, 2), trustee(2, 2));
	let commits = commitments(&d.poly);
	let dh = diffie_hellman(&r.comm, &d.comm_key).unwrap();
	let binding = complaint_binding(CONTEXT, 1, 2);
	let proof = dleq_prove(&r.comm, &generator(), &decode_key(&d.comm_key).unwrap(), &binding);
	let dh_bytes = encode_point(&dh);
	let honest = masked(&d, &r);
	let judge = |share: &ScalarBytes, dh: &PointBytes, proof: &Dleq| {
		judge_complaint(CONTEXT, 1, 2, &d.comm_key, &r.comm_key, &commits, share, dh, proof)
	};
	assert_eq!(judge(&honest, &dh_bytes, &proof), Ok(false));
	let bad = encode_scalar(&(decode_scalar(&honest).unwrap() + Scalar::ONE));
	assert_eq!(judge(&bad, &dh_bytes, &proof), Ok(true));
	// A complainant who lies about the Diffie–Hellman key cannot prove it.
	let wrong = encode_point(&(dh + generator()));
	assert_eq!(judge(&honest, &wrong, &proof), Err(SealError::BadProof));
	// Nor reuse the proof for another pair.
	assert_eq!(
		judge_complaint(
			CONTEXT,
			1,
			3,
			&d.comm_key,
			&r.comm_key,
			&commits,
			&honest,
			&dh_bytes,
			&proof
		),
		Err(SealError::BadProof)
	);
}

#[test]
fn proofs_of_knowledge_are_bound_and_refuse_the_identity() {
	let x = secret_scalar(&seed(4), b"comm", CONTEXT);
	let key = public_key(&x);
	let proof = pok_prove(&x, b"trustee 4");
	assert_eq!(pok_verify(&key, b"trustee 4", &proof), Ok(()));
	assert_eq!(pok_verify(&key, b"trustee 5", &proof), Err(SealError::BadProof));
	let other = public_key(&(x + Scalar::ONE));
	assert_eq!(pok_verify(&other, b"trustee 4", &proof), Err(SealError::BadProof));
	let identity = encode_point(&Point::zero());
	assert_eq!(pok_verify(&identity, b"trustee 4", &proof), Err(SealError::IdentityKey));
}

#[test]
fn an_opening_shows_the_chosen_option_only() {
	let (pk, _) = ceremony(2, 2);
	let sealed = seal_choice(&pk, 3, 1, &seed(6), b"b").unwrap();
	let r1 = opening(&seed(6), b"b", 1);
	assert_eq!(verify_opening(&pk, &sealed.ciphertexts[1], &r1), Ok(()));
	let r0 = opening(&seed(6), b"b", 0);
	assert_eq!(verify_opening(&pk, &sealed.ciphertexts[0], &r0), Err(SealError::BadProof));
	assert_eq!(verify_opening(&pk, &sealed.ciphertexts[1], &r0), Err(SealError::BadProof));
}

#[test]
fn feldman_evaluation_matches_the_polynomial() {
	let poly = polynomial(&seed(2), CONTEXT, 4);
	let commits: Vec<Point> = commitments(&poly).iter().map(|c| decode_key(c).unwrap()).collect();
	for j in [1u16, 2, 7, 65535] {
		assert_eq!(feldman_eval(&commits, j), generator() * evaluate(&poly, j));
	}
	// Lagrange at zero over 4 points recovers a_0.
	let set = [1u16, 3, 4, 9];
	let at_zero = set.iter().fold(Scalar::zero(), |acc, &j| {
		acc + evaluate(&poly, j) * lagrange_at_zero(&set, j).unwrap()
	});
	assert_eq!(at_zero, poly[0]);
}

#[test]
fn the_share_of_a_key_of_known_dealers_is_the_share_its_ceremony_deals() {
	let (_, shares) = ceremony(3, 2);
	let seeds: Vec<[u8; 32]> = (1..=3).map(seed).collect();
	for (j, share, _) in &shares {
		assert_eq!(share_of_known_dealers(&seeds, CONTEXT, 2, *j), *share);
	}
	// Without one dealer's seed it is another scalar: every dealer counts.
	assert_ne!(share_of_known_dealers(&seeds[..2], CONTEXT, 2, 1), shares[0].1);
}

#[test]
fn replacing_an_answer_in_the_running_sums_adds_the_new_and_takes_the_old_away() {
	let (pk, _) = ceremony(3, 2);
	let first = seal_choice(&pk, 3, 0, &seed(1), b"r0").unwrap().ciphertexts;
	let second = seal_choice(&pk, 3, 2, &seed(1), b"r1").unwrap().ciphertexts;
	let other = seal_choice(&pk, 3, 1, &seed(2), b"r0").unwrap().ciphertexts;
	let mut sums = vec![Ciphertext::default(); 3];
	replace_in(&mut sums, &other, None).unwrap();
	replace_in(&mut sums, &first, None).unwrap();
	replace_in(&mut sums, &second, Some(&first)).unwrap();
	// Exactly the sums of the answers that stand: `other` and `second`.
	let expected: Vec<Ciphertext> =
		other.iter().zip(&second).map(|(x, y)| add(x, y).unwrap()).collect();
	assert_eq!(sums, expected);
	// Another number of options changes nothing.
	let before = sums.clone();
	assert_eq!(replace_in(&mut sums, &first[..2], None), Err(SealError::LengthMismatch));
	assert_eq!(replace_in(&mut sums, &first, Some(&first[..1])), Err(SealError::LengthMismatch));
	// Nor does a point off the curve in the last option, though the first ones were fine.
	let mut bad = first.clone();
	bad[2].b = [0xff; 32];
	assert_eq!(replace_in(&mut sums, &bad, None), Err(SealError::BadPoint));
	assert_eq!(sums, before);
}
