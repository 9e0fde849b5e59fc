//! # Trustees
//!
//! Trustees build the threshold keys that consultations seal answers to, with no dealer and no
//! trusted party: any `t` of the `n` trustees of a key can decrypt a running result, and no
//! `t − 1` of them learn anything from it.
//!
//! ## Overview
//!
//! Governance opens a **ceremony** ([`Pallet::open_ceremony`]), naming the trustees (people and
//! organisations whose collusion the public would not expect: council members of different
//! parties, observers, a university) and the threshold, and the length of its three phases:
//!
//! 1. **Registration** ([`Pallet::register`]): each trustee publishes a communication key with
//!    a proof that it knows its secret.
//! 2. **Dealing** ([`Pallet::deal`]): each registered trustee deals a random polynomial of degree
//!    `t − 1`: it publishes commitments to the coefficients (with a proof of knowledge of the
//!    constant one, so nobody can cancel others' keys out) and, for every other trustee, that
//!    trustee's share masked by a key the two derive from their communication keys.
//! 3. **Complaints** ([`Pallet::complain`]): a trustee whose share does not match the dealer's
//!    commitments publishes the key the two share, with a proof that it is the right one; the
//!    chain unmasks the share itself and checks it, and disqualifies the dealer if it does not
//!    match. An unfounded complaint is refused, so no honest dealer can be excluded.
//!
//! After the last phase anyone finalizes ([`Pallet::finalize`]): the dealers not disqualified
//! are *qualified*; with at least `t` of them the key is **ready**: its public key is the sum of
//! their constant commitments, and each trustee's verification key (the public image of its
//! share) follows from the sum of their commitments ([`SealingKeys::verification_key`]). The
//! newest ready key is the one new consultations seal to ([`SealingKeys::current`]); governance
//! retires a key ([`Pallet::retire`]) when its trustees' term ends, and answers already sealed to
//! it stay decryptable.
//!
//! The mathematics is in `veche-seal` (joint-Feldman key generation, Chaum–Pedersen proofs); this
//! pallet keeps the ceremony's record and judges it.
//!
//! ## Implementation notes
//!
//! - **Clock.** Phases are counted in this chain's blocks ([`Config::BlockNumberProvider`]).
//! - **No hooks.** Phases end by the clock; finalizing is a call.
//! - **Bounded.** At most [`Config::MaxTrustees`] trustees; a dealing holds `t` commitments and
//!   `n` shares (32 bytes each).
//! - **What a complaint reveals.** The Diffie–Hellman key of one dealer and one complainant, so
//!   one share: the complainant's own (if the complaint is unfounded, the complainant leaked only
//!   its own secret; if founded, the dealer is out and its shares count for nothing).

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
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*,
	sp_runtime::{
		traits::{BlockNumberProvider, One, Saturating},
		ArithmeticError,
	},
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{KeyId, SealPoint, SealingKeys};
use scale_info::TypeInfo;
use veche_seal::{protocol, Dleq, PointBytes, ScalarBytes};

/// Where a ceremony stands.
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
pub enum KeyStage {
	/// Registration, dealing and complaints, by the clock.
	Setup,
	/// The key is ready: new consultations may seal to it.
	Ready {
		/// The joint public key.
		public_key: SealPoint,
		/// How many dealers qualified.
		qualified: u16,
	},
	/// Fewer than the threshold of dealers qualified, or governance abandoned the ceremony.
	Failed,
	/// Governance retired the key: nothing new is sealed to it; what was stays decryptable.
	Retired {
		/// The joint public key.
		public_key: SealPoint,
	},
}

/// A ceremony and, once it succeeds, its key.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxTrustees))]
pub struct Ceremony<AccountId, BlockNumber, MaxTrustees: Get<u32>> {
	/// The trustees; trustee `j` (1-based) is at position `j − 1`.
	pub trustees: BoundedVec<AccountId, MaxTrustees>,
	/// How many trustees' partial decryptions a decryption needs.
	pub threshold: u16,
	/// Registration is open until before this block.
	pub register_by: BlockNumber,
	/// Dealing is open from `register_by` until before this block.
	pub deal_by: BlockNumber,
	/// Complaints are open from `deal_by` until before this block; then anyone finalizes.
	pub complain_by: BlockNumber,
	/// How many trustees registered.
	pub registered: u16,
	/// How many trustees dealt.
	pub dealt: u16,
	/// Where the ceremony stands.
	pub stage: KeyStage,
}

/// One trustee's dealing.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxTrustees))]
pub struct Dealing<MaxTrustees: Get<u32>> {
	/// Commitments `a_k·G` to the polynomial's `t` coefficients.
	pub commitments: BoundedVec<PointBytes, MaxTrustees>,
	/// Trustee `j`'s masked share at position `j − 1` (the dealer's own position and those of
	/// trustees who did not register are ignored).
	pub shares: BoundedVec<ScalarBytes, MaxTrustees>,
	/// Whether a founded complaint disqualified the dealer.
	pub disqualified: bool,
}

/// How a call names an account.
pub type AccountIdLookupOf<T> =
	<<T as frame_system::Config>::Lookup as frame_support::sp_runtime::traits::StaticLookup>::Source;

/// The pallet's ceremony record.
pub type CeremonyOf<T> =
	Ceremony<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, <T as Config>::MaxTrustees>;

/// The trustees pallet: key ceremonies of trustees (registration, dealing, complaints judged by
/// the chain, finalizing) that build the threshold keys sealed answers are encrypted to.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::sp_runtime::traits::StaticLookup;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The ceremonies' clock: phases end at its blocks. The runtime passes `System`.
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// Governance: opens ceremonies, retires keys.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most trustees of one key.
		#[pallet::constant]
		type MaxTrustees: Get<u32>;

		/// The shortest phase, in blocks: enough for every trustee to act.
		#[pallet::constant]
		type MinPhase: Get<BlockNumberFor<Self>>;

		/// The longest phase, in blocks.
		#[pallet::constant]
		type MaxPhase: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The id the next ceremony gets.
	#[pallet::storage]
	pub type NextKeyId<T> = StorageValue<_, KeyId, ValueQuery>;

	/// Every ceremony and its key, by id.
	// Twox64Concat: ids are sequential, chosen by the chain.
	#[pallet::storage]
	pub type Ceremonies<T: Config> = StorageMap<_, Twox64Concat, KeyId, CeremonyOf<T>>;

	/// The trustees' communication keys, by ceremony and trustee index.
	// Twox64Concat: the ceremony id is the chain's, the index is bounded by `MaxTrustees`.
	#[pallet::storage]
	pub type CommKeys<T: Config> =
		StorageDoubleMap<_, Twox64Concat, KeyId, Twox64Concat, u16, PointBytes>;

	/// The trustees' dealings, by ceremony and dealer index.
	// Twox64Concat: as `CommKeys`.
	#[pallet::storage]
	pub type Dealings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, KeyId, Twox64Concat, u16, Dealing<T::MaxTrustees>>;

	/// The sums of the qualified dealers' commitments, by ready key: trustee `j`'s verification
	/// key is `Σ C_k·j^k`.
	// Twox64Concat: ids are sequential.
	#[pallet::storage]
	pub type Commitments<T: Config> =
		StorageMap<_, Twox64Concat, KeyId, BoundedVec<PointBytes, T::MaxTrustees>>;

	/// The keys made at genesis from public seeds (test chains): anyone can decrypt what is
	/// sealed to them, and clients say so.
	// Twox64Concat: ids are sequential.
	#[pallet::storage]
	pub type PublicSeedKeys<T> = StorageMap<_, Twox64Concat, KeyId, ()>;

	/// The newest ready key, which new consultations seal to.
	#[pallet::storage]
	pub type CurrentKey<T> = StorageValue<_, KeyId>;

	/// Keys made at genesis by a ceremony computed from seeds given in the chain spec: for
	/// development and test chains only — the seeds are public, so anyone can decrypt what is
	/// sealed to such a key. Each entry is `(trustees, threshold, seeds)`, one seed per trustee.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(trustees, threshold, seeds)` of each public-seed key.
		pub public_seed_keys: Vec<(Vec<T::AccountId>, u16, Vec<[u8; 32]>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (trustees, threshold, seeds) in &self.public_seed_keys {
				let key = Pallet::<T>::genesis_key(trustees, *threshold, seeds)
					.expect("a public-seed key is well-formed; qed");
				PublicSeedKeys::<T>::insert(key, ());
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A ceremony was opened.
		CeremonyOpened {
			/// The key's id.
			key: KeyId,
			/// The trustees, in index order (trustee `j` is the `j`-th).
			trustees: Vec<T::AccountId>,
			/// The threshold.
			threshold: u16,
			/// Registration closes before this block.
			register_by: BlockNumberFor<T>,
			/// Dealing closes before this block.
			deal_by: BlockNumberFor<T>,
			/// Complaints close before this block.
			complain_by: BlockNumberFor<T>,
		},
		/// A trustee registered its communication key.
		TrusteeRegistered {
			/// The key's id.
			key: KeyId,
			/// The trustee's index.
			trustee: u16,
			/// Its communication key.
			comm_key: PointBytes,
		},
		/// A trustee dealt its polynomial.
		Dealt {
			/// The key's id.
			key: KeyId,
			/// The dealer's index.
			dealer: u16,
			/// Its commitments.
			commitments: Vec<PointBytes>,
			/// Its masked shares, by recipient position.
			shares: Vec<ScalarBytes>,
		},
		/// A founded complaint disqualified a dealer.
		DealerDisqualified {
			/// The key's id.
			key: KeyId,
			/// The dealer.
			dealer: u16,
			/// The complainant.
			complainant: u16,
			/// The Diffie–Hellman key the two share, which unmasks the bad share.
			dh: PointBytes,
		},
		/// The key is ready.
		KeyReady {
			/// The key's id.
			key: KeyId,
			/// The joint public key.
			public_key: SealPoint,
			/// The qualified dealers.
			qualified: Vec<u16>,
			/// The sums of their commitments.
			commitments: Vec<PointBytes>,
		},
		/// Fewer dealers than the threshold qualified, or governance abandoned the ceremony.
		CeremonyFailed {
			/// The key's id.
			key: KeyId,
			/// How many dealers qualified (0 when abandoned).
			qualified: u16,
		},
		/// A ready key was retired.
		KeyRetired {
			/// The key's id.
			key: KeyId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No ceremony has this id.
		KeyNotFound,
		/// The caller is not a trustee of this ceremony.
		NotATrustee,
		/// A ceremony needs at least one trustee.
		NoTrustees,
		/// More trustees than `MaxTrustees`.
		TooManyTrustees,
		/// The same account is named twice among the trustees.
		DuplicateTrustee,
		/// The threshold must be at least 1 and at most the number of trustees.
		BadThreshold,
		/// A phase must last at least `MinPhase` and at most `MaxPhase` blocks.
		BadPhase,
		/// Registration is over (or the ceremony has ended).
		RegistrationClosed,
		/// This trustee already registered.
		AlreadyRegistered,
		/// A key or commitment is not a point of the sealing group, or is the identity.
		BadKey,
		/// The proof of knowledge does not verify for this key, ceremony and trustee.
		BadProof,
		/// Dealing happens after registration and before the dealing deadline.
		NotDealing,
		/// The trustee did not register a communication key, so it can neither deal nor
		/// receive shares.
		NotRegistered,
		/// This trustee already dealt.
		AlreadyDealt,
		/// A dealing carries exactly `threshold` commitments.
		WrongCommitmentCount,
		/// A dealing carries exactly one (masked) share per trustee.
		WrongShareCount,
		/// Complaints happen after dealing and before the complaint deadline.
		NotComplaining,
		/// The named dealer did not deal.
		DealingNotFound,
		/// A trustee cannot complain about its own dealing.
		OwnDealing,
		/// The dealer is already disqualified.
		AlreadyDisqualified,
		/// The Diffie–Hellman key's proof does not verify: the complaint proves nothing.
		BadComplaintProof,
		/// The share, unmasked, matches the dealer's commitments: the complaint is unfounded.
		ComplaintUnfounded,
		/// The ceremony's phases are not over yet.
		CeremonyNotOver,
		/// The ceremony is no longer in setup.
		NotInSetup,
		/// Only a ready key can be retired.
		NotReady,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxTrustees::get() >= 1, "a ceremony needs room for a trustee");
			assert!(T::MaxTrustees::get() <= u32::from(u16::MAX), "trustee indices are 16-bit");
			assert!(T::MinPhase::get() <= T::MaxPhase::get(), "MinPhase must not exceed MaxPhase");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Opens a key ceremony.
		///
		/// - Origin: governance.
		/// - `trustees`: the trustees, in index order (1-based); `threshold`: how many of them a
		///   decryption needs; `phase`: how many blocks each of registration, dealing and
		///   complaints lasts.
		///
		/// Emits [`Event::CeremonyOpened`]. Errors: [`Error::NoTrustees`],
		/// [`Error::DuplicateTrustee`], [`Error::BadThreshold`], [`Error::BadPhase`], and
		/// `TooManyTrustees` when the list is longer than `MaxTrustees`.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::open_ceremony(trustees.len() as u32))]
		pub fn open_ceremony(
			origin: OriginFor<T>,
			trustees: BoundedVec<AccountIdLookupOf<T>, T::MaxTrustees>,
			threshold: u16,
			phase: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(!trustees.is_empty(), Error::<T>::NoTrustees);
			let mut accounts = Vec::with_capacity(trustees.len());
			for t in trustees {
				let who = T::Lookup::lookup(t)?;
				ensure!(!accounts.contains(&who), Error::<T>::DuplicateTrustee);
				accounts.push(who);
			}
			ensure!(
				threshold >= 1 && usize::from(threshold) <= accounts.len(),
				Error::<T>::BadThreshold
			);
			ensure!(
				phase >= T::MinPhase::get() && phase <= T::MaxPhase::get() && !phase.is_zero(),
				Error::<T>::BadPhase
			);
			let now = T::BlockNumberProvider::current_block_number();
			let register_by = now.checked_add(&phase).ok_or(ArithmeticError::Overflow)?;
			let deal_by = register_by.checked_add(&phase).ok_or(ArithmeticError::Overflow)?;
			let complain_by = deal_by.checked_add(&phase).ok_or(ArithmeticError::Overflow)?;
			let key = NextKeyId::<T>::get();
			let next = key.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let bounded: BoundedVec<T::AccountId, T::MaxTrustees> =
				accounts.clone().try_into().map_err(|_| Error::<T>::TooManyTrustees)?;
			Ceremonies::<T>::insert(
				key,
				Ceremony {
					trustees: bounded,
					threshold,
					register_by,
					deal_by,
					complain_by,
					registered: 0,
					dealt: 0,
					stage: KeyStage::Setup,
				},
			);
			NextKeyId::<T>::put(next);
			Self::deposit_event(Event::CeremonyOpened {
				key,
				trustees: accounts,
				threshold,
				register_by,
				deal_by,
				complain_by,
			});
			Ok(())
		}

		/// Registers the caller's communication key for a ceremony.
		///
		/// - Origin: signed, by a trustee of the ceremony, during registration.
		/// - `comm_key`: the public key of a fresh secret; `proof`: a proof of knowledge of that
		///   secret bound to `protocol::register_binding(key, index)`.
		///
		/// Emits [`Event::TrusteeRegistered`]. Errors: [`Error::KeyNotFound`],
		/// [`Error::NotATrustee`], [`Error::RegistrationClosed`], [`Error::AlreadyRegistered`],
		/// [`Error::BadKey`], [`Error::BadProof`].
		#[pallet::call_index(1)]
		pub fn register(
			origin: OriginFor<T>,
			key: KeyId,
			comm_key: PointBytes,
			proof: Dleq,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut c = Ceremonies::<T>::get(key).ok_or(Error::<T>::KeyNotFound)?;
			let index = Self::index_of(&c, &who)?;
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(
				c.stage == KeyStage::Setup && now < c.register_by,
				Error::<T>::RegistrationClosed
			);
			ensure!(!CommKeys::<T>::contains_key(key, index), Error::<T>::AlreadyRegistered);
			veche_seal::pok_verify(&comm_key, &protocol::register_binding(key, index), &proof)
				.map_err(Self::seal_error)?;
			c.registered = c.registered.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			CommKeys::<T>::insert(key, index, comm_key);
			Ceremonies::<T>::insert(key, c);
			Self::deposit_event(Event::TrusteeRegistered { key, trustee: index, comm_key });
			Ok(())
		}

		/// Deals the caller's polynomial.
		///
		/// - Origin: signed, by a registered trustee, during dealing.
		/// - `commitments`: `a_k·G` for the `threshold` coefficients; `proof`: a proof of
		///   knowledge of `a_0` bound to `protocol::deal_binding(key, index)`; `shares`: for
		///   each trustee position `j − 1`, `f(j)` masked with `veche_seal::share_mask` (any
		///   32 bytes at the dealer's own position and at trustees who did not register).
		///
		/// Emits [`Event::Dealt`]. Errors: [`Error::KeyNotFound`], [`Error::NotATrustee`],
		/// [`Error::NotDealing`], [`Error::NotRegistered`], [`Error::AlreadyDealt`],
		/// [`Error::WrongCommitmentCount`], [`Error::WrongShareCount`], [`Error::BadKey`],
		/// [`Error::BadProof`].
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::deal(commitments.len() as u32))]
		pub fn deal(
			origin: OriginFor<T>,
			key: KeyId,
			commitments: BoundedVec<PointBytes, T::MaxTrustees>,
			proof: Dleq,
			shares: BoundedVec<ScalarBytes, T::MaxTrustees>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut c = Ceremonies::<T>::get(key).ok_or(Error::<T>::KeyNotFound)?;
			let index = Self::index_of(&c, &who)?;
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(
				c.stage == KeyStage::Setup && now >= c.register_by && now < c.deal_by,
				Error::<T>::NotDealing
			);
			ensure!(CommKeys::<T>::contains_key(key, index), Error::<T>::NotRegistered);
			ensure!(!Dealings::<T>::contains_key(key, index), Error::<T>::AlreadyDealt);
			ensure!(
				commitments.len() == usize::from(c.threshold),
				Error::<T>::WrongCommitmentCount
			);
			ensure!(shares.len() == c.trustees.len(), Error::<T>::WrongShareCount);
			for commitment in commitments.iter() {
				let _point = veche_seal::decode_key(commitment).map_err(|_| Error::<T>::BadKey)?;
			}
			let constant = commitments.first().ok_or(Error::<T>::WrongCommitmentCount)?;
			veche_seal::pok_verify(constant, &protocol::deal_binding(key, index), &proof)
				.map_err(Self::seal_error)?;
			c.dealt = c.dealt.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Ceremonies::<T>::insert(key, c);
			Self::deposit_event(Event::Dealt {
				key,
				dealer: index,
				commitments: commitments.to_vec(),
				shares: shares.to_vec(),
			});
			Dealings::<T>::insert(key, index, Dealing { commitments, shares, disqualified: false });
			Ok(())
		}

		/// Complains that a dealer's share to the caller does not match its commitments.
		///
		/// - Origin: signed, by a registered trustee, during complaints.
		/// - `dealer`: the dealer's index; `dh`: the Diffie–Hellman key of the caller's and the
		///   dealer's communication keys; `proof`: that `dh` is it (equal discrete logarithms of
		///   the caller's key to `G` and of `dh` to the dealer's key), bound to
		///   `veche_seal::complaint_binding`.
		///
		/// The chain unmasks the share and checks it against the dealer's commitments: a
		/// mismatch disqualifies the dealer. Emits [`Event::DealerDisqualified`]. Errors:
		/// [`Error::KeyNotFound`], [`Error::NotATrustee`], [`Error::NotComplaining`],
		/// [`Error::NotRegistered`], [`Error::OwnDealing`], [`Error::DealingNotFound`],
		/// [`Error::AlreadyDisqualified`], [`Error::BadComplaintProof`],
		/// [`Error::ComplaintUnfounded`].
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::complain(T::MaxTrustees::get()))]
		pub fn complain(
			origin: OriginFor<T>,
			key: KeyId,
			dealer: u16,
			dh: PointBytes,
			proof: Dleq,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let c = Ceremonies::<T>::get(key).ok_or(Error::<T>::KeyNotFound)?;
			let index = Self::index_of(&c, &who)?;
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(
				c.stage == KeyStage::Setup && now >= c.deal_by && now < c.complain_by,
				Error::<T>::NotComplaining
			);
			let own = CommKeys::<T>::get(key, index).ok_or(Error::<T>::NotRegistered)?;
			ensure!(dealer != index, Error::<T>::OwnDealing);
			let mut dealing = Dealings::<T>::get(key, dealer).ok_or(Error::<T>::DealingNotFound)?;
			ensure!(!dealing.disqualified, Error::<T>::AlreadyDisqualified);
			let theirs = CommKeys::<T>::get(key, dealer).ok_or(Error::<T>::DealingNotFound)?;
			let share = dealing
				.shares
				.get(usize::from(index).saturating_sub(1))
				.ok_or(Error::<T>::WrongShareCount)?;
			let cheated = veche_seal::judge_complaint(
				&protocol::ceremony_context(key),
				dealer,
				index,
				&theirs,
				&own,
				&dealing.commitments,
				share,
				&dh,
				&proof,
			)
			.map_err(|_| Error::<T>::BadComplaintProof)?;
			ensure!(cheated, Error::<T>::ComplaintUnfounded);
			let t = dealing.commitments.len() as u32;
			dealing.disqualified = true;
			Dealings::<T>::insert(key, dealer, dealing);
			Self::deposit_event(Event::DealerDisqualified { key, dealer, complainant: index, dh });
			Ok(Some(<T as Config>::WeightInfo::complain(t)).into())
		}

		/// Finalizes a ceremony whose phases are over: with at least `threshold` qualified
		/// dealers the key is ready (and becomes the current key), otherwise the ceremony fails.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::KeyReady`] or [`Event::CeremonyFailed`]. Errors:
		/// [`Error::KeyNotFound`], [`Error::NotInSetup`], [`Error::CeremonyNotOver`].
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::finalize(
			T::MaxTrustees::get(),
			T::MaxTrustees::get(),
		))]
		pub fn finalize(origin: OriginFor<T>, key: KeyId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut c = Ceremonies::<T>::get(key).ok_or(Error::<T>::KeyNotFound)?;
			ensure!(c.stage == KeyStage::Setup, Error::<T>::NotInSetup);
			let now = T::BlockNumberProvider::current_block_number();
			ensure!(now >= c.complain_by, Error::<T>::CeremonyNotOver);
			let mut qualified = Vec::new();
			let mut dealt = Vec::new();
			for (dealer, dealing) in Dealings::<T>::iter_prefix(key) {
				if !dealing.disqualified {
					qualified.push(dealer);
					dealt.push(dealing.commitments);
				}
			}
			let slices: Vec<&[PointBytes]> = dealt.iter().map(|c| c.as_slice()).collect();
			// Each dealing's commitments were checked when dealt.
			let encoded = veche_seal::sum_commitments(&slices, c.threshold)
				.map_err(|_| Error::<T>::BadKey)?;
			qualified.sort_unstable();
			let n = qualified.len() as u16;
			let weight =
				<T as Config>::WeightInfo::finalize(u32::from(c.dealt), u32::from(c.threshold));
			// The joint key cannot be the identity unless dealers knew each other's secrets
			// (each proved knowledge of its own constant); refused all the same.
			let usable = encoded.first().is_some_and(|pk| veche_seal::decode_key(pk).is_ok());
			if n < c.threshold || !usable {
				c.stage = KeyStage::Failed;
				Ceremonies::<T>::insert(key, c);
				Self::deposit_event(Event::CeremonyFailed { key, qualified: n });
				return Ok(Some(weight).into());
			}
			let public_key = encoded.first().copied().ok_or(Error::<T>::BadThreshold)?;
			let bounded: BoundedVec<PointBytes, T::MaxTrustees> =
				encoded.clone().try_into().map_err(|_| Error::<T>::TooManyTrustees)?;
			c.stage = KeyStage::Ready { public_key, qualified: n };
			Ceremonies::<T>::insert(key, c);
			Commitments::<T>::insert(key, bounded);
			if CurrentKey::<T>::get().is_none_or(|current| current < key) {
				CurrentKey::<T>::put(key);
			}
			Self::deposit_event(Event::KeyReady {
				key,
				public_key,
				qualified,
				commitments: encoded,
			});
			Ok(Some(weight).into())
		}

		/// Retires a ready key (nothing new is sealed to it) or abandons a ceremony in setup.
		///
		/// - Origin: governance.
		///
		/// If the key was the current one, no key is current until another is finalized. Emits
		/// [`Event::KeyRetired`] or [`Event::CeremonyFailed`]. Errors: [`Error::KeyNotFound`],
		/// [`Error::NotReady`].
		#[pallet::call_index(5)]
		pub fn retire(origin: OriginFor<T>, key: KeyId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut c = Ceremonies::<T>::get(key).ok_or(Error::<T>::KeyNotFound)?;
			match c.stage {
				KeyStage::Setup => {
					c.stage = KeyStage::Failed;
					Self::deposit_event(Event::CeremonyFailed { key, qualified: 0 });
				},
				KeyStage::Ready { public_key, .. } => {
					c.stage = KeyStage::Retired { public_key };
					if CurrentKey::<T>::get() == Some(key) {
						CurrentKey::<T>::kill();
					}
					Self::deposit_event(Event::KeyRetired { key });
				},
				KeyStage::Failed | KeyStage::Retired { .. } => {
					return Err(Error::<T>::NotReady.into())
				},
			}
			Ceremonies::<T>::insert(key, c);
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Runs a whole honest ceremony from the trustees' seeds (genesis only): registers their
	/// communication keys, deals their polynomials, finalizes the key.
	pub fn genesis_key(
		trustees: &[T::AccountId],
		threshold: u16,
		seeds: &[[u8; 32]],
	) -> Result<KeyId, &'static str> {
		let n = u16::try_from(trustees.len()).map_err(|_| "too many trustees")?;
		if seeds.len() != trustees.len() || threshold == 0 || threshold > n {
			return Err("one seed per trustee and a threshold in 1..=trustees");
		}
		let key = NextKeyId::<T>::get();
		let context = protocol::ceremony_context(key);
		let comm: Vec<veche_seal::Scalar> =
			seeds.iter().map(|s| veche_seal::secret_scalar(s, b"comm", &context)).collect();
		let keys: Vec<PointBytes> = comm.iter().map(veche_seal::public_key).collect();
		for (index, k) in (1..=n).zip(keys.iter()) {
			CommKeys::<T>::insert(key, index, k);
		}
		let mut all = Vec::new();
		for ((index, seed), own) in (1..=n).zip(seeds.iter()).zip(comm.iter()) {
			let poly = veche_seal::polynomial(seed, &context, threshold);
			let mut shares = Vec::new();
			for (recipient, their) in (1..=n).zip(keys.iter()) {
				shares.push(if recipient == index {
					[0u8; 32]
				} else {
					veche_seal::masked_share(&poly, own, their, &context, index, recipient)
						.map_err(|_| "bad key")?
				});
			}
			let commitments = veche_seal::commitments(&poly);
			all.push(commitments.clone());
			Dealings::<T>::insert(
				key,
				index,
				Dealing {
					commitments: BoundedVec::try_from(commitments).map_err(|_| "too many")?,
					shares: BoundedVec::try_from(shares).map_err(|_| "too many")?,
					disqualified: false,
				},
			);
		}
		let slices: Vec<&[PointBytes]> = all.iter().map(|c| c.as_slice()).collect();
		let sums = veche_seal::sum_commitments(&slices, threshold).map_err(|_| "bad sums")?;
		let public_key = *sums.first().ok_or("no key")?;
		let zero = BlockNumberFor::<T>::zero();
		let one = BlockNumberFor::<T>::one();
		Ceremonies::<T>::insert(
			key,
			Ceremony {
				trustees: BoundedVec::try_from(trustees.to_vec()).map_err(|_| "too many")?,
				threshold,
				register_by: zero,
				deal_by: one,
				complain_by: one.saturating_add(one),
				registered: n,
				dealt: n,
				stage: KeyStage::Ready { public_key, qualified: n },
			},
		);
		Commitments::<T>::insert(key, BoundedVec::try_from(sums).map_err(|_| "too many")?);
		CurrentKey::<T>::put(key);
		NextKeyId::<T>::put(key.saturating_add(1));
		Ok(key)
	}

	/// The caller's 1-based index among the ceremony's trustees.
	fn index_of(c: &CeremonyOf<T>, who: &T::AccountId) -> Result<u16, DispatchError> {
		let position = c.trustees.iter().position(|t| t == who).ok_or(Error::<T>::NotATrustee)?;
		u16::try_from(position.saturating_add(1)).map_err(|_| Error::<T>::NotATrustee.into())
	}

	fn seal_error(e: veche_seal::SealError) -> DispatchError {
		match e {
			veche_seal::SealError::BadProof | veche_seal::SealError::BadScalar => {
				Error::<T>::BadProof.into()
			},
			_ => Error::<T>::BadKey.into(),
		}
	}

	/// Checks the pallet's invariants:
	/// - every ceremony's id is below the next one; it has 1..=`MaxTrustees` distinct
	///   trustees, a threshold in 1..=trustees, and deadlines in order;
	/// - its registered and dealt counts equal its communication keys and dealings, which
	///   belong to its trustees; a dealing comes from a registered trustee and holds
	///   `threshold` commitments and one share per trustee;
	/// - a ready or retired key's public key is the sum of its qualified dealers' constant
	///   commitments, and it has `threshold` summed commitments; a ready key has at least
	///   `threshold` qualified dealers;
	/// - the current key, if any, is the newest ready key (after the current key is retired none
	///   is current until another is finalized).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut newest_ready = None;
		for (key, c) in Ceremonies::<T>::iter() {
			ensure!(key < NextKeyId::<T>::get(), "ceremony id beyond the next one");
			let n = c.trustees.len();
			ensure!(n >= 1, "a ceremony without trustees");
			ensure!(c.threshold >= 1 && usize::from(c.threshold) <= n, "threshold out of range");
			let mut sorted = c.trustees.to_vec();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == n, "a trustee named twice");
			ensure!(
				c.register_by < c.deal_by && c.deal_by < c.complain_by,
				"deadlines out of order"
			);
			let keys: Vec<u16> = CommKeys::<T>::iter_key_prefix(key).collect();
			ensure!(keys.len() == usize::from(c.registered), "registered count differs");
			ensure!(keys.iter().all(|&j| j >= 1 && usize::from(j) <= n), "comm key of a stranger");
			let mut dealt = 0usize;
			let mut constants = Vec::new();
			let mut qualified = 0u16;
			for (dealer, d) in Dealings::<T>::iter_prefix(key) {
				dealt = dealt.saturating_add(1);
				ensure!(keys.contains(&dealer), "a dealing from an unregistered trustee");
				ensure!(d.commitments.len() == usize::from(c.threshold), "commitment count");
				ensure!(d.shares.len() == n, "share count");
				if !d.disqualified {
					qualified = qualified.saturating_add(1);
					let first = *d.commitments.first().ok_or("no constant commitment")?;
					constants.push([first]);
				}
			}
			ensure!(dealt == usize::from(c.dealt), "dealt count differs");
			let slices: Vec<&[PointBytes]> = constants.iter().map(|c| c.as_slice()).collect();
			let sum = veche_seal::sum_commitments(&slices, 1)
				.map_err(|_| "bad commitment")?
				.first()
				.copied()
				.ok_or("no sum")?;
			match c.stage {
				KeyStage::Ready { public_key, qualified: q } => {
					ensure!(q == qualified && q >= c.threshold, "qualified dealers differ");
					ensure!(public_key == sum, "public key differs");
					newest_ready = newest_ready.max(Some(key));
				},
				KeyStage::Retired { public_key } => {
					ensure!(public_key == sum, "public key differs");
				},
				KeyStage::Setup | KeyStage::Failed => {},
			}
			if matches!(c.stage, KeyStage::Ready { .. } | KeyStage::Retired { .. }) {
				let sums =
					Commitments::<T>::get(key).ok_or("a finished key without commitments")?;
				ensure!(sums.len() == usize::from(c.threshold), "summed commitment count");
			} else {
				ensure!(!Commitments::<T>::contains_key(key), "commitments of an unfinished key");
			}
		}
		if let Some(current) = CurrentKey::<T>::get() {
			ensure!(newest_ready == Some(current), "the current key is not the newest ready");
		}
		Ok(())
	}
}

impl<T: Config> SealingKeys<T::AccountId> for Pallet<T> {
	fn current() -> Option<(KeyId, SealPoint)> {
		let key = CurrentKey::<T>::get()?;
		Some((key, Self::public_key(key)?))
	}

	fn public_key(key: KeyId) -> Option<SealPoint> {
		match Ceremonies::<T>::get(key)?.stage {
			KeyStage::Ready { public_key, .. } | KeyStage::Retired { public_key } => {
				Some(public_key)
			},
			KeyStage::Setup | KeyStage::Failed => None,
		}
	}

	fn threshold(key: KeyId) -> Option<u16> {
		Ceremonies::<T>::get(key).map(|c| c.threshold)
	}

	fn trustee_index(key: KeyId, who: &T::AccountId) -> Option<u16> {
		Self::index_of(&Ceremonies::<T>::get(key)?, who).ok()
	}

	fn verification_key(key: KeyId, index: u16) -> Option<SealPoint> {
		let c = Ceremonies::<T>::get(key)?;
		if index == 0 || usize::from(index) > c.trustees.len() {
			return None;
		}
		let sums = Commitments::<T>::get(key)?;
		let points =
			sums.iter().map(veche_seal::decode_point).collect::<Result<Vec<_>, _>>().ok()?;
		Some(veche_seal::encode_point(&veche_seal::feldman_eval(&points, index)))
	}
}
