//! Referenda tracks. [`TracksInfo`] (of `Referenda`) are decided by the election commission's
//! voting roll (one member, one vote); [`PeopleTracksInfo`] (of `PeoplesReferenda`) by anonymous
//! ballots of registered persons (one person, one vote).
//!
//! | instance | id | name | dispatches as | decided by |
//! |----------|----|------|---------------|------------|
//! | `Referenda` | 0 | `root` | root (runtime upgrades, anything) | commission, ≥ 2/3 approval, ≥ 1/2 turnout |
//! | `Referenda` | 1 | `commission` | `Commission` origin | commission, > 1/2 approval, ≥ 1/3 turnout |
//! | `PeoplesReferenda` | 0 | `people` | `People` origin | persons, > 1/2 approval, ≥ 10 % turnout falling to 5 % |

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

const TRACKS: [Track<TrackId, Balance, BlockNumber>; 2] = [
	Track {
		id: ROOT,
		info: TrackInfo {
			name: s("root"),
			max_deciding: 1,
			decision_deposit: 100 * UNIT,
			prepare_period: 2 * MINUTES,
			decision_period: 7 * crate::DAYS,
			confirm_period: 2 * MINUTES,
			min_enactment_period: MINUTES,
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
			prepare_period: MINUTES,
			decision_period: 7 * crate::DAYS,
			confirm_period: MINUTES,
			min_enactment_period: MINUTES,
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

/// How long the people's track decides at most.
pub const PEOPLE_DECISION_PERIOD: BlockNumber = 7 * crate::DAYS;

const PEOPLE_TRACKS: [Track<TrackId, Balance, BlockNumber>; 1] = [Track {
	id: PEOPLE,
	info: TrackInfo {
		name: s("people"),
		max_deciding: 10,
		decision_deposit: 10 * UNIT,
		prepare_period: MINUTES,
		decision_period: PEOPLE_DECISION_PERIOD,
		confirm_period: 2 * MINUTES,
		min_enactment_period: MINUTES,
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
}];

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
			_ => Err(()),
		}
	}
}
