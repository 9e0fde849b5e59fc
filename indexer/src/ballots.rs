//! Polls, ballots, tallies and results.
//!
//! Compared: every poll (all its fields, status included), every stored ballot, the tallies per
//! territory, the totals, the excluded totals and territories, the results, a party-list poll's
//! lists and preference counts (per territory, total, excluded), the verdict of each completed
//! recount, the referendum ↔ poll links, and the polls open per unit and per roll.
//! Not compared: a recount in progress (its cursor and partial tallies), the ballots queued in
//! the current block, and the ballots and tallies of a poll whose purge has begun but not
//! finished (which keys a partial purge removed no event says; the poll is compared again,
//! emptied, once `BallotsPurged` says `complete`).

use crate::{diff_map, diff_value, Replay};
use pallet_veche_ballots::{
	BallotRecord, Event, ListSizes, Poll, PollKind, PollStatus, PreferenceCounts, RecountVerdict,
	Tally,
};
use pallet_veche_primitives::{Alias, DocumentHash, JurisdictionId, PollId};
use std::collections::{BTreeMap, BTreeSet};
use veche_runtime::Runtime;

type ReferendumIndex = pallet_veche_ballots::ReferendumIndexOf<Runtime>;

/// What an explorer shows of `pallet-veche-ballots`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Every poll.
	pub polls: BTreeMap<PollId, Poll<u32>>,
	/// The id the next poll gets.
	pub next_poll: PollId,
	/// Stored ballots by poll and alias.
	pub ballots: BTreeMap<(PollId, Alias), BallotRecord<u32>>,
	/// Tallies by poll and territory.
	pub tallies: BTreeMap<(PollId, JurisdictionId), Tally>,
	/// Each poll's total.
	pub totals: BTreeMap<PollId, Tally>,
	/// Each poll's total of excluded territories.
	pub excluded_totals: BTreeMap<PollId, Tally>,
	/// Territories excluded on appeal, with the decision's hash.
	pub excluded: BTreeMap<(PollId, JurisdictionId), DocumentHash>,
	/// Each closed poll's results.
	pub results: BTreeMap<PollId, Tally>,
	/// Each completed recount's verdict.
	pub verdicts: BTreeMap<PollId, RecountVerdict<u32>>,
	/// People's referenda and their polls.
	pub referendum_polls: BTreeMap<ReferendumIndex, PollId>,
	/// Polls and their people's referenda.
	pub poll_referenda: BTreeMap<PollId, ReferendumIndex>,
	/// Unpurged polls per electorate unit.
	pub unit_polls: BTreeMap<JurisdictionId, u32>,
	/// Unpurged polls per frozen roll.
	pub live_rolls: BTreeMap<[u8; 4], u32>,
	/// The length of each list of each party-list poll.
	pub lists: BTreeMap<PollId, ListSizes>,
	/// Preference votes by poll, territory and list.
	pub preferences: BTreeMap<(PollId, JurisdictionId, u8), PreferenceCounts>,
	/// Preference votes by poll and list, in all territories.
	pub preference_totals: BTreeMap<(PollId, u8), PreferenceCounts>,
	/// Preference votes by poll and list, in excluded territories.
	pub excluded_preferences: BTreeMap<(PollId, u8), PreferenceCounts>,
	/// Polls whose purge has begun and not finished (not part of the chain's state: what the
	/// comparison leaves out).
	pub purging: BTreeSet<PollId>,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_ballots as b;
		let polls: BTreeMap<_, _> = b::Polls::<Runtime>::iter().collect();
		Self {
			next_poll: b::NextPollId::<Runtime>::get(),
			ballots: b::Ballots::<Runtime>::iter().map(|(p, a, r)| ((p, a), r)).collect(),
			tallies: b::Tallies::<Runtime>::iter().map(|(p, t, x)| ((p, t), x)).collect(),
			totals: b::Totals::<Runtime>::iter().collect(),
			excluded_totals: b::ExcludedTotals::<Runtime>::iter().collect(),
			excluded: b::Excluded::<Runtime>::iter().map(|(p, t, r)| ((p, t), r)).collect(),
			results: b::Results::<Runtime>::iter().collect(),
			verdicts: b::RecountVerdicts::<Runtime>::iter().collect(),
			referendum_polls: b::ReferendumPolls::<Runtime>::iter().collect(),
			poll_referenda: b::PollReferenda::<Runtime>::iter().collect(),
			unit_polls: b::UnitPolls::<Runtime>::iter().collect(),
			live_rolls: b::LiveRolls::<Runtime>::iter().collect(),
			lists: b::PollLists::<Runtime>::iter().collect(),
			preferences: b::Preferences::<Runtime>::iter().collect(),
			preference_totals: b::PreferenceTotals::<Runtime>::iter()
				.map(|(p, l, c)| ((p, l), c))
				.collect(),
			excluded_preferences: b::ExcludedPreferences::<Runtime>::iter()
				.map(|(p, l, c)| ((p, l), c))
				.collect(),
			purging: BTreeSet::new(),
			polls,
		}
	}

	/// Applies one event of block `now`.
	pub fn apply(&mut self, now: u32, event: &Event<Runtime>) -> Replay {
		match event {
			Event::PollCreated {
				poll,
				context,
				kind,
				lists,
				electorate,
				roll,
				roll_size,
				start,
				end,
				appeal_end,
				retain_until,
			} => {
				let info = Poll {
					context: *context,
					kind: *kind,
					electorate: electorate.clone(),
					roll: *roll,
					roll_size: *roll_size,
					start: *start,
					end: *end,
					appeal_end: *appeal_end,
					retain_until: *retain_until,
					status: PollStatus::Ongoing,
					voters: 0,
					excluded: 0,
				};
				if self.polls.insert(*poll, info).is_some() {
					return Err("PollCreated for an existing poll".into());
				}
				self.next_poll = poll.checked_add(1).ok_or("poll id overflow")?;
				if !lists.is_empty() {
					self.lists.insert(*poll, lists.clone());
				}
				for unit in electorate.units.iter() {
					let n = self.unit_polls.entry(*unit).or_default();
					*n = n.saturating_add(1);
				}
				let n = self.live_rolls.entry(roll.to_be_bytes()).or_default();
				*n = n.saturating_add(1);
			},
			Event::ReferendumPollOpened { referendum, poll } => {
				self.referendum_polls.insert(*referendum, *poll);
				self.poll_referenda.insert(*poll, *referendum);
			},
			Event::BallotRecorded {
				poll,
				alias,
				territory,
				choice,
				sequence,
				weight,
				replaced,
			} => {
				let info = self.polls.get_mut(poll).ok_or("BallotRecorded in an unknown poll")?;
				let kind = info.kind;
				let options = kind.options();
				let lengths = self.lists.get(poll).cloned().unwrap_or_default();
				let previous = self.ballots.get(&(*poll, *alias)).cloned();
				if previous.is_some() != *replaced {
					return Err(format!(
						"BallotRecorded says replaced: {replaced}; the indexer had {previous:?}"
					));
				}
				let mut totals = self.totals.remove(poll).unwrap_or_else(|| Tally::empty(options));
				if let Some(old) = &previous {
					if old.sequence.checked_add(1) != Some(*sequence) {
						return Err(format!(
							"a re-vote numbered {sequence} after {}",
							old.sequence
						));
					}
					let old_marks = marks(kind, &old.choice);
					if let Some(t) = self.tallies.get_mut(&(*poll, old.territory)) {
						count(t, old_marks, old.weight, false);
					}
					count(&mut totals, old_marks, old.weight, false);
					let excluded = self.excluded.contains_key(&(*poll, old.territory));
					if excluded {
						let t = self
							.excluded_totals
							.entry(*poll)
							.or_insert_with(|| Tally::empty(options));
						count(t, old_marks, old.weight, false);
					}
					self.prefer(
						*poll,
						old.territory,
						&lengths,
						kind,
						&old.choice,
						old.weight,
						false,
					);
				} else {
					info.voters = info.voters.saturating_add(1);
				}
				let t = self
					.tallies
					.entry((*poll, *territory))
					.or_insert_with(|| Tally::empty(options));
				let new_marks = marks(kind, choice);
				count(t, new_marks, *weight, true);
				count(&mut totals, new_marks, *weight, true);
				if self.excluded.contains_key(&(*poll, *territory)) {
					let t =
						self.excluded_totals.entry(*poll).or_insert_with(|| Tally::empty(options));
					count(t, new_marks, *weight, true);
				}
				self.prefer(*poll, *territory, &lengths, kind, choice, *weight, true);
				self.totals.insert(*poll, totals);
				let record = BallotRecord {
					territory: *territory,
					choice: choice.clone(),
					sequence: *sequence,
					weight: *weight,
					cast_at: now,
				};
				self.ballots.insert((*poll, *alias), record);
			},
			Event::PollClosed { poll, results, end, appeal_end, retain_until } => {
				let info = self.polls.get_mut(poll).ok_or("PollClosed of an unknown poll")?;
				info.status = PollStatus::Closed { at: now };
				info.end = *end;
				info.appeal_end = *appeal_end;
				info.retain_until = *retain_until;
				self.results.insert(*poll, results.clone());
			},
			Event::TerritoryExcluded { poll, territory, reason, ballots } => {
				let info =
					self.polls.get_mut(poll).ok_or("TerritoryExcluded in an unknown poll")?;
				let tally = self
					.tallies
					.get(&(*poll, *territory))
					.ok_or("TerritoryExcluded without a tally")?;
				if tally.ballots != *ballots {
					return Err(format!(
						"TerritoryExcluded says {ballots} ballots; the tally has {}",
						tally.ballots
					));
				}
				info.excluded = info.excluded.checked_add(1).ok_or("exclusion count overflow")?;
				let options = info.kind.options();
				let t = self.excluded_totals.entry(*poll).or_insert_with(|| Tally::empty(options));
				merge(t, tally);
				self.excluded.insert((*poll, *territory), *reason);
				let of_territory: Vec<(u8, PreferenceCounts)> = self
					.preferences
					.iter()
					.filter(|((p, t, _), _)| p == poll && t == territory)
					.map(|((_, _, l), c)| (*l, c.clone()))
					.collect();
				for (list, counts) in of_territory {
					let length = counts.len();
					let e = self
						.excluded_preferences
						.entry((*poll, list))
						.or_insert_with(|| zeros(length));
					for (e, c) in e.iter_mut().zip(counts.iter()) {
						*e = e.saturating_add(*c);
					}
				}
			},
			Event::ResultsRecomputed { poll, results } => {
				self.results.insert(*poll, results.clone());
			},
			Event::RecountCompleted { poll, ballots, territories, mismatches } => {
				let verdict = RecountVerdict {
					at: now,
					ballots: *ballots,
					territories: *territories,
					mismatches: *mismatches,
				};
				self.verdicts.insert(*poll, verdict);
			},
			Event::BallotsPurged { poll, complete, .. } => {
				if !complete {
					self.purging.insert(*poll);
					return Ok(());
				}
				self.purging.remove(poll);
				self.ballots.retain(|(p, _), _| p != poll);
				self.tallies.retain(|(p, _), _| p != poll);
				self.preferences.retain(|(p, _, _), _| p != poll);
				self.excluded.retain(|(p, _), _| p != poll);
				self.totals.remove(poll);
				self.excluded_totals.remove(poll);
				let info = self.polls.get_mut(poll).ok_or("BallotsPurged of an unknown poll")?;
				info.status = PollStatus::Purged;
				for unit in info.electorate.units.iter() {
					release(&mut self.unit_polls, *unit);
				}
				release(&mut self.live_rolls, info.roll.to_be_bytes());
			},
			// Progress of a recount, and ballots refused at the end of their block.
			Event::RecountProgressed { .. } | Event::BallotRejected { .. } => {},
			Event::__Ignore(..) => {},
		}
		Ok(())
	}

	/// Where `self` (rebuilt) and `stored` differ; what a poll being purged holds is left out.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		let purging = &self.purging;
		diff_map("ballots.polls", &self.polls, &stored.polls, out);
		diff_value("ballots.next_poll", &self.next_poll, &stored.next_poll, out);
		diff_map(
			"ballots.ballots",
			&outside(&self.ballots, purging),
			&outside(&stored.ballots, purging),
			out,
		);
		diff_map(
			"ballots.tallies",
			&outside(&self.tallies, purging),
			&outside(&stored.tallies, purging),
			out,
		);
		diff_map("ballots.totals", &self.totals, &stored.totals, out);
		diff_map("ballots.excluded_totals", &self.excluded_totals, &stored.excluded_totals, out);
		diff_map(
			"ballots.excluded",
			&outside(&self.excluded, purging),
			&outside(&stored.excluded, purging),
			out,
		);
		diff_map("ballots.results", &self.results, &stored.results, out);
		diff_map("ballots.verdicts", &self.verdicts, &stored.verdicts, out);
		diff_map("ballots.referendum_polls", &self.referendum_polls, &stored.referendum_polls, out);
		diff_map("ballots.poll_referenda", &self.poll_referenda, &stored.poll_referenda, out);
		diff_map("ballots.unit_polls", &self.unit_polls, &stored.unit_polls, out);
		diff_map("ballots.live_rolls", &self.live_rolls, &stored.live_rolls, out);
		diff_map("ballots.lists", &self.lists, &stored.lists, out);
		let not_purging = |m: &BTreeMap<(PollId, JurisdictionId, u8), PreferenceCounts>| {
			m.iter()
				.filter(|((p, _, _), _)| !purging.contains(p))
				.map(|(k, v)| (*k, v.clone()))
				.collect::<BTreeMap<_, _>>()
		};
		diff_map(
			"ballots.preferences",
			&not_purging(&self.preferences),
			&not_purging(&stored.preferences),
			out,
		);
		diff_map(
			"ballots.preference_totals",
			&self.preference_totals,
			&stored.preference_totals,
			out,
		);
		diff_map(
			"ballots.excluded_preferences",
			&self.excluded_preferences,
			&stored.excluded_preferences,
			out,
		);
	}

	/// Counts (`add`) or uncounts a party-list ballot's preferences, or a rating's grades: in its
	/// territory's, the poll's and, for an excluded territory, the excluded counts of its list (of
	/// each part of the rating's grades). Counts appear at a list's first preference, sized to
	/// the list (at a part's first grade, sized to the part).
	#[allow(clippy::too_many_arguments)]
	fn prefer(
		&mut self,
		poll: PollId,
		territory: JurisdictionId,
		lengths: &ListSizes,
		kind: PollKind,
		choice: &[u8],
		weight: u32,
		add: bool,
	) {
		// Each part this ballot counts in beyond the options, with its length and places.
		let parts: Vec<(u8, usize, Vec<u8>)> = match kind {
			PollKind::PartyList { .. } => {
				let Some((list, places)) = choice.split_first() else { return };
				if places.is_empty() {
					return;
				}
				let length = lengths.get(usize::from(*list)).copied().map_or(0, usize::from);
				vec![(*list, length, places.to_vec())]
			},
			// A rating's grades: ten spheres' six-grade histograms to a part, side by side.
			PollKind::Rating { spheres } => {
				let mut parts: Vec<(u8, usize, Vec<u8>)> = Vec::new();
				for (sphere, grade) in choice.iter().enumerate().skip(1) {
					if *grade == 0 {
						continue;
					}
					let sphere = sphere - 1;
					let part = (sphere / 10) as u8;
					let place = ((sphere % 10) * 6 + usize::from(*grade) - 1) as u8;
					let length = (usize::from(spheres) - usize::from(part) * 10).min(10) * 6;
					match parts.iter_mut().find(|(p, _, _)| *p == part) {
						Some((_, _, places)) => places.push(place),
						None => parts.push((part, length, vec![place])),
					}
				}
				parts
			},
			_ => return,
		};
		let excluded = self.excluded.contains_key(&(poll, territory));
		for (list, length, places) in parts {
			let step = |counts: &mut PreferenceCounts| {
				for place in &places {
					if let Some(n) = counts.get_mut(usize::from(*place)) {
						let w = u64::from(weight);
						*n = if add { n.saturating_add(w) } else { n.saturating_sub(w) };
					}
				}
			};
			step(self.preferences.entry((poll, territory, list)).or_insert_with(|| zeros(length)));
			step(self.preference_totals.entry((poll, list)).or_insert_with(|| zeros(length)));
			if excluded {
				step(
					self.excluded_preferences.entry((poll, list)).or_insert_with(|| zeros(length)),
				);
			}
		}
	}
}

/// Zero preference votes for a list of `length` places.
fn zeros(length: usize) -> PreferenceCounts {
	PreferenceCounts::truncate_from(vec![0; length])
}

/// The marks of `choice` a poll's tally counts: every one, but of a party-list ballot only its
/// list (the rest are preferences), and of a rating its approval (the rest are grades).
fn marks(kind: PollKind, choice: &[u8]) -> &[u8] {
	match kind {
		PollKind::PartyList { .. } | PollKind::Rating { .. } => choice.get(..1).unwrap_or(&[]),
		_ => choice,
	}
}

/// Counts (`add`) or uncounts one ballot of `weight` marking `choice`, as a tally does: clamped
/// at the bounds, marks beyond the poll's options ignored.
fn count(tally: &mut Tally, choice: &[u8], weight: u32, add: bool) {
	let w = u64::from(weight);
	let step = |n: u64| if add { n.saturating_add(w) } else { n.saturating_sub(w) };
	tally.ballots =
		if add { tally.ballots.saturating_add(1) } else { tally.ballots.saturating_sub(1) };
	tally.turnout = step(tally.turnout);
	for mark in choice {
		if let Some(n) = tally.options.get_mut(usize::from(*mark)) {
			*n = step(*n);
		}
	}
}

/// Adds a territory's tally to a poll's excluded total.
fn merge(total: &mut Tally, territory: &Tally) {
	total.ballots = total.ballots.saturating_add(territory.ballots);
	total.turnout = total.turnout.saturating_add(territory.turnout);
	for (t, x) in total.options.iter_mut().zip(territory.options.iter()) {
		*t = t.saturating_add(*x);
	}
}

/// The entries of a per-poll map outside the polls `purging`.
fn outside<'a, K: Copy + Ord, V>(
	map: &'a BTreeMap<(PollId, K), V>,
	purging: &BTreeSet<PollId>,
) -> BTreeMap<(PollId, K), &'a V> {
	map.iter()
		.filter(|((p, _), _)| !purging.contains(p))
		.map(|(k, v)| (*k, v))
		.collect()
}

/// One poll fewer under a counter; the entry goes at zero.
fn release<K: Ord>(counts: &mut BTreeMap<K, u32>, key: K) {
	if let Some(n) = counts.get_mut(&key) {
		*n = n.saturating_sub(1);
		if *n == 0 {
			counts.remove(&key);
		}
	}
}
