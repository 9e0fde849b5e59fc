//! The jurisdiction tree: administrative units, diaspora constituencies and their offices.

use crate::{governance::CommissionOrRoot, Runtime};
use frame_support::traits::ConstU32;

impl pallet_veche_jurisdictions::Config for Runtime {
	/// The election commission (a passed referendum on its track) or root changes the tree.
	type AdminOrigin = CommissionOrRoot;
	/// Personhood refers to constituencies that have registered persons; ballots to units named
	/// by the electorate of a poll not yet purged; elections to offices with rules, a running
	/// election or holders; the registry of acts to offices that issued an act or that a
	/// deadline is due from.
	type Usage = (crate::Personhood, (crate::Ballots, (crate::Elections, crate::Acts)));
	type MaxNameLen = ConstU32<64>;
	/// Enough for every diaspora constituency of a country (one per country of residence).
	type MaxChildren = ConstU32<1_000>;
	type MaxOfficesPerUnit = ConstU32<16>;
	/// The largest parliaments have a few hundred seats.
	type MaxSeats = ConstU32<1_000>;
	type WeightInfo = pallet_veche_jurisdictions::weights::SubstrateWeight<Runtime>;
}
