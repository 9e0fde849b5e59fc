//! The CI-sized fuzz run: a few seeds of a few dozen blocks each (the long run is
//! `scripts/fuzz.sh`).

#[test]
fn random_blocks_keep_every_invariant_and_every_charge_covers_its_proof() {
	let mut recorded = 0;
	for seed in 1..=2 {
		let settings = veche_fuzz::Settings { seed, blocks: 40, per_block: 12, valid_ballots: 6 };
		let report = veche_fuzz::run(&settings).unwrap_or_else(|e| panic!("{e}"));
		println!("{}", report.to_json());
		// The run exercised something: blocks were built, calls of every Veche pallet
		// succeeded and failed, and valid ballots were offered.
		assert_eq!(report.blocks, 40);
		assert!(report.succeeded > 0 && report.failed > 0, "{report:?}");
		for pallet in
			["Jurisdictions.", "Personhood.", "Ballots.", "Credit.", "Elections.", "Promises."]
		{
			assert!(
				report.outcomes.keys().any(|k| k.starts_with(pallet)),
				"no call of {pallet} offered"
			);
		}
		// The calls that came closest to their charges are named, as the outcomes name them.
		for (ratio, call) in [
			(report.max_proof_ratio, &report.max_proof_call),
			(report.max_time_ratio, &report.max_time_call),
		] {
			assert!(ratio > 0.0 && report.outcomes.contains_key(call), "{ratio} {call:?}");
		}
		recorded += report.ballots_recorded;
	}
	// Ballots with valid proofs reached the tally through the end-of-block batch.
	assert!(recorded > 0, "no ballot was recorded");
}
