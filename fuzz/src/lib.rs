//! # veche-fuzz
//!
//! Veche's runtime fuzzer. It builds blocks of random extrinsics — every Veche pallet's calls,
//! from random signed accounts, from governance (through `Sudo`, which every Veche admin origin
//! accepts) and anonymously (ballots as general transactions, with valid and corrupted ring
//! proofs) — and runs them through [`veche_runtime::Executive`] exactly as a collator does: the
//! parachain and timestamp inherents first, each transaction validated as the pool would and
//! then applied (a collator may include what the pool refused), the block finalized. After every
//! block it asserts:
//!
//! - nothing panicked (a panic aborts the run with the seed and block that reproduce it);
//! - every pallet's `try_state` holds;
//! - each extrinsic's declared proof size (its weight's `proof_size` plus its length) covers the
//!   storage proof it recorded, and the block's charged proof size, plus the allowance for the
//!   block's own housekeeping (measured on an empty block), covers the block's whole storage
//!   proof — the proof a relay-chain validator needs;
//! - the state `veche-indexer` rebuilds from the block's events (on top of what it rebuilt from
//!   the earlier blocks, starting from the genesis state) equals what storage holds;
//! - in an optimised build, each extrinsic's charged `ref_time` (after refunds) covers the time
//!   its native execution took (native code is faster than the wasm the weights are measured in,
//!   so a native overrun is a certain underestimate). A debug build reports the ratio only.
//!
//! Why a seeded, structure-aware generator and not `cargo fuzz`: a valid ring proof or a call
//! that reaches deep state (a poll with ballots, a clearing account) is practically never hit by
//! mutating bytes, libFuzzer needs a nightly toolchain and a coverage-instrumented runtime that
//! this 2-core machine builds in hours, and a run here is reproduced exactly from its seed. The
//! generator ([`gen`]) draws arguments from small domains that mostly hit real state (known
//! accounts, existing units, polls and currencies) and sometimes not (to reach every error path).

pub mod chain;
pub mod gen;
pub mod rng;
pub mod tx;

pub use chain::{BlockReport, Chain, Failure};
pub use rng::Rng;

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct RunReport {
	/// Blocks built.
	pub blocks: u32,
	/// Extrinsics offered (inherents excluded).
	pub extrinsics: u64,
	/// Of them: included and dispatched without error.
	pub succeeded: u64,
	/// Included, dispatched with an error (state rolled back by the call itself).
	pub failed: u64,
	/// Refused as invalid transactions (never included).
	pub invalid: u64,
	/// Ballots with a valid ring proof offered.
	pub valid_ballots: u64,
	/// Ring revisions finished by the end of the run.
	pub rings_built: u64,
	/// Voters with a ballot recorded, over all polls, at the end of the run.
	pub ballots_recorded: u64,
	/// Events replayed by the indexer (every block's state rebuilt from them matched storage).
	pub events_replayed: u64,
	/// The largest share of an extrinsic's declared proof size its recorded proof took.
	pub max_proof_ratio: f64,
	/// The extrinsic that took it (label and outcome, as in `outcomes`).
	pub max_proof_call: String,
	/// The largest share of an extrinsic's charged `ref_time` its native execution took.
	pub max_time_ratio: f64,
	/// The extrinsic that took it.
	pub max_time_call: String,
	/// The proof allowance for a block's housekeeping, bytes (measured on the first, empty block).
	pub housekeeping_proof: u64,
	/// Outcomes by call (`Pallet.call`) and result.
	pub outcomes: std::collections::BTreeMap<String, u64>,
}

impl RunReport {
	fn add(&mut self, block: &BlockReport) {
		self.blocks += 1;
		self.extrinsics += block.extrinsics.len() as u64;
		for x in &block.extrinsics {
			match &x.outcome {
				chain::Outcome::Ok => self.succeeded += 1,
				chain::Outcome::Failed(_) => self.failed += 1,
				chain::Outcome::Invalid(_) => self.invalid += 1,
			}
			let call = format!("{} {}", x.label, x.outcome.short());
			if x.proof_ratio() > self.max_proof_ratio {
				self.max_proof_ratio = x.proof_ratio();
				self.max_proof_call = call.clone();
			}
			if x.time_ratio() > self.max_time_ratio {
				self.max_time_ratio = x.time_ratio();
				self.max_time_call = call.clone();
			}
			*self.outcomes.entry(call).or_default() += 1;
		}
	}

	/// The report as JSON.
	pub fn to_json(&self) -> serde_json::Value {
		serde_json::json!({
			"blocks": self.blocks,
			"extrinsics": self.extrinsics,
			"succeeded": self.succeeded,
			"failed": self.failed,
			"invalid": self.invalid,
			"valid_ballots": self.valid_ballots,
			"rings_built": self.rings_built,
			"ballots_recorded": self.ballots_recorded,
			"events_replayed": self.events_replayed,
			"max_proof_ratio": self.max_proof_ratio,
			"max_proof_call": self.max_proof_call,
			"max_time_ratio": self.max_time_ratio,
			"max_time_call": self.max_time_call,
			"housekeeping_proof_bytes": self.housekeeping_proof,
			"outcomes": self.outcomes,
		})
	}
}

/// Settings of a run.
#[derive(Debug, Clone)]
pub struct Settings {
	/// The seed: the same seed builds the same blocks.
	pub seed: u64,
	/// Blocks to build.
	pub blocks: u32,
	/// Extrinsics per block, at most.
	pub per_block: u32,
	/// Ballots with a valid ring proof to make over the run (each takes about a second).
	pub valid_ballots: u32,
}

/// Runs the fuzzer: builds `settings.blocks` blocks from the development preset's genesis and
/// checks each. Returns the report, or the first failure with the seed and block.
pub fn run(settings: &Settings) -> Result<RunReport, String> {
	let mut chain = Chain::development();
	let mut world = gen::World::new(settings.seed, settings.valid_ballots);
	let mut report = RunReport::default();
	// The first block carries the inherents only: its proof is the housekeeping allowance.
	let first = chain.build_block(Vec::new()).map_err(|f| failure(settings, 1, f))?;
	report.housekeeping_proof = first.proof_size;
	chain.set_housekeeping_allowance(first.proof_size);
	report.add(&first);
	// Setup (not random): the ring builder's chunks, so that rings get built.
	for xts in world.setup(&mut chain) {
		let block = chain.build_block(xts).map_err(|f| failure(settings, chain.number(), f))?;
		report.add(&block);
	}
	while report.blocks < settings.blocks {
		let xts = world.block(&mut chain, settings.per_block);
		let block = chain.build_block(xts).map_err(|f| failure(settings, chain.number(), f))?;
		report.add(&block);
	}
	report.valid_ballots = world.valid_ballots_made();
	report.events_replayed = chain.index().events;
	chain.with_state(|| {
		use veche_runtime::Runtime;
		report.rings_built = pallet_veche_personhood::RingRoots::<Runtime>::iter_values()
			.filter(|r| r.revision > 0)
			.count() as u64;
		report.ballots_recorded = pallet_veche_ballots::Polls::<Runtime>::iter_values()
			.map(|p| u64::from(p.voters))
			.sum();
	});
	Ok(report)
}

fn failure(settings: &Settings, block: u32, f: Failure) -> String {
	format!("seed {} block {block}: {f}", settings.seed)
}
