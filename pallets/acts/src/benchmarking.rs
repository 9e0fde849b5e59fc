//! Benchmarks of the registry, each at its worst case: the longest title and locator, an act
//! with as many versions as it may, a version with all its signers but one; real ML-DSA-65 keys
//! and signatures (made in the benchmark's set-up, which is not measured).

use super::*;
use crate::Pallet as Acts;
use alloc::vec;
use fips204::{
	ml_dsa_65,
	traits::{KeyGen, SerDes, Signer},
};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
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
	let act = NextAct::<T>::get();
	Acts::<T>::table(
		governance::<T>()?,
		office,
		ActKind::Bill,
		longest::<T::MaxTitle>(),
		[1; 32],
		longest::<T::MaxLocator>(),
	)?;
	for _ in 1..versions {
		Acts::<T>::amend(governance::<T>()?, act, [2; 32], longest::<T::MaxLocator>())?;
	}
	Ok(act)
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
	Acts::<T>::register_key(RawOrigin::Signed(who.clone()).into(), office, public, proof)?;
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

	/// The first version of a bill with every version it may have: adoption reads them all.
	#[benchmark]
	fn adopt() -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::office_with_holders(1);
		let act = bill::<T>(office, T::MaxVersions::get())?;
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

	#[benchmark]
	fn repeal() -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::office_with_holders(1);
		let act = bill::<T>(office, 1)?;
		Acts::<T>::adopt(
			T::AdoptOrigin::try_successful_origin(&act).map_err(|_| BenchmarkError::Weightless)?,
			act,
			0,
			None,
		)?;
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
		_(RawOrigin::Signed(who), office, public, proof);
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
	/// officials, which completes the version.
	#[benchmark]
	fn sign() -> Result<(), BenchmarkError> {
		let signers = T::MaxSigners::get();
		let (office, holders) = T::BenchmarkHelper::office_with_holders(signers);
		Thresholds::<T>::insert(ActKind::Bill, signers);
		let act = bill::<T>(office, 1)?;
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

	impl_benchmark_test_suite!(Acts, crate::mock::new_test_ext(), crate::mock::Test);
}
