//! Demurrage: only positive spending balances decay, by the clock.

use super::*;

#[test]
fn only_positive_member_balances_decay() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, FUND_A, 100_00));
		assert_ok!(Credit::transfer(signed(BOB), BWH, ALICE, 50_00));
		advance(YEAR);
		collect(BWH, &[ALICE, BOB, FUND_A]);
		// Alice holds -50.00, Bob -50.00, the fund +100.00: nothing decays.
		assert_eq!(account(BWH, ALICE).balance, -50_00 * FINE as i128);
		assert_eq!(account(BWH, BOB).balance, -50_00 * FINE as i128);
		assert_eq!(account(BWH, FUND_A).balance, 100_00 * FINE as i128);
		assert!(!events().iter().any(|e| matches!(e, Event::DemurrageCharged { .. })));
	});
}

#[test]
fn decay_follows_the_clock_not_the_block_count() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 100_00));
		assert_ok!(Credit::transfer(signed(CHARLIE), NVG, EVE, 100_000));
		// Bob's balance: one block of a whole day. Eve's: 24 blocks of an hour each.
		let bob_at = now() + DAY;
		for _ in 0..24 {
			advance(DAY / 24);
			collect(NVG, &[EVE]);
		}
		assert_eq!(now(), bob_at);
		collect(BWH, &[BOB]);
		let bob = account(BWH, BOB).balance as u128;
		let eve = account(NVG, EVE).balance as u128;
		let lambda_b = Currencies::<Test>::get(BWH).unwrap().decay;
		let lambda_n = Currencies::<Test>::get(NVG).unwrap().decay;
		assert_eq!(bob, crate::demurrage::decay(100_00 * FINE, lambda_b, DAY));
		let eve_once = crate::demurrage::decay(100_000 * FINE, lambda_n, DAY);
		assert!(eve.abs_diff(eve_once) <= 24, "{eve} vs {eve_once}");
	});
}

#[test]
fn a_year_touched_at_random_moments_matches_the_exact_rate() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 123_46));
		let start = now();
		// Touch Bob ~2,000 times at pseudo-random moments, sometimes paying back and forth
		// within one moment (which changes his balance by nothing).
		let mut seed = 0x5eed_u64;
		let mut touches = 0;
		while now() < start + YEAR {
			seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			let step = (seed >> 33) % (2 * YEAR / 2_000);
			let step = step.min(start + YEAR - now()).max(1);
			advance(step);
			if seed.is_multiple_of(3) {
				assert_ok!(Credit::transfer(signed(BOB), BWH, ALICE, 1_00));
				assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 1_00));
			} else {
				collect(BWH, &[BOB]);
			}
			touches += 1;
		}
		assert_eq!(now(), start + YEAR);
		collect(BWH, &[BOB]);
		// Exact: 123.46 · 0.9 = 111.114 hours.
		let exact = 123_46 * FINE / 10 * 9;
		let bob = account(BWH, BOB).balance as u128;
		assert!(touches > 1_000);
		eprintln!("{touches} touches; off the exact value by {} fine units", bob.abs_diff(exact));
		assert!(bob.abs_diff(exact) < FINE / 1_000_000, "{bob} vs {exact}");
		assert_eq!(units(bob as i128), units(exact as i128));
		let fund = account(BWH, FUND_A).balance as u128;
		assert_eq!(fund + bob, 123_46 * FINE);
	});
}

#[test]
fn collection_names_each_account_and_the_due_it_gave() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 100_00));
		assert_ok!(Credit::transfer(signed(CHARLIE), NVG, EVE, 100_000));
		advance(DAY);
		// Bob twice, the fund, and Alice, who owes nothing (her balance is negative).
		collect(BWH, &[BOB, ALICE, FUND_A, BOB]);
		let bob = 100_00 * FINE - account(BWH, BOB).balance as u128;
		assert!(bob > 0);
		let collected = |events: Vec<Event<Test>>| {
			events.into_iter().rev().find_map(|e| match e {
				Event::DemurrageCollected { currency, amount, from } => {
					Some((currency, amount, from.into_inner()))
				},
				_ => None,
			})
		};
		assert_eq!(collected(events()), Some((BWH, bob, vec![(BOB, bob)])));
		assert_eq!(account(BWH, BOB).due, 0);
		assert_eq!(account(BWH, FUND_A).balance, bob as i128);
		// Eve's due, accrued but not collected, is named when it is.
		collect(NVG, &[EVE]);
		let eve = 100_000 * FINE - account(NVG, EVE).balance as u128;
		assert_eq!(collected(events()), Some((NVG, eve, vec![(EVE, eve)])));
	});
}
