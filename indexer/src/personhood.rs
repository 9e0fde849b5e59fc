//! Registrars, persons, credentials, and the keys in each ring and queue.
//!
//! Compared: registrars (every field: units, count, quota and its use), persons (key,
//! constituency, registrar, status, ring), the key → tag map, who registered whom (until swept),
//! credential classes, examiners and holdings, every queue (its keys and since when it waits),
//! every ring's member list and current revision (number, size, roll point), the kept past
//! revisions and member snapshots, the roll clock, the committed-key counts per unit, the
//! anonymity floor and the pooled constituencies. Not compared: ring commitments (the ring-VRF
//! builder's output: recomputable off-chain from the member lists, never carried by an event),
//! the builder's progress and the static chunks.

use crate::{diff_map, diff_value, Replay};
use frame_support::traits::Get;
use pallet_veche_personhood::{
	crypto::Member, CohortOf, Event, Holding, PersonOf, PersonStatus, RegistrarOf, Tag,
};
use pallet_veche_primitives::{
	CredentialClass, JurisdictionId, RingIndex, RingRevision, RingSet, Roll,
};
use std::collections::{BTreeMap, BTreeSet};
use veche_runtime::{AccountId, Runtime};

type ClassName =
	frame_support::BoundedVec<u8, <Runtime as pallet_veche_personhood::Config>::MaxNameLen>;

/// A ring's current revision, without its commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, codec::Encode)]
pub struct Revision {
	/// Its number (1 for the first).
	pub revision: RingRevision,
	/// The keys it covers: the first `members` of the ring's list when it was built.
	pub members: u32,
	/// The roll point from which polls use it.
	pub from: Roll,
}

/// A replaced revision kept for the polls whose roll holds it, without its commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, codec::Encode)]
pub struct Past {
	/// The keys it covered.
	pub members: u32,
	/// The roll point from which it was used.
	pub from: Roll,
	/// The roll point at which the next revision replaced it.
	pub until: Roll,
}

/// What an explorer shows of `pallet-veche-personhood`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Accredited registrars.
	pub registrars: BTreeMap<AccountId, RegistrarOf<Runtime>>,
	/// Registered persons by tag.
	pub people: BTreeMap<Tag, PersonOf<Runtime>>,
	/// Every key ever used, to its person's tag.
	pub keys: BTreeMap<Member, Tag>,
	/// Who registered whom (until a revoked registrar's registrations are swept).
	pub by_registrar: BTreeSet<(AccountId, Tag)>,
	/// Persons registered, ever.
	pub person_count: u32,
	/// Persons registered, ever, per constituency.
	pub residents: BTreeMap<JurisdictionId, u32>,
	/// Credential classes by id.
	pub classes: BTreeMap<CredentialClass, ClassName>,
	/// The id the next class gets.
	pub next_class: CredentialClass,
	/// Examiners per class.
	pub examiners: BTreeSet<(CredentialClass, AccountId)>,
	/// Credentials held, and in which ring.
	pub credentials: BTreeMap<(Tag, CredentialClass), Holding>,
	/// Keys waiting to join the rings of each set.
	pub queues: BTreeMap<RingSet, CohortOf<Runtime>>,
	/// The ring of each set that takes the next keys.
	pub open_ring: BTreeMap<RingSet, RingIndex>,
	/// Each ring's member list.
	pub rings: BTreeMap<(RingSet, RingIndex), Vec<Member>>,
	/// Each ring's current revision.
	pub roots: BTreeMap<(RingSet, RingIndex), Revision>,
	/// Replaced revisions kept for polls.
	pub past: BTreeMap<(RingSet, RingIndex, RingRevision), Past>,
	/// Member lists of revisions the ring's list no longer starts with.
	pub snapshots: BTreeMap<(RingSet, RingIndex, RingRevision), Vec<Member>>,
	/// The roll clock: the last roll point handed out.
	pub roll_clock: Roll,
	/// Keys in current territory revisions, per unit (the territory and the units above it).
	pub committed: BTreeMap<JurisdictionId, u32>,
	/// Keys in all current territory revisions.
	pub committed_total: u32,
	/// The anonymity floor.
	pub min_ring_size: u32,
	/// Constituencies pooled into their parent's rings.
	pub pooled: BTreeMap<JurisdictionId, JurisdictionId>,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_personhood as p;
		Self {
			registrars: p::Registrars::<Runtime>::iter().collect(),
			people: p::People::<Runtime>::iter().collect(),
			keys: p::Keys::<Runtime>::iter().collect(),
			by_registrar: p::ByRegistrar::<Runtime>::iter_keys().collect(),
			person_count: p::PersonCount::<Runtime>::get(),
			residents: p::Residents::<Runtime>::iter().collect(),
			classes: p::CredentialClasses::<Runtime>::iter().collect(),
			next_class: p::NextCredentialClass::<Runtime>::get(),
			examiners: p::Examiners::<Runtime>::iter_keys().collect(),
			credentials: p::Credentials::<Runtime>::iter().map(|(t, c, h)| ((t, c), h)).collect(),
			queues: p::Queues::<Runtime>::iter().collect(),
			open_ring: p::OpenRing::<Runtime>::iter().collect(),
			rings: p::RingMembers::<Runtime>::iter()
				.map(|(s, i, m)| ((s, i), m.into_inner()))
				.collect(),
			roots: p::RingRoots::<Runtime>::iter()
				.map(|(s, i, r)| {
					((s, i), Revision { revision: r.revision, members: r.members, from: r.from })
				})
				.collect(),
			past: p::PastRoots::<Runtime>::iter()
				.map(|(k, r)| (k, Past { members: r.members, from: r.from, until: r.until }))
				.collect(),
			snapshots: p::RevisionMembers::<Runtime>::iter()
				.map(|(k, m)| (k, m.into_inner()))
				.collect(),
			roll_clock: p::RollClock::<Runtime>::get(),
			committed: p::Committed::<Runtime>::iter().collect(),
			committed_total: p::CommittedTotal::<Runtime>::get(),
			min_ring_size: p::MinRingSize::<Runtime>::get(),
			pooled: p::Pooled::<Runtime>::iter().collect(),
		}
	}

	/// Applies one event of block `now`; `units` is the jurisdiction tree as rebuilt so far.
	pub fn apply(
		&mut self,
		now: u32,
		units: &crate::jurisdictions::State,
		event: &Event<Runtime>,
	) -> Replay {
		match event {
			Event::RegistrarAccredited { registrar, jurisdictions } => {
				let entry =
					self.registrars.entry(registrar.clone()).or_insert_with(|| RegistrarOf::<
						Runtime,
					> {
						jurisdictions: Default::default(),
						registered: 0,
						quota: <Runtime as pallet_veche_personhood::Config>::DefaultQuota::get(),
						window: quota_window(now),
						used: 0,
					});
				entry.jurisdictions = jurisdictions.clone();
			},
			Event::RegistrarRevoked { registrar } => {
				self.registrars
					.remove(registrar)
					.ok_or("RegistrarRevoked of an unknown registrar")?;
			},
			Event::PersonRegistered { registrar, tag, key, constituency } => {
				self.charge_quota(now, registrar, 1)?;
				self.register(now, registrar, *tag, *key, *constituency)?;
			},
			Event::BatchRegistered { registrar, persons } => {
				self.charge_quota(now, registrar, persons.len() as u32)?;
				for (tag, key, constituency) in persons.iter() {
					self.register(now, registrar, *tag, *key, *constituency)?;
				}
			},
			Event::CohortAdmitted { set, ring, count } => self.admit(now, *set, *ring, *count)?,
			Event::RingRevised { set, ring, revision, members, roll, kept_previous } => {
				let list =
					self.rings.get(&(*set, *ring)).ok_or("RingRevised of an unknown ring")?;
				if list.len() != *members as usize {
					return Err(format!(
						"RingRevised covers {members} keys; the ring has {}",
						list.len()
					));
				}
				let old = self.roots.get(&(*set, *ring)).copied();
				if old.map_or(1, |o| o.revision.saturating_add(1)) != *revision {
					return Err(format!("RingRevised to revision {revision} after {old:?}"));
				}
				if let Some(old) = old {
					let key = (*set, *ring, old.revision);
					let snapshot = self.snapshots.remove(&key);
					if *kept_previous {
						let kept = snapshot.unwrap_or_else(|| {
							list.iter().take(old.members as usize).copied().collect()
						});
						self.snapshots.insert(key, kept);
						let past = Past { members: old.members, from: old.from, until: *roll };
						self.past.insert(key, past);
					}
				}
				if let RingSet::Constituency(territory) = set {
					let adjust = |n: u32| {
						n.saturating_sub(old.map_or(0, |o| o.members)).saturating_add(*members)
					};
					self.committed_total = adjust(self.committed_total);
					for unit in ancestors(units, *territory) {
						let n = self.committed.entry(unit).or_default();
						*n = adjust(*n);
					}
				}
				let root = Revision { revision: *revision, members: *members, from: *roll };
				self.roots.insert((*set, *ring), root);
				self.roll_clock = *roll;
			},
			Event::RevisionPruned { set, ring, revision } => {
				let key = (*set, *ring, *revision);
				self.past.remove(&key).ok_or("RevisionPruned of a revision not kept")?;
				self.snapshots.remove(&key);
			},
			Event::MinRingSizeSet { size } => self.min_ring_size = *size,
			Event::TerritorySet { constituency, territory } => {
				if constituency == territory {
					self.pooled.remove(constituency);
				} else {
					self.pooled.insert(*constituency, *territory);
				}
			},
			Event::QuotaSet { registrar, quota } => {
				self.registrars
					.get_mut(registrar)
					.ok_or("QuotaSet of an unknown registrar")?
					.quota = *quota;
			},
			Event::RegistrationsSwept { registrar, persons, complete } => {
				// Swept in storage order: by `blake2_128(tag) ++ tag` under the registrar.
				let mut tags: Vec<Tag> = self
					.by_registrar
					.iter()
					.filter(|(r, _)| r == registrar)
					.map(|(_, t)| *t)
					.collect();
				tags.sort_by_key(|t| (sp_io::hashing::blake2_128(t), *t));
				if tags.len() < *persons as usize || (tags.len() == *persons as usize) != *complete
				{
					return Err(format!("RegistrationsSwept {persons} of {} left", tags.len()));
				}
				for tag in tags.iter().take(*persons as usize) {
					self.by_registrar.remove(&(registrar.clone(), *tag));
				}
			},
			Event::PersonSuspended { tag, by_governance, .. } => {
				let person =
					self.people.get(tag).ok_or("PersonSuspended of an unknown person")?.clone();
				if person.status == PersonStatus::Active {
					self.leave(self.home_set(person.constituency), person.ring, &person.key)?;
					for ((_, class), holding) in self.held(tag) {
						self.leave(RingSet::Credential(class), holding.ring, &person.key)?;
						self.credentials.insert((*tag, class), Holding { ring: None });
					}
				}
				let p = self.people.get_mut(tag).ok_or("PersonSuspended of an unknown person")?;
				p.ring = None;
				p.status = PersonStatus::Suspended { by_governance: *by_governance };
			},
			Event::PersonReinstated { tag, .. } => {
				let person =
					self.people.get(tag).ok_or("PersonReinstated of an unknown person")?.clone();
				self.enqueue(now, self.home_set(person.constituency), person.key)?;
				for ((_, class), _) in self.held(tag) {
					self.enqueue(now, RingSet::Credential(class), person.key)?;
				}
				self.people.get_mut(tag).ok_or("unknown person")?.status = PersonStatus::Active;
			},
			Event::KeyRotated { tag, old, new } => {
				let person = self.people.get(tag).ok_or("KeyRotated of an unknown person")?.clone();
				if person.key != *old {
					return Err("KeyRotated from a key the person does not hold".into());
				}
				if person.status == PersonStatus::Active {
					self.replace(self.home_set(person.constituency), person.ring, old, *new);
					for ((_, class), holding) in self.held(tag) {
						self.replace(RingSet::Credential(class), holding.ring, old, *new);
					}
				}
				self.people.get_mut(tag).ok_or("unknown person")?.key = *new;
				self.keys.insert(*new, *tag);
			},
			Event::CredentialClassAdded { class, name } => {
				self.classes.insert(*class, name.clone());
				self.next_class = class.checked_add(1).ok_or("class id overflow")?;
			},
			Event::ExaminerAccredited { class, examiner } => {
				self.examiners.insert((*class, examiner.clone()));
			},
			Event::ExaminerRevoked { class, examiner } => {
				if !self.examiners.remove(&(*class, examiner.clone())) {
					return Err("ExaminerRevoked of an unknown examiner".into());
				}
			},
			Event::CredentialGranted { class, key } => {
				let tag = *self.keys.get(key).ok_or("CredentialGranted to an unknown key")?;
				self.enqueue(now, RingSet::Credential(*class), *key)?;
				self.credentials.insert((tag, *class), Holding { ring: None });
			},
			Event::CredentialRevoked { class, key } => {
				let tag = *self.keys.get(key).ok_or("CredentialRevoked of an unknown key")?;
				let holding =
					self.credentials.remove(&(tag, *class)).ok_or("CredentialRevoked not held")?;
				self.leave(RingSet::Credential(*class), holding.ring, key)?;
			},
			// The builder's chunks and an abandoned build's retry are not part of this view.
			Event::ChunksStored { .. } | Event::RingBuildAbandoned { .. } => {},
			Event::__Ignore(..) => {},
		}
		Ok(())
	}

	fn home_set(&self, constituency: JurisdictionId) -> RingSet {
		RingSet::Constituency(*self.pooled.get(&constituency).unwrap_or(&constituency))
	}

	fn held(&self, tag: &Tag) -> Vec<((Tag, CredentialClass), Holding)> {
		self.credentials
			.range((*tag, CredentialClass::MIN)..=(*tag, CredentialClass::MAX))
			.map(|(k, h)| (*k, *h))
			.collect()
	}

	fn charge_quota(&mut self, now: u32, registrar: &AccountId, n: u32) -> Replay {
		let r = self
			.registrars
			.get_mut(registrar)
			.ok_or("a registration by an unknown registrar")?;
		let window = quota_window(now);
		if r.window != window {
			r.window = window;
			r.used = 0;
		}
		r.used = r.used.checked_add(n).ok_or("quota use overflow")?;
		Ok(())
	}

	fn register(
		&mut self,
		now: u32,
		registrar: &AccountId,
		tag: Tag,
		key: Member,
		constituency: JurisdictionId,
	) -> Replay {
		if self.people.contains_key(&tag) || self.keys.contains_key(&key) {
			return Err("a registration of a known tag or key".into());
		}
		self.enqueue(now, self.home_set(constituency), key)?;
		let r = self
			.registrars
			.get_mut(registrar)
			.ok_or("a registration by an unknown registrar")?;
		r.registered = r.registered.saturating_add(1);
		let person = PersonOf::<Runtime> {
			key,
			constituency,
			registrar: registrar.clone(),
			status: PersonStatus::Active,
			ring: None,
		};
		self.people.insert(tag, person);
		self.keys.insert(key, tag);
		self.by_registrar.insert((registrar.clone(), tag));
		self.person_count = self.person_count.checked_add(1).ok_or("person count overflow")?;
		let residents = self.residents.entry(constituency).or_default();
		*residents = residents.saturating_add(1);
		Ok(())
	}

	fn enqueue(&mut self, now: u32, set: RingSet, key: Member) -> Replay {
		let cohort = self
			.queues
			.entry(set)
			.or_insert_with(|| CohortOf::<Runtime> { keys: Default::default(), since: now });
		if cohort.keys.is_empty() {
			cohort.since = now;
		}
		cohort.keys.try_push(key).map_err(|_| "a queue over its bound".into())
	}

	/// One ring's share of an admission: the `count` smallest waiting keys join ring `ring`.
	fn admit(&mut self, now: u32, set: RingSet, ring: RingIndex, count: u32) -> Replay {
		let mut waiting = self
			.queues
			.remove(&set)
			.ok_or("CohortAdmitted without a queue")?
			.keys
			.into_inner();
		waiting.sort_unstable();
		if waiting.len() < count as usize {
			return Err(format!("CohortAdmitted {count} keys of {} waiting", waiting.len()));
		}
		let rest = waiting.split_off(count as usize);
		for key in &waiting {
			let tag = self.keys.get(key).copied();
			match (set, tag) {
				(RingSet::Constituency(_), Some(tag)) => {
					if let Some(p) = self.people.get_mut(&tag) {
						p.ring = Some(ring);
					}
				},
				(RingSet::Credential(class), Some(tag)) => {
					self.credentials.insert((tag, class), Holding { ring: Some(ring) });
				},
				(_, None) => {},
			}
		}
		self.rings.entry((set, ring)).or_default().extend(waiting);
		// Keys left over go to the next ring, or wait (from now) when too few to open one.
		if rest.is_empty() {
			self.open_ring.insert(set, ring);
		} else {
			self.open_ring.insert(set, ring.checked_add(1).ok_or("ring index overflow")?);
			let keys = rest.try_into().map_err(|_| "a queue over its bound")?;
			self.queues.insert(set, CohortOf::<Runtime> { keys, since: now });
		}
		Ok(())
	}

	/// Keeps the member list of a ring's current revision before the list changes.
	fn snapshot(&mut self, set: RingSet, ring: RingIndex) {
		let Some(root) = self.roots.get(&(set, ring)) else { return };
		let key = (set, ring, root.revision);
		if self.snapshots.contains_key(&key) {
			return;
		}
		let members = self.rings.get(&(set, ring)).cloned().unwrap_or_default();
		self.snapshots
			.insert(key, members.into_iter().take(root.members as usize).collect());
	}

	fn leave(&mut self, set: RingSet, ring: Option<RingIndex>, key: &Member) -> Replay {
		match ring {
			Some(ring) => {
				self.snapshot(set, ring);
				self.rings
					.get_mut(&(set, ring))
					.ok_or("a key leaves an unknown ring")?
					.retain(|k| k != key);
			},
			None => {
				if let Some(cohort) = self.queues.get_mut(&set) {
					cohort.keys.retain(|k| k != key);
					if cohort.keys.is_empty() {
						self.queues.remove(&set);
					}
				}
			},
		}
		Ok(())
	}

	fn replace(&mut self, set: RingSet, ring: Option<RingIndex>, old: &Member, new: Member) {
		let swap =
			|keys: &mut [Member]| keys.iter_mut().filter(|k| *k == old).for_each(|k| *k = new);
		match ring {
			Some(ring) => {
				self.snapshot(set, ring);
				if let Some(members) = self.rings.get_mut(&(set, ring)) {
					swap(members);
				}
			},
			None => {
				if let Some(cohort) = self.queues.get_mut(&set) {
					swap(cohort.keys.as_mut());
				}
			},
		}
	}

	/// Where `self` (rebuilt) and `stored` differ.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("personhood.registrars", &self.registrars, &stored.registrars, out);
		diff_map("personhood.people", &self.people, &stored.people, out);
		diff_map("personhood.keys", &self.keys, &stored.keys, out);
		diff_set("personhood.by_registrar", &self.by_registrar, &stored.by_registrar, out);
		diff_value("personhood.person_count", &self.person_count, &stored.person_count, out);
		diff_map("personhood.residents", &self.residents, &stored.residents, out);
		diff_map("personhood.classes", &self.classes, &stored.classes, out);
		diff_value("personhood.next_class", &self.next_class, &stored.next_class, out);
		diff_set("personhood.examiners", &self.examiners, &stored.examiners, out);
		diff_map("personhood.credentials", &self.credentials, &stored.credentials, out);
		diff_map("personhood.queues", &self.queues, &stored.queues, out);
		diff_map("personhood.open_ring", &self.open_ring, &stored.open_ring, out);
		diff_map("personhood.rings", &self.rings, &stored.rings, out);
		diff_map("personhood.roots", &self.roots, &stored.roots, out);
		diff_map("personhood.past", &self.past, &stored.past, out);
		diff_map("personhood.snapshots", &self.snapshots, &stored.snapshots, out);
		diff_value("personhood.roll_clock", &self.roll_clock, &stored.roll_clock, out);
		diff_map("personhood.committed", &self.committed, &stored.committed, out);
		diff_value(
			"personhood.committed_total",
			&self.committed_total,
			&stored.committed_total,
			out,
		);
		diff_value("personhood.min_ring_size", &self.min_ring_size, &stored.min_ring_size, out);
		diff_map("personhood.pooled", &self.pooled, &stored.pooled, out);
	}
}

/// The registration quota's period at block `now`.
fn quota_window(now: u32) -> u32 {
	now.checked_div(<Runtime as pallet_veche_personhood::Config>::QuotaPeriod::get())
		.unwrap_or_default()
}

/// A unit and the units above it (at most the tree's depth), as the rebuilt tree has them.
fn ancestors(units: &crate::jurisdictions::State, unit: JurisdictionId) -> Vec<JurisdictionId> {
	let mut path = Vec::new();
	let mut next = Some(unit);
	while let Some(id) = next {
		if path.len() >= pallet_veche_primitives::MAX_TREE_DEPTH as usize {
			break;
		}
		path.push(id);
		next = units.units.get(&id).and_then(|u| u.parent);
	}
	path
}

fn diff_set<K: Ord + core::fmt::Debug>(
	what: &str,
	rebuilt: &BTreeSet<K>,
	stored: &BTreeSet<K>,
	out: &mut Vec<String>,
) {
	for k in rebuilt.difference(stored) {
		out.push(format!("{what}: {k:?} rebuilt, not in storage"));
	}
	for k in stored.difference(rebuilt) {
		out.push(format!("{what}: {k:?} in storage, not rebuilt"));
	}
}
