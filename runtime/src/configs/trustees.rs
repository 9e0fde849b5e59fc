//! Trustees: key ceremonies for the threshold keys consultations seal answers to.

use crate::{governance::CommissionOrRoot, BlockNumber, Runtime};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// A phase lasts at least ten blocks (a minute)...
	pub const MinTrusteePhase: BlockNumber = 10;
	/// ...and at most a month.
	pub const MaxTrusteePhase: BlockNumber = 30 * crate::DAYS;
}

impl pallet_veche_trustees::Config for Runtime {
	/// This parachain's blocks.
	type BlockNumberProvider = crate::System;
	/// The election commission (or a people's referendum, or root) names the trustees and
	/// retires keys.
	type GovernanceOrigin = CommissionOrRoot;
	/// Sixteen trustees at most: observers, parties, universities, civic organisations.
	type MaxTrustees = ConstU32<16>;
	type MinPhase = MinTrusteePhase;
	type MaxPhase = MaxTrusteePhase;
	type WeightInfo = pallet_veche_trustees::weights::SubstrateWeight<Runtime>;
}
