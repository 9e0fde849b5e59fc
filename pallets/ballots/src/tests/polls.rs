//! Creating polls: who may, and only well-formed ones.

use super::*;

#[test]
fn an_electorate_with_a_unit_inside_another_is_refused() {
	build_and_execute(|| {
		let nested = Electorate {
			units: BoundedVec::truncate_from(vec![COUNTRY, TOWN]),
			base_weight: 1,
			class_weights: Default::default(),
			aliases: None,
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

/// A poll of an alias list (a jury's seated jurors, as juries create it): its context and roll
/// are the list's, its turnout base the list's size; only aliases on the list vote, one vote
/// each; governance cannot create such a poll, nor weigh credentials in it.
#[test]
fn only_the_aliases_on_a_polls_list_vote_in_it() {
	build_and_execute(|| {
		use pallet_veche_primitives::{AliasList, PollEngine};
		let roll = Polls::<Test>::get(poll_of(PollKind::YesNo, national())).unwrap().roll;
		let list = AliasList { list: 4, context: [9; 32], roll, size: 2 };
		let units = BoundedVec::truncate_from(vec![COUNTRY]);
		let electorate = Electorate::of_list(units.clone(), list);
		assert_noop!(
			Ballots::create_poll(signed(GOVERNANCE), PollKind::YesNo, electorate.clone(), 1, 5),
			Error::<Test>::InvalidElectorate
		);
		let weighted = Electorate { class_weights: national().class_weights, ..electorate.clone() };
		assert_noop!(
			<Ballots as PollEngine<u64>>::create(
				PollKind::YesNo,
				Default::default(),
				weighted,
				1,
				5
			),
			Error::<Test>::InvalidElectorate
		);
		let poll = <Ballots as PollEngine<u64>>::create(
			PollKind::YesNo,
			Default::default(),
			electorate,
			1,
			5,
		)
		.unwrap();
		let info = Polls::<Test>::get(poll).unwrap();
		assert_eq!((info.context, info.roll, info.roll_size), ([9; 32], roll, 2));
		// Voters 1 and 7 are on the list; voter 2 is not.
		crate::mock::put_on_list(4, alias(1, poll));
		crate::mock::put_on_list(4, alias(7, poll));
		let outsider = ballot(2, poll, &[0], 1);
		assert_eq!(pool_check(&outsider), refused(Error::<Test>::NotOnAliasList));
		assert_noop!(Ballots::cast(authorized(), outsider), Error::<Test>::NotOnAliasList);
		// Another list's aliases are not this one's.
		crate::mock::put_on_list(5, alias(2, poll));
		assert_eq!(pool_check(&ballot(2, poll, &[0], 1)), refused(Error::<Test>::NotOnAliasList));
		vote_in_one_block(&[ballot(1, poll, &[0], 1), ballot(7, poll, &[1], 1)]);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(2, 2, &[1, 1])));
	});
}
