//! Genesis presets: `development` (one collator, sudo, a council) and `local_testnet` (two
//! collators, no sudo). Both set up a demo a newcomer can use at once in polkadot.js apps:
//! funded accounts, a three-member election commission (council + voting roll), collators, a
//! jurisdiction tree with three diaspora constituencies and offices, an accredited registrar
//! (Dave), an examiner (Eve) for two credential classes, and eight registered demo persons whose
//! keys are admitted into rings — built as soon as the static chunks are uploaded
//! (`veche-client upload-chunks`, which `scripts/dev.sh` runs). Two communities trade in their
//! own mutual-credit currencies ([`demo_currencies`]), with credit lines between them. The
//! Birchwood village council is in nomination with two candidates, and the diaspora parliament
//! (150 seats from party lists in the three diaspora constituencies) is scheduled
//! ([`demo_elections`]).
//!
//! Demo persons' ring secrets are public ([`demo_person_seed`]): they exist to try proofs with
//! `veche-client`, never to vote on a real chain.

use crate::{
	configs::personhood::RingVrf, AccountId, ActsConfig, AuraId, BalancesConfig,
	CollatorSelectionConfig, CouncilMembershipConfig, CreditConfig, ElectionsConfig, JuriesConfig,
	JurisdictionsConfig, ParachainInfoConfig, PersonhoodConfig, PromisesConfig, RatingsConfig,
	RecallConfig, Runtime, RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig,
	TrusteesConfig, DAYS, EXISTENTIAL_DEPOSIT, HOURS, MINUTES, UNIT,
};
use alloc::{vec, vec::Vec};
use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use pallet_veche_credit::CurrencyParams;
use pallet_veche_personhood::RingVrf as _;
use pallet_veche_primitives::{JurisdictionId, UnitKind};
use serde_json::Value;
use sp_authority_discovery::AuthorityId as AuthorityDiscoveryId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{FixedU128, Perbill};

/// The para id Veche uses on test relay chains.
pub const PARACHAIN_ID: u32 = 2000;

/// Every well-known dev account starts with this much VEC.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// Candidacy bond of a collator (half an endowment is enough to run one).
const CANDIDACY_BOND: u128 = 16 * EXISTENTIAL_DEPOSIT * 1_000;

/// How many candidates — citizens and observers beside the invulnerables — collate at once
/// (those with the highest bonds). The commission can change it (`set_desired_candidates`).
const DESIRED_CANDIDATES: u32 = 20;

/// A well-known account as a collator: its account and its session keys (the same sr25519 key
/// for Aura and authority discovery — development only).
fn collator(k: Sr25519Keyring) -> (AccountId, SessionKeys) {
	let aura: AuraId = k.public().into();
	let authority_discovery: AuthorityDiscoveryId = k.public().into();
	(k.to_account_id(), SessionKeys { aura, authority_discovery })
}

/// The demo jurisdiction tree as `(id, parent, kind, name)`.
fn demo_units() -> Vec<(JurisdictionId, Option<JurisdictionId>, UnitKind, Vec<u8>)> {
	use UnitKind::*;
	vec![
		(0, None, Country, b"Republic of Veche".to_vec()),
		(1, Some(0), Region, b"Northern Region".to_vec()),
		(2, Some(1), District, b"Lake District".to_vec()),
		(3, Some(2), Municipality, b"Birchwood".to_vec()),
		(4, Some(1), Municipality, b"Novgorod".to_vec()),
		(5, Some(0), DiasporaConstituency, b"Diaspora in Germany".to_vec()),
		(6, Some(0), DiasporaConstituency, b"Diaspora in Poland".to_vec()),
		(7, Some(0), DiasporaConstituency, b"Diaspora in Georgia".to_vec()),
	]
}

/// The demo offices as `(id, unit, name, seats)`.
fn demo_offices() -> Vec<(u32, JurisdictionId, Vec<u8>, u32)> {
	vec![
		(0, 0, b"Parliament".to_vec(), 150),
		(1, 1, b"Regional council".to_vec(), 25),
		(2, 4, b"Mayor of Novgorod".to_vec(), 1),
		(3, 3, b"Birchwood village council".to_vec(), 7),
		(4, 5, b"Diaspora MPs (Germany)".to_vec(), 3),
		(5, 6, b"Diaspora MPs (Poland)".to_vec(), 2),
		(6, 7, b"Diaspora MPs (Georgia)".to_vec(), 1),
		(HEAD_OF_BIRCHWOOD, 3, b"Head of Birchwood".to_vec(), 1),
	]
}

/// The public ring secret seed of demo person `n` (1..=8): `blake2_256("veche-demo-person-<n>")`.
pub fn demo_person_seed(n: u8) -> [u8; 32] {
	let mut phrase = b"veche-demo-person-".to_vec();
	phrase.extend_from_slice(alloc::format!("{n}").as_bytes());
	sp_io::hashing::blake2_256(&phrase)
}

/// The demo dedupe tag of person `n`: `blake2_256("veche-demo-tag-<n>")`.
fn demo_tag(n: u8) -> [u8; 32] {
	let mut phrase = b"veche-demo-tag-".to_vec();
	phrase.extend_from_slice(alloc::format!("{n}").as_bytes());
	sp_io::hashing::blake2_256(&phrase)
}

/// Demo persons 1–4 live in Germany (constituency 5), 5–8 in Birchwood (3); Dave registered
/// them. Persons 1 and 5 passed the civic-literacy exam (class 0).
fn demo_people() -> Vec<([u8; 32], [u8; 32], JurisdictionId, AccountId)> {
	let dave = Sr25519Keyring::Dave.to_account_id();
	(1..=8u8)
		.map(|n| {
			let constituency = if n <= 4 { 5 } else { 3 };
			(
				demo_tag(n),
				RingVrf::member_from_seed(demo_person_seed(n)),
				constituency,
				dave.clone(),
			)
		})
		.collect()
}

/// `//Anna`: a Birchwood member with no native token (her secret is the well-known dev phrase
/// with the path `//Anna`).
pub const ANNA: [u8; 32] = [
	0x04, 0xe5, 0xda, 0xc8, 0x53, 0x8c, 0x6e, 0x85, 0xdf, 0xff, 0x0b, 0xaf, 0x35, 0xf1, 0x71, 0x71,
	0xc6, 0x1b, 0x8c, 0xaf, 0x6f, 0xc1, 0xdf, 0xe8, 0xf6, 0x9a, 0x5e, 0x7b, 0xfd, 0xe2, 0xd0, 0x3e,
];
/// `//Boris`: a Novgorod member with no native token.
pub const BORIS: [u8; 32] = [
	0xc0, 0x65, 0x97, 0x23, 0x62, 0xd2, 0x17, 0x7f, 0x2c, 0x46, 0x59, 0xb1, 0x4d, 0x85, 0x24, 0x7a,
	0x52, 0xd8, 0x89, 0xda, 0x19, 0x61, 0xd3, 0x02, 0xa9, 0x86, 0x0b, 0x3d, 0xa0, 0x3b, 0x1e, 0x50,
];

/// Milliseconds in a day.
const DAY_MS: u64 = 86_400_000;

/// Two communities and their currencies, as `(parameters, members)`:
///
/// - currency 0, the *Birchwood hour* (BWH): an hour of work, two decimals, 10 % demurrage a year,
///   500.00 hours of credit per member, a day's notice on savings, worth 20 in the reference unit;
///   Ferdie administers it, `One` is its fund; Alice, Bob, Ferdie and Anna are members;
/// - currency 1, the *Novgorod grivna* (NVG): three decimals, 5 % a year, 200.000 of credit, two
///   days' notice, worth 5 (an hour buys four grivnas); Eve administers it, `Two` is its fund;
///   Charlie, Dave, Eve and Boris are members.
pub fn demo_currencies() -> Vec<(CurrencyParams<AccountId>, Vec<(AccountId, Option<u128>)>)> {
	let acc = |k: Sr25519Keyring| k.to_account_id();
	let member = |a: AccountId| (a, None);
	vec![
		(
			CurrencyParams {
				name: b"Birchwood hour".to_vec(),
				symbol: b"BWH".to_vec(),
				decimals: 2,
				demurrage: Perbill::from_percent(10),
				default_limit: 500_00,
				fund: acc(Sr25519Keyring::One),
				value: FixedU128::from_u32(20),
				notice: DAY_MS,
				admins: vec![acc(Sr25519Keyring::Ferdie)],
			},
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Ferdie]
				.into_iter()
				.map(acc)
				.chain([AccountId::from(ANNA)])
				.map(member)
				.collect(),
		),
		(
			CurrencyParams {
				name: b"Novgorod grivna".to_vec(),
				symbol: b"NVG".to_vec(),
				decimals: 3,
				demurrage: Perbill::from_percent(5),
				default_limit: 200_000,
				fund: acc(Sr25519Keyring::Two),
				value: FixedU128::from_u32(5),
				notice: 2 * DAY_MS,
				admins: vec![acc(Sr25519Keyring::Eve)],
			},
			[Sr25519Keyring::Charlie, Sr25519Keyring::Dave, Sr25519Keyring::Eve]
				.into_iter()
				.map(acc)
				.chain([AccountId::from(BORIS)])
				.map(member)
				.collect(),
		),
	]
}

/// Credit lines `(currency, partner, limit)`: Novgorod lets Birchwood's members buy up to
/// 1,000.000 grivnas on credit, Birchwood lets Novgorod's buy up to 250.00 hours.
fn demo_credit_lines() -> Vec<(u32, u32, u128)> {
	vec![(1, 0, 1_000_000), (0, 1, 250_00)]
}

/// The offices of the demo elections.
const PARLIAMENT: u32 = 0;
const BIRCHWOOD_COUNCIL: u32 = 3;
/// The demo's serving official: Bob, Head of Birchwood since before the chain.
const HEAD_OF_BIRCHWOOD: u32 = 7;

/// The demo elections: the Birchwood village council (7 seats, approval) votes from one hour
/// after genesis for a day, with Charlie and Ferdie standing; the diaspora parliament (150 seats:
/// Sainte-Laguë over the constituencies' registered persons, at least 10 each; D'Hondt over
/// party lists with a 5% threshold; up to 3 preference votes) opens nominations for a week. Bob
/// is Head of Birchwood, elected before the chain for a term that runs two more years; if he is
/// recalled, a by-election (plurality, an hour of nominations, a day of voting) fills the seat.
fn demo_elections() -> ElectionsConfig {
	use pallet_veche_elections::{seats::Divisor, ListRules, Method, OfficeRules, OfficeRulesOf};
	let term = 4 * 365 * DAYS;
	let council: OfficeRulesOf<Runtime> = OfficeRules {
		method: Method::Approval,
		term,
		nomination: HOURS,
		voting: DAYS,
		promotion: false,
		primary: 0,
	};
	let parliament: OfficeRulesOf<Runtime> = OfficeRules {
		method: Method::PartyList(ListRules {
			constituencies: vec![5, 6, 7].try_into().unwrap_or_default(),
			min_seats: 10,
			divisor: Divisor::DHondt,
			threshold: Perbill::from_percent(5),
			preferences: 3,
		}),
		term,
		nomination: 7 * DAYS,
		voting: 3 * DAYS,
		promotion: false,
		primary: 0,
	};
	let head: OfficeRulesOf<Runtime> = OfficeRules {
		method: Method::Plurality,
		term,
		nomination: HOURS,
		voting: DAYS,
		promotion: false,
		primary: 0,
	};
	ElectionsConfig {
		rules: vec![
			(BIRCHWOOD_COUNCIL, council),
			(PARLIAMENT, parliament),
			(HEAD_OF_BIRCHWOOD, head),
		],
		elections: vec![(BIRCHWOOD_COUNCIL, HOURS), (PARLIAMENT, 7 * DAYS)],
		candidates: [Sr25519Keyring::Charlie, Sr25519Keyring::Ferdie]
			.into_iter()
			.map(|k| (BIRCHWOOD_COUNCIL, k.to_account_id()))
			.collect(),
		holders: vec![(HEAD_OF_BIRCHWOOD, Sr25519Keyring::Bob.to_account_id(), 2 * 365 * DAYS)],
	}
}

/// The demo's ratings: the Head of Birchwood's two monthly periods before the chain (periods 10
/// and 11; the chain starts in period 12), imported from the village's paper polls of its 120
/// residents — 55 % approval, then 13 %, below the 20 % at which a recall may start.
fn demo_ratings() -> RatingsConfig {
	use pallet_veche_primitives::{PolicySphere, Spheres};
	use pallet_veche_ratings::PeriodResult;
	let bob = Sr25519Keyring::Bob.to_account_id();
	// Grades in the three spheres residents graded most; the rest left ungraded.
	let grades = |utilities: [u64; 6], transport: [u64; 6], budget: [u64; 6]| {
		let all: Vec<[u64; 6]> = (0..PolicySphere::COUNT)
			.map(|i| match PolicySphere::from_index(i) {
				Some(PolicySphere::Budget) => budget,
				Some(PolicySphere::Utilities) => utilities,
				Some(PolicySphere::Transport) => transport,
				_ => [0; 6],
			})
			.collect();
		all.try_into().unwrap_or_default()
	};
	let period = |approvals, disapprovals, grades| PeriodResult {
		roll_size: 120,
		raters: 70,
		approvals,
		disapprovals,
		grades,
	};
	RatingsConfig {
		imported: vec![
			(
				bob.clone(),
				HEAD_OF_BIRCHWOOD,
				10,
				Spheres::ALL,
				period(
					38,
					31,
					grades([6, 9, 14, 20, 12, 4], [3, 8, 15, 21, 14, 5], [5, 10, 18, 16, 10, 3]),
				),
			),
			(
				bob,
				HEAD_OF_BIRCHWOOD,
				11,
				Spheres::ALL,
				period(
					9,
					61,
					grades([31, 20, 9, 5, 3, 1], [12, 18, 17, 12, 6, 2], [25, 19, 12, 6, 3, 1]),
				),
			),
		],
		bars: vec![],
	}
}

/// The demo's recall rules for the Head of Birchwood: the runtime's thresholds, with windows of
/// minutes, so that a newcomer can walk a recall on the development chain (ten minutes to
/// respond, half an hour to vote, ten minutes of appeals).
fn demo_recall() -> RecallConfig {
	use pallet_veche_recall::RecallRules;
	RecallConfig {
		rules: vec![(
			HEAD_OF_BIRCHWOOD,
			RecallRules {
				threshold: Perbill::from_percent(20),
				quorum: Perbill::from_percent(10),
				petition: Perbill::from_percent(10),
				petition_period: DAYS,
				grace: 0,
				cooldown: DAYS,
				response: 10 * MINUTES,
				vote: 30 * MINUTES,
				appeal: 10 * MINUTES,
				turnout: Perbill::from_percent(25),
			},
		)],
	}
}

/// The ML-DSA-65 seed of the demo's signer, Bob as Head of Birchwood:
/// `blake2_256("veche-demo-signer-bob")` (public, like the dev accounts' phrase).
pub fn demo_signer_seed() -> [u8; 32] {
	sp_io::hashing::blake2_256(b"veche-demo-signer-bob")
}

/// What the Republic's account holds at genesis, for its budget's payouts.
const REPUBLIC_TREASURY: u128 = 10_000 * UNIT;

/// The demo's acts: the Republic's constitution and its 2026 budget, adopted before the chain
/// (numbers 1 and 2 of 2026, both marked in the Republic's NFT collection), the budget paying
/// the civic-audit association (Eve) 500 units after ten minutes and the Birchwood village
/// school (Ferdie) 1,500 after twenty, from the Republic's account; a bill of Birchwood
/// awaiting a decision (a jury, once juries decide bills); Bob's ML-DSA-65 key for signing as
/// Head of Birchwood.
fn demo_acts() -> ActsConfig {
	use pallet_veche_acts::{ActKind, ActNumber, GenesisAct};
	let act = |kind, office, title: &[u8], locator: &[u8], number| GenesisAct {
		kind,
		office,
		title: title.to_vec(),
		content: sp_io::hashing::blake2_256(title),
		locator: locator.to_vec(),
		number,
	};
	ActsConfig {
		thresholds: vec![],
		keys: vec![(
			Sr25519Keyring::Bob.to_account_id(),
			HEAD_OF_BIRCHWOOD,
			pallet_veche_acts::mldsa::public_from_seed(&demo_signer_seed()).to_vec(),
		)],
		acts: vec![
			act(
				ActKind::Law,
				0,
				b"Constitution of the Republic of Veche",
				b"https://veche.example/acts/constitution",
				Some(ActNumber { year: 2026, seq: 1 }),
			),
			act(
				ActKind::Budget,
				0,
				b"Budget of the Republic of Veche for 2026",
				b"https://veche.example/acts/budget-2026",
				Some(ActNumber { year: 2026, seq: 2 }),
			),
			act(
				ActKind::Bill,
				HEAD_OF_BIRCHWOOD,
				b"Birchwood: on the village green and its upkeep",
				b"https://birchwood.example/bills/village-green",
				None,
			),
		],
		payouts: vec![
			(1, Sr25519Keyring::Eve.to_account_id(), 500 * UNIT, 10 * MINUTES),
			(1, Sr25519Keyring::Ferdie.to_account_id(), 1_500 * UNIT, 20 * MINUTES),
		],
	}
}

/// The demo's promises: Charlie and Ferdie, standing for the Birchwood council (election 0),
/// each enter their programme; Eve, a civic-audit association, is the accredited auditor (she
/// rates once a registrar has judged her identity).
fn demo_promises() -> PromisesConfig {
	use pallet_veche_primitives::PolicySphere::*;
	let year = 365 * DAYS;
	let charlie = Sr25519Keyring::Charlie.to_account_id();
	let ferdie = Sr25519Keyring::Ferdie.to_account_id();
	let birchwood = 0;
	PromisesConfig {
		auditors: vec![Sr25519Keyring::Eve.to_account_id()],
		promises: vec![
			(
				charlie.clone(),
				birchwood,
				b"Pave the road to the school".to_vec(),
				Transport,
				Some(year),
			),
			(charlie.clone(), birchwood, b"Open the library on Saturdays".to_vec(), Culture, None),
			(
				charlie,
				birchwood,
				b"A bus to the district hospital twice a day".to_vec(),
				Health,
				Some(2 * year),
			),
			(
				ferdie.clone(),
				birchwood,
				b"Publish every line of the council budget".to_vec(),
				Budget,
				Some(DAYS * 90),
			),
			(ferdie, birchwood, b"Repair the village well pumps".to_vec(), Utilities, Some(year)),
		],
	}
}

fn genesis(
	collators: Vec<(AccountId, SessionKeys)>,
	endowed: Vec<AccountId>,
	council: Vec<AccountId>,
	sudo: Option<AccountId>,
	id: ParaId,
	mock_randomness: bool,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed
				.iter()
				.cloned()
				.map(|a| (a, ENDOWMENT))
				.chain([(crate::configs::acts::treasury(0), REPUBLIC_TREASURY)])
				.collect::<Vec<_>>(),
		},
		parachain_info: ParachainInfoConfig { parachain_id: id },
		collator_selection: CollatorSelectionConfig {
			invulnerables: collators.iter().cloned().map(|(acc, _)| acc).collect::<Vec<_>>(),
			candidacy_bond: CANDIDACY_BOND,
			desired_candidates: DESIRED_CANDIDATES,
		},
		session: SessionConfig {
			keys: collators
				.into_iter()
				.map(|(acc, keys)| (acc.clone(), acc, keys))
				.collect::<Vec<_>>(),
		},
		council_membership: CouncilMembershipConfig {
			members: council.try_into().unwrap_or_default(),
		},
		// `None` leaves the chain without sudo: governance only.
		sudo: SudoConfig { key: sudo },
		jurisdictions: JurisdictionsConfig { units: demo_units(), offices: demo_offices() },
		personhood: PersonhoodConfig {
			// Dave, a certification centre, serves the whole country and its diaspora.
			registrars: vec![(Sr25519Keyring::Dave.to_account_id(), vec![0])],
			credential_classes: vec![b"Civic literacy".to_vec(), b"Legal qualification".to_vec()],
			examiners: vec![
				(0, Sr25519Keyring::Eve.to_account_id()),
				(1, Sr25519Keyring::Eve.to_account_id()),
			],
			people: demo_people(),
			// Four holders of civic literacy, six of the legal qualification (Birchwood's four
			// residents among them, who may sit on its juries): a class ring, too, proves
			// nothing below the floor.
			credentials: [1, 2, 5, 6]
				.into_iter()
				.map(|n| (0, n))
				.chain((3..=8).map(|n| (1, n)))
				.map(|(class, n)| (class, RingVrf::member_from_seed(demo_person_seed(n))))
				.collect(),
			// The demo's anonymity floor: four keys, the least the runtime allows, because the
			// demo registers four persons per constituency. A real election needs at least 64
			// (`Personhood.setMinRingSize` by the commission).
			min_ring_size: 4,
			pooled: vec![],
			// Both presets are test networks: a registrar may register one person at a time.
			// A production chain spec leaves this off, so that persons come in batches.
			single_registration: true,
		},
		credit: CreditConfig { currencies: demo_currencies(), lines: demo_credit_lines() },
		elections: demo_elections(),
		promises: demo_promises(),
		ratings: demo_ratings(),
		recall: demo_recall(),
		acts: demo_acts(),
		// The dev node's relay chain is a mock whose "randomness" is the block number: the
		// chain says so in every draw.
		juries: JuriesConfig { mock_randomness },
		// A 2-of-3 key of the council's members for sealed answers, made at genesis from
		// public seeds (`veche_seal::protocol::public_trustee_seed`): anyone can decrypt what is
		// sealed to it, and the chain marks it so. A real chain holds a ceremony
		// (`Trustees.openCeremony`) instead.
		trustees: TrusteesConfig {
			public_seed_keys: vec![(
				self::council(),
				2,
				(1..=3).map(veche_seal::protocol::public_trustee_seed).collect::<Vec<_>>(),
			)],
		},
	})
}

fn council() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// `development`: Alice collates alone (the dev node seals blocks itself) and holds sudo.
fn development() -> Value {
	genesis(
		vec![collator(Sr25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		council(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		PARACHAIN_ID.into(),
		true,
	)
}

/// `local_testnet`: Alice and Bob collate on a relay chain; no sudo — governance only.
fn local_testnet() -> Value {
	genesis(
		vec![collator(Sr25519Keyring::Alice), collator(Sr25519Keyring::Bob)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		council(),
		None,
		PARACHAIN_ID.into(),
		false,
	)
}

/// The JSON patch of the preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}

/// The whole genesis config of preset `id`: its patch over the defaults, merged as a chain spec
/// does. For native tests and tools that build a preset's state without a node.
#[cfg(feature = "std")]
pub fn preset_config(id: &str) -> Option<RuntimeGenesisConfig> {
	fn merge(a: &mut Value, b: Value) {
		match (a, b) {
			(Value::Object(a), Value::Object(b)) => {
				for (k, v) in b {
					merge(a.entry(k).or_insert(Value::Null), v);
				}
			},
			(a, b) => *a = b,
		}
	}
	let patch: Value = serde_json::from_slice(&get_preset(&id.into())?).ok()?;
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).ok()?;
	merge(&mut config, patch);
	serde_json::from_value(config).ok()
}
