//! The commission, its roll, tracks, identity judgements and proxies.

use super::*;

#[test]
fn council_membership_changes_reach_the_commission_roll() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = acc(Sr25519Keyring::Dave);
		assert!(!pallet_ranked_collective::Members::<Runtime>::contains_key(&dave));

		assert_ok!(CouncilMembership::add_member(
			RuntimeOrigin::root(),
			MultiAddress::Id(dave.clone())
		));
		assert!(council().contains(&dave));
		assert!(pallet_ranked_collective::Members::<Runtime>::contains_key(&dave));
		assert_ok!(council_and_commission_agree());

		let bob = acc(Sr25519Keyring::Bob);
		assert_ok!(CouncilMembership::swap_member(
			RuntimeOrigin::root(),
			MultiAddress::Id(bob.clone()),
			MultiAddress::Id(acc(Sr25519Keyring::Eve)),
		));
		assert!(!pallet_ranked_collective::Members::<Runtime>::contains_key(&bob));
		assert_ok!(council_and_commission_agree());

		assert_ok!(CouncilMembership::remove_member(
			RuntimeOrigin::root(),
			MultiAddress::Id(dave.clone())
		));
		assert!(!council().contains(&dave));
		assert!(!pallet_ranked_collective::Members::<Runtime>::contains_key(&dave));
		assert_ok!(council_and_commission_agree());
	});
}

#[test]
fn a_citizen_cannot_change_the_council() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = acc(Sr25519Keyring::Dave);
		assert_noop!(
			CouncilMembership::add_member(
				RuntimeOrigin::signed(dave.clone()),
				MultiAddress::Id(dave.clone())
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_commission_roll_cannot_be_changed_directly() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = acc(Sr25519Keyring::Dave);
		assert_noop!(
			Commission::add_member(RuntimeOrigin::root(), MultiAddress::Id(dave)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Commission::remove_member(
				RuntimeOrigin::root(),
				MultiAddress::Id(acc(Sr25519Keyring::Alice)),
				0
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn tracks_are_sorted_and_map_origins() {
	assert_ok!(tracks::TracksInfo::check_integrity());
	let root = crate::OriginCaller::system(frame_system::RawOrigin::Root);
	let commission = crate::OriginCaller::Origins(origins::Origin::Commission);
	let signed =
		crate::OriginCaller::system(frame_system::RawOrigin::Signed(acc(Sr25519Keyring::Dave)));
	assert_eq!(tracks::TracksInfo::track_for(&root), Ok(tracks::ROOT));
	assert_eq!(tracks::TracksInfo::track_for(&commission), Ok(tracks::COMMISSION));
	assert_eq!(tracks::TracksInfo::track_for(&signed), Err(()));
	let names: Vec<_> = tracks::TracksInfo::tracks().map(|t| t.info.name).collect();
	assert_eq!(names.len(), 2);
	assert_eq!(&names[0][..4], b"root");
	assert_eq!(&names[1][..10], b"commission");
	// The people's referenda: the `People` origin on the people's track, root on their root track.
	assert_ok!(tracks::PeopleTracksInfo::check_integrity());
	let people = crate::OriginCaller::Origins(origins::Origin::People);
	assert_eq!(tracks::PeopleTracksInfo::track_for(&people), Ok(tracks::PEOPLE));
	assert_eq!(tracks::PeopleTracksInfo::track_for(&root), Ok(tracks::PEOPLE_ROOT));
	assert_eq!(tracks::PeopleTracksInfo::track_for(&commission), Err(()));
	assert_eq!(tracks::PeopleTracksInfo::track_for(&signed), Err(()));
}

/// What the people's root track asks: two thirds for, and a turnout that falls from 30 % to 15 %
/// of the roll over the decision period — never less, however long it waits.
#[test]
fn the_peoples_root_track_needs_two_thirds_of_a_real_turnout() {
	use sp_runtime::Perbill;
	let track = tracks::PeopleTracksInfo::tracks()
		.find(|t| t.id == tracks::PEOPLE_ROOT)
		.expect("the people's root track");
	let (start, end) = (Perbill::zero(), Perbill::one());
	let approval = &track.info.min_approval;
	let support = &track.info.min_support;
	assert!(approval.passing(start, Perbill::one()));
	assert!(!approval.passing(start, Perbill::from_percent(99)));
	assert!(approval.passing(end, Perbill::from_percent(67)));
	assert!(!approval.passing(end, Perbill::from_percent(66)));
	assert!(support.passing(start, Perbill::from_percent(30)));
	assert!(!support.passing(start, Perbill::from_percent(29)));
	assert!(support.passing(end, Perbill::from_percent(15)));
	assert!(!support.passing(end, Perbill::from_percent(14)));
	assert_eq!(track.info.max_deciding, 1);
}

#[test]
fn identity_judgement_needs_a_positive_and_no_negative_verdict() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let registrar = acc(Sr25519Keyring::Ferdie);
		let second = acc(Sr25519Keyring::Eve);
		let official = acc(Sr25519Keyring::Dave);
		assert!(!IdentityJudgement::is_identified(&official));

		assert_ok!(Identity::add_registrar(
			RuntimeOrigin::root(),
			MultiAddress::Id(registrar.clone())
		));
		assert_ok!(Identity::add_registrar(
			RuntimeOrigin::root(),
			MultiAddress::Id(second.clone())
		));
		let info = pallet_identity::legacy::IdentityInfo {
			display: pallet_identity::Data::Raw(b"Mayor Dave".to_vec().try_into().unwrap()),
			..Default::default()
		};
		assert_ok!(Identity::set_identity(RuntimeOrigin::signed(official.clone()), Box::new(info)));
		// An identity without any judgement does not qualify.
		assert!(!IdentityJudgement::is_identified(&official));

		let registration = pallet_identity::IdentityOf::<Runtime>::get(&official).unwrap();
		let hash = BlakeTwo256::hash_of(&registration.info);
		let judge = |who: &AccountId, index: u32, j| {
			Identity::provide_judgement(
				RuntimeOrigin::signed(who.clone()),
				index,
				MultiAddress::Id(official.clone()),
				j,
				hash,
			)
		};
		assert_ok!(judge(&registrar, 0, pallet_identity::Judgement::Reasonable));
		assert!(IdentityJudgement::is_identified(&official));

		assert_ok!(judge(&second, 1, pallet_identity::Judgement::Erroneous));
		assert!(!IdentityJudgement::is_identified(&official));
	});
}

#[test]
fn proxies_are_limited_to_their_type() {
	let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
		dest: MultiAddress::Id(acc(Sr25519Keyring::Bob)),
		value: 1,
	});
	let vote = RuntimeCall::Council(pallet_collective::Call::vote {
		proposal: Default::default(),
		index: 0,
		approve: true,
	});
	assert!(ProxyType::Any.filter(&transfer));
	assert!(!ProxyType::NonTransfer.filter(&transfer));
	assert!(ProxyType::NonTransfer.filter(&vote));
	assert!(ProxyType::Governance.filter(&vote));
	assert!(!ProxyType::Governance.filter(&transfer));
	assert!(!ProxyType::CancelProxy.filter(&vote));
	assert!(ProxyType::Any.is_superset(&ProxyType::Governance));
	assert!(!ProxyType::Governance.is_superset(&ProxyType::Any));
	assert!(!ProxyType::CancelProxy.is_superset(&ProxyType::NonTransfer));
}
