//! The presets, the pallet-index map, storage versions and integrity tests.

use super::*;

#[test]
fn pallet_indices_match_the_documented_map() {
	use frame_support::traits::{PalletInfoAccess, PalletsInfoAccess};
	// The table in the crate doc, row by row.
	let map: &[(&str, usize, usize)] = &[
		("System", crate::System::index(), 0),
		("ParachainSystem", crate::ParachainSystem::index(), 1),
		("Timestamp", crate::Timestamp::index(), 2),
		("ParachainInfo", crate::ParachainInfo::index(), 3),
		("WeightReclaim", crate::WeightReclaim::index(), 4),
		("Utility", crate::Utility::index(), 5),
		("Multisig", crate::Multisig::index(), 6),
		("Proxy", crate::Proxy::index(), 7),
		("Balances", crate::Balances::index(), 10),
		("TransactionPayment", crate::TransactionPayment::index(), 11),
		("Nfts", crate::Nfts::index(), 12),
		("Authorship", crate::Authorship::index(), 20),
		("CollatorSelection", crate::CollatorSelection::index(), 21),
		("Session", crate::Session::index(), 22),
		("Aura", crate::Aura::index(), 23),
		("AuraExt", crate::AuraExt::index(), 24),
		("AuthorityDiscovery", crate::AuthorityDiscovery::index(), 25),
		("Jurisdictions", crate::Jurisdictions::index(), 30),
		("Personhood", crate::Personhood::index(), 31),
		("Ballots", crate::Ballots::index(), 32),
		("Elections", crate::Elections::index(), 33),
		("Promises", crate::Promises::index(), 34),
		("Ratings", crate::Ratings::index(), 35),
		("Recall", crate::Recall::index(), 36),
		("Juries", crate::Juries::index(), 37),
		("Acts", crate::Acts::index(), 38),
		("Trustees", crate::Trustees::index(), 39),
		("Consultations", crate::Consultations::index(), 70),
		("Council", crate::Council::index(), 40),
		("CouncilMembership", crate::CouncilMembership::index(), 41),
		("Commission", crate::Commission::index(), 42),
		("Referenda", crate::Referenda::index(), 43),
		("Origins", crate::Origins::index(), 44),
		("Scheduler", crate::Scheduler::index(), 45),
		("Preimage", crate::Preimage::index(), 46),
		("Identity", crate::Identity::index(), 47),
		("PeoplesReferenda", crate::PeoplesReferenda::index(), 48),
		("Sudo", crate::Sudo::index(), 59),
		("Credit", crate::Credit::index(), 60),
	];
	for (name, actual, documented) in map {
		assert_eq!(actual, documented, "{name} sits at {actual}, the crate doc says {documented}");
	}
	// Every pallet of the runtime is in the table.
	let infos = crate::AllPalletsWithSystem::infos();
	assert_eq!(infos.len(), map.len(), "a pallet is missing from the map");
}

/// A chain started from either preset records every Veche pallet's storage version, so that a
/// later upgrade's migrations know the layout they start from.
#[test]
fn genesis_records_each_veche_pallets_storage_version() {
	use frame_support::traits::{GetStorageVersion, StorageVersion};
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		preset_ext(preset).execute_with(|| {
			let one = StorageVersion::new(1);
			// Version 2 since offices answer for policy spheres: a new chain starts there, and
			// the v1 → v2 migration leaves it alone.
			let two = StorageVersion::new(2);
			assert_eq!(crate::Jurisdictions::on_chain_storage_version(), two);
			assert_eq!(crate::Jurisdictions::in_code_storage_version(), two);
			assert_eq!(crate::Personhood::on_chain_storage_version(), one);
			// Version 2 since an electorate may be an alias list (a jury's seated jurors).
			assert_eq!(crate::Ballots::on_chain_storage_version(), two);
			assert_eq!(crate::Ballots::in_code_storage_version(), two);
			// Version 2 since offices' rules gained primaries.
			assert_eq!(crate::Elections::on_chain_storage_version(), two);
			assert_eq!(crate::Elections::in_code_storage_version(), two);
			assert_eq!(crate::Promises::on_chain_storage_version(), one);
			assert_eq!(crate::Ratings::on_chain_storage_version(), one);
			assert_eq!(crate::Recall::on_chain_storage_version(), one);
			// Version 2 since the registry counts the offices it names.
			assert_eq!(crate::Acts::on_chain_storage_version(), two);
			assert_eq!(crate::Acts::in_code_storage_version(), two);
			assert_eq!(crate::Juries::on_chain_storage_version(), one);
			assert_eq!(crate::Credit::on_chain_storage_version(), one);
			assert_eq!(crate::Credit::in_code_storage_version(), one);
		});
	}
}

#[test]
fn pallets_pass_their_integrity_tests() {
	sp_io::TestExternalities::default().execute_with(|| {
		crate::AllPalletsWithSystem::integrity_test();
	});
}

#[test]
fn both_presets_are_offered() {
	let names = crate::genesis_config_presets::preset_names();
	assert!(names.contains(&DEV_RUNTIME_PRESET.into()));
	assert!(names.contains(&LOCAL_TESTNET_RUNTIME_PRESET.into()));
	assert!(crate::genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn development_preset_has_sudo_council_and_one_collator() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(acc(Sr25519Keyring::Alice)));
		let mut expected = vec![
			acc(Sr25519Keyring::Alice),
			acc(Sr25519Keyring::Bob),
			acc(Sr25519Keyring::Charlie),
		];
		expected.sort();
		assert_eq!(council(), expected);
		assert_eq!(pallet_collator_selection::Invulnerables::<Runtime>::get().len(), 1);
		assert_eq!(Balances::free_balance(acc(Sr25519Keyring::Dave)), 1_000_000 * UNIT);
		assert_ok!(council_and_commission_agree());
	});
}

#[test]
fn local_testnet_preset_has_no_sudo_and_two_collators() {
	preset_ext(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_eq!(pallet_collator_selection::Invulnerables::<Runtime>::get().len(), 2);
		assert_eq!(council().len(), 3);
		assert_ok!(council_and_commission_agree());
	});
}

/// The demo's two communities: members, funds, and credit lines both ways.
#[test]
fn the_demo_has_two_communities_with_credit_lines() {
	use pallet_veche_credit::{Accounts, Currencies, Role};
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let bwh = Currencies::<Runtime>::get(0).expect("Birchwood hour");
		let nvg = Currencies::<Runtime>::get(1).expect("Novgorod grivna");
		assert_eq!((bwh.symbol.to_vec(), nvg.symbol.to_vec()), (b"BWH".to_vec(), b"NVG".to_vec()));
		assert_eq!((bwh.members, nvg.members), (4, 4));
		assert_eq!((bwh.lines, nvg.lines), (1, 1));
		let line = crate::Credit::clearing_account(1, 0);
		assert_eq!(
			Accounts::<Runtime>::get(1, line).map(|a| (a.role, a.limit)),
			Some((Role::Clearing { partner: 0 }, 1_000_000 * pallet_veche_credit::FINE_PER_UNIT))
		);
		for currency in [0, 1] {
			let sum: i128 =
				Accounts::<Runtime>::iter_prefix(currency).filter_map(|(_, a)| a.net()).sum();
			assert_eq!(sum, 0, "currency {currency} is zero-sum");
		}
	});
}

#[test]
fn the_demo_opens_the_birchwood_council_election_and_schedules_the_parliament() {
	use pallet_veche_elections::{Method, Stage};
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		preset_ext(preset).execute_with(|| {
			let council = pallet_veche_elections::Running::<Runtime>::get(3).expect("an election");
			let info = pallet_veche_elections::Elections::<Runtime>::get(council).unwrap();
			assert_eq!((info.stage, info.seats, info.candidates), (Stage::Nomination, 7, 2));
			assert_eq!(info.method, Method::Approval);
			let candidates = pallet_veche_elections::Options::<Runtime>::get(council);
			assert_eq!(
				candidates.to_vec(),
				vec![acc(Sr25519Keyring::Charlie), acc(Sr25519Keyring::Ferdie)]
			);
			// Their deposits are held.
			let reason = crate::RuntimeHoldReason::Elections(
				pallet_veche_elections::HoldReason::ElectionDeposit,
			);
			use frame_support::traits::fungible::InspectHold;
			assert_eq!(
				Balances::balance_on_hold(&reason, &acc(Sr25519Keyring::Ferdie)),
				crate::configs::elections::CandidacyDeposit::get()
			);
			let parliament = pallet_veche_elections::Running::<Runtime>::get(0).expect("scheduled");
			let info = pallet_veche_elections::Elections::<Runtime>::get(parliament).unwrap();
			assert_eq!(info.seats, 150);
			assert!(
				matches!(info.method, Method::PartyList(ref l) if l.constituencies.to_vec() == vec![5, 6, 7])
			);
		});
	}
}

/// polkadot.js (`@polkadot/types`) refuses a fixed-size array longer than 2,048 elements and then
/// loads no metadata at all: every page of polkadot.js apps would fail on this chain. (An ML-DSA
/// signature stored as `[u8; 3309]` did exactly that; it is a bounded vector now.)
#[test]
fn polkadot_js_can_read_every_type_of_the_metadata() {
	use frame_support::__private::{metadata::RuntimeMetadata, scale_info::TypeDef};
	let metadata = sp_io::TestExternalities::default().execute_with(crate::Runtime::metadata);
	let RuntimeMetadata::V14(metadata) = metadata.1 else { panic!("metadata V14") };
	let too_long: Vec<_> = metadata
		.types
		.types
		.iter()
		.filter_map(|t| match &t.ty.type_def {
			TypeDef::Array(a) if a.len > 2048 => Some((t.id, a.len)),
			_ => None,
		})
		.collect();
	assert_eq!(too_long, vec![], "arrays polkadot.js cannot decode: (type id, length)");
}
