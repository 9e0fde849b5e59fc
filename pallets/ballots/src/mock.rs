//! A test runtime for ballots with the real personhood pallet: real Bandersnatch rings (domain
//! 2^11) and real proofs.
//!
//! The tree: country 0 with region 1 (towns 2 and 3) and diaspora constituency 4; country 10 with
//! town 11. Voters 1–4 live in town 2, 5–6 in town 3, 7–8 in the diaspora (4), 9–10 in town 11
//! (outside country 0). Voters 1 and 5 hold credential class 0 ("lawyers"). Account 1 is
//! governance, account 2 the appeal body.

use crate::{self as pallet_veche_ballots};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureSignedBy;
use pallet_veche_personhood::crypto::{self, prover, Domain11};
use pallet_veche_primitives::{
	IdentityJudge, JurisdictionId, JurisdictionInspect, OfficeId, UnitKind,
};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Personhood: pallet_veche_personhood,
		Ballots: pallet_veche_ballots,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const GOVERNANCE: u64 = 1;
pub const APPEALS: u64 = 2;
pub const REGISTRAR: u64 = 10;
pub const EXAMINER: u64 = 13;
pub const ANYONE: u64 = 99;

pub const COUNTRY: JurisdictionId = 0;
pub const REGION: JurisdictionId = 1;
pub const TOWN: JurisdictionId = 2;
pub const OTHER_TOWN: JurisdictionId = 3;
pub const DIASPORA: JurisdictionId = 4;
pub const ABROAD: JurisdictionId = 10;
pub const FOREIGN_TOWN: JurisdictionId = 11;

/// The credential class whose holders vote with more weight in some tests.
pub const LAWYERS: u16 = 0;

/// The constituency of voter `i`.
pub fn home(i: u8) -> JurisdictionId {
	match i {
		1..=4 => TOWN,
		5..=6 => OTHER_TOWN,
		7..=8 => DIASPORA,
		_ => FOREIGN_TOWN,
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
	pub const Appeals: u64 = APPEALS;
}

pub struct EveryoneIdentified;
impl IdentityJudge<u64> for EveryoneIdentified {
	fn is_identified(_: &u64) -> bool {
		true
	}
}

pub struct TestTree;
impl JurisdictionInspect for TestTree {
	fn unit_kind(id: JurisdictionId) -> Option<UnitKind> {
		Some(match id {
			COUNTRY | ABROAD => UnitKind::Country,
			REGION => UnitKind::Region,
			TOWN | OTHER_TOWN | FOREIGN_TOWN => UnitKind::Municipality,
			DIASPORA => UnitKind::DiasporaConstituency,
			_ => return None,
		})
	}
	fn parent(id: JurisdictionId) -> Option<JurisdictionId> {
		match id {
			REGION | DIASPORA => Some(COUNTRY),
			TOWN | OTHER_TOWN => Some(REGION),
			FOREIGN_TOWN => Some(ABROAD),
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
	type RingVrf = crypto::Bandersnatch<Domain11>;
	type Jurisdictions = TestTree;
	type IdentityJudge = EveryoneIdentified;
	type AdminOrigin = EnsureSignedBy<Governance, u64>;
	// Room for the benchmarks' 32 provers.
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
	type BenchmarkHelper = bench::PersonhoodHelper;
}

parameter_types! {
	pub static MaxVotingPeriod: u64 = 100;
}

/// People's referenda for the tests: index → (tally, still being decided).
pub mod referenda {
	use crate::PeopleTally;
	use frame_support::{
		pallet_prelude::DispatchError,
		traits::{PollStatus, Polling},
	};
	use std::{cell::RefCell, collections::BTreeMap};

	std::thread_local! {
		pub static REFERENDA: RefCell<BTreeMap<u32, (PeopleTally, bool)>> = const { RefCell::new(BTreeMap::new()) };
	}

	/// Starts referendum `index`.
	pub fn start(index: u32) {
		REFERENDA.with(|r| r.borrow_mut().insert(index, (PeopleTally::default(), true)));
	}

	/// Decides referendum `index`: no more ballots count.
	pub fn decide(index: u32) {
		REFERENDA.with(|r| {
			if let Some(entry) = r.borrow_mut().get_mut(&index) {
				entry.1 = false;
			}
		});
	}

	/// The tally of referendum `index`.
	pub fn tally(index: u32) -> Option<PeopleTally> {
		REFERENDA.with(|r| r.borrow().get(&index).map(|(t, _)| *t))
	}

	pub struct TestReferenda;
	impl Polling<PeopleTally> for TestReferenda {
		type Index = u32;
		type Votes = u64;
		type Class = u16;
		type Moment = u64;

		fn classes() -> Vec<u16> {
			vec![0]
		}

		fn as_ongoing(index: u32) -> Option<(PeopleTally, u16)> {
			REFERENDA.with(|r| r.borrow().get(&index).filter(|(_, on)| *on).map(|(t, _)| (*t, 0)))
		}

		fn access_poll<R>(
			index: u32,
			f: impl FnOnce(PollStatus<&mut PeopleTally, u64, u16>) -> R,
		) -> R {
			REFERENDA.with(|r| match r.borrow_mut().get_mut(&index) {
				Some((t, true)) => f(PollStatus::Ongoing(t, 0)),
				Some((_, false)) => f(PollStatus::Completed(0, true)),
				None => f(PollStatus::None),
			})
		}

		fn try_access_poll<R>(
			index: u32,
			f: impl FnOnce(PollStatus<&mut PeopleTally, u64, u16>) -> Result<R, DispatchError>,
		) -> Result<R, DispatchError> {
			Self::access_poll(index, f)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn create_ongoing(_: u16) -> Result<u32, ()> {
			let index = REFERENDA.with(|r| r.borrow().len() as u32);
			start(index);
			Ok(index)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn end_ongoing(index: u32, _: bool) -> Result<(), ()> {
			decide(index);
			Ok(())
		}
	}
}

impl pallet_veche_ballots::Config for Test {
	type BlockNumberProvider = System;
	type Personhood = Personhood;
	type Jurisdictions = TestTree;
	type CreateOrigin = EnsureSignedBy<Governance, u64>;
	type AppealOrigin = EnsureSignedBy<Appeals, u64>;
	type MaxVotingPeriod = MaxVotingPeriod;
	type AppealPeriod = ConstU64<10>;
	type RetentionPeriod = ConstU64<20>;
	type RevoteCooldown = ConstU64<2>;
	type MaxBallotsPerBlock = ConstU32<32>;
	type BallotPriority = ConstU64<1_000>;
	type Referenda = referenda::TestReferenda;
	type AliasLists = TestLists;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = bench::BallotsHelper;
}

use frame_support::traits::ConstU64;

thread_local! {
	static LISTS: core::cell::RefCell<std::collections::BTreeSet<(u32, pallet_veche_primitives::Alias)>> =
		const { core::cell::RefCell::new(std::collections::BTreeSet::new()) };
}

/// Puts `alias` on list `list` (a jury's seated jurors, as the tests seat them).
pub fn put_on_list(list: u32, alias: pallet_veche_primitives::Alias) {
	LISTS.with(|l| l.borrow_mut().insert((list, alias)));
}

/// The alias lists the tests keep.
pub struct TestLists;
impl pallet_veche_primitives::AliasLists for TestLists {
	fn contains(list: u32, alias: &pallet_veche_primitives::Alias) -> bool {
		LISTS.with(|l| l.borrow().contains(&(list, *alias)))
	}
}

/// The benchmarks' rings and proofs, made with the prover.
#[cfg(feature = "runtime-benchmarks")]
pub mod bench {
	use super::*;
	use crate::{benchmarking::BenchRings, fixtures};
	use pallet_veche_personhood::{crypto::RingVrf, Member, RingMembers, RingRoot, RingRoots};
	use pallet_veche_primitives::{RingRef, RingSet};

	pub struct PersonhoodHelper;
	impl pallet_veche_personhood::benchmarking::BenchmarkHelper<u64> for PersonhoodHelper {
		fn identify(_: &u64) {}
		fn deep_constituency() -> (JurisdictionId, JurisdictionId) {
			(TOWN, COUNTRY)
		}
		fn units(n: u32) -> Vec<JurisdictionId> {
			// Units none of which lies within another, as an electorate needs.
			[TOWN, OTHER_TOWN, DIASPORA, FOREIGN_TOWN]
				.into_iter()
				.take(n as usize)
				.collect()
		}
		fn hold_roll(roll: u32) {
			crate::LiveRolls::<Test>::insert(roll.to_be_bytes(), 1);
		}
	}

	fn members() -> Vec<Member> {
		let mut m: Vec<Member> =
			(0..fixtures::PROVERS).map(|i| prover::member(fixtures::seed(i))).collect();
		m.sort();
		m
	}

	std::thread_local! {
		static PROOFS: std::cell::RefCell<std::collections::BTreeMap<bool, Vec<Vec<u8>>>> =
			const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
	}

	pub struct BallotsHelper;
	impl crate::benchmarking::BenchmarkHelper for BallotsHelper {
		fn rings() -> BenchRings {
			type V = crypto::Bandersnatch<Domain11>;
			let members = members();
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
					RingRoot { commitment, revision: 7, members: fixtures::PROVERS, from: 0 },
				);
			}
			BenchRings {
				constituency: RingRef { set: sets[0], index: 0, revision: 7 },
				credential: RingRef { set: sets[1], index: 0, revision: 7 },
				unit: COUNTRY,
			}
		}
		fn proof(i: u32, shape: fixtures::Shape) -> Vec<u8> {
			PROOFS.with(|cache| {
				let mut cache = cache.borrow_mut();
				let proofs = cache.entry(shape == fixtures::Shape::Rating).or_insert_with(|| {
					let members = members();
					(0..fixtures::PROVERS)
						.map(|p| {
							prover::prove::<Domain11>(
								fixtures::seed(p),
								&members,
								&fixtures::CONTEXT,
								&fixtures::message(shape),
							)
							.unwrap()
							.0
						})
						.collect()
				});
				proofs[i as usize].clone()
			})
		}
		fn units(n: u32) -> Vec<JurisdictionId> {
			<PersonhoodHelper as pallet_veche_personhood::benchmarking::BenchmarkHelper<u64>>::units(
				n,
			)
		}
	}
}

/// The genesis of the tests: voters 1–10 registered in their constituencies, voters 1 and 5
/// holding the "lawyers" credential, the static chunks uploaded and every ring built.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let people = (1..=10u8)
		.map(|i| (tag(i), prover::member(seed(i)), home(i), REGISTRAR))
		.collect();
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		personhood: pallet_veche_personhood::GenesisConfig {
			registrars: vec![(REGISTRAR, vec![COUNTRY, ABROAD])],
			credential_classes: vec![b"lawyers".to_vec()],
			examiners: vec![(LAWYERS, EXAMINER)],
			people,
			credentials: vec![
				(LAWYERS, prover::member(seed(1))),
				(LAWYERS, prover::member(seed(5))),
			],
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
		for (page, chunks) in Personhood::chunk_pages().into_iter().enumerate() {
			Personhood::upload_chunks(RuntimeOrigin::signed(ANYONE), page as u32, chunks).unwrap();
		}
		while let Some((set, index)) =
			pallet_veche_personhood::PendingBuilds::<Test>::iter_keys().next()
		{
			Personhood::build_ring(RuntimeOrigin::signed(ANYONE), set, index).unwrap();
		}
		System::reset_events();
		referenda::REFERENDA.with(|r| r.borrow_mut().clear());
	});
	ext
}

/// Runs `test`, then checks every invariant of the pallet.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Ballots::do_try_state().expect("invariants hold after the test");
		Personhood::do_try_state().expect("personhood's invariants hold after the test");
	});
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Ballots(e) => Some(e),
			_ => None,
		})
		.collect()
}
