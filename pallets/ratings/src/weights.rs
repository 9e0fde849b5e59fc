//! Weights for `pallet_veche_ratings`: NOT MEASURED YET. These are estimates written by hand
//! (reads and writes counted from the code, the poll creation priced as the ballots engine's
//! `create_poll(1)`) until `scripts/bench.sh` generates this file; do not rely on them.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each benchmarked operation of `pallet_veche_ratings`.
pub trait WeightInfo {
	fn open_period() -> Weight;
	fn authorize_open() -> Weight;
	fn close_period() -> Weight;
	fn authorize_close() -> Weight;
	fn set_promotion_bar() -> Weight;
}

/// Estimated weights, with the runtime's own database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn open_period() -> Weight {
		Weight::from_parts(60_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn authorize_open() -> Weight {
		Weight::from_parts(20_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(4))
	}
	fn close_period() -> Weight {
		Weight::from_parts(80_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn authorize_close() -> Weight {
		Weight::from_parts(20_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(2))
	}
	fn set_promotion_bar() -> Weight {
		Weight::from_parts(15_000_000, 3_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same weights with RocksDB costs, for tests and runtimes without their own.
impl WeightInfo for () {
	fn open_period() -> Weight {
		Weight::from_parts(60_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(12))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn authorize_open() -> Weight {
		Weight::from_parts(20_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads(4))
	}
	fn close_period() -> Weight {
		Weight::from_parts(80_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(12))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn authorize_close() -> Weight {
		Weight::from_parts(20_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads(2))
	}
	fn set_promotion_bar() -> Weight {
		Weight::from_parts(15_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
}
