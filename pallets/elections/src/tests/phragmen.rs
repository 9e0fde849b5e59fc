//! Proportional approval by sequential Phragmén: a claim computed off-chain from the stored
//! ballots, checked on chain a page at a time, accepted or refused with its fault; the seats
//! counted only while the accepted claim still matches the ballots.

use super::*;
use crate::{phragmen, Checked, ClaimOf, Claims};

/// The ballots of `poll` as the chain stores them: each one's approvals and weight.
fn stored_ballots(poll: PollId) -> Vec<(Vec<u8>, u64)> {
	pallet_veche_ballots::Ballots::<Test>::iter_prefix(poll)
		.map(|(_, b)| (b.choice.to_vec(), u64::from(b.weight)))
		.collect()
}

/// The ballots read and the fault of the last check of `claimant`'s claim in `e`.
fn checked(e: ElectionId, claimant: u64) -> Option<(u32, Option<phragmen::Fault>)> {
	events().into_iter().rev().find_map(|ev| match ev {
		Event::PhragmenChecked { election, claimant: c, ballots, fault, .. }
			if election == e && c == claimant =>
		{
			Some((ballots, fault))
		},
		_ => None,
	})
}

fn claim(winners: &[phragmen::Winner]) -> ClaimOf {
	BoundedVec::truncate_from(winners.to_vec())
}

/// A Phragmén council election of the three-seat council between 100–104, voted and counted:
/// four voters approve of 100, 101 and 102 together, two of 103 alone.
fn voted_council() -> (ElectionId, PollId) {
	let e = scheduled(COUNCIL, rules(Method::Phragmen));
	nominate_all(e, &[100, 101, 102, 103, 104]);
	run_to(10);
	assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
	let poll = poll_of(e, None);
	// Approve of any number: the ballot allows all five.
	let kind = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap().kind;
	assert_eq!(kind, pallet_veche_ballots::PollKind::Approval { options: 5, max: 5 });
	for i in 1..=4 {
		vote(i, poll, &[0, 1, 2]);
	}
	vote(5, poll, &[3]);
	vote(6, poll, &[3]);
	run_to(20);
	assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
	(e, poll)
}

#[test]
fn a_checked_claim_gives_the_minority_its_seat() {
	build_and_execute(|| {
		let (e, poll) = voted_council();
		// Counted, but no seat is known until a claim is checked.
		assert!(winners(e).is_empty());
		assert_noop!(Elections::certify(signed(ANYONE), e, size(e)), Error::<Test>::AppealsOpen);
		certify_blocked_until_claimed(e);
		let winners_claimed = phragmen::elect(&stored_ballots(poll), 5, 3);
		// Approval would seat 100, 101 and 102; Phragmén seats 103 for the third who want it.
		assert_eq!(winners_claimed.iter().map(|(c, _)| *c).collect::<Vec<_>>(), vec![0, 1, 3]);
		assert_ok!(Elections::claim_phragmen(signed(120), e, claim(&winners_claimed)));
		assert_eq!(Balances::free_balance(120), 10_000 - CLAIM_DEPOSIT);
		assert!(events().contains(&Event::PhragmenClaimed {
			election: e,
			claimant: 120,
			deposit: CLAIM_DEPOSIT,
			winners: winners_claimed.clone(),
		}));
		// One claim at a time.
		assert_noop!(
			Elections::claim_phragmen(signed(121), e, claim(&winners_claimed)),
			Error::<Test>::ClaimInProgress
		);
		assert_noop!(Elections::check_phragmen(signed(ANYONE), e, 0), Error::<Test>::LimitTooSmall);
		// Six ballots, two a call: the third call reads the last two and decides.
		for _ in 0..2 {
			assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 2));
			assert!(Claims::<Test>::contains_key(e), "not done before every ballot is read");
		}
		assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 2));
		assert!(!Claims::<Test>::contains_key(e));
		assert_eq!(checked(e, 120), Some((6, None)));
		assert_eq!(winners(e), vec![100, 101, 103]);
		assert_eq!(Balances::free_balance(120), 10_000, "the deposit is returned");
		// The support checked is the poll's results: four approvals each for 100–102, two for
		// 103, none for 104, each ballot at its weight.
		let results = <Ballots as pallet_veche_primitives::PollEngine<u64>>::results(poll).unwrap();
		let support: Vec<u128> = results.options.iter().map(|v| u128::from(*v)).collect();
		assert_eq!(Checked::<Test>::get(e).unwrap().to_vec(), support);
		let w = support[3] / 2;
		assert_eq!(support, vec![4 * w, 4 * w, 4 * w, 2 * w, 0]);
		// Nothing left to claim or check.
		assert_noop!(
			Elections::claim_phragmen(signed(121), e, claim(&winners_claimed)),
			Error::<Test>::AlreadyCounted
		);
		assert_noop!(Elections::check_phragmen(signed(ANYONE), e, 2), Error::<Test>::NoClaim);
		// Counting again keeps the accepted seats while the ballots are unchanged.
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		assert_eq!(winners(e), vec![100, 101, 103]);
		certify(e);
		let held: Vec<u64> = Holders::<Test>::get(COUNCIL).iter().map(|h| h.seat.who).collect();
		assert_eq!(held, vec![100, 101, 103]);
	});
}

/// Certification waits for an accepted claim, whatever the clock says.
fn certify_blocked_until_claimed(e: ElectionId) {
	let end = ElectionPolls::<Test>::get(e)
		.iter()
		.map(|(_, p)| pallet_veche_ballots::Polls::<Test>::get(p).unwrap().appeal_end)
		.max()
		.unwrap();
	let now = System::block_number();
	run_to(end);
	assert_noop!(Elections::certify(signed(ANYONE), e, size(e)), Error::<Test>::ClaimNeeded);
	let _ = now;
}

#[test]
fn a_wrong_claim_is_refused_and_its_deposit_forfeited() {
	build_and_execute(|| {
		let (e, poll) = voted_council();
		let right = phragmen::elect(&stored_ballots(poll), 5, 3);
		// Approval voting's winners, each at the load it would take: in the third round 103's
		// load is smaller.
		let third = phragmen::load(4, 4 * right[1].1).unwrap();
		let wrong = vec![right[0], right[1], (2, third)];
		assert_ok!(Elections::claim_phragmen(signed(120), e, claim(&wrong)));
		assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 100));
		assert_eq!(
			checked(e, 120),
			Some((6, Some(phragmen::Fault::NotLeast { round: 2, candidate: 3 })))
		);
		assert!(winners(e).is_empty());
		assert_eq!(Balances::free_balance(120), 10_000 - CLAIM_DEPOSIT);
		assert_eq!(Balances::free_balance(FORFEITS), CLAIM_DEPOSIT);
		// Leaving a seat empty while someone is approved is wrong too.
		assert_ok!(Elections::claim_phragmen(signed(121), e, claim(&right[..2])));
		assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 100));
		assert_eq!(checked(e, 121), Some((6, Some(phragmen::Fault::TooFew))));
		// The right claim is still welcome.
		assert_ok!(Elections::claim_phragmen(signed(122), e, claim(&right)));
		assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 100));
		assert_eq!(winners(e), vec![100, 101, 103]);
	});
}

#[test]
fn malformed_claims_and_claims_out_of_place_change_nothing() {
	build_and_execute(|| {
		let plurality = scheduled(OTHER_MAYOR, rules(Method::Plurality));
		let early = scheduled(MAYOR, rules(Method::Phragmen));
		let (e, poll) = voted_council();
		let right = phragmen::elect(&stored_ballots(poll), 5, 3);
		assert_noop!(
			Elections::claim_phragmen(signed(120), plurality, claim(&right)),
			Error::<Test>::NotPhragmen
		);
		assert_noop!(
			Elections::claim_phragmen(signed(120), 77, claim(&right)),
			Error::<Test>::ElectionNotFound
		);
		// More winners than seats; a winner twice; a candidate not on the ballot.
		let four = vec![right[0], right[1], right[2], (4, 1)];
		assert_noop!(
			Elections::claim_phragmen(signed(120), e, claim(&four)),
			Error::<Test>::InvalidClaim
		);
		assert_noop!(
			Elections::claim_phragmen(signed(120), e, claim(&[right[0], right[0]])),
			Error::<Test>::InvalidClaim
		);
		assert_noop!(
			Elections::claim_phragmen(signed(120), e, claim(&[(5, 1)])),
			Error::<Test>::InvalidClaim
		);
		// A claimant who cannot hold the deposit.
		assert_noop!(
			Elections::claim_phragmen(signed(77), e, claim(&right)),
			sp_runtime::TokenError::FundsUnavailable
		);
		// Before counting, nothing can be claimed.
		assert_noop!(
			Elections::claim_phragmen(signed(120), early, claim(&[])),
			Error::<Test>::WrongStage
		);
	});
}

#[test]
fn an_exclusion_during_a_check_makes_the_claim_stale_at_no_cost() {
	build_and_execute(|| {
		let (e, poll) = voted_council();
		let right = phragmen::elect(&stored_ballots(poll), 5, 3);
		// Half the ballots are read when the appeal body excludes the town: the check ends
		// stale, and the deposit goes back (nobody's fault).
		assert_ok!(Elections::claim_phragmen(signed(120), e, claim(&right)));
		assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 3));
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, TOWN, [9; 32]));
		assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 100));
		assert_eq!(checked(e, 120), Some((3, Some(phragmen::Fault::Stale))));
		assert_eq!(Balances::free_balance(120), 10_000);
		assert!(winners(e).is_empty());
	});
}

#[test]
fn an_exclusion_after_acceptance_needs_a_new_claim() {
	build_and_execute(|| {
		let (e, poll) = voted_council();
		let right = phragmen::elect(&stored_ballots(poll), 5, 3);
		assert_ok!(Elections::claim_phragmen(signed(120), e, claim(&right)));
		assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 100));
		assert_eq!(winners(e), vec![100, 101, 103]);
		// Every ballot of the town is excluded on appeal: the accepted seats no longer stand.
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, TOWN, [9; 32]));
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		assert!(winners(e).is_empty());
		// The old claim is now wrong (nobody approves of anyone counted)...
		assert_ok!(Elections::claim_phragmen(signed(121), e, claim(&right)));
		assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 100));
		assert_eq!(checked(e, 121), Some((0, Some(phragmen::Fault::WrongLoad { round: 0 }))));
		// ...and the empty outcome is right.
		assert_ok!(Elections::claim_phragmen(signed(122), e, claim(&[])));
		assert_ok!(Elections::check_phragmen(signed(ANYONE), e, 100));
		assert_eq!(checked(e, 122), Some((0, None)));
		assert!(Checked::<Test>::contains_key(e));
		assert!(winners(e).is_empty());
	});
}
