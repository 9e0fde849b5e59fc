//! Unit tests of elections, voted with real ring-VRF proofs through the real ballots engine.

use crate::{
	mock::*, seats::Divisor, Apportionments, Candidacies, ElectionKind, ElectionPolls,
	Elections as StoredElections, Error, Event, Holders, ListRules, Lists, Method, OfficeRules,
	Outcomes, Records, Reserves, Running, Seat, Stage, Standing,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
use pallet_veche_personhood::crypto::{prover, Domain11};
use pallet_veche_primitives::{
	CandidacyInspect, CandidacyState, ElectionId, JurisdictionId, Mandate, PollId, RingRef, RingSet,
};
use sp_runtime::{traits::BadOrigin, Perbill};

mod lifecycle;
mod lists;
mod nominations;
mod phragmen;
mod phragmen_rule;
mod primaries;

/// Where `who`'s candidacy in `election` stands, as promises read it.
fn candidacy(who: u64, election: ElectionId) -> CandidacyState<u64> {
	<Elections as CandidacyInspect<u64, u64>>::candidacy(&who, election)
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Rules with `method`: a term of 100 blocks, nominations of at least 5, voting of 10.
fn rules(method: Method<frame_support::traits::ConstU32<3>>) -> crate::OfficeRulesOf<Test> {
	OfficeRules { method, term: 100, nomination: 5, voting: 10, promotion: false, primary: 0 }
}

/// The parliament's rules: lists in the three diaspora constituencies, at least one seat
/// each, D'Hondt, a `threshold`, two preferences.
fn list_rules(threshold: Perbill) -> crate::OfficeRulesOf<Test> {
	rules(Method::PartyList(ListRules {
		constituencies: BoundedVec::truncate_from(vec![GERMANY, POLAND, GEORGIA]),
		min_seats: 1,
		divisor: Divisor::DHondt,
		threshold,
		preferences: 2,
	}))
}

/// Sets `office`'s rules and schedules an election with voting from block 10.
fn scheduled(office: u32, r: crate::OfficeRulesOf<Test>) -> ElectionId {
	assert_ok!(Elections::set_rules(signed(COMMISSION), office, r));
	assert_ok!(Elections::schedule(signed(COMMISSION), office, 10));
	crate::NextElectionId::<Test>::get() - 1
}

/// The size of `election`, as a caller reads it before counting.
fn size(election: ElectionId) -> crate::ElectionSize {
	Elections::election_size(election).expect("the election exists")
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

/// The poll of `election` in `constituency` (outside lists: its only poll).
fn poll_of(election: ElectionId, constituency: Option<JurisdictionId>) -> PollId {
	let polls = ElectionPolls::<Test>::get(election);
	match constituency {
		Some(c) => polls.iter().find(|(x, _)| *x == c).expect("a poll there").1,
		None => polls[0].1,
	}
}

/// Voter `i` casts `marks` (their `sequence`-th ballot) in `poll`, proven over their
/// constituency's ring as the poll's roll holds it; the block ends.
fn vote_seq(i: u8, poll: PollId, marks: &[u8], sequence: u32) {
	let choice: pallet_veche_ballots::Choice = BoundedVec::truncate_from(marks.to_vec());
	let message = pallet_veche_ballots::ballot_message(poll, &choice, sequence);
	let info = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap();
	let set = RingSet::Constituency(home(i));
	let (revision, members) = Personhood::roll_ring(set, 0, info.roll).expect("a ring");
	let proof = prover::prove::<Domain11>(seed(i), &members, &info.context, &message)
		.expect("the voter is in the ring")
		.0;
	let ballot = pallet_veche_ballots::Ballot {
		poll,
		choice,
		sequence,
		ring: RingRef { set, index: 0, revision },
		proof: BoundedVec::truncate_from(proof),
		credential: None,
	};
	assert_ok!(Ballots::cast(frame_system::RawOrigin::Authorized.into(), ballot));
	next_block();
	let recorded = pallet_veche_ballots::Ballots::<Test>::iter_prefix(poll)
		.any(|(_, b)| b.sequence == sequence && b.choice.to_vec() == marks);
	assert!(recorded, "voter {i}'s ballot was recorded");
}

fn vote(i: u8, poll: PollId, marks: &[u8]) {
	vote_seq(i, poll, marks, 1)
}

/// Nominates each of `who` in `election` (outside lists).
fn nominate_all(election: ElectionId, who: &[u64]) {
	for w in who {
		assert_ok!(Elections::nominate(signed(*w), election, None));
	}
}

/// The seats of `election` as counted, by holder.
fn winners(election: ElectionId) -> Vec<u64> {
	Outcomes::<Test>::get(election)
		.unwrap_or_default()
		.iter()
		.map(|s| s.who)
		.collect()
}

/// Moves past every poll's appeal window of `election` and certifies it.
fn certify(election: ElectionId) {
	let end = ElectionPolls::<Test>::get(election)
		.iter()
		.map(|(_, p)| pallet_veche_ballots::Polls::<Test>::get(p).unwrap().appeal_end)
		.max()
		.unwrap_or(0);
	run_to(end.max(System::block_number()));
	assert_ok!(Elections::certify(signed(ANYONE), election, size(election)));
}
