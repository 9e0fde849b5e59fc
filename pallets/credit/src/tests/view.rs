//! The account view for wallets.

use super::*;

#[test]
fn the_account_view_projects_demurrage_to_any_moment() {
	build_and_execute(|| {
		two_communities();
		assert_ok!(Credit::transfer(signed(ALICE), BWH, BOB, 100_00));
		let now = now();
		let in_a_year = Credit::account(BWH, BOB, Some(now + YEAR)).unwrap();
		assert_eq!(units(in_a_year.balance), 90_00);
		assert_eq!(in_a_year.due, in_a_year.due.min(10_00 * FINE + 1));
		assert_eq!(units(in_a_year.due as i128), 10_00);
		// Nothing was written.
		assert_eq!(account(BWH, BOB).balance, 100_00 * FINE as i128);
		let alice = Credit::account(BWH, ALICE, None).unwrap();
		assert_eq!(alice.spendable, 400_00);
		assert_eq!(Credit::account(BWH, CHARLIE, None), None);
	});
}
