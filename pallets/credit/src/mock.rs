//! A test runtime where every account but `STRANGER` is identified.
//!
//! Account 1 is the founder and administrator of the tests' currencies; members hold no native
//! token.

use crate as pallet_veche_credit;
use crate::{demurrage::MILLIS_PER_YEAR, CurrencyParams, Moment};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_veche_primitives::{CurrencyId, IdentityJudge};
use sp_runtime::{BuildStorage, FixedU128, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Credit: pallet_veche_credit,
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
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

/// Everybody but [`STRANGER`] is identified by a registrar.
pub struct TestJudge;
impl IdentityJudge<u64> for TestJudge {
	fn is_identified(who: &u64) -> bool {
		*who != STRANGER
	}
}

pub const ADMIN: u64 = 1;
pub const ALICE: u64 = 2;
pub const BOB: u64 = 3;
pub const DAVE: u64 = 4;
pub const CHARLIE: u64 = 5;
pub const EVE: u64 = 6;
pub const FERDIE: u64 = 7;
/// The funds of the two test currencies.
pub const FUND_A: u64 = 90;
pub const FUND_B: u64 = 91;
/// Not identified.
pub const STRANGER: u64 = 100;

/// The first moment of the tests (2023-11-14).
pub const START: Moment = 1_700_000_000_000;
pub const YEAR: Moment = MILLIS_PER_YEAR;
pub const DAY: Moment = 86_400_000;
/// Fine units per smallest unit.
pub const FINE: u128 = crate::FINE_PER_UNIT;

parameter_types! {
	pub const CreditPalletId: PalletId = PalletId(*b"py/vcred");
	pub static FeelessPerWindow: u32 = 3;
	pub static FeelessBytesPerWindow: u32 = 1_000;
}

impl pallet_veche_credit::Config for Test {
	type BlockNumberProvider = System;
	type GovernanceOrigin = EnsureRoot<u64>;
	type IdentityJudge = TestJudge;
	type NativeBalance = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CurrencyDeposit = ConstU64<100>;
	type Time = Timestamp;
	type PalletId = CreditPalletId;
	type MaxAdmins = ConstU32<3>;
	type MaxMembers = ConstU32<6>;
	type MaxNameLen = ConstU32<32>;
	type MaxSymbolLen = ConstU32<8>;
	type MaxNotice = ConstU64<{ 30 * DAY }>;
	type FeelessWindow = ConstU64<10>;
	type FeelessPerWindow = FeelessPerWindow;
	type FeelessBytesPerWindow = FeelessBytesPerWindow;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

/// Everybody is identified already; the clock is the timestamp pallet's.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper<u64> for MockHelper {
	fn identify(_: &u64) {}
	fn set_time(now: Moment) {
		pallet_timestamp::Now::<Test>::put(now);
	}
}

/// The Birchwood hour: two decimals, 10 % a year, 500.00 of credit by default, one day's notice.
pub fn birchwood() -> CurrencyParams<u64> {
	CurrencyParams {
		name: b"Birchwood hour".to_vec(),
		symbol: b"BWH".to_vec(),
		decimals: 2,
		demurrage: Perbill::from_percent(10),
		default_limit: 500_00,
		fund: FUND_A,
		value: FixedU128::from_u32(20),
		notice: DAY,
		admins: vec![ADMIN],
	}
}

/// The Novgorod grivna: three decimals, 5 % a year, 200.000 of credit, two days' notice; worth
/// 5 in the reference unit where a Birchwood hour is worth 20.
pub fn novgorod() -> CurrencyParams<u64> {
	CurrencyParams {
		name: b"Novgorod grivna".to_vec(),
		symbol: b"NVG".to_vec(),
		decimals: 3,
		demurrage: Perbill::from_percent(5),
		default_limit: 200_000,
		fund: FUND_B,
		value: FixedU128::from_u32(5),
		notice: 2 * DAY,
		admins: vec![DAVE],
	}
}

pub const BWH: CurrencyId = 0;
pub const NVG: CurrencyId = 1;

/// The founder (1) holds 1,000 native tokens; nobody else holds any.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> { balances: vec![(ADMIN, 1_000)], ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Credit::do_try_state().expect("invariants hold after the test");
	});
}

/// Both test currencies, governance-created: Alice and Bob in Birchwood, Charlie and Eve in
/// Novgorod, and no credit lines.
pub fn two_communities() {
	assert_ok!(Credit::create_currency(RuntimeOrigin::root(), call_params(birchwood())));
	assert_ok!(Credit::create_currency(RuntimeOrigin::root(), call_params(novgorod())));
	for who in [ALICE, BOB] {
		assert_ok!(Credit::admit(RuntimeOrigin::signed(ADMIN), BWH, who, None));
	}
	for who in [CHARLIE, EVE] {
		assert_ok!(Credit::admit(RuntimeOrigin::signed(DAVE), NVG, who, None));
	}
}

/// Moves the clock `ms` forward (and the block number by one).
pub fn advance(ms: Moment) {
	System::set_block_number(System::block_number() + 1);
	Timestamp::set_timestamp(now() + ms);
}

/// The chain's time.
pub fn now() -> Moment {
	pallet_timestamp::Now::<Test>::get()
}

/// The events of this pallet so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Credit(e) = r.event { Some(e) } else { None })
		.collect()
}

/// The stored account of `who` in `currency`.
pub fn account(currency: CurrencyId, who: u64) -> crate::AccountOf<Test> {
	crate::Accounts::<Test>::get(currency, who).expect("account exists")
}

/// Parameters as `create_currency` takes them (accounts are their own addresses here; lists are
/// cut to their bounds, so tests of over-long lists encode the stored form instead).
pub fn call_params(p: CurrencyParams<u64>) -> crate::NewCurrencyOf<Test> {
	crate::call_form::<Test>(p)
}
