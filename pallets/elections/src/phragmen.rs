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
