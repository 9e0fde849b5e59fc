//! Referenda tracks. [`TracksInfo`] (of `Referenda`) are decided by the election commission's
//! voting roll (one member, one vote); [`PeopleTracksInfo`] (of `PeoplesReferenda`) by anonymous
//! ballots of registered persons (one person, one vote).
//!
//! | instance | id | name | dispatches as | decided by |
//! |----------|----|------|---------------|------------|
//! | `Referenda` | 0 | `root` | root (runtime upgrades, anything) | commission, ≥ 2/3 approval, ≥ 1/2 turnout |
//! | `Referenda` | 1 | `commission` | `Commission` origin | commission, > 1/2 approval, ≥ 1/3 turnout |
//! | `PeoplesReferenda` | 0 | `people` | `People` origin | persons, > 1/2 approval, ≥ 10 % turnout falling to 5 % |
//! | `PeoplesReferenda` | 1 | `people-root` | root (runtime upgrades, anything) | persons, ≥ 2/3 approval, ≥ 30 % turnout falling to 15 % |
//!
//! The people's root track is how the people change the chain's own rules, the runtime included,
//! without the commission: a two-thirds majority of a turnout no faction reaches alone, one such
//! referendum at a time, a day to confirm and a day before it takes effect. The council can still
//! cancel (a majority) or kill (two thirds) a people's referendum that would harm the chain, as it
//! can any other (see `configs/referenda.rs`).
//!
//! Periods are those of a chain people run; the test network's build (`fast-runtime`) takes a few
//! blocks for each, so that a referendum is decided within minutes.
use super::origins;
use crate::{Balance, BlockNumber, OriginCaller, MINUTES, UNIT};
use alloc::borrow::Cow;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{str_array as s, Perbill};

/// Track id.
pub type TrackId = u16;

/// The root track.
pub const ROOT: TrackId = 0;
/// The commission track.
pub const COMMISSION: TrackId = 1;

const fn percent(x: u32) -> Perbill {
	Perbill::from_percent(x)
}

/// A preparation, confirmation or enactment period: `blocks` on chains people run, `fast` blocks
/// in the test network's build.
const fn period(blocks: BlockNumber, fast: BlockNumber) -> BlockNumber {
	if cfg!(feature = "fast-runtime") {
		fast
	} else {
		blocks
	}
}

const TRACKS: [Track<TrackId, Balance, BlockNumber>; 2] = [
	Track {
		id: ROOT,
		info: TrackInfo {
			name: s("root"),
			max_deciding: 1,
			decision_deposit: 100 * UNIT,
			prepare_period: period(2 * MINUTES, 2),
			decision_period: 7 * crate::DAYS,
			confirm_period: period(2 * MINUTES, 3),
			min_enactment_period: period(MINUTES, 2),
			min_approval: Curve::LinearDecreasing {
				length: percent(100),
				floor: percent(67),
				ceil: percent(100),
			},
			min_support: Curve::LinearDecreasing {
				length: percent(100),
				floor: percent(50),
				ceil: percent(100),
			},
		},
	},
	Track {
		id: COMMISSION,
		info: TrackInfo {
			name: s("commission"),
			max_deciding: 10,
			decision_deposit: 10 * UNIT,
			prepare_period: period(MINUTES, 2),
			decision_period: 7 * crate::DAYS,
			confirm_period: period(MINUTES, 3),
			min_enactment_period: period(MINUTES, 2),
			min_approval: Curve::LinearDecreasing {
				length: percent(100),
				floor: percent(51),
				ceil: percent(100),
			},
			min_support: Curve::LinearDecreasing {
				length: percent(100),
				floor: percent(34),
				ceil: percent(100),
			},
		},
	},
];

/// The tracks of [`crate::Referenda`].
pub struct TracksInfo;
impl pallet_referenda::TracksInfo<Balance, BlockNumber> for TracksInfo {
	type Id = TrackId;
	type RuntimeOrigin =
		<crate::RuntimeOrigin as frame_support::traits::OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<Self::Id, Balance, BlockNumber>>> {
		TRACKS.iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(ROOT),
			OriginCaller::Origins(origins::Origin::Commission) => Ok(COMMISSION),
			_ => Err(()),
		}
	}
}

/// The people's track.
pub const PEOPLE: TrackId = 0;
/// The people's root track.
pub const PEOPLE_ROOT: TrackId = 1;

/// How long the people's tracks decide at most.
pub const PEOPLE_DECISION_PERIOD: BlockNumber = 7 * crate::DAYS;

const PEOPLE_TRACKS: [Track<TrackId, Balance, BlockNumber>; 2] = [
	Track {
		id: PEOPLE,
		info: TrackInfo {
			name: s("people"),
			max_deciding: 10,
			decision_deposit: 10 * UNIT,
			prepare_period: period(MINUTES, 2),
			decision_period: PEOPLE_DECISION_PERIOD,
			confirm_period: period(2 * MINUTES, 3),
			min_enactment_period: period(MINUTES, 2),
			min_approval: Curve::LinearDecreasing {
				length: percent(100),
				floor: percent(50),
				ceil: percent(100),
			},
			// Turnout over every registered person.
			min_support: Curve::LinearDecreasing {
				length: percent(100),
				floor: percent(5),
				ceil: percent(10),
			},
		},
	},
	Track {
		id: PEOPLE_ROOT,
		info: TrackInfo {
			name: s("people-root"),
			// One at a time: a change of the chain's rules is decided alone.
			max_deciding: 1,
			decision_deposit: 100 * UNIT,
			prepare_period: period(crate::HOURS, 2),
			decision_period: PEOPLE_DECISION_PERIOD,
			confirm_period: period(crate::DAYS, 3),
			min_enactment_period: period(crate::DAYS, 2),
			min_approval: Curve::LinearDecreasing {
				length: percent(100),
				floor: percent(67),
				ceil: percent(100),
			},
			min_support: Curve::LinearDecreasing {
				length: percent(100),
				floor: percent(15),
				ceil: percent(30),
			},
		},
	},
];

/// The tracks of [`crate::PeoplesReferenda`].
pub struct PeopleTracksInfo;
impl pallet_referenda::TracksInfo<Balance, BlockNumber> for PeopleTracksInfo {
	type Id = TrackId;
	type RuntimeOrigin =
		<crate::RuntimeOrigin as frame_support::traits::OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<Self::Id, Balance, BlockNumber>>> {
		PEOPLE_TRACKS.iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		match origin {
			OriginCaller::Origins(origins::Origin::People) => Ok(PEOPLE),
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(PEOPLE_ROOT),
			_ => Err(()),
		}
	}
}
