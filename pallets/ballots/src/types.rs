//! The types of polls, ballots and tallies.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	sp_runtime::Perbill,
	traits::{ConstU32, VoteTally},
	BoundedVec,
};
use pallet_veche_primitives::{
	Alias, Context, JurisdictionId, PollId, RingRef, Roll, MAX_RING_PROOF_LEN,
};
use scale_info::TypeInfo;

pub use pallet_veche_primitives::{
	Choice, Electorate, ListSizes, PollKind, PreferenceCounts, Tally, GRADES, MAX_ELECTORATE_UNITS,
	MAX_OPTIONS, MAX_RATED_SPHERES, MAX_WEIGHTED_CLASSES, SPHERES_PER_PART,
};

/// An encoded ring-VRF proof.
pub type Proof = BoundedVec<u8, ConstU32<MAX_RING_PROOF_LEN>>;

/// The hash of a document (a court or commission decision) that justifies an exclusion.
pub use pallet_veche_primitives::DocumentHash;

/// Where a poll is in its life.
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
pub enum PollStatus<BlockNumber> {
	/// Created; ballots are accepted from `start` until `end`.
	Ongoing,
	/// Closed after its end, with results stored.
	Closed {
		/// The block in which it was closed.
		at: BlockNumber,
	},
	/// Its ballots and territorial tallies were removed after the retention period; the poll and
	/// its results remain.
	Purged,
}

/// A poll.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Poll<BlockNumber> {
	/// The context voters' aliases are drawn in: unique to this poll, so that aliases are
	/// unlinkable across polls.
	pub context: Context,
	/// What it asks.
	pub kind: PollKind,
	/// Who may vote, with what weight.
	pub electorate: Electorate,
	/// The roll frozen at the poll's creation: only the ring revisions current at that point of
	/// personhood's roll clock prove membership in this poll.
	pub roll: Roll,
	/// How many keys that roll holds in the electorate's territories: the turnout base.
	pub roll_size: u32,
	/// The first block in which ballots are accepted.
	pub start: BlockNumber,
	/// The first block in which ballots are no longer accepted (for a people's referendum: the
	/// largest block number until the referendum is decided, then the block it was closed in).
	pub end: BlockNumber,
	/// The first block in which a territory can no longer be excluded on appeal; the results are
	/// final from then on.
	pub appeal_end: BlockNumber,
	/// The first block in which the ballots may be purged.
	pub retain_until: BlockNumber,
	/// Where it is in its life.
	pub status: PollStatus<BlockNumber>,
	/// How many voters have a ballot recorded (a re-vote does not add one).
	pub voters: u32,
	/// How many territories are excluded on appeal.
	pub excluded: u32,
}

/// A ballot as stored: what a voter checks and anyone recounts. The proofs are not stored; they
/// stay in the block that carried the ballot.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct BallotRecord<BlockNumber> {
	/// The voter's constituency (from the ring the proof came from).
	pub territory: JurisdictionId,
	/// The options marked.
	pub choice: Choice,
	/// The voter's sequence number; a re-vote must carry this plus one.
	pub sequence: u32,
	/// The weight it counts with.
	pub weight: u32,
	/// The block in which it was recorded.
	pub cast_at: BlockNumber,
}

/// A ballot as submitted: the argument of `cast`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Ballot {
	/// The poll.
	pub poll: PollId,
	/// The options marked (strictly ascending; empty for a blank ballot).
	pub choice: Choice,
	/// The voter's previous ballot's sequence number in this poll plus one; 1 for the first. No
	/// ballot can jump ahead, so a ballot cast under coercion can always be replaced.
	pub sequence: u32,
	/// The constituency ring (and revision) the proof is made against.
	pub ring: RingRef,
	/// The proof of membership of `ring`, for the poll's context, over [`Ballot::message`].
	pub proof: Proof,
	/// Optionally, a credential ring and a proof of membership of it by the same person (the same
	/// alias), over the same message: the ballot then counts with that class's weight.
	pub credential: Option<(RingRef, Proof)>,
}

impl Ballot {
	/// What the proofs sign: the poll, the choice and the sequence number, so that a proof cannot
	/// be replayed with another choice, in another poll or at another place in the sequence.
	pub fn message(&self) -> alloc::vec::Vec<u8> {
		ballot_message(self.poll, &self.choice, self.sequence)
	}
}

/// The message a ballot's proofs sign (see [`Ballot::message`]), defined in `veche-prover`, which
/// makes the proofs in `veche-client` and in the citizen app.
pub use veche_prover::ballot_message;

/// A ballot waiting in the current block for the batch verification at its end.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct PendingBallot {
	/// The ballot, with its proofs.
	pub ballot: Ballot,
	/// The alias its proof claims; recorded only if verification confirms it.
	pub alias: Alias,
	/// The voter's constituency.
	pub territory: JurisdictionId,
	/// The weight it will count with.
	pub weight: u32,
}

/// Progress of an on-chain recount.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum RecountPhase {
	/// Counting stored ballots into the recount's own tallies; `after` is the last alias counted.
	Ballots {
		/// The last alias counted (`None` before the first).
		after: Option<Alias>,
	},
	/// Comparing the recount's tallies with the incremental ones, territory by territory.
	Compare {
		/// The last territory compared (`None` before the first).
		after: Option<JurisdictionId>,
	},
}

/// An on-chain recount in progress.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Recount {
	/// Where it is.
	pub phase: RecountPhase,
	/// Ballots counted so far.
	pub ballots: u32,
	/// Territories compared so far.
	pub territories: u32,
	/// Territories whose recounted tally differs from the incremental one.
	pub mismatches: u32,
}

/// The verdict of the last completed recount of a poll.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct RecountVerdict<BlockNumber> {
	/// The block in which it completed.
	pub at: BlockNumber,
	/// Ballots recounted.
	pub ballots: u32,
	/// Territories compared.
	pub territories: u32,
	/// Territories whose tallies differed (0: the recount agrees).
	pub mismatches: u32,
}

/// The tally of a people's referendum (a `pallet-referenda` instance whose track is decided by
/// ballots): one person, one vote.
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
pub struct PeopleTally {
	/// Ballots for the proposal.
	pub ayes: u64,
	/// Ballots against it.
	pub nays: u64,
	/// Ballots cast (blank ones included): the turnout.
	pub turnout: u64,
	/// Persons who may vote: support is turnout over this.
	pub electorate: u64,
}

impl<Class> VoteTally<u64, Class> for PeopleTally {
	fn new(_: Class) -> Self {
		Self::default()
	}

	fn ayes(&self, _: Class) -> u64 {
		self.ayes
	}

	fn support(&self, _: Class) -> Perbill {
		Perbill::from_rational(self.turnout, self.electorate.max(1))
	}

	fn approval(&self, _: Class) -> Perbill {
		Perbill::from_rational(self.ayes, self.ayes.saturating_add(self.nays).max(1))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn unanimity(_: Class) -> Self {
		Self { ayes: 1_000, nays: 0, turnout: 1_000, electorate: 1_000 }
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn rejection(_: Class) -> Self {
		Self { ayes: 0, nays: 1_000, turnout: 1_000, electorate: 1_000 }
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn from_requirements(support: Perbill, approval: Perbill, _: Class) -> Self {
		let electorate = 1_000_000_000u64;
		let turnout = support.mul_ceil(electorate);
		let ayes = approval.mul_ceil(turnout);
		Self { ayes, nays: turnout.saturating_sub(ayes), turnout, electorate }
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn setup(_: Class, _: Perbill) {}
}
