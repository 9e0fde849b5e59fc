//! Unit tests of ballots, with real ring-VRF proofs made by voters of the mock's rings.

use crate::{
	mock::*, Ballot, BallotRecord, Ballots as StoredBallots, Choice, Electorate, Error, Event,
	Excluded, PendingBallots, Poll, PollKind, PollStatus, Polls, RecountVerdicts, Results, Tallies,
	Tally, Totals,
};

use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	traits::{Authorize, Hooks},
	BoundedVec,
};

use pallet_personhood_prover::{alias, prove, prove_by, prove_current};

use pallet_veche_personhood::crypto::{prover, Domain11};

use pallet_veche_primitives::{Alias, PollId, RingRef, RingSet};

use sp_runtime::{traits::BadOrigin, DispatchError, ModuleError};

mod pallet_personhood_prover {
	use super::*;
	use pallet_veche_personhood::crypto::{prover, Domain11};

	/// The alias of voter `i` in `poll`.
	pub fn alias(i: u8, poll: PollId) -> Alias {
		prover::alias(seed(i), &Polls::<Test>::get(poll).unwrap().context[..])
	}

	/// A proof by voter `i` over ring 0 of `set` as `poll`'s roll holds it, for the poll's
	/// context.
	pub fn prove(i: u8, set: RingSet, poll: PollId, message: &[u8]) -> (RingRef, Vec<u8>) {
		prove_by(seed(i), set, poll, message).expect("voter is a member of the roll's ring")
	}

	/// A proof by the key of `seed` over ring 0 of `set` in `poll`'s roll; `None` when the key
	/// is not in that revision.
	pub fn prove_by(
		seed: [u8; 32],
		set: RingSet,
		poll: PollId,
		message: &[u8],
	) -> Option<(RingRef, Vec<u8>)> {
		let info = Polls::<Test>::get(poll).unwrap();
		let (revision, members) = Personhood::roll_ring(set, 0, info.roll)?;
		let proof = prover::prove::<Domain11>(seed, &members, &info.context, message)?.0;
		Some((RingRef { set, index: 0, revision }, proof))
	}

	/// A proof by the key of `seed` over ring 0 of `set` as it stands now (its current
	/// revision), for `poll`'s context.
	pub fn prove_current(
		seed: [u8; 32],
		set: RingSet,
		poll: PollId,
		message: &[u8],
	) -> (RingRef, Vec<u8>) {
		let info = Polls::<Test>::get(poll).unwrap();
		let now = pallet_veche_personhood::RollClock::<Test>::get();
		let (revision, members) = Personhood::roll_ring(set, 0, now).unwrap();
		let proof = prover::prove::<Domain11>(seed, &members, &info.context, message).unwrap().0;
		(RingRef { set, index: 0, revision }, proof)
	}
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn authorized() -> RuntimeOrigin {
	frame_system::RawOrigin::Authorized.into()
}

fn choice(marks: &[u8]) -> Choice {
	BoundedVec::truncate_from(marks.to_vec())
}

/// Everyone in country 0 votes with weight 1; lawyers with weight 3.
fn national() -> Electorate {
	Electorate {
		units: BoundedVec::truncate_from(vec![COUNTRY]),
		base_weight: 1,
		class_weights: BoundedVec::truncate_from(vec![(LAWYERS, 3)]),
		aliases: None,
	}
}

/// Creates a poll of `kind` for `electorate`, open from now for 10 blocks.
fn poll_of(kind: PollKind, electorate: Electorate) -> PollId {
	let now = System::block_number();
	assert_ok!(Ballots::create_poll(signed(GOVERNANCE), kind, electorate, now, now + 10));
	crate::NextPollId::<Test>::get() - 1
}

/// A ballot of voter `i` in `poll` proven over their constituency ring.
fn ballot(i: u8, poll: PollId, marks: &[u8], sequence: u32) -> Ballot {
	let c = choice(marks);
	let message = crate::ballot_message(poll, &c, sequence);
	let (ring, proof) = prove(i, RingSet::Constituency(home(i)), poll, &message);
	Ballot {
		poll,
		choice: c,
		sequence,
		ring,
		proof: BoundedVec::truncate_from(proof),
		credential: None,
	}
}

/// The same ballot with a lawyer's credential proof by voter `by`.
fn with_credential(mut b: Ballot, by: u8) -> Ballot {
	let (ring, proof) = prove(by, RingSet::Credential(LAWYERS), b.poll, &b.message());
	b.credential = Some((ring, BoundedVec::truncate_from(proof)));
	b
}

/// How the pool judges a ballot.
fn pool_check(b: &Ballot) -> Result<(), TransactionValidityError> {
	crate::Call::<Test>::cast { ballot: b.clone() }
		.authorize(TransactionSource::External)
		.expect("cast is authorized by a function")
		.map(|_| ())
}

/// The custom error the pool reports for `e`.
fn refused(e: impl Into<DispatchError>) -> Result<(), TransactionValidityError> {
	let DispatchError::Module(ModuleError { error, .. }) = e.into() else { unreachable!() };
	Err(InvalidTransaction::Custom(error[0]).into())
}

/// Ends the current block (batch verification) and starts the next.
fn next_block() {
	let now = System::block_number();
	Ballots::on_finalize(now);
	System::set_block_number(now + 1);
}

/// Submits `ballots` as the pool and one block would: each passes the pool, is queued in the
/// block, and the block ends.
fn vote_in_one_block(ballots: &[Ballot]) {
	for b in ballots {
		assert_ok!(pool_check(b));
		assert_ok!(Ballots::cast(authorized(), b.clone()));
	}
	next_block();
}

fn run_to(n: u64) {
	while System::block_number() < n {
		next_block();
	}
}

fn tally(ballots: u32, turnout: u64, options: &[u64]) -> Tally {
	Tally { ballots, turnout, options: BoundedVec::truncate_from(options.to_vec()) }
}

/// Builds every ring with pending work.
fn build_rings() {
	while let Some((set, index)) =
		pallet_veche_personhood::PendingBuilds::<Test>::iter_keys().next()
	{
		assert_ok!(Personhood::build_ring(signed(ANYONE), set, index));
	}
}

/// Registers the keys of `seeds` in `town` as new persons and builds their ring.
fn newcomers(seeds: &[u8], town: u32) {
	for i in seeds {
		let key = prover::member([*i; 32]);
		let mut t = [0xB0; 32];
		t[0] = *i;
		assert_ok!(Personhood::register(signed(REGISTRAR), t, key, town));
	}
	assert_ok!(Personhood::admit_cohort(signed(ANYONE), RingSet::Constituency(town)));
	build_rings();
}

/// A ballot of the key of `seed` proven over the current revision of `town`'s ring.
fn ballot_of_current_key(seed: [u8; 32], town: u32, poll: PollId, marks: &[u8]) -> Ballot {
	let c = choice(marks);
	let message = crate::ballot_message(poll, &c, 1);
	let (ring, proof) = prove_current(seed, RingSet::Constituency(town), poll, &message);
	Ballot {
		poll,
		choice: c,
		sequence: 1,
		ring,
		proof: BoundedVec::truncate_from(proof),
		credential: None,
	}
}

mod batching;
mod casting;
mod lifecycle;
mod lists;
mod polls;
mod proofs;
mod ratings;
mod referenda;
mod rolls;
