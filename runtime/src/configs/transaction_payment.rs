//! Transaction fees in VEC (quoted by [`crate::fees`], which knows what the extensions waive).

use crate::{Balance, Balances, Runtime, RuntimeEvent, WeightToFee, MICRO_UNIT};
use frame_support::{parameter_types, traits::ConstU8, weights::ConstantMultiplier};
use polkadot_runtime_common::SlowAdjustingFeeUpdate;

parameter_types! {
	/// Fee per byte of an extrinsic.
	pub const TransactionByteFee: Balance = 10 * MICRO_UNIT;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burned (the pot of collator-selection is funded by governance).
	type OnChargeTransaction = pallet_transaction_payment::FungibleAdapter<Balances, ()>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = SlowAdjustingFeeUpdate<Self>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}
