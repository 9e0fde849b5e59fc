//! # veche-indexer
//!
//! An event-replay indexer for Veche: it rebuilds what a block explorer shows of every Veche
//! pallet — the jurisdiction tree and its offices; registrars, persons, credentials and the
//! persons in each ring; polls, ballots, tallies and results; currencies, their admins and every
//! account's balances; elections, promises, officials' ratings and recall procedures; the
//! registry of acts with its keys and signatures; juries; trustees' keys; civic profiles,
//! consultations, ideas and clubs — from the chain's events alone, and compares the
//! result with the chain's storage.
//!
//! It starts from the genesis state (which the chain spec publishes: an explorer decodes it once)
//! and from then on reads only events: [`Index::apply_block`] takes a block's events in order
//! and never looks at storage. [`Index::from_storage`] reads the same view from storage instead;
//! [`Index::diff`] names every difference. A difference means an event is missing or says too
//! little — a state change no one outside the chain could follow — or the indexer misreads one.
//!
//! Two drivers use it: the runtime fuzzer (`veche-fuzz`) compares after every block of its
//! random runs, and `veche-indexer <ws-url>` replays a running chain through RPC (the e2e tier
//! runs it after its tests).
//!
//! What it leaves out, on purpose (no explorer shows it, and no event could rebuild it without
//! repeating the pallets' own bookkeeping): caches and cursors (ring-builder progress, queue
//! cursors, pending ballots of the current block), the moment an account's lazy demurrage was
//! last applied, and per-account feeless-use counters. Each module says what it compares.

pub mod acts;
pub mod ballots;
pub mod consultations;
pub mod credit;
pub mod elections;
pub mod juries;
pub mod jurisdictions;
pub mod personhood;
pub mod promises;
pub mod ratings;
pub mod recall;
pub mod trustees;

use codec::Encode;
use core::fmt::Debug;
use std::collections::BTreeMap;
use veche_runtime::RuntimeEvent;

/// The outcome of replaying one event: an error says why the event cannot follow from the state
/// rebuilt so far (an unknown unit, a ballot for an unknown poll, an overflow).
pub type Replay = Result<(), String>;

/// What an explorer shows of every Veche pallet.
#[derive(Debug, Clone, Default)]
pub struct Index {
	/// The last block applied.
	pub block: u32,
	/// Veche events applied so far.
	pub events: u64,
	/// The jurisdiction tree.
	pub jurisdictions: jurisdictions::State,
	/// Registrars, persons, credentials and rings.
	pub personhood: personhood::State,
	/// Polls, ballots and tallies.
	pub ballots: ballots::State,
	/// Currencies and accounts.
	pub credit: credit::State,
	/// Rules, elections, candidacies and officeholders.
	pub elections: elections::State,
	/// Promises, their histories and the auditors.
	pub promises: promises::State,
	/// Officials' rating periods and promotion bars.
	pub ratings: ratings::State,
	/// Recall procedures, petitions and rules.
	pub recall: recall::State,
	/// The registry of acts.
	pub acts: acts::State,
	/// Juries, their pools, draws and verdicts.
	pub juries: juries::State,
	/// Trustees' key ceremonies and keys.
	pub trustees: trustees::State,
	/// Profiles, consultations, ideas, statuses' counters and clubs.
	pub consultations: consultations::State,
}

impl Index {
	/// Reads the view from storage. Call inside externalities holding the chain's state.
	pub fn from_storage() -> Self {
		Self {
			block: frame_system::Pallet::<veche_runtime::Runtime>::block_number(),
			events: 0,
			jurisdictions: jurisdictions::State::from_storage(),
			personhood: personhood::State::from_storage(),
			ballots: ballots::State::from_storage(),
			credit: credit::State::from_storage(),
			elections: elections::State::from_storage(),
			promises: promises::State::from_storage(),
			ratings: ratings::State::from_storage(),
			recall: recall::State::from_storage(),
			acts: acts::State::from_storage(),
			juries: juries::State::from_storage(),
			trustees: trustees::State::from_storage(),
			consultations: consultations::State::from_storage(),
		}
	}

	/// Applies the events of block `number`, in the order they were deposited. Fails on the
	/// first event that cannot follow from the state rebuilt so far, naming it.
	pub fn apply_block<'a>(
		&mut self,
		number: u32,
		events: impl IntoIterator<Item = &'a RuntimeEvent>,
	) -> Replay {
		for (i, event) in events.into_iter().enumerate() {
			let applied = match event {
				RuntimeEvent::Jurisdictions(e) => self.jurisdictions.apply(e),
				RuntimeEvent::Personhood(e) => {
					self.personhood.apply(number, &self.jurisdictions, e)
				},
				RuntimeEvent::Ballots(e) => self.ballots.apply(number, e),
				RuntimeEvent::Credit(e) => self.credit.apply(e),
				RuntimeEvent::Elections(e) => self.elections.apply(number, &self.jurisdictions, e),
				RuntimeEvent::Promises(e) => self.promises.apply(number, e),
				RuntimeEvent::Ratings(e) => self.ratings.apply(e),
				RuntimeEvent::Recall(e) => self.recall.apply(number, e),
				RuntimeEvent::Acts(e) => self.acts.apply(number, e),
				RuntimeEvent::Juries(e) => self.juries.apply(number, e),
				RuntimeEvent::Trustees(e) => self.trustees.apply(e),
				RuntimeEvent::Consultations(e) => self.consultations.apply(e),
				_ => continue,
			};
			applied.map_err(|why| format!("block {number}, event {i} ({event:?}): {why}"))?;
			self.events = self.events.saturating_add(1);
		}
		self.block = number;
		Ok(())
	}

	/// Every difference between `self` (rebuilt from events) and `stored` (read from storage),
	/// one line each; empty when they agree.
	pub fn diff(&self, stored: &Index) -> Vec<String> {
		let mut out = Vec::new();
		self.jurisdictions.diff(&stored.jurisdictions, &mut out);
		self.personhood.diff(&stored.personhood, &mut out);
		self.ballots.diff(&stored.ballots, &mut out);
		self.credit.diff(&stored.credit, &mut out);
		self.elections.diff(&stored.elections, &mut out);
		self.promises.diff(&stored.promises, &mut out);
		self.ratings.diff(&stored.ratings, &mut out);
		self.recall.diff(&stored.recall, &mut out);
		self.acts.diff(&stored.acts, &mut out);
		self.juries.diff(&stored.juries, &mut out);
		self.trustees.diff(&stored.trustees, &mut out);
		self.consultations.diff(&stored.consultations, &mut out);
		out
	}

	/// How much the view holds, for reports.
	pub fn summary(&self) -> serde_json::Value {
		serde_json::json!({
			"block": self.block,
			"events": self.events,
			"units": self.jurisdictions.units.len(),
			"offices": self.jurisdictions.offices.len(),
			"registrars": self.personhood.registrars.len(),
			"persons": self.personhood.people.len(),
			"rings": self.personhood.rings.len(),
			"polls": self.ballots.polls.len(),
			"ballots": self.ballots.ballots.len(),
			"currencies": self.credit.currencies.len(),
			"accounts": self.credit.accounts.len(),
			"elections": self.elections.elections.len(),
			"holders": self.elections.holders.values().map(Vec::len).sum::<usize>(),
			"promises": self.promises.promises.len(),
			"rating_periods": self.ratings.periods.len(),
			"recall_procedures": self.recall.procedures.len(),
			"acts": self.acts.acts.len(),
			"act_signatures": self.acts.signatures.len(),
			"juries": self.juries.juries.len(),
			"jury_volunteers": self.juries.enrolled.len(),
			"keys": self.trustees.ceremonies.len(),
			"profiles": self.consultations.profiles.len(),
			"consultations": self.consultations.consultations.len(),
			"answers": self.consultations.answers.len(),
			"ideas": self.consultations.ideas.len(),
		})
	}
}

/// Reports every key whose value differs between the rebuilt and the stored map (values are
/// compared by their SCALE encoding: the pallets' bounded types have no `PartialEq` for every
/// bound).
pub(crate) fn diff_map<K: Ord + Debug, V: Encode + Debug>(
	what: &str,
	rebuilt: &BTreeMap<K, V>,
	stored: &BTreeMap<K, V>,
	out: &mut Vec<String>,
) {
	for (k, v) in rebuilt {
		match stored.get(k) {
			None => out.push(format!("{what}[{k:?}]: rebuilt {v:?}, not in storage")),
			Some(s) if s.encode() != v.encode() => {
				out.push(format!("{what}[{k:?}]: rebuilt {v:?}, stored {s:?}"))
			},
			Some(_) => {},
		}
	}
	for (k, s) in stored {
		if !rebuilt.contains_key(k) {
			out.push(format!("{what}[{k:?}]: stored {s:?}, not rebuilt"));
		}
	}
}

/// Reports a value that differs between the rebuilt and the stored view.
pub(crate) fn diff_value<V: Encode + Debug>(
	what: &str,
	rebuilt: &V,
	stored: &V,
	out: &mut Vec<String>,
) {
	if rebuilt.encode() != stored.encode() {
		out.push(format!("{what}: rebuilt {rebuilt:?}, stored {stored:?}"));
	}
}
