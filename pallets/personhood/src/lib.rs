//! # Personhood
//!
//! One-time anonymous registration of persons, and proofs of personhood by ring-VRF.
//!
//! ## Overview
//!
//! A registrar (a certification centre accredited by governance) checks a person off-chain —
//! passport, citizenship, residence — and submits only two values: an opaque deduplication
//! [`Tag`] (a keyed hash of the identity document that registrars compute with a shared secret)
//! and the person's ring public key, for one constituency. The chain never sees personal data.
//! The same document yields the same tag at every registrar, so a second registration of the same
//! person fails with [`Error::PersonAlreadyExists`], reuse of a key with [`Error::KeyAlreadyExists`].
//!
//! Keys do not join rings one by one: they wait in a queue per ring set and join in cohorts of at
//! least [`Config::MinCohort`] (or whatever has gathered after [`Config::MaxCohortWait`] blocks),
//! sorted by key bytes, so that neither timing nor position in a ring tells who joined when. A
//! ring holds at most [`Config::RingCapacity`] keys; a full ring opens the next one. The ring's
//! commitment is then built incrementally, at most [`Config::BuildBatch`] keys per step, in
//! `on_idle` or by anyone through [`Pallet::build_ring`].
//!
//! A member proves personhood anonymously with a ring-VRF proof against one revision of one ring
//! for a context (a poll, a petition) and a message (the ballot). Other pallets check proofs
//! through [`PersonhoodVerifier`]: the result is the prover's alias — the same for one person
//! within one context, unlinkable across contexts — and the ring's set (constituency or
//! credential class), nothing more.
//!
//! ## Terms
//!
//! - **Ring set** ([`RingSet`]): the rings of one constituency (municipality or diaspora
//!   constituency), or of one credential class.
//! - **Credential class**: an exam or qualification (civic literacy, legal qualification).
//!   Examiners accredited per class add an existing member's key to the class's rings; the ballots
//!   engine can weigh votes or draw juries by it. No identity enters the chain.
//! - **Revision**: a ring's commitment changes when a cohort joins or a key leaves (suspension,
//!   rotation). Proofs name the revision they were built against.
//! - **Roll**: each finished revision advances the roll clock ([`RollClock`]). A poll freezes its
//!   roll at the point of its creation: in that poll only the revision of each ring current at
//!   that point proves membership ([`ProofError::NotInRoll`] otherwise). A key that enters a ring
//!   later — a new registration, a key rotation, a reinstatement — votes from the next poll, so no
//!   key change gives anyone a second ballot, and a ring rebuilt during a poll never invalidates
//!   the proofs made for it. A replaced revision is kept ([`PastRoots`], with its members in
//!   [`RevisionMembers`]) while a poll holding it is not purged ([`Config::Rolls`]), then pruned
//!   by anyone ([`Pallet::prune_revision`]).
//! - **Anonymity floor** ([`MinRingSize`]): no proof verifies against a ring revision with fewer
//!   keys ([`ProofError::RingTooSmall`]), and cohorts never open a ring with fewer: a new ring
//!   takes at least the floor (from what would have filled the previous one), and keys too few
//!   to open one keep waiting. Set at genesis and by governance, never below
//!   [`Config::AbsoluteMinRingSize`].
//! - **Territory**: the ring set of a constituency — its own, or, for a constituency too small
//!   for rings above the floor, its parent unit's, shared with its neighbours pooled there
//!   ([`Pooled`], [`Pallet::set_pooled`]). Ballots are tallied per territory, so no tally covers
//!   fewer persons than the floor.
//! - **Suspension**: the registrar that serves the person's constituency, or governance, takes a
//!   person's key out of every ring, giving the hash of the document that justifies it;
//!   reinstatement queues it again.
//! - **Key rotation**: a registrar replaces a lost or compromised key; the tag stays, the old key
//!   can never be registered again.
//!
//! ## Example
//!
//! Register a cohort, build the ring, and verify a member's anonymous proof:
#![doc = docify::embed!("src/tests/cohorts.rs", a_cohort_joins_and_a_member_proves_personhood)]
//!
//! ## Cryptography and parameters
//!
//! Rings use the Bandersnatch ring VRF of the `verifiable` crate ([`crypto::Bandersnatch`]),
//! verified in pure wasm. Building a ring commitment needs static parameters of the trusted
//! setup (one BLS12-381 point per ring position, 96 bytes each). As upstream's Individuality
//! runtimes do, they live in storage ([`Chunks`], pages of [`crypto::CHUNK_PAGE_SIZE`]) and are
//! uploaded once by anybody ([`Pallet::upload_chunks`], `veche-client upload-chunks`), each page
//! checked against its hash pinned in the runtime code; no ring is built before all pages are
//! stored. Keeping them out of the code keeps the runtime small (all three domains' parameters
//! would add 1.6 MB).
//!
//! ## Implementation notes
//!
//! - Work never happens in an unbounded loop: `on_idle` spends the block's spare weight on at most
//!   a few build steps and a bounded scan of queues (resuming from a cursor), and anybody can
//!   drive the same steps with [`Pallet::admit_cohort`] and [`Pallet::build_ring`].
//! - Registrars qualify by a positive identity judgement ([`Config::IdentityJudge`]) when they are
//!   accredited; anybody may end the accreditation of one that has lost it
//!   ([`Pallet::revoke_unidentified`]). Registrars in the genesis config are trusted as given.
//! - Every key ever registered stays in [`Keys`], so a retired key is never accepted again.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
	not(test),
	deny(
		clippy::unwrap_used,
		clippy::panic,
		clippy::todo,
		clippy::float_arithmetic,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects
	)
)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
pub mod crypto;
#[cfg(test)]
mod mock;
mod ring;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use crypto::{Chunk, Member, RingVrf, CHUNK_PAGE_SIZE};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
use frame_support::sp_runtime;
use frame_support::{
	ensure,
	pallet_prelude::*,
	sp_runtime::{
		traits::{
			BlakeTwo256, BlockNumberProvider, CheckedDiv, Hash, Saturating, StaticLookup, Zero,
		},
		ArithmeticError,
	},
	BoundedVec,
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{
	Context, CredentialClass, IdentityJudge, JurisdictionId, JurisdictionInspect, ProofError,
	ProvenAlias, RingIndex, RingRef, RingRevision, RingSet, Roll, RollUsage,
};

/// How many queues `on_idle` looks at per block at most.
const IDLE_SCAN: u32 = 16;

/// How many ring-building steps `on_idle` takes per block at most (each `BuildBatch` keys).
const IDLE_BUILD_STEPS: u32 = 16;

/// The hash of a document (a court decision, a registrar's report) that justifies an action.
pub use pallet_veche_primitives::DocumentHash;

/// A registrar as this runtime stores it.
pub type RegistrarOf<T> = Registrar<<T as Config>::MaxRegistrarJurisdictions, BlockNumberFor<T>>;
/// How a call names an account: an address the runtime's `Lookup` resolves (an account id, or
/// an index where the runtime has indices).
pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
/// The persons of one registration batch: `(tag, key, constituency)`, keys ascending.
pub type BatchOf<T> = BoundedVec<(Tag, Member, JurisdictionId), <T as Config>::MaxBatch>;
/// A person as this runtime stores them.
pub type PersonOf<T> = Person<<T as frame_system::Config>::AccountId>;
/// A cohort queue as this runtime stores it.
pub type CohortOf<T> = Cohort<BlockNumberFor<T>, <T as Config>::MaxQueue>;
/// The members of one ring.
pub type RingMembersOf<T> = BoundedVec<Member, <T as Config>::RingCapacity>;
/// One page of static chunks.
pub type ChunkPage = BoundedVec<Chunk, ConstU32<CHUNK_PAGE_SIZE>>;

/// Whether a credential holder's key is in a ring yet.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Holding {
	/// The class ring holding the key; `None` while it waits in the queue (or is suspended).
	pub ring: Option<RingIndex>,
}

/// One-time anonymous registration of persons by accredited registrars (an opaque dedupe tag and
/// a ring-VRF key, never personal data), cohort admission into constituency and credential rings,
/// and verification of anonymous proofs of personhood.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The layout of this pallet's storage. Version 1 is the layout as of the first settled call
	/// API; every later change of layout raises it and comes with a migration.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The pallet's clock: cohort waits (`MaxCohortWait`), quota periods (`QuotaPeriod`)
		/// and the roll count in its blocks. The runtime passes `System` (this parachain's blocks).
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// The ring VRF: [`crypto::Bandersnatch`] in the runtime.
		type RingVrf: RingVrf;

		/// The jurisdiction tree: which units are constituencies, and which lie within a
		/// registrar's units.
		type Jurisdictions: JurisdictionInspect;

		/// Whether an account has a positive public identity judgement; registrars and examiners
		/// need one.
		type IdentityJudge: IdentityJudge<Self::AccountId>;

		/// Governance: accredits and revokes registrars and examiners, defines credential classes,
		/// and may suspend or reinstate any person.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most keys one ring holds; at most the ring VRF's own limit
		/// (`RingVrf::max_ring_size`, 255 or 767). The anonymity set of a proof is its ring.
		#[pallet::constant]
		type RingCapacity: Get<u32>;

		/// The smallest cohort: queued keys join their rings once this many have gathered.
		#[pallet::constant]
		type MinCohort: Get<u32>;

		/// How long, in blocks of this chain, a key waits at most for its cohort to fill; after
		/// that the keys gathered so far join anyway.
		#[pallet::constant]
		type MaxCohortWait: Get<BlockNumberFor<Self>>;

		/// Which rolls polls still need: a replaced ring revision is kept (commitment and
		/// members) while a poll not yet purged froze its roll during that revision's time.
		/// `pallet-veche-ballots` in the runtime.
		type Rolls: RollUsage;

		/// The lowest anonymity floor governance can set ([`MinRingSize`]): no proof verifies
		/// against a ring with fewer keys than the floor. Fixed in the code, so that no vote of
		/// any body can make proofs identifying. At most half of `RingCapacity`.
		#[pallet::constant]
		type AbsoluteMinRingSize: Get<u32>;

		/// The most keys waiting in one ring set's queue.
		#[pallet::constant]
		type MaxQueue: Get<u32>;

		/// The most keys pushed into a ring's commitment in one build step.
		#[pallet::constant]
		type BuildBatch: Get<u32>;

		/// The most units one registrar serves.
		#[pallet::constant]
		type MaxRegistrarJurisdictions: Get<u32>;

		/// The most persons one registration batch carries (at least `MinCohort`).
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// The length, in blocks of this chain, of a registrar's quota period: each registrar
		/// registers at most its quota of persons per period.
		#[pallet::constant]
		type QuotaPeriod: Get<BlockNumberFor<Self>>;

		/// The quota per period of a newly accredited registrar, until governance sets its own
		/// ([`Pallet::set_quota`]).
		#[pallet::constant]
		type DefaultQuota: Get<u32>;

		/// The most credential classes.
		#[pallet::constant]
		type MaxCredentialClasses: Get<u32>;

		/// The longest credential class name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Weights of this pallet's calls and ring-building steps, benchmarked.
		type WeightInfo: WeightInfo;

		/// Sets up identities and jurisdictions for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// Accredited registrars and the units they serve.
	// Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Registrars<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, RegistrarOf<T>>;

	/// Registered persons by dedupe tag.
	// Blake2_128Concat: tags are submitted by registrars.
	#[pallet::storage]
	pub type People<T: Config> = StorageMap<_, Blake2_128Concat, Tag, PersonOf<T>>;

	/// How many persons are registered (active or suspended).
	#[pallet::storage]
	pub type PersonCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The persons each registrar registered and governance has not yet swept after its
	/// revocation ([`Pallet::suspend_registrations`]).
	// Blake2_128Concat: accounts and tags are chosen by users.
	#[pallet::storage]
	pub type ByRegistrar<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, Tag, ()>;

	/// Whether registrars may register a single person ([`Pallet::register`]); only test
	/// presets allow it. Otherwise persons come in batches of at least `MinCohort`
	/// ([`Pallet::register_batch`]), so that nothing on chain dates one person more finely than
	/// their batch.
	#[pallet::storage]
	pub type SingleRegistration<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// Every key ever registered (current or retired by rotation) → its person's tag. A key here
	/// can never be registered again.
	// Blake2_128Concat: keys are submitted by registrars.
	#[pallet::storage]
	pub type Keys<T: Config> = StorageMap<_, Blake2_128Concat, Member, Tag>;

	/// Credential classes by id → name.
	// Twox64Concat: sequential ids assigned by the pallet.
	#[pallet::storage]
	pub type CredentialClasses<T: Config> =
		StorageMap<_, Twox64Concat, CredentialClass, BoundedVec<u8, T::MaxNameLen>>;

	/// The id the next credential class gets.
	#[pallet::storage]
	pub type NextCredentialClass<T: Config> = StorageValue<_, CredentialClass, ValueQuery>;

	/// Examiners accredited per class.
	// Twox64Concat: class ids are sequential; Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Examiners<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CredentialClass, Blake2_128Concat, T::AccountId, ()>;

	/// Credentials held: `(person's tag, class) → where the key is`.
	// Blake2_128Concat: tags are submitted by registrars; Twox64Concat: sequential class ids.
	#[pallet::storage]
	pub type Credentials<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Tag, Twox64Concat, CredentialClass, Holding>;

	/// Keys waiting to join each ring set, with the arrival of the oldest.
	// Twox64Concat: ring sets are jurisdiction or class ids assigned on-chain.
	#[pallet::storage]
	pub type Queues<T: Config> = StorageMap<_, Twox64Concat, RingSet, CohortOf<T>>;

	/// Where `on_idle` resumes its scan of [`Queues`]: the last ring set it looked at.
	#[pallet::storage]
	pub type QueueCursor<T: Config> = StorageValue<_, RingSet>;

	/// The ring of each set that cohorts join (earlier rings are full).
	// Twox64Concat: ring sets are ids assigned on-chain.
	#[pallet::storage]
	pub type OpenRing<T: Config> = StorageMap<_, Twox64Concat, RingSet, RingIndex, ValueQuery>;

	/// The members of each ring, in commitment order. Provers need this exact list.
	// Twox64Concat: ring sets and indices are assigned on-chain.
	#[pallet::storage]
	pub type RingMembers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RingSet, Twox64Concat, RingIndex, RingMembersOf<T>>;

	/// The commitment proofs are checked against, per ring (absent until first built).
	// Twox64Concat: ring sets and indices are assigned on-chain.
	#[pallet::storage]
	pub type RingRoots<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RingSet, Twox64Concat, RingIndex, RingRoot>;

	/// Replaced revisions of rings that a poll's roll still holds, by `(set, ring, revision)`.
	/// A revision replaced while no poll holds it is dropped at once; one held is pruned
	/// ([`Pallet::prune_revision`]) once every poll holding it is purged.
	// Twox64Concat: ring sets, indices and revisions are assigned on-chain.
	#[pallet::storage]
	pub type PastRoots<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, RingSet>,
			NMapKey<Twox64Concat, RingIndex>,
			NMapKey<Twox64Concat, RingRevision>,
		),
		PastRoot,
	>;

	/// The members of a ring revision that [`RingMembers`] no longer lists as a prefix, by
	/// `(set, ring, revision)`: taken when a key leaves or is replaced in a built ring (for its
	/// current revision), and kept with every entry of [`PastRoots`]. Provers of a poll whose
	/// roll holds that revision need exactly this list.
	// Twox64Concat: ring sets, indices and revisions are assigned on-chain.
	#[pallet::storage]
	pub type RevisionMembers<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, RingSet>,
			NMapKey<Twox64Concat, RingIndex>,
			NMapKey<Twox64Concat, RingRevision>,
		),
		RingMembersOf<T>,
	>;

	/// The roll clock: how many ring revisions have been finished. A poll created now freezes
	/// its roll at this point.
	#[pallet::storage]
	pub type RollClock<T: Config> = StorageValue<_, Roll, ValueQuery>;

	/// How many keys the current revisions of the territory rings within each unit hold (the
	/// unit's own territory and those below it): the size of a roll frozen now.
	// Twox64Concat: jurisdiction ids are assigned on-chain.
	#[pallet::storage]
	pub type Committed<T: Config> = StorageMap<_, Twox64Concat, JurisdictionId, u32, ValueQuery>;

	/// How many keys the current revisions of all territory rings hold.
	#[pallet::storage]
	pub type CommittedTotal<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The anonymity floor when none was set: the compile-time minimum.
	#[pallet::type_value]
	pub fn DefaultMinRingSize<T: Config>() -> u32 {
		T::AbsoluteMinRingSize::get()
	}

	/// The anonymity floor: no proof verifies against a ring revision with fewer keys, and
	/// cohorts never open a ring with fewer. Set at genesis and by governance
	/// ([`Pallet::set_min_ring_size`]), never below [`Config::AbsoluteMinRingSize`].
	#[pallet::storage]
	pub type MinRingSize<T: Config> = StorageValue<_, u32, ValueQuery, DefaultMinRingSize<T>>;

	/// Constituencies too small for a ring of their own, pooled with their parent unit: their
	/// persons' keys join the rings of the territory `RingSet::Constituency(parent)` together with
	/// the other constituencies pooled there, and ballots from those rings are tallied under the
	/// parent. Set by governance while the constituency has nobody registered.
	// Twox64Concat: jurisdiction ids are assigned on-chain.
	#[pallet::storage]
	pub type Pooled<T: Config> = StorageMap<_, Twox64Concat, JurisdictionId, JurisdictionId>;

	/// How many persons are registered in each constituency (active or suspended).
	// Twox64Concat: jurisdiction ids are assigned on-chain.
	#[pallet::storage]
	pub type Residents<T: Config> = StorageMap<_, Twox64Concat, JurisdictionId, u32, ValueQuery>;

	/// Each ring's builder: the state after its first `pushed` members.
	// Twox64Concat: ring sets and indices are assigned on-chain.
	#[pallet::storage]
	pub type RingBuilders<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RingSet, Twox64Concat, RingIndex, RingBuilder>;

	/// Rings whose commitment lags behind their members: build work to do.
	// Twox64Concat: ring sets and indices are assigned on-chain.
	#[pallet::storage]
	pub type PendingBuilds<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RingSet, Twox64Concat, RingIndex, ()>;

	/// The ring builder's static parameters (trusted setup), in pages checked against the
	/// hashes pinned in the code.
	// Twox64Concat: sequential page numbers.
	#[pallet::storage]
	pub type Chunks<T: Config> = StorageMap<_, Twox64Concat, u32, ChunkPage>;

	/// How many pages of [`Chunks`] are stored; rings are built once all are.
	#[pallet::storage]
	pub type ChunkPagesStored<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Registrars and the units they serve (trusted as given: no identity check).
		pub registrars: Vec<(T::AccountId, Vec<JurisdictionId>)>,
		/// Names of credential classes, given ids 0, 1, …
		pub credential_classes: Vec<Vec<u8>>,
		/// Examiners as `(class, account)`.
		pub examiners: Vec<(CredentialClass, T::AccountId)>,
		/// Persons registered at genesis as `(tag, key, constituency, registrar)`; their keys are
		/// admitted and their rings built at once (a demonstration, not a cohort).
		pub people: Vec<(Tag, Member, JurisdictionId, T::AccountId)>,
		/// Credentials held at genesis as `(class, key)`.
		pub credentials: Vec<(CredentialClass, Member)>,
		/// The anonymity floor ([`MinRingSize`]); 0 keeps the compile-time minimum.
		pub min_ring_size: u32,
		/// Constituencies pooled with their parent unit from the start ([`Pooled`]).
		pub pooled: Vec<JurisdictionId>,
		/// Whether single registrations are allowed ([`SingleRegistration`]): test presets only.
		pub single_registration: bool,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if self.min_ring_size != 0 {
				Pallet::<T>::checked_floor(self.min_ring_size)
					.expect("personhood genesis: min_ring_size out of bounds");
				MinRingSize::<T>::put(self.min_ring_size);
			}
			SingleRegistration::<T>::put(self.single_registration);
			for constituency in &self.pooled {
				let territory = Pallet::<T>::pool_target(*constituency)
					.expect("personhood genesis: a pooled unit is no constituency with a parent");
				Pooled::<T>::insert(constituency, territory);
			}
			for (who, units) in &self.registrars {
				let registrar = Pallet::<T>::checked_registrar(units.clone())
					.expect("personhood genesis: a registrar's units are invalid");
				Registrars::<T>::insert(who, registrar);
			}
			for name in &self.credential_classes {
				let class = NextCredentialClass::<T>::get();
				let name: BoundedVec<u8, T::MaxNameLen> =
					name.clone().try_into().expect("personhood genesis: class name too long");
				CredentialClasses::<T>::insert(class, name);
				NextCredentialClass::<T>::put(class.checked_add(1).expect("class id overflow"));
			}
			for (class, who) in &self.examiners {
				assert!(CredentialClasses::<T>::contains_key(class), "examiner of unknown class");
				Examiners::<T>::insert(class, who, ());
			}
			for (tag, key, constituency, registrar) in &self.people {
				Pallet::<T>::do_register(registrar, *tag, *key, *constituency)
					.expect("personhood genesis: a person cannot be registered");
			}
			for (class, key) in &self.credentials {
				Pallet::<T>::do_grant(*class, *key)
					.expect("personhood genesis: a credential cannot be granted");
			}
			// Admit every queue at once; the rings are built once the static chunks are uploaded.
			let sets: Vec<RingSet> = Queues::<T>::iter_keys().collect();
			for set in sets {
				Pallet::<T>::do_admit(set).expect("personhood genesis: admission failed");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A registrar was accredited, or its units were changed.
		RegistrarAccredited {
			/// The registrar's account.
			registrar: T::AccountId,
			/// The units it serves.
			jurisdictions: BoundedVec<JurisdictionId, T::MaxRegistrarJurisdictions>,
		},
		/// A registrar's accreditation ended. Persons it registered stay registered.
		RegistrarRevoked {
			/// The registrar's account.
			registrar: T::AccountId,
		},
		/// A person was registered; their key waits for its cohort.
		PersonRegistered {
			/// The registrar that checked the person.
			registrar: T::AccountId,
			/// The person's dedupe tag.
			tag: Tag,
			/// The person's ring key.
			key: Member,
			/// Their constituency.
			constituency: JurisdictionId,
		},
		/// A cohort of waiting keys joined a ring; its commitment will be rebuilt.
		CohortAdmitted {
			/// The ring set.
			set: RingSet,
			/// The ring they joined.
			ring: RingIndex,
			/// How many keys joined it.
			count: u32,
		},
		/// A page of the ring builder's static chunks was stored.
		ChunksStored {
			/// The page.
			page: u32,
			/// How many pages are stored now, of how many needed.
			stored: u32,
			/// How many pages rings need.
			needed: u32,
		},
		/// A ring's pending build was dropped by the idle-time work because it cannot be built (a
		/// stored key or static chunk is unusable): its previous revision stays current, and
		/// `build_ring` says why if called.
		RingBuildAbandoned {
			/// The ring set.
			set: RingSet,
			/// The ring.
			index: RingIndex,
		},
		/// A ring's commitment was finished as its next revision: polls created from now on hold
		/// it in their rolls, polls created before keep the revisions of their own roll.
		RingRevised {
			/// The ring set.
			set: RingSet,
			/// The ring.
			ring: RingIndex,
			/// Its new revision.
			revision: u32,
			/// How many members the commitment covers.
			members: u32,
			/// The roll clock at this revision: rolls frozen from this point on hold it.
			roll: Roll,
			/// Whether the replaced revision is kept, because a poll's roll holds it.
			kept_previous: bool,
		},
		/// A replaced ring revision that no poll's roll holds any more was removed.
		RevisionPruned {
			/// The ring set.
			set: RingSet,
			/// The ring.
			ring: RingIndex,
			/// The revision removed.
			revision: RingRevision,
		},
		/// Governance set the anonymity floor.
		MinRingSizeSet {
			/// The fewest keys a ring must hold for its proofs to count.
			size: u32,
		},
		/// A constituency was pooled with its parent unit, or given back its own rings.
		TerritorySet {
			/// The constituency.
			constituency: JurisdictionId,
			/// The territory whose rings its persons join: its parent when pooled, else itself.
			territory: JurisdictionId,
		},
		/// A batch of persons was registered in one call; their keys wait for their cohorts. The
		/// batch is the finest moment the chain records for any of them.
		BatchRegistered {
			/// The registrar that checked them.
			registrar: T::AccountId,
			/// `(tag, key, constituency)` of each, keys ascending.
			persons: BatchOf<T>,
		},
		/// Governance set a registrar's quota.
		QuotaSet {
			/// The registrar.
			registrar: T::AccountId,
			/// How many persons it may register per quota period.
			quota: u32,
		},
		/// Governance suspended a chunk of a revoked registrar's registrations.
		RegistrationsSwept {
			/// The revoked registrar.
			registrar: T::AccountId,
			/// How many of its persons this chunk covered.
			persons: u32,
			/// Whether none is left to sweep.
			complete: bool,
		},
		/// A person was suspended: their key was taken out of every ring (or, swept with a revoked
		/// registrar while already suspended, their suspension passed to governance).
		PersonSuspended {
			/// The person's tag.
			tag: Tag,
			/// The document justifying the suspension.
			reason: DocumentHash,
			/// Whether governance suspended them (only governance can lift it).
			by_governance: bool,
		},
		/// A suspended person's key was queued for their rings again.
		PersonReinstated {
			/// The person's tag.
			tag: Tag,
			/// The document justifying the reinstatement.
			reason: DocumentHash,
		},
		/// A person's key was replaced; the old one stops working at the next ring revision.
		KeyRotated {
			/// The person's tag.
			tag: Tag,
			/// The retired key (never accepted again).
			old: Member,
			/// The new key.
			new: Member,
		},
		/// A credential class was defined.
		CredentialClassAdded {
			/// Its id.
			class: CredentialClass,
			/// Its name.
			name: BoundedVec<u8, T::MaxNameLen>,
		},
		/// An examiner was accredited for a class.
		ExaminerAccredited {
			/// The class.
			class: CredentialClass,
			/// The examiner's account.
			examiner: T::AccountId,
		},
		/// An examiner's accreditation ended.
		ExaminerRevoked {
			/// The class.
			class: CredentialClass,
			/// The examiner's account.
			examiner: T::AccountId,
		},
		/// A member's key was queued for a credential class's rings.
		CredentialGranted {
			/// The class.
			class: CredentialClass,
			/// The member's key.
			key: Member,
		},
		/// A member's key was taken out of a credential class's rings.
		CredentialRevoked {
			/// The class.
			class: CredentialClass,
			/// The member's key.
			key: Member,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No accredited registrar has this account.
		RegistrarNotFound,
		/// The account has no positive identity judgement; registrars and examiners need one.
		NotIdentified,
		/// The registrar still has a positive identity judgement; only governance can revoke it.
		StillIdentified,
		/// A registrar must serve at least one unit.
		NoJurisdictions,
		/// A registrar can serve at most `MaxRegistrarJurisdictions` units.
		TooManyJurisdictions,
		/// No unit has this id.
		UnitNotFound,
		/// Persons register in municipalities and diaspora constituencies only.
		NotAConstituency,
		/// The constituency lies outside every unit this registrar serves.
		OutsideJurisdiction,
		/// This tag is already registered (at this or another registrar): one person registers
		/// once.
		PersonAlreadyExists,
		/// The key is not a valid ring public key (not a point of the Bandersnatch prime-order
		/// subgroup).
		InvalidKey,
		/// The ring set's queue holds `MaxQueue` keys; wait for the next cohort to be admitted.
		TooManyQueued,
		/// No person is registered with this tag.
		PersonNotFound,
		/// The caller may not do this: it is not the accredited registrar (or examiner) the call
		/// needs, nor governance where governance may act.
		NotAuthorized,
		/// The person is already suspended.
		AlreadySuspended,
		/// The person is not suspended.
		NotSuspended,
		/// No active member has this key: it is unknown, retired, or a suspended person's.
		MemberNotFound,
		/// No credential class has this id.
		CredentialClassNotFound,
		/// There are already `MaxCredentialClasses` classes.
		TooManyCredentialClasses,
		/// A class name cannot be empty.
		EmptyName,
		/// The account is not an examiner of this class.
		ExaminerNotFound,
		/// The account is already an examiner of this class.
		ExaminerAlreadyExists,
		/// The member already holds this credential.
		CredentialAlreadyExists,
		/// The member does not hold this credential.
		CredentialNotFound,
		/// The queue has fewer than `MinCohort` keys and its oldest has waited less than
		/// `MaxCohortWait` blocks (or it is empty).
		CohortNotReady,
		/// The ring's commitment is up to date.
		NothingToBuild,
		/// The ring builder failed (a stored key or static chunk is unusable); the ring keeps its
		/// previous commitment.
		RingBuildFailed,
		/// Rings cannot be built before every page of static chunks is uploaded
		/// (`upload_chunks`, `veche-client upload-chunks`).
		ChunksMissing,
		/// No such page of static chunks: pages run from 0 to the ring domain's last.
		ChunkPageNotFound,
		/// This page of static chunks is already stored.
		ChunkPageAlreadyExists,
		/// The uploaded chunks are not the canonical ones: their hash differs from the one pinned
		/// in the runtime.
		ChunkHashMismatch,
		/// The anonymity floor must be at least `AbsoluteMinRingSize` and at most half of
		/// `RingCapacity` (so that a full ring can always be split into two rings above it).
		FloorOutOfBounds,
		/// Only a municipality or diaspora constituency that has a parent unit can be pooled.
		NotPoolable,
		/// The constituency already has registered persons: their keys sit in its rings, so its
		/// territory can no longer change.
		ConstituencyInUse,
		/// The constituency is already pooled as asked (or already has its own rings).
		TerritoryUnchanged,
		/// No replaced revision of this ring is kept under this number.
		RevisionNotFound,
		/// A poll not yet purged holds this revision in its roll; it is kept until that poll is
		/// purged.
		RevisionInUse,
		/// Single registrations are disabled on this chain: register persons in batches of at
		/// least `MinCohort` with `register_batch`.
		SingleRegistrationDisabled,
		/// A batch carries fewer than `MinCohort` persons; gather more before submitting.
		BatchTooSmall,
		/// A batch's keys must be strictly ascending (sorted, no duplicates), so that their order
		/// tells nothing about when each person was checked.
		KeysNotSorted,
		/// The registrar has used its quota for this period; wait for the next period or ask
		/// governance for a larger quota.
		QuotaExceeded,
		/// Governance suspended this person; only governance can reinstate them.
		SuspendedByGovernance,
		/// The registrar is still accredited; revoke it before sweeping its registrations.
		StillAccredited,
		/// The revoked registrar has no registrations left to sweep.
		NothingToSweep,
		/// A chunk size must be at least 1.
		ZeroLimit,
		/// This key is already registered (to this person or another, now or before a key
		/// rotation): a key proves one person only.
		KeyAlreadyExists,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::do_idle_work(remaining)
		}

		fn integrity_test() {
			assert!(T::RingCapacity::get() > 0, "RingCapacity must allow a member");
			assert!(T::MaxBatch::get() >= T::MinCohort::get(), "MaxBatch must hold a cohort");
			assert!(!T::QuotaPeriod::get().is_zero(), "QuotaPeriod must be positive");
			assert!(
				T::RingCapacity::get() <= T::RingVrf::max_ring_size(),
				"RingCapacity exceeds what the ring VRF supports"
			);
			assert!(T::MinCohort::get() > 0, "MinCohort must be positive");
			assert!(T::AbsoluteMinRingSize::get() > 0, "AbsoluteMinRingSize must be positive");
			assert!(
				T::AbsoluteMinRingSize::get().saturating_mul(2) <= T::RingCapacity::get(),
				"a full ring must split into two rings above the anonymity floor"
			);
			assert!(T::MaxQueue::get() >= T::MinCohort::get(), "MaxQueue must hold a cohort");
			assert!(T::BuildBatch::get() > 0, "BuildBatch must push a member");
			for page in 0..T::RingVrf::chunk_pages() {
				assert!(
					T::RingVrf::chunk_page_hash(page).is_some(),
					"a chunk page hash is missing"
				);
			}
			assert!(T::MaxRegistrarJurisdictions::get() > 0, "a registrar needs a unit");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Accredits a registrar for `jurisdictions`, or replaces the units of an accredited one.
		///
		/// - Origin: [`Config::AdminOrigin`].
		/// - `who` must have a positive identity judgement.
		/// - `jurisdictions`: 1..=`MaxRegistrarJurisdictions` existing units (a longer list does
		///   not decode); the registrar may register persons in constituencies within them.
		///
		/// Emits [`Event::RegistrarAccredited`]. Errors: [`Error::NotIdentified`],
		/// [`Error::NoJurisdictions`], [`Error::UnitNotFound`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::accredit_registrar(jurisdictions.len() as u32))]
		pub fn accredit_registrar(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			jurisdictions: BoundedVec<JurisdictionId, T::MaxRegistrarJurisdictions>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			ensure!(T::IdentityJudge::is_identified(&who), Error::<T>::NotIdentified);
			let mut registrar = Self::checked_registrar(jurisdictions.into_inner())?;
			if let Some(old) = Registrars::<T>::get(&who) {
				// A change of units keeps its count, quota and use of the period.
				registrar.registered = old.registered;
				registrar.quota = old.quota;
				registrar.window = old.window;
				registrar.used = old.used;
			}
			let jurisdictions = registrar.jurisdictions.clone();
			Registrars::<T>::insert(&who, registrar);
			Self::deposit_event(Event::RegistrarAccredited { registrar: who, jurisdictions });
			Ok(())
		}

		/// Ends a registrar's accreditation. Persons it registered stay registered.
		///
		/// - Origin: [`Config::AdminOrigin`].
		///
		/// Emits [`Event::RegistrarRevoked`]. Errors: [`Error::RegistrarNotFound`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke_registrar())]
		pub fn revoke_registrar(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			Registrars::<T>::take(&who).ok_or(Error::<T>::RegistrarNotFound)?;
			Self::deposit_event(Event::RegistrarRevoked { registrar: who });
			Ok(())
		}

		/// Ends the accreditation of a registrar that no longer has a positive identity
		/// judgement. Anybody may call it.
		///
		/// - Origin: signed.
		///
		/// Emits [`Event::RegistrarRevoked`]. Errors: [`Error::RegistrarNotFound`],
		/// [`Error::StillIdentified`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke_registrar())]
		pub fn revoke_unidentified(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			ensure!(Registrars::<T>::contains_key(&who), Error::<T>::RegistrarNotFound);
			ensure!(!T::IdentityJudge::is_identified(&who), Error::<T>::StillIdentified);
			Registrars::<T>::remove(&who);
			Self::deposit_event(Event::RegistrarRevoked { registrar: who });
			Ok(())
		}

		/// Registers a person checked off-chain: their dedupe tag and ring key, for their
		/// constituency. The key waits in the constituency's queue for its cohort.
		///
		/// - Origin: signed by an accredited registrar.
		/// - `tag`: the keyed hash of the person's identity document (see [`Tag`]).
		/// - `key`: the person's Bandersnatch ring public key.
		/// - `constituency`: a municipality or diaspora constituency within the registrar's units.
		///
		/// Only where [`SingleRegistration`] allows it (test presets): elsewhere a single
		/// registration would date one person to the block, so persons come in batches
		/// ([`Pallet::register_batch`]). Counts towards the registrar's quota.
		///
		/// Emits [`Event::PersonRegistered`]. Errors: [`Error::SingleRegistrationDisabled`],
		/// [`Error::NotAuthorized`], [`Error::QuotaExceeded`], [`Error::UnitNotFound`],
		/// [`Error::NotAConstituency`], [`Error::OutsideJurisdiction`],
		/// [`Error::PersonAlreadyExists`], [`Error::KeyAlreadyExists`], [`Error::InvalidKey`],
		/// [`Error::TooManyQueued`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			tag: Tag,
			key: Member,
			constituency: JurisdictionId,
		) -> DispatchResult {
			let registrar = ensure_signed(origin)?;
			ensure!(SingleRegistration::<T>::get(), Error::<T>::SingleRegistrationDisabled);
			Self::charge_quota(&registrar, 1)?;
			Self::do_register(&registrar, tag, key, constituency)?;
			Self::deposit_event(Event::PersonRegistered { registrar, tag, key, constituency });
			Ok(())
		}

		/// Suspends a person: their key leaves every ring (it stops working at each ring's next
		/// revision) and every queue.
		///
		/// - Origin: [`Config::AdminOrigin`], or signed by the accredited registrar that
		///   registered the person. Only governance lifts a suspension governance imposed.
		/// - `reason`: the hash of the document that justifies it.
		///
		/// Emits [`Event::PersonSuspended`]. Errors: [`Error::PersonNotFound`],
		/// [`Error::NotAuthorized`], [`Error::AlreadySuspended`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::suspend(T::MaxCredentialClasses::get()))]
		pub fn suspend(origin: OriginFor<T>, tag: Tag, reason: DocumentHash) -> DispatchResult {
			let actor = Self::admin_or_signed(origin)?;
			let person = People::<T>::get(tag).ok_or(Error::<T>::PersonNotFound)?;
			let by_governance = Self::may_act_on(actor, &person)?;
			ensure!(person.status == PersonStatus::Active, Error::<T>::AlreadySuspended);
			Self::do_suspend(tag, person, by_governance, reason)
		}

		/// Lifts a suspension: the key is queued for the constituency's and credentials' rings
		/// (it votes in polls created after it is back in a ring).
		///
		/// - Origin: as [`Pallet::suspend`]; a suspension by governance is lifted only by
		///   governance.
		///
		/// Emits [`Event::PersonReinstated`]. Errors: [`Error::PersonNotFound`],
		/// [`Error::NotAuthorized`], [`Error::NotSuspended`], [`Error::SuspendedByGovernance`],
		/// [`Error::TooManyQueued`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reinstate(T::MaxCredentialClasses::get()))]
		pub fn reinstate(origin: OriginFor<T>, tag: Tag, reason: DocumentHash) -> DispatchResult {
			let actor = Self::admin_or_signed(origin)?;
			let mut person = People::<T>::get(tag).ok_or(Error::<T>::PersonNotFound)?;
			let governance = Self::may_act_on(actor, &person)?;
			let PersonStatus::Suspended { by_governance } = person.status else {
				return Err(Error::<T>::NotSuspended.into());
			};
			ensure!(governance || !by_governance, Error::<T>::SuspendedByGovernance);
			Self::enqueue(Self::home_set(person.constituency), person.key)?;
			for class in Credentials::<T>::iter_key_prefix(tag) {
				Self::enqueue(RingSet::Credential(class), person.key)?;
			}
			person.status = PersonStatus::Active;
			People::<T>::insert(tag, person);
			Self::deposit_event(Event::PersonReinstated { tag, reason });
			Ok(())
		}

		/// Replaces a person's key (lost or compromised). The new key takes the old one's place
		/// in every ring and queue; the old one works until each ring's next revision and is
		/// never accepted again.
		///
		/// - Origin: signed by the accredited registrar that registered the person (who checked
		///   the person again off-chain and recomputed the tag).
		///
		/// Emits [`Event::KeyRotated`]. Errors: [`Error::PersonNotFound`], [`Error::NotAuthorized`],
		/// [`Error::KeyAlreadyExists`] (the new key is used), [`Error::InvalidKey`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::rotate_key(T::MaxCredentialClasses::get()))]
		pub fn rotate_key(origin: OriginFor<T>, tag: Tag, new_key: Member) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut person = People::<T>::get(tag).ok_or(Error::<T>::PersonNotFound)?;
			ensure!(Self::is_own_registrar(&who, &person), Error::<T>::NotAuthorized);
			ensure!(!Keys::<T>::contains_key(new_key), Error::<T>::KeyAlreadyExists);
			ensure!(T::RingVrf::is_member_valid(&new_key), Error::<T>::InvalidKey);
			let old = person.key;
			if person.status == PersonStatus::Active {
				Self::replace(Self::home_set(person.constituency), person.ring, &old, new_key)?;
				for (class, holding) in Credentials::<T>::iter_prefix(tag) {
					Self::replace(RingSet::Credential(class), holding.ring, &old, new_key)?;
				}
			}
			person.key = new_key;
			People::<T>::insert(tag, person);
			Keys::<T>::insert(new_key, tag);
			Self::deposit_event(Event::KeyRotated { tag, old, new: new_key });
			Ok(())
		}

		/// Defines a credential class (an exam, a qualification); it gets the next id.
		///
		/// - Origin: [`Config::AdminOrigin`].
		///
		/// Emits [`Event::CredentialClassAdded`]. Errors: [`Error::EmptyName`] (a name over
		/// `MaxNameLen` does not decode), [`Error::TooManyCredentialClasses`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::add_credential_class())]
		pub fn add_credential_class(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLen>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			let class = NextCredentialClass::<T>::get();
			ensure!(
				u32::from(class) < T::MaxCredentialClasses::get(),
				Error::<T>::TooManyCredentialClasses
			);
			NextCredentialClass::<T>::put(class.checked_add(1).ok_or(ArithmeticError::Overflow)?);
			CredentialClasses::<T>::insert(class, name.clone());
			Self::deposit_event(Event::CredentialClassAdded { class, name });
			Ok(())
		}

		/// Accredits an examiner for a credential class.
		///
		/// - Origin: [`Config::AdminOrigin`]. `who` must have a positive identity judgement.
		///
		/// Emits [`Event::ExaminerAccredited`]. Errors: [`Error::CredentialClassNotFound`],
		/// [`Error::NotIdentified`], [`Error::ExaminerAlreadyExists`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::accredit_examiner())]
		pub fn accredit_examiner(
			origin: OriginFor<T>,
			class: CredentialClass,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			ensure!(
				CredentialClasses::<T>::contains_key(class),
				Error::<T>::CredentialClassNotFound
			);
			ensure!(T::IdentityJudge::is_identified(&who), Error::<T>::NotIdentified);
			ensure!(!Examiners::<T>::contains_key(class, &who), Error::<T>::ExaminerAlreadyExists);
			Examiners::<T>::insert(class, &who, ());
			Self::deposit_event(Event::ExaminerAccredited { class, examiner: who });
			Ok(())
		}

		/// Ends an examiner's accreditation. Credentials it granted stay.
		///
		/// - Origin: [`Config::AdminOrigin`].
		///
		/// Emits [`Event::ExaminerRevoked`]. Errors: [`Error::ExaminerNotFound`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::revoke_examiner())]
		pub fn revoke_examiner(
			origin: OriginFor<T>,
			class: CredentialClass,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			ensure!(Examiners::<T>::contains_key(class, &who), Error::<T>::ExaminerNotFound);
			Examiners::<T>::remove(class, &who);
			Self::deposit_event(Event::ExaminerRevoked { class, examiner: who });
			Ok(())
		}

		/// Adds an active member's key to a credential class: it waits in the class's queue for
		/// its cohort. The examiner learns nothing the key does not already show.
		///
		/// - Origin: signed by an examiner of `class`.
		///
		/// Emits [`Event::CredentialGranted`]. Errors: [`Error::CredentialClassNotFound`],
		/// [`Error::NotAuthorized`], [`Error::MemberNotFound`], [`Error::CredentialAlreadyExists`],
		/// [`Error::TooManyQueued`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::grant_credential())]
		pub fn grant_credential(
			origin: OriginFor<T>,
			class: CredentialClass,
			key: Member,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(
				CredentialClasses::<T>::contains_key(class),
				Error::<T>::CredentialClassNotFound
			);
			ensure!(Examiners::<T>::contains_key(class, &who), Error::<T>::NotAuthorized);
			Self::do_grant(class, key)?;
			Self::deposit_event(Event::CredentialGranted { class, key });
			Ok(())
		}

		/// Takes a member's key out of a credential class's rings (at their next revision) or
		/// queue.
		///
		/// - Origin: signed by an examiner of `class`.
		///
		/// Emits [`Event::CredentialRevoked`]. Errors: [`Error::NotAuthorized`],
		/// [`Error::MemberNotFound`] (unknown or retired key), [`Error::CredentialNotFound`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::revoke_credential())]
		pub fn revoke_credential(
			origin: OriginFor<T>,
			class: CredentialClass,
			key: Member,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(Examiners::<T>::contains_key(class, &who), Error::<T>::NotAuthorized);
			let tag = Self::current_tag(&key).ok_or(Error::<T>::MemberNotFound)?;
			let holding =
				Credentials::<T>::get(tag, class).ok_or(Error::<T>::CredentialNotFound)?;
			Self::leave(RingSet::Credential(class), holding.ring, &key)?;
			Credentials::<T>::remove(tag, class);
			Self::deposit_event(Event::CredentialRevoked { class, key });
			Ok(())
		}

		/// Admits the cohort waiting for `set` into its rings, if it is ready (at least
		/// `MinCohort` keys, or the oldest has waited `MaxCohortWait` blocks). `on_idle` does the
		/// same; anybody may call this to move things along.
		///
		/// - Origin: signed.
		///
		/// Emits [`Event::CohortAdmitted`] per ring joined. Errors: [`Error::CohortNotReady`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::admit_cohort(T::MaxQueue::get()))]
		pub fn admit_cohort(origin: OriginFor<T>, set: RingSet) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let now = T::BlockNumberProvider::current_block_number();
			let ready = Queues::<T>::get(set).is_some_and(|c| Self::cohort_ready(set, &c, now));
			ensure!(ready, Error::<T>::CohortNotReady);
			let admitted = Self::do_admit(set)?;
			Ok(Some(T::WeightInfo::admit_cohort(admitted)).into())
		}

		/// Pushes up to `BuildBatch` pending members into a ring's commitment and, when none are
		/// left, finishes it as the ring's next revision. `on_idle` does the same; anybody may call
		/// this to move things along.
		///
		/// - Origin: signed.
		///
		/// Emits [`Event::RingRevised`] when the commitment is finished. Errors:
		/// [`Error::NothingToBuild`], [`Error::RingBuildFailed`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::build_ring(T::BuildBatch::get()))]
		pub fn build_ring(
			origin: OriginFor<T>,
			set: RingSet,
			index: RingIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(PendingBuilds::<T>::contains_key(set, index), Error::<T>::NothingToBuild);
			let pushed = Self::do_build_step(set, index, T::BuildBatch::get())?;
			Ok(Some(T::WeightInfo::build_ring(pushed)).into())
		}

		/// Stores one page of the ring builder's static chunks (the trusted setup's points for
		/// ring positions `page * 256 ..`). Anybody may upload; the page must hash to the value
		/// pinned in the runtime, so only the canonical chunks are accepted. Free when it succeeds.
		///
		/// - Origin: signed.
		/// - `chunks`: the page's chunks in order (256, or fewer on the last page).
		///
		/// Emits [`Event::ChunksStored`]. Errors: [`Error::ChunkPageNotFound`],
		/// [`Error::ChunkPageAlreadyExists`], [`Error::ChunkHashMismatch`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::upload_chunks())]
		pub fn upload_chunks(
			origin: OriginFor<T>,
			page: u32,
			chunks: ChunkPage,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let expected =
				T::RingVrf::chunk_page_hash(page).ok_or(Error::<T>::ChunkPageNotFound)?;
			ensure!(!Chunks::<T>::contains_key(page), Error::<T>::ChunkPageAlreadyExists);
			let hash = <BlakeTwo256 as Hash>::hash(&chunks.encode());
			ensure!(hash.0 == expected, Error::<T>::ChunkHashMismatch);
			let stored = ChunkPagesStored::<T>::get().saturating_add(1);
			Chunks::<T>::insert(page, chunks);
			ChunkPagesStored::<T>::put(stored);
			let needed = T::RingVrf::chunk_pages();
			Self::deposit_event(Event::ChunksStored { page, stored, needed });
			Ok(Pays::No.into())
		}

		/// Sets the anonymity floor ([`MinRingSize`]): proofs from rings with fewer keys stop
		/// counting, and cohorts never open a ring with fewer. Raising it can leave existing
		/// rings below it; their keys prove again once their rings grow back above it.
		///
		/// - Origin: [`Config::AdminOrigin`].
		/// - `size`: from `AbsoluteMinRingSize` to half of `RingCapacity`.
		///
		/// Emits [`Event::MinRingSizeSet`]. Errors: [`Error::FloorOutOfBounds`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_min_ring_size())]
		pub fn set_min_ring_size(origin: OriginFor<T>, size: u32) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::checked_floor(size)?;
			MinRingSize::<T>::put(size);
			Self::deposit_event(Event::MinRingSizeSet { size });
			Ok(())
		}

		/// Pools a small constituency with its parent unit (`pooled`), or gives it back rings of
		/// its own. A pooled constituency's persons join the rings of the territory
		/// `RingSet::Constituency(parent)`, shared with the other constituencies pooled there,
		/// and their ballots are tallied under the parent: no ring and no tally is smaller than
		/// the floor even where the constituency is.
		///
		/// - Origin: [`Config::AdminOrigin`].
		/// - Only while nobody is registered in the constituency.
		///
		/// Emits [`Event::TerritorySet`]. Errors: [`Error::NotPoolable`],
		/// [`Error::ConstituencyInUse`], [`Error::TerritoryUnchanged`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::set_pooled())]
		pub fn set_pooled(
			origin: OriginFor<T>,
			constituency: JurisdictionId,
			pooled: bool,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let parent = Self::pool_target(constituency)?;
			ensure!(Residents::<T>::get(constituency) == 0, Error::<T>::ConstituencyInUse);
			ensure!(
				Pooled::<T>::contains_key(constituency) != pooled,
				Error::<T>::TerritoryUnchanged
			);
			let territory = if pooled {
				Pooled::<T>::insert(constituency, parent);
				parent
			} else {
				Pooled::<T>::remove(constituency);
				constituency
			};
			Self::deposit_event(Event::TerritorySet { constituency, territory });
			Ok(())
		}

		/// Removes a replaced ring revision (its commitment and member list) that no poll's roll
		/// holds any more: every poll frozen while it was current has been purged. Anybody may
		/// call it.
		///
		/// - Origin: signed.
		///
		/// Emits [`Event::RevisionPruned`]. Errors: [`Error::RevisionNotFound`],
		/// [`Error::RevisionInUse`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::prune_revision())]
		pub fn prune_revision(
			origin: OriginFor<T>,
			set: RingSet,
			index: RingIndex,
			revision: RingRevision,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let past =
				PastRoots::<T>::get((set, index, revision)).ok_or(Error::<T>::RevisionNotFound)?;
			ensure!(!T::Rolls::roll_in_use(past.from, past.until), Error::<T>::RevisionInUse);
			PastRoots::<T>::remove((set, index, revision));
			RevisionMembers::<T>::remove((set, index, revision));
			Self::deposit_event(Event::RevisionPruned { set, ring: index, revision });
			Ok(())
		}

		/// Registers a batch of persons checked off-chain, each with their dedupe tag, ring key
		/// and constituency: at least `MinCohort` of them, keys strictly ascending, all or none.
		/// Nothing on chain dates any of them more finely than the batch.
		///
		/// - Origin: signed by an accredited registrar serving every constituency named.
		/// - Counts towards the registrar's quota.
		///
		/// Emits [`Event::BatchRegistered`]. Errors: [`Error::BatchTooSmall`],
		/// [`Error::KeysNotSorted`], [`Error::RegistrarNotFound`], [`Error::QuotaExceeded`], and per
		/// person those of [`Pallet::register`].
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::register_batch(persons.len() as u32))]
		pub fn register_batch(origin: OriginFor<T>, persons: BatchOf<T>) -> DispatchResult {
			let registrar = ensure_signed(origin)?;
			let n = persons.len() as u32;
			ensure!(n >= T::MinCohort::get(), Error::<T>::BatchTooSmall);
			let sorted = persons.windows(2).all(|w| matches!(w, [a, b] if a.1 < b.1));
			ensure!(sorted, Error::<T>::KeysNotSorted);
			Self::charge_quota(&registrar, n)?;
			for (tag, key, constituency) in persons.iter() {
				Self::do_register(&registrar, *tag, *key, *constituency)?;
			}
			Self::deposit_event(Event::BatchRegistered { registrar, persons });
			Ok(())
		}

		/// Sets how many persons a registrar may register per quota period
		/// ([`Config::QuotaPeriod`]).
		///
		/// - Origin: [`Config::AdminOrigin`].
		///
		/// Emits [`Event::QuotaSet`]. Errors: [`Error::RegistrarNotFound`].
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::set_quota())]
		pub fn set_quota(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			quota: u32,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			Registrars::<T>::try_mutate(&who, |r| {
				r.as_mut().ok_or(Error::<T>::RegistrarNotFound).map(|r| r.quota = quota)
			})?;
			Self::deposit_event(Event::QuotaSet { registrar: who, quota });
			Ok(())
		}

		/// Suspends, by governance, up to `limit` persons registered by a registrar whose
		/// accreditation was revoked (after fraud), resuming where the last call stopped. Call it
		/// until [`Event::RegistrationsSwept`] says `complete`; each swept person is reinstated
		/// only by governance, after being checked again.
		///
		/// - Origin: [`Config::AdminOrigin`].
		///
		/// Emits [`Event::PersonSuspended`] per person swept (`by_governance`; for one already
		/// suspended it says that the suspension passed to governance) and
		/// [`Event::RegistrationsSwept`]. Errors: [`Error::ZeroLimit`],
		/// [`Error::StillAccredited`], [`Error::NothingToSweep`].
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::suspend_registrations(*limit))]
		pub fn suspend_registrations(
			origin: OriginFor<T>,
			registrar: AccountIdLookupOf<T>,
			limit: u32,
			reason: DocumentHash,
		) -> DispatchResultWithPostInfo {
			T::AdminOrigin::ensure_origin(origin)?;
			let registrar = T::Lookup::lookup(registrar)?;
			ensure!(limit > 0, Error::<T>::ZeroLimit);
			ensure!(!Registrars::<T>::contains_key(&registrar), Error::<T>::StillAccredited);
			let tags: Vec<Tag> =
				ByRegistrar::<T>::iter_key_prefix(&registrar).take(limit as usize).collect();
			ensure!(!tags.is_empty(), Error::<T>::NothingToSweep);
			for tag in &tags {
				ByRegistrar::<T>::remove(&registrar, tag);
				let Some(mut person) = People::<T>::get(tag) else { continue };
				match person.status {
					PersonStatus::Active => Self::do_suspend(*tag, person, true, reason)?,
					PersonStatus::Suspended { .. } => {
						// Already out of every ring: only governance may bring them back now.
						person.status = PersonStatus::Suspended { by_governance: true };
						People::<T>::insert(tag, person);
						Self::deposit_event(Event::PersonSuspended {
							tag: *tag,
							reason,
							by_governance: true,
						});
					},
				}
			}
			let persons = tags.len() as u32;
			let complete = ByRegistrar::<T>::iter_key_prefix(&registrar).next().is_none();
			Self::deposit_event(Event::RegistrationsSwept { registrar, persons, complete });
			Ok(Some(T::WeightInfo::suspend_registrations(persons)).into())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Checks a proof of personhood as other pallets do ([`PersonhoodVerifier::verify`]),
		/// against the roll as it stands now: the prover's alias in `context`, or why the proof
		/// is refused. Lets a client test its proof before submitting it.
		pub fn verify_proof(
			proof: Vec<u8>,
			ring: RingRef,
			context: Context,
			message: Vec<u8>,
		) -> Result<ProvenAlias, ProofError> {
			let roll = RollClock::<T>::get();
			<Self as PersonhoodVerifier>::verify(&proof, &ring, roll, &context, &message)
		}

		/// The revision of one ring that the roll frozen at `roll` holds, with its members in
		/// commitment order: what a voter of a poll with that roll proves against. `None` when
		/// the ring had no revision then, or it is no longer kept.
		pub fn roll_ring(
			set: RingSet,
			index: RingIndex,
			roll: Roll,
		) -> Option<(RingRevision, Vec<Member>)> {
			Self::revision_in_roll(set, index, roll)
		}

		/// The members of one ring in commitment order (what a prover needs), with the current
		/// revision (`0`: not built yet) and how many members it covers.
		pub fn ring(set: RingSet, index: RingIndex) -> (Vec<Member>, u32, u32) {
			let members = RingMembers::<T>::get(set, index).map(|m| m.into_inner());
			let (revision, covered) =
				RingRoots::<T>::get(set, index).map_or((0, 0), |r| (r.revision, r.members));
			(members.unwrap_or_default(), revision, covered)
		}

		/// A registrar's quota per period and how much of the current period's it has used.
		pub fn registrar_quota(who: T::AccountId) -> Option<(u32, u32)> {
			let r = Registrars::<T>::get(who)?;
			let used = if r.window == Self::quota_window() { r.used } else { 0 };
			Some((r.quota, used))
		}

		/// The pages of static chunks still to upload before rings can be built.
		pub fn missing_chunk_pages() -> Vec<u32> {
			(0..T::RingVrf::chunk_pages())
				.filter(|p| !Chunks::<T>::contains_key(p))
				.collect()
		}

		/// The ring that holds `key` in its constituency's set, with that set; `None` while the
		/// key is queued, suspended, retired or unknown.
		pub fn ring_of_key(key: Member) -> Option<(RingSet, RingIndex)> {
			let tag = Self::current_tag(&key)?;
			let person = People::<T>::get(tag)?;
			person.ring.map(|r| (Self::home_set(person.constituency), r))
		}
	}
}

use pallet_veche_primitives::{Alias, JurisdictionUsage, OfficeId, PersonhoodVerifier, ProofItem};

/// A unit is in use while persons are registered in it, it is a territory with rings or waiting
/// keys, or a constituency is pooled into it; offices are not personhood's.
impl<T: Config> JurisdictionUsage for Pallet<T> {
	fn unit_in_use(id: JurisdictionId) -> bool {
		let set = RingSet::Constituency(id);
		Residents::<T>::get(id) > 0
			|| Pooled::<T>::contains_key(id)
			|| Queues::<T>::contains_key(set)
			|| RingMembers::<T>::iter_prefix(set).next().is_some()
	}
	fn office_in_use(_: OfficeId) -> bool {
		false
	}
}

impl<T: Config> Pallet<T> {
	/// Validates a registrar's units: 1..=Max existing units, stored sorted and deduplicated.
	fn checked_registrar(mut units: Vec<JurisdictionId>) -> Result<RegistrarOf<T>, Error<T>> {
		units.sort_unstable();
		units.dedup();
		ensure!(!units.is_empty(), Error::<T>::NoJurisdictions);
		for u in &units {
			ensure!(T::Jurisdictions::unit_kind(*u).is_some(), Error::<T>::UnitNotFound);
		}
		let jurisdictions = units.try_into().map_err(|_| Error::<T>::TooManyJurisdictions)?;
		Ok(Registrar {
			jurisdictions,
			registered: 0,
			quota: T::DefaultQuota::get(),
			window: Self::quota_window(),
			used: 0,
		})
	}

	/// The quota period now: the block number divided by the period's length.
	fn quota_window() -> BlockNumberFor<T> {
		let now = T::BlockNumberProvider::current_block_number();
		now.checked_div(&T::QuotaPeriod::get()).unwrap_or_default()
	}

	/// Counts `n` registrations against `who`'s quota for the current period.
	fn charge_quota(who: &T::AccountId, n: u32) -> DispatchResult {
		let window = Self::quota_window();
		Registrars::<T>::try_mutate(who, |r| {
			let r = r.as_mut().ok_or(Error::<T>::NotAuthorized)?;
			if r.window != window {
				r.window = window;
				r.used = 0;
			}
			let used = r.used.checked_add(n).ok_or(ArithmeticError::Overflow)?;
			ensure!(used <= r.quota, Error::<T>::QuotaExceeded);
			r.used = used;
			Ok(())
		})
	}

	/// Whether `who` is the accredited registrar that registered `person`.
	fn is_own_registrar(who: &T::AccountId, person: &PersonOf<T>) -> bool {
		person.registrar == *who && Registrars::<T>::contains_key(who)
	}

	/// Takes a person's key out of every ring and queue and marks them suspended.
	fn do_suspend(
		tag: Tag,
		mut person: PersonOf<T>,
		by_governance: bool,
		reason: DocumentHash,
	) -> DispatchResult {
		Self::leave(Self::home_set(person.constituency), person.ring, &person.key)?;
		person.ring = None;
		// Collected first (at most MaxCredentialClasses): the map is written below.
		let held: Vec<_> = Credentials::<T>::iter_prefix(tag).collect();
		for (class, holding) in held {
			Self::leave(RingSet::Credential(class), holding.ring, &person.key)?;
			Credentials::<T>::insert(tag, class, Holding { ring: None });
		}
		person.status = PersonStatus::Suspended { by_governance };
		People::<T>::insert(tag, person);
		Self::deposit_event(Event::PersonSuspended { tag, reason, by_governance });
		Ok(())
	}

	/// Whether `who` is a registrar serving a unit that contains `constituency`.
	fn serves(who: &T::AccountId, constituency: JurisdictionId) -> bool {
		let Some(registrar) = Registrars::<T>::get(who) else { return false };
		T::Jurisdictions::within_any(constituency, &registrar.jurisdictions)
	}

	/// Who acts, checked before any storage is read: governance (`None`) or a signed account.
	fn admin_or_signed(origin: OriginFor<T>) -> Result<Option<T::AccountId>, DispatchError> {
		match T::AdminOrigin::try_origin(origin) {
			Ok(_) => Ok(None),
			Err(origin) => Ok(Some(ensure_signed(origin)?)),
		}
	}

	/// Whether the actor from [`Self::admin_or_signed`] may act on `person`: governance always
	/// (`true`), a signed account only as the registrar that registered them (`false`).
	fn may_act_on(actor: Option<T::AccountId>, person: &PersonOf<T>) -> Result<bool, Error<T>> {
		match actor {
			None => Ok(true),
			Some(who) if Self::is_own_registrar(&who, person) => Ok(false),
			Some(_) => Err(Error::<T>::NotAuthorized),
		}
	}

	/// The tag of the person whose *current* key is `key`.
	fn current_tag(key: &Member) -> Option<Tag> {
		let tag = Keys::<T>::get(key)?;
		let person = People::<T>::get(tag)?;
		(person.key == *key && person.status == PersonStatus::Active).then_some(tag)
	}

	fn do_register(
		registrar: &T::AccountId,
		tag: Tag,
		key: Member,
		constituency: JurisdictionId,
	) -> DispatchResult {
		ensure!(Registrars::<T>::contains_key(registrar), Error::<T>::NotAuthorized);
		let kind = T::Jurisdictions::unit_kind(constituency).ok_or(Error::<T>::UnitNotFound)?;
		ensure!(kind.registers_persons(), Error::<T>::NotAConstituency);
		ensure!(Self::serves(registrar, constituency), Error::<T>::OutsideJurisdiction);
		ensure!(!People::<T>::contains_key(tag), Error::<T>::PersonAlreadyExists);
		ensure!(!Keys::<T>::contains_key(key), Error::<T>::KeyAlreadyExists);
		ensure!(T::RingVrf::is_member_valid(&key), Error::<T>::InvalidKey);
		let count = PersonCount::<T>::get().checked_add(1).ok_or(ArithmeticError::Overflow)?;
		Self::enqueue(Self::home_set(constituency), key)?;
		Registrars::<T>::mutate(registrar, |r| {
			if let Some(r) = r {
				r.registered = r.registered.saturating_add(1);
			}
		});
		People::<T>::insert(
			tag,
			Person {
				key,
				constituency,
				registrar: registrar.clone(),
				status: PersonStatus::Active,
				ring: None,
			},
		);
		Keys::<T>::insert(key, tag);
		ByRegistrar::<T>::insert(registrar, tag, ());
		PersonCount::<T>::put(count);
		Residents::<T>::mutate(constituency, |n| *n = n.saturating_add(1));
		Ok(())
	}

	fn do_grant(class: CredentialClass, key: Member) -> DispatchResult {
		ensure!(CredentialClasses::<T>::contains_key(class), Error::<T>::CredentialClassNotFound);
		let tag = Self::current_tag(&key).ok_or(Error::<T>::MemberNotFound)?;
		ensure!(!Credentials::<T>::contains_key(tag, class), Error::<T>::CredentialAlreadyExists);
		Self::enqueue(RingSet::Credential(class), key)?;
		Credentials::<T>::insert(tag, class, Holding { ring: None });
		Ok(())
	}

	/// The unit a constituency would be pooled into: its parent.
	fn pool_target(constituency: JurisdictionId) -> Result<JurisdictionId, Error<T>> {
		let kind = T::Jurisdictions::unit_kind(constituency).ok_or(Error::<T>::UnitNotFound)?;
		ensure!(kind.registers_persons(), Error::<T>::NotPoolable);
		T::Jurisdictions::parent(constituency).ok_or(Error::<T>::NotPoolable)
	}

	/// The territory ring set the persons of `constituency` join: its own, or its parent's when
	/// it is pooled.
	pub fn home_set(constituency: JurisdictionId) -> RingSet {
		RingSet::Constituency(Pooled::<T>::get(constituency).unwrap_or(constituency))
	}
}

// Also in `std` builds, so that pallets testing against this one (ballots) check its invariants.
#[cfg(any(feature = "try-runtime", feature = "std", test))]
impl<T: Config> Pallet<T> {
	/// The invariants of personhood:
	/// - [`PersonCount`] equals the number of [`People`]; every person's current key maps back to
	///   its tag in [`Keys`], and every key in [`Keys`] belongs to an existing person;
	/// - an active person's key is in exactly one place of its constituency's ring set: the ring
	///   its record names, or (record `None`) the queue; a suspended person's key is nowhere;
	/// - the same holds for each credential held, in that class's ring set;
	/// - the members of all constituency rings and queues are exactly the active persons' keys
	///   (counts match: every key in exactly one constituency ring set);
	/// - no ring exceeds `RingCapacity`, no queue `MaxQueue`; a builder never claims more members
	///   than its ring has, and a ring whose builder lags is in [`PendingBuilds`];
	/// - every registrar serves 1..=Max sorted units;
	/// - the roll: no revision starts after the roll clock; every kept past revision was replaced
	///   after it started, no later than the clock, and has its member list (of its size); every
	///   member snapshot belongs to a kept past revision or to its ring's current one;
	/// - [`Committed`] and [`CommittedTotal`] equal the keys of the current territory revisions,
	///   per unit and its ancestors;
	/// - [`Residents`] counts the persons of each constituency; pooled constituencies sit under
	///   their territory; the floor lies within its bounds;
	/// - [`ByRegistrar`] indexes persons under their own registrar. (A person it no longer
	///   indexes was swept and suspended by governance, which may since have reinstated them:
	///   that the sweep suspends is its own post-condition, tested with it, not a lasting state.)
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::try_roll()?;
		use alloc::collections::btree_map::BTreeMap;
		let mut people = 0u32;
		// Where each key sits, per ring set: Some(ring) or None for the queue.
		let mut placed: BTreeMap<(RingSet, Member), Vec<Option<RingIndex>>> = BTreeMap::new();
		for (set, index, members) in RingMembers::<T>::iter() {
			ensure!(members.len() as u32 <= T::RingCapacity::get(), "ring over capacity");
			let pushed = RingBuilders::<T>::get(set, index).map_or(0, |b| b.pushed);
			ensure!(pushed as usize <= members.len(), "builder ahead of its ring");
			let current = RingRoots::<T>::get(set, index)
				.is_some_and(|r| r.members as usize == members.len() && pushed == r.members);
			ensure!(
				current || PendingBuilds::<T>::contains_key(set, index),
				"a lagging ring is not pending"
			);
			for key in members.iter() {
				placed.entry((set, *key)).or_default().push(Some(index));
			}
		}
		for (set, cohort) in Queues::<T>::iter() {
			ensure!(!cohort.keys.is_empty(), "empty queue stored");
			for key in cohort.keys.iter() {
				placed.entry((set, *key)).or_default().push(None);
			}
		}
		let mut expected = 0usize;
		for (tag, person) in People::<T>::iter() {
			people = people.saturating_add(1);
			ensure!(Keys::<T>::get(person.key) == Some(tag), "person's key not mapped to its tag");
			let mut sets = alloc::vec![(Pallet::<T>::home_set(person.constituency), person.ring)];
			for (class, holding) in Credentials::<T>::iter_prefix(tag) {
				sets.push((RingSet::Credential(class), holding.ring));
			}
			for (set, ring) in sets {
				let at = placed.get(&(set, person.key)).cloned().unwrap_or_default();
				match person.status {
					PersonStatus::Active => {
						ensure!(at == alloc::vec![ring], "active key not exactly where recorded");
						expected = expected.saturating_add(1);
					},
					PersonStatus::Suspended { .. } => {
						ensure!(at.is_empty() && ring.is_none(), "suspended key still placed")
					},
				}
			}
		}
		let total: usize = placed.values().map(|v| v.len()).sum();
		ensure!(total == expected, "ring or queue holds a key of no active person");
		ensure!(people == PersonCount::<T>::get(), "PersonCount differs from People");
		for (_, tag) in Keys::<T>::iter() {
			ensure!(People::<T>::contains_key(tag), "key of a missing person");
		}
		for (_, r) in Registrars::<T>::iter() {
			ensure!(!r.jurisdictions.is_empty(), "registrar without units");
			let sorted = r.jurisdictions.windows(2).all(|w| w.first() < w.get(1));
			ensure!(sorted, "registrar units unsorted");
		}
		Ok(())
	}

	/// The roll, committed counts, residents and territories (see [`Self::do_try_state`]).
	fn try_roll() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let clock = RollClock::<T>::get();
		let mut committed: BTreeMap<JurisdictionId, u32> = BTreeMap::new();
		let mut total = 0u32;
		for (set, _, root) in RingRoots::<T>::iter() {
			ensure!(root.from <= clock, "a revision starts after the roll clock");
			if let RingSet::Constituency(territory) = set {
				total = total.saturating_add(root.members);
				for unit in T::Jurisdictions::ancestors(territory) {
					let n = committed.entry(unit).or_default();
					*n = n.saturating_add(root.members);
				}
			}
		}
		ensure!(total == CommittedTotal::<T>::get(), "CommittedTotal differs from the rings");
		for (unit, n) in Committed::<T>::iter() {
			ensure!(committed.remove(&unit).unwrap_or(0) == n, "Committed differs from the rings");
		}
		ensure!(committed.values().all(|n| *n == 0), "a unit's committed keys are not counted");
		for ((set, index, revision), past) in PastRoots::<T>::iter() {
			ensure!(past.from < past.until && past.until <= clock, "a past revision's span is off");
			let current = RingRoots::<T>::get(set, index).map(|r| r.revision);
			ensure!(current.is_some_and(|c| revision < c), "a past revision is not past");
			let members = RevisionMembers::<T>::decode_len((set, index, revision));
			ensure!(members == Some(past.members as usize), "a past revision lacks its members");
		}
		for ((set, index, revision), _) in RevisionMembers::<T>::iter() {
			let current = RingRoots::<T>::get(set, index).map(|r| r.revision) == Some(revision);
			ensure!(
				current || PastRoots::<T>::contains_key((set, index, revision)),
				"a member snapshot of no kept revision"
			);
		}
		let mut residents: BTreeMap<JurisdictionId, u32> = BTreeMap::new();
		for (_, person) in People::<T>::iter() {
			let n = residents.entry(person.constituency).or_default();
			*n = n.saturating_add(1);
		}
		for (unit, n) in Residents::<T>::iter() {
			ensure!(residents.remove(&unit) == Some(n), "Residents differs from People");
		}
		ensure!(residents.is_empty(), "a constituency's persons are not counted");
		for (registrar, tag) in ByRegistrar::<T>::iter_keys() {
			let person = People::<T>::get(tag).ok_or("a registration index entry of nobody")?;
			ensure!(
				person.registrar == registrar,
				"a registration indexed under another registrar"
			);
		}
		for (constituency, territory) in Pooled::<T>::iter() {
			ensure!(
				T::Jurisdictions::parent(constituency) == Some(territory),
				"a pooled constituency is not under its territory"
			);
		}
		ensure!(Self::checked_floor(MinRingSize::<T>::get()).is_ok(), "floor out of bounds");
		Ok(())
	}
}
