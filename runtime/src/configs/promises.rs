//! Promises: candidates' programmes as checklists, rated by accredited auditors.

use crate::{
	configs::identity::IdentityJudgement, governance::CommissionOrRoot, Balance, BlockNumber,
	Runtime, DAYS, UNIT,
};
use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::Perbill;

parameter_types! {
	/// A promise's deposit: its storage (about 250 bytes with its first history entry).
	pub const PromiseDeposit: Balance = UNIT;
	/// A maker has two weeks to appeal a verdict to the commission.
	pub const AppealWindow: BlockNumber = 14 * DAYS;
	/// Promotion by record asks that at least half of the promises rated were kept (a
	/// compromise counts half)…
	pub const PromotionKeptShare: Perbill = Perbill::from_percent(50);
}

impl pallet_veche_promises::Config for Runtime {
	/// This parachain's blocks: the clock of elections' terms.
	type BlockNumberProvider = crate::System;
	type Candidacies = crate::Elections;
	type Identity = IdentityJudgement;
	type Currency = crate::Balances;
	type RuntimeHoldReason = crate::RuntimeHoldReason;
	/// The commission (or a people's referendum, or root) accredits and revokes auditors…
	type AccreditOrigin = CommissionOrRoot;
	/// …and decides appeals of their verdicts.
	type AppealOrigin = CommissionOrRoot;
	type PromiseDeposit = PromiseDeposit;
	/// A programme of 32 points, parts included.
	type MaxPromises = ConstU32<32>;
	type MaxTitleLen = ConstU32<128>;
	/// A monthly report over a five-year term fits, with room for the verdict and its appeal.
	type MaxHistory = ConstU32<64>;
	type MaxAuditors = ConstU32<100>;
	type AppealWindow = AppealWindow;
	/// …once at least five of them were rated.
	type PromotionMinVerdicts = ConstU32<5>;
	type PromotionKeptShare = PromotionKeptShare;
	type WeightInfo = pallet_veche_promises::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Candidacies and seats for the promises benchmarks, through the real elections pallet.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_promises::benchmarking::BenchmarkHelper<crate::AccountId, BlockNumber>
	for BenchmarkHelper
{
	fn identify(who: &crate::AccountId) {
		use pallet_veche_personhood::benchmarking::BenchmarkHelper as _;
		super::personhood::BenchmarkHelper::identify(who)
	}

	fn nominate(who: &crate::AccountId) -> pallet_veche_primitives::ElectionId {
		use frame_support::traits::fungible::Mutate;
		use pallet_veche_elections::{Method, OfficeRules};
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
		let rules = OfficeRules {
			method: Method::Plurality,
			term: 100,
			nomination: 10,
			voting: 10,
			promotion: false,
			primary: 0,
		};
		let _ = crate::Elections::set_rules(root(), office, rules);
		let election = pallet_veche_elections::NextElectionId::<Runtime>::get();
		let _ = crate::Elections::schedule(
			root(),
			office,
			crate::System::block_number().saturating_add(10),
		);
		let _ = crate::Balances::mint_into(who, 1_000 * UNIT);
		let signed = frame_system::RawOrigin::Signed(who.clone()).into();
		let _ = crate::Elections::nominate(signed, election, None);
		election
	}

	fn elect(who: &crate::AccountId, election: pallet_veche_primitives::ElectionId) {
		// Certifying needs a whole election run; the benchmark needs only its outcome, the
		// record of service that certification writes. Worst case for the lookup: a full
		// record, this seat last (each earlier entry costs a read of its election).
		let now = crate::System::block_number();
		let office =
			pallet_veche_elections::Elections::<Runtime>::get(election).map_or(0, |e| e.office);
		let service = |election| pallet_veche_elections::Service {
			office,
			level: pallet_veche_primitives::UnitKind::Country,
			election,
			since: now,
			until: now.saturating_add(1_000),
			left: None,
		};
		use frame_support::traits::Get;
		type Bound = <Runtime as pallet_veche_elections::Config>::MaxServiceRecords;
		let bound = <Bound as Get<u32>>::get() as usize;
		pallet_veche_elections::Records::<Runtime>::mutate(who, |records| {
			while records.len().saturating_add(1) < bound {
				let _ = records.try_push(service(u32::MAX.saturating_sub(records.len() as u32)));
			}
			let _ = records.try_push(service(election));
		});
	}

	fn end(who: &crate::AccountId, election: pallet_veche_primitives::ElectionId) {
		let _ = crate::Elections::withdraw(
			frame_system::RawOrigin::Signed(who.clone()).into(),
			election,
		);
	}
}
