//! Juries: bills decided by juries drawn by lot from anonymous volunteers, with the relay chain's
//! BABE randomness; the registry takes their verdicts from the jury's own origin.

use crate::{governance::CommissionOrRoot, BlockNumber, Runtime, RuntimeOrigin};
use cumulus_pallet_parachain_system::{relay_state_snapshot::RelayChainStateProof, OnSystemEvent};
use cumulus_primitives_core::relay_chain::well_known_keys;
use cumulus_primitives_core::PersistedValidationData;
use frame_support::{
	parameter_types,
	traits::{ConstU32, EnsureOriginWithArg},
	weights::Weight,
};
use pallet_veche_primitives::{ActId, BillRegistry, JuryId, OpenBill, VersionIndex};
use sp_runtime::DispatchResult;

parameter_types! {
	/// A pool stays open up to three months.
	pub const MaxPoolPeriod: BlockNumber = 90 * crate::DAYS;
	/// A summoned juror may be given up to two weeks to accept.
	pub const MaxAcceptancePeriod: BlockNumber = 14 * crate::DAYS;
	/// The pool is kept a year after its jury ends, for anyone to recompute the draw.
	pub const JuryRetention: BlockNumber = 365 * crate::DAYS;
}

impl pallet_veche_juries::Config for Runtime {
	/// This parachain's blocks.
	type BlockNumberProvider = crate::System;
	type Personhood = crate::Personhood;
	type Jurisdictions = crate::Jurisdictions;
	/// The jury votes in the ballots engine, with an electorate of its seated jurors' aliases.
	type Polls = crate::Ballots;
	type Bills = ActsForJuries;
	/// The election commission (or a people's referendum, or root) sends bills to juries and
	/// withdraws them.
	type GovernanceOrigin = CommissionOrRoot;
	/// A national jury of a thousand.
	type MaxJurySize = ConstU32<1_000>;
	/// The constituencies of one jurisdiction that volunteers come from.
	type MaxStrata = ConstU32<256>;
	type MaxPoolPeriod = MaxPoolPeriod;
	type MaxAcceptancePeriod = MaxAcceptancePeriod;
	/// A jury deliberates and votes for as long as any poll may run (a month): its vote is a poll.
	type MaxVotingPeriod = <Runtime as pallet_veche_ballots::Config>::MaxVotingPeriod;
	type RetentionPeriod = JuryRetention;
	/// Polkadot's epochs are four hours: 256 of them cover six weeks after a freeze.
	type MaxRecentEpochs = ConstU32<256>;
	type WeightInfo = pallet_veche_juries::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// The registry of acts as juries see it: open bills, and verdicts given with the jury's own
/// origin (which [`JuryOrGovernance`] admits for the bill it names).
pub struct ActsForJuries;
impl BillRegistry for ActsForJuries {
	fn open_bill(act: ActId) -> Option<OpenBill> {
		crate::Acts::open_bill(act)
	}

	fn decide(jury: JuryId, act: ActId, version: VersionIndex, adopt: bool) -> DispatchResult {
		let origin: RuntimeOrigin = pallet_veche_juries::Origin::Jury { jury, act }.into();
		if adopt {
			crate::Acts::adopt(origin, act, version, None)
		} else {
			crate::Acts::reject(origin, act)
		}
	}
}

/// Who decides a draft: the jury holding it, if a jury holds it — nobody else, not even
/// governance, while the jury sits — and otherwise the commission (or a people's referendum, or
/// root).
pub struct JuryOrGovernance;
impl EnsureOriginWithArg<RuntimeOrigin, ActId> for JuryOrGovernance {
	type Success = ();

	fn try_origin(o: RuntimeOrigin, act: &ActId) -> Result<(), RuntimeOrigin> {
		match pallet_veche_juries::JuryOfAct::<Runtime>::get(act) {
			Some(holder) => {
				let jury =
					<pallet_veche_juries::EnsureJury<Runtime> as EnsureOriginWithArg<
						RuntimeOrigin,
						ActId,
					>>::try_origin(o.clone(), act)?;
				if jury == holder {
					Ok(())
				} else {
					Err(o)
				}
			},
			None => <CommissionOrRoot as frame_support::traits::EnsureOrigin<RuntimeOrigin>>::try_origin(o)
				.map(|_| ()),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &ActId) -> Result<RuntimeOrigin, ()> {
		<CommissionOrRoot as frame_support::traits::EnsureOrigin<RuntimeOrigin>>::try_successful_origin()
	}
}

/// Passes the relay chain's epoch and BABE randomness, read from each block's relay state proof,
/// to juries. The collator proves `ONE_EPOCH_AGO_RANDOMNESS` always; `EPOCH_INDEX` because the
/// runtime asks for it (`KeyToIncludeInRelayProof`). A proof lacking either notes nothing.
pub struct JuryRandomness;
impl OnSystemEvent for JuryRandomness {
	fn on_validation_data(_: &PersistedValidationData) {}

	fn on_validation_code_applied() {}

	fn on_relay_state_proof(proof: &RelayChainStateProof) -> Weight {
		let epoch = proof.read_optional_entry::<u64>(well_known_keys::EPOCH_INDEX).ok().flatten();
		let randomness = proof
			.read_optional_entry::<[u8; 32]>(well_known_keys::ONE_EPOCH_AGO_RANDOMNESS)
			.ok()
			.flatten();
		let relay_block = cumulus_pallet_parachain_system::ValidationData::<Runtime>::get()
			.map_or(0, |v| v.relay_parent_number);
		match (epoch, randomness) {
			(Some(epoch), Some(randomness)) => {
				crate::Juries::note_relay_epoch(epoch, randomness, relay_block)
					.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads(1))
			},
			_ => Weight::zero(),
		}
	}
}

/// A bill of a new country's office, and the ballots benchmarks' rings and provers with the
/// juries' fixture proofs.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_veche_juries::benchmarking::BenchmarkHelper for BenchmarkHelper {
	fn bill() -> ActId {
		use pallet_veche_acts::benchmarking::BenchmarkHelper as _;
		let (office, _) = super::acts::BenchmarkHelper::office_with_holders(1);
		let act = pallet_veche_acts::NextAct::<Runtime>::get();
		let text = || frame_support::BoundedVec::truncate_from(b"bench".to_vec());
		let _ = crate::Acts::table(
			RuntimeOrigin::root(),
			office,
			pallet_veche_acts::ActKind::Bill,
			text(),
			[1; 32],
			text(),
		);
		act
	}

	fn prover() -> pallet_veche_juries::benchmarking::BenchProver {
		use pallet_veche_ballots::benchmarking::BenchmarkHelper as _;
		use pallet_veche_juries::fixtures;
		let rings = super::ballots::BenchmarkHelper::rings();
		let enrol = fixtures::domain12_proof(false).unwrap_or_default();
		pallet_veche_juries::benchmarking::BenchProver {
			constituency: rings.constituency,
			credential: rings.credential,
			unit: rings.unit,
			// The benchmark rings' revisions start at roll point 0.
			roll: 0,
			context: fixtures::CONTEXT,
			enrol: enrol.clone(),
			enrol_credential: enrol,
			accept: fixtures::domain12_proof(true).unwrap_or_default(),
		}
	}

	fn set_votes(poll: pallet_veche_primitives::PollId, ayes: u64, nays: u64) {
		let tally = pallet_veche_ballots::Tally {
			ballots: u32::try_from(ayes.saturating_add(nays)).unwrap_or(u32::MAX),
			turnout: ayes.saturating_add(nays),
			options: frame_support::BoundedVec::truncate_from(alloc::vec![ayes, nays]),
		};
		pallet_veche_ballots::Totals::<Runtime>::insert(poll, tally);
	}
}
