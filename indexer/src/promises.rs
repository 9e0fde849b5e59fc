//! Promises, their histories, the records of verdicts and the accredited auditors.
//!
//! Compared: everything the pallet stores — every promise (status, progress, verdict, appeal,
//! deposit, parts), each candidacy's promises, every history entry, each person's verdicts, the
//! auditors and their count.

use crate::{diff_map, diff_value, Replay};
use pallet_veche_primitives::{ElectionId, PromiseId, PromiseStatus};
use pallet_veche_promises::{Appeal, Change, Entry, EntryOf, Event, Promise, PromiseOf, Verdicts};
use std::collections::BTreeMap;
use veche_runtime::{AccountId, Runtime};

/// What an explorer shows of `pallet-veche-promises`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Every promise on record.
	pub promises: BTreeMap<PromiseId, PromiseOf<Runtime>>,
	/// The id the next promise gets.
	pub next_promise: PromiseId,
	/// Each candidacy's promises, in the order made.
	pub by_candidacy: BTreeMap<(AccountId, ElectionId), Vec<PromiseId>>,
	/// Every history entry.
	pub history: BTreeMap<(PromiseId, u32), EntryOf<Runtime>>,
	/// Each person's verdicts.
	pub records: BTreeMap<AccountId, Verdicts>,
	/// Accredited auditors, with the block of accreditation.
	pub auditors: BTreeMap<AccountId, u32>,
	/// How many auditors there are.
	pub auditor_count: u32,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_promises as p;
		Self {
			promises: p::Promises::<Runtime>::iter().collect(),
			next_promise: p::NextPromiseId::<Runtime>::get(),
			by_candidacy: p::ByCandidacy::<Runtime>::iter()
				.map(|(a, e, ids)| ((a, e), ids.into_inner()))
				.collect(),
			history: p::History::<Runtime>::iter().map(|(id, i, e)| ((id, i), e)).collect(),
			records: p::Records::<Runtime>::iter().collect(),
			auditors: p::Auditors::<Runtime>::iter().collect(),
			auditor_count: p::AuditorCount::<Runtime>::get(),
		}
	}

	/// Applies one event of block `now`.
	pub fn apply(&mut self, now: u32, event: &Event<Runtime>) -> Replay {
		match event {
			Event::PromiseMade {
				promise,
				maker,
				election,
				title,
				content,
				sphere,
				deadline,
				parent,
				deposit,
			} => {
				if let Some(parent) = parent {
					let p = self.promise(*parent)?;
					p.parts = p.parts.checked_add(1).ok_or("parts overflow")?;
				}
				let info = Promise {
					maker: maker.clone(),
					election: *election,
					title: title.clone(),
					content: *content,
					sphere: *sphere,
					deadline: *deadline,
					parent: *parent,
					parts: 0,
					made_at: now,
					status: PromiseStatus::NotYetRated,
					progress: 0,
					verdict_at: None,
					appeal: Appeal::None,
					deposit: *deposit,
					history: 0,
				};
				if self.promises.insert(*promise, info).is_some() {
					return Err("PromiseMade for an existing promise".into());
				}
				self.next_promise = promise.checked_add(1).ok_or("promise id overflow")?;
				self.by_candidacy.entry((maker.clone(), *election)).or_default().push(*promise);
				self.append(*promise, now, Some(maker.clone()), Change::Made)?;
			},
			Event::PromiseWithdrawn { promise, maker } => {
				let info = self.remove(*promise)?;
				let key = (maker.clone(), info.election);
				let ids = self.by_candidacy.entry(key.clone()).or_default();
				ids.retain(|id| id != promise);
				if ids.is_empty() {
					self.by_candidacy.remove(&key);
				}
			},
			Event::ProgressReported { promise, maker, progress, milestone, evidence, status } => {
				let p = self.promise(*promise)?;
				p.progress = *progress;
				p.status = *status;
				let change = Change::Progress {
					progress: *progress,
					milestone: milestone.clone(),
					evidence: *evidence,
					status: *status,
				};
				self.append(*promise, now, Some(maker.clone()), change)?;
			},
			Event::PromiseRated { promise, auditor, status, report, released } => {
				let p = self.promise(*promise)?;
				p.status = *status;
				if status.is_verdict() {
					p.verdict_at = Some(now);
					p.deposit = p.deposit.checked_sub(*released).ok_or("released over deposit")?;
					let maker = p.maker.clone();
					count(self.records.entry(maker).or_default(), *status, true)?;
				}
				let change = Change::Rated { status: *status, report: *report };
				self.append(*promise, now, Some(auditor.clone()), change)?;
			},
			Event::VerdictAppealed { promise, maker, grounds } => {
				self.promise(*promise)?.appeal = Appeal::Pending;
				self.append(
					*promise,
					now,
					Some(maker.clone()),
					Change::Appealed { grounds: *grounds },
				)?;
			},
			Event::AppealDecided { promise, previous, status, decision } => {
				let p = self.promise(*promise)?;
				p.status = *status;
				p.appeal = Appeal::Decided;
				let maker = p.maker.clone();
				let record = self.records.entry(maker).or_default();
				count(record, *previous, false)?;
				count(record, *status, true)?;
				let change = Change::AppealDecided { status: *status, decision: *decision };
				self.append(*promise, now, None, change)?;
			},
			Event::AuditorAccredited { auditor } => {
				self.auditors.insert(auditor.clone(), now);
				self.auditor_count = self.auditor_count.saturating_add(1);
			},
			Event::AuditorRevoked { auditor } => {
				self.auditors.remove(auditor).ok_or("AuditorRevoked for no auditor")?;
				self.auditor_count = self.auditor_count.saturating_sub(1);
			},
			Event::PromisesCleared { maker, election, promises, .. } => {
				for id in promises.iter() {
					self.remove(*id)?;
				}
				self.by_candidacy.remove(&(maker.clone(), *election));
			},
			Event::__Ignore(..) => {},
		}
		Ok(())
	}

	fn promise(&mut self, id: PromiseId) -> Result<&mut PromiseOf<Runtime>, String> {
		self.promises.get_mut(&id).ok_or_else(|| format!("no promise {id}"))
	}

	fn append(
		&mut self,
		id: PromiseId,
		at: u32,
		by: Option<AccountId>,
		change: Change<<Runtime as pallet_veche_promises::Config>::MaxTitleLen>,
	) -> Replay {
		let p = self.promise(id)?;
		let n = p.history;
		p.history = n.checked_add(1).ok_or("history overflow")?;
		self.history.insert((id, n), Entry { at, by, change });
		Ok(())
	}

	/// Removes a promise and its history; its parent loses a part.
	fn remove(&mut self, id: PromiseId) -> Result<PromiseOf<Runtime>, String> {
		let info = self.promises.remove(&id).ok_or_else(|| format!("no promise {id}"))?;
		for i in 0..info.history {
			self.history.remove(&(id, i));
		}
		// A part cleared together with its parent finds it gone already (`PromisesCleared` lists
		// a candidacy's promises oldest first), as the pallet does.
		if let Some(p) = info.parent.and_then(|parent| self.promises.get_mut(&parent)) {
			p.parts = p.parts.checked_sub(1).ok_or("parts underflow")?;
		}
		Ok(info)
	}

	/// Where `self` (rebuilt) and `stored` differ.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("promises.promises", &self.promises, &stored.promises, out);
		diff_value("promises.next_promise", &self.next_promise, &stored.next_promise, out);
		diff_map("promises.by_candidacy", &self.by_candidacy, &stored.by_candidacy, out);
		diff_map("promises.history", &self.history, &stored.history, out);
		let nonzero = |m: &BTreeMap<AccountId, Verdicts>| -> BTreeMap<AccountId, Verdicts> {
			m.iter().filter(|(_, v)| v.total() > 0).map(|(k, v)| (k.clone(), *v)).collect()
		};
		diff_map("promises.records", &nonzero(&self.records), &nonzero(&stored.records), out);
		diff_map("promises.auditors", &self.auditors, &stored.auditors, out);
		diff_value("promises.auditor_count", &self.auditor_count, &stored.auditor_count, out);
	}
}

/// Adds or takes back one verdict in a record.
fn count(record: &mut Verdicts, status: PromiseStatus, add: bool) -> Replay {
	let c = record.counter(status).ok_or("a verdict that is no verdict")?;
	*c = if add { c.checked_add(1) } else { c.checked_sub(1) }
		.ok_or("verdict count out of range")?;
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_veche_primitives::PolicySphere;

	fn made(promise: PromiseId, maker: &AccountId, parent: Option<PromiseId>) -> Event<Runtime> {
		Event::PromiseMade {
			promise,
			maker: maker.clone(),
			election: 0,
			title: b"a promise".to_vec().try_into().expect("short"),
			content: [promise as u8; 32],
			sphere: PolicySphere::Housing,
			deadline: None,
			parent,
			deposit: 1,
		}
	}

	#[test]
	fn a_part_cleared_with_its_parent_replays() {
		// Found by the long fuzz run (seed 10, block 299): a candidacy's promises 3, 4 and 6, 6
		// a part of 4, cleared together; the replay removed 4, then failed on 6's parent.
		let maker = AccountId::new([7; 32]);
		let mut state = State::default();
		for (id, parent) in [(3, None), (4, None), (6, Some(4))] {
			state.apply(1, &made(id, &maker, parent)).expect("made");
		}
		assert_eq!(state.promises[&4].parts, 1);
		let cleared = Event::PromisesCleared {
			maker: maker.clone(),
			election: 0,
			promises: vec![3, 4, 6].try_into().expect("few"),
			released: 3,
		};
		state.apply(2, &cleared).expect("a part cleared with its parent");
		assert!(state.promises.is_empty());
		assert!(state.by_candidacy.is_empty());
		// A part whose parent stays still gives its place back.
		for (id, parent) in [(7, None), (8, Some(7))] {
			state.apply(3, &made(id, &maker, parent)).expect("made");
		}
		let withdrawn = Event::PromiseWithdrawn { promise: 8, maker: maker.clone() };
		state.apply(4, &withdrawn).expect("withdrawn");
		assert_eq!(state.promises[&7].parts, 0);
	}
}
