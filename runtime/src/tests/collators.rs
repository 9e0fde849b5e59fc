//! Collators: authority discovery, sessions, candidates.

use super::*;

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
