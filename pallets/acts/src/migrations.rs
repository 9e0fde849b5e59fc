//! Storage migrations of the acts pallet.

/// Version 1 → 2: the registry counts, per office, the acts it issued and the deadlines due from
/// it ([`crate::OfficeUses`]), so that the jurisdiction tree keeps an office the registry names.
/// The counts are built from the stored acts and deadlines.
pub mod v2 {
	use crate::{Acts, Config, Deadlines, OfficeUses, Pallet};
	use alloc::collections::BTreeMap;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use pallet_veche_primitives::OfficeId;

	/// Each office's acts and the deadlines due from it, as stored; and how many records were
	/// read (acts, then act entries of deadlines).
	pub fn count_uses<T: Config>() -> (BTreeMap<OfficeId, u32>, u64) {
		let mut uses = BTreeMap::<OfficeId, u32>::new();
		let mut reads: u64 = 0;
		let mut note = |office: OfficeId| {
			let n = uses.entry(office).or_default();
			*n = n.saturating_add(1);
		};
		for (_, act) in Acts::<T>::iter() {
			reads = reads.saturating_add(1);
			note(act.office);
		}
		for (_, deadlines) in Deadlines::<T>::iter() {
			reads = reads.saturating_add(1);
			deadlines.iter().for_each(|d| note(d.office));
		}
		(uses, reads)
	}

	/// Writes every office's count. One read per act and per act with deadlines, one write per
	/// office named (a registry of tens of thousands of acts fits one block's weight).
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let (uses, reads) = count_uses::<T>();
			let writes = uses.len() as u64;
			for (office, n) in uses {
				OfficeUses::<T>::insert(office, n);
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			ensure!(OfficeUses::<T>::iter().next().is_none(), "uses counted before the migration");
			Ok(Vec::new())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (uses, _) = count_uses::<T>();
			ensure!(uses == OfficeUses::<T>::iter().collect(), "uses miscounted");
			Ok(())
		}
	}

	/// The migration, run only while the pallet's storage is at version 1.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
