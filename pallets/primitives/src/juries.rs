//! What juries share with the registry of acts and the ballots engine: the bills a jury decides
//! ([`BillRegistry`]) and the electorate of exactly its seated jurors ([`AliasList`],
//! [`AliasLists`]).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::sp_runtime::DispatchResult;
use scale_info::TypeInfo;

use crate::{Alias, Context, JurisdictionId, Roll};

/// A jury drawn by lot to decide a bill.
pub type JuryId = u32;

/// An act in the registry, numbered in order of tabling.
pub type ActId = u32;

/// A version of an act: 0 is the text first tabled, each amendment the next.
pub type VersionIndex = u32;

/// The only aliases that vote in a poll: a list another pallet keeps (the seated jurors of a
/// jury). They prove membership of their constituency's ring revision in `roll` for `context`
/// — the roll and context they enrolled with — so each yields the alias on the list, and one
/// person has one vote.
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
pub struct AliasList {
	/// The list: the jury whose seated jurors vote.
	pub list: JuryId,
	/// The context the aliases were drawn in (the jury's pool).
	pub context: Context,
	/// The roll the aliases were proven against (frozen when the bill was sent to the jury).
	pub roll: Roll,
	/// How many aliases the list holds: the poll's turnout base.
	pub size: u32,
}

/// Who is on an alias list: implemented by juries (the seated jurors of each jury).
pub trait AliasLists {
	/// Whether `alias` is on list `list`.
	fn contains(list: JuryId, alias: &Alias) -> bool;
}

/// No lists: no alias is on any.
impl AliasLists for () {
	fn contains(_: JuryId, _: &Alias) -> bool {
		false
	}
}

/// A bill as a jury sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct OpenBill {
	/// The jurisdiction whose bill it is: its persons are the jury's pool.
	pub unit: JurisdictionId,
	/// Its latest version: the text the jury decides.
	pub version: VersionIndex,
}

/// The registry of acts as juries use it: implemented by the runtime over the acts pallet, which
/// takes a jury's verdict from the jury's own origin.
pub trait BillRegistry {
	/// The bill `act`, while it is a draft awaiting adoption; `None` for an unknown act or one
	/// already adopted, rejected or repealed.
	fn open_bill(act: ActId) -> Option<OpenBill>;

	/// Applies the verdict of jury `jury` on `act`: adopts `version` (it becomes a law, numbered)
	/// or rejects the bill.
	fn decide(jury: JuryId, act: ActId, version: VersionIndex, adopt: bool) -> DispatchResult;
}
