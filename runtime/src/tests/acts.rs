//! The registry of acts as the runtime composes it: marks in the real `pallet-nfts`, budgets
//! paid by the real scheduler from the jurisdiction's account, officials seated by the real
//! elections pallet signing with ML-DSA-65.

use super::*;
use frame_support::traits::{nonfungibles_v2::Inspect, Hooks};
use pallet_veche_acts::{mldsa, ActState};

/// The demo's Head of Birchwood office, whose holder is Bob.
const HEAD: u32 = 7;

fn run_to(n: u32) {
	while frame_system::Pallet::<Runtime>::block_number() < n {
		let next = frame_system::Pallet::<Runtime>::block_number() + 1;
		frame_system::Pallet::<Runtime>::set_block_number(next);
		crate::Scheduler::on_initialize(next);
	}
}

fn check_invariants() {
	#[cfg(feature = "try-runtime")]
	{
		use frame_support::traits::{TryState, TryStateSelect};
		let now = frame_system::Pallet::<Runtime>::block_number();
		crate::AllPalletsWithSystem::try_state(now, TryStateSelect::All).expect("invariants hold");
	}
}

/// The registry's account, which holds every mark.
fn holder() -> AccountId {
	use sp_runtime::traits::AccountIdConversion;
	crate::configs::acts::ActsPalletId::get().into_account_truncating()
}

#[test]
fn the_demo_acts_are_marked_in_the_republics_collection_and_nobody_moves_a_mark() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		// The constitution (act 0) and the budget (act 1) are items 0 and 1 of collection 0; the
		// Birchwood bill, a draft, is not marked.
		assert_eq!(pallet_veche_acts::Collections::<Runtime>::get(0), Some(0));
		assert_eq!(crate::Nfts::owner(0, 0), Some(holder()));
		assert_eq!(crate::Nfts::owner(0, 1), Some(holder()));
		assert_eq!(crate::Nfts::owner(0, 2), None);
		assert_eq!(
			crate::Nfts::system_attribute(&0, Some(&1), b"number"),
			Some(b"2026/2".to_vec())
		);
		let alice = acc(Sr25519Keyring::Alice);
		// Not even the holder transfers a mark (were its key known); nobody else burns one.
		assert_noop!(
			crate::Nfts::transfer(
				RuntimeOrigin::signed(holder()),
				0,
				0,
				MultiAddress::Id(alice.clone())
			),
			pallet_nfts::Error::<Runtime>::ItemsNonTransferable
		);
		assert_noop!(
			crate::Nfts::burn(RuntimeOrigin::signed(alice.clone()), 0, 0),
			pallet_nfts::Error::<Runtime>::NoPermission
		);
		// Nobody creates a collection of their own to pass off as the registry's.
		let config = pallet_nfts::CollectionConfig {
			settings: Default::default(),
			max_supply: None,
			mint_settings: Default::default(),
		};
		assert_noop!(
			crate::Nfts::create(
				RuntimeOrigin::signed(alice.clone()),
				MultiAddress::Id(alice),
				config
			),
			DispatchError::BadOrigin
		);
		check_invariants();
	});
}

#[test]
fn the_demo_budget_pays_on_schedule_and_stops_when_repealed() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let treasury = crate::configs::acts::treasury(0);
		let (eve, ferdie) = (acc(Sr25519Keyring::Eve), acc(Sr25519Keyring::Ferdie));
		let before = (Balances::free_balance(&eve), Balances::free_balance(&ferdie));
		let funds = Balances::free_balance(&treasury);
		run_to(10 * crate::MINUTES - 1);
		assert_eq!(Balances::free_balance(&eve), before.0);
		run_to(10 * crate::MINUTES);
		assert_eq!(Balances::free_balance(&eve), before.0 + 500 * UNIT);
		assert_eq!(Balances::free_balance(&treasury), funds - 500 * UNIT);
		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|r| matches!(
			&r.event,
			crate::RuntimeEvent::Acts(pallet_veche_acts::Event::PayoutMade {
				act: 1,
				index: 0,
				..
			})
		)));
		// The commission repeals the budget: the next payout is taken off the agenda and refused.
		assert_ok!(crate::Acts::repeal(RuntimeOrigin::root(), 1, None));
		run_to(20 * crate::MINUTES + 1);
		assert_eq!(Balances::free_balance(&ferdie), before.1);
		assert_noop!(
			crate::Acts::pay_out(RuntimeOrigin::signed(ferdie), 1, 1),
			pallet_veche_acts::Error::<Runtime>::NotInForce
		);
		check_invariants();
	});
}

#[test]
fn the_head_of_birchwood_signs_the_adopted_village_bill_and_a_stranger_cannot() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let bob = acc(Sr25519Keyring::Bob);
		let seed = crate::genesis_config_presets::demo_signer_seed();
		assert_ok!(crate::Acts::adopt(RuntimeOrigin::root(), 2, 0, None));
		// Adopted in the Republic's year count? No: Birchwood's own, and in its own collection.
		let act = crate::Acts::act(2).unwrap();
		assert_eq!(act.number.map(|n| n.seq), Some(1));
		let birchwood = pallet_veche_acts::Collections::<Runtime>::get(act.unit).unwrap();
		assert_ne!(birchwood, 0);
		assert_eq!(crate::Nfts::owner(birchwood, 2), Some(holder()));
		let message =
			crate::Acts::version_message(2, 0, &crate::Acts::version(2, 0).unwrap().content);
		let sign = |seed: &[u8; 32], context: &[u8]| {
			frame_support::BoundedVec::truncate_from(
				mldsa::sign_with_seed(seed, &message, context).unwrap().to_vec(),
			)
		};
		// A signature with another key, or of the key-registration context, is refused.
		assert_noop!(
			crate::Acts::sign(
				RuntimeOrigin::signed(bob.clone()),
				2,
				0,
				0,
				sign(&[7; 32], mldsa::ACT_CONTEXT)
			),
			pallet_veche_acts::Error::<Runtime>::BadSignature
		);
		assert_noop!(
			crate::Acts::sign(
				RuntimeOrigin::signed(bob.clone()),
				2,
				0,
				0,
				sign(&seed, mldsa::KEY_CONTEXT)
			),
			pallet_veche_acts::Error::<Runtime>::BadSignature
		);
		// A stranger's key cannot be registered for Bob's office.
		let stranger = acc(Sr25519Keyring::Ferdie);
		let public = mldsa::public_from_seed(&[9; 32]);
		let proof = mldsa::sign_with_seed(
			&[9; 32],
			&crate::Acts::key_message(&stranger, HEAD),
			mldsa::KEY_CONTEXT,
		)
		.unwrap();
		assert_noop!(
			crate::Acts::register_key(
				RuntimeOrigin::signed(stranger),
				HEAD,
				Box::new(public),
				frame_support::BoundedVec::truncate_from(proof.to_vec())
			),
			pallet_veche_acts::Error::<Runtime>::NotServing
		);
		assert_ok!(crate::Acts::sign(
			RuntimeOrigin::signed(acc(Sr25519Keyring::Alice)),
			2,
			0,
			0,
			sign(&seed, mldsa::ACT_CONTEXT)
		));
		let now = frame_system::Pallet::<Runtime>::block_number();
		assert_eq!(crate::Acts::state(2, now), Some(ActState::InForce));
		check_invariants();
	});
}

/// The registry keeps the offices it names: one that issued an act, or that a deadline is due
/// from, cannot leave the jurisdiction tree (found by the fuzzer: a removed office left a
/// deadline due from nobody). An office the registry never named can still be removed.
#[test]
fn an_office_the_registry_names_stays_in_the_tree() {
	use pallet_veche_acts::{ActKind, DeadlineKind};
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let birchwood = pallet_veche_jurisdictions::Offices::<Runtime>::get(HEAD).unwrap().unit;
		let add = |name: &[u8]| {
			let office = pallet_veche_jurisdictions::NextOfficeId::<Runtime>::get();
			assert_ok!(crate::Jurisdictions::add_office(
				RuntimeOrigin::root(),
				birchwood,
				name.to_vec().try_into().unwrap(),
				1
			));
			office
		};
		let (issuer, due_from, unnamed) = (add(b"Clerk"), add(b"Treasurer"), add(b"Warden"));
		let act = pallet_veche_acts::NextAct::<Runtime>::get();
		assert_ok!(crate::Acts::table(
			RuntimeOrigin::root(),
			issuer,
			ActKind::Resolution,
			b"On the clerk's hours".to_vec().try_into().unwrap(),
			[7; 32],
			Default::default()
		));
		assert_ok!(crate::Acts::set_deadline(
			RuntimeOrigin::root(),
			act,
			DeadlineKind::ResponseDue,
			due_from,
			100
		));
		for office in [issuer, due_from] {
			assert_noop!(
				crate::Jurisdictions::remove_office(RuntimeOrigin::root(), office),
				pallet_veche_jurisdictions::Error::<Runtime>::OfficeInUse
			);
		}
		assert_ok!(crate::Jurisdictions::remove_office(RuntimeOrigin::root(), unnamed));
		check_invariants();
	});
}

/// Version 1 → 2 of the registry's storage rebuilds each office's count from the stored acts and
/// deadlines, and runs once.
#[test]
fn the_registry_s_office_counts_are_rebuilt_by_the_migration() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let before: Vec<_> = pallet_veche_acts::OfficeUses::<Runtime>::iter().collect();
		// The demo's acts: the republic's constitution and budget, Birchwood's bill.
		assert!(!before.is_empty());
		assert_eq!(
			before.iter().map(|(_, n)| n).sum::<u32>(),
			pallet_veche_acts::NextAct::<Runtime>::get()
		);
		let _ = pallet_veche_acts::OfficeUses::<Runtime>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<crate::Acts>();
		pallet_veche_acts::migrations::v2::MigrateV1ToV2::<Runtime>::on_runtime_upgrade();
		let mut after: Vec<_> = pallet_veche_acts::OfficeUses::<Runtime>::iter().collect();
		let mut expected = before.clone();
		after.sort();
		expected.sort();
		assert_eq!(after, expected);
		assert_eq!(crate::Acts::on_chain_storage_version(), 2);
		// A second run finds version 2 and changes nothing.
		pallet_veche_acts::OfficeUses::<Runtime>::insert(HEAD, 99);
		pallet_veche_acts::migrations::v2::MigrateV1ToV2::<Runtime>::on_runtime_upgrade();
		assert_eq!(pallet_veche_acts::OfficeUses::<Runtime>::get(HEAD), 99);
	});
}
