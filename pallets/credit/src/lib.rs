//! # Credit
//!
//! Community mutual-credit currencies with demurrage on spending balances, savings exempt from
//! it, and instant payment across currencies through clearing accounts and credit lines.
//!
//! ## Overview
//!
//! Cooperatives and local communities trade goods and services in a unit of their own instead of
//! money. Governance, or a founder whom a registrar has identified (for a deposit in the native
//! token), creates a currency ([`Pallet::create_currency`]) with a name, a symbol, decimals, an
//! annual demurrage rate, a default credit limit, administrators, a community fund account and a
//! declared value in a common reference unit. Its administrators admit identified members
//! ([`Pallet::admit`]), each with a credit limit.
//!
//! Money is created by the trade itself: a member pays another ([`Pallet::transfer`]) and may go
//! below zero down to minus their limit. Every currency is zero-sum: its accounts, fund and
//! clearing accounts included, add up to exactly zero at all times. A payment past the payer's
//! limit fails ([`Error::OverLimit`]) and changes nothing.
//!
//! ## Terms
//!
//! - **Smallest unit / fine unit.** Calls take amounts in the currency's smallest unit (a cent of
//!   a currency with two decimals). Balances are kept in fine units, [`FINE_PER_UNIT`] = 10¹⁸ per
//!   smallest unit, so that demurrage loses nothing anyone could see to rounding.
//! - **Demurrage.** A positive spending balance of a member shrinks continuously, by the
//!   currency's annual rate: `b · (1 − rate)^(t / year)` after `t`, by the chain's timestamp, so
//!   that a change of block time does not bend it. It is applied lazily, in O(1), whenever the
//!   account is touched; the amount taken becomes the account's `due` to the community fund, and
//!   [`Pallet::collect`] (anybody may call it) moves dues into the fund. Negative balances, the
//!   fund and clearing accounts do not decay. The arithmetic and its rounding rule are in
//!   [`demurrage`].
//! - **Savings.** A member moves positive spending balance into savings ([`Pallet::save`]), which
//!   do not decay and cannot be spent. Taking them back ([`Pallet::request_withdrawal`]) takes the
//!   currency's notice period; at its end the amount joins the spending balance and decays from
//!   then on, whether or not the member calls [`Pallet::withdraw`]. While holding savings a member
//!   cannot spend on credit ([`Error::SavingsFirst`]): otherwise one could keep a positive
//!   position in savings and spend a negative one, and dodge demurrage on money being spent.
//! - **Conversion.** [`Pallet::pay_across`] pays a member of another currency in one call, at the
//!   ratio of the two declared values. The payer pays their own currency's clearing account for
//!   the partner; the partner's clearing account for this currency pays the payee. The partner's
//!   administrators bound how far their clearing account may go below zero: that limit is the
//!   credit line they grant this currency ([`Pallet::set_credit_line`]). No line fails with
//!   [`Error::CreditLineNotFound`], an exhausted one with [`Error::CreditLineExhausted`].
//! - **Fees.** Members need not hold the native token: the runtime wraps its fee payment in the
//!   [`FeelessCredit`] transaction extension, under which this pallet's calls from an admitted,
//!   unfrozen member of the currency they name pay no fee, up to [`Config::FeelessPerWindow`]
//!   transactions per [`Config::FeelessWindow`] blocks; past that they pay the usual fee.
//!
//! ## Example
//!
//! Two members trade; a year later demurrage has taken the annual rate of the positive balance,
//! and the fund collects it:
#![doc = docify::embed!("src/tests/mod.rs", members_trade_and_a_year_of_demurrage_reaches_the_fund)]
//!
//! ## Implementation notes
//!
//! - A transfer reads the currency and the two accounts and writes the two accounts, nothing
//!   else: demurrage is booked to each account's `due`, not to the fund's account, so that the
//!   fund is not a hot spot written by every payment. The fund's income is the sum of the dues;
//!   collection is bounded ([`MAX_COLLECT`] accounts per call).
//! - Why feeless calls and not fees sponsored by the fund: sponsoring would make every community
//!   buy and hold the native token and manage a balance that any member can drain; admitted
//!   members are identified and few per administrator, so a per-member rate limit bounds the load
//!   they can put on the chain without money. Members are made "sufficient" accounts
//!   (`frame_system::inc_sufficients`) so their transactions pass the nonce check without a
//!   native balance.
//! - Durations of the savings notice and the demurrage clock are timestamps (`Config::Time`,
//!   milliseconds); the fee window counts blocks of this chain, since it meters block space.

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
pub mod demurrage;
pub mod extension;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use extension::FeelessCredit;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
#[cfg(any(feature = "try-runtime", test))]
use frame_support::sp_runtime;
use frame_support::{
	ensure,
	pallet_prelude::*,
	sp_runtime::{
		traits::{AccountIdConversion, BlockNumberProvider, Saturating, StaticLookup, Zero},
		ArithmeticError, FixedU128, Perbill,
	},
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Precision,
		Defensive, UnixTime,
	},
	BoundedVec, PalletId,
};
use frame_system::pallet_prelude::*;
use pallet_veche_primitives::{CurrencyId, IdentityJudge};
use sp_core::U512;

/// The most accounts one [`Pallet::collect`] call settles.
pub const MAX_COLLECT: u32 = 64;

/// The native token's balance type.
pub type NativeBalanceOf<T> =
	<<T as Config>::NativeBalance as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A currency as this runtime stores it.
pub type CurrencyOf<T> = CurrencyInfo<
	<T as frame_system::Config>::AccountId,
	NativeBalanceOf<T>,
	<T as Config>::MaxNameLen,
	<T as Config>::MaxSymbolLen,
>;
/// An account as this runtime stores it.
pub type AccountOf<T> = CreditAccount<BlockNumberFor<T>>;
/// How a call names an account: an address the runtime's `Lookup` resolves.
pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
/// A new currency's parameters as `create_currency` takes them: every list bounded, every
/// account an address.
pub type NewCurrencyOf<T> = CurrencyParams<
	AccountIdLookupOf<T>,
	BoundedVec<u8, <T as Config>::MaxNameLen>,
	BoundedVec<u8, <T as Config>::MaxSymbolLen>,
	BoundedVec<AccountIdLookupOf<T>, <T as Config>::MaxAdmins>,
>;
/// A currency's administrators.
pub type AdminsOf<T> = BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxAdmins>;

/// The credit pallet: currencies, members, transfers with demurrage, savings, conversion.
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
		/// The clock of the feeless allowance (`FeelessWindow`); demurrage and savings notices run
		/// on `Time` instead. The runtime passes `System` (this parachain's blocks).
		type BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumberFor<Self>>;

		/// Governance: creates currencies without a deposit and acts as any currency's
		/// administrator.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account is publicly identified: founders and members must be.
		type IdentityJudge: IdentityJudge<Self::AccountId>;

		/// The native token, in which a founder's deposit is held.
		type NativeBalance: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// The deposit a founder holds while their currency exists (governance pays none).
		#[pallet::constant]
		type CurrencyDeposit: Get<NativeBalanceOf<Self>>;

		/// The clock of demurrage and of the savings notice: the chain's timestamp.
		type Time: UnixTime;

		/// Derives the clearing accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most administrators a currency has.
		#[pallet::constant]
		type MaxAdmins: Get<u32>;

		/// The most members a currency admits.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The longest name of a currency, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// The longest symbol of a currency, in bytes.
		#[pallet::constant]
		type MaxSymbolLen: Get<u32>;

		/// The longest notice period on savings, in milliseconds.
		#[pallet::constant]
		type MaxNotice: Get<Moment>;

		/// The window of the feeless rate limit, in blocks of this chain.
		#[pallet::constant]
		type FeelessWindow: Get<BlockNumberFor<Self>>;

		/// How many feeless transactions one account sends per window in one currency.
		#[pallet::constant]
		type FeelessPerWindow: Get<u32>;

		/// How many bytes of feeless transactions (their encoded length) one account sends per
		/// window in one currency: feeless transactions are charged by length against this, so
		/// that no member fills blocks for free with large calls.
		#[pallet::constant]
		type FeelessBytesPerWindow: Get<u32>;

		/// Weights of this pallet's calls, benchmarked.
		type WeightInfo: WeightInfo;

		/// Identifies accounts for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A founder's deposit for a currency.
		CurrencyDeposit,
	}

	/// Currencies by id.
	// Twox64Concat: sequential ids assigned by the pallet.
	#[pallet::storage]
	pub type Currencies<T: Config> = StorageMap<_, Twox64Concat, CurrencyId, CurrencyOf<T>>;

	/// The id the next currency gets.
	#[pallet::storage]
	pub type NextCurrencyId<T: Config> = StorageValue<_, CurrencyId, ValueQuery>;

	/// Each currency's administrators.
	// Twox64Concat: sequential ids.
	#[pallet::storage]
	pub type Admins<T: Config> = StorageMap<_, Twox64Concat, CurrencyId, AdminsOf<T>, ValueQuery>;

	/// The accounts of each currency: members, its fund and its clearing accounts.
	// Twox64Concat: sequential currency ids; Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type Accounts<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CurrencyId, Blake2_128Concat, T::AccountId, AccountOf<T>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Currencies to create (by governance, without deposit), with their members (account
		/// and credit limit in smallest units, or the default). Members are trusted as given.
		pub currencies: Vec<(CurrencyParams<T::AccountId>, Vec<(T::AccountId, Option<u128>)>)>,
		/// Credit lines: (currency, partner, limit in smallest units of the currency).
		pub lines: Vec<(CurrencyId, CurrencyId, u128)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (params, members) in &self.currencies {
				let id = Pallet::<T>::insert_currency(params.clone(), None)
					.expect("genesis currencies are valid; qed");
				for (who, limit) in members {
					Pallet::<T>::insert_member(id, who, *limit)
						.expect("genesis members are admitted once; qed");
				}
			}
			for (currency, partner, limit) in &self.lines {
				Pallet::<T>::set_line(*currency, *partner, *limit)
					.expect("genesis credit lines are valid; qed");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A currency was created.
		CurrencyCreated {
			/// The currency.
			currency: CurrencyId,
			/// The founder who holds its deposit; `None` if governance created it.
			founder: Option<T::AccountId>,
			/// Its name.
			name: BoundedVec<u8, T::MaxNameLen>,
			/// Its symbol.
			symbol: BoundedVec<u8, T::MaxSymbolLen>,
			/// Decimals of its smallest unit.
			decimals: u8,
			/// Its community fund.
			fund: T::AccountId,
			/// Its annual demurrage rate.
			demurrage: Perbill,
			/// Its declared value per whole unit.
			value: FixedU128,
			/// The default credit limit of new members, in smallest units.
			default_limit: u128,
			/// The notice period on withdrawals from savings, in milliseconds.
			notice: Moment,
		},
		/// A currency's administrators were replaced.
		AdminsSet {
			/// The currency.
			currency: CurrencyId,
			/// Its administrators now.
			admins: AdminsOf<T>,
		},
		/// A member was admitted.
		MemberAdmitted {
			/// The currency.
			currency: CurrencyId,
			/// The member.
			who: T::AccountId,
			/// Their credit limit, in fine units.
			limit: u128,
		},
		/// A member's or the fund's credit limit was changed.
		LimitSet {
			/// The currency.
			currency: CurrencyId,
			/// The account.
			who: T::AccountId,
			/// The new limit, in fine units.
			limit: u128,
		},
		/// A member was frozen: they can neither pay nor be paid.
		MemberFrozen {
			/// The currency.
			currency: CurrencyId,
			/// The member.
			who: T::AccountId,
		},
		/// A frozen member was thawed.
		MemberThawed {
			/// The currency.
			currency: CurrencyId,
			/// The member.
			who: T::AccountId,
		},
		/// A member left or was removed; what remained on their account (less than one smallest
		/// unit, and their due) went to the fund.
		MemberRemoved {
			/// The currency.
			currency: CurrencyId,
			/// The former member.
			who: T::AccountId,
			/// Fine units moved to the fund (negative: taken from it).
			settled: i128,
		},
		/// A member paid another.
		Transferred {
			/// The currency.
			currency: CurrencyId,
			/// The payer.
			from: T::AccountId,
			/// The payee.
			to: T::AccountId,
			/// The amount, in smallest units.
			amount: u128,
		},
		/// Demurrage was applied to an account's spending balance; the amount is now due to the
		/// fund.
		DemurrageCharged {
			/// The currency.
			currency: CurrencyId,
			/// The account.
			who: T::AccountId,
			/// Fine units taken.
			amount: u128,
		},
		/// Dues were moved into the fund.
		DemurrageCollected {
			/// The currency.
			currency: CurrencyId,
			/// Fine units the fund received: the sum of `from`.
			amount: u128,
			/// Each account whose due moved, with the fine units it gave (accounts owing nothing
			/// are left out): an indexer zeroes exactly these dues.
			from: BoundedVec<(T::AccountId, u128), ConstU32<MAX_COLLECT>>,
		},
		/// A member moved spending balance into savings.
		Saved {
			/// The currency.
			currency: CurrencyId,
			/// The member.
			who: T::AccountId,
			/// The amount, in smallest units.
			amount: u128,
		},
		/// A member asked for savings back; they join the spending balance at `ready_at`.
		WithdrawalRequested {
			/// The currency.
			currency: CurrencyId,
			/// The member.
			who: T::AccountId,
			/// The amount, in smallest units.
			amount: u128,
			/// When the notice period ends (milliseconds since the Unix epoch).
			ready_at: Moment,
		},
		/// Savings whose notice had passed joined the spending balance.
		SavingsReleased {
			/// The currency.
			currency: CurrencyId,
			/// The member.
			who: T::AccountId,
			/// Fine units released.
			amount: u128,
		},
		/// A pending withdrawal went back into savings.
		WithdrawalCancelled {
			/// The currency.
			currency: CurrencyId,
			/// The member.
			who: T::AccountId,
			/// Fine units returned to savings.
			amount: u128,
		},
		/// A currency set the credit line it grants a partner currency: how far its clearing
		/// account for the partner may go below zero.
		CreditLineSet {
			/// The currency granting the line.
			currency: CurrencyId,
			/// The partner currency.
			partner: CurrencyId,
			/// The line, in fine units of `currency`.
			limit: u128,
		},
		/// A clearing account for a dissolved partner currency was settled into the fund and
		/// removed.
		ClearingSettled {
			/// The currency.
			currency: CurrencyId,
			/// The dissolved partner.
			partner: CurrencyId,
			/// What the fund received (negative: what it paid), in fine units.
			amount: i128,
		},
		/// A member paid a member of another currency.
		PaidAcross {
			/// The payer's currency.
			from_currency: CurrencyId,
			/// The payee's currency.
			to_currency: CurrencyId,
			/// The payer.
			from: T::AccountId,
			/// The payee.
			to: T::AccountId,
			/// What the payer paid, in fine units of `from_currency`.
			paid: u128,
			/// What the payee received, in smallest units of `to_currency`.
			received: u128,
		},
		/// A currency with no members and no credit lines was dissolved; a founder's deposit was
		/// released.
		CurrencyDissolved {
			/// The currency.
			currency: CurrencyId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No currency has this id; it was never created or has been dissolved.
		CurrencyNotFound,
		/// Only the currency's administrators or governance may do this.
		NotAuthorized,
		/// The account has no positive identity judgement; founders and members must be
		/// identified by a registrar first.
		NotIdentified,
		/// The account is not a member of this currency (or is its fund or a clearing account,
		/// where only members may act).
		MemberNotFound,
		/// The payee is not a member (nor the fund) of this currency.
		PayeeNotFound,
		/// The account already has an account in this currency.
		MemberAlreadyExists,
		/// The currency has `MaxMembers` members; remove one first.
		TooManyMembers,
		/// More administrators than `MaxAdmins`.
		TooManyAdmins,
		/// A currency needs at least one administrator.
		NoAdmins,
		/// The name is empty (a name over `MaxNameLen` does not decode).
		EmptyName,
		/// The symbol is empty (a symbol over `MaxSymbolLen` does not decode).
		EmptySymbol,
		/// More decimals than 18.
		TooManyDecimals,
		/// A demurrage rate of 100 % would take everything at once.
		RateTooHigh,
		/// The declared value must be above zero, or conversions would divide by zero.
		ZeroValue,
		/// The notice period exceeds `MaxNotice`.
		NoticeTooLong,
		/// The amount is zero.
		ZeroAmount,
		/// The amount is too large to be kept in fine units (more than about 1.7·10²⁰ smallest
		/// units).
		AmountTooLarge,
		/// Payer and payee are the same account.
		SelfTransfer,
		/// The member is frozen by the currency's administrators and cannot act.
		Frozen,
		/// The payee is frozen by the currency's administrators and cannot be paid.
		PayeeFrozen,
		/// The member is not frozen.
		NotFrozen,
		/// The payment would take the payer below their credit limit.
		OverLimit,
		/// The payer holds savings and would go below zero: spend or withdraw savings before
		/// using credit.
		SavingsFirst,
		/// The spending balance does not cover the amount to save.
		InsufficientBalance,
		/// The savings do not cover the amount to withdraw.
		InsufficientSavings,
		/// A withdrawal is already waiting for its notice; withdraw or cancel it first.
		WithdrawalPending,
		/// No withdrawal is waiting.
		WithdrawalNotFound,
		/// The notice period of the withdrawal has not passed yet.
		NoticeNotElapsed,
		/// Conversion needs two different currencies.
		SameCurrency,
		/// The payee's currency grants the payer's currency no credit line.
		CreditLineNotFound,
		/// The payment would exceed the credit line the payee's currency grants the payer's.
		CreditLineExhausted,
		/// The limit is below what the account already owes.
		LimitBelowDebt,
		/// The account still holds at least one smallest unit, savings or a pending withdrawal;
		/// settle it first.
		AccountNotEmpty,
		/// Moving what remains on the account would take the fund below its credit limit.
		FundOverLimit,
		/// The currency still has members or credit lines.
		CurrencyInUse,
		/// A fund cannot be an account this pallet derives (a clearing account): it would share
		/// one ledger entry with a credit line.
		FundIsReserved,
		/// The partner currency still exists: settle the line by payments and remove it with a
		/// zero `set_credit_line`.
		PartnerStillExists,
		/// The fund cannot absorb what the clearing account owes without going below its credit
		/// limit; collect demurrage into the fund first.
		FundCannotAbsorb,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxAdmins::get() > 0, "MaxAdmins must allow an administrator");
			assert!(T::MaxMembers::get() > 0, "MaxMembers must allow a member");
			assert!(T::MaxNameLen::get() > 0, "MaxNameLen must allow a name");
			assert!(T::MaxSymbolLen::get() > 0, "MaxSymbolLen must allow a symbol");
			assert!(!T::FeelessWindow::get().is_zero(), "FeelessWindow must be positive");
			assert!(T::FeelessBytesPerWindow::get() > 0, "FeelessBytesPerWindow must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight = <T as Config>::WeightInfo)]
	impl<T: Config> Pallet<T> {
		/// Creates a currency.
		///
		/// - Origin: [`Config::GovernanceOrigin`] (no deposit), or a signed founder with a
		///   positive identity judgement, who holds [`Config::CurrencyDeposit`] until the
		///   currency is dissolved.
		/// - `params`: name, symbol, decimals (≤ 18), annual demurrage (< 100 %), default credit
		///   limit (smallest units), fund account, declared value (> 0), savings notice (≤
		///   `MaxNotice` ms) and administrators (1 to `MaxAdmins`).
		///
		/// The fund gets an account with a credit limit of zero.
		///
		/// Emits [`Event::CurrencyCreated`]. Errors: [`Error::NotIdentified`], [`Error::EmptyName`],
		/// [`Error::EmptySymbol`], [`Error::TooManyDecimals`], [`Error::RateTooHigh`],
		/// [`Error::ZeroValue`], [`Error::NoticeTooLong`], [`Error::NoAdmins`],
		/// [`Error::TooManyAdmins`], [`Error::AmountTooLarge`]; a founder without the deposit gets
		/// the native token's error.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::create_currency(params.admins.len() as u32))]
		pub fn create_currency(origin: OriginFor<T>, params: NewCurrencyOf<T>) -> DispatchResult {
			let founder = Self::governance_or_signed(origin)?;
			if let Some(who) = &founder {
				ensure!(T::IdentityJudge::is_identified(who), Error::<T>::NotIdentified);
			}
			let params = CurrencyParams {
				name: params.name.into_inner(),
				symbol: params.symbol.into_inner(),
				decimals: params.decimals,
				demurrage: params.demurrage,
				default_limit: params.default_limit,
				fund: T::Lookup::lookup(params.fund)?,
				value: params.value,
				notice: params.notice,
				admins: Self::lookup_all(params.admins)?,
			};
			Self::insert_currency(params, founder).map(|_| ())
		}

		/// Replaces a currency's administrators.
		///
		/// - Origin: an administrator of the currency, or governance.
		///
		/// Emits [`Event::AdminsSet`]. Errors: [`Error::CurrencyNotFound`], [`Error::NotAuthorized`],
		/// [`Error::NoAdmins`], [`Error::TooManyAdmins`].
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::set_admins(admins.len() as u32))]
		pub fn set_admins(
			origin: OriginFor<T>,
			currency: CurrencyId,
			admins: BoundedVec<AccountIdLookupOf<T>, T::MaxAdmins>,
		) -> DispatchResult {
			Self::ensure_admin(origin, currency)?;
			// Bounded in the call itself: a member may send it feeless, so it cannot be large.
			let admins = Self::bounded_admins(Self::lookup_all(admins)?)?;
			Admins::<T>::insert(currency, &admins);
			Self::deposit_event(Event::AdminsSet { currency, admins });
			Ok(())
		}

		/// Admits an identified account as a member.
		///
		/// - Origin: an administrator of the currency, or governance.
		/// - `limit`: the credit limit in smallest units; the currency's default if `None`.
		///
		/// The account becomes "sufficient": it can send transactions without a native balance.
		///
		/// Emits [`Event::MemberAdmitted`]. Errors: [`Error::CurrencyNotFound`],
		/// [`Error::NotAuthorized`], [`Error::NotIdentified`], [`Error::MemberAlreadyExists`],
		/// [`Error::TooManyMembers`], [`Error::AmountTooLarge`].
		#[pallet::call_index(2)]
		pub fn admit(
			origin: OriginFor<T>,
			currency: CurrencyId,
			who: AccountIdLookupOf<T>,
			limit: Option<u128>,
		) -> DispatchResult {
			Self::ensure_admin(origin, currency)?;
			let who = T::Lookup::lookup(who)?;
			ensure!(T::IdentityJudge::is_identified(&who), Error::<T>::NotIdentified);
			Self::insert_member(currency, &who, limit)
		}

		/// Changes the credit limit of a member or of the fund.
		///
		/// - Origin: an administrator of the currency, or governance.
		/// - `limit`: in smallest units; not below what the account owes now.
		///
		/// Emits [`Event::LimitSet`]. Errors: [`Error::CurrencyNotFound`], [`Error::NotAuthorized`],
		/// [`Error::MemberNotFound`] (also for a clearing account: see [`Pallet::set_credit_line`]),
		/// [`Error::AmountTooLarge`], [`Error::LimitBelowDebt`].
		#[pallet::call_index(3)]
		pub fn set_limit(
			origin: OriginFor<T>,
			currency: CurrencyId,
			who: AccountIdLookupOf<T>,
			limit: u128,
		) -> DispatchResult {
			Self::ensure_admin(origin, currency)?;
			let who = T::Lookup::lookup(who)?;
			let limit = to_fine::<T>(limit)?;
			let mut account =
				Accounts::<T>::get(currency, &who).ok_or(Error::<T>::MemberNotFound)?;
			ensure!(account.role.pays(), Error::<T>::MemberNotFound);
			account.limit = limit;
			ensure!(account.within_limit(), Error::<T>::LimitBelowDebt);
			Accounts::<T>::insert(currency, &who, account);
			Self::deposit_event(Event::LimitSet { currency, who, limit });
			Ok(())
		}

		/// Freezes a member: they can neither pay nor be paid nor move savings until thawed.
		/// Demurrage still applies.
		///
		/// - Origin: an administrator of the currency, or governance.
		///
		/// Emits [`Event::MemberFrozen`]. Errors: [`Error::CurrencyNotFound`],
		/// [`Error::NotAuthorized`], [`Error::MemberNotFound`], [`Error::Frozen`] (already frozen).
		#[pallet::call_index(4)]
		pub fn freeze(
			origin: OriginFor<T>,
			currency: CurrencyId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			Self::ensure_admin(origin, currency)?;
			let who = T::Lookup::lookup(who)?;
			let mut account = Self::member(currency, &who)?;
			ensure!(!account.frozen, Error::<T>::Frozen);
			account.frozen = true;
			Accounts::<T>::insert(currency, &who, account);
			Self::deposit_event(Event::MemberFrozen { currency, who });
			Ok(())
		}

		/// Thaws a frozen member.
		///
		/// - Origin: an administrator of the currency, or governance.
		///
		/// Emits [`Event::MemberThawed`]. Errors: [`Error::CurrencyNotFound`],
		/// [`Error::NotAuthorized`], [`Error::MemberNotFound`], [`Error::NotFrozen`].
		#[pallet::call_index(5)]
		pub fn thaw(
			origin: OriginFor<T>,
			currency: CurrencyId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			Self::ensure_admin(origin, currency)?;
			let who = T::Lookup::lookup(who)?;
			let mut account = Self::member(currency, &who)?;
			ensure!(account.frozen, Error::<T>::NotFrozen);
			account.frozen = false;
			Accounts::<T>::insert(currency, &who, account);
			Self::deposit_event(Event::MemberThawed { currency, who });
			Ok(())
		}

		/// Removes a member: they leave, or an administrator removes them. Their account must
		/// hold less than one smallest unit either way, no savings and no pending withdrawal;
		/// that remainder and their due go to the fund.
		///
		/// - Origin: the member themselves, an administrator of the currency, or governance.
		///
		/// Emits [`Event::MemberRemoved`] (and [`Event::DemurrageCharged`] if demurrage was due).
		/// Errors: [`Error::CurrencyNotFound`], [`Error::NotAuthorized`], [`Error::MemberNotFound`],
		/// [`Error::AccountNotEmpty`], [`Error::FundOverLimit`].
		#[pallet::call_index(6)]
		pub fn remove_member(
			origin: OriginFor<T>,
			currency: CurrencyId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let actor = Self::governance_or_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			// The member leaves by themselves, or an administrator removes them.
			if actor.as_ref() != Some(&who) {
				Self::check_admin(&actor, currency)?;
			}
			let info = Self::currency(currency)?;
			let now = Self::now();
			let mut account = Self::member(currency, &who)?;
			Self::settle(currency, &info, &who, &mut account, now)?;
			ensure!(!account.has_savings(), Error::<T>::AccountNotEmpty);
			ensure!(account.balance.unsigned_abs() < FINE_PER_UNIT, Error::<T>::AccountNotEmpty);
			let settled = account.net().ok_or(ArithmeticError::Overflow)?;
			let mut fund = Self::fund_account(currency, &info)?;
			fund.balance = fund.balance.checked_add(settled).ok_or(ArithmeticError::Overflow)?;
			ensure!(fund.within_limit(), Error::<T>::FundOverLimit);
			let mut info = info;
			info.members = info.members.saturating_sub(1);
			Accounts::<T>::insert(currency, &info.fund, fund);
			Accounts::<T>::remove(currency, &who);
			Currencies::<T>::insert(currency, info);
			let _ = frame_system::Pallet::<T>::dec_sufficients(&who);
			Self::deposit_event(Event::MemberRemoved { currency, who, settled });
			Ok(())
		}

		/// Pays another member (or the fund) of the same currency.
		///
		/// - Origin: a signed, unfrozen member or the currency's fund.
		/// - `amount`: in smallest units, above zero.
		///
		/// Demurrage is applied to both accounts first. The payer may go below zero down to
		/// minus their credit limit, unless they hold savings.
		///
		/// Emits [`Event::Transferred`] (and [`Event::DemurrageCharged`] for each account that
		/// decayed). Errors: [`Error::ZeroAmount`], [`Error::AmountTooLarge`],
		/// [`Error::SelfTransfer`], [`Error::CurrencyNotFound`], [`Error::MemberNotFound`],
		/// [`Error::PayeeNotFound`], [`Error::Frozen`], [`Error::PayeeFrozen`],
		/// [`Error::OverLimit`], [`Error::SavingsFirst`]; `Arithmetic(Overflow)` if the payee's
		/// balance would overflow.
		#[pallet::call_index(7)]
		pub fn transfer(
			origin: OriginFor<T>,
			currency: CurrencyId,
			to: AccountIdLookupOf<T>,
			amount: u128,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			let to = T::Lookup::lookup(to)?;
			let fine = to_fine::<T>(amount)?;
			ensure!(from != to, Error::<T>::SelfTransfer);
			let info = Self::currency(currency)?;
			let now = Self::now();
			let mut payer = Self::payer(currency, &info, &from, now)?;
			let mut payee = Self::payee(currency, &info, &to, now)?;
			Self::debit(&mut payer, fine)?;
			Self::credit(&mut payee, fine)?;
			Accounts::<T>::insert(currency, &from, payer);
			Accounts::<T>::insert(currency, &to, payee);
			Self::deposit_event(Event::Transferred { currency, from, to, amount });
			Ok(())
		}

		/// Moves spending balance into savings, which do not decay.
		///
		/// - Origin: a signed, unfrozen member.
		/// - `amount`: in smallest units, above zero, covered by the spending balance.
		///
		/// Emits [`Event::Saved`]. Errors: [`Error::ZeroAmount`], [`Error::AmountTooLarge`],
		/// [`Error::CurrencyNotFound`], [`Error::MemberNotFound`], [`Error::Frozen`],
		/// [`Error::InsufficientBalance`].
		#[pallet::call_index(8)]
		pub fn save(origin: OriginFor<T>, currency: CurrencyId, amount: u128) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let fine = to_fine::<T>(amount)?;
			let info = Self::currency(currency)?;
			let mut account = Self::active_member(currency, &info, &who, Self::now())?;
			let remaining = account.balance.checked_sub(fine_i(fine)?);
			ensure!(remaining.is_some_and(|r| r >= 0), Error::<T>::InsufficientBalance);
			account.balance = remaining.ok_or(ArithmeticError::Underflow)?;
			account.savings = account.savings.checked_add(fine).ok_or(ArithmeticError::Overflow)?;
			Accounts::<T>::insert(currency, &who, account);
			Self::deposit_event(Event::Saved { currency, who, amount });
			Ok(())
		}

		/// Asks for savings back. After the currency's notice period the amount joins the
		/// spending balance by itself (and decays from then on); [`Pallet::withdraw`] only
		/// confirms it.
		///
		/// - Origin: a signed, unfrozen member with no withdrawal pending.
		/// - `amount`: in smallest units, above zero, covered by savings.
		///
		/// Emits [`Event::WithdrawalRequested`]. Errors: [`Error::ZeroAmount`],
		/// [`Error::AmountTooLarge`], [`Error::CurrencyNotFound`], [`Error::MemberNotFound`],
		/// [`Error::Frozen`], [`Error::WithdrawalPending`], [`Error::InsufficientSavings`].
		#[pallet::call_index(9)]
		pub fn request_withdrawal(
			origin: OriginFor<T>,
			currency: CurrencyId,
			amount: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let fine = to_fine::<T>(amount)?;
			let info = Self::currency(currency)?;
			let now = Self::now();
			let mut account = Self::active_member(currency, &info, &who, now)?;
			ensure!(account.withdrawal.is_none(), Error::<T>::WithdrawalPending);
			account.savings =
				account.savings.checked_sub(fine).ok_or(Error::<T>::InsufficientSavings)?;
			let ready_at = now.checked_add(info.notice).ok_or(ArithmeticError::Overflow)?;
			account.withdrawal = Some(Withdrawal { amount: fine, ready_at });
			Accounts::<T>::insert(currency, &who, account);
			Self::deposit_event(Event::WithdrawalRequested { currency, who, amount, ready_at });
			Ok(())
		}

		/// Completes a withdrawal whose notice has passed: the amount is (already) part of the
		/// spending balance.
		///
		/// - Origin: a signed, unfrozen member.
		///
		/// Emits [`Event::SavingsReleased`]. Errors: [`Error::CurrencyNotFound`],
		/// [`Error::MemberNotFound`], [`Error::Frozen`], [`Error::NoticeNotElapsed`] (the notice is
		/// still running), [`Error::WithdrawalNotFound`] (nothing was waiting, or it was already
		/// released).
		#[pallet::call_index(10)]
		pub fn withdraw(origin: OriginFor<T>, currency: CurrencyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let info = Self::currency(currency)?;
			let now = Self::now();
			let account = Self::member(currency, &who)?;
			ensure!(!account.frozen, Error::<T>::Frozen);
			let w = account.withdrawal.ok_or(Error::<T>::WithdrawalNotFound)?;
			ensure!(w.ready_at <= now, Error::<T>::NoticeNotElapsed);
			// Settling releases it (and emits `SavingsReleased`).
			let account = Self::active_member(currency, &info, &who, now)?;
			Accounts::<T>::insert(currency, &who, account);
			Ok(())
		}

		/// Cancels a withdrawal still waiting for its notice: the amount goes back to savings.
		///
		/// - Origin: a signed, unfrozen member.
		///
		/// Emits [`Event::WithdrawalCancelled`]. Errors: [`Error::CurrencyNotFound`],
		/// [`Error::MemberNotFound`], [`Error::Frozen`], [`Error::WithdrawalNotFound`].
		#[pallet::call_index(11)]
		pub fn cancel_withdrawal(origin: OriginFor<T>, currency: CurrencyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let info = Self::currency(currency)?;
			let mut account = Self::active_member(currency, &info, &who, Self::now())?;
			let w = account.withdrawal.take().ok_or(Error::<T>::WithdrawalNotFound)?;
			account.savings =
				account.savings.checked_add(w.amount).ok_or(ArithmeticError::Overflow)?;
			Accounts::<T>::insert(currency, &who, account);
			Self::deposit_event(Event::WithdrawalCancelled { currency, who, amount: w.amount });
			Ok(())
		}

		/// Sets the credit line this currency grants a partner currency: how far this currency's
		/// clearing account for the partner may go below zero when members of the partner pay
		/// members here. A line of zero on a settled clearing account removes it.
		///
		/// - Origin: an administrator of `currency`, or governance.
		/// - `limit`: in smallest units of `currency`; not below what the clearing account owes.
		///
		/// Emits [`Event::CreditLineSet`]. Errors: [`Error::CurrencyNotFound`] (either currency),
		/// [`Error::NotAuthorized`], [`Error::SameCurrency`], [`Error::AmountTooLarge`],
		/// [`Error::LimitBelowDebt`].
		#[pallet::call_index(12)]
		pub fn set_credit_line(
			origin: OriginFor<T>,
			currency: CurrencyId,
			partner: CurrencyId,
			limit: u128,
		) -> DispatchResult {
			Self::ensure_admin(origin, currency)?;
			Self::set_line(currency, partner, limit)
		}

		/// Pays a member of another currency, at the ratio of the two currencies' declared
		/// values.
		///
		/// - Origin: a signed, unfrozen member (or the fund) of `currency`.
		/// - `amount`: what the payee receives, in smallest units of `to_currency`, above zero.
		///   The payer pays its equivalent in fine units of `currency`, rounded up.
		///
		/// The payer pays `currency`'s clearing account for `to_currency`; `to_currency`'s
		/// clearing account for `currency` pays the payee, within the credit line `to_currency`
		/// grants `currency`. Demurrage is applied to payer and payee first.
		///
		/// Emits [`Event::PaidAcross`]. Errors: [`Error::ZeroAmount`], [`Error::AmountTooLarge`],
		/// [`Error::SameCurrency`], [`Error::CurrencyNotFound`], [`Error::MemberNotFound`],
		/// [`Error::PayeeNotFound`], [`Error::Frozen`], [`Error::PayeeFrozen`],
		/// [`Error::CreditLineNotFound`], [`Error::CreditLineExhausted`], [`Error::OverLimit`],
		/// [`Error::SavingsFirst`].
		#[pallet::call_index(13)]
		pub fn pay_across(
			origin: OriginFor<T>,
			currency: CurrencyId,
			to_currency: CurrencyId,
			to: AccountIdLookupOf<T>,
			amount: u128,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			let to = T::Lookup::lookup(to)?;
			let received = to_fine::<T>(amount)?;
			ensure!(currency != to_currency, Error::<T>::SameCurrency);
			let info = Self::currency(currency)?;
			let to_info = Self::currency(to_currency)?;
			let paid = Self::convert(received, &to_info, &info)?;
			let now = Self::now();
			let mut payer = Self::payer(currency, &info, &from, now)?;
			let mut payee = Self::payee(to_currency, &to_info, &to, now)?;
			let line_account = Self::clearing_account(to_currency, currency);
			let mut line = Accounts::<T>::get(to_currency, &line_account)
				.filter(|a| matches!(a.role, Role::Clearing { .. }))
				.ok_or(Error::<T>::CreditLineNotFound)?;
			line.balance = line
				.balance
				.checked_sub(fine_i(received)?)
				.filter(|b| *b >= 0 || b.unsigned_abs() <= line.limit)
				.ok_or(Error::<T>::CreditLineExhausted)?;
			let clearing_account = Self::clearing_account(currency, to_currency);
			let (mut clearing, new_clearing) = match Accounts::<T>::get(currency, &clearing_account)
			{
				Some(c) => (c, false),
				None => (CreditAccount::new(Role::Clearing { partner: to_currency }, 0, now), true),
			};
			Self::debit(&mut payer, paid)?;
			Self::credit(&mut clearing, paid)?;
			Self::credit(&mut payee, received)?;
			Accounts::<T>::insert(currency, &from, payer);
			Accounts::<T>::insert(currency, &clearing_account, clearing);
			Accounts::<T>::insert(to_currency, &line_account, line);
			Accounts::<T>::insert(to_currency, &to, payee);
			if new_clearing {
				let mut info = info;
				info.lines = info.lines.checked_add(1).ok_or(ArithmeticError::Overflow)?;
				Currencies::<T>::insert(currency, info);
			}
			Self::deposit_event(Event::PaidAcross {
				from_currency: currency,
				to_currency,
				from,
				to,
				paid,
				received: amount,
			});
			Ok(())
		}

		/// Applies demurrage to the given accounts and moves their dues into the fund.
		///
		/// - Origin: anybody signed.
		/// - `accounts`: up to [`MAX_COLLECT`] accounts of the currency.
		///
		/// Emits [`Event::DemurrageCollected`] (and [`Event::DemurrageCharged`] per account that
		/// decayed). Errors: [`Error::CurrencyNotFound`], [`Error::MemberNotFound`] (an account that
		/// has no account in the currency).
		#[pallet::call_index(14)]
		#[pallet::weight(<T as Config>::WeightInfo::collect(accounts.len() as u32))]
		pub fn collect(
			origin: OriginFor<T>,
			currency: CurrencyId,
			accounts: BoundedVec<AccountIdLookupOf<T>, ConstU32<MAX_COLLECT>>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let accounts = Self::lookup_all(accounts)?;
			let info = Self::currency(currency)?;
			let now = Self::now();
			let mut fund = Self::fund_account(currency, &info)?;
			let mut total = 0u128;
			let mut from = BoundedVec::<_, ConstU32<MAX_COLLECT>>::new();
			for who in &accounts {
				if *who == info.fund {
					continue;
				}
				let mut account =
					Accounts::<T>::get(currency, who).ok_or(Error::<T>::MemberNotFound)?;
				Self::settle(currency, &info, who, &mut account, now)?;
				total = total.checked_add(account.due).ok_or(ArithmeticError::Overflow)?;
				fund.balance = fund
					.balance
					.checked_add(fine_i(account.due)?)
					.ok_or(ArithmeticError::Overflow)?;
				if account.due > 0 {
					// At most one entry per listed account: `accounts` is bounded alike.
					from.try_push((who.clone(), account.due))
						.map_err(|_| ArithmeticError::Overflow)?;
				}
				account.due = 0;
				Accounts::<T>::insert(currency, who, account);
			}
			Accounts::<T>::insert(currency, &info.fund, fund);
			Self::deposit_event(Event::DemurrageCollected { currency, amount: total, from });
			Ok(())
		}

		/// Dissolves a currency that has no members and no clearing accounts left (its fund's
		/// account is then empty) and releases a founder's deposit.
		///
		/// - Origin: an administrator of the currency, or governance.
		///
		/// Emits [`Event::CurrencyDissolved`]. Errors: [`Error::CurrencyNotFound`],
		/// [`Error::NotAuthorized`], [`Error::CurrencyInUse`].
		#[pallet::call_index(15)]
		pub fn dissolve(origin: OriginFor<T>, currency: CurrencyId) -> DispatchResult {
			Self::ensure_admin(origin, currency)?;
			let info = Self::currency(currency)?;
			ensure!(info.members == 0 && info.lines == 0, Error::<T>::CurrencyInUse);
			let fund = Self::fund_account(currency, &info)?;
			ensure!(fund.net() == Some(0), Error::<T>::CurrencyInUse);
			if let Some((founder, deposit)) = &info.deposit {
				T::NativeBalance::release(
					&HoldReason::CurrencyDeposit.into(),
					founder,
					*deposit,
					Precision::BestEffort,
				)?;
			}
			Accounts::<T>::remove(currency, &info.fund);
			let _ = frame_system::Pallet::<T>::dec_sufficients(&info.fund);
			Admins::<T>::remove(currency);
			Currencies::<T>::remove(currency);
			Self::deposit_event(Event::CurrencyDissolved { currency });
			Ok(())
		}

		/// Settles and removes this currency's clearing account for a partner currency that was
		/// dissolved: what it holds (a rounding residue of conversions, of either sign) goes to
		/// the fund, which stays within its credit limit, and the line is gone.
		///
		/// - Origin: an administrator of `currency`, or governance.
		///
		/// Emits [`Event::ClearingSettled`]. Errors: [`Error::CurrencyNotFound`],
		/// [`Error::NotAuthorized`], [`Error::PartnerStillExists`], [`Error::CreditLineNotFound`],
		/// [`Error::FundCannotAbsorb`].
		#[pallet::call_index(16)]
		pub fn settle_clearing(
			origin: OriginFor<T>,
			currency: CurrencyId,
			partner: CurrencyId,
		) -> DispatchResult {
			Self::ensure_admin(origin, currency)?;
			ensure!(!Currencies::<T>::contains_key(partner), Error::<T>::PartnerStillExists);
			let mut info = Self::currency(currency)?;
			let who = Self::clearing_account(currency, partner);
			let clearing = Accounts::<T>::get(currency, &who)
				.filter(|a| a.role == Role::Clearing { partner })
				.ok_or(Error::<T>::CreditLineNotFound)?;
			let mut fund = Self::fund_account(currency, &info)?;
			fund.balance =
				fund.balance.checked_add(clearing.balance).ok_or(ArithmeticError::Overflow)?;
			ensure!(fund.within_limit(), Error::<T>::FundCannotAbsorb);
			Accounts::<T>::insert(currency, &info.fund, fund);
			Accounts::<T>::remove(currency, &who);
			info.lines = info.lines.saturating_sub(1);
			Currencies::<T>::insert(currency, info);
			Self::deposit_event(Event::ClearingSettled {
				currency,
				partner,
				amount: clearing.balance,
			});
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// `who`'s account in `currency` as it stands at moment `at` (milliseconds since the Unix
		/// epoch; now if `None`), demurrage and released savings included: what a wallet shows,
		/// and, with a future `at`, what demurrage will have taken by then.
		pub fn account(
			currency: CurrencyId,
			who: T::AccountId,
			at: Option<Moment>,
		) -> Option<AccountView> {
			let info = Currencies::<T>::get(currency)?;
			let mut account = Accounts::<T>::get(currency, &who)?;
			let at = at.unwrap_or_else(Self::now).max(account.updated);
			account.settle(at, info.decay).ok()?;
			let room = if account.has_savings() {
				account.balance.max(0).unsigned_abs()
			} else {
				u128::try_from(
					account
						.balance
						.saturating_add(i128::try_from(account.limit).unwrap_or(i128::MAX)),
				)
				.unwrap_or(0)
			};
			Some(AccountView {
				role: account.role,
				balance: account.balance,
				savings: account.savings,
				withdrawal: account.withdrawal,
				due: account.due,
				limit: account.limit,
				spendable: room / FINE_PER_UNIT,
				frozen: account.frozen,
				at,
			})
		}

		/// What paying `amount` smallest units of `to_currency` costs in fine units of
		/// `currency` (see [`Pallet::pay_across`]).
		pub fn quote(currency: CurrencyId, to_currency: CurrencyId, amount: u128) -> Option<u128> {
			let info = Currencies::<T>::get(currency)?;
			let to_info = Currencies::<T>::get(to_currency)?;
			Self::convert(to_fine::<T>(amount).ok()?, &to_info, &info).ok()
		}

		/// The account that settles `currency`'s side of payments with `partner`.
		pub fn clearing_account_of(currency: CurrencyId, partner: CurrencyId) -> T::AccountId {
			Self::clearing_account(currency, partner)
		}
	}
}

/// Smallest units to fine units.
fn to_fine<T: Config>(amount: u128) -> Result<u128, Error<T>> {
	ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
	amount
		.checked_mul(FINE_PER_UNIT)
		.filter(|f| *f <= i128::MAX as u128)
		.ok_or(Error::<T>::AmountTooLarge)
}

/// Fine units as a signed amount (every fine amount from [`to_fine`] fits).
fn fine_i(fine: u128) -> Result<i128, ArithmeticError> {
	i128::try_from(fine).map_err(|_| ArithmeticError::Overflow)
}

impl<T: Config> Pallet<T> {
	/// The chain's time in milliseconds.
	fn now() -> Moment {
		u64::try_from(T::Time::now().as_millis()).unwrap_or(Moment::MAX)
	}

	fn currency(currency: CurrencyId) -> Result<CurrencyOf<T>, DispatchError> {
		Currencies::<T>::get(currency).ok_or_else(|| Error::<T>::CurrencyNotFound.into())
	}

	/// The clearing account of `currency` for `partner`.
	pub fn clearing_account(currency: CurrencyId, partner: CurrencyId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"clr", currency, partner))
	}

	/// Governance, or a signed administrator of an existing currency. The origin is checked
	/// before any storage is read.
	fn ensure_admin(origin: OriginFor<T>, currency: CurrencyId) -> DispatchResult {
		let actor = Self::governance_or_signed(origin)?;
		Self::check_admin(&actor, currency)
	}

	/// Who acts: governance (`None`) or a signed account; any other origin is refused.
	fn governance_or_signed(origin: OriginFor<T>) -> Result<Option<T::AccountId>, DispatchError> {
		match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Ok(None),
			Err(origin) => Ok(Some(ensure_signed(origin)?)),
		}
	}

	/// Whether the actor from [`Self::governance_or_signed`] administers `currency`, which must
	/// exist.
	fn check_admin(actor: &Option<T::AccountId>, currency: CurrencyId) -> DispatchResult {
		ensure!(Currencies::<T>::contains_key(currency), Error::<T>::CurrencyNotFound);
		if let Some(who) = actor {
			ensure!(Admins::<T>::get(currency).contains(who), Error::<T>::NotAuthorized);
		}
		Ok(())
	}

	/// The accounts a call names, looked up.
	fn lookup_all(
		addresses: impl IntoIterator<Item = AccountIdLookupOf<T>>,
	) -> Result<Vec<T::AccountId>, DispatchError> {
		addresses
			.into_iter()
			.map(|a| T::Lookup::lookup(a).map_err(Into::into))
			.collect()
	}

	fn bounded_admins(admins: Vec<T::AccountId>) -> Result<AdminsOf<T>, DispatchError> {
		ensure!(!admins.is_empty(), Error::<T>::NoAdmins);
		BoundedVec::try_from(admins).map_err(|_| Error::<T>::TooManyAdmins.into())
	}

	/// Validates and stores a new currency; holds the founder's deposit.
	pub fn insert_currency(
		params: CurrencyParams<T::AccountId>,
		founder: Option<T::AccountId>,
	) -> Result<CurrencyId, DispatchError> {
		let name: BoundedVec<u8, T::MaxNameLen> =
			params.name.try_into().map_err(|_| Error::<T>::EmptyName)?;
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let symbol: BoundedVec<u8, T::MaxSymbolLen> =
			params.symbol.try_into().map_err(|_| Error::<T>::EmptySymbol)?;
		ensure!(!symbol.is_empty(), Error::<T>::EmptySymbol);
		ensure!(params.decimals <= MAX_DECIMALS, Error::<T>::TooManyDecimals);
		let decay = demurrage::decay_constant(params.demurrage).ok_or(Error::<T>::RateTooHigh)?;
		ensure!(!params.value.is_zero(), Error::<T>::ZeroValue);
		ensure!(params.notice <= T::MaxNotice::get(), Error::<T>::NoticeTooLong);
		ensure!(!Self::is_reserved(&params.fund), Error::<T>::FundIsReserved);
		let default_limit =
			if params.default_limit.is_zero() { 0 } else { to_fine::<T>(params.default_limit)? };
		let admins = Self::bounded_admins(params.admins)?;
		let id = NextCurrencyId::<T>::get();
		let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let deposit = match &founder {
			Some(who) => {
				let amount = T::CurrencyDeposit::get();
				T::NativeBalance::hold(&HoldReason::CurrencyDeposit.into(), who, amount)?;
				Some((who.clone(), amount))
			},
			None => None,
		};
		let now = Self::now();
		Accounts::<T>::insert(id, &params.fund, CreditAccount::new(Role::Fund, 0, now));
		frame_system::Pallet::<T>::inc_sufficients(&params.fund);
		Currencies::<T>::insert(
			id,
			CurrencyInfo {
				name: name.clone(),
				symbol: symbol.clone(),
				decimals: params.decimals,
				demurrage: params.demurrage,
				decay,
				value: params.value,
				default_limit,
				fund: params.fund.clone(),
				notice: params.notice,
				members: 0,
				lines: 0,
				deposit,
			},
		);
		Admins::<T>::insert(id, &admins);
		NextCurrencyId::<T>::put(next);
		Self::deposit_event(Event::CurrencyCreated {
			currency: id,
			founder,
			name,
			symbol,
			decimals: params.decimals,
			fund: params.fund,
			demurrage: params.demurrage,
			value: params.value,
			default_limit: params.default_limit,
			notice: params.notice,
		});
		Self::deposit_event(Event::AdminsSet { currency: id, admins });
		Ok(id)
	}

	/// Admits a member (identity already checked, or trusted at genesis).
	pub fn insert_member(
		currency: CurrencyId,
		who: &T::AccountId,
		limit: Option<u128>,
	) -> DispatchResult {
		let mut info = Self::currency(currency)?;
		ensure!(!Accounts::<T>::contains_key(currency, who), Error::<T>::MemberAlreadyExists);
		ensure!(info.members < T::MaxMembers::get(), Error::<T>::TooManyMembers);
		let limit = match limit {
			Some(0) => 0,
			Some(l) => to_fine::<T>(l)?,
			None => info.default_limit,
		};
		info.members = info.members.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		Accounts::<T>::insert(currency, who, CreditAccount::new(Role::Member, limit, Self::now()));
		Currencies::<T>::insert(currency, info);
		frame_system::Pallet::<T>::inc_sufficients(who);
		Self::deposit_event(Event::MemberAdmitted { currency, who: who.clone(), limit });
		Ok(())
	}

	/// Creates, changes or removes the clearing account of `currency` for `partner`.
	pub fn set_line(currency: CurrencyId, partner: CurrencyId, limit: u128) -> DispatchResult {
		ensure!(currency != partner, Error::<T>::SameCurrency);
		let mut info = Self::currency(currency)?;
		ensure!(Currencies::<T>::contains_key(partner), Error::<T>::CurrencyNotFound);
		let limit = if limit.is_zero() { 0 } else { to_fine::<T>(limit)? };
		let who = Self::clearing_account(currency, partner);
		match Accounts::<T>::get(currency, &who) {
			Some(mut account) => {
				account.limit = limit;
				ensure!(account.within_limit(), Error::<T>::LimitBelowDebt);
				if limit == 0 && account.net() == Some(0) {
					Accounts::<T>::remove(currency, &who);
					info.lines = info.lines.saturating_sub(1);
					Currencies::<T>::insert(currency, info);
				} else {
					Accounts::<T>::insert(currency, &who, account);
				}
			},
			None => {
				let account = CreditAccount::new(Role::Clearing { partner }, limit, Self::now());
				Accounts::<T>::insert(currency, &who, account);
				info.lines = info.lines.checked_add(1).ok_or(ArithmeticError::Overflow)?;
				Currencies::<T>::insert(currency, info);
			},
		}
		Self::deposit_event(Event::CreditLineSet { currency, partner, limit });
		Ok(())
	}

	/// `who`'s account with role `Member`.
	fn member(currency: CurrencyId, who: &T::AccountId) -> Result<AccountOf<T>, DispatchError> {
		ensure!(Currencies::<T>::contains_key(currency), Error::<T>::CurrencyNotFound);
		Accounts::<T>::get(currency, who)
			.filter(|a| a.role == Role::Member)
			.ok_or_else(|| Error::<T>::MemberNotFound.into())
	}

	/// `who`'s unfrozen account with a role `accepts` takes, settled up to `now`; `missing` and
	/// `frozen` are the errors for the two refusals.
	fn usable(
		currency: CurrencyId,
		info: &CurrencyOf<T>,
		who: &T::AccountId,
		now: Moment,
		accepts: fn(Role) -> bool,
		(missing, frozen): (Error<T>, Error<T>),
	) -> Result<AccountOf<T>, DispatchError> {
		let mut account =
			Accounts::<T>::get(currency, who).filter(|a| accepts(a.role)).ok_or(missing)?;
		ensure!(!account.frozen, frozen);
		Self::settle(currency, info, who, &mut account, now)?;
		Ok(account)
	}

	/// An unfrozen member's account, settled up to `now`.
	fn active_member(
		currency: CurrencyId,
		info: &CurrencyOf<T>,
		who: &T::AccountId,
		now: Moment,
	) -> Result<AccountOf<T>, DispatchError> {
		let errors = (Error::<T>::MemberNotFound, Error::<T>::Frozen);
		Self::usable(currency, info, who, now, |r| r == Role::Member, errors)
	}

	/// A payer's account (an unfrozen member or the fund), settled up to `now`.
	fn payer(
		currency: CurrencyId,
		info: &CurrencyOf<T>,
		who: &T::AccountId,
		now: Moment,
	) -> Result<AccountOf<T>, DispatchError> {
		let errors = (Error::<T>::MemberNotFound, Error::<T>::Frozen);
		Self::usable(currency, info, who, now, Role::pays, errors)
	}

	/// A payee's account (an unfrozen member or the fund), settled up to `now`.
	fn payee(
		currency: CurrencyId,
		info: &CurrencyOf<T>,
		who: &T::AccountId,
		now: Moment,
	) -> Result<AccountOf<T>, DispatchError> {
		let errors = (Error::<T>::PayeeNotFound, Error::<T>::PayeeFrozen);
		Self::usable(currency, info, who, now, Role::pays, errors)
	}

	/// The fund's account.
	fn fund_account(
		currency: CurrencyId,
		info: &CurrencyOf<T>,
	) -> Result<AccountOf<T>, DispatchError> {
		Accounts::<T>::get(currency, &info.fund)
			.defensive_proof("every currency has its fund's account; qed")
			.ok_or_else(|| Error::<T>::CurrencyNotFound.into())
	}

	/// Brings an account up to `now` and reports what that did.
	fn settle(
		currency: CurrencyId,
		info: &CurrencyOf<T>,
		who: &T::AccountId,
		account: &mut AccountOf<T>,
		now: Moment,
	) -> DispatchResult {
		let s = account.settle(now, info.decay)?;
		if s.demurrage > 0 {
			Self::deposit_event(Event::DemurrageCharged {
				currency,
				who: who.clone(),
				amount: s.demurrage,
			});
		}
		if s.released > 0 {
			Self::deposit_event(Event::SavingsReleased {
				currency,
				who: who.clone(),
				amount: s.released,
			});
		}
		Ok(())
	}

	/// Takes `fine` from a payer within their limit (no credit while holding savings).
	fn debit(payer: &mut AccountOf<T>, fine: u128) -> DispatchResult {
		let balance = payer.balance.checked_sub(fine_i(fine)?).ok_or(Error::<T>::OverLimit)?;
		ensure!(balance >= 0 || !payer.has_savings(), Error::<T>::SavingsFirst);
		ensure!(balance >= 0 || balance.unsigned_abs() <= payer.limit, Error::<T>::OverLimit);
		payer.balance = balance;
		Ok(())
	}

	/// Adds `fine` to a payee.
	fn credit(payee: &mut AccountOf<T>, fine: u128) -> DispatchResult {
		payee.balance =
			payee.balance.checked_add(fine_i(fine)?).ok_or(ArithmeticError::Overflow)?;
		Ok(())
	}

	/// What `fine` units of `to` cost in fine units of `from`, rounded up:
	/// `fine · value_to · 10^decimals_from / (value_from · 10^decimals_to)`.
	fn convert(
		fine: u128,
		to: &CurrencyOf<T>,
		from: &CurrencyOf<T>,
	) -> Result<u128, DispatchError> {
		let pow = |d: u8| U512::from(10u8).pow(U512::from(d));
		let num = U512::from(fine)
			.checked_mul(U512::from(to.value.into_inner()))
			.and_then(|n| n.checked_mul(pow(from.decimals)))
			.ok_or(ArithmeticError::Overflow)?;
		let den = U512::from(from.value.into_inner())
			.checked_mul(pow(to.decimals))
			.filter(|d| !d.is_zero())
			.ok_or(Error::<T>::ZeroValue)?;
		let (q, r) = num.div_mod(den);
		let q = if r.is_zero() {
			q
		} else {
			q.checked_add(U512::one()).ok_or(ArithmeticError::Overflow)?
		};
		u128::try_from(q)
			.ok()
			.filter(|p| *p <= i128::MAX as u128 && !p.is_zero())
			.ok_or_else(|| Error::<T>::AmountTooLarge.into())
	}

	/// If `call`, sent by `who`, may go without a fee: the currency it names, when `who` is an
	/// unfrozen member or the fund of it with feeless transactions left in this window.
	pub fn feeless_currency(who: &T::AccountId, call: &Call<T>, len: usize) -> Option<CurrencyId> {
		let currency = call.currency()?;
		let account = Accounts::<T>::get(currency, who)?;
		let eligible = account.role.pays() && !account.frozen;
		(eligible && Self::feeless_left(&account, len)).then_some(currency)
	}

	/// Whether a feeless transaction of `len` bytes fits what is left of the account's window.
	fn feeless_left(account: &AccountOf<T>, len: usize) -> bool {
		let used = Self::feeless_now(account);
		let bytes = u32::try_from(len).ok().and_then(|len| used.bytes.checked_add(len));
		used.used < T::FeelessPerWindow::get()
			&& bytes.is_some_and(|b| b <= T::FeelessBytesPerWindow::get())
	}

	/// The account's feeless use in the current window (a fresh one if its window is over).
	fn feeless_now(account: &AccountOf<T>) -> FeelessUse<BlockNumberFor<T>> {
		let now = T::BlockNumberProvider::current_block_number();
		if now >= account.feeless.since.saturating_add(T::FeelessWindow::get()) {
			FeelessUse { since: now, used: 0, bytes: 0 }
		} else {
			account.feeless
		}
	}

	/// Counts one feeless transaction of `len` bytes of `who` in `currency`.
	pub fn use_feeless(who: &T::AccountId, currency: CurrencyId, len: usize) {
		Accounts::<T>::mutate(currency, who, |account| {
			if let Some(account) = account {
				let mut used = Self::feeless_now(account);
				used.used = used.used.saturating_add(1);
				used.bytes = used.bytes.saturating_add(u32::try_from(len).unwrap_or(u32::MAX));
				account.feeless = used;
			}
		});
	}

	/// Whether `who` is an account this pallet derives (its own, or a clearing account): every
	/// such account starts with `modl` and the pallet's id (12 bytes; all of a shorter account
	/// id). Never a fund.
	fn is_reserved(who: &T::AccountId) -> bool {
		let ours: T::AccountId = T::PalletId::get().into_account_truncating();
		let ours = ours.encode();
		let mark = ours.get(..ours.len().min(12)).unwrap_or(&ours[..]);
		who.encode().starts_with(mark)
	}

	/// The invariants of the pallet:
	///
	/// - every currency is zero-sum: the net positions (spending + savings + pending withdrawal
	///   + due) of its accounts add up to exactly zero;
	/// - no spending balance is below its credit limit;
	/// - only members hold savings, pending withdrawals or dues, or are frozen;
	/// - a currency's member and clearing-account counts match its accounts, its fund has an
	///   account with role `Fund`, and it has 1 to `MaxAdmins` administrators;
	/// - every account belongs to an existing currency, and `NextCurrencyId` is above every id.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (id, info) in Currencies::<T>::iter() {
			ensure!(id < NextCurrencyId::<T>::get(), "currency id not below NextCurrencyId");
			let admins = Admins::<T>::get(id).len();
			ensure!(admins > 0, "currency without administrators");
			let fund = Accounts::<T>::get(id, &info.fund).ok_or("fund without account")?;
			ensure!(fund.role == Role::Fund, "fund account has another role");
			let (mut sum, mut members, mut lines) = (0i128, 0u32, 0u32);
			for (_, account) in Accounts::<T>::iter_prefix(id) {
				let net = account.net().ok_or("account net position overflows")?;
				sum = sum.checked_add(net).ok_or("currency sum overflows")?;
				ensure!(account.within_limit(), "balance below its credit limit");
				match account.role {
					Role::Member => members = members.saturating_add(1),
					Role::Clearing { .. } => lines = lines.saturating_add(1),
					Role::Fund => {},
				}
				if account.role != Role::Member {
					ensure!(
						!account.has_savings() && account.due == 0 && !account.frozen,
						"only members save, owe demurrage or are frozen"
					);
				}
			}
			ensure!(sum == 0, "currency is not zero-sum");
			ensure!(members == info.members, "member count mismatch");
			ensure!(lines == info.lines, "clearing account count mismatch");
		}
		for (id, _, _) in Accounts::<T>::iter() {
			ensure!(Currencies::<T>::contains_key(id), "account of an unknown currency");
		}
		Ok(())
	}
}

impl<T: Config> Call<T> {
	/// The currency a call acts in, for the feeless rule (every call but `create_currency`).
	pub fn currency(&self) -> Option<CurrencyId> {
		match self {
			Call::set_admins { currency, .. }
			| Call::admit { currency, .. }
			| Call::set_limit { currency, .. }
			| Call::freeze { currency, .. }
			| Call::thaw { currency, .. }
			| Call::remove_member { currency, .. }
			| Call::transfer { currency, .. }
			| Call::save { currency, .. }
			| Call::request_withdrawal { currency, .. }
			| Call::withdraw { currency }
			| Call::cancel_withdrawal { currency }
			| Call::set_credit_line { currency, .. }
			| Call::pay_across { currency, .. }
			| Call::collect { currency, .. }
			| Call::dissolve { currency } => Some(*currency),
			_ => None,
		}
	}
}

/// Parameters in their stored form (plain accounts and lists, as genesis takes them) as
/// `create_currency` takes them: accounts as lookups, lists cut to their bounds. For the
/// benchmarks and the tests.
#[cfg(any(test, feature = "runtime-benchmarks"))]
pub fn call_form<T: Config>(p: CurrencyParams<T::AccountId>) -> NewCurrencyOf<T> {
	use sp_runtime::traits::StaticLookup;
	CurrencyParams {
		name: BoundedVec::truncate_from(p.name),
		symbol: BoundedVec::truncate_from(p.symbol),
		decimals: p.decimals,
		demurrage: p.demurrage,
		default_limit: p.default_limit,
		fund: T::Lookup::unlookup(p.fund),
		value: p.value,
		notice: p.notice,
		admins: BoundedVec::truncate_from(p.admins.into_iter().map(T::Lookup::unlookup).collect()),
	}
}
