//! Unit tests of ratings, rated with real ring-VRF proofs through the real ballots engine.

use crate::{
	mock::*, Bars, Error, Event, History, PeriodIndex, PeriodResult, Periods, PromotionBar,
	RatingPeriod,
};
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	traits::{Authorize, Hooks},
	BoundedVec,
};
use pallet_veche_ballots::Ballot;
use pallet_veche_personhood::crypto::{prover, Domain11};
use pallet_veche_primitives::{PollId, RingRef, RingSet};
use sp_runtime::DispatchError;

mod closing;
mod periods;
mod promotion;
mod rating;

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

/// Opens the current period of `who` in `office` as anyone would (after the pool's check) and
/// returns its poll.
fn open(office: u32, who: u64) -> PollId {
	let call = crate::Call::<Test>::open_period { office, who };
	call.authorize(TransactionSource::External).expect("authorized").expect("valid");
	assert_ok!(Ratings::open_period(authorized(), office, who));
	let period = Ratings::period_of(System::block_number());
	Periods::<Test>::get((who, office, period)).expect("open").poll.expect("a poll")
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

/// Voter `i`'s rating in `poll`: approval (or not), then a grade per sphere (0: none).
fn rating(i: u8, poll: PollId, approve: bool, grades: &[u8], sequence: u32) -> Ballot {
	let choice: Vec<u8> = core::iter::once(if approve { 0 } else { 1 })
		.chain(grades.iter().copied())
		.collect();
	let choice = BoundedVec::truncate_from(choice);
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

/// Casts `ratings` in one block (each checked by the pool first) and ends it.
fn rate_in_one_block(ratings: &[Ballot]) {
	for b in ratings {
		let call = pallet_veche_ballots::Call::<Test>::cast { ballot: b.clone() };
		call.authorize(TransactionSource::External)
			.expect("authorized")
			.expect("valid rating");
		assert_ok!(Ballots::cast(authorized(), b.clone()));
	}
	next_block();
}
