//! Proofs made beforehand for the benchmarks: a runtime cannot make ring-VRF proofs.
//!
//! [`PROVERS`] provers (secrets from [`seed`]) form one ring, in the order rings are kept (sorted
//! by key bytes). Each made a proof for [`CONTEXT`] over the ballot message of poll
//! [`POLL`], the choice [`choice`] (list 0 of a party-list poll and 63 preferences on it, the
//! longest choice), sequence [`SEQUENCE`]. The proofs for the runtime's
//! ring domain (2^12) are in `fixtures/bench-proofs-domain12.hex`, one per line, written by the
//! test `benchmark_fixtures_verify_in_one_batch` when `VECHE_WRITE_FIXTURES=1`.

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

/// The choice every benchmark ballot makes: list 0 of a party-list poll, and every place on it
/// but the last (the most preferences a ballot can carry).
pub fn choice() -> Vec<u8> {
	let places = (crate::MAX_OPTIONS - 1) as u8;
	core::iter::once(0).chain(0..places).collect()
}

/// The message every benchmark proof signs.
pub fn message() -> Vec<u8> {
	crate::ballot_message(POLL, &choice(), SEQUENCE)
}

const DOMAIN12: &str = include_str!("fixtures/bench-proofs-domain12.hex");

/// Proof `i` for rings of domain 2^12, or `None` past the last.
pub fn domain12_proof(i: u32) -> Option<Vec<u8>> {
	let line = DOMAIN12.lines().nth(i as usize)?;
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
