use super::*;
use crate::{IdeaStage, Ideas, TopIdeas};

const PARKS: PolicySphere = PolicySphere::Environment;

#[test]
fn residents_post_and_grade_ideas_and_the_best_rise() {
	build_and_execute(|| {
		let p: Vec<ProfileId> = (1..=4).map(open).collect();
		let a = post_idea(1, p[0], TOWN, PARKS);
		let b = post_idea(2, p[1], TOWN, PARKS);
		assert_eq!(Consultations::top_ideas(TOWN, PARKS), vec![(a, 3000), (b, 3000)]);
		submit(rate_call(3, p[2], b, 5));
		submit(rate_call(4, p[3], b, 4));
		submit(rate_call(3, p[2], a, 2));
		assert_eq!(Consultations::top_ideas(TOWN, PARKS)[0].0, b);
		// A new grade replaces the old one.
		submit(rate_call(3, p[2], b, 1));
		let idea = Ideas::<Test>::get(b).unwrap();
		assert_eq!((idea.ratings, idea.total), (2, 5));
		assert_eq!(
			events().last(),
			Some(&Event::IdeaRated { idea: b, profile: p[2], grade: 1, ratings: 2, total: 5 })
		);
		assert_eq!(pool_check(&rate_call(3, p[2], b, 0)), refused(Error::<Test>::BadGrade));
		assert_eq!(pool_check(&rate_call(3, p[2], b, 6)), refused(Error::<Test>::BadGrade));
		assert_eq!(pool_check(&rate_call(3, p[2], 9, 3)), refused(Error::<Test>::IdeaNotFound));
	});
}

#[test]
fn only_residents_active_in_the_ideas_period_grade_it() {
	build_and_execute(|| {
		let p1 = open(1);
		let stranger = open(7);
		let idea = post_idea(1, p1, TOWN, PARKS);
		assert_eq!(
			pool_check(&rate_call(7, stranger, idea, 5)),
			refused(Error::<Test>::NotEligible)
		);
		assert_eq!(
			pool_check(&post_idea_call(7, stranger, TOWN, PARKS)),
			refused(Error::<Test>::NotEligible)
		);
		System::set_block_number(period_start(2));
		let late = open(2);
		assert_eq!(pool_check(&rate_call(2, late, idea, 5)), refused(Error::<Test>::NotEligible));
	});
}

#[test]
fn boards_keep_the_best_ideas_only() {
	build_and_execute(|| {
		let p: Vec<ProfileId> = (1..=3).map(open).collect();
		let ideas: Vec<IdeaId> = (0..4).map(|_| post_idea(1, p[0], TOWN, PARKS)).collect();
		// MaxTopIdeas is 3: the fourth of equal score stays off.
		assert_eq!(
			Consultations::top_ideas(TOWN, PARKS)
				.iter()
				.map(|(i, _)| *i)
				.collect::<Vec<_>>(),
			ideas[..3].to_vec()
		);
		submit(rate_call(2, p[1], ideas[3], 5));
		assert_eq!(Consultations::top_ideas(TOWN, PARKS)[0].0, ideas[3]);
		assert_eq!(TopIdeas::<Test>::get(TOWN, PARKS as u8).unwrap().len(), 3);
	});
}

#[test]
fn moderators_turn_ideas_into_consultations_or_bills() {
	build_and_execute(|| {
		let p1 = open(1);
		let idea = post_idea(1, p1, TOWN, PARKS);
		let other = post_idea(1, p1, TOWN, PARKS);
		assert_noop!(
			Consultations::consult_on_idea(signed(200 + OTHER_TOWN as u64), idea, 2, 20),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Consultations::consult_on_idea(signed(GOVERNANCE), idea, 1, 20),
			Error::<Test>::BadOptionCount
		);
		assert_ok!(Consultations::consult_on_idea(signed(200 + TOWN as u64), idea, 2, 20));
		let id = crate::NextConsultationId::<Test>::get() - 1;
		assert_eq!(Ideas::<Test>::get(idea).unwrap().stage, IdeaStage::Consulted(id));
		let c = crate::Consultations::<Test>::get(id).unwrap();
		assert_eq!((c.proposer, c.idea, c.kind), (p1, Some(idea), ConsultationKind::Plan));
		assert!(matches!(c.stage, Stage::Open { .. }));
		assert_eq!(Consultations::top_ideas(TOWN, PARKS), vec![(other, 3000)]);
		assert_noop!(
			Consultations::consult_on_idea(signed(GOVERNANCE), idea, 2, 20),
			Error::<Test>::IdeaClosed
		);
		assert_eq!(pool_check(&rate_call(1, p1, idea, 5)), refused(Error::<Test>::IdeaClosed));
		// A bill of another unit is not this idea's.
		table_bill(5, OTHER_TOWN);
		table_bill(6, TOWN);
		assert_noop!(
			Consultations::bill_from_idea(signed(GOVERNANCE), other, 5),
			Error::<Test>::NotABill
		);
		assert_noop!(
			Consultations::bill_from_idea(signed(GOVERNANCE), other, 8),
			Error::<Test>::NotABill
		);
		assert_ok!(Consultations::bill_from_idea(signed(GOVERNANCE), other, 6));
		assert_eq!(events().last(), Some(&Event::IdeaTabled { idea: other, act: 6 }));
		assert!(Consultations::top_ideas(TOWN, PARKS).is_empty());
		assert_noop!(
			Consultations::bill_from_idea(signed(GOVERNANCE), other, 6),
			Error::<Test>::IdeaClosed
		);
	});
}
