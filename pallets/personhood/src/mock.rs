//! A test runtime for personhood with real Bandersnatch rings of at most four members.
//!
//! The jurisdiction tree is fixed: country 0 with region 1 (municipality 2) and region 4
//! (municipality 5), and diaspora constituency 3. Registrar 10 serves region 1; registrar 11
//! serves the whole country; account 12 has no identity judgement; account 1 is governance.

use crate::{self as pallet_veche_personhood, crypto};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureSignedBy;
use pallet_veche_primitives::{
	IdentityJudge, JurisdictionId, JurisdictionInspect, OfficeId, UnitKind,
};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Personhood: pallet_veche_personhood,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const ADMIN: u64 = 1;
pub const REGION_REGISTRAR: u64 = 10;
pub const COUNTRY_REGISTRAR: u64 = 11;
pub const UNIDENTIFIED: u64 = 12;
pub const EXAMINER: u64 = 13;

pub const COUNTRY: JurisdictionId = 0;
pub const REGION: JurisdictionId = 1;
pub const TOWN: JurisdictionId = 2;
pub const DIASPORA: JurisdictionId = 3;
pub const OTHER_REGION: JurisdictionId = 4;
pub const OTHER_TOWN: JurisdictionId = 5;

frame_support::ord_parameter_types! {
	pub const Admin: u64 = ADMIN;
}

parameter_types! {
	pub static Outcasts: Vec<u64> = vec![UNIDENTIFIED];
	/// The roll points of the tests' (imaginary) polls not yet purged.
	pub static LiveRolls: Vec<u32> = vec![];
}

/// Polls, as the ballots pallet would report them: a roll is in use while `LiveRolls` lists it.
pub struct TestRolls;
impl pallet_veche_primitives::RollUsage for TestRolls {
	fn roll_in_use(from: u32, until: u32) -> bool {
		LiveRolls::get().iter().any(|r| (from..until).contains(r))
	}
}

pub struct TestJudge;
impl IdentityJudge<u64> for TestJudge {
	fn is_identified(who: &u64) -> bool {
		!Outcasts::get().contains(who)
	}
}

pub struct TestTree;
impl JurisdictionInspect for TestTree {
	fn unit_kind(id: JurisdictionId) -> Option<UnitKind> {
		Some(match id {
			COUNTRY => UnitKind::Country,
			REGION | OTHER_REGION => UnitKind::Region,
			TOWN | OTHER_TOWN => UnitKind::Municipality,
			DIASPORA => UnitKind::DiasporaConstituency,
			_ => return None,
		})
	}
	fn parent(id: JurisdictionId) -> Option<JurisdictionId> {
		match id {
			REGION | OTHER_REGION | DIASPORA => Some(COUNTRY),
			TOWN => Some(REGION),
			OTHER_TOWN => Some(OTHER_REGION),
			_ => None,
		}
	}
	fn is_within(id: JurisdictionId, ancestor: JurisdictionId) -> bool {
		let mut next = Some(id);
		while let Some(u) = next {
			if u == ancestor {
				return true;
			}
			next = Self::parent(u);
		}
		false
	}
	fn office(_: OfficeId) -> Option<(JurisdictionId, u32)> {
		None
	}
}

impl pallet_veche_personhood::Config for Test {
	type BlockNumberProvider = System;
	type RingVrf = crypto::Bandersnatch<crypto::Domain11>;
	type Jurisdictions = TestTree;
	type IdentityJudge = TestJudge;
	type AdminOrigin = EnsureSignedBy<Admin, u64>;
	type RingCapacity = ConstU32<4>;
	type MinCohort = ConstU32<2>;
	type MaxCohortWait = ConstU64<10>;
	type Rolls = TestRolls;
	type AbsoluteMinRingSize = ConstU32<1>;
	type MaxBatch = ConstU32<8>;
	type QuotaPeriod = ConstU64<100>;
	type DefaultQuota = ConstU32<50>;
	type MaxQueue = ConstU32<8>;
	type BuildBatch = ConstU32<3>;
	type MaxRegistrarJurisdictions = ConstU32<3>;
	type MaxCredentialClasses = ConstU32<2>;
	type MaxNameLen = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct TestBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper<u64> for TestBenchmarkHelper {
	fn identify(who: &u64) {
		Outcasts::mutate(|o| o.retain(|x| x != who));
	}
	fn deep_constituency() -> (JurisdictionId, JurisdictionId) {
		(TOWN, COUNTRY)
	}
	fn units(n: u32) -> Vec<JurisdictionId> {
		(0..6).take(n as usize).collect()
	}
	fn hold_roll(roll: u32) {
		LiveRolls::mutate(|r| r.push(roll));
	}
}

use frame_support::traits::ConstU64;

/// The genesis of the tests: registrars 10 (region 1) and 11 (country 0), class 0 "civics" with
/// examiner 13, nobody registered, and the static chunks stored.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		personhood: pallet_veche_personhood::GenesisConfig {
			registrars: vec![(REGION_REGISTRAR, vec![REGION]), (COUNTRY_REGISTRAR, vec![COUNTRY])],
			credential_classes: vec![b"civics".to_vec()],
			examiners: vec![(0, EXAMINER)],
			people: vec![],
			credentials: vec![],
			min_ring_size: 0,
			pooled: vec![],
			single_registration: true,
		},
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		// The static chunks, as `veche-client upload-chunks` stores them on a real chain.
		Personhood::store_chunks();
	});
	ext
}

/// Runs `test`, then checks every invariant of the pallet.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Personhood::do_try_state().expect("invariants hold after the test");
	});
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Personhood(e) => Some(e),
			_ => None,
		})
		.collect()
}
