use super::*;
use crate::{Clubs, Status};

const ROADS: PolicySphere = PolicySphere::Governance;
const PARKS: PolicySphere = PolicySphere::Environment;

#[test]
fn a_profile_that_answers_most_consultations_becomes_responsible() {
	build_and_execute(|| {
		let p1 = open(1);
		assert_eq!(Consultations::status(p1).status, Status::Registered);
		let ids: Vec<ConsultationId> =
			(0..4).map(|_| consultation(1, p1, REGION, ROADS, 20)).collect();
		// Half is not more than half.
		answer(1, p1, ids[0], 0);
		answer(1, p1, ids[1], 0);
		let r = Consultations::status(p1);
		assert_eq!((r.figures.consultations, r.figures.answered), (4, 2));
		assert_eq!(r.status, Status::Registered);
		answer(1, p1, ids[2], 1);
		assert_eq!(Consultations::status(p1).status, Status::Responsible);
		// A profile of another town is not counted against these.
		let p7 = open(7);
		assert_eq!(Consultations::status(p7).figures.consultations, 4);
		let p10 = open(10);
		assert_eq!(Consultations::status(p10).figures.consultations, 0);
		assert_eq!(Consultations::status(p10).status, Status::Registered);
	});
}

#[test]
fn a_local_expert_answers_without_changing_and_proposes_every_month() {
	build_and_execute(|| {
		let p1 = open(1);
		let ids: Vec<ConsultationId> =
			(0..4).map(|_| consultation(1, p1, TOWN, ROADS, 20)).collect();
		for id in &ids {
			answer(1, p1, *id, 0);
		}
		// Four of four answered, a proposal this month: a local expert.
		assert_eq!(Consultations::status(p1).status, Status::LocalExpert);
		assert_eq!(Consultations::sphere_status(p1, ROADS).status, Status::LocalExpert);
		assert_eq!(Consultations::sphere_status(p1, PARKS).status, Status::Registered);
		// A changed answer counts against it: 3 settled of 4 is not more than 75 %.
		answer(1, p1, ids[0], 1);
		let r = Consultations::status(p1);
		assert_eq!((r.figures.answered, r.figures.settled), (4, 3));
		assert_eq!(r.status, Status::Responsible);
		// Next month: renewed, no proposal yet — not monthly any more.
		System::set_block_number(period_start(2));
		renew(1, p1);
		let more: Vec<ConsultationId> = (0..8)
			.map(|_| {
				let id = consultation_by_governance(p1, TOWN, ROADS);
				answer(1, p1, id, 0);
				id
			})
			.collect();
		let r = Consultations::status(p1);
		assert_eq!((r.figures.months, r.figures.months_proposing), (2, 1));
		assert_eq!(r.status, Status::Responsible);
		post_idea(1, p1, TOWN, PARKS);
		// 11 settled of 12, a proposal or idea each month.
		assert_eq!(Consultations::status(p1).status, Status::LocalExpert);
		assert_eq!(more.len(), 8);
	});
}

/// A consultation of `unit` admitted by governance (not counted as `profile`'s proposal: it is
/// the profile's proposal only through `propose`).
fn consultation_by_governance(
	profile: ProfileId,
	unit: JurisdictionId,
	sphere: PolicySphere,
) -> ConsultationId {
	let id = crate::NextConsultationId::<Test>::get();
	crate::Pallet::<Test>::create_consultation_for_tests(profile, unit, sphere);
	assert_ok!(Consultations::admit(signed(GOVERNANCE), id, 20));
	id
}

#[test]
fn an_opinion_leader_mostly_agrees_with_the_final_majority() {
	build_and_execute(|| {
		let (p1, p2) = (open(1), open(2));
		let ids: Vec<ConsultationId> =
			(0..3).map(|_| consultation(1, p1, TOWN, ROADS, 20)).collect();
		for id in &ids {
			answer(1, p1, *id, 2);
			answer(2, p2, *id, 2);
		}
		assert_eq!(Consultations::status(p1).status, Status::LocalExpert);
		for id in &ids {
			count(*id, &[0, 0, 2]);
		}
		submit(claim_call(1, p1, ids[0], 2));
		// One of three shown: not most.
		assert_eq!(Consultations::status(p1).status, Status::LocalExpert);
		submit(claim_call(1, p1, ids[1], 2));
		let r = Consultations::status(p1);
		assert_eq!((r.figures.settled, r.figures.agreed), (3, 2));
		assert_eq!(r.status, Status::OpinionLeader);
		// Person 2 never proposed: responsible only, however much it agrees.
		submit(claim_call(2, p2, ids[0], 2));
		submit(claim_call(2, p2, ids[1], 2));
		assert_eq!(Consultations::status(p2).status, Status::Responsible);
	});
}

#[test]
fn experts_join_their_spheres_club_and_leave_it_when_the_status_lapses() {
	build_and_execute(|| {
		let (p1, p2) = (open(1), open(2));
		let id = consultation(1, p1, TOWN, ROADS, 20);
		answer(1, p1, id, 0);
		let join = |i: u8, p: ProfileId, sphere: PolicySphere| {
			let auth = auth(i, p, tags::JOIN_CLUB, &sphere.encode());
			crate::Call::<Test>::join_club { auth, sphere }
		};
		assert_eq!(pool_check(&join(2, p2, ROADS)), refused(Error::<Test>::NotAnExpert));
		assert_eq!(pool_check(&join(1, p1, PARKS)), refused(Error::<Test>::NotAnExpert));
		submit(join(1, p1, ROADS));
		assert!(Clubs::<Test>::contains_key(ROADS as u8, p1));
		assert_eq!(pool_check(&join(1, p1, ROADS)), refused(Error::<Test>::AlreadyInClub));
		assert_noop!(Consultations::expel(signed(ANYONE), ROADS, p1), Error::<Test>::StillAnExpert);
		assert_noop!(Consultations::expel(signed(ANYONE), ROADS, p2), Error::<Test>::NotInClub);
		// Next period, not renewed: the status is gone, anyone removes the member.
		System::set_block_number(period_start(2));
		assert_ok!(Consultations::expel(signed(ANYONE), ROADS, p1));
		assert_eq!(
			events().last(),
			Some(&Event::ClubLeft { sphere: ROADS, profile: p1, expelled: true })
		);
	});
}

#[test]
fn the_window_forgets_old_periods() {
	build_and_execute(|| {
		let p1 = open(1);
		let id = consultation(1, p1, TOWN, ROADS, 20);
		answer(1, p1, id, 0);
		assert_eq!(Consultations::status(p1).figures.months, 1);
		// StatusWindow is 3: in period 4 the window is periods 2–4.
		System::set_block_number(period_start(4));
		renew(1, p1);
		let r = Consultations::status(p1);
		assert_eq!((r.from, r.until, r.figures.months, r.figures.consultations), (2, 4, 1, 0));
		assert_eq!(r.status, Status::Registered);
	});
}
