//! The jury's vote: a ballots poll whose electorate is exactly the seated jurors' aliases, and
//! the verdict the registry receives.

use super::*;
use pallet_veche_ballots::{Ballot, Choice};
use pallet_veche_primitives::Electorate;

/// A jury of 3 lawyers, drawn and fully seated; returns it, its jurors and its poll.
fn seated_jury() -> (JuryId, Vec<u8>, PollId) {
	let jury = send(3, true);
	enrol_all(jury, &[1, 2, 3, 4, 7, 8]);
	randomness_after_freeze();
	assert_ok!(Juries::draw(signed(ANYONE), jury, 10));
	let jurors = summoned(jury);
	for i in &jurors {
		submit(acceptance(*i, jury));
	}
	let JuryStage::Voting { poll } = stage(jury) else { panic!("voting") };
	(jury, jurors, poll)
}

/// Person `i`'s ballot in the jury's poll, proven in the jury's context against its roll.
fn ballot(i: u8, jury: JuryId, poll: PollId, yes: bool, sequence: u32) -> Ballot {
	let choice: Choice = BoundedVec::truncate_from(vec![if yes { 0 } else { 1 }]);
	let message = pallet_veche_ballots::ballot_message(poll, &choice, sequence);
	let (ring, proof) = proof_in(i, jury, RingSet::Constituency(home(i)), &message);
	Ballot { poll, choice, sequence, ring, proof, credential: None }
}

fn ballot_check(b: &Ballot) -> Result<(), TransactionValidityError> {
	pallet_veche_ballots::Call::<Test>::cast { ballot: b.clone() }
		.authorize(TransactionSource::External)
		.expect("cast is authorized by a function")
		.map(|_| ())
}

/// Casts `ballots` in one block, each checked by the pool first.
fn vote(ballots: &[Ballot]) {
	for b in ballots {
		assert_ok!(ballot_check(b));
		assert_ok!(Ballots::cast(authorized(), b.clone()));
	}
	next_block();
}

#[test]
fn a_seated_jury_votes_a_bill_into_law() {
	build_and_execute(|| {
		let (jury, jurors, poll) = seated_jury();
		let summary = <Ballots as pallet_veche_primitives::PollEngine<u64>>::summary(poll).unwrap();
		let info = Juries::jury(jury).unwrap();
		// The poll draws aliases in the jury's context, from the jury's roll; its base is the jury.
		assert_eq!(
			(summary.context, summary.roll, summary.roll_size),
			(info.context, info.roll, 3)
		);
		vote(&[
			ballot(jurors[0], jury, poll, true, 1),
			ballot(jurors[1], jury, poll, true, 1),
			ballot(jurors[2], jury, poll, false, 1),
		]);
		// A juror changes their mind and back: re-voting works as in any poll.
		run_to(System::block_number() + 2);
		vote(&[ballot(jurors[2], jury, poll, true, 2)]);
		run_to(System::block_number() + 2);
		vote(&[ballot(jurors[2], jury, poll, false, 3)]);
		assert_noop!(
			Juries::conclude(signed(ANYONE), jury),
			pallet_veche_ballots::Error::<Test>::VotingNotOver
		);
		run_to(summary.end);
		assert_ok!(Juries::conclude(signed(ANYONE), jury));
		assert_eq!(verdicts(), vec![(jury, BILL, 2, true)]);
		assert_eq!(stage(jury), JuryStage::Decided { adopted: true, poll });
		assert_eq!(
			events().last(),
			Some(&Event::Decided { jury, act: BILL, adopted: true, ayes: 2, nays: 1, seated: 3 })
		);
		assert_eq!(crate::JuryOfAct::<Test>::get(BILL), None);
		assert_noop!(Juries::conclude(signed(ANYONE), jury), Error::<Test>::NotVoting);
		// The jury's roll is now held by its poll alone.
		assert!(crate::LiveRolls::<Test>::iter().next().is_none());
	});
}

#[test]
fn less_than_a_majority_of_the_seated_jury_rejects_the_bill() {
	build_and_execute(|| {
		let (jury, jurors, poll) = seated_jury();
		// One yes and nobody else: a majority of the votes cast, not of the jury.
		vote(&[ballot(jurors[0], jury, poll, true, 1)]);
		run_to(System::block_number() + VOTING);
		assert_ok!(Juries::conclude(signed(ANYONE), jury));
		assert_eq!(verdicts(), vec![(jury, BILL, 2, false)]);
		assert_eq!(
			events().last(),
			Some(&Event::Decided { jury, act: BILL, adopted: false, ayes: 1, nays: 0, seated: 3 })
		);
	});
}

#[test]
fn only_seated_jurors_vote() {
	build_and_execute(|| {
		let (jury, jurors, poll) = seated_jury();
		// A volunteer who was not drawn, and a person who never volunteered.
		let undrawn = [1u8, 2, 3, 4, 7, 8].into_iter().find(|i| !jurors.contains(i)).unwrap();
		for outsider in [undrawn, 5] {
			let b = ballot(outsider, jury, poll, true, 1);
			assert_eq!(
				ballot_check(&b),
				refused(pallet_veche_ballots::Error::<Test>::NotOnAliasList)
			);
			assert_noop!(
				Ballots::cast(authorized(), b),
				pallet_veche_ballots::Error::<Test>::NotOnAliasList
			);
		}
		// Governance cannot make a poll of a jury's alias list.
		let info = Juries::jury(jury).unwrap();
		let list = pallet_veche_primitives::AliasList {
			list: jury,
			context: info.context,
			roll: info.roll,
			size: 3,
		};
		let electorate = Electorate::of_list(BoundedVec::truncate_from(vec![REGION]), list);
		assert_noop!(
			Ballots::create_poll(
				signed(GOVERNANCE),
				pallet_veche_primitives::PollKind::YesNo,
				electorate,
				5,
				20
			),
			pallet_veche_ballots::Error::<Test>::InvalidElectorate
		);
	});
}

#[test]
fn conclude_needs_a_voting_jury() {
	build_and_execute(|| {
		let jury = send(3, true);
		assert_noop!(Juries::conclude(signed(ANYONE), jury), Error::<Test>::NotVoting);
		assert_noop!(Juries::conclude(signed(ANYONE), jury + 1), Error::<Test>::JuryNotFound);
	});
}
