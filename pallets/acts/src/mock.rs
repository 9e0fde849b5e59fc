//! A test runtime for the registry of acts: real ML-DSA-65 keys and signatures (`fips204`),
//! the real scheduler and balances; officeholders, the wall clock and the NFT marks stood in for
//! by tables the tests set and read.
//!
//! The tree: country 0 with town 1. Offices: 0 the parliament of the country (3 seats), 1 the
//! mayor of town 1. Account 1 is the registry's governance; account 2 a jury, which decides only
//! the acts the tests send it. Officials are accounts from 100; account 99 anyone.

use crate::{self as pallet_veche_acts, mldsa, ActId, KeyId, PublicKey};
use core::cell::RefCell;
use fips204::{
	ml_dsa_65,
	traits::{KeyGen, SerDes, Signer},
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, EnsureOriginWithArg, EqualPrivilegeOnly},
	weights::Weight,
	BoundedVec, PalletId,
};
use frame_system::{EnsureRoot, EnsureSignedBy, RawOrigin};
use pallet_veche_primitives::{
	DocumentHash, JurisdictionId, JurisdictionInspect, Mandate, MarkActs, OfficeId, Officeholders,
	UnitKind,
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Scheduler: pallet_scheduler,
		Acts: pallet_veche_acts,
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
	type ExistentialDeposit = frame_support::traits::ConstU64<10>;
}

parameter_types! {
	pub MaxSchedulerWeight: Weight = Weight::from_parts(u64::MAX / 2, u64::MAX / 2);
	pub const ActsPalletId: PalletId = PalletId(*b"py/vacts");
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaxSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<u64>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<10>;
	type WeightInfo = ();
	type Preimages = ();
	type BlockNumberProvider = System;
}

pub const GOVERNANCE: u64 = 1;
pub const JURY: u64 = 2;
pub const ANYONE: u64 = 99;
pub const SPEAKER: u64 = 100;
pub const MEMBER: u64 = 101;
pub const MEMBER_2: u64 = 102;
pub const MAYOR: u64 = 110;

pub const COUNTRY: JurisdictionId = 0;
pub const TOWN: JurisdictionId = 1;
pub const PARLIAMENT: OfficeId = 0;
pub const MAYORALTY: OfficeId = 1;

/// 2026-12-04 00:00 UTC, in milliseconds since the Unix epoch.
pub const DEC_2026: u64 = 1_796_342_400_000;
/// 2027-01-01 00:00 UTC.
pub const JAN_2027: u64 = 1_798_761_600_000;

frame_support::ord_parameter_types! {
	pub const Governance: u64 = GOVERNANCE;
}

thread_local! {
	static MANDATES: RefCell<BTreeMap<(OfficeId, u64), Mandate<u64>>> =
		const { RefCell::new(BTreeMap::new()) };
	static NOW_MS: RefCell<u64> = const { RefCell::new(DEC_2026) };
	static JURY_ACTS: RefCell<BTreeSet<ActId>> = const { RefCell::new(BTreeSet::new()) };
	static COLLECTIONS: RefCell<Vec<JurisdictionId>> = const { RefCell::new(Vec::new()) };
	static MARKS: RefCell<BTreeMap<(u32, ActId), Vec<u8>>> = const { RefCell::new(BTreeMap::new()) };
	static MARKING_BROKEN: RefCell<bool> = const { RefCell::new(false) };
}

/// The NFT pallet stood in for: collection `i` is the `i`-th created, for the unit it was
/// created for; marks are kept by `(collection, item)`.
pub struct TestMarks;
impl MarkActs for TestMarks {
	type Collection = u32;
	fn create_collection(unit: JurisdictionId) -> Result<u32, DispatchError> {
		if MARKING_BROKEN.with(|b| *b.borrow()) {
			return Err(DispatchError::Other("the NFT pallet refuses"));
		}
		Ok(COLLECTIONS.with(|c| {
			c.borrow_mut().push(unit);
			c.borrow().len() as u32 - 1
		}))
	}
	fn mark(collection: u32, act: u32, number: &[u8]) -> DispatchResult {
		if MARKING_BROKEN.with(|b| *b.borrow()) {
			return Err(DispatchError::Other("the NFT pallet refuses"));
		}
		MARKS.with(|m| {
			let fresh = m.borrow_mut().insert((collection, act), number.to_vec()).is_none();
			fresh.then_some(()).ok_or(DispatchError::Other("an item minted twice"))
		})
	}
}

/// The units collections were created for, in order.
pub fn collections() -> Vec<JurisdictionId> {
	COLLECTIONS.with(|c| c.borrow().clone())
}

/// The mark of item `act` in `collection`: its number's text.
pub fn mark_of(collection: u32, act: ActId) -> Option<String> {
	MARKS.with(|m| m.borrow().get(&(collection, act)).map(|n| String::from_utf8_lossy(n).into()))
}

/// Makes the NFT stand-in refuse everything.
pub fn break_marking() {
	MARKING_BROKEN.with(|b| *b.borrow_mut() = true);
}

pub struct TestTree;
impl JurisdictionInspect for TestTree {
	fn unit_kind(id: JurisdictionId) -> Option<UnitKind> {
		Some(match id {
			COUNTRY => UnitKind::Country,
			TOWN => UnitKind::Municipality,
			_ => return None,
		})
	}
	fn parent(id: JurisdictionId) -> Option<JurisdictionId> {
		(id == TOWN).then_some(COUNTRY)
	}
	fn is_within(id: JurisdictionId, ancestor: JurisdictionId) -> bool {
		Self::ancestors(id).contains(&ancestor)
	}
	fn office(id: OfficeId) -> Option<(JurisdictionId, u32)> {
		match id {
			PARLIAMENT => Some((COUNTRY, 3)),
			MAYORALTY => Some((TOWN, 1)),
			_ => None,
		}
	}
}

/// Seats `who` in `office` until block `until`.
pub fn seat(office: OfficeId, who: u64, until: u64) {
	MANDATES.with(|m| {
		m.borrow_mut()
			.insert((office, who), Mandate { office, since: 0, until, left: None })
	});
}

/// The elections stand-in: the seats the tests give.
pub struct TestOffices;
impl Officeholders<u64, u64> for TestOffices {
	fn mandate(office: OfficeId, who: &u64) -> Option<Mandate<u64>> {
		let now = System::block_number();
		MANDATES.with(|m| m.borrow().get(&(office, *who)).copied().filter(|m| m.until > now))
	}
	fn record(who: &u64) -> Vec<Mandate<u64>> {
		MANDATES
			.with(|m| m.borrow().iter().filter(|((_, w), _)| w == who).map(|(_, m)| *m).collect())
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
	fn recall(_: OfficeId, _: &u64, _: DocumentHash) -> DispatchResult {
		Ok(())
	}
}

/// Sets the wall clock.
pub fn set_time(ms: u64) {
	NOW_MS.with(|n| *n.borrow_mut() = ms);
}

pub struct TestTime;
impl frame_support::traits::UnixTime for TestTime {
	fn now() -> core::time::Duration {
		core::time::Duration::from_millis(NOW_MS.with(|n| *n.borrow()))
	}
}

/// Sends act `act` to the jury: it may decide it.
pub fn send_to_jury(act: ActId) {
	JURY_ACTS.with(|j| j.borrow_mut().insert(act));
}

/// Governance decides any draft; the jury only those sent to it.
pub struct Deciders;
impl EnsureOriginWithArg<RuntimeOrigin, ActId> for Deciders {
	type Success = ();
	fn try_origin(o: RuntimeOrigin, act: &ActId) -> Result<(), RuntimeOrigin> {
		match o.clone().into() {
			Ok(RawOrigin::Signed(GOVERNANCE)) => Ok(()),
			Ok(RawOrigin::Signed(JURY)) if JURY_ACTS.with(|j| j.borrow().contains(act)) => Ok(()),
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &ActId) -> Result<RuntimeOrigin, ()> {
		Ok(RawOrigin::Signed(GOVERNANCE).into())
	}
}

impl pallet_veche_acts::Config for Test {
	type BlockNumberProvider = System;
	type Time = TestTime;
	type Jurisdictions = TestTree;
	type Officeholders = TestOffices;
	type GovernanceOrigin = EnsureSignedBy<Governance, u64>;
	type AdoptOrigin = Deciders;
	type MaxTitle = ConstU32<128>;
	type MaxLocator = ConstU32<128>;
	type MaxVersions = ConstU32<4>;
	type MaxSigners = ConstU32<3>;
	type MaxKeys = ConstU32<2>;
	type RuntimeCall = RuntimeCall;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type PalletId = ActsPalletId;
	type Marker = TestMarks;
	type MaxPayouts = ConstU32<4>;
	type MaxDeadlines = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// The parliament, with `n` members seated from account 200.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper<u64> for BenchmarkHelper {
	fn office_with_holders(n: u32) -> (OfficeId, Vec<u64>) {
		let holders: Vec<u64> = (0..u64::from(n)).map(|i| 200 + i).collect();
		for who in &holders {
			seat(PARLIAMENT, *who, 1_000);
		}
		(PARLIAMENT, holders)
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	ext_with(Default::default())
}

/// [`new_test_ext`] with this pallet's genesis.
pub fn ext_with(acts: pallet_veche_acts::GenesisConfig<Test>) -> sp_io::TestExternalities {
	MANDATES.with(|m| m.borrow_mut().clear());
	JURY_ACTS.with(|j| j.borrow_mut().clear());
	COLLECTIONS.with(|c| c.borrow_mut().clear());
	MARKS.with(|m| m.borrow_mut().clear());
	MARKING_BROKEN.with(|b| *b.borrow_mut() = false);
	set_time(DEC_2026);
	seat(PARLIAMENT, SPEAKER, 1_000);
	seat(PARLIAMENT, MEMBER, 1_000);
	seat(PARLIAMENT, MEMBER_2, 1_000);
	seat(MAYORALTY, MAYOR, 1_000);
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig {
			balances: vec![(ANYONE, 1_000_000)],
			..Default::default()
		},
		acts,
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Acts::do_try_state().expect("the registry's invariants hold after the test");
	});
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Acts(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// An official's ML-DSA-65 key pair, from a seed.
pub struct Pq {
	pub public: PublicKey,
	secret: ml_dsa_65::PrivateKey,
}

impl Pq {
	pub fn new(seed: u8) -> Self {
		let (public, secret) = ml_dsa_65::KG::keygen_from_seed(&[seed; 32]);
		Pq { public: public.into_bytes(), secret }
	}

	/// Signs `message` with `context` (deterministically).
	pub fn sign(&self, message: &[u8], context: &[u8]) -> BoundedVec<u8, ConstU32<3309>> {
		let signature = self
			.secret
			.try_sign_with_seed(&[0; 32], message, context)
			.expect("a short context");
		BoundedVec::truncate_from(signature.to_vec())
	}

	/// The proof of possession that registers the key for `who` in `office`.
	pub fn proof(&self, who: u64, office: OfficeId) -> BoundedVec<u8, ConstU32<3309>> {
		self.sign(&Acts::key_message(&who, office), mldsa::KEY_CONTEXT)
	}

	/// The signature of `version` of `act`.
	pub fn sign_version(&self, act: ActId, version: u32) -> BoundedVec<u8, ConstU32<3309>> {
		let content =
			crate::Versions::<Test>::get(act, version).expect("the version exists").content;
		self.sign(&Acts::version_message(act, version, &content), mldsa::ACT_CONTEXT)
	}
}

/// Registers `pq` for `who` in `office`; returns its key id.
pub fn register(who: u64, office: OfficeId, pq: &Pq) -> KeyId {
	let key = crate::NextKey::<Test>::get();
	Acts::register_key(
		RuntimeOrigin::signed(who),
		office,
		Box::new(pq.public),
		pq.proof(who, office),
	)
	.expect("registration succeeds");
	key
}

/// A title or locator.
pub fn text<const N: u32>(s: &str) -> BoundedVec<u8, ConstU32<N>> {
	BoundedVec::truncate_from(s.as_bytes().to_vec())
}

/// Runs the chain to block `n`, with the scheduler's agenda serviced at each block.
pub fn run_to(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Scheduler::on_initialize(next);
	}
}

/// Gives `unit`'s account `amount` (from account 99).
pub fn fund_treasury(unit: JurisdictionId, amount: u64) {
	use frame_support::traits::{fungible::Mutate, tokens::Preservation};
	<Balances as Mutate<u64>>::transfer(
		&ANYONE,
		&Acts::treasury(unit),
		amount,
		Preservation::Preserve,
	)
	.expect("account 99 is rich");
}
