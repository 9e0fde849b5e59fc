//! The records of profiles, consultations and ideas, and the figures behind statuses.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use pallet_veche_primitives::{
	DocumentHash, JurisdictionId, KeyId, PolicySphere, MAX_RING_PROOF_LEN,
};
use scale_info::TypeInfo;
use veche_seal::{BitProof, Ciphertext, Dleq};

/// A civic profile, numbered in order of opening.
pub type ProfileId = u32;
/// A consultation, numbered in order of proposal.
pub type ConsultationId = u32;
/// An idea, numbered in order of posting.
pub type IdeaId = u32;
/// A period (a month in the runtime): `block / Period`. Profiles renew once per period; statuses
/// count periods.
pub type PeriodIndex = u32;

/// An encoded ring-VRF proof.
pub type Proof = BoundedVec<u8, frame_support::traits::ConstU32<MAX_RING_PROOF_LEN>>;

/// A profile's public key (sr25519), which signs everything the profile does.
pub type ProfileKey = [u8; 32];

/// A signature by a profile key.
pub type ProfileSignature = [u8; 64];

/// The scope of a counter: one policy sphere (its index, 0–19) or every sphere ([`ALL_SPHERES`]).
pub type Scope = u8;

/// The scope of counters over every sphere.
pub const ALL_SPHERES: Scope = u8::MAX;

/// The scope of `sphere`.
pub fn scope_of(sphere: PolicySphere) -> Scope {
	sphere as u8
}

/// How a profile signs a call: the profile, its next nonce, and the signature of
/// [`crate::Pallet::profile_message`].
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
pub struct ProfileAuth {
	/// The acting profile.
	pub profile: ProfileId,
	/// The profile's nonce: each call uses the next one.
	pub nonce: u32,
	/// The profile key's sr25519 signature of the call's message.
	pub signature: ProfileSignature,
}

/// A civic profile: a public pseudonym of one person, opened with their ring key.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxName))]
pub struct Profile<MaxName: Get<u32>> {
	/// The key that signs the profile's calls.
	pub key: ProfileKey,
	/// An optional display name.
	pub name: BoundedVec<u8, MaxName>,
	/// The period it was opened in.
	pub opened: PeriodIndex,
	/// The last period it was active in (opened or renewed).
	pub active: PeriodIndex,
	/// Its constituency in that period (the ring its proof came from).
	pub constituency: JurisdictionId,
	/// The nonce its next call must carry.
	pub nonce: u32,
	/// How many calls it made in period `active` (rate limit).
	pub calls: u32,
}

/// What a consultation asks about.
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
pub enum ConsultationKind {
	/// The current state of a sphere in the unit (how residents judge it now).
	State,
	/// A strategic plan or a development idea.
	Plan,
}

/// Where a consultation stands.
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
	/// Proposed by a profile, awaiting the moderator.
	Proposed,
	/// Rejected by the moderator.
	Rejected {
		/// The moderator's reasons (a document's hash).
		reason: DocumentHash,
	},
	/// Admitted: answers are taken until `closes`, sealed to `key`; then trustees decrypt.
	Open {
		/// The trustees' key answers are sealed to.
		key: KeyId,
		/// Answers are taken until before this block.
		closes: BlockNumber,
	},
	/// The result is public.
	Counted {
		/// The trustees' key the answers were sealed to.
		key: KeyId,
		/// The block answers closed at.
		closes: BlockNumber,
		/// The option with the most answers, if one has strictly more than every other.
		winner: Option<u8>,
	},
}

/// A consultation.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxTitle, MaxOptions))]
pub struct Consultation<BlockNumber, MaxTitle: Get<u32>, MaxOptions: Get<u32>> {
	/// The profile that proposed it.
	pub proposer: ProfileId,
	/// The unit whose residents are consulted.
	pub unit: JurisdictionId,
	/// The policy sphere.
	pub sphere: PolicySphere,
	/// What it asks about.
	pub kind: ConsultationKind,
	/// Its title.
	pub title: BoundedVec<u8, MaxTitle>,
	/// The hash of its full text (question, options' wording, background).
	pub content: DocumentHash,
	/// How many options an answer chooses from.
	pub options: u8,
	/// The period it was admitted in: only profiles active in that period answer it, and its
	/// answers count in that period's statuses (meaningful once admitted).
	pub period: PeriodIndex,
	/// How many profiles answered.
	pub answers: u32,
	/// The counts per option, once public.
	pub counts: BoundedVec<u32, MaxOptions>,
	/// The idea it came from, if any.
	pub idea: Option<IdeaId>,
	/// Where it stands.
	pub stage: Stage<BlockNumber>,
}

/// A profile's answer to a consultation: its sealed choice (kept to replace it on a change and
/// to check an agreement claim) and how often it changed.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxOptions))]
pub struct Answer<MaxOptions: Get<u32>> {
	/// 0 for the first answer, one more for each change.
	pub revision: u16,
	/// The sealed choice, one ciphertext per option.
	pub ciphertexts: BoundedVec<Ciphertext, MaxOptions>,
	/// Whether the profile showed that this answer chose the winning option.
	pub agreed: bool,
}

/// A sealed choice as a call carries it.
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
#[scale_info(skip_type_params(MaxOptions))]
pub struct Sealed<MaxOptions: Get<u32>> {
	/// One ciphertext per option.
	pub ciphertexts: BoundedVec<Ciphertext, MaxOptions>,
	/// One proof per ciphertext that it encrypts 0 or 1.
	pub bits: BoundedVec<BitProof, MaxOptions>,
	/// The proof that exactly one option is chosen.
	pub sum: Dleq,
}

/// Where an idea stands.
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
pub enum IdeaStage {
	/// Open for ratings.
	Open,
	/// The moderator put it to a consultation.
	Consulted(ConsultationId),
	/// The moderator linked it to a bill of the registry of acts.
	Tabled(pallet_veche_primitives::ActId),
}

/// An idea for the development of a unit.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxTitle))]
pub struct Idea<MaxTitle: Get<u32>> {
	/// The profile that posted it.
	pub author: ProfileId,
	/// The unit it is for.
	pub unit: JurisdictionId,
	/// The policy sphere.
	pub sphere: PolicySphere,
	/// Its title.
	pub title: BoundedVec<u8, MaxTitle>,
	/// The hash of its full text.
	pub content: DocumentHash,
	/// The period it was posted in: profiles active in that period rate it.
	pub period: PeriodIndex,
	/// How many profiles rated it.
	pub ratings: u32,
	/// The sum of their grades (1–5 each).
	pub total: u32,
	/// Where it stands.
	pub stage: IdeaStage,
}

impl<M: Get<u32>> Idea<M> {
	/// The idea's score for ranking: the mean grade pulled towards the middle grade (3) by two
	/// phantom ratings, in thousandths — so one enthusiastic rating does not outrank many good
	/// ones.
	pub fn score(&self) -> u32 {
		let total = u64::from(self.total).saturating_add(6);
		let n = u64::from(self.ratings).saturating_add(2);
		u32::try_from(total.saturating_mul(1000).checked_div(n).unwrap_or(0)).unwrap_or(u32::MAX)
	}
}

/// A profile's activity in one period and scope.
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
pub struct Activity {
	/// Consultations of the period answered.
	pub answered: u32,
	/// Of those, answers changed at least once.
	pub changed: u32,
	/// Of those, answers shown to agree with the final majority.
	pub agreed: u32,
	/// Consultations proposed and ideas posted in the period.
	pub proposals: u32,
}

/// A profile's civic status, each including the ones before it.
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
)]
pub enum Status {
	/// No profile, or a profile not active this period.
	None,
	/// A profile active this period: a registered resident.
	Registered,
	/// Answers more than half of the consultations of their units.
	Responsible,
	/// Answers more than three quarters without changing them, and proposes a consultation or
	/// posts an idea every month.
	LocalExpert,
	/// Answers more than nine tenths without changing them, proposes every month, and their
	/// answers mostly agree with the final majority.
	OpinionLeader,
}

/// The figures a status is computed from, over the periods of the window the profile was active
/// in.
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
pub struct Figures {
	/// Periods of the window the profile was active in.
	pub months: u32,
	/// Of those, periods with a proposal or idea.
	pub months_proposing: u32,
	/// Consultations of the profile's units admitted in those periods.
	pub consultations: u32,
	/// Of those, answered.
	pub answered: u32,
	/// Answered and never changed.
	pub settled: u32,
	/// Answers shown to agree with the final majority.
	pub agreed: u32,
}

impl Figures {
	/// The status these figures earn (for a profile active this period).
	pub fn status(&self) -> Status {
		let c = u64::from(self.consultations);
		let (answered, settled) = (u64::from(self.answered), u64::from(self.settled));
		let monthly = self.months > 0 && self.months_proposing >= self.months;
		if c == 0 || answered.saturating_mul(2) <= c {
			return Status::Registered;
		}
		if !monthly || settled.saturating_mul(4) <= c.saturating_mul(3) {
			return Status::Responsible;
		}
		if settled.saturating_mul(10) <= c.saturating_mul(9)
			|| u64::from(self.agreed).saturating_mul(2) <= settled
		{
			return Status::LocalExpert;
		}
		Status::OpinionLeader
	}
}

/// A profile's status with its figures, overall or in one sphere.
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
pub struct StatusReport {
	/// The status.
	pub status: Status,
	/// The figures behind it.
	pub figures: Figures,
	/// The first period of the window.
	pub from: PeriodIndex,
	/// The current period (the window's last).
	pub until: PeriodIndex,
}
