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

#[docify::export]
#[test]
fn voters_cast_revote_and_the_poll_closes_with_results() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::SingleChoice { options: 3 }, national());
		// Voters 1 and 2 of town 2 and voter 5 of town 3 vote in one block.
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(2, poll, &[1], 1),
			ballot(5, poll, &[1], 1),
		]);
		assert_eq!(Tallies::<Test>::get(poll, TOWN), Some(tally(2, 2, &[1, 1, 0])));
		assert_eq!(Tallies::<Test>::get(poll, OTHER_TOWN), Some(tally(1, 1, &[0, 1, 0])));
		// Voter 2 changes their mind: the re-vote replaces the first ballot.
		run_to(4);
		vote_in_one_block(&[ballot(2, poll, &[2], 2)]);
		assert!(events().contains(&Event::BallotRecorded {
			poll,
			alias: alias(2, poll),
			territory: TOWN,
			choice: choice(&[2]),
			sequence: 2,
			weight: 1,
			replaced: true,
		}));
		// Each voter finds their ballot under their alias.
		assert_eq!(
			Ballots::ballot_of(poll, alias(2, poll)),
			Some(BallotRecord {
				territory: TOWN,
				choice: choice(&[2]),
				sequence: 2,
				weight: 1,
				cast_at: 4
			})
		);
		// After the end anyone closes the poll.
		run_to(11);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		let results = tally(3, 3, &[1, 1, 1]);
		assert_eq!(Results::<Test>::get(poll), Some(results.clone()));
		assert_eq!(
			events().last(),
			Some(&Event::PollClosed { poll, results, end: 11, appeal_end: 21, retain_until: 41 })
		);
		assert_eq!(Polls::<Test>::get(poll).unwrap().voters, 3);
	});
}

#[test]
fn a_ballot_with_the_same_sequence_is_rejected() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[ballot(1, poll, &[0], 1)]);
		run_to(5);
		let again = ballot(1, poll, &[1], 1);
		assert_eq!(pool_check(&again), refused(Error::<Test>::SequenceNotNext));
		assert_noop!(Ballots::cast(authorized(), again), Error::<Test>::SequenceNotNext);
	});
}

#[test]
fn an_older_ballot_cannot_be_replayed_after_a_revote() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		let first = ballot(3, poll, &[0], 1);
		vote_in_one_block(&[first.clone()]);
		run_to(4);
		vote_in_one_block(&[ballot(3, poll, &[1], 2)]);
		run_to(8);
		// The coercer replays the first, valid ballot: refused, the re-vote stands.
		assert_eq!(pool_check(&first), refused(Error::<Test>::SequenceNotNext));
		assert_noop!(Ballots::cast(authorized(), first), Error::<Test>::SequenceNotNext);
		assert_eq!(Ballots::ballot_of(poll, alias(3, poll)).unwrap().choice, choice(&[1]));
		assert_eq!(Totals::<Test>::get(poll), Some(tally(1, 1, &[0, 1])));
	});
}

#[test]
fn a_revote_must_wait_for_the_cooldown() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Two ballots of one voter in one block: the second is refused.
		let first = ballot(4, poll, &[0], 1);
		assert_ok!(Ballots::cast(authorized(), first));
		let second = ballot(4, poll, &[1], 2);
		assert_eq!(pool_check(&second), refused(Error::<Test>::RevoteTooSoon));
		assert_noop!(Ballots::cast(authorized(), second.clone()), Error::<Test>::RevoteTooSoon);
		next_block();
		// One block later (cooldown 2): still too soon; two blocks later: accepted.
		assert_noop!(Ballots::cast(authorized(), second.clone()), Error::<Test>::RevoteTooSoon);
		next_block();
		vote_in_one_block(&[second]);
		assert_eq!(Ballots::ballot_of(poll, alias(4, poll)).unwrap().sequence, 2);
	});
}

#[test]
fn ballots_before_the_start_and_after_the_end_are_rejected() {
	build_and_execute(|| {
		assert_ok!(Ballots::create_poll(signed(GOVERNANCE), PollKind::YesNo, national(), 3, 6));
		let early = ballot(1, 0, &[0], 1);
		assert_eq!(pool_check(&early), refused(Error::<Test>::NotYetOpen));
		assert_noop!(Ballots::cast(authorized(), early.clone()), Error::<Test>::NotYetOpen);
		run_to(6);
		assert_eq!(pool_check(&early), refused(Error::<Test>::VotingEnded));
		assert_noop!(Ballots::cast(authorized(), early), Error::<Test>::VotingEnded);
		assert_noop!(
			Ballots::cast(authorized(), Ballot { poll: 7, ..ballot(1, 0, &[0], 1) }),
			Error::<Test>::PollNotFound
		);
	});
}

#[test]
fn a_proof_from_a_ring_outside_the_electorate_is_rejected() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Voter 9 lives in country 10.
		let foreign = ballot(9, poll, &[0], 1);
		assert_eq!(pool_check(&foreign), refused(Error::<Test>::OutsideElectorate));
		assert_noop!(Ballots::cast(authorized(), foreign), Error::<Test>::OutsideElectorate);
		// A credential ring cannot stand in for a constituency.
		let mut as_lawyer = ballot(1, poll, &[0], 1);
		let (ring, proof) = prove(1, RingSet::Credential(LAWYERS), poll, &as_lawyer.message());
		as_lawyer.ring = ring;
		as_lawyer.proof = BoundedVec::truncate_from(proof);
		assert_noop!(Ballots::cast(authorized(), as_lawyer), Error::<Test>::NotAConstituencyRing);
		// A poll of town 2 only: voter 5 of town 3 is outside it.
		let local = poll_of(
			PollKind::YesNo,
			Electorate { units: BoundedVec::truncate_from(vec![TOWN]), ..national() },
		);
		assert_noop!(
			Ballots::cast(authorized(), ballot(5, local, &[0], 1)),
			Error::<Test>::OutsideElectorate
		);
	});
}

#[test]
fn a_forged_proof_is_refused_by_the_pool_and_dropped_at_the_end_of_a_block() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Someone outside the ring (seed 99) makes a proof over a ring where they took voter 1's
		// place: well-formed, but not for town 2's real ring.
		let mut forged = ballot(1, poll, &[0], 1);
		let mut members =
			pallet_veche_personhood::RingMembers::<Test>::get(RingSet::Constituency(TOWN), 0)
				.unwrap()
				.into_inner();
		members[0] = pallet_veche_personhood::crypto::prover::member(seed(99));
		let context = Polls::<Test>::get(poll).unwrap().context;
		let (proof, outsider) = pallet_veche_personhood::crypto::prover::prove::<
			pallet_veche_personhood::crypto::Domain11,
		>(seed(99), &members, &context, &forged.message())
		.unwrap();
		forged.proof = BoundedVec::truncate_from(proof);
		assert_eq!(pool_check(&forged), refused(Error::<Test>::InvalidProof));
		// A collator that skips its pool's checks gets nothing recorded: the batch drops it and
		// counts the honest ballot beside it.
		let honest = ballot(2, poll, &[1], 1);
		assert_ok!(Ballots::cast(authorized(), forged.clone()));
		assert_ok!(Ballots::cast(authorized(), honest));
		next_block();
		assert!(events().contains(&Event::BallotRejected {
			poll,
			alias: outsider,
			reason: pallet_veche_primitives::ProofError::InvalidProof,
		}));
		assert_eq!(StoredBallots::<Test>::iter_prefix(poll).count(), 1);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(1, 1, &[0, 1])));
		assert!(PendingBallots::<Test>::get().is_empty());
		// Garbage that is not even a proof is refused before verification.
		let garbage = Ballot { proof: BoundedVec::truncate_from(vec![1; 100]), ..forged };
		assert_noop!(Ballots::cast(authorized(), garbage), Error::<Test>::MalformedProof);
	});
}

#[test]
fn a_proof_for_another_polls_context_is_rejected() {
	build_and_execute(|| {
		let first = poll_of(PollKind::YesNo, national());
		let second = poll_of(PollKind::YesNo, national());
		// Made for the first poll's context, submitted to the second.
		let mut moved = ballot(1, first, &[0], 1);
		moved.poll = second;
		let message = moved.message();
		let (_, proof) = prove(1, RingSet::Constituency(TOWN), first, &message);
		moved.proof = BoundedVec::truncate_from(proof);
		assert_eq!(pool_check(&moved), refused(Error::<Test>::InvalidProof));
		// A proof over another choice does not carry this one either.
		let mut changed = ballot(1, first, &[0], 1);
		changed.choice = choice(&[1]);
		assert_eq!(pool_check(&changed), refused(Error::<Test>::InvalidProof));
		// Aliases differ between polls: the voter is unlinkable across them.
		assert_ne!(alias(1, first), alias(1, second));
	});
}

#[test]
fn choices_outside_the_poll_are_rejected() {
	build_and_execute(|| {
		let single = poll_of(PollKind::SingleChoice { options: 3 }, national());
		let approval = poll_of(PollKind::Approval { options: 4, max: 2 }, national());
		for (poll, marks, error) in [
			(single, &[3u8][..], Error::<Test>::ChoiceOutOfRange),
			(single, &[0, 1][..], Error::<Test>::TooManyMarks),
			(approval, &[0, 1, 2][..], Error::<Test>::TooManyMarks),
			(approval, &[2, 1][..], Error::<Test>::MarksNotAscending),
			(approval, &[1, 1][..], Error::<Test>::MarksNotAscending),
			(approval, &[4][..], Error::<Test>::ChoiceOutOfRange),
		] {
			let b = ballot(1, poll, marks, 1);
			let error = DispatchError::from(error);
			assert_eq!(pool_check(&b), refused(error));
			assert_noop!(Ballots::cast(authorized(), b), error);
		}
		// Approval of two, and a blank ballot, are fine.
		vote_in_one_block(&[ballot(1, approval, &[1, 3], 1), ballot(2, approval, &[], 1)]);
		assert_eq!(Totals::<Test>::get(approval), Some(tally(2, 2, &[0, 1, 0, 1])));
	});
}

#[test]
fn credentials_weigh_ballots_and_must_be_the_voters_own() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Voter 1 is a lawyer (weight 3); voter 2 is not (weight 1).
		vote_in_one_block(&[
			with_credential(ballot(1, poll, &[0], 1), 1),
			ballot(2, poll, &[1], 1),
		]);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(2, 4, &[3, 1])));
		// Voter 3 borrows lawyer 5's credential proof: another alias.
		let borrowed = with_credential(ballot(3, poll, &[0], 1), 5);
		assert_eq!(pool_check(&borrowed), refused(Error::<Test>::AliasMismatch));
		assert_noop!(Ballots::cast(authorized(), borrowed), Error::<Test>::AliasMismatch);
		// A poll of lawyers only: a ballot without the credential does not count.
		let lawyers = poll_of(PollKind::YesNo, Electorate { base_weight: 0, ..national() });
		assert_noop!(
			Ballots::cast(authorized(), ballot(2, lawyers, &[0], 1)),
			Error::<Test>::CredentialRequired
		);
		// A class the poll does not weigh does not count either.
		let plain =
			poll_of(PollKind::YesNo, Electorate { class_weights: BoundedVec::new(), ..national() });
		assert_noop!(
			Ballots::cast(authorized(), with_credential(ballot(1, plain, &[0], 1), 1)),
			Error::<Test>::CredentialNotCounted
		);
	});
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

#[test]
fn a_key_rotated_mid_poll_gives_no_second_ballot_and_votes_in_the_next_poll() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[ballot(3, poll, &[0], 1)]);
		// Mid-poll, the registrar rotates voter 3's key; the town's ring is rebuilt with it.
		let new_seed = [33u8; 32];
		assert_ok!(Personhood::rotate_key(signed(REGISTRAR), tag(3), prover::member(new_seed)));
		build_rings();
		// The new key is not in the poll's roll; proven over the new revision, it is refused.
		let message = crate::ballot_message(poll, &choice(&[1]), 1);
		assert!(prove_by(new_seed, RingSet::Constituency(TOWN), poll, &message).is_none());
		let second = ballot_of_current_key(new_seed, TOWN, poll, &[1]);
		assert_eq!(pool_check(&second), refused(Error::<Test>::NotInRoll));
		assert_noop!(Ballots::cast(authorized(), second), Error::<Test>::NotInRoll);
		// The person re-votes with the key of the roll: still one ballot.
		run_to(4);
		vote_in_one_block(&[ballot(3, poll, &[1], 2)]);
		assert_eq!(Polls::<Test>::get(poll).unwrap().voters, 1);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(1, 1, &[0, 1])));
		// In the next poll the new key votes, and the old one cannot: it is in no ring of that
		// roll, and a proof over the old revision is not in that roll.
		let next = poll_of(PollKind::YesNo, national());
		let message = crate::ballot_message(next, &choice(&[0]), 1);
		assert!(prove_by(seed(3), RingSet::Constituency(TOWN), next, &message).is_none());
		let old_roll = Polls::<Test>::get(poll).unwrap().roll;
		let (revision, members) =
			Personhood::roll_ring(RingSet::Constituency(TOWN), 0, old_roll).unwrap();
		let context = Polls::<Test>::get(next).unwrap().context;
		let stale = prover::prove::<Domain11>(seed(3), &members, &context, &message).unwrap().0;
		let old_key_ballot = Ballot {
			poll: next,
			choice: choice(&[0]),
			sequence: 1,
			ring: RingRef { set: RingSet::Constituency(TOWN), index: 0, revision },
			proof: BoundedVec::truncate_from(stale),
			credential: None,
		};
		assert_eq!(pool_check(&old_key_ballot), refused(Error::<Test>::NotInRoll));
		assert_noop!(Ballots::cast(authorized(), old_key_ballot), Error::<Test>::NotInRoll);
		vote_in_one_block(&[ballot_of_current_key(new_seed, TOWN, next, &[0])]);
		assert_eq!(Polls::<Test>::get(next).unwrap().voters, 1);
	});
}

#[test]
fn ballots_proven_against_the_roll_survive_a_ring_rebuilt_in_their_block() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		let honest = [ballot(1, poll, &[0], 1), ballot(2, poll, &[1], 1)];
		for b in &honest {
			assert_ok!(pool_check(b));
			assert_ok!(Ballots::cast(authorized(), b.clone()));
		}
		// In the same block a cohort joins town 2's ring and the ring is rebuilt.
		newcomers(&[21, 22], TOWN);
		next_block();
		assert!(!events().iter().any(|e| matches!(e, Event::BallotRejected { .. })));
		assert_eq!(Totals::<Test>::get(poll), Some(tally(2, 2, &[1, 1])));
		// The newcomers entered after the poll's roll was frozen: they vote from the next poll.
		let message = crate::ballot_message(poll, &choice(&[0]), 1);
		assert!(prove_by([21; 32], RingSet::Constituency(TOWN), poll, &message).is_none());
		let late = ballot_of_current_key([21; 32], TOWN, poll, &[0]);
		assert_noop!(Ballots::cast(authorized(), late), Error::<Test>::NotInRoll);
		let next = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[ballot_of_current_key([21; 32], TOWN, next, &[0])]);
		assert_eq!(Polls::<Test>::get(next).unwrap().voters, 1);
	});
}

#[test]
fn turnout_is_measured_against_the_roll_frozen_at_creation() {
	build_and_execute(|| {
		// Country 0 has voters 1–8 in built rings.
		let poll = poll_of(PollKind::YesNo, national());
		let info = Polls::<Test>::get(poll).unwrap();
		assert_eq!(info.roll_size, 8);
		assert!(events().contains(&Event::PollCreated {
			poll,
			context: info.context,
			kind: PollKind::YesNo,
			electorate: national(),
			roll: info.roll,
			roll_size: 8,
			start: 1,
			end: 11,
		}));
		// A suspended person is out of every later roll, not of this one.
		assert_ok!(Personhood::suspend(signed(GOVERNANCE), tag(6), [0; 32]));
		build_rings();
		let later = poll_of(PollKind::YesNo, national());
		assert_eq!(Polls::<Test>::get(later).unwrap().roll_size, 7);
		assert_eq!(Polls::<Test>::get(poll).unwrap().roll_size, 8);
		vote_in_one_block(&[ballot(6, poll, &[0], 1)]);
		assert_eq!(Polls::<Test>::get(poll).unwrap().voters, 1);
		let message = crate::ballot_message(later, &choice(&[0]), 1);
		assert!(prove_by(seed(6), RingSet::Constituency(OTHER_TOWN), later, &message).is_none());
	});
}

#[test]
fn no_ballot_counts_from_a_ring_below_the_floor_and_no_tally_is_published_for_it() {
	build_and_execute(|| {
		// Town 3's ring holds two keys; the floor rises to three.
		assert_ok!(Personhood::set_min_ring_size(signed(GOVERNANCE), 3));
		let poll = poll_of(PollKind::YesNo, national());
		let small = ballot(5, poll, &[0], 1);
		assert_eq!(pool_check(&small), refused(Error::<Test>::RingTooSmall));
		assert_noop!(Ballots::cast(authorized(), small), Error::<Test>::RingTooSmall);
		vote_in_one_block(&[ballot(1, poll, &[0], 1)]);
		assert_eq!(Tallies::<Test>::get(poll, OTHER_TOWN), None);
		assert_eq!(Tallies::<Test>::get(poll, TOWN), Some(tally(1, 1, &[1, 0])));
	});
}

#[test]
fn a_coerced_ballot_cannot_lock_out_a_revote() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// A coercer's ballot with the largest sequence number is refused: a first ballot is 1.
		let locked = ballot(2, poll, &[0], u32::MAX);
		assert_eq!(pool_check(&locked), refused(Error::<Test>::SequenceNotNext));
		assert_noop!(Ballots::cast(authorized(), locked), Error::<Test>::SequenceNotNext);
		vote_in_one_block(&[ballot(2, poll, &[0], 1)]);
		run_to(4);
		// Nor can a re-vote skip ahead: the next is exactly 2, and the voter can always cast it.
		let skip = ballot(2, poll, &[0], 3);
		assert_eq!(pool_check(&skip), refused(Error::<Test>::SequenceNotNext));
		assert_noop!(Ballots::cast(authorized(), skip), Error::<Test>::SequenceNotNext);
		vote_in_one_block(&[ballot(2, poll, &[1], 2)]);
		assert_eq!(Ballots::ballot_of(poll, alias(2, poll)).unwrap().choice, choice(&[1]));
	});
}

#[test]
fn an_electorate_with_a_unit_inside_another_is_refused() {
	build_and_execute(|| {
		let nested = Electorate {
			units: BoundedVec::truncate_from(vec![COUNTRY, TOWN]),
			base_weight: 1,
			class_weights: Default::default(),
		};
		assert_noop!(
			Ballots::create_poll(signed(GOVERNANCE), PollKind::YesNo, nested, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		let everyone = Electorate::everyone();
		assert_noop!(
			Ballots::create_poll(signed(GOVERNANCE), PollKind::YesNo, everyone, 1, 5),
			Error::<Test>::InvalidElectorate
		);
	});
}

#[test]
fn only_governance_creates_polls_and_only_well_formed_ones() {
	build_and_execute(|| {
		let create = |origin, kind, electorate, start, end| {
			Ballots::create_poll(origin, kind, electorate, start, end)
		};
		assert_noop!(create(signed(ANYONE), PollKind::YesNo, national(), 1, 5), BadOrigin);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::SingleChoice { options: 1 }, national(), 1, 5),
			Error::<Test>::InvalidKind
		);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::Approval { options: 3, max: 4 }, national(), 1, 5),
			Error::<Test>::InvalidKind
		);
		assert_noop!(
			create(
				signed(GOVERNANCE),
				PollKind::Approval { options: 65, max: 1 },
				national(),
				1,
				5
			),
			Error::<Test>::InvalidKind
		);
		let nobody = Electorate { units: BoundedVec::new(), ..national() };
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, nobody, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		let unknown = Electorate { units: BoundedVec::truncate_from(vec![77]), ..national() };
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, unknown, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		let twice = Electorate { units: BoundedVec::truncate_from(vec![TOWN, TOWN]), ..national() };
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, twice, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		let zero = Electorate {
			class_weights: BoundedVec::truncate_from(vec![(LAWYERS, 0)]),
			..national()
		};
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, zero, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		System::set_block_number(3);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, national(), 2, 5),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, national(), 5, 5),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, national(), 3, 104),
			Error::<Test>::VotingPeriodTooLong
		);
		// Units are stored sorted; each named unit is now in use.
		let two =
			Electorate { units: BoundedVec::truncate_from(vec![DIASPORA, TOWN]), ..national() };
		assert_ok!(create(signed(GOVERNANCE), PollKind::YesNo, two, 3, 103));
		let Poll { electorate, status, .. } = Polls::<Test>::get(0).unwrap();
		assert_eq!(electorate.units.into_inner(), vec![TOWN, DIASPORA]);
		assert_eq!(status, PollStatus::Ongoing);
		use pallet_veche_primitives::JurisdictionUsage;
		assert!(Ballots::unit_in_use(TOWN) && !Ballots::unit_in_use(OTHER_TOWN));
	});
}

#[test]
fn excluding_a_territory_recomputes_the_results_within_the_appeal_window() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(2, poll, &[0], 1),
			ballot(5, poll, &[1], 1),
			ballot(7, poll, &[1], 1),
		]);
		let reason = [7; 32];
		// Not before the end, not by anyone but the appeal body.
		assert_noop!(
			Ballots::exclude_territory(signed(APPEALS), poll, TOWN, reason),
			Error::<Test>::AppealTooEarly
		);
		run_to(11);
		assert_noop!(Ballots::exclude_territory(signed(ANYONE), poll, TOWN, reason), BadOrigin);
		assert_noop!(
			Ballots::exclude_territory(signed(APPEALS), poll, FOREIGN_TOWN, reason),
			Error::<Test>::TerritoryNotFound
		);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		assert_eq!(Results::<Test>::get(poll), Some(tally(4, 4, &[2, 2])));
		// Fraud proven in town 2: its two ballots no longer count.
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, TOWN, reason));
		assert_eq!(Results::<Test>::get(poll), Some(tally(2, 2, &[0, 2])));
		assert_eq!(Excluded::<Test>::get(poll, TOWN), Some(reason));
		assert!(events().contains(&Event::TerritoryExcluded {
			poll,
			territory: TOWN,
			reason,
			ballots: 2
		}));
		assert_noop!(
			Ballots::exclude_territory(signed(APPEALS), poll, TOWN, reason),
			Error::<Test>::AlreadyExcluded
		);
		// After the appeal window the results are final.
		run_to(21);
		assert_noop!(
			Ballots::exclude_territory(signed(APPEALS), poll, OTHER_TOWN, reason),
			Error::<Test>::AppealWindowClosed
		);
		assert_eq!(Ballots::results(poll), Some(tally(2, 2, &[0, 2])));
	});
}

#[test]
fn closing_needs_the_end_and_happens_once() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		assert_noop!(Ballots::close(signed(ANYONE), poll), Error::<Test>::VotingNotOver);
		assert_noop!(Ballots::close(signed(ANYONE), 9), Error::<Test>::PollNotFound);
		run_to(11);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		assert_eq!(Results::<Test>::get(poll), Some(tally(0, 0, &[0, 0])));
		assert_noop!(Ballots::close(signed(ANYONE), poll), Error::<Test>::AlreadyClosed);
	});
}

#[test]
fn a_recount_in_chunks_agrees_with_the_tallies_and_finds_a_corrupted_one() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::SingleChoice { options: 3 }, national());
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(2, poll, &[1], 1),
			ballot(3, poll, &[2], 1),
			ballot(5, poll, &[1], 1),
			ballot(7, poll, &[0], 1),
		]);
		assert_noop!(Ballots::recount(signed(ANYONE), poll, 2), Error::<Test>::NotRecountable);
		run_to(11);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		assert_noop!(Ballots::recount(signed(ANYONE), poll, 0), Error::<Test>::ZeroLimit);
		// Five ballots and three territories, two items per call: four calls.
		for _ in 0..3 {
			assert_ok!(Ballots::recount(signed(ANYONE), poll, 2));
			assert!(matches!(events().last(), Some(Event::RecountProgressed { .. })));
		}
		assert_ok!(Ballots::recount(signed(ANYONE), poll, 2));
		assert_eq!(
			events().last(),
			Some(&Event::RecountCompleted { poll, ballots: 5, territories: 3, mismatches: 0 })
		);
		assert_eq!(RecountVerdicts::<Test>::get(poll).unwrap().mismatches, 0);
		// Had a territorial tally been corrupted, the recount would say so.
		let original = Tallies::<Test>::get(poll, DIASPORA).unwrap();
		Tallies::<Test>::mutate(poll, DIASPORA, |x| x.as_mut().unwrap().options[1] += 1);
		assert_ok!(Ballots::recount(signed(ANYONE), poll, 100));
		assert_eq!(
			events().last(),
			Some(&Event::RecountCompleted { poll, ballots: 5, territories: 3, mismatches: 1 })
		);
		Tallies::<Test>::insert(poll, DIASPORA, original);
	});
}

#[test]
fn ballots_are_purged_in_chunks_after_the_retention_period() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(5, poll, &[1], 1),
			ballot(7, poll, &[1], 1),
		]);
		run_to(11);
		assert_noop!(Ballots::purge(signed(ANYONE), poll, 10), Error::<Test>::RetentionNotOver);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		// Appeal window 10, retention 20: ballots are kept until block 41.
		run_to(40);
		assert_noop!(Ballots::purge(signed(ANYONE), poll, 10), Error::<Test>::RetentionNotOver);
		run_to(41);
		assert_noop!(Ballots::recount(signed(ANYONE), poll, 10), Error::<Test>::NotRecountable);
		assert_ok!(Ballots::purge(signed(ANYONE), poll, 4));
		assert_eq!(
			events().last(),
			Some(&Event::BallotsPurged { poll, removed: 4, complete: false })
		);
		assert_ok!(Ballots::purge(signed(ANYONE), poll, 4));
		assert_eq!(
			events().last(),
			Some(&Event::BallotsPurged { poll, removed: 2, complete: true })
		);
		assert_eq!(Polls::<Test>::get(poll).unwrap().status, PollStatus::Purged);
		assert_eq!(Results::<Test>::get(poll), Some(tally(3, 3, &[1, 2])));
		assert_eq!(StoredBallots::<Test>::iter_prefix(poll).count(), 0);
		assert_noop!(Ballots::purge(signed(ANYONE), poll, 4), Error::<Test>::AlreadyPurged);
		use pallet_veche_primitives::JurisdictionUsage;
		assert!(!Ballots::unit_in_use(COUNTRY));
	});
}

#[test]
fn a_revote_waits_for_the_recorded_ballot_and_the_block_refunds_verification() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		let b1 = ballot(1, poll, &[0], 1);
		let b2 = ballot(1, poll, &[1], 2);
		let validity = |b: &Ballot, source| {
			crate::Call::<Test>::cast { ballot: b.clone() }
				.authorize(source)
				.unwrap()
				.unwrap()
		};
		let (v1, refund1) = validity(&b1, TransactionSource::External);
		assert_eq!(v1.longevity, 10);
		assert_eq!(refund1, frame_support::weights::Weight::zero());
		// A re-vote numbers itself after the recorded ballot: while the first waits in the pool,
		// the second is refused (the voter re-votes once the first is in a block).
		assert_eq!(pool_check(&b2), refused(Error::<Test>::SequenceNotNext));
		// In a block the proof is left to the batch: the full verification weight is refunded.
		use crate::WeightInfo;
		type W = ();
		let (_, refund) = validity(&b1, TransactionSource::InBlock);
		assert_eq!(refund, W::authorize_cast(1) - W::authorize_cast_in_block());
		assert!(refund.ref_time() > 0);
		// The first ballot of a block carries the batch's fixed cost, later ones do not.
		let fixed = W::finalize_ballots(0);
		let share = W::cast() + (W::finalize_ballots(1) - fixed);
		let call = crate::Call::<Test>::cast { ballot: b1.clone() };
		assert_eq!(call.get_dispatch_info().call_weight, share + fixed);
		let first = Ballots::cast(authorized(), b1).unwrap();
		assert_eq!(first.actual_weight, Some(share + fixed));
		let second = Ballots::cast(authorized(), ballot(2, poll, &[0], 1)).unwrap();
		assert_eq!(second.actual_weight, Some(share));
		next_block();
		assert_eq!(StoredBallots::<Test>::iter_prefix(poll).count(), 2);
		// Recorded, the re-vote is next: the same pool tag, a higher priority.
		run_to(4);
		let (v2, _) = validity(&b2, TransactionSource::External);
		assert_eq!(v1.provides, v2.provides);
		assert!(v2.priority > v1.priority);
	});
}

#[test]
fn a_full_block_refuses_more_ballots() {
	build_and_execute(|| {
		let poll = poll_of(PollKind::YesNo, national());
		// Fill the block's queue (32) with placeholder entries, then one real ballot.
		let b = ballot(1, poll, &[0], 1);
		let pending = crate::Pallet::<Test>::check_ballot(&b, 1).unwrap();
		let mut full = BoundedVec::new();
		for _ in 0..32 {
			full.try_push(pending.clone()).unwrap();
		}
		PendingBallots::<Test>::put(full);
		assert_noop!(
			Ballots::cast(authorized(), ballot(2, poll, &[0], 1)),
			Error::<Test>::TooManyBallotsInBlock
		);
		PendingBallots::<Test>::kill();
	});
}

/// Writes the benchmark proofs for the runtime's rings (`src/fixtures/bench-proofs-domain12.hex`)
/// when `VECHE_WRITE_FIXTURES=1`; otherwise checks that the committed ones verify, in one batch,
/// against the ring of the benchmark provers. Proofs are randomised, so rewriting changes the
/// bytes but never their validity.
#[test]
fn benchmark_fixtures_verify_in_one_batch() {
	use crate::fixtures;
	use pallet_veche_personhood::crypto::{prover, Bandersnatch, Domain12, RingVrf};
	type V = Bandersnatch<Domain12>;
	let mut ring: Vec<[u8; 32]> =
		(0..fixtures::PROVERS).map(|i| prover::member(fixtures::seed(i))).collect();
	ring.sort();
	let message = fixtures::message();
	let path = format!("{}/src/fixtures/bench-proofs-domain12.hex", env!("CARGO_MANIFEST_DIR"));
	if std::env::var("VECHE_WRITE_FIXTURES").as_deref() == Ok("1") {
		let lines: Vec<String> = (0..fixtures::PROVERS)
			.map(|i| {
				let (proof, _) = prover::prove::<Domain12>(
					fixtures::seed(i),
					&ring,
					&fixtures::CONTEXT,
					&message,
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
	let proofs: Vec<Vec<u8>> = (0..fixtures::PROVERS)
		.map(|i| fixtures::domain12_proof(i).expect("a proof per prover"))
		.collect();
	assert!(fixtures::domain12_proof(fixtures::PROVERS).is_none());
	let items: Vec<_> = proofs
		.iter()
		.map(|p| (&p[..], &commitment, &fixtures::CONTEXT[..], &message[..]))
		.collect();
	let aliases = V::batch_validate(&items);
	for (i, alias) in aliases.into_iter().enumerate() {
		let expected = prover::alias(fixtures::seed(i as u32), &fixtures::CONTEXT);
		assert_eq!(alias, Ok(expected), "fixture proof {i} does not verify");
		assert_eq!(V::claimed_alias(&proofs[i]), Some(expected));
	}
}

#[test]
fn the_people_decide_a_referendum_through_a_poll() {
	use crate::mock::referenda;
	use crate::PeopleTally;
	build_and_execute(|| {
		assert_noop!(
			Ballots::open_referendum(signed(ANYONE), 0),
			Error::<Test>::ReferendumNotFound
		);
		referenda::start(0);
		assert_ok!(Ballots::open_referendum(signed(ANYONE), 0));
		let poll = crate::ReferendumPolls::<Test>::get(0).unwrap();
		assert_eq!(events().last(), Some(&Event::ReferendumPollOpened { referendum: 0, poll }));
		assert_eq!(Polls::<Test>::get(poll).unwrap().kind, PollKind::YesNo);
		// Support is measured against everyone registered (10), from the start.
		assert_eq!(referenda::tally(0), Some(PeopleTally { electorate: 10, ..Default::default() }));
		assert_noop!(
			Ballots::open_referendum(signed(ANYONE), 0),
			Error::<Test>::ReferendumPollAlreadyExists
		);
		// Two yes, one no, one blank: the referendum's tally follows at the end of the block.
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(5, poll, &[0], 1),
			ballot(7, poll, &[1], 1),
			ballot(2, poll, &[], 1),
		]);
		let t = referenda::tally(0).unwrap();
		assert_eq!(t, PeopleTally { ayes: 2, nays: 1, turnout: 4, electorate: 10 });
		use frame_support::traits::VoteTally;
		assert_eq!(
			VoteTally::<u64, u16>::approval(&t, 0),
			sp_runtime::Perbill::from_rational(2u32, 3)
		);
		assert_eq!(VoteTally::<u64, u16>::support(&t, 0), sp_runtime::Perbill::from_percent(40));
		// Once the referendum is decided, its poll takes no more ballots.
		referenda::decide(0);
		run_to(4);
		let late = ballot(3, poll, &[0], 1);
		assert_eq!(pool_check(&late), refused(Error::<Test>::VotingEnded));
		assert_noop!(Ballots::cast(authorized(), late), Error::<Test>::VotingEnded);
	});
}

/// Starts people's referendum `index` and opens its poll.
fn open_people_referendum(index: u32) -> PollId {
	crate::mock::referenda::start(index);
	assert_ok!(Ballots::open_referendum(signed(ANYONE), index));
	crate::ReferendumPolls::<Test>::get(index).unwrap()
}

#[test]
fn a_referendum_poll_opened_early_takes_ballots_until_the_referendum_is_decided() {
	use crate::mock::referenda;
	build_and_execute(|| {
		let poll = open_people_referendum(0);
		// Nobody can close it while the referendum is being decided, however long it takes.
		run_to(500);
		assert_noop!(Ballots::close(signed(ANYONE), poll), Error::<Test>::VotingNotOver);
		// Everyone votes, in every country: voter 9 lives in country 10.
		vote_in_one_block(&[ballot(9, poll, &[0], 1), ballot(1, poll, &[1], 1)]);
		let t = referenda::tally(0).unwrap();
		assert_eq!((t.ayes, t.nays, t.turnout, t.electorate), (1, 1, 2, 10));
		// Once decided, ballots stop and anyone closes the poll; its windows start now.
		referenda::decide(0);
		run_to(503);
		assert_noop!(
			Ballots::cast(authorized(), ballot(2, poll, &[0], 1)),
			Error::<Test>::VotingEnded
		);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		let info = Polls::<Test>::get(poll).unwrap();
		assert_eq!((info.end, info.appeal_end, info.retain_until), (503, 513, 533));
	});
}

#[test]
fn a_territory_excluded_on_appeal_leaves_an_ongoing_referendums_tally() {
	use crate::mock::referenda;
	build_and_execute(|| {
		let poll = open_people_referendum(0);
		vote_in_one_block(&[
			ballot(1, poll, &[0], 1),
			ballot(2, poll, &[0], 1),
			ballot(5, poll, &[1], 1),
		]);
		assert_eq!(referenda::tally(0).unwrap().ayes, 2);
		// Fraud proven in town 2 while the referendum runs: its ballots leave the tally now.
		assert_noop!(Ballots::exclude_territory(signed(ANYONE), poll, TOWN, [1; 32]), BadOrigin);
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, TOWN, [1; 32]));
		let t = referenda::tally(0).unwrap();
		assert_eq!((t.ayes, t.nays, t.turnout), (0, 1, 1));
		// Later ballots of the excluded territory stay out.
		vote_in_one_block(&[ballot(3, poll, &[0], 1)]);
		let t = referenda::tally(0).unwrap();
		assert_eq!((t.ayes, t.nays, t.turnout), (0, 1, 1));
		assert_eq!(Tallies::<Test>::get(poll, TOWN).unwrap().ballots, 3);
	});
}
