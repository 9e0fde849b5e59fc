//! Unit tests of consultations, with real ring-VRF proofs for profiles, real sr25519 signatures of
//! profile keys, real sealed answers and a real trustees' ceremony.

use crate::{
	mock::*, tags, ConsultationId, ConsultationKind, Error, Event, IdeaId, ProfileAuth, ProfileId,
	Profiles, Proof, SealedOf, Stage,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	traits::{Authorize, UnfilteredDispatchable},
	BoundedVec,
};
use pallet_veche_personhood::crypto::{prover, Domain11};
use pallet_veche_primitives::{
	JurisdictionId, PersonhoodVerifier, PolicySphere, RingRef, RingSet, SealingKeys,
};
use sp_core::{sr25519, Pair};
use sp_runtime::{DispatchError, ModuleError};

mod answering;
mod ideas;
mod profiles;
mod statuses;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn authorized() -> RuntimeOrigin {
	frame_system::RawOrigin::Authorized.into()
}

/// Person `i`'s profile key.
fn key_of(i: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[0x50 + i; 32])
}

/// Person `i`'s secret for sealing answers.
fn sealing_secret(i: u8) -> [u8; 32] {
	[0x30 + i; 32]
}

/// A proof by person `i` of their constituency ring (the revision in this period's roll), in
/// this period's context, over `message`.
fn ring_proof(i: u8, message: &[u8]) -> (RingRef, Proof) {
	let (_, roll, context) = Consultations::current_period();
	let set = RingSet::Constituency(home(i));
	let (revision, members) = Personhood::roll_ring(set, 0, roll).unwrap();
	let proof = prover::prove::<Domain11>(seed(i), &members, &context, message)
		.expect("the key is in the ring")
		.0;
	(RingRef { set, index: 0, revision }, BoundedVec::truncate_from(proof))
}

/// Person `i`'s opening of a profile named `name`.
fn open_call(i: u8, name: &[u8]) -> crate::Call<Test> {
	let key = key_of(i).public().0;
	let (ring, proof) = ring_proof(i, &crate::open_message(&key, name));
	crate::Call::open_profile { ring, proof, key, name: BoundedVec::truncate_from(name.to_vec()) }
}

/// Person `i`'s renewal of `profile` for this period.
fn renew_call(i: u8, profile: ProfileId) -> crate::Call<Test> {
	let key = Profiles::<Test>::get(profile).unwrap().key;
	let (ring, proof) = ring_proof(i, &crate::renew_message(profile, &key));
	let period = Consultations::period_now();
	let signature = key_of(i).sign(&Consultations::renew_signed(profile, period)).0;
	crate::Call::renew_profile { profile, ring, proof, signature }
}

/// What the pool says of an authorized call.
fn pool_check(call: &crate::Call<Test>) -> Result<(), TransactionValidityError> {
	call.authorize(TransactionSource::External)
		.expect("an authorized call")
		.map(|_| ())
}

/// What a block says of an authorized call.
fn block_check(call: &crate::Call<Test>) -> Result<(), TransactionValidityError> {
	call.authorize(TransactionSource::InBlock)
		.expect("an authorized call")
		.map(|_| ())
}

/// The pool's refusal with `e`'s index.
fn refused(e: impl Into<DispatchError>) -> Result<(), TransactionValidityError> {
	let DispatchError::Module(ModuleError { error, .. }) = e.into() else { unreachable!() };
	Err(InvalidTransaction::Custom(error[0]).into())
}

/// Submits an authorized call as the pool and a block would.
fn submit(call: crate::Call<Test>) {
	assert_ok!(pool_check(&call));
	assert_ok!(block_check(&call));
	assert_ok!(call.dispatch_bypass_filter(authorized()));
}

/// Person `i` opens a profile; returns it.
fn open(i: u8) -> ProfileId {
	submit(open_call(i, b""));
	crate::NextProfileId::<Test>::get() - 1
}

/// Person `i` renews `profile`.
fn renew(i: u8, profile: ProfileId) {
	submit(renew_call(i, profile));
}

/// `auth` for person `i` acting as `profile` with its next nonce, signing `payload` under `tag`.
fn auth(i: u8, profile: ProfileId, tag: u8, payload: &[u8]) -> ProfileAuth {
	let nonce = Profiles::<Test>::get(profile).map(|p| p.nonce).unwrap_or(0);
	auth_with(i, profile, nonce, tag, payload)
}

fn auth_with(i: u8, profile: ProfileId, nonce: u32, tag: u8, payload: &[u8]) -> ProfileAuth {
	let message = Consultations::profile_message(profile, nonce, tag, payload);
	ProfileAuth { profile, nonce, signature: key_of(i).sign(&message).0 }
}

fn title(t: &[u8]) -> BoundedVec<u8, frame_support::traits::ConstU32<32>> {
	BoundedVec::truncate_from(t.to_vec())
}

/// Person `i`'s (profile `profile`) proposal of a consultation of `unit` with `options`.
fn propose_call(
	i: u8,
	profile: ProfileId,
	unit: JurisdictionId,
	sphere: PolicySphere,
	options: u8,
) -> crate::Call<Test> {
	let (kind, t, content) = (ConsultationKind::State, title(b"Roads"), [7u8; 32]);
	let payload = (unit, sphere, kind, &t, content, options).encode();
	let auth = auth(i, profile, tags::PROPOSE, &payload);
	crate::Call::propose { auth, unit, sphere, kind, title: t, content, options }
}

/// Profile `profile` (person `i`) proposes and governance admits a consultation of `unit` in
/// `sphere` with three options, open for `duration` blocks; returns it.
fn consultation(
	i: u8,
	profile: ProfileId,
	unit: JurisdictionId,
	sphere: PolicySphere,
	duration: u64,
) -> ConsultationId {
	submit(propose_call(i, profile, unit, sphere, 3));
	let id = crate::NextConsultationId::<Test>::get() - 1;
	assert_ok!(Consultations::admit(signed(GOVERNANCE), id, duration));
	id
}

/// The key consultation `id` seals to.
fn key_of_consultation(id: ConsultationId) -> (u32, [u8; 32]) {
	let c = crate::Consultations::<Test>::get(id).unwrap();
	let key = match c.stage {
		Stage::Open { key, .. } | Stage::Counted { key, .. } => key,
		_ => panic!("not admitted"),
	};
	(key, Trustees::public_key(key).unwrap())
}

/// Person `i`'s sealed choice for `profile` in consultation `id` at `revision`.
fn sealed(
	i: u8,
	profile: ProfileId,
	id: ConsultationId,
	choice: u8,
	revision: u16,
) -> SealedOf<Test> {
	let (_, pk) = key_of_consultation(id);
	let options = crate::Consultations::<Test>::get(id).unwrap().options;
	let binding = Consultations::answer_binding(id, profile, revision);
	let s = veche_seal::seal_choice(&pk, options, choice, &sealing_secret(i), &binding).unwrap();
	crate::Sealed {
		ciphertexts: BoundedVec::truncate_from(s.ciphertexts),
		bits: BoundedVec::truncate_from(s.bits),
		sum: s.sum,
	}
}

/// The next revision of `profile`'s answer to `id`.
fn next_revision(profile: ProfileId, id: ConsultationId) -> u16 {
	crate::Answers::<Test>::get(id, profile).map_or(0, |a| a.revision + 1)
}

/// Person `i`'s answer (as `profile`) to `id`: `choice`.
fn answer_call(i: u8, profile: ProfileId, id: ConsultationId, choice: u8) -> crate::Call<Test> {
	let s = sealed(i, profile, id, choice, next_revision(profile, id));
	answer_with(i, profile, id, s)
}

fn answer_with(
	i: u8,
	profile: ProfileId,
	id: ConsultationId,
	s: SealedOf<Test>,
) -> crate::Call<Test> {
	let payload = (id, &s).encode();
	let auth = auth(i, profile, tags::ANSWER, &payload);
	crate::Call::answer { auth, consultation: id, sealed: s }
}

fn answer(i: u8, profile: ProfileId, id: ConsultationId, choice: u8) {
	submit(answer_call(i, profile, id, choice));
}

/// Trustee `t` (0-based) publishes its partial decryption of `id`.
fn decrypt(
	t: usize,
	id: ConsultationId,
) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	let (key, _) = key_of_consultation(id);
	let share = trustee_share(t, key);
	let running = crate::Running::<Test>::get(id).unwrap();
	let context = Consultations::decryption_context(id);
	let shares: Vec<_> = running
		.iter()
		.map(|sum| veche_seal::partial_decrypt(&share, &sum.a, &context, t as u16 + 1).unwrap())
		.collect();
	Consultations::decrypt(signed(TRUSTEES[t]), id, BoundedVec::truncate_from(shares))
}

/// Runs past `id`'s close, lets trustees 1 and 2 decrypt and publishes `counts`.
fn count(id: ConsultationId, counts: &[u32]) {
	close(id);
	assert_ok!(decrypt(0, id));
	assert_ok!(decrypt(1, id));
	assert_ok!(Consultations::publish_result(
		signed(ANYONE),
		id,
		BoundedVec::truncate_from(counts.to_vec())
	));
}

/// Runs the clock to `id`'s close.
fn close(id: ConsultationId) {
	let c = crate::Consultations::<Test>::get(id).unwrap();
	if let Stage::Open { closes, .. } = c.stage {
		if System::block_number() < closes {
			System::set_block_number(closes);
		}
	}
}

/// Person `i`'s claim (as `profile`) that its answer to `id` chose the winner `winner`.
fn claim_call(i: u8, profile: ProfileId, id: ConsultationId, winner: u8) -> crate::Call<Test> {
	let revision = crate::Answers::<Test>::get(id, profile).unwrap().revision;
	let binding = Consultations::answer_binding(id, profile, revision);
	let opening = veche_seal::opening(&sealing_secret(i), &binding, winner);
	let auth = auth(i, profile, tags::CLAIM, &(id, opening).encode());
	crate::Call::claim_agreement { auth, consultation: id, opening }
}

/// Person `i` (as `profile`) posts an idea for `unit` in `sphere`; returns it.
fn post_idea_call(
	i: u8,
	profile: ProfileId,
	unit: JurisdictionId,
	sphere: PolicySphere,
) -> crate::Call<Test> {
	let (t, content) = (title(b"A park"), [9u8; 32]);
	let auth = auth(i, profile, tags::POST_IDEA, &(unit, sphere, &t, content).encode());
	crate::Call::post_idea { auth, unit, sphere, title: t, content }
}

fn post_idea(i: u8, profile: ProfileId, unit: JurisdictionId, sphere: PolicySphere) -> IdeaId {
	submit(post_idea_call(i, profile, unit, sphere));
	crate::NextIdeaId::<Test>::get() - 1
}

fn rate_call(i: u8, profile: ProfileId, idea: IdeaId, grade: u8) -> crate::Call<Test> {
	let auth = auth(i, profile, tags::RATE_IDEA, &(idea, grade).encode());
	crate::Call::rate_idea { auth, idea, grade }
}

/// The start of period `p`.
fn period_start(p: u64) -> u64 {
	p * PERIOD
}

/// Writes the benchmark proofs (`src/fixtures/bench-domain12.hex`) when
/// `VECHE_WRITE_FIXTURES=1`; otherwise checks that the committed ones verify against the ring of
/// the benchmark provers (the ballots benchmarks' 32), in the benchmark period's context, over
/// the benchmark key's opening and renewal messages.
#[test]
fn benchmark_fixtures_verify() {
	use crate::fixtures;
	use pallet_veche_personhood::crypto::{Bandersnatch, Domain12, RingVrf};
	type V = Bandersnatch<Domain12>;
	let mut ring: Vec<[u8; 32]> = (0..32).map(|i| prover::member(fixtures::seed(i))).collect();
	ring.sort();
	let key =
		sr25519::Pair::from_string(core::str::from_utf8(&fixtures::key_suri()).unwrap(), None)
			.unwrap()
			.public()
			.0;
	let context = crate::Pallet::<Test>::period_context(fixtures::PERIOD);
	let messages = [crate::open_message(&key, b""), crate::renew_message(0, &key)];
	let path = format!("{}/src/fixtures/bench-domain12.hex", env!("CARGO_MANIFEST_DIR"));
	if std::env::var("VECHE_WRITE_FIXTURES").as_deref() == Ok("1") {
		let lines: Vec<String> = messages
			.iter()
			.map(|m| {
				let (proof, _) =
					prover::prove::<Domain12>(fixtures::seed(0), &ring, &context, m).unwrap();
				proof.iter().map(|b| format!("{b:02x}")).collect()
			})
			.collect();
		std::fs::write(&path, lines.join("\n") + "\n").unwrap();
	}
	let chunks = V::builder_chunks();
	let mut inter = V::start();
	V::push(&mut inter, &ring, |r| chunks.get(r).map(|c| c.to_vec())).unwrap();
	let commitment = V::finish(&inter).unwrap();
	let expected = prover::alias(fixtures::seed(0), &context);
	for (renew, message) in [(false, &messages[0]), (true, &messages[1])] {
		let proof = fixtures::domain12_proof(renew).expect("a committed proof");
		let items = [(&proof[..], &commitment, &context[..], &message[..])];
		assert_eq!(V::batch_validate(&items), vec![Ok(expected)], "fixture {renew}");
	}
}
