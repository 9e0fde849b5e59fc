//! The registry of acts: acts, their versions and numbers, signing keys and signatures.
//!
//! Compared: everything the pallet stores — every act (kind, unit, office, title, who tabled
//! it and when, status, number, versions), every version (text hash, locator, the version it
//! amends, proposal, adoption, completion, signers), the numbers given per unit and year and the
//! act of each, the thresholds, every key (with its index by public key and its holder's list)
//! and every signature; the NFT collection of each jurisdiction's marks, budgets' payout
//! schedules (and which were paid when) and acts' deadlines (and when and by what each was met).

use crate::{diff_map, diff_value, Replay};
use pallet_veche_acts::{
	ActId, ActKind, ActOf, ActStatus, Deadline, Event, KeyId, Payout, PayoutOf, Signature,
	SigningKey, Version, VersionIndex, VersionOf, Year,
};
use pallet_veche_primitives::{DocumentHash, JurisdictionId};
use std::collections::BTreeMap;
use veche_runtime::{AccountId, Runtime};

/// What an explorer shows of `pallet-veche-acts`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Every act.
	pub acts: BTreeMap<ActId, ActOf<Runtime>>,
	/// The id of the next act.
	pub next: ActId,
	/// Every version of every act.
	pub versions: BTreeMap<(ActId, VersionIndex), VersionOf<Runtime>>,
	/// The last number given per unit and year.
	pub numbers: BTreeMap<(JurisdictionId, Year), u32>,
	/// The act of each number.
	pub numbered: BTreeMap<(JurisdictionId, Year, u32), ActId>,
	/// Co-signature thresholds set.
	pub thresholds: BTreeMap<ActKind, u32>,
	/// Every key.
	pub keys: BTreeMap<KeyId, SigningKey<AccountId, u32>>,
	/// The id of the next key.
	pub next_key: KeyId,
	/// The key of each public key's hash.
	pub key_of_public: BTreeMap<DocumentHash, KeyId>,
	/// Each account's keys.
	pub keys_of: BTreeMap<AccountId, Vec<KeyId>>,
	/// Every signature.
	pub signatures: BTreeMap<(ActId, VersionIndex, KeyId), Signature<u32>>,
	/// The NFT collection of each jurisdiction's marks.
	pub collections: BTreeMap<JurisdictionId, u32>,
	/// Each budget's payouts.
	pub payouts: BTreeMap<ActId, Vec<PayoutOf<Runtime>>>,
	/// Each act's deadlines.
	pub deadlines: BTreeMap<ActId, Vec<Deadline<u32>>>,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_acts as a;
		Self {
			acts: a::Acts::<Runtime>::iter().collect(),
			next: a::NextAct::<Runtime>::get(),
			versions: a::Versions::<Runtime>::iter().map(|(act, v, x)| ((act, v), x)).collect(),
			numbers: a::Numbers::<Runtime>::iter().map(|(u, y, n)| ((u, y), n)).collect(),
			numbered: a::Numbered::<Runtime>::iter().collect(),
			thresholds: a::Thresholds::<Runtime>::iter().collect(),
			keys: a::Keys::<Runtime>::iter().collect(),
			next_key: a::NextKey::<Runtime>::get(),
			key_of_public: a::KeyOfPublic::<Runtime>::iter().collect(),
			keys_of: a::KeysOf::<Runtime>::iter()
				.filter(|(_, keys)| !keys.is_empty())
				.map(|(who, keys)| (who, keys.into_inner()))
				.collect(),
			signatures: a::Signatures::<Runtime>::iter().collect(),
			collections: a::Collections::<Runtime>::iter().collect(),
			payouts: a::Payouts::<Runtime>::iter()
				.filter(|(_, p)| !p.is_empty())
				.map(|(act, p)| (act, p.into_inner()))
				.collect(),
			deadlines: a::Deadlines::<Runtime>::iter()
				.filter(|(_, d)| !d.is_empty())
				.map(|(act, d)| (act, d.into_inner()))
				.collect(),
		}
	}

	fn act(&mut self, act: ActId) -> Result<&mut ActOf<Runtime>, String> {
		self.acts.get_mut(&act).ok_or_else(|| format!("unknown act {act}"))
	}

	fn version(&mut self, act: ActId, v: VersionIndex) -> Result<&mut VersionOf<Runtime>, String> {
		self.versions
			.get_mut(&(act, v))
			.ok_or_else(|| format!("unknown version {act}/{v}"))
	}

	/// Applies one event of block `now`.
	pub fn apply(&mut self, now: u32, event: &Event<Runtime>) -> Replay {
		match event {
			Event::ActTabled { act, kind, unit, office, title, by, content, locator } => {
				let record = pallet_veche_acts::Act {
					kind: *kind,
					unit: *unit,
					office: *office,
					title: title.clone(),
					tabled_by: by.clone(),
					tabled: now,
					status: ActStatus::Bill,
					number: None,
					versions: 1,
				};
				if self.acts.insert(*act, record).is_some() {
					return Err(format!("act {act} tabled twice"));
				}
				self.next = act.checked_add(1).ok_or("act id overflow")?;
				self.versions
					.insert((*act, 0), new_version(*content, locator.clone(), None, now));
			},
			Event::VersionProposed { act, version, amends, content, locator, .. } => {
				let record = self.act(*act)?;
				if *version != record.versions {
					return Err(format!("version {version} of act {act} out of order"));
				}
				record.versions = version.checked_add(1).ok_or("version overflow")?;
				self.versions.insert(
					(*act, *version),
					new_version(*content, locator.clone(), Some(*amends), now),
				);
			},
			Event::VersionAdopted { act, version, effective, kind, number, complete } => {
				let record = self.act(*act)?;
				let unit = record.unit;
				record.kind = *kind;
				if matches!(record.status, ActStatus::Bill) {
					record.status = ActStatus::Adopted { at: now };
				}
				if record.number.is_none() {
					record.number = Some(*number);
					self.numbers.insert((unit, number.year), number.seq);
					self.numbered.insert((unit, number.year, number.seq), *act);
				}
				let v = self.version(*act, *version)?;
				v.adopted = Some((now, *effective));
				if *complete {
					v.signed = Some(now);
				}
			},
			Event::ActRejected { act } => {
				self.act(*act)?.status = ActStatus::Rejected { at: now };
			},
			Event::ActRepealed { act, from } => {
				let record = self.act(*act)?;
				let ActStatus::Adopted { at } = record.status else {
					return Err(format!("act {act} repealed while not adopted"));
				};
				record.status = ActStatus::Repealed { adopted: at, from: *from };
			},
			Event::KeyRegistered { key, owner, office, public } => {
				self.keys.insert(
					*key,
					SigningKey {
						owner: owner.clone(),
						office: *office,
						public: *public,
						registered: now,
						revoked: None,
					},
				);
				self.next_key = key.checked_add(1).ok_or("key id overflow")?;
				self.key_of_public.insert(sp_io::hashing::blake2_256(public), *key);
				self.keys_of.entry(owner.clone()).or_default().push(*key);
			},
			Event::KeyRevoked { key } => {
				self.keys.get_mut(key).ok_or_else(|| format!("unknown key {key}"))?.revoked =
					Some(now);
			},
			Event::VersionSigned { act, version, key, signer, signature, complete } => {
				let v = self.version(*act, *version)?;
				v.signers
					.try_push((*key, signer.clone()))
					.map_err(|_| "more signers than a version may have")?;
				if *complete {
					v.signed = Some(now);
				}
				self.signatures.insert(
					(*act, *version, *key),
					Signature { bytes: signature.clone(), at: now },
				);
			},
			Event::ThresholdSet { kind, threshold } => {
				self.thresholds.insert(*kind, *threshold);
			},
			Event::ActMarked { unit, collection, .. } => {
				if let Some(before) = self.collections.insert(*unit, *collection) {
					if before != *collection {
						return Err(format!(
							"unit {unit} marked in collections {before} and {collection}"
						));
					}
				}
			},
			Event::PayoutsSet { act, payouts } => {
				let schedule: Vec<PayoutOf<Runtime>> = payouts
					.iter()
					.map(|(to, amount, due)| Payout {
						to: to.clone(),
						amount: *amount,
						due: *due,
						paid: None,
					})
					.collect();
				if schedule.is_empty() {
					self.payouts.remove(act);
				} else {
					self.payouts.insert(*act, schedule);
				}
			},
			Event::PayoutMade { act, index, .. } => {
				let payout = self
					.payouts
					.get_mut(act)
					.and_then(|p| p.get_mut(*index as usize))
					.ok_or_else(|| format!("unknown payout {act}/{index}"))?;
				payout.paid = Some(now);
			},
			Event::DeadlineSet { act, index, kind, office, due } => {
				let deadlines = self.deadlines.entry(*act).or_default();
				if *index as usize != deadlines.len() {
					return Err(format!("deadline {index} of act {act} out of order"));
				}
				deadlines.push(Deadline { kind: *kind, office: *office, due: *due, met: None });
			},
			Event::DeadlineMet { act, index, answer, .. } => {
				let deadline = self
					.deadlines
					.get_mut(act)
					.and_then(|d| d.get_mut(*index as usize))
					.ok_or_else(|| format!("unknown deadline {act}/{index}"))?;
				deadline.met = Some((now, *answer));
			},
			_ => {},
		}
		Ok(())
	}

	/// Every difference from the stored view.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("acts.acts", &self.acts, &stored.acts, out);
		diff_value("acts.next", &self.next, &stored.next, out);
		diff_map("acts.versions", &self.versions, &stored.versions, out);
		diff_map("acts.numbers", &self.numbers, &stored.numbers, out);
		diff_map("acts.numbered", &self.numbered, &stored.numbered, out);
		diff_map("acts.thresholds", &self.thresholds, &stored.thresholds, out);
		diff_map("acts.keys", &self.keys, &stored.keys, out);
		diff_value("acts.next_key", &self.next_key, &stored.next_key, out);
		diff_map("acts.key_of_public", &self.key_of_public, &stored.key_of_public, out);
		diff_map("acts.keys_of", &self.keys_of, &stored.keys_of, out);
		diff_map("acts.signatures", &self.signatures, &stored.signatures, out);
		diff_map("acts.collections", &self.collections, &stored.collections, out);
		diff_map("acts.payouts", &self.payouts, &stored.payouts, out);
		diff_map("acts.deadlines", &self.deadlines, &stored.deadlines, out);
	}
}

fn new_version(
	content: DocumentHash,
	locator: frame_support::BoundedVec<u8, <Runtime as pallet_veche_acts::Config>::MaxLocator>,
	amends: Option<VersionIndex>,
	now: u32,
) -> VersionOf<Runtime> {
	Version {
		content,
		locator,
		amends,
		proposed: now,
		adopted: None,
		signed: None,
		signers: Default::default(),
	}
}
