//! The types of rating periods and their results.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, sp_runtime::Perbill, BoundedVec};
use pallet_veche_primitives::{
	GradeHistogram, MajorityGrade, OfficeId, PolicySphere, PollId, Spheres, MAX_RATED_SPHERES,
};
use scale_info::TypeInfo;

/// A rating period: the number of whole periods since the chain's block 0.
pub type PeriodIndex = u32;

/// The grade histograms of a period, one per sphere rated, in the order of the sphere set.
pub type Grades = BoundedVec<GradeHistogram, ConstU32<{ MAX_RATED_SPHERES as u32 }>>;

/// What a closed rating period counted: final, after the poll's appeal window.
#[derive(
	Clone,
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
pub struct PeriodResult {
	/// The persons of the office's unit on the poll's roll: who could rate.
	pub roll_size: u32,
	/// Those who rated (blank ratings included), excluded territories left out.
	pub raters: u32,
	/// The weight of approvals.
	pub approvals: u64,
	/// The weight of disapprovals.
	pub disapprovals: u64,
	/// The grades given in each sphere rated.
	pub grades: Grades,
}

/// The rating of one official in one office for one period.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct RatingPeriod {
	/// The ballots engine's poll the ratings are cast in; `None` for a period from before the
	/// chain, imported at genesis with its result.
	pub poll: Option<PollId>,
	/// The spheres rated, as the office answered for them when the period's poll opened; the
	/// poll's grade `i` is for the `i`-th of them in declaration order.
	pub spheres: Spheres,
	/// Its result, once closed.
	pub result: Option<PeriodResult>,
}

/// What an office asks of the record of those who stand for it (promotion by record), beyond
/// the full term at a lower level elections require.
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
pub struct PromotionBar {
	/// The least approval over the rated periods of the candidate's last term at a lower level.
	pub min_approval: Perbill,
	/// The least share of their promises with a verdict that were kept (a compromise counts
	/// half).
	pub min_kept: Perbill,
}

/// One sphere of a period, summed up by majority judgment.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SphereView {
	/// The sphere.
	pub sphere: PolicySphere,
	/// The grades given, worst first.
	pub histogram: GradeHistogram,
	/// The majority grade with its gauge; `None` if nobody graded the sphere.
	pub majority: Option<MajorityGrade>,
}

/// A rating period as the view functions show it: live while it runs, final once closed.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PeriodView<BlockNumber> {
	/// The office.
	pub office: OfficeId,
	/// The period.
	pub period: PeriodIndex,
	/// Its poll (`None`: imported from before the chain).
	pub poll: Option<PollId>,
	/// The first block of rating (when the poll opened; 0 for an imported period).
	pub start: BlockNumber,
	/// The first block after rating (the end of the period; 0 for an imported period).
	pub end: BlockNumber,
	/// Whether the period is closed and its result final.
	pub closed: bool,
	/// Who could rate.
	pub roll_size: u32,
	/// Who rated.
	pub raters: u32,
	/// The weight of approvals.
	pub approvals: u64,
	/// The weight of disapprovals.
	pub disapprovals: u64,
	/// Approvals over approvals and disapprovals.
	pub approval: Perbill,
	/// Raters over the roll.
	pub turnout: Perbill,
	/// Each sphere rated.
	pub spheres: alloc::vec::Vec<SphereView>,
}
