//! Unit tests of recall, with real petitions and confidence votes through the real ballots
//! engine, and ratings, officeholders and promises stood in for.

use crate::{
	mock::*, Error, Event, Last, Petitions, ProcedureId, Procedures, Record, Rules, Running, Stage,
	Trigger, TriggerRef, VoteCount,
};
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	traits::{Authorize, Hooks},
	BoundedVec,
};
use pallet_veche_ballots::Ballot;
use pallet_veche_personhood::crypto::{prover, Domain11};
use pallet_veche_primitives::{PollId, RecallOutcome, RingRef, RingSet};
use sp_runtime::{DispatchError, Perbill};

mod petitions;
mod procedure;
mod triggers;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn authorized() -> RuntimeOrigin {
	frame_system::RawOrigin::Authorized.into()
}

/// Ends the current block (ballots are verified and counted) and starts the next.
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

/// What the pool says of `call`'s authorization.
fn pool_check(call: crate::Call<Test>) -> Result<(), TransactionValidityError> {
	call.authorize(TransactionSource::External)
		.expect("authorized call")
		.map(|_| ())
}

/// The pool's refusal with `e`'s index.
fn refused(e: impl Into<DispatchError>) -> Result<(), TransactionValidityError> {
	let DispatchError::Module(m) = e.into() else { unreachable!() };
	Err(InvalidTransaction::Custom(m.error[0]).into())
}

/// Voter `i`'s ballot in the yes/no `poll`: option 0 (sign, remove) or 1 (withdraw, keep).
fn ballot(i: u8, poll: PollId, option: u8, sequence: u32) -> Ballot {
	let choice = BoundedVec::truncate_from(vec![option]);
	let message = pallet_veche_ballots::ballot_message(poll, &choice, sequence);
	let info = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap();
	let set = RingSet::Constituency(home(i));
	let (revision, members) = Personhood::roll_ring(set, 0, info.roll).unwrap();
	let proof = prover::prove::<Domain11>(seed(i), &members, &info.context, &message).unwrap().0;
	Ballot {
		poll,
		choice,
		sequence,
		ring: RingRef { set, index: 0, revision },
		proof: BoundedVec::truncate_from(proof),
		credential: None,
	}
}

/// Casts `ballots` in one block (each checked by the pool first) and ends it.
fn vote_in_one_block(ballots: &[Ballot]) {
	for b in ballots {
		let call = pallet_veche_ballots::Call::<Test>::cast { ballot: b.clone() };
		call.authorize(TransactionSource::External)
			.expect("authorized")
			.expect("valid ballot");
		assert_ok!(Ballots::cast(authorized(), b.clone()));
	}
	next_block();
}

/// Starts a recall of the mayor after the grace on a period nobody approved, with the town's
/// six persons rating; returns the procedure.
fn recall_the_mayor() -> ProcedureId {
	seat(MAYOR, MAYOR_ACCOUNT, 1, 10_000);
	run_to(1 + GRACE);
	rated(MAYOR, MAYOR_ACCOUNT, 0, 1, 6, 6);
	let call = crate::Call::<Test>::start_recall {
		office: MAYOR,
		who: MAYOR_ACCOUNT,
		trigger: TriggerRef::Rating(0),
	};
	assert_eq!(pool_check(call), Ok(()));
	assert_ok!(Recall::start_recall(authorized(), MAYOR, MAYOR_ACCOUNT, TriggerRef::Rating(0)));
	Running::<Test>::get(MAYOR, MAYOR_ACCOUNT).expect("a procedure runs")
}

/// The confidence vote's poll of `procedure`.
fn vote_poll(procedure: ProcedureId) -> PollId {
	match Procedures::<Test>::get(procedure).unwrap().stage {
		Stage::Voting { poll } => poll,
		other => panic!("not voting: {other:?}"),
	}
}
