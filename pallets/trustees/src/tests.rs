use crate::{mock::*, CommKeys, CurrentKey, Dealings, Error, Event, KeyStage};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use pallet_veche_primitives::SealingKeys;
use sp_runtime::DispatchError;
use veche_seal::{protocol, Point, Scalar};

fn open(trustees: &[u64], threshold: u16) -> u32 {
	let key = crate::NextKeyId::<Test>::get();
	assert_ok!(Trustees::open_ceremony(
		RuntimeOrigin::signed(GOVERNANCE),
		BoundedVec::truncate_from(trustees.to_vec()),
		threshold,
		PHASE,
	));
	key
}

fn register(i: u64, key: u32, index: u16) {
	let (k, proof) = comm_key(i, key, index);
	assert_ok!(Trustees::register(RuntimeOrigin::signed(i), key, k, proof));
}

fn deal(i: u64, index: u16, key: u32, threshold: u16, n: u16) {
	let (commitments, proof, shares) = dealing(i, index, key, threshold, n);
	assert_ok!(Trustees::deal(
		RuntimeOrigin::signed(i),
		key,
		BoundedVec::truncate_from(commitments),
		proof,
		BoundedVec::truncate_from(shares),
	));
}

fn go_to(block: u64) {
	System::set_block_number(block);
}

fn ceremony(key: u32) -> crate::CeremonyOf<Test> {
	crate::Ceremonies::<Test>::get(key).unwrap()
}

/// Trustees 1..=n (index = account) run a whole honest ceremony with threshold `t`.
fn ready_key(n: u16, t: u16) -> u32 {
	let accounts: Vec<u64> = (1..=u64::from(n)).collect();
	let key = open(&accounts, t);
	for &i in &accounts {
		register(i, key, i as u16);
	}
	go_to(ceremony(key).register_by);
	for &i in &accounts {
		deal(i, i as u16, key, t, n);
	}
	go_to(ceremony(key).complain_by);
	assert_ok!(Trustees::finalize(RuntimeOrigin::signed(ANYONE), key));
	key
}

/// The complaint trustee `i` (index = account) makes about dealer `dealer`'s share.
fn complaint(i: u64, dealer: u16, key: u32) -> ([u8; 32], veche_seal::Dleq) {
	let theirs = CommKeys::<Test>::get(key, dealer).unwrap();
	let dh = veche_seal::diffie_hellman(&comm_secret(i, key), &theirs).unwrap();
	let binding = veche_seal::complaint_binding(&protocol::ceremony_context(key), dealer, i as u16);
	let proof = veche_seal::dleq_prove(
		&comm_secret(i, key),
		&veche_seal::generator(),
		&veche_seal::decode_key(&theirs).unwrap(),
		&binding,
	);
	(veche_seal::encode_point(&dh), proof)
}

#[test]
fn governance_opens_a_ceremony_with_three_phases() {
	build_and_execute(|| {
		let key = open(&[1, 2, 3], 2);
		let c = ceremony(key);
		assert_eq!((c.register_by, c.deal_by, c.complain_by), (11, 21, 31));
		assert_eq!(c.stage, KeyStage::Setup);
		assert_eq!(
			events(),
			vec![Event::CeremonyOpened {
				key,
				trustees: vec![1, 2, 3],
				threshold: 2,
				register_by: 11,
				deal_by: 21,
				complain_by: 31,
			}]
		);
	});
}

#[test]
fn a_ceremony_needs_distinct_trustees_a_sane_threshold_and_phase() {
	build_and_execute(|| {
		let open_with = |who: u64, trustees: Vec<u64>, t: u16, phase: u64| {
			Trustees::open_ceremony(
				RuntimeOrigin::signed(who),
				BoundedVec::truncate_from(trustees),
				t,
				phase,
			)
		};
		assert_noop!(open_with(1, vec![1, 2], 1, PHASE), DispatchError::BadOrigin);
		assert_noop!(open_with(GOVERNANCE, vec![], 1, PHASE), Error::<Test>::NoTrustees);
		assert_noop!(
			open_with(GOVERNANCE, vec![1, 2, 1], 1, PHASE),
			Error::<Test>::DuplicateTrustee
		);
		assert_noop!(open_with(GOVERNANCE, vec![1, 2], 0, PHASE), Error::<Test>::BadThreshold);
		assert_noop!(open_with(GOVERNANCE, vec![1, 2], 3, PHASE), Error::<Test>::BadThreshold);
		assert_noop!(open_with(GOVERNANCE, vec![1, 2], 1, 1), Error::<Test>::BadPhase);
		assert_noop!(open_with(GOVERNANCE, vec![1, 2], 1, 101), Error::<Test>::BadPhase);
	});
}

#[test]
fn trustees_register_once_with_a_proven_key_during_registration() {
	build_and_execute(|| {
		let key = open(&[1, 2, 3], 2);
		let (k1, p1) = comm_key(1, key, 1);
		assert_noop!(
			Trustees::register(RuntimeOrigin::signed(1), key + 1, k1, p1),
			Error::<Test>::KeyNotFound
		);
		assert_noop!(
			Trustees::register(RuntimeOrigin::signed(4), key, k1, p1),
			Error::<Test>::NotATrustee
		);
		// A proof made for another trustee's index (replaying trustee 1's registration).
		let (k2, p2_as_1) = {
			let x = comm_secret(2, key);
			(
				veche_seal::public_key(&x),
				veche_seal::pok_prove(&x, &protocol::register_binding(key, 1)),
			)
		};
		assert_noop!(
			Trustees::register(RuntimeOrigin::signed(2), key, k2, p2_as_1),
			Error::<Test>::BadProof
		);
		assert_noop!(
			Trustees::register(RuntimeOrigin::signed(2), key, k1, p1),
			Error::<Test>::BadProof
		);
		let identity = veche_seal::encode_point(&Point::default());
		assert_noop!(
			Trustees::register(RuntimeOrigin::signed(1), key, identity, p1),
			Error::<Test>::BadKey
		);
		assert_noop!(
			Trustees::register(RuntimeOrigin::signed(1), key, [0xff; 32], p1),
			Error::<Test>::BadKey
		);
		assert_ok!(Trustees::register(RuntimeOrigin::signed(1), key, k1, p1));
		assert_eq!(
			events().last(),
			Some(&Event::TrusteeRegistered { key, trustee: 1, comm_key: k1 })
		);
		assert_noop!(
			Trustees::register(RuntimeOrigin::signed(1), key, k1, p1),
			Error::<Test>::AlreadyRegistered
		);
		go_to(ceremony(key).register_by);
		let (k3, p3) = comm_key(3, key, 3);
		assert_noop!(
			Trustees::register(RuntimeOrigin::signed(3), key, k3, p3),
			Error::<Test>::RegistrationClosed
		);
		assert_eq!(ceremony(key).registered, 1);
	});
}

#[test]
fn dealings_come_from_registered_trustees_with_the_right_shape_in_time() {
	build_and_execute(|| {
		let key = open(&[1, 2, 3], 2);
		register(1, key, 1);
		register(2, key, 2);
		let (commitments, proof, shares) = dealing(1, 1, key, 2, 3);
		let deal_with = |who: u64, c: Vec<[u8; 32]>, p, s: Vec<[u8; 32]>| {
			Trustees::deal(
				RuntimeOrigin::signed(who),
				key,
				BoundedVec::truncate_from(c),
				p,
				BoundedVec::truncate_from(s),
			)
		};
		assert_noop!(
			deal_with(1, commitments.clone(), proof, shares.clone()),
			Error::<Test>::NotDealing
		);
		go_to(ceremony(key).register_by);
		assert_noop!(
			deal_with(3, commitments.clone(), proof, shares.clone()),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			deal_with(1, commitments[..1].to_vec(), proof, shares.clone()),
			Error::<Test>::WrongCommitmentCount
		);
		assert_noop!(
			deal_with(1, commitments.clone(), proof, shares[..2].to_vec()),
			Error::<Test>::WrongShareCount
		);
		let identity = veche_seal::encode_point(&Point::default());
		assert_noop!(
			deal_with(1, vec![commitments[0], identity], proof, shares.clone()),
			Error::<Test>::BadKey
		);
		// Trustee 2 replays trustee 1's commitments and proof: the proof names trustee 1.
		assert_noop!(
			deal_with(2, commitments.clone(), proof, shares.clone()),
			Error::<Test>::BadProof
		);
		assert_ok!(deal_with(1, commitments.clone(), proof, shares.clone()));
		assert_eq!(
			events().last(),
			Some(&Event::Dealt {
				key,
				dealer: 1,
				commitments: commitments.clone(),
				shares: shares.clone()
			})
		);
		assert_noop!(
			deal_with(1, commitments.clone(), proof, shares.clone()),
			Error::<Test>::AlreadyDealt
		);
		go_to(ceremony(key).deal_by);
		let (c2, p2, s2) = dealing(2, 2, key, 2, 3);
		assert_noop!(deal_with(2, c2, p2, s2), Error::<Test>::NotDealing);
	});
}

#[test]
fn a_founded_complaint_disqualifies_the_dealer_and_an_unfounded_one_is_refused() {
	build_and_execute(|| {
		let key = open(&[1, 2, 3], 2);
		for i in 1..=3 {
			register(i, key, i as u16);
		}
		go_to(ceremony(key).register_by);
		deal(1, 1, key, 2, 3);
		deal(2, 2, key, 2, 3);
		// Trustee 3 cheats trustee 1: a share off by one.
		let (c3, p3, mut s3) = dealing(3, 3, key, 2, 3);
		let bad = veche_seal::decode_scalar(&s3[0]).unwrap() + Scalar::from(1u64);
		s3[0] = veche_seal::encode_scalar(&bad);
		assert_ok!(Trustees::deal(
			RuntimeOrigin::signed(3),
			key,
			BoundedVec::truncate_from(c3),
			p3,
			BoundedVec::truncate_from(s3)
		));
		let (dh, proof) = complaint(1, 3, key);
		assert_noop!(
			Trustees::complain(RuntimeOrigin::signed(1), key, 3, dh, proof),
			Error::<Test>::NotComplaining
		);
		go_to(ceremony(key).deal_by);
		// Against an honest dealer: unfounded, refused, nothing changes.
		let (dh2, proof2) = complaint(1, 2, key);
		assert_noop!(
			Trustees::complain(RuntimeOrigin::signed(1), key, 2, dh2, proof2),
			Error::<Test>::ComplaintUnfounded
		);
		// A made-up Diffie–Hellman key proves nothing.
		let other = veche_seal::encode_point(&veche_seal::generator());
		assert_noop!(
			Trustees::complain(RuntimeOrigin::signed(1), key, 3, other, proof),
			Error::<Test>::BadComplaintProof
		);
		assert_noop!(
			Trustees::complain(RuntimeOrigin::signed(1), key, 1, dh, proof),
			Error::<Test>::OwnDealing
		);
		assert_noop!(
			Trustees::complain(RuntimeOrigin::signed(4), key, 3, dh, proof),
			Error::<Test>::NotATrustee
		);
		assert_ok!(Trustees::complain(RuntimeOrigin::signed(1), key, 3, dh, proof));
		assert_eq!(
			events().last(),
			Some(&Event::DealerDisqualified { key, dealer: 3, complainant: 1, dh })
		);
		assert!(Dealings::<Test>::get(key, 3).unwrap().disqualified);
		assert_noop!(
			Trustees::complain(RuntimeOrigin::signed(2), key, 3, dh, proof),
			Error::<Test>::AlreadyDisqualified
		);
		go_to(ceremony(key).complain_by);
		assert_noop!(
			Trustees::complain(RuntimeOrigin::signed(2), key, 1, dh, proof),
			Error::<Test>::NotComplaining
		);
		assert_ok!(Trustees::finalize(RuntimeOrigin::signed(ANYONE), key));
		// The key is the sum of the two honest dealers' constants; every trustee, the
		// disqualified dealer included, holds a share that matches its verification key.
		let a0 = |i: u64| poly(i, key, 2)[0];
		let expected = veche_seal::public_key(&(a0(1) + a0(2)));
		assert_eq!(ceremony(key).stage, KeyStage::Ready { public_key: expected, qualified: 2 });
		for i in 1..=3u64 {
			let share = secret_share(i, i as u16, key, &[(1, 1), (2, 2)]);
			assert_eq!(
				Trustees::verification_key(key, i as u16),
				Some(veche_seal::public_key(&share))
			);
		}
	});
}

#[test]
fn a_complaint_needs_a_registered_complainant_and_a_dealing() {
	build_and_execute(|| {
		let key = open(&[1, 2, 3], 1);
		register(1, key, 1);
		register(2, key, 2);
		go_to(ceremony(key).register_by);
		deal(1, 1, key, 1, 3);
		go_to(ceremony(key).deal_by);
		let (dh, proof) = complaint(2, 1, key);
		assert_noop!(
			Trustees::complain(RuntimeOrigin::signed(3), key, 1, dh, proof),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Trustees::complain(RuntimeOrigin::signed(1), key, 2, dh, proof),
			Error::<Test>::DealingNotFound
		);
	});
}

#[test]
fn any_threshold_of_trustees_decrypts_what_is_sealed_to_the_ready_key() {
	build_and_execute(|| {
		let key = ready_key(5, 3);
		let (current, pk) = Trustees::current().unwrap();
		assert_eq!(current, key);
		let mut sum = vec![veche_seal::Ciphertext::default(); 2];
		for (n, choice) in [1u8, 1, 0, 1].iter().enumerate() {
			let sealed =
				veche_seal::seal_choice(&pk, 2, *choice, &[n as u8; 32], &[n as u8]).unwrap();
			for (s, ct) in sum.iter_mut().zip(&sealed.ciphertexts) {
				*s = veche_seal::add(s, ct).unwrap();
			}
		}
		let dealers: Vec<(u16, u64)> = (1..=5).map(|i| (i as u16, i)).collect();
		let context = b"consultation 0";
		for group in [[1u64, 2, 3], [5, 3, 1], [2, 4, 5]] {
			for (option, expected) in [(0usize, 1u64), (1, 3)] {
				let partials: Vec<(u16, Point)> = group
					.iter()
					.map(|&i| {
						let index = i as u16;
						let share = secret_share(i, index, key, &dealers);
						let (d, proof) =
							veche_seal::partial_decrypt(&share, &sum[option].a, context, index)
								.unwrap();
						let y = veche_seal::decode_key(
							&Trustees::verification_key(key, index).unwrap(),
						)
						.unwrap();
						(
							index,
							veche_seal::verify_partial(
								&y,
								&sum[option].a,
								&d,
								context,
								index,
								&proof,
							)
							.unwrap(),
						)
					})
					.collect();
				let combined = veche_seal::combine(&partials, 3).unwrap();
				assert!(veche_seal::check_count(&sum[option].b, &combined, expected).unwrap());
			}
		}
		assert_eq!(Trustees::threshold(key), Some(3));
		assert_eq!(Trustees::trustee_index(key, &4), Some(4));
		assert_eq!(Trustees::trustee_index(key, &9), None);
		assert_eq!(Trustees::verification_key(key, 0), None);
		assert_eq!(Trustees::verification_key(key, 6), None);
	});
}

#[test]
fn finalizing_waits_for_the_phases_and_fails_below_the_threshold() {
	build_and_execute(|| {
		let key = open(&[1, 2, 3], 3);
		for i in 1..=3 {
			register(i, key, i as u16);
		}
		go_to(ceremony(key).register_by);
		deal(1, 1, key, 3, 3);
		deal(2, 2, key, 3, 3);
		assert_noop!(
			Trustees::finalize(RuntimeOrigin::signed(ANYONE), key),
			Error::<Test>::CeremonyNotOver
		);
		go_to(ceremony(key).complain_by);
		assert_noop!(
			Trustees::finalize(RuntimeOrigin::signed(ANYONE), key + 1),
			Error::<Test>::KeyNotFound
		);
		assert_ok!(Trustees::finalize(RuntimeOrigin::signed(ANYONE), key));
		assert_eq!(events().last(), Some(&Event::CeremonyFailed { key, qualified: 2 }));
		assert_eq!(ceremony(key).stage, KeyStage::Failed);
		assert_eq!(Trustees::current(), None);
		assert_eq!(Trustees::public_key(key), None);
		assert_noop!(
			Trustees::finalize(RuntimeOrigin::signed(ANYONE), key),
			Error::<Test>::NotInSetup
		);
	});
}

#[test]
fn the_newest_ready_key_is_current_until_retired() {
	build_and_execute(|| {
		let first = ready_key(2, 1);
		let second = ready_key(3, 2);
		assert_eq!(CurrentKey::<Test>::get(), Some(second));
		assert_noop!(Trustees::retire(RuntimeOrigin::signed(1), second), DispatchError::BadOrigin);
		assert_ok!(Trustees::retire(RuntimeOrigin::signed(GOVERNANCE), second));
		assert_eq!(events().last(), Some(&Event::KeyRetired { key: second }));
		assert_eq!(Trustees::current(), None);
		// What was sealed to the retired key stays decryptable: its public key is kept.
		assert!(Trustees::public_key(second).is_some());
		assert!(Trustees::verification_key(second, 1).is_some());
		assert_noop!(
			Trustees::retire(RuntimeOrigin::signed(GOVERNANCE), second),
			Error::<Test>::NotReady
		);
		assert_ok!(Trustees::retire(RuntimeOrigin::signed(GOVERNANCE), first));
		// A ceremony in setup is abandoned.
		let third = open(&[1, 2], 1);
		assert_ok!(Trustees::retire(RuntimeOrigin::signed(GOVERNANCE), third));
		assert_eq!(events().last(), Some(&Event::CeremonyFailed { key: third, qualified: 0 }));
		assert_noop!(
			Trustees::retire(RuntimeOrigin::signed(GOVERNANCE), third),
			Error::<Test>::NotReady
		);
	});
}

#[test]
fn an_older_key_finalized_late_does_not_displace_a_newer_current_one() {
	build_and_execute(|| {
		let old = open(&[1], 1);
		let new = open(&[2], 1);
		register(1, old, 1);
		register(2, new, 1);
		go_to(ceremony(old).register_by);
		deal(1, 1, old, 1, 1);
		deal(2, 1, new, 1, 1);
		go_to(ceremony(old).complain_by);
		assert_ok!(Trustees::finalize(RuntimeOrigin::signed(ANYONE), new));
		assert_ok!(Trustees::finalize(RuntimeOrigin::signed(ANYONE), old));
		assert_eq!(CurrentKey::<Test>::get(), Some(new));
		assert!(matches!(ceremony(old).stage, KeyStage::Ready { .. }));
	});
}

#[test]
fn a_genesis_key_from_public_seeds_is_ready_and_decrypts() {
	let seeds = [[1u8; 32], [2u8; 32], [3u8; 32]];
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		trustees: crate::GenesisConfig {
			public_seed_keys: vec![(vec![7, 8, 9], 2, seeds.to_vec())],
		},
	};
	let mut ext: sp_io::TestExternalities =
		sp_runtime::BuildStorage::build_storage(&t).unwrap().into();
	ext.execute_with(|| {
		Trustees::do_try_state().unwrap();
		let (key, pk) = Trustees::current().unwrap();
		assert_eq!(Trustees::trustee_index(key, &8), Some(2));
		let sealed = veche_seal::seal_choice(&pk, 2, 1, &[5; 32], b"x").unwrap();
		// Trustees 1 and 3 recover their shares from the dealings, as a trustee would.
		let context = protocol::ceremony_context(key);
		let share = |i: usize| {
			let index = i as u16 + 1;
			let comm = veche_seal::secret_scalar(&seeds[i], b"comm", &context);
			let mut s =
				veche_seal::evaluate(&veche_seal::polynomial(&seeds[i], &context, 2), index);
			for d in 0..3 {
				if d == i {
					continue;
				}
				let dealer = d as u16 + 1;
				let dealt = Dealings::<Test>::get(key, dealer).unwrap();
				let dh =
					veche_seal::diffie_hellman(&comm, &CommKeys::<Test>::get(key, dealer).unwrap())
						.unwrap();
				s += veche_seal::decode_scalar(&dealt.shares[i]).unwrap()
					- veche_seal::share_mask(&dh, &context, dealer, index);
			}
			s
		};
		let a = sealed.ciphertexts[1].a;
		let partials: Vec<(u16, Point)> = [0usize, 2]
			.iter()
			.map(|&i| {
				let (d, _) =
					veche_seal::partial_decrypt(&share(i), &a, b"c", i as u16 + 1).unwrap();
				(i as u16 + 1, veche_seal::decode_point(&d).unwrap())
			})
			.collect();
		let combined = veche_seal::combine(&partials, 2).unwrap();
		assert!(veche_seal::check_count(&sealed.ciphertexts[1].b, &combined, 1).unwrap());
	});
}
