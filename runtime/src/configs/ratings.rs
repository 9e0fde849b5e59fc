//! Ratings: residents rate their officials every month, approval and grades by policy sphere.

use crate::{governance::CommissionOrRoot, BlockNumber, Runtime};
use frame_support::{parameter_types, traits::ConstU32};

#[cfg(not(feature = "fast-runtime"))]
parameter_types! {
	/// A rating period is a month (30 days of 6-second blocks): the longest poll the ballots
	/// engine runs, so a period's poll spans it.
	pub const RatingPeriod: BlockNumber = 30 * crate::DAYS;
}
// Test networks rate in periods of ten minutes.
#[cfg(feature = "fast-runtime")]
parameter_types! {
	pub const RatingPeriod: BlockNumber = 10 * crate::MINUTES;
}

impl pallet_veche_ratings::Config for Runtime {
	/// This parachain's blocks, the ballots engine's clock: a period's poll ends with it.
	type BlockNumberProvider = crate::System;
	type Jurisdictions = crate::Jurisdictions;
	type Officeholders = crate::Elections;
	type Polls = crate::Ballots;
	type Promises = crate::Promises;
	/// The election commission (or a people's referendum, or root) sets the bars of promotion.
	type BarOrigin = CommissionOrRoot;
	type Period = RatingPeriod;
	/// Block 0 lies in period 12: a year of monthly periods from before the chain may be
	/// imported at genesis (the demo imports two).
	type FirstPeriod = ConstU32<12>;
	/// Five years of monthly periods per official and office.
	type MaxHistory = ConstU32<60>;
	type WeightInfo = pallet_veche_ratings::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// An official of a new country, seated through the real elections pallet's storage.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_ratings::benchmarking::BenchmarkHelper<crate::AccountId> for BenchmarkHelper {
	fn officeholder() -> (pallet_veche_primitives::OfficeId, crate::AccountId) {
		let root = || frame_system::RawOrigin::Root.into();
		let name = || b"bench".to_vec().try_into().unwrap_or_default();
		let country = pallet_veche_jurisdictions::NextUnitId::<Runtime>::get();
		let _ = crate::Jurisdictions::add_unit(
			root(),
			None,
			pallet_veche_primitives::UnitKind::Country,
			name(),
		);
		let office = pallet_veche_jurisdictions::NextOfficeId::<Runtime>::get();
		let _ = crate::Jurisdictions::add_office(root(), country, name(), 1);
		let who: crate::AccountId = frame_benchmarking::account("official", 0, 0);
		let now = crate::System::block_number();
		let holder = pallet_veche_elections::Holder {
			seat: pallet_veche_elections::Seat {
				who: who.clone(),
				constituency: country,
				list: None,
			},
			election: 0,
			since: now,
			until: now.saturating_add(RatingPeriod::get().saturating_mul(100)),
		};
		pallet_veche_elections::Holders::<Runtime>::mutate(office, |h| {
			let _ = h.try_push(holder);
		});
		(office, who)
	}
}
