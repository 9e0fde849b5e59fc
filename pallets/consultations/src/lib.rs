//! # Consultations
//!
//! Responsible residents: civic profiles, consultations of a unit's residents with sealed
//! answers, ideas that residents rate, and statuses earned by taking part.
//!
//! ## Overview
//!
//! **Profiles.** A person may open a public pseudonymous **profile** ([`Pallet::open_profile`]):
//! a ring-VRF proof of membership of their constituency's ring, in the context of the current
//! **period** ([`Config::Period`], a month), yields their alias for that period — one per person
//! — and registers a profile key (sr25519) that signs everything the profile does, and an
//! optional display name. Every period the profile is **renewed** ([`Pallet::renew_profile`])
//! with a fresh proof in that period's context and the profile key's signature; only a profile
//! active in the current period acts. Each period's roll (the ring revisions proofs are checked
//! against) is frozen at the period's first opening or renewal, so a person has exactly one key
//! in it: a key rotation, a second registration or a reinstatement cannot give anyone two active
//! profiles. A profile never shows its person's ring key or dedupe tag, and its aliases are
//! drawn in contexts no ballot uses, so it is not linked to their election ballots; what it does
//! is linked to the profile (that is what taking part as a profile means).
//!
//! **Consultations.** A profile proposes a consultation of a unit it lives in
//! ([`Pallet::propose`]): a sphere, a kind (the current state of things, or a strategic plan), a
//! title, the hash of its text and the number of options. The unit's moderator
//! ([`Config::ModeratorOrigin`]: the runtime's choice, a local council or an organisation by
//! contract) admits it ([`Pallet::admit`]) or rejects it ([`Pallet::reject`]). An admitted
//! consultation takes **sealed answers** ([`Pallet::answer`]) until it closes, from profiles
//! active in its period whose constituency lies within its unit. An answer is one ElGamal
//! ciphertext per option under the trustees' current key (`pallet-veche-trustees`), with proofs
//! that it chooses exactly one option ([`veche_seal`]); the chain adds it into a running
//! ciphertext per option and never decrypts an answer. A profile may change its answer until
//! the close (the change replaces the old ciphertexts in the running sums); its own answer it
//! reads back with its secret. After the close the trustees publish partial decryptions of the
//! running sums with proofs ([`Pallet::decrypt`]); once a threshold of them is in, anyone
//! publishes the counts ([`Pallet::publish_result`]), which the chain checks against the
//! combined decryption. So **nobody can read the running result before the close** (unless a
//! threshold of trustees collude), and everyone can after it.
//!
//! **Ideas.** Profiles post ideas for a unit and sphere ([`Pallet::post_idea`]); residents —
//! profiles active in the idea's period within its unit, so one rating per person — grade them
//! 1–5 ([`Pallet::rate_idea`]), a new grade replacing the old; the best rise in each unit and
//! sphere's board ([`TopIdeas`]). The moderator turns an idea into a consultation
//! ([`Pallet::consult_on_idea`]) or links it to a bill of the registry of acts
//! ([`Pallet::bill_from_idea`]).
//!
//! **Statuses.** Computed when read ([`Pallet::status`], [`Pallet::sphere_status`]) over the
//! last [`Config::StatusWindow`] periods the profile was active in, from counters kept per unit,
//! period and sphere (consultations admitted) and per profile, period and sphere (answered,
//! changed, shown to agree, proposals and ideas):
//!
//! - **registered resident**: a profile active this period;
//! - **responsible resident**: answered more than 50 % of the consultations of their units;
//! - **local expert**: more than 75 % answered and never changed, and a proposal or idea in
//!   every month;
//! - **opinion leader**: more than 90 % answered and never changed, a proposal or idea every
//!   month, and more than half of those answers shown to agree with the final majority.
//!
//! A profile shows that its answer agreed with the winning option by opening that option's
//! ciphertext ([`Pallet::claim_agreement`]). **Expert clubs**: a profile with local expert status
//! in a sphere joins that sphere's club ([`Pallet::join_club`]); anyone removes a member whose
//! status lapsed ([`Pallet::expel`]).
//!
//! ## What the chain reveals about a profile
//!
//! Its key, display name, the constituency of each period it was active in (the ring its proof
//! came from), which consultations it answered and when, how often it changed each answer (not
//! what it answered), the option it chose where it claimed agreement with the majority, its
//! proposals, ideas and grades of ideas, and its clubs. Not its person's ring key, dedupe tag,
//! registrar, account or ballots. An opening or renewal is visible with its block: a profile
//! opened right after a registration batch narrows its person to that batch's cohort.
//!
//! ## Implementation notes
//!
//! - **Clock.** Periods and windows are this chain's blocks ([`Config::BlockNumberProvider`]).
//! - **Feeless, authorized.** Profile calls are general transactions without a signer, authorized
//!   by the profile key's signature over the call, the genesis hash and the profile's nonce
//!   ([`Pallet::profile_message`]); opening and renewal by a ring-VRF proof. Every check runs
//!   when authorizing, so an invalid call never enters a block; a profile makes at most
//!   [`Config::MaxCallsPerPeriod`] calls a period.
//! - **No hooks.** Consultations close by the clock; counting is a call; statuses are computed
//!   when read, with at most `StatusWindow × (1 + MAX_TREE_DEPTH + 1)` reads.

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
pub mod fixtures;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{EnsureOriginWithArg, Get},
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{
	ActId, Alias, BillRegistry, Context, DocumentHash, JurisdictionId, JurisdictionInspect,
	PersonhoodVerifier, PolicySphere, ProofError, RingRef, RingSet, Roll, RollUsage, SealingKeys,
};
use sp_runtime::{
	traits::{BlockNumberProvider, UniqueSaturatedInto, Zero},
	transaction_validity::{TransactionSource, TransactionValidityWithRefund, ValidTransaction},
	ArithmeticError,
};
use veche_seal::{Ciphertext, Dleq, PointBytes, ScalarBytes};

/// A profile as stored.
pub type ProfileOf<T> = Profile<<T as Config>::MaxName>;
/// A consultation as stored.
pub type ConsultationOf<T> =
	Consultation<BlockNumberFor<T>, <T as Config>::MaxTitle, <T as Config>::MaxOptions>;
/// An idea as stored.
pub type IdeaOf<T> = Idea<<T as Config>::MaxTitle>;
/// A sealed choice as a call carries it.
pub type SealedOf<T> = Sealed<<T as Config>::MaxOptions>;

/// How far ahead of a profile's stored nonce the pool keeps its calls.
const MAX_NONCE_AHEAD: u32 = 16;

/// The tags that name each profile call in its signed message (its call index).
pub mod tags {
	/// `set_name`.
	pub const SET_NAME: u8 = 2;
	/// `propose`.
	pub const PROPOSE: u8 = 3;
	/// `answer`.
	pub const ANSWER: u8 = 6;
	/// `claim_agreement`.
	pub const CLAIM: u8 = 9;
	/// `post_idea`.
	pub const POST_IDEA: u8 = 10;
	/// `rate_idea`.
	pub const RATE_IDEA: u8 = 11;
	/// `join_club`.
	pub const JOIN_CLUB: u8 = 14;
	/// `leave_club`.
	pub const LEAVE_CLUB: u8 = 15;
	/// `renew_profile` (signed over the period instead of a nonce).
	pub const RENEW: u8 = 1;
}

/// The consultations pallet: civic profiles renewed each period, consultations of a unit's
/// residents with answers sealed to the trustees' key and counted homomorphically, ideas graded
/// by residents, expert clubs and statuses earned by taking part.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The layout of this pallet's storage.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The pallet's clock: periods, and consultations' closes. The runtime passes `System`.
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// Checks ring-VRF proofs of personhood: `pallet-veche-personhood` in the runtime.
		type Personhood: PersonhoodVerifier;

		/// The jurisdiction tree: which units a profile lives in.
		type Jurisdictions: JurisdictionInspect;

		/// The trustees' threshold keys answers are sealed to.
		type Keys: SealingKeys<Self::AccountId>;

		/// The registry of acts: bills ideas are linked to.
		type Bills: BillRegistry;

		/// The moderator of a unit's consultations and ideas: admits and rejects consultations,
		/// turns ideas into consultations or bills.
		type ModeratorOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, JurisdictionId>;

		/// A period in blocks (a month): profiles renew once a period, statuses count periods.
		#[pallet::constant]
		type Period: Get<BlockNumberFor<Self>>;

		/// How many periods statuses look back over, the current one included.
		#[pallet::constant]
		type StatusWindow: Get<u32>;

		/// The most options a consultation has (at most 16).
		#[pallet::constant]
		type MaxOptions: Get<u32>;

		/// The longest title of a consultation or idea, in bytes.
		#[pallet::constant]
		type MaxTitle: Get<u32>;

		/// The longest display name, in bytes.
		#[pallet::constant]
		type MaxName: Get<u32>;

		/// The shortest a consultation is open, in blocks.
		#[pallet::constant]
		type MinDuration: Get<BlockNumberFor<Self>>;

		/// The longest a consultation is open, in blocks.
		#[pallet::constant]
		type MaxDuration: Get<BlockNumberFor<Self>>;

		/// How many times an answer may change.
		#[pallet::constant]
		type MaxChanges: Get<u16>;

		/// How many calls a profile makes in a period (they are feeless).
		#[pallet::constant]
		type MaxCallsPerPeriod: Get<u32>;

		/// The most trustees a key has (the trustees pallet's bound): bounds the cost of
		/// combining partial decryptions.
		#[pallet::constant]
		type MaxTrustees: Get<u32>;

		/// How many ideas each unit and sphere's board holds.
		#[pallet::constant]
		type MaxTopIdeas: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up rings and proofs for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// The id the next profile gets.
	#[pallet::storage]
	pub type NextProfileId<T> = StorageValue<_, ProfileId, ValueQuery>;

	/// Every profile, by id.
	// Twox64Concat: ids are sequential, chosen by the chain.
	#[pallet::storage]
	pub type Profiles<T: Config> = StorageMap<_, Twox64Concat, ProfileId, ProfileOf<T>>;

	/// The profile of each profile key: a key serves one profile.
	// Blake2_128Concat: keys are chosen by their holders.
	#[pallet::storage]
	pub type ProfileOfKey<T> = StorageMap<_, Blake2_128Concat, ProfileKey, ProfileId>;

	/// The roll each period's proofs are checked against, frozen at its first opening or
	/// renewal.
	// Twox64Concat: periods are the clock's.
	#[pallet::storage]
	pub type PeriodRolls<T> = StorageMap<_, Twox64Concat, PeriodIndex, Roll>;

	/// The latest period whose roll is frozen, and that roll: held in [`LiveRolls`] until the
	/// next period's roll is frozen.
	#[pallet::storage]
	pub type LastRoll<T> = StorageValue<_, (PeriodIndex, Roll)>;

	/// How many periods hold each roll point (one at most), by the point in big-endian bytes
	/// (personhood keeps these rolls' ring revisions).
	// Identity: big-endian keys iterate in the roll clock's order, as ballots' `LiveRolls`.
	#[pallet::storage]
	pub type LiveRolls<T> = StorageMap<_, Identity, [u8; 4], u32>;

	/// Which profile each alias opened or renewed in a period: one per person per period.
	// Twox64Concat for the clock's period; Blake2_128Concat for aliases, which provers choose
	// (a VRF output, but hashed all the same).
	#[pallet::storage]
	pub type PeriodAliases<T> =
		StorageDoubleMap<_, Twox64Concat, PeriodIndex, Blake2_128Concat, Alias, ProfileId>;

	/// The periods each profile was active in, with its constituency then.
	// Twox64Concat: the chain's ids and periods.
	#[pallet::storage]
	pub type Memberships<T> =
		StorageDoubleMap<_, Twox64Concat, ProfileId, Twox64Concat, PeriodIndex, JurisdictionId>;

	/// The id the next consultation gets.
	#[pallet::storage]
	pub type NextConsultationId<T> = StorageValue<_, ConsultationId, ValueQuery>;

	/// Every consultation, by id.
	// Twox64Concat: sequential ids.
	#[pallet::storage]
	pub type Consultations<T: Config> =
		StorageMap<_, Twox64Concat, ConsultationId, ConsultationOf<T>>;

	/// The running sums of an open consultation's answers, one ciphertext per option.
	// Twox64Concat: sequential ids.
	#[pallet::storage]
	pub type Running<T: Config> =
		StorageMap<_, Twox64Concat, ConsultationId, BoundedVec<Ciphertext, T::MaxOptions>>;

	/// Each profile's answer to each consultation.
	// Twox64Concat: the chain's ids.
	#[pallet::storage]
	pub type Answers<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ConsultationId,
		Twox64Concat,
		ProfileId,
		Answer<T::MaxOptions>,
	>;

	/// The trustees' partial decryptions of a closed consultation's running sums, by trustee
	/// index, until the result is published.
	// Twox64Concat: the chain's ids, indices bounded by the key's trustees.
	#[pallet::storage]
	pub type Partials<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ConsultationId,
		Twox64Concat,
		u16,
		BoundedVec<PointBytes, T::MaxOptions>,
	>;

	/// The id the next idea gets.
	#[pallet::storage]
	pub type NextIdeaId<T> = StorageValue<_, IdeaId, ValueQuery>;

	/// Every idea, by id.
	// Twox64Concat: sequential ids.
	#[pallet::storage]
	pub type Ideas<T: Config> = StorageMap<_, Twox64Concat, IdeaId, IdeaOf<T>>;

	/// Each profile's grade (1–5) of each idea.
	// Twox64Concat: the chain's ids.
	#[pallet::storage]
	pub type IdeaGrades<T> = StorageDoubleMap<_, Twox64Concat, IdeaId, Twox64Concat, ProfileId, u8>;

	/// The best ideas of each unit and sphere, best first: `(idea, score)`.
	// Twox64Concat: units are governance's ids, the sphere a small index.
	#[pallet::storage]
	pub type TopIdeas<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		JurisdictionId,
		Twox64Concat,
		Scope,
		BoundedVec<(IdeaId, u32), T::MaxTopIdeas>,
	>;

	/// How many consultations of each unit were admitted in each period, per sphere and over
	/// all ([`ALL_SPHERES`]).
	// Twox64Concat: governance's ids, the clock's periods, a small index.
	#[pallet::storage]
	pub type UnitCounts<T> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, JurisdictionId>,
			NMapKey<Twox64Concat, PeriodIndex>,
			NMapKey<Twox64Concat, Scope>,
		),
		u32,
		ValueQuery,
	>;

	/// Each profile's activity per period and sphere (and over all, [`ALL_SPHERES`]): answers
	/// count in their consultation's period, proposals and ideas in the period they were made.
	// Twox64Concat: the chain's ids, the clock's periods, a small index.
	#[pallet::storage]
	pub type Activities<T> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, ProfileId>,
			NMapKey<Twox64Concat, PeriodIndex>,
			NMapKey<Twox64Concat, Scope>,
		),
		Activity,
		ValueQuery,
	>;

	/// The expert clubs: members of each sphere's club, with the period they joined.
	// Twox64Concat: a small index and the chain's ids.
	#[pallet::storage]
	pub type Clubs<T> =
		StorageDoubleMap<_, Twox64Concat, Scope, Twox64Concat, ProfileId, PeriodIndex>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A period's roll was frozen: its proofs are checked against it.
		PeriodRollFrozen {
			/// The period.
			period: PeriodIndex,
			/// The roll.
			roll: Roll,
		},
		/// A profile was opened.
		ProfileOpened {
			/// The new profile.
			profile: ProfileId,
			/// Its key.
			key: ProfileKey,
			/// Its display name.
			name: Vec<u8>,
			/// The period.
			period: PeriodIndex,
			/// Its alias in the period's context.
			alias: Alias,
			/// Its constituency.
			constituency: JurisdictionId,
		},
		/// A profile was renewed for a period.
		ProfileRenewed {
			/// The profile.
			profile: ProfileId,
			/// The period.
			period: PeriodIndex,
			/// Its alias in the period's context.
			alias: Alias,
			/// Its constituency.
			constituency: JurisdictionId,
		},
		/// A profile's display name changed.
		NameSet {
			/// The profile.
			profile: ProfileId,
			/// The new name.
			name: Vec<u8>,
		},
		/// A profile proposed a consultation.
		ConsultationProposed {
			/// The consultation.
			consultation: ConsultationId,
			/// The proposer.
			proposer: ProfileId,
			/// The unit consulted.
			unit: JurisdictionId,
			/// The sphere.
			sphere: PolicySphere,
			/// What it asks about.
			kind: ConsultationKind,
			/// Its title.
			title: Vec<u8>,
			/// The hash of its text.
			content: DocumentHash,
			/// How many options.
			options: u8,
			/// The idea it came from.
			idea: Option<IdeaId>,
			/// The period of the proposal.
			period: PeriodIndex,
		},
		/// The moderator admitted a consultation: it takes answers until `closes`.
		ConsultationAdmitted {
			/// The consultation.
			consultation: ConsultationId,
			/// The trustees' key answers are sealed to.
			key: KeyId,
			/// The period it belongs to.
			period: PeriodIndex,
			/// Answers close before this block.
			closes: BlockNumberFor<T>,
		},
		/// The moderator rejected a consultation.
		ConsultationRejected {
			/// The consultation.
			consultation: ConsultationId,
			/// The reasons' hash.
			reason: DocumentHash,
		},
		/// A profile answered (or changed its answer to) a consultation.
		Answered {
			/// The consultation.
			consultation: ConsultationId,
			/// The profile.
			profile: ProfileId,
			/// 0 for a first answer, then one more per change.
			revision: u16,
			/// The sealed choice.
			ciphertexts: Vec<Ciphertext>,
		},
		/// A trustee published its partial decryption of a closed consultation.
		PartiallyDecrypted {
			/// The consultation.
			consultation: ConsultationId,
			/// The trustee's index.
			trustee: u16,
			/// One share per option.
			shares: Vec<PointBytes>,
		},
		/// A consultation's result was published and checked.
		ResultPublished {
			/// The consultation.
			consultation: ConsultationId,
			/// Answers per option.
			counts: Vec<u32>,
			/// The option with strictly the most answers.
			winner: Option<u8>,
			/// The trustees whose partial decryptions were combined.
			trustees: Vec<u16>,
		},
		/// A profile showed that its answer chose the winning option.
		AgreementShown {
			/// The consultation.
			consultation: ConsultationId,
			/// The profile.
			profile: ProfileId,
			/// The opening of the winning option's ciphertext.
			opening: ScalarBytes,
		},
		/// A profile posted an idea.
		IdeaPosted {
			/// The idea.
			idea: IdeaId,
			/// The author.
			author: ProfileId,
			/// The unit.
			unit: JurisdictionId,
			/// The sphere.
			sphere: PolicySphere,
			/// Its title.
			title: Vec<u8>,
			/// The hash of its text.
			content: DocumentHash,
			/// The period.
			period: PeriodIndex,
		},
		/// A profile graded an idea (replacing its earlier grade, if any).
		IdeaRated {
			/// The idea.
			idea: IdeaId,
			/// The profile.
			profile: ProfileId,
			/// The grade, 1–5.
			grade: u8,
			/// The idea's ratings now.
			ratings: u32,
			/// The sum of its grades now.
			total: u32,
		},
		/// The moderator put an idea to a consultation.
		IdeaConsulted {
			/// The idea.
			idea: IdeaId,
			/// The consultation.
			consultation: ConsultationId,
		},
		/// The moderator linked an idea to a bill of the registry.
		IdeaTabled {
			/// The idea.
			idea: IdeaId,
			/// The bill.
			act: ActId,
		},
		/// A profile joined a sphere's expert club.
		ClubJoined {
			/// The sphere.
			sphere: PolicySphere,
			/// The profile.
			profile: ProfileId,
		},
		/// A profile left a sphere's expert club (or was removed when its status lapsed).
		ClubLeft {
			/// The sphere.
			sphere: PolicySphere,
			/// The profile.
			profile: ProfileId,
			/// Whether it was removed.
			expelled: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No profile has this id.
		ProfileNotFound,
		/// The profile is not active this period: renew it first.
		NotActive,
		/// The profile was already renewed this period.
		AlreadyActive,
		/// This alias already opened or renewed a profile this period: one person, one active
		/// profile.
		AliasUsed,
		/// The profile key already serves a profile: derive a key of your own.
		KeyInUse,
		/// Profiles are proven with a constituency ring, not a credential ring.
		NotAConstituencyRing,
		/// The proof bytes do not decode as a ring-VRF proof.
		MalformedProof,
		/// No ring exists at this set and index, or it has no members yet.
		RingNotFound,
		/// The ring revision is not in this period's roll: prove against the period's roll.
		NotInRoll,
		/// The ring holds fewer keys than the anonymity floor.
		RingTooSmall,
		/// The proof does not verify for this ring, period and message.
		InvalidProof,
		/// The profile key's signature does not verify for this call.
		BadSignature,
		/// The nonce is not the profile's next one (or too far ahead of it).
		BadNonce,
		/// The profile made its calls for this period.
		TooManyCalls,
		/// The profile does not live in the unit (its constituency is not within it), or was
		/// not active in the consultation's or idea's period.
		NotEligible,
		/// No such unit.
		UnitNotFound,
		/// A title must not be empty.
		EmptyTitle,
		/// A consultation has from 2 to `MaxOptions` options.
		BadOptionCount,
		/// No consultation has this id.
		ConsultationNotFound,
		/// The consultation is not awaiting the moderator.
		NotProposed,
		/// A consultation is open between `MinDuration` and `MaxDuration` blocks.
		BadDuration,
		/// No trustees' key is ready: nothing can be sealed.
		NoKey,
		/// The consultation is not open for answers (not admitted, closed, or counted).
		NotOpen,
		/// The sealed choice does not have one ciphertext and proof per option.
		WrongOptionCount,
		/// The sealed choice's proofs do not verify (under the consultation's key, for this
		/// profile and revision).
		BadSealedAnswer,
		/// The answer changed `MaxChanges` times already.
		TooManyChanges,
		/// The consultation is still open: decryption comes after the close.
		StillOpen,
		/// The consultation's result is already published.
		AlreadyCounted,
		/// The caller is not a trustee of the consultation's key.
		NotATrustee,
		/// This trustee already published its partial decryption.
		AlreadyDecrypted,
		/// A partial decryption's proof does not verify against the trustee's verification key.
		BadPartial,
		/// Fewer trustees than the key's threshold have published partial decryptions.
		NotEnoughPartials,
		/// The counts do not match the decryption of the running sums.
		WrongCounts,
		/// The consultation's result is not published, or no option won outright.
		NoWinner,
		/// The profile did not answer the consultation.
		NotAnswered,
		/// The profile already showed its agreement.
		AlreadyAgreed,
		/// The opening does not show that the answer chose the winning option.
		BadOpening,
		/// No idea has this id.
		IdeaNotFound,
		/// The idea was already consulted on or tabled.
		IdeaClosed,
		/// A grade is from 1 to 5.
		BadGrade,
		/// The act is not an open bill of the idea's unit.
		NotABill,
		/// The profile does not hold local expert status in the sphere.
		NotAnExpert,
		/// The profile is already in the club.
		AlreadyInClub,
		/// The profile is not in the club.
		NotInClub,
		/// The member still holds the status: it stays.
		StillAnExpert,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::Period::get().is_zero(), "a period lasts at least a block");
			assert!(T::StatusWindow::get() >= 1, "a status window holds at least a period");
			let max = T::MaxOptions::get();
			assert!(
				(2..=veche_seal::MAX_OPTIONS as u32).contains(&max),
				"MaxOptions must be 2..=16"
			);
			assert!(T::MinDuration::get() <= T::MaxDuration::get(), "durations out of order");
			assert!(T::MaxTopIdeas::get() >= 1, "a board holds at least one idea");
			assert!(T::MaxTrustees::get() >= 1, "a key has at least one trustee");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Opens a civic profile.
		///
		/// - Origin: authorized (no signer, no fee), by a ring-VRF proof of membership of the
		///   person's constituency ring (a revision in the period's roll) in the period's context
		///   ([`Pallet::period_context`]) over [`open_message`].
		/// - `key`: the profile key (sr25519) that will sign the profile's calls; `name`: an
		///   optional display name.
		///
		/// Emits [`Event::ProfileOpened`] (and [`Event::PeriodRollFrozen`] for the period's
		/// first). Errors: [`Error::NotAConstituencyRing`], [`Error::AliasUsed`], and the proof's
		/// ([`Error::MalformedProof`], [`Error::RingNotFound`], [`Error::NotInRoll`],
		/// [`Error::RingTooSmall`], [`Error::InvalidProof`]).
		#[pallet::call_index(0)]
		#[pallet::authorize(|_source, ring, proof, key, name| {
			Pallet::<T>::authorize_open(ring, proof, key, name)
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_open())]
		pub fn open_profile(
			origin: OriginFor<T>,
			ring: RingRef,
			proof: Proof,
			key: ProfileKey,
			name: BoundedVec<u8, T::MaxName>,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let (period, roll, alias, constituency) = Self::check_proof(&ring, &proof)?;
			ensure!(!ProfileOfKey::<T>::contains_key(key), Error::<T>::KeyInUse);
			let profile = NextProfileId::<T>::get();
			let next = profile.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Self::freeze_roll(period, roll);
			NextProfileId::<T>::put(next);
			Profiles::<T>::insert(
				profile,
				Profile {
					key,
					name: name.clone(),
					opened: period,
					active: period,
					constituency,
					nonce: 0,
					calls: 0,
				},
			);
			PeriodAliases::<T>::insert(period, alias, profile);
			Memberships::<T>::insert(profile, period, constituency);
			ProfileOfKey::<T>::insert(key, profile);
			Self::deposit_event(Event::ProfileOpened {
				profile,
				key,
				name: name.into_inner(),
				period,
				alias,
				constituency,
			});
			Ok(Pays::No.into())
		}

		/// Renews a profile for the current period.
		///
		/// - Origin: authorized (no signer, no fee), by a ring-VRF proof in the period's context
		///   over [`renew_message`] and the profile key's signature of
		///   [`Pallet::renew_signed`].
		///
		/// The constituency may change (the person moved). Emits [`Event::ProfileRenewed`] (and
		/// [`Event::PeriodRollFrozen`]). Errors: [`Error::ProfileNotFound`],
		/// [`Error::AlreadyActive`], [`Error::BadSignature`], [`Error::AliasUsed`],
		/// [`Error::NotAConstituencyRing`], and the proof's.
		#[pallet::call_index(1)]
		#[pallet::authorize(|_source, profile, ring, proof, signature| {
			Pallet::<T>::authorize_renew(*profile, ring, proof, signature)
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_renew())]
		pub fn renew_profile(
			origin: OriginFor<T>,
			profile: ProfileId,
			ring: RingRef,
			proof: Proof,
			signature: ProfileSignature,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let _ = signature;
			let mut record = Self::check_renew(profile)?;
			let (period, roll, alias, constituency) = Self::check_proof(&ring, &proof)?;
			Self::freeze_roll(period, roll);
			record.active = period;
			record.constituency = constituency;
			record.calls = 0;
			Profiles::<T>::insert(profile, record);
			PeriodAliases::<T>::insert(period, alias, profile);
			Memberships::<T>::insert(profile, period, constituency);
			Self::deposit_event(Event::ProfileRenewed { profile, period, alias, constituency });
			Ok(Pays::No.into())
		}

		/// Sets the profile's display name (empty: none).
		///
		/// - Origin: authorized by the profile ([`ProfileAuth`]).
		///
		/// Emits [`Event::NameSet`]. Errors: the profile's ([`Error::ProfileNotFound`],
		/// [`Error::NotActive`], [`Error::BadNonce`], [`Error::BadSignature`],
		/// [`Error::TooManyCalls`]).
		#[pallet::call_index(2)]
		#[pallet::authorize(|source, auth, name| {
			Pallet::<T>::authorize_profile(source, auth, tags::SET_NAME, &name.encode(), |_| Ok(()))
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_profile())]
		pub fn set_name(
			origin: OriginFor<T>,
			auth: ProfileAuth,
			name: BoundedVec<u8, T::MaxName>,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let mut record = Self::use_nonce(&auth)?;
			record.name = name.clone();
			Profiles::<T>::insert(auth.profile, record);
			Self::deposit_event(Event::NameSet { profile: auth.profile, name: name.into_inner() });
			Ok(Pays::No.into())
		}

		/// Proposes a consultation of a unit the profile lives in.
		///
		/// - Origin: authorized by the profile.
		///
		/// Counts as the profile's proposal of the period. Emits
		/// [`Event::ConsultationProposed`]. Errors: [`Error::UnitNotFound`],
		/// [`Error::NotEligible`], [`Error::EmptyTitle`], [`Error::BadOptionCount`], and the
		/// profile's.
		#[pallet::call_index(3)]
		#[pallet::authorize(|source, auth, unit, sphere, kind, title, content, options| {
			let payload = (unit, sphere, kind, title, content, options).encode();
			Pallet::<T>::authorize_profile(source, auth, tags::PROPOSE, &payload, |p| {
				Pallet::<T>::check_proposal(p, *unit, title, *options)
			})
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_profile())]
		pub fn propose(
			origin: OriginFor<T>,
			auth: ProfileAuth,
			unit: JurisdictionId,
			sphere: PolicySphere,
			kind: ConsultationKind,
			title: BoundedVec<u8, T::MaxTitle>,
			content: DocumentHash,
			options: u8,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let record = Self::use_nonce(&auth)?;
			Self::check_proposal(&record, unit, &title, options)?;
			Profiles::<T>::insert(auth.profile, &record);
			let period = record.active;
			Self::create_consultation(
				auth.profile,
				unit,
				sphere,
				kind,
				title,
				content,
				options,
				None,
			)?;
			Self::count_proposal(auth.profile, period, sphere);
			Ok(Pays::No.into())
		}

		/// Admits a proposed consultation: it takes answers sealed to the trustees' current key
		/// for `duration` blocks, from profiles active this period within its unit.
		///
		/// - Origin: the unit's moderator.
		///
		/// Emits [`Event::ConsultationAdmitted`]. Errors: [`Error::ConsultationNotFound`],
		/// [`Error::NotProposed`], [`Error::BadDuration`], [`Error::NoKey`].
		#[pallet::call_index(4)]
		pub fn admit(
			origin: OriginFor<T>,
			consultation: ConsultationId,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let c =
				Consultations::<T>::get(consultation).ok_or(Error::<T>::ConsultationNotFound)?;
			T::ModeratorOrigin::ensure_origin(origin, &c.unit)?;
			Self::do_admit(consultation, c, duration)
		}

		/// Rejects a proposed consultation.
		///
		/// - Origin: the unit's moderator.
		///
		/// Emits [`Event::ConsultationRejected`]. Errors: [`Error::ConsultationNotFound`],
		/// [`Error::NotProposed`].
		#[pallet::call_index(5)]
		pub fn reject(
			origin: OriginFor<T>,
			consultation: ConsultationId,
			reason: DocumentHash,
		) -> DispatchResult {
			let mut c =
				Consultations::<T>::get(consultation).ok_or(Error::<T>::ConsultationNotFound)?;
			T::ModeratorOrigin::ensure_origin(origin, &c.unit)?;
			ensure!(c.stage == Stage::Proposed, Error::<T>::NotProposed);
			c.stage = Stage::Rejected { reason };
			Consultations::<T>::insert(consultation, c);
			Self::deposit_event(Event::ConsultationRejected { consultation, reason });
			Ok(())
		}

		/// Answers a consultation, or changes the profile's answer.
		///
		/// - Origin: authorized by the profile.
		/// - `sealed`: the choice sealed to the consultation's key, its proofs bound to
		///   [`Pallet::answer_binding`] of this consultation, profile and revision (0 for a first
		///   answer, one more than the last for a change).
		///
		/// Emits [`Event::Answered`]. Errors: [`Error::ConsultationNotFound`],
		/// [`Error::NotOpen`], [`Error::NotEligible`], [`Error::WrongOptionCount`],
		/// [`Error::TooManyChanges`], [`Error::BadSealedAnswer`], and the profile's.
		#[pallet::call_index(6)]
		#[pallet::authorize(|source, auth, consultation, sealed| {
			let payload = (consultation, sealed).encode();
			let options = sealed.ciphertexts.len() as u32;
			let refund = <T as Config>::WeightInfo::authorize_answer(T::MaxOptions::get())
				.saturating_sub(<T as Config>::WeightInfo::authorize_answer(options));
			Pallet::<T>::authorize_profile(source, auth, tags::ANSWER, &payload, |_| {
				Pallet::<T>::check_answer(auth.profile, *consultation, sealed, true).map(|_| ())
			})
			.map(|(validity, _)| (validity, refund))
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_answer(T::MaxOptions::get()))]
		#[pallet::weight(<T as Config>::WeightInfo::answer(T::MaxOptions::get()))]
		pub fn answer(
			origin: OriginFor<T>,
			auth: ProfileAuth,
			consultation: ConsultationId,
			sealed: SealedOf<T>,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let record = Self::use_nonce(&auth)?;
			let (mut c, old) = Self::check_answer(auth.profile, consultation, &sealed, false)?;
			Profiles::<T>::insert(auth.profile, record);
			let mut running = Running::<T>::get(consultation).unwrap_or_default();
			veche_seal::replace_in(
				running.as_mut(),
				&sealed.ciphertexts,
				old.as_ref().map(|a| &a.ciphertexts[..]),
			)
			.map_err(|e| match e {
				veche_seal::SealError::LengthMismatch => Error::<T>::WrongOptionCount,
				_ => Error::<T>::BadSealedAnswer,
			})?;
			Running::<T>::insert(consultation, running);
			let revision = match &old {
				None => 0,
				Some(a) => a.revision.checked_add(1).ok_or(ArithmeticError::Overflow)?,
			};
			let scopes = [ALL_SPHERES, scope_of(c.sphere)];
			if old.is_none() {
				c.answers = c.answers.checked_add(1).ok_or(ArithmeticError::Overflow)?;
				Consultations::<T>::insert(consultation, &c);
				for scope in scopes {
					Activities::<T>::mutate((auth.profile, c.period, scope), |a| {
						a.answered = a.answered.saturating_add(1)
					});
				}
			} else if revision == 1 {
				for scope in scopes {
					Activities::<T>::mutate((auth.profile, c.period, scope), |a| {
						a.changed = a.changed.saturating_add(1)
					});
				}
			}
			Answers::<T>::insert(
				consultation,
				auth.profile,
				Answer { revision, ciphertexts: sealed.ciphertexts.clone(), agreed: false },
			);
			Self::deposit_event(Event::Answered {
				consultation,
				profile: auth.profile,
				revision,
				ciphertexts: sealed.ciphertexts.into_inner(),
			});
			let options = c.options.into();
			Ok((Some(<T as Config>::WeightInfo::answer(options)), Pays::No).into())
		}

		/// Publishes a trustee's partial decryption of a closed consultation's running sums.
		///
		/// - Origin: signed, by a trustee of the consultation's key.
		/// - `shares`: for each option, `s_j·A` of its running sum with the proof that it used
		///   the trustee's share (bound to [`Pallet::decryption_context`]).
		///
		/// Emits [`Event::PartiallyDecrypted`]. Errors: [`Error::ConsultationNotFound`],
		/// [`Error::NotOpen`], [`Error::StillOpen`], [`Error::NotATrustee`],
		/// [`Error::AlreadyDecrypted`], [`Error::WrongOptionCount`], [`Error::BadPartial`].
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::decrypt(T::MaxOptions::get()))]
		pub fn decrypt(
			origin: OriginFor<T>,
			consultation: ConsultationId,
			shares: BoundedVec<(PointBytes, Dleq), T::MaxOptions>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let c =
				Consultations::<T>::get(consultation).ok_or(Error::<T>::ConsultationNotFound)?;
			let (key, closes) = match c.stage {
				Stage::Open { key, closes } => (key, closes),
				Stage::Counted { .. } => return Err(Error::<T>::AlreadyCounted.into()),
				_ => return Err(Error::<T>::NotOpen.into()),
			};
			ensure!(Self::now() >= closes, Error::<T>::StillOpen);
			let index = T::Keys::trustee_index(key, &who).ok_or(Error::<T>::NotATrustee)?;
			ensure!(
				!Partials::<T>::contains_key(consultation, index),
				Error::<T>::AlreadyDecrypted
			);
			ensure!(shares.len() == usize::from(c.options), Error::<T>::WrongOptionCount);
			let y = T::Keys::verification_key(key, index)
				.and_then(|y| veche_seal::decode_key(&y).ok())
				.ok_or(Error::<T>::NotATrustee)?;
			let running = Running::<T>::get(consultation).unwrap_or_default();
			let context = Self::decryption_context(consultation);
			let mut stored = BoundedVec::<PointBytes, T::MaxOptions>::new();
			for ((d, proof), sum) in shares.iter().zip(running.iter()) {
				let _checked = veche_seal::verify_partial(&y, &sum.a, d, &context, index, proof)
					.map_err(|_| Error::<T>::BadPartial)?;
				stored.try_push(*d).map_err(|_| Error::<T>::WrongOptionCount)?;
			}
			Partials::<T>::insert(consultation, index, &stored);
			Self::deposit_event(Event::PartiallyDecrypted {
				consultation,
				trustee: index,
				shares: stored.into_inner(),
			});
			Ok(Some(<T as Config>::WeightInfo::decrypt(c.options.into())).into())
		}

		/// Publishes a closed consultation's counts, checked against the combined partial
		/// decryptions of the first `threshold` trustees (by index) that published one.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::ResultPublished`]. Errors: [`Error::ConsultationNotFound`],
		/// [`Error::NotOpen`], [`Error::AlreadyCounted`], [`Error::StillOpen`],
		/// [`Error::WrongOptionCount`], [`Error::NotEnoughPartials`], [`Error::WrongCounts`].
		#[pallet::call_index(8)]
		#[pallet::weight(<T as Config>::WeightInfo::publish_result(
			T::MaxOptions::get(),
			T::MaxTrustees::get(),
		))]
		pub fn publish_result(
			origin: OriginFor<T>,
			consultation: ConsultationId,
			counts: BoundedVec<u32, T::MaxOptions>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut c =
				Consultations::<T>::get(consultation).ok_or(Error::<T>::ConsultationNotFound)?;
			let (key, closes) = match c.stage {
				Stage::Open { key, closes } => (key, closes),
				Stage::Counted { .. } => return Err(Error::<T>::AlreadyCounted.into()),
				_ => return Err(Error::<T>::NotOpen.into()),
			};
			ensure!(Self::now() >= closes, Error::<T>::StillOpen);
			ensure!(counts.len() == usize::from(c.options), Error::<T>::WrongOptionCount);
			let threshold = T::Keys::threshold(key).ok_or(Error::<T>::NotEnoughPartials)?;
			let mut partials: Vec<(u16, BoundedVec<PointBytes, T::MaxOptions>)> =
				Partials::<T>::iter_prefix(consultation).collect();
			partials.sort_unstable_by_key(|(j, _)| *j);
			partials.truncate(usize::from(threshold));
			ensure!(partials.len() == usize::from(threshold), Error::<T>::NotEnoughPartials);
			let running = Running::<T>::get(consultation).unwrap_or_default();
			let total = counts.iter().try_fold(0u32, |acc, n| acc.checked_add(*n));
			ensure!(total == Some(c.answers), Error::<T>::WrongCounts);
			for (option, (sum, count)) in running.iter().zip(counts.iter()).enumerate() {
				let shares = partials
					.iter()
					.map(|(j, d)| {
						let d = d.get(option).ok_or(Error::<T>::WrongCounts)?;
						Ok((*j, veche_seal::decode_point(d).map_err(|_| Error::<T>::WrongCounts)?))
					})
					.collect::<Result<Vec<_>, Error<T>>>()?;
				let combined = veche_seal::combine(&shares, threshold)
					.map_err(|_| Error::<T>::NotEnoughPartials)?;
				let ok = veche_seal::check_count(&sum.b, &combined, u64::from(*count))
					.map_err(|_| Error::<T>::WrongCounts)?;
				ensure!(ok, Error::<T>::WrongCounts);
			}
			let winner = Self::winner(&counts);
			let c_options = u32::from(c.options);
			c.stage = Stage::Counted { key, closes, winner };
			c.counts = counts.clone();
			Consultations::<T>::insert(consultation, c);
			let _ = Partials::<T>::clear_prefix(consultation, u32::MAX, None);
			Self::deposit_event(Event::ResultPublished {
				consultation,
				counts: counts.into_inner(),
				winner,
				trustees: partials.iter().map(|(j, _)| *j).collect(),
			});
			Ok(Some(<T as Config>::WeightInfo::publish_result(c_options, u32::from(threshold)))
				.into())
		}

		/// Shows that the profile's answer chose the winning option: the opening of that
		/// option's ciphertext in its answer. Counts for the opinion leader status.
		///
		/// - Origin: authorized by the profile.
		///
		/// Emits [`Event::AgreementShown`]. Errors: [`Error::ConsultationNotFound`],
		/// [`Error::NoWinner`], [`Error::NotAnswered`], [`Error::AlreadyAgreed`],
		/// [`Error::BadOpening`], and the profile's.
		#[pallet::call_index(9)]
		#[pallet::authorize(|source, auth, consultation, opening| {
			let payload = (consultation, opening).encode();
			Pallet::<T>::authorize_profile(source, auth, tags::CLAIM, &payload, |_| {
				Pallet::<T>::check_claim(auth.profile, *consultation, opening).map(|_| ())
			})
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_claim())]
		pub fn claim_agreement(
			origin: OriginFor<T>,
			auth: ProfileAuth,
			consultation: ConsultationId,
			opening: ScalarBytes,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let record = Self::use_nonce(&auth)?;
			let (c, mut answer) = Self::check_claim(auth.profile, consultation, &opening)?;
			Profiles::<T>::insert(auth.profile, record);
			answer.agreed = true;
			Answers::<T>::insert(consultation, auth.profile, answer);
			for scope in [ALL_SPHERES, scope_of(c.sphere)] {
				Activities::<T>::mutate((auth.profile, c.period, scope), |a| {
					a.agreed = a.agreed.saturating_add(1)
				});
			}
			Self::deposit_event(Event::AgreementShown {
				consultation,
				profile: auth.profile,
				opening,
			});
			Ok(Pays::No.into())
		}

		/// Posts an idea for a unit the profile lives in.
		///
		/// - Origin: authorized by the profile.
		///
		/// Counts as the profile's proposal of the period. Emits [`Event::IdeaPosted`]. Errors:
		/// [`Error::UnitNotFound`], [`Error::NotEligible`], [`Error::EmptyTitle`], and the
		/// profile's.
		#[pallet::call_index(10)]
		#[pallet::authorize(|source, auth, unit, sphere, title, content| {
			let payload = (unit, sphere, title, content).encode();
			Pallet::<T>::authorize_profile(source, auth, tags::POST_IDEA, &payload, |p| {
				Pallet::<T>::check_resident(p, *unit, title)
			})
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_profile())]
		pub fn post_idea(
			origin: OriginFor<T>,
			auth: ProfileAuth,
			unit: JurisdictionId,
			sphere: PolicySphere,
			title: BoundedVec<u8, T::MaxTitle>,
			content: DocumentHash,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let record = Self::use_nonce(&auth)?;
			Self::check_resident(&record, unit, &title)?;
			Profiles::<T>::insert(auth.profile, &record);
			let idea = NextIdeaId::<T>::get();
			let next = idea.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let period = record.active;
			let entry = Idea {
				author: auth.profile,
				unit,
				sphere,
				title: title.clone(),
				content,
				period,
				ratings: 0,
				total: 0,
				stage: IdeaStage::Open,
			};
			Self::rank(idea, &entry);
			Ideas::<T>::insert(idea, entry);
			NextIdeaId::<T>::put(next);
			Self::count_proposal(auth.profile, period, sphere);
			Self::deposit_event(Event::IdeaPosted {
				idea,
				author: auth.profile,
				unit,
				sphere,
				title: title.into_inner(),
				content,
				period,
			});
			Ok(Pays::No.into())
		}

		/// Grades an idea 1–5 (replacing the profile's earlier grade of it).
		///
		/// - Origin: authorized by the profile, which was active in the idea's period within its
		///   unit (so one person grades an idea once).
		///
		/// Emits [`Event::IdeaRated`]. Errors: [`Error::IdeaNotFound`], [`Error::IdeaClosed`],
		/// [`Error::BadGrade`], [`Error::NotEligible`], and the profile's.
		#[pallet::call_index(11)]
		#[pallet::authorize(|source, auth, idea, grade| {
			let payload = (idea, grade).encode();
			Pallet::<T>::authorize_profile(source, auth, tags::RATE_IDEA, &payload, |_| {
				Pallet::<T>::check_rating(auth.profile, *idea, *grade).map(|_| ())
			})
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_profile())]
		pub fn rate_idea(
			origin: OriginFor<T>,
			auth: ProfileAuth,
			idea: IdeaId,
			grade: u8,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let record = Self::use_nonce(&auth)?;
			let mut entry = Self::check_rating(auth.profile, idea, grade)?;
			Profiles::<T>::insert(auth.profile, record);
			match IdeaGrades::<T>::get(idea, auth.profile) {
				Some(old) => {
					entry.total = entry.total.saturating_sub(old.into());
				},
				None => {
					entry.ratings =
						entry.ratings.checked_add(1).ok_or(ArithmeticError::Overflow)?;
				},
			}
			entry.total = entry.total.checked_add(grade.into()).ok_or(ArithmeticError::Overflow)?;
			IdeaGrades::<T>::insert(idea, auth.profile, grade);
			Self::rank(idea, &entry);
			let (ratings, total) = (entry.ratings, entry.total);
			Ideas::<T>::insert(idea, entry);
			Self::deposit_event(Event::IdeaRated {
				idea,
				profile: auth.profile,
				grade,
				ratings,
				total,
			});
			Ok(Pays::No.into())
		}

		/// Puts an idea to a consultation of its unit, admitted at once.
		///
		/// - Origin: the idea's unit's moderator.
		/// - `options`: the consultation's options (its text is the idea's); `duration`: how long
		///   it is open.
		///
		/// Emits [`Event::ConsultationProposed`], [`Event::ConsultationAdmitted`] and
		/// [`Event::IdeaConsulted`]. Errors: [`Error::IdeaNotFound`], [`Error::IdeaClosed`],
		/// [`Error::BadOptionCount`], [`Error::BadDuration`], [`Error::NoKey`].
		#[pallet::call_index(12)]
		pub fn consult_on_idea(
			origin: OriginFor<T>,
			idea: IdeaId,
			options: u8,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let mut entry = Ideas::<T>::get(idea).ok_or(Error::<T>::IdeaNotFound)?;
			T::ModeratorOrigin::ensure_origin(origin, &entry.unit)?;
			ensure!(entry.stage == IdeaStage::Open, Error::<T>::IdeaClosed);
			ensure!(
				options >= 2 && u32::from(options) <= T::MaxOptions::get(),
				Error::<T>::BadOptionCount
			);
			let consultation = Self::create_consultation(
				entry.author,
				entry.unit,
				entry.sphere,
				ConsultationKind::Plan,
				entry.title.clone(),
				entry.content,
				options,
				Some(idea),
			)?;
			let c =
				Consultations::<T>::get(consultation).ok_or(Error::<T>::ConsultationNotFound)?;
			Self::do_admit(consultation, c, duration)?;
			entry.stage = IdeaStage::Consulted(consultation);
			Self::unrank(idea, &entry);
			Ideas::<T>::insert(idea, entry);
			Self::deposit_event(Event::IdeaConsulted { idea, consultation });
			Ok(())
		}

		/// Links an idea to a bill of the registry of acts that carries it (tabled by an
		/// official of its unit).
		///
		/// - Origin: the idea's unit's moderator.
		///
		/// Emits [`Event::IdeaTabled`]. Errors: [`Error::IdeaNotFound`], [`Error::IdeaClosed`],
		/// [`Error::NotABill`].
		#[pallet::call_index(13)]
		pub fn bill_from_idea(origin: OriginFor<T>, idea: IdeaId, act: ActId) -> DispatchResult {
			let mut entry = Ideas::<T>::get(idea).ok_or(Error::<T>::IdeaNotFound)?;
			T::ModeratorOrigin::ensure_origin(origin, &entry.unit)?;
			ensure!(entry.stage == IdeaStage::Open, Error::<T>::IdeaClosed);
			let bill = T::Bills::open_bill(act).ok_or(Error::<T>::NotABill)?;
			ensure!(bill.unit == entry.unit, Error::<T>::NotABill);
			entry.stage = IdeaStage::Tabled(act);
			Self::unrank(idea, &entry);
			Ideas::<T>::insert(idea, entry);
			Self::deposit_event(Event::IdeaTabled { idea, act });
			Ok(())
		}

		/// Joins a sphere's expert club.
		///
		/// - Origin: authorized by the profile, which holds local expert status in the sphere.
		///
		/// Emits [`Event::ClubJoined`]. Errors: [`Error::AlreadyInClub`],
		/// [`Error::NotAnExpert`], and the profile's.
		#[pallet::call_index(14)]
		#[pallet::authorize(|source, auth, sphere| {
			Pallet::<T>::authorize_profile(source, auth, tags::JOIN_CLUB, &sphere.encode(), |_| {
				Pallet::<T>::check_join(auth.profile, *sphere)
			})
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_join())]
		pub fn join_club(
			origin: OriginFor<T>,
			auth: ProfileAuth,
			sphere: PolicySphere,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let record = Self::use_nonce(&auth)?;
			Self::check_join(auth.profile, sphere)?;
			let period = record.active;
			Profiles::<T>::insert(auth.profile, record);
			Clubs::<T>::insert(scope_of(sphere), auth.profile, period);
			Self::deposit_event(Event::ClubJoined { sphere, profile: auth.profile });
			Ok(Pays::No.into())
		}

		/// Leaves a sphere's expert club.
		///
		/// - Origin: authorized by the profile.
		///
		/// Emits [`Event::ClubLeft`]. Errors: [`Error::NotInClub`], and the profile's.
		#[pallet::call_index(15)]
		#[pallet::authorize(|source, auth, sphere| {
			Pallet::<T>::authorize_profile(source, auth, tags::LEAVE_CLUB, &sphere.encode(), |_| {
				ensure!(
					Clubs::<T>::contains_key(scope_of(*sphere), auth.profile),
					Error::<T>::NotInClub
				);
				Ok(())
			})
		})]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_profile())]
		pub fn leave_club(
			origin: OriginFor<T>,
			auth: ProfileAuth,
			sphere: PolicySphere,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let record = Self::use_nonce(&auth)?;
			ensure!(
				Clubs::<T>::contains_key(scope_of(sphere), auth.profile),
				Error::<T>::NotInClub
			);
			Profiles::<T>::insert(auth.profile, record);
			Clubs::<T>::remove(scope_of(sphere), auth.profile);
			Self::deposit_event(Event::ClubLeft { sphere, profile: auth.profile, expelled: false });
			Ok(Pays::No.into())
		}

		/// Removes from a sphere's club a member whose local expert status in it lapsed.
		///
		/// - Origin: signed (anyone).
		///
		/// Emits [`Event::ClubLeft`]. Errors: [`Error::NotInClub`], [`Error::StillAnExpert`].
		#[pallet::call_index(16)]
		pub fn expel(
			origin: OriginFor<T>,
			sphere: PolicySphere,
			profile: ProfileId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			ensure!(Clubs::<T>::contains_key(scope_of(sphere), profile), Error::<T>::NotInClub);
			ensure!(
				Self::sphere_status(profile, sphere).status < Status::LocalExpert,
				Error::<T>::StillAnExpert
			);
			Clubs::<T>::remove(scope_of(sphere), profile);
			Self::deposit_event(Event::ClubLeft { sphere, profile, expelled: true });
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A profile's status over all spheres, with the figures behind it.
		pub fn status(profile: ProfileId) -> StatusReport {
			Self::report(profile, ALL_SPHERES)
		}

		/// A profile's status in one sphere (what its expert club asks), with its figures.
		pub fn sphere_status(profile: ProfileId, sphere: PolicySphere) -> StatusReport {
			Self::report(profile, scope_of(sphere))
		}

		/// The current period, its roll if frozen (else the roll a proof made now would be
		/// checked against), and the context of its aliases.
		pub fn current_period() -> (PeriodIndex, Roll, Context) {
			let period = Self::period_now();
			let roll = PeriodRolls::<T>::get(period).unwrap_or_else(T::Personhood::current_roll);
			(period, roll, Self::period_context(period))
		}

		/// The profile a profile key serves.
		pub fn profile_of_key(key: ProfileKey) -> Option<ProfileId> {
			ProfileOfKey::<T>::get(key)
		}

		/// The best ideas of a unit in a sphere, best first, with their scores.
		pub fn top_ideas(unit: JurisdictionId, sphere: PolicySphere) -> Vec<(IdeaId, u32)> {
			TopIdeas::<T>::get(unit, scope_of(sphere))
				.map(|b| b.into_inner())
				.unwrap_or_default()
		}
	}
}

/// The key ids of the trustees' keys.
pub use pallet_veche_primitives::KeyId;

/// What an opening's ring proof signs: `("veche/profile-open", key, name)` SCALE-encoded.
pub fn open_message(key: &ProfileKey, name: &[u8]) -> Vec<u8> {
	(b"veche/profile-open", key, name).encode()
}

/// What a renewal's ring proof signs: `("veche/profile-renew", profile, key)` SCALE-encoded.
pub fn renew_message(profile: ProfileId, key: &ProfileKey) -> Vec<u8> {
	(b"veche/profile-renew", profile, key).encode()
}

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		T::BlockNumberProvider::current_block_number()
	}

	/// The period a block falls in.
	pub fn period_of(block: BlockNumberFor<T>) -> PeriodIndex {
		use sp_runtime::traits::CheckedDiv;
		block.checked_div(&T::Period::get()).map_or(0, |p| p.unique_saturated_into())
	}

	/// The current period.
	pub fn period_now() -> PeriodIndex {
		Self::period_of(Self::now())
	}

	/// The context profiles' aliases are drawn in during `period`.
	pub fn period_context(period: PeriodIndex) -> Context {
		sp_io::hashing::blake2_256(&(b"veche/profile", period).encode())
	}

	/// What the profile key signs to renew: the genesis hash, the profile and the period.
	pub fn renew_signed(profile: ProfileId, period: PeriodIndex) -> Vec<u8> {
		(b"veche/profile-call", Self::genesis(), profile, period, tags::RENEW).encode()
	}

	/// What the profile key signs for a call: the genesis hash, the profile, its nonce, the
	/// call's tag ([`tags`]) and the BLAKE2b-256 hash of the SCALE encoding of the call's
	/// arguments after `auth`, as one tuple.
	pub fn profile_message(profile: ProfileId, nonce: u32, tag: u8, payload: &[u8]) -> Vec<u8> {
		let hash = sp_io::hashing::blake2_256(payload);
		(b"veche/profile-call", Self::genesis(), profile, nonce, tag, hash).encode()
	}

	/// What the proofs of a profile's sealed answer are bound to.
	pub fn answer_binding(
		consultation: ConsultationId,
		profile: ProfileId,
		revision: u16,
	) -> Vec<u8> {
		(b"veche/answer", Self::genesis(), consultation, profile, revision).encode()
	}

	/// What trustees' partial decryption proofs of a consultation are bound to.
	pub fn decryption_context(consultation: ConsultationId) -> Vec<u8> {
		(b"veche/consultation", Self::genesis(), consultation).encode()
	}

	fn genesis() -> [u8; 32] {
		let hash = frame_system::BlockHash::<T>::get(BlockNumberFor::<T>::zero());
		let mut out = [0u8; 32];
		let bytes = hash.as_ref();
		if bytes.len() == 32 {
			out.copy_from_slice(bytes);
		}
		out
	}

	/// Freezes `period`'s roll at `roll` if it is not frozen yet, holding it and releasing the
	/// previous period's.
	fn freeze_roll(period: PeriodIndex, roll: Roll) {
		if PeriodRolls::<T>::contains_key(period) {
			return;
		}
		if let Some((_, old)) = LastRoll::<T>::get() {
			pallet_veche_primitives::live_rolls::release::<LiveRolls<T>>(old);
		}
		pallet_veche_primitives::live_rolls::hold::<LiveRolls<T>>(roll);
		PeriodRolls::<T>::insert(period, roll);
		LastRoll::<T>::put((period, roll));
		Self::deposit_event(Event::PeriodRollFrozen { period, roll });
	}

	/// The cheap checks of an opening's or renewal's proof: a constituency ring in this period's
	/// roll, an alias unused this period. Returns the period, the roll, the alias and the
	/// constituency.
	fn check_proof(
		ring: &RingRef,
		proof: &[u8],
	) -> Result<(PeriodIndex, Roll, Alias, JurisdictionId), DispatchError> {
		let period = Self::period_now();
		let RingSet::Constituency(constituency) = ring.set else {
			return Err(Error::<T>::NotAConstituencyRing.into());
		};
		let roll = PeriodRolls::<T>::get(period).unwrap_or_else(T::Personhood::current_roll);
		T::Personhood::check_ring(ring, roll).map_err(Error::<T>::from)?;
		let alias = T::Personhood::claimed_alias(proof).ok_or(Error::<T>::MalformedProof)?;
		ensure!(!PeriodAliases::<T>::contains_key(period, alias), Error::<T>::AliasUsed);
		Ok((period, roll, alias, constituency))
	}

	fn verify_proof(
		ring: &RingRef,
		proof: &[u8],
		roll: Roll,
		period: PeriodIndex,
		message: &[u8],
		alias: Alias,
	) -> Result<(), DispatchError> {
		let proven =
			T::Personhood::verify(proof, ring, roll, &Self::period_context(period), message)
				.map_err(Error::<T>::from)?;
		ensure!(proven.alias == alias, Error::<T>::InvalidProof);
		Ok(())
	}

	fn authorize_open(
		ring: &RingRef,
		proof: &Proof,
		key: &ProfileKey,
		name: &[u8],
	) -> TransactionValidityWithRefund {
		let invalid = pallet_veche_primitives::pool_refusal;
		let (period, roll, alias, _) = Self::check_proof(ring, proof).map_err(invalid)?;
		ensure!(!ProfileOfKey::<T>::contains_key(key), invalid(Error::<T>::KeyInUse.into()));
		Self::verify_proof(ring, proof, roll, period, &open_message(key, name), alias)
			.map_err(invalid)?;
		let validity = ValidTransaction::with_tag_prefix("VecheProfileOpen")
			.and_provides((period, alias))
			.longevity(64)
			.propagate(true)
			.build()?;
		Ok((validity, Weight::zero()))
	}

	fn check_renew(profile: ProfileId) -> Result<ProfileOf<T>, DispatchError> {
		let record = Profiles::<T>::get(profile).ok_or(Error::<T>::ProfileNotFound)?;
		let period = Self::period_now();
		ensure!(
			record.active < period && !Memberships::<T>::contains_key(profile, period),
			Error::<T>::AlreadyActive
		);
		Ok(record)
	}

	fn authorize_renew(
		profile: ProfileId,
		ring: &RingRef,
		proof: &Proof,
		signature: &ProfileSignature,
	) -> TransactionValidityWithRefund {
		let invalid = pallet_veche_primitives::pool_refusal;
		let record = Self::check_renew(profile).map_err(invalid)?;
		let (period, roll, alias, _) = Self::check_proof(ring, proof).map_err(invalid)?;
		ensure!(
			Self::signed_by(&record.key, &Self::renew_signed(profile, period), signature),
			invalid(Error::<T>::BadSignature.into())
		);
		let message = renew_message(profile, &record.key);
		Self::verify_proof(ring, proof, roll, period, &message, alias).map_err(invalid)?;
		let validity = ValidTransaction::with_tag_prefix("VecheProfileRenew")
			.and_provides((period, profile))
			.longevity(64)
			.propagate(true)
			.build()?;
		Ok((validity, Weight::zero()))
	}

	fn signed_by(key: &ProfileKey, message: &[u8], signature: &ProfileSignature) -> bool {
		sp_io::crypto::sr25519_verify(
			&sp_core::sr25519::Signature::from_raw(*signature),
			message,
			&sp_core::sr25519::Public::from_raw(*key),
		)
	}

	/// The profile checks of a profile call: it exists, is active this period, has calls left,
	/// carries its next nonce (inside a block exactly; in the pool up to [`MAX_NONCE_AHEAD`]
	/// ahead, ordered by tags) and the key's signature; then the call's own checks.
	fn authorize_profile(
		source: TransactionSource,
		auth: &ProfileAuth,
		tag: u8,
		payload: &[u8],
		check: impl FnOnce(&ProfileOf<T>) -> Result<(), DispatchError>,
	) -> TransactionValidityWithRefund {
		let invalid = pallet_veche_primitives::pool_refusal;
		let record = Self::active_profile(auth.profile).map_err(invalid)?;
		let ahead = auth.nonce.checked_sub(record.nonce);
		let in_block = source == TransactionSource::InBlock;
		match ahead {
			Some(0) => {},
			Some(n) if !in_block && n < MAX_NONCE_AHEAD => {},
			_ => return Err(invalid(Error::<T>::BadNonce.into())),
		}
		let message = Self::profile_message(auth.profile, auth.nonce, tag, payload);
		ensure!(
			Self::signed_by(&record.key, &message, &auth.signature),
			invalid(Error::<T>::BadSignature.into())
		);
		check(&record).map_err(invalid)?;
		let mut validity = ValidTransaction::with_tag_prefix("VecheProfile")
			.and_provides((auth.profile, auth.nonce))
			.longevity(64)
			.propagate(true);
		if let Some(previous) = auth.nonce.checked_sub(1).filter(|_| ahead != Some(0)) {
			validity = validity.and_requires((auth.profile, previous));
		}
		Ok((validity.build()?, Weight::zero()))
	}

	/// A profile active this period with calls left.
	fn active_profile(profile: ProfileId) -> Result<ProfileOf<T>, DispatchError> {
		let record = Profiles::<T>::get(profile).ok_or(Error::<T>::ProfileNotFound)?;
		ensure!(record.active == Self::period_now(), Error::<T>::NotActive);
		ensure!(record.calls < T::MaxCallsPerPeriod::get(), Error::<T>::TooManyCalls);
		Ok(record)
	}

	/// Takes the profile's nonce and counts the call; the caller stores the record.
	fn use_nonce(auth: &ProfileAuth) -> Result<ProfileOf<T>, DispatchError> {
		let mut record = Self::active_profile(auth.profile)?;
		ensure!(auth.nonce == record.nonce, Error::<T>::BadNonce);
		record.nonce = record.nonce.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		record.calls = record.calls.saturating_add(1);
		Ok(record)
	}

	/// The profile lives in `unit` (its constituency this period is within it), and the title
	/// is not empty.
	fn check_resident(
		record: &ProfileOf<T>,
		unit: JurisdictionId,
		title: &[u8],
	) -> Result<(), DispatchError> {
		ensure!(T::Jurisdictions::unit_kind(unit).is_some(), Error::<T>::UnitNotFound);
		ensure!(T::Jurisdictions::is_within(record.constituency, unit), Error::<T>::NotEligible);
		ensure!(!title.is_empty(), Error::<T>::EmptyTitle);
		Ok(())
	}

	fn check_proposal(
		record: &ProfileOf<T>,
		unit: JurisdictionId,
		title: &[u8],
		options: u8,
	) -> Result<(), DispatchError> {
		Self::check_resident(record, unit, title)?;
		ensure!(
			options >= 2 && u32::from(options) <= T::MaxOptions::get(),
			Error::<T>::BadOptionCount
		);
		Ok(())
	}

	#[allow(clippy::too_many_arguments)]
	fn create_consultation(
		proposer: ProfileId,
		unit: JurisdictionId,
		sphere: PolicySphere,
		kind: ConsultationKind,
		title: BoundedVec<u8, T::MaxTitle>,
		content: DocumentHash,
		options: u8,
		idea: Option<IdeaId>,
	) -> Result<ConsultationId, DispatchError> {
		let consultation = NextConsultationId::<T>::get();
		let next = consultation.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let period = Self::period_now();
		Consultations::<T>::insert(
			consultation,
			Consultation {
				proposer,
				unit,
				sphere,
				kind,
				title: title.clone(),
				content,
				options,
				period,
				answers: 0,
				counts: BoundedVec::new(),
				idea,
				stage: Stage::Proposed,
			},
		);
		NextConsultationId::<T>::put(next);
		Self::deposit_event(Event::ConsultationProposed {
			consultation,
			proposer,
			unit,
			sphere,
			kind,
			title: title.into_inner(),
			content,
			options,
			idea,
			period,
		});
		Ok(consultation)
	}

	/// A proposal in `profile`'s name that does not count as its proposal (tests of statuses).
	#[cfg(test)]
	pub fn create_consultation_for_tests(
		profile: ProfileId,
		unit: JurisdictionId,
		sphere: PolicySphere,
	) {
		let title = BoundedVec::truncate_from(b"Test".to_vec());
		let _ = Self::create_consultation(
			profile,
			unit,
			sphere,
			ConsultationKind::State,
			title,
			[0; 32],
			3,
			None,
		);
	}

	fn count_proposal(profile: ProfileId, period: PeriodIndex, sphere: PolicySphere) {
		for scope in [ALL_SPHERES, scope_of(sphere)] {
			Activities::<T>::mutate((profile, period, scope), |a| {
				a.proposals = a.proposals.saturating_add(1)
			});
		}
	}

	fn do_admit(
		consultation: ConsultationId,
		mut c: ConsultationOf<T>,
		duration: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(c.stage == Stage::Proposed, Error::<T>::NotProposed);
		ensure!(
			duration >= T::MinDuration::get() && duration <= T::MaxDuration::get(),
			Error::<T>::BadDuration
		);
		let (key, _) = T::Keys::current().ok_or(Error::<T>::NoKey)?;
		let now = Self::now();
		let closes = now.checked_add(&duration).ok_or(ArithmeticError::Overflow)?;
		let period = Self::period_of(now);
		let running: BoundedVec<Ciphertext, T::MaxOptions> =
			BoundedVec::try_from(alloc::vec![Ciphertext::default(); usize::from(c.options)])
				.map_err(|_| Error::<T>::BadOptionCount)?;
		c.period = period;
		c.stage = Stage::Open { key, closes };
		for scope in [ALL_SPHERES, scope_of(c.sphere)] {
			UnitCounts::<T>::mutate((c.unit, period, scope), |n| *n = n.saturating_add(1));
		}
		Running::<T>::insert(consultation, running);
		Consultations::<T>::insert(consultation, c);
		Self::deposit_event(Event::ConsultationAdmitted { consultation, key, period, closes });
		Ok(())
	}

	/// The checks of an answer; with `verify`, the sealed choice's proofs too (when
	/// authorizing). Returns the consultation and the profile's earlier answer.
	fn check_answer(
		profile: ProfileId,
		consultation: ConsultationId,
		sealed: &SealedOf<T>,
		verify: bool,
	) -> Result<(ConsultationOf<T>, Option<Answer<T::MaxOptions>>), DispatchError> {
		let c = Consultations::<T>::get(consultation).ok_or(Error::<T>::ConsultationNotFound)?;
		let Stage::Open { key, closes } = c.stage else {
			return Err(Error::<T>::NotOpen.into());
		};
		ensure!(Self::now() < closes, Error::<T>::NotOpen);
		let constituency =
			Memberships::<T>::get(profile, c.period).ok_or(Error::<T>::NotEligible)?;
		ensure!(T::Jurisdictions::is_within(constituency, c.unit), Error::<T>::NotEligible);
		let options = usize::from(c.options);
		ensure!(
			sealed.ciphertexts.len() == options && sealed.bits.len() == options,
			Error::<T>::WrongOptionCount
		);
		let old = Answers::<T>::get(consultation, profile);
		let revision = match &old {
			None => 0,
			Some(a) => {
				ensure!(a.revision < T::MaxChanges::get(), Error::<T>::TooManyChanges);
				a.revision.saturating_add(1)
			},
		};
		if verify {
			let pk = T::Keys::public_key(key).ok_or(Error::<T>::NoKey)?;
			let binding = Self::answer_binding(consultation, profile, revision);
			veche_seal::verify_choice(
				&pk,
				&sealed.ciphertexts,
				&sealed.bits,
				&sealed.sum,
				&binding,
			)
			.map_err(|_| Error::<T>::BadSealedAnswer)?;
		}
		Ok((c, old))
	}

	fn winner(counts: &[u32]) -> Option<u8> {
		let max = counts.iter().copied().max().filter(|m| *m > 0)?;
		let mut at = counts.iter().enumerate().filter(|(_, n)| **n == max);
		let (first, _) = at.next()?;
		if at.next().is_some() {
			return None;
		}
		u8::try_from(first).ok()
	}

	fn check_claim(
		profile: ProfileId,
		consultation: ConsultationId,
		opening: &ScalarBytes,
	) -> Result<(ConsultationOf<T>, Answer<T::MaxOptions>), DispatchError> {
		let c = Consultations::<T>::get(consultation).ok_or(Error::<T>::ConsultationNotFound)?;
		let Stage::Counted { key, winner: Some(winner), .. } = c.stage else {
			return Err(Error::<T>::NoWinner.into());
		};
		let answer = Answers::<T>::get(consultation, profile).ok_or(Error::<T>::NotAnswered)?;
		ensure!(!answer.agreed, Error::<T>::AlreadyAgreed);
		let ct = answer.ciphertexts.get(usize::from(winner)).ok_or(Error::<T>::BadOpening)?;
		let pk = T::Keys::public_key(key).ok_or(Error::<T>::NoKey)?;
		veche_seal::verify_opening(&pk, ct, opening).map_err(|_| Error::<T>::BadOpening)?;
		Ok((c, answer))
	}

	fn check_rating(
		profile: ProfileId,
		idea: IdeaId,
		grade: u8,
	) -> Result<IdeaOf<T>, DispatchError> {
		let entry = Ideas::<T>::get(idea).ok_or(Error::<T>::IdeaNotFound)?;
		ensure!(entry.stage == IdeaStage::Open, Error::<T>::IdeaClosed);
		ensure!((1..=5).contains(&grade), Error::<T>::BadGrade);
		let constituency =
			Memberships::<T>::get(profile, entry.period).ok_or(Error::<T>::NotEligible)?;
		ensure!(T::Jurisdictions::is_within(constituency, entry.unit), Error::<T>::NotEligible);
		Ok(entry)
	}

	/// Places an idea on its unit and sphere's board by its score (or keeps it off).
	fn rank(idea: IdeaId, entry: &IdeaOf<T>) {
		let score = entry.score();
		TopIdeas::<T>::mutate(entry.unit, scope_of(entry.sphere), |board| {
			let mut list = board.take().map(|b| b.into_inner()).unwrap_or_default();
			list.retain(|(i, _)| *i != idea);
			let at = list
				.iter()
				.position(|(i, s)| (score, core::cmp::Reverse(idea)) > (*s, core::cmp::Reverse(*i)))
				.unwrap_or(list.len());
			list.insert(at, (idea, score));
			list.truncate(T::MaxTopIdeas::get() as usize);
			*board = Some(BoundedVec::truncate_from(list));
		});
	}

	/// Takes an idea off its board (consulted on or tabled).
	fn unrank(idea: IdeaId, entry: &IdeaOf<T>) {
		TopIdeas::<T>::mutate_exists(entry.unit, scope_of(entry.sphere), |board| {
			if let Some(b) = board {
				b.retain(|(i, _)| *i != idea);
				if b.is_empty() {
					*board = None;
				}
			}
		});
	}

	fn check_join(profile: ProfileId, sphere: PolicySphere) -> Result<(), DispatchError> {
		ensure!(!Clubs::<T>::contains_key(scope_of(sphere), profile), Error::<T>::AlreadyInClub);
		ensure!(
			Self::report(profile, scope_of(sphere)).status >= Status::LocalExpert,
			Error::<T>::NotAnExpert
		);
		Ok(())
	}

	/// The figures over the window for `scope`, and the status they earn.
	pub fn report(profile: ProfileId, scope: Scope) -> StatusReport {
		let until = Self::period_now();
		let window = T::StatusWindow::get().saturating_sub(1);
		let Some(record) = Profiles::<T>::get(profile) else {
			return StatusReport {
				status: Status::None,
				figures: Figures::default(),
				from: until,
				until,
			};
		};
		let from = until.saturating_sub(window).max(record.opened);
		let mut f = Figures::default();
		let mut period = from;
		while period <= until {
			if let Some(constituency) = Memberships::<T>::get(profile, period) {
				f.months = f.months.saturating_add(1);
				for unit in T::Jurisdictions::ancestors(constituency) {
					f.consultations =
						f.consultations.saturating_add(UnitCounts::<T>::get((unit, period, scope)));
				}
				let a = Activities::<T>::get((profile, period, scope));
				f.answered = f.answered.saturating_add(a.answered);
				f.settled = f.settled.saturating_add(a.answered.saturating_sub(a.changed));
				f.agreed = f.agreed.saturating_add(a.agreed);
				if a.proposals > 0 {
					f.months_proposing = f.months_proposing.saturating_add(1);
				}
			}
			let Some(next) = period.checked_add(1) else { break };
			period = next;
		}
		let status = if record.active == until { f.status() } else { Status::None };
		StatusReport { status, figures: f, from, until }
	}

	/// Checks the pallet's invariants:
	/// - every profile's key indexes it and every indexed key names a profile;
	/// - every profile's id is below the next one; it was active in its `active` period with
	///   its `constituency` (a membership), opened no later; its memberships lie between its
	///   opening and its last active period; each period's aliases name distinct profiles that
	///   were active in it;
	/// - at most one roll is held: the last frozen period's;
	/// - every consultation's id is below the next one; an open or counted one has a running sum
	///   per option and as many answers as its answers count, each with a ciphertext per
	///   option; a counted one's counts sum to its answers; partial decryptions belong to open
	///   consultations only;
	/// - every idea's id is below the next one; its ratings and total equal its grades; every
	///   board is sorted best first, names open ideas of its unit and sphere with their scores;
	/// - club members are profiles.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let next = NextProfileId::<T>::get();
		for (id, p) in Profiles::<T>::iter() {
			ensure!(id < next, "profile id beyond the next one");
			ensure!(p.opened <= p.active, "a profile active before it opened");
			ensure!(
				Memberships::<T>::get(id, p.active) == Some(p.constituency),
				"a profile's active period lacks its membership"
			);
			ensure!(ProfileOfKey::<T>::get(p.key) == Some(id), "a profile's key not indexed");
		}
		for (_, id) in ProfileOfKey::<T>::iter() {
			ensure!(Profiles::<T>::contains_key(id), "a key indexes no profile");
		}
		for (id, period, _) in Memberships::<T>::iter() {
			let p = Profiles::<T>::get(id).ok_or("a membership of no profile")?;
			ensure!(p.opened <= period && period <= p.active, "a membership out of range");
		}
		for (period, _, id) in PeriodAliases::<T>::iter() {
			ensure!(Memberships::<T>::contains_key(id, period), "an alias of an inactive profile");
		}
		let mut per_period: BTreeMap<(PeriodIndex, ProfileId), u32> = BTreeMap::new();
		for (period, _, id) in PeriodAliases::<T>::iter() {
			let n = per_period.entry((period, id)).or_default();
			*n = n.saturating_add(1);
			ensure!(*n == 1, "two aliases renewed one profile in one period");
		}
		let held: Vec<([u8; 4], u32)> = LiveRolls::<T>::iter().collect();
		match LastRoll::<T>::get() {
			Some((_, roll)) => ensure!(held == alloc::vec![(roll.to_be_bytes(), 1)], "held rolls"),
			None => ensure!(held.is_empty(), "a roll held with no period frozen"),
		}
		let next = NextConsultationId::<T>::get();
		for (id, c) in Consultations::<T>::iter() {
			ensure!(id < next, "consultation id beyond the next one");
			let options = usize::from(c.options);
			match c.stage {
				Stage::Open { .. } | Stage::Counted { .. } => {
					let running = Running::<T>::get(id).ok_or("no running sums")?;
					ensure!(running.len() == options, "running sums per option");
					let mut answers = 0u32;
					for (_, a) in Answers::<T>::iter_prefix(id) {
						ensure!(a.ciphertexts.len() == options, "an answer's ciphertexts");
						answers = answers.saturating_add(1);
					}
					ensure!(answers == c.answers, "answers count differs");
				},
				Stage::Proposed | Stage::Rejected { .. } => {
					ensure!(!Running::<T>::contains_key(id), "running sums of a closed proposal");
					ensure!(c.answers == 0, "answers to a consultation never open");
				},
			}
			if let Stage::Counted { .. } = c.stage {
				let total = c.counts.iter().fold(0u32, |acc, n| acc.saturating_add(*n));
				ensure!(total == c.answers && c.counts.len() == options, "counts differ");
				ensure!(Partials::<T>::iter_prefix(id).next().is_none(), "partials kept");
			}
		}
		for (id, _, _) in Partials::<T>::iter() {
			let c = Consultations::<T>::get(id).ok_or("partials of no consultation")?;
			ensure!(matches!(c.stage, Stage::Open { .. }), "partials of a consultation not open");
		}
		let next = NextIdeaId::<T>::get();
		for (id, idea) in Ideas::<T>::iter() {
			ensure!(id < next, "idea id beyond the next one");
			let (mut n, mut total) = (0u32, 0u32);
			for (_, g) in IdeaGrades::<T>::iter_prefix(id) {
				ensure!((1..=5).contains(&g), "a grade out of range");
				n = n.saturating_add(1);
				total = total.saturating_add(g.into());
			}
			ensure!(n == idea.ratings && total == idea.total, "an idea's grades differ");
		}
		for (unit, scope, board) in TopIdeas::<T>::iter() {
			ensure!(!board.is_empty(), "an empty board kept");
			for pair in board.windows(2) {
				if let [(a, sa), (b, sb)] = pair {
					ensure!((sa, core::cmp::Reverse(a)) > (sb, core::cmp::Reverse(b)), "unsorted");
				}
			}
			for (id, score) in board.iter() {
				let idea = Ideas::<T>::get(id).ok_or("a board names no idea")?;
				ensure!(idea.unit == unit && scope_of(idea.sphere) == scope, "board misplaced");
				ensure!(idea.stage == IdeaStage::Open && idea.score() == *score, "board stale");
			}
		}
		for (_, id, _) in Clubs::<T>::iter() {
			ensure!(Profiles::<T>::contains_key(id), "a club member with no profile");
		}
		Ok(())
	}
}

impl<T: Config> From<ProofError> for Error<T> {
	fn from(e: ProofError) -> Self {
		match e {
			ProofError::MalformedProof => Error::<T>::MalformedProof,
			ProofError::RingNotFound => Error::<T>::RingNotFound,
			ProofError::NotInRoll => Error::<T>::NotInRoll,
			ProofError::RingTooSmall => Error::<T>::RingTooSmall,
			ProofError::InvalidProof => Error::<T>::InvalidProof,
		}
	}
}

/// The period rolls personhood must keep.
impl<T: Config> RollUsage for Pallet<T> {
	fn roll_in_use(from: Roll, until: Roll) -> bool {
		pallet_veche_primitives::live_rolls::in_use::<LiveRolls<T>>(from, until)
	}
}
