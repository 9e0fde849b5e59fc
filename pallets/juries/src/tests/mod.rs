//! Unit tests of juries, with real ring-VRF proofs made by the mock's persons, and the jury's
//! vote in the real ballots engine.

use crate::{
	accept_message, enrol_message, mock::*, sortition, Enrolled, Error, Event, JuryStage,
	NextJuryId, Proof, RelayEpoch, SummonsStatus, Summonses,
};
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	traits::{Authorize, Hooks},
	BoundedVec,
};
use pallet_veche_personhood::crypto::{prover, Domain11};
use pallet_veche_primitives::{ActId, Alias, JuryId, PollId, RingRef, RingSet};
use sp_runtime::{traits::BadOrigin, DispatchError, ModuleError};

mod draw;
mod enrolment;
mod seating;
mod sending;
mod voting;

/// The bill the tests send.
const BILL: ActId = 7;
/// The pool freezes at this block.
const FREEZE: u64 = 10;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn authorized() -> RuntimeOrigin {
	frame_system::RawOrigin::Authorized.into()
}

/// Tables [`BILL`] in the region and sends it to a jury of `size`, of lawyers if `lawyers`.
fn send(size: u32, lawyers: bool) -> JuryId {
	table_bill(BILL, REGION, 2);
	let credential = lawyers.then_some(LAWYERS);
	assert_ok!(Juries::send_to_jury(
		signed(GOVERNANCE),
		BILL,
		size,
		credential,
		FREEZE,
		ACCEPTANCE,
		VOTING
	));
	NextJuryId::<Test>::get() - 1
}

/// Person `i`'s alias in `jury`.
fn alias_of(i: u8, jury: JuryId) -> Alias {
	let context = Juries::jury(jury).unwrap().context;
	prover::alias(seed(i), &context)
}

/// The person (1..=13) whose alias in `jury` is `alias`.
fn person_of(alias: &Alias, jury: JuryId) -> u8 {
	(1..=13u8).find(|i| alias_of(*i, jury) == *alias).expect("an alias of a person")
}

/// A proof by person `i` of membership of `set`'s ring (the revision in `jury`'s roll), in the
/// jury's context, over `message`.
fn proof_in(i: u8, jury: JuryId, set: RingSet, message: &[u8]) -> (RingRef, Proof) {
	let info = Juries::jury(jury).unwrap();
	let (revision, members) = Personhood::roll_ring(set, 0, info.roll).unwrap();
	let proof = prover::prove::<Domain11>(seed(i), &members, &info.context, message)
		.expect("the key is in the ring")
		.0;
	(RingRef { set, index: 0, revision }, BoundedVec::truncate_from(proof))
}

/// Person `i`'s enrolment in `jury`: their constituency proof and, if the jury asks for it,
/// their credential proof.
fn enrolment(i: u8, jury: JuryId) -> crate::Call<Test> {
	let message = enrol_message(jury);
	let (ring, proof) = proof_in(i, jury, RingSet::Constituency(home(i)), &message);
	let credential = Juries::jury(jury)
		.unwrap()
		.credential
		.map(|class| proof_in(i, jury, RingSet::Credential(class), &message));
	crate::Call::enrol { jury, ring, proof, credential }
}

/// Person `i`'s acceptance of a summons in `jury`.
fn acceptance(i: u8, jury: JuryId) -> crate::Call<Test> {
	let (ring, proof) = proof_in(i, jury, RingSet::Constituency(home(i)), &accept_message(jury));
	crate::Call::accept { jury, ring, proof }
}

/// What the pool says of an authorized call.
fn pool_check(call: &crate::Call<Test>) -> Result<(), TransactionValidityError> {
	call.authorize(TransactionSource::External)
		.expect("an authorized call")
		.map(|_| ())
}

/// The pool's refusal with `e`'s index.
fn refused(e: impl Into<DispatchError>) -> Result<(), TransactionValidityError> {
	let DispatchError::Module(ModuleError { error, .. }) = e.into() else { unreachable!() };
	Err(InvalidTransaction::Custom(error[0]).into())
}

/// Submits an authorized call as the pool and a block would: checked by the pool, then
/// dispatched.
fn submit(call: crate::Call<Test>) {
	assert_ok!(pool_check(&call));
	use frame_support::traits::UnfilteredDispatchable;
	assert_ok!(call.dispatch_bypass_filter(authorized()));
}

/// Persons `who` enrol in `jury`.
fn enrol_all(jury: JuryId, who: &[u8]) {
	for i in who {
		submit(enrolment(*i, jury));
	}
}

/// Ends the current block and starts the next.
fn next_block() {
	let now = System::block_number();
	Ballots::on_finalize(now);
	System::set_block_number(now + 1);
}

fn run_to(n: u64) {
	while System::block_number() < n {
		next_block();
	}
}

/// The relay epoch `epoch` begins: its randomness is `[epoch; 32]`, at relay block
/// `1000 + epoch`.
fn new_epoch(epoch: u64) {
	Juries::note_relay_epoch(epoch, [epoch as u8; 32], 1000 + epoch as u32);
}

/// Freezes the pool and lets two relay epochs begin after it: the draw's randomness is that
/// of epoch 2.
fn randomness_after_freeze() {
	run_to(FREEZE + 1);
	new_epoch(1);
	next_block();
	new_epoch(2);
}

/// The summoned (or seated, or lapsed) persons of `jury`, sorted.
fn summoned(jury: JuryId) -> Vec<u8> {
	let mut who: Vec<u8> =
		Summonses::<Test>::iter_prefix(jury).map(|(a, _)| person_of(&a, jury)).collect();
	who.sort();
	who
}

/// The persons of `jury` whose summons stands at `status`, sorted.
fn with_status(jury: JuryId, status: SummonsStatus) -> Vec<u8> {
	let mut who: Vec<u8> = Summonses::<Test>::iter_prefix(jury)
		.filter(|(_, s)| s.status == status)
		.map(|(a, _)| person_of(&a, jury))
		.collect();
	who.sort();
	who
}

/// The stage of `jury`.
fn stage(jury: JuryId) -> JuryStage {
	Juries::jury(jury).unwrap().stage
}

/// Writes the benchmark proofs (`src/fixtures/bench-domain12.hex`) when
/// `VECHE_WRITE_FIXTURES=1`; otherwise checks that the committed ones verify against the ring of
/// the benchmark provers, for the benchmark context and messages. Proofs are randomised, so
/// rewriting changes the bytes but never their validity.
#[test]
fn benchmark_fixtures_verify() {
	use crate::fixtures;
	use pallet_veche_personhood::crypto::{Bandersnatch, RingVrf};
	type V = Bandersnatch<pallet_veche_personhood::crypto::Domain12>;
	let mut ring: Vec<[u8; 32]> =
		(0..fixtures::RING).map(|i| prover::member(fixtures::seed(i))).collect();
	ring.sort();
	let messages = [enrol_message(fixtures::JURY), accept_message(fixtures::JURY)];
	let path = format!("{}/src/fixtures/bench-domain12.hex", env!("CARGO_MANIFEST_DIR"));
	if std::env::var("VECHE_WRITE_FIXTURES").as_deref() == Ok("1") {
		let lines: Vec<String> = messages
			.iter()
			.map(|m| {
				let (proof, _) = prover::prove::<pallet_veche_personhood::crypto::Domain12>(
					fixtures::seed(0),
					&ring,
					&fixtures::CONTEXT,
					m,
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
	let expected = prover::alias(fixtures::seed(0), &fixtures::CONTEXT);
	for (accept, message) in [(false, &messages[0]), (true, &messages[1])] {
		let proof = fixtures::domain12_proof(accept).expect("a committed proof");
		let items = [(&proof[..], &commitment, &fixtures::CONTEXT[..], &message[..])];
		assert_eq!(V::batch_validate(&items), vec![Ok(expected)], "fixture {accept}");
	}
	// Each signs its own message only.
	let enrol = fixtures::domain12_proof(false).unwrap();
	let items = [(&enrol[..], &commitment, &fixtures::CONTEXT[..], &messages[1][..])];
	assert!(V::batch_validate(&items)[0].is_err());
}

/// The messages are fixed bytes that the citizen app builds too (`features/juries/juries.ts`,
/// checked against the same bytes).
#[test]
fn the_jury_messages_are_the_documented_bytes() {
	let hex = |b: Vec<u8>| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
	assert_eq!(hex(enrol_message(3)), "76656368652f6a7572792d656e726f6c03000000");
	assert_eq!(hex(accept_message(3)), "76656368652f6a7572792d61636365707403000000");
}
