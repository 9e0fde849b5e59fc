//! A test runtime for trustees: governance is account 100; trustees are accounts 1–5, whose
//! seeds are `[i; 32]`. Each phase lasts [`PHASE`] blocks.

use crate::{self as pallet_veche_trustees};
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureSignedBy;
use sp_runtime::BuildStorage;
use veche_seal::{protocol, Dleq, PointBytes, Scalar, ScalarBytes};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Trustees: pallet_veche_trustees,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const GOVERNANCE: u64 = 100;
pub const ANYONE: u64 = 99;
pub const PHASE: u64 = 10;

frame_support::ord_parameter_types! {
	pub const Governance: u64 = GOVERNANCE;
}

impl crate::Config for Test {
	type BlockNumberProvider = System;
	type GovernanceOrigin = EnsureSignedBy<Governance, u64>;
	type MaxTrustees = ConstU32<5>;
	type MinPhase = frame_support::traits::ConstU64<2>;
	type MaxPhase = frame_support::traits::ConstU64<100>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Trustees::do_try_state().expect("trustees' invariants hold after the test");
	});
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Trustees(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn seed(i: u64) -> [u8; 32] {
	[i as u8; 32]
}

/// Trustee `i`'s communication secret for `key`.
pub fn comm_secret(i: u64, key: u32) -> Scalar {
	veche_seal::secret_scalar(&seed(i), b"comm", &protocol::ceremony_context(key))
}

/// Trustee `i`'s communication key (at index `index`) and its proof.
pub fn comm_key(i: u64, key: u32, index: u16) -> (PointBytes, Dleq) {
	let x = comm_secret(i, key);
	(veche_seal::public_key(&x), veche_seal::pok_prove(&x, &protocol::register_binding(key, index)))
}

/// Trustee `i`'s polynomial for `key`.
pub fn poly(i: u64, key: u32, threshold: u16) -> Vec<Scalar> {
	veche_seal::polynomial(&seed(i), &protocol::ceremony_context(key), threshold)
}

/// Trustee `i`'s (index `index`) dealing for `key` to trustees `1..=n`: its commitments, proof
/// and masked shares (its own and an unregistered recipient's share are zero).
pub fn dealing(
	i: u64,
	index: u16,
	key: u32,
	threshold: u16,
	n: u16,
) -> (Vec<PointBytes>, Dleq, Vec<ScalarBytes>) {
	let coefficients = poly(i, key, threshold);
	let context = protocol::ceremony_context(key);
	let shares = (1..=n)
		.map(|j| match crate::CommKeys::<Test>::get(key, j) {
			Some(their) if j != index => {
				let dh = veche_seal::diffie_hellman(&comm_secret(i, key), &their).unwrap();
				let mask = veche_seal::share_mask(&dh, &context, index, j);
				veche_seal::encode_scalar(&(veche_seal::evaluate(&coefficients, j) + mask))
			},
			_ => [0u8; 32],
		})
		.collect();
	let proof =
		veche_seal::pok_prove(coefficients.first().unwrap(), &protocol::deal_binding(key, index));
	(veche_seal::commitments(&coefficients), proof, shares)
}

/// Trustee `i`'s (index `index`) secret share of `key` from the qualified dealers `(index,
/// account)`, unmasking what they dealt it.
pub fn secret_share(i: u64, index: u16, key: u32, dealers: &[(u16, u64)]) -> Scalar {
	let context = protocol::ceremony_context(key);
	let mut share = Scalar::from(0u64);
	for &(d, account) in dealers {
		let dealt = crate::Dealings::<Test>::get(key, d).unwrap();
		if d == index {
			let threshold = dealt.commitments.len() as u16;
			share += veche_seal::evaluate(&poly(account, key, threshold), index);
			continue;
		}
		let their = crate::CommKeys::<Test>::get(key, d).unwrap();
		let dh = veche_seal::diffie_hellman(&comm_secret(i, key), &their).unwrap();
		let masked = veche_seal::decode_scalar(&dealt.shares[usize::from(index) - 1]).unwrap();
		share += masked - veche_seal::share_mask(&dh, &context, d, index);
	}
	share
}
