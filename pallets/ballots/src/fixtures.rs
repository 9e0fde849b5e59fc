//! Proofs made beforehand for the benchmarks: a runtime cannot make ring-VRF proofs.
//!
//! [`PROVERS`] provers (secrets from [`seed`]) form one ring, in the order rings are kept (sorted
//! by key bytes). Each made two proofs for [`CONTEXT`], over the ballot messages of poll
//! [`POLL`] with sequence [`SEQUENCE`] and the two choices of [`Shape`] ([`choice`]): the
//! dearest ballot (list 0 of a party-list poll and 63 preferences on it, the longest choice) and
//! the dearest rating (every one of 20 spheres graded). The proofs for the runtime's ring domain
//! (2^12) are in `fixtures/bench-proofs-domain12.hex` and `fixtures/bench-ratings-domain12.hex`,
//! one per line, written by the test `benchmark_fixtures_verify_in_one_batch` when
//! `VECHE_WRITE_FIXTURES=1`.

use alloc::vec::Vec;

/// The context the benchmark proofs are made for.
pub const CONTEXT: [u8; 32] = *b"veche/benchmark/ballots/context!";

/// How many provers made benchmark proofs: the largest batch benchmarked.
pub const PROVERS: u32 = 32;

/// The poll, choice and sequence number the benchmark proofs sign.
pub const POLL: u32 = 0;
/// See [`POLL`].
pub const SEQUENCE: u32 = 1;

/// The secret seed of prover `i`.
pub fn seed(i: u32) -> [u8; 32] {
	let mut s = [0xb7; 32];
	s[..4].copy_from_slice(&i.to_le_bytes());
	s
}

/// What the benchmark ballots are.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
	/// Ballots of a party-list poll with the most preferences: the dearest ballot to count.
	List,
	/// Ratings grading every sphere: the dearest rating to count.
	Rating,
}

/// The choice every benchmark ballot of a shape makes. A list ballot: list 0 of a party-list
/// poll, and every place on it but the last (the most preferences a ballot can carry). A
/// rating: disapproval, and the best grade in each of 20 spheres.
pub fn choice(shape: Shape) -> Vec<u8> {
	match shape {
		Shape::List => {
			let places = (crate::MAX_OPTIONS - 1) as u8;
			core::iter::once(0).chain(0..places).collect()
		},
		Shape::Rating => core::iter::once(1)
			.chain(core::iter::repeat_n(crate::GRADES, usize::from(crate::MAX_RATED_SPHERES)))
			.collect(),
	}
}

/// The message every benchmark proof of a shape signs.
pub fn message(shape: Shape) -> Vec<u8> {
	crate::ballot_message(POLL, &choice(shape), SEQUENCE)
}

const DOMAIN12: &str = include_str!("fixtures/bench-proofs-domain12.hex");
const RATINGS_DOMAIN12: &str = include_str!("fixtures/bench-ratings-domain12.hex");

/// Proof `i` of a shape for rings of domain 2^12, or `None` past the last.
pub fn domain12_proof(i: u32, shape: Shape) -> Option<Vec<u8>> {
	let file = match shape {
		Shape::List => DOMAIN12,
		Shape::Rating => RATINGS_DOMAIN12,
	};
	let line = file.lines().nth(i as usize)?;
	from_hex(line.trim())
}

/// Decodes lowercase hex.
fn from_hex(s: &str) -> Option<Vec<u8>> {
	let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
	s.as_bytes()
		.chunks(2)
		.map(|p| match p {
			[h, l] => digit(*h)?.checked_mul(16)?.checked_add(digit(*l)?),
			_ => None,
		})
		.collect()
}
