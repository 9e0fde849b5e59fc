//! Storage migrations of the jurisdictions pallet.

/// Version 1 → 2: offices gain [`crate::Office::spheres`], the policy spheres they answer for
/// (their holders are rated in these). Every existing office answers for all twenty, as a new
/// office does, until governance narrows it (`set_office_spheres`).
pub mod v2 {
	use crate::{Config, NameOf, Office, Offices, Pallet};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use pallet_veche_primitives::{JurisdictionId, Spheres, UnitKind};

	/// An office as version 1 stored it.
	#[derive(Encode, Decode)]
	pub struct OfficeV1<Name> {
		/// The unit it serves.
		pub unit: JurisdictionId,
		/// Its level of government.
		pub level: UnitKind,
		/// Its name.
		pub name: Name,
		/// Its number of seats.
		pub seats: u32,
	}

	/// Rewrites every office with every sphere. One read and one write per office (governance
	/// adds them: a few thousand at most, `MaxOfficesPerUnit` per unit).
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut count: u64 = 0;
			Offices::<T>::translate::<OfficeV1<NameOf<T>>, _>(|_, old| {
				count = count.saturating_add(1);
				Some(Office {
					unit: old.unit,
					level: old.level,
					name: old.name,
					seats: old.seats,
					spheres: Spheres::ALL,
				})
			});
			T::DbWeight::get().reads_writes(count, count)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, frame_support::sp_runtime::TryRuntimeError> {
			let offices = u64::try_from(Offices::<T>::iter_keys().count()).unwrap_or(u64::MAX);
			Ok(offices.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), frame_support::sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut state.as_slice()).map_err(|_| {
				frame_support::sp_runtime::TryRuntimeError::Other("pre-upgrade state")
			})?;
			let mut after = 0u64;
			for (_, office) in Offices::<T>::iter() {
				ensure!(office.spheres == Spheres::ALL, "a migrated office lacks a sphere");
				after = after.saturating_add(1);
			}
			ensure!(before == after, "offices lost in the migration");
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
