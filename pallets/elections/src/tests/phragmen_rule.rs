//! The published Phragmén rule on its own (`crate::phragmen`): elected against
//! `sp-npos-elections`, checked in one pass, and every fault a claim can have.

use crate::phragmen::*;

/// Checks `claim` against `ballots` as the chain does, in one pass.
fn check(
	ballots: &[(Vec<u8>, u64)],
	options: u8,
	seats: u32,
	claim: &[Winner],
) -> Result<(), Fault> {
	let mut sums = Sums::new(options, claim.len());
	for (marks, weight) in ballots {
		sums.add(claim, marks, *weight);
	}
	sums.verify(claim, seats)
}

fn ballots(profile: &[(&[u8], u64)]) -> Vec<(Vec<u8>, u64)> {
	profile.iter().map(|(m, w)| (m.to_vec(), *w)).collect()
}

/// Sequential Phragmén as `sp-npos-elections` (the staking elections' reference) computes it:
/// the winners in the order elected.
fn reference(ballots: &[(Vec<u8>, u64)], options: u8, seats: u32) -> Vec<u8> {
	let voters = ballots
		.iter()
		.enumerate()
		.map(|(v, (marks, w))| {
			(1_000 + v as u32, *w, marks.iter().map(|m| u32::from(*m)).collect::<Vec<_>>())
		})
		.collect::<Vec<_>>();
	let result = sp_npos_elections::seq_phragmen::<u32, sp_runtime::Perbill>(
		seats as usize,
		(0..u32::from(options)).collect(),
		voters,
		None,
	)
	.expect("the reference elects");
	result.winners.into_iter().map(|(c, _)| c as u8).collect()
}

#[test]
fn the_rule_elects_as_the_reference_implementation_does() {
	// Random profiles: 8 candidates, 3–40 ballots of distinct weights approving of 1–4
	// candidates each, 1–5 seats. A linear congruential generator keeps them fixed.
	let mut state = 0x2545_f491_4f6c_dd1du64;
	let mut next = |n: u64| {
		state = state
			.wrapping_mul(6_364_136_223_846_793_005)
			.wrapping_add(1_442_695_040_888_963_407);
		(state >> 33) % n
	};
	let mut compared = 0;
	for _ in 0..300 {
		let count = 3 + next(38) as usize;
		let mut ballots = Vec::with_capacity(count);
		for _ in 0..count {
			let mut marks: Vec<u8> = (0..1 + next(4)).map(|_| next(8) as u8).collect();
			marks.sort_unstable();
			marks.dedup();
			ballots.push((marks, 1 + next(1_000_000)));
		}
		let seats = 1 + next(5) as u32;
		let ours = elect(&ballots, 8, seats);
		let chosen: Vec<u8> = ours.iter().map(|(c, _)| *c).collect();
		assert_eq!(chosen, reference(&ballots, 8, seats), "profile {ballots:?}, {seats} seats");
		assert_eq!(check(&ballots, 8, seats, &ours), Ok(()));
		compared += 1;
	}
	assert_eq!(compared, 300);
}

#[test]
fn a_cohesive_third_gets_a_third_of_the_seats() {
	// Two thirds approve of candidates 0, 1, 2; a third of 3, 4, 5; three seats. Approval
	// voting would give all three seats to the majority; Phragmén gives the third one.
	let b = ballots(&[(&[0, 1, 2], 200), (&[3, 4, 5], 100)]);
	let winners = elect(&b, 6, 3);
	let chosen: Vec<u8> = winners.iter().map(|(c, _)| *c).collect();
	assert_eq!(chosen, vec![0, 1, 3]);
	// The first load is 1/200, the second 2/200, the third 1/100.
	assert_eq!(winners[0].1, UNIT / 200);
	assert_eq!(winners[1].1, (UNIT + 200 * (UNIT / 200)) / 200);
	assert_eq!(check(&b, 6, 3, &winners), Ok(()));
}

#[test]
fn ties_go_to_the_earlier_candidate_and_unapproved_ones_never_win() {
	let b = ballots(&[(&[1, 2], 5)]);
	let winners = elect(&b, 4, 3);
	assert_eq!(winners.iter().map(|(c, _)| *c).collect::<Vec<_>>(), vec![1, 2]);
	assert_eq!(check(&b, 4, 3, &winners), Ok(()));
	// The same pair in the other order: 1 was nominated first.
	let swapped = vec![(2, winners[0].1), (1, winners[1].1)];
	assert_eq!(check(&b, 4, 3, &swapped), Err(Fault::NotLeast { round: 0, candidate: 1 }));
	// Nobody approves of 0 or 3: electing one is a wrong load, not a free seat.
	let extra = vec![winners[0], winners[1], (0, UNIT)];
	assert_eq!(check(&b, 4, 3, &extra), Err(Fault::WrongLoad { round: 2 }));
	// No ballots at all: nobody is elected, and that is right.
	assert_eq!(elect(&[], 4, 3), vec![]);
	assert_eq!(check(&[], 4, 3, &[]), Ok(()));
}

#[test]
fn wrong_claims_are_refused_with_the_fault() {
	let b = ballots(&[(&[0, 1, 2], 200), (&[3, 4, 5], 100), (&[2, 5], 30)]);
	let right = elect(&b, 6, 3);
	assert_eq!(check(&b, 6, 3, &right), Ok(()));
	// A load off by one.
	let mut off = right.clone();
	off[1].1 += 1;
	assert_eq!(check(&b, 6, 3, &off), Err(Fault::WrongLoad { round: 1 }));
	// A seat left empty while candidates are approved.
	assert_eq!(check(&b, 6, 3, &right[..2]), Err(Fault::TooFew));
	// More winners than seats, a repeated winner, an option beyond the ballot.
	assert_eq!(check(&b, 6, 2, &right), Err(Fault::Malformed));
	let twice = vec![right[0], right[0]];
	assert_eq!(check(&b, 6, 3, &twice), Err(Fault::Malformed));
	assert_eq!(check(&b, 6, 3, &[(6, UNIT)]), Err(Fault::Malformed));
	// Phragmén elects 2, then 5 (for the cohesive minority), then 0.
	assert_eq!(right.iter().map(|(c, _)| *c).collect::<Vec<_>>(), vec![2, 5, 0]);
	// Claiming 1 for the last seat, at 0's load: 0 ties and was nominated first.
	let mut later = right.clone();
	later[2].0 = 1;
	assert_eq!(check(&b, 6, 3, &later), Err(Fault::NotLeast { round: 2, candidate: 0 }));
	// Claiming approval voting's winners (the three most approved: 2, 0, 1), each with
	// the load it would take: in the second round 5's load was smaller than 0's.
	let l0 = load(200, 200 * right[0].1).unwrap();
	let approval = vec![right[0], (0, l0), (1, l0)];
	assert_eq!(check(&b, 6, 3, &approval), Err(Fault::NotLeast { round: 1, candidate: 5 }));
}
