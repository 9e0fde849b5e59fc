//! Proofs made beforehand for the benchmarks: a runtime cannot make ring-VRF proofs.
//!
//! The prover is prover 0 of the ballots benchmarks (the same secret seed, so that the runtime's
//! benchmark rings — the ballots benchmarks' ring of 32 provers, as constituency and credential
//! ring — hold it). It made two proofs for [`CONTEXT`] with the ring-VRF domain of the runtime
//! (2^12): over the enrolment message and over the acceptance message of jury [`JURY`]. They are
//! in `fixtures/bench-domain12.hex` (enrolment first), written by the test
//! `benchmark_fixtures_verify` when `VECHE_WRITE_FIXTURES=1`.

use alloc::vec::Vec;
use pallet_veche_primitives::JuryId;

/// The context of the benchmark jury's pool.
pub const CONTEXT: [u8; 32] = *b"veche/benchmark/juries/context!!";

/// The benchmark jury.
pub const JURY: JuryId = 0;

/// How many provers the ring of the ballots benchmarks holds.
pub const RING: u32 = 32;

/// The secret seed of prover `i` of the ballots benchmarks' ring.
pub fn seed(i: u32) -> [u8; 32] {
	let mut s = [0xb7; 32];
	s[..4].copy_from_slice(&i.to_le_bytes());
	s
}

const DOMAIN12: &str = include_str!("fixtures/bench-domain12.hex");

/// Prover 0's proof over the enrolment message (`accept == false`) or the acceptance message
/// of jury [`JURY`], for rings of domain 2^12.
pub fn domain12_proof(accept: bool) -> Option<Vec<u8>> {
	let line = DOMAIN12.lines().nth(usize::from(accept))?;
	let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
	line.trim()
		.as_bytes()
		.chunks(2)
		.map(|p| match p {
			[h, l] => digit(*h)?.checked_mul(16)?.checked_add(digit(*l)?),
			_ => None,
		})
		.collect()
}
