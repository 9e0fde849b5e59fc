//! The voting engine: anonymous ballots, tallies per territory, appeals and recount.

use crate::{governance::CommissionOrRoot, Runtime, DAYS, MINUTES};
use frame_support::{parameter_types, traits::ConstU32};

#[cfg(not(feature = "fast-runtime"))]
parameter_types! {
	/// Territories can be excluded on appeal for a week after a poll ends.
	pub const AppealPeriod: crate::BlockNumber = 7 * DAYS;
	/// Ballots are kept for 90 days after the appeal window, for recounts and voters' checks.
	pub const RetentionPeriod: crate::BlockNumber = 90 * DAYS;
}
// Test networks run whole polls in minutes.
#[cfg(feature = "fast-runtime")]
parameter_types! {
	pub const AppealPeriod: crate::BlockNumber = 5 * MINUTES;
	pub const RetentionPeriod: crate::BlockNumber = 10 * MINUTES;
}

parameter_types! {
	/// Ballots go before ordinary transactions of equal fee; a re-vote adds its sequence number.
	pub const BallotPriority: u64 = u64::MAX / 4;
}

impl pallet_veche_ballots::Config for Runtime {
	/// This parachain's blocks.
	type BlockNumberProvider = crate::System;
	type Personhood = crate::Personhood;
	type Jurisdictions = crate::Jurisdictions;
	/// The election commission (a passed referendum on its track) or root creates polls
	/// directly; other pallets create theirs through `Ballots::create`.
	type CreateOrigin = CommissionOrRoot;
	/// The election commission hears appeals and excludes territories after proven fraud.
	type AppealOrigin = CommissionOrRoot;
	type MaxVotingPeriod = ConstU32<{ 30 * DAYS }>;
	type AppealPeriod = AppealPeriod;
	type RetentionPeriod = RetentionPeriod;
	/// A voter may re-vote once a minute.
	type RevoteCooldown = ConstU32<{ MINUTES }>;
	/// The batch verified at the end of a block; the block's weight limit binds first.
	type MaxBallotsPerBlock = ConstU32<512>;
	type BallotPriority = BallotPriority;
	/// People's referenda: every person of every country votes, support over the poll's roll.
	type Referenda = crate::PeoplesReferenda;
	/// Juries' seated jurors: the only voters of their jury's poll.
	type AliasLists = crate::Juries;
	type WeightInfo = pallet_veche_ballots::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Rings of the benchmark provers, for the ballots benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_ballots::benchmarking::BenchmarkHelper for BenchmarkHelper {
	fn rings() -> pallet_veche_ballots::benchmarking::BenchRings {
		use pallet_veche_ballots::fixtures;
		use pallet_veche_personhood::{
			benchmarking::BenchmarkHelper as _, crypto::RingVrf as _, RingMembers, RingRoot,
			RingRoots,
		};
		use pallet_veche_primitives::{RingRef, RingSet};
		type Vrf = super::personhood::RingVrf;
		let (constituency, root) = super::personhood::BenchmarkHelper::deep_constituency();
		let mut members: alloc::vec::Vec<_> = (0..fixtures::PROVERS)
			.map(|i| Vrf::member_from_seed(fixtures::seed(i)))
			.collect();
		members.sort();
		let chunks = Vrf::builder_chunks();
		let mut inter = Vrf::start();
		let _ = Vrf::push(&mut inter, &members, |r| chunks.get(r).map(|c| c.to_vec()));
		let commitment = Vrf::finish(&inter).unwrap_or([0; 288]);
		let sets = [RingSet::Constituency(constituency), RingSet::Credential(0)];
		for set in sets {
			RingMembers::<Runtime>::insert(
				set,
				0,
				frame_support::BoundedVec::truncate_from(members.clone()),
			);
			let root = RingRoot { commitment, revision: 1, members: fixtures::PROVERS, from: 0 };
			RingRoots::<Runtime>::insert(set, 0, root);
		}
		pallet_veche_ballots::benchmarking::BenchRings {
			constituency: RingRef { set: sets[0], index: 0, revision: 1 },
			credential: RingRef { set: sets[1], index: 0, revision: 1 },
			unit: root,
		}
	}

	fn proof(i: u32, shape: pallet_veche_ballots::fixtures::Shape) -> alloc::vec::Vec<u8> {
		pallet_veche_ballots::fixtures::domain12_proof(i, shape).unwrap_or_default()
	}

	fn units(n: u32) -> alloc::vec::Vec<pallet_veche_primitives::JurisdictionId> {
		use pallet_veche_personhood::benchmarking::BenchmarkHelper as _;
		super::personhood::BenchmarkHelper::units(n)
	}
}
