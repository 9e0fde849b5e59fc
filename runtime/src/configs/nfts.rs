//! Nfts: the standard NFT pallet, where the registry of acts marks every adopted act (one
//! non-transferable collection per jurisdiction) so that wallets and explorers see it. Nobody
//! else creates collections here: the chain's NFTs are the registry's marks.

use crate::{AccountId, Balances, BlockNumber, Runtime, RuntimeEvent, Signature, DAYS};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, NeverEnsureOrigin},
};
use frame_system::EnsureRoot;
use pallet_nfts::PalletFeatures;
use sp_runtime::traits::Verify;

parameter_types! {
	pub NftsFeatures: PalletFeatures = PalletFeatures::all_enabled();
	/// Nothing is deposited: only the registry creates collections and mints (with deposits
	/// disabled on its collections), so no user's funds are ever reserved here.
	pub const NoDeposit: crate::Balance = 0;
	pub const MaxDeadlineDuration: BlockNumber = 30 * DAYS;
}

impl pallet_nfts::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A collection per jurisdiction that adopted an act.
	type CollectionId = u32;
	/// An item is the act's id.
	type ItemId = u32;
	type Currency = Balances;
	/// Root only (the registry creates its collections through it).
	type ForceOrigin = EnsureRoot<AccountId>;
	/// Nobody creates a collection by a transaction.
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	type Locker = ();
	type CollectionDeposit = NoDeposit;
	type ItemDeposit = NoDeposit;
	type MetadataDepositBase = NoDeposit;
	type AttributeDepositBase = NoDeposit;
	type DepositPerByte = NoDeposit;
	type StringLimit = ConstU32<256>;
	type KeyLimit = ConstU32<64>;
	type ValueLimit = ConstU32<256>;
	type ApprovalsLimit = ConstU32<20>;
	type ItemAttributesApprovalsLimit = ConstU32<20>;
	type MaxTips = ConstU32<10>;
	type MaxDeadlineDuration = MaxDeadlineDuration;
	type MaxAttributesPerCall = ConstU32<10>;
	type Features = NftsFeatures;
	type OffchainSignature = Signature;
	type OffchainPublic = <Signature as Verify>::Signer;
	#[cfg(feature = "runtime-benchmarks")]
	type Helper = ();
	type WeightInfo = pallet_nfts::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = crate::System;
}
