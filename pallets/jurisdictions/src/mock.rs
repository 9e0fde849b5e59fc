//! A test runtime with the jurisdiction tree; account 1 is the administrator.

use crate as pallet_veche_jurisdictions;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureSignedBy;
use pallet_veche_primitives::{JurisdictionId, JurisdictionUsage, OfficeId};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Jurisdictions: pallet_veche_jurisdictions,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The account allowed to change the tree.
pub const ADMIN: u64 = 1;

parameter_types! {
	pub const Admin: u64 = ADMIN;
	pub static UnitsInUse: Vec<JurisdictionId> = Vec::new();
	pub static OfficesInUse: Vec<OfficeId> = Vec::new();
}

frame_support::ord_parameter_types! {
	pub const AdminAccount: u64 = ADMIN;
}

/// Usage as the tests set it through `UnitsInUse` / `OfficesInUse`.
pub struct TestUsage;
impl JurisdictionUsage for TestUsage {
	fn unit_in_use(id: JurisdictionId) -> bool {
		UnitsInUse::get().contains(&id)
	}
	fn office_in_use(id: OfficeId) -> bool {
		OfficesInUse::get().contains(&id)
	}
}

impl pallet_veche_jurisdictions::Config for Test {
	type AdminOrigin = EnsureSignedBy<AdminAccount, u64>;
	type Usage = TestUsage;
	type MaxNameLen = ConstU32<16>;
	type MaxChildren = ConstU32<3>;
	type MaxOfficesPerUnit = ConstU32<2>;
	type MaxSeats = ConstU32<450>;
	type WeightInfo = ();
}

/// An empty tree.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on an empty tree, then checks every invariant of the pallet.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Jurisdictions::do_try_state().expect("invariants hold after the test");
	});
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Jurisdictions(e) => Some(e),
			_ => None,
		})
		.collect()
}
