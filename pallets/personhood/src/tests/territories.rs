//! Pooled constituencies and units in use.

use super::*;

#[test]
fn a_small_constituency_is_pooled_with_its_parent_and_that_is_its_territory() {
	build_and_execute(|| {
		assert_noop!(Personhood::set_pooled(signed(REGION_REGISTRAR), TOWN, true), BadOrigin);
		assert_noop!(
			Personhood::set_pooled(signed(ADMIN), REGION, true),
			Error::<Test>::NotPoolable
		);
		assert_noop!(
			Personhood::set_pooled(signed(ADMIN), TOWN, false),
			Error::<Test>::TerritoryUnchanged
		);
		assert_ok!(Personhood::set_pooled(signed(ADMIN), TOWN, true));
		assert_eq!(
			events().last(),
			Some(&Event::TerritorySet { constituency: TOWN, territory: REGION })
		);
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		// The keys join the region's pooled rings; the town has none.
		assert!(Queues::<Test>::get(Constituency(TOWN)).is_none());
		admit_and_build(Constituency(REGION));
		assert_eq!(Personhood::ring_of_key(key(1)), Some((Constituency(REGION), 0)));
		let ring = current(Constituency(REGION), 0);
		let proof = prove(2, Constituency(REGION), 0, &CTX, b"m");
		assert_eq!(verify_now(&proof, &ring, &CTX, b"m").unwrap().set, Constituency(REGION));
		// With persons registered, the town's territory can no longer change.
		assert_noop!(
			Personhood::set_pooled(signed(ADMIN), TOWN, false),
			Error::<Test>::ConstituencyInUse
		);
		use pallet_veche_primitives::JurisdictionUsage;
		assert!(Personhood::unit_in_use(TOWN) && Personhood::unit_in_use(REGION));
	});
}

#[test]
fn a_constituency_with_waiting_or_admitted_keys_is_in_use() {
	use pallet_veche_primitives::JurisdictionUsage;
	build_and_execute(|| {
		assert!(!Personhood::unit_in_use(TOWN));
		register(1, REGION_REGISTRAR, TOWN);
		assert!(Personhood::unit_in_use(TOWN));
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		assert!(Personhood::unit_in_use(TOWN));
		assert!(!Personhood::unit_in_use(DIASPORA));
		assert!(!Personhood::office_in_use(0));
	});
}
