//! Majority judgment over a six-grade scale: how residents grade an official in each policy
//! sphere, and how grades are summed up and compared.
//!
//! A rating grades an official in a sphere on [`GRADES`] grades, from 1 (*reject*) to 6
//! (*excellent*); a sphere's grades are kept as a histogram ([`GradeHistogram`]: how much weight
//! each grade got). Majority judgment (Balinski and Laraki) sums a histogram up by its **majority
//! grade**, the lower median: the best grade that a majority gave at least. Two histograms with
//! the same majority grade are told apart by the **majority value**: the sequence of majority
//! grades obtained by removing one vote of the majority grade at a time; the better sequence
//! (compared grade by grade) wins. [`majority_cmp`] compares majority values exactly, in steps
//! of runs of equal grades rather than vote by vote (O(grades) whatever the number of votes). The **majority gauge** ([`MajorityGrade`]:
//! the weight above and below the majority grade) tells at a glance which way a grade leans: a
//! "6−" has more weight below than above it, a "4+" more above.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::cmp::Ordering;
use scale_info::TypeInfo;

/// How many grades the scale has.
pub const GRADES: u8 = 6;

/// The weight each grade got, worst (index 0, grade 1) first.
pub type GradeHistogram = [u64; GRADES as usize];

/// A histogram's majority grade, with its gauge.
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
pub struct MajorityGrade {
	/// The majority grade, 1..=6: the lower median of the grades given.
	pub grade: u8,
	/// The weight given to grades better than it.
	pub above: u64,
	/// The weight given to grades worse than it.
	pub below: u64,
}

impl MajorityGrade {
	/// Whether the grade leans up (more weight above it than below: read "grade+"), rather than
	/// down ("grade−").
	pub fn leans_up(&self) -> bool {
		self.above > self.below
	}
}

/// The majority grade of `histogram` and its gauge, or `None` if nobody gave a grade.
pub fn majority_grade(histogram: &GradeHistogram) -> Option<MajorityGrade> {
	let total = histogram.iter().fold(0u64, |s, w| s.saturating_add(*w));
	if total == 0 {
		return None;
	}
	// The lower median: the grade at place (total - 1) / 2, counting from the worst.
	let place = total.saturating_sub(1) / 2;
	let mut below = 0u64;
	for (i, w) in histogram.iter().enumerate() {
		if place < below.saturating_add(*w) {
			let above = total.saturating_sub(below).saturating_sub(*w);
			return Some(MajorityGrade { grade: (i as u8).saturating_add(1), above, below });
		}
		below = below.saturating_add(*w);
	}
	None
}

/// A walk through one histogram's votes in the order majority judgment removes them, restricted
/// to every other removal: the removals at even steps (0, 2, 4, …) or at odd steps (1, 3, …).
///
/// With `n` votes sorted worst first and `m = (n - 1) / 2` the place of the lower median, the
/// removals take the places m, m - 1, m + 1, m - 2, m + 2, … when `n` is odd and m, m + 1,
/// m - 1, m + 2, m - 2, … when `n` is even: outwards from the median, alternately. So each half
/// of the steps walks one way only, and its grade changes at most once per grade.
struct Walk {
	/// Votes of each grade and the worse ones: `cumulative[g]` counts the grades 1..=g + 1.
	cumulative: [u64; GRADES as usize],
	/// The place of the lower median.
	median: u64,
	/// Whether this half of the steps walks to better grades (places m + i) rather than worse
	/// ones (m - i).
	up: bool,
}

impl Walk {
	fn new(histogram: &GradeHistogram, total: u64, odd_steps: bool) -> Self {
		let mut cumulative = [0u64; GRADES as usize];
		let mut sum = 0u64;
		for (c, w) in cumulative.iter_mut().zip(histogram.iter()) {
			sum = sum.saturating_add(*w);
			*c = sum;
		}
		// Odd totals walk up on even steps, even totals on odd steps.
		let up = (total % 2 == 1) != odd_steps;
		Walk { cumulative, median: total.saturating_sub(1) / 2, up }
	}

	/// The place of the `i`-th removal of this half.
	fn place(&self, i: u64) -> u64 {
		if self.up {
			self.median.saturating_add(i)
		} else {
			self.median.saturating_sub(i)
		}
	}

	/// The grade (as an index, worst 0) at `place`.
	fn grade(&self, place: u64) -> usize {
		self.cumulative.iter().position(|c| place < *c).unwrap_or(GRADES as usize - 1)
	}

	/// The first removal of this half after `i` whose grade differs from `grade`, the grade of
	/// the `i`-th (`u64::MAX` if none does).
	fn next_change(&self, grade: usize) -> u64 {
		if self.up {
			// Places below cumulative[grade] hold this grade.
			self.cumulative.get(grade).map_or(u64::MAX, |c| c.saturating_sub(self.median))
		} else {
			match grade.checked_sub(1).and_then(|g| self.cumulative.get(g)) {
				// Places from cumulative[grade - 1] up hold this grade.
				Some(c) => self.median.saturating_sub(*c).saturating_add(1),
				None => u64::MAX,
			}
		}
	}
}

/// The first step, among the even or the odd ones below `steps`, at which two histograms
/// remove votes of different grades: the step and the two grades (as indices).
fn first_difference(
	a: (&GradeHistogram, u64),
	b: (&GradeHistogram, u64),
	steps: u64,
	odd_steps: bool,
) -> Option<(u64, usize, usize)> {
	let (wa, wb) = (Walk::new(a.0, a.1, odd_steps), Walk::new(b.0, b.1, odd_steps));
	let mut i = u64::from(odd_steps);
	// Every turn moves past a change of grade of one side: at most one per grade and side.
	for _ in 0..=2 * GRADES as usize {
		let step =
			if odd_steps { i.saturating_mul(2).saturating_sub(1) } else { i.saturating_mul(2) };
		if step >= steps {
			return None;
		}
		let (ga, gb) = (wa.grade(wa.place(i)), wb.grade(wb.place(i)));
		if ga != gb {
			return Some((step, ga, gb));
		}
		let next = wa.next_change(ga).min(wb.next_change(gb));
		if next <= i {
			return None;
		}
		i = next;
	}
	None
}

/// Compares two histograms by majority judgment: `Greater` if `a`'s majority value is better.
/// The majority values are compared grade by grade as far as both go; if they agree so far, the
/// histogram with more votes is better (any grade beats no grade). Histograms of whole numbers
/// of votes (weight 1 each) are what ratings keep; for weighted votes each unit of weight counts
/// as a vote. Costs O(grades), whatever the number of votes.
pub fn majority_cmp(a: &GradeHistogram, b: &GradeHistogram) -> Ordering {
	let total = |h: &GradeHistogram| h.iter().fold(0u64, |s, w| s.saturating_add(*w));
	let (na, nb) = (total(a), total(b));
	let steps = na.min(nb);
	let even = first_difference((a, na), (b, nb), steps, false);
	let odd = first_difference((a, na), (b, nb), steps, true);
	let first = match (even, odd) {
		(Some(e), Some(o)) => Some(if e.0 < o.0 { e } else { o }),
		(e, o) => e.or(o),
	};
	match first {
		Some((_, ga, gb)) => ga.cmp(&gb),
		None => na.cmp(&nb),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec::Vec;

	/// A small deterministic generator (xorshift64*), so that the random cases repeat.
	struct Rng(u64);
	impl Rng {
		fn next(&mut self) -> u64 {
			self.0 ^= self.0 >> 12;
			self.0 ^= self.0 << 25;
			self.0 ^= self.0 >> 27;
			self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
		}
		fn histogram(&mut self, max: u64) -> GradeHistogram {
			let mut h = [0u64; 6];
			// Often leave grades empty, so that runs meet empty neighbours.
			for w in h.iter_mut() {
				*w = if self.next().is_multiple_of(3) { 0 } else { self.next() % (max + 1) };
			}
			h
		}
	}

	/// The grades one by one, worst first: the independent picture of a histogram.
	fn votes(h: &GradeHistogram) -> Vec<u8> {
		let mut v = Vec::new();
		for (i, w) in h.iter().enumerate() {
			v.extend(core::iter::repeat_n(i as u8 + 1, *w as usize));
		}
		v
	}

	/// Majority value the slow way: take the lower median of the sorted votes, remove it,
	/// repeat.
	fn majority_value(h: &GradeHistogram) -> Vec<u8> {
		let mut v = votes(h);
		let mut value = Vec::new();
		while !v.is_empty() {
			let m = (v.len() - 1) / 2;
			value.push(v.remove(m));
		}
		value
	}

	/// Compares majority values grade by grade; a longer value that agrees on the shorter one's
	/// length is better.
	fn naive_cmp(a: &GradeHistogram, b: &GradeHistogram) -> Ordering {
		let (va, vb) = (majority_value(a), majority_value(b));
		for (x, y) in va.iter().zip(vb.iter()) {
			if x != y {
				return x.cmp(y);
			}
		}
		va.len().cmp(&vb.len())
	}

	#[test]
	fn the_majority_grade_is_the_lower_median_with_its_gauge() {
		let mut rng = Rng(0x5eed_1234_abcd_0001);
		for _ in 0..2_000 {
			let h = rng.histogram(9);
			let v = votes(&h);
			match majority_grade(&h) {
				None => assert!(v.is_empty()),
				Some(g) => {
					let median = v[(v.len() - 1) / 2];
					assert_eq!(g.grade, median, "{h:?}");
					assert_eq!(g.above, v.iter().filter(|x| **x > median).count() as u64);
					assert_eq!(g.below, v.iter().filter(|x| **x < median).count() as u64);
				},
			}
		}
	}

	#[test]
	fn majority_values_compare_as_removing_one_median_at_a_time_does() {
		let mut rng = Rng(0x0dd_ba11_cafe_f00d);
		let mut orders = [0u32; 3];
		for _ in 0..3_000 {
			let a = rng.histogram(7);
			// Half the cases share a's majority grade, where the tie-break decides.
			let b = if rng.next().is_multiple_of(2) {
				let mut b = a;
				let i = (rng.next() % 6) as usize;
				b[i] = b[i].saturating_add(rng.next() % 3).saturating_sub(rng.next() % 3);
				b
			} else {
				rng.histogram(7)
			};
			let expected = naive_cmp(&a, &b);
			assert_eq!(majority_cmp(&a, &b), expected, "{a:?} against {b:?}");
			assert_eq!(majority_cmp(&b, &a), expected.reverse(), "{b:?} against {a:?}");
			orders[match expected {
				Ordering::Less => 0,
				Ordering::Equal => 1,
				Ordering::Greater => 2,
			}] += 1;
		}
		// The cases covered all three outcomes.
		assert!(orders.iter().all(|n| *n > 100), "{orders:?}");
	}

	#[test]
	fn large_histograms_compare_in_runs_without_expanding_votes() {
		// A million voters each side, equal majority grades: the gauges decide.
		let a = [100_000, 100_000, 200_000, 300_000, 200_000, 100_000];
		let b = [100_000, 100_000, 200_000, 300_000, 100_000, 200_000];
		assert_eq!(majority_grade(&a).map(|g| g.grade), Some(4));
		assert_eq!(majority_grade(&b).map(|g| g.grade), Some(4));
		assert_eq!(majority_cmp(&a, &b), Ordering::Less);
		// Scaled down by 100 000 the naive way agrees.
		let small = |h: [u64; 6]| h.map(|w| w / 100_000);
		assert_eq!(naive_cmp(&small(a), &small(b)), Ordering::Less);
		assert_eq!(majority_cmp(&a, &a), Ordering::Equal);
	}

	#[test]
	fn polarised_histograms_alternate_grades_every_removal_and_still_compare_exactly() {
		// Half reject, half excellent: the majority value alternates 1, 6, 1, 6, … — a run of
		// one vote at a time, a thousand times over.
		let a = [1_000, 0, 0, 0, 0, 1_000];
		let b = [1_000, 0, 0, 0, 1, 999];
		let c = [999, 1, 0, 0, 0, 1_000];
		for (x, y) in [(a, b), (a, c), (b, c), (a, a)] {
			assert_eq!(majority_cmp(&x, &y), naive_cmp(&x, &y), "{x:?} against {y:?}");
		}
		assert_eq!(majority_cmp(&a, &b), Ordering::Greater);
		assert_eq!(majority_cmp(&c, &a), Ordering::Greater);
	}

	#[test]
	fn an_official_nobody_graded_has_no_majority_grade_and_ranks_last() {
		let none = [0u64; 6];
		assert_eq!(majority_grade(&none), None);
		assert_eq!(majority_cmp(&[1, 0, 0, 0, 0, 0], &none), Ordering::Greater);
		assert_eq!(majority_cmp(&none, &none), Ordering::Equal);
	}

	#[test]
	fn the_gauge_says_which_way_a_grade_leans() {
		// Grades 3,4,4,4,6: majority grade 4, one above, one below: leans down (not up).
		let g = majority_grade(&[0, 0, 1, 3, 0, 1]).unwrap();
		assert_eq!((g.grade, g.above, g.below, g.leans_up()), (4, 1, 1, false));
		let g = majority_grade(&[0, 0, 0, 3, 1, 1]).unwrap();
		assert_eq!((g.grade, g.leans_up()), (4, true));
	}
}
