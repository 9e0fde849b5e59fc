//! The scheduler: runs what referenda enact, at the block they say.

use crate::{
	weight_share, AccountId, OriginCaller, Preimage, Runtime, RuntimeBlockWeights, RuntimeCall,
	RuntimeEvent, RuntimeOrigin,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EqualPrivilegeOnly},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

parameter_types! {
	pub MaximumSchedulerWeight: Weight =
		weight_share(Perbill::from_percent(80), RuntimeBlockWeights::get().max_block);
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only root schedules directly; referenda schedule through their own path.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	/// The local block number: the relay-number provider can skip agendas on a sparse chain.
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}
