//! The draw: relay randomness that became known only after the freeze, quotas by registered
//! persons, a lazy Fisher–Yates permutation per stratum, chunks, and recomputation from the
//! stored seed.

use super::*;

/// A jury of 3 lawyers with volunteers 1–4 (town 2: 6 persons) and 7–8 (town 3: 3 persons).
fn pool_of_six() -> JuryId {
	let jury = send(3, true);
	enrol_all(jury, &[1, 2, 3, 4, 7, 8]);
	jury
}

/// The persons the draw must summon: recomputed from the seed and the pool's order alone.
fn expected(jury: JuryId) -> Vec<u8> {
	let draw = Juries::jury(jury).unwrap().draw.unwrap();
	let seed = sortition::seed(jury, draw.relay.epoch, &draw.relay.randomness);
	assert_eq!(seed, draw.seed);
	let town = [1u8, 2, 3, 4];
	let other = [7u8, 8];
	let mut who: Vec<u8> = sortition::permutation_prefix(&seed, TOWN, 4, 2)
		.into_iter()
		.map(|p| town[p as usize])
		.chain(
			sortition::permutation_prefix(&seed, OTHER_TOWN, 2, 1)
				.into_iter()
				.map(|p| other[p as usize]),
		)
		.collect();
	who.sort();
	who
}

#[test]
fn the_draw_waits_for_the_second_relay_epoch_after_the_freeze() {
	build_and_execute(|| {
		let jury = pool_of_six();
		// An epoch that began before the freeze is known to everyone who enrolled.
		new_epoch(1);
		assert_noop!(Juries::draw(signed(ANYONE), jury, 10), Error::<Test>::PoolStillOpen);
		run_to(FREEZE);
		assert_noop!(Juries::draw(signed(ANYONE), jury, 10), Error::<Test>::RandomnessNotYet);
		next_block();
		// The first epoch after the freeze is made of VRF outputs partly from before it.
		new_epoch(2);
		assert_noop!(Juries::draw(signed(ANYONE), jury, 10), Error::<Test>::RandomnessNotYet);
		// A repeated or older epoch changes nothing.
		new_epoch(2);
		new_epoch(1);
		assert_eq!(crate::RecentEpochs::<Test>::get().len(), 2);
		next_block();
		new_epoch(3);
		assert_ok!(Juries::draw(signed(ANYONE), jury, 10));
		let draw = Juries::jury(jury).unwrap().draw.unwrap();
		assert_eq!(
			draw.relay,
			RelayEpoch { epoch: 3, randomness: [3; 32], relay_block: 1003, block: FREEZE + 2 }
		);
		assert_eq!(draw.source, crate::RandomnessSource::Relay);
		assert!(events().contains(&Event::DrawStarted {
			jury,
			epoch: 3,
			randomness: [3; 32],
			relay_block: 1003,
			source: crate::RandomnessSource::Relay,
			seed: draw.seed,
		}));
	});
}

#[test]
fn quotas_follow_the_strata_persons_and_anyone_recomputes_the_jury() {
	build_and_execute(|| {
		let jury = pool_of_six();
		randomness_after_freeze();
		assert_ok!(Juries::draw(signed(ANYONE), jury, 10));
		// Town 2 has 6 persons, town 3 has 3: 2 seats and 1.
		let quotas: Vec<_> =
			Juries::strata(jury).iter().map(|(s, r)| (*s, r.persons, r.quota)).collect();
		assert_eq!(quotas, vec![(TOWN, 6, 2), (OTHER_TOWN, 3, 1)]);
		assert_eq!(summoned(jury), expected(jury));
		let info = Juries::jury(jury).unwrap();
		assert_eq!((info.pending, info.stage), (3, JuryStage::Seating));
		assert!(events().contains(&Event::DrawCompleted { jury, summoned: 3 }));
		assert_noop!(Juries::draw(signed(ANYONE), jury, 10), Error::<Test>::NotDrawing);
		assert_noop!(Juries::draw(signed(ANYONE), jury + 1, 10), Error::<Test>::JuryNotFound);
	});
}

#[test]
fn a_draw_in_chunks_summons_the_same_jury() {
	build_and_execute(|| {
		let jury = pool_of_six();
		randomness_after_freeze();
		assert_noop!(Juries::draw(signed(ANYONE), jury, 0), Error::<Test>::ZeroLimit);
		assert_ok!(Juries::draw(signed(ANYONE), jury, 1));
		assert_eq!(stage(jury), JuryStage::Drawing { stratum: 0 });
		assert_ok!(Juries::draw(signed(ANYONE), jury, 1));
		assert_eq!(stage(jury), JuryStage::Drawing { stratum: 1 });
		assert_eq!(summoned(jury).len(), 2);
		assert_ok!(Juries::draw(signed(ANYONE), jury, 1));
		assert_eq!(stage(jury), JuryStage::Seating);
		assert_eq!(summoned(jury), expected(jury));
	});
}

#[test]
fn randomness_no_longer_kept_cannot_draw() {
	build_and_execute(|| {
		let jury = pool_of_six();
		run_to(FREEZE + 1);
		// Five epochs begin after the freeze; four are kept, so the first two are gone.
		for epoch in 1..=5 {
			new_epoch(epoch);
			next_block();
		}
		assert_noop!(Juries::draw(signed(ANYONE), jury, 10), Error::<Test>::RandomnessExpired);
	});
}

#[test]
fn a_pool_nobody_joined_fails_and_frees_its_bill() {
	build_and_execute(|| {
		let jury = send(3, true);
		randomness_after_freeze();
		assert_ok!(Juries::draw(signed(ANYONE), jury, 10));
		assert_eq!(stage(jury), JuryStage::Failed);
		assert_eq!(events().last(), Some(&Event::JuryFailed { jury }));
		assert_eq!(crate::JuryOfAct::<Test>::get(BILL), None);
	});
}
