//! Community mutual-credit currencies with demurrage.
//!
//! Clocks: demurrage and the savings notice run on the chain's timestamp (so a change of block
//! time does not bend them); the feeless allowance counts blocks, since it meters block space.

use crate::{
	configs::identity::IdentityJudgement, governance::CommissionOrRoot, Balances, Runtime,
	RuntimeHoldReason, Timestamp, HOURS, UNIT,
};
use frame_support::{parameter_types, traits::ConstU32, PalletId};

parameter_types! {
	pub const CreditPalletId: PalletId = PalletId(*b"py/vcred");
	/// A founder holds 10 VEC while their currency exists.
	pub const CurrencyDeposit: crate::Balance = 10 * UNIT;
	/// Savings come back after at most 90 days' notice.
	pub const MaxNotice: u64 = 90 * 24 * 3_600_000;
}

impl pallet_veche_credit::Config for Runtime {
	/// This parachain's blocks.
	type BlockNumberProvider = crate::System;
	/// The election commission (or root, or a passed people's referendum) creates currencies
	/// without a deposit and may act as any currency's administrator; identified founders create
	/// them for a deposit.
	type GovernanceOrigin = CommissionOrRoot;
	type IdentityJudge = IdentityJudgement;
	type NativeBalance = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CurrencyDeposit = CurrencyDeposit;
	type Time = Timestamp;
	type PalletId = CreditPalletId;
	type MaxAdmins = ConstU32<16>;
	type MaxMembers = ConstU32<100_000>;
	type MaxNameLen = ConstU32<64>;
	type MaxSymbolLen = ConstU32<12>;
	type MaxNotice = MaxNotice;
	/// A member sends up to 100 feeless transactions an hour in each of their currencies.
	type FeelessWindow = ConstU32<HOURS>;
	type FeelessPerWindow = ConstU32<100>;
	/// And at most 32 KiB of them (a payment is about 150 bytes), charged by length.
	type FeelessBytesPerWindow = ConstU32<{ 32 * 1024 }>;
	type WeightInfo = pallet_veche_credit::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Identities and the clock for the credit benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_credit::benchmarking::BenchmarkHelper<crate::AccountId> for BenchmarkHelper {
	fn identify(who: &crate::AccountId) {
		use pallet_veche_personhood::benchmarking::BenchmarkHelper as _;
		super::personhood::BenchmarkHelper::identify(who);
	}
	fn set_time(now: u64) {
		pallet_timestamp::Now::<Runtime>::put(now);
	}
}
