//! The promise record and its history.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use pallet_veche_primitives::{DocumentHash, ElectionId, PolicySphere, PromiseId, PromiseStatus};
use scale_info::TypeInfo;

/// Where the appeal of a promise's verdict stands.
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
pub enum Appeal {
	/// Not appealed (the maker may, within the appeal window from the verdict).
	None,
	/// Appealed to the commission, awaiting its decision.
	Pending,
	/// Decided by the commission: the verdict is final.
	Decided,
}

/// A promise a candidate made, followed through the term.
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
#[scale_info(skip_type_params(MaxTitleLen))]
pub struct Promise<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxTitleLen: Get<u32>,
> {
	/// The candidate who made it.
	pub maker: AccountId,
	/// The election it was made for.
	pub election: ElectionId,
	/// A short title, UTF-8.
	pub title: BoundedVec<u8, MaxTitleLen>,
	/// The hash of its full text (published off chain, e.g. on IPFS or the candidate's site).
	pub content: DocumentHash,
	/// The policy sphere it belongs to.
	pub sphere: PolicySphere,
	/// The block by which it is to be kept, if the candidate set one.
	pub deadline: Option<BlockNumber>,
	/// The promise it is a part of (one level: a part has no parts).
	pub parent: Option<PromiseId>,
	/// How many parts it has.
	pub parts: u32,
	/// When it was made.
	pub made_at: BlockNumber,
	/// Its status now.
	pub status: PromiseStatus,
	/// The progress the officeholder last reported, in percent.
	pub progress: u8,
	/// When its verdict (if any) was given: the appeal window runs from there.
	pub verdict_at: Option<BlockNumber>,
	/// Whether its verdict was appealed.
	pub appeal: Appeal,
	/// The deposit held for it (none once it has a verdict).
	pub deposit: Balance,
	/// How many entries its history has.
	pub history: u32,
}

/// What one entry of a promise's history records.
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
#[scale_info(skip_type_params(MaxTitleLen))]
pub enum Change<MaxTitleLen: Get<u32>> {
	/// The candidate made the promise.
	Made,
	/// The officeholder reported progress on it.
	Progress {
		/// The progress now, in percent.
		progress: u8,
		/// The milestone reached, in a few words.
		milestone: BoundedVec<u8, MaxTitleLen>,
		/// The hash of the evidence (a decision, a contract, a photo report).
		evidence: DocumentHash,
		/// The status after the report.
		status: PromiseStatus,
	},
	/// An accredited auditor rated it.
	Rated {
		/// The status given.
		status: PromiseStatus,
		/// The hash of the auditor's report.
		report: DocumentHash,
	},
	/// The maker appealed its verdict to the commission.
	Appealed {
		/// The hash of the grounds of appeal.
		grounds: DocumentHash,
	},
	/// The commission decided the appeal.
	AppealDecided {
		/// The final verdict.
		status: PromiseStatus,
		/// The hash of the commission's decision.
		decision: DocumentHash,
	},
}

/// One entry of a promise's history.
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
#[scale_info(skip_type_params(MaxTitleLen))]
pub struct Entry<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxTitleLen: Get<u32>,
> {
	/// When.
	pub at: BlockNumber,
	/// Who: the maker or an auditor (`None`: the commission).
	pub by: Option<AccountId>,
	/// What changed.
	pub change: Change<MaxTitleLen>,
}

/// The verdicts a person's promises received: their record, which follows them to later
/// candidacies and tightens promotion by record.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Verdicts {
	/// Promises kept.
	pub kept: u32,
	/// Promises partly kept.
	pub compromise: u32,
	/// Promises broken.
	pub broken: u32,
}

impl Verdicts {
	/// All verdicts.
	pub fn total(&self) -> u32 {
		self.kept.saturating_add(self.compromise).saturating_add(self.broken)
	}

	/// The counter of verdict `status` (`None` for a status that is no verdict).
	pub fn counter(&mut self, status: PromiseStatus) -> Option<&mut u32> {
		match status {
			PromiseStatus::Kept => Some(&mut self.kept),
			PromiseStatus::Compromise => Some(&mut self.compromise),
			PromiseStatus::Broken => Some(&mut self.broken),
			_ => None,
		}
	}
}
