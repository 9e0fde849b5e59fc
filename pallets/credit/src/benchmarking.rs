//! Benchmarks of the credit pallet, worst case: longest names, most administrators, and every
//! touched account carrying a positive balance a year old (so demurrage is computed) and, for
//! the payer, savings whose notice ended half a year ago (so they are released first).

use super::*;
use crate::demurrage::MILLIS_PER_YEAR;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use sp_runtime::traits::StaticLookup;

/// `who` as a call names it.
fn lookup<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

/// What the benchmarks need from the runtime.
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` a positive identity judgement.
	fn identify(who: &AccountId);
	/// Sets the chain's clock (milliseconds since the Unix epoch).
	fn set_time(now: Moment);
}

/// A moment in 2023, far from zero.
const T0: Moment = 1_700_000_000_000;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

fn identified<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::BenchmarkHelper::identify(&who);
	who
}

/// The parameters with the longest name and symbol and `admins` administrators.
fn params<T: Config>(fund: T::AccountId, admins: u32) -> CurrencyParams<T::AccountId> {
	CurrencyParams {
		name: alloc::vec![b'n'; T::MaxNameLen::get() as usize],
		symbol: alloc::vec![b's'; T::MaxSymbolLen::get() as usize],
		decimals: 2,
		demurrage: Perbill::from_percent(10),
		default_limit: 1_000_000,
		fund,
		value: FixedU128::from_u32(20),
		notice: T::MaxNotice::get().min(MILLIS_PER_YEAR / 2),
		admins: (0..admins).map(|i| identified::<T>("admin", i)).collect(),
	}
}

/// A governance currency with `MaxAdmins` administrators; returns it and one administrator.
fn currency<T: Config>(seed: u32) -> Result<(CurrencyId, T::AccountId), BenchmarkError> {
	T::BenchmarkHelper::set_time(T0);
	let fund = identified::<T>("fund", seed);
	let p = params::<T>(fund, T::MaxAdmins::get());
	let admin = p.admins.first().cloned().ok_or(BenchmarkError::Stop("no admin"))?;
	let id = Pallet::<T>::insert_currency(p, None).map_err(|_| BenchmarkError::Stop("currency"))?;
	Ok((id, admin))
}

fn member<T: Config>(currency: CurrencyId, name: &'static str) -> T::AccountId {
	let who = identified::<T>(name, currency);
	let _ = Pallet::<T>::insert_member(currency, &who, None);
	who
}

/// Sets an account's position directly: `balance` smallest units in spending, `savings` in
/// savings, and a pending withdrawal of `pending`; the fund takes the opposite so the currency
/// stays zero-sum.
fn hold<T: Config>(
	currency: CurrencyId,
	who: &T::AccountId,
	balance: i128,
	savings: u128,
	pending: Option<Withdrawal>,
) {
	let fine = FINE_PER_UNIT as i128;
	let Some(info) = Currencies::<T>::get(currency) else { return };
	let mut net = 0i128;
	Accounts::<T>::mutate(currency, who, |a| {
		if let Some(a) = a {
			a.balance = balance.saturating_mul(fine);
			a.savings = savings.saturating_mul(FINE_PER_UNIT);
			a.withdrawal = pending;
			a.updated = T0;
			net = a.net().unwrap_or_default();
		}
	});
	Accounts::<T>::mutate(currency, &info.fund, |f| {
		if let Some(f) = f {
			f.balance = f.balance.saturating_sub(net);
			f.limit = f.balance.unsigned_abs().max(f.limit);
		}
	});
}

/// Half a year of notice, ended half a year before the benchmark's moment.
fn ripe_withdrawal() -> Option<Withdrawal> {
	Some(Withdrawal { amount: 10_000 * FINE_PER_UNIT, ready_at: T0 + MILLIS_PER_YEAR / 2 })
}

fn whitelist_account<T: Config>(currency: CurrencyId, who: &T::AccountId) {
	frame_benchmarking::benchmarking::add_to_whitelist(
		Accounts::<T>::hashed_key_for(currency, who).into(),
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_currency(a: Linear<1, { T::MaxAdmins::get() }>) -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::set_time(T0);
		let founder = identified::<T>("founder", 0);
		let deposit = T::CurrencyDeposit::get();
		let _ = T::NativeBalance::set_balance(
			&founder,
			T::NativeBalance::minimum_balance()
				.saturating_add(deposit.saturating_mul(10u32.into())),
		);
		let fund = identified::<T>("fund", 0);
		let p = params::<T>(fund.clone(), a);
		let id = NextCurrencyId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(founder), crate::call_form::<T>(p));

		let admins = Admins::<T>::get(id);
		assert_last_event::<T>(Event::AdminsSet { currency: id, admins });
		Ok(())
	}

	#[benchmark]
	fn set_admins(a: Linear<1, { T::MaxAdmins::get() }>) -> Result<(), BenchmarkError> {
		let (id, admin) = currency::<T>(0)?;
		let admins: Vec<T::AccountId> = (0..a).map(|i| identified::<T>("new admin", i)).collect();
		let admins: AdminsOf<T> = BoundedVec::truncate_from(admins);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(admin),
			id,
			BoundedVec::truncate_from(admins.iter().map(lookup::<T>).collect()),
		);

		assert_last_event::<T>(Event::AdminsSet { currency: id, admins });
		Ok(())
	}

	#[benchmark]
	fn admit() -> Result<(), BenchmarkError> {
		let (id, admin) = currency::<T>(0)?;
		let who = identified::<T>("member", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, lookup::<T>(&who), Some(1_000));

		let limit = 1_000 * FINE_PER_UNIT;
		assert_last_event::<T>(Event::MemberAdmitted { currency: id, who, limit });
		Ok(())
	}

	#[benchmark]
	fn set_limit() -> Result<(), BenchmarkError> {
		let (id, admin) = currency::<T>(0)?;
		let who = member::<T>(id, "member");

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, lookup::<T>(&who), 2_000);

		let limit = 2_000 * FINE_PER_UNIT;
		assert_last_event::<T>(Event::LimitSet { currency: id, who, limit });
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let (id, admin) = currency::<T>(0)?;
		let who = member::<T>(id, "member");

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, lookup::<T>(&who));

		assert_last_event::<T>(Event::MemberFrozen { currency: id, who });
		Ok(())
	}

	#[benchmark]
	fn thaw() -> Result<(), BenchmarkError> {
		let (id, admin) = currency::<T>(0)?;
		let who = member::<T>(id, "member");
		Accounts::<T>::mutate(id, &who, |a| {
			if let Some(a) = a {
				a.frozen = true;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, lookup::<T>(&who));

		assert_last_event::<T>(Event::MemberThawed { currency: id, who });
		Ok(())
	}

	#[benchmark]
	fn remove_member() -> Result<(), BenchmarkError> {
		let (id, admin) = currency::<T>(0)?;
		let who = member::<T>(id, "member");
		// Less than a unit left, a year old: demurrage is computed, then all goes to the fund.
		Accounts::<T>::mutate(id, &who, |a| {
			if let Some(a) = a {
				a.balance = (FINE_PER_UNIT / 2) as i128;
				a.updated = T0;
			}
		});
		let fund = Currencies::<T>::get(id).map(|c| c.fund).ok_or(BenchmarkError::Stop("c"))?;
		Accounts::<T>::mutate(id, &fund, |f| {
			if let Some(f) = f {
				f.balance = 0i128.saturating_sub((FINE_PER_UNIT / 2) as i128);
				f.limit = FINE_PER_UNIT;
			}
		});
		T::BenchmarkHelper::set_time(T0 + MILLIS_PER_YEAR);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, lookup::<T>(&who));

		assert!(!Accounts::<T>::contains_key(id, &who));
		Ok(())
	}

	#[benchmark]
	fn transfer() -> Result<(), BenchmarkError> {
		let (id, _) = currency::<T>(0)?;
		let payer = member::<T>(id, "payer");
		let payee = member::<T>(id, "payee");
		hold::<T>(id, &payer, 1_000, 0, ripe_withdrawal());
		hold::<T>(id, &payee, 1_000, 0, None);
		T::BenchmarkHelper::set_time(T0 + MILLIS_PER_YEAR);
		// The fee extension has read and written the payer's account already (its feeless
		// allowance), as fee payment has the payer's native account for a balances transfer.
		whitelist_account::<T>(id, &payer);

		#[extrinsic_call]
		_(RawOrigin::Signed(payer.clone()), id, lookup::<T>(&payee), 500);

		assert_last_event::<T>(Event::Transferred {
			currency: id,
			from: payer,
			to: payee,
			amount: 500,
		});
		Ok(())
	}

	#[benchmark]
	fn save() -> Result<(), BenchmarkError> {
		let (id, _) = currency::<T>(0)?;
		let who = member::<T>(id, "member");
		hold::<T>(id, &who, 1_000, 0, None);
		T::BenchmarkHelper::set_time(T0 + MILLIS_PER_YEAR);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id, 100);

		assert_last_event::<T>(Event::Saved { currency: id, who, amount: 100 });
		Ok(())
	}

	#[benchmark]
	fn request_withdrawal() -> Result<(), BenchmarkError> {
		let (id, _) = currency::<T>(0)?;
		let who = member::<T>(id, "member");
		hold::<T>(id, &who, 1_000, 1_000, None);
		T::BenchmarkHelper::set_time(T0 + MILLIS_PER_YEAR);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id, 100);

		let ready_at = Currencies::<T>::get(id)
			.map(|c| (T0 + MILLIS_PER_YEAR).saturating_add(c.notice))
			.ok_or(BenchmarkError::Stop("currency"))?;
		assert_last_event::<T>(Event::WithdrawalRequested {
			currency: id,
			who,
			amount: 100,
			ready_at,
		});
		Ok(())
	}

	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let (id, _) = currency::<T>(0)?;
		let who = member::<T>(id, "member");
		hold::<T>(id, &who, 1_000, 0, ripe_withdrawal());
		T::BenchmarkHelper::set_time(T0 + MILLIS_PER_YEAR);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id);

		let amount = 10_000 * FINE_PER_UNIT;
		assert_last_event::<T>(Event::SavingsReleased { currency: id, who, amount });
		Ok(())
	}

	#[benchmark]
	fn cancel_withdrawal() -> Result<(), BenchmarkError> {
		let (id, _) = currency::<T>(0)?;
		let who = member::<T>(id, "member");
		let pending =
			Withdrawal { amount: 100 * FINE_PER_UNIT, ready_at: T0 + 2 * MILLIS_PER_YEAR };
		hold::<T>(id, &who, 1_000, 0, Some(pending));
		T::BenchmarkHelper::set_time(T0 + MILLIS_PER_YEAR);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id);

		let amount = pending.amount;
		assert_last_event::<T>(Event::WithdrawalCancelled { currency: id, who, amount });
		Ok(())
	}

	#[benchmark]
	fn set_credit_line() -> Result<(), BenchmarkError> {
		let (id, admin) = currency::<T>(0)?;
		let (partner, _) = currency::<T>(1)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, partner, 1_000);

		let limit = 1_000 * FINE_PER_UNIT;
		assert_last_event::<T>(Event::CreditLineSet { currency: id, partner, limit });
		Ok(())
	}

	#[benchmark]
	fn pay_across() -> Result<(), BenchmarkError> {
		let (id, _) = currency::<T>(0)?;
		let (partner, _) = currency::<T>(1)?;
		Pallet::<T>::set_line(partner, id, 1_000_000).map_err(|_| BenchmarkError::Stop("line"))?;
		let payer = member::<T>(id, "payer");
		let payee = member::<T>(partner, "payee");
		hold::<T>(id, &payer, 1_000, 0, ripe_withdrawal());
		hold::<T>(partner, &payee, 1_000, 0, None);
		T::BenchmarkHelper::set_time(T0 + MILLIS_PER_YEAR);
		whitelist_account::<T>(id, &payer);

		#[extrinsic_call]
		_(RawOrigin::Signed(payer.clone()), id, partner, lookup::<T>(&payee), 100);

		assert!(Accounts::<T>::contains_key(id, Pallet::<T>::clearing_account(id, partner)));
		Ok(())
	}

	#[benchmark]
	fn collect(n: Linear<1, MAX_COLLECT>) -> Result<(), BenchmarkError> {
		let (id, _) = currency::<T>(0)?;
		let caller: T::AccountId = whitelisted_caller();
		let mut accounts = Vec::new();
		for i in 0..n {
			let who = identified::<T>("member", i);
			Accounts::<T>::insert(id, &who, CreditAccount::new(Role::Member, 0, T0));
			hold::<T>(id, &who, 1_000, 0, ripe_withdrawal());
			accounts.push(who);
		}
		Currencies::<T>::mutate(id, |c| {
			if let Some(c) = c {
				c.members = n;
			}
		});
		T::BenchmarkHelper::set_time(T0 + MILLIS_PER_YEAR);
		let fund = Currencies::<T>::get(id).map(|c| c.fund).ok_or(BenchmarkError::Stop("c"))?;
		let before = Accounts::<T>::get(id, &fund).map(|f| f.balance);
		let accounts = BoundedVec::truncate_from(accounts.iter().map(lookup::<T>).collect());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, accounts);

		// Every account paid a year of demurrage into the fund.
		assert!(Accounts::<T>::get(id, &fund).map(|f| f.balance) > before);
		assert!(Accounts::<T>::iter_prefix(id).all(|(_, a)| a.due == 0));
		Ok(())
	}

	#[benchmark]
	fn dissolve() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::set_time(T0);
		let founder = identified::<T>("founder", 0);
		let deposit = T::CurrencyDeposit::get();
		let _ = T::NativeBalance::set_balance(
			&founder,
			T::NativeBalance::minimum_balance()
				.saturating_add(deposit.saturating_mul(10u32.into())),
		);
		let fund = identified::<T>("fund", 0);
		let p = params::<T>(fund, 1);
		let admin = p.admins.first().cloned().ok_or(BenchmarkError::Stop("no admin"))?;
		let id = Pallet::<T>::insert_currency(p, Some(founder))
			.map_err(|_| BenchmarkError::Stop("currency"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id);

		assert_last_event::<T>(Event::CurrencyDissolved { currency: id });
		Ok(())
	}

	#[benchmark]
	fn settle_clearing() -> Result<(), BenchmarkError> {
		let (id, admin) = currency::<T>(0)?;
		let (partner, _) = currency::<T>(1)?;
		Pallet::<T>::set_line(id, partner, 1_000)
			.map_err(|_| BenchmarkError::Stop("line refused"))?;
		// The partner is gone (dissolved); its line here is left to settle.
		Currencies::<T>::remove(partner);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, partner);

		assert_last_event::<T>(Event::ClearingSettled { currency: id, partner, amount: 0 });
		Ok(())
	}

	#[benchmark]
	fn feeless_check() -> Result<(), BenchmarkError> {
		let (id, _) = currency::<T>(0)?;
		let who = member::<T>(id, "member");
		let other = member::<T>(id, "other");
		let call = Call::<T>::transfer { currency: id, to: lookup::<T>(&other), amount: 1 };

		#[block]
		{
			if let Some(currency) = Pallet::<T>::feeless_currency(&who, &call, 150) {
				Pallet::<T>::use_feeless(&who, currency, 150);
			}
		}

		assert_eq!(Accounts::<T>::get(id, &who).map(|a| a.feeless.used), Some(1));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
