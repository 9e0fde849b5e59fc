//! Personhood: registrars, one-time anonymous registration into ring-VRF rings, credentials.
//!
//! Clock: blocks of this chain (`frame_system`), because cohorts gather on this chain's activity.

#[cfg(not(feature = "fast-runtime"))]
use crate::HOURS;
#[cfg(feature = "fast-runtime")]
use crate::MINUTES;
use crate::{configs::identity::IdentityJudgement, governance::CommissionOrRoot, Runtime};
use frame_support::traits::ConstU32;
use pallet_veche_personhood::crypto::{Bandersnatch, Domain12};

/// Rings of up to 767 keys (PCS domain 2^12): the anonymity set of one proof.
pub type RingVrf = Bandersnatch<Domain12>;

/// A key waits at most this long for its cohort (one hour; two minutes on test networks).
#[cfg(not(feature = "fast-runtime"))]
pub const MAX_COHORT_WAIT: crate::BlockNumber = HOURS;
#[cfg(feature = "fast-runtime")]
pub const MAX_COHORT_WAIT: crate::BlockNumber = 2 * MINUTES;

impl pallet_veche_personhood::Config for Runtime {
	/// This parachain's blocks.
	type BlockNumberProvider = crate::System;
	type RingVrf = RingVrf;
	type Jurisdictions = crate::Jurisdictions;
	type IdentityJudge = IdentityJudgement;
	/// The election commission (or root) accredits registrars and examiners and may suspend
	/// anyone; registrars suspend within their own units.
	type AdminOrigin = CommissionOrRoot;
	type RingCapacity = ConstU32<767>;
	/// Keys join in cohorts of at least eight.
	type MinCohort = ConstU32<8>;
	type MaxCohortWait = ConstU32<MAX_COHORT_WAIT>;
	/// Polls keep the ring revisions of their frozen roll until they are purged.
	type Rolls = (crate::Ballots, (crate::Juries, crate::Consultations));
	/// No vote of any body can lower the anonymity floor below four keys; the commission sets
	/// the floor itself (`Personhood.setMinRingSize`): at least 64 for a real election.
	type AbsoluteMinRingSize = ConstU32<4>;
	type MaxQueue = ConstU32<256>;
	/// Keys per ring-building step (see the benchmarked `build_ring`).
	type BuildBatch = ConstU32<64>;
	type MaxRegistrarJurisdictions = ConstU32<64>;
	/// A registration batch carries 8 to 64 persons.
	type MaxBatch = ConstU32<64>;
	/// Quotas count registrations per day.
	type QuotaPeriod = ConstU32<{ crate::DAYS }>;
	/// A newly accredited registrar may register 500 persons a day until the commission sets
	/// its quota (`Personhood.setQuota`).
	type DefaultQuota = ConstU32<500>;
	type MaxCredentialClasses = ConstU32<16>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = pallet_veche_personhood::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Identities and units for the personhood benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_personhood::benchmarking::BenchmarkHelper<crate::AccountId> for BenchmarkHelper {
	fn identify(who: &crate::AccountId) {
		use frame_support::BoundedVec;
		use pallet_identity::{legacy::IdentityInfo, Judgement, Registration};
		let judgements = BoundedVec::truncate_from(alloc::vec![(0, Judgement::KnownGood)]);
		let info = IdentityInfo::default();
		pallet_identity::IdentityOf::<Runtime>::insert(
			who,
			Registration { judgements, deposit: 0, info },
		);
	}

	fn deep_constituency(
	) -> (pallet_veche_primitives::JurisdictionId, pallet_veche_primitives::JurisdictionId) {
		use pallet_veche_primitives::UnitKind::*;
		let root = pallet_veche_jurisdictions::NextUnitId::<Runtime>::get();
		let mut parent = None;
		for kind in [Country, Region, District, Municipality] {
			let id = pallet_veche_jurisdictions::NextUnitId::<Runtime>::get();
			let _ = crate::Jurisdictions::add_unit(
				frame_system::RawOrigin::Root.into(),
				parent,
				kind,
				b"bench".to_vec().try_into().unwrap_or_default(),
			);
			parent = Some(id);
		}
		(parent.unwrap_or(root), root)
	}

	fn units(n: u32) -> alloc::vec::Vec<pallet_veche_primitives::JurisdictionId> {
		(0..n)
			.map(|_| {
				let id = pallet_veche_jurisdictions::NextUnitId::<Runtime>::get();
				let _ = crate::Jurisdictions::add_unit(
					frame_system::RawOrigin::Root.into(),
					None,
					pallet_veche_primitives::UnitKind::Country,
					b"bench".to_vec().try_into().unwrap_or_default(),
				);
				id
			})
			.collect()
	}

	fn hold_roll(roll: pallet_veche_primitives::Roll) {
		pallet_veche_ballots::LiveRolls::<Runtime>::insert(roll.to_be_bytes(), 1);
	}
}
