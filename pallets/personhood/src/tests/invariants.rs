//! The pallet's try_state catches broken invariants.

use super::*;

#[test]
fn try_state_catches_a_key_in_two_rings() {
	new_test_ext().execute_with(|| {
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		admit_and_build(Constituency(TOWN));
		Personhood::do_try_state().unwrap();
		RingMembers::<Test>::insert(
			Constituency(TOWN),
			1,
			frame_support::BoundedVec::truncate_from(vec![key(1)]),
		);
		assert!(Personhood::do_try_state().is_err());
	});
}
