//! Creating polls: who may, and only well-formed ones.

use super::*;

#[test]
fn an_electorate_with_a_unit_inside_another_is_refused() {
	build_and_execute(|| {
		let nested = Electorate {
			units: BoundedVec::truncate_from(vec![COUNTRY, TOWN]),
			base_weight: 1,
			class_weights: Default::default(),
		};
		assert_noop!(
			Ballots::create_poll(signed(GOVERNANCE), PollKind::YesNo, nested, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		let everyone = Electorate::everyone();
		assert_noop!(
			Ballots::create_poll(signed(GOVERNANCE), PollKind::YesNo, everyone, 1, 5),
			Error::<Test>::InvalidElectorate
		);
	});
}

#[test]
fn only_governance_creates_polls_and_only_well_formed_ones() {
	build_and_execute(|| {
		let create = |origin, kind, electorate, start, end| {
			Ballots::create_poll(origin, kind, electorate, start, end)
		};
		assert_noop!(create(signed(ANYONE), PollKind::YesNo, national(), 1, 5), BadOrigin);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::SingleChoice { options: 1 }, national(), 1, 5),
			Error::<Test>::InvalidKind
		);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::Approval { options: 3, max: 4 }, national(), 1, 5),
			Error::<Test>::InvalidKind
		);
		assert_noop!(
			create(
				signed(GOVERNANCE),
				PollKind::Approval { options: 65, max: 1 },
				national(),
				1,
				5
			),
			Error::<Test>::InvalidKind
		);
		let nobody = Electorate { units: BoundedVec::new(), ..national() };
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, nobody, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		let unknown = Electorate { units: BoundedVec::truncate_from(vec![77]), ..national() };
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, unknown, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		let twice = Electorate { units: BoundedVec::truncate_from(vec![TOWN, TOWN]), ..national() };
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, twice, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		let zero = Electorate {
			class_weights: BoundedVec::truncate_from(vec![(LAWYERS, 0)]),
			..national()
		};
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, zero, 1, 5),
			Error::<Test>::InvalidElectorate
		);
		System::set_block_number(3);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, national(), 2, 5),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, national(), 5, 5),
			Error::<Test>::InvalidWindow
		);
		assert_noop!(
			create(signed(GOVERNANCE), PollKind::YesNo, national(), 3, 104),
			Error::<Test>::VotingPeriodTooLong
		);
		// Units are stored sorted; each named unit is now in use.
		let two =
			Electorate { units: BoundedVec::truncate_from(vec![DIASPORA, TOWN]), ..national() };
		assert_ok!(create(signed(GOVERNANCE), PollKind::YesNo, two, 3, 103));
		let Poll { electorate, status, .. } = Polls::<Test>::get(0).unwrap();
		assert_eq!(electorate.units.into_inner(), vec![TOWN, DIASPORA]);
		assert_eq!(status, PollStatus::Ongoing);
		use pallet_veche_primitives::JurisdictionUsage;
		assert!(Ballots::unit_in_use(TOWN) && !Ballots::unit_in_use(OTHER_TOWN));
	});
}

#[test]
fn another_pallet_may_shorten_a_poll_s_appeal_window_but_not_lengthen_it() {
	build_and_execute(|| {
		use pallet_veche_primitives::PollEngine;
		let create = |appeal| {
			<Ballots as PollEngine<u64>>::create_with_appeal(
				PollKind::YesNo,
				Default::default(),
				national(),
				1,
				5,
				appeal,
			)
		};
		// The engine's own window is 10 blocks.
		assert_noop!(create(11), Error::<Test>::AppealPeriodTooLong);
		let poll = create(3).unwrap();
		let summary = <Ballots as PollEngine<u64>>::summary(poll).unwrap();
		assert_eq!((summary.end, summary.appeal_end), (5, 8));
		let poll = create(0).unwrap();
		assert_eq!(<Ballots as PollEngine<u64>>::summary(poll).unwrap().appeal_end, 5);
	});
}
