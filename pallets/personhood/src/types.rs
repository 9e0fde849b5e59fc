//! The records personhood stores.

use crate::crypto::{Commitment, Intermediate, Member};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use pallet_veche_primitives::{JurisdictionId, RingIndex, RingRevision, Roll};
use scale_info::TypeInfo;

/// The opaque deduplication tag of a person: a keyed hash of their identity document, computed
/// off-chain by registrars with a secret they share. The same document gives the same tag at
/// every registrar; the tag reveals nothing without the secret.
pub type Tag = [u8; 32];

/// Whether a registered person's key may prove personhood.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum PersonStatus {
	/// In (or queued for) the rings of their constituency and credentials.
	Active,
	/// Taken out of every ring until reinstated.
	Suspended {
		/// Suspended by governance, which alone can lift it; otherwise by the person's own
		/// registrar (or governance) can.
		by_governance: bool,
	},
}

/// A registered person, by tag. Holds no personal data.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Person<AccountId> {
	/// The person's current ring key.
	pub key: Member,
	/// The constituency (municipality or diaspora constituency) whose rings hold the key.
	pub constituency: JurisdictionId,
	/// The registrar that registered the person.
	pub registrar: AccountId,
	/// Active or suspended.
	pub status: PersonStatus,
	/// The constituency ring holding the key; `None` while the key waits in the cohort queue
	/// (or is suspended).
	pub ring: Option<RingIndex>,
}

/// An accredited registrar (certification centre).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxJurisdictions))]
pub struct Registrar<MaxJurisdictions: Get<u32>, BlockNumber> {
	/// The units it serves, sorted: it registers persons into constituencies within them.
	pub jurisdictions: BoundedVec<JurisdictionId, MaxJurisdictions>,
	/// How many persons it has registered.
	pub registered: u32,
	/// How many persons it may register per quota period (set by governance).
	pub quota: u32,
	/// The quota period its count `used` belongs to (block number / period length).
	pub window: BlockNumber,
	/// How many persons it registered in that period.
	pub used: u32,
}

/// The keys waiting to join one ring set, and since when the oldest has waited.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxQueue))]
pub struct Cohort<BlockNumber, MaxQueue: Get<u32>> {
	/// The waiting keys, in arrival order.
	pub keys: BoundedVec<Member, MaxQueue>,
	/// The block at which the oldest waiting key arrived.
	pub since: BlockNumber,
}

/// The commitment proofs are checked against, for one ring.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct RingRoot {
	/// The commitment to the ring's members at `revision`.
	pub commitment: Commitment,
	/// How many times the commitment has changed; proofs name it.
	pub revision: RingRevision,
	/// How many members the commitment covers.
	pub members: u32,
	/// The point of the roll clock at which this revision was finished: rolls frozen from this
	/// point on hold it.
	pub from: Roll,
}

/// The builder of one ring: how far the members list has been pushed into the commitment.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct RingBuilder {
	/// The builder state after `pushed` members.
	pub intermediate: Intermediate,
	/// How many members of the ring's list are in `intermediate`.
	pub pushed: u32,
}

/// A replaced revision of a ring, kept while a poll whose roll holds it is not yet purged.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct PastRoot {
	/// The commitment at this revision.
	pub commitment: Commitment,
	/// How many members it covers.
	pub members: u32,
	/// The roll point at which it was finished.
	pub from: Roll,
	/// The roll point at which the next revision replaced it: rolls frozen in `from..until` hold
	/// this revision.
	pub until: Roll,
}
