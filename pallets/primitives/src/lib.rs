//! # Veche primitives
//!
//! The identifiers every Veche pallet shares, and the traits through which pallets talk to each
//! other. No pallet depends on another pallet's crate: each declares what it needs as a `Config`
//! type bounded by a trait from this crate, and the runtime wires the implementations.
//!
//! ## Identifiers
//!
//! All ids are plain integers so that they are cheap to hash (`Twox64Concat` for sequential ids)
//! and readable in polkadot.js apps. They are type aliases, not newtypes, so that the metadata
//! shows them as numbers; the alias name documents which kind of id a field holds.
//!
//! ## Traits
//!
//! - [`IdentityJudge`]: does an account carry a positive identity judgement? Implemented by the
//!   runtime over `pallet-identity`; used to qualify registrars, candidates and currency founders.

#![cfg_attr(not(feature = "std"), no_std)]

/// An administrative unit or diaspora constituency in the jurisdiction tree.
pub type JurisdictionId = u32;

/// An office (mayor, council seat, member of parliament) attached to a jurisdiction.
pub type OfficeId = u32;

/// A poll run by the ballots engine (election round, recall vote, jury vote, referendum).
pub type PollId = u32;

/// An election of one or more officeholders.
pub type ElectionId = u32;

/// A community mutual-credit currency.
pub type CurrencyId = u32;

/// Whether an account has been publicly identified by a trusted registrar.
///
/// Officials, candidates, registrars and currency founders act under their public identity;
/// voters never do. The runtime implements this over `pallet-identity` judgements.
pub trait IdentityJudge<AccountId> {
	/// `true` when `who` has at least one positive judgement (`Reasonable` or `KnownGood`) and no
	/// negative one.
	fn is_identified(who: &AccountId) -> bool;
}

/// Nobody is identified: the safe default for tests and for runtimes without identity.
impl<AccountId> IdentityJudge<AccountId> for () {
	fn is_identified(_: &AccountId) -> bool {
		false
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	struct Even;
	impl IdentityJudge<u64> for Even {
		fn is_identified(who: &u64) -> bool {
			who.is_multiple_of(2)
		}
	}

	#[test]
	fn unit_judge_identifies_nobody() {
		assert!(!<() as IdentityJudge<u64>>::is_identified(&0));
		assert!(!<() as IdentityJudge<u64>>::is_identified(&u64::MAX));
	}

	#[test]
	fn a_judge_is_usable_through_the_trait() {
		fn check<J: IdentityJudge<u64>>(who: u64) -> bool {
			J::is_identified(&who)
		}
		assert!(check::<Even>(2));
		assert!(!check::<Even>(3));
	}
}
