//! Elections of officeholders: nominations, voting through ballots, counting, certification.

use crate::{
	configs::identity::IdentityJudgement, governance::CommissionOrRoot, Balance, Runtime, UNIT,
};
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::{traits::AccountIdConversion, Perbill};

parameter_types! {
	/// A candidacy's deposit: enough to deter frivolous candidacies, small enough for a village.
	pub const CandidacyDeposit: Balance = 10 * UNIT;
	/// A party list's deposit.
	pub const ListDeposit: Balance = 100 * UNIT;
	/// A claimed Phragmén outcome's deposit: forfeited if the claim is wrong, it pays for the
	/// check that refutes it (a check of ten thousand ballots costs well under this in fees).
	pub const ClaimDeposit: Balance = 20 * UNIT;
	/// Candidates (lists) with at least 5% of the votes get their deposit back.
	pub const DepositReturn: Perbill = Perbill::from_percent(5);
	/// The account forfeited deposits go to, spent by governance.
	pub const ElectionsPalletId: PalletId = PalletId(*b"py/velec");
	pub ForfeitAccount: crate::AccountId = ElectionsPalletId::get().into_account_truncating();
}

impl pallet_veche_elections::Config for Runtime {
	/// This parachain's blocks: the clock of ballots' polls.
	type BlockNumberProvider = crate::System;
	type Jurisdictions = crate::Jurisdictions;
	type Polls = crate::Ballots;
	type Identity = IdentityJudgement;
	/// Promises kept, and the bars offices set on approval and promises kept over the last
	/// term, tighten promotion.
	type Record = (crate::Promises, crate::Ratings);
	type Promises = crate::Promises;
	type Ratings = crate::Ratings;
	type Recalls = crate::Recall;
	type Currency = crate::Balances;
	type RuntimeHoldReason = crate::RuntimeHoldReason;
	/// The election commission (a passed referendum on its track) or root sets rules and
	/// schedules elections.
	type ScheduleOrigin = CommissionOrRoot;
	/// The commission, carrying out a court's ruling, removes an officeholder.
	type RemovalOrigin = CommissionOrRoot;
	type CandidacyDeposit = CandidacyDeposit;
	type ListDeposit = ListDeposit;
	type ClaimDeposit = ClaimDeposit;
	type DepositReturn = DepositReturn;
	type ForfeitAccount = ForfeitAccount;
	/// A diaspora parliament's constituencies (countries of residence, grouped). Counting reads
	/// every list of every constituency in one call: 8 × 64 lists bounds its proof size.
	type MaxConstituencies = ConstU32<8>;
	/// The largest parliaments have a few hundred seats.
	type MaxSeats = ConstU32<500>;
	type MaxServiceRecords = ConstU32<32>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = pallet_veche_elections::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Offices, constituencies, identities and poll results for the elections benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_elections::benchmarking::BenchmarkHelper<crate::AccountId> for BenchmarkHelper {
	fn identify(who: &crate::AccountId) {
		use pallet_veche_personhood::benchmarking::BenchmarkHelper as _;
		super::personhood::BenchmarkHelper::identify(who)
	}

	fn parliament(
		c: u32,
	) -> (pallet_veche_primitives::OfficeId, alloc::vec::Vec<pallet_veche_primitives::JurisdictionId>)
	{
		use pallet_veche_primitives::UnitKind::*;
		let root = frame_system::RawOrigin::Root;
		let name = || b"bench".to_vec().try_into().unwrap_or_default();
		let country = pallet_veche_jurisdictions::NextUnitId::<Runtime>::get();
		let _ = crate::Jurisdictions::add_unit(root.clone().into(), None, Country, name());
		let constituencies = (0..c)
			.map(|_| {
				let id = pallet_veche_jurisdictions::NextUnitId::<Runtime>::get();
				let _ = crate::Jurisdictions::add_unit(
					root.clone().into(),
					Some(country),
					DiasporaConstituency,
					name(),
				);
				id
			})
			.collect();
		let office = pallet_veche_jurisdictions::NextOfficeId::<Runtime>::get();
		let _ = crate::Jurisdictions::add_office(root.into(), country, name(), 500);
		(office, constituencies)
	}

	fn set_results(
		poll: pallet_veche_primitives::PollId,
		votes: alloc::vec::Vec<u64>,
		preferences: alloc::vec::Vec<(u8, alloc::vec::Vec<u64>)>,
	) {
		let total = votes.iter().fold(0u64, |s, v| s.saturating_add(*v));
		let tally = pallet_veche_ballots::Tally {
			ballots: u32::try_from(total).unwrap_or(u32::MAX),
			turnout: total,
			options: frame_support::BoundedVec::truncate_from(votes),
		};
		pallet_veche_ballots::Totals::<Runtime>::insert(poll, tally);
		for (list, counts) in preferences {
			pallet_veche_ballots::PreferenceTotals::<Runtime>::insert(
				poll,
				list,
				frame_support::BoundedVec::truncate_from(counts),
			);
		}
	}

	fn store_ballots(
		poll: pallet_veche_primitives::PollId,
		ballots: alloc::vec::Vec<(alloc::vec::Vec<u8>, u32)>,
	) {
		for (i, (marks, weight)) in (0u32..).zip(ballots) {
			let alias = sp_io::hashing::blake2_256(&codec::Encode::encode(&(poll, i)));
			let record = pallet_veche_ballots::BallotRecord {
				territory: 0,
				choice: frame_support::BoundedVec::truncate_from(marks),
				sequence: 1,
				weight,
				cast_at: 0,
			};
			pallet_veche_ballots::Ballots::<Runtime>::insert(poll, alias, record);
		}
	}
}
