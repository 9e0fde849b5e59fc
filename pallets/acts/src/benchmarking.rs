//! Benchmarks of the registry, each at its worst case: the longest title and locator, an act
//! with as many versions as it may, a version with all its signers but one, a budget with the
//! most payouts, a jurisdiction's first act (its NFT collection created); real ML-DSA-65 keys
//! and signatures (made in the benchmark's set-up, which is not measured), the runtime's real
//! scheduler and NFT pallet.

use super::*;
use crate::mldsa::SIGNATURE_LEN;
use crate::Pallet as Acts;
use alloc::vec;
use fips204::{
	ml_dsa_65,
	traits::{KeyGen, SerDes, Signer},
};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin};
use frame_system::RawOrigin;

/// What the benchmarks need from the runtime.
pub trait BenchmarkHelper<AccountId> {
	/// An office (of a new unit) with `n` holders serving now.
	fn office_with_holders(n: u32) -> (OfficeId, Vec<AccountId>);
}

/// A key pair from `seed`.
fn pair(seed: u8) -> (PublicKey, ml_dsa_65::PrivateKey) {
	let (public, secret) = ml_dsa_65::KG::keygen_from_seed(&[seed; 32]);
	(public.into_bytes(), secret)
}

fn signature(
	secret: &ml_dsa_65::PrivateKey,
	message: &[u8],
	context: &[u8],
) -> BoundedVec<u8, ConstU32<{ SIGNATURE_LEN as u32 }>> {
	let bytes = secret
		.try_sign_with_seed(&[0; 32], message, context)
		.unwrap_or([0; SIGNATURE_LEN]);
	BoundedVec::truncate_from(bytes.to_vec())
}

fn longest<S: Get<u32>>() -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(vec![b'a'; S::get() as usize])
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A bill of `office` with `versions` versions (its amendments drafts), tabled by governance.
fn bill<T: Config>(office: OfficeId, versions: u32) -> Result<ActId, BenchmarkError> {
	draft::<T>(office, ActKind::Bill, versions)
}

/// A draft of `kind` of `office` with `versions` versions, tabled by governance.
fn draft<T: Config>(
	office: OfficeId,
	kind: ActKind,
	versions: u32,
) -> Result<ActId, BenchmarkError> {
	let act = NextAct::<T>::get();
	Acts::<T>::table(
		governance::<T>()?,
		office,
		kind,
		longest::<T::MaxTitle>(),
		[1; 32],
		longest::<T::MaxLocator>(),
	)?;
	for _ in 1..versions {
		Acts::<T>::amend(governance::<T>()?, act, [2; 32], longest::<T::MaxLocator>())?;
	}
	Ok(act)
}

/// A draft budget of `office` with `versions` versions and the most payouts, all due now, to
/// distinct new accounts; its jurisdiction's account funded to pay them all.
fn budget<T: Config>(office: OfficeId, versions: u32) -> Result<ActId, BenchmarkError> {
	let act = draft::<T>(office, ActKind::Budget, versions)?;
	let now = T::BlockNumberProvider::current_block_number();
	let amount = T::Currency::minimum_balance().saturating_mul(10u32.into());
	let plan: Vec<PayoutPlanOf<T>> = (0..T::MaxPayouts::get())
		.map(|i| (account("payee", i, 0), amount, now))
		.collect();
	Acts::<T>::set_payouts(governance::<T>()?, act, BoundedVec::truncate_from(plan))?;
	let unit = Acts::<T>::act(act).map(|a| a.unit).ok_or(BenchmarkError::Weightless)?;
	let total = amount.saturating_mul(T::MaxPayouts::get().saturating_add(1).into());
	T::Currency::set_balance(&Acts::<T>::treasury(unit), total);
	Ok(act)
}

/// Adopts `act` by its adoption origin.
fn adopt_now<T: Config>(act: ActId) -> Result<(), BenchmarkError> {
	let origin =
		T::AdoptOrigin::try_successful_origin(&act).map_err(|_| BenchmarkError::Weightless)?;
	Acts::<T>::adopt(origin, act, 0, None)?;
	Ok(())
}

/// Registers key `seed` of `who` for `office`.
fn register<T: Config>(
	who: &T::AccountId,
	office: OfficeId,
	seed: u8,
) -> Result<(KeyId, ml_dsa_65::PrivateKey), BenchmarkError> {
	let (public, secret) = pair(seed);
	let key = NextKey::<T>::get();
	let proof = signature(&secret, &Acts::<T>::key_message(who, office), mldsa::KEY_CONTEXT);
	Acts::<T>::register_key(
		RawOrigin::Signed(who.clone()).into(),
		office,
		Box::new(public),
		proof,
	)?;
	Ok((key, secret))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A law issued by governance: numbered at once.
	#[benchmark]
	fn table() -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::office_with_holders(1);
		let origin = governance::<T>()?;
		let act = NextAct::<T>::get();
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			office,
			ActKind::Law,
			longest::<T::MaxTitle>(),
			[1; 32],
			longest::<T::MaxLocator>(),
		);
		assert!(Acts::<T>::act(act).is_some_and(|a| a.number.is_some()));
		Ok(())
	}

	/// The last amendment an issued act may take, adopted at once.
	#[benchmark]
	fn amend() -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::office_with_holders(1);
		let act = NextAct::<T>::get();
		Acts::<T>::table(
			governance::<T>()?,
			office,
			ActKind::Law,
			longest::<T::MaxTitle>(),
			[1; 32],
			longest::<T::MaxLocator>(),
		)?;
		for _ in 2..T::MaxVersions::get() {
			Acts::<T>::amend(governance::<T>()?, act, [2; 32], longest::<T::MaxLocator>())?;
		}
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, act, [3; 32], longest::<T::MaxLocator>());
		assert_eq!(Acts::<T>::act(act).map(|a| a.versions), Some(T::MaxVersions::get()));
		Ok(())
	}

	/// The first version of a budget with every version it may have (adoption reads them all),
	/// its jurisdiction's first act (the collection is created, the act marked) and the most
	/// payouts (the first scheduled).
	#[benchmark]
	fn adopt() -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::office_with_holders(1);
		let act = budget::<T>(office, T::MaxVersions::get())?;
		let origin =
			T::AdoptOrigin::try_successful_origin(&act).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, act, 0, None);
		assert!(Acts::<T>::act(act).is_some_and(|a| a.number.is_some()));
		Ok(())
	}

	#[benchmark]
	fn reject() -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::office_with_holders(1);
		let act = bill::<T>(office, 1)?;
		let origin =
			T::AdoptOrigin::try_successful_origin(&act).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, act);
		assert_eq!(
			Acts::<T>::state(act, T::BlockNumberProvider::current_block_number()),
			Some(ActState::Rejected)
		);
		Ok(())
	}

	/// A budget with its next payout on the agenda, taken off it.
	#[benchmark]
	fn repeal() -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::office_with_holders(1);
		let act = budget::<T>(office, 1)?;
		adopt_now::<T>(act)?;
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, act, None);
		assert!(matches!(Acts::<T>::act(act).map(|a| a.status), Some(ActStatus::Repealed { .. })));
		Ok(())
	}

	/// One ML-DSA-65 verification (the proof of possession), with the most keys but one.
	#[benchmark]
	fn register_key() -> Result<(), BenchmarkError> {
		let (office, holders) = T::BenchmarkHelper::office_with_holders(1);
		let who = holders.first().cloned().ok_or(BenchmarkError::Weightless)?;
		for seed in 1..T::MaxKeys::get() {
			register::<T>(&who, office, seed as u8)?;
		}
		let (public, secret) = pair(200);
		let proof = signature(&secret, &Acts::<T>::key_message(&who, office), mldsa::KEY_CONTEXT);
		let key = NextKey::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), office, Box::new(public), proof);
		assert!(Keys::<T>::contains_key(key));
		Ok(())
	}

	#[benchmark]
	fn revoke_key() -> Result<(), BenchmarkError> {
		let (office, holders) = T::BenchmarkHelper::office_with_holders(1);
		let who = holders.first().cloned().ok_or(BenchmarkError::Weightless)?;
		let (key, _) = register::<T>(&who, office, 1)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who), key);
		assert!(Keys::<T>::get(key).is_some_and(|k| k.revoked.is_some()));
		Ok(())
	}

	/// One ML-DSA-65 verification of a version's signature, by the last of `MaxSigners`
	/// officials, which completes an adopted budget (its first payout scheduled).
	#[benchmark]
	fn sign() -> Result<(), BenchmarkError> {
		let signers = T::MaxSigners::get();
		let (office, holders) = T::BenchmarkHelper::office_with_holders(signers);
		Thresholds::<T>::insert(ActKind::Budget, signers);
		let act = budget::<T>(office, 1)?;
		adopt_now::<T>(act)?;
		let content = Versions::<T>::get(act, 0).map(|v| v.content).unwrap_or_default();
		let message = Acts::<T>::version_message(act, 0, &content);
		let mut last = None;
		for (seed, who) in (1u8..).zip(holders.iter()) {
			let (key, secret) = register::<T>(who, office, seed)?;
			let signed = signature(&secret, &message, mldsa::ACT_CONTEXT);
			// Everyone but the last signs before; the last is measured.
			if let Some((earlier, key, signed)) = last.replace((who.clone(), key, signed)) {
				Acts::<T>::sign(RawOrigin::Signed(earlier).into(), act, 0, key, signed)?;
			}
		}
		let (who, key, signed) = last.ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who), act, 0, key, signed);
		assert!(Versions::<T>::get(act, 0).is_some_and(|v| v.signed.is_some()));
		Ok(())
	}

	#[benchmark]
	fn set_threshold() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, ActKind::Budget, T::MaxSigners::get());
		assert_eq!(Acts::<T>::threshold(ActKind::Budget), T::MaxSigners::get());
		Ok(())
	}

	#[benchmark]
	fn set_payouts(n: Linear<0, { T::MaxPayouts::get() }>) -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::office_with_holders(1);
		let act = draft::<T>(office, ActKind::Budget, T::MaxVersions::get())?;
		// Due later than the block the call runs in, whatever block the set-up ran in.
		let due = T::BlockNumberProvider::current_block_number().saturating_add(10u32.into());
		let amount = T::Currency::minimum_balance().saturating_mul(10u32.into());
		let plan: Vec<PayoutPlanOf<T>> =
			(0..n).map(|i| (account("payee", i, 0), amount, due)).collect();
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, act, BoundedVec::truncate_from(plan));
		assert_eq!(Payouts::<T>::get(act).len() as u32, n);
		Ok(())
	}

	/// A signed budget's first payout, to a new account, the next one scheduled.
	#[benchmark]
	fn pay_out() -> Result<(), BenchmarkError> {
		let (office, holders) = T::BenchmarkHelper::office_with_holders(1);
		let who = holders.first().cloned().ok_or(BenchmarkError::Weightless)?;
		let act = budget::<T>(office, 1)?;
		adopt_now::<T>(act)?;
		let (key, secret) = register::<T>(&who, office, 1)?;
		let content = Versions::<T>::get(act, 0).map(|v| v.content).unwrap_or_default();
		let signed =
			signature(&secret, &Acts::<T>::version_message(act, 0, &content), mldsa::ACT_CONTEXT);
		Acts::<T>::sign(RawOrigin::Signed(who.clone()).into(), act, 0, key, signed)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who), act, 0);
		assert!(Payouts::<T>::get(act).first().is_some_and(|p| p.paid.is_some()));
		Ok(())
	}

	/// The act's last deadline.
	#[benchmark]
	fn set_deadline() -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::office_with_holders(1);
		let act = bill::<T>(office, 1)?;
		// Due later than the block the call runs in, whatever block the set-up ran in.
		let due = T::BlockNumberProvider::current_block_number().saturating_add(10u32.into());
		for _ in 1..T::MaxDeadlines::get() {
			Acts::<T>::set_deadline(governance::<T>()?, act, DeadlineKind::Review, office, due)?;
		}
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, act, DeadlineKind::ResponseDue, office, due);
		assert_eq!(Deadlines::<T>::get(act).len() as u32, T::MaxDeadlines::get());
		Ok(())
	}

	/// The last of the most deadlines, met by an official with an act of their office.
	#[benchmark]
	fn meet_deadline() -> Result<(), BenchmarkError> {
		let (office, holders) = T::BenchmarkHelper::office_with_holders(1);
		let who = holders.first().cloned().ok_or(BenchmarkError::Weightless)?;
		let act = bill::<T>(office, 1)?;
		let answer = bill::<T>(office, 1)?;
		// Due later than the block the call runs in, whatever block the set-up ran in.
		let due = T::BlockNumberProvider::current_block_number().saturating_add(10u32.into());
		for _ in 0..T::MaxDeadlines::get() {
			Acts::<T>::set_deadline(governance::<T>()?, act, DeadlineKind::Review, office, due)?;
		}
		let index = T::MaxDeadlines::get().saturating_sub(1);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), act, index, Some(answer));
		assert!(Deadlines::<T>::get(act).last().is_some_and(|d| d.met.is_some()));
		Ok(())
	}

	impl_benchmark_test_suite!(Acts, crate::mock::new_test_ext(), crate::mock::Test);
}
