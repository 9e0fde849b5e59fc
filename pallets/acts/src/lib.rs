//! # Acts
//!
//! The registry of acts of government — bills, laws, decrees, resolutions, budgets, official
//! responses, appeal decisions, evidence of promises kept — with their versions, a unique number
//! per jurisdiction and year, and post-quantum signatures of the officials who issue them.
//!
//! ## Overview
//!
//! An **act** belongs to a jurisdiction and is issued by one of its offices. Its text lives off
//! chain (a URL, an IPFS CID: its *locator*); the registry keeps the text's BLAKE2b-256 hash, so
//! that anyone holding a copy can tell whether it is the act. Two ways in:
//!
//! - **Drafts** ([`ActKind::is_adopted`]: bills, resolutions, budgets) are tabled
//!   ([`Pallet::table`]) by a holder of the issuing office or by governance, and stay bills until
//!   [`Config::AdoptOrigin`] adopts one of their versions ([`Pallet::adopt`]) — the
//!   jurisdiction's governance, or the jury a bill was sent to — or rejects them
//!   ([`Pallet::reject`]). An adopted bill is a law.
//! - **Issued acts** (decrees, official responses, appeal decisions, evidence; laws from before
//!   the chain, by governance only) are adopted when tabled.
//!
//! Adoption gives an act its **number**: the `seq`-th act its jurisdiction adopted in that
//! calendar year (UTC, from the chain's timestamp). An **amendment** ([`Pallet::amend`]) is a new
//! version linked to the one it changes, adopted as the act's kind requires; a repealed or
//! rejected act takes none.
//!
//! **Signatures.** Officials register ML-DSA-65 (FIPS 204) public keys, bound to their account
//! and the office they sign for ([`Pallet::register_key`]: the key's holder proves possession by
//! signing their account and office). A version is signed by keys of the act's issuing office
//! held by its serving officials ([`Pallet::sign`]): the runtime verifies each signature and keeps
//! it, so that anyone can verify it again. Each kind of act needs a number of co-signatures from
//! distinct officials ([`Pallet::set_threshold`]; one by default).
//!
//! **In force.** A version applies from the block its adoption named, once its signatures are
//! complete; the latest version that applies is the act in force, until the act is repealed
//! ([`Pallet::repeal`]). View functions give an act as in force at any block ([`Pallet::in_force`]),
//! its state then ([`ActState`]), its versions and signatures, and find acts by number.
//!
//! **Marks.** At its first adoption an act is minted as item `act` of its jurisdiction's
//! collection in the standard NFT pallet ([`Config::Marker`]; the collection is created with the
//! jurisdiction's first act), non-transferable, with its number as an attribute, so that wallets
//! and explorers see the registry.
//!
//! **Budgets and deadlines.** A budget's payout schedule ([`Pallet::set_payouts`], while it is an
//! unsigned draft) is paid from its jurisdiction's account ([`Pallet::treasury`]) by the
//! scheduler at each payout's due block once the budget is in force ([`Pallet::pay_out`], which
//! anyone may also dispatch for a payout due and unpaid); each payment is evented, and one
//! payout at a time is on the agenda. An act may set deadlines for an office
//! ([`Pallet::set_deadline`]): a response due, a review; met by that office
//! ([`Pallet::meet_deadline`]), and overdue when read after the due block unmet — no hook.
//!
//! ## The messages signed
//!
//! Clients sign exactly these SCALE encodings with ML-DSA-65 (pure, with a context string):
//!
//! - registering a key: `(genesis_hash: [u8; 32], account, office: u32)` with context
//!   [`mldsa::KEY_CONTEXT`];
//! - signing a version: `(genesis_hash: [u8; 32], act: u32, version: u32, content: [u8; 32])`
//!   with context [`mldsa::ACT_CONTEXT`].
//!
//! ## Implementation notes
//!
//! - **Clock.** Effective and repeal blocks are in [`Config::BlockNumberProvider`]'s blocks (this
//!   chain's in the runtime); the year of a number comes from [`Config::Time`] (the timestamp).
//! - **ML-DSA-65** is verified in the runtime by the `fips204` crate (see [`mldsa`]).
//! - **No hooks**: what the clock decides (in force, repealed, overdue) is computed when read;
//!   payouts are the scheduler's tasks, one per budget at a time.
//! - **Bounded**: titles, locators, versions per act, signers per version, keys per account.

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
pub mod migrations;
pub mod mldsa;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::{boxed::Box, vec::Vec};
use frame_support::{
	pallet_prelude::*,
	sp_runtime::{
		traits::{AccountIdConversion, BlockNumberProvider, Dispatchable, One, Zero},
		ArithmeticError, SaturatedConversion, Saturating,
	},
	traits::{
		fungible::{self, Inspect as _, Mutate as _},
		schedule::{
			v3::{Named as ScheduleNamed, TaskName},
			DispatchTime,
		},
		tokens::{Fortitude, Preservation},
		Bounded, EnsureOriginWithArg, OriginTrait, UnixTime,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use mldsa::{PublicKey, SignatureBytes};
use pallet_veche_primitives::{
	DocumentHash, JurisdictionId, JurisdictionInspect, JurisdictionUsage, MarkActs, OfficeId,
	Officeholders,
};

/// The chain's currency's balance.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The origin the scheduler dispatches a payout with.
pub type PalletsOriginOf<T> =
	<<T as frame_system::Config>::RuntimeOrigin as OriginTrait>::PalletsOrigin;

/// A payout as stored.
pub type PayoutOf<T> =
	Payout<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A payout as a budget's schedule gives it: `(to, amount, due)`.
pub type PayoutPlanOf<T> =
	(<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>);

/// The priority of payouts in the scheduler's agenda (after governance's enactments).
const PAYOUT_PRIORITY: u8 = 128;

/// The calendar year (UTC, proleptic Gregorian) of the instant `ms` milliseconds after the Unix
/// epoch (H. Hinnant's days-to-civil algorithm; exact for every `u64`).
pub fn year_of(ms: u64) -> Year {
	let days = ms / 86_400_000;
	// Days since 0000-03-01, in eras of 400 years (146 097 days).
	let z = days.saturating_add(719_468);
	let era = z / 146_097;
	let doe = z.saturating_sub(era.saturating_mul(146_097));
	let yoe = doe
		.saturating_sub(doe / 1_460)
		.saturating_add(doe / 36_524)
		.saturating_sub(doe / 146_096)
		/ 365;
	let doy = doe
		.saturating_sub(yoe.saturating_mul(365).saturating_add(yoe / 4).saturating_sub(yoe / 100));
	let mp = doy.saturating_mul(5).saturating_add(2) / 153;
	// Months from March: January and February (mp 10, 11) belong to the next civil year.
	let year = era.saturating_mul(400).saturating_add(yoe).saturating_add(u64::from(mp >= 10));
	Year::try_from(year).unwrap_or(Year::MAX)
}

/// The registry of acts: versions, numbers by jurisdiction and year, ML-DSA-65 signatures.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// An act as stored.
	pub type ActOf<T> =
		Act<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, <T as Config>::MaxTitle>;

	/// A version as stored.
	pub type VersionOf<T> = Version<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxLocator,
		<T as Config>::MaxSigners,
	>;

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The clock of effective and repeal blocks: this chain's blocks in the runtime.
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// The wall clock, for the year of an act's number.
		type Time: UnixTime;

		/// The jurisdiction tree: an office's unit.
		type Jurisdictions: JurisdictionInspect;

		/// Who holds which office: only serving officials table, issue and sign for it.
		type Officeholders: Officeholders<Self::AccountId, BlockNumberFor<Self>>;

		/// The registry's governance: tables and issues acts for any office (laws from before
		/// the chain only so), repeals, revokes keys and sets the co-signature thresholds.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who decides a draft (adopts one of its versions, or rejects it): the jurisdiction's
		/// governance, or the jury the draft was sent to.
		type AdoptOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ActId>;

		/// The longest title, in bytes.
		#[pallet::constant]
		type MaxTitle: Get<u32>;

		/// The longest locator, in bytes.
		#[pallet::constant]
		type MaxLocator: Get<u32>;

		/// The most versions an act has (the first text and its amendments).
		#[pallet::constant]
		type MaxVersions: Get<u32>;

		/// The most signers of one version, and so the highest threshold.
		#[pallet::constant]
		type MaxSigners: Get<u32>;

		/// The most keys one account registers.
		#[pallet::constant]
		type MaxKeys: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// The overarching call: the scheduler dispatches [`Call::pay_out`] when a payout is due.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ From<Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// The scheduler that pays a budget's payouts when due.
		type Scheduler: ScheduleNamed<
			BlockNumberFor<Self>,
			<Self as Config>::RuntimeCall,
			PalletsOriginOf<Self>,
			Hasher = Self::Hashing,
		>;

		/// The chain's currency, which budgets pay out of their jurisdiction's account.
		type Currency: fungible::Mutate<Self::AccountId>;

		/// Derives each jurisdiction's account ([`Pallet::treasury`]), which its budgets pay from.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Marks adopted acts as items of a non-transferable NFT collection per jurisdiction.
		type Marker: MarkActs;

		/// The most payouts one budget schedules.
		#[pallet::constant]
		type MaxPayouts: Get<u32>;

		/// The most deadlines one act sets.
		#[pallet::constant]
		type MaxDeadlines: Get<u32>;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// The id the next act tabled gets.
	#[pallet::storage]
	pub type NextAct<T> = StorageValue<_, ActId, ValueQuery>;

	/// The acts.
	// Twox64Concat: act ids are assigned on-chain in sequence.
	#[pallet::storage]
	pub type Acts<T: Config> = StorageMap<_, Twox64Concat, ActId, ActOf<T>>;

	/// The versions of each act.
	// Twox64Concat: act ids and version indices are assigned on-chain in sequence.
	#[pallet::storage]
	pub type Versions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ActId, Twox64Concat, VersionIndex, VersionOf<T>>;

	/// How many acts each jurisdiction adopted in each year (the last `seq` given).
	// Twox64Concat: unit ids are assigned on-chain; years follow the clock.
	#[pallet::storage]
	pub type Numbers<T> = StorageDoubleMap<
		_,
		Twox64Concat,
		pallet_veche_primitives::JurisdictionId,
		Twox64Concat,
		Year,
		u32,
		ValueQuery,
	>;

	/// The act of each number.
	// Twox64Concat: unit ids and numbers are assigned on-chain.
	#[pallet::storage]
	pub type Numbered<T> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, pallet_veche_primitives::JurisdictionId>,
			NMapKey<Twox64Concat, Year>,
			NMapKey<Twox64Concat, u32>,
		),
		ActId,
	>;

	/// The co-signatures of distinct officials each kind of act needs (one if unset).
	// Twox64Concat: a small enum chosen by governance.
	#[pallet::storage]
	pub type Thresholds<T> = StorageMap<_, Twox64Concat, ActKind, u32>;

	/// The id the next key registered gets.
	#[pallet::storage]
	pub type NextKey<T> = StorageValue<_, KeyId, ValueQuery>;

	/// The registered signing keys.
	// Twox64Concat: key ids are assigned on-chain in sequence.
	#[pallet::storage]
	pub type Keys<T: Config> =
		StorageMap<_, Twox64Concat, KeyId, SigningKey<T::AccountId, BlockNumberFor<T>>>;

	/// The key registered under each public key's hash: a public key is registered once, by one
	/// account.
	// Blake2_128Concat: derived from keys users choose.
	#[pallet::storage]
	pub type KeyOfPublic<T> = StorageMap<_, Blake2_128Concat, DocumentHash, KeyId>;

	/// The keys each account registered.
	// Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type KeysOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BoundedVec<KeyId, T::MaxKeys>, ValueQuery>;

	/// Every signature of every version, kept so that anyone can verify it again.
	// Twox64Concat: act, version and key ids are assigned on-chain in sequence.
	#[pallet::storage]
	pub type Signatures<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, ActId>,
			NMapKey<Twox64Concat, VersionIndex>,
			NMapKey<Twox64Concat, KeyId>,
		),
		Signature<BlockNumberFor<T>>,
	>;

	/// The NFT collection that marks each jurisdiction's adopted acts.
	// Twox64Concat: unit ids are assigned on-chain.
	#[pallet::storage]
	pub type Collections<T: Config> =
		StorageMap<_, Twox64Concat, JurisdictionId, <T::Marker as MarkActs>::Collection>;

	/// Each budget's payout schedule, ordered by due block.
	// Twox64Concat: act ids are assigned on-chain in sequence.
	#[pallet::storage]
	pub type Payouts<T: Config> =
		StorageMap<_, Twox64Concat, ActId, BoundedVec<PayoutOf<T>, T::MaxPayouts>, ValueQuery>;

	/// The deadlines each act sets, in the order set.
	// Twox64Concat: act ids are assigned on-chain in sequence.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ActId,
		BoundedVec<Deadline<BlockNumberFor<T>>, T::MaxDeadlines>,
		ValueQuery,
	>;

	/// How many acts each office issued and how many deadlines are due from it. Acts and
	/// deadlines are kept for good, so an office counted here stays in the jurisdiction tree
	/// ([`JurisdictionUsage`]): the registry never names an office that is gone.
	// Twox64Concat: office ids are assigned on-chain in sequence.
	#[pallet::storage]
	pub type OfficeUses<T> = StorageMap<_, Twox64Concat, OfficeId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An act was tabled: a draft of its kind, or an act issued at once (then
		/// [`Event::VersionAdopted`] follows).
		ActTabled {
			/// The act.
			act: ActId,
			/// What it is.
			kind: ActKind,
			/// Its jurisdiction.
			unit: pallet_veche_primitives::JurisdictionId,
			/// The issuing office.
			office: OfficeId,
			/// Its title.
			title: BoundedVec<u8, T::MaxTitle>,
			/// The official who tabled it (`None`: governance).
			by: Option<T::AccountId>,
			/// The first version's text hash.
			content: DocumentHash,
			/// Where the text is published.
			locator: BoundedVec<u8, T::MaxLocator>,
		},
		/// An amendment was proposed: a new version of an act.
		VersionProposed {
			/// The act.
			act: ActId,
			/// The new version.
			version: VersionIndex,
			/// The version it amends.
			amends: VersionIndex,
			/// Its text hash.
			content: DocumentHash,
			/// Where its text is published.
			locator: BoundedVec<u8, T::MaxLocator>,
			/// The official who proposed it (`None`: governance).
			by: Option<T::AccountId>,
		},
		/// A version was adopted: it applies from `effective` once signed.
		VersionAdopted {
			/// The act.
			act: ActId,
			/// The version.
			version: VersionIndex,
			/// The first block it applies.
			effective: BlockNumberFor<T>,
			/// The act's kind now (a bill adopted is a law).
			kind: ActKind,
			/// The act's number, given at its first adoption.
			number: ActNumber,
			/// Whether the version's signatures were complete at adoption (made on the draft).
			complete: bool,
		},
		/// A draft was rejected.
		ActRejected {
			/// The act.
			act: ActId,
		},
		/// An act was repealed: it applies no more from `from`.
		ActRepealed {
			/// The act.
			act: ActId,
			/// The first block it no longer applies.
			from: BlockNumberFor<T>,
		},
		/// A signing key was registered.
		KeyRegistered {
			/// Its id.
			key: KeyId,
			/// The official who holds it.
			owner: T::AccountId,
			/// The office they sign for.
			office: OfficeId,
			/// The ML-DSA-65 public key.
			public: PublicKey,
		},
		/// A signing key was revoked: it signs nothing more.
		KeyRevoked {
			/// The key.
			key: KeyId,
		},
		/// A version was signed.
		VersionSigned {
			/// The act.
			act: ActId,
			/// The version.
			version: VersionIndex,
			/// The key.
			key: KeyId,
			/// Its holder.
			signer: T::AccountId,
			/// The signature.
			signature: SignatureBytes,
			/// Whether the version now has all the signatures its kind needs (first time only).
			complete: bool,
		},
		/// The co-signatures a kind of act needs were set.
		ThresholdSet {
			/// The kind.
			kind: ActKind,
			/// Distinct officials who must sign a version.
			threshold: u32,
		},
		/// An adopted act was marked: item `act` of its jurisdiction's NFT collection.
		ActMarked {
			/// The act (the item's id).
			act: ActId,
			/// Its jurisdiction.
			unit: JurisdictionId,
			/// The collection.
			collection: <T::Marker as MarkActs>::Collection,
		},
		/// A budget's payout schedule was set (replacing any before).
		PayoutsSet {
			/// The budget.
			act: ActId,
			/// `(to, amount, due)`, ordered by due block.
			payouts: BoundedVec<PayoutPlanOf<T>, T::MaxPayouts>,
		},
		/// The scheduler will pay a payout at block `at`.
		PayoutScheduled {
			/// The budget.
			act: ActId,
			/// The payout's index in the schedule.
			index: u32,
			/// The block.
			at: BlockNumberFor<T>,
		},
		/// A payout was paid from the jurisdiction's account.
		PayoutMade {
			/// The budget.
			act: ActId,
			/// The payout's index in the schedule.
			index: u32,
			/// The jurisdiction's account it was paid from.
			from: T::AccountId,
			/// Who was paid.
			to: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
		},
		/// An act set a deadline for an office.
		DeadlineSet {
			/// The act.
			act: ActId,
			/// The deadline's index among the act's.
			index: u32,
			/// What is due.
			kind: DeadlineKind,
			/// The office it is due from.
			office: OfficeId,
			/// The last block it is on time.
			due: BlockNumberFor<T>,
		},
		/// A deadline was met.
		DeadlineMet {
			/// The act.
			act: ActId,
			/// The deadline's index among the act's.
			index: u32,
			/// The act that met it, if one was named.
			answer: Option<ActId>,
			/// Whether it was met after its due block.
			late: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such office.
		OfficeNotFound,
		/// The caller does not serve in the issuing office (and is not the registry's
		/// governance).
		NotServing,
		/// Only the registry's governance issues laws without a bill.
		NotAuthorized,
		/// No such act.
		ActNotFound,
		/// No such version of the act.
		VersionNotFound,
		/// The act is not a draft: only a bill can be adopted as such or rejected.
		NotABill,
		/// The act was rejected: it takes no amendment or signature.
		ActRejected,
		/// The act was repealed: it takes no amendment or signature.
		ActRepealed,
		/// The act has as many versions as it may.
		TooManyVersions,
		/// The version was adopted already, or a later one was: versions are adopted in order.
		VersionSuperseded,
		/// An effective or repeal block must not be in the past.
		InThePast,
		/// The act's number for the year cannot be given: the count overflowed.
		NumbersExhausted,
		/// The key is registered already (by this or another account).
		KeyAlreadyRegistered,
		/// The account holds as many keys as it may.
		TooManyKeys,
		/// The proof of possession does not verify: the key's holder must sign the account and
		/// office with it.
		BadProofOfPossession,
		/// No such key.
		KeyNotFound,
		/// The key was revoked.
		KeyRevoked,
		/// The key signs for another office than the act's issuing office.
		KeyOfAnotherOffice,
		/// Only the key's holder or governance revokes it.
		NotKeyOwner,
		/// The key's holder no longer serves in the office it signs for.
		SignerNotServing,
		/// This official signed the version already.
		AlreadySigned,
		/// The version has as many signers as it may.
		TooManySigners,
		/// The signature does not verify over the version's message.
		BadSignature,
		/// A threshold is at least one and at most the signers a version may have.
		BadThreshold,
		/// The NFT pallet refused to create the jurisdiction's collection or mark the act.
		MarkingFailed,
		/// Only a budget has a payout schedule.
		NotABudget,
		/// The budget was adopted (or rejected): its schedule is fixed.
		ScheduleFixed,
		/// A version of the budget is signed already: its schedule no longer changes.
		ScheduleSigned,
		/// A schedule's payouts are ordered by due block, none of them zero, and none due before
		/// the current block.
		BadSchedule,
		/// No such payout in the budget's schedule.
		PayoutNotFound,
		/// The payout was paid already.
		AlreadyPaid,
		/// The payout is not due yet.
		NotDue,
		/// The budget is not in force now (not adopted, not yet signed or effective, or repealed).
		NotInForce,
		/// The jurisdiction's account cannot pay the amount.
		TreasuryShort,
		/// The act has as many deadlines as it may.
		TooManyDeadlines,
		/// No such deadline of the act.
		DeadlineNotFound,
		/// The deadline was met already.
		DeadlineAlreadyMet,
		/// The act named as meeting a deadline is of another office than the one it is due from.
		AnswerOfAnotherOffice,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Co-signature thresholds: `(kind, distinct officials)`.
		pub thresholds: Vec<(ActKind, u32)>,
		/// Signing keys registered at genesis: `(official, office, ML-DSA-65 public key)`.
		pub keys: Vec<(T::AccountId, OfficeId, Vec<u8>)>,
		/// Acts from before the chain, in this order: with a number, an act adopted and in force
		/// from block 0 (signed on paper: complete without signatures on this chain); without,
		/// a draft awaiting adoption.
		pub acts: Vec<GenesisAct>,
		/// Budgets' payouts: `(act, to, amount, due block)`, each budget's ordered by due block;
		/// an adopted budget's first payout is scheduled at genesis.
		pub payouts: Vec<(ActId, T::AccountId, u128, BlockNumberFor<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (kind, threshold) in self.thresholds.iter() {
				assert!(
					*threshold >= 1 && *threshold <= T::MaxSigners::get(),
					"a threshold is between 1 and MaxSigners"
				);
				Thresholds::<T>::insert(kind, threshold);
			}
			for (owner, office, public) in self.keys.iter() {
				let public: PublicKey =
					public.as_slice().try_into().expect("an ML-DSA-65 public key is 1952 bytes");
				let hash = sp_io::hashing::blake2_256(&public);
				assert!(!KeyOfPublic::<T>::contains_key(hash), "each key is registered once");
				assert!(T::Jurisdictions::office(*office).is_some(), "keys sign for offices");
				let key = NextKey::<T>::get();
				NextKey::<T>::put(key.saturating_add(1));
				KeysOf::<T>::mutate(owner, |keys| {
					keys.try_push(key).expect("at most MaxKeys keys")
				});
				KeyOfPublic::<T>::insert(hash, key);
				let registered = BlockNumberFor::<T>::default();
				Keys::<T>::insert(
					key,
					SigningKey {
						owner: owner.clone(),
						office: *office,
						public,
						registered,
						revoked: None,
					},
				);
			}
			for genesis in self.acts.iter() {
				let (unit, _) =
					T::Jurisdictions::office(genesis.office).expect("genesis acts are of offices");
				let zero = BlockNumberFor::<T>::default();
				let act = NextAct::<T>::get();
				NextAct::<T>::put(act.saturating_add(1));
				let mut record = Act {
					kind: genesis.kind,
					unit,
					office: genesis.office,
					title: genesis.title.clone().try_into().expect("a title within MaxTitle"),
					tabled_by: None,
					tabled: zero,
					status: ActStatus::Bill,
					number: None,
					versions: 1,
				};
				let mut version = Version {
					content: genesis.content,
					locator: genesis
						.locator
						.clone()
						.try_into()
						.expect("a locator within MaxLocator"),
					amends: None,
					proposed: zero,
					adopted: None,
					signed: None,
					signers: BoundedVec::new(),
				};
				if let Some(number) = genesis.number {
					assert!(
						Numbered::<T>::get((unit, number.year, number.seq)).is_none()
							&& number.seq >= 1,
						"each genesis number is given once, from 1"
					);
					assert!(genesis.kind != ActKind::Bill, "an adopted bill is imported as a law");
					record.status = ActStatus::Adopted { at: zero };
					record.number = Some(number);
					Numbers::<T>::mutate(unit, number.year, |n| *n = (*n).max(number.seq));
					Numbered::<T>::insert((unit, number.year, number.seq), act);
					version.adopted = Some((zero, zero));
					version.signed = Some(zero);
				} else {
					assert!(genesis.kind.is_adopted(), "a genesis draft is of a kind adopted");
				}
				let number = record.number;
				Pallet::<T>::note_use(genesis.office);
				Acts::<T>::insert(act, record);
				Versions::<T>::insert(act, 0, version);
				if let Some(number) = number {
					Pallet::<T>::mark(act, unit, number).expect("genesis acts can be marked");
				}
			}
			for (act, to, amount, due) in self.payouts.iter() {
				let record = Acts::<T>::get(act).expect("genesis payouts are of genesis acts");
				assert!(record.kind == ActKind::Budget, "only budgets pay out");
				assert!(*amount > 0, "a payout pays something");
				Payouts::<T>::mutate(act, |payouts| {
					assert!(payouts.last().is_none_or(|p| p.due <= *due), "payouts in due order");
					payouts
						.try_push(Payout {
							to: to.clone(),
							amount: (*amount).saturated_into(),
							due: *due,
							paid: None,
						})
						.expect("at most MaxPayouts payouts a budget")
				});
			}
			let mut budgets: Vec<ActId> = self.payouts.iter().map(|(act, ..)| *act).collect();
			budgets.dedup();
			for act in budgets {
				Pallet::<T>::schedule_next_payout(act);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxVersions::get() > 0, "MaxVersions must be positive");
			assert!(T::MaxSigners::get() > 0, "MaxSigners must be positive");
			assert!(T::MaxKeys::get() > 0, "MaxKeys must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight = <T as Config>::WeightInfo)]
	impl<T: Config> Pallet<T> {
		/// Tables an act of `office`: a draft (a bill, a resolution, a budget) that waits for
		/// adoption, or an act issued at once (a law from before the chain, by governance; the
		/// other kinds), effective now and in force once signed.
		///
		/// - Origin: signed by a serving holder of `office`, or [`Config::GovernanceOrigin`]
		///   (which alone issues a [`ActKind::Law`] without a bill).
		///
		/// Emits [`Event::ActTabled`], and for an issued act [`Event::VersionAdopted`]. Errors:
		/// [`Error::OfficeNotFound`], [`Error::NotServing`], [`Error::NotAuthorized`],
		/// [`Error::NumbersExhausted`].
		#[pallet::call_index(0)]
		pub fn table(
			origin: OriginFor<T>,
			office: OfficeId,
			kind: ActKind,
			title: BoundedVec<u8, T::MaxTitle>,
			content: DocumentHash,
			locator: BoundedVec<u8, T::MaxLocator>,
		) -> DispatchResult {
			let by = Self::official_or_governance(origin, office)?;
			ensure!(kind != ActKind::Law || by.is_none(), Error::<T>::NotAuthorized);
			let (unit, _) = T::Jurisdictions::office(office).ok_or(Error::<T>::OfficeNotFound)?;
			let now = T::BlockNumberProvider::current_block_number();
			let act = NextAct::<T>::get();
			let next = act.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let mut record = Act {
				kind,
				unit,
				office,
				title: title.clone(),
				tabled_by: by.clone(),
				tabled: now,
				status: ActStatus::Bill,
				number: None,
				versions: 1,
			};
			let mut version = Version {
				content,
				locator: locator.clone(),
				amends: None,
				proposed: now,
				adopted: None,
				signed: None,
				signers: BoundedVec::new(),
			};
			// A law is issued (by governance: checked above); other kinds of a legislature are
			// drafts.
			let issued = if kind.is_adopted() && kind != ActKind::Law {
				None
			} else {
				Some(Self::do_adopt(act, &mut record, 0, &mut version, now, now)?)
			};
			NextAct::<T>::put(next);
			Self::note_use(office);
			Acts::<T>::insert(act, record);
			Versions::<T>::insert(act, 0, version);
			Self::deposit_event(Event::ActTabled {
				act,
				kind,
				unit,
				office,
				title,
				by,
				content,
				locator,
			});
			if let Some((number, complete)) = issued {
				Self::deposit_event(Event::VersionAdopted {
					act,
					version: 0,
					effective: now,
					kind,
					number,
					complete,
				});
			}
			Ok(())
		}

		/// Proposes an amendment of `act`: a new version of its text, linked to the latest
		/// version. The amendment of an issued act (a decree, a response, a decision, evidence)
		/// is adopted at once (effective now, in force once signed); that of a draft, or of a
		/// law, a budget or a resolution, waits for [`Config::AdoptOrigin`].
		///
		/// - Origin: signed by a serving holder of the act's issuing office, or
		///   [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::VersionProposed`] (and [`Event::VersionAdopted`]). Errors:
		/// [`Error::ActNotFound`], [`Error::NotServing`], [`Error::ActRejected`],
		/// [`Error::ActRepealed`], [`Error::TooManyVersions`].
		#[pallet::call_index(1)]
		pub fn amend(
			origin: OriginFor<T>,
			act: ActId,
			content: DocumentHash,
			locator: BoundedVec<u8, T::MaxLocator>,
		) -> DispatchResult {
			let mut record = Acts::<T>::get(act).ok_or(Error::<T>::ActNotFound)?;
			let by = Self::official_or_governance(origin, record.office)?;
			Self::ensure_open(&record)?;
			ensure!(record.versions < T::MaxVersions::get(), Error::<T>::TooManyVersions);
			let now = T::BlockNumberProvider::current_block_number();
			let index = record.versions;
			let amends = index.saturating_sub(1);
			let mut version = Version {
				content,
				locator: locator.clone(),
				amends: Some(amends),
				proposed: now,
				adopted: None,
				signed: None,
				signers: BoundedVec::new(),
			};
			let issued = if record.kind.is_adopted() || matches!(record.status, ActStatus::Bill) {
				None
			} else {
				Some(Self::do_adopt(act, &mut record, index, &mut version, now, now)?)
			};
			record.versions = index.saturating_add(1);
			let kind = record.kind;
			Acts::<T>::insert(act, record);
			Versions::<T>::insert(act, index, version);
			Self::deposit_event(Event::VersionProposed {
				act,
				version: index,
				amends,
				content,
				locator,
				by,
			});
			if let Some((number, complete)) = issued {
				Self::deposit_event(Event::VersionAdopted {
					act,
					version: index,
					effective: now,
					kind,
					number,
					complete,
				});
			}
			Ok(())
		}

		/// Adopts `version` of `act`, applying from `effective` (now if `None`) once signed: a
		/// bill becomes a law and gets its number; a later version amends the act.
		///
		/// - Origin: [`Config::AdoptOrigin`] for `act`.
		///
		/// Emits [`Event::VersionAdopted`]. Errors: [`Error::ActNotFound`],
		/// [`Error::VersionNotFound`], [`Error::ActRejected`], [`Error::ActRepealed`],
		/// [`Error::VersionSuperseded`], [`Error::InThePast`], [`Error::NumbersExhausted`].
		#[pallet::call_index(2)]
		pub fn adopt(
			origin: OriginFor<T>,
			act: ActId,
			version: VersionIndex,
			effective: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::AdoptOrigin::ensure_origin(origin, &act)?;
			let mut record = Acts::<T>::get(act).ok_or(Error::<T>::ActNotFound)?;
			let mut stored = Versions::<T>::get(act, version).ok_or(Error::<T>::VersionNotFound)?;
			Self::ensure_open(&record)?;
			let now = T::BlockNumberProvider::current_block_number();
			let effective = effective.unwrap_or(now);
			ensure!(effective >= now, Error::<T>::InThePast);
			let (number, complete) =
				Self::do_adopt(act, &mut record, version, &mut stored, now, effective)?;
			let kind = record.kind;
			Acts::<T>::insert(act, record);
			Versions::<T>::insert(act, version, stored);
			Self::deposit_event(Event::VersionAdopted {
				act,
				version,
				effective,
				kind,
				number,
				complete,
			});
			if kind == ActKind::Budget {
				Self::schedule_next_payout(act);
			}
			Ok(())
		}

		/// Rejects a draft: it never becomes an act.
		///
		/// - Origin: [`Config::AdoptOrigin`] for `act`.
		///
		/// Emits [`Event::ActRejected`]. Errors: [`Error::ActNotFound`], [`Error::NotABill`].
		#[pallet::call_index(3)]
		pub fn reject(origin: OriginFor<T>, act: ActId) -> DispatchResult {
			T::AdoptOrigin::ensure_origin(origin, &act)?;
			let mut record = Acts::<T>::get(act).ok_or(Error::<T>::ActNotFound)?;
			ensure!(matches!(record.status, ActStatus::Bill), Error::<T>::NotABill);
			record.status =
				ActStatus::Rejected { at: T::BlockNumberProvider::current_block_number() };
			Acts::<T>::insert(act, record);
			Self::deposit_event(Event::ActRejected { act });
			Ok(())
		}

		/// Repeals an adopted act from block `from` (now if `None`) on.
		///
		/// - Origin: [`Config::GovernanceOrigin`]; for an issued act (a decree, a response, a
		///   decision, evidence) also a serving holder of its issuing office. (A legislature's act
		///   is repealed by governance: by a law of its own, in time a jury's.)
		///
		/// Emits [`Event::ActRepealed`]. Errors: [`Error::ActNotFound`], [`Error::NotServing`],
		/// [`Error::NotAuthorized`], [`Error::NotABill`] (a draft is rejected, not repealed),
		/// [`Error::ActRejected`], [`Error::ActRepealed`], [`Error::InThePast`].
		#[pallet::call_index(4)]
		pub fn repeal(
			origin: OriginFor<T>,
			act: ActId,
			from: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let mut record = Acts::<T>::get(act).ok_or(Error::<T>::ActNotFound)?;
			let by = Self::official_or_governance(origin, record.office)?;
			ensure!(by.is_none() || !record.kind.is_adopted(), Error::<T>::NotAuthorized);
			let adopted = match record.status {
				ActStatus::Adopted { at } => at,
				ActStatus::Bill => return Err(Error::<T>::NotABill.into()),
				ActStatus::Rejected { .. } => return Err(Error::<T>::ActRejected.into()),
				ActStatus::Repealed { .. } => return Err(Error::<T>::ActRepealed.into()),
			};
			let now = T::BlockNumberProvider::current_block_number();
			let from = from.unwrap_or(now);
			ensure!(from >= now, Error::<T>::InThePast);
			record.status = ActStatus::Repealed { adopted, from };
			Acts::<T>::insert(act, record);
			// Payouts due from `from` on are refused when the scheduler dispatches them
			// (`NotInForce`); a repeal now also takes the next one off the agenda.
			if from == now {
				if let Some(index) = Payouts::<T>::get(act).iter().position(|p| p.paid.is_none()) {
					let _ = T::Scheduler::cancel_named(Self::payout_task(act, index as u32));
				}
			}
			Self::deposit_event(Event::ActRepealed { act, from });
			Ok(())
		}

		/// Registers an ML-DSA-65 public key for signing the acts of `office`, bound to the
		/// caller. `proof` is the key's signature of `(genesis hash, caller, office)` with
		/// [`mldsa::KEY_CONTEXT`]: only the key's holder can register it, and a key is registered
		/// once.
		///
		/// - Origin: signed by a serving holder of `office`.
		///
		/// Emits [`Event::KeyRegistered`]. Errors: [`Error::OfficeNotFound`],
		/// [`Error::NotServing`], [`Error::KeyAlreadyRegistered`], [`Error::TooManyKeys`],
		/// [`Error::BadProofOfPossession`].
		#[pallet::call_index(5)]
		pub fn register_key(
			origin: OriginFor<T>,
			office: OfficeId,
			public: Box<PublicKey>,
			proof: SignatureBytes,
		) -> DispatchResult {
			// Boxed: 1,952 bytes inline would make every runtime call that large.
			let public = *public;
			let who = ensure_signed(origin)?;
			ensure!(T::Jurisdictions::office(office).is_some(), Error::<T>::OfficeNotFound);
			ensure!(Self::serves(office, &who), Error::<T>::NotServing);
			let hash = sp_io::hashing::blake2_256(&public);
			ensure!(!KeyOfPublic::<T>::contains_key(hash), Error::<T>::KeyAlreadyRegistered);
			let mut keys = KeysOf::<T>::get(&who);
			ensure!(keys.len() < T::MaxKeys::get() as usize, Error::<T>::TooManyKeys);
			ensure!(
				mldsa::verify(
					&public,
					&Self::key_message(&who, office),
					&proof,
					mldsa::KEY_CONTEXT
				),
				Error::<T>::BadProofOfPossession
			);
			let key = NextKey::<T>::get();
			NextKey::<T>::put(key.checked_add(1).ok_or(ArithmeticError::Overflow)?);
			keys.try_push(key).map_err(|_| Error::<T>::TooManyKeys)?;
			KeysOf::<T>::insert(&who, keys);
			KeyOfPublic::<T>::insert(hash, key);
			let registered = T::BlockNumberProvider::current_block_number();
			Keys::<T>::insert(
				key,
				SigningKey { owner: who.clone(), office, public, registered, revoked: None },
			);
			Self::deposit_event(Event::KeyRegistered { key, owner: who, office, public });
			Ok(())
		}

		/// Revokes a signing key: it signs nothing more (its signatures stay valid).
		///
		/// - Origin: signed by the key's holder, or [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::KeyRevoked`]. Errors: [`Error::KeyNotFound`], [`Error::NotKeyOwner`],
		/// [`Error::KeyRevoked`].
		#[pallet::call_index(6)]
		pub fn revoke_key(origin: OriginFor<T>, key: KeyId) -> DispatchResult {
			let caller = match T::GovernanceOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			let mut stored = Keys::<T>::get(key).ok_or(Error::<T>::KeyNotFound)?;
			ensure!(caller.as_ref().is_none_or(|c| *c == stored.owner), Error::<T>::NotKeyOwner);
			ensure!(stored.revoked.is_none(), Error::<T>::KeyRevoked);
			stored.revoked = Some(T::BlockNumberProvider::current_block_number());
			Keys::<T>::insert(key, stored);
			Self::deposit_event(Event::KeyRevoked { key });
			Ok(())
		}

		/// Records `signature`, by `key`, of `version` of `act`: an ML-DSA-65 signature of
		/// [`Pallet::version_message`] with [`mldsa::ACT_CONTEXT`]. The key must sign for the act's
		/// issuing office and its holder serve there; each official signs a version once. When the
		/// version has as many signers as its kind needs, it is complete.
		///
		/// - Origin: signed, by anyone (the signature itself is the official's act: a clerk may
		///   submit it).
		///
		/// Emits [`Event::VersionSigned`]. Errors: [`Error::ActNotFound`],
		/// [`Error::VersionNotFound`], [`Error::ActRejected`], [`Error::ActRepealed`],
		/// [`Error::KeyNotFound`], [`Error::KeyRevoked`], [`Error::KeyOfAnotherOffice`],
		/// [`Error::SignerNotServing`], [`Error::AlreadySigned`], [`Error::TooManySigners`],
		/// [`Error::BadSignature`].
		#[pallet::call_index(7)]
		pub fn sign(
			origin: OriginFor<T>,
			act: ActId,
			version: VersionIndex,
			key: KeyId,
			signature: SignatureBytes,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let record = Acts::<T>::get(act).ok_or(Error::<T>::ActNotFound)?;
			let mut stored = Versions::<T>::get(act, version).ok_or(Error::<T>::VersionNotFound)?;
			Self::ensure_open(&record)?;
			let signer = Keys::<T>::get(key).ok_or(Error::<T>::KeyNotFound)?;
			ensure!(signer.revoked.is_none(), Error::<T>::KeyRevoked);
			ensure!(signer.office == record.office, Error::<T>::KeyOfAnotherOffice);
			ensure!(Self::serves(record.office, &signer.owner), Error::<T>::SignerNotServing);
			ensure!(
				!stored.signers.iter().any(|(_, who)| *who == signer.owner),
				Error::<T>::AlreadySigned
			);
			// (`verify` refuses any length but SIGNATURE_LEN.)
			ensure!(
				mldsa::verify(
					&signer.public,
					&Self::version_message(act, version, &stored.content),
					&signature,
					mldsa::ACT_CONTEXT
				),
				Error::<T>::BadSignature
			);
			stored
				.signers
				.try_push((key, signer.owner.clone()))
				.map_err(|_| Error::<T>::TooManySigners)?;
			let now = T::BlockNumberProvider::current_block_number();
			let complete = stored.signed.is_none()
				&& stored.signers.len() as u32 >= Self::threshold(record.kind);
			if complete {
				stored.signed = Some(now);
			}
			Versions::<T>::insert(act, version, stored);
			Signatures::<T>::insert(
				(act, version, key),
				Signature { bytes: signature.clone(), at: now },
			);
			Self::deposit_event(Event::VersionSigned {
				act,
				version,
				key,
				signer: signer.owner,
				signature,
				complete,
			});
			// A budget adopted before its signatures were complete pays from now.
			if complete && record.kind == ActKind::Budget {
				Self::schedule_next_payout(act);
			}
			Ok(())
		}

		/// Sets how many distinct officials must sign a version of an act of `kind` (versions
		/// complete already stay so).
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::ThresholdSet`]. Errors: [`Error::BadThreshold`].
		#[pallet::call_index(8)]
		pub fn set_threshold(
			origin: OriginFor<T>,
			kind: ActKind,
			threshold: u32,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(threshold >= 1 && threshold <= T::MaxSigners::get(), Error::<T>::BadThreshold);
			Thresholds::<T>::insert(kind, threshold);
			Self::deposit_event(Event::ThresholdSet { kind, threshold });
			Ok(())
		}

		/// Sets the payout schedule of a budget still a draft (replacing any before): each
		/// `(to, amount, due)` is paid from the jurisdiction's account ([`Pallet::treasury`]) by
		/// the scheduler at block `due` once the budget is adopted and in force. The schedule is
		/// fixed at adoption, or as soon as a version is signed, so that the signers sign what
		/// will be paid.
		///
		/// - Origin: signed by a serving holder of the budget's issuing office, or
		///   [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::PayoutsSet`]. Errors: [`Error::ActNotFound`], [`Error::NotServing`],
		/// [`Error::NotABudget`], [`Error::ScheduleFixed`], [`Error::ScheduleSigned`],
		/// [`Error::BadSchedule`].
		#[pallet::call_index(9)]
		#[pallet::weight(<T as Config>::WeightInfo::set_payouts(payouts.len() as u32))]
		pub fn set_payouts(
			origin: OriginFor<T>,
			act: ActId,
			payouts: BoundedVec<PayoutPlanOf<T>, T::MaxPayouts>,
		) -> DispatchResult {
			let record = Acts::<T>::get(act).ok_or(Error::<T>::ActNotFound)?;
			Self::official_or_governance(origin, record.office)?;
			ensure!(record.kind == ActKind::Budget, Error::<T>::NotABudget);
			ensure!(matches!(record.status, ActStatus::Bill), Error::<T>::ScheduleFixed);
			let signed = (0..record.versions)
				.any(|v| Versions::<T>::get(act, v).is_some_and(|s| !s.signers.is_empty()));
			ensure!(!signed, Error::<T>::ScheduleSigned);
			let now = T::BlockNumberProvider::current_block_number();
			let ordered = payouts.windows(2).all(|w| matches!(w, [a, b] if a.2 <= b.2));
			ensure!(
				ordered && payouts.iter().all(|(_, amount, due)| !amount.is_zero() && *due >= now),
				Error::<T>::BadSchedule
			);
			let stored: Vec<PayoutOf<T>> = payouts
				.iter()
				.map(|(to, amount, due)| Payout {
					to: to.clone(),
					amount: *amount,
					due: *due,
					paid: None,
				})
				.collect();
			Payouts::<T>::insert(act, BoundedVec::truncate_from(stored));
			Self::deposit_event(Event::PayoutsSet { act, payouts });
			Ok(())
		}

		/// Pays payout `index` of budget `act`, due and unpaid, from the jurisdiction's account,
		/// and schedules the next one. The scheduler dispatches it at the due block; anyone may
		/// dispatch it too (a payout the scheduler could not make — the account was short, the
		/// budget not yet signed — is paid so once it can be).
		///
		/// - Origin: root (the scheduler) or signed by anyone.
		///
		/// Emits [`Event::PayoutMade`] (and [`Event::PayoutScheduled`]). Errors:
		/// [`Error::ActNotFound`], [`Error::NotABudget`], [`Error::PayoutNotFound`],
		/// [`Error::AlreadyPaid`], [`Error::NotDue`], [`Error::NotInForce`],
		/// [`Error::TreasuryShort`]; the currency's own error if the recipient cannot take the
		/// amount (below the existential deposit).
		#[pallet::call_index(10)]
		pub fn pay_out(origin: OriginFor<T>, act: ActId, index: u32) -> DispatchResult {
			ensure_signed_or_root(origin)?;
			let record = Acts::<T>::get(act).ok_or(Error::<T>::ActNotFound)?;
			ensure!(record.kind == ActKind::Budget, Error::<T>::NotABudget);
			let mut payouts = Payouts::<T>::get(act);
			let payout = payouts.get_mut(index as usize).ok_or(Error::<T>::PayoutNotFound)?;
			ensure!(payout.paid.is_none(), Error::<T>::AlreadyPaid);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(payout.due <= now, Error::<T>::NotDue);
			ensure!(Self::version_at(act, now).is_some(), Error::<T>::NotInForce);
			let from = Self::treasury(record.unit);
			let available =
				T::Currency::reducible_balance(&from, Preservation::Expendable, Fortitude::Polite);
			ensure!(available >= payout.amount, Error::<T>::TreasuryShort);
			T::Currency::transfer(&from, &payout.to, payout.amount, Preservation::Expendable)?;
			payout.paid = Some(now);
			let (to, amount) = (payout.to.clone(), payout.amount);
			Payouts::<T>::insert(act, payouts);
			Self::deposit_event(Event::PayoutMade { act, index, from, to, amount });
			Self::schedule_next_payout(act);
			Ok(())
		}

		/// Sets a deadline of `act` for `office`: a response due, or a review, by block `due`.
		/// It shows as overdue when read after `due` unmet ([`Pallet::deadlines`]).
		///
		/// - Origin: signed by a serving holder of the act's issuing office, or
		///   [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::DeadlineSet`]. Errors: [`Error::ActNotFound`], [`Error::NotServing`],
		/// [`Error::ActRejected`], [`Error::ActRepealed`], [`Error::OfficeNotFound`],
		/// [`Error::InThePast`], [`Error::TooManyDeadlines`].
		#[pallet::call_index(11)]
		pub fn set_deadline(
			origin: OriginFor<T>,
			act: ActId,
			kind: DeadlineKind,
			office: OfficeId,
			due: BlockNumberFor<T>,
		) -> DispatchResult {
			let record = Acts::<T>::get(act).ok_or(Error::<T>::ActNotFound)?;
			Self::official_or_governance(origin, record.office)?;
			Self::ensure_open(&record)?;
			ensure!(T::Jurisdictions::office(office).is_some(), Error::<T>::OfficeNotFound);
			ensure!(due >= T::BlockNumberProvider::current_block_number(), Error::<T>::InThePast);
			let mut deadlines = Deadlines::<T>::get(act);
			let index = deadlines.len() as u32;
			deadlines
				.try_push(Deadline { kind, office, due, met: None })
				.map_err(|_| Error::<T>::TooManyDeadlines)?;
			Deadlines::<T>::insert(act, deadlines);
			Self::note_use(office);
			Self::deposit_event(Event::DeadlineSet { act, index, kind, office, due });
			Ok(())
		}

		/// Records that deadline `index` of `act` was met, by the act `answer` if one is named
		/// (a response, the review's act: of the office the deadline is due from). Met after the
		/// due block, it is met late.
		///
		/// - Origin: signed by a serving holder of the office the deadline is due from, or
		///   [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::DeadlineMet`]. Errors: [`Error::DeadlineNotFound`],
		/// [`Error::NotServing`], [`Error::DeadlineAlreadyMet`], [`Error::ActNotFound`] (the
		/// answer), [`Error::AnswerOfAnotherOffice`].
		#[pallet::call_index(12)]
		pub fn meet_deadline(
			origin: OriginFor<T>,
			act: ActId,
			index: u32,
			answer: Option<ActId>,
		) -> DispatchResult {
			let mut deadlines = Deadlines::<T>::get(act);
			let deadline = deadlines.get_mut(index as usize).ok_or(Error::<T>::DeadlineNotFound)?;
			Self::official_or_governance(origin, deadline.office)?;
			ensure!(deadline.met.is_none(), Error::<T>::DeadlineAlreadyMet);
			if let Some(answer) = answer {
				let answering = Acts::<T>::get(answer).ok_or(Error::<T>::ActNotFound)?;
				ensure!(answering.office == deadline.office, Error::<T>::AnswerOfAnotherOffice);
			}
			let now = T::BlockNumberProvider::current_block_number();
			let late = now > deadline.due;
			deadline.met = Some((now, answer));
			Deadlines::<T>::insert(act, deadlines);
			Self::deposit_event(Event::DeadlineMet { act, index, answer, late });
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Act `act`, if there is one.
		pub fn act(act: ActId) -> Option<ActOf<T>> {
			Acts::<T>::get(act)
		}

		/// Version `version` of `act`.
		pub fn version(act: ActId, version: VersionIndex) -> Option<VersionOf<T>> {
			Versions::<T>::get(act, version)
		}

		/// The version of `act` in force at block `at`, if one is.
		pub fn in_force(act: ActId, at: BlockNumberFor<T>) -> Option<(VersionIndex, VersionOf<T>)> {
			Self::version_at(act, at)
		}

		/// Where `act` stands at block `at`.
		pub fn state(act: ActId, at: BlockNumberFor<T>) -> Option<ActState> {
			Self::state_at(act, at)
		}

		/// The act numbered `seq` of `year` in `unit`.
		pub fn by_number(
			unit: pallet_veche_primitives::JurisdictionId,
			year: Year,
			seq: u32,
		) -> Option<ActId> {
			Numbered::<T>::get((unit, year, seq))
		}

		/// Up to `count` (at most 100) acts from id `from` down, newest first, each with where it
		/// stands now.
		pub fn acts(from: ActId, count: u32) -> Vec<(ActId, ActOf<T>, ActState)> {
			let now = T::BlockNumberProvider::current_block_number();
			let mut out = Vec::new();
			let mut id = from.min(NextAct::<T>::get().saturating_sub(1));
			while out.len() < count.min(100) as usize {
				if let (Some(record), Some(state)) = (Acts::<T>::get(id), Self::state_at(id, now)) {
					out.push((id, record, state));
				}
				let Some(prev) = id.checked_sub(1) else { break };
				id = prev;
			}
			out
		}

		/// The signatures of `version` of `act`, each with its key's holder, office and public key,
		/// for anyone to verify again.
		pub fn signatures(
			act: ActId,
			version: VersionIndex,
		) -> Vec<(KeyId, SigningKey<T::AccountId, BlockNumberFor<T>>, Signature<BlockNumberFor<T>>)>
		{
			let Some(stored) = Versions::<T>::get(act, version) else { return Vec::new() };
			stored
				.signers
				.iter()
				.filter_map(|(key, _)| {
					Some((*key, Keys::<T>::get(key)?, Signatures::<T>::get((act, version, *key))?))
				})
				.collect()
		}

		/// The message a key's holder signs to register it for `office` (with
		/// [`mldsa::KEY_CONTEXT`]).
		pub fn key_message_of(who: T::AccountId, office: OfficeId) -> Vec<u8> {
			Self::key_message(&who, office)
		}

		/// A budget's payouts, in due order, each with whether it was paid.
		pub fn payouts(act: ActId) -> Vec<PayoutOf<T>> {
			Payouts::<T>::get(act).into_inner()
		}

		/// The deadlines `act` sets, each with where it stands at block `at`.
		pub fn deadlines(
			act: ActId,
			at: BlockNumberFor<T>,
		) -> Vec<(u32, Deadline<BlockNumberFor<T>>, DeadlineState)> {
			Deadlines::<T>::get(act)
				.into_iter()
				.enumerate()
				.map(|(i, d)| {
					let state = d.state_at(at);
					(i as u32, d, state)
				})
				.collect()
		}

		/// The account of `unit` that its budgets pay from (anyone may fund it).
		pub fn treasury_of(unit: JurisdictionId) -> T::AccountId {
			Self::treasury(unit)
		}

		/// The message signers of `version` of `act` sign (with [`mldsa::ACT_CONTEXT`]).
		pub fn version_message_of(act: ActId, version: VersionIndex) -> Option<Vec<u8>> {
			Versions::<T>::get(act, version)
				.map(|v| Self::version_message(act, version, &v.content))
		}
	}
}

/// An office is in use once it issued an act or a deadline is due from it: the registry keeps
/// both for good, so the jurisdiction tree keeps the office. Units need no count of their own:
/// an act's unit is its office's, which the tree keeps while the office stands.
impl<T: Config> JurisdictionUsage for Pallet<T> {
	fn unit_in_use(_: JurisdictionId) -> bool {
		false
	}
	fn office_in_use(id: OfficeId) -> bool {
		OfficeUses::<T>::contains_key(id)
	}
}

impl<T: Config> Pallet<T> {
	/// Counts one more act or deadline naming `office` ([`OfficeUses`]).
	fn note_use(office: OfficeId) {
		OfficeUses::<T>::mutate(office, |n| *n = n.saturating_add(1));
	}

	/// The signed caller if they serve in `office`, `None` for governance; otherwise the
	/// origin's error or [`Error::NotServing`].
	fn official_or_governance(
		origin: OriginFor<T>,
		office: OfficeId,
	) -> Result<Option<T::AccountId>, DispatchError> {
		match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Ok(None),
			Err(origin) => {
				let who = ensure_signed(origin)?;
				ensure!(Self::serves(office, &who), Error::<T>::NotServing);
				Ok(Some(who))
			},
		}
	}

	/// Whether `who` holds a seat of `office` now.
	fn serves(office: OfficeId, who: &T::AccountId) -> bool {
		let now = T::BlockNumberProvider::current_block_number();
		T::Officeholders::mandate(office, who).is_some_and(|m| m.serving(now))
	}

	/// Neither rejected nor repealed.
	/// The bill `act` as a jury sees it: its jurisdiction and latest version, while it is a
	/// draft awaiting adoption.
	pub fn open_bill(act: ActId) -> Option<pallet_veche_primitives::OpenBill> {
		let record = Acts::<T>::get(act)?;
		let open = matches!(record.status, ActStatus::Bill) && record.kind == ActKind::Bill;
		let version = record.versions.checked_sub(1)?;
		open.then_some(pallet_veche_primitives::OpenBill { unit: record.unit, version })
	}

	fn ensure_open(record: &ActOf<T>) -> DispatchResult {
		match record.status {
			ActStatus::Rejected { .. } => Err(Error::<T>::ActRejected.into()),
			ActStatus::Repealed { .. } => Err(Error::<T>::ActRepealed.into()),
			_ => Ok(()),
		}
	}

	/// Adopts `version` (index `index`) of `record` (id `act`): in order after any version
	/// adopted before; at the first adoption the act gets its number (and a bill becomes a law).
	/// Returns the act's number, and whether adoption completed the version's signatures.
	fn do_adopt(
		act: ActId,
		record: &mut ActOf<T>,
		index: VersionIndex,
		version: &mut VersionOf<T>,
		now: BlockNumberFor<T>,
		effective: BlockNumberFor<T>,
	) -> Result<(ActNumber, bool), DispatchError> {
		ensure!(version.adopted.is_none(), Error::<T>::VersionSuperseded);
		// A later version adopted already supersedes this one.
		let later_adopted = (index.saturating_add(1)..record.versions)
			.any(|v| Versions::<T>::get(act, v).is_some_and(|s| s.adopted.is_some()));
		ensure!(!later_adopted, Error::<T>::VersionSuperseded);
		let number = match record.number {
			Some(number) => number,
			None => {
				let year = year_of(T::Time::now().as_millis().try_into().unwrap_or(u64::MAX));
				let seq = Numbers::<T>::get(record.unit, year)
					.checked_add(1)
					.ok_or(Error::<T>::NumbersExhausted)?;
				Numbers::<T>::insert(record.unit, year, seq);
				let number = ActNumber { year, seq };
				Numbered::<T>::insert((record.unit, year, seq), act);
				record.number = Some(number);
				Self::mark(act, record.unit, number)?;
				number
			},
		};
		if matches!(record.status, ActStatus::Bill) {
			record.status = ActStatus::Adopted { at: now };
			if record.kind == ActKind::Bill {
				record.kind = ActKind::Law;
			}
		}
		version.adopted = Some((now, effective));
		// A threshold met before adoption (signatures on the draft) completes it now.
		let complete = version.signed.is_none()
			&& version.signers.len() as u32 >= Self::threshold(record.kind);
		if complete {
			version.signed = Some(now);
		}
		Ok((number, complete))
	}

	/// The co-signatures a kind of act needs.
	pub fn threshold(kind: ActKind) -> u32 {
		Thresholds::<T>::get(kind).unwrap_or(1)
	}

	/// The account of `unit` its budgets pay from: derived from [`Config::PalletId`], nobody
	/// holds its key.
	pub fn treasury(unit: JurisdictionId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"unit", unit))
	}

	/// Marks act `act`, adopted with `number`, as an item of `unit`'s collection (creating the
	/// collection with the unit's first act).
	fn mark(act: ActId, unit: JurisdictionId, number: ActNumber) -> DispatchResult {
		let collection = match Collections::<T>::get(unit) {
			Some(collection) => collection,
			None => {
				let collection =
					T::Marker::create_collection(unit).map_err(|_| Error::<T>::MarkingFailed)?;
				Collections::<T>::insert(unit, collection);
				collection
			},
		};
		let text = alloc::format!("{}/{}", number.year, number.seq);
		T::Marker::mark(collection, act, text.as_bytes()).map_err(|_| Error::<T>::MarkingFailed)?;
		Self::deposit_event(Event::ActMarked { act, unit, collection });
		Ok(())
	}

	/// The scheduler's name of payout `index` of budget `act`.
	fn payout_task(act: ActId, index: u32) -> TaskName {
		(b"veche/acts/payout", act, index).using_encoded(sp_io::hashing::blake2_256)
	}

	/// Puts the first unpaid payout of `act` on the scheduler's agenda, at its due block (the
	/// next block if it is due already). Nothing if it is there already, if all are paid, or if
	/// the agenda of that block is full: anyone may still dispatch [`Call::pay_out`] once due.
	fn schedule_next_payout(act: ActId) {
		let payouts = Payouts::<T>::get(act);
		let Some(index) = payouts.iter().position(|p| p.paid.is_none()) else { return };
		let Some(payout) = payouts.get(index) else { return };
		let index = index as u32;
		let next = T::BlockNumberProvider::current_block_number().saturating_add(One::one());
		let at = payout.due.max(next);
		let call = <T as Config>::RuntimeCall::from(Call::<T>::pay_out { act, index });
		let Ok(inline) = call.encode().try_into() else { return };
		let scheduled = T::Scheduler::schedule_named(
			Self::payout_task(act, index),
			DispatchTime::At(at),
			None,
			PAYOUT_PRIORITY,
			frame_system::RawOrigin::Root.into(),
			Bounded::Inline(inline),
		);
		if scheduled.is_ok() {
			Self::deposit_event(Event::PayoutScheduled { act, index, at });
		}
	}

	/// The genesis hash, which every signed message starts with.
	fn genesis() -> [u8; 32] {
		let hash = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::default());
		let mut out = [0u8; 32];
		let bytes = hash.as_ref();
		let len = bytes.len().min(32);
		if let (Some(to), Some(from)) = (out.get_mut(..len), bytes.get(..len)) {
			to.copy_from_slice(from);
		}
		out
	}

	/// The message a key's holder signs to register it: `(genesis hash, account, office)`.
	pub fn key_message(who: &T::AccountId, office: OfficeId) -> Vec<u8> {
		(Self::genesis(), who, office).encode()
	}

	/// The message a version's signers sign: `(genesis hash, act, version, content hash)`.
	pub fn version_message(act: ActId, version: VersionIndex, content: &DocumentHash) -> Vec<u8> {
		(Self::genesis(), act, version, content).encode()
	}

	/// The latest version of `act` that applies at `at`, unless the act is repealed by then or
	/// was never adopted.
	pub fn version_at(act: ActId, at: BlockNumberFor<T>) -> Option<(VersionIndex, VersionOf<T>)> {
		let record = Acts::<T>::get(act)?;
		match record.status {
			ActStatus::Adopted { .. } => {},
			ActStatus::Repealed { from, .. } if at < from => {},
			_ => return None,
		}
		(0..record.versions)
			.rev()
			.filter_map(|v| Some((v, Versions::<T>::get(act, v)?)))
			.find(|(_, version)| version.applies_at(at))
	}

	/// Where `act` stood at `at` (`None` before it was tabled): a draft until its adoption or
	/// rejection, then adopted — in force, amended — until its repeal.
	pub fn state_at(act: ActId, at: BlockNumberFor<T>) -> Option<ActState> {
		let record = Acts::<T>::get(act)?;
		if at < record.tabled {
			return None;
		}
		Some(match record.status {
			ActStatus::Bill => ActState::Bill,
			ActStatus::Rejected { at: rejected } if at >= rejected => ActState::Rejected,
			ActStatus::Rejected { .. } => ActState::Bill,
			ActStatus::Adopted { at: adopted } | ActStatus::Repealed { adopted, .. }
				if at < adopted =>
			{
				ActState::Bill
			},
			ActStatus::Repealed { from, .. } if at >= from => ActState::Repealed,
			_ => match Self::version_at(act, at) {
				None => ActState::Adopted,
				Some((0, _)) => ActState::InForce,
				Some(_) => ActState::Amended,
			},
		})
	}

	/// Checks the pallet's invariants:
	/// - every act's versions are stored, `0..versions`, within `MaxVersions`, and no other;
	/// - a version amends the one before it; versions are adopted in order, an adopted act's
	///   first adopted version exists, and a draft has no adopted version;
	/// - every adopted act has a number, which `Numbered` maps back to it, within its unit's count
	///   for the year; a draft has none;
	/// - every signer of a version signed with a key of the act's office whose signature is
	///   stored, each official once; a complete version has at least one signer, unless it is
	///   an act imported at genesis;
	/// - every key is indexed by its public key's hash and listed by its holder;
	/// - every adopted act's jurisdiction has its collection of marks;
	/// - only budgets have payouts, ordered by due block, none of them zero, none paid while the
	///   budget is a draft or rejected;
	/// - every deadline is due from an office, and an act that met it is of that office;
	/// - each office's count of uses equals its acts and the deadlines due from it.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			migrations::v2::count_uses::<T>().0 == OfficeUses::<T>::iter().collect(),
			"an office's uses miscounted"
		);
		let next = NextAct::<T>::get();
		for (act, record) in Acts::<T>::iter() {
			ensure!(act < next, "an act beyond NextAct");
			ensure!(
				record.versions >= 1 && record.versions <= T::MaxVersions::get(),
				"an act's versions out of bounds"
			);
			let mut adopted_seen = false;
			for index in 0..record.versions {
				let version = Versions::<T>::get(act, index).ok_or("a version missing")?;
				ensure!(
					version.amends == index.checked_sub(1),
					"a version amends another than the one before it"
				);
				if version.adopted.is_some() {
					adopted_seen = true;
				}
				let mut owners = Vec::new();
				for (key, owner) in version.signers.iter() {
					let stored = Keys::<T>::get(key).ok_or("a signer's key missing")?;
					ensure!(stored.owner == *owner, "a signer is not their key's holder");
					ensure!(stored.office == record.office, "a key of another office signed");
					ensure!(
						Signatures::<T>::contains_key((act, index, *key)),
						"a signature missing"
					);
					ensure!(!owners.contains(owner), "an official signed twice");
					owners.push(owner.clone());
				}
				// Complete without signers: only an act imported at genesis, adopted there.
				if version.signed.is_some() && version.signers.is_empty() {
					let zero = BlockNumberFor::<T>::default();
					ensure!(
						record.tabled == zero && version.adopted == Some((zero, zero)),
						"complete without signers"
					);
				}
			}
			ensure!(
				Versions::<T>::iter_key_prefix(act).all(|v| v < record.versions),
				"a version beyond the act's count"
			);
			match (record.status, record.number) {
				(ActStatus::Bill | ActStatus::Rejected { .. }, number) => {
					ensure!(number.is_none(), "a draft with a number");
					ensure!(!adopted_seen, "a draft with an adopted version");
				},
				(_, Some(number)) => {
					ensure!(adopted_seen, "an adopted act without an adopted version");
					ensure!(
						Numbered::<T>::get((record.unit, number.year, number.seq)) == Some(act),
						"a number not mapped to its act"
					);
					ensure!(
						number.seq >= 1
							&& number.seq <= Numbers::<T>::get(record.unit, number.year),
						"a number beyond its year's count"
					);
				},
				(_, None) => return Err("an adopted act without a number".into()),
			}
			if record.number.is_some() {
				ensure!(Collections::<T>::contains_key(record.unit), "an adopted act unmarked");
			}
		}
		for (act, payouts) in Payouts::<T>::iter() {
			let record = Acts::<T>::get(act).ok_or("payouts of no act")?;
			ensure!(record.kind == ActKind::Budget, "payouts of an act not a budget");
			ensure!(
				payouts.windows(2).all(|w| matches!(w, [a, b] if a.due <= b.due)),
				"payouts out of due order"
			);
			ensure!(payouts.iter().all(|p| !p.amount.is_zero()), "a payout of nothing");
			if matches!(record.status, ActStatus::Bill | ActStatus::Rejected { .. }) {
				ensure!(payouts.iter().all(|p| p.paid.is_none()), "a draft paid out");
			}
		}
		for (act, deadlines) in Deadlines::<T>::iter() {
			ensure!(Acts::<T>::contains_key(act), "deadlines of no act");
			for deadline in deadlines.iter() {
				ensure!(
					T::Jurisdictions::office(deadline.office).is_some(),
					"a deadline of no office"
				);
				if let Some((_, Some(answer))) = deadline.met {
					let answering = Acts::<T>::get(answer).ok_or("a deadline met by no act")?;
					ensure!(
						answering.office == deadline.office,
						"a deadline met by another office's act"
					);
				}
			}
		}
		for ((unit, year, _), act) in Numbered::<T>::iter() {
			let record = Acts::<T>::get(act).ok_or("a number of no act")?;
			ensure!(record.unit == unit, "a number in another unit");
			ensure!(record.number.map(|n| n.year) == Some(year), "a number of another year");
		}
		for ((act, version, key), _) in Signatures::<T>::iter() {
			let stored = Versions::<T>::get(act, version).ok_or("a signature of no version")?;
			ensure!(stored.signers.iter().any(|(k, _)| *k == key), "a signature of no signer");
		}
		let next_key = NextKey::<T>::get();
		for (key, stored) in Keys::<T>::iter() {
			ensure!(key < next_key, "a key beyond NextKey");
			ensure!(
				KeyOfPublic::<T>::get(sp_io::hashing::blake2_256(&stored.public)) == Some(key),
				"a key not indexed by its public key"
			);
			ensure!(
				KeysOf::<T>::get(&stored.owner).contains(&key),
				"a key not listed by its holder"
			);
		}
		Ok(())
	}
}
