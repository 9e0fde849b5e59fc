//! The generator: random extrinsics over Veche's pallets, drawn from small domains that mostly
//! hit real state — the well-known accounts, the demo units and persons, the polls and currencies
//! that exist — and sometimes not, to reach every error path.

use crate::chain::{Chain, Offered};
use crate::rng::Rng;
use crate::tx::signed;
use pallet_veche_primitives::{JurisdictionId, RingRef, RingSet, UnitKind};
use sp_keyring::Sr25519Keyring;
use sp_runtime::MultiAddress;
use veche_client::keys::Secret;
use veche_runtime::{AccountId, Runtime, RuntimeCall, UncheckedExtrinsic};

type Personhood = pallet_veche_personhood::Pallet<Runtime>;
type BallotsCall = pallet_veche_ballots::Call<Runtime>;
type PersonhoodCall = pallet_veche_personhood::Call<Runtime>;
type JurisdictionsCall = pallet_veche_jurisdictions::Call<Runtime>;
type CreditCall = pallet_veche_credit::Call<Runtime>;

/// The chain's ring capacity (it fixes the ring-VRF domain of proofs).
const CAPACITY: u32 = 767;
/// Persons the fuzzer may register (their secrets are known, so they can vote).
const FUZZ_PERSONS: u32 = 48;

/// The accounts that sign: the well-known development accounts (endowed at genesis).
fn accounts() -> Vec<Sr25519Keyring> {
	Sr25519Keyring::well_known().collect()
}

/// A person the fuzzer knows the secret of: the genesis demo persons 1..=8, then its own.
#[derive(Clone)]
struct Person {
	secret: Secret,
	tag: [u8; 32],
}

fn demo_tag(n: u8) -> [u8; 32] {
	sp_io::hashing::blake2_256(format!("veche-demo-tag-{n}").as_bytes())
}

/// What the generator knows and keeps between blocks.
pub struct World {
	rng: Rng,
	persons: Vec<Person>,
	valid_budget: u32,
	/// Valid jury proofs (enrolments, acceptances) left to make: each costs a prover's time.
	jury_budget: u32,
	/// Valid profile proofs (openings, renewals) left to make.
	profile_budget: u32,
	/// Whether two Birchwood residents' profiles were offered (see [`World::block`]).
	profiles_seeded: bool,
	valid_made: u64,
}

impl World {
	/// A generator from `seed` that makes at most `valid_ballots` ballots with valid proofs.
	pub fn new(seed: u64, valid_ballots: u32) -> Self {
		let mut persons: Vec<Person> = (1..=8u8)
			.map(|n| Person { secret: Secret::demo(n), tag: demo_tag(n) })
			.collect();
		persons.extend((0..FUZZ_PERSONS).map(|i| Person {
			secret: Secret(sp_io::hashing::blake2_256(format!("veche-fuzz-person-{i}").as_bytes())),
			tag: sp_io::hashing::blake2_256(format!("veche-fuzz-tag-{i}").as_bytes()),
		}));
		World {
			rng: Rng::new(seed),
			persons,
			valid_budget: valid_ballots,
			jury_budget: 12,
			profile_budget: 8,
			profiles_seeded: false,
			valid_made: 0,
		}
	}

	/// How many ballots with valid proofs were offered.
	pub fn valid_ballots_made(&self) -> u64 {
		self.valid_made
	}

	/// The setup blocks: public identities for the accounts that stand as candidates and rate
	/// promises, then the ring builder's chunks (one page per extrinsic, several per block) and
	/// the demo's constituency rings.
	pub fn setup(&mut self, chain: &mut Chain) -> Vec<Vec<Offered>> {
		let mut blocks = identities(chain);
		blocks.extend(self.chunks(chain));
		blocks
	}

	/// The ring builder's chunks, uploaded by Ferdie, then the demo's rings built.
	fn chunks(&mut self, chain: &mut Chain) -> Vec<Vec<Offered>> {
		let pages = veche_client::chunk_pages(CAPACITY);
		let calls: Vec<RuntimeCall> = pages
			.into_iter()
			.enumerate()
			.map(|(page, chunks)| {
				RuntimeCall::Personhood(PersonhoodCall::upload_chunks {
					page: page as u32,
					chunks: chunks.try_into().expect("a page fits"),
				})
			})
			.collect();
		let mut blocks = Vec::new();
		// After his identity (the setup's first block).
		let mut nonce = chain.with_state(|| nonce_of(&Sr25519Keyring::Ferdie.to_account_id())) + 1;
		for group in calls.chunks(4) {
			let block = group
				.iter()
				.map(|call| {
					let xt =
						chain.with_state(|| signed(call.clone(), Sr25519Keyring::Ferdie, nonce));
					nonce += 1;
					Offered { xt, label: "Personhood.upload_chunks (setup)".into() }
				})
				.collect();
			blocks.push(block);
		}
		// Then the demo's two constituency rings (Germany's, Birchwood's) are built at once,
		// before any random block may raise the anonymity floor above their four members.
		let build = [5, 3]
			.into_iter()
			.map(|unit| {
				let call = RuntimeCall::Personhood(PersonhoodCall::build_ring {
					set: RingSet::Constituency(unit),
					index: 0,
				});
				let xt = chain.with_state(|| signed(call, Sr25519Keyring::Ferdie, nonce));
				nonce += 1;
				Offered { xt, label: "Personhood.build_ring (setup)".into() }
			})
			.collect();
		blocks.push(build);
		blocks
	}

	/// The extrinsics of the next block: up to `max` of them. The first block after the demo's
	/// Birchwood ring is built opens two of its residents' profiles with valid proofs, so that
	/// every run reaches what profiles do (proposals, admissions, sealed answers, counts) within
	/// tens of blocks; random openings stay rare (each costs a proof) and a floor raised later
	/// would keep them out.
	pub fn block(&mut self, chain: &mut Chain, max: u32) -> Vec<Offered> {
		if !self.profiles_seeded {
			if let Some(block) = chain.with_state(|| self.seed_profiles()) {
				self.profiles_seeded = true;
				return block;
			}
		}
		let n = 1 + self.rng.below32(max.max(1));
		let mut nonces = std::collections::BTreeMap::<AccountId, u32>::new();
		let mut out = Vec::new();
		for _ in 0..n {
			let Some(offered) = chain.with_state(|| self.one(&mut nonces)) else { continue };
			out.push(offered);
		}
		out
	}

	/// One extrinsic, made inside the chain's state (so that it can look at it).
	fn one(&mut self, nonces: &mut std::collections::BTreeMap<AccountId, u32>) -> Option<Offered> {
		let roll = self.rng.below(120);
		let (call, origin) = match roll {
			0..=19 => self.ballots(),
			20..=41 => self.personhood(),
			42..=49 => self.jurisdictions(),
			50..=72 => self.credit(),
			73..=84 => self.elections(),
			85..=89 => self.promises(),
			90..=92 => self.ratings(),
			93..=96 => self.recall(),
			97..=98 => self.acts(),
			99..=106 => self.juries(),
			107..=116 => self.consultations(),
			117..=118 => self.trustees(),
			_ => Some((self.other(), Origin::Signed(self.account()))),
		}?;
		let label = format!("{} ({})", call_name(&call), origin.kind());
		let xt = match origin {
			Origin::Anonymous => {
				UncheckedExtrinsic::new_transaction(call, veche_runtime::immortal_extensions(0))
			},
			Origin::Governance => {
				let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) });
				let who = Sr25519Keyring::Alice;
				let nonce = next_nonce(nonces, &who);
				signed(sudo, who, nonce)
			},
			Origin::Signed(who) => {
				let nonce = next_nonce(nonces, &who);
				signed(call, who, nonce)
			},
		};
		Some(Offered { xt, label })
	}

	fn account(&mut self) -> Sr25519Keyring {
		let all = accounts();
		*self.rng.pick(&all).expect("accounts exist")
	}

	fn account_id(&mut self) -> AccountId {
		self.account().to_account_id()
	}

	/// Governance (sudo) or, sometimes, somebody who is not allowed.
	fn admin(&mut self) -> Origin {
		if self.rng.chance(80) {
			Origin::Governance
		} else {
			Origin::Signed(self.account())
		}
	}

	fn unit(&mut self) -> JurisdictionId {
		if self.rng.chance(90) {
			self.rng.below32(10)
		} else {
			self.rng.next_u64() as u32
		}
	}

	fn name(&mut self) -> Vec<u8> {
		match self.rng.below(10) {
			0 => Vec::new(),
			1 => {
				let len = 1 + self.rng.below(40) as usize;
				self.rng.bytes(len)
			},
			_ => format!("Unit {}", self.rng.below(1000)).into_bytes(),
		}
	}

	fn person(&mut self) -> Person {
		self.rng.pick(&self.persons).expect("persons exist").clone()
	}

	fn member(&mut self) -> [u8; 32] {
		if self.rng.chance(95) {
			self.person().secret.member()
		} else {
			self.rng.array32()
		}
	}

	/// A constituency of the demo tree (Birchwood, the three diasporas), or any unit.
	fn constituency(&mut self) -> JurisdictionId {
		if self.rng.chance(85) {
			*self.rng.pick(&[3, 5, 6, 7]).expect("not empty")
		} else {
			self.unit()
		}
	}

	fn registrar(&mut self) -> Origin {
		if self.rng.chance(75) {
			Origin::Signed(Sr25519Keyring::Dave)
		} else {
			Origin::Signed(self.account())
		}
	}

	fn set(&mut self) -> RingSet {
		if self.rng.chance(80) {
			RingSet::Constituency(self.constituency())
		} else {
			RingSet::Credential(self.rng.below32(3) as u16)
		}
	}

	fn jurisdictions(&mut self) -> Option<(RuntimeCall, Origin)> {
		use JurisdictionsCall as C;
		let kinds = [
			UnitKind::Country,
			UnitKind::Region,
			UnitKind::District,
			UnitKind::Municipality,
			UnitKind::DiasporaConstituency,
		];
		let call = match self.rng.below(7) {
			0 => C::add_unit {
				parent: if self.rng.chance(90) { Some(self.unit()) } else { None },
				kind: *self.rng.pick(&kinds)?,
				name: self.name().try_into().ok()?,
			},
			1 => C::rename_unit { unit: self.unit(), name: self.name().try_into().ok()? },
			2 => C::remove_unit { unit: self.unit() },
			3 => C::add_office {
				unit: self.unit(),
				name: self.name().try_into().ok()?,
				seats: self.rng.below32(200),
			},
			4 => C::update_office {
				office: self.rng.below32(10),
				name: self.name().try_into().ok()?,
				seats: self.rng.below32(200),
			},
			5 => C::set_office_spheres {
				office: self.rng.below32(10),
				// Mostly real sets; sometimes none, or a bit beyond the twentieth sphere.
				spheres: pallet_veche_primitives::Spheres(self.rng.below32(1 << 21)),
			},
			_ => C::remove_office { office: self.rng.below32(10) },
		};
		Some((RuntimeCall::Jurisdictions(call), self.admin()))
	}

	fn personhood(&mut self) -> Option<(RuntimeCall, Origin)> {
		use PersonhoodCall as C;
		let doc = self.rng.array32();
		let (call, origin) = match self.rng.below(20) {
			0..=3 => {
				let p = self.person();
				let key = if self.rng.chance(95) { p.secret.member() } else { self.rng.array32() };
				let constituency = self.constituency();
				(C::register { tag: p.tag, key, constituency }, self.registrar())
			},
			4 => {
				// A batch of 8 or more, keys sorted (sometimes not), mostly in one constituency.
				let constituency = self.constituency();
				let mut batch: Vec<_> = (0..8 + self.rng.below(4))
					.map(|_| {
						let p = self.person();
						(p.tag, p.secret.member(), constituency)
					})
					.collect();
				if self.rng.chance(85) {
					batch.sort_by_key(|a| a.1);
					batch.dedup_by(|a, b| a.1 == b.1);
				}
				(C::register_batch { persons: batch.try_into().ok()? }, self.registrar())
			},
			5 => (C::suspend { tag: self.person().tag, reason: doc }, self.registrar_or_admin()),
			6 => (C::reinstate { tag: self.person().tag, reason: doc }, self.registrar_or_admin()),
			7 => {
				(C::rotate_key { tag: self.person().tag, new_key: self.member() }, self.registrar())
			},
			8 => (C::admit_cohort { set: self.set() }, Origin::Signed(self.account())),
			9..=10 => (
				C::build_ring { set: self.set(), index: self.rng.below32(2) },
				Origin::Signed(self.account()),
			),
			11 => (C::set_min_ring_size { size: self.rng.below32(600) }, self.admin()),
			12 => (
				C::set_pooled { constituency: self.unit(), pooled: self.rng.chance(50) },
				self.admin(),
			),
			13 => (
				C::prune_revision {
					set: self.set(),
					index: self.rng.below32(2),
					revision: self.rng.below32(6),
				},
				Origin::Signed(self.account()),
			),
			14 => (
				C::set_quota { who: self.account_id().into(), quota: self.rng.below32(1000) },
				self.admin(),
			),
			15 => (
				C::suspend_registrations {
					registrar: self.account_id().into(),
					limit: self.rng.below32(20),
					reason: doc,
				},
				self.admin(),
			),
			16 => (
				C::accredit_registrar {
					who: self.account_id().into(),
					jurisdictions: (0..self.rng.below(3))
						.map(|_| self.unit())
						.collect::<Vec<_>>()
						.try_into()
						.ok()?,
				},
				self.admin(),
			),
			17 => (C::revoke_registrar { who: self.account_id().into() }, self.admin()),
			18 => (
				C::grant_credential { class: self.rng.below32(3) as u16, key: self.member() },
				if self.rng.chance(70) {
					Origin::Signed(Sr25519Keyring::Eve)
				} else {
					Origin::Signed(self.account())
				},
			),
			_ => (
				C::revoke_credential { class: self.rng.below32(3) as u16, key: self.member() },
				Origin::Signed(Sr25519Keyring::Eve),
			),
		};
		Some((RuntimeCall::Personhood(call), origin))
	}

	fn registrar_or_admin(&mut self) -> Origin {
		if self.rng.chance(30) {
			Origin::Governance
		} else {
			self.registrar()
		}
	}

	fn ballots(&mut self) -> Option<(RuntimeCall, Origin)> {
		use BallotsCall as C;
		let now = frame_system::Pallet::<Runtime>::block_number();
		let polls = pallet_veche_ballots::NextPollId::<Runtime>::get();
		// Mostly the newest polls (the ones open now), sometimes any id.
		let poll = if polls > 0 && self.rng.chance(70) {
			polls - 1 - self.rng.below32(polls.min(3))
		} else {
			self.rng.below32(polls.saturating_add(1))
		};
		let (call, origin) = match self.rng.below(10) {
			0..=1 => {
				let kind = match self.rng.below(3) {
					0 => pallet_veche_ballots::PollKind::YesNo,
					1 => pallet_veche_ballots::PollKind::SingleChoice {
						options: self.rng.below(70) as u8,
					},
					_ => pallet_veche_ballots::PollKind::Approval {
						options: self.rng.below(10) as u8,
						max: self.rng.below(10) as u8,
					},
				};
				// Mostly the whole country (every ring votes), else random units.
				let mut units: Vec<u32> = if self.rng.chance(60) {
					vec![0]
				} else {
					(0..self.rng.below(3)).map(|_| self.unit()).collect()
				};
				if self.rng.chance(90) {
					units.sort();
					units.dedup();
				}
				let electorate = pallet_veche_ballots::Electorate {
					units: units.try_into().ok()?,
					// Mostly weighing every person (zero: credential holders only).
					base_weight: if self.rng.chance(85) { 1 + self.rng.below32(2) } else { 0 },
					class_weights: Default::default(),
					aliases: None,
				};
				let start = now + self.rng.below32(4);
				let end = start + if self.rng.chance(90) { 1 + self.rng.below32(60) } else { 0 };
				(C::create_poll { kind, electorate, start, end }, self.admin())
			},
			2..=5 => return self.ballot(poll).map(|c| (c, Origin::Anonymous)),
			6 => (C::close { poll }, Origin::Signed(self.account())),
			7 => (
				C::exclude_territory { poll, territory: self.unit(), reason: self.rng.array32() },
				self.admin(),
			),
			8 => (C::recount { poll, limit: self.rng.below32(40) }, Origin::Signed(self.account())),
			_ => (C::purge { poll, limit: self.rng.below32(40) }, Origin::Signed(self.account())),
		};
		Some((RuntimeCall::Ballots(call), origin))
	}

	/// A ballot in `poll`: with a valid proof while the budget lasts and a voter of the poll's
	/// roll is known, otherwise a corrupted one (another message, a flipped byte, random bytes,
	/// a ring outside the roll).
	fn ballot(&mut self, poll: u32) -> Option<RuntimeCall> {
		let info = pallet_veche_ballots::Polls::<Runtime>::get(poll);
		let mut marks = vec![self.rng.below(2) as u8];
		// A rating: grades too, mostly on the scale and within the poll's spheres.
		if let Some(pallet_veche_ballots::PollKind::Rating { spheres }) =
			info.as_ref().map(|i| i.kind)
		{
			let graded = self.rng.below(u64::from(spheres) + 2);
			marks.extend((0..graded).map(|_| self.rng.below(8) as u8));
		}
		let choice: pallet_veche_ballots::Choice = marks.try_into().ok()?;
		let made = info.as_ref().and_then(|info| {
			if self.valid_budget == 0 || !self.rng.chance(50) {
				return None;
			}
			// Spend the budget where a valid proof can count: an open poll that weighs
			// constituency rings (the ring's size is checked below).
			let now = frame_system::Pallet::<Runtime>::block_number();
			if now < info.start || now >= info.end || info.electorate.base_weight == 0 {
				return None;
			}
			let floor = pallet_veche_personhood::MinRingSize::<Runtime>::get() as usize;
			// A known person whose ring revision is in the poll's roll, from a random start.
			let start = self.rng.below(self.persons.len() as u64) as usize;
			let (p, set, index, revision, members) = (0..self.persons.len()).find_map(|i| {
				let p = self.persons.get((start + i) % self.persons.len())?.clone();
				let (set, index) = Personhood::ring_of_key(p.secret.member())?;
				let (revision, members) = Personhood::roll_ring(set, index, info.roll)?;
				let RingSet::Constituency(territory) = set else { return None };
				let units = &info.electorate.units;
				let voter = units.is_empty()
					|| <veche_runtime::Jurisdictions as pallet_veche_primitives::JurisdictionInspect>::within_any(territory, units);
				(voter && members.len() >= floor && members.contains(&p.secret.member()))
					.then_some((p, set, index, revision, members))
			})?;
			let alias = p.secret.alias(&info.context);
			let sequence = pallet_veche_ballots::Ballots::<Runtime>::get(poll, alias)
				.map_or(1, |b| b.sequence + 1);
			// A valid proof is spent on a choice the poll takes: one of its options, and a
			// rating's grades on the scale.
			let mut valid = vec![self.rng.below(u64::from(info.kind.options().max(1))) as u8];
			if let pallet_veche_ballots::PollKind::Rating { spheres } = info.kind {
				valid.extend(
					(0..self.rng.below(u64::from(spheres) + 1)).map(|_| self.rng.below(7) as u8),
				);
			}
			if matches!(info.kind, pallet_veche_ballots::PollKind::PartyList { .. }) {
				valid = vec![0];
			}
			let marks = veche_client::ballot::Marks {
				poll,
				context: info.context,
				choice: valid.try_into().ok()?,
				sequence,
			};
			let ring = RingRef { set, index, revision };
			let own = veche_client::ballot::ProvingRing { ring, members: &members };
			let (ballot, _) =
				veche_client::ballot::build(&p.secret, &marks, own, None, CAPACITY).ok()?;
			self.valid_budget -= 1;
			self.valid_made += 1;
			Some(ballot)
		});
		let ballot = match made {
			Some(b) if self.rng.chance(80) => b,
			Some(mut b) => {
				match self.rng.below(4) {
					// Another choice than the one proven.
					0 => {
						b.choice =
							vec![1 - b.choice.first().copied().unwrap_or(0)].try_into().ok()?
					},
					// One byte of the ring proof changed.
					1 => {
						let i = self.rng.below(b.proof.len() as u64) as usize;
						*b.proof.get_mut(i)? ^= 1 << self.rng.below(8);
					},
					// A ring revision outside the roll.
					2 => b.ring.revision = b.ring.revision.wrapping_add(1),
					// A skipped sequence number.
					_ => b.sequence = b.sequence.saturating_add(1),
				}
				b
			},
			None => pallet_veche_ballots::Ballot {
				poll,
				choice,
				sequence: self.rng.below32(3),
				ring: RingRef {
					set: self.set(),
					index: self.rng.below32(2),
					revision: self.rng.below32(4),
				},
				proof: {
					let len = if self.rng.chance(70) { 785 } else { self.rng.below(800) as usize };
					self.rng.bytes(len).try_into().ok()?
				},
				credential: None,
			},
		};
		Some(RuntimeCall::Ballots(BallotsCall::cast { ballot }))
	}

	fn credit(&mut self) -> Option<(RuntimeCall, Origin)> {
		use CreditCall as C;
		let currencies = pallet_veche_credit::NextCurrencyId::<Runtime>::get();
		let currency = self.rng.below32(currencies.saturating_add(1));
		let other = self.rng.below32(currencies.saturating_add(1));
		let who: MultiAddress<AccountId, ()> = self.account_id().into();
		let signer = Origin::Signed(self.account());
		let amount = self.rng.amount();
		let call = match self.rng.below(24) {
			0 => {
				let params = pallet_veche_credit::CurrencyParams {
					name: self.name().try_into().ok()?,
					symbol: if self.rng.chance(90) { b"FZC".to_vec() } else { self.rng.bytes(8) }
						.try_into()
						.ok()?,
					decimals: self.rng.below(20) as u8,
					demurrage: sp_runtime::Perbill::from_parts(self.rng.below32(1_100_000_000)),
					default_limit: self.rng.amount(),
					fund: self.account_id().into(),
					value: sp_runtime::FixedU128::from_u32(1 + self.rng.below32(50)),
					notice: self.rng.below(200_000_000),
					admins: vec![self.account_id().into()].try_into().ok()?,
				};
				return Some((
					RuntimeCall::Credit(C::create_currency { params }),
					if self.rng.chance(50) { Origin::Governance } else { signer },
				));
			},
			1 => C::set_admins { currency, admins: vec![who].try_into().ok()? },
			2..=3 => {
				C::admit { currency, who, limit: self.rng.chance(50).then(|| self.rng.amount()) }
			},
			4 => C::set_limit { currency, who, limit: amount },
			5 => C::freeze { currency, who },
			6 => C::thaw { currency, who },
			7 => C::remove_member { currency, who },
			8..=12 => C::transfer { currency, to: who, amount },
			13 => C::save { currency, amount },
			14 => C::request_withdrawal { currency, amount },
			15 => C::withdraw { currency },
			16 => C::cancel_withdrawal { currency },
			17 => C::set_credit_line { currency, partner: other, limit: amount },
			18..=19 => C::pay_across { currency, to_currency: other, to: who, amount },
			20 => C::collect {
				currency,
				accounts: (0..self.rng.below(4))
					.map(|_| self.account_id().into())
					.collect::<Vec<_>>()
					.try_into()
					.ok()?,
			},
			21 => C::dissolve { currency },
			_ => C::settle_clearing { currency, partner: other },
		};
		// Admin calls come from a currency's admin, governance or anyone; the rest from anyone.
		let origin = if self.rng.chance(20) { Origin::Governance } else { signer };
		Some((RuntimeCall::Credit(call), origin))
	}

	/// An election: mostly the newest (the ones running), sometimes any id.
	fn election(&mut self) -> u32 {
		let next = pallet_veche_elections::NextElectionId::<Runtime>::get();
		if next > 0 && self.rng.chance(80) {
			next - 1 - self.rng.below32(next.min(3))
		} else {
			self.rng.below32(next.saturating_add(1))
		}
	}

	/// Office rules, mostly small periods so that elections run their course within a run.
	fn office_rules(&mut self) -> Option<pallet_veche_elections::OfficeRulesOf<Runtime>> {
		use pallet_veche_elections::{seats::Divisor, ListRules, Method};
		let method = match self.rng.below(5) {
			0 => Method::Plurality,
			1 => Method::TwoRound,
			2 => Method::Approval,
			3 => Method::Phragmen,
			_ => {
				let mut constituencies = vec![5, 6, 7];
				if self.rng.chance(20) {
					constituencies = (0..self.rng.below(4)).map(|_| self.unit()).collect();
				}
				Method::PartyList(ListRules {
					constituencies: constituencies.try_into().ok()?,
					min_seats: self.rng.below32(4),
					divisor: if self.rng.chance(50) {
						Divisor::DHondt
					} else {
						Divisor::SainteLague
					},
					threshold: sp_runtime::Perbill::from_percent(self.rng.below32(12)),
					preferences: self.rng.below(4) as u8,
				})
			},
		};
		// Mostly positive periods (a zero one is refused).
		let period = |rng: &mut Rng, n: u32| if rng.chance(90) { 1 + rng.below32(n) } else { 0 };
		Some(pallet_veche_elections::OfficeRules {
			method,
			term: period(&mut self.rng, 40),
			nomination: period(&mut self.rng, 4),
			voting: period(&mut self.rng, 5),
			promotion: self.rng.chance(15),
			// Mostly none; otherwise 1..=5 sent on (refused unless more than the seats).
			primary: if self.rng.chance(70) { 0 } else { 1 + self.rng.below(5) as u8 },
		})
	}

	/// Rules for a demo office they fit, mostly (a single seat for plurality and two rounds,
	/// a council for approval, the parliament for party lists).
	fn office_and_rules(
		&mut self,
	) -> Option<(u32, pallet_veche_elections::OfficeRulesOf<Runtime>)> {
		use pallet_veche_elections::Method;
		let rules = self.office_rules()?;
		let fitting: &[u32] = match rules.method {
			Method::Plurality | Method::TwoRound => &[2, 6],
			Method::Approval | Method::Phragmen => &[1, 3, 4, 5],
			Method::PartyList(_) => &[0],
		};
		let office =
			if self.rng.chance(85) { *self.rng.pick(fitting)? } else { self.rng.below32(8) };
		Some((office, rules))
	}

	fn elections(&mut self) -> Option<(RuntimeCall, Origin)> {
		use pallet_veche_elections::Call as C;
		let now = frame_system::Pallet::<Runtime>::block_number();
		let election = self.election();
		let office = self.rng.below32(8);
		// The size the view reports, sometimes a wrong one.
		let size = if self.rng.chance(85) {
			pallet_veche_elections::Pallet::<Runtime>::election_size(election).unwrap_or_default()
		} else {
			pallet_veche_elections::ElectionSize {
				constituencies: self.rng.below32(4),
				lists: self.rng.below32(4),
				seats: self.rng.below32(200),
			}
		};
		let signer = Origin::Signed(self.account());
		let (call, origin) = match self.rng.below(18) {
			0 => {
				let (office, rules) = self.office_and_rules()?;
				(C::set_rules { office, rules }, self.admin())
			},
			1 => (C::schedule { office, voting_start: now + self.rng.below32(8) }, self.admin()),
			2..=4 => {
				let list = self.rng.chance(30).then(|| {
					let constituency =
						if self.rng.chance(80) { 5 + self.rng.below32(3) } else { self.unit() };
					(self.rng.below(3) as u8, constituency)
				});
				(C::nominate { election, list }, signer)
			},
			5 => (C::register_list { election, name: self.name().try_into().ok()? }, signer),
			6 => (C::endorse { election, candidate: self.account_id().into() }, signer),
			7 => (C::withdraw { election }, signer),
			8..=9 => (C::open_voting { election, size }, signer),
			10 => (C::count { election, size }, signer),
			11 => (C::certify { election, size }, signer),
			12 => (C::release_deposit { election, candidate: self.account_id().into() }, signer),
			13 => (C::release_list_deposit { election, list: self.rng.below(3) as u8 }, signer),
			14 => (C::resign { office }, signer),
			15 => (C::claim_phragmen { election, winners: self.phragmen_claim(election) }, signer),
			16 => (C::check_phragmen { election, limit: self.rng.below32(12) }, signer),
			_ => (
				C::remove_holder {
					office,
					who: self.account_id().into(),
					reason: self.rng.array32(),
				},
				self.admin(),
			),
		};
		Some((RuntimeCall::Elections(call), origin))
	}

	/// A claim of `election`'s Phragmén outcome: mostly the right one, computed from its stored
	/// ballots as anyone would; sometimes tampered with or made up.
	fn phragmen_claim(&mut self, election: u32) -> pallet_veche_elections::ClaimOf {
		use pallet_veche_elections::phragmen;
		let info = pallet_veche_elections::Elections::<Runtime>::get(election);
		let poll = pallet_veche_elections::ElectionPolls::<Runtime>::get(election).first().copied();
		let options = pallet_veche_elections::Options::<Runtime>::decode_len(election).unwrap_or(0);
		let mut winners = match (info, poll) {
			(Some(info), Some((_, poll))) if self.rng.chance(70) => {
				let excluded = |t| pallet_veche_ballots::Excluded::<Runtime>::contains_key(poll, t);
				let profile: Vec<(Vec<u8>, u64)> =
					pallet_veche_ballots::Ballots::<Runtime>::iter_prefix(poll)
						.filter(|(_, b)| !excluded(b.territory))
						.map(|(_, b)| (b.choice.to_vec(), u64::from(b.weight)))
						.collect();
				phragmen::elect(&profile, options.min(64) as u8, info.seats)
			},
			_ => (0..self.rng.below(4))
				.map(|_| (self.rng.below(6) as u8, u128::from(self.rng.below(3)) * phragmen::UNIT))
				.collect(),
		};
		if !winners.is_empty() && self.rng.chance(15) {
			// A load off by one, or the last winner dropped.
			if self.rng.chance(50) {
				winners[0].1 = winners[0].1.saturating_add(1);
			} else {
				winners.pop();
			}
		}
		frame_support::BoundedVec::truncate_from(winners)
	}

	fn promises(&mut self) -> Option<(RuntimeCall, Origin)> {
		use pallet_veche_primitives::{PolicySphere, PromiseStatus};
		use pallet_veche_promises::Call as C;
		let now = frame_system::Pallet::<Runtime>::block_number();
		let next = pallet_veche_promises::NextPromiseId::<Runtime>::get();
		let promise = if next > 0 && self.rng.chance(80) {
			next - 1 - self.rng.below32(next.min(6))
		} else {
			self.rng.below32(next.saturating_add(1))
		};
		let status = match self.rng.below(6) {
			0 => PromiseStatus::NotYetRated,
			1 => PromiseStatus::InTheWorks,
			2 => PromiseStatus::Stalled,
			3 => PromiseStatus::Kept,
			4 => PromiseStatus::Compromise,
			_ => PromiseStatus::Broken,
		};
		let signer = Origin::Signed(self.account());
		let (call, origin) = match self.rng.below(14) {
			0..=3 => {
				let deadline = self.rng.chance(50).then(|| now + self.rng.below32(40));
				let parent = self.rng.chance(30).then_some(promise);
				(
					C::make {
						election: self.election(),
						title: self.name().try_into().ok()?,
						content: self.rng.array32(),
						sphere: PolicySphere::from_index(self.rng.below(20) as u8)?,
						deadline,
						parent,
					},
					signer,
				)
			},
			4 => (C::withdraw { promise }, signer),
			5..=6 => (
				C::report_progress {
					promise,
					progress: self.rng.below(110) as u8,
					milestone: self.name().try_into().ok()?,
					evidence: self.rng.array32(),
				},
				signer,
			),
			7..=8 => (C::rate { promise, status, report: self.rng.array32() }, signer),
			9 => (C::appeal { promise, grounds: self.rng.array32() }, signer),
			10 => {
				(C::decide_appeal { promise, status, decision: self.rng.array32() }, self.admin())
			},
			11 => (C::accredit { auditor: self.account_id().into() }, self.admin()),
			12 => (C::revoke { auditor: self.account_id().into() }, self.admin()),
			_ => (C::clear { election: self.election() }, signer),
		};
		Some((RuntimeCall::Promises(call), origin))
	}

	/// An office of the demo tree (the Head of Birchwood, whom Bob holds, most often).
	fn office(&mut self) -> u32 {
		if self.rng.chance(60) {
			7
		} else {
			self.rng.below32(10)
		}
	}

	/// An official: Bob (the Head of Birchwood) most often.
	fn official(&mut self) -> AccountId {
		if self.rng.chance(60) {
			Sr25519Keyring::Bob.to_account_id()
		} else {
			self.account_id()
		}
	}

	fn ratings(&mut self) -> Option<(RuntimeCall, Origin)> {
		use pallet_veche_ratings::Call as C;
		let now = frame_system::Pallet::<Runtime>::block_number();
		let current = pallet_veche_ratings::Pallet::<Runtime>::period_of(now);
		let (call, origin) = match self.rng.below(6) {
			0..=2 => {
				(C::open_period { office: self.office(), who: self.official() }, Origin::Anonymous)
			},
			3..=4 => (
				C::close_period {
					office: self.office(),
					who: self.official(),
					period: current.saturating_sub(self.rng.below32(3)),
				},
				Origin::Anonymous,
			),
			_ => {
				let bar = self.rng.chance(80).then(|| pallet_veche_ratings::PromotionBar {
					min_approval: sp_runtime::Perbill::from_percent(self.rng.below32(101)),
					min_kept: sp_runtime::Perbill::from_percent(self.rng.below32(101)),
				});
				(C::set_promotion_bar { office: self.office(), bar }, self.admin())
			},
		};
		Some((RuntimeCall::Ratings(call), origin))
	}

	fn recall(&mut self) -> Option<(RuntimeCall, Origin)> {
		use pallet_veche_recall::{Call as C, RecallRules, TriggerRef};
		let procedures = pallet_veche_recall::NextProcedure::<Runtime>::get();
		let procedure = if procedures > 0 && self.rng.chance(80) {
			procedures - 1
		} else {
			self.rng.below32(procedures.saturating_add(1))
		};
		let (call, origin) = match self.rng.below(10) {
			0 => {
				let window = |rng: &mut Rng| rng.below32(40);
				let rules = RecallRules {
					threshold: sp_runtime::Perbill::from_percent(self.rng.below32(101)),
					quorum: sp_runtime::Perbill::from_percent(self.rng.below32(60)),
					petition: sp_runtime::Perbill::from_percent(self.rng.below32(60)),
					petition_period: window(&mut self.rng),
					grace: window(&mut self.rng),
					cooldown: window(&mut self.rng),
					response: window(&mut self.rng),
					vote: window(&mut self.rng),
					appeal: window(&mut self.rng),
					turnout: sp_runtime::Perbill::from_percent(self.rng.below32(60)),
				};
				let rules = self.rng.chance(90).then_some(rules);
				(C::set_rules { office: self.office(), rules }, self.admin())
			},
			1..=2 => (
				C::open_petition { office: self.office(), who: self.official() },
				Origin::Anonymous,
			),
			3..=4 => {
				let trigger = if self.rng.chance(50) {
					TriggerRef::Petition
				} else {
					TriggerRef::Rating(9 + self.rng.below32(5))
				};
				(
					C::start_recall { office: self.office(), who: self.official(), trigger },
					Origin::Anonymous,
				)
			},
			5 => (
				C::respond {
					procedure,
					document: self.rng.array32(),
					fixes: (0..self.rng.below(3))
						.map(|_| self.rng.below32(8))
						.collect::<Vec<_>>()
						.try_into()
						.ok()?,
				},
				if self.rng.chance(70) {
					Origin::Signed(Sr25519Keyring::Bob)
				} else {
					Origin::Signed(self.account())
				},
			),
			_ => (C::advance { procedure }, Origin::Anonymous),
		};
		Some((RuntimeCall::Recall(call), origin))
	}

	/// Bob (who holds office 7) mostly, else anyone.
	fn bob_or_anyone(&mut self) -> Origin {
		if self.rng.chance(70) {
			Origin::Signed(Sr25519Keyring::Bob)
		} else {
			Origin::Signed(self.account())
		}
	}

	/// The registry of acts: acts of the demo head's office (Bob) or any, by him, by anyone or by
	/// governance; keys registered with a valid proof of possession or a forged one; signatures
	/// valid, of another version, or by another key.
	fn acts(&mut self) -> Option<(RuntimeCall, Origin)> {
		use pallet_veche_acts::{mldsa, ActKind, Call as C};
		let next = pallet_veche_acts::NextAct::<Runtime>::get();
		let act = if next > 0 && self.rng.chance(80) {
			next - 1 - self.rng.below32(next.min(3))
		} else {
			self.rng.below32(next.saturating_add(1))
		};
		let version = self.rng.below32(3);
		let text =
			|rng: &mut Rng| -> frame_support::BoundedVec<u8, frame_support::traits::ConstU32<256>> {
				rng.bytes(40).try_into().expect("40 bytes fit")
			};
		let seed = self.rng.below(3) as u8;
		let now = frame_system::Pallet::<Runtime>::block_number();
		let (call, origin) = match self.rng.below(16) {
			0..=1 => {
				let kind = *self.rng.pick(&ActKind::ALL)?;
				let origin = if self.rng.chance(70) { self.bob_or_anyone() } else { self.admin() };
				(
					C::table {
						office: self.office(),
						kind,
						title: text(&mut self.rng),
						content: self.rng.array32(),
						locator: text(&mut self.rng),
					},
					origin,
				)
			},
			2 => {
				let origin = if self.rng.chance(70) { self.bob_or_anyone() } else { self.admin() };
				(
					C::amend { act, content: self.rng.array32(), locator: text(&mut self.rng) },
					origin,
				)
			},
			3 => {
				let effective = self.rng.chance(50).then(|| {
					frame_system::Pallet::<Runtime>::block_number() + self.rng.below32(20)
				});
				(C::adopt { act, version, effective }, self.admin())
			},
			4 => (C::reject { act }, self.admin()),
			5 => {
				let from = self.rng.chance(50).then(|| {
					frame_system::Pallet::<Runtime>::block_number() + self.rng.below32(20)
				});
				let origin = if self.rng.chance(50) { self.bob_or_anyone() } else { self.admin() };
				(C::repeal { act, from }, origin)
			},
			6..=7 => {
				// Bob's key `seed`, proved for him (or, one time in four, for someone else).
				let office = self.office();
				let (public, secret) = pq_pair(seed);
				let owner = if self.rng.chance(75) {
					Sr25519Keyring::Bob.to_account_id()
				} else {
					self.account_id()
				};
				let message = pallet_veche_acts::Pallet::<Runtime>::key_message(&owner, office);
				let proof = pq_sign(&secret, &message, mldsa::KEY_CONTEXT);
				(
					C::register_key { office, public: Box::new(public), proof },
					Origin::Signed(Sr25519Keyring::Bob),
				)
			},
			8 => {
				let key = self
					.rng
					.below32(pallet_veche_acts::NextKey::<Runtime>::get().saturating_add(1));
				let origin = if self.rng.chance(70) { self.bob_or_anyone() } else { self.admin() };
				(C::revoke_key { key }, origin)
			},
			9..=10 => {
				// A signature by key `key` with key pair `seed`: valid when they match and the
				// version exists (the message then read from the chain), else forged.
				let key = self
					.rng
					.below32(pallet_veche_acts::NextKey::<Runtime>::get().saturating_add(1));
				let (_, secret) = pq_pair(seed);
				let content = pallet_veche_acts::Versions::<Runtime>::get(act, version)
					.map(|v| v.content)
					.unwrap_or_default();
				let signed = if self.rng.chance(80) { version } else { version + 1 };
				let message =
					pallet_veche_acts::Pallet::<Runtime>::version_message(act, signed, &content);
				let signature = pq_sign(&secret, &message, mldsa::ACT_CONTEXT);
				(C::sign { act, version, key, signature }, Origin::Signed(self.account()))
			},
			12 => {
				// A schedule of up to three payouts (sometimes out of order, of nothing, or
				// due in the past), by Bob, anyone or governance.
				let payouts: Vec<_> = (0..self.rng.below(4))
					.map(|_| {
						let amount = u128::from(self.rng.below32(3)) * veche_runtime::UNIT;
						(self.account_id(), amount, (now + self.rng.below32(30)).saturating_sub(2))
					})
					.collect();
				let origin = if self.rng.chance(70) { self.bob_or_anyone() } else { self.admin() };
				(C::set_payouts { act, payouts: payouts.try_into().ok()? }, origin)
			},
			13 => (C::pay_out { act, index: self.rng.below32(4) }, Origin::Signed(self.account())),
			14 => {
				let kind = if self.rng.chance(50) {
					pallet_veche_acts::DeadlineKind::ResponseDue
				} else {
					pallet_veche_acts::DeadlineKind::Review
				};
				let due = (now + self.rng.below32(30)).saturating_sub(2);
				let origin = if self.rng.chance(70) { self.bob_or_anyone() } else { self.admin() };
				(C::set_deadline { act, kind, office: self.office(), due }, origin)
			},
			15 => {
				let answer = self.rng.chance(50).then(|| self.rng.below32(next.saturating_add(1)));
				let origin = if self.rng.chance(70) { self.bob_or_anyone() } else { self.admin() };
				(C::meet_deadline { act, index: self.rng.below32(3), answer }, origin)
			},
			_ => {
				let kind = *self.rng.pick(&ActKind::ALL)?;
				(C::set_threshold { kind, threshold: self.rng.below32(4) }, self.admin())
			},
		};
		Some((RuntimeCall::Acts(call), origin))
	}

	/// Juries: bills (the newest acts) sent to juries by governance or anyone; enrolments and
	/// acceptances with valid proofs (while the budget lasts) or forged ones; draws, lapses,
	/// conclusions, cancellations and clearing by anyone.
	fn juries(&mut self) -> Option<(RuntimeCall, Origin)> {
		use pallet_veche_juries::Call as C;
		let next = pallet_veche_juries::NextJuryId::<Runtime>::get();
		let jury = if next > 0 && self.rng.chance(80) {
			next - 1 - self.rng.below32(next.min(2))
		} else {
			self.rng.below32(next.saturating_add(1))
		};
		let now = frame_system::Pallet::<Runtime>::block_number();
		let (call, origin) = match self.rng.below(14) {
			0..=1 => {
				// Mostly an open bill no jury holds (the newest), sometimes any recent act.
				let acts = pallet_veche_acts::NextAct::<Runtime>::get();
				let open = (0..acts).rev().find(|a| {
					pallet_veche_acts::Pallet::<Runtime>::open_bill(*a).is_some()
						&& !pallet_veche_juries::JuryOfAct::<Runtime>::contains_key(a)
				});
				let act = match open {
					Some(a) if self.rng.chance(80) => a,
					_ => acts.saturating_sub(1 + self.rng.below32(3)),
				};
				// Sometimes the legal qualification (class 1) or civic literacy (0); rarely a class
				// nobody holds.
				let credential = self.rng.chance(40).then(|| self.rng.below(3) as u16);
				(
					C::send_to_jury {
						act,
						size: self.rng.below32(6),
						credential,
						freeze: now + 5 + self.rng.below32(40),
						acceptance: self.rng.below32(20),
						voting: self.rng.below32(40),
					},
					self.admin(),
				)
			},
			2..=6 => {
				// Mostly the newest jury still enrolling.
				let open = (0..next).rev().find(|j| {
					pallet_veche_juries::Juries::<Runtime>::get(j).is_some_and(|i| {
						i.stage == pallet_veche_juries::JuryStage::Enrolling && now < i.freeze
					})
				});
				let jury = match open {
					Some(j) if self.rng.chance(80) => j,
					_ => jury,
				};
				return self.enrolment(jury).map(|c| (c, Origin::Anonymous));
			},
			7 => (C::draw { jury, limit: self.rng.below32(6) }, Origin::Signed(self.account())),
			8..=9 => return self.acceptance(jury).map(|c| (c, Origin::Anonymous)),
			10 => {
				let alias = pallet_veche_juries::Summonses::<Runtime>::iter_prefix(jury)
					.map(|(a, _)| a)
					.nth(self.rng.below(3) as usize)
					.unwrap_or_else(|| self.rng.array32());
				(C::lapse { jury, alias }, Origin::Signed(self.account()))
			},
			11 => (C::conclude { jury }, Origin::Signed(self.account())),
			12 => (C::cancel { jury }, self.admin()),
			_ => (C::clear { jury, limit: self.rng.below32(8) }, Origin::Signed(self.account())),
		};
		Some((RuntimeCall::Juries(call), origin))
	}

	/// A known person's proof of ring `set` (its revision in `roll`) for `context` and
	/// `message`, if they are in it and it holds the anonymity floor.
	fn jury_proof(
		&mut self,
		p: &Person,
		set: RingSet,
		roll: u32,
		context: &[u8; 32],
		message: &[u8],
	) -> Option<(RingRef, pallet_veche_juries::Proof)> {
		let floor = pallet_veche_personhood::MinRingSize::<Runtime>::get() as usize;
		(0..2u32).find_map(|index| {
			let (revision, members) = Personhood::roll_ring(set, index, roll)?;
			if members.len() < floor || !members.contains(&p.secret.member()) {
				return None;
			}
			let (proof, _) =
				veche_client::proof::prove(&p.secret, &members, CAPACITY, context, message)?;
			Some((RingRef { set, index, revision }, proof.try_into().ok()?))
		})
	}

	/// An enrolment in `jury`: a known person's valid proofs while the budget lasts, else a
	/// forged proof.
	fn enrolment(&mut self, jury: u32) -> Option<RuntimeCall> {
		let message = pallet_veche_juries::enrol_message(jury);
		let made = pallet_veche_juries::Juries::<Runtime>::get(jury).and_then(|info| {
			if self.jury_budget == 0 || !self.rng.chance(60) {
				return None;
			}
			// A known person of the bill's jurisdiction who has not enrolled, from a random start.
			let start = self.rng.below(self.persons.len() as u64) as usize;
			let (p, set) = (0..self.persons.len()).find_map(|i| {
				let p = self.persons.get((start + i) % self.persons.len())?.clone();
				let (set, _) = Personhood::ring_of_key(p.secret.member())?;
				let RingSet::Constituency(c) = set else { return None };
				let inside = <veche_runtime::Jurisdictions as pallet_veche_primitives::JurisdictionInspect>::is_within(c, info.unit);
				let fresh = !pallet_veche_juries::Enrolled::<Runtime>::contains_key(jury, p.secret.alias(&info.context));
				(inside && fresh).then_some((p, set))
			})?;
			let ring = self.jury_proof(&p, set, info.roll, &info.context, &message)?;
			let credential = match info.credential {
				Some(class) => Some(self.jury_proof(
					&p,
					RingSet::Credential(class),
					info.roll,
					&info.context,
					&message,
				)?),
				None => None,
			};
			self.jury_budget -= 1;
			Some((ring, credential))
		});
		let ((ring, proof), credential) = match made {
			Some(made) => made,
			None => (
				(
					RingRef { set: self.set(), index: 0, revision: self.rng.below32(4) },
					self.rng.bytes(785).try_into().ok()?,
				),
				None,
			),
		};
		Some(RuntimeCall::Juries(pallet_veche_juries::Call::enrol {
			jury,
			ring,
			proof,
			credential,
		}))
	}

	/// An acceptance in `jury`: a summoned known person's valid proof while the budget lasts,
	/// else a known person's (summoned or not) proof of another message, or forged bytes.
	fn acceptance(&mut self, jury: u32) -> Option<RuntimeCall> {
		let info = pallet_veche_juries::Juries::<Runtime>::get(jury)?;
		let summoned = self.persons.iter().find(|p| {
			pallet_veche_juries::Summonses::<Runtime>::get(jury, p.secret.alias(&info.context))
				.is_some_and(|s| s.status == pallet_veche_juries::SummonsStatus::Summoned)
		});
		let p = match summoned {
			Some(p) if self.jury_budget > 0 && self.rng.chance(80) => p.clone(),
			_ => self.person(),
		};
		let message = if self.rng.chance(90) {
			pallet_veche_juries::accept_message(jury)
		} else {
			pallet_veche_juries::enrol_message(jury)
		};
		let (set, _) = Personhood::ring_of_key(p.secret.member())?;
		let (ring, proof) = match self.jury_proof(&p, set, info.roll, &info.context, &message) {
			Some(made) => {
				self.jury_budget = self.jury_budget.saturating_sub(1);
				made
			},
			None => (RingRef { set, index: 0, revision: 0 }, self.rng.bytes(785).try_into().ok()?),
		};
		Some(RuntimeCall::Juries(pallet_veche_juries::Call::accept { jury, ring, proof }))
	}

	/// A known person's profile (its id and the person), if they opened one.
	/// Openings of demo persons 5 and 6 (Birchwood) with valid proofs, once their ring is in
	/// this period's roll above the floor; `None` until then.
	fn seed_profiles(&mut self) -> Option<Vec<Offered>> {
		let (_, roll, context) = pallet_veche_consultations::Pallet::<Runtime>::current_period();
		[5usize, 6]
			.into_iter()
			.map(|n| {
				let p = self.persons.get(n - 1)?.clone();
				let (set, _) = Personhood::ring_of_key(p.secret.member())?;
				let key = veche_client::consult::profile_key(&p.secret);
				let name = format!("Resident {n}").into_bytes();
				let message = pallet_veche_consultations::open_message(&key, &name);
				let (ring, proof) = self.jury_proof(&p, set, roll, &context, &message)?;
				let call =
					RuntimeCall::Consultations(pallet_veche_consultations::Call::open_profile {
						ring,
						proof: proof.into_inner().try_into().ok()?,
						key,
						name: name.try_into().ok()?,
					});
				let label = format!("{} (setup)", call_name(&call));
				let xt = UncheckedExtrinsic::new_transaction(
					call,
					veche_runtime::immortal_extensions(0),
				);
				Some(Offered { xt, label })
			})
			.collect()
	}

	fn known_profile(&mut self) -> Option<(pallet_veche_consultations::ProfileId, Person)> {
		let start = self.rng.below(self.persons.len() as u64) as usize;
		(0..self.persons.len()).find_map(|i| {
			let p = self.persons.get((start + i) % self.persons.len())?.clone();
			let key = veche_client::consult::profile_key(&p.secret);
			let id = pallet_veche_consultations::ProfileOfKey::<Runtime>::get(key)?;
			Some((id, p))
		})
	}

	/// A profile call signed by `person` for `profile` with its next nonce (sometimes a stale
	/// nonce, sometimes another person's signature).
	fn profile_auth(
		&mut self,
		profile: pallet_veche_consultations::ProfileId,
		person: &Person,
		tag: u8,
		payload: &[u8],
	) -> pallet_veche_consultations::ProfileAuth {
		let stored =
			pallet_veche_consultations::Profiles::<Runtime>::get(profile).map_or(0, |p| p.nonce);
		let nonce = if self.rng.chance(90) { stored } else { stored.wrapping_sub(1) };
		let message = pallet_veche_consultations::Pallet::<Runtime>::profile_message(
			profile, nonce, tag, payload,
		);
		let signer = if self.rng.chance(95) { person.clone() } else { self.person() };
		let signature = veche_client::consult::profile_pair(&signer.secret).sign(&message).0;
		pallet_veche_consultations::ProfileAuth { profile, nonce, signature }
	}

	/// A known person's proof of their constituency ring in this period's context over
	/// `message`, while the budget lasts; else forged bytes.
	fn period_proof(
		&mut self,
		p: &Person,
		message: &[u8],
	) -> Option<(RingRef, pallet_veche_consultations::Proof)> {
		let (_, roll, context) = pallet_veche_consultations::Pallet::<Runtime>::current_period();
		if self.profile_budget > 0 && self.rng.chance(70) {
			if let Some((set, _)) = Personhood::ring_of_key(p.secret.member()) {
				if matches!(set, RingSet::Constituency(_)) {
					if let Some(made) = self.jury_proof(p, set, roll, &context, message) {
						self.profile_budget -= 1;
						return Some((made.0, made.1.into_inner().try_into().ok()?));
					}
				}
			}
		}
		Some((
			RingRef { set: self.set(), index: 0, revision: self.rng.below32(4) },
			self.rng.bytes(785).try_into().ok()?,
		))
	}

	/// Consultations: profiles opened and renewed with valid proofs (while the budget lasts) or
	/// forged ones; proposals, sealed answers, ideas, grades, agreement claims and clubs signed
	/// by known profiles; admissions, rejections and ideas turned into consultations or bills by
	/// governance; partial decryptions by the dev key's trustees (whose seeds are public) and
	/// counts by anyone, mostly right.
	fn consultations(&mut self) -> Option<(RuntimeCall, Origin)> {
		use codec::Encode;
		use pallet_veche_consultations::{tags, Call as C};
		use pallet_veche_primitives::PolicySphere;
		let next_c = pallet_veche_consultations::NextConsultationId::<Runtime>::get();
		let consultation = next_c.saturating_sub(1 + self.rng.below32(next_c.clamp(1, 3)));
		let sphere = PolicySphere::from_index(self.rng.below(3) as u8 * 8)
			.unwrap_or(PolicySphere::Governance);
		let title: frame_support::BoundedVec<u8, _> = self.name().try_into().ok()?;
		let (call, origin) = match self.rng.below(18) {
			0..=2 => {
				// Mostly a registered person without a profile yet.
				let start = self.rng.below(self.persons.len() as u64) as usize;
				let fresh = (0..self.persons.len()).find_map(|i| {
					let p = self.persons.get((start + i) % self.persons.len())?.clone();
					Personhood::ring_of_key(p.secret.member())?;
					let key = veche_client::consult::profile_key(&p.secret);
					(!pallet_veche_consultations::ProfileOfKey::<Runtime>::contains_key(key))
						.then_some(p)
				});
				let p = match fresh {
					Some(p) if self.rng.chance(85) => p,
					_ => self.person(),
				};
				let key = veche_client::consult::profile_key(&p.secret);
				let name = b"fuzz".to_vec();
				let (ring, proof) =
					self.period_proof(&p, &pallet_veche_consultations::open_message(&key, &name))?;
				(
					C::open_profile { ring, proof, key, name: name.try_into().ok()? },
					Origin::Anonymous,
				)
			},
			3 => {
				let (profile, p) = self.known_profile()?;
				let key = veche_client::consult::profile_key(&p.secret);
				let (ring, proof) = self
					.period_proof(&p, &pallet_veche_consultations::renew_message(profile, &key))?;
				let period = pallet_veche_consultations::Pallet::<Runtime>::period_now();
				let signed =
					pallet_veche_consultations::Pallet::<Runtime>::renew_signed(profile, period);
				let signature = veche_client::consult::profile_pair(&p.secret).sign(&signed).0;
				(C::renew_profile { profile, ring, proof, signature }, Origin::Anonymous)
			},
			4 => {
				let (profile, p) = self.known_profile()?;
				let record = pallet_veche_consultations::Profiles::<Runtime>::get(profile)?;
				let unit = if self.rng.chance(80) { record.constituency } else { self.unit() };
				let kind = pallet_veche_consultations::ConsultationKind::State;
				let (content, options) = (self.rng.array32(), 1 + self.rng.below(4) as u8);
				let payload = (unit, sphere, kind, &title, content, options).encode();
				let auth = self.profile_auth(profile, &p, tags::PROPOSE, &payload);
				(
					C::propose { auth, unit, sphere, kind, title, content, options },
					Origin::Anonymous,
				)
			},
			5 => (C::admit { consultation, duration: 3 + self.rng.below32(25) }, self.admin()),
			6 => (C::reject { consultation, reason: self.rng.array32() }, self.admin()),
			7..=9 => {
				let (profile, p) = self.known_profile()?;
				let c = pallet_veche_consultations::Consultations::<Runtime>::get(consultation)?;
				let key = match c.stage {
					pallet_veche_consultations::Stage::Open { key, .. } => key,
					_ => 0,
				};
				let pk = <veche_runtime::Trustees as pallet_veche_primitives::SealingKeys<
					AccountId,
				>>::public_key(key)?;
				let revision =
					pallet_veche_consultations::Answers::<Runtime>::get(consultation, profile)
						.map_or(0, |a| a.revision.saturating_add(1));
				let revision =
					if self.rng.chance(90) { revision } else { revision.wrapping_add(1) };
				let binding = pallet_veche_consultations::Pallet::<Runtime>::answer_binding(
					consultation,
					profile,
					revision,
				);
				let choice = self.rng.below(u64::from(c.options.max(1))) as u8;
				let secret = veche_seal::protocol::profile_seal_secret(&p.secret.0);
				let s = veche_seal::seal_choice(&pk, c.options, choice, &secret, &binding).ok()?;
				let sealed = pallet_veche_consultations::Sealed {
					ciphertexts: s.ciphertexts.try_into().ok()?,
					bits: s.bits.try_into().ok()?,
					sum: s.sum,
				};
				let auth =
					self.profile_auth(profile, &p, tags::ANSWER, &(consultation, &sealed).encode());
				(C::answer { auth, consultation, sealed }, Origin::Anonymous)
			},
			10 => {
				let t = self.rng.below(3) as u16 + 1;
				let who = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
					[usize::from(t - 1)];
				let shares = dev_partials(consultation, t).unwrap_or_default();
				(C::decrypt { consultation, shares: shares.try_into().ok()? }, Origin::Signed(who))
			},
			11 => {
				let counts = match dev_counts(consultation) {
					Some(c) if self.rng.chance(85) => c,
					_ => vec![self.rng.below32(3); 1 + self.rng.below(3) as usize],
				};
				(
					C::publish_result { consultation, counts: counts.try_into().ok()? },
					Origin::Signed(self.account()),
				)
			},
			12 => {
				let (profile, p) = self.known_profile()?;
				let c = pallet_veche_consultations::Consultations::<Runtime>::get(consultation);
				let winner = match c.map(|c| c.stage) {
					Some(pallet_veche_consultations::Stage::Counted {
						winner: Some(w), ..
					}) => w,
					_ => 0,
				};
				let revision =
					pallet_veche_consultations::Answers::<Runtime>::get(consultation, profile)
						.map_or(0, |a| a.revision);
				let binding = pallet_veche_consultations::Pallet::<Runtime>::answer_binding(
					consultation,
					profile,
					revision,
				);
				let opening = veche_seal::opening(
					&veche_seal::protocol::profile_seal_secret(&p.secret.0),
					&binding,
					winner,
				);
				let auth =
					self.profile_auth(profile, &p, tags::CLAIM, &(consultation, opening).encode());
				(C::claim_agreement { auth, consultation, opening }, Origin::Anonymous)
			},
			13 => {
				let (profile, p) = self.known_profile()?;
				let record = pallet_veche_consultations::Profiles::<Runtime>::get(profile)?;
				let unit = if self.rng.chance(80) { record.constituency } else { self.unit() };
				let content = self.rng.array32();
				let auth = self.profile_auth(
					profile,
					&p,
					tags::POST_IDEA,
					&(unit, sphere, &title, content).encode(),
				);
				(C::post_idea { auth, unit, sphere, title, content }, Origin::Anonymous)
			},
			14 => {
				let (profile, p) = self.known_profile()?;
				let next = pallet_veche_consultations::NextIdeaId::<Runtime>::get();
				let idea = next.saturating_sub(1 + self.rng.below32(next.max(1)));
				let grade = self.rng.below(7) as u8;
				let auth = self.profile_auth(profile, &p, tags::RATE_IDEA, &(idea, grade).encode());
				(C::rate_idea { auth, idea, grade }, Origin::Anonymous)
			},
			15 => {
				let next = pallet_veche_consultations::NextIdeaId::<Runtime>::get();
				let idea = next.saturating_sub(1 + self.rng.below32(next.max(1)));
				if self.rng.chance(60) {
					(
						C::consult_on_idea {
							idea,
							options: 2 + self.rng.below(3) as u8,
							duration: 5 + self.rng.below32(20),
						},
						self.admin(),
					)
				} else {
					let act = pallet_veche_acts::NextAct::<Runtime>::get()
						.saturating_sub(1 + self.rng.below32(3));
					(C::bill_from_idea { idea, act }, self.admin())
				}
			},
			16 => {
				let (profile, p) = self.known_profile()?;
				let tag = if self.rng.chance(60) { tags::JOIN_CLUB } else { tags::LEAVE_CLUB };
				let auth = self.profile_auth(profile, &p, tag, &sphere.encode());
				if tag == tags::JOIN_CLUB {
					(C::join_club { auth, sphere }, Origin::Anonymous)
				} else {
					(C::leave_club { auth, sphere }, Origin::Anonymous)
				}
			},
			_ => {
				let profile = self.rng.below32(
					pallet_veche_consultations::NextProfileId::<Runtime>::get().saturating_add(1),
				);
				(C::expel { sphere, profile }, Origin::Signed(self.account()))
			},
		};
		Some((RuntimeCall::Consultations(call), origin))
	}

	/// Trustees: ceremonies opened by governance among the well-known accounts, registrations
	/// with valid proofs of knowledge (of the account's public seed) or forged ones, dealings,
	/// finalizing and retiring.
	fn trustees(&mut self) -> Option<(RuntimeCall, Origin)> {
		use codec::Encode;
		use pallet_veche_trustees::Call as C;
		let next = pallet_veche_trustees::NextKeyId::<Runtime>::get();
		let key = next.saturating_sub(1 + self.rng.below32(next.clamp(1, 2)));
		let ks = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];
		let t = self.rng.below(3) as usize;
		let who = ks[t];
		let index = t as u16 + 1;
		let seed = veche_seal::protocol::public_trustee_seed(100 + index);
		let context = veche_seal::protocol::ceremony_context(key);
		let (call, origin) = match self.rng.below(6) {
			0 => {
				let trustees =
					ks.iter().map(|k| MultiAddress::Id(k.to_account_id())).collect::<Vec<_>>();
				(
					C::open_ceremony {
						trustees: trustees.try_into().ok()?,
						threshold: self.rng.below(4) as u16,
						phase: 10 + self.rng.below32(10),
					},
					self.admin(),
				)
			},
			1 => {
				let x = veche_seal::secret_scalar(&seed, b"comm", &context);
				let proof =
					veche_seal::pok_prove(&x, &veche_seal::protocol::register_binding(key, index));
				(
					C::register { key, comm_key: veche_seal::public_key(&x), proof },
					Origin::Signed(who),
				)
			},
			2 => {
				let threshold = pallet_veche_trustees::Ceremonies::<Runtime>::get(key)
					.map_or(1, |c| c.threshold);
				let poly = veche_seal::polynomial(&seed, &context, threshold);
				let mut shares = Vec::new();
				for j in 1..=3u16 {
					let share = pallet_veche_trustees::CommKeys::<Runtime>::get(key, j)
						.filter(|_| j != index)
						.and_then(|theirs| {
							let x = veche_seal::secret_scalar(&seed, b"comm", &context);
							let dh = veche_seal::diffie_hellman(&x, &theirs).ok()?;
							let mask = veche_seal::share_mask(&dh, &context, index, j);
							Some(veche_seal::encode_scalar(
								&(veche_seal::evaluate(&poly, j) + mask),
							))
						})
						.unwrap_or([0; 32]);
					shares.push(share);
				}
				let proof = veche_seal::pok_prove(
					poly.first()?,
					&veche_seal::protocol::deal_binding(key, index),
				);
				let _ = proof.encode();
				(
					C::deal {
						key,
						commitments: veche_seal::commitments(&poly).try_into().ok()?,
						proof,
						shares: shares.try_into().ok()?,
					},
					Origin::Signed(who),
				)
			},
			3 => (C::finalize { key }, Origin::Signed(self.account())),
			4 => (C::retire { key: key.saturating_add(1) }, self.admin()),
			_ => (
				C::complain {
					key,
					dealer: self.rng.below(4) as u16,
					dh: self.rng.array32(),
					proof: veche_seal::Dleq { c: self.rng.array32(), z: self.rng.array32() },
				},
				Origin::Signed(who),
			),
		};
		Some((RuntimeCall::Trustees(call), origin))
	}

	fn other(&mut self) -> RuntimeCall {
		let to = MultiAddress::Id(self.account_id());
		match self.rng.below(2) {
			0 => RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: to,
				value: self.rng.amount(),
			}),
			_ => RuntimeCall::System(frame_system::Call::remark { remark: self.rng.bytes(64) }),
		}
	}
}

/// ML-DSA-65 key pair `seed` of the fuzzer's signers (three, made once).
fn pq_pair(seed: u8) -> ([u8; 1952], fips204::ml_dsa_65::PrivateKey) {
	use fips204::traits::{KeyGen, SerDes};
	thread_local! {
		static PAIRS: Vec<([u8; 1952], fips204::ml_dsa_65::PrivateKey)> = (0..3u8)
			.map(|s| {
				let (public, secret) = fips204::ml_dsa_65::KG::keygen_from_seed(&[s; 32]);
				(public.into_bytes(), secret)
			})
			.collect();
	}
	PAIRS.with(|p| p[usize::from(seed) % p.len()].clone())
}

/// An ML-DSA-65 signature, bounded as the registry's calls take it.
fn pq_sign(
	secret: &fips204::ml_dsa_65::PrivateKey,
	message: &[u8],
	context: &[u8],
) -> frame_support::BoundedVec<u8, frame_support::traits::ConstU32<3309>> {
	use fips204::traits::Signer;
	let signature = secret.try_sign_with_seed(&[0; 32], message, context).expect("a short context");
	signature.to_vec().try_into().expect("a signature's length")
}

/// The accounts that get a public identity in setup (candidates, list agents, auditors).
const IDENTIFIED: [Sr25519Keyring; 5] = [
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
];

/// Two setup blocks: Alice becomes an identity registrar (through sudo) while the accounts of
/// [`IDENTIFIED`] set their identities; then she judges each `Reasonable`.
fn identities(chain: &mut Chain) -> Vec<Vec<Offered>> {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	let alice = Sr25519Keyring::Alice;
	let mut alice_nonce = chain.with_state(|| nonce_of(&alice.to_account_id()));
	let info = |who: &Sr25519Keyring| pallet_identity::legacy::IdentityInfo {
		display: pallet_identity::Data::Raw(
			format!("{who:?}").into_bytes().try_into().expect("short"),
		),
		..Default::default()
	};
	let mut first = Vec::new();
	let add = RuntimeCall::Identity(pallet_identity::Call::add_registrar {
		account: MultiAddress::Id(alice.to_account_id()),
	});
	let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(add) });
	first.push(Offered {
		xt: chain.with_state(|| signed(sudo, alice, alice_nonce)),
		label: "Identity.add_registrar (setup)".into(),
	});
	alice_nonce += 1;
	let mut second = Vec::new();
	for who in IDENTIFIED {
		let call = RuntimeCall::Identity(pallet_identity::Call::set_identity {
			info: Box::new(info(&who)),
		});
		let nonce = chain.with_state(|| nonce_of(&who.to_account_id()));
		first.push(Offered {
			xt: chain.with_state(|| signed(call, who, nonce)),
			label: "Identity.set_identity (setup)".into(),
		});
		let judge = RuntimeCall::Identity(pallet_identity::Call::provide_judgement {
			reg_index: 0,
			target: MultiAddress::Id(who.to_account_id()),
			judgement: pallet_identity::Judgement::Reasonable,
			identity: BlakeTwo256::hash_of(&info(&who)),
		});
		second.push(Offered {
			xt: chain.with_state(|| signed(judge, alice, alice_nonce)),
			label: "Identity.provide_judgement (setup)".into(),
		});
		alice_nonce += 1;
	}
	vec![first, second]
}

/// Who sends a call.
enum Origin {
	/// A signed account.
	Signed(Sr25519Keyring),
	/// Governance: `Sudo.sudo` signed by Alice (Root, which every Veche admin origin accepts).
	Governance,
	/// No account: a general transaction authorized by its call.
	Anonymous,
}

impl Origin {
	fn kind(&self) -> &'static str {
		match self {
			Origin::Signed(_) => "signed",
			Origin::Governance => "governance",
			Origin::Anonymous => "anonymous",
		}
	}
}

/// `Pallet.call` of a call.
fn call_name(call: &RuntimeCall) -> String {
	use frame_support::traits::GetCallMetadata;
	let m = call.get_call_metadata();
	format!("{}.{}", m.pallet_name, m.function_name)
}

fn nonce_of(who: &AccountId) -> u32 {
	frame_system::Pallet::<Runtime>::account_nonce(who)
}

fn next_nonce(
	nonces: &mut std::collections::BTreeMap<AccountId, u32>,
	who: &Sr25519Keyring,
) -> u32 {
	let id = who.to_account_id();
	let n = nonces.entry(id.clone()).or_insert_with(|| nonce_of(&id));
	let current = *n;
	*n += 1;
	current
}

/// The dev key's trustee `t` (1..=3, seed `public_trustee_seed(t)`): its partial decryption of
/// `consultation`'s running sums, if the consultation is sealed to a key it holds a share of.
fn dev_partials(
	consultation: u32,
	t: u16,
) -> Option<Vec<(veche_seal::PointBytes, veche_seal::Dleq)>> {
	let c = pallet_veche_consultations::Consultations::<Runtime>::get(consultation)?;
	let pallet_veche_consultations::Stage::Open { key, .. } = c.stage else { return None };
	let share = dev_share(key, t)?;
	let running = pallet_veche_consultations::Running::<Runtime>::get(consultation)?;
	let context = pallet_veche_consultations::Pallet::<Runtime>::decryption_context(consultation);
	running
		.iter()
		.map(|sum| veche_seal::partial_decrypt(&share, &sum.a, &context, t).ok())
		.collect()
}

/// Trustee `t`'s share of `key` when its seed is the public seed `t` (the genesis key).
fn dev_share(key: u32, t: u16) -> Option<veche_seal::Scalar> {
	pallet_veche_trustees::PublicSeedKeys::<Runtime>::get(key)?;
	let c = pallet_veche_trustees::Ceremonies::<Runtime>::get(key)?;
	let seeds: Vec<[u8; 32]> = (1..=c.trustees.len() as u16)
		.map(veche_seal::protocol::public_trustee_seed)
		.collect();
	let context = veche_seal::protocol::ceremony_context(key);
	Some(veche_seal::share_of_known_dealers(&seeds, &context, c.threshold, t))
}

/// The counts of a closed consultation from the partial decryptions published so far.
fn dev_counts(consultation: u32) -> Option<Vec<u32>> {
	let c = pallet_veche_consultations::Consultations::<Runtime>::get(consultation)?;
	let pallet_veche_consultations::Stage::Open { key, .. } = c.stage else { return None };
	let threshold = pallet_veche_trustees::Ceremonies::<Runtime>::get(key)?.threshold;
	let mut partials: Vec<(u16, Vec<veche_seal::PointBytes>)> =
		pallet_veche_consultations::Partials::<Runtime>::iter_prefix(consultation)
			.map(|(j, d)| (j, d.into_inner()))
			.collect();
	partials.sort_by_key(|(j, _)| *j);
	partials.truncate(usize::from(threshold));
	if partials.len() < usize::from(threshold) {
		return None;
	}
	let running = pallet_veche_consultations::Running::<Runtime>::get(consultation)?;
	veche_client::consult::counts_from(&running, &partials, threshold, c.answers).ok()
}
