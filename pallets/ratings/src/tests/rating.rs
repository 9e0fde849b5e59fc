//! Rating an official: anonymously, once per person per period (a later rating replaces the
//! earlier), residents of the office's unit only, until the period ends.

use super::*;
use pallet_veche_ballots::Error as BallotError;
use pallet_veche_primitives::{MajorityGrade, PolicySphere};
use sp_runtime::Perbill;

#[test]
fn residents_rate_and_the_period_shows_approval_and_majority_grades_as_it_goes() {
	build_and_execute(|| {
		seat(MAYOR, MAYOR_ACCOUNT, 1, 1_000);
		let poll = open(MAYOR, MAYOR_ACCOUNT);
		// Spheres in declaration order: budget, utilities, transport.
		rate_in_one_block(&[
			rating(1, poll, true, &[6, 5, 0], 1),
			rating(2, poll, true, &[4], 1),
			rating(3, poll, false, &[2, 0, 1], 1),
		]);
		let view = Ratings::period(MAYOR_ACCOUNT, MAYOR, 0).unwrap();
		assert!(!view.closed);
		assert_eq!((view.raters, view.approvals, view.disapprovals, view.roll_size), (3, 2, 1, 6));
		assert_eq!(view.approval, Perbill::from_rational(2u32, 3));
		assert_eq!(view.turnout, Perbill::from_percent(50));
		let spheres: Vec<_> = view.spheres.iter().map(|s| s.sphere).collect();
		assert_eq!(
			spheres,
			vec![PolicySphere::Budget, PolicySphere::Utilities, PolicySphere::Transport]
		);
		// Budget: 2, 4, 6 — the majority grade is 4, one above and one below.
		assert_eq!(view.spheres[0].histogram, [0, 1, 0, 1, 0, 1]);
		assert_eq!(view.spheres[0].majority, Some(MajorityGrade { grade: 4, above: 1, below: 1 }));
		assert_eq!(view.spheres[1].majority.map(|m| m.grade), Some(5));
		assert_eq!(view.spheres[2].majority.map(|m| m.grade), Some(1));
		assert_eq!(Ratings::majority_grades(&MAYOR_ACCOUNT, MAYOR, 0).len(), 3);
	});
}

#[test]
fn a_later_rating_in_the_period_replaces_the_earlier_and_an_old_one_cannot_be_replayed() {
	build_and_execute(|| {
		seat(MAYOR, MAYOR_ACCOUNT, 1, 1_000);
		let poll = open(MAYOR, MAYOR_ACCOUNT);
		let first = rating(1, poll, true, &[6, 6, 6], 1);
		rate_in_one_block(&[first.clone()]);
		// Too soon after the first, then the same again: refused.
		let second = rating(1, poll, false, &[1], 2);
		assert_noop!(
			Ballots::cast(authorized(), second.clone()),
			BallotError::<Test>::RevoteTooSoon
		);
		run_to(5);
		assert_noop!(Ballots::cast(authorized(), first), BallotError::<Test>::SequenceNotNext);
		rate_in_one_block(&[second]);
		let view = Ratings::period(MAYOR_ACCOUNT, MAYOR, 0).unwrap();
		// One person, one rating: the second replaced the first.
		assert_eq!((view.raters, view.approvals, view.disapprovals), (1, 0, 1));
		assert_eq!(view.spheres[0].histogram, [1, 0, 0, 0, 0, 0]);
		assert_eq!(view.spheres[1].histogram, [0; 6]);
	});
}

#[test]
fn only_residents_of_the_office_s_unit_rate_and_only_until_the_period_ends() {
	build_and_execute(|| {
		seat(MAYOR, MAYOR_ACCOUNT, 1, 1_000);
		let poll = open(MAYOR, MAYOR_ACCOUNT);
		// Voter 7 lives in the other town.
		assert_noop!(
			Ballots::cast(authorized(), rating(7, poll, false, &[1, 1, 1], 1)),
			BallotError::<Test>::OutsideElectorate
		);
		// Grades beyond the scale, or for spheres the mayor does not answer for.
		assert_noop!(
			Ballots::cast(authorized(), rating(1, poll, true, &[7], 1)),
			BallotError::<Test>::GradeOutOfRange
		);
		assert_noop!(
			Ballots::cast(authorized(), rating(1, poll, true, &[1, 2, 3, 4], 1)),
			BallotError::<Test>::TooManyGrades
		);
		run_to(PERIOD);
		assert_noop!(
			Ballots::cast(authorized(), rating(1, poll, true, &[6], 1)),
			BallotError::<Test>::VotingEnded
		);
		assert_eq!(Ratings::period(MAYOR_ACCOUNT, MAYOR, 0).unwrap().raters, 0);
	});
}

#[test]
fn a_person_s_ratings_of_different_periods_and_officials_are_unlinkable() {
	build_and_execute(|| {
		seat(MAYOR, MAYOR_ACCOUNT, 1, 1_000);
		seat(COUNCIL, COUNCILLOR, 1, 1_000);
		let mayor = open(MAYOR, MAYOR_ACCOUNT);
		let council = open(COUNCIL, COUNCILLOR);
		rate_in_one_block(&[rating(1, mayor, true, &[], 1), rating(1, council, true, &[], 1)]);
		run_to(PERIOD);
		let next = open(MAYOR, MAYOR_ACCOUNT);
		rate_in_one_block(&[rating(1, next, false, &[], 1)]);
		let alias = |poll| {
			pallet_veche_ballots::Ballots::<Test>::iter_prefix(poll)
				.next()
				.map(|(a, _)| a)
				.unwrap()
		};
		let (a, b, c) = (alias(mayor), alias(council), alias(next));
		assert!(a != b && a != c && b != c, "one person's aliases differ across polls");
	});
}

#[test]
fn a_council_s_members_are_ranked_by_majority_judgment_in_a_sphere() {
	build_and_execute(|| {
		// Three councillors: 100 and 101 share the majority grade 4 in the budget; the tie-break
		// puts 101 (more grades above 4) first; 102 was not graded and comes last.
		for who in [MAYOR_ACCOUNT, GOVERNOR_ACCOUNT, COUNCILLOR] {
			seat(COUNCIL, who, 1, 1_000);
		}
		let a = open(COUNCIL, MAYOR_ACCOUNT);
		let b = open(COUNCIL, GOVERNOR_ACCOUNT);
		open(COUNCIL, COUNCILLOR);
		// Spheres of the council: all twenty; the budget is the second.
		rate_in_one_block(&[
			rating(1, a, true, &[0, 4], 1),
			rating(2, a, true, &[0, 4], 1),
			rating(3, a, false, &[0, 2], 1),
			rating(1, b, true, &[0, 4], 1),
			rating(2, b, true, &[0, 6], 1),
			rating(3, b, false, &[0, 2], 1),
		]);
		let ranking = Ratings::ranking(COUNCIL, 0, PolicySphere::Budget);
		let order: Vec<u64> = ranking.iter().map(|(who, _, _)| *who).collect();
		assert_eq!(order, vec![GOVERNOR_ACCOUNT, MAYOR_ACCOUNT, COUNCILLOR]);
		assert_eq!(ranking[0].1.map(|m| m.grade), Some(4));
		assert_eq!(ranking[1].1.map(|m| m.grade), Some(4));
		assert_eq!(ranking[2].1, None);
		assert_eq!(ranking[0].2, Perbill::from_rational(2u32, 3));
	});
}
