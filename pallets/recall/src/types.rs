//! The types of recall procedures and petitions.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	sp_runtime::Perbill, traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
};
use pallet_veche_primitives::{DocumentHash, OfficeId, PollId, PromiseId, RecallOutcome};
use scale_info::TypeInfo;

/// A recall procedure.
pub type ProcedureId = u32;

/// How an office's officials may be recalled. Offices without rules of their own follow the
/// runtime's default.
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
pub struct RecallRules<BlockNumber> {
	/// A closed rating period whose approval is below this may start a recall…
	pub threshold: Perbill,
	/// …if at least this share of its roll rated.
	pub quorum: Perbill,
	/// A petition signed by at least this share of its roll starts a recall (above zero).
	pub petition: Perbill,
	/// How long a petition gathers signatures (at least one block).
	pub petition_period: BlockNumber,
	/// No recall starts in the first `grace` blocks of a term.
	pub grace: BlockNumber,
	/// After a procedure ends, none starts against the same official in the same office for
	/// `cooldown` blocks.
	pub cooldown: BlockNumber,
	/// The official's window to respond after notice (at least one block).
	pub response: BlockNumber,
	/// How long the confidence vote runs (at least one block).
	pub vote: BlockNumber,
	/// The appeal window of petitions and confidence votes: territories may be excluded after
	/// proven fraud until it ends (at most the ballots engine's).
	pub appeal: BlockNumber,
	/// "Remove" takes effect only if at least this share of the vote's roll voted.
	pub turnout: Perbill,
}

impl<BlockNumber: PartialOrd + Default> RecallRules<BlockNumber> {
	/// Whether the rules can run: a petition needs signatures, and every window lasts.
	pub fn is_valid(&self) -> bool {
		let zero = BlockNumber::default();
		!self.petition.is_zero()
			&& self.petition_period > zero
			&& self.response > zero
			&& self.vote > zero
	}
}

/// What started a procedure.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum Trigger {
	/// A closed rating period with approval below the threshold and raters above the quorum.
	Rating {
		/// The period.
		period: u32,
		/// Its approvals.
		approvals: u64,
		/// Its disapprovals.
		disapprovals: u64,
		/// Those who rated.
		raters: u32,
		/// Its roll.
		roll_size: u32,
	},
	/// A petition signed by enough of its roll.
	Petition {
		/// The petition's poll.
		poll: PollId,
		/// Its signatures when the recall started.
		signatures: u64,
		/// Its roll.
		roll_size: u32,
	},
}

/// Which trigger a caller invokes.
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
pub enum TriggerRef {
	/// Closed rating period `0` of the official in the office.
	Rating(u32),
	/// The open petition against the official in the office.
	Petition,
}

/// The official's response to a notice.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxFixes))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct Response<BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug, MaxFixes: Get<u32>> {
	/// The hash of the response document (the explanation, published off chain).
	pub document: DocumentHash,
	/// The promises the official commits to put right before the vote.
	pub fixes: BoundedVec<PromiseId, MaxFixes>,
	/// When it was given (the latest replaces earlier ones).
	pub at: BlockNumber,
}

/// Where a procedure stands.
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
pub enum Stage<BlockNumber> {
	/// Notice given: the official may respond until `response_end`.
	Notice,
	/// The confidence vote runs in `poll` ("remove" is option 0, "keep" option 1).
	Voting {
		/// The vote's poll.
		poll: PollId,
	},
	/// Ended.
	Ended {
		/// How.
		outcome: RecallOutcome,
		/// When.
		at: BlockNumber,
	},
}

/// A recall procedure against one official in one office.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxFixes))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Procedure<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxFixes: Get<u32>,
> {
	/// The office.
	pub office: OfficeId,
	/// The official.
	pub who: AccountId,
	/// What started it.
	pub trigger: Trigger,
	/// The rules it runs under, as they stood at notice.
	pub rules: RecallRules<BlockNumber>,
	/// When notice was given.
	pub noticed: BlockNumber,
	/// The end of the response window: the vote opens from then.
	pub response_end: BlockNumber,
	/// The official's response, if any.
	pub response: Option<Response<BlockNumber, MaxFixes>>,
	/// Where it stands.
	pub stage: Stage<BlockNumber>,
}

/// A petition to recall an official, gathering signatures.
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
pub struct Petition<BlockNumber> {
	/// Its poll: a signature is a ballot for option 0; a signer withdraws by re-voting option
	/// 1 (or blank).
	pub poll: PollId,
	/// The first block after it gathers signatures.
	pub end: BlockNumber,
}

/// The counts of a concluded confidence vote.
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
pub struct VoteCount {
	/// Ballots for removal.
	pub remove: u64,
	/// Ballots for keeping the official.
	pub keep: u64,
	/// Ballots cast (blank ones included).
	pub ballots: u32,
	/// The vote's roll.
	pub roll_size: u32,
}
