//! Rating polls: residents approve or disapprove of an official and grade them by policy sphere;
//! the approval counts as an option, the grades in histograms kept per territory, O(1) per
//! ballot, excluded, recounted and purged like every other count.

use super::*;
use crate::{ExcludedPreferences, PollLists, PreferenceTotals, Preferences, RecountPreferences};
use pallet_veche_primitives::{GradeHistogram, ListSizes, PollEngine};

/// Twelve spheres: grades in two parts (ten spheres, then two).
const KIND: PollKind = PollKind::Rating { spheres: 12 };

/// A rating poll of the country, created as the ratings pallet creates its own, open from now
/// for 10 blocks.
fn rating_poll() -> PollId {
	let now = System::block_number();
	<Ballots as PollEngine<u64>>::create(KIND, ListSizes::new(), national(), now, now + 10)
		.expect("a well-formed rating poll")
}

/// A rating: approval (0) or disapproval (1), then a grade per sphere (0: none).
fn rating(approve: bool, grades: &[u8]) -> Vec<u8> {
	core::iter::once(if approve { 0 } else { 1 })
		.chain(grades.iter().copied())
		.collect()
}

/// A histogram with `w` at grade `g` (1..=6).
fn at(g: usize, w: u64) -> GradeHistogram {
	let mut h = [0; 6];
	h[g - 1] = w;
	h
}

#[test]
fn ratings_count_approval_as_an_option_and_grades_per_sphere() {
	build_and_execute(|| {
		let poll = rating_poll();
		assert_eq!(PollLists::<Test>::get(poll), None);
		vote_in_one_block(&[
			ballot(1, poll, &rating(true, &[6, 0, 3]), 1),
			ballot(2, poll, &rating(false, &[1]), 1),
			// Sphere 11 is in the second part.
			ballot(5, poll, &rating(true, &[6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]), 1),
			// An approval alone grades nothing; a blank ballot counts in the turnout only.
			ballot(6, poll, &rating(false, &[]), 1),
			ballot(7, poll, &[], 1),
		]);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(5, 5, &[2, 2])));
		let grades = <Ballots as PollEngine<u64>>::grades(poll);
		assert_eq!(grades.len(), 12);
		let mut sphere0 = at(6, 2);
		sphere0[0] = 1;
		assert_eq!(grades[0], sphere0);
		assert_eq!(grades[1], [0; 6]);
		assert_eq!(grades[2], at(3, 1));
		assert_eq!(grades[11], at(2, 1));
		// Per territory, each part: voters 1 and 2 vote in the town, 5 in the other.
		assert_eq!(Preferences::<Test>::get((poll, TOWN, 1)), None);
		assert_eq!(Preferences::<Test>::get((poll, OTHER_TOWN, 1)).map(|c| c.len()), Some(12));
		assert_eq!(PreferenceTotals::<Test>::get(poll, 0).map(|c| c.len()), Some(60));
	});
}

#[test]
fn a_re_rating_replaces_the_earlier_grades() {
	build_and_execute(|| {
		let poll = rating_poll();
		vote_in_one_block(&[ballot(1, poll, &rating(true, &[6, 5]), 1)]);
		run_to(3);
		vote_in_one_block(&[ballot(
			1,
			poll,
			&rating(false, &[0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
			2,
		)]);
		assert_eq!(Totals::<Test>::get(poll), Some(tally(1, 1, &[0, 1])));
		let grades = <Ballots as PollEngine<u64>>::grades(poll);
		assert_eq!((grades[0], grades[1], grades[11]), ([0; 6], at(2, 1), at(1, 1)));
	});
}

#[test]
fn ratings_outside_the_scale_or_the_spheres_are_refused() {
	build_and_execute(|| {
		let poll = rating_poll();
		let refuse = |marks: &[u8], e: fn() -> Error<Test>| {
			let b = ballot(1, poll, marks, 1);
			assert_eq!(pool_check(&b), refused(e()));
			assert_noop!(Ballots::cast(authorized(), b), e());
		};
		// Approval is 0 or 1; grades 0..=6; twelve spheres at most.
		refuse(&[2], || Error::<Test>::ChoiceOutOfRange);
		refuse(&rating(true, &[7]), || Error::<Test>::GradeOutOfRange);
		refuse(&rating(false, &[1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6]), || {
			Error::<Test>::TooManyGrades
		});
		assert!(PendingBallots::<Test>::get().is_empty());
		// Exactly twelve is fine.
		let full = rating(false, &[1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5]);
		assert_eq!(pool_check(&ballot(1, poll, &full, 1)), Ok(()));
	});
}

#[test]
fn rating_polls_grade_one_to_twenty_spheres_and_name_no_lists() {
	build_and_execute(|| {
		let create = |kind: PollKind, l: &[u8]| {
			<Ballots as PollEngine<u64>>::create(
				kind,
				BoundedVec::truncate_from(l.to_vec()),
				national(),
				1,
				5,
			)
		};
		assert_noop!(create(PollKind::Rating { spheres: 0 }, &[]), Error::<Test>::InvalidKind);
		assert_noop!(create(PollKind::Rating { spheres: 21 }, &[]), Error::<Test>::InvalidKind);
		assert_noop!(create(PollKind::Rating { spheres: 3 }, &[3]), Error::<Test>::InvalidLists);
		assert_ok!(create(PollKind::Rating { spheres: 20 }, &[]));
	});
}

#[test]
fn an_exclusion_takes_the_territory_s_grades_out_and_a_recount_checks_them() {
	build_and_execute(|| {
		let poll = rating_poll();
		let far = rating(true, &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4]);
		vote_in_one_block(&[
			ballot(1, poll, &far, 1),
			ballot(5, poll, &rating(false, &[2]), 1),
			ballot(7, poll, &rating(true, &[5]), 1),
		]);
		run_to(11);
		assert_ok!(<Ballots as PollEngine<u64>>::close(poll));
		assert_ok!(Ballots::recount(signed(ANYONE), poll, 100));
		assert_eq!(RecountVerdicts::<Test>::get(poll).unwrap().mismatches, 0);
		assert_ok!(Ballots::exclude_territory(signed(APPEALS), poll, TOWN, [1; 32]));
		assert!(ExcludedPreferences::<Test>::get(poll, 1).is_some());
		let grades = <Ballots as PollEngine<u64>>::grades(poll);
		assert_eq!((grades[10], grades[11]), ([0; 6], [0; 6]));
		assert_eq!(<Ballots as PollEngine<u64>>::results(poll), Some(tally(2, 2, &[1, 1])));
		// A grade no ballot backs is found.
		let forged = Preferences::<Test>::get((poll, OTHER_TOWN, 0)).unwrap();
		let mut bad = forged.clone();
		bad[0] += 1;
		Preferences::<Test>::insert((poll, OTHER_TOWN, 0), bad);
		assert_ok!(Ballots::recount(signed(ANYONE), poll, 100));
		assert_eq!(RecountVerdicts::<Test>::get(poll).unwrap().mismatches, 1);
		assert_eq!(RecountPreferences::<Test>::iter().count(), 0, "the recount cleans up");
		Preferences::<Test>::insert((poll, OTHER_TOWN, 0), forged);
		// After the retention period the territorial grades go; the totals stay.
		run_to(41);
		assert_ok!(Ballots::purge(signed(ANYONE), poll, 100));
		assert_eq!(Preferences::<Test>::iter().count(), 0);
		let grades = <Ballots as PollEngine<u64>>::grades(poll);
		assert_eq!((grades[0], grades[11]), ([0, 1, 0, 0, 1, 0], [0; 6]));
	});
}
