//! The types of juries: a jury and its stage, the strata of its pool, summonses, and the relay
//! chain's randomness as the chain saw it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use pallet_veche_primitives::{
	ActId, Context, CredentialClass, JurisdictionId, PollId, Roll, VersionIndex, MAX_RING_PROOF_LEN,
};
use scale_info::TypeInfo;

/// An encoded ring-VRF proof.
pub type Proof = BoundedVec<u8, ConstU32<MAX_RING_PROOF_LEN>>;

/// A relay chain block number.
pub type RelayBlockNumber = u32;

/// Where the randomness of draws comes from, as the chain's genesis says.
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
pub enum RandomnessSource {
	/// The relay chain's BABE randomness, read from the relay state proof each block carries.
	#[default]
	Relay,
	/// A development chain's mock relay chain (`--dev`): the "randomness" is the block number,
	/// known to everyone in advance. Juries drawn with it are not random.
	Mock,
}

/// The relay chain's randomness of one epoch, as this chain first saw it.
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
pub struct RelayEpoch<BlockNumber> {
	/// The relay chain's epoch index (BABE `EpochIndex`).
	pub epoch: u64,
	/// BABE's randomness made from the VRF outputs of the epoch before it (the relay's
	/// `NextRandomness` during this epoch: `ONE_EPOCH_AGO_RANDOMNESS`).
	pub randomness: [u8; 32],
	/// The relay parent of the block of this chain that first saw the epoch: at that relay block
	/// the relay chain's storage holds `epoch` and `randomness`.
	pub relay_block: RelayBlockNumber,
	/// The block of this chain that first saw the epoch.
	pub block: BlockNumber,
}

/// What a draw used: enough for anyone to recompute the jury.
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
pub struct DrawRecord<BlockNumber> {
	/// The relay epoch whose randomness was used: the second this chain saw begin after the
	/// freeze, so that its randomness (made from the VRF outputs of the epoch before it, all
	/// after the freeze) was unknown to everyone while volunteers could still enrol.
	pub relay: RelayEpoch<BlockNumber>,
	/// Where that randomness came from.
	pub source: RandomnessSource,
	/// The draw's seed ([`crate::sortition::seed`]).
	pub seed: [u8; 32],
}

/// Where a jury is in its life.
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
pub enum JuryStage {
	/// Volunteers enrol until the freeze.
	Enrolling,
	/// Being drawn: the quotas are set and the strata are drawn in the order they joined the
	/// pool; `stratum` is the place, in that order, of the stratum the next draw continues with.
	Drawing {
		/// The place of the stratum being drawn.
		stratum: u32,
	},
	/// Drawn: summoned jurors accept (or lapse and are replaced) until none is pending.
	Seating,
	/// The seated jurors vote on the bill in `poll`.
	Voting {
		/// The ballots poll.
		poll: PollId,
	},
	/// The jury decided: the bill was adopted (a law) or rejected.
	Decided {
		/// Whether it was adopted.
		adopted: bool,
		/// The jury's poll.
		poll: PollId,
	},
	/// No juror could be seated (nobody volunteered, or every summoned juror lapsed with
	/// nobody left to replace them): the bill awaits another jury or its legislature.
	Failed,
	/// Governance withdrew the bill from the jury.
	Cancelled,
}

impl JuryStage {
	/// Whether the jury is over (decided, failed or cancelled): the bill is no longer held.
	pub fn is_over(self) -> bool {
		matches!(self, JuryStage::Decided { .. } | JuryStage::Failed | JuryStage::Cancelled)
	}
}

/// A jury: a bill, the pool of volunteers drawn from, and the draw.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Jury<BlockNumber> {
	/// The bill it decides.
	pub act: ActId,
	/// The bill's version it decides (its latest when it was sent).
	pub version: VersionIndex,
	/// The bill's jurisdiction: volunteers are its persons.
	pub unit: JurisdictionId,
	/// The seats to fill.
	pub size: u32,
	/// The credential (legal qualification) a volunteer proves, if any.
	pub credential: Option<CredentialClass>,
	/// The context of the pool's aliases (and of the jury's poll).
	pub context: Context,
	/// The roll frozen when the bill was sent: the ring revisions volunteers prove against.
	pub roll: Roll,
	/// The first block in which volunteers can no longer enrol.
	pub freeze: BlockNumber,
	/// The blocks a summoned juror has to accept.
	pub acceptance: BlockNumber,
	/// The blocks the jury votes.
	pub voting: BlockNumber,
	/// How many volunteers enrolled.
	pub volunteers: u32,
	/// How many summoned jurors have neither accepted nor lapsed.
	pub pending: u32,
	/// How many jurors are seated.
	pub seated: u32,
	/// The draw, once made.
	pub draw: Option<DrawRecord<BlockNumber>>,
	/// Where it is.
	pub stage: JuryStage,
	/// The block it ended in (decided, failed or cancelled); its pool may be cleared
	/// `RetentionPeriod` blocks later.
	pub ended: Option<BlockNumber>,
}

/// One stratum of a jury's pool: the volunteers of one constituency.
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
pub struct Stratum {
	/// How many volunteers enrolled in it (their places in the pool are `0..volunteers`).
	pub volunteers: u32,
	/// Its registered persons when the quotas were set: its weight.
	pub persons: u32,
	/// Its seats.
	pub quota: u32,
	/// How many positions of its permutation were summoned (the quota, and the replacements
	/// after it).
	pub drawn: u32,
	/// How many of its jurors are seated.
	pub seated: u32,
}

/// Where a summoned juror stands.
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
pub enum SummonsStatus {
	/// Summoned: may accept until the deadline.
	Summoned,
	/// Accepted: a juror, on the poll's alias list.
	Seated,
	/// Did not accept in time: replaced by the stratum's next position.
	Lapsed,
}

/// A summons of a drawn alias.
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
pub struct Summons<BlockNumber> {
	/// The stratum it was drawn from.
	pub stratum: JurisdictionId,
	/// Its position in the stratum's permutation.
	pub position: u32,
	/// The first block in which it can no longer accept.
	pub deadline: BlockNumber,
	/// Where it stands.
	pub status: SummonsStatus,
}

/// The message an enrolment's proofs sign (the jury, so that a proof cannot be replayed in another
/// jury, whose context differs anyway, or as an acceptance), and the one an acceptance's proof
/// signs: defined in `veche-prover`, which makes the proofs in `veche-client` and the citizen app.
pub use veche_prover::{
	jury_accept_message as accept_message, jury_enrol_message as enrol_message,
};
