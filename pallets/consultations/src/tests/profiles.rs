use super::*;
use crate::{Memberships, PeriodAliases, PeriodRolls};

#[test]
fn a_person_opens_a_profile_and_the_period_roll_freezes() {
	build_and_execute(|| {
		let roll = Personhood::current_roll();
		let call = open_call(1, b"Anna");
		let crate::Call::open_profile { proof, .. } = &call else { unreachable!() };
		let alias = Personhood::claimed_alias(proof).unwrap();
		submit(call);
		let p = Profiles::<Test>::get(0).unwrap();
		assert_eq!(
			(p.key, p.name.to_vec(), p.opened, p.active),
			(key_of(1).public().0, b"Anna".to_vec(), 1, 1)
		);
		assert_eq!(p.constituency, TOWN);
		assert_eq!(PeriodRolls::<Test>::get(1), Some(roll));
		assert_eq!(PeriodAliases::<Test>::get(1, alias), Some(0));
		assert_eq!(Memberships::<Test>::get(0, 1), Some(TOWN));
		assert_eq!(
			events(),
			vec![
				Event::PeriodRollFrozen { period: 1, roll },
				Event::ProfileOpened {
					profile: 0,
					key: key_of(1).public().0,
					name: b"Anna".to_vec(),
					period: 1,
					alias,
					constituency: TOWN,
				},
			]
		);
	});
}

#[test]
fn one_person_opens_one_profile_per_period() {
	build_and_execute(|| {
		open(1);
		// The same person again, with another key and name: the same alias.
		let again = {
			let key = key_of(9).public().0;
			let (ring, proof) = ring_proof(1, &crate::open_message(&key, b"Bob"));
			crate::Call::<Test>::open_profile {
				ring,
				proof,
				key,
				name: title(b"Bob").into_inner().try_into().unwrap(),
			}
		};
		assert_eq!(pool_check(&again), refused(Error::<Test>::AliasUsed));
		assert_noop!(again.dispatch_bypass_filter(authorized()), Error::<Test>::AliasUsed);
		open(2);
		assert_eq!(crate::NextProfileId::<Test>::get(), 2);
	});
}

#[test]
fn a_rotated_key_cannot_open_a_second_profile_in_the_period() {
	build_and_execute(|| {
		open(1);
		// The registrar rotates person 1's key; the rings are rebuilt.
		let new_key = prover::member(seed(40));
		assert_ok!(Personhood::rotate_key(signed(REGISTRAR), tag(1), new_key));
		build_rings();
		// The new key is not in this period's roll: its ring revision came later.
		let (_, roll, context) = Consultations::current_period();
		let set = RingSet::Constituency(TOWN);
		let (current, members) = Personhood::roll_ring(set, 0, Personhood::current_roll()).unwrap();
		let key = key_of(40).public().0;
		let message = crate::open_message(&key, b"");
		let proof = prover::prove::<Domain11>(seed(40), &members, &context, &message).unwrap().0;
		let call = crate::Call::<Test>::open_profile {
			ring: RingRef { set, index: 0, revision: current },
			proof: BoundedVec::truncate_from(proof),
			key,
			name: BoundedVec::new(),
		};
		assert_eq!(pool_check(&call), refused(Error::<Test>::NotInRoll));
		// Against the period's roll, the new key is not a member at all.
		let (_, old_members) = Personhood::roll_ring(set, 0, roll).unwrap();
		assert!(prover::prove::<Domain11>(seed(40), &old_members, &context, &message).is_none());
		// Next period the roll holds only the new key: the person renews with it.
		System::set_block_number(period_start(2));
		let renewal = {
			let (_, roll, context) = Consultations::current_period();
			let (revision, members) = Personhood::roll_ring(set, 0, roll).unwrap();
			let msg = crate::renew_message(0, &key_of(1).public().0);
			let proof = prover::prove::<Domain11>(seed(40), &members, &context, &msg).unwrap().0;
			let signature = key_of(1).sign(&Consultations::renew_signed(0, 2)).0;
			crate::Call::<Test>::renew_profile {
				profile: 0,
				ring: RingRef { set, index: 0, revision },
				proof: BoundedVec::truncate_from(proof),
				signature,
			}
		};
		submit(renewal);
		// And cannot open another with the new key in the same period.
		let (_, roll, context) = Consultations::current_period();
		let (revision, members) = Personhood::roll_ring(set, 0, roll).unwrap();
		let proof = prover::prove::<Domain11>(seed(40), &members, &context, &message).unwrap().0;
		let second = crate::Call::<Test>::open_profile {
			ring: RingRef { set, index: 0, revision },
			proof: BoundedVec::truncate_from(proof),
			key,
			name: BoundedVec::new(),
		};
		assert_eq!(pool_check(&second), refused(Error::<Test>::AliasUsed));
	});
}

#[test]
fn opening_needs_a_constituency_ring_and_a_proof_of_this_message() {
	build_and_execute(|| {
		let key = key_of(1).public().0;
		// A proof over another name than the call carries.
		let (ring, proof) = ring_proof(1, &crate::open_message(&key, b"Eve"));
		let forged = crate::Call::<Test>::open_profile {
			ring,
			proof: proof.clone(),
			key,
			name: BoundedVec::truncate_from(b"Anna".to_vec()),
		};
		assert_eq!(pool_check(&forged), refused(Error::<Test>::InvalidProof));
		// A credential ring.
		let credential = crate::Call::<Test>::open_profile {
			ring: RingRef { set: RingSet::Credential(0), index: 0, revision: 0 },
			proof: proof.clone(),
			key,
			name: BoundedVec::new(),
		};
		assert_eq!(pool_check(&credential), refused(Error::<Test>::NotAConstituencyRing));
		// Garbage.
		let garbage = crate::Call::<Test>::open_profile {
			ring,
			proof: BoundedVec::truncate_from(vec![1, 2, 3]),
			key,
			name: BoundedVec::new(),
		};
		assert_eq!(pool_check(&garbage), refused(Error::<Test>::MalformedProof));
		// A proof made last period does not serve this one.
		let old = open_call(2, b"");
		System::set_block_number(period_start(2));
		assert_eq!(pool_check(&old), refused(Error::<Test>::InvalidProof));
		assert_eq!(crate::NextProfileId::<Test>::get(), 0);
	});
}

#[test]
fn a_profile_renews_each_period_with_its_key_and_a_fresh_proof() {
	build_and_execute(|| {
		let p = open(1);
		let early = renew_call(1, p);
		assert_eq!(pool_check(&early), refused(Error::<Test>::AlreadyActive));
		System::set_block_number(period_start(2));
		// Someone else's proof with a forged signature cannot take the profile over.
		let hijack = {
			let key = Profiles::<Test>::get(p).unwrap().key;
			let (ring, proof) = ring_proof(2, &crate::renew_message(p, &key));
			let signature = key_of(2).sign(&Consultations::renew_signed(p, 2)).0;
			crate::Call::<Test>::renew_profile { profile: p, ring, proof, signature }
		};
		assert_eq!(pool_check(&hijack), refused(Error::<Test>::BadSignature));
		// A signature of last period replayed.
		let replay = {
			let key = Profiles::<Test>::get(p).unwrap().key;
			let (ring, proof) = ring_proof(1, &crate::renew_message(p, &key));
			let signature = key_of(1).sign(&Consultations::renew_signed(p, 1)).0;
			crate::Call::<Test>::renew_profile { profile: p, ring, proof, signature }
		};
		assert_eq!(pool_check(&replay), refused(Error::<Test>::BadSignature));
		renew(1, p);
		assert_eq!(Profiles::<Test>::get(p).unwrap().active, 2);
		assert_eq!(Memberships::<Test>::get(p, 2), Some(TOWN));
		assert_eq!(pool_check(&renew_call(1, p)), refused(Error::<Test>::AlreadyActive));
		let crate::Call::renew_profile { ring, proof, signature, .. } = renew_call(1, p) else {
			unreachable!()
		};
		let unknown = crate::Call::<Test>::renew_profile { profile: 7, ring, proof, signature };
		assert_eq!(pool_check(&unknown), refused(Error::<Test>::ProfileNotFound));
	});
}

#[test]
fn profile_calls_need_the_active_profile_its_nonce_and_its_signature() {
	build_and_execute(|| {
		let p = open(1);
		let name = title(b"Anna").into_inner();
		let make = |nonce: u32, signer: u8, n: &[u8]| {
			let payload =
				BoundedVec::<u8, frame_support::traits::ConstU32<16>>::truncate_from(n.to_vec());
			let auth = auth_with(signer, p, nonce, tags::SET_NAME, &payload.encode());
			crate::Call::<Test>::set_name { auth, name: payload }
		};
		// Signed by another key.
		assert_eq!(pool_check(&make(0, 2, &name)), refused(Error::<Test>::BadSignature));
		// Signed over other arguments: the name swapped after signing.
		let mut swapped = make(0, 1, b"Anna");
		if let crate::Call::set_name { name, .. } = &mut swapped {
			*name = BoundedVec::truncate_from(b"Mallory".to_vec());
		}
		assert_eq!(pool_check(&swapped), refused(Error::<Test>::BadSignature));
		// A future nonce waits in the pool but is refused in a block.
		assert_ok!(pool_check(&make(1, 1, &name)));
		assert_eq!(block_check(&make(1, 1, &name)), refused(Error::<Test>::BadNonce));
		assert_eq!(pool_check(&make(40, 1, &name)), refused(Error::<Test>::BadNonce));
		submit(make(0, 1, &name));
		assert_eq!(events().last(), Some(&Event::NameSet { profile: p, name: name.clone() }));
		// The same call replayed.
		assert_eq!(pool_check(&make(0, 1, &name)), refused(Error::<Test>::BadNonce));
		// Next period, until renewed, the profile cannot act.
		System::set_block_number(period_start(2));
		assert_eq!(pool_check(&make(1, 1, &name)), refused(Error::<Test>::NotActive));
		renew(1, p);
		submit(make(1, 1, &name));
	});
}

#[test]
fn a_profile_makes_a_bounded_number_of_calls_a_period() {
	build_and_execute(|| {
		let p = open(1);
		for _ in 0..40 {
			let auth = auth(
				1,
				p,
				tags::SET_NAME,
				&BoundedVec::<u8, frame_support::traits::ConstU32<16>>::new().encode(),
			);
			submit(crate::Call::set_name { auth, name: BoundedVec::new() });
		}
		let auth = auth(
			1,
			p,
			tags::SET_NAME,
			&BoundedVec::<u8, frame_support::traits::ConstU32<16>>::new().encode(),
		);
		let call = crate::Call::<Test>::set_name { auth, name: BoundedVec::new() };
		assert_eq!(pool_check(&call), refused(Error::<Test>::TooManyCalls));
	});
}

#[test]
fn a_profile_key_serves_one_profile() {
	build_and_execute(|| {
		let p = open(1);
		// Person 2 registers person 1's profile key as theirs.
		let key = key_of(1).public().0;
		let (ring, proof) = ring_proof(2, &crate::open_message(&key, b""));
		let call = crate::Call::<Test>::open_profile { ring, proof, key, name: BoundedVec::new() };
		assert_eq!(pool_check(&call), refused(Error::<Test>::KeyInUse));
		assert_eq!(Consultations::profile_of_key(key), Some(p));
	});
}

/// What a profile's whole activity leaves on chain: read back every storage item of this pallet
/// (raw keys and values) and every event. Neither names the person's ring key or dedupe tag, nor
/// their alias in any other context (a poll's): only the profile, its key, its period aliases
/// (drawn in the profile context) and its constituency.
#[test]
fn a_profiles_footprint_names_no_ring_key_tag_or_other_alias() {
	build_and_execute(|| {
		let p = open(1);
		let id = consultation(1, p, TOWN, PolicySphere::Governance, 10);
		answer(1, p, id, 0);
		let idea = post_idea(1, p, TOWN, PolicySphere::Environment);
		submit(rate_call(1, p, idea, 4));
		count(id, &[1, 0, 0]);
		submit(claim_call(1, p, id, 0));
		let member = prover::member(seed(1));
		let tag = tag(1);
		let poll_alias = prover::alias(seed(1), &[7u8; 32]);
		let forbidden: [(&str, &[u8]); 3] =
			[("ring key", &member), ("dedupe tag", &tag), ("another context's alias", &poll_alias)];
		let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
		let prefix = sp_io::hashing::twox_128(b"Consultations");
		let mut key = prefix.to_vec();
		let mut items = 0;
		while let Some(next) = sp_io::storage::next_key(&key) {
			if !next.starts_with(&prefix) {
				break;
			}
			let value = sp_io::storage::get(&next).unwrap();
			for (what, bytes) in forbidden {
				assert!(!contains(&next, bytes) && !contains(&value, bytes), "{what} in storage");
			}
			items += 1;
			key = next;
		}
		assert!(items > 10, "the activity wrote {items} items");
		for record in System::events() {
			let encoded = record.event.encode();
			for (what, bytes) in forbidden {
				assert!(!contains(&encoded, bytes), "{what} in an event: {:?}", record.event);
			}
		}
		// What it does name: the profile key and the period alias.
		let profile_alias = prover::alias(seed(1), &Consultations::period_context(1));
		assert_eq!(crate::PeriodAliases::<Test>::get(1, profile_alias), Some(p));
	});
}
