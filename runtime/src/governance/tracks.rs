//! Referenda tracks. Until the ballots pallet adds people's tracks, every track is decided by
//! the election commission's voting roll (one member, one vote).
//!
//! | id | name | dispatches as | decided by |
//! |----|------|---------------|------------|
//! | 0 | `root` | root (runtime upgrades, anything) | commission, ≥ 2/3 approval, ≥ 1/2 turnout |
//! | 1 | `commission` | `Commission` origin | commission, > 1/2 approval, ≥ 1/3 turnout |

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
