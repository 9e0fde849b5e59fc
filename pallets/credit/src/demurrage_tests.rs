//! Tests of the demurrage arithmetic against exact references.

use super::*;

const E18: u128 = 1_000_000_000_000_000_000;

/// `⌊amount · (1 − rate)^years⌋`, exactly, for whole years.
fn exact_whole_years(amount: u128, rate: Perbill, years: u32) -> u128 {
	let keep = U256::from(Perbill::one().deconstruct() - rate.deconstruct());
	let mut value = U256::from(amount);
	let mut scale = U256::one();
	for _ in 0..years {
		value = value * keep;
		scale = scale * U256::from(Perbill::one().deconstruct());
	}
	(value / scale).as_u128()
}

fn isqrt(n: U256) -> U256 {
	n.integer_sqrt()
}

#[test]
fn ln2_constant_matches_the_series() {
	// ln 2 = 2·atanh(1/3), computed with the same series as neg_ln_q128.
	let z = one() / 3;
	let z2 = mul_q(z, z).unwrap();
	let (mut term, mut sum, mut n) = (z, U256::zero(), 1u32);
	while !term.is_zero() {
		sum += term / n;
		term = mul_q(term, z2).unwrap();
		n += 2;
	}
	let series = sum * 2;
	let constant = U256::from(LN2_Q128);
	let diff = if series > constant { series - constant } else { constant - series };
	assert!(diff <= U256::from(64u8), "ln 2 differs by {diff}");
}

#[test]
fn a_year_of_decay_takes_exactly_the_annual_rate() {
	for percent in [1u32, 5, 10, 33, 50, 90, 99] {
		let rate = Perbill::from_percent(percent);
		let lambda = decay_constant(rate).unwrap();
		for amount in [1u128, 7 * E18, 123_456_789 * E18 + 987_654_321, 10u128.pow(38)] {
			let ours = decay(amount, lambda, MILLIS_PER_YEAR);
			let exact = exact_whole_years(amount, rate, 1);
			assert!(
				ours.abs_diff(exact) <= 1 + amount / 10u128.pow(33),
				"{percent}% of {amount}: {ours} vs {exact}"
			);
		}
	}
}

#[test]
fn half_a_year_takes_the_square_root() {
	let rate = Perbill::from_percent(19);
	let lambda = decay_constant(rate).unwrap();
	let amount = 1_000_000 * E18;
	let ours = decay(amount, lambda, MILLIS_PER_YEAR / 2);
	// amount · √0.81 = amount · 0.9 exactly.
	let exact = amount / 10 * 9;
	assert!(ours.abs_diff(exact) <= 2, "{ours} vs {exact}");
	// And for a rate whose root is irrational, against an integer square root.
	let rate = Perbill::from_percent(10);
	let lambda = decay_constant(rate).unwrap();
	let ours = decay(amount, lambda, MILLIS_PER_YEAR / 2);
	let exact = isqrt(U256::from(amount) * U256::from(amount) * 9 / 10).as_u128();
	assert!(ours.abs_diff(exact) <= 2, "{ours} vs {exact}");
}

#[test]
fn decay_in_many_steps_equals_decay_in_one() {
	let lambda = decay_constant(Perbill::from_percent(12)).unwrap();
	let amount = 5_000 * E18;
	// One touch per hour for a year, against one touch at its end.
	let hour = 3_600_000u64;
	let mut stepped = amount;
	let mut elapsed = 0u64;
	while elapsed + hour <= MILLIS_PER_YEAR {
		stepped = decay(stepped, lambda, hour);
		elapsed += hour;
	}
	stepped = decay(stepped, lambda, MILLIS_PER_YEAR - elapsed);
	let once = decay(amount, lambda, MILLIS_PER_YEAR);
	let exact = exact_whole_years(amount, Perbill::from_percent(12), 1);
	// 8,766 truncations lose at most 8,766 fine units: far below one smallest unit.
	assert!(once.abs_diff(stepped) <= 8_766, "{once} vs {stepped}");
	// To the nearest smallest unit, both equal the exact value.
	assert_eq!((stepped + E18 / 2) / E18, (exact + E18 / 2) / E18);
	assert_eq!((once + E18 / 2) / E18, (exact + E18 / 2) / E18);
}

#[test]
fn extreme_inputs_do_not_overflow() {
	let lambda = decay_constant(Perbill::from_parts(999_999_999)).unwrap();
	assert_eq!(decay(u128::MAX, lambda, u64::MAX), 0);
	assert_eq!(decay(i128::MAX as u128, 0, u64::MAX), i128::MAX as u128);
	assert_eq!(decay(u128::MAX, lambda, 0), u128::MAX);
	assert!(decay(i128::MAX as u128, lambda, 1) < i128::MAX as u128);
	assert_eq!(decay_constant(Perbill::one()), None);
	assert_eq!(decay_constant(Perbill::zero()), Some(0));
	// Two years at 50 % keep a quarter.
	let lambda = decay_constant(Perbill::from_percent(50)).unwrap();
	assert!(decay(4 * E18, lambda, 2 * MILLIS_PER_YEAR).abs_diff(E18) <= 1);
}
