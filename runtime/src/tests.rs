//! Tests of the runtime's own glue: presets, governance wiring, identity judgement, proxies.

use crate::{
	configs::identity::IdentityJudgement,
	configs::proxy::ProxyType,
	governance::{council_and_commission_agree, origins, tracks, CouncilInstance},
	AccountId, Balances, Commission, CouncilMembership, Identity, Runtime, RuntimeCall,
	RuntimeGenesisConfig, RuntimeOrigin, UNIT,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{InstanceFilter, IntegrityTest},
};
use pallet_referenda::TracksInfo as _;
use pallet_veche_primitives::IdentityJudge;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{BlakeTwo256, Hash as _},
	BuildStorage, DispatchError, MultiAddress,
};

/// Externalities holding the genesis state of the named preset.
fn preset_ext(preset: &str) -> sp_io::TestExternalities {
	let patch = crate::genesis_config_presets::get_preset(&preset.into()).expect("preset exists");
	let mut json = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializable");
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("valid json");
	merge(&mut json, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(json).expect("patch fits config");
	let mut ext: sp_io::TestExternalities = config.build_storage().expect("genesis builds").into();
	ext.execute_with(|| frame_system::Pallet::<Runtime>::set_block_number(1));
	ext
}

fn merge(a: &mut serde_json::Value, b: serde_json::Value) {
	match (a, b) {
		(serde_json::Value::Object(a), serde_json::Value::Object(b)) => {
			for (k, v) in b {
				merge(a.entry(k).or_insert(serde_json::Value::Null), v);
			}
		},
		(a, b) => *a = b,
	}
}

fn acc(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

fn council() -> Vec<AccountId> {
	pallet_collective::Members::<Runtime, CouncilInstance>::get()
}

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
		("Authorship", crate::Authorship::index(), 20),
		("CollatorSelection", crate::CollatorSelection::index(), 21),
		("Session", crate::Session::index(), 22),
		("Aura", crate::Aura::index(), 23),
		("AuraExt", crate::AuraExt::index(), 24),
		("AuthorityDiscovery", crate::AuthorityDiscovery::index(), 25),
		("Jurisdictions", crate::Jurisdictions::index(), 30),
		("Personhood", crate::Personhood::index(), 31),
		("Ballots", crate::Ballots::index(), 32),
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
			assert_eq!(crate::Jurisdictions::on_chain_storage_version(), one);
			assert_eq!(crate::Personhood::on_chain_storage_version(), one);
			assert_eq!(crate::Ballots::on_chain_storage_version(), one);
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

/// Collator discovery pairs each collator with its neighbours in the authoring order, so the
/// runtime must report authority-discovery keys in exactly the order of the Aura authorities.
#[test]
fn authority_discovery_keys_follow_the_aura_authoring_order() {
	preset_ext(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let aura: Vec<[u8; 32]> = pallet_aura::Authorities::<Runtime>::get()
			.iter()
			.map(|k| k.clone().into_inner().0)
			.collect();
		let discovery: Vec<[u8; 32]> =
			<Runtime as sp_authority_discovery::runtime_decl_for_authority_discovery_api::AuthorityDiscoveryApiV1<crate::Block>>::authorities()
				.into_iter()
				.map(|k| k.into_inner().0)
				.collect();
		assert_eq!(aura.len(), 2);
		// The presets use one sr25519 key per collator for both roles.
		assert_eq!(discovery, aura);
	});
}

#[test]
fn council_membership_changes_reach_the_commission_roll() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = acc(Sr25519Keyring::Dave);
		assert!(!pallet_ranked_collective::Members::<Runtime>::contains_key(&dave));

		assert_ok!(CouncilMembership::add_member(
			RuntimeOrigin::root(),
			MultiAddress::Id(dave.clone())
		));
		assert!(council().contains(&dave));
		assert!(pallet_ranked_collective::Members::<Runtime>::contains_key(&dave));
		assert_ok!(council_and_commission_agree());

		let bob = acc(Sr25519Keyring::Bob);
		assert_ok!(CouncilMembership::swap_member(
			RuntimeOrigin::root(),
			MultiAddress::Id(bob.clone()),
			MultiAddress::Id(acc(Sr25519Keyring::Eve)),
		));
		assert!(!pallet_ranked_collective::Members::<Runtime>::contains_key(&bob));
		assert_ok!(council_and_commission_agree());

		assert_ok!(CouncilMembership::remove_member(
			RuntimeOrigin::root(),
			MultiAddress::Id(dave.clone())
		));
		assert!(!council().contains(&dave));
		assert!(!pallet_ranked_collective::Members::<Runtime>::contains_key(&dave));
		assert_ok!(council_and_commission_agree());
	});
}

#[test]
fn a_citizen_cannot_change_the_council() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = acc(Sr25519Keyring::Dave);
		assert_noop!(
			CouncilMembership::add_member(
				RuntimeOrigin::signed(dave.clone()),
				MultiAddress::Id(dave.clone())
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_commission_roll_cannot_be_changed_directly() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = acc(Sr25519Keyring::Dave);
		assert_noop!(
			Commission::add_member(RuntimeOrigin::root(), MultiAddress::Id(dave)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Commission::remove_member(
				RuntimeOrigin::root(),
				MultiAddress::Id(acc(Sr25519Keyring::Alice)),
				0
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn tracks_are_sorted_and_map_origins() {
	assert_ok!(tracks::TracksInfo::check_integrity());
	let root = crate::OriginCaller::system(frame_system::RawOrigin::Root);
	let commission = crate::OriginCaller::Origins(origins::Origin::Commission);
	let signed =
		crate::OriginCaller::system(frame_system::RawOrigin::Signed(acc(Sr25519Keyring::Dave)));
	assert_eq!(tracks::TracksInfo::track_for(&root), Ok(tracks::ROOT));
	assert_eq!(tracks::TracksInfo::track_for(&commission), Ok(tracks::COMMISSION));
	assert_eq!(tracks::TracksInfo::track_for(&signed), Err(()));
	let names: Vec<_> = tracks::TracksInfo::tracks().map(|t| t.info.name).collect();
	assert_eq!(names.len(), 2);
	assert_eq!(&names[0][..4], b"root");
	assert_eq!(&names[1][..10], b"commission");
}

#[test]
fn identity_judgement_needs_a_positive_and_no_negative_verdict() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let registrar = acc(Sr25519Keyring::Ferdie);
		let second = acc(Sr25519Keyring::Eve);
		let official = acc(Sr25519Keyring::Dave);
		assert!(!IdentityJudgement::is_identified(&official));

		assert_ok!(Identity::add_registrar(
			RuntimeOrigin::root(),
			MultiAddress::Id(registrar.clone())
		));
		assert_ok!(Identity::add_registrar(
			RuntimeOrigin::root(),
			MultiAddress::Id(second.clone())
		));
		let info = pallet_identity::legacy::IdentityInfo {
			display: pallet_identity::Data::Raw(b"Mayor Dave".to_vec().try_into().unwrap()),
			..Default::default()
		};
		assert_ok!(Identity::set_identity(RuntimeOrigin::signed(official.clone()), Box::new(info)));
		// An identity without any judgement does not qualify.
		assert!(!IdentityJudgement::is_identified(&official));

		let registration = pallet_identity::IdentityOf::<Runtime>::get(&official).unwrap();
		let hash = BlakeTwo256::hash_of(&registration.info);
		let judge = |who: &AccountId, index: u32, j| {
			Identity::provide_judgement(
				RuntimeOrigin::signed(who.clone()),
				index,
				MultiAddress::Id(official.clone()),
				j,
				hash,
			)
		};
		assert_ok!(judge(&registrar, 0, pallet_identity::Judgement::Reasonable));
		assert!(IdentityJudgement::is_identified(&official));

		assert_ok!(judge(&second, 1, pallet_identity::Judgement::Erroneous));
		assert!(!IdentityJudgement::is_identified(&official));
	});
}

#[test]
fn proxies_are_limited_to_their_type() {
	let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
		dest: MultiAddress::Id(acc(Sr25519Keyring::Bob)),
		value: 1,
	});
	let vote = RuntimeCall::Council(pallet_collective::Call::vote {
		proposal: Default::default(),
		index: 0,
		approve: true,
	});
	assert!(ProxyType::Any.filter(&transfer));
	assert!(!ProxyType::NonTransfer.filter(&transfer));
	assert!(ProxyType::NonTransfer.filter(&vote));
	assert!(ProxyType::Governance.filter(&vote));
	assert!(!ProxyType::Governance.filter(&transfer));
	assert!(!ProxyType::CancelProxy.filter(&vote));
	assert!(ProxyType::Any.is_superset(&ProxyType::Governance));
	assert!(!ProxyType::Governance.is_superset(&ProxyType::Any));
	assert!(!ProxyType::CancelProxy.is_superset(&ProxyType::NonTransfer));
}

#[test]
fn a_fee_is_charged_for_the_base_weight() {
	use frame_support::weights::{constants::ExtrinsicBaseWeight, WeightToFee as _};
	let fee = crate::WeightToFee::weight_to_fee(&ExtrinsicBaseWeight::get());
	// The polynomial maps the base extrinsic weight to ~1 milli-VEC (rounding down).
	assert!(fee <= crate::MILLI_UNIT && fee > crate::MILLI_UNIT * 99 / 100, "fee = {fee}");
}

/// A build people run has six-hour sessions; only the test-network build (`fast-runtime`)
/// shortens them, and the zombienet tier relies on that shortening.
#[test]
fn sessions_are_six_hours_unless_built_for_a_test_network() {
	let expected = if cfg!(feature = "fast-runtime") { crate::MINUTES } else { 6 * crate::HOURS };
	assert_eq!(crate::configs::session::Period::get(), expected);
	assert_eq!(
		<Runtime as pallet_collator_selection::Config>::KickThreshold::get(),
		expected,
		"a candidate is judged over one whole session"
	);
}

/// A citizen who registers session keys (with their proof of possession) and a candidacy is
/// planned into the collator set beside the invulnerables. With no desired candidates the
/// candidacy would be accepted but never collate.
#[test]
fn a_registered_candidate_is_planned_into_the_collator_set() {
	use codec::Encode;
	use pallet_session::SessionManager;
	let mut ext = preset_ext(LOCAL_TESTNET_RUNTIME_PRESET);
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| {
		assert!(pallet_collator_selection::DesiredCandidates::<Runtime>::get() > 0);
		let dave = acc(Sr25519Keyring::Dave);
		let generated = crate::SessionKeys::generate(&dave.encode(), None);
		// A proof made for another account does not prove possession for Dave.
		let foreign = crate::SessionKeys::generate(&acc(Sr25519Keyring::Eve).encode(), None);
		assert_noop!(
			crate::Session::set_keys(
				RuntimeOrigin::signed(dave.clone()),
				foreign.keys,
				foreign.proof.encode()
			),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		assert_ok!(crate::Session::set_keys(
			RuntimeOrigin::signed(dave.clone()),
			generated.keys,
			generated.proof.encode()
		));
		assert_ok!(crate::CollatorSelection::register_as_candidate(RuntimeOrigin::signed(
			dave.clone()
		)));
		let planned = <crate::CollatorSelection as SessionManager<AccountId>>::new_session(2)
			.expect("collator-selection always plans a set");
		assert!(planned.contains(&dave), "the candidate is planned: {planned:?}");
		assert!(planned.contains(&acc(Sr25519Keyring::Alice)));
		assert!(planned.contains(&acc(Sr25519Keyring::Bob)));
	});
}

/// The demo: the jurisdiction tree with three diaspora constituencies, Dave accredited, and the
/// eight demo persons' keys admitted into rings, which are built once the chunks are uploaded.
#[test]
fn the_demo_persons_can_prove_personhood_at_genesis() {
	use crate::genesis_config_presets::demo_person_seed;
	use pallet_veche_personhood::{crypto::Domain12, RingMembers, RingRoots};
	use pallet_veche_primitives::{
		JurisdictionInspect, PersonhoodVerifier, ProofError, RingRef, RingSet, UnitKind,
	};
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let diaspora: Vec<_> = crate::Jurisdictions::children(Some(0))
			.into_iter()
			.filter(|(_, u)| u.kind == UnitKind::DiasporaConstituency)
			.collect();
		assert_eq!(diaspora.len(), 3);
		assert!(crate::Jurisdictions::is_within(3, 0));
		assert!(pallet_veche_personhood::Registrars::<Runtime>::contains_key(acc(
			Sr25519Keyring::Dave
		)));
		let germany = RingSet::Constituency(5);
		// Admitted at genesis; built once anybody uploads the static chunks (3 pages).
		assert_eq!(RingMembers::<Runtime>::get(germany, 0).unwrap().len(), 4);
		assert!(RingRoots::<Runtime>::get(germany, 0).is_none());
		assert_eq!(crate::Personhood::chunk_pages().len(), 3);
		build_demo_rings();
		let root = RingRoots::<Runtime>::get(germany, 0).expect("the ring is built");
		assert_eq!((root.revision, root.members), (1, 4));
		let members = RingMembers::<Runtime>::get(germany, 0).unwrap();
		let context = [1u8; 32];
		let (proof, alias) = pallet_veche_personhood::crypto::prover::prove::<Domain12>(
			demo_person_seed(2),
			&members,
			&context,
			b"hello",
		)
		.unwrap();
		let ring = RingRef { set: germany, index: 0, revision: 1 };
		let roll = pallet_veche_personhood::RollClock::<Runtime>::get();
		let proven = crate::Personhood::verify(&proof, &ring, roll, &context, b"hello").unwrap();
		assert_eq!((proven.alias, proven.set), (alias, germany));
		assert_eq!(
			crate::Personhood::verify(
				&proof,
				&RingRef { revision: 2, ..ring },
				roll,
				&context,
				b"hello"
			),
			Err(ProofError::NotInRoll)
		);
		// Birchwood's ring and the civic-literacy class ring exist too.
		assert_eq!(RingRoots::<Runtime>::get(RingSet::Constituency(3), 0).unwrap().members, 4);
		assert_eq!(RingRoots::<Runtime>::get(RingSet::Credential(0), 0).unwrap().members, 4);
	});
}

/// Uploads the static chunks as `veche-client upload-chunks` does, and builds every ring.
fn build_demo_rings() {
	let ferdie = RuntimeOrigin::signed(acc(Sr25519Keyring::Ferdie));
	for (page, chunks) in crate::Personhood::chunk_pages().into_iter().enumerate() {
		assert_ok!(crate::Personhood::upload_chunks(ferdie.clone(), page as u32, chunks));
	}
	while let Some((set, index)) =
		pallet_veche_personhood::PendingBuilds::<Runtime>::iter_keys().next()
	{
		assert_ok!(crate::Personhood::build_ring(ferdie.clone(), set, index));
	}
}

/// Demo person `person`'s first ballot in `poll`, marking `choice`, proven over ring 0 of
/// `constituency` as stored now; with the alias it yields.
fn demo_ballot(
	person: u8,
	constituency: u32,
	poll: u32,
	choice: u8,
) -> (pallet_veche_ballots::Ballot, [u8; 32]) {
	use frame_support::BoundedVec;
	use pallet_veche_personhood::{crypto::Domain12, RingMembers, RingRoots};
	use pallet_veche_primitives::{RingRef, RingSet};
	let set = RingSet::Constituency(constituency);
	let members = RingMembers::<Runtime>::get(set, 0).unwrap();
	let revision = RingRoots::<Runtime>::get(set, 0).unwrap().revision;
	let context = pallet_veche_ballots::Polls::<Runtime>::get(poll).unwrap().context;
	let choice = BoundedVec::truncate_from(vec![choice]);
	let message = pallet_veche_ballots::ballot_message(poll, &choice, 1);
	let (proof, alias) = pallet_veche_personhood::crypto::prover::prove::<Domain12>(
		crate::genesis_config_presets::demo_person_seed(person),
		&members,
		&context,
		&message,
	)
	.unwrap();
	let ballot = pallet_veche_ballots::Ballot {
		poll,
		choice,
		sequence: 1,
		ring: RingRef { set, index: 0, revision },
		proof: BoundedVec::truncate_from(proof),
		credential: None,
	};
	(ballot, alias)
}

/// The transaction extensions of a transaction with nonce `nonce` (0 for a general transaction
/// with no signer), immortal, with no tip.
fn extensions(nonce: u32) -> crate::TxExtension {
	cumulus_pallet_weight_reclaim::StorageWeightReclaim::new((
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(sp_runtime::generic::Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_veche_credit::FeelessCredit::from(
			pallet_transaction_payment::ChargeTransactionPayment::from(0),
		),
	))
}

/// A demo person casts an anonymous ballot as a general transaction: the pool's validation checks
/// the proof, applying it queues the ballot without a fee, and the end of the block records it.
/// A general transaction whose call does not authorize itself is refused.
#[test]
fn a_demo_person_votes_with_a_feeless_anonymous_transaction() {
	use crate::{Ballots, Executive, UncheckedExtrinsic};
	use frame_support::{traits::Hooks, BoundedVec};
	use pallet_veche_ballots::{Electorate, PollKind};
	use sp_runtime::transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError,
	};
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		build_demo_rings();
		let electorate = Electorate {
			units: BoundedVec::truncate_from(vec![0]),
			base_weight: 1,
			class_weights: BoundedVec::new(),
		};
		assert_ok!(Ballots::create_poll(RuntimeOrigin::root(), PollKind::YesNo, electorate, 1, 50));
		let poll = pallet_veche_ballots::NextPollId::<Runtime>::get() - 1;
		let (ballot, alias) = demo_ballot(2, 5, poll, 0);
		let call = RuntimeCall::Ballots(pallet_veche_ballots::Call::cast { ballot });
		let xt = UncheckedExtrinsic::new_transaction(call, extensions(0));
		let parent = frame_system::Pallet::<Runtime>::parent_hash();
		let valid =
			Executive::validate_transaction(TransactionSource::External, xt.clone(), parent)
				.expect("the pool accepts the ballot");
		assert_eq!(valid.provides.len(), 1);
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		assert_ok!(Executive::apply_extrinsic(xt).expect("the block accepts the ballot"));
		Ballots::on_finalize(frame_system::Pallet::<Runtime>::block_number());
		let stored = Ballots::ballot_of(poll, alias).expect("recorded under the voter's alias");
		assert_eq!((stored.territory, stored.weight), (5, 1));
		assert_eq!(
			pallet_balances::TotalIssuance::<Runtime>::get(),
			issuance,
			"no fee was charged"
		);
		// A general transaction for a call that does not authorize itself has no origin.
		let remark = UncheckedExtrinsic::new_transaction(
			RuntimeCall::System(frame_system::Call::remark { remark: vec![1] }),
			extensions(0),
		);
		assert_eq!(
			Executive::validate_transaction(TransactionSource::External, remark, parent),
			Err(TransactionValidityError::Invalid(InvalidTransaction::UnknownOrigin))
		);
	});
}

/// A people's referendum: submitted on the people's track, its poll opened by anyone, demo
/// persons of two constituencies vote anonymously, and the referendum's tally follows.
#[test]
fn a_peoples_referendum_is_tallied_from_anonymous_ballots() {
	use crate::{Ballots, PeoplesReferenda};
	use frame_support::{
		traits::{Bounded, Hooks, Polling},
		BoundedVec,
	};
	use pallet_veche_ballots::PeopleTally;
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		build_demo_rings();
		let alice = RuntimeOrigin::signed(acc(Sr25519Keyring::Alice));
		// The people rename Birchwood (a call the commission could make, so the people can too).
		let call = RuntimeCall::Jurisdictions(pallet_veche_jurisdictions::Call::rename_unit {
			unit: 3,
			name: b"Birchwood Town".to_vec().try_into().unwrap(),
		});
		let proposal = Bounded::Inline(BoundedVec::truncate_from(codec::Encode::encode(&call)));
		let people: crate::OriginCaller = crate::governance::origins::Origin::People.into();
		assert_ok!(PeoplesReferenda::submit(
			alice.clone(),
			Box::new(people),
			proposal,
			frame_support::traits::schedule::DispatchTime::After(1),
		));
		assert_ok!(PeoplesReferenda::place_decision_deposit(alice.clone(), 0));
		assert_ok!(Ballots::open_referendum(alice, 0));
		let poll = pallet_veche_ballots::ReferendumPolls::<Runtime>::get(0).unwrap();
		// Demo persons 1, 2 (Germany) and 5 (Birchwood) vote yes, 6 (Birchwood) no.
		let now = frame_system::Pallet::<Runtime>::block_number();
		for (person, constituency, choice) in [(1u8, 5, 0u8), (2, 5, 0), (5, 3, 0), (6, 3, 1)] {
			let (ballot, _) = demo_ballot(person, constituency, poll, choice);
			assert_ok!(Ballots::cast(frame_system::RawOrigin::Authorized.into(), ballot));
		}
		Ballots::on_finalize(now);
		let (tally, track) = PeoplesReferenda::as_ongoing(0).expect("being decided");
		assert_eq!(track, crate::governance::tracks::PEOPLE);
		let registered = pallet_veche_personhood::PersonCount::<Runtime>::get();
		assert_eq!(
			tally,
			PeopleTally { ayes: 3, nays: 1, turnout: 4, electorate: registered.into() }
		);
		// The commission's origin and the people's are both governance for Veche's pallets.
		use frame_support::traits::EnsureOrigin;
		let as_people: RuntimeOrigin = crate::governance::origins::Origin::People.into();
		assert!(crate::governance::CommissionOrRoot::try_origin(as_people).is_ok());
	});
}

/// Personhood tells the tree which constituencies are in use: those cannot be removed.
#[test]
fn a_constituency_with_registered_persons_cannot_be_removed() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		// Germany's constituency loses its office, but its registered persons keep it in use.
		assert_ok!(crate::Jurisdictions::remove_office(RuntimeOrigin::root(), 4));
		assert_noop!(
			crate::Jurisdictions::remove_unit(RuntimeOrigin::root(), 5),
			pallet_veche_jurisdictions::Error::<Runtime>::UnitInUse
		);
		// Georgia's constituency has nobody registered yet.
		assert_ok!(crate::Jurisdictions::remove_office(RuntimeOrigin::root(), 6));
		assert_ok!(crate::Jurisdictions::remove_unit(RuntimeOrigin::root(), 7));
	});
}

/// Registrars need a positive identity judgement when governance accredits them.
#[test]
fn only_an_identified_account_can_be_accredited_as_registrar() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let ferdie = acc(Sr25519Keyring::Ferdie);
		assert_noop!(
			crate::Personhood::accredit_registrar(
				RuntimeOrigin::root(),
				ferdie.clone().into(),
				vec![5].try_into().unwrap()
			),
			pallet_veche_personhood::Error::<Runtime>::NotIdentified
		);
		assert_noop!(
			crate::Personhood::accredit_registrar(
				RuntimeOrigin::signed(ferdie.clone()),
				ferdie.into(),
				vec![5].try_into().unwrap()
			),
			DispatchError::BadOrigin
		);
	});
}

/// A signed transaction of `who` (a dev derivation such as `//Anna`) with nonce `nonce`.
fn signed_by(who: &str, nonce: u32, call: RuntimeCall) -> crate::UncheckedExtrinsic {
	use sp_core::Pair as _;
	let pair = sp_core::sr25519::Pair::from_string(who, None).expect("a dev derivation");
	let extensions = extensions(nonce);
	let payload = sp_runtime::generic::SignedPayload::new(call.clone(), extensions.clone())
		.expect("implicit data is available");
	let signature = codec::Encode::using_encoded(&payload, |bytes| pair.sign(bytes));
	let signer: AccountId = pair.public().into();
	crate::UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(signer),
		sp_runtime::MultiSignature::Sr25519(signature),
		extensions,
	)
}

/// Anna, a Birchwood member of the demo who holds no native token, pays Bob and pays Boris in
/// Novgorod in signed transactions that charge no fee; the same payment from an account that is
/// no member is refused by the pool (it cannot pay the fee), and so is one from a member whose
/// feeless allowance for the hour is used up.
#[test]
fn a_member_without_native_tokens_pays_without_a_fee() {
	use crate::{genesis_config_presets::ANNA, Credit, Executive};
	use pallet_veche_credit::{Accounts, Call as CreditCall, FINE_PER_UNIT};
	use sp_runtime::transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError,
	};
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(1_700_000_000_000);
		let anna = AccountId::from(ANNA);
		let bob = acc(Sr25519Keyring::Bob);
		assert_eq!(Balances::free_balance(&anna), 0);
		let parent = frame_system::Pallet::<Runtime>::parent_hash();
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		let pay_bob = |amount| {
			RuntimeCall::Credit(CreditCall::transfer {
				currency: 0,
				to: bob.clone().into(),
				amount,
			})
		};

		let xt = signed_by("//Anna", 0, pay_bob(12_00));
		assert_ok!(Executive::validate_transaction(
			TransactionSource::External,
			xt.clone(),
			parent
		));
		assert_ok!(Executive::apply_extrinsic(xt).expect("the block takes it"));
		let fine = (12_00 * FINE_PER_UNIT) as i128;
		assert_eq!(Accounts::<Runtime>::get(0, &anna).map(|a| a.balance), Some(-fine));
		assert_eq!(Accounts::<Runtime>::get(0, &bob).map(|a| a.balance), Some(fine));

		let boris = AccountId::from(crate::genesis_config_presets::BORIS);
		let across = RuntimeCall::Credit(CreditCall::pay_across {
			currency: 0,
			to_currency: 1,
			to: boris.clone().into(),
			amount: 4_000,
		});
		assert_ok!(Executive::apply_extrinsic(signed_by("//Anna", 1, across)).expect("applied"));
		assert_eq!(
			Accounts::<Runtime>::get(1, &boris).map(|a| a.balance),
			Some((4_000 * FINE_PER_UNIT) as i128)
		);
		assert_eq!(Balances::free_balance(&anna), 0);
		assert_eq!(
			pallet_balances::TotalIssuance::<Runtime>::get(),
			issuance,
			"no fee was charged"
		);

		// Not a member: the transaction must pay, and the account has nothing.
		let stranger = signed_by("//Stranger", 0, pay_bob(1));
		assert_eq!(
			Executive::validate_transaction(TransactionSource::External, stranger, parent),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);

		// Anna's allowance: 100 an hour; two are used.
		pallet_veche_credit::Accounts::<Runtime>::mutate(0, &anna, |a| {
			if let Some(a) = a {
				a.feeless.used = 100;
			}
		});
		let over = signed_by("//Anna", 2, pay_bob(1));
		assert_eq!(
			Executive::validate_transaction(TransactionSource::External, over, parent),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		assert!(Credit::account(0, anna, None).is_some_and(|v| v.spendable > 0));
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
