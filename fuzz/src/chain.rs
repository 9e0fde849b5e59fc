//! A Veche chain in memory, built block by block through `Executive` as a collator builds it, with
//! every block's storage proof recorded.

use codec::Encode;
use cumulus_primitives_core::PersistedValidationData;
use cumulus_primitives_parachain_inherent::ParachainInherentData;
use cumulus_test_relay_sproof_builder::RelayStateSproofBuilder;
use frame_support::inherent::ProvideInherent;
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{TryState, TryStateSelect},
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::H256;
use sp_inherents::InherentData;
use sp_runtime::{
	traits::{BlakeTwo256, Hash as _, Header as _},
	transaction_validity::TransactionSource,
	BuildStorage, Digest, DigestItem,
};
use sp_trie::{proof_size_extension::ProofSizeExt, recorder::Recorder};
use veche_indexer::Index;
use veche_runtime::{
	AllPalletsWithSystem, Executive, Header, ParachainSystem, Runtime, RuntimeCall,
	UncheckedExtrinsic, SLOT_DURATION,
};

/// An extrinsic to offer, with a label for the report (`Pallet.call` and the origin kind).
pub struct Offered {
	/// The extrinsic.
	pub xt: UncheckedExtrinsic,
	/// What it is, for the report.
	pub label: String,
}

/// What became of an offered extrinsic.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
	/// Included and dispatched without error.
	Ok,
	/// Included; the call returned this error.
	Failed(String),
	/// Refused before dispatch (an invalid transaction); nothing changed.
	Invalid(String),
}

impl Outcome {
	/// The outcome in one word, with the error.
	pub fn short(&self) -> String {
		match self {
			Outcome::Ok => "ok".into(),
			Outcome::Failed(e) => format!("failed:{e}"),
			Outcome::Invalid(e) => format!("invalid:{e}"),
		}
	}
}

/// One extrinsic's measurements.
#[derive(Debug, Clone)]
pub struct Measured {
	/// Its label.
	pub label: String,
	/// What became of it.
	pub outcome: Outcome,
	/// Proof size declared before dispatch: the weight's `proof_size` plus the length.
	pub declared_proof: u64,
	/// Storage proof recorded while it was applied, bytes.
	pub recorded_proof: u64,
	/// `ref_time` charged after refunds, picoseconds (0 for an invalid transaction: it is not
	/// included, nothing is charged).
	pub charged_time: u64,
	/// Native execution time, picoseconds.
	pub native_time: u64,
}

impl Measured {
	/// Recorded over declared proof size.
	pub fn proof_ratio(&self) -> f64 {
		self.recorded_proof as f64 / self.declared_proof.max(1) as f64
	}

	/// Native time over charged `ref_time`; 0 for an invalid transaction (see [`Self::included`]).
	pub fn time_ratio(&self) -> f64 {
		if !self.included() {
			return 0.0;
		}
		self.native_time as f64 / self.charged_time.max(1) as f64
	}

	/// Whether the block includes it: an invalid transaction is dropped by the block builder,
	/// charged nothing, and has no charge its time could overrun.
	pub fn included(&self) -> bool {
		!matches!(self.outcome, Outcome::Invalid(_))
	}
}

/// One block's measurements.
#[derive(Debug, Clone)]
pub struct BlockReport {
	/// Its number.
	pub number: u32,
	/// The offered extrinsics (not the inherents).
	pub extrinsics: Vec<Measured>,
	/// The block's whole storage proof, bytes.
	pub proof_size: u64,
	/// The proof size the block charged (all classes), bytes.
	pub charged_proof: u64,
}

/// Why a block failed the checks.
#[derive(Debug)]
pub enum Failure {
	/// A pallet's `try_state` failed.
	TryState(String),
	/// An extrinsic recorded more proof than it declared.
	ProofOverrun { label: String, declared: u64, recorded: u64 },
	/// The block recorded more proof than it charged plus the housekeeping allowance.
	BlockProofOverrun { charged: u64, allowance: u64, recorded: u64 },
	/// An extrinsic ran longer natively than its charged `ref_time` (optimised builds).
	TimeOverrun { label: String, charged_ps: u64, native_ps: u64 },
	/// An inherent was refused.
	Inherent(String),
	/// The state rebuilt from the events (by `veche-indexer`) differs from storage, or an event
	/// cannot follow from the state rebuilt so far: an event is missing or says too little.
	Replay(String),
}

impl core::fmt::Display for Failure {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Failure::TryState(e) => write!(f, "try_state failed: {e}"),
			Failure::ProofOverrun { label, declared, recorded } => {
				write!(f, "{label} recorded {recorded} bytes of proof, declared {declared}")
			},
			Failure::BlockProofOverrun { charged, allowance, recorded } => write!(
				f,
				"the block recorded {recorded} bytes of proof, charged {charged} + allowance {allowance}"
			),
			Failure::TimeOverrun { label, charged_ps, native_ps } => {
				write!(f, "{label} ran {native_ps} ps natively, charged {charged_ps} ps")
			},
			Failure::Inherent(e) => write!(f, "an inherent was refused: {e}"),
			Failure::Replay(e) => write!(f, "the events do not rebuild the state: {e}"),
		}
	}
}

/// The chain: its state and the head of its last block.
pub struct Chain {
	ext: sp_io::TestExternalities,
	parent_head: Vec<u8>,
	number: u32,
	allowance: u64,
	index: Index,
}

impl Chain {
	/// The genesis of the `development` preset (the dev chain's).
	pub fn development() -> Self {
		let config = veche_runtime::genesis_config_presets::preset_config(
			sp_genesis_builder::DEV_RUNTIME_PRESET,
		)
		.expect("the development preset builds");
		let mut ext: sp_io::TestExternalities =
			config.build_storage().expect("the genesis builds").into();
		let genesis = Header::new(0, H256::zero(), H256::zero(), H256::zero(), Digest::default());
		// The indexer starts from the genesis state, as an explorer does, and follows events.
		let index = ext.execute_with(Index::from_storage);
		Chain { ext, parent_head: genesis.encode(), number: 0, allowance: u64::MAX, index }
	}

	/// The number of the last block built.
	pub fn number(&self) -> u32 {
		self.number
	}

	/// Sets how much proof a block may record beyond what it charged (its housekeeping: the
	/// system's own reads, inherents' unmetered parts).
	pub fn set_housekeeping_allowance(&mut self, bytes: u64) {
		// Housekeeping varies a little with the block's contents (events, the extrinsic count):
		// a quarter more than the empty block's, and at least 2 KiB.
		self.allowance = bytes.saturating_add((bytes / 4).max(2048));
	}

	/// The state rebuilt from the events of every block so far.
	pub fn index(&self) -> &Index {
		&self.index
	}

	/// Runs `f` with the chain's state (reads and writes are kept; nothing is recorded).
	pub fn with_state<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}

	/// Builds the next block from `offered` and checks it.
	pub fn build_block(&mut self, offered: Vec<Offered>) -> Result<BlockReport, Failure> {
		self.ext.commit_all().expect("the overlay commits");
		let number = self.number + 1;
		let recorder: Recorder<sp_core::Blake2Hasher> = Default::default();
		self.ext.extensions.register(ProofSizeExt::new(recorder.clone()));
		let parent_head = self.parent_head.clone();
		let probe = recorder.clone();
		let (header, measured, charged_proof) =
			self.ext.execute_with_recorder(recorder.clone(), || -> Result<_, Failure> {
				let slot = u64::from(number);
				let parent_hash = BlakeTwo256::hash(&parent_head);
				let digest = Digest {
					logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())],
				};
				let header = Header::new(number, H256::zero(), H256::zero(), parent_hash, digest);
				Executive::initialize_block(&header);
				for inherent in inherents(number, slot, parent_head) {
					let r = Executive::apply_extrinsic(inherent);
					if !matches!(r, Ok(Ok(()))) {
						return Err(Failure::Inherent(format!("{r:?}")));
					}
				}
				let mut measured = Vec::with_capacity(offered.len());
				for Offered { xt, label } in offered {
					measured.push(apply(xt, label, &probe));
				}
				let header = Executive::finalize_block();
				let charged = frame_system::BlockWeight::<Runtime>::get().total().proof_size();
				Ok((header, measured, charged))
			})?;
		let proof_size = recorder.estimate_encoded_size() as u64;
		self.number = number;
		self.parent_head = header.encode();
		// The checks.
		for m in &measured {
			if m.recorded_proof > m.declared_proof {
				return Err(Failure::ProofOverrun {
					label: m.label.clone(),
					declared: m.declared_proof,
					recorded: m.recorded_proof,
				});
			}
			if !cfg!(debug_assertions) && m.included() && m.native_time > m.charged_time {
				return Err(Failure::TimeOverrun {
					label: m.label.clone(),
					charged_ps: m.charged_time,
					native_ps: m.native_time,
				});
			}
		}
		if proof_size > charged_proof.saturating_add(self.allowance) {
			return Err(Failure::BlockProofOverrun {
				charged: charged_proof,
				allowance: self.allowance,
				recorded: proof_size,
			});
		}
		self.ext.execute_with(|| {
			AllPalletsWithSystem::try_state(number, TryStateSelect::All).map_err(|_| {
				// The combined check only says that something failed: name each pallet whose
				// own check fails, with its message.
				use frame_support::traits::PalletsInfoAccess;
				let failed: Vec<String> = AllPalletsWithSystem::infos()
					.iter()
					.filter_map(|info| {
						let only = TryStateSelect::Only(vec![info.name.as_bytes().to_vec()]);
						AllPalletsWithSystem::try_state(number, only)
							.err()
							.map(|e| format!("{}: {e:?}", info.name))
					})
					.collect();
				Failure::TryState(failed.join("; "))
			})
		})?;
		// The block's events replayed onto the indexer's state must give the stored state.
		let (events, stored) = self.ext.execute_with(|| {
			let events: Vec<_> = frame_system::Pallet::<Runtime>::read_events_no_consensus()
				.map(|record| record.event)
				.collect();
			(events, Index::from_storage())
		});
		self.index.apply_block(number, events.iter()).map_err(Failure::Replay)?;
		let differences = self.index.diff(&stored);
		if !differences.is_empty() {
			return Err(Failure::Replay(format!(
				"{} differences after block {number}:\n{}",
				differences.len(),
				differences.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
			)));
		}
		Ok(BlockReport { number, extrinsics: measured, proof_size, charged_proof })
	}
}

/// Validates `xt` as the pool would (rolled back), then applies it as a block builder does (an
/// invalid transaction is rolled back and left out), measuring its proof and time.
fn apply(
	xt: UncheckedExtrinsic,
	label: String,
	recorder: &Recorder<sp_core::Blake2Hasher>,
) -> Measured {
	let len = xt.encoded_size() as u64;
	let info = xt.get_dispatch_info();
	let declared_proof = info.total_weight().proof_size().saturating_add(len);
	// The pool's view: must never panic, whatever it says.
	sp_io::storage::start_transaction();
	let parent = frame_system::Pallet::<Runtime>::parent_hash();
	let _ = Executive::validate_transaction(TransactionSource::External, xt.clone(), parent);
	sp_io::storage::rollback_transaction();
	let events_before = frame_system::Pallet::<Runtime>::event_count();
	let before = recorder.estimate_encoded_size() as u64;
	// Applied in a storage transaction, timed; an apparent overrun of the charged time is
	// measured again from the same state (rolled back: the same work) up to twice more, and the
	// least time kept, so that a moment without the core (a busy machine, a virtual CPU's stolen
	// time) is not taken for an underweight call.
	// What the block was charged for it: its extrinsic weight after refunds, as the system
	// pallet noted it (`ExtrinsicSuccess`/`ExtrinsicFailed` carry the final dispatch info).
	let mut native_time = u64::MAX;
	let mut attempts = 0;
	let (result, charged_time) = loop {
		attempts += 1;
		sp_io::storage::start_transaction();
		let started = thread_cpu_ps();
		let result = Executive::apply_extrinsic(xt.clone());
		native_time = native_time.min(thread_cpu_ps().saturating_sub(started));
		let charged = last_extrinsic_weight().unwrap_or(info.total_weight().ref_time());
		if result.is_err() || native_time <= charged || attempts == 3 {
			break (result, charged);
		}
		sp_io::storage::rollback_transaction();
	};
	let outcome = match &result {
		// A governance call succeeds as `Sudo.sudo` whatever the call it carries did: its
		// `Sudid` event tells.
		Ok(Ok(())) => match sudo_result(events_before) {
			Some(Err(e)) => Outcome::Failed(error_name(&e)),
			_ => Outcome::Ok,
		},
		Ok(Err(e)) => Outcome::Failed(error_name(e)),
		Err(e) => Outcome::Invalid(validity_error(&xt.function, e)),
	};
	if result.is_err() {
		sp_io::storage::rollback_transaction();
	} else {
		sp_io::storage::commit_transaction();
	}
	let recorded_proof = (recorder.estimate_encoded_size() as u64).saturating_sub(before);
	// An invalid transaction deposits no `ExtrinsicSuccess`/`ExtrinsicFailed`: the last such
	// event is an earlier extrinsic's, whose weight it must not be compared with (seed 1, block
	// 222 once took a refused enrolment's 0.34 ms for an overrun of an earlier extrinsic's 0.26 ms).
	let charged_time = if result.is_err() { 0 } else { charged_time };
	Measured { label, outcome, declared_proof, recorded_proof, charged_time, native_time }
}

/// The result of the call a `Sudo.sudo` carried, from a `Sudid` event after the first `skip`.
fn sudo_result(skip: u32) -> Option<sp_runtime::DispatchResult> {
	frame_system::Pallet::<Runtime>::read_events_no_consensus()
		.skip(skip as usize)
		.find_map(|record| match record.event {
			veche_runtime::RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result }) => {
				Some(sudo_result)
			},
			_ => None,
		})
}

/// The `ref_time` the last applied extrinsic was charged, from its `ExtrinsicSuccess` or
/// `ExtrinsicFailed` event.
fn last_extrinsic_weight() -> Option<u64> {
	let events: Vec<_> = frame_system::Pallet::<Runtime>::read_events_no_consensus().collect();
	events.into_iter().rev().find_map(|record| match &record.event {
		veche_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess {
			dispatch_info,
		})
		| veche_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
			dispatch_info,
			..
		}) => Some(dispatch_info.weight.ref_time()),
		_ => None,
	})
}

/// A refusal by name: an authorized call's `Custom` code is the index of its pallet's error
/// (a ballot's, a rating period's, a recall step's).
fn validity_error(
	call: &veche_runtime::RuntimeCall,
	e: &sp_runtime::transaction_validity::TransactionValidityError,
) -> String {
	use codec::Decode;
	use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
	use veche_runtime::RuntimeCall;
	match e {
		TransactionValidityError::Invalid(InvalidTransaction::Custom(code)) => {
			let code = &mut &[*code][..];
			let name = match call {
				RuntimeCall::Ratings(_) => pallet_veche_ratings::Error::<Runtime>::decode(code)
					.map(|e| format!("Ratings::{e:?}")),
				RuntimeCall::Recall(_) => pallet_veche_recall::Error::<Runtime>::decode(code)
					.map(|e| format!("Recall::{e:?}")),
				RuntimeCall::Juries(_) => pallet_veche_juries::Error::<Runtime>::decode(code)
					.map(|e| format!("Juries::{e:?}")),
				RuntimeCall::Consultations(_) => {
					pallet_veche_consultations::Error::<Runtime>::decode(code)
						.map(|e| format!("Consultations::{e:?}"))
				},
				_ => pallet_veche_ballots::Error::<Runtime>::decode(code)
					.map(|e| format!("Ballots::{e:?}")),
			};
			name.unwrap_or_else(|_| format!("Custom({e:?})"))
		},
		other => format!("{other:?}"),
	}
}

/// A dispatch error by name (`Pallet::Error`), for the report.
fn error_name(e: &sp_runtime::DispatchError) -> String {
	match e {
		sp_runtime::DispatchError::Module(m) => {
			let name = veche_runtime::RuntimeError::from_dispatch_error(*e)
				.map(|e| format!("{e:?}"))
				.unwrap_or_else(|| format!("{m:?}"));
			name.replacen('(', "::", 1).trim_end_matches(')').to_string()
		},
		other => format!("{other:?}"),
	}
}

/// The block's inherents: the parachain's validation data (a relay-chain state proof whose slot
/// matches the block's) and the timestamp.
fn inherents(number: u32, slot: u64, parent_head: Vec<u8>) -> Vec<UncheckedExtrinsic> {
	let mut sproof = RelayStateSproofBuilder {
		para_id: veche_runtime::genesis_config_presets::PARACHAIN_ID.into(),
		current_slot: Slot::from(slot),
		included_para_head: Some(parent_head.into()),
		// A relay epoch every ten blocks, as the dev node's mock relay chain has, with randomness
		// of its own: juries draw.
		current_epoch: u64::from(number / 10),
		randomness: sp_io::hashing::blake2_256(&(number / 10).to_le_bytes()).into(),
		..Default::default()
	};
	sproof.host_config.max_upward_message_num_per_candidate = 16;
	let (relay_parent_storage_root, relay_chain_state) = sproof.into_state_root_and_proof();
	let data = ParachainInherentData {
		validation_data: PersistedValidationData {
			relay_parent_number: number,
			relay_parent_storage_root,
			..Default::default()
		},
		relay_chain_state,
		downward_messages: Default::default(),
		horizontal_messages: Default::default(),
		relay_parent_descendants: Default::default(),
		collator_peer_id: None,
	};
	let mut inherent_data = InherentData::default();
	inherent_data
		.put_data(cumulus_primitives_parachain_inherent::INHERENT_IDENTIFIER, &data)
		.expect("the inherent data encodes");
	let validation = ParachainSystem::create_inherent(&inherent_data).expect("an inherent");
	let timestamp = pallet_timestamp::Call::<Runtime>::set { now: slot * SLOT_DURATION };
	vec![
		UncheckedExtrinsic::new_bare(RuntimeCall::ParachainSystem(validation)),
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(timestamp)),
	]
}

/// The CPU time this thread has used, in picoseconds. Extrinsics are timed by it rather than by
/// the wall clock, which also counts the time the thread waited for a core while another process
/// had it: on a busy machine that made the native-time check fail spuriously (an extrinsic
/// charged 0.73 ms "ran" 1.26 ms). 0 if the clock cannot be read, which fails no check.
fn thread_cpu_ps() -> u64 {
	let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
	// SAFETY: `t` is a valid, writable timespec for the duration of the call.
	if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
		return 0;
	}
	let ns = u64::try_from(t.tv_sec)
		.unwrap_or(0)
		.saturating_mul(1_000_000_000)
		.saturating_add(u64::try_from(t.tv_nsec).unwrap_or(0));
	ns.saturating_mul(1_000)
}

#[cfg(test)]
mod tests {
	use super::{Measured, Outcome};

	fn measured(outcome: Outcome, charged_time: u64, native_time: u64) -> Measured {
		Measured {
			label: "Juries.enrol (anonymous)".into(),
			outcome,
			declared_proof: 1,
			recorded_proof: 0,
			charged_time,
			native_time,
		}
	}

	/// An invalid transaction is not in the block: its time has no charge to overrun (the false
	/// overrun the long run found at seed 1, block 222), while an included one's still counts.
	#[test]
	fn only_included_extrinsics_are_held_to_their_charged_time() {
		let refused = measured(Outcome::Invalid("InvalidProof".into()), 0, 336_170_000);
		assert!(!refused.included());
		assert_eq!(refused.time_ratio(), 0.0);
		let failed = measured(Outcome::Failed("AlreadyEnrolled".into()), 261_973_000, 336_170_000);
		assert!(failed.included());
		assert!(failed.time_ratio() > 1.28);
	}
}
