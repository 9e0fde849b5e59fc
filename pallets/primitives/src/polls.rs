//! What a poll of the ballots engine asks and counts, and the trait through which other pallets
//! (elections, recall, juries) run polls: [`PollEngine`].

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, sp_runtime::DispatchError, BoundedVec};
use scale_info::TypeInfo;

use crate::{Alias, AliasList, Context, CredentialClass, JurisdictionId, PollId, Roll, GRADES};
use alloc::vec::Vec;

/// The most options a poll can offer (and so the most marks an approval ballot can carry, the
/// most lists of a party-list poll and the most candidates on one list).
pub const MAX_OPTIONS: u32 = 64;
/// The most units an electorate names.
pub const MAX_ELECTORATE_UNITS: u32 = 64;
/// The most credential classes an electorate weighs.
pub const MAX_WEIGHTED_CLASSES: u32 = 8;

/// What a ballot marks. For every kind but [`PollKind::PartyList`] and [`PollKind::Rating`]: the
/// options marked, as indices into the poll's options, strictly ascending. For a party-list
/// poll: the list voted for, followed by the places on that list of the candidates preferred,
/// strictly ascending. For a rating: 0 (approve) or 1 (disapprove), followed by a grade for each
/// of the poll's spheres in order, 1..=6 ([`GRADES`], worst first) or 0 for none; the spheres
/// after the last grade given may be left out. Empty is a blank ballot: it counts towards
/// turnout and towards nothing else.
pub type Choice = BoundedVec<u8, ConstU32<MAX_OPTIONS>>;

/// The most spheres a rating grades: every policy sphere.
pub const MAX_RATED_SPHERES: u8 = crate::PolicySphere::COUNT;

/// How many spheres' grade histograms one part of a rating's counts holds (their
/// [`GRADES`]-long histograms side by side fit one [`PreferenceCounts`]); a rating of all twenty
/// spheres keeps its grades in two parts.
pub const SPHERES_PER_PART: u8 = 10;

/// How many candidates each list of a party-list poll has, by list.
pub type ListSizes = BoundedVec<u8, ConstU32<MAX_OPTIONS>>;

/// What a poll asks.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum PollKind {
	/// Yes or no: option 0 is "yes", option 1 is "no".
	YesNo,
	/// One of `options` options.
	SingleChoice {
		/// How many options there are (2..=64).
		options: u8,
	},
	/// Any `1..=max` of `options` options (approval voting; a multi-seat election of `max`).
	Approval {
		/// How many options there are (2..=64).
		options: u8,
		/// The most options one ballot may mark (1..=options).
		max: u8,
	},
	/// A party-list vote: one of `lists` lists, and within it up to `preferences` of its
	/// candidates (open-list preference votes, which reorder the list's candidates). The lists'
	/// lengths are given when the poll is created. Counting stays O(1) per ballot: a ballot adds
	/// to one list's votes and to the preference counts of that one list.
	PartyList {
		/// How many lists there are (1..=64).
		lists: u8,
		/// The most candidates one ballot may prefer on its list (0..=63).
		preferences: u8,
	},
	/// Residents rate an official: approve (option 0) or disapprove (option 1), and grade them
	/// on the six-grade scale of majority judgment in any of `spheres` policy spheres (which
	/// ones, the pallet that runs the poll says). Counting stays O(1) per ballot: a ballot adds
	/// to one option and to its spheres' grade histograms, kept in at most two parts of
	/// [`SPHERES_PER_PART`] spheres ([`PollKind::sub_marks`]).
	Rating {
		/// How many spheres are graded (1..=20).
		spheres: u8,
	},
}

impl PollKind {
	/// How many options the poll has (for a party-list poll: its lists).
	pub fn options(self) -> u8 {
		match self {
			PollKind::YesNo => 2,
			PollKind::SingleChoice { options } | PollKind::Approval { options, .. } => options,
			PollKind::PartyList { lists, .. } => lists,
			PollKind::Rating { .. } => 2,
		}
	}

	/// The most options one ballot may mark (a party-list ballot marks one list).
	pub fn max_marks(self) -> u8 {
		match self {
			PollKind::YesNo
			| PollKind::SingleChoice { .. }
			| PollKind::PartyList { .. }
			| PollKind::Rating { .. } => 1,
			PollKind::Approval { max, .. } => max,
		}
	}

	/// Whether the kind is well-formed: 2..=64 options (1..=64 lists), an approval limit within
	/// them, fewer than 64 preferences, 1..=20 spheres rated.
	pub fn is_valid(self) -> bool {
		let options = u32::from(self.options());
		match self {
			PollKind::PartyList { lists, preferences } => {
				(1..=MAX_OPTIONS).contains(&u32::from(lists))
					&& u32::from(preferences) < MAX_OPTIONS
			},
			PollKind::Rating { spheres } => (1..=MAX_RATED_SPHERES).contains(&spheres),
			_ => {
				(2..=MAX_OPTIONS).contains(&options)
					&& (1..=self.options()).contains(&self.max_marks())
			},
		}
	}

	/// The marks of `choice` that count as options in the poll's tally: every mark, but for a
	/// party-list ballot only its list, and for a rating its approval.
	pub fn marks(self, choice: &[u8]) -> &[u8] {
		match self {
			PollKind::PartyList { .. } | PollKind::Rating { .. } => choice.get(..1).unwrap_or(&[]),
			_ => choice,
		}
	}

	/// For a party-list ballot that is not blank, its list and the places it prefers.
	pub fn preferences(self, choice: &[u8]) -> Option<(u8, &[u8])> {
		match self {
			PollKind::PartyList { .. } => choice.split_first().map(|(list, rest)| (*list, rest)),
			_ => None,
		}
	}

	/// What a ballot counts beyond the options, as (part, places): it adds its weight at each
	/// place of the part's counts. A party-list ballot's part is its list and its places the
	/// candidates it prefers; a rating's parts hold the grade histograms of [`SPHERES_PER_PART`]
	/// spheres each, sphere `s` graded `g` at place `(s % SPHERES_PER_PART) * GRADES + g - 1` of
	/// part `s / SPHERES_PER_PART`. Parts with no place are left out. Assumes a valid choice.
	pub fn sub_marks(self, choice: &[u8]) -> Vec<(u8, Vec<u8>)> {
		match self {
			PollKind::PartyList { .. } => match choice.split_first() {
				Some((list, places)) if !places.is_empty() => {
					alloc::vec![(*list, places.to_vec())]
				},
				_ => Vec::new(),
			},
			PollKind::Rating { .. } => {
				let mut parts: Vec<(u8, Vec<u8>)> = Vec::new();
				for (sphere, grade) in choice.iter().skip(1).enumerate() {
					let Some(g) = grade.checked_sub(1) else { continue };
					let sphere = sphere as u8;
					let part = sphere / SPHERES_PER_PART;
					let place =
						(sphere % SPHERES_PER_PART).saturating_mul(GRADES).saturating_add(g);
					match parts.last_mut() {
						Some((p, places)) if *p == part => places.push(place),
						_ => parts.push((part, alloc::vec![place])),
					}
				}
				parts
			},
			_ => Vec::new(),
		}
	}

	/// How many counts part `part` of a rating holds (its spheres' histograms side by side); 0
	/// for other kinds, whose parts (party lists) have the lengths the poll was created with.
	pub fn rating_part_len(self, part: u8) -> u8 {
		match self {
			PollKind::Rating { spheres } => spheres
				.saturating_sub(part.saturating_mul(SPHERES_PER_PART))
				.min(SPHERES_PER_PART)
				.saturating_mul(GRADES),
			_ => 0,
		}
	}
}

/// The grade histograms of a rating of `spheres` spheres, sphere by sphere, from its parts'
/// counts (`part(p)`: part `p`'s counts; missing or short counts read as zero).
pub fn grade_histograms(
	spheres: u8,
	part: impl Fn(u8) -> PreferenceCounts,
) -> Vec<crate::GradeHistogram> {
	let parts = spheres.div_ceil(SPHERES_PER_PART);
	let mut histograms = Vec::with_capacity(usize::from(spheres));
	for p in 0..parts {
		let counts = part(p);
		let in_part =
			spheres.saturating_sub(p.saturating_mul(SPHERES_PER_PART)).min(SPHERES_PER_PART);
		for s in 0..usize::from(in_part) {
			let mut h = [0u64; GRADES as usize];
			for (g, w) in h.iter_mut().enumerate() {
				*w = counts.get(s * usize::from(GRADES) + g).copied().unwrap_or(0);
			}
			histograms.push(h);
		}
	}
	histograms
}

/// Who may vote in a poll and with what weight.
///
/// A voter proves membership of the ring of their territory (their constituency, or the parent
/// unit a small constituency is pooled into), which must be one of `units` or lie below one of
/// them; that territory is the ballot's. No units at all: every territory of every country (the
/// electorate of people's referenda). A voter who also proves membership of a credential ring
/// listed in `class_weights` votes with that class's weight; otherwise with `base_weight`. A
/// `base_weight` of 0 admits only holders of a listed credential (a poll of the legally
/// qualified, say).
///
/// An electorate with an alias list ([`Electorate::aliases`]) admits only the aliases on that
/// list: the seated jurors of a jury, proving in the jury's context against the jury's roll.
/// Only other pallets create such polls (through [`PollEngine`]), never governance.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Electorate {
	/// The units whose territories vote, sorted, none within another; empty for everyone.
	pub units: BoundedVec<JurisdictionId, ConstU32<MAX_ELECTORATE_UNITS>>,
	/// The weight of a ballot that proves no listed credential.
	pub base_weight: u32,
	/// The weight of a ballot that also proves a credential of the class, sorted by class,
	/// without duplicates; weights are positive.
	pub class_weights: BoundedVec<(CredentialClass, u32), ConstU32<MAX_WEIGHTED_CLASSES>>,
	/// When set, only the aliases on this list vote, in its context and roll (a jury).
	pub aliases: Option<AliasList>,
}

impl Electorate {
	/// Every territory of every country, one vote each: the electorate of people's referenda.
	pub fn everyone() -> Self {
		Electorate {
			units: Default::default(),
			base_weight: 1,
			class_weights: Default::default(),
			aliases: None,
		}
	}

	/// The persons of `units` (sorted, none within another), one vote each.
	pub fn of(units: BoundedVec<JurisdictionId, ConstU32<MAX_ELECTORATE_UNITS>>) -> Self {
		Electorate { units, base_weight: 1, class_weights: Default::default(), aliases: None }
	}

	/// The aliases of `list` in `units`, one vote each: a jury's seated jurors.
	pub fn of_list(
		units: BoundedVec<JurisdictionId, ConstU32<MAX_ELECTORATE_UNITS>>,
		list: AliasList,
	) -> Self {
		Electorate { aliases: Some(list), ..Self::of(units) }
	}

	/// The weight of a ballot proving credential `class` (`None`: no credential), or `None` when
	/// such a ballot does not count.
	pub fn weight_of(&self, class: Option<CredentialClass>) -> Option<u32> {
		let weight = match class {
			None => self.base_weight,
			Some(class) => self
				.class_weights
				.binary_search_by_key(&class, |(c, _)| *c)
				.ok()
				.and_then(|i| self.class_weights.get(i))
				.map(|(_, w)| *w)?,
		};
		(weight > 0).then_some(weight)
	}
}

/// Counted ballots: of one territory, of a whole poll, or a poll's results.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Tally {
	/// How many ballots are counted (one per voter).
	pub ballots: u32,
	/// The sum of their weights: the weighted turnout.
	pub turnout: u64,
	/// The weight given to each option, by option index.
	pub options: BoundedVec<u64, ConstU32<MAX_OPTIONS>>,
}

impl Tally {
	/// An empty tally of `options` options.
	pub fn empty(options: u8) -> Self {
		Tally {
			ballots: 0,
			turnout: 0,
			options: BoundedVec::truncate_from(alloc::vec![0; usize::from(options)]),
		}
	}

	/// Counts (`add`) or uncounts one ballot of `weight` marking the options `marks` (see
	/// [`PollKind::marks`]). Clamps at the bounds; the invariant checks prove the clamps never
	/// bite.
	pub fn apply(&mut self, marks: &[u8], weight: u32, add: bool) {
		let w = u64::from(weight);
		if add {
			self.ballots = self.ballots.saturating_add(1);
			self.turnout = self.turnout.saturating_add(w);
		} else {
			self.ballots = self.ballots.saturating_sub(1);
			self.turnout = self.turnout.saturating_sub(w);
		}
		add_at(self.options.as_mut(), marks, w, add);
	}

	/// Adds (`add`) or subtracts another tally of the same poll.
	pub fn merge(&mut self, other: &Tally, add: bool) {
		self.ballots = if add {
			self.ballots.saturating_add(other.ballots)
		} else {
			self.ballots.saturating_sub(other.ballots)
		};
		self.turnout = if add {
			self.turnout.saturating_add(other.turnout)
		} else {
			self.turnout.saturating_sub(other.turnout)
		};
		merge_counts(self.options.as_mut(), &other.options, add);
	}
}

/// The preference votes of one list: by place on the list, the weight of the ballots that
/// preferred its candidate.
pub type PreferenceCounts = BoundedVec<u64, ConstU32<MAX_OPTIONS>>;

/// Adds (or subtracts) `weight` at each index of `marks` in `counts`, clamping at the bounds;
/// indices outside `counts` are ignored.
pub fn add_at(counts: &mut [u64], marks: &[u8], weight: u64, add: bool) {
	for mark in marks {
		if let Some(total) = counts.get_mut(usize::from(*mark)) {
			*total = if add { total.saturating_add(weight) } else { total.saturating_sub(weight) };
		}
	}
}

/// Adds (or subtracts) `other` to `counts` entry by entry, clamping at the bounds.
pub fn merge_counts(counts: &mut [u64], other: &[u64], add: bool) {
	for (mine, theirs) in counts.iter_mut().zip(other.iter()) {
		*mine = if add { mine.saturating_add(*theirs) } else { mine.saturating_sub(*theirs) };
	}
}

/// Where a poll is in its life, as other pallets see it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum PollStage {
	/// Not closed yet: ballots are accepted from its start until its end.
	Open,
	/// Closed; territories may still be excluded on appeal until `appeal_end`.
	Closed,
	/// Its ballots were purged after the retention period; its results remain.
	Purged,
}

/// What other pallets may read of a poll.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct PollSummary<BlockNumber> {
	/// What it asks.
	pub kind: PollKind,
	/// Where it is.
	pub stage: PollStage,
	/// The context its aliases are drawn in.
	pub context: Context,
	/// The roll it froze.
	pub roll: Roll,
	/// The persons of that roll in its electorate: the turnout base.
	pub roll_size: u32,
	/// The first block of voting.
	pub start: BlockNumber,
	/// The first block after voting.
	pub end: BlockNumber,
	/// The first block after the appeal window: results are final from then on.
	pub appeal_end: BlockNumber,
}

/// One page of a poll's counted ballots, in storage order ([`PollEngine::ballot_page`]).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct BallotPage {
	/// Each ballot's marks (the options marked, ascending; a party-list ballot's list) and
	/// weight. Ballots of excluded territories are left out.
	pub ballots: Vec<(Vec<u8>, u32)>,
	/// How many stored ballots the page read, those left out included (what it cost).
	pub read: u32,
	/// The last ballot's place (read or left out), to continue after; `None` if the page read
	/// none.
	pub last: Option<Alias>,
	/// Whether no ballot is left after this page.
	pub done: bool,
}

/// Runs polls for other pallets: the ballots engine as elections, recall and juries use it.
/// Anonymous ballots, re-voting, the frozen roll, territorial tallies, exclusions on appeal and
/// recounts all come with it.
pub trait PollEngine<BlockNumber> {
	/// Creates a poll asking `kind` of `electorate` (at least one unit), voting from `start`
	/// until before `end`; `lists` gives each list's length for a party-list poll and must be
	/// empty otherwise. Freezes the poll's roll now. Returns the poll's id.
	fn create(
		kind: PollKind,
		lists: ListSizes,
		electorate: Electorate,
		start: BlockNumber,
		end: BlockNumber,
	) -> Result<PollId, DispatchError>;

	/// [`Self::create`], with an appeal window of `appeal` blocks after the end, at most the
	/// engine's own (a small unit's confidence vote may settle sooner than a parliament's).
	fn create_with_appeal(
		kind: PollKind,
		lists: ListSizes,
		electorate: Electorate,
		start: BlockNumber,
		end: BlockNumber,
		appeal: BlockNumber,
	) -> Result<PollId, DispatchError>;

	/// Closes a poll whose voting is over, as anyone may, storing its results. Closing a poll
	/// that is already closed is not an error.
	fn close(poll: PollId) -> Result<(), DispatchError>;

	/// What can be read of a poll, or `None` if it does not exist.
	fn summary(poll: PollId) -> Option<PollSummary<BlockNumber>>;

	/// The results of a poll now: every territory's ballots but those of excluded territories.
	/// Final once the poll is closed and its appeal window is over.
	fn results(poll: PollId) -> Option<Tally>;

	/// The preference votes of list `list` of a party-list poll, as [`Self::results`] counts
	/// them (excluded territories left out); empty for a list nobody preferred anyone on. For a
	/// rating, the counts of part `list` of its grades (see [`PollKind::sub_marks`]).
	fn preferences(poll: PollId, list: u8) -> PreferenceCounts;

	/// Reads up to `limit` of a poll's stored ballots after the one at `after` (from the first
	/// if `None`), for a count that needs each ballot (proportional approval). Read after the
	/// poll is closed: the ballots no longer change but for whole territories excluded on
	/// appeal, which a caller detects by comparing its sums with [`Self::results`]. Empty and
	/// done once the ballots are purged.
	fn ballot_page(poll: PollId, after: Option<Alias>, limit: u32) -> BallotPage;

	/// The grade histograms of a rating poll, sphere by sphere, as [`Self::results`] counts them
	/// (excluded territories left out); empty for other kinds.
	fn grades(poll: PollId) -> Vec<crate::GradeHistogram> {
		match Self::summary(poll).map(|s| s.kind) {
			Some(PollKind::Rating { spheres }) => {
				grade_histograms(spheres, |part| Self::preferences(poll, part))
			},
			_ => Vec::new(),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_rating_counts_its_approval_as_an_option_and_its_grades_in_two_parts() {
		let kind = PollKind::Rating { spheres: 20 };
		assert!(kind.is_valid());
		assert!(!PollKind::Rating { spheres: 0 }.is_valid());
		assert!(!PollKind::Rating { spheres: 21 }.is_valid());
		assert_eq!((kind.options(), kind.max_marks()), (2, 1));
		// Disapprove; sphere 0 graded 6, sphere 3 ungraded, sphere 12 graded 1, sphere 19 graded 2.
		let mut choice = alloc::vec![1u8; 1];
		choice.extend((0..20u8).map(|s| match s {
			0 => 6,
			12 => 1,
			19 => 2,
			_ => 0,
		}));
		assert_eq!(kind.marks(&choice), &[1]);
		assert_eq!(
			kind.sub_marks(&choice),
			alloc::vec![(0, alloc::vec![5]), (1, alloc::vec![12, 55])]
		);
		assert_eq!((kind.rating_part_len(0), kind.rating_part_len(1)), (60, 60));
		assert_eq!(PollKind::Rating { spheres: 13 }.rating_part_len(1), 18);
		assert_eq!(PollKind::Rating { spheres: 13 }.rating_part_len(2), 0);
		// An approval alone, or a blank ballot, grades nothing.
		assert!(kind.sub_marks(&[0]).is_empty());
		assert!(kind.sub_marks(&[]).is_empty());
	}

	#[test]
	fn grade_histograms_are_read_back_sphere_by_sphere_from_the_parts() {
		let kind = PollKind::Rating { spheres: 12 };
		let choice = [0u8, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 6];
		let mut parts = [alloc::vec![0u64; 60], alloc::vec![0u64; 12]];
		for (part, places) in kind.sub_marks(&choice) {
			add_at(&mut parts[usize::from(part)], &places, 2, true);
		}
		let h = grade_histograms(12, |p| BoundedVec::truncate_from(parts[usize::from(p)].clone()));
		assert_eq!(h.len(), 12);
		assert_eq!(h[0], [0, 0, 2, 0, 0, 0]);
		assert_eq!(h[10], [0, 0, 0, 2, 0, 0]);
		assert_eq!(h[11], [0, 0, 0, 0, 0, 2]);
		assert!(h[1..10].iter().all(|h| *h == [0; 6]));
		// A party-list ballot's part is its list.
		let lists = PollKind::PartyList { lists: 3, preferences: 2 };
		assert_eq!(lists.sub_marks(&[2, 0, 4]), alloc::vec![(2, alloc::vec![0, 4])]);
		assert!(lists.sub_marks(&[2]).is_empty());
	}
}
