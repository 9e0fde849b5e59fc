//! Weights for `pallet_veche_acts`: NOT MEASURED YET. These are estimates written by hand
//! (reads and writes counted from the code; an ML-DSA-65 verification priced at 1 ms, about three
//! times what it took in a browser's wasm engine) until `scripts/bench.sh acts` generates this
//! file; do not rely on them.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions needed for `pallet_veche_acts`.
pub trait WeightInfo {
	fn table() -> Weight;
	fn amend() -> Weight;
	fn adopt() -> Weight;
	fn reject() -> Weight;
	fn repeal() -> Weight;
	fn register_key() -> Weight;
	fn revoke_key() -> Weight;
	fn sign() -> Weight;
	fn set_threshold() -> Weight;
	fn set_payouts(n: u32, ) -> Weight;
	fn pay_out() -> Weight;
	fn set_deadline() -> Weight;
	fn meet_deadline() -> Weight;
}

/// Hand estimates, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn table() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn amend() -> Weight {
		Weight::from_parts(60_000_000, 14_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn adopt() -> Weight {
		// Reads every later version of the act (at most MaxVersions) to keep adoption in order.
		Weight::from_parts(80_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(40))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn reject() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn repeal() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn register_key() -> Weight {
		Weight::from_parts(1_100_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn revoke_key() -> Weight {
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn sign() -> Weight {
		Weight::from_parts(1_100_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn set_threshold() -> Weight {
		Weight::from_parts(15_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_payouts(n: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 8_000)
			.saturating_add(Weight::from_parts(1_000_000, 60).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn pay_out() -> Weight {
		Weight::from_parts(90_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn set_deadline() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn meet_deadline() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

impl WeightInfo for () {
	fn table() -> Weight { Weight::from_parts(60_000_000, 12_000) }
	fn amend() -> Weight { Weight::from_parts(60_000_000, 14_000) }
	fn adopt() -> Weight { Weight::from_parts(80_000_000, 40_000) }
	fn reject() -> Weight { Weight::from_parts(20_000_000, 4_000) }
	fn repeal() -> Weight { Weight::from_parts(30_000_000, 6_000) }
	fn register_key() -> Weight { Weight::from_parts(1_100_000_000, 8_000) }
	fn revoke_key() -> Weight { Weight::from_parts(20_000_000, 3_000) }
	fn sign() -> Weight { Weight::from_parts(1_100_000_000, 12_000) }
	fn set_threshold() -> Weight { Weight::from_parts(15_000_000, 0) }
	fn set_payouts(_n: u32, ) -> Weight { Weight::from_parts(60_000_000, 8_000) }
	fn pay_out() -> Weight { Weight::from_parts(90_000_000, 20_000) }
	fn set_deadline() -> Weight { Weight::from_parts(30_000_000, 6_000) }
	fn meet_deadline() -> Weight { Weight::from_parts(30_000_000, 6_000) }
}
