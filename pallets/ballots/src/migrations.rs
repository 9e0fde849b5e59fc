//! Storage migrations of the ballots pallet.

/// Version 1 → 2: an electorate may name an alias list ([`crate::Electorate::aliases`], a jury's
/// seated jurors); every stored poll's electorate gains `aliases: None`.
pub mod v2 {
	use crate::{Config, Electorate, Pallet, Poll, PollKind, PollStatus, Polls};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use pallet_veche_primitives::{
		Context, CredentialClass, JurisdictionId, Roll, MAX_ELECTORATE_UNITS, MAX_WEIGHTED_CLASSES,
	};

	/// An electorate as version 1 stored it.
	#[derive(Encode, Decode)]
	pub struct ElectorateV1 {
		/// The units whose territories vote.
		pub units: BoundedVec<JurisdictionId, ConstU32<MAX_ELECTORATE_UNITS>>,
		/// The weight of a ballot without a credential.
		pub base_weight: u32,
		/// The weights of credential classes.
		pub class_weights: BoundedVec<(CredentialClass, u32), ConstU32<MAX_WEIGHTED_CLASSES>>,
	}

	/// A poll as version 1 stored it.
	#[derive(Encode, Decode)]
	pub struct PollV1<BlockNumber> {
		/// Its context.
		pub context: Context,
		/// What it asks.
		pub kind: PollKind,
		/// Who votes.
		pub electorate: ElectorateV1,
		/// Its roll.
		pub roll: Roll,
		/// Its roll's size in the electorate.
		pub roll_size: u32,
		/// First block of voting.
		pub start: BlockNumber,
		/// First block after voting.
		pub end: BlockNumber,
		/// First block after the appeal window.
		pub appeal_end: BlockNumber,
		/// First block its ballots may be purged.
		pub retain_until: BlockNumber,
		/// Where it is.
		pub status: PollStatus<BlockNumber>,
		/// Voters with a ballot.
		pub voters: u32,
		/// Territories excluded.
		pub excluded: u32,
	}

	/// Rewrites every poll with an electorate of no alias list. One read and one write per poll
	/// (purged polls included: their results stay).
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut count: u64 = 0;
			Polls::<T>::translate::<PollV1<BlockNumberFor<T>>, _>(|_, old| {
				count = count.saturating_add(1);
				let e = old.electorate;
				Some(Poll {
					context: old.context,
					kind: old.kind,
					electorate: Electorate {
						units: e.units,
						base_weight: e.base_weight,
						class_weights: e.class_weights,
						aliases: None,
					},
					roll: old.roll,
					roll_size: old.roll_size,
					start: old.start,
					end: old.end,
					appeal_end: old.appeal_end,
					retain_until: old.retain_until,
					status: old.status,
					voters: old.voters,
					excluded: old.excluded,
				})
			});
			T::DbWeight::get().reads_writes(count, count)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, frame_support::sp_runtime::TryRuntimeError> {
			let polls = u64::try_from(Polls::<T>::iter_keys().count()).unwrap_or(u64::MAX);
			Ok(polls.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), frame_support::sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut state.as_slice()).map_err(|_| {
				frame_support::sp_runtime::TryRuntimeError::Other("pre-upgrade state")
			})?;
			let mut after = 0u64;
			for (_, poll) in Polls::<T>::iter() {
				ensure!(poll.electorate.aliases.is_none(), "a migrated poll names an alias list");
				after = after.saturating_add(1);
			}
			ensure!(before == after, "polls lost in the migration");
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
