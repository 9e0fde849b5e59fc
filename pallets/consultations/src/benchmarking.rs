//! Benchmarks of consultations, worst case, with real ring-VRF proofs (made beforehand:
//! [`crate::fixtures`]), real sr25519 signatures (made in the benchmark's keystore) and real
//! sealed answers and partial decryptions (made in the runtime: `veche-seal` needs no random
//! source).

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Authorize;
use frame_system::RawOrigin;
use sp_core::crypto::KeyTypeId;

/// Rings holding the benchmark prover, and its proofs.
pub struct BenchProver {
	/// A constituency ring holding the prover, current and built.
	pub ring: RingRef,
	/// The roll its revision is in.
	pub roll: Roll,
	/// The unit of the ring's constituency (its parent chain counts for statuses).
	pub constituency: JurisdictionId,
	/// The prover's proof over the opening message (see [`crate::fixtures`]).
	pub open: Vec<u8>,
	/// The prover's proof over the renewal message.
	pub renew: Vec<u8>,
}

/// What the benchmarks need from the runtime around this pallet.
pub trait BenchmarkHelper<AccountId> {
	/// Rings holding the benchmark prover, with its proofs.
	fn prover() -> BenchProver;
	/// A ready key of `accounts` (in index order) with `threshold`, made from `seeds`
	/// (`pallet-veche-trustees`' genesis ceremony); it becomes the current key.
	fn key(accounts: Vec<AccountId>, threshold: u16, seeds: Vec<[u8; 32]>) -> KeyId;
	/// An open bill of the registry (of any unit).
	fn bill() -> ActId;
}

const KEY_TYPE: KeyTypeId = KeyTypeId(*b"vcbp");

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

/// The benchmark profile key.
fn bench_key() -> ProfileKey {
	sp_io::crypto::sr25519_generate(KEY_TYPE, Some(crate::fixtures::key_suri())).0
}

fn sign(message: &[u8]) -> ProfileSignature {
	let public = sp_core::sr25519::Public::from_raw(bench_key());
	sp_io::crypto::sr25519_sign(KEY_TYPE, &public, message)
		.map(|s| s.0)
		.unwrap_or([0; 64])
}

/// The clock at the start of the benchmark period, with a fixed genesis hash.
fn start<T: Config>() {
	let period = T::Period::get();
	let block = period * crate::fixtures::PERIOD.into();
	frame_system::Pallet::<T>::set_block_number(block);
	frame_system::BlockHash::<T>::insert(BlockNumberFor::<T>::zero(), T::Hash::default());
}

/// The benchmark profile (0), active this period in the prover's constituency, with its
/// membership in every period of the status window, and the period's roll frozen.
fn bench_profile<T: Config>(p: &BenchProver) -> ProfileId {
	start::<T>();
	let period = Pallet::<T>::period_now();
	let opened = period.saturating_sub(T::StatusWindow::get().saturating_sub(1));
	Profiles::<T>::insert(
		0,
		Profile {
			key: bench_key(),
			name: BoundedVec::new(),
			opened,
			active: period,
			constituency: p.constituency,
			nonce: 0,
			calls: 0,
		},
	);
	NextProfileId::<T>::put(1);
	for q in opened..=period {
		Memberships::<T>::insert(0, q, p.constituency);
	}
	PeriodRolls::<T>::insert(period, p.roll);
	LastRoll::<T>::put((period, p.roll));
	LiveRolls::<T>::insert(p.roll.to_be_bytes(), 1);
	0
}

/// The profile's authorization of a call with its next nonce.
fn auth<T: Config>(profile: ProfileId, tag: u8, payload: &[u8]) -> ProfileAuth {
	let nonce = Profiles::<T>::get(profile).map_or(0, |p| p.nonce);
	let message = Pallet::<T>::profile_message(profile, nonce, tag, payload);
	ProfileAuth { profile, nonce, signature: sign(&message) }
}

/// The key an open consultation seals to.
fn open_key<T: Config>(id: ConsultationId) -> KeyId {
	match Consultations::<T>::get(id).map(|c| c.stage) {
		Some(Stage::Open { key, .. }) | Some(Stage::Counted { key, .. }) => key,
		_ => KeyId::MAX,
	}
}

/// `n` trustee accounts and seeds.
fn trustees<T: Config>(n: u16) -> (Vec<T::AccountId>, Vec<[u8; 32]>) {
	let accounts = (0..n).map(|i| account("trustee", u32::from(i), 0)).collect();
	let seeds = (0..n).map(|i| [0x60u8.wrapping_add(i as u8); 32]).collect();
	(accounts, seeds)
}

/// Trustee `j`'s (1-based) secret share of `key` made from `seeds` with `threshold`.
fn share(key: KeyId, seeds: &[[u8; 32]], threshold: u16, j: u16) -> veche_seal::Scalar {
	veche_seal::share_of_known_dealers(
		seeds,
		&veche_seal::protocol::ceremony_context(key),
		threshold,
		j,
	)
}

/// A consultation of the prover's constituency with `options`, admitted, sealed to a fresh key
/// of `t` trustees (threshold `t`); returns it with the key's trustees and seeds.
fn open_consultation<T: Config>(
	p: &BenchProver,
	options: u8,
	t: u16,
) -> (ConsultationId, Vec<T::AccountId>, Vec<[u8; 32]>) {
	let (accounts, seeds) = trustees::<T>(t);
	T::BenchmarkHelper::key(accounts.clone(), t, seeds.clone());
	let id = Pallet::<T>::create_consultation(
		0,
		p.constituency,
		PolicySphere::Governance,
		ConsultationKind::Plan,
		BoundedVec::truncate_from(b"bench".to_vec()),
		[1; 32],
		options,
		None,
	)
	.expect("a consultation");
	let c = Consultations::<T>::get(id).expect("made");
	Pallet::<T>::do_admit(id, c, T::MinDuration::get()).expect("admitted");
	(id, accounts, seeds)
}

fn sealed_answer<T: Config>(id: ConsultationId, profile: ProfileId, choice: u8) -> SealedOf<T> {
	let c = Consultations::<T>::get(id).expect("made");
	let pk = T::Keys::public_key(open_key::<T>(id)).expect("ready");
	let revision = Answers::<T>::get(id, profile).map_or(0, |a| a.revision + 1);
	let binding = Pallet::<T>::answer_binding(id, profile, revision);
	let s = veche_seal::seal_choice(&pk, c.options, choice, &[9; 32], &binding).expect("sealed");
	Sealed {
		ciphertexts: BoundedVec::truncate_from(s.ciphertexts),
		bits: BoundedVec::truncate_from(s.bits),
		sum: s.sum,
	}
}

/// Answers `id` as the profile and closes it; trustees `1..=t` decrypt.
fn answered_and_decrypted<T: Config>(
	id: ConsultationId,
	accounts: &[T::AccountId],
	seeds: &[[u8; 32]],
	t: u16,
) {
	let sealed = sealed_answer::<T>(id, 0, 0);
	let call = Call::<T>::answer {
		auth: auth::<T>(0, tags::ANSWER, &(id, &sealed).encode()),
		consultation: id,
		sealed,
	};
	assert!(call.authorize(TransactionSource::External).is_some_and(|r| r.is_ok()));
	assert!(frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
		call,
		frame_system::RawOrigin::Authorized.into()
	)
	.is_ok());
	close::<T>(id);
	let key = open_key::<T>(id);
	for (j, who) in (1..=t).zip(accounts.iter().cloned()) {
		let shares = partials::<T>(id, key, seeds, t, j);
		assert!(Pallet::<T>::decrypt(RawOrigin::Signed(who).into(), id, shares).is_ok());
	}
}

fn partials<T: Config>(
	id: ConsultationId,
	key: KeyId,
	seeds: &[[u8; 32]],
	t: u16,
	j: u16,
) -> BoundedVec<(PointBytes, Dleq), T::MaxOptions> {
	let s = share(key, seeds, t, j);
	let context = Pallet::<T>::decryption_context(id);
	BoundedVec::truncate_from(
		Running::<T>::get(id)
			.expect("running")
			.iter()
			.map(|sum| veche_seal::partial_decrypt(&s, &sum.a, &context, j).expect("decodes"))
			.collect(),
	)
}

fn close<T: Config>(id: ConsultationId) {
	if let Some(Consultation { stage: Stage::Open { closes, .. }, .. }) =
		Consultations::<T>::get(id)
	{
		frame_system::Pallet::<T>::set_block_number(closes);
	}
}

fn max_options<T: Config>() -> u8 {
	T::MaxOptions::get() as u8
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn authorize_open() {
		let p = T::BenchmarkHelper::prover();
		start::<T>();
		PeriodRolls::<T>::insert(Pallet::<T>::period_now(), p.roll);
		let call = Call::<T>::open_profile {
			ring: p.ring,
			proof: BoundedVec::truncate_from(p.open.clone()),
			key: bench_key(),
			name: BoundedVec::new(),
		};

		#[block]
		{
			assert!(call.authorize(TransactionSource::External).is_some_and(|r| r.is_ok()));
		}
	}

	#[benchmark]
	fn open_profile() {
		let p = T::BenchmarkHelper::prover();
		start::<T>();
		let key = bench_key();

		#[extrinsic_call]
		_(
			RawOrigin::Authorized,
			p.ring,
			BoundedVec::truncate_from(p.open.clone()),
			key,
			BoundedVec::new(),
		);

		assert_eq!(NextProfileId::<T>::get(), 1);
	}

	#[benchmark]
	fn authorize_renew() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let period = Pallet::<T>::period_now();
		Profiles::<T>::mutate(0, |r| {
			if let Some(r) = r {
				r.active = period - 1;
			}
		});
		Memberships::<T>::remove(0, period);
		let signature = sign(&Pallet::<T>::renew_signed(0, period));
		let call = Call::<T>::renew_profile {
			profile: 0,
			ring: p.ring,
			proof: BoundedVec::truncate_from(p.renew.clone()),
			signature,
		};

		#[block]
		{
			assert!(call.authorize(TransactionSource::External).is_some_and(|r| r.is_ok()));
		}
	}

	#[benchmark]
	fn renew_profile() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let period = Pallet::<T>::period_now();
		Profiles::<T>::mutate(0, |r| {
			if let Some(r) = r {
				r.active = period - 1;
			}
		});
		Memberships::<T>::remove(0, period);
		PeriodRolls::<T>::remove(period);

		#[extrinsic_call]
		_(RawOrigin::Authorized, 0, p.ring, BoundedVec::truncate_from(p.renew.clone()), [0; 64]);

		assert_eq!(Profiles::<T>::get(0).map(|r| r.active), Some(period));
	}

	#[benchmark]
	fn authorize_profile() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let name: BoundedVec<u8, T::MaxName> =
			BoundedVec::truncate_from(alloc::vec![b'n'; T::MaxName::get() as usize]);
		let call = Call::<T>::set_name { auth: auth::<T>(0, tags::SET_NAME, &name.encode()), name };

		#[block]
		{
			assert!(call.authorize(TransactionSource::External).is_some_and(|r| r.is_ok()));
		}
	}

	#[benchmark]
	fn set_name() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let name: BoundedVec<u8, T::MaxName> =
			BoundedVec::truncate_from(alloc::vec![b'n'; T::MaxName::get() as usize]);

		#[extrinsic_call]
		_(RawOrigin::Authorized, auth::<T>(0, tags::SET_NAME, &name.encode()), name.clone());

		assert_last_event::<T>(Event::NameSet { profile: 0, name: name.into_inner() });
	}

	#[benchmark]
	fn propose() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let title: BoundedVec<u8, T::MaxTitle> =
			BoundedVec::truncate_from(alloc::vec![b't'; T::MaxTitle::get() as usize]);
		let (unit, sphere, kind, content, options) =
			(p.constituency, PolicySphere::Governance, ConsultationKind::State, [2; 32], 2u8);
		let payload = (unit, sphere, kind, &title, content, options).encode();

		#[extrinsic_call]
		_(
			RawOrigin::Authorized,
			auth::<T>(0, tags::PROPOSE, &payload),
			unit,
			sphere,
			kind,
			title,
			content,
			options,
		);

		assert_eq!(NextConsultationId::<T>::get(), 1);
	}

	#[benchmark]
	fn admit() -> Result<(), BenchmarkError> {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let (accounts, seeds) = trustees::<T>(1);
		T::BenchmarkHelper::key(accounts, 1, seeds);
		let id = Pallet::<T>::create_consultation(
			0,
			p.constituency,
			PolicySphere::Governance,
			ConsultationKind::Plan,
			BoundedVec::new(),
			[1; 32],
			max_options::<T>(),
			None,
		)
		.expect("made");
		let origin = T::ModeratorOrigin::try_successful_origin(&p.constituency)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, T::MinDuration::get());

		assert!(matches!(Consultations::<T>::get(id).map(|c| c.stage), Some(Stage::Open { .. })));
		Ok(())
	}

	#[benchmark]
	fn reject() -> Result<(), BenchmarkError> {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let id = Pallet::<T>::create_consultation(
			0,
			p.constituency,
			PolicySphere::Governance,
			ConsultationKind::Plan,
			BoundedVec::new(),
			[1; 32],
			2,
			None,
		)
		.expect("made");
		let origin = T::ModeratorOrigin::try_successful_origin(&p.constituency)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, [3; 32]);

		assert_last_event::<T>(Event::ConsultationRejected { consultation: id, reason: [3; 32] });
		Ok(())
	}

	#[benchmark]
	fn authorize_answer(o: Linear<2, { T::MaxOptions::get() }>) {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let (id, _, _) = open_consultation::<T>(&p, o as u8, 1);
		let sealed = sealed_answer::<T>(id, 0, 0);
		let call = Call::<T>::answer {
			auth: auth::<T>(0, tags::ANSWER, &(id, &sealed).encode()),
			consultation: id,
			sealed,
		};

		#[block]
		{
			assert!(call.authorize(TransactionSource::External).is_some_and(|r| r.is_ok()));
		}
	}

	#[benchmark]
	fn answer(o: Linear<2, { T::MaxOptions::get() }>) {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let (id, _, _) = open_consultation::<T>(&p, o as u8, 1);
		// A change (the dearer path: the old answer is subtracted).
		let first = sealed_answer::<T>(id, 0, 0);
		Answers::<T>::insert(
			id,
			0,
			Answer { revision: 0, ciphertexts: first.ciphertexts.clone(), agreed: false },
		);
		Consultations::<T>::mutate(id, |c| {
			if let Some(c) = c {
				c.answers = 1;
			}
		});
		Running::<T>::insert(id, first.ciphertexts);
		let sealed = sealed_answer::<T>(id, 0, 1);

		#[extrinsic_call]
		_(RawOrigin::Authorized, auth::<T>(0, tags::ANSWER, &(id, &sealed).encode()), id, sealed);

		assert_eq!(Answers::<T>::get(id, 0).map(|a| a.revision), Some(1));
	}

	#[benchmark]
	fn decrypt(o: Linear<2, { T::MaxOptions::get() }>) {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let t = 2u16;
		let (id, accounts, seeds) = open_consultation::<T>(&p, o as u8, t);
		let sealed = sealed_answer::<T>(id, 0, 0);
		Running::<T>::insert(id, sealed.ciphertexts);
		close::<T>(id);
		let shares = partials::<T>(id, open_key::<T>(id), &seeds, t, t);
		let who = accounts.last().cloned().expect("two trustees");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, shares);

		assert!(Partials::<T>::contains_key(id, t));
	}

	#[benchmark]
	fn publish_result(
		o: Linear<2, { T::MaxOptions::get() }>,
		t: Linear<1, { T::MaxTrustees::get() }>,
	) {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let t = t as u16;
		let (id, accounts, seeds) = open_consultation::<T>(&p, o as u8, t);
		answered_and_decrypted::<T>(id, &accounts, &seeds, t);
		let mut counts = alloc::vec![0u32; o as usize];
		if let Some(first) = counts.first_mut() {
			*first = 1;
		}
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, BoundedVec::truncate_from(counts));

		assert!(matches!(
			Consultations::<T>::get(id).map(|c| c.stage),
			Some(Stage::Counted { winner: Some(0), .. })
		));
	}

	#[benchmark]
	fn authorize_claim() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let (id, accounts, seeds) = open_consultation::<T>(&p, max_options::<T>(), 1);
		answered_and_decrypted::<T>(id, &accounts, &seeds, 1);
		let mut counts = alloc::vec![0u32; max_options::<T>() as usize];
		if let Some(first) = counts.first_mut() {
			*first = 1;
		}
		assert!(Pallet::<T>::publish_result(
			RawOrigin::Signed(whitelisted_caller()).into(),
			id,
			BoundedVec::truncate_from(counts)
		)
		.is_ok());
		let binding = Pallet::<T>::answer_binding(id, 0, 0);
		let opening = veche_seal::opening(&[9; 32], &binding, 0);
		let call = Call::<T>::claim_agreement {
			auth: auth::<T>(0, tags::CLAIM, &(id, opening).encode()),
			consultation: id,
			opening,
		};

		#[block]
		{
			assert!(call.authorize(TransactionSource::External).is_some_and(|r| r.is_ok()));
		}
	}

	#[benchmark]
	fn claim_agreement() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let (id, accounts, seeds) = open_consultation::<T>(&p, max_options::<T>(), 1);
		answered_and_decrypted::<T>(id, &accounts, &seeds, 1);
		let mut counts = alloc::vec![0u32; max_options::<T>() as usize];
		if let Some(first) = counts.first_mut() {
			*first = 1;
		}
		assert!(Pallet::<T>::publish_result(
			RawOrigin::Signed(whitelisted_caller()).into(),
			id,
			BoundedVec::truncate_from(counts)
		)
		.is_ok());
		let opening = veche_seal::opening(&[9; 32], &Pallet::<T>::answer_binding(id, 0, 0), 0);
		Profiles::<T>::mutate(0, |r| {
			if let Some(r) = r {
				r.nonce = 0;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Authorized, auth::<T>(0, tags::CLAIM, &(id, opening).encode()), id, opening);

		assert_eq!(Answers::<T>::get(id, 0).map(|a| a.agreed), Some(true));
	}

	#[benchmark]
	fn post_idea() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let sphere = PolicySphere::Environment;
		// A full board.
		for i in 0..T::MaxTopIdeas::get() {
			let _ = i;
			rank_filler::<T>(p.constituency, sphere);
		}
		let title: BoundedVec<u8, T::MaxTitle> =
			BoundedVec::truncate_from(alloc::vec![b't'; T::MaxTitle::get() as usize]);
		let payload = (p.constituency, sphere, &title, [4u8; 32]).encode();

		#[extrinsic_call]
		_(
			RawOrigin::Authorized,
			auth::<T>(0, tags::POST_IDEA, &payload),
			p.constituency,
			sphere,
			title,
			[4; 32],
		);

		assert!(NextIdeaId::<T>::get() > T::MaxTopIdeas::get());
	}

	#[benchmark]
	fn rate_idea() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let sphere = PolicySphere::Environment;
		for _ in 0..T::MaxTopIdeas::get() {
			rank_filler::<T>(p.constituency, sphere);
		}
		// The last idea rises from the bottom to the top, replacing an earlier grade.
		let idea = NextIdeaId::<T>::get() - 1;
		IdeaGrades::<T>::insert(idea, 0, 1u8);
		Ideas::<T>::mutate(idea, |i| {
			if let Some(i) = i {
				i.ratings = 1;
				i.total = 1;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Authorized, auth::<T>(0, tags::RATE_IDEA, &(idea, 5u8).encode()), idea, 5);

		assert_eq!(IdeaGrades::<T>::get(idea, 0), Some(5));
	}

	#[benchmark]
	fn consult_on_idea() -> Result<(), BenchmarkError> {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let (accounts, seeds) = trustees::<T>(1);
		T::BenchmarkHelper::key(accounts, 1, seeds);
		let sphere = PolicySphere::Environment;
		for _ in 0..T::MaxTopIdeas::get() {
			rank_filler::<T>(p.constituency, sphere);
		}
		let origin = T::ModeratorOrigin::try_successful_origin(&p.constituency)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, max_options::<T>(), T::MinDuration::get());

		assert_last_event::<T>(Event::IdeaConsulted { idea: 0, consultation: 0 });
		Ok(())
	}

	#[benchmark]
	fn bill_from_idea() -> Result<(), BenchmarkError> {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let act = T::BenchmarkHelper::bill();
		let unit = T::Bills::open_bill(act).map(|b| b.unit).ok_or(BenchmarkError::Weightless)?;
		let sphere = PolicySphere::Environment;
		for _ in 0..T::MaxTopIdeas::get() {
			rank_filler::<T>(unit, sphere);
		}
		let origin = T::ModeratorOrigin::try_successful_origin(&unit)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, act);

		assert_last_event::<T>(Event::IdeaTabled { idea: 0, act });
		Ok(())
	}

	#[benchmark]
	fn authorize_join() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		expert::<T>(&p);
		let sphere = PolicySphere::Governance;
		let call =
			Call::<T>::join_club { auth: auth::<T>(0, tags::JOIN_CLUB, &sphere.encode()), sphere };

		#[block]
		{
			assert!(call.authorize(TransactionSource::External).is_some_and(|r| r.is_ok()));
		}
	}

	#[benchmark]
	fn join_club() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		expert::<T>(&p);
		let sphere = PolicySphere::Governance;

		#[extrinsic_call]
		_(RawOrigin::Authorized, auth::<T>(0, tags::JOIN_CLUB, &sphere.encode()), sphere);

		assert!(Clubs::<T>::contains_key(scope_of(sphere), 0));
	}

	#[benchmark]
	fn leave_club() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		let sphere = PolicySphere::Governance;
		Clubs::<T>::insert(scope_of(sphere), 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Authorized, auth::<T>(0, tags::LEAVE_CLUB, &sphere.encode()), sphere);

		assert!(!Clubs::<T>::contains_key(scope_of(sphere), 0));
	}

	#[benchmark]
	fn expel() {
		let p = T::BenchmarkHelper::prover();
		bench_profile::<T>(&p);
		// Counters in every period of the window, but no proposals: not an expert.
		for q in Pallet::<T>::period_now().saturating_sub(T::StatusWindow::get() - 1)
			..=Pallet::<T>::period_now()
		{
			for unit in T::Jurisdictions::ancestors(p.constituency) {
				UnitCounts::<T>::insert((unit, q, scope_of(PolicySphere::Governance)), 1);
			}
			Activities::<T>::insert(
				(0, q, scope_of(PolicySphere::Governance)),
				Activity { answered: 1, ..Default::default() },
			);
		}
		let sphere = PolicySphere::Governance;
		Clubs::<T>::insert(scope_of(sphere), 0, 0);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), sphere, 0);

		assert!(!Clubs::<T>::contains_key(scope_of(sphere), 0));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}

/// Posts an open idea of `unit` in `sphere` by profile 0, ranked.
fn rank_filler<T: Config>(unit: JurisdictionId, sphere: PolicySphere) {
	let id = NextIdeaId::<T>::get();
	let idea = Idea {
		author: 0,
		unit,
		sphere,
		title: BoundedVec::new(),
		content: [0; 32],
		period: Pallet::<T>::period_now(),
		ratings: 0,
		total: 0,
		stage: IdeaStage::Open,
	};
	Pallet::<T>::rank(id, &idea);
	Ideas::<T>::insert(id, idea);
	NextIdeaId::<T>::put(id + 1);
}

/// Makes profile 0 a local expert in governance: counters in every period of the window, every
/// unit above its constituency counting one consultation, answered and settled, a proposal each
/// month (the status walk's worst case).
fn expert<T: Config>(p: &BenchProver) {
	let now = Pallet::<T>::period_now();
	for q in now.saturating_sub(T::StatusWindow::get() - 1)..=now {
		for scope in [ALL_SPHERES, scope_of(PolicySphere::Governance)] {
			for unit in T::Jurisdictions::ancestors(p.constituency) {
				UnitCounts::<T>::insert((unit, q, scope), 1);
			}
			let n = T::Jurisdictions::ancestors(p.constituency).len() as u32;
			Activities::<T>::insert(
				(0, q, scope),
				Activity { answered: n, changed: 0, agreed: 0, proposals: 1 },
			);
		}
	}
}
