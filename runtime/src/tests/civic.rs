//! Personhood, ballots and people's referenda as the runtime composes them.

use super::*;

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
pub(super) fn build_demo_rings() {
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
			aliases: None,
		};
		assert_ok!(Ballots::create_poll(RuntimeOrigin::root(), PollKind::YesNo, electorate, 1, 50));
		let poll = pallet_veche_ballots::NextPollId::<Runtime>::get() - 1;
		let (ballot, alias) = demo_ballot(2, 5, poll, 0);
		let call = RuntimeCall::Ballots(pallet_veche_ballots::Call::cast { ballot });
		let xt = UncheckedExtrinsic::new_transaction(call, crate::immortal_extensions(0));
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
			crate::immortal_extensions(0),
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

/// The people change the chain's own rules without the commission: a referendum on the people's
/// root track, decided by anonymous ballots, authorizes a runtime upgrade. The `People` origin of
/// the ordinary people's track cannot.
#[test]
fn the_people_authorize_a_runtime_upgrade_on_their_root_track() {
	use crate::{Ballots, PeoplesReferenda, Scheduler, System};
	use frame_support::{
		traits::{schedule::DispatchTime, Bounded, Hooks, Polling},
		BoundedVec,
	};
	use pallet_referenda::TracksInfo as _;
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		build_demo_rings();
		let alice = RuntimeOrigin::signed(acc(Sr25519Keyring::Alice));
		let code_hash = sp_core::H256::repeat_byte(7);
		let as_people: RuntimeOrigin = crate::governance::origins::Origin::People.into();
		assert_noop!(System::authorize_upgrade(as_people, code_hash), DispatchError::BadOrigin);
		let call = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		let proposal = Bounded::Inline(BoundedVec::truncate_from(codec::Encode::encode(&call)));
		let root = crate::OriginCaller::system(frame_system::RawOrigin::Root);
		assert_ok!(PeoplesReferenda::submit(
			alice.clone(),
			Box::new(root),
			proposal,
			DispatchTime::After(1),
		));
		assert_ok!(PeoplesReferenda::place_decision_deposit(alice.clone(), 0));
		assert_ok!(Ballots::open_referendum(alice, 0));
		let poll = pallet_veche_ballots::ReferendumPolls::<Runtime>::get(0).unwrap();
		// Four of the eight demo persons vote aye: half the roll, all for it.
		let now = System::block_number();
		for (person, constituency) in [(1u8, 5), (2, 5), (5, 3), (6, 3)] {
			let (ballot, _) = demo_ballot(person, constituency, poll, 0);
			assert_ok!(Ballots::cast(frame_system::RawOrigin::Authorized.into(), ballot));
		}
		Ballots::on_finalize(now);
		let (_, track) = PeoplesReferenda::as_ongoing(0).expect("being decided");
		assert_eq!(track, crate::governance::tracks::PEOPLE_ROOT);
		// Preparation, confirmation and enactment: the scheduler drives the referendum.
		let mut n = now;
		while System::authorized_upgrade().is_none() && n < now + 3 * crate::DAYS {
			n += 1;
			System::set_block_number(n);
			Scheduler::on_initialize(n);
		}
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime, crate::governance::PeopleInstance>::get(
				0
			),
			Some(pallet_referenda::ReferendumInfo::Approved(..))
		));
		System::assert_has_event(
			frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
		);
		// Prepared, confirmed, then enacted: the track's three periods, and a few blocks more.
		let info = crate::governance::tracks::PeopleTracksInfo::info(track).unwrap();
		let periods = info.prepare_period + info.confirm_period + info.min_enactment_period;
		assert!(n - now >= periods && n - now <= periods + 5, "{} blocks", n - now);
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
