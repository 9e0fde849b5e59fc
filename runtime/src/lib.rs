//! # Veche runtime
//!
//! The runtime of Veche, a Polkadot parachain for civic self-government. It composes the
//! standard FRAME pallets a parachain needs (consensus, balances, fees, collators) with the
//! governance of the chain itself (the election commission as a council, its ranked voting roll,
//! referenda, identity of public officials and registrars), and — issue by issue — Veche's own
//! civic pallets (jurisdictions, personhood, ballots, elections, …).
//!
//! ## Pallet indices
//!
//! Indices are explicit and grouped with gaps so that new pallets slot in without renumbering
//! (the test `pallet_indices_match_the_documented_map` keeps this table true):
//!
//! | range | group | pallets |
//! |---|---|---|
//! | 0–9 | system and consensus support | System 0, ParachainSystem 1, Timestamp 2, ParachainInfo 3, WeightReclaim 4, Utility 5, Multisig 6, Proxy 7 |
//! | 10–19 | money | Balances 10, TransactionPayment 11, Nfts 12 (the registry of acts' marks) |
//! | 20–29 | collators | Authorship 20, CollatorSelection 21, Session 22, Aura 23, AuraExt 24, AuthorityDiscovery 25 |
//! | 30–39 | civic | Jurisdictions 30, Personhood 31, Ballots 32, Elections 33, Promises 34, Ratings 35, Recall 36, Juries 37, Acts 38, Trustees 39 (keys of sealed answers) |
//! | 40–58 | governance | Council 40, CouncilMembership 41, Commission 42, Referenda 43, Origins 44, Scheduler 45, Preimage 46, Identity 47, PeoplesReferenda 48 |
//! | 59 | development | Sudo 59 (dev and local presets only: no key in a real chain) |
//! | 60–69 | community economy | Credit 60 |
//! | 70–79 | residents' participation | Consultations 70 (profiles, consultations, ideas, statuses) |
//!
//! ## Clocks
//!
//! Durations are in blocks of this parachain ([`BlockNumber`]); one block is
//! [`MILLI_SECS_PER_BLOCK`] ms. [`MINUTES`], [`HOURS`], [`DAYS`] convert.
//!
//! ## Test-network builds
//!
//! Two cargo features exist for the zombienet tier only and never go into a chain spec that
//! people run: `fast-runtime` shortens sessions to one minute (so that an observer who registers
//! as a collator candidate authors within minutes) and the referenda's preparation, confirmation
//! and enactment periods to a few blocks (so that a referendum is decided within minutes). The
//! zombienet tier starts its network on the last release's runtime built so, and a people's
//! referendum upgrades it to this one (`scripts/zombienet.sh`).

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` recurse deeply.
#![recursion_limit = "256"]
// Runtime code never panics and never overflows silently (STYLE.md, "Never panic").
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

// The wasm blob, built by build.rs.
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
mod apis;
pub mod configs;
pub mod fees;
pub mod genesis_config_presets;
pub mod governance;

use alloc::{borrow::Cow, vec::Vec};
use frame_support::weights::{
	constants::WEIGHT_REF_TIME_PER_SECOND, Weight, WeightToFeeCoefficient, WeightToFeeCoefficients,
	WeightToFeePolynomial,
};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature, Perbill,
};
use sp_version::RuntimeVersion;

pub use configs::RuntimeBlockWeights;
pub use sp_consensus_aura::sr25519::AuthorityId as AuraId;

/// Signature of a transaction (sr25519, ed25519 or ecdsa).
pub type Signature = MultiSignature;
/// An account id: the public key behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account, in the smallest unit (10⁻¹² [`UNIT`]).
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Block and state hash.
pub type Hash = sp_core::H256;
/// Block number of this parachain.
pub type BlockNumber = u32;
/// How an extrinsic names an account.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Signed block with justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block id.
pub type BlockId = generic::BlockId<Block>;

/// The checks every transaction passes, in order. Wrapped in weight reclaim so that the proof size
/// a transaction did not use is given back to the block. `AuthorizeCall` comes first: it lets a
/// general transaction without a signer through when its call authorizes itself (an anonymous
/// ballot proven by ring-VRF); such a transaction has no account, so the nonce and fee checks
/// after it pass it by.
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<
	Runtime,
	(
		frame_system::AuthorizeCall<Runtime>,
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_veche_credit::FeelessCredit<
			Runtime,
			pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
		>,
	),
>;

/// An extrinsic as it travels in a block.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// Storage migrations run on the next runtime upgrade. Each is versioned: it runs only while its
/// pallet's storage is at the version it migrates from, so a chain started from a newer genesis
/// skips it.
pub type Migrations = (
	pallet_veche_elections::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_veche_jurisdictions::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_veche_ballots::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_veche_acts::migrations::v2::MigrateV1ToV2<Runtime>,
);

/// Dispatches extrinsics and runs the pallets' hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Types the node needs without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block id.
	pub type BlockId = generic::BlockId<Block>;
}

impl_opaque_keys! {
	/// The keys a collator registers for its session: Aura for authoring blocks, and authority
	/// discovery so that collators find each other and pass blocks on directly (one hop).
	pub struct SessionKeys {
		pub aura: Aura,
		pub authority_discovery: AuthorityDiscovery,
	}
}

/// The runtime's version. `spec_version` goes up with every change of behaviour: 1001 brought
/// offices' policy spheres (jurisdictions' storage version 2, with its migration); 1002 ratings
/// and recall (two new pallets, a new kind of poll; no stored type changed its encoding).
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("veche"),
	impl_name: Cow::Borrowed("veche"),
	authoring_version: 1,
	spec_version: 1_002,
	impl_version: 0,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time. With asynchronous backing a parachain block every 6 s.
pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;
/// Aura slot duration: one slot per block.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// One VEC, the native token (12 decimals). It pays fees and deposits; civic acts of citizens
/// (voting, rating) are made feeless by their own pallets.
pub const UNIT: Balance = 1_000_000_000_000;
/// 10⁻³ VEC.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// 10⁻⁶ VEC.
pub const MICRO_UNIT: Balance = 1_000_000;
/// The smallest balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// A deposit for storing `items` entries of `bytes` bytes in total.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	(items as Balance)
		.saturating_mul(20 * UNIT)
		.saturating_add((bytes as Balance).saturating_mul(100 * MICRO_UNIT))
}

/// `share` of `weight`, in both dimensions, rounded down.
pub fn weight_share(share: Perbill, weight: Weight) -> Weight {
	Weight::from_parts(share.mul_floor(weight.ref_time()), share.mul_floor(weight.proof_size()))
}

/// Share of the block weight `on_initialize` hooks may use (~10%).
pub const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);
/// Share of the block `Normal` extrinsics may fill; the rest is for `Operational` ones.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Two seconds of compute per block (asynchronous backing), and the relay's PoV limit.
pub const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(
	WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2),
	cumulus_primitives_core::relay_chain::MAX_POV_SIZE as u64,
);

/// Blocks the relay chain may be behind when we build on a parent.
pub const RELAY_PARENT_OFFSET: u32 = 0;
/// Parachain blocks the relay processes per relay block.
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// Parachain blocks that may wait for inclusion at once.
pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
/// Relay chain slot duration, in milliseconds.
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6_000;

/// Maps a weight to a fee: the base weight of an extrinsic costs 1 milli-VEC.
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let p = MILLI_UNIT;
		let q =
			Balance::from(frame_support::weights::constants::ExtrinsicBaseWeight::get().ref_time())
				.max(1);
		alloc::vec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(p.checked_rem(q).unwrap_or_default(), q),
			coeff_integer: p.checked_div(q).unwrap_or_default(),
		}]
		.into()
	}
}

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// System and consensus support: 0–9.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type ParachainInfo = parachain_info;
	#[runtime::pallet_index(4)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;
	#[runtime::pallet_index(5)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(6)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(7)]
	pub type Proxy = pallet_proxy;

	// Money: 10–19.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type Nfts = pallet_nfts;

	// Collators: 20–29. Order matters: Authorship before CollatorSelection before Session.
	#[runtime::pallet_index(20)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(21)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(22)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(23)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(24)]
	pub type AuraExt = cumulus_pallet_aura_ext;
	#[runtime::pallet_index(25)]
	pub type AuthorityDiscovery = pallet_authority_discovery;

	// Governance: 40–59.
	#[runtime::pallet_index(40)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(41)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(42)]
	pub type Commission = pallet_ranked_collective;
	#[runtime::pallet_index(43)]
	pub type Referenda = pallet_referenda;
	#[runtime::pallet_index(44)]
	pub type Origins = governance::origins;
	#[runtime::pallet_index(45)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(46)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(47)]
	pub type Identity = pallet_identity;
	#[runtime::pallet_index(48)]
	pub type PeoplesReferenda = pallet_referenda<Instance2>;
	#[runtime::pallet_index(30)]
	pub type Jurisdictions = pallet_veche_jurisdictions;
	#[runtime::pallet_index(31)]
	pub type Personhood = pallet_veche_personhood;
	#[runtime::pallet_index(32)]
	pub type Ballots = pallet_veche_ballots;
	#[runtime::pallet_index(33)]
	pub type Elections = pallet_veche_elections;
	#[runtime::pallet_index(34)]
	pub type Promises = pallet_veche_promises;
	#[runtime::pallet_index(35)]
	pub type Ratings = pallet_veche_ratings;
	#[runtime::pallet_index(36)]
	pub type Recall = pallet_veche_recall;
	#[runtime::pallet_index(38)]
	pub type Acts = pallet_veche_acts;
	#[runtime::pallet_index(37)]
	pub type Juries = pallet_veche_juries;
	#[runtime::pallet_index(39)]
	pub type Trustees = pallet_veche_trustees;
	#[runtime::pallet_index(70)]
	pub type Consultations = pallet_veche_consultations;

	#[runtime::pallet_index(60)]
	pub type Credit = pallet_veche_credit;

	#[runtime::pallet_index(59)]
	pub type Sudo = pallet_sudo;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}

#[cfg(test)]
mod tests;

/// The transaction extensions of a transaction with `nonce` (0 for a general transaction with no
/// signer), immortal, with no tip: what native tests and tools (the fuzzer) sign and submit.
#[cfg(feature = "std")]
pub fn immortal_extensions(nonce: Nonce) -> TxExtension {
	cumulus_pallet_weight_reclaim::StorageWeightReclaim::new((
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(sp_runtime::generic::Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_veche_credit::FeelessCredit::new(
			pallet_transaction_payment::ChargeTransactionPayment::from(0),
		),
	))
}
