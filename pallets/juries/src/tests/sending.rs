//! Sending a bill to a jury, and withdrawing it.

use super::*;

#[test]
fn governance_sends_a_bill_to_a_jury_with_its_roll_and_context() {
	build_and_execute(|| {
		let jury = send(3, true);
		let info = Juries::jury(jury).unwrap();
		assert_eq!((info.act, info.version, info.unit, info.size), (BILL, 2, REGION, 3));
		assert_eq!(
			(info.credential, info.freeze, info.stage),
			(Some(LAWYERS), FREEZE, JuryStage::Enrolling)
		);
		assert_eq!(crate::JuryOfAct::<Test>::get(BILL), Some(jury));
		assert_eq!(
			events(),
			vec![Event::SentToJury {
				jury,
				act: BILL,
				version: 2,
				unit: REGION,
				size: 3,
				credential: Some(LAWYERS),
				context: info.context,
				roll: info.roll,
				freeze: FREEZE,
				acceptance: ACCEPTANCE,
				voting: VOTING,
			}]
		);
		// The pool's roll is held: personhood keeps its ring revisions.
		use pallet_veche_primitives::RollUsage;
		assert!(Juries::roll_in_use(info.roll, info.roll + 1));
		assert!(!Juries::roll_in_use(info.roll + 1, info.roll + 5));
	});
}

#[test]
fn a_bill_goes_to_one_jury_only_from_governance_within_bounds() {
	build_and_execute(|| {
		table_bill(BILL, REGION, 0);
		assert_noop!(
			Juries::send_to_jury(signed(ANYONE), BILL, 3, None, FREEZE, ACCEPTANCE, VOTING),
			BadOrigin
		);
		assert_noop!(
			Juries::send_to_jury(signed(GOVERNANCE), BILL + 1, 3, None, FREEZE, ACCEPTANCE, VOTING),
			Error::<Test>::NotABill
		);
		for size in [0, 9] {
			assert_noop!(
				Juries::send_to_jury(
					signed(GOVERNANCE),
					BILL,
					size,
					None,
					FREEZE,
					ACCEPTANCE,
					VOTING
				),
				Error::<Test>::InvalidSize
			);
		}
		for freeze in [1, 102] {
			assert_noop!(
				Juries::send_to_jury(signed(GOVERNANCE), BILL, 3, None, freeze, ACCEPTANCE, VOTING),
				Error::<Test>::InvalidFreeze
			);
		}
		for (acceptance, voting) in [(0, VOTING), (51, VOTING), (ACCEPTANCE, 0), (ACCEPTANCE, 101)]
		{
			assert_noop!(
				Juries::send_to_jury(signed(GOVERNANCE), BILL, 3, None, FREEZE, acceptance, voting),
				Error::<Test>::InvalidPeriod
			);
		}
		assert_ok!(Juries::send_to_jury(
			signed(GOVERNANCE),
			BILL,
			3,
			None,
			FREEZE,
			ACCEPTANCE,
			VOTING
		));
		assert_noop!(
			Juries::send_to_jury(signed(GOVERNANCE), BILL, 3, None, FREEZE, ACCEPTANCE, VOTING),
			Error::<Test>::AlreadyBeforeJury
		);
	});
}

#[test]
fn governance_withdraws_a_bill_and_it_may_go_to_a_new_jury() {
	build_and_execute(|| {
		let jury = send(3, false);
		enrol_all(jury, &[1, 7]);
		assert_noop!(Juries::cancel(signed(ANYONE), jury), BadOrigin);
		assert_ok!(Juries::cancel(signed(GOVERNANCE), jury));
		assert_eq!(stage(jury), JuryStage::Cancelled);
		assert_noop!(Juries::cancel(signed(GOVERNANCE), jury), Error::<Test>::JuryOver);
		assert_noop!(Juries::cancel(signed(GOVERNANCE), jury + 1), Error::<Test>::JuryNotFound);
		// Its pool is closed, and the bill is free again.
		assert_noop!(
			Juries::enrol(authorized(), jury, enrol_ring(2, jury), enrol_proof(2, jury), None),
			Error::<Test>::PoolFrozen
		);
		let second = send(3, false);
		assert_eq!(second, jury + 1);
		// The ended jury's pool is cleared after the retention period, in chunks.
		assert_noop!(Juries::clear(signed(ANYONE), jury, 10), Error::<Test>::RetentionNotOver);
		assert_noop!(Juries::clear(signed(ANYONE), second, 10), Error::<Test>::RetentionNotOver);
		run_to(1 + RETENTION);
		assert_noop!(Juries::clear(signed(ANYONE), jury, 0), Error::<Test>::ZeroLimit);
		assert_ok!(Juries::clear(signed(ANYONE), jury, 3));
		assert_eq!(events().last(), Some(&Event::Cleared { jury, removed: 3, complete: false }));
		assert_ok!(Juries::clear(signed(ANYONE), jury, 3));
		assert_eq!(events().last(), Some(&Event::Cleared { jury, removed: 1, complete: true }));
		assert!(Enrolled::<Test>::iter_prefix(jury).next().is_none());
		assert_eq!(Juries::jury(jury).unwrap().volunteers, 2);
	});
}

fn enrol_ring(i: u8, jury: JuryId) -> RingRef {
	match enrolment(i, jury) {
		crate::Call::enrol { ring, .. } => ring,
		_ => unreachable!(),
	}
}

fn enrol_proof(i: u8, jury: JuryId) -> Proof {
	match enrolment(i, jury) {
		crate::Call::enrol { proof, .. } => proof,
		_ => unreachable!(),
	}
}
