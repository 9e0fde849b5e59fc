//! # Jurisdictions
//!
//! The tree of administrative units — country → region → district → municipality, plus diaspora
//! constituencies — and the offices attached to them.
//!
//! ## Overview
//!
//! Every civic action in Veche happens somewhere: a person registers in a constituency, a ballot
//! is tallied per territory, an official is elected to an office of a unit. This pallet keeps that
//! map. It is changed only by governance ([`Config::AdminOrigin`]); everyone else reads it, either
//! through the [`JurisdictionInspect`] trait (other pallets) or through the view functions
//! [`Pallet::children`], [`Pallet::offices_of`] and [`Pallet::ancestors`] (clients). It has no
//! clock: nothing in it depends on time, so its `Config` takes no `BlockNumberProvider`.
//!
//! ## Terms
//!
//! - **Unit**: a node of the tree with a [`UnitKind`]. Kinds nest in one way only (see
//!   [`UnitKind::may_sit_under`]): countries are roots; regions and diaspora constituencies sit
//!   under a country; districts under a region; municipalities under a district or a region. The
//!   tree is therefore at most [`MAX_DEPTH`] levels deep.
//! - **Diaspora constituency**: the citizens of a country who live abroad, for example in one
//!   country of residence. Diaspora voters register there, residents in their municipality.
//! - **Office**: a post filled by election, with a number of seats. Its level is the kind of its
//!   unit. It answers for a set of policy spheres ([`Spheres`]; all twenty unless governance
//!   narrows it), in which its holders are rated.
//! - **Fan-out**: a unit has at most [`Config::MaxChildren`] units directly below it (the same
//!   bound applies to countries) and at most [`Config::MaxOfficesPerUnit`] offices.
//!
//! ## Example
//!
//! A country with a diaspora constituency and an office for it:
#![doc = docify::embed!("src/tests.rs", a_country_with_a_diaspora_constituency_and_its_office)]
//!
//! ## Implementation notes
//!
//! - Ids are sequential ([`NextUnitId`], [`NextOfficeId`]) and never reused, so a removed unit's id
//!   cannot be confused with a later one in historical records.
//! - Parent → child links live in [`Children`] (and office links in [`UnitOffices`]) so that a
//!   unit's listing is one bounded prefix iteration; each unit also counts them, which is what the
//!   fan-out checks read (O(1)).
//! - A unit or office that another pallet still refers to (registered persons, open polls,
//!   sitting officials) cannot be removed: the runtime answers through [`Config::Usage`].

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
	not(test),
	deny(
		clippy::unwrap_used,
		clippy::panic,
		clippy::todo,
		clippy::float_arithmetic,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects
	)
)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::{Office, Unit};
pub use weights::WeightInfo;

use alloc::vec::Vec;
#[cfg(any(feature = "try-runtime", test))]
use frame_support::sp_runtime;
use frame_support::sp_runtime::ArithmeticError;
use frame_support::{ensure, pallet_prelude::*, BoundedVec};
use pallet_veche_primitives::{
	JurisdictionId, JurisdictionInspect, JurisdictionUsage, OfficeId, Spheres, UnitKind,
};

/// The deepest a unit can sit: country, region, district, municipality (the one bound every
/// pallet's walk up the tree uses, from the primitives).
pub use pallet_veche_primitives::MAX_TREE_DEPTH as MAX_DEPTH;

/// A unit as this runtime stores it.
pub type UnitOf<T> = Unit<<T as Config>::MaxNameLen>;
/// An office as this runtime stores it.
pub type OfficeOf<T> = Office<<T as Config>::MaxNameLen>;
/// A name as this runtime bounds it.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;

/// The tree of administrative units (country, region, district, municipality) and diaspora
/// constituencies, with the offices attached to them; changed only by governance.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_system::pallet_prelude::*;

	/// The layout of this pallet's storage. Version 1 is the layout as of the first settled call
	/// API; every later change of layout raises it and comes with a migration
	/// ([`crate::migrations`]). Version 2: offices answer for a set of policy spheres.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who may change the tree and its offices (add, rename, remove). In Veche: the election
		/// commission's collective or a governance referendum.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether other pallets still refer to a unit or office; such ones cannot be removed.
		type Usage: JurisdictionUsage;

		/// The longest name of a unit or office, in bytes of UTF-8.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// The most units directly below one unit, and the most countries.
		#[pallet::constant]
		type MaxChildren: Get<u32>;

		/// The most offices attached to one unit.
		#[pallet::constant]
		type MaxOfficesPerUnit: Get<u32>;

		/// The most seats one office can have (a parliament's size).
		#[pallet::constant]
		type MaxSeats: Get<u32>;

		/// Weights of this pallet's calls, benchmarked.
		type WeightInfo: WeightInfo;
	}

	/// Every unit by id.
	// Twox64Concat: ids are sequential and assigned by the pallet, not chosen by users.
	#[pallet::storage]
	pub type Units<T: Config> = StorageMap<_, Twox64Concat, JurisdictionId, UnitOf<T>>;

	/// Parent → child links: `(parent, child) → ()`, where the parent is `None` for countries.
	/// A unit's children are one prefix iteration.
	// Twox64Concat: both keys are sequential ids assigned by the pallet.
	#[pallet::storage]
	pub type Children<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Option<JurisdictionId>, Twox64Concat, JurisdictionId, ()>;

	/// How many countries (root units) exist.
	#[pallet::storage]
	pub type RootCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Every office by id.
	// Twox64Concat: ids are sequential and assigned by the pallet.
	#[pallet::storage]
	pub type Offices<T: Config> = StorageMap<_, Twox64Concat, OfficeId, OfficeOf<T>>;

	/// Unit → office links: `(unit, office) → ()`.
	// Twox64Concat: both keys are sequential ids assigned by the pallet.
	#[pallet::storage]
	pub type UnitOffices<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JurisdictionId, Twox64Concat, OfficeId, ()>;

	/// The id the next unit will get.
	#[pallet::storage]
	pub type NextUnitId<T: Config> = StorageValue<_, JurisdictionId, ValueQuery>;

	/// The id the next office will get.
	#[pallet::storage]
	pub type NextOfficeId<T: Config> = StorageValue<_, OfficeId, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Units as `(id, parent, kind, name)`, parents before their children. Ids must be
		/// distinct; `NextUnitId` starts above the highest.
		pub units: Vec<(JurisdictionId, Option<JurisdictionId>, UnitKind, Vec<u8>)>,
		/// Offices as `(id, unit, name, seats)`.
		pub offices: Vec<(OfficeId, JurisdictionId, Vec<u8>, u32)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (id, parent, kind, name) in &self.units {
				assert!(!Units::<T>::contains_key(id), "jurisdictions genesis: unit {id} twice");
				let name: NameOf<T> = name.clone().try_into().expect("genesis unit name too long");
				Pallet::<T>::insert_unit(*id, *parent, *kind, name)
					.expect("jurisdictions genesis: a unit breaks the tree rules");
				let next = (*id).checked_add(1).expect("genesis unit id overflow");
				NextUnitId::<T>::mutate(|n| *n = (*n).max(next));
			}
			for (id, unit, name, seats) in &self.offices {
				assert!(
					!Offices::<T>::contains_key(id),
					"jurisdictions genesis: office {id} twice"
				);
				let name: NameOf<T> =
					name.clone().try_into().expect("genesis office name too long");
				Pallet::<T>::insert_office(*id, *unit, name, *seats)
					.expect("jurisdictions genesis: an office breaks the rules");
				let next = (*id).checked_add(1).expect("genesis office id overflow");
				NextOfficeId::<T>::mutate(|n| *n = (*n).max(next));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A unit was added to the tree.
		UnitAdded {
			/// The new unit's id.
			unit: JurisdictionId,
			/// The unit it sits under (`None`: a country).
			parent: Option<JurisdictionId>,
			/// Its kind.
			kind: UnitKind,
			/// Its name.
			name: NameOf<T>,
		},
		/// A unit was renamed.
		UnitRenamed {
			/// The unit.
			unit: JurisdictionId,
			/// Its new name.
			name: NameOf<T>,
		},
		/// A unit without children, offices or users was removed.
		UnitRemoved {
			/// The removed unit's id (never reused).
			unit: JurisdictionId,
		},
		/// An office was attached to a unit.
		OfficeAdded {
			/// The new office's id.
			office: OfficeId,
			/// The unit it serves.
			unit: JurisdictionId,
			/// Its name.
			name: NameOf<T>,
			/// Its number of seats.
			seats: u32,
		},
		/// An office's name or number of seats was changed.
		OfficeUpdated {
			/// The office.
			office: OfficeId,
			/// Its name now.
			name: NameOf<T>,
			/// Its number of seats now.
			seats: u32,
		},
		/// The policy spheres an office answers for were set (a new office answers for all).
		OfficeSpheresSet {
			/// The office.
			office: OfficeId,
			/// The spheres it answers for now.
			spheres: Spheres,
		},
		/// An office nobody refers to was removed.
		OfficeRemoved {
			/// The removed office's id (never reused).
			office: OfficeId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No unit has this id (it was never created or has been removed).
		UnitNotFound,
		/// No office has this id (it was never created or has been removed).
		OfficeNotFound,
		/// This kind of unit cannot sit there: countries are roots, regions and diaspora
		/// constituencies sit under a country, districts under a region, municipalities under a
		/// district or a region.
		KindNotAllowedHere,
		/// The name is empty; give the official name.
		EmptyName,
		/// The parent already has `MaxChildren` units directly below it (or there are already
		/// `MaxChildren` countries).
		TooManyChildren,
		/// The unit already has `MaxOfficesPerUnit` offices.
		TooManyOffices,
		/// An office needs at least one seat.
		ZeroSeats,
		/// An office can have at most `MaxSeats` seats.
		TooManySeats,
		/// The unit still has units below it; remove those first.
		HasChildren,
		/// The unit still has offices; remove those first.
		HasOffices,
		/// Another part of the chain (registered persons, polls, officials) still refers to this
		/// unit; it cannot be removed.
		UnitInUse,
		/// Another part of the chain (an election, a sitting official) still refers to this
		/// office; it cannot be removed.
		OfficeInUse,
		/// An office answers for at least one policy sphere.
		NoSpheres,
		/// The set names a sphere that does not exist (a bit beyond the twentieth).
		UnknownSphere,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNameLen::get() > 0, "MaxNameLen must allow a name");
			assert!(T::MaxChildren::get() > 0, "MaxChildren must allow a child");
			assert!(T::MaxOfficesPerUnit::get() > 0, "MaxOfficesPerUnit must allow an office");
			assert!(T::MaxSeats::get() > 0, "MaxSeats must allow a seat");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds a unit to the tree.
		///
		/// - Origin: [`Config::AdminOrigin`].
		/// - `parent`: the unit it sits under, `None` for a country.
		/// - `kind`: must be allowed under the parent's kind ([`UnitKind::may_sit_under`]).
		/// - `name`: its official name, 1..=`MaxNameLen` bytes.
		///
		/// Emits [`Event::UnitAdded`]. Errors: [`Error::UnitNotFound`] (no such parent),
		/// [`Error::KindNotAllowedHere`], [`Error::EmptyName`] (a name over `MaxNameLen` does not decode),
		/// [`Error::TooManyChildren`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_unit())]
		pub fn add_unit(
			origin: OriginFor<T>,
			parent: Option<JurisdictionId>,
			kind: UnitKind,
			name: NameOf<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			let unit = NextUnitId::<T>::get();
			let next = unit.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Self::insert_unit(unit, parent, kind, name.clone())?;
			NextUnitId::<T>::put(next);
			Self::deposit_event(Event::UnitAdded { unit, parent, kind, name });
			Ok(())
		}

		/// Renames a unit.
		///
		/// - Origin: [`Config::AdminOrigin`].
		///
		/// Emits [`Event::UnitRenamed`]. Errors: [`Error::UnitNotFound`], [`Error::EmptyName`] (a
		/// name over `MaxNameLen` does not decode).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::rename_unit())]
		pub fn rename_unit(
			origin: OriginFor<T>,
			unit: JurisdictionId,
			name: NameOf<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			Units::<T>::try_mutate(unit, |u| {
				let u = u.as_mut().ok_or(Error::<T>::UnitNotFound)?;
				u.name = name.clone();
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::UnitRenamed { unit, name });
			Ok(())
		}

		/// Removes a unit that has no units below it, no offices, and that nothing else on the
		/// chain refers to. Its id is never reused.
		///
		/// - Origin: [`Config::AdminOrigin`].
		///
		/// Emits [`Event::UnitRemoved`]. Errors: [`Error::UnitNotFound`], [`Error::HasChildren`],
		/// [`Error::HasOffices`], [`Error::UnitInUse`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_unit())]
		pub fn remove_unit(origin: OriginFor<T>, unit: JurisdictionId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let u = Units::<T>::get(unit).ok_or(Error::<T>::UnitNotFound)?;
			ensure!(u.children == 0, Error::<T>::HasChildren);
			ensure!(u.offices == 0, Error::<T>::HasOffices);
			ensure!(!T::Usage::unit_in_use(unit), Error::<T>::UnitInUse);
			match u.parent {
				Some(parent) => Units::<T>::try_mutate(parent, |p| {
					let p = p.as_mut().ok_or(Error::<T>::UnitNotFound)?;
					p.children = p.children.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
					Ok::<_, DispatchError>(())
				})?,
				None => RootCount::<T>::try_mutate(|n| {
					*n = n.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
					Ok::<_, DispatchError>(())
				})?,
			}
			Children::<T>::remove(u.parent, unit);
			Units::<T>::remove(unit);
			Self::deposit_event(Event::UnitRemoved { unit });
			Ok(())
		}

		/// Attaches an office to a unit.
		///
		/// - Origin: [`Config::AdminOrigin`].
		/// - `seats`: 1..=`MaxSeats`.
		///
		/// Emits [`Event::OfficeAdded`]. Errors: [`Error::UnitNotFound`], [`Error::EmptyName`] (a
		/// name over `MaxNameLen` does not decode), [`Error::ZeroSeats`], [`Error::TooManySeats`],
		/// [`Error::TooManyOffices`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::add_office())]
		pub fn add_office(
			origin: OriginFor<T>,
			unit: JurisdictionId,
			name: NameOf<T>,
			seats: u32,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			let office = NextOfficeId::<T>::get();
			let next = office.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Self::insert_office(office, unit, name.clone(), seats)?;
			NextOfficeId::<T>::put(next);
			Self::deposit_event(Event::OfficeAdded { office, unit, name, seats });
			Ok(())
		}

		/// Changes an office's name and number of seats (for example after a reform of the
		/// council's size; it applies from the next election).
		///
		/// - Origin: [`Config::AdminOrigin`].
		///
		/// Emits [`Event::OfficeUpdated`]. Errors: [`Error::OfficeNotFound`],
		/// [`Error::EmptyName`] (a name over `MaxNameLen` does not decode), [`Error::ZeroSeats`],
		/// [`Error::TooManySeats`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::update_office())]
		pub fn update_office(
			origin: OriginFor<T>,
			office: OfficeId,
			name: NameOf<T>,
			seats: u32,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			Self::check_seats(seats)?;
			Offices::<T>::try_mutate(office, |o| {
				let o = o.as_mut().ok_or(Error::<T>::OfficeNotFound)?;
				o.name = name.clone();
				o.seats = seats;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::OfficeUpdated { office, name, seats });
			Ok(())
		}

		/// Removes an office nothing refers to. Its id is never reused.
		///
		/// - Origin: [`Config::AdminOrigin`].
		///
		/// Emits [`Event::OfficeRemoved`]. Errors: [`Error::OfficeNotFound`],
		/// [`Error::OfficeInUse`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_office())]
		pub fn remove_office(origin: OriginFor<T>, office: OfficeId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let o = Offices::<T>::get(office).ok_or(Error::<T>::OfficeNotFound)?;
			ensure!(!T::Usage::office_in_use(office), Error::<T>::OfficeInUse);
			Units::<T>::try_mutate(o.unit, |u| {
				let u = u.as_mut().ok_or(Error::<T>::UnitNotFound)?;
				u.offices = u.offices.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
				Ok::<_, DispatchError>(())
			})?;
			UnitOffices::<T>::remove(o.unit, office);
			Offices::<T>::remove(office);
			Self::deposit_event(Event::OfficeRemoved { office });
			Ok(())
		}

		/// Sets the policy spheres an office answers for (all twenty when it was added): its
		/// holders are rated in these.
		///
		/// - Origin: [`Config::AdminOrigin`].
		/// - `spheres`: at least one, each an existing sphere.
		///
		/// Emits [`Event::OfficeSpheresSet`]. Errors: [`Error::NoSpheres`],
		/// [`Error::UnknownSphere`], [`Error::OfficeNotFound`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_office_spheres())]
		pub fn set_office_spheres(
			origin: OriginFor<T>,
			office: OfficeId,
			spheres: Spheres,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!spheres.is_empty(), Error::<T>::NoSpheres);
			ensure!(spheres.is_valid(), Error::<T>::UnknownSphere);
			Offices::<T>::try_mutate(office, |o| {
				let o = o.as_mut().ok_or(Error::<T>::OfficeNotFound)?;
				o.spheres = spheres;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::OfficeSpheresSet { office, spheres });
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The units directly below `parent` (`None`: the countries), in id order, at most
		/// `MaxChildren`.
		pub fn children(parent: Option<JurisdictionId>) -> Vec<(JurisdictionId, UnitOf<T>)> {
			let mut ids: Vec<JurisdictionId> = Children::<T>::iter_key_prefix(parent)
				.take(T::MaxChildren::get() as usize)
				.collect();
			ids.sort_unstable();
			ids.into_iter().filter_map(|id| Units::<T>::get(id).map(|u| (id, u))).collect()
		}

		/// The offices attached to `unit`, in id order, at most `MaxOfficesPerUnit`.
		pub fn offices_of(unit: JurisdictionId) -> Vec<(OfficeId, OfficeOf<T>)> {
			let mut ids: Vec<OfficeId> = UnitOffices::<T>::iter_key_prefix(unit)
				.take(T::MaxOfficesPerUnit::get() as usize)
				.collect();
			ids.sort_unstable();
			ids.into_iter()
				.filter_map(|id| Offices::<T>::get(id).map(|o| (id, o)))
				.collect()
		}

		/// The path from `unit` up to its country: `[unit, parent, …, country]`. Empty for an
		/// unknown unit.
		pub fn ancestors(unit: JurisdictionId) -> Vec<JurisdictionId> {
			let mut path = Vec::new();
			let mut next = Some(unit);
			while let Some(id) = next {
				if path.len() >= MAX_DEPTH as usize {
					break;
				}
				match Units::<T>::get(id) {
					Some(u) => {
						path.push(id);
						next = u.parent;
					},
					None => break,
				}
			}
			path
		}
	}
}

impl<T: Config> Pallet<T> {
	fn checked_name(name: NameOf<T>) -> Result<NameOf<T>, Error<T>> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		Ok(name)
	}

	fn check_seats(seats: u32) -> Result<(), Error<T>> {
		ensure!(seats > 0, Error::<T>::ZeroSeats);
		ensure!(seats <= T::MaxSeats::get(), Error::<T>::TooManySeats);
		Ok(())
	}

	/// Checks the tree rules and writes unit `id` with its parent link. Writes nothing on error.
	fn insert_unit(
		id: JurisdictionId,
		parent: Option<JurisdictionId>,
		kind: UnitKind,
		name: NameOf<T>,
	) -> DispatchResult {
		match parent {
			Some(p) => {
				let mut pu = Units::<T>::get(p).ok_or(Error::<T>::UnitNotFound)?;
				ensure!(kind.may_sit_under(Some(pu.kind)), Error::<T>::KindNotAllowedHere);
				ensure!(pu.children < T::MaxChildren::get(), Error::<T>::TooManyChildren);
				pu.children = pu.children.checked_add(1).ok_or(ArithmeticError::Overflow)?;
				Units::<T>::insert(p, pu);
			},
			None => {
				ensure!(kind.may_sit_under(None), Error::<T>::KindNotAllowedHere);
				let roots = RootCount::<T>::get();
				ensure!(roots < T::MaxChildren::get(), Error::<T>::TooManyChildren);
				RootCount::<T>::put(roots.checked_add(1).ok_or(ArithmeticError::Overflow)?);
			},
		}
		Children::<T>::insert(parent, id, ());
		Units::<T>::insert(id, Unit { parent, kind, name, children: 0, offices: 0 });
		Ok(())
	}

	/// Checks the office rules and writes office `id` with its unit link. Writes nothing on error.
	fn insert_office(
		id: OfficeId,
		unit: JurisdictionId,
		name: NameOf<T>,
		seats: u32,
	) -> DispatchResult {
		Self::check_seats(seats)?;
		let mut u = Units::<T>::get(unit).ok_or(Error::<T>::UnitNotFound)?;
		ensure!(u.offices < T::MaxOfficesPerUnit::get(), Error::<T>::TooManyOffices);
		u.offices = u.offices.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let level = u.kind;
		Units::<T>::insert(unit, u);
		UnitOffices::<T>::insert(unit, id, ());
		Offices::<T>::insert(id, Office { unit, level, name, seats, spheres: Spheres::ALL });
		Ok(())
	}
}

impl<T: Config> JurisdictionInspect for Pallet<T> {
	fn unit_kind(id: JurisdictionId) -> Option<UnitKind> {
		Units::<T>::get(id).map(|u| u.kind)
	}

	fn parent(id: JurisdictionId) -> Option<JurisdictionId> {
		Units::<T>::get(id).and_then(|u| u.parent)
	}

	fn is_within(id: JurisdictionId, ancestor: JurisdictionId) -> bool {
		let mut next = Some(id);
		// The tree is at most MAX_DEPTH deep: the walk is bounded.
		for _ in 0..MAX_DEPTH {
			let Some(cur) = next else { return false };
			let Some(u) = Units::<T>::get(cur) else { return false };
			if cur == ancestor {
				return true;
			}
			next = u.parent;
		}
		false
	}

	fn office(id: OfficeId) -> Option<(JurisdictionId, u32)> {
		Offices::<T>::get(id).map(|o| (o.unit, o.seats))
	}

	fn office_spheres(id: OfficeId) -> Option<Spheres> {
		Offices::<T>::get(id).map(|o| o.spheres)
	}
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// The invariants of the tree:
	/// - every unit's parent exists and the unit's kind may sit under the parent's;
	/// - every unit is linked under its parent in [`Children`], every link names an existing unit
	///   with that parent, and each unit's `children` equals its links ([`RootCount`] for roots),
	///   never above `MaxChildren`;
	/// - every unit lies at most [`MAX_DEPTH`] levels deep;
	/// - every office's unit exists, the office is linked in [`UnitOffices`], its level is the
	///   unit's kind, its seats are within `1..=MaxSeats`, and each unit's `offices` equals its
	///   links, never above `MaxOfficesPerUnit`;
	/// - every id is below [`NextUnitId`] / [`NextOfficeId`].
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use sp_runtime::TryRuntimeError;
		let next_unit = NextUnitId::<T>::get();
		for (id, u) in Units::<T>::iter() {
			ensure!(id < next_unit, TryRuntimeError::Other("unit id at or above NextUnitId"));
			let parent_kind = match u.parent {
				Some(p) => Some(
					Units::<T>::get(p).ok_or(TryRuntimeError::Other("unit's parent missing"))?.kind,
				),
				None => None,
			};
			ensure!(u.kind.may_sit_under(parent_kind), TryRuntimeError::Other("kind misplaced"));
			ensure!(Children::<T>::contains_key(u.parent, id), "unit not linked under its parent");
			let links = Children::<T>::iter_key_prefix(Some(id)).count() as u32;
			ensure!(links == u.children, "unit's child count differs from its links");
			ensure!(u.children <= T::MaxChildren::get(), "unit has too many children");
			let offices = UnitOffices::<T>::iter_key_prefix(id).count() as u32;
			ensure!(offices == u.offices, "unit's office count differs from its links");
			ensure!(u.offices <= T::MaxOfficesPerUnit::get(), "unit has too many offices");
			// `ancestors` stops after MAX_DEPTH units: the last one must be a root.
			let top = Self::ancestors(id).last().and_then(|r| Units::<T>::get(r));
			ensure!(top.is_some_and(|t| t.parent.is_none()), "unit deeper than MAX_DEPTH");
		}
		for (parent, child, ()) in Children::<T>::iter() {
			let c = Units::<T>::get(child).ok_or("link to a missing unit")?;
			ensure!(c.parent == parent, "link under the wrong parent");
		}
		let roots = Children::<T>::iter_key_prefix(None::<JurisdictionId>).count() as u32;
		ensure!(roots == RootCount::<T>::get(), "RootCount differs from the root links");
		ensure!(roots <= T::MaxChildren::get(), "too many roots");
		let next_office = NextOfficeId::<T>::get();
		for (id, o) in Offices::<T>::iter() {
			ensure!(id < next_office, "office id at or above NextOfficeId");
			let u = Units::<T>::get(o.unit).ok_or("office's unit missing")?;
			ensure!(o.level == u.kind, "office level differs from its unit's kind");
			ensure!(UnitOffices::<T>::contains_key(o.unit, id), "office not linked to its unit");
			ensure!(o.seats > 0 && o.seats <= T::MaxSeats::get(), "office seats out of range");
			ensure!(
				!o.spheres.is_empty() && o.spheres.is_valid(),
				"office answers for no sphere or an unknown one"
			);
		}
		for (unit, office, ()) in UnitOffices::<T>::iter() {
			let o = Offices::<T>::get(office).ok_or("link to a missing office")?;
			ensure!(o.unit == unit, "office linked to the wrong unit");
		}
		Ok(())
	}
}
