//! Weights for `pallet_veche_jurisdictions`.
//!
//! Provisional figures until `scripts/bench.sh` regenerates this file with frame-omni-bencher.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each call of `pallet_veche_jurisdictions`.
pub trait WeightInfo {
	fn add_unit() -> Weight;
	fn rename_unit() -> Weight;
	fn remove_unit() -> Weight;
	fn add_office() -> Weight;
	fn update_office() -> Weight;
	fn remove_office() -> Weight;
}

/// Weights for `pallet_veche_jurisdictions` on the runtime's database.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_unit() -> Weight {
		Weight::from_parts(50_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(3, 4))
	}
	fn rename_unit() -> Weight {
		Weight::from_parts(30_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn remove_unit() -> Weight {
		Weight::from_parts(50_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(2, 4))
	}
	fn add_office() -> Weight {
		Weight::from_parts(50_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(3, 4))
	}
	fn update_office() -> Weight {
		Weight::from_parts(30_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn remove_office() -> Weight {
		Weight::from_parts(50_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(2, 3))
	}
}

// For tests and for runtimes without a database cost.
impl WeightInfo for () {
	fn add_unit() -> Weight {
		Weight::from_parts(50_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 4))
	}
	fn rename_unit() -> Weight {
		Weight::from_parts(30_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn remove_unit() -> Weight {
		Weight::from_parts(50_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 4))
	}
	fn add_office() -> Weight {
		Weight::from_parts(50_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 4))
	}
	fn update_office() -> Weight {
		Weight::from_parts(30_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn remove_office() -> Weight {
		Weight::from_parts(50_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 3))
	}
}
