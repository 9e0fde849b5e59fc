//! Demurrage arithmetic: continuous exponential decay in binary fixed point.
//!
//! A positive spending balance `b` left alone for `t` milliseconds is worth
//! `b · (1 − r)^(t / year)`, where `r` is the currency's annual demurrage rate and a year is the
//! Julian year ([`MILLIS_PER_YEAR`]). Written as `b · e^(−λ·t/year)` with `λ = −ln(1 − r)`, the
//! decay depends only on the elapsed time, so applying it in many small steps or in one step
//! gives the same result (up to the rounding below), and a change of block time does not bend it.
//!
//! # Representation and rounding
//!
//! - `λ` is computed once, when a currency is created, as a 128-bit binary fraction (Q128) by the
//!   series `ln(m) = −2·atanh((1 − m)/(1 + m))` after scaling `1 − r` into `[1/2, 1)`, and stored in
//!   Q120 ([`decay_constant`]): 8 integer bits, so any rate below 100 % fits, with a relative
//!   error below 10⁻³⁵.
//! - The decay factor `e^(−x)` is computed in Q128 ([`decay_factor`]): `x = k·ln 2 + y` with
//!   `0 ≤ y < ln 2`, `e^(−y)` by its Taylor series until the terms vanish, then shifted right by
//!   `k`. Every step truncates; the factor's error is below 64 units of 2⁻¹²⁸.
//! - The decayed balance is `⌊b · factor / 2¹²⁸⌋` ([`decay`]): it is rounded **down**, by less than
//!   one fine unit (10⁻¹⁸ of the currency's smallest unit), and the community fund is credited with
//!   exactly `b` minus it, so the currency's sum stays exactly zero. A balance touched every block
//!   for a year loses at most one fine unit per touch to rounding: about 5·10⁻¹² of a smallest
//!   unit at 6-second blocks.
//!
//! Only integer arithmetic is used, so every node computes the same result.

use sp_core::U256;
use sp_runtime::Perbill;

/// Milliseconds in a Julian year (365.25 days): the period the annual rate refers to.
pub const MILLIS_PER_YEAR: u64 = 31_557_600_000;

/// `⌊ln 2 · 2¹²⁸⌋`; a test checks it against the series.
const LN2_Q128: u128 = 235_865_763_225_513_294_137_944_142_764_154_484_399;

/// `a · 2ⁿ`. Every caller keeps the result below 2²⁵⁶ (a `U256` shift never panics; it would
/// drop the high bits).
#[allow(clippy::arithmetic_side_effects)]
fn shl(a: U256, n: u32) -> U256 {
	a << n
}

/// `⌊a / 2ⁿ⌋`.
#[allow(clippy::arithmetic_side_effects)]
fn shr(a: U256, n: u32) -> U256 {
	a >> n
}

/// 1 in Q128.
fn one() -> U256 {
	shl(U256::one(), 128)
}

/// `⌊a · b / 2¹²⁸⌋` for Q128 values whose product fits 256 bits.
fn mul_q(a: U256, b: U256) -> Option<U256> {
	a.checked_mul(b).map(|p| shr(p, 128))
}

/// `−ln(a)` in Q128 for `0 < a ≤ 1` given in Q128; `None` outside that range.
fn neg_ln_q128(a: U256) -> Option<U256> {
	let one = one();
	if a.is_zero() || a > one {
		return None;
	}
	// m = a · 2^k ∈ [1/2, 1]; at most 128 doublings since a ≥ 2⁻¹²⁸.
	let half = shr(one, 1);
	let (mut m, mut k) = (a, 0u32);
	while m < half {
		m = shl(m, 1);
		k = k.checked_add(1)?;
	}
	// −ln(m) = 2 · Σ z^(2j+1) / (2j+1), z = (1 − m) / (1 + m) ∈ [0, 1/3].
	let z = shl(one.checked_sub(m)?, 128).checked_div(one.checked_add(m)?)?;
	let z2 = mul_q(z, z)?;
	let (mut term, mut sum, mut n) = (z, U256::zero(), 1u32);
	while !term.is_zero() {
		sum = sum.checked_add(term.checked_div(U256::from(n))?)?;
		term = mul_q(term, z2)?;
		n = n.checked_add(2)?;
	}
	sum.checked_mul(U256::from(2u8))?
		.checked_add(U256::from(LN2_Q128).checked_mul(U256::from(k))?)
}

/// `λ = −ln(1 − rate)` in Q120, the decay per year of a currency with this annual rate; `None`
/// for a rate of 100 % (everything would vanish at once).
pub fn decay_constant(rate: Perbill) -> Option<u128> {
	let keep = Perbill::one().deconstruct().checked_sub(rate.deconstruct())?;
	if keep == 0 {
		return None;
	}
	let keep_q128 =
		shl(U256::from(keep), 128).checked_div(U256::from(Perbill::one().deconstruct()))?;
	let lambda = shr(neg_ln_q128(keep_q128)?, 8);
	u128::try_from(lambda).ok()
}

/// `e^(−λ · elapsed / year)` in Q128 (so `2¹²⁸` is a factor of one), for `λ` in Q120.
pub fn decay_factor(lambda: u128, elapsed_ms: u64) -> U256 {
	let one = one();
	if lambda == 0 || elapsed_ms == 0 {
		return one;
	}
	// x = λ · elapsed / year in Q128; λ < 2¹²⁸ and elapsed < 2⁶⁴, so the product fits.
	let x = U256::from(lambda)
		.checked_mul(U256::from(elapsed_ms))
		.map(|p| shl(p, 8))
		.and_then(|p| p.checked_div(U256::from(MILLIS_PER_YEAR)));
	let Some(x) = x else { return U256::zero() };
	let ln2 = U256::from(LN2_Q128);
	let k = x.checked_div(ln2).unwrap_or_default();
	if k >= U256::from(128u8) {
		return U256::zero();
	}
	// y = x − k·ln 2 ∈ [0, ln 2); k < 128, so k·ln 2 ≤ x fits.
	let y = k.checked_mul(ln2).and_then(|kl| x.checked_sub(kl)).unwrap_or_default();
	// e^(−y) = Σ (−y)^n / n!: terms fall by at least ln 2 / n, so about 35 of them reach zero.
	let (mut plus, mut minus, mut term, mut n) = (one, U256::zero(), one, 1u32);
	loop {
		term = match mul_q(term, y).and_then(|t| t.checked_div(U256::from(n))) {
			Some(t) if !t.is_zero() => t,
			_ => break,
		};
		let side = if n % 2 == 1 { &mut minus } else { &mut plus };
		*side = side.saturating_add(term);
		n = n.saturating_add(1);
	}
	// e^(−y) > 1/2, so plus > minus.
	shr(plus.saturating_sub(minus), k.low_u32())
}

/// A positive amount after `elapsed_ms` of demurrage at `λ` (Q120): `⌊amount · factor⌋`, never
/// more than `amount`.
pub fn decay(amount: u128, lambda: u128, elapsed_ms: u64) -> u128 {
	let factor = decay_factor(lambda, elapsed_ms);
	if factor >= one() {
		return amount;
	}
	U256::from(amount)
		.checked_mul(factor)
		.map(|p| shr(p, 128))
		.and_then(|p| u128::try_from(p).ok())
		.map_or(0, |d| d.min(amount))
}

#[cfg(test)]
#[path = "demurrage_tests.rs"]
mod tests;
