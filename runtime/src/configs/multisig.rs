//! Multi-signature accounts: how a council or a cooperative acts together from one account.

use crate::{deposit, Balance, Balances, Runtime, RuntimeCall, RuntimeEvent};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Deposit for a pending multisig operation: one storage item of 88 bytes…
	pub const DepositBase: Balance = deposit(1, 88);
	/// …plus 32 bytes per signatory.
	pub const DepositFactor: Balance = deposit(0, 32);
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = DepositBase;
	type DepositFactor = DepositFactor;
	type MaxSignatories = ConstU32<100>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}
