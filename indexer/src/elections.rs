//! Offices' rules, elections, candidacies, lists, counts, holders and records of service.
//!
//! Compared: everything the pallet stores — rules, elections (stage and all), the running
//! election of each office, candidacies, ballots' candidates and lists, each list's candidates
//! per constituency, polls, apportionments, counted seats, list reserves, holders, records of
//! service and the elections each person stood in, Phragmén claims being checked (who claimed,
//! the deposit and the winners) and the support each accepted Phragmén outcome was checked
//! against.
//! Not compared: a Phragmén check's progress (its cursor and partial sums), as for ballots'
//! recounts.

use crate::{diff_map, diff_value, jurisdictions, Replay};
use pallet_veche_elections::{
	phragmen, BallotOptions, Candidacy, ElectionKind, ElectionOf, Event, HolderOf,
	ListCandidatesOf, ListIndex, OfficeRulesOf, PartyListOf, SeatsOf, Service, Stage, Standing,
};
use pallet_veche_primitives::{ElectionId, JurisdictionId, OfficeId, PollId};
use std::collections::BTreeMap;
use veche_runtime::{AccountId, Balance, Runtime};

type Key3 = (ElectionId, JurisdictionId, ListIndex);

/// What an explorer shows of `pallet-veche-elections`.
#[derive(Debug, Clone, Default)]
pub struct State {
	/// Offices' rules.
	pub rules: BTreeMap<OfficeId, OfficeRulesOf<Runtime>>,
	/// Every election.
	pub elections: BTreeMap<ElectionId, ElectionOf<Runtime>>,
	/// The id the next election gets.
	pub next_election: ElectionId,
	/// The regular election each office is holding.
	pub running: BTreeMap<OfficeId, ElectionId>,
	/// Candidacies not yet settled.
	pub candidacies: BTreeMap<(ElectionId, AccountId), Candidacy<Balance>>,
	/// The candidates on each ballot outside lists.
	pub options: BTreeMap<ElectionId, BallotOptions<AccountId>>,
	/// Each election's lists.
	pub lists: BTreeMap<ElectionId, Vec<PartyListOf<Runtime>>>,
	/// Each list's candidates per constituency.
	pub list_candidates: BTreeMap<Key3, ListCandidatesOf<AccountId>>,
	/// Each election's polls.
	pub polls: BTreeMap<ElectionId, Vec<(JurisdictionId, PollId)>>,
	/// Seats per constituency of list elections.
	pub apportionments: BTreeMap<ElectionId, Vec<u32>>,
	/// Seats as last counted.
	pub outcomes: BTreeMap<ElectionId, SeatsOf<Runtime>>,
	/// Candidates of winning lists not elected, in order.
	pub reserves: BTreeMap<Key3, ListCandidatesOf<AccountId>>,
	/// Each office's holders.
	pub holders: BTreeMap<OfficeId, Vec<HolderOf<Runtime>>>,
	/// Each person's record of service.
	pub records: BTreeMap<AccountId, Vec<Service<u32>>>,
	/// The elections each person stood in.
	pub stood: BTreeMap<(AccountId, ElectionId), Standing>,
	/// Phragmén claims being checked: claimant, deposit and winners.
	pub claims: BTreeMap<ElectionId, (AccountId, Balance, Vec<phragmen::Winner>)>,
	/// The support accepted Phragmén outcomes were checked against.
	pub checked: BTreeMap<ElectionId, Vec<u128>>,
}

impl State {
	/// Reads the pallet's storage (inside externalities).
	pub fn from_storage() -> Self {
		use pallet_veche_elections as e;
		Self {
			rules: e::Rules::<Runtime>::iter().collect(),
			elections: e::Elections::<Runtime>::iter().collect(),
			next_election: e::NextElectionId::<Runtime>::get(),
			running: e::Running::<Runtime>::iter().collect(),
			candidacies: e::Candidacies::<Runtime>::iter().map(|(e, a, c)| ((e, a), c)).collect(),
			options: e::Options::<Runtime>::iter().filter(|(_, o)| !o.is_empty()).collect(),
			lists: e::Lists::<Runtime>::iter()
				.filter(|(_, l)| !l.is_empty())
				.map(|(k, l)| (k, l.into_inner()))
				.collect(),
			list_candidates: e::ListCandidates::<Runtime>::iter()
				.filter(|(_, c)| !c.is_empty())
				.collect(),
			polls: e::ElectionPolls::<Runtime>::iter()
				.filter(|(_, p)| !p.is_empty())
				.map(|(k, p)| (k, p.into_inner()))
				.collect(),
			apportionments: e::Apportionments::<Runtime>::iter()
				.filter(|(_, a)| !a.is_empty())
				.map(|(k, a)| (k, a.into_inner()))
				.collect(),
			outcomes: e::Outcomes::<Runtime>::iter().collect(),
			reserves: e::Reserves::<Runtime>::iter().filter(|(_, r)| !r.is_empty()).collect(),
			holders: e::Holders::<Runtime>::iter()
				.filter(|(_, h)| !h.is_empty())
				.map(|(k, h)| (k, h.into_inner()))
				.collect(),
			records: e::Records::<Runtime>::iter()
				.filter(|(_, r)| !r.is_empty())
				.map(|(k, r)| (k, r.into_inner()))
				.collect(),
			stood: e::Stood::<Runtime>::iter().map(|(a, e, s)| ((a, e), s)).collect(),
			claims: e::Claims::<Runtime>::iter()
				.map(|(k, c)| (k, (c.claimant, c.deposit, c.winners.into_inner())))
				.collect(),
			checked: e::Checked::<Runtime>::iter().map(|(k, s)| (k, s.into_inner())).collect(),
		}
	}

	/// Applies one event of block `now`.
	pub fn apply(
		&mut self,
		now: u32,
		tree: &jurisdictions::State,
		event: &Event<Runtime>,
	) -> Replay {
		match event {
			Event::RulesSet { office, rules } => {
				self.rules.insert(*office, rules.clone());
			},
			Event::ElectionScheduled {
				election,
				office,
				kind,
				seats,
				method,
				promotion,
				voting_start,
				voting_end,
				term,
				term_end,
			} => {
				let info = pallet_veche_elections::Election {
					office: *office,
					kind: *kind,
					seats: *seats,
					method: method.clone(),
					promotion: *promotion,
					voting_start: *voting_start,
					voting_end: *voting_end,
					term: *term,
					term_end: *term_end,
					stage: Stage::Nomination,
					candidates: 0,
				};
				if self.elections.insert(*election, info).is_some() {
					return Err("ElectionScheduled for an existing election".into());
				}
				self.next_election = election.checked_add(1).ok_or("election id overflow")?;
				if matches!(kind, ElectionKind::Regular | ElectionKind::Primary { .. }) {
					self.running.insert(*office, *election);
				}
			},
			Event::CandidateNominated { election, candidate, deposit, list } => {
				let info = self.election(*election)?;
				if list.is_none() {
					info.candidates = info.candidates.saturating_add(1);
					let options = self.options.entry(*election).or_default();
					options.try_push(candidate.clone()).map_err(|_| "ballot over 64")?;
				}
				let candidacy =
					Candidacy { deposit: *deposit, list: *list, endorsed: list.is_none() };
				self.candidacies.insert((*election, candidate.clone()), candidacy);
				self.stood.insert((candidate.clone(), *election), Standing::Running);
			},
			Event::ListRegistered { election, list, agent, name, deposit } => {
				let lists = self.lists.entry(*election).or_default();
				if usize::from(*list) != lists.len() {
					return Err(format!("list {list} registered as number {}", lists.len()));
				}
				lists.push(pallet_veche_elections::PartyList {
					agent: agent.clone(),
					name: name.clone(),
					deposit: *deposit,
				});
			},
			Event::CandidateEndorsed { election, list, constituency, candidate, place } => {
				let info = self.election(*election)?;
				info.candidates = info.candidates.saturating_add(1);
				let on_list =
					self.list_candidates.entry((*election, *constituency, *list)).or_default();
				if usize::from(*place) != on_list.len() {
					return Err(format!("endorsed at place {place} of {}", on_list.len()));
				}
				on_list.try_push(candidate.clone()).map_err(|_| "list over 64")?;
				let candidacy = self
					.candidacies
					.get_mut(&(*election, candidate.clone()))
					.ok_or("CandidateEndorsed without a candidacy")?;
				candidacy.endorsed = true;
			},
			Event::CandidateWithdrew { election, candidate } => {
				let candidacy = self
					.candidacies
					.remove(&(*election, candidate.clone()))
					.ok_or("CandidateWithdrew without a candidacy")?;
				match candidacy.list {
					None => {
						if let Some(o) = self.options.get_mut(election) {
							o.retain(|c| c != candidate);
						}
					},
					Some((list, constituency)) => {
						if let Some(c) =
							self.list_candidates.get_mut(&(*election, constituency, list))
						{
							c.retain(|x| x != candidate);
						}
					},
				}
				if candidacy.endorsed {
					let info = self.election(*election)?;
					info.candidates = info.candidates.saturating_sub(1);
				}
				self.stood.insert((candidate.clone(), *election), Standing::Withdrawn);
			},
			Event::VotingOpened { election, polls, apportionment, voting_end } => {
				let info = self.election(*election)?;
				info.stage = Stage::Voting;
				info.voting_start = now;
				info.voting_end = *voting_end;
				let lists = matches!(info.method, pallet_veche_elections::Method::PartyList(_));
				self.polls.insert(*election, polls.clone());
				if lists {
					self.apportionments.insert(*election, apportionment.clone());
				}
			},
			Event::ElectionFailed { election } => {
				let info = self.election(*election)?;
				info.stage = Stage::Failed;
				let office = info.office;
				if self.running.get(&office) == Some(election) {
					self.running.remove(&office);
				}
			},
			Event::ElectionCounted { election, seats } => {
				let info = self.election(*election)?;
				if info.stage == Stage::Nomination {
					// Unopposed: counted when voting would have opened.
					info.voting_end = now;
				}
				info.stage = Stage::Counted;
				self.outcomes
					.insert(*election, SeatsOf::<Runtime>::truncate_from(seats.clone()));
			},
			Event::RunOffCalled { election, run_off: next, candidates }
			| Event::FinalCalled { election, final_election: next, candidates } => {
				let info = self.election(*election)?;
				info.stage = Stage::Certified;
				let office = info.office;
				self.outcomes.insert(*election, Default::default());
				if self.running.get(&office) == Some(election) {
					self.running.insert(office, *next);
				}
				for who in candidates {
					self.candidacies.insert(
						(*next, who.clone()),
						Candidacy { deposit: 0, list: None, endorsed: true },
					);
					self.stood.insert((who.clone(), *next), Standing::Running);
				}
				let options = BallotOptions::<AccountId>::try_from(candidates.clone())
					.map_err(|_| "a next round of more than 64 candidates")?;
				self.options.insert(*next, options);
				self.election(*next)?.candidates =
					u32::try_from(candidates.len()).map_err(|_| "candidates overflow")?;
			},
			Event::ElectionCertified { election, office, seats, since, until, reserves } => {
				let info = self.election(*election)?;
				info.stage = Stage::Certified;
				let kind = info.kind;
				let regular = self.is_regular(kind);
				let level =
					tree.offices.get(office).ok_or("an election of an unknown office")?.level;
				let mut holders = if regular {
					Vec::new()
				} else {
					let mut current = self.holders.remove(office).unwrap_or_default();
					current.retain(|h| h.until > now);
					current
				};
				if regular {
					for old in self.holders.remove(office).unwrap_or_default() {
						self.end_service(&old.seat.who, *office, old.election, now);
					}
				}
				for seat in seats {
					holders.push(pallet_veche_elections::Holder {
						seat: seat.clone(),
						election: *election,
						since: *since,
						until: *until,
					});
					self.add_service(
						&seat.who,
						Service {
							office: *office,
							level,
							election: *election,
							since: *since,
							until: *until,
							left: None,
						},
					);
				}
				if !holders.is_empty() {
					self.holders.insert(*office, holders);
				}
				for ((constituency, list), reserve) in reserves {
					if !reserve.is_empty() {
						self.reserves.insert(
							(*election, *constituency, *list),
							ListCandidatesOf::<AccountId>::truncate_from(reserve.clone()),
						);
					}
				}
				if self.running.get(office) == Some(election) {
					self.running.remove(office);
				}
				self.outcomes
					.insert(*election, SeatsOf::<Runtime>::truncate_from(seats.clone()));
			},
			Event::DepositSettled { election, who, list, .. } => match list {
				None => {
					self.candidacies
						.remove(&(*election, who.clone()))
						.ok_or("DepositSettled without a candidacy")?;
				},
				Some(list) => {
					let entry = self
						.lists
						.get_mut(election)
						.and_then(|l| l.get_mut(usize::from(*list)))
						.ok_or("DepositSettled of an unknown list")?;
					entry.deposit = 0;
				},
			},
			Event::SeatVacated { office, who, .. } => {
				let holders = self.holders.entry(*office).or_default();
				let at = holders
					.iter()
					.position(|h| h.seat.who == *who && h.until > now)
					.ok_or("SeatVacated of a non-holder")?;
				let holder = holders.remove(at);
				if holders.is_empty() {
					self.holders.remove(office);
				}
				self.end_service(who, *office, holder.election, now);
			},
			Event::SeatPassedOn { office, election, seat, until } => {
				let list = seat.list.ok_or("SeatPassedOn of a seat without a list")?;
				let key = (*election, seat.constituency, list);
				if let Some(reserve) = self.reserves.get_mut(&key) {
					if reserve.first() != Some(&seat.who) {
						return Err("SeatPassedOn to someone not next on the list".into());
					}
					reserve.remove(0);
					if reserve.is_empty() {
						self.reserves.remove(&key);
					}
				}
				let level = tree.offices.get(office).ok_or("an unknown office")?.level;
				self.holders.entry(*office).or_default().push(pallet_veche_elections::Holder {
					seat: seat.clone(),
					election: *election,
					since: now,
					until: *until,
				});
				self.add_service(
					&seat.who,
					Service {
						office: *office,
						level,
						election: *election,
						since: now,
						until: *until,
						left: None,
					},
				);
			},
			Event::PhragmenClaimed { election, claimant, deposit, winners } => {
				let claim = (claimant.clone(), *deposit, winners.clone());
				if self.claims.insert(*election, claim).is_some() {
					return Err("PhragmenClaimed while another claim is checked".into());
				}
			},
			Event::PhragmenChecked { election, fault, support, .. } => {
				self.claims.remove(election).ok_or("PhragmenChecked without a claim")?;
				if fault.is_none() {
					// Its seats came with the `ElectionCounted` just before.
					self.checked.insert(*election, support.clone());
				}
			},
			Event::__Ignore(..) => {},
		}
		Ok(())
	}

	fn election(&mut self, id: ElectionId) -> Result<&mut ElectionOf<Runtime>, String> {
		self.elections.get_mut(&id).ok_or_else(|| format!("unknown election {id}"))
	}

	/// Whether an election of `kind` fills every seat of its office: a regular election, or
	/// its primary, final or run-off (a run-off may follow a by-election).
	fn is_regular(&self, kind: ElectionKind) -> bool {
		let mut kind = kind;
		for _ in 0..3 {
			match kind {
				ElectionKind::Regular | ElectionKind::Primary { .. } => return true,
				ElectionKind::ByElection => return false,
				ElectionKind::RunOff { first_round: previous }
				| ElectionKind::Final { primary: previous } => match self.elections.get(&previous) {
					Some(info) => kind = info.kind,
					None => return false,
				},
			}
		}
		false
	}

	fn end_service(&mut self, who: &AccountId, office: OfficeId, election: ElectionId, now: u32) {
		if let Some(records) = self.records.get_mut(who) {
			for s in records.iter_mut() {
				if s.office == office && s.election == election && s.left.is_none() && now < s.until
				{
					s.left = Some(now);
				}
			}
		}
	}

	fn add_service(&mut self, who: &AccountId, service: Service<u32>) {
		let max = <<Runtime as pallet_veche_elections::Config>::MaxServiceRecords as frame_support::traits::Get<u32>>::get() as usize;
		let records = self.records.entry(who.clone()).or_default();
		if records.len() >= max && !records.is_empty() {
			records.remove(0);
		}
		records.push(service);
	}

	/// Where `self` (rebuilt) and `stored` differ.
	pub fn diff(&self, stored: &Self, out: &mut Vec<String>) {
		diff_map("elections.rules", &self.rules, &stored.rules, out);
		diff_map("elections.elections", &self.elections, &stored.elections, out);
		diff_value("elections.next_election", &self.next_election, &stored.next_election, out);
		diff_map("elections.running", &self.running, &stored.running, out);
		diff_map("elections.claims", &self.claims, &stored.claims, out);
		diff_map("elections.checked", &self.checked, &stored.checked, out);
		diff_map("elections.candidacies", &self.candidacies, &stored.candidacies, out);
		diff_map("elections.options", &nonempty(&self.options), &nonempty(&stored.options), out);
		diff_map("elections.lists", &self.lists, &stored.lists, out);
		diff_map(
			"elections.list_candidates",
			&nonempty(&self.list_candidates),
			&nonempty(&stored.list_candidates),
			out,
		);
		diff_map("elections.polls", &self.polls, &stored.polls, out);
		diff_map("elections.apportionments", &self.apportionments, &stored.apportionments, out);
		diff_map("elections.outcomes", &self.outcomes, &stored.outcomes, out);
		diff_map("elections.reserves", &nonempty(&self.reserves), &nonempty(&stored.reserves), out);
		diff_map("elections.holders", &self.holders, &stored.holders, out);
		diff_map("elections.records", &self.records, &stored.records, out);
		diff_map("elections.stood", &self.stood, &stored.stood, out);
	}
}

/// The entries of `m` whose list is not empty (storage drops empty lists; a replay may keep
/// them).
fn nonempty<K: Ord + Clone, T: Clone, S>(
	m: &BTreeMap<K, frame_support::BoundedVec<T, S>>,
) -> BTreeMap<K, frame_support::BoundedVec<T, S>> {
	m.iter()
		.filter(|(_, v)| !v.is_empty())
		.map(|(k, v)| (k.clone(), v.clone()))
		.collect()
}
