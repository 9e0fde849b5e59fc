//! Unit tests of the jurisdiction tree.

use crate::{mock::*, Children, Error, Event, NextUnitId, Offices, RootCount, Units};
use frame_support::{assert_noop, assert_ok};
use frame_system::RawOrigin;
use pallet_veche_primitives::{JurisdictionInspect, UnitKind::*};
use sp_runtime::{traits::BadOrigin, BuildStorage};

fn admin() -> RuntimeOrigin {
	RuntimeOrigin::signed(ADMIN)
}

/// Country 0 → region 1 → district 2 → municipality 3; diaspora constituency 4 under 0.
fn sample_tree() {
	assert_ok!(Jurisdictions::add_unit(admin(), None, Country, name(b"Freeland".to_vec())));
	assert_ok!(Jurisdictions::add_unit(admin(), Some(0), Region, name(b"North".to_vec())));
	assert_ok!(Jurisdictions::add_unit(admin(), Some(1), District, name(b"Lakeside".to_vec())));
	assert_ok!(Jurisdictions::add_unit(
		admin(),
		Some(2),
		Municipality,
		name(b"Birchwood".to_vec())
	));
	assert_ok!(Jurisdictions::add_unit(
		admin(),
		Some(0),
		DiasporaConstituency,
		name(b"Abroad".to_vec())
	));
}

#[docify::export]
/// A unit or office name (at most `MaxNameLen`).
fn name(n: Vec<u8>) -> crate::NameOf<Test> {
	frame_support::BoundedVec::truncate_from(n)
}

/// Whether the bytes of jurisdictions call `index` with these encoded arguments, as any wallet
/// could send them, decode as a call at all.
fn decodes(index: u8, args: impl codec::Encode) -> bool {
	use codec::Decode;
	use frame_support::traits::PalletInfoAccess;
	let mut bytes = vec![Jurisdictions::index() as u8, index];
	args.encode_to(&mut bytes);
	RuntimeCall::decode(&mut &bytes[..]).is_ok()
}

#[docify::export]
#[test]
fn a_country_with_a_diaspora_constituency_and_its_office() {
	build_and_execute(|| {
		// Governance adds a country (a root) and, under it, the constituency of its citizens
		// living in Germany.
		assert_ok!(Jurisdictions::add_unit(admin(), None, Country, name(b"Freeland".to_vec())));
		assert_ok!(Jurisdictions::add_unit(
			admin(),
			Some(0),
			DiasporaConstituency,
			name(b"Freeland in DE".to_vec())
		));
		// The constituency elects three members of the diaspora parliament.
		assert_ok!(Jurisdictions::add_office(admin(), 1, name(b"MPs from DE".to_vec()), 3));

		assert_eq!(Jurisdictions::unit_kind(1), Some(DiasporaConstituency));
		assert!(Jurisdictions::is_within(1, 0));
		assert_eq!(Jurisdictions::office(0), Some((1, 3)));
		let children = Jurisdictions::children(Some(0));
		assert_eq!(children.len(), 1);
		assert_eq!(children[0].0, 1);
		assert_eq!(children[0].1.name.to_vec(), b"Freeland in DE".to_vec());
		assert_eq!(Offices::<Test>::get(0).unwrap().level, DiasporaConstituency);
		assert_eq!(
			events().last(),
			Some(&Event::OfficeAdded {
				office: 0,
				unit: 1,
				name: b"MPs from DE".to_vec().try_into().unwrap(),
				seats: 3
			})
		);
	});
}

#[test]
fn units_get_sequential_ids_and_link_under_their_parent() {
	build_and_execute(|| {
		sample_tree();
		assert_eq!(NextUnitId::<Test>::get(), 5);
		assert_eq!(RootCount::<Test>::get(), 1);
		assert_eq!(Units::<Test>::get(0).unwrap().children, 2);
		assert!(Children::<Test>::contains_key(Some(2), 3));
		assert_eq!(Jurisdictions::ancestors(3), vec![3, 2, 1, 0]);
		assert_eq!(Jurisdictions::ancestors(99), Vec::<u32>::new());
		assert_eq!(
			Jurisdictions::children(None).into_iter().map(|(id, _)| id).collect::<Vec<_>>(),
			vec![0]
		);
		assert_eq!(
			Jurisdictions::children(Some(0))
				.into_iter()
				.map(|(id, _)| id)
				.collect::<Vec<_>>(),
			vec![1, 4]
		);
		assert_eq!(
			events()[3],
			Event::UnitAdded {
				unit: 3,
				parent: Some(2),
				kind: Municipality,
				name: b"Birchwood".to_vec().try_into().unwrap()
			}
		);
	});
}

#[test]
fn is_within_follows_the_whole_path_and_nothing_else() {
	build_and_execute(|| {
		sample_tree();
		assert!(Jurisdictions::is_within(3, 3));
		assert!(Jurisdictions::is_within(3, 2));
		assert!(Jurisdictions::is_within(3, 0));
		assert!(!Jurisdictions::is_within(3, 4));
		assert!(!Jurisdictions::is_within(4, 1));
		assert!(!Jurisdictions::is_within(99, 0));
		assert!(!Jurisdictions::is_within(0, 99));
		assert_eq!(Jurisdictions::parent(3), Some(2));
		assert_eq!(Jurisdictions::parent(0), None);
		assert_eq!(Jurisdictions::unit_kind(99), None);
	});
}

#[test]
fn only_the_admin_origin_changes_the_tree() {
	build_and_execute(|| {
		sample_tree();
		let outsider = RuntimeOrigin::signed(2);
		assert_noop!(
			Jurisdictions::add_unit(outsider.clone(), None, Country, name(b"X".to_vec())),
			BadOrigin
		);
		assert_noop!(
			Jurisdictions::rename_unit(outsider.clone(), 0, name(b"X".to_vec())),
			BadOrigin
		);
		assert_noop!(Jurisdictions::remove_unit(outsider.clone(), 3), BadOrigin);
		assert_noop!(
			Jurisdictions::add_office(outsider.clone(), 3, name(b"X".to_vec()), 1),
			BadOrigin
		);
		assert_noop!(
			Jurisdictions::add_unit(RawOrigin::None.into(), None, Country, name(b"X".to_vec())),
			BadOrigin
		);
		assert_ok!(Jurisdictions::add_office(admin(), 3, name(b"Mayor".to_vec()), 1));
		assert_noop!(
			Jurisdictions::update_office(outsider.clone(), 0, name(b"X".to_vec()), 2),
			BadOrigin
		);
		assert_noop!(Jurisdictions::remove_office(outsider, 0), BadOrigin);
	});
}

#[test]
fn kinds_must_nest_in_order() {
	build_and_execute(|| {
		sample_tree();
		for (parent, kind) in [
			(None, Region),
			(None, Municipality),
			(Some(0), Country),
			(Some(0), District),
			(Some(1), DiasporaConstituency),
			(Some(3), Municipality),
			(Some(4), Municipality),
			(Some(2), Region),
		] {
			assert_noop!(
				Jurisdictions::add_unit(admin(), parent, kind, name(b"Bad".to_vec())),
				Error::<Test>::KindNotAllowedHere
			);
		}
		// A municipality directly under a region is allowed (regions without districts).
		assert_ok!(Jurisdictions::add_unit(
			admin(),
			Some(1),
			Municipality,
			name(b"Capital".to_vec())
		));
	});
}

#[test]
fn bad_names_and_unknown_parents_are_rejected() {
	build_and_execute(|| {
		sample_tree();
		assert_noop!(
			Jurisdictions::add_unit(admin(), Some(0), Region, name(Vec::new())),
			Error::<Test>::EmptyName
		);
		// A name over `MaxNameLen` (16) does not even decode.
		assert!(decodes(0, (Some(0u32), Region, vec![b'a'; 16])));
		assert!(!decodes(0, (Some(0u32), Region, vec![b'a'; 17])));
		assert_noop!(
			Jurisdictions::add_unit(admin(), Some(42), Region, name(b"South".to_vec())),
			Error::<Test>::UnitNotFound
		);
		assert_noop!(
			Jurisdictions::rename_unit(admin(), 42, name(b"South".to_vec())),
			Error::<Test>::UnitNotFound
		);
		assert_noop!(
			Jurisdictions::rename_unit(admin(), 1, name(Vec::new())),
			Error::<Test>::EmptyName
		);
		assert_ok!(Jurisdictions::add_unit(admin(), Some(0), Region, name(vec![b'a'; 16])));
	});
}

#[test]
fn renaming_keeps_the_unit_in_place() {
	build_and_execute(|| {
		sample_tree();
		assert_ok!(Jurisdictions::rename_unit(admin(), 1, name(b"Northern".to_vec())));
		let u = Units::<Test>::get(1).unwrap();
		assert_eq!(u.name.to_vec(), b"Northern".to_vec());
		assert_eq!((u.parent, u.kind, u.children), (Some(0), Region, 1));
		assert_eq!(
			events().last(),
			Some(&Event::UnitRenamed { unit: 1, name: b"Northern".to_vec().try_into().unwrap() })
		);
	});
}

#[test]
fn fan_out_is_bounded_for_children_and_countries() {
	build_and_execute(|| {
		sample_tree();
		// Country 0 has two children; MaxChildren is 3.
		assert_ok!(Jurisdictions::add_unit(admin(), Some(0), Region, name(b"South".to_vec())));
		assert_noop!(
			Jurisdictions::add_unit(admin(), Some(0), Region, name(b"East".to_vec())),
			Error::<Test>::TooManyChildren
		);
		assert_ok!(Jurisdictions::add_unit(admin(), None, Country, name(b"B".to_vec())));
		assert_ok!(Jurisdictions::add_unit(admin(), None, Country, name(b"C".to_vec())));
		assert_noop!(
			Jurisdictions::add_unit(admin(), None, Country, name(b"D".to_vec())),
			Error::<Test>::TooManyChildren
		);
	});
}

#[test]
fn offices_are_bounded_and_need_seats() {
	build_and_execute(|| {
		sample_tree();
		assert_noop!(
			Jurisdictions::add_office(admin(), 3, name(b"Council".to_vec()), 0),
			Error::<Test>::ZeroSeats
		);
		assert_noop!(
			Jurisdictions::add_office(admin(), 3, name(b"Council".to_vec()), 451),
			Error::<Test>::TooManySeats
		);
		assert_noop!(
			Jurisdictions::add_office(admin(), 9, name(b"Council".to_vec()), 5),
			Error::<Test>::UnitNotFound
		);
		assert_noop!(
			Jurisdictions::add_office(admin(), 3, name(Vec::new()), 5),
			Error::<Test>::EmptyName
		);
		assert_ok!(Jurisdictions::add_office(admin(), 3, name(b"Council".to_vec()), 15));
		assert_ok!(Jurisdictions::add_office(admin(), 3, name(b"Mayor".to_vec()), 1));
		assert_noop!(
			Jurisdictions::add_office(admin(), 3, name(b"Clerk".to_vec()), 1),
			Error::<Test>::TooManyOffices
		);
		let offices = Jurisdictions::offices_of(3);
		assert_eq!(
			offices.iter().map(|(id, o)| (*id, o.seats)).collect::<Vec<_>>(),
			vec![(0, 15), (1, 1)]
		);
		assert_eq!(offices[0].1.level, Municipality);
		assert!(Jurisdictions::offices_of(2).is_empty());
	});
}

#[test]
fn an_office_can_be_resized_and_renamed() {
	build_and_execute(|| {
		sample_tree();
		assert_ok!(Jurisdictions::add_office(admin(), 3, name(b"Council".to_vec()), 15));
		assert_noop!(
			Jurisdictions::update_office(admin(), 0, name(b"Council".to_vec()), 0),
			Error::<Test>::ZeroSeats
		);
		assert_noop!(
			Jurisdictions::update_office(admin(), 0, name(b"Council".to_vec()), 451),
			Error::<Test>::TooManySeats
		);
		assert_noop!(
			Jurisdictions::update_office(admin(), 7, name(b"Council".to_vec()), 9),
			Error::<Test>::OfficeNotFound
		);
		assert_ok!(Jurisdictions::update_office(admin(), 0, name(b"Town council".to_vec()), 9));
		let o = Offices::<Test>::get(0).unwrap();
		assert_eq!((o.name.to_vec(), o.seats, o.unit), (b"Town council".to_vec(), 9, 3));
		assert_eq!(
			events().last(),
			Some(&Event::OfficeUpdated {
				office: 0,
				name: b"Town council".to_vec().try_into().unwrap(),
				seats: 9
			})
		);
	});
}

#[test]
fn removal_refuses_units_with_children_offices_or_users() {
	build_and_execute(|| {
		sample_tree();
		assert_ok!(Jurisdictions::add_office(admin(), 3, name(b"Mayor".to_vec()), 1));
		assert_noop!(Jurisdictions::remove_unit(admin(), 2), Error::<Test>::HasChildren);
		assert_noop!(Jurisdictions::remove_unit(admin(), 3), Error::<Test>::HasOffices);
		assert_noop!(Jurisdictions::remove_unit(admin(), 77), Error::<Test>::UnitNotFound);
		UnitsInUse::set(vec![4]);
		assert_noop!(Jurisdictions::remove_unit(admin(), 4), Error::<Test>::UnitInUse);
		UnitsInUse::set(vec![]);
		assert_ok!(Jurisdictions::remove_unit(admin(), 4));
		assert!(Units::<Test>::get(4).is_none());
		assert_eq!(Units::<Test>::get(0).unwrap().children, 1);
		assert_eq!(events().last(), Some(&Event::UnitRemoved { unit: 4 }));
		// Ids are never reused.
		assert_ok!(Jurisdictions::add_unit(
			admin(),
			Some(0),
			DiasporaConstituency,
			name(b"A2".to_vec())
		));
		assert!(Units::<Test>::get(5).is_some());
	});
}

#[test]
fn offices_in_use_stay_and_free_ones_go() {
	build_and_execute(|| {
		sample_tree();
		assert_ok!(Jurisdictions::add_office(admin(), 3, name(b"Mayor".to_vec()), 1));
		OfficesInUse::set(vec![0]);
		assert_noop!(Jurisdictions::remove_office(admin(), 0), Error::<Test>::OfficeInUse);
		OfficesInUse::set(vec![]);
		assert_noop!(Jurisdictions::remove_office(admin(), 1), Error::<Test>::OfficeNotFound);
		assert_ok!(Jurisdictions::remove_office(admin(), 0));
		assert_eq!(Units::<Test>::get(3).unwrap().offices, 0);
		assert_eq!(events().last(), Some(&Event::OfficeRemoved { office: 0 }));
		// The municipality is removable now, then its district, region and country in turn.
		for unit in [3, 2, 1, 4, 0] {
			assert_ok!(Jurisdictions::remove_unit(admin(), unit));
		}
		assert_eq!(RootCount::<Test>::get(), 0);
	});
}

#[test]
fn genesis_builds_the_given_tree_and_continues_ids_above_it() {
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		jurisdictions: crate::GenesisConfig {
			units: vec![
				(10, None, Country, b"Freeland".to_vec()),
				(11, Some(10), DiasporaConstituency, b"In DE".to_vec()),
			],
			offices: vec![(5, 11, b"MPs".to_vec(), 2)],
			_config: Default::default(),
		},
	}
	.build_storage()
	.unwrap();
	sp_io::TestExternalities::new(t).execute_with(|| {
		assert_eq!(NextUnitId::<Test>::get(), 12);
		assert_eq!(Jurisdictions::office(5), Some((11, 2)));
		assert!(Jurisdictions::is_within(11, 10));
		Jurisdictions::do_try_state().unwrap();
	});
}

#[test]
#[should_panic(expected = "breaks the tree rules")]
fn genesis_refuses_a_misplaced_unit() {
	let _ = RuntimeGenesisConfig {
		system: Default::default(),
		jurisdictions: crate::GenesisConfig {
			units: vec![(0, None, Municipality, b"Lost".to_vec())],
			offices: vec![],
			_config: Default::default(),
		},
	}
	.build_storage();
}

#[test]
fn try_state_catches_a_broken_count() {
	new_test_ext().execute_with(|| {
		sample_tree();
		Units::<Test>::mutate(0, |u| u.as_mut().unwrap().children = 7);
		assert!(Jurisdictions::do_try_state().is_err());
	});
}

#[test]
fn an_office_answers_for_every_sphere_until_governance_narrows_it() {
	use pallet_veche_primitives::{PolicySphere::*, Spheres};
	build_and_execute(|| {
		sample_tree();
		assert_ok!(Jurisdictions::add_office(admin(), 3, name(b"Council".to_vec()), 15));
		assert_eq!(Offices::<Test>::get(0).unwrap().spheres, Spheres::ALL);
		let school_board: Spheres = [Education, SportAndYouth].into_iter().collect();
		assert_noop!(
			Jurisdictions::set_office_spheres(RuntimeOrigin::signed(7), 0, school_board),
			BadOrigin
		);
		assert_noop!(
			Jurisdictions::set_office_spheres(admin(), 9, school_board),
			Error::<Test>::OfficeNotFound
		);
		assert_noop!(
			Jurisdictions::set_office_spheres(admin(), 0, Spheres::NONE),
			Error::<Test>::NoSpheres
		);
		// A bit beyond the twentieth sphere names nothing.
		assert_noop!(
			Jurisdictions::set_office_spheres(admin(), 0, Spheres(Spheres::ALL.0 + 1)),
			Error::<Test>::UnknownSphere
		);
		assert_ok!(Jurisdictions::set_office_spheres(admin(), 0, school_board));
		let o = Offices::<Test>::get(0).unwrap();
		assert_eq!(o.spheres, school_board);
		assert_eq!(o.spheres.iter().collect::<Vec<_>>(), vec![Education, SportAndYouth]);
		assert!(!o.spheres.contains(Budget));
		assert_eq!(
			events().last(),
			Some(&Event::OfficeSpheresSet { office: 0, spheres: school_board })
		);
		// Renaming or resizing the office keeps its spheres.
		assert_ok!(Jurisdictions::update_office(admin(), 0, name(b"Board".to_vec()), 5));
		assert_eq!(Offices::<Test>::get(0).unwrap().spheres, school_board);
	});
}

#[test]
fn the_v2_migration_gives_every_office_every_sphere_once() {
	use crate::migrations::v2::{MigrateV1ToV2, OfficeV1};
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	use pallet_veche_primitives::{PolicySphere::Health, Spheres};
	build_and_execute(|| {
		sample_tree();
		assert_ok!(Jurisdictions::add_office(admin(), 3, name(b"Council".to_vec()), 15));
		assert_ok!(Jurisdictions::add_office(admin(), 4, name(b"Deputy".to_vec()), 1));
		// Both offices as version 1 wrote them.
		for (office, unit, level, n, seats) in [
			(0, 3, Municipality, b"Council".to_vec(), 15),
			(1, 4, DiasporaConstituency, b"Deputy".to_vec(), 1),
		] {
			let old = OfficeV1 { unit, level, name: name(n), seats };
			frame_support::storage::unhashed::put_raw(
				&Offices::<Test>::hashed_key_for(office),
				&old.encode(),
			);
		}
		StorageVersion::new(1).put::<Jurisdictions>();
		// Version 1's layout does not decode as version 2's.
		assert!(Offices::<Test>::try_get(0).is_err());
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Jurisdictions::on_chain_storage_version(), StorageVersion::new(2));
		let council = Offices::<Test>::get(0).expect("decodes as version 2");
		assert_eq!(
			(council.unit, council.level, council.name.to_vec(), council.seats, council.spheres),
			(3, Municipality, b"Council".to_vec(), 15, Spheres::ALL),
			"every field kept, every sphere"
		);
		assert_eq!(Offices::<Test>::get(1).unwrap().seats, 1);
		// Run again (a later upgrade still listing it): nothing changes.
		let health = Spheres::NONE.with(Health);
		assert_ok!(Jurisdictions::set_office_spheres(admin(), 0, health));
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Offices::<Test>::get(0).unwrap().spheres, health);
	});
}

#[test]
fn try_state_catches_an_office_answering_for_nothing() {
	new_test_ext().execute_with(|| {
		sample_tree();
		assert_ok!(Jurisdictions::add_office(admin(), 3, name(b"Council".to_vec()), 15));
		Offices::<Test>::mutate(0, |o| {
			o.as_mut().unwrap().spheres = pallet_veche_primitives::Spheres::NONE
		});
		assert!(Jurisdictions::do_try_state().is_err());
	});
}
