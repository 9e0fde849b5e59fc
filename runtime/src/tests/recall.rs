//! Ratings and recall as the runtime composes them with the real ballots, personhood, elections
//! and promises pallets: the demo's Head of Birchwood rated by its residents, recalled on the
//! period whose approval collapsed, removed by a confidence vote, and a by-election called.

use super::civic::build_demo_rings;
use super::*;
use frame_support::{traits::Hooks, BoundedVec};
use pallet_veche_personhood::{crypto::Domain12, RingMembers, RingRoots};
use pallet_veche_primitives::{
	Officeholders, PollEngine, RatingBook, RecallOutcome, RingRef, RingSet,
};
use pallet_veche_recall::{Stage, TriggerRef};

/// The demo's Head of Birchwood and its office.
const HEAD: u32 = 7;
/// Birchwood, where demo persons 5–8 live.
const BIRCHWOOD: u32 = 3;

fn authorized() -> RuntimeOrigin {
	frame_system::RawOrigin::Authorized.into()
}

/// Demo person `person`'s ballot in `poll` marking `choice`, numbered `sequence`, proven over
/// Birchwood's ring as the poll's roll holds it.
fn demo_vote(person: u8, poll: u32, choice: &[u8], sequence: u32) -> pallet_veche_ballots::Ballot {
	let set = RingSet::Constituency(BIRCHWOOD);
	let members = RingMembers::<Runtime>::get(set, 0).unwrap();
	let revision = RingRoots::<Runtime>::get(set, 0).unwrap().revision;
	let context = pallet_veche_ballots::Polls::<Runtime>::get(poll).unwrap().context;
	let choice = BoundedVec::truncate_from(choice.to_vec());
	let message = pallet_veche_ballots::ballot_message(poll, &choice, sequence);
	let (proof, _) = pallet_veche_personhood::crypto::prover::prove::<Domain12>(
		crate::genesis_config_presets::demo_person_seed(person),
		&members,
		&context,
		&message,
	)
	.unwrap();
	pallet_veche_ballots::Ballot {
		poll,
		choice,
		sequence,
		ring: RingRef { set, index: 0, revision },
		proof: BoundedVec::truncate_from(proof),
		credential: None,
	}
}

/// Casts `ballots` in this block, ends it and starts the next.
fn vote_and_end_block(ballots: Vec<pallet_veche_ballots::Ballot>) {
	for b in ballots {
		assert_ok!(crate::Ballots::cast(authorized(), b));
	}
	next_block();
}

fn next_block() {
	let now = frame_system::Pallet::<Runtime>::block_number();
	crate::Ballots::on_finalize(now);
	frame_system::Pallet::<Runtime>::set_block_number(now + 1);
}

fn run_to(n: u32) {
	while frame_system::Pallet::<Runtime>::block_number() < n {
		next_block();
	}
}

fn check_invariants() {
	#[cfg(feature = "try-runtime")]
	{
		use frame_support::traits::{TryState, TryStateSelect};
		let now = frame_system::Pallet::<Runtime>::block_number();
		crate::AllPalletsWithSystem::try_state(now, TryStateSelect::All).expect("invariants hold");
	}
}

#[test]
fn the_demo_head_of_birchwood_serves_with_two_imported_periods_one_below_the_mark() {
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		preset_ext(preset).execute_with(|| {
			let bob = acc(Sr25519Keyring::Bob);
			let mandate = <crate::Elections as Officeholders<_, _>>::mandate(HEAD, &bob).unwrap();
			assert_eq!(mandate.since, 0);
			let history = crate::Ratings::history(bob.clone(), HEAD);
			assert_eq!(history.iter().map(|v| v.period).collect::<Vec<_>>(), vec![10, 11]);
			assert!(history[0].approval > sp_runtime::Perbill::from_percent(50));
			assert!(history[1].approval < sp_runtime::Perbill::from_percent(20));
			// The period the chain starts in follows them.
			assert_eq!(crate::Ratings::current_period().0, 12);
			// The portrait shows them.
			let portrait = pallet_veche_elections::Pallet::<Runtime>::portrait(bob);
			assert_eq!(portrait.ratings.len(), 2);
			assert!(portrait.recalls.is_empty());
			check_invariants();
		});
	}
}

#[test]
fn residents_rate_their_head_anonymously_and_only_they_do() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		build_demo_rings();
		let bob = acc(Sr25519Keyring::Bob);
		assert_ok!(crate::Ratings::open_period(authorized(), HEAD, bob.clone()));
		let period = crate::Ratings::current_period().0;
		let poll = pallet_veche_ratings::Periods::<Runtime>::get((&bob, HEAD, period))
			.unwrap()
			.poll
			.unwrap();
		// Every sphere: 20 grades at most. Person 5 disapproves, grades utilities (sphere 7) 1;
		// person 6 approves and grades the budget (sphere 1) 5.
		let utilities = [1u8, 0, 0, 0, 0, 0, 0, 0, 1];
		vote_and_end_block(vec![
			demo_vote(5, poll, &utilities, 1),
			demo_vote(6, poll, &[0, 0, 5], 1),
		]);
		let view = crate::Ratings::period(bob.clone(), HEAD, period).unwrap();
		assert_eq!((view.raters, view.approvals, view.disapprovals, view.roll_size), (2, 1, 1, 4));
		assert_eq!(view.spheres[7].histogram, [1, 0, 0, 0, 0, 0]);
		assert_eq!(view.spheres[1].majority.map(|m| m.grade), Some(5));
		// A German demo person is no resident of Birchwood.
		let set = RingSet::Constituency(5);
		let members = RingMembers::<Runtime>::get(set, 0).unwrap();
		let revision = RingRoots::<Runtime>::get(set, 0).unwrap().revision;
		let context = pallet_veche_ballots::Polls::<Runtime>::get(poll).unwrap().context;
		let choice = BoundedVec::truncate_from(vec![1u8]);
		let message = pallet_veche_ballots::ballot_message(poll, &choice, 1);
		let (proof, _) = pallet_veche_personhood::crypto::prover::prove::<Domain12>(
			crate::genesis_config_presets::demo_person_seed(1),
			&members,
			&context,
			&message,
		)
		.unwrap();
		let outsider = pallet_veche_ballots::Ballot {
			poll,
			choice,
			sequence: 1,
			ring: RingRef { set, index: 0, revision },
			proof: BoundedVec::truncate_from(proof),
			credential: None,
		};
		assert_noop!(
			crate::Ballots::cast(authorized(), outsider),
			pallet_veche_ballots::Error::<Runtime>::OutsideElectorate
		);
		check_invariants();
	});
}

#[test]
fn the_head_is_recalled_on_the_collapsed_period_and_a_by_election_is_called() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		build_demo_rings();
		let bob = acc(Sr25519Keyring::Bob);
		// The period with 55 % approval does not start a recall; the one with 13 % does.
		assert_noop!(
			crate::Recall::start_recall(authorized(), HEAD, bob.clone(), TriggerRef::Rating(10)),
			pallet_veche_recall::Error::<Runtime>::ApprovalNotLow
		);
		assert_eq!(
			<crate::Ratings as RatingBook<_, _>>::closed_period(HEAD, &bob, 11)
				.unwrap()
				.raters,
			70
		);
		assert_ok!(crate::Recall::start_recall(
			authorized(),
			HEAD,
			bob.clone(),
			TriggerRef::Rating(11)
		));
		let procedure = pallet_veche_recall::Running::<Runtime>::get(HEAD, &bob).unwrap();
		// Only Bob responds; he commits to nothing he never promised.
		assert_noop!(
			crate::Recall::respond(
				RuntimeOrigin::signed(acc(Sr25519Keyring::Charlie)),
				procedure,
				[1; 32],
				Default::default()
			),
			pallet_veche_recall::Error::<Runtime>::NotTheOfficial
		);
		assert_noop!(
			crate::Recall::respond(
				RuntimeOrigin::signed(bob.clone()),
				procedure,
				[1; 32],
				BoundedVec::truncate_from(vec![0])
			),
			pallet_veche_recall::Error::<Runtime>::NotTheirPromise
		);
		assert_ok!(crate::Recall::respond(
			RuntimeOrigin::signed(bob.clone()),
			procedure,
			[1; 32],
			Default::default()
		));
		// After ten minutes the vote opens; three of Birchwood's four remove him, one keeps.
		run_to(1 + 10 * crate::MINUTES);
		assert_ok!(crate::Recall::advance(authorized(), procedure));
		let Stage::Voting { poll } =
			pallet_veche_recall::Procedures::<Runtime>::get(procedure).unwrap().stage
		else {
			panic!("voting")
		};
		vote_and_end_block(vec![
			demo_vote(5, poll, &[0], 1),
			demo_vote(6, poll, &[0], 1),
			demo_vote(7, poll, &[0], 1),
			demo_vote(8, poll, &[1], 1),
		]);
		let summary = <crate::Ballots as PollEngine<_>>::summary(poll).unwrap();
		run_to(summary.appeal_end);
		assert_ok!(crate::Recall::advance(authorized(), procedure));
		let p = pallet_veche_recall::Procedures::<Runtime>::get(procedure).unwrap();
		assert!(matches!(p.stage, Stage::Ended { outcome: RecallOutcome::Removed, .. }));
		// The seat is vacated and a by-election for the rest of the term is open for
		// nominations; the record shows the recall.
		assert!(<crate::Elections as Officeholders<_, _>>::mandate(HEAD, &bob).is_none());
		let election = pallet_veche_elections::NextElectionId::<Runtime>::get() - 1;
		let info = pallet_veche_elections::Elections::<Runtime>::get(election).unwrap();
		assert_eq!(info.office, HEAD);
		assert_eq!(info.kind, pallet_veche_elections::ElectionKind::ByElection);
		assert_eq!(info.term_end, Some(2 * 365 * crate::DAYS));
		let portrait = pallet_veche_elections::Pallet::<Runtime>::portrait(bob.clone());
		assert_eq!(portrait.recalls[0].outcome, Some(RecallOutcome::Removed));
		assert!(portrait.offices.iter().any(|s| s.office == HEAD && s.left.is_some()));
		// A removed official is no longer rated.
		assert_noop!(
			crate::Ratings::open_period(authorized(), HEAD, bob),
			pallet_veche_ratings::Error::<Runtime>::NotServing
		);
		check_invariants();
	});
}
