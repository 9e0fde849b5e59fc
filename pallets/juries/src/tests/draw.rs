//! The draw: relay randomness that became known only after the freeze, quotas by registered
//! persons, a lazy Fisher–Yates permutation per stratum, chunks, and recomputation from the
//! stored seed.

use super::*;
use codec::Encode;

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

/// A jury of `jury_size` over one stratum of `pool` volunteers, frozen and seeded, as the draw
/// finds it (written directly, as the benchmark does: the mock's juries hold at most 8 seats and
/// 13 persons). Returns the externalities with that state committed to their trie, so that a
/// call run with `execute_and_prove` records every trie node it reads.
fn pool_in_trie(pool: u32, jury_size: u32) -> (sp_io::TestExternalities, JuryId) {
	use crate::{DrawRecord, Pool, RandomnessSource, Strata, StrataOf, Stratum};
	let mut ext = new_test_ext();
	let jury = ext.execute_with(|| {
		let jury = send(8, false);
		for place in 0..pool {
			let alias: Alias = sp_io::hashing::blake2_256(&(b"volunteer", place).encode());
			Pool::<Test>::insert((jury, TOWN, place), alias);
			Enrolled::<Test>::insert(jury, alias, (TOWN, place));
		}
		StrataOf::<Test>::insert(jury, BoundedVec::truncate_from(vec![TOWN]));
		Strata::<Test>::insert(
			jury,
			TOWN,
			Stratum { volunteers: pool, persons: pool, quota: jury_size, ..Default::default() },
		);
		let relay = RelayEpoch { epoch: 7, randomness: [7; 32], relay_block: 1007, block: 1 };
		crate::Juries::<Test>::mutate(jury, |info| {
			let info = info.as_mut().expect("the jury was just sent");
			info.size = jury_size;
			info.volunteers = pool;
			info.stage = JuryStage::Drawing { stratum: 0 };
			info.draw = Some(DrawRecord {
				relay,
				source: RandomnessSource::Relay,
				seed: sortition::seed(jury, 7, &[7; 32]),
			});
		});
		System::reset_events();
		jury
	});
	ext.commit_all().expect("the state goes into the trie");
	(ext, jury)
}

/// Draws the whole jury of `pool_in_trie(pool, jury_size)` in one call; returns the size of the
/// storage proof it needed and checks the state it left.
fn draw_proof(pool: u32, jury_size: u32) -> usize {
	let (mut ext, jury) = pool_in_trie(pool, jury_size);
	let (outcome, proof) = ext.execute_and_prove(|| Juries::draw(signed(ANYONE), jury, jury_size));
	assert_ok!(outcome);
	ext.execute_with(|| {
		let info = Juries::jury(jury).unwrap();
		assert_eq!((info.stage, info.pending), (JuryStage::Seating, jury_size));
		assert_eq!(Summonses::<Test>::iter_prefix(jury).count(), jury_size as usize);
		assert!(events().contains(&Event::DrawCompleted { jury, summoned: jury_size }));
		Juries::do_try_state().expect("juries' invariants hold after the draw");
	});
	proof.encoded_size()
}

/// The figure on a real trie: 1,000 jurors drawn from a pool of 100,000 in one call
/// need a storage proof within what `draw(1000)` charges (its proof term is estimated for maps of
/// a million entries), and far less than the pool's aliases alone: the draw reads a path of the
/// trie per juror, never the pool. A small pool's draw needs less (its thousand paths share most
/// of their nodes), which shows the depth is what the pool's size adds.
#[test]
fn a_thousand_jurors_from_a_pool_of_a_hundred_thousand_fit_the_charged_proof() {
	use crate::WeightInfo as _;
	let charged = crate::weights::SubstrateWeight::<Test>::draw(1_000).proof_size();
	let small = draw_proof(2_000, 1_000);
	let large = draw_proof(100_000, 1_000);
	println!("draw of 1,000: proof {small} B from a pool of 2,000, {large} B from 100,000; charged {charged} B");
	assert!(large as u64 <= charged, "proof {large} B over the charged {charged} B");
	let aliases = 100_000 * core::mem::size_of::<Alias>();
	assert!(large < aliases, "the draw's proof ({large} B) is the size of the pool ({aliases} B)");
	assert!(small < large, "a deeper trie needs no longer paths: {small} B, {large} B");
}
