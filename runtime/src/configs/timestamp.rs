//! The timestamp inherent: each block's time, checked by Aura against its slot.

use crate::Runtime;
use frame_support::traits::ConstU64;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the unix epoch.
	type Moment = u64;
	type OnTimestampSet = crate::Aura;
	/// Aura checks slot timing itself; a parachain needs no minimum period.
	type MinimumPeriod = ConstU64<0>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Self>;
}
