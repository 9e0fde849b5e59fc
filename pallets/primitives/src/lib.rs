//! # Veche primitives
//!
//! The identifiers every Veche pallet shares, and the traits through which pallets talk to each
//! other. No pallet depends on another pallet's crate: each declares what it needs as a `Config`
//! type bounded by a trait from this crate, and the runtime wires the implementations.
//!
//! ## Identifiers
//!
//! All ids are plain integers so that they are cheap to hash (`Twox64Concat` for sequential ids)
//! and readable in polkadot.js apps. They are type aliases, not newtypes, so that the metadata
//! shows them as numbers; the alias name documents which kind of id a field holds.
//!
//! ## Traits
//!
//! - [`IdentityJudge`]: does an account carry a positive identity judgement? Implemented by the
//!   runtime over `pallet-identity`; used to qualify registrars, candidates and currency founders.
//! - [`JurisdictionInspect`]: the jurisdiction tree (kinds of units, ancestry, offices), read by
//!   personhood (which constituencies a registrar serves), ballots (territorial tallies) and
//!   elections. Implemented by `pallet-veche-jurisdictions`.
//! - [`JurisdictionUsage`]: does any pallet still refer to a unit or an office? The jurisdiction
//!   tree refuses to remove what is in use.
//! - [`PersonhoodVerifier`]: checks an anonymous ring-VRF proof of personhood and returns the
//!   prover's alias for a context. Implemented by `pallet-veche-personhood`; used by every pallet
//!   that accepts anonymous actions (ballots, ratings, petitions).
//! - [`PromotionRecord`]: further conditions of promotion by record, read by elections;
//!   implemented by the ratings and promises records.
//! - [`CandidacyInspect`]: where a person's candidacy in an election stands and the seat it
//!   gave them. Implemented by `pallet-veche-elections`; read by promises (and later ratings).
//! - [`PromiseBook`]: a person's promises with their statuses ([`PromiseStatus`], filed under a
//!   [`PolicySphere`]), for the portrait elections serve. Implemented by `pallet-veche-promises`.
//! - [`PollEngine`]: runs polls of the ballots engine for other pallets (elections, recall,
//!   juries), with the types that say what a poll asks and counts ([`PollKind`], [`Electorate`],
//!   [`Tally`]). Implemented by `pallet-veche-ballots`.
//! - [`BillRegistry`]: the bills juries decide, and the verdict they give. Implemented by the
//!   runtime over `pallet-veche-acts`; used by `pallet-veche-juries`.
//! - [`AliasLists`]: the aliases that alone vote in a poll whose electorate is an [`AliasList`]
//!   (a jury's seated jurors). Implemented by `pallet-veche-juries`; read by ballots.
//! - [`MarkActs`]: marks adopted acts as items of a non-transferable NFT collection per
//!   jurisdiction. Implemented by the runtime over `pallet-nfts`; used by the registry of acts.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;
use alloc::vec::Vec;

mod civic;
mod judgment;
mod juries;
mod marking;
mod polls;
mod sealing;
pub use civic::*;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
pub use judgment::*;
pub use juries::*;
pub use marking::*;
pub use polls::*;
use scale_info::TypeInfo;
pub use sealing::*;

/// An administrative unit or diaspora constituency in the jurisdiction tree.
pub type JurisdictionId = u32;

/// An office (mayor, council seat, member of parliament) attached to a jurisdiction.
pub type OfficeId = u32;

/// A poll run by the ballots engine (election round, recall vote, jury vote, referendum).
pub type PollId = u32;

/// An election of one or more officeholders.
pub type ElectionId = u32;

/// A community mutual-credit currency.
pub type CurrencyId = u32;

/// The kind of an administrative unit; it fixes where a unit may sit in the tree.
///
/// A country is a root; a region sits under a country, a district under a region, a municipality
/// under a district or directly under a region. A diaspora constituency groups the citizens of a
/// country who live abroad (for example by country of residence) and sits directly under that
/// country. Persons register in municipalities and diaspora constituencies only: those are the
/// units whose rings carry ballots.
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
pub enum UnitKind {
	/// A sovereign country: the root of a tree.
	Country,
	/// A first-level division of a country (region, province, oblast, state).
	Region,
	/// A second-level division (district, county, raion).
	District,
	/// A local self-government unit (town, village, city): residents register here.
	Municipality,
	/// The citizens of a country living abroad, e.g. in one country of residence: diaspora voters
	/// register here.
	DiasporaConstituency,
}

impl UnitKind {
	/// Whether a unit of this kind may be placed directly under a unit of kind `parent`
	/// (`None`: at the root).
	pub fn may_sit_under(self, parent: Option<UnitKind>) -> bool {
		use UnitKind::*;
		matches!(
			(parent, self),
			(None, Country)
				| (Some(Country), Region)
				| (Some(Country), DiasporaConstituency)
				| (Some(Region), District)
				| (Some(Region), Municipality)
				| (Some(District), Municipality)
		)
	}

	/// Whether persons register in units of this kind (their constituency).
	pub fn registers_persons(self) -> bool {
		matches!(self, UnitKind::Municipality | UnitKind::DiasporaConstituency)
	}

	/// The level of government of units of this kind, from 0 (local: municipalities and diaspora
	/// constituencies) to 3 (a country): promotion by record goes from lower levels to higher.
	pub fn level(self) -> u8 {
		match self {
			UnitKind::Municipality | UnitKind::DiasporaConstituency => 0,
			UnitKind::District => 1,
			UnitKind::Region => 2,
			UnitKind::Country => 3,
		}
	}
}

/// The deepest a jurisdiction tree goes: country, region, district, municipality
/// ([`UnitKind::may_sit_under`] allows no longer chain). Every walk up the tree is bounded by it.
pub const MAX_TREE_DEPTH: u32 = 4;

/// A dispatch error as the transaction pool's refusal of a call that authorizes itself (a ballot,
/// a rating period's opening, a recall step): `Custom` with the error's index in its pallet, which
/// clients name from the metadata; `Custom(255)` for an error of no pallet.
pub fn pool_refusal(
	e: frame_support::sp_runtime::DispatchError,
) -> frame_support::sp_runtime::transaction_validity::TransactionValidityError {
	use frame_support::sp_runtime::{transaction_validity::InvalidTransaction, DispatchError};
	let code = match e {
		DispatchError::Module(m) => m.error.first().copied().unwrap_or(u8::MAX),
		_ => u8::MAX,
	};
	InvalidTransaction::Custom(code).into()
}

/// The hash of a document a call refers to: a decision, a court ruling, an act.
pub type DocumentHash = [u8; 32];

/// What other pallets may read of the jurisdiction tree.
pub trait JurisdictionInspect {
	/// The kind of unit `id`, or `None` when no such unit exists.
	fn unit_kind(id: JurisdictionId) -> Option<UnitKind>;

	/// The parent of unit `id` (`None` for a root or an unknown unit).
	fn parent(id: JurisdictionId) -> Option<JurisdictionId>;

	/// Whether `id` is `ancestor` itself or lies anywhere below it. `false` if either is unknown.
	fn is_within(id: JurisdictionId, ancestor: JurisdictionId) -> bool;

	/// The unit an office belongs to and its number of seats, or `None` for an unknown office.
	fn office(id: OfficeId) -> Option<(JurisdictionId, u32)>;

	/// The policy spheres an office answers for (and its holders are rated in), or `None` for an
	/// unknown office. Unless a tree says otherwise, every office answers for every sphere.
	fn office_spheres(id: OfficeId) -> Option<Spheres> {
		Self::office(id).map(|_| Spheres::ALL)
	}

	/// `id` and the units above it, nearest first: `[id, parent, …, country]`, at most
	/// [`MAX_TREE_DEPTH`] units (one read each).
	fn ancestors(id: JurisdictionId) -> Vec<JurisdictionId> {
		let mut path = Vec::new();
		let mut next = Some(id);
		while let Some(unit) = next {
			if path.len() >= MAX_TREE_DEPTH as usize {
				break;
			}
			path.push(unit);
			next = Self::parent(unit);
		}
		path
	}

	/// Whether `id` or a unit above it is one of `sorted` (ascending): a walk up the tree with a
	/// binary search at each step.
	fn within_any(id: JurisdictionId, sorted: &[JurisdictionId]) -> bool {
		Self::ancestors(id).iter().any(|unit| sorted.binary_search(unit).is_ok())
	}
}

/// Whether a unit or an office is still referred to by some pallet's state (registered persons,
/// open polls, sitting officials). The jurisdiction tree refuses to remove what is in use.
pub trait JurisdictionUsage {
	/// `true` while anything refers to unit `id`.
	fn unit_in_use(id: JurisdictionId) -> bool;
	/// `true` while anything refers to office `id`.
	fn office_in_use(id: OfficeId) -> bool;
}

/// Nothing refers to any unit or office.
impl JurisdictionUsage for () {
	fn unit_in_use(_: JurisdictionId) -> bool {
		false
	}
	fn office_in_use(_: OfficeId) -> bool {
		false
	}
}

/// Both usages are consulted: a unit is in use if either says so.
impl<A: JurisdictionUsage, B: JurisdictionUsage> JurisdictionUsage for (A, B) {
	fn unit_in_use(id: JurisdictionId) -> bool {
		A::unit_in_use(id) || B::unit_in_use(id)
	}
	fn office_in_use(id: OfficeId) -> bool {
		A::office_in_use(id) || B::office_in_use(id)
	}
}

/// A credential class (civic-literacy exam, legal qualification) whose holders form rings of
/// their own.
pub type CredentialClass = u16;

/// The position of a ring within its ring set: rings fill up in order, a full ring opens the next.
pub type RingIndex = u32;

/// How many times a ring's member commitment has been rebuilt or extended. A proof names the
/// revision it was made against; it is accepted only in polls whose roll holds that revision.
pub type RingRevision = u32;

/// A point on personhood's roll clock, which counts the ring revisions finished so far. A poll
/// freezes its *roll* at the point of its creation: the revision of every ring that was current
/// at that point, and no other, proves membership in that poll. A key that enters a ring later
/// (a new registration, a key rotation, a reinstatement) enters a later revision, which is not
/// in that roll.
pub type Roll = u32;

/// The pseudonym a ring-VRF proof yields: the same for one person within one context, unlinkable
/// across contexts. Equal to `verifiable::Alias` and `frame_support::traits::reality::Alias`.
pub type Alias = [u8; 32];

/// A context in which aliases are drawn (one per poll, per petition, per rating period).
pub type Context = [u8; 32];

/// The longest encoded ring-VRF proof accepted anywhere: a Bandersnatch ring proof for one context
/// is 785 bytes (787 with its length prefix); 1,265 bytes covers the 16-context maximum.
pub const MAX_RING_PROOF_LEN: u32 = 1_265;

/// Which group of persons a ring holds.
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
pub enum RingSet {
	/// Every registered person of one constituency (a municipality or diaspora constituency).
	Constituency(JurisdictionId),
	/// The persons holding one credential (an exam passed, a legal qualification).
	Credential(CredentialClass),
}

/// Names one revision of one ring: what a proof was made against.
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
pub struct RingRef {
	/// The ring set (constituency or credential class).
	pub set: RingSet,
	/// The ring within the set.
	pub index: RingIndex,
	/// The revision of that ring's commitment the proof was built against.
	pub revision: RingRevision,
}

/// What a valid proof establishes.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct ProvenAlias {
	/// The prover's alias in the proof's context.
	pub alias: Alias,
	/// The ring set the prover belongs to: their constituency or credential class.
	pub set: RingSet,
	/// The ring revision the proof was checked against.
	pub revision: RingRevision,
}

/// Why a proof of personhood was refused.
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
pub enum ProofError {
	/// The proof bytes do not decode as a ring-VRF proof.
	MalformedProof,
	/// No ring exists at this set and index, or it has no members yet.
	RingNotFound,
	/// The named revision of the ring is not in the roll the proof is checked against: it was
	/// finished after the roll was frozen (so it may hold keys that entered later), or it had
	/// already been replaced. Prove against the ring revision of the poll's roll.
	NotInRoll,
	/// The ring holds fewer keys than the anonymity floor (`MinRingSize`): a proof from it would
	/// tell too much about who made it.
	RingTooSmall,
	/// The proof does not verify for this ring, context and message (forged, or made for
	/// another context, message or ring).
	InvalidProof,
}

/// Checks anonymous proofs of personhood made with a ring-VRF key.
pub trait PersonhoodVerifier {
	/// The roll clock now: a roll frozen now holds the ring revisions current now.
	fn current_roll() -> Roll;

	/// How many keys the ring revisions current now hold in the territories within `unit`
	/// (`None`: in every territory): the size of a roll frozen now, for an electorate of that
	/// unit. Credential rings are not counted.
	fn roll_members(unit: Option<JurisdictionId>) -> u32;

	/// Verifies `proof` (an encoded ring-VRF proof) against the ring named by `ring`, whose
	/// revision must be the one in `roll`, for `context` and `message`. On success returns the
	/// prover's alias in `context`, the ring's set and its revision. Nothing is written.
	fn verify(
		proof: &[u8],
		ring: &RingRef,
		roll: Roll,
		context: &Context,
		message: &[u8],
	) -> Result<ProvenAlias, ProofError>;

	/// Whether `ring` names a ring revision that is in `roll` and holds at least the anonymity
	/// floor of keys: the cheap part of [`Self::verify`], without the proof.
	fn check_ring(ring: &RingRef, roll: Roll) -> Result<(), ProofError>;

	/// The alias `proof` claims, read from its VRF output without checking anything else, or
	/// `None` when the proof is not well-formed. Cheap (one point decompression and a hash): it
	/// lets a caller refuse a duplicate or rate-limited alias before paying for verification. The
	/// claim is worth nothing until [`Self::verify`] or [`Self::verify_batch`] confirms it, and a
	/// confirmed alias always equals the claimed one.
	fn claimed_alias(proof: &[u8]) -> Option<Alias>;

	/// Verifies many proofs in one combined check, returning one outcome per item in input order.
	/// An invalid item never affects the outcome of the others. When every item is valid this
	/// costs one combined check (much less than verifying the items one by one); when some are
	/// not, finding them costs extra sub-batch checks.
	fn verify_batch(items: &[ProofItem<'_>]) -> Vec<Result<ProvenAlias, ProofError>>;
}

/// One proof in a [`PersonhoodVerifier::verify_batch`] request.
#[derive(Clone, Copy, Debug)]
pub struct ProofItem<'a> {
	/// The encoded ring-VRF proof.
	pub proof: &'a [u8],
	/// The ring (and revision) it was made against.
	pub ring: RingRef,
	/// The roll that revision must be in.
	pub roll: Roll,
	/// The context the alias is drawn in.
	pub context: Context,
	/// The message the proof signs.
	pub message: &'a [u8],
}

/// Which rolls are still needed: personhood keeps the commitments (and members) of replaced ring
/// revisions only while some poll that froze its roll between their start and their replacement
/// is not yet purged.
pub trait RollUsage {
	/// Whether a poll not yet purged froze its roll at a point in `from..until`.
	fn roll_in_use(from: Roll, until: Roll) -> bool;
}

/// No roll is in use: replaced revisions are dropped at once.
impl RollUsage for () {
	fn roll_in_use(_: Roll, _: Roll) -> bool {
		false
	}
}

/// How many holders (polls, pools) each roll point has, in a map keyed by the point in big-endian
/// bytes with the `Identity` hasher, so that it iterates in the roll clock's order: the one
/// bookkeeping behind every [`RollUsage`] implementation.
pub mod live_rolls {
	use super::Roll;
	use frame_support::storage::{IterableStorageMap, StorageMap};

	/// One more holder of `roll`.
	pub fn hold<M: StorageMap<[u8; 4], u32, Query = Option<u32>>>(roll: Roll) {
		M::mutate(roll.to_be_bytes(), |n: &mut Option<u32>| {
			*n = Some(n.unwrap_or(0).saturating_add(1))
		});
	}

	/// One holder fewer of `roll`; the entry goes with the last.
	pub fn release<M: StorageMap<[u8; 4], u32, Query = Option<u32>>>(roll: Roll) {
		M::mutate_exists(roll.to_be_bytes(), |n: &mut Option<u32>| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0)
		});
	}

	/// Whether some roll point in `from..until` has a holder: one lookup of `from`, then the first
	/// key after it.
	pub fn in_use<M: IterableStorageMap<[u8; 4], u32>>(from: Roll, until: Roll) -> bool {
		if from >= until {
			return false;
		}
		if M::contains_key(from.to_be_bytes()) {
			return true;
		}
		let start = M::hashed_key_for(from.to_be_bytes());
		M::iter_keys_from(start)
			.next()
			.is_some_and(|key| Roll::from_be_bytes(key) < until)
	}
}

/// A roll is in use if either user holds it (ballots' polls, juries' pools).
impl<A: RollUsage, B: RollUsage> RollUsage for (A, B) {
	fn roll_in_use(from: Roll, until: Roll) -> bool {
		A::roll_in_use(from, until) || B::roll_in_use(from, until)
	}
}

/// Further conditions an office that promotes by record sets its candidates, beyond the full term
/// at a lower level of government that elections check themselves: ratings and promises records
/// tighten promotion through it (approval, promises kept above thresholds).
pub trait PromotionRecord<AccountId> {
	/// Whether `who`'s record qualifies them to stand for `office`, of level `level`.
	fn qualifies(who: &AccountId, office: OfficeId, level: UnitKind) -> bool;
}

/// No further conditions.
impl<AccountId> PromotionRecord<AccountId> for () {
	fn qualifies(_: &AccountId, _: OfficeId, _: UnitKind) -> bool {
		true
	}
}

/// Both records must qualify.
impl<AccountId, A: PromotionRecord<AccountId>, B: PromotionRecord<AccountId>>
	PromotionRecord<AccountId> for (A, B)
{
	fn qualifies(who: &AccountId, office: OfficeId, level: UnitKind) -> bool {
		A::qualifies(who, office, level) && B::qualifies(who, office, level)
	}
}

/// Whether an account has been publicly identified by a trusted registrar.
///
/// Officials, candidates, registrars and currency founders act under their public identity;
/// voters never do. The runtime implements this over `pallet-identity` judgements.
pub trait IdentityJudge<AccountId> {
	/// `true` when `who` has at least one positive judgement (`Reasonable` or `KnownGood`) and no
	/// negative one.
	fn is_identified(who: &AccountId) -> bool;
}

/// Nobody is identified: the safe default for tests and for runtimes without identity.
impl<AccountId> IdentityJudge<AccountId> for () {
	fn is_identified(_: &AccountId) -> bool {
		false
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	struct Even;
	impl IdentityJudge<u64> for Even {
		fn is_identified(who: &u64) -> bool {
			who.is_multiple_of(2)
		}
	}

	#[test]
	fn unit_kinds_nest_country_region_district_municipality() {
		use UnitKind::*;
		assert!(Country.may_sit_under(None));
		assert!(!Region.may_sit_under(None));
		assert!(Region.may_sit_under(Some(Country)));
		assert!(DiasporaConstituency.may_sit_under(Some(Country)));
		assert!(!DiasporaConstituency.may_sit_under(Some(Region)));
		assert!(District.may_sit_under(Some(Region)));
		assert!(Municipality.may_sit_under(Some(District)));
		assert!(Municipality.may_sit_under(Some(Region)));
		assert!(!Municipality.may_sit_under(Some(Municipality)));
		assert!(!Country.may_sit_under(Some(Country)));
		assert!(Municipality.registers_persons() && DiasporaConstituency.registers_persons());
		assert!(!Country.registers_persons() && !Region.registers_persons());
	}

	#[test]
	fn usage_pairs_report_a_unit_in_use_if_either_does() {
		struct Odd;
		impl JurisdictionUsage for Odd {
			fn unit_in_use(id: JurisdictionId) -> bool {
				id % 2 == 1
			}
			fn office_in_use(_: OfficeId) -> bool {
				true
			}
		}
		assert!(<((), Odd) as JurisdictionUsage>::unit_in_use(3));
		assert!(!<((), Odd) as JurisdictionUsage>::unit_in_use(4));
		assert!(<(Odd, ()) as JurisdictionUsage>::office_in_use(4));
		assert!(!<() as JurisdictionUsage>::office_in_use(4));
	}

	#[test]
	fn unit_judge_identifies_nobody() {
		assert!(!<() as IdentityJudge<u64>>::is_identified(&0));
		assert!(!<() as IdentityJudge<u64>>::is_identified(&u64::MAX));
	}

	#[test]
	fn a_judge_is_usable_through_the_trait() {
		fn check<J: IdentityJudge<u64>>(who: u64) -> bool {
			J::is_identified(&who)
		}
		assert!(check::<Even>(2));
		assert!(!check::<Even>(3));
	}
}

#[cfg(test)]
mod tree_tests {
	use super::*;

	/// The longest chain of kinds that `may_sit_under` allows, from a root down.
	fn deepest(parent: Option<UnitKind>) -> u32 {
		use UnitKind::*;
		[Country, Region, District, Municipality, DiasporaConstituency]
			.into_iter()
			.filter(|k| k.may_sit_under(parent))
			.map(|k| 1 + deepest(Some(k)))
			.max()
			.unwrap_or(0)
	}

	#[test]
	fn no_tree_the_kinds_allow_is_deeper_than_max_tree_depth() {
		assert_eq!(deepest(None), MAX_TREE_DEPTH);
	}

	struct Tree;
	impl JurisdictionInspect for Tree {
		fn unit_kind(_: JurisdictionId) -> Option<UnitKind> {
			None
		}
		// 4 → 3 → 2 → 1 → 0 → none: a chain one longer than the bound.
		fn parent(id: JurisdictionId) -> Option<JurisdictionId> {
			id.checked_sub(1)
		}
		fn is_within(_: JurisdictionId, _: JurisdictionId) -> bool {
			false
		}
		fn office(_: OfficeId) -> Option<(JurisdictionId, u32)> {
			None
		}
	}

	#[test]
	fn walks_up_the_tree_are_bounded_and_nearest_first() {
		assert_eq!(Tree::ancestors(2), vec![2, 1, 0]);
		assert_eq!(Tree::ancestors(9), vec![9, 8, 7, 6]);
		assert!(Tree::within_any(3, &[0, 7]));
		assert!(!Tree::within_any(9, &[0, 5]));
		assert!(Tree::within_any(9, &[6]));
	}
}
