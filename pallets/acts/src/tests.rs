//! The registry's tests: tabling, adoption and numbering, amendments and the act in force at a
//! block, repeal, keys and ML-DSA-65 signatures, and every refusal.

use crate::{
	mldsa, mock::*, year_of, ActId, ActKind, ActNumber, ActState, ActStatus, DeadlineKind,
	DeadlineState, Error, Event, KeyId, Keys, NextAct, Payouts, Year,
};
use frame_support::BoundedVec;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

const CONTENT: [u8; 32] = [0xC0; 32];
const AMENDED: [u8; 32] = [0xA1; 32];

fn gov() -> RuntimeOrigin {
	RuntimeOrigin::signed(GOVERNANCE)
}

/// Tables a bill of the parliament by the speaker; returns its id.
fn bill() -> ActId {
	let act = NextAct::<Test>::get();
	assert_ok!(Acts::table(
		RuntimeOrigin::signed(SPEAKER),
		PARLIAMENT,
		ActKind::Bill,
		text("On public consultations"),
		CONTENT,
		text("ipfs://bafy-consultations"),
	));
	act
}

/// Tables a decree of the mayor: issued at once.
fn decree() -> ActId {
	let act = NextAct::<Test>::get();
	assert_ok!(Acts::table(
		RuntimeOrigin::signed(MAYOR),
		MAYORALTY,
		ActKind::Decree,
		text("On street lighting"),
		CONTENT,
		text("https://town.example/decrees/1"),
	));
	act
}

mod calendar {
	use super::*;

	#[test]
	fn the_year_of_an_instant_is_its_utc_calendar_year() {
		assert_eq!(year_of(0), 1970);
		assert_eq!(year_of(DEC_2026), 2026);
		assert_eq!(year_of(JAN_2027 - 1), 2026);
		assert_eq!(year_of(JAN_2027), 2027);
		assert_eq!(year_of(951_782_400_000), 2000); // 2000-02-29, a leap day of a century
		assert_eq!(year_of(u64::MAX), Year::MAX);
	}

	/// Against a count of days year by year (leap years by the Gregorian rule), at each year's
	/// first and last millisecond from 1970 to 2500.
	#[test]
	fn the_year_agrees_with_counting_days() {
		let leap =
			|y: u64| (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
		let mut start = 0u64;
		for y in 1970..2500u64 {
			let days = if leap(y) { 366 } else { 365 };
			let end = start + days * 86_400_000;
			assert_eq!(u64::from(year_of(start)), y);
			assert_eq!(u64::from(year_of(end - 1)), y);
			start = end;
		}
	}
}

mod tabling {
	use super::*;

	#[test]
	fn a_member_tables_a_bill_that_waits_for_adoption() {
		build_and_execute(|| {
			let act = bill();
			let stored = Acts::act(act).unwrap();
			assert_eq!(stored.kind, ActKind::Bill);
			assert_eq!(stored.unit, COUNTRY);
			assert_eq!(stored.status, ActStatus::Bill);
			assert_eq!(stored.number, None);
			assert_eq!(stored.tabled_by, Some(SPEAKER));
			assert_eq!(Acts::state(act, 1), Some(ActState::Bill));
			assert_eq!(Acts::in_force(act, 100), None);
			assert_eq!(
				events(),
				vec![Event::ActTabled {
					act,
					kind: ActKind::Bill,
					unit: COUNTRY,
					office: PARLIAMENT,
					title: text("On public consultations"),
					by: Some(SPEAKER),
					content: CONTENT,
					locator: text("ipfs://bafy-consultations"),
				}]
			);
		});
	}

	#[test]
	fn only_serving_officials_and_governance_table_acts() {
		build_and_execute(|| {
			let table = |who: u64, office, kind| {
				Acts::table(RuntimeOrigin::signed(who), office, kind, text("t"), CONTENT, text("l"))
			};
			assert_noop!(table(ANYONE, PARLIAMENT, ActKind::Bill), Error::<Test>::NotServing);
			assert_noop!(table(MAYOR, PARLIAMENT, ActKind::Bill), Error::<Test>::NotServing);
			assert_noop!(table(SPEAKER, MAYORALTY, ActKind::Decree), Error::<Test>::NotServing);
			assert_noop!(
				Acts::table(
					RuntimeOrigin::none(),
					PARLIAMENT,
					ActKind::Bill,
					text("t"),
					CONTENT,
					text("l")
				),
				BadOrigin
			);
			// A law without a bill is governance's alone.
			assert_noop!(table(SPEAKER, PARLIAMENT, ActKind::Law), Error::<Test>::NotAuthorized);
			assert_noop!(
				Acts::table(gov(), 7, ActKind::Law, text("t"), CONTENT, text("l")),
				Error::<Test>::OfficeNotFound
			);
			assert_ok!(Acts::table(
				gov(),
				PARLIAMENT,
				ActKind::Law,
				text("Constitution"),
				CONTENT,
				text("l")
			));
			// An official whose term is over tables nothing.
			run_to(1_000);
			assert_noop!(table(SPEAKER, PARLIAMENT, ActKind::Bill), Error::<Test>::NotServing);
		});
	}

	#[test]
	fn an_issued_act_is_adopted_and_numbered_at_once_and_in_force_once_signed() {
		build_and_execute(|| {
			let act = decree();
			let stored = Acts::act(act).unwrap();
			assert_eq!(stored.status, ActStatus::Adopted { at: 1 });
			assert_eq!(stored.number, Some(ActNumber { year: 2026, seq: 1 }));
			assert_eq!(Acts::by_number(TOWN, 2026, 1), Some(act));
			// Adopted, but not signed yet: nothing applies.
			assert_eq!(Acts::state(act, 1), Some(ActState::Adopted));
			let pq = Pq::new(1);
			let key = register(MAYOR, MAYORALTY, &pq);
			run_to(3);
			assert_ok!(Acts::sign(
				RuntimeOrigin::signed(ANYONE),
				act,
				0,
				key,
				pq.sign_version(act, 0)
			));
			assert_eq!(Acts::version(act, 0).unwrap().signed, Some(3));
			assert_eq!(Acts::state(act, 3), Some(ActState::InForce));
			assert_eq!(Acts::state(act, 2), Some(ActState::Adopted));
			assert_eq!(Acts::in_force(act, 3).map(|(v, _)| v), Some(0));
		});
	}
}

mod adoption {
	use super::*;

	#[test]
	fn numbers_run_per_jurisdiction_and_year() {
		build_and_execute(|| {
			let (a, b) = (bill(), bill());
			let town = decree();
			assert_ok!(Acts::adopt(gov(), b, 0, None));
			assert_ok!(Acts::adopt(gov(), a, 0, None));
			assert_eq!(Acts::act(b).unwrap().number, Some(ActNumber { year: 2026, seq: 1 }));
			assert_eq!(Acts::act(a).unwrap().number, Some(ActNumber { year: 2026, seq: 2 }));
			assert_eq!(Acts::act(town).unwrap().number, Some(ActNumber { year: 2026, seq: 1 }));
			set_time(JAN_2027);
			let c = bill();
			assert_ok!(Acts::adopt(gov(), c, 0, None));
			assert_eq!(Acts::act(c).unwrap().number, Some(ActNumber { year: 2027, seq: 1 }));
			assert_eq!(Acts::by_number(COUNTRY, 2026, 2), Some(a));
			assert_eq!(Acts::by_number(COUNTRY, 2027, 1), Some(c));
			assert_eq!(Acts::by_number(COUNTRY, 2027, 2), None);
		});
	}

	#[test]
	fn an_adopted_bill_is_a_law() {
		build_and_execute(|| {
			let act = bill();
			assert_ok!(Acts::adopt(gov(), act, 0, Some(5)));
			let stored = Acts::act(act).unwrap();
			assert_eq!(stored.kind, ActKind::Law);
			assert_eq!(stored.status, ActStatus::Adopted { at: 1 });
			assert_eq!(Acts::version(act, 0).unwrap().adopted, Some((1, 5)));
			assert_eq!(
				events().last(),
				Some(&Event::VersionAdopted {
					act,
					version: 0,
					effective: 5,
					kind: ActKind::Law,
					number: ActNumber { year: 2026, seq: 1 },
					complete: false,
				})
			);
		});
	}

	#[test]
	fn a_jury_decides_only_the_bills_sent_to_it() {
		build_and_execute(|| {
			let (sent, other) = (bill(), bill());
			send_to_jury(sent);
			assert_noop!(Acts::adopt(RuntimeOrigin::signed(JURY), other, 0, None), BadOrigin);
			assert_noop!(Acts::reject(RuntimeOrigin::signed(JURY), other), BadOrigin);
			assert_noop!(Acts::adopt(RuntimeOrigin::signed(SPEAKER), sent, 0, None), BadOrigin);
			assert_ok!(Acts::adopt(RuntimeOrigin::signed(JURY), sent, 0, None));
			assert_eq!(Acts::act(sent).unwrap().kind, ActKind::Law);
		});
	}

	#[test]
	fn bad_adoptions_are_refused() {
		build_and_execute(|| {
			let act = bill();
			run_to(10);
			assert_noop!(Acts::adopt(gov(), act, 0, Some(9)), Error::<Test>::InThePast);
			assert_noop!(Acts::adopt(gov(), act, 1, None), Error::<Test>::VersionNotFound);
			assert_noop!(Acts::adopt(gov(), 42, 0, None), Error::<Test>::ActNotFound);
			assert_ok!(Acts::adopt(gov(), act, 0, None));
			assert_noop!(Acts::adopt(gov(), act, 0, None), Error::<Test>::VersionSuperseded);
		});
	}

	#[test]
	fn a_rejected_bill_takes_nothing_more() {
		build_and_execute(|| {
			let act = bill();
			assert_ok!(Acts::reject(gov(), act));
			assert_eq!(Acts::state(act, 1), Some(ActState::Rejected));
			assert_eq!(events().last(), Some(&Event::ActRejected { act }));
			assert_noop!(Acts::reject(gov(), act), Error::<Test>::NotABill);
			assert_noop!(Acts::adopt(gov(), act, 0, None), Error::<Test>::ActRejected);
			assert_noop!(
				Acts::amend(RuntimeOrigin::signed(SPEAKER), act, AMENDED, text("l")),
				Error::<Test>::ActRejected
			);
			let pq = Pq::new(1);
			let key = register(SPEAKER, PARLIAMENT, &pq);
			assert_noop!(
				Acts::sign(RuntimeOrigin::signed(SPEAKER), act, 0, key, pq.sign_version(act, 0)),
				Error::<Test>::ActRejected
			);
			// An adopted act is repealed, not rejected.
			let law = bill();
			assert_ok!(Acts::adopt(gov(), law, 0, None));
			assert_noop!(Acts::reject(gov(), law), Error::<Test>::NotABill);
		});
	}
}

mod amendments {
	use super::*;

	/// A law adopted and signed at block 1, amended by version 1 effective at block 10.
	fn amended_law() -> (ActId, KeyId, Pq) {
		let act = bill();
		let pq = Pq::new(1);
		let key = register(SPEAKER, PARLIAMENT, &pq);
		assert_ok!(Acts::adopt(gov(), act, 0, None));
		assert_ok!(Acts::sign(
			RuntimeOrigin::signed(SPEAKER),
			act,
			0,
			key,
			pq.sign_version(act, 0)
		));
		run_to(2);
		assert_ok!(Acts::amend(RuntimeOrigin::signed(MEMBER), act, AMENDED, text("ipfs://v1")));
		(act, key, pq)
	}

	#[test]
	fn the_act_in_force_at_a_block_is_its_latest_version_applying_then() {
		build_and_execute(|| {
			let (act, key, pq) = amended_law();
			let v1 = Acts::version(act, 1).unwrap();
			assert_eq!(v1.amends, Some(0));
			assert_eq!(v1.adopted, None);
			assert_eq!(
				events().last(),
				Some(&Event::VersionProposed {
					act,
					version: 1,
					amends: 0,
					content: AMENDED,
					locator: text("ipfs://v1"),
					by: Some(MEMBER),
				})
			);
			// The amendment of a law waits for adoption.
			assert_eq!(Acts::in_force(act, 50).map(|(v, _)| v), Some(0));
			assert_ok!(Acts::adopt(gov(), act, 1, Some(10)));
			assert_ok!(Acts::sign(
				RuntimeOrigin::signed(SPEAKER),
				act,
				1,
				key,
				pq.sign_version(act, 1)
			));
			assert_eq!(Acts::in_force(act, 9).map(|(v, _)| v), Some(0));
			assert_eq!(Acts::state(act, 9), Some(ActState::InForce));
			assert_eq!(Acts::in_force(act, 10).map(|(v, v1)| (v, v1.content)), Some((1, AMENDED)));
			assert_eq!(Acts::state(act, 10), Some(ActState::Amended));
			// The first version is no longer adoptable: versions are adopted in order.
			assert_noop!(Acts::adopt(gov(), act, 0, None), Error::<Test>::VersionSuperseded);
		});
	}

	#[test]
	fn an_unsigned_amendment_does_not_apply() {
		build_and_execute(|| {
			let (act, _, _) = amended_law();
			assert_ok!(Acts::adopt(gov(), act, 1, Some(3)));
			run_to(20);
			assert_eq!(Acts::in_force(act, 20).map(|(v, _)| v), Some(0));
		});
	}

	#[test]
	fn a_decree_amended_by_its_office_is_adopted_at_once() {
		build_and_execute(|| {
			let act = decree();
			run_to(4);
			assert_ok!(Acts::amend(RuntimeOrigin::signed(MAYOR), act, AMENDED, text("l")));
			assert_eq!(Acts::version(act, 1).unwrap().adopted, Some((4, 4)));
			// The number stays the act's.
			assert!(matches!(
				events().last(),
				Some(Event::VersionAdopted {
					version: 1,
					number: ActNumber { year: 2026, seq: 1 },
					..
				})
			));
		});
	}

	#[test]
	fn bad_amendments_are_refused() {
		build_and_execute(|| {
			let act = bill();
			assert_noop!(
				Acts::amend(RuntimeOrigin::signed(MAYOR), act, AMENDED, text("l")),
				Error::<Test>::NotServing
			);
			assert_noop!(Acts::amend(gov(), 9, AMENDED, text("l")), Error::<Test>::ActNotFound);
			for _ in 1..4 {
				assert_ok!(Acts::amend(gov(), act, AMENDED, text("l")));
			}
			assert_noop!(
				Acts::amend(gov(), act, AMENDED, text("l")),
				Error::<Test>::TooManyVersions
			);
		});
	}
}

mod repeal {
	use super::*;

	#[test]
	fn a_repealed_act_applies_until_its_repeal_and_takes_no_amendment() {
		build_and_execute(|| {
			let act = decree();
			let pq = Pq::new(1);
			let key = register(MAYOR, MAYORALTY, &pq);
			assert_ok!(Acts::sign(
				RuntimeOrigin::signed(MAYOR),
				act,
				0,
				key,
				pq.sign_version(act, 0)
			));
			assert_ok!(Acts::repeal(gov(), act, Some(20)));
			assert_eq!(events().last(), Some(&Event::ActRepealed { act, from: 20 }));
			assert_eq!(Acts::state(act, 19), Some(ActState::InForce));
			assert_eq!(Acts::in_force(act, 19).map(|(v, _)| v), Some(0));
			assert_eq!(Acts::state(act, 20), Some(ActState::Repealed));
			assert_eq!(Acts::in_force(act, 20), None);
			assert_noop!(
				Acts::amend(RuntimeOrigin::signed(MAYOR), act, AMENDED, text("l")),
				Error::<Test>::ActRepealed
			);
			assert_noop!(Acts::repeal(gov(), act, None), Error::<Test>::ActRepealed);
			assert_noop!(
				Acts::sign(RuntimeOrigin::signed(MAYOR), act, 0, key, pq.sign_version(act, 0)),
				Error::<Test>::ActRepealed
			);
		});
	}

	#[test]
	fn only_governance_repeals_a_law_and_nothing_is_repealed_in_the_past() {
		build_and_execute(|| {
			let law = bill();
			assert_noop!(Acts::repeal(gov(), law, None), Error::<Test>::NotABill);
			assert_ok!(Acts::adopt(gov(), law, 0, None));
			assert_noop!(
				Acts::repeal(RuntimeOrigin::signed(SPEAKER), law, None),
				Error::<Test>::NotAuthorized
			);
			assert_noop!(
				Acts::repeal(RuntimeOrigin::signed(ANYONE), law, None),
				Error::<Test>::NotServing
			);
			run_to(5);
			assert_noop!(Acts::repeal(gov(), law, Some(4)), Error::<Test>::InThePast);
			// A decree is repealed by its office.
			let act = decree();
			assert_ok!(Acts::repeal(RuntimeOrigin::signed(MAYOR), act, None));
		});
	}
}

mod keys {
	use super::*;

	#[test]
	fn an_official_registers_a_key_by_proving_possession() {
		build_and_execute(|| {
			let pq = Pq::new(1);
			let key = register(SPEAKER, PARLIAMENT, &pq);
			let stored = Keys::<Test>::get(key).unwrap();
			assert_eq!(
				(stored.owner, stored.office, stored.public, stored.revoked),
				(SPEAKER, PARLIAMENT, pq.public, None)
			);
			assert_eq!(
				events().last(),
				Some(&Event::KeyRegistered {
					key,
					owner: SPEAKER,
					office: PARLIAMENT,
					public: pq.public
				})
			);
		});
	}

	#[test]
	fn a_key_is_registered_once_by_its_holder_for_their_office() {
		build_and_execute(|| {
			let pq = Pq::new(1);
			let reg = |who: u64, office, proof| {
				Acts::register_key(RuntimeOrigin::signed(who), office, Box::new(pq.public), proof)
			};
			// A proof made for another account, another office, or with the signing context.
			assert_noop!(
				reg(SPEAKER, PARLIAMENT, pq.proof(MEMBER, PARLIAMENT)),
				Error::<Test>::BadProofOfPossession
			);
			assert_noop!(
				reg(SPEAKER, PARLIAMENT, pq.proof(SPEAKER, MAYORALTY)),
				Error::<Test>::BadProofOfPossession
			);
			let wrong_context =
				pq.sign(&Acts::key_message(&SPEAKER, PARLIAMENT), mldsa::ACT_CONTEXT);
			assert_noop!(
				reg(SPEAKER, PARLIAMENT, wrong_context),
				Error::<Test>::BadProofOfPossession
			);
			// Someone else's key, with a proof of their own key: does not verify.
			let other = Pq::new(2);
			assert_noop!(
				reg(SPEAKER, PARLIAMENT, other.proof(SPEAKER, PARLIAMENT)),
				Error::<Test>::BadProofOfPossession
			);
			assert_noop!(
				reg(ANYONE, PARLIAMENT, pq.proof(ANYONE, PARLIAMENT)),
				Error::<Test>::NotServing
			);
			assert_noop!(reg(SPEAKER, 7, pq.proof(SPEAKER, 7)), Error::<Test>::OfficeNotFound);
			assert_ok!(reg(SPEAKER, PARLIAMENT, pq.proof(SPEAKER, PARLIAMENT)));
			// Once registered, nobody registers it again: not its holder, not another official
			// who copied it (with a proof they cannot make anyway).
			assert_noop!(
				reg(SPEAKER, PARLIAMENT, pq.proof(SPEAKER, PARLIAMENT)),
				Error::<Test>::KeyAlreadyRegistered
			);
			assert_noop!(
				reg(MEMBER, PARLIAMENT, pq.proof(MEMBER, PARLIAMENT)),
				Error::<Test>::KeyAlreadyRegistered
			);
			register(SPEAKER, PARLIAMENT, &Pq::new(3));
			let fourth = Pq::new(4);
			assert_noop!(
				Acts::register_key(
					RuntimeOrigin::signed(SPEAKER),
					PARLIAMENT,
					Box::new(fourth.public),
					fourth.proof(SPEAKER, PARLIAMENT)
				),
				Error::<Test>::TooManyKeys
			);
		});
	}

	#[test]
	fn a_key_is_revoked_by_its_holder_or_governance() {
		build_and_execute(|| {
			let (a, b) = (Pq::new(1), Pq::new(2));
			let (ka, kb) = (register(SPEAKER, PARLIAMENT, &a), register(MEMBER, PARLIAMENT, &b));
			assert_noop!(
				Acts::revoke_key(RuntimeOrigin::signed(MEMBER), ka),
				Error::<Test>::NotKeyOwner
			);
			assert_noop!(
				Acts::revoke_key(RuntimeOrigin::signed(MEMBER), 9),
				Error::<Test>::KeyNotFound
			);
			assert_ok!(Acts::revoke_key(RuntimeOrigin::signed(SPEAKER), ka));
			assert_ok!(Acts::revoke_key(gov(), kb));
			assert_noop!(
				Acts::revoke_key(RuntimeOrigin::signed(SPEAKER), ka),
				Error::<Test>::KeyRevoked
			);
			assert_eq!(events().last(), Some(&Event::KeyRevoked { key: kb }));
			let act = bill();
			assert_noop!(
				Acts::sign(RuntimeOrigin::signed(SPEAKER), act, 0, ka, a.sign_version(act, 0)),
				Error::<Test>::KeyRevoked
			);
		});
	}
}

mod signatures {
	use super::*;

	#[test]
	fn a_signature_is_verified_kept_and_verifiable_by_anyone() {
		build_and_execute(|| {
			let act = bill();
			let pq = Pq::new(1);
			let key = register(SPEAKER, PARLIAMENT, &pq);
			let signature = pq.sign_version(act, 0);
			assert_ok!(Acts::sign(RuntimeOrigin::signed(ANYONE), act, 0, key, signature.clone()));
			let bytes = signature.clone();
			assert_eq!(
				events().last(),
				Some(&Event::VersionSigned {
					act,
					version: 0,
					key,
					signer: SPEAKER,
					signature: bytes,
					complete: true
				})
			);
			let kept = Acts::signatures(act, 0);
			assert_eq!(kept.len(), 1);
			let (k, holder, sig) = &kept[0];
			assert_eq!((*k, holder.owner), (key, SPEAKER));
			// Anyone re-verifies it from what the chain keeps.
			let message = Acts::version_message_of(act, 0).unwrap();
			assert!(mldsa::verify(&holder.public, &message, &sig.bytes, mldsa::ACT_CONTEXT));
		});
	}

	#[test]
	fn forged_and_misdirected_signatures_are_refused() {
		build_and_execute(|| {
			let act = bill();
			assert_ok!(Acts::amend(gov(), act, AMENDED, text("l")));
			let (speaker, mayor, stranger) = (Pq::new(1), Pq::new(2), Pq::new(3));
			let key = register(SPEAKER, PARLIAMENT, &speaker);
			let mayor_key = register(MAYOR, MAYORALTY, &mayor);
			let sign = |key, version, signature| {
				Acts::sign(RuntimeOrigin::signed(ANYONE), act, version, key, signature)
			};
			// Another key's signature, presented as the speaker's.
			assert_noop!(sign(key, 0, stranger.sign_version(act, 0)), Error::<Test>::BadSignature);
			// The speaker's signature of version 1, presented for version 0.
			assert_noop!(sign(key, 0, speaker.sign_version(act, 1)), Error::<Test>::BadSignature);
			// The right message with the key-registration context.
			let message = Acts::version_message_of(act, 0).unwrap();
			assert_noop!(
				sign(key, 0, speaker.sign(&message, mldsa::KEY_CONTEXT)),
				Error::<Test>::BadSignature
			);
			// The message of another chain (another genesis hash).
			let mut foreign = message.clone();
			foreign[0] ^= 0xFF;
			assert_noop!(
				sign(key, 0, speaker.sign(&foreign, mldsa::ACT_CONTEXT)),
				Error::<Test>::BadSignature
			);
			// Truncated, or with a bit flipped.
			let good = speaker.sign_version(act, 0);
			assert_noop!(
				sign(key, 0, BoundedVec::truncate_from(good[..100].to_vec())),
				Error::<Test>::BadSignature
			);
			let mut flipped = good.clone();
			flipped[7] ^= 1;
			assert_noop!(sign(key, 0, flipped), Error::<Test>::BadSignature);
			// A key of another office, with a signature that verifies.
			assert_noop!(
				sign(mayor_key, 0, mayor.sign_version(act, 0)),
				Error::<Test>::KeyOfAnotherOffice
			);
			assert_noop!(sign(9, 0, good.clone()), Error::<Test>::KeyNotFound);
			assert_noop!(sign(key, 5, good.clone()), Error::<Test>::VersionNotFound);
			assert_noop!(
				Acts::sign(RuntimeOrigin::signed(ANYONE), 9, 0, key, good.clone()),
				Error::<Test>::ActNotFound
			);
			assert_noop!(Acts::sign(RuntimeOrigin::none(), act, 0, key, good.clone()), BadOrigin);
			assert_ok!(sign(key, 0, good.clone()));
			// Once per official, even with a second key.
			assert_noop!(sign(key, 0, good), Error::<Test>::AlreadySigned);
			let second = Pq::new(4);
			let key2 = register(SPEAKER, PARLIAMENT, &second);
			assert_noop!(sign(key2, 0, second.sign_version(act, 0)), Error::<Test>::AlreadySigned);
		});
	}

	#[test]
	fn an_official_out_of_office_signs_nothing() {
		build_and_execute(|| {
			let act = bill();
			let pq = Pq::new(1);
			let key = register(SPEAKER, PARLIAMENT, &pq);
			seat(PARLIAMENT, SPEAKER, 5);
			run_to(5);
			assert_noop!(
				Acts::sign(RuntimeOrigin::signed(SPEAKER), act, 0, key, pq.sign_version(act, 0)),
				Error::<Test>::SignerNotServing
			);
		});
	}

	#[test]
	fn a_kind_needing_co_signatures_is_complete_with_distinct_officials() {
		build_and_execute(|| {
			assert_noop!(Acts::set_threshold(gov(), ActKind::Law, 0), Error::<Test>::BadThreshold);
			assert_noop!(Acts::set_threshold(gov(), ActKind::Law, 4), Error::<Test>::BadThreshold);
			assert_noop!(
				Acts::set_threshold(RuntimeOrigin::signed(SPEAKER), ActKind::Law, 2),
				BadOrigin
			);
			assert_ok!(Acts::set_threshold(gov(), ActKind::Law, 2));
			assert_eq!(
				events().last(),
				Some(&Event::ThresholdSet { kind: ActKind::Law, threshold: 2 })
			);
			let act = bill();
			assert_ok!(Acts::adopt(gov(), act, 0, None));
			let officials = [(SPEAKER, Pq::new(1)), (MEMBER, Pq::new(2)), (MEMBER_2, Pq::new(3))];
			let keys: Vec<KeyId> =
				officials.iter().map(|(who, pq)| register(*who, PARLIAMENT, pq)).collect();
			let sign = |i: usize| {
				Acts::sign(
					RuntimeOrigin::signed(ANYONE),
					act,
					0,
					keys[i],
					officials[i].1.sign_version(act, 0),
				)
			};
			assert_ok!(sign(0));
			assert_eq!(Acts::version(act, 0).unwrap().signed, None);
			assert_eq!(Acts::state(act, 1), Some(ActState::Adopted));
			run_to(2);
			assert_ok!(sign(1));
			assert_eq!(Acts::version(act, 0).unwrap().signed, Some(2));
			assert!(matches!(events().last(), Some(Event::VersionSigned { complete: true, .. })));
			assert_eq!(Acts::state(act, 2), Some(ActState::InForce));
			assert_ok!(sign(2));
			assert!(matches!(events().last(), Some(Event::VersionSigned { complete: false, .. })));
			// A fourth official finds the version full.
			seat(PARLIAMENT, 103, 1_000);
			let fourth = Pq::new(5);
			let k4 = register(103, PARLIAMENT, &fourth);
			assert_noop!(
				Acts::sign(RuntimeOrigin::signed(ANYONE), act, 0, k4, fourth.sign_version(act, 0)),
				Error::<Test>::TooManySigners
			);
		});
	}

	#[test]
	fn a_draft_signed_before_adoption_applies_from_its_adoption() {
		build_and_execute(|| {
			let act = bill();
			let pq = Pq::new(1);
			let key = register(SPEAKER, PARLIAMENT, &pq);
			assert_ok!(Acts::sign(
				RuntimeOrigin::signed(SPEAKER),
				act,
				0,
				key,
				pq.sign_version(act, 0)
			));
			assert_eq!(Acts::in_force(act, 100), None);
			run_to(7);
			assert_ok!(Acts::adopt(gov(), act, 0, Some(8)));
			// Complete since its signature at block 1, not by adoption.
			assert!(matches!(events().last(), Some(Event::VersionAdopted { complete: false, .. })));
			assert_eq!(Acts::version(act, 0).unwrap().signed, Some(1));
			assert_eq!(Acts::state(act, 7), Some(ActState::Adopted));
			assert_eq!(Acts::state(act, 8), Some(ActState::InForce));
		});
	}
}

mod co_signing {
	use super::*;

	#[test]
	fn a_lowered_threshold_completes_a_draft_at_its_adoption() {
		build_and_execute(|| {
			assert_ok!(Acts::set_threshold(gov(), ActKind::Bill, 2));
			let act = bill();
			let pq = Pq::new(1);
			let key = register(SPEAKER, PARLIAMENT, &pq);
			assert_ok!(Acts::sign(
				RuntimeOrigin::signed(SPEAKER),
				act,
				0,
				key,
				pq.sign_version(act, 0)
			));
			assert_eq!(Acts::version(act, 0).unwrap().signed, None);
			assert_ok!(Acts::set_threshold(gov(), ActKind::Law, 1));
			run_to(4);
			assert_ok!(Acts::adopt(gov(), act, 0, None));
			// Adopted as a law, whose threshold one signature meets.
			assert!(matches!(events().last(), Some(Event::VersionAdopted { complete: true, .. })));
			assert_eq!(Acts::version(act, 0).unwrap().signed, Some(4));
			assert_eq!(Acts::state(act, 4), Some(ActState::InForce));
		});
	}
}

mod views {
	use super::*;

	#[test]
	fn acts_are_listed_newest_first_with_their_state() {
		build_and_execute(|| {
			let (a, b, c) = (bill(), decree(), bill());
			assert_ok!(Acts::reject(gov(), c));
			let listed: Vec<(ActId, ActState)> =
				Acts::acts(u32::MAX, 10).into_iter().map(|(id, _, s)| (id, s)).collect();
			assert_eq!(
				listed,
				vec![(c, ActState::Rejected), (b, ActState::Adopted), (a, ActState::Bill)]
			);
			assert_eq!(Acts::acts(b, 1).len(), 1);
			assert_eq!(Acts::acts(b, 1)[0].0, b);
			assert_eq!(Acts::act(99), None);
			assert_eq!(Acts::state(99, 1), None);
		});
	}

	#[test]
	fn an_act_is_shown_as_it_stood_at_any_block() {
		build_and_execute(|| {
			run_to(2);
			let (law, dropped) = (bill(), bill());
			run_to(4);
			assert_ok!(Acts::adopt(gov(), law, 0, Some(6)));
			assert_ok!(Acts::reject(gov(), dropped));
			let pq = Pq::new(1);
			let key = register(SPEAKER, PARLIAMENT, &pq);
			run_to(5);
			assert_ok!(Acts::sign(
				RuntimeOrigin::signed(SPEAKER),
				law,
				0,
				key,
				pq.sign_version(law, 0)
			));
			assert_ok!(Acts::repeal(gov(), law, Some(9)));
			let at = |b| (Acts::state(law, b), Acts::state(dropped, b));
			// Before it was tabled it did not exist; then a bill until adopted or rejected.
			assert_eq!(at(1), (None, None));
			assert_eq!(at(3), (Some(ActState::Bill), Some(ActState::Bill)));
			assert_eq!(at(4), (Some(ActState::Adopted), Some(ActState::Rejected)));
			assert_eq!(at(6), (Some(ActState::InForce), Some(ActState::Rejected)));
			assert_eq!(Acts::in_force(law, 8).map(|(v, _)| v), Some(0));
			assert_eq!(at(9).0, Some(ActState::Repealed));
			assert_eq!(Acts::in_force(law, 9), None);
		});
	}
}

mod genesis {
	use super::*;
	use crate::{GenesisAct, GenesisConfig};

	#[test]
	fn acts_and_keys_from_before_the_chain_are_imported() {
		let pq = Pq::new(9);
		let act = |kind, number| GenesisAct {
			kind,
			office: PARLIAMENT,
			title: b"Constitution".to_vec(),
			content: CONTENT,
			locator: b"ipfs://constitution".to_vec(),
			number,
		};
		let genesis = GenesisConfig::<Test> {
			thresholds: vec![(ActKind::Budget, 2)],
			keys: vec![(SPEAKER, PARLIAMENT, pq.public.to_vec())],
			acts: vec![
				act(ActKind::Law, Some(ActNumber { year: 2025, seq: 7 })),
				act(ActKind::Bill, None),
				act(ActKind::Budget, Some(ActNumber { year: 2025, seq: 8 })),
			],
			payouts: vec![(2, 50, 100, 5), (2, 51, 200, 8)],
		};
		ext_with(genesis).execute_with(|| {
			// Both adopted acts are marked in the country's collection, the draft is not.
			assert_eq!(collections(), vec![COUNTRY]);
			assert_eq!(mark_of(0, 0).as_deref(), Some("2025/7"));
			assert_eq!(mark_of(0, 2).as_deref(), Some("2025/8"));
			assert_eq!(mark_of(0, 1), None);
			// The genesis budget's first payout is on the agenda: the scheduler pays it at block 5.
			fund_treasury(COUNTRY, 300);
			run_to(5);
			assert_eq!(Balances::free_balance(50), 100);
			assert_eq!(Acts::payouts(2)[0].paid, Some(5));
			run_to(8);
			assert_eq!(Balances::free_balance(51), 200);
			assert_eq!(Acts::threshold(ActKind::Budget), 2);
			assert_eq!(Acts::state(0, 0), Some(ActState::InForce));
			assert_eq!(Acts::by_number(COUNTRY, 2025, 7), Some(0));
			assert_eq!(Acts::state(1, 1), Some(ActState::Bill));
			// The next act of 2025 would be the ninth; the genesis key signs the draft.
			assert_eq!(crate::Numbers::<Test>::get(COUNTRY, 2025), 8);
			assert_ok!(Acts::sign(RuntimeOrigin::signed(SPEAKER), 1, 0, 0, pq.sign_version(1, 0)));
			assert_ok!(Acts::adopt(gov(), 1, 0, None));
			assert_eq!(Acts::state(1, 8), Some(ActState::InForce));
			Acts::do_try_state().unwrap();
		});
	}
}

mod marking {
	use super::*;

	#[test]
	fn every_adopted_act_is_marked_once_in_its_jurisdictions_collection() {
		build_and_execute(|| {
			let town = decree();
			let (a, b) = (bill(), bill());
			assert_eq!(collections(), vec![TOWN]);
			assert_eq!(mark_of(0, town).as_deref(), Some("2026/1"));
			// A draft is not marked; its adoption is, in the country's own collection.
			assert_eq!(mark_of(1, a), None);
			assert_ok!(Acts::adopt(gov(), b, 0, None));
			assert_eq!(collections(), vec![TOWN, COUNTRY]);
			assert_eq!(mark_of(1, b).as_deref(), Some("2026/1"));
			assert!(events().contains(&Event::ActMarked { act: b, unit: COUNTRY, collection: 1 }));
			// An amendment keeps the act's mark (the stand-in refuses a second mint of an item).
			assert_ok!(Acts::amend(gov(), b, AMENDED, text("ipfs://b2")));
			assert_ok!(Acts::adopt(gov(), b, 1, None));
			assert_ok!(Acts::adopt(gov(), a, 0, None));
			assert_eq!(mark_of(1, a).as_deref(), Some("2026/2"));
			assert_eq!(collections().len(), 2);
		});
	}

	#[test]
	fn an_act_the_nft_pallet_cannot_mark_is_not_adopted() {
		build_and_execute(|| {
			let act = bill();
			break_marking();
			assert_noop!(Acts::adopt(gov(), act, 0, None), Error::<Test>::MarkingFailed);
			assert_noop!(
				Acts::table(
					RuntimeOrigin::signed(MAYOR),
					MAYORALTY,
					ActKind::Decree,
					text("t"),
					CONTENT,
					text("l")
				),
				Error::<Test>::MarkingFailed
			);
		});
	}
}

/// Tables a budget of the parliament by the speaker; returns its id.
fn budget() -> ActId {
	let act = NextAct::<Test>::get();
	assert_ok!(Acts::table(
		RuntimeOrigin::signed(SPEAKER),
		PARLIAMENT,
		ActKind::Budget,
		text("Budget 2027"),
		CONTENT,
		text("ipfs://bafy-budget"),
	));
	act
}

fn plan(
	items: &[(u64, u64, u64)],
) -> BoundedVec<(u64, u64, u64), frame_support::traits::ConstU32<4>> {
	BoundedVec::truncate_from(items.to_vec())
}

mod payouts {
	use super::*;

	const SCHOOL: u64 = 500;
	const CLINIC: u64 = 501;

	/// A budget paying the school 100 at block 5 and the clinic 200 at block 8, adopted and
	/// signed by the speaker at block 2, with its treasury funded.
	fn adopted_budget() -> ActId {
		let act = budget();
		assert_ok!(Acts::set_payouts(
			RuntimeOrigin::signed(SPEAKER),
			act,
			plan(&[(SCHOOL, 100, 5), (CLINIC, 200, 8)])
		));
		run_to(2);
		assert_ok!(Acts::adopt(gov(), act, 0, None));
		let pq = Pq::new(1);
		let key = register(SPEAKER, PARLIAMENT, &pq);
		assert_ok!(Acts::sign(RuntimeOrigin::signed(ANYONE), act, 0, key, pq.sign_version(act, 0)));
		fund_treasury(COUNTRY, 300);
		act
	}

	#[test]
	fn the_scheduler_pays_each_payout_when_due_from_the_jurisdictions_account() {
		build_and_execute(|| {
			let act = adopted_budget();
			let treasury = Acts::treasury_of(COUNTRY);
			assert!(events().contains(&Event::PayoutScheduled { act, index: 0, at: 5 }));
			run_to(4);
			assert_eq!(Balances::free_balance(SCHOOL), 0);
			run_to(5);
			assert_eq!(Balances::free_balance(SCHOOL), 100);
			assert!(events().contains(&Event::PayoutMade {
				act,
				index: 0,
				from: treasury,
				to: SCHOOL,
				amount: 100
			}));
			assert!(events().contains(&Event::PayoutScheduled { act, index: 1, at: 8 }));
			run_to(8);
			assert_eq!(Balances::free_balance(CLINIC), 200);
			assert_eq!(Balances::free_balance(treasury), 0);
			assert_eq!(
				Acts::payouts(act).iter().map(|p| p.paid).collect::<Vec<_>>(),
				vec![Some(5), Some(8)]
			);
			// Nothing is paid twice.
			assert_noop!(
				Acts::pay_out(RuntimeOrigin::signed(ANYONE), act, 0),
				Error::<Test>::AlreadyPaid
			);
		});
	}

	#[test]
	fn a_payout_the_scheduler_could_not_make_is_paid_by_anyone_once_it_can_be() {
		build_and_execute(|| {
			let act = budget();
			assert_ok!(Acts::set_payouts(gov(), act, plan(&[(SCHOOL, 100, 3), (CLINIC, 50, 4)])));
			assert_ok!(Acts::adopt(gov(), act, 0, None));
			// Not signed yet: at block 3 the scheduler's dispatch is refused (not in force).
			run_to(3);
			assert_eq!(Balances::free_balance(SCHOOL), 0);
			assert_noop!(
				Acts::pay_out(RuntimeOrigin::signed(ANYONE), act, 0),
				Error::<Test>::NotInForce
			);
			// Signed but the account is empty.
			let pq = Pq::new(1);
			let key = register(SPEAKER, PARLIAMENT, &pq);
			assert_ok!(Acts::sign(
				RuntimeOrigin::signed(ANYONE),
				act,
				0,
				key,
				pq.sign_version(act, 0)
			));
			run_to(5);
			assert_eq!(Balances::free_balance(SCHOOL), 0);
			assert_noop!(
				Acts::pay_out(RuntimeOrigin::signed(ANYONE), act, 0),
				Error::<Test>::TreasuryShort
			);
			// Funded: anyone pays it, and the next goes on the agenda.
			fund_treasury(COUNTRY, 150);
			assert_ok!(Acts::pay_out(RuntimeOrigin::signed(ANYONE), act, 0));
			assert_eq!(Balances::free_balance(SCHOOL), 100);
			run_to(6);
			assert_eq!(Balances::free_balance(CLINIC), 50);
		});
	}

	#[test]
	fn nothing_is_paid_before_it_is_due_or_after_repeal() {
		build_and_execute(|| {
			let act = adopted_budget();
			assert_noop!(
				Acts::pay_out(RuntimeOrigin::signed(ANYONE), act, 0),
				Error::<Test>::NotDue
			);
			assert_noop!(
				Acts::pay_out(RuntimeOrigin::signed(ANYONE), act, 2),
				Error::<Test>::PayoutNotFound
			);
			assert_noop!(
				Acts::pay_out(RuntimeOrigin::signed(ANYONE), 42, 0),
				Error::<Test>::ActNotFound
			);
			let town = decree();
			assert_noop!(
				Acts::pay_out(RuntimeOrigin::signed(ANYONE), town, 0),
				Error::<Test>::NotABudget
			);
			assert_noop!(Acts::pay_out(RuntimeOrigin::none(), act, 0), BadOrigin);
			run_to(5);
			assert_ok!(Acts::repeal(gov(), act, None));
			run_to(9);
			assert_eq!(Balances::free_balance(CLINIC), 0);
			assert_noop!(
				Acts::pay_out(RuntimeOrigin::signed(ANYONE), act, 1),
				Error::<Test>::NotInForce
			);
		});
	}

	#[test]
	fn a_schedule_is_set_only_on_an_unsigned_draft_budget_in_order() {
		build_and_execute(|| {
			let act = budget();
			run_to(3);
			assert_noop!(
				Acts::set_payouts(RuntimeOrigin::signed(ANYONE), act, plan(&[])),
				Error::<Test>::NotServing
			);
			assert_noop!(
				Acts::set_payouts(RuntimeOrigin::signed(MAYOR), act, plan(&[])),
				Error::<Test>::NotServing
			);
			assert_noop!(
				Acts::set_payouts(gov(), act, plan(&[(SCHOOL, 1, 9), (CLINIC, 1, 8)])),
				Error::<Test>::BadSchedule
			);
			assert_noop!(
				Acts::set_payouts(gov(), act, plan(&[(SCHOOL, 0, 9)])),
				Error::<Test>::BadSchedule
			);
			assert_noop!(
				Acts::set_payouts(gov(), act, plan(&[(SCHOOL, 1, 2)])),
				Error::<Test>::BadSchedule
			);
			let law = bill();
			assert_noop!(
				Acts::set_payouts(gov(), law, plan(&[(SCHOOL, 1, 9)])),
				Error::<Test>::NotABudget
			);
			assert_noop!(
				Acts::set_payouts(gov(), 42, plan(&[(SCHOOL, 1, 9)])),
				Error::<Test>::ActNotFound
			);
			// Replaced while a draft; evented whole.
			assert_ok!(Acts::set_payouts(gov(), act, plan(&[(SCHOOL, 1, 9)])));
			assert_ok!(Acts::set_payouts(gov(), act, plan(&[(CLINIC, 2, 9), (SCHOOL, 3, 9)])));
			assert_eq!(
				events().last(),
				Some(&Event::PayoutsSet { act, payouts: plan(&[(CLINIC, 2, 9), (SCHOOL, 3, 9)]) })
			);
			assert_eq!(Payouts::<Test>::get(act).len(), 2);
			// Signed on the draft: the signers signed this schedule.
			let pq = Pq::new(1);
			let key = register(SPEAKER, PARLIAMENT, &pq);
			assert_ok!(Acts::sign(
				RuntimeOrigin::signed(ANYONE),
				act,
				0,
				key,
				pq.sign_version(act, 0)
			));
			assert_noop!(
				Acts::set_payouts(gov(), act, plan(&[(SCHOOL, 1_000, 9)])),
				Error::<Test>::ScheduleSigned
			);
			let other = budget();
			assert_ok!(Acts::adopt(gov(), other, 0, None));
			assert_noop!(
				Acts::set_payouts(gov(), other, plan(&[(SCHOOL, 1, 9)])),
				Error::<Test>::ScheduleFixed
			);
		});
	}
}

mod deadlines {
	use super::*;

	#[test]
	fn a_deadline_is_overdue_when_read_after_it_unmet_and_met_late_after() {
		build_and_execute(|| {
			let act = bill();
			assert_ok!(Acts::set_deadline(
				RuntimeOrigin::signed(SPEAKER),
				act,
				DeadlineKind::ResponseDue,
				MAYORALTY,
				10
			));
			assert_eq!(
				events().last(),
				Some(&Event::DeadlineSet {
					act,
					index: 0,
					kind: DeadlineKind::ResponseDue,
					office: MAYORALTY,
					due: 10
				})
			);
			let state = |at| Acts::deadlines(act, at)[0].2;
			assert_eq!(state(10), DeadlineState::Pending);
			assert_eq!(state(11), DeadlineState::Overdue);
			run_to(12);
			let response = decree();
			assert_ok!(Acts::meet_deadline(RuntimeOrigin::signed(MAYOR), act, 0, Some(response)));
			assert_eq!(
				events().last(),
				Some(&Event::DeadlineMet { act, index: 0, answer: Some(response), late: true })
			);
			assert_eq!(state(11), DeadlineState::Overdue);
			assert_eq!(state(12), DeadlineState::MetLate);
			assert_noop!(
				Acts::meet_deadline(RuntimeOrigin::signed(MAYOR), act, 0, None),
				Error::<Test>::DeadlineAlreadyMet
			);
		});
	}

	#[test]
	fn a_deadline_met_in_time_is_met() {
		build_and_execute(|| {
			let act = bill();
			assert_ok!(Acts::set_deadline(gov(), act, DeadlineKind::Review, PARLIAMENT, 10));
			run_to(10);
			assert_ok!(Acts::meet_deadline(RuntimeOrigin::signed(MEMBER), act, 0, None));
			assert_eq!(Acts::deadlines(act, 20)[0].2, DeadlineState::Met);
		});
	}

	#[test]
	fn bad_deadlines_are_refused() {
		build_and_execute(|| {
			let act = bill();
			run_to(5);
			let set = |who: RuntimeOrigin, act, office, due| {
				Acts::set_deadline(who, act, DeadlineKind::ResponseDue, office, due)
			};
			assert_noop!(
				set(RuntimeOrigin::signed(MAYOR), act, MAYORALTY, 9),
				Error::<Test>::NotServing
			);
			assert_noop!(set(gov(), act, 7, 9), Error::<Test>::OfficeNotFound);
			assert_noop!(set(gov(), act, MAYORALTY, 4), Error::<Test>::InThePast);
			assert_noop!(set(gov(), 42, MAYORALTY, 9), Error::<Test>::ActNotFound);
			for _ in 0..3 {
				assert_ok!(set(gov(), act, MAYORALTY, 9));
			}
			assert_noop!(set(gov(), act, MAYORALTY, 9), Error::<Test>::TooManyDeadlines);
			// Met only by the office it is due from, with an act of that office.
			assert_noop!(
				Acts::meet_deadline(RuntimeOrigin::signed(SPEAKER), act, 0, None),
				Error::<Test>::NotServing
			);
			assert_noop!(
				Acts::meet_deadline(RuntimeOrigin::signed(MAYOR), act, 0, Some(act)),
				Error::<Test>::AnswerOfAnotherOffice
			);
			assert_noop!(
				Acts::meet_deadline(RuntimeOrigin::signed(MAYOR), act, 0, Some(42)),
				Error::<Test>::ActNotFound
			);
			assert_noop!(
				Acts::meet_deadline(RuntimeOrigin::signed(MAYOR), act, 3, None),
				Error::<Test>::DeadlineNotFound
			);
			assert_ok!(Acts::reject(gov(), act));
			assert_noop!(
				Acts::set_deadline(gov(), act, DeadlineKind::Review, MAYORALTY, 9),
				Error::<Test>::ActRejected
			);
		});
	}
}

mod office_uses {
	use super::*;
	use crate::OfficeUses;
	use pallet_veche_primitives::JurisdictionUsage;

	#[test]
	fn an_office_is_in_use_once_it_issued_an_act_or_a_deadline_is_due_from_it() {
		build_and_execute(|| {
			assert!(!Acts::office_in_use(PARLIAMENT));
			assert!(!Acts::office_in_use(MAYORALTY));
			let act = bill();
			assert!(Acts::office_in_use(PARLIAMENT));
			assert!(!Acts::office_in_use(MAYORALTY));
			assert_ok!(Acts::set_deadline(gov(), act, DeadlineKind::ResponseDue, MAYORALTY, 10));
			assert!(Acts::office_in_use(MAYORALTY));
			decree();
			assert_eq!(OfficeUses::<Test>::get(PARLIAMENT), 1);
			assert_eq!(OfficeUses::<Test>::get(MAYORALTY), 2);
			// Units are the tree's to keep through their offices.
			assert!(!Acts::unit_in_use(0));
		});
	}

	#[test]
	fn a_refused_deadline_counts_nothing() {
		build_and_execute(|| {
			let act = bill();
			assert_noop!(
				Acts::set_deadline(gov(), act, DeadlineKind::ResponseDue, 99, 10),
				Error::<Test>::OfficeNotFound
			);
			assert!(!Acts::office_in_use(99));
		});
	}
}
