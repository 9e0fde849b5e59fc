//! Juries as the runtime composes them: the demo's Birchwood bill decided by a jury of its
//! lawyers drawn from the real personhood rings, voting in the real ballots engine, its verdict
//! adopted by the real registry of acts (numbered, marked in `pallet-nfts`) — and nobody else
//! deciding the bill while the jury holds it.

use super::*;
use crate::{Acts, Ballots, Juries};
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{Authorize, Hooks, UnfilteredDispatchable},
	BoundedVec,
};
use pallet_veche_juries::{RandomnessSource, SummonsStatus};
use pallet_veche_personhood::crypto::{prover, Domain12};
use pallet_veche_primitives::{RingRef, RingSet};

/// The demo's Birchwood bill, its village and the legal qualification.
const BILL: u32 = 2;
const BIRCHWOOD: u32 = 3;
const LAWYERS: u16 = 1;

fn next_block() {
	let now = frame_system::Pallet::<Runtime>::block_number();
	Ballots::on_finalize(now);
	frame_system::Pallet::<Runtime>::set_block_number(now + 1);
}

fn run_to(n: u32) {
	while frame_system::Pallet::<Runtime>::block_number() < n {
		next_block();
	}
}

/// Demo person `n`'s proof of `set`'s ring (the revision in jury 0's roll), in its context.
fn proof(
	n: u8,
	set: RingSet,
	message: &[u8],
) -> (RingRef, BoundedVec<u8, frame_support::traits::ConstU32<1265>>) {
	let info = Juries::jury(0).unwrap();
	let (revision, members) = crate::Personhood::roll_ring(set, 0, info.roll).unwrap();
	let seed = crate::genesis_config_presets::demo_person_seed(n);
	let (proof, _) = prover::prove::<Domain12>(seed, &members, &info.context, message).unwrap();
	(RingRef { set, index: 0, revision }, BoundedVec::truncate_from(proof))
}

/// Submits an authorized call of juries as the pool and a block would.
fn submit(call: pallet_veche_juries::Call<Runtime>) {
	assert_ok!(call.authorize(TransactionSource::External).expect("authorized").map(|_| ()));
	assert_ok!(call.dispatch_bypass_filter(frame_system::RawOrigin::Authorized.into()));
}

fn alias(n: u8) -> [u8; 32] {
	let context = Juries::jury(0).unwrap().context;
	prover::alias(crate::genesis_config_presets::demo_person_seed(n), &context)
}

#[test]
fn a_jury_of_birchwood_lawyers_votes_its_bill_into_law_and_nobody_else_decides_it() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		civic::build_demo_rings();
		// The dev chain's relay chain is a mock: its genesis says so.
		assert_eq!(
			pallet_veche_juries::RandomnessSourceOf::<Runtime>::get(),
			RandomnessSource::Mock
		);
		assert_ok!(Juries::send_to_jury(RuntimeOrigin::root(), BILL, 3, Some(LAWYERS), 11, 10, 20));
		// While the jury holds the bill, governance neither adopts nor rejects it, and a jury's
		// origin for another act decides nothing here.
		assert_noop!(Acts::adopt(RuntimeOrigin::root(), BILL, 0, None), DispatchError::BadOrigin);
		assert_noop!(Acts::reject(RuntimeOrigin::root(), BILL), DispatchError::BadOrigin);
		let stranger: RuntimeOrigin = pallet_veche_juries::Origin::Jury { jury: 0, act: 1 }.into();
		assert_noop!(Acts::adopt(stranger, BILL, 0, None), DispatchError::BadOrigin);
		// Birchwood's four lawyers (demo persons 5–8) volunteer; person 3, a lawyer in Germany,
		// is outside the village.
		let message = pallet_veche_juries::enrol_message(0);
		for n in [5u8, 6, 7, 8, 3] {
			let home = if n <= 4 { 5 } else { BIRCHWOOD };
			let (ring, p) = proof(n, RingSet::Constituency(home), &message);
			let credential = Some(proof(n, RingSet::Credential(LAWYERS), &message));
			let call =
				pallet_veche_juries::Call::<Runtime>::enrol { jury: 0, ring, proof: p, credential };
			if n == 3 {
				assert!(call.authorize(TransactionSource::External).unwrap().is_err());
			} else {
				submit(call);
			}
		}
		assert_eq!(Juries::jury(0).unwrap().volunteers, 4);
		// Two relay epochs begin after the freeze.
		run_to(12);
		Juries::note_relay_epoch(1, [1; 32], 100);
		next_block();
		Juries::note_relay_epoch(2, [2; 32], 101);
		assert_ok!(Juries::draw(RuntimeOrigin::signed(acc(Sr25519Keyring::Ferdie)), 0, 10));
		let drawn: Vec<u8> = (5..=8u8)
			.filter(|n| pallet_veche_juries::Summonses::<Runtime>::get(0, alias(*n)).is_some())
			.collect();
		assert_eq!(drawn.len(), 3);
		for n in &drawn {
			let (ring, p) = proof(
				*n,
				RingSet::Constituency(BIRCHWOOD),
				&pallet_veche_juries::accept_message(0),
			);
			submit(pallet_veche_juries::Call::<Runtime>::accept { jury: 0, ring, proof: p });
			assert_eq!(
				pallet_veche_juries::Summonses::<Runtime>::get(0, alias(*n)).map(|s| s.status),
				Some(SummonsStatus::Seated)
			);
		}
		let pallet_veche_juries::JuryStage::Voting { poll } = Juries::jury(0).unwrap().stage else {
			panic!("the jury votes")
		};
		// Two jurors vote yes, one no; the ballots are anonymous and feeless.
		for (n, choice) in drawn.iter().zip([0u8, 0, 1]) {
			let choice = BoundedVec::truncate_from(vec![choice]);
			let message = pallet_veche_ballots::ballot_message(poll, &choice, 1);
			let (ring, p) = proof(*n, RingSet::Constituency(BIRCHWOOD), &message);
			let ballot = pallet_veche_ballots::Ballot {
				poll,
				choice,
				sequence: 1,
				ring,
				proof: p,
				credential: None,
			};
			assert_ok!(Ballots::cast(frame_system::RawOrigin::Authorized.into(), ballot));
		}
		next_block();
		let end = pallet_veche_ballots::Polls::<Runtime>::get(poll).unwrap().end;
		run_to(end);
		assert_ok!(Juries::conclude(RuntimeOrigin::signed(acc(Sr25519Keyring::Ferdie)), 0));
		// The bill is a law of Birchwood, numbered and marked in its collection.
		let act = Acts::act(BILL).unwrap();
		assert_eq!(act.kind, pallet_veche_acts::ActKind::Law);
		assert!(matches!(act.status, pallet_veche_acts::ActStatus::Adopted { .. }));
		assert!(act.number.is_some());
		let collection = pallet_veche_acts::Collections::<Runtime>::get(BIRCHWOOD).unwrap();
		assert!(crate::Nfts::owner(collection, BILL).is_some());
		// The jury no longer holds it: governance keeps the registry again (it may repeal).
		assert_eq!(pallet_veche_juries::JuryOfAct::<Runtime>::get(BILL), None);
		#[cfg(feature = "try-runtime")]
		{
			use frame_support::traits::{TryState, TryStateSelect};
			let now = frame_system::Pallet::<Runtime>::block_number();
			crate::AllPalletsWithSystem::try_state(now, TryStateSelect::All)
				.expect("invariants hold");
		}
	});
}

/// The goal, read from the measured weights: a draw of 1,000 jurors (whatever the pool:
/// a few reads per juror) with its quotas over the most strata fits one block's share of normal
/// transactions, in time and in proof size.
#[test]
fn a_draw_of_a_thousand_jurors_fits_one_block() {
	use frame_support::weights::Weight;
	use pallet_veche_juries::WeightInfo as _;
	type W = pallet_veche_juries::weights::SubstrateWeight<Runtime>;
	let draw: Weight = W::start_draw(256).saturating_add(W::draw(1_000));
	let limits = crate::RuntimeBlockWeights::get();
	let normal = limits
		.get(frame_support::dispatch::DispatchClass::Normal)
		.max_extrinsic
		.expect("normal transactions have a limit");
	assert!(draw.all_lte(normal), "draw {draw:?} over the normal limit {normal:?}");
	// Two enrolments' proofs (the batch of two) cost about as much as 1.5 acceptances'.
	assert!(W::authorize_enrol().ref_time() < 2 * W::authorize_accept().ref_time());
}
