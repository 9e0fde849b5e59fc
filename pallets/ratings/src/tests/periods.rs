//! Opening rating periods: once per official, office and period, for serving officials only.

use super::*;
use pallet_veche_primitives::{PollEngine, PollKind};

#[test]
fn periods_are_counted_in_blocks_from_block_zero() {
	build_and_execute(|| {
		assert_eq!((Ratings::period_of(0), Ratings::period_of(99)), (0, 0));
		assert_eq!((Ratings::period_of(100), Ratings::period_of(250)), (1, 2));
		assert_eq!(Ratings::period_start(3), 300);
		assert_eq!(Ratings::current_period(), (0, 0, 100));
		run_to(150);
		assert_eq!(Ratings::current_period(), (1, 100, 200));
	});
}

#[test]
fn a_serving_official_s_period_opens_once_with_a_rating_poll_of_their_unit() {
	build_and_execute(|| {
		seat(MAYOR, MAYOR_ACCOUNT, 1, 1_000);
		let poll = open(MAYOR, MAYOR_ACCOUNT);
		let summary = <Ballots as PollEngine<u64>>::summary(poll).unwrap();
		// The mayor answers for three spheres: a rating grades three.
		assert_eq!(summary.kind, PollKind::Rating { spheres: 3 });
		assert_eq!((summary.start, summary.end), (1, PERIOD));
		// The six persons of the town are the roll.
		assert_eq!(summary.roll_size, 6);
		let info = pallet_veche_ballots::Polls::<Test>::get(poll).unwrap();
		assert_eq!(info.electorate.units.to_vec(), vec![TOWN]);
		assert_eq!(
			events(),
			vec![Event::PeriodOpened {
				who: MAYOR_ACCOUNT,
				office: MAYOR,
				period: 0,
				poll,
				spheres: mayor_spheres(),
				end: PERIOD,
			}]
		);
		// Once per period: in the pool and in the block.
		let again = crate::Call::<Test>::open_period { office: MAYOR, who: MAYOR_ACCOUNT };
		assert_eq!(pool_check(again), refused(Error::<Test>::AlreadyOpen));
		assert_noop!(
			Ratings::open_period(authorized(), MAYOR, MAYOR_ACCOUNT),
			Error::<Test>::AlreadyOpen
		);
		// The next period opens anew, with a poll of its own.
		run_to(PERIOD);
		let next = open(MAYOR, MAYOR_ACCOUNT);
		assert_ne!(next, poll);
		assert_eq!(<Ballots as PollEngine<u64>>::summary(next).unwrap().end, 2 * PERIOD);
	});
}

#[test]
fn periods_of_those_not_serving_or_of_unknown_offices_do_not_open() {
	build_and_execute(|| {
		let refuse = |office: u32, who: u64, e: Error<Test>| {
			let call = crate::Call::<Test>::open_period { office, who };
			let e = DispatchError::from(e);
			assert_eq!(pool_check(call), refused(e));
			assert_noop!(Ratings::open_period(authorized(), office, who), e);
		};
		// Nobody seated; a seat not begun; a term over; an office that does not exist.
		refuse(MAYOR, MAYOR_ACCOUNT, Error::<Test>::NotServing);
		seat(MAYOR, MAYOR_ACCOUNT, 50, 1_000);
		refuse(MAYOR, MAYOR_ACCOUNT, Error::<Test>::NotServing);
		seat(COUNCIL, COUNCILLOR, 1, 10);
		run_to(10);
		refuse(COUNCIL, COUNCILLOR, Error::<Test>::NotServing);
		refuse(9, MAYOR_ACCOUNT, Error::<Test>::OfficeNotFound);
		// The mayor is not the governor.
		seat(GOVERNOR, GOVERNOR_ACCOUNT, 1, 1_000);
		refuse(GOVERNOR, MAYOR_ACCOUNT, Error::<Test>::NotServing);
		// A signed origin is not the authorized one.
		assert_noop!(
			Ratings::open_period(signed(ANYONE), GOVERNOR, GOVERNOR_ACCOUNT),
			DispatchError::BadOrigin
		);
		assert_eq!(Periods::<Test>::iter().count(), 0);
	});
}

#[test]
fn opening_is_feeless() {
	build_and_execute(|| {
		seat(GOVERNOR, GOVERNOR_ACCOUNT, 1, 1_000);
		let info = Ratings::open_period(authorized(), GOVERNOR, GOVERNOR_ACCOUNT).unwrap();
		assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
		// The governor's office answers for every sphere.
		let poll = Periods::<Test>::get((GOVERNOR_ACCOUNT, GOVERNOR, 0)).unwrap().poll.unwrap();
		assert_eq!(
			<Ballots as PollEngine<u64>>::summary(poll).unwrap().kind,
			PollKind::Rating { spheres: 20 }
		);
	});
}
