//! The arithmetic of the draw, free of storage, so that anyone (`veche-client jury verify`, the
//! tests) recomputes a jury from the seed and the pool the chain recorded.
//!
//! - **Seed**: BLAKE2b-256 of `("veche/jury-draw", jury, epoch, randomness)`: the relay chain's
//!   BABE randomness of the epoch the draw waited for, bound to the jury.
//! - **Quotas** ([`quotas`]): the seats shared among the strata in proportion to their
//!   registered persons by largest remainder (Hamilton), no stratum given more seats than it has
//!   volunteers (their excess shared again among the others).
//! - **Selection** ([`pick`]): within each stratum, a Fisher–Yates shuffle of its volunteers'
//!   places in the pool, carried out lazily: position `i` of the permutation swaps in the place
//!   at `i + r mod (n − i)`, `r` the first 16 bytes (little-endian) of BLAKE2b-256 of `(seed,
//!   stratum, i)`. Only the positions drawn are computed, so a draw costs O(jury size) whatever
//!   the pool's size; no-shows are replaced by the positions that follow. The modulo's bias is
//!   below `n / 2^128`.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use codec::Encode;
use pallet_veche_primitives::{JurisdictionId, JuryId};
use sp_runtime::traits::{BlakeTwo256, Hash};

/// The seed of jury `jury`'s draw from the relay randomness of `epoch`.
pub fn seed(jury: JuryId, epoch: u64, randomness: &[u8; 32]) -> [u8; 32] {
	BlakeTwo256::hash_of(&(b"veche/jury-draw", jury, epoch, randomness)).into()
}

/// The offset, in `0..remaining`, that position `position` of `stratum`'s permutation swaps in
/// (`remaining`: the volunteers not yet placed, at least 1).
pub fn pick(seed: &[u8; 32], stratum: JurisdictionId, position: u32, remaining: u32) -> u32 {
	let h: [u8; 32] = BlakeTwo256::hash_of(&(seed, stratum, position)).into();
	let mut low = [0u8; 16];
	low.copy_from_slice(h.get(..16).unwrap_or(&[0; 16]));
	let r = u128::from_le_bytes(low);
	let m = u128::from(remaining.max(1));
	// `r % m < m <= u32::MAX`.
	u32::try_from(r.checked_rem(m).unwrap_or(0)).unwrap_or(0)
}

/// The first `count` places of `stratum`'s permutation of `volunteers` places: the order in
/// which its volunteers are summoned. What the chain computes lazily, computed in memory.
pub fn permutation_prefix(
	seed: &[u8; 32],
	stratum: JurisdictionId,
	volunteers: u32,
	count: u32,
) -> Vec<u32> {
	let mut swapped: BTreeMap<u32, u32> = BTreeMap::new();
	let mut out = Vec::new();
	for i in 0..count.min(volunteers) {
		let j = i.saturating_add(pick(seed, stratum, i, volunteers.saturating_sub(i)));
		let at_i = swapped.get(&i).copied().unwrap_or(i);
		let at_j = swapped.get(&j).copied().unwrap_or(j);
		swapped.insert(j, at_i);
		out.push(at_j);
	}
	out
}

/// One stratum as the quotas see it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode)]
pub struct StratumSize {
	/// The stratum (a constituency).
	pub stratum: JurisdictionId,
	/// Its registered persons: its weight.
	pub persons: u32,
	/// Its volunteers: the most seats it can fill.
	pub volunteers: u32,
}

/// The seats of each stratum (in the order given): `seats` (at most the volunteers in all)
/// shared in proportion to `persons` by largest remainder, ties to the lower stratum id; a
/// stratum whose share exceeds its volunteers gets its volunteers, and the rest is shared again
/// among the others. A stratum with no registered persons weighs as one (its volunteers still
/// count). Each round fixes at least one stratum, so at most `strata.len()` rounds.
pub fn quotas(seats: u32, strata: &[StratumSize]) -> Vec<u32> {
	let total_volunteers: u64 = strata.iter().map(|s| u64::from(s.volunteers)).sum();
	let seats = u64::from(seats).min(total_volunteers);
	let mut fixed: Vec<Option<u64>> = strata.iter().map(|_| None).collect();
	loop {
		let taken: u64 = fixed.iter().flatten().sum();
		let left = seats.saturating_sub(taken);
		let open: Vec<usize> = (0..strata.len()).filter(|i| fixed.get(*i) == Some(&None)).collect();
		let weight = |i: usize| strata.get(i).map_or(1, |s| u64::from(s.persons.max(1)));
		let total: u64 = open.iter().map(|i| weight(*i)).sum();
		let mut share: Vec<(usize, u64, u64)> = open
			.iter()
			.map(|i| {
				// `left * weight` fits in u128; the share is at most `left`.
				let product = u128::from(left).saturating_mul(u128::from(weight(*i)));
				let t = u128::from(total.max(1));
				let q = u64::try_from(product.checked_div(t).unwrap_or(0)).unwrap_or(u64::MAX);
				let r = u64::try_from(product.checked_rem(t).unwrap_or(0)).unwrap_or(u64::MAX);
				(*i, q, r)
			})
			.collect();
		let given: u64 = share.iter().map(|(_, q, _)| *q).sum();
		let mut extra = left.saturating_sub(given);
		let mut by_remainder: Vec<usize> = (0..share.len()).collect();
		by_remainder.sort_by(|a, b| {
			let (ia, _, ra) = share.get(*a).copied().unwrap_or_default();
			let (ib, _, rb) = share.get(*b).copied().unwrap_or_default();
			let sa = strata.get(ia).map_or(0, |s| s.stratum);
			let sb = strata.get(ib).map_or(0, |s| s.stratum);
			rb.cmp(&ra).then(sa.cmp(&sb))
		});
		for k in by_remainder {
			if extra == 0 {
				break;
			}
			if let Some((_, q, _)) = share.get_mut(k) {
				*q = q.saturating_add(1);
				extra = extra.saturating_sub(1);
			}
		}
		let mut capped = false;
		for (i, q, _) in share.iter() {
			let v = strata.get(*i).map_or(0, |s| u64::from(s.volunteers));
			if *q > v {
				if let Some(f) = fixed.get_mut(*i) {
					*f = Some(v);
				}
				capped = true;
			}
		}
		if !capped {
			for (i, q, _) in share {
				if let Some(f) = fixed.get_mut(i) {
					*f = Some(q);
				}
			}
			return fixed
				.into_iter()
				.map(|q| u32::try_from(q.unwrap_or(0)).unwrap_or(u32::MAX))
				.collect();
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn s(stratum: u32, persons: u32, volunteers: u32) -> StratumSize {
		StratumSize { stratum, persons, volunteers }
	}

	#[test]
	fn quotas_follow_persons_by_largest_remainder() {
		// 10 seats over 6,000 / 3,000 / 1,000 persons: 6 / 3 / 1.
		assert_eq!(quotas(10, &[s(1, 6_000, 50), s(2, 3_000, 50), s(3, 1_000, 50)]), [6, 3, 1]);
		// 7 seats over 5 / 3 / 2: exact shares 3.5 / 2.1 / 1.4 → 3 / 2 / 1 and the last seat to
		// the largest remainder (0.5).
		assert_eq!(quotas(7, &[s(1, 5, 9), s(2, 3, 9), s(3, 2, 9)]), [4, 2, 1]);
		// Equal remainders: the lower stratum id first.
		assert_eq!(quotas(1, &[s(9, 1, 1), s(4, 1, 1)]), [0, 1]);
	}

	#[test]
	fn a_stratum_never_gets_more_seats_than_volunteers() {
		// The big stratum has two volunteers: its other seats go to the rest, by persons.
		assert_eq!(quotas(10, &[s(1, 9_000, 2), s(2, 600, 50), s(3, 400, 50)]), [2, 5, 3]);
		// Fewer volunteers than seats: everyone is drawn.
		assert_eq!(quotas(10, &[s(1, 5, 3), s(2, 5, 4)]), [3, 4]);
		// No registered persons recorded: weighs as one.
		assert_eq!(quotas(2, &[s(1, 0, 5), s(2, 0, 5)]), [1, 1]);
		assert!(quotas(5, &[]).is_empty());
	}

	#[test]
	fn the_permutation_places_every_volunteer_once() {
		let seed = [7; 32];
		let all = permutation_prefix(&seed, 3, 50, 50);
		let mut sorted = all.clone();
		sorted.sort();
		assert_eq!(sorted, (0..50).collect::<Vec<_>>());
		// A prefix is the start of the whole; another stratum or seed shuffles otherwise.
		assert_eq!(permutation_prefix(&seed, 3, 50, 10), all[..10]);
		assert_ne!(permutation_prefix(&seed, 4, 50, 50), all);
		assert_ne!(permutation_prefix(&[8; 32], 3, 50, 50), all);
	}

	/// Over 4,000 seeds, each of 20 volunteers is among the 5 drawn about a quarter of the time:
	/// Pearson's chi-square over the 20 counts stays below the 0.999 quantile of chi-square with
	/// 19 degrees of freedom (43.8); and the first place is uniform too.
	#[test]
	fn the_draw_is_uniform_over_many_seeds() {
		let (n, k, rounds) = (20u32, 5u32, 4_000u32);
		let mut chosen = vec![0u32; n as usize];
		let mut first = vec![0u32; n as usize];
		for round in 0..rounds {
			let seed = super::seed(round, 1, &[0; 32]);
			let drawn = permutation_prefix(&seed, 2, n, k);
			for place in &drawn {
				chosen[*place as usize] += 1;
			}
			first[drawn[0] as usize] += 1;
		}
		let chi = |counts: &[u32], expected: f64| {
			counts
				.iter()
				.map(|c| (f64::from(*c) - expected).powi(2) / expected)
				.sum::<f64>()
		};
		let expected = f64::from(rounds * k) / f64::from(n);
		assert!(chi(&chosen, expected) < 43.8, "chosen: {chosen:?}");
		assert!(chi(&first, f64::from(rounds) / f64::from(n)) < 43.8, "first: {first:?}");
		// The test can fail: a biased pick (always the lowest place) is refused.
		let biased: Vec<u32> = (0..n).map(|i| if i < k { rounds } else { 0 }).collect();
		assert!(chi(&biased, expected) > 43.8);
	}
}
