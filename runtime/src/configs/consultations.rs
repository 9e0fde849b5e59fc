//! Consultations: civic profiles, consultations with sealed answers, ideas and statuses of
//! responsible residents.

use crate::{governance::CommissionOrRoot, AccountId, BlockNumber, Runtime, RuntimeOrigin};
use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32, EnsureOrigin, EnsureOriginWithArg},
};
use pallet_veche_primitives::{JurisdictionId, JurisdictionInspect, Officeholders};

#[cfg(not(feature = "fast-runtime"))]
parameter_types! {
	/// A period is a month: profiles renew monthly, statuses count months.
	pub const ProfilePeriod: BlockNumber = 30 * crate::DAYS;
}
// Test networks count periods of ten minutes.
#[cfg(feature = "fast-runtime")]
parameter_types! {
	pub const ProfilePeriod: BlockNumber = 10 * crate::MINUTES;
}

parameter_types! {
	/// The moderator sets each consultation's length: from ten blocks (a minute; a town's quick
	/// poll, a test)...
	pub const MinConsultation: BlockNumber = 10;
	/// ...to three months.
	pub const MaxConsultation: BlockNumber = 90 * crate::DAYS;
}

impl pallet_veche_consultations::Config for Runtime {
	/// This parachain's blocks.
	type BlockNumberProvider = crate::System;
	type Personhood = crate::Personhood;
	type Jurisdictions = crate::Jurisdictions;
	type Keys = crate::Trustees;
	type Bills = super::juries::ActsForJuries;
	type ModeratorOrigin = UnitModerator;
	type Period = ProfilePeriod;
	/// Statuses look back six months.
	type StatusWindow = ConstU32<6>;
	/// Up to eight options (a five-grade scale, a choice among plans).
	type MaxOptions = ConstU32<8>;
	type MaxTitle = ConstU32<128>;
	type MaxName = ConstU32<64>;
	type MinDuration = MinConsultation;
	type MaxDuration = MaxConsultation;
	type MaxChanges = ConstU16<20>;
	/// Five hundred feeless calls a month per profile.
	type MaxCallsPerPeriod = ConstU32<500>;
	type MaxTrustees = <Runtime as pallet_veche_trustees::Config>::MaxTrustees;
	type MaxTopIdeas = ConstU32<20>;
	type WeightInfo = pallet_veche_consultations::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// A unit's moderator: the election commission (or a people's referendum, or root) for any
/// unit, or an official serving in an office of that very unit (its council, its mayor) —
/// signed by their own account.
pub struct UnitModerator;
impl EnsureOriginWithArg<RuntimeOrigin, JurisdictionId> for UnitModerator {
	type Success = ();

	fn try_origin(o: RuntimeOrigin, unit: &JurisdictionId) -> Result<(), RuntimeOrigin> {
		if <CommissionOrRoot as EnsureOrigin<RuntimeOrigin>>::try_origin(o.clone()).is_ok() {
			return Ok(());
		}
		let Ok(frame_system::RawOrigin::Signed(who)) = o.clone().into() else {
			return Err(o);
		};
		if serves_in(&who, *unit) {
			Ok(())
		} else {
			Err(o)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &JurisdictionId) -> Result<RuntimeOrigin, ()> {
		<CommissionOrRoot as EnsureOrigin<RuntimeOrigin>>::try_successful_origin()
	}
}

/// Whether `who` serves now in an office of `unit`.
fn serves_in(who: &AccountId, unit: JurisdictionId) -> bool {
	let now = crate::System::block_number();
	<crate::Elections as Officeholders<AccountId, BlockNumber>>::record(who)
		.iter()
		.any(|m| {
			m.serving(now)
				&& <crate::Jurisdictions as JurisdictionInspect>::office(m.office)
					.is_some_and(|(u, _)| u == unit)
		})
}

/// The ballots benchmarks' ring of provers with the consultations' fixture proofs, keys from
/// the trustees' genesis ceremony, and bills of a new office.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_consultations::benchmarking::BenchmarkHelper<AccountId> for BenchmarkHelper {
	fn prover() -> pallet_veche_consultations::benchmarking::BenchProver {
		use pallet_veche_ballots::benchmarking::BenchmarkHelper as _;
		use pallet_veche_consultations::fixtures;
		let rings = super::ballots::BenchmarkHelper::rings();
		let constituency = match rings.constituency.set {
			pallet_veche_primitives::RingSet::Constituency(c) => c,
			pallet_veche_primitives::RingSet::Credential(_) => rings.unit,
		};
		pallet_veche_consultations::benchmarking::BenchProver {
			ring: rings.constituency,
			// The benchmark rings' revisions start at roll point 0.
			roll: 0,
			constituency,
			open: fixtures::domain12_proof(false).unwrap_or_default(),
			renew: fixtures::domain12_proof(true).unwrap_or_default(),
		}
	}

	fn key(
		accounts: alloc::vec::Vec<AccountId>,
		threshold: u16,
		seeds: alloc::vec::Vec<[u8; 32]>,
	) -> pallet_veche_primitives::KeyId {
		crate::Trustees::genesis_key(&accounts, threshold, &seeds).unwrap_or_default()
	}

	fn bill() -> pallet_veche_primitives::ActId {
		<super::juries::BenchmarkHelper as pallet_veche_juries::benchmarking::BenchmarkHelper>::bill(
		)
	}
}
