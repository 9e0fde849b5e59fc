//! Weights for `pallet_veche_juries`.
//!
//! NOT YET MEASURED: these are estimates until `scripts/bench.sh pallet_veche_juries` generates
//! this file from the pallet's benchmarks. A proof verification is charged as ballots measured
//! one (`authorize_cast`: 20.7 ms of wasm a proof); storage as the reads and writes each call
//! makes, with generous proof sizes.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each operation of `pallet_veche_juries`.
pub trait WeightInfo {
	fn send_to_jury() -> Weight;
	fn authorize_enrol() -> Weight;
	fn enrol() -> Weight;
	fn start_draw(s: u32, ) -> Weight;
	fn draw(n: u32, ) -> Weight;
	fn authorize_accept() -> Weight;
	fn accept() -> Weight;
	fn lapse() -> Weight;
	fn conclude() -> Weight;
	fn cancel() -> Weight;
	fn clear(n: u32, ) -> Weight;
}

/// Estimated weights, with the runtime's own database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn send_to_jury() -> Weight { estimates::send_to_jury::<T::DbWeight>() }
	fn authorize_enrol() -> Weight { estimates::authorize_enrol::<T::DbWeight>() }
	fn enrol() -> Weight { estimates::enrol::<T::DbWeight>() }
	fn start_draw(s: u32, ) -> Weight { estimates::start_draw::<T::DbWeight>(s) }
	fn draw(n: u32, ) -> Weight { estimates::draw::<T::DbWeight>(n) }
	fn authorize_accept() -> Weight { estimates::authorize_accept::<T::DbWeight>() }
	fn accept() -> Weight { estimates::accept::<T::DbWeight>() }
	fn lapse() -> Weight { estimates::lapse::<T::DbWeight>() }
	fn conclude() -> Weight { estimates::conclude::<T::DbWeight>() }
	fn cancel() -> Weight { estimates::cancel::<T::DbWeight>() }
	fn clear(n: u32, ) -> Weight { estimates::clear::<T::DbWeight>(n) }
}

/// For tests: the same estimates with RocksDB's costs.
impl WeightInfo for () {
	fn send_to_jury() -> Weight { estimates::send_to_jury::<RocksDbWeight>() }
	fn authorize_enrol() -> Weight { estimates::authorize_enrol::<RocksDbWeight>() }
	fn enrol() -> Weight { estimates::enrol::<RocksDbWeight>() }
	fn start_draw(s: u32, ) -> Weight { estimates::start_draw::<RocksDbWeight>(s) }
	fn draw(n: u32, ) -> Weight { estimates::draw::<RocksDbWeight>(n) }
	fn authorize_accept() -> Weight { estimates::authorize_accept::<RocksDbWeight>() }
	fn accept() -> Weight { estimates::accept::<RocksDbWeight>() }
	fn lapse() -> Weight { estimates::lapse::<RocksDbWeight>() }
	fn conclude() -> Weight { estimates::conclude::<RocksDbWeight>() }
	fn cancel() -> Weight { estimates::cancel::<RocksDbWeight>() }
	fn clear(n: u32, ) -> Weight { estimates::clear::<RocksDbWeight>(n) }
}

mod estimates {
	use super::*;
	use frame_support::weights::RuntimeDbWeight;

	pub fn send_to_jury<D: Get<RuntimeDbWeight>>() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(D::get().reads(6))
			.saturating_add(D::get().writes(4))
	}
	pub fn authorize_enrol<D: Get<RuntimeDbWeight>>() -> Weight {
		Weight::from_parts(42_000_000_000, 16_000)
			.saturating_add(D::get().reads(10))
	}
	pub fn enrol<D: Get<RuntimeDbWeight>>() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(D::get().reads(6))
			.saturating_add(D::get().writes(5))
	}
	pub fn start_draw<D: Get<RuntimeDbWeight>>(s: u32, ) -> Weight {
		Weight::from_parts(80_000_000, 16_000)
			.saturating_add(Weight::from_parts(30_000_000, 2_600).saturating_mul(s.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(D::get().writes((1_u64).saturating_mul(s.into())))
	}
	pub fn draw<D: Get<RuntimeDbWeight>>(n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(Weight::from_parts(40_000_000, 7_600).saturating_mul(n.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(D::get().writes(2))
			.saturating_add(D::get().writes((4_u64).saturating_mul(n.into())))
	}
	pub fn authorize_accept<D: Get<RuntimeDbWeight>>() -> Weight {
		Weight::from_parts(21_000_000_000, 12_000)
			.saturating_add(D::get().reads(6))
	}
	pub fn accept<D: Get<RuntimeDbWeight>>() -> Weight {
		// The last acceptance opens the vote (a poll created).
		Weight::from_parts(120_000_000, 14_000)
			.saturating_add(D::get().reads(10))
			.saturating_add(D::get().writes(8))
	}
	pub fn lapse<D: Get<RuntimeDbWeight>>() -> Weight {
		Weight::from_parts(160_000_000, 20_000)
			.saturating_add(D::get().reads(14))
			.saturating_add(D::get().writes(12))
	}
	pub fn conclude<D: Get<RuntimeDbWeight>>() -> Weight {
		// Closing the poll and adopting the bill (numbered, marked in pallet-nfts).
		Weight::from_parts(400_000_000, 40_000)
			.saturating_add(D::get().reads(30))
			.saturating_add(D::get().writes(20))
	}
	pub fn cancel<D: Get<RuntimeDbWeight>>() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(3))
	}
	pub fn clear<D: Get<RuntimeDbWeight>>(n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(Weight::from_parts(10_000_000, 2_600).saturating_mul(n.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(D::get().writes((1_u64).saturating_mul(n.into())))
	}
}
