//! A test runtime for consultations with the real personhood and trustees pallets: real
//! Bandersnatch rings (domain 2^11) and ring-VRF proofs for profiles, a real 2-of-3 key ceremony
//! for sealed answers. The registry of acts is stood in for by a table of bills.
//!
//! The tree: country 0 with region 1 and its towns 2, 3 and village 6; country 4 with town 5.
//! Persons 1–6 live in town 2, 7–9 in town 3, 10–11 in town 5, 12–13 in village 6. Account 100 is
//! governance and moderates every unit; account `200 + u` moderates unit `u` only. Trustees are
//! accounts 21, 22, 23 (indices 1–3). A period lasts [`PERIOD`] blocks.

use crate::{self as pallet_veche_consultations};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU16, ConstU32, ConstU64, EnsureOriginWithArg},
	BoundedVec,
};
use frame_system::EnsureSignedBy;
use pallet_veche_personhood::crypto::{self, prover, Domain11};
use pallet_veche_primitives::{
	ActId, BillRegistry, IdentityJudge, JurisdictionId, JurisdictionInspect, JuryId, OfficeId,
	OpenBill, UnitKind, VersionIndex,
};
use sp_runtime::{BuildStorage, DispatchResult};
use std::collections::BTreeMap;
use veche_seal::{protocol, Scalar};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Personhood: pallet_veche_personhood,
		Trustees: pallet_veche_trustees,
		Consultations: pallet_veche_consultations,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const GOVERNANCE: u64 = 100;
pub const REGISTRAR: u64 = 10;
pub const ANYONE: u64 = 99;
pub const TRUSTEES: [u64; 3] = [21, 22, 23];

pub const COUNTRY: JurisdictionId = 0;
pub const REGION: JurisdictionId = 1;
pub const TOWN: JurisdictionId = 2;
pub const OTHER_TOWN: JurisdictionId = 3;
pub const ABROAD: JurisdictionId = 4;
pub const FOREIGN_TOWN: JurisdictionId = 5;
pub const VILLAGE: JurisdictionId = 6;

/// Blocks in a period.
pub const PERIOD: u64 = 100;
/// The block the tests start at (period 1).
pub const START: u64 = 100;

/// The constituency of person `i`.
pub fn home(i: u8) -> JurisdictionId {
	match i {
		1..=6 => TOWN,
		7..=9 => OTHER_TOWN,
		10 | 11 => FOREIGN_TOWN,
		_ => VILLAGE,
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
	pub const Governance: u64 = GOVERNANCE;
}

/// Nobody needs an identity here but the registrar.
pub struct Registrars;
impl IdentityJudge<u64> for Registrars {
	fn is_identified(who: &u64) -> bool {
		*who == REGISTRAR
	}
}

/// Governance moderates every unit; account `200 + u` unit `u`.
pub struct Moderators;
impl EnsureOriginWithArg<RuntimeOrigin, JurisdictionId> for Moderators {
	type Success = ();
	fn try_origin(o: RuntimeOrigin, unit: &JurisdictionId) -> Result<(), RuntimeOrigin> {
		match o.clone().into() {
			Ok(frame_system::RawOrigin::Signed(who))
				if who == GOVERNANCE || who == 200 + u64::from(*unit) =>
			{
				Ok(())
			},
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &JurisdictionId) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::signed(GOVERNANCE))
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
}

/// Tables bill `act` of `unit`.
pub fn table_bill(act: ActId, unit: JurisdictionId) {
	BILLS.with(|b| b.borrow_mut().insert(act, OpenBill { unit, version: 0 }));
}

/// The registry stand-in: open bills.
pub struct TestBills;
impl BillRegistry for TestBills {
	fn open_bill(act: ActId) -> Option<OpenBill> {
		BILLS.with(|b| b.borrow().get(&act).copied())
	}
	fn decide(_: JuryId, _: ActId, _: VersionIndex, _: bool) -> DispatchResult {
		Err("juries do not decide here".into())
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
	type Rolls = Consultations;
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

impl pallet_veche_trustees::Config for Test {
	type BlockNumberProvider = System;
	type GovernanceOrigin = EnsureSignedBy<Governance, u64>;
	type MaxTrustees = ConstU32<5>;
	type MinPhase = ConstU64<1>;
	type MaxPhase = ConstU64<100>;
	type WeightInfo = ();
}

parameter_types! {
	pub const Period: u64 = PERIOD;
}

impl crate::Config for Test {
	type BlockNumberProvider = System;
	type Personhood = Personhood;
	type Jurisdictions = TestTree;
	type Keys = Trustees;
	type Bills = TestBills;
	type ModeratorOrigin = Moderators;
	type Period = Period;
	type StatusWindow = ConstU32<3>;
	type MaxOptions = ConstU32<4>;
	type MaxTitle = ConstU32<32>;
	type MaxName = ConstU32<16>;
	type MinDuration = ConstU64<5>;
	type MaxDuration = ConstU64<200>;
	type MaxChanges = ConstU16<3>;
	type MaxCallsPerPeriod = ConstU32<40>;
	type MaxTrustees = ConstU32<5>;
	type MaxTopIdeas = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = bench::Helper;
}

#[cfg(feature = "runtime-benchmarks")]
pub mod bench {
	use super::*;

	/// Town 2's ring of the fixture provers (built here: the benchmarks wipe the genesis), and
	/// prover 0's proofs made with the prover.
	pub struct Helper;
	impl crate::benchmarking::BenchmarkHelper<u64> for Helper {
		fn prover() -> crate::benchmarking::BenchProver {
			use crate::fixtures;
			use pallet_veche_personhood::{crypto::RingVrf, RingMembers, RingRoot, RingRoots};
			use pallet_veche_primitives::{RingRef, RingSet};
			type V = crypto::Bandersnatch<Domain11>;
			let mut members: Vec<[u8; 32]> =
				(0..8).map(|i| prover::member(fixtures::seed(i))).collect();
			members.sort();
			let chunks = V::builder_chunks();
			let mut inter = V::start();
			V::push(&mut inter, &members, |r| chunks.get(r).map(|c| c.to_vec())).unwrap();
			let commitment = V::finish(&inter).unwrap();
			let set = RingSet::Constituency(TOWN);
			RingMembers::<Test>::insert(set, 0, BoundedVec::truncate_from(members.clone()));
			RingRoots::<Test>::insert(
				set,
				0,
				RingRoot { commitment, revision: 7, members: 8, from: 0 },
			);
			let context = crate::Pallet::<Test>::period_context(fixtures::PERIOD);
			let key = sp_io::crypto::sr25519_generate(
				sp_core::crypto::KeyTypeId(*b"vcbp"),
				Some(fixtures::key_suri()),
			)
			.0;
			let prove = |message: Vec<u8>| {
				prover::prove::<Domain11>(fixtures::seed(0), &members, &context, &message)
					.unwrap()
					.0
			};
			crate::benchmarking::BenchProver {
				ring: RingRef { set, index: 0, revision: 7 },
				roll: 0,
				constituency: TOWN,
				open: prove(crate::open_message(&key, b"")),
				renew: prove(crate::renew_message(0, &key)),
			}
		}
		fn key(accounts: Vec<u64>, threshold: u16, seeds: Vec<[u8; 32]>) -> u32 {
			Trustees::genesis_key(&accounts, threshold, &seeds).unwrap()
		}
		fn bill() -> ActId {
			table_bill(500, REGION);
			500
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
}

/// Trustee `i`'s (0-based) seed.
pub fn trustee_seed(i: usize) -> [u8; 32] {
	[0x70 + i as u8; 32]
}

fn comm_secret(i: usize, key: u32) -> Scalar {
	veche_seal::secret_scalar(&trustee_seed(i), b"comm", &protocol::ceremony_context(key))
}

/// Runs a whole 2-of-3 ceremony of [`TRUSTEES`]; returns the key.
pub fn run_ceremony() -> u32 {
	let key = pallet_veche_trustees::NextKeyId::<Test>::get();
	let origin = RuntimeOrigin::signed(GOVERNANCE);
	Trustees::open_ceremony(origin, BoundedVec::truncate_from(TRUSTEES.to_vec()), 2, 1).unwrap();
	let c = pallet_veche_trustees::Ceremonies::<Test>::get(key).unwrap();
	for (i, who) in TRUSTEES.iter().enumerate() {
		let x = comm_secret(i, key);
		let proof = veche_seal::pok_prove(&x, &protocol::register_binding(key, i as u16 + 1));
		Trustees::register(RuntimeOrigin::signed(*who), key, veche_seal::public_key(&x), proof)
			.unwrap();
	}
	let start = System::block_number();
	System::set_block_number(c.register_by);
	let context = protocol::ceremony_context(key);
	for (i, who) in TRUSTEES.iter().enumerate() {
		let index = i as u16 + 1;
		let poly = veche_seal::polynomial(&trustee_seed(i), &context, 2);
		let shares: Vec<[u8; 32]> = (1..=3u16)
			.map(|j| {
				if j == index {
					return [0u8; 32];
				}
				let theirs = pallet_veche_trustees::CommKeys::<Test>::get(key, j).unwrap();
				let dh = veche_seal::diffie_hellman(&comm_secret(i, key), &theirs).unwrap();
				let mask = veche_seal::share_mask(&dh, &context, index, j);
				veche_seal::encode_scalar(&(veche_seal::evaluate(&poly, j) + mask))
			})
			.collect();
		let proof = veche_seal::pok_prove(&poly[0], &protocol::deal_binding(key, index));
		Trustees::deal(
			RuntimeOrigin::signed(*who),
			key,
			BoundedVec::truncate_from(veche_seal::commitments(&poly)),
			proof,
			BoundedVec::truncate_from(shares),
		)
		.unwrap();
	}
	System::set_block_number(c.complain_by);
	Trustees::finalize(RuntimeOrigin::signed(ANYONE), key).unwrap();
	System::set_block_number(start);
	key
}

/// Trustee `i`'s (0-based) secret share of `key`.
pub fn trustee_share(i: usize, key: u32) -> Scalar {
	let context = protocol::ceremony_context(key);
	let index = i as u16 + 1;
	let mut share =
		veche_seal::evaluate(&veche_seal::polynomial(&trustee_seed(i), &context, 2), index);
	for (d, _) in TRUSTEES.iter().enumerate() {
		if d == i {
			continue;
		}
		let dealer = d as u16 + 1;
		let dealt = pallet_veche_trustees::Dealings::<Test>::get(key, dealer).unwrap();
		let theirs = pallet_veche_trustees::CommKeys::<Test>::get(key, dealer).unwrap();
		let dh = veche_seal::diffie_hellman(&comm_secret(i, key), &theirs).unwrap();
		let masked = veche_seal::decode_scalar(&dealt.shares[i]).unwrap();
		share += masked - veche_seal::share_mask(&dh, &context, dealer, index);
	}
	share
}

/// The genesis of the tests: persons 1–13 registered in their towns, every ring built, a ready
/// 2-of-3 trustees' key; the clock at [`START`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	BILLS.with(|b| b.borrow_mut().clear());
	let people = (1..=13u8)
		.map(|i| (tag(i), prover::member(seed(i)), home(i), REGISTRAR))
		.collect();
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		personhood: pallet_veche_personhood::GenesisConfig {
			registrars: vec![(REGISTRAR, vec![COUNTRY, ABROAD])],
			credential_classes: vec![b"Legal".to_vec()],
			examiners: vec![],
			people,
			credentials: vec![],
			min_ring_size: 0,
			pooled: vec![],
			single_registration: true,
		},
		trustees: Default::default(),
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
		run_ceremony();
		System::set_block_number(START);
		System::reset_events();
	});
	ext
}

/// The benchmarks' externalities: an empty genesis with a keystore (profile keys sign there).
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| System::set_block_number(1));
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

/// Runs `test`, then checks the invariants of consultations, trustees and personhood.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Consultations::do_try_state().expect("consultations' invariants hold after the test");
		Trustees::do_try_state().expect("trustees' invariants hold after the test");
		Personhood::do_try_state().expect("personhood's invariants hold after the test");
	});
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Consultations(e) => Some(e),
			_ => None,
		})
		.collect()
}
