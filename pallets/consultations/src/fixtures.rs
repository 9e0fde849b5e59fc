//! Proofs made beforehand for the benchmarks: a runtime cannot make ring-VRF proofs.
//!
//! The prover is prover 0 of the ballots benchmarks (seed [`seed`]`(0)`, held by the runtime's
//! benchmark rings). It made two proofs with the runtime's ring-VRF domain (2^12), in the
//! context of period [`PERIOD`]: over the opening message of the benchmark profile key
//! ([`key_suri`], no name) and over the renewal message of profile 0 with that key. They are in
//! `fixtures/bench-domain12.hex` (opening first), written by the test
//! `benchmark_fixtures_verify` when `VECHE_WRITE_FIXTURES=1`.

use alloc::vec::Vec;

/// The period the benchmarks run in (they set the clock to its first block).
pub const PERIOD: u32 = 1;

/// The secret URI of the benchmark profile key (sr25519).
pub fn key_suri() -> Vec<u8> {
	b"//VecheBenchProfile".to_vec()
}

/// The secret seed of prover `i` of the ballots benchmarks' ring.
pub fn seed(i: u32) -> [u8; 32] {
	let mut s = [0xb7; 32];
	s[..4].copy_from_slice(&i.to_le_bytes());
	s
}

const DOMAIN12: &str = include_str!("fixtures/bench-domain12.hex");

/// Prover 0's proof over the opening message (`renew == false`) or the renewal message, for
/// rings of domain 2^12.
pub fn domain12_proof(renew: bool) -> Option<Vec<u8>> {
	let line = DOMAIN12.lines().nth(usize::from(renew))?;
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
