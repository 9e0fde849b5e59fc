//! Recall: an official whose approval collapses, or whom a petition challenges, faces a
//! confidence vote.

use crate::{governance::CommissionOrRoot, BlockNumber, Runtime};
use frame_support::{parameter_types, traits::ConstU32};
use pallet_veche_recall::RecallRules;
use sp_runtime::Perbill;

#[cfg(not(feature = "fast-runtime"))]
parameter_types! {
	/// Approval under 20 % in a month that a tenth of the roll rated, or a petition of a tenth of
	/// the roll within a month; not in a term's first three months, nor within six months of the
	/// last procedure; two weeks to respond, a week to vote and a week of appeals; "remove" needs
	/// a quarter of the roll to turn out.
	pub const DefaultRules: RecallRules<BlockNumber> = RecallRules {
		threshold: Perbill::from_percent(20),
		quorum: Perbill::from_percent(10),
		petition: Perbill::from_percent(10),
		petition_period: 30 * crate::DAYS,
		grace: 90 * crate::DAYS,
		cooldown: 180 * crate::DAYS,
		response: 14 * crate::DAYS,
		vote: 7 * crate::DAYS,
		appeal: 7 * crate::DAYS,
		turnout: Perbill::from_percent(25),
	};
}
// Test networks run a recall in minutes.
#[cfg(feature = "fast-runtime")]
parameter_types! {
	pub const DefaultRules: RecallRules<BlockNumber> = RecallRules {
		threshold: Perbill::from_percent(20),
		quorum: Perbill::from_percent(10),
		petition: Perbill::from_percent(10),
		petition_period: 10 * crate::MINUTES,
		grace: 2 * crate::MINUTES,
		cooldown: 10 * crate::MINUTES,
		response: 2 * crate::MINUTES,
		vote: 3 * crate::MINUTES,
		appeal: 2 * crate::MINUTES,
		turnout: Perbill::from_percent(25),
	};
}

impl pallet_veche_recall::Config for Runtime {
	/// This parachain's blocks: the clock of the ballots engine and of elections' terms.
	type BlockNumberProvider = crate::System;
	type Jurisdictions = crate::Jurisdictions;
	/// Elections seat officials and, on removal, vacate the seat: a by-election or the next on
	/// the list.
	type Officeholders = crate::Elections;
	type Polls = crate::Ballots;
	type Ratings = crate::Ratings;
	type Promises = crate::Promises;
	/// The election commission (or a people's referendum, or root) sets offices' rules.
	type RulesOrigin = CommissionOrRoot;
	type DefaultRules = DefaultRules;
	/// A response names up to 32 promises: a whole programme.
	type MaxFixes = ConstU32<32>;
	type MaxRecord = ConstU32<16>;
	type WeightInfo = pallet_veche_recall::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Officials, low ratings, promises and votes for the recall benchmarks, through the runtime's
/// pallets.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_recall::benchmarking::BenchmarkHelper<crate::AccountId> for BenchmarkHelper {
	fn officeholder() -> (pallet_veche_primitives::OfficeId, crate::AccountId) {
		use pallet_veche_ratings::benchmarking::BenchmarkHelper as _;
		let (office, who) = super::ratings::BenchmarkHelper::officeholder();
		// Rules, so that a removal calls a by-election: the dearer way to fill the seat.
		let rules = pallet_veche_elections::OfficeRules {
			method: pallet_veche_elections::Method::Plurality,
			term: 100,
			nomination: 10,
			voting: 10,
			promotion: false,
			primary: 0,
		};
		let _ = crate::Elections::set_rules(frame_system::RawOrigin::Root.into(), office, rules);
		(office, who)
	}

	fn low_period(office: pallet_veche_primitives::OfficeId, who: &crate::AccountId) -> u32 {
		use pallet_veche_ratings::{History, PeriodResult, Periods, RatingPeriod};
		let period = crate::Ratings::period_of(crate::System::block_number());
		let spheres = pallet_veche_primitives::Spheres::ALL;
		let result = PeriodResult {
			roll_size: 100,
			raters: 100,
			approvals: 0,
			disapprovals: 100,
			grades: frame_support::BoundedVec::truncate_from(alloc::vec![
				[0u64; 6];
				spheres.iter().count()
			]),
		};
		Periods::<Runtime>::insert(
			(who, office, period),
			RatingPeriod { poll: None, spheres, result: Some(result) },
		);
		History::<Runtime>::mutate(who, office, |h| {
			let _ = h.try_push(period);
		});
		period
	}

	fn promises(
		who: &crate::AccountId,
		n: u32,
	) -> alloc::vec::Vec<pallet_veche_primitives::PromiseId> {
		use pallet_veche_promises::benchmarking::BenchmarkHelper as _;
		// Only an identified person stands, and only a candidate makes promises.
		super::promises::BenchmarkHelper::identify(who);
		let election = super::promises::BenchmarkHelper::nominate(who);
		let signed = || frame_system::RawOrigin::Signed(who.clone()).into();
		let first = pallet_veche_promises::NextPromiseId::<Runtime>::get();
		for i in 0..n {
			let _ = crate::Promises::make(
				signed(),
				election,
				b"bench".to_vec().try_into().unwrap_or_default(),
				[i as u8; 32],
				pallet_veche_primitives::PolicySphere::Budget,
				None,
				None,
			);
		}
		(first..first.saturating_add(n)).collect()
	}

	fn set_votes(poll: pallet_veche_primitives::PollId, remove: u64, keep: u64) {
		let ballots = u32::try_from(remove.saturating_add(keep)).unwrap_or(u32::MAX);
		let tally = pallet_veche_ballots::Tally {
			ballots,
			turnout: remove.saturating_add(keep),
			options: frame_support::BoundedVec::truncate_from(alloc::vec![remove, keep]),
		};
		pallet_veche_ballots::Totals::<Runtime>::insert(poll, tally);
	}
}
