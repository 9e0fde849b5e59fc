//! Benchmarks of trustees, worst case. The proofs are made inside the runtime: `veche-seal`
//! derives all its randomness from seeds, so it needs no random source.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::sp_runtime::traits::StaticLookup;
use frame_system::RawOrigin;
use veche_seal::Scalar;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

fn trustee<T: Config>(i: u16) -> T::AccountId {
	account("trustee", u32::from(i), 0)
}

fn seed(i: u16) -> [u8; 32] {
	let mut s = [7u8; 32];
	s[..2].copy_from_slice(&i.to_le_bytes());
	s
}

fn comm_secret(i: u16, key: KeyId) -> Scalar {
	veche_seal::secret_scalar(&seed(i), b"comm", &protocol::ceremony_context(key))
}

fn set_block<T: Config>(n: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(n);
}

/// Opens a ceremony of `n` trustees with threshold `t` and registers the first `registered`.
fn ceremony<T: Config>(n: u16, t: u16, registered: u16) -> KeyId {
	let origin =
		T::GovernanceOrigin::try_successful_origin().unwrap_or_else(|_| RawOrigin::Root.into());
	let trustees: Vec<AccountIdLookupOf<T>> =
		(1..=n).map(|i| T::Lookup::unlookup(trustee::<T>(i))).collect();
	let key = NextKeyId::<T>::get();
	let phase = T::MinPhase::get().max(1u32.into());
	assert!(
		Pallet::<T>::open_ceremony(origin, BoundedVec::truncate_from(trustees), t, phase).is_ok()
	);
	for i in 1..=registered {
		let x = comm_secret(i, key);
		let proof = veche_seal::pok_prove(&x, &protocol::register_binding(key, i));
		assert!(Pallet::<T>::register(
			RawOrigin::Signed(trustee::<T>(i)).into(),
			key,
			veche_seal::public_key(&x),
			proof
		)
		.is_ok());
	}
	key
}

/// Dealer `i`'s dealing to trustees `1..=n`, every share masked properly.
fn dealing<T: Config>(
	i: u16,
	key: KeyId,
	t: u16,
	n: u16,
) -> (BoundedVec<PointBytes, T::MaxTrustees>, Dleq, BoundedVec<ScalarBytes, T::MaxTrustees>) {
	let context = protocol::ceremony_context(key);
	let coefficients = veche_seal::polynomial(&seed(i), &context, t);
	let shares = (1..=n)
		.map(|j| match CommKeys::<T>::get(key, j) {
			Some(theirs) if j != i => {
				let dh = veche_seal::diffie_hellman(&comm_secret(i, key), &theirs)
					.expect("registered keys decode; qed");
				let mask = veche_seal::share_mask(&dh, &context, i, j);
				veche_seal::encode_scalar(&(veche_seal::evaluate(&coefficients, j) + mask))
			},
			_ => [0u8; 32],
		})
		.collect::<Vec<_>>();
	let proof = veche_seal::pok_prove(
		coefficients.first().expect("t ≥ 1; qed"),
		&protocol::deal_binding(key, i),
	);
	(
		BoundedVec::truncate_from(veche_seal::commitments(&coefficients)),
		proof,
		BoundedVec::truncate_from(shares),
	)
}

fn deal_as<T: Config>(i: u16, key: KeyId, t: u16, n: u16) {
	let (c, p, s) = dealing::<T>(i, key, t, n);
	assert!(Pallet::<T>::deal(RawOrigin::Signed(trustee::<T>(i)).into(), key, c, p, s).is_ok());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn open_ceremony(n: Linear<1, { T::MaxTrustees::get() }>) {
		let origin =
			T::GovernanceOrigin::try_successful_origin().unwrap_or_else(|_| RawOrigin::Root.into());
		let trustees: Vec<AccountIdLookupOf<T>> =
			(1..=n as u16).map(|i| T::Lookup::unlookup(trustee::<T>(i))).collect();
		let phase = T::MinPhase::get().max(1u32.into());
		let key = NextKeyId::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BoundedVec::truncate_from(trustees), n as u16, phase);

		assert_eq!(NextKeyId::<T>::get(), key + 1);
	}

	#[benchmark]
	fn register() {
		let n = T::MaxTrustees::get() as u16;
		let key = ceremony::<T>(n, n, n - 1);
		let x = comm_secret(n, key);
		let proof = veche_seal::pok_prove(&x, &protocol::register_binding(key, n));
		let comm_key = veche_seal::public_key(&x);

		#[extrinsic_call]
		_(RawOrigin::Signed(trustee::<T>(n)), key, comm_key, proof);

		assert_last_event::<T>(Event::TrusteeRegistered { key, trustee: n, comm_key });
	}

	#[benchmark]
	fn deal(t: Linear<1, { T::MaxTrustees::get() }>) {
		let n = T::MaxTrustees::get() as u16;
		let key = ceremony::<T>(n, t as u16, n);
		set_block::<T>(Ceremonies::<T>::get(key).expect("opened").register_by);
		let (commitments, proof, shares) = dealing::<T>(1, key, t as u16, n);

		#[extrinsic_call]
		_(RawOrigin::Signed(trustee::<T>(1)), key, commitments.clone(), proof, shares.clone());

		assert_last_event::<T>(Event::Dealt {
			key,
			dealer: 1,
			commitments: commitments.to_vec(),
			shares: shares.to_vec(),
		});
	}

	#[benchmark]
	fn complain(t: Linear<1, { T::MaxTrustees::get() }>) {
		let n = T::MaxTrustees::get() as u16;
		let t = t as u16;
		let key = ceremony::<T>(n, t, n);
		let c = Ceremonies::<T>::get(key).expect("opened");
		set_block::<T>(c.register_by);
		// Dealer 1 cheats trustee 2.
		let (commitments, proof, mut shares) = dealing::<T>(1, key, t, n);
		if let Some(s) = shares.get_mut(1) {
			let bad = veche_seal::decode_scalar(s).expect("made here; qed") + Scalar::from(1u64);
			*s = veche_seal::encode_scalar(&bad);
		}
		assert!(Pallet::<T>::deal(
			RawOrigin::Signed(trustee::<T>(1)).into(),
			key,
			commitments,
			proof,
			shares
		)
		.is_ok());
		set_block::<T>(c.deal_by);
		let theirs = CommKeys::<T>::get(key, 1).expect("registered");
		let x = comm_secret(2, key);
		let dh = veche_seal::diffie_hellman(&x, &theirs).expect("decodes");
		let binding = veche_seal::complaint_binding(&protocol::ceremony_context(key), 1, 2);
		let proof = veche_seal::dleq_prove(
			&x,
			&veche_seal::generator(),
			&veche_seal::decode_key(&theirs).expect("decodes"),
			&binding,
		);
		let dh = veche_seal::encode_point(&dh);

		#[extrinsic_call]
		_(RawOrigin::Signed(trustee::<T>(2)), key, 1, dh, proof);

		assert_last_event::<T>(Event::DealerDisqualified { key, dealer: 1, complainant: 2, dh });
	}

	#[benchmark]
	fn finalize(d: Linear<1, { T::MaxTrustees::get() }>, t: Linear<1, { T::MaxTrustees::get() }>) {
		let n = T::MaxTrustees::get() as u16;
		let (d, t) = (d as u16, t as u16);
		let key = ceremony::<T>(n, t, n);
		let c = Ceremonies::<T>::get(key).expect("opened");
		set_block::<T>(c.register_by);
		for i in 1..=d {
			deal_as::<T>(i, key, t, n);
		}
		set_block::<T>(c.complain_by);

		#[extrinsic_call]
		_(RawOrigin::Signed(trustee::<T>(1)), key);

		assert!(Ceremonies::<T>::get(key).expect("opened").stage != KeyStage::Setup);
	}

	#[benchmark]
	fn retire() {
		let key = ceremony::<T>(1, 1, 1);
		let c = Ceremonies::<T>::get(key).expect("opened");
		set_block::<T>(c.register_by);
		deal_as::<T>(1, key, 1, 1);
		set_block::<T>(c.complain_by);
		assert!(Pallet::<T>::finalize(RawOrigin::Signed(trustee::<T>(1)).into(), key).is_ok());
		let origin =
			T::GovernanceOrigin::try_successful_origin().unwrap_or_else(|_| RawOrigin::Root.into());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key);

		assert_last_event::<T>(Event::KeyRetired { key });
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
