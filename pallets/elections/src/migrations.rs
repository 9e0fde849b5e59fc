//! Storage migrations of the elections pallet.

/// Version 1 → 2: offices' rules gain [`crate::OfficeRules::primary`], 0 (no primary) for every
/// office that had rules. Elections already scheduled keep their kind: they hold no primary.
pub mod v2 {
	use crate::{Config, Method, OfficeRules, Pallet, Rules};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// An office's rules as version 1 stored them.
	#[derive(Encode, Decode)]
	pub struct OfficeRulesV1<BlockNumber, MaxConstituencies: Get<u32>> {
		/// How seats are filled.
		pub method: Method<MaxConstituencies>,
		/// The term.
		pub term: BlockNumber,
		/// The shortest nomination period.
		pub nomination: BlockNumber,
		/// The voting period.
		pub voting: BlockNumber,
		/// Promotion by record.
		pub promotion: bool,
	}

	/// Rewrites every office's rules with no primary. One read and one write per office with
	/// rules (governance sets them, a few hundred at most).
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut count: u64 = 0;
			Rules::<T>::translate::<OfficeRulesV1<BlockNumberFor<T>, T::MaxConstituencies>, _>(
				|_, old| {
					count = count.saturating_add(1);
					Some(OfficeRules {
						method: old.method,
						term: old.term,
						nomination: old.nomination,
						voting: old.voting,
						promotion: old.promotion,
						primary: 0,
					})
				},
			);
			T::DbWeight::get().reads_writes(count, count)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let offices = u64::try_from(Rules::<T>::iter_keys().count()).unwrap_or(u64::MAX);
			Ok(offices.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut state.as_slice())
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre-upgrade state"))?;
			let mut after = 0u64;
			for (_, rules) in Rules::<T>::iter() {
				ensure!(rules.primary == 0, "a migrated office has a primary");
				after = after.saturating_add(1);
			}
			ensure!(before == after, "offices' rules lost in the migration");
			Ok(())
		}
	}

	/// The migration, run once: only while the pallet's storage is at version 1, which it moves
	/// to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
