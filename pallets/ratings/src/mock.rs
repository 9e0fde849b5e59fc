//! A test runtime for ratings with the real ballots and personhood pallets: real Bandersnatch
//! rings (domain 2^11), real proofs, real rating polls. Officeholders and promises are stood in
//! for by tables the tests set (the runtime's tests run ratings with the real elections and
//! promises pallets).
//!
//! The tree: country 0 with region 1 and its towns 2 and 3. Voters 1–6 live in town 2, 7–8 in
//! town 3. Offices: 0 the mayor of town 2 (answers for the budget, utilities and transport), 1
//! the governor of region 1 (every sphere), 2 the council of town 2 (3 seats, every sphere).
//! Account 1 is the commission (sets promotion bars), 2 the appeal body. Officials are accounts
//! from 100.

use crate::{self as pallet_veche_ratings};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureSignedBy;
use pallet_veche_personhood::crypto::{self, prover, Domain11};
use pallet_veche_primitives::{
	DocumentHash, IdentityJudge, JurisdictionId, JurisdictionInspect, Mandate, OfficeId,
	Officeholders, PolicySphere, PromiseBook, PromiseSummary, Spheres, UnitKind,
};
use sp_runtime::{BuildStorage, DispatchResult};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Personhood: pallet_veche_personhood,
		Ballots: pallet_veche_ballots,
		Ratings: pallet_veche_ratings,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const COMMISSION: u64 = 1;
pub const APPEALS: u64 = 2;
pub const REGISTRAR: u64 = 10;
pub const ANYONE: u64 = 99;
pub const MAYOR_ACCOUNT: u64 = 100;
pub const GOVERNOR_ACCOUNT: u64 = 101;
pub const COUNCILLOR: u64 = 102;

pub const COUNTRY: JurisdictionId = 0;
pub const REGION: JurisdictionId = 1;
pub const TOWN: JurisdictionId = 2;
pub const OTHER_TOWN: JurisdictionId = 3;

pub const MAYOR: OfficeId = 0;
pub const GOVERNOR: OfficeId = 1;
pub const COUNCIL: OfficeId = 2;

/// A rating period, in blocks.
pub const PERIOD: u64 = 100;
/// The appeal window of a rating poll.
pub const APPEAL: u64 = 10;
/// Closed periods kept per official and office.
pub const MAX_HISTORY: u32 = 3;

/// The spheres the mayor answers for.
pub fn mayor_spheres() -> Spheres {
	[PolicySphere::Budget, PolicySphere::Utilities, PolicySphere::Transport]
		.into_iter()
		.collect()
}

/// The constituency of voter `i`.
pub fn home(i: u8) -> JurisdictionId {
	match i {
		1..=6 => TOWN,
		_ => OTHER_TOWN,
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
			COUNTRY => UnitKind::Country,
			REGION => UnitKind::Region,
			TOWN | OTHER_TOWN => UnitKind::Municipality,
			_ => return None,
		})
	}
	fn parent(id: JurisdictionId) -> Option<JurisdictionId> {
		match id {
			REGION => Some(COUNTRY),
			TOWN | OTHER_TOWN => Some(REGION),
			_ => None,
		}
	}
	fn is_within(id: JurisdictionId, ancestor: JurisdictionId) -> bool {
		Self::ancestors(id).contains(&ancestor)
	}
	fn office(id: OfficeId) -> Option<(JurisdictionId, u32)> {
		match id {
			MAYOR => Some((TOWN, 1)),
			GOVERNOR => Some((REGION, 1)),
			COUNCIL => Some((TOWN, 3)),
			_ => None,
		}
	}
	fn office_spheres(id: OfficeId) -> Option<Spheres> {
		match id {
			MAYOR => Some(mayor_spheres()),
			_ => Self::office(id).map(|_| Spheres::ALL),
		}
	}
}

thread_local! {
	static FIRST_PERIOD: RefCell<u32> = const { RefCell::new(0) };
	static MANDATES: RefCell<BTreeMap<(OfficeId, u64), Mandate<u64>>> =
		const { RefCell::new(BTreeMap::new()) };
	static PROMISES: RefCell<BTreeMap<u64, Vec<PromiseSummary>>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// The period block 0 lies in: 0 but in the tests of imported periods.
pub struct FirstPeriod;
impl frame_support::traits::Get<u32> for FirstPeriod {
	fn get() -> u32 {
		FIRST_PERIOD.with(|f| *f.borrow())
	}
}

/// Sets the period block 0 lies in (before building the test externalities).
pub fn set_first_period(first: u32) {
	FIRST_PERIOD.with(|f| *f.borrow_mut() = first);
}

/// Seats `who` in `office` from `since` until `until`.
pub fn seat(office: OfficeId, who: u64, since: u64, until: u64) {
	MANDATES.with(|m| {
		m.borrow_mut()
			.insert((office, who), Mandate { office, since, until, left: None })
	});
}

/// Sets `who`'s promises.
pub fn set_promises(who: u64, promises: Vec<PromiseSummary>) {
	PROMISES.with(|p| p.borrow_mut().insert(who, promises));
}

/// The elections stand-in: the seats the tests give.
pub struct TestOffices;
impl Officeholders<u64, u64> for TestOffices {
	fn mandate(office: OfficeId, who: &u64) -> Option<Mandate<u64>> {
		let now = System::block_number();
		MANDATES.with(|m| {
			m.borrow()
				.get(&(office, *who))
				.copied()
				.filter(|m| m.until > now && m.left.is_none())
		})
	}
	fn record(who: &u64) -> Vec<Mandate<u64>> {
		let mut all: Vec<Mandate<u64>> = MANDATES
			.with(|m| m.borrow().iter().filter(|((_, w), _)| w == who).map(|(_, m)| *m).collect());
		all.sort_by_key(|m| m.since);
		all
	}
	fn holders(office: OfficeId) -> Vec<u64> {
		let now = System::block_number();
		MANDATES.with(|m| {
			m.borrow()
				.iter()
				.filter(|((o, _), m)| *o == office && m.serving(now))
				.map(|((_, w), _)| *w)
				.collect()
		})
	}
	fn recall(office: OfficeId, who: &u64, _: DocumentHash) -> DispatchResult {
		let now = System::block_number();
		MANDATES.with(|m| {
			if let Some(m) = m.borrow_mut().get_mut(&(office, *who)) {
				m.left = Some(now);
			}
		});
		Ok(())
	}
}

/// The promises stand-in.
pub struct TestPromises;
impl PromiseBook<u64> for TestPromises {
	fn promises_of(who: &u64) -> Vec<PromiseSummary> {
		PROMISES.with(|p| p.borrow().get(who).cloned().unwrap_or_default())
	}
}

impl pallet_veche_personhood::Config for Test {
	type BlockNumberProvider = System;
	type RingVrf = crypto::Bandersnatch<Domain11>;
	type Jurisdictions = TestTree;
	type IdentityJudge = Registrars;
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
	pub const MaxVotingPeriod: u64 = PERIOD;
}

impl pallet_veche_ballots::Config for Test {
	type BlockNumberProvider = System;
	type Personhood = Personhood;
	type Jurisdictions = TestTree;
	type CreateOrigin = EnsureSignedBy<Commission, u64>;
	type AppealOrigin = EnsureSignedBy<Appeals, u64>;
	type MaxVotingPeriod = MaxVotingPeriod;
	type AppealPeriod = ConstU64<APPEAL>;
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

impl pallet_veche_ratings::Config for Test {
	type BlockNumberProvider = System;
	type Jurisdictions = TestTree;
	type Officeholders = TestOffices;
	type Polls = Ballots;
	type Promises = TestPromises;
	type BarOrigin = EnsureSignedBy<Commission, u64>;
	type Period = ConstU64<PERIOD>;
	type FirstPeriod = FirstPeriod;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = bench::Helper;
}

/// What the benchmarks need, over the mock's fixed tree.
#[cfg(feature = "runtime-benchmarks")]
pub mod bench {
	use super::*;
	use pallet_veche_primitives::{RingRef, RingSet};

	pub struct Helper;
	impl crate::benchmarking::BenchmarkHelper<u64> for Helper {
		fn officeholder() -> (OfficeId, u64) {
			let now = System::block_number();
			seat(GOVERNOR, GOVERNOR_ACCOUNT, now, now + 100 * PERIOD);
			(GOVERNOR, GOVERNOR_ACCOUNT)
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

/// The genesis of the tests: voters 1–8 registered in their towns with every ring built; the
/// clock at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ext_with(Default::default())
}

/// [`new_test_ext`] with this pallet's genesis `ratings`.
pub fn ext_with(ratings: pallet_veche_ratings::GenesisConfig<Test>) -> sp_io::TestExternalities {
	MANDATES.with(|m| m.borrow_mut().clear());
	PROMISES.with(|p| p.borrow_mut().clear());
	let people = (1..=8u8)
		.map(|i| (tag(i), prover::member(seed(i)), home(i), REGISTRAR))
		.collect();
	let t = RuntimeGenesisConfig {
		system: Default::default(),
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
		ratings,
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

/// Runs `test`, then checks the invariants of ratings, ballots and personhood.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Ratings::do_try_state().expect("ratings' invariants hold after the test");
		Ballots::do_try_state().expect("ballots' invariants hold after the test");
		Personhood::do_try_state().expect("personhood's invariants hold after the test");
	});
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Ratings(e) => Some(e),
			_ => None,
		})
		.collect()
}
