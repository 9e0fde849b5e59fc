//! Benchmarks of the jurisdiction tree, worst case: the longest names and a parent one child
//! short of its fan-out bound.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;

fn name<T: Config>(fill: u8) -> NameOf<T> {
	BoundedVec::truncate_from(alloc::vec![fill; T::MaxNameLen::get() as usize])
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

/// A fresh country → region → district with `MaxChildren - 1` municipalities (ids from
/// `NextUnitId`, so that units already in the genesis stay as they are); returns the district.
fn district_nearly_full<T: Config>() -> Result<JurisdictionId, BenchmarkError> {
	let name = |fill: u8| -> Result<NameOf<T>, BenchmarkError> {
		name::<T>(fill).try_into().map_err(|_| BenchmarkError::Stop("name"))
	};
	let mut next = NextUnitId::<T>::get();
	let mut add = |parent: Option<JurisdictionId>, kind: UnitKind, fill: u8| {
		let id = next;
		Pallet::<T>::insert_unit(id, parent, kind, name(fill)?)
			.map_err(|_| BenchmarkError::Stop("tree setup failed"))?;
		next = next.saturating_add(1);
		Ok::<_, BenchmarkError>(id)
	};
	let country = add(None, UnitKind::Country, b'c')?;
	let region = add(Some(country), UnitKind::Region, b'r')?;
	let district = add(Some(region), UnitKind::District, b'd')?;
	for _ in 1..T::MaxChildren::get() {
		add(Some(district), UnitKind::Municipality, b'm')?;
	}
	NextUnitId::<T>::put(next);
	Ok(district)
}

/// An office (the next id) of a district that is one unit short of its fan-out bound.
fn office_in_full_district<T: Config>() -> Result<OfficeId, BenchmarkError> {
	let district = district_nearly_full::<T>()?;
	let office = NextOfficeId::<T>::get();
	let name = name::<T>(b'o').try_into().map_err(|_| BenchmarkError::Stop("name"))?;
	Pallet::<T>::insert_office(office, district, name, 1)
		.map_err(|_| BenchmarkError::Stop("office setup"))?;
	NextOfficeId::<T>::put(office.saturating_add(1));
	Ok(office)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_unit() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let district = district_nearly_full::<T>()?;
		let unit = NextUnitId::<T>::get();
		let n = name::<T>(b'n');

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(district), UnitKind::Municipality, n.clone());

		assert_last_event::<T>(Event::UnitAdded {
			unit,
			parent: Some(district),
			kind: UnitKind::Municipality,
			name: n.try_into().map_err(|_| BenchmarkError::Stop("name"))?,
		});
		Ok(())
	}

	#[benchmark]
	fn rename_unit() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let district = district_nearly_full::<T>()?;
		let n = name::<T>(b'x');

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, district, n.clone());

		assert_last_event::<T>(Event::UnitRenamed {
			unit: district,
			name: n.try_into().map_err(|_| BenchmarkError::Stop("name"))?,
		});
		Ok(())
	}

	#[benchmark]
	fn remove_unit() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		district_nearly_full::<T>()?;
		// The last municipality of the full district.
		let unit = NextUnitId::<T>::get().checked_sub(1).ok_or(BenchmarkError::Stop("no unit"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, unit);

		assert_last_event::<T>(Event::UnitRemoved { unit });
		Ok(())
	}

	#[benchmark]
	fn add_office() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let district = district_nearly_full::<T>()?;
		for i in 1..T::MaxOfficesPerUnit::get() {
			Pallet::<T>::insert_office(
				i,
				district,
				name::<T>(b'o').try_into().map_err(|_| BenchmarkError::Stop("name"))?,
				1,
			)
			.map_err(|_| BenchmarkError::Stop("office setup"))?;
		}
		NextOfficeId::<T>::put(T::MaxOfficesPerUnit::get());
		let office = NextOfficeId::<T>::get();
		let n = name::<T>(b'p');
		let seats = T::MaxSeats::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, district, n.clone(), seats);

		assert_last_event::<T>(Event::OfficeAdded {
			office,
			unit: district,
			name: n.try_into().map_err(|_| BenchmarkError::Stop("name"))?,
			seats,
		});
		Ok(())
	}

	#[benchmark]
	fn update_office() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let office = office_in_full_district::<T>()?;
		let n = name::<T>(b'q');
		let seats = T::MaxSeats::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office, n.clone(), seats);

		assert_last_event::<T>(Event::OfficeUpdated {
			office,
			name: n.try_into().map_err(|_| BenchmarkError::Stop("name"))?,
			seats,
		});
		Ok(())
	}

	#[benchmark]
	fn set_office_spheres() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let office = office_in_full_district::<T>()?;
		let spheres = pallet_veche_primitives::Spheres(1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office, spheres);

		assert_last_event::<T>(Event::OfficeSpheresSet { office, spheres });
		Ok(())
	}

	#[benchmark]
	fn remove_office() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let office = office_in_full_district::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office);

		assert_last_event::<T>(Event::OfficeRemoved { office });
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
