//! Unique marking of acts: every adopted act is also an item of a non-transferable collection
//! of the standard NFT pallet, one collection per jurisdiction, so that wallets and explorers
//! see the registry without knowing it.

use crate::JurisdictionId;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::{DispatchError, DispatchResult},
	Parameter,
};

/// Marks adopted acts as NFT items. Implemented by the runtime over `pallet-nfts`; the registry
/// of acts keeps which collection is each jurisdiction's and calls [`MarkActs::mark`] once per
/// act, at its first adoption.
///
/// Collections and items are held by an account nobody has the key of, with transfers
/// disabled: nobody can move, burn or re-attribute a mark.
pub trait MarkActs {
	/// A collection's id.
	type Collection: Parameter + Encode + Decode + MaxEncodedLen + Copy;

	/// Creates the collection of `unit`'s acts and returns its id.
	fn create_collection(unit: JurisdictionId) -> Result<Self::Collection, DispatchError>;

	/// Mints item `act` into `collection`, with its number (`year/seq`) as an attribute.
	fn mark(collection: Self::Collection, act: u32, number: &[u8]) -> DispatchResult;
}

/// No marking (tests of pallets that do not look at it).
impl MarkActs for () {
	type Collection = ();
	fn create_collection(_: JurisdictionId) -> Result<(), DispatchError> {
		Ok(())
	}
	fn mark(_: (), _: u32, _: &[u8]) -> DispatchResult {
		Ok(())
	}
}
