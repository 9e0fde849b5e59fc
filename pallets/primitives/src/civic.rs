//! What elections and promises tell each other: the policy spheres promises (and, later, ratings
//! and consultations) are filed under and the spheres an office answers for, a promise's status,
//! and a candidacy's state.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::{DocumentHash, ElectionId, OfficeId};
use alloc::vec::Vec;
use frame_support::sp_runtime::{DispatchResult, Perbill};

/// A promise in the promises registry.
pub type PromiseId = u32;

/// The twenty policy spheres of local and national government. Promises are filed under one;
/// ratings of officials and consultations of residents use the same list, so that a person's
/// promises, ratings and consultations in one sphere can be read side by side.
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
pub enum PolicySphere {
	/// How the unit is governed: administration, transparency, the civil service.
	Governance,
	/// The budget, local taxes and public finance.
	Budget,
	/// Business, jobs and trade.
	Economy,
	/// Schools, kindergartens, universities and training.
	Education,
	/// Hospitals, clinics and public health.
	Health,
	/// Pensions, benefits and care for those who need it.
	SocialProtection,
	/// Housing and its upkeep.
	Housing,
	/// Water, sewage, heating, power and waste collection.
	Utilities,
	/// Roads, public transport and traffic.
	Transport,
	/// Nature, clean air and water, parks.
	Environment,
	/// Police, fire and rescue, civil protection.
	PublicSafety,
	/// Courts, rights and the fight against corruption.
	Justice,
	/// Culture, heritage and languages.
	Culture,
	/// Sport, youth and leisure.
	SportAndYouth,
	/// Farming, forestry and fisheries.
	Agriculture,
	/// Land, planning, building and public spaces.
	UrbanPlanning,
	/// Digital public services and connectivity.
	Digital,
	/// Migration, the diaspora and citizens abroad.
	Diaspora,
	/// Foreign relations and defence.
	ForeignAffairs,
	/// Residents' participation: consultations, petitions, local initiatives.
	Participation,
}

impl PolicySphere {
	/// How many spheres there are.
	pub const COUNT: u8 = 20;

	/// The sphere with index `i` (`0..COUNT`), in declaration order.
	pub fn from_index(i: u8) -> Option<Self> {
		Self::decode(&mut &[i][..]).ok()
	}
}

/// A set of policy spheres: bit `i` stands for the sphere of index `i` ([`PolicySphere`]'s
/// declaration order). An office answers for a set of spheres, and its holders are rated in them.
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
pub struct Spheres(pub u32);

impl Spheres {
	/// Every sphere: what an office answers for unless governance narrows it.
	pub const ALL: Self = Self((1 << PolicySphere::COUNT) - 1);

	/// No sphere.
	pub const NONE: Self = Self(0);

	/// Whether the set names only spheres that exist (no bit beyond the twentieth).
	pub fn is_valid(self) -> bool {
		self.0 & !Self::ALL.0 == 0
	}

	/// Whether the set is empty.
	pub fn is_empty(self) -> bool {
		self.0 == 0
	}

	/// Whether `sphere` is in the set.
	pub fn contains(self, sphere: PolicySphere) -> bool {
		self.0 & (1 << sphere as u32) != 0
	}

	/// The set with `sphere` added.
	pub fn with(self, sphere: PolicySphere) -> Self {
		Self(self.0 | (1 << sphere as u32))
	}

	/// The spheres in the set, in declaration order.
	pub fn iter(self) -> impl Iterator<Item = PolicySphere> {
		(0..PolicySphere::COUNT)
			.filter_map(PolicySphere::from_index)
			.filter(move |s| self.contains(*s))
	}
}

impl FromIterator<PolicySphere> for Spheres {
	fn from_iter<I: IntoIterator<Item = PolicySphere>>(iter: I) -> Self {
		iter.into_iter().fold(Self::NONE, Self::with)
	}
}

/// A promise's status, on the six-step scale of the best promise trackers: three while it is
/// being followed, three final verdicts.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum PromiseStatus {
	/// Nobody has rated it yet (every promise starts here).
	#[default]
	NotYetRated,
	/// Work on it is under way.
	InTheWorks,
	/// Work on it has stopped or is blocked.
	Stalled,
	/// Verdict: kept.
	Kept,
	/// Verdict: partly kept, a compromise.
	Compromise,
	/// Verdict: broken.
	Broken,
}

impl PromiseStatus {
	/// Whether this is a final verdict (kept, compromise, broken) rather than a status while the
	/// promise is followed.
	pub fn is_verdict(self) -> bool {
		matches!(self, Self::Kept | Self::Compromise | Self::Broken)
	}
}

/// A seat an election gave a person, and its term.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Mandate<BlockNumber> {
	/// The office.
	pub office: OfficeId,
	/// The first block of service.
	pub since: BlockNumber,
	/// The end of the term.
	pub until: BlockNumber,
	/// When service ended early (resignation, removal, recall), if it did.
	pub left: Option<BlockNumber>,
}

impl<BlockNumber: PartialOrd + Copy> Mandate<BlockNumber> {
	/// Whether the seat is held at `now`.
	pub fn serving(&self, now: BlockNumber) -> bool {
		self.since <= now && now < self.until && self.left.is_none()
	}
}

/// Where a person's candidacy in an election stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum CandidacyState<BlockNumber> {
	/// The person never stood in the election (or it does not exist).
	None,
	/// They stand and nominations are still open.
	Nominating,
	/// Nominations have closed; the election (or its run-off) is not decided yet.
	Running,
	/// The election gave them a seat (on the count, in its run-off, or later as the next
	/// candidate of their list).
	Elected(Mandate<BlockNumber>),
	/// The candidacy ended without a seat: withdrawn, not elected, or the election failed.
	Ended,
}

/// What elections tell other pallets (promises, ratings, recall) about a person's candidacies.
pub trait CandidacyInspect<AccountId, BlockNumber> {
	/// The state of `who`'s candidacy in `election` (for a two-round election: its first round,
	/// followed through to the run-off).
	fn candidacy(who: &AccountId, election: ElectionId) -> CandidacyState<BlockNumber>;
}

/// One promise as a portrait lists it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PromiseSummary {
	/// The promise.
	pub id: PromiseId,
	/// The election it was made for.
	pub election: ElectionId,
	/// Its policy sphere.
	pub sphere: PolicySphere,
	/// Its status now.
	pub status: PromiseStatus,
	/// Whether its deadline has passed without a verdict.
	pub overdue: bool,
}

/// A person's promises, for their portrait.
pub trait PromiseBook<AccountId> {
	/// The promises `who` made, oldest first (at most a few hundred: bounded by the registry).
	fn promises_of(who: &AccountId) -> Vec<PromiseSummary>;
}

/// No promises registry.
impl<AccountId> PromiseBook<AccountId> for () {
	fn promises_of(_: &AccountId) -> Vec<PromiseSummary> {
		Vec::new()
	}
}

/// Who holds an office, for the pallets that rate and recall officials. Implemented by
/// `pallet-veche-elections`.
pub trait Officeholders<AccountId, BlockNumber> {
	/// The seat `who` holds in `office` whose term is not over (service from its start; `left`
	/// is never set on a seat still held), or `None` if they hold none.
	fn mandate(office: OfficeId, who: &AccountId) -> Option<Mandate<BlockNumber>>;

	/// The offices `who` held or holds, oldest first (bounded by the elections' record).
	fn record(who: &AccountId) -> Vec<Mandate<BlockNumber>>;

	/// Those who hold a seat of `office` now (at most its seats).
	fn holders(office: OfficeId) -> Vec<AccountId>;

	/// Takes `who` out of their seat in `office` after a confidence vote removed them (`reason`:
	/// the hash of the procedure's record); the seat is filled as on resignation (the next
	/// candidate of a list, or a by-election).
	fn recall(office: OfficeId, who: &AccountId, reason: DocumentHash) -> DispatchResult;
}

/// A closed rating period of an official, as the ratings pallet recorded it.
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
pub struct RatingSummary {
	/// The office the official was rated in.
	pub office: OfficeId,
	/// The rating period (counted from the chain's block 0).
	pub period: u32,
	/// The persons who could rate: the roll of the office's unit when the period's poll opened.
	pub roll_size: u32,
	/// Those who rated (blank ratings included): the turnout.
	pub raters: u32,
	/// The weight of approvals.
	pub approvals: u64,
	/// The weight of disapprovals.
	pub disapprovals: u64,
}

impl RatingSummary {
	/// Approvals over approvals and disapprovals (zero when nobody took a side).
	pub fn approval(&self) -> Perbill {
		Perbill::from_rational(
			self.approvals,
			self.approvals.saturating_add(self.disapprovals).max(1),
		)
	}

	/// Raters over the roll.
	pub fn turnout(&self) -> Perbill {
		Perbill::from_rational(self.raters, self.roll_size.max(1))
	}
}

/// Officials' ratings, for the recall procedure and for portraits. Implemented by
/// `pallet-veche-ratings`.
pub trait RatingBook<AccountId, BlockNumber> {
	/// The rating period `block` lies in.
	fn period_of(block: BlockNumber) -> u32;

	/// The closed rating period `period` of `who` in `office`, if it was rated and closed.
	fn closed_period(office: OfficeId, who: &AccountId, period: u32) -> Option<RatingSummary>;

	/// The closed rating periods of `who` in every office, oldest first within each office
	/// (bounded: the ratings keep a bounded history per office held).
	fn ratings_of(who: &AccountId) -> Vec<RatingSummary>;
}

/// No ratings.
impl<AccountId, BlockNumber> RatingBook<AccountId, BlockNumber> for () {
	fn period_of(_: BlockNumber) -> u32 {
		0
	}
	fn closed_period(_: OfficeId, _: &AccountId, _: u32) -> Option<RatingSummary> {
		None
	}
	fn ratings_of(_: &AccountId) -> Vec<RatingSummary> {
		Vec::new()
	}
}

/// How a recall procedure ended.
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
pub enum RecallOutcome {
	/// The confidence vote removed the official: "remove" won with the required turnout.
	Removed,
	/// The official stays: "remove" did not win, or the turnout fell short.
	Stayed,
	/// The official left the office before the vote ended (resigned, term over, removed by a
	/// court).
	Left,
}

/// A recall procedure against an official, as a portrait lists it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct RecallSummary<BlockNumber> {
	/// The procedure.
	pub procedure: u32,
	/// The office.
	pub office: OfficeId,
	/// When notice was given.
	pub noticed: BlockNumber,
	/// How it ended; `None` while it runs.
	pub outcome: Option<RecallOutcome>,
}

/// Recall procedures against officials, for portraits. Implemented by `pallet-veche-recall`.
pub trait RecallBook<AccountId, BlockNumber> {
	/// The procedures against `who`, oldest first (bounded).
	fn recalls_of(who: &AccountId) -> Vec<RecallSummary<BlockNumber>>;
}

/// No recall procedures.
impl<AccountId, BlockNumber> RecallBook<AccountId, BlockNumber> for () {
	fn recalls_of(_: &AccountId) -> Vec<RecallSummary<BlockNumber>> {
		Vec::new()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn there_are_twenty_spheres_in_declaration_order() {
		assert_eq!(PolicySphere::from_index(0), Some(PolicySphere::Governance));
		assert_eq!(PolicySphere::from_index(19), Some(PolicySphere::Participation));
		assert_eq!(PolicySphere::from_index(PolicySphere::COUNT), None);
		assert_eq!(PolicySphere::Participation.encode(), vec![PolicySphere::COUNT - 1]);
	}

	#[test]
	fn a_set_of_spheres_holds_the_twenty_and_nothing_beyond() {
		use PolicySphere::*;
		assert_eq!(Spheres::ALL.iter().count(), usize::from(PolicySphere::COUNT));
		assert!(Spheres::ALL.is_valid() && Spheres::NONE.is_valid() && Spheres::NONE.is_empty());
		assert!(!Spheres(1 << PolicySphere::COUNT).is_valid());
		let s: Spheres = [Health, Governance].into_iter().collect();
		assert_eq!(s.iter().collect::<Vec<_>>(), vec![Governance, Health]);
		assert!(s.contains(Health) && !s.contains(Budget));
		assert_eq!(s.0, 0b1_0001);
		assert_eq!(Spheres::NONE.with(Participation).0, 1 << 19);
	}

	#[test]
	fn only_kept_compromise_and_broken_are_verdicts() {
		use PromiseStatus::*;
		let verdicts: Vec<_> = [NotYetRated, InTheWorks, Stalled, Kept, Compromise, Broken]
			.into_iter()
			.filter(|s| s.is_verdict())
			.collect();
		assert_eq!(verdicts, vec![Kept, Compromise, Broken]);
	}

	#[test]
	fn a_mandate_is_served_from_its_start_until_its_end_or_an_early_leave() {
		let m = Mandate { office: 1, since: 10u32, until: 20, left: None };
		assert!(!m.serving(9) && m.serving(10) && m.serving(19) && !m.serving(20));
		assert!(!Mandate { left: Some(15), ..m }.serving(16));
	}
}
