//! Officials' rating periods, their histories and the bars of promotion.
//!
//! Compared: everything the pallet stores — every period (its poll, spheres and, once closed,
//! its result), each official's kept history per office, and the offices' bars.

use crate::{diff_map, Replay};
use pallet_veche_primitives::OfficeId;
use pallet_veche_ratings::{Event, PeriodIndex, PromotionBar, RatingPeriod};
use std::collections::BTreeMap;
use veche_runtime::{AccountId, Runtime};

/// What an explorer shows of `pallet-veche-ratings`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Every period of every official in every office.
	pub periods: BTreeMap<(AccountId, OfficeId, PeriodIndex), RatingPeriod>,
	/// The closed periods kept of each official in each office, oldest first.
	pub history: BTreeMap<(AccountId, OfficeId), Vec<PeriodIndex>>,
	/// The offices' bars of promotion.
	pub bars: BTreeMap<OfficeId, PromotionBar>,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_ratings as r;
		Self {
			periods: r::Periods::<Runtime>::iter().collect(),
			history: r::History::<Runtime>::iter()
				.filter(|(_, _, kept)| !kept.is_empty())
				.map(|(a, o, kept)| ((a, o), kept.into_inner()))
				.collect(),
			bars: r::Bars::<Runtime>::iter().collect(),
		}
	}

	/// Applies one event.
	pub fn apply(&mut self, event: &Event<Runtime>) -> Replay {
		match event {
			Event::PeriodOpened { who, office, period, poll, spheres, .. } => {
				let rating = RatingPeriod { poll: Some(*poll), spheres: *spheres, result: None };
				if self.periods.insert((who.clone(), *office, *period), rating).is_some() {
					return Err("PeriodOpened for a period already open".into());
				}
			},
			Event::PeriodClosed { who, office, period, poll, result } => {
				let rating = self
					.periods
					.get_mut(&(who.clone(), *office, *period))
					.ok_or("PeriodClosed for a period never opened")?;
				if rating.poll != Some(*poll) || rating.result.is_some() {
					return Err("PeriodClosed for another poll, or twice".into());
				}
				rating.result = Some(result.clone());
				let kept = self.history.entry((who.clone(), *office)).or_default();
				let at = kept.partition_point(|p| p < period);
				kept.insert(at, *period);
			},
			Event::PeriodForgotten { who, office, period } => {
				self.periods
					.remove(&(who.clone(), *office, *period))
					.ok_or("PeriodForgotten for an unknown period")?;
				let key = (who.clone(), *office);
				let kept = self.history.entry(key.clone()).or_default();
				kept.retain(|p| p != period);
				if kept.is_empty() {
					self.history.remove(&key);
				}
			},
			Event::PromotionBarSet { office, bar } => match bar {
				Some(b) => {
					self.bars.insert(*office, *b);
				},
				None => {
					self.bars.remove(office);
				},
			},
			_ => {},
		}
		Ok(())
	}

	/// Every difference from the stored view.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("ratings.periods", &self.periods, &stored.periods, out);
		diff_map("ratings.history", &self.history, &stored.history, out);
		diff_map("ratings.bars", &self.bars, &stored.bars, out);
	}
}
