//! The published counting rules, as pure functions: who wins, and how seats are shared out.
//!
//! Everything here is integer arithmetic on vote counts (no floats, no panics), deterministic,
//! and bounded by its inputs: the chain counts with it and `veche-client` recounts with the same
//! rules from chain data. Ties are never left to chance or to storage order; each function
//! states its tie rule, and all of them favour, among equals, the earlier entry (the option
//! nominated or registered first), which every candidate knows before voting starts.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::cmp::Ordering;
use frame_support::sp_runtime::{PerThing, Perbill};
use scale_info::TypeInfo;

/// A highest-averages rule: each seat goes in turn to the party whose votes divided by the
/// rule's divisor of the seats it already holds is largest.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Divisor {
	/// D'Hondt (divisors 1, 2, 3, …): Spain, Poland, Finland; it favours large parties.
	DHondt,
	/// Sainte-Laguë / Webster (divisors 1, 3, 5, …): Germany, New Zealand; the most proportional
	/// of the divisor rules.
	SainteLague,
}

impl Divisor {
	/// The divisor for a party that already holds `seats` seats.
	pub fn of(self, seats: u32) -> u64 {
		let s = u64::from(seats);
		match self {
			Divisor::DHondt => s.saturating_add(1),
			Divisor::SainteLague => s.saturating_mul(2).saturating_add(1),
		}
	}
}

/// Compares the averages `a.0 / a.1` and `b.0 / b.1` exactly, cross-multiplied in 128 bits
/// (where the product of two 64-bit numbers always fits: the saturation never bites).
fn compare_averages(a: (u64, u64), b: (u64, u64)) -> Ordering {
	let cross = |x: u64, y: u64| u128::from(x).saturating_mul(u128::from(y));
	cross(a.0, b.1).cmp(&cross(b.0, a.1))
}

/// Shares out `seats` among parties by a highest-averages rule.
///
/// - `votes[i]`: party `i`'s votes (or, for constituencies, their registered persons);
/// - `floor[i]`: seats party `i` holds before the first round (a guaranteed minimum; missing
///   entries are 0); floors count towards `seats`, and the divisor of a party starts from them;
/// - `caps[i]`: the most seats party `i` can take (its list's length; missing entries are
///   unlimited): a party at its cap drops out of later rounds, and its seats go on to the others.
///
/// Returns the seats of each party. Every seat beyond the floors goes to a party with votes;
/// seats that no party can take (all lists exhausted, or no votes at all) stay unallocated, so
/// the sum may be less than `seats`. If the floors alone exceed `seats`, the floors are returned
/// as they are: the caller validates its rules against that.
///
/// Ties between equal averages go to the party with more votes, then to the lower index.
/// Work: one pass over the parties per seat, `O(seats × parties)`.
pub fn highest_averages(
	votes: &[u64],
	seats: u32,
	rule: Divisor,
	floor: &[u32],
	caps: &[u32],
) -> Vec<u32> {
	let mut held: Vec<u32> = (0..votes.len()).map(|i| floor.get(i).copied().unwrap_or(0)).collect();
	let mut left = seats.saturating_sub(held.iter().fold(0u32, |s, h| s.saturating_add(*h)));
	while left > 0 {
		let mut best: Option<usize> = None;
		for (i, (v, h)) in votes.iter().zip(held.iter()).enumerate() {
			let capped = caps.get(i).is_some_and(|c| h >= c);
			if *v == 0 || capped {
				continue;
			}
			let better = match best {
				None => true,
				Some(b) => {
					let (bv, bh) =
						(votes.get(b).copied().unwrap_or(0), held.get(b).copied().unwrap_or(0));
					match compare_averages((*v, rule.of(*h)), (bv, rule.of(bh))) {
						Ordering::Greater => true,
						// Equal averages: more votes first; equal votes keep the lower index.
						Ordering::Equal => *v > bv,
						Ordering::Less => false,
					}
				},
			};
			if better {
				best = Some(i);
			}
		}
		let Some(winner) = best.and_then(|b| held.get_mut(b)) else { break };
		*winner = winner.saturating_add(1);
		left = left.saturating_sub(1);
	}
	held
}

/// Whether `votes` out of `total` reach `threshold` (`votes / total ≥ threshold`, exactly).
/// Nothing reaches a threshold of a total of zero, except a zero threshold.
pub fn reaches(votes: u64, total: u64, threshold: Perbill) -> bool {
	if threshold.is_zero() {
		return true;
	}
	// votes / total ≥ parts / 10^9  ⇔  votes × 10^9 ≥ parts × total (128 bits: exact).
	let wide = |x: u64, y: u64| u128::from(x).saturating_mul(u128::from(y));
	total > 0
		&& wide(votes, u64::from(Perbill::ACCURACY))
			>= wide(u64::from(threshold.deconstruct()), total)
}

/// The indices of `scores` from highest to lowest; equal scores keep ascending index order
/// (the earlier nomination, or the higher place on a list, first).
pub fn ranking(scores: &[u64]) -> Vec<u32> {
	let mut order: Vec<u32> = (0..scores.len() as u32).collect();
	// A stable sort keeps equal scores in index order.
	order.sort_by(|a, b| {
		let score = |i: &u32| scores.get(*i as usize).copied().unwrap_or(0);
		score(b).cmp(&score(a))
	});
	order
}

/// The `k` highest-scoring indices (fewer if there are fewer entries), best first, by
/// [`ranking`]'s tie rule. Entries with no votes are not elected.
pub fn top(scores: &[u64], k: u32) -> Vec<u32> {
	ranking(scores)
		.into_iter()
		.filter(|i| scores.get(*i as usize).is_some_and(|s| *s > 0))
		.take(k as usize)
		.collect()
}

/// Whether `votes` are more than half of `total`: an absolute majority.
pub fn is_majority(votes: u64, total: u64) -> bool {
	u128::from(votes).saturating_mul(2) > u128::from(total)
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec;

	fn sl(votes: &[u64], seats: u32) -> Vec<u32> {
		highest_averages(votes, seats, Divisor::SainteLague, &[], &[])
	}
	fn dh(votes: &[u64], seats: u32) -> Vec<u32> {
		highest_averages(votes, seats, Divisor::DHondt, &[], &[])
	}

	#[test]
	fn dhondt_and_sainte_lague_share_seats_as_the_textbook_examples() {
		// The common worked example: 100,000 / 80,000 / 30,000 / 20,000 votes, 8 seats.
		assert_eq!(dh(&[100_000, 80_000, 30_000, 20_000], 8), vec![4, 3, 1, 0]);
		assert_eq!(sl(&[100_000, 80_000, 30_000, 20_000], 8), vec![3, 3, 1, 1]);
		// Sainte-Laguë gives a small party a seat D'Hondt withholds.
		assert_eq!(dh(&[53_000, 24_000, 23_000], 7), vec![4, 2, 1]);
		assert_eq!(sl(&[53_000, 24_000, 23_000], 7), vec![3, 2, 2]);
	}

	#[test]
	fn every_seat_is_allocated_when_parties_have_votes() {
		for seats in 0..40 {
			let got = sl(&[7, 13, 1, 0, 29], seats);
			assert_eq!(got.iter().sum::<u32>(), seats);
			assert_eq!(got[3], 0, "a party without votes takes no seat");
		}
	}

	#[test]
	fn equal_averages_go_to_more_votes_then_to_the_lower_index() {
		// Seat 1 to A (100); seat 2: A's 100/3 against 50 and 50 — B, the lower index; seat 3:
		// C's 50 beats A's 33 and B's 17.
		assert_eq!(sl(&[100, 50, 50], 3), vec![1, 1, 1]);
		// Equal votes, one seat: the lower index.
		assert_eq!(sl(&[40, 40], 1), vec![1, 0]);
		assert_eq!(dh(&[0, 40, 40], 1), vec![0, 1, 0]);
		// Equal averages from different vote counts: 60/3 (D'Hondt, 2 seats held) = 20 = 20/1,
		// and the party with more votes takes the seat, whichever comes first.
		assert_eq!(dh(&[60, 20], 3), vec![3, 0]);
		assert_eq!(dh(&[20, 60], 4), vec![1, 3]);
	}

	#[test]
	fn floors_are_given_first_and_count_in_the_divisor() {
		// Constituencies of 900, 90 and 10 persons, 10 seats, at least one each.
		let got = highest_averages(&[900, 90, 10], 10, Divisor::SainteLague, &[1, 1, 1], &[]);
		assert_eq!(got, vec![8, 1, 1]);
		// Floors above the seats are returned as they are.
		assert_eq!(highest_averages(&[1, 1], 1, Divisor::DHondt, &[1, 1], &[]), vec![1, 1]);
		// A floor holds even without votes.
		assert_eq!(highest_averages(&[5, 0], 3, Divisor::DHondt, &[0, 1], &[]), vec![2, 1]);
	}

	#[test]
	fn a_list_shorter_than_its_share_passes_its_seats_on() {
		// D'Hondt would give A 4 of 5; A has only 2 candidates.
		let got = highest_averages(&[1_000, 300], 5, Divisor::DHondt, &[], &[2, 10]);
		assert_eq!(got, vec![2, 3]);
		// Every list exhausted: the remaining seats stay unallocated.
		let got = highest_averages(&[1_000, 300], 5, Divisor::DHondt, &[], &[1, 1]);
		assert_eq!(got, vec![1, 1]);
		// No votes at all: nobody is elected.
		assert_eq!(dh(&[0, 0], 3), vec![0, 0]);
	}

	#[test]
	fn huge_vote_counts_neither_overflow_nor_lose_precision() {
		let got = sl(&[u64::MAX, u64::MAX - 1], 3);
		assert_eq!(got, vec![2, 1]);
		assert!(reaches(u64::MAX, u64::MAX, Perbill::one()));
	}

	#[test]
	fn thresholds_are_exact() {
		let five = Perbill::from_percent(5);
		assert!(reaches(5, 100, five));
		assert!(!reaches(4, 100, five));
		assert!(reaches(50_000, 1_000_000, five));
		assert!(!reaches(49_999, 1_000_000, five));
		assert!(!reaches(0, 0, five));
		assert!(reaches(0, 0, Perbill::zero()));
	}

	#[test]
	fn rankings_order_by_score_then_by_index() {
		assert_eq!(ranking(&[5, 9, 5, 0, 9]), vec![1, 4, 0, 2, 3]);
		assert_eq!(top(&[5, 9, 5, 0, 9], 3), vec![1, 4, 0]);
		assert_eq!(top(&[0, 3, 0], 2), vec![1], "no votes, no seat");
		assert!(top(&[], 2).is_empty());
	}

	#[test]
	fn a_majority_is_more_than_half() {
		assert!(is_majority(51, 100));
		assert!(!is_majority(50, 100));
		assert!(is_majority(1, 1));
		assert!(!is_majority(0, 0));
		assert!(is_majority(u64::MAX, u64::MAX));
	}
}
