//! The tree of units and its offices.

use crate::{diff_map, diff_value, Replay};
use pallet_veche_jurisdictions::{Event, OfficeOf, Offices, UnitOf, Units};
use pallet_veche_primitives::{JurisdictionId, OfficeId};
use std::collections::BTreeMap;
use veche_runtime::Runtime;

/// What an explorer shows of `pallet-veche-jurisdictions`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Every unit, with its child and office counts.
	pub units: BTreeMap<JurisdictionId, UnitOf<Runtime>>,
	/// Every office, with the level of its unit.
	pub offices: BTreeMap<OfficeId, OfficeOf<Runtime>>,
	/// The id the next unit gets.
	pub next_unit: JurisdictionId,
	/// The id the next office gets.
	pub next_office: OfficeId,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		Self {
			units: Units::<Runtime>::iter().collect(),
			offices: Offices::<Runtime>::iter().collect(),
			next_unit: pallet_veche_jurisdictions::NextUnitId::<Runtime>::get(),
			next_office: pallet_veche_jurisdictions::NextOfficeId::<Runtime>::get(),
		}
	}

	/// Applies one event.
	pub fn apply(&mut self, event: &Event<Runtime>) -> Replay {
		match event {
			Event::UnitAdded { unit, parent, kind, name } => {
				if let Some(parent) = parent {
					let p =
						self.units.get_mut(parent).ok_or("UnitAdded under an unknown parent")?;
					p.children = p.children.checked_add(1).ok_or("child count overflow")?;
				}
				let new = UnitOf::<Runtime> {
					parent: *parent,
					kind: *kind,
					name: name.clone(),
					children: 0,
					offices: 0,
				};
				if self.units.insert(*unit, new).is_some() {
					return Err("UnitAdded for an existing unit".into());
				}
				self.next_unit = self.next_unit.max(unit.saturating_add(1));
			},
			Event::UnitRenamed { unit, name } => {
				self.units.get_mut(unit).ok_or("UnitRenamed of an unknown unit")?.name =
					name.clone();
			},
			Event::UnitRemoved { unit } => {
				let u = self.units.remove(unit).ok_or("UnitRemoved of an unknown unit")?;
				if let Some(parent) = u.parent {
					let p =
						self.units.get_mut(&parent).ok_or("UnitRemoved under an unknown parent")?;
					p.children = p.children.checked_sub(1).ok_or("child count underflow")?;
				}
			},
			Event::OfficeAdded { office, unit, name, seats } => {
				let u = self.units.get_mut(unit).ok_or("OfficeAdded to an unknown unit")?;
				u.offices = u.offices.checked_add(1).ok_or("office count overflow")?;
				let new = OfficeOf::<Runtime> {
					unit: *unit,
					level: u.kind,
					name: name.clone(),
					seats: *seats,
					// A new office answers for every sphere until `OfficeSpheresSet`.
					spheres: pallet_veche_primitives::Spheres::ALL,
				};
				if self.offices.insert(*office, new).is_some() {
					return Err("OfficeAdded for an existing office".into());
				}
				self.next_office = self.next_office.max(office.saturating_add(1));
			},
			Event::OfficeUpdated { office, name, seats } => {
				let o = self.offices.get_mut(office).ok_or("OfficeUpdated of an unknown office")?;
				o.name = name.clone();
				o.seats = *seats;
			},
			Event::OfficeSpheresSet { office, spheres } => {
				let o =
					self.offices.get_mut(office).ok_or("OfficeSpheresSet of an unknown office")?;
				o.spheres = *spheres;
			},
			Event::OfficeRemoved { office } => {
				let o = self.offices.remove(office).ok_or("OfficeRemoved of an unknown office")?;
				let u = self.units.get_mut(&o.unit).ok_or("OfficeRemoved from an unknown unit")?;
				u.offices = u.offices.checked_sub(1).ok_or("office count underflow")?;
			},
			Event::__Ignore(..) => {},
		}
		Ok(())
	}

	/// Where `self` (rebuilt) and `stored` differ.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("jurisdictions.units", &self.units, &stored.units, out);
		diff_map("jurisdictions.offices", &self.offices, &stored.offices, out);
		diff_value("jurisdictions.next_unit", &self.next_unit, &stored.next_unit, out);
		diff_value("jurisdictions.next_office", &self.next_office, &stored.next_office, out);
	}
}
