//! Weights for `pallet_veche_recall`: NOT MEASURED YET. These are estimates written by hand
//! (reads and writes counted from the code, a poll's creation priced as the ballots engine's
//! `create_poll(1)`, a removal as elections' `remove_holder`) until `scripts/bench.sh` generates
//! this file; do not rely on them.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each benchmarked operation of `pallet_veche_recall`.
pub trait WeightInfo {
	fn set_rules() -> Weight;
	fn open_petition() -> Weight;
	fn authorize_petition() -> Weight;
	fn start_recall() -> Weight;
	fn authorize_start() -> Weight;
	fn respond(f: u32, ) -> Weight;
	fn open_vote() -> Weight;
	fn conclude() -> Weight;
	fn authorize_advance() -> Weight;
}

macro_rules! estimates {
	($db:expr) => {
		fn set_rules() -> Weight {
			Weight::from_parts(15_000_000, 3_000).saturating_add($db.reads(1)).saturating_add($db.writes(1))
		}
		fn open_petition() -> Weight {
			Weight::from_parts(70_000_000, 80_000).saturating_add($db.reads(14)).saturating_add($db.writes(7))
		}
		fn authorize_petition() -> Weight {
			Weight::from_parts(25_000_000, 20_000).saturating_add($db.reads(6))
		}
		fn start_recall() -> Weight {
			Weight::from_parts(60_000_000, 80_000).saturating_add($db.reads(12)).saturating_add($db.writes(6))
		}
		fn authorize_start() -> Weight {
			Weight::from_parts(40_000_000, 30_000).saturating_add($db.reads(10))
		}
		fn respond(f: u32, ) -> Weight {
			Weight::from_parts(30_000_000, 80_000)
				.saturating_add(Weight::from_parts(200_000, 0).saturating_mul(f.into()))
				.saturating_add($db.reads(2)).saturating_add($db.writes(1))
		}
		fn open_vote() -> Weight {
			Weight::from_parts(70_000_000, 80_000).saturating_add($db.reads(14)).saturating_add($db.writes(7))
		}
		fn conclude() -> Weight {
			Weight::from_parts(200_000_000, 80_000).saturating_add($db.reads(30)).saturating_add($db.writes(20))
		}
		fn authorize_advance() -> Weight {
			Weight::from_parts(20_000_000, 20_000).saturating_add($db.reads(3))
		}
	};
}

/// Estimated weights, with the runtime's own database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	estimates!(T::DbWeight::get());
}

/// The same weights with RocksDB costs, for tests and runtimes without their own.
impl WeightInfo for () {
	estimates!(RocksDbWeight::get());
}
