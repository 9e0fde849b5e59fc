//! Proportional approval by sequential Phragmén: the published rule, computed off-chain by
//! anyone from the stored ballots ([`elect`]) and checked on chain in one bounded pass over them
//! ([`Sums::add`], then [`Sums::verify`]).
//!
//! **The rule.** Each voter approves of any number of candidates. Seats are filled one at a
//! time. Every voter carries a *load*, 0 at first. In each round, each candidate not yet
//! elected and approved by anyone would, if elected, take the load
//!
//! ```text
//!     ℓ(c) = (1 + Σ_{v approves c} w_v · ℓ_v) / Σ_{v approves c} w_v
//! ```
//!
//! (`w_v` the ballot's weight); the candidate with the least such load is elected, and every
//! voter who approves of them now carries that load. Ties go to the candidate nominated first.
//! Candidates nobody approves are never elected, so fewer than the seats may be filled. This
//! is sequential Phragmén as `sp-npos-elections` implements it (Brill, Freeman, Janson, Lackner:
//! "Phragmén's voting methods and justified representation"): it gives every cohesive group of
//! voters seats in proportion to its size.
//!
//! **Exact arithmetic.** Loads are fixed-point integers: [`UNIT`] is a load of 1; each load is
//! `(UNIT + Σ w·ℓ) / Σ w` rounded down; sums saturate at `u128::MAX` (unreachable: a load is at
//! most `seats × UNIT` < 2⁷⁰, a weight below 2³², and ballots fewer than 2²⁵). The chain and
//! `veche-client` compute with these same functions, so a claim is right or wrong to the bit.
//!
//! **Checking a claim.** A claim lists the winners in order with their loads. Given it, a voter's
//! load before round `r` is known without the earlier rounds' sums: the claimed load of the last
//! winner before `r` whom the voter approves. So a single pass over the ballots gathers, for
//! every round at once, each candidate's approval weight and weighted loads ([`Sums::add`]);
//! then [`Sums::verify`] recomputes each winner's load from those sums, checks that no other
//! candidate had a smaller one (nor an equal one and an earlier nomination), and that seats
//! were left empty only for want of approved candidates. By induction over the rounds, a claim
//! that passes is the rule's outcome, and the only one.

use alloc::{vec, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use pallet_veche_primitives::MAX_OPTIONS;
use scale_info::TypeInfo;

/// A load of 1 in the fixed point of loads.
pub const UNIT: u128 = 1_000_000_000_000_000_000;

/// The most seats a Phragmén election fills: the check keeps a sum per round and candidate.
pub const MAX_SEATS: u32 = 16;

/// The most weighted-load sums a check keeps: one per round and option.
pub const MAX_SUMS: u32 = MAX_SEATS * MAX_OPTIONS;

/// A claimed winner: the candidate's index on the ballot, and the load it was elected with.
pub type Winner = (u8, u128);

/// Why a claim is not the rule's outcome.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Fault {
	/// The ballots changed while the claim was checked (a territory was excluded): nobody's
	/// fault, the claim is checked again from the start.
	Stale,
	/// The claim names an option twice, one beyond the ballot, or more winners than seats.
	Malformed,
	/// The winner of `round` had no approval, or not the load the claim gives.
	WrongLoad {
		/// The round (from 0).
		round: u8,
	},
	/// In `round`, `candidate` had a smaller load than the claimed winner (or an equal one and
	/// was nominated first).
	NotLeast {
		/// The round (from 0).
		round: u8,
		/// The candidate who should have won it.
		candidate: u8,
	},
	/// Seats were left empty although someone approved of a candidate not elected.
	TooFew,
}

/// The load a candidate approved with total weight `support` would take, the approvers'
/// weighted loads summing to `weighted`; `None` if nobody approves of them.
pub fn load(support: u128, weighted: u128) -> Option<u128> {
	UNIT.saturating_add(weighted).checked_div(support)
}

/// Adds `value` to the entry `at` of `sums`, if there is one.
fn add_at(sums: &mut [u128], at: usize, value: u128) {
	if let Some(s) = sums.get_mut(at) {
		*s = s.saturating_add(value);
	}
}

/// Elects up to `seats` of `options` candidates from approval `ballots` (the options each
/// approves, ascending, and the ballot's weight), in order, each with its load.
pub fn elect(ballots: &[(Vec<u8>, u64)], options: u8, seats: u32) -> Vec<Winner> {
	let n = usize::from(options);
	let mut support = vec![0u128; n];
	for (marks, weight) in ballots {
		for m in marks {
			add_at(&mut support, usize::from(*m), u128::from(*weight));
		}
	}
	let mut loads = vec![0u128; ballots.len()];
	let mut winners: Vec<Winner> = Vec::new();
	let mut elected = vec![false; n];
	for _ in 0..seats {
		let mut weighted = vec![0u128; n];
		for ((marks, weight), load) in ballots.iter().zip(loads.iter()) {
			if *load == 0 {
				continue;
			}
			let carried = u128::from(*weight).saturating_mul(*load);
			for m in marks {
				add_at(&mut weighted, usize::from(*m), carried);
			}
		}
		// The least load; among equals the earlier option (tuples compare load first).
		let best = (0..options)
			.filter(|c| !elected.get(usize::from(*c)).copied().unwrap_or(true))
			.filter_map(|c| {
				let i = usize::from(c);
				let l = load(support.get(i).copied()?, weighted.get(i).copied()?)?;
				Some((l, c))
			})
			.min();
		let Some((l, c)) = best else { break };
		winners.push((c, l));
		if let Some(e) = elected.get_mut(usize::from(c)) {
			*e = true;
		}
		for ((marks, _), load) in ballots.iter().zip(loads.iter_mut()) {
			if marks.binary_search(&c).is_ok() {
				*load = l;
			}
		}
	}
	winners
}

/// What one pass over the ballots gathers to check a claim: each option's approval weight,
/// and, for each round of the claim, each option's approvers' weighted loads.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Sums {
	/// Approval weight, by option.
	pub support: BoundedVec<u128, ConstU32<MAX_OPTIONS>>,
	/// Σ weight × load before the round, by round and then option (`round × options + option`).
	pub weighted: BoundedVec<u128, ConstU32<MAX_SUMS>>,
}

impl Sums {
	/// Empty sums for a claim of `rounds` winners among `options`.
	pub fn new(options: u8, rounds: usize) -> Self {
		let n = usize::from(options);
		Self {
			support: BoundedVec::truncate_from(vec![0; n]),
			weighted: BoundedVec::truncate_from(vec![0; n.saturating_mul(rounds)]),
		}
	}

	/// Adds a ballot approving `marks` (ascending) with `weight`, under `claim`.
	pub fn add(&mut self, claim: &[Winner], marks: &[u8], weight: u64) {
		let n = self.support.len();
		let weight = u128::from(weight);
		for m in marks {
			add_at(AsMut::<[u128]>::as_mut(&mut self.support), usize::from(*m), weight);
		}
		let weighted = AsMut::<[u128]>::as_mut(&mut self.weighted);
		let mut carried = 0u128;
		for (round, (winner, load)) in claim.iter().enumerate() {
			if carried > 0 {
				let base = round.saturating_mul(n);
				for m in marks {
					add_at(weighted, base.saturating_add(usize::from(*m)), carried);
				}
			}
			if marks.binary_search(winner).is_ok() {
				carried = weight.saturating_mul(*load);
			}
		}
	}

	/// Whether `claim` is the rule's outcome for `seats` seats, given these sums of every
	/// counted ballot.
	pub fn verify(&self, claim: &[Winner], seats: u32) -> Result<(), Fault> {
		let n = self.support.len();
		if !u32::try_from(claim.len()).is_ok_and(|k| k <= seats) {
			return Err(Fault::Malformed);
		}
		let mut elected = vec![false; n];
		for (winner, _) in claim {
			match elected.get_mut(usize::from(*winner)) {
				Some(e) if !*e => *e = true,
				_ => return Err(Fault::Malformed),
			}
		}
		let mut before = vec![false; n];
		for (round, (winner, claimed)) in claim.iter().enumerate() {
			let r = u8::try_from(round).map_err(|_| Fault::Malformed)?;
			let base = round.saturating_mul(n);
			let load_of = |c: usize| {
				let support = self.support.get(c).copied().unwrap_or(0);
				let weighted = self.weighted.get(base.saturating_add(c)).copied().unwrap_or(0);
				load(support, weighted)
			};
			let w = usize::from(*winner);
			if load_of(w) != Some(*claimed) {
				return Err(Fault::WrongLoad { round: r });
			}
			for c in 0..n {
				if c == w || before.get(c).copied().unwrap_or(true) {
					continue;
				}
				let Some(l) = load_of(c) else { continue };
				if l < *claimed || (l == *claimed && c < w) {
					let candidate = u8::try_from(c).map_err(|_| Fault::Malformed)?;
					return Err(Fault::NotLeast { round: r, candidate });
				}
			}
			if let Some(b) = before.get_mut(w) {
				*b = true;
			}
		}
		// Seats left empty: nobody approves of anyone left.
		let filled = u32::try_from(claim.len()).unwrap_or(u32::MAX);
		if filled < seats
			&& (0..n).any(|c| {
				!elected.get(c).copied().unwrap_or(true)
					&& self.support.get(c).copied().unwrap_or(0) > 0
			}) {
			return Err(Fault::TooFew);
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

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
}
