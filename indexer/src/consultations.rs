//! Consultations: civic profiles, consultations and their sealed answers, ideas and their
//! grades, the counters behind statuses, and expert clubs.
//!
//! Compared: everything the pallet stores — every profile (its key, name, periods, constituency
//! and nonce; the count of its calls this period is left out, as other feeless-use counters),
//! each period's roll and aliases, memberships, every consultation (with its counts and stage),
//! the running sums (recomputed from the answers' ciphertexts as the chain adds them), every
//! answer, the trustees' partial decryptions, every idea and grade, the boards of the best
//! ideas (recomputed by the pallet's own rule), the per-unit and per-profile counters, and the
//! clubs.

use crate::{diff_map, diff_value, Replay};
use pallet_veche_consultations::{
	scope_of, Activity, Answer, Consultation, ConsultationId, ConsultationOf, Event, Idea, IdeaId,
	IdeaOf, IdeaStage, PeriodIndex, Profile, ProfileId, ProfileOf, Scope, Stage, ALL_SPHERES,
};
use pallet_veche_primitives::{Alias, JurisdictionId, Roll};
use std::collections::BTreeMap;
use veche_runtime::Runtime;
use veche_seal::{Ciphertext, PointBytes};

type Config = Runtime;
type MaxOptions = <Config as pallet_veche_consultations::Config>::MaxOptions;
type AnswerOf = Answer<MaxOptions>;

/// What an explorer shows of `pallet-veche-consultations`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Every profile.
	pub profiles: BTreeMap<ProfileId, ProfileOf<Config>>,
	/// The id of the next profile.
	pub next_profile: ProfileId,
	/// The profile of each key.
	pub profile_of_key: BTreeMap<[u8; 32], ProfileId>,
	/// Each period's roll.
	pub period_rolls: BTreeMap<PeriodIndex, Roll>,
	/// The last frozen period and roll.
	pub last_roll: Option<(PeriodIndex, Roll)>,
	/// The held roll.
	pub live_rolls: BTreeMap<[u8; 4], u32>,
	/// Aliases per period.
	pub aliases: BTreeMap<(PeriodIndex, Alias), ProfileId>,
	/// Memberships.
	pub memberships: BTreeMap<(ProfileId, PeriodIndex), JurisdictionId>,
	/// Every consultation.
	pub consultations: BTreeMap<ConsultationId, ConsultationOf<Config>>,
	/// The id of the next consultation.
	pub next_consultation: ConsultationId,
	/// Running sums.
	pub running: BTreeMap<ConsultationId, Vec<Ciphertext>>,
	/// Answers.
	pub answers: BTreeMap<(ConsultationId, ProfileId), AnswerOf>,
	/// Partial decryptions.
	pub partials: BTreeMap<(ConsultationId, u16), Vec<PointBytes>>,
	/// Every idea.
	pub ideas: BTreeMap<IdeaId, IdeaOf<Config>>,
	/// The id of the next idea.
	pub next_idea: IdeaId,
	/// Grades.
	pub grades: BTreeMap<(IdeaId, ProfileId), u8>,
	/// Boards of the best ideas.
	pub top: BTreeMap<(JurisdictionId, Scope), Vec<(IdeaId, u32)>>,
	/// Consultations per unit, period and scope.
	pub unit_counts: BTreeMap<(JurisdictionId, PeriodIndex, Scope), u32>,
	/// Activity per profile, period and scope.
	pub activities: BTreeMap<(ProfileId, PeriodIndex, Scope), Activity>,
	/// Clubs.
	pub clubs: BTreeMap<(Scope, ProfileId), PeriodIndex>,
}

fn max_top() -> usize {
	<<Config as pallet_veche_consultations::Config>::MaxTopIdeas as frame_support::traits::Get<
		u32,
	>>::get() as usize
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_consultations as c;
		Self {
			profiles: c::Profiles::<Runtime>::iter()
				.map(|(id, mut p)| {
					p.calls = 0;
					(id, p)
				})
				.collect(),
			next_profile: c::NextProfileId::<Runtime>::get(),
			profile_of_key: c::ProfileOfKey::<Runtime>::iter().collect(),
			period_rolls: c::PeriodRolls::<Runtime>::iter().collect(),
			last_roll: c::LastRoll::<Runtime>::get(),
			live_rolls: c::LiveRolls::<Runtime>::iter().collect(),
			aliases: c::PeriodAliases::<Runtime>::iter().map(|(p, a, id)| ((p, a), id)).collect(),
			memberships: c::Memberships::<Runtime>::iter().map(|(id, p, u)| ((id, p), u)).collect(),
			consultations: c::Consultations::<Runtime>::iter().collect(),
			next_consultation: c::NextConsultationId::<Runtime>::get(),
			running: c::Running::<Runtime>::iter().map(|(id, r)| (id, r.into_inner())).collect(),
			answers: c::Answers::<Runtime>::iter().map(|(c, p, a)| ((c, p), a)).collect(),
			partials: c::Partials::<Runtime>::iter()
				.map(|(c, j, d)| ((c, j), d.into_inner()))
				.collect(),
			ideas: c::Ideas::<Runtime>::iter().collect(),
			next_idea: c::NextIdeaId::<Runtime>::get(),
			grades: c::IdeaGrades::<Runtime>::iter().map(|(i, p, g)| ((i, p), g)).collect(),
			top: c::TopIdeas::<Runtime>::iter()
				.map(|(u, s, b)| ((u, s), b.into_inner()))
				.collect(),
			unit_counts: c::UnitCounts::<Runtime>::iter().collect(),
			activities: c::Activities::<Runtime>::iter().collect(),
			clubs: c::Clubs::<Runtime>::iter().map(|(s, p, at)| ((s, p), at)).collect(),
		}
	}

	fn profile(&mut self, id: ProfileId) -> Result<&mut ProfileOf<Config>, String> {
		self.profiles.get_mut(&id).ok_or_else(|| format!("unknown profile {id}"))
	}

	/// A profile call: its nonce moves on.
	fn acted(&mut self, id: ProfileId) -> Replay {
		let p = self.profile(id)?;
		p.nonce = p.nonce.checked_add(1).ok_or("nonce overflow")?;
		Ok(())
	}

	fn consultation(&mut self, id: ConsultationId) -> Result<&mut ConsultationOf<Config>, String> {
		self.consultations
			.get_mut(&id)
			.ok_or_else(|| format!("unknown consultation {id}"))
	}

	/// Applies `f` to a profile's activity of `period`, overall and in `sphere`.
	fn bump(
		&mut self,
		profile: ProfileId,
		period: PeriodIndex,
		sphere: Scope,
		f: impl Fn(&mut Activity),
	) {
		for scope in [ALL_SPHERES, sphere] {
			f(self.activities.entry((profile, period, scope)).or_default());
		}
	}

	fn rank(&mut self, id: IdeaId) {
		let Some(idea) = self.ideas.get(&id) else { return };
		let (score, key) = (idea.score(), (idea.unit, scope_of(idea.sphere)));
		let list = self.top.entry(key).or_default();
		list.retain(|(i, _)| *i != id);
		let at = list
			.iter()
			.position(|(i, s)| (score, std::cmp::Reverse(id)) > (*s, std::cmp::Reverse(*i)))
			.unwrap_or(list.len());
		list.insert(at, (id, score));
		list.truncate(max_top());
	}

	fn unrank(&mut self, id: IdeaId) {
		let Some(idea) = self.ideas.get(&id) else { return };
		let key = (idea.unit, scope_of(idea.sphere));
		if let Some(list) = self.top.get_mut(&key) {
			list.retain(|(i, _)| *i != id);
			if list.is_empty() {
				self.top.remove(&key);
			}
		}
	}

	/// Replays one event.
	pub fn apply(&mut self, event: &Event<Runtime>) -> Replay {
		match event {
			Event::PeriodRollFrozen { period, roll } => {
				if let Some((_, old)) = self.last_roll {
					let key = old.to_be_bytes();
					match self.live_rolls.get(&key).copied() {
						Some(n) if n > 1 => {
							self.live_rolls.insert(key, n - 1);
						},
						_ => {
							self.live_rolls.remove(&key);
						},
					}
				}
				*self.live_rolls.entry(roll.to_be_bytes()).or_default() += 1;
				self.period_rolls.insert(*period, *roll);
				self.last_roll = Some((*period, *roll));
			},
			Event::ProfileOpened { profile, key, name, period, alias, constituency } => {
				self.profiles.insert(
					*profile,
					Profile {
						key: *key,
						name: name.clone().try_into().map_err(|_| "name too long")?,
						opened: *period,
						active: *period,
						constituency: *constituency,
						nonce: 0,
						calls: 0,
					},
				);
				self.next_profile = profile.checked_add(1).ok_or("overflow")?;
				self.profile_of_key.insert(*key, *profile);
				self.aliases.insert((*period, *alias), *profile);
				self.memberships.insert((*profile, *period), *constituency);
			},
			Event::ProfileRenewed { profile, period, alias, constituency } => {
				let p = self.profile(*profile)?;
				p.active = *period;
				p.constituency = *constituency;
				self.aliases.insert((*period, *alias), *profile);
				self.memberships.insert((*profile, *period), *constituency);
			},
			Event::NameSet { profile, name } => {
				self.profile(*profile)?.name = name.clone().try_into().map_err(|_| "too long")?;
				self.acted(*profile)?;
			},
			Event::ConsultationProposed {
				consultation,
				proposer,
				unit,
				sphere,
				kind,
				title,
				content,
				options,
				idea,
				period,
			} => {
				self.consultations.insert(
					*consultation,
					Consultation {
						proposer: *proposer,
						unit: *unit,
						sphere: *sphere,
						kind: *kind,
						title: title.clone().try_into().map_err(|_| "title too long")?,
						content: *content,
						options: *options,
						period: *period,
						answers: 0,
						counts: Default::default(),
						idea: *idea,
						stage: Stage::Proposed,
					},
				);
				self.next_consultation = consultation.checked_add(1).ok_or("overflow")?;
				// A profile's own proposal (not a moderator's consultation on its idea).
				if idea.is_none() {
					self.acted(*proposer)?;
					self.bump(*proposer, *period, scope_of(*sphere), |a| a.proposals += 1);
				}
			},
			Event::ConsultationAdmitted { consultation, key, period, closes } => {
				let c = self.consultation(*consultation)?;
				c.period = *period;
				c.stage = Stage::Open { key: *key, closes: *closes };
				let (unit, sphere, options) = (c.unit, scope_of(c.sphere), c.options);
				for scope in [ALL_SPHERES, sphere] {
					*self.unit_counts.entry((unit, *period, scope)).or_default() += 1;
				}
				self.running.insert(*consultation, vec![Ciphertext::default(); options.into()]);
			},
			Event::ConsultationRejected { consultation, reason } => {
				self.consultation(*consultation)?.stage = Stage::Rejected { reason: *reason };
			},
			Event::Answered { consultation, profile, revision, ciphertexts } => {
				self.acted(*profile)?;
				let old = self.answers.get(&(*consultation, *profile)).cloned();
				let running = self
					.running
					.get_mut(consultation)
					.ok_or_else(|| format!("no running sums of {consultation}"))?;
				veche_seal::replace_in(
					running,
					ciphertexts,
					old.as_ref().map(|a| &a.ciphertexts[..]),
				)
				.map_err(|e| format!("the running sums of {consultation}: {e:?}"))?;
				let c = self.consultation(*consultation)?;
				let (period, sphere) = (c.period, scope_of(c.sphere));
				if old.is_none() {
					c.answers += 1;
					self.bump(*profile, period, sphere, |a| a.answered += 1);
				} else if *revision == 1 {
					self.bump(*profile, period, sphere, |a| a.changed += 1);
				}
				self.answers.insert(
					(*consultation, *profile),
					Answer {
						revision: *revision,
						ciphertexts: ciphertexts.clone().try_into().map_err(|_| "too many")?,
						agreed: false,
					},
				);
			},
			Event::PartiallyDecrypted { consultation, trustee, shares } => {
				self.partials.insert((*consultation, *trustee), shares.clone());
			},
			Event::ResultPublished { consultation, counts, winner, .. } => {
				let c = self.consultation(*consultation)?;
				let Stage::Open { key, closes } = c.stage else {
					return Err(format!("consultation {consultation} counted while not open"));
				};
				c.stage = Stage::Counted { key, closes, winner: *winner };
				c.counts = counts.clone().try_into().map_err(|_| "too many counts")?;
				self.partials.retain(|(id, _), _| id != consultation);
			},
			Event::AgreementShown { consultation, profile, .. } => {
				self.acted(*profile)?;
				let c = self.consultation(*consultation)?;
				let (period, sphere) = (c.period, scope_of(c.sphere));
				self.answers
					.get_mut(&(*consultation, *profile))
					.ok_or("agreement without an answer")?
					.agreed = true;
				self.bump(*profile, period, sphere, |a| a.agreed += 1);
			},
			Event::IdeaPosted { idea, author, unit, sphere, title, content, period } => {
				self.acted(*author)?;
				self.ideas.insert(
					*idea,
					Idea {
						author: *author,
						unit: *unit,
						sphere: *sphere,
						title: title.clone().try_into().map_err(|_| "title too long")?,
						content: *content,
						period: *period,
						ratings: 0,
						total: 0,
						stage: IdeaStage::Open,
					},
				);
				self.next_idea = idea.checked_add(1).ok_or("overflow")?;
				self.bump(*author, *period, scope_of(*sphere), |a| a.proposals += 1);
				self.rank(*idea);
			},
			Event::IdeaRated { idea, profile, grade, ratings, total } => {
				self.acted(*profile)?;
				let entry =
					self.ideas.get_mut(idea).ok_or_else(|| format!("unknown idea {idea}"))?;
				entry.ratings = *ratings;
				entry.total = *total;
				self.grades.insert((*idea, *profile), *grade);
				self.rank(*idea);
			},
			Event::IdeaConsulted { idea, consultation } => {
				self.unrank(*idea);
				self.ideas.get_mut(idea).ok_or("unknown idea")?.stage =
					IdeaStage::Consulted(*consultation);
			},
			Event::IdeaTabled { idea, act } => {
				self.unrank(*idea);
				self.ideas.get_mut(idea).ok_or("unknown idea")?.stage = IdeaStage::Tabled(*act);
			},
			Event::ClubJoined { sphere, profile } => {
				self.acted(*profile)?;
				let period = self.profile(*profile)?.active;
				self.clubs.insert((scope_of(*sphere), *profile), period);
			},
			Event::ClubLeft { sphere, profile, expelled } => {
				if !expelled {
					self.acted(*profile)?;
				}
				self.clubs.remove(&(scope_of(*sphere), *profile));
			},
			_ => {},
		}
		Ok(())
	}

	/// Every difference from the stored view.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		let profiles = |s: &Self| -> BTreeMap<ProfileId, ProfileOf<Config>> {
			s.profiles
				.iter()
				.map(|(id, p)| {
					let mut p = p.clone();
					p.calls = 0;
					(*id, p)
				})
				.collect()
		};
		diff_map("consultations.profiles", &profiles(self), &profiles(stored), out);
		diff_value("consultations.next_profile", &self.next_profile, &stored.next_profile, out);
		diff_map("consultations.profile_of_key", &self.profile_of_key, &stored.profile_of_key, out);
		diff_map("consultations.period_rolls", &self.period_rolls, &stored.period_rolls, out);
		diff_value("consultations.last_roll", &self.last_roll, &stored.last_roll, out);
		diff_map("consultations.live_rolls", &self.live_rolls, &stored.live_rolls, out);
		diff_map("consultations.aliases", &self.aliases, &stored.aliases, out);
		diff_map("consultations.memberships", &self.memberships, &stored.memberships, out);
		diff_map("consultations.consultations", &self.consultations, &stored.consultations, out);
		let next = (&self.next_consultation, &self.next_idea);
		diff_value(
			"consultations.next",
			&next,
			&(&stored.next_consultation, &stored.next_idea),
			out,
		);
		diff_map("consultations.running", &self.running, &stored.running, out);
		diff_map("consultations.answers", &self.answers, &stored.answers, out);
		diff_map("consultations.partials", &self.partials, &stored.partials, out);
		diff_map("consultations.ideas", &self.ideas, &stored.ideas, out);
		diff_map("consultations.grades", &self.grades, &stored.grades, out);
		diff_map("consultations.top", &self.top, &stored.top, out);
		let nonzero = |m: &BTreeMap<(JurisdictionId, PeriodIndex, Scope), u32>| {
			m.iter()
				.filter(|(_, n)| **n > 0)
				.map(|(k, v)| (*k, *v))
				.collect::<BTreeMap<_, _>>()
		};
		diff_map(
			"consultations.unit_counts",
			&nonzero(&self.unit_counts),
			&nonzero(&stored.unit_counts),
			out,
		);
		let active = |m: &BTreeMap<(ProfileId, PeriodIndex, Scope), Activity>| {
			m.iter()
				.filter(|(_, a)| **a != Activity::default())
				.map(|(k, v)| (*k, *v))
				.collect::<BTreeMap<_, _>>()
		};
		diff_map(
			"consultations.activities",
			&active(&self.activities),
			&active(&stored.activities),
			out,
		);
		diff_map("consultations.clubs", &self.clubs, &stored.clubs, out);
	}
}
