//! Registering persons: one by one, in batches, within a registrar's units and quota.

use super::*;

#[test]
fn registration_records_the_person_and_queues_the_key() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		let person = People::<Test>::get(tag(1)).unwrap();
		assert_eq!(person.key, key(1));
		assert_eq!(person.constituency, TOWN);
		assert_eq!(person.registrar, REGION_REGISTRAR);
		assert_eq!(person.status, PersonStatus::Active);
		assert_eq!(person.ring, None);
		assert_eq!(Keys::<Test>::get(key(1)), Some(tag(1)));
		assert_eq!(PersonCount::<Test>::get(), 1);
		assert_eq!(Registrars::<Test>::get(REGION_REGISTRAR).unwrap().registered, 1);
		assert_eq!(
			events().last(),
			Some(&Event::PersonRegistered {
				registrar: REGION_REGISTRAR,
				tag: tag(1),
				key: key(1),
				constituency: TOWN
			})
		);
	});
}

#[test]
fn an_unaccredited_registrar_cannot_register() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::register(signed(20), tag(1), key(1), TOWN),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn a_registrar_cannot_register_outside_its_jurisdiction() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(1), key(1), OTHER_TOWN),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(1), key(1), DIASPORA),
			Error::<Test>::OutsideJurisdiction
		);
		// The country's registrar serves everything below it.
		register(1, COUNTRY_REGISTRAR, DIASPORA);
		register(2, COUNTRY_REGISTRAR, OTHER_TOWN);
	});
}

#[test]
fn persons_register_only_in_municipalities_and_diaspora_constituencies() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::register(signed(COUNTRY_REGISTRAR), tag(1), key(1), REGION),
			Error::<Test>::NotAConstituency
		);
		assert_noop!(
			Personhood::register(signed(COUNTRY_REGISTRAR), tag(1), key(1), 77),
			Error::<Test>::UnitNotFound
		);
	});
}

#[test]
fn the_same_tag_at_another_registrar_is_rejected() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		// The same passport at another certification centre gives the same tag.
		assert_noop!(
			Personhood::register(signed(COUNTRY_REGISTRAR), tag(1), key(2), OTHER_TOWN),
			Error::<Test>::PersonAlreadyExists
		);
	});
}

#[test]
fn a_key_already_used_is_rejected() {
	build_and_execute(|| {
		register(1, REGION_REGISTRAR, TOWN);
		assert_noop!(
			Personhood::register(signed(COUNTRY_REGISTRAR), tag(2), key(1), DIASPORA),
			Error::<Test>::KeyAlreadyExists
		);
	});
}

#[test]
fn an_invalid_ring_key_is_rejected() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(1), [0xff; 32], TOWN),
			Error::<Test>::InvalidKey
		);
	});
}

#[test]
fn single_registration_is_refused_where_the_chain_disables_it() {
	build_and_execute(|| {
		crate::SingleRegistration::<Test>::put(false);
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(1), key(1), TOWN),
			Error::<Test>::SingleRegistrationDisabled
		);
		assert_ok!(Personhood::register_batch(signed(REGION_REGISTRAR), batch(1, 2, TOWN)));
	});
}

#[test]
fn a_registrar_registers_a_batch_of_sorted_keys_in_one_call() {
	build_and_execute(|| {
		let persons = batch(1, 3, TOWN);
		// Fewer than a cohort, unsorted or repeated keys: refused.
		let one = frame_support::BoundedVec::truncate_from(persons[..1].to_vec());
		assert_noop!(
			Personhood::register_batch(signed(REGION_REGISTRAR), one),
			Error::<Test>::BatchTooSmall
		);
		let mut reversed = persons.clone().into_inner();
		reversed.reverse();
		assert_noop!(
			Personhood::register_batch(
				signed(REGION_REGISTRAR),
				frame_support::BoundedVec::truncate_from(reversed)
			),
			Error::<Test>::KeysNotSorted
		);
		let twice = frame_support::BoundedVec::truncate_from(vec![persons[0], persons[0]]);
		assert_noop!(
			Personhood::register_batch(signed(REGION_REGISTRAR), twice),
			Error::<Test>::KeysNotSorted
		);
		assert_noop!(
			Personhood::register_batch(signed(UNIDENTIFIED), persons.clone()),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Personhood::register_batch(signed(REGION_REGISTRAR), persons.clone()));
		assert_eq!(
			events().last(),
			Some(&Event::BatchRegistered { registrar: REGION_REGISTRAR, persons: persons.clone() })
		);
		assert_eq!(PersonCount::<Test>::get(), 3);
		assert_eq!(Queues::<Test>::get(Constituency(TOWN)).unwrap().keys.len(), 3);
		// One person already registered spoils the whole batch: nothing of it is kept.
		let mut again = batch(3, 2, TOWN).into_inner();
		again.extend(batch(10, 1, TOWN));
		again.sort_by_key(|p| p.1);
		assert_noop!(
			Personhood::register_batch(
				signed(REGION_REGISTRAR),
				frame_support::BoundedVec::truncate_from(again)
			),
			Error::<Test>::PersonAlreadyExists
		);
	});
}

#[test]
fn registrars_register_within_their_quota_per_period() {
	build_and_execute(|| {
		assert_noop!(
			Personhood::set_quota(signed(REGION_REGISTRAR), REGION_REGISTRAR, 9),
			BadOrigin
		);
		assert_noop!(Personhood::set_quota(signed(ADMIN), 77, 9), Error::<Test>::RegistrarNotFound);
		assert_ok!(Personhood::set_quota(signed(ADMIN), REGION_REGISTRAR, 3));
		assert_eq!(
			events().last(),
			Some(&Event::QuotaSet { registrar: REGION_REGISTRAR, quota: 3 })
		);
		register(1, REGION_REGISTRAR, TOWN);
		assert_ok!(Personhood::register_batch(signed(REGION_REGISTRAR), batch(2, 2, TOWN)));
		assert_eq!(Personhood::registrar_quota(REGION_REGISTRAR), Some((3, 3)));
		assert_noop!(
			Personhood::register(signed(REGION_REGISTRAR), tag(4), key(4), TOWN),
			Error::<Test>::QuotaExceeded
		);
		assert_noop!(
			Personhood::register_batch(signed(REGION_REGISTRAR), batch(4, 2, TOWN)),
			Error::<Test>::QuotaExceeded
		);
		// Another registrar's quota is its own.
		register(11, COUNTRY_REGISTRAR, DIASPORA);
		// The next period (QuotaPeriod = 100) starts afresh.
		System::set_block_number(100);
		assert_eq!(Personhood::registrar_quota(REGION_REGISTRAR), Some((3, 0)));
		assert_ok!(Personhood::register_batch(signed(REGION_REGISTRAR), batch(4, 2, TOWN)));
	});
}
