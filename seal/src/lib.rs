//! # Veche's sealed answers
//!
//! Answers to a consultation are encrypted on a public chain so that nobody — not the chain's
//! readers, not a collator, not the moderator, not any single trustee — can read the running
//! result before the close, while the chain still counts every answer and anyone can check the
//! count afterwards. This crate is the mathematics of it, shared by the runtime (verification),
//! veche-client (trustees, residents) and the citizen app (residents, in WebAssembly).
//!
//! ## Overview
//!
//! - **Group.** The prime-order subgroup of Bandersnatch (the curve of Veche's ring-VRF keys, so
//!   the runtime links no second curve), generator `G`. Points travel as 32-byte compressed
//!   encodings, checked to lie in the subgroup when decoded; scalars as 32 canonical
//!   little-endian bytes.
//! - **Exponential ElGamal.** A bit `m` under the public key `PK` is `(r·G, r·PK + m·G)`.
//!   Ciphertexts add: the sum of many encrypts the sum of their bits, so the chain keeps one
//!   running ciphertext per option and never decrypts a single answer.
//! - **A sealed choice** of one option out of `n` (at most [`MAX_OPTIONS`]) is `n` ciphertexts,
//!   one per option, each with a proof that it encrypts 0 or 1 ([`BitProof`], a disjunctive
//!   Chaum–Pedersen proof), and one proof that their sum encrypts exactly 1 ([`Dleq`]). So a
//!   sealed choice counts for exactly one option, whatever its author tries. Every proof is
//!   bound to a *binding* the caller supplies (the consultation, the profile, the revision): a
//!   sealed choice cannot be copied into someone else's answer.
//! - **Deterministic randomness.** The encryption randomness and proof nonces are derived from
//!   the author's secret and the binding (and, for nonces, the choice): an author can re-derive
//!   their randomness to read their own answer back ([`read_choice`]) or to open one component
//!   ([`opening`], [`verify_opening`]) after the result, and a device needs no random source.
//! - **The threshold key.** `n` trustees build a key of which any `t` can decrypt and no `t − 1`
//!   learn anything, with no dealer (joint-Feldman): each trustee *deals* a random polynomial
//!   `f_i` of degree `t − 1`, publishing its coefficients' commitments `C_ik = a_ik·G` (with a
//!   proof of knowledge of `a_i0`, [`pok_prove`]) and each other trustee's share `f_i(j)` masked by
//!   a key both derive from their communication keys (static Diffie–Hellman,
//!   [`share_mask`]). A trustee whose share does not match the commitments complains by
//!   publishing the Diffie–Hellman key with a proof it is the right one ([`dleq_prove`]); the
//!   chain then unmasks the share itself and checks it ([`feldman_eval`]), so a complaint
//!   disqualifies a dishonest dealer and never an honest one. The joint key is the sum of the
//!   qualified dealers' `C_i0`; trustee `j`'s share of it is `s_j = Σ f_i(j)`, whose public image
//!   `Y_j = s_j·G` anyone computes from the commitments.
//! - **Decryption.** After the close each trustee publishes `D_j = s_j·A` for each running
//!   ciphertext `(A, B)`, with a proof that it used the share behind `Y_j` ([`Dleq`]); any `t` of
//!   them combine by Lagrange interpolation at zero ([`combine`]) to `x·A`, and `B − x·A` is
//!   `count·G`: whoever publishes the count is checked by one multiplication ([`check_count`]).
//!
//! ## Implementation notes
//!
//! - Fiat–Shamir challenges hash (BLAKE2b-512, reduced modulo the group order) a domain
//!   separator, the binding and every point of the statement and of the commitments; each proof
//!   kind has its own domain.
//! - Field and group arithmetic is modular and cannot overflow, which is why the crate does not
//!   deny `arithmetic_side_effects` as Veche's runtime crates do; integer arithmetic is checked.
//! - A public key, verification key or commitment that is the identity is refused: encrypting to
//!   it would publish the plaintext.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
	not(test),
	deny(clippy::unwrap_used, clippy::panic, clippy::todo, clippy::indexing_slicing)
)]

extern crate alloc;

use alloc::vec::Vec;
use ark_ec::{CurveGroup, PrimeGroup};
pub use ark_ed_on_bls12_381_bandersnatch::{EdwardsProjective as Point, Fr as Scalar};
use ark_ff::{Field, PrimeField, Zero};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The most options a sealed choice may have.
pub const MAX_OPTIONS: usize = 16;

/// A point of the group, compressed.
pub type PointBytes = [u8; 32];
/// A scalar modulo the group order, canonical little-endian.
pub type ScalarBytes = [u8; 32];

/// Why sealed data was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SealError {
	/// Bytes that do not decode as a point of the prime-order subgroup.
	BadPoint,
	/// Bytes that are not a canonical scalar.
	BadScalar,
	/// A key or commitment that is the identity point.
	IdentityKey,
	/// A proof that does not verify.
	BadProof,
	/// No options, more than [`MAX_OPTIONS`], or a choice outside them.
	BadChoice,
	/// Lists whose lengths should agree do not (ciphertexts and proofs, points and scalars).
	LengthMismatch,
	/// Trustee indices that are zero or repeated, or fewer shares than needed.
	BadIndices,
}

/// An ElGamal ciphertext `(A, B) = (r·G, r·PK + m·G)`.
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
pub struct Ciphertext {
	/// `r·G`.
	pub a: PointBytes,
	/// `r·PK + m·G`.
	pub b: PointBytes,
}

impl Default for Ciphertext {
	/// The encryption of 0 with no randomness: the neutral element of addition.
	fn default() -> Self {
		let zero = encode_point(&Point::zero());
		Self { a: zero, b: zero }
	}
}

/// A disjunctive Chaum–Pedersen proof that a ciphertext encrypts 0 or 1.
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
pub struct BitProof {
	/// The challenge of the branch "encrypts 0".
	pub c0: ScalarBytes,
	/// The challenge of the branch "encrypts 1".
	pub c1: ScalarBytes,
	/// The response of the branch "encrypts 0".
	pub z0: ScalarBytes,
	/// The response of the branch "encrypts 1".
	pub z1: ScalarBytes,
}

/// A proof that two discrete logarithms are equal, `log_G1 H1 = log_G2 H2` (Chaum–Pedersen), or,
/// with one base, of knowledge of a discrete logarithm (Schnorr).
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
pub struct Dleq {
	/// The challenge.
	pub c: ScalarBytes,
	/// The response.
	pub z: ScalarBytes,
}

/// A sealed choice of one option: one ciphertext and bit proof per option, and the proof that
/// exactly one option is chosen.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SealedChoice {
	/// One ciphertext per option, in option order.
	pub ciphertexts: Vec<Ciphertext>,
	/// One proof per ciphertext that it encrypts 0 or 1.
	pub bits: Vec<BitProof>,
	/// The proof that the ciphertexts' sum encrypts 1.
	pub sum: Dleq,
}

// ---- encodings ----------------------------------------------------------------------------

/// Decodes a point, checking that it lies on the curve and in the prime-order subgroup.
pub fn decode_point(bytes: &PointBytes) -> Result<Point, SealError> {
	Point::deserialize_compressed(&bytes[..]).map_err(|_| SealError::BadPoint)
}

/// Decodes a point that serves as a key or commitment: also refuses the identity.
pub fn decode_key(bytes: &PointBytes) -> Result<Point, SealError> {
	let point = decode_point(bytes)?;
	if point.is_zero() {
		return Err(SealError::IdentityKey);
	}
	Ok(point)
}

/// Encodes a point, compressed.
pub fn encode_point(point: &Point) -> PointBytes {
	let mut out = [0u8; 32];
	// A compressed Bandersnatch point is exactly 32 bytes; writing into a 32-byte slice cannot
	// fail, and if it somehow did the all-zero bytes decode as no point and are refused.
	let _ = point.into_affine().serialize_compressed(&mut out[..]);
	out
}

/// Decodes a canonical scalar (refusing encodings of values at or above the group order).
pub fn decode_scalar(bytes: &ScalarBytes) -> Result<Scalar, SealError> {
	Scalar::deserialize_compressed(&bytes[..]).map_err(|_| SealError::BadScalar)
}

/// Encodes a scalar.
pub fn encode_scalar(scalar: &Scalar) -> ScalarBytes {
	let mut out = [0u8; 32];
	let _ = scalar.serialize_compressed(&mut out[..]);
	out
}

/// The group's generator `G`.
pub fn generator() -> Point {
	Point::generator()
}

/// `n·G`.
pub fn count_point(n: u64) -> Point {
	generator().mul_bigint([n])
}

// ---- hashing ------------------------------------------------------------------------------

/// A transcript: length-prefixed parts under a domain, hashed to a scalar.
struct Transcript(Vec<u8>);

impl Transcript {
	fn new(domain: &[u8]) -> Self {
		let mut t = Transcript(Vec::with_capacity(256));
		t.part(domain);
		t
	}
	fn part(&mut self, bytes: &[u8]) -> &mut Self {
		// Parts are short (a binding, a point); their length fits in four bytes.
		self.0.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
		self.0.extend_from_slice(bytes);
		self
	}
	fn point(&mut self, point: &Point) -> &mut Self {
		self.part(&encode_point(point))
	}
	fn scalar(&self) -> Scalar {
		Scalar::from_le_bytes_mod_order(&sp_crypto_hashing::blake2_512(&self.0))
	}
}

/// A scalar derived from a secret and labelled parts: the deterministic randomness of this
/// crate. Never zero (a zero would be replaced by one; the chance is 2⁻²⁵²).
fn derive(label: &[u8], secret: &[u8; 32], parts: &[&[u8]]) -> Scalar {
	let mut t = Transcript::new(b"veche-seal/derive");
	t.part(label).part(secret);
	for part in parts {
		t.part(part);
	}
	let s = t.scalar();
	if s.is_zero() {
		Scalar::ONE
	} else {
		s
	}
}

// ---- equality of discrete logarithms ------------------------------------------------------

fn dleq_challenge(
	binding: &[u8],
	g1: &Point,
	h1: &Point,
	g2: Option<(&Point, &Point)>,
	t1: &Point,
	t2: Option<&Point>,
) -> Scalar {
	let mut t = Transcript::new(b"veche-seal/dleq");
	t.part(binding).point(g1).point(h1);
	if let Some((g2, h2)) = g2 {
		t.point(g2).point(h2);
	}
	t.point(t1);
	if let Some(t2) = t2 {
		t.point(t2);
	}
	t.scalar()
}

/// Proves `H1 = x·G1` and `H2 = x·G2` for the same `x`, bound to `binding`. The nonce is derived
/// from `x`, the bases and the binding.
pub fn dleq_prove(x: &Scalar, g1: &Point, g2: &Point, binding: &[u8]) -> Dleq {
	let (h1, h2) = (*g1 * x, *g2 * x);
	let w = derive(b"dleq", &encode_scalar(x), &[binding, &encode_point(g1), &encode_point(g2)]);
	let (t1, t2) = (*g1 * w, *g2 * w);
	let c = dleq_challenge(binding, g1, &h1, Some((g2, &h2)), &t1, Some(&t2));
	Dleq { c: encode_scalar(&c), z: encode_scalar(&(w + c * x)) }
}

/// Checks a proof that `log_G1 H1 = log_G2 H2`.
pub fn dleq_verify(
	g1: &Point,
	h1: &Point,
	g2: &Point,
	h2: &Point,
	binding: &[u8],
	proof: &Dleq,
) -> Result<(), SealError> {
	let (c, z) = (decode_scalar(&proof.c)?, decode_scalar(&proof.z)?);
	let t1 = *g1 * z - *h1 * c;
	let t2 = *g2 * z - *h2 * c;
	if dleq_challenge(binding, g1, h1, Some((g2, h2)), &t1, Some(&t2)) == c {
		Ok(())
	} else {
		Err(SealError::BadProof)
	}
}

/// Proves knowledge of `x` with `X = x·G` (a Schnorr proof), bound to `binding`.
pub fn pok_prove(x: &Scalar, binding: &[u8]) -> Dleq {
	let g = generator();
	let h = g * x;
	let w = derive(b"pok", &encode_scalar(x), &[binding]);
	let t = g * w;
	let c = dleq_challenge(binding, &g, &h, None, &t, None);
	Dleq { c: encode_scalar(&c), z: encode_scalar(&(w + c * x)) }
}

/// Checks a proof of knowledge of the discrete logarithm of `key`.
pub fn pok_verify(key: &PointBytes, binding: &[u8], proof: &Dleq) -> Result<(), SealError> {
	let h = decode_key(key)?;
	let (c, z) = (decode_scalar(&proof.c)?, decode_scalar(&proof.z)?);
	let g = generator();
	let t = g * z - h * c;
	if dleq_challenge(binding, &g, &h, None, &t, None) == c {
		Ok(())
	} else {
		Err(SealError::BadProof)
	}
}

// ---- keys ---------------------------------------------------------------------------------

/// A secret scalar derived from a 32-byte seed for one purpose (`label`) and context: a
/// trustee's communication key, a polynomial's coefficient.
pub fn secret_scalar(seed: &[u8; 32], label: &[u8], context: &[u8]) -> Scalar {
	derive(label, seed, &[context])
}

/// The public key `x·G` of a secret scalar.
pub fn public_key(x: &Scalar) -> PointBytes {
	encode_point(&(generator() * x))
}

// ---- sealed choices -----------------------------------------------------------------------

fn bit_challenge(
	binding: &[u8],
	option: u8,
	pk: &Point,
	ct: (&Point, &Point),
	t0: (&Point, &Point),
	t1: (&Point, &Point),
) -> Scalar {
	let mut t = Transcript::new(b"veche-seal/bit");
	t.part(binding).part(&[option]).point(pk).point(ct.0).point(ct.1);
	t.point(t0.0).point(t0.1).point(t1.0).point(t1.1);
	t.scalar()
}

/// The encryption randomness of option `option` of the choice sealed under `binding`.
fn randomness(secret: &[u8; 32], binding: &[u8], option: u8) -> Scalar {
	derive(b"r", secret, &[binding, &[option]])
}

/// Seals `choice` out of `options` under the public key `pk`: the ciphertexts and all proofs.
/// `secret` is the author's 32-byte secret (never published) and `binding` what the proofs are
/// bound to; seal a different choice only under a different binding (the chain's bindings carry
/// a revision that rises with each change).
pub fn seal_choice(
	pk: &PointBytes,
	options: u8,
	choice: u8,
	secret: &[u8; 32],
	binding: &[u8],
) -> Result<SealedChoice, SealError> {
	if options == 0 || usize::from(options) > MAX_OPTIONS || choice >= options {
		return Err(SealError::BadChoice);
	}
	let pk = decode_key(pk)?;
	let g = generator();
	let mut ciphertexts = Vec::with_capacity(options.into());
	let mut bits = Vec::with_capacity(options.into());
	let mut sum_r = Scalar::zero();
	for option in 0..options {
		let r = randomness(secret, binding, option);
		let m = option == choice;
		let a = g * r;
		let b = if m { pk * r + g } else { pk * r };
		let nonce = |label: &[u8]| derive(label, secret, &[binding, &[option, choice]]);
		let (w, fake_c, fake_z) = (nonce(b"w"), nonce(b"c"), nonce(b"z"));
		// The real branch commits honestly; the other is simulated from a chosen challenge.
		let real = (g * w, pk * w);
		let other_b = if m { b } else { b - g };
		let fake = (g * fake_z - a * fake_c, pk * fake_z - other_b * fake_c);
		let (t0, t1) = if m { (fake, real) } else { (real, fake) };
		let c = bit_challenge(binding, option, &pk, (&a, &b), (&t0.0, &t0.1), (&t1.0, &t1.1));
		let real_c = c - fake_c;
		let real_z = w + real_c * r;
		let proof = if m {
			BitProof {
				c0: encode_scalar(&fake_c),
				z0: encode_scalar(&fake_z),
				c1: encode_scalar(&real_c),
				z1: encode_scalar(&real_z),
			}
		} else {
			BitProof {
				c0: encode_scalar(&real_c),
				z0: encode_scalar(&real_z),
				c1: encode_scalar(&fake_c),
				z1: encode_scalar(&fake_z),
			}
		};
		ciphertexts.push(Ciphertext { a: encode_point(&a), b: encode_point(&b) });
		bits.push(proof);
		sum_r += r;
	}
	let sum = dleq_prove(&sum_r, &g, &pk, &sum_binding(binding));
	Ok(SealedChoice { ciphertexts, bits, sum })
}

fn sum_binding(binding: &[u8]) -> Vec<u8> {
	let mut out = b"veche-seal/sum".to_vec();
	out.extend_from_slice(binding);
	out
}

/// Checks a sealed choice under `pk` and `binding`: every ciphertext encrypts 0 or 1 and their
/// sum encrypts 1. Returns the decoded ciphertexts.
pub fn verify_choice(
	pk: &PointBytes,
	ciphertexts: &[Ciphertext],
	bits: &[BitProof],
	sum: &Dleq,
	binding: &[u8],
) -> Result<Vec<(Point, Point)>, SealError> {
	if ciphertexts.is_empty() || ciphertexts.len() > MAX_OPTIONS {
		return Err(SealError::BadChoice);
	}
	if ciphertexts.len() != bits.len() {
		return Err(SealError::LengthMismatch);
	}
	let pk = decode_key(pk)?;
	let g = generator();
	let mut decoded = Vec::with_capacity(ciphertexts.len());
	let (mut sum_a, mut sum_b) = (Point::zero(), Point::zero());
	for (option, (ct, proof)) in ciphertexts.iter().zip(bits).enumerate() {
		let (a, b) = (decode_point(&ct.a)?, decode_point(&ct.b)?);
		let (c0, c1) = (decode_scalar(&proof.c0)?, decode_scalar(&proof.c1)?);
		let (z0, z1) = (decode_scalar(&proof.z0)?, decode_scalar(&proof.z1)?);
		let t0 = (g * z0 - a * c0, pk * z0 - b * c0);
		let t1 = (g * z1 - a * c1, pk * z1 - (b - g) * c1);
		// `option` is below MAX_OPTIONS (16): it fits a byte.
		let c = bit_challenge(binding, option as u8, &pk, (&a, &b), (&t0.0, &t0.1), (&t1.0, &t1.1));
		if c0 + c1 != c {
			return Err(SealError::BadProof);
		}
		sum_a += a;
		sum_b += b;
		decoded.push((a, b));
	}
	dleq_verify(&g, &sum_a, &pk, &(sum_b - g), &sum_binding(binding), sum)?;
	Ok(decoded)
}

/// Reads back the option a sealed choice encrypts, from its author's secret and binding; `None`
/// if the ciphertexts were not sealed with them.
pub fn read_choice(
	pk: &PointBytes,
	ciphertexts: &[Ciphertext],
	secret: &[u8; 32],
	binding: &[u8],
) -> Option<u8> {
	let pk = decode_key(pk).ok()?;
	let g = generator();
	let mut found = None;
	for (option, ct) in ciphertexts.iter().enumerate() {
		let option = u8::try_from(option).ok()?;
		let r = randomness(secret, binding, option);
		let (a, b) = (decode_point(&ct.a).ok()?, decode_point(&ct.b).ok()?);
		if a != g * r {
			return None;
		}
		let m = b - pk * r;
		if m == g {
			found = Some(option);
		} else if !m.is_zero() {
			return None;
		}
	}
	found
}

/// The randomness of one option's ciphertext, which opens it: published by an author who shows
/// that option `option` of their sealed choice was the one chosen.
pub fn opening(secret: &[u8; 32], binding: &[u8], option: u8) -> ScalarBytes {
	encode_scalar(&randomness(secret, binding, option))
}

/// Checks an opening: `ct` is `(r·G, r·PK + G)`, an encryption of 1 with randomness `r`.
pub fn verify_opening(pk: &PointBytes, ct: &Ciphertext, r: &ScalarBytes) -> Result<(), SealError> {
	let pk = decode_key(pk)?;
	let r = decode_scalar(r)?;
	let (a, b) = (decode_point(&ct.a)?, decode_point(&ct.b)?);
	let g = generator();
	if a == g * r && b - pk * r == g {
		Ok(())
	} else {
		Err(SealError::BadProof)
	}
}

/// `x + y`, component-wise.
pub fn add(x: &Ciphertext, y: &Ciphertext) -> Result<Ciphertext, SealError> {
	let a = decode_point(&x.a)? + decode_point(&y.a)?;
	let b = decode_point(&x.b)? + decode_point(&y.b)?;
	Ok(Ciphertext { a: encode_point(&a), b: encode_point(&b) })
}

/// `x − y`, component-wise.
pub fn sub(x: &Ciphertext, y: &Ciphertext) -> Result<Ciphertext, SealError> {
	let a = decode_point(&x.a)? - decode_point(&y.a)?;
	let b = decode_point(&x.b)? - decode_point(&y.b)?;
	Ok(Ciphertext { a: encode_point(&a), b: encode_point(&b) })
}

/// Moves running sums to a new answer: `sums[i] + new[i] − old[i]` for each option (no `old`
/// for a first answer). Each point is decoded once and each sum encoded once. Refuses answers
/// with another number of options than the sums ([`SealError::LengthMismatch`]) and points that
/// do not decode, leaving the sums as they were.
pub fn replace_in(
	sums: &mut [Ciphertext],
	new: &[Ciphertext],
	old: Option<&[Ciphertext]>,
) -> Result<(), SealError> {
	if new.len() != sums.len() || old.is_some_and(|o| o.len() != sums.len()) {
		return Err(SealError::LengthMismatch);
	}
	let mut next = Vec::with_capacity(sums.len());
	for (i, (sum, n)) in sums.iter().zip(new).enumerate() {
		let mut a = decode_point(&sum.a)? + decode_point(&n.a)?;
		let mut b = decode_point(&sum.b)? + decode_point(&n.b)?;
		if let Some(o) = old.and_then(|o| o.get(i)) {
			a -= decode_point(&o.a)?;
			b -= decode_point(&o.b)?;
		}
		next.push(Ciphertext { a: encode_point(&a), b: encode_point(&b) });
	}
	// All or nothing: the sums change only once every point decoded.
	sums.copy_from_slice(&next);
	Ok(())
}

// ---- the trustees' threshold key ----------------------------------------------------------

/// The coefficients `a_0 … a_{t−1}` of a dealer's polynomial, derived from the dealer's seed and
/// the ceremony's context.
pub fn polynomial(seed: &[u8; 32], context: &[u8], threshold: u16) -> Vec<Scalar> {
	(0..threshold)
		.map(|k| derive(b"poly", seed, &[context, &k.to_le_bytes()]))
		.collect()
}

/// The commitments `a_k·G` to a polynomial's coefficients.
pub fn commitments(coefficients: &[Scalar]) -> Vec<PointBytes> {
	coefficients.iter().map(public_key).collect()
}

/// `f(j)` for a polynomial given by its coefficients.
pub fn evaluate(coefficients: &[Scalar], j: u16) -> Scalar {
	let x = Scalar::from(u64::from(j));
	coefficients.iter().rev().fold(Scalar::zero(), |acc, a| acc * x + a)
}

/// Trustee `j`'s share of a key whose dealers' seeds are all known — a test chain's key made
/// from public seeds, a benchmark's: the sum of the dealers' polynomials ([`polynomial`]) at `j`.
/// (In a real ceremony nobody knows the other dealers' seeds; a trustee sums what it was dealt.)
pub fn share_of_known_dealers(
	seeds: &[[u8; 32]],
	context: &[u8],
	threshold: u16,
	j: u16,
) -> Scalar {
	seeds
		.iter()
		.fold(Scalar::zero(), |acc, seed| acc + evaluate(&polynomial(seed, context, threshold), j))
}

/// `Σ C_k·j^k`: the public image `f(j)·G` of the share of trustee `j`, from commitments (by
/// Horner's rule, with small multipliers only).
pub fn feldman_eval(commitments: &[Point], j: u16) -> Point {
	commitments
		.iter()
		.rev()
		.fold(Point::zero(), |acc, c| acc.mul_bigint([u64::from(j)]) + c)
}

/// The mask of the share dealer `dealer` sends trustee `recipient`: derived from their static
/// Diffie–Hellman key `K = e_dealer·E_recipient = e_recipient·E_dealer` and the context.
pub fn share_mask(dh: &Point, context: &[u8], dealer: u16, recipient: u16) -> Scalar {
	let mut t = Transcript::new(b"veche-seal/share");
	t.part(context)
		.part(&dealer.to_le_bytes())
		.part(&recipient.to_le_bytes())
		.point(dh);
	t.scalar()
}

/// The share `f(recipient)` a dealer (communication secret `comm`, index `dealer`) sends
/// `recipient` (communication key `their_key`), masked: what its dealing publishes.
pub fn masked_share(
	coefficients: &[Scalar],
	comm: &Scalar,
	their_key: &PointBytes,
	context: &[u8],
	dealer: u16,
	recipient: u16,
) -> Result<ScalarBytes, SealError> {
	let dh = diffie_hellman(comm, their_key)?;
	let mask = share_mask(&dh, context, dealer, recipient);
	Ok(encode_scalar(&(evaluate(coefficients, recipient) + mask)))
}

/// The static Diffie–Hellman key of a communication secret and another trustee's communication
/// key.
pub fn diffie_hellman(secret: &Scalar, their_key: &PointBytes) -> Result<Point, SealError> {
	Ok(decode_key(their_key)? * secret)
}

/// The binding of a complaint's proof: the context and both trustees.
pub fn complaint_binding(context: &[u8], dealer: u16, recipient: u16) -> Vec<u8> {
	let mut out = b"veche-seal/complaint".to_vec();
	out.extend_from_slice(context);
	out.extend_from_slice(&dealer.to_le_bytes());
	out.extend_from_slice(&recipient.to_le_bytes());
	out
}

/// Judges a complaint on chain: `dh` is the Diffie–Hellman key the complainant (`recipient`,
/// communication key `recipient_key`) says it shares with the dealer (communication key
/// `dealer_key`), `proof` shows `log_G recipient_key = log_dealer_key dh`. Returns `Ok(true)` if
/// the share, unmasked with that key, does not match the dealer's commitments (the dealer
/// cheated), `Ok(false)` if it matches (the complaint is unfounded), and an error if the proof
/// or an input is bad.
pub fn judge_complaint(
	context: &[u8],
	dealer: u16,
	recipient: u16,
	dealer_key: &PointBytes,
	recipient_key: &PointBytes,
	commitments: &[PointBytes],
	masked_share: &ScalarBytes,
	dh: &PointBytes,
	proof: &Dleq,
) -> Result<bool, SealError> {
	let (e_dealer, e_recipient) = (decode_key(dealer_key)?, decode_key(recipient_key)?);
	let dh = decode_point(dh)?;
	let binding = complaint_binding(context, dealer, recipient);
	dleq_verify(&generator(), &e_recipient, &e_dealer, &dh, &binding, proof)?;
	let share = decode_scalar(masked_share)? - share_mask(&dh, context, dealer, recipient);
	let commitments = commitments.iter().map(decode_key).collect::<Result<Vec<_>, _>>()?;
	Ok(generator() * share != feldman_eval(&commitments, recipient))
}

/// The qualified dealers' commitments summed coefficient by coefficient: `C_k = Σ_i C_ik` for
/// `k < threshold` (its first element is the joint public key).
pub fn sum_commitments(
	dealings: &[&[PointBytes]],
	threshold: u16,
) -> Result<Vec<PointBytes>, SealError> {
	let mut sums = alloc::vec![Point::zero(); usize::from(threshold)];
	for commitments in dealings {
		if commitments.len() != sums.len() {
			return Err(SealError::LengthMismatch);
		}
		for (sum, c) in sums.iter_mut().zip(commitments.iter()) {
			*sum += decode_key(c)?;
		}
	}
	Ok(sums.iter().map(encode_point).collect())
}

/// The Lagrange coefficient of trustee `j` for interpolating at zero over the trustees `set`.
pub fn lagrange_at_zero(set: &[u16], j: u16) -> Result<Scalar, SealError> {
	let xj = Scalar::from(u64::from(j));
	let (mut num, mut den) = (Scalar::ONE, Scalar::ONE);
	for &m in set.iter().filter(|&&m| m != j) {
		let xm = Scalar::from(u64::from(m));
		num *= xm;
		den *= xm - xj;
	}
	den.inverse().map(|inv| num * inv).ok_or(SealError::BadIndices)
}

/// Combines partial decryptions `D_j = s_j·A` of `threshold` or more distinct trustees into
/// `x·A`, using the first `threshold`.
pub fn combine(partials: &[(u16, Point)], threshold: u16) -> Result<Point, SealError> {
	let used = partials.get(..usize::from(threshold)).ok_or(SealError::BadIndices)?;
	let set: Vec<u16> = used.iter().map(|(j, _)| *j).collect();
	let mut sorted = set.clone();
	sorted.sort_unstable();
	sorted.dedup();
	if threshold == 0 || sorted.len() != set.len() || sorted.first() == Some(&0) {
		return Err(SealError::BadIndices);
	}
	let mut acc = Point::zero();
	for (j, d) in used {
		acc += *d * lagrange_at_zero(&set, *j)?;
	}
	Ok(acc)
}

/// The binding of trustee `j`'s partial decryption proof.
pub fn partial_binding(context: &[u8], j: u16) -> Vec<u8> {
	let mut out = b"veche-seal/partial".to_vec();
	out.extend_from_slice(context);
	out.extend_from_slice(&j.to_le_bytes());
	out
}

/// Trustee `j`'s partial decryption of the first component `a` of a running ciphertext, with its
/// share `s_j`: `D = s_j·A` and the proof that `log_G Y_j = log_A D`.
pub fn partial_decrypt(
	share: &Scalar,
	a: &PointBytes,
	context: &[u8],
	j: u16,
) -> Result<(PointBytes, Dleq), SealError> {
	let a = decode_point(a)?;
	let proof = dleq_prove(share, &generator(), &a, &partial_binding(context, j));
	Ok((encode_point(&(a * share)), proof))
}

/// Checks trustee `j`'s partial decryption `d` of `a` against its verification key `y`.
pub fn verify_partial(
	y: &Point,
	a: &PointBytes,
	d: &PointBytes,
	context: &[u8],
	j: u16,
	proof: &Dleq,
) -> Result<Point, SealError> {
	let (a, d) = (decode_point(a)?, decode_point(d)?);
	dleq_verify(&generator(), y, &a, &d, &partial_binding(context, j), proof)?;
	Ok(d)
}

/// Whether `b − x·A` (with `x·A` = `combined`) is `count·G`.
pub fn check_count(b: &PointBytes, combined: &Point, count: u64) -> Result<bool, SealError> {
	Ok(decode_point(b)? - combined == count_point(count))
}

#[cfg(test)]
mod tests;

/// The byte strings the chain and the trustees' and residents' software bind proofs to: defined
/// once here so that the runtime, veche-client and the citizen app agree.
pub mod protocol {
	use alloc::vec::Vec;

	fn tagged(tag: &[u8], parts: &[&[u8]]) -> Vec<u8> {
		let mut out = tag.to_vec();
		for part in parts {
			out.extend_from_slice(part);
		}
		out
	}

	/// The context of ceremony `key`: the masks of its shares, its complaints and every partial
	/// decryption under its key.
	pub fn ceremony_context(key: u32) -> Vec<u8> {
		tagged(b"veche/ceremony", &[&key.to_le_bytes()])
	}

	/// What trustee `index`'s proof of knowledge of its communication key is bound to.
	pub fn register_binding(key: u32, index: u16) -> Vec<u8> {
		tagged(b"veche/trustee-register", &[&key.to_le_bytes(), &index.to_le_bytes()])
	}

	/// The seed of trustee `index` (1-based) of a test chain's key made at genesis: public, so
	/// that test tools can act as the trustees — and anyone can decrypt what is sealed to it.
	pub fn public_trustee_seed(index: u16) -> [u8; 32] {
		sp_crypto_hashing::blake2_256(&tagged(
			b"veche/public-trustee-seed",
			&[&index.to_le_bytes()],
		))
	}

	/// The seed (an sr25519 mini secret) of the profile key of the person whose ring-key
	/// secret is `secret`: recomputable on any device that holds the secret.
	pub fn profile_key_seed(secret: &[u8; 32]) -> [u8; 32] {
		sp_crypto_hashing::blake2_256(&tagged(b"veche/profile-key", &[secret]))
	}

	/// The secret a person seals their consultation answers with (and reads them back with).
	pub fn profile_seal_secret(secret: &[u8; 32]) -> [u8; 32] {
		sp_crypto_hashing::blake2_256(&tagged(b"veche/profile-seal", &[secret]))
	}

	/// What dealer `index`'s proof of knowledge of its constant coefficient is bound to.
	pub fn deal_binding(key: u32, index: u16) -> Vec<u8> {
		tagged(b"veche/trustee-deal", &[&key.to_le_bytes(), &index.to_le_bytes()])
	}
}
