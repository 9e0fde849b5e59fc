//! Trustees: key ceremonies and their keys.
//!
//! Compared: everything the pallet stores — every ceremony (trustees, threshold, deadlines,
//! counts, stage), the communication keys, the dealings (commitments, masked shares,
//! disqualification), the summed commitments of each finished key, the current key and the
//! keys made from public seeds (at genesis only).

use crate::{diff_map, diff_value, Replay};
use pallet_veche_primitives::KeyId;
use pallet_veche_trustees::{Ceremony, CeremonyOf, Dealing, Event, KeyStage};
use std::collections::{BTreeMap, BTreeSet};
use veche_runtime::Runtime;
use veche_seal::PointBytes;

type DealingOf = Dealing<<Runtime as pallet_veche_trustees::Config>::MaxTrustees>;

/// What an explorer shows of `pallet-veche-trustees`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Every ceremony.
	pub ceremonies: BTreeMap<KeyId, CeremonyOf<Runtime>>,
	/// The id of the next ceremony.
	pub next: KeyId,
	/// Communication keys.
	pub comm_keys: BTreeMap<(KeyId, u16), PointBytes>,
	/// Dealings.
	pub dealings: BTreeMap<(KeyId, u16), DealingOf>,
	/// Summed commitments of finished keys.
	pub commitments: BTreeMap<KeyId, Vec<PointBytes>>,
	/// The current key.
	pub current: Option<KeyId>,
	/// Keys from public seeds.
	pub public_seed: BTreeSet<KeyId>,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_trustees as t;
		Self {
			ceremonies: t::Ceremonies::<Runtime>::iter().collect(),
			next: t::NextKeyId::<Runtime>::get(),
			comm_keys: t::CommKeys::<Runtime>::iter().map(|(k, j, v)| ((k, j), v)).collect(),
			dealings: t::Dealings::<Runtime>::iter().map(|(k, j, v)| ((k, j), v)).collect(),
			commitments: t::Commitments::<Runtime>::iter()
				.map(|(k, v)| (k, v.into_inner()))
				.collect(),
			current: t::CurrentKey::<Runtime>::get(),
			public_seed: t::PublicSeedKeys::<Runtime>::iter_keys().collect(),
		}
	}

	fn ceremony(&mut self, key: KeyId) -> Result<&mut CeremonyOf<Runtime>, String> {
		self.ceremonies.get_mut(&key).ok_or_else(|| format!("unknown ceremony {key}"))
	}

	/// Replays one event.
	pub fn apply(&mut self, event: &Event<Runtime>) -> Replay {
		match event {
			Event::CeremonyOpened {
				key,
				trustees,
				threshold,
				register_by,
				deal_by,
				complain_by,
			} => {
				self.ceremonies.insert(
					*key,
					Ceremony {
						trustees: trustees.clone().try_into().map_err(|_| "too many trustees")?,
						threshold: *threshold,
						register_by: *register_by,
						deal_by: *deal_by,
						complain_by: *complain_by,
						registered: 0,
						dealt: 0,
						stage: KeyStage::Setup,
					},
				);
				self.next = key.checked_add(1).ok_or("key ids overflow")?;
			},
			Event::TrusteeRegistered { key, trustee, comm_key } => {
				let c = self.ceremony(*key)?;
				c.registered = c.registered.checked_add(1).ok_or("overflow")?;
				self.comm_keys.insert((*key, *trustee), *comm_key);
			},
			Event::Dealt { key, dealer, commitments, shares } => {
				let c = self.ceremony(*key)?;
				c.dealt = c.dealt.checked_add(1).ok_or("overflow")?;
				self.dealings.insert(
					(*key, *dealer),
					Dealing {
						commitments: commitments.clone().try_into().map_err(|_| "too many")?,
						shares: shares.clone().try_into().map_err(|_| "too many")?,
						disqualified: false,
					},
				);
			},
			Event::DealerDisqualified { key, dealer, .. } => {
				let d = self
					.dealings
					.get_mut(&(*key, *dealer))
					.ok_or_else(|| format!("no dealing {key}/{dealer}"))?;
				d.disqualified = true;
			},
			Event::KeyReady { key, public_key, qualified, commitments } => {
				let c = self.ceremony(*key)?;
				c.stage = KeyStage::Ready {
					public_key: *public_key,
					qualified: u16::try_from(qualified.len()).map_err(|_| "too many")?,
				};
				self.commitments.insert(*key, commitments.clone());
				if self.current.is_none_or(|k| k < *key) {
					self.current = Some(*key);
				}
			},
			Event::CeremonyFailed { key, .. } => {
				self.ceremony(*key)?.stage = KeyStage::Failed;
			},
			Event::KeyRetired { key } => {
				let c = self.ceremony(*key)?;
				let KeyStage::Ready { public_key, .. } = c.stage else {
					return Err(format!("key {key} retired while not ready"));
				};
				c.stage = KeyStage::Retired { public_key };
				if self.current == Some(*key) {
					self.current = None;
				}
			},
			_ => {},
		}
		Ok(())
	}

	/// Every difference from the stored view.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("trustees.ceremonies", &self.ceremonies, &stored.ceremonies, out);
		diff_value("trustees.next", &self.next, &stored.next, out);
		diff_map("trustees.comm_keys", &self.comm_keys, &stored.comm_keys, out);
		diff_map("trustees.dealings", &self.dealings, &stored.dealings, out);
		diff_map("trustees.commitments", &self.commitments, &stored.commitments, out);
		diff_value("trustees.current", &self.current, &stored.current, out);
		let seeds = |s: &Self| s.public_seed.iter().copied().collect::<Vec<_>>();
		diff_value("trustees.public_seed", &seeds(self), &seeds(stored), out);
	}
}
