//! Community currencies, their administrators, and every account in them.
//!
//! Compared: every currency (all its parameters, member and line counts, the founder's deposit;
//! not `decay`, the demurrage rate's derived constant), its administrators, and every account
//! (role, spending balance, savings, pending withdrawal, due demurrage, credit limit, frozen).
//! Not compared: the moment each account's lazy demurrage was last applied (`updated`: a
//! settlement that takes nothing has no event) and the per-account count of feeless
//! transactions (no explorer shows either). Amounts in events are in smallest units where the
//! event says so and in fine units (10¹⁸ per smallest unit) elsewhere, as each event documents.

use crate::{diff_map, diff_value, Replay};
use pallet_veche_credit::{
	AccountOf, AdminsOf, CreditAccount, CurrencyOf, Event, Role, Withdrawal, FINE_PER_UNIT,
};
use pallet_veche_primitives::CurrencyId;
use std::collections::BTreeMap;
use veche_runtime::{AccountId, Runtime};

type Credit = pallet_veche_credit::Pallet<Runtime>;

/// What an explorer shows of `pallet-veche-credit`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Every currency (with `decay` zeroed).
	pub currencies: BTreeMap<CurrencyId, CurrencyOf<Runtime>>,
	/// Its administrators.
	pub admins: BTreeMap<CurrencyId, AdminsOf<Runtime>>,
	/// Every account (with `updated` and `feeless` zeroed).
	pub accounts: BTreeMap<(CurrencyId, AccountId), AccountOf<Runtime>>,
	/// The id the next currency gets.
	pub next_currency: CurrencyId,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_credit as c;
		Self {
			currencies: c::Currencies::<Runtime>::iter()
				.map(|(id, mut info)| {
					info.decay = 0;
					(id, info)
				})
				.collect(),
			admins: c::Admins::<Runtime>::iter().collect(),
			accounts: c::Accounts::<Runtime>::iter()
				.map(|(id, who, mut a)| {
					a.updated = 0;
					a.feeless = Default::default();
					((id, who), a)
				})
				.collect(),
			next_currency: c::NextCurrencyId::<Runtime>::get(),
		}
	}

	/// Applies one event.
	pub fn apply(&mut self, event: &Event<Runtime>) -> Replay {
		match event {
			Event::CurrencyCreated {
				currency,
				founder,
				name,
				symbol,
				decimals,
				fund,
				demurrage,
				value,
				default_limit,
				notice,
			} => {
				let deposit = founder.clone().map(|who| {
					(who, <Runtime as pallet_veche_credit::Config>::CurrencyDeposit::get())
				});
				let info = CurrencyOf::<Runtime> {
					name: name.clone(),
					symbol: symbol.clone(),
					decimals: *decimals,
					demurrage: *demurrage,
					decay: 0,
					value: *value,
					default_limit: fine(*default_limit)?,
					fund: fund.clone(),
					notice: *notice,
					members: 0,
					lines: 0,
					deposit,
				};
				if self.currencies.insert(*currency, info).is_some() {
					return Err("CurrencyCreated for an existing currency".into());
				}
				self.accounts
					.insert((*currency, fund.clone()), CreditAccount::new(Role::Fund, 0, 0));
				self.next_currency = currency.checked_add(1).ok_or("currency id overflow")?;
			},
			Event::AdminsSet { currency, admins } => {
				self.admins.insert(*currency, admins.clone());
			},
			Event::MemberAdmitted { currency, who, limit } => {
				let info = self.info(*currency)?;
				info.members = info.members.checked_add(1).ok_or("member count overflow")?;
				let account = CreditAccount::new(Role::Member, *limit, 0);
				if self.accounts.insert((*currency, who.clone()), account).is_some() {
					return Err("MemberAdmitted twice".into());
				}
			},
			Event::LimitSet { currency, who, limit } => {
				self.account(*currency, who)?.limit = *limit
			},
			Event::MemberFrozen { currency, who } => self.account(*currency, who)?.frozen = true,
			Event::MemberThawed { currency, who } => self.account(*currency, who)?.frozen = false,
			Event::MemberRemoved { currency, who, settled } => {
				let account = self
					.accounts
					.remove(&(*currency, who.clone()))
					.ok_or("MemberRemoved unknown")?;
				if account.net() != Some(*settled) {
					return Err(format!(
						"MemberRemoved settles {settled}; the account held {account:?}"
					));
				}
				let fund = self.info(*currency)?.fund.clone();
				let info = self.info(*currency)?;
				info.members = info.members.checked_sub(1).ok_or("member count underflow")?;
				add(&mut self.account(*currency, &fund)?.balance, *settled)?;
			},
			Event::Transferred { currency, from, to, amount } => {
				let amount = signed(fine(*amount)?)?;
				add(&mut self.account(*currency, from)?.balance, -amount)?;
				add(&mut self.account(*currency, to)?.balance, amount)?;
			},
			Event::DemurrageCharged { currency, who, amount } => {
				let account = self.account(*currency, who)?;
				add(&mut account.balance, -signed(*amount)?)?;
				account.due = account.due.checked_add(*amount).ok_or("due overflow")?;
			},
			Event::DemurrageCollected { currency, amount, from } => {
				let mut total = 0u128;
				for (who, due) in from.iter() {
					let account = self.account(*currency, who)?;
					if account.due != *due {
						return Err(format!("{who:?} gave {due}; it owed {}", account.due));
					}
					account.due = 0;
					total = total.checked_add(*due).ok_or("collection overflow")?;
				}
				if total != *amount {
					return Err(format!("DemurrageCollected {amount}, the accounts gave {total}"));
				}
				let fund = self.info(*currency)?.fund.clone();
				add(&mut self.account(*currency, &fund)?.balance, signed(*amount)?)?;
			},
			Event::Saved { currency, who, amount } => {
				let amount = fine(*amount)?;
				let account = self.account(*currency, who)?;
				add(&mut account.balance, -signed(amount)?)?;
				account.savings = account.savings.checked_add(amount).ok_or("savings overflow")?;
			},
			Event::WithdrawalRequested { currency, who, amount, ready_at } => {
				let amount = fine(*amount)?;
				let account = self.account(*currency, who)?;
				account.savings = account.savings.checked_sub(amount).ok_or("savings underflow")?;
				account.withdrawal = Some(Withdrawal { amount, ready_at: *ready_at });
			},
			Event::SavingsReleased { currency, who, amount } => {
				let account = self.account(*currency, who)?;
				end_withdrawal(account, *amount, "SavingsReleased")?;
				add(&mut account.balance, signed(*amount)?)?;
			},
			Event::WithdrawalCancelled { currency, who, amount } => {
				let account = self.account(*currency, who)?;
				end_withdrawal(account, *amount, "WithdrawalCancelled")?;
				account.savings = account.savings.checked_add(*amount).ok_or("savings overflow")?;
			},
			Event::CreditLineSet { currency, partner, limit } => {
				let who = Credit::clearing_account(*currency, *partner);
				match self.accounts.get_mut(&(*currency, who.clone())) {
					Some(account) if *limit == 0 && account.net() == Some(0) => {
						self.accounts.remove(&(*currency, who));
						let info = self.info(*currency)?;
						info.lines = info.lines.saturating_sub(1);
					},
					Some(account) => account.limit = *limit,
					None => {
						let account =
							CreditAccount::new(Role::Clearing { partner: *partner }, *limit, 0);
						self.accounts.insert((*currency, who), account);
						let info = self.info(*currency)?;
						info.lines = info.lines.checked_add(1).ok_or("line count overflow")?;
					},
				}
			},
			Event::PaidAcross { from_currency, to_currency, from, to, paid, received } => {
				let received = signed(fine(*received)?)?;
				let paid_i = signed(*paid)?;
				add(&mut self.account(*from_currency, from)?.balance, -paid_i)?;
				let clearing = Credit::clearing_account(*from_currency, *to_currency);
				if !self.accounts.contains_key(&(*from_currency, clearing.clone())) {
					let role = Role::Clearing { partner: *to_currency };
					self.accounts
						.insert((*from_currency, clearing.clone()), CreditAccount::new(role, 0, 0));
					let info = self.info(*from_currency)?;
					info.lines = info.lines.checked_add(1).ok_or("line count overflow")?;
				}
				add(&mut self.account(*from_currency, &clearing)?.balance, paid_i)?;
				let line = Credit::clearing_account(*to_currency, *from_currency);
				add(&mut self.account(*to_currency, &line)?.balance, -received)?;
				add(&mut self.account(*to_currency, to)?.balance, received)?;
			},
			Event::ClearingSettled { currency, partner, amount } => {
				let who = Credit::clearing_account(*currency, *partner);
				let clearing = self
					.accounts
					.remove(&(*currency, who))
					.ok_or("ClearingSettled without an account")?;
				if clearing.balance != *amount {
					return Err(format!(
						"ClearingSettled {amount}; the account held {}",
						clearing.balance
					));
				}
				let fund = self.info(*currency)?.fund.clone();
				let info = self.info(*currency)?;
				info.lines = info.lines.checked_sub(1).ok_or("line count underflow")?;
				add(&mut self.account(*currency, &fund)?.balance, *amount)?;
			},
			Event::CurrencyDissolved { currency } => {
				let info = self.currencies.remove(currency).ok_or("CurrencyDissolved unknown")?;
				self.accounts.remove(&(*currency, info.fund));
				self.admins.remove(currency);
				if self.accounts.keys().any(|(c, _)| c == currency) {
					return Err("CurrencyDissolved with accounts left".into());
				}
			},
			Event::__Ignore(..) => {},
		}
		Ok(())
	}

	fn info(&mut self, currency: CurrencyId) -> Result<&mut CurrencyOf<Runtime>, String> {
		self.currencies
			.get_mut(&currency)
			.ok_or_else(|| format!("unknown currency {currency}"))
	}

	fn account(
		&mut self,
		currency: CurrencyId,
		who: &AccountId,
	) -> Result<&mut AccountOf<Runtime>, String> {
		self.accounts
			.get_mut(&(currency, who.clone()))
			.ok_or_else(|| format!("no account of {who:?} in currency {currency}"))
	}

	/// Where `self` (rebuilt) and `stored` differ.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("credit.currencies", &self.currencies, &stored.currencies, out);
		diff_map("credit.admins", &self.admins, &stored.admins, out);
		diff_map("credit.accounts", &self.accounts, &stored.accounts, out);
		diff_value("credit.next_currency", &self.next_currency, &stored.next_currency, out);
	}
}

/// Ends the pending withdrawal of `amount` fine units, which `what` says there was.
fn end_withdrawal(account: &mut AccountOf<Runtime>, amount: u128, what: &str) -> Replay {
	match account.withdrawal.take() {
		Some(w) if w.amount == amount => Ok(()),
		other => Err(format!("{what} {amount}; the withdrawal pending was {other:?}")),
	}
}

/// Smallest units to fine units (0 stays 0).
fn fine(units: u128) -> Result<u128, String> {
	units
		.checked_mul(FINE_PER_UNIT)
		.ok_or_else(|| format!("{units} units overflow fine units"))
}

fn signed(fine: u128) -> Result<i128, String> {
	i128::try_from(fine).map_err(|_| format!("{fine} fine units overflow i128"))
}

fn add(balance: &mut i128, delta: i128) -> Replay {
	*balance = balance.checked_add(delta).ok_or("balance overflow")?;
	Ok(())
}
