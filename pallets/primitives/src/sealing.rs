//! What the trustees' key ceremonies give the pallets that seal answers (consultations): a
//! threshold public key to encrypt to, and each trustee's verification key to check their
//! partial decryptions ([`SealingKeys`]).

/// A threshold key built by a ceremony of trustees, numbered in order of opening.
pub type KeyId = u32;

/// The most trustees any key may have: bounds the cost of combining partial decryptions.
pub const MAX_TRUSTEES: u32 = 64;

/// A compressed point of the sealing group (Bandersnatch): a public or verification key.
pub type SealPoint = [u8; 32];

/// The trustees' threshold keys, as the pallets that seal answers see them.
pub trait SealingKeys<AccountId> {
	/// The newest key ready for new uses (not retired): its id and public key.
	fn current() -> Option<(KeyId, SealPoint)>;

	/// The public key of a key that finished its ceremony (ready or retired): answers sealed to
	/// it stay decryptable after it is retired.
	fn public_key(key: KeyId) -> Option<SealPoint>;

	/// How many trustees' partial decryptions a decryption needs.
	fn threshold(key: KeyId) -> Option<u16>;

	/// The index (1-based) of `who` among the key's trustees.
	fn trustee_index(key: KeyId, who: &AccountId) -> Option<u16>;

	/// Trustee `index`'s verification key `s_j·G`, computed from the qualified dealers'
	/// commitments; `None` for a key not finished or an index not among its trustees.
	fn verification_key(key: KeyId, index: u16) -> Option<SealPoint>;
}

/// No keys: nothing can be sealed.
impl<AccountId> SealingKeys<AccountId> for () {
	fn current() -> Option<(KeyId, SealPoint)> {
		None
	}
	fn public_key(_: KeyId) -> Option<SealPoint> {
		None
	}
	fn threshold(_: KeyId) -> Option<u16> {
		None
	}
	fn trustee_index(_: KeyId, _: &AccountId) -> Option<u16> {
		None
	}
	fn verification_key(_: KeyId, _: u16) -> Option<SealPoint> {
		None
	}
}
