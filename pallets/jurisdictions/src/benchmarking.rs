//! Benchmarks of the jurisdiction tree, worst case: the longest names and a parent one child
//! short of its fan-out bound.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;

fn name<T: Config>(fill: u8) -> Vec<u8> {
	alloc::vec![fill; T::MaxNameLen::get() as usize]
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

/// Country 0 → region 1 → district 2 with `MaxChildren - 1` municipalities; returns the district.
fn district_nearly_full<T: Config>() -> Result<JurisdictionId, BenchmarkError> {
	let ok = |r: DispatchResult| r.map_err(|_| BenchmarkError::Stop("tree setup failed"));
	ok(Pallet::<T>::insert_unit(
		0,
		None,
		UnitKind::Country,
		name::<T>(b'c').try_into().map_err(|_| BenchmarkError::Stop("name"))?,
	))?;
	ok(Pallet::<T>::insert_unit(
		1,
		Some(0),
		UnitKind::Region,
		name::<T>(b'r').try_into().map_err(|_| BenchmarkError::Stop("name"))?,
	))?;
	ok(Pallet::<T>::insert_unit(
		2,
		Some(1),
		UnitKind::District,
		name::<T>(b'd').try_into().map_err(|_| BenchmarkError::Stop("name"))?,
	))?;
	let mut next = 3;
	for _ in 1..T::MaxChildren::get() {
		ok(Pallet::<T>::insert_unit(
			next,
			Some(2),
			UnitKind::Municipality,
			name::<T>(b'm').try_into().map_err(|_| BenchmarkError::Stop("name"))?,
		))?;
		next = next.saturating_add(1);
	}
	NextUnitId::<T>::put(next);
	Ok(2)
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
		let district = district_nearly_full::<T>()?;
		Pallet::<T>::insert_office(
			0,
			district,
			name::<T>(b'o').try_into().map_err(|_| BenchmarkError::Stop("name"))?,
			1,
		)
		.map_err(|_| BenchmarkError::Stop("office setup"))?;
		NextOfficeId::<T>::put(1);
		let n = name::<T>(b'q');
		let seats = T::MaxSeats::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, n.clone(), seats);

		assert_last_event::<T>(Event::OfficeUpdated {
			office: 0,
			name: n.try_into().map_err(|_| BenchmarkError::Stop("name"))?,
			seats,
		});
		Ok(())
	}

	#[benchmark]
	fn remove_office() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let district = district_nearly_full::<T>()?;
		Pallet::<T>::insert_office(
			0,
			district,
			name::<T>(b'o').try_into().map_err(|_| BenchmarkError::Stop("name"))?,
			1,
		)
		.map_err(|_| BenchmarkError::Stop("office setup"))?;
		NextOfficeId::<T>::put(1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0);

		assert_last_event::<T>(Event::OfficeRemoved { office: 0 });
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
