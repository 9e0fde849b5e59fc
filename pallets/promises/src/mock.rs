//! A test runtime for promises. Elections are stood in for by a table of candidacy states that
//! the tests set (the runtime's tests run promises with the real elections pallet).
//!
//! Accounts from 100 are public people (identified) with funds, but 199, who is not identified.
//! Account 1 is governance (accredits auditors), 2 the commission (decides appeals).

use crate::{self as pallet_veche_promises};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureSignedBy;
use pallet_veche_primitives::{
	CandidacyInspect, CandidacyState, ElectionId, IdentityJudge, Mandate,
};
use sp_runtime::{BuildStorage, Perbill};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Promises: pallet_veche_promises,
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

pub const GOVERNANCE: u64 = 1;
pub const COMMISSION: u64 = 2;
pub const CANDIDATE: u64 = 100;
pub const RIVAL: u64 = 101;
pub const AUDITOR: u64 = 110;
pub const OTHER_AUDITOR: u64 = 111;
pub const ANYONE: u64 = 150;
/// A public person without an identity judgement.
pub const UNIDENTIFIED: u64 = 199;
/// The election the tests' candidates stand in.
pub const ELECTION: ElectionId = 7;
pub const DEPOSIT: u64 = 5;
pub const APPEAL_WINDOW: u64 = 20;
pub const MAX_PROMISES: u32 = 4;
pub const MAX_HISTORY: u32 = 8;

thread_local! {
	static CANDIDACIES: RefCell<BTreeMap<(u64, ElectionId), CandidacyState<u64>>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// Sets where `who`'s candidacy in `election` stands.
pub fn set_candidacy(who: u64, election: ElectionId, state: CandidacyState<u64>) {
	CANDIDACIES.with(|c| c.borrow_mut().insert((who, election), state));
}

/// Gives `who` the seat of `election` from now until `until`.
pub fn elect(who: u64, election: ElectionId, until: u64) {
	let since = System::block_number();
	set_candidacy(
		who,
		election,
		CandidacyState::Elected(Mandate { office: 0, since, until, left: None }),
	);
}

/// The elections stand-in.
pub struct TestElections;
impl CandidacyInspect<u64, u64> for TestElections {
	fn candidacy(who: &u64, election: ElectionId) -> CandidacyState<u64> {
		CANDIDACIES
			.with(|c| c.borrow().get(&(*who, election)).copied().unwrap_or(CandidacyState::None))
	}
}

pub struct TestIdentity;
impl IdentityJudge<u64> for TestIdentity {
	fn is_identified(who: &u64) -> bool {
		*who >= 100 && *who != UNIDENTIFIED
	}
}

parameter_types! {
	pub const KeptShare: Perbill = Perbill::from_percent(50);
}

impl pallet_veche_promises::Config for Test {
	type BlockNumberProvider = System;
	type Candidacies = TestElections;
	type Identity = TestIdentity;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AccreditOrigin = EnsureSignedBy<Governance, u64>;
	type AppealOrigin = EnsureSignedBy<Commission, u64>;
	type PromiseDeposit = ConstU64<DEPOSIT>;
	type MaxPromises = ConstU32<MAX_PROMISES>;
	type MaxTitleLen = ConstU32<32>;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type MaxAuditors = ConstU32<2>;
	type AppealWindow = ConstU64<APPEAL_WINDOW>;
	type PromotionMinVerdicts = ConstU32<2>;
	type PromotionKeptShare = KeptShare;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestHelper;
}

frame_support::ord_parameter_types! {
	pub const Governance: u64 = GOVERNANCE;
	pub const Commission: u64 = COMMISSION;
}

/// The benchmarks' candidacies and identities, in the table above.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper<u64, u64> for TestHelper {
	fn identify(_: &u64) {}
	fn nominate(who: &u64) -> ElectionId {
		set_candidacy(*who, ELECTION, CandidacyState::Nominating);
		ELECTION
	}
	fn elect(who: &u64, election: ElectionId) {
		elect(*who, election, u64::MAX);
	}
	fn end(who: &u64, election: ElectionId) {
		set_candidacy(*who, election, CandidacyState::Ended);
	}
}

/// Externalities with funded public people and auditor `AUDITOR` accredited at genesis.
pub fn new_test_ext() -> sp_io::TestExternalities {
	CANDIDACIES.with(|c| c.borrow_mut().clear());
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (100..200).map(|who| (who, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_veche_promises::GenesisConfig::<Test> { auditors: vec![AUDITOR], promises: vec![] }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext: sp_io::TestExternalities = t.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Promises::do_try_state().expect("invariants hold");
	});
}
