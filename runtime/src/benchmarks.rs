//! The benchmarks this runtime runs (`scripts/bench.sh`): Veche's own pallets. Upstream pallets
//! keep the weights they ship with.

frame_benchmarking::define_benchmarks!(
	[pallet_veche_jurisdictions, Jurisdictions]
	[pallet_veche_personhood, Personhood]
	[pallet_veche_ballots, Ballots]
);
