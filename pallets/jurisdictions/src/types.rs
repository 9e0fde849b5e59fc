//! The records the jurisdiction tree stores.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use pallet_veche_primitives::{JurisdictionId, Spheres, UnitKind};
use scale_info::TypeInfo;

/// An administrative unit or diaspora constituency.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxNameLen))]
pub struct Unit<MaxNameLen: Get<u32>> {
	/// The unit directly above this one; `None` for a country.
	pub parent: Option<JurisdictionId>,
	/// What kind of unit this is; fixes where it may sit in the tree.
	pub kind: UnitKind,
	/// Its official name, UTF-8.
	pub name: BoundedVec<u8, MaxNameLen>,
	/// How many units sit directly below it.
	pub children: u32,
	/// How many offices are attached to it.
	pub offices: u32,
}

/// An office (a mayor, the seats of a council, a parliament) attached to a unit.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxNameLen))]
pub struct Office<MaxNameLen: Get<u32>> {
	/// The unit whose people elect the office and whom it serves.
	pub unit: JurisdictionId,
	/// The level of government the office belongs to: the kind of its unit (a municipal council,
	/// a regional governor, the national parliament). Elections use it for promotion rules.
	pub level: UnitKind,
	/// The office's name, UTF-8 ("Village council", "Mayor").
	pub name: BoundedVec<u8, MaxNameLen>,
	/// How many persons hold the office at once (1 for a mayor, 15 for a council).
	pub seats: u32,
	/// The policy spheres it answers for: its holders are rated in these. Every sphere unless
	/// governance narrows it (a school board answers for education).
	pub spheres: Spheres,
}
