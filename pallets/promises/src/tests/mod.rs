//! Unit tests of promises: making them at nomination, following them through the term, rating,
//! appeals, the record and clearing.

use crate::{
	mock::*, Appeal, ByCandidacy, Change, Error, Event, History, Promises as Stored, Records,
	Verdicts,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use pallet_veche_primitives::{
	CandidacyState, PolicySphere, PromiseBook, PromiseId, PromiseStatus, PromotionRecord, UnitKind,
};
use sp_runtime::traits::BadOrigin;

mod following;
mod making;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn title(s: &str) -> BoundedVec<u8, frame_support::traits::ConstU32<32>> {
	BoundedVec::truncate_from(s.as_bytes().to_vec())
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&crate::HoldReason::PromiseDeposit.into(), &who)
}

/// `CANDIDATE` nominating in `ELECTION` makes a promise with `deadline` and `parent`.
fn make_with(deadline: Option<u64>, parent: Option<PromiseId>) -> PromiseId {
	let id = crate::NextPromiseId::<Test>::get();
	assert_ok!(Promises::make(
		signed(CANDIDATE),
		ELECTION,
		title("Pave the school road"),
		[1; 32],
		PolicySphere::Transport,
		deadline,
		parent,
	));
	id
}

/// `CANDIDATE` nominating in `ELECTION` makes a promise without deadline or parent.
fn make() -> PromiseId {
	set_candidacy(CANDIDATE, ELECTION, CandidacyState::Nominating);
	make_with(None, None)
}

/// A promise of `CANDIDATE`, who then won `ELECTION` and serves until block 100.
fn elected_promise() -> PromiseId {
	let id = make();
	elect(CANDIDATE, ELECTION, 100);
	id
}

fn status(id: PromiseId) -> PromiseStatus {
	Stored::<Test>::get(id).unwrap().status
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Promises(e) => Some(e),
			_ => None,
		})
		.expect("an event of promises")
}
