//! The types of offices' rules, elections, candidacies, lists, results and officeholders.

use crate::{
	phragmen::{Sums, Winner, MAX_SEATS as MAX_PHRAGMEN_SEATS},
	seats::Divisor,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::{ConstU32, Get},
	sp_runtime::Perbill,
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use pallet_veche_primitives::{Alias, ElectionId, JurisdictionId, OfficeId, UnitKind, MAX_OPTIONS};
use scale_info::TypeInfo;

/// The most lists a party-list election has, and the most candidates one list puts up in one
/// constituency (the ballots engine's limits).
pub const MAX_LISTS: u32 = MAX_OPTIONS;

/// The index of a party list within its election (the order lists were registered).
pub type ListIndex = u8;

/// The rules of a party-list election.
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
	serde::Serialize,
	serde::Deserialize,
)]
#[scale_info(skip_type_params(MaxConstituencies))]
#[serde(bound = "")]
pub struct ListRules<MaxConstituencies: Get<u32>> {
	/// The units electing the body, each with its own polls and lists (diaspora constituencies,
	/// regions), sorted, none within another.
	pub constituencies: BoundedVec<JurisdictionId, MaxConstituencies>,
	/// The fewest seats any constituency gets, however few persons it has registered.
	pub min_seats: u32,
	/// The rule sharing each constituency's seats among the lists (seats go to constituencies
	/// by Sainte-Laguë over their registered persons, whatever this says).
	pub divisor: Divisor,
	/// The share of all list votes, over every constituency, a party needs for any seat. If no
	/// party reaches it, every party takes part.
	pub threshold: Perbill,
	/// The most candidates of their list a voter may prefer (0: closed lists, the party's order
	/// stands).
	pub preferences: u8,
}

/// How an office's seats are filled.
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
	serde::Serialize,
	serde::Deserialize,
)]
#[scale_info(skip_type_params(MaxConstituencies))]
#[serde(bound = "")]
pub enum Method<MaxConstituencies: Get<u32>> {
	/// One seat: the candidate with the most votes wins.
	Plurality,
	/// One seat: a candidate with more than half of the votes for candidates wins; otherwise a
	/// run-off between the two first follows at once, and its most voted candidate wins.
	TwoRound,
	/// Several seats: each voter approves of up to as many candidates as there are seats; the
	/// most approved candidates win.
	Approval,
	/// A body elected from party lists in constituencies (a parliament).
	PartyList(ListRules<MaxConstituencies>),
	/// Several seats, proportionally (at most [`crate::phragmen::MAX_SEATS`]): each voter
	/// approves of any number of candidates; the seats go by sequential Phragmén
	/// ([`crate::phragmen`]), computed off-chain by anyone and checked on chain
	/// ([`crate::Pallet::claim_phragmen`], [`crate::Pallet::check_phragmen`]).
	Phragmen,
}

/// An office's election rules, set by governance.
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
	serde::Serialize,
	serde::Deserialize,
)]
#[scale_info(skip_type_params(MaxConstituencies))]
#[serde(bound(
	serialize = "BlockNumber: serde::Serialize",
	deserialize = "BlockNumber: serde::Deserialize<'de>"
))]
pub struct OfficeRules<
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxConstituencies: Get<u32>,
> {
	/// How seats are filled.
	pub method: Method<MaxConstituencies>,
	/// How long the winners serve, from certification.
	pub term: BlockNumber,
	/// The shortest nomination period of an election of the office.
	pub nomination: BlockNumber,
	/// How long voting lasts.
	pub voting: BlockNumber,
	/// Whether candidates must have served a full term in an office of a lower level of
	/// government (promotion by record).
	pub promotion: bool,
	/// An open primary before regular elections: how many candidates it sends to the final
	/// (more than the office's seats, and outside party lists); 0 for none. Every registered
	/// person of the office's unit votes in it, on the same ballot as in the final; the most
	/// voted go on. By-elections hold no primary.
	pub primary: u8,
}

/// Why an election is held.
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
pub enum ElectionKind {
	/// A regular election of all of an office's seats, scheduled by governance.
	Regular,
	/// An election of one seat that fell vacant, for the rest of its term.
	ByElection,
	/// The second round of a two-round election, between its two first candidates.
	RunOff {
		/// The first round.
		first_round: ElectionId,
	},
	/// The open primary of a regular election: its most voted candidates go on to the final.
	Primary {
		/// How many go on.
		advance: u8,
	},
	/// The regular election between the candidates a primary sent on.
	Final {
		/// The primary.
		primary: ElectionId,
	},
}

impl ElectionKind {
	/// The election whose candidates this one's came from (a run-off's first round, a final's
	/// primary): the candidacy, its deposit and its promises belong to that one.
	pub fn previous_round(&self) -> Option<ElectionId> {
		match self {
			Self::RunOff { first_round } => Some(*first_round),
			Self::Final { primary } => Some(*primary),
			Self::Regular | Self::ByElection | Self::Primary { .. } => None,
		}
	}
}

/// Where an election is. Deadlines are lazy: anyone moves an election on once its time has
/// come ([`crate::Pallet::open_voting`], [`crate::Pallet::count`], [`crate::Pallet::certify`]).
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
pub enum Stage {
	/// Candidates nominate themselves (and lists endorse theirs) until `voting_start`.
	Nomination,
	/// Its polls are open until `voting_end`.
	Voting,
	/// Its polls are closed and counted; the count is provisional until their appeal windows
	/// end, and is redone by anyone after an exclusion.
	Counted,
	/// The results are final and the winners installed (or a run-off opened).
	Certified,
	/// Nobody stood: the election ended without a winner.
	Failed,
}

/// An election.
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
#[scale_info(skip_type_params(MaxConstituencies))]
pub struct Election<
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxConstituencies: Get<u32>,
> {
	/// The office.
	pub office: OfficeId,
	/// Why it is held.
	pub kind: ElectionKind,
	/// How many seats it fills.
	pub seats: u32,
	/// How, fixed when it was scheduled (later rule changes apply to later elections).
	pub method: Method<MaxConstituencies>,
	/// Whether candidates need a record of service at a lower level.
	pub promotion: bool,
	/// The first block of voting: nominations close before it.
	pub voting_start: BlockNumber,
	/// The first block after voting.
	pub voting_end: BlockNumber,
	/// How long the winners serve from certification.
	pub term: BlockNumber,
	/// The end of the term a by-election fills the rest of (`None` for a full term).
	pub term_end: Option<BlockNumber>,
	/// Where it is.
	pub stage: Stage,
	/// How many candidates stand (endorsed ones, for lists).
	pub candidates: u32,
}

/// A candidate's standing in an election.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Candidacy<Balance> {
	/// The deposit held for it (none in a run-off: the first round's deposit stands).
	pub deposit: Balance,
	/// For a party-list election: the list and the constituency the candidate stands in.
	pub list: Option<(ListIndex, JurisdictionId)>,
	/// Whether the candidate is on the ballot: always, but for a list candidate only once the
	/// list's agent has endorsed them.
	pub endorsed: bool,
}

/// A party list of an election.
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
#[scale_info(skip_type_params(MaxNameLen))]
pub struct PartyList<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxNameLen: Get<u32>,
> {
	/// The account that registered the list and endorses its candidates (the party's agent).
	pub agent: AccountId,
	/// The list's name, UTF-8.
	pub name: BoundedVec<u8, MaxNameLen>,
	/// The deposit held for it.
	pub deposit: Balance,
}

/// A seat won.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Seat<AccountId> {
	/// Who holds it.
	pub who: AccountId,
	/// The constituency it was won in (the office's unit outside party-list elections).
	pub constituency: JurisdictionId,
	/// The list it was won on, for a party-list election.
	pub list: Option<ListIndex>,
}

/// A seat of an office, held for a term.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Holder<AccountId, BlockNumber> {
	/// The seat and who holds it.
	pub seat: Seat<AccountId>,
	/// The election that filled it.
	pub election: ElectionId,
	/// The first block of service.
	pub since: BlockNumber,
	/// The end of the term.
	pub until: BlockNumber,
}

/// An office a person held: their record of service.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Service<BlockNumber> {
	/// The office.
	pub office: OfficeId,
	/// Its level of government (the kind of its unit).
	pub level: UnitKind,
	/// The election that gave it.
	pub election: ElectionId,
	/// The first block of service.
	pub since: BlockNumber,
	/// The end of the term.
	pub until: BlockNumber,
	/// When service ended early (resignation, removal), if it did.
	pub left: Option<BlockNumber>,
}

impl<BlockNumber: PartialOrd + Copy> Service<BlockNumber> {
	/// Whether the whole term was served by `now`.
	pub fn full_term(&self, now: BlockNumber) -> bool {
		match self.left {
			Some(left) => left >= self.until,
			None => now >= self.until,
		}
	}
}

/// How a candidacy ended.
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
pub enum Standing {
	/// The election is not certified yet.
	Running,
	/// The candidate withdrew before voting.
	Withdrawn,
	/// Elected.
	Elected,
	/// Not elected (or, in a two-round election's first round, not in the run-off).
	NotElected,
	/// In the run-off the first round led to.
	InRunOff,
	/// Sent on by the primary to the final.
	Advanced,
}

/// What counting an election costs depends on: given with the calls that count, so that their
/// weight is charged for this election's size rather than the largest possible.
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
pub struct ElectionSize {
	/// Constituencies (polls): 1 outside party lists.
	pub constituencies: u32,
	/// Party lists: 0 outside party lists.
	pub lists: u32,
	/// Seats the election fills.
	pub seats: u32,
}

/// How the levels of government rank for promotion: a municipality or diaspora constituency
/// is the lowest, a country the highest.
pub fn level_rank(level: UnitKind) -> u8 {
	level.level()
}

/// The ballot options of an election outside party lists: its candidates in nomination order.
pub type BallotOptions<AccountId> = BoundedVec<AccountId, ConstU32<MAX_OPTIONS>>;

/// The candidates of one list in one constituency, in the list's order.
pub type ListCandidatesOf<AccountId> = BoundedVec<AccountId, ConstU32<MAX_OPTIONS>>;

/// A claimed outcome of a Phragmén election, being checked against its ballots in one pass.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct PhragmenCheck<AccountId, Balance> {
	/// Who claimed it: their deposit is held until the check ends, and forfeited if the claim
	/// is wrong.
	pub claimant: AccountId,
	/// The deposit.
	pub deposit: Balance,
	/// The winners in the order elected, each as its place on the ballot with its load.
	pub winners: BoundedVec<Winner, ConstU32<MAX_PHRAGMEN_SEATS>>,
	/// The last ballot read (the pass continues after it).
	pub after: Option<Alias>,
	/// Ballots counted so far.
	pub ballots: u32,
	/// The sums gathered so far.
	pub sums: Sums,
}
