//! Acts: the registry of acts of government, with versions, numbers and ML-DSA-65 signatures;
//! adopted acts marked in `pallet-nfts`, budgets paid by the scheduler.

use crate::{governance::CommissionOrRoot, AccountId, Runtime};
use frame_support::{
	parameter_types,
	traits::{nonfungibles_v2::Mutate, ConstU32, Incrementable},
	PalletId,
};
use pallet_nfts::{
	CollectionConfig, CollectionSetting, CollectionSettings, ItemConfig, ItemSetting, ItemSettings,
	MintSettings,
};
use pallet_veche_primitives::{JurisdictionId, MarkActs};
use sp_runtime::{traits::AccountIdConversion, DispatchError, DispatchResult};

parameter_types! {
	/// Derives the jurisdictions' accounts (`py/vacts` + "unit" + id) and the registry's own,
	/// which holds the marks.
	pub const ActsPalletId: PalletId = PalletId(*b"py/vacts");
}

/// The account of `unit` that its budgets pay from.
pub fn treasury(unit: JurisdictionId) -> AccountId {
	pallet_veche_acts::Pallet::<Runtime>::treasury(unit)
}

/// The registry's marks in `pallet-nfts`: one collection per jurisdiction, created by root
/// (no deposit), owned with its items by the registry's account (nobody holds its key), items
/// not transferable (the collection's setting and each item's), each with its act's number as
/// the attribute `number`.
pub struct NftMarks;
impl NftMarks {
	fn holder() -> AccountId {
		ActsPalletId::get().into_account_truncating()
	}
}
impl MarkActs for NftMarks {
	type Collection = u32;

	fn create_collection(_unit: JurisdictionId) -> Result<u32, DispatchError> {
		let collection = pallet_nfts::NextCollectionId::<Runtime>::get()
			.or(<u32 as Incrementable>::initial_value())
			.ok_or(DispatchError::Other("no collection id left"))?;
		let config = CollectionConfig {
			settings: CollectionSettings::from_disabled(
				CollectionSetting::TransferableItems | CollectionSetting::DepositRequired,
			),
			max_supply: None,
			mint_settings: MintSettings::default(),
		};
		crate::Nfts::force_create(
			frame_system::RawOrigin::Root.into(),
			sp_runtime::MultiAddress::Id(Self::holder()),
			config,
		)?;
		Ok(collection)
	}

	fn mark(collection: u32, act: u32, number: &[u8]) -> DispatchResult {
		let config =
			ItemConfig { settings: ItemSettings::from_disabled(ItemSetting::Transferable.into()) };
		<crate::Nfts as Mutate<AccountId, ItemConfig>>::mint_into(
			&collection,
			&act,
			&Self::holder(),
			&config,
			true,
		)?;
		<crate::Nfts as Mutate<AccountId, ItemConfig>>::set_attribute(
			&collection,
			&act,
			b"number",
			number,
		)
	}
}

impl pallet_veche_acts::Config for Runtime {
	/// This parachain's blocks: acts take effect and are repealed at blocks of this chain.
	type BlockNumberProvider = crate::System;
	/// The timestamp, for the calendar year of an act's number.
	type Time = crate::Timestamp;
	type Jurisdictions = crate::Jurisdictions;
	/// Elections seat the officials who table, issue and sign acts.
	type Officeholders = crate::Elections;
	/// The election commission (or a people's referendum, or root) keeps the registry: laws from
	/// before the chain, repeals, thresholds, revoking a compromised key.
	type GovernanceOrigin = CommissionOrRoot;
	/// A draft held by a jury is decided by that jury alone; any other by the commission (or a
	/// people's referendum, or root).
	type AdoptOrigin = super::juries::JuryOrGovernance;
	/// A title of a few lines.
	type MaxTitle = ConstU32<256>;
	/// A URL or an IPFS CID.
	type MaxLocator = ConstU32<256>;
	/// The first text and 63 amendments.
	type MaxVersions = ConstU32<64>;
	/// A parliament's presidium, a council's members.
	type MaxSigners = ConstU32<16>;
	/// A key in use, and one being rotated in.
	type MaxKeys = ConstU32<4>;
	type RuntimeCall = crate::RuntimeCall;
	/// Budgets' payouts are dispatched by the scheduler (with root origin) at their due blocks.
	type Scheduler = crate::Scheduler;
	type Currency = crate::Balances;
	type PalletId = ActsPalletId;
	type Marker = NftMarks;
	/// Monthly for five years.
	type MaxPayouts = ConstU32<64>;
	type MaxDeadlines = ConstU32<16>;
	type WeightInfo = pallet_veche_acts::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// An office of a new country with `n` holders, seated through the real elections pallet's
/// storage.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_acts::benchmarking::BenchmarkHelper<crate::AccountId> for BenchmarkHelper {
	fn office_with_holders(
		n: u32,
	) -> (pallet_veche_primitives::OfficeId, alloc::vec::Vec<crate::AccountId>) {
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
		let _ = crate::Jurisdictions::add_office(root(), country, name(), n);
		let now = crate::System::block_number();
		let holders: alloc::vec::Vec<crate::AccountId> =
			(0..n).map(|i| frame_benchmarking::account("official", i, 0)).collect();
		pallet_veche_elections::Holders::<Runtime>::mutate(office, |h| {
			for who in &holders {
				let _ = h.try_push(pallet_veche_elections::Holder {
					seat: pallet_veche_elections::Seat {
						who: who.clone(),
						constituency: country,
						list: None,
					},
					election: 0,
					since: now,
					until: now.saturating_add(crate::DAYS.saturating_mul(365)),
				});
			}
		});
		(office, holders)
	}
}
