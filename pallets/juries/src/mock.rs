//! A test runtime for juries with the real ballots and personhood pallets: real Bandersnatch
//! rings (domain 2^11) and real proofs, for enrolments, acceptances and the jury's ballots. The
//! registry of acts is stood in for by a table of bills the tests open.
//!
//! The tree: country 0 with region 1 and its towns 2, 3 and village 6; country 4 with town 5.
//! Persons 1–6 live in town 2, 7–9 in town 3, 10–11 in town 5, 12–13 in village 6. Persons 1–4,
//! 7, 8, 10 and 12 hold the legal qualification (credential class 0). Account 1 is governance, 2
//! the appeal body. A pool holds at most two strata.

use crate::{self as pallet_veche_juries};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureSignedBy;
use pallet_veche_personhood::crypto::{self, prover, Domain11};
use pallet_veche_primitives::{
	ActId, BillRegistry, IdentityJudge, JurisdictionId, JurisdictionInspect, JuryId, OfficeId,
	OpenBill, UnitKind, VersionIndex,
};
use sp_runtime::{BuildStorage, DispatchResult};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Personhood: pallet_veche_personhood,
		Ballots: pallet_veche_ballots,
		Juries: pallet_veche_juries,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const GOVERNANCE: u64 = 1;
pub const APPEALS: u64 = 2;
pub const REGISTRAR: u64 = 10;
pub const ANYONE: u64 = 99;

pub const COUNTRY: JurisdictionId = 0;
pub const REGION: JurisdictionId = 1;
pub const TOWN: JurisdictionId = 2;
pub const OTHER_TOWN: JurisdictionId = 3;
pub const ABROAD: JurisdictionId = 4;
pub const FOREIGN_TOWN: JurisdictionId = 5;
pub const VILLAGE: JurisdictionId = 6;

/// The legal qualification.
pub const LAWYERS: u16 = 0;

/// Blocks a summons waits, the jury votes, and its pool is kept after it ends.
pub const ACCEPTANCE: u64 = 10;
pub const VOTING: u64 = 20;
pub const RETENTION: u64 = 30;

/// The constituency of person `i`.
pub fn home(i: u8) -> JurisdictionId {
	match i {
		1..=6 => TOWN,
		7..=9 => OTHER_TOWN,
		10 | 11 => FOREIGN_TOWN,
		_ => VILLAGE,
	}
}

/// Whether person `i` holds the legal qualification.
pub fn lawyer(i: u8) -> bool {
	matches!(i, 1..=4 | 7 | 8 | 10 | 12)
}

pub fn seed(i: u8) -> [u8; 32] {
	[i; 32]
}

pub fn tag(i: u8) -> [u8; 32] {
	let mut t = [0xA0; 32];
	t[0] = i;
	t
}

frame_support::ord_parameter_types! {
	pub const Governance: u64 = GOVERNANCE;
	pub const Appeals: u64 = APPEALS;
	pub const Registrar: u64 = REGISTRAR;
}

/// Nobody needs an identity here but the registrar.
pub struct Registrars;
impl IdentityJudge<u64> for Registrars {
	fn is_identified(who: &u64) -> bool {
		*who == REGISTRAR
	}
}

pub struct TestTree;
impl JurisdictionInspect for TestTree {
	fn unit_kind(id: JurisdictionId) -> Option<UnitKind> {
		Some(match id {
			COUNTRY | ABROAD => UnitKind::Country,
			REGION => UnitKind::Region,
			TOWN | OTHER_TOWN | FOREIGN_TOWN | VILLAGE => UnitKind::Municipality,
			_ => return None,
		})
	}
	fn parent(id: JurisdictionId) -> Option<JurisdictionId> {
		match id {
			REGION => Some(COUNTRY),
			TOWN | OTHER_TOWN | VILLAGE => Some(REGION),
			FOREIGN_TOWN => Some(ABROAD),
			_ => None,
		}
	}
	fn is_within(id: JurisdictionId, ancestor: JurisdictionId) -> bool {
		Self::unit_kind(id).is_some() && Self::ancestors(id).contains(&ancestor)
	}
	fn office(_: OfficeId) -> Option<(JurisdictionId, u32)> {
		None
	}
}

thread_local! {
	static BILLS: RefCell<BTreeMap<ActId, OpenBill>> = const { RefCell::new(BTreeMap::new()) };
	static VERDICTS: RefCell<Vec<(JuryId, ActId, VersionIndex, bool)>> =
		const { RefCell::new(Vec::new()) };
}

/// Tables bill `act` of `unit` at `version`.
pub fn table_bill(act: ActId, unit: JurisdictionId, version: VersionIndex) {
	BILLS.with(|b| b.borrow_mut().insert(act, OpenBill { unit, version }));
}

/// The verdicts the registry received.
pub fn verdicts() -> Vec<(JuryId, ActId, VersionIndex, bool)> {
	VERDICTS.with(|v| v.borrow().clone())
}

/// The registry stand-in: open bills, and verdicts that close them.
pub struct TestBills;
impl BillRegistry for TestBills {
	fn open_bill(act: ActId) -> Option<OpenBill> {
		BILLS.with(|b| b.borrow().get(&act).copied())
	}
	fn decide(jury: JuryId, act: ActId, version: VersionIndex, adopt: bool) -> DispatchResult {
		BILLS.with(|b| b.borrow_mut().remove(&act)).ok_or("not a bill")?;
		VERDICTS.with(|v| v.borrow_mut().push((jury, act, version, adopt)));
		Ok(())
	}
}

impl pallet_veche_personhood::Config for Test {
	type BlockNumberProvider = System;
	type RingVrf = crypto::Bandersnatch<Domain11>;
	type Jurisdictions = TestTree;
	type IdentityJudge = Registrars;
	type AdminOrigin = EnsureSignedBy<Governance, u64>;
	type RingCapacity = ConstU32<32>;
	type MinCohort = ConstU32<2>;
	type MaxCohortWait = ConstU64<10>;
	type Rolls = (Ballots, Juries);
	type AbsoluteMinRingSize = ConstU32<1>;
	type MaxBatch = ConstU32<8>;
	type QuotaPeriod = ConstU64<100>;
	type DefaultQuota = ConstU32<50>;
	type MaxQueue = ConstU32<8>;
	type BuildBatch = ConstU32<8>;
	type MaxRegistrarJurisdictions = ConstU32<4>;
	type MaxCredentialClasses = ConstU32<2>;
	type MaxNameLen = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = bench::Unused;
}

parameter_types! {
	pub const MaxVotingPeriod: u64 = 100;
}

impl pallet_veche_ballots::Config for Test {
	type BlockNumberProvider = System;
	type Personhood = Personhood;
	type Jurisdictions = TestTree;
	type CreateOrigin = EnsureSignedBy<Governance, u64>;
	type AppealOrigin = EnsureSignedBy<Appeals, u64>;
	type MaxVotingPeriod = MaxVotingPeriod;
	type AppealPeriod = ConstU64<5>;
	type RetentionPeriod = ConstU64<20>;
	type RevoteCooldown = ConstU64<2>;
	type MaxBallotsPerBlock = ConstU32<32>;
	type BallotPriority = ConstU64<1_000>;
	type Referenda = pallet_veche_ballots::NoReferenda;
	type AliasLists = Juries;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = bench::Unused;
}

impl pallet_veche_juries::Config for Test {
	type BlockNumberProvider = System;
	type Personhood = Personhood;
	type Jurisdictions = TestTree;
	type Polls = Ballots;
	type Bills = TestBills;
	type GovernanceOrigin = EnsureSignedBy<Governance, u64>;
	type MaxJurySize = ConstU32<8>;
	type MaxStrata = ConstU32<2>;
	type MaxPoolPeriod = ConstU64<100>;
	type MaxAcceptancePeriod = ConstU64<50>;
	type MaxVotingPeriod = ConstU64<100>;
	type RetentionPeriod = ConstU64<RETENTION>;
	type MaxRecentEpochs = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = bench::Helper;
}

/// Personhood's and ballots' own benchmarks do not run over this mock.
#[cfg(feature = "runtime-benchmarks")]
pub mod bench {
	use super::*;
	use pallet_veche_primitives::{RingRef, RingSet};

	/// Person 1 of town 2 (a lawyer) proves, with the prover, in the benchmark context.
	pub struct Helper;
	impl crate::benchmarking::BenchmarkHelper for Helper {
		fn bill() -> ActId {
			let act = BILLS.with(|b| b.borrow().keys().last().map_or(100, |a| a + 1));
			table_bill(act, REGION, 0);
			act
		}
		fn prover() -> crate::benchmarking::BenchProver {
			// The benchmarks wipe the genesis between runs: the rings are made here, from the
			// fixtures' provers, as constituency (town 2) and credential (lawyers) ring alike.
			use crate::fixtures::{self, CONTEXT, JURY};
			use pallet_veche_personhood::{crypto::RingVrf, RingMembers, RingRoot, RingRoots};
			type V = crypto::Bandersnatch<Domain11>;
			let mut members: Vec<[u8; 32]> =
				(0..fixtures::RING).map(|i| prover::member(fixtures::seed(i))).collect();
			members.sort();
			let chunks = V::builder_chunks();
			let mut inter = V::start();
			V::push(&mut inter, &members, |r| chunks.get(r).map(|c| c.to_vec())).unwrap();
			let commitment = V::finish(&inter).unwrap();
			let sets = [RingSet::Constituency(TOWN), RingSet::Credential(LAWYERS)];
			for set in sets {
				RingMembers::<Test>::insert(
					set,
					0,
					frame_support::BoundedVec::truncate_from(members.clone()),
				);
				RingRoots::<Test>::insert(
					set,
					0,
					RingRoot { commitment, revision: 7, members: fixtures::RING, from: 0 },
				);
			}
			let prove = |message: Vec<u8>| {
				prover::prove::<Domain11>(fixtures::seed(0), &members, &CONTEXT, &message)
					.unwrap()
					.0
			};
			let enrol = prove(crate::enrol_message(JURY));
			crate::benchmarking::BenchProver {
				constituency: RingRef { set: sets[0], index: 0, revision: 7 },
				credential: RingRef { set: sets[1], index: 0, revision: 7 },
				unit: REGION,
				roll: 0,
				context: CONTEXT,
				enrol: enrol.clone(),
				enrol_credential: enrol,
				accept: prove(crate::accept_message(JURY)),
			}
		}
		fn set_votes(poll: pallet_veche_primitives::PollId, ayes: u64, nays: u64) {
			let tally = pallet_veche_ballots::Tally {
				ballots: (ayes + nays) as u32,
				turnout: ayes + nays,
				options: frame_support::BoundedVec::truncate_from(vec![ayes, nays]),
			};
			pallet_veche_ballots::Totals::<Test>::insert(poll, tally);
		}
	}

	pub struct Unused;
	impl pallet_veche_personhood::benchmarking::BenchmarkHelper<u64> for Unused {
		fn identify(_: &u64) {}
		fn deep_constituency() -> (JurisdictionId, JurisdictionId) {
			(TOWN, COUNTRY)
		}
		fn units(_: u32) -> Vec<JurisdictionId> {
			Vec::new()
		}
		fn hold_roll(_: u32) {}
	}
	impl pallet_veche_ballots::benchmarking::BenchmarkHelper for Unused {
		fn rings() -> pallet_veche_ballots::benchmarking::BenchRings {
			let ring = RingRef { set: RingSet::Constituency(TOWN), index: 0, revision: 0 };
			pallet_veche_ballots::benchmarking::BenchRings {
				constituency: ring,
				credential: ring,
				unit: COUNTRY,
			}
		}
		fn proof(_: u32, _: pallet_veche_ballots::benchmarking::Shape) -> Vec<u8> {
			Vec::new()
		}
		fn units(_: u32) -> Vec<JurisdictionId> {
			Vec::new()
		}
	}
}

/// The genesis of the tests: persons 1–13 registered in their towns, the lawyers' credential
/// ring, every ring built; the clock at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	BILLS.with(|b| b.borrow_mut().clear());
	VERDICTS.with(|v| v.borrow_mut().clear());
	let people = (1..=13u8)
		.map(|i| (tag(i), prover::member(seed(i)), home(i), REGISTRAR))
		.collect();
	let credentials = (1..=13u8)
		.filter(|i| lawyer(*i))
		.map(|i| (LAWYERS, prover::member(seed(i))))
		.collect();
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		personhood: pallet_veche_personhood::GenesisConfig {
			registrars: vec![(REGISTRAR, vec![COUNTRY, ABROAD])],
			credential_classes: vec![b"Legal".to_vec()],
			examiners: vec![],
			people,
			credentials,
			min_ring_size: 0,
			pooled: vec![],
			single_registration: true,
		},
		juries: Default::default(),
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		for (page, chunks) in Personhood::chunk_pages().into_iter().enumerate() {
			Personhood::upload_chunks(RuntimeOrigin::signed(ANYONE), page as u32, chunks).unwrap();
		}
		build_rings();
		System::reset_events();
	});
	ext
}

/// Builds every ring with pending work.
pub fn build_rings() {
	while let Some((set, index)) =
		pallet_veche_personhood::PendingBuilds::<Test>::iter_keys().next()
	{
		Personhood::build_ring(RuntimeOrigin::signed(ANYONE), set, index).unwrap();
	}
}

/// Runs `test`, then checks the invariants of juries, ballots and personhood.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Juries::do_try_state().expect("juries' invariants hold after the test");
		Ballots::do_try_state().expect("ballots' invariants hold after the test");
		Personhood::do_try_state().expect("personhood's invariants hold after the test");
	});
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Juries(e) => Some(e),
			_ => None,
		})
		.collect()
}
