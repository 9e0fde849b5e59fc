//! The registry's types: acts, their versions, numbers, signing keys and signatures.

use crate::mldsa::{PublicKey, SignatureBytes};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use pallet_veche_primitives::{DocumentHash, JurisdictionId, OfficeId};
use scale_info::TypeInfo;
use sp_runtime::traits::Get;

/// An act (numbered in order of tabling) and a version of it (0 is the text first tabled, each
/// amendment the next): shared with juries.
pub use pallet_veche_primitives::{ActId, VersionIndex};

/// A registered signing key.
pub type KeyId = u32;

/// A calendar year (UTC), in which an act was adopted.
pub type Year = u16;

/// What an act is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ActKind {
	/// A bill: a law in the making, adopted by the jurisdiction's legislature or a jury.
	Bill,
	/// A law in force without a bill on this chain (a constitution, a law from before it).
	Law,
	/// A decree of an office.
	Decree,
	/// A resolution of a council or assembly, adopted as a bill is.
	Resolution,
	/// A budget, adopted as a bill is.
	Budget,
	/// An office's answer to a request, a petition or a recall notice.
	OfficialResponse,
	/// A decision on an appeal.
	AppealDecision,
	/// Evidence that a promise was kept, filed by the official who made it.
	PromiseEvidence,
}

impl ActKind {
	/// Every kind, in declaration order.
	pub const ALL: [ActKind; 8] = [
		ActKind::Bill,
		ActKind::Law,
		ActKind::Decree,
		ActKind::Resolution,
		ActKind::Budget,
		ActKind::OfficialResponse,
		ActKind::AppealDecision,
		ActKind::PromiseEvidence,
	];

	/// Whether acts of this kind are a legislature's: tabled as drafts (a bill, a resolution, a
	/// budget) that must be adopted — by the jurisdiction's legislature or governance, or a jury —
	/// before they are acts, and amended the same way. A law is one (an adopted bill); one from
	/// before the chain is issued by governance alone. The other kinds are issued: adopted when
	/// filed or amended, by a holder of the issuing office or by governance.
	pub fn is_adopted(self) -> bool {
		matches!(self, ActKind::Bill | ActKind::Law | ActKind::Resolution | ActKind::Budget)
	}
}

/// The unique number of an adopted act: the `seq`-th act its jurisdiction adopted in `year`.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub struct ActNumber {
	/// The calendar year (UTC) of adoption.
	pub year: Year,
	/// Its place among the acts of the jurisdiction adopted that year, from 1.
	pub seq: u32,
}

/// Where an act stands, as stored; [`ActState`] adds what the clock decides.
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
pub enum ActStatus<BlockNumber> {
	/// A draft awaiting adoption.
	Bill,
	/// Adopted (its first version) at `at`: an act with a number.
	Adopted {
		/// The block of adoption.
		at: BlockNumber,
	},
	/// A draft that was rejected at `at`; it never became an act.
	Rejected {
		/// The block of rejection.
		at: BlockNumber,
	},
	/// Adopted, and repealed from block `from` on.
	Repealed {
		/// The block of adoption.
		adopted: BlockNumber,
		/// The first block it no longer applies.
		from: BlockNumber,
	},
}

/// Where an act stands at a block: the stored status with the clock applied.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum ActState {
	/// A draft awaiting adoption.
	Bill,
	/// Adopted, but no version applies yet (its effective block is ahead, or it lacks the
	/// signatures its kind needs).
	Adopted,
	/// Its first version applies.
	InForce,
	/// A later version (an amendment) applies.
	Amended,
	/// Rejected as a draft.
	Rejected,
	/// Repealed.
	Repealed,
}

/// An act of the registry.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxTitle))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Act<AccountId, BlockNumber, MaxTitle: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// What it is; a bill becomes a [`ActKind::Law`] when adopted.
	pub kind: ActKind,
	/// The jurisdiction it belongs to: the issuing office's unit.
	pub unit: JurisdictionId,
	/// The issuing office: its holders sign the act's versions.
	pub office: OfficeId,
	/// Its title (UTF-8).
	pub title: BoundedVec<u8, MaxTitle>,
	/// Who tabled it: the official, or `None` for governance.
	pub tabled_by: Option<AccountId>,
	/// When it was tabled.
	pub tabled: BlockNumber,
	/// Where it stands.
	pub status: ActStatus<BlockNumber>,
	/// Its unique number, once adopted.
	pub number: Option<ActNumber>,
	/// How many versions it has (the text first tabled and each amendment).
	pub versions: VersionIndex,
}

/// A version of an act: a text, known by its hash and found at its locator.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxLocator, MaxSigners))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Version<AccountId, BlockNumber, MaxLocator: Get<u32>, MaxSigners: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// BLAKE2b-256 of the text.
	pub content: DocumentHash,
	/// Where the text is published (a URL, an IPFS CID), UTF-8.
	pub locator: BoundedVec<u8, MaxLocator>,
	/// The version this one amends (`None` for the first).
	pub amends: Option<VersionIndex>,
	/// When it was proposed.
	pub proposed: BlockNumber,
	/// When it was adopted, and the first block it applies (given at adoption).
	pub adopted: Option<(BlockNumber, BlockNumber)>,
	/// When its signatures reached the threshold of the act's kind.
	pub signed: Option<BlockNumber>,
	/// Those who signed it (distinct persons), with the key each used.
	pub signers: BoundedVec<(KeyId, AccountId), MaxSigners>,
}

impl<AccountId, BlockNumber, MaxLocator, MaxSigners>
	Version<AccountId, BlockNumber, MaxLocator, MaxSigners>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + Copy + PartialEq + Eq + PartialOrd + core::fmt::Debug,
	MaxLocator: Get<u32>,
	MaxSigners: Get<u32>,
{
	/// Whether it applies at `at` (as far as the version itself goes): adopted, effective and
	/// signed by then.
	pub fn applies_at(&self, at: BlockNumber) -> bool {
		matches!(self.adopted, Some((_, effective)) if effective <= at)
			&& matches!(self.signed, Some(signed) if signed <= at)
	}
}

/// A registered ML-DSA-65 signing key: bound to its holder's account and the office they sign
/// for.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct SigningKey<AccountId, BlockNumber> {
	/// The official who holds it.
	pub owner: AccountId,
	/// The office they sign for.
	pub office: OfficeId,
	/// The public key.
	pub public: PublicKey,
	/// When it was registered.
	pub registered: BlockNumber,
	/// When it was revoked, if it was: it signs nothing after.
	pub revoked: Option<BlockNumber>,
}

/// A signature of a version, kept so that anyone can verify it again.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Signature<BlockNumber> {
	/// The ML-DSA-65 signature over [`crate::Pallet::version_message`] with
	/// [`crate::mldsa::ACT_CONTEXT`].
	pub bytes: SignatureBytes,
	/// When it was recorded.
	pub at: BlockNumber,
}

/// An act from before the chain, in the genesis configuration.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
pub struct GenesisAct {
	/// What it is (a draft's kind is one that is adopted).
	pub kind: ActKind,
	/// The issuing office.
	pub office: OfficeId,
	/// Its title (UTF-8).
	pub title: alloc::vec::Vec<u8>,
	/// BLAKE2b-256 of its text.
	pub content: DocumentHash,
	/// Where its text is published.
	pub locator: alloc::vec::Vec<u8>,
	/// Its number, for an act adopted before the chain; `None` for a draft.
	pub number: Option<ActNumber>,
}

/// One payment of a budget's schedule: from its jurisdiction's account to `to`, due at block
/// `due`, once the budget is in force.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Payout<AccountId, Balance, BlockNumber> {
	/// Who is paid.
	pub to: AccountId,
	/// How much, in the chain's currency.
	pub amount: Balance,
	/// The first block it may be paid.
	pub due: BlockNumber,
	/// The block it was paid, once it was.
	pub paid: Option<BlockNumber>,
}

/// What a deadline of an act asks.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum DeadlineKind {
	/// An office must respond (to a bill, an appeal, a petition the act records).
	ResponseDue,
	/// The act is to be reviewed (a sunset clause, a periodic review).
	Review,
}

/// A deadline an act sets for an office.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Deadline<BlockNumber> {
	/// What is due.
	pub kind: DeadlineKind,
	/// The office it is due from.
	pub office: OfficeId,
	/// The last block it is on time.
	pub due: BlockNumber,
	/// When it was met, and by which act (a response, a review's act) if one was named.
	pub met: Option<(BlockNumber, Option<ActId>)>,
}

/// Where a deadline stands at a block: computed when read, never by a hook.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum DeadlineState {
	/// Not met, and not yet due.
	Pending,
	/// Not met, and past due.
	Overdue,
	/// Met by its due block.
	Met,
	/// Met after its due block.
	MetLate,
}

impl<BlockNumber: Copy + PartialOrd> Deadline<BlockNumber> {
	/// Where the deadline stands at `at`.
	pub fn state_at(&self, at: BlockNumber) -> DeadlineState {
		match self.met {
			Some((met, _)) if met <= at => {
				if met <= self.due {
					DeadlineState::Met
				} else {
					DeadlineState::MetLate
				}
			},
			_ => {
				if at > self.due {
					DeadlineState::Overdue
				} else {
					DeadlineState::Pending
				}
			},
		}
	}
}
