//! # Governance of the chain itself
//!
//! - **The election commission** is a council (`pallet-collective`, instance 1): its members
//!   propose and vote on motions, which dispatch with the council's collective origin.
//!   `CouncilMembership` (`pallet-membership`) is the one place where the commission's members
//!   are changed.
//! - **The commission's voting roll** (`Commission`, `pallet-ranked-collective`) holds exactly
//!   the same people, one member one vote. It tallies referenda on the commission's tracks, as
//!   the Fellowship does on Polkadot. It cannot be changed directly: [`CommissionMembers`] keeps
//!   it equal to the council whenever `CouncilMembership` changes.
//! - **Referenda** (`pallet-referenda`) give every decision a public lifecycle: anyone submits,
//!   a decision deposit starts deciding, the commission votes, and the call is enacted through
//!   the scheduler. Tracks are in [`tracks`].
//! - **People's referenda** (`PeoplesReferenda`, a second `pallet-referenda` instance): the same
//!   lifecycle, decided by registered persons. Anyone opens the referendum's poll
//!   (`ballots.open_referendum`); anonymous ballots then drive its tally (ayes, nays, support =
//!   turnout over the registered persons), one person one vote.
//! - **Origins** ([`origins`]): `Commission` is what a passed referendum on the commission track
//!   dispatches with, `People` what a passed people's referendum dispatches with; Veche's pallets
//!   accept either (with root) as their governance origin.

pub mod origins;
pub mod tracks;

use crate::{AccountId, Commission, Council};
use frame_support::traits::{
	ChangeMembers, EitherOf, EitherOfDiverse, InitializeMembers, RankedMembers,
};
use frame_system::EnsureRoot;

/// The council's instance.
pub type CouncilInstance = pallet_collective::Instance1;

/// Root, a passed referendum on the commission track, or a passed people's referendum.
pub type CommissionOrRoot =
	EitherOf<EnsureRoot<AccountId>, EitherOf<origins::EnsureCommission, origins::EnsurePeople>>;

/// The people's referenda instance.
pub type PeopleInstance = pallet_referenda::Instance2;

/// Root, or at least two thirds of the council in a motion.
pub type CouncilTwoThirdsOrRoot = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 2, 3>,
>;

/// Root, or more than half of the council in a motion.
pub type CouncilMajorityOrRoot = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionMoreThan<AccountId, CouncilInstance, 1, 2>,
>;

/// Keeps the council and the commission's voting roll identical: every change that
/// `CouncilMembership` makes goes to both.
pub struct CommissionMembers;

impl CommissionMembers {
	fn induct_all(who: &[AccountId]) {
		for member in who {
			// A member already on the roll is left as is; nothing else can fail here.
			let _ = <Commission as RankedMembers>::induct(member);
		}
	}
}

impl ChangeMembers<AccountId> for CommissionMembers {
	fn change_members_sorted(incoming: &[AccountId], outgoing: &[AccountId], new: &[AccountId]) {
		<Council as ChangeMembers<AccountId>>::change_members_sorted(incoming, outgoing, new);
		Self::induct_all(incoming);
		for member in outgoing {
			// Rank 0 is the only rank used: demoting from it removes the member.
			let _ = <Commission as RankedMembers>::demote(member);
		}
	}

	fn set_prime(prime: Option<AccountId>) {
		<Council as ChangeMembers<AccountId>>::set_prime(prime);
	}

	fn get_prime() -> Option<AccountId> {
		<Council as ChangeMembers<AccountId>>::get_prime()
	}
}

impl InitializeMembers<AccountId> for CommissionMembers {
	fn initialize_members(members: &[AccountId]) {
		<Council as InitializeMembers<AccountId>>::initialize_members(members);
		Self::induct_all(members);
	}
}

/// Checks that the council and the commission's voting roll hold the same people.
#[cfg(any(test, feature = "try-runtime"))]
pub fn council_and_commission_agree() -> Result<(), &'static str> {
	use crate::Runtime;
	let council = pallet_collective::Members::<Runtime, CouncilInstance>::get();
	let roll_size = pallet_ranked_collective::MemberCount::<Runtime>::get(0);
	if council.len() as u32 != roll_size {
		return Err("council and commission roll differ in size");
	}
	if !council
		.iter()
		.all(|m| pallet_ranked_collective::Members::<Runtime>::contains_key(m))
	{
		return Err("a council member is missing from the commission roll");
	}
	Ok(())
}
