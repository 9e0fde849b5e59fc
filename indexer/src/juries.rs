//! Juries: bills sent to juries, their pools, draws, summonses and verdicts.
//!
//! Compared: everything the pallet stores — every jury (its bill, seats, credential, context,
//! roll, freeze, windows, counts, draw and stage), the bill each live jury holds, the strata of
//! each pool (in order, with volunteers, persons, quotas, drawn and seated counts), the pool's
//! aliases by place and each alias's enrolment, the draw's swaps (recomputed from the seed as
//! the chain computes them), every summons, the rolls live juries hold, and the relay epochs
//! the chain saw (with the block of the newest one dropped). A jury's pool is left out of the
//! comparison while it is being cleared (until `Cleared` says `complete`).

use crate::{diff_map, diff_value, Replay};
use pallet_veche_juries::{
	sortition, DrawRecord, Event, Jury, JuryOf, JuryStage, RandomnessSource, RelayEpoch, Stratum,
	Summons, SummonsStatus,
};
use pallet_veche_primitives::{ActId, Alias, JurisdictionId, JuryId};
use std::collections::{BTreeMap, BTreeSet};
use veche_runtime::Runtime;

/// What an explorer shows of `pallet-veche-juries`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Every jury.
	pub juries: BTreeMap<JuryId, JuryOf<Runtime>>,
	/// The id of the next jury.
	pub next: JuryId,
	/// The jury holding each bill.
	pub jury_of_act: BTreeMap<ActId, JuryId>,
	/// Each pool's strata, in order.
	pub strata_of: BTreeMap<JuryId, Vec<JurisdictionId>>,
	/// Each stratum.
	pub strata: BTreeMap<(JuryId, JurisdictionId), Stratum>,
	/// The pool's aliases by place.
	pub pool: BTreeMap<(JuryId, JurisdictionId, u32), Alias>,
	/// Each alias's stratum and place.
	pub enrolled: BTreeMap<(JuryId, Alias), (JurisdictionId, u32)>,
	/// The draw's swaps.
	pub swaps: BTreeMap<(JuryId, JurisdictionId, u32), u32>,
	/// Every summons.
	pub summonses: BTreeMap<(JuryId, Alias), Summons<u32>>,
	/// Live juries per roll point.
	pub live_rolls: BTreeMap<[u8; 4], u32>,
	/// The relay epochs seen, oldest first.
	pub recent: Vec<RelayEpoch<u32>>,
	/// The block of the newest epoch dropped.
	pub dropped_through: Option<u32>,
	/// The randomness source.
	pub source: RandomnessSource,
	/// Juries whose pools are being cleared.
	pub clearing: BTreeSet<JuryId>,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_juries as j;
		Self {
			juries: j::Juries::<Runtime>::iter().collect(),
			next: j::NextJuryId::<Runtime>::get(),
			jury_of_act: j::JuryOfAct::<Runtime>::iter().collect(),
			strata_of: j::StrataOf::<Runtime>::iter()
				.filter(|(_, s)| !s.is_empty())
				.map(|(jury, s)| (jury, s.into_inner()))
				.collect(),
			strata: j::Strata::<Runtime>::iter().map(|(jury, s, r)| ((jury, s), r)).collect(),
			pool: j::Pool::<Runtime>::iter().collect(),
			enrolled: j::Enrolled::<Runtime>::iter().map(|(jury, a, e)| ((jury, a), e)).collect(),
			swaps: j::Swaps::<Runtime>::iter().collect(),
			summonses: j::Summonses::<Runtime>::iter().map(|(jury, a, s)| ((jury, a), s)).collect(),
			live_rolls: j::LiveRolls::<Runtime>::iter().collect(),
			recent: j::RecentEpochs::<Runtime>::get().into_inner(),
			dropped_through: j::DroppedThrough::<Runtime>::get(),
			source: j::RandomnessSourceOf::<Runtime>::get(),
			clearing: BTreeSet::new(),
		}
	}

	fn jury(&mut self, jury: JuryId) -> Result<&mut JuryOf<Runtime>, String> {
		self.juries.get_mut(&jury).ok_or_else(|| format!("unknown jury {jury}"))
	}

	fn stratum(&mut self, jury: JuryId, s: JurisdictionId) -> Result<&mut Stratum, String> {
		self.strata
			.get_mut(&(jury, s))
			.ok_or_else(|| format!("unknown stratum {jury}/{s}"))
	}

	/// Ends a jury at block `now`: frees its bill and its roll.
	fn end(&mut self, jury: JuryId, now: u32) -> Replay {
		let info = self.jury(jury)?;
		info.ended = Some(now);
		let (act, roll) = (info.act, info.roll);
		if self.jury_of_act.get(&act) == Some(&jury) {
			self.jury_of_act.remove(&act);
		}
		let key = roll.to_be_bytes();
		match self.live_rolls.get(&key).copied() {
			Some(n) if n > 1 => {
				self.live_rolls.insert(key, n - 1);
			},
			Some(_) => {
				self.live_rolls.remove(&key);
			},
			None => return Err(format!("jury {jury} ended holding no roll")),
		}
		Ok(())
	}

	/// Puts a drawing jury's cursor on its first stratum not fully drawn.
	fn settle_cursor(&mut self, jury: JuryId) -> Replay {
		let strata = self.strata_of.get(&jury).cloned().unwrap_or_default();
		let at = strata
			.iter()
			.position(|s| self.strata.get(&(jury, *s)).is_some_and(|r| r.drawn < r.quota))
			.unwrap_or(strata.len());
		let info = self.jury(jury)?;
		if matches!(info.stage, JuryStage::Drawing { .. }) {
			info.stage = JuryStage::Drawing { stratum: at as u32 };
		}
		Ok(())
	}

	/// Applies one event of block `now`.
	pub fn apply(&mut self, now: u32, event: &Event<Runtime>) -> Replay {
		match event {
			Event::SentToJury {
				jury,
				act,
				version,
				unit,
				size,
				credential,
				context,
				roll,
				freeze,
				acceptance,
				voting,
			} => {
				let record = Jury {
					act: *act,
					version: *version,
					unit: *unit,
					size: *size,
					credential: *credential,
					context: *context,
					roll: *roll,
					freeze: *freeze,
					acceptance: *acceptance,
					voting: *voting,
					volunteers: 0,
					pending: 0,
					seated: 0,
					draw: None,
					stage: JuryStage::Enrolling,
					ended: None,
				};
				if self.juries.insert(*jury, record).is_some() {
					return Err(format!("jury {jury} sent twice"));
				}
				self.next = jury.checked_add(1).ok_or("jury id overflow")?;
				self.jury_of_act.insert(*act, *jury);
				*self.live_rolls.entry(roll.to_be_bytes()).or_default() += 1;
			},
			Event::Enrolled { jury, alias, stratum, place } => {
				let info = self.jury(*jury)?;
				info.volunteers = info.volunteers.checked_add(1).ok_or("volunteers overflow")?;
				let record = self.strata.entry((*jury, *stratum)).or_default();
				if record.volunteers != *place {
					return Err(format!("enrolment at place {place} out of order"));
				}
				record.volunteers = place.checked_add(1).ok_or("place overflow")?;
				let list = self.strata_of.entry(*jury).or_default();
				if !list.contains(stratum) {
					list.push(*stratum);
				}
				self.pool.insert((*jury, *stratum, *place), *alias);
				if self.enrolled.insert((*jury, *alias), (*stratum, *place)).is_some() {
					return Err(format!("alias enrolled twice in jury {jury}"));
				}
			},
			Event::RelayEpochNoted { epoch, randomness, relay_block, source } => {
				if *source != self.source {
					return Err("an epoch noted from another source".into());
				}
				self.recent.push(RelayEpoch {
					epoch: *epoch,
					randomness: *randomness,
					relay_block: *relay_block,
					block: now,
				});
				let max = <<Runtime as pallet_veche_juries::Config>::MaxRecentEpochs as
					frame_support::traits::Get<u32>>::get() as usize;
				if self.recent.len() > max {
					let dropped = self.recent.remove(0);
					self.dropped_through = Some(dropped.block);
				}
			},
			Event::DrawStarted { jury, epoch, randomness, relay_block, source, seed } => {
				let relay = self
					.recent
					.iter()
					.find(|e| e.epoch == *epoch)
					.copied()
					.ok_or_else(|| format!("draw with unseen epoch {epoch}"))?;
				if relay.randomness != *randomness || relay.relay_block != *relay_block {
					return Err(format!("draw of jury {jury} with epoch {epoch} as not seen"));
				}
				if sortition::seed(*jury, *epoch, randomness) != *seed {
					return Err(format!("jury {jury}'s seed is not its randomness's"));
				}
				let info = self.jury(*jury)?;
				info.draw = Some(DrawRecord { relay, source: *source, seed: *seed });
				info.stage = JuryStage::Drawing { stratum: 0 };
			},
			Event::QuotaSet { jury, stratum, persons, volunteers, quota } => {
				let record = self.stratum(*jury, *stratum)?;
				if record.volunteers != *volunteers {
					return Err(format!("quota of {jury}/{stratum} over other volunteers"));
				}
				record.persons = *persons;
				record.quota = *quota;
				self.settle_cursor(*jury)?;
			},
			Event::Summoned { jury, alias, stratum, position, place, deadline } => {
				let seed =
					self.jury(*jury)?.draw.map(|d| d.seed).ok_or("summoned before a draw")?;
				let record = self.stratum(*jury, *stratum)?;
				if record.drawn != *position {
					return Err(format!("summons at position {position} out of order"));
				}
				let remaining =
					record.volunteers.checked_sub(*position).ok_or("drawn past the pool")?;
				record.drawn = position.checked_add(1).ok_or("position overflow")?;
				let i = *position;
				let j = i + sortition::pick(&seed, *stratum, i, remaining);
				let at_i = self.swaps.get(&(*jury, *stratum, i)).copied().unwrap_or(i);
				let at_j = self.swaps.get(&(*jury, *stratum, j)).copied().unwrap_or(j);
				if at_j != *place {
					return Err(format!(
						"summons of {jury}/{stratum} at place {place}, not {at_j}"
					));
				}
				if j != i {
					self.swaps.insert((*jury, *stratum, j), at_i);
				}
				self.swaps.remove(&(*jury, *stratum, i));
				if self.pool.get(&(*jury, *stratum, *place)) != Some(alias) {
					return Err(format!("summoned alias is not at place {place}"));
				}
				self.summonses.insert(
					(*jury, *alias),
					Summons {
						stratum: *stratum,
						position: *position,
						deadline: *deadline,
						status: SummonsStatus::Summoned,
					},
				);
				let info = self.jury(*jury)?;
				info.pending = info.pending.checked_add(1).ok_or("pending overflow")?;
				self.settle_cursor(*jury)?;
			},
			Event::DrawCompleted { jury, .. } => {
				self.jury(*jury)?.stage = JuryStage::Seating;
			},
			Event::Seated { jury, alias } => {
				let summons =
					self.summonses.get_mut(&(*jury, *alias)).ok_or("an unsummoned alias seated")?;
				summons.status = SummonsStatus::Seated;
				let stratum = summons.stratum;
				let record = self.stratum(*jury, stratum)?;
				record.seated = record.seated.checked_add(1).ok_or("seated overflow")?;
				let info = self.jury(*jury)?;
				info.seated = info.seated.checked_add(1).ok_or("seated overflow")?;
				info.pending = info.pending.checked_sub(1).ok_or("pending underflow")?;
			},
			Event::Lapsed { jury, alias } => {
				self.summonses
					.get_mut(&(*jury, *alias))
					.ok_or("an unsummoned alias lapsed")?
					.status = SummonsStatus::Lapsed;
				let info = self.jury(*jury)?;
				info.pending = info.pending.checked_sub(1).ok_or("pending underflow")?;
			},
			Event::VoteOpened { jury, poll, .. } => {
				self.jury(*jury)?.stage = JuryStage::Voting { poll: *poll };
			},
			Event::Decided { jury, adopted, .. } => {
				let info = self.jury(*jury)?;
				let JuryStage::Voting { poll } = info.stage else {
					return Err(format!("jury {jury} decided without a vote"));
				};
				info.stage = JuryStage::Decided { adopted: *adopted, poll };
				self.end(*jury, now)?;
			},
			Event::JuryFailed { jury } => {
				self.jury(*jury)?.stage = JuryStage::Failed;
				self.end(*jury, now)?;
			},
			Event::JuryCancelled { jury } => {
				self.jury(*jury)?.stage = JuryStage::Cancelled;
				self.end(*jury, now)?;
			},
			Event::Cleared { jury, complete, .. } => {
				if !complete {
					self.clearing.insert(*jury);
					return Ok(());
				}
				self.clearing.remove(jury);
				self.pool.retain(|(j, _, _), _| j != jury);
				self.swaps.retain(|(j, _, _), _| j != jury);
				self.enrolled.retain(|(j, _), _| j != jury);
				self.summonses.retain(|(j, _), _| j != jury);
			},
			_ => {},
		}
		Ok(())
	}

	/// Every difference from the stored view (pools being cleared left out).
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("juries.juries", &self.juries, &stored.juries, out);
		diff_value("juries.next", &self.next, &stored.next, out);
		diff_map("juries.jury_of_act", &self.jury_of_act, &stored.jury_of_act, out);
		diff_map("juries.strata_of", &self.strata_of, &stored.strata_of, out);
		diff_map("juries.strata", &self.strata, &stored.strata, out);
		let settled = |j: &JuryId| !self.clearing.contains(j);
		let pool = |s: &Self| -> BTreeMap<_, _> {
			s.pool
				.iter()
				.filter(|((j, _, _), _)| settled(j))
				.map(|(k, v)| (*k, *v))
				.collect()
		};
		diff_map("juries.pool", &pool(self), &pool(stored), out);
		let enrolled = |s: &Self| -> BTreeMap<_, _> {
			s.enrolled
				.iter()
				.filter(|((j, _), _)| settled(j))
				.map(|(k, v)| (*k, *v))
				.collect()
		};
		diff_map("juries.enrolled", &enrolled(self), &enrolled(stored), out);
		let swaps = |s: &Self| -> BTreeMap<_, _> {
			s.swaps
				.iter()
				.filter(|((j, _, _), _)| settled(j))
				.map(|(k, v)| (*k, *v))
				.collect()
		};
		diff_map("juries.swaps", &swaps(self), &swaps(stored), out);
		let summonses = |s: &Self| -> BTreeMap<_, _> {
			s.summonses
				.iter()
				.filter(|((j, _), _)| settled(j))
				.map(|(k, v)| (*k, *v))
				.collect()
		};
		diff_map("juries.summonses", &summonses(self), &summonses(stored), out);
		diff_map("juries.live_rolls", &self.live_rolls, &stored.live_rolls, out);
		diff_value("juries.recent", &self.recent, &stored.recent, out);
		diff_value("juries.dropped_through", &self.dropped_through, &stored.dropped_through, out);
		diff_value("juries.source", &self.source, &stored.source, out);
	}
}
