//! Open primaries: the most voted go on to the final, which may itself need a run-off; a
//! primary nobody needs holds no vote; rules that cannot work are refused; the storage
//! migration that brought primaries in.

use super::*;

/// Rules with `method` and an open primary sending on `advance`.
fn with_primary(
	method: Method<frame_support::traits::ConstU32<3>>,
	advance: u8,
) -> crate::OfficeRulesOf<Test> {
	OfficeRules { primary: advance, ..rules(method) }
}

#[test]
fn a_primary_sends_its_most_voted_to_a_final_that_goes_to_a_run_off() {
	build_and_execute(|| {
		let e = scheduled(MAYOR, with_primary(Method::TwoRound, 3));
		assert_eq!(
			StoredElections::<Test>::get(e).unwrap().kind,
			ElectionKind::Primary { advance: 3 }
		);
		nominate_all(e, &[100, 101, 102, 103, 104]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		let poll = poll_of(e, None);
		// The primary's ballot is the office's: one mark.
		let kind = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap().kind;
		assert_eq!(kind, pallet_veche_ballots::PollKind::SingleChoice { options: 5 });
		// 104 and 101: 2 votes; 100 and 102: 1 (100 nominated first); 103: none.
		vote(1, poll, &[4]);
		vote(2, poll, &[4]);
		vote(3, poll, &[1]);
		vote(4, poll, &[1]);
		vote(5, poll, &[2]);
		vote(6, poll, &[0]);
		run_to(20);
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		assert!(winners(e).is_empty(), "a primary fills no seat");
		// Nobody may join the race once the primary is over.
		assert_noop!(Elections::nominate(signed(105), e, None), Error::<Test>::NominationClosed);
		certify(e);
		let final_ = e + 1;
		assert!(events().contains(&Event::FinalCalled {
			election: e,
			final_election: final_,
			candidates: vec![100, 101, 104],
		}));
		assert_eq!(Running::<Test>::get(MAYOR), Some(final_));
		assert_eq!(StoredElections::<Test>::get(e).unwrap().stage, Stage::Certified);
		let info = StoredElections::<Test>::get(final_).unwrap();
		assert_eq!(info.kind, ElectionKind::Final { primary: e });
		assert_eq!((info.stage, info.candidates, info.seats), (Stage::Voting, 3, 1));
		assert_eq!(info.method, Method::TwoRound);
		// The final is closed to newcomers, and nobody withdraws from it.
		assert_noop!(
			Elections::nominate(signed(105), final_, None),
			Error::<Test>::NominationClosed
		);
		assert_noop!(Elections::withdraw(signed(100), final_), Error::<Test>::NominationClosed);
		// The primary's candidacies are followed into the final.
		assert_eq!(candidacy(101, e), CandidacyState::Running);
		assert_eq!(candidacy(102, e), CandidacyState::Ended);
		assert_eq!(Elections::portrait(102).elections, vec![(e, MAYOR, Standing::NotElected)]);
		assert_eq!(
			Elections::portrait(100).elections,
			vec![(e, MAYOR, Standing::Advanced), (final_, MAYOR, Standing::Running)]
		);
		// The final: 104 and 101 with 2 of 5 each, no majority: a run-off between them.
		let poll = poll_of(final_, None);
		vote(1, poll, &[2]);
		vote(2, poll, &[2]);
		vote(3, poll, &[1]);
		vote(4, poll, &[1]);
		vote(5, poll, &[0]);
		run_to(info.voting_end);
		assert_ok!(Elections::count(signed(ANYONE), final_, size(final_)));
		certify(final_);
		let run_off = final_ + 1;
		assert!(events().contains(&Event::RunOffCalled {
			election: final_,
			run_off,
			candidates: vec![101, 104],
		}));
		assert_eq!(Running::<Test>::get(MAYOR), Some(run_off));
		assert_eq!(candidacy(104, e), CandidacyState::Running);
		assert_eq!(candidacy(100, e), CandidacyState::Ended);
		// The run-off: 104 wins 3 to 1.
		let info = StoredElections::<Test>::get(run_off).unwrap();
		let poll = poll_of(run_off, None);
		vote(1, poll, &[1]);
		vote(2, poll, &[1]);
		vote(3, poll, &[1]);
		vote(4, poll, &[0]);
		run_to(info.voting_end);
		assert_ok!(Elections::count(signed(ANYONE), run_off, size(run_off)));
		certify(run_off);
		assert!(!Running::<Test>::contains_key(MAYOR));
		let holder = Holders::<Test>::get(MAYOR)[0].clone();
		assert_eq!((holder.seat.who, holder.election), (104, run_off));
		// The seat belongs to the primary's candidacy (its promises are followed), two
		// rounds on.
		let mandate =
			Mandate { office: MAYOR, since: holder.since, until: holder.until, left: None };
		assert_eq!(candidacy(104, e), CandidacyState::Elected(mandate));
		assert_eq!(candidacy(101, e), CandidacyState::Ended);
		assert_eq!(
			Elections::portrait(104).elections,
			vec![
				(e, MAYOR, Standing::Advanced),
				(final_, MAYOR, Standing::InRunOff),
				(run_off, MAYOR, Standing::Elected)
			]
		);
		// Deposits were held once, in the primary: 103 (no vote) forfeits; 102 had a sixth of
		// the votes and the others went on.
		for who in [100, 101, 102, 103, 104] {
			assert_ok!(Elections::release_deposit(signed(ANYONE), e, who));
		}
		for who in [100, 101, 102, 104] {
			assert_eq!(Balances::free_balance(who), 10_000, "{who} keeps the deposit");
		}
		assert_eq!(Balances::free_balance(103), 10_000 - DEPOSIT);
		assert_eq!(Balances::free_balance(FORFEITS), DEPOSIT);
	});
}

#[test]
fn a_primary_nobody_needs_holds_no_vote_and_by_elections_hold_no_primary() {
	build_and_execute(|| {
		// Four for three council seats, five sent on: all go to the final at once.
		let e = scheduled(COUNCIL, with_primary(Method::Approval, 5));
		nominate_all(e, &[100, 101, 102, 103]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		assert!(ElectionPolls::<Test>::get(e).is_empty(), "no primary vote");
		assert_eq!(StoredElections::<Test>::get(e).unwrap().stage, Stage::Certified);
		let final_ = e + 1;
		assert!(events().contains(&Event::FinalCalled {
			election: e,
			final_election: final_,
			candidates: vec![100, 101, 102, 103],
		}));
		assert_eq!(Running::<Test>::get(COUNCIL), Some(final_));
		let poll = poll_of(final_, None);
		let kind = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap().kind;
		assert_eq!(kind, pallet_veche_ballots::PollKind::Approval { options: 4, max: 3 });
		vote(1, poll, &[0, 1, 2]);
		vote(2, poll, &[1, 3]);
		vote(3, poll, &[3]);
		let end = StoredElections::<Test>::get(final_).unwrap().voting_end;
		run_to(end);
		assert_ok!(Elections::count(signed(ANYONE), final_, size(final_)));
		certify(final_);
		// 101: 2, 103: 2, 100: 1 (before 102's 1).
		assert_eq!(winners(final_), vec![101, 103, 100]);
		assert_eq!(Holders::<Test>::get(COUNCIL).len(), 3);
		// A seat falls vacant: its by-election has no primary, whatever the office's rules.
		assert_ok!(Elections::resign(signed(103), COUNCIL));
		let by = final_ + 1;
		assert_eq!(StoredElections::<Test>::get(by).unwrap().kind, ElectionKind::ByElection);

		// One for one seat: elected unopposed, the primary being the whole election.
		let start = System::block_number() + 5;
		assert_ok!(Elections::set_rules(
			signed(COMMISSION),
			OTHER_MAYOR,
			with_primary(Method::Plurality, 2)
		));
		assert_ok!(Elections::schedule(signed(COMMISSION), OTHER_MAYOR, start));
		let single = by + 1;
		nominate_all(single, &[110]);
		run_to(start);
		assert_ok!(Elections::open_voting(signed(ANYONE), single, size(single)));
		assert_ok!(Elections::certify(signed(ANYONE), single, size(single)));
		assert_eq!(Holders::<Test>::get(OTHER_MAYOR)[0].seat.who, 110);
		assert!(!Running::<Test>::contains_key(OTHER_MAYOR));
	});
}

#[test]
fn a_primary_without_a_vote_leaves_a_failed_final_and_the_office_free_to_schedule() {
	build_and_execute(|| {
		let e = scheduled(MAYOR, with_primary(Method::Plurality, 2));
		nominate_all(e, &[100, 101, 102]);
		run_to(10);
		assert_ok!(Elections::open_voting(signed(ANYONE), e, size(e)));
		run_to(20);
		assert_ok!(Elections::count(signed(ANYONE), e, size(e)));
		certify(e);
		let final_ = e + 1;
		assert!(events().contains(&Event::FinalCalled {
			election: e,
			final_election: final_,
			candidates: vec![],
		}));
		assert_eq!(StoredElections::<Test>::get(final_).unwrap().stage, Stage::Failed);
		assert!(!Running::<Test>::contains_key(MAYOR));
		assert!(Holders::<Test>::get(MAYOR).is_empty());
		// Governance schedules the next one.
		assert_ok!(Elections::schedule(signed(COMMISSION), MAYOR, System::block_number() + 5));
	});
}

#[test]
fn primaries_that_cannot_work_are_refused() {
	build_and_execute(|| {
		// Sending on no more than the seats: three for the three-seat council.
		assert_noop!(
			Elections::set_rules(signed(COMMISSION), COUNCIL, with_primary(Method::Approval, 3)),
			Error::<Test>::InvalidRules
		);
		// One for the mayor's single seat.
		assert_noop!(
			Elections::set_rules(signed(COMMISSION), MAYOR, with_primary(Method::Plurality, 1)),
			Error::<Test>::InvalidRules
		);
		// More than a ballot holds.
		assert_noop!(
			Elections::set_rules(signed(COMMISSION), MAYOR, with_primary(Method::Plurality, 65)),
			Error::<Test>::InvalidRules
		);
		// Party lists choose their candidates themselves.
		let mut lists = list_rules(Perbill::zero());
		lists.primary = 10;
		assert_noop!(
			Elections::set_rules(signed(COMMISSION), PARLIAMENT, lists),
			Error::<Test>::InvalidRules
		);
		// The most a ballot holds is fine.
		assert_ok!(Elections::set_rules(
			signed(COMMISSION),
			MAYOR,
			with_primary(Method::Plurality, 64)
		));
	});
}

#[test]
fn the_v2_migration_gives_every_office_no_primary_once() {
	use crate::migrations::v2::{MigrateV1ToV2, OfficeRulesV1};
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	build_and_execute(|| {
		// Two offices' rules as version 1 wrote them.
		let old = |method| OfficeRulesV1::<u64, frame_support::traits::ConstU32<3>> {
			method,
			term: 100,
			nomination: 5,
			voting: 10,
			promotion: true,
		};
		for (office, method) in [(MAYOR, Method::TwoRound), (COUNCIL, Method::Approval)] {
			frame_support::storage::unhashed::put_raw(
				&crate::Rules::<Test>::hashed_key_for(office),
				&old(method).encode(),
			);
		}
		StorageVersion::new(1).put::<Elections>();
		// Version 1's layout does not decode as version 2's.
		assert!(crate::Rules::<Test>::try_get(MAYOR).is_err());
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Elections::on_chain_storage_version(), StorageVersion::new(2));
		let migrated = crate::Rules::<Test>::get(MAYOR).expect("decodes as version 2");
		assert_eq!(
			migrated,
			OfficeRules { promotion: true, ..rules(Method::TwoRound) },
			"every field kept, no primary"
		);
		assert_eq!(crate::Rules::<Test>::get(COUNCIL).unwrap().method, Method::Approval);
		// Run again (a later upgrade still listing it): nothing changes.
		crate::Rules::<Test>::insert(MAYOR, with_primary(Method::TwoRound, 3));
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(crate::Rules::<Test>::get(MAYOR).unwrap().primary, 3);
	});
}
