//! A test runtime for elections with the real ballots and personhood pallets: real Bandersnatch
//! rings (domain 2^11), real proofs, real polls.
//!
//! The tree: country 0 with region 1 (towns 2 and 3) and the diaspora constituencies 4, 5 and 6.
//! Voters 1–6 live in town 2, 7–8 in town 3, 9–12 in constituency 4, 13–14 in 5, 15 in 6.
//! Offices: 0 a parliament of 10 seats (party lists in 4, 5, 6), 1 the council of town 2 (3 seats,
//! approval), 2 the mayor of town 2 (two rounds), 3 the governor of region 1 (plurality,
//! promotion by record), 4 the mayor of town 3 (plurality). Accounts from 100 are public people
//! (identified) with funds, but 199, who is not identified. Account 1 is the commission, 2 the
//! appeal body, 3 the court.

use crate::{self as pallet_veche_elections};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureSignedBy;
use pallet_veche_personhood::crypto::{self, prover, Domain11};
use pallet_veche_primitives::{
	IdentityJudge, JurisdictionId, JurisdictionInspect, OfficeId, UnitKind,
};
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Personhood: pallet_veche_personhood,
		Ballots: pallet_veche_ballots,
		Elections: pallet_veche_elections,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const COMMISSION: u64 = 1;
pub const APPEALS: u64 = 2;
pub const COURT: u64 = 3;
pub const REGISTRAR: u64 = 10;
pub const ANYONE: u64 = 99;
/// A public person without an identity judgement.
pub const UNIDENTIFIED: u64 = 199;
/// Where forfeited deposits go.
pub const FORFEITS: u64 = 98;

pub const COUNTRY: JurisdictionId = 0;
pub const REGION: JurisdictionId = 1;
pub const TOWN: JurisdictionId = 2;
pub const OTHER_TOWN: JurisdictionId = 3;
pub const GERMANY: JurisdictionId = 4;
pub const POLAND: JurisdictionId = 5;
pub const GEORGIA: JurisdictionId = 6;

pub const PARLIAMENT: OfficeId = 0;
pub const COUNCIL: OfficeId = 1;
pub const MAYOR: OfficeId = 2;
pub const GOVERNOR: OfficeId = 3;
pub const OTHER_MAYOR: OfficeId = 4;

pub const DEPOSIT: u64 = 100;
pub const LIST_DEPOSIT: u64 = 500;
pub const CLAIM_DEPOSIT: u64 = 300;

/// The constituency of voter `i`.
pub fn home(i: u8) -> JurisdictionId {
	match i {
		1..=6 => TOWN,
		7..=8 => OTHER_TOWN,
		9..=12 => GERMANY,
		13..=14 => POLAND,
		_ => GEORGIA,
	}
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
	pub const Commission: u64 = COMMISSION;
	pub const Appeals: u64 = APPEALS;
	pub const Court: u64 = COURT;
	pub const Registrar: u64 = REGISTRAR;
}

/// Accounts from 100 up are identified, but [`UNIDENTIFIED`].
pub struct PublicPeople;
impl IdentityJudge<u64> for PublicPeople {
	fn is_identified(who: &u64) -> bool {
		*who >= 100 && *who != UNIDENTIFIED
	}
}

pub struct TestTree;
impl JurisdictionInspect for TestTree {
	fn unit_kind(id: JurisdictionId) -> Option<UnitKind> {
		Some(match id {
			COUNTRY => UnitKind::Country,
			REGION => UnitKind::Region,
			TOWN | OTHER_TOWN => UnitKind::Municipality,
			GERMANY | POLAND | GEORGIA => UnitKind::DiasporaConstituency,
			_ => return None,
		})
	}
	fn parent(id: JurisdictionId) -> Option<JurisdictionId> {
		match id {
			REGION | GERMANY | POLAND | GEORGIA => Some(COUNTRY),
			TOWN | OTHER_TOWN => Some(REGION),
			_ => None,
		}
	}
	fn is_within(id: JurisdictionId, ancestor: JurisdictionId) -> bool {
		Self::ancestors(id).contains(&ancestor)
	}
	fn office(id: OfficeId) -> Option<(JurisdictionId, u32)> {
		match id {
			PARLIAMENT => Some((COUNTRY, 10)),
			COUNCIL => Some((TOWN, 3)),
			MAYOR => Some((TOWN, 1)),
			GOVERNOR => Some((REGION, 1)),
			OTHER_MAYOR => Some((OTHER_TOWN, 1)),
			_ => None,
		}
	}
}

impl pallet_veche_personhood::Config for Test {
	type BlockNumberProvider = System;
	type RingVrf = crypto::Bandersnatch<Domain11>;
	type Jurisdictions = TestTree;
	type IdentityJudge = PublicPeople;
	type AdminOrigin = EnsureSignedBy<Commission, u64>;
	type RingCapacity = ConstU32<32>;
	type MinCohort = ConstU32<2>;
	type MaxCohortWait = ConstU64<10>;
	type Rolls = Ballots;
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
	pub const MaxVotingPeriod: u64 = 1_000;
}

impl pallet_veche_ballots::Config for Test {
	type BlockNumberProvider = System;
	type Personhood = Personhood;
	type Jurisdictions = TestTree;
	type CreateOrigin = EnsureSignedBy<Commission, u64>;
	type AppealOrigin = EnsureSignedBy<Appeals, u64>;
	type MaxVotingPeriod = MaxVotingPeriod;
	type AppealPeriod = ConstU64<10>;
	type RetentionPeriod = ConstU64<20>;
	type RevoteCooldown = ConstU64<2>;
	type MaxBallotsPerBlock = ConstU32<32>;
	type BallotPriority = ConstU64<1_000>;
	type Referenda = pallet_veche_ballots::NoReferenda;
	type AliasLists = ();
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = bench::Unused;
}

parameter_types! {
	pub const Deposit: u64 = DEPOSIT;
	pub const ListDeposit: u64 = LIST_DEPOSIT;
	pub const ClaimDeposit: u64 = CLAIM_DEPOSIT;
	pub const DepositReturn: Perbill = Perbill::from_percent(10);
	pub const Forfeits: u64 = FORFEITS;
}

impl pallet_veche_elections::Config for Test {
	type BlockNumberProvider = System;
	type Jurisdictions = TestTree;
	type Polls = Ballots;
	type Identity = PublicPeople;
	type Record = ();
	type Promises = ();
	type Ratings = ();
	type Recalls = ();
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ScheduleOrigin = EnsureSignedBy<Commission, u64>;
	type RemovalOrigin = EnsureSignedBy<Court, u64>;
	type CandidacyDeposit = Deposit;
	type ListDeposit = ListDeposit;
	type ClaimDeposit = ClaimDeposit;
	type DepositReturn = DepositReturn;
	type ForfeitAccount = Forfeits;
	type MaxConstituencies = ConstU32<3>;
	type MaxSeats = ConstU32<16>;
	type MaxServiceRecords = ConstU32<4>;
	type MaxNameLen = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = bench::Helper;
}

/// What the benchmarks need, over the mock's fixed tree.
#[cfg(feature = "runtime-benchmarks")]
pub mod bench {
	use super::*;
	use pallet_veche_primitives::{PollId, RingRef, RingSet};

	pub struct Helper;
	impl crate::benchmarking::BenchmarkHelper<u64> for Helper {
		fn identify(_: &u64) {}
		fn parliament(c: u32) -> (OfficeId, Vec<JurisdictionId>) {
			(PARLIAMENT, [GERMANY, POLAND, GEORGIA].into_iter().take(c as usize).collect())
		}
		fn set_results(poll: PollId, votes: Vec<u64>, preferences: Vec<(u8, Vec<u64>)>) {
			let total: u64 = votes.iter().sum();
			let tally = pallet_veche_ballots::Tally {
				ballots: total as u32,
				turnout: total,
				options: frame_support::BoundedVec::truncate_from(votes),
			};
			pallet_veche_ballots::Totals::<Test>::insert(poll, tally);
			for (list, counts) in preferences {
				pallet_veche_ballots::PreferenceTotals::<Test>::insert(
					poll,
					list,
					frame_support::BoundedVec::truncate_from(counts),
				);
			}
		}
		fn store_ballots(poll: PollId, ballots: Vec<(Vec<u8>, u32)>) {
			for (i, (marks, weight)) in ballots.into_iter().enumerate() {
				let alias = sp_io::hashing::blake2_256(&codec::Encode::encode(&(poll, i as u32)));
				let record = pallet_veche_ballots::BallotRecord {
					territory: TOWN,
					choice: frame_support::BoundedVec::truncate_from(marks),
					sequence: 1,
					weight,
					cast_at: 0,
				};
				pallet_veche_ballots::Ballots::<Test>::insert(poll, alias, record);
			}
		}
	}

	/// Personhood's and ballots' own benchmarks do not run over this mock.
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

/// The genesis of the tests: voters 1–15 registered in their constituencies with every ring
/// built, and accounts 100–140 and 199 funded.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let people = (1..=15u8)
		.map(|i| (tag(i), prover::member(seed(i)), home(i), REGISTRAR))
		.collect();
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig {
			balances: (100..=140).chain([UNIDENTIFIED]).map(|a| (a, 10_000)).collect(),
			..Default::default()
		},
		personhood: pallet_veche_personhood::GenesisConfig {
			registrars: vec![(REGISTRAR, vec![COUNTRY])],
			credential_classes: vec![],
			examiners: vec![],
			people,
			credentials: vec![],
			min_ring_size: 0,
			pooled: vec![],
			single_registration: true,
		},
		elections: Default::default(),
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		for (page, chunks) in Personhood::chunk_pages().into_iter().enumerate() {
			Personhood::upload_chunks(RuntimeOrigin::signed(ANYONE), page as u32, chunks).unwrap();
		}
		while let Some((set, index)) =
			pallet_veche_personhood::PendingBuilds::<Test>::iter_keys().next()
		{
			Personhood::build_ring(RuntimeOrigin::signed(ANYONE), set, index).unwrap();
		}
		System::reset_events();
	});
	ext
}

/// Runs `test`, then checks the invariants of elections, ballots and personhood.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Elections::do_try_state().expect("elections' invariants hold after the test");
		Ballots::do_try_state().expect("ballots' invariants hold after the test");
		Personhood::do_try_state().expect("personhood's invariants hold after the test");
	});
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Elections(e) => Some(e),
			_ => None,
		})
		.collect()
}
