//! The benchmarks this runtime runs (`scripts/bench.sh`): Veche's own pallets, and balances as
//! the yardstick a credit transfer is measured against. Upstream pallets keep the weights they
//! ship with.

frame_benchmarking::define_benchmarks!(
	[pallet_veche_jurisdictions, Jurisdictions]
	[pallet_veche_personhood, Personhood]
	[pallet_veche_ballots, Ballots]
	[pallet_veche_elections, Elections]
	[pallet_veche_promises, Promises]
	[pallet_veche_ratings, Ratings]
	[pallet_veche_recall, Recall]
	[pallet_veche_acts, Acts]
	[pallet_veche_juries, Juries]
	[pallet_veche_trustees, Trustees]
	[pallet_veche_consultations, Consultations]
	[pallet_veche_credit, Credit]
	[pallet_balances, Balances]
);
