//! Recall procedures, petitions and offices' recall rules.
//!
//! Compared: everything the pallet stores — offices' rules, every procedure (its trigger,
//! rules, notice, response, stage), the running procedure and open petition of each official
//! and office, the cooldown and once-per-period marks, and each person's record.

use crate::{diff_map, diff_value, Replay};
use pallet_veche_primitives::OfficeId;
use pallet_veche_recall::{
	Event, Petition, Procedure, ProcedureId, ProcedureOf, Response, RulesOf, Stage, Trigger,
};
use std::collections::BTreeMap;
use veche_runtime::{AccountId, Runtime};

/// The most procedures a person's record lists (the runtime's `MaxRecord`).
fn max_record() -> usize {
	use frame_support::traits::Get;
	<<Runtime as pallet_veche_recall::Config>::MaxRecord as Get<u32>>::get() as usize
}

/// What an explorer shows of `pallet-veche-recall`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Offices' own rules.
	pub rules: BTreeMap<OfficeId, RulesOf<Runtime>>,
	/// Every procedure.
	pub procedures: BTreeMap<ProcedureId, ProcedureOf<Runtime>>,
	/// The id of the next procedure.
	pub next: ProcedureId,
	/// The running procedure of each official in each office.
	pub running: BTreeMap<(OfficeId, AccountId), ProcedureId>,
	/// When the last procedure ended, and the latest period that started one.
	pub last: BTreeMap<(OfficeId, AccountId), (Option<u32>, Option<u32>)>,
	/// Open petitions (kept until replaced or spent, as the pallet keeps them).
	pub petitions: BTreeMap<(OfficeId, AccountId), Petition<u32>>,
	/// Each person's procedures, oldest first.
	pub record: BTreeMap<AccountId, Vec<ProcedureId>>,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_recall as r;
		Self {
			rules: r::Rules::<Runtime>::iter().collect(),
			procedures: r::Procedures::<Runtime>::iter().collect(),
			next: r::NextProcedure::<Runtime>::get(),
			running: r::Running::<Runtime>::iter().map(|(o, a, p)| ((o, a), p)).collect(),
			last: r::Last::<Runtime>::iter().map(|(o, a, l)| ((o, a), l)).collect(),
			petitions: r::Petitions::<Runtime>::iter().map(|(o, a, p)| ((o, a), p)).collect(),
			record: r::Record::<Runtime>::iter()
				.filter(|(_, ids)| !ids.is_empty())
				.map(|(a, ids)| (a, ids.into_inner()))
				.collect(),
		}
	}

	fn procedure(&mut self, id: ProcedureId) -> Result<&mut ProcedureOf<Runtime>, String> {
		self.procedures.get_mut(&id).ok_or_else(|| format!("unknown procedure {id}"))
	}

	/// Applies one event of block `now`.
	pub fn apply(&mut self, now: u32, event: &Event<Runtime>) -> Replay {
		match event {
			Event::RulesSet { office, rules } => match rules {
				Some(r) => {
					self.rules.insert(*office, *r);
				},
				None => {
					self.rules.remove(office);
				},
			},
			Event::PetitionOpened { office, who, poll, end } => {
				self.petitions
					.insert((*office, who.clone()), Petition { poll: *poll, end: *end });
			},
			Event::RecallStarted { procedure, office, who, trigger, rules, response_end } => {
				let key = (*office, who.clone());
				match trigger {
					Trigger::Rating { period, .. } => {
						self.last.entry(key.clone()).or_default().1 = Some(*period);
					},
					Trigger::Petition { .. } => {
						self.petitions
							.remove(&key)
							.ok_or("a petition recall without a petition")?;
					},
				}
				let p = Procedure {
					office: *office,
					who: who.clone(),
					trigger: trigger.clone(),
					rules: *rules,
					noticed: now,
					response_end: *response_end,
					response: None,
					stage: Stage::Notice,
				};
				if self.procedures.insert(*procedure, p).is_some() {
					return Err("RecallStarted for an existing procedure".into());
				}
				self.next = procedure.checked_add(1).ok_or("procedure id overflow")?;
				if self.running.insert(key, *procedure).is_some() {
					return Err("a second procedure running against one official".into());
				}
				let record = self.record.entry(who.clone()).or_default();
				if record.len() >= max_record() && !record.is_empty() {
					record.remove(0);
				}
				record.push(*procedure);
			},
			Event::Responded { procedure, document, fixes } => {
				let p = self.procedure(*procedure)?;
				p.response = Some(Response {
					document: *document,
					fixes: fixes.clone().try_into().map_err(|_| "too many fixes")?,
					at: now,
				});
			},
			Event::ConfidenceVoteOpened { procedure, poll, .. } => {
				let p = self.procedure(*procedure)?;
				if p.stage != Stage::Notice {
					return Err("a vote opened outside notice".into());
				}
				p.stage = Stage::Voting { poll: *poll };
			},
			Event::RecallConcluded { procedure, office, who, outcome, .. } => {
				let p = self.procedure(*procedure)?;
				if matches!(p.stage, Stage::Ended { .. }) {
					return Err("a procedure concluded twice".into());
				}
				p.stage = Stage::Ended { outcome: *outcome, at: now };
				let key = (*office, who.clone());
				self.running.remove(&key).ok_or("a concluded procedure was not running")?;
				self.last.entry(key).or_default().0 = Some(now);
			},
			_ => {},
		}
		Ok(())
	}

	/// Every difference from the stored view.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("recall.rules", &self.rules, &stored.rules, out);
		diff_map("recall.procedures", &self.procedures, &stored.procedures, out);
		diff_value("recall.next", &self.next, &stored.next, out);
		diff_map("recall.running", &self.running, &stored.running, out);
		diff_map("recall.last", &self.last, &stored.last, out);
		diff_map("recall.petitions", &self.petitions, &stored.petitions, out);
		diff_map("recall.record", &self.record, &stored.record, out);
	}
}
