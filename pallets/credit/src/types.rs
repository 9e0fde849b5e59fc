//! The records of the credit pallet and the bookkeeping on one account.

use crate::demurrage;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	sp_runtime::{ArithmeticError, FixedU128, Perbill},
	BoundedVec,
};
use pallet_veche_primitives::CurrencyId;
use scale_info::TypeInfo;

/// A time on the chain's clock (`pallet-timestamp`): milliseconds since the Unix epoch.
pub type Moment = u64;

/// Fine units in one smallest unit of a currency (a cent, if the currency has two decimals).
///
/// Calls take amounts in smallest units; balances are kept in fine units so that demurrage,
/// which takes a tiny fraction of a smallest unit every moment, loses nothing to rounding that a
/// person could ever see (see [`crate::demurrage`]).
pub const FINE_PER_UNIT: u128 = 1_000_000_000_000_000_000;

/// The most decimals a currency may have: its smallest unit in fine units must fit comfortably.
pub const MAX_DECIMALS: u8 = 18;

/// What an account is to its currency.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// An admitted member: pays and is paid; demurrage applies to a positive spending balance.
	Member,
	/// The community fund: receives the demurrage; exempt from it.
	Fund,
	/// The clearing account that settles payments with a partner currency. Its credit limit is
	/// the credit line this currency grants the partner; it is exempt from demurrage.
	Clearing {
		/// The partner currency.
		partner: CurrencyId,
	},
}

impl Role {
	/// Whether accounts of this role pay and are paid by signed calls (members and the fund;
	/// clearing accounts move only through conversions).
	pub fn pays(self) -> bool {
		matches!(self, Role::Member | Role::Fund)
	}
}

/// Savings on their way back into the spending balance.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Withdrawal {
	/// Fine units leaving savings.
	pub amount: u128,
	/// When they join the spending balance (and start to decay), whether or not anyone calls
	/// `withdraw`.
	pub ready_at: Moment,
}

/// How many feeless transactions an account has sent in the current window.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct FeelessUse<BlockNumber> {
	/// The first block of the current window.
	pub since: BlockNumber,
	/// Feeless transactions in it.
	pub used: u32,
	/// Their encoded length, in bytes.
	pub bytes: u32,
}

/// One account in one currency.
///
/// The account's net position is `balance + savings + pending withdrawal + due`; the positions
/// of a currency's accounts add up to exactly zero.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct CreditAccount<BlockNumber> {
	/// Member, fund or clearing account.
	pub role: Role,
	/// The spending balance in fine units, demurrage applied up to `updated`; negative when the
	/// account has used its credit.
	pub balance: i128,
	/// Savings in fine units: exempt from demurrage, not spendable.
	pub savings: u128,
	/// Savings asked back and waiting for the notice period to pass.
	pub withdrawal: Option<Withdrawal>,
	/// Demurrage taken from this account and owed to the community fund, in fine units, until
	/// `collect` moves it there.
	pub due: u128,
	/// The credit limit in fine units: `balance` never goes below `-limit`.
	pub limit: u128,
	/// When demurrage was last applied.
	pub updated: Moment,
	/// A frozen member can neither pay nor be paid, nor move savings.
	pub frozen: bool,
	/// Feeless transactions in the current window (see the `FeelessCredit` extension).
	pub feeless: FeelessUse<BlockNumber>,
}

impl<BlockNumber: Default> CreditAccount<BlockNumber> {
	/// A new, empty account.
	pub fn new(role: Role, limit: u128, now: Moment) -> Self {
		Self {
			role,
			balance: 0,
			savings: 0,
			withdrawal: None,
			due: 0,
			limit,
			updated: now,
			frozen: false,
			feeless: Default::default(),
		}
	}
}

/// What touching an account did: the demurrage it was charged and the savings that joined its
/// spending balance because their notice had passed.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub struct Settlement {
	/// Fine units of demurrage, now owed to the fund.
	pub demurrage: u128,
	/// Fine units of savings released into the spending balance.
	pub released: u128,
}

impl<BlockNumber> CreditAccount<BlockNumber> {
	/// Brings the account up to `now`: releases a withdrawal whose notice has passed (at the
	/// moment it passed) and applies demurrage to a positive member balance, moving it to `due`.
	/// O(1); applying it twice for the same moment changes nothing.
	pub fn settle(&mut self, now: Moment, lambda: u128) -> Result<Settlement, ArithmeticError> {
		let mut settlement = Settlement::default();
		if let Some(w) = self.withdrawal.filter(|w| w.ready_at <= now) {
			settlement.demurrage = self.decay_until(w.ready_at, lambda)?;
			let amount = i128::try_from(w.amount).map_err(|_| ArithmeticError::Overflow)?;
			self.balance = self.balance.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
			self.withdrawal = None;
			settlement.released = w.amount;
		}
		let more = self.decay_until(now, lambda)?;
		settlement.demurrage =
			settlement.demurrage.checked_add(more).ok_or(ArithmeticError::Overflow)?;
		Ok(settlement)
	}

	fn decay_until(&mut self, at: Moment, lambda: u128) -> Result<u128, ArithmeticError> {
		if at <= self.updated {
			return Ok(0);
		}
		let elapsed = at.saturating_sub(self.updated);
		self.updated = at;
		if self.role != Role::Member || self.balance <= 0 {
			return Ok(0);
		}
		let before = self.balance.unsigned_abs();
		let after = demurrage::decay(before, lambda, elapsed);
		let taken = before.saturating_sub(after);
		// `after <= before <= i128::MAX`.
		self.balance = i128::try_from(after).map_err(|_| ArithmeticError::Overflow)?;
		self.due = self.due.checked_add(taken).ok_or(ArithmeticError::Overflow)?;
		Ok(taken)
	}

	/// The account's net position: spending + savings + pending + due.
	pub fn net(&self) -> Option<i128> {
		let pending = self.withdrawal.map_or(0, |w| w.amount);
		let positive = self.savings.checked_add(pending)?.checked_add(self.due)?;
		self.balance.checked_add(i128::try_from(positive).ok()?)
	}

	/// Whether the spending balance respects the credit limit.
	pub fn within_limit(&self) -> bool {
		self.balance >= 0 || self.balance.unsigned_abs() <= self.limit
	}

	/// Whether the account holds savings, in savings or on their way back.
	pub fn has_savings(&self) -> bool {
		self.savings > 0 || self.withdrawal.is_some()
	}
}

/// A community currency.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
#[scale_info(skip_type_params(NameLen, SymbolLen))]
pub struct CurrencyInfo<
	AccountId,
	NativeBalance,
	NameLen: frame_support::traits::Get<u32>,
	SymbolLen: frame_support::traits::Get<u32>,
> {
	/// Its name ("Birchwood hour").
	pub name: BoundedVec<u8, NameLen>,
	/// Its symbol ("BWH").
	pub symbol: BoundedVec<u8, SymbolLen>,
	/// Decimals of its smallest unit: amounts in calls count smallest units.
	pub decimals: u8,
	/// The share of a spending balance that demurrage takes in a year.
	pub demurrage: Perbill,
	/// `−ln(1 − demurrage)` in Q120, derived from `demurrage` (see [`crate::demurrage`]).
	pub decay: u128,
	/// What one whole unit is declared to be worth in the common reference unit; conversions
	/// between currencies go by the ratio of these values.
	pub value: FixedU128,
	/// The credit limit of newly admitted members, in fine units.
	pub default_limit: u128,
	/// The community fund's account.
	pub fund: AccountId,
	/// How long, in milliseconds, savings take to come back into the spending balance.
	pub notice: Moment,
	/// How many members (role `Member`) it has.
	pub members: u32,
	/// How many clearing accounts it has (one per partner currency).
	pub lines: u32,
	/// The founder's deposit, if a founder (not governance) created it.
	pub deposit: Option<(AccountId, NativeBalance)>,
}

/// What a founder or governance declares when creating a currency.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct CurrencyParams<
	AccountId,
	Name = alloc::vec::Vec<u8>,
	Symbol = alloc::vec::Vec<u8>,
	Admins = alloc::vec::Vec<AccountId>,
> {
	/// Its name (at most `MaxNameLen` bytes).
	pub name: Name,
	/// Its symbol (at most `MaxSymbolLen` bytes).
	pub symbol: Symbol,
	/// Decimals of the smallest unit, at most [`MAX_DECIMALS`].
	pub decimals: u8,
	/// The annual demurrage rate, below 100 %.
	pub demurrage: Perbill,
	/// The default credit limit of members, in smallest units.
	pub default_limit: u128,
	/// The community fund's account.
	pub fund: AccountId,
	/// The declared value of one whole unit in the common reference unit; above zero.
	pub value: FixedU128,
	/// The notice period on withdrawals from savings, in milliseconds (at most `MaxNotice`).
	pub notice: Moment,
	/// The currency's administrators (1 to `MaxAdmins`).
	pub admins: Admins,
}

/// An account as a wallet shows it, brought up to a moment.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct AccountView {
	/// Member, fund or clearing account.
	pub role: Role,
	/// The spending balance in fine units (10¹⁸ per smallest unit).
	pub balance: i128,
	/// Savings in fine units.
	pub savings: u128,
	/// Savings on their way back: fine units and when they arrive.
	pub withdrawal: Option<Withdrawal>,
	/// Demurrage owed to the fund, in fine units.
	pub due: u128,
	/// The credit limit, in fine units.
	pub limit: u128,
	/// What the account can pay now, in smallest units (credit included, unless it holds
	/// savings).
	pub spendable: u128,
	/// Whether it is frozen.
	pub frozen: bool,
	/// The moment it was brought up to.
	pub at: Moment,
}
