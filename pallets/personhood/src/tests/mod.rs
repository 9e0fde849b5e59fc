//! Unit tests of personhood, with real Bandersnatch ring proofs.

use crate::{
	crypto::{prover, Domain11},
	mock::*,
	Config, Credentials, Error, Event, Holding, Keys, OpenRing, PendingBuilds, People, PersonCount,
	PersonStatus, Queues, Registrars, RingMembers, RingRoots,
};

use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight, BoundedVec};

use pallet_veche_primitives::{
	Context, PersonhoodVerifier, ProofError, ProofItem, ProvenAlias, RingRef, RingSet,
	RingSet::Constituency,
};

use sp_runtime::traits::BadOrigin;

fn seed(i: u8) -> [u8; 32] {
	[i; 32]
}

fn key(i: u8) -> [u8; 32] {
	prover::member(seed(i))
}

fn tag(i: u8) -> [u8; 32] {
	let mut t = [0xA0; 32];
	t[0] = i;
	t
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

const CTX: Context = [7; 32];

const REASON: [u8; 32] = [9; 32];

/// Registers person `i` (seed `i`, tag `i`) through `registrar` in `constituency`.
fn register(i: u8, registrar: u64, constituency: u32) {
	assert_ok!(Personhood::register(signed(registrar), tag(i), key(i), constituency));
}

/// Admits the queue of `set` and builds every pending ring to the end.
fn admit_and_build(set: RingSet) {
	assert_ok!(Personhood::admit_cohort(signed(99), set));
	build_all();
}

fn build_all() {
	while let Some((set, index)) = PendingBuilds::<Test>::iter_keys().next() {
		assert_ok!(Personhood::build_ring(signed(99), set, index));
	}
}

/// Verifies against the roll as it stands now.
fn verify_now(
	proof: &[u8],
	ring: &RingRef,
	context: &Context,
	message: &[u8],
) -> Result<ProvenAlias, ProofError> {
	Personhood::verify(proof, ring, crate::RollClock::<Test>::get(), context, message)
}

/// Checks a ring against the roll as it stands now.
fn check_now(ring: &RingRef) -> Result<(), ProofError> {
	Personhood::check_ring(ring, crate::RollClock::<Test>::get())
}

/// The current revision of a ring.
fn current(set: RingSet, index: u32) -> RingRef {
	RingRef { set, index, revision: RingRoots::<Test>::get(set, index).unwrap().revision }
}

/// A proof by person `i` over the ring's members as stored now.
fn prove(i: u8, set: RingSet, index: u32, context: &Context, message: &[u8]) -> Vec<u8> {
	let members = RingMembers::<Test>::get(set, index).unwrap();
	prover::prove::<Domain11>(seed(i), &members, context, message)
		.expect("member of the ring")
		.0
}

/// Units for `accredit_registrar` (at most `MaxRegistrarJurisdictions`).
fn units(v: Vec<u32>) -> BoundedVec<u32, <Test as Config>::MaxRegistrarJurisdictions> {
	BoundedVec::truncate_from(v)
}

/// A credential class name (at most `MaxNameLen`).
fn name(n: &[u8]) -> BoundedVec<u8, <Test as Config>::MaxNameLen> {
	BoundedVec::truncate_from(n.to_vec())
}

/// Whether the bytes of personhood call `index` with these encoded arguments, as any wallet
/// could send them, decode as a call at all.
fn decodes(index: u8, args: impl codec::Encode) -> bool {
	use codec::Decode;
	use frame_support::traits::PalletInfoAccess;
	let mut bytes = vec![Personhood::index() as u8, index];
	args.encode_to(&mut bytes);
	RuntimeCall::decode(&mut &bytes[..]).is_ok()
}

/// `n` persons from seed `from` as a batch in `constituency`, keys ascending.
fn batch(from: u8, n: u8, constituency: u32) -> crate::BatchOf<Test> {
	let mut persons: Vec<_> = (from..from + n).map(|i| (tag(i), key(i), constituency)).collect();
	persons.sort_by_key(|p| p.1);
	frame_support::BoundedVec::truncate_from(persons)
}

mod chunks;
mod cohorts;
mod credentials;
mod invariants;
mod proofs;
mod registrars;
mod registration;
mod rolls;
mod suspension;
mod territories;
