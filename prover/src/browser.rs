//! The prover as a WebAssembly module for the citizen app (built with the `browser` feature for
//! `wasm32-unknown-unknown`; see `app/scripts/build-prover.sh`).
//!
//! A plain C ABI over the module's memory, with no generated glue: the app's Web Worker
//! (`app/src/lib/prover/worker.ts`) reserves buffers with [`veche_alloc`], copies its inputs in,
//! calls a function and reads the output back. The one import is `veche.random(ptr, len)`,
//! which fills a buffer from the browser's `crypto.getRandomValues`: the proof's blinding needs
//! fresh randomness. The secret never leaves the worker; nothing here keeps state between calls
//! but the heap and the prover's cached parameters.
//!
//! Every function that returns `i32` answers [`OK`] or one of the error codes below, which the
//! worker turns into messages.

use super::*;
use alloc::alloc::{alloc, dealloc, Layout};

#[cfg(not(feature = "std"))]
#[global_allocator]
static HEAP: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

#[cfg(not(feature = "std"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
	core::arch::wasm32::unreachable()
}

#[link(wasm_import_module = "veche")]
extern "C" {
	/// Fills `len` bytes at `ptr` with cryptographically secure random bytes.
	fn random(ptr: *mut u8, len: usize);
}

fn browser_random(buf: &mut [u8]) -> Result<(), getrandom::Error> {
	// SAFETY: the import writes exactly `buf.len()` bytes into `buf`.
	unsafe { random(buf.as_mut_ptr(), buf.len()) };
	Ok(())
}
getrandom::register_custom_getrandom!(browser_random);

/// Success.
pub const OK: i32 = 0;
/// The key is not among the ring's members ([`ProveError::NotInRing`]).
pub const NOT_IN_RING: i32 = 1;
/// The ring holds more members than its domain allows ([`ProveError::RingTooLarge`]).
pub const RING_TOO_LARGE: i32 = 2;
/// The ring-VRF library refused: a malformed member key ([`ProveError::Failed`]).
pub const FAILED: i32 = 3;
/// An input was malformed (a null pointer, or a hashing failure the suite rules out).
pub const BAD_INPUT: i32 = 4;

/// Reserves `len` bytes (at least one) aligned for any input; null if the heap is exhausted.
#[no_mangle]
pub extern "C" fn veche_alloc(len: usize) -> *mut u8 {
	match Layout::from_size_align(len.max(1), 8) {
		// SAFETY: the layout has a non-zero size.
		Ok(layout) => unsafe { alloc(layout) },
		Err(_) => core::ptr::null_mut(),
	}
}

/// Frees a buffer [`veche_alloc`] returned for the same `len`.
///
/// # Safety
/// `ptr` must come from `veche_alloc(len)` and not have been freed.
#[no_mangle]
pub unsafe extern "C" fn veche_free(ptr: *mut u8, len: usize) {
	if let Ok(layout) = Layout::from_size_align(len.max(1), 8) {
		if !ptr.is_null() {
			dealloc(ptr, layout)
		}
	}
}

/// Reads `len` bytes at `ptr` (empty for a null pointer with length 0).
unsafe fn input<'a>(ptr: *const u8, len: usize) -> Option<&'a [u8]> {
	match (ptr.is_null(), len) {
		(true, 0) => Some(&[]),
		(true, _) => None,
		// SAFETY: the caller passes a live buffer of `len` bytes.
		(false, _) => Some(core::slice::from_raw_parts(ptr, len)),
	}
}

unsafe fn seed_at(ptr: *const u8) -> Option<Seed> {
	input(ptr, 32)?.try_into().ok()
}

/// Writes the public ring key of the 32-byte secret at `seed` to the 32 bytes at `out`.
///
/// # Safety
/// `seed` must point at 32 readable bytes and `out` at 32 writable bytes.
#[no_mangle]
pub unsafe extern "C" fn veche_member(seed: *const u8, out: *mut u8) -> i32 {
	let Some(seed) = seed_at(seed) else { return BAD_INPUT };
	let key = member(seed);
	core::ptr::copy_nonoverlapping(key.as_ptr(), out, key.len());
	OK
}

/// Writes the alias of the secret at `seed` in the context of `context_len` bytes at `context`
/// to the 32 bytes at `out`.
///
/// # Safety
/// The pointers must cover the lengths given (32 bytes for `seed` and `out`).
#[no_mangle]
pub unsafe extern "C" fn veche_alias(
	seed: *const u8,
	context: *const u8,
	context_len: usize,
	out: *mut u8,
) -> i32 {
	let (Some(seed), Some(context)) = (seed_at(seed), input(context, context_len)) else {
		return BAD_INPUT;
	};
	let Some(a) = alias(seed, context) else { return BAD_INPUT };
	core::ptr::copy_nonoverlapping(a.as_ptr(), out, a.len());
	OK
}

/// Proves that the secret at `seed` holds a key of the ring of `members` 32-byte keys at `ring`
/// (in the chain's order; the chain's rings hold at most `capacity`), signing the ballot of
/// `poll`, the `choice_len` option indices at `choice` and `sequence`, in the poll's 32-byte
/// `context`. Writes the proof ([`PROOF_LEN`] bytes) and then the alias (32 bytes) to `out`.
///
/// # Safety
/// The pointers must cover the lengths given; `out` must hold `PROOF_LEN + 32` bytes.
#[no_mangle]
pub unsafe extern "C" fn veche_prove_ballot(
	seed: *const u8,
	ring: *const u8,
	members: usize,
	capacity: u32,
	context: *const u8,
	poll: u32,
	choice: *const u8,
	choice_len: usize,
	sequence: u32,
	out: *mut u8,
) -> i32 {
	let Some(choice) = input(choice, choice_len) else { return BAD_INPUT };
	let message = ballot_message(poll, choice, sequence);
	prove_to(seed, ring, members, capacity, context, &message, out)
}

/// Proves that the secret at `seed` holds a key of the ring of `members` 32-byte keys at `ring`
/// (in the chain's order; the chain's rings hold at most `capacity`), signing the `message_len`
/// bytes at `message` in the 32-byte `context`: any proof but a ballot's (a jury enrolment, an
/// acceptance). Writes the proof ([`PROOF_LEN`] bytes) and then the alias (32 bytes) to `out`.
///
/// # Safety
/// The pointers must cover the lengths given; `out` must hold `PROOF_LEN + 32` bytes.
#[no_mangle]
pub unsafe extern "C" fn veche_prove(
	seed: *const u8,
	ring: *const u8,
	members: usize,
	capacity: u32,
	context: *const u8,
	message: *const u8,
	message_len: usize,
	out: *mut u8,
) -> i32 {
	let Some(message) = input(message, message_len) else { return BAD_INPUT };
	prove_to(seed, ring, members, capacity, context, message, out)
}

/// What [`veche_prove_ballot`] and [`veche_prove`] share: the proof of `message` in the 32-byte
/// `context` by the secret at `seed` over the ring of `members` keys at `ring`, written with its
/// alias to `out`.
///
/// # Safety
/// As [`veche_prove`]'s.
unsafe fn prove_to(
	seed: *const u8,
	ring: *const u8,
	members: usize,
	capacity: u32,
	context: *const u8,
	message: &[u8],
	out: *mut u8,
) -> i32 {
	let Some(ring_len) = members.checked_mul(32) else { return BAD_INPUT };
	let (Some(seed), Some(ring), Some(context)) =
		(seed_at(seed), input(ring, ring_len), input(context, 32))
	else {
		return BAD_INPUT;
	};
	let keys: Vec<Member> = ring.chunks_exact(32).filter_map(|k| k.try_into().ok()).collect();
	match prove(seed, &keys, capacity, context, message) {
		Ok((proof, alias)) if proof.len() == PROOF_LEN => {
			core::ptr::copy_nonoverlapping(proof.as_ptr(), out, PROOF_LEN);
			core::ptr::copy_nonoverlapping(alias.as_ptr(), out.add(PROOF_LEN), alias.len());
			OK
		},
		Ok(_) => FAILED,
		Err(ProveError::NotInRing) => NOT_IN_RING,
		Err(ProveError::RingTooLarge) => RING_TOO_LARGE,
		Err(ProveError::Failed) => FAILED,
	}
}

// ---- sealed consultation answers (veche-seal) ----------------------------------------------
//
// A person's answers are sealed with a secret derived from their ring secret
// (`protocol::profile_seal_secret`), so any device holding the key file reads them back; the
// derivation happens here, and the derived secret never reaches the page.

/// No option of the stored answer was sealed with this secret and binding ([`veche_read_choice`]).
pub const NOT_MINE: i32 = 5;
/// The trustees' key, the options or the choice were refused by `veche_seal::seal_choice`.
pub const BAD_SEAL: i32 = 6;

/// The length of a sealed answer of `options` options as [`veche_seal_choice`] writes it.
pub const fn sealed_len(options: usize) -> usize {
	// compact(n) + n ciphertexts, compact(n) + n bit proofs, the sum's proof; n ≤ 16 < 64.
	1 + 64 * options + 1 + 128 * options + 64
}

/// Writes the sr25519 mini secret of the profile key of the ring secret at `seed` (32 bytes) to
/// the 32 bytes at `out`.
///
/// # Safety
/// `seed` must point at 32 readable bytes and `out` at 32 writable bytes.
#[no_mangle]
pub unsafe extern "C" fn veche_profile_key_seed(seed: *const u8, out: *mut u8) -> i32 {
	let Some(seed) = seed_at(seed) else { return BAD_INPUT };
	let key = veche_seal::protocol::profile_key_seed(&seed);
	core::ptr::copy_nonoverlapping(key.as_ptr(), out, key.len());
	OK
}

/// Seals option `choice` of `options` to the trustees' 32-byte public key at `pk` with the seal
/// secret of the ring secret at `seed`, bound to the `binding_len` bytes at `binding` (the
/// pallet's `answer_binding`). Writes the `sealed` argument of `Consultations.answer` — the SCALE
/// encoding of `(Vec<Ciphertext>, Vec<BitProof>, Dleq)`, [`sealed_len`]`(options)` bytes — to
/// `out`.
///
/// # Safety
/// The pointers must cover the lengths given; `out` must hold `sealed_len(options)` bytes.
#[no_mangle]
pub unsafe extern "C" fn veche_seal_choice(
	seed: *const u8,
	pk: *const u8,
	options: u8,
	choice: u8,
	binding: *const u8,
	binding_len: usize,
	out: *mut u8,
) -> i32 {
	let (Some(seed), Some(pk), Some(binding)) =
		(seed_at(seed), seed_at(pk), input(binding, binding_len))
	else {
		return BAD_INPUT;
	};
	let secret = veche_seal::protocol::profile_seal_secret(&seed);
	let Ok(sealed) = veche_seal::seal_choice(&pk, options, choice, &secret, binding) else {
		return BAD_SEAL;
	};
	let encoded = (sealed.ciphertexts, sealed.bits, sealed.sum).encode();
	if encoded.len() != sealed_len(options.into()) {
		return FAILED;
	}
	core::ptr::copy_nonoverlapping(encoded.as_ptr(), out, encoded.len());
	OK
}

/// Reads back the option of a stored answer: `options` ciphertexts at `ciphertexts` (64 bytes
/// each, `a` then `b`, as stored), sealed to the public key at `pk` with the seal secret of the
/// ring secret at `seed` under the `binding_len` bytes at `binding`. Writes the option's index to
/// the byte at `out`; [`NOT_MINE`] if the answer was not sealed with that secret and binding.
///
/// # Safety
/// The pointers must cover the lengths given; `out` must hold one byte.
#[no_mangle]
pub unsafe extern "C" fn veche_read_choice(
	seed: *const u8,
	pk: *const u8,
	ciphertexts: *const u8,
	options: usize,
	binding: *const u8,
	binding_len: usize,
	out: *mut u8,
) -> i32 {
	let Some(cts_len) = options.checked_mul(64) else { return BAD_INPUT };
	let (Some(seed), Some(pk), Some(cts), Some(binding)) =
		(seed_at(seed), seed_at(pk), input(ciphertexts, cts_len), input(binding, binding_len))
	else {
		return BAD_INPUT;
	};
	let cts: Vec<veche_seal::Ciphertext> = cts
		.chunks_exact(64)
		.filter_map(|c| {
			let (a, b) = c.split_at(32);
			Some(veche_seal::Ciphertext { a: a.try_into().ok()?, b: b.try_into().ok()? })
		})
		.collect();
	let secret = veche_seal::protocol::profile_seal_secret(&seed);
	match veche_seal::read_choice(&pk, &cts, &secret, binding) {
		Some(option) => {
			*out = option;
			OK
		},
		None => NOT_MINE,
	}
}

/// Writes the opening of option `option` of the answer sealed with the seal secret of the ring
/// secret at `seed` under the `binding_len` bytes at `binding` — the 32-byte scalar
/// `Consultations.claim_agreement` takes — to the 32 bytes at `out`.
///
/// # Safety
/// The pointers must cover the lengths given; `out` must hold 32 bytes.
#[no_mangle]
pub unsafe extern "C" fn veche_opening(
	seed: *const u8,
	binding: *const u8,
	binding_len: usize,
	option: u8,
	out: *mut u8,
) -> i32 {
	let (Some(seed), Some(binding)) = (seed_at(seed), input(binding, binding_len)) else {
		return BAD_INPUT;
	};
	let secret = veche_seal::protocol::profile_seal_secret(&seed);
	let r = veche_seal::opening(&secret, binding, option);
	core::ptr::copy_nonoverlapping(r.as_ptr(), out, r.len());
	OK
}
