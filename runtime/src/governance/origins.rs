//! Custom origins that referenda tracks dispatch with.

pub use pallet::*;

/// Origins of Veche's governance below root. A referendum passed on a track dispatches its
/// call with that track's origin; pallets accept these origins through `EnsureOrigin` types
/// such as [`EnsureCommission`](super::EnsureCommission).
#[frame_support::pallet]
pub mod pallet {
	use core::fmt::Debug;
	use frame_support::pallet_prelude::*;

	/// The origins pallet needs nothing from the runtime.
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// Holds no storage and has no calls: it only defines [`Origin`].
	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Origins below root that governance acts with.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// The election commission, through a passed referendum on the `commission` track:
		/// accredits registrars, manages collators and identity registrars.
		Commission,
		/// The people, through a passed people's referendum (decided by anonymous ballots of
		/// registered persons, one person one vote): may do whatever the commission may.
		People,
	}
}

/// Ensures the origin is [`Origin::Commission`].
pub struct EnsureCommission;
impl<O: Into<Result<Origin, O>> + From<Origin>> frame_support::traits::EnsureOrigin<O>
	for EnsureCommission
{
	type Success = ();

	fn try_origin(o: O) -> Result<Self::Success, O> {
		match o.into() {
			Ok(Origin::Commission) => Ok(()),
			Ok(other) => Err(O::from(other)),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Commission))
	}
}

/// Ensures the origin is [`Origin::People`].
pub struct EnsurePeople;
impl<O: Into<Result<Origin, O>> + From<Origin>> frame_support::traits::EnsureOrigin<O>
	for EnsurePeople
{
	type Success = ();

	fn try_origin(o: O) -> Result<Self::Success, O> {
		match o.into() {
			Ok(Origin::People) => Ok(()),
			Ok(other) => Err(O::from(other)),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::People))
	}
}

impl pallet::Config for crate::Runtime {}
