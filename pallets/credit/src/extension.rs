//! [`FeelessCredit`]: lets admitted members use their currency without the native token.

use crate::{Call, Config, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::DispatchResult,
	pallet_prelude::{TransactionSource, ValidTransaction},
	traits::IsSubType,
	weights::Weight,
};
use pallet_veche_primitives::CurrencyId;
use scale_info::{StaticTypeInfo, TypeInfo};
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Implication, PostDispatchInfoOf,
		TransactionExtension, TransactionExtensionMetadata, ValidateResult,
	},
	transaction_validity::TransactionValidityError,
};

/// Wraps the runtime's fee payment `S` (`ChargeTransactionPayment`).
///
/// A call of this pallet signed by an unfrozen member (or the fund) of the currency the call
/// names pays no fee while the account has feeless transactions left in the current window
/// ([`Config::FeelessPerWindow`] transactions and [`Config::FeelessBytesPerWindow`] bytes of
/// encoded length per [`Config::FeelessWindow`] blocks, per currency); every such transaction
/// counts, whether its call succeeds or fails. Other transactions, and members
/// past their allowance, go through `S` as usual. The nonce check still orders and deduplicates
/// them, and members are sufficient accounts, so they pass it without a native balance.
///
/// It encodes and describes itself exactly as `S` does, so wallets see `S`.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct FeelessCredit<T, S>(pub S, PhantomData<T>);

impl<T, S> FeelessCredit<T, S> {
	/// Wraps `inner`.
	pub fn new(inner: S) -> Self {
		Self(inner, PhantomData)
	}
}

impl<T, S> FeelessCredit<T, S>
where
	T: Config,
	T::RuntimeCall: IsSubType<Call<T>>,
{
	/// Whether this extension lets `who`'s `call` of `len` bytes through without a fee (the
	/// wrapped extension then charges nothing): what a fee quote must say for it.
	pub fn would_be_feeless(who: &T::AccountId, call: &T::RuntimeCall, len: usize) -> bool {
		call.is_sub_type()
			.is_some_and(|c| Pallet::<T>::feeless_currency(who, c, len).is_some())
	}
}

impl<T, S> From<S> for FeelessCredit<T, S> {
	fn from(inner: S) -> Self {
		Self::new(inner)
	}
}

impl<T, S: StaticTypeInfo> TypeInfo for FeelessCredit<T, S> {
	type Identity = S;
	fn type_info() -> scale_info::Type {
		S::type_info()
	}
}

impl<T, S: core::fmt::Debug> core::fmt::Debug for FeelessCredit<T, S> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "FeelessCredit<{:?}>", self.0)
	}
}

/// Whether a transaction pays through the wrapped extension or goes free.
pub enum Stage<Inner, AccountId> {
	/// It pays: the wrapped extension's value.
	Pay(Inner),
	/// It is free: the member and the currency whose allowance it uses.
	Free(AccountId, CurrencyId),
}

impl<T, S> TransactionExtension<T::RuntimeCall> for FeelessCredit<T, S>
where
	T: Config + Send + Sync,
	S: TransactionExtension<T::RuntimeCall>,
	T::RuntimeCall: IsSubType<Call<T>>,
	DispatchOriginOf<T::RuntimeCall>: AsSystemOriginSigner<T::AccountId>,
{
	const IDENTIFIER: &'static str = S::IDENTIFIER;
	type Implicit = S::Implicit;
	type Val = Stage<S::Val, T::AccountId>;
	type Pre = Stage<S::Pre, T::AccountId>;

	fn metadata() -> alloc::vec::Vec<TransactionExtensionMetadata> {
		S::metadata()
	}

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		let inner = self.0.weight(call);
		if call.is_sub_type().is_some() {
			inner.saturating_add(<T as Config>::WeightInfo::feeless_check())
		} else {
			inner
		}
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		self_implicit: S::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let free = match (call.is_sub_type(), origin.as_system_origin_signer()) {
			(Some(credit_call), Some(who)) => Pallet::<T>::feeless_currency(who, credit_call, len)
				.map(|currency| (who.clone(), currency)),
			_ => None,
		};
		if let Some((who, currency)) = free {
			return Ok((ValidTransaction::default(), Stage::Free(who, currency), origin));
		}
		let (valid, val, origin) = self.0.validate(
			origin,
			call,
			info,
			len,
			self_implicit,
			inherited_implication,
			source,
		)?;
		Ok((valid, Stage::Pay(val), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Stage::Pay(val) => self.0.prepare(val, origin, call, info, len).map(Stage::Pay),
			Stage::Free(who, currency) => {
				Pallet::<T>::use_feeless(&who, currency, len);
				Ok(Stage::Free(who, currency))
			},
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<T::RuntimeCall>,
		post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		match pre {
			Stage::Pay(pre) => S::post_dispatch_details(pre, info, post_info, len, result),
			Stage::Free(..) => Ok(Weight::zero()),
		}
	}
}
