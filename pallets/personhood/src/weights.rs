//! Weights for `pallet_veche_personhood`.
//!
//! Provisional figures until `scripts/bench.sh` regenerates this file with frame-omni-bencher.

#![allow(unused_parens, unused_imports, unused_variables, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each call and ring-building step of `pallet_veche_personhood`.
pub trait WeightInfo {
	fn accredit_registrar(j: u32) -> Weight;
	fn revoke_registrar() -> Weight;
	fn register() -> Weight;
	fn suspend(c: u32) -> Weight;
	fn reinstate(c: u32) -> Weight;
	fn rotate_key(c: u32) -> Weight;
	fn add_credential_class() -> Weight;
	fn accredit_examiner() -> Weight;
	fn revoke_examiner() -> Weight;
	fn grant_credential() -> Weight;
	fn revoke_credential() -> Weight;
	fn admit_cohort(n: u32) -> Weight;
	fn build_ring(n: u32) -> Weight;
	fn idle_overhead() -> Weight;
	fn idle_scan(n: u32) -> Weight;
	fn verify_proof() -> Weight;
	fn upload_chunks() -> Weight;
}

/// Weights for `pallet_veche_personhood` on the runtime's database.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn accredit_registrar(j: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn revoke_registrar() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn register() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn suspend(c: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn reinstate(c: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn rotate_key(c: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn add_credential_class() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn accredit_examiner() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn revoke_examiner() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn grant_credential() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn revoke_credential() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn admit_cohort(n: u32) -> Weight {
		Weight::from_parts(20_000_000, 10_000)
			.saturating_add(Weight::from_parts(100_000, 100).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn build_ring(n: u32) -> Weight {
		Weight::from_parts(5_000_000, 30_000)
			.saturating_add(Weight::from_parts(1_000_000, 100).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn idle_overhead() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn idle_scan(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn verify_proof() -> Weight {
		Weight::from_parts(40_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn upload_chunks() -> Weight {
		Weight::from_parts(50_000_000, 30_000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
}

// For tests and for runtimes without a database cost.
impl WeightInfo for () {
	fn accredit_registrar(j: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn revoke_registrar() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn register() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn suspend(c: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn reinstate(c: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn rotate_key(c: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn add_credential_class() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn accredit_examiner() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn revoke_examiner() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn grant_credential() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn revoke_credential() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn admit_cohort(n: u32) -> Weight {
		Weight::from_parts(20_000_000, 10_000)
			.saturating_add(Weight::from_parts(100_000, 100).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn build_ring(n: u32) -> Weight {
		Weight::from_parts(5_000_000, 30_000)
			.saturating_add(Weight::from_parts(1_000_000, 100).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn idle_overhead() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn idle_scan(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn verify_proof() -> Weight {
		Weight::from_parts(40_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn upload_chunks() -> Weight {
		Weight::from_parts(50_000_000, 30_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
}
