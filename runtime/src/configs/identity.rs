//! Public identity — of officials, candidates, registrars and currency founders, never of
//! voters. Registrars give judgements; Veche's pallets ask for a positive one through
//! [`pallet_veche_primitives::IdentityJudge`], implemented here.

use crate::{
	deposit, governance::CommissionOrRoot, AccountId, Balance, Balances, Runtime, RuntimeEvent,
	Signature, DAYS,
};
use frame_support::{parameter_types, traits::ConstU32};
use pallet_identity::{legacy::IdentityInfo, Judgement};
use pallet_veche_primitives::IdentityJudge;

parameter_types! {
	/// Deposit for an identity: one item of 17 bytes (its header)…
	pub const BasicDeposit: Balance = deposit(1, 17);
	/// …and this much per byte of its fields.
	pub const ByteDeposit: Balance = deposit(0, 1);
	pub const UsernameDeposit: Balance = deposit(0, 32);
	pub const SubAccountDeposit: Balance = deposit(1, 53);
}

impl pallet_identity::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type BasicDeposit = BasicDeposit;
	type ByteDeposit = ByteDeposit;
	type UsernameDeposit = UsernameDeposit;
	type SubAccountDeposit = SubAccountDeposit;
	type MaxSubAccounts = ConstU32<100>;
	type IdentityInformation = IdentityInfo<ConstU32<100>>;
	type MaxRegistrars = ConstU32<20>;
	/// Deposits slashed for bad identities are burned.
	type Slashed = ();
	/// The election commission (or root) may clear a false identity…
	type ForceOrigin = CommissionOrRoot;
	/// …and accredits identity registrars.
	type RegistrarOrigin = CommissionOrRoot;
	type OffchainSignature = Signature;
	type SigningPublicKey = <Signature as sp_runtime::traits::Verify>::Signer;
	type UsernameAuthorityOrigin = CommissionOrRoot;
	type PendingUsernameExpiration = ConstU32<{ 7 * DAYS }>;
	type UsernameGracePeriod = ConstU32<{ 30 * DAYS }>;
	type MaxSuffixLength = ConstU32<7>;
	type MaxUsernameLength = ConstU32<32>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type WeightInfo = pallet_identity::weights::SubstrateWeight<Runtime>;
}

/// An account is identified when a registrar judged it `Reasonable` or `KnownGood` and no
/// registrar judged it `Erroneous` or `LowQuality`.
pub struct IdentityJudgement;
impl IdentityJudge<AccountId> for IdentityJudgement {
	fn is_identified(who: &AccountId) -> bool {
		let Some(registration) = pallet_identity::IdentityOf::<Runtime>::get(who) else {
			return false;
		};
		let judgements = || registration.judgements.iter().map(|(_, j)| j);
		judgements().any(|j| matches!(j, Judgement::Reasonable | Judgement::KnownGood))
			&& !judgements().any(|j| matches!(j, Judgement::Erroneous | Judgement::LowQuality))
	}
}
