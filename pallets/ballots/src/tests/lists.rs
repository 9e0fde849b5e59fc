//! Party-list polls: a list vote with preference votes inside the list, counted O(1) per
//! ballot, excluded and recounted like every other tally, and run for other pallets through
//! the `PollEngine` trait.

use super::*;
use crate::{
	ExcludedPreferences, PollLists, PreferenceCounts, PreferenceTotals, Preferences,
	RecountPreferences,
};
use pallet_veche_primitives::{ListSizes, PollEngine, PollStage};

/// Four lists of 3, 2, 4 and no candidates; up to 2 preferences a ballot.
const KIND: PollKind = PollKind::PartyList { lists: 4, preferences: 2 };

fn lists(lengths: &[u8]) -> ListSizes {
	BoundedVec::truncate_from(lengths.to_vec())
}

fn counts(c: &[u64]) -> PreferenceCounts {
	BoundedVec::truncate_from(c.to_vec())
}

/// A party-list poll of the country, created as elections create theirs, open from now for 10
/// blocks.
fn list_poll() -> PollId {
	let now = System::block_number();
	<Ballots as PollEngine<u64>>::create(KIND, lists(&[3, 2, 4, 0]), national(), now, now + 10)
		.expect("a well-formed party-list poll")
}

#[test]
fn party_list_ballots_count_the_list_and_the_preferences_on_it() {
	build_and_execute(|| {
		let poll = list_poll();
		assert_eq!(PollLists::<Test>::get(poll), Some(lists(&[3, 2, 4, 0])));
		vote_in_one_block(&[
			ballot(1, poll, &[0, 0, 2], 1),
			ballot(2, poll, &[0, 1], 1),
			ballot(3, poll, &[2], 1),
			ballot(5, poll, &[1, 0, 1], 1),
			ballot(6, poll, &[], 1),
		]);
		// Lists: 2, 1, 1 and 0 votes; the blank ballot counts in the turnout only.
		assert_eq!(Totals::<Test>::get(poll), Some(tally(5, 5, &[2, 1, 1, 0])));
		assert_eq!(PreferenceTotals::<Test>::get(poll, 0), Some(counts(&[1, 1, 1])));
		assert_eq!(PreferenceTotals::<Test>::get(poll, 1), Some(counts(&[1, 1])));
		// A list vote without preferences leaves the list's preference counts alone.
		assert_eq!(PreferenceTotals::<Test>::get(poll, 2), None);
		assert_eq!(Preferences::<Test>::get((poll, TOWN, 0)), Some(counts(&[1, 1, 1])));
		assert_eq!(Preferences::<Test>::get((poll, OTHER_TOWN, 1)), Some(counts(&[1, 1])));
		assert_eq!(<Ballots as PollEngine<u64>>::preferences(poll, 0), counts(&[1, 1, 1]));
		assert_eq!(Ballots::list_preferences(poll, 1), counts(&[1, 1]));
	});
}

#[test]
fn a_revote_moves_the_list_vote_and_its_preferences_to_the_new_list() {
	build_and_execute(|| {
		let poll = list_poll();
		vote_in_one_block(&[ballot(1, poll, &[0, 0, 2], 1)]);
		run_to(3);
		vote_in_one_block(&[ballot(1, poll, &[1, 1], 2)]);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(1, 1, &[0, 1, 0, 0])));
		assert_eq!(PreferenceTotals::<Test>::get(poll, 0), Some(counts(&[0, 0, 0])));
		assert_eq!(PreferenceTotals::<Test>::get(poll, 1), Some(counts(&[0, 1])));
		assert_eq!(Preferences::<Test>::get((poll, TOWN, 1)), Some(counts(&[0, 1])));
	});
}

#[test]
fn party_list_choices_outside_the_lists_are_refused() {
	build_and_execute(|| {
		let poll = list_poll();
		let refuse = |marks: &[u8], e: fn() -> Error<Test>| {
			let b = ballot(1, poll, marks, 1);
			assert_eq!(pool_check(&b), refused(e()));
			assert_noop!(Ballots::cast(authorized(), b), e());
		};
		// No list 4; list 3 has nobody on it; list 1 has places 0 and 1 only; two preferences
		// at most; ascending.
		refuse(&[4], || Error::<Test>::ChoiceOutOfRange);
		refuse(&[3], || Error::<Test>::ChoiceOutOfRange);
		refuse(&[1, 2], || Error::<Test>::PlaceNotOnList);
		refuse(&[2, 0, 1, 2], || Error::<Test>::TooManyPreferences);
		refuse(&[0, 2, 1], || Error::<Test>::MarksNotAscending);
		refuse(&[0, 1, 1], || Error::<Test>::MarksNotAscending);
		assert!(PendingBallots::<Test>::get().is_empty());
	});
}

#[test]
fn party_list_polls_are_created_with_exactly_their_lists() {
	build_and_execute(|| {
		let create = |kind: PollKind, l: &[u8]| {
			<Ballots as PollEngine<u64>>::create(kind, lists(l), national(), 1, 5)
		};
		let next = crate::NextPollId::<Test>::get();
		// One length per list, each at most 64; other kinds name no lists.
		assert_noop!(create(KIND, &[3, 2, 4]), Error::<Test>::InvalidLists);
		assert_noop!(create(KIND, &[3, 65, 4, 1]), Error::<Test>::InvalidLists);
		assert_noop!(create(PollKind::YesNo, &[2]), Error::<Test>::InvalidLists);
		assert_noop!(
			create(PollKind::PartyList { lists: 0, preferences: 0 }, &[]),
			Error::<Test>::InvalidKind
		);
		assert_noop!(
			create(PollKind::PartyList { lists: 1, preferences: 64 }, &[64]),
			Error::<Test>::InvalidKind
		);
		// Governance cannot give lists: its polls are never party-list polls.
		assert_noop!(
			Ballots::create_poll(signed(GOVERNANCE), KIND, national(), 1, 5),
			Error::<Test>::InvalidLists
		);
		assert_eq!(crate::NextPollId::<Test>::get(), next);
		assert_ok!(create(PollKind::PartyList { lists: 1, preferences: 63 }, &[64]));
	});
}

#[test]
fn an_exclusion_takes_the_territory_s_preferences_out_of_the_results() {
	build_and_execute(|| {
		let poll = list_poll();
		vote_in_one_block(&[
			ballot(1, poll, &[0, 0, 2], 1),
			ballot(5, poll, &[0, 2], 1),
			ballot(7, poll, &[2, 3], 1),
		]);
		run_to(11);
		assert_ok!(<Ballots as PollEngine<u64>>::close(poll));
		// Closing twice through the engine is not an error.
		assert_ok!(<Ballots as PollEngine<u64>>::close(poll));
		let summary = <Ballots as PollEngine<u64>>::summary(poll).unwrap();
		assert_eq!(summary.stage, PollStage::Closed);
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, TOWN, [1; 32]));
		assert_eq!(ExcludedPreferences::<Test>::get(poll, 0), Some(counts(&[1, 0, 1])));
		assert_eq!(<Ballots as PollEngine<u64>>::preferences(poll, 0), counts(&[0, 0, 1]));
		assert_eq!(<Ballots as PollEngine<u64>>::preferences(poll, 2), counts(&[0, 0, 0, 1]));
		assert_eq!(<Ballots as PollEngine<u64>>::results(poll), Some(tally(2, 2, &[1, 0, 1, 0])));
	});
}

#[test]
fn the_engine_closes_a_poll_only_after_its_end() {
	build_and_execute(|| {
		let poll = list_poll();
		assert_noop!(<Ballots as PollEngine<u64>>::close(poll), Error::<Test>::VotingNotOver);
		assert_noop!(<Ballots as PollEngine<u64>>::close(poll + 1), Error::<Test>::PollNotFound);
		assert_eq!(<Ballots as PollEngine<u64>>::summary(poll).unwrap().stage, PollStage::Open);
		assert_eq!(<Ballots as PollEngine<u64>>::summary(poll + 1), None);
	});
}

#[test]
fn a_recount_compares_the_preferences_and_finds_a_forged_one() {
	build_and_execute(|| {
		let poll = list_poll();
		vote_in_one_block(&[ballot(1, poll, &[0, 0, 2], 1), ballot(5, poll, &[1, 1], 1)]);
		run_to(11);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		assert_ok!(Ballots::recount(signed(ANYONE), poll, 100));
		assert_eq!(RecountVerdicts::<Test>::get(poll).unwrap().mismatches, 0);
		// A preference count that no ballot backs.
		Preferences::<Test>::insert((poll, TOWN, 0), counts(&[1, 1, 1]));
		assert_ok!(Ballots::recount(signed(ANYONE), poll, 100));
		assert_eq!(RecountVerdicts::<Test>::get(poll).unwrap().mismatches, 1);
		assert_eq!(RecountPreferences::<Test>::iter().count(), 0, "the recount cleans up");
		// Put it back, for the invariant checks.
		Preferences::<Test>::insert((poll, TOWN, 0), counts(&[1, 0, 1]));
	});
}

#[test]
fn a_purge_keeps_the_lists_and_the_preference_results() {
	build_and_execute(|| {
		let poll = list_poll();
		vote_in_one_block(&[ballot(1, poll, &[0, 0, 2], 1), ballot(5, poll, &[1, 1], 1)]);
		run_to(11);
		assert_ok!(Ballots::close(signed(ANYONE), poll));
		run_to(41);
		assert_ok!(Ballots::purge(signed(ANYONE), poll, 100));
		assert_eq!(Polls::<Test>::get(poll).unwrap().status, PollStatus::Purged);
		assert_eq!(Preferences::<Test>::iter().count(), 0);
		assert_eq!(PollLists::<Test>::get(poll), Some(lists(&[3, 2, 4, 0])));
		assert_eq!(<Ballots as PollEngine<u64>>::preferences(poll, 0), counts(&[1, 0, 1]));
		assert_eq!(<Ballots as PollEngine<u64>>::results(poll), Some(tally(2, 2, &[1, 1, 0, 0])));
	});
}
