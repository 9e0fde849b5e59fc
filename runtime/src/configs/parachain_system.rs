//! cumulus parachain-system: validation data from the relay chain, runtime upgrades, and the
//! consensus hook that limits how far ahead of the relay chain collators may build.
//!
//! Veche sends and receives no XCM yet, so the message queues are empty (`()`); see the README
//! for why XCM is left out for now.

use crate::{
	ParachainInfo, Runtime, RuntimeEvent, BLOCK_PROCESSING_VELOCITY, MAXIMUM_BLOCK_WEIGHT,
	RELAY_CHAIN_SLOT_DURATION_MILLIS, RELAY_PARENT_OFFSET, UNINCLUDED_SEGMENT_CAPACITY,
};
use cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
use frame_support::{parameter_types, traits::ConstU32, weights::Weight};

parameter_types! {
	pub const ReservedXcmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	pub const ReservedDmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
}

/// Aura-based: at most `BLOCK_PROCESSING_VELOCITY` blocks per relay slot, and at most
/// `UNINCLUDED_SEGMENT_CAPACITY` blocks waiting for inclusion.
pub type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

impl cumulus_pallet_parachain_system::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = cumulus_pallet_parachain_system::weights::SubstrateWeight<Runtime>;
	/// Juries read the relay chain's epoch and BABE randomness from each block's relay proof.
	type OnSystemEvent = super::juries::JuryRandomness;
	type SelfParaId = ParachainInfo;
	type OutboundXcmpMessageSource = ();
	type DmpQueue = ();
	type ReservedDmpWeight = ReservedDmpWeight;
	type XcmpMessageHandler = ();
	type ReservedXcmpWeight = ReservedXcmpWeight;
	type CheckAssociatedRelayNumber = RelayNumberMonotonicallyIncreases;
	type ConsensusHook = ConsensusHook;
	type RelayParentOffset = ConstU32<RELAY_PARENT_OFFSET>;
	type SchedulingSignatureVerifier = ();
}
