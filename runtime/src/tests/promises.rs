//! Promises as the runtime composes them with the real elections pallet: made at nomination,
//! followed once the election seats their maker, rated by an identified auditor who had no stake,
//! appealed to the commission, and shown in the portrait.

use super::*;
use pallet_veche_elections::Pallet as ElectionsPallet;
use pallet_veche_primitives::{
	CandidacyInspect, CandidacyState, PolicySphere, PromiseStatus, PromotionRecord, UnitKind,
};
use pallet_veche_promises::{Error, Promises as Stored, Verdicts};

type PromisesPallet = pallet_veche_promises::Pallet<Runtime>;

/// The Birchwood council's election in the demo.
const BIRCHWOOD: u32 = 0;

fn title(s: &str) -> pallet_veche_promises::TitleOf<Runtime> {
	s.as_bytes().to_vec().try_into().unwrap()
}

/// Gives `who` a `Reasonable` judgement from a registrar Bob adds for the purpose.
fn identify(who: &AccountId) {
	let registrar = acc(Sr25519Keyring::Bob);
	if pallet_identity::Registrars::<Runtime>::get().is_empty() {
		assert_ok!(Identity::add_registrar(
			RuntimeOrigin::root(),
			MultiAddress::Id(registrar.clone())
		));
	}
	let info = pallet_identity::legacy::IdentityInfo {
		display: pallet_identity::Data::Raw(b"Public person".to_vec().try_into().unwrap()),
		..Default::default()
	};
	assert_ok!(Identity::set_identity(RuntimeOrigin::signed(who.clone()), Box::new(info)));
	let registration = pallet_identity::IdentityOf::<Runtime>::get(who).unwrap();
	assert_ok!(Identity::provide_judgement(
		RuntimeOrigin::signed(registrar),
		0,
		MultiAddress::Id(who.clone()),
		pallet_identity::Judgement::Reasonable,
		BlakeTwo256::hash_of(&registration.info),
	));
	assert!(IdentityJudgement::is_identified(who));
}

/// Moves to the Birchwood council's voting start; its two candidates for seven seats are
/// elected unopposed and certified.
fn elect_birchwood() {
	frame_system::Pallet::<Runtime>::set_block_number(crate::HOURS);
	let size = ElectionsPallet::<Runtime>::election_size(BIRCHWOOD).unwrap();
	let anyone = RuntimeOrigin::signed(acc(Sr25519Keyring::Bob));
	assert_ok!(crate::Elections::open_voting(anyone.clone(), BIRCHWOOD, size));
	assert_ok!(crate::Elections::certify(anyone, BIRCHWOOD, size));
}

/// Every pallet's invariants (when the runtime is built with try-runtime, as the workspace's
/// tests build it for the fuzzer).
fn check_invariants() {
	#[cfg(feature = "try-runtime")]
	{
		use frame_support::traits::{TryState, TryStateSelect};
		let now = frame_system::Pallet::<Runtime>::block_number();
		crate::AllPalletsWithSystem::try_state(now, TryStateSelect::All).expect("invariants hold");
	}
}

#[test]
fn the_demo_candidates_programmes_and_auditor_are_on_record_at_genesis() {
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		preset_ext(preset).execute_with(|| {
			let charlie = acc(Sr25519Keyring::Charlie);
			let ferdie = acc(Sr25519Keyring::Ferdie);
			assert_eq!(
				PromisesPallet::candidacy_promises(charlie.clone(), BIRCHWOOD),
				vec![0, 1, 2]
			);
			assert_eq!(PromisesPallet::candidacy_promises(ferdie.clone(), BIRCHWOOD), vec![3, 4]);
			let reason = crate::RuntimeHoldReason::Promises(
				pallet_veche_promises::HoldReason::PromiseDeposit,
			);
			use frame_support::traits::fungible::InspectHold;
			assert_eq!(
				Balances::balance_on_hold(&reason, &charlie),
				3 * crate::configs::promises::PromiseDeposit::get()
			);
			assert!(pallet_veche_promises::Auditors::<Runtime>::contains_key(acc(
				Sr25519Keyring::Eve
			)));
			let p = Stored::<Runtime>::get(0).unwrap();
			assert_eq!((p.sphere, p.status), (PolicySphere::Transport, PromiseStatus::NotYetRated));
			assert_eq!(p.content, sp_io::hashing::blake2_256(b"Pave the road to the school"));
			// The portrait elections serve lists them.
			let portrait = ElectionsPallet::<Runtime>::portrait(ferdie);
			assert_eq!(portrait.promises.iter().map(|s| s.id).collect::<Vec<_>>(), vec![3, 4]);
			check_invariants();
		});
	}
}

#[test]
fn promises_follow_a_real_election_from_nomination_to_a_verdict_on_appeal() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let charlie = acc(Sr25519Keyring::Charlie);
		let ferdie = acc(Sr25519Keyring::Ferdie);
		let eve = acc(Sr25519Keyring::Eve);
		// While nominations are open Charlie adds a part to his first promise.
		assert_eq!(
			<crate::Elections as CandidacyInspect<_, _>>::candidacy(&charlie, BIRCHWOOD),
			CandidacyState::Nominating
		);
		assert_ok!(crate::Promises::make(
			RuntimeOrigin::signed(charlie.clone()),
			BIRCHWOOD,
			title("Lights along the school road"),
			[7; 32],
			PolicySphere::PublicSafety,
			None,
			Some(0),
		));
		// Someone who does not stand makes no promise for the election.
		assert_noop!(
			crate::Promises::make(
				RuntimeOrigin::signed(eve.clone()),
				BIRCHWOOD,
				title("x"),
				[0; 32],
				PolicySphere::Health,
				None,
				None
			),
			Error::<Runtime>::NotNominating
		);
		// Nothing is reported or rated before the seat is won.
		assert_noop!(
			crate::Promises::report_progress(
				RuntimeOrigin::signed(charlie.clone()),
				0,
				10,
				title("Survey"),
				[1; 32]
			),
			Error::<Runtime>::NotServing
		);

		elect_birchwood();
		// The programme is fixed once nominations close.
		assert_noop!(
			crate::Promises::make(
				RuntimeOrigin::signed(charlie.clone()),
				BIRCHWOOD,
				title("Late"),
				[0; 32],
				PolicySphere::Health,
				None,
				None
			),
			Error::<Runtime>::NotNominating
		);
		assert_noop!(
			crate::Promises::withdraw(RuntimeOrigin::signed(ferdie.clone()), 4),
			Error::<Runtime>::NotNominating
		);
		assert!(matches!(
			<crate::Elections as CandidacyInspect<_, _>>::candidacy(&charlie, BIRCHWOOD),
			CandidacyState::Elected(m) if m.serving(crate::HOURS)
		));
		assert_ok!(crate::Promises::report_progress(
			RuntimeOrigin::signed(charlie.clone()),
			0,
			30,
			title("Contract signed"),
			[1; 32]
		));
		assert_eq!(Stored::<Runtime>::get(0).unwrap().status, PromiseStatus::InTheWorks);

		// Eve, accredited at genesis, rates once her identity is judged.
		assert_noop!(
			crate::Promises::rate(
				RuntimeOrigin::signed(eve.clone()),
				0,
				PromiseStatus::Kept,
				[2; 32]
			),
			Error::<Runtime>::NotIdentified
		);
		identify(&eve);
		assert_ok!(crate::Promises::rate(
			RuntimeOrigin::signed(eve.clone()),
			0,
			PromiseStatus::Kept,
			[2; 32]
		));
		assert_ok!(crate::Promises::rate(
			RuntimeOrigin::signed(eve.clone()),
			3,
			PromiseStatus::Broken,
			[3; 32]
		));
		// A rival councillor, even accredited, never rates a fellow candidate's promise.
		identify(&charlie);
		assert_ok!(crate::Promises::accredit(
			RuntimeOrigin::root(),
			MultiAddress::Id(charlie.clone())
		));
		assert_noop!(
			crate::Promises::rate(
				RuntimeOrigin::signed(charlie.clone()),
				4,
				PromiseStatus::Broken,
				[3; 32]
			),
			Error::<Runtime>::ConflictOfInterest
		);
		assert_noop!(
			crate::Promises::rate(
				RuntimeOrigin::signed(charlie.clone()),
				1,
				PromiseStatus::Kept,
				[3; 32]
			),
			Error::<Runtime>::OwnPromise
		);
		// Ferdie appeals; a signed account is no commission; the commission (root here)
		// replaces the verdict.
		assert_ok!(crate::Promises::appeal(RuntimeOrigin::signed(ferdie.clone()), 3, [4; 32]));
		assert_noop!(
			crate::Promises::decide_appeal(
				RuntimeOrigin::signed(ferdie.clone()),
				3,
				PromiseStatus::Kept,
				[5; 32]
			),
			DispatchError::BadOrigin
		);
		assert_ok!(crate::Promises::decide_appeal(
			RuntimeOrigin::root(),
			3,
			PromiseStatus::Compromise,
			[5; 32]
		));
		assert_eq!(
			pallet_veche_promises::Records::<Runtime>::get(&ferdie),
			Verdicts { kept: 0, compromise: 1, broken: 0 }
		);
		// The portrait shows each promise's status now.
		let portrait = ElectionsPallet::<Runtime>::portrait(ferdie);
		let statuses: Vec<_> = portrait.promises.iter().map(|s| (s.id, s.status)).collect();
		assert_eq!(statuses, vec![(3, PromiseStatus::Compromise), (4, PromiseStatus::NotYetRated)]);
		assert_eq!(portrait.offices.len(), 1);
		check_invariants();
	});
}

#[test]
fn a_withdrawn_candidate_makes_no_more_promises_and_clears_those_made() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let ferdie = acc(Sr25519Keyring::Ferdie);
		let free = Balances::free_balance(&ferdie);
		assert_noop!(
			crate::Promises::clear(RuntimeOrigin::signed(ferdie.clone()), BIRCHWOOD),
			Error::<Runtime>::CandidacyNotEnded
		);
		assert_ok!(crate::Elections::withdraw(RuntimeOrigin::signed(ferdie.clone()), BIRCHWOOD));
		assert_noop!(
			crate::Promises::make(
				RuntimeOrigin::signed(ferdie.clone()),
				BIRCHWOOD,
				title("x"),
				[0; 32],
				PolicySphere::Health,
				None,
				None
			),
			Error::<Runtime>::NotNominating
		);
		assert_ok!(crate::Promises::clear(RuntimeOrigin::signed(ferdie.clone()), BIRCHWOOD));
		assert!(Stored::<Runtime>::get(3).is_none() && Stored::<Runtime>::get(4).is_none());
		let deposits = crate::configs::elections::CandidacyDeposit::get()
			+ 2 * crate::configs::promises::PromiseDeposit::get();
		assert_eq!(Balances::free_balance(&ferdie), free + deposits);
		check_invariants();
	});
}

#[test]
fn broken_promises_bar_promotion_by_record_through_elections() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = acc(Sr25519Keyring::Dave);
		type Record = <Runtime as pallet_veche_elections::Config>::Record;
		assert!(<Record as PromotionRecord<AccountId>>::qualifies(&dave, 0, UnitKind::Region));
		// Four kept of nine rated: below half.
		pallet_veche_promises::Records::<Runtime>::insert(
			&dave,
			Verdicts { kept: 4, compromise: 0, broken: 5 },
		);
		assert!(!<Record as PromotionRecord<AccountId>>::qualifies(&dave, 0, UnitKind::Region));
		pallet_veche_promises::Records::<Runtime>::insert(
			&dave,
			Verdicts { kept: 4, compromise: 1, broken: 4 },
		);
		assert!(<Record as PromotionRecord<AccountId>>::qualifies(&dave, 0, UnitKind::Region));
	});
}
